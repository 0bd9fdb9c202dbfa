"""The ``nip`` and ``wilayah`` commands: explain one identifier, or say why it is invalid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from birokrasi_retreat.cli._common import Printer, text
from birokrasi_retreat.errors import BirokrasiRetreatError, explain
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.ranks import AsnType


if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from birokrasi_retreat.messages import Lang


def explain_nip(
    out: Printer, number: str, *, kind: AsnType, on: dt.date | None, unmask: bool, lang: Lang
) -> bool:
    """Print what a NIP or NI PPPK says (personal parts masked unless ``unmask``)."""
    try:
        value = nip.parse(number, kind=kind)
    except BirokrasiRetreatError as error:
        out.row(text("cli.nip", lang), nip.mask(number))
        out.row(text("cli.kind", lang), kind.value)
        out.row(text("cli.valid", lang), text("cli.no", lang))
        for line in explain(error, lang=lang):
            out.row(text("cli.problem", lang), line)
        return False
    hidden = text("cli.masked", lang)
    out.row(text("cli.nip", lang), value.formatted if unmask else value.masked)
    out.row(text("cli.kind", lang), value.kind.value)
    out.row(text("cli.valid", lang), text("cli.yes", lang))
    out.row(text("cli.birth_date", lang), value.birth_date.isoformat() if unmask else hidden)
    if value.tmt_cpns is not None:
        out.row(text("cli.tmt_cpns", lang), value.tmt_cpns.isoformat()[:7] if unmask else hidden)
    else:
        out.row(
            text("cli.appointment_year", lang), str(value.appointment_year) if unmask else hidden
        )
        out.row(text("cli.pppk_code", lang), value.pppk_code or "")
    sex = text("cli.male" if value.sex.nip_digit == "1" else "cli.female", lang)
    out.row(text("cli.sex", lang), sex if unmask else hidden)
    out.row(text("cli.sequence", lang), f"{value.sequence:03d}")
    for finding in nip.plausibility(value.number, kind=value.kind, on=on):
        out.row(text("cli.warning", lang), finding.message(lang))
    return True


def explain_code(out: Printer, code: str, *, lang: Lang) -> bool:
    """Print what a kode wilayah names: level, ancestors, time zone."""
    try:
        value = kode_wilayah.parse(code)
    except BirokrasiRetreatError as error:
        out.row(text("cli.code", lang), code)
        out.row(text("cli.valid", lang), text("cli.no", lang))
        for line in explain(error, lang=lang):
            out.row(text("cli.problem", lang), line)
        return False
    out.row(text("cli.code", lang), str(value))
    out.row(text("cli.name", lang), value.name or text("cli.not_in_catalogue", lang))
    level = text(f"cli.level.{value.level.name.lower()}", lang)
    if value.level is kode_wilayah.RegionLevel.KABUPATEN_KOTA:
        level += f" ({'kota' if value.is_kota else 'kabupaten'})"
    elif value.level is kode_wilayah.RegionLevel.DESA_KELURAHAN:
        kind = "kelurahan" if value.is_kelurahan else "desa adat" if value.is_desa_adat else "desa"
        level += f" ({kind})"
    out.row(text("cli.level", lang), level)
    for ancestor in value.ancestors():
        out.row(
            text(f"cli.level.{ancestor.level.name.lower()}.short", lang),
            f"{ancestor} {ancestor.name or '?'}",
        )
    try:
        zone = f"{value.timezone} ({value.timezone_label})"
    except BirokrasiRetreatError as error:
        zone = error.message(lang)
    out.row(text("cli.timezone", lang), zone)
    return True


def cmd_nip(args: argparse.Namespace) -> int:
    """``nip NUMBER...``: 0 when valid, 1 when not."""
    out = Printer()
    number = "".join(args.number)
    ok = explain_nip(
        out, number, kind=AsnType(args.kind), on=args.on, unmask=args.unmask, lang=args.lang
    )
    out.flush()
    return 0 if ok else 1


def cmd_wilayah(args: argparse.Namespace) -> int:
    """``wilayah CODE``: 0 when valid, 1 when not."""
    out = Printer()
    ok = explain_code(out, "".join(args.code), lang=args.lang)
    out.flush()
    return 0 if ok else 1
