"""The bulk path: `score_many`, `score_array` and their results, `Scores` and `ScoreArray`.

This module owns the columnar computation of scores: a per-rubric `_Plan` (built once
and kept in a small cache keyed by the rubric, `_plan`), the reading of a cohort's
ratings into a table (`_read`), the vectorised checks and the exact integer or float64
arithmetic by blocks (`_evaluate`). Every value equals `score`'s to the last decimal;
rows the vectorised checks refuse, or that lie within a hair of a rounding boundary,
go through the exact helpers of `_exact`. NumPy is imported inside the functions, on
first use, so that `import birokrasi_retreat.scoring` stays light. Nothing is stored
on a `Response`: the only state is the plan cache.

Examples:
    >>> from birokrasi_retreat import rubrics
    >>> score_array(rubrics.load("ikm"), [[4] * 9, [1] * 9]).values.tolist()
    [100.0, 25.0]
"""

from __future__ import annotations

import functools
import math
import operator

from collections.abc import Mapping, Sequence
from fractions import Fraction
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, cast, overload

import attrs

from birokrasi_retreat import _ratings
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import Normalisation, Response, Rubric
from birokrasi_retreat.scoring._exact import (
    CriterionScore,
    Score,
    _check,
    _check_rubric,
    _exact,
    _ordered,
    _part,
    score,  # noqa: F401 (the examples of this module use it)
)
from birokrasi_retreat.scoring._stats import round_half_up


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    # attrs never resolves the string annotations of ScoreArray, and NumPy must stay
    # out of `import birokrasi_retreat`: these imports are for the type checker only.
    import numpy as np  # noqa: TC004

    from numpy.typing import ArrayLike, NDArray  # noqa: TC004


__all__ = ["ScoreArray", "Scores", "score_array", "score_many"]

# A float value is within this many hundredths of a rounding boundary only at a true tie
# or through float error (below 1e-9 for values up to 100); those few values are
# recomputed exactly, so the bulk path rounds exactly like `score`.
_TIE_MARGIN: Final = 1e-6

# NumPy float dtypes wider than this (long double) hold values float64 cannot.
_FLOAT64_SIZE: Final = 8

# The columnar path computes in float64, where every integer up to 2**53 is exact: scale
# bounds up to 2**52 keep every rating, bound and difference exact. A rubric with larger
# scales is scored response by response, exactly.
_COLUMNAR_BOUND: Final = 2**52
# Ratings up to 2**16 (with coefficients up to 2**36) let the offsets of min-max
# normalisation be folded out of the one matrix product, still in exact integers.
_FOLD_BOUND: Final = 2**16
# The integer path, for weights in whole ratios: a value is 10000·N/D hundredths with
# integers 0 <= N <= D. With D up to 2**36, a value that is not a tie lies at least
# 1/(2D) > 7e-12 hundredths from one, beyond the float error `score` can make (at most
# 1.5e-12 hundredths), so rounding N/D half-up in integers gives `score`'s value exactly.
_MAX_DENOMINATOR: Final = 2**36
# Ratings on scales within 0..255 are read out of the responses as bytes, in one pass.
_BYTE: Final = 255
# Hundredths of 100, the largest value; twice it is the denominator of half-up rounding.
_CENTS: Final = 10_000
# Rows per block of the columnar path: a block's float64 temporaries fit in the cache.
_BLOCK: Final = 1 << 14

# Responses whose packed ratings are joined at a time (see `_read_packed`).
_CHUNK: Final = 1 << 12

_RATINGS: Final = operator.attrgetter("ratings")
_RUBRIC: Final = operator.attrgetter("rubric")
# What a response's ratings map computed once for this path (`birokrasi_retreat._ratings`).
_LAYOUT: Final = operator.attrgetter("_layout")
_PACKED: Final = operator.attrgetter("_packed")


# --------------------------------------------------------------------------- bulk scores


@attrs.frozen
class _Plan:
    """What the columnar path needs of a rubric, one entry per criterion in its order.

    A normalised rating is ``(x - offset) / span``. On the integer path (weights in whole
    ratios), a value is ``10000 · N / D`` hundredths with ``N = Σ c·(x - offset)`` and
    ``D = Σ u`` over the answered criteria, all integers held exactly in float64.
    """

    ids: tuple[str, ...]
    lows: NDArray[np.float64]
    highs: NDArray[np.float64]
    stepped: tuple[tuple[int, int, int], ...]  # (column, low, step) of steps above 1
    offsets: NDArray[np.float64]
    spans: NDArray[np.float64]
    weights: NDArray[np.float64]
    required: list[int]  # the columns of required criteria
    coefficients: NDArray[np.float64] | None  # c; None on the float path
    units: NDArray[np.float64]  # u (empty on the float path)
    bands: NDArray[np.intp] | None  # the band index of each hundredth 0..10000
    columnar: bool  # every bound within ±2**52
    fold: bool  # every bound within ±2**16
    small: bool  # every scale within 0..255


@functools.lru_cache(maxsize=16)
def _plan(rubric: Rubric) -> _Plan:
    """The plan of a rubric, kept for the next call: a cohort is scored rubric by rubric."""
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    criteria = rubric.criteria
    ratio = rubric.normalisation is Normalisation.RATIO
    lows = tuple(criterion.scale.min_value for criterion in criteria)
    highs = tuple(criterion.scale.max_value for criterion in criteria)
    offsets = tuple(0 if ratio else low for low in lows)
    spans = tuple(high - offset for high, offset in zip(highs, offsets, strict=True))
    # A float weight is a binary fraction, exactly a Fraction: divided by the greatest
    # common divisor of all the weights, each becomes a whole number (a ratio).
    shares = [Fraction(criterion.weight) for criterion in criteria]
    unit = Fraction(
        math.gcd(*(share.numerator for share in shares)),
        math.lcm(*(share.denominator for share in shares)),
    )
    ratios = [int(share / unit) for share in shares]
    common = math.lcm(*spans)
    integral = common * sum(ratios) <= _MAX_DENOMINATOR
    largest = max(map(abs, lows + highs))

    def floats(values: Iterable[float]) -> NDArray[np.float64]:
        array = np.array(list(values), dtype=np.float64)
        array.flags.writeable = False  # shared by every call with this rubric
        return array

    lowers = floats(band.lower for band in rubric.bands)
    bands = None
    if len(lowers):
        bands = np.searchsorted(lowers, np.arange(_CENTS + 1) / 100, side="right") - 1
        bands.flags.writeable = False
    return _Plan(
        # The tuple a response's ratings share when laid out as the rubric's criteria.
        ids=_ratings.shared_layout(tuple(criterion.id for criterion in criteria)),
        lows=floats(lows),
        highs=floats(highs),
        stepped=tuple(
            (column, criterion.scale.min_value, criterion.scale.step)
            for column, criterion in enumerate(criteria)
            if criterion.scale.step > 1
        ),
        offsets=floats(offsets),
        spans=floats(spans),
        weights=floats(criterion.weight for criterion in criteria),
        required=[column for column, criterion in enumerate(criteria) if criterion.required],
        coefficients=(
            floats(r * common // span for r, span in zip(ratios, spans, strict=True))
            if integral
            else None
        ),
        units=floats(r * common for r in ratios) if integral else floats(()),
        bands=bands,
        columnar=largest <= _COLUMNAR_BOUND,
        fold=largest <= _FOLD_BOUND,
        small=min(lows) >= 0 and max(highs) <= _BYTE,
    )


def _invalid(
    plan: _Plan, x: NDArray[np.float64], missing: NDArray[np.bool_] | None, *, whole: bool
) -> NDArray[np.bool_] | None:
    """The rows `_check` refuses (off a scale, a required or every criterion unanswered).

    ``x`` holds ratings in criterion order, NaN where unanswered (``missing``, None when
    nothing is); ``whole`` says that they are all whole numbers. Returns None when every
    row passes.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    cells = (x >= plan.lows) & (x <= plan.highs)
    if not whole:
        cells &= np.floor(x) == x  # False for NaN and the infinities too
    for column, low, step in plan.stepped:
        cells[:, column] &= np.fmod(x[:, column] - low, step) == 0
    if missing is not None:
        cells |= missing
    if cells.all() and (missing is None or not _unanswered(plan, missing).any()):
        return None
    bad = cast("NDArray[np.bool_]", ~cells.all(axis=1))
    if missing is not None:
        bad |= _unanswered(plan, missing)
    return bad


def _unanswered(plan: _Plan, missing: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Rows leaving a required criterion, or every criterion, unanswered."""
    return cast("NDArray[np.bool_]", missing[:, plan.required].any(axis=1) | missing.all(axis=1))


def _cents(
    plan: _Plan, x: NDArray[np.float64], missing: NDArray[np.bool_] | None
) -> tuple[NDArray[np.int64], NDArray[np.bool_] | None]:
    """Each checked row's value in hundredths, rounded half-up, and the rows to recheck.

    On the integer path the rounding is exact and nothing is rechecked. On the float
    path, a value within a hair of a rounding boundary (a tie, or float error near one)
    is marked for the exact computation, so that its rounding is `score`'s.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    answered = None if missing is None else ~missing
    coefficients = plan.coefficients
    if coefficients is not None:
        # Every product and partial sum is an integer below 2**53: float64 is exact.
        if plan.fold:
            filled = x if answered is None else np.where(answered, x, 0.0)
            shift = coefficients * plan.offsets
            numerator = filled @ coefficients - (
                shift.sum() if answered is None else answered @ shift
            )
        else:
            shifted = x - plan.offsets
            if answered is not None:
                shifted = np.where(answered, shifted, 0.0)
            numerator = shifted @ coefficients
        denominator = (plan.units.sum() if answered is None else answered @ plan.units).astype(
            np.int64
        )
        # Half-up on 10000·N/D: floor((20000·N + D) / 2D), in integers (all below 2**51).
        doubled = numerator.astype(np.int64) * (2 * _CENTS) + denominator
        return doubled // (2 * denominator), None
    normalised = (x - plan.offsets) / plan.spans
    if answered is None:
        total = plan.weights.sum()
    else:
        normalised = np.where(answered, normalised, 0.0)
        total = answered @ plan.weights
    hundredths = _CENTS * (normalised @ plan.weights) / total
    fraction = hundredths - np.floor(hundredths)
    return np.floor(hundredths + 0.5).astype(np.int64), np.abs(fraction - 0.5) < _TIE_MARGIN


def _block(
    plan: _Plan, block: NDArray[Any], suspect: NDArray[np.bool_] | None, *, whole: bool
) -> tuple[NDArray[np.int64], NDArray[np.bool_] | None, NDArray[np.bool_] | None]:
    """Hundredths of a block of rows, the rows to check one by one and those to recompute."""
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    x = block.astype(np.float64, copy=False)
    missing = None if whole else np.isnan(x)
    if missing is not None and not missing.any():
        missing = None
    flagged = _invalid(plan, x, missing, whole=whole)
    if suspect is not None and suspect.any():
        flagged = suspect if flagged is None else flagged | suspect
    if flagged is not None:
        # Score a valid stand-in (every criterion at its lowest point) in their place.
        x = np.where(flagged[:, None], plan.lows, x)
        if missing is not None:
            missing = missing & ~flagged[:, None]
    cents, near = _cents(plan, x, missing)
    if near is not None and flagged is not None:
        near &= ~flagged
    return cents, flagged, near


def _vector(
    plan: _Plan, x: NDArray[Any], suspect: NDArray[np.bool_] | None
) -> tuple[NDArray[np.int64], list[int], list[int]]:
    """Hundredths of every row, the rows to check one by one, and those to recompute.

    The rows go by blocks that fit the processor's cache: the temporary arrays stay
    there, which makes the whole several times faster than one pass over everything.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n = x.shape[0]
    whole = x.dtype.kind in "iu"  # integers, also once converted to float64
    cents = np.empty(n, dtype=np.int64)
    flagged: list[int] = []
    near: list[int] = []
    for start in range(0, n, _BLOCK):
        stop = start + _BLOCK
        part = None if suspect is None else suspect[start:stop]
        cents[start:stop], bad, close = _block(plan, x[start:stop], part, whole=whole)
        for rows, mask in ((flagged, bad), (near, close)):
            if mask is not None:
                rows.extend((np.flatnonzero(mask) + start).tolist())
    return cents, flagged, near


def _evaluate(
    rubric: Rubric,
    plan: _Plan,
    x: NDArray[Any],
    suspect: NDArray[np.bool_] | None,
    exact_row: Callable[[int], Sequence[int | None]],
) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """Values and band indices of ratings in criterion order (numbers, NaN = unanswered).

    Rows that are ``suspect`` or fail the vectorised checks go to ``exact_row(index)`` in
    the order of the rows: it raises the error of the first bad one, or returns the
    row's ratings for the exact computation of `score`; so do rows near a rounding
    boundary on the float path.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n = x.shape[0]
    if plan.columnar:
        cents, flagged, near = _vector(plan, x, suspect)
    else:
        cents, flagged, near = np.zeros(n, dtype=np.int64), list(range(n)), []
    known: dict[tuple[int | None, ...], int] = {}
    for index in chain(flagged, near):
        ratings = tuple(exact_row(index))
        if ratings not in known:
            value = round_half_up(float(_exact(rubric, ratings)))
            known[ratings] = round(value * 100)
        cents[index] = known[ratings]
    values = cents / 100
    band_index = np.full(n, -1, dtype=np.intp) if plan.bands is None else plan.bands[cents]
    values.flags.writeable = False
    band_index.flags.writeable = False
    return values, band_index


def _reader(ids: tuple[str, ...]) -> Callable[[Mapping[str, float]], tuple[float, ...]]:
    """Read ratings in criterion order, NaN for an unanswered criterion."""
    key = ids[0]
    getter = operator.itemgetter(*ids) if len(ids) > 1 else (lambda ratings: (ratings[key],))
    absent = (math.nan,) * len(ids)

    def read(ratings: Mapping[str, float]) -> tuple[float, ...]:
        try:
            return cast("tuple[float, ...]", getter(ratings))
        except KeyError:
            return tuple(map(ratings.get, ids, absent))

    return read


def _read(
    rubric: Rubric, plan: _Plan, items: tuple[Response, ...]
) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    """The ratings of ``items`` in criterion order, and the rows to check one by one.

    A row is suspect when its response is for another rubric, or rates a criterion the
    rubric lacks. On scales within 0..255 the ratings are read from what each response's
    ratings map packed when built (`_read_packed`); when one packed nothing (a rating
    that is not an int in 0..255), every rating is looked up, as float64 with NaN where
    unanswered.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n = len(items)
    suspect = None
    if operator.countOf(map(_RUBRIC, items), rubric.id) != n:
        suspect = np.fromiter(map(rubric.id.__ne__, map(_RUBRIC, items)), dtype=bool, count=n)
    maps = list(map(_RATINGS, items))
    read = _read_packed(plan, maps) if plan.small else None
    if read is not None:
        x, unknown = read
    else:
        x, unknown = _read_mappings(plan, maps)
    if unknown is None:
        return x, suspect
    return x, unknown if suspect is None else suspect | unknown


def _read_mappings(
    plan: _Plan, maps: list[Mapping[str, float]]
) -> tuple[NDArray[np.float64], NDArray[np.bool_] | None]:
    """Every rating looked up, as float64 with NaN where unanswered; rows with unknowns."""
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n, k = len(maps), len(plan.ids)
    read = _reader(plan.ids)
    x = np.fromiter(chain.from_iterable(map(read, maps)), dtype=np.float64, count=n * k)
    x = x.reshape(n, k)
    answered = k - np.isnan(x).sum(axis=1)
    # A response's ratings include every answered criterion: any more are unknown ones.
    if sum(map(len, maps)) == int(np.sum(answered)):
        return x, None
    return x, np.fromiter(map(len, maps), dtype=np.intp, count=n) != answered


def _read_packed(
    plan: _Plan, maps: list[Mapping[str, float]]
) -> tuple[NDArray[Any], NDArray[np.bool_] | None] | None:
    """The ratings from what each ratings map packed when built, and rows with unknowns.

    Each map keeps its ratings as bytes, in its own order, when each is an int in 0..255,
    and shares its layout (its keys in that order) with every map laid out alike. In the
    common case every layout is the rubric's own: one identity check per map, and the
    bytes joined in C are the table. Otherwise `_scatter` places each layout's bytes in
    the rubric's columns. None when a map packed nothing, or is not a `RatingsMap` (set
    around the converter): `_read` then looks every rating up.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n = len(maps)
    try:
        alike = operator.countOf(map(_LAYOUT, maps), plan.ids) == n
        packed = map(_PACKED, maps)
        # b"".join allocates a record per part: by chunks, the records stay in the cache
        # (one join of 1,000,000 parts took 2 to 3 times as long).
        joined = b"".join([b"".join(islice(packed, _CHUNK)) for _ in range(0, n, _CHUNK)])
    except (AttributeError, TypeError):  # not a RatingsMap; a map that packed None
        return None
    flat = np.frombuffer(joined, dtype=np.uint8)
    if alike:
        return flat.reshape(n, len(plan.ids)), None
    return _scatter(plan, list(map(_LAYOUT, maps)), flat)


def _scatter(
    plan: _Plan, layouts: list[tuple[str, ...]], flat: NDArray[np.uint8]
) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    """Place packed ratings, each map's in the order of its layout, in the columns.

    Layouts are few: each is numbered, and mapped onto the rubric's columns once. When
    every map rates every criterion, in whatever order, each row is reordered (the table
    stays bytes); otherwise the table is float64, NaN where unanswered. Rows whose layout
    names a criterion the rubric lacks are returned as suspect, for `_check` to refuse.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n, k = len(layouts), len(plan.ids)
    first: dict[tuple[str, ...], int]
    if operator.countOf(layouts, layouts[0]) == n:
        # One layout for all (the rubric's criteria in another order, say): no numbering.
        first, codes = {layouts[0]: 0}, np.zeros(n, dtype=np.intp)
    else:
        # Each row's layout as the first row with an equal one, then numbered 0, 1, 2...
        first = {}
        rows = np.fromiter(map(first.setdefault, layouts, range(n)), dtype=np.intp, count=n)
        number = np.zeros(n, dtype=np.intp)
        number[list(first.values())] = np.arange(len(first))
        codes = number[rows]
    column = {key: index for index, key in enumerate(plan.ids)}
    widths = np.array(list(map(len, first)), dtype=np.intp)
    # Row g: the column of each key of layout g (0 past its keys, and for a bad layout).
    table = np.zeros((len(first), max(k, int(widths.max()))), dtype=np.intp)
    bad = np.zeros(len(first), dtype=bool)
    for code, keys in enumerate(first):
        if all(map(column.__contains__, keys)):
            table[code, : len(keys)] = list(map(column.__getitem__, keys))
        else:
            bad[code] = True
    if not bad.any() and (widths == k).all():
        # Each table row is a permutation of the columns: its inverse reorders a row.
        order = np.argsort(table, axis=1)
        if len(first) == 1:
            return flat.reshape(n, k)[:, order[0]], None
        return np.take_along_axis(flat.reshape(n, k), order[codes], axis=1), None
    width = widths[codes]
    x = np.full((n, k), np.nan)
    cells = table[codes][np.arange(table.shape[1]) < width[:, None]]
    x[np.repeat(np.arange(n), width), cells] = flat
    return x, bad[codes] if bad.any() else None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ScoreArray:
    """Scores (nilai) of many answers to one rubric, as columns: values and band indices.

    `score_array` returns one; `score_many` returns a `Scores`, which adds the responses.
    ``values[i]`` is the value `score` gives the i-th answer, to the last decimal, and
    ``band_index[i]`` the position of its band in ``rubric.bands`` (-1 when the rubric
    has no bands). Both are read-only NumPy arrays, one entry per answer.

    Attributes:
        rubric: The rubric the answers were scored on.
        values: The values on 0-100, rounded half-up to 2 decimals (float64).
        band_index: The index of each value's band in ``rubric.bands``, or -1 (intp).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import rubrics
        >>> result = score_array(rubrics.load("ikm"), [[4] * 9, [3] * 9, [1] * 9])
        >>> result.values.tolist(), result.band_index.tolist(), len(result)
        ([100.0, 75.0, 25.0], [3, 1, 0], 3)
        >>> result.band_codes()
        ('A', 'C', 'D')
    """

    rubric: Rubric
    values: NDArray[np.float64]
    band_index: NDArray[np.intp]

    def __len__(self) -> int:
        """The number of answers scored."""
        return len(self.values)

    def __eq__(self, other: object) -> bool:
        """Whether ``other`` holds the same values and bands of an equal rubric."""
        if not isinstance(other, ScoreArray) or type(other) is not type(self):
            return NotImplemented
        import numpy as np  # noqa: PLC0415 (a ScoreArray exists: NumPy is loaded)

        return (
            self.rubric == other.rubric
            and np.array_equal(self.values, other.values)
            and np.array_equal(self.band_index, other.band_index)
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, holding arrays

    def __repr__(self) -> str:
        """The rubric's id and the number of answers (never the scores themselves)."""
        return f"{type(self).__name__}(rubric={self.rubric.id!r}, n={len(self)})"

    def band_codes(self) -> tuple[str | None, ...]:
        """The code of each answer's band, or None where the rubric has no bands.

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> score_array(rubrics.load("ikm"), [[2] * 9]).band_codes()
            ('D',)
        """
        codes = [band.code for band in self.rubric.bands]
        if not codes:
            return (None,) * len(self)
        return tuple(map(codes.__getitem__, self.band_index.tolist()))

    def to_columns(self) -> dict[str, Any]:
        """The scores as columns, ready for ``pandas.DataFrame`` or a CSV writer.

        Returns:
            ``{"value": values, "band": band codes}``; `Scores` adds the columns of
            each response's identity.

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> columns = score_array(rubrics.load("ikm"), [[4] * 9]).to_columns()
            >>> columns["value"].tolist(), columns["band"]
            ([100.0], ('A',))
        """
        return {"value": self.values, "band": self.band_codes()}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Scores(ScoreArray, Sequence[Score]):
    """Scores (nilai) of many responses to one rubric: a sequence of `Score`, and columns.

    `score_many` returns one. As a sequence, ``scores[i]`` is exactly
    ``score(rubric, responses[i])``, built when asked for; slices are `Scores` too. The
    columns (``values``, ``band_index``, `to_columns`) hold every score at once without
    building a `Score` per response: prefer them for whole cohorts. `aggregate` takes a
    `Scores` directly and groups it column by column. Two `Scores` are equal when they
    score equal responses on an equal rubric.

    Attributes:
        rubric: The rubric the responses were scored on.
        responses: The responses, in the order given.
        values: The values on 0-100, rounded half-up to 2 decimals (float64).
        band_index: The index of each value's band in ``rubric.bands``, or -1 (intp).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
        >>> rubric = Rubric(id="r", title_id="Contoh", title_en="Example",
        ...                 criteria=(Criterion(id="a", title_id="A", title_en="A",
        ...                                     scale=Scale.likert(5)),))
        >>> cohort = [Response(rubric="r", subject_kind=SubjectKind.SESSION, subject="S1",
        ...                    rater=f"R{point}", ratings={"a": point}) for point in (2, 5)]
        >>> scores = score_many(rubric, cohort)
        >>> scores.values.tolist(), scores[1].value, [s.rater for s in scores]
        ([25.0, 100.0], 100.0, ['R2', 'R5'])
        >>> scores[0] == score(rubric, cohort[0]), scores[1:]
        (True, Scores(rubric='r', n=1))
    """

    responses: tuple[Response, ...]
    _breakdowns: dict[tuple[int | None, ...], tuple[CriterionScore, ...]] = attrs.field(
        init=False, factory=dict
    )

    def __eq__(self, other: object) -> bool:
        """Whether ``other`` scores equal responses on an equal rubric."""
        if not isinstance(other, Scores):
            return NotImplemented
        return self.rubric == other.rubric and self.responses == other.responses

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable caches inside

    @overload
    def __getitem__(self, index: SupportsIndex) -> Score: ...

    @overload
    def __getitem__(self, index: slice) -> Scores: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Score | Scores:
        """The `Score` of one response, or the `Scores` of a slice of them."""
        if isinstance(index, slice):
            return Scores(
                rubric=self.rubric,
                responses=self.responses[index],
                values=self.values[index],
                band_index=self.band_index[index],
            )
        response = self.responses[index]
        return self._score(response, float(self.values[index]), int(self.band_index[index]))

    def __iter__(self) -> Iterator[Score]:
        """Each response's `Score`, in order."""
        score_of = self._score
        for response, value, band in zip(
            self.responses, self.values.tolist(), self.band_index.tolist(), strict=True
        ):
            yield score_of(response, value, band)

    def _score(self, response: Response, value: float, band: int) -> Score:
        ratings = tuple(_ordered(self.rubric, response.ratings))
        breakdown = self._breakdowns.get(ratings)
        if breakdown is None:
            normalisation = self.rubric.normalisation
            breakdown = self._breakdowns[ratings] = tuple(
                _part(criterion, rating, normalisation)
                for criterion, rating in zip(self.rubric.criteria, ratings, strict=True)
            )
        return Score(
            rubric=self.rubric.id,
            subject_kind=response.subject_kind,
            subject=response.subject,
            rater=response.rater,
            phase=response.phase,
            value=value,
            band=None if band < 0 else self.rubric.bands[band],
            breakdown=breakdown,
        )

    def to_columns(self) -> dict[str, Any]:
        """The scores and who gave them as columns, for ``pandas.DataFrame`` or CSV.

        Returns:
            One list (or array) per `Score` attribute but the breakdown: ``rubric``,
            ``subject_kind``, ``subject``, ``rater``, ``phase``, ``value`` (the read-only
            array) and ``band`` (band codes, None without bands).

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> from birokrasi_retreat.rubric import Response, SubjectKind
            >>> survey = [Response(rubric="ikm", subject_kind=SubjectKind.UNIT,
            ...                    subject="dukcapil", rater="r-1",
            ...                    ratings={f"u{i}": 4 for i in range(1, 10)})]
            >>> columns = score_many(rubrics.load("ikm"), survey).to_columns()
            >>> columns["subject"], columns["value"].tolist(), columns["band"]
            (['dukcapil'], [100.0], ('A',))
        """
        responses = self.responses
        return {
            "rubric": [self.rubric.id] * len(responses),
            "subject_kind": list(map(operator.attrgetter("subject_kind"), responses)),
            "subject": list(map(operator.attrgetter("subject"), responses)),
            "rater": list(map(operator.attrgetter("rater"), responses)),
            "phase": list(map(operator.attrgetter("phase"), responses)),
            **super().to_columns(),
        }


def score_many(rubric: Rubric, responses: Iterable[Response]) -> Scores:
    """Score (nilai) many responses on one rubric at once: the bulk path for whole cohorts.

    Every score equals ``score(rubric, response)`` to the last decimal, but the work is
    columnar: the ratings are read out of the responses in one pass, checked and scored
    in NumPy (float64) column by column, with no `Score` built until one is asked for.
    When the weights stand in whole-number ratios (as in every built-in rubric), values
    are computed and rounded half-up in exact integers; otherwise in float64, where the
    rare value within a hair of a rounding boundary is recomputed exactly as `score`
    does. A rubric whose scales reach beyond ±2**52 is scored response by response.

    Args:
        rubric: The rubric.
        responses: The responses, in any iterable.

    Returns:
        The `Scores`: a sequence of `Score` (one per response, in the order given) with
        the values and bands also as NumPy columns.

    Raises:
        ScoringError: For the first response that `score` refuses: the same code and
            parameters as `score` raises, with the response's index in front of the
            path (``[5].ratings['b']``); or ``scoring.ratio_scale`` as in `score`.

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
        >>> rubric = Rubric(id="r", title_id="Contoh", title_en="Example",
        ...                 criteria=(Criterion(id="a", title_id="A", title_en="A",
        ...                                     scale=Scale.likert(5)),))
        >>> def answer(**ratings):
        ...     return Response(rubric="r", subject_kind=SubjectKind.SESSION, subject="S1",
        ...                     rater="R1", ratings=ratings)
        >>> cohort = [answer(a=point) for point in (1, 2, 3, 4, 5)]
        >>> score_many(rubric, cohort).values.tolist()
        [0.0, 25.0, 50.0, 75.0, 100.0]
        >>> list(score_many(rubric, cohort)) == [score(rubric, r) for r in cohort]
        True
        >>> score_many(rubric, [*cohort, answer(b=1)])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Rubric "r" has no ... @ $[5].ratings['b']
    """
    _check_rubric(rubric)
    items = tuple(responses)
    plan = _plan(rubric)
    if items:
        x, suspect = _read(rubric, plan, items)
    else:
        x, suspect = _empty(len(plan.ids)), None

    def exact_row(index: int) -> list[int | None]:
        response = items[index]
        try:
            _check(rubric, response)
        except ScoringError as error:
            where = f"[{index}]"
            raise error.at(where) from None
        return _ordered(rubric, response.ratings)

    values, band_index = _evaluate(rubric, plan, x, suspect, exact_row)
    return Scores(rubric=rubric, responses=items, values=values, band_index=band_index)


def _empty(k: int) -> NDArray[np.float64]:
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    return np.empty((0, k), dtype=np.float64)


def score_array(rubric: Rubric, ratings: ArrayLike) -> ScoreArray:
    """Score (nilai) a table of ratings on one rubric: the columnar entry point.

    ``ratings`` has one row per answer and one column per criterion, in the order of
    ``rubric.criteria``; NaN marks an unanswered criterion. Each row is scored and
    checked exactly as `score` scores and checks a response with those ratings, and
    the values are the same to the last decimal (see `score_many` for how). Keep large
    cohorts in this form end to end: it skips building a `Response` per answer.

    Args:
        rubric: The rubric.
        ratings: A 2-D array of numbers (integers, or floats with NaN for unanswered),
            or anything `numpy.asarray` turns into one.

    Returns:
        The `ScoreArray`: values and band indices, one per row.

    Raises:
        ScoringError: The table is not numeric (``scoring.array_type``) or not 2-D with
            one column per criterion (``scoring.array_shape``); or for its first row
            that `score` would refuse, the code of `score` with the path ``[row][column]``
            (``scoring.off_scale``, ``scoring.required_unanswered``) or ``[row]``
            (``scoring.no_answers``); or ``scoring.ratio_scale`` as in `score`.

    Added in version 0.1.

    Examples:
        >>> import numpy as np
        >>> from birokrasi_retreat.rubric import Criterion, Rubric, Scale
        >>> rubric = Rubric(id="r", title_id="Contoh", title_en="Example", criteria=(
        ...     Criterion(id="a", title_id="A", title_en="A", scale=Scale.likert(5)),
        ...     Criterion(id="b", title_id="B", title_en="B", scale=Scale.likert(5),
        ...               weight=3, required=False)))
        >>> score_array(rubric, np.array([[5, 4], [4, np.nan]])).values.tolist()
        [81.25, 75.0]
        >>> score_array(rubric, [[5, 4], [5, 6]])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: The rating 6 ... [scoring.off_scale] @ $[1][1]
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    _check_rubric(rubric)
    given = np.asarray(ratings)
    kind, size = given.dtype.kind, given.dtype.itemsize
    # Integers, or floats no wider than float64 (whose values float64 holds exactly).
    if kind not in "iuf" or (kind == "f" and size > _FLOAT64_SIZE):
        raise ScoringError("scoring.array_type", path="ratings", dtype=str(given.dtype))
    k = len(rubric.criteria)
    if given.ndim != 2 or given.shape[1] != k:  # noqa: PLR2004 (rows × columns)
        raise ScoringError("scoring.array_shape", path="ratings", shape=str(given.shape), columns=k)
    plan = _plan(rubric)

    def exact_row(index: int) -> list[int | None]:
        row = given[index].tolist()
        problem = _row_problem(rubric, row)
        if problem is not None:
            where = f"[{index}]"
            raise problem.at(where)
        return [None if math.isnan(rating) else int(rating) for rating in row]

    values, band_index = _evaluate(rubric, plan, given, None, exact_row)
    return ScoreArray(rubric=rubric, values=values, band_index=band_index)


def _row_problem(rubric: Rubric, row: Sequence[int | float]) -> ScoringError | None:
    """The error `_check` gives a response with these ratings (criterion order, NaN = none)."""
    answered = False
    for column, (criterion, rating) in enumerate(zip(rubric.criteria, row, strict=True)):
        if math.isnan(rating):
            continue
        answered = True
        scale = criterion.scale
        if not scale.contains(rating):
            whole = isinstance(rating, float) and rating.is_integer()
            return ScoringError(
                "scoring.off_scale",
                path=f"[{column}]",
                criterion=criterion.id,
                value=int(rating) if whole else rating,
                min=scale.min_value,
                max=scale.max_value,
                step=scale.step,
            )
    for column, (criterion, rating) in enumerate(zip(rubric.criteria, row, strict=True)):
        if criterion.required and math.isnan(rating):
            return ScoringError(
                "scoring.required_unanswered", path=f"[{column}]", criterion=criterion.id
            )
    return None if answered else ScoringError("scoring.no_answers")
