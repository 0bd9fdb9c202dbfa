"""Tests for the bilingual message catalogue and that every code used in src/ is in it."""

from __future__ import annotations

import ast
import re
import string

from pathlib import Path

import pytest

import birokrasi_retreat

from birokrasi_retreat import errors, messages
from birokrasi_retreat.findings import Finding, Severity


SRC = Path(birokrasi_retreat.__file__).parent
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\Z|[A-Z]{3}[0-9]{3}\Z")
ERROR_NAMES = {name for name in errors.__all__ if name[0].isupper()}


def _codes_used_in_source() -> set[str]:
    """Every string literal passed as the code of an error or a Finding in src/."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ERROR_NAMES and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
            for keyword in node.keywords:
                if (
                    name == "Finding"
                    and keyword.arg == "code"
                    and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)
                ):
                    found.add(keyword.value.value)
    return found


class TestCatalogue:
    def test_every_code_has_both_languages(self) -> None:
        """Every catalogue entry has a non-empty Indonesian and English template."""
        table = messages.catalogue()
        assert table
        for code, texts in table.items():
            assert set(texts) == {"id", "en"}, code
            assert texts["id"].strip(), code
            assert texts["en"].strip(), code

    def test_codes_are_well_formed(self) -> None:
        """Codes are lowercase dotted names or rule codes like ORG001."""
        for code in messages.catalogue():
            assert CODE.match(code) or code in {"error", "invalid"}, code

    def test_templates_agree_on_fields(self) -> None:
        """Both languages of an entry use the same fields, so neither can fail to render."""
        fmt = string.Formatter()
        for code, texts in messages.catalogue().items():
            fields = {
                lang: {f for _, f, _, _ in fmt.parse(text) if f} for lang, text in texts.items()
            }
            # English may name an English variant of a field (kind_en for kind).
            norm = {
                lang: {f.removesuffix("_en").removesuffix("_id") for f in fs}
                for lang, fs in fields.items()
            }
            assert norm["id"] == norm["en"], code

    def test_every_code_used_in_source_is_catalogued(self) -> None:
        """A code raised or reported anywhere in src/ has an entry (no untranslated errors)."""
        used = _codes_used_in_source()
        assert used, "the scan found no codes: the scanner is broken"
        missing = sorted(used - set(messages.catalogue()))
        assert missing == []

    def test_unknown_code_renders_as_itself(self) -> None:
        """An unknown code renders as the code instead of raising."""
        assert messages.render("nope.nope", "en") == "nope.nope"

    def test_languages_constant(self) -> None:
        """Indonesian is the first (default) language."""
        assert messages.LANGUAGES == ("id", "en")


class TestCatalogueFiles:
    def test_duplicate_code_is_a_packaging_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Two files defining one code fail loudly instead of one silently winning."""
        folder = tmp_path / "birokrasi_retreat" / "data" / "messages"
        folder.mkdir(parents=True)
        entry = '["x.y"]\nid = "a"\nen = "b"\n'
        (folder / "a.toml").write_text(entry, encoding="utf-8")
        (folder / "b.toml").write_text(entry, encoding="utf-8")
        (folder / "README.txt").write_text("ignored", encoding="utf-8")
        monkeypatch.setattr(
            "importlib.resources.files", lambda _pkg: tmp_path / "birokrasi_retreat"
        )
        messages.catalogue.cache_clear()
        try:
            with pytest.raises(RuntimeError, match="defined twice"):
                messages.catalogue()
        finally:
            messages.catalogue.cache_clear()

    def test_missing_language_is_a_packaging_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An entry without English (or Indonesian) fails loudly."""
        folder = tmp_path / "birokrasi_retreat" / "data" / "messages"
        folder.mkdir(parents=True)
        (folder / "a.toml").write_text('["x.y"]\nid = "a"\n', encoding="utf-8")
        monkeypatch.setattr(
            "importlib.resources.files", lambda _pkg: tmp_path / "birokrasi_retreat"
        )
        messages.catalogue.cache_clear()
        try:
            with pytest.raises(RuntimeError, match="needs exactly"):
                messages.catalogue()
        finally:
            messages.catalogue.cache_clear()


def test_finding_codes_render() -> None:
    """A finding renders from the same catalogue as errors."""
    finding = Finding(code="invalid.group", severity=Severity.ERROR, params={"count": 3})
    assert finding.message("en") == "3 validation errors were found."


class TestRegister:
    def test_register_render_unregister(self) -> None:
        """A code of the user's own gets a bilingual message until it is unregistered."""
        messages.register("USR001", indonesian="Unit {unit}.", english="Unit {unit}!")
        try:
            assert "Unit Kadia!" == messages.render("USR001", "en", {"unit": "Kadia"})
            assert "Unit Kadia." == messages.render("USR001", "id", {"unit": "Kadia"})
        finally:
            messages.unregister("USR001")
        assert "USR001" == messages.render("USR001", "en")

    def test_library_codes_cannot_be_replaced(self) -> None:
        """Registering a library code, or one code twice, is refused."""
        with pytest.raises(ValueError, match="already has a message"):
            messages.register("nip.length", indonesian="a", english="b")
        messages.register("USR002", indonesian="a", english="b")
        try:
            with pytest.raises(ValueError, match="already has a message"):
                messages.register("USR002", indonesian="a", english="b")
        finally:
            messages.unregister("USR002")

    def test_unregister_unknown(self) -> None:
        """Unregistering a code that was never registered is a KeyError."""
        with pytest.raises(KeyError):
            messages.unregister("USR003")
