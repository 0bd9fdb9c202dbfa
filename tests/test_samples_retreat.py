"""Tests for the bundled sample retreats: ``samples.load(name).retreat`` and ``.planned``.

The samples model the three city retreats of the seed articles (sources: city-retreats):
Malang (announced for 16-18 May 2025, held 15-17 May), Kendari (from Friday 1 August
2025, WITA) and Bandung (4-5 November 2025). Enrollment follows each article's
participant list through an `Eligibility` evaluated on the sample roster, and each
retreat checks without an error finding.
"""

from __future__ import annotations

import subprocess
import sys

from pathlib import Path
from typing import TYPE_CHECKING, Final

import pendulum
import pytest

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.eligibility import eligible_nips
from birokrasi_retreat.organization import UnitKind
from birokrasi_retreat.retreat import (
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    SessionKind,
    VenueKind,
)
from birokrasi_retreat.samples import Dataset
from birokrasi_retreat.validation import check


if TYPE_CHECKING:
    from birokrasi_retreat.roster import Roster


NAMES: Final = ("bandung", "kendari", "malang")
RETREATS: Final = Path(samples.__file__).parent / "data" / "retreats"
SCRIPT: Final = Path(__file__).resolve().parent.parent / "scripts" / "make_retreat_samples.py"

# Local days of each retreat (seeds 001-004, sources: city-retreats).
DAYS: Final = {
    "malang": (pendulum.Date(2025, 5, 15), pendulum.Date(2025, 5, 17)),
    "kendari": (pendulum.Date(2025, 8, 1), pendulum.Date(2025, 8, 3)),
    "bandung": (pendulum.Date(2025, 11, 4), pendulum.Date(2025, 11, 5)),
}
# Venue code and zone: seed 003 (Junrejo, Kota Batu), seed 004 (Kota Kendari),
# sources: city-retreats (Pusdikter, Kab. Bandung Barat).
VENUES: Final = {
    "malang": ("35.79.03", "Asia/Jakarta", "WIB", VenueKind.MILITARY),
    "kendari": ("74.71", "Asia/Makassar", "WITA", VenueKind.OUTDOOR),
    "bandung": ("32.17", "Asia/Jakarta", "WIB", VenueKind.MILITARY),
}
# Enrolled = eligible on the sample roster, as each file's header documents it.
ENROLLED: Final = {"malang": 98, "kendari": 66, "bandung": 216}
PLANNED_ENROLLED: Final = 102
# The people the articles name as speakers, with the role as name where they give none.
SPEAKERS: Final = {
    "malang": {
        "Wahyu Hidayat",
        "Prof. Zudan Arif Fakrulloh",
        "Menteri Dalam Negeri",
        "Narasumber Pemerintah Provinsi Jawa Timur",
    },
    "kendari": {"Siska Karina Imran", "Hugua", "Sugeng Haryono"},
    "bandung": {
        "Muhammad Farhan",
        "Andri Nurmansyah",
        "Narasumber pemerintahan dan etika birokrasi",
    },
}
# sources: friday-prayer: the Friday prayer window, local time.
FRIDAY: Final = 5
PRAYER: Final = ((11, 30), (13, 0))

by_name = pytest.mark.parametrize("name", NAMES)


def _held(name: str) -> Retreat:
    retreat = samples.load(name).retreat
    assert retreat is not None
    return retreat


def _planned() -> Retreat:
    planned = samples.load("malang").planned
    assert planned is not None
    return planned


def _all() -> list[tuple[Retreat, Roster]]:
    pairs = [(_held(name), samples.load_roster(name)) for name in NAMES]
    pairs.append((_planned(), samples.load_roster("malang")))
    return pairs


every_retreat = pytest.mark.parametrize("which", ["bandung", "kendari", "malang", "malang-planned"])


def _pick(which: str) -> tuple[Retreat, Roster]:
    if which == "malang-planned":
        return _planned(), samples.load_roster("malang")
    return _held(which), samples.load_roster(which)


class TestLoad:
    @by_name
    def test_retreat_loads(self, name: str) -> None:
        """Each sample has a held retreat hosted by the sample roster's Pemda."""
        retreat = _held(name)
        assert RetreatStatus.HELD is retreat.status
        assert samples.load_roster(name).pemda == retreat.host
        assert f"{name}-2025" == retreat.id

    @by_name
    def test_cached(self, name: str) -> None:
        """Loading twice gives the same retreat object."""
        assert samples.load(name).retreat is samples.load(name).retreat

    @pytest.mark.parametrize("name", ["bandung", "kendari"])
    def test_no_plan_when_none_differs(self, name: str) -> None:
        """Only Malang has an announced plan that differs from what was held."""
        assert samples.load(name).planned is None

    def test_dataset_defaults(self) -> None:
        """A Dataset built without retreats has neither a retreat nor a plan."""
        dataset = Dataset(
            name="x",
            title="x",
            as_of=pendulum.Date(2025, 1, 1),
            sources=(),
            disclaimer="x",
            roster=samples.load_roster("malang"),
        )
        assert (None, None) == (dataset.retreat, dataset.planned)

    def test_repr_leaves_out_retreats(self) -> None:
        """A dataset's repr does not list the enrollments of its retreats."""
        assert "enrollments" not in repr(samples.load("malang"))

    def test_files(self) -> None:
        """The four retreat files are package data, each small."""
        files = {path.name: path.stat().st_size for path in RETREATS.glob("*.toml")}
        assert {
            "bandung-2025.toml",
            "kendari-2025.toml",
            "malang-2025.toml",
            "malang-2025-planned.toml",
        } == set(files)
        assert all(size < 100_000 for size in files.values())


class TestDates:
    @by_name
    def test_local_days(self, name: str) -> None:
        """The retreat's local days run from the reported first to last day."""
        first, last = DAYS[name]
        days = _held(name).days
        assert (first, last) == (days[0], days[-1])

    def test_malang_plan_and_held(self) -> None:
        """Malang was announced for 16-18 May 2025 and held on 15-17 May (WIB)."""
        zone = "Asia/Jakarta"
        planned, held = _planned(), _held("malang")
        assert RetreatStatus.PLANNED is planned.status
        assert (pendulum.Date(2025, 5, 16), pendulum.Date(2025, 5, 18)) == (
            planned.start.in_timezone(zone).date(),
            planned.end.in_timezone(zone).date(),
        )
        assert (pendulum.Date(2025, 5, 15), pendulum.Date(2025, 5, 17)) == (
            held.start.in_timezone(zone).date(),
            held.end.in_timezone(zone).date(),
        )
        assert 2 == planned.nights == held.nights

    def test_malang_closed_on_saturday(self) -> None:
        """The closing session is on Saturday 17 May 2025 (seed 001)."""
        closing = [s for s in _held("malang").sessions if s.kind is SessionKind.CLOSING]
        assert [pendulum.Date(2025, 5, 17)] == [
            s.start.in_timezone("Asia/Jakarta").date() for s in closing
        ]
        assert 6 == closing[0].start.in_timezone("Asia/Jakarta").isoweekday()

    def test_plan_is_the_agenda_one_day_later(self) -> None:
        """The planned sessions are the held ones, each moved one day later."""
        planned, held = _planned(), _held("malang")
        assert [s.id for s in held.sessions] == [s.id for s in planned.sessions]
        for before, after in zip(held.sessions, planned.sessions, strict=True):
            assert before.start.add(days=1) == after.start
            assert before.end.add(days=1) == after.end

    def test_kendari_opens_on_friday(self) -> None:
        """Kendari opened on Friday 1 August 2025 (seed 004), in WITA."""
        retreat = _held("kendari")
        local = retreat.start.in_timezone("Asia/Makassar")
        assert (pendulum.Date(2025, 8, 1), FRIDAY) == (local.date(), local.isoweekday())
        assert "+08:00" == local.format("Z")

    def test_nights_match_days(self) -> None:
        """Every retreat has one night fewer than its local days."""
        for retreat, _ in _all():
            assert len(retreat.days) - 1 == retreat.nights


class TestVenue:
    @by_name
    def test_venue(self, name: str) -> None:
        """Each venue has the reported place, kind and time zone."""
        code, zone, label, kind = VENUES[name]
        venue = _held(name).venue
        assert (code, zone, label, kind) == (
            str(venue.kode),
            venue.timezone,
            venue.timezone_label,
            venue.kind,
        )

    def test_kendari_botanical_garden(self) -> None:
        """Kendari was held at Kebun Raya Kendari (seed 004)."""
        assert "Kebun Raya Kendari" == _held("kendari").venue.name

    def test_malang_poltekad(self) -> None:
        """Malang was held at Poltekad (seeds 001, 003), for the plan too."""
        assert "Politeknik Angkatan Darat (Poltekad)" == _held("malang").venue.name
        assert _held("malang").venue == _planned().venue


class TestEnrollment:
    @by_name
    def test_enrolled_are_the_eligible(self, name: str) -> None:
        """Exactly the officials eligible on the first day are enrolled."""
        retreat = _held(name)
        roster = samples.load_roster(name)
        enrolled = [e.nip for e in retreat.enrollments]
        eligible = eligible_nips(retreat.eligibility, roster, on=retreat.days[0])
        assert ENROLLED[name] == len(enrolled) == len(set(enrolled))
        assert eligible == frozenset(enrolled)

    def test_planned_enrolled_are_the_eligible(self) -> None:
        """The plan invites exactly the officials its own list makes eligible."""
        planned = _planned()
        roster = samples.load_roster("malang")
        enrolled = frozenset(e.nip for e in planned.enrollments)
        assert PLANNED_ENROLLED == len(enrolled)
        assert eligible_nips(planned.eligibility, roster, on=planned.days[0]) == enrolled
        assert {EnrollmentStatus.INVITED} == {e.status for e in planned.enrollments}

    def test_malang_about_100(self) -> None:
        """Malang's plan and held retreat have about 100 participants (sources: city-retreats)."""
        for retreat in (_planned(), _held("malang")):
            assert abs(len(retreat.enrollments) - 100) <= 5

    def test_kendari_63_attended(self) -> None:
        """63 officials took part in Kendari (seed 004)."""
        statuses = [e.status for e in _held("kendari").enrollments]
        assert 63 == statuses.count(EnrollmentStatus.ATTENDED)

    @by_name
    def test_most_attended_everything(self, name: str) -> None:
        """In a held retreat all but a few attended every session."""
        retreat = _held(name)
        every = {s.id for s in retreat.sessions}
        partial = [e for e in retreat.enrollments if set(e.attended_sessions) != every]
        assert 1 <= len(partial) <= 4
        assert all(set(e.attended_sessions) <= every for e in retreat.enrollments)

    @by_name
    def test_enrolled_hold_posts(self, name: str) -> None:
        """Every participant and substitute holds a post on the first day (synthetic)."""
        retreat = _held(name)
        roster = samples.load_roster(name)
        numbers = [e.nip for e in retreat.enrollments]
        numbers += [e.substitute for e in retreat.enrollments if e.substitute is not None]
        assert all(roster.posts_of(n, on=retreat.days[0]) for n in numbers)

    def test_no_bumd_or_sekretaris_enrolled_in_malang(self) -> None:
        """Malang's enrollments leave out BUMD units, sekretaris dinas and kabag."""
        retreat = _held("malang")
        roster = samples.load_roster("malang")
        kinds = {
            roster.unit(roster.position(a.position).unit).kind
            for e in retreat.enrollments
            for a in roster.posts_of(e.nip, on=retreat.days[0])[:1]
        }
        assert UnitKind.BUMD not in kinds
        assert UnitKind.BAGIAN not in kinds

    def test_plan_invites_kabag(self) -> None:
        """Malang's plan invites the kepala bagian (seed 002)."""
        planned = _planned()
        roster = samples.load_roster("malang")
        kabag = roster.holders("kabag-umum", on=planned.days[0])[0].nip
        assert kabag in {e.nip for e in planned.enrollments}

    def test_bandung_sekda_only_speaks(self) -> None:
        """Bandung's Sekda is a speaker; the roster's Sekda post is not enrolled."""
        retreat = _held("bandung")
        roster = samples.load_roster("bandung")
        sekda = roster.holders("sekda", on=retreat.days[0])[0].nip
        assert sekda not in {e.nip for e in retreat.enrollments}
        speaker = retreat.speaker("sekda-bandung")
        assert speaker is not None
        assert ("Andri Nurmansyah", "Sekretaris Daerah Kota Bandung") == (
            speaker.name,
            speaker.role,
        )


class TestSpeakers:
    @by_name
    def test_speakers(self, name: str) -> None:
        """The speakers are those the articles name, with their public roles."""
        assert SPEAKERS[name] == {s.name for s in _held(name).speakers}

    @by_name
    def test_no_speaker_is_an_official(self, name: str) -> None:
        """No speaker's name is an official's: real people never get a NIP."""
        officials = {o.name for o in samples.load_roster(name).officials}
        assert set() == officials & {s.name for s in _held(name).speakers}

    def test_references_resolve(self) -> None:
        """Every session's speakers and rooms exist in its retreat."""
        for retreat, _ in _all():
            for session in retreat.sessions:
                assert all(retreat.speaker(s) is not None for s in session.speakers)
                assert session.room is None or retreat.venue.room(session.room) is not None


class TestAgenda:
    def test_friday_prayer_window_free(self) -> None:
        """No mandatory session overlaps 11:30-13:00 local time on a Friday."""
        (h1, m1), (h2, m2) = PRAYER
        for retreat, _ in _all():
            for session in retreat.sessions:
                start = session.start.in_timezone(retreat.timezone)
                if start.isoweekday() != FRIDAY or not session.mandatory:
                    continue
                opens = start.set(hour=h1, minute=m1)
                closes = start.set(hour=h2, minute=m2)
                assert not (session.start < closes and opens < session.end), session.id

    def test_kendari_friday_prayer(self) -> None:
        """Kendari's Friday has an optional worship session in the prayer window."""
        worship = [s for s in _held("kendari").sessions if s.kind is SessionKind.WORSHIP]
        assert ["11:30"] == [s.start.in_timezone("Asia/Makassar").format("HH:mm") for s in worship]
        assert not worship[0].mandatory

    def test_sessions_inside_the_retreat(self) -> None:
        """Every session lies within its retreat's start and end."""
        for retreat, _ in _all():
            assert all(retreat.start <= s.start and s.end <= retreat.end for s in retreat.sessions)

    def test_opening_and_closing(self) -> None:
        """Every agenda opens and closes formally."""
        for retreat, _ in _all():
            kinds = {s.kind for s in retreat.sessions}
            assert {SessionKind.OPENING, SessionKind.CLOSING} <= kinds

    def test_bandung_formats(self) -> None:
        """Bandung has the formats of seed 000, tree planting among them."""
        kinds = {s.kind for s in _held("bandung").sessions}
        assert {
            SessionKind.LECTURE,
            SessionKind.GROUP_DISCUSSION,
            SessionKind.MOTIVATION,
            SessionKind.REFLECTION,
            SessionKind.TEAM_BUILDING,
            SessionKind.SOCIAL_ACTION,
        } <= kinds

    def test_bandung_themes(self) -> None:
        """Bandung covers integrity, cross-OPD collaboration, change and every BerAKHLAK value."""
        sessions = _held("bandung").sessions
        themes = {t for s in sessions for t in s.themes}
        assert {"integritas", "kolaborasi lintas OPD", "manajemen perubahan"} <= themes
        assert 7 == len({v for s in sessions for v in s.values})

    def test_malang_formats(self) -> None:
        """Malang has physical training, lectures, team building and reflection."""
        kinds = {s.kind for s in _held("malang").sessions}
        assert {
            SessionKind.PHYSICAL_TRAINING,
            SessionKind.LECTURE,
            SessionKind.TEAM_BUILDING,
            SessionKind.REFLECTION,
        } <= kinds


class TestCheck:
    @every_retreat
    def test_no_errors(self, which: str) -> None:
        """Each sample retreat checks against its roster without an error finding."""
        retreat, roster = _pick(which)
        report = check(retreat, options={"roster": roster})
        assert [] == [f.code for f in report.errors]


class TestRoundTrip:
    @every_retreat
    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_round_trip(self, which: str, fmt: serialization.Format) -> None:
        """A sample retreat survives dumps and loads unchanged."""
        retreat, _ = _pick(which)
        assert retreat == serialization.loads(
            serialization.dumps(retreat, format=fmt), Retreat, format=fmt
        )

    @every_retreat
    def test_zone_names_kept(self, which: str) -> None:
        """Session times keep the venue's IANA zone through the file."""
        retreat, _ = _pick(which)
        assert {retreat.timezone} == {s.start.timezone_name for s in retreat.sessions}


class TestGenerator:
    @pytest.mark.skipif(not SCRIPT.exists(), reason="scripts/ is not shipped")
    def test_generator_check_passes(self) -> None:
        """scripts/make_retreat_samples.py --check finds the files up to date."""
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode, result.stderr
