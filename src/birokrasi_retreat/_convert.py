"""Strict cattrs hooks and the error funnel behind `birokrasi_retreat.serialization`.

Private: `birokrasi_retreat.serialization` documents and exports the public surface.
This module holds the hooks (exact scalars, enums by value, pendulum times, strict
containers, a Mapping check at every attrs class) and `to_group`, the one place where
any failure raised while structuring becomes a `ValidationErrorGroup` of coded,
path-carrying library errors.

Paths follow the library's format (`birokrasi_retreat.errors.join_path`): ``.name`` for an
attribute, ``[2]`` for a list or tuple index, ``['key']`` (the key's ``repr``) for a
mapping key, e.g. ``sessions[2].start`` or ``counts['x']``.

Examples:
    >>> kind_of([1]), kind_of(None), kind_of(True)
    ('array', 'null', 'boolean')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import re

from collections.abc import Callable, Iterable, Mapping, MutableMapping, MutableSequence, MutableSet
from collections.abc import Sequence as AbcSequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Final, cast, get_args, get_origin

import attrs
import pendulum

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn

from birokrasi_retreat import _privacy
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
    ValidationErrorGroup,
    join_path,
)


if TYPE_CHECKING:
    import cattrs


__all__ = [
    "Hook",
    "attrs_structure_factory",
    "dict_structure_factory",
    "enum_structure_hook",
    "is_dict_type",
    "is_enum_type",
    "is_list_type",
    "is_set_type",
    "is_tuple_type",
    "kind_of",
    "list_structure_factory",
    "segment",
    "set_structure_factory",
    "set_unstructure_factory",
    "show",
    "structure_bool",
    "structure_date",
    "structure_datetime",
    "structure_float",
    "structure_int",
    "structure_str",
    "to_group",
    "tuple_structure_factory",
    "tuple_unstructure_factory",
    "unstructure_date",
    "unstructure_datetime",
    "unstructure_str",
]

Hook = Callable[[Any, Any], Any]
"""A cattrs structure hook: ``(value, type) -> structured value``."""

# JSON's names for Python's types, so that messages speak the document's language.
_KINDS: Final[Mapping[type, str]] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    tuple: "array",
    dict: "object",
    bytes: "bytes",
    dt.date: "date",
    dt.datetime: "datetime",
    pendulum.Date: "date",
    pendulum.DateTime: "datetime",
}
_SHOW_MAX: Final = 60

# RFC 3339 date-time with microsecond precision at most (a 7th digit would be silently
# truncated by fromisoformat) and an optional offset; offsets with seconds are allowed
# because Python writes them for historical zones (in tzdata, Asia/Jakarta is +07:07:12
# before 1924).
_DATETIME: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?\Z"
)
_DATE_LENGTH: Final = 10
_COMMON_LENGTH: Final = len("2025-05-15T07:30:00+07:00")
# Zone files whose meaning depends on the machine, never a place: refused by name.
_MACHINE_ZONES: Final = frozenset({"localtime", "posixrules", "Factory"})


def kind_of(value: object) -> str:
    """Name the type of ``value`` the way JSON would (``"string"``, ``"array"``...).

    Examples:
        >>> kind_of({}), kind_of(4.9), kind_of(b"x")
        ('object', 'number', 'bytes')
    """
    kind = _KINDS.get(type(value))
    if kind is not None:
        return kind
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def show(value: object) -> str:
    """Render ``value`` for a message: a short ``repr``, long digit runs starred.

    Examples:
        >>> show("IV/f"), show(3)
        ("'IV/f'", '3')
        >>> show("198609262015051001")
        "'***************001'"
    """
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001  (any object may be shown; a broken repr must not raise)
        text = f"<{type(value).__name__}>"
    # A NIP (18 digits) or NIK (16) is personal data (UU 27/2022): starred but for its end.
    text = _privacy.redact(text)
    return text if len(text) <= _SHOW_MAX else text[: _SHOW_MAX - 1] + "…"


def segment(index: object) -> str:
    """Return the path segment of a list index (``[2]``) or a mapping key (``['x']``).

    Examples:
        >>> segment(2), segment("x")
        ('[2]', "['x']")
    """
    if type(index) is int:
        return f"[{index}]"
    return f"[{show(index)}]"


# --- scalars -------------------------------------------------------------------------


def _type_error(expected: str, value: object) -> InvalidType:
    return InvalidType("data.type", expected=expected, got=kind_of(value))


def structure_str(value: object, cl: type) -> str:
    """Accept a `str` only: never ``None`` -> ``"None"`` or ``1`` -> ``"1"``.

    Examples:
        >>> structure_str("a", str)
        'a'
    """
    if cl is not str:
        return cast("str", _structure_subclass(value, cl, structure_str, str))
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    raise _type_error("string", value)


def unstructure_str(value: str) -> str:
    """Write a plain `str`: a StrEnum member becomes its value (cattrs would keep it).

    Examples:
        >>> class Kind(enum.StrEnum):
        ...     PNS = "PNS"
        >>> type(unstructure_str(Kind.PNS))
        <class 'str'>
    """
    if type(value) is str:
        return value
    if isinstance(value, enum.Enum):
        return value.value  # type: ignore[no-any-return]
    return str.__str__(value)


def structure_int(value: object, cl: type) -> int:
    """Accept an `int` that is not a `bool`: never ``4.9`` -> ``4`` or ``True`` -> ``1``.

    Examples:
        >>> structure_int(3, int)
        3
    """
    if cl is not int:
        return cast("int", _structure_subclass(value, cl, structure_int, int))
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise _type_error("integer", value)


def structure_float(value: object, cl: type) -> float:
    """Accept a finite `float`, or an `int` that is not a `bool`.

    JSON cannot carry NaN or infinity, so neither is accepted (``data.not_finite``).

    Examples:
        >>> structure_float(2, float), structure_float(0.5, float)
        (2.0, 0.5)
    """
    if cl is not float:
        return cast("float", _structure_subclass(value, cl, structure_float, float))
    if isinstance(value, float):
        # inf - inf and nan - nan are nan, never 0.0: one test for both.
        if value - value == 0.0:
            return float(value)
        raise InvalidFormat("data.not_finite", value=show(value))
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            raise InvalidFormat("data.not_finite", value=show(value)) from None
    raise _type_error("number", value)


def structure_bool(value: object, _: type) -> bool:
    """Accept ``True`` or ``False`` only: never ``"no"`` -> ``True`` or ``0`` -> ``False``.

    Examples:
        >>> structure_bool(False, bool)
        False
    """
    if value is True or value is False:
        return value
    raise _type_error("boolean", value)


def _structure_subclass(value: object, cl: type[Any], base_hook: Hook, base: type) -> object:
    """Structure into a subclass of a scalar: an enum by value, anything else via the base."""
    # cattrs dispatches str/int/float subclasses (StrEnum, IntEnum) to the base's hook.
    if issubclass(cl, enum.Enum):
        return enum_structure_hook(cl)(value, cl)
    return cl(base_hook(value, base))


# --- enums ---------------------------------------------------------------------------


def is_enum_type(cl: object) -> bool:
    """Whether ``cl`` is an `enum.Enum` subclass.

    Examples:
        >>> is_enum_type(enum.Enum), is_enum_type(str)
        (True, False)
    """
    return isinstance(cl, type) and issubclass(cl, enum.Enum)


@functools.cache
def enum_structure_hook(cl: type[enum.Enum]) -> Hook:
    """Build the hook for an enum: one dict lookup by the exact value (type included).

    Examples:
        >>> class Colour(enum.Enum):
        ...     RED = "red"
        >>> enum_structure_hook(Colour)("red", Colour)
        <Colour.RED: 'red'>
    """
    lookup = {member.value: member for member in cl}
    choices = ", ".join(str(value) for value in lookup)

    def structure_enum(value: object, _: object) -> enum.Enum:
        if type(value) is cl:
            return value
        try:
            member = lookup[value]
        except (KeyError, TypeError):
            member = None
        # The type test keeps True from matching 1 and 1.0 from matching 1.
        if member is None or type(value) is not type(member.value):
            raise InvalidFormat("data.choice", value=show(value), choices=choices)
        return member

    return structure_enum


# --- pendulum ------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> pendulum.Timezone | None:
    """Return the IANA zone ``name`` (cached per name), or None if there is none."""
    if name in _MACHINE_ZONES:
        return None
    try:
        zone = pendulum.timezone(name)
    except Exception:  # noqa: BLE001  (ValueError, OSError, InvalidTimezone: all "unknown")
        return None
    # pendulum maps "utc" to "UTC"; only the exact key round-trips.
    if zone.key != name:
        return None
    return zone


@functools.lru_cache(maxsize=64)
def _fixed(seconds: int) -> pendulum.FixedTimezone:
    return pendulum.FixedTimezone(seconds)


def _pendulum(value: dt.datetime, zone: dt.tzinfo) -> pendulum.DateTime:
    return pendulum.DateTime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tzinfo=zone,
        fold=value.fold,
    )


def _in_zone(parsed: dt.datetime, name: str, text: str) -> pendulum.DateTime:
    """Move the offset-carrying ``parsed`` into the zone ``name``, checking the offset."""
    zone = _zone(name)
    if zone is None:
        raise InvalidComponent("datetime.unknown_zone", zone=show(name))
    try:
        local = parsed.astimezone(zone)
    except (OverflowError, ValueError):
        raise InvalidFormat("datetime.format", value=show(text)) from None
    offset = local.utcoffset()
    if offset != parsed.utcoffset():
        raise InvalidComponent(
            "datetime.zone_mismatch", value=show(text), zone=name, offset=_offset_text(offset)
        )
    return _pendulum(local, zone)


def _offset_text(offset: dt.timedelta | None) -> str:
    """Write a UTC offset as ``+07:00`` (``+07:07:12`` when it has seconds)."""
    total = int(offset.total_seconds()) if offset is not None else 0
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def _with_offset(parsed: dt.datetime, offset: dt.timedelta) -> pendulum.DateTime:
    """Give ``parsed`` (whose UTC offset is ``offset``, whole seconds) a fixed-offset zone."""
    return _pendulum(parsed, _fixed(offset.days * 86_400 + offset.seconds))


def _is_common_shape(text: str) -> bool:
    """Whether ``text`` is laid out as ``YYYY-MM-DDTHH:MM:SS+HH:MM`` (digits unchecked).

    The regex costs about as much as the rest of the parse; for this shape, which is what
    the library writes, `datetime.fromisoformat` checks the digits itself.
    """
    return (
        len(text) == _COMMON_LENGTH
        and text.isascii()
        and text[4] == text[7] == "-"
        and text[10] == "T"
        and text[13] == text[16] == text[22] == ":"
        and text[19] in "+-"
    )


def _parse_rfc9557(value: str) -> pendulum.DateTime:
    """Parse ``2025-05-15T07:30:00+07:00[Asia/Jakarta]``; the bracket is optional."""
    text, bracket, zone_name = value.partition("[")
    if bracket:
        if not zone_name.endswith("]") or "[" in zone_name or "]" in zone_name[:-1]:
            raise InvalidFormat("datetime.format", value=show(value))
        zone_name = zone_name[:-1]
    if not _is_common_shape(text):
        match = _DATETIME.match(text)
        if match is None:
            raise InvalidFormat("datetime.format", value=show(value))
        if match.group(1) is None:
            raise InvalidType("datetime.naive", value=show(value))
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidFormat("datetime.format", value=show(value)) from None
    if bracket:
        return _in_zone(parsed, zone_name, value)
    return _with_offset(parsed, parsed.utcoffset() or dt.timedelta())


def structure_datetime(value: object, _: object) -> pendulum.DateTime:
    """Structure an aware `pendulum.DateTime` from an RFC 9557 string.

    ``2025-05-15T07:30:00+07:00[Asia/Jakarta]`` gives that instant in the named zone;
    without a bracket the zone is the fixed offset. A `pendulum.DateTime`, or a
    `datetime.datetime` whose zone has an IANA name (`zoneinfo.ZoneInfo`), is accepted
    as it is. A `datetime.datetime` with a bare offset (what TOML and YAML parsers give
    for an unquoted date-time) is refused with ``datetime.no_zone``: the zone name that
    keeps WIB, WITA and WIT apart cannot be recovered from it. A naive one never.

    Examples:
        >>> structure_datetime("2025-05-15T07:30:00+07:00[Asia/Jakarta]", None).timezone_name
        'Asia/Jakarta'
    """
    if type(value) is str:
        return _parse_rfc9557(value)
    if not isinstance(value, dt.datetime):
        raise _type_error("datetime", value)
    offset = value.utcoffset()
    if offset is None:
        raise InvalidType("datetime.naive", value=show(str(value)))
    if isinstance(value, pendulum.DateTime):
        return value
    key = getattr(value.tzinfo, "key", None)
    if isinstance(key, str):
        return _in_zone(value, key, str(value))
    raise InvalidFormat("datetime.no_zone", value=show(value.isoformat()))


def unstructure_datetime(value: dt.datetime) -> str:
    """Write an RFC 9557 string: ISO 8601 with the offset, and the IANA zone in brackets.

    Examples:
        >>> unstructure_datetime(pendulum.datetime(2025, 5, 15, 7, 30, tz="Asia/Jayapura"))
        '2025-05-15T07:30:00+09:00[Asia/Jayapura]'
        >>> unstructure_datetime(pendulum.datetime(2025, 5, 15, tz=pendulum.fixed_timezone(3600)))
        '2025-05-15T00:00:00+01:00'
    """
    text = value.isoformat()
    key = getattr(value.tzinfo, "key", None)
    return f"{text}[{key}]" if isinstance(key, str) else text


def structure_date(value: object, _: object) -> pendulum.Date:
    """Structure a `pendulum.Date` from exactly ``YYYY-MM-DD`` (or a `datetime.date`).

    Examples:
        >>> structure_date("2025-05-15", None)
        Date(2025, 5, 15)
    """
    if type(value) is str:
        if len(value) != _DATE_LENGTH or not value.isascii() or value[4] != "-" or value[7] != "-":
            raise InvalidFormat("date.format", value=show(value))
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidFormat("date.format", value=show(value)) from None
        return pendulum.Date(parsed.year, parsed.month, parsed.day)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        if isinstance(value, pendulum.Date):
            return value
        return pendulum.Date(value.year, value.month, value.day)
    raise _type_error("date", value)


def unstructure_date(value: dt.date) -> str:
    """Write ``YYYY-MM-DD``.

    Examples:
        >>> unstructure_date(pendulum.Date(2025, 5, 15))
        '2025-05-15'
    """
    return value.isoformat()


# --- containers ----------------------------------------------------------------------

_LIST_ORIGINS: Final = frozenset({list, AbcSequence, MutableSequence})
_SET_ORIGINS: Final = frozenset({set, frozenset, AbstractSet, MutableSet})
_DICT_ORIGINS: Final = frozenset({dict, Mapping, MutableMapping})


def is_list_type(cl: object) -> bool:
    """Whether ``cl`` is ``list[X]``, ``Sequence[X]`` or ``MutableSequence[X]`` (or bare).

    Examples:
        >>> is_list_type(list[int]), is_list_type(tuple[int, ...])
        (True, False)
    """
    return (get_origin(cl) or cl) in _LIST_ORIGINS


def is_tuple_type(cl: object) -> bool:
    """Whether ``cl`` is ``tuple``, ``tuple[X, ...]`` or ``tuple[X, Y]`` (not a NamedTuple).

    Examples:
        >>> is_tuple_type(tuple[int, str]), is_tuple_type(list[int])
        (True, False)
    """
    return cl is tuple or get_origin(cl) is tuple


def is_set_type(cl: object) -> bool:
    """Whether ``cl`` is ``set[X]``, ``frozenset[X]`` or an abstract set (or bare).

    Examples:
        >>> is_set_type(frozenset[str]), is_set_type(dict)
        (True, False)
    """
    return (get_origin(cl) or cl) in _SET_ORIGINS


def is_dict_type(cl: object) -> bool:
    """Whether ``cl`` is ``dict[K, V]``, ``Mapping[K, V]`` or ``MutableMapping[K, V]``.

    Examples:
        >>> is_dict_type(dict[str, int]), is_dict_type(list)
        (True, False)
    """
    return (get_origin(cl) or cl) in _DICT_ORIGINS


def _passthrough(value: object, _: object) -> object:
    return value


class _LazyHook:
    """The structure hook of a member type, fetched on first use (recursive types)."""

    __slots__ = ("_converter", "_hook", "_type")

    def __init__(self, converter: cattrs.Converter, member_type: object) -> None:
        self._converter = converter
        self._type = member_type
        self._hook: Hook | None = None if member_type is not Any else _passthrough

    def __call__(self) -> Hook:
        hook = self._hook
        if hook is None:
            hook = self._hook = self._converter.get_structure_hook(self._type)
        return hook


def _note(error: Exception, index: object, member_type: object) -> Exception:
    """Attach cattrs' note naming ``index``, which `to_group` turns into a path segment."""
    note = IterableValidationNote(f"Structuring @ {index!r}", index, member_type)  # type: ignore[arg-type]
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


def _group(cl: object, errors: list[Exception]) -> IterableValidationError:
    """Bundle the noted failures of one container, as cattrs does."""
    summary = f"While structuring {cl!r}"
    return IterableValidationError(summary, errors, cl)  # type: ignore[arg-type]


def _as_sequence(value: object) -> AbcSequence[object]:
    # Only JSON arrays (lists) and tuples: a str, bytes, Mapping or set is refused here.
    if isinstance(value, list | tuple):
        return value
    raise _type_error("array", value)


def _structure_items(
    items: AbcSequence[object], hook: Hook, member_type: object, cl: object
) -> list[object]:
    """Structure each item, collecting every failure with its index (detailed mode)."""
    result = []
    errors: list[Exception] = []
    for index, item in enumerate(items):
        try:
            result.append(hook(item, member_type))
        except Exception as error:  # noqa: BLE001  (collected, then funnelled by to_group)
            errors.append(_note(error, index, member_type))
    if errors:
        raise _group(cl, errors)
    return result


def _items_hook(cl: object, member_type: object, converter: cattrs.Converter) -> Hook:
    """Build a hook turning a list or tuple into a list of ``member_type``."""
    lazy = _LazyHook(converter, member_type)
    detailed = converter.detailed_validation

    def structure_items(value: object, _: object) -> list[object]:
        items = _as_sequence(value)
        hook = lazy()
        if detailed:
            return _structure_items(items, hook, member_type, cl)
        return [hook(item, member_type) for item in items]

    return structure_items


def list_structure_factory(cl: object, converter: cattrs.Converter) -> Hook:
    """Build the hook for ``list[X]``: a list or tuple of X only, never a str or a dict.

    Examples:
        >>> import cattrs
        >>> list_structure_factory(list[int], cattrs.Converter())((1, 2), list[int])
        [1, 2]
    """
    args = get_args(cl)
    return _items_hook(cl, args[0] if args else Any, converter)


def _is_homogeneous(cl: object, args: tuple[object, ...]) -> bool:
    """Whether a tuple type is ``tuple`` or ``tuple[X, ...]`` (any length)."""
    return cl is tuple or (len(args) == 2 and args[1] is Ellipsis)  # noqa: PLR2004  (X, ...)


def tuple_structure_factory(cl: object, converter: cattrs.Converter) -> Hook:
    """Build the hook for ``tuple[X, ...]`` or the fixed-length ``tuple[X, Y]``.

    Examples:
        >>> import cattrs
        >>> hook = tuple_structure_factory(tuple[int, str], cattrs.Converter())
        >>> hook([1, "a"], tuple[int, str])
        (1, 'a')
    """
    args = get_args(cl)
    if _is_homogeneous(cl, args):
        items_hook = _items_hook(cl, args[0] if args else Any, converter)

        def structure_tuple(value: object, _: object) -> tuple[object, ...]:
            return tuple(items_hook(value, cl))

        return structure_tuple
    hooks = [_LazyHook(converter, member) for member in args]
    detailed = converter.detailed_validation

    def structure_fixed(value: object, _: object) -> tuple[object, ...]:
        items = _as_sequence(value)
        if len(items) != len(args):
            raise InvalidLength("data.length", expected=len(args), got=len(items))
        triples = zip(hooks, items, args, strict=True)
        if not detailed:
            return tuple([lazy()(item, member) for lazy, item, member in triples])
        result = []
        errors: list[Exception] = []
        for index, (lazy, item, member_type) in enumerate(triples):
            try:
                result.append(lazy()(item, member_type))
            except Exception as error:  # noqa: BLE001  (collected, then funnelled)
                errors.append(_note(error, index, member_type))
        if errors:
            raise _group(cl, errors)
        return tuple(result)

    return structure_fixed


def set_structure_factory(cl: object, converter: cattrs.Converter) -> Hook:
    """Build the hook for ``set[X]``/``frozenset[X]``: from a list, duplicates refused.

    Examples:
        >>> import cattrs
        >>> set_structure_factory(frozenset[int], cattrs.Converter())([2, 1], frozenset[int])
        frozenset({1, 2})
    """
    args = get_args(cl)
    items_hook = _items_hook(cl, args[0] if args else Any, converter)
    target = frozenset if (get_origin(cl) or cl) in {frozenset, AbstractSet} else set

    def structure_set(value: object, _: object) -> AbstractSet[object]:
        items = items_hook(value, cl)
        result = target(items)
        if len(result) != len(items):
            # Nothing is dropped silently: name the first repeated item.
            seen: set[object] = set()
            for index, item in enumerate(items):  # pragma: no branch  (a repeat exists)
                if item in seen:
                    error = InvalidFormat("data.duplicate", value=show(item))
                    raise _group(cl, [_note(error, index, cl)])
                seen.add(item)
        return result

    return structure_set


def dict_structure_factory(cl: object, converter: cattrs.Converter) -> Hook:
    """Build the hook for ``dict[K, V]``: a Mapping only, and str keys when K is `str`.

    Examples:
        >>> import cattrs
        >>> dict_structure_factory(dict[str, int], cattrs.Converter())({"a": 1}, dict)
        {'a': 1}
    """
    key_type, value_type = get_args(cl) or (Any, Any)
    key_hook = _LazyHook(converter, key_type)
    value_hook = _LazyHook(converter, value_type)
    str_keys = key_type is str
    detailed = converter.detailed_validation

    def structure_key(key: object) -> object:
        if str_keys and type(key) is not str:
            raise InvalidType("data.key_type", key=show(key), got=kind_of(key))
        return key_hook()(key, key_type)

    def structure_dict(value: object, _: object) -> dict[object, object]:
        if not isinstance(value, Mapping):
            raise _type_error("object", value)
        hook = value_hook()
        if not detailed:
            return {structure_key(key): hook(item, value_type) for key, item in value.items()}
        result = {}
        errors: list[Exception] = []
        for key, item in value.items():
            try:
                result[structure_key(key)] = hook(item, value_type)
            except Exception as error:  # noqa: BLE001  (collected, then funnelled)
                errors.append(_note(error, key, value_type))
        if errors:
            raise _group(cl, errors)
        return result

    return structure_dict


def attrs_structure_factory(cl: object, converter: cattrs.Converter) -> Hook:
    """Build the hook for an attrs class: a Mapping check, then cattrs' generated code.

    Extra keys are always refused. A list or a number where an object belongs is a
    ``data.type`` error rather than cattrs' bare `AttributeError`.

    Examples:
        >>> import cattrs
        >>> @attrs.frozen
        ... class Point:
        ...     x: int
        >>> attrs_structure_factory(Point, cattrs.Converter())({"x": 1}, Point)
        Point(x=1)
    """
    if converter.detailed_validation:
        inner: Hook = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)  # type: ignore[arg-type]

        def structure_attrs(value: object, _: object) -> object:
            if type(value) is not dict and not isinstance(value, Mapping):
                raise _type_error("object", value)
            try:
                return inner(value, cl)
            except ClassValidationError as error:
                more = _second_look(cl, value, error, converter)
                if not more:
                    raise
                problems = [*error.exceptions, *more]
                raise ClassValidationError(error.message, problems, error.cl) from None

        return structure_attrs
    # The fast converter checks extra keys with one set comparison instead of cattrs'
    # per-record set difference; a failure is re-run on the detailed converter anyway,
    # which names the extra key.
    fast: Hook = make_dict_structure_fn(cl, converter)  # type: ignore[arg-type]
    # cattrs reads each init field from the key of the attribute's name.
    allowed = frozenset(a.name for a in attrs.fields(cl) if a.init)  # type: ignore[arg-type]

    def structure_attrs_fast(value: object, _: object) -> object:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _type_error("object", value)
        if not value.keys() <= allowed:
            extra = sorted(map(show, value.keys() - allowed))
            raise InvalidFormat("data.extra_key", key=", ".join(extra))
        return fast(value, cl)

    return structure_attrs_fast


def _second_look(
    cl: Any,  # noqa: ANN401  (an attrs class)
    data: Mapping[str, object],
    error: ClassValidationError,
    converter: cattrs.Converter,
) -> list[BirokrasiRetreatError]:
    """The problems of an object's other fields, when some fields failed to structure.

    cattrs stops before calling the class when a field fails, so the checks that run
    when the object is built (attrs converters and validators, ``__attrs_post_init__``)
    would report their problems only in a second round, once the first is fixed. To
    report every problem of a document together, each field that did structure is run
    through its own converter and validator (validators that need the instance are
    skipped: they run when the object is built), and a class may add checks of the raw
    data through ``_document_checks(data, failed)`` (`organization.Official`: its NIP
    against its kind).
    """
    failed = {note.name for _sub, note in error.group_exceptions()[0]}
    if not failed:  # the object was built and its own checks failed: nothing is hidden
        return []
    found: list[BirokrasiRetreatError] = []
    for field in attrs.fields(cl):
        if field.name in failed or field.name not in data:
            continue
        try:
            value = converter.structure(data[field.name], field.type)
            if callable(field.converter) and not isinstance(field.converter, attrs.Converter):
                value = field.converter(value)
            if field.validator is not None:
                field.validator(None, field, value)
        except BirokrasiRetreatError as problem:
            found.append(problem if problem.path else problem.at(field.name))
        except Exception:  # noqa: BLE001, S112  (a check that needs the object: left for it)
            continue
    checks = getattr(cl, "_document_checks", None)
    if checks is not None:
        found.extend(checks(data, failed))
    unique = {(problem.code, problem.path): problem for problem in found}
    return list(unique.values())


def tuple_unstructure_factory(cl: object, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Build the unstructure hook of a tuple type: a list, as JSON, TOML and YAML expect.

    Examples:
        >>> import cattrs
        >>> tuple_unstructure_factory(tuple[int, ...], cattrs.Converter())((1, 2))
        [1, 2]
    """
    args = get_args(cl)
    if not args or _is_homogeneous(cl, args):
        member = converter.get_unstructure_hook(args[0] if args else Any)
        return lambda value: [member(item) for item in value]
    hooks = [converter.get_unstructure_hook(arg) for arg in args]
    return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=True)]


def set_unstructure_factory(cl: object, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Build the unstructure hook of a set type: a sorted list, so output is stable.

    Examples:
        >>> import cattrs
        >>> set_unstructure_factory(set[int], cattrs.Converter())({3, 1, 2})
        [1, 2, 3]
    """
    args = get_args(cl)
    member = converter.get_unstructure_hook(args[0] if args else Any)

    def unstructure_set(value: Iterable[object]) -> list[object]:
        items = [member(item) for item in value]
        # Mixed or unorderable members keep the set's own order.
        with contextlib.suppress(TypeError):
            items.sort()
        return items

    return unstructure_set


# --- the error funnel ----------------------------------------------------------------


def _attribute_name(error: Exception) -> str:
    """Return the field an attrs built-in validator names in its error's args, if any."""
    args = error.args
    if len(args) > 1 and isinstance(args[1], attrs.Attribute):
        return args[1].name
    return ""


def _coded(error: Exception, path: str) -> BirokrasiRetreatError:
    """Turn a foreign exception into the library error that describes it."""
    if isinstance(error, KeyError):
        return InvalidFormat("data.missing_key", path=path)
    if isinstance(error, RecursionError):
        return ValidationError("data.too_deep", path=path)
    if isinstance(error, StructureHandlerNotFoundError):
        return InvalidType("data.unsupported_type", path=path, type=show(error.type_))
    # An attrs built-in validator, a plain ValueError in __attrs_post_init__...: keep the
    # field it names, and the exception as the cause, but not its text (it may quote a
    # whole NIP); the message names only the exception's class.
    leaf = ValidationError(
        "data.invalid", path=join_path(path, _attribute_name(error)), error=type(error).__name__
    )
    leaf.__cause__ = error
    return leaf


def _leaf(error: Exception, path: str) -> list[BirokrasiRetreatError]:
    """Turn one non-container exception into library errors at ``path``."""
    if isinstance(error, ValidationErrorGroup):
        return [leaf.at(path) for leaf in error.leaves()]
    if isinstance(error, BirokrasiRetreatError):
        return [error.at(path)]
    if isinstance(error, ForbiddenExtraKeysError):
        keys = sorted(error.extra_fields, key=show)
        # The path names the key itself (`sessions[0].colour`), not the object holding it.
        return [
            InvalidFormat("data.extra_key", path=join_path(path, _key_segment(key)), key=show(key))
            for key in keys
        ]
    return [_coded(error, path)]


def _key_segment(key: object) -> str:
    """A key's path segment: ``colour`` for a plain name, ``['2x']`` (as `show`) otherwise."""
    if isinstance(key, str) and key.isascii() and key.isidentifier():
        return key
    return f"[{show(key)}]"


def render_path(parts: Iterable[object]) -> str:
    """A path from its keys and indices, as the library writes paths.

    Examples:
        >>> render_path(("sessions", 0, "colour")), render_path(("counts", "x y"))
        ('sessions[0].colour', "counts['x y']")
    """
    path = ""
    for part in parts:
        segment = f"[{part}]" if type(part) is int else _key_segment(part)
        path = join_path(path, segment)
    return path


def _collect(error: BaseException, path: str, out: list[BirokrasiRetreatError]) -> None:
    """Walk cattrs' exception tree, appending library errors with their paths to ``out``."""
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            _collect(sub, join_path(path, note.name), out)
        for sub in without:
            _collect(sub, path, out)
    elif isinstance(error, IterableValidationError):
        with_index, without = error.group_exceptions()
        for sub, index_note in with_index:
            _collect(sub, path + segment(index_note.index), out)
        for sub in without:
            _collect(sub, path, out)
    else:
        out.extend(_leaf(error, path))  # type: ignore[arg-type]


def to_group(error: Exception, summary: str) -> ValidationErrorGroup:
    """Funnel any structuring failure into one `ValidationErrorGroup` of library errors.

    Args:
        error: What the converter raised (a cattrs group, a library error, anything).
        summary: The group's short English summary.

    Returns:
        The group; each leaf is a library error with its path and a coded message.

    Examples:
        >>> group = to_group(KeyError("title"), "1 error")
        >>> [(e.code, e.path) for e in group.exceptions]
        [('data.missing_key', '')]
    """
    leaves: list[BirokrasiRetreatError] = []
    try:
        _collect(error, "", leaves)
    except RecursionError:
        leaves = [ValidationError("data.too_deep")]
    return ValidationErrorGroup(summary, leaves)
