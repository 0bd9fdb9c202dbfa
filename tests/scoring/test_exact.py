"""Tests for birokrasi_retreat.scoring._exact: `score`, its checks and its errors.

The properties of issue 5 are checked over the public strategies (scores lie in 0-100,
raising a rating never lowers a score, criteria order does not matter, the perfect and
the worst answers score 100 and 0 under min-max, bands are monotone). The NIPs are
synthetic; ``198609262015051001`` is the documented example (sources: nip-layout).
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING

import attrs
import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

from birokrasi_retreat.rubric import (
    Normalisation,
    Phase,
    Rubric,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.scoring import (
    CriterionScore,
    _stats,
    score,
)
from birokrasi_retreat.strategies._rubric import responses
from birokrasi_retreat.strategies._rubric import rubrics as rubric_strategy


if TYPE_CHECKING:
    import scoring_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.scoring_builders")

_criterion, _rubric, _response = b.criterion, b.rubric, b.response
_band, _raised = b.band, b.raised


NIP = "198609262015051001"


# --------------------------------------------------------------------------- score


class TestScore:
    def test_weighted_mean_of_normalised_ratings(self) -> None:
        """Min-max: 100 × Σ w·(x - min)/(max - min) / Σ w, here (1 + 3 × 0.75) / 4."""
        rubric = _rubric(_criterion("a"), _criterion("b", weight=3))
        result = score(rubric, _response({"a": 5, "b": 4}))
        assert 81.25 == result.value
        assert (
            CriterionScore(criterion="a", rating=5, normalised=1.0, weight=1.0),
            CriterionScore(criterion="b", rating=4, normalised=0.75, weight=3.0),
        ) == result.breakdown

    def test_ratio_normalisation_divides_by_the_maximum(self) -> None:
        """Ratio ("lock zero"): x / max, so 3 on 1-4 is 75 and the worst answer keeps 25."""
        rubric = _rubric(
            _criterion("a", Scale.likert(4)),
            _criterion("b", Scale.likert(4)),
            normalisation=Normalisation.RATIO,
        )
        assert 75.0 == score(rubric, _response({"a": 3, "b": 3})).value
        assert 25.0 == score(rubric, _response({"a": 1, "b": 1})).value

    def test_unanswered_optional_criterion_drops_out(self) -> None:
        """An unanswered optional criterion leaves both sums; its breakdown shows None."""
        rubric = _rubric(_criterion("a"), _criterion("b", weight=9, required=False))
        result = score(rubric, _response({"a": 4}))
        assert 75.0 == result.value
        assert (
            CriterionScore(criterion="b", rating=None, normalised=None, weight=9.0)
            == (result.breakdown[1])
        )

    def test_integral_float_rating_is_the_same_answer(self) -> None:
        """4.0 and 4 score alike and the breakdown holds the int."""
        rubric = _rubric(_criterion("a"))
        assert score(rubric, _response({"a": 4})) == score(rubric, _response({"a": 4.0}))
        assert 4 == score(rubric, _response({"a": 4.0})).breakdown[0].rating

    def test_copies_identity_of_the_response(self) -> None:
        """Rubric, subject kind, subject, rater and phase come from the response."""
        rubric = _rubric(_criterion("a"))
        result = score(
            rubric,
            _response(
                {"a": 3}, subject="dinkes", rater="r-9", kind=SubjectKind.UNIT, phase=Phase.PRE
            ),
        )
        assert ("r", SubjectKind.UNIT, "dinkes", "r-9", Phase.PRE) == (
            result.rubric,
            result.subject_kind,
            result.subject,
            result.rater,
            result.phase,
        )

    def test_rounds_half_up_once(self) -> None:
        """12.345 exactly (2469 of 0-20000) rounds up to 12.35, not to even 12.34."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=20_000)))
        assert 12.35 == score(rubric, _response({"a": 2469})).value

    def test_rounds_a_repeating_fraction(self) -> None:
        """2/3 of the range is 66.666... and rounds to 66.67."""
        rubric = _rubric(_criterion("a", Scale.likert(4)))
        assert 66.67 == score(rubric, _response({"a": 3})).value

    def test_band_is_chosen_on_the_rounded_value(self) -> None:
        """50.005 rounds to 50.01, which is in the band starting at 50.01."""
        rubric = _rubric(
            _criterion("a", Scale(min_value=0, max_value=20_000)),
            bands=(_band("lo", 0), _band("hi", 50.01)),
        )
        result = score(rubric, _response({"a": 10_001}))
        assert (50.01, "hi") == (result.value, result.band.code if result.band else None)

    def test_no_bands_gives_none(self) -> None:
        """A rubric without bands gives scores without a band."""
        assert score(_rubric(_criterion("a")), _response({"a": 3})).band is None

    def test_repr_masks_a_nip_subject(self) -> None:
        """A participant's NIP never appears whole in the repr of a score."""
        result = score(_rubric(_criterion("a")), _response({"a": 3}, subject=NIP))
        assert NIP not in repr(result)
        assert "001" in repr(result)

    @given(st.data())
    def test_value_lies_within_0_and_100(self, data: st.DataObject) -> None:
        """Every score of a valid response lies in 0-100 with 2 decimals at most."""
        rubric = data.draw(rubric_strategy())
        result = score(rubric, data.draw(responses(rubric)))
        assert 0 <= result.value <= 100
        assert _stats.round_half_up(result.value) == result.value
        assert [c.id for c in rubric.criteria] == [p.criterion for p in result.breakdown]

    @given(st.data())
    def test_raising_one_rating_never_lowers_the_score(self, data: st.DataObject) -> None:
        """Moving one answered rating up its scale never lowers the score."""
        rubric = data.draw(rubric_strategy())
        response = data.draw(responses(rubric))
        scales = {c.id: c.scale for c in rubric.criteria}
        raisable = [k for k, v in response.ratings.items() if v < scales[k].max_value]
        assume(raisable)
        key = data.draw(st.sampled_from(raisable))
        higher = data.draw(
            st.sampled_from([p for p in scales[key].points if p > response.ratings[key]])
        )
        raised = attrs.evolve(response, ratings={**response.ratings, key: higher})
        assert score(rubric, response).value <= score(rubric, raised).value

    @given(st.data())
    def test_criteria_order_does_not_matter(self, data: st.DataObject) -> None:
        """Permuting a rubric's criteria changes neither the value nor the band."""
        rubric = data.draw(rubric_strategy())
        response = data.draw(responses(rubric))
        shuffled = attrs.evolve(rubric, criteria=data.draw(st.permutations(rubric.criteria)))
        first, second = score(rubric, response), score(shuffled, response)
        assert (first.value, first.band) == (second.value, second.band)

    @given(rubric_strategy().map(lambda r: attrs.evolve(r, normalisation="min_max")))
    def test_perfect_scores_100_and_worst_0_under_min_max(self, rubric: Rubric) -> None:
        """Under min-max, every criterion at its maximum scores 100, at its minimum 0."""
        best = _response({c.id: c.scale.max_value for c in rubric.criteria}, rubric_id=rubric.id)
        worst = _response({c.id: c.scale.min_value for c in rubric.criteria}, rubric_id=rubric.id)
        assert 100.0 == score(rubric, best).value
        assert 0.0 == score(rubric, worst).value

    @given(st.data())
    def test_bands_are_monotone(self, data: st.DataObject) -> None:
        """A higher score never falls in a lower band than a lower score."""
        rubric = data.draw(rubric_strategy().filter(lambda r: bool(r.bands)))
        first, second = sorted(
            (score(rubric, data.draw(responses(rubric))) for _ in range(2)),
            key=lambda result: result.value,
        )
        assert first.band is not None
        assert second.band is not None
        assert rubric.bands.index(first.band) <= rubric.bands.index(second.band)
        assert first.band.lower <= first.value


class TestScoreErrors:
    def test_response_for_another_rubric(self) -> None:
        """A response naming another rubric is refused (scoring.wrong_rubric)."""
        error = _raised(lambda: score(_rubric(_criterion("a")), _response({"a": 3}, rubric_id="x")))
        assert ("scoring.wrong_rubric", "rubric") == (error.code, error.path)
        assert {"rubric": "r", "got": "x"} == dict(error.params)
        assert 'This response is for rubric "x", not rubric "r".' == error.message("en")

    def test_rating_for_an_unknown_criterion(self) -> None:
        """A rating for a criterion the rubric lacks is refused (EVA001)."""
        error = _raised(lambda: score(_rubric(_criterion("a")), _response({"a": 3, "z": 1})))
        assert ("scoring.unknown_criterion", "ratings['z']") == (error.code, error.path)
        assert 'Rubrik "r" tidak memiliki kriteria "z".' == error.message("id")

    @pytest.mark.parametrize("rating", [0, 6, 2.5, -1])
    def test_rating_off_the_scale(self, rating: float) -> None:
        """A rating outside the scale or between its points is refused (EVA002)."""
        error = _raised(lambda: score(_rubric(_criterion("a")), _response({"a": rating})))
        assert ("scoring.off_scale", "ratings['a']") == (error.code, error.path)
        assert {"criterion": "a", "value": rating, "min": 1, "max": 5, "step": 1} == dict(
            error.params
        )

    def test_rating_off_the_steps(self) -> None:
        """A rating within the bounds but off the steps is refused (EVA002)."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=100, step=25)))
        assert "scoring.off_scale" == _raised(lambda: score(rubric, _response({"a": 30}))).code

    def test_required_criterion_unanswered(self) -> None:
        """A required criterion left out is refused (EVA003)."""
        rubric = _rubric(_criterion("a"), _criterion("b"))
        error = _raised(lambda: score(rubric, _response({"a": 3})))
        assert ("scoring.required_unanswered", "ratings['b']") == (error.code, error.path)
        assert {"criterion": "b"} == dict(error.params)

    def test_nothing_answered(self) -> None:
        """A response answering no (optional) criterion cannot be scored."""
        rubric = _rubric(_criterion("a", required=False))
        error = _raised(lambda: score(rubric, _response({})))
        assert ("scoring.no_answers", "ratings") == (error.code, error.path)

    def test_ratio_on_a_scale_below_zero(self) -> None:
        """Ratio normalisation of a scale starting below 0 is refused before any response."""
        rubric = _rubric(
            _criterion("a"),
            _criterion("b", Scale(min_value=-2, max_value=2)),
            normalisation=Normalisation.RATIO,
        )
        error = _raised(lambda: score(rubric, _response({"a": 3, "b": 0})))
        assert ("scoring.ratio_scale", "criteria[1].scale.min_value") == (error.code, error.path)
        assert {"criterion": "b", "min": -2} == dict(error.params)

    def test_errors_are_value_errors_with_both_languages(self) -> None:
        """Scoring errors are ValueErrors whose messages render in both languages."""
        error = _raised(lambda: score(_rubric(_criterion("a")), _response({"a": 9})))
        assert isinstance(error, ValueError)
        assert error.message("id") != error.message("en")
