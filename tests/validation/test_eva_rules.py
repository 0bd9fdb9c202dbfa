"""Tests of the evaluation rules EVA001-EVA011 (birokrasi_retreat.validation.evaluation)."""

from __future__ import annotations

import importlib
import sys

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings

from birokrasi_retreat import rubrics
from birokrasi_retreat.errors import InvalidComponent, InvalidType
from birokrasi_retreat.retreat import Enrollment, EnrollmentStatus
from birokrasi_retreat.rubric import (
    Criterion,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.strategies import surveys
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.validation import RULES, Report, Severity, check, evaluation


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import retreat_builders as b
    import rule_contract as rc

    from birokrasi_retreat.findings import Finding
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")
    rc = importlib.import_module("tests.builders.rule_contract")

CODES: Final = [f"EVA{n:03d}" for n in range(1, 12)]
DEFAULT_SEVERITY: Final = {
    "EVA001": Severity.ERROR,
    "EVA002": Severity.ERROR,
    "EVA003": Severity.ERROR,
    "EVA004": Severity.ERROR,
    "EVA005": Severity.WARNING,
    "EVA006": Severity.WARNING,
    "EVA007": Severity.WARNING,
    "EVA008": Severity.INFO,
    "EVA009": Severity.WARNING,
    "EVA010": Severity.ERROR,
    "EVA011": Severity.WARNING,
}

NIPS: Final = b.KENDARI_NIPS
"""The five synthetic participants of the Kendari retreat."""
PRE: Final = b.wita(1, 6)
"""An hour before the Kendari retreat starts (1 August 2025, 07:00 WITA)."""
POST: Final = b.wita(3, 12)
"""The moment the Kendari retreat ends (3 August 2025, 12:00 WITA)."""

# Quiz rows (a, b, c) of the five participants, pre and post: consistent (alpha 0.96, 0.92).
PRE_ROWS: Final = ((1, 2, 1), (2, 2, 2), (3, 3, 4), (4, 4, 4), (5, 4, 5))
POST_ROWS: Final = ((3, 3, 3), (3, 4, 4), (4, 4, 4), (5, 5, 4), (5, 5, 5))
# Rows whose criteria disagree: Cronbach's alpha is -3.
BAD_ROWS: Final = ((1, 5, 2), (5, 1, 4), (2, 4, 5), (4, 2, 1), (3, 3, 3))
# Rows whose alpha is 0.69863..., 0.70 rounded to 2 decimals.
EDGE_ROWS: Final = ((1, 2, 1), (4, 2, 3), (2, 4, 4), (3, 3, 3), (2, 2, 1))

# Response indexes of the clean survey.
QUIZ_PRE: Final = 0  # 0-4: the quiz before, about participants 0-4
QUIZ_POST: Final = 5  # 5-9: the quiz after
AMIR: Final = 10  # 10-12: the speaker amir by R-001..R-003
SUGENG: Final = 13  # 13-15: the speaker sugeng by R-001..R-003
RETREAT_REACTION: Final = 16  # 16-18: the retreat by R-001..R-003
SESSION_REACTION: Final = 19  # 19-21: the session materi-1 by R-001..R-003
COUNT: Final = 22


def quiz(**changes: Any) -> Rubric:
    """A three-criterion quiz on 1-5, its third criterion optional."""
    likert = Scale.likert(5)
    rubric = Rubric(
        id="quiz",
        title_id="Kuis materi",
        title_en="Material quiz",
        criteria=(
            Criterion(id="a", title_id="Asta Cita", title_en="Asta Cita", scale=likert),
            Criterion(id="b", title_id="RPJMD", title_en="RPJMD", scale=likert),
            Criterion(
                id="c", title_id="BerAKHLAK", title_en="BerAKHLAK", scale=likert, required=False
            ),
        ),
    )
    return attrs.evolve(rubric, **changes)


def answer(
    rubric: str,
    kind: SubjectKind,
    subject: str,
    rater: str,
    ratings: Mapping[str, float],
    *,
    phase: Phase = Phase.POST,
    submitted: pendulum.DateTime | None = None,
) -> Response:
    """One response."""
    return Response(
        rubric=rubric,
        subject_kind=kind,
        subject=subject,
        rater=rater,
        phase=phase,
        ratings=ratings,
        submitted=submitted,
    )


def quiz_answer(
    number: int, row: tuple[int, ...], phase: Phase, submitted: pendulum.DateTime | None = None
) -> Response:
    """Participant ``number`` rates themselves on the quiz."""
    ratings = dict(zip("abc", row, strict=True))
    return answer(
        "quiz",
        SubjectKind.PARTICIPANT,
        NIPS[number],
        f"R-{number + 1:03d}",
        ratings,
        phase=phase,
        submitted=submitted,
    )


def every(rubric: Rubric, value: int) -> dict[str, int]:
    """Every criterion of ``rubric`` rated ``value``."""
    return {criterion.id: value for criterion in rubric.criteria}


def raters3(rubric: str, kind: SubjectKind, subject: str, value: int) -> tuple[Response, ...]:
    """R-001..R-003 rate every criterion of ``rubric`` ``value`` about one subject."""
    ratings = every(rubrics.load(rubric), value)
    return tuple(
        answer(rubric, kind, subject, f"R-{n:03d}", ratings, submitted=POST) for n in (1, 2, 3)
    )


def clean_responses() -> tuple[Response, ...]:
    """The 22 responses of the clean survey (see the index constants)."""
    return (
        *(quiz_answer(n, row, Phase.PRE, PRE) for n, row in enumerate(PRE_ROWS)),
        *(quiz_answer(n, row, Phase.POST, POST) for n, row in enumerate(POST_ROWS)),
        *raters3("speaker", SubjectKind.SPEAKER, "amir", 5),
        *raters3("speaker", SubjectKind.SPEAKER, "sugeng", 3),
        *raters3("reaction", SubjectKind.RETREAT, "kendari-2025", 4),
        *raters3("reaction", SubjectKind.SESSION, "materi-1", 3),
    )


def survey(**changes: Any) -> Survey:
    """The clean Kendari survey: no finding at all."""
    made = Survey(
        rubrics=(quiz(), rubrics.load("speaker"), rubrics.load("reaction")),
        responses=clean_responses(),
        retreat=b.kendari(),
        raters={f"R-{n + 1:03d}": nip for n, nip in enumerate(NIPS)},
    )
    return attrs.evolve(made, **changes)


def replacing(index: int, **changes: Any) -> Survey:
    """The clean survey with response ``index`` evolved by ``changes``."""
    return survey(responses=b.replaced(clean_responses(), index, **changes))


def adding(*extra: Response, **changes: Any) -> Survey:
    """The clean survey with ``extra`` responses appended (indexes from `COUNT`)."""
    return survey(responses=(*clean_responses(), *extra), **changes)


def quiz_rows(pre: tuple[tuple[int, ...], ...]) -> Survey:
    """The clean survey with these quiz rows before the retreat."""
    responses = list(clean_responses())
    for n, row in enumerate(pre):
        responses[QUIZ_PRE + n] = quiz_answer(n, row, Phase.PRE, PRE)
    return survey(responses=tuple(responses))


def speakers_rated(amir: tuple[int, ...], sugeng: tuple[int, ...]) -> Survey:
    """The clean survey with R-001..R-003 giving these ratings to amir and sugeng."""
    speaker = rubrics.load("speaker")
    responses = list(clean_responses())
    for start, subject, values in ((AMIR, "amir", amir), (SUGENG, "sugeng", sugeng)):
        for n, value in enumerate(values):
            responses[start + n] = answer(
                "speaker", SubjectKind.SPEAKER, subject, f"R-{n + 1:03d}", every(speaker, value)
            )
    return survey(responses=tuple(responses))


def run(survey_: Survey, code: str, **options: Any) -> Report:
    """Check ``survey_`` with one rule only."""
    return check(survey_, select=[code], options=options or None)


def one(survey_: Survey, code: str, **options: Any) -> Finding:
    """The single finding of one rule on ``survey_``."""
    (finding,) = run(survey_, code, **options)
    return finding


# --- Malang, with the bundled roster --------------------------------------------------------

SETDA: Final = (
    "196810091995031001",
    "196704241993112001",
    "196807151996121001",
)
"""Three officials whose post on 15 May 2025 is in the Sekretariat Daerah (setda)."""


def malang_survey(*numbers: str, phase: Phase = Phase.PRE, **changes: Any) -> Survey:
    """The Malang retreat (``numbers`` enrolled) with one quiz response about each."""
    responses = tuple(
        answer("quiz", SubjectKind.PARTICIPANT, number, f"R-{n:03d}", {"a": 3, "b": 3}, phase=phase)
        for n, number in enumerate(numbers, start=1)
    )
    made = Survey(
        rubrics=(quiz(),),
        responses=responses,
        retreat=b.malang_enrolling(*numbers),
    )
    return attrs.evolve(made, **changes)


# One survey (and options) per rule on which exactly that rule fires once.
TRIGGERS: Final[dict[str, Callable[[], tuple[Survey, dict[str, Any]]]]] = {
    "EVA001": lambda: (replacing(QUIZ_PRE, ratings={"a": 1, "b": 2, "d": 3}), {}),
    "EVA002": lambda: (replacing(QUIZ_PRE, ratings={"a": 6, "b": 2}), {}),
    "EVA003": lambda: (replacing(QUIZ_PRE, ratings={"a": 1, "c": 1}), {}),
    "EVA004": lambda: (adding(quiz_answer(0, (1, 1, 1), Phase.PRE)), {}),
    "EVA005": lambda: (
        adding(
            answer(
                "speaker", SubjectKind.SPEAKER, "amir", "R-009", every(rubrics.load("speaker"), 5)
            ),
            raters={"R-009": "amir"},
        ),
        {},
    ),
    "EVA006": lambda: (quiz_rows(BAD_ROWS), {}),
    "EVA007": lambda: (speakers_rated((5, 4, 3), (1, 2, 3)), {}),
    "EVA008": lambda: (
        survey(responses=clean_responses()[: AMIR + 2] + clean_responses()[AMIR + 3 :]),
        {},
    ),
    "EVA009": lambda: (replacing(QUIZ_PRE + 4, phase=Phase.FOLLOW_UP, submitted=None), {}),
    "EVA010": lambda: (
        adding(answer("quiz", SubjectKind.PARTICIPANT, b.UNKNOWN_NIP, "R-009", {"a": 1, "b": 1})),
        {},
    ),
    "EVA011": lambda: (replacing(QUIZ_PRE, submitted=b.wita(1, 7)), {}),
}
TRIGGER_PATHS: Final = {
    "EVA001": "responses[0].ratings['d']",
    "EVA002": "responses[0].ratings['a']",
    "EVA003": "responses[0].ratings['b']",
    "EVA004": f"responses[{COUNT}]",
    "EVA005": f"responses[{COUNT}]",
    "EVA006": "rubrics[0]",
    "EVA007": "rubrics[1]",
    "EVA008": f"responses[{AMIR}]",
    "EVA009": f"responses[{QUIZ_POST + 4}]",
    "EVA010": f"responses[{COUNT}].subject",
    "EVA011": "responses[0].submitted",
}


def triggered(code: str) -> tuple[Survey, dict[str, Any]]:
    """The triggering survey of ``code`` and its options."""
    return TRIGGERS[code]()


def fired(code: str) -> Finding:
    """The single finding of ``code`` on its trigger."""
    survey_, options = triggered(code)
    return one(survey_, code, **options)


class TestRegistry:
    def test_every_code_is_registered_for_surveys(self) -> None:
        """EVA001-EVA011 are registered for Survey."""
        assert set(CODES) <= set(RULES)
        for code in CODES:
            assert Survey is RULES[code].applies_to

    @pytest.mark.parametrize("code", CODES)
    def test_default_severity(self, code: str) -> None:
        """Each rule's default severity is the one the issue fixes."""
        assert DEFAULT_SEVERITY[code] is RULES[code].severity

    @pytest.mark.parametrize("code", CODES)
    def test_rule_is_documented(self, code: str) -> None:
        """Each rule has distinct titles in both languages, a rationale and a source."""
        rc.assert_documented(code)

    def test_defaults(self) -> None:
        """The option defaults are exported and the threshold matches scoring's default."""
        assert (3, 0.70, 0.667) == (
            evaluation.DEFAULT_THRESHOLD,
            evaluation.DEFAULT_CRONBACH_MIN,
            evaluation.DEFAULT_KRIPPENDORFF_MIN,
        )
        assert "evaluation" in sys.modules["birokrasi_retreat.validation"].__all__

    def test_cronbach_minimum_is_a_project_choice(self) -> None:
        """EVA006 says its default minimum is not a regulation."""
        assert "a project choice, not a regulation" in RULES["EVA006"].rationale


class TestValidSurveys:
    def test_clean_survey_has_no_finding(self) -> None:
        """The clean Kendari survey has no finding at all."""
        assert [] == list(check(survey()))

    @pytest.mark.parametrize("code", CODES)
    def test_each_rule_silent(self, code: str) -> None:
        """Each rule alone is silent on the clean survey, with and without its retreat."""
        assert 0 == len(run(survey(), code))
        assert 0 == len(run(survey(retreat=None), code))

    def test_malang_with_its_roster_and_threshold_one(self) -> None:
        """The Malang survey with the roster is clean once the threshold is 1."""
        found = check(malang_survey(*b.CAMAT_NIPS), options={"roster": b.malang_roster()})
        assert ["EVA008"] * 5 == [f.code for f in found]
        options = {"roster": b.malang_roster(), "threshold": 1}
        assert [] == list(check(malang_survey(*b.CAMAT_NIPS), options=options))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(surveys())
    def test_generated_surveys_have_no_error(self, generated: Survey) -> None:
        """Every survey the strategy generates checks with no error-level finding."""
        report = check(generated)
        assert [] == [f.code for f in report.errors]


class TestTriggers:
    @pytest.mark.parametrize("code", CODES)
    def test_triggers_its_rule_once(self, code: str) -> None:
        """Each trigger yields one finding of its rule, at its path, with its severity."""
        survey_, options = triggered(code)
        (finding,) = run(survey_, code, **options)
        rc.assert_found(finding, TRIGGER_PATHS[code], DEFAULT_SEVERITY[code])

    @pytest.mark.parametrize("code", CODES)
    def test_message_renders_in_both_languages(self, code: str) -> None:
        """The message is catalogued, fully filled and different in Indonesian and English."""
        survey_, options = triggered(code)
        rc.assert_renders(one(survey_, code, **options))

    @pytest.mark.parametrize("code", CODES)
    def test_no_whole_nip_anywhere(self, code: str) -> None:
        """Neither message, params nor subjects of any finding contain a whole NIP."""
        survey_, options = triggered(code)
        numbers = {*NIPS, b.UNKNOWN_NIP}
        rc.assert_no_whole_nip(check(survey_, options=options), numbers)

    @pytest.mark.parametrize("code", CODES)
    def test_severity_can_be_changed(self, code: str) -> None:
        """A user may change a rule's severity."""
        survey_, options = triggered(code)
        report = check(survey_, select=[code], severities={code: Severity.INFO}, options=options)
        assert [Severity.INFO] == [f.severity for f in report]


class TestEva001:
    def test_params(self) -> None:
        """The unknown criterion is named with the rubric, rater, masked subject and phase."""
        finding = fired("EVA001")
        assert {
            "rubric": "quiz",
            "criterion": "d",
            "rater": "R-001",
            "subject": "******** ****** * 001",
            "kind": "participant",
            "phase": "pre",
            "phase_en": "pre-retreat",
        }.items() <= finding.params.items()
        assert ("quiz", "******** ****** * 001", "d") == finding.subjects
        assert "criterion d, which the rubric does not have" in finding.message("en")

    def test_each_unknown_key(self) -> None:
        """Two unknown keys give two findings; a long digit key is starred in path and params."""
        report = run(
            replacing(QUIZ_PRE, ratings={"a": 1, "b": 1, "x": 1, "1234567890123456": 2}), "EVA001"
        )
        assert ["responses[0].ratings['*************456']", "responses[0].ratings['x']"] == sorted(
            f.path for f in report
        )
        assert {"x", "*************456"} == {f.params["criterion"] for f in report}

    def test_unknown_rubric_is_not_its_business(self) -> None:
        """A response on a rubric the survey lacks is left to EVA010."""
        stray = answer("ikm", SubjectKind.UNIT, "dinkes", "R-009", {"zz": 1})
        assert 0 == len(run(adding(stray), "EVA001"))


class TestEva002:
    def test_params(self) -> None:
        """The rating and the scale are in the params and the message."""
        finding = fired("EVA002")
        assert {"criterion": "a", "value": 6, "min": 1, "max": 5, "step": 1}.items() <= (
            finding.params.items()
        )
        assert "Nilai 6 untuk kriteria a bukan titik skala 1-5" in finding.message("id")

    def test_fraction_between_points(self) -> None:
        """A fractional rating between two points is off the scale."""
        finding = one(replacing(QUIZ_PRE, ratings={"a": 1, "b": 2.5}), "EVA002")
        assert ("responses[0].ratings['b']", 2.5) == (finding.path, finding.params["value"])

    def test_unknown_criterion_is_not_its_business(self) -> None:
        """A rating of an unknown criterion is EVA001's, whatever its value."""
        assert 0 == len(run(replacing(QUIZ_PRE, ratings={"a": 1, "b": 1, "z": 99}), "EVA002"))


class TestEva003:
    def test_params(self) -> None:
        """The missing criterion is named with its title in each language."""
        finding = fired("EVA003")
        assert {"criterion": "b", "title_id": "RPJMD", "title_en": "RPJMD"}.items() <= (
            finding.params.items()
        )

    def test_optional_criterion_may_be_left_out(self) -> None:
        """Leaving out the optional criterion c is fine."""
        assert 0 == len(run(replacing(QUIZ_PRE, ratings={"a": 1, "b": 1}), "EVA003"))

    def test_each_missing_criterion(self) -> None:
        """An empty response misses both required criteria."""
        report = run(replacing(QUIZ_PRE, ratings={}), "EVA003")
        assert ["responses[0].ratings['a']", "responses[0].ratings['b']"] == [
            f.path for f in report
        ]


class TestEva004:
    def test_params(self) -> None:
        """The duplicate points at the first response and counts the set."""
        finding = fired("EVA004")
        assert {"other": "responses[0]", "count": 2, "rater": "R-001"}.items() <= (
            finding.params.items()
        )

    def test_every_later_copy(self) -> None:
        """Three copies give two findings, each counting three."""
        copies = (quiz_answer(0, (2, 2, 2), Phase.PRE), quiz_answer(0, (3, 3, 3), Phase.PRE))
        report = run(adding(*copies), "EVA004")
        assert [f"responses[{COUNT}]", f"responses[{COUNT + 1}]"] == [f.path for f in report]
        assert {3} == {f.params["count"] for f in report}

    def test_nip_compared_compact(self) -> None:
        """A NIP written with spaces is the same participant."""
        spaced = answer(
            "quiz",
            SubjectKind.PARTICIPANT,
            "19860926 201505 1 001",
            "R-001",
            {"a": 1, "b": 1},
            phase=Phase.PRE,
        )
        assert f"responses[{COUNT}]" == one(adding(spaced), "EVA004").path

    def test_other_phase_rater_or_kind_is_no_duplicate(self) -> None:
        """Another phase, rater or subject kind makes another response."""
        others = (
            quiz_answer(0, (1, 1, 1), Phase.FOLLOW_UP),
            answer(
                "quiz", SubjectKind.PARTICIPANT, NIPS[0], "R-009", {"a": 1, "b": 1}, phase=Phase.PRE
            ),
            answer("quiz", SubjectKind.UNIT, NIPS[0], "R-001", {"a": 1, "b": 1}, phase=Phase.PRE),
        )
        assert 0 == len(run(adding(*others), "EVA004"))


def speaker_answer(kind: SubjectKind, subject: str, rater: str) -> Response:
    """A speaker evaluation, every criterion 4."""
    return answer("speaker", kind, subject, rater, every(rubrics.load("speaker"), 4))


class TestEva005:
    def test_params(self) -> None:
        """A rater mapped to the speaker rates that speaker."""
        finding = fired("EVA005")
        assert {"rater": "R-009", "subject": "amir", "note_en": ""}.items() <= (
            finding.params.items()
        )
        assert "does not allow self-rating" in finding.message("en")

    def test_rater_id_is_the_subject(self) -> None:
        """A rater id equal to the subject id rates themselves."""
        assert 1 == len(
            run(adding(speaker_answer(SubjectKind.SPEAKER, "R-009", "R-009")), "EVA005")
        )

    def test_participant_mapped_by_nip(self) -> None:
        """A rater mapped to a participant's NIP (written with spaces) rates that participant."""
        extra = speaker_answer(SubjectKind.PARTICIPANT, NIPS[0], "R-009")
        found = one(adding(extra, raters={"R-009": "19860926 201505 1 001"}), "EVA005")
        assert "******** ****** * 001" == found.params["subject"]

    def test_speaker_of_the_session(self) -> None:
        """A rater who speaks in the session rates themselves, by map or by id."""
        mapped = speaker_answer(SubjectKind.SESSION, "materi-2", "R-009")
        finding = one(adding(mapped, raters={"R-009": "amir"}), "EVA005")
        assert " as a speaker of the session" == finding.params["note_en"]
        assert "sebagai narasumber sesi tersebut" in finding.message("id")
        by_id = speaker_answer(SubjectKind.SESSION, "materi-1", "sugeng")
        assert 1 == len(run(adding(by_id), "EVA005"))

    def test_silent_for_other_sessions_and_without_retreat(self) -> None:
        """Another speaker's session, an unknown session or no retreat: no self-rating known."""
        other = speaker_answer(SubjectKind.SESSION, "materi-1", "R-009")
        unknown = speaker_answer(SubjectKind.SESSION, "sesi-x", "R-009")
        assert 0 == len(run(adding(other, unknown, raters={"R-009": "amir"}), "EVA005"))
        mapped = speaker_answer(SubjectKind.SESSION, "materi-2", "R-009")
        assert 0 == len(run(adding(mapped, raters={"R-009": "amir"}, retreat=None), "EVA005"))

    def test_silent_where_the_rubric_allows_it(self) -> None:
        """The quiz allows self-rating: participants rate themselves freely."""
        assert 0 == len(run(survey(), "EVA005"))
        allowed = quiz(id="quiz")
        assert allowed.allow_self_rating

    def test_unknown_rubric_is_not_its_business(self) -> None:
        """A response on a rubric the survey lacks is skipped."""
        stray = answer("kuis-x", SubjectKind.SPEAKER, "amir", "R-009", {"a": 1})
        assert 0 == len(run(adding(stray, raters={"R-009": "amir"}), "EVA005"))


class TestEva006:
    def test_params_show_two_decimals(self) -> None:
        """The alpha is shown with 2 decimals, a decimal comma in Indonesian."""
        finding = fired("EVA006")
        assert {
            "rubric": "quiz",
            "phase": "pre",
            "alpha": -3.0,
            "alpha_id": "-3,00",
            "alpha_en": "-3.00",
            "minimum": 0.7,
            "minimum_id": "0,7",
            "n": 5,
            "criteria": 3,
        }.items() <= finding.params.items()
        assert ("quiz", "pre") == finding.subjects
        assert "is -3.00 (5 complete responses, 3 criteria), below the minimum of 0.7" in (
            finding.message("en")
        )

    def test_compared_rounded(self) -> None:
        """An alpha of 0.6986 shows as 0.70 and is not below 0.70; it is below 0.71."""
        edge = quiz_rows(EDGE_ROWS)
        assert 0 == len(run(edge, "EVA006"))
        finding = one(edge, "EVA006", cronbach_min=0.71)
        assert ("0.70", "0,71") == (finding.params["alpha_en"], finding.params["minimum_id"])

    def test_minimum_option(self) -> None:
        """A lower minimum silences it; an int minimum is accepted."""
        assert 0 == len(run(quiz_rows(EDGE_ROWS), "EVA006", cronbach_min=0))
        # 1 is above both the pre (0.70) and the post (0.92) alpha.
        assert 2 == len(run(quiz_rows(EDGE_ROWS), "EVA006", cronbach_min=1))

    def test_needs_threshold_complete_responses(self) -> None:
        """Only complete responses count, and at least the threshold of them."""
        responses = list(quiz_rows(BAD_ROWS).responses)
        for n in (2, 3, 4):
            # Without the optional c: a valid response, but not a complete one.
            a, b_, _c = BAD_ROWS[n]
            responses[QUIZ_PRE + n] = attrs.evolve(
                responses[QUIZ_PRE + n], ratings={"a": a, "b": b_}
            )
        assert 0 == len(run(survey(responses=tuple(responses)), "EVA006"))
        assert 0 == len(run(quiz_rows(BAD_ROWS), "EVA006", threshold=6))
        assert 1 == len(run(quiz_rows(BAD_ROWS), "EVA006", threshold=1))

    def test_duplicates_and_problems_are_left_out(self) -> None:
        """A duplicate or an off-scale response does not enter the statistic."""
        rows = quiz_rows(BAD_ROWS)
        off = attrs.evolve(rows.responses[0], ratings={"a": 9, "b": 1, "c": 1})
        responses = (off, *rows.responses[1:], rows.responses[1])
        # Four clean rows remain (the copy of row 1 counts once).
        finding = one(survey(responses=responses), "EVA006")
        assert 4 == finding.params["n"]

    def test_silent_when_undefined_or_single_criterion(self) -> None:
        """Equal totals (no variance) or a one-criterion rubric: no alpha, no finding."""
        flat = ((1, 5, 3), (5, 1, 3), (2, 4, 3), (4, 2, 3), (3, 3, 3))
        assert 0 == len(run(quiz_rows(flat), "EVA006"))
        single = Rubric(
            id="satu",
            title_id="Satu",
            title_en="One",
            criteria=(Criterion(id="a", title_id="A", title_en="A", scale=Scale.likert(5)),),
        )
        responses = tuple(
            answer("satu", SubjectKind.RETREAT, "kendari-2025", f"R-{n:03d}", {"a": n % 5 + 1})
            for n in range(6)
        )
        assert 0 == len(run(Survey(rubrics=(single,), responses=responses), "EVA006"))


class TestEva007:
    def test_params(self) -> None:
        """The alpha of the speakers is shown with 3 decimals, with units and raters."""
        finding = fired("EVA007")
        assert {
            "rubric": "speaker",
            "phase": "post",
            "kind": "speaker",
            "units": 2,
            "raters": 3,
            "minimum": 0.667,
            "minimum_en": "0.667",
        }.items() <= finding.params.items()
        assert (0.5, "0.500", "0,500") == (
            finding.params["alpha"],
            finding.params["alpha_en"],
            finding.params["alpha_id"],
        )
        assert ("speaker", "post", "speaker") == finding.subjects

    def test_minimum_option(self) -> None:
        """A minimum at or below the alpha silences it."""
        survey_, _ = triggered("EVA007")
        assert 0 == len(run(survey_, "EVA007", krippendorff_min=0.5))
        assert 1 == len(run(survey_, "EVA007", krippendorff_min=0.501))

    def test_needs_two_subjects_with_two_raters(self) -> None:
        """With one subject rated twice, alpha says nothing: silent."""
        survey_, _ = triggered("EVA007")
        kept = survey_.responses[: SUGENG + 1] + survey_.responses[SUGENG + 2 :]
        kept = kept[:SUGENG] + kept[SUGENG + 1 :]
        assert 0 == len(run(survey(responses=kept), "EVA007"))

    def test_silent_when_undefined(self) -> None:
        """Everyone gives every subject the same score: no disagreement is possible."""
        assert 0 == len(run(speakers_rated((4, 4, 4), (4, 4, 4)), "EVA007"))

    def test_silent_when_the_rubric_cannot_be_scored(self) -> None:
        """Ratio normalisation on a scale below 0 cannot be scored: silent."""
        scale = Scale(min_value=-2, max_value=2)
        odd = Rubric(
            id="odd",
            title_id="Ganjil",
            title_en="Odd",
            criteria=(Criterion(id="a", title_id="A", title_en="A", scale=scale),),
            normalisation=Normalisation.RATIO,
        )
        responses = tuple(
            answer("odd", SubjectKind.SESSION, session, f"R-{n:03d}", {"a": value})
            for session, values in (("s1", (2, -2)), ("s2", (-2, 2)))
            for n, value in enumerate(values)
        )
        assert 0 == len(run(Survey(rubrics=(odd,), responses=responses), "EVA007"))


class TestEva008:
    def test_params(self) -> None:
        """A speaker rated by two raters is below the default threshold of 3."""
        finding = fired("EVA008")
        assert {
            "rubric": "speaker",
            "kind": "speaker",
            "group_en": "the speaker amir",
            "count": 2,
            "counted_en": "raters",
            "threshold": 3,
        }.items() <= finding.params.items()
        assert ("speaker", "post", "amir") == finding.subjects
        assert "it is suppressed" in finding.message("en")
        assert "disembunyikan" in finding.message("id")

    def test_single_rater_is_singular(self) -> None:
        """One rater reads "1 rater"."""
        extra = speaker_answer(SubjectKind.SPEAKER, "sugeng", "R-001")
        lone = attrs.evolve(extra, phase=Phase.FOLLOW_UP)
        finding = one(adding(lone), "EVA008")
        assert "from only 1 rater," in finding.message("en")

    def test_threshold_option(self) -> None:
        """A threshold of 4 flags every group of three; 2 silences the trigger."""
        assert 4 == len(run(survey(), "EVA008", threshold=4))
        assert 0 == len(run(triggered("EVA008")[0], "EVA008", threshold=2))

    def test_units_with_the_roster(self) -> None:
        """With the roster, participants are grouped by the unit of their post on day 1."""
        survey_ = malang_survey(*SETDA, b.CAMAT_NIPS[0])
        finding = one(survey_, "EVA008", roster=b.malang_roster())
        assert {
            "kind": "participant",
            "group_en": "the participants from Blimbing",
            "count": 1,
            "counted_en": "participant",
        }.items() <= finding.params.items()
        assert ("responses[3]", ("quiz", "pre", "kec-blimbing")) == (
            finding.path,
            finding.subjects,
        )

    def test_units_count_people_once(self) -> None:
        """Two phases of one participant count in each phase; repeats count once."""
        survey_ = malang_survey(*SETDA[:2])
        again = attrs.evolve(survey_.responses[0], rater="R-009")
        found = run(
            attrs.evolve(survey_, responses=(*survey_.responses, again)),
            "EVA008",
            roster=b.malang_roster(),
        )
        assert [2] == [f.params["count"] for f in found]

    def test_units_skip_officials_without_a_post_or_record(self) -> None:
        """Officials with no post on day 1, or missing from the roster, are not grouped."""
        survey_ = malang_survey(b.SEKDA_NIP, b.UNKNOWN_NIP)
        assert 0 == len(run(survey_, "EVA008", roster=b.malang_roster_without(b.SEKDA_NIP)))
        # With the threshold at 1, neither is counted, nor is a response about the retreat.
        about = answer("quiz", SubjectKind.RETREAT, "malang-2025", "R-009", {"a": 1, "b": 1})
        survey_ = attrs.evolve(survey_, responses=(*survey_.responses, about))
        roster = b.malang_roster_without(b.SEKDA_NIP)
        assert 0 == len(run(survey_, "EVA008", roster=roster, threshold=1))

    def test_units_need_the_retreat(self) -> None:
        """Without the retreat there is no first day: participants are not grouped."""
        survey_ = malang_survey(b.CAMAT_NIPS[0], retreat=None)
        assert 0 == len(run(survey_, "EVA008", roster=b.malang_roster()))

    def test_participants_without_roster_are_not_grouped(self) -> None:
        """Without the roster, participant subjects are not counted."""
        assert 0 == len(run(malang_survey(b.CAMAT_NIPS[0]), "EVA008"))


class TestEva009:
    def test_params(self) -> None:
        """The post-test without a pre-test names the masked participant."""
        finding = fired("EVA009")
        assert {"subject": "******** ****** * 003", "phase": "post"}.items() <= (
            finding.params.items()
        )
        assert "no pre-retreat response to compare with" in finding.message("en")

    def test_once_per_subject(self) -> None:
        """A second post-phase response about the same subject is not reported again."""
        survey_, _ = triggered("EVA009")
        other = attrs.evolve(survey_.responses[QUIZ_POST + 4], rater="R-009")
        report = run(attrs.evolve(survey_, responses=(*survey_.responses, other)), "EVA009")
        assert [f"responses[{QUIZ_POST + 4}]"] == [f.path for f in report]

    def test_pre_by_another_rater_counts(self) -> None:
        """A pre-test of the subject by anyone counts."""
        survey_, _ = triggered("EVA009")
        by_other = quiz_answer(4, (1, 1, 1), Phase.PRE)
        by_other = attrs.evolve(by_other, rater="R-009")
        assert 0 == len(
            run(attrs.evolve(survey_, responses=(*survey_.responses, by_other)), "EVA009")
        )

    def test_only_rubrics_with_a_pre_phase(self) -> None:
        """Reaction and speaker surveys, given after the retreat only, are not tests."""
        assert 0 == len(run(survey(), "EVA009"))
        no_pre = tuple(r for r in clean_responses() if r.phase is not Phase.PRE)
        assert 0 == len(run(survey(responses=no_pre), "EVA009"))

    def test_follow_up_is_not_checked(self) -> None:
        """A follow-up response without a pre-test is not a post-test."""
        extra = answer(
            "quiz",
            SubjectKind.PARTICIPANT,
            NIPS[0],
            "R-009",
            {"a": 1, "b": 1},
            phase=Phase.FOLLOW_UP,
        )
        assert 0 == len(run(adding(attrs.evolve(extra, subject=b.UNKNOWN_NIP)), "EVA009"))


class TestEva010:
    def test_params(self) -> None:
        """An unknown participant is shown masked, with why."""
        finding = fired("EVA010")
        assert {
            "what_en": "participant",
            "value": "******** ****** * 005",
            "note_en": " (not enrolled in the retreat kendari-2025)",
        }.items() <= finding.params.items()
        assert ("participant", "******** ****** * 005") == finding.subjects

    @pytest.mark.parametrize(
        ("kind", "subject", "note"),
        [
            (SubjectKind.SESSION, "materi-9", " (not in the agenda of the retreat kendari-2025)"),
            (SubjectKind.SPEAKER, "budi", " (not a speaker of the retreat kendari-2025)"),
            (SubjectKind.RETREAT, "malang-2025", " (the survey is about the retreat kendari-2025)"),
        ],
    )
    def test_other_kinds(self, kind: SubjectKind, subject: str, note: str) -> None:
        """Sessions, speakers and the retreat are checked against the retreat."""
        extra = answer(
            "reaction", kind, subject, "R-009", {"relevansi": 3, "materi": 3, "kepuasan": 3}
        )
        finding = one(adding(extra), "EVA010")
        assert (note, subject) == (finding.params["note_en"], finding.params["value"])

    def test_unknown_rubric(self) -> None:
        """A response on a rubric the survey lacks is reported at its rubric."""
        stray = answer("ikm", SubjectKind.RETREAT, "kendari-2025", "R-009", {"u1": 4})
        finding = one(adding(stray), "EVA010")
        assert (f"responses[{COUNT}].rubric", "rubric", "ikm") == (
            finding.path,
            finding.params["what_en"],
            finding.params["value"],
        )
        assert 1 == len(run(adding(stray, retreat=None), "EVA010"))

    def test_units_need_the_roster(self) -> None:
        """A unit id is checked against the roster, with or without the retreat."""
        units = (
            answer("quiz", SubjectKind.UNIT, "dinkes", "R-001", {"a": 1, "b": 1}),
            answer("quiz", SubjectKind.UNIT, "dinas-x", "R-001", {"a": 1, "b": 1}),
        )
        assert 0 == len(run(adding(*units), "EVA010"))
        roster = b.malang_roster()
        for survey_ in (adding(*units), adding(*units, retreat=None)):
            finding = one(survey_, "EVA010", roster=roster)
            assert (f"responses[{COUNT + 1}].subject", " (not in the roster)") == (
                finding.path,
                finding.params["note_en"],
            )

    def test_substitutes_and_any_status_are_known(self) -> None:
        """A substitute and an excused participant are known participants."""
        retreat = b.kendari(
            enrollments=(
                *b.kendari_enrollments()[:4],
                Enrollment(nip=NIPS[4], status=EnrollmentStatus.EXCUSED, substitute=b.UNKNOWN_NIP),
            )
        )
        survey_, _ = triggered("EVA010")
        assert 0 == len(run(attrs.evolve(survey_, retreat=retreat), "EVA010"))

    def test_participant_compared_compact(self) -> None:
        """A participant's NIP written with spaces is found."""
        spaced = answer(
            "quiz", SubjectKind.PARTICIPANT, "19860926 201505 1 001", "R-009", {"a": 1, "b": 1}
        )
        assert 0 == len(run(adding(spaced), "EVA010"))

    def test_silent_without_retreat(self) -> None:
        """Without the retreat, subjects cannot be checked."""
        survey_, _ = triggered("EVA010")
        assert 0 == len(run(attrs.evolve(survey_, retreat=None), "EVA010"))

    def test_invalid_nip_is_starred(self) -> None:
        """A participant id that is no valid NIP shows only its last 3 digits."""
        extra = answer(
            "quiz", SubjectKind.PARTICIPANT, "123456789012345678", "R-009", {"a": 1, "b": 1}
        )
        assert "***************678" == one(adding(extra), "EVA010").params["value"]


class TestEva011:
    def test_params_in_local_time(self) -> None:
        """A pre-test at the start is shown in the venue's local time."""
        finding = fired("EVA011")
        assert {
            "submitted": "2025-08-01 07:00 WITA",
            "bound": "2025-08-01 07:00 WITA",
            "when_en": "once the retreat had begun",
        }.items() <= finding.params.items()
        assert "dikirim 2025-08-01 07:00 WITA" in finding.message("id")

    def test_just_before_the_start_is_fine(self) -> None:
        """A pre-test a minute before the start is inside its phase."""
        assert 0 == len(run(replacing(QUIZ_PRE, submitted=b.wita(1, 6, 59)), "EVA011"))

    @pytest.mark.parametrize("phase", [Phase.POST, Phase.FOLLOW_UP])
    def test_after_phases_before_the_end(self, phase: Phase) -> None:
        """A post-test or follow-up before the end is reported against the end."""
        finding = one(replacing(QUIZ_POST, phase=phase, submitted=b.wita(3, 11, 59)), "EVA011")
        assert ("2025-08-03 12:00 WITA", "before the retreat ended") == (
            finding.params["bound"],
            finding.params["when_en"],
        )

    def test_times_in_another_zone(self) -> None:
        """A UTC time is compared as an instant and shown in WITA."""
        early = pendulum.datetime(2025, 7, 31, 23, 30, tz="UTC")  # 07:30 WITA, after the start
        finding = one(replacing(QUIZ_PRE, submitted=early), "EVA011")
        assert "2025-08-01 07:30 WITA" == finding.params["submitted"]

    def test_silent_without_time_or_retreat(self) -> None:
        """No submission time, or no retreat: nothing to compare."""
        assert 0 == len(run(replacing(QUIZ_PRE, submitted=None), "EVA011"))
        survey_, _ = triggered("EVA011")
        assert 0 == len(run(attrs.evolve(survey_, retreat=None), "EVA011"))


class TestOptions:
    @pytest.mark.parametrize(
        ("options", "code"),
        [
            ({"threshold": "3"}, "EVA008"),
            ({"threshold": True}, "EVA006"),
            ({"threshold": 2.0}, "EVA008"),
            ({"cronbach_min": "0.7"}, "EVA006"),
            ({"krippendorff_min": None}, "EVA007"),
            ({"roster": "malang"}, "EVA008"),
            ({"roster": object()}, "EVA010"),
        ],
    )
    def test_wrong_types(self, options: dict[str, Any], code: str) -> None:
        """An option of the wrong type is data.type at its path, even on an empty survey."""
        empty = Survey(rubrics=(quiz(),))
        with pytest.raises(InvalidType) as caught:
            check(empty, select=[code], options=options)
        (name,) = options
        assert ("data.type", f"options[{name!r}]") == (caught.value.code, caught.value.path)

    @pytest.mark.parametrize(
        ("options", "code"),
        [
            ({"threshold": 0}, "EVA008"),
            ({"cronbach_min": 1.5}, "EVA006"),
            ({"krippendorff_min": -0.1}, "EVA007"),
            ({"krippendorff_min": float("nan")}, "EVA007"),
        ],
    )
    def test_out_of_range(self, options: dict[str, Any], code: str) -> None:
        """An option out of range is eva.option, with a bilingual message."""
        with pytest.raises(InvalidComponent) as caught:
            check(Survey(rubrics=(quiz(),)), select=[code], options=options)
        (name,) = options
        assert ("eva.option", f"options[{name!r}]") == (caught.value.code, caught.value.path)
        assert f"The option {name} must be" in caught.value.message("en")
        assert f"Opsi {name} harus" in caught.value.message("id")
