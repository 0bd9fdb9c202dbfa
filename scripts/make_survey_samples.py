"""Regenerate the sample survey responses ``src/birokrasi_retreat/samples/data/surveys/*.toml``.

One file per sample retreat held (``<retreat-file-stem>.toml``, e.g. ``malang-2025.toml``)
holding deterministic, SYNTHETIC responses on the built-in rubrics
(`birokrasi_retreat.rubrics`), so that the scoring demo and the tutorial have something
meaningful to score:

* ``malang-2025``: the BerAKHLAK self-assessment of every participant who attended,
  before the retreat (``pre``: the day before or the morning it began), after it
  (``post``: the day it ended or the next) and, for most of them, about four months later
  (``follow_up``, Kirkpatrick level 3, sources: kirkpatrick); a reaction to every mandatory
  session, by most of those who attended it; an evaluation of every speaker by most of
  those who attended their sessions; and the end-of-retreat reaction survey.

Reactions and speaker evaluations are ``post`` responses, filled in after the closing
(one form per session, in agenda order): `birokrasi_retreat.rubric.Phase` puts ``post``
at or after the retreat's end, and rule EVA011 warns of a post response dated earlier.
* ``kendari-2025`` and ``bandung-2025``: smaller sets, the end-of-retreat reaction
  survey and the speaker evaluations only.

The ``reaction`` rubric serves both a per-session survey (subject kind ``session``) and
the end-of-retreat one (``retreat``), as its file says; its optional ``narasumber`` item
is left blank for a session without a speaker. Raters are pseudonyms
``R-<retreat id>-<nnn>`` (numbered in a seeded shuffle of the participants); a
self-assessment's subject is the participant's (synthetic) NIP.

What each sample holds and the parameters of its story (seed, title, header, the mean
ratings of each session and speaker) are data: ``scripts/data/surveys.toml``.

The story the numbers tell (seeded `random.Random`, one seed per retreat): ratings are
correlated within a person (a latent level and a leniency per participant, a mood per
response), so Cronbach's alpha is realistic; BerAKHLAK post > pre on average (a moderate
gain, some participants flat or down) and the follow-up keeps most of the gain; one
session is clearly weaker than the rest (an early-morning sport session, not a
speaker's); a few optional items are left unanswered; a few responses carry a remark.
The ratings about the speakers, who are real public office holders, are invented and
say nothing about them.

Every response is checked before a file is written: scored with
`birokrasi_retreat.scoring.score_many` (no unknown criterion, no rating off the scale,
no required criterion unanswered), no duplicate (rubric, subject, rater, phase), every
subject known to the retreat, every time inside its phase; and the survey is checked with
`birokrasi_retreat.validation.check`: an error finding stops the script, and the findings
left are listed in the file's header. Re-running reproduces the files byte for byte.

The file format (read by `birokrasi_retreat.samples`): a ``[meta]`` table; a
``[criteria]`` table giving, per rubric, the criterion ids in the order the ratings
follow; then one ``[[subjects]]`` block per rubric and subject, whose ``responses`` hold
the ``rater``, the ``phase`` (``post`` when left out), the ``submitted`` time (an RFC
9557 string, local time of the venue with its zone name), the ``ratings`` as one character per
criterion in column order (a digit, or ``-`` when unanswered: ``"43-344"``), and an
optional ``comment``.

Usage (from the project root)::

    uv run python scripts/make_survey_samples.py          # rewrite the files
    uv run python scripts/make_survey_samples.py --check  # exit 1 if a file is stale
"""

from __future__ import annotations

import dataclasses
import random
import statistics

from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import _samples_common as common
import pendulum

from birokrasi_retreat import rubrics, serialization
from birokrasi_retreat.retreat import EnrollmentStatus
from birokrasi_retreat.rubric import Phase, Response, SubjectKind
from birokrasi_retreat.samples import _folder, _responses, _retreats, _SampleFile, _SurveyFile
from birokrasi_retreat.scoring import cohens_dz, cronbach_alpha, normalized_gain, score_many
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from birokrasi_retreat.retreat import Retreat, Session
    from birokrasi_retreat.roster import Roster
    from birokrasi_retreat.rubric import Rubric


TARGET: Final = common.SAMPLES / "surveys"

# The plans of the samples, their sources and disclaimer: scripts/data/surveys.toml.
FACTS: Final = common.facts("surveys")

# The retrieval date recorded in every data file of the project (COMMON brief).
RETRIEVED: Final[str] = FACTS["retrieved"]

DISCLAIMER: Final[str] = FACTS["disclaimer"]

SOURCES: Final[tuple[str, ...]] = tuple(FACTS["sources"])

# Synthetic remarks (saran), in Indonesian as a participant would write them.
RETREAT_REMARKS: Final = (
    "Perlu tindak lanjut yang jelas di setiap perangkat daerah setelah retret.",
    "Materi sangat bermanfaat; mohon bahan paparan dibagikan kepada peserta.",
    "Jadwal cukup padat, waktu istirahat perlu ditambah.",
    "Kegiatan kebersamaan antar-OPD sebaiknya diadakan rutin.",
    "Kamar dan konsumsi baik; air bersih sempat terganggu.",
    "Mohon diskusi kelompok diberi waktu lebih panjang.",
)
WEAK_REMARKS: Final = (
    "Waktunya terlalu pagi, peserta masih lelah setelah refleksi malam.",
    "Sebaiknya dimulai setelah subuh dan diberi waktu pemanasan.",
    "Instruksi kurang jelas dan pembagian kelompok kurang tertata.",
)
SESSION_REMARKS: Final = (
    "Sesi ini sangat relevan dengan tugas sehari-hari.",
    "Contoh kasusnya perlu lebih dekat dengan kondisi daerah.",
    "Waktu tanya jawab terlalu singkat.",
)

# BerAKHLAK: value -> (offset of its level, multiplier of the gain). ILLUSTRATIVE: the
# retreats stressed collaboration and togetherness (seeds 000-004), so kolaboratif and
# harmonis gain most; adaptif and kompeten start lowest.
VALUE_SHAPE: Final = {
    "berorientasi_pelayanan": (0.15, 1.0),
    "akuntabel": (0.20, 0.8),
    "kompeten": (-0.15, 0.8),
    "harmonis": (0.25, 1.3),
    "loyal": (0.30, 0.7),
    "adaptif": (-0.25, 1.0),
    "kolaboratif": (-0.05, 1.4),
}
# Reaction items: offset from the session's quality (facilities of a military campus
# or a garden rate a little lower).
REACTION_OFFSET: Final = {
    "relevansi": 0.05,
    "materi": 0.0,
    "narasumber": 0.1,
    "fasilitas": -0.15,
    "penyelenggaraan": 0.0,
    "kepuasan": 0.0,
}
SPEAKER_OFFSET: Final = {
    "penguasaan_materi": 0.15,
    "penyampaian": 0.0,
    "waktu": -0.2,
    "interaksi": -0.1,
    "relevansi": 0.05,
}
# The optional reaction items a respondent leaves blank now and then.
OPTIONAL_SKIP: Final = 0.03
# Participants who attended less than this share of the sessions (who left early) give
# no post-test and no end-of-retreat survey; RET015's default threshold (80%).
STAYED: Final = 0.8
# Chances (ILLUSTRATIVE): a post-test given by one who stayed; a pre-test given the
# evening before rather than that morning; a post-test given the afternoon the retreat
# ends rather than the next day.
POST_RATE: Final = 0.98
EVENING_BEFORE: Final = 0.75
SAME_AFTERNOON: Final = 0.6
# Chances of a remark: on the weak session, on a session with a speaker, at the end.
WEAK_REMARK: Final = 0.12
SESSION_REMARK: Final = 0.03
RETREAT_REMARK: Final = 0.08


@dataclasses.dataclass(frozen=True)
class Plan:
    """What one sample's survey holds, and the parameters of its story."""

    sample: str
    seed: int
    title: str
    header: Sequence[str]
    self_assessment: bool  # BerAKHLAK pre and post
    follow_up: pendulum.Date | None  # first day of the follow-up survey, if any
    session_reactions: bool
    quality: Mapping[str, float]  # session id -> mean reaction rating (1-4)
    weak: str | None  # the weak session
    speaker_quality: Mapping[str, float]  # speaker id -> mean rating (1-5)
    retreat_quality: float  # end-of-retreat reaction (1-4)


def plan_of(sample: str, data: Mapping[str, Any]) -> Plan:
    """One sample of surveys.toml."""
    follow_up = data.get("follow_up")
    return Plan(
        sample=sample,
        seed=data["seed"],
        title=data["title"],
        header=data["header"],
        self_assessment=data["self_assessment"],
        follow_up=None if follow_up is None else common.date(follow_up),
        session_reactions=data["session_reactions"],
        quality=data.get("quality", {}),
        weak=data.get("weak"),
        speaker_quality=data["speaker_quality"],
        retreat_quality=data["retreat_quality"],
    )


PLANS: Final = tuple(plan_of(sample, data) for sample, data in FACTS["survey"].items())


@dataclasses.dataclass(frozen=True)
class Person:
    """One participant who attended, with the latent traits of the story."""

    nip: str
    rater: str
    attended: frozenset[str]
    level: float  # BerAKHLAK self-view, standardised
    lenient: float  # how generously they rate sessions and speakers, standardised
    gain: float  # BerAKHLAK change from pre to post, on the 1-5 scale
    diligent: float  # probability of answering a survey
    forms: int  # minutes after the retreat's end when they fill in the reaction forms


def clip(value: float, low: int, high: int) -> int:
    """Round half away from zero and clip to the scale."""
    rounded = int(value + 0.5) if value >= 0 else -int(-value + 0.5)
    return max(low, min(high, rounded))


def people(retreat: Retreat, rng: random.Random) -> list[Person]:
    """The participants who attended, in enrollment order, with seeded traits."""
    attended = [e for e in retreat.enrollments if e.status is EnrollmentStatus.ATTENDED]
    numbers = list(range(1, len(attended) + 1))
    rng.shuffle(numbers)
    out = []
    for enrollment, number in zip(attended, numbers, strict=True):
        out.append(
            Person(
                nip=enrollment.nip,
                rater=f"R-{retreat.id}-{number:03d}",
                attended=frozenset(enrollment.attended_sessions),
                level=rng.gauss(0, 1),
                lenient=rng.gauss(0, 1),
                gain=rng.gauss(0.3, 0.22),
                diligent=min(0.99, max(0.6, rng.gauss(0.92, 0.06))),
                forms=rng.randint(5, 150),
            )
        )
    return out


def minute_after(
    start: pendulum.DateTime, minutes: int, spread: int, rng: random.Random
) -> pendulum.DateTime:
    """A time ``minutes`` (plus up to ``spread``) after ``start``, in ``start``'s zone."""
    return start.add(minutes=minutes + rng.randint(0, spread))


def local(day: pendulum.Date, minutes: int, zone: str) -> pendulum.DateTime:
    """``minutes`` after midnight of ``day`` in ``zone`` (the venue's, by name)."""
    return pendulum.datetime(day.year, day.month, day.day, tz=zone).add(minutes=minutes)


# --- the responses ---------------------------------------------------------------------


def berakhlak_rows(
    retreat: Retreat, plan: Plan, crowd: Sequence[Person], rng: random.Random
) -> list[Response]:
    """Self-assessments: pre, post and follow-up per participant, grouped by participant."""
    rubric = rubrics.load("berakhlak")
    zone = retreat.timezone
    first, last = retreat.days[0], retreat.days[-1]
    start_minutes = retreat.start.hour * 60 + retreat.start.minute
    end_minutes = retreat.end.hour * 60 + retreat.end.minute
    item_offset = {c.id: rng.gauss(0, 0.08) for c in rubric.criteria}
    rows: list[Response] = []
    for person in crowd:
        # Everyone who attended answers the pre-test; the post-test is skipped by the few
        # who left early (attended under 80% of the sessions) and by chance.
        share = len(person.attended) / len(retreat.sessions)
        answers_post = share >= STAYED and rng.random() < POST_RATE
        answers_follow = (
            plan.follow_up is not None and answers_post and rng.random() < person.diligent - 0.05
        )
        follow_gain = person.gain * rng.uniform(0.6, 0.9) + rng.gauss(0, 0.08)
        phases: list[tuple[Phase, pendulum.DateTime, float]] = []
        if rng.random() < EVENING_BEFORE:
            pre_at = local(first.subtract(days=1), rng.randint(13 * 60, 22 * 60), zone)
        else:  # the morning it begins, before the opening
            pre_at = local(first, rng.randint(5 * 60, start_minutes - 10), zone)
        phases.append((Phase.PRE, pre_at, 0.0))
        if answers_post:
            if rng.random() < SAME_AFTERNOON:
                post_at = local(last, rng.randint(end_minutes + 10, 21 * 60), zone)
            else:
                post_at = local(last.add(days=1), rng.randint(7 * 60, 21 * 60), zone)
            phases.append((Phase.POST, post_at, person.gain))
        if answers_follow and plan.follow_up is not None:
            day = plan.follow_up.add(days=rng.randint(0, 18))
            while day.day_of_week in (pendulum.SATURDAY, pendulum.SUNDAY):
                day = day.add(days=1)
            follow_at = local(day, rng.randint(8 * 60, 16 * 60), zone)
            phases.append((Phase.FOLLOW_UP, follow_at, follow_gain))
        base = 3.3 + 0.45 * person.level
        for phase, at, gain in phases:
            mood = rng.gauss(0, 0.15)
            ratings = {}
            for criterion in rubric.criteria:
                offset, multiplier = VALUE_SHAPE[criterion.group or ""]
                value = (
                    base
                    + offset
                    + item_offset[criterion.id]
                    + gain * multiplier
                    + mood
                    + rng.gauss(0, 0.55)
                )
                ratings[criterion.id] = clip(value, 1, 5)
            response = Response(
                rubric=rubric.id,
                subject_kind=SubjectKind.PARTICIPANT,
                subject=person.nip,
                rater=person.rater,
                phase=phase,
                ratings=ratings,
                submitted=at,
            )
            rows.append(response)
    return rows


def reaction_ratings(
    rubric: Rubric,
    quality: float,
    person: Person,
    rng: random.Random,
    *,
    has_speaker: bool,
) -> dict[str, int]:
    """The ratings of one reaction response, without the optional items left blank."""
    mood = rng.gauss(0, 0.3)
    ratings: dict[str, int] = {}
    for criterion in rubric.criteria:
        if criterion.id == "narasumber" and not has_speaker:
            continue  # the item does not apply: no speaker
        if not criterion.required and rng.random() < OPTIONAL_SKIP:
            continue  # left blank
        value = (
            quality
            + REACTION_OFFSET[criterion.id]
            + 0.3 * person.lenient
            + mood
            + rng.gauss(0, 0.4)
        )
        ratings[criterion.id] = clip(value, 1, 4)
    return ratings


def session_rows(
    retreat: Retreat, plan: Plan, crowd: Sequence[Person], rng: random.Random
) -> list[Response]:
    """A reaction per mandatory session by most of those who attended it (after the closing)."""
    rubric = rubrics.load("reaction")
    rows: list[Response] = []
    for position, session in enumerate(retreat.sessions):
        if not session.mandatory:
            continue
        quality = plan.quality[session.id]
        weak = session.id == plan.weak
        found: list[Response] = []
        for person in crowd:
            rate = person.diligent - (0.1 if weak else 0.0)
            if session.id not in person.attended or rng.random() >= rate:
                continue
            ratings = reaction_ratings(
                rubric, quality, person, rng, has_speaker=bool(session.speakers)
            )
            comment = None
            if weak and rng.random() < WEAK_REMARK:
                comment = rng.choice(WEAK_REMARKS)
            elif session.speakers and rng.random() < SESSION_REMARK:
                comment = rng.choice(SESSION_REMARKS)
            response = Response(
                rubric=rubric.id,
                subject_kind=SubjectKind.SESSION,
                subject=session.id,
                rater=person.rater,
                phase=Phase.POST,
                ratings=ratings,
                # The forms of every session are filled in after the closing, in
                # agenda order, about two minutes each.
                submitted=minute_after(retreat.end, person.forms + 2 * position, 1, rng),
                comment=comment,
            )
            found.append(response)
        rows.extend(sorted(found, key=order))
    return rows


def speaker_rows(
    retreat: Retreat, plan: Plan, crowd: Sequence[Person], rng: random.Random
) -> list[Response]:
    """A speaker evaluation per speaker by most of those who attended their sessions."""
    rubric = rubrics.load("speaker")
    rows: list[Response] = []
    after_sessions = 2 * len(retreat.sessions) + 2
    for position, speaker in enumerate(retreat.speakers):
        theirs: list[Session] = [s for s in retreat.sessions if speaker.id in s.speakers]
        found: list[Response] = []
        for person in crowd:
            heard = [s for s in theirs if s.id in person.attended]
            if not heard or rng.random() >= person.diligent - 0.05:
                continue
            mood = rng.gauss(0, 0.3)
            ratings = {
                c.id: clip(
                    plan.speaker_quality[speaker.id]
                    + SPEAKER_OFFSET[c.id]
                    + 0.35 * person.lenient
                    + mood
                    + rng.gauss(0, 0.45),
                    1,
                    5,
                )
                for c in rubric.criteria
            }
            response = Response(
                rubric=rubric.id,
                subject_kind=SubjectKind.SPEAKER,
                subject=speaker.id,
                rater=person.rater,
                phase=Phase.POST,
                ratings=ratings,
                submitted=minute_after(
                    retreat.end, person.forms + after_sessions + 2 * position, 1, rng
                ),
            )
            found.append(response)
        rows.extend(sorted(found, key=order))
    return rows


def retreat_rows(
    retreat: Retreat, plan: Plan, crowd: Sequence[Person], rng: random.Random
) -> list[Response]:
    """The end-of-retreat reaction survey, the afternoon the retreat ends."""
    rubric = rubrics.load("reaction")
    found: list[Response] = []
    for person in crowd:
        share = len(person.attended) / len(retreat.sessions)
        if share < STAYED or rng.random() >= person.diligent:
            continue
        ratings = reaction_ratings(rubric, plan.retreat_quality, person, rng, has_speaker=True)
        comment = rng.choice(RETREAT_REMARKS) if rng.random() < RETREAT_REMARK else None
        response = Response(
            rubric=rubric.id,
            subject_kind=SubjectKind.RETREAT,
            subject=retreat.id,
            rater=person.rater,
            phase=Phase.POST,
            ratings=ratings,
            submitted=minute_after(
                retreat.end, person.forms + 2 * len(retreat.sessions) + 12, 2, rng
            ),
            comment=comment,
        )
        found.append(response)
    return sorted(found, key=order)


def order(response: Response) -> tuple[pendulum.DateTime, str]:
    """The responses about one subject are written in the order they were submitted."""
    assert response.submitted is not None  # noqa: S101  (every generated response has one)
    return (response.submitted, response.rater)


def generate(retreat: Retreat, plan: Plan) -> list[Response]:
    """Every response of one sample, in file order."""
    rng = random.Random(plan.seed)  # noqa: S311  (synthetic sample data, not security)
    crowd = people(retreat, rng)
    rows: list[Response] = []
    if plan.self_assessment:
        rows.extend(berakhlak_rows(retreat, plan, crowd, rng))
    if plan.session_reactions:
        rows.extend(session_rows(retreat, plan, crowd, rng))
    rows.extend(speaker_rows(retreat, plan, crowd, rng))
    rows.extend(retreat_rows(retreat, plan, crowd, rng))
    return rows


# --- checks ----------------------------------------------------------------------------


def verify(retreat: Retreat, plan: Plan, responses: Sequence[Response]) -> None:
    """Stop on anything the EVA error and timing rules would report."""
    by_rubric: dict[str, list[Response]] = {}
    for response in responses:
        by_rubric.setdefault(response.rubric, []).append(response)
    for rubric_id, items in by_rubric.items():
        score_many(rubrics.load(rubric_id), items)  # raises on EVA001-EVA003 problems
    keys = Counter((r.rubric, r.subject_kind, r.subject, r.rater, r.phase) for r in responses)
    if max(keys.values()) > 1:
        msg = f"{plan.sample}: duplicate responses"
        raise SystemExit(msg)
    nips = {e.nip for e in retreat.enrollments if e.status is EnrollmentStatus.ATTENDED}
    known = {
        SubjectKind.PARTICIPANT: nips,
        SubjectKind.SESSION: {s.id for s in retreat.sessions},
        SubjectKind.SPEAKER: {s.id for s in retreat.speakers},
        SubjectKind.RETREAT: {retreat.id},
    }
    for response in responses:
        if response.subject not in known[response.subject_kind]:
            msg = f"{plan.sample}: unknown {response.subject_kind} subject"
            raise SystemExit(msg)
        at = response.submitted
        assert at is not None  # noqa: S101  (every generated row has one)
        if response.phase is Phase.PRE and at >= retreat.start:
            msg = f"{plan.sample}: a pre-test at {at}"
            raise SystemExit(msg)
        if response.phase is not Phase.PRE and at < retreat.end:
            msg = f"{plan.sample}: a {response.phase} response at {at}, before the end"
            raise SystemExit(msg)


def findings_summary(survey: Survey, plan: Plan, roster: Roster) -> list[str]:
    """Check the survey, alone and with the roster; stop on an error; list the rest."""
    lines: list[str] = []
    for label, options in (("", {}), (", options={'roster': roster}", {"roster": roster})):
        report = check(survey, options=options)
        common.stop_on_errors(report, plan.sample)
        found = ", ".join(common.finding_counts(report))
        lines.append(f"validation.check(survey{label}): no error; {found or 'no finding'}.")
    return lines


def base(sample: str) -> tuple[Retreat, Roster]:
    """The held retreat and the roster of a sample, read without its survey files."""
    held, _ = _retreats(sample)
    assert held is not None  # noqa: S101  (every sample has a held retreat)
    text = _folder().joinpath(f"{sample}.toml").read_text(encoding="utf-8")
    return held, serialization.loads(text, _SampleFile, format="toml").roster


def story(responses: Sequence[Response]) -> list[str]:
    """A few figures of the story, for the header (the tutorial computes them too)."""
    lines: list[str] = []
    scored: dict[tuple[str, Phase], dict[str, float]] = {}
    matrix: dict[str, list[list[float | None]]] = {}
    for rubric_id in sorted({r.rubric for r in responses}):
        rubric = rubrics.load(rubric_id)
        items = [r for r in responses if r.rubric == rubric_id]
        for response, result in zip(items, score_many(rubric, items), strict=True):
            scored.setdefault((rubric_id, response.phase), {})[response.subject] = result.value
        matrix[rubric_id] = [
            [r.ratings.get(c.id) for c in rubric.criteria]
            for r in items
            if all(r.ratings.get(c.id) is not None for c in rubric.criteria)
        ]
    pre = scored.get(("berakhlak", Phase.PRE), {})
    post = scored.get(("berakhlak", Phase.POST), {})
    paired = sorted(pre.keys() & post.keys())
    if paired:
        before = [pre[nip] for nip in paired]
        after = [post[nip] for nip in paired]
        gain = normalized_gain(before, after, max_score=100)
        lines.append(
            f"BerAKHLAK pre/post (n={len(paired)}): mean {statistics.fmean(before):.2f} ->"
            f" {statistics.fmean(after):.2f}, normalised gain {gain.average:.3f},"
            f" Cohen's d_z {cohens_dz(before, after):.2f},"
            f" {sum(b >= a for a, b in zip(after, before, strict=True))} flat or down."
        )
    for rubric_id, rows in matrix.items():
        lines.append(
            f"Cronbach's alpha ({rubric_id}, complete responses of all phases, n={len(rows)}):"
            f" {cronbach_alpha(rows):.3f}."
        )
    return lines


# --- writing ---------------------------------------------------------------------------


def literal(value: str) -> str:
    """A TOML literal string ('...'), which tomllib reads faster than a basic one."""
    if "'" in value or not value.isprintable():
        return common.toml_value(value)
    return f"'{value}'"


def row_line(response: Response, columns: Sequence[str]) -> str:
    """One response as an inline table."""
    fields = [f"rater = {literal(response.rater)}"]
    if response.phase is not Phase.POST:
        fields.append(f"phase = {literal(response.phase.value)}")
    assert response.submitted is not None  # noqa: S101  (every generated row has one)
    # RFC 9557 text: the zone name is kept (a TOML date-time would keep the offset only).
    fields.append(f"submitted = {literal(serialization.to_dict(response.submitted))}")
    marks = "".join(
        "-" if (rating := response.ratings.get(c)) is None else str(int(rating)) for c in columns
    )
    fields.append(f"ratings = {literal(marks)}")
    if response.comment is not None:
        fields.append(f"comment = {common.toml_value(response.comment)}")
    return "    { " + ", ".join(fields) + " },"


def render(retreat: Retreat, roster: Roster, plan: Plan) -> tuple[str, tuple[Response, ...]]:
    """Return the TOML text of one sample survey and the responses it holds."""
    rows = generate(retreat, plan)
    responses = tuple(rows)
    verify(retreat, plan, responses)
    used = sorted({r.rubric for r in responses})
    survey = Survey(
        rubrics=tuple(rubrics.load(r) for r in used),
        responses=responses,
        retreat=retreat,
        raters={r.rater: r.subject for r in responses if r.subject_kind is SubjectKind.PARTICIPANT},
    )
    counts = Counter((r.rubric, r.subject_kind.value, r.phase.value) for r in responses)
    attended = sum(e.status is EnrollmentStatus.ATTENDED for e in retreat.enrollments)
    header = [
        (
            f"Sample survey responses of retreat {retreat.id} ({retreat.title}, Pemerintah"
            f" {retreat.host.name}) for birokrasi-retreat."
        ),
        common.generated_line("make_survey_samples.py"),
        "",
        (
            "SYNTHETIC: every response is invented (seeded random.Random), about the sample"
            f" retreat samples/data/retreats/{retreat.id}.toml; raters are pseudonyms,"
            " participants the synthetic officials of the sample roster, and the ratings"
            " of the speakers (real public office holders) reflect no real evaluation."
        ),
        "",
        *plan.header,
        "",
        f"Participants who attended: {attended}. Responses: {len(responses)}:",
    ]
    lines = [*common.comment(header)]
    lines.extend(
        f"#   {rubric} / {kind} / {phase}: {count}"
        for (rubric, kind, phase), count in sorted(counts.items())
    )
    lines.extend(common.comment(["", *story(responses), *findings_summary(survey, plan, roster)]))
    lines.extend(
        common.comment(
            [
                "",
                (
                    "Format: [criteria] gives, per rubric, the criterion ids in the order a"
                    " response's ratings follow; each [[subjects]] block holds the responses"
                    " about one subject on one rubric: rater, phase (post when left out),"
                    " submitted (local time of the venue, with its zone), ratings (one"
                    " character per criterion: the rating as a digit, or - when left"
                    " unanswered) and an optional comment."
                ),
                "",
                common.licence_line(RETRIEVED),
            ]
        )
    )
    lines.extend(
        [
            "",
            "[meta]",
            f"title = {common.toml_value(plan.title)}",
            "sources = [",
            *(f"    {common.toml_value(source)}," for source in SOURCES),
            "]",
            f"disclaimer = {common.toml_value(DISCLAIMER)}",
            "",
            "[criteria]",
        ]
    )
    columns = {r: tuple(c.id for c in rubrics.load(r).criteria) for r in used}
    lines.extend(
        f"{rubric_id} = {common.toml_value(list(columns[rubric_id]))}" for rubric_id in used
    )
    blocks: dict[tuple[str, SubjectKind, str], list[Response]] = {}
    for response in responses:
        key = (response.rubric, response.subject_kind, response.subject)
        blocks.setdefault(key, []).append(response)
    for (rubric_id, kind, subject), block in blocks.items():
        lines.extend(
            [
                "",
                "[[subjects]]",
                f"rubric = {common.toml_value(rubric_id)}",
                f"subject_kind = {common.toml_value(kind.value)}",
                f"subject = {literal(subject)}",
                "responses = [",
                *(row_line(row, columns[rubric_id]) for row in block),
                "]",
            ]
        )
    text = "\n".join(lines) + "\n"
    loaded = _responses(serialization.loads(text, _SurveyFile, format="toml"))
    expected = tuple(response for block in blocks.values() for response in block)
    if loaded != expected:
        msg = f"{plan.sample}: the file does not read back as the responses"
        raise SystemExit(msg)
    return text, expected


def files() -> Iterator[tuple[str, str]]:
    """The name and text of each sample survey, in PLANS order."""
    for plan in PLANS:
        retreat, roster = base(plan.sample)
        text, _ = render(retreat, roster, plan)
        yield f"{retreat.id}.toml", text


def main(argv: list[str] | None = None) -> int:
    """Write the sample surveys, or with ``--check`` report whether they are up to date."""
    return common.main(
        argv, doc=__doc__, script="make_survey_samples.py", target=TARGET, files=files
    )


if __name__ == "__main__":
    raise SystemExit(main())
