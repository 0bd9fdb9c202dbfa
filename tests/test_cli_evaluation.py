"""Tests for the scoring and evaluation parts of the command line: score, report, samples
and the demo's scores and follow-up sections."""

from __future__ import annotations

import json
import re

from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.cli import _evaluation, main
from birokrasi_retreat.cli._common import Printer
from birokrasi_retreat.errors import UnknownReferenceError
from birokrasi_retreat.followup import MonitoringVisit, follow_up_status
from birokrasi_retreat.rubric import Criterion, Phase, Response, Rubric, Scale, SubjectKind


if TYPE_CHECKING:
    from pathlib import Path


# No output may show a whole NIP or NI PPPK (18 digits in a row).
WHOLE_NIP = re.compile(r"(?<![0-9])[0-9]{18}(?![0-9])")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


class TestDemo:
    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (
                "en",
                (
                    "Scores of Pelatihan Leadership dan Teamwork Building (synthetic survey)",
                    "  fisik-2           n=78    65.51  C (Fair)",
                    "  kec-blimbing       n=12    73.71  Good",
                    "27 other groups (27 people) suppressed",
                    "61.16 -> 67.83; Hake's normalised gain 0.17; Cohen's d_z 0.80.",
                    "Krippendorff's alpha between raters of the sessions (interval): 0.172",
                    "summarised as an IKM (n = 88): 82.94, mutu B (Good).",
                    "Survey check (EVA rules): 0 errors, 2 warnings, 0 infos (EVA007).",
                    "Commitments: 90; due 66, done late 6, overdue and not done 14, dropped 2.",
                    "units of the retreat visited 85 of 90 (visit window until 2025-08-15).",
                    "(FUP002, FUP003, FUP004, FUP006)",
                    "Four-level (Kirkpatrick) evaluation",
                    "Level 4: Results (n = 12)",
                ),
            ),
            (
                "id",
                (
                    "Skor Pelatihan Leadership dan Teamwork Building (survei sintetis)",
                    "Alpha Cronbach, rubrik berakhlak: 0,93",
                    "(n = 93): 61,16 -> 67,83; gain ternormalisasi Hake 0,17; d_z Cohen 0,80.",
                    (
                        "  fisik-2           n=78    65,51  C (Kurang Baik)"
                        "          SK 95% 62,97-68,06"
                    ),
                    "27 kelompok lain (27 orang) disembunyikan",
                    "Pemeriksaan tindak lanjut (aturan FUP): 0 galat, 25 peringatan",
                ),
            ),
        ],
    )
    def test_scores_and_follow_up(
        self,
        lang: str,
        expected: tuple[str, ...],
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The demo scores the Malang survey and ends with its four-level evaluation."""
        status, out = run(capsys, "demo", "--lang", lang, "--ics", str(tmp_path / "a.ics"))
        assert status == 0
        for line in expected:
            assert line in out
        assert not WHOLE_NIP.search(out)
        # The report ends with level 5, which says what it lacks (no costs in the sample).
        assert out.rstrip().endswith("(benefits=).")


class TestScore:
    def test_sample_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every rubric, phase and kind answered gets its table, with alpha."""
        status, out = run(capsys, "score", "--sample", "malang", "--lang", "en")
        assert status == 0
        assert "Rubric reaction, phase post, subject session, by subject (1217 responses;" in out
        assert "Rubric berakhlak, phase pre, subject participant, by subject (96 responses;" in out
        assert "suppressed" in out  # one self-assessment per participant: groups of one
        assert not WHOLE_NIP.search(out)

    def test_by_unit_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--by unit groups participants by OPD; JSON lists every group with its band."""
        status, out = run(
            capsys,
            "score",
            "--sample",
            "malang",
            "--rubric",
            "berakhlak",
            "--phase",
            "post",
            "--by",
            "unit",
            "--format",
            "json",
        )
        assert status == 0
        [entry] = json.loads(out)
        assert (entry["rubric"], entry["phase"], entry["by"], entry["responses"]) == (
            "berakhlak",
            "post",
            "unit",
            93,
        )
        shown = {g["key"]: (g["n"], g["mean"], g["band"]) for g in entry["groups"]}
        assert shown["kec-blimbing"] == (12, 73.71, "baik")
        hidden = [g for g in entry["groups"] if g["suppressed"]]
        assert len(hidden) == 27
        assert all(g["mean"] is None and g["band"] is None for g in hidden)
        assert 0.9 < entry["cronbach_alpha"] < 1

    def test_min_group_one_masks_subjects(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Groups of one may be shown on request, but a NIP key is masked."""
        status, out = run(
            capsys, "score", "--sample", "kendari", "--rubric", "speaker", "--min-group", "1"
        )
        assert status == 0
        assert "kepala-bpsdm-kemendagri" in out
        status, out = run(
            capsys, "score", "--sample", "malang", "--rubric", "berakhlak", "--min-group", "1"
        )
        assert status == 0
        assert "*" in out
        assert not WHOLE_NIP.search(out)

    def test_file_and_roster(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A survey document is scored; --by unit needs --roster with it."""
        malang = samples.load("malang")
        survey = malang.survey
        assert survey is not None
        small = attrs.evolve(survey, responses=survey.responses_for("berakhlak", phase=Phase.POST))
        path = tmp_path / "survey.json"
        serialization.dump(small, path)
        status, out = run(capsys, "score", str(path), "--by", "unit", "--lang", "en")
        assert status == 1
        assert "Grouping by unit needs a roster" in out
        roster = tmp_path / "roster.toml"
        serialization.dump(malang.roster, roster)
        status, out = run(capsys, "score", str(path), "--by", "unit", "--roster", str(roster))
        assert status == 0
        assert "kec-blimbing" in out

    def test_unknown_rubric(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A rubric the survey lacks is a clear error, exit 1."""
        status, out = run(capsys, "score", "--sample", "malang", "--rubric", "ikm", "--lang", "en")
        assert status == 1
        assert "The survey holds no rubric ikm." in out

    def test_unreadable_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is reported, exit 1."""
        status, out = run(capsys, "score", str(tmp_path / "missing.toml"))
        assert status == 1
        assert out

    @pytest.mark.parametrize("bad", ["0", "-1", "three"])
    def test_min_group_is_a_positive_number(
        self, bad: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--min-group below 1 or not a number is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as exc:
            main(["score", "--sample", "malang", "--min-group", bad])
        assert exc.value.code == 2
        assert "1 or more" in capsys.readouterr().err

    def test_sample_without_survey(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A dataset without responses has no survey to score: exit 1."""
        bare = attrs.evolve(samples.load("kendari"), responses=())
        monkeypatch.setattr(samples, "load", lambda _name: bare)
        status, out = run(capsys, "score", "--sample", "kendari", "--lang", "en")
        assert status == 1
        assert "The sample kendari holds no survey." in out


def _scale() -> Scale:
    return Scale(min_value=1, max_value=5)


def _rubric(*ids: str) -> Rubric:
    return Rubric(
        id="r",
        title_id="Rubrik",
        title_en="Rubric",
        criteria=tuple(Criterion(id=i, title_id=i, title_en=i, scale=_scale()) for i in ids),
    )


def _answer(rater: str, **ratings: int) -> Response:
    return Response(
        rubric="r",
        subject_kind=SubjectKind.RETREAT,
        subject="x",
        rater=rater,
        ratings=ratings,
    )


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("198609262015051001", "***************001"),  # a NIP
        ("199001012024212002", "***************002"),  # an NI PPPK
        ("1234 5678 9012 3456", "**** **** **** *456"),  # a NIK, as typed
        ("kec-klojen", "kec-klojen"),
    ],
)
def test_group_keys_never_show_a_personal_number(key: str, shown: str) -> None:
    """A subject that may be a NIP, NI PPPK or NIK is starred but for its last digits."""
    assert shown == _evaluation._key(key)


class TestAlpha:
    def test_needs_two_complete_responses(self) -> None:
        """One complete response, or one criterion, gives no alpha."""
        two = _rubric("a", "b")
        assert _evaluation._alpha(two, [_answer("R1", a=1, b=2)]) is None
        assert _evaluation._alpha(_rubric("a"), [_answer("R1", a=1), _answer("R2", a=2)]) is None

    def test_no_spread(self) -> None:
        """Identical totals leave alpha undefined: None, not an error."""
        two = _rubric("a", "b")
        answers = [_answer("R1", a=3, b=3), _answer("R2", a=3, b=3)]
        assert _evaluation._alpha(two, answers) is None

    def test_value(self) -> None:
        """Consistent items give a high alpha."""
        two = _rubric("a", "b")
        answers = [_answer(f"R{i}", a=i, b=i) for i in range(1, 5)]
        assert _evaluation._alpha(two, answers) == pytest.approx(1.0)


class TestReport:
    @pytest.mark.parametrize(
        ("fmt", "expected"),
        [
            ("text", "Four-level (Kirkpatrick) evaluation"),
            ("markdown", "# "),
            ("html", "<"),
        ],
    )
    def test_sample_formats(
        self, fmt: str, expected: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The sample's evaluation renders in each format, on its reference date."""
        status, out = run(capsys, "report", "--sample", "malang", "--format", fmt, "--lang", "en")
        assert status == 0
        assert expected in out
        assert "2025-11-30" in out
        assert not WHOLE_NIP.search(out)

    def test_json_with_costs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--costs and --benefits give the ROI; --on moves the reference date."""
        status, out = run(
            capsys,
            "report",
            "--sample",
            "kendari",
            "--format",
            "json",
            "--costs",
            "250000000",
            "--benefits",
            "400000000",
            "--on",
            "2025-09-30",
        )
        assert status == 0
        data: dict[str, Any] = json.loads(out)
        assert data["on"] == "2025-09-30"
        assert data["levels"][-1]["roi"] == 60.0

    def test_bad_costs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Costs of 0 are evaluate's error (exit 1); a word is a usage error (exit 2)."""
        status, out = run(capsys, "report", "--sample", "kendari", "--costs", "0", "--lang", "en")
        assert status == 1
        assert out
        with pytest.raises(SystemExit) as exc:
            main(["report", "--sample", "kendari", "--benefits", "banyak"])
        assert exc.value.code == 2
        assert "rupiah" in capsys.readouterr().err

    def test_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A follow-up document, with or without its survey and roster."""
        malang = samples.load("malang")
        made = malang.follow_up
        assert made is not None
        follow = tmp_path / "follow-up.toml"
        serialization.dump(made, follow)
        status, out = run(capsys, "report", str(follow), "--lang", "en")
        assert status == 0
        assert "Level 1: Reaction (n = 0)" in out
        survey = tmp_path / "survey.json"
        assert malang.survey is not None
        serialization.dump(malang.survey, survey)
        roster = tmp_path / "roster.json"
        serialization.dump(malang.roster, roster)
        argv = [str(follow), "--survey", str(survey), "--roster", str(roster)]
        status, out = run(capsys, "report", *argv, "--on", "2025-11-30", "--lang", "en")
        assert status == 0
        assert "Level 1: Reaction (n = 1,625)" in out
        assert "Done late: 6" in out

    def test_sample_without_follow_up(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A dataset without a follow-up cannot be reported on: exit 1."""
        bare = attrs.evolve(samples.load("kendari"), follow_up=None)
        monkeypatch.setattr(samples, "load", lambda _name: bare)
        status, out = run(capsys, "report", "--sample", "kendari", "--lang", "en")
        assert status == 1
        assert "The sample kendari holds no follow-up." in out


def test_samples_lists_every_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """samples lists each bundled dataset with its retreat and what it holds."""
    status, out = run(capsys, "samples", "--lang", "en")
    assert status == 0
    assert "Kebun Raya Kendari (WITA)" in out
    assert "167 officials; 98 enrolled; 1894 survey responses; 90 commitments; 85 visits" in out


def test_samples_without_retreat_or_follow_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dataset with only a roster is listed with zero counts."""
    bare = attrs.evolve(samples.load("kendari"), retreat=None, follow_up=None, responses=())
    monkeypatch.setattr(samples, "load", lambda _name: bare)
    status, out = run(capsys, "samples", "--lang", "en")
    assert status == 0
    assert "0 enrolled; 0 survey responses; 0 commitments; 0 visits" in out


class TestHelpers:
    def test_band_without_bands(self) -> None:
        """A rubric without bands shows no band."""
        assert "" == _evaluation._band(None, "en")

    def test_unit_of_leaves_out_people_without_a_post(self) -> None:
        """Participants the roster gives no post are left out of the unit map."""
        kendari = samples.load("kendari").retreat
        assert kendari is not None
        assert {} == _evaluation.unit_of(samples.load("malang").roster, kendari)

    def test_missing_rubric(self) -> None:
        """A rubric the survey lacks is the library's own error."""
        survey = samples.load("kendari").survey
        assert survey is not None
        with pytest.raises(UnknownReferenceError, match="no_rubric"):
            _evaluation._rubric(survey, "berakhlak")

    def test_follow_up_with_every_unit_visited(self) -> None:
        """With every unit visited, the demo section lists no unit as never visited."""
        malang = samples.load("malang")
        made = malang.follow_up
        assert made is not None
        status = follow_up_status(
            made.retreat, made.commitments, made.visits, on=malang.as_of, roster=malang.roster
        )
        extra = tuple(
            MonitoringVisit(
                id=f"extra-{index}",
                on=pendulum.Date(2025, 9, 1 + index),
                unit=unit,
                visitor=made.visits[0].visitor,
            )
            for index, unit in enumerate(status.units_never_visited)
        )
        visited = attrs.evolve(malang, follow_up=attrs.evolve(made, visits=made.visits + extra))
        out = Printer()
        _evaluation.demo_follow_up(out, visited, "en")
        assert not [line for line in out.lines if line.startswith("Never visited")]
        assert any(line.startswith("Monitoring visits: 90;") for line in out.lines)
