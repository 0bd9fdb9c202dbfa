"""Contract tests for the retreat strategies: conflict-free by construction, lossless to store."""

from __future__ import annotations

import datetime as dt
import itertools

from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import serialization, validation
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.calendar import holidays_between
from birokrasi_retreat.ids import kode_wilayah
from birokrasi_retreat.retreat import (
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import pendulum


T = TypeVar("T")

KOTA = {"35.73", "35.79", "32.73", "74.71", "61.71", "91.71"}
FRIDAY = 4
PRAYER = (dt.time(11, 30), dt.time(13, 0))


def _find(strategy: st.SearchStrategy[T], condition: Callable[[T], bool]) -> T:
    """The first generated example that meets ``condition``, not shrunk (shrinking is slow)."""
    quick = settings(
        phases=[Phase.generate],
        database=None,
        max_examples=500,
        suppress_health_check=[HealthCheck.too_slow],
    )
    return find(strategy, condition, settings=quick)


def _overlap(first: Session, second: Session) -> bool:
    """Half-open intervals overlap (one may start when the other ends)."""
    return first.start < second.end and second.start < first.end


def _room_clashes(retreat: Retreat) -> set[tuple[str, frozenset[str]]]:
    """Every pair of sessions in one room at once: all pairs compared, no cleverness."""
    return {
        (a.room, frozenset((a.id, b.id)))
        for a, b in itertools.combinations(retreat.sessions, 2)
        if a.room is not None and a.room == b.room and _overlap(a, b)
    }


def _speaker_clashes(retreat: Retreat) -> set[tuple[str, frozenset[str]]]:
    """Every pair of overlapping sessions sharing a speaker: all pairs compared."""
    return {
        (speaker, frozenset((a.id, b.id)))
        for a, b in itertools.combinations(retreat.sessions, 2)
        if _overlap(a, b)
        for speaker in set(a.speakers) & set(b.speakers)
    }


def _local(moment: pendulum.DateTime, retreat: Retreat) -> pendulum.DateTime:
    return moment.in_timezone(retreat.timezone)


def _meets_prayer(session: Session, retreat: Retreat) -> bool:
    start, end = _local(session.start, retreat), _local(session.end, retreat)
    if start.weekday() != FRIDAY:
        return False
    low = start.replace(hour=PRAYER[0].hour, minute=PRAYER[0].minute)
    high = start.replace(hour=PRAYER[1].hour, minute=PRAYER[1].minute)
    return start < high and low < end


def _people(retreat: Retreat) -> Iterator[str]:
    for enrollment in retreat.enrollments:
        yield enrollment.nip
        if enrollment.substitute is not None:
            yield enrollment.substitute


def _zones(retreat: Retreat) -> list[str | None]:
    """Every zone name a retreat carries, in order (equality compares instants only)."""
    names = [retreat.start.timezone_name, retreat.end.timezone_name]
    for session in retreat.sessions:
        names += [session.start.timezone_name, session.end.timezone_name]
    for speaker in retreat.speakers:
        for window in speaker.availability:
            names += [window.start.timezone_name, window.end.timezone_name]
    return names


class TestVenues:
    @given(brst.venues())
    def test_real_kota_and_rooms(self, venue: Venue) -> None:
        """A venue lies in a real kota; its rooms have distinct ids and fit inside it."""
        assert kode_wilayah.format(venue.kode.code) in KOTA
        assert venue.kode.exists
        assert venue.timezone in brst.INDONESIAN_TIMEZONES
        assert 1 <= len(venue.rooms) <= 4
        assert len({room.id for room in venue.rooms}) == len(venue.rooms)
        assert all(room.capacity <= venue.capacity for room in venue.rooms)

    @given(brst.venues(kinds=st.just(VenueKind.MILITARY), min_rooms=0, max_rooms=0))
    def test_options(self, venue: Venue) -> None:
        """The kind and room-count options are honoured."""
        assert VenueKind.MILITARY is venue.kind
        assert () == venue.rooms

    @pytest.mark.parametrize(
        ("zone", "label"),
        [
            ("Asia/Jakarta", "WIB"),
            ("Asia/Pontianak", "WIB"),
            ("Asia/Makassar", "WITA"),
            ("Asia/Jayapura", "WIT"),
        ],
    )
    def test_every_zone(self, zone: str, label: str) -> None:
        """Venues come in every Indonesian time zone, Kendari (74.71) in WITA among them."""
        venue = _find(brst.venues(), lambda v: v.timezone == zone)
        assert label == venue.timezone_label

    @pytest.mark.parametrize(("low", "high"), [(-1, 2), (3, 2)])
    def test_bad_bounds(self, low: int, high: int) -> None:
        """A negative or reversed room range is refused with InvalidArgument."""
        with pytest.raises(InvalidArgument):
            brst.venues(min_rooms=low, max_rooms=high)


class TestSpeakers:
    @given(brst.speakers())
    def test_valid(self, speaker: Speaker) -> None:
        """A speaker has a synthetic name, a role and windows that are aware and ordered."""
        assert speaker.name.strip()
        assert speaker.role.strip()
        assert speaker.institution.strip()
        assert len(speaker.availability) <= 2
        for window in speaker.availability:
            assert window.start.timezone_name in brst.INDONESIAN_TIMEZONES
            assert window.start < window.end

    @given(brst.speakers(levels=st.just(SpeakerLevel.TNI_POLRI), availability=st.just(())))
    def test_options(self, speaker: Speaker) -> None:
        """The level and availability options are honoured."""
        assert SpeakerLevel.TNI_POLRI is speaker.level
        assert () == speaker.availability

    def test_windows_are_generated(self) -> None:
        """Some generated speakers have availability windows."""
        assert _find(brst.speakers(), lambda s: len(s.availability) == 2).availability


class TestSessions:
    @given(brst.venues(), st.data())
    def test_in_the_venue(self, venue: Venue, data: st.DataObject) -> None:
        """A session for a venue is in its zone, in one of its rooms or none, 07:00-21:00."""
        session = data.draw(brst.sessions(venue=venue))
        assert venue.timezone == session.start.timezone_name == session.end.timezone_name
        assert session.room is None or venue.room(session.room) is not None
        assert session.start.date() == session.end.date()
        assert session.start.hour >= 7
        assert session.end <= session.start.replace(hour=21, minute=0)
        assert session.speakers == ()

    @given(brst.sessions())
    def test_without_venue(self, session: Session) -> None:
        """Without a venue, a session is in an Indonesian zone, 15 minutes to 2 hours long."""
        assert session.start.timezone_name in brst.INDONESIAN_TIMEZONES
        assert 15 <= session.duration.in_minutes() <= 120

    @given(brst.sessions(day=dt.date(2025, 8, 1)))
    def test_friday_prayer_kept_clear(self, session: Session) -> None:
        """On a Friday (1 August 2025) no session meets 11:30-13:00 local time."""
        assert 4 == session.start.weekday()
        low = session.start.replace(hour=11, minute=30)
        high = session.start.replace(hour=13, minute=0)
        assert not (session.start < high and low < session.end)

    @given(brst.venues(min_rooms=0, max_rooms=0), st.data())
    def test_roomless_venue(self, venue: Venue, data: st.DataObject) -> None:
        """A venue without rooms gives sessions without a room."""
        assert data.draw(brst.sessions(venue=venue)).room is None

    @given(brst.sessions(kinds=st.just(SessionKind.MEAL_BREAK)))
    def test_kinds_and_meal_breaks(self, session: Session) -> None:
        """The kind option is honoured, and meal breaks are never mandatory."""
        assert SessionKind.MEAL_BREAK is session.kind
        assert not session.mandatory

    @pytest.mark.parametrize(
        "options",
        [{"venue": "kebun-raya"}, {"day": dt.datetime(2025, 8, 1, tzinfo=dt.UTC)}, {"day": "x"}],
    )
    def test_bad_options(self, options: dict[str, Any]) -> None:
        """A venue that is no Venue, or a day that is a datetime or no date, is refused."""
        with pytest.raises(InvalidArgument):
            brst.sessions(**options)


class TestRetreats:
    @given(brst.retreats())
    def test_conflict_free(self, retreat: Retreat) -> None:
        """Every invariant of a conflict-free retreat holds, checked by brute force."""
        days = retreat.days
        assert 1 <= len(days) <= 4
        assert len(days) - 1 == retreat.nights
        zone = retreat.timezone
        first_day = [s for s in retreat.sessions if _local(s.start, retreat).date() == days[0]]
        last_day = [s for s in retreat.sessions if _local(s.start, retreat).date() == days[-1]]
        assert SessionKind.OPENING in {s.kind for s in first_day}
        assert SessionKind.CLOSING in {s.kind for s in last_day}
        assert set(days) == {_local(s.start, retreat).date() for s in retreat.sessions}
        speakers = {speaker.id: speaker for speaker in retreat.speakers}
        for session in retreat.sessions:
            assert zone == session.start.timezone_name
            assert retreat.start <= session.start < session.end <= retreat.end
            assert _local(session.start, retreat).date() == _local(session.end, retreat).date()
            assert session.room is None or retreat.venue.room(session.room) is not None
            for speaker_id in session.speakers:
                assert speakers[speaker_id].available(session.start, session.end)
            assert not _meets_prayer(session, retreat)
        assert set() == _room_clashes(retreat)
        assert set() == _speaker_clashes(retreat)
        people = list(_people(retreat))
        assert len(set(people)) == len(people)
        capacities = [retreat.venue.capacity, *(r.capacity for r in retreat.venue.rooms)]
        assert len(people) <= min(capacities)
        assert () == holidays_between(days[0], days[-1])

    @given(brst.retreats())
    def test_checks_without_errors(self, retreat: Retreat) -> None:
        """The library's RET rules find no error, and none of the planning warnings either."""
        assert "RET003" in validation.RULES
        report = validation.check(retreat)
        assert () == report.errors
        assert () == report.warnings

    @settings(max_examples=50)
    @given(brst.retreats(max_sessions=8, max_days=3))
    def test_round_trip(self, retreat: Retreat) -> None:
        """Retreats round-trip through dict, JSON and TOML with every zone name kept."""
        zones = _zones(retreat)
        loaded = serialization.from_dict(serialization.to_dict(retreat), Retreat)
        assert retreat == loaded
        assert zones == _zones(loaded)
        for fmt in ("json", "toml"):  # a Format literal each
            text = serialization.dumps(retreat, format=fmt)
            loaded = serialization.loads(text, Retreat, format=fmt)
            assert retreat == loaded
            assert zones == _zones(loaded)

    @given(brst.retreats(min_sessions=5, max_sessions=7, min_days=2, max_days=3))
    def test_size_options(self, retreat: Retreat) -> None:
        """The session and day bounds are honoured."""
        assert 5 <= len(retreat.sessions) <= 7
        assert 2 <= len(retreat.days) <= 3

    @given(brst.retreats(max_sessions=2, max_days=4))
    def test_two_sessions_make_a_short_retreat(self, retreat: Retreat) -> None:
        """With at most 2 sessions a retreat lasts at most 2 days: opening and closing."""
        assert [SessionKind.OPENING, SessionKind.CLOSING] == [s.kind for s in retreat.sessions]
        assert len(retreat.days) <= 2

    @settings(max_examples=20)
    @given(brst.retreats(min_sessions=20, min_days=4))
    def test_no_upper_bound(self, retreat: Retreat) -> None:
        """Without max_sessions, up to 8 sessions more than the minimum are drawn."""
        assert 20 <= len(retreat.sessions) <= 28

    @given(
        brst.retreats(
            statuses=st.just(RetreatStatus.HELD),
            venues=brst.venues(min_rooms=0, max_rooms=0),
            max_speakers=0,
        )
    )
    def test_held_without_rooms_or_speakers(self, retreat: Retreat) -> None:
        """Held retreats: attendees attended every mandatory session; options are honoured."""
        assert () == retreat.speakers
        assert all(s.room is None and s.speakers == () for s in retreat.sessions)
        mandatory = {s.id for s in retreat.sessions if s.mandatory}
        for enrollment in retreat.enrollments:
            assert enrollment.status in {
                EnrollmentStatus.ATTENDED,
                EnrollmentStatus.EXCUSED,
                EnrollmentStatus.ABSENT,
            }
            if enrollment.status is EnrollmentStatus.ATTENDED:
                assert mandatory <= set(enrollment.attended_sessions)

    @given(brst.retreats(statuses=st.just(RetreatStatus.PLANNED), max_enrollments=0))
    def test_planned_without_enrollments(self, retreat: Retreat) -> None:
        """The status and enrollment options are honoured."""
        assert RetreatStatus.PLANNED is retreat.status
        assert () == retreat.enrollments

    def test_busy_rooms_fall_back(self) -> None:
        """When every room is taken, a session moves outdoors (no room) rather than clash."""
        crowded = brst.retreats(
            min_sessions=12, max_sessions=12, max_days=1, venues=brst.venues(max_rooms=1)
        )
        retreat = _find(crowded, lambda r: sum(s.room is None for s in r.sessions) >= 6)
        assert set() == _room_clashes(retreat)

    def test_speakers_dropped_when_busy_or_away(self) -> None:
        """A speaker busy at the time, or not available, is left out of a session."""
        busy = _find(
            brst.retreats(min_sessions=10, max_days=1, max_speakers=1),
            lambda r: sum(bool(s.speakers) for s in r.sessions) >= 3,
        )
        assert set() == _speaker_clashes(busy)
        away = _find(
            brst.retreats(min_days=3, min_sessions=6),
            lambda r: any(
                speaker.availability and not speaker.available(s.start, s.end)
                for speaker in r.speakers
                for s in r.sessions
            ),
        )
        cast = {speaker.id: speaker for speaker in away.speakers}
        for session in away.sessions:
            for speaker_id in session.speakers:
                assert cast[speaker_id].available(session.start, session.end)

    def test_substitutes_and_optional_sessions(self) -> None:
        """Some enrollments name a substitute; some attendees attend optional sessions too."""
        substituted = _find(
            brst.retreats(max_enrollments=8), lambda r: any(e.substitute for e in r.enrollments)
        )
        assert len(set(_people(substituted))) == len(list(_people(substituted)))
        keen = _find(
            brst.retreats(statuses=st.just(RetreatStatus.HELD)),
            lambda r: any(
                not s.mandatory and s.id in e.attended_sessions
                for e in r.enrollments
                for s in r.sessions
            ),
        )
        assert RetreatStatus.HELD is keen.status

    @pytest.mark.parametrize(
        "options",
        [
            {"min_sessions": 0},
            {"min_sessions": 5, "max_sessions": 3},
            {"max_sessions": 1},
            {"min_days": 0},
            {"min_days": 3, "max_days": 2},
            {"max_days": 15},
            {"max_sessions": 2, "min_days": 3},
            {"max_speakers": -1},
            {"max_enrollments": -1},
        ],
    )
    def test_bad_options(self, options: dict[str, Any]) -> None:
        """Out-of-range or inconsistent bounds are refused with InvalidArgument."""
        with pytest.raises(InvalidArgument):
            brst.retreats(**options)


class TestFromType:
    @given(st.from_type(Venue), st.from_type(Speaker), st.from_type(Session))
    def test_registered(self, venue: Venue, speaker: Speaker, session: Session) -> None:
        """Venue, Speaker and Session are registered for st.from_type."""
        assert isinstance(venue, Venue)
        assert isinstance(speaker, Speaker)
        assert isinstance(session, Session)

    @given(st.from_type(Retreat))
    def test_retreat_registered(self, retreat: Retreat) -> None:
        """Retreat is registered for st.from_type, with its conflict-free strategy."""
        assert retreat.sessions[0].kind is SessionKind.OPENING
