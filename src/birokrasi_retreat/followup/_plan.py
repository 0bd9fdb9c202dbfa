"""Visit plan (rencana kunjungan monitoring): a schedule to see every unit of a retreat.

`visit_plan` proposes the monitoring visits still missing after a retreat: one per unit
of the retreat not yet visited, on working days, each visitor in one place a day, all
within the follow-up window. Its output satisfies rules FUP004 and FUP007 for the units
it covers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from birokrasi_retreat._fields import check_date, check_number
from birokrasi_retreat.calendar import Holiday, holidays_between
from birokrasi_retreat.errors import InvalidComponent, InvalidType, PolicyViolationError
from birokrasi_retreat.followup._models import (
    DEFAULT_WINDOW_DAYS,
    MonitoringVisit,
)
from birokrasi_retreat.followup._status import (
    check_retreat,
    check_window,
    items_of,
    retreat_units,
    window_end,
)
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Iterable

    import pendulum

    from birokrasi_retreat.retreat import Retreat


__all__ = ["visit_plan"]

_SATURDAY: Final = 5
"""`datetime.date.weekday` of a Saturday; Saturday and Sunday are no working days
(Perpres 21/2023: five working days a week; sources: working-hours)."""


def _visitors(value: Iterable[str] | None, roster: Roster, start: pendulum.Date) -> list[str]:
    if value is None:
        # The Sekda: the head of the Sekretariat Daerah on the first day of the plan.
        found = [
            holding.appointment.nip
            for holding in roster.heads(UnitKind.SEKRETARIAT_DAERAH, on=start)
            if holding.appointment is not None
        ]
        if not found:
            raise PolicyViolationError("followup.no_visitor", path="visitors", on=start.isoformat())
        return found[:1]
    numbers = [
        check_number(item, f"visitors[{index}]")
        for index, item in enumerate(items_of(value, str, "visitors"))
    ]
    if not numbers:
        raise InvalidComponent("followup.no_visitors", path="visitors")
    return list(dict.fromkeys(numbers))


def _every(value: object) -> int:
    if type(value) is not int:
        raise InvalidType("data.type", path="every", expected="integer", got=type(value).__name__)
    if value < 1:
        raise InvalidComponent("followup.every", path="every", value=value)
    return value


def _working_days(
    first: pendulum.Date, last: pendulum.Date, extra: tuple[Holiday, ...]
) -> list[pendulum.Date]:
    if last < first:
        return []
    off = {holiday.date for holiday in holidays_between(first, last, extra=extra)}
    days = (first.add(days=offset) for offset in range((last - first).days + 1))
    return [day for day in days if day.weekday() < _SATURDAY and day not in off]


def visit_plan(
    roster: Roster,
    retreat: Retreat,
    visits: Iterable[MonitoringVisit] = (),
    *,
    start: pendulum.Date,
    visitors: Iterable[str] | None = None,
    every: int = 1,
    window_days: int = DEFAULT_WINDOW_DAYS,
    extra_holidays: Iterable[Holiday] = (),
) -> tuple[MonitoringVisit, ...]:
    """Rencana kunjungan monitoring (monitoring visit plan): visit every unit in the window.

    One visit is proposed for each unit of the retreat (where its participants, enrolled
    and not excused or absent, hold a post on its first day) that no visit in ``visits``
    dated after the retreat's last day covers. Units are taken in order of their id.

    Decisions:

    * **Days**: working days from ``start`` to the window's end (``window_days`` after
      the retreat's last local day): no Saturday or Sunday, no national holiday or cuti
      bersama (`birokrasi_retreat.calendar.holidays_between`, the calendar rule RET010
      reads), no day of ``extra_holidays`` (a local holiday of the venue's region).
    * **Visitors**: by default the Sekda (the head of the Sekretariat Daerah on
      ``start``). A visitor visits at most one unit a day, then rests ``every - 1``
      working days; a day on which a visitor already has a visit in ``visits`` is busy.
      Each day the free visitors are taken round-robin, continuing after the last one
      given a unit, so the load is even. A visitor given twice counts once.
    * **Visits** are at the unit's office (``place=None``), with ids ``"plan-001"``,
      ``"plan-002"``... (skipping ids ``visits`` already use), in date order.

    Args:
        roster: The host's roster.
        retreat: The retreat followed up.
        visits: The visits already made or planned.
        start: The first day a visit may take place (after the retreat's last day).
        visitors: The visitors' NIPs (None: the Sekda).
        every: A visitor's working days from one visit to the next (at least 1).
        window_days: The follow-up window in days after the retreat's last day (at
            least 1; default `DEFAULT_WINDOW_DAYS`).
        extra_holidays: More days off, as `birokrasi_retreat.calendar.Holiday`.

    Returns:
        The proposed visits, sorted by date (empty when every unit is covered).

    Raises:
        InvalidType: An argument has the wrong type (``data.type``).
        InvalidComponent: ``start`` is not after the retreat's last day
            (``followup.plan_start``), ``every`` or ``window_days`` is below 1
            (``followup.every``, ``followup.window``), ``visitors`` is empty
            (``followup.no_visitors``).
        InvalidFormat: A visitor is not an 18-digit NIP (``nip.format``, ``nip.length``).
        PolicyViolationError: The Sekda post is vacant on ``start`` and no visitor is
            given (``followup.no_visitor``), or the units do not fit in the window
            (``followup.plan_window``).

    Examples:
        >>> import pendulum
        >>> from birokrasi_retreat import samples
        >>> malang = samples.load("malang")
        >>> plan = visit_plan(malang.roster, malang.retreat, start=pendulum.Date(2025, 5, 19),
        ...                   visitors=["196810091995031001", "198609262015051001"],
        ...                   window_days=90)
        >>> len(plan), plan[0].id, plan[0].on, plan[0].unit
        (90, 'plan-001', Date(2025, 5, 19), 'bapenda')
        >>> max(visit.on for visit in plan) <= pendulum.Date(2025, 8, 15)
        True
    """
    if not isinstance(roster, Roster):
        raise InvalidType("data.type", path="roster", expected="Roster", got=type(roster).__name__)
    retreat = check_retreat(retreat)
    existing = items_of(visits, MonitoringVisit, "visits")
    check_date(start, "start")
    every = _every(every)
    window_days = check_window(window_days)
    extra = items_of(extra_holidays, Holiday, "extra_holidays")
    last = retreat.days[-1]
    if start <= last:
        raise InvalidComponent(
            "followup.plan_start", path="start", start=start.isoformat(), end=last.isoformat()
        )
    people = _visitors(visitors, roster, start)

    end = window_end(retreat, window_days)
    covered = {visit.unit for visit in existing if visit.on > last}
    todo = [unit for unit in retreat_units(retreat, roster) if unit not in covered]
    busy = {(visit.visitor, visit.on) for visit in existing}
    taken = {visit.id for visit in existing}

    plan: list[MonitoringVisit] = []
    free_from = dict.fromkeys(people, 0)  # the first working-day index a visitor is free
    turn = 0  # where the round-robin resumes: after the last visitor given a unit
    number = 0
    for index, day in enumerate(_working_days(start, end, extra) if todo else ()):
        order = [people[(turn + offset) % len(people)] for offset in range(len(people))]
        for who in order:
            if len(plan) == len(todo):
                break
            if free_from[who] > index or (who, day) in busy:
                continue
            number += 1
            while f"plan-{number:03d}" in taken:
                number += 1
            unit = todo[len(plan)]
            plan.append(MonitoringVisit(id=f"plan-{number:03d}", on=day, unit=unit, visitor=who))
            free_from[who] = index + every
            turn = (people.index(who) + 1) % len(people)
    if len(plan) < len(todo):
        raise PolicyViolationError(
            "followup.plan_window",
            path="start",
            units=len(todo),
            placed=len(plan),
            start=start.isoformat(),
            window_end=end.isoformat(),
        )
    return tuple(plan)
