"""Tests that the generated rules reference page (docs/reference/rules.md) is current."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from pathlib import Path
from typing import TYPE_CHECKING

from birokrasi_retreat.validation import RULES


if TYPE_CHECKING:
    from types import ModuleType


ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = ROOT / "docs" / "reference" / "rules.md"
SCRIPT = ROOT / "scripts" / "gen_rules_doc.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rules_doc", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRulesPage:
    def test_page_is_current(self) -> None:
        """docs/reference/rules.md matches the registry (run scripts/gen_rules_doc.py)."""
        assert _script().render() == PAGE.read_text(encoding="utf-8")

    def test_every_rule_is_listed_with_its_metadata(self) -> None:
        """Each registered rule appears with its code, severity, titles, rationale and source."""
        script = _script()
        page = script.render()
        for code, rule in RULES.items():
            assert f"## {code}\n" in page
            assert f"| [`{code}`](#{code.lower()}) | {rule.severity.value} |" in page
            for text in (rule.title_id, rule.title_en):
                assert text in page
            for text in (rule.rationale, rule.source):
                assert script._linked(text) in page

    def test_citations_become_links_to_the_sources_page(self) -> None:
        """Each cited anchor is linked; text around the citation is kept as it is."""
        linked = _script()._linked("Perka BKN 22/2007 (sources: nip-layout, uu-pdp); a note")
        assert linked == (
            "Perka BKN 22/2007 (sources: [nip-layout](../explanation/sources.md#nip-layout), "
            "[uu-pdp](../explanation/sources.md#uu-pdp)); a note"
        )
        assert _script()._linked("no citation here") == "no citation here"

    def test_check_mode_reports_a_current_page(self) -> None:
        """The script's --check mode exits 0 on the committed page."""
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--check"], capture_output=True, check=False
        )
        assert 0 == result.returncode
