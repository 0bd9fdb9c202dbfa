"""Deprecated names: a module's ``__getattr__`` (PEP 562) that resolves a renamed name.

The compatibility policy keeps a renamed public name working for at least one minor
release, with a `DeprecationWarning` naming its successor on every access. Floor 0: it
imports nothing of the library.
"""

from __future__ import annotations

import warnings

from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def warn_renamed(module: str, old: str, new: str) -> None:
    """Warn that ``module.old`` is deprecated for ``module.new``, at the user's line.

    Called from a module's ``__getattr__``, so the warning points two frames up.

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_renamed("pkg.mod", "Old", "New")
        >>> str(caught[0].message), caught[0].category.__name__
        ('pkg.mod.Old is deprecated; use pkg.mod.New', 'DeprecationWarning')
    """
    warnings.warn(f"{module}.{old} is deprecated; use {module}.{new}", DeprecationWarning, 3)


def renamed(module: str, names: Mapping[str, tuple[str, object]]) -> Callable[[str], object]:
    """A module ``__getattr__`` that resolves each old name of ``names`` with a warning.

    Args:
        module: The module's ``__name__``.
        names: Each deprecated name, mapped to its new name and the object it now is.

    Returns:
        The function to assign to the module's ``__getattr__``: an old name returns its
        object after `warn_renamed`; any other name is an `AttributeError`, as the
        module protocol requires.

    Examples:
        >>> import warnings
        >>> getattr_ = renamed("pkg.mod", {"Old": ("New", 42)})
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     value = getattr_("Old")
        >>> value, caught[0].category.__name__
        (42, 'DeprecationWarning')
        >>> getattr_("missing")
        Traceback (most recent call last):
        ...
        AttributeError: module 'pkg.mod' has no attribute 'missing'
    """

    def __getattr__(name: str) -> object:  # noqa: N807  # the module protocol's name
        if name in names:
            new, value = names[name]
            warn_renamed(module, name, new)
            return value
        message = f"module {module!r} has no attribute {name!r}"
        raise AttributeError(message)

    return __getattr__
