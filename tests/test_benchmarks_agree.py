"""The benchmark's three models (ours, pydantic, msgspec) apply exactly the same rules.

The benchmarks compare frameworks only if the rules are equal: this runs the shared
accept/reject table of ``benchmarks/records.py`` through all three, from plain data and
from JSON. pydantic and msgspec live in the ``bench`` dependency group, so the module is
skipped without them.
"""

from __future__ import annotations

import importlib.util
import json
import sys

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest


if TYPE_CHECKING:
    from types import ModuleType

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")

RECORDS_FILE = Path(__file__).resolve().parent.parent / "benchmarks" / "records.py"
MODULE_NAME = "_birokrasi_retreat_bench_records"


def _load_records() -> ModuleType:
    module = sys.modules.get(MODULE_NAME)
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location(MODULE_NAME, RECORDS_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module  # the models' classes resolve their module by name
    spec.loader.exec_module(module)
    return module


records = _load_records()
IMPLEMENTATIONS: tuple[Any, ...] = records.IMPLEMENTATIONS
CASES: tuple[Any, ...] = records.CASES
NAMES = [impl.name for impl in IMPLEMENTATIONS]


def _document(data: object) -> bytes:
    return json.dumps(data).encode()


class TestCases:
    def test_table_has_both_verdicts(self) -> None:
        """The table is large enough and holds accepted and rejected rows."""
        verdicts = [case.accepted for case in CASES]
        assert len(CASES) >= 20
        assert {True, False} == set(verdicts)

    def test_ids_are_unique(self) -> None:
        """Each row has its own name."""
        assert len(CASES) == len({case.id for case in CASES})

    @pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
    def test_from_plain_data(self, case: Any) -> None:
        """Every model gives the row's verdict on the plain data."""
        assert [case.accepted] * len(IMPLEMENTATIONS) == [
            impl.accepts(case.data) for impl in IMPLEMENTATIONS
        ]

    @pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
    def test_from_json(self, case: Any) -> None:
        """Every model gives the row's verdict on the data as a JSON document."""
        document = _document(case.data)
        assert [case.accepted] * len(IMPLEMENTATIONS) == [
            impl.accepts_json(document) for impl in IMPLEMENTATIONS
        ]


class TestMakeRecords:
    def test_deterministic(self) -> None:
        """The same seed gives the same records; another seed gives others."""
        assert records.make_records(50) == records.make_records(50)
        assert records.make_records(50) != records.make_records(50, seed=1)

    def test_all_models_accept_and_round_trip(self) -> None:
        """Each model loads the generated records and writes back the same plain data."""
        plain = records.make_records(300)
        document = records.to_json(plain)
        for impl in IMPLEMENTATIONS:
            assert plain == impl.to_dicts(impl.from_dicts(plain)), impl.name
            assert plain == json.loads(impl.to_json(impl.from_json(document))), impl.name

    def test_bulk_load_refuses_a_bad_record(self) -> None:
        """One invalid record among valid ones makes every bulk loader refuse the list."""
        plain = records.make_records(20)
        plain[7] = {**plain[7], "start": "2025-13-01"}
        for impl in IMPLEMENTATIONS:
            with pytest.raises(impl.rejects):
                impl.from_dicts(plain)
            with pytest.raises(impl.rejects):
                impl.from_json(records.to_json(plain))


class TestOfficial:
    def test_repr_masks_the_nip(self) -> None:
        """No model's repr shows the whole NIP."""
        data = CASES[0].data
        for impl in IMPLEMENTATIONS:
            text = repr(impl.load_one(data))
            assert "198609262015051001" not in text, impl.name


# --------------------------------------------------------------------------- scoring

SCORING_FILE = RECORDS_FILE.parent / "bench_scoring.py"


def _load_scoring() -> ModuleType:
    name = "_birokrasi_retreat_bench_scoring"
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location(name, SCORING_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # attrs resolves the Figure class's module by name
    spec.loader.exec_module(module)
    return module


class TestScoringBenchmark:
    """bench_scoring.py compares our scoring with NumPy floors of the same formulas."""

    def test_floors_compute_our_formulas(self) -> None:
        """On 2,000 rows the floors give our values (but for ties) and our alpha."""
        checked = _load_scoring().agreement(2_000)
        assert 0.01 == pytest.approx(checked["max_difference"])  # a tie rounded to even
        assert 0 < checked["ties"] < 0.5
        assert checked["alpha_difference"] < 1e-12

    def test_data_are_deterministic_and_correlated(self) -> None:
        """The same seed gives the same ratings, on 1-5, with a reliable alpha."""
        bench = _load_scoring()
        ratings = bench.make_ratings(500)
        assert (ratings == bench.make_ratings(500)).all()
        assert not (ratings == bench.make_ratings(500, seed=1)).all()
        assert {1, 2, 3, 4, 5} == set(ratings.ravel().tolist())
        assert 0.8 < bench.floor_alpha(ratings) < 0.95

    def test_agreement_fails_loudly(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A floor that computed something else would be caught, not timed."""
        bench = _load_scoring()
        monkeypatch.setattr(bench, "floor_alpha", lambda _table: 0.5)
        with pytest.raises(AssertionError, match="disagree"):
            bench.agreement(200)

    def test_plain_path_scores_alike(self) -> None:
        """score_many without its packed ratings gives the same values, then restores it."""
        bench = _load_scoring()
        rubric = bench.make_rubric()
        responses = bench.make_responses(rubric, bench.make_ratings(300))
        plain = bench.plain_path(rubric, responses)
        assert plain.band_index.tolist() == bench.score_many(rubric, responses).band_index.tolist()
        assert (plain.values == bench.score_many(rubric, responses).values).all()
        assert bench._bulk._read_packed.__name__ == "_read_packed"

    def test_table(self) -> None:
        """A tiny run renders one line per figure with a verdict against its target."""
        bench = _load_scoring()
        table = bench.render(bench.measure(300, 1))
        assert 9 == len(table.splitlines())
        assert "under 0.3 s" in table
        assert "<= 2x" in table
