"""The read-only mapping of a response's ratings, and the layout and bytes it keeps."""

from __future__ import annotations

import copy
import pickle

from typing import TYPE_CHECKING

import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import _ratings
from birokrasi_retreat.rubric import Response, SubjectKind


if TYPE_CHECKING:
    from collections.abc import Callable


KEYS = st.text(min_size=1, max_size=8)
RATINGS = st.dictionaries(
    KEYS, st.one_of(st.integers(-300, 300), st.floats(allow_nan=False, allow_infinity=False))
)


def _response(ratings: dict[str, float]) -> Response:
    return Response(
        rubric="r", subject_kind=SubjectKind.SESSION, subject="s", rater="r-1", ratings=ratings
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.__setitem__("a", 2),
        lambda m: m.__delitem__("a"),
        lambda m: m.clear(),
        lambda m: m.pop("a"),
        lambda m: m.popitem(),
        lambda m: m.setdefault("b", 1),
        lambda m: m.update(b=1),
        lambda m: m.__ior__({"b": 1}),
    ],
    ids=["setitem", "delitem", "clear", "pop", "popitem", "setdefault", "update", "ior"],
)
def test_every_change_is_refused(change: Callable[[_ratings.RatingsMap], object]) -> None:
    """Each method that would change the mapping raises TypeError and changes nothing."""
    ratings = _ratings.of({"a": 1})
    with pytest.raises(TypeError, match="read-only"):
        change(ratings)
    assert {"a": 1} == ratings
    assert b"\x01" == ratings.packed


def test_copies_are_plain_dicts() -> None:
    """``copy()`` and ``|`` give a mutable dict; the mapping itself stays as it was."""
    ratings = _ratings.of({"a": 1})
    for changed in (ratings.copy(), ratings | {"b": 2}):
        assert type(changed) is dict
        changed["c"] = 3
    assert {"a": 1} == ratings


@pytest.mark.parametrize(
    "clone",
    [lambda m: pickle.loads(pickle.dumps(m)), copy.copy, copy.deepcopy],
    ids=["pickle", "copy", "deepcopy"],
)
def test_clones_keep_their_layout_and_bytes(
    clone: Callable[[_ratings.RatingsMap], _ratings.RatingsMap],
) -> None:
    """A clone is a RatingsMap again, read-only, with the shared layout and its bytes."""
    ratings = _ratings.of({"a": 1, "b": 250})
    copied = clone(ratings)
    assert type(copied) is _ratings.RatingsMap
    assert ratings == copied
    assert copied.layout is ratings.layout
    assert bytes([1, 250]) == copied.packed
    with pytest.raises(TypeError):
        copied["a"] = 2


@given(RATINGS)
def test_entries_layout_and_bytes(entries: dict[str, float]) -> None:
    """The entries are kept in order; the bytes exist exactly when each is an int 0..255."""
    ratings = _ratings.of(entries)
    assert entries == ratings
    assert tuple(entries) == ratings.layout
    bytewise = all(type(value) is int and 0 <= value <= 255 for value in entries.values())
    assert (bytes(entries.values()) if bytewise else None) == ratings.packed  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-1, 256, 2.5, 1.0e300])
def test_values_that_are_not_bytes_pack_nothing(value: float) -> None:
    """A negative, a large or a fractional rating: nothing packed, the entry kept."""
    ratings = _ratings.of({"a": 1, "b": value})
    assert ratings.packed is None
    assert value == ratings["b"]


def test_layouts_are_shared() -> None:
    """Mappings laid out alike share one layout tuple; another order has its own."""
    first, second = _ratings.of({"x1": 1, "x2": 2}), _ratings.of({"x1": 3, "x2": 4})
    assert first.layout is second.layout
    assert ("x2", "x1") == _ratings.of({"x2": 1, "x1": 2}).layout


def test_the_layout_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Too many keys: used, not kept. A full cache drops its oldest layout for the new."""
    long = tuple(f"k{index}" for index in range(_ratings._MAX_LAYOUT_KEYS + 1))
    assert _ratings.shared_layout(long) is long
    assert long not in _ratings._LAYOUTS
    monkeypatch.setattr(_ratings, "_LAYOUTS", {("old",): ("old",), ("older",): ("older",)})
    monkeypatch.setattr(_ratings, "_MAX_LAYOUTS", 2)
    new = ("new",)
    assert _ratings.shared_layout(new) is new
    assert [("older",), ("new",)] == list(_ratings._LAYOUTS)
    assert _ratings.shared_layout(("new",)) is new


def test_layouts_are_shared_after_many_others() -> None:
    """However many layouts came before, one met now is shared by the maps built now."""
    for index in range(_ratings._MAX_LAYOUTS + 10):
        _ratings.of({f"other-{index}": 1})
    first, second = _ratings.of({"y1": 1, "y2": 2}), _ratings.of({"y1": 3, "y2": 4})
    assert first.layout is second.layout


def test_a_response_stores_a_ratings_map() -> None:
    """`Response.ratings` is the read-only mapping, equal to the dict it was given."""
    response = _response({"a": 4, "b": 5})
    assert isinstance(response.ratings, _ratings.RatingsMap)
    assert {"a": 4, "b": 5} == response.ratings
    assert bytes([4, 5]) == response.ratings.packed
    clone = pickle.loads(pickle.dumps(response))
    assert isinstance(clone.ratings, _ratings.RatingsMap)
    assert clone.ratings.layout is response.ratings.layout
