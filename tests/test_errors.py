"""Tests for birokrasi_retreat.errors: codes, paths, bilingual messages and groups."""

from __future__ import annotations

import pickle

import pytest

from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    FileAccessError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    PolicyViolationError,
    ScoringError,
    UnknownReferenceError,
    ValidationError,
    ValidationErrorGroup,
    explain,
    join_path,
)


class TestHierarchy:
    def test_leaves_subclass_matching_builtins(self) -> None:
        """Every leaf is both a library error and the builtin a generic handler expects."""
        assert issubclass(ValidationError, ValueError)
        assert issubclass(InvalidFormat, ValidationError)
        assert issubclass(InvalidLength, InvalidFormat)
        assert issubclass(InvalidComponent, ValidationError)
        assert issubclass(InvalidType, TypeError)
        assert issubclass(InvalidType, ValueError)
        assert issubclass(PolicyViolationError, ValidationError)
        assert issubclass(UnknownReferenceError, LookupError)
        assert issubclass(ScoringError, ValueError)
        assert issubclass(ValidationErrorGroup, ExceptionGroup)
        for cls in (ValidationError, UnknownReferenceError, ScoringError, ValidationErrorGroup):
            assert issubclass(cls, BirokrasiRetreatError)

    def test_default_codes(self) -> None:
        """An error built without a code uses its class's documented default code."""
        assert ValidationError().code == "invalid"
        assert UnknownReferenceError().code == "reference.unknown"
        assert ScoringError().code == "scoring.invalid"
        assert BirokrasiRetreatError().code == "error"


class TestMessage:
    def test_renders_both_languages(self) -> None:
        """The same error renders different Indonesian and English texts from its params."""
        err = InvalidFormat("data.extra_key", path="x", key="colour")
        assert err.message("id") == "Bidang tidak dikenal: colour."
        assert err.message("en") == "Unknown field: colour."
        assert err.message() == err.message("id")

    def test_str_carries_code_and_path(self) -> None:
        """str() shows the English text, the code and the path for tracebacks and logs."""
        err = InvalidFormat("data.missing_key", path="sessions[0].title")
        assert (
            str(err)
            == "This field is required but missing. [data.missing_key] @ $.sessions[0].title"
        )
        assert str(InvalidFormat("data.missing_key")) == (
            "This field is required but missing. [data.missing_key]"
        )

    def test_repr_names_class_code_and_path(self) -> None:
        """repr() is short and carries no parameter values (which could be personal)."""
        err = InvalidFormat("data.extra_key", path="x", key="secret")
        assert repr(err) == "InvalidFormat('data.extra_key', path='x')"

    def test_missing_param_does_not_raise(self) -> None:
        """A template whose parameter is missing still renders, naming the code."""
        assert (
            InvalidFormat("data.extra_key").message("en")
            == "Unknown field: {key}. (data.extra_key)"
        )


class TestPaths:
    @pytest.mark.parametrize(
        ("prefix", "path", "expected"),
        [
            ("", "", ""),
            ("a", "", "a"),
            ("", "b", "b"),
            ("a", "b", "a.b"),
            ("a", "[0]", "a[0]"),
            ("a[1]", "b.c", "a[1].b.c"),
        ],
    )
    def test_join_path(self, prefix: str, path: str, expected: str) -> None:
        """Paths join with a dot, except before an index."""
        assert expected == join_path(prefix, path)

    def test_at_prefixes_and_keeps_params_and_cause(self) -> None:
        """at() returns a re-pathed copy with the same class, code, params and cause."""
        cause = ValueError("inner")
        err = InvalidComponent("data.extra_key", path="start", key="k")
        err.__cause__ = cause
        moved = err.at("sessions[3]")
        assert type(moved) is InvalidComponent
        assert moved.path == "sessions[3].start"
        assert moved.params == {"key": "k"}
        assert moved.__cause__ is cause
        assert err.path == "start"

    def test_pickle_round_trip(self) -> None:
        """Errors survive pickling (multiprocessing, caches) with code, path and params."""
        err = InvalidLength("data.extra_key", path="p", key="k")
        back = pickle.loads(pickle.dumps(err))
        assert (type(back), back.code, back.path, back.params) == (
            InvalidLength,
            "data.extra_key",
            "p",
            {"key": "k"},
        )


class TestGroup:
    def test_group_is_exception_group_and_library_error(self) -> None:
        """One except clause for the library catches a group; except* splits it."""
        group = ValidationErrorGroup("two", [InvalidFormat(path="a"), InvalidComponent(path="b")])
        with pytest.raises(BirokrasiRetreatError):
            raise group
        caught = []
        try:
            raise group
        except* InvalidComponent as eg:
            caught = [e.path for e in eg.exceptions if isinstance(e, InvalidComponent)]
        except* InvalidFormat:
            pass
        assert caught == ["b"]

    def test_message_and_str(self) -> None:
        """The group's message counts its members; str() keeps ExceptionGroup's form."""
        group = ValidationErrorGroup("two problems", [ValidationError(), ValidationError()])
        assert group.message("en") == "2 validation errors were found."
        assert group.message("id") == "Ditemukan 2 kesalahan validasi."
        assert str(group) == "two problems (2 sub-exceptions)"
        assert group.code == "invalid.group"

    def test_split_keeps_group_type(self) -> None:
        """split()/subgroup() build ValidationErrorGroup instances (derive)."""
        group = ValidationErrorGroup("g", [InvalidFormat(path="a"), InvalidComponent(path="b")])
        match, rest = group.split(InvalidFormat)
        assert isinstance(match, ValidationErrorGroup)
        assert isinstance(rest, ValidationErrorGroup)
        assert [e.path for e in match.members] == ["a"]

    def test_at_and_leaves_resolve_nested_paths(self) -> None:
        """Nested groups flatten into leaves whose paths include every level."""
        inner = ValidationErrorGroup("i", [ValidationError(path="start")], path="sessions[1]")
        outer = ValidationErrorGroup("o", [inner, ValidationError(path="title")]).at("retreat")
        assert [leaf.path for leaf in outer.leaves()] == [
            "retreat.sessions[1].start",
            "retreat.title",
        ]

    def test_pickle_round_trip(self) -> None:
        """A group survives pickling with its members."""
        group = ValidationErrorGroup("g", [ValidationError(path="a")])
        back = pickle.loads(pickle.dumps(group))
        assert isinstance(back, ValidationErrorGroup)
        assert [e.path for e in back.members] == ["a"]


class TestExplain:
    def test_single_error_without_path(self) -> None:
        """A pathless error explains as its bare message."""
        assert explain(ValidationError(), lang="en") == ["The value is invalid."]

    def test_group_lines(self) -> None:
        """Each leaf of a group becomes one line with its JSONPath-like location."""
        group = ValidationErrorGroup(
            "g", [InvalidFormat("data.missing_key", path="title"), ValidationError()]
        )
        assert explain(group, lang="en") == [
            "This field is required but missing. @ $.title",
            "The value is invalid.",
        ]


def test_index_paths_render_without_dot() -> None:
    """A path starting with an index renders as $[0], not $.[0]."""
    err = InvalidFormat("data.missing_key", path="[0].title")
    assert str(err).endswith("@ $[0].title")
    assert explain(err, lang="en") == ["This field is required but missing. @ $[0].title"]


def test_file_access_error_is_oserror_and_pickles() -> None:
    """FileAccessError is caught by OSError handlers and survives pickling."""
    err = FileAccessError("io.read", file="x.toml", reason="gone")
    assert isinstance(err, OSError)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.code, back.params) == (
        FileAccessError,
        "io.read",
        {"file": "x.toml", "reason": "gone"},
    )
