"""Tests that every script in ``examples/`` runs as documented and prints its explanation."""

from __future__ import annotations

import re
import runpy

from pathlib import Path

import pytest


EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.py"))
# Eighteen digits in a row: a whole NIP or NI PPPK in its compact form.
_WHOLE_NIP = re.compile(r"(?<![0-9])[0-9]{18}(?![0-9])")


def _run(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``path`` as a script and return what it printed."""
    runpy.run_path(str(path), run_name="__main__")
    return capsys.readouterr().out


class TestExamples:
    """The scripts in examples/, run as ``python examples/<name>.py`` would run them."""

    def test_documented_examples_exist(self) -> None:
        """The scripts the guides refer to are present and found by the glob."""
        assert {"explain_nip.py", "region_hierarchy.py"} <= {path.name for path in EXAMPLES}

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
    def test_runs_and_prints(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Running the script as __main__ succeeds and prints some output."""
        assert "" != _run(path, capsys).strip()

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
    def test_never_prints_a_compact_nip(
        self, path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No script prints an 18-digit number, even a synthetic one (UU 27/2022 habit)."""
        assert [] == _WHOLE_NIP.findall(_run(path, capsys))

    def test_importing_does_not_run_main(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Loaded under another name, a script defines main() but prints nothing."""
        for path in EXAMPLES:
            namespace = runpy.run_path(str(path), run_name="not_main")
            assert callable(namespace["main"])
        assert "" == capsys.readouterr().out


class TestExplainNip:
    """examples/explain_nip.py: the output a reader of the identifiers guide expects."""

    def test_masks_and_explains(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The documented example appears masked, and each kind of problem is named."""
        out = _run(EXAMPLES_DIR / "explain_nip.py", capsys)
        assert "******** ****** * 001  valid (masked form)" in out
        for code in ("nip.tmt_before_18", "nip.tmt_future", "nip.pppk_code", "nip.tmt_month"):
            assert code in out


class TestRegionHierarchy:
    """examples/region_hierarchy.py: the seed cities with names and time zones."""

    def test_names_zones_and_special_cases(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Kendari is WITA, Cihapit lies in Bandung Wetan, and Kota Batu has a desa."""
        out = _run(EXAMPLES_DIR / "region_hierarchy.py", capsys)
        assert "74.71  Kota Kendari  [kota]  Asia/Makassar (WITA)" in out
        assert "in 32.73.09  Bandung Wetan  [kecamatan]" in out
        assert "35.79.01.2005  Sumberejo  [desa], in a kota: True" in out
