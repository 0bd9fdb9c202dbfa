"""The shared rule-test assertions (tests/builders/rule_contract.py) fail where they must."""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any

import attrs
import pytest

from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    import roster_builders
    import rule_contract as rc
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    roster_builders = importlib.import_module("tests.builders.roster_builders")
    rc = importlib.import_module("tests.builders.rule_contract")

NIP = "198609262015051001"


def finding(**changes: Any) -> Finding:
    """ORG007's finding on its near miss (``positions[4]``), with ``changes`` applied."""
    (base,) = check(roster_builders.NEAR_MISSES["ORG007"].build(), on=roster_builders.ON)
    return attrs.evolve(base, **changes)


def test_a_good_finding_passes() -> None:
    """A finding with its rule's path, severity and source, and no NIP, passes every check."""
    rc.assert_documented("ORG007")
    rc.assert_found(finding(), "positions[4]", Severity.WARNING)
    rc.assert_renders(finding())
    rc.assert_no_whole_nip([finding()], [NIP])


def test_a_wrong_path_severity_or_source_fails() -> None:
    """assert_found fails on another path, another severity, or a source not the rule's."""
    for wrong, path, severity in (
        (finding(), "positions[3]", Severity.WARNING),
        (finding(), "positions[4]", Severity.ERROR),
        (finding(source="made up"), "positions[4]", Severity.WARNING),
    ):
        with pytest.raises(AssertionError):
            rc.assert_found(wrong, path, severity)


def test_a_shown_birth_date_fails() -> None:
    """assert_no_whole_nip fails when a subject or a parameter shows a NIP's first 8 digits."""
    params = {**finding().params, "position": NIP[:8]}
    for shown in (finding(subjects=(NIP,)), finding(params=params)):
        with pytest.raises(AssertionError):
            rc.assert_no_whole_nip([shown], [NIP])


def test_an_uncatalogued_message_fails() -> None:
    """assert_renders fails on a code without a catalogued message (it renders as the code)."""
    with pytest.raises(AssertionError):
        rc.assert_renders(finding(code="XYZ999"))
