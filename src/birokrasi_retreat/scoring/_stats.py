"""Statistics for retreat evaluation: reliability, gains, effect size, ranks, intervals, rounding.

Pure functions over plain sequences, re-exported by `birokrasi_retreat.scoring`:

* reliability of an instrument: `cronbach_alpha` (internal consistency of the items of a
  questionnaire, listwise or pairwise handling of missing answers) and
  `krippendorff_alpha` (agreement between raters at the nominal, ordinal, interval or
  ratio level, with missing values);
* Kirkpatrick level 2 (learning, sources: kirkpatrick) from a pre-test and a post-test:
  `normalized_gain` (Hake's average and per-person normalised gain, as a `Gain`) and
  `cohens_dz` (the paired effect size);
* league tables and summaries: `rank` (standard competition ranking, "1224"),
  `describe` (n, mean, median, standard deviation, min, max, as a `Description`) and
  `mean_ci` (Student-t confidence interval of a mean);
* `round_half_up`: THE rounding rule of the library (half-up on the decimal digits a
  person sees, so 2.675 becomes 2.68).

Every function is exact where it can be and deterministic everywhere: sums go through
`math.fsum` (correctly rounded, so independent of the order of the data), Krippendorff's
alpha is computed in exact rational arithmetic, and nothing is random. NumPy is imported
only inside `cronbach_alpha`, and only when the caller passes a NumPy array.

Problems raise `birokrasi_retreat.errors.ScoringError` with a ``stats.*`` code (too few
observations, ragged tables, values that are not finite numbers, an unknown option...).

References:
    * K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", Departmental Papers
      (ASC) 43, Annenberg School for Communication, University of Pennsylvania, 2011
      (https://repository.upenn.edu/asc_papers/43): the coincidence matrix, the four
      difference functions and the worked examples our tests reproduce.
    * L. J. Cronbach, "Coefficient alpha and the internal structure of tests",
      Psychometrika 16 (1951) 297-334.
    * R. R. Hake, "Interactive-engagement versus traditional methods", American Journal
      of Physics 66 (1998) 64-74: the average normalised gain <g>.
    * J. Cohen, "Statistical Power Analysis for the Behavioral Sciences", 2nd ed., 1988:
      d_z, the standardised mean of paired differences.
    * NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 "Critical Values of the
      Student's t Distribution"
      (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3672.htm).

Examples:
    >>> from birokrasi_retreat.scoring._stats import cronbach_alpha, rank, round_half_up
    >>> round(cronbach_alpha([[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 5]]), 4)
    0.9825
    >>> rank([88.5, 92.0, 88.5, 70.0])
    (2, 1, 2, 4)
    >>> round_half_up(2.675)
    2.68
    >>> cronbach_alpha([[1, 2], [1, 2]])
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.ScoringError: Cronbach's alpha is undefined: ... [stats.no_variance]
"""

from __future__ import annotations

import bisect
import decimal
import math
import numbers
import operator
import sys

from collections import Counter, defaultdict
from fractions import Fraction
from functools import partial
from itertools import chain, compress, repeat
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, cast

import attrs

from birokrasi_retreat.errors import ScoringError


if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Mapping, Sequence

    import numpy as np

    from numpy.typing import NDArray


__all__ = [
    "Description",
    "Gain",
    "cohens_dz",
    "cronbach_alpha",
    "describe",
    "krippendorff_alpha",
    "mean_ci",
    "normalized_gain",
    "rank",
    "round_half_up",
]

# Names of the statistics as the messages show them: (Bahasa Indonesia, English).
_NAMES: Final = {
    "cronbach": ("alfa Cronbach", "Cronbach's alpha"),
    "krippendorff": ("alfa Krippendorff", "Krippendorff's alpha"),
    "gain": ("gain ternormalisasi", "the normalised gain"),
    "dz": ("d_z Cohen", "Cohen's d_z"),
    "ci": ("selang kepercayaan rata-rata", "the confidence interval of the mean"),
    "describe": ("ringkasan statistik", "a statistical summary"),
}

_LEVELS: Final = ("nominal", "ordinal", "interval", "ratio")
_MISSING: Final = ("listwise", "pairwise")

# Two-sided 95 % critical values of Student's t (upper-tail probability 0.025), to 3
# decimals. df 1-30, 40 and 60: NIST/SEMATECH e-Handbook of Statistical Methods,
# §1.3.6.7.2, column 0.975. df 120 (1.980) and infinity (1.960, the normal limit): the
# standard printed t table (Fisher and Yates layout); the infinity row is kept for
# reference, as no finite df reaches it. tests/scoring/test_stats.py re-derives every value from
# the t distribution. A df between two rows uses the next LOWER row: its critical value
# is larger, so the interval is a little wider (conservative), never narrower.
_T_975_DF: Final = (*range(1, 31), 40, 60, 120, math.inf)
_T_975: Final = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    2.021, 2.000, 1.980, 1.960,
)  # fmt: skip

# Decimal context of round_half_up, fixed so that a caller's decimal.getcontext() changes
# cannot alter the library's rounding. 40 digits hold any float rounded to any number of
# places (at most 18 significant digits survive the early return below).
_DECIMAL: Final = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_UP)

_not_none = partial(operator.is_not, None)


# --------------------------------------------------------------------------- helpers


def _too_few(statistic: str, needed: int, got: int) -> ScoringError:
    name_id, name_en = _NAMES[statistic]
    return ScoringError(
        "stats.too_few", statistic_id=name_id, statistic_en=name_en, needed=needed, got=got
    )


def _no_variance(statistic: str) -> ScoringError:
    name_id, name_en = _NAMES[statistic]
    return ScoringError("stats.no_variance", statistic_id=name_id, statistic_en=name_en)


def _is_finite_number(value: object) -> bool:
    try:
        return math.isfinite(value)  # type: ignore[arg-type]
    except TypeError:
        return False


def _bad_value(value: object, path: str) -> ScoringError:
    """The error for a value that is not a finite number (the caller knows it is bad)."""
    if isinstance(value, numbers.Real):
        return ScoringError("stats.not_finite", path=path, value=str(value))
    return ScoringError("stats.value_type", path=path, type=type(value).__name__)


def _require_finite(values: Sequence[float], prefix: str) -> None:
    """Raise for the first value that is not a finite number; fast when all are."""
    try:
        if all(map(math.isfinite, values)):
            return
    except TypeError:
        pass
    index = next(i for i, value in enumerate(values) if not _is_finite_number(value))
    raise _bad_value(values[index], f"{prefix}[{index}]")


def _fsum(values: Iterable[float]) -> float:
    """`math.fsum`, with an overflow of the total reported as a `ScoringError`."""
    try:
        return math.fsum(values)
    except OverflowError:
        raise ScoringError("stats.overflow") from None


def _sum_of_squares(values: Sequence[float], mean: float) -> float:
    """Sum of squared deviations from ``mean`` (the second pass of a two-pass variance)."""
    deviations = list(map(operator.sub, values, repeat(mean)))
    return _fsum(map(operator.mul, deviations, deviations))


def _variance(values: Sequence[float]) -> float:
    """Sample variance (ddof=1) of at least two finite values, by two passes over fsum."""
    n = len(values)
    return _sum_of_squares(values, _fsum(values) / n) / (n - 1)


def _check_table(rows: Sequence[Sequence[object]]) -> int:
    """Return the common row length of a table; raise ``stats.ragged`` if rows differ."""
    if len(rows) == 0:
        return 0
    width = len(rows[0])
    if len(set(map(len, rows))) > 1:
        index = next(i for i, row in enumerate(rows) if len(row) != width)
        raise ScoringError(
            "stats.ragged", path=f"[{index}]", row=index, expected=width, got=len(rows[index])
        )
    return width


def _check_paired(pre: Sequence[float], post: Sequence[float], statistic: str, needed: int) -> int:
    """Check a pre/post pair: same length, long enough, finite; return the length."""
    n = len(pre)
    if len(post) != n:
        raise ScoringError("stats.length", pre=n, post=len(post))
    if n < needed:
        raise _too_few(statistic, needed, n)
    _require_finite(pre, "pre")
    _require_finite(post, "post")
    return n


# --------------------------------------------------------------------------- rounding


def round_half_up(value: float, digits: int = 2) -> float:
    """Round half-up on the decimal digits a person reads: the library's one rounding rule.

    The float is read through its shortest decimal form, ``repr(value)`` (so ``2.675`` is
    the decimal 2.675, not the binary 2.67499999...), then rounded with
    `decimal.ROUND_HALF_UP`: a tie goes away from zero, so ``-1.005`` becomes ``-1.01``,
    the mirror image of ``1.005``. Python's `round` rounds ties to even on the binary value
    and gives 2.67 for 2.675; a printed regulation table never does. A result of minus
    zero is returned as ``0.0``.

    Args:
        value: A finite number (an int, a float or a NumPy scalar).
        digits: Decimal places to keep (negative rounds to tens, hundreds...).

    Returns:
        The nearest float to the rounded decimal.

    Raises:
        ScoringError: ``stats.not_finite`` for NaN or an infinity.

    Examples:
        >>> round_half_up(2.675), round(2.675, 2)
        (2.68, 2.67)
        >>> round_half_up(0.125), round_half_up(-1.005), round_half_up(84.44444, 1)
        (0.13, -1.01, 84.4)
        >>> round_half_up(float("nan"))
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: The value nan is not a finite number; ...
    """
    number = float(value)
    if not math.isfinite(number):
        raise ScoringError("stats.not_finite", value=str(number))
    exact = decimal.Decimal(repr(number))
    # A finite Decimal's exponent is an int (the str forms are for NaN and infinities).
    if cast("int", exact.as_tuple().exponent) >= -digits:
        return number + 0.0  # already has no more than `digits` places; + 0.0 drops -0.0
    quantum = decimal.Decimal(1).scaleb(-digits)
    return float(exact.quantize(quantum, context=_DECIMAL)) + 0.0


# --------------------------------------------------------------------------- ranks


def rank(values: Sequence[float], *, descending: bool = True) -> tuple[int, ...]:
    """Rank values by standard competition ranking ("1224"): ties share the best rank.

    Each value's rank is one more than the number of values strictly better than it, so
    after two values tied for second place the next one is fourth. This is the ranking
    of league tables (and of `scipy.stats.rankdata(method="min")`).

    Args:
        values: Finite numbers, e.g. the scores of the OPDs of a city.
        descending: True (the default) ranks the highest value first; False the lowest.

    Returns:
        The rank of each value, in the order of ``values``.

    Raises:
        ScoringError: ``stats.not_finite`` or ``stats.value_type`` for a value that is
            not a finite number.

    Examples:
        >>> rank([70, 90, 80, 80])
        (4, 1, 2, 2)
        >>> rank([70, 90, 80, 80], descending=False)
        (1, 4, 2, 2)
        >>> rank([])
        ()
    """
    _require_finite(values, "")
    order = sorted(range(len(values)), key=values.__getitem__, reverse=descending)
    ranks = [0] * len(values)
    current = 0
    previous: float | None = None
    for position, index in enumerate(order, start=1):
        value = values[index]
        if value != previous:
            current = position
            previous = value
        ranks[index] = current
    return tuple(ranks)


# --------------------------------------------------------------------------- summaries


class Description(TypedDict):
    """Summary statistics of a sample, as returned by `describe`.

    Keys: ``n`` (count), ``mean``, ``median``, ``sd`` (sample standard deviation,
    ddof=1; None when n < 2), ``min`` and ``max``.

    Examples:
        >>> describe([3.0, 4.0])["sd"]
        0.7071067811865476
    """

    n: int
    mean: float
    median: float
    sd: float | None
    min: float
    max: float


def describe(values: Sequence[float]) -> Description:
    """Summarise a sample: count, mean, median, standard deviation, minimum and maximum.

    The mean is the correctly rounded sum (`math.fsum`) divided by n, so it does not
    depend on the order of the values; the standard deviation is the sample one
    (denominator n - 1), computed in two passes.

    Args:
        values: At least one finite number.

    Returns:
        A `Description`; ``sd`` is None for a single value.

    Raises:
        ScoringError: ``stats.too_few`` for an empty sequence; ``stats.not_finite`` or
            ``stats.value_type`` for a value that is not a finite number.

    Examples:
        >>> describe([2, 4, 4, 4, 5, 5, 7, 9])
        {'n': 8, 'mean': 5.0, 'median': 4.5, 'sd': 2.138089935299395, 'min': 2.0, 'max': 9.0}
        >>> describe([80])["sd"] is None
        True
    """
    n = len(values)
    if n == 0:
        raise _too_few("describe", 1, 0)
    _require_finite(values, "")
    mean = _fsum(values) / n
    ordered = sorted(values)
    middle = n // 2
    median = ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    sd = math.sqrt(_sum_of_squares(values, mean) / (n - 1)) if n > 1 else None
    return Description(
        n=n,
        mean=mean,
        median=float(median),
        sd=sd,
        min=float(ordered[0]),
        max=float(ordered[-1]),
    )


def _t_critical_95(df: int) -> float:
    """The tabulated 0.975 quantile of Student's t for the next tabulated df <= ``df``."""
    return _T_975[bisect.bisect_right(_T_975_DF, df) - 1]


def mean_ci(values: Sequence[float], *, confidence: float = 0.95) -> tuple[float, float]:
    """Confidence interval of a mean (two-sided, Student's t): mean ± t · sd / √n.

    ``t`` is the 0.975 quantile of Student's t with n - 1 degrees of freedom, taken from
    an embedded table (df 1-30, 40, 60, 120; NIST/SEMATECH e-Handbook §1.3.6.7.2). A df
    between two rows (31-39, 41-59, 61-119, above 120) uses the next LOWER row, whose
    larger value gives a slightly wider, conservative interval. Only the 95 % level is
    tabulated.

    Args:
        values: At least two finite numbers.
        confidence: The confidence level; only 0.95 is supported.

    Returns:
        ``(lower, upper)``, unrounded.

    Raises:
        ScoringError: ``stats.confidence`` for another level; ``stats.too_few`` for fewer
            than two values; ``stats.not_finite``/``stats.value_type`` for a bad value.

    Examples:
        >>> lower, upper = mean_ci([70, 80, 90])
        >>> round(lower, 3), round(upper, 3)
        (55.157, 104.843)
        >>> mean_ci([70, 80, 90], confidence=0.99)
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: The confidence level 0.99 is not supported; ...
    """
    if confidence != 0.95:  # noqa: PLR2004 (the one tabulated level)
        raise ScoringError("stats.confidence", value=repr(confidence))
    n = len(values)
    if n < 2:  # noqa: PLR2004 (a spread needs two values)
        raise _too_few("ci", 2, n)
    _require_finite(values, "")
    mean = _fsum(values) / n
    sd = math.sqrt(_sum_of_squares(values, mean) / (n - 1))
    half = _t_critical_95(n - 1) * sd / math.sqrt(n)
    return (mean - half, mean + half)


# --------------------------------------------------------------------------- pre/post


@attrs.frozen(kw_only=True)
class Gain:
    """Hake's normalised gain of a pre-test/post-test pair (Kirkpatrick level 2).

    The normalised gain is the share of the possible improvement that was achieved.
    For the cohort, Hake's average gain is ``<g> = (mean(post) - mean(pre)) / (max -
    mean(pre))``; per person it is ``g_i = (post_i - pre_i) / (max - pre_i)``, undefined
    (None) for a person whose pre-test score is already the maximum. The two averages
    differ in general: ``average`` weighs people by their headroom, ``mean_per_person``
    weighs them equally.

    Attributes:
        average: Hake's average normalised gain <g> of the cohort.
        per_person: g_i per person, in input order; None where pre_i equals the maximum.
        mean_per_person: The mean of the defined g_i.
        n: The number of people (pairs of scores).

    Examples:
        >>> normalized_gain([40, 60], [70, 80], max_score=100)
        Gain(average=0.5, per_person=(0.5, 0.5), mean_per_person=0.5, n=2)
    """

    average: float
    per_person: tuple[float | None, ...]
    mean_per_person: float
    n: int


def normalized_gain(pre: Sequence[float], post: Sequence[float], *, max_score: float) -> Gain:
    """Compute Hake's normalised gain from paired pre-test and post-test scores.

    ``pre[i]`` and ``post[i]`` are the scores of the same person. The average gain is
    computed from exact sums, ``Σ(post_i - pre_i) / Σ(max - pre_i)``, which equals
    ``(mean(post) - mean(pre)) / (max - mean(pre))``.

    Args:
        pre: Pre-test scores, each at most ``max_score``.
        post: Post-test scores of the same people in the same order, each at most
            ``max_score``.
        max_score: The highest possible score of the test (e.g. 100).

    Returns:
        A `Gain` with the average, per-person and mean per-person gains.

    Raises:
        ScoringError: ``stats.length`` when the two lists differ in length;
            ``stats.too_few`` when they are empty; ``stats.not_finite`` or
            ``stats.value_type`` for a score or maximum that is not a finite number;
            ``stats.above_max`` for a score above ``max_score``; ``stats.no_headroom``
            when every pre-test score is already the maximum.

    Examples:
        >>> gain = normalized_gain([50, 80, 100], [75, 95, 100], max_score=100)
        >>> round(gain.average, 4), gain.per_person, gain.mean_per_person
        (0.5714, (0.5, 0.75, None), 0.625)
        >>> normalized_gain([50], [105], max_score=100)
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: The score 105 is above the maximum score 100. ...
    """
    n = _check_paired(pre, post, "gain", 1)
    if not _is_finite_number(max_score):
        raise _bad_value(max_score, "max_score")
    for prefix, values in (("pre", pre), ("post", post)):
        if max(values) > max_score:
            index = next(i for i, value in enumerate(values) if value > max_score)
            raise ScoringError(
                "stats.above_max",
                path=f"{prefix}[{index}]",
                value=values[index],
                max_score=max_score,
            )
    if min(pre) == max_score:
        raise ScoringError("stats.no_headroom", max_score=max_score)
    negated_pre = list(map(operator.neg, pre))
    achieved = _fsum(chain(post, negated_pre))
    possible = _fsum(chain(repeat(max_score, n), negated_pre))
    per_person = tuple(
        None if before == max_score else (after - before) / (max_score - before)
        for before, after in zip(pre, post, strict=True)
    )
    defined = [g for g in per_person if g is not None]
    return Gain(
        average=achieved / possible,
        per_person=per_person,
        mean_per_person=_fsum(defined) / len(defined),
        n=n,
    )


def cohens_dz(pre: Sequence[float], post: Sequence[float]) -> float:
    """Cohen's d_z, the effect size of paired scores: mean(post - pre) / sd(post - pre).

    The standard deviation of the differences is the sample one (denominator n - 1). The
    result is positive when the post-test scores are higher. d_z is the paired-design
    effect size; it is not comparable with a two-group Cohen's d, which divides by the
    pooled standard deviation of the scores themselves.

    Args:
        pre: Pre-test scores.
        post: Post-test scores of the same people in the same order.

    Returns:
        The effect size d_z (unrounded).

    Raises:
        ScoringError: ``stats.length`` when the lists differ in length; ``stats.too_few``
            for fewer than two pairs; ``stats.not_finite``/``stats.value_type`` for a bad
            score; ``stats.no_variance`` when every difference is the same.

    Examples:
        >>> round(cohens_dz([60, 70, 80], [70, 75, 95]), 4)
        2.0
        >>> cohens_dz([60, 70], [70, 80])
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Cohen's d_z is undefined: ... [stats.no_variance]
    """
    n = _check_paired(pre, post, "dz", 2)
    differences = list(map(operator.sub, post, pre))
    mean = _fsum(differences) / n
    sd = math.sqrt(_sum_of_squares(differences, mean) / (n - 1))
    if sd == 0:
        raise _no_variance("dz")
    return mean / sd


# --------------------------------------------------------------------------- Cronbach


def _is_numeric_array(items: object) -> bool:
    """True for a NumPy array of ints or floats (only if the caller has imported NumPy)."""
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(items, numpy.ndarray) and items.dtype.kind in "iuf"


def cronbach_alpha(
    items: Sequence[Sequence[float | None]] | NDArray[np.floating | np.integer],
    *,
    missing: Literal["listwise", "pairwise"] = "listwise",
) -> float:
    """Cronbach's alpha: the internal consistency of the items of a questionnaire.

    ``items`` is a table with one row per respondent and one column per item (question);
    None marks an unanswered item. With k items,

    * ``missing="listwise"`` (the default) drops every respondent with an unanswered item
      and computes ``alpha = k/(k-1) · (1 - Σ var(item) / var(total))`` with sample
      variances (denominator n - 1), the total being each respondent's sum;
    * ``missing="pairwise"`` keeps every answer and uses the covariance-matrix form
      ``alpha = k/(k-1) · (1 - trace(C) / ΣC)``, each variance over the respondents who
      answered that item and each covariance over those who answered both items (means
      taken over the same respondents, as R's ``cov(use="pairwise.complete.obs")``).
      Without missing answers both methods give the same alpha. A pairwise matrix need
      not be positive definite, so with much missing data alpha can exceed 1; a
      non-positive ΣC is refused.

    Sequence input is computed in pure Python. When every rating is an int (Likert data),
    the computation is exact (integer sums and `fractions.Fraction`, rounded once at the
    end); otherwise it uses two-pass variances over correctly rounded sums (`math.fsum`).
    Either way, reordering the items or the respondents cannot change the result. A 2-D
    NumPy array of ints or floats is also accepted, with NaN marking an unanswered item:
    it is the columnar fast path for large cohorts (1,000,000 x 7 ratings in tens of
    milliseconds), with the same formulas over matrix products. For whole-number ratings
    (Likert data; up to n · max|x|² <= 2**53) those products are exact integers and the
    result equals the sequence path's to the last bit; other data agree with it to
    about 1e-12.

    Args:
        items: Rows of ratings (respondents × items), None for an unanswered item.
        missing: ``"listwise"`` or ``"pairwise"`` handling of unanswered items.

    Returns:
        Cronbach's alpha (at most 1; it can be negative for items that disagree).

    Raises:
        ScoringError: ``stats.missing`` for an unknown method; ``stats.ragged`` for rows
            of different lengths; ``stats.shape`` for an array that is not 2-D;
            ``stats.too_few_items`` for fewer than two items; ``stats.too_few`` for
            fewer than two complete rows (listwise); ``stats.too_few_answers`` or
            ``stats.too_few_pairs`` for an item or a pair of items answered by fewer than
            two respondents (pairwise); ``stats.not_finite``/``stats.value_type`` for a
            rating that is not a finite number; ``stats.no_variance`` when the total has
            no variance.

    Examples:
        >>> rows = [[3, 4, 3], [4, 5, 4], [2, 2, 3], [5, 4, 5], [3, 3, 2]]
        >>> round(cronbach_alpha(rows), 4)
        0.871
        >>> round(cronbach_alpha([*rows, [1, None, 2]], missing="pairwise"), 4)
        0.8498
        >>> cronbach_alpha([[1, 2], [2]])
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Row 1 has 1 columns ... [stats.ragged] @ $[1]
    """
    if missing not in _MISSING:
        raise ScoringError("stats.missing", value=repr(missing))
    if _is_numeric_array(items):
        return _cronbach_array(items, missing)
    rows = cast("Sequence[Sequence[float | None]]", items)
    k = _check_table(rows)
    if k < 2 and len(rows) > 0:  # noqa: PLR2004 (alpha compares at least two items)
        raise ScoringError("stats.too_few_items", got=k)
    columns = list(zip(*rows, strict=True))
    exact = _all_int(columns)
    if not exact:
        _require_finite_ratings(rows, columns)
    if missing == "pairwise":
        return _cronbach_pairwise(columns, exact=exact)
    return _cronbach_listwise(rows, columns, exact=exact)


def _cronbach_listwise(
    rows: Sequence[Sequence[float | None]],
    columns: list[tuple[float | None, ...]],
    *,
    exact: bool,
) -> float:
    """Alpha from the complete rows, by the variance form (pure Python)."""
    k = len(columns)
    if any(None in column for column in columns):
        complete = [row for row in rows if None not in row]
        columns = list(zip(*complete, strict=True))
    n = len(columns[0]) if columns else 0
    if n < 2:  # noqa: PLR2004 (a variance needs two respondents)
        raise _too_few("cronbach", 2, n)
    if exact:
        ints = cast("list[tuple[int, ...]]", columns)
        totals = list(map(sum, zip(*ints, strict=True)))
        return _alpha(k, sum(map(_spread, ints)), _spread(totals))
    floats = cast("list[tuple[float, ...]]", columns)
    totals_f = list(map(math.fsum, zip(*floats, strict=True)))
    return _alpha(k, _fsum(map(_variance, floats)), _variance(totals_f))


def _alpha(k: int, trace: Fraction | float, total: Fraction | float) -> float:
    """k/(k-1) · (1 - trace / total), exactly from its inputs and rounded once.

    ``trace`` is the sum of the item variances and ``total`` the variance of the total
    (or any common multiple of both, such as the spreads n(n-1)·var of the exact path).
    """
    if total <= 0:
        raise _no_variance("cronbach")
    return float(Fraction(k, k - 1) * (1 - Fraction(trace) / Fraction(total)))


def _all_int(columns: list[tuple[float | None, ...]]) -> bool:
    """True when every rating that is not None is an int (bools count as 0 and 1)."""
    try:
        return all(
            type(sum(cast("Iterable[int]", filter(_not_none, column)))) is int for column in columns
        )
    except TypeError:  # a string or another non-number: the float path reports it
        return False


def _spread(values: Sequence[int]) -> int:
    """n·Σx² - (Σx)², which is n(n - 1) times the sample variance, in exact integers."""
    total = sum(values)
    squares: int = sum(map(operator.mul, values, values))
    return len(values) * squares - total * total


def _exact_covariance(xs: Sequence[int], ys: Sequence[int]) -> Fraction:
    """Sample covariance (ddof=1) of paired ints, exactly."""
    m = len(xs)
    return Fraction(m * sum(map(operator.mul, xs, ys)) - sum(xs) * sum(ys), m * (m - 1))


def _float_covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Sample covariance (ddof=1) of paired floats, in two passes over fsum."""
    m = len(xs)
    dx = list(map(operator.sub, xs, repeat(_fsum(xs) / m)))
    dy = list(map(operator.sub, ys, repeat(_fsum(ys) / m)))
    return _fsum(map(operator.mul, dx, dy)) / (m - 1)


def _require_finite_ratings(
    rows: Sequence[Sequence[float | None]], columns: list[tuple[float | None, ...]]
) -> None:
    """Raise for the first rating that is neither None nor a finite number."""
    for column in columns:
        try:
            if all(map(math.isfinite, cast("Iterable[float]", filter(_not_none, column)))):
                continue
        except TypeError:
            pass
        i, j = next(
            (i, j)
            for i, row in enumerate(rows)
            for j, value in enumerate(row)
            if value is not None and not _is_finite_number(value)
        )
        raise _bad_value(rows[i][j], f"[{i}][{j}]")


def _cronbach_pairwise(columns: list[tuple[float | None, ...]], *, exact: bool) -> float:
    """Alpha from the pairwise-complete covariance matrix (pure Python)."""
    k = len(columns)
    present = [list(map(_not_none, column)) for column in columns]
    for index, mask in enumerate(present):
        if sum(mask) < 2:  # noqa: PLR2004 (a variance needs two answers)
            raise ScoringError("stats.too_few_answers", item=index, got=sum(mask))
    diagonal: list[Any] = []
    off_diagonal: list[Any] = []  # each (i, j) with i < j, which C holds twice
    covariance = _exact_covariance if exact else _float_covariance
    for i in range(k):
        xs = list(compress(columns[i], present[i]))
        diagonal.append(covariance(xs, xs))  # type: ignore[arg-type]
        for j in range(i + 1, k):
            both = list(map(operator.and_, present[i], present[j]))
            xs = list(compress(columns[i], both))
            if len(xs) < 2:  # noqa: PLR2004 (a covariance needs two respondents)
                raise ScoringError("stats.too_few_pairs", first=i, second=j, got=len(xs))
            ys = list(compress(columns[j], both))
            off_diagonal.append(covariance(xs, ys))  # type: ignore[arg-type]
    if exact:
        trace = sum(diagonal, start=Fraction())
        return _alpha(k, trace, trace + 2 * sum(off_diagonal, start=Fraction()))
    return _alpha(k, _fsum(diagonal), _fsum(chain(diagonal, off_diagonal, off_diagonal)))


def _cronbach_array(items: object, missing: str) -> float:
    """Alpha of a numeric NumPy array (NaN = missing), with the same formulas.

    Everything reduces to matrix products of the table with itself. When the ratings are
    integers and n · max|x|² <= 2**53, every product and partial sum is an integer that
    a float holds exactly, so the sums are exact whatever order BLAS adds them in, and
    the result is computed from them exactly, like the pure-Python integer path (and
    equal to it). Other data are centred on the item means first, for accuracy.
    """
    import numpy as np  # noqa: PLC0415 (NumPy stays out of `import birokrasi_retreat`)

    original = np.asarray(items)
    x = original.astype(np.float64, copy=False)
    if x.ndim != 2:  # noqa: PLR2004 (respondents × items)
        raise ScoringError("stats.shape", ndim=x.ndim)
    k = x.shape[1]
    if k < 2:  # noqa: PLR2004 (alpha compares at least two items)
        raise ScoringError("stats.too_few_items", got=k)
    finite = np.isfinite(x)
    complete_data = bool(finite.all())
    if not complete_data and np.isinf(x).any():
        i, j = (int(v) for v in np.argwhere(np.isinf(x))[0])
        raise ScoringError("stats.not_finite", path=f"[{i}][{j}]", value=str(x[i, j]))
    if missing == "pairwise":
        return _cronbach_array_pairwise(x, integral_dtype=original.dtype.kind in "iu")
    if complete_data:
        n, filled = x.shape[0], x
    else:
        keep = cast("NDArray[np.bool_]", finite.all(axis=1))
        n, filled = int(keep.sum()), np.where(keep[:, None], x, 0.0)
    if n < 2:  # noqa: PLR2004 (a variance needs two respondents)
        raise _too_few("cronbach", 2, n)
    if _exactly_summable(filled, n, integral_dtype=original.dtype.kind in "iu"):
        gram = _int_matrix(filled.T @ filled)  # Σ x_i x_j over the complete rows
        # A matrix product of exact integers is exact too, and faster than sum(axis=0).
        sums = [int(v) for v in (np.ones(filled.shape[0]) @ filled).tolist()]
        items_spread = sum(n * gram[i][i] - sums[i] * sums[i] for i in range(k))
        return _alpha(k, items_spread, n * sum(map(sum, gram)) - sum(sums) ** 2)
    centred = filled - filled.sum(axis=0) / n
    if not complete_data:
        centred = np.where(keep[:, None], centred, 0.0)
    scatter = centred.T @ centred  # (n - 1) times the covariance matrix
    return _alpha(k, float(np.trace(scatter)), float(scatter.sum()))


def _exactly_summable(filled: NDArray[np.float64], n: int, *, integral_dtype: bool) -> bool:
    """True when ``filled`` holds integers whose products sum exactly in float64."""
    import numpy as np  # noqa: PLC0415 (NumPy stays out of `import birokrasi_retreat`)

    # max |x| without the temporary array of np.abs (an empty table has no values).
    largest = max(float(filled.max(initial=0.0)), -float(filled.min(initial=0.0)))
    if n * largest * largest > 2.0**53:
        return False
    return integral_dtype or bool((np.floor(filled) == filled).all())


def _int_matrix(matrix: NDArray[np.float64]) -> list[list[int]]:
    """The integer values of a float matrix that holds exact integers."""
    return [[int(v) for v in row] for row in matrix.tolist()]


def _cronbach_array_pairwise(x: NDArray[np.float64], *, integral_dtype: bool) -> float:
    """Pairwise alpha of a float array with NaN for missing answers, by matrix products."""
    import numpy as np  # noqa: PLC0415 (NumPy stays out of `import birokrasi_retreat`)

    k = x.shape[1]
    present = ~np.isnan(x)
    counts = present.sum(axis=0)
    if (counts < 2).any():  # noqa: PLR2004 (a variance needs two answers)
        index = int(np.argmax(counts < 2))  # noqa: PLR2004 (same threshold)
        raise ScoringError("stats.too_few_answers", item=index, got=int(counts[index]))
    mask = present.astype(np.float64)
    together = mask.T @ mask  # respondents answering both i and j
    if (together < 2).any():  # noqa: PLR2004 (a covariance needs two respondents)
        i, j = (int(v) for v in np.argwhere(together < 2)[0])  # noqa: PLR2004 (same)
        raise ScoringError("stats.too_few_pairs", first=i, second=j, got=int(together[i, j]))
    filled = np.where(present, x, 0.0)
    if _exactly_summable(filled, x.shape[0], integral_dtype=integral_dtype):
        m = _int_matrix(together)
        gram = _int_matrix(filled.T @ filled)  # Σ x_i x_j over rows answering both
        sums = _int_matrix(filled.T @ mask)  # [i][j]: Σ x_i over rows answering both
        covariance = [
            [
                Fraction(m[i][j] * gram[i][j] - sums[i][j] * sums[j][i], m[i][j] * (m[i][j] - 1))
                for j in range(k)
            ]
            for i in range(k)
        ]
        trace = sum((covariance[i][i] for i in range(k)), start=Fraction())
        return _alpha(k, trace, sum(chain.from_iterable(covariance), start=Fraction()))
    # Centre each item on its own mean first, so that the one-pass covariance below does
    # not subtract two large, nearly equal numbers.
    centred = np.where(present, x - filled.sum(axis=0) / counts, 0.0)
    sums_f = centred.T @ mask
    covariance_f = (centred.T @ centred - sums_f * sums_f.T / together) / (together - 1)
    covariance_f = (covariance_f + covariance_f.T) / 2
    return _alpha(k, float(np.trace(covariance_f)), float(covariance_f.sum()))


# --------------------------------------------------------------------------- Krippendorff


def _kripp_value(value: object, level: str, path: str) -> Hashable:
    """Check one non-missing value of reliability data and return its counting key."""
    if isinstance(value, str) and level == "nominal":
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ScoringError("stats.value_type", path=path, type=type(value).__name__)
    if not math.isfinite(value):
        raise ScoringError("stats.not_finite", path=path, value=str(value))
    if level == "ratio" and value < 0:
        raise ScoringError("stats.negative", path=path, value=value)
    # Integral numbers of any type (NumPy's included) count as one value with the int.
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def krippendorff_alpha(
    data: Sequence[Sequence[float | str | None]],
    *,
    level: Literal["nominal", "ordinal", "interval", "ratio"] = "nominal",
) -> float:
    """Krippendorff's alpha: agreement between raters, corrected for chance.

    ``data`` is Krippendorff's reliability data matrix: one row per rater (observer,
    coder), one column per unit rated; None marks a unit a rater did not rate. The
    computation follows Krippendorff (2011) through the coincidence matrix:

    1. units with fewer than two values are not pairable and are dropped;
    2. a unit u with m_u values contributes 1/(m_u - 1) to o_ck for every ordered pair of
       its values (c, k) taken from different raters; n_c = Σ_k o_ck, n = Σ_c n_c;
    3. ``alpha = 1 - (n - 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck`` with the difference
       function δ² of the level of measurement:

       * nominal: 0 for equal values, 1 otherwise (values may be numbers or text);
       * ordinal: ``(Σ_{g=c..k} n_g - (n_c + n_k)/2)²``, built on the marginal frequencies
         n_g of the values that occur (only their order matters);
       * interval: ``(c - k)²``;
       * ratio: ``((c - k) / (c + k))²``, for non-negative values.

    The sums are computed exactly with `fractions.Fraction` and rounded once at the end,
    so the result does not depend on the order of raters or units. The work grows with
    the number of ratings, plus V² for V distinct values at the ratio level (linear in V
    at the others). Ordinal, interval and ratio data must be numbers. 1 means perfect
    agreement, 0 agreement at chance level; Krippendorff's usual minimum for tentative
    conclusions is 0.667, for reliable data 0.800.

    Args:
        data: Raters × units; a number or (nominal level only) a string, None if missing.
        level: ``"nominal"`` (default), ``"ordinal"``, ``"interval"`` or ``"ratio"``.

    Returns:
        Krippendorff's alpha (at most 1; negative for systematic disagreement).

    Raises:
        ScoringError: ``stats.level`` for an unknown level; ``stats.ragged`` for rows of
            different lengths; ``stats.value_type``, ``stats.not_finite`` or
            ``stats.negative`` (ratio) for a value the level cannot use;
            ``stats.too_few`` when no unit has two values; ``stats.no_variance`` when
            all pairable values are equal (no disagreement is possible).

    Examples:
        >>> raters = [
        ...     ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
        ...     ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"],
        ... ]
        >>> round(krippendorff_alpha(raters), 3)
        0.692
        >>> round(krippendorff_alpha([[1, 2, 3, 3], [1, 2, 3, 4]], level="interval"), 3)
        0.889
        >>> krippendorff_alpha([["a", "a"], ["a", "a"]])
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Krippendorff's alpha is undefined...
    """
    if level not in _LEVELS:
        raise ScoringError("stats.level", value=repr(level))
    _check_table(data)
    pair_counts, marginals = _count_pairs(data, level)
    n = sum(marginals.values())
    if n == 0:
        raise _too_few("krippendorff", 2, 0)
    coincidences: defaultdict[tuple[Hashable, Hashable], Fraction] = defaultdict(Fraction)
    for m, pairs in pair_counts.items():
        for key, count in pairs.items():
            coincidences[key] += Fraction(count, m - 1)
    if level == "nominal":
        observed = sum((o for (c, k), o in coincidences.items() if c != k), start=Fraction())
        expected = Fraction(n * n - sum(n_c * n_c for n_c in marginals.values()))
    else:
        observed, expected = _metric_disagreements(level, coincidences, marginals)
    if expected == 0:
        raise _no_variance("krippendorff")
    return float(1 - (n - 1) * observed / expected)


def _count_pairs(
    data: Sequence[Sequence[float | str | None]], level: str
) -> tuple[dict[int, Counter[tuple[Hashable, Hashable]]], Counter[Hashable]]:
    """Count the pairs of values within units, grouped by the unit's number of values.

    Returns ``(pair_counts, marginals)``: ``pair_counts[m][(c, k)]`` is, over the units
    with m pairable values, the number of ordered pairs of values (c, k) from different
    raters (integers, so that the only division happens once per m); ``marginals[c]`` is
    n_c, the number of pairable values equal to c.
    """
    pair_counts: dict[int, Counter[tuple[Hashable, Hashable]]] = {}
    marginals: Counter[Hashable] = Counter()
    for u, unit in enumerate(zip(*data, strict=True)):
        values = [
            _kripp_value(value, level, f"[{r}][{u}]")
            for r, value in enumerate(unit)
            if value is not None
        ]
        if len(values) < 2:  # noqa: PLR2004 (a unit needs a pair of values)
            continue
        counts = Counter(values)
        pairs = pair_counts.setdefault(len(values), Counter())
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs[c, k] += n_c * (n_c - 1) if c == k else n_c * n_k
        marginals.update(counts)
    return pair_counts, marginals


def _metric_disagreements(
    level: str,
    coincidences: Mapping[tuple[Hashable, Hashable], Fraction],
    marginals: Counter[Hashable],
) -> tuple[Fraction, Fraction]:
    """Σ o_ck δ²_ck and Σ n_c n_k δ²_ck for the ordinal, interval and ratio levels.

    Each value gets a position x on a line, and δ²_ck is built from x_c and x_k. Interval
    and ratio: the value itself. Ordinal: x_c = Σ_{g<=c} n_g - n_c/2, so that
    ``(x_k - x_c)² = (Σ_{g=c..k} n_g - (n_c + n_k)/2)²``, Krippendorff's ordinal δ².
    """
    numeric = cast("Counter[float]", marginals)
    x: dict[float, Fraction] = {}
    cumulative = Fraction()
    for c in sorted(numeric):
        cumulative += numeric[c]
        x[c] = cumulative - Fraction(numeric[c], 2) if level == "ordinal" else Fraction(c)
    pairs = cast("Mapping[tuple[float, float], Fraction]", coincidences)
    if level == "ratio":
        # Values are non-negative (checked), so x_c + x_k > 0 whenever c != k.
        def delta(c: float, k: float) -> Fraction:
            return ((x[c] - x[k]) / (x[c] + x[k])) ** 2

        ordered = list(x)
        expected = 2 * sum(
            (
                numeric[c] * numeric[k] * delta(c, k)
                for i, c in enumerate(ordered)
                for k in ordered[i + 1 :]
            ),
            start=Fraction(),
        )
    else:

        def delta(c: float, k: float) -> Fraction:
            return (x[c] - x[k]) ** 2

        # Σ_c Σ_k n_c n_k (x_c - x_k)² = 2 (n Σ n_c x_c² - (Σ n_c x_c)²).
        n = sum(numeric.values())
        first = sum((n_c * x[c] for c, n_c in numeric.items()), start=Fraction())
        second = sum((n_c * x[c] ** 2 for c, n_c in numeric.items()), start=Fraction())
        expected = 2 * (n * second - first * first)
    observed = sum((o * delta(c, k) for (c, k), o in pairs.items() if c != k), start=Fraction())
    return observed, expected
