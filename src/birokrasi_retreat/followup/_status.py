"""Follow-up status (status tindak lanjut): commitments and visits per unit, on a date.

`follow_up_status` answers the question every seed article's mayor asks after a retreat:
what did each unit implement, what is late, and which units has nobody visited yet. The
FUP003 and FUP004 findings it carries are built by the same private functions the rules
of `birokrasi_retreat.validation.followup` use (that module imports from here, never the
other way), so a status and a ``check`` agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat._fields import check_date
from birokrasi_retreat._rules import Context, Hit, emit, rule, severity_map
from birokrasi_retreat.errors import BirokrasiRetreatError, InvalidComponent
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.followup._models import (
    DEFAULT_WINDOW_DAYS,
    Commitment,
    CommitmentStatus,
    FollowUp,
    MonitoringVisit,
)
from birokrasi_retreat.messages import render
from birokrasi_retreat.retreat import EnrollmentStatus, Retreat, RetreatStatus
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from birokrasi_retreat.messages import Lang


__all__ = ["FollowUpStatus", "UnitFollowUp", "follow_up_status"]

SOURCE_OVERDUE: Final = (
    "LAN aksi perubahan: achievements are checked against short-term targets "
    "(sources: aksi-perubahan); a commitment past its own due date is late"
)
"""The source of rule FUP003 (shared by the rule and `FollowUpStatus.findings`)."""
SOURCE_VISITS: Final = (
    "Kirkpatrick level 3: behaviour is observed 3-6 months after training (sources: kirkpatrick); "
    "the seed articles promise field visits to every unit; window: a project choice"
)
"""The source of rule FUP004 (shared by the rule and `FollowUpStatus.findings`)."""

# Statuses of people who did not take part: their units are not units of the retreat.
_NOT_TAKING_PART: Final = frozenset({EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT})
_FINISHED: Final = frozenset({CommitmentStatus.DONE, CommitmentStatus.DROPPED})


class Occurrence(NamedTuple):
    """One FUP003 or FUP004 occurrence: what a rule turns into a Hit, a status into a Finding."""

    path: str
    params: dict[str, object]
    subjects: tuple[str, ...]


# --- checks of arguments ----------------------------------------------------------------


def check_retreat(value: object) -> Retreat:
    """Return ``value`` if it is a `Retreat`; raise ``data.type`` otherwise."""
    return _fields.check_instance(value, Retreat, "retreat")


def check_roster(value: object, path: str = "roster") -> Roster | None:
    """Return ``value`` if it is None or a `Roster`; raise ``data.type`` otherwise."""
    return _fields.check_optional(value, Roster, path)


def check_window(value: object, path: str = "window_days") -> int:
    """Return ``value`` if it is a whole number of days of at least 1."""
    days = _fields.check_integer(value, path)
    if days < 1:
        raise InvalidComponent("followup.window", path=path, value=days)
    return days


def items_of(value: object, cls: type, path: str) -> tuple[Any, ...]:
    """``value`` as a tuple whose every item is a ``cls`` (a str or mapping is refused)."""
    try:
        items = _fields.to_tuple(value)  # type: ignore[arg-type]
    except BirokrasiRetreatError as error:
        raise error.at(path) from None
    _fields.check_items(items, cls, path)
    return items


# --- shared definitions --------------------------------------------------------------------


def participants(retreat: Retreat) -> tuple[str, ...]:
    """The NIPs enrolled with a status other than excused or absent, each once, in order."""
    return tuple(
        dict.fromkeys(e.nip for e in retreat.enrollments if e.status not in _NOT_TAKING_PART)
    )


def retreat_units(retreat: Retreat, roster: Roster) -> tuple[str, ...]:
    """The units of the retreat: where its participants hold a post on its first day, sorted.

    Every post counts, definitive or acting (a Plt's unit is visited too); a participant
    the roster does not know, or who holds no post that day, adds no unit.
    """
    on = retreat.days[0]
    found = {
        roster.position(appointment.position).unit
        for number in participants(retreat)
        for appointment in roster.posts_of(number, on=on)
    }
    return tuple(sorted(found))


def window_end(retreat: Retreat, window_days: int) -> pendulum.Date:
    """The last day of the follow-up window: ``window_days`` after the retreat's last day."""
    return retreat.days[-1].add(days=window_days)


def unit_name(roster: Roster | None, unit_id: str) -> str | None:
    """The unit's name in the roster, or None (no roster, or a unit it does not know)."""
    if roster is None:
        return None
    try:
        return roster.unit(unit_id).name
    except BirokrasiRetreatError:
        return None


def done_on(commitment: Commitment, on: pendulum.Date) -> pendulum.Date | None:
    """The day the commitment was done, as known on ``on`` (changes after it are unknown)."""
    day: pendulum.Date | None = None
    for change in commitment.history:
        if change.on > on:
            break
        if change.status is not CommitmentStatus.DONE:
            day = None
        elif day is None:
            day = change.on
    return day


# --- FUP003 and FUP004 ----------------------------------------------------------------------


def is_due(commitment: Commitment, on: pendulum.Date) -> bool:
    """Whether a commitment has fallen due on ``on``, as every count of the package has it.

    A dropped commitment is never due; otherwise it is due when its due date is before
    ``on``, or is ``on`` itself and it is done (one due today and not yet done still has
    the day: it is not overdue, as FUP003 has it).
    """
    status = commitment.status_on(on)
    if status is CommitmentStatus.DROPPED:
        return False
    return commitment.due < on or (commitment.due == on and status is CommitmentStatus.DONE)


def overdue(commitments: Iterable[Commitment], on: pendulum.Date) -> Iterator[Occurrence]:
    """FUP003: each commitment due before ``on`` and, on ``on``, neither done nor dropped."""
    for index, commitment in enumerate(commitments):
        status = commitment.status_on(on)
        if commitment.due < on and status not in _FINISHED:
            yield Occurrence(
                path=f"commitments[{index}].due",
                params={
                    "commitment": commitment.id,
                    "description": commitment.description,
                    "owner": _privacy.mask(commitment.owner, nik=False),
                    "unit": commitment.unit,
                    "due": commitment.due.isoformat(),
                    "on": on.isoformat(),
                    "days": (on - commitment.due).days,
                    "status": status.value,
                    "status_id": status.label("id"),
                    "status_en": status.label("en"),
                },
                subjects=(commitment.id, commitment.unit),
            )


def unvisited(
    retreat: Retreat,
    visits: Iterable[MonitoringVisit],
    roster: Roster,
    *,
    on: pendulum.Date,
    window_days: int,
) -> Iterator[Occurrence]:
    """FUP004: each unit of the retreat with no visit within the window, once ``on`` is past it.

    A visit counts when dated after the retreat's last day and on or before the window's
    end. Silent while ``on`` is within the window, and for a cancelled retreat.
    """
    if retreat.status is RetreatStatus.CANCELLED:
        return
    last = retreat.days[-1]
    end = window_end(retreat, window_days)
    if on <= end:
        return
    seen = {visit.unit for visit in visits if last < visit.on <= end}
    for unit in retreat_units(retreat, roster):
        if unit not in seen:
            name = unit_name(roster, unit)
            yield Occurrence(
                path="visits",
                params={
                    "unit": unit,
                    "unit_name": name or unit,
                    "retreat_end": last.isoformat(),
                    "window_end": end.isoformat(),
                    "window_days": window_days,
                },
                subjects=(unit,),
            )


# --- the status --------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


@attrs.frozen(kw_only=True)
class UnitFollowUp:
    """Status tindak lanjut unit: one unit's commitments and visits on a date (a table row).

    The commitment counts ``done_on_time``, ``done_late``, ``overdue``, ``dropped`` and
    ``open`` split ``commitments`` (they add up to it); ``due`` counts those that have
    fallen due on the date: not dropped, and due before it or due on it and done (as
    `birokrasi_retreat.followup.evaluate` counts them).

    Attributes:
        unit: The unit's id.
        name: The unit's name in the roster, or None without a roster.
        of_retreat: Whether it is one of the units the visited share counts (a unit of
            the retreat with a roster; every unit named, without one).
        commitments: Its commitments.
        due: Those fallen due: not dropped, and due before the date or due on it and
            done.
        done_on_time: Those done on or before their due date.
        done_late: Those done after their due date.
        overdue: Those due before the date, neither done nor dropped.
        dropped: Those dropped.
        open: Those neither done, dropped nor overdue (due on or after the date).
        visits: Its visits after the retreat, up to the date.
        last_visit: The day of the last of them, or None.
        days_since_last_visit: Days from it to the date, or None.

    Examples:
        >>> row = UnitFollowUp(unit="kec-klojen", name=None, of_retreat=True, commitments=4,
        ...                    due=3, done_on_time=1, done_late=1, overdue=1, dropped=0,
        ...                    open=1, visits=0, last_visit=None, days_since_last_visit=None)
        >>> row.completion, row.never_visited
        (0.5, True)
    """

    unit: str
    name: str | None
    of_retreat: bool
    commitments: int
    due: int
    done_on_time: int
    done_late: int
    overdue: int
    dropped: int
    open: int
    visits: int
    last_visit: pendulum.Date | None
    days_since_last_visit: int | None

    @property
    def done(self) -> int:
        """Commitments done, on time or late.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> sum(row.done for row in status.units), status.commitments
            (59, 90)
        """
        return self.done_on_time + self.done_late

    @property
    def completion(self) -> float | None:
        """Share of commitments done, out of those not dropped (0-1), or None if none.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> {row.unit: row.completion for row in status.units[:4]}
            {'bapenda': 1.0, 'bappeda': 1.0, 'bkpsdm': 1.0, 'bpkad': None}
        """
        return _ratio(self.done, self.commitments - self.dropped)

    @property
    def never_visited(self) -> bool:
        """Whether no visit after the retreat (up to the date) is known.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> [row.name for row in status.units if row.never_visited]
            ['Jatimulyo', 'Klojen', 'Kotalama', 'Sukoharjo', 'Tulusrejo']
        """
        return self.visits == 0

    def row(self) -> dict[str, Any]:
        """The row as a plain dict (dates as ISO text), ready for JSON or a data frame.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> row = next(unit for unit in status.units if unit.unit == "kel-klojen").row()
            >>> row["name"], row["visits"], row["last_visit"], row["never_visited"]
            ('Klojen', 0, None, True)
        """
        return {
            "unit": self.unit,
            "name": self.name,
            "of_retreat": self.of_retreat,
            "commitments": self.commitments,
            "due": self.due,
            "done_on_time": self.done_on_time,
            "done_late": self.done_late,
            "overdue": self.overdue,
            "dropped": self.dropped,
            "open": self.open,
            "completion": self.completion,
            "visits": self.visits,
            "last_visit": None if self.last_visit is None else self.last_visit.isoformat(),
            "days_since_last_visit": self.days_since_last_visit,
            "never_visited": self.never_visited,
        }


_COUNTS: Final = ("commitments", "due", "done_on_time", "done_late", "overdue", "dropped", "open")
# Column headers of to_text: (field, Indonesian, English).
_COLUMNS: Final = (
    ("unit", "Unit", "Unit"),
    ("commitments", "Rencana", "Plans"),
    ("due", "Jatuh tempo", "Due"),
    ("done_on_time", "Tepat", "On time"),
    ("done_late", "Terlambat", "Late"),
    ("overdue", "Lewat tempo", "Overdue"),
    ("dropped", "Batal", "Dropped"),
    ("open", "Berjalan", "Open"),
    ("visits", "Kunjungan", "Visits"),
    ("last_visit", "Terakhir", "Last visit"),
    ("days_since_last_visit", "Hari", "Days"),
)


@attrs.frozen(kw_only=True)
class FollowUpStatus:
    """Status tindak lanjut: a retreat's follow-up on a date, per unit and overall.

    Attributes:
        retreat: The retreat's id.
        on: The date of the status.
        window_days: The follow-up window, in days after the retreat's last day.
        window_end: The window's last day.
        units: One row per unit (of the retreat, or named by a commitment or a visit),
            sorted by unit id.
        findings: FUP003 (overdue commitments) and FUP004 (units not visited within the
            window, with a roster, once the date is past the window) findings.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> data = samples.load("malang")
        >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
        ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
        >>> status.on, status.window_end, len(status.units)
        (Date(2025, 11, 30), Date(2025, 8, 15), 90)
    """

    retreat: str
    on: pendulum.Date
    window_days: int
    window_end: pendulum.Date
    units: tuple[UnitFollowUp, ...]
    findings: tuple[Finding, ...]

    def _sum(self, field: str) -> int:
        return sum(getattr(row, field) for row in self.units)

    @property
    def commitments(self) -> int:
        """All commitments.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.commitments
            90
            >>> status.done_on_time, status.done_late, status.overdue, status.dropped, status.open
            (53, 6, 14, 2, 15)
        """
        return self._sum("commitments")

    @property
    def due(self) -> int:
        """Commitments due on or before the date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.due, status.commitments
            (66, 90)
        """
        return self._sum("due")

    @property
    def done_on_time(self) -> int:
        """Commitments done on or before their due date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.done_on_time, status.commitments
            (53, 90)
        """
        return self._sum("done_on_time")

    @property
    def done_late(self) -> int:
        """Commitments done after their due date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.done_late
            6
            >>> [row.unit for row in status.units if row.done_late][:3]
            ['disdik', 'kel-balearjosari', 'kel-pisangcandi']
        """
        return self._sum("done_late")

    @property
    def overdue(self) -> int:
        """Commitments due before the date, neither done nor dropped.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.overdue, sum(finding.code == "FUP003" for finding in status.findings)
            (14, 14)
        """
        return self._sum("overdue")

    @property
    def dropped(self) -> int:
        """Commitments dropped.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.dropped, [row.unit for row in status.units if row.dropped]
            (2, ['bpkad', 'kel-tulusrejo'])
        """
        return self._sum("dropped")

    @property
    def open(self) -> int:
        """Commitments neither done, dropped nor overdue.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.open, status.overdue
            (15, 14)
        """
        return self._sum("open")

    @property
    def completion(self) -> float | None:
        """Share of commitments done, out of those not dropped (0-1), or None if none.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.done_on_time + status.done_late, status.commitments - status.dropped
            (59, 88)
            >>> round(status.completion, 3)
            0.67
        """
        return _ratio(self.done_on_time + self.done_late, self.commitments - self.dropped)

    @property
    def visits(self) -> int:
        """Visits after the retreat, up to the date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=pendulum.Date(2025, 6, 30))
            >>> status.visits, len(data.follow_up.visits)
            (34, 85)
        """
        return self._sum("visits")

    @property
    def last_visit(self) -> pendulum.Date | None:
        """The day of the last visit, or None.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.last_visit
            Date(2025, 9, 24)
        """
        days = [row.last_visit for row in self.units if row.last_visit is not None]
        return max(days) if days else None

    @property
    def days_since_last_visit(self) -> int | None:
        """Days from the last visit to the date, or None.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.on, status.last_visit, status.days_since_last_visit
            (Date(2025, 11, 30), Date(2025, 9, 24), 67)
        """
        last = self.last_visit
        return None if last is None else (self.on - last).days

    @property
    def units_of_retreat(self) -> tuple[str, ...]:
        """The ids of the units the visited share counts.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> len(status.units_of_retreat), status.units_of_retreat[:3]
            (90, ('bapenda', 'bappeda', 'bkpsdm'))
        """
        return tuple(row.unit for row in self.units if row.of_retreat)

    @property
    def units_visited(self) -> tuple[str, ...]:
        """The ids of those units visited at least once.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> len(status.units_visited), "kel-klojen" in status.units_visited
            (85, False)
        """
        return tuple(row.unit for row in self.units if row.of_retreat and not row.never_visited)

    @property
    def units_never_visited(self) -> tuple[str, ...]:
        """The ids of those units never visited.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> status.units_never_visited
            ('kel-jatimulyo', 'kel-klojen', 'kel-kotalama', 'kel-sukoharjo', 'kel-tulusrejo')
            >>> sum(finding.code == "FUP004" for finding in status.findings)  # and 4 visited late
            9
        """
        return tuple(row.unit for row in self.units if row.of_retreat and row.never_visited)

    @property
    def visited_share(self) -> float | None:
        """Share of the units of the retreat visited (0-1), or None when there is none.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> len(status.units_visited), len(status.units_of_retreat)
            (85, 90)
            >>> round(status.visited_share, 3)
            0.944
        """
        return _ratio(len(self.units_visited), len(self.units_of_retreat))

    def rows(self) -> list[dict[str, Any]]:
        """The table: one plain dict per unit (see `UnitFollowUp.row`).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> rows = status.rows()
            >>> len(rows), rows[0]["unit"], rows[0]["last_visit"], rows[0]["days_since_last_visit"]
            (90, 'bapenda', '2025-06-02', 181)
        """
        return [row.row() for row in self.units]

    def totals(self) -> dict[str, Any]:
        """The overall figures as a plain dict (dates as ISO text).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments,
            ...                           data.follow_up.visits, on=data.as_of, roster=data.roster)
            >>> totals = status.totals()
            >>> totals["on"], totals["window_end"], totals["units_visited"], totals["units"]
            ('2025-11-30', '2025-08-15', 85, 90)
        """
        last = self.last_visit
        return {
            "retreat": self.retreat,
            "on": self.on.isoformat(),
            "window_end": self.window_end.isoformat(),
            **{field: getattr(self, field) for field in _COUNTS},
            "completion": self.completion,
            "visits": self.visits,
            "last_visit": None if last is None else last.isoformat(),
            "days_since_last_visit": self.days_since_last_visit,
            "units": len(self.units_of_retreat),
            "units_visited": len(self.units_visited),
            "units_never_visited": list(self.units_never_visited),
            "visited_share": self.visited_share,
        }

    def to_text(self, lang: Lang = "id") -> str:
        """A plain-text report: a table per unit, the totals, then the findings.

        Args:
            lang: ``"id"`` (default) or ``"en"``.

        Returns:
            The report, lines joined by newlines.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> data = samples.load("malang")
            >>> status = follow_up_status(data.retreat, data.follow_up.commitments[:2],
            ...                           data.follow_up.visits[:2], on=data.as_of)
            >>> title, *body = status.to_text("en").splitlines()
            >>> for line in body:
            ...     print(line)
            Unit     Plans  Due  On time  Late  Overdue  Dropped  Open  Visits  Last visit  Days
            bapenda      1    1        1     0        0        0     0       1  2025-06-02   181
            bappeda      1    1        1     0        0        0     0       1  2025-06-02   181
            Total        2    2        2     0        0        0     0       2  2025-06-02   181
            Units visited: 2 of 2 (100.0%); commitments done: 100.0%.
        """
        english = lang == "en"
        header = [en if english else id_ for _field, id_, en in _COLUMNS]
        table = [header]
        for row in (*self.units, None):
            cells = self._cells(row, lang)
            table.append(cells)
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        lines = [render("followup.text.title", lang, self._title_params())]
        lines += [
            "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
            for line in table
        ]
        lines.append(render("followup.text.visited", lang, self._visited_params()))
        if self.units_never_visited:
            lines.append(
                render(
                    "followup.text.never_visited",
                    lang,
                    {"units": ", ".join(self.units_never_visited)},
                )
            )
        lines += [
            f"{f.severity.value.upper():<8}{f.code}  {f.message(lang)}" for f in self.findings
        ]
        return "\n".join(lines)

    def _title_params(self) -> dict[str, object]:
        return {
            "retreat": self.retreat,
            "on": self.on.isoformat(),
            "window_end": self.window_end.isoformat(),
        }

    def _visited_params(self) -> dict[str, object]:
        share = self.visited_share
        percent = "-" if share is None else f"{share * 100:.1f}%"
        completion = self.completion
        done = "-" if completion is None else f"{completion * 100:.1f}%"
        return {
            "visited": len(self.units_visited),
            "units": len(self.units_of_retreat),
            "percent_id": percent.replace(".", ","),
            "percent_en": percent,
            "completion_id": done.replace(".", ","),
            "completion_en": done,
        }

    def _cells(self, row: UnitFollowUp | None, lang: Lang) -> list[str]:
        if row is None:
            values: dict[str, object] = {
                "unit": "Total" if lang == "en" else "Jumlah",
                **{field: getattr(self, field) for field in _COUNTS},
                "visits": self.visits,
                "last_visit": self.last_visit,
                "days_since_last_visit": self.days_since_last_visit,
            }
        else:
            values = {field: getattr(row, field) for field, _i, _e in _COLUMNS}
        return ["-" if values[field] is None else str(values[field]) for field, _i, _e in _COLUMNS]


def _hits(occurrences: Iterable[Occurrence]) -> Iterator[Hit]:
    for occurrence in occurrences:
        yield Hit(path=occurrence.path, params=occurrence.params, subjects=occurrence.subjects)


# The rules whose findings a status reports. They live here, beside the functions they
# share with `follow_up_status`, so that they are registered whenever the status is
# computed (``validation`` sits above ``followup`` and is not imported by it).


@rule(
    "FUP003",
    severity=Severity.WARNING,
    applies_to=FollowUp,
    title_id="Rencana aksi lewat jatuh tempo dan belum selesai",
    title_en="Commitment past due and not done",
    rationale=(
        "On the date of the check (check(..., on=date); silent without it), a commitment "
        "due before that date is done or dropped; otherwise it is late. A dropped "
        "commitment is never overdue; a status change after the date is not yet known."
    ),
    source=SOURCE_OVERDUE,
)
def _past_due(follow_up: FollowUp, ctx: Context) -> Iterator[Hit]:
    if ctx.on is None:
        return
    yield from _hits(overdue(follow_up.commitments, ctx.on))


@rule(
    "FUP004",
    severity=Severity.WARNING,
    applies_to=FollowUp,
    title_id="Unit peserta retret belum dikunjungi dalam jendela waktu",
    title_en="Unit of the retreat not visited within the window",
    rationale=(
        "The seed articles promise field visits to every unit after the retreat; "
        "Kirkpatrick level 3 observes behaviour 3-6 months after (sources: kirkpatrick). Each "
        "unit where a participant holds a post on the first local day should be visited "
        "after the retreat and within options={'window_days': ...} days (default 90, a "
        "project choice). Checked once the date (check(..., on=date)) is past the window; "
        "needs options={'roster': ...}; silent for cancelled retreats."
    ),
    source=SOURCE_VISITS,
)
def _not_visited(follow_up: FollowUp, ctx: Context) -> Iterator[Hit]:
    roster = check_roster(ctx.options.get("roster"), "options['roster']")
    window = check_window(
        ctx.options.get("window_days", DEFAULT_WINDOW_DAYS), "options['window_days']"
    )
    if roster is None or ctx.on is None:
        return
    yield from _hits(
        unvisited(follow_up.retreat, follow_up.visits, roster, on=ctx.on, window_days=window)
    )


def _classify(commitment: Commitment, on: pendulum.Date) -> str:
    status = commitment.status_on(on)
    if status is CommitmentStatus.DONE:
        day = done_on(commitment, on)
        return "done_late" if day is not None and day > commitment.due else "done_on_time"
    if status is CommitmentStatus.DROPPED:
        return "dropped"
    return "overdue" if commitment.due < on else "open"


def follow_up_status(
    retreat: Retreat,
    commitments: Iterable[Commitment],
    visits: Iterable[MonitoringVisit],
    *,
    on: pendulum.Date,
    roster: Roster | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
    severities: Mapping[str, Severity] | None = None,
) -> FollowUpStatus:
    """Status tindak lanjut (follow-up status) of a retreat on a date, per unit and overall.

    Decisions:

    * Everything is seen **as known on** ``on``: a commitment's state is its status on
      that day (`Commitment.status_on`); status changes and visits dated later are ignored.
    * A commitment is **done on time** when done on or before its due date, **late**
      after it; **overdue** when due before ``on`` and neither done nor dropped (a
      commitment due on ``on`` itself is still **open**); a **dropped** one is never
      overdue. The five counts add up to the commitments; ``due`` counts those due on or
      before ``on``. Completion is done / (commitments - dropped).
    * A **visit** counts when dated after the retreat's last local day (an earlier one is
      rule FUP005's error) and on or before ``on``.
    * The **units** whose visited share is reported are the units of the retreat (where
      its participants, enrolled and not excused or absent, hold a post on its first
      day) when a roster is given, else every unit named by a commitment or a visit.
      Rows are given for those and for every unit named by a commitment or a visit.
    * Every commitment and visit given counts, whatever its ``retreat`` field says.
    * **Findings**: FUP003 for each overdue commitment; FUP004, with a roster only (as
      the rule), for each unit of the retreat not visited within ``window_days`` after
      it, once ``on`` is past the window. Both come from the registered rules, warnings
      by default, with ``severities=`` applied as in `birokrasi_retreat.validation.check`.

    Args:
        retreat: The retreat followed up.
        commitments: The commitments made at it.
        visits: The monitoring visits.
        on: The date of the status.
        roster: The host's roster (units of the retreat, unit names, FUP004).
        window_days: The follow-up window in days after the retreat's last day (at
            least 1; default `DEFAULT_WINDOW_DAYS`).
        severities: Change the severity of FUP003 or FUP004 findings
            (``{"FUP003": Severity.ERROR}``), as ``check(..., severities=...)`` does.

    Returns:
        The `FollowUpStatus`.

    Raises:
        InvalidType: An argument has the wrong type (``data.type``).
        InvalidComponent: ``window_days`` is below 1 (``followup.window``).
        UnknownReferenceError: A code in ``severities`` is not a rule.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.followup import Commitment, MonitoringVisit
        >>> malang = samples.load("malang")
        >>> plan = Commitment(id="c1", retreat="malang-2025", owner="198609262015051001",
        ...                   unit="kec-klojen", description="Layanan KTP satu hari",
        ...                   indicator="hari", target=1, due=pendulum.Date(2025, 7, 31))
        >>> visit = MonitoringVisit(id="v1", on=pendulum.Date(2025, 7, 14), unit="kec-klojen",
        ...                         visitor="196810091995031001")
        >>> status = follow_up_status(malang.retreat, [plan], [visit],
        ...                           on=pendulum.Date(2025, 8, 4))
        >>> status.overdue, status.visited_share, status.units[0].days_since_last_visit
        (1, 1.0, 21)
        >>> [f.code for f in status.findings]
        ['FUP003']
    """
    retreat = check_retreat(retreat)
    given = items_of(commitments, Commitment, "commitments")
    trips = items_of(visits, MonitoringVisit, "visits")
    check_date(on, "on")
    roster = check_roster(roster)
    window_days = check_window(window_days)
    overrides = severity_map(severities)

    last = retreat.days[-1]
    counted = [visit for visit in trips if last < visit.on <= on]
    named = {c.unit for c in given} | {v.unit for v in trips}
    scope = set(retreat_units(retreat, roster)) if roster is not None else named

    counts: dict[str, dict[str, int]] = {}
    for commitment in given:
        row = counts.setdefault(commitment.unit, dict.fromkeys(_COUNTS, 0))
        row["commitments"] += 1
        row["due"] += is_due(commitment, on)
        row[_classify(commitment, on)] += 1
    seen: dict[str, list[pendulum.Date]] = {}
    for visit in counted:
        seen.setdefault(visit.unit, []).append(visit.on)

    rows = []
    for unit in sorted(scope | named):
        figures = counts.get(unit, dict.fromkeys(_COUNTS, 0))
        days = seen.get(unit, [])
        latest = max(days) if days else None
        rows.append(
            UnitFollowUp(
                unit=unit,
                name=unit_name(roster, unit),
                of_retreat=unit in scope,
                visits=len(days),
                last_visit=latest,
                days_since_last_visit=None if latest is None else (on - latest).days,
                **figures,
            )
        )
    findings = list(emit("FUP003", _hits(overdue(given, on)), overrides))
    if roster is not None:
        visits_missed = unvisited(retreat, trips, roster, on=on, window_days=window_days)
        findings += emit("FUP004", _hits(visits_missed), overrides)
    return FollowUpStatus(
        retreat=retreat.id,
        on=on,
        window_days=window_days,
        window_end=window_end(retreat, window_days),
        units=tuple(rows),
        findings=tuple(findings),
    )
