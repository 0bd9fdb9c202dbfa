"""Tests for birokrasi_retreat.scoring._aggregate: `aggregate` and small-group suppression.

Aggregation is order-independent and suppresses small groups (UU 27/2022); given the
`Scores` of `score_many`, it groups column by column with the same result. The NIPs are
synthetic; ``198609262015051001`` is the documented example (sources: nip-layout).
"""

from __future__ import annotations

import importlib
import math

from typing import TYPE_CHECKING, Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat.rubric import (
    Aggregation,
    Phase,
    SubjectKind,
)
from birokrasi_retreat.scoring import (
    Aggregate,
    Score,
    aggregate,
    score_many,
)
from birokrasi_retreat.strategies._rubric import responses
from birokrasi_retreat.strategies._rubric import rubrics as rubric_strategy


if TYPE_CHECKING:
    import scoring_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.scoring_builders")

_criterion, _rubric, _response = b.criterion, b.rubric, b.response
_result, _band, _raised = b.result, b.band, b.raised
_cohort = b.cohort


NIP = "198609262015051001"


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
