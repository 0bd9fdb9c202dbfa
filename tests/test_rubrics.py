"""Tests for the built-in rubrics (birokrasi_retreat.rubrics) against the sources page.

Each rubric file loads, carries its provenance header (source, retrieval date 2026-11-23,
licence) and round-trips through dict, JSON, TOML and YAML. The IKM rubric is checked
element by element and band by band against PermenPAN-RB 14/2017 (sources: ikm), the
BerAKHLAK one against SE MenPAN-RB 20/2021 (sources: berakhlak), the LAN predicates
against sources: lan-predicates (marked unconfirmed), and every rubric's generated
responses are valid.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from birokrasi_retreat import rubrics, serialization
from birokrasi_retreat.errors import InvalidType, UnknownReferenceError
from birokrasi_retreat.rubric import Normalisation, Rubric, Scale
from birokrasi_retreat.strategies import _rubric as rst
from birokrasi_retreat.values import BerAkhlak


NAMES = ("berakhlak", "ikm", "lan_predicates_unverified", "reaction", "speaker")
FORMATS = ("json", "toml", "yaml")
FOLDER = resources.files("birokrasi_retreat.rubrics").joinpath("data")

# sources: ikm: the nine unsur of PermenPAN-RB 14/2017, in order.
IKM_UNSUR = (
    "Persyaratan",
    "Prosedur",
    "Waktu pelayanan",
    "Biaya/Tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Sarana dan prasarana",
    "Penanganan pengaduan, saran dan masukan",
)
# sources: ikm: mutu and unit performance, by lower bound on the 25-100 value.
IKM_BANDS = (
    ("D", "Tidak Baik", 0.0),
    ("C", "Kurang Baik", 65.0),
    ("B", "Baik", 76.61),
    ("A", "Sangat Baik", 88.31),
)


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _header(name: str) -> str:
    """The leading comment block of a rubric file."""
    lines = FOLDER.joinpath(f"{name}.toml").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines[: next(i for i, x in enumerate(lines) if not x)])


def _codes(rubric: Rubric) -> tuple[tuple[str, str, float], ...]:
    """The bands as (code, Indonesian label, lower bound)."""
    return tuple((band.code, band.label_id, band.lower) for band in rubric.bands)


class TestNames:
    def test_names(self) -> None:
        """The five built-in rubrics, sorted."""
        assert NAMES == rubrics.names()

    def test_cached(self) -> None:
        """Every call returns the same object."""
        assert rubrics.names() is rubrics.names()


class TestLoad:
    @pytest.mark.parametrize("name", NAMES)
    def test_loads_with_its_own_id(self, name: str) -> None:
        """Each file loads, and its rubric's id is its name."""
        assert name == rubrics.load(name).id

    @pytest.mark.parametrize("name", NAMES)
    def test_cached(self, name: str) -> None:
        """A rubric is read once."""
        assert rubrics.load(name) is rubrics.load(name)

    def test_unknown_name(self) -> None:
        """An unknown name is rubric.unknown, listing the names."""
        with pytest.raises(UnknownReferenceError) as caught:
            rubrics.load("kepuasan")
        error = caught.value
        assert ("rubric.unknown", "'kepuasan'") == (error.code, error.params["value"])
        assert ", ".join(NAMES) == error.params["names"]
        assert "kepuasan" in error.message("en")

    def test_name_must_be_a_string(self) -> None:
        """A non-str name is data.type."""
        with pytest.raises(InvalidType) as caught:
            rubrics.load(_any(1))
        assert "data.type" == caught.value.code

    @pytest.mark.parametrize("name", NAMES)
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trip(self, name: str, fmt: serialization.Format) -> None:
        """Every built-in rubric reads back equal from dict, JSON, TOML and YAML."""
        rubric = rubrics.load(name)
        text = serialization.dumps(rubric, format=fmt)
        assert rubric == serialization.loads(text, Rubric, format=fmt)
        assert rubric == serialization.from_dict(serialization.to_dict(rubric), Rubric)


class TestProvenance:
    @pytest.mark.parametrize("name", NAMES)
    def test_header(self, name: str) -> None:
        """Each file names its source, retrieval date and licence in its header."""
        header = _header(name)
        assert "Source:" in header
        assert "Retrieved: 2026-11-23." in header
        assert "Licence:" in header
        assert "(sources: " in header

    @pytest.mark.parametrize("name", NAMES)
    def test_meta(self, name: str) -> None:
        """The [meta] table carries the same provenance, machine-readably."""
        meta = rubrics._file(name).meta
        assert pendulum.Date(2026, 11, 23) == meta.retrieved
        assert any("sources: " in source for source in meta.sources)
        assert "MIT" in meta.licence
        assert rubrics.load(name).source

    @pytest.mark.parametrize(
        ("name", "mark"),
        [
            ("berakhlak", "ILLUSTRATIVE"),
            ("reaction", "ILLUSTRATIVE"),
            ("speaker", "ILLUSTRATIVE"),
            ("lan_predicates_unverified", "UNCONFIRMED"),
        ],
    )
    def test_unofficial_parts_are_marked(self, name: str, mark: str) -> None:
        """What no regulation gives is marked in the header and in the rubric's source."""
        assert mark in _header(name)
        assert mark in rubrics.load(name).source


class TestIkm:
    def test_nine_unsur_with_their_names(self) -> None:
        """U1-U9 with the exact names of PermenPAN-RB 14/2017 (sources: ikm)."""
        ikm = rubrics.load("ikm")
        assert IKM_UNSUR == tuple(criterion.title_id for criterion in ikm.criteria)
        assert tuple(f"u{n}" for n in range(1, 10)) == tuple(c.id for c in ikm.criteria)

    def test_scale_1_to_4_with_labels(self) -> None:
        """Every unsur is rated 1-4, 1 = tidak baik ... 4 = sangat baik, and required."""
        ikm = rubrics.load("ikm")
        for criterion in ikm.criteria:
            assert (1, 2, 3, 4) == criterion.scale.points
            assert ("Tidak baik", "Sangat baik") == (
                criterion.scale.label(1),
                criterion.scale.label(4),
            )
            assert criterion.required

    def test_equal_weights(self) -> None:
        """Equal weights: each unsur counts exactly 1/9."""
        assert {1.0} == {criterion.weight for criterion in rubrics.load("ikm").criteria}

    def test_ratio_is_the_x25_conversion(self) -> None:
        """Ratio normalisation maps a rating x on 1-4 to 25x (sources: ikm)."""
        ikm = rubrics.load("ikm")
        scale = ikm.criteria[0].scale
        assert Normalisation.RATIO == ikm.normalisation
        assert [25.0, 50.0, 75.0, 100.0] == [x / scale.max_value * 100 for x in scale.points]

    def test_bands(self) -> None:
        """Mutu D, C, B, A with their lower bounds and labels."""
        assert IKM_BANDS == _codes(rubrics.load("ikm"))

    @pytest.mark.parametrize(
        ("value", "code", "label"),
        [
            (25.0, "D", "Tidak Baik"),
            (64.99, "D", "Tidak Baik"),
            (65.0, "C", "Kurang Baik"),
            (76.6, "C", "Kurang Baik"),
            (76.61, "B", "Baik"),
            (88.3, "B", "Baik"),
            (88.31, "A", "Sangat Baik"),
            (91.48, "A", "Sangat Baik"),
            (100.0, "A", "Sangat Baik"),
        ],
    )
    def test_band_boundaries(self, value: float, code: str, label: str) -> None:
        """The printed intervals, classified by lower bound on the rounded value."""
        band = rubrics.load("ikm").band_for(value)
        assert band is not None
        assert (code, label) == (band.code, band.label_id)


class TestBerakhlak:
    def test_seven_values_three_indicators(self) -> None:
        """21 criteria, 3 per BerAKHLAK value, in the circular's order (sources: berakhlak)."""
        berakhlak = rubrics.load("berakhlak")
        groups = [criterion.group for criterion in berakhlak.criteria]
        assert [value.value for value in BerAkhlak for _ in range(3)] == groups
        assert [f"{value.value}_{n}" for value in BerAkhlak for n in (1, 2, 3)] == [
            criterion.id for criterion in berakhlak.criteria
        ]

    def test_scale_and_levels(self) -> None:
        """Each indicator is rated 1-5 with a label and a level descriptor on every point."""
        for criterion in rubrics.load("berakhlak").criteria:
            assert Scale(min_value=1, max_value=5) == Scale(
                min_value=criterion.scale.min_value, max_value=criterion.scale.max_value
            )
            assert (1, 2, 3, 4, 5) == tuple(label.value for label in criterion.scale.labels)
            assert (1, 2, 3, 4, 5) == tuple(level.value for level in criterion.levels)
            assert criterion.title_id != criterion.title_en

    def test_indicators_paraphrased_in_both_languages(self) -> None:
        """The header says the indicators are paraphrased; English follows sources: berakhlak."""
        assert "PARAPHRASED" in _header("berakhlak")
        berakhlak = rubrics.load("berakhlak")
        assert (
            "Does not abuse the authority of office"
            == berakhlak.criterion(  # type: ignore[union-attr]
                "akuntabel_3"
            ).title_en
        )
        assert "Keeps official and state secrets" == berakhlak.criterion("loyal_3").title_en  # type: ignore[union-attr]

    def test_illustrative_bands_halfway(self) -> None:
        """The bands begin at mean ratings 2.5, 3.5 and 4.5 under min-max."""
        assert (0.0, 37.5, 62.5, 87.5) == tuple(b.lower for b in rubrics.load("berakhlak").bands)

    def test_self_assessment(self) -> None:
        """A self-assessment allows self-rating."""
        assert rubrics.load("berakhlak").allow_self_rating


class TestReactionAndSpeaker:
    def test_reaction_reuses_the_ikm_scale(self) -> None:
        """1-4, ratio (x25) and the IKM bands by analogy (sources: kirkpatrick)."""
        reaction = rubrics.load("reaction")
        assert Normalisation.RATIO == reaction.normalisation
        assert {(1, 2, 3, 4)} == {c.scale.points for c in reaction.criteria}
        assert _codes(rubrics.load("ikm")) == _codes(reaction)

    def test_reaction_items(self) -> None:
        """Relevance, material and overall satisfaction are required; the rest optional."""
        reaction = rubrics.load("reaction")
        assert ["relevansi", "materi", "kepuasan"] == [
            c.id for c in reaction.criteria if c.required
        ]
        assert ["narasumber", "fasilitas", "penyelenggaraan"] == [
            c.id for c in reaction.criteria if not c.required
        ]

    def test_speaker(self) -> None:
        """Five items rated 1-5; a speaker cannot rate themselves."""
        speaker = rubrics.load("speaker")
        assert ["penguasaan_materi", "penyampaian", "waktu", "interaksi", "relevansi"] == [
            c.id for c in speaker.criteria
        ]
        assert {(1, 2, 3, 4, 5)} == {c.scale.points for c in speaker.criteria}
        assert not speaker.allow_self_rating


class TestLanPredicates:
    def test_marked_unconfirmed(self) -> None:
        """The title and source say the thresholds are unconfirmed (sources: lan-predicates)."""
        lan = rubrics.load("lan_predicates_unverified")
        assert "UNCONFIRMED" in lan.title_en
        assert "BELUM TERKONFIRMASI" in lan.title_id
        assert "KepKa LAN 2/K.1/PDP.07/2023" in lan.source

    def test_one_final_mark(self) -> None:
        """One criterion: the final mark 0-100 in whole points."""
        (mark,) = rubrics.load("lan_predicates_unverified").criteria
        assert ("nilai_akhir", 0, 100, 1) == (
            mark.id,
            mark.scale.min_value,
            mark.scale.max_value,
            mark.scale.step,
        )

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            (0.0, "kurang_memuaskan"),
            (70.0, "kurang_memuaskan"),
            (70.01, "cukup_memuaskan"),
            (80.0, "cukup_memuaskan"),
            (80.01, "memuaskan"),
            (90.0, "memuaskan"),
            (90.01, "sangat_memuaskan"),
            (100.0, "sangat_memuaskan"),
        ],
    )
    def test_strict_bounds_as_inclusive_hundredths(self, value: float, code: str) -> None:
        """ "> 90" is 90.01 on the rounded value (sources: lan-predicates)."""
        band = rubrics.load("lan_predicates_unverified").band_for(value)
        assert band is not None
        assert code == band.code


class TestGeneratedResponses:
    @pytest.mark.parametrize("name", NAMES)
    @settings(max_examples=25)
    @given(data=st.data())
    def test_valid_for_every_builtin(self, name: str, data: st.DataObject) -> None:
        """Generated responses to a built-in rubric rate every required item on its scale."""
        rubric = rubrics.load(name)
        response = data.draw(rst.responses(rubric))
        for criterion in rubric.criteria:
            if criterion.required:
                assert criterion.scale.contains(response.ratings[criterion.id])
        assert response.rater != response.subject or rubric.allow_self_rating
