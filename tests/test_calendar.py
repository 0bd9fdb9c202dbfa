"""Tests for birokrasi_retreat.calendar: zones, holidays, the .ics export and plan-vs-held diffs.

Every NIP here is synthetic; ``198609262015051001`` is the documented example of the
sources (sources: nip-layout). The holiday dates are what the installed ``holidays``
package says for Indonesia (the SKB 3 Menteri for 2025: Waisak on 12 May, cuti bersama
on 13 May, Kenaikan on 29 May).

The golden file ``tests/data/agenda.ics`` is the export of `_kendari()`; after a
deliberate change of the output, regenerate it with::

    uv run python -c "import importlib.util as u; s = u.spec_from_file_location('t', \\
    'tests/test_calendar.py'); m = u.module_from_spec(s); s.loader.exec_module(m); \\
    m.GOLDEN.write_bytes(m._golden_bytes())"
"""

from __future__ import annotations

import datetime as dt

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import icalendar
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import calendar
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.calendar import (
    Holiday,
    HolidayKind,
    RetreatDiff,
    SessionShift,
    Shift,
    SpeakerChange,
    VenueChange,
    diff,
    holidays_between,
    local,
    timezone_for,
    to_ics,
)
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidType,
    UnknownReferenceError,
    ValidationError,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import Pemda, PemdaKind
from birokrasi_retreat.retreat import (
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
)
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Callable


GOLDEN = Path(__file__).resolve().parent / "data" / "agenda.ics"
EXAMPLE = "198609262015051001"
EXAMPLE_SPACED = "19860926 201505 1 001"
EXAMPLE_MASKED = "******** ****** * 001"
OTHER = "199001012024031002"
WITA = "Asia/Makassar"
WIB = "Asia/Jakarta"
STAMP = pendulum.datetime(2025, 7, 1, 9, tz=WIB)
E = TypeVar("E", bound=BirokrasiRetreatError)


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _raises(kind: type[E], code: str, path: str, build: Callable[[], object]) -> E:
    """Run ``build``, expect ``kind`` with ``code`` at ``path``, and render it in both languages."""
    with pytest.raises(kind) as info:
        build()
    error = info.value
    assert (code, path) == (error.code, error.path)
    for lang in ("id", "en"):
        text = error.message(lang)
        assert code != text
        assert "{" not in text
    return error


def _at(
    day: int, hour: int, minute: int = 0, *, tz: str = WITA, month: int = 8
) -> pendulum.DateTime:
    """A time of 2025 in ``tz``."""
    return pendulum.datetime(2025, month, day, hour, minute, tz=tz)


def _kendari() -> Retreat:
    """A small Kendari retreat (WITA) with speakers, rooms, an optional session, enrollments."""
    kode = KodeWilayah(code="74.71")
    venue = Venue(
        id="kebun-raya",
        name="Kebun Raya Kendari",
        kind=VenueKind.OUTDOOR,
        kode=kode,
        capacity=100,
        rooms=(
            Room(id="lapangan", name="Lapangan Upacara", capacity=100),
            Room(id="aula", name="Aula Terbuka", capacity=80),
        ),
    )
    speakers = (
        Speaker(
            id="sugeng",
            name="Sugeng Haryono",
            role="Kepala BPSDM Kemendagri",
            institution="Kementerian Dalam Negeri",
            level=SpeakerLevel.PUSAT,
        ),
        Speaker(
            id="amir",
            name="Amir Hasan",
            role="Sekretaris Daerah Kota Kendari",
            institution="Pemerintah Kota Kendari",
            level=SpeakerLevel.DAERAH,
        ),
    )
    sessions = (
        Session(
            id="tanam-pohon",
            title="Aksi sosial: penanaman pohon",
            kind=SessionKind.SOCIAL_ACTION,
            start=_at(2, 7),
            end=_at(2, 9),
            themes=("lingkungan",),
            values=(BerAkhlak.HARMONIS,),
            mandatory=False,
        ),
        Session(
            id="apel",
            title="Apel pembukaan",
            kind=SessionKind.OPENING,
            start=_at(1, 7),
            end=_at(1, 8),
            room="lapangan",
            speakers=("amir",),
            values=(BerAkhlak.LOYAL,),
        ),
        Session(
            id="materi-rpjmd",
            title="Percepatan target RPJMD dan tata kelola pemerintahan daerah yang berintegritas",
            kind=SessionKind.LECTURE,
            # Given in UTC on purpose: the export writes it in the venue's zone.
            start=pendulum.datetime(2025, 8, 1, 1, tz="UTC"),
            end=pendulum.datetime(2025, 8, 1, 3, tz="UTC"),
            room="aula",
            speakers=("sugeng", "amir"),
            themes=("RPJMD", "integritas"),
            values=(BerAkhlak.AKUNTABEL, BerAkhlak.KOMPETEN),
        ),
        Session(
            id="penutupan",
            title="Penutupan",
            kind=SessionKind.CLOSING,
            start=_at(3, 15),
            end=_at(3, 17),
            room="lapangan",
        ),
    )
    return Retreat(
        id="kendari-2025",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=kode),
        title="Retret ASN Kota Kendari",
        venue=venue,
        start=_at(1, 7),
        end=_at(3, 17),
        nights=2,
        sessions=sessions,
        speakers=speakers,
        enrollments=(
            Enrollment(
                nip=EXAMPLE,
                status=EnrollmentStatus.CONFIRMED,
                attended_sessions=("tanam-pohon",),
            ),
            Enrollment(nip=OTHER, status=EnrollmentStatus.EXCUSED, substitute=EXAMPLE_SPACED),
        ),
    )


def _golden_bytes() -> bytes:
    """The export the golden file holds."""
    return to_ics(_kendari(), dtstamp=STAMP)


def _malang(first_day: int, *, tz: str = WIB) -> Retreat:
    """Kota Malang's retreat at Poltekad, three days from ``first_day`` May 2025."""
    kode = KodeWilayah(code="35.73")

    def at(offset: int, hour: int) -> pendulum.DateTime:
        return pendulum.datetime(2025, 5, first_day + offset, hour, tz=WIB).in_timezone(tz)

    return Retreat(
        id="malang-2025",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=kode),
        title="Leadership dan Penguatan Teamwork Building",
        venue=Venue(
            id="poltekad",
            name="Politeknik Angkatan Darat",
            kind=VenueKind.MILITARY,
            kode=KodeWilayah(code="35.07"),
            capacity=150,
        ),
        start=at(0, 7),
        end=at(2, 12),
        nights=2,
        sessions=(
            Session(
                id="apel",
                title="Apel pembukaan",
                kind=SessionKind.OPENING,
                start=at(0, 7),
                end=at(0, 8),
            ),
            Session(
                id="materi-bkn",
                title="Manajemen ASN",
                kind=SessionKind.LECTURE,
                start=at(0, 9),
                end=at(0, 11),
                speakers=("zudan",),
            ),
            Session(
                id="penutupan",
                title="Penutupan",
                kind=SessionKind.CLOSING,
                start=at(2, 10),
                end=at(2, 12),
                speakers=("erik",),
            ),
        ),
        speakers=(
            Speaker(
                id="zudan",
                name="Zudan Arif Fakrulloh",
                role="Kepala BKN",
                institution="Badan Kepegawaian Negara",
                level=SpeakerLevel.PUSAT,
            ),
            Speaker(
                id="erik",
                name="Erik Setyo Santoso",
                role="Sekretaris Daerah Kota Malang",
                institution="Pemerintah Kota Malang",
                level=SpeakerLevel.DAERAH,
            ),
        ),
    )


def _held_malang() -> Retreat:
    """Malang as held: a day earlier, the BKN lecture given by the Sekda, a team-building added."""
    planned = _malang(16)
    held = _malang(15)
    sessions = [
        attrs.evolve(s, speakers=("erik",)) if s.id == "materi-bkn" else s
        for s in held.sessions
        if s.id != "penutupan"
    ]
    sessions.append(
        Session(
            id="teamwork",
            title="Teamwork building",
            kind=SessionKind.TEAM_BUILDING,
            start=pendulum.datetime(2025, 5, 16, 8, tz=WIB),
            end=pendulum.datetime(2025, 5, 16, 11, tz=WIB),
        )
    )
    closing = planned.session("penutupan")
    assert closing is not None
    sessions.append(
        attrs.evolve(
            closing,
            id="penutupan-2",
            start=pendulum.datetime(2025, 5, 17, 9, tz=WIB),
            end=pendulum.datetime(2025, 5, 17, 11, tz=WIB),
        )
    )
    return attrs.evolve(held, sessions=tuple(sessions), status=RetreatStatus.HELD)


def _events(document: bytes) -> list[icalendar.Component]:
    """The VEVENTs of a parsed document."""
    parsed = icalendar.Calendar.from_ical(document)
    return list(parsed.walk("VEVENT"))


class TestTimezoneFor:
    def test_zones_of_the_example_cities(self) -> None:
        """Malang and Bandung keep WIB, Kendari WITA, a Papua code WIT (Keppres 41/1987)."""
        assert ("Asia/Jakarta", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura") == (
            timezone_for("35.73"),
            timezone_for("32.73"),
            timezone_for(KodeWilayah(code="74.71")),
            timezone_for("94"),
        )

    def test_kalimantan_barat_uses_pontianak(self) -> None:
        """Kalimantan Barat is WIB on tzdata's Asia/Pontianak zone."""
        assert "Asia/Pontianak" == timezone_for("61.71")

    def test_malformed_code_raises(self) -> None:
        """A malformed code is the library's validation error, not a KeyError."""
        with pytest.raises(ValidationError):
            timezone_for("7x")


class TestLocal:
    def test_utc_to_wita(self) -> None:
        """Midnight UTC is 08:00 in Kendari, with the zone's name kept."""
        moment = local(pendulum.datetime(2025, 8, 1, tz="UTC"), "74.71")
        assert ("2025-08-01T08:00:00+08:00", WITA) == (moment.isoformat(), moment.timezone_name)

    def test_stdlib_datetime_is_accepted(self) -> None:
        """A plain aware datetime becomes a pendulum.DateTime in the region's zone."""
        moment = local(dt.datetime(2025, 8, 1, 7, tzinfo=dt.UTC), "94")
        assert isinstance(moment, pendulum.DateTime)
        assert ("2025-08-01T16:00:00+09:00", "Asia/Jayapura") == (
            moment.isoformat(),
            moment.timezone_name,
        )

    def test_naive_time_raises(self) -> None:
        """A naive time has no instant and is refused."""
        _raises(
            InvalidComponent,
            "datetime.naive",
            "moment",
            lambda: local(dt.datetime(2025, 8, 1, 7), "74.71"),  # noqa: DTZ001
        )

    def test_non_datetime_raises(self) -> None:
        """A date or a string is a type error."""
        _raises(InvalidType, "data.type", "moment", lambda: local(_any("2025-08-01"), "74.71"))

    @given(brst.aware_datetimes(), brst.kode_wilayahs())
    def test_keeps_the_instant(self, moment: pendulum.DateTime, kode: KodeWilayah) -> None:
        """The local time is the same instant, in the zone of the region's province."""
        result = local(moment, kode)
        assert moment == result
        assert timezone_for(kode) == result.timezone_name


class TestHolidayKind:
    def test_values(self) -> None:
        """The kinds are national holiday, cuti bersama and local, in that order."""
        assert ["public", "cuti_bersama", "local"] == [kind.value for kind in HolidayKind]


class TestHoliday:
    def test_plain_date_becomes_pendulum(self) -> None:
        """A datetime.date is stored as a pendulum.Date."""
        holiday = Holiday(date=dt.date(2025, 8, 3), name="HUT Kota", kind=HolidayKind.LOCAL)
        assert isinstance(holiday.date, pendulum.Date)
        assert pendulum.date(2025, 8, 3) == holiday.date
        assert holiday.tentative is False

    def test_datetime_is_refused(self) -> None:
        """A holiday is a whole day: a datetime is a type error."""
        _raises(
            InvalidType,
            "data.type",
            "date",
            lambda: Holiday(date=_any(_at(3, 0)), name="HUT", kind=HolidayKind.LOCAL),
        )

    def test_string_is_refused(self) -> None:
        """A date written as text is a type error (the serializer parses text)."""
        _raises(
            InvalidType,
            "data.type",
            "date",
            lambda: Holiday(date=_any("2025-08-03"), name="HUT", kind=HolidayKind.LOCAL),
        )

    def test_blank_name_is_refused(self) -> None:
        """A holiday needs a name."""
        with pytest.raises(InvalidFormat):
            Holiday(date=dt.date(2025, 8, 3), name=" ", kind=HolidayKind.LOCAL)


class TestHolidaysBetween:
    def test_may_2025(self) -> None:
        """Waisak and Kenaikan 2025 with their cuti bersama, as the SKB 3 Menteri set them."""
        found = holidays_between(dt.date(2025, 5, 10), dt.date(2025, 5, 31))
        assert [
            ("2025-05-12", HolidayKind.PUBLIC, "Hari Raya Waisak"),
            ("2025-05-13", HolidayKind.CUTI_BERSAMA, "Cuti Bersama Hari Raya Waisak"),
            ("2025-05-29", HolidayKind.PUBLIC, "Kenaikan Yesus Kristus"),
            ("2025-05-30", HolidayKind.CUTI_BERSAMA, "Cuti Bersama Kenaikan Yesus Kristus"),
        ] == [(h.date.isoformat(), h.kind, h.name) for h in found]
        assert not any(h.tentative for h in found)

    def test_malang_retreat_days_are_free(self) -> None:
        """Neither Malang's planned (16-18 May 2025) nor held (15-17 May) days are holidays."""
        assert () == holidays_between(dt.date(2025, 5, 15), dt.date(2025, 5, 18))

    def test_english_names(self) -> None:
        """language="en" gives the package's English names, same dates and kinds."""
        found = holidays_between(dt.date(2025, 5, 12), dt.date(2025, 5, 13), language="en")
        assert [
            ("Vesak Day", HolidayKind.PUBLIC),
            ("Vesak Joint Holiday", HolidayKind.CUTI_BERSAMA),
        ] == [(h.name, h.kind) for h in found]

    def test_language_is_always_passed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An English LANG on the machine does not change the default Indonesian names."""
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
        monkeypatch.setenv("LANGUAGE", "en_US")
        calendar._holidays._holidays_of_year.cache_clear()
        found = holidays_between(dt.date(2025, 8, 17), dt.date(2025, 8, 17))
        assert ["Hari Kemerdekaan Republik Indonesia"] == [h.name for h in found]

    def test_across_a_new_year(self) -> None:
        """A period over two years gets the holidays of both."""
        found = holidays_between(dt.date(2025, 12, 24), dt.date(2026, 1, 1))
        assert [
            ("2025-12-25", HolidayKind.PUBLIC),
            ("2025-12-26", HolidayKind.CUTI_BERSAMA),
            ("2026-01-01", HolidayKind.PUBLIC),
        ] == [(h.date.isoformat(), h.kind) for h in found]

    def test_two_holidays_on_one_date(self) -> None:
        """On 13 May 2021 Idul Fitri and Kenaikan coincided: two holidays, not one joined name."""
        found = holidays_between(dt.date(2021, 5, 13), dt.date(2021, 5, 13))
        assert ["Hari Raya Idul Fitri", "Kenaikan Yesus Kristus"] == [h.name for h in found]

    @pytest.mark.parametrize(
        ("language", "name"),
        [("id", "Hari Raya Idul Fitri"), ("en", "Eid al-Fitr")],
    )
    def test_estimated_dates_are_tentative(self, language: str, name: str) -> None:
        """Idul Fitri 2027 is an estimate of the package: tentative, marker removed."""
        found = holidays_between(dt.date(2027, 3, 10), dt.date(2027, 3, 10), language=language)
        assert [(name, True)] == [(h.name, h.tentative) for h in found]
        assert not any("(" in h.name for h in found)

    def test_extra_holidays_are_merged_and_sorted(self) -> None:
        """Local holidays join in date order; those outside the period are left out."""
        hut = Holiday(date=dt.date(2025, 5, 12), name="HUT Kota", kind=HolidayKind.LOCAL)
        decree = Holiday(
            date=dt.date(2025, 5, 14), name="Cuti Bersama tambahan", kind=HolidayKind.CUTI_BERSAMA
        )
        outside = Holiday(date=dt.date(2025, 6, 30), name="Hari Jadi", kind=HolidayKind.LOCAL)
        found = holidays_between(
            dt.date(2025, 5, 12), dt.date(2025, 5, 14), extra=[decree, outside, hut]
        )
        assert [
            ("2025-05-12", "Hari Raya Waisak"),
            ("2025-05-12", "HUT Kota"),
            ("2025-05-13", "Cuti Bersama Hari Raya Waisak"),
            ("2025-05-14", "Cuti Bersama tambahan"),
        ] == [(h.date.isoformat(), h.name) for h in found]

    def test_duplicates_appear_once(self) -> None:
        """A holiday injected that the package already has is listed once."""
        waisak = Holiday(
            date=dt.date(2025, 5, 12), name="Hari Raya Waisak", kind=HolidayKind.PUBLIC
        )
        found = holidays_between(dt.date(2025, 5, 12), dt.date(2025, 5, 12), extra=[waisak, waisak])
        assert (waisak,) == found

    def test_pendulum_dates_are_accepted(self) -> None:
        """pendulum.Date bounds work like datetime.date ones."""
        assert holidays_between(pendulum.date(2025, 5, 12), pendulum.date(2025, 5, 12)) == (
            holidays_between(dt.date(2025, 5, 12), dt.date(2025, 5, 12))
        )

    def test_years_outside_the_package_are_empty(self) -> None:
        """Before 1946 the package knows no Indonesian holidays."""
        assert () == holidays_between(dt.date(1900, 1, 1), dt.date(1900, 12, 31))

    def test_datetime_bound_raises(self) -> None:
        """A datetime is not a day: a type error at its argument."""
        _raises(
            InvalidType,
            "data.type",
            "start",
            lambda: holidays_between(_any(_at(1, 7)), dt.date(2025, 8, 3)),
        )

    def test_text_bound_raises(self) -> None:
        """A date written as text is a type error."""
        _raises(
            InvalidType,
            "data.type",
            "end",
            lambda: holidays_between(dt.date(2025, 8, 1), _any("2025-08-03")),
        )

    def test_reversed_range_raises(self) -> None:
        """An end before the start is an impossible period."""
        error = _raises(
            InvalidComponent,
            "calendar.range",
            "end",
            lambda: holidays_between(dt.date(2025, 8, 3), dt.date(2025, 8, 1)),
        )
        assert "The end date 2025-08-01 falls before the start date 2025-08-03." == error.message(
            "en"
        )

    def test_unknown_language_raises(self) -> None:
        """A language outside id and en is refused rather than silently falling back."""
        _raises(
            InvalidComponent,
            "calendar.language",
            "language",
            lambda: holidays_between(dt.date(2025, 8, 1), dt.date(2025, 8, 3), language="fr"),
        )

    def test_extra_not_a_list_raises(self) -> None:
        """``extra`` must be a collection of holidays."""
        _raises(
            InvalidType,
            "data.type",
            "extra",
            lambda: holidays_between(dt.date(2025, 8, 1), dt.date(2025, 8, 3), extra=_any(5)),
        )

    def test_extra_item_of_wrong_type_raises(self) -> None:
        """Each item of ``extra`` must be a Holiday."""
        _raises(
            InvalidType,
            "data.type",
            "extra[1]",
            lambda: holidays_between(
                dt.date(2025, 8, 1),
                dt.date(2025, 8, 3),
                extra=[
                    Holiday(date=dt.date(2025, 8, 1), name="HUT", kind=HolidayKind.LOCAL),
                    _any("2025-08-02"),
                ],
            ),
        )

    @given(
        brst.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31)),
        st.integers(min_value=0, max_value=120),
    )
    def test_sorted_and_inside_the_period(self, start: pendulum.Date, length: int) -> None:
        """Whatever the period, the holidays lie in it, sorted by date, with no repeats."""
        end = start.add(days=length)
        found = holidays_between(start, end)
        assert all(start <= h.date <= end for h in found)
        assert sorted(h.date for h in found) == [h.date for h in found]
        assert len(set(found)) == len(found)

    @given(
        brst.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31)),
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=0, max_value=60),
    )
    def test_split_periods_add_up(self, start: pendulum.Date, first: int, second: int) -> None:
        """The holidays of two adjacent periods are those of the whole period."""
        middle = start.add(days=first)
        end = middle.add(days=second + 1)
        whole = holidays_between(start, end)
        assert whole == holidays_between(start, middle) + holidays_between(middle.add(days=1), end)


class TestToIcs:
    def test_golden_file(self) -> None:
        """The export of the Kendari retreat is byte for byte the committed golden file."""
        assert GOLDEN.read_bytes() == _golden_bytes()

    def test_deterministic(self) -> None:
        """Two exports of the same retreat with the same stamp are identical."""
        assert to_ics(_kendari(), dtstamp=STAMP) == to_ics(_kendari(), dtstamp=STAMP)

    def test_calendar_properties(self) -> None:
        """PRODID, VERSION, the calendar name and zone, and the VTIMEZONE of WITA are present."""
        parsed = icalendar.Calendar.from_ical(_golden_bytes())
        assert "2.0" == str(parsed["VERSION"])
        assert "-//birokrasi-retreat//Retret ASN//ID" == str(parsed["PRODID"])
        assert "Retret ASN Kota Kendari" == str(parsed["X-WR-CALNAME"])
        assert WITA == str(parsed["X-WR-TIMEZONE"])
        assert [WITA] == [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")]

    def test_events_keep_the_venue_zone(self) -> None:
        """Parsed back, every DTSTART/DTEND is in Asia/Makassar and is the session's instant."""
        retreat = _kendari()
        events = _events(to_ics(retreat, dtstamp=STAMP))
        assert len(retreat.sessions) == len(events)
        for event in events:
            session = retreat.session(str(event["UID"]).split("@")[0].removeprefix("kendari-2025-"))
            assert session is not None
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert (WITA, WITA) == (str(start.tzinfo), str(end.tzinfo))
            assert WITA == event["DTSTART"].params["TZID"]
            assert (session.start, session.end) == (start, end)

    def test_utc_session_is_written_in_local_time(self) -> None:
        """A session given in UTC appears at 09:00 WITA, not 01:00."""
        document = _golden_bytes()
        assert b"DTSTART;TZID=Asia/Makassar:20250801T090000" in document
        assert b"T010000" not in document

    def test_events_sorted_by_start(self) -> None:
        """The events follow the agenda's order in time, whatever the order of the sessions."""
        uids = [str(e["UID"]) for e in _events(_golden_bytes())]
        assert [
            "kendari-2025-apel@birokrasi-retreat.invalid",
            "kendari-2025-materi-rpjmd@birokrasi-retreat.invalid",
            "kendari-2025-tanam-pohon@birokrasi-retreat.invalid",
            "kendari-2025-penutupan@birokrasi-retreat.invalid",
        ] == uids

    def test_event_fields(self) -> None:
        """Summary, location with room, description with speakers, values and themes."""
        lecture = _events(_golden_bytes())[1]
        assert (
            "Percepatan target RPJMD dan tata kelola pemerintahan daerah yang berintegritas"
            == str(lecture["SUMMARY"])
        )
        assert "Kebun Raya Kendari, Aula Terbuka" == str(lecture["LOCATION"])
        assert (
            "Narasumber: Sugeng Haryono (Kepala BPSDM Kemendagri); "
            "Amir Hasan (Sekretaris Daerah Kota Kendari)\n"
            "Nilai BerAKHLAK: Akuntabel, Kompeten\n"
            "Topik: RPJMD, integritas"
        ) == str(lecture["DESCRIPTION"])
        assert dt.datetime(2025, 7, 1, 2, tzinfo=dt.UTC) == lecture.decoded("DTSTAMP")

    def test_optional_session_without_room(self) -> None:
        """An optional session says so; without a room the location is the venue."""
        planting = _events(_golden_bytes())[2]
        assert "Kebun Raya Kendari" == str(planting["LOCATION"])
        assert (
            "Nilai BerAKHLAK: Harmonis\nTopik: lingkungan\nSesi pilihan (tidak wajib diikuti)."
            == str(planting["DESCRIPTION"])
        )

    def test_session_without_details_has_no_description(self) -> None:
        """The closing, with no speaker, value or theme, has no DESCRIPTION."""
        closing = _events(_golden_bytes())[3]
        assert "DESCRIPTION" not in closing

    def test_english_description(self) -> None:
        """lang="en" writes the description lines and value labels in English."""
        document = to_ics(_kendari(), dtstamp=STAMP, lang="en")
        lecture = _events(document)[1]
        assert str(lecture["DESCRIPTION"]).endswith(
            "BerAKHLAK values: Accountable, Competent\nTopics: RPJMD, integritas"
        )
        assert "-//birokrasi-retreat//Retret ASN//EN" == str(
            icalendar.Calendar.from_ical(document)["PRODID"]
        )

    def test_uid_domain(self) -> None:
        """UIDs use the domain given."""
        document = to_ics(_kendari(), dtstamp=STAMP, uid_domain="bkpsdm.kendarikota.go.id")
        assert "kendari-2025-apel@bkpsdm.kendarikota.go.id" == str(_events(document)[0]["UID"])

    def test_participant_agenda(self) -> None:
        """A participant gets the mandatory sessions plus the optional ones they attend."""
        retreat = attrs.evolve(
            _kendari(),
            enrollments=(Enrollment(nip=EXAMPLE, status=EnrollmentStatus.CONFIRMED),),
        )
        without = [
            str(e["SUMMARY"]) for e in _events(to_ics(retreat, dtstamp=STAMP, participant=EXAMPLE))
        ]
        assert "Aksi sosial: penanaman pohon" not in without
        assert 3 == len(without)
        with_optional = _events(to_ics(_kendari(), dtstamp=STAMP, participant=EXAMPLE_SPACED))
        assert 4 == len(with_optional)

    def test_substitute_gets_the_agenda_of_the_replaced(self) -> None:
        """An official sent as a substitute gets the agenda of the enrollment they replace."""
        retreat = attrs.evolve(
            _kendari(),
            enrollments=(
                Enrollment(nip=OTHER, status=EnrollmentStatus.EXCUSED, substitute=EXAMPLE_SPACED),
            ),
        )
        assert 3 == len(_events(to_ics(retreat, dtstamp=STAMP, participant=EXAMPLE)))

    def test_own_enrollment_wins_over_substitution(self) -> None:
        """An official both enrolled and named as a substitute gets their own agenda."""
        # _kendari() enrolls EXAMPLE with the optional session, and names EXAMPLE as the
        # substitute of OTHER, who has none.
        assert 4 == len(_events(to_ics(_kendari(), dtstamp=STAMP, participant=EXAMPLE)))

    def test_participant_with_no_session(self) -> None:
        """An agenda without any session is a valid calendar with no event and no VTIMEZONE."""
        retreat = attrs.evolve(
            _kendari(),
            sessions=tuple(attrs.evolve(s, mandatory=False) for s in _kendari().sessions),
            enrollments=(Enrollment(nip=EXAMPLE),),
        )
        document = to_ics(retreat, dtstamp=STAMP, participant=EXAMPLE)
        parsed = icalendar.Calendar.from_ical(document)
        assert ([], []) == (list(parsed.walk("VEVENT")), list(parsed.walk("VTIMEZONE")))

    def test_unknown_participant_is_masked(self) -> None:
        """An official not enrolled is an unknown reference; the NIP is masked everywhere."""
        retreat = attrs.evolve(_kendari(), enrollments=())
        error = _raises(
            UnknownReferenceError,
            "calendar.unknown_participant",
            "participant",
            lambda: to_ics(retreat, dtstamp=STAMP, participant=EXAMPLE),
        )
        assert EXAMPLE_MASKED == error.params["nip"]
        for text in (error.message("id"), error.message("en"), str(error), repr(error)):
            assert EXAMPLE not in text
        assert EXAMPLE not in repr(error.params)

    def test_participant_of_wrong_type(self) -> None:
        """A NIP given as a number is a type error at ``participant``."""
        _raises(
            InvalidType,
            "data.type",
            "participant",
            lambda: to_ics(_kendari(), dtstamp=STAMP, participant=_any(198609262015051001)),
        )

    def test_unknown_speaker_and_room_are_written_as_ids(self) -> None:
        """A speaker or room id the retreat lacks (rule RET016) is exported as the id."""
        retreat = _kendari()
        broken = attrs.evolve(
            retreat,
            sessions=(
                attrs.evolve(retreat.sessions[1], room="tenda-3", speakers=("tamu",), values=()),
            ),
        )
        event = _events(to_ics(broken, dtstamp=STAMP))[0]
        assert "Kebun Raya Kendari, tenda-3" == str(event["LOCATION"])
        assert "Narasumber: tamu" == str(event["DESCRIPTION"])

    def test_stdlib_dtstamp(self) -> None:
        """A plain aware datetime is a valid stamp and is written in UTC."""
        stamp = dt.datetime(2025, 7, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        assert to_ics(_kendari(), dtstamp=stamp) == _golden_bytes()

    def test_naive_dtstamp_raises(self) -> None:
        """A naive stamp is refused."""
        _raises(
            InvalidComponent,
            "datetime.naive",
            "dtstamp",
            lambda: to_ics(_kendari(), dtstamp=dt.datetime(2025, 7, 1)),  # noqa: DTZ001
        )

    def test_missing_dtstamp_type_raises(self) -> None:
        """A date is not a stamp."""
        _raises(
            InvalidType,
            "data.type",
            "dtstamp",
            lambda: to_ics(_kendari(), dtstamp=_any(dt.date(2025, 7, 1))),
        )

    def test_not_a_retreat_raises(self) -> None:
        """Only a Retreat can be exported."""
        _raises(InvalidType, "data.type", "retreat", lambda: to_ics(_any({}), dtstamp=STAMP))

    @pytest.mark.parametrize("domain", ["", "a b.id", "x@y.id", "bad\n.id"])
    def test_bad_uid_domain_raises(self, domain: str) -> None:
        """A UID domain with spaces, @ or control characters, or an empty one, is refused."""
        _raises(
            InvalidComponent,
            "calendar.uid_domain",
            "uid_domain",
            lambda: to_ics(_kendari(), dtstamp=STAMP, uid_domain=domain),
        )

    def test_unknown_lang_raises(self) -> None:
        """A description language outside id and en is refused, not half translated."""
        _raises(
            InvalidComponent,
            "calendar.language",
            "lang",
            lambda: to_ics(_kendari(), dtstamp=STAMP, lang=_any("fr")),
        )

    def test_uid_domain_of_wrong_type_raises(self) -> None:
        """A UID domain must be text."""
        _raises(
            InvalidType,
            "data.type",
            "uid_domain",
            lambda: to_ics(_kendari(), dtstamp=STAMP, uid_domain=_any(None)),
        )

    @given(brst.aware_datetimes(), st.integers(min_value=1, max_value=600))
    def test_roundtrip_of_any_session(self, start: pendulum.DateTime, minutes: int) -> None:
        """Any session, in any Indonesian zone, comes back at the same instant in the venue zone."""
        retreat = _kendari()
        session = attrs.evolve(retreat.sessions[3], start=start, end=start.add(minutes=minutes))
        moved = attrs.evolve(
            retreat,
            sessions=(session,),
            start=min(retreat.start, session.start),
            end=max(retreat.end, session.end),
        )
        (event,) = _events(to_ics(moved, dtstamp=STAMP))
        assert (session.start, session.end) == (event.decoded("DTSTART"), event.decoded("DTEND"))
        assert WITA == str(event.decoded("DTSTART").tzinfo)


class TestDiff:
    def test_malang_plan_versus_held(self) -> None:
        """Announced 16-18 May 2025, held 15-17 May: dates and sessions moved, sessions changed."""
        planned, held = _malang(16), _held_malang()
        result = diff(planned, held)
        assert (
            Shift(
                old_start=planned.start, old_end=planned.end, new_start=held.start, new_end=held.end
            )
            == result.dates_moved
        )
        assert ("teamwork", "penutupan-2") == result.added
        assert ("penutupan",) == result.cancelled
        assert ["apel", "materi-bkn"] == [m.session for m in result.moved]
        assert (SpeakerChange(session="materi-bkn", old=("zudan",), new=("erik",)),) == (
            result.speakers_changed
        )
        assert result.venue_changed is None
        assert 7 == result.changes
        assert not result.is_empty

    def test_session_shift_records_both_periods(self) -> None:
        """A moved session keeps the planned and held times."""
        (apel, _) = diff(_malang(16), _held_malang()).moved
        assert (
            SessionShift(
                session="apel",
                old_start=pendulum.datetime(2025, 5, 16, 7, tz=WIB),
                old_end=pendulum.datetime(2025, 5, 16, 8, tz=WIB),
                new_start=pendulum.datetime(2025, 5, 15, 7, tz=WIB),
                new_end=pendulum.datetime(2025, 5, 15, 8, tz=WIB),
            )
            == apel
        )

    def test_text_in_indonesian(self) -> None:
        """The Indonesian text writes times as 07.00 WIB, one change a line."""
        assert (
            "Tanggal retret berubah: 2025-05-16 07.00–2025-05-18 12.00 WIB menjadi "
            "2025-05-15 07.00–2025-05-17 12.00 WIB.\n"
            "Sesi dibatalkan: Penutupan [penutupan], semula 2025-05-18 10.00–12.00 WIB.\n"
            "Sesi ditambahkan: Teamwork building [teamwork], 2025-05-16 08.00–11.00 WIB.\n"
            "Sesi ditambahkan: Penutupan [penutupan-2], 2025-05-17 09.00–11.00 WIB.\n"
            "Jadwal sesi berubah: Apel pembukaan [apel], 2025-05-16 07.00–08.00 WIB menjadi "
            "2025-05-15 07.00–08.00 WIB.\n"
            "Jadwal sesi berubah: Manajemen ASN [materi-bkn], 2025-05-16 09.00–11.00 WIB menjadi "
            "2025-05-15 09.00–11.00 WIB.\n"
            "Narasumber sesi Manajemen ASN [materi-bkn] berubah: Zudan Arif Fakrulloh menjadi "
            "Erik Setyo Santoso."
        ) == diff(_malang(16), _held_malang()).to_text()

    def test_text_in_english(self) -> None:
        """The English text writes times as 07:00 WIB."""
        lines = diff(_malang(16), _held_malang()).lines("en")
        assert (
            "Dates moved: 2025-05-16 07:00–2025-05-18 12:00 WIB to "
            "2025-05-15 07:00–2025-05-17 12:00 WIB."
        ) == lines[0]
        assert (
            "Speakers of Manajemen ASN [materi-bkn] changed: Zudan Arif Fakrulloh to "
            "Erik Setyo Santoso."
        ) == lines[-1]
        assert 7 == len(lines)

    def test_same_retreat_is_empty(self) -> None:
        """A retreat held as planned has no change, and says so."""
        result = diff(_malang(16), _malang(16))
        assert (0, True) == (result.changes, result.is_empty)
        assert "No changes: the retreat was held as planned." == result.to_text("en")
        assert "Tidak ada perubahan: retret dilaksanakan sesuai rencana." == result.to_text("id")

    def test_other_zone_same_instant_is_no_change(self) -> None:
        """Times written in UTC instead of WIB are the same instants: no change."""
        assert diff(_malang(16), _malang(16, tz="UTC")).is_empty

    def test_venue_change(self) -> None:
        """Another venue is reported with both names."""
        planned = _malang(16)
        held = attrs.evolve(
            planned,
            venue=attrs.evolve(planned.venue, id="rindam", name="Rindam V/Brawijaya"),
        )
        result = diff(planned, held)
        assert VenueChange(old=planned.venue, new=held.venue) == result.venue_changed
        assert ("Venue changed: Politeknik Angkatan Darat to Rindam V/Brawijaya.",) == (
            result.lines("en")
        )

    def test_venue_capacity_alone_is_no_venue_change(self) -> None:
        """The same place with another capacity is not a change of venue."""
        planned = _malang(16)
        held = attrs.evolve(planned, venue=attrs.evolve(planned.venue, capacity=120))
        assert diff(planned, held).venue_changed is None

    def test_speakers_removed(self) -> None:
        """A session whose speakers all dropped out reports "none"."""
        planned = _malang(16)
        held = attrs.evolve(
            planned,
            sessions=tuple(attrs.evolve(s, speakers=()) for s in planned.sessions),
        )
        lines = diff(planned, held).lines("en")
        assert (
            "Speakers of Manajemen ASN [materi-bkn] changed: Zudan Arif Fakrulloh to none."
            == (lines[0])
        )
        assert "tidak ada." in diff(planned, held).lines("id")[0]

    def test_unknown_speaker_named_by_id(self) -> None:
        """A speaker id the retreat lacks is written as the id."""
        planned = _malang(16)
        held = attrs.evolve(
            planned,
            sessions=tuple(
                attrs.evolve(s, speakers=("tamu",)) if s.id == "materi-bkn" else s
                for s in planned.sessions
            ),
        )
        assert diff(planned, held).lines("en")[0].endswith("Zudan Arif Fakrulloh to tamu.")

    def test_hand_built_diff_with_unknown_sessions(self) -> None:
        """A diff naming sessions its retreats lack renders their ids and an unknown time."""
        planned = _malang(16)
        stamp = planned.start
        result = RetreatDiff(
            planned=planned,
            held=planned,
            added=("x",),
            moved=(
                SessionShift(
                    session="y", old_start=stamp, old_end=stamp, new_start=stamp, new_end=stamp
                ),
            ),
            speakers_changed=(SpeakerChange(session="z", old=(), new=()),),
        )
        assert (
            "Session added: x [x], ?.",
            "Session moved: y [y], 2025-05-16 07:00–07:00 WIB to 2025-05-16 07:00–07:00 WIB.",
            "Speakers of z [z] changed: none to none.",
        ) == result.lines("en")

    def test_repr_leaves_out_the_retreats(self) -> None:
        """The repr shows the changes, not the two whole retreats."""
        text = repr(diff(_malang(16), _malang(16)))
        assert text.startswith("RetreatDiff(dates_moved=None")
        assert "Politeknik" not in text

    def test_unknown_lang_raises(self) -> None:
        """The text is in Indonesian or English only."""
        result = diff(_malang(16), _malang(16))
        _raises(InvalidComponent, "calendar.language", "lang", lambda: result.to_text(_any("fr")))

    @pytest.mark.parametrize("which", ["planned", "held"])
    def test_not_a_retreat_raises(self, which: str) -> None:
        """Both arguments must be retreats."""
        args = {"planned": _malang(16), "held": _malang(16)}
        args[which] = _any("malang")
        _raises(InvalidType, "data.type", which, lambda: diff(**args))

    @given(st.integers(min_value=-3, max_value=3), st.integers(min_value=0, max_value=5))
    def test_shifted_retreat(self, days: int, hours: int) -> None:
        """Moving a whole retreat moves every session, and nothing else changes."""
        planned = _malang(16)
        held = _malang(16 + days)
        held = attrs.evolve(
            held,
            start=held.start.add(hours=hours),
            end=held.end.add(hours=hours),
            sessions=tuple(
                attrs.evolve(s, start=s.start.add(hours=hours), end=s.end.add(hours=hours))
                for s in held.sessions
            ),
        )
        result = diff(planned, held)
        shifted = days != 0 or hours != 0
        assert (shifted, 3 if shifted else 0) == (result.dates_moved is not None, len(result.moved))
        assert ((), (), ()) == (result.added, result.cancelled, result.speakers_changed)
        assert result.changes == 4 * shifted
