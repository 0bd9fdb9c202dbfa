"""birokrasi-retreat: typed models, validation, scoring and serialization for retret ASN.

The retreats (*retret ASN*) that an Indonesian city government (Pemkot) holds for its
officials, modelled end to end: identifiers (NIP, kode wilayah), ranks (golongan,
eselon), strict serialization, and, as the library grows, the government roster,
retreat programmes, evaluation and follow-up.

This module only re-exports the public names; see the submodules for the details.

Examples:
    >>> import birokrasi_retreat as br
    >>> br.Golongan.parse("III/c").pangkat
    'Penata'
    >>> br.ids.nip.is_valid("19860926 201505 1 001")
    True
"""

from birokrasi_retreat import (
    errors,
    findings,
    ids,
    messages,
    ranks,
    serialization,
    validators,
)
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
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily, Sex


__all__ = [
    "AsnType",
    "BirokrasiRetreatError",
    "Eselon",
    "FileAccessError",
    "Finding",
    "Golongan",
    "GolonganFit",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidType",
    "PolicyViolationError",
    "PositionFamily",
    "ScoringError",
    "Severity",
    "Sex",
    "UnknownReferenceError",
    "ValidationError",
    "ValidationErrorGroup",
    "errors",
    "findings",
    "ids",
    "messages",
    "ranks",
    "serialization",
    "validators",
]
