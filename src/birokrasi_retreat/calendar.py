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

import datetime as dt
import enum
import functools

from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidType,
    UnknownReferenceError,
)
from birokrasi_retreat.ids import kode_wilayah as _kode_wilayah
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.messages import render
from birokrasi_retreat.ranks import AsnType
from birokrasi_retreat.retreat import Retreat, Session, Venue


if TYPE_CHECKING:
    from collections.abc import Iterable

    from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
    from birokrasi_retreat.messages import Lang


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

# The languages of the library's catalogue, mapped to the ``holidays`` package's codes.
_HOLIDAY_LANGUAGES: Final = {"id": "id", "en": "en_US"}

# PRODID of the exported calendars (RFC 5545 §3.7.3); no version, so output is stable.
_PRODID: Final = "-//birokrasi-retreat//Retret ASN//{lang}"


def timezone_for(kode: KodeWilayah | str) -> str:
    """Zona waktu (time zone) of a region, as an IANA name, from its kode wilayah.

    Delegates to `birokrasi_retreat.ids.kode_wilayah.timezone_for`: the province decides
    (Keppres 41/1987; sources: time-zones), with Kalimantan Barat and Tengah on
    ``Asia/Pontianak``.

    Args:
        kode: A kode wilayah at any level, as text or a `KodeWilayah`.

    Returns:
        ``"Asia/Jakarta"``, ``"Asia/Pontianak"``, ``"Asia/Makassar"`` or ``"Asia/Jayapura"``.

    Raises:
        ValidationError: the code is malformed.
        UnknownReferenceError: its province is not one of the 38.

    Examples:
        >>> timezone_for("35.73"), timezone_for("74.71"), timezone_for("91")
        ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')
    """
    return _kode_wilayah.timezone_for(kode)


def _aware(value: object, path: str) -> pendulum.DateTime:
    if not isinstance(value, dt.datetime):
        raise InvalidType("data.type", path=path, expected="datetime", got=type(value).__name__)
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidComponent("datetime.naive", path=path, value=value.isoformat())
    return value if isinstance(value, pendulum.DateTime) else pendulum.instance(value)


def local(moment: dt.datetime, kode: KodeWilayah | str) -> pendulum.DateTime:
    """Waktu setempat (local time): an aware time as the clocks of a region show it.

    Args:
        moment: An aware time (a `pendulum.DateTime` or any aware `datetime`).
        kode: The region's kode wilayah, as text or a `KodeWilayah`.

    Returns:
        The same instant in the region's zone, keeping the zone's name.

    Raises:
        InvalidType: ``moment`` is not a datetime (``data.type``).
        InvalidComponent: ``moment`` is naive (``datetime.naive``).
        ValidationError: the code is malformed.

    Examples:
        >>> import pendulum
        >>> opening = pendulum.datetime(2025, 8, 1, 7, 30, tz="Asia/Jakarta")
        >>> str(local(opening, "74.71"))
        '2025-08-01 08:30:00+08:00'
        >>> local(opening, "74.71").timezone_name
        'Asia/Makassar'
    """
    return _aware(moment, "moment").in_timezone(timezone_for(kode))


class HolidayKind(enum.StrEnum):
    """What kind of day off a `Holiday` is.

    Examples:
        >>> HolidayKind("cuti_bersama")
        <HolidayKind.CUTI_BERSAMA: 'cuti_bersama'>
    """

    # Hari libur nasional, set yearly by the SKB 3 Menteri (Perpres 21/2023 Ps 6;
    # sources: working-hours); the ``holidays`` package's "public" category.
    PUBLIC = "public"
    # Cuti bersama (collective leave) of the ASN, set by the same SKB (Perpres 21/2023
    # Ps 6); the ``holidays`` package's "government" category.
    CUTI_BERSAMA = "cuti_bersama"
    # A local day off the library does not know: a regional holiday or a late decree.
    LOCAL = "local"


# Sort order of kinds on one date: national first.
_KIND_ORDER: Final = {kind: index for index, kind in enumerate(HolidayKind)}


def _holiday_date(value: object) -> pendulum.Date:
    # A datetime is a date too, but a holiday is a whole day: refuse it.
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidType("data.type", path="date", expected="date", got=type(value).__name__)
    return _as_pendulum_date(value)


def _as_pendulum_date(value: dt.date) -> pendulum.Date:
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


@attrs.frozen(kw_only=True)
class Holiday:
    """Hari libur (a day off): a national holiday, a cuti bersama day or a local one.

    Attributes:
        date: The day (a plain `datetime.date` is converted to `pendulum.Date`).
        name: Its name, e.g. "Hari Raya Waisak", without any "(perkiraan)" marker.
        kind: National holiday, cuti bersama or local.
        tentative: Whether the date is an estimate: the ``holidays`` package computes
            lunar holidays of years the SKB 3 Menteri has not fixed yet.

    Examples:
        >>> import datetime
        >>> Holiday(date=datetime.date(2025, 8, 1), name="HUT Kota", kind=HolidayKind.LOCAL)
        Holiday(date=Date(2025, 8, 1), name='HUT Kota', kind=<HolidayKind.LOCAL: 'local'>, tentative=False)
    """  # noqa: E501  (a doctest output line cannot be wrapped)

    date: pendulum.Date = attrs.field(converter=_holiday_date)
    name: str = _fields.text_field()
    kind: HolidayKind
    tentative: bool = False


def _query_date(value: object, path: str) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidType("data.type", path=path, expected="date", got=type(value).__name__)
    return _as_pendulum_date(value)


@functools.lru_cache(maxsize=256)
def _holidays_of_year(year: int, language: str) -> tuple[Holiday, ...]:
    # Imported here: the ``holidays`` package is needed only by this query.
    import holidays  # noqa: PLC0415

    found: list[Holiday] = []
    # One query per category: the package's mapping does not say which category a
    # date came from.
    for category, kind in (
        ("public", HolidayKind.PUBLIC),
        ("government", HolidayKind.CUTI_BERSAMA),
    ):
        table = holidays.country_holidays(
            "ID", years=year, categories=(category,), language=language
        )
        # The package's own marker of computed dates, in the language asked for:
        # "%s (perkiraan)" in Indonesian, "%s (estimated)" in English.
        prefix, _, suffix = table.tr(table.estimated_label).partition("%s")
        for day in sorted(table):
            # get_list splits the names the package joins with "; " on a shared date.
            for name in table.get_list(day):
                tentative = name.startswith(prefix) and name.endswith(suffix)
                if tentative:
                    name = name.removeprefix(prefix).removesuffix(suffix)  # noqa: PLW2901
                found.append(Holiday(date=day, name=name, kind=kind, tentative=tentative))
    return tuple(found)


def _check_lang(lang: object, path: str) -> None:
    if lang not in _HOLIDAY_LANGUAGES:
        raise InvalidComponent("calendar.language", path=path, language=str(lang))


def _sort_key(holiday: Holiday) -> tuple[pendulum.Date, int, str]:
    return (holiday.date, _KIND_ORDER[holiday.kind], holiday.name)


def holidays_between(
    start: dt.date,
    end: dt.date,
    *,
    extra: Iterable[Holiday] = (),
    language: str = "id",
) -> tuple[Holiday, ...]:
    """Hari libur nasional and cuti bersama (national holidays, collective leave) in a period.

    National holidays and cuti bersama come from the ``holidays`` package (country
    ``ID``, categories ``public`` and ``government``), which follows the yearly SKB 3
    Menteri. Lunar holidays of years not decreed yet carry the package's "(perkiraan)"
    / "(estimated)" marker: they come back with ``tentative=True`` and the marker
    removed from the name. ``extra`` adds days the package does not know: a regional
    holiday, or a cuti bersama decreed after the package's release.

    Args:
        start: The first day (inclusive); a `datetime.date`, not a datetime.
        end: The last day (inclusive).
        extra: Holidays of your own; those outside the period are left out.
        language: ``"id"`` (default) or ``"en"``, for the names of the package's
            holidays. It is always passed on: otherwise the package would follow the
            ``LANG`` of the machine.

    Returns:
        The holidays, sorted by date, then national before cuti bersama before local,
        then name; a holiday given twice appears once.

    Raises:
        InvalidType: ``start``, ``end`` or an item of ``extra`` has the wrong type
            (``data.type``).
        InvalidComponent: ``end`` falls before ``start`` (``calendar.range``), or the
            language is not ``"id"`` or ``"en"`` (``calendar.language``).

    Examples:
        >>> import pendulum
        >>> for h in holidays_between(pendulum.date(2025, 5, 12), pendulum.date(2025, 5, 31)):
        ...     print(h.date, h.kind.value, h.name)
        2025-05-12 public Hari Raya Waisak
        2025-05-13 cuti_bersama Cuti Bersama Hari Raya Waisak
        2025-05-29 public Kenaikan Yesus Kristus
        2025-05-30 cuti_bersama Cuti Bersama Kenaikan Yesus Kristus
        >>> hut = Holiday(date=pendulum.date(2025, 5, 14), name="HUT Kota", kind=HolidayKind.LOCAL)
        >>> [h.name for h in holidays_between(pendulum.date(2025, 5, 13),
        ...  pendulum.date(2025, 5, 14), extra=[hut], language="en")]
        ['Vesak Joint Holiday', 'HUT Kota']
    """
    first = _query_date(start, "start")
    last = _query_date(end, "end")
    if last < first:
        raise InvalidComponent(
            "calendar.range", path="end", start=first.isoformat(), end=last.isoformat()
        )
    _check_lang(language, "language")
    try:
        injected = _fields.to_tuple(extra)
    except BirokrasiRetreatError as error:
        raise error.at("extra") from None
    for index, item in enumerate(injected):
        if not isinstance(item, Holiday):
            raise InvalidType(
                "data.type", path=f"extra[{index}]", expected="Holiday", got=type(item).__name__
            )
    found = [
        holiday
        for year in range(first.year, last.year + 1)
        for holiday in _holidays_of_year(year, _HOLIDAY_LANGUAGES[language])
        if first <= holiday.date <= last
    ]
    found.extend(holiday for holiday in injected if first <= holiday.date <= last)
    return tuple(dict.fromkeys(sorted(found, key=_sort_key)))


# -- iCalendar -------------------------------------------------------------------------


def _session_key(session: Session) -> tuple[pendulum.DateTime, pendulum.DateTime, str]:
    return (session.start, session.end, session.id)


def _agenda(retreat: Retreat, participant: str | None) -> list[Session]:
    if participant is None:
        return sorted(retreat.sessions, key=_session_key)
    try:
        number = _nip.compact(participant)
    except BirokrasiRetreatError as error:
        raise error.at("participant") from None
    enrollment = next((e for e in retreat.enrollments if e.nip == number), None)
    if enrollment is None:
        # A substitute attends in place of the enrolled official: same agenda.
        enrollment = next(
            (
                e
                for e in retreat.enrollments
                if e.substitute is not None and _nip.compact(e.substitute) == number
            ),
            None,
        )
    if enrollment is None:
        raise UnknownReferenceError(
            "calendar.unknown_participant",
            path="participant",
            nip=_privacy.mask(number, AsnType.PNS),
            retreat=retreat.id,
        )
    chosen = set(enrollment.attended_sessions)
    return sorted((s for s in retreat.sessions if s.mandatory or s.id in chosen), key=_session_key)


def _location(retreat: Retreat, session: Session) -> str:
    if session.room is None:
        return retreat.venue.name
    room = retreat.venue.room(session.room)
    return f"{retreat.venue.name}, {room.name if room is not None else session.room}"


def _speaker_label(retreat: Retreat, speaker_id: str) -> str:
    speaker = retreat.speaker(speaker_id)
    # An unknown id is reported by rule RET016; the export writes it as it is.
    return speaker_id if speaker is None else f"{speaker.name} ({speaker.role})"


def _description(retreat: Retreat, session: Session, lang: Lang) -> str:
    lines: list[str] = []
    if session.speakers:
        names = "; ".join(_speaker_label(retreat, s) for s in session.speakers)
        lines.append(render("calendar.ics.speakers", lang, {"speakers": names}))
    if session.values:
        labels = ", ".join(v.label if lang == "id" else v.label_en for v in session.values)
        lines.append(render("calendar.ics.values", lang, {"values": labels}))
    if session.themes:
        lines.append(render("calendar.ics.themes", lang, {"themes": ", ".join(session.themes)}))
    if not session.mandatory:
        lines.append(render("calendar.ics.optional", lang))
    return "\n".join(lines)


def to_ics(
    retreat: Retreat,
    *,
    dtstamp: dt.datetime,
    participant: str | None = None,
    uid_domain: str = "birokrasi-retreat.invalid",
    lang: Lang = "id",
) -> bytes:
    """Agenda retret (the retreat's agenda) as an iCalendar (RFC 5545) document.

    One ``VEVENT`` per session, sorted by start: ``SUMMARY`` the title, ``DTSTART`` and
    ``DTEND`` in the venue's zone with its ``TZID`` (``Asia/Makassar`` for Kendari),
    ``LOCATION`` the venue and room, ``DESCRIPTION`` the speakers with their roles, the
    BerAKHLAK values and the themes, ``UID`` ``{retreat.id}-{session.id}@{uid_domain}``.
    The ``VTIMEZONE`` of the venue's zone is included, and ``X-WR-CALNAME`` is the
    retreat's title. Nothing depends on the clock: ``DTSTAMP`` is ``dtstamp`` in UTC,
    so the same retreat gives the same bytes.

    With ``participant``, only that official's agenda: every mandatory session, plus
    the optional sessions listed in the enrollment's ``attended_sessions``. The same
    rule holds for planned and held retreats. A substitute (``Enrollment.substitute``)
    gets the agenda of the official they replace.

    Args:
        retreat: The retreat.
        dtstamp: When the file is made (aware); inject it for reproducible output.
        participant: The NIP of an enrolled official (or of their substitute), with or
            without separators.
        uid_domain: The domain part of the UIDs; the default is reserved (RFC 6761).
        lang: The language of the description lines, ``"id"`` or ``"en"``.

    Returns:
        The document, as bytes (UTF-8, CRLF line ends, lines folded at 75 octets).

    Raises:
        InvalidType: ``retreat``, ``dtstamp``, ``participant`` or ``uid_domain`` has the
            wrong type (``data.type``).
        InvalidComponent: ``dtstamp`` is naive (``datetime.naive``), ``uid_domain`` is
            not a plain domain (``calendar.uid_domain``), or ``lang`` is neither ``"id"``
            nor ``"en"`` (``calendar.language``).
        UnknownReferenceError: ``participant`` is not enrolled
            (``calendar.unknown_participant``, with the NIP masked).

    Examples:
        >>> import pendulum
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
        >>> from birokrasi_retreat.organization import Pemda, PemdaKind
        >>> from birokrasi_retreat.retreat import SessionKind, VenueKind
        >>> kode = KodeWilayah(code="74.71")
        >>> apel = Session(id="apel", title="Apel pembukaan", kind=SessionKind.OPENING,
        ...                start=pendulum.datetime(2025, 8, 1, 7, tz="Asia/Makassar"),
        ...                end=pendulum.datetime(2025, 8, 1, 8, tz="Asia/Makassar"))
        >>> retreat = Retreat(
        ...     id="kendari-2025", host=Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=kode),
        ...     title="Retret ASN Kota Kendari", nights=2, sessions=[apel],
        ...     venue=Venue(id="kebun-raya", name="Kebun Raya Kendari",
        ...                 kind=VenueKind.OUTDOOR, kode=kode, capacity=100),
        ...     start=pendulum.datetime(2025, 8, 1, 7, tz="Asia/Makassar"),
        ...     end=pendulum.datetime(2025, 8, 3, 17, tz="Asia/Makassar"))
        >>> ics = to_ics(retreat, dtstamp=pendulum.datetime(2025, 7, 1, tz="UTC"))
        >>> b"DTSTART;TZID=Asia/Makassar:20250801T070000" in ics
        True
        >>> b"UID:kendari-2025-apel@birokrasi-retreat.invalid" in ics
        True
    """
    if not isinstance(retreat, Retreat):
        raise InvalidType(
            "data.type", path="retreat", expected="Retreat", got=type(retreat).__name__
        )
    stamp = _aware(dtstamp, "dtstamp").in_timezone("UTC")
    _check_lang(lang, "lang")
    _fields.check_type(uid_domain, "uid_domain")
    if not uid_domain or "@" in uid_domain or not uid_domain.isprintable() or " " in uid_domain:
        raise InvalidComponent("calendar.uid_domain", path="uid_domain")
    sessions = _agenda(retreat, participant)

    # Imported here: only the export needs the icalendar package.
    import icalendar  # noqa: PLC0415

    zone = pendulum.timezone(retreat.timezone)
    cal = icalendar.Calendar()
    cal.add("prodid", _PRODID.format(lang=lang.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", retreat.title)
    cal.add("x-wr-timezone", retreat.timezone)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"{retreat.id}-{session.id}@{uid_domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start.in_timezone(zone))
        event.add("dtend", session.end.in_timezone(zone))
        event.add("summary", session.title)
        event.add("location", _location(retreat, session))
        description = _description(retreat, session, lang)
        if description:
            event.add("description", description)
        cal.add_component(event)
    # The VTIMEZONE covers the retreat's days (and any session outside them) only, so
    # it claims nothing about years the export knows nothing of; without events, the
    # calendar needs none.
    starts = [retreat.start, *(s.start for s in sessions)]
    ends = [retreat.end, *(s.end for s in sessions)]
    first = min(starts).in_timezone(zone).date()
    last = max(ends).in_timezone(zone).date().add(days=1)
    cal.add_missing_timezones(first_date=first, last_date=last)
    document: bytes = cal.to_ical()
    return document


# -- plan versus held ------------------------------------------------------------------


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
