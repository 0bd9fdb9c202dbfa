"""What every validation rule promises, asserted once for the rule tests of each family.

The ORG, RET, EVA and FUP tests build their own near misses; these helpers check what
all rules share: a documented registry entry, a finding at its path with its severity
and source, a message catalogued in both languages, and no whole NIP (not even its
first eight digits, the birth date) in what a finding shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from birokrasi_retreat.validation import RULES


if TYPE_CHECKING:
    from collections.abc import Iterable

    from birokrasi_retreat.findings import Finding, Severity


def assert_documented(code: str) -> None:
    """The rule has distinct titles in both languages, a rationale and a source."""
    registered = RULES[code]
    assert registered.title("id") != registered.title("en")
    assert registered.rationale.strip()
    assert registered.source.strip()


def assert_found(finding: Finding, path: str, severity: Severity) -> None:
    """The finding is at ``path`` with ``severity`` and carries its rule's source."""
    assert (path, severity) == (finding.path, finding.severity)
    assert RULES[finding.code].source == finding.source


def assert_renders(finding: Finding) -> None:
    """The message is catalogued, fully filled and different in Indonesian and English."""
    texts = {lang: finding.message(lang) for lang in ("id", "en")}
    for text in texts.values():
        assert "{" not in text
        assert not text.endswith(f"({finding.code})")
        assert finding.code != text
    assert texts["id"] != texts["en"]


def assert_no_whole_nip(findings: Iterable[Finding], numbers: Iterable[str]) -> None:
    """No message, parameter or subject of ``findings`` shows the birth date of ``numbers``."""
    prefixes = {number[:8] for number in numbers}
    for finding in findings:
        shown = [finding.message("id"), finding.message("en"), *finding.subjects]
        shown += [str(value) for value in finding.params.values()]
        for prefix in prefixes:
            assert all(prefix not in text for text in shown)
