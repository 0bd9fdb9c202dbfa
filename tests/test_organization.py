"""Tests for birokrasi_retreat.organization: Pemda, units, posts, officials, appointments.

Every NIP here is synthetic; ``198609262015051001`` is the documented example of the
sources (sources: nip-layout) and ``199001012024211002`` the NI PPPK layout example (sources:
ni-pppk-layout).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
    ValidationErrorGroup,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    FunctionalLevel,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PemdaKind,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Callable


EXAMPLE = "198609262015051001"
EXAMPLE_SPACED = "19860926 201505 1 001"
EXAMPLE_MASKED = "******** ****** * 001"
PPPK_NI = "199001012024211002"
E = TypeVar("E", bound=BirokrasiRetreatError)


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _raises(kind: type[E], code: str, path: str, build: Callable[[], object]) -> E:
    """Run ``build``, expect ``kind`` with ``code`` at ``path``, and render it in both languages."""
    with pytest.raises(kind) as info:
        build()
    error = info.value
    assert (code, path) == (error.code, error.path)
    for lang in ("id", "en"):
        text = error.message(lang)
        assert code != text
        assert "{" not in text
    return error


def _official(**changes: Any) -> Official:
    """A valid PNS official, with ``changes`` applied."""
    fields: dict[str, Any] = {"nip": EXAMPLE, "name": "Budi Santoso", "sex": Sex.MALE}
    fields.update(changes)
    return Official(**fields)


def _position(**changes: Any) -> Position:
    """A valid post (a camat), with ``changes`` applied."""
    fields: dict[str, Any] = {
        "id": "camat-klojen",
        "title": "Camat Klojen",
        "unit": "kec-klojen",
        "family": PositionFamily.ADMINISTRATOR,
        "eselon": Eselon.III_A,
        "heads_unit": True,
    }
    fields.update(changes)
    return Position(**fields)


def _appointment(**changes: Any) -> Appointment:
    """A valid open-ended definitive appointment, with ``changes`` applied."""
    fields: dict[str, Any] = {
        "nip": EXAMPLE,
        "position": "camat-klojen",
        "start": pendulum.Date(2024, 1, 2),
    }
    fields.update(changes)
    return Appointment(**fields)


class TestPemdaKind:
    @pytest.mark.parametrize(
        ("kind", "title"),
        [
            (PemdaKind.PROVINSI, "Gubernur"),
            (PemdaKind.KABUPATEN, "Bupati"),
            (PemdaKind.KOTA, "Wali Kota"),
        ],
    )
    def test_head_title(self, kind: PemdaKind, title: str) -> None:
        """Each kind of Pemda is headed by its own elected title."""
        assert title == kind.head_title

    def test_values(self) -> None:
        """The kinds load from their lower-case names."""
        assert [PemdaKind.PROVINSI, PemdaKind.KABUPATEN, PemdaKind.KOTA] == [
            PemdaKind("provinsi"),
            PemdaKind("kabupaten"),
            PemdaKind("kota"),
        ]


class TestUnitKind:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (UnitKind.SEKRETARIAT_DAERAH, True),
            (UnitKind.SEKRETARIAT_DPRD, True),
            (UnitKind.INSPEKTORAT, True),
            (UnitKind.DINAS, True),
            (UnitKind.BADAN, True),
            (UnitKind.KECAMATAN, True),
            (UnitKind.KELURAHAN, False),
            (UnitKind.BAGIAN, False),
            (UnitKind.BIDANG, False),
            (UnitKind.SUB_UNIT, False),
            (UnitKind.BUMD, False),
        ],
    )
    def test_is_perangkat_daerah(self, kind: UnitKind, expected: bool) -> None:
        """Only the six kinds of PP 18/2016 Pasal 5 are perangkat daerah in their own right."""
        assert expected is kind.is_perangkat_daerah

    def test_every_member_is_classified(self) -> None:
        """The parametrized table above covers every member."""
        assert 11 == len(UnitKind)


class TestAppointmentKind:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (AppointmentKind.DEFINITIF, False),
            (AppointmentKind.PLT, True),
            (AppointmentKind.PLH, True),
            (AppointmentKind.PJ, True),
        ],
    )
    def test_is_acting(self, kind: AppointmentKind, expected: bool) -> None:
        """Plt, Plh and Pj only act in a post; a definitive appointment does not."""
        assert expected is kind.is_acting


class TestPemdaHeadName:
    def test_blank_head_name_is_refused(self) -> None:
        """A head name, when given, is not blank."""
        with pytest.raises(InvalidFormat) as exc:
            Pemda(
                kind=PemdaKind.KOTA,
                name="Kota Malang",
                kode=KodeWilayah(code="35.73"),
                head_name=" ",
            )
        assert ("org.blank", "head_name") == (exc.value.code, exc.value.path)


class TestPemda:
    @pytest.mark.parametrize(
        ("kind", "code", "timezone", "title"),
        [
            (PemdaKind.KOTA, "35.73", "Asia/Jakarta", "Wali Kota"),
            (PemdaKind.KOTA, "74.71", "Asia/Makassar", "Wali Kota"),
            (PemdaKind.KOTA, "91.71", "Asia/Jayapura", "Wali Kota"),
            (PemdaKind.KABUPATEN, "35.07", "Asia/Jakarta", "Bupati"),
            (PemdaKind.PROVINSI, "35", "Asia/Jakarta", "Gubernur"),
        ],
    )
    def test_valid(self, kind: PemdaKind, code: str, timezone: str, title: str) -> None:
        """A Pemda derives its time zone from its code and its head's title from its kind."""
        pemda = Pemda(kind=kind, name="Pemda", kode=KodeWilayah(code=code))
        assert (timezone, title) == (pemda.timezone, pemda.head_title)

    @pytest.mark.parametrize(
        ("kind", "code"),
        [
            (PemdaKind.KOTA, "35.71"),
            (PemdaKind.KOTA, "35.99"),
            (PemdaKind.KABUPATEN, "35.01"),
            (PemdaKind.KABUPATEN, "35.69"),
        ],
    )
    def test_range_bounds_accepted(self, kind: PemdaKind, code: str) -> None:
        """Kota codes run 71-99 and kabupaten codes 01-69, bounds included."""
        assert (
            KodeWilayah(code=code) == Pemda(kind=kind, name="P", kode=KodeWilayah(code=code)).kode
        )

    @pytest.mark.parametrize(
        ("kind", "code"),
        [
            (PemdaKind.KOTA, "35.07"),
            (PemdaKind.KOTA, "35.69"),
            (PemdaKind.KOTA, "35.70"),
            (PemdaKind.KABUPATEN, "35.73"),
            (PemdaKind.KABUPATEN, "35.71"),
            (PemdaKind.KABUPATEN, "35.70"),
        ],
    )
    def test_kind_must_fit_code(self, kind: PemdaKind, code: str) -> None:
        """A kota needs a kota code and a kabupaten a kabupaten code (70 is neither)."""
        error = _raises(
            InvalidComponent,
            "org.pemda_kind",
            "kode",
            lambda: Pemda(kind=kind, name="P", kode=KodeWilayah(code=code)),
        )
        assert {"kind": kind.value, "kode": code} == error.params

    @pytest.mark.parametrize(
        ("kind", "code", "expected", "got"),
        [
            (PemdaKind.PROVINSI, "35.73", "provinsi", "kabupaten_kota"),
            (PemdaKind.KOTA, "35", "kabupaten_kota", "provinsi"),
            (PemdaKind.KABUPATEN, "35.07.01", "kabupaten_kota", "kecamatan"),
            (PemdaKind.KOTA, "35.73.03.1006", "kabupaten_kota", "desa_kelurahan"),
        ],
    )
    def test_level_must_fit_kind(self, kind: PemdaKind, code: str, expected: str, got: str) -> None:
        """A provinsi has a provinsi-level code; a kota or kabupaten a kabupaten/kota one."""
        error = _raises(
            InvalidComponent,
            "wilayah.level",
            "kode",
            lambda: Pemda(kind=kind, name="P", kode=KodeWilayah(code=code)),
        )
        assert {"expected": expected, "got": got} == error.params

    def test_code_as_text_is_stored_as_value(self) -> None:
        """A code given as text is stored as a KodeWilayah, as one read from a file."""
        pemda = Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=_any("35.73"))
        assert KodeWilayah(code="35.73") == pemda.kode

    def test_malformed_code_text(self) -> None:
        """A malformed code given as text is reported at the kode field."""
        _raises(
            InvalidFormat,
            "wilayah.format",
            "kode",
            lambda: Pemda(kind=PemdaKind.KOTA, name="P", kode=_any("35.7x")),
        )

    def test_code_of_wrong_type(self) -> None:
        """A code that is neither text nor a KodeWilayah is refused at the kode field."""
        _raises(
            InvalidType,
            "data.type",
            "kode",
            lambda: Pemda(kind=PemdaKind.KOTA, name="P", kode=_any(3573)),
        )

    @pytest.mark.parametrize("name", ["", " ", "\t\n"])
    def test_blank_name(self, name: str) -> None:
        """A Pemda must have a name."""
        error = _raises(
            InvalidFormat,
            "org.blank",
            "name",
            lambda: Pemda(kind=PemdaKind.KOTA, name=name, kode=KodeWilayah(code="35.73")),
        )
        assert {"field": "name"} == error.params

    def test_name_of_wrong_type(self) -> None:
        """A name that is not text is refused with data.type at the field."""
        _raises(
            InvalidType,
            "data.type",
            "name",
            lambda: Pemda(kind=PemdaKind.KOTA, name=_any(None), kode=KodeWilayah(code="35.73")),
        )


class TestPerangkatDaerah:
    def test_valid(self) -> None:
        """A Bagian names the Setda as its parent."""
        bagian = PerangkatDaerah(
            id="bagian-hukum", name="Bagian Hukum", kind=UnitKind.BAGIAN, parent="setda"
        )
        assert ("bagian-hukum", "setda", UnitKind.BAGIAN) == (bagian.id, bagian.parent, bagian.kind)

    def test_parent_defaults_to_none(self) -> None:
        """A unit directly under the head of the Pemda has no parent."""
        assert (
            PerangkatDaerah(id="dinkes", name="Dinas Kesehatan", kind=UnitKind.DINAS).parent is None
        )

    @pytest.mark.parametrize("kind", [UnitKind.KECAMATAN, UnitKind.KELURAHAN])
    def test_kecamatan_and_kelurahan_kinds_refused(self, kind: UnitKind) -> None:
        """Kecamatan and kelurahan have their own classes, carrying their codes."""
        error = _raises(
            InvalidComponent,
            "org.unit_kind",
            "kind",
            lambda: PerangkatDaerah(id="klojen", name="Klojen", kind=kind),
        )
        assert {"kind": kind.value} == error.params

    @pytest.mark.parametrize(
        "kind", [k for k in UnitKind if k not in {UnitKind.KECAMATAN, UnitKind.KELURAHAN}]
    )
    def test_other_kinds_accepted(self, kind: UnitKind) -> None:
        """Every other kind, including BUMD, is a PerangkatDaerah record."""
        assert kind is PerangkatDaerah(id="u", name="Unit", kind=kind).kind

    @pytest.mark.parametrize(
        "bad_id", ["", " dinkes", "dinkes ", "din\nkes", "din\x00kes", "\u200b"]
    )
    def test_bad_id(self, bad_id: str) -> None:
        """An id must be non-empty, unpadded and printable."""
        error = _raises(
            InvalidFormat,
            "org.id",
            "id",
            lambda: PerangkatDaerah(id=bad_id, name="Dinas", kind=UnitKind.DINAS),
        )
        assert {"field": "id"} == error.params

    @pytest.mark.parametrize("good_id", ["dinas kesehatan", "Dinkes/2025", "é"])
    def test_inner_spaces_and_letters_allowed(self, good_id: str) -> None:
        """An id is the user's own key: inner spaces and any printable letters are fine."""
        assert good_id == PerangkatDaerah(id=good_id, name="Dinas", kind=UnitKind.DINAS).id

    def test_id_of_wrong_type(self) -> None:
        """An id that is not text is refused with data.type."""
        _raises(
            InvalidType,
            "data.type",
            "id",
            lambda: PerangkatDaerah(id=_any(7), name="Dinas", kind=UnitKind.DINAS),
        )

    @pytest.mark.parametrize("name", ["", "   "])
    def test_blank_name(self, name: str) -> None:
        """A unit must have a name."""
        _raises(
            InvalidFormat,
            "org.blank",
            "name",
            lambda: PerangkatDaerah(id="dinkes", name=name, kind=UnitKind.DINAS),
        )


class TestKecamatan:
    def test_valid(self) -> None:
        """A kecamatan carries its kecamatan-level code; its kind is fixed and it has no parent."""
        kecamatan = Kecamatan(id="kec-klojen", name="Klojen", kode=KodeWilayah(code="35.73.02"))
        assert (UnitKind.KECAMATAN, None) == (kecamatan.kind, kecamatan.parent)

    def test_code_as_text_is_stored_as_value(self) -> None:
        """A code given as text is stored as a KodeWilayah."""
        kecamatan = Kecamatan(id="k", name="Klojen", kode=_any("357302"))
        assert KodeWilayah(code="35.73.02") == kecamatan.kode

    @pytest.mark.parametrize(
        ("code", "got"),
        [("35.73", "kabupaten_kota"), ("35.73.02.1003", "desa_kelurahan"), ("35", "provinsi")],
    )
    def test_code_level(self, code: str, got: str) -> None:
        """Only a kecamatan-level code is accepted."""
        error = _raises(
            InvalidComponent,
            "wilayah.level",
            "kode",
            lambda: Kecamatan(id="k", name="Klojen", kode=KodeWilayah(code=code)),
        )
        assert {"expected": "kecamatan", "got": got} == error.params

    def test_malformed_code_text(self) -> None:
        """A malformed code given as text is reported at the kode field."""
        _raises(
            InvalidComponent,
            "wilayah.district",
            "kode",
            lambda: Kecamatan(id="k", name="Klojen", kode=_any("35.73.00")),
        )

    def test_bad_id_and_name(self) -> None:
        """The id and name follow the same rules as any unit."""
        _raises(
            InvalidFormat,
            "org.id",
            "id",
            lambda: Kecamatan(id=" k", name="Klojen", kode=KodeWilayah(code="35.73.02")),
        )
        _raises(
            InvalidFormat,
            "org.blank",
            "name",
            lambda: Kecamatan(id="k", name=" ", kode=KodeWilayah(code="35.73.02")),
        )


class TestKelurahan:
    def test_valid(self) -> None:
        """A kelurahan names its kecamatan, which is its parent."""
        kelurahan = Kelurahan(
            id="kel-kedungkandang",
            name="Kedungkandang",
            kode=KodeWilayah(code="35.73.03.1006"),
            kecamatan="kec-kedungkandang",
        )
        assert (UnitKind.KELURAHAN, "kec-kedungkandang") == (kelurahan.kind, kelurahan.parent)

    def test_desa_code_accepted(self) -> None:
        """A desa code is left for rule ORG004 to report: the model does not refuse it."""
        kelurahan = Kelurahan(
            id="k", name="Tulungrejo", kode=KodeWilayah(code="35.79.02.2001"), kecamatan="bumiaji"
        )
        assert kelurahan.kode.is_desa

    @pytest.mark.parametrize(
        ("code", "got"), [("35.73.03", "kecamatan"), ("35.73", "kabupaten_kota")]
    )
    def test_code_level(self, code: str, got: str) -> None:
        """Only a desa/kelurahan-level code is accepted."""
        error = _raises(
            InvalidComponent,
            "wilayah.level",
            "kode",
            lambda: Kelurahan(id="k", name="K", kode=KodeWilayah(code=code), kecamatan="kec"),
        )
        assert {"expected": "desa_kelurahan", "got": got} == error.params

    def test_code_as_text_is_stored_as_value(self) -> None:
        """A code given as text is stored as a KodeWilayah."""
        kelurahan = Kelurahan(id="k", name="K", kode=_any("3573031006"), kecamatan="kec")
        assert KodeWilayah(code="35.73.03.1006") == kelurahan.kode

    @pytest.mark.parametrize("kecamatan", ["", "kec ", "kec\t"])
    def test_bad_kecamatan_id(self, kecamatan: str) -> None:
        """The kecamatan reference is an id like any other."""
        error = _raises(
            InvalidFormat,
            "org.id",
            "kecamatan",
            lambda: Kelurahan(
                id="k", name="K", kode=KodeWilayah(code="35.73.03.1006"), kecamatan=kecamatan
            ),
        )
        assert {"field": "kecamatan"} == error.params


class TestPosition:
    def test_defaults(self) -> None:
        """A post has no eselon, does not head its unit and has no functional level by default."""
        position = Position(id="p", title="Analis", unit="u", family=PositionFamily.PELAKSANA)
        assert (None, False, None) == (
            position.eselon,
            position.heads_unit,
            position.functional_level,
        )

    @pytest.mark.parametrize("level", list(FunctionalLevel))
    def test_functional_level_on_functional_post(self, level: FunctionalLevel) -> None:
        """A functional post may carry any functional level."""
        position = _position(family=PositionFamily.FUNGSIONAL, eselon=None, functional_level=level)
        assert level is position.functional_level

    @pytest.mark.parametrize(
        "family", [f for f in PositionFamily if f is not PositionFamily.FUNGSIONAL]
    )
    def test_functional_level_only_for_functional(self, family: PositionFamily) -> None:
        """A functional level on any other family is refused."""
        error = _raises(
            InvalidComponent,
            "org.functional_level",
            "functional_level",
            lambda: _position(family=family, functional_level=FunctionalLevel.AHLI_MUDA),
        )
        assert {"family": family.value} == error.params

    @pytest.mark.parametrize("title", ["", "  "])
    def test_blank_title(self, title: str) -> None:
        """A post must have a title."""
        error = _raises(InvalidFormat, "org.blank", "title", lambda: _position(title=title))
        assert {"field": "title"} == error.params

    @pytest.mark.parametrize(("field", "value"), [("id", ""), ("unit", " u"), ("unit", "")])
    def test_bad_ids(self, field: str, value: str) -> None:
        """The post's id and its unit reference are checked ids."""
        _raises(InvalidFormat, "org.id", field, lambda: _position(**{field: value}))


class TestOfficial:
    def test_nip_stored_compact(self) -> None:
        """A NIP written with spaces is stored compact."""
        assert EXAMPLE == _official(nip=EXAMPLE_SPACED).nip

    def test_pppk(self) -> None:
        """A PPPK is identified by an NI PPPK and may carry a PPPK grade."""
        official = _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade="IX")
        assert (PPPK_NI, "IX", None) == (official.nip, official.pppk_grade, official.golongan)

    @pytest.mark.parametrize(
        ("number", "asn_type", "kind", "code"),
        [
            (PPPK_NI, AsnType.PNS, InvalidComponent, "nip.tmt_month"),
            ("198609262015051000", AsnType.PNS, InvalidComponent, "nip.sequence"),
            ("198609262015053001", AsnType.PNS, InvalidComponent, "nip.sex"),
            ("198602302015051001", AsnType.PNS, InvalidComponent, "nip.birth_date"),
            ("198609261985051001", AsnType.PNS, InvalidComponent, "nip.tmt_before_birth"),
            ("19860926201505100", AsnType.PNS, InvalidLength, "nip.length"),
            ("19860926201505100X", AsnType.PNS, InvalidFormat, "nip.format"),
            ("199001012024213002", AsnType.PPPK, InvalidComponent, "nip.sex"),
            ("199001011989211002", AsnType.PPPK, InvalidComponent, "nip.tmt_before_birth"),
            ("", AsnType.PPPK, InvalidLength, "nip.length"),
        ],
    )
    def test_nip_validated_for_asn_type(
        self, number: str, asn_type: AsnType, kind: type[ValidationError], code: str
    ) -> None:
        """The number is checked against the layout of its ASN type, at path ``nip``."""
        error = _raises(kind, code, "nip", lambda: _official(nip=number, asn_type=asn_type))
        assert EXAMPLE not in str(error.params)

    def test_nip_of_wrong_type(self) -> None:
        """A NIP that is not text is refused at the nip field."""
        _raises(InvalidType, "data.type", "nip", lambda: _official(nip=_any(198609262015051001)))

    def test_documented_nip_valid_as_both_kinds(self) -> None:
        """The documented PNS number also fits the NI PPPK layout, so it is accepted as PPPK."""
        assert AsnType.PPPK is _official(asn_type=AsnType.PPPK).asn_type

    def test_pppk_with_golongan_refused(self) -> None:
        """A PPPK has no PNS golongan/ruang."""
        _raises(
            InvalidComponent,
            "org.golongan_pppk",
            "golongan",
            lambda: _official(nip=PPPK_NI, asn_type=AsnType.PPPK, golongan=Golongan.III_A),
        )

    def test_pns_with_pppk_grade_refused(self) -> None:
        """A PNS has no PPPK grade."""
        _raises(
            InvalidComponent, "org.pppk_grade_pns", "pppk_grade", lambda: _official(pppk_grade="IX")
        )

    @pytest.mark.parametrize(
        "grade", ["I", "II", "III", "IV", "V", "VI", "IX", "X", "XI", "XIV", "XVII", "XIX"]
    )
    def test_canonical_pppk_grades(self, grade: str) -> None:
        """Canonical Roman numerals are accepted (the upper bound is not enforced)."""
        official = _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade=grade)
        assert grade == official.pppk_grade

    @pytest.mark.parametrize(
        "grade", ["IIII", "VV", "iX", "", "IIX", "VX", "XL", " IX", "IX ", "9", "IL", "LXXX"]
    )
    def test_non_canonical_pppk_grades(self, grade: str) -> None:
        """A grade that is not a canonical Roman numeral is refused, quoting it shortened."""
        error = _raises(
            InvalidFormat,
            "org.pppk_grade",
            "pppk_grade",
            lambda: _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade=grade),
        )
        assert {"value": grade[:8]} == error.params

    def test_long_pppk_grade_is_shortened_in_params(self) -> None:
        """Only the first 8 characters of a wrong grade travel in the error."""
        error = _raises(
            InvalidFormat,
            "org.pppk_grade",
            "pppk_grade",
            lambda: _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade="X" * 3 + "IIII" * 5),
        )
        assert {"value": "XXXIIIII"} == error.params

    def test_pppk_grade_of_wrong_type(self) -> None:
        """A grade that is not text is refused with data.type."""
        _raises(
            InvalidType,
            "data.type",
            "pppk_grade",
            lambda: _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade=_any(9)),
        )

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"front_titles": ("",)}, "front_titles[0]"),
            ({"front_titles": ("Dr.", " ")}, "front_titles[1]"),
            ({"back_titles": ("S.Sos.", "M.Si.", "\t")}, "back_titles[2]"),
        ],
    )
    def test_blank_titles(self, changes: dict[str, Any], path: str) -> None:
        """A blank title is refused at its index."""
        error = _raises(InvalidFormat, "org.blank", path, lambda: _official(**changes))
        assert {"field": path.partition("[")[0]} == error.params

    @pytest.mark.parametrize("field", ["front_titles", "back_titles"])
    def test_titles_as_text_refused(self, field: str) -> None:
        """A single string is not a list of titles (it would split into letters)."""
        _raises(InvalidType, "data.type", field, lambda: _official(**{field: "Dr."}))

    @pytest.mark.parametrize("field", ["front_titles", "back_titles"])
    def test_titles_not_iterable_refused(self, field: str) -> None:
        """Titles must be a collection."""
        _raises(InvalidType, "data.type", field, lambda: _official(**{field: 3}))

    def test_title_of_wrong_type(self) -> None:
        """Each title must be text."""
        _raises(
            InvalidType, "data.type", "back_titles[1]", lambda: _official(back_titles=("S.H.", 1))
        )

    def test_titles_given_as_list_stored_as_tuple(self) -> None:
        """Titles given as a list are stored as a tuple, so the official stays hashable."""
        official = _official(front_titles=["Dr.", "H."], back_titles=iter(["M.Si."]))
        assert (("Dr.", "H."), ("M.Si.",)) == (official.front_titles, official.back_titles)
        assert hash(official) == hash(_official(front_titles=("Dr.", "H."), back_titles=("M.Si.",)))

    @pytest.mark.parametrize("name", ["", "  "])
    def test_blank_name(self, name: str) -> None:
        """An official must have a name."""
        _raises(InvalidFormat, "org.blank", "name", lambda: _official(name=name))

    @pytest.mark.parametrize(
        ("front", "back", "expected"),
        [
            ((), (), "Budi Santoso"),
            (("H.",), (), "H. Budi Santoso"),
            ((), ("S.Sos.",), "Budi Santoso, S.Sos."),
            (("Dr.", "H."), ("S.Sos.", "M.Si."), "Dr. H. Budi Santoso, S.Sos., M.Si."),
            (("Ir.",), ("M.T.",), "Ir. Budi Santoso, M.T."),
        ],
    )
    def test_full_name(self, front: tuple[str, ...], back: tuple[str, ...], expected: str) -> None:
        """Front titles precede the name; back titles follow it, each after a comma."""
        assert expected == _official(front_titles=front, back_titles=back).full_name

    def test_nip_info_pns(self) -> None:
        """The decoded NIP gives the birth date, TMT CPNS and sex of a PNS."""
        info = _official().nip_info
        assert (
            NIP(number=EXAMPLE),
            pendulum.Date(1986, 9, 26),
            pendulum.Date(2015, 5, 1),
            Sex.MALE,
        ) == (info, info.birth_date, info.tmt_cpns, info.sex)

    def test_nip_info_pppk(self) -> None:
        """The decoded NI PPPK is read with the PPPK layout: a year, no TMT month."""
        info = _official(nip=PPPK_NI, asn_type=AsnType.PPPK).nip_info
        assert (AsnType.PPPK, 2024, None, "21") == (
            info.kind,
            info.appointment_year,
            info.tmt_cpns,
            info.pppk_code,
        )

    def test_repr_masks(self) -> None:
        """The repr shows the NIP masked and leaves golongan and birth date out."""
        official = _official(golongan=Golongan.III_C, birth_date=pendulum.Date(1986, 9, 26))
        assert (
            "Official(nip='******** ****** * 001', name='Budi Santoso', sex=<Sex.MALE: 'L'>, "
            "asn_type=<AsnType.PNS: 'PNS'>, front_titles=(), back_titles=())"
        ) == repr(official)

    @given(
        st.one_of(
            st.tuples(brst.nips(), st.just(AsnType.PNS)),
            st.tuples(brst.ni_pppks(), st.just(AsnType.PPPK)),
        )
    )
    def test_repr_and_str_never_show_the_nip(self, drawn: tuple[NIP, AsnType]) -> None:
        """Neither repr nor str contains the NIP, in any spelling, or its birth-date digits."""
        number, asn_type = drawn[0].number, drawn[1]
        official = _official(
            nip=number, asn_type=asn_type, birth_date=drawn[0].birth_date, sex=drawn[0].sex
        )
        appointment = _appointment(nip=number, sk_number="800/12/35.73.402/2025")
        for text in (repr(official), str(official), repr(appointment), str(appointment)):
            assert number not in text
            assert number[:8] not in text
            assert drawn[0].formatted not in text


class TestAppointment:
    def test_defaults(self) -> None:
        """An appointment is definitive and open-ended unless told otherwise."""
        appointment = _appointment(nip=EXAMPLE_SPACED)
        assert (EXAMPLE, None, AppointmentKind.DEFINITIF, None) == (
            appointment.nip,
            appointment.end,
            appointment.kind,
            appointment.sk_number,
        )

    def test_end_before_start(self) -> None:
        """An appointment cannot end before it starts."""
        error = _raises(
            InvalidComponent,
            "org.end_before_start",
            "end",
            lambda: _appointment(start=pendulum.Date(2025, 1, 2), end=pendulum.Date(2025, 1, 1)),
        )
        assert {} == error.params

    def test_one_day_appointment(self) -> None:
        """An appointment may start and end on the same day, which it covers."""
        day = pendulum.Date(2025, 5, 15)
        appointment = _appointment(start=day, end=day, kind=AppointmentKind.PLH)
        assert (False, True, False) == (
            appointment.active_on(day.subtract(days=1)),
            appointment.active_on(day),
            appointment.active_on(day.add(days=1)),
        )

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (pendulum.Date(2024, 1, 1), False),
            (pendulum.Date(2024, 1, 2), True),
            (pendulum.Date(2024, 12, 31), True),
            (pendulum.Date(2025, 1, 1), False),
        ],
    )
    def test_active_on_bounds(self, day: pendulum.Date, expected: bool) -> None:
        """Start and end are both inclusive."""
        appointment = _appointment(end=pendulum.Date(2024, 12, 31))
        assert expected is appointment.active_on(day)

    def test_open_ended_stays_active(self) -> None:
        """An appointment without an end stays in force."""
        assert _appointment().active_on(pendulum.Date(2099, 12, 31))

    def test_bad_position_id(self) -> None:
        """The post reference is a checked id."""
        _raises(InvalidFormat, "org.id", "position", lambda: _appointment(position="camat "))

    def test_nip_of_wrong_type(self) -> None:
        """A NIP that is not text is refused at the nip field."""
        _raises(InvalidType, "data.type", "nip", lambda: _appointment(nip=_any(None)))

    def test_invalid_number_refused(self) -> None:
        """A number valid in no layout is refused here, with the code Official.nip gives."""
        _raises(InvalidLength, "nip.length", "nip", lambda: _appointment(nip="1-2.3"))
        _raises(InvalidComponent, "nip.birth_date", "nip", lambda: _appointment(nip="0" * 18))

    def test_unknown_valid_number_kept_for_the_roster(self) -> None:
        """A valid NIP naming no official is kept: the roster reports it (ORG rules)."""
        assert "199002282015051001" == _appointment(nip="19900228 201505 1 001").nip

    def test_repr_masks(self) -> None:
        """The repr shows the NIP masked."""
        assert repr(_appointment()).startswith(
            f"Appointment(nip='{EXAMPLE_MASKED}', position='camat-klojen', "
        )


def _models() -> list[object]:
    """One of each model, with every optional field set somewhere."""
    return [
        Pemda(
            kind=PemdaKind.KOTA,
            name="Kota Malang",
            kode=KodeWilayah(code="35.73"),
            head_name="Wali Kota Contoh",
        ),
        Pemda(kind=PemdaKind.PROVINSI, name="Provinsi Jawa Timur", kode=KodeWilayah(code="35")),
        PerangkatDaerah(
            id="bagian-hukum", name="Bagian Hukum", kind=UnitKind.BAGIAN, parent="setda"
        ),
        PerangkatDaerah(id="perumda", name="Perumda Air Minum", kind=UnitKind.BUMD),
        Kecamatan(id="kec-klojen", name="Klojen", kode=KodeWilayah(code="35.73.02")),
        Kelurahan(
            id="kel-samaan",
            name="Samaan",
            kode=KodeWilayah(code="35.73.02.1003"),
            kecamatan="kec-klojen",
        ),
        _position(),
        _position(
            id="dokter",
            title="Dokter Ahli Pertama",
            unit="dinkes",
            family=PositionFamily.FUNGSIONAL,
            eselon=None,
            heads_unit=False,
            functional_level=FunctionalLevel.AHLI_PERTAMA,
        ),
        _official(
            front_titles=("H.",),
            back_titles=("S.Sos.", "M.Si."),
            golongan=Golongan.III_C,
            birth_date=pendulum.Date(1986, 9, 26),
        ),
        _official(nip=PPPK_NI, asn_type=AsnType.PPPK, pppk_grade="IX", sex=Sex.FEMALE),
        _appointment(),
        _appointment(
            end=pendulum.Date(2025, 6, 30),
            kind=AppointmentKind.PLT,
            sk_number="800/12/35.73.402/2025",
        ),
    ]


class TestSerialization:
    @pytest.mark.parametrize("model", _models(), ids=repr)
    def test_dict_round_trip(self, model: object) -> None:
        """Every model survives to_dict and from_dict unchanged."""
        assert model == serialization.from_dict(serialization.to_dict(model), type(model))

    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
    @pytest.mark.parametrize("model", _models(), ids=repr)
    def test_text_round_trip(self, model: object, fmt: serialization.Format) -> None:
        """Every model survives dumps and loads in each format."""
        text = serialization.dumps(model, format=fmt)
        assert model == serialization.loads(text, type(model), format=fmt)

    def test_official_plain_data(self) -> None:
        """An official is written with its compact NIP, enum values and ISO dates."""
        official = _official(back_titles=("S.Sos.",), golongan=Golongan.III_C)
        assert {
            "nip": EXAMPLE,
            "name": "Budi Santoso",
            "sex": "L",
            "asn_type": "PNS",
            "front_titles": [],
            "back_titles": ["S.Sos."],
            "golongan": "III/c",
            "pppk_grade": None,
            "birth_date": None,
        } == serialization.to_dict(official)

    def test_kelurahan_plain_data(self) -> None:
        """A kelurahan's code is written dotted."""
        kelurahan = Kelurahan(
            id="k", name="Samaan", kode=KodeWilayah(code="3573021003"), kecamatan="kec"
        )
        assert {"id": "k", "name": "Samaan", "kode": "35.73.02.1003", "kecamatan": "kec"} == (
            serialization.to_dict(kelurahan)
        )

    def test_toml_leaves_out_none(self) -> None:
        """TOML has no null: optional fields left at None are omitted and read back."""
        text = serialization.dumps(_appointment(), format="toml")
        assert "end" not in text
        assert "sk_number" not in text


def _document() -> dict[str, Any]:
    """A small roster as plain data, valid as it stands."""
    return {
        "pemda": {"kind": "kota", "name": "Kota Malang", "kode": "35.73"},
        "perangkat_daerah": [
            {"id": "setda", "name": "Sekretariat Daerah", "kind": "sekretariat_daerah"}
        ],
        "kecamatan": [{"id": "kec-klojen", "name": "Klojen", "kode": "35.73.02"}],
        "kelurahan": [
            {
                "id": "kel-samaan",
                "name": "Samaan",
                "kode": "35.73.02.1003",
                "kecamatan": "kec-klojen",
            }
        ],
        "positions": [
            {"id": "sekda", "title": "Sekda", "unit": "setda", "family": "jpt_pratama"},
            {"id": "lurah", "title": "Lurah Samaan", "unit": "kel-samaan", "family": "pengawas"},
        ],
        "officials": [
            {"nip": "196805121994031003", "name": "Hendra", "sex": "L"},
            {"nip": EXAMPLE, "name": "Budi", "sex": "L", "front_titles": ["H."]},
        ],
        "appointments": [
            {"nip": "196805121994031003", "position": "sekda", "start": "2023-01-02"},
            {"nip": EXAMPLE, "position": "lurah", "start": "2022-01-03", "end": "2024-12-31"},
        ],
    }


class TestStructureErrors:
    def test_valid_document(self) -> None:
        """The base document loads, so each test below breaks exactly one thing."""
        roster = serialization.from_dict(_document(), Roster)
        assert ("H. Budi", 2) == (roster.official(EXAMPLE).full_name, len(roster.appointments))

    @pytest.mark.parametrize(
        ("target", "value", "code", "path"),
        [
            (
                ("appointments", 1, "end"),
                "2021-12-31",
                "org.end_before_start",
                "appointments[1].end",
            ),
            (("appointments", 0, "position"), " sekda", "org.id", "appointments[0].position"),
            (("officials", 1, "nip"), PPPK_NI, "nip.tmt_month", "officials[1].nip"),
            (("officials", 0, "name"), " ", "org.blank", "officials[0].name"),
            (
                ("officials", 1, "front_titles"),
                ["H.", ""],
                "org.blank",
                "officials[1].front_titles[1]",
            ),
            (("officials", 0, "pppk_grade"), "IX", "org.pppk_grade_pns", "officials[0].pppk_grade"),
            (("kelurahan", 0, "kode"), "35.73.02", "wilayah.level", "kelurahan[0].kode"),
            (("kecamatan", 0, "kode"), "35.73.00", "wilayah.district", "kecamatan[0].kode"),
            (
                ("perangkat_daerah", 0, "kind"),
                "kecamatan",
                "org.unit_kind",
                "perangkat_daerah[0].kind",
            ),
            (
                ("positions", 1, "functional_level"),
                "ahli_muda",
                "org.functional_level",
                "positions[1].functional_level",
            ),
        ],
    )
    def test_error_paths(
        self, target: tuple[str, int, str], value: object, code: str, path: str
    ) -> None:
        """A model invariant broken in a document is reported at its full path."""
        section, index, key = target
        document = _document()
        document[section][index][key] = value
        with pytest.raises(ValidationErrorGroup) as info:
            serialization.from_dict(document, Roster)
        assert [(code, path)] == [(e.code, e.path) for e in info.value.leaves()]

    def test_pemda_error_path(self) -> None:
        """A Pemda whose code does not fit its kind is reported at pemda.kode."""
        document = _document()
        document["pemda"]["kind"] = "kabupaten"
        with pytest.raises(ValidationErrorGroup) as info:
            serialization.from_dict(document, Roster)
        assert [("org.pemda_kind", "pemda.kode")] == [(e.code, e.path) for e in info.value.leaves()]

    def test_every_error_reported_at_once(self) -> None:
        """Problems in several objects are reported together, each at its path."""
        document = _document()
        document["appointments"][1]["end"] = "2020-01-01"
        document["officials"][0]["nip"] = "196805121994031000"
        with pytest.raises(ValidationErrorGroup) as info:
            serialization.from_dict(document, Roster)
        assert {
            ("nip.sequence", "officials[0].nip"),
            ("org.end_before_start", "appointments[1].end"),
        } == {(e.code, e.path) for e in info.value.leaves()}

    def test_errors_never_show_the_nip(self) -> None:
        """A NIP error in a document names the path, never the number."""
        document = _document()
        document["officials"][1]["nip"] = "198609262015131001"
        with pytest.raises(ValidationErrorGroup) as info:
            serialization.from_dict(document, Roster)
        leaf = next(info.value.leaves())
        for text in (str(leaf), leaf.message("id"), leaf.message("en"), repr(leaf.params)):
            assert "198609262015131001" not in text
            assert "19860926" not in text


def test_pppk_repr_keeps_the_pppk_layout() -> None:
    """An NI PPPK is masked in its own layout, showing only the sequence."""
    official = Official(nip="199001012024211002", name="Sari", sex=Sex.MALE, asn_type=AsnType.PPPK)
    assert "nip='******** **** ** * 002'" in repr(official)
