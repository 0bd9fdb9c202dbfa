"""Tests for the retreat models (birokrasi_retreat.retreat), BerAKHLAK values and field helpers.

Every invariant of a model is checked with its error code and path; every model
round-trips through dict, JSON, TOML and YAML keeping the zone names of its times; a
retreat's days are counted in the venue's local time. The NIPs are synthetic;
``198609262015051001`` is the documented example of the sources (sources: nip-layout) and
``199001012024211002`` the NI PPPK layout example (sources: ni-pppk-layout).
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools

from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import _fields, serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
    ValidationErrorGroup,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import Pemda, PemdaKind, UnitKind
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
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import roster_builders as rb
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    rb = importlib.import_module("tests.builders.roster_builders")


WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
LURAH = "198609262015051001"
PPPK = "199001012024211002"
SEKCAM = "198502022010012003"
MALANG = rb.pemda()
KENDARI = Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=KodeWilayah(code="74.71"))


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _at(year: int, month: int, day: int, hour: int, tz: str = WIB) -> pendulum.DateTime:
    """An aware time."""
    return pendulum.datetime(year, month, day, hour, tz=tz)


def _error(build: Callable[[], object]) -> BirokrasiRetreatError:
    """The library error ``build`` raises."""
    with pytest.raises(BirokrasiRetreatError) as caught:
        build()
    return caught.value


def _venue(**changes: Any) -> Venue:
    """Poltekad, Kota Batu (WIB), with an aula and a field."""
    fields: dict[str, Any] = {
        "id": "poltekad",
        "name": "Politeknik Angkatan Darat",
        "kind": VenueKind.MILITARY,
        "kode": KodeWilayah(code="35.79"),
        "capacity": 150,
        "rooms": (
            Room(id="aula", name="Aula", capacity=150),
            Room(id="lapangan", name="Lapangan", capacity=300),
        ),
    }
    return Venue(**(fields | changes))


def _session(**changes: Any) -> Session:
    """A lecture from 09:00 to 10:00 WIB on the first day of the Malang retreat."""
    fields: dict[str, Any] = {
        "id": "materi-1",
        "title": "Kepemimpinan",
        "kind": SessionKind.LECTURE,
        "start": _at(2025, 5, 15, 9),
        "end": _at(2025, 5, 15, 10),
    }
    return Session(**(fields | changes))


def _speaker(**changes: Any) -> Speaker:
    """A narasumber of the Pemda."""
    fields: dict[str, Any] = {
        "id": "sekda",
        "name": "Erik Setyo Santoso",
        "role": "Sekretaris Daerah",
        "institution": "Pemerintah Kota Malang",
        "level": SpeakerLevel.DAERAH,
    }
    return Speaker(**(fields | changes))


def _retreat(**changes: Any) -> Retreat:
    """The Malang retreat, 15-17 May 2025 at Poltekad ("3 hari 2 malam")."""
    fields: dict[str, Any] = {
        "id": "malang-2025",
        "host": MALANG,
        "title": "Leadership dan Teamwork Building",
        "venue": _venue(),
        "start": _at(2025, 5, 15, 7),
        "end": _at(2025, 5, 17, 12),
        "nights": 2,
    }
    return Retreat(**(fields | changes))


# --- strategies for the round trips --------------------------------------------------

_ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)
_texts = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij 0123456789.,'()/-", min_size=1)
_texts = _texts.filter(str.strip)
_times = brst.aware_datetimes(
    min_value=dt.datetime(2020, 1, 1),  # noqa: DTZ001  # local wall-time bounds
    max_value=dt.datetime(2030, 12, 31),  # noqa: DTZ001  # same
)


@st.composite
def _periods(draw: st.DrawFn) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    """A start and an end after it, the end possibly in another zone."""
    start = draw(_times)
    end = start.add(minutes=draw(st.integers(min_value=1, max_value=5000)))
    zone = draw(st.sampled_from(brst.INDONESIAN_TIMEZONES))
    return start, end.in_timezone(zone)


rooms = st.builds(Room, id=_ids, name=_texts, capacity=st.integers(min_value=1, max_value=999))
venues = st.builds(
    Venue,
    id=_ids,
    name=_texts,
    kind=st.sampled_from(VenueKind),
    kode=brst.kode_wilayahs(),
    capacity=st.integers(min_value=1, max_value=999),
    rooms=st.lists(rooms, max_size=3, unique_by=lambda r: r.id),
)
windows = _periods().map(lambda p: Window(start=p[0], end=p[1]))
speakers = st.builds(
    Speaker,
    id=_ids,
    name=_texts,
    role=_texts,
    institution=_texts,
    level=st.sampled_from(SpeakerLevel),
    availability=st.lists(windows, max_size=2),
)


@st.composite
def _sessions(draw: st.DrawFn) -> Session:
    """Any valid session."""
    start, end = draw(_periods())
    return Session(
        id=draw(_ids),
        title=draw(_texts),
        kind=draw(st.sampled_from(SessionKind)),
        start=start,
        end=end,
        room=draw(st.none() | _ids),
        speakers=draw(st.lists(_ids, max_size=2)),
        themes=draw(st.lists(_texts, max_size=2)),
        values=draw(st.lists(st.sampled_from(BerAkhlak), max_size=3)),
        mandatory=draw(st.booleans()),
    )


_numbers = st.one_of(brst.nips(), brst.ni_pppks()).map(lambda n: n.number)


@st.composite
def _eligibilities(draw: st.DrawFn) -> Eligibility:
    """Any valid eligibility."""
    low = draw(st.none() | brst.eselons())
    high = draw(st.none() | brst.eselons())
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Eligibility(
        families=draw(st.lists(brst.position_families(), max_size=2)),
        eselon_min=low,
        eselon_max=high,
        unit_kinds=draw(st.lists(st.sampled_from(UnitKind), max_size=2)),
        heads_only=draw(st.booleans()),
        include=draw(st.lists(_numbers, max_size=2)),
        exclude=draw(st.lists(_numbers, max_size=2)),
    )


enrollments = st.builds(
    Enrollment,
    nip=_numbers,
    status=st.sampled_from(EnrollmentStatus),
    attended_sessions=st.lists(_ids, max_size=3),
    substitute=st.none() | _numbers,
)


@st.composite
def _retreats(draw: st.DrawFn) -> Retreat:
    """Any valid retreat."""
    start, end = draw(_periods())
    return Retreat(
        id=draw(_ids),
        host=draw(brst.pemdas()),
        title=draw(_texts),
        venue=draw(venues),
        start=start,
        end=end,
        nights=draw(st.integers(min_value=0, max_value=5)),
        theme=draw(st.none() | _texts),
        objectives=draw(st.lists(_texts, max_size=2)),
        sessions=draw(st.lists(_sessions(), max_size=3, unique_by=lambda s: s.id)),
        speakers=draw(st.lists(speakers, max_size=2, unique_by=lambda s: s.id)),
        eligibility=draw(_eligibilities()),
        enrollments=draw(st.lists(enrollments, max_size=3)),
        status=draw(st.sampled_from(RetreatStatus)),
        organiser=draw(st.none() | _ids),
    )


MODELS: dict[type, st.SearchStrategy[Any]] = {
    Room: rooms,
    Venue: venues,
    Window: windows,
    Speaker: speakers,
    Session: _sessions(),
    Eligibility: _eligibilities(),
    Enrollment: enrollments,
    Retreat: _retreats(),
}


def _zones(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every aware time inside ``value`` with its path and zone name."""
    if isinstance(value, pendulum.DateTime):
        yield path, value.timezone_name or ""
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _zones(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]  # an attrs class
            yield from _zones(getattr(value, field.name), f"{path}.{field.name}")


def _assert_same(expected: object, actual: object) -> None:
    """Equal, and every time keeps its zone name (pendulum equality compares instants)."""
    assert expected == actual
    assert list(_zones(expected)) == list(_zones(actual))


# --- values.py -----------------------------------------------------------------------


class TestBerAkhlak:
    def test_seven_values_in_official_order(self) -> None:
        """The seven core values, in the order of the acronym (SE MenPAN-RB 20/2021)."""
        assert [
            "Berorientasi Pelayanan",
            "Akuntabel",
            "Kompeten",
            "Harmonis",
            "Loyal",
            "Adaptif",
            "Kolaboratif",
        ] == [value.label for value in BerAkhlak]

    def test_english_labels(self) -> None:
        """Each value has an English name."""
        assert [
            "Service-oriented",
            "Accountable",
            "Competent",
            "Harmonious",
            "Loyal",
            "Adaptive",
            "Collaborative",
        ] == [value.label_en for value in BerAkhlak]

    def test_acronym(self) -> None:
        """The initials spell BerAKHLAK (Ber-, then A K H L A K)."""
        assert "BAKHLAK" == "".join(value.label[0] for value in BerAkhlak)

    def test_values_are_stable_codes(self) -> None:
        """Members load from their snake_case value, and nothing else."""
        assert BerAkhlak.BERORIENTASI_PELAYANAN is BerAkhlak("berorientasi_pelayanan")
        with pytest.raises(ValueError, match="Akuntabel"):
            BerAkhlak("Akuntabel")


# --- _fields.py ----------------------------------------------------------------------


class TestFields:
    def test_check_type(self) -> None:
        """A non-str is data.type at the field; a str passes."""
        _fields.check_type("x", "name")
        error = _error(lambda: _fields.check_type(3, "name"))
        assert (InvalidType, "data.type", "name") == (type(error), error.code, error.path)
        assert {"expected": "string", "got": "int"} == dict(error.params)

    @pytest.mark.parametrize("value", ["", " aula", "aula ", "au\nla", "au\x00la"])
    def test_check_id_refuses(self, value: str) -> None:
        """An id that is empty, padded or not printable is org.id at the field."""
        error = _error(lambda: _fields.check_id(value, "id"))
        assert (InvalidFormat, "org.id", "id") == (type(error), error.code, error.path)

    def test_check_id_accepts(self) -> None:
        """An id may hold inner spaces and any printable character."""
        _fields.check_id("ruang rapat-2/á", "id")

    def test_check_id_type(self) -> None:
        """A non-str id is data.type."""
        assert "data.type" == _error(lambda: _fields.check_id(_any(7), "id")).code

    def test_text_fields_refuse_blank(self) -> None:
        """A blank text field is org.blank at the field; a non-str is data.type."""
        error = _error(lambda: Room(id="a", name="  ", capacity=1))
        assert ("org.blank", "name") == (error.code, error.path)
        error = _error(lambda: Room(id="a", name=_any(None), capacity=1))
        assert ("data.type", "name") == (error.code, error.path)

    def test_id_fields_refuse_bad_ids(self) -> None:
        """An id field runs check_id with the field's name as path."""
        error = _error(lambda: Room(id=" a", name="A", capacity=1))
        assert ("org.id", "id") == (error.code, error.path)

    @pytest.mark.parametrize("value", ["ab", b"ab", {"a": 1}, 3, None])
    def test_to_tuple_refuses(self, value: object) -> None:
        """A str, bytes, mapping or non-iterable is not a list of items."""
        error = _error(lambda: _fields.to_tuple(_any(value)))
        assert (InvalidType, "data.type") == (type(error), error.code)
        assert "array" == error.params["expected"]

    def test_to_tuple_keeps_a_tuple(self) -> None:
        """A tuple is kept as is; a list or generator becomes a tuple."""
        items = (1, 2)
        assert items is _fields.to_tuple(items)
        assert (1, 2) == _fields.to_tuple([1, 2])
        assert (1, 2) == _fields.to_tuple(x for x in (1, 2))


# --- retreat.py: construction invariants ---------------------------------------------


class TestRoom:
    @pytest.mark.parametrize(
        ("capacity", "code"),
        [(0, "retreat.not_positive"), (-5, "retreat.not_positive"), ("9", "data.type")],
    )
    def test_capacity(self, capacity: object, code: str) -> None:
        """A capacity is a positive int."""
        error = _error(lambda: Room(id="a", name="A", capacity=_any(capacity)))
        assert (code, "capacity") == (error.code, error.path)

    def test_bool_capacity(self) -> None:
        """True is not a capacity of 1."""
        error = _error(lambda: Room(id="a", name="A", capacity=_any(True)))
        assert ("data.type", "capacity") == (error.code, error.path)
        assert "bool" == error.params["got"]


class TestVenue:
    def test_timezone_follows_the_kode(self) -> None:
        """A venue's zone follows its kode: WIB in Batu, WITA in Kendari, WIT in Jayapura."""
        assert (WIB, "WIB") == (_venue().timezone, _venue().timezone_label)
        kendari = _venue(kode=KodeWilayah(code="74.71"))
        assert (WITA, "WITA") == (kendari.timezone, kendari.timezone_label)
        jayapura = _venue(kode=KodeWilayah(code="91.71"))
        assert ("Asia/Jayapura", "WIT") == (jayapura.timezone, jayapura.timezone_label)

    def test_room(self) -> None:
        """room() finds a room by id, or gives None."""
        venue = _venue()
        assert "Lapangan" == venue.room("lapangan").name  # type: ignore[union-attr]
        assert venue.room("kelas") is None

    def test_duplicate_room(self) -> None:
        """Two rooms with one id are retreat.duplicate_id at the second."""
        aula = Room(id="aula", name="Aula", capacity=10)
        error = _error(lambda: _venue(rooms=(aula, aula)))
        assert ("retreat.duplicate_id", "rooms[1].id", "aula") == (
            error.code,
            error.path,
            error.params["value"],
        )

    def test_capacity(self) -> None:
        """The venue's capacity is a positive int."""
        error = _error(lambda: _venue(capacity=0))
        assert ("retreat.not_positive", "capacity") == (error.code, error.path)

    def test_rooms_must_be_a_list(self) -> None:
        """A single room is not a list of rooms."""
        assert "data.type" == _error(lambda: _venue(rooms="aula")).code


class TestWindow:
    def test_contains(self) -> None:
        """A window contains a period inside it, its bounds included."""
        window = Window(start=_at(2025, 5, 15, 8), end=_at(2025, 5, 15, 12))
        assert window.contains(_at(2025, 5, 15, 8), _at(2025, 5, 15, 12))
        assert window.contains(_at(2025, 5, 15, 9, WITA), _at(2025, 5, 15, 13, WITA))
        assert not window.contains(_at(2025, 5, 15, 7), _at(2025, 5, 15, 9))
        assert not window.contains(_at(2025, 5, 15, 11), _at(2025, 5, 15, 13))

    @pytest.mark.parametrize("end_hour", [8, 7])
    def test_end_after_start(self, end_hour: int) -> None:
        """An empty or reversed window is retreat.end_before_start at end."""
        error = _error(lambda: Window(start=_at(2025, 5, 15, 8), end=_at(2025, 5, 15, end_hour)))
        assert (InvalidComponent, "retreat.end_before_start", "end") == (
            type(error),
            error.code,
            error.path,
        )

    def test_naive_time(self) -> None:
        """A naive time is datetime.naive at its field."""
        naive = pendulum.naive(2025, 5, 15, 8)
        error = _error(lambda: Window(start=naive, end=_at(2025, 5, 15, 12)))
        assert ("datetime.naive", "start") == (error.code, error.path)

    @pytest.mark.parametrize(
        "value",
        [
            dt.datetime(2025, 5, 15, 8, tzinfo=dt.UTC),
            "2025-05-15T08:00:00+07:00",
            pendulum.Date(2025, 5, 15),
        ],
    )
    def test_not_a_pendulum_datetime(self, value: object) -> None:
        """Anything but a pendulum.DateTime is data.type at its field."""
        error = _error(lambda: Window(start=_at(2025, 5, 15, 8), end=_any(value)))
        assert (InvalidType, "data.type", "end") == (type(error), error.code, error.path)


class TestSpeaker:
    def test_available_without_windows(self) -> None:
        """With no known availability, a speaker is available any time."""
        assert _speaker().available(_at(2025, 5, 15, 8), _at(2025, 5, 15, 9))

    def test_available_inside_a_window(self) -> None:
        """A period inside any window is available; one across windows is not."""
        speaker = _speaker(
            availability=(
                Window(start=_at(2025, 5, 15, 8), end=_at(2025, 5, 15, 10)),
                Window(start=_at(2025, 5, 16, 8), end=_at(2025, 5, 16, 10)),
            )
        )
        assert speaker.available(_at(2025, 5, 16, 8), _at(2025, 5, 16, 9))
        assert not speaker.available(_at(2025, 5, 15, 9), _at(2025, 5, 16, 9))
        assert not speaker.available(_at(2025, 5, 17, 8), _at(2025, 5, 17, 9))

    def test_blank_role(self) -> None:
        """A speaker's public role cannot be blank."""
        error = _error(lambda: _speaker(role=" "))
        assert ("org.blank", "role") == (error.code, error.path)


class TestSession:
    def test_duration(self) -> None:
        """The duration is end minus start, across zones too."""
        session = _session(end=_at(2025, 5, 15, 11, WITA))
        assert 60 == session.duration.in_minutes()

    def test_end_after_start(self) -> None:
        """A session ending when it starts is retreat.end_before_start at end."""
        error = _error(lambda: _session(end=_at(2025, 5, 15, 9)))
        assert ("retreat.end_before_start", "end") == (error.code, error.path)

    def test_naive_start(self) -> None:
        """A naive start is datetime.naive at start."""
        error = _error(lambda: _session(start=pendulum.naive(2025, 5, 15, 9)))
        assert ("datetime.naive", "start") == (error.code, error.path)

    def test_defaults(self) -> None:
        """A session is mandatory, with no room, speaker, theme or value by default."""
        session = _session()
        assert (True, None, (), (), ()) == (
            session.mandatory,
            session.room,
            session.speakers,
            session.themes,
            session.values,
        )

    def test_lists_become_tuples(self) -> None:
        """Lists of speakers, themes and values are stored as tuples."""
        session = _session(speakers=["sekda"], values=[BerAkhlak.LOYAL], themes=["integritas"])
        assert (("sekda",), (BerAkhlak.LOYAL,), ("integritas",)) == (
            session.speakers,
            session.values,
            session.themes,
        )


class TestEligibility:
    def test_selects_posts(self) -> None:
        """Any post selector counts; NIP lists alone do not."""
        assert not Eligibility().selects_posts
        assert not Eligibility(include=(LURAH,), exclude=(SEKCAM,)).selects_posts
        for selector in (
            Eligibility(families=(PositionFamily.PENGAWAS,)),
            Eligibility(eselon_min=Eselon.IV_A),
            Eligibility(eselon_max=Eselon.II_A),
            Eligibility(unit_kinds=(UnitKind.KELURAHAN,)),
            Eligibility(heads_only=True),
        ):
            assert selector.selects_posts

    def test_eselon_range(self) -> None:
        """A minimum more senior than the maximum is retreat.eselon_range at eselon_min."""
        error = _error(lambda: Eligibility(eselon_min=Eselon.II_A, eselon_max=Eselon.IV_A))
        assert (InvalidComponent, "retreat.eselon_range", "eselon_min") == (
            type(error),
            error.code,
            error.path,
        )

    def test_equal_bounds(self) -> None:
        """Equal bounds select a single eselon."""
        assert Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.IV_A).selects_posts

    @pytest.mark.parametrize(
        ("number", "error_type", "code"),
        [
            (1986, InvalidType, "data.type"),
            ("19860926201505100X", InvalidFormat, "nip.format"),
            # Arabic-Indic digits are digits to str.isdigit, not to a NIP.
            ("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", InvalidFormat, "nip.format"),
            ("1986092620150510", InvalidLength, "nip.length"),
            ("", InvalidLength, "nip.length"),
        ],
    )
    @pytest.mark.parametrize("field", ["include", "exclude"])
    def test_nip_lists(self, field: str, number: object, error_type: type, code: str) -> None:
        """A listed number is 18 ASCII digits, reported at its index."""
        listed: dict[str, Any] = {field: (LURAH, number)}
        error = _error(lambda: Eligibility(**listed))
        assert (error_type, code, f"{field}[1]") == (type(error), error.code, error.path)
        assert LURAH not in str(error.params)

    def test_nip_lists_keep_the_written_form(self) -> None:
        """Spaced, dotted or hyphenated NIPs and NI PPPK are accepted."""
        eligibility = Eligibility(
            include=("19860926 201505 1 001", PPPK), exclude=("1985-0202.2010012003",)
        )
        assert ("19860926 201505 1 001", PPPK) == eligibility.include

    def test_repr_hides_the_nip_lists(self) -> None:
        """The NIP lists are left out of the repr."""
        text = repr(Eligibility(include=(LURAH,), exclude=(SEKCAM,)))
        assert LURAH not in text
        assert SEKCAM not in text
        assert "include" not in text


class TestEnrollment:
    def test_nip_is_compacted(self) -> None:
        """The NIP and the substitute's are stored compact."""
        enrollment = Enrollment(nip="19860926 201505 1 001", substitute="19850202.201001.2.003")
        assert (LURAH, SEKCAM) == (enrollment.nip, enrollment.substitute)

    def test_defaults(self) -> None:
        """An enrollment starts as invited, with nothing attended and no substitute."""
        enrollment = Enrollment(nip=LURAH)
        assert (EnrollmentStatus.INVITED, (), None) == (
            enrollment.status,
            enrollment.attended_sessions,
            enrollment.substitute,
        )

    def test_repr_masks(self) -> None:
        """The repr masks the NIP and the substitute's; an NI PPPK is masked entirely."""
        text = repr(Enrollment(nip=LURAH, substitute=SEKCAM))
        assert "nip='******** ****** * 001'" in text
        assert "substitute='******** ****** * 003'" in text
        assert LURAH not in text
        assert SEKCAM not in text
        assert "substitute=None" in repr(Enrollment(nip=LURAH))
        pppk = repr(Enrollment(nip=PPPK, status=EnrollmentStatus.ATTENDED))
        assert PPPK not in pppk
        assert "nip='******************'" in pppk

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            (198609262015051001, "data.type"),
            ("19860926201505100X", "nip.format"),
            ("1986092620150510", "nip.length"),
        ],
    )
    @pytest.mark.parametrize("field", ["nip", "substitute"])
    def test_numbers(self, field: str, number: object, code: str) -> None:
        """The NIP and the substitute are 18 ASCII digits, reported at their field."""
        fields: dict[str, Any] = {"nip": LURAH, field: number}
        error = _error(lambda: Enrollment(**fields))
        assert (code, field) == (error.code, error.path)

    def test_retreat_repr_masks_every_nip(self) -> None:
        """A retreat's repr shows no whole NIP, from enrollments or eligibility."""
        retreat = _retreat(
            eligibility=Eligibility(include=(LURAH,), exclude=(PPPK,)),
            enrollments=(Enrollment(nip=LURAH, substitute=SEKCAM), Enrollment(nip=PPPK)),
        )
        text = repr(retreat)
        assert all(number not in text for number in (LURAH, SEKCAM, PPPK))


class TestRetreat:
    def test_nights(self) -> None:
        """Nights are a whole number of zero or more; a bool or a str is data.type."""
        assert 0 == _retreat(nights=0).nights
        error = _error(lambda: _retreat(nights=-1))
        assert (InvalidComponent, "retreat.nights", "nights", "-1") == (
            type(error),
            error.code,
            error.path,
            error.params["value"],
        )
        for value in ("2", True, 2.0):
            error = _error(lambda value=value: _retreat(nights=value))  # type: ignore[misc]
            assert (InvalidType, "data.type", "nights") == (type(error), error.code, error.path)

    def test_end_after_start(self) -> None:
        """A retreat ending before it starts is retreat.end_before_start at end."""
        error = _error(lambda: _retreat(end=_at(2025, 5, 14, 12)))
        assert ("retreat.end_before_start", "end") == (error.code, error.path)

    def test_naive_end(self) -> None:
        """A naive end is datetime.naive at end."""
        error = _error(lambda: _retreat(end=pendulum.naive(2025, 5, 17, 12)))
        assert ("datetime.naive", "end") == (error.code, error.path)

    @pytest.mark.parametrize(
        ("field", "make"),
        [("sessions", _session), ("speakers", _speaker)],
    )
    def test_duplicate_ids(self, field: str, make: Callable[[], object]) -> None:
        """Two sessions, or two speakers, with one id are retreat.duplicate_id at the second."""
        item = make()
        error = _error(lambda: _retreat(**{field: (item, item, item)}))
        assert ("retreat.duplicate_id", f"{field}[1].id") == (error.code, error.path)

    def test_session_and_speaker(self) -> None:
        """session() and speaker() find items by id, or give None."""
        apel = _session(id="apel", kind=SessionKind.OPENING)
        materi = _session()
        sekda = _speaker()
        retreat = _retreat(sessions=(apel, materi), speakers=(sekda,))
        assert (apel, materi, sekda) == (
            retreat.session("apel"),
            retreat.session("materi-1"),
            retreat.speaker("sekda"),
        )
        assert retreat.session("penutupan") is None
        assert retreat.speaker("kpk") is None

    def test_lookups_follow_evolve(self) -> None:
        """A retreat evolved with other sessions looks up the new ones, not the old."""
        retreat = _retreat(sessions=(_session(),))
        evolved = attrs.evolve(retreat, sessions=(_session(id="apel"),))
        assert evolved.session("materi-1") is None
        assert "apel" == evolved.session("apel").id  # type: ignore[union-attr]

    def test_defaults(self) -> None:
        """A retreat is planned, open to nobody, with an empty agenda, by default."""
        retreat = _retreat()
        assert (RetreatStatus.PLANNED, Eligibility(), (), (), (), None, None) == (
            retreat.status,
            retreat.eligibility,
            retreat.sessions,
            retreat.speakers,
            retreat.enrollments,
            retreat.theme,
            retreat.organiser,
        )

    def test_equal_and_hashable(self) -> None:
        """Retreats compare by value and hash alike; the lookup indexes play no part."""
        one = _retreat(sessions=(_session(),))
        two = _retreat(sessions=[_session()])
        assert one == two
        assert hash(one) == hash(two)
        assert one != _retreat(sessions=(_session(id="apel"),))


class TestRetreatDays:
    def test_days_in_local_time(self) -> None:
        """3 hari 2 malam at Poltekad (WIB): the three local days."""
        assert (
            pendulum.Date(2025, 5, 15),
            pendulum.Date(2025, 5, 16),
            pendulum.Date(2025, 5, 17),
        ) == _retreat().days

    def test_wita_retreat_starting_the_previous_utc_day(self) -> None:
        """A WITA retreat opening at 07:30 local starts on the previous day in UTC."""
        kebun = _venue(id="kebun-raya", kode=KodeWilayah(code="74.71"), kind=VenueKind.OUTDOOR)
        start = pendulum.datetime(2025, 7, 31, 23, 30, tz="UTC")  # 1 August, 07:30 WITA
        end = pendulum.datetime(2025, 8, 1, 9, 0, tz="UTC")  # 1 August, 17:00 WITA
        retreat = _retreat(host=KENDARI, venue=kebun, start=start, end=end, nights=0)
        assert WITA == retreat.timezone
        assert pendulum.Date(2025, 7, 31) == start.date()
        assert (pendulum.Date(2025, 8, 1),) == retreat.days
        assert all(type(day) is pendulum.Date for day in retreat.days)

    def test_days_counted_in_the_venue_not_the_given_zone(self) -> None:
        """Times given in WIB for a WITA venue are counted on WITA days."""
        kebun = _venue(kode=KodeWilayah(code="74.71"))
        # 23:30 WIB is already 00:30 the next day in WITA.
        retreat = _retreat(
            venue=kebun, start=_at(2025, 7, 31, 23, WIB).add(minutes=30), end=_at(2025, 8, 2, 15)
        )
        assert (pendulum.Date(2025, 8, 1), pendulum.Date(2025, 8, 2)) == retreat.days

    def test_wit_retreat(self) -> None:
        """In WIT a retreat ending at 23:00 UTC has ended on the next local day."""
        jayapura = _venue(kode=KodeWilayah(code="91.71"))
        retreat = _retreat(
            venue=jayapura,
            start=pendulum.datetime(2025, 9, 1, 0, tz="UTC"),
            end=pendulum.datetime(2025, 9, 1, 23, tz="UTC"),
            nights=1,
        )
        assert "Asia/Jayapura" == retreat.timezone
        assert (pendulum.Date(2025, 9, 1), pendulum.Date(2025, 9, 2)) == retreat.days

    @given(period=_periods(), kode=st.sampled_from(["35.73", "74.71", "91.71"]))
    def test_days_are_consecutive_and_bound_the_period(
        self, period: tuple[pendulum.DateTime, pendulum.DateTime], kode: str
    ) -> None:
        """Days run one by one from the local start date to the local end date."""
        start, end = period
        retreat = _retreat(venue=_venue(kode=KodeWilayah(code=kode)), start=start, end=end)
        zone = retreat.timezone
        days = retreat.days
        assert start.in_timezone(zone).date() == days[0]
        assert end.in_timezone(zone).date() == days[-1]
        assert all((b - a).days == 1 for a, b in itertools.pairwise(days))


# --- serialization ---------------------------------------------------------------------


class TestRoundTrip:
    @pytest.mark.parametrize("model", list(MODELS), ids=lambda m: m.__name__)
    def test_every_format(self, model: type) -> None:
        """from_dict(to_dict(x)) and loads(dumps(x)) in JSON, TOML, YAML give x back, zones kept."""

        @given(MODELS[model])
        def check(value: object) -> None:
            _assert_same(value, serialization.from_dict(serialization.to_dict(value), model))
            for fmt in ("json", "toml", "yaml"):
                text = serialization.dumps(value, format=fmt)
                _assert_same(value, serialization.loads(text, model, format=fmt))

        check()

    def test_lookup_indexes_are_not_written(self) -> None:
        """The private indexes of sessions, speakers and rooms stay out of the document."""
        data = serialization.to_dict(_retreat(sessions=(_session(),)))
        assert {"_sessions", "_speakers", "sessions", "speakers"} & set(data) == {
            "sessions",
            "speakers",
        }
        assert "_rooms" not in data["venue"]

    def test_a_document(self) -> None:
        """A hand-written TOML retreat loads, its times in the venue's zone."""
        text = """
id = "kendari-2025"
title = "Retret ASN Kota Kendari"
start = "2025-08-01T07:00:00+08:00[Asia/Makassar]"
end = "2025-08-01T17:00:00+08:00[Asia/Makassar]"
nights = 0

[host]
kind = "kota"
name = "Kota Kendari"
kode = "74.71"

[venue]
id = "kebun-raya"
name = "Kebun Raya Kendari"
kind = "outdoor"
kode = "74.71"
capacity = 100

[eligibility]
eselon_min = "IV.a"
eselon_max = "II.a"

[[enrollments]]
nip = "19860926 201505 1 001"
"""
        retreat = serialization.loads(text, Retreat, format="toml")
        assert (WITA, (pendulum.Date(2025, 8, 1),)) == (retreat.start.timezone_name, retreat.days)
        assert LURAH == retreat.enrollments[0].nip
        assert (Eselon.IV_A, Eselon.II_A) == (
            retreat.eligibility.eselon_min,
            retreat.eligibility.eselon_max,
        )


class TestLoadingErrors:
    def _codes(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """The (code, path) of every error loading ``data`` as a Retreat."""
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Retreat)
        return [(leaf.code, leaf.path) for leaf in caught.value.leaves()]

    def _data(self) -> dict[str, Any]:
        """A valid retreat as plain data."""
        retreat = _retreat(
            sessions=(_session(),),
            speakers=(_speaker(),),
            enrollments=(Enrollment(nip=LURAH),),
        )
        data: dict[str, Any] = serialization.to_dict(retreat)
        return data

    def test_session_end_before_start(self) -> None:
        """An invariant of a nested session is reported at its path in the document."""
        data = self._data()
        data["sessions"][0]["end"] = data["sessions"][0]["start"]
        assert [("retreat.end_before_start", "sessions[0].end")] == self._codes(data)

    def test_enrollment_nip(self) -> None:
        """A malformed enrollment NIP is nip.length at its path, never echoed."""
        data = self._data()
        data["enrollments"][0]["nip"] = LURAH[:-1]
        assert [("nip.length", "enrollments[0].nip")] == self._codes(data)

    def test_eligibility_range(self) -> None:
        """A bad eselon range is reported at its path inside the retreat."""
        data = self._data()
        data["eligibility"]["eselon_min"] = "II.a"
        data["eligibility"]["eselon_max"] = "IV.a"
        assert [("retreat.eselon_range", "eligibility.eselon_min")] == self._codes(data)

    @pytest.mark.parametrize(
        ("nights", "code"), [(-1, "retreat.nights"), (True, "data.type"), ("2", "data.type")]
    )
    def test_nights(self, nights: object, code: str) -> None:
        """Negative nights, or nights that are not an int, are refused at nights."""
        data = self._data()
        data["nights"] = nights
        assert [(code, "nights")] == self._codes(data)

    def test_duplicate_session(self) -> None:
        """Two sessions with one id are reported at the second."""
        data = self._data()
        data["sessions"].append(data["sessions"][0])
        assert [("retreat.duplicate_id", "sessions[1].id")] == self._codes(data)

    def test_naive_time(self) -> None:
        """A time without offset is refused at its path."""
        data = self._data()
        data["speakers"][0]["availability"] = [
            {"start": "2025-05-15T08:00:00", "end": "2025-05-15T09:00:00+07:00"}
        ]
        assert [("datetime.naive", "speakers[0].availability[0].start")] == self._codes(data)

    def test_unknown_value(self) -> None:
        """A session kind outside the vocabulary is data.choice."""
        data = self._data()
        data["sessions"][0]["values"] = ["integritas"]
        assert [("data.choice", "sessions[0].values[0]")] == self._codes(data)

    def test_errors_are_validation_errors(self) -> None:
        """Every loading failure is a ValidationError, a ValueError."""
        data = self._data()
        data["venue"]["capacity"] = 0
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Retreat)
        assert all(isinstance(leaf, ValidationError) for leaf in caught.value.leaves())
