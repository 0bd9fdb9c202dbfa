"""Tests of the retreat rules RET001-RET017 (birokrasi_retreat.validation.retreat)."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import math
import sys

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from birokrasi_retreat.calendar import Holiday, HolidayKind
from birokrasi_retreat.errors import InvalidComponent, InvalidType, ValidationError
from birokrasi_retreat.organization import AppointmentKind
from birokrasi_retreat.retreat import (
    Enrollment,
    EnrollmentStatus,
    Retreat,
    RetreatStatus,
    Session,
    SessionKind,
)
from birokrasi_retreat.validation import RULES, Report, Severity, check, retreat
from birokrasi_retreat.validation.retreat import _overlaps, _Slot


if TYPE_CHECKING:
    from collections.abc import Callable

    import retreat_builders as b
    import rule_contract as rc

    from birokrasi_retreat.findings import Finding
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")
    rc = importlib.import_module("tests.builders.rule_contract")

CODES: Final = [f"RET{n:03d}" for n in range(1, 18) if n != 2]
DEFAULT_SEVERITY: Final = {
    "RET001": Severity.ERROR,
    "RET003": Severity.ERROR,
    "RET004": Severity.ERROR,
    "RET005": Severity.WARNING,
    "RET006": Severity.ERROR,
    "RET007": Severity.ERROR,
    "RET008": Severity.WARNING,
    "RET009": Severity.INFO,
    "RET010": Severity.WARNING,
    "RET011": Severity.WARNING,
    "RET012": Severity.ERROR,
    "RET013": Severity.WARNING,
    "RET014": Severity.WARNING,
    "RET015": Severity.WARNING,
    "RET016": Severity.ERROR,
    "RET017": Severity.WARNING,
}
KEPT_WHEN_CANCELLED: Final = {"RET001", "RET007", "RET012", "RET016"}
"""The rules about the record itself, which still run for a cancelled retreat."""

WITA_DAY_1: Final = "2025-08-01"


def run(retreat_: Retreat, code: str, **options: Any) -> Report:
    """Check ``retreat_`` with one rule only."""
    return check(retreat_, select=[code], options=options or None)


def one(retreat_: Retreat, code: str, **options: Any) -> Finding:
    """The single finding of one rule on ``retreat_``."""
    (finding,) = run(retreat_, code, **options)
    return finding


def paths(report: Report) -> list[str]:
    """The paths of a report's findings, in report order."""
    return [f.path for f in report]


def other_retreat(
    *sessions: Session, venue_id: str = "aula-konawe", rid: str = "konawe-2025", **changes: Any
) -> Retreat:
    """Another retreat (another venue by default) sharing the speaker ``amir``."""
    return b.kendari(
        id=rid,
        venue=b.kendari_venue(id=venue_id),
        sessions=sessions,
        enrollments=(),
        **changes,
    )


def amir_at(start: pendulum.DateTime, end: pendulum.DateTime, sid: str = "x") -> Session:
    """A lecture by the Sekda (speaker ``amir``)."""
    return b.session(sid, SessionKind.LECTURE, start, end, speakers=("amir",))


# One retreat (and options) per rule on which exactly that rule fires once.
TRIGGERS: Final[dict[str, Callable[[], tuple[Retreat, dict[str, Any]]]]] = {
    "RET001": lambda: (b.with_session(0, start=b.wita(1, 6)), {}),
    "RET003": lambda: (b.with_session(2, start=b.wita(1, 9)), {}),
    "RET004": lambda: (
        b.kendari(),
        {"other_retreats": [other_retreat(amir_at(b.wita(2, 9), b.wita(2, 11)))]},
    ),
    "RET005": lambda: (b.with_session(1, start=b.wita(1, 11), end=b.wita(1, 12, 30)), {}),
    "RET006": lambda: (b.kendari(venue=b.kendari_venue(capacity=4)), {}),
    "RET007": lambda: (
        b.kendari(enrollments=(*b.kendari_enrollments(), Enrollment(nip=b.KENDARI_NIPS[0]))),
        {},
    ),
    "RET008": lambda: (
        b.malang_enrolling(*b.CAMAT_NIPS, b.SEKDA_NIP),
        {"roster": b.malang_roster()},
    ),
    "RET009": lambda: (b.malang_enrolling(*b.CAMAT_NIPS[1:]), {"roster": b.malang_roster()}),
    "RET010": lambda: (
        b.kendari(),
        {
            "extra_holidays": [
                Holiday(date=pendulum.Date(2025, 8, 2), name="HUT Kota", kind=HolidayKind.LOCAL)
            ]
        },
    ),
    "RET011": lambda: (b.with_session(2, end=b.wita(1, 12)), {}),
    "RET012": lambda: (b.kendari(nights=3), {}),
    "RET013": lambda: (b.with_session(0, kind=SessionKind.PHYSICAL_TRAINING), {}),
    "RET014": lambda: (b.kendari(sessions=b.kendari_sessions()[:6] + b.kendari_sessions()[9:]), {}),
    "RET015": lambda: (b.held_kendari(("buka",)), {}),
    "RET016": lambda: (b.with_session(1, room="ruang-x"), {}),
    "RET017": lambda: (
        b.malang_enrolling(*b.CAMAT_NIPS, b.SEKDA_NIP),
        {"roster": b.malang_roster_without(b.SEKDA_NIP)},
    ),
}
TRIGGER_PATHS: Final = {
    "RET001": "sessions[0].start",
    "RET003": "sessions[2].room",
    "RET004": "sessions[7].speakers[0]",
    "RET005": "speakers[0].availability",
    "RET006": "venue.capacity",
    "RET007": "enrollments[5]",
    "RET008": "enrollments[5]",
    "RET009": "enrollments",
    "RET010": "start",
    "RET011": "sessions[2].start",
    "RET012": "nights",
    "RET013": "sessions",
    "RET014": "sessions",
    "RET015": "enrollments[0].attended_sessions",
    "RET016": "sessions[1].room",
    "RET017": "enrollments[5]",
}


def triggered(code: str, **changes: Any) -> tuple[Retreat, dict[str, Any]]:
    """The triggering retreat of ``code`` (evolved by ``changes``) and its options."""
    retreat_, options = TRIGGERS[code]()
    return attrs.evolve(retreat_, **changes), options


class TestRegistry:
    def test_every_code_is_registered_for_retreats(self) -> None:
        """RET001 and RET003-RET017 are registered for Retreat; there is no RET002."""
        assert set(CODES) <= set(RULES)
        assert "RET002" not in RULES
        for code in CODES:
            assert Retreat is RULES[code].applies_to

    @pytest.mark.parametrize("code", CODES)
    def test_default_severity(self, code: str) -> None:
        """Each rule's default severity is the one the issue fixes."""
        assert DEFAULT_SEVERITY[code] is RULES[code].severity

    @pytest.mark.parametrize("code", CODES)
    def test_rule_is_documented(self, code: str) -> None:
        """Each rule has distinct titles in both languages, a rationale and a source."""
        rc.assert_documented(code)

    def test_friday_rule_cites_its_sources(self) -> None:
        """RET011 cites the Perpres 21/2023 duration and the Keppres 68/1995 convention."""
        assert "Perpres 21/2023 Pasal 4(5)" in RULES["RET011"].source
        assert "Keppres 68/1995" in RULES["RET011"].source

    def test_attendance_threshold_is_a_project_choice(self) -> None:
        """RET015 says its default threshold is not a regulation."""
        assert "project choice, not a regulation" in RULES["RET015"].rationale
        assert 0.8 == retreat.DEFAULT_ATTENDANCE_THRESHOLD

    def test_public_module_is_reexported(self) -> None:
        """The rules module is reachable from the validation package."""
        assert "retreat" in sys.modules["birokrasi_retreat.validation"].__all__
        assert (dt.time(11, 30), dt.time(13, 0)) == retreat.DEFAULT_FRIDAY_PRAYER
        assert 0 == retreat.DEFAULT_TRAVEL_BUFFER_MINUTES


class TestValidRetreats:
    def test_kendari_is_clean(self) -> None:
        """The planned Kendari retreat has no finding at all."""
        assert [] == list(check(b.kendari()))

    def test_held_kendari_is_clean(self) -> None:
        """The held Kendari retreat, everyone attending everything, has no finding."""
        assert [] == list(check(b.held_kendari()))

    def test_malang_with_its_roster_is_clean(self) -> None:
        """The Malang retreat, its five camat enrolled, is clean with the roster."""
        assert [] == list(check(b.malang(), options={"roster": b.malang_roster()}))

    @pytest.mark.parametrize("code", CODES)
    def test_each_rule_silent(self, code: str) -> None:
        """Each rule alone is silent on both valid retreats."""
        assert 0 == len(run(b.kendari(), code))
        assert 0 == len(run(b.malang(), code, roster=b.malang_roster()))


class TestTriggers:
    @pytest.mark.parametrize("code", CODES)
    def test_triggers_its_rule_once(self, code: str) -> None:
        """Each trigger yields one finding of its rule, at its path, with its severity."""
        retreat_, options = triggered(code)
        (finding,) = run(retreat_, code, **options)
        rc.assert_found(finding, TRIGGER_PATHS[code], DEFAULT_SEVERITY[code])

    @pytest.mark.parametrize("code", CODES)
    def test_message_renders_in_both_languages(self, code: str) -> None:
        """The message is catalogued, fully filled and different in Indonesian and English."""
        retreat_, options = triggered(code)
        rc.assert_renders(one(retreat_, code, **options))

    @pytest.mark.parametrize("code", CODES)
    def test_no_whole_nip_anywhere(self, code: str) -> None:
        """Neither message, params nor subjects of any finding contain a whole NIP."""
        retreat_, options = triggered(code)
        numbers = {e.nip for e in retreat_.enrollments} | set(b.CAMAT_NIPS)
        rc.assert_no_whole_nip(check(retreat_, options=options), numbers)

    @pytest.mark.parametrize("code", CODES)
    def test_cancelled_retreats_keep_only_record_rules(self, code: str) -> None:
        """Cancelled, a trigger still fires for the record rules and is silent otherwise."""
        retreat_, options = triggered(code, status=RetreatStatus.CANCELLED)
        expected = 1 if code in KEPT_WHEN_CANCELLED else 0
        assert expected == len(run(retreat_, code, **options))


class TestRet001:
    def test_triggers_before_the_start(self) -> None:
        """A session starting before the retreat is reported on its start, in local time."""
        finding = one(b.with_session(0, start=b.wita(1, 6)), "RET001")
        assert "sessions[0].start" == finding.path
        assert {
            "start": "2025-08-01 06:00 WITA",
            "retreat_start": "2025-08-01 07:00 WITA",
            "retreat_end": "2025-08-03 12:00 WITA",
        }.items() <= finding.params.items()
        assert ("buka",) == finding.subjects
        assert "06:00 WITA" in finding.message("id")

    def test_triggers_after_the_end(self) -> None:
        """A session ending after the retreat is reported on its end."""
        finding = one(b.with_session(10, end=b.wita(3, 13)), "RET001")
        assert ("sessions[10].end", Severity.ERROR) == (finding.path, finding.severity)
        assert "The session Sesi tutup (2025-08-03 09:00 WITA-2025-08-03 13:00 WITA)" in (
            finding.message("en")
        )

    def test_local_time_of_the_venue(self) -> None:
        """Times given in UTC are shown in the venue's zone."""
        early = pendulum.datetime(2025, 7, 31, 22, tz="UTC")  # 06:00 WITA
        finding = one(b.with_session(0, start=early), "RET001")
        assert "2025-08-01 06:00 WITA" == finding.params["start"]

    def test_silent_on_the_edges(self) -> None:
        """Sessions starting at the start and ending at the end are inside."""
        retreat_ = b.kendari(
            sessions=(b.session("all", SessionKind.LECTURE, b.wita(1, 7), b.wita(3, 12)),)
        )
        assert 0 == len(run(retreat_, "RET001"))


class TestRet003:
    def test_triggers_with_the_overlap(self) -> None:
        """Two sessions in the aula at once: the later one, with the overlapping period."""
        finding = one(b.with_session(2, start=b.wita(1, 9)), "RET003")
        assert "sessions[2].room" == finding.path
        assert {
            "room": "Aula",
            "other_path": "sessions[1]",
            "start": "2025-08-01 09:00 WITA",
            "end": "2025-08-01 10:00 WITA",
        }.items() <= finding.params.items()
        assert ("aula", "diskusi", "materi-1") == finding.subjects

    def test_each_pair_once(self) -> None:
        """Three sessions in one room at once give three findings, one per pair."""
        sessions = tuple(
            b.session(f"s{i}", SessionKind.LECTURE, b.wita(1, 8), b.wita(1, 9), room="aula")
            for i in range(3)
        )
        report = run(b.kendari(sessions=sessions), "RET003")
        pairs = sorted((f.params["other_path"], f.path) for f in report)
        assert [
            ("sessions[0]", "sessions[1].room"),
            ("sessions[0]", "sessions[2].room"),
            ("sessions[1]", "sessions[2].room"),
        ] == pairs

    def test_unknown_room_is_named_by_its_id(self) -> None:
        """Two sessions in one unknown room still clash, shown by the room's id."""
        sessions = (
            b.session("a", SessionKind.LECTURE, b.wita(1, 8), b.wita(1, 10), room="gazebo"),
            b.session("b", SessionKind.LECTURE, b.wita(1, 9), b.wita(1, 11), room="gazebo"),
        )
        assert "gazebo" == one(b.kendari(sessions=sessions), "RET003").params["room"]

    def test_silent_back_to_back(self) -> None:
        """A session may start in a room when the previous one ends (half-open times)."""
        assert 0 == len(run(b.kendari(), "RET003"))

    def test_silent_in_different_rooms(self) -> None:
        """Overlapping sessions in different rooms (or without a room) are fine."""
        retreat_ = b.with_session(2, start=b.wita(1, 9), room="lapangan")
        assert 0 == len(run(retreat_, "RET003"))
        assert 0 == len(run(b.with_session(2, start=b.wita(1, 9), room=None), "RET003"))


class TestRet004:
    def test_triggers_within_one_retreat(self) -> None:
        """The Sekda in two overlapping sessions of the same retreat."""
        finding = one(b.with_session(8, speakers=("amir",), start=b.wita(2, 9)), "RET004")
        assert "sessions[8].speakers[0]" == finding.path
        assert {
            "speaker": "Amir Hasan",
            "other_path": "sessions[7]",
            "other_retreat": "kendari-2025",
            "overlap": True,
            "note_en": "",
        }.items() <= finding.params.items()
        assert ("amir", "refleksi", "materi-2") == finding.subjects

    def test_triggers_across_retreats_on_the_later_session(self) -> None:
        """Another retreat's earlier session clashes: reported on this retreat's session."""
        other = other_retreat(amir_at(b.wita(2, 7), b.wita(2, 9)))
        finding = one(b.kendari(), "RET004", other_retreats=[other])
        assert "sessions[7].speakers[0]" == finding.path
        assert {
            "other_retreat": "konawe-2025",
            "other_path": "sessions[0]",
            "other_start": "2025-08-02 07:00 WITA",
        }.items() <= finding.params.items()
        assert "retret konawe-2025" in finding.message("id")

    def test_triggers_across_retreats_on_the_earlier_session(self) -> None:
        """Another retreat's later session clashes: still reported on this retreat's session."""
        other = other_retreat(amir_at(b.wita(2, 9), b.wita(2, 11)))
        finding = one(b.kendari(), "RET004", other_retreats=[other])
        assert ("sessions[7].speakers[0]", "sessions[0]") == (
            finding.path,
            finding.params["other_path"],
        )

    def test_other_zone_shown_in_its_own_time(self) -> None:
        """The other retreat's session is shown in its own venue's zone (WIB)."""
        # 08:00 WIB on 2 August is 09:00 WITA, inside materi-2 (08:00-10:00 WITA).
        other = b.malang(
            id="batu-2025",
            start=pendulum.datetime(2025, 8, 2, 7, tz=b.WIB),
            end=pendulum.datetime(2025, 8, 2, 12, tz=b.WIB),
            sessions=(
                amir_at(
                    pendulum.datetime(2025, 8, 2, 8, tz=b.WIB),
                    pendulum.datetime(2025, 8, 2, 9, tz=b.WIB),
                ),
            ),
        )
        finding = one(b.kendari(), "RET004", other_retreats=(other,))
        assert "2025-08-02 08:00 WIB" == finding.params["other_start"]

    def test_travel_buffer_between_venues(self) -> None:
        """A 30-minute gap at another venue clashes with a 60-minute buffer, not with 30."""
        other = other_retreat(amir_at(b.wita(2, 10, 30), b.wita(2, 11, 30)))
        assert 0 == len(run(b.kendari(), "RET004", other_retreats=[other]))
        assert 0 == len(
            run(b.kendari(), "RET004", other_retreats=[other], travel_buffer_minutes=30)
        )
        finding = one(b.kendari(), "RET004", other_retreats=[other], travel_buffer_minutes=60)
        assert {"overlap": False, "buffer": 60}.items() <= finding.params.items()
        assert finding.message("en").endswith("; travel between venues needs 60 minutes.")
        assert "jeda antartempat minimal 60 menit" in finding.message("id")

    def test_fractional_buffer_is_kept(self) -> None:
        """A buffer of 45.5 minutes is shown as given."""
        other = other_retreat(amir_at(b.wita(2, 10, 30), b.wita(2, 11, 30)))
        finding = one(b.kendari(), "RET004", other_retreats=[other], travel_buffer_minutes=45.5)
        assert 45.5 == finding.params["buffer"]

    def test_buffer_not_applied_at_the_same_venue(self) -> None:
        """Two retreats at the same venue need no travel time between sessions."""
        other = other_retreat(amir_at(b.wita(2, 10), b.wita(2, 11)), venue_id="kebun-raya")
        assert 0 == len(
            run(b.kendari(), "RET004", other_retreats=[other], travel_buffer_minutes=60)
        )

    def test_silent_on_conflicts_between_other_retreats(self) -> None:
        """Two other retreats clashing with each other are not this retreat's finding."""
        first = other_retreat(amir_at(b.wita(3, 12), b.wita(3, 13)), rid="a")
        second = other_retreat(amir_at(b.wita(3, 12), b.wita(3, 13)), rid="b")
        assert 0 == len(run(b.kendari(), "RET004", other_retreats=[first, second]))

    def test_silent_on_itself_and_cancelled_others(self) -> None:
        """The retreat itself among the others, and cancelled others, are skipped."""
        cancelled = other_retreat(
            amir_at(b.wita(2, 8), b.wita(2, 10)), status=RetreatStatus.CANCELLED
        )
        assert 0 == len(run(b.kendari(), "RET004", other_retreats=[b.kendari(), cancelled]))

    def test_silent_on_a_speaker_named_twice(self) -> None:
        """A speaker listed twice in one session does not clash with itself."""
        assert 0 == len(run(b.with_session(7, speakers=("amir", "amir")), "RET004"))

    def test_silent_on_other_speakers(self) -> None:
        """A clash of a speaker this retreat does not invite is not reported."""
        other = other_retreat(
            b.session("y", SessionKind.LECTURE, b.wita(2, 8), b.wita(2, 10), speakers=("z",))
        )
        assert 0 == len(run(b.kendari(), "RET004", other_retreats=[other]))


class TestRet005:
    def test_triggers_outside_the_window(self) -> None:
        """Sugeng Haryono, available until 12:00, in a session ending 12:30."""
        retreat_ = b.with_session(1, start=b.wita(1, 11), end=b.wita(1, 12, 30))
        finding = one(retreat_, "RET005")
        assert ("speakers[0].availability", Severity.WARNING) == (finding.path, finding.severity)
        assert {
            "speaker": "Sugeng Haryono",
            "session_path": "sessions[1]",
            "end": "2025-08-01 12:30 WITA",
        }.items() <= finding.params.items()
        assert ("sugeng", "materi-1") == finding.subjects

    def test_once_per_session(self) -> None:
        """A speaker named twice in the session is reported once."""
        retreat_ = b.with_session(
            1, start=b.wita(2, 8), end=b.wita(2, 9), speakers=("sugeng", "sugeng")
        )
        assert 1 == len(run(retreat_, "RET005"))

    def test_silent_without_windows(self) -> None:
        """The Sekda has no availability windows: any time is fine."""
        assert 0 == len(run(b.with_session(7, start=b.wita(2, 5)), "RET005"))

    def test_silent_on_unknown_speakers(self) -> None:
        """An unknown speaker id is RET016's business."""
        assert 0 == len(run(b.with_session(1, speakers=("nobody",)), "RET005"))


class TestRet006:
    def test_triggers_on_the_venue(self) -> None:
        """Five participants in a venue for four."""
        finding = one(b.kendari(venue=b.kendari_venue(capacity=4)), "RET006")
        assert {"count": 5, "capacity": 4}.items() <= finding.params.items()
        assert "the venue Kebun Raya Kendari" in finding.message("en")
        assert "tempat Kebun Raya Kendari" in finding.message("id")

    def test_triggers_on_mandatory_sessions_in_a_small_room(self) -> None:
        """An aula for four: each mandatory session there, not the optional reflection."""
        rooms = (attrs.evolve(b.kendari_venue().rooms[0], capacity=4), b.kendari_venue().rooms[1])
        report = run(b.kendari(venue=b.kendari_venue(rooms=rooms)), "RET006")
        assert ["sessions[1].room", "sessions[2].room", "sessions[7].room"] == paths(report)
        assert ("aula", "materi-1") == report.findings[0].subjects

    def test_excused_absent_and_repeats_do_not_count(self) -> None:
        """Excused and absent officials and a repeated NIP leave three for three places."""
        enrollments = (
            *b.kendari_enrollments()[:3],
            Enrollment(nip=b.KENDARI_NIPS[3], status=EnrollmentStatus.EXCUSED),
            Enrollment(nip=b.KENDARI_NIPS[4], status=EnrollmentStatus.ABSENT),
            Enrollment(nip=b.KENDARI_NIPS[0]),
        )
        retreat_ = b.kendari(venue=b.kendari_venue(capacity=3), enrollments=enrollments)
        assert 0 == len(run(retreat_, "RET006"))
        retreat_ = b.kendari(venue=b.kendari_venue(capacity=2), enrollments=enrollments)
        assert 3 == one(retreat_, "RET006").params["count"]


class TestRet007:
    def test_triggers_on_the_repeat(self) -> None:
        """The second enrollment of a NIP is reported, pointing at the first, masked."""
        retreat_, _ = triggered("RET007")
        finding = one(retreat_, "RET007")
        assert {
            "nip": "******** ****** * 001",
            "other": "enrollments[0]",
            "count": 2,
        }.items() <= finding.params.items()
        assert ("******** ****** * 001",) == finding.subjects

    def test_three_enrollments_give_two_findings(self) -> None:
        """A NIP enrolled three times is reported on the second and the third."""
        extra = Enrollment(nip=b.KENDARI_NIPS[1])
        report = run(b.kendari(enrollments=(*b.kendari_enrollments(), extra, extra)), "RET007")
        assert ["enrollments[5]", "enrollments[6]"] == paths(report)
        assert [3, 3] == [f.params["count"] for f in report]

    def test_pppk_numbers_are_masked_in_their_layout(self) -> None:
        """An NI PPPK is masked as an NI PPPK."""
        twice = (Enrollment(nip=b.PPPK_NIP), Enrollment(nip=b.PPPK_NIP))
        finding = one(b.kendari(enrollments=twice), "RET007")
        assert "******** **** ** * 001" == finding.params["nip"]

    def test_invalid_numbers_cannot_be_enrolled(self) -> None:
        """A number valid in no layout never reaches the rule: the enrollment refuses it."""
        with pytest.raises(ValidationError) as caught:
            Enrollment(nip="123456789012345678")
        assert ("nip.birth_date", "nip") == (caught.value.code, caught.value.path)
        assert "123456789012345678" not in str(caught.value)


class TestRet008:
    def test_triggers_with_the_reason(self) -> None:
        """The Sekda is no camat: the decision's reason is in params and messages."""
        retreat_, options = triggered("RET008")
        finding = one(retreat_, "RET008", **options)
        assert {
            "participant": "Teguh Sulistyo (******** ****** * 001)",
            "on": "2025-05-15",
            "reason": "eligibility.no_match",
        }.items() <= finding.params.items()
        assert "does not qualify because" in finding.message("en")
        assert "tidak cocok karena" in finding.message("id")

    def test_unknown_nip_is_not_eligible(self) -> None:
        """A NIP missing from the roster is reported with its own reason, masked."""
        retreat_ = b.malang_enrolling(*b.CAMAT_NIPS, b.UNKNOWN_NIP)
        finding = one(retreat_, "RET008", roster=b.malang_roster())
        assert {
            "participant": "******** ****** * 005",
            "reason": "ret.not_in_roster",
        }.items() <= finding.params.items()
        assert "not in the roster nor on the include list" in finding.message("en")

    def test_pppk_masked_in_its_layout(self) -> None:
        """A PPPK of the roster is masked as an NI PPPK."""
        finding = one(
            b.malang_enrolling(*b.CAMAT_NIPS, b.PPPK_NIP), "RET008", roster=b.malang_roster()
        )
        assert "******** **** ** * 001" == finding.params["nip"]

    def test_each_nip_once(self) -> None:
        """A NIP enrolled twice is reported once (the repeat is RET007's)."""
        retreat_ = b.malang_enrolling(b.SEKDA_NIP, *b.CAMAT_NIPS, b.SEKDA_NIP)
        assert ["enrollments[0]"] == paths(run(retreat_, "RET008", roster=b.malang_roster()))

    def test_silent_when_included(self) -> None:
        """A NIP on the include list is eligible."""
        retreat_ = b.malang_enrolling(*b.CAMAT_NIPS, b.SEKDA_NIP)
        retreat_ = attrs.evolve(retreat_, eligibility=b.camat_eligibility(include=(b.SEKDA_NIP,)))
        assert 0 == len(run(retreat_, "RET008", roster=b.malang_roster()))

    def test_silent_without_a_roster(self) -> None:
        """Without a roster nothing can be evaluated."""
        assert 0 == len(run(b.malang_enrolling(b.SEKDA_NIP), "RET008"))


class TestRet009:
    def test_one_finding_per_missing_official_with_the_coverage(self) -> None:
        """Four of five camat enrolled: the missing one, with a coverage of 80%."""
        retreat_, options = triggered("RET009")
        finding = one(retreat_, "RET009", **options)
        assert {
            "participant": "Hadi Setiawan (******** ****** * 001)",
            "enrolled": 4,
            "eligible": 5,
            "coverage": 0.8,
            "percent_id": "80,0%",
            "percent_en": "80.0%",
        }.items() <= finding.params.items()
        assert ("******** ****** * 001",) == finding.subjects
        assert "4 of 5 eligible officials (80.0%)" in finding.message("en")

    def test_every_missing_official(self) -> None:
        """Two camat enrolled: three findings, in roster order, each with 40%."""
        report = run(b.malang_enrolling(*b.CAMAT_NIPS[:2]), "RET009", roster=b.malang_roster())
        assert 3 == len(report)
        assert {0.4} == {f.params["coverage"] for f in report}

    def test_substitute_counts_as_enrolled(self) -> None:
        """A camat sent as a substitute is not missing."""
        enrollments = (
            *(Enrollment(nip=nip) for nip in b.CAMAT_NIPS[1:]),
            Enrollment(
                nip=b.SEKDA_NIP, status=EnrollmentStatus.EXCUSED, substitute=b.CAMAT_NIPS[0]
            ),
        )
        retreat_ = b.malang(enrollments=enrollments)
        assert 0 == len(run(retreat_, "RET009", roster=b.malang_roster()))

    def test_included_unknown_nip_is_eligible(self) -> None:
        """A NIP included by list but unknown to the roster is missing when not enrolled."""
        retreat_ = b.malang(eligibility=b.camat_eligibility(include=(b.UNKNOWN_NIP,)))
        finding = one(retreat_, "RET009", roster=b.malang_roster())
        assert "******** ****** * 005" == finding.params["participant"]

    def test_silent_without_a_roster(self) -> None:
        """Without a roster nothing can be evaluated."""
        assert 0 == len(run(b.malang_enrolling(), "RET009"))


class TestRet010:
    def test_national_holiday_and_cuti_bersama(self) -> None:
        """16-18 August 2025: Independence Day (day 2) and its cuti bersama (day 3)."""
        retreat_ = b.kendari(
            start=pendulum.datetime(2025, 8, 16, 7, tz=b.WITA),
            end=pendulum.datetime(2025, 8, 18, 12, tz=b.WITA),
            sessions=(),
        )
        report = run(retreat_, "RET010")
        assert [(2, "2025-08-17", "public"), (3, "2025-08-18", "cuti_bersama")] == [
            (f.params["day"], f.params["date"], f.params["kind"]) for f in report
        ]
        assert {Severity.WARNING} == {f.severity for f in report}
        assert "Hari ke-2 retret (2025-08-17) jatuh pada hari libur nasional" in (
            report.findings[0].message("id")
        )
        assert "falls on the cuti bersama (collective leave) day" in (
            report.findings[1].message("en")
        )
        assert [False, False] == [f.params["tentative"] for f in report]

    def test_extra_local_holiday(self) -> None:
        """An injected local holiday on day 2 is reported with its kind."""
        retreat_, options = triggered("RET010")
        finding = one(retreat_, "RET010", **options)
        assert {"day": 2, "name": "HUT Kota", "kind": "local"}.items() <= (finding.params.items())
        assert "the local holiday HUT Kota" in finding.message("en")

    def test_tentative_is_flagged(self) -> None:
        """An estimated date says so in params and both messages."""
        estimate = Holiday(
            date=pendulum.Date(2025, 8, 3),
            name="Hari Raya Perkiraan",
            kind=HolidayKind.PUBLIC,
            tentative=True,
        )
        finding = one(b.kendari(), "RET010", extra_holidays=(estimate,))
        assert finding.params["tentative"] is True
        assert finding.message("en").endswith("(its date is still an estimate).")
        assert finding.message("id").endswith("(tanggalnya masih perkiraan).")

    def test_days_are_local(self) -> None:
        """17 August 00:30 WITA is 16 August in UTC: the local day counts."""
        retreat_ = b.kendari(
            start=pendulum.datetime(2025, 8, 16, 16, 30, tz="UTC"),
            end=pendulum.datetime(2025, 8, 16, 20, tz="UTC"),
            nights=0,
            sessions=(),
        )
        assert ["2025-08-17"] == [f.params["date"] for f in run(retreat_, "RET010")]

    def test_bad_extra_holidays(self) -> None:
        """Extra holidays must be a collection of Holiday."""
        with pytest.raises(InvalidType) as info:
            run(b.kendari(), "RET010", extra_holidays="2025-08-02")
        assert "options['extra_holidays']" == info.value.path
        with pytest.raises(InvalidType) as info:
            run(b.kendari(), "RET010", extra_holidays=[pendulum.Date(2025, 8, 2)])
        assert "options['extra_holidays'][0]" == info.value.path


class TestRet011:
    def test_triggers_in_local_time(self) -> None:
        """A mandatory discussion until 12:00 WITA on Friday 1 August."""
        finding = one(b.with_session(2, end=b.wita(1, 12)), "RET011")
        assert {
            "date": WITA_DAY_1,
            "start": "10:00",
            "end": "12:00",
            "window": "11:30-13:00 WITA",
        }.items() <= finding.params.items()
        assert ("diskusi",) == finding.subjects
        assert "salat Jumat 11:30-13:00 WITA" in finding.message("id")

    def test_times_in_another_zone(self) -> None:
        """12:00 WIB is 13:00 WITA (after the window); 04:00 UTC is 12:00 WITA (inside)."""
        after = b.with_session(
            2,
            start=pendulum.datetime(2025, 8, 1, 12, tz=b.WIB),
            end=pendulum.datetime(2025, 8, 1, 13, tz=b.WIB),
        )
        assert 0 == len(run(after, "RET011"))
        inside = b.with_session(
            2,
            start=pendulum.datetime(2025, 8, 1, 4, tz="UTC"),
            end=pendulum.datetime(2025, 8, 1, 5, tz="UTC"),
        )
        assert "12:00" == one(inside, "RET011").params["start"]

    def test_session_reaching_friday_from_thursday(self) -> None:
        """A night exercise from Thursday evening to Friday 12:00 is reported for Friday."""
        night = b.session("malam", SessionKind.PHYSICAL_TRAINING, b.wita(1, 0).subtract(hours=4),
                          b.wita(1, 12))  # fmt: skip
        assert WITA_DAY_1 == one(b.kendari(sessions=(night,)), "RET011").params["date"]

    def test_silent_on_a_friday_night_session(self) -> None:
        """A session from Friday 20:00 to Saturday 02:00 misses the window."""
        night = b.session("malam", SessionKind.PHYSICAL_TRAINING, b.wita(1, 20), b.wita(2, 2))
        assert 0 == len(run(b.kendari(sessions=(night,)), "RET011"))

    @pytest.mark.parametrize("kind", [SessionKind.WORSHIP, SessionKind.MEAL_BREAK])
    def test_worship_and_meals_are_exempt(self, kind: SessionKind) -> None:
        """Sholat Jumat itself and the meal break may fill the window."""
        assert 0 == len(run(b.with_session(2, end=b.wita(1, 12), kind=kind), "RET011"))

    def test_optional_sessions_are_exempt(self) -> None:
        """Only mandatory sessions are checked (sources: friday-prayer)."""
        assert 0 == len(run(b.with_session(2, end=b.wita(1, 12), mandatory=False), "RET011"))

    def test_silent_on_saturday(self) -> None:
        """The same hours on Saturday are fine."""
        retreat_ = b.with_session(2, start=b.wita(2, 11), end=b.wita(2, 12, 30))
        assert 0 == len(run(retreat_, "RET011"))

    def test_configured_window(self) -> None:
        """A window of 16:30-17:30 catches the outbound until 17:00, not the discussion."""
        window = (dt.time(16, 30), dt.time(17, 30))
        report = run(b.kendari(), "RET011", friday_prayer=window)
        assert ["sessions[5].start"] == paths(report)
        assert "16:30-17:30 WITA" == report.findings[0].params["window"]

    @pytest.mark.parametrize(
        "window",
        [
            (dt.time(13), dt.time(11, 30)),
            (dt.time(12), dt.time(12)),
            (dt.time(11, 30, tzinfo=dt.UTC), dt.time(13)),
        ],
    )
    def test_bad_window_values(self, window: tuple[dt.time, dt.time]) -> None:
        """A window must run forwards, in local clock times without a zone."""
        with pytest.raises(InvalidComponent) as info:
            run(b.kendari(), "RET011", friday_prayer=window)
        assert ("ret.option", "options['friday_prayer']") == (info.value.code, info.value.path)
        assert "The option friday_prayer must be two local clock times" in (
            info.value.message("en")
        )

    @pytest.mark.parametrize(
        "window", ["11:30-13:00", (dt.time(11, 30),), [dt.time(11), "13:00"], None]
    )
    def test_bad_window_types(self, window: object) -> None:
        """A window is a pair of datetime.time values."""
        with pytest.raises(InvalidType):
            run(b.kendari(), "RET011", friday_prayer=window)

    def test_list_window_is_accepted(self) -> None:
        """A list of two times works like a tuple (as read from a config file)."""
        assert 1 == len(run(b.kendari(), "RET011", friday_prayer=[dt.time(16, 30), dt.time(17)]))


class TestRet012:
    def test_triggers(self) -> None:
        """Three days with three nights is wrong: two expected."""
        finding = one(b.kendari(nights=3), "RET012")
        assert {"nights": 3, "days": 3, "expected": 2} == dict(finding.params)
        assert "3 hari sehingga semestinya 2 malam, bukan 3 malam" in finding.message("id")

    def test_days_counted_in_the_venue_zone(self) -> None:
        """23:30 WIB to 22:00 WIB the next day is one day in WITA (00:30-23:00): no night."""
        start = pendulum.datetime(2025, 7, 31, 23, 30, tz=b.WIB)
        end = pendulum.datetime(2025, 8, 1, 22, tz=b.WIB)
        assert 0 == len(run(b.kendari(start=start, end=end, nights=0), "RET012"))
        assert 0 == one(b.kendari(start=start, end=end, nights=1), "RET012").params["expected"]


class TestRet013:
    def test_triggers_without_an_opening(self) -> None:
        """No opening session: one warning naming the kind."""
        retreat_, _ = triggered("RET013")
        finding = one(retreat_, "RET013")
        assert {"kind": "opening", "kind_id": "pembukaan"}.items() <= finding.params.items()
        assert "The agenda has no opening session." == finding.message("en")

    def test_one_finding_per_missing_kind(self) -> None:
        """Neither opening nor closing: two findings."""
        report = run(b.kendari(sessions=b.kendari_sessions()[1:10]), "RET013")
        assert ["opening", "closing"] == [f.params["kind"] for f in report]


class TestRet014:
    def test_triggers_on_an_empty_day(self) -> None:
        """Day 2 without its sessions is reported."""
        retreat_, _ = triggered("RET014")
        finding = one(retreat_, "RET014")
        assert {"day": 2, "date": "2025-08-02"} == dict(finding.params)
        assert "Hari ke-2 retret (2025-08-02) tidak memiliki sesi." == finding.message("id")

    def test_every_day_of_an_empty_agenda(self) -> None:
        """No session at all: every day is reported."""
        assert [1, 2, 3] == [f.params["day"] for f in run(b.kendari(sessions=()), "RET014")]

    def test_a_night_session_covers_the_next_day(self) -> None:
        """A session from 22:00 to 02:00 covers day 2."""
        night = b.session(
            "caraka-malam", SessionKind.PHYSICAL_TRAINING, b.wita(1, 22), b.wita(2, 2)
        )
        retreat_ = b.kendari(sessions=(*b.kendari_sessions()[:6], night, *b.kendari_sessions()[9:]))
        assert 0 == len(run(retreat_, "RET014"))

    def test_an_end_at_midnight_does_not_cover_the_next_day(self) -> None:
        """A session ending at 00:00 belongs to the day before."""
        late = b.session("malam", SessionKind.REFLECTION, b.wita(1, 22), b.wita(2, 0))
        retreat_ = b.kendari(sessions=(*b.kendari_sessions()[:6], late, *b.kendari_sessions()[9:]))
        assert ["2025-08-02"] == [f.params["date"] for f in run(retreat_, "RET014")]

    def test_sessions_outside_the_retreat_cover_only_its_days(self) -> None:
        """A session from the day before to day 3 covers every retreat day (and no others)."""
        long = b.session(
            "panjang", SessionKind.OPENING, b.wita(1, 0).subtract(days=1), b.wita(3, 9)
        )
        assert 0 == len(run(b.kendari(sessions=(long,)), "RET014"))


class TestRet015:
    def test_triggers_below_the_threshold(self) -> None:
        """Attending 1 of 10 mandatory sessions is 10%, under 80%."""
        retreat_, _ = triggered("RET015")
        finding = one(retreat_, "RET015")
        assert {
            "nip": "******** ****** * 001",
            "attended": 1,
            "mandatory": 10,
            "ratio": 0.1,
            "threshold": 0.8,
            "percent_id": "10,0%",
            "threshold_en": "80.0%",
        }.items() <= finding.params.items()
        assert "attended 1 of 10 mandatory sessions (10.0%)" in finding.message("en")

    def test_optional_and_unknown_sessions_do_not_count(self) -> None:
        """Seven mandatory, the optional reflection and an unknown id: 70%."""
        attended = ("buka", "materi-1", "diskusi", "jumatan", "makan", "outbound", "senam")
        retreat_ = b.held_kendari((*attended, "refleksi", "hantu"))
        assert 0.7 == one(retreat_, "RET015").params["ratio"]

    def test_at_the_threshold_is_enough(self) -> None:
        """Eight of ten is exactly 80%: fine by default, not with 0.9."""
        every = tuple(s.id for s in b.kendari_sessions() if s.mandatory)
        retreat_ = b.held_kendari(every[:8])
        assert 0 == len(run(retreat_, "RET015"))
        assert 1 == len(run(retreat_, "RET015", attendance_threshold=0.9))
        assert 0 == len(run(b.held_kendari(()), "RET015", attendance_threshold=0))

    def test_only_participants_who_attended(self) -> None:
        """Excused, absent and still-confirmed enrollments are not checked."""
        enrollments = tuple(
            Enrollment(nip=nip, status=status)
            for nip, status in zip(
                b.KENDARI_NIPS,
                [EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT, EnrollmentStatus.CONFIRMED],
                strict=False,
            )
        )
        retreat_ = b.kendari(status=RetreatStatus.HELD, enrollments=enrollments)
        assert 0 == len(run(retreat_, "RET015"))

    def test_silent_for_planned_retreats(self) -> None:
        """A planned retreat has no attendance yet."""
        retreat_ = attrs.evolve(b.held_kendari(()), status=RetreatStatus.PLANNED)
        assert 0 == len(run(retreat_, "RET015"))

    def test_silent_without_mandatory_sessions(self) -> None:
        """Nothing mandatory, nothing to miss."""
        optional = tuple(attrs.evolve(s, mandatory=False) for s in b.kendari_sessions())
        retreat_ = attrs.evolve(b.held_kendari(()), sessions=optional)
        assert 0 == len(run(retreat_, "RET015"))

    @pytest.mark.parametrize("value", [1.5, -0.1, math.nan])
    def test_threshold_out_of_range(self, value: float) -> None:
        """The threshold is a share from 0 to 1."""
        with pytest.raises(InvalidComponent) as info:
            run(b.held_kendari(), "RET015", attendance_threshold=value)
        assert "options['attendance_threshold']" == info.value.path
        assert "harus angka dari 0 sampai 1" in info.value.message("id")

    @pytest.mark.parametrize("value", [True, "0.8", None])
    def test_threshold_of_the_wrong_type(self, value: object) -> None:
        """The threshold is a number (not a bool or a string)."""
        with pytest.raises(InvalidType):
            run(b.held_kendari(), "RET015", attendance_threshold=value)


class TestRet016:
    def test_unknown_room(self) -> None:
        """A room the venue does not have."""
        finding = one(b.with_session(1, room="ruang-x"), "RET016")
        assert {"kind": "room", "value": "ruang-x"}.items() <= finding.params.items()
        assert ("materi-1", "ruang-x") == finding.subjects
        assert "merujuk ruang ruang-x yang tidak dikenal" in finding.message("id")

    def test_unknown_speaker(self) -> None:
        """A speaker id the retreat does not list, at its position in the session."""
        finding = one(b.with_session(1, speakers=("sugeng", "zudan")), "RET016")
        assert ("sessions[1].speakers[1]", "speaker") == (finding.path, finding.params["kind"])
        assert "names an unknown speaker zudan" in finding.message("en")


class TestRet017:
    def test_triggers_for_an_official_without_a_post(self) -> None:
        """The Sekda, whose appointment ended before the retreat, holds no post."""
        retreat_, options = triggered("RET017")
        finding = one(retreat_, "RET017", **options)
        assert {
            "participant": "Teguh Sulistyo (******** ****** * 001)",
            "on": "2025-05-15",
        }.items() <= finding.params.items()
        assert "holds no post on the first day of the retreat (2025-05-15)" in (
            finding.message("en")
        )

    def test_independent_of_eligibility(self) -> None:
        """Included by NIP, the Sekda is eligible (no RET008) but still holds no post."""
        retreat_, options = triggered("RET017")
        retreat_ = attrs.evolve(retreat_, eligibility=b.camat_eligibility(include=(b.SEKDA_NIP,)))
        report = check(retreat_, options=options)
        assert ["RET017"] == [f.code for f in report]

    def test_acting_posts_count(self) -> None:
        """An official acting (Plt) in a post holds a post."""
        roster = b.malang_roster_without(b.SEKDA_NIP)
        acting = attrs.evolve(
            next(a for a in roster.appointments if a.nip == b.SEKDA_NIP),
            start=pendulum.Date(2025, 5, 2),
            end=None,
            kind=AppointmentKind.PLT,
        )
        roster = attrs.evolve(roster, appointments=(*roster.appointments, acting))
        retreat_, _ = triggered("RET017")
        assert 0 == len(run(retreat_, "RET017", roster=roster))

    def test_silent_for_unknown_nips(self) -> None:
        """A NIP missing from the roster is RET008's, not RET017's."""
        retreat_ = b.malang_enrolling(*b.CAMAT_NIPS, b.UNKNOWN_NIP)
        assert 0 == len(run(retreat_, "RET017", roster=b.malang_roster()))

    def test_silent_without_a_roster(self) -> None:
        """Without a roster the posts are unknown."""
        retreat_, _ = triggered("RET017")
        assert 0 == len(run(retreat_, "RET017"))


class TestOptions:
    @pytest.mark.parametrize("code", ["RET008", "RET009", "RET017"])
    def test_roster_must_be_a_roster(self, code: str) -> None:
        """A roster option of another type is refused, naming the option."""
        with pytest.raises(InvalidType) as info:
            run(b.malang(), code, roster={"officials": []})
        assert "options['roster']" == info.value.path

    def test_other_retreats_must_be_a_collection_of_retreats(self) -> None:
        """A single retreat, a string or a foreign item is refused with its path."""
        with pytest.raises(InvalidType) as info:
            run(b.kendari(), "RET004", other_retreats="kendari-2025")
        assert "options['other_retreats']" == info.value.path
        with pytest.raises(InvalidType):
            run(b.kendari(), "RET004", other_retreats=b.kendari())
        with pytest.raises(InvalidType) as info:
            run(b.kendari(), "RET004", other_retreats=[b.kendari(), "x"])
        assert "options['other_retreats'][1]" == info.value.path

    @pytest.mark.parametrize("value", [-1, math.inf, math.nan])
    def test_travel_buffer_out_of_range(self, value: float) -> None:
        """The travel buffer is a finite number of minutes, zero or more."""
        with pytest.raises(InvalidComponent) as info:
            run(b.kendari(), "RET004", travel_buffer_minutes=value)
        assert ("ret.option", "options['travel_buffer_minutes']") == (
            info.value.code,
            info.value.path,
        )

    @pytest.mark.parametrize("value", [False, "60", dt.timedelta(minutes=60)])
    def test_travel_buffer_of_the_wrong_type(self, value: object) -> None:
        """The travel buffer is a plain number of minutes."""
        with pytest.raises(InvalidType):
            run(b.kendari(), "RET004", travel_buffer_minutes=value)

    def test_options_are_checked_for_cancelled_retreats_too(self) -> None:
        """A bad option is an error even when the rule would stay silent."""
        cancelled = b.kendari(status=RetreatStatus.CANCELLED)
        with pytest.raises(InvalidComponent):
            run(cancelled, "RET011", friday_prayer=(dt.time(13), dt.time(12)))


# --- the overlap sweep against the all-pairs brute force -----------------------------------

BASE: Final = pendulum.datetime(2025, 8, 1, 7, tz=b.WITA)
STEP: Final = 15
"""Minutes per grid step of the random agendas: many touching and overlapping sessions."""
MINUTE: Final = 60_000_000
"""Microseconds per minute."""

agendas = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40),  # start step
        st.integers(min_value=1, max_value=8),  # length in steps
        st.sampled_from(["aula", "lapangan", None]),
    ),
    max_size=25,
)


def agenda(items: list[tuple[int, int, str | None]]) -> tuple[Session, ...]:
    """Sessions on a 15-minute grid from ``(start step, length, room)`` triples."""
    return tuple(
        b.session(
            f"s{i}",
            SessionKind.LECTURE,
            BASE.add(minutes=STEP * start),
            BASE.add(minutes=STEP * (start + length)),
            room=room,
            speakers=("amir",) if room == "aula" else (),
        )
        for i, (start, length, room) in enumerate(items)
    )


def micros(moment: pendulum.DateTime) -> int:
    """Microseconds since the epoch of a whole-second time."""
    return int(moment.timestamp()) * 1_000_000


def brute_conflicts(spans: list[tuple[int, int, str]], buffer: int) -> set[frozenset[int]]:
    """Every conflicting pair by comparing all pairs: overlap, or a short gap across venues."""
    found: set[frozenset[int]] = set()
    for (i, (s1, e1, v1)), (j, (s2, e2, v2)) in itertools.combinations(enumerate(spans), 2):
        gap = buffer if v1 != v2 else 0
        if s1 < e2 + gap and s2 < e1 + gap:
            found.add(frozenset((i, j)))
    return found


class TestOverlapSweep:
    @given(agendas)
    @settings(max_examples=150, deadline=None)
    def test_room_clashes_equal_brute_force(self, items: list[tuple[int, int, str | None]]) -> None:
        """RET003 reports exactly the pairs in one room that the all-pairs comparison finds."""
        sessions = agenda(items)
        report = run(b.kendari(sessions=sessions, start=BASE, end=BASE.add(days=2)), "RET003")
        found = {
            frozenset((int(f.path[9:].split("]")[0]), int(str(f.params["other_path"])[9:-1])))
            for f in report
        }
        expected = {
            pair
            for pair in brute_conflicts(
                [(micros(s.start), micros(s.end), s.room or "") for s in sessions], 0
            )
            if len({sessions[i].room for i in pair}) == 1 and sessions[min(pair)].room is not None
        }
        assert expected == found
        assert len(found) == len(report)  # each pair once

    @given(agendas, agendas, st.sampled_from([0, 15, 30, 90]))
    @settings(max_examples=150, deadline=None)
    def test_speaker_clashes_equal_brute_force(
        self,
        mine: list[tuple[int, int, str | None]],
        theirs: list[tuple[int, int, str | None]],
        buffer: int,
    ) -> None:
        """RET004 across two retreats at two venues, with a buffer, equals the brute force."""
        here = b.kendari(sessions=agenda(mine), start=BASE, end=BASE.add(days=2))
        there = other_retreat(*agenda(theirs))
        report = run(here, "RET004", other_retreats=[there], travel_buffer_minutes=buffer)
        spans = [(micros(s.start), micros(s.end), "here") for s in here.sessions if s.speakers]
        ids = [("here", s.id) for s in here.sessions if s.speakers]
        spans += [(micros(s.start), micros(s.end), "there") for s in there.sessions if s.speakers]
        ids += [("there", s.id) for s in there.sessions if s.speakers]
        expected = {
            frozenset(ids[i] for i in pair)
            for pair in brute_conflicts(spans, buffer * MINUTE)
            if any(ids[i][0] == "here" for i in pair)  # two other sessions: not ours
        }
        found = {
            frozenset(
                (
                    ("here", f.subjects[1]),
                    ("here" if f.params["other_retreat"] == here.id else "there", f.subjects[2]),
                )
            )
            for f in report
        }
        assert expected == found
        assert len(found) == len(report)

    @given(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=30),
                st.integers(min_value=1, max_value=6),
                st.sampled_from(["v1", "v2", "v3"]),
            ),
            max_size=30,
        ),
        st.integers(min_value=0, max_value=60),
    )
    @settings(max_examples=200, deadline=None)
    def test_sweep_equals_brute_force(
        self, items: list[tuple[int, int, str]], buffer_minutes: int
    ) -> None:
        """The private sweep yields each conflicting pair once, the later start second."""
        buffer = buffer_minutes * MINUTE
        slots = [
            _Slot(STEP * start * MINUTE, STEP * (start + length) * MINUTE, i, 0, i, venue)
            for i, (start, length, venue) in enumerate(items)
        ]
        pairs = list(_overlaps(slots, buffer=buffer))
        assert all((a.start, a.order) < (c.start, c.order) for a, c in pairs)
        found = {frozenset((a.order, c.order)) for a, c in pairs}
        assert len(found) == len(pairs)
        assert brute_conflicts([(s.start, s.end, s.venue) for s in slots], buffer) == found
