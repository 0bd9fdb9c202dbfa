"""Exact scores of single responses: `Score`, `CriterionScore` and `score`.

This module owns the one definition of a score: the checks a response must pass
(`_check`, `_check_rubric`, mirroring rules EVA001-EVA003), the normalisation of a
rating, the exact value as a `fractions.Fraction` (`_exact`) and `score` itself, which
rounds it once, half-up, and picks the band. The bulk path (`_bulk`) and the IKM
(`_ikm`) reuse these helpers, so that every path scores and refuses alike.

Examples:
    >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
    >>> rubric = Rubric(id="r", title_id="Contoh", title_en="Example",
    ...                 criteria=(Criterion(id="a", title_id="A", title_en="A",
    ...                                     scale=Scale.likert(5)),))
    >>> score(rubric, Response(rubric="r", subject_kind=SubjectKind.SESSION, subject="S1",
    ...                        rater="R1", ratings={"a": 4})).value
    75.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from birokrasi_retreat import _privacy
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import (
    Band,
    Normalisation,
    Phase,
    Response,
    Rubric,
    SubjectKind,
)
from birokrasi_retreat.scoring._stats import round_half_up


if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from birokrasi_retreat.rubric import Criterion, Scale


__all__ = ["CriterionScore", "Score", "score"]


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
