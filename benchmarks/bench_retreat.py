"""Check a large synthetic retreat at growing sizes, to show that the RET rules grow linearly.

For each size (sessions), `make_retreat` builds, from ``random.Random(seed)`` alone (no
hypothesis), a four-day retreat of Kota Malang at a venue in Kota Batu with that many
sessions, one speaker per 4 sessions and 2.5 enrollments per session (2,000 sessions:
500 speakers and 5,000 enrollments), and the host's roster from
`synthetic_city.make_city` with one official per enrollment: every official of the city
is enrolled. Generation is not timed; the
timed operation is ``validation.check(retreat, options={"roster": roster})``, every RET
rule (and any other rule registered for `Retreat`).

The retreat is clean by construction, so the check finds no error and its cost is the
cost of looking, not of reporting:

* 4 local days, Tuesday 2 to Friday 5 December 2025 (no holiday; the Friday has its
  prayer block, 11:30-13:00 WIB, free of sessions: sources: friday-prayer);
* each day is cut into hour-long blocks, 07:00-21:00; every day opens with an apel
  (a mandatory plenary in the field, which holds everyone) and the last day closes with
  one; the other sessions are optional parallel classes, one per classroom per block,
  with as many classrooms as the size needs (one per 49 classes: the number of blocks
  left after the plenaries);
* each class has one speaker (one in four a second), never two sessions of one speaker
  in one block; half of the speakers have an availability window covering the retreat,
  written in another zone (Asia/Jakarta is the venue's; windows are in Asia/Makassar);
* every official holds a post on the first day (synthetic_city's appointments start by
  30 June 2025), and the eligibility selects every position family, so no one enrolled
  is ineligible and no one eligible is missing;
* the retreat was held: 97% attended (every mandatory session and 5 classes), 2%
  excused and 1% absent.

The growth table divides the time ratio of consecutive sizes by their size ratio: near
1.0 is linear growth (O(n log n) shows as slightly above 1). ``--per-rule`` also times
each rule alone at every size; ``--gc-off`` disables the garbage collector during the
runs (its full collections grow with the heap, not with the work); ``--clock cpu``
measures this process's CPU time instead of elapsed time (a busy machine disturbs it
less); ``--calls`` counts the Python function calls of one check with cProfile, a
measure of the work that no other process can disturb; ``--profile N`` times each rule
alone at one size and prints the top functions of a cProfile run by own time.

Run: ``uv run python benchmarks/bench_retreat.py [--sizes 2000,5000,10000,20000]
[--repeat 3] [--per-rule] [--gc-off] [--clock cpu] [--calls] [--profile 20000]``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import importlib.metadata
import itertools
import math
import os
import pathlib
import platform
import pstats
import random
import sys
import time

from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from synthetic_city import make_city

# Imported for its effect: it registers the RET rules (whether or not
# birokrasi_retreat.validation imports it itself).
import birokrasi_retreat.validation.retreat  # noqa: F401

from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ranks import PositionFamily
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
from birokrasi_retreat.validation import RULES, check


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from birokrasi_retreat.roster import Roster


__all__ = ["Measured", "best_of", "main", "make_retreat", "measure"]

ZONE: Final = "Asia/Jakarta"  # the venue is in Kota Batu (35.79), WIB
WINDOW_ZONE: Final = "Asia/Makassar"
DAYS: Final = tuple(pendulum.Date(2025, 12, 2).add(days=n) for n in range(4))
SPEAKERS_PER_SESSION: Final = 0.25  # 2,000 sessions: 500 speakers
ENROLLMENTS_PER_SESSION: Final = 2.5  # 2,000 sessions: 5,000 enrollments
CLASSES_ATTENDED: Final = 5
_FIRST_HOUR: Final = 7
_LAST_HOUR: Final = 21
_PRAYER: Final = (11 * 60 + 30, 13 * 60)  # local minutes; sources: friday-prayer
_FRIDAY: Final = 4
_PACKAGES: Final = ("attrs", "cattrs", "pendulum", "holidays")


def _blocks(day: pendulum.Date) -> list[int]:
    """Start minutes of the hour blocks of a day; a Friday skips the prayer block."""
    starts = [hour * 60 for hour in range(_FIRST_HOUR, _LAST_HOUR)]
    if day.weekday() == _FRIDAY:
        low, high = _PRAYER
        starts = [s for s in starts if s + 60 <= low or s >= high]
    return starts


def _at(day: pendulum.Date, minute: int) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tz=ZONE)


def _speakers(count: int, rng: random.Random) -> list[Speaker]:
    window = Window(
        start=_at(DAYS[0], 6 * 60).in_timezone(WINDOW_ZONE),
        end=_at(DAYS[-1], 22 * 60).in_timezone(WINDOW_ZONE),
    )
    levels = list(SpeakerLevel)
    return [
        Speaker(
            id=f"narasumber-{number}",
            name=f"Narasumber {number}",
            role="Widyaiswara",
            institution="Lembaga Administrasi Negara",
            level=rng.choice(levels),
            availability=(window,) if number % 2 else (),
        )
        for number in range(1, count + 1)
    ]


def _class_slots() -> list[tuple[pendulum.Date, int]]:
    """The blocks left for classes: not at 07:00 (apel), not at the closing (20:00, last day)."""
    return [
        (day, start)
        for day in DAYS
        for start in _blocks(day)
        if start != _FIRST_HOUR * 60 and not (day == DAYS[-1] and start == 20 * 60)
    ]


def _plenaries() -> list[Session]:
    """A mandatory apel every morning in the field, the first an opening; a closing."""
    sessions: list[Session] = []
    for index, day in enumerate(DAYS):
        opening = _at(day, _FIRST_HOUR * 60)
        kind = SessionKind.OPENING if index == 0 else SessionKind.PHYSICAL_TRAINING
        sessions.append(
            Session(
                id=f"apel-{index + 1}",
                title="Apel pagi",
                kind=kind,
                start=opening,
                end=opening.add(minutes=45),
                room="lapangan",
            )
        )
    closing = _at(DAYS[-1], 20 * 60)
    sessions.append(
        Session(
            id="penutupan",
            title="Apel penutupan",
            kind=SessionKind.CLOSING,
            start=closing,
            end=closing.add(minutes=60),
            room="lapangan",
        )
    )
    return sessions


def _classes(
    count: int, classrooms: Sequence[str], cast: Sequence[Speaker], rng: random.Random
) -> list[Session]:
    """``count`` optional classes, one per classroom per block, speakers distinct per block."""
    kinds = [SessionKind.LECTURE, SessionKind.GROUP_DISCUSSION, SessionKind.REFLECTION]
    per_slot = len(classrooms)
    sessions: list[Session] = []
    number = 0
    for day, start in _class_slots():
        used = rng.sample(range(len(cast)), min(len(cast), 2 * per_slot))
        for place, room in enumerate(classrooms):
            if number == count:
                break
            number += 1
            begin = _at(day, start)
            second = (cast[used[per_slot + place]].id,) if number % 4 == 0 else ()
            sessions.append(
                Session(
                    id=f"kelas-{number}",
                    title=f"Kelas {number}",
                    kind=rng.choice(kinds),
                    start=begin,
                    end=begin.add(minutes=rng.choice((45, 50, 60))),
                    room=room,
                    speakers=(cast[used[place]].id, *second),
                    mandatory=False,
                )
            )
    return sessions


def make_retreat(n_sessions: int, *, seed: int = 2026) -> tuple[Retreat, Roster]:
    """Build the retreat of ``n_sessions`` sessions and its host's roster.

    Args:
        n_sessions: How many sessions (at least 100).
        seed: The seed of the ``random.Random`` that draws every choice.

    Returns:
        The retreat (held, checked clean) and the roster of the officials enrolled.

    Raises:
        ValueError: ``n_sessions`` is below 100.
    """
    if n_sessions < 100:  # room for the plenaries and a class per block
        msg = "n_sessions must be at least 100"
        raise ValueError(msg)
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    n_enrollments = round(n_sessions * ENROLLMENTS_PER_SESSION)
    roster = make_city(n_enrollments, seed=seed)
    plenaries = _plenaries()
    n_classes = n_sessions - len(plenaries)
    classrooms = [f"kelas-{n}" for n in range(1, math.ceil(n_classes / len(_class_slots())) + 1)]
    rooms = [Room(id="lapangan", name="Lapangan Apel", capacity=n_enrollments)]
    rooms += [Room(id=room, name=f"Ruang {room}", capacity=60) for room in classrooms]
    venue = Venue(
        id="rindam",
        name="Pusat Pendidikan Batu",
        kind=VenueKind.MILITARY,
        kode=KodeWilayah(code="35.79"),
        capacity=n_enrollments,
        rooms=rooms,
    )
    cast = _speakers(round(n_sessions * SPEAKERS_PER_SESSION), rng)
    sessions = plenaries + _classes(n_classes, classrooms, cast, rng)
    mandatory = tuple(s.id for s in sessions if s.mandatory)
    classes = [s.id for s in sessions if not s.mandatory]
    enrollments = []
    for official in roster.officials:
        draw = rng.random()
        if draw < 0.02:  # 2% excused
            enrollments.append(Enrollment(nip=official.nip, status=EnrollmentStatus.EXCUSED))
        elif draw < 0.03:  # 1% absent
            enrollments.append(Enrollment(nip=official.nip, status=EnrollmentStatus.ABSENT))
        else:
            attended = mandatory + tuple(rng.sample(classes, CLASSES_ATTENDED))
            enrollments.append(
                Enrollment(
                    nip=official.nip,
                    status=EnrollmentStatus.ATTENDED,
                    attended_sessions=attended,
                )
            )
    retreat = Retreat(
        id="retret-batu-2025",
        host=roster.pemda,
        title="Retret ASN sintetis",
        venue=venue,
        start=min(s.start for s in sessions),
        end=max(s.end for s in sessions),
        nights=len(DAYS) - 1,
        sessions=sessions,
        speakers=cast,
        eligibility=Eligibility(families=tuple(PositionFamily)),
        enrollments=enrollments,
        status=RetreatStatus.HELD,
        organiser="setda",
    )
    return retreat, roster


@attrs.frozen(kw_only=True)
class Measured:
    """The check of one retreat: its size, its findings and the best time.

    Attributes:
        sessions: Sessions in the agenda.
        speakers: Speakers invited.
        enrollments: Enrollments.
        rooms: Rooms of the venue.
        officials: Officials in the roster.
        errors: Error findings (expected 0).
        warnings: Warning findings.
        infos: Info findings.
        seconds: The best time of the check, in seconds.
        rules: The best time of each rule checked alone (``--per-rule``), in seconds.
        calls: Python function calls of one check, counted by cProfile (``--calls``; 0
            when not counted): a measure of the work that no other process disturbs.
    """

    sessions: int
    speakers: int
    enrollments: int
    rooms: int
    officials: int
    errors: int
    warnings: int
    infos: int
    seconds: float
    rules: dict[str, float] = attrs.field(factory=dict)
    calls: int = 0


CLOCKS: Final[dict[str, Callable[[], float]]] = {
    "wall": time.perf_counter,
    "cpu": time.process_time,
}
"""``wall``: elapsed time; ``cpu``: this process's CPU time, which a busy machine disturbs less."""


def best_of(
    func: Callable[[], object], repeat: int, *, gc_off: bool = False, clock: str = "wall"
) -> float:
    """The best time of ``repeat`` runs of ``func``, in seconds (collected before each run)."""
    now = CLOCKS[clock]
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            start = now()
            func()
            best = min(best, now() - start)
        finally:
            gc.enable()
    return best


def count_calls(func: Callable[[], object]) -> int:
    """The Python function calls (built-ins included) of one run of ``func``, by cProfile."""
    profiler = cProfile.Profile()
    profiler.enable()
    func()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # untyped attribute
    return sum(entry[1] for entry in stats.values())


def _retreat_rules() -> list[str]:
    return [code for code, item in sorted(RULES.items()) if issubclass(Retreat, item.applies_to)]


def measure(
    n_sessions: int,
    repeat: int,
    *,
    gc_off: bool = False,
    per_rule: bool = False,
    clock: str = "wall",
    calls: bool = False,
) -> Measured:
    """Generate a retreat of ``n_sessions`` (not timed), then time its check (and each rule)."""
    retreat, roster = make_retreat(n_sessions)
    options = {"roster": roster}
    report = check(retreat, options=options)
    if not {"RET003", "RET004", "RET009"} <= set(RULES):
        msg = "the RET rules are not registered"
        raise AssertionError(msg)
    run = functools.partial(check, retreat, options=options)
    seconds = best_of(run, repeat, gc_off=gc_off, clock=clock)
    rules = {
        code: best_of(
            functools.partial(check, retreat, select=[code], options=options),
            repeat,
            gc_off=gc_off,
            clock=clock,
        )
        for code in (_retreat_rules() if per_rule else ())
    }
    return Measured(
        sessions=len(retreat.sessions),
        speakers=len(retreat.speakers),
        enrollments=len(retreat.enrollments),
        rooms=len(retreat.venue.rooms),
        officials=len(roster.officials),
        errors=len(report.errors),
        warnings=len(report.warnings),
        infos=len(report.infos),
        seconds=seconds,
        rules=rules,
        calls=count_calls(run) if calls else 0,
    )


def render(results: Sequence[Measured]) -> str:
    """Two tables: size, findings, time (and calls); then growth against size."""
    counted = bool(results) and all(r.calls for r in results)
    extra = " calls | calls per session |" if counted else ""
    lines = [
        "| sessions | speakers | enrollments | rooms | officials | errors | warnings | info "
        "| check (ms) | per session (us) |" + extra,
        "|---:" * (12 if counted else 10) + "|",
    ]
    for r in results:
        row = (
            f"| {r.sessions:,} | {r.speakers:,} | {r.enrollments:,} | {r.rooms:,} "
            f"| {r.officials:,} | {r.errors} | {r.warnings} | {r.infos} "
            f"| {r.seconds * 1e3:,.0f} | {r.seconds / r.sessions * 1e6:,.1f} |"
        )
        if counted:
            row += f" {r.calls:,} | {r.calls / r.sessions:,.1f} |"
        lines.append(row)
    head = "| step | size ratio | time ratio | growth (time ratio / size ratio) |"
    lines += ["", head + (" calls growth |" if counted else "")]
    lines += ["|---|---:|---:|---:|" + ("---:|" if counted else "")]
    for before, after in itertools.pairwise(results):
        size = after.sessions / before.sessions
        ratio = after.seconds / before.seconds
        row = (
            f"| {before.sessions:,} -> {after.sessions:,} | {size:.2f} | {ratio:.2f} "
            f"| {ratio / size:.2f} |"
        )
        if counted:
            row += f" {after.calls / before.calls / size:.3f} |"
        lines.append(row)
    if results and results[0].rules:
        lines += ["", _render_rules(results)]
    return "\n".join(lines)


def _render_rules(results: Sequence[Measured]) -> str:
    """Each rule alone: ms per size, then the growth of the whole range (time / size ratio)."""
    first, last = results[0], results[-1]
    size = last.sessions / first.sessions
    head = " | ".join(f"{r.sessions:,} (ms)" for r in results)
    lines = [
        f"| rule | {head} | growth {first.sessions:,} -> {last.sessions:,} |",
        "|---" + "|---:" * (len(results) + 1) + "|",
    ]
    for code in sorted(first.rules, key=lambda c: -last.rules[c]):
        times = " | ".join(f"{r.rules[code] * 1e3:.1f}" for r in results)
        growth = last.rules[code] / first.rules[code] / size
        lines.append(f"| {code} | {times} | {growth:.2f} |")
    return "\n".join(lines)


def rule_times(retreat: Retreat, roster: Roster, repeat: int) -> str:
    """The best time of ``check(..., select=[code])`` for each rule applying to a Retreat."""
    options = {"roster": roster}
    times = {
        code: best_of(functools.partial(check, retreat, select=[code], options=options), repeat)
        for code in _retreat_rules()
    }
    total = sum(times.values())
    lines = [
        f"check, one rule at a time ({len(retreat.sessions):,} sessions, best of {repeat}):",
        "",
        "| rule | ms | share |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {code} | {seconds * 1e3:.1f} | {seconds / total:.0%} |"
        for code, seconds in sorted(times.items(), key=lambda item: -item[1])
    ]
    return "\n".join(lines)


def _where(filename: str, line: int, function: str) -> str:
    """A profiled function as ``path:line(function)``, the path from the package down."""
    if not line:  # a built-in
        return function
    parts = pathlib.PurePath(filename).parts
    if "birokrasi_retreat" in parts:
        shown = "/".join(parts[parts.index("birokrasi_retreat") :])
    elif "site-packages" in parts:
        shown = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        shown = parts[-1]
    return f"{shown}:{line}({function})"


def profile(n_sessions: int, top: int) -> str:
    """Rule times, and the ``top`` functions by own time of a cProfile run of the check."""
    retreat, roster = make_retreat(n_sessions)
    lines = [rule_times(retreat, roster, 3)]
    profiler = cProfile.Profile()
    gc.collect()
    gc.disable()
    try:
        profiler.enable()
        check(retreat, options={"roster": roster})
        profiler.disable()
    finally:
        gc.enable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # untyped attribute
    total = sum(entry[2] for entry in stats.values())
    rows = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    lines += [
        "",
        (
            f"check, {n_sessions:,} sessions, collector off: top {top} by own time "
            f"(profiled total {total * 1e3:.0f} ms)"
        ),
        "",
        "| own ms | cum ms | calls | function |",
        "|---:|---:|---:|---|",
    ]
    lines += [
        f"| {own * 1e3:.1f} | {cum * 1e3:.1f} | {calls:,} | `{_where(*key)}` |"
        for key, (_primitive, calls, own, cum, _callers) in rows
    ]
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _load() -> str:
    if not hasattr(os, "getloadavg"):  # not on Windows
        return "n/a"
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every size and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[2000, 5000, 10000, 20000],
        help="sessions per retreat, comma-separated (default 2000,5000,10000,20000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs, best counts (default 3)")
    parser.add_argument(
        "--gc-off", action="store_true", help="disable the garbage collector during runs"
    )
    parser.add_argument("--per-rule", action="store_true", help="time each rule at every size")
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="wall", help="wall (default) or cpu time"
    )
    parser.add_argument(
        "--calls", action="store_true", help="count the function calls of a check (cProfile)"
    )
    parser.add_argument("--profile", type=int, default=0, help="rule times and cProfile here")
    parser.add_argument("--top", type=int, default=12, help="functions in the profile")
    args = parser.parse_args(argv)
    versions = ", ".join(f"{n} {importlib.metadata.version(n)}" for n in _PACKAGES)
    print(f"date: {dt.datetime.now(tz=dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"python: {platform.python_implementation()} {platform.python_version()}; {versions}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load before: {_load()}")
    print(f"command: {' '.join(sys.argv)}")
    collector = "off" if args.gc_off else "on"
    print(f"best of {args.repeat}, {args.clock} clock, garbage collector {collector} in runs\n")
    results = []
    for size in args.sizes:
        results.append(
            measure(
                size,
                args.repeat,
                gc_off=args.gc_off,
                per_rule=args.per_rule,
                clock=args.clock,
                calls=args.calls,
            )
        )
        print(f"  measured {size:,} (load {_load()})", file=sys.stderr)
    print(render(results))
    if args.profile:
        print("\n" + profile(args.profile, args.top))
    print(f"\nload after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
