"""What every sub-command of ``birokrasi-retreat`` shares: output, labels, dates."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from typing import TYPE_CHECKING, Final

import pendulum

from birokrasi_retreat.errors import explain
from birokrasi_retreat.messages import render


if TYPE_CHECKING:
    from birokrasi_retreat.errors import BirokrasiRetreatError
    from birokrasi_retreat.messages import Lang


WIDTH: Final = 15


def text(code: str, lang: Lang, **params: object) -> str:
    """The catalogue text ``code`` in ``lang``, with ``params`` filled in."""
    return render(code, lang, params)


class Printer:
    """Collects output lines; the command writes them once at the end."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def row(self, label: str, value: str, *, width: int = WIDTH) -> None:
        self.lines.append(f"{label:<{width}}{value}")

    def line(self, line: str = "") -> None:
        self.lines.append(line)

    def flush(self) -> None:
        sys.stdout.write("\n".join(self.lines) + "\n")
        self.lines.clear()


def fail(out: Printer, error: BirokrasiRetreatError, lang: Lang) -> int:
    """Print every problem of ``error`` and return the exit status 1."""
    for line in explain(error, lang=lang):
        out.line(line)
    out.flush()
    return 1


def stamp(day: pendulum.Date) -> pendulum.DateTime:
    """A reproducible DTSTAMP for a sample's .ics: its reference date, not the clock."""
    return pendulum.datetime(day.year, day.month, day.day, tz="UTC")


def to_date(value: dt.date | None) -> pendulum.Date | None:
    """A date option as a `pendulum.Date` (None stays None)."""
    return None if value is None else pendulum.Date(value.year, value.month, value.day)


def iso_date(value: str) -> dt.date:
    """Parse a YYYY-MM-DD option, and only that form (argparse type)."""
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        parsed = None
    # date.fromisoformat also takes "20250515" and week dates; the option takes one form.
    if parsed is None or len(value) != len("YYYY-MM-DD"):
        msg = f"not a date in YYYY-MM-DD form: {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return parsed
