"""Tests for the bundled sample surveys: ``samples.load(name).responses`` and ``.survey``.

The responses are synthetic and seeded (``scripts/make_survey_samples.py``); they must
tell a plausible story about each sample retreat (sources: kirkpatrick, Kirkpatrick): a
BerAKHLAK pre/post self-assessment with a moderate gain and a follow-up about four
months later (Malang), reactions to every session with one clearly weaker session,
speaker evaluations, internally consistent ratings (Cronbach's alpha above 0.70), and no
error or timing finding of the EVA rules.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import rubrics, samples, serialization
from birokrasi_retreat.errors import (
    InvalidFormat,
    UnknownReferenceError,
    ValidationError,
    ValidationErrorGroup,
)
from birokrasi_retreat.retreat import EnrollmentStatus
from birokrasi_retreat.rubric import Phase, Response, SubjectKind
from birokrasi_retreat.samples import Dataset, _responses, _SurveyFile
from birokrasi_retreat.scoring import (
    aggregate,
    cohens_dz,
    cronbach_alpha,
    normalized_gain,
    score_many,
)
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    import datetime as dt

    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.survey import Survey


NAMES: Final = ("bandung", "kendari", "malang")
SURVEYS: Final = Path(samples.__file__).parent / "data" / "surveys"
SCRIPT: Final = Path(__file__).resolve().parent.parent / "scripts" / "make_survey_samples.py"

# (rubric, subject kind, phase) -> responses, as each file's header lists them.
COUNTS: Final = {
    "malang": {
        ("berakhlak", "participant", "pre"): 96,
        ("berakhlak", "participant", "post"): 93,
        ("berakhlak", "participant", "follow_up"): 80,
        ("reaction", "session", "post"): 1217,
        ("reaction", "retreat", "post"): 88,
        ("speaker", "speaker", "post"): 320,
    },
    "kendari": {
        ("reaction", "retreat", "post"): 53,
        ("speaker", "speaker", "post"): 175,
    },
    "bandung": {
        ("reaction", "retreat", "post"): 196,
        ("speaker", "speaker", "post"): 543,
    },
}
# The rules the samples must never trigger: ratings, duplicates, references, dates,
# self-rating, reliability of the items, and post-tests without a pre-test.
NEVER: Final = frozenset(
    {"EVA001", "EVA002", "EVA003", "EVA004", "EVA005", "EVA006", "EVA009", "EVA010", "EVA011"}
)
# The reaction rubric's IKM-like bands (sources: ikm; by analogy): B from 76.61.
GOOD: Final = 76.61
# Kirkpatrick level 3 is "often 3-6 months after" (sources: kirkpatrick); the brief: 3-5.
FOLLOW_UP_MONTHS: Final = (3, 5)

by_name = pytest.mark.parametrize("name", NAMES)


def _survey(name: str) -> Survey:
    survey = samples.load(name).survey
    assert survey is not None
    return survey


def _retreat(name: str) -> Retreat:
    retreat = samples.load(name).retreat
    assert retreat is not None
    return retreat


def _attended(name: str) -> dict[str, frozenset[str]]:
    """NIP -> the sessions attended, for everyone who attended the retreat."""
    return {
        e.nip: frozenset(e.attended_sessions)
        for e in _retreat(name).enrollments
        if e.status is EnrollmentStatus.ATTENDED
    }


def _scores(name: str, rubric_id: str, phase: Phase) -> dict[str, float]:
    """Subject -> 0-100 score of the responses on one rubric in one phase (one each)."""
    survey = _survey(name)
    rubric = survey.rubric(rubric_id)
    assert rubric is not None
    items = survey.responses_for(rubric_id, phase=phase)
    return {s.subject: s.value for s in score_many(rubric, items)}


def _submitted(response: Response) -> pendulum.DateTime:
    assert response.submitted is not None
    return response.submitted


def _file(subjects: str, criteria: str = 'reaction = ["relevansi", "kepuasan"]') -> str:
    """A minimal survey file around the given ``[[subjects]]`` blocks."""
    return (
        '[meta]\ntitle = "t"\nsources = []\ndisclaimer = "d"\n\n'
        f"[criteria]\n{criteria}\n\n{subjects}"
    )


def _block(ratings: str, rubric: str = "reaction", rater: str = "R-1") -> str:
    return (
        f'[[subjects]]\nrubric = "{rubric}"\nsubject_kind = "session"\nsubject = "s1"\n'
        f"responses = [{{ rater = '{rater}', submitted = '2025-05-17T12:00:00+07:00[Asia/Jakarta]',"
        f" ratings = '{ratings}' }}]\n"
    )


def _read(text: str) -> tuple[Response, ...]:
    return _responses(serialization.loads(text, _SurveyFile, format="toml"))


class TestFiles:
    def test_one_file_per_held_retreat(self) -> None:
        """Each sample's held retreat has a survey file named after its retreat file."""
        assert {"bandung-2025.toml", "kendari-2025.toml", "malang-2025.toml"} == {
            path.name for path in SURVEYS.glob("*.toml")
        }

    def test_files_compact(self) -> None:
        """The survey files stay under 400 KB together."""
        assert sum(path.stat().st_size for path in SURVEYS.glob("*.toml")) < 400_000

    @by_name
    def test_meta_disclaims(self, name: str) -> None:
        """Each file's meta says the responses are synthetic and seeded."""
        path = SURVEYS / f"{name}-2025.toml"
        meta = serialization.loads(path.read_text("utf-8"), _SurveyFile, format="toml").meta
        assert "sintetis" in meta.title
        assert "Synthetic" in meta.disclaimer
        assert "seed" in meta.disclaimer
        assert any("sources: kirkpatrick" in source for source in meta.sources)

    @pytest.mark.skipif(not SCRIPT.exists(), reason="scripts/ is not shipped")
    def test_generator_check_passes(self) -> None:
        """scripts/make_survey_samples.py --check finds the files up to date."""
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode, result.stderr


class TestResponses:
    @by_name
    def test_counts(self, name: str) -> None:
        """Each sample holds the responses its file's header lists."""
        found = Counter(
            (r.rubric, r.subject_kind.value, r.phase.value) for r in samples.load(name).responses
        )
        assert COUNTS[name] == dict(found)

    @by_name
    def test_cached(self, name: str) -> None:
        """Loading twice gives the same responses."""
        assert samples.load(name).responses is samples.load(name).responses

    @by_name
    def test_raters_are_pseudonyms(self, name: str) -> None:
        """Every rater is R-<retreat id>-<three digits>, never a NIP."""
        pattern = re.compile(rf"R-{name}-2025-[0-9]{{3}}\Z")
        assert all(pattern.match(r.rater) for r in samples.load(name).responses)

    @by_name
    def test_no_duplicates(self, name: str) -> None:
        """No rater answers twice about one subject on one rubric in one phase."""
        keys = Counter(
            (r.rubric, r.subject_kind, r.subject, r.rater, r.phase)
            for r in samples.load(name).responses
        )
        assert 1 == max(keys.values())

    @by_name
    def test_every_response_dated_with_offset(self, name: str) -> None:
        """Every response has an aware submission time in the venue's zone, by name."""
        retreat = _retreat(name)
        offsets: set[dt.timedelta | None] = {
            _submitted(r).utcoffset() for r in samples.load(name).responses
        }
        assert {retreat.start.utcoffset()} == offsets
        zones = {_submitted(r).timezone_name for r in samples.load(name).responses}
        assert {retreat.timezone} == zones

    @by_name
    def test_dated_inside_their_phase(self, name: str) -> None:
        """Pre-tests come before the retreat starts, everything else after it ends."""
        retreat = _retreat(name)
        for response in samples.load(name).responses:
            assert response.submitted is not None
            if response.phase is Phase.PRE:
                assert response.submitted < retreat.start
            else:
                assert response.submitted >= retreat.end

    @by_name
    def test_rater_numbers(self, name: str) -> None:
        """Raters are numbered from 001 up to the number of participants who attended."""
        numbers = {int(r.rater[-3:]) for r in samples.load(name).responses}
        assert 1 <= min(numbers)
        assert max(numbers) <= len(_attended(name))

    @pytest.mark.parametrize("name", ["bandung", "kendari"])
    def test_smaller_sets(self, name: str) -> None:
        """Bandung and Kendari hold only the end-of-retreat survey and speaker evaluations."""
        kinds = {(r.rubric, r.subject_kind) for r in samples.load(name).responses}
        assert {("reaction", SubjectKind.RETREAT), ("speaker", SubjectKind.SPEAKER)} == kinds

    @by_name
    def test_comments_are_few_and_carry_no_number(self, name: str) -> None:
        """A few responses carry a remark, none with a digit (never a NIP)."""
        responses = samples.load(name).responses
        comments = [r.comment for r in responses if r.comment is not None]
        assert 0 < len(comments) < len(responses) / 10
        assert not any(ch.isdigit() for text in comments for ch in text)


class TestMalangSelfAssessment:
    def test_every_attendee_pre_tested(self) -> None:
        """Every participant who attended answered the pre-test about themself."""
        pre = _survey("malang").responses_for("berakhlak", phase=Phase.PRE)
        assert set(_attended("malang")) == {r.subject for r in pre}

    def test_post_and_follow_up_nested(self) -> None:
        """Post-testers were pre-tested; follow-up respondents are most, not all, of them."""
        survey = _survey("malang")
        pre, post, follow = (
            {r.subject for r in survey.responses_for("berakhlak", phase=phase)}
            for phase in (Phase.PRE, Phase.POST, Phase.FOLLOW_UP)
        )
        assert post < pre
        assert follow < post
        assert len(follow) > 0.75 * len(post)

    def test_left_early_no_post_test(self) -> None:
        """The participant called home on the first evening gave no post-test."""
        attended = _attended("malang")
        post = {r.subject for r in _survey("malang").responses_for("berakhlak", phase=Phase.POST)}
        early = {nip for nip, sessions in attended.items() if len(sessions) < 10}
        assert early
        assert not early & post

    def test_self_rated(self) -> None:
        """Each self-assessment's rater is the participant, per the survey's raters map."""
        survey = _survey("malang")
        for response in survey.responses_for("berakhlak"):
            assert response.subject == survey.raters[response.rater]

    def test_pre_the_day_before_or_that_morning(self) -> None:
        """Pre-tests are given on 14 May or early on 15 May 2025."""
        days = {
            _submitted(r).date()
            for r in _survey("malang").responses_for("berakhlak", phase=Phase.PRE)
        }
        assert {pendulum.Date(2025, 5, 14), pendulum.Date(2025, 5, 15)} == days

    def test_post_the_day_it_ends_or_the_next(self) -> None:
        """Post-tests are given on 17 or 18 May 2025."""
        days = {
            _submitted(r).date()
            for r in _survey("malang").responses_for("berakhlak", phase=Phase.POST)
        }
        assert {pendulum.Date(2025, 5, 17), pendulum.Date(2025, 5, 18)} == days

    def test_follow_up_three_to_five_months_later(self) -> None:
        """The follow-up is answered 3 to 5 months after the retreat, on working days."""
        end = _retreat("malang").end
        low, high = (end.add(months=months) for months in FOLLOW_UP_MONTHS)
        for response in _survey("malang").responses_for("berakhlak", phase=Phase.FOLLOW_UP):
            assert response.submitted is not None
            assert low <= response.submitted <= high
            assert response.submitted.day_of_week not in {pendulum.SATURDAY, pendulum.SUNDAY}

    def test_moderate_gain(self) -> None:
        """Post > pre on average: a moderate normalised gain and effect size."""
        pre = _scores("malang", "berakhlak", Phase.PRE)
        post = _scores("malang", "berakhlak", Phase.POST)
        paired = sorted(post)
        before = [pre[nip] for nip in paired]
        after = [post[nip] for nip in paired]
        gain = normalized_gain(before, after, max_score=100)
        assert 0.1 < gain.average < 0.3
        assert 0.5 < cohens_dz(before, after) < 1.2

    def test_some_flat_or_down(self) -> None:
        """Some participants do not improve, most do."""
        pre = _scores("malang", "berakhlak", Phase.PRE)
        post = _scores("malang", "berakhlak", Phase.POST)
        flat_or_down = sum(post[nip] <= pre[nip] for nip in post)
        assert 0 < flat_or_down < len(post) / 3

    def test_follow_up_keeps_most_of_the_gain(self) -> None:
        """The follow-up mean lies between the pre and post means, nearer the post."""
        pre, post, follow = (
            statistics.fmean(_scores("malang", "berakhlak", phase).values())
            for phase in (Phase.PRE, Phase.POST, Phase.FOLLOW_UP)
        )
        assert pre + (post - pre) / 2 < follow < post


class TestMalangReactions:
    def test_every_mandatory_session_rated_by_most(self) -> None:
        """Each session is rated by most, and only by those, who attended it."""
        attended = _attended("malang")
        survey = _survey("malang")
        for session in _retreat("malang").sessions:
            responses = [r for r in survey.responses_for("reaction") if r.subject == session.id]
            raters = {survey.raters[r.rater] for r in responses}
            present = {nip for nip, sessions in attended.items() if session.id in sessions}
            assert raters <= present
            assert len(raters) > 0.75 * len(present)

    def test_speaker_item_blank_without_speaker(self) -> None:
        """The optional speaker item is answered only about sessions with a speaker."""
        retreat = _retreat("malang")
        for response in _survey("malang").responses_for(
            "reaction", subject_kind=SubjectKind.SESSION
        ):
            session = retreat.session(response.subject)
            assert session is not None
            if not session.speakers:
                assert "narasumber" not in response.ratings

    def test_a_few_optional_items_unanswered(self) -> None:
        """A few respondents skip an optional item that applies."""
        survey = _survey("malang")
        skipped = [
            r
            for r in survey.responses_for("reaction")
            if {"fasilitas", "penyelenggaraan"} - r.ratings.keys()
        ]
        assert 0 < len(skipped) < len(survey.responses_for("reaction")) / 10

    def test_one_clearly_weaker_session(self) -> None:
        """Only the 05.30 sport of day 2 falls below band B; it trails every other session."""
        survey = _survey("malang")
        rubric = rubrics.load("reaction")
        scores = score_many(
            rubric, survey.responses_for("reaction", subject_kind=SubjectKind.SESSION)
        )
        means = {a.key: a.mean for a in aggregate(scores) if a.mean is not None}
        assert len(_retreat("malang").sessions) == len(means)
        assert {"fisik-2"} == {key for key, mean in means.items() if mean < GOOD}
        band = rubric.band_for(means["fisik-2"])
        assert band is not None
        assert "C" == band.code
        others = [mean for key, mean in means.items() if key != "fisik-2"]
        assert means["fisik-2"] + 5 < min(others)

    def test_speakers_by_their_audience(self) -> None:
        """Each speaker is evaluated by most of those who attended one of their sessions."""
        attended = _attended("malang")
        retreat = _retreat("malang")
        survey = _survey("malang")
        for speaker in retreat.speakers:
            theirs = {s.id for s in retreat.sessions if speaker.id in s.speakers}
            audience = {nip for nip, sessions in attended.items() if sessions & theirs}
            raters = {
                survey.raters[r.rater]
                for r in survey.responses_for("speaker")
                if r.subject == speaker.id
            }
            assert raters <= audience
            assert len(raters) > 0.7 * len(audience)


class TestReliability:
    @by_name
    def test_cronbach_alpha_above_0_7(self, name: str) -> None:
        """Ratings correlate within a response: alpha > 0.7 per rubric and phase."""
        survey = _survey(name)
        for rubric in survey.rubrics:
            for phase in Phase:
                rows = [
                    [r.ratings[c.id] for c in rubric.criteria]
                    for r in survey.responses_for(rubric.id, phase=phase)
                    if len(r.ratings) == len(rubric.criteria)
                ]
                if rows:
                    assert cronbach_alpha(rows) > 0.7, (rubric.id, phase)


class TestSurvey:
    @by_name
    def test_survey(self, name: str) -> None:
        """A dataset's survey holds its retreat, its responses and the rubrics they use."""
        dataset = samples.load(name)
        survey = _survey(name)
        assert survey.retreat is dataset.retreat
        assert survey.responses is dataset.responses
        assert sorted({r.rubric for r in dataset.responses}) == [r.id for r in survey.rubrics]
        assert all(rubric is rubrics.load(rubric.id) for rubric in survey.rubrics)

    @by_name
    def test_cached(self, name: str) -> None:
        """The survey is built once per dataset."""
        assert samples.load(name).survey is samples.load(name).survey

    def test_raters_map_self_assessors(self) -> None:
        """Malang's raters map each self-assessor's pseudonym to their NIP, one to one."""
        raters = _survey("malang").raters
        assert len(_attended("malang")) == len(raters) == len(set(raters.values()))
        assert set(_attended("malang")) == set(raters.values())

    @pytest.mark.parametrize("name", ["bandung", "kendari"])
    def test_no_raters_without_self_assessment(self, name: str) -> None:
        """Without self-assessments, the raters map is empty."""
        assert {} == dict(_survey(name).raters)

    def test_none_without_responses(self) -> None:
        """A dataset built without responses has no survey."""
        dataset = Dataset(
            name="x",
            title="x",
            as_of=pendulum.Date(2025, 1, 1),
            sources=(),
            disclaimer="x",
            roster=samples.load_roster("kendari"),
        )
        assert () == dataset.responses
        assert dataset.survey is None

    def test_repr_leaves_out_responses(self) -> None:
        """A dataset's repr does not list its responses (nor the NIPs in them)."""
        text = repr(samples.load("malang"))
        assert "Response" not in text
        assert "responses" not in text


class TestCheck:
    @by_name
    def test_no_error_or_timing_finding(self, name: str) -> None:
        """The EVA rules find no error, duplicate, unknown subject or misdated response."""
        dataset = samples.load(name)
        for options in ({}, {"roster": dataset.roster}):
            report = check(_survey(name), options=options)
            assert report.ok
            assert set() == {f.code for f in report.findings} & NEVER

    def test_malang_findings(self) -> None:
        """Malang's survey alone only warns of low agreement between raters (EVA007)."""
        report = check(_survey("malang"))
        assert {"EVA007"} == {f.code for f in report.findings}


class TestReadFile:
    def test_reads_marks(self) -> None:
        """Each mark is a rating, in column order; '-' leaves a criterion unanswered."""
        (response,) = _read(_file(_block("4-"), 'reaction = ["relevansi", "materi"]'))
        assert {"relevansi": 4} == dict(response.ratings)
        assert (Phase.POST, "s1", "R-1") == (response.phase, response.subject, response.rater)
        assert response.comment is None

    @given(st.lists(st.sampled_from("0123456789-"), min_size=3, max_size=3))
    def test_any_marks_round_trip(self, marks: list[str]) -> None:
        """Any string of digits and '-' reads back as exactly its digits, in order."""
        criteria = 'reaction = ["relevansi", "materi", "kepuasan"]'
        (response,) = _read(_file(_block("".join(marks)), criteria))
        expected = {
            key: int(mark)
            for key, mark in zip(("relevansi", "materi", "kepuasan"), marks, strict=True)
            if mark != "-"
        }
        assert expected == dict(response.ratings)

    def test_unknown_rubric(self) -> None:
        """A block on a rubric without columns is refused with its path."""
        with pytest.raises(UnknownReferenceError) as caught:
            _read(_file(_block("44", rubric="speaker")))
        assert ("samples.survey_rubric", "subjects[0].rubric") == (
            caught.value.code,
            caught.value.path,
        )
        assert "speaker" in caught.value.message("en")

    @pytest.mark.parametrize("marks", ["4", "444"])
    def test_wrong_number_of_marks(self, marks: str) -> None:
        """Ratings must give one mark per column."""
        with pytest.raises(ValidationError) as caught:
            _read(_file(_block(marks)))
        assert "samples.survey_ratings" == caught.value.code
        assert "subjects[0].responses[0].ratings" == caught.value.path
        assert {"expected": 2, "got": len(marks)} == dict(caught.value.params)

    @pytest.mark.parametrize("mark", ["x", " ", "٣"])
    def test_bad_mark(self, mark: str) -> None:
        """A mark that is neither an ASCII digit nor '-' is refused."""
        with pytest.raises(ValidationError) as caught:
            _read(_file(_block("4" + mark)))
        assert "samples.survey_rating" == caught.value.code
        assert repr(mark) == caught.value.params["value"]

    def test_response_error_gets_its_path(self) -> None:
        """A response that cannot be built is refused at its place in the file."""
        with pytest.raises(InvalidFormat) as caught:
            _read(_file(_block("44", rater="R-198609262015051001")))
        assert "rubric.rater_personal" == caught.value.code
        assert "subjects[0].responses[0].rater" == caught.value.path
        assert "198609262015051001" not in str(caught.value)

    def test_strict_shape(self) -> None:
        """An unknown key in a response is refused by the strict reader."""
        text = _file(_block("44")).replace("ratings = '44'", "ratings = '44', note = 'x'")
        with pytest.raises(ValidationErrorGroup):
            _read(text)
