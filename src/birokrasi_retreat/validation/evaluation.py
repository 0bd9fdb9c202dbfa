"""Evaluation rules (EVA001-EVA011): checks across a survey's rubrics, responses and retreat.

Each rule is a plain function registered with `birokrasi_retreat.validation.rule`; they
run on ``import birokrasi_retreat.validation`` and apply to a
`birokrasi_retreat.survey.Survey`. Codes are public contract:

* Ratings: EVA001 a rating for a criterion the rubric lacks, EVA002 a rating off its
  criterion's scale, EVA003 a required criterion unanswered (the three problems
  `birokrasi_retreat.scoring.score` refuses, reported here for the whole survey at once).
* Responses: EVA004 a duplicate response (same rater, subject, rubric and phase), EVA005
  self-rating where the rubric forbids it, EVA009 a post-test without a pre-test,
  EVA010 a response about an unknown participant, session, speaker, retreat or unit, or
  on a rubric the survey lacks, EVA011 a response dated outside its phase.
* Statistics: EVA006 Cronbach's alpha (internal consistency) below a minimum, EVA007
  Krippendorff's alpha (agreement between raters) below a minimum, EVA008 a group
  smaller than the reporting threshold, whose result is suppressed (UU 27/2022).

Options (``check(survey, options={...})``):

* ``"roster"``: the host's `birokrasi_retreat.roster.Roster`. EVA010 then checks the
  ids of unit subjects, and EVA008 groups participant subjects by the unit of their
  post on the retreat's **first local day** (``retreat.days[0]``).
* ``"threshold"``: the reporting threshold, a whole number of 1 or more, default
  `DEFAULT_THRESHOLD` (3, the default ``min_group`` of
  `birokrasi_retreat.scoring.aggregate`). EVA008 reports groups below it; EVA006 needs
  at least that many complete responses.
* ``"cronbach_min"``: EVA006's minimum, from 0 to 1, default `DEFAULT_CRONBACH_MIN`.
* ``"krippendorff_min"``: EVA007's minimum, from 0 to 1, default
  `DEFAULT_KRIPPENDORFF_MIN`.

Decisions where the brief or the sources leave a gap (also in each rule's rationale):

* **Subjects.** A participant subject is a NIP, compared in its compact form (spaces,
  dots and hyphens removed), so ``"19860926 201505 1 001"`` and
  ``"198609262015051001"`` are one person. Params and subjects of findings show it
  masked with `birokrasi_retreat.ids.nip.mask` (a participant id that is no valid NIP
  is shown with every long digit run starred).
* **Unknown rubric.** A response whose rubric is not in ``survey.rubrics`` is EVA010's
  (kind "rubric"); the rules that need the rubric (EVA001-EVA003, EVA005-EVA009) skip
  it.
* **Known participants** (EVA010) are the NIPs enrolled in the retreat with any status,
  and the substitutes named in enrollments. Unit ids are checked only with the roster
  option (the retreat is not needed for that check); the other subject kinds need
  ``survey.retreat`` and are silent without it.
* **Duplicates** (EVA004) share rubric, rater, subject kind, subject and phase; the
  first is kept, every later one reported. The statistics (EVA006, EVA007) use the
  first response of each such set only, and only responses without an EVA001-EVA003
  problem that answer at least one criterion.
* **Self-rating** (EVA005): the rater id equals the subject, or ``survey.raters`` maps
  the rater to the subject, or, for a session, the rater (or the person
  ``survey.raters`` maps it to) is one of the session's speakers.
* **EVA006** computes Cronbach's alpha per rubric and phase over the *complete*
  responses (every criterion of the rubric answered), for rubrics of two or more
  criteria, when there are at least ``max(threshold, 2)`` of them; it is silent when
  alpha is undefined (the total has no variance). **EVA007** computes Krippendorff's
  alpha at the interval level on the 0-100 score of each response, per rubric, phase
  and subject kind, with subjects as units and raters as coders, when at least **two**
  subjects have two raters or more: with a single such subject (the retreat itself in
  an end-of-retreat survey) alpha is 0 whatever the scores, which says nothing about
  agreement. It is silent when alpha is undefined (all paired scores equal), or when
  the rubric cannot be scored (ratio normalisation on a scale below 0). Alphas are
  **rounded half-up** (EVA006 to 2 decimals, EVA007 to 3, the precision of their
  defaults) and compared rounded, as bands are, so the value shown is the value judged.
* **EVA008** counts distinct raters per subject of the kinds session, speaker, unit and
  retreat, over every response on a known rubric, per rubric and phase. With the roster
  (and the retreat, for its first day), it also counts the distinct participants
  responded about per unit; participants with no post on that day or missing from the
  roster are left out (RET008 and RET017 report them on the retreat).
* **EVA009** looks at post-phase responses only (not follow-up), for rubrics with at
  least one pre-phase response in the survey (a rubric used only after the retreat is
  a reaction survey, not a test), and reports each rubric, subject kind and subject
  once, on its first post-phase response; a pre-phase response by any rater counts.
* **EVA011**: a pre-phase response submitted at or after the retreat's start, or a
  post or follow-up response submitted before its end; silent for a response without
  ``submitted`` and for a survey without a retreat. Times are shown in the venue's
  local time.
* Messages never show a whole NIP: params and subjects carry the masked form; the
  ``raters`` mapping never appears in a finding.

References:
    - UU 27/2022 on personal data protection (sources: uu-pdp): report aggregates only,
      and never a group so small that a person can be singled out.
    - Kirkpatrick's levels: pre/post tests for learning (sources: kirkpatrick).
    - L. J. Cronbach, "Coefficient alpha and the internal structure of tests",
      Psychometrika 16 (1951) 297-334.
    - K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011,
      https://repository.upenn.edu/asc_papers/43 (0.667 as the lowest acceptable
      alpha for tentative conclusions).

Examples:
    >>> from birokrasi_retreat.validation import RULES, Severity
    >>> RULES["EVA002"].severity is Severity.ERROR, RULES["EVA008"].title("en")
    (True, 'Group below the reporting threshold')
    >>> DEFAULT_THRESHOLD, DEFAULT_CRONBACH_MIN, DEFAULT_KRIPPENDORFF_MIN
    (3, 0.7, 0.667)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from birokrasi_retreat import _privacy
from birokrasi_retreat._rules import Context, Hit, rule
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.rubric import Phase, SubjectKind
from birokrasi_retreat.scoring import (
    cronbach_alpha,
    krippendorff_alpha,
    round_half_up,
    score_many,
)
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.validation import _options
from birokrasi_retreat.validation.retreat import _stamp


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    import pendulum

    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.roster import Roster
    from birokrasi_retreat.rubric import Response, Rubric


__all__ = ["DEFAULT_CRONBACH_MIN", "DEFAULT_KRIPPENDORFF_MIN", "DEFAULT_THRESHOLD"]

DEFAULT_THRESHOLD: Final = 3
"""The reporting threshold of EVA008 (and EVA006's least number of responses): the
default ``min_group`` of `birokrasi_retreat.scoring.aggregate`, so that no individual
can be singled out (UU 27/2022, sources: uu-pdp); override with
``options={"threshold": 5}``."""

DEFAULT_CRONBACH_MIN: Final = 0.70
"""EVA006's minimum Cronbach's alpha: the conventional minimum for a questionnaire's
internal consistency (a project choice, not a regulation); override with
``options={"cronbach_min": 0.8}``."""

DEFAULT_KRIPPENDORFF_MIN: Final = 0.667
"""EVA007's minimum Krippendorff's alpha: Krippendorff's lowest acceptable value for
tentative conclusions (2011); override with ``options={"krippendorff_min": 0.8}``."""

# Option keys of check(survey, options=...); "roster" is read as the RET rules read it.
_THRESHOLD: Final = "threshold"
_CRONBACH: Final = "cronbach_min"
_KRIPPENDORFF: Final = "krippendorff_min"

# Decimals of the alphas shown and judged (the precision of the defaults).
_CRONBACH_DIGITS: Final = 2
_KRIPPENDORFF_DIGITS: Final = 3
# A variance, and so either alpha, needs two values.
_PAIR: Final = 2

_SOURCE_RECORD: Final = (
    "Data consistency (no regulation cited): a response must fit its rubric and survey"
)
_SOURCE_SCORING: Final = (
    "The rubric's own criteria and scales; birokrasi_retreat.scoring refuses such a response"
)
_SOURCE_PRIVACY: Final = (
    "UU 27/2022 (UU PDP): aggregate results only, none that singles out a person "
    "(sources: uu-pdp); default threshold 3, a project choice"
)

# Bilingual labels used inside messages (Indonesian, English).
_KIND_LABELS: Final[Mapping[SubjectKind, tuple[str, str]]] = {
    SubjectKind.PARTICIPANT: ("peserta", "participant"),
    SubjectKind.SESSION: ("sesi", "session"),
    SubjectKind.SPEAKER: ("narasumber", "speaker"),
    SubjectKind.UNIT: ("unit kerja", "unit"),
    SubjectKind.RETREAT: ("retret", "retreat"),
}
_PHASE_LABELS: Final[Mapping[Phase, tuple[str, str]]] = {
    Phase.PRE: ("pra-retret", "pre-retreat"),
    Phase.POST: ("pasca-retret", "post-retreat"),
    Phase.FOLLOW_UP: ("tindak lanjut", "follow-up"),
}
# Why EVA010 finds a subject unknown, by kind ({} is the retreat's id).
_UNKNOWN_NOTES: Final[Mapping[SubjectKind, tuple[str, str]]] = {
    SubjectKind.PARTICIPANT: (
        " (tidak terdaftar pada retret {})",
        " (not enrolled in the retreat {})",
    ),
    SubjectKind.SESSION: (
        " (tidak ada dalam agenda retret {})",
        " (not in the agenda of the retreat {})",
    ),
    SubjectKind.SPEAKER: (" (bukan narasumber retret {})", " (not a speaker of the retreat {})"),
    SubjectKind.UNIT: (" (tidak ada dalam roster)", " (not in the roster)"),
    SubjectKind.RETREAT: (
        " (survei ini tentang retret {})",
        " (the survey is about the retreat {})",
    ),
}
# The subject kinds whose results EVA008 suppresses per subject (participants are
# grouped by unit instead, with the roster).
_GROUPED_KINDS: Final = (
    SubjectKind.SESSION,
    SubjectKind.SPEAKER,
    SubjectKind.UNIT,
    SubjectKind.RETREAT,
)


# --- shared helpers -------------------------------------------------------------------


def _subject_key(response: Response) -> str:
    """The subject as compared: a participant's NIP in its compact form."""
    if response.subject_kind is SubjectKind.PARTICIPANT:
        return _nip.compact(response.subject)
    return response.subject


def _shown(kind: SubjectKind, subject: str) -> str:
    """A subject as messages may show it: a participant's NIP masked."""
    if kind is SubjectKind.PARTICIPANT:
        # A valid NIP or NI PPPK in its layout; anything else as free text, so that a
        # NIK or a mistyped number keeps its separators and its last digits.
        asn_type = _privacy.nip_kind(subject)
        if asn_type is not None:
            return _privacy.mask(subject, asn_type)
    return _privacy.redact(subject)


def _kind(kind: SubjectKind) -> dict[str, object]:
    label_id, label_en = _KIND_LABELS[kind]
    return {"kind": kind.value, "kind_id": label_id, "kind_en": label_en}


def _phase(phase: Phase) -> dict[str, object]:
    label_id, label_en = _PHASE_LABELS[phase]
    return {"phase": phase.value, "phase_id": label_id, "phase_en": label_en}


def _about(response: Response) -> dict[str, object]:
    """Params naming a response: its rubric, rater, subject (masked) and phase."""
    return {
        "rubric": response.rubric,
        "rater": response.rater,
        "subject": _shown(response.subject_kind, response.subject),
        **_kind(response.subject_kind),
        **_phase(response.phase),
    }


def _subjects(response: Response) -> tuple[str, ...]:
    return (response.rubric, _shown(response.subject_kind, response.subject))


def _decimal(value: float, digits: int | None = None) -> tuple[str, str]:
    """``(Indonesian, English)`` renderings of a number: a decimal comma in Indonesian."""
    text = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    return text.replace(".", ","), text


def _alpha_params(alpha: float, digits: int, minimum: float) -> dict[str, object]:
    """The message parameters of a reliability below its minimum (EVA006, EVA007)."""
    alpha_id, alpha_en = _decimal(alpha, digits)
    minimum_id, minimum_en = _decimal(minimum)
    return {
        "alpha": alpha,
        "alpha_id": alpha_id,
        "alpha_en": alpha_en,
        "minimum": minimum,
        "minimum_id": minimum_id,
        "minimum_en": minimum_en,
    }


def _known(survey: Survey) -> Iterator[tuple[int, Response, Rubric]]:
    """Each response whose rubric the survey has, with its index and rubric."""
    for index, response in enumerate(survey.responses):
        rubric = survey.rubric(response.rubric)
        if rubric is not None:
            yield index, response, rubric


def _clean(rubric: Rubric, ratings: Mapping[str, float]) -> bool:
    """True when the ratings have no EVA001-EVA003 problem and answer something."""
    for key, value in ratings.items():
        criterion = rubric.criterion(key)
        if criterion is None or not criterion.scale.contains(value):
            return False
    return bool(ratings) and all(c.id in ratings for c in rubric.criteria if c.required)


class _Key(NamedTuple):
    """What makes two responses duplicates (EVA004)."""

    rubric: str
    rater: str
    kind: SubjectKind
    subject: str
    phase: Phase


def _key(response: Response) -> _Key:
    return _Key(
        response.rubric,
        response.rater,
        response.subject_kind,
        _subject_key(response),
        response.phase,
    )


def _usable(survey: Survey) -> dict[tuple[str, Phase], list[Response]]:
    """Per (rubric id, phase): the clean responses the statistics use, first of duplicates."""
    seen: set[_Key] = set()
    found: dict[tuple[str, Phase], list[Response]] = {}
    for _index, response, rubric in _known(survey):
        key = _key(response)
        if key in seen:
            continue
        seen.add(key)
        if _clean(rubric, response.ratings):
            found.setdefault((rubric.id, response.phase), []).append(response)
    return found


# --- options ----------------------------------------------------------------------------


def _threshold(ctx: Context) -> int:
    value = _options.integer(ctx, _THRESHOLD, DEFAULT_THRESHOLD)
    if value < 1:
        raise _options.range_error(
            "eva.option",
            _THRESHOLD,
            "bilangan bulat 1 atau lebih",
            "a whole number of 1 or more",
            value,
        )
    return value


def _minimum(ctx: Context, name: str, default: float) -> float:
    return _options.share(ctx, "eva.option", name, default)


# --- EVA001-EVA003: ratings against the rubric ---------------------------------------------


@rule(
    "EVA001",
    severity=Severity.ERROR,
    applies_to=Survey,
    title_id="Nilai untuk kriteria yang tidak ada dalam rubrik",
    title_en="Rating for a criterion the rubric lacks",
    rationale=(
        "Every rating names a criterion of the response's rubric; another key is a typo "
        "or a response filed under the wrong rubric, and scoring refuses it. One finding "
        "per unknown key. Responses on a rubric the survey lacks are EVA010's."
    ),
    source=_SOURCE_SCORING,
)
def _unknown_criterion(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    for index, response, rubric in _known(survey):
        for key in response.ratings:
            if rubric.criterion(key) is None:
                shown = _privacy.redact(key)
                yield Hit(
                    path=f"responses[{index}].ratings[{_privacy.redact(repr(key))}]",
                    params={**_about(response), "criterion": shown},
                    subjects=(*_subjects(response), shown),
                )


@rule(
    "EVA002",
    severity=Severity.ERROR,
    applies_to=Survey,
    title_id="Nilai di luar skala",
    title_en="Rating off the scale",
    rationale=(
        "A rating is a point of its criterion's scale (from its minimum to its maximum in "
        "whole steps); another value cannot be normalised, and scoring refuses it. One "
        "finding per rating."
    ),
    source=_SOURCE_SCORING,
)
def _off_scale(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    for index, response, rubric in _known(survey):
        for key, value in response.ratings.items():
            criterion = rubric.criterion(key)
            if criterion is not None and not criterion.scale.contains(value):
                scale = criterion.scale
                yield Hit(
                    path=f"responses[{index}].ratings[{key!r}]",
                    params={
                        **_about(response),
                        "criterion": key,
                        "value": value,
                        "min": scale.min_value,
                        "max": scale.max_value,
                        "step": scale.step,
                    },
                    subjects=(*_subjects(response), key),
                )


@rule(
    "EVA003",
    severity=Severity.ERROR,
    applies_to=Survey,
    title_id="Kriteria wajib tidak dijawab",
    title_en="Required criterion unanswered",
    rationale=(
        "A criterion marked required must be answered in every response on its rubric; "
        "without it the score would rest on fewer criteria than the rubric means, and "
        "scoring refuses it. One finding per missing criterion."
    ),
    source=_SOURCE_SCORING,
)
def _required_unanswered(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    for index, response, rubric in _known(survey):
        for criterion in rubric.criteria:
            if criterion.required and criterion.id not in response.ratings:
                yield Hit(
                    path=f"responses[{index}].ratings[{criterion.id!r}]",
                    params={
                        **_about(response),
                        "criterion": criterion.id,
                        "title_id": criterion.title_id,
                        "title_en": criterion.title_en,
                    },
                    subjects=(*_subjects(response), criterion.id),
                )


# --- EVA004, EVA005: duplicates and self-rating ----------------------------------------------


@rule(
    "EVA004",
    severity=Severity.ERROR,
    applies_to=Survey,
    title_id="Jawaban ganda",
    title_en="Duplicate response",
    rationale=(
        "A rater answers a rubric once per subject (kind and id) and phase; a second "
        "response would count the rater twice in every aggregate. The first is kept, "
        "every later one reported; participant NIPs are compared in compact form."
    ),
    source=_SOURCE_RECORD,
)
def _duplicate(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    seen: dict[_Key, list[int]] = {}
    for index, response in enumerate(survey.responses):
        seen.setdefault(_key(response), []).append(index)
    for indexes in seen.values():
        for index in indexes[1:]:
            response = survey.responses[index]
            yield Hit(
                path=f"responses[{index}]",
                params={
                    **_about(response),
                    "other": f"responses[{indexes[0]}]",
                    "count": len(indexes),
                },
                subjects=_subjects(response),
            )


def _speaks(retreat: Retreat | None, session_id: str, people: set[str]) -> bool:
    """Whether one of ``people`` is a speaker of the retreat's session ``session_id``."""
    session = None if retreat is None else retreat.session(session_id)
    return session is not None and not people.isdisjoint(session.speakers)


@rule(
    "EVA005",
    severity=Severity.WARNING,
    applies_to=Survey,
    title_id="Penilaian diri pada rubrik yang melarangnya",
    title_en="Self-rating where the rubric forbids it",
    rationale=(
        "A rubric with allow_self_rating = false (a speaker evaluation) wants others' "
        "view. Self-rating: the rater id is the subject, survey.raters maps the rater to "
        "the subject, or, for a session, the rater (or the person it maps to) is one of "
        "the session's speakers (this needs the retreat)."
    ),
    source="The rubric's allow_self_rating setting",
)
def _self_rating(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    for index, response, rubric in _known(survey):
        if rubric.allow_self_rating:
            continue
        person = survey.raters.get(response.rater)
        subject = _subject_key(response)
        same = response.rater == response.subject or (
            person is not None
            and subject
            == (
                _nip.compact(person) if response.subject_kind is SubjectKind.PARTICIPANT else person
            )
        )
        speaker = False
        if not same and response.subject_kind is SubjectKind.SESSION:
            people = {response.rater} if person is None else {response.rater, person}
            speaker = _speaks(survey.retreat, response.subject, people)
        if same or speaker:
            yield Hit(
                path=f"responses[{index}]",
                params={
                    **_about(response),
                    "note_id": " sebagai narasumber sesi tersebut" if speaker else "",
                    "note_en": " as a speaker of the session" if speaker else "",
                },
                subjects=_subjects(response),
            )


# --- EVA006-EVA008: statistics and the reporting threshold ---------------------------------------


@rule(
    "EVA006",
    severity=Severity.WARNING,
    applies_to=Survey,
    title_id="Alfa Cronbach di bawah batas minimum",
    title_en="Cronbach's alpha below the minimum",
    rationale=(
        "Cronbach's alpha measures whether a rubric's criteria measure one thing; a low "
        "alpha means the total score mixes unrelated items. Computed per rubric and phase "
        "over complete responses (every criterion answered, first of duplicates, no "
        "EVA001-EVA003 problem), for rubrics of 2 criteria or more, with at least "
        "max(threshold, 2) of them. Rounded half-up to 2 decimals and compared rounded "
        "with options['cronbach_min'] (default 0.70, a project choice, not a "
        "regulation). Silent when alpha is undefined (no variance)."
    ),
    source="L. J. Cronbach (1951); 0.70 as the conventional minimum (a project choice)",
)
def _low_cronbach(survey: Survey, ctx: Context) -> Iterator[Hit]:
    threshold = _threshold(ctx)
    minimum = _minimum(ctx, _CRONBACH, DEFAULT_CRONBACH_MIN)
    usable = _usable(survey)
    for position, rubric in enumerate(survey.rubrics):
        k = len(rubric.criteria)
        if k < _PAIR:
            continue
        for phase in Phase:
            rows = [
                [response.ratings[c.id] for c in rubric.criteria]
                for response in usable.get((rubric.id, phase), ())
                if len(response.ratings) == k
            ]
            if len(rows) < max(threshold, _PAIR):
                continue
            try:
                alpha = round_half_up(cronbach_alpha(rows), _CRONBACH_DIGITS)
            except ScoringError:
                continue  # undefined: the total has no variance
            if alpha < minimum:
                yield Hit(
                    path=f"rubrics[{position}]",
                    params={
                        "rubric": rubric.id,
                        **_phase(phase),
                        **_alpha_params(alpha, _CRONBACH_DIGITS, minimum),
                        "n": len(rows),
                        "criteria": k,
                    },
                    subjects=(rubric.id, phase.value),
                )


def _scores(rubric: Rubric, responses: list[Response]) -> list[float] | None:
    """The 0-100 values of clean responses, or None when the rubric cannot be scored."""
    try:
        return [result.value for result in score_many(rubric, responses)]
    except ScoringError:
        return None  # ratio normalisation on a scale below 0: scoring.ratio_scale


def _agreement(
    responses: list[Response], values: list[float], kind: SubjectKind
) -> tuple[float, int, int] | None:
    """Krippendorff's alpha of one subject kind: (alpha, units paired, raters), or None."""
    by_subject: dict[str, dict[str, float]] = {}
    for response, value in zip(responses, values, strict=True):
        if response.subject_kind is kind:
            by_subject.setdefault(_subject_key(response), {})[response.rater] = value
    paired = [subject for subject, rated in by_subject.items() if len(rated) >= _PAIR]
    # With one pairable unit, alpha is 0 whatever the scores (or undefined): uninformative.
    if len(paired) < _PAIR:
        return None
    raters = sorted({rater for subject in paired for rater in by_subject[subject]})
    data = [[by_subject[subject].get(rater) for subject in paired] for rater in raters]
    try:
        alpha = krippendorff_alpha(data, level="interval")
    except ScoringError:
        return None  # undefined: every paired score is the same
    return alpha, len(paired), len(raters)


@rule(
    "EVA007",
    severity=Severity.WARNING,
    applies_to=Survey,
    title_id="Alfa Krippendorff di bawah batas minimum",
    title_en="Krippendorff's alpha below the minimum",
    rationale=(
        "When several raters rate one subject, their scores should agree beyond chance. "
        "Krippendorff's alpha at the interval level on each response's 0-100 score, per "
        "rubric, phase and subject kind, with subjects as units and raters as coders; "
        "only when at least 2 subjects have 2 raters or more (with one, alpha is 0 "
        "whatever the scores), over the first of duplicates and responses without "
        "EVA001-EVA003 problems. Rounded half-up to 3 decimals and compared "
        "rounded with options['krippendorff_min'] (default 0.667). Silent when alpha is "
        "undefined or the rubric cannot be scored."
    ),
    source="K. Krippendorff (2011): 0.667 as the lowest alpha for tentative conclusions",
)
def _low_krippendorff(survey: Survey, ctx: Context) -> Iterator[Hit]:
    minimum = _minimum(ctx, _KRIPPENDORFF, DEFAULT_KRIPPENDORFF_MIN)
    usable = _usable(survey)
    for position, rubric in enumerate(survey.rubrics):
        for phase in Phase:
            responses = usable.get((rubric.id, phase), [])
            values = _scores(rubric, responses) if responses else None
            if values is None:
                continue
            for kind in SubjectKind:
                found = _agreement(responses, values, kind)
                if found is None:
                    continue
                exact, units, raters = found
                alpha = round_half_up(exact, _KRIPPENDORFF_DIGITS)
                if alpha < minimum:
                    yield Hit(
                        path=f"rubrics[{position}]",
                        params={
                            "rubric": rubric.id,
                            **_phase(phase),
                            **_kind(kind),
                            **_alpha_params(alpha, _KRIPPENDORFF_DIGITS, minimum),
                            "units": units,
                            "raters": raters,
                        },
                        subjects=(rubric.id, phase.value, kind.value),
                    )


class _Group(NamedTuple):
    """A group EVA008 counts: the first response about it, and who is counted."""

    first: int
    members: set[str]


def _unit_of(roster: Roster, number: str, on: pendulum.Date) -> str | None:
    """The unit of an official's first post (definitive first) on ``on``, or None."""
    posts = roster.posts_of(number, on=on)
    return roster.position(posts[0].position).unit if posts else None


def _small_subjects(survey: Survey, threshold: int) -> Iterator[Hit]:
    """EVA008 for sessions, speakers, units and the retreat: raters per subject."""
    groups: dict[tuple[str, Phase, SubjectKind, str], _Group] = {}
    for index, response, rubric in _known(survey):
        if response.subject_kind in _GROUPED_KINDS:
            key = (rubric.id, response.phase, response.subject_kind, response.subject)
            groups.setdefault(key, _Group(index, set())).members.add(response.rater)
    for (rubric_id, phase, kind, subject), group in groups.items():
        if len(group.members) < threshold:
            shown = _privacy.redact(subject)
            label_id, label_en = _KIND_LABELS[kind]
            yield _small(
                group,
                threshold,
                rubric_id=rubric_id,
                phase=phase,
                kind=kind,
                names=(f"{label_id} {shown}", f"the {label_en} {shown}"),
                counted=("penilai", "rater"),
                subjects=(rubric_id, phase.value, shown),
            )


def _small_units(survey: Survey, threshold: int, roster: Roster) -> Iterator[Hit]:
    """EVA008 for participants grouped by the unit of their post on the first day."""
    retreat = survey.retreat
    if retreat is None:
        return
    first_day = retreat.days[0]
    units: dict[str, str | None] = {}
    groups: dict[tuple[str, Phase, str], _Group] = {}
    for index, response, rubric in _known(survey):
        if response.subject_kind is not SubjectKind.PARTICIPANT:
            continue
        number = _subject_key(response)
        if number not in units:
            units[number] = _unit_of(roster, number, first_day)
        unit = units[number]
        if unit is not None:
            key = (rubric.id, response.phase, unit)
            groups.setdefault(key, _Group(index, set())).members.add(number)
    for (rubric_id, phase, unit_id), group in groups.items():
        if len(group.members) < threshold:
            name = roster.unit(unit_id).name
            yield _small(
                group,
                threshold,
                rubric_id=rubric_id,
                phase=phase,
                kind=SubjectKind.PARTICIPANT,
                names=(f"peserta dari {name}", f"the participants from {name}"),
                counted=("peserta", "participant"),
                subjects=(rubric_id, phase.value, unit_id),
            )


def _small(
    group: _Group,
    threshold: int,
    *,
    rubric_id: str,
    phase: Phase,
    kind: SubjectKind,
    names: tuple[str, str],
    counted: tuple[str, str],
    subjects: tuple[str, ...],
) -> Hit:
    return Hit(
        path=f"responses[{group.first}]",
        params={
            "rubric": rubric_id,
            **_phase(phase),
            **_kind(kind),
            "group_id": names[0],
            "group_en": names[1],
            "count": len(group.members),
            "counted_id": counted[0],
            "counted_en": counted[1] if len(group.members) == 1 else f"{counted[1]}s",
            "threshold": threshold,
        },
        subjects=subjects,
    )


@rule(
    "EVA008",
    severity=Severity.INFO,
    applies_to=Survey,
    title_id="Kelompok di bawah ambang pelaporan",
    title_en="Group below the reporting threshold",
    rationale=(
        "Results of a group rated by fewer people than the reporting threshold "
        "(options['threshold'], default 3) are suppressed, so that no one can be singled "
        "out. Per rubric and phase: each session, speaker, unit and retreat subject with "
        "fewer distinct raters; with options['roster'] and the retreat, each unit "
        "(of the participants' posts on the retreat's first local day) with fewer "
        "distinct participants responded about. Responses on unknown rubrics are "
        "EVA010's."
    ),
    source=_SOURCE_PRIVACY,
)
def _below_threshold(survey: Survey, ctx: Context) -> Iterator[Hit]:
    threshold = _threshold(ctx)
    roster = _options.roster(ctx)
    yield from _small_subjects(survey, threshold)
    if roster is not None:
        yield from _small_units(survey, threshold, roster)


# --- EVA009-EVA011: tests, references and dates -------------------------------------------------


@rule(
    "EVA009",
    severity=Severity.WARNING,
    applies_to=Survey,
    title_id="Jawaban pasca-retret tanpa jawaban pra-retret",
    title_en="Post-test without a pre-test",
    rationale=(
        "A learning gain (Kirkpatrick level 2) compares a subject's pre- and post-retreat "
        "results; a post-phase response with no pre-phase response for the same rubric, "
        "subject kind and subject has nothing to compare with. Checked only for rubrics "
        "with a pre-phase response in the survey; a pre-phase response by any rater "
        "counts. Reported once per subject, on its first post-phase response."
    ),
    source="Kirkpatrick level 2: pre/post tests (sources: kirkpatrick)",
)
def _post_without_pre(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    tested: set[tuple[str, SubjectKind, str]] = set()
    rubrics: set[str] = set()
    for _index, response, rubric in _known(survey):
        if response.phase is Phase.PRE:
            rubrics.add(rubric.id)
            tested.add((rubric.id, response.subject_kind, _subject_key(response)))
    reported: set[tuple[str, SubjectKind, str]] = set()
    for index, response, rubric in _known(survey):
        if response.phase is not Phase.POST or rubric.id not in rubrics:
            continue
        key = (rubric.id, response.subject_kind, _subject_key(response))
        if key not in tested and key not in reported:
            reported.add(key)
            yield Hit(
                path=f"responses[{index}]", params=_about(response), subjects=_subjects(response)
            )


def _participants(retreat: Retreat) -> set[str]:
    """Every NIP enrolled (any status) or named as a substitute."""
    known = {enrollment.nip for enrollment in retreat.enrollments}
    known.update(e.substitute for e in retreat.enrollments if e.substitute is not None)
    return known


def _is_known(
    response: Response, retreat: Retreat | None, participants: set[str], units: set[str] | None
) -> bool:
    """Whether EVA010 accepts the subject (True when it cannot tell)."""
    kind = response.subject_kind
    if kind is SubjectKind.UNIT:
        return units is None or response.subject in units
    if retreat is None:
        return True
    if kind is SubjectKind.PARTICIPANT:
        return _subject_key(response) in participants
    if kind is SubjectKind.SESSION:
        return retreat.session(response.subject) is not None
    if kind is SubjectKind.SPEAKER:
        return retreat.speaker(response.subject) is not None
    return response.subject == retreat.id


@rule(
    "EVA010",
    severity=Severity.ERROR,
    applies_to=Survey,
    title_id="Jawaban merujuk subjek atau rubrik yang tidak dikenal",
    title_en="Response about an unknown subject or on an unknown rubric",
    rationale=(
        "A response is about someone or something of the survey's retreat: a participant "
        "enrolled in it (any status) or named as a substitute, one of its sessions or "
        "speakers, the retreat itself; a unit of the roster (options['roster']); and it "
        "is given on one of the survey's rubrics. Another id is a typo or a response "
        "filed under the wrong retreat. Subject checks need the retreat (units need the "
        "roster instead); the rubric check always runs."
    ),
    source=_SOURCE_RECORD,
)
def _unknown_reference(survey: Survey, ctx: Context) -> Iterator[Hit]:
    roster = _options.roster(ctx)
    units = None if roster is None else {unit.id for unit in roster.units()}
    retreat = survey.retreat
    participants = set() if retreat is None else _participants(retreat)
    for index, response in enumerate(survey.responses):
        if survey.rubric(response.rubric) is None:
            yield Hit(
                path=f"responses[{index}].rubric",
                params={
                    **_about(response),
                    "what_id": "rubrik",
                    "what_en": "rubric",
                    "value": response.rubric,
                    "note_id": " (tidak ada dalam survei)",
                    "note_en": " (not in the survey)",
                },
                subjects=(response.rubric,),
            )
        if not _is_known(response, retreat, participants, units):
            label_id, label_en = _KIND_LABELS[response.subject_kind]
            shown = _shown(response.subject_kind, response.subject)
            # A unit is checked against the roster, the other kinds against the retreat.
            why_id, why_en = _UNKNOWN_NOTES[response.subject_kind]
            where = "" if retreat is None else retreat.id
            yield Hit(
                path=f"responses[{index}].subject",
                params={
                    **_about(response),
                    "what_id": label_id,
                    "what_en": label_en,
                    "value": shown,
                    "note_id": why_id.format(where),
                    "note_en": why_en.format(where),
                },
                subjects=(response.subject_kind.value, shown),
            )


@rule(
    "EVA011",
    severity=Severity.WARNING,
    applies_to=Survey,
    title_id="Jawaban bertanggal di luar tahapnya",
    title_en="Response dated outside its phase",
    rationale=(
        "A pre-phase response is given before the retreat starts, a post-phase or "
        "follow-up response once it has ended; one dated otherwise is filed under the "
        "wrong phase or has a wrong time, and would distort a pre/post comparison. Silent "
        "for responses without a submission time and for a survey without a retreat."
    ),
    source="Kirkpatrick levels: pre/post tests around the training (sources: kirkpatrick)",
)
def _outside_phase(survey: Survey, _ctx: Context) -> Iterator[Hit]:
    retreat = survey.retreat
    if retreat is None:
        return
    for index, response in enumerate(survey.responses):
        submitted = response.submitted
        if submitted is None:
            continue
        if response.phase is Phase.PRE:
            if submitted < retreat.start:
                continue
            bound = retreat.start
            when = ("saat atau setelah retret dimulai", "once the retreat had begun")
        else:
            if submitted >= retreat.end:
                continue
            bound = retreat.end
            when = ("sebelum retret berakhir", "before the retreat ended")
        yield Hit(
            path=f"responses[{index}].submitted",
            params={
                **_about(response),
                "submitted": _stamp(submitted, retreat),
                "bound": _stamp(bound, retreat),
                "when_id": when[0],
                "when_en": when[1],
            },
            subjects=_subjects(response),
        )
