"""Regenerate the sample follow-ups ``src/birokrasi_retreat/samples/data/followups/*.toml``.

One file per sample retreat held (``<retreat-file-stem>.toml``, e.g. ``malang-2025.toml``)
holding deterministic, SYNTHETIC follow-up data (`birokrasi_retreat.followup`), so that
the follow-up status, the FUP rules and the four-level evaluation have something true to
say about the sample retreats:

* **Commitments** (*rencana aksi*): one for each unit of the retreat that makes one (the
  units where participants hold a post on its first day; see ``Spec.units``), owned by
  that unit's participant (its head when the head took part). Each commitment has a
  description, the BerAKHLAK values it practises, a measurable indicator with a baseline
  and a target, a due date and a status history. The outcome of each is drawn with a
  seeded `random.Random`: done on time, done late, overdue (still in progress, or never
  started), dropped, not yet due, or done ahead of a due date still to come, on the
  sample's reference date (``as_of`` of the sample roster, 30 November 2025).
* **Monitoring visits** (*kunjungan monitoring*): the seed articles promise field visits
  to every unit after the retreat (shared/seeds/003). The schedule is made by the
  library's own `birokrasi_retreat.followup.visit_plan` (working days, no visitor in two
  places on one day), with the Sekda and the three asisten as visitors (the Wali Kota,
  an elected official, has no NIP and is not in the roster). Then, to tell a plausible
  story, some units' visits are removed and a few of those units are visited late,
  after the 90-day window. Each visit reviews the unit's commitments, judged below / as
  planned / exceeding (the LAN scale, sources: aksi-perubahan) from their status on that day.
* **Unit indicators**: a handful of unit measures before and after the retreat (service
  times, IKM scores, complaint backlogs), some improved, some worsened, some unchanged.

What each sample holds (seeds, due dates, visit schedule, indicators, visitors, sources)
is data: ``scripts/data/followups.toml``; the commitment templates, outcomes and visit
notes below are the generator's vocabulary.

Every number, description and date is INVENTED and ILLUSTRATIVE: it describes no real
commitment, visit or indicator of the three city governments. The owners and visitors
are the synthetic officials of the sample rosters.

Per sample:

* ``malang-2025`` (held 15-17 May 2025): commitments for every unit of the retreat,
  visits from 2 June 2025 (two weeks after, to let work begin) with some units left
  unvisited in the window, twelve indicators.
* ``kendari-2025`` (1-3 August 2025): commitments of the heads of the Setda and the
  OPD that took part, visits from 18 August, five indicators.
* ``bandung-2025`` (4-5 November 2025): commitments of the heads of OPD and the camat,
  most not yet due; the visits of the first weeks only; no indicator yet (the "after"
  values are not measured 25 days after the retreat, and the evaluation says so).

Every file is checked before it is written: `birokrasi_retreat.validation.check` of the
follow-up with the roster on the reference date must find no error, and the warnings
left are listed in the file's header. Re-running reproduces the files byte for byte.

Usage (from the project root)::

    uv run python scripts/make_followup_samples.py          # rewrite the files
    uv run python scripts/make_followup_samples.py --check  # exit 1 if a file is stale
"""

from __future__ import annotations

import dataclasses
import random
import sys

from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import _samples_common as common
import attrs
import pendulum

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.followup import (
    Commitment,
    CommitmentStatus,
    Direction,
    FollowUp,
    Judgement,
    MonitoringVisit,
    Review,
    StatusChange,
    UnitIndicator,
    follow_up_status,
    visit_plan,
)
from birokrasi_retreat.followup._status import retreat_units, window_end
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.samples import _FollowUpFile, _RetreatMeta
from birokrasi_retreat.validation import check
from birokrasi_retreat.values import BerAkhlak


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from birokrasi_retreat.retreat import Retreat
    from birokrasi_retreat.roster import Roster


OUT: Final = common.SAMPLES / "followups"

# What each sample holds (seeds, due dates, visits, indicators), its sources and
# disclaimer: scripts/data/followups.toml.
FACTS: Final = common.facts("followups")

RETRIEVED: Final[str] = FACTS["retrieved"]

# The visitors: the Sekda and the three asisten of the Setda, by their post titles.
VISITOR_TITLES: Final[tuple[str, ...]] = tuple(FACTS["visitor_titles"])

# Commitment templates by kind of unit: (description, values, indicator, baseline,
# target). Invented, plausible texts in the spirit of the seed articles (discipline,
# teamwork, better public service, coordination across levels: shared/seeds/003).
TEMPLATES: Final[dict[str, tuple[tuple[str, tuple[BerAkhlak, ...], str, float, float], ...]]] = {
    "kelurahan": (
        (
            "Surat pengantar warga selesai pada hari yang sama",
            (BerAkhlak.BERORIENTASI_PELAYANAN,),
            "persentase surat pengantar selesai pada hari pengajuan",
            55.0,
            90.0,
        ),
        (
            "Jadwal piket pelayanan kantor kelurahan diumumkan dan ditaati",
            (BerAkhlak.AKUNTABEL, BerAkhlak.BERORIENTASI_PELAYANAN),
            "hari kerja dengan petugas piket hadir pukul 07.30 (%)",
            70.0,
            95.0,
        ),
        (
            "Rapat koordinasi bulanan dengan RW dan LPMK",
            (BerAkhlak.KOLABORATIF, BerAkhlak.HARMONIS),
            "rapat koordinasi per bulan",
            0.0,
            1.0,
        ),
    ),
    "kecamatan": (
        (
            "Apel pagi bersama lurah se-kecamatan setiap Senin",
            (BerAkhlak.HARMONIS, BerAkhlak.KOLABORATIF),
            "apel bersama per bulan",
            0.0,
            4.0,
        ),
        (
            "Layanan surat keterangan kecamatan paling lama satu hari kerja",
            (BerAkhlak.BERORIENTASI_PELAYANAN, BerAkhlak.KOMPETEN),
            "rata-rata waktu layanan (jam kerja)",
            16.0,
            8.0,
        ),
    ),
    "setda": (
        (
            "Rapat koordinasi lintas OPD dipimpin Sekda setiap bulan",
            (BerAkhlak.KOLABORATIF, BerAkhlak.HARMONIS),
            "rapat koordinasi lintas OPD per bulan",
            0.0,
            1.0,
        ),
    ),
    "opd": (
        (
            "Standar pelayanan ditinjau ulang dan dipublikasikan di laman OPD",
            (BerAkhlak.BERORIENTASI_PELAYANAN, BerAkhlak.AKUNTABEL),
            "standar pelayanan yang dipublikasikan (%)",
            40.0,
            100.0,
        ),
        (
            "Aduan SP4N-LAPOR! ditindaklanjuti paling lama lima hari kerja",
            (BerAkhlak.BERORIENTASI_PELAYANAN, BerAkhlak.AKUNTABEL),
            "aduan ditindaklanjuti dalam lima hari kerja (%)",
            60.0,
            90.0,
        ),
        (
            "Apel pagi dan kehadiran pegawai tepat waktu",
            (BerAkhlak.AKUNTABEL, BerAkhlak.LOYAL),
            "kehadiran tepat waktu (%)",
            82.0,
            95.0,
        ),
        (
            "Forum koordinasi dengan OPD mitra dan kecamatan setiap triwulan",
            (BerAkhlak.KOLABORATIF,),
            "forum koordinasi per triwulan",
            0.0,
            1.0,
        ),
        (
            "Inovasi layanan digital dirancang dan diuji coba",
            (BerAkhlak.ADAPTIF, BerAkhlak.KOMPETEN),
            "tahapan inovasi selesai (dari 4)",
            0.0,
            4.0,
        ),
    ),
}

# Outcomes of a commitment on the reference date, with their weights.
OUTCOMES: Final = (
    ("on_time", 50),
    ("late", 16),
    ("overdue", 11),
    ("not_started", 3),
    ("dropped", 3),
    ("not_due", 13),
    ("early", 4),
)

VISIT_NOTES: Final = (
    "Kepala unit memaparkan capaian; Sekda meminta bukti dilengkapi.",
    "Pelayanan diamati langsung di loket; antrean lebih tertib.",
    "Kendala anggaran disampaikan; diminta koordinasi dengan Bappeda.",
    "Didampingi Wali Kota; capaian diminta dipercepat.",
)

DROP_NOTE: Final = "Digabung dengan rencana aksi perangkat daerah induk."

# Chances of a judgement: a commitment done when visited is "exceeding" this often; one
# in progress and not yet due is "below" this often; a visit carries notes this often.
EXCEEDING_SHARE: Final = 0.3
BELOW_SHARE: Final = 0.35
NOTES_SHARE: Final = 0.25


@dataclasses.dataclass(frozen=True)
class IndicatorSpec:
    """One unit indicator of a sample (all numbers invented)."""

    unit: str
    name: str
    direction: Direction
    before: float
    after: float
    measure: str


@dataclasses.dataclass(frozen=True)
class Spec:
    """What to generate for one sample retreat."""

    sample: str
    seed: int
    # Which units of the retreat make a commitment: "all", or "heads" (the Setda, the
    # OPD and, when listed, the kecamatan).
    units: str
    with_kecamatan: bool
    # Due dates drawn for commitments due before the reference date, and after it.
    due_past: tuple[pendulum.Date, ...]
    due_future: tuple[pendulum.Date, ...]
    visits_start: pendulum.Date
    # Units whose visit is removed, and how many of them are visited after the window.
    unvisited: int
    late_visits: int
    # Visits of the plan kept, by date (None: all of them up to the reference date).
    visits_until: pendulum.Date | None
    indicators: tuple[IndicatorSpec, ...]
    # Commitment outcomes override (None: OUTCOMES).
    outcomes: tuple[tuple[str, int], ...] | None = None
    # A visitor's working days from one visit to the next (visit_plan's ``every``).
    every: int = 2


def spec_of(sample: str, data: Mapping[str, Any]) -> Spec:
    """One sample of followups.toml."""
    until = data.get("visits_until")
    outcomes = data.get("outcomes")
    return Spec(
        sample=sample,
        seed=data["seed"],
        units=data["units"],
        with_kecamatan=data["with_kecamatan"],
        due_past=tuple(common.date(day) for day in data["due_past"]),
        due_future=tuple(common.date(day) for day in data["due_future"]),
        visits_start=common.date(data["visits_start"]),
        unvisited=data["unvisited"],
        late_visits=data["late_visits"],
        visits_until=None if until is None else common.date(until),
        indicators=tuple(
            IndicatorSpec(
                unit=row["unit"],
                name=row["name"],
                direction=Direction(row["direction"]),
                before=row["before"],
                after=row["after"],
                measure=row["measure"],
            )
            for row in data["indicators"]
        ),
        outcomes=None if outcomes is None else tuple((name, n) for name, n in outcomes),
        every=data.get("every", 2),
    )


SPECS: Final = tuple(spec_of(sample, data) for sample, data in FACTS["followup"].items())


# ----------------------------------------------------------------------------- people


def participants_by_unit(retreat: Retreat, roster: Roster) -> dict[str, list[str]]:
    """Unit id -> the NIPs of the participants holding a post in it on the first day."""
    first = retreat.days[0]
    taking_part = [
        e.nip for e in retreat.enrollments if e.status.value not in {"excused", "absent"}
    ]
    found: dict[str, list[str]] = {}
    for nip in taking_part:
        for appointment in roster.posts_of(nip, on=first):
            unit = roster.position(appointment.position).unit
            found.setdefault(unit, []).append(nip)
    return found


def owner_of(unit: str, people: list[str], roster: Roster, day: pendulum.Date) -> str:
    """The unit's head when they took part, else its first participant."""
    head = roster.head_of(unit, on=day)
    if head is not None and head.official is not None and head.official.nip in people:
        return head.official.nip
    return people[0]


def visitors(roster: Roster, day: pendulum.Date) -> list[str]:
    """The NIPs of the Sekda and the asisten on ``day``, in VISITOR_TITLES order."""
    found = []
    for title in VISITOR_TITLES:
        post = next(p for p in roster.positions_in("setda") if p.title == title)
        holding = roster.holding(post.id, on=day)
        if holding.official is None:
            msg = f"the post {title!r} is vacant on {day}"
            raise SystemExit(msg)
        found.append(holding.official.nip)
    return found


def template_kind(roster: Roster, unit: str) -> str:
    """Which TEMPLATES a unit draws its commitment from."""
    kind = roster.unit(unit).kind
    if kind is UnitKind.KELURAHAN:
        return "kelurahan"
    if kind is UnitKind.KECAMATAN:
        return "kecamatan"
    if kind is UnitKind.SEKRETARIAT_DAERAH:
        return "setda"
    return "opd"


def committing_units(spec: Spec, retreat: Retreat, roster: Roster) -> list[str]:
    """The units of the retreat that make a commitment, in id order."""
    units = list(retreat_units(retreat, roster))
    if spec.units == "all":
        return units
    kinds = {"setda", "opd"} | ({"kecamatan"} if spec.with_kecamatan else set())
    return [u for u in units if template_kind(roster, u) in kinds]


# -------------------------------------------------------------------------- commitments


def history_for(
    rng: random.Random, outcome: str, due: pendulum.Date, start: pendulum.Date, as_of: pendulum.Date
) -> tuple[StatusChange, ...]:
    """A status history that reaches ``outcome`` on ``as_of`` (or the nearest possible).

    Work starts 3 to 24 days after the retreat and takes at least a week. An outcome the
    dates cannot reach degrades: "on time" becomes "late" when the due date comes too
    soon, and "late" becomes "overdue" when the reference date comes too soon.
    """
    started = start.add(days=rng.randint(3, 24))
    if outcome == "not_started" or started > as_of:
        return ()
    begun = StatusChange(on=started, status=CommitmentStatus.IN_PROGRESS)
    if outcome in {"overdue", "not_due"}:
        return (begun,)
    if outcome == "dropped":
        dropped = min(started.add(days=rng.randint(20, 60)), as_of)
        return (begun, StatusChange(on=dropped, status=CommitmentStatus.DROPPED, note=DROP_NOTE))
    earliest = started.add(days=7)
    # "early": done before the reference date, ahead of a due date still to come.
    latest = as_of if outcome == "early" else min(due, as_of)
    if outcome in {"on_time", "early"} and earliest <= latest:
        first = max(earliest, latest.subtract(days=25))
        done = first.add(days=rng.randint(0, (latest - first).days))
    else:  # late, or on time out of reach
        done = max(due.add(days=rng.randint(4, 40)), earliest)
        if done > as_of:
            return (begun,)
    return (begun, StatusChange(on=done, status=CommitmentStatus.DONE))


def make_commitments(
    spec: Spec, rng: random.Random, retreat: Retreat, roster: Roster, as_of: pendulum.Date
) -> list[Commitment]:
    """One commitment per committing unit, its outcome drawn from the spec's weights."""
    first, last = retreat.days[0], retreat.days[-1]
    people = participants_by_unit(retreat, roster)
    outcomes = spec.outcomes or OUTCOMES
    names = [name for name, _ in outcomes]
    weights = [weight for _, weight in outcomes]
    made: list[Commitment] = []
    for number, unit in enumerate(committing_units(spec, retreat, roster), start=1):
        owner = owner_of(unit, people[unit], roster, first)
        description, values, indicator, baseline, target = rng.choice(
            TEMPLATES[template_kind(roster, unit)]
        )
        outcome = rng.choices(names, weights)[0]
        if outcome in {"not_due", "early"}:
            due = rng.choice(spec.due_future)
        else:
            due = rng.choice(spec.due_past)
        history = history_for(rng, outcome, due, last, as_of)
        done = bool(history) and history[-1].status is CommitmentStatus.DONE
        made.append(
            Commitment(
                id=f"ra-{number:03d}",
                retreat=retreat.id,
                owner=owner,
                unit=unit,
                description=description,
                values=values,
                indicator=indicator,
                baseline=baseline,
                target=target,
                due=due,
                history=history,
                evidence=(f"laporan-ra-{number:03d}.pdf",) if done else (),
            )
        )
    return made


def blemish(rng: random.Random, commitments: list[Commitment]) -> list[Commitment]:
    """Two realistic slips: a commitment done without evidence, one without a target."""
    done = [i for i, c in enumerate(commitments) if c.status is CommitmentStatus.DONE]
    open_ = [i for i, c in enumerate(commitments) if c.status is not CommitmentStatus.DONE]
    if done:
        i = rng.choice(done)
        commitments[i] = attrs.evolve(commitments[i], evidence=())
    if open_:
        i = rng.choice(open_)
        commitments[i] = attrs.evolve(commitments[i], target=None)
    return commitments


# ------------------------------------------------------------------------------ visits


def judge(rng: random.Random, commitment: Commitment, day: pendulum.Date) -> Judgement | None:
    """The monitor's judgement of a commitment on ``day``; None when it was dropped."""
    status = commitment.status_on(day)
    if status is CommitmentStatus.DROPPED:
        return None
    if status is CommitmentStatus.DONE:
        return Judgement.EXCEEDING if rng.random() < EXCEEDING_SHARE else Judgement.AS_PLANNED
    if status is CommitmentStatus.IN_PROGRESS:
        late = day > commitment.due
        return Judgement.BELOW if late or rng.random() < BELOW_SHARE else Judgement.AS_PLANNED
    return Judgement.BELOW


def make_visits(
    spec: Spec,
    rng: random.Random,
    retreat: Retreat,
    roster: Roster,
    *,
    commitments: list[Commitment],
    as_of: pendulum.Date,
) -> list[MonitoringVisit]:
    """visit_plan's schedule, thinned and partly delayed, each visit judging its unit."""
    who = visitors(roster, spec.visits_start)
    plan = list(
        visit_plan(roster, retreat, start=spec.visits_start, visitors=who, every=spec.every)
    )
    until = spec.visits_until or as_of
    plan = [visit for visit in plan if visit.on <= until]
    # Leave some units unvisited in the window; visit a few of them late.
    skipped = rng.sample(plan, spec.unvisited)
    kept = [visit for visit in plan if visit not in skipped]
    end = window_end(retreat, 90)
    late_days = [end.add(days=d) for d in (19, 26, 33, 40, 47, 54)]
    for index, visit in enumerate(sorted(skipped, key=lambda v: v.unit)[: spec.late_visits]):
        day = late_days[index]
        while day.day_of_week in {pendulum.SATURDAY, pendulum.SUNDAY}:
            day = day.add(days=1)
        kept.append(attrs.evolve(visit, on=day))
    kept.sort(key=lambda visit: (visit.on, visit.unit))
    by_unit: dict[str, list[Commitment]] = {}
    for commitment in commitments:
        by_unit.setdefault(commitment.unit, []).append(commitment)
    visits = []
    for number, visit in enumerate(kept, start=1):
        reviews = []
        for commitment in by_unit.get(visit.unit, ()):
            judgement = judge(rng, commitment, visit.on)
            if judgement is not None:
                reviews.append(Review(commitment=commitment.id, judgement=judgement))
        visits.append(
            MonitoringVisit(
                id=f"kunjungan-{number:03d}",
                on=visit.on,
                unit=visit.unit,
                visitor=visit.visitor,
                reviews=tuple(reviews),
                notes=rng.choice(VISIT_NOTES) if rng.random() < NOTES_SHARE else None,
                evidence=(f"notulen-kunjungan-{number:03d}.pdf",),
            )
        )
    return visits


# --------------------------------------------------------------------------- indicators


def make_indicators(spec: Spec, retreat: Retreat, roster: Roster) -> list[UnitIndicator]:
    """The spec's indicators, measured at the end of the month before and in October."""
    units = {unit.id for unit in roster.units()}
    before_on = retreat.days[0].subtract(months=1).end_of("month")
    after_on = common.date(FACTS["indicators_after_on"])
    made = []
    for number, item in enumerate(spec.indicators, start=1):
        if item.unit not in units:
            msg = f"{spec.sample}: no unit {item.unit!r} in the roster"
            raise SystemExit(msg)
        made.append(
            UnitIndicator(
                id=f"indikator-{number:02d}",
                unit=item.unit,
                name=item.name,
                direction=item.direction,
                before=item.before,
                after=item.after,
                measure=item.measure,
                before_on=before_on,
                after_on=after_on,
                source=FACTS["indicator_source"],
            )
        )
    return made


# ------------------------------------------------------------------------------- files


def build(spec: Spec) -> tuple[str, str]:
    """The file name and text of one sample's follow-up."""
    dataset = samples.load(spec.sample)
    retreat, roster, as_of = dataset.retreat, dataset.roster, dataset.as_of
    if retreat is None:
        msg = f"{spec.sample}: the sample has no retreat held"
        raise SystemExit(msg)
    rng = random.Random(spec.seed)  # noqa: S311  (seeded synthetic data, not secrets)
    commitments = blemish(rng, make_commitments(spec, rng, retreat, roster, as_of))
    visits = make_visits(spec, rng, retreat, roster, commitments=commitments, as_of=as_of)
    indicators = make_indicators(spec, retreat, roster)
    follow_up = FollowUp(
        retreat=retreat,
        commitments=tuple(commitments),
        visits=tuple(visits),
        indicators=tuple(indicators),
    )
    report = check(follow_up, on=as_of, options={"roster": roster})
    if report.errors:
        for finding in report.errors:
            print(finding.message("en"), file=sys.stderr)
        msg = f"{spec.sample}: the follow-up has errors"
        raise SystemExit(msg)
    status = follow_up_status(retreat, commitments, visits, on=as_of, roster=roster)
    counts = Counter(f"{f.code} ({f.severity.name.lower()})" for f in report)
    findings = ", ".join(f"{code} x{n}" for code, n in sorted(counts.items())) or "none"
    statuses = Counter(c.status_on(as_of).value for c in commitments)
    ahead = sum(c.status_on(as_of) is CommitmentStatus.DONE and c.due > as_of for c in commitments)
    header = [
        f"Sample follow-up of retreat {retreat.id} ({retreat.title}) for birokrasi-retreat.",
        common.generated_line("make_followup_samples.py"),
        "",
        (
            "SYNTHETIC and ILLUSTRATIVE: every commitment, visit, judgement and indicator is"
            " invented (seeded random.Random); owners and visitors are the synthetic"
            " officials of the sample roster. Nothing here describes a real commitment,"
            " visit or indicator of the city government."
        ),
        "",
        f"On {as_of.isoformat()} (the sample's reference date):",
        f"commitments: {len(commitments)} ("
        + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
        + f"); due: {status.due}, of which done on time: {status.done_on_time - ahead},"
        f" done late: {status.done_late}, overdue: {status.overdue}; done ahead of a due"
        f" date to come: {ahead};",
        (
            f"visits: {len(visits)}; units of the retreat: {len(status.units)}, visited"
            f" share: {status.visited_share:.2f}; indicators: {len(indicators)}."
        ),
        f"validation.check(follow_up, on=..., options={{'roster': roster}}): no error; {findings}.",
        "",
        common.licence_line(RETRIEVED),
    ]
    lines = common.comment(header, width=86)
    file = _FollowUpFile(
        meta=_RetreatMeta(
            title=FACTS["title"].format(retreat=retreat.title),
            sources=tuple(FACTS["sources"]),
            disclaimer=FACTS["disclaimer"],
        ),
        retreat=retreat.id,
        commitments=tuple(commitments),
        visits=tuple(visits),
        indicators=tuple(indicators),
    )
    body = serialization.dumps(file, format="toml")
    return f"{retreat.id}.toml", "\n".join(lines) + "\n\n" + body


def files() -> Iterator[tuple[str, str]]:
    """The name and text of each sample follow-up, in SPECS order."""
    for spec in SPECS:
        yield build(spec)


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with --check say which are stale (exit 1)."""
    return common.main(
        argv, doc=__doc__, script="make_followup_samples.py", target=OUT, files=files
    )


if __name__ == "__main__":
    raise SystemExit(main())
