"""birokrasi-retreat: typed models, validation, scoring and serialization for retret ASN.

The retreats (*retret ASN*) that an Indonesian city government (Pemkot) holds for its
officials, modelled end to end: identifiers (NIP, kode wilayah), ranks (golongan,
eselon), strict serialization, the government roster, retreat programmes with their
calendar, the validation rules and bundled samples, evaluation rubrics and scoring,
and the follow-up after a retreat (commitments, monitoring visits, the four-level
evaluation).

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

import importlib as _importlib

from typing import TYPE_CHECKING

from birokrasi_retreat import (
    _deprecation,
    errors,
    findings,
    ids,
    messages,
    organization,
    ranks,
    retreat,
    roster,
    rubric,
    serialization,
    survey,
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
from birokrasi_retreat.rubric import (
    Aggregation,
    Band,
    Criterion,
    Descriptor,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    ScaleLabel,
    SubjectKind,
)
from birokrasi_retreat.survey import Survey
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from birokrasi_retreat import (
        calendar,
        eligibility,
        followup,
        notebook,
        rubrics,
        samples,
        scoring,
        validation,
    )
    from birokrasi_retreat.followup import (
        Commitment,
        CommitmentStatus,
        Direction,
        FollowUp,
        Judgement,
        MonitoringVisit,
        Review,
        StatusChange,
        UnitIndicator,
    )
    from birokrasi_retreat.validation import RULES, Report, check, validate

    # Deprecated: the old name of `Descriptor`, for type checkers (`__getattr__` warns).
    Level = Descriptor

# Imported on first use (PEP 562), so that `import birokrasi_retreat` builds only the
# model layer: the rules, calendar, samples, scoring and follow-up evaluation define
# some 50 classes whose creation took 40 ms of a 170 ms import (docs/explanation/
# architecture.md, "A light import"). Name -> the submodule it lives in (None: the name
# is the submodule).
_LAZY: dict[str, str | None] = {
    "calendar": None,
    "eligibility": None,
    "followup": None,
    "notebook": None,
    "rubrics": None,
    "samples": None,
    "scoring": None,
    "validation": None,
    "Commitment": "followup",
    "CommitmentStatus": "followup",
    "Direction": "followup",
    "FollowUp": "followup",
    "Judgement": "followup",
    "MonitoringVisit": "followup",
    "Review": "followup",
    "StatusChange": "followup",
    "UnitIndicator": "followup",
    "RULES": "validation",
    "Report": "validation",
    "check": "validation",
    "validate": "validation",
}


__all__ = [
    "Aggregation",
    "Appointment",
    "AppointmentKind",
    "AsnType",
    "Band",
    "BerAkhlak",
    "BirokrasiRetreatError",
    "Commitment",
    "CommitmentStatus",
    "Criterion",
    "Descriptor",
    "Direction",
    "Eligibility",
    "Enrollment",
    "EnrollmentStatus",
    "Eselon",
    "FileAccessError",
    "Finding",
    "FollowUp",
    "FunctionalLevel",
    "Golongan",
    "GolonganFit",
    "Holding",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidType",
    "Judgement",
    "Kecamatan",
    "Kelurahan",
    "MonitoringVisit",
    "Normalisation",
    "Official",
    "Pemda",
    "PemdaKind",
    "PerangkatDaerah",
    "Phase",
    "PolicyViolationError",
    "Position",
    "PositionFamily",
    "RULES",
    "Report",
    "Response",
    "Retreat",
    "RetreatStatus",
    "Review",
    "Room",
    "Roster",
    "Rubric",
    "Scale",
    "ScaleLabel",
    "ScoringError",
    "Session",
    "SessionKind",
    "Severity",
    "Sex",
    "Speaker",
    "SpeakerLevel",
    "StatusChange",
    "SubjectKind",
    "Survey",
    "UnitIndicator",
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
    "followup",
    "ids",
    "messages",
    "notebook",
    "organization",
    "ranks",
    "retreat",
    "roster",
    "rubric",
    "rubrics",
    "samples",
    "scoring",
    "serialization",
    "survey",
    "validate",
    "validation",
    "validators",
    "values",
]


def __getattr__(name: str) -> object:
    """Import a lazily loaded public name on first use (PEP 562).

    The deprecated name ``Level`` (now `Descriptor`, the rubric's level descriptor)
    resolves with a `DeprecationWarning` and is never cached, so each use warns.

    Examples:
        >>> import warnings
        >>> import birokrasi_retreat as br
        >>> br.samples.names()
        ('bandung', 'kendari', 'malang')
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     old = br.Level
        >>> old is br.Descriptor, caught[0].category.__name__
        (True, 'DeprecationWarning')
        >>> br.no_such_name
        Traceback (most recent call last):
        ...
        AttributeError: module 'birokrasi_retreat' has no attribute 'no_such_name'
    """
    if name == "Level":
        _deprecation.warn_renamed(__name__, "Level", "Descriptor")
        return Descriptor
    try:
        home = _LAZY[name]
    except KeyError:
        # The module protocol (PEP 562): a missing attribute is an AttributeError.
        message = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(message) from None
    module = _importlib.import_module(f"{__name__}.{home or name}")
    value = module if home is None else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's public names (its ``__all__``, lazily loaded ones included).

    Examples:
        >>> import birokrasi_retreat as br
        >>> "check" in dir(br), "samples" in dir(br)
        (True, True)
    """
    return sorted({*__all__, *(name for name in globals() if name.startswith("_"))})
