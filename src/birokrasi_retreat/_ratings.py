"""The read-only mapping that holds a response's ratings, and keeps them packed.

`Response.ratings` is a `RatingsMap`: a `dict` that refuses every change. Iterating it
(``items()``, ``values()``) runs as on any dict; a lookup (``ratings[key]``,
``itemgetter``) goes through CPython's generic slot of a dict subclass, slower than a
plain dict or a `types.MappingProxyType` (measured on the Performance page), still far
faster than a Python-level `Mapping`. Beside the entries it keeps, computed once
when it is built, what `score_many` reads instead of the entries: its *layout* (the
keys in their order, one tuple shared by every mapping laid out alike, so that a
cohort's layouts are compared by identity) and its *packed* ratings (the values in
that order as bytes when each is an int in 0..255, None otherwise). With them a cohort
of a million responses is read as one join of bytes rather than seven million lookups
(docs/explanation/performance.md, "Scoring": 3 to 4 times faster).

Examples:
    >>> ratings = of({"materi": 4, "waktu": 5})
    >>> ratings["materi"], list(ratings.packed or b""), ratings.layout
    (4, [4, 5], ('materi', 'waktu'))
    >>> ratings == {"materi": 4, "waktu": 5}
    True
    >>> ratings["materi"] = 1
    Traceback (most recent call last):
        ...
    TypeError: ratings are read-only: build a new Response to change them
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NoReturn


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["RatingsMap", "of", "shared_layout"]

# Layouts are shared through a bounded cache: a rubric's layout is met again and again,
# arbitrary keys (a fuzzer's) must not grow it without bound. When it is full the oldest
# layout goes, so that the layouts in use now are shared again.
_LAYOUTS: Final[dict[tuple[str, ...], tuple[str, ...]]] = {}
_MAX_LAYOUTS: Final = 1024
_MAX_LAYOUT_KEYS: Final = 64

_READ_ONLY: Final = "ratings are read-only: build a new Response to change them"


def shared_layout(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The one tuple kept for these keys in this order (``keys`` itself when new).

    Up to 1,024 layouts of up to 64 keys are kept; past that the oldest is dropped.

    Examples:
        >>> first = shared_layout(("a", "b"))
        >>> shared_layout(tuple("ab")) is first
        True
    """
    layout = _LAYOUTS.get(keys)
    if layout is not None:
        return layout
    if len(keys) <= _MAX_LAYOUT_KEYS:
        if len(_LAYOUTS) >= _MAX_LAYOUTS:
            del _LAYOUTS[next(iter(_LAYOUTS))]
        _LAYOUTS[keys] = keys
    return keys


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise TypeError(_READ_ONLY)


class RatingsMap(dict[str, float]):
    """Criterion id -> rating, read-only, with its layout and packed bytes (see above).

    Build one with `of`, from entries already checked (`rubric` checks them). Every
    method that would change it raises `TypeError`, as a `types.MappingProxyType` does;
    `copy` and ``|`` give a plain, mutable `dict`. It pickles and copies as itself.

    Examples:
        >>> of({"a": 300, "b": 2}).packed is None  # 300 is not a byte
        True
        >>> of({"a": 1}).pop("a")
        Traceback (most recent call last):
            ...
        TypeError: ratings are read-only: build a new Response to change them
    """

    __slots__ = ("_layout", "_packed")

    _layout: tuple[str, ...]
    _packed: bytes | None

    @property
    def layout(self) -> tuple[str, ...]:
        """The keys in their order: one tuple shared by every mapping laid out alike.

        Examples:
            >>> of({"a": 1, "b": 2}).layout is of({"a": 3, "b": 4}).layout
            True
        """
        return self._layout

    @property
    def packed(self) -> bytes | None:
        """The values in key order as bytes, when each is an int in 0..255; else None.

        Examples:
            >>> of({"a": 65, "b": 66}).packed, of({"a": 1.5}).packed
            (b'AB', None)
        """
        return self._packed

    def __reduce__(self) -> tuple[object, tuple[dict[str, float]]]:
        """Pickle and copy as the entries: the layout and bytes are computed again."""
        return (of, (dict(self),))

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse


# The slots' own setters: `of` runs for every response built.
_set_layout: Final = RatingsMap.__dict__["_layout"].__set__
_set_packed: Final = RatingsMap.__dict__["_packed"].__set__


def of(entries: Mapping[str, float]) -> RatingsMap:
    """A read-only copy of ``entries``, with its layout and packed ratings.

    Examples:
        >>> of({"a": 4.5}).packed is None
        True
    """
    ratings = RatingsMap()
    dict.update(ratings, entries)
    _set_layout(ratings, shared_layout(tuple(ratings)))
    try:
        # A float raises TypeError, an int off 0..255 ValueError.
        _set_packed(ratings, bytes(ratings.values()))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        _set_packed(ratings, None)
    return ratings
