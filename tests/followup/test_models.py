"""Tests of the follow-up models (birokrasi_retreat.followup) and their strategies."""

from __future__ import annotations

import datetime as dt
import math

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import followup, samples, serialization
from birokrasi_retreat import strategies as fst
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
)
from birokrasi_retreat.followup import (
    Commitment,
    CommitmentStatus,
    Direction,
    FollowUp,
    Judgement,
    MonitoringVisit,
    Review,
    StatusChange,
    UnitIndicator,
)
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from birokrasi_retreat.retreat import Retreat


NIP: Final = "198609262015051001"
PPPK: Final = "199001012024211002"
JUNE: Final = pendulum.Date(2025, 6, 2)
FORMATS: Final = ("json", "yaml", "toml")


def change(day: int, status: CommitmentStatus, month: int = 7) -> StatusChange:
    """A status change on ``day`` of July 2025 (or of ``month``)."""
    return StatusChange(on=pendulum.Date(2025, month, day), status=status)


def commitment(**changes: Any) -> Commitment:
    """A valid commitment, due 31 July 2025, not started."""
    made = Commitment(
        id="rencana-1",
        retreat="malang-2025",
        owner=NIP,
        unit="kec-klojen",
        description="Layanan KTP satu hari",
        indicator="Waktu layanan (hari)",
        target=1,
        due=pendulum.Date(2025, 7, 31),
    )
    return attrs.evolve(made, **changes)


def visit(**changes: Any) -> MonitoringVisit:
    """A valid visit on 2 June 2025."""
    return attrs.evolve(
        MonitoringVisit(id="kunjungan-1", on=JUNE, unit="kec-klojen", visitor=NIP), **changes
    )


def indicator(**changes: Any) -> UnitIndicator:
    """A valid indicator: service time from 90 to 60 minutes."""
    made = UnitIndicator(
        id="indikator-1",
        unit="kec-klojen",
        name="Waktu layanan KTP",
        direction=Direction.LOWER,
        before=90,
        after=60,
        measure="menit",
        source="Laporan SKM",
    )
    return attrs.evolve(made, **changes)


def malang() -> Retreat:
    """The bundled Malang retreat."""
    retreat = samples.load("malang").retreat
    assert retreat is not None
    return retreat


def round_trip(obj: object, fmt: str) -> object:
    """``obj`` dumped to ``fmt`` and loaded back as its own class."""
    return serialization.loads(serialization.dumps(obj, format=fmt), type(obj), format=fmt)  # type: ignore[arg-type]


class TestPackage:
    def test_all_is_sorted_and_complete(self) -> None:
        """The package re-exports its public names, plainly sorted."""
        assert sorted(followup.__all__) == followup.__all__
        for name in followup.__all__:
            assert hasattr(followup, name)

    def test_default_window(self) -> None:
        """The default follow-up window is 90 days (a project choice)."""
        assert 90 == followup.DEFAULT_WINDOW_DAYS


class TestCommitmentStatus:
    def test_values(self) -> None:
        """The four statuses of the issue, in order."""
        assert ["not_started", "in_progress", "done", "dropped"] == [
            s.value for s in CommitmentStatus
        ]

    @pytest.mark.parametrize(
        ("status", "indonesian", "english"),
        [
            (CommitmentStatus.NOT_STARTED, "belum dimulai", "not started"),
            (CommitmentStatus.DROPPED, "dibatalkan", "dropped"),
        ],
    )
    def test_labels(self, status: CommitmentStatus, indonesian: str, english: str) -> None:
        """Each status has a label in both languages, Indonesian by default."""
        assert (indonesian, english) == (status.label(), status.label("en"))


class TestStatusChange:
    def test_builds(self) -> None:
        """A status change holds its day, status and note."""
        made = StatusChange(on=JUNE, status=CommitmentStatus.IN_PROGRESS, note="Mulai")
        assert (JUNE, "Mulai") == (made.on, made.note)

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"on": dt.date(2025, 6, 2)}, "on"),
            ({"on": pendulum.datetime(2025, 6, 2)}, "on"),
            ({"status": "done"}, "status"),
            ({"note": 3}, "note"),
        ],
    )
    def test_types(self, changes: dict[str, Any], path: str) -> None:
        """A plain date, a datetime, a status as text or a non-text note is a type error."""
        fields: dict[str, Any] = {"on": JUNE, "status": CommitmentStatus.DONE, **changes}
        with pytest.raises(InvalidType) as caught:
            StatusChange(**fields)
        assert ("data.type", path) == (caught.value.code, caught.value.path)

    def test_blank_note(self) -> None:
        """A blank note is refused."""
        with pytest.raises(InvalidFormat):
            StatusChange(on=JUNE, status=CommitmentStatus.DONE, note="  ")


class TestCommitment:
    def test_owner_is_compacted_and_masked(self) -> None:
        """The owner is stored compact; the repr shows it masked only."""
        made = commitment(owner="19860926 201505 1 001")
        assert NIP == made.owner
        assert NIP[:8] not in repr(made)
        assert "******** ****** * 001" in repr(made)

    def test_pppk_owner_masked_in_its_layout(self) -> None:
        """An NI PPPK is masked in the PPPK layout."""
        assert "******** **** ** * 002" in repr(commitment(owner=PPPK))

    @pytest.mark.parametrize(
        ("owner", "error", "code"),
        [
            ("19860926201505100", InvalidLength, "nip.length"),
            ("19860926201505100X", InvalidFormat, "nip.format"),
            ("", InvalidLength, "nip.length"),
        ],
    )
    def test_bad_owner(self, owner: str, error: type[ValidationError], code: str) -> None:
        """An owner that is not 18 digits is refused, never echoed."""
        with pytest.raises(error) as caught:
            commitment(owner=owner)
        assert (code, "owner") == (caught.value.code, caught.value.path)
        assert set(caught.value.params) <= {"length"}

    def test_owner_of_the_wrong_type(self) -> None:
        """An owner that is not text is a type error."""
        with pytest.raises(InvalidType):
            commitment(owner=198609262015051001)

    def test_values_and_numbers(self) -> None:
        """Values are kept as a tuple; baseline and target are stored as floats."""
        made = commitment(values=[BerAkhlak.AKUNTABEL], baseline=3, target=1)
        assert ((BerAkhlak.AKUNTABEL,), 3.0, 1.0) == (made.values, made.baseline, made.target)
        assert isinstance(made.baseline, float)

    @pytest.mark.parametrize("value", [math.inf, math.nan, 10**400])
    def test_target_must_be_finite(self, value: object) -> None:
        """An infinite, undefined or overflowing target is refused."""
        with pytest.raises(InvalidFormat) as caught:
            commitment(target=value)
        assert ("data.not_finite", "target") == (caught.value.code, caught.value.path)

    @pytest.mark.parametrize("value", [True, "1"])
    def test_baseline_type(self, value: object) -> None:
        """A bool or text baseline is a type error."""
        with pytest.raises(InvalidType):
            commitment(baseline=value)

    def test_baseline_and_target_are_optional(self) -> None:
        """None is a valid baseline and target."""
        made = commitment(baseline=None, target=None)
        assert (None, None) == (made.baseline, made.target)

    def test_value_of_the_wrong_type(self) -> None:
        """A value that is no BerAkhlak member is refused at its index."""
        with pytest.raises(InvalidType) as caught:
            commitment(values=(BerAkhlak.LOYAL, "loyal"))
        assert "values[1]" == caught.value.path

    @pytest.mark.parametrize(
        ("changes", "path"),
        [({"evidence": ("ok", " ")}, "evidence[1]"), ({"indicator": ""}, "indicator")],
    )
    def test_blank_texts(self, changes: dict[str, Any], path: str) -> None:
        """Blank evidence or a blank indicator is refused at its place."""
        with pytest.raises(InvalidFormat) as caught:
            commitment(**changes)
        assert path == caught.value.path

    def test_evidence_must_be_text(self) -> None:
        """Evidence items are text."""
        with pytest.raises(InvalidType):
            commitment(evidence=(1,))

    def test_history_in_date_order(self) -> None:
        """A history whose dates go back is refused at the change that goes back."""
        with pytest.raises(InvalidComponent) as caught:
            commitment(
                history=(change(9, CommitmentStatus.IN_PROGRESS), change(1, CommitmentStatus.DONE))
            )
        assert ("followup.history_order", "history[1].on") == (caught.value.code, caught.value.path)

    def test_history_items_are_changes(self) -> None:
        """A history item that is no StatusChange is a type error."""
        with pytest.raises(InvalidType):
            commitment(history=("done",))

    def test_due_is_a_date(self) -> None:
        """A due date given as text is a type error."""
        with pytest.raises(InvalidType):
            commitment(due="2025-07-31")

    def test_status_and_done_on_without_history(self) -> None:
        """Without history a commitment is not started and not done."""
        made = commitment()
        assert (CommitmentStatus.NOT_STARTED, None) == (made.status, made.done_on)

    def test_status_on(self) -> None:
        """status_on follows the history; a change counts from its own day."""
        made = commitment(
            history=(change(1, CommitmentStatus.IN_PROGRESS), change(20, CommitmentStatus.DONE))
        )
        days = (pendulum.Date(2025, 6, 30), pendulum.Date(2025, 7, 1), pendulum.Date(2025, 7, 19))
        assert [
            CommitmentStatus.NOT_STARTED,
            CommitmentStatus.IN_PROGRESS,
            CommitmentStatus.IN_PROGRESS,
        ] == [made.status_on(day) for day in days]
        assert CommitmentStatus.DONE is made.status_on(pendulum.Date(2025, 7, 20))

    def test_status_on_same_day_later_wins(self) -> None:
        """Two changes on one day: the later one in the history is the status."""
        made = commitment(
            history=(change(5, CommitmentStatus.IN_PROGRESS), change(5, CommitmentStatus.DROPPED))
        )
        assert CommitmentStatus.DROPPED is made.status_on(pendulum.Date(2025, 7, 5))

    @pytest.mark.parametrize("day", ["2025-07-01", pendulum.datetime(2025, 7, 1)])
    def test_status_on_needs_a_date(self, day: object) -> None:
        """status_on takes a pendulum.Date only."""
        with pytest.raises(InvalidType) as caught:
            commitment().status_on(day)  # type: ignore[arg-type]
        assert "day" == caught.value.path

    def test_done_on_counts_from_the_last_time_done(self) -> None:
        """Reopened and done again, a commitment is done from the second time."""
        made = commitment(
            history=(
                change(1, CommitmentStatus.DONE),
                change(3, CommitmentStatus.IN_PROGRESS),
                change(8, CommitmentStatus.DONE),
                change(9, CommitmentStatus.DONE),
            )
        )
        assert pendulum.Date(2025, 7, 8) == made.done_on

    def test_done_on_is_none_when_not_done(self) -> None:
        """Done then dropped: not done."""
        made = commitment(
            history=(change(1, CommitmentStatus.DONE), change(3, CommitmentStatus.DROPPED))
        )
        assert made.done_on is None


class TestJudgement:
    @pytest.mark.parametrize(
        ("judgement", "lan"),
        [
            (Judgement.BELOW, "kurang"),
            (Judgement.AS_PLANNED, "sesuai"),
            (Judgement.EXCEEDING, "melampaui"),
        ],
    )
    def test_lan_terms(self, judgement: Judgement, lan: str) -> None:
        """The Indonesian labels are LAN's terms for aksi perubahan (sources: aksi-perubahan)."""
        assert lan == judgement.label()
        assert judgement.value.replace("_", " ") == judgement.label("en")


class TestReview:
    def test_builds(self) -> None:
        """A review names a commitment and a judgement."""
        assert "rencana-1" == Review(commitment="rencana-1", judgement=Judgement.BELOW).commitment

    def test_judgement_type(self) -> None:
        """A judgement given as text is a type error."""
        with pytest.raises(InvalidType):
            Review(commitment="rencana-1", judgement="below")  # type: ignore[arg-type]

    def test_commitment_id(self) -> None:
        """A commitment id with surrounding spaces is refused."""
        with pytest.raises(InvalidFormat):
            Review(commitment=" rencana-1", judgement=Judgement.BELOW)


class TestMonitoringVisit:
    def test_visitor_is_masked(self) -> None:
        """The visitor is stored compact and masked in the repr."""
        made = visit(visitor="19860926.201505.1.001")
        assert NIP == made.visitor
        assert NIP[:8] not in repr(made)

    def test_location(self) -> None:
        """Without a place the visit is at the unit's office; with one, there."""
        assert ("kec-klojen", "balai-kota") == (
            visit().location,
            visit(place="balai-kota").location,
        )

    def test_place_is_an_id(self) -> None:
        """A blank place is refused."""
        with pytest.raises(InvalidFormat):
            visit(place="")

    def test_reviews_are_reviews(self) -> None:
        """A review that is no Review is a type error at its index."""
        with pytest.raises(InvalidType) as caught:
            visit(reviews=(Review(commitment="c", judgement=Judgement.BELOW), "c"))
        assert "reviews[1]" == caught.value.path

    def test_reviews_must_be_a_collection(self) -> None:
        """Reviews given as text are a type error."""
        with pytest.raises(InvalidType):
            visit(reviews="rencana-1")


class TestUnitIndicator:
    @pytest.mark.parametrize(
        ("direction", "before", "after", "improved"),
        [
            (Direction.LOWER, 90, 60, True),
            (Direction.LOWER, 60, 90, False),
            (Direction.HIGHER, 80, 85, True),
            (Direction.HIGHER, 85, 80, False),
            (Direction.HIGHER, 80, 80, None),
        ],
    )
    def test_improved(
        self, direction: Direction, before: float, after: float, improved: bool | None
    ) -> None:
        """Improvement follows the direction; no change is None."""
        made = indicator(direction=direction, before=before, after=after)
        assert (after - before, improved) == (made.change, made.improved)

    def test_values_are_floats(self) -> None:
        """Before and after are stored as floats."""
        made = indicator()
        assert (90.0, 60.0) == (made.before, made.after)
        assert isinstance(made.before, float)

    def test_values_must_be_finite(self) -> None:
        """An infinite value is refused."""
        with pytest.raises(InvalidFormat) as caught:
            indicator(after=-math.inf)
        assert "after" == caught.value.path

    def test_dates_in_order(self) -> None:
        """The after measurement cannot come before the before measurement."""
        with pytest.raises(InvalidComponent) as caught:
            indicator(before_on=JUNE, after_on=pendulum.Date(2025, 1, 1))
        assert ("followup.indicator_dates", "after_on") == (caught.value.code, caught.value.path)

    def test_dates_may_be_missing_or_equal(self) -> None:
        """One date alone, or the same date twice, is fine."""
        assert indicator(before_on=JUNE).after_on is None
        assert JUNE == indicator(before_on=JUNE, after_on=JUNE).after_on

    def test_date_type(self) -> None:
        """A date given as text is a type error."""
        with pytest.raises(InvalidType):
            indicator(after_on="2025-06-02")

    def test_direction_type(self) -> None:
        """A direction given as text is a type error."""
        with pytest.raises(InvalidType):
            indicator(direction="lower")


class TestFollowUp:
    def test_builds(self) -> None:
        """A follow-up gathers its parts as tuples."""
        made = FollowUp(retreat=malang(), commitments=[commitment()], visits=[visit()])  # type: ignore[arg-type]
        assert (1, 1, ()) == (len(made.commitments), len(made.visits), made.indicators)

    @pytest.mark.parametrize(
        ("field", "item"),
        [("commitments", commitment()), ("visits", visit()), ("indicators", indicator())],
    )
    def test_ids_are_unique(self, field: str, item: Any) -> None:
        """An id used twice in one collection is refused at the second."""
        with pytest.raises(ValidationError) as caught:
            FollowUp(retreat=malang(), **{field: (item, item)})
        assert ("followup.duplicate_id", f"{field}[1].id") == (caught.value.code, caught.value.path)

    def test_retreat_type(self) -> None:
        """The retreat must be a Retreat."""
        with pytest.raises(InvalidType) as caught:
            FollowUp(retreat="malang-2025")  # type: ignore[arg-type]
        assert "retreat" == caught.value.path

    def test_items_types(self) -> None:
        """A visit among the commitments is a type error at its index."""
        with pytest.raises(InvalidType) as caught:
            FollowUp(retreat=malang(), commitments=(commitment(), visit()))  # type: ignore[arg-type]
        assert "commitments[1]" == caught.value.path


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_model_by_hand(self, fmt: str) -> None:
        """Every model, with every optional field set, survives each format."""
        full = FollowUp(
            retreat=malang(),
            commitments=(
                commitment(
                    values=(BerAkhlak.ADAPTIF,),
                    baseline=3.5,
                    history=(StatusChange(on=JUNE, status=CommitmentStatus.DONE, note="Selesai"),),
                    evidence=("foto.jpg",),
                ),
            ),
            visits=(
                visit(
                    place="balai-kota",
                    reviews=(
                        Review(commitment="rencana-1", judgement=Judgement.EXCEEDING, note="Baik"),
                    ),
                    notes="Catatan",
                    evidence=("notulen.pdf",),
                ),
            ),
            indicators=(indicator(before_on=JUNE, after_on=pendulum.Date(2025, 9, 1)),),
        )
        assert full == round_trip(full, fmt)

    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(fst.follow_ups(), st.sampled_from(FORMATS))
    def test_follow_ups(self, made: FollowUp, fmt: str) -> None:
        """Generated follow-ups survive every format."""
        assert made == round_trip(made, fmt)

    @given(
        st.one_of(
            fst.commitments(),
            fst.status_changes(),
            fst.reviews(),
            fst.monitoring_visits(),
            fst.unit_indicators(),
        ),
        st.sampled_from(FORMATS),
    )
    def test_each_model(self, made: object, fmt: str) -> None:
        """Every generated model survives every format, and to_dict/from_dict."""
        assert made == round_trip(made, fmt)
        assert made == serialization.from_dict(serialization.to_dict(made), type(made))


class TestStrategies:
    @given(fst.commitments())
    def test_commitments_are_measurable_and_evidenced(self, made: Commitment) -> None:
        """Generated commitments have an indicator and a target, and evidence when done."""
        assert made.indicator is not None
        assert made.target is not None
        assert made.status is not CommitmentStatus.DONE or made.evidence

    @given(fst.status_changes(statuses=st.just(CommitmentStatus.DROPPED)))
    def test_status_changes_take_a_status_strategy(self, made: StatusChange) -> None:
        """The statuses argument is honoured."""
        assert CommitmentStatus.DROPPED is made.status

    @given(fst.monitoring_visits(units=st.just("u"), visitors=st.just(NIP)))
    def test_visits_take_strategies(self, made: MonitoringVisit) -> None:
        """The units and visitors arguments are honoured."""
        assert ("u", NIP) == (made.unit, made.visitor)

    @given(fst.reviews(commitments=st.just("c")))
    def test_reviews_take_ids(self, made: Review) -> None:
        """The commitments argument is honoured."""
        assert "c" == made.commitment

    @given(fst.unit_indicators(units=st.just("u")))
    def test_indicators_take_units(self, made: UnitIndicator) -> None:
        """The units argument is honoured, and dates are in order."""
        assert "u" == made.unit
        assert made.before_on is None or made.after_on is None or made.before_on <= made.after_on

    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(fst.follow_ups(max_commitments=3, max_visits=4, max_indicators=2))
    def test_follow_ups_are_coherent(self, made: FollowUp) -> None:
        """Owners take part, visits fall in the window, reviews judge known commitments."""
        people = {e.nip for e in made.retreat.enrollments}
        assert {c.owner for c in made.commitments} <= people
        last = made.retreat.days[-1]
        assert all(last < v.on <= last.add(days=90) for v in made.visits)
        ids = {c.id for c in made.commitments}
        assert all(r.commitment in ids for v in made.visits for r in v.reviews)
        assert len(made.commitments) <= 3
        assert len(made.visits) <= 4
        assert len(made.indicators) <= 2

    @pytest.mark.parametrize("name", ["max_commitments", "max_visits", "max_indicators"])
    @pytest.mark.parametrize("value", [-1, 21])
    def test_follow_ups_bounds(self, name: str, value: int) -> None:
        """A maximum outside 0-20 is refused when the strategy is built."""
        with pytest.raises(InvalidArgument):
            fst.follow_ups(**{name: value})  # type: ignore[arg-type]


class TestFromType:
    @settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.from_type(Commitment),
        st.from_type(StatusChange),
        st.from_type(Review),
        st.from_type(MonitoringVisit),
        st.from_type(UnitIndicator),
    )
    def test_models_are_registered(
        self,
        commitment: Commitment,
        change: StatusChange,
        review: Review,
        visit: MonitoringVisit,
        indicator: UnitIndicator,
    ) -> None:
        """The follow-up models are registered for st.from_type, with their strategies."""
        assert isinstance(commitment, Commitment)
        assert isinstance(change, StatusChange)
        assert isinstance(review, Review)
        assert isinstance(visit, MonitoringVisit)
        assert isinstance(indicator, UnitIndicator)

    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(FollowUp))
    def test_follow_up_is_registered(self, made: FollowUp) -> None:
        """FollowUp is registered for st.from_type, with the coherent follow_ups()."""
        people = {e.nip for e in made.retreat.enrollments}
        assert {c.owner for c in made.commitments} <= people
