"""Notebook: the library's results as pandas DataFrames and matplotlib pictures.

For the data people who read a retreat's figures in a notebook. `to_frame` turns a
result into a `pandas.DataFrame`: the `Scores` of `scoring.score_many` (one row per
response), the groups of `scoring.aggregate`, a validation `Report` (one row per
finding), a `FollowUpStatus` (one row per unit) and an `Evaluation` (one row per figure
of each level). `plot_aggregates` draws groups as bars with their confidence
intervals and the rubric's bands; `plot_follow_up` draws each unit's commitments by
outcome.

pandas and matplotlib are optional: install them with the ``notebook`` extra
(``pip install "birokrasi-retreat[notebook]"``). This module imports them on first use;
without them its functions raise an ``ImportError`` that says how to install them.

Personal data stays out: group keys and subjects that may be a NIP or NIK (a run of 16
digits or more) are starred but for their last three digits, as in the command line's
reports, and findings carry only masked numbers.

Examples:
    >>> from birokrasi_retreat import notebook, rubrics, samples
    >>> from birokrasi_retreat.scoring import aggregate, score_many
    >>> malang = samples.load("malang")
    >>> sessions = [r for r in malang.responses if r.subject_kind == "session"]
    >>> scores = score_many(rubrics.load("reaction"), sessions)
    >>> table = notebook.to_frame(aggregate(scores, by="subject"))
    >>> print(table.loc[:2, ["key", "n", "value", "ci_low", "ci_high"]].to_string(index=False))
          key  n  value  ci_low  ci_high
    apel-buka 87  81.59   79.22    83.97
      diskusi 91  83.26   80.84    85.68
      fisik-1 85  77.82   75.65    79.99
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from birokrasi_retreat import _privacy
from birokrasi_retreat.errors import InvalidComponent, InvalidType
from birokrasi_retreat.followup import Evaluation, FollowUpStatus
from birokrasi_retreat.messages import render
from birokrasi_retreat.scoring import Aggregate, ScoreArray, Scores
from birokrasi_retreat.validation import Report


if TYPE_CHECKING:
    import pandas as pd

    from matplotlib.axes import Axes

    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.rubric import Rubric


__all__ = ["plot_aggregates", "plot_follow_up", "to_frame"]

_AGGREGATE_COLUMNS = (
    "key",
    "n",
    "value",
    "mean",
    "median",
    "sd",
    "min",
    "max",
    "ci_low",
    "ci_high",
    "suppressed",
)
_FINDING_COLUMNS = ("code", "severity", "path", "message", "subjects", "source")
_FIGURE_COLUMNS = ("level", "name", "n", "figure", "value")
_OUTCOMES = ("done_on_time", "done_late", "overdue", "open", "dropped")
# Colour-blind-safe (Okabe-Ito): good outcomes blue and green, bad ones orange, neutral grey.
_OUTCOME_COLOURS = ("#0072B2", "#56B4E9", "#E69F00", "#999999", "#DDDDDD")
_SUPPORTED = "Scores, ScoreArray, a sequence of Aggregate, Report, FollowUpStatus or Evaluation"


def _missing(package: str) -> ImportError:
    return ImportError(render("notebook.missing", "en", {"package": package}))


def _check_lang(lang: object) -> None:
    if lang not in ("id", "en"):
        raise InvalidComponent("notebook.language", path="lang", language=str(lang))


def _is_aggregates(value: object) -> bool:
    # Text is a sequence too: "" must not pass for an empty list of groups.
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        return False
    return all(isinstance(item, Aggregate) for item in value)


def _aggregates(value: object) -> Sequence[Aggregate]:
    if not _is_aggregates(value):
        raise InvalidType(
            "data.type", path="groups", expected="sequence of Aggregate", got=type(value).__name__
        )
    return cast("Sequence[Aggregate]", value)


def _key(key: object) -> str:
    return _privacy.redact(str(key))


def to_frame(result: object, *, lang: Lang = "id") -> pd.DataFrame:
    """Tabel: a result of the library as a `pandas.DataFrame`, one row per item.

    * `Scores` (from `scoring.score_many`): a row per response; ``rubric``,
      ``subject_kind``, ``subject``, ``rater``, ``phase``, ``value``, ``band``.
    * `ScoreArray` (from `scoring.score_array`): a row per row of ratings; ``value``,
      ``band``.
    * a sequence of `Aggregate` (from `scoring.aggregate`): a row per group; ``key``,
      ``n``, ``value``, ``mean``, ``median``, ``sd``, ``min``, ``max``, ``ci_low``,
      ``ci_high``, ``suppressed``.
    * `validation.Report`: a row per finding; ``code``, ``severity``, ``path``,
      ``message`` (in ``lang``), ``subjects``, ``source``.
    * `followup.FollowUpStatus`: a row per unit; the columns of `FollowUpStatus.rows`.
    * `followup.Evaluation`: a row per figure of each level; ``level``, ``name``,
      ``n``, ``figure``, ``value`` (as the report writes them, in ``lang``).

    Subjects, raters and group keys that may be a NIP or NIK are starred but for their
    last three digits. Suppressed groups keep their row with empty statistics, so that a
    reader sees that they exist.

    Args:
        result: What to tabulate.
        lang: ``"id"`` (default) or ``"en"``, for messages, names and figures.

    Returns:
        A new DataFrame; changing it changes nothing in ``result``.

    Raises:
        InvalidType: ``result`` is none of the types above (``data.type``).
        InvalidComponent: ``lang`` is neither ``"id"`` nor ``"en"``
            (``notebook.language``).
        ImportError: pandas is not installed.

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.validation import check
        >>> kendari = samples.load("kendari")
        >>> findings = to_frame(check(kendari.roster, on=kendari.as_of), lang="en")
        >>> findings["code"].value_counts().to_dict()
        {'ORG008': 14, 'ORG007': 5}
        >>> to_frame("a table")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.InvalidType: ... [data.type] @ $.result
    """
    _check_lang(lang)
    try:
        import pandas as pd  # noqa: PLC0415  (optional, imported on first use)
    except ImportError as error:
        raise _missing("pandas") from error
    if isinstance(result, ScoreArray):
        columns = result.to_columns()
        if isinstance(result, Scores):
            columns["subject"] = [_key(subject) for subject in columns["subject"]]
            columns["rater"] = [_key(rater) for rater in columns["rater"]]
        frame = pd.DataFrame(columns)
        frame["value"] = frame["value"].astype(float)
        return frame
    if isinstance(result, Report):
        rows = result.to_dict(lang=lang)["findings"]
        return pd.DataFrame(rows, columns=list(_FINDING_COLUMNS))
    if isinstance(result, FollowUpStatus):
        return pd.DataFrame(result.rows())
    if isinstance(result, Evaluation):
        figures = [
            (level.level, level.name(lang), level.n, label, value)
            for level in result.levels
            for label, value in level._figures(lang)  # noqa: SLF001  (the report's own figures)
        ]
        return pd.DataFrame(figures, columns=list(_FIGURE_COLUMNS))
    if _is_aggregates(result):
        groups = [
            (_key(group.key), *(getattr(group, name) for name in _AGGREGATE_COLUMNS[1:]))
            for group in cast("Sequence[Aggregate]", result)
        ]
        return pd.DataFrame(groups, columns=list(_AGGREGATE_COLUMNS))
    raise InvalidType("data.type", path="result", expected=_SUPPORTED, got=type(result).__name__)


def _axes(ax: Axes | None, rows: int) -> Axes:
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415  (optional, imported on first use)
    except ImportError as error:
        raise _missing("matplotlib") from error
    _, axes = plt.subplots(figsize=(9.0, 1.6 + 0.3 * max(rows, 1)), layout="constrained")
    return axes


def plot_aggregates(
    groups: Sequence[Aggregate],
    *,
    rubric: Rubric | None = None,
    ax: Axes | None = None,
    lang: Lang = "id",
    title: str | None = None,
) -> Axes:
    """Gambar: groups of `scoring.aggregate` as bars, with confidence intervals and bands.

    One horizontal bar per group, in the order given, at the group's value on 0-100,
    with its 95 % confidence interval as an error bar where there is one. A suppressed
    group keeps its place as an empty, hatched bar labelled with its n, so the picture
    never hides that a group exists, nor shows its value. With a ``rubric``, a dotted
    line marks the lower bound of each of its bands, labelled with the band's code.

    Args:
        groups: The groups, as `scoring.aggregate` returns them.
        rubric: The rubric whose bands to draw, or None.
        ax: The matplotlib axes to draw on; None makes a new figure sized to the groups.
        lang: ``"id"`` (default) or ``"en"``, for the axis and the suppressed groups.
        title: The axes' title, or None.

    Returns:
        The axes drawn on.

    Raises:
        InvalidType: ``groups`` is not a sequence of `Aggregate` (``data.type``).
        InvalidComponent: ``lang`` is neither ``"id"`` nor ``"en"``
            (``notebook.language``).
        ImportError: matplotlib is not installed.

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import rubrics, samples
        >>> from birokrasi_retreat.scoring import aggregate, score_many
        >>> malang = samples.load("malang")
        >>> speaker = rubrics.load("speaker")
        >>> scores = score_many(speaker, [r for r in malang.responses if r.rubric == "speaker"])
        >>> ax = plot_aggregates(aggregate(scores), rubric=speaker, lang="en")
        >>> len(ax.patches), ax.get_xlabel(), [float(x) for x in ax.get_xlim()]
        (4, 'Score (0-100)', [0.0, 100.0])
    """
    _check_lang(lang)
    groups = _aggregates(groups)
    axes = _axes(ax, len(groups))
    positions = range(len(groups))
    values = [0.0 if g.value is None else g.value for g in groups]
    bars = axes.barh(positions, values, color="#0072B2")
    for bar, group in zip(bars, groups, strict=True):
        value = group.value
        if value is None:  # suppressed: aggregate leaves a value out for those only
            bar.set_width(100.0)
            bar.set_facecolor("none")
            bar.set_edgecolor("#999999")
            bar.set_hatch("//")
            axes.text(
                50.0,
                bar.get_y() + bar.get_height() / 2,
                render("notebook.suppressed", lang, {"n": group.n}),
                ha="center",
                va="center",
                fontsize="small",
            )
        elif group.ci_low is not None and group.ci_high is not None:
            axes.errorbar(
                value,
                bar.get_y() + bar.get_height() / 2,
                xerr=[[value - group.ci_low], [group.ci_high - value]],
                color="black",
                capsize=3,
            )
    if rubric is not None:
        for band in rubric.bands:
            axes.axvline(band.lower, color="#666666", linestyle=":", linewidth=1)
            axes.text(
                band.lower,
                1.0,
                f" {band.code}",
                transform=axes.get_xaxis_transform(),
                va="bottom",
                fontsize="small",
            )
    axes.set_yticks(list(positions), [_key(g.key) for g in groups])
    axes.invert_yaxis()
    axes.set_xlim(0.0, 100.0)
    axes.set_xlabel(render("notebook.score", lang))
    if title is not None:
        axes.set_title(title, pad=14)
    return axes


def plot_follow_up(status: FollowUpStatus, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Gambar: each unit's commitments by outcome on the status date, as stacked bars.

    One horizontal bar per unit with commitments, in the status's order: done on time,
    done late, overdue, not yet due and dropped, coloured for readers with colour-blind
    vision too. A unit never visited after the retreat is starred in its label.

    Args:
        status: The status, as `followup.follow_up_status` returns it.
        ax: The matplotlib axes to draw on; None makes a new figure sized to the units.
        lang: ``"id"`` (default) or ``"en"``, for the legend and the axis.

    Returns:
        The axes drawn on.

    Raises:
        InvalidType: ``status`` is not a `FollowUpStatus` (``data.type``).
        InvalidComponent: ``lang`` is neither ``"id"`` nor ``"en"``
            (``notebook.language``).
        ImportError: matplotlib is not installed.

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.followup import follow_up_status
        >>> kendari = samples.load("kendari")
        >>> status = follow_up_status(kendari.retreat, kendari.follow_up.commitments,
        ...                           kendari.follow_up.visits, on=kendari.as_of)
        >>> ax = plot_follow_up(status, lang="en")
        >>> [text.get_text() for text in ax.get_legend().get_texts()][:3]
        ['done on time', 'done late', 'overdue']
    """
    _check_lang(lang)
    if not isinstance(status, FollowUpStatus):
        raise InvalidType(
            "data.type", path="status", expected="FollowUpStatus", got=type(status).__name__
        )
    units = [unit for unit in status.units if unit.commitments]
    axes = _axes(ax, len(units))
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415  (present with the axes)

    positions = range(len(units))
    left = [0] * len(units)
    for outcome, colour in zip(_OUTCOMES, _OUTCOME_COLOURS, strict=True):
        counts = [getattr(unit, outcome) for unit in units]
        axes.barh(
            positions,
            counts,
            left=left,
            color=colour,
            label=render(f"notebook.{outcome}", lang),
        )
        left = [before + count for before, count in zip(left, counts, strict=True)]
    labels = [f"{unit.name or unit.unit}{' *' if unit.never_visited else ''}" for unit in units]
    axes.set_yticks(list(positions), labels)
    axes.invert_yaxis()
    axes.set_xlabel(render("notebook.commitments", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    # Above the axes, so that it never hides a bar; a title needs a pad to clear it.
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=3,
        fontsize="small",
        title=render("notebook.never_visited", lang),
        alignment="left",
        frameon=False,
    )
    return axes
