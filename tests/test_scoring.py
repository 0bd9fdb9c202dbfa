"""Tests for birokrasi_retreat.scoring: scores, the bulk path, aggregates and the IKM.

The properties of issue 5 are checked over the public strategies (scores lie in 0-100,
raising a rating never lowers a score, criteria order does not matter, the perfect and
the worst answers score 100 and 0 under min-max, bands are monotone, ``score_many``
equals ``score``, aggregation is order-independent and suppresses small groups). The IKM
test reproduces the published worked example of PermenPAN-RB 14/2017 (REFERENCE.md 7,
S12: GASPUL_BACKEND ``rumus_perhitungan_ikm_lengkap.md``, Triwulan III, 29 respondents).
The NIPs are synthetic; ``198609262015051001`` is the documented example (REFERENCE.md 4.1).
"""

from __future__ import annotations

import math
import subprocess
import sys

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

import attrs
import numpy as np
import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

from birokrasi_retreat import _stats, rubrics, scoring
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import (
    Aggregation,
    Band,
    Criterion,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.scoring import (
    Aggregate,
    CriterionScore,
    IkmResult,
    Score,
    aggregate,
    ikm,
    score,
    score_array,
    score_many,
)
from birokrasi_retreat.strategies._rubric import responses
from birokrasi_retreat.strategies._rubric import rubrics as rubric_strategy


if TYPE_CHECKING:
    from collections.abc import Mapping


NIP = "198609262015051001"


# --------------------------------------------------------------------------- helpers


def _criterion(
    criterion_id: str,
    scale: Scale | None = None,
    *,
    weight: float = 1.0,
    required: bool = True,
) -> Criterion:
    return Criterion(
        id=criterion_id,
        title_id=criterion_id.upper(),
        title_en=criterion_id.upper(),
        scale=Scale.likert(5) if scale is None else scale,
        weight=weight,
        required=required,
    )


def _rubric(
    *criteria: Criterion,
    rubric_id: str = "r",
    bands: tuple[Band, ...] = (),
    normalisation: Normalisation = Normalisation.MIN_MAX,
) -> Rubric:
    return Rubric(
        id=rubric_id,
        title_id="Contoh",
        title_en="Example",
        criteria=criteria,
        bands=bands,
        normalisation=normalisation,
    )


def _response(
    ratings: Mapping[str, float],
    *,
    rubric_id: str = "r",
    subject: str = "s-1",
    rater: str = "r-1",
    kind: SubjectKind = SubjectKind.SESSION,
    phase: Phase = Phase.POST,
) -> Response:
    return Response(
        rubric=rubric_id,
        subject_kind=kind,
        subject=subject,
        rater=rater,
        phase=phase,
        ratings=ratings,
    )


def _result(value: float, *, subject: str = "s-1", rater: str = "r-1") -> Score:
    return Score(
        rubric="r",
        subject_kind=SubjectKind.PARTICIPANT,
        subject=subject,
        rater=rater,
        phase=Phase.POST,
        value=value,
        band=None,
        breakdown=(),
    )


def _band(code: str, lower: float) -> Band:
    return Band(code=code, label_id=code, label_en=code, lower=lower)


def _raised(call: Any) -> ScoringError:
    with pytest.raises(ScoringError) as info:
        call()
    return info.value


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


# --------------------------------------------------------------------------- score_many


def _tie_rubric() -> Rubric:
    """Eight equal 1-5 criteria: values are multiples of 3.125, half of them ties."""
    return _rubric(*(_criterion(f"c{i}") for i in range(8)))


def _expected(rubric: Rubric, batch: list[Response]) -> list[Score]:
    return [score(rubric, response) for response in batch]


class TestScoreMany:
    def test_equals_score_on_ties(self) -> None:
        """Values ending in 5 in the third decimal round half-up exactly as `score` does."""
        rubric = _tie_rubric()
        batch = [
            _response({f"c{i}": 2 if i < up else 1 for i in range(8)}, rater=f"r-{up}")
            for up in range(9)
        ]
        expected = _expected(rubric, batch)
        assert expected == list(score_many(rubric, batch))
        assert 3.13 == expected[1].value

    def test_ties_on_the_float_path(self) -> None:
        """Weights in no whole ratio (0.1 and 0.3) take the float path; ties stay exact."""
        rubric = _rubric(
            _criterion("a", Scale(min_value=0, max_value=16), weight=0.1),
            _criterion("b", Scale(min_value=0, max_value=16), weight=0.1),
            _criterion("c", Scale(min_value=0, max_value=1), weight=0.3, required=False),
        )
        assert scoring._plan(rubric).coefficients is None
        batch = [_response({"a": a, "b": b}) for a in range(17) for b in range(0, 17, 3)]
        batch += [_response({"a": 1, "b": 0, "c": 1}), _response({"a": 16, "b": 16, "c": 0})]
        expected = _expected(rubric, batch)
        assert expected == list(score_many(rubric, batch))
        # Without c, a value is 100 (a + b) / 32 = 3.125 (a + b): a tie when a + b is odd.
        assert 3.13 == expected[6].value

    def test_integer_path_for_whole_ratios(self) -> None:
        """Weights 0.5, 1.5 and 2.25 stand in whole ratios: exact integers, no recheck."""
        rubric = _rubric(
            _criterion("a", weight=0.5),
            _criterion("b", Scale.likert(4), weight=1.5),
            _criterion("c", Scale(min_value=0, max_value=100, step=25), weight=2.25),
        )
        # Ratios 2 : 6 : 9 (units of 1/4) over spans 4, 3 and 100 (common multiple 300).
        plan = scoring._plan(rubric)
        assert plan.coefficients is not None
        assert ([150.0, 600.0, 27.0], [600.0, 1800.0, 2700.0]) == (
            plan.coefficients.tolist(),
            plan.units.tolist(),
        )
        batch = [
            _response({"a": a, "b": b, "c": c}, rater="r-x")
            for a in (1, 3, 5)
            for b in (1, 2, 4)
            for c in (0, 25, 100)
        ]
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_large_scales_without_folding(self) -> None:
        """Scales beyond 2**16 subtract their offsets before the product, still exactly."""
        scale = Scale(min_value=2**40, max_value=2**40 + 6)
        rubric = _rubric(_criterion("a", scale), _criterion("b", scale, weight=2, required=False))
        plan = scoring._plan(rubric)
        assert (True, False) == (plan.columnar, plan.fold)
        batch = [_response({"a": 2**40 + a, "b": 2**40 + b}) for a in range(7) for b in (0, 5)]
        assert _expected(rubric, batch) == list(score_many(rubric, batch))
        batch = [_response({"a": 2**40 + a}) for a in range(7)]
        assert [0.0, 16.67, 33.33, 50.0, 66.67, 83.33, 100.0] == [
            result.value for result in score_many(rubric, batch)
        ]

    def test_huge_scales_are_scored_one_by_one(self) -> None:
        """Scales beyond 2**52 are scored response by response, exactly and checked."""
        scale = Scale(min_value=0, max_value=2**60, step=2**58)
        rubric = _rubric(_criterion("a", scale), _criterion("b", required=False))
        assert not scoring._plan(rubric).columnar
        batch = [_response({"a": 2**58 * point}) for point in (*range(5), 1, 3)]
        batch.append(_response({"a": 2**60, "b": 2}))
        assert _expected(rubric, batch) == list(score_many(rubric, batch))
        batch.append(_response({"a": 2**58 + 1}))
        error = _raised(lambda: score_many(rubric, batch))
        assert ("scoring.off_scale", "[8].ratings['a']", 2**58 + 1) == (
            error.code,
            error.path,
            error.params["value"],
        )

    def test_ratio_with_optional_criteria(self) -> None:
        """Ratio normalisation with unanswered criteria drops them from both sums."""
        rubric = _rubric(
            _criterion("a", Scale.likert(4)),
            _criterion("b", Scale.likert(4), weight=2, required=False),
            _criterion("c", Scale(min_value=0, max_value=10), required=False),
            normalisation=Normalisation.RATIO,
        )
        batch = [_response({"a": 3}), _response({"a": 1, "b": 4}), _response({"a": 2, "c": 7})]
        results = list(score_many(rubric, batch))
        assert _expected(rubric, batch) == results
        assert [75.0, 75.0, 60.0] == [result.value for result in results]

    def test_ratings_read_without_the_byte_path(self) -> None:
        """Ratings above 255, and floats, are read and scored like the others."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=1000)), _criterion("b"))
        batch = [_response({"a": 999, "b": 2}), _response({"a": 3.0, "b": 5.0})]
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_single_criterion(self) -> None:
        """A one-criterion rubric reads its ratings like any other."""
        rubric = _rubric(_criterion("a", Scale.likert(4)))
        batch = [_response({"a": point}) for point in (1, 2, 3, 4)]
        assert [0.0, 33.33, 66.67, 100.0] == score_many(rubric, batch).values.tolist()

    def test_many_blocks(self) -> None:
        """Cohorts larger than a block keep their order and report a late error's index."""
        rubric = _rubric(
            _criterion("a"), _criterion("b", weight=2), bands=(_band("lo", 0), _band("hi", 50))
        )
        size = 2 * scoring._BLOCK + 100
        batch = [_response({"a": 1 + i % 5, "b": 1 + i // 5 % 5}) for i in range(size)]
        scores = score_many(rubric, batch)
        sample = range(0, size, 997)
        assert [score(rubric, batch[i]) for i in sample] == [scores[i] for i in sample]
        batch[size - 3] = _response({"a": 1, "b": 9})
        batch[size - 2] = _response({"a": 1, "b": 0})
        error = _raised(lambda: score_many(rubric, batch))
        assert ("scoring.off_scale", f"[{size - 3}].ratings['b']") == (error.code, error.path)

    def test_shared_breakdowns(self) -> None:
        """Responses with one pattern share one breakdown tuple."""
        rubric = _rubric(_criterion("a"), _criterion("b"), bands=(_band("x", 0),))
        batch = [_response({"a": 1, "b": 2}), _response({"a": 2, "b": 1})] * 3
        results = score_many(rubric, batch)
        assert _expected(rubric, batch) == list(results)
        assert results[0].breakdown is results[2].breakdown

    def test_accepts_any_iterable(self) -> None:
        """A generator of responses is scored like a list."""
        rubric = _rubric(_criterion("a"))
        batch = [_response({"a": point}) for point in (1, 3, 5)]
        assert score_many(rubric, batch) == score_many(rubric, iter(batch))

    def test_empty(self) -> None:
        """No responses give no scores."""
        result = score_many(_rubric(_criterion("a")), [])
        assert (0, [], ()) == (len(result), list(result), result.band_codes())

    def test_does_not_import_numpy_at_import_time(self) -> None:
        """Importing the package and scoring leaves NumPy unimported until the bulk path."""
        code = (
            "import sys, birokrasi_retreat, birokrasi_retreat.scoring;"
            "sys.exit('numpy' in sys.modules)"
        )
        assert 0 == subprocess.run([sys.executable, "-c", code], check=False).returncode

    @given(st.data())
    def test_equals_score(self, data: st.DataObject) -> None:
        """score_many gives exactly the scores of `score`, to the last decimal."""
        rubric = data.draw(rubric_strategy())
        batch = data.draw(st.lists(responses(rubric), max_size=12))
        batch += batch[: data.draw(st.integers(min_value=0, max_value=len(batch)))]
        scores = score_many(rubric, batch)
        assert _expected(rubric, batch) == list(scores)
        assert [result.value for result in scores] == scores.values.tolist()

    @given(st.data())
    def test_equals_score_on_a_fine_scale(self, data: st.DataObject) -> None:
        """On 0-1000 scales with float weights (many near-ties), both paths agree."""
        rubric = data.draw(
            rubric_strategy(
                min_criteria=2,
                scales=st.just(Scale(min_value=0, max_value=1000)),
            )
        )
        batch = data.draw(st.lists(responses(rubric), min_size=1, max_size=12))
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    @given(st.data())
    def test_refuses_like_score(self, data: st.DataObject) -> None:
        """The first bad response raises score's error, its index in front of the path."""
        rubric = data.draw(rubric_strategy())
        batch = data.draw(st.lists(responses(rubric), min_size=1, max_size=6))
        index = data.draw(st.integers(min_value=0, max_value=len(batch) - 1))
        victim = batch[index]
        criterion = data.draw(st.sampled_from(rubric.criteria))
        ratings = dict(victim.ratings)
        kind = data.draw(st.sampled_from(["unknown", "off", "drop", "rubric", "fraction"]))
        changes: dict[str, Any] = {}
        if kind == "unknown":
            ratings["zz_unknown"] = criterion.scale.min_value
        elif kind == "off":
            ratings[criterion.id] = criterion.scale.max_value + criterion.scale.step
        elif kind == "fraction":
            ratings[criterion.id] = criterion.scale.min_value + 0.5
        elif kind == "drop":
            assume(criterion.required or set(ratings) == {criterion.id})
            ratings.pop(criterion.id, None)
        else:
            changes["rubric"] = rubric.id + "x"
        batch[index] = attrs.evolve(victim, ratings=ratings, **changes)
        expected = _raised(lambda: score(rubric, batch[index]))
        error = _raised(lambda: score_many(rubric, batch))
        assert (expected.code, f"[{index}].{expected.path}", dict(expected.params)) == (
            error.code,
            error.path,
            dict(error.params),
        )

    def test_refuses_the_first_bad_response(self) -> None:
        """Of several bad responses, the earliest one is reported, whatever its fault."""
        rubric = _rubric(_criterion("a"))
        batch = [_response({"a": 3}), _response({"a": 7}), _response({"b": 1})]
        error = _raised(lambda: score_many(rubric, batch))
        assert ("scoring.off_scale", "[1].ratings['a']") == (error.code, error.path)
        batch.insert(1, _response({"a": 3, "z": 1}))
        error = _raised(lambda: score_many(rubric, batch))
        assert ("scoring.unknown_criterion", "[1].ratings['z']") == (error.code, error.path)
        batch.insert(1, _response({"a": 3}, rubric_id="x"))
        assert "scoring.wrong_rubric" == _raised(lambda: score_many(rubric, batch)).code

    def test_refuses_a_ratio_scale_below_zero(self) -> None:
        """The rubric check of `score` applies, even to an empty batch."""
        rubric = _rubric(
            _criterion("a", Scale(min_value=-1, max_value=1)), normalisation=Normalisation.RATIO
        )
        assert "scoring.ratio_scale" == _raised(lambda: score_many(rubric, [])).code


# ------------------------------------------------------------- score_many: packed ratings


def _abc() -> Rubric:
    """Three criteria on 0..255 scales, c optional, with steps on b."""
    return _rubric(
        _criterion("a"),
        _criterion("b", Scale(min_value=0, max_value=200, step=50), weight=2),
        _criterion("c", Scale(min_value=0, max_value=255), required=False),
        bands=(_band("lo", 0), _band("hi", 50)),
    )


def _read(rubric: Rubric, batch: list[Response]) -> tuple[Any, Any]:
    return scoring._read(rubric, scoring._plan(rubric), tuple(batch))


def _in_order(response: Response, keys: Sequence[str]) -> Response:
    """The same response with its ratings in the order of ``keys`` (those it rates)."""
    ratings = {key: response.ratings[key] for key in keys if key in response.ratings}
    return attrs.evolve(response, ratings=ratings)


class TestScoreManyPacked:
    """The ratings read from what each Response packed at construction."""

    def test_rubric_order_joins_the_bytes(self) -> None:
        """Every response in the rubric's order: the joined bytes are the table."""
        rubric = _abc()
        batch = [_response({"a": 1 + i % 5, "b": 50 * (i % 5), "c": i}) for i in range(256)]
        x, suspect = _read(rubric, batch)
        assert (np.uint8, None) == (x.dtype, suspect)
        assert [1, 0, 0] == x[0].tolist()
        assert [[5, 200, 254], [1, 0, 255]] == x[-2:].tolist()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_one_other_order_is_reordered(self) -> None:
        """Every response rating every criterion in one other order: columns reordered."""
        rubric = _abc()
        batch = [_response({"c": 7, "a": a, "b": b}) for a in (1, 5) for b in (0, 150)]
        x, suspect = _read(rubric, batch)
        assert (np.uint8, None) == (x.dtype, suspect)
        assert [[1, 0, 7], [1, 150, 7], [5, 0, 7], [5, 150, 7]] == x.tolist()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_several_orders_are_reordered(self) -> None:
        """Responses in the rubric's order and in others: each row reordered."""
        rubric = _abc()
        orders = ("abc", "cab", "bca", "abc", "acb")
        base = _response({"a": 2, "b": 100, "c": 9})
        batch = [_in_order(base, order) for order in orders]
        x, suspect = _read(rubric, batch)
        assert (np.uint8, None) == (x.dtype, suspect)
        assert [[2, 100, 9]] * 5 == x.tolist()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_unanswered_criteria_are_nan(self) -> None:
        """Responses leaving c out give a float table, NaN where unanswered."""
        rubric = _abc()
        batch = [
            _response({"a": 3, "b": 50, "c": 1}),
            _response({"a": 4, "b": 200}),
            _response({"b": 0, "a": 5}),
        ]
        x, suspect = _read(rubric, batch)
        assert (np.float64, None) == (x.dtype, suspect)
        assert [3.0, 50.0, 1.0] == x[0].tolist()
        assert [[4.0, 200.0], [5.0, 0.0]] == x[1:, :2].tolist()
        assert np.isnan(x[1:, 2]).all()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))
        # Only unanswered criteria, in a single layout that is not the rubric's.
        assert _expected(rubric, batch[1:2] * 3) == list(score_many(rubric, batch[1:2] * 3))

    def test_other_rubric_or_unknown_criterion_is_suspect(self) -> None:
        """Layouts naming another rubric or an unknown criterion mark their rows."""
        rubric = _abc()
        good = _response({"a": 3, "b": 50, "c": 1})
        wide = {f"k{index}": index for index in range(9)}
        batch = [
            good,
            _response({"a": 3, "b": 50, "c": 1}, rubric_id="x"),
            _response({"a": 3, "b": 50, "zz": 1}),
            _response(wide, rubric_id="x"),
            good,
        ]
        x, suspect = _read(rubric, batch)
        assert [False, True, True, True, False] == suspect.tolist()
        assert [3, 50, 1] == x[-1].tolist()
        for bad in batch[1:4]:
            expected = _raised(lambda bad=bad: score(rubric, bad))
            error = _raised(lambda bad=bad: score_many(rubric, [good, good, bad]))
            assert (expected.code, f"[2].{expected.path}") == (error.code, error.path)

    def test_a_whole_batch_for_another_rubric(self) -> None:
        """One layout for all, another rubric's: the first response is refused."""
        rubric = _abc()
        batch = [_response({"a": 3, "b": 50}, rubric_id="x")] * 3
        assert [True] * 3 == _read(rubric, batch)[1].tolist()
        error = _raised(lambda: score_many(rubric, batch))
        assert ("scoring.wrong_rubric", "[0].rubric") == (error.code, error.path)

    def test_errors_in_reordered_rows_are_score_errors(self) -> None:
        """Off the scale, off the steps, unanswered or empty: `score`'s error, in order."""
        rubric = _abc()
        good = _response({"c": 1, "b": 50, "a": 3})
        for bad in (
            _response({"c": 1, "b": 50, "a": 6}),
            _response({"c": 1, "b": 60, "a": 3}),
            _response({"c": 1, "a": 3}),
            _response({}),
        ):
            expected = _raised(lambda bad=bad: score(rubric, bad))
            error = _raised(lambda bad=bad: score_many(rubric, [good, bad, bad]))
            assert (expected.code, f"[1].{expected.path}", dict(expected.params)) == (
                error.code,
                error.path,
                dict(error.params),
            )

    def test_ratings_that_are_not_bytes_take_the_mappings(self) -> None:
        """A float, or an int past 255, packs to None: the ratings mappings are read."""
        rubric = _abc()
        good = _response({"a": 3, "b": 50, "c": 1})
        for bad, code in (
            (_response({"a": 2.5, "b": 50}), "scoring.off_scale"),
            (_response({"a": 3, "b": 300}), "scoring.off_scale"),
            (_response({"a": 3, "b": 50, "c": 1, "zz": 300}), "scoring.unknown_criterion"),
            (_response({"a": 3, "b": 50, "c": -1}), "scoring.off_scale"),
        ):
            assert bad._packed is None
            assert code == _raised(lambda bad=bad: score_many(rubric, [good, bad])).code
            assert code == _raised(lambda bad=bad: score(rubric, bad)).code

    def test_objects_without_a_packed_form(self) -> None:
        """Any object with a Response's attributes is still read from its mappings."""

        @attrs.frozen
        class Answer:
            rubric: str
            subject_kind: SubjectKind
            subject: str
            rater: str
            phase: Phase
            ratings: dict[str, float]

        rubric = _abc()
        batch = [
            Answer("r", SubjectKind.SESSION, "s-1", "r-1", Phase.POST, {"a": 5, "b": 200, "c": 0}),
            Answer(
                "r", SubjectKind.SESSION, "s-1", "r-2", Phase.POST, {"a": 5, "b": 200, "c": 255}
            ),
        ]
        result = score_many(rubric, cast("list[Response]", batch))
        assert [75.0, 100.0] == result.values.tolist()

    def test_wide_scales_skip_the_packed_form(self) -> None:
        """A scale past 255 is read from the mappings, even where ratings fit in bytes."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=1000)))
        assert not scoring._plan(rubric).small
        batch = [_response({"a": 7}), _response({"a": 1000})]
        x, _ = _read(rubric, batch)
        assert np.float64 == x.dtype
        assert [0.7, 100.0] == score_many(rubric, batch).values.tolist()

    @given(st.data())
    def test_equals_score_in_any_key_order(self, data: st.DataObject) -> None:
        """Responses rating the criteria in any order score as `score` scores them."""
        rubric = data.draw(rubric_strategy())
        keys = [criterion.id for criterion in rubric.criteria]
        drawn = data.draw(st.lists(responses(rubric), min_size=1, max_size=10))
        batch = [_in_order(item, data.draw(st.permutations(keys))) for item in drawn]
        batch += batch[: data.draw(st.integers(min_value=0, max_value=len(batch)))]
        assert _expected(rubric, batch) == list(score_many(rubric, batch))


# --------------------------------------------------------------------------- Scores


def _cohort() -> tuple[Rubric, list[Response]]:
    """Three responses to a banded two-criterion rubric, one about a NIP."""
    rubric = _rubric(
        _criterion("a"), _criterion("b", weight=3), bands=(_band("lo", 0), _band("hi", 60))
    )
    batch = [
        _response({"a": 5, "b": 4}, subject=NIP, rater="r-1"),
        _response({"a": 1, "b": 2}, subject="s-2", rater="r-2", phase=Phase.PRE),
        _response({"a": 3, "b": 3}, subject="s-3", rater="r-3", kind=SubjectKind.SPEAKER),
    ]
    return rubric, batch


class TestScores:
    def test_is_a_sequence_of_score(self) -> None:
        """Length, indexing (negative too), iteration, membership and index()."""
        rubric, batch = _cohort()
        scores = score_many(rubric, batch)
        expected = _expected(rubric, batch)
        assert isinstance(scores, Sequence)
        assert 3 == len(scores)
        assert expected == [scores[0], scores[1], scores[2]]
        assert expected[-1] == scores[-1]
        assert expected == list(scores)
        assert expected[1] in scores
        assert 1 == scores.index(expected[1])
        assert expected[::-1] == list(reversed(scores))

    def test_index_out_of_range(self) -> None:
        """An index past the end raises IndexError, as for a tuple."""
        rubric, batch = _cohort()
        with pytest.raises(IndexError):
            score_many(rubric, batch)[3]

    def test_slices_are_scores(self) -> None:
        """A slice is the Scores of the sliced responses."""
        rubric, batch = _cohort()
        part = score_many(rubric, batch)[1:]
        assert isinstance(part, scoring.Scores)
        assert score_many(rubric, batch[1:]) == part
        assert [18.75, 50.0] == part.values.tolist()

    def test_columns(self) -> None:
        """Values and band indices are read-only arrays; band codes follow the index."""
        rubric, batch = _cohort()
        scores = score_many(rubric, batch)
        assert [81.25, 18.75, 50.0] == scores.values.tolist()
        assert [1, 0, 0] == scores.band_index.tolist()
        assert ("hi", "lo", "lo") == scores.band_codes()
        assert rubric is scores.rubric
        assert tuple(batch) == scores.responses
        with pytest.raises(ValueError, match="read-only"):
            scores.values[0] = 0.0
        with pytest.raises(ValueError, match="read-only"):
            scores.band_index[0] = 0

    def test_without_bands(self) -> None:
        """Without bands, every band index is -1 and every code None."""
        rubric = _rubric(_criterion("a"))
        scores = score_many(rubric, [_response({"a": 2}), _response({"a": 4})])
        assert ([-1, -1], (None, None)) == (scores.band_index.tolist(), scores.band_codes())
        assert [None, None] == [result.band for result in scores]

    def test_to_columns(self) -> None:
        """One column per Score attribute but the breakdown, in response order."""
        rubric, batch = _cohort()
        columns = score_many(rubric, batch).to_columns()
        assert ["rubric", "subject_kind", "subject", "rater", "phase", "value", "band"] == list(
            columns
        )
        assert ["r"] * 3 == columns["rubric"]
        assert [NIP, "s-2", "s-3"] == columns["subject"]
        assert ["r-1", "r-2", "r-3"] == columns["rater"]
        assert [Phase.POST, Phase.PRE, Phase.POST] == columns["phase"]
        assert [SubjectKind.SESSION, SubjectKind.SESSION, SubjectKind.SPEAKER] == columns[
            "subject_kind"
        ]
        assert [81.25, 18.75, 50.0] == columns["value"].tolist()
        assert ("hi", "lo", "lo") == columns["band"]

    def test_equality(self) -> None:
        """Equal rubric and responses make equal Scores; a tuple of Score is not one."""
        rubric, batch = _cohort()
        scores = score_many(rubric, batch)
        assert score_many(rubric, list(batch)) == scores
        assert score_many(rubric, batch[:2]) != scores
        other = attrs.evolve(rubric, title_en="Other")
        assert score_many(other, batch) != scores
        assert tuple(scores) != scores
        with pytest.raises(TypeError):
            hash(scores)

    def test_repr_hides_the_scores(self) -> None:
        """The repr names the rubric and the count: no NIP, no value."""
        rubric, batch = _cohort()
        text = repr(score_many(rubric, batch))
        assert "Scores(rubric='r', n=3)" == text
        assert NIP not in text

    def test_frozen(self) -> None:
        """A Scores cannot be rebound."""
        rubric, batch = _cohort()
        scores = score_many(rubric, batch)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            scores.responses = ()  # type: ignore[misc]


# --------------------------------------------------------------------------- score_array


def _matrix(rubric: Rubric, batch: list[Response]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The responses' ratings in criterion order, NaN where unanswered."""
    return np.array(
        [[r.ratings.get(c.id, math.nan) for c in rubric.criteria] for r in batch],
        dtype=np.float64,
    ).reshape(len(batch), len(rubric.criteria))


class TestScoreArray:
    @given(st.data())
    def test_equals_score(self, data: st.DataObject) -> None:
        """Each row scores as `score` scores a response with those ratings."""
        rubric = data.draw(rubric_strategy())
        batch = data.draw(st.lists(responses(rubric), max_size=12))
        result = score_array(rubric, _matrix(rubric, batch))
        expected = _expected(rubric, batch)
        assert [r.value for r in expected] == result.values.tolist()
        assert [None if r.band is None else r.band.code for r in expected] == list(
            result.band_codes()
        )
        assert score_many(rubric, batch).band_index.tolist() == result.band_index.tolist()

    @pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.int64, np.uint64, np.float32])
    def test_numeric_dtypes(self, dtype: type[np.generic]) -> None:
        """Integer and narrower float arrays score like float64."""
        rubric, batch = _cohort()
        ratings = _matrix(rubric, batch)
        assert score_array(rubric, ratings) == score_array(rubric, ratings.astype(dtype))

    def test_nested_lists(self) -> None:
        """Anything numpy.asarray turns into a numeric table is accepted."""
        rubric, _ = _cohort()
        assert [81.25, 18.75] == score_array(rubric, [[5, 4], [1, 2]]).values.tolist()

    @pytest.mark.parametrize(
        "table",
        [
            [[True, False]],
            [["5", "4"]],
            [[5 + 0j, 4]],
            np.array([[5, 4]], dtype=object),
            np.array([[5, 4]], dtype=np.longdouble),
        ],
        ids=["bool", "str", "complex", "object", "longdouble"],
    )
    def test_refuses_other_types(self, table: Any) -> None:
        """Booleans, text, complex numbers, objects and long doubles are refused."""
        rubric, _ = _cohort()
        if np.dtype(np.longdouble).itemsize <= 8 and np.asarray(table).dtype.kind == "f":
            pytest.skip("long double is float64 on this platform")
        error = _raised(lambda: score_array(rubric, table))
        assert ("scoring.array_type", "ratings") == (error.code, error.path)
        assert str(np.asarray(table).dtype) == error.params["dtype"]

    @pytest.mark.parametrize("shape", [(3,), (3, 1), (3, 3), (2, 2, 2)])
    def test_refuses_other_shapes(self, shape: tuple[int, ...]) -> None:
        """The table must be 2-D with one column per criterion."""
        rubric, _ = _cohort()
        error = _raised(lambda: score_array(rubric, np.ones(shape)))
        assert ("scoring.array_shape", str(shape), 2) == (
            error.code,
            error.params["shape"],
            error.params["columns"],
        )

    def test_empty(self) -> None:
        """No rows give no scores."""
        rubric, _ = _cohort()
        result = score_array(rubric, np.empty((0, 2)))
        assert (0, (), "ScoreArray(rubric='r', n=0)") == (
            len(result),
            result.band_codes(),
            repr(result),
        )

    @pytest.mark.parametrize(
        ("row", "code", "path", "value"),
        [
            ([6.0, 1.0], "scoring.off_scale", "[1][0]", 6),
            ([2.5, 1.0], "scoring.off_scale", "[1][0]", 2.5),
            ([3.0, math.inf], "scoring.off_scale", "[1][1]", math.inf),
            ([-math.inf, 1.0], "scoring.off_scale", "[1][0]", -math.inf),
            ([math.nan, 4.0], "scoring.required_unanswered", "[1][0]", None),
        ],
    )
    def test_refuses_rows_like_score(
        self, row: list[float], code: str, path: str, value: float | None
    ) -> None:
        """A bad row raises score's code, its row and column in the path."""
        rubric, _ = _cohort()
        error = _raised(lambda: score_array(rubric, np.array([[1.0, 1.0], row, [9.0, 9.0]])))
        assert (code, path) == (error.code, error.path)
        assert value == error.params.get("value")

    def test_refuses_an_empty_row(self) -> None:
        """A row answering nothing (every criterion optional) cannot be scored."""
        rubric = _rubric(_criterion("a", required=False), _criterion("b", required=False))
        error = _raised(lambda: score_array(rubric, [[1.0, math.nan], [math.nan, math.nan]]))
        assert ("scoring.no_answers", "[1]") == (error.code, error.path)

    def test_large_integers_stay_exact(self) -> None:
        """An int64 rating beyond float64's integers is refused with its exact value."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=2**52)))
        ratings = np.array([[2**52], [2**53 + 1]], dtype=np.int64)
        error = _raised(lambda: score_array(rubric, ratings))
        assert ("[1][0]", 2**53 + 1) == (error.path, error.params["value"])

    def test_huge_scales(self) -> None:
        """Scales beyond 2**52 are scored row by row from the exact integers."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=2**62)))
        ratings = np.array([[2**61], [2**62 - 1], [2**62]], dtype=np.int64)
        assert [50.0, 100.0, 100.0] == score_array(rubric, ratings).values.tolist()

    def test_many_blocks(self) -> None:
        """Large tables keep their row order and report a late error's row."""
        rubric, _ = _cohort()
        size = 3 * scoring._BLOCK + 7
        ratings = np.stack([1 + np.arange(size) % 5, 1 + np.arange(size) // 5 % 5], axis=1)
        result = score_array(rubric, ratings)
        rows = ratings.tolist()
        for index in range(0, size, 4999):
            expected = score(rubric, _response(dict(zip("ab", rows[index], strict=True))))
            assert expected.value == result.values[index]
        ratings[size - 1, 1] = 0
        assert f"[{size - 1}][1]" == _raised(lambda: score_array(rubric, ratings)).path

    def test_equality(self) -> None:
        """Equal rubric, values and bands make equal arrays; a Scores is not one."""
        rubric, batch = _cohort()
        ratings = _matrix(rubric, batch)
        result = score_array(rubric, ratings)
        assert score_array(rubric, ratings.copy()) == result
        assert score_array(rubric, ratings[:2]) != result
        assert score_many(rubric, batch) != result
        assert result != score_many(rubric, batch)
        with pytest.raises(TypeError):
            hash(result)

    def test_to_columns(self) -> None:
        """Values and band codes as columns."""
        rubric, batch = _cohort()
        columns = score_array(rubric, _matrix(rubric, batch)).to_columns()
        assert ([81.25, 18.75, 50.0], ("hi", "lo", "lo")) == (
            columns["value"].tolist(),
            columns["band"],
        )

    def test_refuses_a_ratio_scale_below_zero(self) -> None:
        """The rubric check of `score` applies."""
        rubric = _rubric(
            _criterion("a", Scale(min_value=-1, max_value=1)), normalisation=Normalisation.RATIO
        )
        assert "scoring.ratio_scale" == _raised(lambda: score_array(rubric, [[0]])).code


# --------------------------------------------------------------------------- aggregate


def _malang() -> tuple[list[Score], dict[str, str]]:
    """Synthetic participants of a Malang-like retreat, each NIP mapped to an OPD."""
    opd = {}
    scores = []
    plan = {
        "bappeda": [88.5, 90.0, 79.25, 85.0],
        "dinkes": [70.0, 75.5, 80.0],
        "diskominfo": [95.0],
    }
    number = 1
    for unit, values in plan.items():
        for value in values:
            nip = f"19860926201505{1 + number % 2}{number:03d}"
            opd[nip] = unit
            scores.append(_result(value, subject=nip, rater=f"r-{number}"))
            number += 1
    return scores, opd


class TestAggregate:
    def test_statistics_of_a_group(self) -> None:
        """n, mean, median, sd, range and the Student-t 95 % interval, rounded half-up."""
        (group,) = aggregate([_result(v) for v in (70.0, 80.0, 90.0)])
        # t(0.975, df=2) = 4.303; 4.303 × 10 / √3 = 24.84.
        assert (
            Aggregate(
                key="s-1",
                n=3,
                value=80.0,
                mean=80.0,
                median=80.0,
                sd=10.0,
                min=70.0,
                max=90.0,
                ci_low=55.16,
                ci_high=104.84,
                suppressed=False,
            )
            == group
        )

    def test_mean_is_rounded_half_up(self) -> None:
        """The mean of 0.01, 0.02 and 0.02 is 0.01666... and shows as 0.02."""
        (group,) = aggregate([_result(v) for v in (0.01, 0.02, 0.02)])
        assert (0.02, 0.02) == (group.mean, group.median)

    def test_small_groups_are_suppressed(self) -> None:
        """A group below min_group shows its size but no statistic (UU 27/2022)."""
        first, second = aggregate(
            [_result(90.0, subject="a"), _result(80.0, subject="a"), _result(50.0, subject="b")],
            min_group=2,
        )
        assert (2, False, 85.0) == (first.n, first.suppressed, first.mean)
        assert (
            Aggregate(
                key="b",
                n=1,
                value=None,
                mean=None,
                median=None,
                sd=None,
                min=None,
                max=None,
                ci_low=None,
                ci_high=None,
                suppressed=True,
            )
            == second
        )

    def test_single_score_when_allowed(self) -> None:
        """With min_group=1 a single score is shown, without sd or interval."""
        (group,) = aggregate([_result(77.5)], min_group=1)
        assert (77.5, None, None, None) == (group.mean, group.sd, group.ci_low, group.ci_high)

    def test_by_attribute_names(self) -> None:
        """Groups by rater, phase or subject kind when named."""
        scores = [_result(60.0, rater="r-2"), _result(70.0, rater="r-1"), _result(80.0)]
        assert [("r-1", 2), ("r-2", 1)] == [
            (g.key, g.n) for g in aggregate(scores, by="rater", min_group=1)
        ]
        assert [(Phase.POST, 3)] == [(g.key, g.n) for g in aggregate(scores, by="phase")]
        assert [SubjectKind.PARTICIPANT] == [g.key for g in aggregate(scores, by="subject_kind")]

    def test_by_function(self) -> None:
        """Groups by any function of a score, sorted by the text of the keys."""
        scores = [_result(v) for v in (10.0, 55.0, 60.0, 95.0)]
        groups = aggregate(scores, by=lambda s: s.value >= 50, min_group=1)
        assert [(False, 1), (True, 3)] == [(g.key, g.n) for g in groups]

    def test_malang_scores_by_opd_through_a_mapping(self) -> None:
        """NIP -> OPD as a mapping or its __getitem__; a one-person OPD is suppressed."""
        scores, opd = _malang()
        by_mapping = aggregate(scores, by=opd)
        assert by_mapping == aggregate(scores, by=opd.__getitem__)
        bappeda, dinkes, diskominfo = by_mapping
        assert ("bappeda", 4, 85.69, 86.75, 79.25, 90.0) == (
            bappeda.key,
            bappeda.n,
            bappeda.mean,
            bappeda.median,
            bappeda.min,
            bappeda.max,
        )
        assert ("dinkes", 75.17, False) == (dinkes.key, dinkes.mean, dinkes.suppressed)
        assert ("diskominfo", 1, True, None) == (
            diskominfo.key,
            diskominfo.n,
            diskominfo.suppressed,
            diskominfo.mean,
        )

    def test_aggregation_methods(self) -> None:
        """value follows the method: mean, median, or the mean after trimming each tail."""
        scores = [_result(v) for v in (0.0, 50.0, 60.0, 70.0, 100.0)]
        assert 56.0 == aggregate(scores)[0].value
        assert 60.0 == aggregate(scores, method=Aggregation.MEDIAN)[0].value
        # 0.2 of 5 scores drops one from each tail: mean(50, 60, 70).
        assert 60.0 == aggregate(scores, method="trimmed_mean", trim=0.2)[0].value
        # 0.1 of 5 is 0.5: nothing is dropped.
        assert 56.0 == aggregate(scores, method="trimmed_mean")[0].value

    def test_trim_is_read_as_written(self) -> None:
        """A trim of 0.3 of 10 scores drops 3 from each tail (0.3 × 10 is 3, not 2.99...)."""
        scores = [_result(float(v)) for v in (0, 0, 0, 10, 20, 30, 40, 100, 100, 100)]
        assert 25.0 == aggregate(scores, method="trimmed_mean", trim=0.3)[0].value

    def test_empty(self) -> None:
        """No scores give no groups."""
        assert () == aggregate([])

    def test_repr_masks_nip_keys(self) -> None:
        """A group keyed by a NIP never shows it whole."""
        (group,) = aggregate([_result(80.0, subject=NIP)] * 3)
        assert NIP not in repr(group)
        assert "key=1" in repr(aggregate([_result(80.0)], by=lambda _s: 1)[0])

    def test_sort_breaks_ties_between_equal_texts(self) -> None:
        """Keys 1 and "1" print alike; their order is still fixed."""
        scores = [_result(1.0, rater="a"), _result(2.0, rater="b")]
        keys = {"a": 1, "b": "1"}
        groups = aggregate(scores, by=lambda s: keys[s.rater], min_group=1)
        assert ["1", 1] == [g.key for g in groups]

    def test_unknown_attribute(self) -> None:
        """Grouping by a name that is not a groupable attribute is refused."""
        error = _raised(lambda: aggregate([], by="value"))
        assert ("scoring.group_by", "by") == (error.code, error.path)

    def test_unmapped_subject(self) -> None:
        """A subject missing from the mapping is named by position, never by NIP."""
        scores = [_result(80.0, subject="a"), _result(70.0, subject=NIP)]
        error = _raised(lambda: aggregate(scores, by={"a": "x"}))
        assert ("scoring.unmapped_subject", "[1]") == (error.code, error.path)
        assert NIP not in str(error)

    @pytest.mark.parametrize("min_group", [0, -1, 2.5, True])
    def test_bad_min_group(self, min_group: Any) -> None:
        """min_group must be a whole number of 1 or more."""
        error = _raised(lambda: aggregate([], min_group=min_group))
        assert ("scoring.min_group", "min_group") == (error.code, error.path)

    def test_bad_method(self) -> None:
        """An unknown aggregation method is refused with the choices."""
        error = _raised(lambda: aggregate([], method="mode"))
        assert ("scoring.method", "mean, median, trimmed_mean") == (
            error.code,
            error.params["choices"],
        )

    @pytest.mark.parametrize("trim", [-0.1, 0.5, math.nan, True, "0.1"])
    def test_bad_trim(self, trim: Any) -> None:
        """The trimmed share must be a number from 0 to just under 0.5."""
        error = _raised(lambda: aggregate([], trim=trim))
        assert ("rubric.trim", "trim") == (error.code, error.path)

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["a", "b", "c"]),
                st.integers(min_value=0, max_value=10_000).map(lambda v: v / 100),
            ),
            max_size=20,
        ),
        st.randoms(use_true_random=False),
        st.integers(min_value=1, max_value=4),
    )
    def test_order_independent_and_suppressing(
        self, rows: list[tuple[str, float]], random: Any, min_group: int
    ) -> None:
        """Shuffling the scores changes nothing; exactly the small groups are suppressed."""
        scores = [_result(value, subject=subject) for subject, value in rows]
        shuffled = list(scores)
        random.shuffle(shuffled)
        groups = aggregate(scores, min_group=min_group)
        assert groups == aggregate(shuffled, min_group=min_group)
        for group in groups:
            assert (group.n < min_group) == group.suppressed
            assert (group.mean is None) == group.suppressed
            if not group.suppressed:
                assert group.min is not None
                assert group.max is not None
                assert group.min <= group.median <= group.max  # type: ignore[operator]
                assert group.min <= group.mean <= group.max  # type: ignore[operator]
        assert sorted({s for s, _ in rows}) == [g.key for g in groups]


class TestAggregateScores:
    """aggregate() takes the Scores of score_many and groups it column by column."""

    @pytest.mark.parametrize("by", ["subject", "subject_kind", "phase", "rater", "rubric"])
    @pytest.mark.parametrize("method", list(Aggregation))
    def test_equals_the_scores_one_by_one(self, by: str, method: Aggregation) -> None:
        """Every grouping and method gives what the same scores give as a list."""
        rubric = _rubric(_criterion("a"), _criterion("b", weight=2))
        batch = [
            _response(
                {"a": 1 + i % 5, "b": 1 + i * 7 % 5},
                subject=f"s-{i % 4}",
                rater=f"r-{i % 3}",
                kind=SubjectKind.SESSION if i % 2 else SubjectKind.SPEAKER,
                phase=Phase.PRE if i % 5 else Phase.POST,
            )
            for i in range(40)
        ]
        scores = score_many(rubric, batch)
        expected = aggregate(list(scores), by=by, method=method, min_group=4, trim=0.2)
        assert expected == aggregate(scores, by=by, method=method, min_group=4, trim=0.2)

    def test_by_mapping_and_function(self) -> None:
        """A subject mapping, its __getitem__ and a function of a Score all work."""
        rubric, batch = _cohort()
        scores = score_many(rubric, batch * 2)
        opd = {NIP: "bappeda", "s-2": "dinkes", "s-3": "bappeda"}
        expected = aggregate(list(scores), by=opd, min_group=1)
        assert expected == aggregate(scores, by=opd, min_group=1)
        assert expected == aggregate(scores, by=opd.__getitem__, min_group=1)
        assert [("bappeda", 4), ("dinkes", 2)] == [(group.key, group.n) for group in expected]
        high = aggregate(scores, by=lambda s: s.band.code if s.band else None, min_group=1)
        assert [("hi", 2), ("lo", 4)] == [(group.key, group.n) for group in high]

    def test_unmapped_subject(self) -> None:
        """A subject missing from the mapping is named by position, never by NIP."""
        rubric, batch = _cohort()
        error = _raised(lambda: aggregate(score_many(rubric, batch), by={"s-2": "x"}))
        assert ("scoring.unmapped_subject", "[0]") == (error.code, error.path)
        assert NIP not in str(error)

    def test_empty(self) -> None:
        """No scores give no groups."""
        assert () == aggregate(score_many(_rubric(_criterion("a")), []))

    @given(st.data())
    def test_equals_the_list_path(self, data: st.DataObject) -> None:
        """For generated cohorts, the columnar grouping equals grouping the Score objects."""
        rubric = data.draw(rubric_strategy(max_criteria=4))
        subjects = st.sampled_from(["s-a", "s-b", "s-c"])
        batch = data.draw(st.lists(responses(rubric, subjects=subjects), max_size=15))
        scores = score_many(rubric, batch)
        min_group = data.draw(st.integers(min_value=1, max_value=3))
        assert aggregate(list(scores), min_group=min_group) == aggregate(
            scores, min_group=min_group
        )


# --------------------------------------------------------------------------- IKM

# The GASPUL worked example (REFERENCE.md 7, S12), Triwulan III: 29 respondents, and per
# unsur how many gave 4, 3 and 2. Totals 105, 101, 100, 116, 102, 105, 106, 105, 115
# (955 in all); NRR U1 = 105/29 = 3.6207 ... U9 = 115/29 = 3.9655; Σ NRR = 32.9311.
GASPUL = {
    "u1": (18, 11, 0),
    "u2": (14, 15, 0),
    "u3": (15, 12, 2),
    "u4": (29, 0, 0),
    "u5": (15, 14, 0),
    "u6": (18, 11, 0),
    "u7": (19, 10, 0),
    "u8": (18, 11, 0),
    "u9": (28, 1, 0),
}


def _gaspul() -> list[Response]:
    """29 responses whose columns hold exactly the published counts of 4s, 3s and 2s."""
    columns = {
        unsur: [4] * fours + [3] * threes + [2] * twos
        for unsur, (fours, threes, twos) in GASPUL.items()
    }
    return [
        _response(
            {unsur: column[i] for unsur, column in columns.items()},
            rubric_id="ikm",
            subject="samsat",
            rater=f"r-{i:02d}",
            kind=SubjectKind.UNIT,
        )
        for i in range(29)
    ]


class TestIkm:
    def test_gaspul_worked_example_exact_weight(self) -> None:
        """With w = 1/9 exactly: IKM 955/261 = 3.6590, converted 91.475... = 91.48, mutu A."""
        result = ikm(_gaspul())
        assert [105, 101, 100, 116, 102, 105, 106, 105, 115] == [
            int(value * 29) for _, value in result.nrr
        ]
        assert [f"u{i}" for i in range(1, 10)] == [unsur for unsur, _ in result.nrr]
        # Σ NRR is 955/29 = 32.9310...; the example prints 32.9311, the sum of the NRRs
        # rounded to 4 decimals first.
        assert "32.9310" == f"{float(sum(value for _, value in result.nrr)):.4f}"
        assert 32.9311 == round(
            math.fsum(_stats.round_half_up(float(v), 4) for _, v in result.nrr), 4
        )
        assert Fraction(1, 9) == result.weight
        assert Fraction(955, 261) == result.ikm_exact
        assert (3.659, 91.48, "A", 29) == (
            result.ikm,
            result.converted,
            result.mutu,
            result.respondents,
        )
        assert ("Sangat Baik", "Very good") == (result.label(), result.label("en"))

    def test_gaspul_worked_example_legacy_weight(self) -> None:
        """With the printed 0.11: IKM 32.9311 × 0.11 = 3.6224, converted 90.56 (as printed)."""
        result = ikm(_gaspul(), legacy_rounded_weight=True)
        assert Fraction(11, 100) == result.weight
        assert Fraction(955 * 11, 29 * 100) == result.ikm_exact
        assert (3.6224, 90.56, "A") == (result.ikm, result.converted, result.mutu)

    def test_nrr_counts_only_those_who_answered(self) -> None:
        """An unsur skipped by a respondent averages over the others (optional unsur)."""
        survey = attrs.evolve(
            rubrics.load("ikm"),
            criteria=tuple(attrs.evolve(c, required=False) for c in rubrics.load("ikm").criteria),
        )
        full = {f"u{i}": 4 for i in range(1, 10)}
        batch = [
            _response(full, rubric_id="ikm"),
            _response({**full, "u1": 2}, rubric_id="ikm", rater="r-2"),
            _response({k: v for k, v in full.items() if k != "u1"}, rubric_id="ikm", rater="r-3"),
        ]
        result = ikm(batch, rubric=survey)
        assert Fraction(3) == dict(result.nrr)["u1"]
        assert Fraction(4) == dict(result.nrr)["u2"]
        assert 3 == result.respondents

    def test_band_on_the_rounded_converted_value(self) -> None:
        """25 × 29/8 = 90.625 rounds to 90.63, which is in the band from 90.63."""
        survey = _rubric(
            _criterion("u1", Scale.likert(4)),
            rubric_id="ikm",
            bands=(_band("lo", 0), _band("hi", 90.63)),
        )
        batch = [
            _response({"u1": rating}, rubric_id="ikm", rater=f"r-{i}")
            for i, rating in enumerate([4, 4, 4, 4, 4, 3, 3, 3])
        ]
        result = ikm(batch, rubric=survey)
        assert (90.63, "hi") == (result.converted, result.mutu)
        assert Fraction(1) == ikm(batch, rubric=survey, legacy_rounded_weight=True).weight

    def test_without_bands(self) -> None:
        """A survey rubric without bands gives no mutu and no label."""
        survey = _rubric(_criterion("u1", Scale.likert(4)), rubric_id="ikm")
        result = ikm([_response({"u1": 4}, rubric_id="ikm")], rubric=survey)
        assert (100.0, None, None) == (result.converted, result.mutu, result.label())

    def test_every_mutu(self) -> None:
        """Uniform answers 1, 2, 3, 4 give 25, 50, 75, 100: mutu D, D, C, A."""
        mutu = []
        for rating in (1, 2, 3, 4):
            batch = [_response({f"u{i}": rating for i in range(1, 10)}, rubric_id="ikm")]
            mutu.append(ikm(batch).mutu)
        assert ["D", "D", "C", "A"] == mutu

    def test_no_responses(self) -> None:
        """An empty survey has no IKM."""
        assert "scoring.no_responses" == _raised(lambda: ikm(iter([]))).code

    def test_element_nobody_answered(self) -> None:
        """An unsur no respondent answered has no NRR."""
        survey = _rubric(
            _criterion("u1", Scale.likert(4)),
            _criterion("u2", Scale.likert(4), required=False),
            rubric_id="ikm",
        )
        error = _raised(lambda: ikm([_response({"u1": 4}, rubric_id="ikm")], rubric=survey))
        assert ("scoring.element_unanswered", {"criterion": "u2"}) == (
            error.code,
            dict(error.params),
        )

    def test_scale_must_be_one_to_four(self) -> None:
        """The x25 conversion needs the 1-4 scale of PermenPAN-RB 14/2017."""
        survey = _rubric(_criterion("u1", Scale.likert(5)), rubric_id="ikm")
        error = _raised(lambda: ikm([_response({"u1": 4}, rubric_id="ikm")], rubric=survey))
        assert ("scoring.ikm_scale", "criteria[0].scale") == (error.code, error.path)

    def test_bad_response_is_located(self) -> None:
        """A rating off the scale is refused like `score` does, with its index."""
        batch = _gaspul()
        batch[3] = attrs.evolve(batch[3], ratings={**batch[3].ratings, "u2": 5})
        error = _raised(lambda: ikm(batch))
        assert ("scoring.off_scale", "[3].ratings['u2']") == (error.code, error.path)

    def test_result_model(self) -> None:
        """IkmResult is a frozen value object."""
        result = ikm(_gaspul())
        assert isinstance(result, IkmResult)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.converted = 1.0  # type: ignore[misc]


# --------------------------------------------------------------------------- surface


class TestSurface:
    def test_all_is_sorted_and_complete(self) -> None:
        """__all__ is sorted and lists every class and function the module defines."""
        assert sorted(scoring.__all__) == scoring.__all__
        defined = {
            name
            for name, value in vars(scoring).items()
            if not name.startswith("_")
            and callable(value)
            and getattr(value, "__module__", "") == "birokrasi_retreat.scoring"
        }
        assert defined <= set(scoring.__all__)
        assert all(hasattr(scoring, name) for name in scoring.__all__)

    def test_statistics_are_re_exported(self) -> None:
        """The statistics are the very functions of the private _stats module."""
        for name in (
            "Gain",
            "cohens_dz",
            "cronbach_alpha",
            "krippendorff_alpha",
            "normalized_gain",
            "rank",
            "round_half_up",
        ):
            assert getattr(_stats, name) is getattr(scoring, name)
