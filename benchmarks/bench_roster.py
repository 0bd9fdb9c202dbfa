"""Build, check and query a synthetic city roster at growing sizes, to show linear growth.

For each size (officials), on a city from `synthetic_city.make_city` (generation time
excluded):

* ``build``: ``Roster(...)`` from ready objects: the integrity checks and the index;
* ``from_dict``: ``serialization.from_dict(data, Roster)`` from the plain data that
  ``serialization.to_dict(roster)`` wrote: every object validated and built, then indexed;
* ``check``: ``validation.check(roster, on=..., ignore=["ORG003"])``, every rule;
* ``holders``: ``roster.holders(post, on=...)`` for every post;
* ``vacancies``: ``roster.vacancies(on=...)``;
* ``heads(kec)``: ``roster.heads(UnitKind.KECAMATAN, on=...)``;
* ``chain x1000``: ``roster.chain_of_command(nip, on=...)`` for 1,000 officials.

Each figure is the best of ``--repeat`` runs (``time.perf_counter``; below 10,000
officials proportionally more: ten times as many at 1,000), with
``gc.collect()`` before each run and the collector left on during it (``--gc-off``
disables it during runs). The growth table divides the time ratio of consecutive sizes
by their work ratio: the size ratio for the operations that touch everything, the ratio
of kecamatan for ``heads(kec)``, and the number of calls for ``chain x1000`` (1,000 at
every size from 1,000 officials). A value near 1.0 is linear growth (O(n log n) shows as
slightly above 1); for ``chain x1000`` it means one call costs the same at every size.

``--memory N`` reports tracemalloc figures per official at one size. ``--big-unit`` times
``head_of`` on a single unit of each size in posts, its head post listed last.
``--gc-stats`` counts the collector's full passes inside one run of ``build``,
``from_dict`` and ``check``, and times a library-free grouping loop as a baseline. ``--profile N``
times each rule of ``check`` alone at one size and prints the top functions (by own
time) of a cProfile run of each operation, the collector off so that its pauses are
not charged to whichever function was running.

Run: ``uv run python benchmarks/bench_roster.py [--sizes 1000,3000,10000,30000,100000]
[--repeat 3] [--memory 10000] [--profile 10000]``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import importlib.metadata
import itertools
import os
import pathlib
import platform
import pstats
import sys
import time
import tracemalloc

from typing import TYPE_CHECKING, Final

import attrs

from synthetic_city import REFERENCE_DATE, make_city

from birokrasi_retreat import serialization
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import (
    Pemda,
    PemdaKind,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import Eselon, PositionFamily
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.validation import RULES, check


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


__all__ = ["OPERATIONS", "Measured", "best_of", "main", "measure"]

OPERATIONS: Final = (
    "build",
    "from_dict",
    "check",
    "holders",
    "vacancies",
    "heads(kec)",
    "chain x1000",
)
_CHAINS: Final = 1000
_RUNS_SCALE: Final = 10_000
_HEADS_CALLS: Final = 50  # heads(kec) is fast: time this many calls, report one
_IGNORE: Final = ("ORG003",)  # invented region codes beyond the real ones (see synthetic_city)
_PACKAGES: Final = ("attrs", "cattrs", "pendulum")


@attrs.frozen(kw_only=True)
class Measured:
    """The best time of each operation on one city, in seconds.

    Attributes:
        officials: Officials in the city.
        appointments: Appointments in the city.
        positions: Posts in the city.
        units: Units (perangkat daerah, sub-units, kecamatan, kelurahan).
        kecamatan: Kecamatan in the city.
        chains: Officials whose chain of command is asked (1,000, or all if fewer).
        errors: Error findings of ``check`` (expected 0).
        warnings: Warning findings of ``check``.
        seconds: Operation name to its best time.
    """

    officials: int
    appointments: int
    positions: int
    units: int
    kecamatan: int
    chains: int
    errors: int
    warnings: int
    seconds: dict[str, float]

    def work(self, operation: str) -> float:
        """The amount of work an operation does on this city, for the growth ratio."""
        if operation == "heads(kec)":
            return self.kecamatan
        if operation == "chain x1000":
            return self.chains
        return self.officials


def best_of(func: Callable[[], object], repeat: int, *, gc_off: bool, number: int = 1) -> float:
    """The best time of ``repeat`` runs of ``number`` calls of ``func``, per call, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            start = time.perf_counter()
            for _ in range(number):
                result = func()
            elapsed = (time.perf_counter() - start) / number
        finally:
            gc.enable()
        del result
        best = min(best, elapsed)
    return best


def _rebuild(roster: Roster) -> Roster:
    return Roster(
        pemda=roster.pemda,
        perangkat_daerah=roster.perangkat_daerah,
        kecamatan=roster.kecamatan,
        kelurahan=roster.kelurahan,
        positions=roster.positions,
        officials=roster.officials,
        appointments=roster.appointments,
    )


def _chain_sample(roster: Roster) -> tuple[str, ...]:
    step = max(1, len(roster.officials) // _CHAINS)
    return tuple(o.nip for o in roster.officials[::step][:_CHAINS])


def _jobs(roster: Roster, data: object) -> dict[str, tuple[Callable[[], object], int]]:
    """Each operation as a call without arguments, with how many calls one run makes."""
    on = REFERENCE_DATE
    nips = _chain_sample(roster)
    ids = tuple(p.id for p in roster.positions)
    return {
        "build": (lambda: _rebuild(roster), 1),
        "from_dict": (lambda: serialization.from_dict(data, Roster), 1),
        "check": (lambda: check(roster, on=on, ignore=_IGNORE), 1),
        "holders": (lambda: [roster.holders(i, on=on) for i in ids], 1),
        "vacancies": (lambda: roster.vacancies(on=on), 1),
        "heads(kec)": (lambda: roster.heads(UnitKind.KECAMATAN, on=on), _HEADS_CALLS),
        "chain x1000": (lambda: [roster.chain_of_command(n, on=on) for n in nips], 1),
    }


def measure(n_officials: int, repeat: int, *, gc_off: bool = False) -> Measured:
    """Generate a city of ``n_officials`` (not timed), check it once, then time each operation."""
    roster = make_city(n_officials)
    data = serialization.to_dict(roster)
    if serialization.from_dict(data, Roster) != roster:
        msg = "the roster does not round-trip through to_dict/from_dict"
        raise AssertionError(msg)
    report = check(roster, on=REFERENCE_DATE, ignore=_IGNORE)
    # Cities below 10,000 officials get proportionally more runs (1,000: ten times as
    # many), so that a short figure is not one noisy moment of a shared machine.
    runs = max(repeat, repeat * _RUNS_SCALE // n_officials)
    seconds = {
        name: best_of(func, runs, gc_off=gc_off, number=number)
        for name, (func, number) in _jobs(roster, data).items()
    }
    return Measured(
        officials=len(roster.officials),
        appointments=len(roster.appointments),
        positions=len(roster.positions),
        units=len(roster.units()),
        kecamatan=len(roster.kecamatan),
        chains=len(_chain_sample(roster)),
        errors=len(report.errors),
        warnings=len(report.warnings),
        seconds=seconds,
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f}" if seconds >= 1e-3 else f"{seconds * 1e3:.3f}"


def render(results: Sequence[Measured]) -> str:
    """Three Markdown tables: times, time per official, and growth against work."""
    lines = [
        "| officials | appointments | posts | units | errors | warnings | "
        + " | ".join(f"{op} (ms)" for op in OPERATIONS)
        + " |",
        "|---:" * (6 + len(OPERATIONS)) + "|",
    ]
    lines += [
        f"| {r.officials:,} | {r.appointments:,} | {r.positions:,} | {r.units:,} "
        f"| {r.errors} | {r.warnings} | "
        + " | ".join(_ms(r.seconds[op]) for op in OPERATIONS)
        + " |"
        for r in results
    ]
    per = OPERATIONS[:5]
    lines += [
        "",
        "| officials | " + " | ".join(f"{op} (us/official)" for op in per) + " |",
        "|---:" * (1 + len(per)) + "|",
    ]
    lines += [
        f"| {r.officials:,} | "
        + " | ".join(f"{r.seconds[op] / r.officials * 1e6:.2f}" for op in per)
        + " |"
        for r in results
    ]
    lines += [
        "",
        "| step | size ratio | " + " | ".join(OPERATIONS) + " |",
        "|---|---:" + "|---:" * len(OPERATIONS) + "|",
    ]
    for before, after in itertools.pairwise(results):
        growth = [
            (after.seconds[op] / before.seconds[op]) / (after.work(op) / before.work(op))
            for op in OPERATIONS
        ]
        lines.append(
            f"| {before.officials:,} -> {after.officials:,} "
            f"| {after.officials / before.officials:.2f} | "
            + " | ".join(f"{g:.2f}" for g in growth)
            + " |"
        )
    return "\n".join(lines)


def memory(n_officials: int) -> str:
    """Tracemalloc figures per official at one size: retained and peak bytes."""
    roster = make_city(n_officials)
    data = serialization.to_dict(roster)
    rows: list[tuple[str, int, int]] = []
    steps: dict[str, Callable[[], object]] = {
        "make_city (objects and index)": lambda: make_city(n_officials),
        "to_dict (plain data)": lambda: serialization.to_dict(roster),
        "build (index only)": lambda: _rebuild(roster),
        "from_dict (whole roster)": lambda: serialization.from_dict(data, Roster),
        "check": lambda: check(roster, on=REFERENCE_DATE, ignore=_IGNORE),
    }
    for name, func in steps.items():
        gc.collect()
        tracemalloc.start()
        try:
            result = func()
            gc.collect()
            current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        del result
        rows.append((name, current, peak))
    n = len(roster.officials)
    lines = [
        f"tracemalloc, {n:,} officials, {len(roster.appointments):,} appointments:",
        "",
        "| step | retained (bytes/official) | peak (bytes/official) | peak (MiB) |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {current / n:,.0f} | {peak / n:,.0f} | {peak / 2**20:.1f} |"
        for name, current, peak in rows
    ]
    return "\n".join(lines)


def rule_times(roster: Roster, repeat: int) -> str:
    """The best time of ``check(..., select=[code])`` for each rule that applies to a Roster."""
    codes = [
        code
        for code, item in sorted(RULES.items())
        if item.applies_to is Roster and code not in _IGNORE
    ]
    times = {
        code: best_of(
            functools.partial(check, roster, on=REFERENCE_DATE, select=[code]), repeat, gc_off=True
        )
        for code in codes
    }
    total = sum(times.values())
    title = f"check, one rule at a time ({len(roster.officials):,} officials, best of {repeat}"
    lines = [
        f"{title}, collector off):",
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
    path = pathlib.PurePath(filename)
    parts = path.parts
    if "birokrasi_retreat" in parts:
        shown = "/".join(parts[parts.index("birokrasi_retreat") :])
    elif "site-packages" in parts:
        shown = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        shown = path.name
    return f"{shown}:{line}({function})"


def _top(profiler: cProfile.Profile, top: int) -> list[str]:
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # untyped attribute
    total = sum(entry[2] for entry in stats.values())
    rows = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    lines = [
        f"profiled total {total * 1e3:.0f} ms",
        "",
        "| own ms | cum ms | calls | function |",
        "|---:|---:|---:|---|",
    ]
    lines += [
        f"| {own * 1e3:.1f} | {cum * 1e3:.1f} | {calls:,} | `{_where(*key)}` |"
        for key, (_primitive, calls, own, cum, _callers) in rows
    ]
    return lines


def profile(n_officials: int, top: int) -> str:
    """The ``top`` functions by own time of a cProfile run of each operation, and rule times."""
    roster = make_city(n_officials)
    data = serialization.to_dict(roster)
    lines = [rule_times(roster, 3)]
    for name, (func, number) in _jobs(roster, data).items():
        profiler = cProfile.Profile()
        gc.collect()
        gc.disable()
        try:
            profiler.enable()
            for _ in range(number):
                func()
            profiler.disable()
        finally:
            gc.enable()
        lines += [
            "",
            f"{name}, {n_officials:,} officials, collector off: top {top} by own time",
            "",
        ]
        lines += _top(profiler, top)
    return "\n".join(lines)


def big_unit(sizes: Sequence[int], repeat: int) -> str:
    """``head_of`` on one Dinas of ``size`` posts whose head post is listed last.

    The synthetic city keeps every unit small and lists its head post first; this shows
    what one call costs when a unit is large (a Dinas Pendidikan listing every teacher).
    """
    setda = PerangkatDaerah(id="setda", name="Sekretariat Daerah", kind=UnitKind.SEKRETARIAT_DAERAH)
    dinas = PerangkatDaerah(id="disdik", name="Dinas Pendidikan", kind=UnitKind.DINAS)
    head = Position(
        id="kadis",
        title="Kepala Dinas Pendidikan",
        unit="disdik",
        family=PositionFamily.JPT_PRATAMA,
        eselon=Eselon.II_B,
        heads_unit=True,
    )
    lines = ["| posts in the unit | head_of per call (us) |", "|---:|---:|"]
    for size in sizes:
        staff = [
            Position(id=f"guru{i}", title="Guru", unit="disdik", family=PositionFamily.FUNGSIONAL)
            for i in range(size)
        ]
        roster = Roster(
            pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=KodeWilayah(code="35.73")),
            perangkat_daerah=(setda, dinas),
            positions=(*staff, head),
        )
        seconds = best_of(
            functools.partial(roster.head_of, "disdik", on=REFERENCE_DATE),
            repeat,
            gc_off=False,
            number=20,
        )
        lines.append(f"| {size + 1:,} | {seconds * 1e6:,.1f} |")
    return "\n".join(lines)


def _group(roster: Roster) -> None:
    # The same grouping the index does, without the library: a baseline for memory effects.
    groups: dict[str, list[object]] = {}
    for appointment in roster.appointments:
        groups.setdefault(appointment.nip, []).append(appointment)
        groups.setdefault(appointment.position, []).append(appointment)


def gc_stats(sizes: Sequence[int], repeat: int) -> str:
    """Full (generation 2) collections inside one run of build, from_dict and check per size.

    Also a baseline without the library: grouping the appointments by NIP and by post in
    plain dicts (the core of the index), in ns per appointment, collector off.
    """
    pauses: list[float] = []
    started = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:  # the oldest generation: a pass over everything
            return
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses.append(time.perf_counter() - started[0])

    header = (
        "| officials | tracked objects | build | from_dict | check | baseline (ns/appointment) |"
    )
    lines = [
        "Generation-2 passes in one run: count, their ms of the run's ms.",
        "",
        header,
        "|---:|---:|---|---|---|---:|",
    ]
    for size in sizes:
        roster = make_city(size)
        data = serialization.to_dict(roster)
        jobs = _jobs(roster, data)
        cells = []
        gc.callbacks.append(callback)
        try:
            for name in ("build", "from_dict", "check"):
                gc.collect()
                pauses.clear()
                start = time.perf_counter()
                jobs[name][0]()
                total = time.perf_counter() - start
                cells.append(f"{len(pauses)}, {sum(pauses) * 1e3:,.0f} of {total * 1e3:,.0f}")
        finally:
            gc.callbacks.remove(callback)
        tracked = len(gc.get_objects())
        baseline = best_of(functools.partial(_group, roster), repeat, gc_off=True)
        per = baseline / len(roster.appointments) * 1e9
        lines.append(f"| {size:,} | {tracked:,} | " + " | ".join(cells) + f" | {per:.0f} |")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _load() -> str:
    if not hasattr(os, "getloadavg"):  # pragma: no cover - not on Windows
        return "n/a"
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every size and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[1000, 3000, 10000, 30000, 100000],
        help="officials per city, comma-separated (default 1000,3000,10000,30000,100000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs, best counts (default 3)")
    parser.add_argument(
        "--gc-off", action="store_true", help="disable the garbage collector during runs"
    )
    parser.add_argument("--memory", type=int, default=0, help="tracemalloc at this size")
    parser.add_argument("--profile", type=int, default=0, help="cProfile at this size")
    parser.add_argument("--top", type=int, default=12, help="functions per profile")
    parser.add_argument(
        "--gc-stats",
        action="store_true",
        help="also count full collections in one run of build, from_dict and check",
    )
    parser.add_argument(
        "--big-unit",
        action="store_true",
        help="also time head_of in one unit of 1,000 to 100,000 posts, head listed last",
    )
    args = parser.parse_args(argv)
    versions = ", ".join(f"{n} {importlib.metadata.version(n)}" for n in _PACKAGES)
    print(f"date: {dt.datetime.now(tz=dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"python: {platform.python_implementation()} {platform.python_version()}; {versions}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load before: {_load()}")
    print(f"command: {' '.join(sys.argv)}")
    print(
        f"repeat {args.repeat} (below {_RUNS_SCALE:,} officials: {args.repeat} x {_RUNS_SCALE:,}"
        f" / officials), garbage collector {'off' if args.gc_off else 'on'} in runs\n"
    )
    results = []
    for size in args.sizes:
        results.append(measure(size, args.repeat, gc_off=args.gc_off))
        print(f"  measured {size:,} (load {_load()})", file=sys.stderr)
    print(render(results))
    if args.memory:
        print("\n" + memory(args.memory))
    if args.profile:
        print(profile(args.profile, args.top))
    if args.gc_stats:
        print("\n" + gc_stats(args.sizes, args.repeat))
    if args.big_unit:
        print("\n" + big_unit(args.sizes, args.repeat))
    print(f"\nload after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
