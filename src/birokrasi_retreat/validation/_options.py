"""Private: reading the options of ``check(obj, options=...)`` for the rule modules.

This module owns the parsing shared by the rules of every area (`validation.retreat`,
`validation.evaluation`, `validation.followup`, `validation.organization`): the path of
an option (``options['roster']``), its ``data.type`` and range errors, and the options
that several areas read alike (a number, a share from 0 to 1, a collection, the host's
`Roster`). An option of the wrong type is never ignored: it raises with its path.

The checks of a single value (``data.type`` with a path) come from `birokrasi_retreat._fields`,
which `followup` (floor 7) also uses for the arguments of `follow_up_status` and
`visit_plan`: `followup` cannot import this module, which sits on floor 8.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from birokrasi_retreat import _fields
from birokrasi_retreat.errors import InvalidComponent, InvalidType
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from birokrasi_retreat._rules import Context


ROSTER: Final = "roster"
"""The option holding the host's roster (RET008, RET009, RET017, EVA010, FUP001, FUP004...)."""


def where(name: str) -> str:
    """The path of option ``name``: ``options['name']``."""
    return f"options[{name!r}]"


def type_error(name: str, expected: str, value: object) -> InvalidType:
    """A ``data.type`` error at option ``name``."""
    return _fields.type_error(where(name), expected, value)


def range_error(
    code: str, name: str, expected_id: str, expected_en: str, value: object
) -> InvalidComponent:
    """An option of the right type out of its range: ``code`` (``ret.option``, ``eva.option``)."""
    return InvalidComponent(
        code,
        path=where(name),
        option=name,
        expected_id=expected_id,
        expected_en=expected_en,
        value=str(value),
    )


def number(ctx: Context, name: str, default: float) -> float:
    """A real-number option (int or float, not bool), or ``default``."""
    value = ctx.options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise type_error(name, "number", value)
    return float(value)


def integer(ctx: Context, name: str, default: int) -> int:
    """A whole-number option (an int, not a bool), or ``default``."""
    return _fields.check_integer(ctx.options.get(name, default), where(name))


def share(ctx: Context, code: str, name: str, default: float) -> float:
    """A number option from 0 to 1, or ``default``; out of range raises ``code``."""
    value = number(ctx, name, default)
    if not 0 <= value <= 1:
        raise range_error(code, name, "angka dari 0 sampai 1", "a number from 0 to 1", value)
    return value


def roster(ctx: Context) -> Roster | None:
    """The host's roster (option ``roster``), or None when none is given."""
    return _fields.check_optional(ctx.options.get(ROSTER), Roster, where(ROSTER))


def items(ctx: Context, name: str) -> tuple[object, ...]:
    """A collection option as a tuple (a str or mapping is not a collection here)."""
    value = ctx.options.get(name, ())
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise type_error(name, "collection", value)
    return tuple(value)


def items_of(ctx: Context, name: str, cls: type) -> tuple[Any, ...]:
    """A collection option whose every item is a ``cls`` (``options['name'][i]`` otherwise)."""
    found = items(ctx, name)
    _fields.check_items(found, cls, where(name))
    return found
