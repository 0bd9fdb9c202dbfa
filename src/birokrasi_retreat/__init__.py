"""birokrasi-retreat: typed models, validation, scoring and serialization for retret ASN.

The retreats (*retret ASN*) that an Indonesian city government (Pemkot) holds for its
officials, modelled end to end: identifiers (NIP, kode wilayah), ranks (golongan,
eselon), strict serialization, the government roster, retreat programmes with their
calendar, the validation rules and bundled samples, and, as the library grows,
evaluation and follow-up.

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
    calendar,
    eligibility,
    errors,
    findings,
    ids,
    messages,
    organization,
    ranks,
    retreat,
    roster,
    samples,
    serialization,
    validation,
    validators,
    values,
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
from birokrasi_retreat.retreat import (
    Eligibility,
    Enrollment,
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Room,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
    Window,
)
from birokrasi_retreat.roster import Holding, Roster
from birokrasi_retreat.validation import RULES, Report, check, validate
from birokrasi_retreat.values import BerAkhlak


__all__ = [
    "Appointment",
    "AppointmentKind",
    "AsnType",
    "BerAkhlak",
    "BirokrasiRetreatError",
    "Eligibility",
    "Enrollment",
    "EnrollmentStatus",
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
    "Retreat",
    "RetreatStatus",
    "Room",
    "Roster",
    "ScoringError",
    "Session",
    "SessionKind",
    "Severity",
    "Sex",
    "Speaker",
    "SpeakerLevel",
    "UnitKind",
    "UnknownReferenceError",
    "ValidationError",
    "ValidationErrorGroup",
    "Venue",
    "VenueKind",
    "Window",
    "calendar",
    "check",
    "eligibility",
    "errors",
    "findings",
    "ids",
    "messages",
    "organization",
    "ranks",
    "retreat",
    "roster",
    "samples",
    "serialization",
    "validate",
    "validation",
    "validators",
    "values",
]
