"""Tests for the rubric models (birokrasi_retreat.rubric) and their strategies.

Every invariant of a model is checked with its error code and path (and its message
renders in both languages); scales, bands and responses are checked on worked values
and by properties; every model round-trips through dict, JSON, TOML and YAML. The
strategies of `birokrasi_retreat.strategies._rubric` are checked to generate only valid
values. NIPs are synthetic: ``198609262015051001`` is the documented example of the
sources (sources: nip-layout).
"""

from __future__ import annotations

import copy
import enum
import math
import pickle

from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, find, given, settings
from hypothesis import Phase as HypothesisPhase
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import messages, rubric, serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import BirokrasiRetreatError, ValidationErrorGroup
from birokrasi_retreat.rubric import (
    Aggregation,
    Band,
    Criterion,
    Descriptor,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    ScaleLabel,
    SubjectKind,
)
from birokrasi_retreat.strategies import _rubric as rst


if TYPE_CHECKING:
    from collections.abc import Callable


T = TypeVar("T")

NIP = "198609262015051001"
NIK = "3573010101900001"
FORMATS = ("json", "toml", "yaml")
IKM_LABELS_ID = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")
IKM_LABELS_EN = ("Poor", "Fair", "Good", "Very good")


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _error(build: Callable[[], object]) -> BirokrasiRetreatError:
    """The library error ``build`` raises; its message renders fully in both languages."""
    with pytest.raises(BirokrasiRetreatError) as caught:
        build()
    error = caught.value
    for lang in messages.LANGUAGES:
        text = error.message(lang)
        assert error.code in messages.catalogue()
        assert "{" not in text
        assert not text.endswith(f"({error.code})")
    return error


def _fails(build: Callable[[], object], code: str, path: str) -> BirokrasiRetreatError:
    """Assert that ``build`` raises ``code`` at ``path``; return the error."""
    error = _error(build)
    assert (code, path) == (error.code, error.path)
    return error


def _find(strategy: st.SearchStrategy[T], condition: Callable[[T], bool]) -> T:
    """The first generated example meeting ``condition``, not shrunk."""
    quick = settings(
        phases=[HypothesisPhase.generate],
        database=None,
        max_examples=500,
        suppress_health_check=[HealthCheck.too_slow],
    )
    return find(strategy, condition, settings=quick)


def _likert4() -> Scale:
    """The IKM 1-4 scale with its labels (sources: ikm)."""
    return Scale.likert(4, labels_id=IKM_LABELS_ID, labels_en=IKM_LABELS_EN)


def _criterion(**changes: Any) -> Criterion:
    """U1 Persyaratan on the 1-4 scale."""
    fields: dict[str, Any] = {
        "id": "u1",
        "title_id": "Persyaratan",
        "title_en": "Requirements",
        "scale": Scale.likert(4),
    }
    return Criterion(**(fields | changes))


def _band(code: str, lower: float) -> Band:
    """A band with a label made from its code."""
    return Band(code=code, label_id=f"Mutu {code}", label_en=f"Grade {code}", lower=lower)


# sources: ikm: mutu D, C, B, A by lower bound on the converted value (D from 0).
IKM_BANDS = (_band("D", 0), _band("C", 65.0), _band("B", 76.61), _band("A", 88.31))


def _rubric(**changes: Any) -> Rubric:
    """A two-criterion rubric with the IKM bands."""
    fields: dict[str, Any] = {
        "id": "survei",
        "title_id": "Survei",
        "title_en": "Survey",
        "criteria": (_criterion(), _criterion(id="u2", title_id="Prosedur", title_en="Procedure")),
        "bands": IKM_BANDS,
    }
    return Rubric(**(fields | changes))


def _response(**changes: Any) -> Response:
    """A post-retreat response about a unit."""
    fields: dict[str, Any] = {
        "rubric": "survei",
        "subject_kind": SubjectKind.UNIT,
        "subject": "dinas-kominfo",
        "rater": "r-017",
        "ratings": {"u1": 4, "u2": 3},
    }
    return Response(**(fields | changes))


class Small(enum.IntEnum):
    """An int subclass: an integral rating of another type."""

    THREE = 3


class TestScaleLabel:
    def test_holds_both_languages(self) -> None:
        """A label keeps its value and both texts."""
        label = ScaleLabel(value=4, label_id="Sangat baik", label_en="Very good")
        assert (4, "Sangat baik", "Very good") == (label.value, label.label_id, label.label_en)

    def test_value_must_be_an_int(self) -> None:
        """A bool or float value is refused as data.type."""
        _fails(
            lambda: ScaleLabel(value=_any(True), label_id="Ya", label_en="Yes"),
            "data.type",
            "value",
        )
        _fails(
            lambda: ScaleLabel(value=_any(1.0), label_id="Ya", label_en="Yes"), "data.type", "value"
        )

    def test_texts_must_not_be_blank(self) -> None:
        """A blank label is refused."""
        _fails(lambda: ScaleLabel(value=1, label_id=" ", label_en="Yes"), "org.blank", "label_id")
        _fails(lambda: ScaleLabel(value=1, label_id="Ya", label_en=""), "org.blank", "label_en")


class TestScale:
    def test_points_with_a_step(self) -> None:
        """The points run from min to max in steps."""
        assert (0, 25, 50, 75, 100) == Scale(min_value=0, max_value=100, step=25).points
        assert (-2, 0, 2) == Scale(min_value=-2, max_value=2, step=2).points
        assert 101 == len(Scale(min_value=0, max_value=100).points)

    @pytest.mark.parametrize(("low", "high"), [(4, 4), (5, 1)])
    def test_min_must_be_below_max(self, low: int, high: int) -> None:
        """An empty or reversed range is rubric.scale_range at max_value."""
        error = _fails(
            lambda: Scale(min_value=low, max_value=high), "rubric.scale_range", "max_value"
        )
        assert {"min": low, "max": high} == dict(error.params)

    @pytest.mark.parametrize("step", [0, -1])
    def test_step_must_be_positive(self, step: int) -> None:
        """A step of 0 or less is rubric.scale_step."""
        _fails(lambda: Scale(min_value=1, max_value=5, step=step), "rubric.scale_step", "step")

    def test_range_must_be_whole_steps(self) -> None:
        """1-4 in steps of 2 does not end on a step: rubric.scale_fit."""
        error = _fails(lambda: Scale(min_value=1, max_value=4, step=2), "rubric.scale_fit", "step")
        assert {"min": 1, "max": 4, "step": 2} == dict(error.params)

    @pytest.mark.parametrize("field", ["min_value", "max_value", "step"])
    @pytest.mark.parametrize("value", [True, 1.0, "1", None])
    def test_bounds_must_be_ints(self, field: str, value: object) -> None:
        """A bound or step that is not an int (a bool included) is data.type."""
        fields: dict[str, Any] = {"min_value": 0, "max_value": 10, "step": 1} | {field: value}
        _fails(lambda: Scale(**fields), "data.type", field)

    def test_label_off_the_scale(self) -> None:
        """A label on no point is rubric.off_scale at its value."""
        labels = (
            ScaleLabel(value=1, label_id="A", label_en="A"),
            ScaleLabel(value=2, label_id="B", label_en="B"),
        )
        error = _fails(
            lambda: Scale(min_value=1, max_value=5, step=2, labels=labels),
            "rubric.off_scale",
            "labels[1].value",
        )
        assert {"value": 2, "min": 1, "max": 5, "step": 2} == dict(error.params)

    def test_label_repeated(self) -> None:
        """Two labels of one point are rubric.duplicate_value."""
        label = ScaleLabel(value=3, label_id="Baik", label_en="Good")
        _fails(
            lambda: Scale(min_value=1, max_value=4, labels=(label, label)),
            "rubric.duplicate_value",
            "labels[1].value",
        )

    def test_labels_must_be_labels(self) -> None:
        """Something else than a ScaleLabel in labels is data.type; a str is no list."""
        _fails(
            lambda: Scale(min_value=1, max_value=4, labels=_any(("Baik",))),
            "data.type",
            "labels[0]",
        )
        with pytest.raises(BirokrasiRetreatError, match=r"data\.type"):
            Scale(min_value=1, max_value=4, labels=_any("Baik"))

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (1, True),
            (4, True),
            (0, False),
            (5, False),
            (3.0, True),
            (2.5, False),
            (math.nan, False),
            (math.inf, False),
            (True, False),
            (False, False),
            ("3", False),
            (None, False),
            (Fraction(3), False),
            (Small.THREE, True),
        ],
    )
    def test_contains(self, value: object, expected: bool) -> None:
        """An int or integral float within the bounds is a point; a bool never is."""
        assert expected == Scale.likert(4).contains(value)

    def test_contains_respects_the_step(self) -> None:
        """Between two steps is not a point."""
        scale = Scale(min_value=0, max_value=100, step=25)
        assert (True, False, True) == (scale.contains(50), scale.contains(60), scale.contains(75.0))

    @given(rst.scales(), st.integers(min_value=-400, max_value=400))
    def test_contains_is_membership_of_points(self, scale: Scale, value: int) -> None:
        """contains(v) holds exactly for the points, as an int or as a float."""
        expected = value in scale.points
        assert expected == scale.contains(value)
        assert expected == scale.contains(float(value))

    def test_label_in_both_languages(self) -> None:
        """label() gives Indonesian by default, English on request."""
        scale = _likert4()
        assert ("Tidak baik", "Poor") == (scale.label(1), scale.label(1, "en"))
        assert "Sangat baik" == scale.label(4.0)

    def test_label_falls_back_to_indonesian(self) -> None:
        """An unknown language gives Indonesian, as the message catalogue does."""
        assert "Baik" == _likert4().label(3, _any("fr"))

    def test_label_of_no_point(self) -> None:
        """Off the scale, a bool, or an unlabelled point: no label."""
        scale = Scale(
            min_value=1, max_value=3, labels=(ScaleLabel(value=1, label_id="Satu", label_en="One"),)
        )
        assert (None, None, None, None) == (
            scale.label(9),
            scale.label(True),
            scale.label(2),
            scale.label("1"),
        )


class TestLikert:
    def test_without_labels(self) -> None:
        """likert(5) is 1-5 in steps of 1, unlabelled."""
        assert Scale(min_value=1, max_value=5) == Scale.likert(5)

    def test_with_labels(self) -> None:
        """Labels are given lowest first."""
        scale = _likert4()
        assert IKM_LABELS_EN == tuple(scale.label(point, "en") for point in scale.points)

    @pytest.mark.parametrize("n", [True, 4.0, "4"])
    def test_size_must_be_an_int(self, n: object) -> None:
        """n must be an int."""
        _fails(lambda: Scale.likert(_any(n)), "data.type", "n")

    @pytest.mark.parametrize("n", [1, 0, -3])
    def test_at_least_two_points(self, n: int) -> None:
        """A one-point scale discriminates nothing: rubric.likert_points."""
        _fails(lambda: Scale.likert(n), "rubric.likert_points", "n")

    def test_label_count_must_match(self) -> None:
        """Each language needs exactly n labels."""
        error = _fails(
            lambda: Scale.likert(4, labels_id=IKM_LABELS_ID[:3], labels_en=IKM_LABELS_EN),
            "rubric.likert_labels",
            "labels_id",
        )
        assert {"n": 4, "count": 3} == dict(error.params)
        _fails(
            lambda: Scale.likert(4, labels_id=IKM_LABELS_ID),
            "rubric.likert_labels",
            "labels_en",
        )

    def test_labels_must_be_a_list(self) -> None:
        """A str is not a list of labels."""
        _fails(
            lambda: Scale.likert(2, labels_id="ab", labels_en=("a", "b")), "data.type", "labels_id"
        )

    def test_blank_label(self) -> None:
        """A blank label is reported at its index."""
        _fails(
            lambda: Scale.likert(2, labels_id=("Tidak", " "), labels_en=("No", "Yes")),
            "org.blank",
            "labels[1].label_id",
        )


class TestDescriptor:
    def test_holds_descriptors(self) -> None:
        """A level keeps its value and both descriptors."""
        level = Descriptor(
            value=5, descriptor_id="Menjadi teladan", descriptor_en="Is a role model"
        )
        assert (5, "Is a role model") == (level.value, level.descriptor_en)

    def test_value_must_be_an_int(self) -> None:
        """A float value is data.type."""
        _fails(
            lambda: Descriptor(value=_any(2.0), descriptor_id="A", descriptor_en="A"),
            "data.type",
            "value",
        )


class TestCriterion:
    def test_defaults(self) -> None:
        """Weight 1, required, no levels, no group."""
        item = _criterion()
        assert (1.0, True, (), None) == (item.weight, item.required, item.levels, item.group)

    def test_int_weight_is_stored_as_float(self) -> None:
        """An int weight becomes a float."""
        weight = _criterion(weight=2).weight
        assert (2.0, float) == (weight, type(weight))

    @pytest.mark.parametrize("weight", [0, -1, -0.5, 0.0])
    def test_weight_must_be_positive(self, weight: float) -> None:
        """A weight of 0 or less is rubric.weight."""
        _fails(lambda: _criterion(weight=weight), "rubric.weight", "weight")

    @pytest.mark.parametrize("weight", [math.nan, math.inf, -math.inf, 10**400])
    def test_weight_must_be_finite(self, weight: float) -> None:
        """NaN, the infinities and an int too large for a float are data.not_finite."""
        _fails(lambda: _criterion(weight=weight), "data.not_finite", "weight")

    @pytest.mark.parametrize("weight", [True, "1", None, Fraction(1, 2)])
    def test_weight_must_be_a_number(self, weight: object) -> None:
        """A bool, str, None or Fraction weight is data.type."""
        _fails(lambda: _criterion(weight=weight), "data.type", "weight")

    def test_scale_must_be_a_scale(self) -> None:
        """A scale given as a dict is data.type."""
        _fails(lambda: _criterion(scale={"min_value": 1, "max_value": 4}), "data.type", "scale")

    def test_required_must_be_a_bool(self) -> None:
        """required=1 is data.type."""
        _fails(lambda: _criterion(required=1), "data.type", "required")

    def test_levels_on_the_scale(self) -> None:
        """A level off the scale is rubric.off_scale; a repeated one rubric.duplicate_value."""
        five = Descriptor(value=5, descriptor_id="Lima", descriptor_en="Five")
        _fails(lambda: _criterion(levels=(five,)), "rubric.off_scale", "levels[0].value")
        two = Descriptor(value=2, descriptor_id="Dua", descriptor_en="Two")
        _fails(lambda: _criterion(levels=(two, two)), "rubric.duplicate_value", "levels[1].value")
        _fails(lambda: _criterion(levels=(_likert4().labels[0],)), "data.type", "levels[0]")

    @pytest.mark.parametrize("group", ["", " akuntabel", 7])
    def test_group_is_an_identifier(self, group: object) -> None:
        """A blank, padded or non-str group is refused."""
        error = _error(lambda: _criterion(group=group))
        assert ("group", True) == (error.path, error.code in {"org.id", "data.type"})

    def test_level_lookup(self) -> None:
        """level() finds the descriptor of a point, else None."""
        two = Descriptor(value=2, descriptor_id="Dua", descriptor_en="Two")
        item = _criterion(levels=(two,))
        assert (two, two, None, None, None) == (
            item.level(2),
            item.level(2.0),
            item.level(3),
            item.level(9),
            item.level(True),
        )


class TestBand:
    def test_lower_is_stored_as_float(self) -> None:
        """An int lower bound becomes a float."""
        assert (65.0, float) == (_band("C", 65).lower, type(_band("C", 65).lower))

    @pytest.mark.parametrize("lower", [-0.01, 100.01, -100])
    def test_lower_within_0_to_100(self, lower: float) -> None:
        """A lower bound outside 0-100 is rubric.band_lower."""
        _fails(lambda: _band("X", lower), "rubric.band_lower", "lower")

    def test_lower_is_a_finite_number(self) -> None:
        """NaN is data.not_finite; a str is data.type."""
        _fails(lambda: _band("X", math.nan), "data.not_finite", "lower")
        _fails(lambda: _band("X", _any("65")), "data.type", "lower")

    def test_code_is_an_identifier(self) -> None:
        """A blank code is org.id."""
        _fails(lambda: _band("", 0), "org.id", "code")


class TestEnums:
    def test_values(self) -> None:
        """The values are the lower-case names the documents use."""
        assert ["min_max", "ratio"] == [member.value for member in Normalisation]
        assert ["mean", "median", "trimmed_mean"] == [member.value for member in Aggregation]
        assert ["participant", "session", "speaker", "unit", "retreat"] == [
            member.value for member in SubjectKind
        ]
        assert ["pre", "post", "follow_up"] == [member.value for member in Phase]


class TestRubric:
    def test_defaults(self) -> None:
        """Min-max, mean, trim 0.1, self-rating allowed, no source."""
        rubric = _rubric()
        assert (Normalisation.MIN_MAX, Aggregation.MEAN, 0.1, True, "") == (
            rubric.normalisation,
            rubric.aggregation,
            rubric.trim,
            rubric.allow_self_rating,
            rubric.source,
        )

    def test_needs_a_criterion(self) -> None:
        """A rubric with no criteria is rubric.no_criteria."""
        _fails(lambda: _rubric(criteria=()), "rubric.no_criteria", "criteria")

    def test_criterion_ids_are_unique(self) -> None:
        """Two criteria with one id are rubric.duplicate_id at the second."""
        error = _fails(
            lambda: _rubric(criteria=(_criterion(), _criterion(weight=2))),
            "rubric.duplicate_id",
            "criteria[1].id",
        )
        assert {"field": "criteria", "value": "u1"} == dict(error.params)

    def test_criteria_must_be_criteria(self) -> None:
        """A dict among the criteria is data.type."""
        _fails(lambda: _rubric(criteria=({"id": "u1"},)), "data.type", "criteria[0]")

    def test_first_band_starts_at_zero(self) -> None:
        """Bands starting above 0 leave a gap: rubric.band_first."""
        _fails(lambda: _rubric(bands=IKM_BANDS[1:]), "rubric.band_first", "bands[0].lower")

    def test_bands_strictly_increasing(self) -> None:
        """A band not above the previous one is rubric.band_order at it."""
        shuffled = (IKM_BANDS[0], IKM_BANDS[2], IKM_BANDS[1])
        error = _fails(lambda: _rubric(bands=shuffled), "rubric.band_order", "bands[2].lower")
        assert {"value": 65.0, "previous": 76.61} == dict(error.params)
        twice = (IKM_BANDS[0], _band("X", 65.0), _band("Y", 65.0))
        _fails(lambda: _rubric(bands=twice), "rubric.band_order", "bands[2].lower")

    def test_band_codes_unique(self) -> None:
        """Two bands with one code are rubric.duplicate_id."""
        bands = (_band("D", 0), _band("D", 50))
        _fails(lambda: _rubric(bands=bands), "rubric.duplicate_id", "bands[1].code")

    def test_bands_must_be_bands(self) -> None:
        """A tuple among the bands is data.type."""
        _fails(lambda: _rubric(bands=(("D", 0),)), "data.type", "bands[0]")

    @pytest.mark.parametrize("trim", [-0.1, 0.5, 0.9])
    def test_trim_below_half(self, trim: float) -> None:
        """The trimmed share must be in [0, 0.5)."""
        _fails(lambda: _rubric(trim=trim), "rubric.trim", "trim")

    def test_trim_bounds(self) -> None:
        """0 and 0.49 are allowed trims."""
        assert (0.0, 0.49) == (_rubric(trim=0).trim, _rubric(trim=0.49).trim)

    def test_enums_from_values(self) -> None:
        """normalisation and aggregation accept their values and store members."""
        rubric = _rubric(normalisation="ratio", aggregation="trimmed_mean")
        assert (Normalisation.RATIO, Aggregation.TRIMMED_MEAN) == (
            rubric.normalisation,
            rubric.aggregation,
        )
        assert rubric.normalisation is Normalisation.RATIO

    @pytest.mark.parametrize("field", ["normalisation", "aggregation"])
    def test_enums_refuse_others(self, field: str) -> None:
        """Another text is data.choice listing the allowed ones."""
        error = _fails(lambda: _rubric(**{field: "zscore"}), "data.choice", field)
        assert "mean" in str(error.params["choices"]) or "ratio" in str(error.params["choices"])

    @pytest.mark.parametrize("field", ["normalisation", "aggregation"])
    @pytest.mark.parametrize("value", [None, ["mean"], 1])
    def test_enums_refuse_other_types(self, field: str, value: object) -> None:
        """A value that is neither a member nor text is data.type (issue 14)."""
        _fails(lambda: _rubric(**{field: value}), "data.type", field)

    def test_flags_and_source_types(self) -> None:
        """allow_self_rating must be a bool, source a str."""
        _fails(lambda: _rubric(allow_self_rating="no"), "data.type", "allow_self_rating")
        _fails(lambda: _rubric(source=None), "data.type", "source")

    def test_criterion_lookup(self) -> None:
        """criterion() finds by id, else None."""
        rubric = _rubric()
        assert ("Prosedur", None) == (rubric.criterion("u2").title_id, rubric.criterion("u3"))  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            (0.0, "D"),
            (25.0, "D"),
            (64.99, "D"),
            (65.0, "C"),
            (76.6, "C"),
            (76.61, "B"),
            (88.3, "B"),
            (88.31, "A"),
            (100.0, "A"),
            (100, "A"),
        ],
    )
    def test_band_for_ikm_boundaries(self, value: float, code: str) -> None:
        """Lower bounds are inclusive on the rounded value (sources: ikm)."""
        band = _rubric().band_for(value)
        assert band is not None
        assert code == band.code

    @pytest.mark.parametrize("value", [-0.01, 100.01, math.nan, math.inf])
    def test_band_for_outside_0_to_100(self, value: float) -> None:
        """A value outside 0-100 (or NaN) has no band."""
        assert _rubric().band_for(value) is None

    def test_band_for_without_bands(self) -> None:
        """A rubric without bands bands nothing."""
        assert _rubric(bands=()).band_for(50.0) is None

    @given(
        rst.rubrics(), st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100)
    )
    def test_band_for_is_monotone_and_tight(
        self, rubric: Rubric, first: float, second: float
    ) -> None:
        """A higher value never falls in a lower band, and each band holds its own range."""
        low, high = sorted((round(first, 2), round(second, 2)))
        if not rubric.bands:
            assert rubric.band_for(low) is None
            return
        lower_band, upper_band = rubric.band_for(low), rubric.band_for(high)
        assert lower_band is not None
        assert upper_band is not None
        assert rubric.bands.index(lower_band) <= rubric.bands.index(upper_band)
        index = rubric.bands.index(lower_band)
        assert lower_band.lower <= low
        if index + 1 < len(rubric.bands):
            assert low < rubric.bands[index + 1].lower

    def test_equal_and_hashable(self) -> None:
        """Two rubrics built alike are equal and hash alike (lookups are left out)."""
        assert _rubric() == _rubric()
        assert hash(_rubric()) == hash(_rubric())
        assert _rubric() != _rubric(trim=0.2)


class TestResponse:
    def test_defaults(self) -> None:
        """Phase post, no time, no comment."""
        response = _response()
        assert (Phase.POST, None, None) == (response.phase, response.submitted, response.comment)

    def test_ratings_are_read_only(self) -> None:
        """The stored ratings cannot be changed, nor through the mapping given."""
        given_ratings = {"u1": 4}
        response = _response(ratings=given_ratings)
        given_ratings["u1"] = 1
        assert 4 == response.ratings["u1"]
        with pytest.raises(TypeError):
            response.ratings["u1"] = 2  # type: ignore[index]

    def test_integral_floats_are_ints(self) -> None:
        """4.0 is stored as 4, an int subclass as a plain int; 2.5 stays a float."""
        ratings = _response(ratings={"a": 4.0, "b": 2.5, "c": Small.THREE, "d": 1}).ratings
        assert {"a": 4, "b": 2.5, "c": 3, "d": 1} == dict(ratings)
        assert [int, float, int, int] == [type(value) for value in ratings.values()]

    def test_numpy_numbers_are_plain_numbers(self) -> None:
        """NumPy integers and floats are stored as int and float; NumPy's bool is refused."""
        numpy = pytest.importorskip("numpy")
        ratings = _response(ratings={"a": numpy.int64(4), "b": numpy.float64(2.5)}).ratings
        assert [(int, 4), (float, 2.5)] == [(type(v), v) for v in ratings.values()]
        _fails(lambda: _response(ratings={"a": numpy.bool_(True)}), "data.type", "ratings['a']")

    @pytest.mark.parametrize("rating", [True, "4", None, [4]])
    def test_ratings_are_numbers(self, rating: object) -> None:
        """A bool, str, None or list rating is data.type at its key."""
        _fails(lambda: _response(ratings={"u1": rating}), "data.type", "ratings['u1']")

    @pytest.mark.parametrize("rating", [math.nan, math.inf])
    def test_ratings_are_finite(self, rating: float) -> None:
        """NaN and infinity are data.not_finite."""
        _fails(lambda: _response(ratings={"u1": rating}), "data.not_finite", "ratings['u1']")

    def test_rating_keys_are_strings(self) -> None:
        """A key that is not a str is data.key_type."""
        _fails(lambda: _response(ratings={1: 4}), "data.key_type", "ratings")

    def test_ratings_are_a_mapping(self) -> None:
        """A list of ratings is data.type."""
        _fails(lambda: _response(ratings=[4, 3]), "data.type", "ratings")

    def test_a_digit_run_in_a_key_is_starred(self) -> None:
        """A NIP used as a key never reaches the error path."""
        error = _error(lambda: _response(ratings={NIP: "4"}))
        assert NIP not in error.path
        assert error.path.endswith("001']")

    @pytest.mark.parametrize(
        "rater",
        [
            NIP,
            "19860926 201505 1 001",
            "1986.0926.2015.0510.01",
            "19860926  201505 - 1 001",
            NIK,
            f"rater-{NIP}",
        ],
    )
    def test_rater_is_never_a_nip_or_nik(self, rater: str) -> None:
        """A rater id holding 16 or more digits is rubric.rater_personal, and not shown."""
        error = _fails(lambda: _response(rater=rater), "rubric.rater_personal", "rater")
        assert {} == dict(error.params)

    def test_rater_with_fewer_digits(self) -> None:
        """Fifteen digits are a pseudonym, not a NIK."""
        assert "r-123456789012345" == _response(rater="r-123456789012345").rater

    def test_rater_and_subject_are_identifiers(self) -> None:
        """Blank or padded ids are org.id."""
        _fails(lambda: _response(rater=""), "org.id", "rater")
        _fails(lambda: _response(subject=" x"), "org.id", "subject")
        _fails(lambda: _response(rubric=""), "org.id", "rubric")

    def test_subject_nip_is_masked_in_repr(self) -> None:
        """A NIP as the subject, or in a comment, shows only its last 3 digits."""
        response = _response(subject=NIP, comment=f"NIP 19860926 201505 1 001, {NIK}")
        text = repr(response)
        assert NIP not in text
        assert "19860926" not in text
        assert NIK[:13] not in text
        assert "subject='***************001'" in text
        assert "'NIP ******** ****** * 001, *************001'" in text

    def test_repr_shows_ratings_as_a_dict(self) -> None:
        """The ratings print as a plain dict."""
        assert "ratings={'u1': 4, 'u2': 3}" in repr(_response())

    def test_enums_from_values(self) -> None:
        """Kind and phase accept their values."""
        response = _response(subject_kind="session", phase="follow_up")
        assert (SubjectKind.SESSION, Phase.FOLLOW_UP) == (response.subject_kind, response.phase)

    def test_enums_refuse_others(self) -> None:
        """An unknown kind or phase is data.choice."""
        _fails(lambda: _response(subject_kind="opd"), "data.choice", "subject_kind")
        _fails(lambda: _response(phase="during"), "data.choice", "phase")

    def test_submitted_must_be_aware(self) -> None:
        """A naive time is datetime.naive; a str is data.type."""
        naive = pendulum.naive(2025, 5, 17, 12)
        _fails(lambda: _response(submitted=naive), "datetime.naive", "submitted")
        _fails(lambda: _response(submitted="2025-05-17"), "data.type", "submitted")
        aware = pendulum.datetime(2025, 5, 17, 12, tz="Asia/Jakarta")
        assert aware == _response(submitted=aware).submitted

    def test_comment_is_text(self) -> None:
        """A comment must be a str."""
        _fails(lambda: _response(comment=5), "data.type", "comment")

    def test_equality_and_hash(self) -> None:
        """Ratings count for equality, not for the hash."""
        assert _response() == _response(ratings={"u2": 3, "u1": 4.0})
        assert _response() != _response(ratings={"u1": 4})
        assert hash(_response()) == hash(_response(ratings={"u1": 1}))

    def test_pickle_and_copies(self) -> None:
        """A response survives pickle, copy and deepcopy, still read-only."""
        response = _response(comment="Baik", submitted=pendulum.datetime(2025, 5, 17, tz="UTC"))
        for clone in (
            pickle.loads(pickle.dumps(response)),
            copy.deepcopy(response),
            copy.copy(response),
        ):
            assert response == clone
            with pytest.raises(TypeError):
                clone.ratings["u1"] = 1  # type: ignore[index]

    def test_evolve(self) -> None:
        """attrs.evolve rebuilds the ratings through the same checks."""
        assert {"u1": 2} == dict(attrs.evolve(_response(), ratings={"u1": 2.0}).ratings)


class TestResponseState:
    """What a response stores: its fields only (its ratings map keeps the packed bytes)."""

    def test_only_its_fields(self) -> None:
        """A response holds its fields and nothing else: no slot exists for the bulk path."""
        response, reordered = _response(), _response(ratings={"u2": 3, "u1": 4})
        assert response == reordered
        assert hash(response) == hash(reordered)
        assert not hasattr(response, "_layout")
        assert not hasattr(response, "_packed")
        assert not hasattr(Response, "__attrs_post_init__")
        data = serialization.to_dict(response)
        assert {
            "rubric",
            "subject_kind",
            "subject",
            "rater",
            "phase",
            "ratings",
            "submitted",
            "comment",
        } == set(data)
        state = response.__getstate__()
        assert isinstance(state, dict)
        assert set(state) == set(data)


class TestSerialization:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_rubric_round_trip(self, fmt: serialization.Format) -> None:
        """A labelled, banded rubric reads back equal."""
        rubric = _rubric(
            criteria=(
                _criterion(
                    scale=_likert4(),
                    levels=(Descriptor(value=1, descriptor_id="Satu", descriptor_en="One"),),
                    group="akuntabel",
                    weight=0.5,
                    required=False,
                ),
            ),
            normalisation=Normalisation.RATIO,
            source="PermenPAN-RB 14/2017",
        )
        assert rubric == serialization.loads(
            serialization.dumps(rubric, format=fmt), Rubric, format=fmt
        )

    def test_rubric_document_errors_carry_paths(self) -> None:
        """Every problem of a document is reported at its path."""
        data = serialization.to_dict(_rubric())
        data["criteria"][0]["weight"] = -1
        data["criteria"][1]["scale"]["step"] = 0
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Rubric)
        found = {(leaf.code, leaf.path) for leaf in caught.value.leaves()}
        assert {
            ("rubric.weight", "criteria[0].weight"),
            ("rubric.scale_step", "criteria[1].scale.step"),
        } == found

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_response_round_trip(self, fmt: serialization.Format) -> None:
        """A response with a time, a comment and a fractional rating reads back equal."""
        response = _response(
            ratings={"u1": 4, "u2": 2.5},
            submitted=pendulum.datetime(2025, 5, 17, 15, tz="Asia/Jakarta"),
            comment="Materi bermanfaat",
            phase=Phase.PRE,
        )
        back = serialization.loads(serialization.dumps(response, format=fmt), Response, format=fmt)
        assert response == back
        assert [int, float] == [type(value) for value in back.ratings.values()]

    def test_response_document_errors(self) -> None:
        """Bad ratings in a document are reported per key."""
        data = serialization.to_dict(_response())
        data["ratings"] = {"u1": True, "u2": "x"}
        with pytest.raises(ValidationErrorGroup) as caught:
            serialization.from_dict(data, Response)
        assert {"ratings['u1']", "ratings['u2']"} == {leaf.path for leaf in caught.value.leaves()}


class TestStrategyArguments:
    @pytest.mark.parametrize(("low", "high"), [(1, 5), (5, 4)])
    def test_scales(self, low: int, high: int) -> None:
        """Fewer than 2 points, or reversed bounds, are InvalidArgument."""
        with pytest.raises(InvalidArgument):
            rst.scales(min_points=low, max_points=high).example()

    @pytest.mark.parametrize(("low", "high"), [(0, 5), (3, 2)])
    def test_rubrics(self, low: int, high: int) -> None:
        """No criteria, or reversed bounds, are InvalidArgument."""
        with pytest.raises(InvalidArgument):
            rst.rubrics(min_criteria=low, max_criteria=high).example()

    def test_responses_need_a_rubric(self) -> None:
        """A rubric id is not a rubric."""
        with pytest.raises(InvalidArgument, match="Rubric"):
            rst.responses(_any("ikm"))


class TestStrategies:
    @given(rst.scales(min_points=3, max_points=6))
    def test_scales_within_bounds(self, scale: Scale) -> None:
        """Scales have the requested number of points and labels on points."""
        assert 3 <= len(scale.points) <= 6
        assert all(scale.contains(label.value) for label in scale.labels)

    @given(rst.rubrics(min_criteria=2, max_criteria=4))
    def test_rubrics_are_valid(self, rubric: Rubric) -> None:
        """Rubrics rebuild from their own fields (every invariant holds)."""
        assert 2 <= len(rubric.criteria) <= 4
        assert rubric == attrs.evolve(rubric)
        assert all(criterion.weight > 0 for criterion in rubric.criteria)

    @given(rst.rubrics(scales=st.just(Scale.likert(5))))
    def test_rubrics_use_the_given_scales(self, rubric: Rubric) -> None:
        """The scales strategy is used for every criterion."""
        assert {(1, 2, 3, 4, 5)} == {criterion.scale.points for criterion in rubric.criteria}

    @given(st.data())
    def test_responses_are_valid(self, data: st.DataObject) -> None:
        """Every required criterion is rated on its scale; no rating is for another."""
        rubric = data.draw(rst.rubrics())
        response = data.draw(rst.responses(rubric))
        assert rubric.id == response.rubric
        for criterion in rubric.criteria:
            if criterion.required:
                assert criterion.id in response.ratings
            if criterion.id in response.ratings:
                assert criterion.scale.contains(response.ratings[criterion.id])
        assert set(response.ratings) <= {criterion.id for criterion in rubric.criteria}
        assert response.subject != response.rater or rubric.allow_self_rating

    def test_optional_criteria_are_sometimes_missing(self) -> None:
        """An optional criterion is left out in some response."""
        rubric = _rubric(criteria=(_criterion(), _criterion(id="u2", required=False)))
        response = _find(rst.responses(rubric), lambda r: "u2" not in r.ratings)
        assert {"u1"} == set(response.ratings)

    @given(st.data())
    def test_no_self_rating_where_forbidden(self, data: st.DataObject) -> None:
        """With self-rating forbidden, the subject is never the rater."""
        rubric = _rubric(allow_self_rating=False)
        response = data.draw(
            rst.responses(rubric, raters=st.just("p-1"), subjects=st.sampled_from(["p-1", "p-2"]))
        )
        assert ("p-1", "p-2") == (response.rater, response.subject)

    def test_self_rating_where_allowed(self) -> None:
        """With self-rating allowed, the subject may be the rater."""
        response = _find(
            rst.responses(
                _rubric(), raters=st.just("p-1"), subjects=st.sampled_from(["p-1", "p-2"])
            ),
            lambda r: r.subject == r.rater,
        )
        assert "p-1" == response.subject

    @given(
        st.data(),
        st.sampled_from(Phase),
        st.sampled_from(SubjectKind),
    )
    def test_responses_options(self, data: st.DataObject, phase: Phase, kind: SubjectKind) -> None:
        """The phase, kind and time strategies are used."""
        response = data.draw(
            rst.responses(
                _rubric(),
                phases=st.just(phase),
                subject_kinds=st.just(kind),
                submitted=brst.aware_datetimes(),
            )
        )
        assert (phase, kind) == (response.phase, response.subject_kind)
        assert response.submitted is not None

    @given(st.data(), st.sampled_from(FORMATS))
    def test_generated_values_round_trip(
        self, data: st.DataObject, fmt: serialization.Format
    ) -> None:
        """Generated rubrics and responses read back equal in every format."""
        rubric = data.draw(rst.rubrics(max_criteria=4))
        response = data.draw(rst.responses(rubric, submitted=st.none() | brst.aware_datetimes()))
        assert rubric == serialization.loads(
            serialization.dumps(rubric, format=fmt), Rubric, format=fmt
        )
        back = serialization.loads(serialization.dumps(response, format=fmt), Response, format=fmt)
        assert response == back
        assert dict(response.ratings) == dict(back.ratings)
        assert rubric == serialization.from_dict(serialization.to_dict(rubric), Rubric)


class TestDeprecatedLevel:
    """The old name ``Level`` (issue 13) still works, with a warning, as `Descriptor`."""

    def test_new_name_is_exported(self) -> None:
        """Descriptor is public; the deprecated Level is not in __all__."""
        assert "Descriptor" in rubric.__all__
        assert "Level" not in rubric.__all__

    def test_old_name_warns_and_is_the_new_class(self) -> None:
        """rubric.Level warns, names Descriptor, and is the very same class."""
        with pytest.warns(DeprecationWarning, match=r"rubric\.Descriptor") as caught:
            old = rubric.Level
        assert old is Descriptor
        assert caught[0].filename == __file__

    def test_old_name_import_warns(self) -> None:
        """``from birokrasi_retreat.rubric import Level`` warns too, and builds descriptors."""
        with pytest.warns(DeprecationWarning, match="Descriptor"):
            from birokrasi_retreat.rubric import Level  # noqa: PLC0415
        built = Level(value=2, descriptor_id="Dua", descriptor_en="Two")
        assert Descriptor(value=2, descriptor_id="Dua", descriptor_en="Two") == built

    def test_unknown_name(self) -> None:
        """Any other missing name is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no_such_name"):
            rubric.__getattr__("no_such_name")
        assert not hasattr(rubric, "no_such_name")
