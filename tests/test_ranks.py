"""Tests for birokrasi_retreat.ranks: golongan, eselon, position families, ASN type, sex."""

from __future__ import annotations

import operator

from importlib import resources
from typing import TYPE_CHECKING

import pytest

from hypothesis import example, given
from hypothesis import strategies as st

from birokrasi_retreat import ranks
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidType,
    UnknownReferenceError,
)
from birokrasi_retreat.messages import catalogue
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily, Sex


if TYPE_CHECKING:
    from collections.abc import Callable


# sources: golongan [C S10], copied by hand: the expected values must not come from the CSV.
PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GROUP_NAMES = {1: "Juru", 2: "Pengatur", 3: "Penata", 4: "Pembina"}
# sources: pangkat-range [C S8], written as the table prints it: pangkat name (golongan/ruang).
ESELON_RANGES = {
    "I.a": ("Pembina Utama Madya (IV/d)", "Pembina Utama (IV/e)"),
    "I.b": ("Pembina Utama Muda (IV/c)", "Pembina Utama (IV/e)"),
    "II.a": ("Pembina Utama Muda (IV/c)", "Pembina Utama Madya (IV/d)"),
    "II.b": ("Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)"),
    "III.a": ("Pembina (IV/a)", "Pembina Tingkat I (IV/b)"),
    "III.b": ("Penata Tingkat I (III/d)", "Pembina (IV/a)"),
    "IV.a": ("Penata (III/c)", "Penata Tingkat I (III/d)"),
    "IV.b": ("Penata Muda Tingkat I (III/b)", "Penata (III/c)"),
    "V.a": ("Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)"),
}
# sources: eselon-equivalence [C S20; IV partial; V.a unconfirmed].
ESELON_FAMILY = {
    "I.a": PositionFamily.JPT_MADYA,
    "I.b": PositionFamily.JPT_MADYA,
    "II.a": PositionFamily.JPT_PRATAMA,
    "II.b": PositionFamily.JPT_PRATAMA,
    "III.a": PositionFamily.ADMINISTRATOR,
    "III.b": PositionFamily.ADMINISTRATOR,
    "IV.a": PositionFamily.PENGAWAS,
    "IV.b": PositionFamily.PENGAWAS,
    "V.a": PositionFamily.PELAKSANA,
}
GOLONGAN_ORDER = list(PANGKAT)
ESELON_MOST_SENIOR_FIRST = list(ESELON_RANGES)
RANKS_CODES = (
    "golongan.format",
    "golongan.unknown",
    "golongan.rank",
    "eselon.format",
    "eselon.unknown",
    "ranks.sex_digit",
)
NIP = "198609262015051001"  # the documented synthetic example (sources: nip-layout)
COMPARISONS = (operator.lt, operator.le, operator.gt, operator.ge)


def _pangkat_label(golongan: Golongan) -> str:
    return f"{golongan.pangkat} ({golongan})"


def _outcome(parse: Callable[[str], Golongan | Eselon], text: str) -> Golongan | Eselon | str:
    """Return what parse gives for text, or the code of the library error it raises."""
    try:
        return parse(text)
    except (InvalidFormat, UnknownReferenceError) as error:
        return error.code


def _data_lines(name: str) -> list[str]:
    text = resources.files("birokrasi_retreat").joinpath("data", name).read_text("utf-8")
    return text.splitlines()


class TestTable:
    def test_golongan_csv_rows_match_members(self) -> None:
        """Every golongan.csv row names a member, once, and every member has a row."""
        names = [row["golongan"] for row in ranks._table("golongan.csv")]
        assert GOLONGAN_ORDER == names
        assert [g.value for g in Golongan] == names

    def test_eselon_csv_rows_match_members(self) -> None:
        """Every eselon.csv row names a member, once, and every member has a row."""
        names = [row["eselon"] for row in ranks._table("eselon.csv")]
        assert ESELON_MOST_SENIOR_FIRST == names
        assert [e.value for e in Eselon] == names

    def test_every_csv_row_parses(self) -> None:
        """Every code in both tables goes through the public parsers unchanged."""
        for row in ranks._table("golongan.csv"):
            assert row["golongan"] == str(Golongan.parse(row["golongan"]))
        for row in ranks._table("eselon.csv"):
            assert row["eselon"] == str(Eselon.parse(row["eselon"]))
            assert row["lowest"] == str(Golongan.parse(row["lowest"]))
            assert row["highest"] == str(Golongan.parse(row["highest"]))

    @pytest.mark.parametrize("name", ["golongan.csv", "eselon.csv"])
    def test_provenance_header(self, name: str) -> None:
        """Each table opens with '#' lines naming its sources anchor, date and licence."""
        header = "\n".join(line for line in _data_lines(name) if line.startswith("#"))
        anchor = {"golongan.csv": "golongan", "eselon.csv": "pangkat-range"}[name]
        assert f"(sources: {anchor})" in header
        assert "2026-11-23" in header
        assert "public domain" in header

    @pytest.mark.parametrize("name", ["golongan.csv", "eselon.csv"])
    def test_loader_skips_header(self, name: str) -> None:
        """The loader returns one record per data line, none from the '#' header."""
        data_lines = [line for line in _data_lines(name) if line and not line.startswith("#")]
        rows = ranks._table(name)
        assert len(data_lines) - 1 == len(rows)
        assert all(not value.startswith("#") for row in rows for value in row.values())

    def test_tables_are_not_read_at_import(self) -> None:
        """Importing the module reads no table: the loaders are filled on first use."""
        code = (
            "import birokrasi_retreat.ranks as r;"
            "assert r._table.cache_info().currsize == 0;"
            "assert r._golongan_rows.cache_info().currsize == 0"
        )
        import subprocess  # noqa: PLC0415  (only this test starts a fresh interpreter)
        import sys  # noqa: PLC0415

        subprocess.run([sys.executable, "-c", code], check=True)


class TestGolonganOrder:
    def test_seventeen_members_in_rank_order(self) -> None:
        """There are 17 golongan, defined from I/a to IV/e with ranks 1 to 17."""
        assert GOLONGAN_ORDER == [str(g) for g in Golongan]
        assert list(range(1, 18)) == [g.rank for g in Golongan]
        assert Golongan.I_A == min(Golongan)
        assert Golongan.IV_E == max(Golongan)

    @given(st.sampled_from(Golongan), st.sampled_from(Golongan))
    def test_comparisons_follow_rank(self, left: Golongan, right: Golongan) -> None:
        """Every comparison of two golongan agrees with comparing their ranks."""
        for compare in COMPARISONS:
            assert compare(left.rank, right.rank) is compare(left, right)

    def test_group_boundary(self) -> None:
        """The last ruang of a group ranks below the first of the next (II/d < III/a)."""
        assert Golongan.II_D < Golongan.III_A
        assert Golongan.IV_D < Golongan.IV_E
        assert not Golongan.III_A <= Golongan.II_D

    @pytest.mark.parametrize("compare", COMPARISONS)
    @pytest.mark.parametrize("other", [3, "III/c", None, Eselon.III_A])
    def test_foreign_types_do_not_compare(
        self, compare: Callable[[object, object], bool], other: object
    ) -> None:
        """Comparing with a non-Golongan raises TypeError (the methods return NotImplemented)."""
        with pytest.raises(TypeError):
            compare(Golongan.I_A, other)
        with pytest.raises(TypeError):
            compare(other, Golongan.I_A)

    def test_dunder_returns_not_implemented(self) -> None:
        """The comparison methods themselves return NotImplemented for a foreign type."""
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert NotImplemented is getattr(Golongan.I_A, name)(3)

    def test_not_equal_to_its_text(self) -> None:
        """A Golongan is an Enum, not a str: it never equals its own text."""
        text: object = "III/c"
        assert Golongan.III_C != text
        assert len(Golongan) == len(set(Golongan))


class TestGolonganAttributes:
    @pytest.mark.parametrize(("text", "pangkat"), PANGKAT.items())
    def test_pangkat(self, text: str, pangkat: str) -> None:
        """The pangkat of each golongan/ruang is exactly the name in sources: golongan."""
        assert pangkat == Golongan.parse(text).pangkat

    @pytest.mark.parametrize("golongan", list(Golongan))
    def test_group_ruang_and_group_name(self, golongan: Golongan) -> None:
        """group and ruang split the text, and group_name is that group's sources: golongan name."""
        roman, ruang = str(golongan).split("/")
        assert ["I", "II", "III", "IV"].index(roman) + 1 == golongan.group
        assert ruang == golongan.ruang
        assert GROUP_NAMES[golongan.group] == golongan.group_name

    def test_str_and_format(self) -> None:
        """str() and f-strings give the canonical text."""
        assert "III/c" == str(Golongan.III_C)
        assert "gol. IV/e" == f"gol. {Golongan.IV_E}"

    def test_known_values(self) -> None:
        """A few attributes spelled out, independent of any table."""
        assert (11, 3, "c", "Penata", "Penata") == (
            Golongan.III_C.rank,
            Golongan.III_C.group,
            Golongan.III_C.ruang,
            Golongan.III_C.pangkat,
            Golongan.III_C.group_name,
        )
        assert (17, 4, "e") == (Golongan.IV_E.rank, Golongan.IV_E.group, Golongan.IV_E.ruang)


class TestGolonganParse:
    @pytest.mark.parametrize("golongan", list(Golongan))
    def test_round_trip(self, golongan: Golongan) -> None:
        """Golongan.parse(str(g)) is g for every member."""
        assert golongan is Golongan.parse(str(golongan))

    @pytest.mark.parametrize(
        "text", ["III/c", "III/C", "III / c", "III /c", "III/ C", " III/c ", "\tIII/c\n"]
    )
    def test_accepts_friendly_variants(self, text: str) -> None:
        """Spaces around the slash or the text, and an upper-case ruang, are accepted."""
        assert Golongan.III_C is Golongan.parse(text)

    @pytest.mark.parametrize(
        "text",
        ["", " ", "/", "III", "IIIc", "III-c", "III.c", "iii/c", "Iii/c", "3/c", "III/", "/c",
         "III/cc", "III/1", "III//c", "III/c/d", "III/é", "Ⅲ/c", "gol III/c", NIP],
    )  # fmt: skip
    def test_rejects_junk_as_format_error(self, text: str) -> None:
        """Text not written like III/c raises InvalidFormat with code golongan.format."""
        with pytest.raises(InvalidFormat) as info:
            Golongan.parse(text)
        assert "golongan.format" == info.value.code

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [("I/e", "I/e"), ("V/a", "V/a"), ("II/E", "II/e"), ("IV/f", "IV/f"), ("IIII/a", "IIII/a"),
         ("X/z", "X/z"), ("VI / b", "VI/b")],
    )  # fmt: skip
    def test_rejects_unknown_as_reference_error(self, text: str, canonical: str) -> None:
        """A well-formed but non-existent golongan raises golongan.unknown naming it."""
        with pytest.raises(UnknownReferenceError) as info:
            Golongan.parse(text)
        assert "golongan.unknown" == info.value.code
        assert {"value": canonical} == dict(info.value.params)

    @pytest.mark.parametrize("value", [None, 3, b"III/c", Golongan.III_C, ["III/c"]])
    def test_rejects_non_strings(self, value: object) -> None:
        """A non-string raises InvalidType with code data.type naming the type."""
        with pytest.raises(InvalidType) as info:
            Golongan.parse(value)  # type: ignore[arg-type]
        assert ("data.type", type(value).__name__) == (info.value.code, info.value.params["got"])

    def test_long_junk_is_cut_in_params(self) -> None:
        """A NIP pasted into the field never appears whole in the error or its message."""
        with pytest.raises(InvalidFormat) as info:
            Golongan.parse(NIP)
        assert "1986…" == info.value.params["value"]
        assert NIP not in info.value.message("id") + info.value.message("en") + str(info.value)

    def test_short_junk_is_shown_in_params(self) -> None:
        """Short junk is echoed verbatim so the user sees what was wrong."""
        with pytest.raises(InvalidFormat) as info:
            Golongan.parse("III-c")
        assert {"value": "III-c"} == dict(info.value.params)

    @given(st.text())
    @example("IV/E")
    @example("i/a")
    def test_arbitrary_text_raises_only_library_errors(self, text: str) -> None:
        """Any text either parses to a member that prints like it or raises a library error."""
        outcome = _outcome(Golongan.parse, text)
        if isinstance(outcome, Golongan):
            assert "".join(text.split()).lower() == outcome.value.lower()
        else:
            assert outcome in {"golongan.format", "golongan.unknown"}

    @given(st.from_regex(r"[ IVXivx/a-fA-F0-9.\-]{0,8}", fullmatch=True))
    def test_near_misses_raise_only_library_errors(self, text: str) -> None:
        """Text made of golongan-like characters parses or raises a golongan error."""
        outcome = _outcome(Golongan.parse, text)
        if isinstance(outcome, Golongan):
            assert text.replace(" ", "").lower() == outcome.value.lower()
        else:
            assert outcome in {"golongan.format", "golongan.unknown"}


class TestGolonganFromRank:
    @pytest.mark.parametrize("golongan", list(Golongan))
    def test_round_trip(self, golongan: Golongan) -> None:
        """from_rank(g.rank) is g for every member."""
        assert golongan is Golongan.from_rank(golongan.rank)

    @pytest.mark.parametrize("rank", [0, 18, -1, 10**20])
    def test_out_of_range(self, rank: int) -> None:
        """A rank outside 1-17 raises UnknownReferenceError golongan.rank."""
        with pytest.raises(UnknownReferenceError) as info:
            Golongan.from_rank(rank)
        assert ("golongan.rank", rank) == (info.value.code, info.value.params["rank"])

    @pytest.mark.parametrize("rank", [True, 1.0, "1", None])
    def test_rejects_non_int(self, rank: object) -> None:
        """A non-int (a bool included) raises InvalidType data.type."""
        with pytest.raises(InvalidType) as info:
            Golongan.from_rank(rank)  # type: ignore[arg-type]
        assert "data.type" == info.value.code


class TestGolonganStep:
    def test_steps_cross_groups(self) -> None:
        """Stepping moves along the 17-step ladder across group boundaries."""
        assert Golongan.III_A == Golongan.II_D.step(1)
        assert Golongan.II_D == Golongan.III_A.step(-1)
        assert Golongan.IV_E == Golongan.I_A.step(16)
        assert Golongan.III_C == Golongan.III_C.step(0)

    @given(st.sampled_from(Golongan), st.integers(min_value=-20, max_value=20))
    def test_step_matches_rank(self, golongan: Golongan, steps: int) -> None:
        """A step lands on rank + steps, or raises golongan.rank when off the ladder."""
        target = golongan.rank + steps
        if 1 <= target <= 17:
            assert target == golongan.step(steps).rank
        else:
            with pytest.raises(UnknownReferenceError, match=r"golongan\.rank"):
                golongan.step(steps)

    @pytest.mark.parametrize("steps", [False, 1.5, "1"])
    def test_rejects_non_int(self, steps: object) -> None:
        """A non-int step (a bool included) raises InvalidType data.type."""
        with pytest.raises(InvalidType, match=r"data\.type"):
            Golongan.III_A.step(steps)  # type: ignore[arg-type]


class TestEselonOrder:
    def test_members_most_senior_first(self) -> None:
        """The nine eselon are defined from I.a down to V.a with seniority 9 to 1."""
        assert ESELON_MOST_SENIOR_FIRST == [str(e) for e in Eselon]
        assert list(range(9, 0, -1)) == [e.seniority for e in Eselon]

    def test_more_senior_compares_greater(self) -> None:
        """A more senior eselon compares greater: I.a > II.b > V.a, max() is the most senior."""
        assert Eselon.I_A > Eselon.II_B > Eselon.V_A
        assert Eselon.IV_B < Eselon.IV_A <= Eselon.IV_A
        assert Eselon.III_A >= Eselon.III_B
        assert Eselon.I_A == max(Eselon)
        assert Eselon.V_A == min(Eselon)

    @given(st.sampled_from(Eselon), st.sampled_from(Eselon))
    def test_comparisons_follow_seniority(self, left: Eselon, right: Eselon) -> None:
        """Every comparison of two eselon agrees with comparing their seniority."""
        for compare in COMPARISONS:
            assert compare(left.seniority, right.seniority) is compare(left, right)

    @pytest.mark.parametrize("compare", COMPARISONS)
    @pytest.mark.parametrize("other", [1, "II.b", Golongan.IV_A])
    def test_foreign_types_do_not_compare(
        self, compare: Callable[[object, object], bool], other: object
    ) -> None:
        """Comparing with a non-Eselon raises TypeError (the methods return NotImplemented)."""
        with pytest.raises(TypeError):
            compare(Eselon.II_B, other)
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert NotImplemented is getattr(Eselon.II_B, name)(other)

    @pytest.mark.parametrize("eselon", list(Eselon))
    def test_group(self, eselon: Eselon) -> None:
        """group is the Roman numeral of the text as a number 1-5."""
        roman = str(eselon).split(".")[0]
        assert ["I", "II", "III", "IV", "V"].index(roman) + 1 == eselon.group


class TestEselonParse:
    @pytest.mark.parametrize("eselon", list(Eselon))
    def test_round_trip(self, eselon: Eselon) -> None:
        """Eselon.parse(str(e)) is e for every member."""
        assert eselon is Eselon.parse(str(eselon))

    @pytest.mark.parametrize(
        "text", ["II.b", "II.B", "II b", "IIb", "IIB", "II. b", "II .b", "  II.b\n", "II  B"]
    )
    def test_accepts_friendly_variants(self, text: str) -> None:
        """A dot, spaces or nothing between the parts, and either letter case, are accepted."""
        assert Eselon.II_B is Eselon.parse(text)

    @pytest.mark.parametrize(
        "text",
        ["", ".", "II", "II/b", "2b", "2.b", "ii.b", "II..b", "II.bb", "II.1", "II-b", "b",
         "II.é", "eselon II.b", "IIII", NIP],
    )  # fmt: skip
    def test_rejects_junk_as_format_error(self, text: str) -> None:
        """Text not written like II.b raises InvalidFormat with code eselon.format."""
        with pytest.raises(InvalidFormat) as info:
            Eselon.parse(text)
        assert "eselon.format" == info.value.code

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [("V.b", "V.b"), ("I.c", "I.c"), ("VI.a", "VI.a"), ("IVc", "IV.c"), ("X A", "X.a")],
    )
    def test_rejects_unknown_as_reference_error(self, text: str, canonical: str) -> None:
        """A well-formed but non-existent eselon raises eselon.unknown naming it."""
        with pytest.raises(UnknownReferenceError) as info:
            Eselon.parse(text)
        assert ("eselon.unknown", canonical) == (info.value.code, info.value.params["value"])

    @pytest.mark.parametrize("value", [None, 2, Eselon.II_B])
    def test_rejects_non_strings(self, value: object) -> None:
        """A non-string raises InvalidType with code data.type."""
        with pytest.raises(InvalidType) as info:
            Eselon.parse(value)  # type: ignore[arg-type]
        assert "data.type" == info.value.code

    def test_long_junk_is_cut_in_params(self) -> None:
        """A NIP pasted into the field never appears whole in the error params."""
        with pytest.raises(InvalidFormat) as info:
            Eselon.parse(NIP)
        assert {"value": "1986…"} == dict(info.value.params)

    @given(st.text())
    @example("IV.E")
    def test_arbitrary_text_raises_only_library_errors(self, text: str) -> None:
        """Any text either parses to a member or raises an eselon library error."""
        outcome = _outcome(Eselon.parse, text)
        if isinstance(outcome, Eselon):
            squeezed = "".join(text.split()).replace(".", "", 1).lower()
            assert squeezed == outcome.value.replace(".", "").lower()
        else:
            assert outcome in {"eselon.format", "eselon.unknown"}

    @given(st.from_regex(r"[ IVXivx./a-cA-C0-9]{0,6}", fullmatch=True))
    def test_near_misses_raise_only_library_errors(self, text: str) -> None:
        """Text made of eselon-like characters parses or raises an eselon error."""
        outcome = _outcome(Eselon.parse, text)
        if isinstance(outcome, Eselon):
            squeezed = text.replace(" ", "").replace(".", "").lower()
            assert squeezed == outcome.value.replace(".", "").lower()
        else:
            assert outcome in {"eselon.format", "eselon.unknown"}


class TestEselonFamily:
    @pytest.mark.parametrize(("text", "family"), ESELON_FAMILY.items())
    def test_family(self, text: str, family: PositionFamily) -> None:
        """Each eselon maps to its sources: eselon-equivalence family (I.a defaults to JPT
        Madya)."""
        assert family is Eselon.parse(text).family

    def test_i_a_has_two_families(self) -> None:
        """I.a may also be JPT Utama (head of a non-ministerial agency); default first."""
        assert (PositionFamily.JPT_MADYA, PositionFamily.JPT_UTAMA) == Eselon.I_A.families

    @pytest.mark.parametrize("eselon", [e for e in Eselon if e is not Eselon.I_A])
    def test_others_have_one_family(self, eselon: Eselon) -> None:
        """Every other eselon has exactly its default family."""
        assert (eselon.family,) == eselon.families

    def test_every_eselon_family_is_managerial_except_v(self) -> None:
        """Eselon I-IV map to managerial families; V.a maps to Pelaksana, which is not."""
        assert [e is not Eselon.V_A for e in Eselon] == [e.family.is_managerial for e in Eselon]


class TestEselonPangkatRange:
    @pytest.mark.parametrize(("text", "expected"), ESELON_RANGES.items())
    def test_range_matches_reference(self, text: str, expected: tuple[str, str]) -> None:
        """Each eselon's range is exactly the sources: pangkat-range row, pangkat names included."""
        lowest, highest = Eselon.parse(text).pangkat_range
        assert expected == (_pangkat_label(lowest), _pangkat_label(highest))

    @pytest.mark.parametrize("eselon", list(Eselon))
    def test_range_is_ordered(self, eselon: Eselon) -> None:
        """The lowest pangkat of a range never ranks above its highest."""
        lowest, highest = eselon.pangkat_range
        assert lowest < highest

    def test_more_senior_never_has_a_lower_floor(self) -> None:
        """Going up in seniority never lowers the minimum pangkat (a sanity check of sources:
        pangkat-range)."""
        floors = [e.pangkat_range[0].rank for e in sorted(Eselon)]
        assert sorted(floors) == floors


class TestGolonganFit:
    @pytest.mark.parametrize(
        ("golongan", "fit"),
        [
            (Golongan.III_A, GolonganFit.BELOW_ALLOWED),
            (Golongan.III_B, GolonganFit.ONE_STEP_BELOW),
            (Golongan.III_C, GolonganFit.WITHIN),
            (Golongan.III_D, GolonganFit.WITHIN),
            (Golongan.IV_A, GolonganFit.ABOVE),
            (Golongan.I_A, GolonganFit.BELOW_ALLOWED),
            (Golongan.IV_E, GolonganFit.ABOVE),
        ],
    )
    def test_lurah_eselon_iv_a(self, golongan: Golongan, fit: GolonganFit) -> None:
        """Against IV.a (III/c-III/d): III/b is one step below, III/a too low, IV/a above."""
        assert fit is Eselon.IV_A.golongan_fit(golongan)

    def test_one_step_below_crosses_groups(self) -> None:
        """For V.a (from III/a) the step below is II/d, and for III.a (from IV/a) it is III/d."""
        assert GolonganFit.ONE_STEP_BELOW is Eselon.V_A.golongan_fit(Golongan.II_D)
        assert GolonganFit.BELOW_ALLOWED is Eselon.V_A.golongan_fit(Golongan.II_C)
        assert GolonganFit.ONE_STEP_BELOW is Eselon.III_A.golongan_fit(Golongan.III_D)

    def test_top_of_ladder_is_never_above_i_a(self) -> None:
        """I.a reaches IV/e, so no golongan is above its range."""
        assert GolonganFit.WITHIN is Eselon.I_A.golongan_fit(Golongan.IV_E)

    @given(st.sampled_from(Eselon), st.sampled_from(Golongan))
    def test_classification_matches_range(self, eselon: Eselon, golongan: Golongan) -> None:
        """The fit agrees with the rank's distance from the range's ends."""
        lowest, highest = eselon.pangkat_range
        expected = (
            GolonganFit.BELOW_ALLOWED
            if golongan.rank < lowest.rank - 1
            else GolonganFit.ONE_STEP_BELOW
            if golongan.rank == lowest.rank - 1
            else GolonganFit.ABOVE
            if golongan.rank > highest.rank
            else GolonganFit.WITHIN
        )
        assert expected is eselon.golongan_fit(golongan)

    @pytest.mark.parametrize("value", ["III/c", 11, None])
    def test_rejects_non_golongan(self, value: object) -> None:
        """A non-Golongan raises InvalidType data.type rather than AttributeError."""
        with pytest.raises(InvalidType) as info:
            Eselon.IV_A.golongan_fit(value)  # type: ignore[arg-type]
        assert ("data.type", "Golongan") == (info.value.code, info.value.params["expected"])


class TestPositionFamily:
    def test_values(self) -> None:
        """The seven families of UU 20/2023 with lowercase snake-case values."""
        assert [
            "jpt_utama",
            "jpt_madya",
            "jpt_pratama",
            "administrator",
            "pengawas",
            "fungsional",
            "pelaksana",
        ] == [f.value for f in PositionFamily]

    def test_is_managerial(self) -> None:
        """The three JPT, Administrator and Pengawas are managerial; the other two are not."""
        managerial = {f for f in PositionFamily if f.is_managerial}
        assert {
            PositionFamily.JPT_UTAMA,
            PositionFamily.JPT_MADYA,
            PositionFamily.JPT_PRATAMA,
            PositionFamily.ADMINISTRATOR,
            PositionFamily.PENGAWAS,
        } == managerial

    def test_labels(self) -> None:
        """Each family has its Indonesian label."""
        assert [
            "JPT Utama",
            "JPT Madya",
            "JPT Pratama",
            "Administrator",
            "Pengawas",
            "Fungsional",
            "Pelaksana",
        ] == [f.label for f in PositionFamily]


class TestAsnType:
    def test_values(self) -> None:
        """ASN comprises exactly PNS and PPPK, valued by their abbreviations."""
        assert ["PNS", "PPPK"] == [t.value for t in AsnType]
        assert AsnType.PPPK is AsnType("PPPK")


class TestSex:
    def test_values(self) -> None:
        """Sex values are the Indonesian initials L and P."""
        assert ("L", "P") == (Sex.MALE.value, Sex.FEMALE.value)

    @pytest.mark.parametrize("sex", list(Sex))
    def test_digit_round_trip(self, sex: Sex) -> None:
        """from_nip_digit(s.nip_digit) is s, with 1 for male and 2 for female."""
        assert sex is Sex.from_nip_digit(sex.nip_digit)
        assert {"L": "1", "P": "2"}[sex.value] == sex.nip_digit

    @pytest.mark.parametrize("digit", ["0", "3", "9", "", " 1", "12", "L", "١"])
    def test_other_digits_raise(self, digit: str) -> None:
        """Any string other than 1 or 2 raises InvalidComponent ranks.sex_digit."""
        with pytest.raises(InvalidComponent) as info:
            Sex.from_nip_digit(digit)
        assert ("ranks.sex_digit", digit) == (info.value.code, info.value.params["digit"])

    @pytest.mark.parametrize("digit", [1, 2, None])
    def test_non_strings_raise_type_error(self, digit: object) -> None:
        """A non-string, even the int 1, raises InvalidType data.type."""
        with pytest.raises(InvalidType) as info:
            Sex.from_nip_digit(digit)  # type: ignore[arg-type]
        assert "data.type" == info.value.code

    def test_whole_nip_is_cut_in_params(self) -> None:
        """A whole NIP passed as the digit never appears in the error."""
        with pytest.raises(InvalidComponent) as info:
            Sex.from_nip_digit(NIP)
        assert NIP not in str(info.value.params) + info.value.message("id")


class TestMessages:
    @pytest.mark.parametrize("code", RANKS_CODES)
    def test_every_code_has_both_languages(self, code: str) -> None:
        """Each code this module raises has an Indonesian and an English template."""
        assert ["en", "id"] == sorted(catalogue()[code])

    def test_rendered_messages_fill_params(self) -> None:
        """Rendered messages carry the offending value in both languages."""
        with pytest.raises(UnknownReferenceError) as info:
            Golongan.parse("V/a")
        assert "V/a" in info.value.message("id")
        assert "V/a" in info.value.message("en")

    def test_library_errors_share_the_root(self) -> None:
        """All errors raised here are BirokrasiRetreatError and ValueError or LookupError."""
        for call in (lambda: Golongan.parse("x"), lambda: Eselon.parse("V.b")):
            with pytest.raises(BirokrasiRetreatError) as info:
                call()
            assert isinstance(info.value, ValueError | LookupError)
