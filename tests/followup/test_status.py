"""Tests of follow_up_status (birokrasi_retreat.followup): counts per unit and overall."""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.errors import InvalidComponent, InvalidType, UnknownReferenceError
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.followup import (
    Commitment,
    CommitmentStatus,
    FollowUp,
    FollowUpStatus,
    MonitoringVisit,
    StatusChange,
    UnitFollowUp,
    evaluate,
    follow_up_status,
)
from birokrasi_retreat.retreat import RetreatStatus
from birokrasi_retreat.strategies import follow_ups, rosters


if TYPE_CHECKING:
    import retreat_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")

ON: Final = pendulum.Date(2025, 8, 4)
"""The status date of most tests: within the Malang window (17 May + 90 days = 15 Aug)."""
DUE: Final = pendulum.Date(2025, 7, 31)
KLOJEN: Final = "kec-klojen"
COUNTS: Final = ("done_on_time", "done_late", "overdue", "dropped", "open")


def changed(day: pendulum.Date, status: CommitmentStatus) -> StatusChange:
    """A status change."""
    return StatusChange(on=day, status=status)


def commitment(number: int, *history: StatusChange, **changes: Any) -> Commitment:
    """A commitment of the camat of Klojen, due 31 July 2025."""
    made = Commitment(
        id=f"rencana-{number}",
        retreat="malang-2025",
        owner=b.CAMAT_NIPS[1],
        unit=KLOJEN,
        description="Layanan KTP satu hari",
        indicator="hari",
        target=1,
        due=DUE,
        history=history,
        evidence=("bukti.pdf",),
    )
    return attrs.evolve(made, **changes)


def visit(number: int, day: pendulum.Date, unit: str = KLOJEN) -> MonitoringVisit:
    """The Sekda's visit to ``unit`` on ``day``."""
    return MonitoringVisit(id=f"kunjungan-{number}", on=day, unit=unit, visitor=b.SEKDA_NIP)


def one_of_each() -> tuple[Commitment, ...]:
    """Six commitments, one per state on ON: on time, late, overdue, dropped, open, due-today."""
    return (
        commitment(1, changed(pendulum.Date(2025, 7, 30), CommitmentStatus.DONE)),
        commitment(2, changed(pendulum.Date(2025, 8, 1), CommitmentStatus.DONE)),
        commitment(3, changed(pendulum.Date(2025, 6, 1), CommitmentStatus.IN_PROGRESS)),
        commitment(4, changed(pendulum.Date(2025, 6, 1), CommitmentStatus.DROPPED)),
        commitment(5, due=pendulum.Date(2025, 9, 30)),
        commitment(6, due=ON),
    )


def status(
    *commitments: Commitment, visits: tuple[MonitoringVisit, ...] = (), **options: Any
) -> FollowUpStatus:
    """The status of the Malang retreat on ON (or ``options["on"]``)."""
    fields: dict[str, Any] = {"on": ON, **options}
    return follow_up_status(b.malang(), commitments, visits, **fields)


class TestCommitmentCounts:
    def test_each_state_once(self) -> None:
        """One commitment per state lands in its own count; due leaves out the dropped one
        and the one due on ON itself, which is not done and still has the day."""
        row = status(*one_of_each()).units[0]
        assert (1, 1, 1, 1, 2) == tuple(getattr(row, name) for name in COUNTS)
        assert (6, 3) == (row.commitments, row.due)

    def test_due_today_and_done_is_due(self) -> None:
        """A commitment due on ON and done by then has fallen due, and is on time."""
        done = commitment(7, changed(ON, CommitmentStatus.DONE), due=ON)
        row = status(done).units[0]
        assert (1, 1) == (row.due, row.done_on_time)

    def test_completion_leaves_dropped_out(self) -> None:
        """Completion is done / (commitments - dropped): 2 of 5."""
        assert 0.4 == status(*one_of_each()).completion

    def test_completion_without_commitments_is_none(self) -> None:
        """No commitment (or only dropped ones) gives no completion."""
        dropped = commitment(1, changed(pendulum.Date(2025, 6, 1), CommitmentStatus.DROPPED))
        assert status().completion is None
        assert status(dropped).completion is None
        assert status(dropped).units[0].completion is None

    def test_change_after_the_date_is_unknown(self) -> None:
        """Done on 10 August: on 4 August the commitment is still overdue."""
        late = commitment(1, changed(pendulum.Date(2025, 8, 10), CommitmentStatus.DONE))
        assert (1, 0) == (status(late).overdue, status(late).done_late)
        later = status(late, on=pendulum.Date(2025, 8, 10))
        assert (0, 1) == (later.overdue, later.done_late)

    def test_done_reopened_is_not_done(self) -> None:
        """Done then reopened before the date counts as overdue, not done."""
        reopened = commitment(
            1,
            changed(pendulum.Date(2025, 7, 1), CommitmentStatus.DONE),
            changed(pendulum.Date(2025, 7, 5), CommitmentStatus.IN_PROGRESS),
        )
        assert 1 == status(reopened).overdue

    def test_reopened_after_the_date_is_still_done(self) -> None:
        """Done on 1 August and reopened on 10 August: on 4 August it is done, late."""
        reopened = commitment(
            1,
            changed(pendulum.Date(2025, 8, 1), CommitmentStatus.DONE),
            changed(pendulum.Date(2025, 8, 10), CommitmentStatus.IN_PROGRESS),
        )
        assert (1, 0) == (status(reopened).done_late, status(reopened).overdue)

    def test_done_again_counts_from_the_last_time(self) -> None:
        """Done on time, reopened, done again late: late."""
        again = commitment(
            1,
            changed(pendulum.Date(2025, 7, 1), CommitmentStatus.DONE),
            changed(pendulum.Date(2025, 7, 5), CommitmentStatus.IN_PROGRESS),
            changed(pendulum.Date(2025, 8, 2), CommitmentStatus.DONE),
            changed(pendulum.Date(2025, 8, 3), CommitmentStatus.DONE),
        )
        assert (0, 1) == (status(again).done_on_time, status(again).done_late)

    def test_totals_sum_the_units(self) -> None:
        """Overall counts add the units' counts."""
        made = status(*one_of_each(), commitment(9, unit="kec-sukun"))
        assert (2, 7) == (len(made.units), made.commitments)
        assert (2, 2) == (made.overdue, made.open)


class TestVisits:
    def test_last_visit_and_days_since(self) -> None:
        """Visits after the retreat and up to the date count; the last is 21 days before ON."""
        visits = (
            visit(1, pendulum.Date(2025, 5, 17)),  # on the retreat's last day: FUP005, not counted
            visit(2, pendulum.Date(2025, 6, 2)),
            visit(3, pendulum.Date(2025, 7, 14)),
            visit(4, pendulum.Date(2025, 8, 20)),  # after the date: not yet
        )
        made = status(visits=visits)
        row = made.units[0]
        assert (2, pendulum.Date(2025, 7, 14), 21, False) == (
            row.visits,
            row.last_visit,
            row.days_since_last_visit,
            row.never_visited,
        )
        assert (2, pendulum.Date(2025, 7, 14), 21) == (
            made.visits,
            made.last_visit,
            made.days_since_last_visit,
        )

    def test_never_visited(self) -> None:
        """A unit with commitments and no visit is never visited."""
        made = status(commitment(1))
        assert ((KLOJEN,), (), 0.0) == (
            made.units_never_visited,
            made.units_visited,
            made.visited_share,
        )
        assert (None, None) == (made.last_visit, made.days_since_last_visit)

    def test_without_units_no_share(self) -> None:
        """Without a roster, commitments or visits there is no unit and no share."""
        made = status()
        assert ((), None) == (made.units, made.visited_share)


class TestUnits:
    def test_with_roster_the_units_of_the_retreat(self) -> None:
        """With the roster, the five kecamatan of the camat are the units, named."""
        made = status(visits=(visit(1, pendulum.Date(2025, 6, 2)),), roster=b.malang_roster())
        assert 5 == len(made.units_of_retreat)
        assert (0.2, (KLOJEN,)) == (made.visited_share, made.units_visited)
        assert "Klojen" == next(row.name for row in made.units if row.unit == KLOJEN)

    def test_a_unit_outside_the_retreat_has_a_row(self) -> None:
        """A visit to another unit gets a row that the share does not count."""
        made = status(
            visits=(visit(1, pendulum.Date(2025, 6, 2), "setda"),), roster=b.malang_roster()
        )
        setda = next(row for row in made.units if row.unit == "setda")
        assert (False, True) == (setda.of_retreat, str(setda.name).startswith("Sekretariat"))
        assert 0.0 == made.visited_share

    def test_unknown_unit_has_no_name(self) -> None:
        """A unit the roster does not know keeps its id and no name."""
        made = status(commitment(1, unit="unit-x"), roster=b.malang_roster())
        row = next(row for row in made.units if row.unit == "unit-x")
        assert row.name is None

    def test_without_roster_every_named_unit(self) -> None:
        """Without a roster, the units named by commitments and visits count."""
        made = status(commitment(1), visits=(visit(1, pendulum.Date(2025, 6, 2), "kec-sukun"),))
        assert ((KLOJEN, "kec-sukun"), 0.5) == (made.units_of_retreat, made.visited_share)
        assert all(row.name is None for row in made.units)


class TestFindings:
    def test_fup003_for_each_overdue(self) -> None:
        """The overdue commitment gives one FUP003 warning on its due date."""
        (finding,) = status(*one_of_each()).findings
        assert ("FUP003", Severity.WARNING, "commitments[2].due") == (
            finding.code,
            finding.severity,
            finding.path,
        )

    def test_fup004_with_roster_past_the_window(self) -> None:
        """Past the window, with the roster, each unvisited kecamatan is a FUP004 warning."""
        made = status(
            visits=(visit(1, pendulum.Date(2025, 6, 2)),),
            roster=b.malang_roster(),
            on=pendulum.Date(2025, 9, 1),
        )
        assert 4 == len([f for f in made.findings if f.code == "FUP004"])

    def test_severities_override_reaches_fup003_and_fup004(self) -> None:
        """The status reports FUP003/FUP004 through the rules: severities= applies (a fix)."""
        made = status(
            commitment(1, due=pendulum.Date(2025, 7, 1)),
            roster=b.malang_roster(),
            on=pendulum.Date(2025, 9, 1),
            severities={"FUP003": Severity.ERROR, "FUP004": Severity.INFO},
        )
        shown = {(f.code, f.severity) for f in made.findings}
        assert shown == {("FUP003", Severity.ERROR), ("FUP004", Severity.INFO)}

    def test_severities_of_an_unknown_code_or_type_raise(self) -> None:
        with pytest.raises(UnknownReferenceError):
            status(on=pendulum.Date(2025, 9, 1), severities={"XYZ999": Severity.ERROR})
        with pytest.raises(InvalidType):
            status(on=pendulum.Date(2025, 9, 1), severities={"FUP003": "error"})

    def test_no_fup004_without_roster(self) -> None:
        """Without the roster, as the rule, there is no FUP004."""
        made = status(commitment(1, due=pendulum.Date(2025, 12, 1)), on=pendulum.Date(2025, 9, 1))
        assert () == made.findings

    def test_window_days(self) -> None:
        """A 10-day window ends on 27 May; the June visit is too late for it."""
        made = status(
            visits=(visit(1, pendulum.Date(2025, 6, 2)),),
            roster=b.malang_roster(),
            window_days=10,
        )
        assert (pendulum.Date(2025, 5, 27), 10) == (made.window_end, made.window_days)
        assert 5 == len(made.findings)

    def test_cancelled_retreat_has_no_fup004(self) -> None:
        """A cancelled retreat is not followed up."""
        made = follow_up_status(
            b.malang(status=RetreatStatus.CANCELLED),
            (),
            (),
            on=pendulum.Date(2025, 9, 1),
            roster=b.malang_roster(),
        )
        assert () == made.findings


class TestTables:
    def test_rows(self) -> None:
        """rows() gives one plain dict per unit, dates as ISO text."""
        made = status(*one_of_each(), visits=(visit(1, pendulum.Date(2025, 7, 14)),))
        (row,) = made.rows()
        assert {
            "unit": KLOJEN,
            "commitments": 6,
            "completion": 0.4,
            "last_visit": "2025-07-14",
            "days_since_last_visit": 21,
            "never_visited": False,
        }.items() <= row.items()

    def test_totals(self) -> None:
        """totals() gives the overall figures as a plain dict."""
        made = status(*one_of_each())
        assert {
            "retreat": "malang-2025",
            "on": "2025-08-04",
            "window_end": "2025-08-15",
            "commitments": 6,
            "due": 3,
            "last_visit": None,
            "units": 1,
            "units_visited": 0,
            "units_never_visited": [KLOJEN],
            "visited_share": 0.0,
        }.items() <= made.totals().items()

    def test_to_text_indonesian(self) -> None:
        """The Indonesian text has a title, a table with a total line, the share and findings."""
        text = status(*one_of_each()).to_text()
        lines = text.splitlines()
        assert lines[0].startswith("Status tindak lanjut retret malang-2025 per 2025-08-04")
        assert lines[1].split()[:2] == ["Unit", "Rencana"]
        assert lines[3].startswith("Jumlah")
        assert "Unit dikunjungi: 0 dari 1 (0,0%); rencana aksi selesai: 40,0%." == lines[4]
        assert "Belum pernah dikunjungi: kec-klojen." == lines[5]
        assert lines[6].startswith("WARNING FUP003")

    def test_to_text_english(self) -> None:
        """The English text uses English headers and decimal points."""
        made = status(*one_of_each(), visits=(visit(1, pendulum.Date(2025, 7, 14)),))
        text = made.to_text("en")
        assert "Units visited: 1 of 1 (100.0%); commitments done: 40.0%." in text
        assert "Total" in text
        assert "2025-07-14" in text
        assert "Never visited" not in text

    def test_to_text_without_anything(self) -> None:
        """With no unit, the share and completion show as dashes."""
        assert "(-); commitments done: -." in status().to_text("en")


class TestArguments:
    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"retreat": "malang-2025"}, "retreat"),
            ({"commitments": "rencana-1"}, "commitments"),
            ({"commitments": ("rencana-1",)}, "commitments[0]"),
            ({"visits": (None,)}, "visits[0]"),
            ({"on": "2025-08-04"}, "on"),
            ({"on": pendulum.datetime(2025, 8, 4)}, "on"),
            ({"roster": "malang"}, "roster"),
            ({"window_days": 30.0}, "window_days"),
        ],
    )
    def test_types(self, changes: dict[str, Any], path: str) -> None:
        """An argument of the wrong type is refused with its path."""
        fields: dict[str, Any] = {
            "retreat": b.malang(),
            "commitments": (),
            "visits": (),
            "on": ON,
            **changes,
        }
        with pytest.raises(InvalidType) as caught:
            follow_up_status(**fields)
        assert ("data.type", path) == (caught.value.code, caught.value.path)

    def test_window_below_one(self) -> None:
        """A window of 0 days is refused."""
        with pytest.raises(InvalidComponent) as caught:
            status(window_days=0)
        assert "followup.window" == caught.value.code


class TestUnitFollowUp:
    def test_done_and_completion(self) -> None:
        """done adds on time and late; completion leaves dropped out."""
        row = UnitFollowUp(
            unit="u",
            name=None,
            of_retreat=True,
            commitments=5,
            due=5,
            done_on_time=2,
            done_late=1,
            overdue=0,
            dropped=1,
            open=1,
            visits=1,
            last_visit=ON,
            days_since_last_visit=0,
        )
        assert (3, 0.75, False) == (row.done, row.completion, row.never_visited)


class TestProperties:
    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_counts_add_up(self, data: st.DataObject) -> None:
        """Per unit and overall, the five counts add up and every share lies in 0-1."""
        roster = data.draw(st.one_of(st.none(), rosters()))
        made: FollowUp = data.draw(follow_ups(roster=roster, max_commitments=8))
        last = made.retreat.days[-1]
        on = last.add(days=data.draw(st.integers(min_value=-5, max_value=400)))
        result = follow_up_status(made.retreat, made.commitments, made.visits, on=on, roster=roster)
        rows: list[UnitFollowUp | FollowUpStatus] = [*result.units, result]
        for row in rows:
            assert row.commitments == sum(getattr(row, name) for name in COUNTS)
            assert row.due <= row.commitments
            assert row.completion is None or 0 <= row.completion <= 1
        assert len(made.commitments) == result.commitments
        assert result.visited_share is None or 0 <= result.visited_share <= 1
        assert result.overdue == len([f for f in result.findings if f.code == "FUP003"])

    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_status_and_evaluation_agree(self, data: st.DataObject) -> None:
        """follow_up_status and evaluate count due, late, overdue and dropped alike."""
        made: FollowUp = data.draw(follow_ups(max_commitments=8))
        on = made.retreat.days[-1].add(days=data.draw(st.integers(min_value=-5, max_value=400)))
        result = follow_up_status(made.retreat, made.commitments, made.visits, on=on)
        completion = evaluate(made.retreat, [], made.commitments, on=on).behaviour.completion
        if not made.commitments:
            assert completion is None
            return
        assert completion is not None
        assert (result.due, result.done_late, result.overdue, result.dropped) == (
            completion.due,
            completion.done_late,
            completion.overdue,
            completion.dropped,
        )
        # The status counts a commitment done ahead of its due date as done on time.
        assert result.done_on_time == completion.done_on_time + completion.done_ahead
