"""A synthetic kota roster of any size, for the roster benchmarks (`bench_roster.py`).

`make_city` builds, from ``random.Random(seed)`` alone, a `Roster` of Kota Malang
(35.73) with ``n_officials`` officials, each holding one definitive post on
`REFERENCE_DATE` and having held one post before, so about two appointments per
official (10,000 officials give about 20,000 appointments). Same ``n_officials`` and
``seed``, same roster.

The shape of the city (PP 18/2016; sources: perangkat-daerah, pemkot-posts):

* a Sekretariat Daerah (Sekda, 3 Asisten, 3 Staf Ahli) with 9 Bagian, a Sekretariat DPRD
  with 3 Bagian and an Inspektorat;
* Dinas and Badan, one per 250 officials (at least 4), each with a Sekretaris, 3
  Kasubbag and 4 Bidang (a Kabid and 3 Kasi each);
* one kelurahan per 40 officials (at least 5) spread over at most 99 kecamatan, with a
  Camat, Sekcam and 4 Kasi per kecamatan, a Lurah, Seklur and 3 Kasi per kelurahan;
* the remaining posts are pelaksana and fungsional staff, dealt round-robin over the
  units, so that no unit grows with the city: the number of units does. About a tenth
  of the staff posts are held by PPPK.

Eselon and family per post: sources: city-eselon (Sekda II.a; Asisten, Staf Ahli,
Kepala OPD, Inspektur, Sekretaris DPRD II.b; Sekretaris OPD, Kabag, Camat III.a; Kabid,
Sekcam III.b; Lurah, Kasubbag, Kasi IV.a; Seklur and Kasi of a kelurahan IV.b). Kabid
III.b and Kasi/Kasubbag IV.a are marked unconfirmed there; they are used as the typical
values.

Region codes: the first five kecamatan and their kelurahan are the real ones of Kota
Malang (35.73.01-05, from the bundled ``malang`` sample, which takes them from the
official catalogue). Kelurahan beyond a real kecamatan's own, and kecamatan 35.73.06
onwards, carry **invented** but structurally valid codes inside 35.73, which rule ORG003
(code not in the catalogue, a warning) reports; check with ``ignore=["ORG003"]``.

People are synthetic: names drawn from short lists, NIPs formatted digit by digit
(birth date, TMT CPNS, the sex digit matching ``sex``, a sequence unique per prefix)
and NI PPPK likewise (appointment year 2019-2021, code 21 or 24). Every choice keeps
the roster clean of error findings on `REFERENCE_DATE`:

* golongan within the eselon's pangkat range (PP 100/2000 as amended by PP 13/2002,
  sources: pangkat-range), so no ORG008/ORG009; a Plt acting in a vacant head post is taken
  from the unit's eselon posts and is at most one step below the range (ORG008 info);
  pelaksana and fungsional posts have no eselon and no range is checked for them (the
  golongan drawn for them are a synthetic spread, not a rule);
* PNS born 1968 or later, so under every BUP on 2025-11-30 (58 at least, sources: retirement-age: no
ORG015); TMT CPNS 20 to 30 years after birth and by 2016 (no ORG016);
* PNS: the earlier appointment starts on or after the TMT CPNS (no ORG013) and ends by
  2018-12-31; the current one starts 2019-01-01 to 2025-06-30. PPPK: the same with
  2022-12-31 and 2023-01-01. Each post has at most one earlier holder (the holders of
  one class of post pass the posts round one place), so no two definitive appointments
  overlap (no ORG005);
* 1% of posts are vacant (ORG007, a warning); a vacant head post gets a Plt when its
  unit has a suitable official.

Examples:
    >>> roster = make_city(300, seed=1)
    >>> len(roster.officials), len(roster.appointments) >= 600
    (300, True)
    >>> make_city(300, seed=1) == roster
    True
"""

from __future__ import annotations

import datetime as dt
import math
import random

from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from birokrasi_retreat import samples
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
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily, Sex
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["REFERENCE_DATE", "make_city"]

REFERENCE_DATE: Final = pendulum.Date(2025, 11, 30)
"""The date the city is checked and queried on (``check(..., on=REFERENCE_DATE)``)."""

_PEMDA_KODE: Final = "35.73"
_REAL_KECAMATAN: Final = 5  # Kota Malang has 5 kecamatan (sources: kode-wilayah-cities).
_MAX_KECAMATAN: Final = 99  # two digits of a kecamatan code
_OFFICIALS_PER_OPD: Final = 250
_OFFICIALS_PER_KELURAHAN: Final = 40
_KELURAHAN_PER_KECAMATAN: Final = 12
_VACANT_SHARE: Final = 100  # one post in this many is vacant
_PPPK_SHARE: Final = 10  # one staff post in this many is held by a PPPK

# The timelines that keep appointments to one post apart (see the module docstring).
_PNS_PAST_END: Final = dt.date(2018, 12, 31)
_PPPK_PAST_END: Final = dt.date(2022, 12, 31)
_LATEST_START: Final = dt.date(2025, 6, 30)

_MALE_NAMES: Final = (
    "Agus", "Ahmad", "Arif", "Bambang", "Budi", "Dedi", "Eko", "Fajar", "Hadi", "Hendra",
    "Imam", "Joko", "Rudi", "Slamet", "Teguh", "Wahyu", "Yusuf", "Rizki", "Dimas", "Bayu",
)  # fmt: skip
_FEMALE_NAMES: Final = (
    "Ani", "Dewi", "Endang", "Fitri", "Indah", "Kartika", "Lestari", "Maya", "Nur", "Putri",
    "Ratna", "Rina", "Sari", "Siti", "Sri", "Tri", "Wulan", "Yuni", "Dian", "Nia",
)  # fmt: skip
_SURNAMES: Final = (
    "Santoso", "Wibowo", "Setiawan", "Prasetyo", "Kurniawan", "Hidayat", "Saputra",
    "Nugroho", "Susanto", "Wahyudi", "Rahayu", "Lestari", "Handayani", "Purnomo", "Utami",
    "Permana", "Suharto", "Firmansyah", "Hakim", "Ramadhan",
)  # fmt: skip
_DEGREES: Final = ("S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.T.", "S.Pd.", "S.AP.", "A.Md.")
_MASTERS: Final = ("M.Si.", "M.M.", "M.AP.", "M.H.")
_OPD_TOPICS: Final = (
    "Pendidikan", "Kesehatan", "Pekerjaan Umum", "Perhubungan", "Sosial", "Lingkungan Hidup",
    "Kependudukan dan Pencatatan Sipil", "Komunikasi dan Informatika", "Perdagangan",
    "Pariwisata", "Ketahanan Pangan", "Perumahan", "Tenaga Kerja", "Koperasi", "Kebudayaan",
)  # fmt: skip
_FUNCTIONAL_LEVELS: Final = (
    FunctionalLevel.TERAMPIL,
    FunctionalLevel.MAHIR,
    FunctionalLevel.AHLI_PERTAMA,
    FunctionalLevel.AHLI_MUDA,
    FunctionalLevel.AHLI_MADYA,
)
_PPPK_GRADES: Final = ("VII", "IX", "IX", "X", "XI")


@attrs.frozen
class _PostKind:
    """What a post is: family, eselon, functional level, and whether a PPPK holds it."""

    family: PositionFamily
    eselon: Eselon | None = None
    level: FunctionalLevel | None = None
    pppk: bool = False


_SEKDA: Final = _PostKind(PositionFamily.JPT_PRATAMA, Eselon.II_A)
_JPT: Final = _PostKind(PositionFamily.JPT_PRATAMA, Eselon.II_B)
_ADMIN_A: Final = _PostKind(PositionFamily.ADMINISTRATOR, Eselon.III_A)
_ADMIN_B: Final = _PostKind(PositionFamily.ADMINISTRATOR, Eselon.III_B)
_PENGAWAS_A: Final = _PostKind(PositionFamily.PENGAWAS, Eselon.IV_A)
_PENGAWAS_B: Final = _PostKind(PositionFamily.PENGAWAS, Eselon.IV_B)


class _Builder:
    """Collects units and posts while the city is laid out."""

    def __init__(self) -> None:
        self.units: list[PerangkatDaerah] = []
        self.kecamatan: list[Kecamatan] = []
        self.kelurahan: list[Kelurahan] = []
        self.positions: list[Position] = []
        self.kinds: list[_PostKind] = []
        self.staff_units: list[str] = []

    def unit(self, uid: str, name: str, kind: UnitKind, parent: str | None = None) -> str:
        self.units.append(PerangkatDaerah(id=uid, name=name, kind=kind, parent=parent))
        return uid

    def post(self, unit: str, title: str, kind: _PostKind, *, heads: bool = False) -> None:
        self.positions.append(
            Position(
                id=f"{unit}.{len(self.positions)}",
                title=title,
                unit=unit,
                family=kind.family,
                eselon=kind.eselon,
                heads_unit=heads,
                functional_level=kind.level,
            )
        )
        self.kinds.append(kind)

    def posts(self, unit: str, title: str, kind: _PostKind, count: int) -> None:
        for number in range(1, count + 1):
            self.post(unit, f"{title} {number} {unit}", kind)


def _layout(builder: _Builder, n_officials: int) -> None:
    """Lay out the units and structural posts of a city sized for ``n_officials``."""
    setda = builder.unit("setda", "Sekretariat Daerah", UnitKind.SEKRETARIAT_DAERAH)
    builder.post(setda, "Sekretaris Daerah", _SEKDA, heads=True)
    builder.posts(setda, "Asisten", _JPT, 3)
    builder.posts(setda, "Staf Ahli Wali Kota", _JPT, 3)
    for number in range(1, 10):
        bagian = builder.unit(f"setda-bag{number}", f"Bagian {number}", UnitKind.BAGIAN, setda)
        builder.post(bagian, f"Kepala Bagian {number}", _ADMIN_A, heads=True)
        builder.posts(bagian, "Kepala Subbagian", _PENGAWAS_A, 3)
        builder.staff_units.append(bagian)
    setwan = builder.unit("setwan", "Sekretariat DPRD", UnitKind.SEKRETARIAT_DPRD)
    builder.post(setwan, "Sekretaris DPRD", _JPT, heads=True)
    for number in range(1, 4):
        bagian = builder.unit(f"setwan-bag{number}", f"Bagian {number}", UnitKind.BAGIAN, setwan)
        builder.post(bagian, f"Kepala Bagian {number} Setwan", _ADMIN_A, heads=True)
        builder.posts(bagian, "Kepala Subbagian", _PENGAWAS_A, 2)
        builder.staff_units.append(bagian)
    inspektorat = builder.unit("inspektorat", "Inspektorat", UnitKind.INSPEKTORAT)
    builder.post(inspektorat, "Inspektur", _JPT, heads=True)
    builder.post(inspektorat, "Sekretaris Inspektorat", _ADMIN_A)
    builder.staff_units.append(inspektorat)
    for number in range(max(4, round(n_officials / _OFFICIALS_PER_OPD))):
        kind = UnitKind.DINAS if number % 3 else UnitKind.BADAN
        word = "Dinas" if kind is UnitKind.DINAS else "Badan"
        topic = _OPD_TOPICS[number % len(_OPD_TOPICS)]
        name = f"{word} {topic} {number // len(_OPD_TOPICS) + 1}"
        opd = builder.unit(f"opd{number + 1}", name, kind)
        builder.post(opd, f"Kepala {name}", _JPT, heads=True)
        builder.post(opd, f"Sekretaris {name}", _ADMIN_A)
        builder.posts(opd, "Kepala Subbagian", _PENGAWAS_A, 3)
        builder.staff_units.append(opd)
        for bidang_number in range(1, 5):
            bidang = builder.unit(
                f"{opd}-bid{bidang_number}", f"Bidang {bidang_number}", UnitKind.BIDANG, opd
            )
            builder.post(bidang, f"Kepala Bidang {bidang_number} {name}", _ADMIN_B, heads=True)
            builder.posts(bidang, "Kepala Seksi", _PENGAWAS_A, 3)
            builder.staff_units.append(bidang)
    _layout_kecamatan(builder, n_officials)


def _layout_kecamatan(builder: _Builder, n_officials: int) -> None:
    """Lay out the kecamatan and kelurahan: real codes first, then invented ones."""
    n_kelurahan = max(_REAL_KECAMATAN, round(n_officials / _OFFICIALS_PER_KELURAHAN))
    n_kecamatan = min(
        _MAX_KECAMATAN,
        max(_REAL_KECAMATAN, math.ceil(n_kelurahan / _KELURAHAN_PER_KECAMATAN)),
    )
    real = samples.load("malang").roster
    for index in range(n_kecamatan):
        if index < len(real.kecamatan):
            kecamatan = real.kecamatan[index]
            known = [k for k in real.kelurahan if k.kecamatan == kecamatan.id]
        else:
            kode = KodeWilayah(code=f"{_PEMDA_KODE}.{index + 1:02d}")
            kecamatan = Kecamatan(id=f"kec{index + 1}", name=f"Kecamatan {index + 1}", kode=kode)
            known = []
        builder.kecamatan.append(kecamatan)
        kec = kecamatan.id
        builder.post(kec, f"Camat {kecamatan.name}", _ADMIN_A, heads=True)
        builder.post(kec, f"Sekretaris Camat {kecamatan.name}", _ADMIN_B)
        builder.posts(kec, "Kepala Seksi", _PENGAWAS_A, 4)
        builder.staff_units.append(kec)
        count = n_kelurahan // n_kecamatan + (index < n_kelurahan % n_kecamatan)
        last = max((int(k.kode.code[-4:]) for k in known), default=1000)
        for number in range(count):
            if number < len(known):
                kelurahan = known[number]
            else:
                last += 1
                kelurahan = Kelurahan(
                    id=f"{kec}-kel{last}",
                    name=f"Kelurahan {kecamatan.name} {last}",
                    kode=KodeWilayah(code=f"{kecamatan.kode.code}{last}"),
                    kecamatan=kec,
                )
            builder.kelurahan.append(kelurahan)
            kel = kelurahan.id
            builder.post(kel, f"Lurah {kelurahan.name}", _PENGAWAS_A, heads=True)
            builder.post(kel, f"Sekretaris Lurah {kelurahan.name}", _PENGAWAS_B)
            builder.posts(kel, "Kepala Seksi", _PENGAWAS_B, 3)
            builder.staff_units.append(kel)


def _staff(builder: _Builder, count: int, rng: random.Random) -> None:
    """Deal ``count`` pelaksana and fungsional posts round-robin over the staff units."""
    units = builder.staff_units
    for number in range(count):
        unit = units[number % len(units)]
        pppk = rng.randrange(_PPPK_SHARE) == 0
        if rng.random() < 0.5:  # half pelaksana, half fungsional
            builder.post(unit, "Pelaksana", _PostKind(PositionFamily.PELAKSANA, pppk=pppk))
        else:
            level = rng.choice(_FUNCTIONAL_LEVELS)
            kind = _PostKind(PositionFamily.FUNGSIONAL, level=level, pppk=pppk)
            builder.post(unit, f"Fungsional {level.value.replace('_', ' ')}", kind)


def _golongan(kind: _PostKind, rng: random.Random) -> Golongan:
    """A golongan for the holder of a post of ``kind``: within the eselon's range."""
    if kind.eselon is not None:
        # PP 100/2000 as amended by PP 13/2002 (sources: pangkat-range).
        lowest, highest = kind.eselon.pangkat_range
        return Golongan.from_rank(rng.randint(lowest.rank, highest.rank))
    # No range applies to pelaksana and fungsional posts: a synthetic spread, II/a-IV/a.
    return Golongan.from_rank(rng.randint(Golongan.II_A.rank, Golongan.IV_A.rank))


def _day_between(first: dt.date, last: dt.date, rng: random.Random) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _pendulum(day: dt.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


@attrs.frozen
class _Person:
    official: Official
    first_day: dt.date  # TMT CPNS (PNS) or 1 January of the appointment year (PPPK)


def _person(kind: _PostKind, rng: random.Random, prefixes: dict[str, int]) -> _Person:
    """A synthetic official for a post of ``kind``, with a NIP unique in ``prefixes``."""
    sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
    digit = "1" if sex is Sex.MALE else "2"
    given = rng.choice(_MALE_NAMES if sex is Sex.MALE else _FEMALE_NAMES)
    name = f"{given} {rng.choice(_SURNAMES)}"
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    back: tuple[str, ...] = (rng.choice(_DEGREES),) if rng.random() < 0.7 else ()
    if kind.eselon is not None and rng.random() < 0.5:
        back = (*back, rng.choice(_MASTERS))
    pilgrim = ("H.",) if sex is Sex.MALE else ("Hj.",)
    front: tuple[str, ...] = pilgrim if rng.random() < 0.1 else ()
    if kind.pppk:
        year = rng.randint(1975, 1999)
        appointed = rng.randint(2019, 2021)
        prefix = f"{year:04d}{month:02d}{day:02d}{appointed:04d}{rng.choice(('21', '24'))}{digit}"
        first_day = dt.date(appointed, 1, 1)
    else:
        # Born 1968 or later: under every BUP on 2025-11-30 (sources: retirement-age).
        year = rng.randint(1968, 1996)
        tmt_year = rng.randint(year + 20, min(year + 30, 2016))
        tmt_month = rng.randint(1, 12)
        prefix = f"{year:04d}{month:02d}{day:02d}{tmt_year:04d}{tmt_month:02d}{digit}"
        first_day = dt.date(tmt_year, tmt_month, 1)
    sequence = prefixes.get(prefix, 0) + 1
    prefixes[prefix] = sequence
    birth = pendulum.Date(year, month, day) if rng.random() < 0.5 else None
    official = Official(
        nip=f"{prefix}{sequence:03d}",
        name=name,
        sex=sex,
        asn_type=AsnType.PPPK if kind.pppk else AsnType.PNS,
        front_titles=front,
        back_titles=back,
        golongan=None if kind.pppk else _golongan(kind, rng),
        pppk_grade=rng.choice(_PPPK_GRADES) if kind.pppk else None,
        birth_date=birth,
    )
    return _Person(official=official, first_day=first_day)


def _sk(number: int, day: dt.date) -> str:
    return f"800.1.3.3/{number}/35.73.112/{day.year}"


def _appointments(
    positions: Sequence[Position],
    kinds: Sequence[_PostKind],
    holders: dict[int, _Person],
    rng: random.Random,
) -> list[Appointment]:
    """Each holder's current post and, earlier, the next post of the same kind."""
    classes: dict[_PostKind, list[int]] = {}
    for index, kind in enumerate(kinds):
        classes.setdefault(kind, []).append(index)
    appointments: list[Appointment] = []
    for kind, members in classes.items():
        past_end = _PPPK_PAST_END if kind.pppk else _PNS_PAST_END
        for place, index in enumerate(members):
            person = holders.get(index)
            if person is None:
                continue
            nip = person.official.nip
            start = _day_between(past_end + dt.timedelta(days=1), _LATEST_START, rng)
            earlier_start = _day_between(person.first_day, past_end - dt.timedelta(days=30), rng)
            earlier_end = _day_between(earlier_start, past_end, rng)
            earlier = positions[members[(place + 1) % len(members)]]
            appointments.append(
                Appointment(
                    nip=nip,
                    position=earlier.id,
                    start=_pendulum(earlier_start),
                    end=_pendulum(earlier_end),
                    sk_number=_sk(len(appointments) + 1, earlier_start),
                )
            )
            appointments.append(
                Appointment(
                    nip=nip,
                    position=positions[index].id,
                    start=_pendulum(start),
                    sk_number=_sk(len(appointments) + 1, start),
                )
            )
    return appointments


def _acting(
    builder: _Builder, holders: dict[int, _Person], vacant: Sequence[int], rng: random.Random
) -> list[Appointment]:
    """A Plt for each vacant head post whose unit has an eselon post holder who fits."""
    by_unit: dict[str, list[int]] = {}
    for index, position in enumerate(builder.positions):
        if index in holders and position.eselon is not None:
            by_unit.setdefault(position.unit, []).append(index)
    acting: list[Appointment] = []
    for index in vacant:
        position = builder.positions[index]
        eselon = position.eselon
        if not position.heads_unit or eselon is None:
            continue
        for candidate in by_unit.get(position.unit, ()):
            golongan = holders[candidate].official.golongan
            # PP 100/2000 Pasal 5: at most one step below the range (sources: pangkat-range).
            if golongan is not None and eselon.golongan_fit(golongan) in {
                GolonganFit.WITHIN,
                GolonganFit.ONE_STEP_BELOW,
            }:
                start = _day_between(dt.date(2025, 1, 2), _LATEST_START, rng)
                acting.append(
                    Appointment(
                        nip=holders[candidate].official.nip,
                        position=position.id,
                        start=_pendulum(start),
                        kind=AppointmentKind.PLT,
                    )
                )
                break
    return acting


def make_city(n_officials: int, *, seed: int = 2026) -> Roster:
    """Build a synthetic Kota Malang roster with ``n_officials`` officials.

    Args:
        n_officials: How many officials (at least 1); each holds one definitive post on
            `REFERENCE_DATE` and held one other post before.
        seed: The seed of the ``random.Random`` that draws every choice.

    Returns:
        The roster: about ``2 * n_officials`` appointments (plus a few Plt), and about
        1% more posts than officials (the vacancies).

    Raises:
        ValueError: ``n_officials`` is below 1.
    """
    if n_officials < 1:
        msg = "n_officials must be at least 1"
        raise ValueError(msg)
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    builder = _Builder()
    _layout(builder, n_officials)
    n_posts = n_officials + n_officials // _VACANT_SHARE
    _staff(builder, max(0, n_posts - len(builder.positions)), rng)
    vacant = sorted(rng.sample(range(len(builder.positions)), len(builder.positions) - n_officials))
    vacant_set = frozenset(vacant)
    prefixes: dict[str, int] = {}
    holders = {
        index: _person(kind, rng, prefixes)
        for index, kind in enumerate(builder.kinds)
        if index not in vacant_set
    }
    appointments = _appointments(builder.positions, builder.kinds, holders, rng)
    appointments += _acting(builder, holders, vacant, rng)
    return Roster(
        pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=KodeWilayah(code=_PEMDA_KODE)),
        perangkat_daerah=builder.units,
        kecamatan=builder.kecamatan,
        kelurahan=builder.kelurahan,
        positions=builder.positions,
        officials=[person.official for person in holders.values()],
        appointments=appointments,
    )
