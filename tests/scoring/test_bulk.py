"""Tests for birokrasi_retreat.scoring._bulk: `score_many`, `score_array` and their results.

``score_many`` and ``score_array`` equal ``score`` to the last decimal, whatever the
order of the keys, the blocks or the rounding path; the per-rubric plan is cached and
nothing is stored on a `Response`. The NIPs are synthetic; ``198609262015051001`` is the
documented example (sources: nip-layout).
"""

from __future__ import annotations

import copy
import importlib
import math
import pickle
import subprocess
import sys

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs
import numpy as np
import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

from birokrasi_retreat import scoring
from birokrasi_retreat._ratings import RatingsMap
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import (
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.scoring import (
    Score,
    _bulk,
    score,
    score_array,
    score_many,
)
from birokrasi_retreat.strategies._rubric import responses
from birokrasi_retreat.strategies._rubric import rubrics as rubric_strategy


if TYPE_CHECKING:
    import scoring_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.scoring_builders")

_criterion, _rubric, _response = b.criterion, b.rubric, b.response
_band, _raised = b.band, b.raised
_cohort = b.cohort


NIP = "198609262015051001"


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
        assert _bulk._plan(rubric).coefficients is None
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
        plan = _bulk._plan(rubric)
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
        plan = _bulk._plan(rubric)
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
        assert not _bulk._plan(rubric).columnar
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
        size = 2 * _bulk._BLOCK + 100
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


# ---------------------------------------------------- score_many: reading the ratings


def _abc() -> Rubric:
    """Three criteria on 0..255 scales, c optional, with steps on b."""
    return _rubric(
        _criterion("a"),
        _criterion("b", Scale(min_value=0, max_value=200, step=50), weight=2),
        _criterion("c", Scale(min_value=0, max_value=255), required=False),
        bands=(_band("lo", 0), _band("hi", 50)),
    )


def _read(rubric: Rubric, batch: list[Response]) -> tuple[Any, Any]:
    return _bulk._read(rubric, _bulk._plan(rubric), tuple(batch))


def _in_order(response: Response, keys: Sequence[str]) -> Response:
    """The same response with its ratings in the order of ``keys`` (those it rates)."""
    ratings = {key: response.ratings[key] for key in keys if key in response.ratings}
    return attrs.evolve(response, ratings=ratings)


class TestScoreManyRead:
    """The ratings read from the responses' mappings: as bytes, or as float64 with NaN."""

    def test_rubric_order_reads_bytes(self) -> None:
        """Every response in the rubric's order, each rating in 0..255: a byte table."""
        rubric = _abc()
        batch = [_response({"a": 1 + i % 5, "b": 50 * (i % 5), "c": i}) for i in range(256)]
        x, suspect = _read(rubric, batch)
        assert (np.uint8, None) == (x.dtype, suspect)
        assert [1, 0, 0] == x[0].tolist()
        assert [[5, 200, 254], [1, 0, 255]] == x[-2:].tolist()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_rubric_order_reads_the_packed_ratings(self) -> None:
        """In the rubric's order, the table is the bytes each response's ratings packed."""
        rubric = _abc()
        batch = [_response({"a": 5, "b": 200, "c": i}) for i in range(3)]
        maps = [r.ratings for r in batch]
        assert all(isinstance(m, RatingsMap) for m in maps)
        assert [bytes([5, 200, i]) for i in range(3)] == [
            cast("RatingsMap", m).packed for m in maps
        ]
        read = _bulk._read_packed(_bulk._plan(rubric), [r.ratings for r in batch])
        assert read is not None
        assert [[5, 200, 0], [5, 200, 1], [5, 200, 2]] == read[0].tolist()
        assert read[1] is None

    def test_a_rating_that_is_no_byte_is_looked_up(self) -> None:
        """A response whose ratings packed nothing (2.5): the table is read by key."""
        rubric = _abc()
        batch = [_response({"a": 2, "b": 100, "c": 9}), _response({"a": 2.5, "b": 0, "c": 0})]
        assert _bulk._read_packed(_bulk._plan(rubric), [r.ratings for r in batch]) is None
        x, _suspect = _read(rubric, batch)
        assert [[2, 100, 9], [2.5, 0, 0]] == x.tolist()
        with pytest.raises(ScoringError, match=r"\[1\]\.ratings\['a'\]"):
            score_many(rubric, batch)

    def test_ratings_set_around_the_converter_are_looked_up(self) -> None:
        """A plain dict put in place of the ratings map: read by key, scored the same."""
        rubric = _abc()
        response = _response({"a": 2, "b": 100, "c": 9})
        forced = attrs.evolve(response)
        object.__setattr__(forced, "ratings", dict(response.ratings))
        assert _bulk._read_packed(_bulk._plan(rubric), [forced.ratings]) is None
        assert score_many(rubric, [response]).values.tolist() == (
            score_many(rubric, [forced]).values.tolist()
        )

    def test_one_other_order_is_read_by_key(self) -> None:
        """Every response rating every criterion in one other order: read by key."""
        rubric = _abc()
        batch = [_response({"c": 7, "a": a, "b": b}) for a in (1, 5) for b in (0, 150)]
        x, suspect = _read(rubric, batch)
        assert (np.uint8, None) == (x.dtype, suspect)
        assert [[1, 0, 7], [1, 150, 7], [5, 0, 7], [5, 150, 7]] == x.tolist()
        assert _expected(rubric, batch) == list(score_many(rubric, batch))

    def test_several_orders_are_read_by_key(self) -> None:
        """Responses in the rubric's order and in others: each read in the rubric's."""
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
        """Responses for another rubric or rating an unknown criterion mark their rows."""
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
        """Every response for another rubric: the first one is refused."""
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
        """A float, or an int off 0..255, is read as float64; an unknown key is suspect."""
        rubric = _abc()
        good = _response({"a": 3, "b": 50, "c": 1})
        for bad, code, dtype in (
            (_response({"a": 2.5, "b": 50}), "scoring.off_scale", np.float64),
            (_response({"a": 3, "b": 300}), "scoring.off_scale", np.float64),
            # Nothing packed (300): looked up, the unknown key found by counting keys.
            (
                _response({"a": 3, "b": 50, "c": 1, "zz": 300}),
                "scoring.unknown_criterion",
                np.float64,
            ),
            # Packed, laid out with a key the rubric lacks: suspect from its layout.
            (_response({"a": 3, "b": 50, "zz": 1}), "scoring.unknown_criterion", np.float64),
            (
                _response({"b": 50, "c": 1, "a": 3, "zz": 1}),
                "scoring.unknown_criterion",
                np.float64,
            ),
            (_response({"a": 3, "b": 50, "c": -1}), "scoring.off_scale", np.float64),
        ):
            assert dtype == _read(rubric, [good, bad])[0].dtype
            assert code == _raised(lambda bad=bad: score_many(rubric, [good, bad])).code
            assert code == _raised(lambda bad=bad: score(rubric, bad)).code

    def test_objects_that_are_not_responses(self) -> None:
        """Any object with a Response's attributes is read from its mappings."""

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

    def test_wide_scales_skip_the_byte_table(self) -> None:
        """A scale past 255 is read as float64, even where the ratings fit in bytes."""
        rubric = _rubric(_criterion("a", Scale(min_value=0, max_value=1000)))
        assert not _bulk._plan(rubric).small
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


class TestPlanCache:
    """The bulk path's own state: a plan per rubric, cached; nothing on a Response."""

    def test_plan_is_kept_per_rubric(self) -> None:
        """One plan per rubric, found again for the same or an equal rubric."""
        rubric = _abc()
        plan = _bulk._plan(rubric)
        assert plan is _bulk._plan(rubric)
        assert plan is _bulk._plan(attrs.evolve(rubric))
        assert plan is not _bulk._plan(attrs.evolve(rubric, id="other"))
        assert ("a", "b", "c") == plan.ids

    def test_plan_arrays_are_read_only(self) -> None:
        """The cached arrays are shared by every call: none can be written to."""
        plan = _bulk._plan(_abc())
        for array in (plan.lows, plan.highs, plan.offsets, plan.spans, plan.weights):
            assert not array.flags.writeable
        assert plan.bands is not None
        assert not plan.bands.flags.writeable

    def test_the_cache_is_bounded(self) -> None:
        """Past 16 rubrics the oldest plan is dropped, and computed again when needed."""
        _bulk._plan.cache_clear()
        rubrics_ = [_rubric(_criterion("a"), rubric_id=f"r{index}") for index in range(17)]
        first = _bulk._plan(rubrics_[0])
        for rubric in rubrics_[1:]:
            _bulk._plan(rubric)
        assert 16 == _bulk._plan.cache_info().currsize
        assert first is not _bulk._plan(rubrics_[0])
        assert first == _bulk._plan(rubrics_[0])

    def test_responses_carry_no_bulk_state(self) -> None:
        """A Response holds its fields only: scoring in bulk leaves it as it was."""
        response = _response({"a": 3, "b": 50, "c": 1})
        before = response.__getstate__()
        score_many(_abc(), [response])
        assert before == response.__getstate__()
        slots = set(vars(Response)["__slots__"]) - {"__weakref__"}
        assert {field.name for field in attrs.fields(Response)} == slots

    def test_clones_score_alike(self) -> None:
        """Pickled and copied responses score as the originals in bulk."""
        rubric = _abc()
        response = _response({"c": 9, "a": 2, "b": 100}, subject=NIP)
        clones = [
            pickle.loads(pickle.dumps(response)),
            copy.deepcopy(response),
            copy.copy(response),
        ]
        values = score_many(rubric, [response, *clones]).values.tolist()
        assert [score(rubric, response).value] * 4 == values

    def test_evolved_responses_score_as_built(self) -> None:
        """A changed response is read from its new ratings, in whatever order."""
        rubric = _abc()
        changed = attrs.evolve(_response({"a": 1, "b": 0}), ratings={"c": 255, "b": 200, "a": 5})
        assert [100.0] == score_many(rubric, [changed]).values.tolist()
        assert score(rubric, changed) == score_many(rubric, [changed])[0]


# --------------------------------------------------------------------------- Scores


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
        size = 3 * _bulk._BLOCK + 7
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
