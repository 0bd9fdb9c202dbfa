"""Run every benchmark and print the tables the Performance page records.

Usage (from the project root)::

    uv run --group bench python benchmarks/run.py [--n 100000] [--repeat 5] [--runs 15]

Prints the machine and versions, then ``bench_officials`` (load and dump 100k records,
microseconds per record, ratios to pydantic and msgspec, PASS/MISS against the issue's
targets), then ``bench_import`` (import time against 150 ms). The exit status is 0
unless ``--strict`` is given and a target is missed: benchmarks inform, they do not gate
the test suite.
"""

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import sys

from collections.abc import Sequence

import bench_import
import bench_officials

from records import IMPLEMENTATIONS


__all__ = ["environment", "main"]

_PACKAGES = ("attrs", "cattrs", "pendulum", "pydantic", "pydantic-core", "msgspec")


def environment() -> str:
    """Describe the machine, the interpreter and the versions that were measured."""
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in _PACKAGES)
    return "\n".join(
        [
            f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
            f"python: {platform.python_implementation()} {platform.python_version()}",
            f"packages: {versions}",
            f"command: python {' '.join(sys.argv)}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="records (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, best counts (default 5)")
    parser.add_argument("--runs", type=int, default=15, help="processes per import median")
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on")
    parser.add_argument("--skip-import", action="store_true", help="skip the import benchmark")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    print(environment())
    gc_mode = "on" if args.gc else "off during each run (gc.collect() before)"
    print(f"\n## Records: n={args.n}, best of {args.repeat}, garbage collector {gc_mode}\n")
    results = bench_officials.measure(args.n, args.repeat, gc_enabled=args.gc)
    table = bench_officials.render(results, [impl.name for impl in IMPLEMENTATIONS])
    print(table)
    missed = "MISS" in table
    if not args.skip_import:
        print(f"\n## Import: median of {args.runs} fresh interpreters\n")
        imports = bench_import.run(args.runs)
        print(imports)
        missed = missed or "MISS" in imports
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
