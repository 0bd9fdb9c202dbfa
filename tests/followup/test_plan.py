"""Tests of visit_plan (birokrasi_retreat.followup): visits to every unit, in the window."""

from __future__ import annotations

import importlib
import itertools

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.calendar import Holiday, HolidayKind, holidays_between
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidLength,
    InvalidType,
    PolicyViolationError,
)
from birokrasi_retreat.followup import DEFAULT_WINDOW_DAYS, FollowUp, MonitoringVisit, visit_plan
from birokrasi_retreat.followup._status import retreat_units
from birokrasi_retreat.strategies import follow_ups, nips, rosters
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    import retreat_builders as b

else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")

MONDAY: Final = pendulum.Date(2025, 5, 19)
"""The Monday after the Malang retreat (15-17 May 2025)."""
UNITS: Final = ("kec-blimbing", "kec-kedungkandang", "kec-klojen", "kec-lowokwaru", "kec-sukun")
"""The units of the Malang builders' retreat (its five camat), in id order."""
OTHER: Final = b.CAMAT_NIPS[0]
THIRD: Final = b.CAMAT_NIPS[1]


def plan(*visits: MonitoringVisit, **options: Any) -> tuple[MonitoringVisit, ...]:
    """The plan for the Malang builders' retreat, from MONDAY unless told otherwise."""
    fields: dict[str, Any] = {"start": MONDAY, **options}
    return visit_plan(b.malang_roster(), b.malang(), visits, **fields)


def days(visits: tuple[MonitoringVisit, ...]) -> list[int]:
    """The days of the month of the visits."""
    return [visit.on.day for visit in visits]


class TestSchedule:
    def test_default_visitor_is_the_sekda(self) -> None:
        """By default the Sekda visits the five kecamatan on five working days, in unit order."""
        made = plan()
        assert [f"plan-00{n}" for n in range(1, 6)] == [visit.id for visit in made]
        assert list(UNITS) == [visit.unit for visit in made]
        assert [19, 20, 21, 22, 23] == days(made)
        assert {b.SEKDA_NIP} == {visit.visitor for visit in made}
        assert all(visit.place is None and visit.reviews == () for visit in made)

    def test_skips_weekends_and_holidays(self) -> None:
        """From Friday 23 May: Monday 26 to Wednesday 28, then 2 June after Ascension."""
        made = plan(start=pendulum.Date(2025, 5, 23))
        assert [(5, 23), (5, 26), (5, 27), (5, 28), (6, 2)] == [
            (v.on.month, v.on.day) for v in made
        ]

    def test_extra_holidays(self) -> None:
        """A local holiday on Monday moves the first visit to Tuesday."""
        local = Holiday(date=MONDAY, name="HUT Kota", kind=HolidayKind.LOCAL)
        assert 20 == plan(extra_holidays=[local])[0].on.day

    def test_every_rests_between_visits(self) -> None:
        """With every=2 a visitor visits every other working day."""
        assert [19, 21, 23, 27, 2] == days(plan(every=2))

    def test_round_robin(self) -> None:
        """Two visitors share each day, taking the units in turn."""
        made = plan(visitors=[b.SEKDA_NIP, OTHER])
        assert [19, 19, 20, 20, 21] == days(made)
        assert [b.SEKDA_NIP, OTHER, b.SEKDA_NIP, OTHER, b.SEKDA_NIP] == [v.visitor for v in made]

    def test_round_robin_resumes_after_the_last_visitor(self) -> None:
        """The Sekda is busy on Monday: the next day starts with him, after the others."""
        busy = MonitoringVisit(id="rapat", on=MONDAY, unit="setda", visitor=b.SEKDA_NIP)
        made = plan(busy, visitors=[b.SEKDA_NIP, OTHER, THIRD])
        assert [(19, OTHER), (19, THIRD), (20, b.SEKDA_NIP), (20, OTHER), (20, THIRD)] == [
            (v.on.day, v.visitor) for v in made
        ]

    def test_a_visitor_given_twice_counts_once(self) -> None:
        """A repeated visitor is one visitor (one unit a day)."""
        assert [19, 20, 21, 22, 23] == days(plan(visitors=[b.SEKDA_NIP, b.SEKDA_NIP]))

    def test_visitors_are_compacted(self) -> None:
        """Visitors may be written with separators."""
        assert b.SEKDA_NIP == plan(visitors=["19681009 199503 1 001"])[0].visitor


class TestExistingVisits:
    def test_visited_units_are_left_out(self) -> None:
        """A unit visited after the retreat needs no new visit."""
        done = MonitoringVisit(id="v", on=MONDAY, unit="kec-klojen", visitor=OTHER)
        assert "kec-klojen" not in [visit.unit for visit in plan(done)]
        assert 4 == len(plan(done))

    def test_a_visit_during_the_retreat_does_not_cover(self) -> None:
        """A visit on the retreat's last day does not count as a follow-up visit."""
        early = MonitoringVisit(
            id="v", on=pendulum.Date(2025, 5, 17), unit="kec-klojen", visitor=OTHER
        )
        assert 5 == len(plan(early))

    def test_nothing_to_do(self) -> None:
        """When every unit is covered the plan is empty."""
        done = tuple(
            MonitoringVisit(id=f"v{i}", on=MONDAY, unit=unit, visitor=OTHER)
            for i, unit in enumerate(UNITS)
        )
        assert () == plan(*done)

    def test_ids_already_used_are_skipped(self) -> None:
        """An existing visit named plan-001 makes the plan start at plan-002."""
        taken = MonitoringVisit(id="plan-001", on=MONDAY, unit="setda", visitor=OTHER)
        assert "plan-002" == plan(taken)[0].id


class TestErrors:
    def test_start_during_the_retreat(self) -> None:
        """Visits cannot start on or before the retreat's last day."""
        with pytest.raises(InvalidComponent) as caught:
            plan(start=pendulum.Date(2025, 5, 17))
        assert ("followup.plan_start", "start") == (caught.value.code, caught.value.path)

    def test_units_do_not_fit(self) -> None:
        """A 3-day window (to 20 May) fits two of the five units: a coded policy error."""
        with pytest.raises(PolicyViolationError) as caught:
            plan(window_days=3)
        error = caught.value
        assert "followup.plan_window" == error.code
        assert {"units": 5, "placed": 2, "window_end": "2025-05-20"}.items() <= error.params.items()
        assert "{" not in error.message("en")
        assert error.message("id") != error.message("en")

    def test_start_after_the_window(self) -> None:
        """Starting after the window leaves no day at all."""
        with pytest.raises(PolicyViolationError) as caught:
            plan(start=pendulum.Date(2025, 9, 1))
        assert 0 == caught.value.params["placed"]

    def test_no_sekda(self) -> None:
        """Without visitors and with the Sekda post vacant, there is no default visitor."""
        with pytest.raises(PolicyViolationError) as caught:
            visit_plan(b.malang_roster_without(b.SEKDA_NIP), b.malang(), start=MONDAY)
        assert ("followup.no_visitor", "visitors") == (caught.value.code, caught.value.path)

    def test_empty_visitors(self) -> None:
        """An empty list of visitors is refused."""
        with pytest.raises(InvalidComponent) as caught:
            plan(visitors=[])
        assert "followup.no_visitors" == caught.value.code

    def test_bad_visitor(self) -> None:
        """A visitor that is not 18 digits is refused at its index."""
        with pytest.raises(InvalidLength) as caught:
            plan(visitors=[b.SEKDA_NIP, "12345"])
        assert "visitors[1]" == caught.value.path

    @pytest.mark.parametrize("value", [0, -1])
    def test_every_below_one(self, value: int) -> None:
        """every must be at least 1."""
        with pytest.raises(InvalidComponent) as caught:
            plan(every=value)
        assert "followup.every" == caught.value.code

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"every": True}, "every"),
            ({"every": 1.5}, "every"),
            ({"window_days": "90"}, "window_days"),
            ({"start": "2025-05-19"}, "start"),
            ({"visitors": b.SEKDA_NIP}, "visitors"),
            ({"visitors": [196810091995031001]}, "visitors[0]"),
            ({"extra_holidays": [MONDAY]}, "extra_holidays[0]"),
        ],
    )
    def test_types(self, changes: dict[str, Any], path: str) -> None:
        """An option of the wrong type is refused with its path."""
        with pytest.raises(InvalidType) as caught:
            plan(**changes)
        assert ("data.type", path) == (caught.value.code, caught.value.path)

    @pytest.mark.parametrize(
        ("args", "path"),
        [
            (("malang", b.malang(), ()), "roster"),
            ((None, b.malang(), ()), "roster"),
            ((b.malang_roster(), "malang-2025", ()), "retreat"),
            ((b.malang_roster(), b.malang(), ["v"]), "visits[0]"),
        ],
    )
    def test_positional_types(self, args: tuple[Any, ...], path: str) -> None:
        """A roster, retreat or visit of the wrong type is refused with its path."""
        with pytest.raises(InvalidType) as caught:
            visit_plan(*args, start=MONDAY)
        assert path == caught.value.path


class TestProperties:
    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_plan_satisfies_fup004_and_fup007(self, data: st.DataObject) -> None:
        """With the plan added, no unit goes unvisited (FUP004) and nobody is in two places."""
        roster = data.draw(rosters())
        made: FollowUp = data.draw(follow_ups(roster=roster, max_commitments=0))
        visitors = data.draw(
            st.lists(nips(), min_size=1, max_size=3).map(lambda ns: [n.number for n in ns])
        )
        last = made.retreat.days[-1]
        start = last.add(days=data.draw(st.integers(min_value=1, max_value=10)))
        every = data.draw(st.integers(min_value=1, max_value=2))
        proposed = visit_plan(
            roster, made.retreat, made.visits, start=start, visitors=visitors, every=every
        )
        end = last.add(days=DEFAULT_WINDOW_DAYS)
        off = {h.date for h in holidays_between(start, end)}
        assert all(
            start <= v.on <= end and v.on.weekday() < 5 and v.on not in off for v in proposed
        )
        covered = {v.unit for v in made.visits}
        assert sorted(set(retreat_units(made.retreat, roster)) - covered) == sorted(
            v.unit for v in proposed
        )
        assert len({v.id for v in (*made.visits, *proposed)}) == len(made.visits) + len(proposed)
        whole = attrs.evolve(made, visits=made.visits + proposed)
        report = check(
            whole,
            on=end.add(days=1),
            select=["FUP004", "FUP005", "FUP007"],
            options={"roster": roster},
        )
        assert [] == list(report)
        by_visitor: dict[str, list[int]] = {}
        working = [
            d
            for d in (start.add(days=n) for n in range((end - start).days + 1))
            if d.weekday() < 5 and d not in off
        ]
        for v in proposed:
            by_visitor.setdefault(v.visitor, []).append(working.index(v.on))
        for indices in by_visitor.values():
            assert all(later - earlier >= every for earlier, later in itertools.pairwise(indices))
