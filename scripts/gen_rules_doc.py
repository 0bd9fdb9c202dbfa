"""Regenerate docs/reference/rules.md from the rule registry (`birokrasi_retreat.validation.RULES`).

Run: ``uv run python scripts/gen_rules_doc.py``. A test fails when the page is stale
(``--check`` exits 1 instead of writing).
"""

from __future__ import annotations

import re
import sys

from pathlib import Path

from birokrasi_retreat.validation import RULES


PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "rules.md"


_ANCHOR = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
# The anchors after the "sources:" marker, as code cites the sources page
# (tests/test_sources.py reads citations with the same pattern).
_CITATION = re.compile(rf"\bsources: ({_ANCHOR}(?:, {_ANCHOR})*)(?![\w\[-])")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _linked(text: str) -> str:
    """Link each anchor cited after a ``sources:`` marker to the sources page."""

    def links(match: re.Match[str]) -> str:
        anchors = match.group(1).split(", ")
        return "sources: " + ", ".join(f"[{a}](../explanation/sources.md#{a})" for a in anchors)

    return _CITATION.sub(links, text)


def render() -> str:
    """Return the Markdown page listing every rule: code, severity, titles, rationale, source."""
    rules = sorted(RULES.values(), key=lambda r: r.code)
    lines = [
        "# Validation rules",
        "",
        "Every rule `check()` and `validate()` run, with its stable code and default severity.",
        "Generated from `birokrasi_retreat.validation.RULES` by `scripts/gen_rules_doc.py`;",
        "do not edit. Choose rules with `select=`/`ignore=` and change a severity with",
        '`severities={"ORG007": Severity.INFO}`; date-dependent rules stay silent without `on=`.',
        "The messages, in Indonesian and English, are listed under [Message codes](codes.md).",
        "",
        "| code | severity | judul (Bahasa Indonesia) | title (English) |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [`{r.code}`](#{r.code.lower()}) | {r.severity.value} | {_cell(r.title_id)} "
        f"| {_cell(r.title_en)} |"
        for r in rules
    ]
    for r in rules:
        lines += [
            "",
            f"## {r.code}",
            "",
            (
                f"**{r.title_en}** ({r.title_id}). Default severity: {r.severity.value}; "
                f"checks `{r.applies_to.__name__}`."
            ),
            "",
            _linked(r.rationale),
            "",
            f"Source: {_linked(r.source)}",
        ]
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
