"""Retreat: a retret ASN programme, its venue, agenda, speakers, eligibility and enrollment.

A `Retreat` is what a Pemda (usually through its BKPSDM) runs for its officials: a few
days at a `Venue` (a military academy or training centre, a campus, a botanical garden
or outdoor camp...), an agenda of `Session` s (opening apel, lectures by narasumber,
group discussions, team building, physical training, reflection, tree planting,
closing), the `Speaker` s invited, who may take part (`Eligibility`, declarative and
evaluated against a `birokrasi_retreat.roster.Roster`), and who was invited and came
(`Enrollment`).

Times are timezone-aware `pendulum.DateTime` values; a venue's time zone follows from its
kode wilayah (WIB, WITA or WIT, Keppres 41/1987). A session that ends before it starts,
or a naive time, cannot be built. Rules across objects (two sessions in one room at once,
a speaker double-booked, a retreat day on cuti bersama) are checked by
`birokrasi_retreat.validation` as RET rules.

Examples:
    >>> import pendulum
    >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
    >>> venue = Venue(id="poltekad", name="Politeknik Angkatan Darat", kind=VenueKind.MILITARY,
    ...               kode=KodeWilayah(code="35.79.03"), capacity=150,
    ...               rooms=(Room(id="aula", name="Aula", capacity=150),))
    >>> venue.timezone
    'Asia/Jakarta'
    >>> apel = Session(id="apel", title="Apel pembukaan", kind=SessionKind.OPENING,
    ...                start=pendulum.datetime(2025, 5, 15, 7, 0, tz="Asia/Jakarta"),
    ...                end=pendulum.datetime(2025, 5, 15, 8, 0, tz="Asia/Jakarta"), room="aula")
    >>> apel.duration.in_minutes()
    60
"""

from __future__ import annotations

import enum

from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.errors import (
    InvalidComponent,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import Pemda, UnitKind
from birokrasi_retreat.ranks import AsnType, Eselon, PositionFamily
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "Eligibility",
    "Enrollment",
    "EnrollmentStatus",
    "Retreat",
    "RetreatStatus",
    "Room",
    "Session",
    "SessionKind",
    "Speaker",
    "SpeakerLevel",
    "Venue",
    "VenueKind",
    "Window",
]

_Item = TypeVar("_Item", "Room", "Session", "Speaker")


def _positive(_inst: object, attribute: attrs.Attribute[int], value: object) -> None:
    if _fields.check_integer(value, attribute.name) < 1:
        raise InvalidComponent(
            "retreat.not_positive", path=attribute.name, field=attribute.name, value=value
        )


def _nights(_inst: object, attribute: attrs.Attribute[int], value: object) -> None:
    # A coded error, not attrs' instance_of TypeError; a bool is not a number of nights.
    if _fields.check_integer(value, attribute.name) < 0:
        raise InvalidComponent("retreat.nights", path=attribute.name, value=str(value))


def _compact_nip(value: str) -> str:
    return _fields.compact_nip(value, "nip")


def _compact_substitute(value: str | None) -> str | None:
    return None if value is None else _fields.compact_nip(value, "substitute")


def _check_end(start: pendulum.DateTime, end: pendulum.DateTime) -> None:
    if end <= start:
        raise InvalidComponent("retreat.end_before_start", path="end")


def _by_id(items: Iterable[_Item], field: str) -> dict[str, _Item]:
    # The ids must be unique; the index makes room(), session() and speaker() O(1).
    return _fields.by_id(items, field, "retreat.duplicate_id")


class VenueKind(enum.StrEnum):
    """Kind of venue a retreat is held at (as the 2025 city retreats show).

    Examples:
        >>> VenueKind("outdoor")
        <VenueKind.OUTDOOR: 'outdoor'>
    """

    # A military academy or training centre: Akmil, Poltekad, Pusdikter, Rindam.
    MILITARY = "military"
    # A campus, e.g. IPDN Jatinangor.
    CAMPUS = "campus"
    # A botanical garden or outdoor camp, e.g. Kebun Raya Kendari.
    OUTDOOR = "outdoor"
    # A hotel or resort.
    HOTEL = "hotel"
    # A government office or training centre of the Pemda.
    GOVERNMENT_OFFICE = "government_office"
    # Anything else.
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Room:
    """A room (or field) of a venue where sessions are held.

    Attributes:
        id: Your key for the room, unique in its venue.
        name: Its name, e.g. "Aula Utama".
        capacity: How many people it holds.

    Examples:
        >>> Room(id="aula", name="Aula", capacity=120).capacity
        120
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    capacity: int = attrs.field(validator=_positive)


@attrs.frozen(kw_only=True)
class Venue:
    """The place of a retreat; its time zone follows from its kode wilayah.

    Attributes:
        id: Your key for the venue.
        name: Its name, e.g. "Kebun Raya Kendari".
        kind: The kind of venue.
        kode: Where it is: a kode wilayah at any level below the province.
        capacity: How many participants it can host.
        rooms: Its rooms, with their capacities.

    Examples:
        >>> kebun = Venue(id="kebun-raya", name="Kebun Raya Kendari", kind=VenueKind.OUTDOOR,
        ...               kode=KodeWilayah(code="74.71"), capacity=100)
        >>> kebun.timezone, kebun.timezone_label
        ('Asia/Makassar', 'WITA')
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    kind: VenueKind = attrs.field(validator=_fields.instance_of(VenueKind))
    kode: KodeWilayah = attrs.field(validator=_fields.instance_of(KodeWilayah))
    capacity: int = attrs.field(validator=_positive)
    rooms: tuple[Room, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Room)
    )
    _rooms: dict[str, Room] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_rooms", _by_id(self.rooms, "rooms"))

    @property
    def timezone(self) -> str:
        """The IANA time zone of the venue (from its province, Keppres 41/1987).

        Examples:
            >>> Venue(id="v", name="IPDN", kind=VenueKind.CAMPUS, kode=KodeWilayah(code="32.11"),
            ...       capacity=90).timezone
            'Asia/Jakarta'
        """
        return self.kode.timezone

    @property
    def timezone_label(self) -> str:
        """WIB, WITA or WIT.

        Examples:
            >>> Venue(id="v", name="Kebun Raya", kind=VenueKind.OUTDOOR,
            ...       kode=KodeWilayah(code="74.71"), capacity=90).timezone_label
            'WITA'
        """
        return self.kode.timezone_label

    def room(self, room_id: str) -> Room | None:
        """The room with this id, or None.

        Examples:
            >>> Venue(id="v", name="V", kind=VenueKind.HOTEL, kode=KodeWilayah(code="35.73"),
            ...       capacity=9, rooms=(Room(id="a", name="A", capacity=9),)).room("a").name
            'A'
        """
        return self._rooms.get(room_id)


class SpeakerLevel(enum.StrEnum):
    """Where a narasumber (speaker) comes from.

    Examples:
        >>> SpeakerLevel.PUSAT.value
        'pusat'
    """

    # Central government: a ministry or national agency (Kemendagri, BKN, KPK, LAN).
    PUSAT = "pusat"
    # Provincial government (Wakil Gubernur, Sekda Provinsi).
    PROVINSI = "provinsi"
    # The host Pemda itself (Wali Kota, Sekda).
    DAERAH = "daerah"
    # The armed forces or police (TNI, Polri), often at military venues.
    TNI_POLRI = "tni_polri"
    # Academics, motivators, professionals.
    NON_GOVERNMENT = "non_government"


@attrs.frozen(kw_only=True)
class Window:
    """A period of availability, from ``start`` to ``end`` (aware times).

    Examples:
        >>> w = Window(start=pendulum.datetime(2025, 5, 15, 8, tz="Asia/Jakarta"),
        ...            end=pendulum.datetime(2025, 5, 15, 12, tz="Asia/Jakarta"))
        >>> w.contains(pendulum.datetime(2025, 5, 15, 9, tz="Asia/Jakarta"),
        ...            pendulum.datetime(2025, 5, 15, 10, tz="Asia/Jakarta"))
        True
    """

    start: pendulum.DateTime = attrs.field(validator=_fields.aware)
    end: pendulum.DateTime = attrs.field(validator=_fields.aware)

    def __attrs_post_init__(self) -> None:
        _check_end(self.start, self.end)

    def contains(self, start: pendulum.DateTime, end: pendulum.DateTime) -> bool:
        """Whether ``start``-``end`` lies inside the window.

        Examples:
            >>> morning = Window(start=pendulum.datetime(2025, 5, 15, 8, tz="Asia/Jakarta"),
            ...                  end=pendulum.datetime(2025, 5, 15, 12, tz="Asia/Jakarta"))
            >>> lunch = pendulum.datetime(2025, 5, 15, 12, tz="Asia/Jakarta")
            >>> morning.contains(lunch.subtract(hours=1), lunch)
            True
            >>> morning.contains(lunch, lunch.add(hours=1))
            False
        """
        return self.start <= start and end <= self.end


@attrs.frozen(kw_only=True)
class Speaker:
    """Narasumber: an invited speaker, a public figure with a public role.

    Attributes:
        id: Your key for the speaker.
        name: The speaker's name.
        role: The public role, e.g. "Kepala BPSDM Kemendagri".
        institution: The institution, e.g. "Kementerian Dalam Negeri".
        level: Where the speaker comes from.
        availability: When the speaker can speak; empty means no constraint is known.

    Examples:
        >>> Speaker(id="sugeng", name="Sugeng Haryono", role="Kepala BPSDM Kemendagri",
        ...         institution="Kementerian Dalam Negeri", level=SpeakerLevel.PUSAT).level
        <SpeakerLevel.PUSAT: 'pusat'>
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    role: str = _fields.text_field()
    institution: str = _fields.text_field()
    level: SpeakerLevel = attrs.field(validator=_fields.instance_of(SpeakerLevel))
    availability: tuple[Window, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Window)
    )

    def available(self, start: pendulum.DateTime, end: pendulum.DateTime) -> bool:
        """Whether the speaker can speak from ``start`` to ``end``.

        Examples:
            >>> s = Speaker(id="s", name="S", role="R", institution="I", level=SpeakerLevel.DAERAH)
            >>> day = pendulum.datetime(2025, 1, 1, tz="UTC")
            >>> s.available(day, day.add(hours=1))
            True
        """
        return not self.availability or any(w.contains(start, end) for w in self.availability)


class SessionKind(enum.StrEnum):
    """What happens in a session of a retreat (as the 2025 city retreats report).

    Examples:
        >>> SessionKind.SOCIAL_ACTION.value
        'social_action'
    """

    # Opening ceremony or morning apel (assembly).
    OPENING = "opening"
    # A lecture by a narasumber.
    LECTURE = "lecture"
    # Group discussion: mapping field problems, cross-OPD solutions.
    GROUP_DISCUSSION = "group_discussion"
    # Team building and outbound.
    TEAM_BUILDING = "team_building"
    # Physical training, marching drill (baris-berbaris), morning exercise.
    PHYSICAL_TRAINING = "physical_training"
    # Leadership reflection.
    REFLECTION = "reflection"
    # Motivation.
    MOTIVATION = "motivation"
    # Social action, e.g. tree planting.
    SOCIAL_ACTION = "social_action"
    # Worship.
    WORSHIP = "worship"
    # Meal or break.
    MEAL_BREAK = "meal_break"
    # Evaluation or test (pre/post test).
    EVALUATION = "evaluation"
    # Closing ceremony.
    CLOSING = "closing"


@attrs.frozen(kw_only=True)
class Session:
    """One item of a retreat's agenda.

    Attributes:
        id: Your key for the session, unique in its retreat.
        title: Its title.
        kind: What happens in it.
        start: When it starts (aware).
        end: When it ends (aware, after ``start``).
        room: The id of the venue's room, if it uses one.
        speakers: The ids of its speakers (narasumber).
        themes: Free topics, e.g. "integritas", "manajemen perubahan".
        values: The BerAKHLAK values it addresses.
        mandatory: Whether every participant must attend.

    Examples:
        >>> Session(id="s", title="Materi", kind=SessionKind.LECTURE,
        ...         start=pendulum.datetime(2025, 5, 15, 9, tz="Asia/Jakarta"),
        ...         end=pendulum.datetime(2025, 5, 15, 8, tz="Asia/Jakarta"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: ... [retreat.end_before_start] @ $.end
    """

    id: str = _fields.id_field()
    title: str = _fields.text_field()
    kind: SessionKind = attrs.field(validator=_fields.instance_of(SessionKind))
    start: pendulum.DateTime = attrs.field(validator=_fields.aware)
    end: pendulum.DateTime = attrs.field(validator=_fields.aware)
    room: str | None = attrs.field(default=None, validator=_fields.optional_text)
    speakers: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.texts
    )
    themes: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.texts
    )
    values: tuple[BerAkhlak, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(BerAkhlak)
    )
    mandatory: bool = attrs.field(default=True, validator=_fields.boolean)

    def __attrs_post_init__(self) -> None:
        _check_end(self.start, self.end)

    @property
    def duration(self) -> pendulum.Duration:
        """How long the session lasts.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> lecture = samples.load("malang").retreat.session("kuliah-bkn")
            >>> lecture.duration.in_minutes()
            90
        """
        return self.end - self.start


class RetreatStatus(enum.StrEnum):
    """Where a retreat stands.

    Examples:
        >>> RetreatStatus.HELD.value
        'held'
    """

    # Announced, not yet held.
    PLANNED = "planned"
    # Held: attendance can be checked.
    HELD = "held"
    # Called off.
    CANCELLED = "cancelled"


def _numbers(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """An array of NIP or NI PPPK, each valid in one of its layouts, at ``field[index]``."""
    _fields.check_array(value, attribute.name)
    for index, number in enumerate(value):
        _fields.check_number(number, f"{attribute.name}[{index}]")


@attrs.frozen(kw_only=True)
class Eligibility:
    """Who may take part: declarative selectors, evaluated against a roster on a date.

    An official is eligible when some post they hold on the date matches every selector
    given (families, eselon range, unit kinds, heads only), or when their NIP is in
    ``include``; a NIP in ``exclude`` is never eligible. With no selector at all, nobody
    is eligible but those included by NIP.

    Attributes:
        families: Position families that qualify (empty: any).
        eselon_min: The most junior eselon that qualifies (e.g. ``IV.a`` for lurah).
        eselon_max: The most senior eselon that qualifies (e.g. ``II.a`` for the Sekda).
        unit_kinds: Kinds of unit whose posts qualify (empty: any).
        heads_only: Only posts heading their unit qualify.
        include: NIPs always eligible.
        exclude: NIPs never eligible.

    Examples:
        >>> structural = Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.II_A)
        >>> structural.selects_posts
        True
    """

    families: tuple[PositionFamily, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(PositionFamily)
    )
    eselon_min: Eselon | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(Eselon)
    )
    eselon_max: Eselon | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(Eselon)
    )
    unit_kinds: tuple[UnitKind, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(UnitKind)
    )
    heads_only: bool = attrs.field(default=False, validator=_fields.boolean)
    include: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_numbers, repr=False
    )
    exclude: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_numbers, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.eselon_min is not None
            and self.eselon_max is not None
            and self.eselon_min > self.eselon_max
        ):
            raise InvalidComponent("retreat.eselon_range", path="eselon_min")

    @property
    def selects_posts(self) -> bool:
        """Whether any post selector is given (otherwise only ``include`` counts).

        Examples:
            >>> Eligibility().selects_posts
            False
        """
        return bool(
            self.families
            or self.eselon_min is not None
            or self.eselon_max is not None
            or self.unit_kinds
            or self.heads_only
        )


class EnrollmentStatus(enum.StrEnum):
    """Where an official stands with a retreat.

    Examples:
        >>> EnrollmentStatus.EXCUSED.value
        'excused'
    """

    # Invited, no answer yet.
    INVITED = "invited"
    # Confirmed to come.
    CONFIRMED = "confirmed"
    # Came (for a held retreat).
    ATTENDED = "attended"
    # Excused (sick, family event) and possibly replaced by a substitute.
    EXCUSED = "excused"
    # Absent without notice.
    ABSENT = "absent"


@attrs.frozen(kw_only=True)
class Enrollment:
    """An official's enrollment in a retreat and what they attended.

    Attributes:
        nip: The official's NIP or NI PPPK (compact).
        status: Invited, confirmed, attended, excused or absent.
        attended_sessions: The ids of the sessions attended (held retreats).
        substitute: The NIP of the official sent instead, if any.

    Examples:
        >>> e = Enrollment(nip="19860926 201505 1 001", status=EnrollmentStatus.ATTENDED)
        >>> e  # doctest: +ELLIPSIS
        Enrollment(nip='******** ****** * 001', status=<EnrollmentStatus.ATTENDED: 'attended'>, ...)
    """

    nip: str = attrs.field(
        converter=_compact_nip,
        validator=_fields.number,
        repr=lambda n: _privacy.masked_repr(n, AsnType.PNS),
    )
    status: EnrollmentStatus = attrs.field(
        default=EnrollmentStatus.INVITED, validator=_fields.instance_of(EnrollmentStatus)
    )
    attended_sessions: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.texts
    )
    substitute: str | None = attrs.field(
        default=None,
        converter=_compact_substitute,
        validator=attrs.validators.optional(_fields.number),
        repr=lambda n: _privacy.masked_repr(n, AsnType.PNS),
    )


@attrs.frozen(kw_only=True)
class Retreat:
    """Retret ASN: a retreat programme of a Pemda for its officials.

    Attributes:
        id: Your key for the retreat (e.g. ``"malang-2025"``).
        host: The Pemda that holds it.
        title: Its title, e.g. "Leadership dan Penguatan Teamwork Building".
        venue: Where it is held.
        start: When it starts (aware).
        end: When it ends (aware, after ``start``).
        nights: The nights spent ("3 hari 2 malam": 2).
        theme: Its theme, if announced.
        objectives: Its stated objectives.
        sessions: The agenda.
        speakers: The invited narasumber.
        eligibility: Who may take part.
        enrollments: Who was invited, and what they attended.
        status: Planned, held or cancelled.
        organiser: The id of the organising unit in the host's roster (e.g. the BKPSDM).

    Examples:
        >>> from birokrasi_retreat.organization import PemdaKind
        >>> kode = KodeWilayah(code="74.71")
        >>> kendari = Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=kode)
        >>> venue = Venue(id="kebun-raya", name="Kebun Raya Kendari", kind=VenueKind.OUTDOOR,
        ...               kode=KodeWilayah(code="74.71"), capacity=100)
        >>> r = Retreat(id="kendari-2025", host=kendari, title="Retret ASN Kota Kendari",
        ...             venue=venue, nights=2,
        ...             start=pendulum.datetime(2025, 8, 1, 7, tz="Asia/Makassar"),
        ...             end=pendulum.datetime(2025, 8, 3, 17, tz="Asia/Makassar"))
        >>> r.days
        (Date(2025, 8, 1), Date(2025, 8, 2), Date(2025, 8, 3))
    """

    id: str = _fields.id_field()
    host: Pemda = attrs.field(validator=_fields.instance_of(Pemda))
    title: str = _fields.text_field()
    venue: Venue = attrs.field(validator=_fields.instance_of(Venue))
    start: pendulum.DateTime = attrs.field(validator=_fields.aware)
    end: pendulum.DateTime = attrs.field(validator=_fields.aware)
    nights: int = attrs.field(validator=_nights)
    theme: str | None = attrs.field(default=None, validator=_fields.optional_text)
    objectives: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.texts
    )
    sessions: tuple[Session, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Session)
    )
    speakers: tuple[Speaker, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Speaker)
    )
    eligibility: Eligibility = attrs.field(
        factory=Eligibility, validator=_fields.instance_of(Eligibility)
    )
    enrollments: tuple[Enrollment, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Enrollment)
    )
    status: RetreatStatus = attrs.field(
        default=RetreatStatus.PLANNED, validator=_fields.instance_of(RetreatStatus)
    )
    organiser: str | None = attrs.field(default=None, validator=_fields.optional_text)
    _sessions: dict[str, Session] = attrs.field(init=False, repr=False, eq=False)
    _speakers: dict[str, Speaker] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        _check_end(self.start, self.end)
        object.__setattr__(self, "_sessions", _by_id(self.sessions, "sessions"))
        object.__setattr__(self, "_speakers", _by_id(self.speakers, "speakers"))

    @property
    def timezone(self) -> str:
        """The venue's IANA time zone, in which the retreat's days are counted.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> samples.load("malang").retreat.timezone, samples.load("kendari").retreat.timezone
            ('Asia/Jakarta', 'Asia/Makassar')
        """
        return self.venue.timezone

    @property
    def days(self) -> tuple[pendulum.Date, ...]:
        """The calendar days of the retreat in the venue's local time, first to last.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> [day.isoformat() for day in samples.load("malang").retreat.days]
            ['2025-05-15', '2025-05-16', '2025-05-17']
        """
        zone = pendulum.timezone(self.timezone)
        first = self.start.in_timezone(zone).date()
        last = self.end.in_timezone(zone).date()
        return tuple(first.add(days=offset) for offset in range((last - first).days + 1))

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or None.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> retreat = samples.load("malang").retreat
            >>> retreat.session("kuliah-bkn").title, retreat.session("no-such-session")
            ('Manajemen ASN dan percepatan reformasi birokrasi', None)
        """
        return self._sessions.get(session_id)

    def speaker(self, speaker_id: str) -> Speaker | None:
        """The speaker with this id, or None.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> retreat = samples.load("malang").retreat
            >>> retreat.speaker("walikota-malang").name, retreat.speaker("no-such-speaker")
            ('Wahyu Hidayat', None)
        """
        return self._speakers.get(speaker_id)
