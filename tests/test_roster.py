"""Tests for birokrasi_retreat.roster: integrity checks and queries of a Pemda's government.

The city below is a small synthetic Kota Malang: real kecamatan and kelurahan codes from
the official catalogue, synthetic officials. ``198609262015051001`` is the documented
example NIP of the sources (sources: nip-layout) and ``199001012024211002`` the NI PPPK
layout example (sources: ni-pppk-layout); every other number is made up and merely valid.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import importlib

from typing import TYPE_CHECKING, Any, ClassVar, SupportsIndex, overload

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import serialization
from birokrasi_retreat.errors import (
    InvalidType,
    UnknownReferenceError,
    ValidationError,
    ValidationErrorGroup,
    explain,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    FunctionalLevel,
    Kecamatan,
    Kelurahan,
    Official,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex
from birokrasi_retreat.roster import Holding, Roster


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    import roster_builders as rb
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    rb = importlib.import_module("tests.builders.roster_builders")


D = pendulum.Date
DAY = D(2025, 5, 15)  # The Kota Malang retreat (sources: city-retreats).
MALANG = rb.pemda()

# Synthetic NIPs, one per official of the city.
SEKDA = "196805121994031003"
KABAG = "197503082000122002"
ANALIS = "199201152019031001"
KADIS = "197011201996011001"
KABID = "197809102003122001"
CAMAT = "198001012005011002"
FORMER = "196601011990031004"
LURAH = "198609262015051001"
DOKTER = "199001012024211002"
STRANGER = "199505052020121001"  # valid, but nobody in the city
STRANGER_MASKED = "******** ****** * 001"


def _any(value: object) -> Any:
    """Pass a deliberately ill-typed value past the type checker."""
    return value


def _unit(unit_id: str, kind: UnitKind, parent: str | None = None) -> PerangkatDaerah:
    """A perangkat daerah (or sub-unit, or BUMD) named after its id."""
    return PerangkatDaerah(
        id=unit_id, name=unit_id.replace("-", " ").title(), kind=kind, parent=parent
    )


def _person(nip: str, name: str, sex: Sex, golongan: Golongan | None = None) -> Official:
    """A PNS official."""
    return Official(nip=nip, name=name, sex=sex, golongan=golongan)


def _appoint(
    nip: str,
    position: str,
    start: pendulum.Date,
    end: pendulum.Date | None = None,
    kind: AppointmentKind = AppointmentKind.DEFINITIF,
) -> Appointment:
    """An appointment."""
    return Appointment(nip=nip, position=position, start=start, end=end, kind=kind)


ADM = PositionFamily.ADMINISTRATOR
PLT = AppointmentKind.PLT
PLH = AppointmentKind.PLH

UNITS = (
    _unit("setda", UnitKind.SEKRETARIAT_DAERAH),
    _unit("bagian-hukum", UnitKind.BAGIAN, "setda"),
    _unit("dinkes", UnitKind.DINAS),
    _unit("bidang-p2p", UnitKind.BIDANG, "dinkes"),
    _unit("seksi-surveilans", UnitKind.SUB_UNIT, "bidang-p2p"),
    _unit("perumda-air", UnitKind.BUMD),
)
KECAMATAN = (
    Kecamatan(id="kec-klojen", name="Klojen", kode=KodeWilayah(code="35.73.02")),
    Kecamatan(id="kec-kedungkandang", name="Kedungkandang", kode=KodeWilayah(code="35.73.03")),
)
KELURAHAN = (
    Kelurahan(
        id="kel-samaan",
        name="Samaan",
        kode=KodeWilayah(code="35.73.02.1003"),
        kecamatan="kec-klojen",
    ),
    Kelurahan(
        id="kel-kotalama",
        name="Kotalama",
        kode=KodeWilayah(code="35.73.03.1001"),
        kecamatan="kec-kedungkandang",
    ),
    Kelurahan(
        id="kel-kedungkandang",
        name="Kedungkandang",
        kode=KodeWilayah(code="35.73.03.1006"),
        kecamatan="kec-kedungkandang",
    ),
)
POSITIONS = (
    rb.post("sekda", "setda", PositionFamily.JPT_PRATAMA, Eselon.II_A, heads=True),
    rb.post("kabag-hukum", "bagian-hukum", ADM, Eselon.III_A, heads=True),
    rb.post("analis-hukum", "bagian-hukum", PositionFamily.PELAKSANA),
    rb.post("kadinkes", "dinkes", PositionFamily.JPT_PRATAMA, Eselon.II_B, heads=True),
    rb.post("dokter", "dinkes", PositionFamily.FUNGSIONAL, level=FunctionalLevel.AHLI_PERTAMA),
    rb.post("kabid-p2p", "bidang-p2p", ADM, Eselon.III_B, heads=True),
    rb.post("camat-klojen", "kec-klojen", ADM, Eselon.III_A, heads=True),
    rb.post("camat-kedungkandang", "kec-kedungkandang", ADM, Eselon.III_A, heads=True),
    rb.post("lurah-samaan", "kel-samaan", PositionFamily.PENGAWAS, Eselon.IV_A, heads=True),
    rb.post(
        "lurah-kedungkandang", "kel-kedungkandang", PositionFamily.PENGAWAS, Eselon.IV_A, heads=True
    ),
)
OFFICIALS = (
    Official(
        nip=SEKDA,
        name="Hendra Wijaya",
        sex=Sex.MALE,
        golongan=Golongan.IV_C,
        front_titles=("Drs.",),
        back_titles=("M.Si.",),
    ),
    _person(KABAG, "Rina Marlina", Sex.FEMALE, Golongan.IV_A),
    _person(ANALIS, "Dimas Saputra", Sex.MALE, Golongan.III_A),
    _person(KADIS, "Agus Setiawan", Sex.MALE, Golongan.IV_B),
    _person(KABID, "Sri Wahyuni", Sex.FEMALE, Golongan.IV_A),
    _person(CAMAT, "Bambang Irawan", Sex.MALE, Golongan.III_D),
    _person(FORMER, "Joko Susilo", Sex.MALE, Golongan.IV_A),
    _person(LURAH, "Budi Santoso", Sex.MALE, Golongan.III_C),
    Official(
        nip=DOKTER, name="Fajar Nugroho", sex=Sex.MALE, asn_type=AsnType.PPPK, pppk_grade="IX"
    ),
)
APPOINTMENTS = (
    _appoint(SEKDA, "sekda", D(2023, 1, 2)),
    # A Plh listed, and starting, before the definitive holder of the same post.
    _appoint(KABAG, "kadinkes", D(2025, 1, 2), D(2025, 6, 30), PLH),
    _appoint(KADIS, "kadinkes", D(2025, 3, 3)),
    _appoint(KABAG, "kabag-hukum", D(2025, 4, 1)),
    _appoint(ANALIS, "analis-hukum", D(2019, 3, 1)),
    _appoint(KABID, "kabid-p2p", D(2021, 1, 4)),
    _appoint(CAMAT, "camat-klojen", D(2023, 6, 1)),
    _appoint(KABID, "camat-kedungkandang", D(2025, 1, 2), kind=PLT),
    _appoint(FORMER, "camat-kedungkandang", D(2020, 1, 2), D(2024, 12, 31)),
    _appoint(LURAH, "lurah-samaan", D(2022, 1, 3)),
    _appoint(DOKTER, "dokter", D(2024, 4, 1)),
)


@functools.cache
def city() -> Roster:
    """The small city every query test reads."""
    return Roster(
        pemda=MALANG,
        perangkat_daerah=UNITS,
        kecamatan=KECAMATAN,
        kelurahan=KELURAHAN,
        positions=POSITIONS,
        officials=OFFICIALS,
        appointments=APPOINTMENTS,
    )


def _ids(items: Sequence[Position | PerangkatDaerah | Kecamatan | Kelurahan]) -> list[str]:
    """The ids of units or posts, in order."""
    return [item.id for item in items]


def _who(holdings: Sequence[Holding]) -> list[tuple[str, str | None, bool]]:
    """Each holding as (post id, holder's NIP or None, acting)."""
    return [
        (h.position.id, None if h.official is None else h.official.nip, h.acting) for h in holdings
    ]


def _nips(officials: Sequence[Official]) -> list[str]:
    """The NIPs of officials, in order."""
    return [o.nip for o in officials]


def _members(group: ValidationErrorGroup) -> list[tuple[type[Exception], str, str]]:
    """Each member of a group as (class, code, path)."""
    return [(type(e), e.code, e.path) for e in group.leaves()]


def _roster(**collections: Any) -> Roster:
    """A roster of Kota Malang holding ``collections``."""
    return Roster(pemda=MALANG, **collections)


class TestIntegrity:
    def test_city_builds(self) -> None:
        """The city passes every integrity check."""
        assert (11, 10, 9, 11) == (
            len(city().units()),
            len(city().positions),
            len(city().officials),
            len(city().appointments),
        )

    def test_items_of_the_wrong_type(self) -> None:
        """Wrongly typed collection items, or Pemda, are typed errors with paths."""
        unit = _unit("dinkes", UnitKind.DINAS)
        with pytest.raises(ValidationErrorGroup) as exc:
            Roster(pemda=_any("Kota Malang"), officials=_any([unit]))
        assert [("data.type", "pemda"), ("data.type", "officials[0]")] == [
            (e.code, e.path) for e in exc.value.leaves()
        ]

    def test_empty_roster(self) -> None:
        """A roster may hold nothing but its Pemda."""
        roster = _roster()
        assert ((), (), ()) == (roster.units(), roster.vacancies(on=DAY), roster.units_under())

    @pytest.mark.parametrize(
        ("collections", "path"),
        [
            (
                {
                    "perangkat_daerah": [_unit("kec-klojen", UnitKind.DINAS)],
                    "kecamatan": [KECAMATAN[0]],
                },
                "kecamatan[0].id",
            ),
            (
                {
                    "perangkat_daerah": [_unit("kel-samaan", UnitKind.DINAS)],
                    "kecamatan": [KECAMATAN[0]],
                    "kelurahan": [KELURAHAN[0]],
                },
                "kelurahan[0].id",
            ),
            (
                {"kecamatan": [KECAMATAN[0], attrs.evolve(KECAMATAN[1], id="kec-klojen")]},
                "kecamatan[1].id",
            ),
            (
                {"perangkat_daerah": [_unit("setda", UnitKind.SEKRETARIAT_DAERAH), UNITS[0]]},
                "perangkat_daerah[1].id",
            ),
        ],
    )
    def test_duplicate_unit_id(self, collections: dict[str, Any], path: str) -> None:
        """A unit id is unique across perangkat daerah, kecamatan and kelurahan."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(**collections)
        assert [(ValidationError, "roster.duplicate_id", path)] == _members(info.value)

    def test_duplicate_position_id(self) -> None:
        """A post id is unique; the repeat is reported where it appears."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(perangkat_daerah=UNITS[:1], positions=[POSITIONS[0], POSITIONS[0]])
        assert [(ValidationError, "roster.duplicate_id", "positions[1].id")] == _members(info.value)
        assert {"value": "sekda"} == info.value.members[0].params

    def test_unknown_parent(self) -> None:
        """A sub-unit naming an unknown parent is reported at its parent field."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(perangkat_daerah=[UNITS[0], _unit("bidang-p2p", UnitKind.BIDANG, "dinkes")])
        assert [
            (UnknownReferenceError, "roster.unknown_unit", "perangkat_daerah[1].parent")
        ] == _members(info.value)

    @pytest.mark.parametrize("parent", ["dinkes", "kel-samaan"])
    def test_kelurahan_under_a_non_kecamatan(self, parent: str) -> None:
        """A kelurahan must sit under a kecamatan, not a dinas or another kelurahan."""
        stray = attrs.evolve(KELURAHAN[2], kecamatan=parent)
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[UNITS[2]],
                kecamatan=KECAMATAN,
                kelurahan=[KELURAHAN[0], stray],
            )
        assert [(ValidationError, "roster.parent_kind", "kelurahan[1].kecamatan")] == _members(
            info.value
        )
        assert {"value": parent} == info.value.members[0].params

    def test_unknown_kecamatan(self) -> None:
        """A kelurahan naming an unknown kecamatan is reported at its kecamatan field."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(kelurahan=[KELURAHAN[0]])
        assert [(UnknownReferenceError, "roster.unknown_unit", "kelurahan[0].kecamatan")] == (
            _members(info.value)
        )

    def test_position_in_unknown_unit(self) -> None:
        """A post in an unknown unit is reported at its unit field."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(perangkat_daerah=UNITS[:1], positions=POSITIONS[:2])
        assert [(UnknownReferenceError, "roster.unknown_unit", "positions[1].unit")] == _members(
            info.value
        )

    def test_appointment_with_unknown_nip(self) -> None:
        """An appointment naming nobody is reported with the NIP masked."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=UNITS[:1],
                positions=POSITIONS[:1],
                officials=OFFICIALS[:1],
                appointments=[APPOINTMENTS[0], _appoint(STRANGER, "sekda", D(2020, 1, 1))],
            )
        assert [(UnknownReferenceError, "roster.unknown_official", "appointments[1].nip")] == (
            _members(info.value)
        )
        error = info.value.members[0]
        assert {"value": STRANGER_MASKED} == error.params
        for text in (error.message("id"), error.message("en"), str(error), *explain(info.value)):
            assert STRANGER not in text
            assert STRANGER[:8] not in text

    def test_appointment_to_unknown_position(self) -> None:
        """An appointment to an unknown post is reported at its position field."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(officials=OFFICIALS[:1], appointments=APPOINTMENTS[:1])
        assert [
            (UnknownReferenceError, "roster.unknown_position", "appointments[0].position")
        ] == _members(info.value)

    def test_two_cycle(self) -> None:
        """Two units naming each other as parent are one cycle, reported once."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[
                    _unit("a", UnitKind.BIDANG, "b"),
                    _unit("b", UnitKind.BIDANG, "a"),
                ]
            )
        assert [(ValidationError, "roster.cycle", "perangkat_daerah[0].parent")] == _members(
            info.value
        )
        assert {"value": "a"} == info.value.members[0].params

    def test_self_parent(self) -> None:
        """A unit that is its own parent is a cycle."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(perangkat_daerah=[UNITS[0], _unit("a", UnitKind.BIDANG, "a")])
        assert [(ValidationError, "roster.cycle", "perangkat_daerah[1].parent")] == _members(
            info.value
        )

    def test_unit_under_a_cycle_is_not_on_it(self) -> None:
        """A unit whose parents lead into a cycle is not reported; the cycle is, once."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[
                    _unit("c", UnitKind.SUB_UNIT, "a"),
                    _unit("a", UnitKind.BIDANG, "b"),
                    _unit("b", UnitKind.BIDANG, "a"),
                    _unit("d", UnitKind.SUB_UNIT, "c"),
                ]
            )
        assert [(ValidationError, "roster.cycle", "perangkat_daerah[1].parent")] == _members(
            info.value
        )
        assert {"value": "a"} == info.value.members[0].params

    def test_two_separate_cycles(self) -> None:
        """Each cycle is reported at its first unit."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[
                    _unit("a", UnitKind.BIDANG, "b"),
                    _unit("x", UnitKind.BIDANG, "y"),
                    _unit("b", UnitKind.BIDANG, "c"),
                    _unit("y", UnitKind.BIDANG, "x"),
                    _unit("c", UnitKind.BIDANG, "a"),
                ]
            )
        assert [
            (ValidationError, "roster.cycle", "perangkat_daerah[0].parent"),
            (ValidationError, "roster.cycle", "perangkat_daerah[1].parent"),
        ] == _members(info.value)

    def test_every_error_in_one_group(self) -> None:
        """All integrity problems are reported together, each with its path."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[
                    UNITS[0],
                    _unit("setda", UnitKind.DINAS),
                    _unit("bidang", UnitKind.BIDANG, "nowhere"),
                    _unit("loop", UnitKind.BIDANG, "loop"),
                    _unit("dinkes", UnitKind.DINAS),
                ],
                kecamatan=KECAMATAN[:1],
                kelurahan=[
                    KELURAHAN[0],
                    attrs.evolve(KELURAHAN[1], kecamatan="dinkes"),
                    attrs.evolve(KELURAHAN[2], kecamatan="kec-nowhere"),
                ],
                positions=[POSITIONS[0], POSITIONS[0], rb.post("x", "nowhere", ADM)],
                officials=OFFICIALS[:1],
                appointments=[
                    _appoint(STRANGER, "sekda", DAY),
                    _appoint(SEKDA, "no-post", DAY),
                ],
            )
        group = info.value
        assert "9 roster integrity errors" == str(group.args[0])
        assert [
            (ValidationError, "roster.duplicate_id", "perangkat_daerah[1].id"),
            (UnknownReferenceError, "roster.unknown_unit", "perangkat_daerah[2].parent"),
            (ValidationError, "roster.parent_kind", "kelurahan[1].kecamatan"),
            (UnknownReferenceError, "roster.unknown_unit", "kelurahan[2].kecamatan"),
            (ValidationError, "roster.cycle", "perangkat_daerah[3].parent"),
            (ValidationError, "roster.duplicate_id", "positions[1].id"),
            (UnknownReferenceError, "roster.unknown_unit", "positions[2].unit"),
            (UnknownReferenceError, "roster.unknown_official", "appointments[0].nip"),
            (UnknownReferenceError, "roster.unknown_position", "appointments[1].position"),
        ] == _members(group)
        for line in explain(group, lang="en"):
            assert "{" not in line
            assert STRANGER not in line

    def test_messages_render_in_both_languages(self) -> None:
        """Every integrity code has an Indonesian and an English message."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(
                perangkat_daerah=[_unit("a", UnitKind.BIDANG, "a"), _unit("a", UnitKind.DINAS)],
                kecamatan=[],
                kelurahan=[attrs.evolve(KELURAHAN[0], kecamatan="a"), KELURAHAN[1]],
                positions=[rb.post("p", "nowhere", ADM)],
                appointments=[_appoint(STRANGER, "q", DAY)],
            )
        codes = {e.code for e in info.value.leaves()}
        assert {
            "roster.cycle",
            "roster.duplicate_id",
            "roster.parent_kind",
            "roster.unknown_unit",
            "roster.unknown_official",
            "roster.unknown_position",
        } == codes
        for error in info.value.leaves():
            for lang in ("id", "en"):
                assert "{" not in error.message(lang)
                assert error.code not in error.message(lang)

    def test_collections_stored_as_tuples(self) -> None:
        """Lists and other iterables are stored as tuples, so the roster is hashable data."""
        roster = Roster(
            pemda=MALANG,
            perangkat_daerah=list(UNITS),
            kecamatan=iter(KECAMATAN),
            kelurahan=list(KELURAHAN),
            positions=list(POSITIONS),
            officials=list(OFFICIALS),
            appointments=(a for a in APPOINTMENTS),
        )
        assert (UNITS, KECAMATAN, KELURAHAN, POSITIONS, OFFICIALS, APPOINTMENTS) == (
            roster.perangkat_daerah,
            roster.kecamatan,
            roster.kelurahan,
            roster.positions,
            roster.officials,
            roster.appointments,
        )
        assert city() == roster

    @pytest.mark.parametrize(
        ("value", "got"),
        [("setda", "str"), (b"setda", "bytes"), ({"setda": UNITS[0]}, "dict"), (7, "int")],
    )
    @pytest.mark.parametrize(
        "field", ["perangkat_daerah", "kecamatan", "officials", "appointments"]
    )
    def test_non_collection_refused(self, field: str, value: object, got: str) -> None:
        """A str, bytes, mapping or scalar is not a collection of records: at its field."""
        with pytest.raises(ValidationErrorGroup) as info:
            _roster(**{field: value})
        (error,) = info.value.leaves()
        assert ("data.type", field, {"expected": "array", "got": got}) == (
            error.code,
            error.path,
            dict(error.params),
        )

    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
    def test_round_trip(self, fmt: serialization.Format) -> None:
        """The whole city survives each document format, and its queries answer the same."""
        text = serialization.dumps(city(), format=fmt)
        loaded = serialization.loads(text, Roster, format=fmt)
        assert city() == loaded
        assert _who(city().heads(UnitKind.KECAMATAN, on=DAY)) == _who(
            loaded.heads(UnitKind.KECAMATAN, on=DAY)
        )

    def test_integrity_errors_from_a_document(self) -> None:
        """A document with a dangling reference raises the integrity group, with its path."""
        data = serialization.to_dict(city())
        data["appointments"][3]["position"] = "kabag-umum"
        with pytest.raises(ValidationErrorGroup) as info:
            serialization.from_dict(data, Roster)
        assert [("roster.unknown_position", "appointments[3].position")] == [
            (e.code, e.path) for e in info.value.leaves()
        ]


class TestUnits:
    def test_all_units_in_input_order(self) -> None:
        """Every unit: perangkat daerah, then kecamatan, then kelurahan."""
        assert [
            "setda",
            "bagian-hukum",
            "dinkes",
            "bidang-p2p",
            "seksi-surveilans",
            "perumda-air",
            "kec-klojen",
            "kec-kedungkandang",
            "kel-samaan",
            "kel-kotalama",
            "kel-kedungkandang",
        ] == _ids(city().units())

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (UnitKind.KELURAHAN, ["kel-samaan", "kel-kotalama", "kel-kedungkandang"]),
            (UnitKind.KECAMATAN, ["kec-klojen", "kec-kedungkandang"]),
            (UnitKind.BUMD, ["perumda-air"]),
            (UnitKind.BADAN, []),
        ],
    )
    def test_by_kind(self, kind: UnitKind, expected: list[str]) -> None:
        """Units of one kind, in input order; none when the city has no such unit."""
        assert expected == _ids(city().units(kind=kind))


class TestUnit:
    def test_found(self) -> None:
        """The unit with the id is returned as given."""
        assert KECAMATAN[0] is city().unit("kec-klojen")

    @pytest.mark.parametrize(
        ("unit_id", "shown"), [("kec-lowokwaru", "kec-lowokwaru"), (["x"], "['x']")]
    )
    def test_unknown(self, unit_id: object, shown: str) -> None:
        """An unknown (or unhashable) id raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            city().unit(_any(unit_id))
        assert ("roster.unknown_unit", {"value": shown}) == (info.value.code, info.value.params)
        assert shown in info.value.message("en")


class TestPosition:
    def test_found(self) -> None:
        """The post with the id is returned as given."""
        assert POSITIONS[0] is city().position("sekda")

    @pytest.mark.parametrize("position_id", ["kabag-umum", {"x": 1}])
    def test_unknown(self, position_id: object) -> None:
        """An unknown (or unhashable) id raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            city().position(_any(position_id))
        assert ("roster.unknown_position", {"value": str(position_id)}) == (
            info.value.code,
            info.value.params,
        )


class TestOfficial:
    @pytest.mark.parametrize("spelling", [LURAH, "19860926 201505 1 001", "19860926.201505.1.001"])
    def test_found_in_any_spelling(self, spelling: str) -> None:
        """The NIP may be written with spaces or dots."""
        assert OFFICIALS[7] is city().official(spelling)

    @pytest.mark.parametrize(
        ("nip", "shown"),
        [(STRANGER, STRANGER_MASKED), ("1995-0505", "********"), (_any(199505052020121001), "?")],
    )
    def test_unknown_is_masked(self, nip: str, shown: str) -> None:
        """An unknown number raises, showing it masked only."""
        with pytest.raises(UnknownReferenceError) as info:
            city().official(nip)
        error = info.value
        assert ("roster.unknown_official", {"value": shown}) == (error.code, error.params)
        for text in (error.message("id"), error.message("en"), str(error)):
            assert STRANGER not in text
            assert "19950505" not in text


class TestOfficialsWithNip:
    def test_one(self) -> None:
        """A NIP recorded once gives one official."""
        assert (OFFICIALS[0],) == city().officials_with_nip(SEKDA)

    def test_repeated_nip(self) -> None:
        """A NIP recorded twice (rule ORG012) gives both records, in input order."""
        twin = attrs.evolve(OFFICIALS[7], name="Budi S.")
        roster = attrs.evolve(city(), officials=(*OFFICIALS, twin))
        assert (OFFICIALS[7], twin) == roster.officials_with_nip("19860926 201505 1 001")
        assert OFFICIALS[7] is roster.official(LURAH)

    @pytest.mark.parametrize("nip", [STRANGER, "", _any(None)])
    def test_none(self, nip: str) -> None:
        """An unknown or unreadable number gives no official."""
        assert () == city().officials_with_nip(nip)


class TestAppointmentsOf:
    def test_sorted_by_start(self) -> None:
        """An official's appointments come by start date, whatever the input order."""
        assert (APPOINTMENTS[1], APPOINTMENTS[3]) == city().appointments_of(KABAG)

    def test_unknown(self) -> None:
        """An official with no appointment has none."""
        assert () == city().appointments_of(STRANGER)


class TestAppointmentsTo:
    @pytest.mark.parametrize(
        ("position_id", "indexes"),
        [("kadinkes", [1, 2]), ("camat-kedungkandang", [8, 7]), ("lurah-kedungkandang", [])],
    )
    def test_sorted_by_start(self, position_id: str, indexes: list[int]) -> None:
        """A post's appointments come by start date."""
        assert tuple(APPOINTMENTS[i] for i in indexes) == city().appointments_to(position_id)

    def test_unknown(self) -> None:
        """An unknown post has no appointments (no error: it is a plain look-up)."""
        assert () == city().appointments_to("nowhere")


class TestIdsAreText:
    @pytest.mark.parametrize("value", [["kadinkes"], 5, None, b"kadinkes"])
    @pytest.mark.parametrize(
        ("method", "path"),
        [
            (lambda roster, value: roster.appointments_to(value), "position_id"),
            (lambda roster, value: roster.positions_in(value), "unit_id"),
            (lambda roster, value: roster.holders(value, on=DAY), "position_id"),
            (lambda roster, value: roster.head_of(value, on=DAY), "unit_id"),
        ],
    )
    def test_an_id_that_is_not_text_is_a_type_error(
        self, method: Any, path: str, value: object
    ) -> None:
        """A list, a number or None is no id: data.type, never a bare TypeError or ()."""
        with pytest.raises(InvalidType) as caught:
            method(city(), value)
        assert (caught.value.code, caught.value.path) == ("data.type", path)


class TestPositionsIn:
    @pytest.mark.parametrize(
        ("unit_id", "expected"),
        [
            ("bagian-hukum", ["kabag-hukum", "analis-hukum"]),
            ("setda", ["sekda"]),
            ("dinkes", ["kadinkes", "dokter"]),
            ("kel-kotalama", []),
            ("nowhere", []),
        ],
    )
    def test_posts_of_the_unit_only(self, unit_id: str, expected: list[str]) -> None:
        """A unit's own posts, not those of the units under it."""
        assert expected == _ids(city().positions_in(unit_id))


class TestHolders:
    @pytest.mark.parametrize(
        ("position_id", "day", "indexes"),
        [
            ("kadinkes", DAY, [2, 1]),
            ("kadinkes", D(2025, 2, 1), [1]),
            ("kadinkes", D(2025, 7, 1), [2]),
            ("kadinkes", D(2024, 12, 31), []),
            ("camat-kedungkandang", D(2024, 12, 31), [8]),
            ("camat-kedungkandang", D(2025, 1, 1), []),
            ("camat-kedungkandang", D(2025, 1, 2), [7]),
            ("lurah-kedungkandang", DAY, []),
            ("sekda", D(2023, 1, 2), [0]),
            ("sekda", D(2023, 1, 1), []),
        ],
    )
    def test_on_dates(self, position_id: str, day: pendulum.Date, indexes: list[int]) -> None:
        """The appointments in force on the day, definitive before acting."""
        assert tuple(APPOINTMENTS[i] for i in indexes) == city().holders(position_id, on=day)

    def test_unknown_post(self) -> None:
        """A post nobody was ever appointed to (or no post at all) has no holders."""
        assert () == city().holders("nowhere", on=DAY)


class TestHolding:
    def test_definitive(self) -> None:
        """A post held definitively, with a Plh alongside, shows the definitive holder."""
        holding = city().holding("kadinkes", on=DAY)
        assert (UNITS[2], POSITIONS[3], APPOINTMENTS[2], OFFICIALS[3], False, False) == (
            holding.unit,
            holding.position,
            holding.appointment,
            holding.official,
            holding.vacant,
            holding.acting,
        )

    def test_acting_only(self) -> None:
        """A post held only by a Plt is acting, not vacant."""
        holding = city().holding("camat-kedungkandang", on=DAY)
        assert (APPOINTMENTS[7], OFFICIALS[4], False, True) == (
            holding.appointment,
            holding.official,
            holding.vacant,
            holding.acting,
        )

    def test_vacant(self) -> None:
        """A post nobody holds is vacant and not acting."""
        holding = city().holding("lurah-kedungkandang", on=DAY)
        assert (KELURAHAN[2], None, None, True, False) == (
            holding.unit,
            holding.appointment,
            holding.official,
            holding.vacant,
            holding.acting,
        )

    def test_unknown_post(self) -> None:
        """An unknown post raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            city().holding("kabag-umum", on=DAY)
        assert "roster.unknown_position" == info.value.code


class TestVacancies:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (DAY, ["camat-kedungkandang", "lurah-kedungkandang"]),
            (
                D(2025, 2, 1),
                ["kabag-hukum", "kadinkes", "camat-kedungkandang", "lurah-kedungkandang"],
            ),
            (D(2024, 6, 1), ["kabag-hukum", "kadinkes", "lurah-kedungkandang"]),
            (D(2019, 1, 1), _ids(POSITIONS)),
        ],
    )
    def test_on_dates(self, day: pendulum.Date, expected: list[str]) -> None:
        """Posts with no definitive holder on the day, in input order (a Plt fills none)."""
        assert expected == _ids(city().vacancies(on=day))


class TestUnitsUnder:
    def test_top_recursive(self) -> None:
        """From the top, every unit, depth first."""
        assert [
            "setda",
            "bagian-hukum",
            "dinkes",
            "bidang-p2p",
            "seksi-surveilans",
            "perumda-air",
            "kec-klojen",
            "kel-samaan",
            "kec-kedungkandang",
            "kel-kotalama",
            "kel-kedungkandang",
        ] == _ids(city().units_under(None))

    def test_top_direct(self) -> None:
        """From the top, not recursive: the units directly under the head of the Pemda."""
        assert ["setda", "dinkes", "perumda-air", "kec-klojen", "kec-kedungkandang"] == _ids(
            city().units_under(recursive=False)
        )

    @pytest.mark.parametrize(
        ("unit_id", "recursive", "expected"),
        [
            ("dinkes", True, ["bidang-p2p", "seksi-surveilans"]),
            ("dinkes", False, ["bidang-p2p"]),
            ("kec-kedungkandang", True, ["kel-kotalama", "kel-kedungkandang"]),
            ("kec-kedungkandang", False, ["kel-kotalama", "kel-kedungkandang"]),
            ("kel-samaan", True, []),
            ("seksi-surveilans", False, []),
        ],
    )
    def test_under_a_unit(self, unit_id: str, recursive: bool, expected: list[str]) -> None:
        """Under a unit: its sub-units (and theirs, when recursive)."""
        assert expected == _ids(city().units_under(unit_id, recursive=recursive))

    def test_unknown_unit(self) -> None:
        """An unknown unit raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            city().units_under("kec-lowokwaru")
        assert "roster.unknown_unit" == info.value.code


class TestHeads:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (
                UnitKind.KECAMATAN,
                [("camat-klojen", CAMAT, False), ("camat-kedungkandang", KABID, True)],
            ),
            (
                UnitKind.KELURAHAN,
                [("lurah-samaan", LURAH, False), ("lurah-kedungkandang", None, False)],
            ),
            (UnitKind.DINAS, [("kadinkes", KADIS, False)]),
            (UnitKind.SEKRETARIAT_DAERAH, [("sekda", SEKDA, False)]),
            (UnitKind.BUMD, []),
            (UnitKind.BADAN, []),
        ],
    )
    def test_by_kind(self, kind: UnitKind, expected: list[tuple[str, str | None, bool]]) -> None:
        """Every camat, every lurah...: vacant heads kept, units with no head post left out."""
        assert expected == _who(city().heads(kind, on=DAY))

    def test_on_another_date(self) -> None:
        """The heads are those of the day asked about."""
        assert [("camat-klojen", CAMAT, False), ("camat-kedungkandang", FORMER, False)] == _who(
            city().heads(UnitKind.KECAMATAN, on=D(2024, 6, 1))
        )


class TestHeadsOfPerangkatDaerah:
    def test_city(self) -> None:
        """The Sekda, the kepala dinas and every camat: not the Kabag or Kabid under them."""
        assert [
            ("sekda", SEKDA, False),
            ("kadinkes", KADIS, False),
            ("camat-klojen", CAMAT, False),
            ("camat-kedungkandang", KABID, True),
        ] == _who(city().heads_of_perangkat_daerah(on=DAY))

    def test_bumd_is_not_perangkat_daerah(self) -> None:
        """A BUMD's director is not the head of a perangkat daerah."""
        director = rb.post("direktur-perumda-air", "perumda-air", ADM, heads=True)
        roster = attrs.evolve(city(), positions=(director, *POSITIONS))
        assert ["sekda", "kadinkes", "camat-klojen", "camat-kedungkandang"] == [
            h.position.id for h in roster.heads_of_perangkat_daerah(on=DAY)
        ]
        assert ["direktur-perumda-air"] == [
            h.position.id for h in roster.heads(UnitKind.BUMD, on=DAY)
        ]


class TestHeadOf:
    @pytest.mark.parametrize(
        ("unit_id", "expected"),
        [
            ("kec-klojen", ("camat-klojen", CAMAT, False)),
            ("bagian-hukum", ("kabag-hukum", KABAG, False)),
            ("kec-kedungkandang", ("camat-kedungkandang", KABID, True)),
            ("kel-kedungkandang", ("lurah-kedungkandang", None, False)),
        ],
    )
    def test_with_head_post(self, unit_id: str, expected: tuple[str, str | None, bool]) -> None:
        """The head post of the unit and its holder on the day."""
        holding = city().head_of(unit_id, on=DAY)
        assert holding is not None
        assert [expected] == _who([holding])

    @pytest.mark.parametrize("unit_id", ["kel-kotalama", "perumda-air", "seksi-surveilans"])
    def test_without_head_post(self, unit_id: str) -> None:
        """A unit with no head post has no head."""
        assert city().head_of(unit_id, on=DAY) is None

    def test_staff_posts_only(self) -> None:
        """A unit whose only posts are staff posts has no head."""
        analis = rb.post("analis-surveilans", "seksi-surveilans", PositionFamily.PELAKSANA)
        roster = attrs.evolve(city(), positions=(*POSITIONS, analis))
        assert roster.head_of("seksi-surveilans", on=DAY) is None

    def test_head_post_listed_after_staff(self) -> None:
        """The head post is found wherever it is listed among the unit's posts."""
        roster = attrs.evolve(
            city(), positions=(POSITIONS[0], POSITIONS[2], POSITIONS[1], *POSITIONS[3:])
        )
        holding = roster.head_of("bagian-hukum", on=DAY)
        assert holding is not None
        assert [("kabag-hukum", KABAG, False)] == _who([holding])

    def test_unknown_unit(self) -> None:
        """An unknown unit raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError) as info:
            city().head_of("kec-lowokwaru", on=DAY)
        assert ("roster.unknown_unit", {"value": "kec-lowokwaru"}) == (
            info.value.code,
            info.value.params,
        )


class TestPostsOf:
    @pytest.mark.parametrize(
        ("nip", "day", "indexes"),
        [
            (KABAG, DAY, [3, 1]),
            (KABAG, D(2025, 2, 1), [1]),
            (KABAG, D(2025, 7, 1), [3]),
            (KABID, DAY, [5, 7]),
            (FORMER, DAY, []),
            (FORMER, D(2024, 12, 31), [8]),
            ("19860926 201505 1 001", DAY, [9]),
            (STRANGER, DAY, []),
        ],
    )
    def test_on_dates(self, nip: str, day: pendulum.Date, indexes: list[int]) -> None:
        """An official's appointments in force on the day, definitive first."""
        assert tuple(APPOINTMENTS[i] for i in indexes) == city().posts_of(nip, on=day)


class TestChainOfCommand:
    @pytest.mark.parametrize(
        ("nip", "day", "expected"),
        [
            # Lurah -> camat -> Sekda.
            (LURAH, DAY, [("camat-klojen", CAMAT, False), ("sekda", SEKDA, False)]),
            # Kabid -> kadis -> Sekda (her definitive post wins over her Plt camat post).
            (KABID, DAY, [("kadinkes", KADIS, False), ("sekda", SEKDA, False)]),
            # A pelaksana -> his Kabag -> Sekda, the Sekda named once.
            (ANALIS, DAY, [("kabag-hukum", KABAG, False), ("sekda", SEKDA, False)]),
            # The same, while the Kabag post was vacant: the vacant post stays in the chain.
            (ANALIS, D(2025, 2, 1), [("kabag-hukum", None, False), ("sekda", SEKDA, False)]),
            # A PPPK doctor -> kadis -> Sekda.
            (DOKTER, DAY, [("kadinkes", KADIS, False), ("sekda", SEKDA, False)]),
            # Acting only (Plh kadis): the chain of the acting post.
            (KABAG, D(2025, 2, 1), [("sekda", SEKDA, False)]),
            # A camat answers to the Sekda.
            (CAMAT, DAY, [("sekda", SEKDA, False)]),
            (FORMER, D(2024, 6, 1), [("sekda", SEKDA, False)]),
            # The Sekda's own chain is empty: above is the Wali Kota, not an ASN.
            (SEKDA, DAY, []),
            # No post on the day: no chain.
            (FORMER, DAY, []),
            (ANALIS, D(2019, 2, 28), []),
        ],
    )
    def test_chain(
        self, nip: str, day: pendulum.Date, expected: list[tuple[str, str | None, bool]]
    ) -> None:
        """The official's superiors on the day, nearest first, up to the Sekda."""
        assert expected == _who(city().chain_of_command(nip, on=day))

    def test_without_setda(self) -> None:
        """In a roster without a Setda, the chain ends at the top unit's head."""
        roster = _roster(
            kecamatan=KECAMATAN[:1],
            kelurahan=KELURAHAN[:1],
            positions=[POSITIONS[6], POSITIONS[8]],
            officials=[OFFICIALS[5], OFFICIALS[7]],
            appointments=[APPOINTMENTS[6], APPOINTMENTS[9]],
        )
        assert [("camat-klojen", CAMAT, False)] == _who(roster.chain_of_command(LURAH, on=DAY))
        assert [] == _who(roster.chain_of_command(CAMAT, on=DAY))

    def test_setda_without_head_post(self) -> None:
        """A Setda with no head post adds nobody at the top."""
        roster = attrs.evolve(
            city(),
            positions=POSITIONS[1:],
            appointments=tuple(a for a in APPOINTMENTS if a.position != "sekda"),
        )
        assert [("camat-klojen", CAMAT, False)] == _who(roster.chain_of_command(LURAH, on=DAY))
        assert [("kabag-hukum", KABAG, False)] == _who(roster.chain_of_command(ANALIS, on=DAY))

    @pytest.mark.parametrize("nip", [STRANGER, "abc"])
    def test_unknown_official(self, nip: str) -> None:
        """An unknown NIP raises UnknownReferenceError with the number masked."""
        with pytest.raises(UnknownReferenceError) as info:
            city().chain_of_command(nip, on=DAY)
        assert "roster.unknown_official" == info.value.code
        assert nip not in info.value.message("id")
        assert nip not in str(info.value.params)


class TestOfficialsBy:
    @pytest.mark.parametrize(
        ("day", "family", "eselon", "expected"),
        [
            (DAY, ADM, None, [KABAG, KABID, CAMAT]),
            (DAY, PositionFamily.JPT_PRATAMA, None, [SEKDA, KADIS, KABAG]),
            (DAY, PositionFamily.FUNGSIONAL, None, [DOKTER]),
            (DAY, PositionFamily.JPT_MADYA, None, []),
            (DAY, None, Eselon.III_A, [KABAG, CAMAT, KABID]),
            (DAY, None, Eselon.I_A, []),
            (DAY, ADM, Eselon.III_B, [KABID]),
            (DAY, PositionFamily.PENGAWAS, Eselon.III_A, []),
            (DAY, None, None, [SEKDA, KABAG, ANALIS, KADIS, DOKTER, KABID, CAMAT, LURAH]),
            (D(2024, 6, 1), None, None, [SEKDA, ANALIS, DOKTER, KABID, CAMAT, FORMER, LURAH]),
            (D(2024, 6, 1), PositionFamily.PENGAWAS, Eselon.IV_A, [LURAH]),
        ],
    )
    def test_filters(
        self,
        day: pendulum.Date,
        family: PositionFamily | None,
        eselon: Eselon | None,
        expected: list[str],
    ) -> None:
        """Officials holding (or acting in) a post of the family and/or eselon, once each."""
        assert expected == _nips(city().officials_by(on=day, family=family, eselon=eselon))


class TestOfficialsInGolongan:
    @pytest.mark.parametrize(
        ("low", "high", "expected"),
        [
            (
                Golongan.I_A,
                Golongan.IV_E,
                [ANALIS, LURAH, CAMAT, KABAG, KABID, FORMER, KADIS, SEKDA],
            ),
            (Golongan.IV_A, Golongan.IV_B, [KABAG, KABID, FORMER, KADIS]),
            (Golongan.III_D, Golongan.III_D, [CAMAT]),
            (Golongan.III_B, Golongan.III_B, []),
            (Golongan.IV_D, Golongan.IV_E, []),
            (Golongan.I_A, Golongan.II_D, []),
            (Golongan.IV_B, Golongan.IV_A, []),
        ],
    )
    def test_bounds(self, low: Golongan, high: Golongan, expected: list[str]) -> None:
        """PNS officials within the inclusive bounds, lowest first (PPPK have no golongan)."""
        assert expected == _nips(city().officials_in_golongan(min_value=low, max_value=high))

    def test_default_bounds(self) -> None:
        """Without bounds, every PNS official with a golongan."""
        assert 8 == len(city().officials_in_golongan())


class TestOn:
    def test_snapshot(self) -> None:
        """The snapshot keeps every unit, post and official and the appointments of the day."""
        snapshot = city().on(DAY)
        assert tuple(APPOINTMENTS[i] for i in (0, 1, 2, 3, 4, 5, 6, 7, 9, 10)) == (
            snapshot.appointments
        )
        assert (MALANG, UNITS, KECAMATAN, KELURAHAN, POSITIONS, OFFICIALS) == (
            snapshot.pemda,
            snapshot.perangkat_daerah,
            snapshot.kecamatan,
            snapshot.kelurahan,
            snapshot.positions,
            snapshot.officials,
        )

    def test_snapshot_answers_the_same_on_its_day(self) -> None:
        """On its own day, the snapshot answers as the full roster does."""
        snapshot = city().on(DAY)
        assert _ids(city().vacancies(on=DAY)) == _ids(snapshot.vacancies(on=DAY))
        assert _who(city().chain_of_command(LURAH, on=DAY)) == _who(
            snapshot.chain_of_command(LURAH, on=DAY)
        )

    def test_before_everything(self) -> None:
        """Before the first appointment, the snapshot has none."""
        assert () == city().on(D(2019, 2, 28)).appointments


class TestDateArguments:
    QUERIES: ClassVar[dict[str, Callable[[Roster, Any], object]]] = {
        "holders": lambda r, on: r.holders("sekda", on=on),
        "holding": lambda r, on: r.holding("sekda", on=on),
        "vacancies": lambda r, on: r.vacancies(on=on),
        "heads": lambda r, on: r.heads(UnitKind.KELURAHAN, on=on),
        "heads_of_perangkat_daerah": lambda r, on: r.heads_of_perangkat_daerah(on=on),
        "head_of": lambda r, on: r.head_of("kec-klojen", on=on),
        "head_of_headless": lambda r, on: r.head_of("kel-kotalama", on=on),
        "posts_of": lambda r, on: r.posts_of(LURAH, on=on),
        "chain_of_command": lambda r, on: r.chain_of_command(LURAH, on=on),
        "officials_by": lambda r, on: r.officials_by(on=on),
        "on": lambda r, on: r.on(on),
    }

    @pytest.mark.parametrize(
        ("value", "got"),
        [
            ("2025-05-15", "str"),
            (dt.date(2025, 5, 15), "date"),
            (pendulum.datetime(2025, 5, 15, tz="Asia/Jakarta"), "DateTime"),
            (dt.datetime(2025, 5, 15, tzinfo=dt.UTC), "datetime"),
            (None, "NoneType"),
        ],
    )
    @pytest.mark.parametrize("query", sorted(QUERIES))
    def test_non_date_refused(self, query: str, value: object, got: str) -> None:
        """Every dated query wants a pendulum.Date: not text, a stdlib date or a DateTime."""
        with pytest.raises(InvalidType) as info:
            self.QUERIES[query](city(), value)
        assert ("data.type", "on", {"expected": "pendulum.Date", "got": got}) == (
            info.value.code,
            info.value.path,
            info.value.params,
        )


# --- Properties -------------------------------------------------------------------------

START = D(2020, 1, 1)
# Five synthetic PNS numbers, differing only in their sequence.
PEOPLE = tuple(f"19800101200501100{i}" for i in range(1, 6))


@st.composite
def _appointments_to_one_post(draw: st.DrawFn) -> list[Appointment]:
    """Up to 12 appointments of five officials to the post ``p``, in random order."""
    appointments = []
    for _ in range(draw(st.integers(0, 12))):
        start = START.add(days=draw(st.integers(0, 60)))
        length = draw(st.none() | st.integers(0, 40))
        appointments.append(
            _appoint(
                draw(st.sampled_from(PEOPLE)),
                "p",
                start,
                None if length is None else start.add(days=length),
                draw(st.sampled_from(AppointmentKind)),
            )
        )
    return appointments


def _one_post_roster(appointments: Sequence[Appointment]) -> Roster:
    """A roster with one unit, one post ``p``, five officials and ``appointments``."""
    return _roster(
        perangkat_daerah=[_unit("u", UnitKind.DINAS)],
        positions=[rb.post("p", "u", ADM, heads=True)],
        officials=[_person(n, "Pegawai", Sex.MALE) for n in PEOPLE],
        appointments=appointments,
    )


days = st.integers(-5, 110).map(lambda n: START.add(days=n))


class TestProperties:
    @given(_appointments_to_one_post(), days)
    def test_holders_is_the_filter_of_active_appointments(
        self, appointments: list[Appointment], day: pendulum.Date
    ) -> None:
        """holders() equals the brute-force filter, definitive first, each group by start."""
        roster = _one_post_roster(appointments)
        active = [a for a in appointments if a.active_on(day)]
        definitive = sorted((a for a in active if not a.kind.is_acting), key=lambda a: a.start)
        acting = sorted((a for a in active if a.kind.is_acting), key=lambda a: a.start)
        assert (*definitive, *acting) == roster.holders("p", on=day)
        holding = roster.holding("p", on=day)
        assert ([*definitive, *acting, None])[0] == holding.appointment
        assert (not definitive) == (["p"] == _ids(roster.vacancies(on=day)))
        assert (not definitive and bool(acting)) == holding.acting

    @given(_appointments_to_one_post(), days)
    def test_snapshot_holds_exactly_the_active_appointments(
        self, appointments: list[Appointment], day: pendulum.Date
    ) -> None:
        """on(d).appointments are exactly the appointments in force on d, in input order."""
        roster = _one_post_roster(appointments)
        assert tuple(a for a in appointments if a.active_on(day)) == roster.on(day).appointments
        assert roster.holders("p", on=day) == roster.on(day).holders("p", on=day)

    @given(
        st.lists(st.none() | st.sampled_from(Golongan), max_size=len(PEOPLE), min_size=len(PEOPLE)),
        st.sampled_from(Golongan),
        st.sampled_from(Golongan),
    )
    def test_officials_in_golongan_is_the_filter(
        self, golongans: list[Golongan | None], low: Golongan, high: Golongan
    ) -> None:
        """officials_in_golongan() equals the brute-force filter, sorted by rank, stable."""
        officials = [
            _person(n, "Pegawai", Sex.MALE, g) for n, g in zip(PEOPLE, golongans, strict=True)
        ]
        roster = _roster(officials=officials)
        expected = sorted(
            (o for o in officials if o.golongan is not None and low <= o.golongan <= high),
            key=lambda o: o.golongan.rank if o.golongan is not None else 0,
        )
        assert tuple(expected) == roster.officials_in_golongan(min_value=low, max_value=high)

    @given(st.lists(st.integers(0, 30), max_size=12))
    def test_units_under_top_lists_each_unit_once_after_its_parent(
        self, choices: list[int]
    ) -> None:
        """From the top, every unit appears once, after its parent (a depth-first pre-order)."""
        units = [
            _unit(
                f"u{i}",
                UnitKind.SUB_UNIT,
                None if choice % (i + 1) == i else f"u{choice % (i + 1)}",
            )
            for i, choice in enumerate(choices)
        ]
        roster = _roster(perangkat_daerah=units)
        order = _ids(roster.units_under(None))
        assert sorted(_ids(units)) == sorted(order)
        for unit in units:
            if unit.parent is not None:
                assert order.index(unit.parent) < order.index(unit.id)
                assert unit in roster.units_under(unit.parent)
                assert unit in roster.units_under(unit.parent, recursive=False)


# --- Performance: no query scans every appointment -------------------------------------


class _CountingDate(pendulum.Date):
    """A pendulum.Date counting every comparison it takes part in, on either side."""

    comparisons: ClassVar[int] = 0

    def __lt__(self, other: dt.date) -> bool:
        _CountingDate.comparisons += 1
        return super().__lt__(other)

    def __le__(self, other: dt.date) -> bool:
        _CountingDate.comparisons += 1
        return super().__le__(other)

    def __gt__(self, other: dt.date) -> bool:
        _CountingDate.comparisons += 1
        return super().__gt__(other)

    def __ge__(self, other: dt.date) -> bool:
        _CountingDate.comparisons += 1
        return super().__ge__(other)


def _big_city(size: int) -> Roster:
    """A synthetic city of ``size`` officials and posts, 10 posts a dinas.

    Every post has its current definitive holder; every fifth post also has a former
    holder (an ended appointment) and a Plh: about 1.4 appointments per official.
    """
    births = [dt.date(1970, 1, 1) + dt.timedelta(days=i) for i in range(size)]
    nips = [f"{b:%Y%m%d}199501{1 + i % 2}001" for i, b in enumerate(births)]
    units = [_unit(f"dinas-{i}", UnitKind.DINAS) for i in range(size // 10)]
    positions = [rb.post(f"p{i}", f"dinas-{i // 10}", ADM, heads=i % 10 == 0) for i in range(size)]
    officials = [_person(n, f"Pegawai {i}", Sex.MALE) for i, n in enumerate(nips)]
    appointments = []
    for i, nip in enumerate(nips):
        appointments.append(_appoint(nip, f"p{i}", D(2024, 1, 1)))
        if i % 5 == 0:
            other = nips[(i + 1) % size]
            appointments.append(_appoint(other, f"p{i}", D(2020, 1, 1), D(2023, 12, 31)))
            appointments.append(_appoint(other, f"p{i}", D(2025, 5, 1), D(2025, 5, 31), PLH))
    return _roster(
        perangkat_daerah=units, positions=positions, officials=officials, appointments=appointments
    )


@functools.cache
def _big_cities() -> dict[int, Roster]:
    """The synthetic city at 500 and at 5,000 officials, built once."""
    return {size: _big_city(size) for size in (500, 5000)}


@pytest.fixture
def rosters() -> dict[int, Roster]:
    """The synthetic cities."""
    return _big_cities()


def _comparisons(query: Callable[[], object]) -> int:
    """How many date comparisons ``query`` makes against the counting date."""
    _CountingDate.comparisons = 0
    query()
    return _CountingDate.comparisons


class _Tripwire(tuple[Appointment, ...]):
    """A tuple of appointments counting every pass over it and every item read from it."""

    __slots__ = ()
    reads: ClassVar[int] = 0

    def __iter__(self) -> Iterator[Appointment]:
        _Tripwire.reads += 1
        return super().__iter__()

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Appointment: ...

    @overload
    def __getitem__(self, index: slice, /) -> tuple[Appointment, ...]: ...

    def __getitem__(self, index: SupportsIndex | slice, /) -> Appointment | tuple[Appointment, ...]:
        _Tripwire.reads += 1
        return super().__getitem__(index)


def _wired(roster: Roster) -> Roster:
    """A copy of ``roster`` whose ``appointments`` collection counts every read."""
    wired = copy.copy(roster)
    object.__setattr__(wired, "appointments", _Tripwire(roster.appointments))
    return wired


BIG_CITY_QUERIES: dict[str, Callable[[Roster, pendulum.Date], object]] = {
    "holders": lambda r, on: r.holders("p10", on=on),
    "holding": lambda r, on: r.holding("p20", on=on),
    "vacancies": lambda r, on: r.vacancies(on=on),
    "heads": lambda r, on: r.heads(UnitKind.DINAS, on=on),
    "heads_of_perangkat_daerah": lambda r, on: r.heads_of_perangkat_daerah(on=on),
    "head_of": lambda r, on: r.head_of("dinas-3", on=on),
    "posts_of": lambda r, on: r.posts_of(r.officials[10].nip, on=on),
    "chain_of_command": lambda r, on: r.chain_of_command(r.officials[11].nip, on=on),
    "officials_by": lambda r, on: r.officials_by(on=on, family=ADM),
    "appointments_of": lambda r, _: r.appointments_of(r.officials[10].nip),
    "appointments_to": lambda r, _: r.appointments_to("p10"),
    "officials_in_golongan": lambda r, _: r.officials_in_golongan(),
}


class TestPerformance:
    """Deterministic complexity checks: count reads and comparisons, never measure time."""

    def test_sizes(self, rosters: dict[int, Roster]) -> None:
        """The large city has 5,000 officials and 7,000 appointments."""
        assert (5000, 7000) == (len(rosters[5000].officials), len(rosters[5000].appointments))

    def test_tripwire_counts(self, rosters: dict[int, Roster]) -> None:
        """The tripwire sees a full pass (so the check below can fail): on() must read them all."""
        wired = _wired(rosters[500])
        _Tripwire.reads = 0
        snapshot = wired.on(DAY)
        assert (1, 600) == (_Tripwire.reads, len(snapshot.appointments))

    @pytest.mark.parametrize("query", sorted(BIG_CITY_QUERIES))
    def test_no_query_reads_the_appointments(self, rosters: dict[int, Roster], query: str) -> None:
        """Queries answer from the index: they never pass over the roster's appointments."""
        wired = _wired(rosters[5000])
        _Tripwire.reads = 0
        answer = BIG_CITY_QUERIES[query](wired, DAY)
        assert 0 == _Tripwire.reads
        assert BIG_CITY_QUERIES[query](rosters[5000], DAY) == answer

    def test_counting_date_counts(self) -> None:
        """The counting date sees comparisons from either side (so the checks below can fail)."""
        day = _CountingDate(2025, 5, 15)
        assert 4 == _comparisons(
            lambda: (day < DAY, DAY <= day, [d for d in (DAY,) if d >= day], DAY > day)
        )

    @pytest.mark.parametrize(
        "query", ["holders", "holding", "head_of", "posts_of", "chain_of_command"]
    )
    def test_date_work_independent_of_roster_size(
        self, rosters: dict[int, Roster], query: str
    ) -> None:
        """A query about one post or person compares as few dates in a city ten times larger."""
        day = _CountingDate(2025, 5, 15)
        counts = [
            _comparisons(functools.partial(BIG_CITY_QUERIES[query], r, day))
            for r in rosters.values()
        ]
        assert counts[0] == counts[1]
        assert 0 < counts[1] <= 16

    def test_answers_are_right_in_the_large_city(self, rosters: dict[int, Roster]) -> None:
        """The counted queries still answer correctly: holder first, then the Plh."""
        roster = rosters[5000]
        holders = roster.holders("p10", on=DAY)
        assert [AppointmentKind.DEFINITIF, PLH] == [a.kind for a in holders]
        assert [roster.officials[11].nip] == [a.nip for a in holders[1:]]
        assert 500 == len(roster.heads(UnitKind.DINAS, on=DAY))
