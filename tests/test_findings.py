"""Tests for birokrasi_retreat.findings: severities and findings."""

from __future__ import annotations

import attrs
import pytest

from birokrasi_retreat.findings import Finding, Severity


class TestSeverity:
    def test_order(self) -> None:
        """Severities sort info < warning < error, whatever their string values."""
        assert [Severity.INFO, Severity.WARNING, Severity.ERROR] == sorted(
            [Severity.ERROR, Severity.INFO, Severity.WARNING]
        )
        assert Severity.ERROR >= Severity.ERROR
        assert Severity.INFO <= Severity.WARNING
        assert not Severity.ERROR < Severity.WARNING

    def test_foreign_comparison_is_not_implemented(self) -> None:
        """Comparing with a plain string is refused instead of comparing alphabetically."""
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert getattr(Severity.ERROR, op)("warning") is NotImplemented

    def test_rank(self) -> None:
        """Ranks are 0, 1, 2."""
        assert [0, 1, 2] == [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)]


class TestFinding:
    def test_params_are_frozen(self) -> None:
        """A finding's params cannot be changed after construction."""
        params = {"count": 1}
        finding = Finding(code="invalid.group", severity=Severity.INFO, params=params)
        params["count"] = 2
        assert finding.message("en") == "1 validation errors were found."
        with pytest.raises(TypeError):
            finding.params["count"] = 3  # type: ignore[index]

    def test_frozen_and_hashable(self) -> None:
        """Findings are immutable values that can live in sets."""
        finding = Finding(code="invalid", severity=Severity.ERROR, path="a")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            finding.path = "b"  # type: ignore[misc]
        assert len({finding, Finding(code="invalid", severity=Severity.ERROR, path="a")}) == 1

    def test_default_language_is_indonesian(self) -> None:
        """message() without a language speaks Indonesian."""
        assert Finding(code="invalid", severity=Severity.ERROR).message() == "Nilai tidak valid."
