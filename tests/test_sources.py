"""The sources page ships with the code: every citation points at one of its anchors.

Comments, docstrings, data headers and documentation cite a regulation with the anchor
of its entry on ``docs/explanation/sources.md`` (``sources: nip-layout`` in code,
``sources.md#nip-layout`` in a link). These tests fail when a citation names an anchor
the page does not have, or when a file still cites the project's old private domain
notes, which no user can open.
"""

from __future__ import annotations

import re

from pathlib import Path
from typing import TYPE_CHECKING

import pytest


if TYPE_CHECKING:
    from collections.abc import Iterator


ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "explanation" / "sources.md"
# Folders whose text files may carry citations, and the top-level files that may too.
FOLDERS = ("src", "tests", "docs", "scripts", "examples", "benchmarks")
FILES = ("README.md", "pyproject.toml", "mkdocs.yml")
SUFFIXES = {".py", ".md", ".toml", ".csv", ".yml", ".yaml", ".json", ".txt", ".ics", ".ipynb"}
# Built by concatenation so that this file does not cite it.
OLD_NOTES = "REFERENCE" + ".md"

ANCHOR = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
# "sources: a, b": the anchors after the marker, as code and data cite them; a comma
# separates anchors, anything else ends the list ("sources: ikm; paraphrased"). A type
# annotation ("sources: tuple[str, ...]") is not a citation.
CITATION = re.compile(rf"\bsources: ({ANCHOR}(?:, {ANCHOR})*)(?![\w\[-])")
# "[a](sources.md#a)" or "(../explanation/sources.md#a)": a link into the page.
LINK = re.compile(rf"sources\.md#({ANCHOR})")
HEADING_ANCHOR = re.compile(r"^#{2,6} .*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)


def _files() -> Iterator[Path]:
    for name in FILES:
        yield ROOT / name
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                yield path


def _anchors() -> set[str]:
    return set(HEADING_ANCHOR.findall(PAGE.read_text(encoding="utf-8")))


def cited(text: str) -> list[str]:
    """The anchors ``text`` cites, in order, from both citation forms.

    >>> cited("Perka BKN 22/2007 (sources: nip-layout, ni-pppk-layout, nik).")
    ['nip-layout', 'ni-pppk-layout', 'nik']
    >>> cited("SE MenPAN-RB 20/2021 (sources: berakhlak; paraphrased)")
    ['berakhlak']
    >>> cited("sources: tuple[str, ...]")
    []
    >>> cited("see [ikm](../explanation/sources.md#ikm)")
    ['ikm']
    >>> cited("no citation here")
    []
    """
    anchors: list[str] = []
    for match in CITATION.finditer(text):
        anchors.extend(match.group(1).split(", "))
    anchors.extend(LINK.findall(text))
    return anchors


FILES_WITH_TEXT = [path for path in _files() if path.is_file()]
# This file names anchors the page lacks on purpose, to test the check.
CITING_FILES = [path for path in FILES_WITH_TEXT if path != Path(__file__).resolve()]


def test_the_page_has_anchors() -> None:
    """The page gives its entries explicit anchors, the ones citations use."""
    anchors = _anchors()
    assert {"nip-layout", "kode-wilayah", "ikm", "uu-pdp", "unconfirmed"} <= anchors


def test_files_are_found() -> None:
    """The walk sees the code, the tests and the docs (a broken walk would pass vacuously)."""
    names = {path.relative_to(ROOT).as_posix() for path in FILES_WITH_TEXT}
    assert "src/birokrasi_retreat/ids/nip.py" in names
    assert "docs/explanation/sources.md" in names
    assert "tests/test_sources.py" in names


@pytest.mark.parametrize("path", CITING_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_citations_name_anchors_of_the_page(path: Path) -> None:
    """Every ``sources: x`` and ``sources.md#x`` in the file is an anchor of the page."""
    text = path.read_text(encoding="utf-8")
    unknown = sorted(set(cited(text)) - _anchors())
    assert not unknown, f"{path.relative_to(ROOT)} cites anchors the page lacks: {unknown}"


@pytest.mark.parametrize("path", FILES_WITH_TEXT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_old_notes_are_not_cited(path: Path) -> None:
    """No file points its reader at notes that do not ship with the code."""
    text = path.read_text(encoding="utf-8")
    assert OLD_NOTES not in text, f"{path.relative_to(ROOT)} still cites {OLD_NOTES}"


def test_a_wrong_anchor_is_caught() -> None:
    """The check itself: an anchor the page lacks is reported, a real one is not."""
    anchors = _anchors()
    assert set(cited("(sources: nip-layout)")) <= anchors
    assert not set(cited("(sources: no-such-entry)")) <= anchors
    assert not set(cited("[x](sources.md#no-such-entry)")) <= anchors
