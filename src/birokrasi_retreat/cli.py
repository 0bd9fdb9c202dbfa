"""The ``birokrasi-retreat`` command: quick checks from the shell.

Sub-commands:

* ``demo``: the library's main job on its bundled sample data: explain a few synthetic
  NIPs, the region codes of the seed retreats' cities and the eselon of the posts that
  took part, then load the Malang sample roster and show its shape (units, posts,
  vacancies, a chain of command) and its check report, then the Malang retreat: the
  plan-versus-held diff, the eligibility summary, its check report, and its agenda
  written as ``malang-2025.ics`` (``--ics`` to choose the path); personal data masked.
* ``nip NUMBER...``: explain one NIP or NI PPPK (the digits may be given in groups), or say
  why it is invalid (exit status 1).
* ``wilayah CODE``: explain one kode wilayah, or say why it is invalid (exit status 1).
* ``validate FILE`` or ``validate --sample NAME``: check a roster against every rule and
  print the report (text, Markdown or JSON); exit status 1 when an error-level finding
  remains or the file cannot be read.
* ``ics FILE`` or ``ics --sample NAME``: export a retreat's agenda (or one
  participant's) as iCalendar, in the venue's time zone.

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
import datetime as dt
import json
import sys

from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

import pendulum

from birokrasi_retreat import calendar, eligibility, samples, serialization, validation
from birokrasi_retreat.errors import BirokrasiRetreatError, explain
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.messages import Lang, render
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.ranks import AsnType, Eselon
from birokrasi_retreat.retreat import Retreat
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Sequence

    from birokrasi_retreat.organization import Official


__all__ = ["main"]

_WIDTH: Final = 15

# Synthetic NIPs for the demo: invented people, never real ones. The first is the
# documented example of the sources (REFERENCE.md 4.1).
_DEMO_NIPS: Final[tuple[tuple[str, AsnType], ...]] = (
    ("19860926 201505 1 001", AsnType.PNS),
    ("19790412 200501 2 014", AsnType.PNS),
    ("19900101 2024 21 1 002", AsnType.PPPK),
    ("19860230 201505 1 001", AsnType.PNS),  # 30 February: invalid
    ("19860926 201513 1 001", AsnType.PNS),  # month 13: invalid
)

# The seed retreats' cities and places (REFERENCE.md 5.3, 11.3; shared/seeds).
_DEMO_CODES: Final[tuple[str, ...]] = (
    "35.73",  # Kota Malang: retreat 15-17 May 2025
    "35.73.03.1006",  # Kelurahan Kedungkandang: its lurah took part
    "35.79.03",  # Kecamatan Junrejo, Kota Batu: Poltekad, the venue
    "74.71",  # Kota Kendari: retreat 1-3 August 2025, WITA
    "32.73",  # Kota Bandung: retreat 4-5 November 2025
    "32.73.09.1001",  # Kelurahan Cihapit, Bandung Wetan
)

# Posts of the participants and their usual eselon (REFERENCE.md 2.4, 14.5: confirmed rows).
_DEMO_POSTS: Final[tuple[tuple[str, Eselon], ...]] = (
    ("Sekretaris Daerah", Eselon.II_A),
    ("Kepala Dinas / Badan", Eselon.II_B),
    ("Camat", Eselon.III_A),
    ("Lurah", Eselon.IV_A),
)


def _text(code: str, lang: Lang, **params: object) -> str:
    return render(code, lang, params)


class _Printer:
    """Collects output lines; the command writes them once at the end."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def row(self, label: str, value: str, *, width: int = _WIDTH) -> None:
        self.lines.append(f"{label:<{width}}{value}")

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def flush(self) -> None:
        sys.stdout.write("\n".join(self.lines) + "\n")
        self.lines.clear()


def _explain_nip(
    out: _Printer, number: str, *, kind: AsnType, on: dt.date | None, unmask: bool, lang: Lang
) -> bool:
    try:
        value = nip.parse(number, kind=kind)
    except BirokrasiRetreatError as error:
        out.row(_text("cli.nip", lang), nip.mask(number))
        out.row(_text("cli.kind", lang), kind.value)
        out.row(_text("cli.valid", lang), _text("cli.no", lang))
        for line in explain(error, lang=lang):
            out.row(_text("cli.problem", lang), line)
        return False
    hidden = _text("cli.masked", lang)
    out.row(_text("cli.nip", lang), value.formatted if unmask else value.masked)
    out.row(_text("cli.kind", lang), value.kind.value)
    out.row(_text("cli.valid", lang), _text("cli.yes", lang))
    out.row(_text("cli.birth_date", lang), value.birth_date.isoformat() if unmask else hidden)
    if value.tmt_cpns is not None:
        out.row(_text("cli.tmt_cpns", lang), value.tmt_cpns.isoformat()[:7] if unmask else hidden)
    else:
        out.row(
            _text("cli.appointment_year", lang), str(value.appointment_year) if unmask else hidden
        )
        out.row(_text("cli.pppk_code", lang), value.pppk_code or "")
    sex = _text("cli.male" if value.sex.nip_digit == "1" else "cli.female", lang)
    out.row(_text("cli.sex", lang), sex if unmask else hidden)
    out.row(_text("cli.sequence", lang), f"{value.sequence:03d}")
    for finding in nip.plausibility(value.number, kind=value.kind, on=on):
        out.row(_text("cli.warning", lang), finding.message(lang))
    return True


def _explain_code(out: _Printer, code: str, *, lang: Lang) -> bool:
    try:
        value = kode_wilayah.parse(code)
    except BirokrasiRetreatError as error:
        out.row(_text("cli.code", lang), code)
        out.row(_text("cli.valid", lang), _text("cli.no", lang))
        for line in explain(error, lang=lang):
            out.row(_text("cli.problem", lang), line)
        return False
    out.row(_text("cli.code", lang), str(value))
    out.row(_text("cli.name", lang), value.name or _text("cli.not_in_catalogue", lang))
    level = _text(f"cli.level.{value.level.name.lower()}", lang)
    if value.level is kode_wilayah.Level.KABUPATEN_KOTA:
        level += f" ({'kota' if value.is_kota else 'kabupaten'})"
    elif value.level is kode_wilayah.Level.DESA_KELURAHAN:
        kind = "kelurahan" if value.is_kelurahan else "desa adat" if value.is_desa_adat else "desa"
        level += f" ({kind})"
    out.row(_text("cli.level", lang), level)
    for ancestor in value.ancestors():
        out.row(
            _text(f"cli.level.{ancestor.level.name.lower()}.short", lang),
            f"{ancestor} {ancestor.name or '?'}",
        )
    try:
        zone = f"{value.timezone} ({value.timezone_label})"
    except BirokrasiRetreatError as error:
        zone = error.message(lang)
    out.row(_text("cli.timezone", lang), zone)
    return True


def _cmd_nip(args: argparse.Namespace) -> int:
    out = _Printer()
    number = "".join(args.number)
    ok = _explain_nip(
        out, number, kind=AsnType(args.kind), on=args.on, unmask=args.unmask, lang=args.lang
    )
    out.flush()
    return 0 if ok else 1


def _cmd_wilayah(args: argparse.Namespace) -> int:
    out = _Printer()
    ok = _explain_code(out, "".join(args.code), lang=args.lang)
    out.flush()
    return 0 if ok else 1


def _cmd_demo(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    out = _Printer()
    out.line(_text("cli.demo.title", lang))
    out.line()
    out.line(f"== {_text('cli.demo.nips', lang)}")
    for number, kind in _DEMO_NIPS:
        out.line()
        _explain_nip(out, number, kind=kind, on=args.on, unmask=args.unmask, lang=lang)
    out.line()
    out.line(f"== {_text('cli.demo.codes', lang)}")
    for code in _DEMO_CODES:
        out.line()
        _explain_code(out, code, lang=lang)
    out.line()
    out.line(f"== {_text('cli.demo.posts', lang)}")
    out.line()
    width = max(len(post) for post, _ in _DEMO_POSTS) + 2
    for post, eselon in _DEMO_POSTS:
        low, high = eselon.pangkat_range
        out.row(
            post,
            f"{eselon!s:<7}{eselon.family.label:<15}{low}-{high} ({low.pangkat} - {high.pangkat})",
            width=width,
        )
    out.line()
    _demo_roster(out, lang)
    out.line()
    _demo_retreat(out, lang, Path(args.ics))
    out.flush()
    return 0


def _demo_retreat(out: _Printer, lang: Lang, ics: Path) -> None:
    dataset = samples.load("malang")
    held = cast("Retreat", dataset.retreat)  # the Malang sample has both
    planned = cast("Retreat", dataset.planned)
    roster = dataset.roster
    first_day = held.days[0]
    out.line(f"== {_text('cli.demo.retreat', lang, title=held.title)}")
    out.line()
    out.row(_text("cli.retreat.venue", lang), f"{held.venue.name} ({held.venue.timezone_label})")
    out.row(_text("cli.retreat.dates", lang), f"{first_day} - {held.days[-1]}, {held.nights}")
    out.line()
    out.line(_text("cli.retreat.diff", lang))
    for line in calendar.diff(planned, held).lines(lang):
        out.line(f"  - {line}")
    out.line()
    decisions = eligibility.evaluate(held.eligibility, roster, on=first_day)
    counts = eligibility.summary(decisions)
    eligible = sum(counts["eligible"].values())
    out.line(
        _text(
            "cli.retreat.eligible",
            lang,
            eligible=eligible,
            total=len(decisions),
            enrolled=len(held.enrollments),
        )
    )
    for group in ("eligible", "not_eligible"):
        for reason, count in counts[group].items():
            out.line(f"  {count:>4}  {reason}")
    out.line()
    out.line(validation.check(held, options={"roster": roster}).to_text(lang=lang))
    ics.write_bytes(calendar.to_ics(held, dtstamp=_demo_stamp(dataset.as_of), lang=lang))
    out.line()
    out.line(_text("cli.retreat.ics", lang, path=str(ics), n=len(held.sessions)))


def _demo_stamp(day: pendulum.Date) -> pendulum.DateTime:
    # The .ics is reproducible: its DTSTAMP is the sample's reference date, not the clock.
    return pendulum.datetime(day.year, day.month, day.day, tz="UTC")


def _cmd_ics(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    out = _Printer()
    try:
        if args.sample is not None:
            dataset = samples.load(args.sample)
            retreat = dataset.planned if args.planned else dataset.retreat
            if retreat is None:
                out.line(_text("cli.ics.no_plan", lang, name=args.sample))
                out.flush()
                return 1
            stamp = _demo_stamp(dataset.as_of)
        else:
            retreat = serialization.load(args.file, Retreat)
            stamp = pendulum.now("UTC").start_of("second")
        data = calendar.to_ics(retreat, dtstamp=stamp, participant=args.participant, lang=lang)
    except BirokrasiRetreatError as error:
        for line in explain(error, lang=lang):
            out.line(line)
        out.flush()
        return 1
    if args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    Path(args.output).write_bytes(data)
    out.line(_text("cli.retreat.ics", lang, path=args.output, n=data.count(b"BEGIN:VEVENT")))
    out.flush()
    return 0


def _demo_roster(out: _Printer, lang: Lang) -> None:
    dataset = samples.load("malang")
    roster = dataset.roster
    on = dataset.as_of
    out.line(f"== {_text('cli.demo.roster', lang, title=dataset.title, on=on.isoformat())}")
    out.line()
    pppk = sum(1 for o in roster.officials if o.asn_type is AsnType.PPPK)
    vacant = roster.vacancies(on=on)
    out.row(_text("cli.roster.pemda", lang), f"{roster.pemda.name} ({roster.pemda.kode})")
    out.row(_text("cli.roster.head", lang), f"{roster.pemda.head_title} {roster.pemda.head_name}")
    out.row(
        _text("cli.roster.units", lang),
        _text(
            "cli.roster.units_value",
            lang,
            opd=len(roster.perangkat_daerah),
            kecamatan=len(roster.kecamatan),
            kelurahan=len(roster.kelurahan),
        ),
    )
    out.row(_text("cli.roster.posts", lang), str(len(roster.positions)))
    out.row(
        _text("cli.roster.officials", lang),
        _text("cli.roster.officials_value", lang, n=len(roster.officials), pppk=pppk),
    )
    out.row(_text("cli.roster.vacant", lang), ", ".join(p.title for p in vacant))
    lurah = next(h for h in roster.heads(UnitKind.KELURAHAN, on=on) if h.official is not None)
    nip = cast("Official", lurah.official).nip  # chosen for having an official just above
    chain = [lurah.position.title]
    chain += [h.position.title for h in roster.chain_of_command(nip, on=on)]
    chain.append(f"{roster.pemda.head_title} {roster.pemda.head_name}")
    out.row(_text("cli.roster.chain", lang), " -> ".join(chain))
    out.line()
    out.line(validation.check(roster, on=on).to_text(lang=lang))


def _cmd_validate(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    out = _Printer()
    try:
        if args.sample is not None:
            roster = samples.load_roster(args.sample)
        else:
            roster = serialization.load(args.file, Roster)
        on = None if args.on is None else pendulum.Date(args.on.year, args.on.month, args.on.day)
        report = validation.check(roster, on=on, select=args.select, ignore=args.ignore)
    except BirokrasiRetreatError as error:
        for line in explain(error, lang=lang):
            out.line(line)
        out.flush()
        return 1
    if args.format == "json":
        out.line(json.dumps(report.to_dict(lang=lang), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        out.line(report.to_markdown(lang=lang))
    else:
        out.line(report.to_text(lang=lang))
    out.flush()
    return 0 if report.ok else 1


def _iso_date(text: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        value = None
    # date.fromisoformat also takes "20250515" and week dates; the option takes one form.
    if value is None or len(text) != len("YYYY-MM-DD"):
        msg = f"not a date in YYYY-MM-DD form: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser() -> argparse.ArgumentParser:
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
        type=_iso_date,
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
    demo.set_defaults(handler=_cmd_demo)
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
    nip_cmd.set_defaults(handler=_cmd_nip)
    wilayah = commands.add_parser(
        "wilayah", parents=[common], help="explain a kode wilayah, or say why it is invalid"
    )
    wilayah.add_argument("code", nargs="+", help="the region code, dotted or not")
    wilayah.set_defaults(handler=_cmd_wilayah)
    check = commands.add_parser(
        "validate",
        parents=[common],
        help="check a roster file (TOML, JSON or YAML) or a bundled sample against every rule",
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="the roster document (.toml, .json, .yaml)")
    source.add_argument("--sample", choices=samples.names(), help="check a bundled sample roster")
    check.add_argument("--on", type=_iso_date, default=None, help="reference date (YYYY-MM-DD)")
    check.add_argument("--select", action="append", metavar="CODE", help="run only this rule")
    check.add_argument("--ignore", action="append", metavar="CODE", help="skip this rule")
    check.add_argument(
        "--format", choices=["text", "markdown", "json"], default="text", help="report format"
    )
    check.set_defaults(handler=_cmd_validate)
    ics = commands.add_parser(
        "ics", parents=[common], help="export a retreat's agenda as iCalendar (.ics)"
    )
    origin = ics.add_mutually_exclusive_group(required=True)
    origin.add_argument("file", nargs="?", help="the retreat document (.toml, .json, .yaml)")
    origin.add_argument("--sample", choices=samples.names(), help="a bundled sample retreat")
    ics.add_argument("--planned", action="store_true", help="the sample's plan, not what was held")
    ics.add_argument("--participant", metavar="NIP", help="only this participant's agenda")
    ics.add_argument("-o", "--output", default="-", help="the file to write; - for stdout")
    ics.set_defaults(handler=_cmd_ics)
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
