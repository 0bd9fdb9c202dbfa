"""Score 1,000,000 responses of a 7-criterion rubric and compute Cronbach's alpha over them.

Issue 5 asks for three figures, each beside a plain NumPy computation of the same
formula on the same data in the same run (the *floor*):

1. **Python objects**: ``score_many(rubric, responses)`` over 1,000,000 `Response`
   objects, against the floor computing the same values from the ratings already in an
   array. Target: under 0.3 s on the 2-core benchmark machine (absolute seconds). The
   ratio to the floor is shown for scale: it is mostly the cost of reading 7,000,000
   ratings out of Python objects, which the floor does not pay; the least pure-Python
   work that touches every rating (``itemgetter`` over every ratings mapping) is timed
   too, as the Python floor; so is ``score_many`` without the ratings each `Response`
   packed as bytes when built (every rating looked up and read as float64, the *plain
   path*), to show what the packing saves.
2. **Columnar input**: ``score_array(rubric, ratings)`` over the same ratings as a 2-D
   array, against the floor on that array. Target: within 2x. Measured twice: every
   criterion answered (int64), and float64 with 2% of the optional answers NaN.
3. **Reliability**: ``cronbach_alpha(ratings)`` (listwise) over the same arrays, against
   the textbook formula in NumPy. Target: within 2x.

The floor is the formula written plainly in NumPy, without the checks our functions
make (every rating on its scale, required criteria answered) and with NumPy's own
rounding (``np.round``, half-to-even on the binary value, where ours is half-up on the
decimal value: the values differ at ties, which the table counts).

Data: ``make_ratings(n, seed=2026)``, from ``numpy.random.default_rng(seed)``: each
respondent has a latent attitude (standard normal) and answers each of the 7 BerAKHLAK
values on a 1-5 Likert scale as ``round(3.4 + 0.9 · attitude + noise)`` clipped to 1-5,
with independent normal noise (sd 0.8): correlated items, as a real questionnaire gives,
so that alpha is meaningful (about 0.88). The rubric weighs *berorientasi pelayanan*
twice and has three bands (its numbers are illustrative, not from a regulation). Making
the data and the responses is not timed.

Timing: the best of ``--repeat`` runs, ours and the floor interleaved within each round,
each timed run after one untimed run of the same job (so that what the previous job left
in the allocator is not charged to it: right after the plain path, the NumPy floor took
4 to 5 times as long once), ``gc.collect()`` before each run and the garbage collector
disabled during it (``--gc`` leaves it on); ``--clock cpu`` measures this process's CPU
time instead of elapsed time (NumPy may run a matrix product on both cores: CPU time then
exceeds elapsed time).

Run: ``uv run python benchmarks/bench_scoring.py [--n 1000000] [--repeat 5] [--gc]
[--clock cpu] [--strict]``. ``--strict`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import math
import operator
import os
import platform
import sys
import time

from typing import TYPE_CHECKING, Final, cast

import attrs
import numpy as np

from birokrasi_retreat.rubric import Band, Criterion, Phase, Response, Rubric, Scale, SubjectKind
from birokrasi_retreat.scoring import _bulk, cronbach_alpha, score_array, score_many
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from numpy.typing import NDArray


__all__ = [
    "Figure",
    "agreement",
    "floor_alpha",
    "floor_values",
    "main",
    "make_responses",
    "make_rubric",
    "make_ratings",
    "measure",
    "render",
    "plain_path",
    "with_missing",
]

SEED: Final = 2026
MISSING_SHARE: Final = 0.02
TARGET_SECONDS: Final = 0.3
TARGET_RATIO: Final = 2.0
CLOCKS: Final = {"wall": time.perf_counter, "cpu": time.process_time}
_PACKAGES: Final = ("numpy", "attrs")


def make_rubric(*, optional: bool = False) -> Rubric:
    """The 7-criterion rubric: the BerAKHLAK values on 1-5; optional past the first."""
    likert = Scale.likert(5)
    criteria = tuple(
        Criterion(
            id=value.value,
            title_id=value.label,
            title_en=value.label,
            scale=likert,
            weight=2 if value is BerAkhlak.BERORIENTASI_PELAYANAN else 1,
            required=not optional or index == 0,
        )
        for index, value in enumerate(BerAkhlak)
    )
    return Rubric(
        id="berakhlak_7",
        title_id="Penilaian BerAKHLAK (7 nilai)",
        title_en="BerAKHLAK assessment (7 values)",
        criteria=criteria,
        bands=(
            Band(code="kurang", label_id="Kurang", label_en="Poor", lower=0),
            Band(code="baik", label_id="Baik", label_en="Good", lower=60),
            Band(code="sangat_baik", label_id="Sangat Baik", label_en="Very good", lower=80),
        ),
        source="ILLUSTRATIVE (benchmark)",
    )


def make_ratings(n: int, *, seed: int = SEED) -> NDArray[np.int64]:
    """``n`` respondents x 7 correlated Likert 1-5 ratings, deterministic for a seed."""
    rng = np.random.default_rng(seed)
    attitude = rng.standard_normal((n, 1))
    noise = rng.normal(scale=0.8, size=(n, len(BerAkhlak)))
    return np.clip(np.rint(3.4 + 0.9 * attitude + noise), 1, 5).astype(np.int64)


def with_missing(
    ratings: NDArray[np.int64], *, share: float = MISSING_SHARE, seed: int = SEED
) -> NDArray[np.float64]:
    """The ratings as float64 with ``share`` of the optional answers (columns 1-6) NaN."""
    rng = np.random.default_rng(seed + 1)
    table = ratings.astype(np.float64)
    table[:, 1:][rng.random((ratings.shape[0], ratings.shape[1] - 1)) < share] = np.nan
    return table


def make_responses(rubric: Rubric, ratings: NDArray[np.int64]) -> list[Response]:
    """One `Response` per row: synthetic participants (5 responses each) and raters."""
    ids = [criterion.id for criterion in rubric.criteria]
    return [
        Response(
            rubric=rubric.id,
            subject_kind=SubjectKind.PARTICIPANT,
            subject=f"p-{index // 5:06d}",
            rater=f"r-{index:07d}",
            phase=Phase.POST,
            ratings=dict(zip(ids, row, strict=True)),
        )
        for index, row in enumerate(ratings.tolist())
    ]


def _constants(rubric: Rubric) -> tuple[NDArray[np.float64], ...]:
    lows = np.array([c.scale.min_value for c in rubric.criteria], dtype=np.float64)
    spans = np.array([c.scale.max_value for c in rubric.criteria], dtype=np.float64) - lows
    weights = np.array([c.weight for c in rubric.criteria], dtype=np.float64)
    return lows, spans, weights


def floor_values(rubric: Rubric, ratings: NDArray[np.generic]) -> NDArray[np.float64]:
    """The plain NumPy floor: 100 · Σ w·(x - min)/(max - min) / Σ w, np.round to 2 places.

    With NaN in ``ratings``, an unanswered criterion drops out of both sums, as in
    `score`; without NaN, the plain formula is used (no mask).
    """
    lows, spans, weights = _constants(rubric)
    table = cast("NDArray[np.float64]", ratings)  # int64 is promoted by the subtraction
    normalised = (table - lows) / spans
    if ratings.dtype.kind == "f":
        answered = ~np.isnan(table)
        total = np.where(answered, normalised, 0.0) @ weights
        return cast("NDArray[np.float64]", np.round(100 * total / (answered @ weights), 2))
    return cast("NDArray[np.float64]", np.round(100 * (normalised @ weights) / weights.sum(), 2))


def floor_alpha(ratings: NDArray[np.generic]) -> float:
    """The plain NumPy floor of Cronbach's alpha, listwise: k/(k-1) (1 - Σ var / var Σ)."""
    table = ratings
    if ratings.dtype.kind == "f":
        table = ratings[~np.isnan(ratings).any(axis=1)]
    k = table.shape[1]
    items = table.var(axis=0, ddof=1).sum()
    return float(k / (k - 1) * (1 - items / table.sum(axis=1).var(ddof=1)))


def python_floor(rubric: Rubric, responses: Sequence[Response]) -> list[tuple[float, ...]]:
    """The least pure-Python work that touches every rating: itemgetter per response."""
    getter = operator.itemgetter(*(criterion.id for criterion in rubric.criteria))
    return list(map(getter, map(operator.attrgetter("ratings"), responses)))


def plain_path(rubric: Rubric, responses: Sequence[Response]) -> object:
    """``score_many`` without the packed ratings: every rating looked up, as float64."""
    read_packed = _bulk._read_packed  # noqa: SLF001 (a comparison of internal paths)
    _bulk._read_packed = lambda _plan, _maps: None  # type: ignore[assignment]  # noqa: SLF001
    try:
        return score_many(rubric, responses)
    finally:
        _bulk._read_packed = read_packed  # noqa: SLF001


def agreement(n: int = 2_000, *, seed: int = SEED) -> dict[str, float]:
    """Check that ours and the floors compute the same thing; return the differences.

    Returns:
        ``max_difference`` (largest |ours - floor| over the values of both arrays, at
        most 0.01: a tie rounded the other way), ``ties`` (the share of values where
        the two roundings differ) and ``alpha_difference`` (|ours - floor| for both
        arrays, largest).

    Raises:
        AssertionError: A figure disagrees beyond rounding.
    """
    ratings = make_ratings(n, seed=seed)
    rubric = make_rubric()
    responses = make_responses(rubric, ratings)
    ours = score_many(rubric, responses)
    if not np.array_equal(ours.values, score_array(rubric, ratings).values):
        msg = "score_many and score_array disagree"
        raise AssertionError(msg)
    missing = with_missing(ratings, seed=seed)
    differences = []
    for table, on in ((ratings, rubric), (missing, make_rubric(optional=True))):
        differences.append(np.abs(score_array(on, table).values - floor_values(on, table)))
    difference = np.concatenate(differences)
    alpha = max(abs(cronbach_alpha(table) - floor_alpha(table)) for table in (ratings, missing))
    if difference.max() > 0.01 + 1e-9 or alpha > 1e-9:
        msg = f"ours and the floor disagree: values by {difference.max()}, alpha by {alpha}"
        raise AssertionError(msg)
    return {
        "max_difference": float(difference.max()),
        "ties": float((difference > 0).mean()),
        "alpha_difference": alpha,
    }


@attrs.frozen(kw_only=True)
class Figure:
    """One line of the table: our best time, the floor's, and the target."""

    name: str
    ours: float
    floor: float
    target: str  # "seconds" (absolute, TARGET_SECONDS) or "ratio" (TARGET_RATIO)
    floor_name: str = "NumPy floor"

    @property
    def ratio(self) -> float:
        """Our time over the floor's."""
        return self.ours / self.floor

    @property
    def verdict(self) -> str:
        """PASS or MISS against the target."""
        if self.target == "seconds":
            return "PASS" if self.ours < TARGET_SECONDS else "MISS"
        return "PASS" if self.ratio <= TARGET_RATIO else "MISS"


def _best_of(
    jobs: Sequence[Callable[[], object]], repeat: int, *, gc_enabled: bool, clock: str
) -> list[float]:
    """The best time of each job over ``repeat`` rounds, the jobs interleaved per round."""
    now = CLOCKS[clock]
    best = [math.inf] * len(jobs)
    for _ in range(repeat):
        for index, job in enumerate(jobs):
            job()  # untimed: the allocator settles to this job's sizes
            gc.collect()
            if not gc_enabled:
                gc.disable()
            try:
                start = now()
                job()
                best[index] = min(best[index], now() - start)
            finally:
                gc.enable()
    return best


def measure(n: int, repeat: int, *, gc_enabled: bool = False, clock: str = "wall") -> list[Figure]:
    """Make the data (not timed), then time ours beside the floors."""
    ratings = make_ratings(n)
    missing = with_missing(ratings)
    rubric, optional = make_rubric(), make_rubric(optional=True)
    responses = make_responses(rubric, ratings)
    as_floats = ratings.astype(np.float64)

    def timed(*jobs: Callable[[], object]) -> list[float]:
        return _best_of(jobs, repeat, gc_enabled=gc_enabled, clock=clock)

    objects, plain, python, floor = timed(
        lambda: score_many(rubric, responses),
        lambda: plain_path(rubric, responses),
        lambda: python_floor(rubric, responses),
        lambda: floor_values(rubric, as_floats),
    )
    complete = timed(lambda: score_array(rubric, ratings), lambda: floor_values(rubric, ratings))
    nan = timed(lambda: score_array(optional, missing), lambda: floor_values(optional, missing))
    alpha = timed(lambda: cronbach_alpha(ratings), lambda: floor_alpha(ratings))
    alpha_nan = timed(lambda: cronbach_alpha(missing), lambda: floor_alpha(missing))
    return [
        Figure(
            name="1. Response objects -> score_many", ours=objects, floor=floor, target="seconds"
        ),
        Figure(
            name="1. (plain path: score_many without the packed ratings)",
            ours=plain,
            floor=floor,
            target="-",
        ),
        Figure(
            name="1. (Python floor: itemgetter over the ratings)",
            ours=python,
            floor=floor,
            target="-",
        ),
        Figure(
            name="2. int64 array -> score_array",
            ours=complete[0],
            floor=complete[1],
            target="ratio",
        ),
        Figure(
            name="2. float64 array, 2% NaN -> score_array",
            ours=nan[0],
            floor=nan[1],
            target="ratio",
        ),
        Figure(name="3. cronbach_alpha, int64", ours=alpha[0], floor=alpha[1], target="ratio"),
        Figure(
            name="3. cronbach_alpha, 2% NaN (listwise)",
            ours=alpha_nan[0],
            floor=alpha_nan[1],
            target="ratio",
        ),
    ]


def render(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table: milliseconds, ratio to the floor, verdict."""
    lines = [
        "| figure | ours (ms) | NumPy floor (ms) | ours / floor | target | verdict |",
        "|---|---:|---:|---:|---|---|",
    ]
    for figure in figures:
        if figure.target == "seconds":
            target = f"under {TARGET_SECONDS} s"
        elif figure.target == "ratio":
            target = f"<= {TARGET_RATIO:.0f}x"
        else:
            target = "-"
        verdict = figure.verdict if figure.target != "-" else "-"
        lines.append(
            f"| {figure.name} | {figure.ours * 1000:.1f} | {figure.floor * 1000:.1f} "
            f"| {figure.ratio:.2f}x | {target} | {verdict} |"
        )
    return "\n".join(lines)


def environment() -> str:
    """The machine, the interpreter and the versions measured."""
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in _PACKAGES)
    return "\n".join(
        [
            f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
            f"python: {platform.python_implementation()} {platform.python_version()}",
            f"packages: {versions}",
            f"load average: {', '.join(f'{v:.2f}' for v in os.getloadavg())}",
            f"command: python {' '.join(sys.argv)}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Check the agreement, measure, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1_000_000, help="responses (default 1000000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, best counts (default 5)")
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="time measured")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    print(environment())
    checked = agreement()
    print(
        f"agreement (2,000 rows): values within {checked['max_difference']:.2f} of the floor "
        f"({checked['ties']:.1%} rounded differently at ties), alpha within "
        f"{checked['alpha_difference']:.1e}"
    )
    gc_mode = "on" if args.gc else "off during each run (gc.collect() before)"
    print(
        f"\n## n={args.n}, best of {args.repeat}, {args.clock} clock, garbage collector {gc_mode}\n"
    )
    figures = measure(args.n, args.repeat, gc_enabled=args.gc, clock=args.clock)
    print(render(figures))
    missed = any(f.verdict == "MISS" for f in figures if f.target != "-")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
