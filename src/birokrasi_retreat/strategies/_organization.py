"""Strategies for the government hierarchy (re-exported by `birokrasi_retreat.strategies`)."""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING, Final

import pendulum

from hypothesis import strategies as st

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
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.strategies._ids import golongans, ni_pppks, nips


if TYPE_CHECKING:
    from birokrasi_retreat.ids.nip import NIP


__all__ = ["appointments", "officials", "pemdas", "positions", "rosters", "units"]

# Synthetic names: common Indonesian given names and family names, combined at random.
# They name no one.
_GIVEN: Final = (
    "Budi", "Sri", "Agus", "Dewi", "Eko", "Rina", "Hendra", "Siti", "Joko", "Wulan",
    "Bambang", "Ratna", "Yudi", "Fitri", "Rudi", "Indah", "Arif", "Nurul", "Dedi", "Lina",
)  # fmt: skip
_FAMILY: Final = (
    "Santoso", "Wahyuni", "Pratama", "Lestari", "Setiawan", "Handayani", "Nugroho",
    "Kusuma", "Hidayat", "Rahayu", "Saputra", "Permata", "Gunawan", "Utami",
)  # fmt: skip
_FRONT: Final = ("Dr.", "Ir.", "H.", "Hj.", "Drs.")
_BACK: Final = ("S.Sos.", "S.T.", "S.E.", "S.H.", "M.Si.", "M.M.", "M.T.", "M.A.P.")

# Kota whose codes anchor generated rosters (sources: kode-wilayah-cities): Malang, Batu, Bandung,
# Kendari. Kecamatan and kelurahan codes are generated under them, structurally valid.
_KOTA: Final = (
    ("35.73", "Kota Malang"),
    ("35.79", "Kota Batu"),
    ("32.73", "Kota Bandung"),
    ("74.71", "Kota Kendari"),
)

# Head posts per unit kind with their usual family and eselon (sources: city-eselon).
_HEAD: Final = {
    UnitKind.SEKRETARIAT_DAERAH: ("Sekretaris Daerah", PositionFamily.JPT_PRATAMA, Eselon.II_A),
    UnitKind.DINAS: ("Kepala Dinas", PositionFamily.JPT_PRATAMA, Eselon.II_B),
    UnitKind.KECAMATAN: ("Camat", PositionFamily.ADMINISTRATOR, Eselon.III_A),
    UnitKind.KELURAHAN: ("Lurah", PositionFamily.PENGAWAS, Eselon.IV_A),
}

# PPPK grades seen in BKN statistics (sources: golongan; the upper bound is unconfirmed).
_ROMAN: Final = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def _names() -> st.SearchStrategy[str]:
    return st.builds(
        lambda given, family: f"{given} {family}",
        st.sampled_from(_GIVEN),
        st.sampled_from(_FAMILY),
    )


def _titles(pool: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(pool), max_size=2, unique=True).map(tuple)


def _ids() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@st.composite
def _official_for(draw: st.DrawFn, number: NIP, golongan: Golongan | None) -> Official:
    pppk = number.kind is AsnType.PPPK
    return Official(
        nip=number.number,
        name=draw(_names()),
        sex=number.sex,
        asn_type=number.kind,
        front_titles=draw(_titles(_FRONT)),
        back_titles=draw(_titles(_BACK)),
        golongan=None if pppk else golongan,
        pppk_grade=draw(st.sampled_from(_ROMAN)) if pppk else None,
        birth_date=draw(st.sampled_from((None, number.birth_date))),
    )


def officials(*, kinds: st.SearchStrategy[AsnType] | None = None) -> st.SearchStrategy[Official]:
    """Generate synthetic ASN officials (PNS or PPPK) consistent with their NIP.

    The stated sex and (when given) birth date agree with the NIP; a PNS has a golongan,
    a PPPK a grade in Roman numerals. Names and titles are drawn from common Indonesian
    names: they name no one.

    Args:
        kinds: A strategy for the ASN type (default: PNS or PPPK).

    Returns:
        A strategy for `Official` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(officials(kinds=st.just(AsnType.PPPK)))
        ... def check(official):
        ...     assert official.pppk_grade is not None and official.golongan is None
        >>> check()
    """
    chosen = st.sampled_from(AsnType) if kinds is None else kinds
    return chosen.flatmap(
        lambda kind: st.tuples(
            ni_pppks() if kind is AsnType.PPPK else nips(), st.one_of(st.none(), golongans())
        ).flatmap(lambda pair: _official_for(*pair))
    )


@st.composite
def _position(draw: st.DrawFn, unit: str) -> Position:
    family = draw(st.sampled_from(PositionFamily))
    eselon = draw(st.sampled_from([None, *(e for e in Eselon if e.family is family)]))
    level = None
    if family is PositionFamily.FUNGSIONAL:
        level = draw(st.one_of(st.none(), st.sampled_from(FunctionalLevel)))
    return Position(
        id=draw(_ids()),
        title=draw(st.sampled_from(("Kepala", "Sekretaris", "Analis", "Pengadministrasi"))),
        unit=unit,
        family=family,
        eselon=eselon,
        heads_unit=draw(st.booleans()),
        functional_level=level,
    )


def positions(*, units: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Position]:
    """Generate posts whose eselon (if any) belongs to their position family.

    Args:
        units: A strategy for the unit id (default: short slugs).

    Returns:
        A strategy for `Position` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(positions())
        ... def check(post):
        ...     assert post.eselon is None or post.eselon.family is post.family
        >>> check()
    """
    return (_ids() if units is None else units).flatmap(_position)


@st.composite
def _appointment(draw: st.DrawFn, number: NIP, position: str) -> Appointment:
    earliest = _plain(number.tmt_cpns or dt.date(number.appointment_year, 1, 1))
    start = draw(st.dates(min_value=earliest, max_value=dt.date(2026, 12, 31)))
    end = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=dt.date(2030, 12, 31))))
    return Appointment(
        nip=number.number,
        position=position,
        start=pendulum.Date(start.year, start.month, start.day),
        end=None if end is None else pendulum.Date(end.year, end.month, end.day),
        kind=draw(st.sampled_from(AppointmentKind)),
        sk_number=draw(st.one_of(st.none(), st.just("800/123/35.73.402/2025"))),
    )


def appointments(
    *,
    numbers: st.SearchStrategy[NIP] | None = None,
    positions: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Appointment]:
    """Generate appointments starting on or after the official's first appointment (TMT).

    Args:
        numbers: A strategy for the official's NIP (default: PNS NIPs).
        positions: A strategy for the post id (default: short slugs).

    Returns:
        A strategy for `Appointment` values, ending on or after they start.

    Examples:
        >>> from hypothesis import given
        >>> @given(appointments())
        ... def check(appointment):
        ...     assert appointment.end is None or appointment.start <= appointment.end
        >>> check()
    """
    return st.tuples(
        nips() if numbers is None else numbers, _ids() if positions is None else positions
    ).flatmap(lambda pair: _appointment(*pair))


def _plain(day: dt.date | None) -> dt.date:
    # st.dates needs plain dates for its bounds; generated PNS NIPs always have a TMT.
    day = day or dt.date(2019, 1, 1)
    return dt.date(day.year, day.month, day.day)


def pemdas() -> st.SearchStrategy[Pemda]:
    """Generate Pemda (regional governments): real kota with their elected head unnamed.

    Returns:
        A strategy for `Pemda` values of kind kota.

    Examples:
        >>> from hypothesis import given
        >>> @given(pemdas())
        ... def check(pemda):
        ...     assert pemda.kode.is_kota and pemda.head_title == "Wali Kota"
        >>> check()
    """
    return st.sampled_from(_KOTA).map(
        lambda pair: Pemda(kind=PemdaKind.KOTA, name=pair[1], kode=KodeWilayah(code=pair[0]))
    )


@st.composite
def _unit(draw: st.DrawFn, kind: UnitKind) -> PerangkatDaerah | Kecamatan | Kelurahan:
    unit_id = draw(_ids())
    if kind is UnitKind.KECAMATAN:
        number = draw(st.integers(min_value=1, max_value=99))
        return Kecamatan(
            id=unit_id, name=f"Kecamatan {number}", kode=KodeWilayah(code=f"35.73.{number:02d}")
        )
    if kind is UnitKind.KELURAHAN:
        number = draw(st.integers(min_value=1, max_value=999))
        return Kelurahan(
            id=unit_id,
            name=f"Kelurahan {number}",
            kode=KodeWilayah(code=f"35.73.01.1{number:03d}"),
            kecamatan=draw(_ids()),
        )
    parent = draw(st.one_of(st.none(), _ids()))
    return PerangkatDaerah(
        id=unit_id, name=f"{kind.value.title()} {unit_id}", kind=kind, parent=parent
    )


def units(
    *, kinds: st.SearchStrategy[UnitKind] | None = None
) -> st.SearchStrategy[PerangkatDaerah | Kecamatan | Kelurahan]:
    """Generate units of a Pemda: perangkat daerah, kecamatan or kelurahan.

    Kecamatan and kelurahan get codes inside Kota Malang (35.73); references to parent
    units are free slugs, so put units in a `Roster` through `rosters` instead when the
    references must resolve.

    Args:
        kinds: A strategy for the unit kind (default: every kind).

    Returns:
        A strategy for `PerangkatDaerah`, `Kecamatan` or `Kelurahan` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(units(kinds=st.just(UnitKind.KECAMATAN)))
        ... def check(unit):
        ...     assert isinstance(unit, Kecamatan)
        >>> check()
    """
    return (st.sampled_from(UnitKind) if kinds is None else kinds).flatmap(_unit)


def _fitting_golongan(eselon: Eselon) -> st.SearchStrategy[Golongan]:
    low, high = eselon.pangkat_range
    return golongans(min_value=low, max_value=high)


@st.composite
def _roster(draw: st.DrawFn, max_kecamatan: int, max_kelurahan: int, max_dinas: int) -> Roster:
    code, name = draw(st.sampled_from(_KOTA))
    pemda = Pemda(kind=PemdaKind.KOTA, name=name, kode=KodeWilayah(code=code))
    units: list[tuple[str, UnitKind, str]] = [
        ("setda", UnitKind.SEKRETARIAT_DAERAH, "Sekretariat Daerah")
    ]
    dinas = draw(st.integers(min_value=0, max_value=max_dinas))
    units += [(f"dinas-{i}", UnitKind.DINAS, f"Dinas {i + 1}") for i in range(dinas)]
    kecamatan_numbers = draw(
        st.lists(
            st.integers(min_value=1, max_value=40), min_size=1, max_size=max_kecamatan, unique=True
        )
    )
    kecamatan: list[Kecamatan] = []
    kelurahan: list[Kelurahan] = []
    for kec in kecamatan_numbers:
        kec_code = f"{code}.{kec:02d}"
        kec_id = f"kec-{kec:02d}"
        kecamatan.append(
            Kecamatan(id=kec_id, name=f"Kecamatan {kec}", kode=KodeWilayah(code=kec_code))
        )
        villages = draw(
            st.lists(st.integers(min_value=1, max_value=30), max_size=max_kelurahan, unique=True)
        )
        kelurahan += [
            Kelurahan(
                id=f"kel-{kec:02d}-{village:02d}",
                name=f"Kelurahan {kec}-{village}",
                kode=KodeWilayah(code=f"{kec_code}.1{village:03d}"),
                kecamatan=kec_id,
            )
            for village in villages
        ]
    unit_rows = (
        units
        + [(k.id, UnitKind.KECAMATAN, k.name) for k in kecamatan]
        + [(k.id, UnitKind.KELURAHAN, k.name) for k in kelurahan]
    )
    posts = []
    for unit_id, kind, unit_name in unit_rows:
        title, family, eselon = _HEAD[kind]
        posts.append(
            Position(
                id=f"head-{unit_id}",
                title=f"{title} {unit_name}",
                unit=unit_id,
                family=family,
                eselon=eselon,
                heads_unit=True,
            )
        )
    numbers = draw(
        st.lists(nips(), min_size=len(posts), max_size=len(posts), unique_by=lambda n: n.number)
    )
    staffed = draw(st.lists(st.booleans(), min_size=len(posts), max_size=len(posts)))
    people: list[Official] = []
    appointed: list[Appointment] = []
    for post, number, filled in zip(posts, numbers, staffed, strict=True):
        # Every generated head post has an eselon (see _HEAD).
        fitting = _fitting_golongan(post.eselon or Eselon.V_A)
        people.append(draw(_official_for(number, draw(fitting))))
        if filled:
            start = draw(
                st.dates(min_value=_plain(number.tmt_cpns), max_value=dt.date(2026, 6, 30))
            )
            appointed.append(
                Appointment(
                    nip=number.number,
                    position=post.id,
                    start=pendulum.Date(start.year, start.month, start.day),
                )
            )
    return Roster(
        pemda=pemda,
        perangkat_daerah=tuple(PerangkatDaerah(id=i, name=n, kind=k) for i, k, n in units),
        kecamatan=tuple(kecamatan),
        kelurahan=tuple(kelurahan),
        positions=tuple(posts),
        officials=tuple(people),
        appointments=tuple(appointed),
    )


def rosters(
    *, max_kecamatan: int = 3, max_kelurahan: int = 3, max_dinas: int = 3
) -> st.SearchStrategy[Roster]:
    """Generate coherent rosters of a kota: no rule of `birokrasi_retreat.validation` errs.

    Each roster has a Setda, up to ``max_dinas`` dinas, 1 to ``max_kecamatan`` kecamatan
    with up to ``max_kelurahan`` kelurahan each, a head post per unit with its usual
    family and eselon, one synthetic official per post whose golongan fits the eselon,
    and a definitive appointment for some of the posts (the rest are vacant: warnings,
    never errors). Codes lie inside real kota (Malang, Batu, Bandung, Kendari) but the
    kecamatan and kelurahan are invented, so the catalogue check may warn.

    Args:
        max_kecamatan: At most this many kecamatan (at least 1).
        max_kelurahan: At most this many kelurahan per kecamatan.
        max_dinas: At most this many dinas.

    Returns:
        A strategy for `Roster` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(rosters(max_kecamatan=2))
        ... def check(roster):
        ...     assert 1 <= len(roster.kecamatan) <= 2
        >>> check()
    """
    return _roster(max_kecamatan, max_kelurahan, max_dinas)
