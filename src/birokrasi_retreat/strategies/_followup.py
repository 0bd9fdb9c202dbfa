"""Strategies for the follow-up of a retreat (re-exported by `birokrasi_retreat.strategies`).

`follow_ups` builds a `birokrasi_retreat.followup.FollowUp` on a generated retreat (and,
optionally, on a roster) such that ``check(follow_up)`` finds nothing: every commitment
is owned by a participant, measurable, and done only with evidence; every visit falls
after the retreat and within the default window, one place a day per visitor.
"""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat.followup._models import (
    DEFAULT_WINDOW_DAYS,
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
from birokrasi_retreat.followup._status import participants, retreat_units
from birokrasi_retreat.retreat import Enrollment, EnrollmentStatus, Retreat, RetreatStatus
from birokrasi_retreat.strategies._ids import dates, nips
from birokrasi_retreat.strategies._retreat import retreats as _retreats
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    import pendulum

    from birokrasi_retreat.roster import Roster


__all__ = [
    "commitments",
    "follow_ups",
    "monitoring_visits",
    "reviews",
    "status_changes",
    "unit_indicators",
]

# Dates of generated follow-ups: from the first city retreats (2025, sources: city-retreats).
_FIRST_DAY: Final = dt.date(2025, 1, 1)
_LAST_DAY: Final = dt.date(2028, 12, 31)

# Invented, plausible texts: they describe no real commitment.
_DESCRIPTIONS: Final = (
    "Layanan KTP selesai dalam satu hari",
    "Apel pagi bersama seluruh staf setiap Senin",
    "Digitalisasi arsip surat masuk",
    "Forum konsultasi publik tiap bulan",
    "Penanganan pengaduan warga maksimal tiga hari",
)
_INDICATORS: Final = (
    "Waktu layanan (hari)",
    "Persentase arsip digital",
    "Jumlah forum per tahun",
    "Nilai IKM",
)
_INDICATOR_NAMES: Final = (
    ("Indeks Kepuasan Masyarakat", Direction.HIGHER, "nilai"),
    ("Waktu layanan KTP", Direction.LOWER, "menit"),
    ("Jumlah pengaduan", Direction.LOWER, None),
    ("Realisasi anggaran", Direction.HIGHER, "persen"),
)
_SOURCES: Final = ("Laporan SKM unit", "Aplikasi layanan", "Laporan kinerja triwulan")
_NOTES: Final = (None, "Sesuai rencana", "Perlu pendampingan")
_EVIDENCE: Final = ("foto-kegiatan.jpg", "laporan-capaian.pdf", "https://example.org/bukti")
_UNITS: Final = ("unit-1", "unit-2", "unit-3", "unit-4")
_PLACES: Final = (None, "balai-kota", "aula-bkpsdm")

_MAX_HISTORY: Final = 4
_MAX_ITEMS: Final = 20


def _plain(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)


def _numbers() -> st.SearchStrategy[float]:
    return st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def _check_size(name: str, value: int) -> None:
    if not 0 <= value <= _MAX_ITEMS:
        msg = f"follow_ups: {name}={value} is outside 0..{_MAX_ITEMS}"
        raise InvalidArgument(msg)


def status_changes(
    *,
    min_value: dt.date = _FIRST_DAY,
    max_value: dt.date = _LAST_DAY,
    statuses: st.SearchStrategy[CommitmentStatus] | None = None,
) -> st.SearchStrategy[StatusChange]:
    """Generate status changes (perubahan status) of commitments.

    Args:
        min_value: The earliest date.
        max_value: The latest date.
        statuses: A strategy for the status (default: any).

    Returns:
        A strategy for `birokrasi_retreat.followup.StatusChange` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(status_changes(max_value=dt.date(2025, 12, 31)))
        ... def check(change):
        ...     assert change.on.year == 2025
        >>> check()
    """
    return st.builds(
        StatusChange,
        on=dates(min_value=min_value, max_value=max_value),
        status=st.sampled_from(CommitmentStatus) if statuses is None else statuses,
        note=st.sampled_from(_NOTES),
    )


@st.composite
def _commitment(  # noqa: PLR0917  (st.composite passes its arguments on positionally)
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    retreat: str,
    owners: st.SearchStrategy[str],
    units: st.SearchStrategy[str],
    after: dt.date,
) -> Commitment:
    start = _plain(after)
    due = draw(dates(min_value=start, max_value=min(start + dt.timedelta(days=365), _LAST_DAY)))
    days = sorted(
        draw(st.lists(dates(min_value=start, max_value=_LAST_DAY), max_size=_MAX_HISTORY))
    )
    history = tuple(
        StatusChange(on=day, status=draw(st.sampled_from(CommitmentStatus))) for day in days
    )
    done = bool(history) and history[-1].status is CommitmentStatus.DONE
    evidence = tuple(draw(st.lists(st.sampled_from(_EVIDENCE), min_size=int(done), unique=True)))
    return Commitment(
        id=draw(ids),
        retreat=retreat,
        owner=draw(owners),
        unit=draw(units),
        description=draw(st.sampled_from(_DESCRIPTIONS)),
        values=tuple(draw(st.lists(st.sampled_from(BerAkhlak), max_size=3, unique=True))),
        indicator=draw(st.sampled_from(_INDICATORS)),
        baseline=draw(st.one_of(st.none(), _numbers())),
        target=draw(_numbers()),
        due=due,
        history=history,
        evidence=evidence,
    )


def commitments(
    *,
    retreat: str = "retret-2025",
    owners: st.SearchStrategy[str] | None = None,
    units: st.SearchStrategy[str] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    after: dt.date = _FIRST_DAY,
) -> st.SearchStrategy[Commitment]:
    """Generate commitments (rencana aksi) that rules FUP002 and FUP006 accept.

    Each has an indicator and a target, a due date within a year of ``after``, a status
    history in date order from ``after`` on, and evidence whenever its status is done.

    Args:
        retreat: The retreat id the commitments name.
        owners: A strategy for the owners' NIPs (default: synthetic PNS NIPs).
        units: A strategy for the unit ids (default: ``unit-1`` to ``unit-4``).
        ids: A strategy for the ids (default: ``rencana-<n>``).
        after: The first possible date of the due date and of any status change.

    Returns:
        A strategy for `birokrasi_retreat.followup.Commitment` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(commitments())
        ... def check(commitment):
        ...     assert commitment.indicator is not None and commitment.target is not None
        >>> check()
    """
    return _commitment(
        st.integers(min_value=1, max_value=999).map(lambda n: f"rencana-{n}")
        if ids is None
        else ids,
        retreat,
        nips().map(lambda n: n.number) if owners is None else owners,
        st.sampled_from(_UNITS) if units is None else units,
        after,
    )


def reviews(*, commitments: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Review]:
    """Generate reviews (penilaian) of commitments: below, as planned or exceeding.

    Args:
        commitments: A strategy for the commitment ids (default: ``rencana-<n>``).

    Returns:
        A strategy for `birokrasi_retreat.followup.Review` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(reviews())
        ... def check(review):
        ...     assert review.commitment.startswith("rencana-")
        >>> check()
    """
    return st.builds(
        Review,
        commitment=st.integers(min_value=1, max_value=999).map(lambda n: f"rencana-{n}")
        if commitments is None
        else commitments,
        judgement=st.sampled_from(Judgement),
        note=st.sampled_from(_NOTES),
    )


def monitoring_visits(
    *,
    min_value: dt.date = _FIRST_DAY,
    max_value: dt.date = _LAST_DAY,
    units: st.SearchStrategy[str] | None = None,
    visitors: st.SearchStrategy[str] | None = None,
    commitments: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[MonitoringVisit]:
    """Generate monitoring visits (kunjungan monitoring).

    Args:
        min_value: The earliest date.
        max_value: The latest date.
        units: A strategy for the unit ids (default: ``unit-1`` to ``unit-4``).
        visitors: A strategy for the visitors' NIPs (default: synthetic PNS NIPs).
        commitments: A strategy for the ids the reviews judge (default: ``rencana-<n>``).

    Returns:
        A strategy for `birokrasi_retreat.followup.MonitoringVisit` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(monitoring_visits(min_value=dt.date(2026, 1, 1)))
        ... def check(visit):
        ...     assert visit.on.year >= 2026
        >>> check()
    """
    return st.builds(
        MonitoringVisit,
        id=st.integers(min_value=1, max_value=999).map(lambda n: f"kunjungan-{n}"),
        on=dates(min_value=min_value, max_value=max_value),
        unit=st.sampled_from(_UNITS) if units is None else units,
        visitor=nips().map(lambda n: n.number) if visitors is None else visitors,
        place=st.sampled_from(_PLACES),
        reviews=st.lists(reviews(commitments=commitments), max_size=3).map(tuple),
        notes=st.sampled_from(_NOTES),
        evidence=st.lists(st.sampled_from(_EVIDENCE), max_size=2, unique=True).map(tuple),
    )


@st.composite
def _indicator(draw: st.DrawFn, units: st.SearchStrategy[str]) -> UnitIndicator:
    name, direction, measure = draw(st.sampled_from(_INDICATOR_NAMES))
    before_on = draw(st.one_of(st.none(), dates(min_value=_FIRST_DAY, max_value=_LAST_DAY)))
    after_on = draw(
        st.one_of(st.none(), dates(min_value=_plain(before_on or _FIRST_DAY), max_value=_LAST_DAY))
    )
    return UnitIndicator(
        id=f"indikator-{draw(st.integers(min_value=1, max_value=999))}",
        unit=draw(units),
        name=name,
        direction=draw(st.sampled_from(Direction)) if measure is None else direction,
        before=draw(_numbers()),
        after=draw(_numbers()),
        measure=measure,
        before_on=before_on,
        after_on=after_on,
        source=draw(st.sampled_from(_SOURCES)),
    )


def unit_indicators(
    *, units: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[UnitIndicator]:
    """Generate unit indicators (indikator unit) measured before and after a retreat.

    Args:
        units: A strategy for the unit ids (default: ``unit-1`` to ``unit-4``).

    Returns:
        A strategy for `birokrasi_retreat.followup.UnitIndicator` values, with finite
        values and the after date (when both are known) not before the before date.

    Examples:
        >>> from hypothesis import given
        >>> @given(unit_indicators())
        ... def check(indicator):
        ...     assert indicator.improved in (True, False, None)
        >>> check()
    """
    return _indicator(st.sampled_from(_UNITS) if units is None else units)


def _on_roster(retreat: Retreat, roster: Roster) -> Retreat:
    """The retreat with its enrollments replaced by the roster's officials in post on day 1."""
    on = retreat.days[0]
    held = retreat.status is RetreatStatus.HELD
    status = EnrollmentStatus.ATTENDED if held else EnrollmentStatus.CONFIRMED
    mandatory = tuple(s.id for s in retreat.sessions if s.mandatory) if held else ()
    numbers = dict.fromkeys(
        official.nip for official in roster.officials if roster.posts_of(official.nip, on=on)
    )
    return attrs.evolve(
        retreat,
        enrollments=tuple(
            Enrollment(nip=number, status=status, attended_sessions=mandatory) for number in numbers
        ),
    )


@st.composite
def _follow_up(  # noqa: PLR0917  (st.composite passes its arguments on positionally)
    draw: st.DrawFn,
    retreats: st.SearchStrategy[Retreat],
    roster: Roster | None,
    max_commitments: int,
    max_visits: int,
    max_indicators: int,
) -> FollowUp:
    retreat = draw(retreats)
    if roster is not None:
        retreat = _on_roster(retreat, roster)
    people = participants(retreat)
    units = retreat_units(retreat, roster) if roster is not None else _UNITS
    unit_ids = st.sampled_from(units) if units else st.just("unit-1")
    after = _plain(retreat.days[-1]) + dt.timedelta(days=1)
    made: list[Commitment] = []
    if people:
        size = draw(st.integers(min_value=0, max_value=max_commitments))
        made = [
            draw(
                commitments(
                    retreat=retreat.id,
                    owners=st.sampled_from(people),
                    units=unit_ids,
                    ids=st.just(f"rencana-{n}"),
                    after=after,
                )
            )
            for n in range(1, size + 1)
        ]
    judged = st.sampled_from([c.id for c in made]) if made else None
    pool = draw(st.lists(nips(), min_size=1, max_size=2, unique_by=lambda n: n.number))
    visitors = st.sampled_from([n.number for n in pool])
    last = after + dt.timedelta(days=DEFAULT_WINDOW_DAYS - 1)
    visits: list[MonitoringVisit] = []
    places: dict[tuple[str, pendulum.Date], str] = {}
    for n in range(1, draw(st.integers(min_value=0, max_value=max_visits)) + 1):
        visit = draw(
            monitoring_visits(
                min_value=after,
                max_value=last,
                units=unit_ids,
                visitors=visitors,
                commitments=judged,
            )
        )
        if judged is None:
            visit = attrs.evolve(visit, reviews=())
        same_day = draw(st.booleans())
        if visits and same_day:
            # The previous visitor's day again: another unit met that day.
            visit = attrs.evolve(visit, on=visits[-1].on, visitor=visits[-1].visitor)
        # One place a day per visitor (FUP007): a clash moves the visit to that place.
        where = places.setdefault((visit.visitor, visit.on), visit.location)
        if where != visit.location:
            visit = attrs.evolve(visit, place=where)
        visits.append(attrs.evolve(visit, id=f"kunjungan-{n}"))
    indicators = [
        attrs.evolve(draw(unit_indicators(units=unit_ids)), id=f"indikator-{n}")
        for n in range(1, draw(st.integers(min_value=0, max_value=max_indicators)) + 1)
    ]
    return FollowUp(
        retreat=retreat,
        commitments=tuple(made),
        visits=tuple(visits),
        indicators=tuple(indicators),
    )


def follow_ups(
    *,
    retreats: st.SearchStrategy[Retreat] | None = None,
    roster: Roster | None = None,
    max_commitments: int = 5,
    max_visits: int = 5,
    max_indicators: int = 3,
) -> st.SearchStrategy[FollowUp]:
    """Generate follow-ups (tindak lanjut) of a retreat on which no FUP rule finds anything.

    The retreat comes from ``retreats`` (default: `birokrasi_retreat.strategies.retreats`).
    With a ``roster``, its enrollments are replaced by the roster's officials holding a
    post on its first day, and units are the units of the retreat, so FUP001 and FUP004
    (with ``options={"roster": roster}``) have real people and units to check; without
    one, units are ``unit-1`` to ``unit-4``. Commitments are owned by participants (none
    when nobody takes part), measurable, and done only with evidence; visits fall after
    the retreat's last day and within `DEFAULT_WINDOW_DAYS`, each visitor in one place a
    day; reviews judge the follow-up's own commitments. Without ``on``, ``check`` finds
    nothing at all.

    Args:
        retreats: A strategy for the retreat.
        roster: A roster to build on (a value, not a strategy: draw it first).
        max_commitments: At most this many commitments (0-20).
        max_visits: At most this many visits (0-20).
        max_indicators: At most this many unit indicators (0-20).

    Returns:
        A strategy for `birokrasi_retreat.followup.FollowUp` values.

    Raises:
        InvalidArgument: A maximum is outside 0-20.

    Examples:
        >>> from hypothesis import given, settings
        >>> from birokrasi_retreat.validation import check
        >>> @settings(max_examples=10)
        ... @given(follow_ups(max_visits=3))
        ... def clean(follow_up):
        ...     assert check(follow_up).ok
        >>> clean()
    """
    for name, value in (
        ("max_commitments", max_commitments),
        ("max_visits", max_visits),
        ("max_indicators", max_indicators),
    ):
        _check_size(name, value)
    chosen = _retreats(max_days=3, max_sessions=6) if retreats is None else retreats
    return _follow_up(chosen, roster, max_commitments, max_visits, max_indicators)
