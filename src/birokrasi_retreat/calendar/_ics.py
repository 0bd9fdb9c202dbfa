"""iCalendar (RFC 5545) export of a retreat's agenda, for everyone or one participant.

``icalendar`` is imported on first use only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.calendar._holidays import _check_lang
from birokrasi_retreat.calendar._zones import _aware
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidType,
    UnknownReferenceError,
)
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.messages import render
from birokrasi_retreat.ranks import AsnType
from birokrasi_retreat.retreat import Retreat, Session


if TYPE_CHECKING:
    import datetime as dt

    from birokrasi_retreat.messages import Lang


# PRODID of the exported calendars (RFC 5545 §3.7.3); no version, so output is stable.
_PRODID: Final = "-//birokrasi-retreat//Retret ASN//{lang}"


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
        >>> from birokrasi_retreat.retreat import Retreat, Session, SessionKind, Venue, VenueKind
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
