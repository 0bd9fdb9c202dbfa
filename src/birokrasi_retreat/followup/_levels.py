"""The results of a four-level (Kirkpatrick) evaluation, and how they render.

`birokrasi_retreat.followup.evaluate` builds an `Evaluation` from these types: a
`Reaction`, a `Learning`, a `Behaviour`, a `Results` and a `ReturnOnInvestment` (each a
`LevelResult`), made of `Rating`, `PairedChange`, `UnitChange`, `Completion`,
`ReviewCounts` and `IndicatorChange` values. They hold aggregates only, never a
participant's score, NIP or rater, and render as text, Markdown, HTML and a plain,
JSON-ready dict in Indonesian or English, numbers written the language's way
(`birokrasi_retreat.messages.format_number`).
"""

from __future__ import annotations

import enum
import html
import math

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar, Final

import attrs
import pendulum

from birokrasi_retreat.findings import Finding
from birokrasi_retreat.followup._models import (
    Direction,
    Judgement,
)
from birokrasi_retreat.messages import format_number, render
from birokrasi_retreat.rubric import Band, Phase, SubjectKind
from birokrasi_retreat.scoring import (
    round_half_up,
)


if TYPE_CHECKING:
    from collections.abc import Sequence

    from birokrasi_retreat.messages import Lang


__all__ = [
    "Behaviour",
    "Completion",
    "Evaluation",
    "IndicatorChange",
    "Learning",
    "LevelResult",
    "PairedChange",
    "Rating",
    "Reaction",
    "Results",
    "ReturnOnInvestment",
    "ReviewCounts",
    "UnitChange",
]

_DASH: Final = "–"
# A rendered list of suppressed groups or of units shows this many, then a count.
_LISTED: Final = 12

# --------------------------------------------------------------------------- helpers


def _t(code: str, lang: Lang, **params: object) -> str:
    return render(code, lang, params)


def _number(value: float | None, lang: Lang, digits: int = 2) -> str:
    if value is None:
        return _DASH
    return format_number(value, lang, digits)


def _percent(value: float | None, lang: Lang) -> str:
    return _DASH if value is None else f"{_number(value, lang)}%"


def _rupiah(value: float | None, lang: Lang) -> str:
    if value is None:
        return _DASH
    return f"Rp {_number(value, lang, 0 if float(value).is_integer() else 2)}"


def _band(band: Band | None, lang: Lang) -> str:
    if band is None:
        return _DASH
    label = band.label_en if lang == "en" else band.label_id
    # A code that only spells the label ("sangat_baik") is not shown twice.
    if band.code == band.label_id.lower().replace(" ", "_"):
        return label
    return f"{band.code} ({label})"


def _listing(keys: Sequence[str], lang: Lang) -> str:
    """The first keys of a long list, then how many more (the dict keeps them all)."""
    shown = ", ".join(keys[:_LISTED])
    if len(keys) <= _LISTED:
        return shown
    return f"{shown} {_t('kirkpatrick.label.more', lang, count=len(keys) - _LISTED)}"


def _phase(phase: Phase, lang: Lang) -> str:
    return {
        Phase.PRE: _t("kirkpatrick.phase.pre", lang),
        Phase.POST: _t("kirkpatrick.phase.post", lang),
        Phase.FOLLOW_UP: _t("kirkpatrick.phase.follow_up", lang),
    }[phase]


def _exact(value: float) -> Fraction:
    """The number as written: an int exactly, a float by its shortest repr (0.1 is 1/10)."""
    # float() first: a float subclass (NumPy's float64) may have another repr.
    return Fraction(value) if isinstance(value, int) else Fraction(repr(float(value)))


def _mean(values: Sequence[float]) -> float:
    return round_half_up(math.fsum(values) / len(values))


def _plain(value: object) -> object:
    """A JSON-ready copy: enums by value, dates in ISO form, attrs objects as dicts."""
    cls = type(value)
    plain: object = value
    if isinstance(value, enum.Enum):
        plain = value.value
    elif isinstance(value, pendulum.Date):
        plain = value.isoformat()
    elif isinstance(value, Finding):
        plain = {
            "code": value.code,
            "params": _plain(value.params),
            "message": {"id": value.message("id"), "en": value.message("en")},
            "subjects": list(value.subjects),
            "source": value.source,
        }
    elif attrs.has(cls):
        plain = {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(cls)}
    elif isinstance(value, Mapping):
        plain = {str(key): _plain(item) for key, item in value.items()}
    elif isinstance(value, tuple | list):
        plain = [_plain(item) for item in value]
    return plain


@attrs.frozen
class _Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


# --------------------------------------------------------------------------- results


@attrs.frozen(kw_only=True)
class Rating:
    """Penilaian reaksi: the level-1 rating of one group (a session, a speaker, the retreat).

    Attributes:
        kind: What was rated: a session, a speaker or the retreat.
        key: Its id (session id, speaker id or retreat id).
        label: Its title or name from the retreat, or the id when the retreat lacks it.
        n: The number of responses about it.
        value: The group's score on 0-100 (the rubric's aggregation), or None when
            suppressed.
        band: The rubric's band for ``value``, or None (suppressed, or no bands).
        suppressed: Whether ``n`` is below the reporting threshold.

    Added in version 0.1.

    Examples:
        >>> Rating(kind=SubjectKind.SESSION, key="apel", label="Apel pagi", n=2,
        ...        value=None, band=None, suppressed=True).suppressed
        True
    """

    kind: SubjectKind
    key: str
    label: str
    n: int
    value: float | None
    band: Band | None
    suppressed: bool


@attrs.frozen(kw_only=True)
class UnitChange:
    """Perubahan per unit: the paired change of the participants of one unit.

    Attributes:
        unit: The unit's id in the roster, or None for participants whose unit is unknown.
        name: The unit's name in the roster, or None.
        n: The number of paired participants of the unit.
        mean_before: Their mean score before, or None when suppressed.
        mean_after: Their mean score after, or None when suppressed.
        mean_change: Their mean change, or None when suppressed.
        suppressed: Whether ``n`` is below the reporting threshold.

    Added in version 0.1.

    Examples:
        >>> UnitChange(unit="dinkes", name="Dinas Kesehatan", n=4, mean_before=60.0,
        ...            mean_after=70.0, mean_change=10.0, suppressed=False).mean_change
        10.0
    """

    unit: str | None
    name: str | None
    n: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    suppressed: bool


@attrs.frozen(kw_only=True)
class PairedChange:
    """Perubahan berpasangan: participants' scores on one rubric in two phases, paired.

    Attributes:
        rubric: The rubric's id.
        before: The earlier phase (pre).
        after: The later phase (post for learning, follow-up for behaviour).
        n: The number of participants with a score in both phases.
        only_before: Participants with a score before only.
        only_after: Participants with a score after only.
        mean_before: The paired participants' mean score before (0-100), or None when
            suppressed.
        mean_after: Their mean score after, or None when suppressed.
        mean_change: Their mean change (after - before), or None when suppressed.
        band_before: The rubric's band of ``mean_before``, or None.
        band_after: The rubric's band of ``mean_after``, or None.
        gain: Hake's average normalised gain <g> (maximum 100), or None when suppressed
            or undefined (every score before already 100).
        effect_size: Cohen's d_z of the pairs, or None when suppressed or undefined
            (fewer than two pairs, or every change the same).
        suppressed: Whether ``n`` is below the reporting threshold.
        units: The change per unit (only with a roster), by unit id.

    Added in version 0.1.

    Examples:
        >>> change = PairedChange(rubric="berakhlak", before=Phase.PRE, after=Phase.POST,
        ...                       n=2, only_before=0, only_after=1, mean_before=None,
        ...                       mean_after=None, mean_change=None, band_before=None,
        ...                       band_after=None, gain=None, effect_size=None,
        ...                       suppressed=True)
        >>> change.suppressed, change.units
        (True, ())
    """

    rubric: str
    before: Phase
    after: Phase
    n: int
    only_before: int
    only_after: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    band_before: Band | None
    band_after: Band | None
    gain: float | None
    effect_size: float | None
    suppressed: bool
    units: tuple[UnitChange, ...] = ()


@attrs.frozen(kw_only=True)
class Completion:
    """Penyelesaian rencana aksi: where the retreat's commitments stand on a date.

    ``due = done_on_time + done_late + overdue`` and ``total = due + not_yet_due +
    dropped``.

    Attributes:
        on: The reference date.
        total: The retreat's commitments.
        due: Those fallen due on ``on``: not dropped, and due before it, or due on it
            and done (the same count as `birokrasi_retreat.followup.follow_up_status`).
        done_on_time: Due ones done on or before their due date.
        done_late: Due ones done after their due date.
        overdue: Due ones not done (their due date is before ``on``, as for FUP003).
        dropped: Those dropped on ``on`` (no longer due).
        not_yet_due: Those due after ``on``, or due on it and not yet done (and not
            dropped).
        done_ahead: Of those not yet due, the ones already done.
        rate: ``done_on_time / due × 100``, or None when nothing is due.

    Added in version 0.1.

    Examples:
        >>> Completion(on=pendulum.Date(2025, 9, 1), total=5, due=4, done_on_time=2,
        ...            done_late=1, overdue=1, dropped=1, not_yet_due=0, done_ahead=0,
        ...            rate=50.0).rate
        50.0
    """

    on: pendulum.Date
    total: int
    due: int
    done_on_time: int
    done_late: int
    overdue: int
    dropped: int
    not_yet_due: int
    done_ahead: int
    rate: float | None


@attrs.frozen(kw_only=True)
class ReviewCounts:
    """Penilaian kunjungan monitoring: the latest judgement of each reviewed commitment.

    Attributes:
        reviewed: Commitments judged on at least one monitoring visit.
        below: Latest judgement "kurang" (below the plan).
        as_planned: Latest judgement "sesuai" (as planned).
        exceeding: Latest judgement "melampaui" (exceeding the plan).

    Added in version 0.1.

    Examples:
        >>> ReviewCounts(reviewed=3, below=1, as_planned=1, exceeding=1).reviewed
        3
    """

    reviewed: int
    below: int
    as_planned: int
    exceeding: int


@attrs.frozen(kw_only=True)
class IndicatorChange:
    """Perubahan indikator: one unit indicator before and after the retreat.

    Attributes:
        id: The indicator's id.
        unit: The unit's id.
        unit_name: The unit's name in the roster, or None (no roster, or unknown unit).
        name: What is measured.
        direction: Which way is better.
        measure: The unit of measure, if any.
        before: The value before.
        after: The value after.
        change: ``after - before``, on the numbers as written.
        relative_change: ``change / |before| × 100``, or None when ``before`` is 0.
        improved: True when it moved the better way, False the worse way, None when it
            did not move.
        source: Where the values come from.

    Added in version 0.1.

    Examples:
        >>> IndicatorChange(id="i1", unit="dukcapil", unit_name=None, name="Waktu layanan",
        ...                 direction=Direction.LOWER, measure="menit", before=90, after=60,
        ...                 change=-30.0, relative_change=-33.33, improved=True,
        ...                 source="SKM").improved
        True
    """

    id: str
    unit: str
    unit_name: str | None
    name: str
    direction: Direction
    measure: str | None
    before: float
    after: float
    change: float
    relative_change: float | None
    improved: bool | None
    source: str


@attrs.frozen(kw_only=True)
class LevelResult:
    """Hasil satu level: what every level of an `Evaluation` states.

    Attributes:
        level: The level's number, 1 to 5 (a class attribute of each level).
        n: The number of observations the level rests on (see each level).
        suppressed: The groups withheld because they were smaller than the reporting
            threshold, as ``"<kind>:<id>"`` (``"session:apel"``, ``"unit:dinkes"``,
            ``"participants"`` for a whole cohort).
        missing: What keeps a figure from being computed, as INFO findings with a
            message in both languages; empty when the level is complete.

    Added in version 0.1.

    Examples:
        >>> Reaction.level, Results.level
        (1, 4)
        >>> Learning(n=0, rubric="berakhlak", change=None).name("en")
        'Learning'
    """

    level: ClassVar[int]
    _name: ClassVar[str]

    n: int
    suppressed: tuple[str, ...] = ()
    missing: tuple[Finding, ...] = ()

    def name(self, lang: Lang = "id") -> str:
        """The level's name in Indonesian (default) or English.

        Examples:
            >>> Behaviour(n=0, rubric="berakhlak", change=None).name()
            'Perilaku'
        """
        return render(self._name, lang)

    def to_dict(self) -> dict[str, object]:
        """Return the level as a plain, JSON-ready dict (aggregates only, no NIP).

        Enums become their values, dates ISO strings, bands and other results dicts;
        each missing figure carries its code, parameters and both messages.

        Examples:
            >>> data = ReturnOnInvestment(n=1, costs=100, benefits=150, roi=50.0).to_dict()
            >>> data["level"], data["name"]["en"], data["roi"]
            (5, 'Return on investment (ROI, Phillips)', 50.0)
        """
        data: dict[str, object] = {
            "level": self.level,
            "name": {"id": self.name("id"), "en": self.name("en")},
        }
        plain = _plain(self)
        assert isinstance(plain, dict)  # noqa: S101  (an attrs object becomes a dict)
        data.update(plain)
        return data

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _tables(self, lang: Lang) -> list[_Table]:
        del lang
        return []


@attrs.frozen(kw_only=True)
class Reaction(LevelResult):
    """Level 1, reaksi (reaction): how the participants rated the retreat.

    ``n`` is the number of responses counted (sessions, retreat and speakers).

    Attributes:
        rubric: The reaction rubric's id.
        speaker_rubric: The speaker rubric's id.
        overall: The rating of the retreat as a whole, or None without responses.
        sessions: The rating per session, in agenda order (unknown sessions last).
        speakers: The rating per speaker, in the retreat's order (unknown ones last).

    Added in version 0.1.

    Examples:
        >>> Reaction(n=0, rubric="reaction", speaker_rubric="speaker", overall=None).level
        1
    """

    level: ClassVar[int] = 1
    _name: ClassVar[str] = "kirkpatrick.level.reaction"

    rubric: str
    speaker_rubric: str
    overall: Rating | None
    sessions: tuple[Rating, ...] = ()
    speakers: tuple[Rating, ...] = ()

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        if self.overall is None:
            return []
        return [
            (_t("kirkpatrick.label.overall", lang, n=self.overall.n), _rating(self.overall, lang))
        ]

    def _tables(self, lang: Lang) -> list[_Table]:
        headers = (
            _t("kirkpatrick.label.id", lang),
            _t("kirkpatrick.label.name", lang),
            "n",
            _t("kirkpatrick.label.value", lang),
        )
        tables: list[_Table] = []
        for caption, ratings in (
            ("kirkpatrick.label.sessions", self.sessions),
            ("kirkpatrick.label.speakers", self.speakers),
        ):
            if ratings:
                rows = tuple(
                    (item.key, item.label, _number(item.n, lang, 0), _rating(item, lang))
                    for item in ratings
                )
                tables.append(_Table(_t(caption, lang), headers, rows))
        return tables


def _rating(item: Rating, lang: Lang) -> str:
    if item.suppressed:
        return _t("kirkpatrick.label.withheld", lang)
    text = _number(item.value, lang)
    return text if item.band is None else f"{text}, {_band(item.band, lang)}"


def _change_figures(change: PairedChange, lang: Lang) -> list[tuple[str, str]]:
    before, after = _phase(change.before, lang), _phase(change.after, lang)
    figures = [
        (_t("kirkpatrick.label.rubric", lang), change.rubric),
        (
            _t("kirkpatrick.label.pairs", lang, before=before, after=after),
            _number(change.n, lang, 0),
        ),
        (
            _t("kirkpatrick.label.unpaired", lang, before=before, after=after),
            f"{_number(change.only_before, lang, 0)} / {_number(change.only_after, lang, 0)}",
        ),
    ]
    if change.suppressed:
        return figures
    figures += [
        (
            _t("kirkpatrick.label.mean", lang, phase=before),
            f"{_number(change.mean_before, lang)}, {_band(change.band_before, lang)}",
        ),
        (
            _t("kirkpatrick.label.mean", lang, phase=after),
            f"{_number(change.mean_after, lang)}, {_band(change.band_after, lang)}",
        ),
        (_t("kirkpatrick.label.mean_change", lang), _number(change.mean_change, lang)),
        (_t("kirkpatrick.label.gain", lang), _number(change.gain, lang)),
        (_t("kirkpatrick.label.effect_size", lang), _number(change.effect_size, lang)),
    ]
    return figures


def _change_tables(change: PairedChange | None, lang: Lang) -> list[_Table]:
    if change is None or not change.units:
        return []
    headers = (
        _t("kirkpatrick.label.unit", lang),
        "n",
        _t("kirkpatrick.label.mean", lang, phase=_phase(change.before, lang)),
        _t("kirkpatrick.label.mean", lang, phase=_phase(change.after, lang)),
        _t("kirkpatrick.label.mean_change", lang),
    )
    rows = [
        (
            _unit_label(item.unit, item.name, lang),
            _number(item.n, lang, 0),
            _number(item.mean_before, lang),
            _number(item.mean_after, lang),
            _number(item.mean_change, lang),
        )
        for item in change.units
        if not item.suppressed
    ]
    hidden = [item.n for item in change.units if item.suppressed]
    if hidden:
        # The suppressed units share one row, so the table stays readable.
        withheld = _t("kirkpatrick.label.withheld", lang)
        label = _t("kirkpatrick.label.other_units", lang, count=len(hidden))
        rows.append((label, _number(sum(hidden), lang, 0), withheld, withheld, withheld))
    return [_Table(_t("kirkpatrick.label.units", lang), headers, tuple(rows))]


def _unit_label(unit: str | None, name: str | None, lang: Lang) -> str:
    if unit is None:
        return _t("kirkpatrick.label.no_unit", lang)
    return unit if name is None else f"{name} ({unit})"


@attrs.frozen(kw_only=True)
class Learning(LevelResult):
    """Level 2, pembelajaran (learning): the change from before to after the retreat.

    ``n`` is the number of paired participants.

    Attributes:
        rubric: The learning rubric's id.
        change: The paired change from the pre to the post phase, or None when no
            participant has a score in both.

    Added in version 0.1.

    Examples:
        >>> Learning(n=0, rubric="berakhlak", change=None).level
        2
    """

    level: ClassVar[int] = 2
    _name: ClassVar[str] = "kirkpatrick.level.learning"

    rubric: str
    change: PairedChange | None

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        return [] if self.change is None else _change_figures(self.change, lang)

    def _tables(self, lang: Lang) -> list[_Table]:
        return _change_tables(self.change, lang)


@attrs.frozen(kw_only=True)
class Behaviour(LevelResult):
    """Level 3, perilaku (behaviour): transfer to the job, months after the retreat.

    ``n`` is the number of paired participants; the commitments are counted in
    ``completion`` and ``reviews``.

    Attributes:
        rubric: The behaviour rubric's id.
        change: The paired change from the pre to the follow-up phase, or None when no
            participant has a score in both.
        completion: The commitments' completion on the reference date, or None (no
            date, or no commitments).
        reviews: The monitors' latest judgement per commitment, or None when no visit
            judged one of the retreat's commitments.

    Added in version 0.1.

    Examples:
        >>> Behaviour(n=0, rubric="berakhlak", change=None).level
        3
    """

    level: ClassVar[int] = 3
    _name: ClassVar[str] = "kirkpatrick.level.behaviour"

    rubric: str
    change: PairedChange | None
    completion: Completion | None = None
    reviews: ReviewCounts | None = None

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        figures = [] if self.change is None else _change_figures(self.change, lang)
        done = self.completion
        if done is not None:
            counts = (
                ("kirkpatrick.label.commitments", done.total),
                ("kirkpatrick.label.due", done.due),
                ("kirkpatrick.label.done_on_time", done.done_on_time),
                ("kirkpatrick.label.done_late", done.done_late),
                ("kirkpatrick.label.overdue", done.overdue),
                ("kirkpatrick.label.dropped", done.dropped),
                ("kirkpatrick.label.not_yet_due", done.not_yet_due),
                ("kirkpatrick.label.done_ahead", done.done_ahead),
            )
            on = done.on.isoformat()
            figures += [(_t(code, lang, on=on), _number(count, lang, 0)) for code, count in counts]
            figures.append((_t("kirkpatrick.label.completion", lang), _percent(done.rate, lang)))
        if self.reviews is not None:
            figures.append(
                (_t("kirkpatrick.label.reviewed", lang), _number(self.reviews.reviewed, lang, 0))
            )
            figures += [
                (
                    _t("kirkpatrick.label.judgement", lang, judgement=judgement.label(lang)),
                    _number(count, lang, 0),
                )
                for judgement, count in (
                    (Judgement.BELOW, self.reviews.below),
                    (Judgement.AS_PLANNED, self.reviews.as_planned),
                    (Judgement.EXCEEDING, self.reviews.exceeding),
                )
            ]
        return figures

    def _tables(self, lang: Lang) -> list[_Table]:
        return _change_tables(self.change, lang)


@attrs.frozen(kw_only=True)
class Results(LevelResult):
    """Level 4, hasil (results): the units' indicators before and after the retreat.

    ``n`` is the number of indicators.

    Attributes:
        indicators: Each indicator's change, by unit and id.
        improved: Indicators that moved the better way.
        worsened: Indicators that moved the worse way.
        unchanged: Indicators that did not move.

    Added in version 0.1.

    Examples:
        >>> Results(n=0).improved
        0
    """

    level: ClassVar[int] = 4
    _name: ClassVar[str] = "kirkpatrick.level.results"

    indicators: tuple[IndicatorChange, ...] = ()
    improved: int = 0
    worsened: int = 0
    unchanged: int = 0

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        if not self.indicators:
            return []
        return [
            (_t("kirkpatrick.label.improved", lang), _number(self.improved, lang, 0)),
            (_t("kirkpatrick.label.worsened", lang), _number(self.worsened, lang, 0)),
            (_t("kirkpatrick.label.unchanged", lang), _number(self.unchanged, lang, 0)),
        ]

    def _tables(self, lang: Lang) -> list[_Table]:
        if not self.indicators:
            return []
        headers = (
            _t("kirkpatrick.label.unit", lang),
            _t("kirkpatrick.label.indicator", lang),
            _t("kirkpatrick.label.direction", lang),
            _t("kirkpatrick.label.before", lang),
            _t("kirkpatrick.label.after", lang),
            _t("kirkpatrick.label.change", lang),
            _t("kirkpatrick.label.relative_change", lang),
            _t("kirkpatrick.label.verdict", lang),
        )
        rows = tuple(
            (
                _unit_label(item.unit, item.unit_name, lang),
                item.name if item.measure is None else f"{item.name} ({item.measure})",
                _direction(item.direction, lang),
                _number(item.before, lang),
                _number(item.after, lang),
                _number(item.change, lang),
                _percent(item.relative_change, lang),
                _verdict(item.improved, lang),
            )
            for item in self.indicators
        )
        return [_Table(_t("kirkpatrick.label.indicators", lang), headers, rows)]


def _direction(direction: Direction, lang: Lang) -> str:
    if direction is Direction.HIGHER:
        return _t("kirkpatrick.direction.higher", lang)
    return _t("kirkpatrick.direction.lower", lang)


def _verdict(improved: bool | None, lang: Lang) -> str:  # noqa: FBT001  (a tri-state value)
    if improved is None:
        return _t("kirkpatrick.label.unchanged", lang)
    return _t("kirkpatrick.label.improved" if improved else "kirkpatrick.label.worsened", lang)


@attrs.frozen(kw_only=True)
class ReturnOnInvestment(LevelResult):
    """Level 5 (Phillips), ROI: monetised benefits against the retreat's costs.

    ``ROI% = (benefits - costs) / costs × 100`` (sources: kirkpatrick; formula [U]: the
    standard form, not confirmed by the sources). ``n`` is 1 when the ROI is computed,
    else 0.

    Attributes:
        costs: The retreat's total costs in rupiah, if given.
        benefits: Its monetised benefits in rupiah, if given.
        roi: The ROI as a percentage, or None unless both are given.

    Added in version 0.1.

    Examples:
        >>> ReturnOnInvestment(n=0, costs=None, benefits=None, roi=None).level
        5
    """

    level: ClassVar[int] = 5
    _name: ClassVar[str] = "kirkpatrick.level.roi"

    costs: float | None
    benefits: float | None
    roi: float | None

    def _figures(self, lang: Lang) -> list[tuple[str, str]]:
        return [
            (_t("kirkpatrick.label.costs", lang), _rupiah(self.costs, lang)),
            (_t("kirkpatrick.label.benefits", lang), _rupiah(self.benefits, lang)),
            (_t("kirkpatrick.label.roi", lang), _percent(self.roi, lang)),
        ]


# --------------------------------------------------------------------------- report


@attrs.frozen(kw_only=True)
class Evaluation:
    """Evaluasi empat level: a retreat's Kirkpatrick report, levels 1-4 and Phillips' ROI.

    Attributes:
        retreat: The retreat's id.
        title: The retreat's title.
        threshold: The reporting threshold: smaller groups are suppressed.
        on: The reference date of the commitment figures, or None.
        reaction: Level 1.
        learning: Level 2.
        behaviour: Level 3.
        results: Level 4.
        roi: Level 5 (Phillips).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.followup import evaluate
        >>> report = evaluate(samples.load("kendari").retreat, [])
        >>> [finding.code for finding in report.behaviour.missing]
        ['kirkpatrick.missing.pairs', 'kirkpatrick.missing.commitments']
    """

    retreat: str
    title: str
    threshold: int
    on: pendulum.Date | None
    reaction: Reaction
    learning: Learning
    behaviour: Behaviour
    results: Results
    roi: ReturnOnInvestment

    @property
    def levels(self) -> tuple[LevelResult, ...]:
        """The five levels in order: reaction, learning, behaviour, results, ROI.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> data = samples.load("malang")
            >>> report = evaluate(data.retreat, data.responses,
            ...                   indicators=data.follow_up.indicators)
            >>> [(level.level, level.n) for level in report.levels]
            [(1, 1625), (2, 93), (3, 80), (4, 12), (5, 0)]
        """
        return (self.reaction, self.learning, self.behaviour, self.results, self.roi)

    def _head(self, lang: Lang) -> list[tuple[str, str]]:
        head = [
            (_t("kirkpatrick.label.retreat", lang), f"{self.title} ({self.retreat})"),
            (_t("kirkpatrick.label.threshold", lang), _number(self.threshold, lang, 0)),
        ]
        if self.on is not None:
            head.append((_t("kirkpatrick.label.on", lang), self.on.isoformat()))
        return head

    def _heading(self, level: LevelResult, lang: Lang) -> str:
        return _t(
            "kirkpatrick.label.heading",
            lang,
            level=level.level,
            name=level.name(lang),
            n=_number(level.n, lang, 0),
        )

    def _suppressed(self, lang: Lang) -> str:
        return _t("kirkpatrick.label.suppressed", lang, threshold=self.threshold)

    def to_text(self, lang: Lang = "id") -> str:
        """Render the report as plain text, in Indonesian (default) or English.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> text = evaluate(samples.load("kendari").retreat, []).to_text("en")
            >>> print(text.splitlines()[0])
            Four-level (Kirkpatrick) evaluation
        """
        lines = [_t("kirkpatrick.title", lang)]
        lines += [f"{label}: {value}" for label, value in self._head(lang)]
        for level in self.levels:
            lines += ["", self._heading(level, lang)]
            lines += [f"  {label}: {value}" for label, value in level._figures(lang)]  # noqa: SLF001
            for table in level._tables(lang):  # noqa: SLF001
                lines += ["", f"  {table.caption}", *_text_table(table)]
            if level.suppressed:
                lines.append(f"  {self._suppressed(lang)}: {_listing(level.suppressed, lang)}")
            if level.missing:
                lines.append(f"  {_t('kirkpatrick.label.missing', lang)}:")
                lines += [f"  - {finding.message(lang)}" for finding in level.missing]
        return "\n".join(lines) + "\n"

    def to_markdown(self, lang: Lang = "id") -> str:
        """Render the report as Markdown (CommonMark with pipe tables), all text escaped.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> text = evaluate(samples.load("kendari").retreat, []).to_markdown("en")
            >>> text.splitlines()[0]
            '# Four-level (Kirkpatrick) evaluation'
        """
        lines = [f"# {_md(_t('kirkpatrick.title', lang))}", ""]
        lines += [f"- **{_md(label)}**: {_md(value)}" for label, value in self._head(lang)]
        for level in self.levels:
            lines += ["", f"## {_md(self._heading(level, lang))}", ""]
            lines += [
                f"- **{_md(label)}**: {_md(value)}"
                for label, value in level._figures(lang)  # noqa: SLF001
            ]
            for table in level._tables(lang):  # noqa: SLF001
                lines += ["", f"**{_md(table.caption)}**", "", *_md_table(table)]
            if level.suppressed:
                withheld = _md(_listing(level.suppressed, lang))
                lines += ["", f"*{_md(self._suppressed(lang))}*: {withheld}"]
            if level.missing:
                lines += ["", f"*{_md(_t('kirkpatrick.label.missing', lang))}*:", ""]
                lines += [f"- {_md(finding.message(lang))}" for finding in level.missing]
        return "\n".join(lines) + "\n"

    def to_html(self, lang: Lang = "id") -> str:
        """Render the report as an HTML fragment (an ``<article>``), all text escaped.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> page = evaluate(samples.load("kendari").retreat, []).to_html("en")
            >>> page.splitlines()[0]
            '<article class="kirkpatrick" lang="en">'
        """
        esc = html.escape
        out = [
            f'<article class="kirkpatrick" lang="{esc(lang)}">',
            f"<h1>{esc(_t('kirkpatrick.title', lang))}</h1>",
            _html_list(self._head(lang)),
        ]
        for level in self.levels:
            out += [
                f'<section class="level" data-level="{level.level}">',
                f"<h2>{esc(self._heading(level, lang))}</h2>",
            ]
            figures = level._figures(lang)  # noqa: SLF001
            if figures:
                out.append(_html_list(figures))
            out += [_html_table(table) for table in level._tables(lang)]  # noqa: SLF001
            if level.suppressed:
                withheld = esc(_listing(level.suppressed, lang))
                label = esc(self._suppressed(lang))
                out.append(f'<p class="suppressed">{label}: {withheld}</p>')
            if level.missing:
                out.append(f'<p class="missing">{esc(_t("kirkpatrick.label.missing", lang))}:</p>')
                out.append(
                    '<ul class="missing">'
                    + "".join(f"<li>{esc(finding.message(lang))}</li>" for finding in level.missing)
                    + "</ul>"
                )
            out.append("</section>")
        out.append("</article>")
        return "\n".join(out) + "\n"

    def _repr_html_(self) -> str:
        """The HTML report in Indonesian: how Jupyter and other notebooks show it.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> report = evaluate(samples.load("kendari").retreat, [])
            >>> report._repr_html_() == report.to_html()
            True
        """
        return self.to_html()

    def to_dict(self) -> dict[str, object]:
        """Return the report as a plain, JSON-ready dict for services (aggregates only).

        Examples:
            >>> import json
            >>> from birokrasi_retreat import samples
            >>> from birokrasi_retreat.followup import evaluate
            >>> data = evaluate(samples.load("kendari").retreat, []).to_dict()
            >>> data["retreat"], [level["level"] for level in data["levels"]]
            ('kendari-2025', [1, 2, 3, 4, 5])
            >>> json.loads(json.dumps(data)) == data
            True
        """
        return {
            "retreat": self.retreat,
            "title": self.title,
            "threshold": self.threshold,
            "on": None if self.on is None else self.on.isoformat(),
            "levels": [level.to_dict() for level in self.levels],
        }


def _text_table(table: _Table) -> list[str]:
    widths = [
        max(len(row[column]) for row in (table.headers, *table.rows))
        for column in range(len(table.headers))
    ]

    def line(cells: tuple[str, ...]) -> str:
        return (
            "    "
            + "  ".join(
                cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
            ).rstrip()
        )

    return [line(table.headers), "    " + "  ".join("-" * width for width in widths)] + [
        line(row) for row in table.rows
    ]


# CommonMark lets a backslash escape any ASCII punctuation; these would otherwise
# start emphasis, code, links, HTML or a table cell.
_MD_SPECIAL: Final = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|#!~"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _md_table(table: _Table) -> list[str]:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(_md(cell) for cell in cells) + " |"

    return [line(table.headers), "|" + "---|" * len(table.headers)] + [
        line(row) for row in table.rows
    ]


def _html_list(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>" for label, value in items
    )
    return f"<dl>{body}</dl>"


def _html_table(table: _Table) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(cell)}</th>" for cell in table.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return (
        f"<table><caption>{esc(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
