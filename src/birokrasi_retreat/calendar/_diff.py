"""Plan versus held: what changed between the announced retreat and the retreat as held."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from birokrasi_retreat.calendar._holidays import _check_lang
from birokrasi_retreat.calendar._ics import _session_key
from birokrasi_retreat.errors import InvalidType
from birokrasi_retreat.messages import render
from birokrasi_retreat.retreat import Retreat, Venue


if TYPE_CHECKING:
    from birokrasi_retreat.messages import Lang


@attrs.frozen(kw_only=True)
class Shift:
    """Pergeseran jadwal (a schedule shift): a period moved from old to new times.

    Attributes:
        old_start: The planned start.
        old_end: The planned end.
        new_start: The start as held.
        new_end: The end as held.

    Examples:
        >>> import pendulum
        >>> day = pendulum.datetime(2025, 5, 16, 7, tz="Asia/Jakarta")
        >>> Shift(old_start=day, old_end=day.add(hours=1), new_start=day.subtract(days=1),
        ...       new_end=day.subtract(days=1).add(hours=1)).new_start.day
        15
    """

    old_start: pendulum.DateTime
    old_end: pendulum.DateTime
    new_start: pendulum.DateTime
    new_end: pendulum.DateTime


@attrs.frozen(kw_only=True)
class SessionShift(Shift):
    """Sesi dipindah (a session moved): the same session held at other times.

    Attributes:
        session: The session's id.

    Examples:
        >>> import pendulum
        >>> day = pendulum.datetime(2025, 5, 16, 7, tz="Asia/Jakarta")
        >>> SessionShift(session="apel", old_start=day, old_end=day.add(hours=1),
        ...              new_start=day, new_end=day.add(hours=2)).session
        'apel'
    """

    session: str


@attrs.frozen(kw_only=True)
class SpeakerChange:
    """Pergantian narasumber (a change of speakers) in one session.

    Attributes:
        session: The session's id.
        old: The planned speaker ids.
        new: The speaker ids as held.

    Examples:
        >>> SpeakerChange(session="materi-1", old=("zudan",), new=("sugeng",)).new
        ('sugeng',)
    """

    session: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@attrs.frozen(kw_only=True)
class VenueChange:
    """Pindah tempat (a change of venue) between plan and held retreat.

    Attributes:
        old: The planned venue.
        new: The venue as held.

    Examples:
        >>> import attrs
        >>> from birokrasi_retreat import samples
        >>> plan = samples.load("malang").retreat
        >>> held = attrs.evolve(plan, venue=attrs.evolve(plan.venue, name="Lapangan Rampal"))
        >>> diff(plan, held).venue_changed.new.name
        'Lapangan Rampal'
    """

    old: Venue
    new: Venue


def _span(start: pendulum.DateTime, end: pendulum.DateTime, venue: Venue, lang: Lang) -> str:
    zone = venue.timezone
    first, last = start.in_timezone(zone), end.in_timezone(zone)
    # Indonesian writes 07.30, English 07:30.
    clock = "%H.%M" if lang == "id" else "%H:%M"
    text = first.strftime(f"%Y-%m-%d {clock}") + "–"
    text += last.strftime(clock if first.date() == last.date() else f"%Y-%m-%d {clock}")
    return f"{text} {venue.timezone_label}"


def _title(retreat: Retreat, session_id: str) -> str:
    # A hand-built RetreatDiff may name a session its retreat lacks: show the id.
    session = retreat.session(session_id)
    return session_id if session is None else session.title


def _when(retreat: Retreat, session_id: str, lang: Lang) -> str:
    session = retreat.session(session_id)
    return "?" if session is None else _span(session.start, session.end, retreat.venue, lang)


def _speaker_names(retreat: Retreat, ids: tuple[str, ...], lang: Lang) -> str:
    if not ids:
        return render("calendar.diff.nobody", lang)
    names = []
    for speaker_id in ids:
        speaker = retreat.speaker(speaker_id)
        names.append(speaker_id if speaker is None else speaker.name)
    return ", ".join(names)


@attrs.frozen(kw_only=True)
class RetreatDiff:
    """Perbedaan rencana dan pelaksanaan (plan versus held): what changed, by session id.

    Build it with `diff`. Sessions are matched by their ids.

    Attributes:
        planned: The retreat as announced.
        held: The retreat as held.
        dates_moved: The retreat's start and end moved, or None.
        added: Ids of the sessions held but not planned.
        cancelled: Ids of the sessions planned but not held.
        moved: Sessions held at other times than planned.
        speakers_changed: Sessions whose speakers differ (order counts).
        venue_changed: The venue changed (another id, name or kode wilayah), or None.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> malang = samples.load("malang")
        >>> changes = diff(malang.planned, malang.retreat)
        >>> changes.dates_moved.new_start.isoformat(), len(changes.moved), changes.cancelled
        ('2025-05-15T07:00:00+07:00', 14, ())
    """

    planned: Retreat = attrs.field(repr=False)
    held: Retreat = attrs.field(repr=False)
    dates_moved: Shift | None = None
    added: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    moved: tuple[SessionShift, ...] = ()
    speakers_changed: tuple[SpeakerChange, ...] = ()
    venue_changed: VenueChange | None = None

    @property
    def changes(self) -> int:
        """How many changes: one per moved period, session, speaker change or venue.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> malang = samples.load("malang")
            >>> diff(malang.planned, malang.retreat).changes  # the dates and 14 sessions moved
            15
        """
        return (
            (self.dates_moved is not None)
            + len(self.added)
            + len(self.cancelled)
            + len(self.moved)
            + len(self.speakers_changed)
            + (self.venue_changed is not None)
        )

    @property
    def is_empty(self) -> bool:
        """Whether the retreat was held as planned.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> malang = samples.load("malang")
            >>> diff(malang.retreat, malang.retreat).is_empty
            True
            >>> diff(malang.planned, malang.retreat).is_empty
            False
        """
        return self.changes == 0

    def lines(self, lang: Lang = "id") -> tuple[str, ...]:
        """The changes as sentences, one a line, in ``lang`` (``"id"`` or ``"en"``).

        Times are written in each venue's local time, with WIB, WITA or WIT. Without
        changes, one line says so.

        Raises:
            InvalidComponent: ``lang`` is neither ``"id"`` nor ``"en"``
                (``calendar.language``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> malang = samples.load("malang")
            >>> lines = diff(malang.planned, malang.retreat).lines("en")
            >>> len(lines), lines[1]  # doctest: +ELLIPSIS
            (15, 'Session moved: Apel pembukaan retret [apel-buka], 2025-05-16 07:00–08:00 ...')
            >>> diff(malang.retreat, malang.retreat).lines()
            ('Tidak ada perubahan: retret dilaksanakan sesuai rencana.',)
        """
        _check_lang(lang, "lang")
        planned, held = self.planned, self.held
        out: list[str] = []
        if self.dates_moved is not None:
            shift = self.dates_moved
            old = _span(shift.old_start, shift.old_end, planned.venue, lang)
            new = _span(shift.new_start, shift.new_end, held.venue, lang)
            out.append(render("calendar.diff.dates_moved", lang, {"old": old, "new": new}))
        if self.venue_changed is not None:
            params = {"old": self.venue_changed.old.name, "new": self.venue_changed.new.name}
            out.append(render("calendar.diff.venue_changed", lang, params))
        for code, retreat, ids in (
            ("calendar.diff.cancelled", planned, self.cancelled),
            ("calendar.diff.added", held, self.added),
        ):
            for session_id in ids:
                params = {
                    "title": _title(retreat, session_id),
                    "session": session_id,
                    "when": _when(retreat, session_id, lang),
                }
                out.append(render(code, lang, params))
        for move in self.moved:
            params = {
                "title": _title(held, move.session),
                "session": move.session,
                "old": _span(move.old_start, move.old_end, planned.venue, lang),
                "new": _span(move.new_start, move.new_end, held.venue, lang),
            }
            out.append(render("calendar.diff.moved", lang, params))
        for change in self.speakers_changed:
            params = {
                "title": _title(held, change.session),
                "session": change.session,
                "old": _speaker_names(planned, change.old, lang),
                "new": _speaker_names(held, change.new, lang),
            }
            out.append(render("calendar.diff.speakers_changed", lang, params))
        return tuple(out) or (render("calendar.diff.none", lang),)

    def to_text(self, lang: Lang = "id") -> str:
        """The changes as text, one sentence a line, in ``lang`` (``"id"`` or ``"en"``).

        Raises:
            InvalidComponent: ``lang`` is neither ``"id"`` nor ``"en"``
                (``calendar.language``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> malang = samples.load("malang")
            >>> print(diff(malang.planned, malang.retreat).to_text())  # doctest: +ELLIPSIS
            Tanggal retret berubah: 2025-05-16 07.00–2025-05-18 11.30 WIB menjadi ...
            Jadwal sesi berubah: Apel pembukaan retret [apel-buka], 2025-05-16 07.00–08.00 WIB ...
            ...
            Jadwal sesi berubah: Penutupan dan arahan Wali Kota [penutupan], ...
        """
        return "\n".join(self.lines(lang))


def diff(planned: Retreat, held: Retreat) -> RetreatDiff:
    """Bandingkan rencana dan pelaksanaan (compare plan and held): what changed.

    Sessions are matched by id: a session held under the planned id at other times is
    *moved*; under a new id it is *added* (and the planned one *cancelled*). Times are
    compared as instants, so writing one time in another zone is no change.

    Args:
        planned: The retreat as announced.
        held: The retreat as held.

    Returns:
        The differences.

    Raises:
        InvalidType: an argument is not a `Retreat` (``data.type``).

    Examples:
        >>> import attrs, pendulum
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
        >>> from birokrasi_retreat.organization import Pemda, PemdaKind
        >>> from birokrasi_retreat.retreat import VenueKind
        >>> kode = KodeWilayah(code="35.73")
        >>> plan = Retreat(
        ...     id="malang-2025", host=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=kode),
        ...     title="Leadership dan Penguatan Teamwork Building", nights=2,
        ...     venue=Venue(id="poltekad", name="Poltekad", kind=VenueKind.MILITARY,
        ...                 kode=KodeWilayah(code="35.07"), capacity=150),
        ...     start=pendulum.datetime(2025, 5, 16, 7, tz="Asia/Jakarta"),
        ...     end=pendulum.datetime(2025, 5, 18, 12, tz="Asia/Jakarta"))
        >>> held = attrs.evolve(plan, start=plan.start.subtract(days=1),
        ...                     end=plan.end.subtract(days=1))
        >>> print(diff(plan, held).to_text("en"))
        Dates moved: 2025-05-16 07:00–2025-05-18 12:00 WIB to 2025-05-15 07:00–2025-05-17 12:00 WIB.
        >>> diff(plan, plan).is_empty
        True
    """
    for name, value in (("planned", planned), ("held", held)):
        if not isinstance(value, Retreat):
            raise InvalidType("data.type", path=name, expected="Retreat", got=type(value).__name__)
    dates_moved = None
    if planned.start != held.start or planned.end != held.end:
        dates_moved = Shift(
            old_start=planned.start, old_end=planned.end, new_start=held.start, new_end=held.end
        )
    before = {s.id: s for s in sorted(planned.sessions, key=_session_key)}
    after = {s.id: s for s in sorted(held.sessions, key=_session_key)}
    moved: list[SessionShift] = []
    speakers: list[SpeakerChange] = []
    for session_id, old in before.items():
        new = after.get(session_id)
        if new is None:
            continue
        if old.start != new.start or old.end != new.end:
            moved.append(
                SessionShift(
                    session=session_id,
                    old_start=old.start,
                    old_end=old.end,
                    new_start=new.start,
                    new_end=new.end,
                )
            )
        if old.speakers != new.speakers:
            speakers.append(SpeakerChange(session=session_id, old=old.speakers, new=new.speakers))
    old_venue, new_venue = planned.venue, held.venue
    venue_changed = None
    if (old_venue.id, old_venue.name, old_venue.kode) != (
        new_venue.id,
        new_venue.name,
        new_venue.kode,
    ):
        venue_changed = VenueChange(old=old_venue, new=new_venue)
    return RetreatDiff(
        planned=planned,
        held=held,
        dates_moved=dates_moved,
        added=tuple(i for i in after if i not in before),
        cancelled=tuple(i for i in before if i not in after),
        moved=tuple(moved),
        speakers_changed=tuple(speakers),
        venue_changed=venue_changed,
    )
