"""Evaluasi empat level (Kirkpatrick four-level evaluation): what a retreat changed, level by level.

`evaluate` turns what was collected before, during and after a retreat into one
`Evaluation` with a result per level (REFERENCE.md 9):

1. `Reaction` (reaksi): how participants rated the sessions, the speakers and the retreat
   as a whole, on the reaction and speaker rubrics in the post phase, with the rubric's
   band for each group;
2. `Learning` (pembelajaran): the change on the learning rubric from the pre phase to the
   post phase, paired by subject: Hake's normalised gain and Cohen's d_z;
3. `Behaviour` (perilaku): the change on the behaviour rubric from the pre phase to the
   follow-up phase (paired likewise), the completion of the commitments (rencana aksi)
   on a reference date, and the monitors' latest judgement of each commitment (below /
   as planned / exceeding, the scale LAN uses for aksi perubahan, REFERENCE.md 8.4);
4. `Results` (hasil): the units' indicators before and after, counted as improved,
   worsened or unchanged with their direction taken into account, with each one's
   relative change;
5. `ReturnOnInvestment` (Phillips' ROI), optional: ``(benefits - costs) / costs × 100``
   when both are given in rupiah.

Every level states its ``n``, the groups it suppressed because they were smaller than
the reporting threshold (so that no individual can be singled out, UU 27/2022,
REFERENCE.md 12), and what is missing to compute it, as `birokrasi_retreat.findings.Finding`
s of severity INFO with a message in Indonesian and English. An `Evaluation` renders as
text, Markdown and HTML in either language, and as a plain, JSON-ready dict for
services. It holds aggregates only: no participant's score, NIP or rater appears in it.

Decisions recorded here:

* **No clock.** `evaluate` is a pure function. Commitment completion needs a reference
  date: without ``on`` it is reported as missing, never computed against today. With
  ``on``, the statuses and monitoring visits after that date are ignored.
* **Which responses count.** Level 1 uses the post-phase responses of the reaction
  rubric about a session (per session) or about this retreat (overall; a response
  about another retreat is ignored) and the post-phase responses of the speaker rubric
  about a speaker. Levels 2 and 3 use responses about participants only. Responses on
  other rubrics, about other kinds of subject or in other phases do not count; the
  responses that count must be valid for their rubric (`birokrasi_retreat.scoring`
  raises otherwise: run the EVA rules first).
* **Pairing.** A participant's several scores in one phase are combined the rubric's
  way (its aggregation and trim); the participant counts when they have a score in both
  phases, matched by the subject as written (the compact NIP, by the sample
  conventions). The cohort's figures are suppressed when fewer than ``threshold``
  participants are paired. With a roster, the pairs are also broken down by unit: the
  unit of the participant's first post (definitive before acting) on the retreat's
  first local day, each unit suppressed below the threshold.
* **Commitments** are those of this retreat (``Commitment.retreat``). On the reference
  date, a dropped commitment is no longer due (as the FUP rules treat it); one whose
  due date has passed (or is the reference date, once done) is done on time, done late
  or overdue, "done" dating from the first day of its last run of "done" changes up to
  that date; one due on the reference date and not yet done still has the day, as for
  FUP003. Completion is done on time over due, as a percentage. `follow_up_status`
  counts "due" the same way.
* **Indicators** all count; with a roster, the units of the retreat (those where the
  enrolled officials, neither excused nor absent, hold a post on its first local day)
  that have no indicator are listed as missing. Changes are computed on the numbers as
  written (``0.3 - 0.1`` is ``0.2``); the relative change is the change over the
  absolute value of ``before``, as a percentage, and undefined when ``before`` is 0.
* **Rounding.** Every figure is rounded once, half up, to 2 decimals
  (`birokrasi_retreat.scoring.round_half_up`), like the scores it comes from.
* **ROI** follows the standard form of the Phillips ROI formula; REFERENCE.md 9 marks
  the formula [U] (unconfirmed by the sources), and so does the report.

References:
    - Kirkpatrick's four levels and Phillips' ROI level (REFERENCE.md 9, source S14).
    - LAN, aksi perubahan: judgements kurang / sesuai / melampaui (REFERENCE.md 8.4).
    - UU 27/2022 on personal data protection: aggregates only (REFERENCE.md 12).

Examples:
    >>> from birokrasi_retreat import samples
    >>> retreat = samples.load("kendari").retreat
    >>> report = evaluate(retreat, [], costs=250_000_000, benefits=400_000_000)
    >>> [level.level for level in report.levels]
    [1, 2, 3, 4, 5]
    >>> report.roi.roi, report.reaction.n
    (60.0, 0)
    >>> print(report.reaction.missing[0].message("en"))
    No post-phase responses on the rubric "reaction" rate the retreat as a whole.
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

from birokrasi_retreat import rubrics as _rubrics
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidType,
    ScoringError,
    UnknownReferenceError,
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.followup._models import (
    CommitmentStatus,
    Direction,
    Judgement,
    check_date,
)
from birokrasi_retreat.followup._status import is_due
from birokrasi_retreat.messages import format_number, render
from birokrasi_retreat.retreat import EnrollmentStatus
from birokrasi_retreat.rubric import Band, Phase, Rubric, SubjectKind
from birokrasi_retreat.scoring import (
    aggregate,
    cohens_dz,
    normalized_gain,
    round_half_up,
    score_many,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from birokrasi_retreat.followup._models import Commitment, MonitoringVisit, UnitIndicator
    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.roster import Roster
    from birokrasi_retreat.rubric import Response
    from birokrasi_retreat.scoring import Aggregate, Score


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
    "evaluate",
]

# Scores live on 0-100 (birokrasi_retreat.scoring): the maximum for Hake's gain.
_MAX_SCORE: Final = 100
# An official excused or absent did not come: their units are not "of the retreat".
_AWAY: Final = frozenset({EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT})
# What the missing figures rest on (REFERENCE.md 9; 8.4 for the LAN judgements).
_SOURCE: Final = "Kirkpatrick, REFERENCE.md 9"
_SOURCE_ROI: Final = "Phillips ROI, REFERENCE.md 9 (formula [U], standard form)"
_DASH: Final = "–"
# A rendered list of suppressed groups or of units shows this many, then a count.
_LISTED: Final = 12


# --------------------------------------------------------------------------- helpers


def _t(code: str, lang: Lang, **params: object) -> str:
    return render(code, lang, params)


def _missing(
    code: str, *, source: str = _SOURCE, subjects: tuple[str, ...] = (), **params: object
) -> Finding:
    return Finding(
        code=code, severity=Severity.INFO, params=params, subjects=subjects, source=source
    )


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

    ``ROI% = (benefits - costs) / costs × 100`` (REFERENCE.md 9, formula [U]: the
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
            >>> Evaluation.levels.fget is not None
            True
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

    def to_dict(self) -> dict[str, object]:
        """Return the report as a plain, JSON-ready dict for services (aggregates only).

        Examples:
            >>> import json
            >>> from birokrasi_retreat import samples
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


# --------------------------------------------------------------------------- levels


def _aggregates(rubric: Rubric, scores: Sequence[Score], threshold: int) -> tuple[Aggregate, ...]:
    if not scores:
        return ()
    return aggregate(
        scores, by="subject", min_group=threshold, method=rubric.aggregation, trim=rubric.trim
    )


def _to_rating(
    item: Aggregate, kind: SubjectKind, rubric: Rubric, label: Callable[[str], str]
) -> Rating:
    key = str(item.key)
    return Rating(
        kind=kind,
        key=key,
        label=label(key),
        n=item.n,
        value=item.value,
        band=None if item.value is None else rubric.band_for(item.value),
        suppressed=item.suppressed,
    )


def _ordered(
    items: Iterable[Aggregate],
    kind: SubjectKind,
    rubric: Rubric,
    known: Sequence[tuple[str, str]],
) -> tuple[Rating, ...]:
    """Ratings in the retreat's order of ``known`` (id, label); unknown ids after, by id."""
    order = {key: index for index, (key, _) in enumerate(known)}
    labels = dict(known)
    ratings = [_to_rating(item, kind, rubric, lambda key: labels.get(key, key)) for item in items]
    ratings.sort(key=lambda rating: (order.get(rating.key, len(order)), rating.key))
    return tuple(ratings)


def _reaction(
    retreat: Retreat,
    table: Mapping[str, Rubric],
    by_rubric: Mapping[str, list[Response]],
    names: tuple[str, str],
    threshold: int,
) -> Reaction:
    reaction, speaker = names
    rubric, speaker_rubric = table[reaction], table[speaker]
    sessions: list[Response] = []
    overall: list[Response] = []
    for response in by_rubric.get(reaction, ()):
        if response.phase is not Phase.POST:
            continue
        if response.subject_kind is SubjectKind.SESSION:
            sessions.append(response)
        elif response.subject_kind is SubjectKind.RETREAT and response.subject == retreat.id:
            overall.append(response)
    speakers = [
        response
        for response in by_rubric.get(speaker, ())
        if response.phase is Phase.POST and response.subject_kind is SubjectKind.SPEAKER
    ]
    missing: list[Finding] = []
    rating: Rating | None = None
    if overall:
        (whole,) = _aggregates(rubric, score_many(rubric, overall), threshold)
        rating = _to_rating(whole, SubjectKind.RETREAT, rubric, lambda _: retreat.title)
    else:
        missing.append(_missing("kirkpatrick.missing.overall", rubric=reaction))
    per_session = _ordered(
        _aggregates(rubric, score_many(rubric, sessions), threshold),
        SubjectKind.SESSION,
        rubric,
        [(session.id, session.title) for session in retreat.sessions],
    )
    if not sessions:
        missing.append(_missing("kirkpatrick.missing.sessions", rubric=reaction))
    per_speaker = _ordered(
        _aggregates(speaker_rubric, score_many(speaker_rubric, speakers), threshold),
        SubjectKind.SPEAKER,
        speaker_rubric,
        [(person.id, person.name) for person in retreat.speakers],
    )
    if not speakers:
        missing.append(_missing("kirkpatrick.missing.speakers", rubric=speaker))
    groups = (
        [*per_session, *per_speaker] if rating is None else [rating, *per_session, *per_speaker]
    )
    return Reaction(
        n=len(sessions) + len(overall) + len(speakers),
        suppressed=tuple(f"{item.kind.value}:{item.key}" for item in groups if item.suppressed),
        missing=tuple(missing),
        rubric=reaction,
        speaker_rubric=speaker,
        overall=rating,
        sessions=per_session,
        speakers=per_speaker,
    )


def _per_subject(rubric: Rubric, responses: Sequence[Response]) -> dict[str, float]:
    """Each participant's score in one phase, their several scores combined the rubric's way."""
    return {
        str(item.key): item.value
        for item in _aggregates(rubric, score_many(rubric, responses), 1)
        if item.value is not None
    }


def _paired(
    rubric: Rubric,
    responses: Iterable[Response],
    phases: tuple[Phase, Phase],
    threshold: int,
    unit_of: Callable[[str], tuple[str, str | None] | None] | None,
) -> tuple[PairedChange | None, list[str], list[Finding]]:
    """The paired change between two phases, the suppressed groups and what is missing."""
    before, after = phases
    firsts: list[Response] = []
    lasts: list[Response] = []
    for response in responses:
        if response.subject_kind is SubjectKind.PARTICIPANT:
            if response.phase is before:
                firsts.append(response)
            elif response.phase is after:
                lasts.append(response)
    pre, post = _per_subject(rubric, firsts), _per_subject(rubric, lasts)
    subjects = sorted(pre.keys() & post.keys())
    n = len(subjects)
    if not n:
        return None, [], [_about("kirkpatrick.missing.pairs", rubric.id, phases)]
    units = _unit_changes(subjects, pre, post, threshold, unit_of)
    suppressed = [f"unit:{item.unit or '?'}" for item in units if item.suppressed]
    shown = n >= threshold
    xs = [pre[subject] for subject in subjects]
    ys = [post[subject] for subject in subjects]
    if shown:
        gain, effect, missing = _gain(xs, ys, rubric.id, phases)
    else:
        gain = effect = None
        missing = [
            _missing(
                "kirkpatrick.missing.few_pairs",
                rubric=rubric.id,
                before=before.value,
                after=after.value,
                n=n,
                threshold=threshold,
            )
        ]
        # The whole cohort is withheld, and with it every unit.
        suppressed.insert(0, "participants")
    mean_before = _mean(xs) if shown else None
    mean_after = _mean(ys) if shown else None
    change = PairedChange(
        rubric=rubric.id,
        before=before,
        after=after,
        n=n,
        only_before=len(pre) - n,
        only_after=len(post) - n,
        mean_before=mean_before,
        mean_after=mean_after,
        mean_change=_mean([y - x for x, y in zip(xs, ys, strict=True)]) if shown else None,
        band_before=None if mean_before is None else rubric.band_for(mean_before),
        band_after=None if mean_after is None else rubric.band_for(mean_after),
        gain=gain,
        effect_size=effect,
        suppressed=not shown,
        units=units,
    )
    return change, suppressed, missing


def _about(code: str, rubric: str, phases: tuple[Phase, Phase]) -> Finding:
    """A missing figure of a paired change: its rubric and phases are the parameters."""
    return _missing(code, rubric=rubric, before=phases[0].value, after=phases[1].value)


def _gain(
    xs: Sequence[float], ys: Sequence[float], rubric: str, phases: tuple[Phase, Phase]
) -> tuple[float | None, float | None, list[Finding]]:
    """Hake's <g> and Cohen's d_z, each None (and reported missing) where undefined."""
    missing: list[Finding] = []
    try:
        gain: float | None = round_half_up(normalized_gain(xs, ys, max_score=_MAX_SCORE).average)
    except ScoringError:
        # Every score before is already the maximum: there is no headroom to gain.
        gain = None
        missing.append(_about("kirkpatrick.missing.gain", rubric, phases))
    try:
        effect: float | None = round_half_up(cohens_dz(xs, ys))
    except ScoringError:
        # d_z needs two pairs and changes that are not all equal.
        effect = None
        missing.append(_about("kirkpatrick.missing.effect_size", rubric, phases))
    return gain, effect, missing


def _unit_changes(
    subjects: Sequence[str],
    pre: Mapping[str, float],
    post: Mapping[str, float],
    threshold: int,
    unit_of: Callable[[str], tuple[str, str | None] | None] | None,
) -> tuple[UnitChange, ...]:
    if unit_of is None:
        return ()
    groups: dict[tuple[str, str | None] | None, list[str]] = {}
    for subject in subjects:
        groups.setdefault(unit_of(subject), []).append(subject)
    changes: list[UnitChange] = []
    for unit in sorted(groups, key=lambda key: (key is None, key or ("", None))):
        members = groups[unit]
        n = len(members)
        shown = n >= threshold
        xs = [pre[subject] for subject in members]
        ys = [post[subject] for subject in members]
        changes.append(
            UnitChange(
                unit=None if unit is None else unit[0],
                name=None if unit is None else unit[1],
                n=n,
                mean_before=_mean(xs) if shown else None,
                mean_after=_mean(ys) if shown else None,
                mean_change=_mean([y - x for x, y in zip(xs, ys, strict=True)]) if shown else None,
                suppressed=not shown,
            )
        )
    return tuple(changes)


def _learning(
    rubric: Rubric,
    responses: Iterable[Response],
    threshold: int,
    unit_of: Callable[[str], tuple[str, str | None] | None] | None,
) -> Learning:
    change, suppressed, missing = _paired(
        rubric, responses, (Phase.PRE, Phase.POST), threshold, unit_of
    )
    return Learning(
        n=0 if change is None else change.n,
        suppressed=tuple(suppressed),
        missing=tuple(missing),
        rubric=rubric.id,
        change=change,
    )


def _done_since(commitment: Commitment, on: pendulum.Date) -> pendulum.Date:
    """The first day of the commitment's last run of "done" changes up to ``on``.

    As `Commitment.done_on`, but as things stood on ``on``; the caller knows the
    commitment is done on ``on``, so the run exists.
    """
    since = on
    running = False
    for change in commitment.history:
        if change.on > on:
            break
        if change.status is CommitmentStatus.DONE:
            if not running:
                since, running = change.on, True
        else:
            running = False
    return since


def _completion(commitments: Sequence[Commitment], on: pendulum.Date) -> Completion:
    due = on_time = late = overdue = dropped = ahead = later = 0
    for commitment in commitments:
        status = commitment.status_on(on)
        if status is CommitmentStatus.DROPPED:
            # A dropped commitment is no longer due (CommitmentStatus.DROPPED).
            dropped += 1
        elif not is_due(commitment, on):
            later += 1
            ahead += status is CommitmentStatus.DONE
        else:
            due += 1
            if status is not CommitmentStatus.DONE:
                overdue += 1
            elif _done_since(commitment, on) <= commitment.due:
                on_time += 1
            else:
                late += 1
    return Completion(
        on=on,
        total=len(commitments),
        due=due,
        done_on_time=on_time,
        done_late=late,
        overdue=overdue,
        dropped=dropped,
        not_yet_due=later,
        done_ahead=ahead,
        rate=round_half_up(float(Fraction(100 * on_time, due))) if due else None,
    )


def _reviews(
    commitments: Sequence[Commitment], visits: Iterable[MonitoringVisit], on: pendulum.Date | None
) -> ReviewCounts | None:
    ids = {commitment.id for commitment in commitments}
    latest: dict[str, tuple[pendulum.Date, str, Judgement]] = {}
    for visit in visits:
        if on is not None and visit.on > on:
            continue
        for review in visit.reviews:
            if review.commitment not in ids:
                continue
            seen = latest.get(review.commitment)
            # The later visit wins; on one day, the visit with the greater id.
            if seen is None or (visit.on, visit.id) >= seen[:2]:
                latest[review.commitment] = (visit.on, visit.id, review.judgement)
    if not latest:
        return None
    judged = [judgement for _, _, judgement in latest.values()]
    return ReviewCounts(
        reviewed=len(judged),
        below=judged.count(Judgement.BELOW),
        as_planned=judged.count(Judgement.AS_PLANNED),
        exceeding=judged.count(Judgement.EXCEEDING),
    )


def _behaviour(
    retreat: Retreat,
    rubric: Rubric,
    *,
    responses: Iterable[Response],
    follow_up: tuple[Iterable[Commitment], Iterable[MonitoringVisit]],
    threshold: int,
    unit_of: Callable[[str], tuple[str, str | None] | None] | None,
    on: pendulum.Date | None,
) -> Behaviour:
    change, suppressed, missing = _paired(
        rubric, responses, (Phase.PRE, Phase.FOLLOW_UP), threshold, unit_of
    )
    commitments = [item for item in follow_up[0] if item.retreat == retreat.id]
    completion: Completion | None = None
    if not commitments:
        missing.append(_missing("kirkpatrick.missing.commitments", retreat=retreat.id))
    elif on is None:
        missing.append(_missing("kirkpatrick.missing.date"))
    else:
        completion = _completion(commitments, on)
        if not completion.due:
            missing.append(_missing("kirkpatrick.missing.none_due", on=on.isoformat()))
    reviews = _reviews(commitments, follow_up[1], on)
    if reviews is None and commitments:
        missing.append(
            _missing("kirkpatrick.missing.reviews", source="LAN aksi perubahan, REFERENCE.md 8.4")
        )
    return Behaviour(
        n=0 if change is None else change.n,
        suppressed=tuple(suppressed),
        missing=tuple(missing),
        rubric=rubric.id,
        change=change,
        completion=completion,
        reviews=reviews,
    )


def _results(
    indicators: Iterable[UnitIndicator],
    unit_name: Callable[[str], str | None],
    retreat_units: set[str] | None,
) -> Results:
    changes: list[IndicatorChange] = []
    for item in sorted(indicators, key=lambda indicator: (indicator.unit, indicator.id)):
        before, after = _exact(item.before), _exact(item.after)
        changes.append(
            IndicatorChange(
                id=item.id,
                unit=item.unit,
                unit_name=unit_name(item.unit),
                name=item.name,
                direction=item.direction,
                measure=item.measure,
                before=item.before,
                after=item.after,
                change=float(after - before),
                relative_change=(
                    round_half_up(float((after - before) / abs(before) * 100)) if before else None
                ),
                improved=item.improved,
                source=item.source,
            )
        )
    verdicts = [change.improved for change in changes]
    missing: list[Finding] = []
    if not changes:
        missing.append(_missing("kirkpatrick.missing.indicators"))
    if retreat_units is not None:
        lacking = sorted(retreat_units - {change.unit for change in changes})
        if lacking:
            more = len(lacking) - _LISTED
            listed = ", ".join(lacking[:_LISTED]) + (f", … (+{more})" if more > 0 else "")
            missing.append(
                _missing(
                    "kirkpatrick.missing.unit_indicators",
                    subjects=tuple(lacking),
                    count=len(lacking),
                    units=listed,
                )
            )
    return Results(
        n=len(changes),
        missing=tuple(missing),
        indicators=tuple(changes),
        improved=verdicts.count(True),
        worsened=verdicts.count(False),
        unchanged=verdicts.count(None),
    )


def _roi(costs: float | None, benefits: float | None) -> ReturnOnInvestment:
    missing: list[Finding] = []
    if costs is None:
        missing.append(_missing("kirkpatrick.missing.costs", source=_SOURCE_ROI))
    if benefits is None:
        missing.append(_missing("kirkpatrick.missing.benefits", source=_SOURCE_ROI))
    roi: float | None = None
    if costs is not None and benefits is not None:
        # Phillips: ROI% = (benefits - costs) / costs × 100 (REFERENCE.md 9, formula [U]).
        spent = _exact(costs)
        roi = round_half_up(float((_exact(benefits) - spent) / spent * 100))
    return ReturnOnInvestment(
        n=0 if roi is None else 1, missing=tuple(missing), costs=costs, benefits=benefits, roi=roi
    )


# --------------------------------------------------------------------------- inputs


def _money(value: object, field: str, *, positive: bool) -> float | None:
    """A sum of rupiah: None, or a finite int or float, above 0 (costs) or at least 0."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidType("data.type", path=field, expected="number", got=type(value).__name__)
    try:
        finite = math.isfinite(value)
    except OverflowError:
        # An int too large for a float is no sum of rupiah.
        finite = False
    if finite and value > 0:
        return value
    if positive:
        raise InvalidComponent("kirkpatrick.costs", path=field, value=repr(value)[:32])
    if not finite or value < 0:
        raise InvalidComponent("kirkpatrick.benefits", path=field, value=repr(value)[:32])
    return value


def _rubric_table(given: Iterable[Rubric] | None, names: Iterable[str]) -> dict[str, Rubric]:
    table: dict[str, Rubric] = {}
    for index, rubric in enumerate(() if given is None else given):
        if not isinstance(rubric, Rubric):
            raise InvalidType(
                "data.type", path=f"rubrics[{index}]", expected="Rubric", got=type(rubric).__name__
            )
        table[rubric.id] = rubric
    for name in names:
        if name not in table:
            table[name] = _rubrics.load(name)
    return table


def _units(
    retreat: Retreat, roster: Roster | None
) -> tuple[
    Callable[[str], tuple[str, str | None] | None] | None,
    Callable[[str], str | None],
    set[str] | None,
]:
    """Lookups on the roster: a participant's unit, a unit's name, the retreat's units."""
    if roster is None:
        return None, lambda _unit: None, None
    day = retreat.days[0]

    def name(unit: str) -> str | None:
        try:
            return roster.unit(unit).name
        except UnknownReferenceError:
            return None

    def unit_of(subject: str) -> tuple[str, str | None] | None:
        posts = roster.posts_of(subject, on=day)
        if not posts:
            return None
        unit = roster.position(posts[0].position).unit
        return unit, name(unit)

    units = {
        roster.position(post.position).unit
        for enrollment in retreat.enrollments
        if enrollment.status not in _AWAY
        for post in roster.posts_of(enrollment.nip, on=day)
    }
    return unit_of, name, units


def evaluate(  # noqa: PLR0917  (the inputs of issue 6 are positional, as it writes them)
    retreat: Retreat,
    responses: Iterable[Response],
    commitments: Iterable[Commitment] = (),
    visits: Iterable[MonitoringVisit] = (),
    indicators: Iterable[UnitIndicator] = (),
    costs: float | None = None,
    *,
    rubrics: Iterable[Rubric] | None = None,
    roster: Roster | None = None,
    on: pendulum.Date | None = None,
    benefits: float | None = None,
    threshold: int = 3,
    reaction: str = "reaction",
    speaker: str = "speaker",
    learning: str = "berakhlak",
    behaviour: str = "berakhlak",
) -> Evaluation:
    """Evaluate (evaluasi) a retreat on Kirkpatrick's four levels and Phillips' ROI.

    See the module documentation for what each level counts; the method, with its
    sources, is on the "Kirkpatrick evaluation" page of the documentation.

    Args:
        retreat: The retreat evaluated.
        responses: Every response collected (any rubric, phase and subject; those
            that do not count are ignored).
        commitments: The commitments (rencana aksi); those of other retreats are ignored.
        visits: The monitoring visits; their reviews of this retreat's commitments count.
        indicators: The units' indicators before and after.
        costs: The retreat's total costs in rupiah (above 0), for the ROI.
        rubrics: Rubrics to use; an id named below and not given here is loaded with
            `birokrasi_retreat.rubrics.load`.
        roster: The host's roster: breaks levels 2 and 3 down by unit and lists the
            units of the retreat without an indicator.
        on: The reference date of the commitment figures; None reports them missing.
        benefits: The retreat's monetised benefits in rupiah (0 or more), for the ROI.
        threshold: The reporting threshold: a group with fewer responses or
            participants is suppressed (at least 1; 3 by default, as in scoring).
        reaction: The id of the reaction rubric (level 1).
        speaker: The id of the speaker rubric (level 1).
        learning: The id of the learning rubric (level 2).
        behaviour: The id of the behaviour rubric (level 3).

    Returns:
        The `Evaluation`.

    Raises:
        ScoringError: ``threshold`` is not a whole number of 1 or more
            (``scoring.min_group``); a response that counts cannot be scored on its
            rubric (the codes of `birokrasi_retreat.scoring.score_many`).
        InvalidType: ``on`` is not a `pendulum.Date`, ``costs`` or ``benefits`` is not
            a number, or ``rubrics`` holds something else than a `Rubric`
            (``data.type``).
        InvalidComponent: ``costs`` is not above 0 (``kirkpatrick.costs``) or
            ``benefits`` is below 0 (``kirkpatrick.benefits``), or either is not finite.
        UnknownReferenceError: A rubric id is neither given nor built in
            (``rubrics.unknown``).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.rubric import Response
        >>> retreat = samples.load("kendari").retreat
        >>> def answer(rater, rating):
        ...     return Response(rubric="reaction", subject_kind="retreat",
        ...                     subject="kendari-2025", rater=rater,
        ...                     ratings=dict.fromkeys(("relevansi", "materi", "kepuasan"),
        ...                                           rating))
        >>> report = evaluate(retreat, [answer("R1", 4), answer("R2", 3), answer("R3", 4)])
        >>> overall = report.reaction.overall
        >>> overall.n, overall.value, overall.band.code
        (3, 91.67, 'A')
        >>> evaluate(retreat, [answer("R1", 4)]).reaction.suppressed
        ('retreat:kendari-2025',)
    """
    if type(threshold) is not int or threshold < 1:
        raise ScoringError("scoring.min_group", path="threshold", value=repr(threshold))
    if on is not None:
        check_date(on, "on")
    spent = _money(costs, "costs", positive=True)
    gained = _money(benefits, "benefits", positive=False)
    table = _rubric_table(rubrics, (reaction, speaker, learning, behaviour))
    by_rubric: dict[str, list[Response]] = {}
    for response in responses:
        by_rubric.setdefault(response.rubric, []).append(response)
    unit_of, unit_name, retreat_units = _units(retreat, roster)
    return Evaluation(
        retreat=retreat.id,
        title=retreat.title,
        threshold=threshold,
        on=on,
        reaction=_reaction(retreat, table, by_rubric, (reaction, speaker), threshold),
        learning=_learning(table[learning], by_rubric.get(learning, ()), threshold, unit_of),
        behaviour=_behaviour(
            retreat,
            table[behaviour],
            responses=by_rubric.get(behaviour, ()),
            follow_up=(commitments, visits),
            threshold=threshold,
            unit_of=unit_of,
            on=on,
        ),
        results=_results(indicators, unit_name, retreat_units),
        roi=_roi(spent, gained),
    )
