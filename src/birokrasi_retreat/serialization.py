"""Serialization: strict loading and writing of the library's objects (dict, JSON, TOML, YAML).

Everything goes through one strict cattrs converter (`make_converter`): a value is
accepted only in the exact shape the model declares, nothing is coerced or dropped, and
every problem, at any depth, is reported at once as one
`birokrasi_retreat.errors.ValidationErrorGroup` whose members are coded, bilingual library
errors carrying their path in the input. The paths read ``sessions[2].start`` (``.name``
for a field, ``[2]`` for a list or tuple index) and ``counts['x']`` (the key's ``repr`` in
brackets for a mapping key); a long digit run in a key is starred, since it may be a NIP.

* ``from_dict``/``to_dict``: plain Python data (what ``json``, ``tomllib``, ``yaml`` give).
* ``loads``/``dumps``: text, JSON by default (``format="toml"`` or ``"yaml"`` too).
* ``load``/``dump``: files; the format comes from the suffix (``.toml``, ``.json``,
  ``.yaml``/``.yml``) or ``format=``. TOML is the authoring format to prefer: YAML 1.1
  reads ``010`` as 8 and ``no`` as false.

Every failure of ``from_dict``, ``loads`` and ``load`` is one
`birokrasi_retreat.errors.ValidationErrorGroup`, so a service needs one ``except``
clause: a readable document that does not fit the model gives one member per problem; a
document too large (``io.too_large``), too deeply nested (``io.too_deep``), not UTF-8
(``io.encoding``), unparsable (``io.syntax``, ``io.invalid``), with a repeated key
(``json.duplicate_key``, ``yaml.duplicate_key``) or a YAML alias (``yaml.alias``), and a
file that cannot be read (``io.read``), give a group of one.

Decisions recorded here:

* Times are RFC 9557 strings, ``2025-05-15T07:30:00+07:00[Asia/Jakarta]``: the offset
  is required (a naive time is ``datetime.naive``), the zone name in brackets is kept and
  checked against the offset (``datetime.zone_mismatch``); without a bracket the time has
  that fixed offset. Dates are exactly ``YYYY-MM-DD``. ``pendulum.parse`` is never used: it
  accepts ``"now"``, week dates and durations. TOML and YAML native dates are accepted
  as well; their native date-times are refused (``datetime.no_zone``): they carry an
  offset but no zone name, which keeps WIB, WITA and WIT apart. Write them as strings.
* Enums (`birokrasi_retreat.ranks.Golongan` included) load from their canonical value
  only, ``"III/c"``, never a spelling variant: data files are strict; use
  ``Golongan.parse`` for user-typed text.
* TOML has no null: a ``None`` whose field defaults to ``None`` is left out (and reads
  back as that default); any other ``None`` is refused with ``toml.none``, never dropped.
* NaN and infinity are refused in ``float`` fields: JSON cannot carry them.
* The RFC 9557 subset read is the one written: an upper-case ``T``, seconds, at most six
  fraction digits, ``Z`` (read as the fixed offset +00:00) or ``±HH:MM``, and at most one
  bracket holding an IANA name (no ``!`` flag, no ``[u-ca=...]`` tags). ``localtime``
  and other machine-dependent zone files are refused as unknown zones.
* Mapping keys in paths, and values in messages, are shown by ``repr`` with any run of
  16 or more digits starred but for its last 3 (UU 27/2022: it may be a NIP or NIK).
* A recursive model nested more than about 150 levels deep is ``data.too_deep``.

Examples:
    >>> import attrs, pendulum
    >>> from birokrasi_retreat import serialization
    >>> from birokrasi_retreat.errors import ValidationErrorGroup, explain
    >>> @attrs.frozen(kw_only=True)
    ... class Sesi:
    ...     title: str
    ...     start: pendulum.DateTime
    >>> sesi = serialization.loads(
    ...     '{"title": "Pembukaan", "start": "2025-05-15T07:30:00+07:00[Asia/Jakarta]"}', Sesi
    ... )
    >>> sesi.start.timezone_name
    'Asia/Jakarta'
    >>> serialization.dumps(sesi)
    '{"title": "Pembukaan", "start": "2025-05-15T07:30:00+07:00[Asia/Jakarta]"}'
    >>> try:
    ...     serialization.from_dict({"title": None, "start": "now"}, Sesi)
    ... except ValidationErrorGroup as group:
    ...     for error in group.exceptions:
    ...         print(error.code, error.path)
    ...     print(explain(group, lang="en")[0])
    data.type title
    datetime.format start
    Expected a value of type string, got null. @ $.title
"""

from __future__ import annotations

import functools
import json
import tomllib

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast, get_args

import attrs
import cattrs
import pendulum
import tomli_w

from cattrs.gen import make_dict_unstructure_fn, override

from birokrasi_retreat import _convert, _locate
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    FileAccessError,
    InvalidFormat,
    InvalidType,
    ValidationError,
    ValidationErrorGroup,
    join_path,
)
from birokrasi_retreat.ids import kode_wilayah
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah


if TYPE_CHECKING:
    import os

    from collections.abc import Callable, Mapping

    import yaml


__all__ = [
    "DEFAULT_MAX_BYTES",
    "Format",
    "configure_converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "to_dict",
]

T = TypeVar("T")

Format = Literal["json", "toml", "yaml"]
"""A document format: ``"json"``, ``"toml"`` or ``"yaml"``."""

DEFAULT_MAX_BYTES: Final = 10 * 1024 * 1024
"""The default size cap of a document: 10 MiB (bytes for bytes and files, characters for text)."""

_SUFFIXES: Final[Mapping[str, Format]] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
_FORMATS: Final = ("json", "toml", "yaml")
# What YAML 1.1 makes of an unquoted 010, no, 3573 or 2025-05-15 where text belongs.
_YAML_SURPRISES: Final = frozenset({"integer", "number", "boolean", "date", "datetime"})


def configure_converter(converter: cattrs.Converter) -> None:
    """Make ``converter`` strict, the way the library reads and writes its objects.

    Registered hooks (structure unless noted):

    * `str`: a `str` only (``None`` is not ``"None"``, ``1`` is not ``"1"``).
    * `int`: an `int` that is not a `bool` (``4.9`` and ``True`` are refused).
    * `float`: an `int` or a finite `float`, not a `bool`; NaN and infinity are refused.
    * `bool`: ``True`` or ``False`` only (``"no"`` and ``0`` are refused).
    * `str` (unstructure): a plain `str`, so a StrEnum member is written as its value.
    * `enum.Enum` subclasses (StrEnum, IntEnum, `Golongan`, `Eselon`...): the exact
      canonical value by dict lookup, else ``data.choice`` listing the allowed values.
    * `pendulum.DateTime`: an RFC 9557 string with a required offset and an optional
      ``[Zone/Name]`` checked against it, or an aware `datetime.datetime`; unstructure
      writes ``2025-05-15T07:30:00+07:00[Asia/Jakarta]`` (no bracket for a fixed offset).
    * `pendulum.Date`: exactly ``YYYY-MM-DD``, or a `datetime.date` that is not a
      datetime; unstructure writes ``YYYY-MM-DD``.
    * `birokrasi_retreat.ids.kode_wilayah.KodeWilayah`: a string, through
      `kode_wilayah.parse`; unstructure writes the dotted form ``35.73.03.1006``.
    * ``list[X]``, ``Sequence[X]``, ``MutableSequence[X]``: a list or tuple, never a str,
      bytes or Mapping.
    * ``tuple[X, ...]`` and fixed ``tuple[X, Y]`` (length checked, ``data.length``);
      unstructure writes a list.
    * ``set[X]``, ``frozenset[X]``, abstract sets: a list or tuple without repeats
      (``data.duplicate``); unstructure writes a sorted list.
    * ``dict[K, V]``, ``Mapping[K, V]``, ``MutableMapping[K, V]``: a Mapping, with `str`
      keys when K is `str` (``data.key_type``).
    * attrs classes: a Mapping (else ``data.type``), no extra keys (``data.extra_key``),
      every required key present (``data.missing_key``).

    `cattrs.global_converter` is never touched.

    Args:
        converter: The converter to configure (its ``detailed_validation`` decides
            whether containers collect every failure or stop at the first).

    Examples:
        >>> conv = cattrs.Converter()
        >>> configure_converter(conv)
        >>> conv.structure(["a"], list[str])
        ['a']
    """
    for scalar, scalar_hook in (
        (str, _convert.structure_str),
        (int, _convert.structure_int),
        (float, _convert.structure_float),
        (bool, _convert.structure_bool),
        (pendulum.DateTime, _convert.structure_datetime),
        (pendulum.Date, _convert.structure_date),
    ):
        converter.register_structure_hook(scalar, scalar_hook)
    converter.register_unstructure_hook(str, _convert.unstructure_str)
    converter.register_unstructure_hook(pendulum.DateTime, _convert.unstructure_datetime)
    converter.register_unstructure_hook(pendulum.Date, _convert.unstructure_date)
    converter.register_structure_hook_factory(_convert.is_enum_type, _convert.enum_structure_hook)
    for predicate, factory in (
        (attrs.has, _convert.attrs_structure_factory),
        (_convert.is_list_type, _convert.list_structure_factory),
        (_convert.is_tuple_type, _convert.tuple_structure_factory),
        (_convert.is_set_type, _convert.set_structure_factory),
        (_convert.is_dict_type, _convert.dict_structure_factory),
    ):
        converter.register_structure_hook_factory(predicate, factory)
    converter.register_unstructure_hook_factory(
        _convert.is_tuple_type, _convert.tuple_unstructure_factory
    )
    converter.register_unstructure_hook_factory(
        _convert.is_set_type, _convert.set_unstructure_factory
    )
    converter.register_structure_hook(KodeWilayah, _structure_kode_wilayah)
    converter.register_unstructure_hook(KodeWilayah, str)


def _structure_kode_wilayah(value: object, _: object) -> KodeWilayah:
    if type(value) is not str:
        raise InvalidType("data.type", expected="string", got=_convert.kind_of(value))
    return _parse_kode_wilayah(value)


# Region codes repeat across records (every official of a kecamatan) and KodeWilayah is
# immutable, so parsed values are shared; errors are never cached (lru_cache re-raises).
_parse_kode_wilayah = functools.lru_cache(maxsize=16384)(kode_wilayah.parse)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Build a new strict converter (see `configure_converter` for its hooks).

    Args:
        detailed: Collect every failure with its path (cattrs' detailed validation);
            ``False`` stops at the first failure and is faster.

    Returns:
        A new `cattrs.Converter` refusing extra keys, with the strict hooks.

    Examples:
        >>> make_converter().structure({"a": 1}, dict[str, int])
        {'a': 1}
    """
    converter = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    configure_converter(converter)
    return converter


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    """The shared converters: (fast for the happy path, detailed for error reports)."""
    return make_converter(detailed=False), make_converter(detailed=True)


# Structure hooks of the fast converter, fetched once per target type (bulk loads).
_FAST_HOOKS: dict[object, _convert.Hook] = {}


def _fast_hook(cls: object) -> _convert.Hook:
    hook = _FAST_HOOKS.get(cls)
    if hook is None:
        hook = _FAST_HOOKS[cls] = _converters()[0].get_structure_hook(cls)
    return hook


def _structure_reporting(converter: cattrs.Converter, data: object, cls: type[T]) -> T:
    try:
        return converter.get_structure_hook(cls)(data, cls)  # type: ignore[no-any-return]
    except Exception as error:  # noqa: BLE001  (every failure is funnelled into the group)
        name = repr(cls) if get_args(cls) else getattr(cls, "__name__", repr(cls))
        group = _convert.to_group(error, f"invalid data for {name}")
    raise group


def to_dict(obj: object, *, converter: cattrs.Converter | None = None) -> Any:  # noqa: ANN401  (plain data of any shape)
    """Turn an object into plain data: dicts, lists, str, int, float, bool and None.

    Args:
        obj: An attrs object (or a list or dict of them).
        converter: A converter to use instead of the library's strict one.

    Returns:
        JSON-compatible data; times as RFC 9557 strings, enums as their values.

    Examples:
        >>> from birokrasi_retreat.ranks import Golongan
        >>> to_dict({"g": Golongan.III_C, "d": pendulum.Date(2025, 5, 15)})
        {'g': 'III/c', 'd': '2025-05-15'}
    """
    return (converter or _converters()[1]).unstructure(obj)


def from_dict(data: object, cls: type[T], *, converter: cattrs.Converter | None = None) -> T:
    """Build a ``cls`` from plain data, strictly: exact types, no extra or missing keys.

    The happy path uses a fast converter; on failure the same data is structured again
    with a detailed one to report every problem with its path.

    Args:
        data: Plain data, e.g. from `json.loads`.
        cls: The class (or type, such as ``list[Session]``) to build.
        converter: A converter to use instead of the library's strict ones.

    Returns:
        The new object.

    Raises:
        ValidationErrorGroup: the data does not fit ``cls``; each member has a code and
            a path such as ``sessions[2].start``.

    Examples:
        >>> from_dict(["a", "b"], tuple[str, ...])
        ('a', 'b')
        >>> try:
        ...     from_dict({"a": "ab"}, dict[str, list[str]])
        ... except ValidationErrorGroup as group:
        ...     print(group.exceptions[0])
        Expected a value of type array, got string. [data.type] @ $['a']
    """
    if converter is None:
        try:
            return _fast_hook(cls)(data, cls)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001, S110  (re-run in detail below for the report)
            pass
        converter = _converters()[1]
    return _structure_reporting(converter, data, cls)


# --- reading documents ---------------------------------------------------------------


@functools.cache
def _yaml_classes() -> tuple[type[yaml.SafeLoader], type[yaml.SafeDumper]]:
    """Build the YAML loader and dumper on first use (PyYAML costs ~19 ms to import)."""
    import yaml  # noqa: PLC0415  (lazy, see above)

    class StrictLoader(yaml.SafeLoader):
        """PyYAML's safe loader without aliases or anchors, and with repeated keys refused.

        An alias lets 300 bytes expand to hundreds of megabytes ("billion laughs"); the
        library's documents never need one.
        """

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                mark = event.start_mark
                raise InvalidFormat("yaml.alias", line=mark.line + 1, column=mark.column + 1)
            return super().compose_node(parent, index)

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002  (PyYAML's signature)
            mapping = super().construct_mapping(node, deep=deep)
            if len(mapping) != len(node.value):
                seen: set[object] = set()
                for key_node, _ in node.value:  # pragma: no branch  (a repeat exists)
                    key = self.construct_object(key_node, deep=deep)
                    if key in seen:
                        mark = key_node.start_mark
                        raise InvalidFormat(
                            "yaml.duplicate_key",
                            key=_convert.show(key),
                            line=mark.line + 1,
                            column=mark.column + 1,
                        )
                    seen.add(key)
            return mapping

    class QuotingDumper(yaml.SafeDumper):
        """PyYAML's safe dumper, double-quoting text with line breaks or invisible characters.

        In plain or single-quoted style YAML folds NEL, LS and PS (and reads other controls
        loosely); double quotes escape them, so every string reads back as written.
        """

    def represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
        style = None if text.isprintable() else '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)

    QuotingDumper.add_representer(str, represent_str)
    return StrictLoader, QuotingDumper


def _yaml_load(text: str) -> object:
    import yaml  # noqa: PLC0415  (lazy: only YAML documents need it)

    return yaml.load(text, Loader=_yaml_classes()[0])  # noqa: S506  (a SafeLoader subclass)


def _yaml_dump(data: object) -> str:
    import yaml  # noqa: PLC0415  (lazy: only YAML documents need it)

    return yaml.dump(data, Dumper=_yaml_classes()[1], sort_keys=False, allow_unicode=True)


def _yaml_position(error: Exception) -> tuple[int, int, str] | None:
    """Return (line, column, problem) of a PyYAML error that has a position."""
    import yaml  # noqa: PLC0415  (already imported when a YAML parse failed)

    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return mark.line + 1, mark.column + 1, str(error.problem)
    return None


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch  (a repeat exists)
            if key in seen:
                raise InvalidFormat("json.duplicate_key", key=_convert.show(key))
            seen.add(key)
    return result


def _parse_json(text: str) -> object:
    """`json.loads`, a repeated key refused at its path, line and column."""
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except InvalidFormat as error:
        # The hook sees the pairs, not where they are: the text is walked once more.
        found = _locate.duplicate_json_key(text)
        assert found is not None  # noqa: S101  (the hook saw a repeat: so does the walk)
        where, key, line, column = found
        path = _convert.render_path((*where, key))
        raise InvalidFormat(
            "json.duplicate_key", path=path, key=error.params["key"], line=line, column=column
        ) from None


def _located(group: ValidationErrorGroup, text: str, fmt: Format) -> ValidationErrorGroup:
    """Add the line and column of each error's path in a JSON or YAML text to its params."""
    if fmt == "toml":  # tomllib gives no positions
        return group
    try:
        positions = (
            _locate.json_positions(text)
            if fmt == "json"
            else _locate.yaml_positions(text, _yaml_classes()[0])
        )
    except Exception:  # noqa: BLE001  (a position is a courtesy: never hide the group)
        return group
    leaves: list[BirokrasiRetreatError] = []
    for leaf in group.leaves():
        found = _locate.position(positions, _locate.segments(leaf.path))
        if found is None or "line" in leaf.params:  # a parser's own position is kept
            leaves.append(leaf)
        else:
            params = {**leaf.params, "line": found[0], "column": found[1]}
            leaves.append(type(leaf)(leaf.code, path=leaf.path, **params))
    return ValidationErrorGroup(str(group.args[0]), leaves)


def _syntax_error(error: Exception, fmt: Format) -> BirokrasiRetreatError:
    """Turn a parser's exception into ``io.syntax`` (with a position) or ``io.invalid``."""
    line = column = None
    detail = str(error)
    if isinstance(error, json.JSONDecodeError):
        line, column, detail = error.lineno, error.colno, error.msg
    elif fmt == "yaml" and (position := _yaml_position(error)) is not None:
        line, column, detail = position
    elif isinstance(error, tomllib.TOMLDecodeError):
        message, found, where = detail.rpartition(" (at line ")
        if found:
            line_text, _, column_text = where.rstrip(")").partition(", column ")
            line, column, detail = int(line_text), int(column_text), message
    if line is None:
        return InvalidFormat("io.invalid", format=fmt, detail=detail)
    return InvalidFormat("io.syntax", format=fmt, line=line, column=column, detail=detail)


def _parse(text: str, fmt: Format) -> object:
    try:
        if fmt == "json":
            return _parse_json(text)
        if fmt == "toml":
            return tomllib.loads(text)
        return _yaml_load(text)
    except BirokrasiRetreatError:
        raise
    except RecursionError:
        raise ValidationError("io.too_deep", format=fmt) from None
    except MemoryError:
        raise ValidationError("io.too_large", format=fmt, limit=len(text)) from None
    except Exception as error:  # noqa: BLE001  (any parser failure is a document error)
        raise _syntax_error(error, fmt) from None


def _format_of(fmt: object, path: Path | None = None) -> Format:
    """Return the format named by ``fmt``, or by the suffix of ``path`` when ``fmt`` is None."""
    if fmt is None and path is not None:
        fmt = _SUFFIXES.get(path.suffix.lower(), path.suffix)
    if fmt not in _FORMATS:
        raise ValidationError("io.format", format=_convert.show(fmt), choices=", ".join(_FORMATS))
    return fmt


def _yaml_hints(group: ValidationErrorGroup) -> ValidationErrorGroup:
    """Point at YAML's unquoted codes: ``010`` read as 8 where text belongs."""
    leaves: list[BirokrasiRetreatError] = []
    for leaf in group.leaves():
        params = leaf.params
        if (
            leaf.code == "data.type"
            and params.get("expected") == "string"
            and params.get("got") in _YAML_SURPRISES
        ):
            hint = InvalidType("yaml.unquoted_code", path=leaf.path, got=params["got"])
            leaves.append(hint)
        else:
            leaves.append(leaf)
    return ValidationErrorGroup(str(group.args[0]), leaves)


def _decode(raw: bytes, fmt: Format) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFormat("io.encoding", format=fmt, offset=error.start) from None


def _from_text(text: str, cls: type[T], fmt: Format) -> T:
    data = _parse(text, fmt)
    try:
        return from_dict(data, cls)
    except ValidationErrorGroup as group:
        raise _located(_yaml_hints(group) if fmt == "yaml" else group, text, fmt) from None


def loads(
    text: str | bytes,
    cls: type[T],
    *,
    format: Format = "json",  # noqa: A002  (the natural name; the builtin is not needed here)
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> T:
    """Read a ``cls`` from a JSON (or TOML, YAML) document held in a string or bytes.

    Args:
        text: The document; bytes must be UTF-8 (a leading BOM is dropped).
        cls: The class to build.
        format: ``"json"`` (default), ``"toml"`` or ``"yaml"``.
        max_bytes: The size cap: bytes for bytes, characters for text.

    Returns:
        The new object.

    Raises:
        ValidationErrorGroup: every failure, so that one ``except`` clause serves: the
            document does not fit ``cls`` (one member per problem, with its path), or it
            cannot be read at all, a group of one (``io.*``, ``json.duplicate_key``,
            ``yaml.alias``, ``yaml.duplicate_key``, with its line and column where the
            parser knows them).

    Examples:
        >>> loads('{"a": 1}', dict[str, int])
        {'a': 1}
        >>> loads("a = 1", dict[str, int], format="toml")
        {'a': 1}
    """
    try:
        fmt = _format_of(format)
        if not isinstance(text, str | bytes | bytearray):
            raise InvalidType("data.type", expected="string", got=_convert.kind_of(text))
        if len(text) > max_bytes:
            raise ValidationError("io.too_large", format=fmt, limit=max_bytes)
        return _from_text(text if isinstance(text, str) else _decode(text, fmt), cls, fmt)
    except BirokrasiRetreatError as error:
        raise _as_group(error) from None


def load(
    path: str | os.PathLike[str],
    cls: type[T],
    *,
    format: Format | None = None,  # noqa: A002  (the natural name)
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> T:
    """Read a ``cls`` from a TOML, JSON or YAML file.

    Args:
        path: The file; its suffix (``.toml``, ``.json``, ``.yaml``, ``.yml``) names the
            format unless ``format`` is given.
        cls: The class to build.
        format: ``"toml"``, ``"json"`` or ``"yaml"``, overriding the suffix.
        max_bytes: The size cap in bytes (default 10 MiB).

    Returns:
        The new object.

    Raises:
        ValidationErrorGroup: every failure, as `loads`; a group of one for a file that
            cannot be read (a `FileAccessError`, ``io.read``), an unknown format
            (``io.format``) or content that is not a readable document.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> dump({"a": 1}, folder / "counts.toml")
        >>> load(folder / "counts.toml", dict[str, int])
        {'a': 1}
    """
    try:
        return _load(path, cls, format, max_bytes)
    except BirokrasiRetreatError as error:
        raise _as_group(error) from None


def _load(path: object, cls: type[T], format: Format | None, max_bytes: int) -> T:  # noqa: A002
    try:
        file = Path(path)  # type: ignore[arg-type]  # anything else is refused below
    except TypeError:
        raise InvalidType("data.type", expected="path", got=_convert.kind_of(path)) from None
    fmt = _format_of(format, file)
    try:
        with file.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise FileAccessError("io.read", file=str(file), reason=reason) from None
    if len(raw) > max_bytes:
        raise ValidationError("io.too_large", format=fmt, limit=max_bytes)
    return _from_text(_decode(raw, fmt), cls, fmt)


def _as_group(error: BirokrasiRetreatError) -> ValidationErrorGroup:
    """Every failure of a load as a group: a document-level problem is a group of one."""
    if isinstance(error, ValidationErrorGroup):
        return error
    return ValidationErrorGroup(f"cannot load the document ({error.code})", [error])


# --- writing documents ---------------------------------------------------------------


def _toml_field_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    # TOML has no null: a None field whose default is None is left out, losslessly.
    omitted = {
        field.name: override(omit_if_default=True)
        for field in attrs.fields(cl)
        if field.default is None
    }
    return make_dict_unstructure_fn(cl, converter, **omitted)  # type: ignore[arg-type]


@functools.cache
def _toml_converter() -> cattrs.Converter:
    converter = make_converter()
    converter.register_unstructure_hook_factory(attrs.has, _toml_field_factory)
    return converter


def _first_none(obj: object, data: object, path: str) -> str | None:
    """Return the path of the first None in ``data`` (the unstructured ``obj``), if any."""
    if data is None:
        return path
    # Objects and data are zipped without strict=: the walk only names a path, best effort.
    pairs: list[tuple[object, object, str]] = []
    if isinstance(data, dict):
        if attrs.has(type(obj)):
            pairs = [(getattr(obj, k, None), v, join_path(path, k)) for k, v in data.items()]
        else:
            values = list(obj.values()) if isinstance(obj, dict) else [None] * len(data)
            pairs = [
                (o, v, path + _convert.segment(k))
                for o, (k, v) in zip(values, data.items(), strict=False)
            ]
    elif isinstance(data, list):
        items = list(obj) if isinstance(obj, list | tuple | set | frozenset) else [None] * len(data)
        pairs = [(o, v, f"{path}[{i}]") for i, (o, v) in enumerate(zip(items, data, strict=False))]
    for sub_obj, sub_data, sub_path in pairs:
        found = _first_none(sub_obj, sub_data, sub_path)
        if found is not None:
            return found
    return None


def _toml_data(obj: object) -> object:
    """Unstructure ``obj`` for TOML, refusing a None that would have to be dropped."""
    data = _toml_converter().unstructure(obj)
    where = _first_none(obj, data, "")
    if where is not None:
        raise InvalidType("toml.none", path=where)
    return data


def _render(obj: object, fmt: Format, indent: int | None) -> str:
    data = _toml_data(obj) if fmt == "toml" else to_dict(obj)
    try:
        if fmt == "toml":
            # A top-level list (not a table) fails inside tomli_w: io.unrepresentable.
            return tomli_w.dumps(cast("dict[str, Any]", data))
        if fmt == "json":
            return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
        return _yaml_dump(data)
    except Exception as error:
        raise ValidationError(
            "io.unrepresentable", format=fmt, error=type(error).__name__
        ) from error


def dumps(obj: object, *, format: Format = "json", indent: int | None = None) -> str:  # noqa: A002
    """Write ``obj`` as a JSON (or TOML, YAML) document, keeping the fields' order.

    Args:
        obj: The object (an attrs object, or plain data).
        format: ``"json"`` (default), ``"toml"`` or ``"yaml"``.
        indent: JSON only: indent nested levels by this many spaces.

    Returns:
        The document; non-ASCII text is written as is.

    Raises:
        ValidationError: ``obj`` cannot be written in ``format`` (``io.unrepresentable``,
            ``toml.none``).

    Examples:
        >>> dumps({"kota": "Batu", "kode": "35.79"})
        '{"kota": "Batu", "kode": "35.79"}'
        >>> print(dumps({"kode": "3573"}, format="yaml"), end="")
        kode: '3573'
    """
    return _render(obj, _format_of(format), indent)


def dump(
    obj: object,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
) -> None:
    """Write ``obj`` to a TOML, JSON or YAML file (UTF-8; JSON indented by 2).

    Args:
        obj: The object to write.
        path: The file; its suffix names the format unless ``format`` is given.
        format: ``"toml"``, ``"json"`` or ``"yaml"``, overriding the suffix.

    Raises:
        ValidationError: unknown format (``io.format``), ``obj`` cannot be written in it
            (``io.unrepresentable``, ``toml.none``), or the file cannot be written
            (``io.write``).

    Examples:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "sesi.json"
        >>> dump({"title": "Pembukaan"}, target)
        >>> print(target.read_text(encoding="utf-8"), end="")
        {
          "title": "Pembukaan"
        }
    """
    file = Path(path)
    fmt = _format_of(format, file)
    text = _render(obj, fmt, 2)
    if fmt == "json":
        text += "\n"
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            "io.unrepresentable", format=fmt, error=type(error).__name__
        ) from None
    try:
        file.write_bytes(raw)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise FileAccessError("io.write", file=str(file), reason=reason) from None
