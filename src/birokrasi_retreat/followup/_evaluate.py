"""Evaluasi empat level (Kirkpatrick four-level evaluation): what a retreat changed, level by level.

`evaluate` turns what was collected before, during and after a retreat into one
`Evaluation` with a result per level (sources: kirkpatrick):

1. `Reaction` (reaksi): how participants rated the sessions, the speakers and the retreat
   as a whole, on the reaction and speaker rubrics in the post phase, with the rubric's
   band for each group;
2. `Learning` (pembelajaran): the change on the learning rubric from the pre phase to the
   post phase, paired by subject: Hake's normalised gain and Cohen's d_z;
3. `Behaviour` (perilaku): the change on the behaviour rubric from the pre phase to the
   follow-up phase (paired likewise), the completion of the commitments (rencana aksi)
   on a reference date, and the monitors' latest judgement of each commitment (below /
   as planned / exceeding, the scale LAN uses for aksi perubahan, sources: aksi-perubahan);
4. `Results` (hasil): the units' indicators before and after, counted as improved,
   worsened or unchanged with their direction taken into account, with each one's
   relative change;
5. `ReturnOnInvestment` (Phillips' ROI), optional: ``(benefits - costs) / costs × 100``
   when both are given in rupiah.

Every level states its ``n``, the groups it suppressed because they were smaller than
the reporting threshold (so that no individual can be singled out, UU 27/2022,
sources: uu-pdp), and what is missing to compute it, as `birokrasi_retreat.findings.Finding`
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
* **ROI** follows the standard form of the Phillips ROI formula; sources: kirkpatrick marks
  the formula [U] (unconfirmed by the sources), and so does the report.

References:
    - Kirkpatrick's four levels and Phillips' ROI level (sources: kirkpatrick; source S14).
    - LAN, aksi perubahan: judgements kurang / sesuai / melampaui (sources: aksi-perubahan).
    - UU 27/2022 on personal data protection: aggregates only (sources: uu-pdp).

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

import math

from fractions import Fraction
from typing import TYPE_CHECKING, Final

from birokrasi_retreat import rubrics as _rubrics
from birokrasi_retreat._fields import check_date
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidType,
    ScoringError,
    UnknownReferenceError,
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.followup._levels import (
    _LISTED,
    Behaviour,
    Completion,
    Evaluation,
    IndicatorChange,
    Learning,
    PairedChange,
    Rating,
    Reaction,
    Results,
    ReturnOnInvestment,
    ReviewCounts,
    UnitChange,
    _exact,
    _mean,
)
from birokrasi_retreat.followup._models import CommitmentStatus, Judgement
from birokrasi_retreat.followup._status import is_due
from birokrasi_retreat.retreat import EnrollmentStatus
from birokrasi_retreat.rubric import Phase, Rubric, SubjectKind
from birokrasi_retreat.scoring import (
    aggregate,
    cohens_dz,
    normalized_gain,
    round_half_up,
    score_many,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    import pendulum

    from birokrasi_retreat.followup._models import Commitment, MonitoringVisit, UnitIndicator
    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.roster import Roster
    from birokrasi_retreat.rubric import Response
    from birokrasi_retreat.scoring import Aggregate, Score


__all__ = ["evaluate"]

# Scores live on 0-100 (birokrasi_retreat.scoring): the maximum for Hake's gain.
_MAX_SCORE: Final = 100
# An official excused or absent did not come: their units are not "of the retreat".
_AWAY: Final = frozenset({EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT})
# What the missing figures rest on (sources: kirkpatrick, aksi-perubahan for the LAN judgements).
_SOURCE: Final = "Kirkpatrick, sources: kirkpatrick"
_SOURCE_ROI: Final = "Phillips ROI, sources: kirkpatrick (formula [U], standard form)"


def _missing(
    code: str, *, source: str = _SOURCE, subjects: tuple[str, ...] = (), **params: object
) -> Finding:
    return Finding(
        code=code, severity=Severity.INFO, params=params, subjects=subjects, source=source
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
            _missing(
                "kirkpatrick.missing.reviews", source="LAN aksi perubahan, sources: aksi-perubahan"
            )
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
        # Phillips: ROI% = (benefits - costs) / costs × 100 (sources: kirkpatrick; formula [U]).
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
