"""The ``validate``, ``ics`` and ``samples`` commands: check, export, list the samples."""

from __future__ import annotations

import json
import sys

from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from birokrasi_retreat import calendar, samples, serialization, validation
from birokrasi_retreat.cli._common import Printer, fail, stamp, text, to_date
from birokrasi_retreat.errors import BirokrasiRetreatError
from birokrasi_retreat.retreat import Retreat
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    import argparse

    from birokrasi_retreat.messages import Lang


def cmd_validate(args: argparse.Namespace) -> int:
    """``validate FILE|--sample NAME``: 1 when an error-level finding remains."""
    lang: Lang = args.lang
    out = Printer()
    try:
        if args.sample is not None:
            roster = samples.load_roster(args.sample)
        else:
            roster = serialization.load(args.file, Roster)
        report = validation.check(
            roster, on=to_date(args.on), select=args.select, ignore=args.ignore
        )
    except BirokrasiRetreatError as error:
        return fail(out, error, lang)
    if args.format == "json":
        out.line(json.dumps(report.to_dict(lang=lang), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        out.line(report.to_markdown(lang=lang))
    else:
        out.line(report.to_text(lang=lang))
    out.flush()
    return 0 if report.ok else 1


def cmd_ics(args: argparse.Namespace) -> int:
    """``ics FILE|--sample NAME``: write the agenda as iCalendar."""
    lang: Lang = args.lang
    out = Printer()
    try:
        if args.sample is not None:
            dataset = samples.load(args.sample)
            retreat = dataset.planned if args.planned else dataset.retreat
            if retreat is None:
                out.line(text("cli.ics.no_plan", lang, name=args.sample))
                out.flush()
                return 1
            dtstamp = stamp(dataset.as_of)
        else:
            retreat = serialization.load(args.file, Retreat)
            dtstamp = pendulum.now("UTC").start_of("second")
        data = calendar.to_ics(retreat, dtstamp=dtstamp, participant=args.participant, lang=lang)
    except BirokrasiRetreatError as error:
        return fail(out, error, lang)
    if args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    Path(args.output).write_bytes(data)
    out.line(text("cli.retreat.ics", lang, path=args.output, n=data.count(b"BEGIN:VEVENT")))
    out.flush()
    return 0


def cmd_samples(args: argparse.Namespace) -> int:
    """``samples``: list the bundled samples and what each holds."""
    lang: Lang = args.lang
    out = Printer()
    for name in samples.names():
        dataset = samples.load(name)
        out.line(f"{name:<10}{dataset.title}")
        retreat = dataset.retreat
        if retreat is not None:
            out.row(
                "",
                text(
                    "cli.samples.retreat",
                    lang,
                    title=retreat.title,
                    start=retreat.days[0].isoformat(),
                    end=retreat.days[-1].isoformat(),
                    venue=retreat.venue.name,
                    zone=retreat.venue.timezone_label,
                ),
                width=10,
            )
        follow_up = dataset.follow_up
        out.row(
            "",
            text(
                "cli.samples.counts",
                lang,
                officials=len(dataset.roster.officials),
                enrolled=0 if retreat is None else len(retreat.enrollments),
                responses=len(dataset.responses),
                commitments=0 if follow_up is None else len(follow_up.commitments),
                visits=0 if follow_up is None else len(follow_up.visits),
            ),
            width=10,
        )
    out.flush()
    return 0
