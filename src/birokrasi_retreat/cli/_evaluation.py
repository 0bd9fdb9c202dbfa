"""The ``score`` and ``report`` commands, and the demo's scoring and follow-up sections.

``score`` summarises a survey's scores per rubric, phase and subject (or per unit of the
roster), with bands, confidence intervals and Cronbach's alpha; ``report`` renders the
four-level (Kirkpatrick) evaluation of a retreat. Both read a bundled sample or files.
Scores are aggregates: groups below the reporting threshold are suppressed, and no NIP
is ever printed whole.
"""

from __future__ import annotations

import json

from statistics import fmean
from typing import TYPE_CHECKING, Final, cast

import attrs

from birokrasi_retreat import _privacy, samples, serialization
from birokrasi_retreat.cli._common import Printer, fail, text, to_date
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    ScoringError,
    UnknownReferenceError,
    ValidationError,
)
from birokrasi_retreat.followup import FollowUp, evaluate, follow_up_status
from birokrasi_retreat.messages import format_number
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.rubric import Phase, Rubric, SubjectKind
from birokrasi_retreat.scoring import (
    Aggregate,
    aggregate,
    cohens_dz,
    cronbach_alpha,
    ikm,
    krippendorff_alpha,
    normalized_gain,
    round_half_up,
    score_many,
)
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    import argparse

    from collections.abc import Hashable, Sequence

    import pendulum

    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.rubric import Band, Response
    from birokrasi_retreat.validation import Report

# Cronbach's alpha needs two complete responses at least; fewer print a dash.
_MIN_ROWS: Final = 2


def _number(value: float | None, lang: Lang, digits: int = 2) -> str:
    # Rounded half-up first, the library's one rounding rule, then written for ``lang``.
    return "-" if value is None else format_number(round_half_up(value, digits), lang, digits)


# A band code this short is a mutu letter (IKM A-D) and worth showing beside its label.
_LETTER: Final = 2


def _band(band: Band | None, lang: Lang) -> str:
    if band is None:
        return ""
    label = band.label_id if lang == "id" else band.label_en
    return f"{band.code} ({label})" if len(band.code) <= _LETTER else label


def _key(key: Hashable) -> str:
    # A participant's subject is a NIP or NI PPPK (any run of 16 or more digits may be
    # personal, a NIK too): starred but for its last digits, as a Response's repr does.
    return _privacy.redact(str(key))


def unit_of(roster: Roster, retreat: Retreat) -> dict[str, str]:
    """NIP -> the top unit (OPD or kecamatan) of each participant's post on the first day.

    A lurah's kelurahan and a sub-unit count with the unit above them, so that groups are
    the perangkat daerah a reader recognises; a participant without a post is left out.
    """
    first = retreat.days[0]
    found = {}
    for enrollment in retreat.enrollments:
        posts = roster.posts_of(enrollment.nip, on=first)
        if not posts:
            continue
        unit = roster.unit(roster.position(posts[0].position).unit)
        while unit.parent is not None:
            unit = roster.unit(unit.parent)
        found[enrollment.nip] = unit.id
    return found


def _rubric(survey: Survey, rubric_id: str) -> Rubric:
    """The survey's rubric with this id; a library error when it has none."""
    rubric = survey.rubric(rubric_id)
    if rubric is None:
        raise UnknownReferenceError("cli.score.no_rubric", path="rubric", rubric=rubric_id)
    return rubric


def _alpha(rubric: Rubric, responses: Sequence[Response]) -> float | None:
    """Cronbach's alpha over the complete responses, or None with fewer than two."""
    rows = [
        [response.ratings[c.id] for c in rubric.criteria]
        for response in responses
        if len(response.ratings) == len(rubric.criteria)
    ]
    if len(rows) < _MIN_ROWS or len(rubric.criteria) < _MIN_ROWS:
        return None
    try:
        return cronbach_alpha(rows)
    except ScoringError:  # no spread at all: alpha is undefined
        return None


def _table(
    out: Printer, rows: Sequence[Aggregate], rubric: Rubric, lang: Lang, *, label: int
) -> None:
    shown = [a for a in rows if not a.suppressed]
    width = max([len(_key(a.key)) for a in shown] + [label])
    for a in shown:
        band = rubric.band_for(a.mean) if a.mean is not None else None
        out.line(
            f"  {_key(a.key):<{width}}  n={a.n:<4} {_number(a.mean, lang):>6}"
            f"  {_band(band, lang):<24} {text('cli.score.ci', lang)}"
            f" {_number(a.ci_low, lang)}-{_number(a.ci_high, lang)}"
        )
    hidden = [a for a in rows if a.suppressed]
    if hidden:
        out.line(
            "  "
            + text("cli.score.suppressed", lang, n=len(hidden), people=sum(a.n for a in hidden))
        )


# ---------------------------------------------------------------------------- demo


def demo_scores(out: Printer, dataset: samples.Dataset, lang: Lang) -> None:
    """The demo's scoring section: sessions, units, learning, reliability, IKM, EVA."""
    survey = cast("Survey", dataset.survey)  # the Malang sample has a survey
    retreat = cast("Retreat", dataset.retreat)  # and a retreat held
    reaction = _rubric(survey, "reaction")
    speaker = _rubric(survey, "speaker")
    berakhlak = _rubric(survey, "berakhlak")
    out.line(f"== {text('cli.demo.scores', lang, title=retreat.title)}")
    out.line()
    sessions = survey.responses_for("reaction", subject_kind=SubjectKind.SESSION)
    session_scores = score_many(reaction, sessions)
    by_session = {a.key: a for a in aggregate(session_scores)}
    ordered = [by_session[s.id] for s in retreat.sessions if s.id in by_session]
    out.line(text("cli.score.sessions", lang))
    _table(out, ordered, reaction, lang, label=16)
    out.line()
    out.line(text("cli.score.speakers", lang))
    _table(
        out,
        aggregate(score_many(speaker, survey.responses_for("speaker"))),
        speaker,
        lang,
        label=16,
    )
    out.line()
    post = score_many(berakhlak, survey.responses_for("berakhlak", phase=Phase.POST))
    out.line(text("cli.score.units", lang))
    _table(out, aggregate(post, by=unit_of(dataset.roster, retreat)), berakhlak, lang, label=16)
    out.line()
    _demo_learning(out, survey, berakhlak, lang)
    out.line()
    _demo_reliability(out, survey, lang, session_ids=[s.id for s in retreat.sessions])
    out.line()
    end = survey.responses_for("reaction", subject_kind=SubjectKind.RETREAT)
    summary = ikm(end, rubric=reaction)
    out.line(
        text(
            "cli.score.ikm",
            lang,
            n=summary.respondents,
            value=_number(summary.converted, lang),
            mutu=summary.mutu,
            label=summary.label(lang),
        )
    )
    out.line()
    out.line(_counts_line(check(survey), "cli.score.check", lang))


def _demo_learning(out: Printer, survey: Survey, berakhlak: Rubric, lang: Lang) -> None:
    def by_subject(phase: Phase) -> dict[str, float]:
        responses = survey.responses_for("berakhlak", phase=phase)
        return {s.subject: s.value for s in score_many(berakhlak, responses)}

    pre, post = by_subject(Phase.PRE), by_subject(Phase.POST)
    paired = sorted(set(pre) & set(post))
    before = [pre[key] for key in paired]
    after = [post[key] for key in paired]
    gain = normalized_gain(before, after, max_score=100)
    out.line(
        text(
            "cli.score.learning",
            lang,
            n=gain.n,
            pre=_number(fmean(before), lang),
            post=_number(fmean(after), lang),
            gain=_number(gain.average, lang),
            dz=_number(cohens_dz(before, after), lang),
        )
    )


def _demo_reliability(out: Printer, survey: Survey, lang: Lang, *, session_ids: list[str]) -> None:
    out.line(text("cli.score.reliability", lang))
    for rubric in survey.rubrics:
        alpha = _alpha(rubric, survey.responses_for(rubric.id))
        label = text("cli.score.cronbach", lang, rubric=rubric.id)
        out.line(f"  {label:<30} {_number(alpha, lang)}")
    sessions = survey.responses_for("reaction", subject_kind=SubjectKind.SESSION)
    scores = score_many(_rubric(survey, "reaction"), sessions)
    table: dict[str, dict[str, float]] = {}
    for result in scores:
        table.setdefault(result.rater, {})[result.subject] = result.value
    matrix = [[ratings.get(s) for s in session_ids] for ratings in table.values()]
    value = krippendorff_alpha(matrix, level="interval")
    out.line(f"  {text('cli.score.krippendorff', lang)} {_number(value, lang, 3)}")


def _counts_line(report: Report, code: str, lang: Lang) -> str:
    counts = report.counts()
    found = sorted({finding.code for finding in report})
    return text(
        code,
        lang,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        codes=", ".join(found) or "-",
    )


def demo_follow_up(out: Printer, dataset: samples.Dataset, lang: Lang) -> None:
    """The demo's closing section: the follow-up status, then the four-level report."""
    made = cast("FollowUp", dataset.follow_up)  # the Malang sample has one
    on = dataset.as_of
    retreat, roster = made.retreat, dataset.roster
    status = follow_up_status(retreat, made.commitments, made.visits, on=on, roster=roster)
    out.line(f"== {text('cli.demo.follow_up', lang, title=retreat.title, on=on.isoformat())}")
    out.line()
    out.line(
        text(
            "cli.follow_up.commitments",
            lang,
            n=status.commitments,
            due=status.due,
            late=status.done_late,
            overdue=status.overdue,
            dropped=status.dropped,
        )
    )
    out.line(
        text(
            "cli.follow_up.visits",
            lang,
            visits=status.visits,
            units=len(status.units_of_retreat),
            visited=len(status.units_visited),
            end=status.window_end.isoformat(),
        )
    )
    never = status.units_never_visited
    if never:
        out.line(text("cli.follow_up.never", lang, units=", ".join(never)))
    report = check(made, on=on, options={"roster": roster})
    out.line(_counts_line(report, "cli.follow_up.check", lang))
    out.line()
    evaluation = evaluate(
        retreat,
        dataset.responses,
        made.commitments,
        made.visits,
        made.indicators,
        roster=roster,
        on=on,
    )
    out.line(evaluation.to_text(lang).rstrip("\n"))


# -------------------------------------------------------------------------- commands


@attrs.frozen
class _Scored:
    """The scores of one rubric, phase and kind of subject, grouped."""

    rubric: Rubric
    phase: Phase
    kind: SubjectKind
    by_unit: bool
    responses: int
    alpha: float | None
    groups: tuple[Aggregate, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "rubric": self.rubric.id,
            "phase": self.phase.value,
            "subject_kind": self.kind.value,
            "by": "unit" if self.by_unit else "subject",
            "responses": self.responses,
            "cronbach_alpha": self.alpha,
            "groups": [self._group(a) for a in self.groups],
        }

    def _group(self, a: Aggregate) -> dict[str, object]:
        band = None if a.mean is None else self.rubric.band_for(a.mean)
        return {
            "key": _key(a.key),
            "n": a.n,
            "suppressed": a.suppressed,
            "mean": a.mean,
            "median": a.median,
            "sd": a.sd,
            "min": a.min,
            "max": a.max,
            "ci_low": a.ci_low,
            "ci_high": a.ci_high,
            "band": None if band is None else band.code,
        }


def _survey_input(args: argparse.Namespace) -> tuple[Survey, Roster | None]:
    if args.sample is not None:
        dataset = samples.load(args.sample)
        if dataset.survey is None:
            raise UnknownReferenceError("cli.no_survey", sample=args.sample)
        return dataset.survey, dataset.roster
    survey = serialization.load(args.file, Survey)
    roster = None if args.roster is None else serialization.load(args.roster, Roster)
    return survey, roster


def cmd_score(args: argparse.Namespace) -> int:
    """``score FILE|--sample NAME``: scores per rubric, phase and group."""
    lang: Lang = args.lang
    out = Printer()
    try:
        survey, roster = _survey_input(args)
        scored = _score(survey, roster, args)
    except BirokrasiRetreatError as error:
        return fail(out, error, lang)
    if args.format == "json":
        out.line(json.dumps([s.to_dict() for s in scored], ensure_ascii=False, indent=2))
    else:
        for number, entry in enumerate(scored):
            if number:
                out.line()
            out.line(
                text(
                    "cli.score.heading",
                    lang,
                    rubric=entry.rubric.id,
                    phase=entry.phase.value,
                    kind=entry.kind.value,
                    by="unit" if entry.by_unit else "subject",
                    n=entry.responses,
                    alpha=_number(entry.alpha, lang),
                )
            )
            _table(out, entry.groups, entry.rubric, lang, label=10)
    out.flush()
    return 0


def _score(survey: Survey, roster: Roster | None, args: argparse.Namespace) -> list[_Scored]:
    """Every (rubric, phase, subject kind) of the survey answered, scored and grouped."""
    units = None
    if args.by == "unit":
        if roster is None or survey.retreat is None:
            raise ValidationError("cli.score.by_unit", path="by")
        units = unit_of(roster, survey.retreat)
    wanted = [r for r in survey.rubrics if args.rubric is None or r.id == args.rubric]
    if not wanted:
        raise UnknownReferenceError("cli.score.no_rubric", path="rubric", rubric=args.rubric)
    found: list[_Scored] = []
    for rubric in wanted:
        for phase in Phase:
            if args.phase is not None and phase.value != args.phase:
                continue
            for kind in SubjectKind:
                responses = survey.responses_for(rubric.id, phase=phase, subject_kind=kind)
                if not responses:
                    continue
                by_unit = units is not None and kind is SubjectKind.PARTICIPANT
                groups = aggregate(
                    score_many(rubric, responses),
                    by=units if by_unit and units is not None else "subject",
                    min_group=args.min_group,
                )
                found.append(
                    _Scored(
                        rubric=rubric,
                        phase=phase,
                        kind=kind,
                        by_unit=by_unit,
                        responses=len(responses),
                        alpha=_alpha(rubric, responses),
                        groups=groups,
                    )
                )
    return found


def cmd_report(args: argparse.Namespace) -> int:
    """``report FILE|--sample NAME``: the four-level evaluation of a retreat."""
    lang: Lang = args.lang
    out = Printer()
    try:
        made, responses, roster, on = _report_input(args)
        evaluation = evaluate(
            made.retreat,
            responses,
            made.commitments,
            made.visits,
            made.indicators,
            args.costs,
            roster=roster,
            on=on,
            benefits=args.benefits,
            threshold=args.min_group,
        )
    except BirokrasiRetreatError as error:
        return fail(out, error, lang)
    if args.format == "json":
        rendered = json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2)
    elif args.format == "markdown":
        rendered = evaluation.to_markdown(lang)
    elif args.format == "html":
        rendered = evaluation.to_html(lang)
    else:
        rendered = evaluation.to_text(lang)
    out.line(rendered.rstrip("\n"))
    out.flush()
    return 0


def _report_input(
    args: argparse.Namespace,
) -> tuple[FollowUp, tuple[Response, ...], Roster | None, pendulum.Date | None]:
    on = to_date(args.on)
    if args.sample is not None:
        dataset = samples.load(args.sample)
        if dataset.follow_up is None:
            raise UnknownReferenceError("cli.no_follow_up", sample=args.sample)
        return dataset.follow_up, dataset.responses, dataset.roster, on or dataset.as_of
    made = serialization.load(args.file, FollowUp)
    responses = () if args.survey is None else serialization.load(args.survey, Survey).responses
    roster = None if args.roster is None else serialization.load(args.roster, Roster)
    return made, responses, roster, on
