"""Import time of ``birokrasi_retreat``: median of fresh interpreters, against a 150 ms target.

Two measures, each the median of ``runs`` new processes of the current interpreter:

* ``wall``: the wall time of ``python -c "import birokrasi_retreat"`` minus that of
  ``python -c "pass"`` (the interpreter's own start-up is the floor);
* ``importtime``: the cumulative microseconds ``python -X importtime`` reports for the
  top-level ``birokrasi_retreat`` line.

Bytecode caches are warmed first (with ``PYTHONDONTWRITEBYTECODE`` removed from the
children's environment), since an installed package has them: compiling the sources on
every start would measure the compiler, not the import.

Also reported: where the time goes (the median cumulative time of each module the
package imports directly, as ``-X importtime`` attributes it: to the first importer);
which core dependencies (``CORE``) the import loads, for information; and the check that
it loads none of the heavy optional parts (``HEAVY``), which is part of the target.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

from collections.abc import Sequence
from typing import Final

import attrs


__all__ = [
    "CORE",
    "HEAVY",
    "TARGET_MS",
    "ImportResult",
    "loaded_packages",
    "main",
    "measure",
    "render",
    "run",
]

TARGET_MS: Final = 150.0
"""The issue's target for ``import birokrasi_retreat``, in milliseconds."""

HEAVY: Final = (
    "holidays",
    "hypothesis",
    "icalendar",
    "jsonschema",
    "lokal",
    "msgspec",
    "numpy",
    "pandas",
    "polars",
    "pydantic",
    "yaml",
)
"""Top-level packages that ``import birokrasi_retreat`` must not load eagerly."""

CORE: Final = ("attrs", "cattrs", "pendulum")
"""The core dependencies; whether the package imports them eagerly is reported only."""


@attrs.frozen(kw_only=True)
class ImportResult:
    """The median import cost of one module.

    Attributes:
        module: What was imported.
        wall_ms: Median wall time of the import, start-up floor subtracted.
        importtime_ms: Median cumulative time ``-X importtime`` reports for the module.
        children_ms: The median cumulative time of each module it imports directly.
        runs: How many processes each median is taken over.
    """

    module: str
    wall_ms: float
    importtime_ms: float
    children_ms: dict[str, float]
    runs: int


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wall(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)  # noqa: S603  (our interpreter)
    return time.perf_counter() - start


def _importtime(module: str, env: dict[str, str]) -> tuple[float, dict[str, float]]:
    """Return the cumulative microseconds ``-X importtime`` gives for ``module``, and for
    each module it imports directly (those printed just before it, one level deeper).
    """
    done = subprocess.run(  # noqa: S603  (our interpreter, a fixed module name)
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    children: dict[str, float] = {}
    for line in done.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package", the name indented by
        # two spaces per level; a module's line follows the lines of what it imported.
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        if depth == 0 and name.strip() == module:
            return float(parts[1]), children
        if depth == 0:
            children = {}
        elif depth == 1:
            children[name.strip()] = float(parts[1])
    msg = f"no importtime line for {module}"
    raise LookupError(msg)


def measure(module: str, runs: int) -> ImportResult:
    """Measure the median import cost of ``module`` over ``runs`` fresh processes.

    Args:
        module: The module to import.
        runs: How many processes per measure.

    Returns:
        The medians.
    """
    env = _environment()
    for _ in range(2):  # write the bytecode caches, warm the file system cache
        _wall(f"import {module}", env)
    floors: list[float] = []
    imports: list[float] = []
    for _ in range(runs):  # interleaved, so that a slow moment hits both
        floors.append(_wall("pass", env))
        imports.append(_wall(f"import {module}", env))
    timings = [_importtime(module, env) for _ in range(runs)]
    names = {name for _, children in timings for name in children}
    return ImportResult(
        module=module,
        wall_ms=(statistics.median(imports) - statistics.median(floors)) * 1e3,
        importtime_ms=statistics.median(total for total, _ in timings) / 1e3,
        children_ms={
            name: statistics.median(children.get(name, 0.0) for _, children in timings) / 1e3
            for name in names
        },
        runs=runs,
    )


def loaded_packages(module: str = "birokrasi_retreat") -> set[str]:
    """Return the top-level packages in ``sys.modules`` after a fresh ``import module``."""
    code = (
        f"import sys, {module}; "
        "print(' '.join(sorted({name.partition('.')[0] for name in sys.modules})))"
    )
    done = subprocess.run(  # noqa: S603  (our interpreter, fixed code)
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return set(done.stdout.split())


def render(result: ImportResult, loaded: set[str], *, top: int = 6) -> str:
    """Render the result as Markdown: the figures with PASS/MISS, and where the time goes.

    Args:
        result: What `measure` returned for ``birokrasi_retreat``.
        loaded: What `loaded_packages` returned.
        top: How many of the directly imported modules to list.

    Returns:
        The two tables and the line on heavy and core packages.
    """
    heavy = [name for name in HEAVY if name in loaded]
    core = [name for name in CORE if name in loaded]
    worst = max(result.wall_ms, result.importtime_ms)
    verdict = "PASS" if worst <= TARGET_MS and not heavy else "MISS"
    lines = [
        "| import | wall, floor subtracted (ms) | -X importtime (ms) | target |",
        "|---|---:|---:|---|",
        (
            f"| `{result.module}` | {result.wall_ms:.1f} | {result.importtime_ms:.1f} "
            f"| <= {TARGET_MS:.0f} ms, nothing heavy: {verdict} |"
        ),
        "",
        (
            f"Heavy packages loaded: {', '.join(heavy) or 'none'}. "
            f"Core dependencies loaded: {', '.join(core) or 'none'}."
        ),
        "",
        "| imported directly by the package (first importer) | -X importtime (ms) |",
        "|---|---:|",
    ]
    ranked = sorted(result.children_ms.items(), key=lambda item: -item[1])
    lines.extend(f"| `{name}` | {ms:.1f} |" for name, ms in ranked[:top])
    return "\n".join(lines)


def run(runs: int) -> str:
    """Measure ``import birokrasi_retreat`` and return the rendered tables."""
    return render(measure("birokrasi_retreat", runs), loaded_packages())


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="processes per median (15)")
    args = parser.parse_args(argv)
    print(run(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
