"""The ``birokrasi-retreat`` command: quick checks from the shell.

Sub-commands:

* ``demo``: the library's main job on its bundled sample data: explain a few synthetic
  NIPs, the region codes of the seed retreats' cities and the eselon of the posts that
  took part, then load the Malang sample roster and show its shape (units, posts,
  vacancies, a chain of command) and its check report, then the Malang retreat: the
  plan-versus-held diff, the eligibility summary, its check report, and its agenda
  written as ``malang-2025.ics`` (``--ics`` to choose the path); then its scores (per
  session, speaker and OPD with bands, the learning gain, reliability, an IKM-style
  summary, the survey check); and to end its follow-up status and four-level
  (Kirkpatrick) evaluation. Personal data masked.
* ``nip NUMBER...``: explain one NIP or NI PPPK (the digits may be given in groups), or say
  why it is invalid (exit status 1).
* ``wilayah CODE``: explain one kode wilayah, or say why it is invalid (exit status 1).
* ``validate FILE`` or ``validate --sample NAME``: check a roster against every rule and
  print the report (text, Markdown or JSON); exit status 1 when an error-level finding
  remains or the file cannot be read.
* ``ics FILE`` or ``ics --sample NAME``: export a retreat's agenda (or one
  participant's) as iCalendar, in the venue's time zone.
* ``score FILE`` or ``score --sample NAME``: score a survey: per rubric, phase and kind of
  subject, the groups (each subject, or with ``--by unit`` each participant's OPD) with
  n, mean, band and 95 % confidence interval, and Cronbach's alpha; groups below
  ``--min-group`` (3) suppressed; text or JSON.
* ``report FILE`` or ``report --sample NAME``: the four-level (Kirkpatrick) evaluation of
  a retreat from its follow-up (and ``--survey``, ``--roster``), on ``--on DATE``; text,
  Markdown, HTML or JSON.
* ``samples``: list the bundled samples and what each holds.

Every command takes ``--lang id`` (default) or ``--lang en``. NIP details (birth date,
TMT, sex) are masked unless ``--unmask`` is given, because they are personal data
(UU 27/2022).

Examples:
    >>> main(["nip", "19860926", "201505", "1", "001", "--lang", "en"])
    NIP            ******** ****** * 001
    Kind           PNS
    Valid          yes
    Birth date     (masked; --unmask shows it)
    TMT CPNS       (masked; --unmask shows it)
    Sex            (masked; --unmask shows it)
    Sequence       001
    0
    >>> main(["wilayah", "35.73", "--lang", "en"])
    Code           35.73
    Name           Kota Malang
    Level          kabupaten/kota (kota)
    Province       35 Jawa Timur
    Time zone      Asia/Jakarta (WIB)
    0
"""

from __future__ import annotations

import argparse

from typing import TYPE_CHECKING

from birokrasi_retreat import samples
from birokrasi_retreat.cli._checks import cmd_ics, cmd_samples, cmd_validate
from birokrasi_retreat.cli._common import iso_date
from birokrasi_retreat.cli._demo import cmd_demo
from birokrasi_retreat.cli._evaluation import cmd_report, cmd_score
from birokrasi_retreat.cli._identifiers import cmd_nip, cmd_wilayah
from birokrasi_retreat.ranks import AsnType
from birokrasi_retreat.rubric import Phase


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["main"]


def _positive(value: str) -> int:
    """A whole number of 1 or more (argparse type)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"not a whole number of 1 or more: {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _rupiah(value: str) -> float:
    """An amount in rupiah (argparse type); its bounds are evaluate's to check."""
    try:
        return float(value)
    except ValueError:
        msg = f"not an amount in rupiah: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:  # noqa: PLR0915  (one flat list of commands)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=["id", "en"], default="id", help="language of the output (default: id)"
    )
    personal = argparse.ArgumentParser(add_help=False)
    personal.add_argument(
        "--unmask",
        action="store_true",
        help="show NIP details (birth date, TMT, sex): personal data, masked by default",
    )
    personal.add_argument(
        "--on",
        type=iso_date,
        default=None,
        help="reference date (YYYY-MM-DD) for the 'appointment in the future' check",
    )
    parser = argparse.ArgumentParser(
        prog="birokrasi-retreat",
        description="Typed models and checks for retret ASN (Indonesian civil-service retreats).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo", parents=[common, personal], help="run the main job on the bundled sample data"
    )
    demo.add_argument(
        "--ics", default="malang-2025.ics", help="where to write the Malang agenda (.ics)"
    )
    demo.set_defaults(handler=cmd_demo)
    nip_cmd = commands.add_parser(
        "nip", parents=[common, personal], help="explain a NIP or NI PPPK, or say why it is invalid"
    )
    nip_cmd.add_argument(
        "number", nargs="+", help="the number; groups separated by spaces are joined"
    )
    nip_cmd.add_argument(
        "--kind",
        choices=[k.value for k in AsnType],
        default="PNS",
        help="PNS (NIP) or PPPK (NI PPPK)",
    )
    nip_cmd.set_defaults(handler=cmd_nip)
    wilayah = commands.add_parser(
        "wilayah", parents=[common], help="explain a kode wilayah, or say why it is invalid"
    )
    wilayah.add_argument("code", nargs="+", help="the region code, dotted or not")
    wilayah.set_defaults(handler=cmd_wilayah)
    check = commands.add_parser(
        "validate",
        parents=[common],
        help="check a roster file (TOML, JSON or YAML) or a bundled sample against every rule",
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="the roster document (.toml, .json, .yaml)")
    source.add_argument("--sample", choices=samples.names(), help="check a bundled sample roster")
    check.add_argument("--on", type=iso_date, default=None, help="reference date (YYYY-MM-DD)")
    check.add_argument("--select", action="append", metavar="CODE", help="run only this rule")
    check.add_argument("--ignore", action="append", metavar="CODE", help="skip this rule")
    check.add_argument(
        "--format", choices=["text", "markdown", "json"], default="text", help="report format"
    )
    check.set_defaults(handler=cmd_validate)
    ics = commands.add_parser(
        "ics", parents=[common], help="export a retreat's agenda as iCalendar (.ics)"
    )
    origin = ics.add_mutually_exclusive_group(required=True)
    origin.add_argument("file", nargs="?", help="the retreat document (.toml, .json, .yaml)")
    origin.add_argument("--sample", choices=samples.names(), help="a bundled sample retreat")
    ics.add_argument("--planned", action="store_true", help="the sample's plan, not what was held")
    ics.add_argument("--participant", metavar="NIP", help="only this participant's agenda")
    ics.add_argument("-o", "--output", default="-", help="the file to write; - for stdout")
    ics.set_defaults(handler=cmd_ics)
    score = commands.add_parser(
        "score", parents=[common], help="score a survey: groups, bands, confidence, reliability"
    )
    answers = score.add_mutually_exclusive_group(required=True)
    answers.add_argument("file", nargs="?", help="the survey document (.toml, .json, .yaml)")
    answers.add_argument("--sample", choices=samples.names(), help="a bundled sample's survey")
    score.add_argument("--roster", metavar="FILE", help="the roster, for --by unit with a file")
    score.add_argument("--rubric", metavar="ID", help="only this rubric")
    score.add_argument("--phase", choices=[p.value for p in Phase], help="only this phase")
    score.add_argument(
        "--by",
        choices=["subject", "unit"],
        default="subject",
        help="group by subject, or participants by the OPD of their post (needs a roster)",
    )
    score.add_argument(
        "--min-group", type=_positive, default=3, help="smallest group shown (default: 3)"
    )
    score.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    score.set_defaults(handler=cmd_score)
    report = commands.add_parser(
        "report", parents=[common], help="the four-level (Kirkpatrick) evaluation of a retreat"
    )
    follow = report.add_mutually_exclusive_group(required=True)
    follow.add_argument("file", nargs="?", help="the follow-up document (.toml, .json, .yaml)")
    follow.add_argument("--sample", choices=samples.names(), help="a bundled sample")
    report.add_argument("--survey", metavar="FILE", help="the survey document, for levels 1-3")
    report.add_argument("--roster", metavar="FILE", help="the roster document, for units")
    report.add_argument(
        "--on", type=iso_date, default=None, help="reference date (YYYY-MM-DD; sample: its own)"
    )
    report.add_argument("--costs", type=_rupiah, help="total costs in rupiah, for the ROI")
    report.add_argument(
        "--benefits", type=_rupiah, help="monetised benefits in rupiah, for the ROI"
    )
    report.add_argument(
        "--min-group", type=_positive, default=3, help="reporting threshold (default: 3)"
    )
    report.add_argument(
        "--format",
        choices=["text", "markdown", "html", "json"],
        default="text",
        help="output format",
    )
    report.set_defaults(handler=cmd_report)
    listing = commands.add_parser(
        "samples", parents=[common], help="list the bundled samples and what each holds"
    )
    listing.set_defaults(handler=cmd_samples)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``birokrasi-retreat`` command and return its exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` when None.

    Returns:
        0 on success, 1 when the value explained is invalid (argparse exits with 2 on a
        usage error).

    Examples:
        >>> main(["wilayah", "35.73.03.1006", "--lang", "en"])  # doctest: +ELLIPSIS
        Code           35.73.03.1006
        Name           Kedungkandang
        ...
        0
    """
    args = _parser().parse_args(argv)
    status: int = args.handler(args)
    return status
