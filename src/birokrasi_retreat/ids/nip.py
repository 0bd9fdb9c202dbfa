"""NIP (Nomor Induk Pegawai, Indonesian civil-servant number) and NI PPPK (Nomor Induk PPPK).

Every ASN (Aparatur Sipil Negara, state civil apparatus) employee carries an 18-digit
number. A PNS (Pegawai Negeri Sipil, civil servant) holds a **NIP**, laid out by Perka BKN
22/2007 (procedures in Perka BKN 43/2007)::

    19860926 201505 1 001
    |        |      | +-- [15:18] nomor urut (sequence), from 001
    |        |      +---- [14]    jenis kelamin (sex): 1 male, 2 female
    |        +----------- [8:14]  TMT CPNS (first appointment) YYYYMM, always on the 1st
    +-------------------- [0:8]   tanggal lahir (date of birth) YYYYMMDD

A PPPK (Pegawai Pemerintah dengan Perjanjian Kerja, contract employee) holds an **NI
PPPK** of the same length but another layout. The field list is confirmed by secondary
sources; the widths 8-4-2-1-3 are inferred from the examples::

    19900101 2024 21 1 002
    |        |    |  | +-- [15:18] nomor urut (sequence), from 001
    |        |    |  +---- [14]    jenis kelamin (sex): 1 male, 2 female
    |        |    +------- [12:14] jumlah perjanjian kerja: an opaque 2-digit code
    |        +------------ [8:12]  year of first appointment as calon PPPK
    +--------------------- [0:8]   tanggal lahir (date of birth) YYYYMMDD

The number alone does not say which kind it is, so every function takes
``kind=AsnType.PNS`` (the default) or ``kind=AsnType.PPPK``; nothing is guessed.

**Hard checks** (`validate` raises; an invalid number cannot be parsed), in this order:
the type of the value (`InvalidType`, code ``data.type``); the ``kind`` argument (same
error); characters other than the ASCII digits 0-9 once spaces, dots and hyphens are
removed (`InvalidFormat`, ``nip.format``); the length (`InvalidLength`, ``nip.length``);
then the parts in digit order, each an `InvalidComponent`: the date of birth
(``nip.birth_date``); for a PNS the TMT month 01-12 (``nip.tmt_month``); a first
appointment before birth (``nip.tmt_before_birth``: for a PNS the 1st of the TMT month
before the birth date, for a PPPK the appointment year before the birth year); the sex
digit 1 or 2 (``nip.sex``); a sequence other than 000 (``nip.sequence``). The PPPK code
in digits 13-14 is never an error. Only provably impossible numbers are rejected: an old
TMT (NIPs converted from the 9-digit form around 2009) or a very young or old holder is
at most a warning from `plausibility`.

**Personal data** (UU 27/2022): a NIP reveals its holder's date of birth and sex. `mask`
shows only the sequence; the `repr` and `str` of a `NIP` are masked, and no error
message or parameter ever contains the number or its date of birth.

References:
    - Perka BKN 22/2007 (18-digit NIP) and Perka BKN 43/2007 (procedures), as restated by
      Tempo, https://tekno.tempo.co/amp/1511377/penasaran-dengan-arti-18-digit-nip-pns-ini-penjelasannya;
      Kompasiana, https://kompasiana.com/johansyahsyafri/63d20ce94addee399c7a3f22/cara-menulis-nip-yang-benar-menurut-eyd?page=all;
      http://dwi-yulianti.blogspot.com/2009/05/nip-baru-18-digit-unik-dan-mudah.html;
      https://asnri.com/perbedaan-nip-dan-nrk/;
      RBTV Disway, https://rbtv.disway.id/amp/72478/apa-perbedaan-nip-pppk-dan-pns-ini-penjelasan-lengkapnya.
    - NI PPPK fields: FOPPSI Rokan Hulu,
      https://foppsirokanhulu.blogspot.com/2024/03/apa-perbedaan-nip-pns-dan-ni-pppk.html,
      and Sumatera Ekspres (bacakoran.co, article 39371); the conflicting PNS-like reading,
      https://belajarpppk.com/blog/2022/05/04/mekanisme-administrasi-teknis-ni-pppk-dengan-18-digit-angka/;
      the example with code 24, SwaraWarta,
      https://www.swarawarta.co.id/search/label/ajaran-islam.
    - PP 11/2017 Pasal 23 ayat (1) huruf a: CPNS applicants are 18 to 35 years old at
      application (secondary sources); the basis of the age warning.
    - UU 27/2022 (Pelindungan Data Pribadi): why the number is masked.

Examples:
    >>> from birokrasi_retreat.ids import nip
    >>> from birokrasi_retreat.ranks import AsnType
    >>> nip.validate("19860926 201505 1 001")
    '198609262015051001'
    >>> nip.format("198609262015051001")
    '19860926 201505 1 001'
    >>> nip.mask("198609262015051001")
    '******** ****** * 001'
    >>> official = nip.parse("19860926 201505 1 001")
    >>> official
    NIP(number='******** ****** * 001', kind=<AsnType.PNS: 'PNS'>)
    >>> official.birth_date, official.tmt_cpns, official.sex
    (Date(1986, 9, 26), Date(2015, 5, 1), <Sex.MALE: 'L'>)
    >>> nip.format("199001012024211002", kind=AsnType.PPPK)
    '19900101 2024 21 1 002'
    >>> nip.is_valid("199001012024211002")  # digits 13-14 are not a month
    False
    >>> nip.validate("19860926201505100X")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    birokrasi_retreat.errors.InvalidFormat: A NIP or NI PPPK may contain only ... [nip.format]
    >>> nip.validate("1986092620150510")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    birokrasi_retreat.errors.InvalidLength: A NIP or NI PPPK has 18 digits; ... 16. [nip.length]
    >>> nip.validate("198602302015051001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    birokrasi_retreat.errors.InvalidComponent: Digits 1-8 of a NIP ... (YYYYMMDD). [nip.birth_date]
    >>> nip.validate(198609262015051001)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    birokrasi_retreat.errors.InvalidType: Expected a value of type string, got int. [data.type]
"""

from __future__ import annotations

import datetime as dt

from typing import Final, cast

import attrs
import pendulum

from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.ranks import AsnType, Sex


__all__ = [
    "FIRST_PPPK_YEAR",
    "NIP",
    "compact",
    "format",
    "get_birth_date",
    "get_sex",
    "is_valid",
    "mask",
    "parse",
    "plausibility",
    "validate",
]

FIRST_PPPK_YEAR: Final = 2019
"""The presumed year of the first PPPK intake, below which `plausibility` warns.

sources: ni-pppk-layout marks this year **unconfirmed**; pass ``first_pppk_year=`` to
`plausibility` to use another.
"""

# Module-level aliases: an enum member lookup costs more than a global on Python 3.11.
_PNS: Final = AsnType.PNS
_PPPK: Final = AsnType.PPPK
# sources: nip-layout, ni-pppk-layout: digit 15 is 1 (male) or 2 (female).
_SEX_DIGITS: Final = frozenset(("1", "2"))
# sources: nip-layout: a NIP has 18 digits (Perka BKN 22/2007); ni-pppk-layout: so has an NI PPPK.
_LENGTH: Final = 18
# sources: cpns-age: PP 11/2017 Pasal 23 ayat (1) huruf a, minimum age 18 at application.
_MIN_AGE: Final = 18
# sources: ni-pppk-layout: observed codes are 21 and 24; warn (never reject) outside 21-29.
_PPPK_CODE_LOW: Final = "21"
_PPPK_CODE_HIGH: Final = "29"
# What a masked number shows in place of the date of birth, TMT and sex (sources: uu-pdp).
_MASK_PNS: Final = "******** ****** * "
_MASK_PPPK: Final = "******** **** ** * "

_SOURCE_AGE_PNS: Final = "PP 11/2017 Pasal 23 ayat (1) huruf a: minimum age 18 at application"
_SOURCE_AGE_PPPK: Final = (
    "PP 11/2017 Pasal 23 ayat (1) huruf a (minimum age 18 for CPNS), applied to PPPK by "
    "analogy: an inference, not a PPPK rule"
)
_SOURCE_FUTURE_PNS: Final = "Perka BKN 22/2007: digits 9-14 record the TMT CPNS"
_SOURCE_FUTURE_PPPK: Final = "NI PPPK digits 9-12: year of first appointment as calon PPPK"
_SOURCE_PPPK_YEAR: Final = (
    "First PPPK intake presumed in 2019: unconfirmed, not verified against a regulation"
)
_SOURCE_PPPK_CODE: Final = (
    "NI PPPK digits 13-14 (jumlah perjanjian kerja): values 21 and 24 observed; "
    "encoding unconfirmed"
)


def _as_kind(kind: object) -> AsnType:
    """Return ``kind`` if it is an `AsnType` member, else raise `InvalidType`."""
    # An exact type test: a look-alike str such as "PNS" is refused, not guessed at.
    if type(kind) is AsnType:
        return kind
    raise InvalidType("data.type", expected="AsnType", got=type(kind).__name__)


def _is_date(text: str) -> bool:
    """Whether eight ASCII digits ``YYYYMMDD`` form a real calendar date."""
    # Returning (not raising) here keeps the ValueError, whose text may quote the date,
    # out of the __context__ of the error the caller raises.
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check(number: str, kind: AsnType) -> None:
    """Raise the first problem of the compact ``number`` read as ``kind``, in documented order."""
    # sources: nip-layout check 1: ASCII digits only ("١٢" and "１２" are digits to isdigit).
    if number and not (number.isascii() and number.isdigit()):
        raise InvalidFormat("nip.format")
    if len(number) != _LENGTH:
        raise InvalidLength("nip.length", length=len(number))
    # sources: nip-layout check 2 and ni-pppk-layout: digits 1-8 are a date of birth, for both
    # kinds.
    if not _is_date(number[:8]):
        raise InvalidComponent("nip.birth_date")
    # Fixed-width digit strings compare in calendar order, so no int() is needed below.
    if kind is _PNS:
        # sources: nip-layout check 2: digits 13-14 are the TMT month, 01-12.
        month = number[12:14]
        if not "01" <= month <= "12":
            raise InvalidComponent("nip.tmt_month", month=month)
        # The TMT is always the 1st of its month (sources: nip-layout): "YYYYMM01" against
        # the birth "YYYYMMDD", compared in full only when the years leave it open.
        if number[8:12] <= number[:4] and number[8:14] + "01" < number[:8]:
            raise InvalidComponent("nip.tmt_before_birth")
    # sources: ni-pppk-layout: an appointment year before the birth year is impossible.
    elif number[8:12] < number[:4]:
        raise InvalidComponent("nip.tmt_before_birth")
    # sources: nip-layout check 2 and ni-pppk-layout: digit 15 is the sex, 1 or 2.
    digit = number[14]
    if digit not in _SEX_DIGITS:
        raise InvalidComponent("nip.sex", digit=digit)
    # sources: nip-layout: the sequence starts at 001.
    if number.endswith("000"):
        raise InvalidComponent("nip.sequence")


def _validated(number: object, kind: object) -> tuple[str, AsnType]:
    """Return the compact number and the checked kind, or raise the first problem."""
    text = compact(cast("str", number))
    asn_type = _as_kind(kind)
    _check(text, asn_type)
    return text, asn_type


def _format_valid(number: str, kind: AsnType) -> str:
    """Group a valid compact number: 8-6-1-3 for a PNS, 8-4-2-1-3 for a PPPK."""
    if kind is _PPPK:
        return f"{number[:8]} {number[8:12]} {number[12:14]} {number[14]} {number[15:]}"
    return f"{number[:8]} {number[8:14]} {number[14]} {number[15:]}"


def _mask_valid(number: str, kind: AsnType) -> str:
    """Mask a valid compact number, keeping the grouping and the sequence."""
    return (_MASK_PPPK if kind is _PPPK else _MASK_PNS) + number[15:]


def compact(number: str) -> str:
    r"""Strip a NIP (Nomor Induk Pegawai) or NI PPPK of spaces, dots, hyphens and outer whitespace.

    Nothing is validated: ``compact("abc")`` is ``"abc"``.

    Args:
        number: The number as written, e.g. ``"19860926 201505 1 001"``.

    Returns:
        The number without separators.

    Raises:
        InvalidType: ``number`` is not a string (code ``data.type``).

    Added in version 0.1.

    Examples:
        >>> compact(" 19860926.201505.1-001\n")
        '198609262015051001'
    """
    # type() rather than isinstance(): an object can fake __class__, and isinstance() would
    # then run its code.
    if not issubclass(type(number), str):
        raise InvalidType("data.type", expected="string", got=type(number).__name__)
    # str.replace called on the class returns an exact str even for a str subclass, so an
    # overridden strip/replace/__eq__ on the argument never runs. Separators go before the
    # outer whitespace: stripping first would leave the "\r" of ".\r0" outside, and a
    # second compact would change the result.
    return str.replace(number, " ", "").replace(".", "").replace("-", "").strip()


def validate(number: str, *, kind: AsnType = AsnType.PNS) -> str:
    """Check a NIP (Nomor Induk Pegawai) or NI PPPK and return its compact form.

    The checks run in the order the module documentation lists, and the first failure
    is raised: the type of ``number``, ``kind``, the characters, the length, then the
    parts in digit order.

    Args:
        number: The number, with or without spaces, dots and hyphens.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        The compact 18-digit number.

    Raises:
        InvalidType: ``number`` is not a string, or ``kind`` is not an `AsnType`
            (code ``data.type``).
        InvalidFormat: a character other than 0-9 remains (``nip.format``).
        InvalidLength: not 18 digits (``nip.length``).
        InvalidComponent: an impossible part (``nip.birth_date``, ``nip.tmt_month``,
            ``nip.tmt_before_birth``, ``nip.sex``, ``nip.sequence``).

    Added in version 0.1.

    Examples:
        >>> validate("19860926 201505 1 001")
        '198609262015051001'
        >>> validate("199009132025242014", kind=AsnType.PPPK)
        '199009132025242014'
        >>> validate("198609262015131001")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: Digits 13-14 ... not 13. [nip.tmt_month]
    """
    return _validated(number, kind)[0]


def is_valid(number: object, *, kind: AsnType = AsnType.PNS) -> bool:
    """Tell whether a value is a valid NIP (Nomor Induk Pegawai) or NI PPPK; never raises.

    Args:
        number: Anything; only a string can be valid.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        ``True`` if `validate` would accept it, ``False`` otherwise.

    Added in version 0.1.

    Examples:
        >>> is_valid("19860926 201505 1 001"), is_valid("198609262015051000"), is_valid(None)
        (True, False, False)
    """
    try:
        _validated(number, kind)
    except ValidationError:
        return False
    return True


def format(number: str, *, kind: AsnType = AsnType.PNS) -> str:  # noqa: A001 - the stdnum contract name
    """Write a NIP (Nomor Induk Pegawai) or NI PPPK in its usual grouped display form.

    A NIP is grouped 8-6-1-3 (birth date, TMT, sex, sequence), as official documents
    print it; an NI PPPK 8-4-2-1-3. The number is validated first.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        The grouped form, digits separated by single spaces.

    Raises:
        ValidationError: the number is invalid (see `validate`).

    Added in version 0.1.

    Examples:
        >>> format("198609262015051001")
        '19860926 201505 1 001'
        >>> format("199009132025242014", kind=AsnType.PPPK)
        '19900913 2025 24 2 014'
    """
    return _format_valid(*_validated(number, kind))


def mask(number: str, *, kind: AsnType = AsnType.PNS) -> str:
    """Hide a NIP (Nomor Induk Pegawai) or NI PPPK for display, logs and shared reports.

    The rule (UU 27/2022; sources: uu-pdp): a valid number keeps its grouping and only
    its last three digits, the sequence, which reveal nothing about the holder; the date
    of birth, the TMT or appointment year and the sex become ``*``. A value that is not
    valid for ``kind`` (including a bad ``kind``) is not echoed at all: every character
    of its compact form becomes ``*``.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        The masked form.

    Raises:
        InvalidType: ``number`` is not a string (code ``data.type``); a string never
            raises.

    Added in version 0.1.

    Examples:
        >>> mask("19860926 201505 1 001")
        '******** ****** * 001'
        >>> mask("199001012024211002", kind=AsnType.PPPK)
        '******** **** ** * 002'
        >>> mask("1986-0926-2015")
        '************'
    """
    text = compact(number)
    try:
        asn_type = _as_kind(kind)
        _check(text, asn_type)
    except ValidationError:
        return "*" * len(text)
    return _mask_valid(text, asn_type)


def parse(number: str, *, kind: AsnType = AsnType.PNS) -> NIP:
    """Decode a NIP (Nomor Induk Pegawai) or NI PPPK into a `NIP` value object.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        The decoded, validated number.

    Raises:
        ValidationError: the number is invalid (see `validate`).

    Added in version 0.1.

    Examples:
        >>> parse("19900101 2024 21 1 002", kind=AsnType.PPPK).appointment_year
        2024
    """
    return NIP(number=number, kind=kind)


def get_birth_date(number: str, *, kind: AsnType = AsnType.PNS) -> pendulum.Date:
    """Return the tanggal lahir (date of birth) in a NIP (Nomor Induk Pegawai) or NI PPPK.

    The date of birth is personal data (UU 27/2022): show it only where a stated
    purpose needs it.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        Digits 1-8 as a date.

    Raises:
        ValidationError: the number is invalid (see `validate`).

    Added in version 0.1.

    Examples:
        >>> get_birth_date("19860926 201505 1 001")
        Date(1986, 9, 26)
    """
    return pendulum.Date.fromisoformat(_validated(number, kind)[0][:8])


def get_sex(number: str, *, kind: AsnType = AsnType.PNS) -> Sex:
    """Return the jenis kelamin (sex) in a NIP (Nomor Induk Pegawai) or NI PPPK.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Returns:
        Digit 15 as a `Sex`.

    Raises:
        ValidationError: the number is invalid (see `validate`).

    Added in version 0.1.

    Examples:
        >>> get_sex("19900913 2025 24 2 014", kind=AsnType.PPPK)
        <Sex.FEMALE: 'P'>
    """
    return Sex.from_nip_digit(_validated(number, kind)[0][14])


def _as_date(value: object) -> dt.date:
    """Return the calendar date of a date or datetime, else raise `InvalidType`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise InvalidType("data.type", expected="date", got=type(value).__name__)


def plausibility(
    number: str,
    *,
    kind: AsnType = AsnType.PNS,
    on: dt.date | None = None,
    first_pppk_year: int = FIRST_PPPK_YEAR,
) -> tuple[Finding, ...]:
    """Check that a valid NIP (Nomor Induk Pegawai) or NI PPPK is also likely.

    Every finding is a warning with an empty ``path``, and none carries the number.
    They come in digit order:

    * ``nip.pppk_year`` (PPPK only): the appointment year is before ``first_pppk_year``,
      the presumed first PPPK intake (unconfirmed; sources: ni-pppk-layout).
    * ``nip.tmt_before_18``: the holder was under 18 at first appointment (PP 11/2017
      Pasal 23 ayat (1) huruf a sets 18 as the minimum age *at application*; sources: cpns-age). For
      a PNS, ``age`` is the completed years on the 1st of the TMT month; for
      a PPPK, whose number gives only the year, it is the age reached in that year, the
      most the holder can have been.
    * ``nip.tmt_future`` (only when ``on`` is given): the TMT is after ``on`` (PNS), or the
      appointment year after the year of ``on`` (PPPK).
    * ``nip.pppk_code`` (PPPK only): digits 13-14 are outside 21-29, the values seen so
      far (sources: ni-pppk-layout); perhaps the number is a PNS NIP.

    A TMT before 2009 is normal (NIPs converted from the 9-digit form) and not reported.

    Args:
        number: The number, with or without separators.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.
        on: The reference date for ``nip.tmt_future``; a datetime counts by its own
            calendar date. No clock is read: without ``on`` that check is skipped.
        first_pppk_year: The year below which ``nip.pppk_year`` is reported.

    Returns:
        The findings, possibly none.

    Raises:
        ValidationError: the number is invalid (see `validate`).
        InvalidType: ``on`` is not a date or ``first_pppk_year`` not an int
            (code ``data.type``).

    Added in version 0.1.

    Examples:
        >>> plausibility("19860926 201505 1 001")
        ()
        >>> [f.code for f in plausibility("200101012015051001")]
        ['nip.tmt_before_18']
        >>> dict(plausibility("200101012015051001")[0].params)
        {'age': 14}
        >>> [f.code for f in plausibility("199001012018111002", kind=AsnType.PPPK)]
        ['nip.pppk_year', 'nip.pppk_code']
    """
    text, asn_type = _validated(number, kind)
    reference = None if on is None else _as_date(on)
    if type(first_pppk_year) is not int:
        raise InvalidType("data.type", expected="int", got=type(first_pppk_year).__name__)
    findings: list[Finding] = []
    birth = dt.date.fromisoformat(text[:8])
    year = int(text[8:12])
    if asn_type is _PPPK:
        if year < first_pppk_year:
            findings.append(
                Finding(
                    code="nip.pppk_year",
                    severity=Severity.WARNING,
                    params={"year": year, "first_year": first_pppk_year},
                    source=_SOURCE_PPPK_YEAR,
                )
            )
        age = year - birth.year
        future = reference is not None and year > reference.year
        age_source, future_source = _SOURCE_AGE_PPPK, _SOURCE_FUTURE_PPPK
    else:
        tmt = dt.date(year, int(text[12:14]), 1)
        age = tmt.year - birth.year - ((tmt.month, tmt.day) < (birth.month, birth.day))
        future = reference is not None and tmt > reference
        age_source, future_source = _SOURCE_AGE_PNS, _SOURCE_FUTURE_PNS
    if age < _MIN_AGE:
        findings.append(
            Finding(
                code="nip.tmt_before_18",
                severity=Severity.WARNING,
                params={"age": age},
                source=age_source,
            )
        )
    if future:
        findings.append(
            Finding(
                code="nip.tmt_future",
                severity=Severity.WARNING,
                params={"on": cast("dt.date", reference).isoformat()},
                source=future_source,
            )
        )
    if asn_type is _PPPK and not _PPPK_CODE_LOW <= text[12:14] <= _PPPK_CODE_HIGH:
        findings.append(
            Finding(
                code="nip.pppk_code",
                severity=Severity.WARNING,
                params={"code": text[12:14]},
                source=_SOURCE_PPPK_CODE,
            )
        )
    return tuple(findings)


@attrs.frozen(kw_only=True, repr=False)
class NIP:
    """A valid NIP (Nomor Induk Pegawai, civil-servant number) or NI PPPK, decoded.

    Construction validates: ``NIP(number=..., kind=...)`` raises the same errors as
    `validate`, so an invalid number cannot exist as a `NIP`. ``number`` is compacted on
    the way in. Two values are equal when number and kind are; values are hashable.
    ``repr`` and ``str`` are masked (UU 27/2022); the decoded parts are personal data
    reachable only through the explicit properties.

    Attributes:
        number: The compact 18-digit number.
        kind: `AsnType.PNS` for a NIP (the default), `AsnType.PPPK` for an NI PPPK.

    Added in version 0.1.

    Examples:
        >>> n = NIP(number="19860926 201505 1 001")
        >>> n.number, str(n)
        ('198609262015051001', '******** ****** * 001')
        >>> n == parse("198609262015051001")
        True
        >>> NIP(number="198609262015051000")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: The sequence number ... [nip.sequence]
    """

    number: str = attrs.field(converter=compact)
    kind: AsnType = AsnType.PNS

    def __attrs_post_init__(self) -> None:
        # In post-init rather than attrs validators: attrs.validators.set_disabled()
        # cannot switch it off, so an invalid NIP cannot exist.
        _check(self.number, _as_kind(self.kind))

    def __repr__(self) -> str:
        return f"NIP(number={self.masked!r}, kind={self.kind!r})"

    def __str__(self) -> str:
        return self.masked

    @property
    def birth_date(self) -> pendulum.Date:
        """The tanggal lahir (date of birth), digits 1-8; personal data.

        Examples:
            >>> parse("198609262015051001").birth_date
            Date(1986, 9, 26)
        """
        return pendulum.Date.fromisoformat(self.number[:8])

    @property
    def tmt_cpns(self) -> pendulum.Date | None:
        """The TMT CPNS (start of first appointment), the 1st of its month; None for a PPPK.

        Examples:
            >>> parse("198609262015051001").tmt_cpns
            Date(2015, 5, 1)
            >>> parse("199001012024211002", kind=AsnType.PPPK).tmt_cpns is None
            True
        """
        if self.kind is _PPPK:
            return None
        return pendulum.Date(int(self.number[8:12]), int(self.number[12:14]), 1)

    @property
    def appointment_year(self) -> int:
        """The year of first appointment: the TMT CPNS year or the first PPPK year.

        Examples:
            >>> parse("198609262015051001").appointment_year
            2015
        """
        return int(self.number[8:12])

    @property
    def pppk_code(self) -> str | None:
        """The NI PPPK code in digits 13-14 (jumlah perjanjian kerja); None for a PNS.

        Its encoding is unconfirmed (sources: ni-pppk-layout), so it stays an opaque string.

        Examples:
            >>> parse("199001012024211002", kind=AsnType.PPPK).pppk_code
            '21'
            >>> parse("198609262015051001").pppk_code is None
            True
        """
        if self.kind is _PPPK:
            return self.number[12:14]
        return None

    @property
    def sex(self) -> Sex:
        """The jenis kelamin (sex), digit 15; personal data.

        Examples:
            >>> parse("198609262015051001").sex
            <Sex.MALE: 'L'>
        """
        return Sex.from_nip_digit(self.number[14])

    @property
    def sequence(self) -> int:
        """The nomor urut (sequence number), digits 16-18, from 1.

        Examples:
            >>> parse("198609262015051001").sequence
            1
        """
        return int(self.number[15:])

    @property
    def formatted(self) -> str:
        """The grouped display form (see `format`); it shows the whole number.

        Examples:
            >>> parse("198609262015051001").formatted
            '19860926 201505 1 001'
        """
        return _format_valid(self.number, self.kind)

    @property
    def masked(self) -> str:
        """The masked form (see `mask`), safe to show.

        Examples:
            >>> parse("199001012024211002", kind=AsnType.PPPK).masked
            '******** **** ** * 002'
        """
        return _mask_valid(self.number, self.kind)
