"""Regenerate the bundled sample retreats ``src/birokrasi_retreat/samples/data/retreats/*.toml``.

The three city retreats of the source articles (``../shared/seeds/``, sources: city-retreats)
as `birokrasi_retreat.retreat.Retreat` programmes, one TOML file each, plus the plan
Kota Malang announced before its retreat:

* ``malang-2025-planned.toml``: announced on 5 May 2025 for 16-18 May (seed 002);
* ``malang-2025.toml``: held on 15-17 May 2025 at Poltekad, Junrejo, Kota Batu (seeds
  001, 003);
* ``kendari-2025.toml``: opened on Friday 1 August 2025 at Kebun Raya Kendari (seed
  004; 1-3 August per sources: city-retreats);
* ``bandung-2025.toml``: 4-5 November 2025 at Pusdikter Cimareme (seed 000; dates,
  venue, title and theme per sources: city-retreats).

The facts (dates, venues, speakers, programmes, participant lists, objectives and every
note) are data: ``scripts/data/retreats.toml``, one table per city and per file. Every
field carries a comment naming the seed article (or sources-page anchor) it comes from,
or ``ILLUSTRATIVE`` where the articles give nothing (most clock times, rooms,
capacities, attendance); this script derives the rest. Who takes part is an
`Eligibility` written from the article's participant list and evaluated on the sample
roster of the same city (`birokrasi_retreat.eligibility.eligible_nips` on the first
day); exactly the eligible officials are enrolled. Participants are the synthetic
officials of the sample rosters; the only real people are the speakers named in the
articles, with their public roles (UU 27/2022, sources: uu-pdp): no real person has a
NIP here.

Every retreat is checked with `birokrasi_retreat.validation.check` against its roster:
an error finding stops the script, and the warnings and infos left are listed in the
file's header. Nothing is random, so re-running reproduces the files byte for byte.

Usage (from the project root)::

    uv run python scripts/make_retreat_samples.py          # rewrite the four files
    uv run python scripts/make_retreat_samples.py --check  # exit 1 if a file is stale
"""

from __future__ import annotations

import dataclasses
import tomllib

from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import _samples_common as common
import pendulum

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.eligibility import eligible_nips, evaluate
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.ranks import Eselon
from birokrasi_retreat.retreat import (
    Eligibility,
    Enrollment,
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Room,
    Session,
    SessionKind,
    Speaker,
    SpeakerLevel,
    Venue,
    VenueKind,
)
from birokrasi_retreat.samples import _RetreatFile
from birokrasi_retreat.validation import check
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import attrs

    from birokrasi_retreat.roster import Roster


TARGET: Final = common.SAMPLES / "retreats"

# The facts of the retreats (the seed articles, sources: city-retreats), each with its
# source: scripts/data/retreats.toml.
FACTS: Final = common.facts("retreats")

# The retrieval date recorded in every data file of the project (COMMON brief).
RETRIEVED: Final[str] = FACTS["retrieved"]

DISCLAIMER: Final[str] = FACTS["disclaimer"]

# The perangkat daerah whose heads are "kepala OPD" (sources: perangkat-daerah): Setda is
# headed by the Sekda, who is listed separately where an article names the post.
OPD: Final = (
    UnitKind.SEKRETARIAT_DPRD,
    UnitKind.INSPEKTORAT,
    UnitKind.DINAS,
    UnitKind.BADAN,
)
# Eselon II.b posts in the Setda that head no unit: asisten and staf ahli (sources: city-eselon); an
# Eligibility selects them by NIP, since heads_only would leave them out.
SETDA_STAFF: Final = ("asisten-", "staf-ahli-")


# --- building blocks -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Slot:
    """One session of an agenda, on a day counted from the retreat's first (0)."""

    id: str
    day: int
    start: str  # "HH:MM", local time of the venue
    end: str
    kind: SessionKind
    title: str
    room: str | None
    note: str  # where the session comes from, and what is ILLUSTRATIVE
    speakers: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    values: tuple[BerAkhlak, ...] = ()
    mandatory: bool = True


@dataclasses.dataclass(frozen=True)
class Absence:
    """An enrolled official who missed sessions (ILLUSTRATIVE), by post id."""

    post: str
    status: EnrollmentStatus
    reason: str
    days: tuple[int, ...] = ()  # the days whose sessions were attended
    missed: tuple[str, ...] = ()  # sessions missed on those days
    substitute: str | None = None  # the post whose holder was sent instead


@dataclasses.dataclass(frozen=True)
class Spec:
    """Everything one sample file holds: the retreat and the comments around it."""

    stem: str
    sample: str
    title: str
    sources: tuple[str, ...]
    retreat: Retreat
    notes: Mapping[str, Sequence[str]]  # field of the retreat -> comment lines
    slots: tuple[Slot, ...]
    speaker_notes: Mapping[str, str]
    venue_notes: Mapping[str, str]  # field of the venue or "room:<id>"
    eligibility_notes: Sequence[str]
    eligible: int
    post_of: Mapping[str, str]  # NIP -> the post that made it eligible
    absences: tuple[Absence, ...]
    header: Sequence[str]


def clock(day: pendulum.Date, text: str, zone: str) -> pendulum.DateTime:
    """An aware local time on ``day`` from ``"HH:MM"``."""
    hour, minute = (int(part) for part in text.split(":"))
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)


def agenda(slots: Iterable[Slot], first: pendulum.Date, zone: str) -> tuple[Session, ...]:
    """The sessions of ``slots``, with day 0 on ``first``."""
    return tuple(
        Session(
            id=slot.id,
            title=slot.title,
            kind=slot.kind,
            start=clock(first.add(days=slot.day), slot.start, zone),
            end=clock(first.add(days=slot.day), slot.end, zone),
            room=slot.room,
            speakers=slot.speakers,
            themes=slot.themes,
            values=slot.values,
            mandatory=slot.mandatory,
        )
        for slot in slots
    )


def holder(roster: Roster, post: str, on: pendulum.Date) -> str:
    """The NIP of the official holding ``post`` on ``on`` (the generator asserts one)."""
    holders = roster.holders(post, on=on)
    if len(holders) != 1:
        msg = f"{post}: {len(holders)} holders on {on}"
        raise SystemExit(msg)
    return holders[0].nip


def setda_staff(roster: Roster, on: pendulum.Date) -> tuple[str, ...]:
    """The NIPs of the asisten and staf ahli on ``on``, in roster order."""
    return tuple(
        holder(roster, position.id, on)
        for position in roster.positions
        if position.id.startswith(SETDA_STAFF)
    )


def posts_of_eligible(
    eligibility: Eligibility, roster: Roster, on: pendulum.Date
) -> tuple[frozenset[str], dict[str, str]]:
    """The eligible NIPs, and for each the post it takes part through, in roster order.

    The post is the one `birokrasi_retreat.eligibility.evaluate` reports as qualifying,
    or for a NIP of ``include`` the official's first post; ``" (plt)"`` marks an acting one.
    """
    eligible = eligible_nips(eligibility, roster, on=on)
    found: dict[str, tuple[str, str]] = {}
    for decision in evaluate(eligibility, roster, on=on):
        if not decision.eligible:
            continue
        posts = roster.posts_of(decision.nip, on=on)
        post = decision.position or posts[0].position
        appointment = next(a for a in posts if a.position == post)
        acting = f" ({appointment.kind.value})" if appointment.kind.is_acting else ""
        found[decision.nip] = (post, post + acting)
    if found.keys() != eligible:
        msg = "evaluate and eligible_nips disagree"
        raise SystemExit(msg)
    order = {position.id: index for index, position in enumerate(roster.positions)}
    ranked = sorted(found.items(), key=lambda item: order[item[1][0]])
    return eligible, {number: label for number, (_, label) in ranked}


def enroll(
    sessions: Sequence[Session],
    slots: Sequence[Slot],
    post_of: Mapping[str, str],
    *,
    held: bool,
    absences: Iterable[Absence],
    roster: Roster,
    on: pendulum.Date,
) -> tuple[Enrollment, ...]:
    """Enroll every eligible official, in roster order; apply the absences of a held retreat."""
    by_post = {absence.post: absence for absence in absences}
    day_of = {slot.id: slot.day for slot in slots}
    everything = tuple(session.id for session in sessions)
    out: list[Enrollment] = []
    for number, post in post_of.items():
        absence = by_post.pop(post.split(" ")[0], None)
        if not held:
            out.append(Enrollment(nip=number))
        elif absence is None:
            out.append(
                Enrollment(
                    nip=number, status=EnrollmentStatus.ATTENDED, attended_sessions=everything
                )
            )
        else:
            attended = tuple(
                session.id
                for session in sessions
                if day_of[session.id] in absence.days and session.id not in absence.missed
            )
            substitute = (
                holder(roster, absence.substitute, on) if absence.substitute is not None else None
            )
            out.append(
                Enrollment(
                    nip=number,
                    status=absence.status,
                    attended_sessions=attended,
                    substitute=substitute,
                )
            )
    if by_post:
        msg = f"absences for posts not enrolled: {sorted(by_post)}"
        raise SystemExit(msg)
    return tuple(out)


# --- reading the facts ----------------------------------------------------------------


def slot(data: Mapping[str, Any]) -> Slot:
    """One session of a city's agenda in retreats.toml."""
    return Slot(
        id=data["id"],
        day=data["day"],
        start=data["start"],
        end=data["end"],
        kind=SessionKind(data["kind"]),
        title=data["title"],
        room=data.get("room"),
        note=data["note"],
        speakers=tuple(data.get("speakers", ())),
        themes=tuple(data.get("themes", ())),
        values=tuple(BerAkhlak(value) for value in data.get("values", ())),
        mandatory=data.get("mandatory", True),
    )


def speaker(data: Mapping[str, Any]) -> Speaker:
    """One speaker of a city in retreats.toml."""
    return Speaker(
        id=data["id"],
        name=data["name"],
        role=data["role"],
        institution=data["institution"],
        level=SpeakerLevel(data["level"]),
    )


def venue(data: Mapping[str, Any]) -> Venue:
    """A city's venue in retreats.toml."""
    return Venue(
        id=data["id"],
        name=data["name"],
        kind=VenueKind(data["kind"]),
        kode=KodeWilayah(code=data["kode"]),
        capacity=data["capacity"],
        rooms=tuple(
            Room(id=room["id"], name=room["name"], capacity=room["capacity"])
            for room in data["rooms"]
        ),
    )


def absence(data: Mapping[str, Any]) -> Absence:
    """One absence of a held retreat in retreats.toml."""
    return Absence(
        post=data["post"],
        status=EnrollmentStatus(data["status"]),
        reason=data["reason"],
        days=tuple(data.get("days", ())),
        missed=tuple(data.get("missed", ())),
        substitute=data.get("substitute"),
    )


def eligibility_of(data: Mapping[str, Any], roster: Roster, on: pendulum.Date) -> Eligibility:
    """A retreat's `Eligibility` ("opd" and include = "setda_staff" as retreats.toml says)."""
    kinds: list[UnitKind] = []
    for kind in data.get("unit_kinds", ()):
        kinds.extend(OPD if kind == "opd" else (UnitKind(kind),))
    include = setda_staff(roster, on) if data.get("include") == "setda_staff" else ()
    return Eligibility(
        eselon_min=Eselon(data["eselon_min"]),
        eselon_max=Eselon(data["eselon_max"]),
        unit_kinds=tuple(kinds),
        heads_only=data["heads_only"],
        include=include,
    )


def build(stem: str, data: Mapping[str, Any], roster: Roster) -> Spec:
    """One sample retreat of retreats.toml, evaluated and enrolled on its city's roster."""
    city = FACTS["city"][data["sample"]]
    first = common.date(data["first"])
    status = RetreatStatus(data["status"])
    held = status is RetreatStatus.HELD
    slots = tuple(slot(row) for row in city["slots"])
    if "slot_note" in data:
        slots = tuple(
            dataclasses.replace(item, note=data["slot_note"].format(note=item.note))
            for item in slots
        )
    sessions = agenda(slots, first, city["zone"])
    eligibility = eligibility_of(data["eligibility"], roster, first)
    eligible, post_of = posts_of_eligible(eligibility, roster, first)
    absences = tuple(absence(row) for row in data.get("absences", ()))
    enrollments = enroll(
        sessions, slots, post_of, held=held, absences=absences, roster=roster, on=first
    )
    optional = {key: data[key] for key in ("theme", "organiser") if key in data}
    retreat = Retreat(
        id=stem,
        host=roster.pemda,
        title=data["title"],
        venue=venue(city["venue"]),
        start=sessions[0].start,
        end=sessions[-1].end,
        nights=data["nights"],
        objectives=tuple(data["objectives"]),
        sessions=sessions,
        speakers=tuple(speaker(row) for row in city["speakers"]),
        eligibility=eligibility,
        enrollments=enrollments,
        status=status,
        **optional,
    )
    attended = sum(e.status is EnrollmentStatus.ATTENDED for e in enrollments)
    return Spec(
        stem=stem,
        sample=data["sample"],
        title=data["file_title"],
        sources=common.seed_sources(data["sources"]),
        retreat=retreat,
        notes=data["notes"],
        slots=slots,
        speaker_notes={row["id"]: row["note"] for row in city["speakers"]},
        venue_notes=city["venue_notes"],
        eligibility_notes=[
            line.format(eligible=len(eligible), attended=attended)
            for line in data["eligibility_notes"]
        ],
        eligible=len(eligible),
        post_of=post_of,
        absences=absences,
        header=data["header"],
    )


# --- writing -------------------------------------------------------------------------


def inline_array(
    name: str, items: Sequence[attrs.AttrsInstance], notes: Sequence[Sequence[str]]
) -> list[str]:
    """A TOML array of inline tables, one per line, each after its comment lines."""
    lines = [f"{name} = ["]
    for item, note in zip(items, notes, strict=True):
        lines.extend(common.comment(note, "    "))
        lines.append(f"    {common.toml_value(common.kept(item))},")
    lines.append("]")
    return lines


def enrollment_lines(spec: Spec) -> list[str]:
    """The enrollments, one per line, each with the post it comes through as a comment."""
    reasons = {absence.post: absence.reason for absence in spec.absences}
    lines = ["enrollments = ["]
    for enrollment in spec.retreat.enrollments:
        post = spec.post_of[enrollment.nip]
        reason = reasons.get(post.split(" ")[0])
        if reason is not None:
            lines.extend(common.comment([reason], "    "))
        lines.append(f"    {common.toml_value(common.kept(enrollment))},  # {post}")
    lines.append("]")
    return lines


def eligibility_lines(spec: Spec) -> list[str]:
    """The ``[retreat.eligibility]`` table; NIPs of ``include`` name their posts."""
    eligibility = spec.retreat.eligibility
    data = common.kept(eligibility)
    lines = ["[retreat.eligibility]", *common.paragraph(spec.eligibility_notes)]
    for key, value in data.items():
        if key in {"include", "exclude"}:
            assert isinstance(value, list)  # noqa: S101  (a generator invariant)
            lines.append(f"{key} = [")
            lines.extend(f"    {common.toml_value(n)},  # {spec.post_of[n]}" for n in value)
            lines.append("]")
        else:
            lines.append(f"{key} = {common.toml_value(value)}")
    return lines


def venue_lines(spec: Spec) -> list[str]:
    """The ``[retreat.venue]`` table, each field after its source."""
    venue = spec.retreat.venue
    lines = ["[retreat.venue]"]
    for key, value in common.kept(venue).items():
        if key == "rooms":
            notes = [[spec.venue_notes[f"room:{room.id}"]] for room in venue.rooms]
            lines.extend(inline_array("rooms", venue.rooms, notes))
            continue
        if key in spec.venue_notes:
            lines.extend(common.comment([spec.venue_notes[key]]))
        lines.append(f"{key} = {common.toml_value(value)}")
    return lines


def findings_summary(spec: Spec, roster: Roster) -> list[str]:
    """Check the retreat; stop on an error; describe the warnings and infos left."""
    report = check(spec.retreat, options={"roster": roster})
    common.stop_on_errors(report, spec.stem)
    return [f"  {line}" for line in common.finding_counts(report)] or ["  none."]


def render(spec: Spec, roster: Roster) -> str:
    """Return the TOML text of one sample retreat."""
    retreat = spec.retreat
    statuses = Counter(e.status.value for e in retreat.enrollments)
    days = ", ".join(f"{d.isoformat()} ({d.format('ddd')})" for d in retreat.days)
    header = [
        f"Sample retreat {retreat.id} of Pemerintah {retreat.host.name} for birokrasi-retreat.",
        common.generated_line("make_retreat_samples.py"),
        "",
        *spec.header,
        "",
        f"Days ({retreat.venue.timezone_label}, {retreat.timezone}): {days}.",
        f"Sessions: {len(retreat.sessions)}; speakers: {len(retreat.speakers)}.",
        (
            f"Eligible on {retreat.days[0].isoformat()} (birokrasi_retreat.eligibility,"
            f" on the sample roster '{spec.sample}'): {spec.eligible}; enrolled:"
            f" {len(retreat.enrollments)} ("
            + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
            + ")."
        ),
        "",
        (
            "REAL PEOPLE are the speakers only: public office holders named in the articles,"
            " with their public roles (sources: city-retreats, uu-pdp). SYNTHETIC PEOPLE: every"
            " participant is an official of the sample roster (invented name and NIP)."
        ),
        (
            "ILLUSTRATIVE: what no article gives (clock times, rooms, capacities, attendance"
            " and its reasons), marked where it appears."
        ),
        "",
        "validation.check(retreat, options={'roster': roster}) leaves no error; it reports:",
    ]
    lines = [
        *common.comment(header),
        *(f"# {line}" for line in findings_summary(spec, roster)),
        *common.comment(["", common.licence_line(RETRIEVED)]),
        "",
        "[meta]",
        f"title = {common.toml_value(spec.title)}",
        "sources = [",
        *(f"    {common.toml_value(source)}," for source in spec.sources),
        "]",
        f"disclaimer = {common.toml_value(DISCLAIMER)}",
        "",
        "[retreat]",
    ]
    data = common.kept(retreat)
    for key in ("id", "title", "start", "end", "nights", "theme", "status", "organiser"):
        if key in data:
            lines.extend(common.paragraph(spec.notes[key]))
            lines.append(f"{key} = {common.toml_value(data[key])}")
    lines.extend(common.paragraph(spec.notes["host"]))
    lines.append(f"host = {common.toml_value(data['host'])}")
    lines.extend(common.paragraph(spec.notes["objectives"]))
    lines.append("objectives = [")
    lines.extend(f"    {common.toml_value(objective)}," for objective in retreat.objectives)
    lines.append("]")
    lines.extend(common.paragraph(spec.notes["speakers"]))
    lines.extend(
        inline_array(
            "speakers", retreat.speakers, [[spec.speaker_notes[s.id]] for s in retreat.speakers]
        )
    )
    lines.extend(common.paragraph(spec.notes["sessions"]))
    lines.extend(inline_array("sessions", retreat.sessions, [[s.note] for s in spec.slots]))
    lines.extend(common.paragraph(spec.notes["enrollments"]))
    lines.extend(enrollment_lines(spec))
    lines.extend(["", *venue_lines(spec), "", *eligibility_lines(spec)])
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)
    loaded = serialization.loads(text, _RetreatFile, format="toml")
    if loaded.retreat != retreat:
        msg = f"{spec.stem}: the file does not read back as the retreat"
        raise SystemExit(msg)
    return text


def files() -> Iterator[tuple[str, str]]:
    """The name and text of each sample retreat, in retreats.toml order."""
    rosters: dict[str, Roster] = {}
    for stem, data in FACTS["retreat"].items():
        sample = data["sample"]
        if sample not in rosters:
            rosters[sample] = samples.load_roster(sample)
        yield f"{stem}.toml", render(build(stem, data, rosters[sample]), rosters[sample])


def main(argv: list[str] | None = None) -> int:
    """Write the sample retreats, or with ``--check`` report whether they are up to date."""
    return common.main(
        argv, doc=__doc__, script="make_retreat_samples.py", target=TARGET, files=files
    )


if __name__ == "__main__":
    raise SystemExit(main())
