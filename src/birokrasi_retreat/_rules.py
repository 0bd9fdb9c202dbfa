"""The rule engine: a registry of rules across objects, run by `check` into a `Report`."""

from __future__ import annotations

import re

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import attrs
import pendulum

from birokrasi_retreat import messages
from birokrasi_retreat.errors import (
    InvalidType,
    PolicyViolationError,
    UnknownReferenceError,
    ValidationErrorGroup,
)
from birokrasi_retreat.findings import Finding, Severity


if TYPE_CHECKING:
    from birokrasi_retreat.messages import Lang


_T = TypeVar("_T")

__all__ = ["RULES", "Context", "Hit", "Report", "Rule", "check", "rule", "unregister", "validate"]


@attrs.frozen(kw_only=True)
class Hit:
    """What a rule function yields: one occurrence, before the engine adds code and severity.

    Attributes:
        path: Where in the checked object (``"kelurahan[3].kode"``).
        params: Values for the rule's message (never a whole NIP or NIK).
        subjects: Identifiers of the objects involved (masked where personal).
        severity: Overrides the rule's default severity for this occurrence (a rule whose
            seriousness depends on the case, such as ORG008), or None.

    Examples:
        >>> Hit(path="positions[0]", params={"title": "Camat"}).severity is None
        True
    """

    path: str = ""
    params: Mapping[str, object] = attrs.field(factory=dict)
    subjects: tuple[str, ...] = ()
    severity: Severity | None = None


@attrs.frozen(kw_only=True)
class Context:
    """What a rule function receives beside the object: the reference date and options.

    Attributes:
        on: The date the check is made for (None: date-dependent rules stay silent).
        options: Rule options given to `check` (e.g. a custom retirement-age table).

    Examples:
        >>> Context(on=pendulum.Date(2025, 5, 15)).on.year
        2025
    """

    on: pendulum.Date | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict)
    _shared: dict[Hashable, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def shared(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """A value computed once per `check` and shared by the rules that need it.

        `check` gives every rule of one run the same context, so rules that derive the
        same data from the checked object (an index of appointments by post, the
        eligibility decisions of a retreat, the decoded NIPs) compute it once: the
        first rule to ask calls ``compute``, the others get its result. The value
        must not be changed by the rules that read it. Keys are free; the built-in
        rules use strings that start with their area (``"org.by_position"``).

        Examples:
            >>> ctx = Context()
            >>> calls = []
            >>> def expensive():
            ...     calls.append(1)
            ...     return 42
            >>> ctx.shared("answer", expensive), ctx.shared("answer", expensive), len(calls)
            (42, 42, 1)
        """
        try:
            return cast("_T", self._shared[key])
        except KeyError:
            value = self._shared[key] = compute()
            return value


RuleFunction = Callable[[Any, Context], Iterable[Hit]]


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: its code, default severity, what it checks and why.

    Attributes:
        code: The stable, public code (``"ORG005"``).
        severity: The default severity of its findings.
        applies_to: The type of object it checks (``Roster``).
        title_id: A short title in Indonesian.
        title_en: A short title in English.
        rationale: Why the rule exists, in English.
        source: The regulation or reason behind it.
        function: The function yielding `Hit` values.

    Examples:
        >>> sorted(RULES) == sorted(r.code for r in RULES.values())
        True
    """

    code: str
    severity: Severity
    applies_to: type
    title_id: str
    title_en: str
    rationale: str
    source: str
    function: RuleFunction = attrs.field(repr=False)

    def title(self, lang: Lang = "id") -> str:
        """The rule's short title in ``lang``.

        Examples:
            >>> from birokrasi_retreat.validation import RULES  # with the library's rules
            >>> RULES["ORG001"].title("en")
            "Kecamatan code outside its Pemda's code"
            >>> RULES["ORG001"].title()
            'Kode kecamatan di luar kode Pemda'
        """
        return self.title_id if lang == "id" else self.title_en


_REGISTRY: dict[str, Rule] = {}
# Rules registered with a message of their own (removed with the rule).
_WITH_MESSAGES: set[str] = set()

RULES: Final[Mapping[str, Rule]] = MappingProxyType(_REGISTRY)
"""Every registered rule, by code (read-only)."""


def rule(
    code: str,
    *,
    severity: Severity,
    applies_to: type,
    title_id: str,
    title_en: str,
    rationale: str,
    source: str,
    message_id: str | None = None,
    message_en: str | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``code`` (a decorator).

    Args:
        code: The stable rule code; registering it twice is an error.
        severity: The default severity.
        applies_to: The type of object the rule checks.
        title_id: Short Indonesian title.
        title_en: Short English title.
        rationale: Why the rule exists.
        source: The regulation or reason behind it.
        message_id: For a rule of your own: the Indonesian message template of its
            findings (the library's rules have theirs in the catalogue).
        message_en: The English message template, given together with ``message_id``.

    Returns:
        A decorator returning the function unchanged.

    Raises:
        ValueError: If ``code`` is already registered (a programming error).

    Examples:
        >>> @rule("TST002", severity=Severity.WARNING, applies_to=int, title_id="Angka negatif",
        ...       title_en="Negative number", rationale="r", source="s",
        ...       message_id="{value} negatif", message_en="{value} is negative")
        ... def _negative(obj, ctx):
        ...     return [Hit(params={"value": obj})] if obj < 0 else []
        >>> RULES["TST002"].severity, RULES["TST002"].title("en")
        (<Severity.WARNING: 'warning'>, 'Negative number')
        >>> unregister("TST002")
    """

    def register(function: RuleFunction) -> RuleFunction:
        if code in _REGISTRY:
            msg = f"rule {code} is registered twice"
            raise ValueError(msg)
        if (message_id is None) is not (message_en is None):
            msg = f"rule {code}: give both message_id and message_en, or neither"
            raise ValueError(msg)
        if message_id is not None and message_en is not None:
            messages.register(code, indonesian=message_id, english=message_en)
            _WITH_MESSAGES.add(code)
        _REGISTRY[code] = Rule(
            code=code,
            severity=severity,
            applies_to=applies_to,
            title_id=title_id,
            title_en=title_en,
            rationale=rationale,
            source=source,
            function=function,
        )
        return function

    return register


def unregister(code: str) -> None:
    """Remove a rule (and the message registered with it), e.g. after a test.

    Raises:
        UnknownReferenceError: ``code`` is not a registered rule.

    Examples:
        >>> @rule("TST001", severity=Severity.INFO, applies_to=int, title_id="t",
        ...       title_en="t", rationale="r", source="s", message_id="m", message_en="m")
        ... def _never(obj, ctx):
        ...     return ()
        >>> unregister("TST001")
        >>> "TST001" in RULES
        False
    """
    if code not in _REGISTRY:
        raise UnknownReferenceError(
            "reference.unknown", kind="kode aturan", kind_en="rule code", value=code
        )
    del _REGISTRY[code]
    if code in _WITH_MESSAGES:
        _WITH_MESSAGES.discard(code)
        messages.unregister(code)


def _codes(value: Iterable[str] | None, name: str) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidType("data.type", path=name, expected="collection of rule codes", got="string")
    codes = frozenset(value)
    unknown = sorted(codes - set(_REGISTRY))
    if unknown:
        raise UnknownReferenceError(
            "reference.unknown",
            path=name,
            kind="kode aturan",
            kind_en="rule code",
            value=", ".join(unknown),
        )
    return codes


_DIGITS: Final = re.compile(r"([0-9]+)")
_SEVERITY_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=_sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """The findings of a check, sorted by severity (errors first), then code and path.

    Attributes:
        findings: Every finding, in report order.

    Examples:
        >>> report = Report(findings=(Finding(code="invalid", severity=Severity.WARNING),))
        >>> report.ok, len(report.warnings), len(report)
        (True, 1, 1)
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted_findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings.

        Examples:
            >>> Report(findings=()).errors
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning-level findings.

        Examples:
            >>> Report(findings=()).warnings
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The info-level findings.

        Examples:
            >>> Report(findings=()).infos
            ()
        """
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when no finding is an error.

        Examples:
            >>> Report(findings=(Finding(code="invalid", severity=Severity.ERROR),)).ok
            False
        """
        return not self.errors

    def filter(
        self,
        *,
        codes: Iterable[str] | None = None,
        min_severity: Severity = Severity.INFO,
        path_prefix: str = "",
    ) -> Report:
        """Return a report with only the matching findings.

        Args:
            codes: Keep only these codes (None: all).
            min_severity: Keep findings at least this severe.
            path_prefix: Keep findings whose path starts with this.

        Returns:
            A new report.

        Examples:
            >>> r = Report(findings=(Finding(code="invalid", severity=Severity.INFO),))
            >>> len(r.filter(min_severity=Severity.WARNING))
            0
        """
        wanted = None if codes is None else frozenset(codes)
        return Report(
            findings=tuple(
                f
                for f in self.findings
                if (wanted is None or f.code in wanted)
                and f.severity >= min_severity
                and f.path.startswith(path_prefix)
            )
        )

    def counts(self) -> dict[str, int]:
        """Count findings per severity: ``{"error": n, "warning": n, "info": n}``.

        Examples:
            >>> Report(findings=()).counts()
            {'error': 0, 'warning': 0, 'info': 0}
        """
        return {
            "error": len(self.errors),
            "warning": len(self.warnings),
            "info": len(self.infos),
        }

    def raise_for_errors(self) -> None:
        """Raise a `ValidationErrorGroup` of `PolicyViolationError` if any finding is an error.

        Raises:
            ValidationErrorGroup: Members carry the finding's code, path and params.

        Examples:
            >>> Report(findings=()).raise_for_errors()
        """
        errors = self.errors
        if errors:
            summary = f"{len(errors)} rule violations"
            raise ValidationErrorGroup(
                summary,
                [PolicyViolationError(f.code, path=f.path, **f.params) for f in errors],
            )

    def to_dict(self, *, lang: Lang = "id") -> dict[str, Any]:
        """A plain, JSON-ready dict for services: counts and every finding with its message.

        Examples:
            >>> Report(findings=()).to_dict()
            {'ok': True, 'counts': {'error': 0, 'warning': 0, 'info': 0}, 'findings': []}
        """
        return {
            "ok": self.ok,
            "counts": self.counts(),
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "path": f.path,
                    "message": f.message(lang),
                    "subjects": list(f.subjects),
                    "source": f.source,
                }
                for f in self.findings
            ],
        }

    def to_text(self, *, lang: Lang = "id") -> str:
        """A readable, terminal-friendly rendering.

        Examples:
            >>> bad = Finding(code="invalid", severity=Severity.ERROR, path="a")
            >>> print(Report(findings=(bad,)).to_text(lang="en"))
            1 error, 0 warnings, 0 info
            ERROR   invalid  The value is invalid. @ a
        """
        counts = self.counts()
        lines = [_summary(counts, lang)]
        for f in self.findings:
            where = f" @ {f.path}" if f.path else ""
            lines.append(f"{f.severity.value.upper():<8}{f.code}  {f.message(lang)}{where}")
        return "\n".join(lines)

    def to_markdown(self, *, lang: Lang = "id") -> str:
        """A Markdown table for documents and notebooks.

        Examples:
            >>> print(Report(findings=()).to_markdown(lang="en"))
            **0 errors, 0 warnings, 0 info**
        """
        counts = self.counts()
        lines = [f"**{_summary(counts, lang)}**"]
        if self.findings:
            head = (
                ("Tingkat", "Kode", "Pesan", "Lokasi")
                if lang == "id"
                else ("Severity", "Code", "Message", "Path")
            )
            lines += ["", f"| {' | '.join(head)} |", "|---|---|---|---|"]
            for f in self.findings:
                message = f.message(lang).replace("|", "\\|")
                lines.append(f"| {f.severity.value} | `{f.code}` | {message} | `{f.path}` |")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        """The Markdown table in Indonesian: how Jupyter and other notebooks show a report.

        Examples:
            >>> Report(findings=())._repr_markdown_()
            '**0 galat, 0 peringatan, 0 info**'
        """
        return self.to_markdown()


def _summary(counts: Mapping[str, int], lang: Lang) -> str:
    if lang == "id":
        return f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info"
    plural = {n: "" if counts[n] == 1 else "s" for n in ("error", "warning")}
    return (
        f"{counts['error']} error{plural['error']}, "
        f"{counts['warning']} warning{plural['warning']}, {counts['info']} info"
    )


def _sort_key(finding: Finding) -> tuple[int, str, tuple[tuple[int, str], ...]]:
    # Paths sort naturally: positions[9] before positions[31].
    parts = tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in _DIGITS.split(finding.path)
    )
    return (_SEVERITY_ORDER[finding.severity], finding.code, parts)


def severity_map(value: Mapping[str, Severity] | None) -> Mapping[str, Severity]:
    """``severities=`` checked: every code a rule, every value a `Severity` (None: empty).

    Examples:
        >>> severity_map(None)
        {}
    """
    if value is None:
        return {}
    _codes(value.keys(), "severities")
    for code, severity in value.items():
        if not isinstance(severity, Severity):
            raise InvalidType(
                "data.type",
                path=f"severities[{code!r}]",
                expected="Severity",
                got=type(severity).__name__,
            )
    return value


def check(
    obj: object,
    *,
    on: pendulum.Date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    options: Mapping[str, Any] | None = None,
) -> Report:
    """Run every rule that applies to ``obj`` and return the report (never raises for findings).

    Args:
        obj: The object to check (a `Roster`, ...).
        on: The reference date for date-dependent rules; None keeps them silent (the
            library never reads the clock).
        select: Run only these rule codes.
        ignore: Skip these rule codes.
        severities: Change the severity of these codes (``{"ORG007": Severity.INFO}``).
        options: Rule options (documented per rule).

    Returns:
        The `Report`.

    Raises:
        UnknownReferenceError: A code in ``select``, ``ignore`` or ``severities`` is not a rule.
        InvalidType: An argument has the wrong type.

    Examples:
        >>> check(object()).ok
        True
    """
    if on is not None and not _is_date(on):
        raise InvalidType("data.type", path="on", expected="pendulum.Date", got=type(on).__name__)
    chosen = _codes(select, "select")
    skipped = _codes(ignore, "ignore") or frozenset()
    overrides = severity_map(severities)
    context = Context(on=on, options=dict(options or {}))
    findings: list[Finding] = []
    for rule_ in _rules_for(type(obj)):
        if (chosen is not None and rule_.code not in chosen) or rule_.code in skipped:
            continue
        findings.extend(_emit(rule_, rule_.function(obj, context), overrides))
    return Report(findings=tuple(findings))


def emit(
    code: str, hits: Iterable[Hit], severities: Mapping[str, Severity] | None = None
) -> Iterator[Finding]:
    """The findings of rule ``code`` for ``hits``: the one place a rule's findings are made.

    `check` and every function that reports a rule's findings outside a check (such as
    `birokrasi_retreat.followup.follow_up_status`, for FUP003 and FUP004) go through it,
    so the rule's severity, its source and a user's ``severities=`` override always
    apply. The severity is the override for ``code`` if any, else the hit's own, else
    the rule's.

    Raises:
        UnknownReferenceError: ``code`` is not a registered rule, or a code in
            ``severities`` is not.
        InvalidType: A severity in ``severities`` is not a `Severity`.

    Examples:
        >>> import birokrasi_retreat.validation  # registers the library's rules
        >>> from birokrasi_retreat._rules import Hit, Severity, emit
        >>> [f.severity for f in emit("ORG007", [Hit(path="positions[0]")])]
        [<Severity.WARNING: 'warning'>]
        >>> [f.severity for f in emit("ORG007", [Hit()], {"ORG007": Severity.INFO})]
        [<Severity.INFO: 'info'>]
    """
    _codes((code,), "code")
    return _emit(_REGISTRY[code], hits, severity_map(severities))


def _emit(rule_: Rule, hits: Iterable[Hit], overrides: Mapping[str, Severity]) -> Iterator[Finding]:
    # `emit` without the checks, for `check`, which has made them once for all rules.
    code = rule_.code
    for hit in hits:
        yield Finding(
            code=code,
            severity=overrides.get(code, hit.severity or rule_.severity),
            path=hit.path,
            params=hit.params,
            subjects=hit.subjects,
            source=rule_.source,
        )


def _is_date(value: object) -> bool:
    # A pendulum.DateTime is a pendulum.Date subclass, but rules compare calendar dates.
    return isinstance(value, pendulum.Date) and not isinstance(value, pendulum.DateTime)


def _rules_for(cls: type) -> list[Rule]:
    ordered = sorted(_REGISTRY.values(), key=lambda r: r.code)
    return [r for r in ordered if issubclass(cls, r.applies_to)]


def validate(
    obj: object,
    *,
    on: pendulum.Date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    options: Mapping[str, Any] | None = None,
) -> Report:
    """Like `check`, but raise when any error-level finding remains.

    Returns:
        The report (only warnings and info), when there is no error.

    Raises:
        ValidationErrorGroup: One `PolicyViolationError` per error finding, with its path.

    Examples:
        >>> validate(object()).ok
        True
    """
    report = check(obj, on=on, select=select, ignore=ignore, severities=severities, options=options)
    report.raise_for_errors()
    return report
