"""Holidays and cuti bersama between two dates, from the ``holidays`` package.

Cuti bersama may change the working days (sources: working-hours).

``holidays`` is imported on first use only.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from birokrasi_retreat import _fields
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidType,
)


if TYPE_CHECKING:
    from collections.abc import Iterable


# The languages of the library's catalogue, mapped to the ``holidays`` package's codes.
_HOLIDAY_LANGUAGES: Final = {"id": "id", "en": "en_US"}


class HolidayKind(enum.StrEnum):
    """What kind of day off a `Holiday` is.

    Examples:
        >>> HolidayKind("cuti_bersama")
        <HolidayKind.CUTI_BERSAMA: 'cuti_bersama'>
    """

    # Hari libur nasional, set yearly by the SKB 3 Menteri (Perpres 21/2023 Ps 6;
    # sources: working-hours); the ``holidays`` package's "public" category.
    PUBLIC = "public"
    # Cuti bersama (collective leave) of the ASN, set by the same SKB (Perpres 21/2023
    # Ps 6); the ``holidays`` package's "government" category.
    CUTI_BERSAMA = "cuti_bersama"
    # A local day off the library does not know: a regional holiday or a late decree.
    LOCAL = "local"


# Sort order of kinds on one date: national first.
_KIND_ORDER: Final = {kind: index for index, kind in enumerate(HolidayKind)}


def _holiday_date(value: object) -> pendulum.Date:
    # A datetime is a date too, but a holiday is a whole day: refuse it.
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidType("data.type", path="date", expected="date", got=type(value).__name__)
    return _as_pendulum_date(value)


def _as_pendulum_date(value: dt.date) -> pendulum.Date:
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


@attrs.frozen(kw_only=True)
class Holiday:
    """Hari libur (a day off): a national holiday, a cuti bersama day or a local one.

    Attributes:
        date: The day (a plain `datetime.date` is converted to `pendulum.Date`).
        name: Its name, e.g. "Hari Raya Waisak", without any "(perkiraan)" marker.
        kind: National holiday, cuti bersama or local.
        tentative: Whether the date is an estimate: the ``holidays`` package computes
            lunar holidays of years the SKB 3 Menteri has not fixed yet.

    Examples:
        >>> import datetime
        >>> Holiday(date=datetime.date(2025, 8, 1), name="HUT Kota", kind=HolidayKind.LOCAL)
        Holiday(date=Date(2025, 8, 1), name='HUT Kota', kind=<HolidayKind.LOCAL: 'local'>, tentative=False)
    """  # noqa: E501  (a doctest output line cannot be wrapped)

    date: pendulum.Date = attrs.field(converter=_holiday_date)
    name: str = _fields.text_field()
    kind: HolidayKind
    tentative: bool = False


def _query_date(value: object, path: str) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidType("data.type", path=path, expected="date", got=type(value).__name__)
    return _as_pendulum_date(value)


@functools.lru_cache(maxsize=256)
def _holidays_of_year(year: int, language: str) -> tuple[Holiday, ...]:
    # Imported here: the ``holidays`` package is needed only by this query.
    import holidays  # noqa: PLC0415

    found: list[Holiday] = []
    # One query per category: the package's mapping does not say which category a
    # date came from.
    for category, kind in (
        ("public", HolidayKind.PUBLIC),
        ("government", HolidayKind.CUTI_BERSAMA),
    ):
        table = holidays.country_holidays(
            "ID", years=year, categories=(category,), language=language
        )
        # The package's own marker of computed dates, in the language asked for:
        # "%s (perkiraan)" in Indonesian, "%s (estimated)" in English.
        prefix, _, suffix = table.tr(table.estimated_label).partition("%s")
        for day in sorted(table):
            # get_list splits the names the package joins with "; " on a shared date.
            for name in table.get_list(day):
                tentative = name.startswith(prefix) and name.endswith(suffix)
                if tentative:
                    name = name.removeprefix(prefix).removesuffix(suffix)  # noqa: PLW2901
                found.append(Holiday(date=day, name=name, kind=kind, tentative=tentative))
    return tuple(found)


def _check_lang(lang: object, path: str) -> None:
    if lang not in _HOLIDAY_LANGUAGES:
        raise InvalidComponent("calendar.language", path=path, language=str(lang))


def _sort_key(holiday: Holiday) -> tuple[pendulum.Date, int, str]:
    return (holiday.date, _KIND_ORDER[holiday.kind], holiday.name)


def holidays_between(
    start: dt.date,
    end: dt.date,
    *,
    extra: Iterable[Holiday] = (),
    language: str = "id",
) -> tuple[Holiday, ...]:
    """Hari libur nasional and cuti bersama (national holidays, collective leave) in a period.

    National holidays and cuti bersama come from the ``holidays`` package (country
    ``ID``, categories ``public`` and ``government``), which follows the yearly SKB 3
    Menteri. Lunar holidays of years not decreed yet carry the package's "(perkiraan)"
    / "(estimated)" marker: they come back with ``tentative=True`` and the marker
    removed from the name. ``extra`` adds days the package does not know: a regional
    holiday, or a cuti bersama decreed after the package's release.

    Args:
        start: The first day (inclusive); a `datetime.date`, not a datetime.
        end: The last day (inclusive).
        extra: Holidays of your own; those outside the period are left out.
        language: ``"id"`` (default) or ``"en"``, for the names of the package's
            holidays. It is always passed on: otherwise the package would follow the
            ``LANG`` of the machine.

    Returns:
        The holidays, sorted by date, then national before cuti bersama before local,
        then name; a holiday given twice appears once.

    Raises:
        InvalidType: ``start``, ``end`` or an item of ``extra`` has the wrong type
            (``data.type``).
        InvalidComponent: ``end`` falls before ``start`` (``calendar.range``), or the
            language is not ``"id"`` or ``"en"`` (``calendar.language``).

    Examples:
        >>> import pendulum
        >>> for h in holidays_between(pendulum.date(2025, 5, 12), pendulum.date(2025, 5, 31)):
        ...     print(h.date, h.kind.value, h.name)
        2025-05-12 public Hari Raya Waisak
        2025-05-13 cuti_bersama Cuti Bersama Hari Raya Waisak
        2025-05-29 public Kenaikan Yesus Kristus
        2025-05-30 cuti_bersama Cuti Bersama Kenaikan Yesus Kristus
        >>> hut = Holiday(date=pendulum.date(2025, 5, 14), name="HUT Kota", kind=HolidayKind.LOCAL)
        >>> [h.name for h in holidays_between(pendulum.date(2025, 5, 13),
        ...  pendulum.date(2025, 5, 14), extra=[hut], language="en")]
        ['Vesak Joint Holiday', 'HUT Kota']
    """
    first = _query_date(start, "start")
    last = _query_date(end, "end")
    if last < first:
        raise InvalidComponent(
            "calendar.range", path="end", start=first.isoformat(), end=last.isoformat()
        )
    _check_lang(language, "language")
    try:
        injected = _fields.to_tuple(extra)
    except BirokrasiRetreatError as error:
        raise error.at("extra") from None
    for index, item in enumerate(injected):
        if not isinstance(item, Holiday):
            raise InvalidType(
                "data.type", path=f"extra[{index}]", expected="Holiday", got=type(item).__name__
            )
    found = [
        holiday
        for year in range(first.year, last.year + 1)
        for holiday in _holidays_of_year(year, _HOLIDAY_LANGUAGES[language])
        if first <= holiday.date <= last
    ]
    found.extend(holiday for holiday in injected if first <= holiday.date <= last)
    return tuple(dict.fromkeys(sorted(found, key=_sort_key)))
