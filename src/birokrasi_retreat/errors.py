"""Errors: the whole exception hierarchy of birokrasi-retreat.

Every exception the library raises derives from `BirokrasiRetreatError`, and every leaf
also derives from the matching builtin (`ValueError`, `LookupError`), so that generic
handlers keep working. Each error carries:

* ``code``: a stable, documented code (``"nip.length"``, ``"data.extra_key"``...);
* ``path``: where in the input the problem sits (``"sessions[2].start"``, empty at the top);
* ``params``: the values its message is rendered from (never a whole NIP or NIK);
* ``message(lang)``: the text in Indonesian (``"id"``, the default) or English (``"en"``),
  rendered from the catalogue in `birokrasi_retreat.messages`.

Many problems found at once travel as one `ValidationErrorGroup` (an `ExceptionGroup`)
whose members each carry their own path; `explain` flattens it into readable lines.

Examples:
    >>> from birokrasi_retreat.errors import InvalidFormat, ValidationErrorGroup, explain
    >>> err = InvalidFormat("data.type", path="sessions[2].start", expected="string", got="int")
    >>> err.code, err.path
    ('data.type', 'sessions[2].start')
    >>> err.message("en")
    'Expected a value of type string, got int.'
    >>> missing = InvalidFormat("data.missing_key", path="title")
    >>> group = ValidationErrorGroup("2 errors", [err, missing])
    >>> for line in explain(group, lang="en"):
    ...     print(line)
    Expected a value of type string, got int. @ $.sessions[2].start
    This field is required but missing. @ $.title
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from birokrasi_retreat.messages import Lang, render


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence


__all__ = [
    "BirokrasiRetreatError",
    "FileAccessError",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidType",
    "PolicyViolationError",
    "ScoringError",
    "UnknownReferenceError",
    "ValidationError",
    "ValidationErrorGroup",
    "explain",
    "join_path",
]


def join_path(prefix: str, path: str) -> str:
    """Join two path fragments the way the library writes input paths.

    Args:
        prefix: The outer part, e.g. ``"sessions[2]"``.
        path: The inner part, e.g. ``"start"`` or ``"[0]"``.

    Returns:
        The joined path.

    Examples:
        >>> join_path("sessions[2]", "start")
        'sessions[2].start'
        >>> join_path("sessions", "[2]")
        'sessions[2]'
        >>> join_path("", "title")
        'title'
    """
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def _jsonpath(path: str) -> str:
    return "$" + path if path.startswith("[") else "$." + path


class BirokrasiRetreatError(Exception):
    """Root of every exception birokrasi-retreat raises; never raised itself.

    Args:
        code: The stable message code; defaults to the class's ``default_code``.
        path: Where in the input the problem is (``""`` for the value itself).
        **params: Values for the message template.

    Attributes:
        code: The stable message code.
        path: Where in the input the problem is.
        params: The values the message is rendered from.

    Added in version 0.1.

    Examples:
        >>> issubclass(ValidationError, BirokrasiRetreatError)
        True
    """

    default_code: ClassVar[str] = "error"

    code: str
    path: str
    params: Mapping[str, object]

    def __init__(self, code: str | None = None, /, *, path: str = "", **params: object) -> None:
        self.code = code if code is not None else self.default_code
        self.path = path
        self.params = params
        super().__init__(self.code)

    def message(self, lang: Lang = "id") -> str:
        """Return the message in ``lang`` (Indonesian by default).

        Examples:
            >>> ValidationError().message("en")
            'The value is invalid.'
        """
        return render(self.code, lang, self.params)

    def at(self, prefix: str) -> Self:
        """Return a copy of this error whose path sits under ``prefix``.

        Examples:
            >>> InvalidFormat("data.type", path="start", expected="string", got="int").at(
            ...     "sessions[0]"
            ... ).path
            'sessions[0].start'
        """
        clone = self._clone(join_path(prefix, self.path))
        clone.__cause__ = self.__cause__
        return clone

    def _clone(self, path: str) -> Self:
        return type(self)(self.code, path=path, **self.params)

    def __str__(self) -> str:
        text = f"{self.message('en')} [{self.code}]"
        if self.path:
            text += f" @ {_jsonpath(self.path)}"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, path={self.path!r})"

    def __reduce__(self) -> tuple[Callable[..., BirokrasiRetreatError], tuple[Any, ...]]:
        return (_rebuild, (type(self), self.code, self.path, dict(self.params)))


def _rebuild(
    cls: type[BirokrasiRetreatError], code: str, path: str, params: dict[str, object]
) -> BirokrasiRetreatError:
    return cls(code, path=path, **params)


class ValidationError(BirokrasiRetreatError, ValueError):
    """A value or document is invalid: it cannot exist as given.

    Added in version 0.1.

    Examples:
        >>> isinstance(ValidationError(), ValueError)
        True
    """

    default_code = "invalid"


class InvalidFormat(ValidationError):
    """The value has the wrong characters or structure (letters in a NIP, a bad dotting).

    Added in version 0.1.

    Examples:
        >>> InvalidFormat("data.missing_key", path="title").message("en")
        'This field is required but missing.'
    """


class InvalidLength(InvalidFormat):
    """The value has the wrong number of characters or digits.

    Added in version 0.1.

    Examples:
        >>> issubclass(InvalidLength, InvalidFormat)
        True
    """


class InvalidComponent(ValidationError):
    """A part of the value is impossible (30 February, month 13, sex digit 3...).

    Added in version 0.1.

    Examples:
        >>> issubclass(InvalidComponent, ValueError)
        True
    """


class InvalidType(ValidationError, TypeError):
    """Input data has the wrong type (a number where a string belongs, a naive datetime...).

    It is also a `TypeError`, so both ``except ValueError`` and ``except TypeError``
    handlers catch it.

    Added in version 0.1.

    Examples:
        >>> err = InvalidType("data.type", expected="string", got="int")
        >>> isinstance(err, TypeError), isinstance(err, ValueError)
        (True, True)
    """


class PolicyViolationError(ValidationError):
    """A business rule across objects is broken (raised by ``validate`` for error findings).

    Added in version 0.1.

    Examples:
        >>> issubclass(PolicyViolationError, ValidationError)
        True
    """


class UnknownReferenceError(BirokrasiRetreatError, LookupError):
    """A code or identifier is not in the table or collection it must come from.

    Added in version 0.1.

    Examples:
        >>> err = UnknownReferenceError(
        ...     "reference.unknown", kind="golongan", kind_en="golongan", value="V/a"
        ... )
        >>> err.message("id")
        'golongan tidak dikenal: V/a.'
        >>> isinstance(err, LookupError)
        True
    """

    default_code = "reference.unknown"


class FileAccessError(BirokrasiRetreatError, OSError):
    """A document file cannot be read or written (missing, unreadable, a directory...).

    It is also an `OSError`, so generic file-error handlers catch it. The message names
    the file and the operating system's reason.

    Added in version 0.1.

    Examples:
        >>> err = FileAccessError("io.read", file="roster.toml", reason="No such file or directory")
        >>> isinstance(err, OSError), err.code
        (True, 'io.read')
    """

    default_code = "io.read"


class ScoringError(BirokrasiRetreatError, ValueError):
    """A score cannot be computed from the given rubric and responses.

    Added in version 0.1.

    Examples:
        >>> err = ScoringError(
        ...     "scoring.invalid", reason_id="tidak ada jawaban", reason_en="no answers"
        ... )
        >>> err.message("en")
        'The score cannot be computed: no answers.'
    """

    default_code = "scoring.invalid"


class ValidationErrorGroup(ExceptionGroup[BirokrasiRetreatError], BirokrasiRetreatError):
    """Several errors found at once, each member carrying its own path.

    It is an `ExceptionGroup`, so ``except*`` works, and a `BirokrasiRetreatError`, so a
    single ``except BirokrasiRetreatError`` catches everything the library raises.
    ``message(lang)`` gives a bilingual summary; the standard ``str()`` gives the summary
    and the count, and `explain` lists every member with its path.

    Args:
        summary: A short English summary (the `ExceptionGroup` message).
        errors: The member errors; at least one.
        path: The path of the whole group, if it is nested.

    Added in version 0.1.

    Examples:
        >>> group = ValidationErrorGroup("bad", [ValidationError(path="a")])
        >>> group.message("id")
        'Ditemukan 1 kesalahan validasi.'
        >>> [e.path for e in group.exceptions]
        ['a']
        >>> [e.path for e in group.at("sessions[1]").leaves()]
        ['sessions[1].a']
    """

    default_code = "invalid.group"

    def __new__(
        cls, summary: str, errors: Sequence[BirokrasiRetreatError], /, *, path: str = ""
    ) -> Self:
        """Create the group (``ExceptionGroup`` builds its members in ``__new__``)."""
        del path
        return super().__new__(cls, summary, errors)

    def __init__(
        self, summary: str, errors: Sequence[BirokrasiRetreatError], /, *, path: str = ""
    ) -> None:
        ExceptionGroup.__init__(self, summary, errors)
        self.code = self.default_code
        self.path = path
        self.params = {"count": len(self.exceptions)}

    # ExceptionGroup defines ``message`` as the summary string; our contract makes it
    # the bilingual renderer, as on every other error. The summary stays in ``args[0]``.
    def message(self, lang: Lang = "id") -> str:  # type: ignore[override]
        """Return the bilingual summary (the members speak for themselves).

        Examples:
            >>> ValidationErrorGroup("x", [ValidationError()]).message("en")
            '1 validation errors were found.'
        """
        return render(self.code, lang, self.params)

    def derive(  # type: ignore[override]
        self, excs: Sequence[BirokrasiRetreatError]
    ) -> ValidationErrorGroup:
        """Build a group of the same kind from ``excs`` (used by ``split``/``subgroup``)."""
        return ValidationErrorGroup(str(self.args[0]), excs, path=self.path)

    @property
    def members(self) -> tuple[BirokrasiRetreatError, ...]:
        """The direct members (``exceptions``), typed as library errors.

        Examples:
            >>> [e.code for e in ValidationErrorGroup("x", [ValidationError()]).members]
            ['invalid']
        """
        return cast("tuple[BirokrasiRetreatError, ...]", self.exceptions)

    def _clone(self, path: str) -> Self:
        return type(self)(str(self.args[0]), list(self.members), path=path)

    def __str__(self) -> str:
        return ExceptionGroup.__str__(self)

    def __reduce__(self) -> tuple[Callable[..., BirokrasiRetreatError], tuple[Any, ...]]:
        return (_rebuild_group, (type(self), str(self.args[0]), list(self.members), self.path))

    def leaves(self) -> Iterator[BirokrasiRetreatError]:
        """Yield every non-group member, depth first, with paths resolved.

        Examples:
            >>> inner = ValidationErrorGroup("i", [ValidationError(path="b")], path="a")
            >>> [e.path for e in ValidationErrorGroup("o", [inner]).leaves()]
            ['a.b']
        """
        for error in self.members:
            if isinstance(error, ValidationErrorGroup):
                yield from (leaf.at(self.path) for leaf in error.leaves())
            else:
                yield error.at(self.path)


def _rebuild_group(
    cls: type[ValidationErrorGroup],
    summary: str,
    errors: list[BirokrasiRetreatError],
    path: str,
) -> ValidationErrorGroup:
    return cls(summary, errors, path=path)


def explain(error: BirokrasiRetreatError, *, lang: Lang = "id") -> list[str]:
    """Render an error, or every member of a group, as ``"<message> @ $.<path>"`` lines.

    Args:
        error: Any error the library raised.
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        One line per leaf error; a line has no ``@`` part when the path is empty.

    Examples:
        >>> explain(InvalidFormat("data.missing_key", path="title"), lang="id")
        ['Bidang ini wajib diisi tetapi tidak ada. @ $.title']
    """
    leaves = error.leaves() if isinstance(error, ValidationErrorGroup) else iter((error,))
    lines = []
    for leaf in leaves:
        text = leaf.message(lang)
        lines.append(f"{text} @ {_jsonpath(leaf.path)}" if leaf.path else text)
    return lines
