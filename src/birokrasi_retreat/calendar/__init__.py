"""Calendar: time zones, holidays and cuti bersama, iCalendar export, plan-vs-held diffs.

A retreat happens in the local time of its venue: WIB (``Asia/Jakarta``, UTC+7), WITA
(``Asia/Makassar``, UTC+8) or WIT (``Asia/Jayapura``, UTC+9), per Keppres 41/1987
(sources: time-zones). This module answers the calendar questions a BKPSDM asks:

* which zone a region (and so a venue) keeps: `timezone_for`, `local`;
* which days between two dates are hari libur nasional (national holidays) or cuti
  bersama (collective leave days decided yearly by the SKB 3 Menteri, which Perpres
  21/2023 Pasal 6 lets change the working days; sources: working-hours): `holidays_between`,
  from the ``holidays`` package, with local holidays of your own injected;
* the agenda as an iCalendar file, for everyone or one participant: `to_ics`;
* what changed between the announced plan and the retreat as held: `diff`.

The ``holidays`` and ``icalendar`` packages are imported only when a function needs them,
so ``import birokrasi_retreat`` stays light.

Examples:
    >>> import pendulum
    >>> from birokrasi_retreat import calendar
    >>> calendar.timezone_for("74.71")
    'Asia/Makassar'
    >>> calendar.local(pendulum.datetime(2025, 8, 1, 0, tz="UTC"), "74.71").isoformat()
    '2025-08-01T08:00:00+08:00'
    >>> [(h.date.isoformat(), h.kind.value) for h in calendar.holidays_between(
    ...     pendulum.date(2025, 5, 12), pendulum.date(2025, 5, 13))]
    [('2025-05-12', 'public'), ('2025-05-13', 'cuti_bersama')]
"""

from __future__ import annotations

from birokrasi_retreat.calendar._diff import (
    RetreatDiff,
    SessionShift,
    Shift,
    SpeakerChange,
    VenueChange,
    diff,
)
from birokrasi_retreat.calendar._holidays import (
    Holiday,
    HolidayKind,
    holidays_between,
)
from birokrasi_retreat.calendar._ics import to_ics
from birokrasi_retreat.calendar._zones import local, timezone_for


__all__ = [
    "Holiday",
    "HolidayKind",
    "RetreatDiff",
    "SessionShift",
    "Shift",
    "SpeakerChange",
    "VenueChange",
    "diff",
    "holidays_between",
    "local",
    "timezone_for",
    "to_ics",
]
