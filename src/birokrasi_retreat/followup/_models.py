"""Follow-up models: commitments (rencana aksi), monitoring visits, unit indicators.

What happens after a retreat: every official commits to a change in their unit
(`Commitment`, a *rencana aksi*), tracks its progress (`StatusChange`), is visited by a
monitor (`MonitoringVisit`, a *kunjungan monitoring*) who judges each commitment against
the plan (`Review`, `Judgement`), and the unit's own indicators are compared before and
after (`UnitIndicator`). `FollowUp` gathers all of it for one retreat; the FUP rules of
`birokrasi_retreat.validation` check it.

The models hold their own invariants only (types, ids, NIPs, dates in order, finite
numbers); everything that relates them to the retreat or to a roster is a FUP rule.
"""

from __future__ import annotations

import enum

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.errors import (
    InvalidComponent,
)
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.messages import render
from birokrasi_retreat.retreat import Retreat
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Iterable

    from birokrasi_retreat.messages import Lang


__all__ = [
    "Commitment",
    "CommitmentStatus",
    "DEFAULT_WINDOW_DAYS",
    "Direction",
    "FollowUp",
    "Judgement",
    "MonitoringVisit",
    "Review",
    "StatusChange",
    "UnitIndicator",
]

DEFAULT_WINDOW_DAYS: Final = 90
"""Days after a retreat's last day within which every unit should be visited.

A project choice, configurable everywhere: Kirkpatrick level 3 (behaviour) is observed
"often 3-6 months after" (sources: kirkpatrick); LAN evaluates an aksi perubahan after about
two months of implementation (sources: aksi-perubahan).
"""


def _compact_number(value: object) -> object:
    # Compacted before validation; a non-str is left for the validator to report.
    return _nip.compact(value) if isinstance(value, str) else value


def _number_field() -> Any:  # noqa: ANN401  (an attrs field)
    return attrs.field(
        converter=_compact_number, validator=_fields.number, repr=_privacy.masked_nip_repr
    )


def _to_float(value: object, _inst: object, field: attrs.Attribute[Any]) -> float:
    return _fields.finite(value, field.name)


def _to_optional_float(value: object, _inst: object, field: attrs.Attribute[Any]) -> float | None:
    return None if value is None else _fields.finite(value, field.name)


def _finite_field() -> Any:  # noqa: ANN401  (an attrs field)
    return attrs.field(converter=attrs.Converter(_to_float, takes_self=True, takes_field=True))


def _optional_finite_field() -> Any:  # noqa: ANN401  (an attrs field)
    return attrs.field(
        default=None,
        converter=attrs.Converter(_to_optional_float, takes_self=True, takes_field=True),
    )


def _unique(items: Iterable[Any], field: str) -> None:
    _fields.by_id(items, field, "followup.duplicate_id")


class CommitmentStatus(enum.StrEnum):
    """Status of a commitment (rencana aksi) as its owner reports it.

    Examples:
        >>> CommitmentStatus("dropped")
        <CommitmentStatus.DROPPED: 'dropped'>
    """

    # Not started yet (every commitment before its first status change); a project
    # choice following the implementation phase of an aksi perubahan (sources: aksi-perubahan).
    NOT_STARTED = "not_started"
    # Being implemented (sources: aksi-perubahan: implementation between the two seminars).
    IN_PROGRESS = "in_progress"
    # Done; LAN asks for evidence of every achievement (sources: aksi-perubahan).
    DONE = "done"
    # Abandoned on purpose (a project choice): no longer due, so never overdue.
    DROPPED = "dropped"

    def label(self, lang: Lang = "id") -> str:
        """The status's name in Indonesian (default) or English.

        Examples:
            >>> CommitmentStatus.IN_PROGRESS.label(), CommitmentStatus.DONE.label("en")
            ('sedang berjalan', 'done')
        """
        return render(f"followup.status.{self.value}", lang)


@attrs.frozen(kw_only=True)
class StatusChange:
    """Perubahan status: a commitment's status from a day on.

    Attributes:
        on: The day the status changed.
        status: The new status.
        note: An optional remark.

    Examples:
        >>> StatusChange(on=pendulum.Date(2025, 6, 2), status=CommitmentStatus.IN_PROGRESS)
        StatusChange(on=Date(2025, 6, 2), status=<CommitmentStatus.IN_PROGRESS: 'in_progress'>, \
note=None)
    """

    on: pendulum.Date = attrs.field(validator=_fields.date)
    status: CommitmentStatus = attrs.field(validator=_fields.instance_of(CommitmentStatus))
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)


def _history(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
) -> None:
    _fields.check_array(value, attribute.name)
    _fields.check_items(value, StatusChange, attribute.name)
    for index in range(1, len(value)):
        if value[index].on < value[index - 1].on:
            raise InvalidComponent("followup.history_order", path=f"history[{index}].on")


@attrs.frozen(kw_only=True)
class Commitment:
    """Rencana aksi: an official's commitment, made at a retreat, to a change in a unit.

    ``owner`` is a NIP (or NI PPPK) and personal data: it is stored compact, must be
    valid in one of the two layouts (every rule of `ids.nip`), and is masked in the repr.
    ``history`` lists status changes in date order (equal dates keep their given order:
    the later entry wins).

    Attributes:
        id: Your key for the commitment.
        retreat: The id of the retreat where it was made.
        owner: The NIP of the official who owns it.
        unit: The id (in the roster) of the unit where the change happens.
        description: What will change.
        values: The BerAKHLAK values it puts into practice.
        indicator: How success is measured, if stated.
        baseline: The indicator's value when committing, if known (finite).
        target: The indicator's target value, if stated (finite).
        due: The day it should be done by.
        history: Its status changes, in non-decreasing date order.
        evidence: References to evidence (documents, photos, links).

    Examples:
        >>> c = Commitment(id="c1", retreat="malang-2025", owner="19860926 201505 1 001",
        ...                unit="kec-klojen", description="Layanan KTP satu hari",
        ...                due=pendulum.Date(2025, 8, 29),
        ...                history=(StatusChange(on=pendulum.Date(2025, 6, 2),
        ...                                      status=CommitmentStatus.IN_PROGRESS),
        ...                         StatusChange(on=pendulum.Date(2025, 8, 20),
        ...                                      status=CommitmentStatus.DONE)))
        >>> c.status, c.done_on
        (<CommitmentStatus.DONE: 'done'>, Date(2025, 8, 20))
        >>> c.status_on(pendulum.Date(2025, 6, 1))
        <CommitmentStatus.NOT_STARTED: 'not_started'>
        >>> "198609" in repr(c)
        False
    """

    id: str = _fields.id_field()
    retreat: str = _fields.id_field()
    owner: str = _number_field()
    unit: str = _fields.id_field()
    description: str = _fields.text_field()
    values: tuple[BerAkhlak, ...] = _fields.tuple_of(BerAkhlak)
    indicator: str | None = attrs.field(default=None, validator=_fields.optional_text)
    baseline: float | None = _optional_finite_field()
    target: float | None = _optional_finite_field()
    due: pendulum.Date = attrs.field(validator=_fields.date)
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_history
    )
    evidence: tuple[str, ...] = _fields.text_tuple()

    def status_on(self, day: pendulum.Date) -> CommitmentStatus:
        """The status on ``day``: the last change on or before it, else not started.

        Args:
            day: The day asked about.

        Returns:
            The status in force at the end of ``day``.

        Raises:
            InvalidType: ``day`` is not a `pendulum.Date` (code ``data.type``).

        Examples:
            >>> c = Commitment(id="c", retreat="r", owner="198609262015051001", unit="u",
            ...                description="d", due=pendulum.Date(2025, 9, 1),
            ...                history=(StatusChange(on=pendulum.Date(2025, 7, 1),
            ...                                      status=CommitmentStatus.DROPPED),))
            >>> c.status_on(pendulum.Date(2025, 7, 1))
            <CommitmentStatus.DROPPED: 'dropped'>
        """
        _fields.check_date(day, "day")
        status = CommitmentStatus.NOT_STARTED
        for change in self.history:
            if change.on > day:
                break
            status = change.status
        return status

    @property
    def status(self) -> CommitmentStatus:
        """The current status: that of the last change, or not started.

        Examples:
            >>> Commitment(id="c", retreat="r", owner="198609262015051001", unit="u",
            ...            description="d", due=pendulum.Date(2025, 9, 1)).status
            <CommitmentStatus.NOT_STARTED: 'not_started'>
        """
        return self.history[-1].status if self.history else CommitmentStatus.NOT_STARTED

    @property
    def done_on(self) -> pendulum.Date | None:
        """The day it was done, or None while it is not (currently) done.

        When the current status is done, this is the first day of the final run of
        "done" changes (a repeated "done" does not move it; a commitment reopened and
        done again counts from the second time).

        Examples:
            >>> done = StatusChange(on=pendulum.Date(2025, 8, 1), status=CommitmentStatus.DONE)
            >>> again = StatusChange(on=pendulum.Date(2025, 8, 9), status=CommitmentStatus.DONE)
            >>> Commitment(id="c", retreat="r", owner="198609262015051001", unit="u",
            ...            description="d", due=pendulum.Date(2025, 9, 1),
            ...            history=(done, again)).done_on
            Date(2025, 8, 1)
        """
        day: pendulum.Date | None = None
        for change in reversed(self.history):
            if change.status is not CommitmentStatus.DONE:
                break
            day = change.on
        return day


class Judgement(enum.StrEnum):
    """Penilaian: how a monitor judges a commitment's achievement against its plan.

    LAN rates each achievement of an aksi perubahan "kurang" / "sesuai" / "melampaui"
    (below / as planned / exceeding), always with evidence (sources: aksi-perubahan).

    Examples:
        >>> Judgement.EXCEEDING.label(), Judgement.BELOW.label("en")
        ('melampaui', 'below')
    """

    # "Kurang": below the plan (sources: aksi-perubahan).
    BELOW = "below"
    # "Sesuai": as planned (sources: aksi-perubahan).
    AS_PLANNED = "as_planned"
    # "Melampaui": exceeding the plan (sources: aksi-perubahan).
    EXCEEDING = "exceeding"

    def label(self, lang: Lang = "id") -> str:
        """The LAN term in Indonesian (default) or its English translation.

        Examples:
            >>> Judgement.AS_PLANNED.label(), Judgement.AS_PLANNED.label("en")
            ('sesuai', 'as planned')
        """
        return render(f"followup.judgement.{self.value}", lang)


@attrs.frozen(kw_only=True)
class Review:
    """Penilaian rencana aksi: a monitor's judgement of one commitment during a visit.

    Attributes:
        commitment: The id of the commitment judged.
        judgement: Below, as planned or exceeding.
        note: An optional remark.

    Examples:
        >>> Review(commitment="c1", judgement=Judgement.AS_PLANNED).judgement.label()
        'sesuai'
    """

    commitment: str = _fields.id_field()
    judgement: Judgement = attrs.field(validator=_fields.instance_of(Judgement))
    note: str | None = attrs.field(default=None, validator=_fields.optional_text)


@attrs.frozen(kw_only=True)
class MonitoringVisit:
    """Kunjungan monitoring: a monitor's visit to a unit after the retreat.

    ``visitor`` is a NIP or NI PPPK: stored compact, valid in one of the two layouts,
    masked in the repr.

    Attributes:
        id: Your key for the visit.
        on: The day of the visit.
        unit: The id (in the roster) of the unit visited.
        visitor: The NIP of the official who visits.
        place: Where the visit takes place, if not at the unit's office (None means the
            unit's office, so the place is then the unit's id: see `location`).
        reviews: The commitments judged during the visit.
        notes: Free notes.
        evidence: References to evidence (minutes, photos, links).

    Examples:
        >>> v = MonitoringVisit(id="v1", on=pendulum.Date(2025, 7, 14), unit="kec-klojen",
        ...                     visitor="198609262015051001")
        >>> v.location, "198609" in repr(v)
        ('kec-klojen', False)
    """

    id: str = _fields.id_field()
    on: pendulum.Date = attrs.field(validator=_fields.date)
    unit: str = _fields.id_field()
    visitor: str = _number_field()
    place: str | None = attrs.field(default=None, validator=_fields.optional_id)
    reviews: tuple[Review, ...] = _fields.tuple_of(Review)
    notes: str | None = attrs.field(default=None, validator=_fields.optional_text)
    evidence: tuple[str, ...] = _fields.text_tuple()

    @property
    def location(self) -> str:
        """Where the visit happens: ``place``, or the unit's id when at its office.

        Examples:
            >>> MonitoringVisit(id="v", on=pendulum.Date(2025, 7, 14), unit="u",
            ...                 visitor="198609262015051001", place="balai-kota").location
            'balai-kota'
        """
        return self.unit if self.place is None else self.place


class Direction(enum.StrEnum):
    """Arah: which way of an indicator is better.

    Examples:
        >>> Direction.LOWER.value
        'lower'
    """

    # Higher is better, e.g. an IKM score (sources: kirkpatrick: level 4 compares KPIs).
    HIGHER = "higher"
    # Lower is better, e.g. a service time in minutes (sources: kirkpatrick).
    LOWER = "lower"


def _indicator_dates(inst: UnitIndicator) -> None:
    if inst.before_on is not None and inst.after_on is not None and inst.after_on < inst.before_on:
        raise InvalidComponent("followup.indicator_dates", path="after_on")


@attrs.frozen(kw_only=True)
class UnitIndicator:
    """Indikator unit: a unit's indicator measured before and after the retreat.

    Kirkpatrick level 4 (results) compares unit KPIs such as the IKM score or a service
    time (sources: kirkpatrick).

    Attributes:
        id: Your key for the indicator.
        unit: The id (in the roster) of the unit measured.
        name: What is measured, e.g. "Waktu layanan KTP".
        direction: Which way is better.
        before: The value before the retreat (finite).
        after: The value after the retreat (finite).
        measure: The unit of measure, e.g. "menit", if any.
        before_on: When ``before`` was measured, if known.
        after_on: When ``after`` was measured, if known (not before ``before_on``).
        source: Where the values come from, e.g. "SKM Kecamatan Klojen 2025".

    Examples:
        >>> time = UnitIndicator(id="i1", unit="kec-klojen", name="Waktu layanan KTP",
        ...                      direction=Direction.LOWER, before=90, after=60,
        ...                      measure="menit", source="Laporan SKM")
        >>> time.change, time.improved
        (-30.0, True)
    """

    id: str = _fields.id_field()
    unit: str = _fields.id_field()
    name: str = _fields.text_field()
    direction: Direction = attrs.field(validator=_fields.instance_of(Direction))
    before: float = _finite_field()
    after: float = _finite_field()
    measure: str | None = attrs.field(default=None, validator=_fields.optional_text)
    before_on: pendulum.Date | None = attrs.field(default=None, validator=_fields.optional_date)
    after_on: pendulum.Date | None = attrs.field(default=None, validator=_fields.optional_date)
    source: str = _fields.text_field()

    def __attrs_post_init__(self) -> None:
        _indicator_dates(self)

    @property
    def change(self) -> float:
        """The change, ``after - before`` (whatever the direction).

        Examples:
            >>> UnitIndicator(id="i", unit="u", name="IKM", direction=Direction.HIGHER,
            ...               before=80.5, after=83, source="SKM").change
            2.5
        """
        return float(self.after) - float(self.before)

    @property
    def improved(self) -> bool | None:
        """Whether the indicator moved the better way; None when it did not move.

        Examples:
            >>> UnitIndicator(id="i", unit="u", name="IKM", direction=Direction.HIGHER,
            ...               before=80, after=80, source="SKM").improved is None
            True
        """
        change = self.change
        if change == 0:
            return None
        return (change > 0) is (self.direction is Direction.HIGHER)


@attrs.frozen(kw_only=True)
class FollowUp:
    """Tindak lanjut: everything that follows one retreat, as the FUP rules check it.

    Ids are unique within each of ``commitments``, ``visits`` and ``indicators``.

    Attributes:
        retreat: The retreat followed up.
        commitments: The commitments (rencana aksi) made at it.
        visits: The monitoring visits after it.
        indicators: The units' indicators before and after it.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> follow_up = FollowUp(retreat=samples.load("malang").retreat)
        >>> follow_up.retreat.id, follow_up.commitments
        ('malang-2025', ())
    """

    retreat: Retreat = attrs.field(validator=_fields.instance_of(Retreat))
    commitments: tuple[Commitment, ...] = _fields.tuple_of(Commitment)
    visits: tuple[MonitoringVisit, ...] = _fields.tuple_of(MonitoringVisit)
    indicators: tuple[UnitIndicator, ...] = _fields.tuple_of(UnitIndicator)

    def __attrs_post_init__(self) -> None:
        _unique(self.commitments, "commitments")
        _unique(self.visits, "visits")
        _unique(self.indicators, "indicators")
