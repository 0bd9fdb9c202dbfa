"""Ranks: golongan/ruang and pangkat, eselon, ASN position families (UU 20/2023), ASN type, sex.

The vocabulary of rank in the Indonesian civil service (ASN, *Aparatur Sipil Negara*):

* `Golongan`: the 17 ordered golongan/ruang (grade/step) of a PNS, ``I/a`` (lowest) to
  ``IV/e`` (highest), each with its pangkat (rank title) such as "Penata";
* `Eselon`: the legacy structural-position grades ``I.a`` (most senior) to ``V.a``, with
  the pangkat range each allows (`Eselon.pangkat_range`), the appointment check
  (`Eselon.golongan_fit`, returning a `GolonganFit`) and the position family each
  corresponds to under the ASN law (`Eselon.family`);
* `PositionFamily`: the position families of UU 20/2023 (JPT Utama ... Pelaksana);
* `AsnType` (PNS or PPPK) and `Sex` (as recorded in ASN data and in a NIP).

Golongan compare by rank and eselon by seniority, so ``max()`` gives the higher grade
and the more senior post. The pangkat names and the eselon ranges are reference tables
in ``birokrasi_retreat/data/golongan.csv`` and ``data/eselon.csv``, read on first use.

References:
    * PP 100/2000 as amended by PP 13/2002 (pangkat range per eselon; Pasal 5, appointment
      at most one step below the range): sources: pangkat-range; sources S8, S9.
    * Golongan/ruang and pangkat names: sources: golongan; source S10
      (https://www.salamedukasi.com/2014/08/kode-jenjang-kepangkatan-dan-nama.html).
    * UU 20/2023 on ASN, Pasal 13-14 and 18 (position families): sources: position-families, S19
      (https://www.pasal.id/peraturan/uu/uu-no-20-tahun-2023/koreksi/8820421).
    * UU 5/2014 Pasal 131 (eselon to position family): sources: eselon-equivalence, S20.

Examples:
    >>> from birokrasi_retreat.ranks import Eselon, Golongan, GolonganFit, PositionFamily
    >>> gol = Golongan.parse("III/c")
    >>> gol, gol.pangkat
    (<Golongan.III_C: 'III/c'>, 'Penata')
    >>> Golongan.IV_A > gol
    True
    >>> camat = Eselon.parse("III.a")
    >>> camat.family, [str(g) for g in camat.pangkat_range]
    (<PositionFamily.ADMINISTRATOR: 'administrator'>, ['IV/a', 'IV/b'])
    >>> camat.golongan_fit(Golongan.III_D)
    <GolonganFit.ONE_STEP_BELOW: 'one_step_below'>
    >>> Golongan.parse("V/a")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.UnknownReferenceError: Unknown golongan/ruang V/a; ...
    >>> Eselon.parse("2b")
    Traceback (most recent call last):
    ...
    birokrasi_retreat.errors.InvalidFormat: Unrecognised eselon format: "2b"; ... [eselon.format]
"""

from __future__ import annotations

import csv
import enum
import functools

from importlib import resources
from typing import TYPE_CHECKING, Final


if TYPE_CHECKING:
    from collections.abc import Mapping

from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidType,
    UnknownReferenceError,
)


__all__ = ["AsnType", "Eselon", "Golongan", "GolonganFit", "PositionFamily", "Sex"]

# Roman numerals of golongan (I-IV) and eselon (I-V) groups.
_ROMAN: Final[Mapping[str, int]] = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
# The characters a Roman group numeral may contain; anything else is a format error.
_ROMAN_CHARS: Final = "IVX"
# Longest input echoed verbatim in an error's params (a canonical golongan or eselon has
# at most 5 characters). Longer text keeps only a 4-character prefix, so that a NIP
# (18 digits) or NIK (16) pasted into the wrong field never reaches a message (UU 27/2022).
_SHOWN_MAX: Final = 10
_SHOWN_PREFIX: Final = 4


def _shown(text: str) -> str:
    """Return ``text`` as it may appear in error params: short, never a whole identifier."""
    return text if len(text) <= _SHOWN_MAX else text[:_SHOWN_PREFIX] + "…"


@functools.cache
def _table(name: str) -> tuple[Mapping[str, str], ...]:
    """Read ``data/<name>``: a CSV whose leading ``#`` lines are its provenance header."""
    text = resources.files("birokrasi_retreat").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(lines))


class PositionFamily(enum.StrEnum):
    """Rumpun jabatan ASN (position family) under UU 20/2023 on ASN.

    Five families are managerial (*jabatan manajerial*: the three JPT, *Jabatan Pimpinan
    Tinggi* or senior executive levels, Administrator and Pengawas); Fungsional and
    Pelaksana are non-managerial (UU 20/2023 Pasal 13-14, 18; sources: position-families).
    Members are listed from the most senior managerial family down; being strings, they
    compare alphabetically, not by seniority.

    Examples:
        >>> PositionFamily("jpt_pratama").label
        'JPT Pratama'
        >>> [f.value for f in PositionFamily if not f.is_managerial]
        ['fungsional', 'pelaksana']
    """

    # Jabatan Pimpinan Tinggi Utama, managerial (UU 20/2023 Pasal 13-14, 18).
    JPT_UTAMA = "jpt_utama"
    # Jabatan Pimpinan Tinggi Madya, managerial (UU 20/2023 Pasal 13-14, 18).
    JPT_MADYA = "jpt_madya"
    # Jabatan Pimpinan Tinggi Pratama, managerial (UU 20/2023 Pasal 13-14, 18).
    JPT_PRATAMA = "jpt_pratama"
    # Jabatan Administrator, managerial (UU 20/2023 Pasal 13-14, 18).
    ADMINISTRATOR = "administrator"
    # Jabatan Pengawas, managerial (UU 20/2023 Pasal 13-14, 18).
    PENGAWAS = "pengawas"
    # Jabatan Fungsional, non-managerial (UU 20/2023 Pasal 13-14, 18).
    FUNGSIONAL = "fungsional"
    # Jabatan Pelaksana, non-managerial (UU 20/2023 Pasal 13-14, 18).
    PELAKSANA = "pelaksana"

    @property
    def is_managerial(self) -> bool:
        """Whether the family is a *jabatan manajerial* (managerial position).

        Returns:
            True for the three JPT levels, Administrator and Pengawas (UU 20/2023
            Pasal 13-14, 18); False for Fungsional and Pelaksana.

        Examples:
            >>> PositionFamily.PENGAWAS.is_managerial, PositionFamily.FUNGSIONAL.is_managerial
            (True, False)
        """
        return self not in _NON_MANAGERIAL

    @property
    def label(self) -> str:
        """The family's name in Bahasa Indonesia, as written in documents.

        Returns:
            For example ``"JPT Pratama"`` or ``"Administrator"``.

        Examples:
            >>> PositionFamily.JPT_UTAMA.label
            'JPT Utama'
        """
        return _FAMILY_LABELS[self]


_NON_MANAGERIAL: Final = frozenset({PositionFamily.FUNGSIONAL, PositionFamily.PELAKSANA})
# Display names in Bahasa Indonesia (the terms of UU 20/2023, with JPT abbreviated as usual).
_FAMILY_LABELS: Final[Mapping[PositionFamily, str]] = {
    PositionFamily.JPT_UTAMA: "JPT Utama",
    PositionFamily.JPT_MADYA: "JPT Madya",
    PositionFamily.JPT_PRATAMA: "JPT Pratama",
    PositionFamily.ADMINISTRATOR: "Administrator",
    PositionFamily.PENGAWAS: "Pengawas",
    PositionFamily.FUNGSIONAL: "Fungsional",
    PositionFamily.PELAKSANA: "Pelaksana",
}


class Golongan(enum.Enum):
    """Golongan/ruang (PNS grade and step), ordered from ``I/a`` (lowest) to ``IV/e``.

    Each value is the canonical text (``"III/c"``): the Roman group, a slash and the
    ruang letter. Members compare by `rank`; comparing with anything that is not a
    `Golongan` returns ``NotImplemented`` (so ``Golongan.I_A < 3`` raises `TypeError`).
    ``str()`` gives the canonical text. Golongan and pangkat names: sources: golongan
    [C S10]. PPPK have their own golongan and do not use these.

    Examples:
        >>> Golongan.III_C.rank, Golongan.III_C.group, Golongan.III_C.ruang
        (11, 3, 'c')
        >>> str(max(Golongan.II_D, Golongan.III_A))
        'III/a'
        >>> sorted([Golongan.IV_A, Golongan.I_B])
        [<Golongan.I_B: 'I/b'>, <Golongan.IV_A: 'IV/a'>]
    """

    # Golongan I (Juru), ruang a-d (sources: golongan, S10).
    I_A = "I/a"  # Juru Muda
    I_B = "I/b"  # Juru Muda Tingkat I
    I_C = "I/c"  # Juru
    I_D = "I/d"  # Juru Tingkat I
    # Golongan II (Pengatur), ruang a-d (sources: golongan, S10).
    II_A = "II/a"  # Pengatur Muda
    II_B = "II/b"  # Pengatur Muda Tingkat I
    II_C = "II/c"  # Pengatur
    II_D = "II/d"  # Pengatur Tingkat I
    # Golongan III (Penata), ruang a-d (sources: golongan, S10).
    III_A = "III/a"  # Penata Muda
    III_B = "III/b"  # Penata Muda Tingkat I
    III_C = "III/c"  # Penata
    III_D = "III/d"  # Penata Tingkat I
    # Golongan IV (Pembina), ruang a-e: only IV has an e (sources: golongan, S10).
    IV_A = "IV/a"  # Pembina
    IV_B = "IV/b"  # Pembina Tingkat I
    IV_C = "IV/c"  # Pembina Utama Muda
    IV_D = "IV/d"  # Pembina Utama Madya
    IV_E = "IV/e"  # Pembina Utama

    def __init__(self, value: str) -> None:
        group, _, ruang = value.partition("/")
        self._group = _ROMAN[group]
        # Groups I-III have four ruang (a-d) and IV comes last, so the rank is
        # 4 per lower group plus the ruang's place: I/a = 1 ... IV/e = 17.
        self._rank = 4 * (self._group - 1) + ord(ruang) - ord("a") + 1

    def __str__(self) -> str:
        return self.value

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self._rank < other._rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self._rank <= other._rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self._rank > other._rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Golongan):
            return NotImplemented
        return self._rank >= other._rank

    @property
    def rank(self) -> int:
        """The place of the golongan/ruang on the ladder: 1 (``I/a``) to 17 (``IV/e``).

        Examples:
            >>> Golongan.I_A.rank, Golongan.IV_E.rank
            (1, 17)
        """
        return self._rank

    @property
    def group(self) -> int:
        """The golongan (group) as a number: 1 to 4 for the Roman I to IV.

        Examples:
            >>> Golongan.IV_B.group
            4
        """
        return self._group

    @property
    def ruang(self) -> str:
        """The ruang (step within the group): a lower-case letter ``"a"`` to ``"e"``.

        Examples:
            >>> Golongan.II_D.ruang
            'd'
        """
        return self.value[-1]

    @property
    def pangkat(self) -> str:
        """The pangkat (rank title) of this golongan/ruang (sources: golongan [C S10]).

        Examples:
            >>> Golongan.III_D.pangkat
            'Penata Tingkat I'
            >>> Golongan.IV_E.pangkat
            'Pembina Utama'
        """
        return _golongan_rows()[self]["pangkat"]

    @property
    def group_name(self) -> str:
        """The name of the golongan group: "Juru", "Pengatur", "Penata" or "Pembina".

        Examples:
            >>> Golongan.II_C.group_name
            'Pengatur'
        """
        return _golongan_rows()[self]["group_name"]

    @classmethod
    def parse(cls, text: str) -> Golongan:
        """Parse golongan/ruang text such as ``"III/c"``.

        The group is an upper-case Roman numeral and the ruang a letter in either case;
        whitespace around the text and around the slash is ignored (``"III / C"``).
        Other spellings (``"IIIc"``, ``"III-c"``, ``"3/c"``) are format errors.

        Args:
            text: The text to parse.

        Returns:
            The golongan/ruang.

        Raises:
            InvalidType: ``text`` is not a string (code ``data.type``).
            InvalidFormat: ``text`` is not written like ``III/c`` (``golongan.format``).
            UnknownReferenceError: it is written like one but does not exist, such as
                ``I/e`` or ``V/a`` (``golongan.unknown``).

        Examples:
            >>> Golongan.parse("III / C")
            <Golongan.III_C: 'III/c'>
            >>> Golongan.parse("IIIc")
            Traceback (most recent call last):
            ...
            birokrasi_retreat.errors.InvalidFormat: Unrecognised golongan/ruang format: ...
        """
        if not isinstance(text, str):
            raise InvalidType("data.type", expected="string", got=type(text).__name__)
        member = _GOLONGAN_BY_VALUE.get(text)
        if member is not None:
            return member
        head, slash, tail = text.partition("/")
        group = head.strip()
        ruang = tail.strip()
        if (
            not slash
            or not group
            or group.strip(_ROMAN_CHARS)
            or len(ruang) != 1
            or not (ruang.isascii() and ruang.isalpha())
        ):
            raise InvalidFormat("golongan.format", value=_shown(text))
        canonical = f"{group}/{ruang.lower()}"
        member = _GOLONGAN_BY_VALUE.get(canonical)
        if member is None:
            raise UnknownReferenceError("golongan.unknown", value=canonical)
        return member

    @classmethod
    def from_rank(cls, rank: int) -> Golongan:
        """Return the golongan/ruang at ``rank`` on the ladder (1 = ``I/a``, 17 = ``IV/e``).

        Args:
            rank: The place on the ladder.

        Returns:
            The golongan/ruang with that `rank`.

        Raises:
            InvalidType: ``rank`` is not an int (a bool is not accepted) (``data.type``).
            UnknownReferenceError: ``rank`` is outside 1-17 (``golongan.rank``).

        Examples:
            >>> Golongan.from_rank(9)
            <Golongan.III_A: 'III/a'>
        """
        if isinstance(rank, bool) or not isinstance(rank, int):
            raise InvalidType("data.type", expected="int", got=type(rank).__name__)
        if not 1 <= rank <= len(_GOLONGAN_BY_RANK):
            raise UnknownReferenceError("golongan.rank", rank=rank)
        return _GOLONGAN_BY_RANK[rank - 1]

    def step(self, steps: int) -> Golongan:
        """Return the golongan/ruang ``steps`` places up (or down, if negative) the ladder.

        Args:
            steps: How many ruang to move; ``II/d`` to ``III/a`` is one step.

        Returns:
            The golongan/ruang reached.

        Raises:
            InvalidType: ``steps`` is not an int (``data.type``).
            UnknownReferenceError: the move leaves ``I/a``-``IV/e`` (``golongan.rank``).

        Examples:
            >>> Golongan.II_D.step(1), Golongan.III_A.step(-2)
            (<Golongan.III_A: 'III/a'>, <Golongan.II_C: 'II/c'>)
        """
        if isinstance(steps, bool) or not isinstance(steps, int):
            raise InvalidType("data.type", expected="int", got=type(steps).__name__)
        return Golongan.from_rank(self._rank + steps)


_GOLONGAN_BY_VALUE: Final[Mapping[str, Golongan]] = {member.value: member for member in Golongan}
_GOLONGAN_BY_RANK: Final = tuple(sorted(Golongan, key=lambda member: member.rank))


@functools.cache
def _golongan_rows() -> Mapping[Golongan, Mapping[str, str]]:
    return {Golongan(row["golongan"]): row for row in _table("golongan.csv")}


class GolonganFit(enum.StrEnum):
    """How a golongan/ruang fits the pangkat range of an eselon (`Eselon.golongan_fit`).

    The appointment rule of PP 100/2000 Pasal 5 requires a pangkat no lower than one step
    below the eselon's range; a promotion by choice may not go above its highest pangkat
    (BKN Kep. 13/2002). sources: pangkat-range [C S8, S9]. Actual officials often sit one step
    below (sources: city-eselon), so callers should warn rather than reject.

    Examples:
        >>> Eselon.IV_A.golongan_fit(Golongan.III_A)
        <GolonganFit.BELOW_ALLOWED: 'below_allowed'>
    """

    # More than one step below the lowest pangkat: not appointable (PP 100/2000 Pasal 5).
    BELOW_ALLOWED = "below_allowed"
    # Exactly one step below the lowest pangkat: appointable (PP 100/2000 Pasal 5).
    ONE_STEP_BELOW = "one_step_below"
    # From the lowest to the highest pangkat of the range (PP 100/2000 as amended by PP 13/2002).
    WITHIN = "within"
    # Above the highest pangkat, the ceiling for promotion by choice (BKN Kep. 13/2002).
    ABOVE = "above"


class Eselon(enum.Enum):
    """Eselon (legacy structural-position grade), from ``I.a`` (most senior) to ``V.a``.

    Each value is the canonical text (``"II.b"``). **Ordering is by seniority: a more
    senior eselon compares greater**, so ``Eselon.I_A > Eselon.II_B`` and ``max()``
    returns the most senior. This is the reverse of the numbering, where a smaller
    numeral is the higher post. Comparing with anything that is not an `Eselon` returns
    ``NotImplemented``. ``str()`` gives the canonical text. Under UU 5/2014 and
    UU 20/2023 eselon survive as an equivalence to the position families (`family`);
    sources: eselon-equivalence.

    Examples:
        >>> Eselon.I_A > Eselon.II_B > Eselon.V_A
        True
        >>> str(max(Eselon.III_A, Eselon.II_B))
        'II.b'
    """

    # Eselon I.a (PP 100/2000 as amended by PP 13/2002; sources: pangkat-range, S8).
    I_A = "I.a"
    # Eselon I.b (same).
    I_B = "I.b"
    # Eselon II.a, e.g. Sekda kabupaten/kota (PP 18/2016 Pasal 95(1); sources: city-eselon).
    II_A = "II.a"
    # Eselon II.b, e.g. Kepala Dinas/Badan of a kota (PP 18/2016 Pasal 95(2); sources: city-eselon).
    II_B = "II.b"
    # Eselon III.a, e.g. Camat (sources: city-eselon, S17, S21).
    III_A = "III.a"
    # Eselon III.b, e.g. Sekcam (sources: city-eselon, S21).
    III_B = "III.b"
    # Eselon IV.a, e.g. Lurah (sources: city-eselon, S21).
    IV_A = "IV.a"
    # Eselon IV.b, e.g. Sekretaris Lurah (sources: city-eselon, S21).
    IV_B = "IV.b"
    # Eselon V.a, the lowest (PP 100/2000 as amended by PP 13/2002; sources: pangkat-range, S8).
    V_A = "V.a"

    def __init__(self, value: str) -> None:
        group, _, letter = value.partition(".")
        self._group = _ROMAN[group]
        # Two grades per group (a above b) and V has only a: V.a = 1 ... I.a = 9.
        self._seniority = 2 * (5 - self._group) + (2 if letter == "a" else 1) - 1

    def __str__(self) -> str:
        return self.value

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Eselon):
            return NotImplemented
        return self._seniority < other._seniority

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Eselon):
            return NotImplemented
        return self._seniority <= other._seniority

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Eselon):
            return NotImplemented
        return self._seniority > other._seniority

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Eselon):
            return NotImplemented
        return self._seniority >= other._seniority

    @property
    def seniority(self) -> int:
        """The seniority of the eselon: 1 (``V.a``, the lowest) to 9 (``I.a``, the highest).

        Examples:
            >>> Eselon.V_A.seniority, Eselon.III_A.seniority, Eselon.I_A.seniority
            (1, 5, 9)
        """
        return self._seniority

    @property
    def group(self) -> int:
        """The eselon group as a number: 1 to 5 for the Roman I to V.

        Examples:
            >>> Eselon.III_B.group
            3
        """
        return self._group

    @property
    def family(self) -> PositionFamily:
        """The position family (rumpun jabatan) this eselon corresponds to.

        The transitional equivalence of UU 5/2014 Pasal 131 (sources: eselon-equivalence [C S20]):
        I.a and I.b are JPT Madya, II JPT Pratama, III Administrator, IV Pengawas, and
        V.a Pelaksana. An I.a post heading a non-ministerial agency is JPT Utama instead;
        that depends on the post, not the eselon, so JPT Madya is the default here and
        `families` lists both. V.a to Pelaksana is **unconfirmed** [U]: the source text
        was cut before that row.

        Examples:
            >>> Eselon.II_B.family.label
            'JPT Pratama'
            >>> Eselon.IV_A.family
            <PositionFamily.PENGAWAS: 'pengawas'>
        """
        return _ESELON_FAMILIES[self][0]

    @property
    def families(self) -> tuple[PositionFamily, ...]:
        """Every position family this eselon may correspond to, the default `family` first.

        Only ``I.a`` has two: JPT Madya, and JPT Utama for the head of a non-ministerial
        agency (sources: eselon-equivalence [C S20]).

        Examples:
            >>> [f.label for f in Eselon.I_A.families]
            ['JPT Madya', 'JPT Utama']
            >>> Eselon.III_A.families
            (<PositionFamily.ADMINISTRATOR: 'administrator'>,)
        """
        return _ESELON_FAMILIES[self]

    @property
    def pangkat_range(self) -> tuple[Golongan, Golongan]:
        """The lowest and highest golongan/ruang of this eselon's pangkat range.

        From the table of PP 100/2000 as amended by PP 13/2002 (sources: pangkat-range [C S8]);
        not the older PP 15/1994 table.

        Returns:
            ``(lowest, highest)``.

        Examples:
            >>> [str(g) for g in Eselon.II_B.pangkat_range]
            ['IV/b', 'IV/c']
        """
        return _eselon_ranges()[self]

    def golongan_fit(self, golongan: Golongan) -> GolonganFit:
        """Classify a golongan/ruang against this eselon's pangkat range.

        PP 100/2000 Pasal 5 allows appointment with a pangkat at most one step below the
        range; BKN Kep. 13/2002 caps promotion by choice at its highest pangkat
        (sources: pangkat-range [C S8, S9]).

        Args:
            golongan: The official's golongan/ruang.

        Returns:
            `GolonganFit.BELOW_ALLOWED` (more than one step below the lowest),
            `GolonganFit.ONE_STEP_BELOW`, `GolonganFit.WITHIN` or `GolonganFit.ABOVE`
            (above the highest).

        Raises:
            InvalidType: ``golongan`` is not a `Golongan` (``data.type``).

        Examples:
            >>> lurah = Eselon.IV_A  # range III/c to III/d
            >>> [lurah.golongan_fit(g).value for g in (Golongan.III_A, Golongan.III_B)]
            ['below_allowed', 'one_step_below']
            >>> [lurah.golongan_fit(g).value for g in (Golongan.III_D, Golongan.IV_A)]
            ['within', 'above']
        """
        if not isinstance(golongan, Golongan):
            raise InvalidType("data.type", expected="Golongan", got=type(golongan).__name__)
        lowest, highest = _eselon_ranges()[self]
        rank = golongan.rank
        # PP 100/2000 Pasal 5: "no lower than one step below" the range (sources: pangkat-range).
        if rank < lowest.rank - 1:
            return GolonganFit.BELOW_ALLOWED
        if rank < lowest.rank:
            return GolonganFit.ONE_STEP_BELOW
        # BKN Kep. 13/2002: promotion by choice stops at the highest pangkat (sources:
        # pangkat-range).
        if rank > highest.rank:
            return GolonganFit.ABOVE
        return GolonganFit.WITHIN

    @classmethod
    def parse(cls, text: str) -> Eselon:
        """Parse eselon text such as ``"II.b"``.

        The group is an upper-case Roman numeral and the grade a letter in either case,
        joined by a dot, by spaces, or by nothing: ``"II.b"``, ``"II b"``, ``"IIb"``,
        ``"II.B"``. Surrounding whitespace is ignored. Other spellings (``"II/b"``,
        ``"2b"``) are format errors.

        Args:
            text: The text to parse.

        Returns:
            The eselon.

        Raises:
            InvalidType: ``text`` is not a string (``data.type``).
            InvalidFormat: ``text`` is not written like ``II.b`` (``eselon.format``).
            UnknownReferenceError: it is written like one but does not exist, such as
                ``V.b`` or ``I.c`` (``eselon.unknown``).

        Examples:
            >>> Eselon.parse("IIIa"), Eselon.parse("IV B")
            (<Eselon.III_A: 'III.a'>, <Eselon.IV_B: 'IV.b'>)
        """
        if not isinstance(text, str):
            raise InvalidType("data.type", expected="string", got=type(text).__name__)
        member = _ESELON_BY_VALUE.get(text)
        if member is not None:
            return member
        stripped = text.strip()
        rest = stripped.lstrip(_ROMAN_CHARS)
        group = stripped[: len(stripped) - len(rest)]
        rest = rest.strip()
        if rest.startswith("."):
            rest = rest[1:].lstrip()
        if not group or len(rest) != 1 or not (rest.isascii() and rest.isalpha()):
            raise InvalidFormat("eselon.format", value=_shown(text))
        canonical = f"{group}.{rest.lower()}"
        member = _ESELON_BY_VALUE.get(canonical)
        if member is None:
            raise UnknownReferenceError("eselon.unknown", value=canonical)
        return member


_ESELON_BY_VALUE: Final[Mapping[str, Eselon]] = {member.value: member for member in Eselon}
# UU 5/2014 Pasal 131 transitional equivalence, sources: eselon-equivalence [C S20]; default first.
_ESELON_FAMILIES: Final[Mapping[Eselon, tuple[PositionFamily, ...]]] = {
    # I.a: JPT Madya; JPT Utama when heading a non-ministerial agency [C S20].
    Eselon.I_A: (PositionFamily.JPT_MADYA, PositionFamily.JPT_UTAMA),
    Eselon.I_B: (PositionFamily.JPT_MADYA,),  # [C S20]
    Eselon.II_A: (PositionFamily.JPT_PRATAMA,),  # [C S20]
    Eselon.II_B: (PositionFamily.JPT_PRATAMA,),  # [C S20]
    Eselon.III_A: (PositionFamily.ADMINISTRATOR,),  # [C S20]
    Eselon.III_B: (PositionFamily.ADMINISTRATOR,),  # [C S20]
    Eselon.IV_A: (PositionFamily.PENGAWAS,),  # [C-partial S20]: source cut before the row
    Eselon.IV_B: (PositionFamily.PENGAWAS,),  # [C-partial S20]
    # [U] Unconfirmed (sources: eselon-equivalence, unconfirmed item 2): the source was cut before
    # this row.
    Eselon.V_A: (PositionFamily.PELAKSANA,),
}


@functools.cache
def _eselon_ranges() -> Mapping[Eselon, tuple[Golongan, Golongan]]:
    return {
        Eselon(row["eselon"]): (Golongan(row["lowest"]), Golongan(row["highest"]))
        for row in _table("eselon.csv")
    }


class AsnType(enum.StrEnum):
    """Jenis ASN (Aparatur Sipil Negara): the two kinds of state civil apparatus employee.

    sources: asn-types [C S19].

    Examples:
        >>> AsnType("PPPK")
        <AsnType.PPPK: 'PPPK'>
    """

    # Pegawai Negeri Sipil: permanent civil servant, with a NIP (UU 20/2023; sources: asn-types).
    PNS = "PNS"
    # Pegawai Pemerintah dengan Perjanjian Kerja: fixed-term contract employee, with a
    # NI PPPK (UU 20/2023; sources: asn-types).
    PPPK = "PPPK"


class Sex(enum.StrEnum):
    """Jenis kelamin (sex) as recorded in ASN data and in digit 15 of a NIP.

    The values are the Indonesian initials, L (*laki-laki*) and P (*perempuan*); in a
    NIP the sex is the digit ``1`` or ``2`` (Perka BKN 22/2007; sources: nip-layout).

    Examples:
        >>> Sex.from_nip_digit("2"), Sex.MALE.nip_digit
        (<Sex.FEMALE: 'P'>, '1')
    """

    # Laki-laki (male); NIP sex digit "1" (Perka BKN 22/2007).
    MALE = "L"
    # Perempuan (female); NIP sex digit "2" (Perka BKN 22/2007).
    FEMALE = "P"

    @property
    def nip_digit(self) -> str:
        """The NIP sex digit: ``"1"`` for laki-laki (male), ``"2"`` for perempuan (female).

        Examples:
            >>> Sex.FEMALE.nip_digit
            '2'
        """
        return "1" if self is Sex.MALE else "2"

    @classmethod
    def from_nip_digit(cls, digit: str) -> Sex:
        """Return the sex encoded by a NIP sex digit (Perka BKN 22/2007).

        Args:
            digit: ``"1"`` (laki-laki) or ``"2"`` (perempuan).

        Returns:
            The sex.

        Raises:
            InvalidType: ``digit`` is not a string (``data.type``).
            InvalidComponent: ``digit`` is any other string (``ranks.sex_digit``).

        Examples:
            >>> Sex.from_nip_digit("1")
            <Sex.MALE: 'L'>
            >>> Sex.from_nip_digit("3")
            Traceback (most recent call last):
            ...
            birokrasi_retreat.errors.InvalidComponent: The sex digit of a NIP is 1 ...
        """
        if digit == "1":
            return cls.MALE
        if digit == "2":
            return cls.FEMALE
        if not isinstance(digit, str):
            raise InvalidType("data.type", expected="string", got=type(digit).__name__)
        raise InvalidComponent("ranks.sex_digit", digit=_shown(digit))
