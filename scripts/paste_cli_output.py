"""Re-paste the output of every ``$ birokrasi-retreat ...`` console block in the guides.

Run: ``uv run python scripts/paste_cli_output.py``. tests/test_docs.py fails when a
pasted output differs from what the command prints today.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import tempfile

from pathlib import Path

from birokrasi_retreat.cli import main


ROOT = Path(__file__).resolve().parent.parent
PAGES = (ROOT / "docs" / "guide" / "cli.md", ROOT / "docs" / "guide" / "identifiers.md")
BLOCK = re.compile(r"```console\n(\$ birokrasi-retreat [^\n]*)\n(.*?)```", re.DOTALL)
SHELL = ("&&", "|", ">", ";", "--help")


def runnable(command: str) -> list[str] | None:
    """The argv of a documented command, or None when it uses shell syntax or --help."""
    if any(token in command for token in SHELL):
        return None
    return shlex.split(command[2:])[1:]


def output(argv: list[str]) -> str:
    """What ``birokrasi-retreat ARGV`` prints on stdout and stderr."""
    buffer = io.StringIO()
    # Run in a scratch folder: the demo writes its .ics file to the current directory.
    with (
        tempfile.TemporaryDirectory() as scratch,
        contextlib.chdir(scratch),
        contextlib.redirect_stdout(buffer),
        contextlib.redirect_stderr(buffer),
        contextlib.suppress(SystemExit),
    ):
        main(argv)
    return buffer.getvalue()


def blocks(text: str) -> list[tuple[str, list[str], str]]:
    """(command line, argv, pasted output) of every runnable console block."""
    found = []
    for match in BLOCK.finditer(text):
        argv = runnable(match.group(1))
        if argv is not None:
            found.append((match.group(1), argv, match.group(2)))
    return found


def repaste(text: str) -> str:
    """The page with every runnable block's output replaced by the current one."""

    def replace(match: re.Match[str]) -> str:
        argv = runnable(match.group(1))
        if argv is None:
            return match.group(0)
        return f"```console\n{match.group(1)}\n{output(argv)}```"

    return BLOCK.sub(replace, text)


def main_() -> None:
    """Rewrite the pages in place."""
    for page in PAGES:
        page.write_text(repaste(page.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main_()
