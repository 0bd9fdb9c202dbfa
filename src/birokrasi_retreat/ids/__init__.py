"""Identifiers: NIP (Nomor Induk Pegawai) and kode wilayah (Kemendagri region codes).

Every identifier module follows one contract, the one python-stdnum made familiar:

* ``compact(value) -> str``: strip separators; no validation.
* ``validate(value) -> str``: return the compact form or raise a specific
  `birokrasi_retreat.errors.ValidationError` subclass.
* ``is_valid(value) -> bool``: never raises, whatever the input's type.
* ``format(value) -> str``: the conventional display form.
* ``mask(value) -> str``: a form safe to show or log.
* ``parse(value)``: a frozen value object with the decoded parts.

`IdentifierModule` types that contract, so a test (and a user) can check that a module
satisfies it.

Examples:
    >>> from birokrasi_retreat.ids import kode_wilayah, nip
    >>> isinstance(nip, IdentifierModule), isinstance(kode_wilayah, IdentifierModule)
    (True, True)
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from birokrasi_retreat.ids import kode_wilayah, nip


__all__ = ["IdentifierModule", "kode_wilayah", "nip"]


@runtime_checkable
class IdentifierModule(Protocol):
    """The contract every module in `birokrasi_retreat.ids` satisfies.

    Examples:
        >>> isinstance(object(), IdentifierModule)
        False
    """

    def compact(self, value: str, /) -> str:
        """Strip separators and surrounding spaces; no validation."""

    def validate(self, value: str, /) -> str:
        """Return the compact form, or raise a specific validation error."""

    def is_valid(self, value: object, /) -> bool:
        """Whether ``value`` is valid; never raises."""

    def format(self, value: str, /) -> str:
        """Return the conventional display form."""

    def mask(self, value: str, /) -> str:
        """Return a form safe to show, log or share."""

    def parse(self, value: str, /) -> object:
        """Return the decoded value object."""
