"""Aggregates: `aggregate` and `Aggregate`, with small groups suppressed.

This module owns the grouping of scores (by a `Score` attribute, a mapping from subject
to group, or a function), the per-group summary (n, mean, median, sd, range, Student-t
interval, the rubric's `Aggregation`) and the suppression of groups smaller than the
reporting threshold (UU 27/2022). The statistics themselves live in `_stats`; given the
`Scores` of `score_many`, the values are grouped column by column.

Examples:
    >>> from birokrasi_retreat.rubric import Phase, SubjectKind
    >>> scores = [Score(rubric="r", subject_kind=SubjectKind.SESSION, subject="S1",
    ...                 rater=f"R{i}", phase=Phase.POST, value=v, band=None, breakdown=())
    ...           for i, v in enumerate((70.0, 80.0, 90.0))]
    >>> [(a.key, a.n, a.mean) for a in aggregate(scores)]
    [('S1', 3, 80.0)]
"""

from __future__ import annotations

import math
import operator

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Final, cast

import attrs

from birokrasi_retreat import _privacy
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import Aggregation, Response
from birokrasi_retreat.scoring._bulk import Scores
from birokrasi_retreat.scoring._exact import Score  # noqa: TC001 (the examples build Scores)
from birokrasi_retreat.scoring._stats import describe, mean_ci, round_half_up


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import numpy as np

    from numpy.typing import NDArray


__all__ = ["Aggregate", "aggregate"]

# The Score attributes `aggregate` groups by when given a name.
_GROUP_FIELDS: Final = ("phase", "rater", "rubric", "subject", "subject_kind")

# A trimmed mean drops under half of each tail (the bound of Rubric.trim).
_MAX_TRIM: Final = 0.5


def _key_repr(key: object) -> str:
    # A group key may be a participant's NIP (by="subject"): masked as in Response.
    return _privacy.redacted_repr(key) if isinstance(key, str) else repr(key)


@attrs.frozen(kw_only=True)
class Aggregate:
    """Summary of the scores of one group (a participant, an OPD, a session...).

    Statistics are rounded half-up to 2 decimals, like the scores. A group with fewer
    scores than the reporting threshold is suppressed: its statistics are None, so that
    no individual can be singled out (UU 27/2022, sources: uu-pdp).

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
