"""Retreat rules (RET001-RET017): checks across the agenda, venue, speakers and people.

Each rule is a plain function registered with `birokrasi_retreat.validation.rule`; they
run on ``import birokrasi_retreat.validation`` and apply to a
`birokrasi_retreat.retreat.Retreat`. Codes are public contract (there is no RET002):

* Agenda: RET001 a session outside the retreat period, RET003 two sessions in one room
  at once, RET012 nights that do not fit the dates ("3 hari 2 malam"), RET013 no opening
  or no closing session, RET014 a retreat day without sessions, RET016 a session naming
  an unknown speaker or room.
* Speakers: RET004 a speaker in two overlapping sessions (also across the retreats given
  in ``options["other_retreats"]``, with an optional travel buffer between venues),
  RET005 a session outside the speaker's availability.
* Venue and calendar: RET006 more participants than the venue or a room holds, RET010 a
  retreat day on a national holiday or cuti bersama, RET011 a Friday session over the
  Friday prayer time.
* People: RET007 an official enrolled twice, RET008 an enrolled official who is not
  eligible, RET009 an eligible official who is not enrolled (with the coverage), RET015
  attendance of mandatory sessions below a threshold, RET017 an enrolled official with
  no post on the first day.

Options (``check(retreat, options={...})``):

* ``"roster"``: the host's `birokrasi_retreat.roster.Roster`; RET008, RET009 and RET017
  need it and stay silent without it. Eligibility is evaluated with
  `birokrasi_retreat.eligibility.evaluate` on the **first local day** of the retreat.
* ``"other_retreats"``: other `Retreat` s checked together for RET004 (the retreat
  itself, any retreat with its id, and cancelled ones are skipped). Speakers are matched
  by id, venues by id.
* ``"travel_buffer_minutes"``: the least gap (default 0) RET004 wants between two
  sessions of one speaker at different venues.
* ``"friday_prayer"``: ``(start, end)`` clock times (`datetime.time`, no zone) of the
  Friday prayer window in the venue's local time, default `DEFAULT_FRIDAY_PRAYER`.
* ``"attendance_threshold"``: RET015's least share of mandatory sessions attended,
  default `DEFAULT_ATTENDANCE_THRESHOLD` (a project choice, not a regulation).
* ``"extra_holidays"``: `birokrasi_retreat.calendar.Holiday` s added to the national
  calendar for RET010 (a local holiday, a late decree).

Decisions where the brief or the regulation leaves a gap (also in each rule's rationale):

* **Time** is compared as instants; sessions are half-open, so one ending at 10:00 and
  another starting at 10:00 do not overlap. Days are local calendar days of the venue
  (`Retreat.days`).
* **Cancelled retreats** keep only the rules about the record itself: RET001 (session
  outside the dates), RET007 (enrolled twice), RET012 (nights) and RET016 (unknown
  references). Every rule about running the retreat (rooms, speakers, capacity, calendar,
  agenda completeness, eligibility, attendance) is silent.
* **Participants** (RET006) are the distinct NIPs enrolled with a status other than
  excused or absent; a substitute counts when enrolled in their own right. Room capacity
  is checked for mandatory sessions only (who comes to an optional one is unknown).
* **RET008/RET017** look at each NIP's first enrollment (repeats are RET007's) and not at
  substitutes; a NIP missing from the roster is RET008's ("not in the roster"), not
  RET017's. **RET009** counts an official as enrolled when enrolled with any status or
  named as a substitute, and reports one info finding per missing official, each with
  the coverage ``enrolled/eligible`` of the whole retreat.
* **RET011** checks *mandatory* sessions only, as sources: friday-prayer advises; worship
  sessions are exempt, and so (our decision) are meal breaks, the break in which people
  pray. The window is compared in the venue's local time.
* **RET015** checks enrollments with status attended only, against the mandatory sessions
  of the agenda; unknown session ids in ``attended_sessions`` count for nothing.
* Messages never show a whole NIP: params and subjects carry `birokrasi_retreat.ids.nip.mask`.

Overlaps (RET003, RET004) are found by one sweep over the sessions sorted by start with a
heap of those still open: O(n log n) plus the pairs reported, never a comparison of all
pairs.

References:
    - Keppres 41/1987: WIB, WITA, WIT; local time of the venue (sources: time-zones).
    - Perpres 21/2023 Pasal 4(5): a 90-minute Friday break, placed at 11:30-13:00 as in
      the revoked Keppres 68/1995 (a convention; sources: friday-prayer).
    - Perpres 21/2023 Pasal 6: national holidays and cuti bersama (sources: working-hours).
    - UU 27/2022: NIPs are personal data (sources: uu-pdp).

Examples:
    >>> from birokrasi_retreat.validation import RULES, Severity
    >>> RULES["RET003"].severity is Severity.ERROR, RULES["RET009"].title("en")
    (True, 'Eligible official not enrolled')
    >>> DEFAULT_FRIDAY_PRAYER
    (datetime.time(11, 30), datetime.time(13, 0))
"""

from __future__ import annotations

import datetime as dt
import heapq
import math

from typing import TYPE_CHECKING, Final, NamedTuple

import pendulum

from birokrasi_retreat import _privacy
from birokrasi_retreat import eligibility as _eligibility
from birokrasi_retreat._rules import Context, Hit, rule
from birokrasi_retreat.calendar import Holiday, HolidayKind, holidays_between
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.retreat import (
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Session,
    SessionKind,
)
from birokrasi_retreat.validation import _options


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from birokrasi_retreat.errors import InvalidComponent
    from birokrasi_retreat.organization import Official
    from birokrasi_retreat.roster import Roster


__all__ = [
    "DEFAULT_ATTENDANCE_THRESHOLD",
    "DEFAULT_FRIDAY_PRAYER",
    "DEFAULT_TRAVEL_BUFFER_MINUTES",
]

DEFAULT_FRIDAY_PRAYER: Final = (dt.time(11, 30), dt.time(13, 0))
"""RET011's Friday prayer window, local time: the 90-minute Friday break of Perpres 21/2023
Pasal 4(5) at the clock position of the revoked Keppres 68/1995 (a convention,
sources: friday-prayer); override with ``options={"friday_prayer": (start, end)}``."""

DEFAULT_ATTENDANCE_THRESHOLD: Final = 0.8
"""RET015's least share of mandatory sessions attended: a project choice, not a regulation;
override with ``options={"attendance_threshold": 0.9}``."""

DEFAULT_TRAVEL_BUFFER_MINUTES: Final = 0
"""RET004's least gap between two sessions of one speaker at different venues."""

# Option keys of check(retreat, options=...).
_OTHERS: Final = "other_retreats"
_BUFFER: Final = "travel_buffer_minutes"
_FRIDAY: Final = "friday_prayer"
_THRESHOLD: Final = "attendance_threshold"
_EXTRA: Final = "extra_holidays"

_SOURCE_RECORD: Final = (
    "Data consistency (no regulation cited): the retreat record must agree with itself"
)
_SOURCE_SCHEDULE: Final = (
    "Data consistency (no regulation cited): one room, one speaker, one session at a time"
)
_SOURCE_PLANNING: Final = "Good practice of retreat planning (no regulation cited)"
_SOURCE_ELIGIBILITY: Final = (
    "The retreat's own Eligibility, evaluated on the host's roster on the first local day"
)

# Statuses of people who are not coming (RET006).
_NOT_COMING: Final = frozenset({EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT})
# Sessions that may overlap the Friday prayer window (RET011): worship itself, and meal
# breaks, the break of Perpres 21/2023 Pasal 4(5) in which people pray (our decision).
_PRAYER_EXEMPT: Final = frozenset({SessionKind.WORSHIP, SessionKind.MEAL_BREAK})
_FRIDAY_WEEKDAY: Final = 4
"""`datetime.date.weekday` of a Friday."""

# Bilingual labels used inside messages (Indonesian, English).
_KIND_LABELS: Final[Mapping[SessionKind, tuple[str, str]]] = {
    SessionKind.OPENING: ("pembukaan", "opening"),
    SessionKind.CLOSING: ("penutupan", "closing"),
}
_HOLIDAY_LABELS: Final[Mapping[HolidayKind, tuple[str, str]]] = {
    HolidayKind.PUBLIC: ("hari libur nasional", "the national holiday"),
    HolidayKind.CUTI_BERSAMA: ("cuti bersama", "the cuti bersama (collective leave) day"),
    HolidayKind.LOCAL: ("hari libur daerah", "the local holiday"),
}
_REFERENCE_LABELS: Final[Mapping[str, tuple[str, str]]] = {
    "room": ("ruang", "room"),
    "speaker": ("narasumber", "speaker"),
}

_NOT_IN_ROSTER: Final = "ret.not_in_roster"
"""The reason RET008 gives for an enrolled NIP that the roster does not know."""

_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_ORDINAL: Final = _EPOCH.date().toordinal()
_SECOND: Final = 1_000_000
"""Microseconds per second: the rules compute on whole microseconds since `_EPOCH`."""
_DAY: Final = 86_400 * _SECOND


# --- shared helpers -------------------------------------------------------------------


def _running(retreat: Retreat) -> bool:
    """False for a cancelled retreat: rules about running it stay silent."""
    return retreat.status is not RetreatStatus.CANCELLED


def _person(number: str, official: Official | None) -> dict[str, object]:
    """Params naming an official: the masked NIP, and the name when the roster knows it."""
    if official is None:
        masked = _privacy.mask(number, nik=False)
        return {"nip": masked, "participant": masked}
    masked = _privacy.mask(number, official.asn_type)
    return {"nip": masked, "participant": f"{official.name} ({masked})"}


def _micros(moment: dt.datetime) -> int:
    """Microseconds since the Unix epoch, exact.

    The sweeps and day counts work on these integers: the stdlib subtraction costs about
    1.7 us, while pendulum's own ``+`` and ``-`` cost about 7 us each.
    """
    delta = dt.datetime.__sub__(moment, _EPOCH)
    return (delta.days * 86_400 + delta.seconds) * _SECOND + delta.microseconds


def _offset(retreat: Retreat) -> int:
    """The UTC offset of the venue's zone in microseconds.

    Taken once per retreat: WIB, WITA and WIT keep fixed offsets, with no daylight saving
    (Keppres 41/1987; sources: time-zones).
    """
    local = retreat.start.in_timezone(pendulum.timezone(retreat.timezone))
    return _micros(local.naive().replace(tzinfo=dt.UTC)) - _micros(local)


def _day_number(moment: int, offset: int) -> int:
    """The local calendar day of an instant, as days since 1970-01-01."""
    return (moment + offset) // _DAY


def _date(day: int) -> dt.date:
    return dt.date.fromordinal(_EPOCH_ORDINAL + day)


def _clock(moment: pendulum.DateTime, retreat: Retreat, layout: str) -> str:
    return moment.in_timezone(pendulum.timezone(retreat.timezone)).strftime(layout)


def _stamp(moment: pendulum.DateTime, retreat: Retreat) -> str:
    """A time in the venue's local zone, as schedules print it: ``2025-05-15 07:30 WIB``."""
    return f"{_clock(moment, retreat, '%Y-%m-%d %H:%M')} {retreat.venue.timezone_label}"


def _percent(ratio: float) -> tuple[str, str]:
    """``(Indonesian, English)`` renderings of a ratio as a percentage, one decimal."""
    text = f"{ratio * 100:.1f}%"
    return text.replace(".", ","), text


def _local_days(session: Session, offset: int) -> tuple[int, int, int, int]:
    """A session's start and end (microseconds) and the first and last local day it touches.

    Days are numbered as in `_day_number`; an end at midnight belongs to the day before.
    """
    start, end = _micros(session.start), _micros(session.end)
    return start, end, _day_number(start, offset), _day_number(end - 1, offset)


def _first_enrollments(retreat: Retreat) -> Iterator[tuple[int, str]]:
    """Each enrolled NIP once, with the index of its first enrollment."""
    seen: set[str] = set()
    for index, enrollment in enumerate(retreat.enrollments):
        if enrollment.nip not in seen:
            seen.add(enrollment.nip)
            yield index, enrollment.nip


# --- options ----------------------------------------------------------------------------


def _range_error(name: str, expected_id: str, expected_en: str, value: object) -> InvalidComponent:
    return _options.range_error("ret.option", name, expected_id, expected_en, value)


def _others(ctx: Context) -> tuple[Retreat, ...]:
    return _options.items_of(ctx, _OTHERS, Retreat)


def _buffer(ctx: Context) -> float:
    """The travel buffer in minutes."""
    minutes = _options.number(ctx, _BUFFER, DEFAULT_TRAVEL_BUFFER_MINUTES)
    if not 0 <= minutes < math.inf:
        raise _range_error(_BUFFER, "angka nol atau lebih", "a number of zero or more", minutes)
    return minutes


def _threshold(ctx: Context) -> float:
    return _options.share(ctx, "ret.option", _THRESHOLD, DEFAULT_ATTENDANCE_THRESHOLD)


def _friday_window(ctx: Context) -> tuple[dt.time, dt.time]:
    value = ctx.options.get(_FRIDAY, DEFAULT_FRIDAY_PRAYER)
    if not (
        isinstance(value, (tuple, list))
        and len(value) == 2  # noqa: PLR2004 - a start and an end
        and all(isinstance(t, dt.time) for t in value)
    ):
        raise _options.type_error(_FRIDAY, "(time, time)", value)
    start, end = value
    if start.tzinfo is not None or end.tzinfo is not None or not start < end:
        raise _range_error(
            _FRIDAY,
            "dua jam lokal tanpa zona, mulai sebelum selesai",
            "two local clock times without a zone, the start before the end",
            f"{start.isoformat()}-{end.isoformat()}",
        )
    return start, end


def _extra_holidays(ctx: Context) -> tuple[Holiday, ...]:
    return _options.items_of(ctx, _EXTRA, Holiday)


# --- the overlap sweep (RET003, RET004) ---------------------------------------------------


class _Slot(NamedTuple):
    """One session (for RET004: one session of one speaker) on the time line."""

    start: int
    """Microseconds since the epoch (`_micros`)."""
    end: int
    order: int
    """Unique: breaks ties of equal starts, so the sweep is deterministic."""
    retreat: int
    """0 for the retreat checked, 1.. for the other retreats."""
    session: int
    """The index of the session in its retreat's agenda."""
    venue: str
    speaker: int = -1
    """The index of the speaker in the session's ``speakers`` (RET004)."""


def _start_key(slot: _Slot) -> tuple[int, int]:
    return slot.start, slot.order


def _overlaps(slots: Iterable[_Slot], *, buffer: int = 0) -> Iterator[tuple[_Slot, _Slot]]:
    """Yield each pair of slots in conflict once, the later-starting slot second.

    Two slots conflict when they overlap (half-open: an end at the other's start is no
    overlap) or, at different venues, when the gap between them is shorter than
    ``buffer`` (microseconds). One sweep over the slots sorted by start keeps a heap of
    the slots whose end plus ``buffer`` lies after the current start: O(n log n) plus the
    pairs looked at, never every pair.
    """
    open_: list[tuple[int, int, _Slot]] = []
    for slot in sorted(slots, key=_start_key):
        # A slot whose reach ends by this start can conflict with no later slot either.
        while open_ and open_[0][0] <= slot.start:
            heapq.heappop(open_)
        for _reach, _order, other in open_:
            # Within its reach: a conflict unless at the same venue with no real overlap.
            if other.venue != slot.venue or other.end > slot.start:
                yield other, slot
        heapq.heappush(open_, (slot.end + buffer, slot.order, slot))


# --- RET001, RET003: the agenda in time and rooms -------------------------------------------


@rule(
    "RET001",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Sesi di luar waktu retret",
    title_en="Session outside the retreat period",
    rationale=(
        "Every session happens between the retreat's start and end; one outside them "
        "has a wrong date or time, often a wrong day after the dates moved. Checked for "
        "cancelled retreats too (the record disagrees with itself)."
    ),
    source=_SOURCE_RECORD,
)
def _session_outside_period(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    for index, session in enumerate(retreat.sessions):
        early = session.start < retreat.start
        if early or session.end > retreat.end:
            yield Hit(
                path=f"sessions[{index}].{'start' if early else 'end'}",
                params={
                    "session": session.title,
                    "start": _stamp(session.start, retreat),
                    "end": _stamp(session.end, retreat),
                    "retreat_start": _stamp(retreat.start, retreat),
                    "retreat_end": _stamp(retreat.end, retreat),
                },
                subjects=(session.id,),
            )


@rule(
    "RET003",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Dua sesi bertumpuk dalam satu ruang",
    title_en="Two sessions overlap in one room",
    rationale=(
        "A room holds one session at a time. Sessions are half-open intervals (one may "
        "start when the other ends). Each overlapping pair is reported once, on the "
        "later-starting session. Silent for cancelled retreats."
    ),
    source=_SOURCE_SCHEDULE,
)
def _room_overlap(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    if not _running(retreat):
        return
    by_room: dict[str, list[_Slot]] = {}
    for index, session in enumerate(retreat.sessions):
        if session.room is not None:
            slot = _Slot(
                _micros(session.start), _micros(session.end), index, 0, index, session.room
            )
            by_room.setdefault(session.room, []).append(slot)
    for room_id, slots in by_room.items():
        room = retreat.venue.room(room_id)
        for first, second in _overlaps(slots):
            session, other = retreat.sessions[second.session], retreat.sessions[first.session]
            yield Hit(
                path=f"sessions[{second.session}].room",
                params={
                    "room": room_id if room is None else room.name,
                    "session": session.title,
                    "other": other.title,
                    "other_path": f"sessions[{first.session}]",
                    "start": _stamp(session.start, retreat),
                    "end": _stamp(min(session.end, other.end), retreat),
                },
                subjects=(room_id, session.id, other.id),
            )


# --- RET004, RET005: speakers -------------------------------------------------------------------


def _speaker_slots(retreats: tuple[Retreat, ...], wanted: set[str]) -> dict[str, list[_Slot]]:
    """Per speaker id of ``wanted``: one slot per session naming it, over every retreat."""
    slots: dict[str, list[_Slot]] = {}
    order = 0
    for number, retreat in enumerate(retreats):
        venue = retreat.venue.id
        for index, session in enumerate(retreat.sessions):
            named: set[str] = set()
            for position, speaker in enumerate(session.speakers):
                if speaker in wanted and speaker not in named:
                    named.add(speaker)
                    start, end = _micros(session.start), _micros(session.end)
                    slot = _Slot(start, end, order, number, index, venue, position)
                    slots.setdefault(speaker, []).append(slot)
                    order += 1
    return slots


@rule(
    "RET004",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Narasumber pada dua sesi yang bertumpuk",
    title_en="Speaker in two overlapping sessions",
    rationale=(
        "A speaker gives one session at a time, also across several retreats checked "
        "together (options={'other_retreats': [...]}, matched by speaker id; cancelled "
        "ones skipped). Between sessions at different venues (by venue id) a travel "
        "buffer applies (options={'travel_buffer_minutes': 60}, default 0). Reported on "
        "the session of this retreat (the later one when both are). Silent for cancelled "
        "retreats."
    ),
    source=_SOURCE_SCHEDULE + "; travel time between venues",
)
def _speaker_overlap(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    buffer = _buffer(ctx)
    others = _others(ctx)
    if not _running(retreat):
        return
    retreats = (
        retreat,
        *(other for other in others if other.id != retreat.id and _running(other)),
    )
    names = {speaker.id: speaker.name for speaker in retreat.speakers}
    wanted = {speaker for session in retreat.sessions for speaker in session.speakers}
    shown = int(buffer) if buffer.is_integer() else buffer
    for speaker_id, slots in _speaker_slots(retreats, wanted).items():
        for first, second in _overlaps(slots, buffer=round(buffer * 60 * _SECOND)):
            if second.retreat == 0:
                here, there = second, first
            elif first.retreat == 0:
                here, there = first, second
            else:
                continue  # a conflict between two other retreats is theirs to report
            session = retreat.sessions[here.session]
            away = retreats[there.retreat]
            other = away.sessions[there.session]
            overlap = first.end > second.start
            yield Hit(
                path=f"sessions[{here.session}].speakers[{here.speaker}]",
                params={
                    "speaker": names.get(speaker_id, speaker_id),
                    "session": session.title,
                    "start": _stamp(session.start, retreat),
                    "other": other.title,
                    "other_start": _stamp(other.start, away),
                    "other_retreat": away.id,
                    "other_path": f"sessions[{there.session}]",
                    "overlap": overlap,
                    "buffer": shown,
                    "note_id": "" if overlap else f"; jeda antartempat minimal {shown} menit",
                    "note_en": "" if overlap else f"; travel between venues needs {shown} minutes",
                },
                subjects=(speaker_id, session.id, other.id),
            )


@rule(
    "RET005",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Sesi di luar ketersediaan narasumber",
    title_en="Session outside the speaker's availability",
    rationale=(
        "A speaker's availability windows say when they can come; a session outside "
        "every window needs the speaker's confirmation. Silent for a speaker without "
        "windows (no constraint known) and for cancelled retreats."
    ),
    source=_SOURCE_PLANNING,
)
def _outside_availability(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    if not _running(retreat):
        return
    speakers = {speaker.id: (index, speaker) for index, speaker in enumerate(retreat.speakers)}
    for index, session in enumerate(retreat.sessions):
        for speaker_id in dict.fromkeys(session.speakers):
            found = speakers.get(speaker_id)
            if found is None:
                continue  # an unknown speaker is RET016's
            position, speaker = found
            if not speaker.available(session.start, session.end):
                yield Hit(
                    path=f"speakers[{position}].availability",
                    params={
                        "speaker": speaker.name,
                        "session": session.title,
                        "session_path": f"sessions[{index}]",
                        "start": _stamp(session.start, retreat),
                        "end": _stamp(session.end, retreat),
                    },
                    subjects=(speaker.id, session.id),
                )


# --- RET006, RET007: capacity and duplicates --------------------------------------------------


@rule(
    "RET006",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Peserta melebihi kapasitas tempat atau ruang",
    title_en="Participants exceed the venue or room capacity",
    rationale=(
        "Participants are the distinct NIPs enrolled with a status other than excused "
        "or absent. They must fit the venue, and the room of every mandatory session "
        "(who comes to an optional one is unknown). Silent for cancelled retreats."
    ),
    source=_SOURCE_PLANNING + "; the venue's stated capacity",
)
def _over_capacity(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    if not _running(retreat):
        return
    count = len({e.nip for e in retreat.enrollments if e.status not in _NOT_COMING})
    venue = retreat.venue
    if count > venue.capacity:
        yield Hit(
            path="venue.capacity",
            params={
                "count": count,
                "capacity": venue.capacity,
                "place_id": f"tempat {venue.name}",
                "place_en": f"the venue {venue.name}",
            },
            subjects=(venue.id,),
        )
    rooms = {room.id: room for room in venue.rooms}
    for index, session in enumerate(retreat.sessions):
        room = rooms.get(session.room or "")
        if session.mandatory and room is not None and count > room.capacity:
            yield Hit(
                path=f"sessions[{index}].room",
                params={
                    "count": count,
                    "capacity": room.capacity,
                    "place_id": f"ruang {room.name} pada sesi {session.title}",
                    "place_en": f"the room {room.name} in the session {session.title}",
                },
                subjects=(room.id, session.id),
            )


@rule(
    "RET007",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Pegawai terdaftar dua kali",
    title_en="Official enrolled twice",
    rationale=(
        "An official has one enrollment per retreat; a repeated NIP is a duplicate or a "
        "typo. Reported on every enrollment after the first, cancelled retreats included."
    ),
    source=_SOURCE_RECORD + "; a NIP identifies one official (sources: nip-layout)",
)
def _enrolled_twice(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    seen: dict[str, list[int]] = {}
    for index, enrollment in enumerate(retreat.enrollments):
        seen.setdefault(enrollment.nip, []).append(index)
    for number, indexes in seen.items():
        if len(indexes) == 1:
            continue
        masked = _privacy.mask(number, nik=False)
        for index in indexes[1:]:
            yield Hit(
                path=f"enrollments[{index}]",
                params={
                    "nip": masked,
                    "other": f"enrollments[{indexes[0]}]",
                    "count": len(indexes),
                },
                subjects=(masked,),
            )


# --- RET008, RET009, RET017: eligibility and posts (need the roster) ---------------------------


def _officials(roster: Roster) -> dict[str, Official]:
    """Each NIP's first official record (a repeated NIP is ORG012's business)."""
    found: dict[str, Official] = {}
    for official in roster.officials:
        found.setdefault(official.nip, official)
    return found


def _decisions(retreat: Retreat, roster: Roster, ctx: Context) -> tuple[_eligibility.Decision, ...]:
    """The eligibility decisions on the retreat's first local day, once per check.

    RET008 and RET009 both need them; evaluating an `Eligibility` reads every post and
    appointment of the roster, so the two rules share one evaluation.
    """
    on = retreat.days[0]
    return ctx.shared(
        "ret.eligibility",
        lambda: tuple(_eligibility.evaluate(retreat.eligibility, roster, on=on)),
    )


@rule(
    "RET008",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Peserta terdaftar tidak memenuhi syarat",
    title_en="Enrolled official not eligible",
    rationale=(
        "The retreat's Eligibility says who may take part; an enrolled official it "
        "excludes, or whose NIP is not in the roster, was invited by mistake or needs an "
        "explicit include. Evaluated on the first local day; needs options={'roster': "
        "...}. Substitutes are not checked. Silent for cancelled retreats."
    ),
    source=_SOURCE_ELIGIBILITY,
)
def _not_eligible(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    roster = _options.roster(ctx)
    if roster is None or not _running(retreat):
        return
    on = retreat.days[0]
    decisions = {d.nip: d for d in _decisions(retreat, roster, ctx)}
    officials = _officials(roster)
    for index, number in _first_enrollments(retreat):
        decision = decisions.get(number)
        if decision is None:
            # Not in the roster and not included by NIP: explained like a decision.
            decision = _eligibility.Decision(
                nip=number,
                eligible=False,
                reason=_NOT_IN_ROSTER,
                params={"nip": _privacy.mask(number, nik=False)},
            )
        elif decision.eligible:
            continue
        person = _person(number, officials.get(number))
        yield Hit(
            path=f"enrollments[{index}]",
            params={
                **person,
                "on": on.isoformat(),
                "reason": decision.reason,
                "reason_id": decision.message("id"),
                "reason_en": decision.message("en"),
            },
            subjects=(str(person["nip"]),),
        )


@rule(
    "RET009",
    severity=Severity.INFO,
    applies_to=Retreat,
    title_id="Pegawai memenuhi syarat tetapi tidak terdaftar",
    title_en="Eligible official not enrolled",
    rationale=(
        "Shows who the invitation list misses: one finding per eligible official who is "
        "neither enrolled (any status) nor named as a substitute, each with the coverage "
        "of the retreat (eligible officials enrolled / eligible officials). Evaluated "
        "on the first local day; needs options={'roster': ...}. Silent for cancelled "
        "retreats."
    ),
    source=_SOURCE_ELIGIBILITY,
)
def _eligible_not_enrolled(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    roster = _options.roster(ctx)
    if roster is None or not _running(retreat):
        return
    eligible = [d for d in _decisions(retreat, roster, ctx) if d.eligible]
    enrolled = {e.nip for e in retreat.enrollments}
    enrolled.update(e.substitute for e in retreat.enrollments if e.substitute is not None)
    missing = [d for d in eligible if d.nip not in enrolled]
    if not missing:
        return
    covered = len(eligible) - len(missing)
    ratio = covered / len(eligible)
    percent_id, percent_en = _percent(ratio)
    officials = _officials(roster)
    for decision in missing:
        person = _person(decision.nip, officials.get(decision.nip))
        yield Hit(
            path="enrollments",
            params={
                **person,
                "enrolled": covered,
                "eligible": len(eligible),
                "coverage": round(ratio, 4),
                "percent_id": percent_id,
                "percent_en": percent_en,
            },
            subjects=(str(person["nip"]),),
        )


@rule(
    "RET017",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Peserta tidak memegang jabatan pada hari pertama",
    title_en="Enrolled official holds no post on the first day",
    rationale=(
        "Retreats are for officials in post; one holding no post on the first local day "
        "(definitive or acting) has left, retired or not yet started. Officials missing "
        "from the roster are RET008's. Needs options={'roster': ...}. Silent for "
        "cancelled retreats."
    ),
    source=_SOURCE_ELIGIBILITY,
)
def _no_post(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    roster = _options.roster(ctx)
    if roster is None or not _running(retreat):
        return
    on = retreat.days[0]
    officials = _officials(roster)
    for index, number in _first_enrollments(retreat):
        official = officials.get(number)
        if official is not None and not roster.posts_of(number, on=on):
            person = _person(number, official)
            yield Hit(
                path=f"enrollments[{index}]",
                params={**person, "on": on.isoformat()},
                subjects=(str(person["nip"]),),
            )


# --- RET010, RET011: the calendar ------------------------------------------------------------


@rule(
    "RET010",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Hari retret jatuh pada hari libur nasional atau cuti bersama",
    title_en="Retreat day on a national holiday or cuti bersama",
    rationale=(
        "Working days change on national holidays and cuti bersama (Perpres 21/2023 "
        "Pasal 6); a retreat on one takes officials from their leave. Holidays come from "
        "the holidays package (public and government categories); one it marks as "
        "estimated is flagged tentative. Local holidays can be added with "
        "options={'extra_holidays': [...]}. Silent for cancelled retreats."
    ),
    source="Perpres 21/2023 Pasal 6; yearly SKB 3 Menteri on cuti bersama (sources: working-hours)",
)
def _on_holiday(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    extra = _extra_holidays(ctx)
    if not _running(retreat):
        return
    days = retreat.days
    first, last = days[0], days[-1]
    for holiday in holidays_between(first, last, extra=extra):
        label_id, label_en = _HOLIDAY_LABELS[holiday.kind]
        tentative = holiday.tentative
        yield Hit(
            path="start",
            params={
                "day": (holiday.date - first).days + 1,
                "date": holiday.date.isoformat(),
                "name": holiday.name,
                "kind": holiday.kind.value,
                "kind_id": label_id,
                "kind_en": label_en,
                "tentative": tentative,
                "note_id": " (tanggalnya masih perkiraan)" if tentative else "",
                "note_en": " (its date is still an estimate)" if tentative else "",
            },
            subjects=(holiday.date.isoformat(),),
        )


@rule(
    "RET011",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Sesi Jumat bertumpuk dengan waktu salat Jumat",
    title_en="Friday session overlaps the Friday prayer time",
    rationale=(
        "Perpres 21/2023 Pasal 4(5) gives a 90-minute Friday break; the library places it "
        "at 11:30-13:00 in the venue's local time, the clock position of the revoked "
        "Keppres 68/1995 (a convention: set options={'friday_prayer': (start, end)}, e.g. "
        "11:30-12:30 in Ramadan). Mandatory sessions only; worship sessions and meal "
        "breaks are exempt. Silent for cancelled retreats."
    ),
    source=(
        "Perpres 21/2023 Pasal 4(5)-(6) durations; clock times per Keppres 68/1995 "
        "convention (sources: friday-prayer)"
    ),
)
def _friday_prayer(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    window = _friday_window(ctx)
    if not _running(retreat):
        return
    offset = _offset(retreat)
    opens, closes = (_clock_micros(clock) - offset for clock in window)
    shown = f"{window[0].strftime('%H:%M')}-{window[1].strftime('%H:%M')}"
    for index, session in enumerate(retreat.sessions):
        if not session.mandatory or session.kind in _PRAYER_EXEMPT:
            continue
        start, end, first, last = _local_days(session, offset)
        for day in range(first, last + 1):
            midnight = day * _DAY
            friday = _date(day).weekday() == _FRIDAY_WEEKDAY
            if friday and start < midnight + closes and midnight + opens < end:
                yield Hit(
                    path=f"sessions[{index}].start",
                    params={
                        "session": session.title,
                        "date": _date(day).isoformat(),
                        "start": _clock(session.start, retreat, "%H:%M"),
                        "end": _clock(session.end, retreat, "%H:%M"),
                        "window": f"{shown} {retreat.venue.timezone_label}",
                    },
                    subjects=(session.id,),
                )
                break  # one finding per session


def _clock_micros(clock: dt.time) -> int:
    """Microseconds from midnight to a clock time."""
    return ((clock.hour * 60 + clock.minute) * 60 + clock.second) * _SECOND + clock.microsecond


# --- RET012-RET014: dates and agenda completeness ----------------------------------------------


@rule(
    "RET012",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Jumlah malam tidak sesuai tanggal",
    title_en="Nights inconsistent with the dates",
    rationale=(
        "A retreat of n local days has n - 1 nights ('3 hari 2 malam'); another number "
        "means wrong dates or a wrong count. Checked for cancelled retreats too."
    ),
    source=_SOURCE_RECORD + "; 'n hari n-1 malam' as programmes are announced",
)
def _nights_mismatch(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    days = len(retreat.days)
    if retreat.nights != days - 1:
        yield Hit(
            path="nights",
            params={"nights": retreat.nights, "days": days, "expected": days - 1},
        )


@rule(
    "RET013",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Tidak ada sesi pembukaan atau penutupan",
    title_en="No opening or no closing session",
    rationale=(
        "A retreat is opened and closed formally (an apel, an address by the Wali Kota "
        "or Sekda); an agenda without either is probably incomplete. One finding per "
        "missing kind. Silent for cancelled retreats."
    ),
    source=_SOURCE_PLANNING
    + "; the 2025 city retreats were opened and closed formally (sources: city-retreats)",
)
def _no_opening_or_closing(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    if not _running(retreat):
        return
    kinds = {session.kind for session in retreat.sessions}
    for kind, (label_id, label_en) in _KIND_LABELS.items():
        if kind not in kinds:
            yield Hit(
                path="sessions",
                params={"kind": kind.value, "kind_id": label_id, "kind_en": label_en},
            )


@rule(
    "RET014",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Hari retret tanpa sesi",
    title_en="Retreat day without sessions",
    rationale=(
        "Every local day of the retreat has some session; an empty day means a missing "
        "part of the agenda or wrong dates. A session counts for every local day it "
        "touches. Silent for cancelled retreats."
    ),
    source=_SOURCE_PLANNING,
)
def _empty_day(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    if not _running(retreat):
        return
    offset = _offset(retreat)
    days = [day.toordinal() - _EPOCH_ORDINAL for day in retreat.days]
    first, last = days[0], days[-1]
    covered: set[int] = set()
    for session in retreat.sessions:
        _start, _end, since, until = _local_days(session, offset)
        covered.update(range(max(since, first), min(until, last) + 1))
    for number, day in enumerate(days, start=1):
        if day not in covered:
            yield Hit(path="sessions", params={"day": number, "date": _date(day).isoformat()})


# --- RET015, RET016: attendance and references -------------------------------------------------


@rule(
    "RET015",
    severity=Severity.WARNING,
    applies_to=Retreat,
    title_id="Kehadiran sesi wajib di bawah ambang",
    title_en="Attendance of mandatory sessions below the threshold",
    rationale=(
        "For a held retreat, each participant who attended should have attended most "
        "mandatory sessions. The default threshold of 80% is a project choice, not a "
        "regulation: set options={'attendance_threshold': 0.9}. Enrollments with status "
        "attended only; unknown session ids count for nothing. Silent for planned and "
        "cancelled retreats."
    ),
    source="Project choice (no regulation cited): a default threshold of 80%",
)
def _low_attendance(retreat: Retreat, ctx: Context) -> Iterator[Hit]:
    threshold = _threshold(ctx)
    if retreat.status is not RetreatStatus.HELD:
        return
    mandatory = {session.id for session in retreat.sessions if session.mandatory}
    if not mandatory:
        return
    threshold_id, threshold_en = _percent(threshold)
    for index, enrollment in enumerate(retreat.enrollments):
        if enrollment.status is not EnrollmentStatus.ATTENDED:
            continue
        attended = len(mandatory.intersection(enrollment.attended_sessions))
        ratio = attended / len(mandatory)
        if ratio < threshold:
            person = _person(enrollment.nip, None)
            percent_id, percent_en = _percent(ratio)
            yield Hit(
                path=f"enrollments[{index}].attended_sessions",
                params={
                    **person,
                    "attended": attended,
                    "mandatory": len(mandatory),
                    "ratio": round(ratio, 4),
                    "threshold": threshold,
                    "percent_id": percent_id,
                    "percent_en": percent_en,
                    "threshold_id": threshold_id,
                    "threshold_en": threshold_en,
                },
                subjects=(str(person["nip"]),),
            )


@rule(
    "RET016",
    severity=Severity.ERROR,
    applies_to=Retreat,
    title_id="Sesi merujuk narasumber atau ruang yang tidak dikenal",
    title_en="Session names an unknown speaker or room",
    rationale=(
        "A session's room is an id of the venue's rooms and its speakers are ids of the "
        "retreat's speakers; an id that resolves to nothing is a typo or a missing entry. "
        "Checked for cancelled retreats too."
    ),
    source=_SOURCE_RECORD,
)
def _unknown_reference(retreat: Retreat, _ctx: Context) -> Iterator[Hit]:
    rooms = {room.id for room in retreat.venue.rooms}
    speakers = {speaker.id for speaker in retreat.speakers}
    for index, session in enumerate(retreat.sessions):
        if session.room is not None and session.room not in rooms:
            yield _unknown(f"sessions[{index}].room", session, "room", session.room)
        for position, speaker in enumerate(session.speakers):
            if speaker not in speakers:
                yield _unknown(
                    f"sessions[{index}].speakers[{position}]", session, "speaker", speaker
                )


def _unknown(path: str, session: Session, kind: str, value: str) -> Hit:
    label_id, label_en = _REFERENCE_LABELS[kind]
    return Hit(
        path=path,
        params={
            "session": session.title,
            "kind": kind,
            "kind_id": label_id,
            "kind_en": label_en,
            "value": value,
        },
        subjects=(session.id, value),
    )
