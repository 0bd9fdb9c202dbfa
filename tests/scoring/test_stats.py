"""Tests for birokrasi_retreat.scoring._stats: reliability, gains, effect size, ranks, rounding.

Expected values come from published worked examples (Krippendorff 2011), from hand
computations written out in the comments, or from independent reference implementations
in this file that follow the textbook definitions in exact rational arithmetic.
"""

from __future__ import annotations

import decimal
import math
import operator
import subprocess
import sys

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs
import numpy as np
import pytest

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.messages import catalogue
from birokrasi_retreat.scoring import _stats
from birokrasi_retreat.scoring._stats import (
    Gain,
    cohens_dz,
    cronbach_alpha,
    describe,
    krippendorff_alpha,
    mean_ci,
    normalized_gain,
    rank,
    round_half_up,
)


if TYPE_CHECKING:
    import random as random_module

    from collections.abc import Callable, Sequence


Method = Literal["listwise", "pairwise"]
MeasurementLevel = Literal["nominal", "ordinal", "interval", "ratio"]
METHODS: tuple[Method, ...] = ("listwise", "pairwise")
LEVELS: tuple[MeasurementLevel, ...] = ("nominal", "ordinal", "interval", "ratio")
Table = list[list[float | None]]

N = None


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker (the tests' junk input)."""
    return value


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four
# observers (A-D) rate twelve units on a 1-5 scale, with missing data.
PAPER_C: list[list[int | None]] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Same paper, example A: binary data, two observers, ten units (alpha = 0.095).
PAPER_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
# Same paper, example B: nominal data, two observers, twelve units (alpha = 0.692).
PAPER_B = [list("aabbdcccedda"), list("babbbccceddd")]

# A 5 x 3 table worked by hand (see TestCronbachAlpha.test_hand_example).
HAND_ROWS = [[3, 4, 3], [4, 5, 4], [2, 2, 3], [5, 4, 5], [3, 3, 2]]
# A 5 x 3 table with missing answers, worked by hand (see test_hand_pairwise).
HAND_MISSING: Table = [[1, 2, 1], [2, 3, N], [3, N, 3], [N, 1, 2], [2, 2, 2]]


def _outcome(function: Callable[[], float]) -> object:
    """The value of ``function()``, or the code and parameters of the ScoringError it raises."""
    try:
        return function()
    except ScoringError as error:
        return (error.code, dict(error.params))


def _raises(code: str, function: Callable[[], object], path: str = "") -> ScoringError:
    """Call ``function``, check it raises ``code`` at ``path`` with renderable messages."""
    with pytest.raises(ScoringError) as info:
        function()
    error = info.value
    assert code == error.code
    assert path == error.path
    assert error.message("id")
    assert error.message("en")
    return error


# --------------------------------------------------------------------------- references


def _reference_krippendorff(data: Sequence[Sequence[object]], level: str) -> Fraction:
    """Alpha from its definition over pairs of values, without a coincidence matrix.

    D_o = Σ_u 1/(m_u - 1) Σ_{i≠j in u} δ(v_i, v_j) / n and D_e = Σ_{i≠j over all pairable
    values} δ(v_i, v_j) / (n (n - 1)); alpha = 1 - D_o / D_e.
    """
    units = [[v for v in unit if v is not None] for unit in zip(*data, strict=True)]
    units = [unit for unit in units if len(unit) >= 2]
    pooled = [v for unit in units for v in unit]
    n = len(pooled)
    counts = {v: pooled.count(v) for v in pooled}

    def delta(c: object, k: object) -> Fraction:
        if level == "nominal":
            return Fraction(c != k)
        a, b = Fraction(cast("int", c)), Fraction(cast("int", k))
        if level == "interval":
            return (a - b) ** 2
        if level == "ratio":
            return Fraction(0) if a == b else ((a - b) / (a + b)) ** 2
        low, high = sorted((a, b))
        between = sum(count for value, count in counts.items() if low <= value <= high)
        return (between - Fraction(counts[c] + counts[k], 2)) ** 2

    observed = (
        sum(
            (
                Fraction(1, len(unit) - 1) * delta(unit[i], unit[j])
                for unit in units
                for i in range(len(unit))
                for j in range(len(unit))
                if i != j
            ),
            start=Fraction(),
        )
        / n
    )
    expected = sum(
        (delta(pooled[i], pooled[j]) for i in range(n) for j in range(n) if i != j),
        start=Fraction(),
    ) / (n * (n - 1))
    return 1 - observed / expected


def _reference_cronbach_pairwise(rows: Sequence[Sequence[int | None]]) -> Fraction:
    """Pairwise alpha in exact arithmetic, straight from the covariance-matrix definition."""
    k = len(rows[0])

    def covariance(i: int, j: int) -> Fraction:
        pairs = [(x, y) for r in rows if (x := r[i]) is not None and (y := r[j]) is not None]
        m = len(pairs)
        mx = Fraction(sum(x for x, _ in pairs), m)
        my = Fraction(sum(y for _, y in pairs), m)
        return sum(((x - mx) * (y - my) for x, y in pairs), start=Fraction()) / (m - 1)

    matrix = [[covariance(i, j) for j in range(k)] for i in range(k)]
    trace = sum((matrix[i][i] for i in range(k)), start=Fraction())
    total = sum((sum(row, start=Fraction()) for row in matrix), start=Fraction())
    return Fraction(k, k - 1) * (1 - trace / total)


def _t_cdf(t: float, df: int) -> float:
    """CDF of Student's t by Simpson's rule on the density (independent of the table)."""
    const = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    steps = 4000
    h = t / steps
    total = 0.0
    for i in range(steps + 1):
        weight = 1 if i in {0, steps} else (4 if i % 2 else 2)
        total += weight * (1 + (i * h) ** 2 / df) ** (-(df + 1) / 2)
    return 0.5 + const * total * h / 3


ratings = st.integers(min_value=1, max_value=5)


@st.composite
def tables(draw: st.DrawFn, *, missing: bool = False) -> list[list[int | None]]:
    """Respondents x items tables of Likert ratings, optionally with missing answers."""
    k = draw(st.integers(min_value=2, max_value=5))
    n = draw(st.integers(min_value=3, max_value=12))
    cell = st.one_of(st.none(), ratings) if missing else ratings
    return draw(st.lists(st.lists(cell, min_size=k, max_size=k), min_size=n, max_size=n))


# --------------------------------------------------------------------------- round_half_up


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        ("value", "digits", "expected"),
        [
            (2.675, 2, 2.68),  # binary 2.67499999..., round() gives 2.67
            (1.005, 2, 1.01),  # binary 1.00499999..., round() gives 1.0
            (0.125, 2, 0.13),  # an exact binary tie, round() gives 0.12 (to even)
            (-1.005, 2, -1.01),  # ties go away from zero
            (2.5, 0, 3.0),
            (-2.5, 0, -3.0),
            (84.44444, 1, 84.4),
            (1250.0, -2, 1300.0),
            (99.995, 2, 100.0),
            (5, 2, 5.0),
            (1e20, 2, 1e20),  # already without decimals: returned unchanged
            (1e-300, 2, 0.0),
        ],
    )
    def test_tricky_values(self, value: float, digits: int, expected: float) -> None:
        """Ties round away from zero on the decimal a person reads, not the binary value."""
        assert expected == round_half_up(value, digits)

    def test_minus_zero_becomes_zero(self) -> None:
        """A negative value that rounds to zero gives +0.0, never -0.0."""
        assert 1.0 == math.copysign(1.0, round_half_up(-0.001))
        assert 1.0 == math.copysign(1.0, round_half_up(-0.0))

    def test_numpy_scalar(self) -> None:
        """A NumPy float is read through its float value, not its NumPy repr."""
        assert 2.68 == round_half_up(np.float64(2.675))

    def test_caller_decimal_context_is_ignored(self) -> None:
        """Changing the thread's decimal context cannot change the library's rounding."""
        with decimal.localcontext() as ctx:
            ctx.prec = 2
            ctx.rounding = decimal.ROUND_DOWN
            assert 2.68 == round_half_up(2.675)

    @pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
    def test_not_finite(self, value: float) -> None:
        """NaN and infinities cannot be rounded."""
        error = _raises("stats.not_finite", lambda: round_half_up(value))
        assert str(value) == error.params["value"]

    @given(st.floats(min_value=-1e9, max_value=1e9), st.integers(min_value=0, max_value=6))
    def test_matches_decimal_half_up(self, value: float, digits: int) -> None:
        """The result is the ROUND_HALF_UP rounding of the shortest decimal form."""
        quantum = decimal.Decimal(1).scaleb(-digits)
        expected = decimal.Decimal(repr(value)).quantize(quantum, decimal.ROUND_HALF_UP)
        assert float(expected) + 0.0 == round_half_up(value, digits)

    @given(st.floats(min_value=-1e9, max_value=1e9), st.integers(min_value=0, max_value=6))
    def test_idempotent(self, value: float, digits: int) -> None:
        """Rounding a rounded value again changes nothing."""
        once = round_half_up(value, digits)
        assert once == round_half_up(once, digits)


# --------------------------------------------------------------------------- rank


class TestRank:
    def test_competition_ranking(self) -> None:
        """Two values tied for second place share rank 2 and the next one is 4th."""
        assert (1, 2, 2, 4) == rank([90, 80, 80, 70])

    def test_input_order_kept(self) -> None:
        """Ranks come back in the order of the values, not sorted."""
        assert (4, 1, 2, 2) == rank([70.0, 90.0, 80.0, 80.0])

    def test_ascending(self) -> None:
        """With descending=False the lowest value ranks first, ties still share."""
        assert (1, 4, 2, 2) == rank([70, 90, 80, 80], descending=False)

    def test_all_tied_and_empty(self) -> None:
        """All-equal values all rank 1; no values give no ranks."""
        assert (1, 1, 1) == rank([5, 5, 5])
        assert () == rank([])

    def test_not_finite(self) -> None:
        """A NaN cannot be ranked; the error points at it."""
        _raises("stats.not_finite", lambda: rank([1.0, math.nan]), path="[1]")

    def test_not_a_number(self) -> None:
        """A string cannot be ranked with numbers."""
        _raises("stats.value_type", lambda: rank(_any([1.0, "2"])), path="[1]")

    @given(st.lists(st.integers(min_value=0, max_value=10), max_size=20), st.booleans())
    def test_one_plus_number_strictly_better(self, values: list[int], descending: bool) -> None:
        """Each rank is one more than the number of values strictly better than it."""
        better = operator.gt if descending else operator.lt
        expected = tuple(1 + sum(better(other, v) for other in values) for v in values)
        assert expected == rank(values, descending=descending)


# --------------------------------------------------------------------------- describe


class TestDescribe:
    def test_hand_example(self) -> None:
        """Mean 5, median 4.5, sd √(32/7): squared deviations 9+1+1+1+0+0+4+16 = 32."""
        result = describe([2, 4, 4, 4, 5, 5, 7, 9])
        assert {
            "n": 8,
            "mean": 5.0,
            "median": 4.5,
            "sd": math.sqrt(32 / 7),
            "min": 2.0,
            "max": 9.0,
        } == result

    def test_odd_count_median_and_single_value(self) -> None:
        """An odd count takes the middle value; one value has no standard deviation."""
        assert 3.0 == describe([9, 1, 3])["median"]
        assert describe([80])["sd"] is None

    def test_empty(self) -> None:
        """An empty sample cannot be described."""
        error = _raises("stats.too_few", lambda: describe([]))
        assert (1, 0) == (error.params["needed"], error.params["got"])

    def test_not_finite(self) -> None:
        """An infinity is refused with its position."""
        _raises("stats.not_finite", lambda: describe([1.0, 2.0, math.inf]), path="[2]")

    def test_overflow(self) -> None:
        """Values whose sum overflows a float are refused, not turned into inf."""
        _raises("stats.overflow", lambda: describe([1e308, 1e308]))

    @given(
        st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=2, max_size=30), st.randoms()
    )
    def test_order_independent(self, values: list[float], random: random_module.Random) -> None:
        """Shuffling the values changes nothing, to the last bit (correctly rounded sums)."""
        shuffled = list(values)
        random.shuffle(shuffled)
        assert describe(values) == describe(shuffled)


# --------------------------------------------------------------------------- mean_ci


class TestMeanCi:
    def test_hand_example(self) -> None:
        """[70, 80, 90]: mean 80, sd 10, t(2) = 4.303; half-width 43.03/√3 = 24.843."""
        lower, upper = mean_ci([70, 80, 90])
        assert (55.157, 104.843) == (round(lower, 3), round(upper, 3))
        assert math.isclose(80.0, (lower + upper) / 2)

    def test_between_rows_uses_next_lower_df(self) -> None:
        """n = 36 (df 35) uses the df-30 row, 2.042; n = 200 (df 199) the df-120 row."""
        values = [0.0, 2.0] * 18  # mean 1, sd = √(36/35)
        lower, upper = mean_ci(values)
        assert math.isclose(2.042 * math.sqrt(36 / 35) / 6, (upper - lower) / 2)
        values = [0.0, 2.0] * 100  # sd = √(200/199)
        lower, upper = mean_ci(values)
        assert math.isclose(1.980 * math.sqrt(200 / 199) / math.sqrt(200), (upper - lower) / 2)

    def test_no_spread(self) -> None:
        """Equal values give a zero-width interval at their value."""
        assert (4.0, 4.0) == mean_ci([4, 4, 4])

    @pytest.mark.parametrize(("df", "t"), list(zip(_stats._T_975_DF, _stats._T_975, strict=True)))
    def test_table_matches_t_distribution(self, df: float, t: float) -> None:
        """Each tabulated value is the 0.975 quantile of Student's t rounded to 3 decimals."""
        if math.isinf(df):
            cdf: Callable[[float], float] = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731
        else:
            cdf = lambda x: _t_cdf(x, int(df))  # noqa: E731
        assert cdf(t - 0.0005) < 0.975 < cdf(t + 0.0005)

    def test_other_confidence_level(self) -> None:
        """Only the 95 % level is tabulated."""
        error = _raises("stats.confidence", lambda: mean_ci([1, 2, 3], confidence=0.99))
        assert "0.99" == error.params["value"]

    def test_too_few(self) -> None:
        """One value has no spread to build an interval from."""
        _raises("stats.too_few", lambda: mean_ci([5.0]))

    def test_not_a_number(self) -> None:
        """A None among the values is a type error, with its position."""
        _raises("stats.value_type", lambda: mean_ci(_any([1.0, None])), path="[1]")


# --------------------------------------------------------------------------- gain and d_z


class TestNormalizedGain:
    def test_hand_example(self) -> None:
        """Pre 50/80/100, post 75/95/100 of 100: <g> = 40/70; g_i = 25/50, 15/20, None."""
        gain = normalized_gain([50, 80, 100], [75, 95, 100], max_score=100)
        assert (
            Gain(average=40 / 70, per_person=(0.5, 0.75, None), mean_per_person=0.625, n=3) == gain
        )

    def test_average_is_hake_formula(self) -> None:
        """<g> = (mean(post) - mean(pre)) / (max - mean(pre)): (70 - 50) / (100 - 50) = 0.4."""
        gain = normalized_gain([40, 60], [60, 80], max_score=100)
        assert 0.4 == gain.average
        assert (1 / 3, 0.5) == gain.per_person

    def test_loss_is_negative(self) -> None:
        """A lower post-test score gives a negative gain."""
        assert -0.5 == normalized_gain([60], [40], max_score=100).average

    def test_frozen(self) -> None:
        """A Gain cannot be changed after it is built."""
        gain = normalized_gain([50], [75], max_score=100)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            gain.n = 2  # type: ignore[misc]

    def test_length_mismatch(self) -> None:
        """Pre and post must pair up one to one."""
        error = _raises("stats.length", lambda: normalized_gain([1, 2], [3], max_score=10))
        assert (2, 1) == (error.params["pre"], error.params["post"])

    def test_empty(self) -> None:
        """No people, no gain."""
        _raises("stats.too_few", lambda: normalized_gain([], [], max_score=10))

    def test_bad_scores(self) -> None:
        """A NaN pre-test or a text post-test score is refused at its position."""
        _raises(
            "stats.not_finite",
            lambda: normalized_gain([1, math.nan], [2, 3], max_score=10),
            path="pre[1]",
        )
        bad = _any(["2"])
        _raises("stats.value_type", lambda: normalized_gain([1], bad, max_score=10), path="post[0]")

    def test_bad_max_score(self) -> None:
        """The maximum must be a finite number."""
        _raises(
            "stats.not_finite",
            lambda: normalized_gain([1], [2], max_score=math.inf),
            path="max_score",
        )

    def test_score_above_max(self) -> None:
        """A score above the maximum is an error, in the pre-test or the post-test."""
        error = _raises(
            "stats.above_max",
            lambda: normalized_gain([50, 101], [60, 100], max_score=100),
            path="pre[1]",
        )
        assert (101, 100) == (error.params["value"], error.params["max_score"])
        _raises(
            "stats.above_max",
            lambda: normalized_gain([50, 90], [60, 105], max_score=100),
            path="post[1]",
        )

    def test_no_headroom(self) -> None:
        """When everyone starts at the maximum there is nothing to gain."""
        _raises("stats.no_headroom", lambda: normalized_gain([10, 10], [10, 9], max_score=10))

    @given(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100)
            ),
            min_size=1,
            max_size=20,
        )
    )
    def test_properties(self, pairs: list[tuple[int, int]]) -> None:
        """<g> follows Hake's formula, each g_i <= 1, and None exactly where pre is 100."""
        pre = [p for p, _ in pairs]
        post = [q for _, q in pairs]
        assume(min(pre) < 100)
        gain = normalized_gain(pre, post, max_score=100)
        mean_pre, mean_post = sum(pre) / len(pre), sum(post) / len(post)
        assert math.isclose((mean_post - mean_pre) / (100 - mean_pre), gain.average, abs_tol=1e-12)
        assert [p == 100 for p in pre] == [g is None for g in gain.per_person]
        assert all(g <= 1 for g in gain.per_person if g is not None)
        assert len(pairs) == gain.n


class TestCohensDz:
    def test_hand_example(self) -> None:
        """Differences 10, 5, 15: mean 10, sd 5, so d_z = 2."""
        assert 2.0 == cohens_dz([60, 70, 80], [70, 75, 95])

    def test_decrease_is_negative(self) -> None:
        """Differences -1, -3: mean -2, sd √2, so d_z = -√2."""
        assert math.isclose(-math.sqrt(2), cohens_dz([5, 6], [4, 3]))

    def test_length_mismatch(self) -> None:
        """Pre and post must pair up one to one."""
        _raises("stats.length", lambda: cohens_dz([1, 2, 3], [1, 2]))

    def test_too_few(self) -> None:
        """One pair has no spread of differences."""
        _raises("stats.too_few", lambda: cohens_dz([1], [2]))

    def test_no_variance(self) -> None:
        """Identical differences leave d_z undefined."""
        _raises("stats.no_variance", lambda: cohens_dz([1, 2, 3], [2, 3, 4]))

    def test_not_finite(self) -> None:
        """A NaN score is refused with its position."""
        _raises("stats.not_finite", lambda: cohens_dz([1, 2], [2, math.nan]), path="post[1]")

    @given(st.lists(st.tuples(ratings, ratings), min_size=2, max_size=20))
    def test_antisymmetric_and_scale_free(self, pairs: list[tuple[int, int]]) -> None:
        """Swapping pre and post flips the sign; doubling every score changes nothing."""
        pre = [float(p) for p, _ in pairs]
        post = [float(q) for _, q in pairs]
        assume(len({q - p for p, q in pairs}) > 1)
        d = cohens_dz(pre, post)
        assert -d == cohens_dz(post, pre)
        assert d == cohens_dz([2 * p for p in pre], [2 * q for q in post])


# --------------------------------------------------------------------------- Cronbach


class TestCronbachAlpha:
    def test_hand_example(self) -> None:
        """HAND_ROWS: item variances 1.3 each, total variance 9.3, alpha = 1.5·5.4/9.3 = 27/31.

        Items 3,4,2,5,3 / 4,5,2,4,3 / 3,4,3,5,2 have squared deviations summing to 5.2
        each; the totals 10,13,7,14,8 (mean 10.4) to 37.2. The covariances are 0.95
        (items 1-2), 1.05 (1-3) and 0.7 (2-3), so ΣC = 3.9 + 2·2.7 = 9.3 as well.
        """
        assert float(Fraction(27, 31)) == cronbach_alpha(HAND_ROWS)
        assert float(Fraction(27, 31)) == cronbach_alpha(HAND_ROWS, missing="pairwise")

    def test_hand_example_floats(self) -> None:
        """Shifting every rating by 0.5 (the float path) leaves alpha at 27/31."""
        shifted: Table = [[v + 0.5 for v in row] for row in HAND_ROWS]
        assert math.isclose(27 / 31, cronbach_alpha(shifted), rel_tol=1e-14)
        assert math.isclose(27 / 31, cronbach_alpha(shifted, missing="pairwise"), rel_tol=1e-14)

    def test_hand_pairwise(self) -> None:
        """HAND_MISSING pairwise: variances 2/3 each, covariances 1/6, 1, -1/6: alpha = 3/4.

        Listwise keeps rows [1, 2, 1] and [2, 2, 2]: item variances 1/2, 0, 1/2 and
        total variance 2, so alpha = 1.5 · (1 - 1/2) = 3/4 too.
        """
        assert 0.75 == cronbach_alpha(HAND_MISSING, missing="pairwise")
        assert 0.75 == cronbach_alpha(HAND_MISSING)

    def test_negative_alpha(self) -> None:
        """Items that move against each other give a negative alpha."""
        assert cronbach_alpha([[1, 5], [2, 4], [3, 3], [4, 2], [5, 2]]) < 0

    @given(tables())
    def test_pairwise_equals_listwise_without_missing(self, rows: list[list[int | None]]) -> None:
        """Without missing answers both methods give the same alpha, exactly for integers."""
        listwise = _outcome(lambda: cronbach_alpha(rows))
        assume(isinstance(listwise, float))
        assert listwise == cronbach_alpha(rows, missing="pairwise")
        halves: Table = [[v + 0.5 for v in row if v is not None] for row in rows]
        for method in METHODS:
            result = cronbach_alpha(halves, missing=method)
            assert math.isclose(listwise, result, rel_tol=1e-9, abs_tol=1e-12)

    @given(tables(missing=True), st.randoms(), st.sampled_from(METHODS), st.booleans())
    @settings(suppress_health_check=[HealthCheck.filter_too_much])  # many tables have no alpha
    def test_permutation_invariant(
        self,
        rows: list[list[int | None]],
        random: random_module.Random,
        missing: Method,
        floats: bool,
    ) -> None:
        """Reordering respondents or items cannot change alpha, not even in the last bit."""
        table: Table = [[None if v is None or not floats else v / 3 for v in row] for row in rows]
        if not floats:
            table = [list(row) for row in rows]
        expected = _outcome(lambda: cronbach_alpha(table, missing=missing))
        assume(isinstance(expected, float))
        order = list(range(len(table[0])))
        random.shuffle(order)
        shuffled = [[row[j] for j in order] for row in table]
        random.shuffle(shuffled)
        assert expected == cronbach_alpha(shuffled, missing=missing)

    @given(tables(missing=True))
    @settings(suppress_health_check=[HealthCheck.filter_too_much])
    def test_pairwise_matches_reference(self, rows: list[list[int | None]]) -> None:
        """Pairwise alpha on integers equals the exact covariance-matrix definition."""
        result = _outcome(lambda: cronbach_alpha(rows, missing="pairwise"))
        assume(isinstance(result, float))  # undefined cases are tested one by one below
        assert float(_reference_cronbach_pairwise(rows)) == result

    def test_unknown_missing_method(self) -> None:
        """Only listwise and pairwise are known."""
        error = _raises("stats.missing", lambda: cronbach_alpha(HAND_ROWS, missing=_any("mean")))
        assert "'mean'" == error.params["value"]

    def test_ragged(self) -> None:
        """Rows of different lengths are refused at the first odd row."""
        error = _raises("stats.ragged", lambda: cronbach_alpha([[1, 2], [2, 3], [3]]), path="[2]")
        assert (2, 2, 1) == (error.params["row"], error.params["expected"], error.params["got"])

    def test_too_few_items(self) -> None:
        """One item has nothing to be consistent with."""
        _raises("stats.too_few_items", lambda: cronbach_alpha([[1], [2], [3]]))

    def test_too_few_rows(self) -> None:
        """No rows, one row, or one complete row leave no variance to compute."""
        _raises("stats.too_few", lambda: cronbach_alpha([]))
        _raises("stats.too_few", lambda: cronbach_alpha([[1, 2]]))
        _raises("stats.too_few", lambda: cronbach_alpha([[1, 2], [2, None], [None, 1]]))

    def test_too_few_answers(self) -> None:
        """Pairwise needs every item answered at least twice."""
        rows: Table = [[1, 2], [2, N], [3, N]]
        error = _raises("stats.too_few_answers", lambda: cronbach_alpha(rows, missing="pairwise"))
        assert (1, 1) == (error.params["item"], error.params["got"])

    def test_too_few_pairs(self) -> None:
        """Pairwise needs every pair of items answered together at least twice."""
        rows: Table = [[1, 2, N], [2, 3, N], [3, N, 1], [4, N, 2], [5, 1, 3]]
        error = _raises("stats.too_few_pairs", lambda: cronbach_alpha(rows, missing="pairwise"))
        assert (1, 2, 1) == (error.params["first"], error.params["second"], error.params["got"])

    @pytest.mark.parametrize("missing", METHODS)
    def test_no_variance(self, missing: Method) -> None:
        """Everyone giving the same answers leaves alpha undefined, for ints and floats."""
        _raises("stats.no_variance", lambda: cronbach_alpha([[3, 3], [3, 3]], missing=missing))
        floats: Table = [[1.5, 2.5], [1.5, 2.5]]
        _raises("stats.no_variance", lambda: cronbach_alpha(floats, missing=missing))

    @pytest.mark.parametrize(
        ("bad", "code"),
        [(math.nan, "stats.not_finite"), (math.inf, "stats.not_finite"), ("4", "stats.value_type")],
    )
    @pytest.mark.parametrize("missing", METHODS)
    def test_bad_rating(self, bad: object, code: str, missing: Method) -> None:
        """A rating that is not a finite number is refused at its row and column."""
        rows = _any([[1, 2, 3], [2, None, 3], [3, 4, bad]])
        _raises(code, lambda: cronbach_alpha(rows, missing=missing), path="[2][2]")


class TestCronbachAlphaArray:
    """The NumPy fast path gives the results of the sequence path."""

    @pytest.mark.parametrize("dtype", [np.int64, np.float64])
    @pytest.mark.parametrize("missing", METHODS)
    def test_hand_example(self, dtype: type[np.generic], missing: Method) -> None:
        """An int or float array of HAND_ROWS gives exactly 27/31."""
        x = np.array(HAND_ROWS, dtype=dtype)
        assert float(Fraction(27, 31)) == cronbach_alpha(x, missing=missing)

    @pytest.mark.parametrize("missing", METHODS)
    def test_nan_is_missing(self, missing: Method) -> None:
        """NaN marks a missing answer; HAND_MISSING gives 3/4."""
        x = np.array(HAND_MISSING, dtype=np.float64)
        assert 0.75 == cronbach_alpha(x, missing=missing)

    @given(tables(missing=True), st.sampled_from(METHODS))
    def test_integers_equal_sequence_path(
        self, rows: list[list[int | None]], missing: Method
    ) -> None:
        """For integer ratings the array path is exact: same alpha to the last bit, same errors."""
        array = np.array(rows, dtype=np.float64)
        expected = _outcome(lambda: cronbach_alpha(rows, missing=missing))
        assert expected == _outcome(lambda: cronbach_alpha(array, missing=missing))

    @given(tables(), st.sampled_from(METHODS), st.sampled_from([np.int64, np.uint8, np.int16]))
    def test_integer_dtypes_equal_sequence_path(
        self, rows: list[list[int]], missing: Method, dtype: type[np.generic]
    ) -> None:
        """Integer arrays of any width give the sequence path's alpha to the last bit."""
        expected = _outcome(lambda: cronbach_alpha(rows, missing=missing))
        array = np.array(rows, dtype=dtype)
        assert expected == _outcome(lambda: cronbach_alpha(array, missing=missing))

    @given(tables(missing=True), st.sampled_from(METHODS))
    def test_floats_close_to_exact(self, rows: list[list[int | None]], missing: Method) -> None:
        """Thirds of integer ratings (float paths) give the integers' exact alpha, closely."""
        exact = _outcome(lambda: cronbach_alpha(rows, missing=missing))
        assume(isinstance(exact, float))  # errors are compared on integers above
        thirds: Table = [[None if v is None else v / 3 for v in row] for row in rows]
        for table in (thirds, np.array(thirds, dtype=np.float64)):
            result = cronbach_alpha(table, missing=missing)
            assert math.isclose(cast("float", exact), result, rel_tol=1e-9, abs_tol=1e-12)

    @pytest.mark.parametrize("missing", METHODS)
    def test_large_integers_take_float_path(self, missing: Method) -> None:
        """Integers too large to sum exactly in float64 still give the right alpha."""
        x = np.array(HAND_ROWS, dtype=np.float64) * 1e8 + 1e9
        assert math.isclose(27 / 31, cronbach_alpha(x, missing=missing), rel_tol=1e-9)

    def test_listwise_drops_rows_on_float_path(self) -> None:
        """Rows with NaN are dropped before centring non-integer ratings."""
        x = np.array([*HAND_ROWS, [1, N, 2]], dtype=np.float64) + 0.5
        assert math.isclose(27 / 31, cronbach_alpha(x), rel_tol=1e-12)

    def test_shape(self) -> None:
        """A one-dimensional array is not a table."""
        error = _raises("stats.shape", lambda: cronbach_alpha(_any(np.array([1.0, 2.0]))))
        assert 1 == error.params["ndim"]

    def test_errors(self) -> None:
        """The array path raises the codes of the sequence path."""
        _raises("stats.too_few_items", lambda: cronbach_alpha(np.ones((3, 1))))
        infinite = np.array([[1.0, 2.0], [np.inf, 1.0]])
        _raises("stats.not_finite", lambda: cronbach_alpha(infinite), path="[1][0]")
        one_row = np.array([[1.0, 2.0], [np.nan, 1.0]])
        _raises("stats.too_few", lambda: cronbach_alpha(one_row))
        once = np.array([[1, 2], [2, np.nan], [3, np.nan]])
        _raises("stats.too_few_answers", lambda: cronbach_alpha(once, missing="pairwise"))
        apart = np.array([[1, 2, N], [2, 3, N], [3, N, 1], [4, N, 2], [5, 1, 3]], dtype=np.float64)
        _raises("stats.too_few_pairs", lambda: cronbach_alpha(apart, missing="pairwise"))
        constant = np.full((3, 2), 4.0)
        _raises("stats.no_variance", lambda: cronbach_alpha(constant))
        _raises("stats.no_variance", lambda: cronbach_alpha(constant, missing="pairwise"))

    def test_object_array_uses_sequence_path(self) -> None:
        """An array of Python objects (None for missing) goes through the sequence path."""
        x = _any(np.array(HAND_MISSING, dtype=object))
        assert 0.75 == cronbach_alpha(x, missing="pairwise")


# --------------------------------------------------------------------------- Krippendorff


class TestKrippendorffAlpha:
    @pytest.mark.parametrize(
        ("level", "expected"),
        [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
    )
    def test_paper_example_c(self, level: MeasurementLevel, expected: float) -> None:
        """Krippendorff (2011) example C (4 observers, 12 units, missing data) at each level."""
        assert expected == round(krippendorff_alpha(PAPER_C, level=level), 3)

    def test_paper_examples_a_and_b(self) -> None:
        """Krippendorff (2011) examples A (binary, 0.095) and B (nominal letters, 0.692)."""
        assert 0.095 == round(krippendorff_alpha(PAPER_A), 3)
        assert 0.692 == round(krippendorff_alpha(PAPER_B), 3)

    def test_paper_example_a_exact(self) -> None:
        """Example A by hand: o_01 = o_10 = 4, n_0 = 14, n_1 = 6, n = 20, so 1 - 19·8/168."""
        assert float(Fraction(2, 21)) == krippendorff_alpha(PAPER_A)

    @pytest.mark.parametrize("level", LEVELS)
    def test_paper_example_c_matches_reference(self, level: MeasurementLevel) -> None:
        """Example C equals alpha computed from its pairwise definition, exactly."""
        expected = float(_reference_krippendorff(PAPER_C, level))
        assert expected == krippendorff_alpha(PAPER_C, level=level)

    @given(
        st.lists(
            st.lists(st.one_of(st.none(), ratings), min_size=6, max_size=6), min_size=2, max_size=4
        ),
        st.sampled_from(LEVELS),
    )
    def test_matches_reference(self, data: list[list[int | None]], level: MeasurementLevel) -> None:
        """Random reliability data give the alpha of the pairwise definition, exactly."""
        result = _outcome(lambda: krippendorff_alpha(data, level=level))
        assume(isinstance(result, float))  # undefined cases are tested one by one below
        assert float(_reference_krippendorff(data, level)) == result

    @given(st.randoms(), st.sampled_from(LEVELS))
    def test_permutation_invariant(
        self, random: random_module.Random, level: MeasurementLevel
    ) -> None:
        """Reordering raters or units cannot change alpha."""
        units = list(range(12))
        random.shuffle(units)
        shuffled = [[row[u] for u in units] for row in PAPER_C]
        random.shuffle(shuffled)
        expected = krippendorff_alpha(PAPER_C, level=level)
        assert expected == krippendorff_alpha(shuffled, level=level)

    def test_level_invariances(self) -> None:
        """Nominal ignores labels, ordinal increasing maps, interval affine maps, ratio scaling."""
        relabel = [[None if v is None else "abcde"[v - 1] for v in row] for row in PAPER_C]
        cubed = [[None if v is None else v**3 for v in row] for row in PAPER_C]
        affine = [[None if v is None else 3 * v - 7 for v in row] for row in PAPER_C]
        scaled = [[None if v is None else 2.5 * v for v in row] for row in PAPER_C]
        assert krippendorff_alpha(PAPER_C) == krippendorff_alpha(relabel)
        ordinal = krippendorff_alpha(PAPER_C, level="ordinal")
        assert ordinal == krippendorff_alpha(cubed, level="ordinal")
        interval = krippendorff_alpha(PAPER_C, level="interval")
        assert interval == krippendorff_alpha(affine, level="interval")
        assert krippendorff_alpha(PAPER_C, level="ratio") == krippendorff_alpha(
            scaled, level="ratio"
        )

    def test_perfect_agreement(self) -> None:
        """Raters who always agree (on at least two different values) reach alpha = 1."""
        assert 1.0 == krippendorff_alpha([[1, 2, 3, N], [1, 2, 3, 4]], level="interval")

    def test_values_of_other_types(self) -> None:
        """NumPy ints count as the equal int, fractions as floats, zero is a ratio value."""
        numpy_ints = _any([[N if v is None else np.int64(v) for v in row] for row in PAPER_C])
        assert krippendorff_alpha(PAPER_C) == krippendorff_alpha(numpy_ints)
        halves = _any([[Fraction(1, 2), Fraction(3, 2), 0], [0.5, 1.5, 0]])
        assert 1.0 == krippendorff_alpha(halves, level="ratio")

    def test_unknown_level(self) -> None:
        """Only the four levels of measurement exist."""
        error = _raises("stats.level", lambda: krippendorff_alpha(PAPER_C, level=_any("cardinal")))
        assert "'cardinal'" == error.params["value"]

    def test_ragged(self) -> None:
        """Raters must cover the same units."""
        _raises("stats.ragged", lambda: krippendorff_alpha([[1, 2, 3], [1, 2]]), path="[1]")

    @pytest.mark.parametrize(
        ("value", "level", "code"),
        [
            (True, "nominal", "stats.value_type"),
            ("3", "ordinal", "stats.value_type"),
            (decimal.Decimal(3), "interval", "stats.value_type"),
            (math.nan, "nominal", "stats.not_finite"),
            (-1, "ratio", "stats.negative"),
        ],
    )
    def test_bad_value(self, value: object, level: MeasurementLevel, code: str) -> None:
        """A value the level cannot use is refused at its rater and unit."""
        data = _any([[1, 2, 3], [1, 2, value]])
        _raises(code, lambda: krippendorff_alpha(data, level=level), path="[1][2]")

    def test_too_few(self) -> None:
        """No unit rated twice leaves nothing to pair; no raters neither."""
        error = _raises("stats.too_few", lambda: krippendorff_alpha([[1, N], [N, 2]]))
        assert 0 == error.params["got"]
        _raises("stats.too_few", lambda: krippendorff_alpha([]))

    @pytest.mark.parametrize("level", LEVELS)
    def test_no_variance(self, level: MeasurementLevel) -> None:
        """When every pairable value is the same, no disagreement is possible."""
        data: list[list[float | str | None]] = [[2, 2, 5], [2, 2, N]]
        _raises("stats.no_variance", lambda: krippendorff_alpha(data, level=level))


# --------------------------------------------------------------------------- module


class TestModule:
    def test_numpy_not_imported(self) -> None:
        """Importing the statistics does not import NumPy (it is loaded only for arrays)."""
        code = "import sys, birokrasi_retreat.scoring._stats; print('numpy' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False" == result.stdout.strip()

    def test_codes_catalogued(self) -> None:
        """The module's codes are exactly the stats.* entries of the catalogue."""
        assert {
            "stats.above_max",
            "stats.confidence",
            "stats.length",
            "stats.level",
            "stats.missing",
            "stats.negative",
            "stats.no_headroom",
            "stats.no_variance",
            "stats.not_finite",
            "stats.overflow",
            "stats.ragged",
            "stats.shape",
            "stats.too_few",
            "stats.too_few_answers",
            "stats.too_few_items",
            "stats.too_few_pairs",
            "stats.value_type",
        } == {code for code in catalogue() if code.startswith("stats.")}
