"""Tests that generated documentation pages are current."""

from __future__ import annotations

import importlib.util

from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent


def _script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codes_page_is_current() -> None:
    """docs/reference/codes.md matches the catalogue (run scripts/gen_codes_doc.py)."""
    gen = _script("gen_codes_doc")
    expected = gen.render()  # type: ignore[attr-defined]
    assert expected == (ROOT / "docs" / "reference" / "codes.md").read_text(encoding="utf-8")


PASTE = _script("paste_cli_output")
CLI_BLOCKS = [
    block
    for page in PASTE.PAGES  # type: ignore[attr-defined]
    for block in PASTE.blocks(page.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
]


@pytest.mark.parametrize(
    ("command", "argv", "expected"), CLI_BLOCKS, ids=[b[0] for b in CLI_BLOCKS]
)
def test_cli_output_in_docs_is_current(command: str, argv: list[str], expected: str) -> None:
    """The command output pasted in the guides is what the command prints today."""
    del command
    assert expected == PASTE.output(argv)  # type: ignore[attr-defined]
