"""Message catalogue: every error and finding text, in Indonesian and English, keyed by code.

The catalogue is one logical table spread over TOML files in
``birokrasi_retreat/data/messages/`` (one file per area, so translators review one
area at a time). Each entry maps a stable code such as ``"nip.length"`` to a template in
both languages. Templates use ``str.format`` fields filled from the error's or finding's
parameters; parameters never carry a whole NIP or NIK (UU 27/2022), only masked forms.

Examples:
    >>> from birokrasi_retreat import messages
    >>> messages.render("invalid.group", "en", {"count": 2})
    '2 validation errors were found.'
    >>> messages.render("invalid.group", "id", {"count": 2})
    'Ditemukan 2 kesalahan validasi.'
"""

from __future__ import annotations

import functools
import string
import tomllib

from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, get_args


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = [
    "LANGUAGES",
    "Lang",
    "catalogue",
    "format_number",
    "register",
    "render",
    "unregister",
]

Lang = Literal["id", "en"]
"""A language code the catalogue speaks: ``"id"`` (Bahasa Indonesia) or ``"en"`` (English)."""

LANGUAGES: Final[tuple[Lang, ...]] = get_args(Lang)
"""Every language of the catalogue, Indonesian first (the default)."""

_FORMATTER = string.Formatter()

# Indonesian writes a decimal comma and groups thousands with dots: the two swap.
_ID_NUMBERS: Final = str.maketrans({",": ".", ".": ","})

# Messages registered at run time for codes of the user's own (rules of their own).
_EXTRA: dict[str, Mapping[Lang, str]] = {}


@functools.cache
def catalogue() -> Mapping[str, Mapping[Lang, str]]:
    """Return the whole catalogue: code -> language -> template.

    The files are read once and cached. A code defined in two files, or an entry that
    lacks a language, is a packaging bug and raises ``RuntimeError`` on first use (a test
    guards it).

    Returns:
        A read-only mapping from code to its templates.

    Examples:
        >>> sorted(catalogue()["invalid.group"])
        ['en', 'id']
    """
    merged: dict[str, Mapping[Lang, str]] = {}
    folder = resources.files("birokrasi_retreat").joinpath("data", "messages")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        table = tomllib.loads(entry.read_text(encoding="utf-8"))
        for code, texts in table.items():
            if code in merged:
                msg = f"message code {code!r} is defined twice (in {entry.name})"
                raise RuntimeError(msg)
            if sorted(texts) != sorted(LANGUAGES):
                msg = f"message code {code!r} in {entry.name} needs exactly {LANGUAGES}"
                raise RuntimeError(msg)
            merged[code] = MappingProxyType({lang: texts[lang] for lang in LANGUAGES})
    return MappingProxyType(merged)


def format_number(value: float, lang: Lang = "id", digits: int = 2) -> str:
    """Write a number the way the language writes it, with ``digits`` decimals.

    Indonesian puts a decimal comma and groups thousands with dots (``1.625,50``);
    English the other way round (``1,625.50``). The value is rounded by ``str.format``
    (to the nearest, ties to even on the binary value): pass values already rounded as
    the library's figures are (`birokrasi_retreat.scoring.round_half_up`). Negative
    zero is written as zero.

    Args:
        value: The number.
        lang: ``"id"`` (default) or ``"en"``.
        digits: Decimals to show (0 or more).

    Returns:
        The number as text.

    Examples:
        >>> format_number(1625.5), format_number(1625.5, "en")
        ('1.625,50', '1,625.50')
        >>> format_number(0.172, "id", digits=3), format_number(-0.0, "en")
        ('0,172', '0.00')
    """
    text = f"{(value or 0):,.{digits}f}"
    return text.translate(_ID_NUMBERS) if lang == "id" else text


def render(code: str, lang: Lang = "id", params: Mapping[str, object] | None = None) -> str:
    """Render the message for ``code`` in ``lang``, filling the template from ``params``.

    Rendering never fails: an unknown code or a missing parameter produces a plain text
    that still names the code, because an error message must not itself raise.

    Args:
        code: The stable code, e.g. ``"nip.length"``.
        lang: ``"id"`` (default) or ``"en"``.
        params: Values for the template's fields.

    Returns:
        The rendered message.

    Examples:
        >>> render("no.such.code", "en")
        'no.such.code'
    """
    texts = catalogue().get(code) or _EXTRA.get(code)
    if texts is None:
        return code
    template = texts.get(lang, texts["id"])
    values = dict(params or {})
    try:
        return _FORMATTER.vformat(template, (), values)
    except (KeyError, IndexError, ValueError):
        return f"{template} ({code})"


def register(code: str, *, indonesian: str, english: str) -> None:
    """Add the message of a code of your own (a rule you registered) in both languages.

    Templates use ``str.format`` fields, filled from the finding's or error's params.

    Args:
        code: Your code; it must not be one of the library's or already registered.
        indonesian: The Indonesian template.
        english: The English template.

    Raises:
        ValueError: The code already has a message (a programming error).

    Examples:
        >>> register("KDR900", indonesian="{unit} tanpa kepala.", english="{unit} has no head.")
        >>> render("KDR900", "en", {"unit": "Kadia"})
        'Kadia has no head.'
        >>> unregister("KDR900")
        >>> render("KDR900", "en")
        'KDR900'
    """
    if code in catalogue() or code in _EXTRA:
        msg = f"message code {code!r} already has a message"
        raise ValueError(msg)
    _EXTRA[code] = MappingProxyType({"id": indonesian, "en": english})


def unregister(code: str) -> None:
    """Remove a message added with `register` (the library's own cannot be removed).

    Raises:
        KeyError: ``code`` was not registered with `register`.

    Examples:
        >>> register("KDR901", indonesian="a", english="b")
        >>> unregister("KDR901")
    """
    del _EXTRA[code]
