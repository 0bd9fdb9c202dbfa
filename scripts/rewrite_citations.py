"""Rewrite "REFERENCE.md §x.y" citations to "sources: anchor" (issue 13, item 1).

Run from the project root: python scripts/rewrite_citations.py [--dry]
Idempotent: a tree without REFERENCE citations is left alone. Prints what it could not map.
"""

from __future__ import annotations

import os
import re
import sys

from pathlib import Path


SECTIONS = {
    "1": "regional-government",
    "1.1": "regional-government",
    "1.2": "perangkat-daerah",
    "1.3": "pemkot-posts",
    "2": "asn-types",
    "2.1": "asn-types",
    "2.2": "position-families",
    "2.3": "eselon-equivalence",
    "2.4": "city-eselon",
    "3": "golongan",
    "3.1": "golongan",
    "3.2": "pangkat-range",
    "4": "nip-layout",
    "4.1": "nip-layout",
    "4.2": "ni-pppk-layout",
    "4.3": "nik",
    "5": "kode-wilayah",
    "5.1": "kode-wilayah",
    "5.2": "kode-wilayah",
    "5.3": "kode-wilayah-cities",
    "5.4": "national-counts",
    "5.5": "national-counts",
    "6": "berakhlak",
    "7": "ikm",
    "8": "lan-training",
    "8.1": "lan-training",
    "8.2": "lan-training",
    "8.3": "lan-predicates",
    "8.4": "aksi-perubahan",
    "9": "kirkpatrick",
    "10": "time-zones",
    "11": "retreats",
    "11.1": "retreats",
    "11.2": "retreats",
    "11.3": "city-retreats",
    "12": "uu-pdp",
    "13": "public-sources",
    "14.1": "retirement-age",
    "14.2": "cpns-age",
    "14.3": "lan-predicates",
    "14.4": "ni-pppk-layout",
    "14.5": "city-eselon",
    "14.6": "time-zones",
    "14.7": "friday-prayer",
    "14.8": "working-hours",
    "15": "hours-and-money",
}

NUM = r"(?:§ ?)?(\d+(?:\.\d+)?)(?!\.\d)"
HEAD = re.compile(
    r"REFERENCE(?:\.md)?(?:'s)?(?:,? ?(?:sections? )?"
    + NUM
    + r'|[\s#"]*§ ?(\d+(?:\.\d+)?)(?!\.\d))'
)
MORE = re.compile(r'(?:,| and| or|/|;)[\s#"]*' + NUM)
SUFFIXES = (".py", ".md", ".toml", ".csv", ".yml", ".yaml", ".json", ".txt", ".ics", ".cfg")
SKIP_DIRS = {".git", ".venv", "site", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache"}


def _anchor(number: str) -> str | None:
    number = number.rstrip(".")
    return SECTIONS.get(number)


def _link(anchor: str, path: Path) -> str:
    depth = len(path.relative_to("docs").parts) - 1
    prefix = "../" * depth
    here = path.as_posix() == "docs/explanation/sources.md"
    target = f"#{anchor}" if here else f"{prefix}explanation/sources.md#{anchor}"
    return f"[{anchor}]({target})"


def rewrite(text: str, path: Path, problems: list[str]) -> str:
    """``text`` with its citations rewritten; unknown sections are added to ``problems``."""
    markdown = path.suffix == ".md" and path.parts[0] == "docs"
    out: list[str] = []
    pos = 0
    for match in HEAD.finditer(text):
        if match.start() < pos:
            continue
        anchors: list[str] = []
        first = _anchor(match.group(1) or match.group(2))
        if first is None:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: unknown section {match.group(0)!r}")
            continue
        anchors.append(first)
        end = match.end()
        while True:
            more = MORE.match(text, end)
            if more is None:
                break
            anchor = _anchor(more.group(1))
            if anchor is None:
                break
            if anchor not in anchors:
                anchors.append(anchor)
            end = more.end()
        if markdown:
            cited = "sources: " + ", ".join(_link(a, path) for a in anchors)
        else:
            cited = "sources: " + ", ".join(anchors)
        out.append(text[pos : match.start()])
        out.append(cited)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def main() -> int:
    """Rewrite every file under the current folder (``--dry``: only report)."""
    dry = "--dry" in sys.argv
    problems: list[str] = []
    changed = 0
    for root, dirs, files in os.walk("."):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            path = Path(root, name).relative_to(".")
            if path.suffix not in SUFFIXES or path.name == "CHANGELOG.md":
                continue
            text = path.read_text(encoding="utf-8")
            if "REFERENCE" not in text:
                continue
            new = rewrite(text, path, problems)
            if new != text:
                changed += 1
                if not dry:
                    path.write_text(new, encoding="utf-8")
            for number, line in enumerate(new.splitlines(), 1):
                if "REFERENCE" in line:
                    problems.append(f"{path}:{number}: left: {line.strip()}")
    print(f"{changed} files rewritten", file=sys.stderr)
    print("\n".join(problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
