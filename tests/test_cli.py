"""Tests for the birokrasi-retreat command line."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

from typing import TYPE_CHECKING

import attrs
import pytest

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.cli import main


if TYPE_CHECKING:
    from pathlib import Path


NUMBER = "198609262015051001"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


class TestNip:
    def test_valid_number_is_masked_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid NIP is explained without its digits, birth date or sex."""
        status, out = run(capsys, "nip", "19860926", "201505", "1", "001", "--lang", "en")
        assert status == 0
        assert "Valid          yes" in out
        assert "19860926" not in out
        assert "1986" not in out
        assert "male" not in out

    def test_unmask_shows_details(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--unmask shows the decoded parts in the chosen language."""
        status, out = run(capsys, "nip", NUMBER, "--unmask", "--lang", "id")
        assert status == 0
        assert "Tanggal lahir  1986-09-26" in out
        assert "TMT CPNS       2015-05" in out
        assert "Jenis kelamin  laki-laki" in out
        assert "19860926 201505 1 001" in out

    def test_pppk(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An NI PPPK shows its appointment year and code instead of a TMT."""
        status, out = run(
            capsys, "nip", "199001012024212002", "--kind", "PPPK", "--unmask", "--lang", "en"
        )
        assert status == 0
        assert "Appointed      2024" in out
        assert "PPPK code      21" in out
        assert "Sex            female" in out

    def test_invalid_exits_1_with_reason(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An invalid NIP exits with status 1 and says why, without echoing the number."""
        status, out = run(capsys, "nip", "198602302015051001", "--lang", "en")
        assert status == 1
        assert "Valid          no" in out
        assert "real calendar date" in out
        assert "19860230" not in out

    def test_plausibility_warning(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--on reports a TMT after the reference date as a warning, not an error."""
        status, out = run(capsys, "nip", NUMBER, "--on", "2015-01-01", "--lang", "en")
        assert status == 0
        assert "Warning" in out

    @pytest.mark.parametrize("bad", ["2015-1-1", "20150101", "soon"])
    def test_bad_reference_date_is_a_usage_error(
        self, bad: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A reference date not in YYYY-MM-DD form is refused by the parser (exit 2)."""
        with pytest.raises(SystemExit) as exc:
            main(["nip", NUMBER, "--on", bad])
        assert exc.value.code == 2
        assert "YYYY-MM-DD" in capsys.readouterr().err


class TestWilayah:
    def test_kelurahan(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A kelurahan code is explained with its ancestors and time zone."""
        status, out = run(capsys, "wilayah", "3573031006", "--lang", "en")
        assert status == 0
        assert "Name           Kedungkandang" in out
        assert "Level          desa/kelurahan (kelurahan)" in out
        assert "Kab/Kota       35.73 Kota Malang" in out
        assert "Time zone      Asia/Jakarta (WIB)" in out

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("35.79.02.2001", "(desa)"),
            ("91.03.01.3001", "(desa adat)"),
            ("35.07", "(kabupaten)"),
        ],
    )
    def test_kinds(self, code: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Desa, desa adat and kabupaten are named as such."""
        status, out = run(capsys, "wilayah", code)
        assert status == 0
        assert expected in out

    def test_unknown_code_and_province(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A well-formed code outside the catalogue is valid but says so, even its time zone."""
        status, out = run(capsys, "wilayah", "99.98", "--lang", "en")
        assert status == 0
        assert "(not in the official catalogue)" in out
        assert "Province       99 ?" in out

    def test_invalid_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed code exits with status 1 and the reason."""
        status, out = run(capsys, "wilayah", "35.7303", "--lang", "en")
        assert status == 1
        assert "Valid          no" in out


class TestDemo:
    def test_demo_runs_in_both_languages(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The demo explains identifiers, the roster and the Malang retreat, and writes the .ics."""
        for lang in ("id", "en"):
            ics = tmp_path / f"agenda-{lang}.ics"
            status, out = run(capsys, "demo", "--lang", lang, "--ics", str(ics))
            assert status == 0
            assert "Kota Kendari" in out
            assert "Asia/Makassar (WITA)" in out
            assert "III.a" in out
            assert "19860926" not in out
            assert "Kota Malang (35.73)" in out
            assert "ORG007" in out
            assert "2025-05-15 - 2025-05-17" in out
            assert "eligibility.matches" in out
            assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
            assert b"TZID=Asia/Jakarta" in ics.read_bytes()

    def test_demo_unmask(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With --unmask the demo shows the synthetic NIPs whole."""
        status, out = run(capsys, "demo", "--unmask", "--ics", str(tmp_path / "a.ics"))
        assert status == 0
        assert "19860926 201505 1 001" in out


class TestIcs:
    def test_sample_to_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The held Kendari agenda is written to stdout in WITA."""
        status, out = run(capsys, "ics", "--sample", "kendari")
        assert status == 0
        assert out.startswith("BEGIN:VCALENDAR")
        assert "TZID=Asia/Makassar" in out

    def test_planned_and_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The Malang plan can be exported to a file, and a retreat document read back."""
        target = tmp_path / "plan.ics"
        status, out = run(
            capsys, "ics", "--sample", "malang", "--planned", "-o", str(target), "--lang", "en"
        )
        assert status == 0
        assert "written to" in out
        assert b"20250516T" in target.read_bytes()
        document = tmp_path / "retreat.toml"
        serialization.dump(samples.load("kendari").retreat, document)
        status, out = run(capsys, "ics", str(document))
        assert status == 0
        assert "TZID=Asia/Makassar" in out

    def test_participant(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One participant's agenda holds at most the retreat's sessions."""
        retreat = samples.load("kendari").retreat
        assert retreat is not None
        nip = retreat.enrollments[0].nip
        status, out = run(capsys, "ics", "--sample", "kendari", "--participant", nip)
        assert status == 0
        assert 0 < out.count("BEGIN:VEVENT") <= len(retreat.sessions)

    def test_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No separate plan, or an unknown participant, exits 1 with a reason."""
        status, out = run(capsys, "ics", "--sample", "kendari", "--planned", "--lang", "en")
        assert status == 1
        assert "no separate plan" in out
        status, out = run(
            capsys, "ics", "--sample", "kendari", "--participant", "198609262015051999"
        )
        assert status == 1
        assert "198609262015051999" not in out


def test_console_script_entry_point() -> None:
    """The installed command runs as a module too and exits 0 on the demo."""
    result = subprocess.run(
        [sys.executable, "-m", "birokrasi_retreat", "demo", "--lang", "en", "--ics", os.devnull],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Kota Malang" in result.stdout


def test_importing_main_module_does_not_run() -> None:
    """Importing birokrasi_retreat.__main__ (as doctest collection does) runs nothing."""
    module = importlib.import_module("birokrasi_retreat.__main__")
    assert module.main is main


class TestValidate:
    def test_sample_has_no_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A bundled sample checks without errors on its reference date (exit 0)."""
        status, out = run(
            capsys, "validate", "--sample", "kendari", "--on", "2025-11-30", "--lang", "en"
        )
        assert status == 0
        assert out.startswith("0 errors, ")
        assert "ORG007" in out

    def test_file_with_errors_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A roster file with an error-level finding exits 1 and names the rule."""
        roster = samples.load_roster("malang")
        official = roster.officials[0]
        twin = attrs.evolve(
            roster.officials[1], nip=official.nip, sex=official.sex, birth_date=None
        )
        broken = attrs.evolve(roster, officials=(*roster.officials, twin))
        path = tmp_path / "roster.json"
        serialization.dump(broken, path)
        status, out = run(capsys, "validate", str(path), "--select", "ORG012", "--lang", "en")
        assert status == 1
        assert "ORG012" in out
        assert official.nip not in out

    @pytest.mark.parametrize("fmt", ["markdown", "json"])
    def test_formats(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The report can be printed as Markdown or JSON."""
        status, out = run(
            capsys, "validate", "--sample", "malang", "--ignore", "ORG008", "--format", fmt
        )
        assert status == 0
        if fmt == "json":
            assert json.loads(out)["ok"] is True
        else:
            assert out.startswith("**0 galat")

    def test_unreadable_file_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing or malformed file is explained, with exit status 1."""
        status, out = run(capsys, "validate", str(tmp_path / "none.toml"), "--lang", "en")
        assert status == 1
        assert "none.toml" in out
        bad = tmp_path / "bad.toml"
        bad.write_text('[pemda]\nkind = "kota"\n', encoding="utf-8")
        status, out = run(capsys, "validate", str(bad), "--lang", "en")
        assert status == 1
        assert "@ $.pemda.name" in out

    def test_unknown_rule_code(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown rule code is reported, not ignored."""
        status, out = run(
            capsys, "validate", "--sample", "malang", "--ignore", "XYZ999", "--lang", "en"
        )
        assert status == 1
        assert "XYZ999" in out
