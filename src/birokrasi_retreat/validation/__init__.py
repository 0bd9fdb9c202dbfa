"""Validation: rules across objects, run by `check` into a `Report` of findings.

Invariants of a single object live in its class (an invalid NIP cannot be built). Rules
that relate several objects (a kelurahan whose code lies outside its kecamatan, two
definitive holders of one post, a rank too low for a post) live here: each is a plain
function registered in `RULES` with a stable code (``ORG005``), a default severity, a
bilingual title, a rationale and the regulation behind it. `check` runs every rule that
applies to an object and returns a `Report`; `validate` does the same and raises a
`birokrasi_retreat.errors.ValidationErrorGroup` when an error-level finding remains.

Users choose what runs and how serious it is: ``select=``/``ignore=`` take rule codes,
``severities=`` changes a code's severity, and ``on=`` gives the reference date (the
library never reads the clock; date-dependent rules stay silent without it).

Examples:
    >>> from birokrasi_retreat.validation import check
    >>> check(object()).to_text(lang="en")
    '0 errors, 0 warnings, 0 info'
"""

from birokrasi_retreat._rules import (
    RULES,
    Context,
    Hit,
    Report,
    Rule,
    check,
    rule,
    unregister,
    validate,
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.validation import evaluation as evaluation
from birokrasi_retreat.validation import followup as followup
from birokrasi_retreat.validation import organization as organization
from birokrasi_retreat.validation import retreat as retreat


# Plain sorted() order, which tests/test_public_api.py checks (ruff sorts constants first).
__all__ = [
    "Context",
    "Finding",
    "Hit",
    "RULES",
    "Report",
    "Rule",
    "Severity",
    "check",
    "evaluation",
    "followup",
    "organization",
    "retreat",
    "rule",
    "unregister",
    "validate",
]
