"""Scoring (penilaian): pure functions that turn rubric responses into scores and indices.

Everything here is pure and deterministic: no I/O, no clock, and the same result for
the same input in any order.

* `score` turns one `Response` into a `Score`: a 0-100 value computed exactly (with
  `fractions.Fraction`) and rounded **once**, half-up to 2 decimals, by `round_half_up`
  (the library's one rounding rule); the band is chosen on the rounded value.
* `score_many` is the columnar bulk path for whole cohorts; it returns the same scores
  as `score` to the last decimal.
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

import math
import operator

from collections.abc import Hashable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final, cast

import attrs

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
    SubjectKind,
    _redacted_repr,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale


__all__ = [
    "Aggregate",
    "CriterionScore",
    "Gain",
    "IkmResult",
    "Score",
    "aggregate",
    "cohens_dz",
    "cronbach_alpha",
    "ikm",
    "krippendorff_alpha",
    "normalized_gain",
    "rank",
    "round_half_up",
    "score",
    "score_many",
]

# The Score attributes `aggregate` groups by when given a name.
_GROUP_FIELDS: Final = ("phase", "rater", "rubric", "subject", "subject_kind")

# A float value is within this many hundredths of a rounding boundary only at a true tie
# or through float error (below 1e-9 for values up to 100); those few values are
# recomputed exactly, so the bulk path rounds exactly like `score`.
_TIE_MARGIN: Final = 1e-6

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
    return _redacted_repr(key) if isinstance(key, str) else repr(key)


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
    subject: str = attrs.field(repr=_redacted_repr)
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


def score_many(rubric: Rubric, responses: Iterable[Response]) -> tuple[Score, ...]:
    """Score many responses on one rubric at once: the bulk path for whole cohorts.

    The result equals ``tuple(score(rubric, r) for r in responses)`` to the last
    decimal, but the work is columnar: each distinct answer pattern is checked and
    scored once, the weighted sums run in NumPy (float64) over all patterns, and the rare
    value within a hair of a rounding boundary is recomputed exactly, so the rounding
    never differs from `score`'s.

    Args:
        rubric: The rubric.
        responses: The responses, in any iterable.

    Returns:
        One `Score` per response, in the order given.

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
        >>> [result.value for result in score_many(rubric, cohort)]
        [0.0, 25.0, 50.0, 75.0, 100.0]
        >>> score_many(rubric, [*cohort, answer(b=1)])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: Rubric "r" has no ... @ $[5].ratings['b']
    """
    _check_rubric(rubric)
    items = responses if isinstance(responses, list | tuple) else list(responses)
    if not items:
        return ()
    ids = [criterion.id for criterion in rubric.criteria]

    # 1. Deduplicate answer patterns: a cohort repeats the same few rating tuples.
    maps = [response.ratings for response in items]
    patterns: dict[tuple[float | None, ...], int] = {}
    found = [patterns.setdefault(tuple(map(ratings.get, ids)), len(patterns)) for ratings in maps]

    # 2. Check each pattern once; a response is suspect when its pattern fails, its
    #    rubric differs, or it rates more criteria than its pattern shows (an unknown one).
    distinct = list(patterns)
    good = [_pattern_ok(rubric, key) for key in distinct]
    answered = [len(key) - key.count(None) for key in distinct]
    rid = rubric.id
    for index, (response, pattern, ratings) in enumerate(zip(items, found, maps, strict=True)):
        if response.rubric != rid or not good[pattern] or len(ratings) != answered[pattern]:
            try:
                _check(rubric, response)
            except ScoringError as error:
                where = f"[{index}]"
                raise error.at(where) from None

    # 3. Score the patterns column by column, then build one Score per response.
    values, bands, parts = _score_patterns(rubric, distinct)
    return tuple(
        Score(
            rubric=rid,
            subject_kind=response.subject_kind,
            subject=response.subject,
            rater=response.rater,
            phase=response.phase,
            value=values[pattern],
            band=bands[pattern],
            breakdown=parts[pattern],
        )
        for response, pattern in zip(items, found, strict=True)
    )


def _pattern_ok(rubric: Rubric, key: tuple[float | None, ...]) -> bool:
    """Whether ratings in the rubric's criterion order pass the rating checks of `_check`."""
    present = False
    for criterion, rating in zip(rubric.criteria, key, strict=True):
        if rating is None:
            if criterion.required:
                return False
        elif criterion.scale.contains(rating):
            present = True
        else:
            return False
    return present


def _score_patterns(
    rubric: Rubric, distinct: list[tuple[float | None, ...]]
) -> tuple[list[float], list[Band | None], list[tuple[CriterionScore, ...]]]:
    """Value, band and breakdown of each checked pattern, computed column by column."""
    import numpy as np  # noqa: PLC0415 (lazy: `import birokrasi_retreat` stays light)

    criteria = rubric.criteria
    normalisation = rubric.normalisation
    rows = [[None if rating is None else int(rating) for rating in key] for key in distinct]

    # Breakdowns: one CriterionScore per (criterion, rating), shared between patterns.
    known: list[dict[int | None, CriterionScore]] = [{} for _ in criteria]
    parts: list[tuple[CriterionScore, ...]] = []
    for row in rows:
        items: list[CriterionScore] = []
        for criterion, cache, rating in zip(criteria, known, row, strict=True):
            part = cache.get(rating)
            if part is None:
                part = cache[rating] = _part(criterion, rating, normalisation)
            items.append(part)
        parts.append(tuple(items))

    # 100 × Σ w·n / Σ w in float64, over the very floats the breakdowns hold.
    normalised = np.array(
        [[math.nan if p.normalised is None else p.normalised for p in row] for row in parts],
        dtype=np.float64,
    )
    weights = np.array([criterion.weight for criterion in criteria], dtype=np.float64)
    answered = ~np.isnan(normalised)
    hundredths = (
        10_000.0
        * (np.where(answered, normalised, 0.0) @ weights)
        / (answered.astype(float) @ weights)
    )
    fraction = hundredths - np.floor(hundredths)
    ties = np.abs(fraction - 0.5) < _TIE_MARGIN
    nearest = np.floor(hundredths + 0.5).astype(np.int64)

    # Off a tie, the value is the nearest hundredth, whatever the last bits of the float;
    # at a tie (or within float error of one), the exact path decides, as in `score`.
    rounded: dict[int, float] = {}
    values: list[float] = []
    for row, cents, tie in zip(rows, nearest.tolist(), ties.tolist(), strict=True):
        if tie:
            values.append(round_half_up(float(_exact(rubric, row))))
        elif cents in rounded:
            values.append(rounded[cents])
        else:
            values.append(rounded.setdefault(cents, round_half_up(cents / 100)))
    banded: dict[float, Band | None] = {}
    bands = [
        banded[value] if value in banded else banded.setdefault(value, rubric.band_for(value))
        for value in values
    ]
    return values, bands, parts


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


def _key_function(
    by: str | Mapping[str, Hashable] | Callable[[str], Hashable] | Callable[[Score], Hashable],
) -> Callable[[int, Score], Hashable]:
    if isinstance(by, str):
        if by not in _GROUP_FIELDS:
            raise ScoringError(
                "scoring.group_by", path="by", by=by, allowed=", ".join(_GROUP_FIELDS)
            )
        field = operator.attrgetter(by)
        return lambda _index, item: field(item)
    # A mapping's own __getitem__ looks subjects up too (by=opd_of.__getitem__).
    owner = getattr(by, "__self__", None)
    if isinstance(owner, Mapping) and getattr(by, "__name__", "") == "__getitem__":
        by = owner
    if isinstance(by, Mapping):
        groups = by

        def lookup(index: int, item: Score) -> Hashable:
            try:
                return groups[item.subject]
            except KeyError:
                # The subject may be a NIP: the error names the position only.
                raise ScoringError("scoring.unmapped_subject", path=f"[{index}]") from None

        return lookup
    function = cast("Callable[[Score], Hashable]", by)
    return lambda _index, item: function(item)


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
    scores: Iterable[Score],
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
    ``__getitem__``, or any other function of a `Score`.
    Each group's statistics are rounded half-up to 2 decimals; its ``value`` is the mean,
    median or trimmed mean as ``method`` says (pass a rubric's ``aggregation`` and
    ``trim`` to combine its raters the rubric's way). The confidence interval is
    ``mean ± t₀.₉₇₅,ₙ₋₁ · sd / √n`` (Student's t). Groups with fewer than ``min_group``
    scores are **suppressed**: ``suppressed=True`` and every statistic None, so that no
    individual can be singled out (UU 27/2022). The result does not depend on the order
    of ``scores``.

    Args:
        scores: The scores.
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
    key_of = _key_function(by)
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
    groups: dict[Hashable, list[float]] = {}
    for index, item in enumerate(scores):
        groups.setdefault(key_of(index, item), []).append(item.value)
    return tuple(
        _summarise(key, sorted(groups[key]), min_group, how, float(trim))
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
