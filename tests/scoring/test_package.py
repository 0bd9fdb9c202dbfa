"""Tests for the surface of the birokrasi_retreat.scoring package (its ``__init__``)."""

from __future__ import annotations

import ast
import pathlib

from birokrasi_retreat import scoring
from birokrasi_retreat.scoring import _aggregate, _bulk, _exact, _ikm, _stats


# --------------------------------------------------------------------------- surface


class TestSurface:
    def test_all_is_sorted_and_complete(self) -> None:
        """__all__ is sorted and lists every public name of every module of the package."""
        assert sorted(scoring.__all__) == scoring.__all__
        assert all(hasattr(scoring, name) for name in scoring.__all__)
        for module in (_exact, _bulk, _aggregate, _ikm):
            assert sorted(module.__all__) == module.__all__
            defined = {
                name
                for name, value in vars(module).items()
                if not name.startswith("_")
                and callable(value)
                and getattr(value, "__module__", "") == module.__name__
            }
            assert defined == set(module.__all__), module.__name__
            for name in module.__all__:
                assert getattr(scoring, name) is getattr(module, name)

    def test_imports_go_down_the_documented_order(self) -> None:
        """Each module imports only modules listed before it in the package docstring."""
        order = ["_stats", "_exact", "_bulk", "_aggregate", "_ikm"]
        for name in order:
            path = pathlib.Path(scoring.__file__).with_name(f"{name}.py")
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = {
                node.module.removeprefix("birokrasi_retreat.scoring.")
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)
                and node.module is not None
                and node.module.startswith("birokrasi_retreat.scoring")
            }
            assert imported <= set(order[: order.index(name)]), name
        assert all(f"    {name} " in (scoring.__doc__ or "") for name in order)

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
