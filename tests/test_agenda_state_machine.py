"""A state machine edits a retreat agenda; rooms and speakers are never double-booked.

The machine keeps a model of the intended schedule (room, day, local minutes, speakers per
session) and edits it the way an organiser does: add a session in a free slot of a room,
move a session to a free slot, cancel a session, change a speaker. Each edit keeps the
plan free of conflicts according to the model. After every step the agenda is rebuilt as
a `Retreat` (times written in a zone drawn per session: instants, not wall times, must
be compared) and checked three ways that must agree: the library's RET003/RET004 sweep,
a brute-force comparison of every pair of sessions, and the model. A probe rule also
builds, without keeping it, an agenda with a deliberate clash and checks that both the
library and the brute force see exactly that clash.
"""

from __future__ import annotations

import itertools

from typing import Final, NamedTuple

import pendulum

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from birokrasi_retreat import validation
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import Pemda, PemdaKind
from birokrasi_retreat.retreat import (
    Retreat,
    Room,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
)


ZONE: Final = "Asia/Makassar"  # Kota Kendari, WITA (sources: time-zones)
KENDARI: Final = KodeWilayah(code="74.71")
DAYS: Final = (pendulum.Date(2025, 8, 4), pendulum.Date(2025, 8, 5))  # Monday and Tuesday
ROOMS: Final = ("aula", "kelas", "lapangan")
SPEAKERS: Final = ("sp-1", "sp-2", "sp-3", "sp-4")
OPEN: Final = 7 * 60
CLOSE: Final = 21 * 60
GRID: Final = 15
DURATIONS: Final = (30, 45, 60, 90, 120)
SHOWN_IN: Final = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC")
SELECTED: Final = ("RET003", "RET004")

VENUE: Final = Venue(
    id="kebun-raya",
    name="Kebun Raya Kendari",
    kind=VenueKind.OUTDOOR,
    kode=KENDARI,
    capacity=120,
    rooms=tuple(Room(id=room, name=room.title(), capacity=120) for room in ROOMS),
)
CAST: Final = tuple(
    Speaker(
        id=speaker,
        name=f"Narasumber {number}",
        role="Widyaiswara",
        institution="BPSDM",
        level=SpeakerLevel.PUSAT,
    )
    for number, speaker in enumerate(SPEAKERS, start=1)
)

Clash = tuple[str, frozenset[str]]
"""A room or speaker id and the two session ids in conflict."""


class Planned(NamedTuple):
    """The model of one session: where, when (local minutes of a day) and who speaks."""

    room: str | None
    day: int
    start: int
    end: int
    speakers: frozenset[str]
    shown_in: str

    def meets(self, other: Planned) -> bool:
        """Whether the two share some time (half-open: touching is no overlap)."""
        return self.day == other.day and self.start < other.end and other.start < self.end


def _at(day: int, minute: int, shown_in: str) -> pendulum.DateTime:
    hour, minute = divmod(minute, 60)
    local = pendulum.datetime(DAYS[day].year, DAYS[day].month, DAYS[day].day, hour, minute, tz=ZONE)
    return local.in_timezone(shown_in)


def build(plan: dict[str, Planned]) -> Retreat:
    """The retreat whose agenda is the plan."""
    sessions = tuple(
        Session(
            id=session_id,
            title=f"Sesi {session_id}",
            kind=SessionKind.LECTURE,
            start=_at(p.day, p.start, p.shown_in),
            end=_at(p.day, p.end, p.shown_in),
            room=p.room,
            speakers=tuple(sorted(p.speakers)),
        )
        for session_id, p in plan.items()
    )
    return Retreat(
        id="kendari-agenda",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=KENDARI),
        title="Retret ASN Kota Kendari",
        venue=VENUE,
        start=_at(0, OPEN, ZONE),
        end=_at(len(DAYS) - 1, CLOSE, ZONE),
        nights=len(DAYS) - 1,
        sessions=sessions,
        speakers=CAST,
    )


def _overlap(first: Session, second: Session) -> bool:
    return first.start < second.end and second.start < first.end


def brute_force(retreat: Retreat) -> tuple[set[Clash], set[Clash]]:
    """Room clashes and speaker clashes, by comparing every pair of sessions."""
    rooms: set[Clash] = set()
    speakers: set[Clash] = set()
    for a, b in itertools.combinations(retreat.sessions, 2):
        if not _overlap(a, b):
            continue
        pair = frozenset((a.id, b.id))
        if a.room is not None and a.room == b.room:
            rooms.add((a.room, pair))
        speakers.update((speaker, pair) for speaker in set(a.speakers) & set(b.speakers))
    return rooms, speakers


def library(retreat: Retreat) -> tuple[set[Clash], set[Clash]]:
    """Room clashes (RET003) and speaker clashes (RET004) as the library reports them."""
    report = validation.check(retreat, select=SELECTED)
    found: dict[str, set[Clash]] = {code: set() for code in SELECTED}
    for finding in report.findings:
        subject, session, other = finding.subjects
        found[finding.code].add((subject, frozenset((session, other))))
    return found["RET003"], found["RET004"]


def _free_starts(plan: dict[str, Planned], candidate: Planned, moving: str | None) -> list[int]:
    """Grid starts at which ``candidate`` (its length kept) clashes with nothing planned."""
    length = candidate.end - candidate.start
    starts = []
    for start in range(OPEN, CLOSE - length + 1, GRID):
        placed = candidate._replace(start=start, end=start + length)
        if not any(
            placed.meets(other)
            and (
                (placed.room is not None and placed.room == other.room)
                or placed.speakers & other.speakers
            )
            for session_id, other in plan.items()
            if session_id != moving
        ):
            starts.append(start)
    return starts


class AgendaMachine(RuleBasedStateMachine):
    """Edits an agenda the way an organiser does, never double-booking a room or speaker."""

    def __init__(self) -> None:
        super().__init__()
        self.plan: dict[str, Planned] = {}
        self.counter = 0

    def _draw_where(self, data: st.DataObject) -> tuple[str | None, int, str]:
        room = data.draw(st.sampled_from((*ROOMS, None)), label="room")
        day = data.draw(st.integers(min_value=0, max_value=len(DAYS) - 1), label="day")
        shown_in = data.draw(st.sampled_from(SHOWN_IN), label="shown_in")
        return room, day, shown_in

    @rule(data=st.data())
    def add_session(self, data: st.DataObject) -> None:
        """Add a session with free speakers in a free slot of a room (if there is one)."""
        room, day, shown_in = self._draw_where(data)
        length = data.draw(st.sampled_from(DURATIONS), label="length")
        speakers = frozenset(data.draw(st.sets(st.sampled_from(SPEAKERS), max_size=2)))
        candidate = Planned(room, day, OPEN, OPEN + length, speakers, shown_in)
        starts = _free_starts(self.plan, candidate, None)
        if starts:
            start = data.draw(st.sampled_from(starts), label="start")
            self.counter += 1
            self.plan[f"s{self.counter}"] = candidate._replace(start=start, end=start + length)

    @precondition(lambda self: self.plan)
    @rule(data=st.data())
    def move_session(self, data: st.DataObject) -> None:
        """Move a session, speakers and all, to a free slot of some room (if there is one)."""
        session_id = data.draw(st.sampled_from(sorted(self.plan)), label="session")
        room, day, shown_in = self._draw_where(data)
        candidate = self.plan[session_id]._replace(room=room, day=day, shown_in=shown_in)
        starts = _free_starts(self.plan, candidate, session_id)
        if starts:
            start = data.draw(st.sampled_from(starts), label="start")
            length = candidate.end - candidate.start
            self.plan[session_id] = candidate._replace(start=start, end=start + length)

    @precondition(lambda self: self.plan)
    @rule(data=st.data())
    def cancel_session(self, data: st.DataObject) -> None:
        """Cancel a session."""
        del self.plan[data.draw(st.sampled_from(sorted(self.plan)), label="session")]

    @precondition(lambda self: self.plan)
    @rule(data=st.data())
    def change_speaker(self, data: st.DataObject) -> None:
        """Replace one speaker of a session (or add one) by a speaker free at that time."""
        session_id = data.draw(st.sampled_from(sorted(self.plan)), label="session")
        planned = self.plan[session_id]
        busy = {
            speaker
            for other_id, other in self.plan.items()
            if other_id != session_id and other.meets(planned)
            for speaker in other.speakers
        }
        free = sorted(set(SPEAKERS) - busy - planned.speakers)
        if free:
            new = data.draw(st.sampled_from(free), label="new speaker")
            kept = set(planned.speakers)
            if kept:
                kept.discard(data.draw(st.sampled_from(sorted(kept)), label="old speaker"))
            self.plan[session_id] = planned._replace(speakers=frozenset({*kept, new}))

    @precondition(lambda self: self.plan)
    @rule(data=st.data())
    def probe_clash(self, data: st.DataObject) -> None:
        """An agenda with a deliberate clash (not kept): both checks see the same clashes."""
        session_id = data.draw(st.sampled_from(sorted(self.plan)), label="session")
        target = self.plan[session_id]
        # Starts before the target ends and ends after it starts: they overlap.
        start = data.draw(st.integers(min_value=target.start - 60, max_value=target.end - 1))
        end = data.draw(st.integers(min_value=max(start, target.start) + 1, max_value=start + 120))
        shown_in = data.draw(st.sampled_from(SHOWN_IN), label="shown_in")
        intruder = Planned(target.room, target.day, start, end, target.speakers, shown_in)
        probe = build({**self.plan, "probe": intruder})
        rooms, speakers = brute_force(probe)
        assert (rooms, speakers) == library(probe)
        # The intruder may meet neighbours of the target too; it meets the target surely.
        pair = frozenset((session_id, "probe"))
        if target.room is not None:
            assert (target.room, pair) in rooms
        assert {(speaker, pair) for speaker in target.speakers} <= speakers
        assert all("probe" in clash for _, clash in rooms | speakers)

    @invariant()
    def no_double_booking(self) -> None:
        """The library, the brute force and the model agree: no room or speaker clash."""
        retreat = build(self.plan)
        assert len(self.plan) == len(retreat.sessions)
        assert (set(), set()) == brute_force(retreat)
        assert (set(), set()) == library(retreat)


# At most 50 runs of 25 steps under any profile (settings() reads the profile loaded).
AgendaMachine.TestCase.settings = settings(
    max_examples=min(settings().max_examples, 50), stateful_step_count=25
)


class TestAgendaEdits(AgendaMachine.TestCase):  # type: ignore[valid-type,misc]
    """Random sequences of agenda edits never double-book a room or a speaker."""


class TestChecks:
    def test_brute_force_and_library_see_a_clash(self) -> None:
        """A hand-made clash in a room and of a speaker is seen by both checks alike."""
        plan = {
            "a": Planned("aula", 0, 8 * 60, 10 * 60, frozenset({"sp-1"}), ZONE),
            "b": Planned("aula", 0, 9 * 60, 9 * 60 + 30, frozenset({"sp-1"}), "Asia/Jakarta"),
            "c": Planned("kelas", 0, 10 * 60, 11 * 60, frozenset({"sp-1"}), "UTC"),
        }
        retreat = build(plan)
        expected = ({("aula", frozenset("ab"))}, {("sp-1", frozenset("ab"))})
        assert expected == brute_force(retreat)
        assert expected == library(retreat)

    def test_touching_sessions_do_not_clash(self) -> None:
        """A session may start in a room the moment the previous one ends, in any zone."""
        plan = {
            "a": Planned("aula", 1, 8 * 60, 9 * 60, frozenset({"sp-2"}), "Asia/Jayapura"),
            "b": Planned("aula", 1, 9 * 60, 10 * 60, frozenset({"sp-2"}), "Asia/Jakarta"),
        }
        retreat = build(plan)
        assert (set(), set()) == brute_force(retreat)
        assert (set(), set()) == library(retreat)

    def test_free_starts_avoid_busy_rooms_and_speakers(self) -> None:
        """The model offers no start that would clash in the room or for a speaker."""
        plan = {"a": Planned("aula", 0, OPEN, CLOSE - 60, frozenset(), ZONE)}
        candidate = Planned("aula", 0, OPEN, OPEN + 60, frozenset(), ZONE)
        assert [CLOSE - 60] == _free_starts(plan, candidate, None)
        assert [CLOSE - 60] == _free_starts(
            {"a": plan["a"]._replace(room=None, speakers=frozenset({"sp-3"}))},
            candidate._replace(room="kelas", speakers=frozenset({"sp-3"})),
            None,
        )
