"""Time zones: the zone a region keeps and a time as its clocks show it (sources: time-zones)."""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING

import pendulum

from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidType,
)
from birokrasi_retreat.ids import kode_wilayah as _kode_wilayah


if TYPE_CHECKING:
    from birokrasi_retreat.ids.kode_wilayah import KodeWilayah


def timezone_for(kode: KodeWilayah | str) -> str:
    """Zona waktu (time zone) of a region, as an IANA name, from its kode wilayah.

    Delegates to `birokrasi_retreat.ids.kode_wilayah.timezone_for`: the province decides
    (Keppres 41/1987; sources: time-zones), with Kalimantan Barat and Tengah on
    ``Asia/Pontianak``.

    Args:
        kode: A kode wilayah at any level, as text or a `KodeWilayah`.

    Returns:
        ``"Asia/Jakarta"``, ``"Asia/Pontianak"``, ``"Asia/Makassar"`` or ``"Asia/Jayapura"``.

    Raises:
        ValidationError: the code is malformed.
        UnknownReferenceError: its province is not one of the 38.

    Examples:
        >>> timezone_for("35.73"), timezone_for("74.71"), timezone_for("91")
        ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')
    """
    return _kode_wilayah.timezone_for(kode)


def _aware(value: object, path: str) -> pendulum.DateTime:
    if not isinstance(value, dt.datetime):
        raise InvalidType("data.type", path=path, expected="datetime", got=type(value).__name__)
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidComponent("datetime.naive", path=path, value=value.isoformat())
    return value if isinstance(value, pendulum.DateTime) else pendulum.instance(value)


def local(moment: dt.datetime, kode: KodeWilayah | str) -> pendulum.DateTime:
    """Waktu setempat (local time): an aware time as the clocks of a region show it.

    Args:
        moment: An aware time (a `pendulum.DateTime` or any aware `datetime`).
        kode: The region's kode wilayah, as text or a `KodeWilayah`.

    Returns:
        The same instant in the region's zone, keeping the zone's name.

    Raises:
        InvalidType: ``moment`` is not a datetime (``data.type``).
        InvalidComponent: ``moment`` is naive (``datetime.naive``).
        ValidationError: the code is malformed.

    Examples:
        >>> import pendulum
        >>> opening = pendulum.datetime(2025, 8, 1, 7, 30, tz="Asia/Jakarta")
        >>> str(local(opening, "74.71"))
        '2025-08-01 08:30:00+08:00'
        >>> local(opening, "74.71").timezone_name
        'Asia/Makassar'
    """
    return _aware(moment, "moment").in_timezone(timezone_for(kode))
