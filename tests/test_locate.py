"""Errors of a JSON or YAML document carry the line and column of their path (issue 14).

`_locate` maps the paths of a text to positions; `serialization.loads` adds them to the
errors of a document that does not fit, and a repeated JSON key names its path, line and
column. TOML's parser gives no positions: its errors carry their path only.
"""

from __future__ import annotations

import json

from typing import Any

import attrs
import pytest
import yaml

from hypothesis import given, settings
from hypothesis import strategies as st

from birokrasi_retreat import _locate, serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import ValidationErrorGroup
from birokrasi_retreat.retreat import Retreat


@attrs.frozen(kw_only=True)
class Sesi:
    title: str
    day: int = 1


@attrs.frozen(kw_only=True)
class Acara:
    name: str
    sessions: tuple[Sesi, ...] = ()
    counts: dict[str, int] = attrs.Factory(dict)


def _leaves(call: Any) -> list[tuple[str, str, object, object]]:
    with pytest.raises(ValidationErrorGroup) as caught:
        call()
    return [
        (leaf.code, leaf.path, leaf.params.get("line"), leaf.params.get("column"))
        for leaf in caught.value.leaves()
    ]


class TestJsonPositions:
    def test_keys_and_items(self) -> None:
        """Each key at its opening quote, each array item at its first character."""
        text = '{"a": [1, {"b": "x"}, [true]],\n "c\\"d": null}'
        positions = _locate.json_positions(text)
        assert (1, 2) == positions[("a",)]
        assert (1, 8) == positions[("a", 0)]
        assert (1, 11) == positions[("a", 1)]
        assert (1, 12) == positions[("a", 1, "b")]
        assert (1, 23) == positions[("a", 2)]
        assert (1, 24) == positions[("a", 2, 0)]
        assert (2, 2) == positions[('c"d',)]

    def test_scalar_document(self) -> None:
        """A document that is one value has no keys and no items."""
        assert {} == _locate.json_positions("  42 ")
        assert {} == _locate.json_positions('"text"')

    def test_special_numbers(self) -> None:
        """Python's parser takes NaN and -Infinity: so does the walk."""
        assert (1, 13) == _locate.json_positions('[NaN, -1e5, "x"]')[(2,)]

    def test_first_repeat(self) -> None:
        """The first key repeated in one object; equal keys in two objects are no repeat."""
        assert _locate.duplicate_json_key('[{"a": 1}, {"a": 2}]') is None
        assert (("s", 1), "k", 3, 3) == _locate.duplicate_json_key(
            '{"s": [{}, {"k": 1,\n "j": 2,\n  "k": 3, "k": 4}]}'
        )


class TestYamlPositions:
    def test_keys_and_items(self) -> None:
        """Each key and sequence item where its node starts."""
        positions = _locate.yaml_positions("a:\n  - 1\n  - b: 2\nc: x\n", yaml.SafeLoader)
        assert {
            ("a",): (1, 1),
            ("a", 0): (2, 5),
            ("a", 1): (3, 5),
            ("a", 1, "b"): (3, 5),
        }.items() <= (positions.items())
        assert (4, 1) == positions[("c",)]

    def test_empty_document(self) -> None:
        """An empty document composes to nothing."""
        assert {} == _locate.yaml_positions("", yaml.SafeLoader)


class TestSegments:
    @pytest.mark.parametrize(
        ("path", "expected"),
        [
            ("", ()),
            ("title", ("title",)),
            ("sessions[2].start", ("sessions", 2, "start")),
            ("counts['x y']", ("counts", "x y")),
            ('counts["it\'s"]', ("counts", "it's")),
            ("[0][1]", (0, 1)),
        ],
    )
    def test_paths_read_back(self, path: str, expected: tuple[object, ...]) -> None:
        """Every form the library writes reads back into keys and indices."""
        assert expected == _locate.segments(path)

    @pytest.mark.parametrize("path", ["a..b", ".a", "a[x]", "a b", "a[0]x"])
    def test_other_text_is_no_path(self, path: str) -> None:
        """Anything else is None: no position is guessed."""
        assert _locate.segments(path) is None

    def test_position_of_the_deepest_part(self) -> None:
        """A missing key is placed at the object that lacks it; no part, no position."""
        positions = {("a",): (1, 2), ("a", 0): (2, 3)}
        assert (2, 3) == _locate.position(positions, ("a", 0, "missing"))
        assert _locate.position(positions, ("b",)) is None
        assert _locate.position(positions, None) is None


class TestLoads:
    def test_json_duplicate_key_has_path_line_and_column(self) -> None:
        """The repeated key's own path, and where its second occurrence is."""
        text = '{"name": "x", "sessions": [{"title": "a",\n  "title": "b"}]}'
        assert [("json.duplicate_key", "sessions[0].title", 2, 3)] == _leaves(
            lambda: serialization.loads(text, Acara)
        )

    def test_json_duplicate_key_in_a_mapping(self) -> None:
        """A key that is no plain name is written as in every path, in brackets."""
        text = '{"counts": {"a b": 1, "a b": 2}}'
        assert [("json.duplicate_key", "counts['a b']", 1, 23)] == _leaves(
            lambda: serialization.loads(text, Acara)
        )

    def test_json_errors_carry_positions(self) -> None:
        """An unknown key, a wrong type and a missing key, each with its line and column."""
        text = '{\n  "name": 5,\n  "sessions": [{"title": "a", "colour": 1}, {}]\n}'
        assert [
            ("data.type", "name", 2, 3),
            ("data.extra_key", "sessions[0].colour", 3, 31),
            ("data.missing_key", "sessions[1].title", 3, 45),
        ] == _leaves(lambda: serialization.loads(text, Acara))

    def test_yaml_errors_carry_positions(self) -> None:
        """The same in YAML, at the keys and items of the text."""
        text = "name: x\nsessions:\n  - title: a\n    colour: 1\n"
        assert [("data.extra_key", "sessions[0].colour", 4, 5)] == _leaves(
            lambda: serialization.loads(text, Acara, format="yaml")
        )

    def test_toml_errors_carry_their_path_only(self) -> None:
        """tomllib gives no positions: the path alone."""
        text = 'name = "x"\n[[sessions]]\ntitle = "a"\ncolour = 1\n'
        assert [("data.extra_key", "sessions[0].colour", None, None)] == _leaves(
            lambda: serialization.loads(text, Acara, format="toml")
        )

    def test_a_path_outside_the_text_has_no_position(self) -> None:
        """A document whose root is of the wrong kind: the error is at the root, unplaced."""
        assert [("data.type", "", None, None)] == _leaves(lambda: serialization.loads("[]", Acara))


@settings(max_examples=25, deadline=None)
@given(retreat=brst.retreats(), fmt=st.sampled_from(["json", "yaml"]), data=st.data())
def test_an_unknown_key_is_found_where_it_was_written(
    retreat: Retreat, fmt: serialization.Format, data: st.DataObject
) -> None:
    """Any object of a valid document given an unknown key: its path, line and column."""
    document = serialization.to_dict(retreat)
    objects = list(_objects(document, ()))
    where, target = data.draw(st.sampled_from(objects))
    target["zz_unknown"] = 1
    text = json.dumps(document, indent=1) if fmt == "json" else yaml.safe_dump(document)
    ((code, path, line, column),) = _leaves(lambda: serialization.loads(text, Retreat, format=fmt))
    assert ("data.extra_key", _convert_path((*where, "zz_unknown"))) == (code, path)
    assert isinstance(line, int)
    assert isinstance(column, int)
    at = text.splitlines()[line - 1][column - 1 :]
    assert at.lstrip('"').startswith("zz_unknown")


def _objects(value: object, where: tuple[object, ...]) -> Any:
    """Every dict in ``value`` that is a model's table (not a mapping of ids) and its path."""
    if isinstance(value, dict):
        yield where, value
        for key, inner in value.items():
            yield from _objects(inner, (*where, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _objects(inner, (*where, index))


def _convert_path(parts: tuple[object, ...]) -> str:
    from birokrasi_retreat import _convert  # noqa: PLC0415

    return _convert.render_path(parts)


def test_a_failing_walk_never_hides_the_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Positions are a courtesy: if finding them fails, the errors come without them."""

    def broken(_text: str) -> object:
        raise RuntimeError

    monkeypatch.setattr(_locate, "json_positions", broken)
    assert [("data.extra_key", "colour", None, None)] == _leaves(
        lambda: serialization.loads('{"name": "x", "colour": 1}', Acara)
    )
