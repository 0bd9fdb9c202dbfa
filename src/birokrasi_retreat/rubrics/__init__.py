"""Rubrics: the built-in evaluation rubrics (rubrik penilaian bawaan), with their sources.

Five rubrics ship with the library, each a TOML file of package data whose header names
its source, retrieval date and licence, and says which parts are ILLUSTRATIVE (from no
regulation) or UNCONFIRMED:

* ``"berakhlak"``: BerAKHLAK behaviour self-assessment, the 7 core values of the ASN
  with their 3 behaviour indicators each (SE MenPAN-RB 20/2021, sources: berakhlak; the 21
  indicators paraphrased in Indonesian and English), rated 1-5 with level descriptors,
  each criterion grouped under its `birokrasi_retreat.values.BerAkhlak` value; the
  scale labels, descriptors and bands are illustrative. For pre/post self-assessment.
* ``"reaction"``: the end-of-retreat and per-session reaction survey (Kirkpatrick level
  1, sources: kirkpatrick) on the IKM 1-4 scale with its x25 conversion and mutu bands by
  analogy; the items are illustrative.
* ``"speaker"``: the evaluation of a speaker (narasumber): mastery of the material,
  delivery, time management, interaction, relevance, rated 1-5; illustrative.
* ``"ikm"``: the public satisfaction survey of PermenPAN-RB 14/2017 (sources: ikm):
  9 elements (unsur) U1-U9 rated 1-4, equal weights, ratio normalisation (the x25
  conversion), mutu A-D by lower bound on the rounded value.
* ``"lan_predicates_unverified"``: the LAN training predicates (Sangat Memuaskan ...
  Kurang Memuaskan) on a final mark 0-100, with UNCONFIRMED thresholds (sources:
  lan-predicates): verify them before use.

A file holds a ``[meta]`` table (title, sources, retrieval date, licence, notes) and a
``[rubric]`` table read strictly by `birokrasi_retreat.serialization`. Rubrics are
read once and cached: a `birokrasi_retreat.rubric.Rubric` is immutable, so every call
returns the same object. To adapt one, ``attrs.evolve`` it or copy its file.

Examples:
    >>> from birokrasi_retreat import rubrics
    >>> rubrics.names()
    ('berakhlak', 'ikm', 'lan_predicates_unverified', 'reaction', 'speaker')
    >>> ikm = rubrics.load("ikm")
    >>> [c.title_id for c in ikm.criteria][:3]
    ['Persyaratan', 'Prosedur', 'Waktu pelayanan']
    >>> ikm.band_for(88.31).label_id
    'Sangat Baik'
    >>> berakhlak = rubrics.load("berakhlak")
    >>> len(berakhlak.criteria), berakhlak.criteria[0].group
    (21, 'berorientasi_pelayanan')
"""

from __future__ import annotations

import functools

from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from birokrasi_retreat import _convert, serialization
from birokrasi_retreat.errors import InvalidType, UnknownReferenceError
from birokrasi_retreat.rubric import Rubric


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = ["load", "names"]

_SUFFIX: Final = ".toml"


@attrs.frozen(kw_only=True)
class _Meta:
    """The ``[meta]`` table of a rubric file: its provenance."""

    title: str
    sources: tuple[str, ...]
    retrieved: pendulum.Date
    licence: str
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _RubricFile:
    """The shape of a rubric file: ``[meta]``, then ``[rubric]``."""

    meta: _Meta
    rubric: Rubric


def _folder() -> Traversable:
    return resources.files(__name__).joinpath("data")


@functools.cache
def names() -> tuple[str, ...]:
    """Return the names of the built-in rubrics, sorted.

    Returns:
        The names `load` accepts; each is also the id of its rubric.

    Examples:
        >>> "ikm" in names()
        True
    """
    return tuple(
        sorted(
            entry.name.removesuffix(_SUFFIX)
            for entry in _folder().iterdir()
            if entry.name.endswith(_SUFFIX)
        )
    )


def load(name: str) -> Rubric:
    """Load a built-in rubric by name (read once, then cached).

    Args:
        name: One of `names`, e.g. ``"ikm"`` or ``"berakhlak"``.

    Returns:
        The rubric; the same object on every call.

    Raises:
        UnknownReferenceError: No built-in rubric has this name (code ``rubric.unknown``).
        InvalidType: ``name`` is not a string (code ``data.type``).

    Examples:
        >>> load("speaker").allow_self_rating
        False
        >>> load("lan_predicates_unverified").title_en
        'LAN training predicates (UNCONFIRMED)'
        >>> load("kepuasan")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.UnknownReferenceError: ... [rubric.unknown]
    """
    if not isinstance(name, str):
        raise InvalidType("data.type", expected="string", got=type(name).__name__)
    available = names()
    if name not in available:
        raise UnknownReferenceError(
            "rubric.unknown", value=_convert.show(name), names=", ".join(available)
        )
    return _file(name).rubric


@functools.cache
def _file(name: str) -> _RubricFile:
    """Read and check the file of built-in rubric ``name`` (a known name)."""
    text = _folder().joinpath(name + _SUFFIX).read_text(encoding="utf-8")
    return serialization.loads(text, _RubricFile, format="toml")
