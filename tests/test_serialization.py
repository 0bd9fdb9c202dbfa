"""Tests for birokrasi_retreat.serialization (and its private hooks in _convert).

Every NIP here is synthetic: ``198609262015051001`` is the documented example
(sources: nip-layout).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import tempfile
import tomllib
import zoneinfo

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

import attrs
import cattrs
import pendulum
import pytest
import yaml

from cattrs.errors import ClassValidationError, IterableValidationError
from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import _convert, serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    FileAccessError,
    InvalidFormat,
    ValidationError,
    ValidationErrorGroup,
    explain,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex
from birokrasi_retreat.serialization import dump, dumps, from_dict, load, loads, to_dict


EXAMPLE_NIP = "198609262015051001"
JAKARTA = "2025-05-15T07:30:00+07:00[Asia/Jakarta]"
FORMATS: tuple[serialization.Format, ...] = ("json", "toml", "yaml")


class Colour(enum.Enum):
    """A plain enum with int values (test fixture)."""

    RED = 1
    BLUE = 2


class Code(str):
    """A str subclass that is not an enum (test fixture)."""

    __slots__ = ()


@attrs.frozen(kw_only=True)
class Session:
    """A session: times and dates (test fixture)."""

    title: str
    start: pendulum.DateTime
    day: pendulum.Date | None = None


@attrs.frozen(kw_only=True)
class Meta:
    """A nested class (test fixture)."""

    tags: list[str] = attrs.field(factory=list)
    note: str | None = None


@attrs.frozen(kw_only=True)
class Program:
    """A class with one field of every supported kind (test fixture)."""

    title: str
    sessions: tuple[Session, ...] = ()
    meta: Meta = attrs.field(factory=Meta)
    counts: dict[str, int] = attrs.field(factory=dict)
    pair: tuple[int, str] = (0, "")
    labels: frozenset[str] = frozenset()
    ratio: float = 0.0
    active: bool = True
    size: int = 0
    colour: Colour = Colour.RED
    golongan: Golongan | None = None
    eselon: Eselon | None = None
    asn: AsnType = AsnType.PNS
    sex: Sex | None = None
    family: PositionFamily | None = None
    region: KodeWilayah | None = None
    nip: NIP | None = None


@attrs.frozen(kw_only=True)
class Node:
    """A recursive class (test fixture)."""

    name: str
    children: tuple[Node, ...] = ()


@attrs.frozen(kw_only=True)
class Required:
    """An Optional field without a default: TOML cannot write its None (test fixture)."""

    value: int | None
    values: list[int | None] = attrs.field(factory=list)
    extra: Any = None


@attrs.frozen(kw_only=True)
class Checked:
    """Fields guarded by attrs built-in validators and a post-init check (test fixture)."""

    size: int = attrs.field(validator=attrs.validators.in_(range(100)))
    name: str = "x"
    level: int = attrs.field(default=0, validator=attrs.validators.ge(0))

    def __attrs_post_init__(self) -> None:
        if self.name == "boom":
            msg = "boom"
            raise ValueError(msg)
        if self.name == "coded":
            raise InvalidFormat("data.choice", path="name", value="'coded'", choices="x")


@attrs.frozen(kw_only=True)
class Odd:
    """Container and scalar shapes outside the common ones (test fixture)."""

    code: Code = attrs.field(factory=lambda: Code("a"))
    anything: Any = None
    bare: list = attrs.field(factory=list)  # type: ignore[type-arg]
    mixed: frozenset = frozenset()  # type: ignore[type-arg]
    empty: tuple[()] = ()
    mapping: Mapping[str, float] = attrs.field(factory=dict)
    optional_set: frozenset[int | None] = frozenset()


def leaves(call: Callable[[], object]) -> list[tuple[str, str]]:
    """Run ``call`` and return the (code, path) of every leaf of the group it raises."""
    with pytest.raises(ValidationErrorGroup) as info:
        call()
    return [(leaf.code, leaf.path) for leaf in info.value.leaves()]


def error_of(call: Callable[[], object]) -> BirokrasiRetreatError:
    """Run ``call`` and return the single (non-group) library error it raises."""
    with pytest.raises(BirokrasiRetreatError) as info:
        call()
    assert not isinstance(info.value, ValidationErrorGroup)
    return info.value


def load_error_of(call: Callable[[], object]) -> BirokrasiRetreatError:
    """Run a load and return the one error of the group of one it raises.

    Every failure of a load is a `ValidationErrorGroup` (issue 14): a document-level
    problem is a group of one, its member the coded error.
    """
    with pytest.raises(ValidationErrorGroup) as info:
        call()
    (member,) = info.value.members
    assert not isinstance(member, ValidationErrorGroup)
    return member


def zone_names(value: object) -> list[str]:
    """Collect the zone name of every DateTime inside ``value``, in field order."""
    if isinstance(value, pendulum.DateTime):
        return [value.timezone_name or ""]
    if attrs.has(type(value)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
        return [n for f in fields for n in zone_names(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [n for item in value for n in zone_names(item)]
    return []


def program(**changes: object) -> dict[str, Any]:
    """A valid Program document, with ``changes`` applied."""
    data: dict[str, Any] = {"title": "Retret", "sessions": [{"title": "a", "start": JAKARTA}]}
    data.update(changes)
    return data


# --- strategies ----------------------------------------------------------------------

ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC")


def _pendulum(value: dt.datetime) -> pendulum.DateTime:
    tz = value.tzinfo
    zone: dt.tzinfo
    if isinstance(tz, zoneinfo.ZoneInfo):
        zone = pendulum.timezone(tz.key)
    else:
        offset = value.utcoffset() or dt.timedelta()
        zone = pendulum.FixedTimezone(offset.days * 86_400 + offset.seconds)
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


fixed_offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
wide_datetimes = st.datetimes(
    min_value=dt.datetime(2, 1, 1),  # noqa: DTZ001  (naive bounds, as st.datetimes takes)
    max_value=dt.datetime(9998, 12, 31),  # noqa: DTZ001
    timezones=st.one_of(st.sampled_from([zoneinfo.ZoneInfo(z) for z in ZONES]), fixed_offsets),
    allow_imaginary=False,
).map(_pendulum)
datetimes = st.one_of(brst.aware_datetimes(), wide_datetimes)
texts = st.text(max_size=20)
sessions = st.builds(
    Session,
    title=texts,
    start=datetimes,
    day=st.none() | brst.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
programs = st.builds(
    Program,
    title=texts,
    sessions=st.lists(sessions, max_size=3).map(tuple),
    meta=st.builds(Meta, tags=st.lists(texts, max_size=3), note=st.none() | texts),
    counts=st.dictionaries(texts, st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    pair=st.tuples(st.integers(min_value=-(2**63), max_value=2**63 - 1), texts),
    labels=st.frozensets(texts, max_size=3),
    ratio=st.floats(allow_nan=False, allow_infinity=False),
    active=st.booleans(),
    size=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    colour=st.sampled_from(Colour),
    golongan=st.none() | brst.golongans(),
    eselon=st.none() | brst.eselons(),
    asn=brst.asn_types(),
    sex=st.none() | brst.sexes(),
    family=st.none() | brst.position_families(),
    region=st.none() | brst.kode_wilayahs(),
    nip=st.none() | brst.nips() | brst.ni_pppks(),
)


def assert_same(expected: object, actual: object) -> None:
    """Equal values and equal zone names (pendulum's == compares instants only)."""
    assert expected == actual
    assert zone_names(expected) == zone_names(actual)


# --- tests -----------------------------------------------------------------------------


class TestFromDict:
    def test_valid_document(self) -> None:
        """A valid document builds the object with every field typed."""
        data = program(
            counts={"x": 1},
            pair=[2, "b"],
            labels=["b", "a"],
            ratio=3,
            golongan="III/c",
            eselon="II.b",
            asn="PPPK",
            sex="P",
            family="fungsional",
            region="35.73.03.1006",
            nip={"number": EXAMPLE_NIP, "kind": "PNS"},
            colour=2,
        )
        result = from_dict(data, Program)
        assert Golongan.III_C is result.golongan
        assert Eselon.II_B is result.eselon
        assert KodeWilayah(code="3573031006") == result.region
        assert (2, "b") == result.pair
        assert frozenset({"a", "b"}) == result.labels
        assert isinstance(result.ratio, float)
        assert Colour.BLUE is result.colour
        assert "Asia/Jakarta" == result.sessions[0].start.timezone_name

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"title": None}, ("data.type", "title")),
            ({"size": 4.9}, ("data.type", "size")),
            ({"size": True}, ("data.type", "size")),
            ({"meta": {"tags": "ab"}}, ("data.type", "meta.tags")),
            ({"active": "no"}, ("data.type", "active")),
            ({"active": 0}, ("data.type", "active")),
            ({"title": 1}, ("data.type", "title")),
            ({"ratio": True}, ("data.type", "ratio")),
            ({"ratio": "1.5"}, ("data.type", "ratio")),
            ({"colour": "RED"}, ("data.choice", "colour")),
            ({"colour": True}, ("data.choice", "colour")),
            ({"colour": 1.0}, ("data.choice", "colour")),
            ({"colour": [1]}, ("data.choice", "colour")),
            ({"golongan": "III/C"}, ("data.choice", "golongan")),
            ({"golongan": "iii/c"}, ("data.choice", "golongan")),
            ({"asn": "pns"}, ("data.choice", "asn")),
            ({"extra": 1}, ("data.extra_key", "extra")),
            ({"meta": {"colour": 1}}, ("data.extra_key", "meta.colour")),
            ({"meta": ["tags"]}, ("data.type", "meta")),
            ({"sessions": "ab"}, ("data.type", "sessions")),
            ({"sessions": {"title": "a"}}, ("data.type", "sessions")),
            ({"labels": {"a": 1}}, ("data.type", "labels")),
            ({"labels": {"a", "b"}}, ("data.type", "labels")),
            ({"labels": b"ab"}, ("data.type", "labels")),
            ({"labels": ["a", "a"]}, ("data.duplicate", "labels[1]")),
            ({"pair": [1, "a", 2]}, ("data.length", "pair")),
            ({"pair": [1]}, ("data.length", "pair")),
            ({"pair": "ab"}, ("data.type", "pair")),
            ({"pair": ["a", "b"]}, ("data.type", "pair[0]")),
            ({"counts": [["x", 1]]}, ("data.type", "counts")),
            ({"counts": {"x": "1"}}, ("data.type", "counts['x']")),
            ({"counts": {1: 1}}, ("data.key_type", "counts[1]")),
            ({"region": 3573}, ("data.type", "region")),
            ({"region": "35.00"}, ("wilayah.regency", "region")),
            ({"nip": {"number": "198609262015051000"}}, ("nip.sequence", "nip")),
            ({"nip": {"number": 198609262015051001}}, ("data.type", "nip.number")),
            ({"nip": {"number": EXAMPLE_NIP, "kind": "ASN"}}, ("data.choice", "nip.kind")),
        ],
    )
    def test_lax_input_refused(self, changes: dict[str, Any], expected: tuple[str, str]) -> None:
        """Each value cattrs would coerce is refused with its code and path."""
        assert [expected] == leaves(lambda: from_dict(program(**changes), Program))

    @pytest.mark.parametrize("data", [[], "x", 3, None, 1.5, True])
    def test_top_level_must_be_mapping(self, data: object) -> None:
        """A list, string or number where the object belongs is data.type at the root."""
        assert [("data.type", "")] == leaves(lambda: from_dict(data, Program))

    def test_missing_key(self) -> None:
        """A missing required key is data.missing_key at its path."""
        assert [("data.missing_key", "title")] == leaves(lambda: from_dict({}, Program))

    def test_extra_keys_named(self) -> None:
        """Each extra key is one error naming the key."""
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict(program(zz=1, aa=2), Program)
        assert ["'aa'", "'zz'"] == [leaf.params["key"] for leaf in info.value.leaves()]

    def test_nested_paths(self) -> None:
        """Paths name fields with dots, indexes in brackets and keys by their repr."""
        data = program(
            sessions=[
                {"title": "a", "start": JAKARTA},
                {"title": "b", "start": JAKARTA},
                {"title": "c", "start": "2025-05-15T07:30:00"},
            ],
            counts={"x": None, "y": 2},
            meta={"tags": ["ok", 7]},
        )
        expected = [
            ("datetime.naive", "sessions[2].start"),
            ("data.type", "meta.tags[1]"),
            ("data.type", "counts['x']"),
        ]
        assert expected == leaves(lambda: from_dict(data, Program))

    def test_every_problem_reported(self) -> None:
        """All problems at all depths arrive in one group, each with a bilingual message."""
        data = program(title=None, size="1", sessions=[{"start": "now", "x": 1}])
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict(data, Program)
        found = [(leaf.code, leaf.path) for leaf in info.value.leaves()]
        assert [
            ("data.type", "title"),
            ("data.missing_key", "sessions[0].title"),
            ("datetime.format", "sessions[0].start"),
            ("data.extra_key", "sessions[0].x"),
            ("data.type", "size"),
        ] == found
        lines = explain(info.value, lang="en")
        assert "Expected a value of type string, got null. @ $.title" == lines[0]
        assert "Diharapkan nilai bertipe string, diterima null. @ $.title" == explain(info.value)[0]

    def test_nested_list_items_must_be_objects(self) -> None:
        """A list item that is not an object is data.type at its index."""
        assert [("data.type", "sessions[0]"), ("data.type", "sessions[1]")] == leaves(
            lambda: from_dict(program(sessions=[1, None]), Program)
        )

    def test_validator_errors_keep_code_and_path(self) -> None:
        """A library error from __attrs_post_init__ keeps its code; its path is prefixed."""
        assert [("data.choice", "['items'][0].name")] == leaves(
            lambda: from_dict({"items": [{"size": 1, "name": "coded"}]}, dict[str, list[Checked]])
        )

    def test_builtin_validator_names_field(self) -> None:
        """An attrs built-in validator's error becomes data.invalid at the field's path."""
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict({"size": -1}, Checked)
        (leaf,) = info.value.leaves()
        assert ("data.invalid", "size") == (leaf.code, leaf.path)
        assert {"error": "ValueError"} == dict(leaf.params)
        assert isinstance(leaf.__cause__, ValueError)

    def test_builtin_validator_without_field(self) -> None:
        """A validator error that names no field stays at the class path."""
        assert [("data.invalid", "")] == leaves(
            lambda: from_dict({"size": 1, "level": -1}, Checked)
        )

    def test_plain_exception_in_post_init(self) -> None:
        """A plain exception from __attrs_post_init__ is data.invalid at the class path."""
        assert [("data.invalid", "")] == leaves(
            lambda: from_dict({"size": 1, "name": "boom"}, Checked)
        )

    def test_recursive_class(self) -> None:
        """A recursive class structures, and a deep error has the full path."""
        data = {"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}
        assert [("data.type", "children[0].children[0].name")] == leaves(
            lambda: from_dict(data, Node)
        )
        good = {"name": "a", "children": [{"name": "b"}]}
        assert Node(name="a", children=(Node(name="b"),)) == from_dict(good, Node)

    def test_too_deep(self) -> None:
        """Data nested past the recursion limit is data.too_deep, not RecursionError."""
        data: dict[str, Any] = {"name": "x"}
        for _ in range(3000):
            data = {"name": "x", "children": [data]}
        found = leaves(lambda: from_dict(data, Node))
        assert ["data.too_deep"] == [code for code, _ in found]

    def test_unsupported_type(self) -> None:
        """A type the converter cannot build is data.unsupported_type."""
        assert [("data.unsupported_type", "")] == leaves(lambda: from_dict(1, complex))

    def test_detailed_retry_may_succeed(self) -> None:
        """If the detailed pass succeeds where the fast one failed, its result is returned."""
        calls: list[int] = []

        @attrs.frozen
        class Flaky:
            value: int

            def __attrs_post_init__(self) -> None:
                calls.append(1)
                if len(calls) == 1:
                    msg = "first call fails"
                    raise ValueError(msg)

        result = from_dict({"value": 1}, Flaky)
        assert [1, 1] == calls
        assert 1 == result.value

    def test_custom_converter(self) -> None:
        """A given converter is used for the single, reporting pass."""
        converter = serialization.make_converter(detailed=False)
        assert [3] == from_dict([3], list[int], converter=converter)
        assert [("data.type", "")] == leaves(lambda: from_dict("x", list[int], converter=converter))

    def test_detailed_converter_builds_the_same(self) -> None:
        """The detailed converter builds what the fast one builds from valid data."""
        data = program(counts={"x": 1}, pair=[1, "a"], labels=["a"], meta={"tags": ["t"]})
        detailed = from_dict(data, Program, converter=serialization.make_converter())
        assert from_dict(data, Program) == detailed

    def test_float_enum(self) -> None:
        """An enum mixed with float structures by its value."""

        class Ratio(float, enum.Enum):
            HALF = 0.5

        assert [Ratio.HALF] == from_dict([0.5], list[Ratio])
        assert [("data.choice", "[0]")] == leaves(lambda: from_dict([0.25], list[Ratio]))

    def test_group_summary_names_type(self) -> None:
        """The group's summary names the target type, generic aliases included."""
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict("x", list[int])
        assert "invalid data for list[int]" == info.value.args[0]
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict("x", Program)
        assert "invalid data for Program" == info.value.args[0]

    def test_python_objects_accepted(self) -> None:
        """Already-typed values (enum members, pendulum times) are accepted as they are."""
        start = pendulum.datetime(2025, 5, 15, 7, 30, tz="Asia/Makassar")
        data = program(
            sessions=[{"title": "a", "start": start, "day": pendulum.Date(2025, 5, 15)}],
            colour=Colour.BLUE,
            golongan=Golongan.IV_A,
            asn=AsnType.PPPK,
        )
        result = from_dict(data, Program)
        assert start is result.sessions[0].start
        assert AsnType.PPPK is result.asn

    def test_odd_shapes(self) -> None:
        """Bare containers, str subclasses, empty tuples and Mappings structure as declared."""
        result = from_dict(
            {
                "code": "b",
                "anything": {"x": [1]},
                "bare": [1, "a"],
                "mixed": [1, "a"],
                "empty": [],
                "mapping": {"a": 1},
                "optional_set": [1, None],
            },
            Odd,
        )
        assert type(result.code) is Code
        assert {"x": [1]} == result.anything
        assert [1, "a"] == result.bare
        assert frozenset({1, "a"}) == result.mixed
        assert () == result.empty
        assert {"a": 1.0} == result.mapping
        assert frozenset({1, None}) == result.optional_set
        assert [("data.length", "empty")] == leaves(lambda: from_dict({"empty": [1]}, Odd))

    def test_str_and_int_subclass_values(self) -> None:
        """A str or int subclass value (a StrEnum member, an IntEnum) gives a plain value."""

        class Small(enum.IntEnum):
            ONE = 1

        assert ["PNS"] == from_dict([AsnType.PNS], list[str])
        assert type(from_dict([AsnType.PNS], list[str])[0]) is str
        assert type(from_dict([Small.ONE], list[int])[0]) is int
        assert [Small.ONE] == from_dict([1], list[Small])
        assert [Code("a")] == from_dict([Code("a")], list[Code])

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            (float("nan"), "data.not_finite"),
            (float("inf"), "data.not_finite"),
            (10**400, "data.not_finite"),
        ],
    )
    def test_float_must_be_finite(self, value: object, code: str) -> None:
        """NaN, infinity and ints too large for a float are refused."""
        assert [(code, "ratio")] == leaves(lambda: from_dict(program(ratio=value), Program))

    def test_set_types(self) -> None:
        """Sets structure from lists; set[X] gives a set and frozenset[X] a frozenset."""
        assert {1, 2} == from_dict([2, 1], set[int])
        assert type(from_dict([2, 1], set[int])) is set
        assert type(from_dict([2, 1], frozenset[int])) is frozenset
        assert [("data.duplicate", "[2]")] == leaves(lambda: from_dict([1, 2, 1], set[int]))

    def test_set_duplicate_in_fast_converter(self) -> None:
        """A non-detailed converter refuses repeats too."""
        converter = serialization.make_converter(detailed=False)
        assert [("data.duplicate", "[1]")] == leaves(
            lambda: from_dict([1, 1], set[int], converter=converter)
        )

    def test_fast_converter_paths_for_containers(self) -> None:
        """A non-detailed converter reports the first failure of a container."""
        converter = serialization.make_converter(detailed=False)
        assert [("data.type", "")] == leaves(
            lambda: from_dict({"a": "x"}, dict[str, int], converter=converter)
        )
        assert [("data.type", "")] == leaves(
            lambda: from_dict(["x", "a"], tuple[int, str], converter=converter)
        )
        assert (1, "a") == from_dict([1, "a"], tuple[int, str], converter=converter)
        assert {"a": 1} == from_dict({"a": 1}, dict[str, int], converter=converter)

    def test_non_str_key_types(self) -> None:
        """Keys of a non-str key type go through that type's hook."""
        assert {Colour.RED: 1} == from_dict({1: 1}, dict[Colour, int])
        assert [("data.choice", "[3]")] == leaves(lambda: from_dict({3: 1}, dict[Colour, int]))


class TestDateTime:
    @pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC"])
    def test_round_trip_keeps_zone_name(self, zone: str) -> None:
        """An RFC 9557 string round-trips with the zone name, not just the instant."""
        value = pendulum.datetime(2025, 5, 15, 7, 30, tz=zone)
        text = to_dict(value)
        assert text.endswith(f"[{zone}]")
        result = from_dict(text, pendulum.DateTime)
        assert value == result
        assert zone == result.timezone_name

    def test_fixed_offset(self) -> None:
        """Without a bracket the time has that fixed offset, written back without one."""
        result = from_dict("2025-05-15T07:30:00+07:00", pendulum.DateTime)
        assert "+07:00" == result.timezone_name
        assert "2025-05-15T07:30:00+07:00" == to_dict(result)

    def test_z_is_utc_offset(self) -> None:
        """A trailing Z is the fixed offset +00:00."""
        result = from_dict("2025-05-15T00:30:00.5Z", pendulum.DateTime)
        assert "+00:00" == result.timezone_name
        assert 500_000 == result.microsecond

    def test_historic_offset_with_seconds(self) -> None:
        """Jakarta's 1900 offset (+07:07:12) round-trips."""
        value = pendulum.datetime(1900, 1, 1, tz="Asia/Jakarta")
        assert "1900-01-01T00:00:00+07:07:12[Asia/Jakarta]" == to_dict(value)
        assert_same(value, from_dict(to_dict(value), pendulum.DateTime))

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("2025-05-15T07:30:00", "datetime.naive"),
            ("2025-05-15T07:30:00[Asia/Jakarta]", "datetime.naive"),
            ("now", "datetime.format"),
            ("2025-W20", "datetime.format"),
            ("2025-W20-1T07:30:00+07:00", "datetime.format"),
            ("P1D", "datetime.format"),
            ("2025-05-15", "datetime.format"),
            ("20250515T073000+0700", "datetime.format"),
            ("2025-05-15 07:30:00+07:00", "datetime.format"),
            ("2025-05-15T07:30+07:00", "datetime.format"),
            ("2025-05-15T07:30:00+07", "datetime.format"),
            ("2025-05-15T07:30:00.1234567+07:00", "datetime.format"),
            ("2025-02-30T07:30:00+07:00", "datetime.format"),
            ("2025-05-15T07:30:00+07:00[Asia/Jakarta", "datetime.format"),
            ("2025-05-15T07:30:00+07:00[Asia/Jakarta][u-ca=iso8601]", "datetime.format"),
            ("0001-01-01T00:00:00+07:00[Asia/Jakarta]", "datetime.format"),
            ("2025-05-15T07:30:00+08:00[Asia/Jakarta]", "datetime.zone_mismatch"),
            ("2025-05-15T07:30:00+07:00[Asia/Makassar]", "datetime.zone_mismatch"),
            ("2025-05-15T07:30:00+07:00[Nowhere/City]", "datetime.unknown_zone"),
            ("2025-05-15T07:30:00+07:00[asia/jakarta]", "datetime.unknown_zone"),
            ("2025-05-15T00:30:00+00:00[utc]", "datetime.unknown_zone"),
            ("2025-05-15T07:30:00+07:00[localtime]", "datetime.unknown_zone"),
            ("2025-05-15T07:30:00+07:00[/etc/passwd]", "datetime.unknown_zone"),
            ("2025-05-15T07:30:00+07:00[+07:00]", "datetime.unknown_zone"),
            ("２０２５-05-15T07:30:00+07:00", "datetime.format"),
        ],
    )
    def test_refused_strings(self, text: str, code: str) -> None:
        """Each unsafe or malformed string is refused with its code."""
        assert [(code, "start")] == leaves(
            lambda: from_dict({"title": "a", "start": text}, Session)
        )

    @given(
        st.datetimes(min_value=dt.datetime(1000, 1, 1)),  # noqa: DTZ001  (a naive bound)
        st.integers(min_value=-30 * 60, max_value=30 * 60),
        st.lists(st.tuples(st.integers(0, 24), st.sampled_from("0123456789 a_٠+-:")), max_size=2),
    )
    def test_fast_shape_agrees_with_pattern(
        self, wall: dt.datetime, minutes: int, edits: list[tuple[int, str]]
    ) -> None:
        """The fast path for the common shape accepts exactly what the full pattern does."""
        hours, rest = divmod(abs(minutes), 60)
        sign = "-" if minutes < 0 else "+"
        chars = list(f"{wall:%Y-%m-%dT%H:%M:%S}{sign}{hours:02d}:{rest:02d}")
        for index, char in edits:
            chars[index] = char
        text = "".join(chars)
        try:
            expected = bool(_convert._DATETIME.match(text)) and bool(
                dt.datetime.fromisoformat(text)
            )
        except ValueError:
            expected = False
        try:
            _convert.structure_datetime(text, None)
        except BirokrasiRetreatError:
            accepted = False
        else:
            accepted = True
        assert expected == accepted

    def test_mismatch_message_names_expected_offset(self) -> None:
        """The zone-mismatch message names the zone's real offset."""
        with pytest.raises(ValidationErrorGroup) as info:
            from_dict("2025-05-15T07:30:00+07:00[Asia/Jayapura]", pendulum.DateTime)
        assert ["+09:00"] == [leaf.params["offset"] for leaf in info.value.leaves()]

    @pytest.mark.parametrize("value", [1, None, dt.date(2025, 5, 15), ["x"]])
    def test_wrong_types(self, value: object) -> None:
        """Anything but a string or an aware datetime is data.type."""
        assert [("data.type", "")] == leaves(lambda: from_dict(value, pendulum.DateTime))

    def test_aware_datetime_objects(self) -> None:
        """A ZoneInfo keeps its name; a bare offset (TOML's, YAML's) is datetime.no_zone."""
        fixed = dt.datetime(2025, 5, 15, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        assert [("datetime.no_zone", "")] == leaves(lambda: from_dict(fixed, pendulum.DateTime))
        named = dt.datetime(2025, 5, 15, 7, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Jayapura"))
        result = from_dict(named, pendulum.DateTime)
        assert "Asia/Jayapura" == result.timezone_name
        assert named == result

    def test_naive_datetime_object(self) -> None:
        """A naive datetime object is datetime.naive."""
        assert [("datetime.naive", "")] == leaves(
            lambda: from_dict(dt.datetime(2025, 5, 15), pendulum.DateTime)  # noqa: DTZ001
        )

    def test_no_zone_message_shows_the_form_to_write(self) -> None:
        """The message names the lost zone names and the accepted form."""
        odd = dt.timezone(dt.timedelta(hours=7, microseconds=5))
        with pytest.raises(ValidationErrorGroup) as caught:
            from_dict(dt.datetime(2025, 5, 15, tzinfo=odd), pendulum.DateTime)
        (error,) = caught.value.leaves()
        assert "datetime.no_zone" == error.code
        assert "[Asia/Makassar]" in error.message("en")
        assert "WITA" in error.message("id")

    def test_ambiguous_wall_time_keeps_fold(self) -> None:
        """A repeated wall time (Jakarta, 1964-01-01) round-trips to the same instant."""
        first = pendulum.DateTime(1963, 12, 31, 23, 45, tzinfo=pendulum.timezone("Asia/Jakarta"))
        later = first.add(minutes=30)
        for value in (first, later):
            assert_same(value, from_dict(to_dict(value), pendulum.DateTime))
            assert value.utcoffset() == from_dict(to_dict(value), pendulum.DateTime).utcoffset()


class TestDate:
    def test_iso_date(self) -> None:
        """YYYY-MM-DD gives a pendulum Date and writes back the same."""
        result = from_dict("2025-05-15", pendulum.Date)
        assert pendulum.Date(2025, 5, 15) == result
        assert type(result) is pendulum.Date
        assert "2025-05-15" == to_dict(result)

    @pytest.mark.parametrize(
        "text",
        ["20250515", "2025-5-15", "2025-02-30", "2025-W20-1", "2025/05/15", "２０２５-05-15"],
    )
    def test_refused_strings(self, text: str) -> None:
        """Anything but exactly YYYY-MM-DD of a real day is date.format."""
        assert [("date.format", "")] == leaves(lambda: from_dict(text, pendulum.Date))

    def test_date_objects(self) -> None:
        """A datetime.date is accepted; a pendulum Date passes as is."""
        day = pendulum.Date(2025, 5, 15)
        assert day is from_dict(day, pendulum.Date)
        assert type(from_dict(dt.date(2025, 5, 15), pendulum.Date)) is pendulum.Date

    @pytest.mark.parametrize("value", [dt.datetime(2025, 5, 15), 20250515, None])  # noqa: DTZ001
    def test_wrong_types(self, value: object) -> None:
        """A datetime, a number or null is data.type."""
        assert [("data.type", "")] == leaves(lambda: from_dict(value, pendulum.Date))


class TestToDict:
    def test_plain_data(self) -> None:
        """Enums become values, tuples and sets lists, ids their text form."""
        value = Program(
            title="x",
            pair=(1, "a"),
            labels=frozenset({"b", "a"}),
            asn=AsnType.PPPK,
            golongan=Golongan.IV_E,
            region=KodeWilayah(code="3573031006"),
            nip=NIP(number=EXAMPLE_NIP),
        )
        data = to_dict(value)
        assert [1, "a"] == data["pair"]
        assert ["a", "b"] == data["labels"]
        assert "IV/e" == data["golongan"]
        assert "35.73.03.1006" == data["region"]
        assert type(data["asn"]) is str
        assert {"number": EXAMPLE_NIP, "kind": "PNS"} == data["nip"]

    def test_unsortable_set_keeps_order(self) -> None:
        """A set of mixed types is written in its own order."""
        value = Odd(mixed=frozenset({1, "a"}), code=Code("c"))
        data = to_dict(value)
        assert {1, "a"} == set(data["mixed"])
        assert type(data["code"]) is str

    def test_custom_converter(self) -> None:
        """A given converter is used."""
        day = pendulum.Date(2025, 5, 15)
        assert day is to_dict(day, converter=cattrs.Converter())
        assert "2025-05-15" == to_dict(day)


class TestConfigureConverter:
    def test_configures_a_given_converter(self) -> None:
        """configure_converter makes any cattrs.Converter strict."""
        converter = cattrs.Converter()
        serialization.configure_converter(converter)
        with pytest.raises(BirokrasiRetreatError):
            converter.structure(None, str)

    def test_global_converter_untouched(self) -> None:
        """The library never changes cattrs' global converter."""
        serialization.make_converter()
        assert "None" == cattrs.structure(None, str)


class TestMakeConverter:
    def test_detailed_flag(self) -> None:
        """detailed= sets cattrs' detailed validation."""
        assert serialization.make_converter().detailed_validation
        assert not serialization.make_converter(detailed=False).detailed_validation


class TestConvertHelpers:
    def test_show_redacts_personal_digits(self) -> None:
        """A run of 16+ digits keeps only its last 3; dates stay readable."""
        assert "'******** ****** * 001'" == _convert.show("19860926 201505 1 001")
        assert repr(JAKARTA) == _convert.show(JAKARTA)
        assert 60 == len(_convert.show("x" * 100))

    def test_show_survives_broken_repr(self) -> None:
        """An object whose repr raises is shown by its type name."""

        class Broken:
            def __repr__(self) -> str:
                raise RuntimeError

        assert "<Broken>" == _convert.show(Broken())

    def test_kind_of(self) -> None:
        """Types are named as JSON names them; others by their class name."""
        assert "object" == _convert.kind_of(MappingProxyType({}))
        assert "object" == _convert.kind_of(type("Table", (dict,), {})())
        assert "set" == _convert.kind_of({1})

    def test_to_group_survives_deep_trees(self) -> None:
        """An exception tree deeper than the recursion limit gives data.too_deep."""
        error: Exception = KeyError("x")
        for _ in range(5000):
            error = ClassValidationError("x", [error], Node)
        group = _convert.to_group(error, "deep")
        assert ["data.too_deep"] == [leaf.code for leaf in group.leaves()]

    def test_to_group_nested_library_group(self) -> None:
        """A library group inside the tree is flattened with paths prefixed."""
        inner = ValidationErrorGroup("inner", [ValidationError(path="b")])
        noted = _convert._note(inner, 2, int)
        tree = IterableValidationError("x", [noted, ValueError("loose")], list)
        assert [("invalid", "[2].b"), ("data.invalid", "")] == [
            (leaf.code, leaf.path) for leaf in _convert.to_group(tree, "t").leaves()
        ]

    def test_first_none_without_objects(self) -> None:
        """The None finder also walks data whose objects are unknown."""
        assert "[1]['a']" == serialization._first_none(None, [1, {"a": None}], "")
        assert serialization._first_none(None, [1, {"a": 2}], "") is None


class TestDumps:
    def test_json_keeps_order_and_unicode(self) -> None:
        """JSON keeps the fields' order and writes non-ASCII text as is."""
        text = dumps(
            Session(
                title="Sambutan Wali Kota – Ngalam", start=from_dict(JAKARTA, pendulum.DateTime)
            )
        )
        assert text.startswith('{"title": "Sambutan Wali Kota – Ngalam", "start"')

    def test_json_indent(self) -> None:
        """indent= indents JSON."""
        assert '{\n  "a": 1\n}' == dumps({"a": 1}, indent=2)

    def test_yaml_quotes_code_like_strings(self) -> None:
        """YAML output quotes strings YAML 1.1 would read as numbers, booleans or dates."""
        text = dumps({"a": "010", "b": "no", "c": "3573", "d": "2025-05-15"}, format="yaml")
        assert {"a": "010", "b": "no", "c": "3573", "d": "2025-05-15"} == yaml.safe_load(text)
        assert "a: '010'" in text

    def test_toml_omits_none_with_none_default(self) -> None:
        """A None field whose default is None is left out of TOML and reads back as None."""
        value = Meta(tags=["a"], note=None)
        text = dumps(value, format="toml")
        assert "note" not in text
        assert value == loads(text, Meta, format="toml")

    @pytest.mark.parametrize(
        ("value", "path"),
        [
            (Required(value=None), "value"),
            (Required(value=1, values=[1, None]), "values[1]"),
            (Required(value=1, extra={"a": None}), "extra['a']"),
            ({"a": [{"b": None}]}, "['a'][0]['b']"),
            (Odd(optional_set=frozenset({None})), "optional_set[0]"),
        ],
    )
    def test_toml_refuses_other_none(self, value: object, path: str) -> None:
        """Any other None is toml.none at its path, never silently dropped."""
        error = error_of(lambda: dumps(value, format="toml"))
        assert ("toml.none", path) == (error.code, error.path)

    def test_toml_refuses_nested_none_in_class(self) -> None:
        """A None inside a nested object's list has the object's path."""

        @attrs.frozen
        class Outer:
            inner: Required

        error = error_of(lambda: dumps(Outer(Required(value=1, values=[None])), format="toml"))
        assert ("toml.none", "inner.values[0]") == (error.code, error.path)

    @pytest.mark.parametrize(
        ("value", "fmt"),
        [([1], "toml"), ({"a": float("nan")}, "json"), ({"a": object()}, "yaml")],
    )
    def test_unrepresentable(self, value: object, fmt: serialization.Format) -> None:
        """A value the format cannot hold is io.unrepresentable."""
        assert "io.unrepresentable" == error_of(lambda: dumps(value, format=fmt)).code

    def test_unknown_format(self) -> None:
        """An unknown format name is io.format."""
        error = error_of(lambda: dumps({}, format="xml"))  # type: ignore[arg-type]
        assert ("io.format", "'xml'") == (error.code, error.params["format"])


class TestLoads:
    def test_json_text_and_bytes(self) -> None:
        """JSON loads from str and from UTF-8 bytes, with or without a BOM."""
        assert {"a": 1} == loads('{"a": 1}', dict[str, int])
        assert {"a": 1} == loads(b'{"a": 1}', dict[str, int])
        assert {"a": 1} == loads('\ufeff{"a": 1}'.encode(), dict[str, int])

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_formats(self, fmt: serialization.Format) -> None:
        """Each format reads back what dumps wrote."""
        value = from_dict(program(counts={"x": 1}, golongan="III/c"), Program)
        assert_same(value, loads(dumps(value, format=fmt), Program, format=fmt))

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are io.encoding with the byte offset."""
        error = load_error_of(lambda: loads(b'{"a": "\xff"}', dict))
        assert ("io.encoding", 7) == (error.code, error.params["offset"])

    def test_too_large(self) -> None:
        """A document over max_bytes is io.too_large before parsing."""
        assert "io.too_large" == load_error_of(lambda: loads("[1, 2]", list, max_bytes=5)).code
        assert "io.too_large" == load_error_of(lambda: loads(b"[1, 2]", list, max_bytes=5)).code

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ("[" * 100_000 + "]" * 100_000, "json"),
            ("a = " + "[" * 100_000 + "]" * 100_000, "toml"),
            ("[" * 100_000 + "]" * 100_000, "yaml"),
        ],
    )
    def test_too_deep(self, text: str, fmt: serialization.Format) -> None:
        """Deep nesting is io.too_deep, never RecursionError."""
        assert "io.too_deep" == load_error_of(lambda: loads(text, list, format=fmt)).code

    @pytest.mark.parametrize(
        ("text", "fmt", "line", "column"),
        [
            ('{"a": 1,\n "b": }', "json", 2, 7),
            ("a = 1\nb = ?", "toml", 2, 5),
            ("a: [1\n", "yaml", 2, 1),
        ],
    )
    def test_syntax_error_position(
        self, text: str, fmt: serialization.Format, line: int, column: int
    ) -> None:
        """A syntax error is io.syntax with the line and column."""
        error = load_error_of(lambda: loads(text, dict, format=fmt))
        assert ("io.syntax", line, column) == (
            error.code,
            error.params["line"],
            error.params["column"],
        )

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [("1" * 5000, "json"), ('a = "x', "toml"), ("a: \x00", "yaml"), ("a: 0000-01-01", "yaml")],
    )
    def test_unreadable_without_position(self, text: str, fmt: serialization.Format) -> None:
        """A failure without a position (digit limit, end of document...) is io.invalid."""
        assert "io.invalid" == load_error_of(lambda: loads(text, dict, format=fmt)).code

    def test_memory_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A parser running out of memory is io.too_large."""

        def exhausted(*_: object, **__: object) -> None:
            raise MemoryError

        monkeypatch.setattr(json, "loads", exhausted)
        assert "io.too_large" == load_error_of(lambda: loads("[]", list)).code

    def test_json_duplicate_key(self) -> None:
        """A repeated JSON key is json.duplicate_key, not silently the last one."""
        error = load_error_of(lambda: loads('{"a": 1, "b": 2, "a": 3}', dict))
        assert ("json.duplicate_key", "'a'") == (error.code, error.params["key"])

    def test_yaml_duplicate_key(self) -> None:
        """A repeated YAML key is yaml.duplicate_key with its line."""
        error = load_error_of(lambda: loads("a: 1\nb: 2\na: 3\n", dict, format="yaml"))
        assert ("yaml.duplicate_key", 3) == (error.code, error.params["line"])

    @pytest.mark.parametrize(
        "text",
        [
            "a: &x [1]\nb: *x\n",
            "a: &x 1\n",
            (
                'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            ),
        ],
    )
    def test_yaml_aliases_refused(self, text: str) -> None:
        """YAML anchors and aliases (the alias bomb included) are yaml.alias."""
        error = load_error_of(lambda: loads(text, dict, format="yaml"))
        assert ("yaml.alias", 1) == (error.code, error.params["line"])

    def test_yaml_unquoted_codes(self) -> None:
        """Unquoted 010, no, 3573 and dates where text belongs get the quoting hint."""
        text = "a: 010\nb: no\nc: 3573\nd: 2025-05-15\ne: 1.5\nf: text\n"
        assert [
            ("yaml.unquoted_code", "['a']"),
            ("yaml.unquoted_code", "['b']"),
            ("yaml.unquoted_code", "['c']"),
            ("yaml.unquoted_code", "['d']"),
            ("yaml.unquoted_code", "['e']"),
        ] == leaves(lambda: loads(text, dict[str, str], format="yaml"))

    def test_yaml_unquoted_region_and_null(self) -> None:
        """A kode wilayah read as a number gets the hint; a null does not."""
        assert [("data.type", "title"), ("yaml.unquoted_code", "region")] == leaves(
            lambda: loads("title: ~\nregion: 3573\n", Program, format="yaml")
        )

    def test_yaml_native_dates(self) -> None:
        """YAML's own dates are accepted; its timestamps lose the zone: datetime.no_zone."""
        text = "title: a\nstart: '2025-05-15T07:30:00+07:00[Asia/Jakarta]'\nday: 2025-05-15\n"
        result = loads(text, Session, format="yaml")
        assert pendulum.Date(2025, 5, 15) == result.day
        assert "Asia/Jakarta" == result.start.timezone_name
        native = "title: a\nstart: 2025-05-15T07:30:00+07:00\n"
        assert [("datetime.no_zone", "start")] == leaves(
            lambda: loads(native, Session, format="yaml")
        )

    def test_toml_native_datetimes(self) -> None:
        """TOML's dates are accepted; its offset date-times are no_zone, local ones naive."""
        good = "title = 'a'\nstart = '2025-05-15T07:30:00+08:00[Asia/Makassar]'\nday = 2025-05-15\n"
        result = loads(good, Session, format="toml")
        assert (pendulum.Date(2025, 5, 15), "Asia/Makassar") == (
            result.day,
            result.start.timezone_name,
        )
        offset = "title = 'a'\nstart = 2025-05-15T07:30:00+08:00\n"
        assert [("datetime.no_zone", "start")] == leaves(
            lambda: loads(offset, Session, format="toml")
        )
        naive = "title = 'a'\nstart = 2025-05-15T07:30:00\n"
        assert [("datetime.naive", "start")] == leaves(lambda: loads(naive, Session, format="toml"))

    def test_not_text(self) -> None:
        """Input that is neither text nor bytes is data.type."""
        assert "data.type" == load_error_of(lambda: loads(None, dict)).code  # type: ignore[arg-type]

    def test_unknown_format(self) -> None:
        """An unknown format is io.format."""
        assert "io.format" == load_error_of(lambda: loads("", dict, format="ini")).code  # type: ignore[arg-type]


class TestDump:
    @pytest.mark.parametrize("suffix", [".toml", ".json", ".yaml", ".yml", ".TOML"])
    def test_round_trip_by_suffix(self, tmp_path: Path, suffix: str) -> None:
        """A nested object round-trips through a file of each format."""
        value = from_dict(
            program(
                sessions=[{"title": "a", "start": JAKARTA, "day": "2025-05-15"}],
                meta={"tags": ["010", "no"]},
                counts={"3573": 1},
                region="35.73",
                nip={"number": EXAMPLE_NIP},
            ),
            Program,
        )
        target = tmp_path / f"program{suffix}"
        dump(value, target)
        assert_same(value, load(target, Program))

    def test_json_file_layout(self, tmp_path: Path) -> None:
        """A JSON file is indented by 2 and ends with a newline."""
        target = tmp_path / "a.json"
        dump({"a": 1}, target)
        assert '{\n  "a": 1\n}\n' == target.read_text(encoding="utf-8")

    def test_format_overrides_suffix(self, tmp_path: Path) -> None:
        """format= wins over the suffix, for writing and reading."""
        target = tmp_path / "data.txt"
        dump({"a": 1}, target, format="toml")
        assert {"a": 1} == tomllib.loads(target.read_text(encoding="utf-8"))
        assert {"a": 1} == load(target, dict[str, int], format="toml")

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """A file whose suffix names no format is io.format."""
        error = error_of(lambda: dump({}, tmp_path / "a.ini"))
        assert ("io.format", "'.ini'") == (error.code, error.params["format"])

    def test_unwritable(self, tmp_path: Path) -> None:
        """A path that cannot be written is io.write."""
        error = error_of(lambda: dump({}, tmp_path / "no" / "a.json"))
        assert "io.write" == error.code
        assert isinstance(error, FileAccessError)

    def test_unencodable_text(self, tmp_path: Path) -> None:
        """A lone surrogate cannot be written as UTF-8: io.unrepresentable."""
        error = error_of(lambda: dump({"a": "\ud800"}, tmp_path / "a.json"))
        assert "io.unrepresentable" == error.code


class TestLoad:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is io.read, naming the file."""
        error = load_error_of(lambda: load(tmp_path / "none.toml", dict))
        assert "io.read" == error.code
        assert str(tmp_path / "none.toml") == error.params["file"]
        assert isinstance(error, FileAccessError)
        assert isinstance(error, OSError)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is io.read."""
        folder = tmp_path / "d.json"
        folder.mkdir()
        assert "io.read" == load_error_of(lambda: load(folder, dict)).code

    def test_nul_in_path(self) -> None:
        """A path with a NUL byte is io.read."""
        assert "io.read" == load_error_of(lambda: load("a\x00.json", dict)).code

    def test_not_a_path(self) -> None:
        """Something that is not a path is data.type."""
        assert "data.type" == load_error_of(lambda: load(3, dict)).code  # type: ignore[arg-type]

    def test_too_large(self, tmp_path: Path) -> None:
        """A file over max_bytes is io.too_large."""
        target = tmp_path / "a.json"
        target.write_text("[1, 2, 3]", encoding="utf-8")
        assert "io.too_large" == load_error_of(lambda: load(target, list, max_bytes=4)).code
        assert [1, 2, 3] == load(target, list[int], max_bytes=9)

    def test_yaml_hint_from_file(self, tmp_path: Path) -> None:
        """Loading a YAML file gives the unquoted-code hint."""
        target = tmp_path / "a.yml"
        target.write_text("note: 010\n", encoding="utf-8")
        assert [("yaml.unquoted_code", "note")] == leaves(lambda: load(target, Meta))


class TestRoundTrip:
    @given(programs)
    def test_dict(self, value: Program) -> None:
        """from_dict(to_dict(x)) == x, zone names included."""
        assert_same(value, from_dict(to_dict(value), Program))

    @given(programs)
    def test_json(self, value: Program) -> None:
        """loads(dumps(x)) == x through JSON."""
        assert_same(value, loads(dumps(value), Program))

    @given(programs)
    def test_toml(self, value: Program) -> None:
        """loads(dumps(x)) == x through TOML."""
        assert_same(value, loads(dumps(value, format="toml"), Program, format="toml"))

    @given(programs)
    def test_yaml(self, value: Program) -> None:
        """loads(dumps(x)) == x through YAML."""
        assert_same(value, loads(dumps(value, format="yaml"), Program, format="yaml"))

    @given(programs, st.sampled_from([".toml", ".json", ".yaml"]))
    def test_files(self, value: Program, suffix: str) -> None:
        """load(dump(x)) == x through a file of each format."""
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"p{suffix}"
            dump(value, target)
            assert_same(value, load(target, Program))

    @given(datetimes)
    def test_datetimes(self, value: pendulum.DateTime) -> None:
        """Every aware DateTime round-trips with its offset and zone name."""
        result = from_dict(to_dict(value), pendulum.DateTime)
        assert_same(value, result)
        assert value.utcoffset() == result.utcoffset()
