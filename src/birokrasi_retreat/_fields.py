"""Private attrs field helpers shared by the models: the one vocabulary of field checks.

This module owns every private check of a model's field or of a function's argument
that more than one module needs: type checks that raise ``data.type`` with the field as
path (`type_error`, `check_type`, `check_integer`, `check_instance`, `check_items`,
`check_date`), identifiers and text (`check_id`, `non_blank`, `id_field`, `text_field`),
attrs validators (`integer`, `boolean`, `string`, `instance_of`, `members`, `aware`,
`date`...), tuples (`to_tuple` for functions; for fields `as_tuple`, which leaves a value
that is no array to `check_array`, `members` or `texts` so that the error names the
field; `tuple_of`, `text_tuple`), finite numbers (`finite`), a NIP or NI PPPK valid in
one of its layouts (`check_number`, the validator `number`) and unique ids (`by_id`). The public
validator factories (`nip()`, `kode_wilayah()`) stay in `birokrasi_retreat.validators`.

It sits on floor 2 and imports only `errors` (floor 1), `ranks` and `ids.nip` (floor 2).
`ranks`, which `ids.nip` imports, cannot import it back.
"""

from __future__ import annotations

import math

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs
import pendulum

from birokrasi_retreat.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidType,
    ValidationError,
)
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.ranks import AsnType


_T = TypeVar("_T")
_Identified = TypeVar("_Identified")

# An attrs validator: called with the instance, the attribute and the value.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# sources: nip-layout, ni-pppk-layout: the two layouts a NIP field may hold.
_PNS: Final = AsnType.PNS
_PPPK: Final = AsnType.PPPK

# The numbers `finite` accepts unless told otherwise: int and float (a bool is refused).
_REAL: Final[tuple[type, ...]] = (int, float)


# --- types ---------------------------------------------------------------------------------


def type_name(value: object) -> str:
    """The name of ``value``'s type, as a ``data.type`` error's ``got``."""
    return type(value).__name__


def type_error(path: str, expected: str, value: object) -> InvalidType:
    """A ``data.type`` error at ``path``: ``expected`` was wanted, ``value`` was given."""
    return InvalidType("data.type", path=path, expected=expected, got=type(value).__name__)


def check_type(value: object, field: str) -> None:
    """Raise ``data.type`` at ``field`` unless ``value`` is a str."""
    if not isinstance(value, str):
        raise InvalidType("data.type", path=field, expected="string", got=type(value).__name__)


def check_integer(value: object, path: str) -> int:
    """Return ``value`` if it is an int (a bool is not); raise ``data.type`` otherwise."""
    if type(value) is not int:
        raise InvalidType("data.type", path=path, expected="integer", got=type(value).__name__)
    return value


def check_instance(value: object, cls: type[_T], path: str) -> _T:
    """Return ``value`` if it is a ``cls``; raise ``data.type`` at ``path`` otherwise."""
    if not isinstance(value, cls):
        raise InvalidType("data.type", path=path, expected=cls.__name__, got=type(value).__name__)
    return value


def check_optional(value: object, cls: type[_T], path: str) -> _T | None:
    """Return ``value`` if it is None or a ``cls``; raise ``data.type`` at ``path`` otherwise."""
    if value is None or isinstance(value, cls):
        return value
    raise InvalidType("data.type", path=path, expected=cls.__name__, got=type(value).__name__)


def check_items(items: Iterable[object], cls: type, path: str) -> None:
    """Raise ``data.type`` at ``path[index]`` for the first item that is not a ``cls``."""
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise InvalidType(
                "data.type",
                path=f"{path}[{index}]",
                expected=cls.__name__,
                got=type(item).__name__,
            )


def check_date(value: object, path: str) -> None:
    """Raise ``data.type`` at ``path`` unless ``value`` is a `pendulum.Date` (not a DateTime)."""
    if not isinstance(value, pendulum.Date) or isinstance(value, pendulum.DateTime):
        raise InvalidType(
            "data.type", path=path, expected="pendulum.Date", got=type(value).__name__
        )


# --- identifiers and text --------------------------------------------------------------------


def check_id(value: str, field: str) -> None:
    """Identifiers are the user's own keys: printable, no surrounding spaces, not empty."""
    check_type(value, field)
    if not value or value != value.strip() or not value.isprintable():
        raise InvalidFormat("org.id", path=field, field=field)


def check_text(value: object, path: str, field: str) -> None:
    """Raise unless ``value`` is a str that is not blank (``org.blank`` names ``field``)."""
    check_type(value, path)
    assert isinstance(value, str)  # noqa: S101  (narrowed by check_type)
    if not value.strip():
        raise InvalidFormat("org.blank", path=path, field=field)


def non_blank(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: a str that is not blank."""
    # check_text inlined: this runs for every name and title of every model.
    check_type(value, attribute.name)
    if not value.strip():
        raise InvalidFormat("org.blank", path=attribute.name, field=attribute.name)


def optional_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or a str that is not blank."""
    if value is not None:
        check_text(value, attribute.name, attribute.name)


def texts(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """An attrs validator: a tuple of strs that are not blank."""
    check_array(value, attribute.name)
    for index, item in enumerate(value):
        check_text(item, f"{attribute.name}[{index}]", attribute.name)


def optional_id(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or an identifier (`check_id`)."""
    if value is not None:
        check_id(value, attribute.name)  # type: ignore[arg-type]  # checked inside


def id_field() -> str:
    """An attrs field holding an identifier."""
    return attrs.field(validator=lambda _i, a, v: check_id(v, a.name))


def text_field() -> str:
    """An attrs field holding non-blank text."""
    return attrs.field(validator=non_blank)


# --- plain values ------------------------------------------------------------------------------


def string(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: any str, blank or not."""
    if not isinstance(value, str):
        raise InvalidType(
            "data.type", path=attribute.name, expected="string", got=type(value).__name__
        )


def optional_string(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or any str."""
    if value is not None:
        string(_inst, attribute, value)


def integer(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: an int; a bool is an int to Python, never a number to us."""
    if type(value) is not int:
        raise InvalidType(
            "data.type", path=attribute.name, expected="integer", got=type(value).__name__
        )


def boolean(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: True or False, nothing else."""
    if type(value) is not bool:
        raise InvalidType(
            "data.type", path=attribute.name, expected="boolean", got=type(value).__name__
        )


def instance_of(cls: type) -> Validator:
    """An attrs validator: a ``cls`` (``data.type`` naming the class otherwise)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise InvalidType(
                "data.type", path=attribute.name, expected=cls.__name__, got=type(value).__name__
            )

    return check


def optional_instance_of(cls: type) -> Validator:
    """An attrs validator: None, or a ``cls``."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_optional(value, cls, attribute.name)

    return check


def members(cls: type) -> Validator:
    """An attrs validator: a tuple whose every item is a ``cls``."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        check_array(value, attribute.name)
        check_items(value, cls, attribute.name)

    return check


def aware(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a `pendulum.DateTime` with a time zone."""
    if not isinstance(value, pendulum.DateTime):
        raise InvalidType(
            "data.type",
            path=attribute.name,
            expected="pendulum.DateTime",
            got=type(value).__name__,
        )
    if value.tzinfo is None:
        raise InvalidComponent("datetime.naive", path=attribute.name, value="?")


def optional_aware(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or a `pendulum.DateTime` with a time zone."""
    if value is not None:
        aware(inst, attribute, value)


def date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a `pendulum.Date` (not a DateTime)."""
    check_date(value, attribute.name)


def optional_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or a `pendulum.Date` (not a DateTime)."""
    if value is not None:
        check_date(value, attribute.name)


def _prefix(text: str) -> str:
    return text[:32]


def finite(
    value: object,
    path: str,
    *,
    kinds: tuple[type, ...] = _REAL,
    shown: Callable[[str], str] = _prefix,
) -> float:
    """Return ``value`` as a float: one of ``kinds`` (never a bool) that is finite.

    ``shown`` turns the value's repr into the ``value`` of a ``data.not_finite`` error
    (by default its first 32 characters).
    """
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise InvalidType("data.type", path=path, expected="number", got=type(value).__name__)
    try:
        number = float(value)  # type: ignore[arg-type]  # one of kinds: a real number
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InvalidFormat("data.not_finite", path=path, value=shown(repr(value)))
    return number


def check_number(value: object, path: str) -> str:
    """Return a NIP or NI PPPK compact, or raise its first problem at ``path``.

    The kind is unknown where this is used (an enrollment, a commitment's owner, a
    visitor: the roster holds the official), so the number must be valid in one of the
    two layouts (`ids.nip.validate`, every rule: characters, length, birth date, TMT,
    sex, sequence). A number valid in neither raises what `ids.nip.validate` raises for a
    NIP (PNS), the codes and order `Official.nip` reports, with ``path`` as its path.
    """
    check_type(value, path)
    assert isinstance(value, str)  # noqa: S101  (narrowed by check_type)
    try:
        return _nip.validate(value, kind=_PNS)
    except ValidationError as error:
        if _nip.is_valid(value, kind=_PPPK):
            return _nip.compact(value)
        raise error.at(path) from None


def number(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a NIP or NI PPPK valid in one of its layouts (`check_number`)."""
    check_number(value, attribute.name)


def compact_nip(value: str, field: str) -> str:
    """A NIP or NI PPPK compact (`ids.nip.compact`), its errors at ``field``: for converters."""
    try:
        return _nip.compact(value)
    except ValidationError as error:
        raise error.at(field) from None


# --- collections ---------------------------------------------------------------------------------


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter storing any iterable except a str, bytes or mapping as a tuple."""
    # A str is an iterable of letters, not a list of items.
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise InvalidType("data.type", expected="array", got=type(value).__name__)
    return value if type(value) is tuple else tuple(value)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter: `to_tuple`, but a value that is no array is left as it is.

    The field's validator (`members`, `texts`, `check_array`) then refuses it with the
    field as its path, which a converter cannot know.
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the field's validator
    return value if type(value) is tuple else tuple(value)


def check_array(value: object, path: str) -> None:
    """Raise ``data.type`` at ``path`` unless ``value`` is a tuple (what `as_tuple` makes)."""
    if type(value) is not tuple:
        raise InvalidType("data.type", path=path, expected="array", got=type(value).__name__)


def tuple_of(cls: type) -> Any:  # noqa: ANN401  (an attrs field)
    """An attrs field holding a tuple of ``cls`` (empty by default)."""
    return attrs.field(default=(), converter=as_tuple, validator=members(cls))


def text_tuple() -> Any:  # noqa: ANN401  (an attrs field)
    """An attrs field holding a tuple of non-blank strs (empty by default)."""
    return attrs.field(default=(), converter=as_tuple, validator=texts)


def by_id(items: Iterable[_Identified], field: str, code: str) -> dict[str, _Identified]:
    """Index ``items`` by their ``id``; a repeated id raises ``code`` at ``field[index].id``."""
    found: dict[str, _Identified] = {}
    for index, item in enumerate(items):
        key: str = item.id  # type: ignore[attr-defined]  # every item has an id
        if key in found:
            raise ValidationError(code, path=f"{field}[{index}].id", value=key)
        found[key] = item
    return found
