"""birokrasi-retreat: typed models, validation, scoring and serialization for retret ASN.

The retreats (*retret ASN*) that an Indonesian city government (Pemkot) holds for its
officials, modelled end to end: identifiers (NIP, kode wilayah), ranks (golongan,
eselon), strict serialization, the government roster with its validation rules and
bundled samples, and, as the library grows, retreat programmes, evaluation and
follow-up.

This module only re-exports the public names; see the submodules for the details.

Examples:
    >>> import birokrasi_retreat as br
    >>> br.Golongan.parse("III/c").pangkat
    'Penata'
    >>> br.ids.nip.is_valid("19860926 201505 1 001")
    True
    >>> br.check(br.samples.load_roster("kendari"), on=None).ok
    True
"""

from birokrasi_retreat import (
    errors,
    findings,
    ids,
    messages,
    organization,
    ranks,
    roster,
    samples,
    serialization,
    validation,
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
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    FunctionalLevel,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PemdaKind,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily, Sex
from birokrasi_retreat.roster import Holding, Roster
from birokrasi_retreat.validation import RULES, Report, check, validate


__all__ = [
    "Appointment",
    "AppointmentKind",
    "AsnType",
    "BirokrasiRetreatError",
    "Eselon",
    "FileAccessError",
    "Finding",
    "FunctionalLevel",
    "Golongan",
    "GolonganFit",
    "Holding",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidType",
    "Kecamatan",
    "Kelurahan",
    "Official",
    "Pemda",
    "PemdaKind",
    "PerangkatDaerah",
    "PolicyViolationError",
    "Position",
    "PositionFamily",
    "RULES",
    "Report",
    "Roster",
    "ScoringError",
    "Severity",
    "Sex",
    "UnitKind",
    "UnknownReferenceError",
    "ValidationError",
    "ValidationErrorGroup",
    "check",
    "errors",
    "findings",
    "ids",
    "messages",
    "organization",
    "ranks",
    "roster",
    "samples",
    "serialization",
    "validate",
    "validation",
    "validators",
]
