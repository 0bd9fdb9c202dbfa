"""The ``demo`` command: the library's main job on its bundled sample data.

In order: a few synthetic NIPs explained, the region codes of the seed retreats' cities,
the eselon of the posts that took part; the Malang roster and its check report; the
Malang retreat (plan versus held, eligibility, check report, agenda written as .ics);
its scores (sessions, speakers, units, learning gain, reliability, IKM-style summary,
survey check); and, to end, its follow-up and four-level evaluation. Personal data is
masked throughout.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from birokrasi_retreat import calendar, eligibility, samples, validation
from birokrasi_retreat.cli._common import Printer, stamp, text
from birokrasi_retreat.cli._evaluation import demo_follow_up, demo_scores
from birokrasi_retreat.cli._identifiers import explain_code, explain_nip
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.ranks import AsnType, Eselon


if TYPE_CHECKING:
    import argparse

    from birokrasi_retreat.messages import Lang
    from birokrasi_retreat.organization import Official
    from birokrasi_retreat.retreat import Retreat


# Synthetic NIPs for the demo: invented people, never real ones. The first is the
# documented example of the sources (sources: nip-layout).
_DEMO_NIPS: Final[tuple[tuple[str, AsnType], ...]] = (
    ("19860926 201505 1 001", AsnType.PNS),
    ("19790412 200501 2 014", AsnType.PNS),
    ("19900101 2024 21 1 002", AsnType.PPPK),
    ("19860230 201505 1 001", AsnType.PNS),  # 30 February: invalid
    ("19860926 201513 1 001", AsnType.PNS),  # month 13: invalid
)

# The seed retreats' cities and places (sources: kode-wilayah-cities, city-retreats; shared/seeds).
_DEMO_CODES: Final[tuple[str, ...]] = (
    "35.73",  # Kota Malang: retreat 15-17 May 2025
    "35.73.03.1006",  # Kelurahan Kedungkandang: its lurah took part
    "35.79.03",  # Kecamatan Junrejo, Kota Batu: Poltekad, the venue
    "74.71",  # Kota Kendari: retreat 1-3 August 2025, WITA
    "32.73",  # Kota Bandung: retreat 4-5 November 2025
    "32.73.09.1001",  # Kelurahan Cihapit, Bandung Wetan
)

# Posts of the participants and their usual eselon (sources: city-eselon: confirmed rows).
_DEMO_POSTS: Final[tuple[tuple[str, Eselon], ...]] = (
    ("Sekretaris Daerah", Eselon.II_A),
    ("Kepala Dinas / Badan", Eselon.II_B),
    ("Camat", Eselon.III_A),
    ("Lurah", Eselon.IV_A),
)


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: always 0."""
    lang: Lang = args.lang
    out = Printer()
    out.line(text("cli.demo.title", lang))
    out.line()
    out.line(f"== {text('cli.demo.nips', lang)}")
    for number, kind in _DEMO_NIPS:
        out.line()
        explain_nip(out, number, kind=kind, on=args.on, unmask=args.unmask, lang=lang)
    out.line()
    out.line(f"== {text('cli.demo.codes', lang)}")
    for code in _DEMO_CODES:
        out.line()
        explain_code(out, code, lang=lang)
    out.line()
    out.line(f"== {text('cli.demo.posts', lang)}")
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
    out.line()
    malang = samples.load("malang")
    demo_scores(out, malang, lang)
    out.line()
    demo_follow_up(out, malang, lang)
    out.flush()
    return 0


def _demo_roster(out: Printer, lang: Lang) -> None:
    dataset = samples.load("malang")
    roster = dataset.roster
    on = dataset.as_of
    out.line(f"== {text('cli.demo.roster', lang, title=dataset.title, on=on.isoformat())}")
    out.line()
    pppk = sum(1 for o in roster.officials if o.asn_type is AsnType.PPPK)
    vacant = roster.vacancies(on=on)
    out.row(text("cli.roster.pemda", lang), f"{roster.pemda.name} ({roster.pemda.kode})")
    out.row(text("cli.roster.head", lang), f"{roster.pemda.head_title} {roster.pemda.head_name}")
    out.row(
        text("cli.roster.units", lang),
        text(
            "cli.roster.units_value",
            lang,
            opd=len(roster.perangkat_daerah),
            kecamatan=len(roster.kecamatan),
            kelurahan=len(roster.kelurahan),
        ),
    )
    out.row(text("cli.roster.posts", lang), str(len(roster.positions)))
    out.row(
        text("cli.roster.officials", lang),
        text("cli.roster.officials_value", lang, n=len(roster.officials), pppk=pppk),
    )
    out.row(text("cli.roster.vacant", lang), ", ".join(p.title for p in vacant))
    lurah = next(h for h in roster.heads(UnitKind.KELURAHAN, on=on) if h.official is not None)
    nip = cast("Official", lurah.official).nip  # chosen for having an official just above
    chain = [lurah.position.title]
    chain += [h.position.title for h in roster.chain_of_command(nip, on=on)]
    chain.append(f"{roster.pemda.head_title} {roster.pemda.head_name}")
    out.row(text("cli.roster.chain", lang), " -> ".join(chain))
    out.line()
    out.line(validation.check(roster, on=on).to_text(lang=lang))


def _demo_retreat(out: Printer, lang: Lang, ics: Path) -> None:
    dataset = samples.load("malang")
    held = cast("Retreat", dataset.retreat)  # the Malang sample has both
    planned = cast("Retreat", dataset.planned)
    roster = dataset.roster
    first_day = held.days[0]
    out.line(f"== {text('cli.demo.retreat', lang, title=held.title)}")
    out.line()
    out.row(text("cli.retreat.venue", lang), f"{held.venue.name} ({held.venue.timezone_label})")
    out.row(text("cli.retreat.dates", lang), f"{first_day} - {held.days[-1]}, {held.nights}")
    out.line()
    out.line(text("cli.retreat.diff", lang))
    for line in calendar.diff(planned, held).lines(lang):
        out.line(f"  - {line}")
    out.line()
    decisions = eligibility.evaluate(held.eligibility, roster, on=first_day)
    counts = eligibility.summary(decisions)
    eligible = sum(counts["eligible"].values())
    out.line(
        text(
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
    ics.write_bytes(calendar.to_ics(held, dtstamp=stamp(dataset.as_of), lang=lang))
    out.line()
    out.line(text("cli.retreat.ics", lang, path=str(ics), n=len(held.sessions)))
