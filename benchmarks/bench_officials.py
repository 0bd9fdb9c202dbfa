"""Load, validate and dump Official-like records: birokrasi-retreat beside pydantic and msgspec.

Four operations on the same synthetic records (see `records.make_records`):

1. ``from dicts``: a list of plain dicts to a list of validated records;
2. ``from JSON``: one JSON array (bytes) to a list of validated records;
3. ``to dicts``: the records back to plain, JSON-compatible dicts;
4. ``to JSON``: the records to one JSON array.

Each figure is the best of ``repeat`` runs (``time.perf_counter``), the three libraries
interleaved within each round so that a slow moment of the machine hits all of them.
The garbage collector gets the same treatment for all three: ``gc.collect()`` before each
run, and either disabled during it (the default) or left on (``gc_enabled=True``).

Run it through ``benchmarks/run.py``; this module can also be run on its own.
"""

import argparse
import gc
import time

from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from records import IMPLEMENTATIONS, Implementation, make_records, to_json


__all__ = ["OPERATIONS", "TARGETS", "Result", "best_of", "main", "measure", "render"]

OPERATIONS: Final = ("from dicts", "from JSON", "to dicts", "to JSON")

# The targets: (most ours/pydantic, most ours/msgspec); None where none is set.
TARGETS: Final[dict[str, tuple[float | None, float | None]]] = {
    "from dicts": (1.2, 1.8),
    "from JSON": (1.0, 1.8),
    "to dicts": (None, None),
    "to JSON": (None, None),
}


@attrs.frozen(kw_only=True)
class Result:
    """The best time of one operation for each library, in seconds for ``n`` records.

    Attributes:
        operation: One of `OPERATIONS`.
        n: The number of records.
        seconds: The library's name to its best time.
    """

    operation: str
    n: int
    seconds: dict[str, float]

    def per_record_us(self, name: str) -> float:
        """Microseconds per record for the library ``name``."""
        return self.seconds[name] / self.n * 1e6


def _time_once(func: Callable[[Any], object], arg: object, *, gc_enabled: bool) -> float:
    gc.collect()
    if not gc_enabled:
        gc.disable()
    try:
        start = time.perf_counter()
        result = func(arg)
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    del result
    return elapsed


def best_of(
    jobs: Sequence[tuple[str, Callable[[Any], object], object]], repeat: int, *, gc_enabled: bool
) -> dict[str, float]:
    best = {name: float("inf") for name, _, _ in jobs}
    for _ in range(repeat):
        for name, func, arg in jobs:
            best[name] = min(best[name], _time_once(func, arg, gc_enabled=gc_enabled))
    return best


def measure(
    n: int,
    repeat: int,
    *,
    gc_enabled: bool = False,
    implementations: Sequence[Implementation] = IMPLEMENTATIONS,
) -> list[Result]:
    """Time the four operations for each implementation.

    Args:
        n: How many records.
        repeat: How many runs per operation and library (the best counts).
        gc_enabled: Leave the garbage collector on during the runs.
        implementations: The libraries to compare; the first is ours.

    Returns:
        One `Result` per operation, in the order of `OPERATIONS`.
    """
    plain = make_records(n)
    document = to_json(plain)
    # Warm up (build and cache every hook), and check that all agree on the data.
    for impl in implementations:
        sample = impl.from_dicts(plain[:100])
        if impl.to_dicts(sample) != plain[:100]:  # pragma: no cover  (a broken peer)
            msg = f"{impl.name} does not round-trip the records"
            raise AssertionError(msg)
        impl.from_json(to_json(plain[:100]))
        impl.to_json(sample)
    results = [
        Result(
            operation="from dicts",
            n=n,
            seconds=best_of(
                [(impl.name, impl.from_dicts, plain) for impl in implementations],
                repeat,
                gc_enabled=gc_enabled,
            ),
        ),
        Result(
            operation="from JSON",
            n=n,
            seconds=best_of(
                [(impl.name, impl.from_json, document) for impl in implementations],
                repeat,
                gc_enabled=gc_enabled,
            ),
        ),
    ]
    loaded = {impl.name: impl.from_dicts(plain) for impl in implementations}
    for operation, dump in (("to dicts", "to_dicts"), ("to JSON", "to_json")):
        jobs = [(impl.name, getattr(impl, dump), loaded[impl.name]) for impl in implementations]
        results.append(
            Result(
                operation=operation,
                n=n,
                seconds=best_of(jobs, repeat, gc_enabled=gc_enabled),
            )
        )
    return results


def _verdict(ratio: float, target: float | None) -> str:
    if target is None:
        return "-"
    return "PASS" if ratio <= target else "MISS"


def render(results: Sequence[Result], names: Sequence[str]) -> str:
    """Render the results as a Markdown table: microseconds per record, ratios, verdicts.

    Args:
        results: What `measure` returned.
        names: The libraries' names: ours, pydantic, msgspec.

    Returns:
        The table, one line per operation.
    """
    ours, pyd, msg = names
    header = (
        "| operation | ours (us) | pydantic (us) | msgspec (us) "
        "| ours/pydantic | target | ours/msgspec | target |"
    )
    lines = [header, "|---|---:|---:|---:|---:|---|---:|---|"]
    for result in results:
        mine = result.per_record_us(ours)
        vs_pydantic = mine / result.per_record_us(pyd)
        vs_msgspec = mine / result.per_record_us(msg)
        max_pydantic, max_msgspec = TARGETS[result.operation]
        lines.append(
            f"| {result.operation} | {mine:.2f} | {result.per_record_us(pyd):.2f} "
            f"| {result.per_record_us(msg):.2f} "
            f"| {vs_pydantic:.2f}x | {_target(max_pydantic, vs_pydantic)} "
            f"| {vs_msgspec:.2f}x | {_target(max_msgspec, vs_msgspec)} |"
        )
    return "\n".join(lines)


def _target(limit: float | None, ratio: float) -> str:
    if limit is None:
        return "-"
    return f"<= {limit:.1f}x {_verdict(ratio, limit)}"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="records (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, best counts (default 5)")
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on")
    args = parser.parse_args(argv)
    results = measure(args.n, args.repeat, gc_enabled=args.gc)
    print(render(results, [impl.name for impl in IMPLEMENTATIONS]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
