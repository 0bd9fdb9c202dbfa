"""Strategies for rubrics and responses (re-exported by `birokrasi_retreat.strategies`).

`scales` and `rubrics` build valid instruments of every shape the models allow (any
integer range and step, labels and level descriptors on some points, weights from 0.01
to 100, bands from 0 upwards) that `birokrasi_retreat.scoring` can score; `responses`
answers a given rubric validly: every required criterion rated on its scale, optional
ones sometimes left out (never all of them), and no self-rating where the rubric forbids
it. `rubrics` (``ratio_below_zero``) and `responses` (``empty``) each have an option
for the corner that scoring refuses, for tests of those refusals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat.rubric import (
    Aggregation,
    Band,
    Criterion,
    Descriptor,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    ScaleLabel,
    SubjectKind,
)
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Sequence

    import pendulum


__all__ = ["responses", "rubrics", "scales"]

# Labels of points and levels: generic words in both languages, lowest to highest.
_LABELS: Final = (
    ("Tidak baik", "Poor"),
    ("Kurang baik", "Fair"),
    ("Cukup", "Adequate"),
    ("Baik", "Good"),
    ("Sangat baik", "Very good"),
    ("Tidak pernah", "Never"),
    ("Kadang-kadang", "Sometimes"),
    ("Selalu", "Always"),
)
_DESCRIPTORS: Final = (
    ("Belum menunjukkan perilaku ini.", "Does not yet show this behaviour."),
    ("Menunjukkan perilaku ini dengan arahan.", "Shows this behaviour with guidance."),
    ("Menunjukkan perilaku ini secara konsisten.", "Shows this behaviour consistently."),
    ("Menjadi teladan bagi orang lain.", "Is a role model for others."),
)
_TITLES: Final = (
    ("Relevansi materi", "Relevance of the material"),
    ("Penguasaan materi", "Mastery of the material"),
    ("Pengelolaan waktu", "Time management"),
    ("Sarana dan prasarana", "Facilities and infrastructure"),
    ("Kepuasan secara keseluruhan", "Overall satisfaction"),
    ("Bekerja dengan jujur dan disiplin", "Works honestly and with discipline"),
    ("Cepat menyesuaikan diri", "Adjusts quickly to change"),
)
_RUBRIC_TITLES: Final = (
    ("Evaluasi sesi", "Session evaluation"),
    ("Evaluasi narasumber", "Speaker evaluation"),
    ("Penilaian diri", "Self-assessment"),
    ("Survei kepuasan", "Satisfaction survey"),
)
_BAND_LABELS: Final = (
    ("Kurang", "Poor"),
    ("Cukup", "Fair"),
    ("Baik", "Good"),
    ("Sangat Baik", "Very good"),
    ("Memuaskan", "Satisfactory"),
)
_SOURCES: Final = ("", "ILLUSTRATIVE", "PermenPAN-RB 14/2017, sources: ikm")
_COMMENTS: Final = (
    "Materi sangat bermanfaat.",
    "Waktu diskusi kurang.",
    "Narasumber menguasai materi.",
    "Useful session.",
)
_GROUPS: Final = tuple(value.value for value in BerAkhlak)
_MAX_BANDS: Final = 5
# A band's lower bound in hundredths above 0, so bounds are 2-decimal values up to 100.
_HUNDREDTHS: Final = 10_000


def _check_range(name: str, low: int, high: int, *, floor: int) -> None:
    if low < floor:
        msg = f"{name}: the minimum ({low}) must be at least {floor}"
        raise InvalidArgument(msg)
    if low > high:
        msg = f"{name}: the minimum ({low}) is above the maximum ({high})"
        raise InvalidArgument(msg)


def _slugs(prefix: str = "") -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True).map(prefix.__add__)


def _subset(draw: st.DrawFn, items: Sequence[int]) -> list[int]:
    """Some of ``items`` (a subset, in order)."""
    chosen = draw(st.sets(st.sampled_from(items), max_size=len(items)))
    return [item for item in items if item in chosen]


@st.composite
def _scale(draw: st.DrawFn, min_points: int, max_points: int) -> Scale:
    count = draw(st.integers(min_value=min_points, max_value=max_points))
    low = draw(st.one_of(st.sampled_from((1, 0)), st.integers(min_value=-10, max_value=10)))
    step = draw(st.one_of(st.just(1), st.integers(min_value=1, max_value=25)))
    points = tuple(low + step * index for index in range(count))
    labels = tuple(
        ScaleLabel(value=value, label_id=label_id, label_en=label_en)
        for value in _subset(draw, points)
        for label_id, label_en in (draw(st.sampled_from(_LABELS)),)
    )
    return Scale(min_value=low, max_value=points[-1], step=step, labels=labels)


def scales(*, min_points: int = 2, max_points: int = 11) -> st.SearchStrategy[Scale]:
    """Generate rating scales (skala penilaian): any integer start, step and size.

    The start is often 0 or 1 (Likert), sometimes any integer from -10 to 10; the step
    is often 1, sometimes up to 25. Some points carry a label in both languages.

    Args:
        min_points: At least this many points (2 or more).
        max_points: At most this many points.

    Returns:
        A strategy for `Scale` values.

    Raises:
        InvalidArgument: If ``min_points`` is below 2 or above ``max_points``.

    Examples:
        >>> from hypothesis import given
        >>> @given(scales(min_points=4, max_points=5))
        ... def check(scale):
        ...     assert len(scale.points) in (4, 5)
        ...     assert all(scale.contains(label.value) for label in scale.labels)
        >>> check()
    """
    _check_range("scales: points", min_points, max_points, floor=2)
    return _scale(min_points, max_points)


def _weights() -> st.SearchStrategy[float]:
    return st.one_of(
        st.just(1.0),
        st.integers(min_value=1, max_value=10).map(float),
        st.floats(min_value=0.01, max_value=100.0),
    )


@st.composite
def _criterion(draw: st.DrawFn, criterion_id: str, scale: Scale) -> Criterion:
    title_id, title_en = draw(st.sampled_from(_TITLES))
    levels = tuple(
        Descriptor(value=value, descriptor_id=descriptor_id, descriptor_en=descriptor_en)
        for value in _subset(draw, scale.points)
        for descriptor_id, descriptor_en in (draw(st.sampled_from(_DESCRIPTORS)),)
    )
    return Criterion(
        id=criterion_id,
        title_id=title_id,
        title_en=title_en,
        weight=draw(_weights()),
        scale=scale,
        required=draw(st.booleans()),
        levels=levels,
        group=draw(st.one_of(st.none(), st.sampled_from(_GROUPS))),
    )


@st.composite
def _bands(draw: st.DrawFn) -> tuple[Band, ...]:
    above = draw(st.sets(st.integers(min_value=1, max_value=_HUNDREDTHS), max_size=_MAX_BANDS - 1))
    if not above and draw(st.booleans()):
        return ()
    lowers = [0.0, *(hundredths / 100 for hundredths in sorted(above))]
    return tuple(
        Band(code=f"b{index}", label_id=label_id, label_en=label_en, lower=lower)
        for index, lower in enumerate(lowers)
        for label_id, label_en in (draw(st.sampled_from(_BAND_LABELS)),)
    )


@st.composite
def _rubric(
    draw: st.DrawFn,
    min_criteria: int,
    max_criteria: int,
    scale_strategy: st.SearchStrategy[Scale],
    *,
    ratio_below_zero: bool,
) -> Rubric:
    ids = draw(st.lists(_slugs(), min_size=min_criteria, max_size=max_criteria, unique=True))
    shared = draw(scale_strategy) if draw(st.booleans()) else None
    criteria = tuple(
        draw(_criterion(criterion_id, draw(scale_strategy) if shared is None else shared))
        for criterion_id in ids
    )
    # x / max maps a scale onto 0..1 only from 0 up: scoring refuses ratio normalisation
    # of a scale that starts below 0 (scoring.ratio_scale), so it is drawn only on demand.
    below_zero = any(criterion.scale.min_value < 0 for criterion in criteria)
    normalisations = (
        list(Normalisation) if ratio_below_zero or not below_zero else [Normalisation.MIN_MAX]
    )
    title_id, title_en = draw(st.sampled_from(_RUBRIC_TITLES))
    return Rubric(
        id=draw(_slugs()),
        title_id=title_id,
        title_en=title_en,
        criteria=criteria,
        bands=draw(_bands()),
        normalisation=draw(st.sampled_from(normalisations)),
        aggregation=draw(st.sampled_from(Aggregation)),
        trim=draw(st.floats(min_value=0.0, max_value=0.5, exclude_max=True)),
        allow_self_rating=draw(st.booleans()),
        source=draw(st.sampled_from(_SOURCES)),
    )


def rubrics(
    *,
    min_criteria: int = 1,
    max_criteria: int = 8,
    scales: st.SearchStrategy[Scale] | None = None,
    ratio_below_zero: bool = False,
) -> st.SearchStrategy[Rubric]:
    """Generate evaluation rubrics (rubrik penilaian) of any valid shape.

    Criteria have unique ids, weights from 0.01 to 100, are required or not, carry
    level descriptors on some points and sometimes a BerAKHLAK group; they share one
    scale or each draw their own. Bands (none, or up to 5) start at 0 and rise in
    2-decimal steps up to 100. Every normalisation and aggregation occurs, but a rubric
    with a scale that starts below 0 uses min-max normalisation unless
    ``ratio_below_zero`` is set: `birokrasi_retreat.scoring` refuses ratio normalisation
    (x / max) of such a scale, so by default every generated rubric can be scored.

    Args:
        min_criteria: At least this many criteria (1 or more).
        max_criteria: At most this many criteria.
        scales: A strategy for the criteria's scales (default: `scales` with 2 to 11
            points).
        ratio_below_zero: Also generate ratio-normalised rubrics with a scale that
            starts below 0, which scoring refuses (``scoring.ratio_scale``).

    Returns:
        A strategy for `Rubric` values.

    Raises:
        InvalidArgument: If ``min_criteria`` is below 1 or above ``max_criteria``.

    Examples:
        >>> from hypothesis import given
        >>> @given(rubrics(max_criteria=3, scales=st.just(Scale.likert(4))))
        ... def check(rubric):
        ...     assert 1 <= len(rubric.criteria) <= 3
        ...     assert all(c.scale.points == (1, 2, 3, 4) for c in rubric.criteria)
        >>> check()
    """
    _check_range("rubrics: criteria", min_criteria, max_criteria, floor=1)
    scale_strategy = _scale(2, 11) if scales is None else scales
    return _rubric(min_criteria, max_criteria, scale_strategy, ratio_below_zero=ratio_below_zero)


def _rating(draw: st.DrawFn, scale: Scale) -> int:
    count = (scale.max_value - scale.min_value) // scale.step
    return scale.min_value + scale.step * draw(st.integers(min_value=0, max_value=count))


@st.composite
def _response(
    draw: st.DrawFn,
    rubric: Rubric,
    *,
    phases: st.SearchStrategy[Phase],
    raters: st.SearchStrategy[str],
    subject_kinds: st.SearchStrategy[SubjectKind],
    subjects: st.SearchStrategy[str],
    submitted: st.SearchStrategy[pendulum.DateTime | None],
    empty: bool,
) -> Response:
    rater = draw(raters)
    if rubric.allow_self_rating:
        subject = draw(subjects)
    else:
        subject = draw(subjects.filter(lambda candidate: candidate != rater))
    chosen = [criterion.required or draw(st.booleans()) for criterion in rubric.criteria]
    if not any(chosen) and not empty:
        # Every criterion is optional and none was drawn: scoring refuses a response
        # that rates nothing (scoring.no_answers), so one of them is rated.
        chosen[draw(st.integers(min_value=0, max_value=len(chosen) - 1))] = True
    ratings = {
        criterion.id: _rating(draw, criterion.scale)
        for criterion, rated in zip(rubric.criteria, chosen, strict=True)
        if rated
    }
    return Response(
        rubric=rubric.id,
        subject_kind=draw(subject_kinds),
        subject=subject,
        rater=rater,
        phase=draw(phases),
        ratings=ratings,
        submitted=draw(submitted),
        comment=draw(st.one_of(st.none(), st.sampled_from(_COMMENTS))),
    )


def responses(
    rubric: Rubric,
    *,
    phases: st.SearchStrategy[Phase] | None = None,
    raters: st.SearchStrategy[str] | None = None,
    subject_kinds: st.SearchStrategy[SubjectKind] | None = None,
    subjects: st.SearchStrategy[str] | None = None,
    submitted: st.SearchStrategy[pendulum.DateTime | None] | None = None,
    empty: bool = False,
) -> st.SearchStrategy[Response]:
    """Generate valid responses (jawaban) to ``rubric``.

    Every required criterion is rated with a point of its scale; each optional one is
    rated or left out, but at least one criterion is always rated unless ``empty`` is
    set (scoring refuses a response that rates nothing). Where the rubric forbids
    self-rating, the subject is never the rater.

    Args:
        rubric: The rubric answered.
        phases: A strategy for the phase (default: any).
        raters: A strategy for the pseudonymous rater ids (default: ``r-`` and a slug).
        subject_kinds: A strategy for the subject kind (default: any).
        subjects: A strategy for the subject ids (default: ``s-`` and a slug).
        submitted: A strategy for the submission time (default: always None).
        empty: Also generate responses that rate no criterion at all, where every
            criterion is optional (``scoring.no_answers``).

    Returns:
        A strategy for `Response` values.

    Raises:
        InvalidArgument: If ``rubric`` is not a `Rubric`.

    Examples:
        >>> from hypothesis import given
        >>> from birokrasi_retreat import rubrics as builtin
        >>> ikm = builtin.load("ikm")
        >>> @given(responses(ikm, phases=st.just(Phase.POST)))
        ... def check(response):
        ...     assert response.phase is Phase.POST and len(response.ratings) == 9
        ...     assert all(1 <= rating <= 4 for rating in response.ratings.values())
        >>> check()
    """
    given: object = rubric  # a runtime guard: callers may not be type-checked
    if not isinstance(given, Rubric):
        msg = f"responses: rubric must be a Rubric, not {type(given).__name__}"
        raise InvalidArgument(msg)
    return _response(
        rubric,
        phases=st.sampled_from(Phase) if phases is None else phases,
        raters=_slugs("r-") if raters is None else raters,
        subject_kinds=st.sampled_from(SubjectKind) if subject_kinds is None else subject_kinds,
        subjects=_slugs("s-") if subjects is None else subjects,
        submitted=st.none() if submitted is None else submitted,
        empty=empty,
    )
