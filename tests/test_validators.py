"""Tests for the attrs field validators."""

from __future__ import annotations

import attrs
import pytest

from birokrasi_retreat import validators
from birokrasi_retreat.errors import InvalidComponent, InvalidLength, InvalidType
from birokrasi_retreat.ids import nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
from birokrasi_retreat.ranks import AsnType


@attrs.frozen(kw_only=True)
class Pegawai:
    nip: str = attrs.field(converter=nip.compact, validator=validators.nip())
    ni_pppk: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(validators.nip(kind=AsnType.PPPK))
    )
    unit: str = attrs.field(default="35.73", validator=validators.kode_wilayah())
    kota: str = attrs.field(
        default="3573", validator=validators.kode_wilayah(level=RegionLevel.KABUPATEN_KOTA)
    )


class TestNip:
    def test_accepts_and_compacts(self) -> None:
        """A valid NIP is stored in its compact form."""
        assert "198609262015051001" == Pegawai(nip="19860926 201505 1 001").nip

    def test_error_names_the_field(self) -> None:
        """The specific NIP error is raised with the field name as its path."""
        with pytest.raises(InvalidComponent) as exc:
            Pegawai(nip="198609302015131001")
        assert (exc.value.code, exc.value.path) == ("nip.tmt_month", "nip")

    def test_pppk_kind(self) -> None:
        """The kind option validates the PPPK layout."""
        assert Pegawai(nip="198609262015051001", ni_pppk="199001012024211002").ni_pppk
        with pytest.raises(InvalidLength) as exc:
            Pegawai(nip="198609262015051001", ni_pppk="1990")
        assert exc.value.path == "ni_pppk"

    def test_wrong_type(self) -> None:
        """A non-string is an InvalidType error at the field."""
        with pytest.raises(InvalidType) as exc:
            Pegawai(nip="198609262015051001", ni_pppk=12)  # type: ignore[arg-type]
        assert exc.value.path == "ni_pppk"

    def test_repr(self) -> None:
        """The validator's repr says what it checks."""
        assert "<nip validator for PPPK>" == repr(validators.nip(kind=AsnType.PPPK))


class TestKodeWilayah:
    def test_any_level(self) -> None:
        """Any well-formed code passes when no level is required."""
        assert "35.73.03.1006" == Pegawai(nip="198609262015051001", unit="35.73.03.1006").unit

    def test_malformed(self) -> None:
        """A malformed code raises its specific error at the field."""
        with pytest.raises(InvalidLength) as exc:
            Pegawai(nip="198609262015051001", unit="357")
        assert exc.value.path == "unit"

    def test_level_mismatch(self) -> None:
        """A code of the wrong level is an InvalidComponent naming both levels."""
        with pytest.raises(InvalidComponent) as exc:
            Pegawai(nip="198609262015051001", kota="35.73.03")
        assert (exc.value.code, exc.value.path) == ("wilayah.level", "kota")
        assert exc.value.message("en") == (
            "The region code must be at level kabupaten_kota, not kecamatan."
        )

    def test_repr(self) -> None:
        """The validator's repr names the level."""
        assert "<kode wilayah validator for any level>" == repr(validators.kode_wilayah())


class TestKodeWilayahValue:
    def test_accepts_value_objects(self) -> None:
        """A KodeWilayah value is checked for its level like a string."""

        @attrs.frozen
        class Unit:
            kode: KodeWilayah = attrs.field(
                validator=validators.kode_wilayah(level=RegionLevel.KECAMATAN)
            )

        assert Unit(KodeWilayah(code="35.73.03")).kode.level is RegionLevel.KECAMATAN
        with pytest.raises(InvalidComponent):
            Unit(KodeWilayah(code="35.73"))
