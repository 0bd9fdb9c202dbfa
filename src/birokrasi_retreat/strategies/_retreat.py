"""Strategies for retreat programmes (re-exported by `birokrasi_retreat.strategies`).

`retreats` builds agendas that are conflict-free by construction: every session sits in
hour-long blocks of the venue's local day (07:00-21:00), a room holds at most one
session per block, a speaker speaks in at most one session per block and only inside
their availability, and on a Friday no block touches the prayer window 11:30-13:00.
"""

from __future__ import annotations

import datetime as dt
import functools

from typing import TYPE_CHECKING, Final, TypeVar

import attrs
import pendulum

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.ranks import Eselon, PositionFamily
from birokrasi_retreat.retreat import (
    Eligibility,
    Enrollment,
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Room,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
    Window,
)
from birokrasi_retreat.strategies._ids import INDONESIAN_TIMEZONES, dates, nips
from birokrasi_retreat.strategies._organization import pemdas
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["retreats", "sessions", "speakers", "venues"]

_T = TypeVar("_T")

# Real kota whose codes place generated venues, one per time zone at least: Malang,
# Batu, Bandung (WIB, sources: kode-wilayah-cities), Kendari (WITA, 5.3), Pontianak (WIB,
# Asia/Pontianak) and Jayapura (WIT); the last two are in the official catalogue
# (Kepmendagri 300.2.2-2138/2025), as `KodeWilayah.exists` confirms.
_PLACES: Final = (
    ("35.73", "Malang"),
    ("35.79", "Batu"),
    ("32.73", "Bandung"),
    ("74.71", "Kendari"),
    ("61.71", "Pontianak"),
    ("91.71", "Jayapura"),
)

# Invented venue names per kind ({} is the city): they name no real institution.
_VENUE_NAMES: Final = {
    VenueKind.MILITARY: ("Pusat Pendidikan Militer {}", "Resimen Induk {}"),
    VenueKind.CAMPUS: ("Kampus Politeknik {}", "Kampus Universitas {}"),
    VenueKind.OUTDOOR: ("Kebun Raya {}", "Bumi Perkemahan {}"),
    VenueKind.HOTEL: ("Hotel Graha {}", "Resor Pegunungan {}"),
    VenueKind.GOVERNMENT_OFFICE: ("Balai Kota {}", "Gedung Diklat {}"),
    VenueKind.OTHER: ("Gedung Serbaguna {}",),
}
_ROOM_NAMES: Final = ("Aula", "Ruang Kelas", "Lapangan", "Ruang Diskusi", "Pendopo")

# Synthetic speaker names and generic public roles per level: they name no one.
_GIVEN: Final = ("Budi", "Sri", "Agus", "Dewi", "Hendra", "Ratna", "Yudi", "Fitri", "Arif")
_FAMILY: Final = ("Santoso", "Wahyuni", "Pratama", "Lestari", "Nugroho", "Kusuma", "Hidayat")
_HONORIFICS: Final = ("", "Dr. ", "Prof. Dr. ", "Ir. ")
_ROLES: Final = {
    SpeakerLevel.PUSAT: (
        ("Deputi Bidang Pengembangan Kompetensi", "Lembaga Administrasi Negara"),
        ("Direktur Jenderal", "Kementerian Dalam Negeri"),
        ("Kepala Pusat Pengembangan ASN", "Badan Kepegawaian Negara"),
    ),
    SpeakerLevel.PROVINSI: (
        ("Sekretaris Daerah Provinsi", "Pemerintah Provinsi"),
        ("Kepala BPSDM Provinsi", "Pemerintah Provinsi"),
    ),
    SpeakerLevel.DAERAH: (
        ("Wali Kota", "Pemerintah Kota"),
        ("Sekretaris Daerah", "Pemerintah Kota"),
        ("Kepala BKPSDM", "Pemerintah Kota"),
    ),
    SpeakerLevel.TNI_POLRI: (
        ("Komandan Pusat Pendidikan", "TNI Angkatan Darat"),
        ("Perwira Pelatih", "Kepolisian Negara Republik Indonesia"),
    ),
    SpeakerLevel.NON_GOVERNMENT: (
        ("Dosen Manajemen Publik", "Universitas Negeri"),
        ("Motivator", "Lembaga Pelatihan Swasta"),
    ),
}

_TITLES: Final = {
    SessionKind.OPENING: ("Apel pembukaan", "Apel pagi"),
    SessionKind.LECTURE: ("Materi kepemimpinan", "Materi percepatan RPJMD"),
    SessionKind.GROUP_DISCUSSION: ("Diskusi kelompok", "Pemetaan masalah lintas OPD"),
    SessionKind.TEAM_BUILDING: ("Team building", "Outbound"),
    SessionKind.PHYSICAL_TRAINING: ("Senam pagi", "Latihan baris-berbaris"),
    SessionKind.REFLECTION: ("Refleksi kepemimpinan",),
    SessionKind.MOTIVATION: ("Sesi motivasi",),
    SessionKind.SOCIAL_ACTION: ("Penanaman pohon", "Aksi sosial"),
    SessionKind.WORSHIP: ("Ibadah bersama",),
    SessionKind.MEAL_BREAK: ("Makan siang", "Rehat kopi"),
    SessionKind.EVALUATION: ("Pre-test", "Post-test"),
    SessionKind.CLOSING: ("Apel penutupan",),
}
_THEMES: Final = (
    "integritas",
    "manajemen perubahan",
    "antikorupsi",
    "RPJMD",
    "Asta Cita",
    "wawasan kebangsaan",
    "pelayanan publik",
)
_VALUES: Final = tuple(BerAkhlak)
_RETREAT_TITLES: Final = (
    "Leadership dan Penguatan Teamwork Building",
    "Pembekalan Transformasi Birokrasi",
    "Retret ASN",
)

# Eligibility presets in the spirit of the 2025 city retreats (sources: city-retreats):
# every echelon official from lurah (IV.a) to Sekda (II.a); eselon II and III.a heads;
# the managerial families; the heads of kecamatan and kelurahan.
_ELIGIBILITIES: Final = (
    Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.II_A),
    Eligibility(eselon_min=Eselon.III_A, eselon_max=Eselon.II_A, heads_only=True),
    Eligibility(families=(PositionFamily.JPT_PRATAMA, PositionFamily.ADMINISTRATOR)),
    Eligibility(unit_kinds=(UnitKind.KECAMATAN, UnitKind.KELURAHAN), heads_only=True),
)

# The local day is cut into hour-long blocks, 07:00-21:00 (minutes after midnight).
_FIRST_HOUR: Final = 7
_LAST_HOUR: Final = 21
_BLOCKS: Final = tuple((hour * 60, hour * 60 + 60) for hour in range(_FIRST_HOUR, _LAST_HOUR))
# The Friday prayer block, 11:30-13:00 local time: the 90-minute Friday break of
# Perpres 21/2023 Pasal 4(5) at the clock position of Keppres 68/1995 (sources: friday-prayer).
_FRIDAY_BLOCK: Final = (11 * 60 + 30, 13 * 60)
_FRIDAY: Final = 4  # date.weekday()
# A session starts 0, 15 or 30 minutes into its first block and ends 0 or 15 minutes
# before the end of its last one.
_START_OFFSETS: Final = (0, 15, 30)
_END_TRIMS: Final = (0, 15)
_MAX_BLOCKS: Final = 2  # the longest session spans two blocks
_MAX_SPEAKERS_PER_SESSION: Final = 2
# Closing ceremonies start in the afternoon (block 15:00 onwards).
_CLOSING_FROM: Final = 15 * 60

# Retreat dates: from 2025 (the first city retreats, sources: city-retreats) to 2027.
_FIRST_DAY: Final = dt.date(2025, 1, 1)
_LAST_DAY: Final = dt.date(2027, 12, 31)
_MAX_DAYS: Final = 14
_DEFAULT_EXTRA_SESSIONS: Final = 8


@functools.cache
def _indices(count: int, max_size: int | None) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(min_value=0, max_value=count - 1), max_size=max_size, unique=True)


def _some(draw: st.DrawFn, options: Sequence[_T], max_size: int | None = None) -> list[_T]:
    """Distinct items of ``options``, at most ``max_size``, in drawn order (shrinks to none)."""
    return [options[i] for i in draw(_indices(len(options), max_size))] if options else []


def _slugs() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


def _check_range(name: str, low: int, high: int, *, floor: int) -> None:
    if low < floor:
        msg = f"{name}: the minimum ({low}) must be at least {floor}"
        raise InvalidArgument(msg)
    if low > high:
        msg = f"{name}: the minimum ({low}) is above the maximum ({high})"
        raise InvalidArgument(msg)


def _blocks_of(day: dt.date) -> tuple[int, ...]:
    """The indices of the blocks a session may use on ``day`` (Friday: not at prayer)."""
    if day.weekday() != _FRIDAY:
        return tuple(range(len(_BLOCKS)))
    low, high = _FRIDAY_BLOCK
    return tuple(i for i, (start, end) in enumerate(_BLOCKS) if end <= low or start >= high)


def _at(day: dt.date, minutes: int, zone: str) -> pendulum.DateTime:
    hour, minute = divmod(minutes, 60)
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)


@st.composite
def _venue(
    draw: st.DrawFn, kinds: st.SearchStrategy[VenueKind], min_rooms: int, max_rooms: int
) -> Venue:
    code, city = draw(st.sampled_from(_PLACES))
    kind = draw(kinds)
    capacity = draw(st.integers(min_value=20, max_value=400))
    count = draw(st.integers(min_value=min_rooms, max_value=max_rooms))
    rooms = tuple(
        Room(
            id=f"r{number}",
            name=f"{draw(st.sampled_from(_ROOM_NAMES))} {number}",
            capacity=draw(st.integers(min_value=10, max_value=capacity)),
        )
        for number in range(1, count + 1)
    )
    return Venue(
        id=draw(_slugs()),
        name=draw(st.sampled_from(_VENUE_NAMES[kind])).format(city),
        kind=kind,
        kode=KodeWilayah(code=code),
        capacity=capacity,
        rooms=rooms,
    )


def venues(
    *,
    kinds: st.SearchStrategy[VenueKind] | None = None,
    min_rooms: int = 1,
    max_rooms: int = 4,
) -> st.SearchStrategy[Venue]:
    """Generate venues (tempat retret) in real kota of every Indonesian time zone.

    The kode wilayah is a real kota (Malang, Batu, Bandung and Pontianak in WIB, Kendari
    in WITA, Jayapura in WIT), so the venue's time zone follows from it; the names are
    invented. Rooms have ids ``r1``, ``r2``... and capacities up to the venue's.

    Args:
        kinds: A strategy for the venue kind (default: any).
        min_rooms: At least this many rooms (0 or more).
        max_rooms: At most this many rooms.

    Returns:
        A strategy for `Venue` values.

    Raises:
        InvalidArgument: If ``min_rooms`` is negative or above ``max_rooms``.

    Examples:
        >>> from hypothesis import given
        >>> @given(venues(kinds=st.just(VenueKind.OUTDOOR), min_rooms=2))
        ... def check(venue):
        ...     assert venue.kind is VenueKind.OUTDOOR and len(venue.rooms) >= 2
        ...     assert all(room.capacity <= venue.capacity for room in venue.rooms)
        >>> check()
    """
    _check_range("venues: rooms", min_rooms, max_rooms, floor=0)
    return _venue(st.sampled_from(VenueKind) if kinds is None else kinds, min_rooms, max_rooms)


@st.composite
def _window(draw: st.DrawFn) -> Window:
    start = draw(
        st.datetimes(
            min_value=dt.datetime(2025, 1, 1),  # noqa: DTZ001  # a naive bound: local wall time
            max_value=dt.datetime(2027, 12, 31),  # noqa: DTZ001  # same
        )
    )
    zone = draw(st.sampled_from(INDONESIAN_TIMEZONES))
    begin = pendulum.instance(start.replace(second=0, microsecond=0), tz=zone)
    return Window(start=begin, end=begin.add(hours=draw(st.integers(min_value=1, max_value=96))))


def _availabilities() -> st.SearchStrategy[tuple[Window, ...]]:
    return st.lists(_window(), max_size=2).map(tuple)


def _make_speaker(
    draw: st.DrawFn, speaker_id: str, level: SpeakerLevel, availability: tuple[Window, ...]
) -> Speaker:
    role, institution = draw(st.sampled_from(_ROLES[level]))
    name = (
        f"{draw(st.sampled_from(_HONORIFICS))}"
        f"{draw(st.sampled_from(_GIVEN))} {draw(st.sampled_from(_FAMILY))}"
    )
    return Speaker(
        id=speaker_id,
        name=name,
        role=role,
        institution=institution,
        level=level,
        availability=availability,
    )


@st.composite
def _speaker(
    draw: st.DrawFn,
    levels: st.SearchStrategy[SpeakerLevel],
    availability: st.SearchStrategy[tuple[Window, ...]],
) -> Speaker:
    return _make_speaker(draw, draw(_slugs()), draw(levels), draw(availability))


def speakers(
    *,
    levels: st.SearchStrategy[SpeakerLevel] | None = None,
    availability: st.SearchStrategy[tuple[Window, ...]] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Generate narasumber (invited speakers) with synthetic names and generic public roles.

    Names are drawn from common Indonesian names (they name no one); the role and
    institution fit the level (a ministry for ``pusat``, the city for ``daerah``...).

    Args:
        levels: A strategy for the speaker's level (default: any).
        availability: A strategy for the availability windows (default: none, meaning
            always available, or one or two windows of 1 to 96 hours in an Indonesian
            time zone, 2025-2027).

    Returns:
        A strategy for `Speaker` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(speakers(levels=st.just(SpeakerLevel.PUSAT), availability=st.just(())))
        ... def check(speaker):
        ...     assert speaker.level is SpeakerLevel.PUSAT and speaker.availability == ()
        >>> check()
    """
    return _speaker(
        st.sampled_from(SpeakerLevel) if levels is None else levels,
        _availabilities() if availability is None else availability,
    )


def _content(
    draw: st.DrawFn,
    *,
    session_id: str,
    kind: SessionKind,
    times: tuple[pendulum.DateTime, pendulum.DateTime],
    room: str | None,
    speaker_ids: tuple[str, ...] = (),
) -> Session:
    """A session with drawn descriptive fields: title, themes, values, mandatory."""
    return Session(
        id=session_id,
        title=draw(st.sampled_from(_TITLES[kind])),
        kind=kind,
        start=times[0],
        end=times[1],
        room=room,
        speakers=speaker_ids,
        themes=tuple(_some(draw, _THEMES, 2)),
        values=tuple(_some(draw, _VALUES, 3)),
        mandatory=kind is not SessionKind.MEAL_BREAK and draw(st.booleans()),
    )


def _span(
    draw: st.DrawFn, day: dt.date, blocks: Sequence[int], offsets: Sequence[int] = _START_OFFSETS
) -> tuple[int, int, int, int]:
    """Draw consecutive blocks of ``day`` and the minutes a session spans in them.

    Returns (first block, last block, start minute, end minute), local minutes.
    """
    allowed = _blocks_of(day)
    first = draw(st.sampled_from(blocks))
    last = first
    length = draw(st.integers(min_value=1, max_value=_MAX_BLOCKS))
    # Blocks are consecutive when both are allowed (a Friday has a gap at prayer time).
    while last - first + 1 < length and last + 1 in allowed:
        last += 1
    start = _BLOCKS[first][0] + draw(st.sampled_from(offsets))
    end = _BLOCKS[last][1] - draw(st.sampled_from(_END_TRIMS))
    return first, last, start, end


@st.composite
def _session(
    draw: st.DrawFn,
    venue: Venue | None,
    day: dt.date | None,
    kinds: st.SearchStrategy[SessionKind],
) -> Session:
    zone = draw(st.sampled_from(INDONESIAN_TIMEZONES)) if venue is None else venue.timezone
    when = draw(dates(min_value=_FIRST_DAY, max_value=_LAST_DAY)) if day is None else day
    _, _, start, end = _span(draw, when, _blocks_of(when))
    if venue is None:
        room = draw(st.one_of(st.none(), _slugs()))
    else:
        ids = [r.id for r in venue.rooms]
        room = draw(st.one_of(st.none(), st.sampled_from(ids))) if ids else None
    times = (_at(when, start, zone), _at(when, end, zone))
    return _content(draw, session_id=draw(_slugs()), kind=draw(kinds), times=times, room=room)


def sessions(
    *,
    venue: Venue | None = None,
    day: dt.date | None = None,
    kinds: st.SearchStrategy[SessionKind] | None = None,
) -> st.SearchStrategy[Session]:
    """Generate sessions (sesi) of an agenda on one local day, between 07:00 and 21:00.

    A session lasts 15 minutes to 2 hours, starts on a quarter hour and, on a Friday,
    keeps clear of the prayer window 11:30-13:00 local time (Perpres 21/2023 Pasal 4(5)
    at the clock position of Keppres 68/1995). It names no speaker: `retreats` builds
    sessions with speakers that exist.

    Args:
        venue: The venue: the session is in its time zone and in one of its rooms or
            none. Without it, the zone is any Indonesian zone and the room a free slug
            or none.
        day: The local calendar day (default: any day of 2025-2027).
        kinds: A strategy for the session kind (default: any).

    Returns:
        A strategy for `Session` values.

    Raises:
        InvalidArgument: If ``venue`` is not a `Venue` or ``day`` is not a plain date.

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import given
        >>> @given(sessions(day=dt.date(2025, 8, 1), kinds=st.just(SessionKind.LECTURE)))
        ... def check(session):
        ...     local = session.start.in_timezone(session.start.timezone_name)
        ...     assert local.date() == dt.date(2025, 8, 1) and local.hour >= 7
        >>> check()
    """
    # Typed callers cannot get these wrong; untyped ones can.
    given_venue: object = venue
    given_day: object = day
    if given_venue is not None and not isinstance(given_venue, Venue):
        msg = f"sessions: venue must be a Venue or None, not {type(given_venue).__name__}"
        raise InvalidArgument(msg)
    if given_day is not None and (
        not isinstance(given_day, dt.date) or isinstance(given_day, dt.datetime)
    ):
        msg = f"sessions: day must be a date, not a {type(given_day).__name__}"
        raise InvalidArgument(msg)
    return _session(venue, day, st.sampled_from(SessionKind) if kinds is None else kinds)


class _Agenda:
    """The occupied blocks of a retreat being laid out: per room and per speaker."""

    def __init__(self, days: Sequence[dt.date], venue: Venue, cast: Sequence[Speaker]) -> None:
        self.days = days
        self.venue = venue
        self.cast = cast
        self.rooms: set[tuple[int, int, str]] = set()
        self.speakers: set[tuple[int, int, str]] = set()
        self.sessions: list[Session] = []

    def place(
        self,
        draw: st.DrawFn,
        kind: SessionKind,
        day_index: int,
        blocks: Sequence[int],
        offsets: Sequence[int] = _START_OFFSETS,
    ) -> None:
        """Draw a session of ``kind`` on a day; give it a free room and free speakers."""
        day = self.days[day_index]
        first, last, start_minute, end_minute = _span(draw, day, blocks, offsets)
        covered = range(first, last + 1)
        zone = self.venue.timezone
        start, end = _at(day, start_minute, zone), _at(day, end_minute, zone)
        rooms = [room.id for room in self.venue.rooms]
        # A wish of len(rooms) means no room (outdoors); otherwise the wished room if
        # free, else the next free one in turn, else none.
        wished = draw(st.integers(min_value=0, max_value=len(rooms)))
        candidates = rooms[wished:] + rooms[:wished] if wished < len(rooms) else []
        room = next(
            (
                room_id
                for room_id in candidates
                if all((day_index, block, room_id) not in self.rooms for block in covered)
            ),
            None,
        )
        if room is not None:
            self.rooms.update((day_index, block, room) for block in covered)
        chosen: list[str] = []
        for speaker in _some(draw, self.cast, _MAX_SPEAKERS_PER_SESSION):
            free = all((day_index, block, speaker.id) not in self.speakers for block in covered)
            if free and speaker.available(start, end):
                chosen.append(speaker.id)
                self.speakers.update((day_index, block, speaker.id) for block in covered)
        self.sessions.append(
            _content(
                draw,
                session_id="pending",
                kind=kind,
                times=(start, end),
                room=room,
                speaker_ids=tuple(chosen),
            )
        )


@functools.cache
def _holidays() -> frozenset[dt.date]:
    """National holidays and cuti bersama of the retreat years, the days RET010 warns about."""
    from birokrasi_retreat.calendar import holidays_between  # noqa: PLC0415  # on first use only

    return frozenset(holiday.date for holiday in holidays_between(_FIRST_DAY, _LAST_DAY))


@functools.cache
def _first_days(days: int) -> tuple[dt.date, ...]:
    """The first days of ``days``-day retreats that meet no holiday."""
    off = _holidays()
    count = (_LAST_DAY - _FIRST_DAY).days - days + 2
    starts = (_FIRST_DAY + dt.timedelta(days=offset) for offset in range(count))
    return tuple(
        first
        for first in starts
        if not any(first + dt.timedelta(days=n) in off for n in range(days))
    )


def _availability_in(draw: st.DrawFn, days: Sequence[dt.date], zone: str) -> tuple[Window, ...]:
    """No window (always available) or one window over some retreat days, in any zone."""
    if draw(st.booleans()):
        return ()
    first = draw(st.integers(min_value=0, max_value=len(days) - 1))
    last = draw(st.integers(min_value=first, max_value=len(days) - 1))
    shown_in = draw(st.sampled_from(INDONESIAN_TIMEZONES))
    start = _at(days[first], _FIRST_HOUR * 60, zone).in_timezone(shown_in)
    end = _at(days[last], _LAST_HOUR * 60, zone).in_timezone(shown_in)
    return (Window(start=start, end=end),)


def _enrollment_statuses(status: RetreatStatus) -> tuple[EnrollmentStatus, ...]:
    if status is RetreatStatus.HELD:
        return (EnrollmentStatus.ATTENDED, EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT)
    return (EnrollmentStatus.INVITED, EnrollmentStatus.CONFIRMED, EnrollmentStatus.EXCUSED)


def _enrollments(
    draw: st.DrawFn, limit: int, status: RetreatStatus, agenda: Sequence[Session]
) -> tuple[Enrollment, ...]:
    """At most ``limit`` people (enrolled and substitutes), each NIP once."""
    numbers = [
        n.number for n in draw(st.lists(nips(), max_size=limit, unique_by=lambda n: n.number))
    ]
    mandatory = tuple(s.id for s in agenda if s.mandatory)
    optional = [s.id for s in agenda if not s.mandatory]
    result: list[Enrollment] = []
    while numbers:
        number = numbers.pop()
        state = draw(st.sampled_from(_enrollment_statuses(status)))
        substitute = None
        if state is EnrollmentStatus.EXCUSED and numbers and draw(st.booleans()):
            substitute = numbers.pop()
        attended: tuple[str, ...] = ()
        if state is EnrollmentStatus.ATTENDED:
            attended = mandatory + tuple(_some(draw, optional))
        result.append(
            Enrollment(nip=number, status=state, attended_sessions=attended, substitute=substitute)
        )
    return tuple(result)


@st.composite
def _retreat(
    draw: st.DrawFn,
    *,
    min_sessions: int,
    max_sessions: int | None,
    min_days: int,
    max_days: int,
    venue_strategy: st.SearchStrategy[Venue],
    statuses: st.SearchStrategy[RetreatStatus],
    max_speakers: int,
    max_enrollments: int,
) -> Retreat:
    host = draw(pemdas())
    venue = draw(venue_strategy)
    zone = venue.timezone
    top_days = max_days if max_sessions is None else min(max_days, max_sessions)
    length = draw(st.integers(min_value=min_days, max_value=top_days))
    first = draw(st.sampled_from(_first_days(length)))
    days = [first + dt.timedelta(days=offset) for offset in range(length)]
    needed = max(min_sessions, 2, length)
    top = needed + _DEFAULT_EXTRA_SESSIONS if max_sessions is None else max_sessions
    count = draw(st.integers(min_value=needed, max_value=top))

    cast = [
        _make_speaker(
            draw,
            f"narasumber-{n}",
            draw(st.sampled_from(SpeakerLevel)),
            _availability_in(draw, days, zone),
        )
        for n in range(1, draw(st.integers(min_value=0, max_value=max_speakers)) + 1)
    ]
    agenda = _Agenda(days, venue, cast)
    # The opening apel at 07:00 on day 1; the closing in the afternoon of the last day;
    # a session on every day between; the rest anywhere.
    agenda.place(draw, SessionKind.OPENING, 0, _blocks_of(days[0])[:1], offsets=(0,))
    last = len(days) - 1
    afternoon = [b for b in _blocks_of(days[last]) if _BLOCKS[b][0] >= _CLOSING_FROM]
    agenda.place(draw, SessionKind.CLOSING, last, afternoon)
    for day_index in range(1, last):
        kind = draw(st.sampled_from(SessionKind))
        agenda.place(draw, kind, day_index, _blocks_of(days[day_index]))
    for _ in range(count - len(agenda.sessions)):
        kind = draw(st.sampled_from(SessionKind))
        day_index = draw(st.integers(min_value=0, max_value=last))
        agenda.place(draw, kind, day_index, _blocks_of(days[day_index]))

    # In time order, the opening first among sessions starting at 07:00 on day 1.
    ordered = sorted(
        agenda.sessions,
        key=lambda s: (s.start, s.kind is not SessionKind.OPENING, s.end, s.room or ""),
    )
    agenda_sessions = tuple(
        attrs.evolve(s, id=f"sesi-{number}") for number, s in enumerate(ordered, start=1)
    )
    status = draw(statuses)
    limit = min([max_enrollments, venue.capacity, *(room.capacity for room in venue.rooms)])
    return Retreat(
        id=f"retret-{host.kode.code.replace('.', '')}-{first:%Y%m%d}",
        host=host,
        title=f"{draw(st.sampled_from(_RETREAT_TITLES))} {host.name}",
        venue=venue,
        start=agenda_sessions[0].start,
        end=max(s.end for s in agenda_sessions),
        nights=length - 1,
        theme=draw(st.one_of(st.none(), st.sampled_from(_THEMES))),
        objectives=tuple(_some(draw, _THEMES, 2)),
        sessions=agenda_sessions,
        speakers=tuple(cast),
        eligibility=draw(st.sampled_from(_ELIGIBILITIES)),
        enrollments=_enrollments(draw, limit, status, agenda_sessions),
        status=status,
        organiser=draw(st.sampled_from((None, "bkpsdm"))),
    )


def retreats(
    *,
    min_sessions: int = 1,
    max_sessions: int | None = None,
    min_days: int = 1,
    max_days: int = 4,
    venues: st.SearchStrategy[Venue] | None = None,
    statuses: st.SearchStrategy[RetreatStatus] | None = None,
    max_speakers: int = 4,
    max_enrollments: int = 8,
) -> st.SearchStrategy[Retreat]:
    """Generate retret ASN programmes that are conflict-free: no RET rule finds an error.

    A generated retreat has a host kota, a venue, ``min_days`` to ``max_days`` local
    days with one night fewer, an opening apel at 07:00 on the first day, a closing
    session in the afternoon of the last, and a session on every day. Sessions lie in
    the retreat's period, 07:00-21:00 in the venue's time zone; no two overlap in one
    room; no speaker is double-booked or outside their availability (windows may be
    written in another Indonesian zone); every speaker and room named exists; no Friday
    session meets the prayer window 11:30-13:00; the days avoid national holidays and
    cuti bersama (`birokrasi_retreat.calendar.holidays_between`, which rule RET010
    reads). Enrolled people and substitutes are distinct synthetic NIPs, no more than
    the venue and its smallest room hold; for a held retreat, attendees attended every
    mandatory session.

    Since an opening and a closing session are always there, a retreat has at least
    ``max(2, days)`` sessions whatever ``min_sessions`` says.

    Args:
        min_sessions: At least this many sessions (at least 1).
        max_sessions: At most this many sessions (at least 2); None: up to 8 more than
            the minimum.
        min_days: At least this many days (at least 1).
        max_days: At most this many days (at most 14).
        venues: A strategy for the venue (default: `venues`).
        statuses: A strategy for the status (default: any).
        max_speakers: At most this many speakers.
        max_enrollments: At most this many enrollments.

    Returns:
        A strategy for `Retreat` values.

    Raises:
        InvalidArgument: If a bound is out of range or the bounds are inconsistent.

    Examples:
        >>> from hypothesis import given
        >>> @given(retreats(max_sessions=6, max_days=2))
        ... def check(retreat):
        ...     assert retreat.nights == len(retreat.days) - 1 <= 1
        ...     assert retreat.sessions[0].kind is SessionKind.OPENING
        >>> check()
    """
    _check_range("retreats: sessions", min_sessions, max_sessions or min_sessions, floor=1)
    _check_range("retreats: days", min_days, max_days, floor=1)
    if max_days > _MAX_DAYS:
        msg = f"retreats: max_days={max_days} is above {_MAX_DAYS}"
        raise InvalidArgument(msg)
    if max_sessions is not None and max_sessions < max(2, min_days):
        msg = (
            f"retreats: max_sessions={max_sessions} leaves no room for an opening and a "
            f"closing session and one session a day over at least {min_days} days"
        )
        raise InvalidArgument(msg)
    for name, value in (("max_speakers", max_speakers), ("max_enrollments", max_enrollments)):
        if value < 0:
            msg = f"retreats: {name}={value} is negative"
            raise InvalidArgument(msg)
    return _retreat(
        min_sessions=min_sessions,
        max_sessions=max_sessions,
        min_days=min_days,
        max_days=max_days,
        venue_strategy=_venue(st.sampled_from(VenueKind), 1, 4) if venues is None else venues,
        statuses=st.sampled_from(RetreatStatus) if statuses is None else statuses,
        max_speakers=max_speakers,
        max_enrollments=max_enrollments,
    )
