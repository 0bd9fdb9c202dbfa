r"""Where a path of a loaded document sits in its text: line and column, for JSON and YAML.

The parsers the library uses give no positions for the values they return, so an error
found while structuring (an unknown key, a wrong type) knows its path, not its line.
This module walks the text once more, only when a document has failed, and maps each
path to the position of its key (an object's member) or of its value (an array's
item): `json_positions` and `yaml_positions`. `segments` reads an error's path back into
keys and indices, and `position` finds the deepest part of it that the text has (a
missing key is placed at the object that lacks it). TOML's parser (`tomllib`) exposes no
positions at all, so TOML errors carry their path only.

Examples:
    >>> positions = json_positions('{"sessions": [\n  {"colour": 1}]}')
    >>> position(positions, segments("sessions[0].colour"))
    (2, 4)
"""

from __future__ import annotations

import ast
import bisect
import json
import re

from typing import TYPE_CHECKING, Final


if TYPE_CHECKING:
    import yaml


__all__ = ["Positions", "duplicate_json_key", "json_positions", "position", "segments"]

Segment = str | int
Path = tuple[Segment, ...]
Positions = dict[Path, tuple[int, int]]

# A JSON token: a string, a structural character, or a bare scalar (numbers, literals,
# and the NaN/Infinity that Python's parser accepts). The text has parsed already.
_TOKEN: Final = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([{}\[\],:])|([^\s{}\[\],:"]+))', re.DOTALL)
# A path as the library writes it: names joined by dots, [index], ['key'] (a repr).
_SEGMENT: Final = re.compile(
    r"""(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\]"""
)


def _lines(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _where(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class _Frame:
    """An open object (``keys`` is a set) or array (``keys`` is None) of the walk."""

    __slots__ = ("expect_key", "index", "key", "keys", "path")

    def __init__(self, path: Path, *, is_object: bool) -> None:
        self.path = path
        self.keys: set[str] | None = set() if is_object else None
        self.expect_key = is_object
        self.key: str = ""
        self.index = 0


class _JsonWalk:
    """One pass over a JSON text: the positions of keys and items, the repeated keys."""

    def __init__(self, text: str) -> None:
        self.starts = _lines(text)
        self.positions: Positions = {}
        self.repeats: list[tuple[Path, str, int, int]] = []
        self.stack: list[_Frame] = []
        for match in _TOKEN.finditer(text):
            self.token(match)

    def token(self, match: re.Match[str]) -> None:
        string, mark = match.group(1), match.group(2)
        offset = match.start(1 if string is not None else 2 if mark is not None else 3)
        top = self.stack[-1] if self.stack else None
        if string is not None and top is not None and top.keys is not None and top.expect_key:
            self.key_at(top, top.keys, string, offset)
        elif mark in {"{", "["}:
            self.stack.append(_Frame(self.value_at(offset), is_object=mark == "{"))
        elif mark in {"}", "]"}:
            self.stack.pop()
        elif mark == "," and top is not None:
            top.expect_key = top.keys is not None
        elif mark != ":":
            self.value_at(offset)  # a string or bare scalar value

    def value_at(self, offset: int) -> Path:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.keys is not None:
            return (*top.path, top.key)
        path = (*top.path, top.index)
        self.positions.setdefault(path, _where(self.starts, offset))
        top.index += 1
        return path

    def key_at(self, top: _Frame, keys: set[str], string: str, offset: int) -> None:
        key = json.loads(string)
        line, column = _where(self.starts, offset)
        if key in keys:
            self.repeats.append((top.path, key, line, column))
        keys.add(key)
        self.positions.setdefault((*top.path, key), (line, column))
        top.key, top.expect_key = key, False


def json_positions(text: str) -> Positions:
    """Map each key and array item of a JSON document to its (line, column), 1-based.

    Examples:
        >>> json_positions('{"a": [1, {"b": 2}]}')[("a", 1, "b")]
        (1, 12)
    """
    return _JsonWalk(text).positions


def duplicate_json_key(text: str) -> tuple[Path, str, int, int] | None:
    r"""The first key repeated in one JSON object: (object's path, key, line, column).

    Examples:
        >>> duplicate_json_key('{"s": [{"a": 1,\n "a": 2}]}')
        (('s', 0), 'a', 2, 2)
    """
    walk = _JsonWalk(text)
    return walk.repeats[0] if walk.repeats else None


def yaml_positions(text: str, loader: type[yaml.SafeLoader]) -> Positions:
    r"""Map each key and sequence item of a YAML document to its (line, column), 1-based.

    Examples:
        >>> import yaml
        >>> yaml_positions("a:\n  - 1\n  - b: 2\n", yaml.SafeLoader)[("a", 1, "b")]
        (3, 5)
    """
    import yaml  # noqa: PLC0415  (the caller has loaded it: the document was YAML)

    positions: Positions = {}
    root = yaml.compose(text, Loader=loader)
    todo: list[tuple[Path, yaml.Node | None]] = [((), root)]
    while todo:
        path, node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                inner = (*path, str(key_node.value))
                mark = key_node.start_mark
                positions.setdefault(inner, (mark.line + 1, mark.column + 1))
                todo.append((inner, value_node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                inner = (*path, index)
                mark = item.start_mark
                positions.setdefault(inner, (mark.line + 1, mark.column + 1))
                todo.append((inner, item))
    return positions


def segments(path: str) -> Path | None:
    """Read a library path back into its keys and indices; None if it is not one.

    Examples:
        >>> segments("sessions[2].start"), segments("counts['x y']"), segments("a..b")
        (('sessions', 2, 'start'), ('counts', 'x y'), None)
    """
    found: list[Segment] = []
    end = 0
    for match in _SEGMENT.finditer(path):
        if match.start() != end:
            return None
        name, index, quoted = match.groups()
        if name is not None and (end == 0) != (not match.group(0).startswith(".")):
            return None  # a leading dot, or two names without one
        if name is not None:
            found.append(name)
        elif index is not None:
            found.append(int(index))
        else:
            found.append(str(ast.literal_eval(quoted)))
        end = match.end()
    return tuple(found) if end == len(path) else None


def position(positions: Positions, path: Path | None) -> tuple[int, int] | None:
    """The position of ``path``, or of the deepest part of it the document has.

    Examples:
        >>> position({("a",): (1, 2)}, ("a", "missing")), position({}, ("a",))
        ((1, 2), None)
    """
    if path is None:
        return None
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return None
