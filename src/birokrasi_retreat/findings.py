"""Findings: what a check reports, with a stable code, a severity and a bilingual message.

A `Finding` is the unit of every report the library produces. Identifier modules
return findings for plausibility checks (a NIP whose TMT CPNS falls before the 18th
birthday); the validation engine returns them for rules across objects. A finding is
data, not an exception: it is collected, filtered and rendered, and only
``validate(...)`` turns error-level findings into a raised `ValidationErrorGroup`.

Examples:
    >>> from birokrasi_retreat.findings import Finding, Severity
    >>> f = Finding(code="invalid", severity=Severity.WARNING, path="officials[0].nip")
    >>> f.message("en")
    'The value is invalid.'
    >>> Severity.ERROR > Severity.WARNING > Severity.INFO
    True
"""

from __future__ import annotations

import enum

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from birokrasi_retreat.messages import Lang, render


__all__ = ["Finding", "Severity"]

_RANK = {"info": 0, "warning": 1, "error": 2}


class Severity(enum.StrEnum):
    """How serious a finding is; ordered ``INFO < WARNING < ERROR``.

    Examples:
        >>> max(Severity.INFO, Severity.ERROR)
        <Severity.ERROR: 'error'>
    """

    # Something worth knowing; nothing to fix.
    INFO = "info"
    # Probably wrong or against good practice; a person should look.
    WARNING = "warning"
    # Wrong: the data cannot be right as given.
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error.

        Examples:
            >>> Severity.WARNING.rank
            1
        """
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank >= other.rank
        return NotImplemented


def _freeze(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen(kw_only=True)
class Finding:
    """One problem or observation reported by a check.

    Attributes:
        code: The stable code of the rule or check (``"ORG005"``, ``"nip.tmt_before_18"``).
        severity: How serious it is.
        path: Where in the checked object or document it is (``"appointments[3].start"``).
        params: The values the message is rendered from (never a whole NIP or NIK).
        subjects: Identifiers of the objects involved (masked where personal).
        source: The regulation or reason behind the rule.

    Examples:
        >>> Finding(code="invalid", severity=Severity.ERROR).message("id")
        'Nilai tidak valid.'
    """

    code: str
    severity: Severity
    path: str = ""
    params: Mapping[str, object] = attrs.field(
        factory=dict, converter=_freeze, hash=False, repr=False
    )
    subjects: tuple[str, ...] = ()
    source: str = ""

    def message(self, lang: Lang = "id") -> str:
        """Return the message in ``lang`` (Indonesian by default).

        Examples:
            >>> Finding(code="invalid", severity=Severity.INFO).message("en")
            'The value is invalid.'
        """
        return render(self.code, lang, self.params)
