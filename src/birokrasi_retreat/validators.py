"""Field validators: attrs validators for identifiers, raising the library's coded errors.

Each public factory returns a small, slotted callable that plugs into an attrs field. It
delegates to the identifier module (`birokrasi_retreat.ids`) and raises the same specific
`birokrasi_retreat.errors.ValidationError` subclasses, with the field's name as the
error's path, so that the error reads ``officials[3].nip`` once the serializer adds the
outer path. Pair a validator with the module's ``compact`` as a converter to store the
canonical form, the way python-stdnum's ``validate`` returns the compact value.

Examples:
    >>> import attrs
    >>> from birokrasi_retreat import validators
    >>> from birokrasi_retreat.ids import nip
    >>> @attrs.frozen
    ... class Peserta:
    ...     nip: str = attrs.field(converter=nip.compact, validator=validators.nip())
    >>> Peserta("19860926 201505 1 001").nip == "198609262015051001"
    True
    >>> try:
    ...     Peserta("19860230 201505 1 001")
    ... except ValueError as err:
    ...     print(err.code, err.path)
    nip.birth_date nip
"""

from __future__ import annotations

from typing import Any

import attrs

from birokrasi_retreat.errors import BirokrasiRetreatError, InvalidComponent
from birokrasi_retreat.ids import kode_wilayah as _kode_wilayah
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
from birokrasi_retreat.ranks import AsnType


__all__ = ["kode_wilayah", "nip"]


@attrs.frozen(repr=False)
class _NipValidator:
    kind: AsnType

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        del inst
        try:
            _nip.validate(value, kind=self.kind)  # type: ignore[arg-type]
        except BirokrasiRetreatError as error:
            raise error.at(attr.name) from None

    def __repr__(self) -> str:
        return f"<nip validator for {self.kind.value}>"


def nip(*, kind: AsnType = AsnType.PNS) -> _NipValidator:
    """Validate a NIP (Nomor Induk Pegawai) or NI PPPK field.

    Args:
        kind: Which layout to check: `AsnType.PNS` (default) or `AsnType.PPPK`.

    Returns:
        An attrs validator raising the specific NIP errors with the field name as path.

    Examples:
        >>> nip()
        <nip validator for PNS>
        >>> nip(kind=AsnType.PPPK)
        <nip validator for PPPK>
    """
    return _NipValidator(kind)


@attrs.frozen(repr=False)
class _KodeWilayahValidator:
    level: RegionLevel | None

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        del inst
        try:
            code = value if isinstance(value, KodeWilayah) else _kode_wilayah.parse(value)  # type: ignore[arg-type]
            if self.level is not None and code.level is not self.level:
                raise InvalidComponent(  # re-pathed with the others below
                    "wilayah.level", expected=self.level.name.lower(), got=code.level.name.lower()
                )
        except BirokrasiRetreatError as error:
            raise error.at(attr.name) from None

    def __repr__(self) -> str:
        level = "any level" if self.level is None else self.level.name.lower()
        return f"<kode wilayah validator for {level}>"


def kode_wilayah(*, level: RegionLevel | None = None) -> _KodeWilayahValidator:
    """Validate a kode wilayah (Kemendagri region code) field, optionally at one level.

    The field may hold the code as text or as a `KodeWilayah` value.

    Only the structure is checked (no catalogue look-up): existence is a separate,
    reported check, because a new region can be decreed before the catalogue knows it.

    Args:
        level: The required level, or None for any level.

    Returns:
        An attrs validator raising the specific region-code errors with the field name as path.

    Examples:
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
        >>> kode_wilayah(level=RegionLevel.KABUPATEN_KOTA)
        <kode wilayah validator for kabupaten_kota>
    """
    return _KodeWilayahValidator(level)
