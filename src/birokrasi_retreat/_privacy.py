"""Private: the one place that hides personal numbers (NIP, NI PPPK, NIK) from display.

UU 27/2022 makes a NIP, an NI PPPK and a NIK personal data, so no repr, message, path or
log shows one whole (sources: uu-pdp). This module owns the two ways the library hides
them; every model, rule and renderer calls it instead of keeping its own copy.

* `mask` hides a value that is meant to be an identifier (a NIP field, a participant):
  in the layout it is valid in, keeping only the last three digits (the sequence);
  a value valid in no layout is all stars, never echoed. `masked_repr` and
  `masked_nip_repr` (a NIP field: never read as a NIK) are the same for an attrs ``repr=``.
* `redact` hides identifiers inside free text (comments, keys, reprs in messages): every
  run of 16 or more digits, with the separators people type in a NIP (spaces, dots,
  hyphens: ``"19860926 201505 1 001"``), is starred but for its last three digits.
  `redacted_repr` is the same for an attrs ``repr=``, and `has_personal_number` tells
  whether `redact` would hide anything (a rater id must not hold such a number).

It sits on floor 2, beside `birokrasi_retreat.ids`, and imports only `ids.nip` and `ranks`.

Examples:
    >>> mask("19860926 201505 1 001"), mask("199001012024211002")
    ('******** ****** * 001', '******** **** ** * 002')
    >>> redact("NIP 19860926 201505 1 001, call 0812-3456-789")
    'NIP ******** ****** * 001, call 0812-3456-789'
"""

from __future__ import annotations

import re

from typing import Final, cast

from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.ranks import AsnType


# A NIP or NI PPPK has 18 digits (sources: nip-layout), a NIK 16 (sources: nik): a run of this many
# digits may be either.
_PERSONAL_DIGITS: Final = 16
_NIK_LENGTH: Final = 16
# The digits a hidden number keeps at its end, as `birokrasi_retreat.ids.nip.mask` does
# (the sequence, which reveals nothing about the holder).
_KEPT_DIGITS: Final = 3
_RUN_SEPARATORS: Final = frozenset(" .-")
# The same runs in ASCII text: a digit, then 15 or more digits each after any separators.
_ASCII_RUN: Final = re.compile(r"[0-9](?:[ .\-]*[0-9]){15,}")
# What `mask` shows for a value that is not text at all.
_NOT_TEXT: Final = "?"


def nip_kind(number: str) -> AsnType | None:
    """The kind a NIP is valid as: `AsnType.PNS` first, else `AsnType.PPPK`, else None.

    Args:
        number: A NIP or NI PPPK, with or without separators.

    Returns:
        The first kind ``number`` is valid for, or None.

    Examples:
        >>> nip_kind("19860926 201505 1 001"), nip_kind("199001012024211002")
        (<AsnType.PNS: 'PNS'>, <AsnType.PPPK: 'PPPK'>)
        >>> nip_kind("1986") is None
        True
    """
    if _nip.is_valid(number):
        return AsnType.PNS
    if _nip.is_valid(number, kind=AsnType.PPPK):
        return AsnType.PPPK
    return None


def _is_nik(number: str) -> bool:
    # No module of `ids` checks a NIK: here it is 16 ASCII digits (sources: nik).
    return len(number) == _NIK_LENGTH and number.isascii() and number.isdigit()


def mask(number: object, kind: AsnType | None = None, *, nik: bool = True) -> str:
    """Hide a NIP, NI PPPK or NIK for display, in the layout it is valid in.

    Given a ``kind``, the result is `birokrasi_retreat.ids.nip.mask` for that kind. Without
    one, the number is masked in the first layout it is valid in: a NIP (PNS), else an NI
    PPPK, else (with ``nik``) a NIK, 16 digits of which only the last three stay. A value
    valid in none is all stars, never echoed; a value that is not text shows as ``"?"``.

    Args:
        number: The number, with or without spaces, dots and hyphens; any object.
        kind: The kind to mask it as, or None to take the layout it is valid in.
        nik: Whether a number that is no NIP may be masked as a NIK. A NIP field passes
            False: a 16-digit value there is an invalid NIP, all stars.

    Returns:
        The masked form; never raises.

    Examples:
        >>> mask("199001012024211002"), mask("199001012024211002", AsnType.PNS)
        ('******** **** ** * 002', '******************')
        >>> mask("3573010101900001"), mask("3573010101900001", nik=False)
        ('*************001', '****************')
        >>> mask("1986-0926-2015"), mask(None)
        ('************', '?')
    """
    if not issubclass(type(number), str):
        return _NOT_TEXT
    text = cast("str", number)
    if kind is None:
        kind = nip_kind(text)
        if kind is None:
            compact = _nip.compact(text)
            if nik and _is_nik(compact):
                return "*" * (_NIK_LENGTH - _KEPT_DIGITS) + compact[-_KEPT_DIGITS:]
            return "*" * len(compact)
    return _nip.mask(text, kind=kind)


def masked_repr(number: str | None, kind: AsnType | None = None, *, nik: bool = True) -> str:
    """The ``repr`` of a number field, masked (for attrs ``repr=``); ``"None"`` for None.

    Args:
        number: The field's value.
        kind: As for `mask`.
        nik: As for `mask`.

    Returns:
        ``repr(mask(number, kind, nik=nik))``, or ``"None"``.

    Examples:
        >>> masked_repr("198609262015051001"), masked_repr(None)
        ("'******** ****** * 001'", 'None')
    """
    return "None" if number is None else repr(mask(number, kind, nik=nik))


def masked_nip_repr(number: str | None) -> str:
    """The ``repr`` of a NIP field: `masked_repr` that never takes a value for a NIK.

    A NIP field holds a NIP or an NI PPPK; a value valid as neither (16 digits included)
    is all stars.

    Args:
        number: The field's value.

    Returns:
        ``masked_repr(number, nik=False)``.

    Examples:
        >>> masked_nip_repr("199001012024211002"), masked_nip_repr("3573010101900001")
        ("'******** **** ** * 002'", "'****************'")
    """
    return masked_repr(number, nik=False)


def _personal_runs(text: str) -> list[list[int]]:
    """The positions of the digits of each run of 16 or more digits (and separators)."""
    if len(text) < _PERSONAL_DIGITS:
        return []
    if text.isascii():
        # In ASCII text the digits are 0-9 and the pattern finds exactly these runs, in C:
        # a shorter run fails at each of its digits, a longer one matches to its last digit.
        return [
            [at for at in range(*found.span()) if text[at].isdigit()]
            for found in _ASCII_RUN.finditer(text)
        ]
    if sum(char.isdigit() for char in text) < _PERSONAL_DIGITS:
        return []
    runs: list[list[int]] = []
    end = len(text)
    index = 0
    while index < end:
        if not text[index].isdigit():
            index += 1
            continue
        # A run of digits and the separators people type in a NIP: "19860926 201505 1 001".
        stop = index
        while stop < end and (text[stop].isdigit() or text[stop] in _RUN_SEPARATORS):
            stop += 1
        digits = [at for at in range(index, stop) if text[at].isdigit()]
        if len(digits) >= _PERSONAL_DIGITS:
            runs.append(digits)
        index = stop
    return runs


def redact(text: str) -> str:
    """Star every run of 16 or more digits in free text but for its last 3 digits.

    A run is digits with any spaces, dots and hyphens between them, as people type a NIP
    (``"19860926 201505 1 001"``) or a NIK; the separators stay, so the text keeps its
    shape. Any Unicode digit counts. Shorter runs (dates, phone numbers) stay readable.

    Args:
        text: Any text.

    Returns:
        The text with each such run starred.

    Examples:
        >>> redact("NIP 19860926 201505 1 001 (lahir 1986-09-26)")
        'NIP ******** ****** * 001 (lahir 1986-09-26)'
        >>> redact("NIK 3573010101900001")
        'NIK *************001'
    """
    runs = _personal_runs(text)
    if not runs:
        return text
    chars = list(text)
    for digits in runs:
        for at in digits[:-_KEPT_DIGITS]:
            chars[at] = "*"
    return "".join(chars)


def redacted_repr(value: str | None) -> str:
    """The ``repr`` of a free-text field, redacted (for attrs ``repr=``); ``"None"`` for None.

    Args:
        value: The field's value.

    Returns:
        ``repr(redact(value))``, or ``"None"``.

    Examples:
        >>> redacted_repr("rater-198609262015051001"), redacted_repr(None)
        ("'rater-***************001'", 'None')
    """
    return "None" if value is None else repr(redact(value))


def has_personal_number(text: str) -> bool:
    """Whether ``text`` holds a run that `redact` hides: 16 or more digits, maybe separated.

    Args:
        text: Any text.

    Returns:
        True when `redact` would change ``text``.

    Examples:
        >>> has_personal_number("R-1986.0926.2015.0510.01"), has_personal_number("R-15")
        (True, False)
    """
    return bool(_personal_runs(text))
