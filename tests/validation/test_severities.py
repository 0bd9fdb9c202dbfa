"""One channel for findings: a ``severities=`` override reaches every rule's findings.

Rule findings are made in one place, `birokrasi_retreat._rules.emit`: by `check` for every
rule, and by `follow_up_status` for FUP003 and FUP004. These tests run every path that
reports rule findings over the bundled samples (which trigger rules of every area) with
every rule's severity overridden, and scan the source for a rule's finding made anywhere
else.
"""

from __future__ import annotations

import ast

from pathlib import Path
from typing import Final

import pendulum
import pytest

from birokrasi_retreat import samples
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.followup import follow_up_status
from birokrasi_retreat.validation import RULES, check


SRC: Final = Path(__file__).resolve().parents[2] / "src" / "birokrasi_retreat"
# A day after every sample retreat and past its follow-up window.
LATER: Final = pendulum.Date(2026, 6, 1)


def _flipped(severity: Severity) -> Severity:
    return Severity.INFO if severity is Severity.ERROR else Severity.ERROR


OVERRIDES: Final = {code: _flipped(rule_.severity) for code, rule_ in RULES.items()}


def _rule_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    return [finding for finding in findings if finding.code in RULES]


def _reported(name: str) -> list[tuple[str, tuple[Finding, ...], tuple[Finding, ...]]]:
    """(path, findings as is, findings overridden) of every path on sample ``name``."""
    data = samples.load(name)
    options = {"roster": data.roster}
    objects: list[object] = [data.roster, data.retreat, data.planned, data.survey, data.follow_up]
    out = []
    for obj in objects:
        if obj is None:
            continue
        plain = check(obj, on=LATER, options=options).findings
        moved = check(obj, on=LATER, options=options, severities=OVERRIDES).findings
        out.append((f"check({type(obj).__name__})", plain, moved))
    if data.follow_up is not None and data.retreat is not None:
        follow_up = data.follow_up

        def status(**kwargs: object) -> tuple[Finding, ...]:
            return follow_up_status(
                follow_up.retreat,
                follow_up.commitments,
                follow_up.visits,
                on=LATER,
                roster=data.roster,
                **kwargs,  # type: ignore[arg-type]
            ).findings

        out.append(("follow_up_status", status(), status(severities=OVERRIDES)))
    return out


@pytest.mark.parametrize("name", samples.names())
def test_an_override_reaches_every_rule_finding_on_every_path(name: str) -> None:
    for path, plain, moved in _reported(name):
        assert len(plain) == len(moved), path
        for finding in _rule_findings(moved):
            assert finding.severity is OVERRIDES[finding.code], (path, finding.code)


def test_every_path_reports_rule_findings_on_the_samples() -> None:
    """The test above is not vacuous: every path reports rule findings on the samples."""
    seen: dict[str, set[str]] = {}
    for name in samples.names():
        for path, plain, _moved in _reported(name):
            seen.setdefault(path, set()).update(f.code for f in _rule_findings(plain))
    assert {"FUP003", "FUP004"} <= seen["follow_up_status"]
    assert all(seen.values()), seen
    assert {"Roster", "Retreat", "Survey", "FollowUp"} <= {
        path[len("check(") : -1] for path in seen if path.startswith("check(")
    }


def test_without_override_the_status_reports_the_rule_severity() -> None:
    for name in samples.names():
        for path, plain, _moved in _reported(name):
            for finding in _rule_findings(plain):
                if finding.code in {"FUP003", "FUP004"}:
                    assert finding.severity is RULES[finding.code].severity, path


def _literal_rule_codes(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("Finding"):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "code"
                    and isinstance(value, ast.Constant)
                    and value.value in RULES
                ):
                    lines.append(node.lineno)
    return lines


def test_no_rule_finding_is_made_outside_the_engine() -> None:
    made = {
        f"{path.relative_to(SRC)}:{line}"
        for path in SRC.rglob("*.py")
        if path.name != "_rules.py"
        for line in _literal_rule_codes(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert made == set()


def test_the_scan_finds_a_rule_finding_made_by_hand() -> None:
    source = 'Finding(code="FUP003", severity=Severity.WARNING)\n'
    assert _literal_rule_codes(ast.parse(source)) == [1]
    assert _literal_rule_codes(ast.parse('Finding(code="nip.pppk_year")\n')) == []
