"""Round-trip properties: every public value type survives dict, JSON, TOML and YAML."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.organization import (
    Appointment,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex


@attrs.frozen(kw_only=True)
class Holder:
    """A document holding one of each public value type (TOML needs a table at the top)."""

    nip: NIP
    kode: KodeWilayah
    golongan: Golongan
    eselon: Eselon
    family: PositionFamily
    asn_type: AsnType
    sex: Sex
    start: pendulum.DateTime
    day: pendulum.Date


holders = st.builds(
    Holder,
    nip=st.one_of(brst.nips(), brst.ni_pppks()),
    kode=brst.kode_wilayahs(),
    golongan=brst.golongans(),
    eselon=brst.eselons(),
    family=brst.position_families(),
    asn_type=brst.asn_types(),
    sex=brst.sexes(),
    start=brst.aware_datetimes(),
    day=brst.dates(),
)


def assert_same(expected: Holder, actual: Holder) -> None:
    """Equal, and the datetime keeps its zone name (pendulum equality compares instants)."""
    assert expected == actual
    assert expected.start.timezone_name == actual.start.timezone_name


@given(holders)
def test_dict_round_trip(value: Holder) -> None:
    """from_dict(to_dict(x)) == x for every public value type."""
    assert_same(value, serialization.from_dict(serialization.to_dict(value), Holder))


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_text_round_trip(fmt: Any) -> None:
    """loads(dumps(x)) == x in every document format."""

    @given(holders)
    def check(value: Holder) -> None:
        text = serialization.dumps(value, format=fmt)
        assert_same(value, serialization.loads(text, Holder, format=fmt))

    check()


def test_plain_values_round_trip() -> None:
    """Each value type alone (not inside a model) round-trips through to_dict/from_dict."""

    @given(
        st.one_of(brst.nips(), brst.ni_pppks()),
        brst.kode_wilayahs(),
        brst.golongans(),
        brst.eselons(),
    )
    def check(nip: NIP, kode: KodeWilayah, golongan: Golongan, eselon: Eselon) -> None:
        for value in (nip, kode, golongan, eselon):
            assert value == serialization.from_dict(serialization.to_dict(value), type(value))

    check()


@pytest.mark.parametrize(
    ("strategy", "cls"),
    [
        (brst.pemdas(), Pemda),
        (brst.units(kinds=st.just(UnitKind.KECAMATAN)), Kecamatan),
        (brst.units(kinds=st.just(UnitKind.KELURAHAN)), Kelurahan),
        (
            brst.units(kinds=st.sampled_from([UnitKind.DINAS, UnitKind.BAGIAN, UnitKind.BUMD])),
            PerangkatDaerah,
        ),
        (brst.positions(), Position),
        (brst.officials(), Official),
        (brst.appointments(), Appointment),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_model_round_trip(strategy: st.SearchStrategy[Any], cls: type[Any]) -> None:
    """Every model of the hierarchy round-trips through dict and each document format."""

    @given(strategy)
    def check(value: Any) -> None:
        assert value == serialization.from_dict(serialization.to_dict(value), cls)
        for fmt in ("json", "toml", "yaml"):
            assert value == serialization.loads(
                serialization.dumps(value, format=fmt), cls, format=fmt
            )

    check()
