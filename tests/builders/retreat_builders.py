"""Builders for the tests of retreats and what follows them: two small valid retreats, and helpers.

`kendari()` is a three-day retreat of Kota Kendari (74.71, WITA) at Kebun Raya Kendari,
1-3 August 2025 (a Friday to a Sunday; sources: city-retreats), with synthetic participants.
`malang()` is a retreat of Kota Malang at a venue in Kota Batu (35.79, WIB), 15-17 May
2025, whose participants are the five camat of the bundled Malang roster
(`birokrasi_retreat.samples.load_roster("malang")`), exactly those its eligibility
selects. Both check clean with every RET rule; each test changes one thing.
"""

from __future__ import annotations

import functools
import importlib

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from birokrasi_retreat import samples
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import Pemda, PemdaKind, UnitKind
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
    Window,
)


if TYPE_CHECKING:
    import roster_builders

    from birokrasi_retreat.roster import Roster
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    roster_builders = importlib.import_module("tests.builders.roster_builders")

replaced = roster_builders.replaced

WITA: Final = "Asia/Makassar"
WIB: Final = "Asia/Jakarta"

# Synthetic NIPs (valid): the documented example first.
KENDARI_NIPS: Final = (
    "198609262015051001",
    "197008151995031002",
    "197201011998032004",
    "197802202003122001",
    "198004122005011003",
)

# The five camat of the bundled Malang roster, in roster order of their decisions.
CAMAT_NIPS: Final = (
    "197310101996121001",
    "198010292010011001",
    "197210232000052001",
    "198308102007011001",
    "197304281996121001",
)
SEKDA_NIP: Final = "196810091995031001"
"""The Sekda of the bundled Malang roster (eselon II.a; not a camat)."""
PPPK_NIP: Final = "198902072022211001"
"""A PPPK of the bundled Malang roster (not a camat)."""
UNKNOWN_NIP: Final = "199005052014031005"
"""A valid NIP that the Malang roster does not know."""


def wita(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    """An August 2025 time in Kendari (WITA)."""
    return pendulum.datetime(2025, 8, day, hour, minute, tz=WITA)


def wib(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    """A May 2025 time in Kota Batu (WIB)."""
    return pendulum.datetime(2025, 5, day, hour, minute, tz=WIB)


def session(
    sid: str,
    kind: SessionKind,
    start: pendulum.DateTime,
    end: pendulum.DateTime,
    **fields: Any,
) -> Session:
    """A session titled after its id."""
    return Session(id=sid, title=f"Sesi {sid}", kind=kind, start=start, end=end, **fields)


# --- Kendari (WITA, no roster) -----------------------------------------------------------


def kendari_venue(**changes: Any) -> Venue:
    """Kebun Raya Kendari: 100 people, an aula of 70 and a field of 100."""
    venue = Venue(
        id="kebun-raya",
        name="Kebun Raya Kendari",
        kind=VenueKind.OUTDOOR,
        kode=KodeWilayah(code="74.71"),
        capacity=100,
        rooms=(
            Room(id="aula", name="Aula", capacity=70),
            Room(id="lapangan", name="Lapangan", capacity=100),
        ),
    )
    return attrs.evolve(venue, **changes)


def kendari_speakers() -> tuple[Speaker, ...]:
    """Sugeng Haryono (available the first morning only) and the Sekda (no windows)."""
    return (
        Speaker(
            id="sugeng",
            name="Sugeng Haryono",
            role="Kepala BPSDM Kemendagri",
            institution="Kementerian Dalam Negeri",
            level=SpeakerLevel.PUSAT,
            availability=(Window(start=wita(1, 7), end=wita(1, 12)),),
        ),
        Speaker(
            id="amir",
            name="Amir Hasan",
            role="Sekretaris Daerah Kota Kendari",
            institution="Pemerintah Kota Kendari",
            level=SpeakerLevel.DAERAH,
        ),
    )


def kendari_sessions() -> tuple[Session, ...]:
    """Eleven sessions over the three days (index order), none over Friday prayer time."""
    return (
        session("buka", SessionKind.OPENING, wita(1, 7), wita(1, 8), room="lapangan"),
        session("materi-1", SessionKind.LECTURE, wita(1, 8), wita(1, 10), room="aula",
                speakers=("sugeng",)),
        session("diskusi", SessionKind.GROUP_DISCUSSION, wita(1, 10), wita(1, 11, 30),
                room="aula"),
        session("jumatan", SessionKind.WORSHIP, wita(1, 11, 30), wita(1, 13)),
        session("makan", SessionKind.MEAL_BREAK, wita(1, 13), wita(1, 14)),
        session("outbound", SessionKind.TEAM_BUILDING, wita(1, 14), wita(1, 17),
                room="lapangan"),
        session("senam", SessionKind.PHYSICAL_TRAINING, wita(2, 6), wita(2, 7), room="lapangan"),
        session("materi-2", SessionKind.LECTURE, wita(2, 8), wita(2, 10), room="aula",
                speakers=("amir",)),
        session("refleksi", SessionKind.REFLECTION, wita(2, 10), wita(2, 12), room="aula",
                mandatory=False),
        session("tanam", SessionKind.SOCIAL_ACTION, wita(3, 7), wita(3, 9)),
        session("tutup", SessionKind.CLOSING, wita(3, 9), wita(3, 10), room="lapangan",
                speakers=("amir",)),
    )  # fmt: skip


def kendari_enrollments(
    status: EnrollmentStatus = EnrollmentStatus.CONFIRMED,
) -> tuple[Enrollment, ...]:
    """The five synthetic participants, all with ``status``."""
    return tuple(Enrollment(nip=nip, status=status) for nip in KENDARI_NIPS)


def kendari(**changes: Any) -> Retreat:
    """The valid Kendari retreat (planned), with any field replaced."""
    retreat = Retreat(
        id="kendari-2025",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=KodeWilayah(code="74.71")),
        title="Retret ASN Kota Kendari",
        venue=kendari_venue(),
        start=wita(1, 7),
        end=wita(3, 12),
        nights=2,
        sessions=kendari_sessions(),
        speakers=kendari_speakers(),
        enrollments=kendari_enrollments(),
    )
    return attrs.evolve(retreat, **changes)


def with_session(index: int, **changes: Any) -> Retreat:
    """The Kendari retreat with session ``index`` evolved by ``changes``."""
    return kendari(sessions=replaced(kendari_sessions(), index, **changes))


def held_kendari(*attended: tuple[str, ...]) -> Retreat:
    """The Kendari retreat as held: participant ``i`` attended ``attended[i]`` (else all)."""
    every = tuple(s.id for s in kendari_sessions())
    enrollments = tuple(
        Enrollment(
            nip=nip,
            status=EnrollmentStatus.ATTENDED,
            attended_sessions=attended[i] if i < len(attended) else every,
        )
        for i, nip in enumerate(KENDARI_NIPS)
    )
    return kendari(status=RetreatStatus.HELD, enrollments=enrollments)


# --- Malang at Kota Batu (WIB, with the bundled roster) --------------------------------------


@functools.cache
def malang_roster() -> Roster:
    """The bundled Malang roster."""
    return samples.load_roster("malang")


def malang_roster_without(nip: str) -> Roster:
    """The Malang roster in which ``nip``'s appointments ended on 1 May 2025."""
    roster = malang_roster()
    appointments = tuple(
        attrs.evolve(a, end=pendulum.Date(2025, 5, 1)) if a.nip == nip else a
        for a in roster.appointments
    )
    return attrs.evolve(roster, appointments=appointments)


def camat_eligibility(**changes: Any) -> Eligibility:
    """Heads of kecamatan: the five camat of the Malang roster."""
    return attrs.evolve(Eligibility(unit_kinds=(UnitKind.KECAMATAN,), heads_only=True), **changes)


def malang(**changes: Any) -> Retreat:
    """The valid Malang retreat at Kota Batu (15-17 May 2025), the five camat enrolled."""
    venue = Venue(
        id="batu",
        name="Balai Diklat Kota Batu",
        kind=VenueKind.GOVERNMENT_OFFICE,
        kode=KodeWilayah(code="35.79"),
        capacity=120,
        rooms=(Room(id="aula", name="Aula Utama", capacity=120),),
    )
    retreat = Retreat(
        id="malang-2025",
        host=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=KodeWilayah(code="35.73")),
        title="Leadership dan Penguatan Teamwork Building",
        venue=venue,
        start=wib(15, 7),
        end=wib(17, 12),
        nights=2,
        sessions=(
            session("apel", SessionKind.OPENING, wib(15, 7), wib(15, 8), room="aula"),
            session("materi", SessionKind.LECTURE, wib(16, 8), wib(16, 11), room="aula"),
            session("tutup", SessionKind.CLOSING, wib(17, 9), wib(17, 10), room="aula"),
        ),
        eligibility=camat_eligibility(),
        enrollments=tuple(Enrollment(nip=nip) for nip in CAMAT_NIPS),
    )
    return attrs.evolve(retreat, **changes)


def malang_enrolling(*nips: str) -> Retreat:
    """The Malang retreat with exactly ``nips`` enrolled."""
    return malang(enrollments=tuple(Enrollment(nip=nip) for nip in nips))
