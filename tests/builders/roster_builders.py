"""Builders for the tests: a small valid Kota Malang roster, its parts, one near miss per rule.

`roster()` is a coherent slice of Kota Malang (sources: kode-wilayah-cities codes; synthetic people)
that checks clean on `ON`. Each near miss changes one thing so that exactly one rule
fires; `NEAR_MISSES` lists them with the path and severity the finding must carry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
import pendulum

from birokrasi_retreat.findings import Severity
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
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
from birokrasi_retreat.ranks import Eselon, Golongan, PositionFamily, Sex
from birokrasi_retreat.roster import Roster


T = TypeVar("T")

ON: Final = pendulum.Date(2025, 5, 15)
"""The reference date: every post is held on it in the valid roster."""
START: Final = pendulum.Date(2020, 1, 2)
"""The start of every appointment of the valid roster."""

# Indexes of the valid roster's posts, officials and appointments (one of each per post).
SEKDA, KADINKES, DOKTER, CAMAT, LURAH = range(5)

# Synthetic NIPs (valid, plausible, TMT well after the 18th birthday).
NIPS: Final = (
    "197008151995031002",  # Sekda: born 1970, male
    "197201011998032004",  # Kepala Dinas Kesehatan: born 1972, female
    "197802202003122001",  # dokter ahli madya: born 1978, female
    "198004122005011003",  # Camat Klojen: born 1980, male
    "198609262015051001",  # Lurah Klojen: the documented example NIP, male
)
EXTRA_NIP: Final = "199005052014031005"
"""A sixth official (born 1990, male, III/c), for near misses that add a holder."""


def kode(code: str) -> KodeWilayah:
    """A KodeWilayah from its dotted text."""
    return KodeWilayah(code=code)


def pemda() -> Pemda:
    """Kota Malang."""
    return Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=kode("35.73"))


def perangkat_daerah() -> tuple[PerangkatDaerah, ...]:
    """The Setda and the Dinas Kesehatan."""
    return (
        PerangkatDaerah(id="setda", name="Sekretariat Daerah", kind=UnitKind.SEKRETARIAT_DAERAH),
        PerangkatDaerah(id="dinkes", name="Dinas Kesehatan", kind=UnitKind.DINAS),
    )


def kecamatan() -> tuple[Kecamatan, ...]:
    """Klojen and Kedungkandang."""
    return (
        Kecamatan(id="klojen", name="Klojen", kode=kode("35.73.02")),
        Kecamatan(id="kedungkandang", name="Kedungkandang", kode=kode("35.73.03")),
    )


def kelurahan() -> tuple[Kelurahan, ...]:
    """Kelurahan Klojen and Kelurahan Kedungkandang."""
    return (
        Kelurahan(id="kel-klojen", name="Klojen", kode=kode("35.73.02.1001"), kecamatan="klojen"),
        Kelurahan(
            id="kel-kedungkandang",
            name="Kedungkandang",
            kode=kode("35.73.03.1006"),
            kecamatan="kedungkandang",
        ),
    )


def post(
    post_id: str,
    unit: str,
    family: PositionFamily,
    eselon: Eselon | None = None,
    *,
    heads: bool = False,
    level: FunctionalLevel | None = None,
) -> Position:
    """A post titled after its id: ``post("camat-klojen", ...)`` is "Camat Klojen"."""
    return Position(
        id=post_id,
        title=post_id.replace("-", " ").title(),
        unit=unit,
        family=family,
        eselon=eselon,
        heads_unit=heads,
        functional_level=level,
    )


def positions() -> tuple[Position, ...]:
    """Sekda, Kepala Dinas, a functional doctor, the Camat and the Lurah (in index order)."""
    return (
        Position(
            id="sekda",
            title="Sekretaris Daerah",
            unit="setda",
            family=PositionFamily.JPT_PRATAMA,
            eselon=Eselon.II_A,
            heads_unit=True,
        ),
        Position(
            id="kadinkes",
            title="Kepala Dinas Kesehatan",
            unit="dinkes",
            family=PositionFamily.JPT_PRATAMA,
            eselon=Eselon.II_B,
            heads_unit=True,
        ),
        Position(
            id="dokter",
            title="Dokter Ahli Madya",
            unit="dinkes",
            family=PositionFamily.FUNGSIONAL,
            functional_level=FunctionalLevel.AHLI_MADYA,
        ),
        Position(
            id="camat-klojen",
            title="Camat Klojen",
            unit="klojen",
            family=PositionFamily.ADMINISTRATOR,
            eselon=Eselon.III_A,
            heads_unit=True,
        ),
        Position(
            id="lurah-klojen",
            title="Lurah Klojen",
            unit="kel-klojen",
            family=PositionFamily.PENGAWAS,
            eselon=Eselon.IV_A,
            heads_unit=True,
        ),
    )


def officials() -> tuple[Official, ...]:
    """One official per post, each golongan inside the post's eselon range."""
    rows = (
        ("Bambang Wibisono", Sex.MALE, Golongan.IV_C),
        ("Sri Wahyuni", Sex.FEMALE, Golongan.IV_B),
        ("Dewi Lestari", Sex.FEMALE, Golongan.IV_A),
        ("Agus Prasetyo", Sex.MALE, Golongan.IV_A),
        ("Budi Santoso", Sex.MALE, Golongan.III_C),
    )
    return tuple(
        Official(nip=nip, name=name, sex=sex, golongan=golongan)
        for nip, (name, sex, golongan) in zip(NIPS, rows, strict=True)
    )


def extra_official(**changes: Any) -> Official:
    """A sixth official, fit for the Lurah post."""
    base = Official(nip=EXTRA_NIP, name="Eko Saputra", sex=Sex.MALE, golongan=Golongan.III_C)
    return attrs.evolve(base, **changes)


def appointments() -> tuple[Appointment, ...]:
    """Each official definitively in their post from `START`, open-ended."""
    return tuple(
        Appointment(nip=nip, position=position.id, start=START)
        for nip, position in zip(NIPS, positions(), strict=True)
    )


def roster(**fields: Any) -> Roster:
    """The valid roster, with any collection (or the pemda) replaced."""
    parts: dict[str, Any] = {
        "pemda": pemda(),
        "perangkat_daerah": perangkat_daerah(),
        "kecamatan": kecamatan(),
        "kelurahan": kelurahan(),
        "positions": positions(),
        "officials": officials(),
        "appointments": appointments(),
    }
    parts.update(fields)
    return Roster(**parts)


def replaced(items: tuple[T, ...], index: int, **changes: Any) -> tuple[T, ...]:
    """``items`` with ``items[index]`` evolved by ``changes``."""
    item: Any = items[index]
    return (*items[:index], attrs.evolve(item, **changes), *items[index + 1 :])


def with_official(index: int, official: Official) -> Roster:
    """The valid roster with official ``index`` replaced, their appointment following."""
    return roster(
        officials=(*officials()[:index], official, *officials()[index + 1 :]),
        appointments=replaced(appointments(), index, nip=official.nip),
    )


def with_lurah_appointment(**changes: Any) -> Roster:
    """The valid roster with a second appointment to the Lurah post (appointments[5])."""
    second = Appointment(nip=EXTRA_NIP, position="lurah-klojen", start=pendulum.Date(2024, 1, 2))
    return roster(
        officials=(*officials(), extra_official()),
        appointments=(*appointments(), attrs.evolve(second, **changes)),
    )


def kabupaten_roster(kelurahan_code: str) -> Roster:
    """Kabupaten Jayapura, kecamatan Sentani, one kelurahan with ``kelurahan_code``."""
    return Roster(
        pemda=Pemda(kind=PemdaKind.KABUPATEN, name="Kabupaten Jayapura", kode=kode("91.03")),
        kecamatan=(Kecamatan(id="sentani", name="Sentani", kode=kode("91.03.01")),),
        kelurahan=(
            Kelurahan(id="k", name="Yoboi", kode=kode(kelurahan_code), kecamatan="sentani"),
        ),
    )


def batu_roster(kelurahan_code: str) -> Roster:
    """Kota Batu, kecamatan Batu, one kelurahan with ``kelurahan_code``."""
    return Roster(
        pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Batu", kode=kode("35.79")),
        kecamatan=(Kecamatan(id="batu", name="Batu", kode=kode("35.79.01")),),
        kelurahan=(Kelurahan(id="k", name="Temas", kode=kode(kelurahan_code), kecamatan="batu"),),
    )


# --- near misses: one rule each --------------------------------------------------------------


def org001() -> Roster:
    """Kecamatan Klojen given Kota Batu's kecamatan code (its kelurahan follows it)."""
    return roster(
        kecamatan=replaced(kecamatan(), 0, kode=kode("35.79.01")),
        kelurahan=replaced(kelurahan(), 0, kode=kode("35.79.01.1001")),
    )


def org002() -> Roster:
    """Kelurahan Klojen given a kelurahan code of Kedungkandang."""
    return roster(kelurahan=replaced(kelurahan(), 0, kode=kode("35.73.03.1007")))


def org003() -> Roster:
    """Kelurahan Klojen given a well-formed code that is not catalogued."""
    return roster(kelurahan=replaced(kelurahan(), 0, kode=kode("35.73.02.1099")))


def org004() -> Roster:
    """A kelurahan of Kota Batu carrying the code of desa Sumberejo."""
    return batu_roster("35.79.01.2005")


def org005() -> Roster:
    """A second definitive Lurah from 2024 while the first is still in post."""
    return with_lurah_appointment()


def org006() -> Roster:
    """A Plt Lurah from 2024 while the definitive Lurah is still in post."""
    return with_lurah_appointment(kind=AppointmentKind.PLT)


def org007() -> Roster:
    """The Lurah left at the end of 2024 and nobody replaced them."""
    return roster(appointments=replaced(appointments(), LURAH, end=pendulum.Date(2024, 12, 31)))


def org008() -> Roster:
    """The Lurah (IV.a: III/c-III/d) holds III/a, two steps below."""
    return roster(officials=replaced(officials(), LURAH, golongan=Golongan.III_A))


def org009() -> Roster:
    """The Lurah (IV.a: III/c-III/d) holds IV/a, above the range."""
    return roster(officials=replaced(officials(), LURAH, golongan=Golongan.IV_A))


def org010() -> Roster:
    """The Lurah's stated birth date is a day after the NIP's."""
    return roster(
        officials=replaced(officials(), LURAH, birth_date=pendulum.Date(1986, 9, 27)),
    )


def org011() -> Roster:
    """The Lurah is recorded female while the NIP's sex digit says male."""
    return roster(officials=replaced(officials(), LURAH, sex=Sex.FEMALE))


def org012() -> Roster:
    """A second record of the Lurah's NIP (officials[5])."""
    twin = attrs.evolve(officials()[LURAH], name="Budi S.")
    return roster(officials=(*officials(), twin))


def org013() -> Roster:
    """The Lurah's appointment starts the day before the TMT CPNS (May 2015)."""
    return roster(
        appointments=replaced(appointments(), LURAH, start=pendulum.Date(2015, 4, 30)),
    )


def org014() -> Roster:
    """The Camat post is Pengawas instead of Administrator."""
    return roster(positions=replaced(positions(), CAMAT, family=PositionFamily.PENGAWAS))


def org015() -> Roster:
    """The Camat (Administrator, BUP 58) was born in January 1966: 59 on `ON`."""
    old = Official(nip="196601101990031004", name="Agus P.", sex=Sex.MALE, golongan=Golongan.IV_A)
    return with_official(CAMAT, old)


def org016() -> Roster:
    """The Camat's NIP has a TMT (December 2018) before their 18th birthday (January 2001)."""
    young = Official(nip="200101012018121003", name="Agus M.", sex=Sex.MALE, golongan=Golongan.IV_A)
    return with_official(CAMAT, young)


@attrs.frozen(kw_only=True)
class NearMiss:
    """A roster that triggers one rule once, and what the finding must say."""

    build: Callable[[], Roster]
    path: str
    severity: Severity


NEAR_MISSES: Final[Mapping[str, NearMiss]] = {
    "ORG001": NearMiss(build=org001, path="kecamatan[0].kode", severity=Severity.ERROR),
    "ORG002": NearMiss(build=org002, path="kelurahan[0].kode", severity=Severity.ERROR),
    "ORG003": NearMiss(build=org003, path="kelurahan[0].kode", severity=Severity.WARNING),
    "ORG004": NearMiss(build=org004, path="kelurahan[0].kode", severity=Severity.ERROR),
    "ORG005": NearMiss(build=org005, path="appointments[5]", severity=Severity.ERROR),
    "ORG006": NearMiss(build=org006, path="appointments[5]", severity=Severity.INFO),
    "ORG007": NearMiss(build=org007, path="positions[4]", severity=Severity.WARNING),
    "ORG008": NearMiss(build=org008, path="appointments[4]", severity=Severity.ERROR),
    "ORG009": NearMiss(build=org009, path="appointments[4]", severity=Severity.WARNING),
    "ORG010": NearMiss(build=org010, path="officials[4].birth_date", severity=Severity.ERROR),
    "ORG011": NearMiss(build=org011, path="officials[4].sex", severity=Severity.ERROR),
    "ORG012": NearMiss(build=org012, path="officials[5].nip", severity=Severity.ERROR),
    "ORG013": NearMiss(build=org013, path="appointments[4].start", severity=Severity.ERROR),
    "ORG014": NearMiss(build=org014, path="positions[3].family", severity=Severity.WARNING),
    "ORG015": NearMiss(build=org015, path="officials[3]", severity=Severity.WARNING),
    "ORG016": NearMiss(build=org016, path="officials[3].nip", severity=Severity.WARNING),
}
"""Every rule's near miss, checked on `ON`."""
