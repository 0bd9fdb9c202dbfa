"""Scoring (penilaian): pure functions that turn rubric responses into scores and indices.

Everything here is pure and deterministic: no I/O, no clock, and the same result for
the same input in any order.

* `score` turns one `Response` into a `Score`: a 0-100 value computed exactly (with
  `fractions.Fraction`) and rounded **once**, half-up to 2 decimals, by `round_half_up`
  (the library's one rounding rule); the band is chosen on the rounded value.
* `score_many` is the bulk path for whole cohorts: it returns `Scores`, a sequence of the
  very `Score` objects that `score` gives (to the last decimal), with the values and bands also
  as NumPy columns. `score_array` scores a 2-D array of ratings (one column per
  criterion, NaN where unanswered) the same way, without a `Response` per answer.
* `aggregate` summarises scores per participant, OPD, session, speaker or retreat (n,
  mean, median, standard deviation, range, Student-t confidence interval) and suppresses
  groups smaller than a threshold, so that no individual can be singled out
  (UU 27/2022).
* `ikm` computes the Indeks Kepuasan Masyarakat of PermenPAN-RB 14/2017: NRR per unsur,
  IKM on 1-4, the converted 25-100 value and its mutu A-D.
* The statistics for learning (Kirkpatrick level 2) and reliability, `normalized_gain`
  (`Gain`), `cohens_dz`, `cronbach_alpha`, `krippendorff_alpha`, and `rank` and
  `round_half_up`, are re-exported from the private ``_stats`` module, which documents
  them.

The formulas, with their sources and worked examples, are on the "Formulas" page of the
documentation (``docs/explanation/formulas.md``).

References:
    - PermenPAN-RB 14/2017, pedoman Survei Kepuasan Masyarakat: the IKM formula and its
      bands, with the worked example restated in the GASPUL_BACKEND repository,
      ``rumus_perhitungan_ikm_lengkap.md`` (REFERENCE.md 7, S12).
    - Moodle, grade normalisation: https://docs.moodle.org/en/Grade_calculations
    - UU 27/2022 on personal data protection (REFERENCE.md 12): report aggregates only.

Examples:
    >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
    >>> likert = Scale.likert(5)
    >>> rubric = Rubric(
    ...     id="reaksi",
    ...     title_id="Reaksi peserta",
    ...     title_en="Participant reaction",
    ...     criteria=(
    ...         Criterion(id="materi", title_id="Materi", title_en="Content", scale=likert),
    ...         Criterion(id="waktu", title_id="Waktu", title_en="Timing", scale=likert,
    ...                   weight=3),
    ...     ),
    ... )
    >>> response = Response(rubric="reaksi", subject_kind=SubjectKind.SESSION, subject="S1",
    ...                     rater="R-001", ratings={"materi": 5, "waktu": 4})
    >>> score(rubric, response).value
    81.25
"""

from __future__ import annotations

import functools
import math
import operator

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, cast, overload

import attrs

from birokrasi_retreat import _privacy
from birokrasi_retreat._stats import (
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
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import (
    Aggregation,
    Band,
    Normalisation,
    Phase,
    Response,
    Rubric,
    SubjectKind,
    _shared_layout,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    # attrs never resolves the string annotations of ScoreArray, and NumPy must stay
    # out of `import birokrasi_retreat`: these imports are for the type checker only.
    import numpy as np  # noqa: TC004

    from numpy.typing import ArrayLike, NDArray  # noqa: TC004

    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.rubric import Criterion, Scale


__all__ = [
    "Aggregate",
    "CriterionScore",
    "Gain",
    "IkmResult",
    "Score",
    "ScoreArray",
    "Scores",
    "aggregate",
    "cohens_dz",
    "cronbach_alpha",
    "ikm",
    "krippendorff_alpha",
    "normalized_gain",
    "rank",
    "round_half_up",
    "score",
    "score_array",
    "score_many",
]

# The Score attributes `aggregate` groups by when given a name.
_GROUP_FIELDS: Final = ("phase", "rater", "rubric", "subject", "subject_kind")

# A float value is within this many hundredths of a rounding boundary only at a true tie
# or through float error (below 1e-9 for values up to 100); those few values are
# recomputed exactly, so the bulk path rounds exactly like `score`.
_TIE_MARGIN: Final = 1e-6

# NumPy float dtypes wider than this (long double) hold values float64 cannot.
_FLOAT64_SIZE: Final = 8

# A trimmed mean drops under half of each tail (the bound of Rubric.trim).
_MAX_TRIM: Final = 0.5

# PermenPAN-RB 14/2017 (REFERENCE.md 7): each unsur is rated 1 (tidak baik) to 4 (sangat
# baik), and IKM unit pelayanan = IKM x 25 maps 1-4 onto 25-100.
_IKM_MIN: Final = 1
_IKM_MAX: Final = 4
_IKM_FACTOR: Final = 25
# The band table of REFERENCE.md 7 prints the 1-4 interval with 4 decimals (2.5996, 3.0644).
_IKM_DIGITS: Final = 4


def _key_repr(key: object) -> str:
    # A group key may be a participant's NIP (by="subject"): masked as in Response.
    return _privacy.redacted_repr(key) if isinstance(key, str) else repr(key)


@attrs.frozen(kw_only=True)
class CriterionScore:
    """One criterion's part of a `Score`: its rating, normalised value and weight.

    Attributes:
        criterion: The criterion id.
        rating: The rating given, or None when the (optional) criterion was not answered.
        normalised: The rating mapped onto 0..1 by the rubric's normalisation (the nearest
            float to the exact fraction), or None when unanswered.
        weight: The criterion's weight.

    Added in version 0.1.

    Examples:
        >>> CriterionScore(criterion="materi", rating=4, normalised=0.75, weight=1.0)
        CriterionScore(criterion='materi', rating=4, normalised=0.75, weight=1.0)
    """

    criterion: str
    rating: int | None
    normalised: float | None
    weight: float


@attrs.frozen(kw_only=True)
class Score:
    """The score of one response: a 0-100 value, its band and the per-criterion breakdown.

    Attributes:
        rubric: The rubric id.
        subject_kind: What was rated (participant, session, speaker, unit, retreat).
        subject: The id of what was rated (masked in the repr when it holds a NIP).
        rater: The pseudonymous rater id.
        phase: Pre, post or follow-up.
        value: The score on 0-100, rounded half-up to 2 decimals.
        band: The rubric's band for ``value`` (lower bounds inclusive, on the rounded
            value), or None when the rubric has no bands.
        breakdown: One `CriterionScore` per criterion of the rubric, in its order.

    Added in version 0.1.

    Examples:
        >>> Score(rubric="reaksi", subject_kind=SubjectKind.PARTICIPANT,
        ...       subject="198609262015051001", rater="R-001", phase=Phase.POST,
        ...       value=81.25, band=None, breakdown=())  # doctest: +ELLIPSIS
        Score(rubric='reaksi', ..., subject='***************001', rater='R-001', ...)
    """

    rubric: str
    subject_kind: SubjectKind
    # A subject may be a participant's NIP: masked as Response masks it (UU 27/2022).
    subject: str = attrs.field(repr=_privacy.redacted_repr)
    rater: str
    phase: Phase
    value: float
    band: Band | None
    breakdown: tuple[CriterionScore, ...]


# --------------------------------------------------------------------------- checks


def _check_rubric(rubric: Rubric) -> None:
    """Refuse a rubric its own normalisation cannot score."""
    if rubric.normalisation is not Normalisation.RATIO:
        return
    for index, criterion in enumerate(rubric.criteria):
        # x / max maps the scale onto 0..1 only when it starts at 0 or above.
        if criterion.scale.min_value < 0:
            raise ScoringError(
                "scoring.ratio_scale",
                path=f"criteria[{index}].scale.min_value",
                criterion=criterion.id,
                min=criterion.scale.min_value,
            )


def _check(rubric: Rubric, response: Response, *, complete: bool = True) -> None:
    """Raise the first problem that keeps ``response`` from being scored on ``rubric``.

    Mirrors rules EVA001 (unknown criterion), EVA002 (off the scale) and EVA003 (required
    criterion unanswered). ``complete=False`` skips the completeness checks, for the IKM,
    whose NRR counts only those who answered.
    """
    if response.rubric != rubric.id:
        raise ScoringError(
            "scoring.wrong_rubric", path="rubric", rubric=rubric.id, got=response.rubric
        )
    ratings = response.ratings
    for key, value in ratings.items():
        criterion = rubric.criterion(key)
        if criterion is None:
            raise ScoringError(
                "scoring.unknown_criterion",
                path=f"ratings[{key!r}]",
                rubric=rubric.id,
                criterion=key,
            )
        scale = criterion.scale
        if not scale.contains(value):
            raise ScoringError(
                "scoring.off_scale",
                path=f"ratings[{key!r}]",
                criterion=key,
                value=value,
                min=scale.min_value,
                max=scale.max_value,
                step=scale.step,
            )
    if not complete:
        return
    for criterion in rubric.criteria:
        if criterion.required and criterion.id not in ratings:
            raise ScoringError(
                "scoring.required_unanswered",
                path=f"ratings[{criterion.id!r}]",
                criterion=criterion.id,
            )
    if not ratings:
        raise ScoringError("scoring.no_answers", path="ratings")


# --------------------------------------------------------------------------- scores


def _normalise(scale: Scale, rating: int, normalisation: Normalisation) -> Fraction:
    # Moodle maps the lowest point to 0 (min-max); "lock zero" (ratio) divides by the
    # maximum, so the lowest point keeps its share (1/4 on the IKM scale: x25).
    if normalisation is Normalisation.RATIO:
        return Fraction(rating, scale.max_value)
    return Fraction(rating - scale.min_value, scale.max_value - scale.min_value)


def _part(criterion: Criterion, rating: int | None, normalisation: Normalisation) -> CriterionScore:
    return CriterionScore(
        criterion=criterion.id,
        rating=rating,
        normalised=(
            None if rating is None else float(_normalise(criterion.scale, rating, normalisation))
        ),
        weight=criterion.weight,
    )


def _exact(rubric: Rubric, ratings: Sequence[int | None]) -> Fraction:
    """The exact 0-100 value of checked ratings given in the rubric's criterion order."""
    total = Fraction(0)
    weights = Fraction(0)
    for criterion, rating in zip(rubric.criteria, ratings, strict=True):
        if rating is not None:
            # A float weight is a binary fraction: Fraction(weight) is its exact value.
            weight = Fraction(criterion.weight)
            total += weight * _normalise(criterion.scale, rating, rubric.normalisation)
            weights += weight
    return 100 * total / weights


def _ordered(rubric: Rubric, ratings: Mapping[str, float]) -> list[int | None]:
    # Checked ratings are points of their scales; Response stores integral floats as ints.
    return [
        None if (rating := ratings.get(criterion.id)) is None else int(rating)
        for criterion in rubric.criteria
    ]


def score(rubric: Rubric, response: Response) -> Score:
    """Score (nilai) one response on a rubric: the weighted, normalised mean on 0-100.

    ``value = 100 × Σ wᵢ·nᵢ / Σ wᵢ`` over the **answered** criteria, where ``nᵢ`` maps
    the rating ``x`` onto 0..1: ``(x - min) / (max - min)`` under
    `Normalisation.MIN_MAX` (as Moodle does) or ``x / max`` under `Normalisation.RATIO`
    ("lock zero"). An optional criterion left unanswered drops out of both sums. The
    value is computed exactly with fractions, converted once to the nearest float and
    rounded half-up to 2 decimals by `round_half_up`; the band is chosen on that rounded
    value.

    Args:
        rubric: The rubric.
        response: One rater's response about one subject.

    Returns:
        The `Score`, with one `CriterionScore` per criterion of the rubric.

    Raises:
        ScoringError: The response is for another rubric (``scoring.wrong_rubric``),
            rates a criterion the rubric lacks (``scoring.unknown_criterion``, as rule
            EVA001), gives a rating off its criterion's scale (``scoring.off_scale``,
            EVA002), leaves a required criterion unanswered
            (``scoring.required_unanswered``, EVA003) or answers nothing
            (``scoring.no_answers``); or the rubric uses ratio normalisation on a scale
            that starts below 0 (``scoring.ratio_scale``).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
        >>> rubric = Rubric(id="r", title_id="Contoh", title_en="Example",
        ...                 criteria=(Criterion(id="a", title_id="A", title_en="A",
        ...                                     scale=Scale.likert(4)),))
        >>> def answer(**ratings):
        ...     return Response(rubric="r", subject_kind=SubjectKind.SESSION, subject="S1",
        ...                     rater="R1", ratings=ratings)
        >>> result = score(rubric, answer(a=3))
        >>> result.value, result.breakdown[0].normalised
        (66.67, 0.6666666666666666)
        >>> score(rubric, answer(a=5))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: The rating 5 ... [scoring.off_scale] @ $.ratings['a']
    """
    _check_rubric(rubric)
    _check(rubric, response)
    ratings = _ordered(rubric, response.ratings)
    value = round_half_up(float(_exact(rubric, ratings)))
    return Score(
        rubric=rubric.id,
        subject_kind=response.subject_kind,
        subject=response.subject,
        rater=response.rater,
        phase=response.phase,
        value=value,
        band=rubric.band_for(value),
        breakdown=tuple(
            _part(criterion, rating, rubric.normalisation)
            for criterion, rating in zip(rubric.criteria, ratings, strict=True)
        ),
    )


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
# What a Response computes once for the bulk path: its layout and its packed ratings.
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
    layout: tuple[str, ...]  # the shared layout of a response rating every criterion in order
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
        ids=tuple(criterion.id for criterion in criteria),
        layout=_shared_layout(rubric.id, (criterion.id for criterion in criteria)),
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

    A row is suspect when its response is for another rubric, or has more ratings than
    it answers criteria of the rubric (so it rates a criterion the rubric lacks). On
    scales within 0..255 the ratings are read from what each response packed at
    construction (`_read_packed`); when that cannot be done, from the ratings mappings.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    packed = _read_packed(rubric, plan, items) if plan.small else None
    if packed is not None:
        return packed
    n, k = len(items), len(plan.ids)
    maps = list(map(_RATINGS, items))
    suspect = None
    if operator.countOf(map(_RUBRIC, items), rubric.id) != n:
        suspect = np.fromiter(map(rubric.id.__ne__, map(_RUBRIC, items)), dtype=bool, count=n)
    x = _read_bytes(plan, maps) if plan.small else None
    if x is None:
        read = _reader(plan.ids)
        x = np.fromiter(chain.from_iterable(map(read, maps)), dtype=np.float64, count=n * k)
        x = x.reshape(n, k)
        answered: int | NDArray[np.intp] = k - np.isnan(x).sum(axis=1)
        expected = int(np.sum(answered))
    else:
        answered, expected = k, n * k
    # A response's ratings include every answered criterion: any more are unknown ones.
    if sum(map(len, maps)) == expected:
        return x, suspect
    extra = np.fromiter(map(len, maps), dtype=np.intp, count=n) != answered
    return x, extra if suspect is None else suspect | extra


def _read_packed(
    rubric: Rubric, plan: _Plan, items: tuple[Response, ...]
) -> tuple[NDArray[Any], NDArray[np.bool_] | None] | None:
    """`_read` from what each `Response` computed once: its layout and packed ratings.

    A response keeps its ratings as bytes, in its own order, when each is an int in
    0..255, and shares its layout (rubric id and criterion ids in that order) with every
    response laid out alike. In the common case every layout is the rubric's own: one
    identity check per response, and the bytes joined in C are the table. Otherwise
    `_scatter` places each layout's bytes in the rubric's columns. None when an item
    packed nothing (a rating that is not an int in 0..255, which a rubric whose scales
    lie within 0..255 refuses) or is not a `Response` at all.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n = len(items)
    packed = map(_PACKED, items)
    try:
        # b"".join allocates an 80-byte record per part: by chunks, the records stay in
        # the cache (one join of 1,000,000 parts took 2 to 3 times as long).
        joined = b"".join([b"".join(islice(packed, _CHUNK)) for _ in range(0, n, _CHUNK)])
    except (AttributeError, TypeError):  # a rating off 0..255 (None), or not a Response
        return None
    flat = np.frombuffer(joined, dtype=np.uint8)
    if operator.countOf(map(_LAYOUT, items), plan.layout) == n:
        return flat.reshape(n, len(plan.ids)), None
    return _scatter(rubric, plan, items, flat)


def _scatter(
    rubric: Rubric, plan: _Plan, items: tuple[Response, ...], flat: NDArray[np.uint8]
) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    """Place packed ratings, each response's in the order of its layout, in the columns.

    Layouts are few: each is numbered, and mapped onto the rubric's columns once. When
    every response rates every criterion, in whatever order, each row is reordered (the
    table stays whole numbers); otherwise the table is float64, NaN where unanswered.
    Responses whose layout names another rubric or a criterion the rubric lacks are
    suspect, for `_check` to refuse.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    n, k = len(items), len(plan.ids)
    head = _LAYOUT(items[0])
    first: dict[tuple[str, ...], int]
    if head != plan.layout and operator.countOf(map(_LAYOUT, items), head) == n:
        # One layout for all (the rubric's criteria in another order, say): no numbering.
        first, codes = {head: 0}, np.zeros(n, dtype=np.intp)
    else:
        # Each row's layout as the first row with an equal one, then numbered 0, 1, 2...
        first = {}
        rows = np.fromiter(
            map(first.setdefault, map(_LAYOUT, items), range(n)), dtype=np.intp, count=n
        )
        number = np.zeros(n, dtype=np.intp)
        number[list(first.values())] = np.arange(len(first))
        codes = number[rows]
    column = {key: index for index, key in enumerate(plan.ids)}
    widths = np.array([len(layout) - 1 for layout in first], dtype=np.intp)
    # Row g: the column of each key of layout g (0 past its keys, or for a bad layout).
    table = np.zeros((len(first), max(k, int(widths.max()))), dtype=np.intp)
    bad = np.zeros(len(first), dtype=bool)
    for code, (name, *keys) in enumerate(first):
        if name != rubric.id or not all(map(column.__contains__, keys)):
            bad[code] = True
        else:
            table[code, : len(keys)] = list(map(column.__getitem__, keys))
    if not bad.any() and (widths == k).all():
        # Each table row is a permutation of the columns: its inverse reorders a row.
        order = np.argsort(table, axis=1)
        raw = flat.reshape(n, k)
        if len(first) == 1:
            return raw[:, order[0]], None
        return np.take_along_axis(raw, order[codes], axis=1), None
    width = widths[codes]
    x = np.full((n, k), np.nan)
    x[np.repeat(np.arange(n), width), table[codes][np.arange(table.shape[1]) < width[:, None]]] = (
        flat
    )
    return x, bad[codes] if bad.any() else None


def _read_bytes(plan: _Plan, maps: list[Mapping[str, float]]) -> NDArray[np.uint8] | None:
    """Every rating as a byte, when every response rates every criterion with 0..255.

    That is the common case, and one pass in C reads it; a missing criterion, a rating
    that is not a whole number, or one outside 0..255 gives None.
    """
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    getter = operator.itemgetter(*plan.ids)
    try:
        flat = bytes(
            chain.from_iterable(map(getter, maps)) if len(plan.ids) > 1 else map(getter, maps)
        )
    except (KeyError, TypeError, ValueError):
        return None
    return np.frombuffer(flat, dtype=np.uint8).reshape(len(maps), len(plan.ids))


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


# --------------------------------------------------------------------------- aggregates


@attrs.frozen(kw_only=True)
class Aggregate:
    """Summary of the scores of one group (a participant, an OPD, a session...).

    Statistics are rounded half-up to 2 decimals, like the scores. A group with fewer
    scores than the reporting threshold is suppressed: its statistics are None, so that
    no individual can be singled out (UU 27/2022, REFERENCE.md 12).

    Attributes:
        key: The group's key (masked in the repr when it holds a NIP).
        n: The number of scores in the group.
        value: The group's value by the chosen `Aggregation` (mean, median or trimmed
            mean), or None when suppressed.
        mean: The arithmetic mean, or None when suppressed.
        median: The median, or None when suppressed.
        sd: The sample standard deviation (n - 1), or None when suppressed or n < 2.
        min: The lowest score, or None when suppressed.
        max: The highest score, or None when suppressed.
        ci_low: The lower end of the 95 % Student-t confidence interval of the mean, or
            None when suppressed or n < 2.
        ci_high: Its upper end, or None likewise.
        suppressed: Whether the group is below the reporting threshold.

    Added in version 0.1.

    Examples:
        >>> Aggregate(key="dinkes", n=2, value=None, mean=None, median=None, sd=None,
        ...           min=None, max=None, ci_low=None, ci_high=None, suppressed=True).suppressed
        True
    """

    key: Hashable = attrs.field(repr=_key_repr)
    n: int
    value: float | None
    mean: float | None
    median: float | None
    sd: float | None
    min: float | None
    max: float | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool


def _grouping(
    by: str | Mapping[str, Hashable] | Callable[[str], Hashable] | Callable[[Score], Hashable],
) -> tuple[str, object]:
    """How to group: ``("field", name)``, ``("mapping", mapping)`` or ``("function", f)``."""
    if isinstance(by, str):
        if by not in _GROUP_FIELDS:
            raise ScoringError(
                "scoring.group_by", path="by", by=by, allowed=", ".join(_GROUP_FIELDS)
            )
        return "field", by
    # A mapping's own __getitem__ looks subjects up too (by=opd_of.__getitem__).
    owner = getattr(by, "__self__", None)
    if isinstance(owner, Mapping) and getattr(by, "__name__", "") == "__getitem__":
        by = owner
    if isinstance(by, Mapping):
        return "mapping", by
    return "function", by


def _mapped(groups: Mapping[str, Hashable], subjects: list[str]) -> list[Hashable]:
    try:
        return list(map(groups.__getitem__, subjects))
    except KeyError:
        # The subject may be a NIP: the error names the position only.
        index = next(i for i, subject in enumerate(subjects) if subject not in groups)
        raise ScoringError("scoring.unmapped_subject", path=f"[{index}]") from None


def _keys(
    grouping: tuple[str, object],
    items: Sequence[Score] | Sequence[Response],
    scores: Iterable[Score],
) -> list[Hashable]:
    """The group key of each score; ``items`` hold its identity (scores or responses)."""
    how, by = grouping
    if how == "field":
        return list(map(operator.attrgetter(cast("str", by)), items))
    if how == "mapping":
        subjects = list(map(operator.attrgetter("subject"), items))
        return _mapped(cast("Mapping[str, Hashable]", by), subjects)
    return list(map(cast("Callable[[Score], Hashable]", by), scores))


def _sorted_groups(
    keys: list[Hashable], values: NDArray[np.float64]
) -> dict[Hashable, list[float]]:
    """The values of each key, sorted, from two parallel columns (NumPy's sort)."""
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    position = {key: index for index, key in enumerate(dict.fromkeys(keys))}
    codes = np.fromiter(map(position.__getitem__, keys), dtype=np.intp, count=len(keys))
    ordered = values[np.lexsort((values, codes))].tolist()
    ends = np.cumsum(np.bincount(codes, minlength=len(position))).tolist()
    return {
        key: ordered[start:end]
        for key, start, end in zip(position, [0, *ends][:-1], ends, strict=True)
    }


def _sort_key(key: Hashable) -> tuple[str, str]:
    # Keys of any type sort by their text; the repr breaks ties between 1 and "1".
    return (str(key), repr(key))


def _trimmed_mean(ordered: list[float], trim: float) -> float:
    # The share is read as the decimal it is written as: 0.1 of 20 scores drops 2 from
    # each tail (as scipy.stats.trim_mean does, but without binary rounding of 0.1).
    cut = math.floor(Fraction(repr(trim)) * len(ordered))
    kept = ordered[cut : len(ordered) - cut]
    return math.fsum(kept) / len(kept)


def aggregate(
    scores: Iterable[Score] | Scores,
    *,
    by: str
    | Mapping[str, Hashable]
    | Callable[[str], Hashable]
    | Callable[[Score], Hashable] = "subject",
    min_group: int = 3,
    method: Aggregation | str = Aggregation.MEAN,
    trim: float = 0.1,
) -> tuple[Aggregate, ...]:
    """Aggregate (rekapitulasi) scores per group: n, mean, median, sd, range and 95 % CI.

    Groups are formed by ``by``: the name of a `Score` attribute (``"subject"``,
    ``"subject_kind"``, ``"phase"``, ``"rater"``, ``"rubric"``), a mapping from subject
    to group (for example NIP -> OPD or session -> day) or that mapping's
    ``__getitem__``, or any other function of a `Score`. Given the `Scores` of
    `score_many`, the values are grouped column by column, without building a `Score`
    per response (unless ``by`` is a function of one).
    Each group's statistics are rounded half-up to 2 decimals; its ``value`` is the mean,
    median or trimmed mean as ``method`` says (pass a rubric's ``aggregation`` and
    ``trim`` to combine its raters the rubric's way). The confidence interval is
    ``mean ± t₀.₉₇₅,ₙ₋₁ · sd / √n`` (Student's t). Groups with fewer than ``min_group``
    scores are **suppressed**: ``suppressed=True`` and every statistic None, so that no
    individual can be singled out (UU 27/2022). The result does not depend on the order
    of ``scores``.

    Args:
        scores: The scores: any iterable of `Score`, or the `Scores` of `score_many`.
        by: How to group them (see above).
        min_group: The smallest group reported (at least 1; 3 by default).
        method: How ``value`` is computed: an `Aggregation` or its value.
        trim: For a trimmed mean, the share of scores dropped from each tail (0 to just
            under 0.5), read as the decimal it is written as.

    Returns:
        One `Aggregate` per group, sorted by the text of their keys.

    Raises:
        ScoringError: ``by`` names no groupable attribute (``scoring.group_by``); a
            subject is missing from a ``by`` mapping (``scoring.unmapped_subject``, path
            ``[index]``); ``min_group`` is not a whole number of 1 or more
            (``scoring.min_group``); ``method`` is unknown (``scoring.method``); ``trim``
            is out of range (``rubric.trim``).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Phase, SubjectKind
        >>> def result(subject, value):
        ...     return Score(rubric="r", subject_kind=SubjectKind.SESSION, subject=subject,
        ...                  rater="R1", phase=Phase.POST, value=value, band=None,
        ...                  breakdown=())
        >>> scores = [result("S1", v) for v in (70.0, 80.0, 90.0)] + [result("S2", 60.0)]
        >>> first, second = aggregate(scores)
        >>> first.key, first.n, first.mean, first.sd, first.ci_low, first.ci_high
        ('S1', 3, 80.0, 10.0, 55.16, 104.84)
        >>> second.key, second.n, second.mean, second.suppressed
        ('S2', 1, None, True)
        >>> aggregate(scores, by="score")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Scores cannot be grouped by "score"; ...
    """
    grouping = _grouping(by)
    if type(min_group) is not int or min_group < 1:
        raise ScoringError("scoring.min_group", path="min_group", value=repr(min_group))
    try:
        how = Aggregation(method)
    except ValueError:
        raise ScoringError(
            "scoring.method",
            path="method",
            value=str(method),
            choices=", ".join(member.value for member in Aggregation),
        ) from None
    share: object = trim  # checked at run time: callers may not be type-checked
    # A share of 0.5 would trim everything (the bound of Rubric.trim too).
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share < _MAX_TRIM:
        raise ScoringError("rubric.trim", path="trim", value=repr(trim))
    if isinstance(scores, Scores):
        keys = _keys(grouping, scores.responses, scores)
        groups = _sorted_groups(keys, scores.values)
    else:
        items = list(scores)
        keys = _keys(grouping, items, items)
        groups = {}
        for key, item in zip(keys, items, strict=True):
            groups.setdefault(key, []).append(item.value)
        for values in groups.values():
            values.sort()
    return tuple(
        _summarise(key, groups[key], min_group, how, float(trim))
        for key in sorted(groups, key=_sort_key)
    )


def _summarise(
    key: Hashable, ordered: list[float], min_group: int, how: Aggregation, trim: float
) -> Aggregate:
    n = len(ordered)
    if n < min_group:
        return Aggregate(
            key=key,
            n=n,
            value=None,
            mean=None,
            median=None,
            sd=None,
            min=None,
            max=None,
            ci_low=None,
            ci_high=None,
            suppressed=True,
        )
    summary = describe(ordered)
    low, high = mean_ci(ordered) if n > 1 else (None, None)
    central = {
        Aggregation.MEAN: summary["mean"],
        Aggregation.MEDIAN: summary["median"],
    }.get(how)
    if central is None:
        central = _trimmed_mean(ordered, trim)
    return Aggregate(
        key=key,
        n=n,
        value=round_half_up(central),
        mean=round_half_up(summary["mean"]),
        median=round_half_up(summary["median"]),
        sd=None if summary["sd"] is None else round_half_up(summary["sd"]),
        min=round_half_up(summary["min"]),
        max=round_half_up(summary["max"]),
        ci_low=None if low is None else round_half_up(low),
        ci_high=None if high is None else round_half_up(high),
        suppressed=False,
    )


# --------------------------------------------------------------------------- IKM


@attrs.frozen(kw_only=True)
class IkmResult:
    """IKM (Indeks Kepuasan Masyarakat, public-satisfaction index) of one survey.

    Computed as PermenPAN-RB 14/2017 prescribes (REFERENCE.md 7): the NRR (nilai
    rata-rata) of each unsur over the respondents who answered it, IKM = Σ NRRᵢ × weight
    on the 1-4 scale, and the converted value IKM × 25 on 25-100 with its mutu A-D.

    Attributes:
        rubric: The id of the survey rubric.
        nrr: ``(unsur id, NRR)`` per unsur, in the rubric's order; each NRR exact.
        weight: The nilai penimbang per unsur: exactly 1/9 for the 9 unsur, or the
            legacy rounded 0.11.
        ikm_exact: The IKM on 1-4, exact.
        ikm: The IKM on 1-4 rounded half-up to 4 decimals, as the band table prints it.
        converted: The IKM unit pelayanan, IKM × 25 on 25-100, rounded half-up to 2
            decimals.
        band: The mutu band of ``converted`` (A-D for the built-in rubric), or None when
            the rubric has no bands.
        respondents: The number of responses.

    Added in version 0.1.

    Examples:
        >>> from fractions import Fraction
        >>> result = IkmResult(rubric="ikm", nrr=(("u1", Fraction(7, 2)),),
        ...                    weight=Fraction(1), ikm_exact=Fraction(7, 2), ikm=3.5,
        ...                    converted=87.5, band=None, respondents=2)
        >>> result.converted, result.mutu
        (87.5, None)
    """

    rubric: str
    nrr: tuple[tuple[str, Fraction], ...]
    weight: Fraction
    ikm_exact: Fraction
    ikm: float
    converted: float
    band: Band | None
    respondents: int

    @property
    def mutu(self) -> str | None:
        """The mutu pelayanan (service quality) code, A-D, or None without bands.

        Examples:
            >>> from fractions import Fraction
            >>> from birokrasi_retreat import rubrics
            >>> best = rubrics.load("ikm").bands[-1]
            >>> IkmResult(rubric="ikm", nrr=(), weight=Fraction(1, 9), ikm_exact=Fraction(4),
            ...           ikm=4.0, converted=100.0, band=best, respondents=1).mutu
            'A'
        """
        return None if self.band is None else self.band.code

    def label(self, lang: Lang = "id") -> str | None:
        """The kinerja unit pelayanan (unit performance) label, e.g. "Sangat Baik".

        Args:
            lang: ``"id"`` (default) or ``"en"``.

        Returns:
            The band's label in that language, or None without bands.

        Examples:
            >>> from fractions import Fraction
            >>> from birokrasi_retreat import rubrics
            >>> best = rubrics.load("ikm").bands[-1]
            >>> result = IkmResult(rubric="ikm", nrr=(), weight=Fraction(1, 9),
            ...                    ikm_exact=Fraction(4), ikm=4.0, converted=100.0,
            ...                    band=best, respondents=1)
            >>> result.label(), result.label("en")
            ('Sangat Baik', 'Very good')
        """
        if self.band is None:
            return None
        return self.band.label_en if lang == "en" else self.band.label_id


def ikm(
    responses: Iterable[Response],
    *,
    rubric: Rubric | None = None,
    legacy_rounded_weight: bool = False,
) -> IkmResult:
    """IKM (Indeks Kepuasan Masyarakat): the public-satisfaction index of PermenPAN-RB 14/2017.

    * NRRᵢ = (sum of the ratings of unsur i) / (number of respondents who answered it);
    * IKM = Σ NRRᵢ × w on the 1-4 scale, with the nilai penimbang w = 1 / (number of
      unsur), exactly 1/9 for the 9 unsur; ``legacy_rounded_weight=True`` uses w rounded
      half-up to 2 decimals (0.11), as many spreadsheets print it;
    * IKM unit pelayanan = IKM × 25 on 25-100, rounded half-up to 2 decimals, and its
      mutu by the rubric's bands on that rounded value (A from 88.31, B from 76.61, C
      from 65.00, D below).

    Everything is exact until the final rounding. The unsur are weighted equally, as the
    regulation does, whatever weights the rubric's criteria carry.

    Args:
        responses: The survey responses (one per respondent); a respondent may skip an
            unsur, which then counts only those who answered it.
        rubric: The survey rubric; the built-in ``rubrics.load("ikm")`` by default. Every
            criterion must use the 1-4 scale.
        legacy_rounded_weight: Use the weight rounded to 2 decimals (0.11) instead of
            the exact 1/9.

    Returns:
        The `IkmResult`.

    Raises:
        ScoringError: No responses (``scoring.no_responses``); a criterion not on the
            1-4 scale (``scoring.ikm_scale``); a response for another rubric, an unknown
            unsur or a rating off the scale (the codes of `score`, path prefixed with the
            response's index); an unsur nobody answered (``scoring.element_unanswered``).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Response, SubjectKind
        >>> def respondent(rater, rating):
        ...     return Response(rubric="ikm", subject_kind=SubjectKind.UNIT, subject="dukcapil",
        ...                     rater=rater, ratings={f"u{i}": rating for i in range(1, 10)})
        >>> result = ikm([respondent("r1", 4), respondent("r2", 3), respondent("r3", 4)])
        >>> result.ikm, result.converted, result.mutu
        (3.6667, 91.67, 'A')
        >>> ikm([])
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: There are no survey responses, so the IKM cannot be computed. [scoring.no_responses]
    """  # noqa: E501
    if rubric is None:
        from birokrasi_retreat import rubrics  # noqa: PLC0415 (data is read on first use)

        rubric = rubrics.load("ikm")
    nrr, respondents = _nrr(rubric, responses)
    # PermenPAN-RB 14/2017: nilai penimbang = 1 / number of unsur (1/9, printed as 0.11).
    weight = Fraction(1, len(nrr))
    if legacy_rounded_weight:
        weight = Fraction(repr(round_half_up(float(weight))))
    exact = weight * sum(value for _, value in nrr)
    converted = round_half_up(float(exact * _IKM_FACTOR))
    return IkmResult(
        rubric=rubric.id,
        nrr=tuple(nrr),
        weight=weight,
        ikm_exact=exact,
        ikm=round_half_up(float(exact), _IKM_DIGITS),
        converted=converted,
        band=rubric.band_for(converted),
        respondents=respondents,
    )


def _nrr(rubric: Rubric, responses: Iterable[Response]) -> tuple[list[tuple[str, Fraction]], int]:
    """NRR per unsur over those who answered it, and the number of respondents."""
    for index, criterion in enumerate(rubric.criteria):
        scale = criterion.scale
        if (scale.min_value, scale.max_value, scale.step) != (_IKM_MIN, _IKM_MAX, 1):
            raise ScoringError(
                "scoring.ikm_scale",
                path=f"criteria[{index}].scale",
                criterion=criterion.id,
                min=scale.min_value,
                max=scale.max_value,
            )
    totals = dict.fromkeys((criterion.id for criterion in rubric.criteria), 0)
    counts = dict(totals)
    respondents = 0
    for index, response in enumerate(responses):
        try:
            _check(rubric, response, complete=False)
        except ScoringError as error:
            where = f"[{index}]"
            raise error.at(where) from None
        for key, rating in response.ratings.items():
            totals[key] += int(rating)
            counts[key] += 1
        respondents += 1
    if not respondents:
        raise ScoringError("scoring.no_responses")
    nrr: list[tuple[str, Fraction]] = []
    for key, count in counts.items():
        if not count:
            raise ScoringError("scoring.element_unanswered", criterion=key)
        # PermenPAN-RB 14/2017: NRR = sum of the ratings / number who answered the unsur.
        nrr.append((key, Fraction(totals[key], count)))
    return nrr, respondents
