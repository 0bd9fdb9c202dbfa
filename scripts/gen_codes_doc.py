"""Regenerate docs/reference/codes.md from the message catalogue.

Run: ``uv run python scripts/gen_codes_doc.py``. A test fails when the page is stale.
"""

from __future__ import annotations

import sys

from pathlib import Path

from birokrasi_retreat.messages import catalogue


PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "codes.md"


def render() -> str:
    """Return the Markdown page listing every code with both texts."""
    lines = [
        "# Message codes",
        "",
        "Every error and finding carries one of these stable codes. Generated from",
        "`birokrasi_retreat/data/messages/*.toml` by `scripts/gen_codes_doc.py`; do not edit.",
        "Fields in braces are filled in from the error's parameters.",
        "",
        "| code | Bahasa Indonesia | English |",
        "|---|---|---|",
    ]
    for code, texts in sorted(catalogue().items()):
        cells = [texts[lang].replace("|", "\\|") for lang in ("id", "en")]
        lines.append(f"| `{code}` | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write the page; with ``--check``, exit 1 if it is stale instead."""
    text = render()
    if "--check" in sys.argv[1:]:
        return 0 if PAGE.read_text(encoding="utf-8") == text else 1
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
