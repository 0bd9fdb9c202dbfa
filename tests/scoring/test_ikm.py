"""Tests for birokrasi_retreat.scoring._ikm: the IKM of PermenPAN-RB 14/2017.

The IKM test reproduces the published worked example of PermenPAN-RB 14/2017
(sources: ikm, S12: GASPUL_BACKEND ``rumus_perhitungan_ikm_lengkap.md``, Triwulan III,
29 respondents).
"""

from __future__ import annotations

import importlib
import math

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest

from birokrasi_retreat import rubrics
from birokrasi_retreat.rubric import (
    Response,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.scoring import (
    IkmResult,
    _stats,
    ikm,
)


if TYPE_CHECKING:
    import scoring_builders as b
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.scoring_builders")

_criterion, _rubric, _response = b.criterion, b.rubric, b.response
_band, _raised = b.band, b.raised


# --------------------------------------------------------------------------- IKM

# The GASPUL worked example (sources: ikm, S12), Triwulan III: 29 respondents, and per
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
