"""Tests of the survey model (birokrasi_retreat.survey) and its strategy (strategies._survey)."""

from __future__ import annotations

import copy
import importlib
import pickle

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import rubrics, serialization
from birokrasi_retreat.errors import (
    InvalidFormat,
    InvalidType,
    ValidationError,
    ValidationErrorGroup,
)
from birokrasi_retreat.retreat import RetreatStatus
from birokrasi_retreat.rubric import Criterion, Phase, Response, Rubric, Scale, SubjectKind
from birokrasi_retreat.strategies import retreats
from birokrasi_retreat.strategies._survey import _allowed, _self, surveys
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    from collections.abc import Callable

    import retreat_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")

FORMATS: Final[list[serialization.Format]] = ["json", "toml", "yaml"]
NIP: Final = "198609262015051001"
"""The documented synthetic NIP (sources: nip-layout)."""
SETTINGS: Final = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def speaker_answer(subject: str = "amir", rater: str = "R-001", **changes: Any) -> Response:
    """A speaker evaluation of ``subject``, every criterion 4."""
    ratings = {criterion.id: 4 for criterion in rubrics.load("speaker").criteria}
    response = Response(
        rubric="speaker",
        subject_kind=SubjectKind.SPEAKER,
        subject=subject,
        rater=rater,
        ratings=ratings,
        submitted=b.wita(3, 12),
    )
    return attrs.evolve(response, **changes)


def made(**changes: Any) -> Survey:
    """A small survey of the Kendari retreat: two rubrics, three responses, one mapped rater."""
    fields: dict[str, Any] = {
        "rubrics": (rubrics.load("speaker"), rubrics.load("reaction")),
        "responses": (
            speaker_answer(),
            speaker_answer("sugeng"),
            speaker_answer(phase=Phase.PRE, submitted=b.wita(1, 6)),
        ),
        "retreat": b.kendari(),
        "raters": {"R-001": NIP, "R-002": "amir"},
    }
    fields.update(changes)
    return Survey(**fields)


def fails(build: Callable[[], object], code: str, path: str) -> ValidationError:
    """Building fails with ``code`` at ``path``."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert (code, path) == (caught.value.code, caught.value.path)
    return caught.value


class TestSurvey:
    def test_fields(self) -> None:
        """A survey keeps its rubrics, responses, retreat and rater map."""
        survey = made()
        assert ("speaker", "reaction") == tuple(r.id for r in survey.rubrics)
        assert 3 == len(survey.responses)
        assert "kendari-2025" == survey.retreat.id  # type: ignore[union-attr]
        assert {"R-001": NIP, "R-002": "amir"} == dict(survey.raters)

    def test_defaults(self) -> None:
        """Responses, retreat and raters are optional."""
        survey = Survey(rubrics=[rubrics.load("ikm")])
        assert ((), None, {}) == (survey.responses, survey.retreat, dict(survey.raters))
        assert isinstance(survey.rubrics, tuple)

    def test_raters_are_read_only(self) -> None:
        """The rater map cannot be changed, nor changed through the dict it was built from."""
        given_map = {"R-001": NIP}
        survey = made(raters=given_map)
        given_map["R-009"] = "x"
        assert ["R-001"] == list(survey.raters)
        with pytest.raises(TypeError):
            survey.raters["R-002"] = "y"  # type: ignore[index]

    def test_repr_hides_the_raters_and_masks_nips(self) -> None:
        """Neither the rater map nor a whole NIP appears in the repr."""
        participant = Response(
            rubric="reaction",
            subject_kind=SubjectKind.PARTICIPANT,
            subject=NIP,
            rater="R-003",
            ratings={"relevansi": 4, "materi": 4, "kepuasan": 4},
        )
        survey = made(responses=(participant,))
        shown = repr(survey)
        assert NIP not in shown
        assert "19860926" not in shown
        assert "R-002" not in shown
        assert "raters" not in shown
        assert str(survey) == shown

    def test_equality_and_hash(self) -> None:
        """Raters count for equality, not for the hash."""
        assert made() == made()
        assert made() != made(raters={})
        assert hash(made()) == hash(made(raters={}))

    def test_pickle_and_copies(self) -> None:
        """A survey survives pickle, copy and deepcopy, its raters still read-only."""
        survey = made()
        for clone in (pickle.loads(pickle.dumps(survey)), copy.deepcopy(survey), copy.copy(survey)):
            assert survey == clone
            assert dict(survey.raters) == dict(clone.raters)
            assert "kendari-2025" == clone.retreat.id  # type: ignore[union-attr]
            assert clone.rubric("speaker") is not None
            with pytest.raises(TypeError):
                clone.raters["R-003"] = "x"  # type: ignore[index]

    def test_evolve(self) -> None:
        """attrs.evolve rebuilds the survey through the same checks."""
        survey = attrs.evolve(made(), rubrics=(rubrics.load("ikm"),))
        assert survey.rubric("speaker") is None
        with pytest.raises(ValidationError):
            attrs.evolve(survey, rubrics=())


class TestInvariants:
    def test_at_least_one_rubric(self) -> None:
        """A survey without rubrics cannot be built."""
        error = fails(lambda: made(rubrics=()), "survey.no_rubrics", "rubrics")
        assert "at least one rubric" in error.message("en")

    def test_rubric_ids_unique(self) -> None:
        """Two rubrics with one id cannot be built; the message names the id."""
        twice = (rubrics.load("ikm"), rubrics.load("speaker"), rubrics.load("ikm"))
        error = fails(lambda: made(rubrics=twice), "survey.duplicate_rubric", "rubrics[2].id")
        assert "Rubrik ikm tercantum lebih dari sekali" in error.message("id")

    def test_item_types(self) -> None:
        """Rubrics, responses and the retreat must have their types."""
        fails(lambda: made(rubrics=("ikm",)), "data.type", "rubrics[0]")
        fails(lambda: made(rubrics="ikm"), "data.type", "rubrics")
        fails(
            lambda: made(responses=(speaker_answer(), {"rubric": "x"})), "data.type", "responses[1]"
        )
        fails(lambda: made(retreat="kendari-2025"), "data.type", "retreat")
        assert isinstance(fails(lambda: made(retreat=1), "data.type", "retreat"), InvalidType)

    def test_raters_shape(self) -> None:
        """The rater map is a mapping of str to str."""
        fails(lambda: made(raters=[("R-001", NIP)]), "data.type", "raters")
        fails(lambda: made(raters={1: NIP}), "data.key_type", "raters")
        fails(lambda: made(raters={"R-001": 5}), "data.type", "raters['R-001']")
        fails(lambda: made(raters={"R-001": " x"}), "org.id", "raters['R-001']")
        fails(lambda: made(raters={"": "x"}), "org.id", "raters['']")

    def test_rater_ids_are_pseudonyms(self) -> None:
        """A rater id holding a NIP is refused, and the error does not show the NIP."""
        error = fails(
            lambda: made(raters={f"R-{NIP}": "x"}),
            "rubric.rater_personal",
            "raters['R-***************001']",
        )
        assert isinstance(error, InvalidFormat)
        assert NIP not in str(error)

    def test_a_whole_nip_key_is_starred_in_the_type_error(self) -> None:
        """A non-str key is shown redacted."""
        error = fails(lambda: made(raters={198609262015051001: "x"}), "data.key_type", "raters")
        assert NIP not in str(error)


class TestRubric:
    def test_by_id(self) -> None:
        """The survey's rubric with an id, or None."""
        survey = made()
        assert rubrics.load("speaker") is survey.rubric("speaker")
        assert survey.rubric("ikm") is None


class TestResponsesFor:
    def test_filters(self) -> None:
        """Responses by rubric, phase and subject kind, in survey order."""
        survey = made()
        assert 3 == len(survey.responses_for("speaker"))
        assert [survey.responses[2]] == list(survey.responses_for("speaker", phase=Phase.PRE))
        assert 3 == len(survey.responses_for("speaker", subject_kind=SubjectKind.SPEAKER))
        assert () == survey.responses_for("speaker", subject_kind=SubjectKind.SESSION)
        assert () == survey.responses_for("reaction")

    def test_values_work_as_members(self) -> None:
        """The plain values of phase and kind select the same responses."""
        survey = made()
        by_value: Any = {"phase": "post", "subject_kind": "speaker"}
        assert survey.responses_for("speaker", phase=Phase.POST) == survey.responses_for(
            "speaker", **by_value
        )


def assert_same(expected: Survey, actual: Survey) -> None:
    """Equal, with the same raters and the same zone names on every time."""
    assert expected == actual
    assert dict(expected.raters) == dict(actual.raters)
    for before, after in zip(expected.responses, actual.responses, strict=True):
        if before.submitted is not None:
            assert before.submitted.timezone_name == after.submitted.timezone_name  # type: ignore[union-attr]


class TestSerialization:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trip(self, fmt: serialization.Format) -> None:
        """A survey with a retreat and a rater map reads back equal."""
        survey = made()
        text = serialization.dumps(survey, format=fmt)
        assert_same(survey, serialization.loads(text, Survey, format=fmt))

    def test_dict_round_trip_without_retreat(self) -> None:
        """A survey without retreat or raters round-trips through a dict."""
        survey = Survey(rubrics=(rubrics.load("ikm"),))
        data = serialization.to_dict(survey)
        assert {} == data["raters"]
        assert survey == serialization.from_dict(data, Survey)

    def test_toml_leaves_out_the_missing_retreat(self) -> None:
        """TOML has no null: a survey without retreat has no retreat key."""
        text = serialization.dumps(Survey(rubrics=(rubrics.load("ikm"),)), format="toml")
        assert "retreat" not in text.split("[[rubrics]]")[0]

    def test_document_errors_carry_paths(self) -> None:
        """Problems of a survey document are reported at their paths."""
        data = serialization.to_dict(made())
        data["raters"] = {"R-001": 5}
        data["responses"][0]["phase"] = "during"
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Survey)
        assert {"raters['R-001']", "responses[0].phase"} == {
            leaf.path for leaf in caught.value.leaves()
        }

    def test_invariant_errors_from_documents(self) -> None:
        """A document with a repeated rubric fails with the survey's own code."""
        data = serialization.to_dict(made())
        data["rubrics"].append(data["rubrics"][0])
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Survey)
        assert ["survey.duplicate_rubric"] == [leaf.code for leaf in caught.value.leaves()]

    @SETTINGS
    @given(surveys(max_responses=12))
    def test_generated_surveys_round_trip(self, survey: Survey) -> None:
        """Every generated survey survives dict, JSON, YAML and TOML."""
        assert_same(survey, serialization.from_dict(serialization.to_dict(survey), Survey))
        for fmt in FORMATS:
            text = serialization.dumps(survey, format=fmt)
            assert_same(survey, serialization.loads(text, Survey, format=fmt))

    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(Survey))
    def test_survey_is_registered(self, survey: Survey) -> None:
        """Survey is registered for st.from_type, with the EVA-clean surveys()."""
        assert not check(survey).errors


class TestSurveysStrategy:
    @SETTINGS
    @given(surveys())
    def test_valid_by_construction(self, survey: Survey) -> None:
        """Rubrics unique, responses on them, no error from the EVA rules."""
        assert len({r.id for r in survey.rubrics}) == len(survey.rubrics)
        assert all(survey.rubric(r.rubric) is not None for r in survey.responses)
        assert check(survey).ok

    @SETTINGS
    @given(surveys(rubrics=st.just(rubrics.load("speaker")), max_rubrics=1, max_responses=30))
    def test_no_self_rating_where_forbidden(self, survey: Survey) -> None:
        """With a rubric forbidding self-rating, EVA005 never fires."""
        assert [] == list(check(survey, select=["EVA005"]))

    @SETTINGS
    @given(
        surveys(
            retreats=retreats(max_enrollments=0, max_speakers=0, max_days=1),
            rubrics=st.just(
                Rubric(
                    id="opsional",
                    title_id="Opsional",
                    title_en="Optional",
                    criteria=(
                        Criterion(
                            id="a",
                            title_id="A",
                            title_en="A",
                            scale=Scale.likert(4),
                            required=False,
                        ),
                        Criterion(
                            id="b",
                            title_id="B",
                            title_en="B",
                            scale=Scale.likert(4),
                            required=False,
                        ),
                    ),
                )
            ),
            max_rubrics=1,
        )
    )
    def test_nobody_to_map_and_optional_criteria(self, survey: Survey) -> None:
        """Without participants or speakers no rater is mapped; every response answers."""
        assert {} == dict(survey.raters)
        assert all(response.ratings for response in survey.responses)

    @SETTINGS
    @given(surveys(retreats=st.just(b.kendari(status=RetreatStatus.HELD)), max_raters=1))
    def test_given_retreat(self, survey: Survey) -> None:
        """A given retreat is used; its people may be mapped to the single rater."""
        assert survey.retreat == b.kendari(status=RetreatStatus.HELD)
        assert set(survey.raters) <= {"R-001"}
        assert set(survey.raters.values()) <= {*b.KENDARI_NIPS, "sugeng", "amir"}

    @SETTINGS
    @given(surveys(max_responses=0, min_rubrics=2))
    def test_bounds(self, survey: Survey) -> None:
        """The bounds on rubrics and responses hold."""
        assert () == survey.responses
        assert 2 <= len(survey.rubrics) <= 3

    @pytest.mark.parametrize(
        "arguments",
        [
            {"min_rubrics": 0},
            {"min_rubrics": 3, "max_rubrics": 2},
            {"max_raters": 0},
            {"max_responses": -1},
        ],
    )
    def test_bad_arguments(self, arguments: dict[str, Any]) -> None:
        """Bounds out of range are InvalidArgument."""
        with pytest.raises(InvalidArgument):
            surveys(**arguments)


class TestSelfRating:
    def test_the_strategy_agrees_with_eva005(self) -> None:
        """Rater id, mapped person and session speakers count as self-rating."""
        kendari = b.kendari()
        speaker = (SubjectKind.SPEAKER, "amir")
        session = (SubjectKind.SESSION, "materi-2")
        assert _self(kendari, "amir", None, speaker)
        assert _self(kendari, "R-001", "amir", speaker)
        assert _self(kendari, "R-001", "amir", session)
        assert not _self(kendari, "R-001", None, session)
        assert not _self(kendari, "R-001", "amir", (SubjectKind.SESSION, "sesi-x"))
        assert not _self(kendari, "R-001", "amir", (SubjectKind.RETREAT, "kendari-2025"))

    def test_allowed_subjects(self) -> None:
        """A forbidding rubric drops the rater's own subjects; an allowing one keeps all."""
        kendari = b.kendari()
        subjects = [(SubjectKind.SPEAKER, "amir"), (SubjectKind.SPEAKER, "sugeng")]
        speaker = rubrics.load("speaker")
        assert [subjects[1]] == _allowed(kendari, speaker, "R-001", "amir", subjects)
        assert subjects == _allowed(kendari, rubrics.load("reaction"), "R-001", "amir", subjects)

    def test_dates_inside_phases(self) -> None:
        """Generated times lie inside their phase (a pendulum time, or None)."""

        @SETTINGS
        @given(surveys(retreats=st.just(b.kendari()), max_responses=30))
        def dated(survey: Survey) -> None:
            for response in survey.responses:
                when = response.submitted
                if when is None:
                    continue
                assert isinstance(when, pendulum.DateTime)
                if response.phase is Phase.PRE:
                    assert when < b.wita(1, 7)
                else:
                    assert when >= b.wita(3, 12)

        dated()
