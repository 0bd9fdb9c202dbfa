"""Private attrs field helpers shared by the models: ids, non-blank text, tuples."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from birokrasi_retreat.errors import InvalidFormat, InvalidType


def check_type(value: object, field: str) -> None:
    """Raise ``data.type`` at ``field`` unless ``value`` is a str."""
    if not isinstance(value, str):
        raise InvalidType("data.type", path=field, expected="string", got=type(value).__name__)


def check_id(value: str, field: str) -> None:
    """Identifiers are the user's own keys: printable, no surrounding spaces, not empty."""
    check_type(value, field)
    if not value or value != value.strip() or not value.isprintable():
        raise InvalidFormat("org.id", path=field, field=field)


def non_blank(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: a str that is not blank."""
    check_type(value, attribute.name)
    if not value.strip():
        raise InvalidFormat("org.blank", path=attribute.name, field=attribute.name)


def id_field() -> str:
    """An attrs field holding an identifier."""
    return attrs.field(validator=lambda _i, a, v: check_id(v, a.name))


def text_field() -> str:
    """An attrs field holding non-blank text."""
    return attrs.field(validator=non_blank)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter storing any iterable except a str, bytes or mapping as a tuple."""
    # A str is an iterable of letters, not a list of items.
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise InvalidType("data.type", expected="array", got=type(value).__name__)
    return value if type(value) is tuple else tuple(value)
