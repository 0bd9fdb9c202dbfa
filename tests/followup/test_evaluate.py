"""Tests for the four-level (Kirkpatrick) evaluation: evaluate() and its report."""

from __future__ import annotations

import ast
import importlib
import json
import math
import re

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import messages, samples
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidType,
    ScoringError,
    UnknownReferenceError,
)
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.followup import (
    Completion,
    Evaluation,
    IndicatorChange,
    Rating,
    ReviewCounts,
    UnitChange,
    _evaluate,
    _levels,
    evaluate,
)
from birokrasi_retreat.followup._models import (
    Commitment,
    CommitmentStatus,
    Direction,
    Judgement,
    MonitoringVisit,
    Review,
    StatusChange,
    UnitIndicator,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import (
    Appointment,
    Official,
    Pemda,
    PemdaKind,
    Position,
)
from birokrasi_retreat.ranks import PositionFamily, Sex
from birokrasi_retreat.retreat import (
    Enrollment,
    EnrollmentStatus,
    Retreat,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
)
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.rubric import (
    Band,
    Criterion,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    SubjectKind,
)


if TYPE_CHECKING:
    import roster_builders as rb

    from birokrasi_retreat.messages import Lang
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    rb = importlib.import_module("tests.builders.roster_builders")


SOURCES: Final = (Path(_evaluate.__file__), Path(_levels.__file__))
ON: Final = pendulum.Date(2025, 9, 1)
# Synthetic NIPs (valid in form); NIPS[5] is nobody on the roster.
NIPS: Final = (*rb.NIPS, rb.EXTRA_NIP)
LANGS: Final[tuple[Lang, ...]] = ("id", "en")


def jakarta(day: int, hour: int) -> pendulum.DateTime:
    """A time in May 2025 in WIB."""
    return pendulum.datetime(2025, 5, day, hour, tz="Asia/Jakarta")


def roster() -> Roster:
    """Setda (two posts), Dinkes, Kecamatan and Kelurahan Klojen; NIPS[0..4] hold them."""
    posts = (
        ("sekda", "setda"),
        ("kabag", "setda"),
        ("kadinkes", "dinkes"),
        ("camat", "klojen"),
        ("lurah", "kel-klojen"),
    )
    return Roster(
        pemda=rb.pemda(),
        perangkat_daerah=rb.perangkat_daerah(),
        kecamatan=rb.kecamatan()[:1],
        kelurahan=rb.kelurahan()[:1],
        positions=tuple(
            Position(id=post, title=post, unit=unit, family=PositionFamily.ADMINISTRATOR)
            for post, unit in posts
        ),
        officials=tuple(
            Official(nip=nip, name=f"Pejabat {i}", sex=Sex.MALE) for i, nip in enumerate(NIPS[:5])
        ),
        appointments=tuple(
            Appointment(nip=nip, position=post, start=pendulum.Date(2020, 1, 2))
            for nip, (post, _) in zip(NIPS, posts, strict=False)
        ),
    )


def retreat(**changes: Any) -> Retreat:
    """A three-day retreat at Poltekad with two sessions, two speakers and five enrolled."""
    base = Retreat(
        id="uji-2025",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=KodeWilayah(code="35.73")),
        title="Retret <uji> & *evaluasi*",
        venue=Venue(
            id="poltekad",
            name="Poltekad",
            kind=VenueKind.MILITARY,
            kode=KodeWilayah(code="35.73"),
            capacity=100,
        ),
        start=jakarta(15, 7),
        end=jakarta(17, 17),
        nights=2,
        sessions=(
            Session(
                id="s1",
                title="Apel <pembukaan> | pagi",
                kind=SessionKind.OPENING,
                start=jakarta(15, 7),
                end=jakarta(15, 8),
            ),
            Session(
                id="s2",
                title="Kuliah umum",
                kind=SessionKind.LECTURE,
                start=jakarta(15, 9),
                end=jakarta(15, 11),
            ),
        ),
        speakers=(
            Speaker(
                id="sp1",
                name="Dr. Amir",
                role="Kepala",
                institution="BKN",
                level=SpeakerLevel.PUSAT,
            ),
            Speaker(
                id="sp2",
                name="Bu Sari",
                role="Sekda",
                institution="Pemkot",
                level=SpeakerLevel.DAERAH,
            ),
        ),
        enrollments=(
            Enrollment(nip=NIPS[0], status=EnrollmentStatus.ATTENDED),
            Enrollment(nip=NIPS[1], status=EnrollmentStatus.ATTENDED),
            Enrollment(nip=NIPS[2], status=EnrollmentStatus.ATTENDED),
            Enrollment(nip=NIPS[3], status=EnrollmentStatus.EXCUSED),
            Enrollment(nip=NIPS[4], status=EnrollmentStatus.CONFIRMED),
        ),
    )
    return attrs.evolve(base, **changes)


def one_item(
    rubric_id: str, points: int, *, ratio: bool = False, bands: tuple[Band, ...] = ()
) -> Rubric:
    """A rubric of one criterion "q" on a Likert scale of ``points``."""
    return Rubric(
        id=rubric_id,
        title_id=rubric_id,
        title_en=rubric_id,
        criteria=(Criterion(id="q", title_id="Q", title_en="Q", scale=Scale.likert(points)),),
        bands=bands,
        normalisation=Normalisation.RATIO if ratio else Normalisation.MIN_MAX,
    )


# Reaction: 1-4 ratio (rating x 25), bands C / B from 60 / A from 80.
REAKSI: Final = one_item(
    "reaksi",
    4,
    ratio=True,
    bands=(
        Band(code="C", label_id="Cukup", label_en="Fair", lower=0),
        Band(code="B", label_id="Baik", label_en="Good", lower=60),
        Band(code="A", label_id="Sangat Baik", label_en="Very good", lower=80),
    ),
)
# Speakers: 1-5 min-max ((rating - 1) x 25), bands whose codes spell their labels.
NARSUM: Final = one_item(
    "narsum",
    5,
    bands=(
        Band(code="kurang", label_id="Kurang", label_en="Poor", lower=0),
        Band(code="baik", label_id="Baik", label_en="Good", lower=62.5),
    ),
)
# Learning and behaviour: 1-5 min-max (0, 25, 50, 75, 100); behaviour has no bands.
BELAJAR: Final = one_item(
    "belajar",
    5,
    bands=(
        Band(code="rendah", label_id="Rendah", label_en="Low", lower=0),
        Band(code="tinggi", label_id="Tinggi", label_en="High", lower=50),
    ),
)
PERILAKU: Final = one_item("perilaku", 5)
RUBRICS: Final = (REAKSI, NARSUM, BELAJAR, PERILAKU)
NAMES: Final[dict[str, Any]] = {
    "reaction": "reaksi",
    "speaker": "narsum",
    "learning": "belajar",
    "behaviour": "perilaku",
}


class Counter:
    """Unique pseudonymous rater ids."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"R-{self.count:03d}"


def answers(
    rubric: str,
    kind: SubjectKind,
    subject: str,
    ratings: tuple[int, ...],
    *,
    phase: Phase = Phase.POST,
    rater: Counter | None = None,
) -> list[Response]:
    """One response per rating about ``subject``."""
    rater = rater or Counter()
    return [
        Response(
            rubric=rubric,
            subject_kind=kind,
            subject=subject,
            rater=rater(),
            phase=phase,
            ratings={"q": rating},
        )
        for rating in ratings
    ]


def reaction_responses() -> list[Response]:
    """s1: 4, 3, 4 (91.67, A); s2: two (suppressed); retreat: 3, 3, 4 (83.33, A); speakers."""
    r = Counter()
    s, sp, rt = SubjectKind.SESSION, SubjectKind.SPEAKER, SubjectKind.RETREAT
    return [
        *answers("reaksi", s, "s2", (2, 2), rater=r),
        *answers("reaksi", s, "s1", (4, 3, 4), rater=r),
        *answers("reaksi", rt, "uji-2025", (3, 3, 4), rater=r),
        # Not counted: about another retreat, a pre-phase answer, a speaker on "reaksi".
        *answers("reaksi", rt, "lain-2025", (1, 1, 1), rater=r),
        *answers("reaksi", s, "s1", (1,), phase=Phase.PRE, rater=r),
        *answers("reaksi", sp, "sp1", (1, 1, 1), rater=r),
        # Speakers: sp1 5, 4, 3 -> 100, 75, 50 = 75.0 (baik); "tamu" is not in the retreat.
        *answers("narsum", s, "s1", (1,), rater=r),
        *answers("narsum", sp, "tamu", (1, 2), rater=r),
        *answers("narsum", sp, "sp1", (5, 4, 3), rater=r),
        *answers("narsum", sp, "sp2", (5, 5, 5), phase=Phase.FOLLOW_UP, rater=r),
    ]


def paired_responses(rubric: str, after: Phase) -> list[Response]:
    """P1 25->75, P2 50->100, P3 0->25, P4 pre only, P5 after only, P6 (no unit) 50->50."""
    r = Counter()
    p = SubjectKind.PARTICIPANT
    pre = {NIPS[0]: (2,), NIPS[1]: (3,), NIPS[2]: (1,), NIPS[3]: (3,), NIPS[5]: (3,)}
    post = {NIPS[0]: (4,), NIPS[1]: (5,), NIPS[2]: (2,), NIPS[4]: (5,), NIPS[5]: (3,)}
    out: list[Response] = []
    for phase, table in ((Phase.PRE, pre), (after, post)):
        for nip, ratings in table.items():
            out += answers(rubric, p, nip, ratings, phase=phase, rater=r)
    return out


def commitment(
    cid: str,
    due: tuple[int, int],
    *changes: tuple[int, int, CommitmentStatus],
    retreat_id: str = "uji-2025",
) -> Commitment:
    """A commitment of NIPS[0] due on (month, day) of 2025, with its status changes."""
    return Commitment(
        id=cid,
        retreat=retreat_id,
        owner=NIPS[0],
        unit="setda",
        description="Layanan satu hari",
        due=pendulum.Date(2025, *due),
        history=tuple(
            StatusChange(on=pendulum.Date(2025, month, day), status=status)
            for month, day, status in changes
        ),
    )


DONE, WORKING, DROPPED = (
    CommitmentStatus.DONE,
    CommitmentStatus.IN_PROGRESS,
    CommitmentStatus.DROPPED,
)


def commitments() -> list[Commitment]:
    """On ON: due 5 (2 on time, 2 late, 1 overdue), 1 dropped, 2 not yet due (1 done)."""
    return [
        commitment("c1", (8, 1), (7, 1, WORKING), (7, 20, DONE)),  # on time
        commitment("c2", (8, 1), (8, 10, DONE)),  # late
        commitment("c3", (8, 15), (7, 1, WORKING)),  # overdue
        commitment("c4", (8, 15), (8, 1, DROPPED)),  # dropped
        commitment("c5", (10, 1), (8, 20, DONE)),  # not yet due, done ahead
        commitment("c6", (10, 1)),  # not yet due
        commitment("c7", (8, 1), retreat_id="lain-2025"),  # another retreat's
        # Done, reopened, done again after its due date: late.
        commitment("c8", (8, 1), (7, 1, DONE), (7, 15, WORKING), (8, 5, DONE), (8, 6, DONE)),
        # Done on time, reopened only after ON: on time as of ON.
        commitment("c9", (8, 20), (8, 10, DONE), (9, 5, WORKING)),
    ]


def visit(vid: str, month: int, day: int, *reviews: tuple[str, Judgement]) -> MonitoringVisit:
    """A monitoring visit to the Setda with its reviews."""
    return MonitoringVisit(
        id=vid,
        on=pendulum.Date(2025, month, day),
        unit="setda",
        visitor=NIPS[1],
        reviews=tuple(Review(commitment=c, judgement=j) for c, j in reviews),
    )


BELOW, AS_PLANNED, EXCEEDING = Judgement.BELOW, Judgement.AS_PLANNED, Judgement.EXCEEDING


def visits() -> list[MonitoringVisit]:
    """Out of date order: on ON, c1 exceeding (same-day tie), c2 as planned, c3 and c5 below."""
    return [
        visit("v3", 9, 15, ("c3", EXCEEDING)),  # after ON
        visit("v2b", 8, 20, ("c1", EXCEEDING), ("c7", BELOW)),  # c7: another retreat's
        visit("v2", 8, 20, ("c1", AS_PLANNED), ("c2", AS_PLANNED)),
        visit("v1", 7, 10, ("c1", BELOW), ("c3", BELOW), ("c5", BELOW)),
    ]


def indicator(
    iid: str, unit: str, direction: Direction, before: float, after: float
) -> UnitIndicator:
    """A unit indicator."""
    return UnitIndicator(
        id=iid,
        unit=unit,
        name=f"Indikator {iid}",
        direction=direction,
        before=before,
        after=after,
        measure="menit" if direction is Direction.LOWER else None,
        source="Laporan unit",
    )


def indicators() -> list[UnitIndicator]:
    """Two improved, one worsened, one unchanged; "luar" is not on the roster."""
    return [
        indicator("i3", "setda", Direction.HIGHER, 10, 8),
        indicator("i2", "setda", Direction.LOWER, 0.3, 0.1),
        indicator("i1", "dinkes", Direction.HIGHER, 80, 84),
        indicator("i4", "luar", Direction.LOWER, 0, 0),
    ]


def full(**options: Any) -> Evaluation:
    """An evaluation of every level from the hand-built data."""
    responses = [
        *reaction_responses(),
        *paired_responses("belajar", Phase.POST),
        *paired_responses("perilaku", Phase.FOLLOW_UP),
    ]
    arguments: dict[str, Any] = {
        "rubrics": RUBRICS,
        "roster": roster(),
        "on": ON,
        "benefits": 250_000_000,
        **NAMES,
    }
    arguments.update(options)
    return evaluate(
        retreat(), responses, commitments(), visits(), indicators(), 200_000_000, **arguments
    )


def codes(findings: Any) -> list[str]:
    """The codes of some findings."""
    return [finding.code for finding in findings]


class TestReaction:
    def test_overall_session_and_speaker_ratings(self) -> None:
        """Level 1 rates the retreat, each session and each speaker from post responses."""
        level = full().reaction
        assert (
            Rating(
                kind=SubjectKind.RETREAT,
                key="uji-2025",
                label="Retret <uji> & *evaluasi*",
                n=3,
                value=83.33,
                band=REAKSI.bands[2],
                suppressed=False,
            )
            == level.overall
        )
        assert [("s1", 3, 91.67, "A"), ("s2", 2, None, None)] == [
            (r.key, r.n, r.value, r.band and r.band.code) for r in level.sessions
        ]
        assert [("sp1", "Dr. Amir", 75.0, "baik"), ("tamu", "tamu", None, None)] == [
            (r.key, r.label, r.value, r.band and r.band.code) for r in level.speakers
        ]
        assert 2 + 3 + 3 + 2 + 3 == level.n
        assert ("session:s2", "speaker:tamu") == level.suppressed
        assert () == level.missing

    def test_sessions_follow_the_agenda(self) -> None:
        """Sessions are listed in agenda order, unknown ones last by id."""
        r = Counter()
        kind = SubjectKind.SESSION
        responses = [
            *answers("reaksi", kind, "zz", (4, 4, 4), rater=r),
            *answers("reaksi", kind, "aa", (4, 4, 4), rater=r),
            *answers("reaksi", kind, "s2", (4, 4, 4), rater=r),
            *answers("reaksi", kind, "s1", (4, 4, 4), rater=r),
        ]
        level = evaluate(retreat(), responses, rubrics=RUBRICS, **NAMES).reaction
        assert ["s1", "s2", "aa", "zz"] == [rating.key for rating in level.sessions]

    def test_suppressed_overall(self) -> None:
        """An overall rating from fewer responses than the threshold is withheld."""
        responses = answers("reaksi", SubjectKind.RETREAT, "uji-2025", (4, 4))
        level = evaluate(retreat(), responses, rubrics=RUBRICS, **NAMES).reaction
        assert level.overall is not None
        assert (True, None, None) == (
            level.overall.suppressed,
            level.overall.value,
            level.overall.band,
        )
        assert ("retreat:uji-2025",) == level.suppressed

    def test_rubric_aggregation_is_used(self) -> None:
        """Groups are combined the rubric's way: here the median."""
        median = attrs.evolve(REAKSI, aggregation="median")
        responses = answers("reaksi", SubjectKind.RETREAT, "uji-2025", (1, 4, 4))
        level = evaluate(retreat(), responses, rubrics=(median,), reaction="reaksi").reaction
        assert level.overall is not None
        assert 100.0 == level.overall.value

    def test_missing_without_responses(self) -> None:
        """Without responses, the overall, session and speaker ratings are missing."""
        level = evaluate(retreat(), [], rubrics=RUBRICS, **NAMES).reaction
        assert (0, None, (), ()) == (level.n, level.overall, level.sessions, level.speakers)
        assert [
            "kirkpatrick.missing.overall",
            "kirkpatrick.missing.sessions",
            "kirkpatrick.missing.speakers",
        ] == codes(level.missing)
        assert {"rubric": "narsum"} == dict(level.missing[2].params)
        assert all(finding.severity is Severity.INFO for finding in level.missing)

    def test_invalid_response_raises(self) -> None:
        """A counted response that cannot be scored raises the scoring error."""
        bad = Response(
            rubric="reaksi",
            subject_kind=SubjectKind.SESSION,
            subject="s1",
            rater="R-1",
            ratings={"q": 9},
        )
        with pytest.raises(ScoringError, match=r"scoring\.off_scale"):
            evaluate(retreat(), [bad], rubrics=RUBRICS, **NAMES)

    def test_built_in_rubrics_by_default(self) -> None:
        """Without rubrics, the built-in reaction rubric scores the responses."""
        ratings = dict.fromkeys(("relevansi", "materi", "kepuasan"), 4)
        responses = [
            Response(
                rubric="reaction",
                subject_kind=SubjectKind.RETREAT,
                subject="uji-2025",
                rater=f"R-{i}",
                ratings=ratings,
            )
            for i in range(3)
        ]
        overall = evaluate(retreat(), responses).reaction.overall
        assert overall is not None
        assert (100.0, "A") == (overall.value, overall.band and overall.band.code)


class TestLearning:
    def test_gain_and_effect_size_by_hand(self) -> None:
        """Pairs 25->75, 50->100, 0->25, 50->50: means 31.25 and 62.5, <g> 0.45, d_z 1.31."""
        level = full(roster=None).learning
        change = level.change
        assert change is not None
        assert (4, 1, 1) == (change.n, change.only_before, change.only_after)
        assert (31.25, 62.5, 31.25) == (change.mean_before, change.mean_after, change.mean_change)
        # <g> = 125 / 275; d_z = 31.25 / sd(50, 50, 25, 0) = 31.25 / 23.936.
        assert (0.45, 1.31) == (change.gain, change.effect_size)
        assert ("rendah", "tinggi") == (
            change.band_before and change.band_before.code,
            change.band_after and change.band_after.code,
        )
        assert (4, (), ()) == (level.n, level.suppressed, level.missing)

    def test_no_breakdown_without_roster(self) -> None:
        """Without a roster there is no breakdown by unit."""
        change = full(roster=None).learning.change
        assert change is not None
        assert () == change.units

    def test_breakdown_by_unit(self) -> None:
        """With a roster, pairs are broken down by unit, small units suppressed."""
        level = full(threshold=2).learning
        change = level.change
        assert change is not None
        assert 4 == change.n
        assert [
            UnitChange(
                unit="setda",
                name="Sekretariat Daerah",
                n=2,
                mean_before=37.5,
                mean_after=87.5,
                mean_change=50.0,
                suppressed=False,
            ),
            UnitChange(
                unit="dinkes",
                name="Dinas Kesehatan",
                n=1,
                mean_before=None,
                mean_after=None,
                mean_change=None,
                suppressed=True,
            ),
            UnitChange(
                unit=None,
                name=None,
                n=1,
                mean_before=None,
                mean_after=None,
                mean_change=None,
                suppressed=True,
            ),
        ] == sorted(change.units, key=lambda u: (u.unit is None, -(u.n), u.unit or ""))
        assert ("unit:dinkes", "unit:?") == level.suppressed

    def test_few_pairs_suppress_the_cohort(self) -> None:
        """Fewer pairs than the threshold withhold every figure of the cohort."""
        level = full(threshold=5, roster=None).learning
        change = level.change
        assert change is not None
        assert (4, True) == (change.n, change.suppressed)
        assert (None, None, None, None) == (
            change.mean_before,
            change.mean_change,
            change.gain,
            change.effect_size,
        )
        assert ("participants",) == level.suppressed
        assert ["kirkpatrick.missing.few_pairs"] == codes(level.missing)
        text = full(threshold=5, roster=None).to_text("en")
        assert (
            "  Unpaired: before the retreat (pre) only / end of the retreat (post) only: 1 / 1"
            in text
        )
        assert "Hake" not in text
        assert {
            "rubric": "belajar",
            "before": "pre",
            "after": "post",
            "n": 4,
            "threshold": 5,
        } == dict(level.missing[0].params)

    def test_several_scores_in_a_phase_are_combined(self) -> None:
        """A participant's two pre scores (25 and 75) count as their mean, 50."""
        r = Counter()
        p = SubjectKind.PARTICIPANT
        responses = [
            *answers("belajar", p, NIPS[0], (2, 4), phase=Phase.PRE, rater=r),
            *answers("belajar", p, NIPS[0], (5,), rater=r),
        ]
        change = evaluate(
            retreat(), responses, rubrics=RUBRICS, threshold=1, **NAMES
        ).learning.change
        assert change is not None
        assert (1, 50.0, 100.0, 1.0) == (
            change.n,
            change.mean_before,
            change.mean_after,
            change.gain,
        )
        # One pair: d_z is undefined.
        assert change.effect_size is None

    def test_no_headroom_and_no_variance(self) -> None:
        """Every pre score at 100 leaves <g> undefined; equal changes leave d_z undefined."""
        r = Counter()
        p = SubjectKind.PARTICIPANT
        responses = []
        for nip in NIPS[:3]:
            responses += answers("belajar", p, nip, (5,), phase=Phase.PRE, rater=r)
            responses += answers("belajar", p, nip, (4,), rater=r)
        level = evaluate(retreat(), responses, rubrics=RUBRICS, **NAMES).learning
        assert level.change is not None
        assert (-25.0, None, None) == (
            level.change.mean_change,
            level.change.gain,
            level.change.effect_size,
        )
        assert ["kirkpatrick.missing.gain", "kirkpatrick.missing.effect_size"] == codes(
            level.missing
        )

    def test_missing_without_pairs(self) -> None:
        """Pre scores only: nobody is paired, and the level says so."""
        r = Counter()
        responses = answers(
            "belajar", SubjectKind.PARTICIPANT, NIPS[0], (3,), phase=Phase.PRE, rater=r
        )
        level = evaluate(retreat(), responses, rubrics=RUBRICS, **NAMES).learning
        assert (0, None) == (level.n, level.change)
        assert ["kirkpatrick.missing.pairs"] == codes(level.missing)
        assert {"rubric": "belajar", "before": "pre", "after": "post"} == dict(
            level.missing[0].params
        )


class TestBehaviour:
    def test_paired_change_to_follow_up(self) -> None:
        """Level 3 pairs pre with follow-up; post responses on the same rubric do not count."""
        responses = [
            *paired_responses("belajar", Phase.POST),
            *paired_responses("belajar", Phase.FOLLOW_UP),
            # About a unit, not a participant: does not count.
            *answers("belajar", SubjectKind.UNIT, "setda", (1,), phase=Phase.PRE),
        ]
        report = evaluate(
            retreat(), responses, rubrics=RUBRICS, learning="belajar", behaviour="belajar"
        )
        assert report.behaviour.change is not None
        assert report.learning.change is not None
        assert (Phase.FOLLOW_UP, 4, 0.45) == (
            report.behaviour.change.after,
            report.behaviour.change.n,
            report.behaviour.change.gain,
        )
        assert 4 == report.learning.change.n
        assert "kirkpatrick.missing.commitments" in codes(report.behaviour.missing)

    def test_no_bands(self) -> None:
        """A rubric without bands gives no band to the means."""
        change = full().behaviour.change
        assert change is not None
        assert (None, None) == (change.band_before, change.band_after)

    def test_completion_by_hand(self) -> None:
        """On 1 Sep 2025: 5 due, 2 on time, 2 late, 1 overdue, 1 dropped, 2 later, 40 %."""
        assert (
            Completion(
                on=ON,
                total=8,
                due=5,
                done_on_time=2,
                done_late=2,
                overdue=1,
                dropped=1,
                not_yet_due=2,
                done_ahead=1,
                rate=40.0,
            )
            == full().behaviour.completion
        )

    def test_latest_judgement_per_commitment(self) -> None:
        """Each reviewed commitment counts once, with its latest judgement up to ON."""
        assert (
            ReviewCounts(reviewed=4, below=2, as_planned=1, exceeding=1) == full().behaviour.reviews
        )

    def test_without_a_date(self) -> None:
        """Without ``on``, completion is missing and every visit's review counts."""
        level = full(on=None).behaviour
        assert level.completion is None
        assert ["kirkpatrick.missing.date"] == codes(level.missing)
        assert ReviewCounts(reviewed=4, below=1, as_planned=1, exceeding=2) == level.reviews

    def test_nothing_due_yet(self) -> None:
        """Before any due date, the rate is undefined and reported missing."""
        level = full(on=pendulum.Date(2025, 7, 5)).behaviour
        assert level.completion is not None
        assert (0, None, 8, 1) == (
            level.completion.due,
            level.completion.rate,
            level.completion.not_yet_due,
            level.completion.done_ahead,
        )
        assert ["kirkpatrick.missing.none_due", "kirkpatrick.missing.reviews"] == codes(
            level.missing
        )
        assert {"on": "2025-07-05"} == dict(level.missing[0].params)

    def test_commitments_of_other_retreats_only(self) -> None:
        """Commitments of another retreat do not count: there are none for this one."""
        level = evaluate(
            retreat(), [], [commitment("x", (8, 1), retreat_id="lain-2025")], visits(), on=ON
        ).behaviour
        assert (None, None) == (level.completion, level.reviews)
        assert {"retreat": "uji-2025"} == dict(level.missing[-1].params)


class TestResults:
    def test_indicators_by_hand(self) -> None:
        """Changes on the numbers as written, relative to |before|, by unit and id."""
        level = full().results
        assert [
            ("luar", "i4", 0.0, None, None),
            ("setda", "i2", -0.2, -66.67, True),
            ("setda", "i3", -2.0, -20.0, False),
        ] == [(i.unit, i.id, i.change, i.relative_change, i.improved) for i in level.indicators[1:]]
        assert (
            IndicatorChange(
                id="i1",
                unit="dinkes",
                unit_name="Dinas Kesehatan",
                name="Indikator i1",
                direction=Direction.HIGHER,
                measure=None,
                before=80,
                after=84,
                change=4.0,
                relative_change=5.0,
                improved=True,
                source="Laporan unit",
            )
            == level.indicators[0]
        )
        assert None is level.indicators[1].unit_name
        assert (4, 2, 1, 1) == (level.n, level.improved, level.worsened, level.unchanged)

    def test_units_without_indicators(self) -> None:
        """With a roster, units of the retreat without an indicator are listed as missing."""
        level = full().results
        # Klojen's camat is excused; the lurah (confirmed) makes kel-klojen a retreat unit.
        assert ["kirkpatrick.missing.unit_indicators"] == codes(level.missing)
        assert {"count": 1, "units": "kel-klojen"} == dict(level.missing[0].params)
        assert ("kel-klojen",) == level.missing[0].subjects

    def test_every_unit_measured(self) -> None:
        """No finding when every unit of the retreat has an indicator."""
        extra = [*indicators(), indicator("i5", "kel-klojen", Direction.HIGHER, 1, 2)]
        level = evaluate(retreat(), [], indicators=extra, roster=roster()).results
        assert () == level.missing

    def test_no_indicators(self) -> None:
        """Without indicators, level 4 is missing."""
        level = evaluate(retreat(), []).results
        assert (0, ()) == (level.n, level.indicators)
        assert ["kirkpatrick.missing.indicators"] == codes(level.missing)


class TestReturnOnInvestment:
    @pytest.mark.parametrize(
        ("costs", "benefits", "roi"),
        [
            (200_000_000, 250_000_000, 25.0),
            (3, 1, -66.67),
            (0.3, 0.1, -66.67),
            (100, 0, -100.0),
            (1, 10**30, 1e32),
        ],
    )
    def test_roi_by_hand(self, costs: float, benefits: float, roi: float) -> None:
        """ROI% = (benefits - costs) / costs x 100, rounded half up to 2 decimals."""
        level = evaluate(retreat(), [], costs=costs, benefits=benefits).roi
        assert (roi, 1, ()) == (level.roi, level.n, level.missing)

    def test_numpy_numbers(self) -> None:
        """NumPy floats are read as the numbers they print as."""
        level = evaluate(retreat(), [], costs=np.float64(0.3), benefits=np.float64(0.1)).roi
        assert -66.67 == level.roi
        item = indicator("i", "setda", Direction.LOWER, np.float64(0.3), np.float64(0.1))
        assert -0.2 == evaluate(retreat(), [], indicators=[item]).results.indicators[0].change

    def test_missing(self) -> None:
        """Without costs or benefits, the ROI is missing and says which."""
        assert ["kirkpatrick.missing.costs", "kirkpatrick.missing.benefits"] == codes(
            evaluate(retreat(), []).roi.missing
        )
        level = evaluate(retreat(), [], costs=10).roi
        assert (None, 0, ["kirkpatrick.missing.benefits"]) == (
            level.roi,
            level.n,
            codes(level.missing),
        )
        assert "[U]" in level.missing[0].source

    @pytest.mark.parametrize(
        ("costs", "benefits", "code"),
        [
            (0, None, "kirkpatrick.costs"),
            (-5, None, "kirkpatrick.costs"),
            (math.nan, None, "kirkpatrick.costs"),
            (10**400, None, "kirkpatrick.costs"),
            (None, -1, "kirkpatrick.benefits"),
            (None, math.inf, "kirkpatrick.benefits"),
            (None, 10**400, "kirkpatrick.benefits"),
        ],
    )
    def test_bad_sums(self, costs: object, benefits: object, code: str) -> None:
        """Costs must be above 0 and benefits at least 0, both finite."""
        with pytest.raises(InvalidComponent) as caught:
            evaluate(retreat(), [], costs=costs, benefits=benefits)  # type: ignore[arg-type]
        assert code == caught.value.code

    @pytest.mark.parametrize("value", [True, "100", [1]])
    def test_not_a_number(self, value: object) -> None:
        """A sum that is not a number is a type error."""
        with pytest.raises(InvalidType) as caught:
            evaluate(retreat(), [], costs=1, benefits=value)  # type: ignore[arg-type]
        assert ("data.type", "benefits") == (caught.value.code, caught.value.path)


class TestEvaluate:
    @pytest.mark.parametrize("threshold", [0, -1, True, 1.5, "3"])
    def test_bad_threshold(self, threshold: object) -> None:
        """The threshold is a whole number of 1 or more."""
        with pytest.raises(ScoringError) as caught:
            evaluate(retreat(), [], threshold=threshold)  # type: ignore[arg-type]
        assert ("scoring.min_group", "threshold") == (caught.value.code, caught.value.path)

    @pytest.mark.parametrize("on", ["2025-09-01", pendulum.datetime(2025, 9, 1, tz="Asia/Jakarta")])
    def test_bad_date(self, on: object) -> None:
        """The reference date is a pendulum.Date, not a string or a DateTime."""
        with pytest.raises(InvalidType) as caught:
            evaluate(retreat(), [], on=on)  # type: ignore[arg-type]
        assert ("data.type", "on") == (caught.value.code, caught.value.path)

    def test_bad_rubric(self) -> None:
        """Something else than a Rubric among the rubrics is a type error at its index."""
        with pytest.raises(InvalidType) as caught:
            evaluate(retreat(), [], rubrics=[REAKSI, "narsum"])  # type: ignore[list-item]
        assert "rubrics[1]" == caught.value.path

    def test_unknown_rubric(self) -> None:
        """A rubric id neither given nor built in is an unknown reference."""
        with pytest.raises(UnknownReferenceError, match=r"rubric\.unknown"):
            evaluate(retreat(), [], reaction="kepuasan")

    def test_levels(self) -> None:
        """The report holds the five levels in order, with their names in both languages."""
        report = full()
        assert [1, 2, 3, 4, 5] == [level.level for level in report.levels]
        assert ["Reaksi", "Pembelajaran", "Perilaku", "Hasil"] == [
            level.name() for level in report.levels[:4]
        ]
        assert "Return on investment (ROI, Phillips)" == report.roi.name("en")
        assert ("uji-2025", 3, ON) == (report.retreat, report.threshold, report.on)

    def test_iterables_are_read_once(self) -> None:
        """Generators work as inputs."""
        report = evaluate(
            retreat(),
            iter(reaction_responses()),
            iter(commitments()),
            iter(visits()),
            iter(indicators()),
            rubrics=iter(RUBRICS),
            on=ON,
            **NAMES,
        )
        assert (13, 8, 4) == (
            report.reaction.n,
            report.behaviour.completion and report.behaviour.completion.total,
            report.results.n,
        )

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["s1", "s2", "s3"]),
                st.integers(min_value=1, max_value=4),
            ),
            max_size=30,
        ),
        st.integers(min_value=1, max_value=5),
    )
    def test_counts_and_suppression_agree(
        self, rows: list[tuple[str, int]], threshold: int
    ) -> None:
        """n is the sum of the groups' n; exactly the groups below the threshold are withheld."""
        r = Counter()
        responses = [
            response
            for session, rating in rows
            for response in answers("reaksi", SubjectKind.SESSION, session, (rating,), rater=r)
        ]
        level = evaluate(
            retreat(), responses, rubrics=RUBRICS, threshold=threshold, **NAMES
        ).reaction
        assert len(rows) == level.n == sum(rating.n for rating in level.sessions)
        assert {f"session:{s.key}" for s in level.sessions if s.n < threshold} == set(
            level.suppressed
        )
        for rating in level.sessions:
            assert (rating.value is None) == rating.suppressed
            assert rating.value is None or 25 <= rating.value <= 100

    @given(
        st.dictionaries(
            st.sampled_from(NIPS),
            st.tuples(
                st.none() | st.integers(min_value=1, max_value=5),
                st.none() | st.integers(min_value=1, max_value=5),
            ),
        ),
        st.integers(min_value=1, max_value=4),
    )
    def test_pairs_add_up(
        self, table: dict[str, tuple[int | None, int | None]], threshold: int
    ) -> None:
        """Pairs plus the unpaired are the subjects of each phase; units add up to the pairs."""
        r = Counter()
        p = SubjectKind.PARTICIPANT
        responses: list[Response] = []
        for nip, (before, after) in table.items():
            if before is not None:
                responses += answers("belajar", p, nip, (before,), phase=Phase.PRE, rater=r)
            if after is not None:
                responses += answers("belajar", p, nip, (after,), rater=r)
        level = evaluate(
            retreat(), responses, rubrics=RUBRICS, roster=roster(), threshold=threshold, **NAMES
        ).learning
        pre = sum(before is not None for before, _ in table.values())
        post = sum(after is not None for _, after in table.values())
        if level.change is None:
            assert 0 == level.n
            return
        change = level.change
        assert pre == change.n + change.only_before
        assert post == change.n + change.only_after
        assert change.n == sum(unit.n for unit in change.units)
        assert change.suppressed == (change.n < threshold)
        withheld = [unit for unit in change.units if unit.suppressed]
        assert len(withheld) + change.suppressed == len(level.suppressed)
        assert all((unit.n < threshold) == unit.suppressed for unit in change.units)
        if change.gain is not None:
            assert change.gain <= 1


class TestRenderers:
    @pytest.mark.parametrize("lang", LANGS)
    def test_every_level_in_every_rendering(self, lang: Lang) -> None:
        """Text, Markdown and HTML name each level with its n."""
        report = full()
        text, markdown, page = report.to_text(lang), report.to_markdown(lang), report.to_html(lang)
        for level in report.levels:
            heading = f"Level {level.level}: {level.name(lang)}"
            assert heading in text
            assert f"## {heading}" in markdown.replace("\\(", "(")
            assert f'data-level="{level.level}"' in page
        assert page.startswith(f'<article class="kirkpatrick" lang="{lang}">')
        assert page.count("<section") == page.count("</section>") == 5

    def test_indonesian_numbers(self) -> None:
        """Indonesian writes a decimal comma and a thousands dot; English the reverse."""
        report = full()
        assert "Rp 200.000.000" in report.to_text("id")
        assert "Rp 200,000,000" in report.to_text("en")
        assert "91,67, A (Sangat Baik)" in report.to_text("id")
        assert "91.67, A (Very good)" in report.to_text("en")
        assert "75,00, Baik" in report.to_text("id")
        assert "25,00%" in report.to_text("id")
        assert "40.00%" in report.to_text("en")

    def test_text_by_hand(self) -> None:
        """A small report renders as expected, line by line."""
        r = Counter()
        responses = answers("reaksi", SubjectKind.SESSION, "s2", (4, 3, 3), rater=r)
        report = evaluate(
            retreat(),
            responses,
            costs=1_000_000,
            benefits=1_500_000.5,
            rubrics=RUBRICS,
            threshold=2,
            **NAMES,
        )
        lines = report.to_text("en").splitlines()
        assert [
            "Four-level (Kirkpatrick) evaluation",
            "Retreat: Retret <uji> & *evaluasi* (uji-2025)",
            "Reporting threshold (smaller groups are suppressed): 2",
            "",
            "Level 1: Reaction (n = 3)",
            "",
            "  Per session",
            "    Id  Name         n  Score (0-100), band",
            "    --  -----------  -  --------------------",
            "    s2  Kuliah umum  3  83.33, A (Very good)",
        ] == lines[:10]
        roi = lines[lines.index("Level 5: Return on investment (ROI, Phillips) (n = 1)") :]
        assert [
            "Level 5: Return on investment (ROI, Phillips) (n = 1)",
            "  Costs: Rp 1,000,000",
            "  Monetised benefits: Rp 1,500,000.50",
            (
                "  ROI = (benefits - costs) / costs × 100"
                " (standard form; unconfirmed by the sources): 50.00%"
            ),
        ] == roi

    def test_html_escapes_all_text(self) -> None:
        """Titles with markup are escaped in HTML."""
        page = full().to_html("id")
        assert "Apel &lt;pembukaan&gt; | pagi" in page
        assert "Retret &lt;uji&gt; &amp; *evaluasi*" in page
        assert "<uji>" not in page
        assert "<pembukaan>" not in page

    def test_markdown_escapes_all_text(self) -> None:
        """Markup and table separators in titles are escaped in Markdown."""
        markdown = full().to_markdown("en")
        assert r"Apel \<pembukaan\> \| pagi" in markdown
        assert r"Retret \<uji\> & \*evaluasi\*" in markdown
        table = [line for line in markdown.splitlines() if line.startswith("| s1 ")]
        assert 1 == len(table)
        assert 5 == len(re.findall(r"(?<!\\)\|", table[0]))

    def test_suppressed_and_missing_are_shown(self) -> None:
        """Suppressed groups and missing figures appear in each rendering."""
        report = evaluate(retreat(), reaction_responses(), rubrics=RUBRICS, **NAMES)
        text = report.to_text("en")
        assert "  Suppressed (below the threshold of 3): session:s2, speaker:tamu" in text
        assert "  Cannot be computed yet:" in text
        assert '  - There are no commitments (rencana aksi) for the retreat "uji-2025".' in text
        assert "speaker:tamu" in report.to_markdown("en")
        assert '<p class="suppressed">' in report.to_html("en")
        assert '<ul class="missing"><li>' in report.to_html("en")

    def test_unit_table(self) -> None:
        """Suppressed units share one row of the per-unit table."""
        text = full(threshold=2).to_text("en")
        assert "Sekretariat Daerah (setda)" in text
        assert "2 other units, each below the threshold  2" in text
        assert "Dinas Kesehatan (dinkes)" in full(threshold=1).to_text("en")
        assert "(unit unknown)" in full(threshold=1).to_text("en")

    def test_long_lists_are_shortened(self) -> None:
        """The Malang sample's many small units: the first twelve, then a count."""
        data = samples.load("malang")
        assert data.retreat is not None
        report = evaluate(data.retreat, data.responses, roster=data.roster, on=ON)
        text = report.to_text("en")
        shown = [line for line in text.splitlines() if line.startswith("  Suppressed")]
        assert shown
        assert all(re.search(r"and [0-9]+ more\Z", line) for line in shown)
        finding = report.results.missing[-1]
        assert len(finding.subjects) == finding.params["count"]
        assert len(finding.subjects) > 12
        assert str(finding.params["units"]).endswith(f"(+{len(finding.subjects) - 12})")

    def test_no_whole_nip_anywhere(self) -> None:
        """No rendering, dict or repr holds a participant's, owner's or visitor's NIP."""
        data = samples.load("malang")
        assert data.retreat is not None
        reports = [
            full(),
            full(threshold=1),
            evaluate(data.retreat, data.responses, roster=data.roster, on=ON, threshold=1),
        ]
        everyone = set(NIPS) | {e.nip for e in data.retreat.enrollments}
        for report in reports:
            texts = [
                repr(report),
                json.dumps(report.to_dict()),
                *(
                    render(lang)
                    for lang in LANGS
                    for render in (report.to_text, report.to_markdown, report.to_html)
                ),
            ]
            for text in texts:
                digits = set(re.findall(r"[0-9]{18}", text))
                assert not digits & everyone

    def test_to_dict_is_json(self) -> None:
        """to_dict is plain JSON: enums by value, dates as ISO text, messages in both languages."""
        data = full().to_dict()
        assert data == json.loads(json.dumps(data))
        assert ("uji-2025", "2025-09-01", 3) == (data["retreat"], data["on"], data["threshold"])
        levels: Any = data["levels"]
        assert {"id": "Reaksi", "en": "Reaction"} == levels[0]["name"]
        assert {
            "code": "A",
            "label_id": "Sangat Baik",
            "label_en": "Very good",
            "lower": 80.0,
        } == levels[0]["overall"]["band"]
        assert "retreat" == levels[0]["overall"]["kind"]
        assert "follow_up" == levels[2]["change"]["after"]
        assert "2025-09-01" == levels[2]["completion"]["on"]
        assert "lower" == levels[3]["indicators"][2]["direction"]
        missing = levels[3]["missing"][0]
        assert "kirkpatrick.missing.unit_indicators" == missing["code"]
        assert {"count": 1, "units": "kel-klojen"} == missing["params"]
        assert ["kel-klojen"] == missing["subjects"]
        assert missing["message"]["en"].startswith("1 units of the retreat")
        assert 25.0 == levels[4]["roi"]
        assert None is evaluate(retreat(), []).to_dict()["on"]


class TestHelpers:
    def test_negative_zero(self) -> None:
        """-0.0 prints as 0.00."""
        assert "0.00" == _levels._number(-0.0, "en")
        assert "–" == _levels._number(None, "en")

    def test_done_since_repeated_done(self) -> None:
        """Two "done" changes in a row date from the first."""
        item = commitment("c", (8, 1), (7, 1, DONE), (7, 9, DONE))
        assert pendulum.Date(2025, 7, 1) == _evaluate._done_since(item, ON)

    def test_unimplemented_base(self) -> None:
        """The base level has no figures of its own."""
        with pytest.raises(NotImplementedError):
            _levels.LevelResult(n=0)._figures("en")


class TestMessages:
    def test_every_code_is_catalogued(self) -> None:
        """Every kirkpatrick.* code in the modules has both languages in the catalogue."""
        trees = [ast.parse(source.read_text(encoding="utf-8")) for source in SOURCES]
        used = {
            node.value
            for tree in trees
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"kirkpatrick\.[a-z_.]+", node.value)
        }
        table = messages.catalogue()
        ours = {code for code in table if code.startswith("kirkpatrick.")}
        assert len(used) > 60
        assert set() == used - ours
        assert set() == ours - used

    def test_every_missing_message_renders(self) -> None:
        """Each missing finding renders in both languages without leftover fields."""
        reports = [evaluate(retreat(), []), full(threshold=5), full(on=pendulum.Date(2025, 7, 5))]
        for report in reports:
            for level in report.levels:
                for finding in level.missing:
                    for lang in LANGS:
                        text = finding.message(lang)
                        assert "{" not in text
                        assert finding.code not in text
