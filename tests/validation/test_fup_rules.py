"""Tests of the follow-up rules FUP001-FUP007 (birokrasi_retreat.validation.followup)."""

from __future__ import annotations

import importlib
import sys

from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.errors import InvalidComponent, InvalidType
from birokrasi_retreat.followup import (
    DEFAULT_WINDOW_DAYS,
    Commitment,
    CommitmentStatus,
    FollowUp,
    MonitoringVisit,
    StatusChange,
    follow_up_status,
)
from birokrasi_retreat.retreat import Enrollment, EnrollmentStatus, RetreatStatus
from birokrasi_retreat.strategies import follow_ups, rosters
from birokrasi_retreat.validation import RULES, Report, Severity, check


if TYPE_CHECKING:
    from collections.abc import Callable

    import retreat_builders as b
    import rule_contract as rc

    from birokrasi_retreat.findings import Finding
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    b = importlib.import_module("tests.builders.retreat_builders")
    rc = importlib.import_module("tests.builders.rule_contract")

CODES: Final = [f"FUP{n:03d}" for n in range(1, 8)]
DEFAULT_SEVERITY: Final = {
    "FUP001": Severity.ERROR,
    "FUP002": Severity.WARNING,
    "FUP003": Severity.WARNING,
    "FUP004": Severity.WARNING,
    "FUP005": Severity.ERROR,
    "FUP006": Severity.WARNING,
    "FUP007": Severity.WARNING,
}
UNITS: Final = ("kec-blimbing", "kec-klojen", "kec-kedungkandang", "kec-sukun", "kec-lowokwaru")
"""The unit of each camat of `b.CAMAT_NIPS`, in the same order."""
AFTER_WINDOW: Final = pendulum.Date(2025, 9, 1)
"""A date past the default window of the Malang retreat (17 May 2025 + 90 days)."""
DAY: Final = pendulum.Date(2025, 6, 2)


def commitment(index: int, **changes: Any) -> Commitment:
    """Camat ``index``'s valid commitment for their kecamatan: done on time, with evidence."""
    made = Commitment(
        id=f"rencana-{index}",
        retreat="malang-2025",
        owner=b.CAMAT_NIPS[index],
        unit=UNITS[index],
        description=f"Layanan KTP satu hari di {UNITS[index]}",
        indicator="Waktu layanan (hari)",
        baseline=3,
        target=1,
        due=pendulum.Date(2025, 7, 31),
        history=(
            StatusChange(on=pendulum.Date(2025, 6, 2), status=CommitmentStatus.IN_PROGRESS),
            StatusChange(on=pendulum.Date(2025, 7, 21), status=CommitmentStatus.DONE),
        ),
        evidence=("laporan.pdf",),
    )
    return attrs.evolve(made, **changes)


def visit(index: int, **changes: Any) -> MonitoringVisit:
    """The Sekda's visit to unit ``index``, on its own June working day."""
    made = MonitoringVisit(
        id=f"kunjungan-{index}",
        on=pendulum.Date(2025, 6, 2 + index),
        unit=UNITS[index],
        visitor=b.SEKDA_NIP,
    )
    return attrs.evolve(made, **changes)


def follow_up(**changes: Any) -> FollowUp:
    """The valid follow-up of the Malang retreat: five commitments, five visits."""
    made = FollowUp(
        retreat=b.malang(),
        commitments=tuple(commitment(i) for i in range(5)),
        visits=tuple(visit(i) for i in range(5)),
    )
    return attrs.evolve(made, **changes)


def with_commitment(index: int, **changes: Any) -> FollowUp:
    """The valid follow-up with commitment ``index`` changed."""
    return follow_up(
        commitments=b.replaced(tuple(commitment(i) for i in range(5)), index, **changes)
    )


def with_visit(index: int, **changes: Any) -> FollowUp:
    """The valid follow-up with visit ``index`` changed."""
    return follow_up(visits=b.replaced(tuple(visit(i) for i in range(5)), index, **changes))


def run(obj: FollowUp, code: str, *, on: pendulum.Date | None = None, **options: Any) -> Report:
    """Check ``obj`` with one rule only."""
    return check(obj, select=[code], on=on, options=options or None)


def one(obj: FollowUp, code: str, *, on: pendulum.Date | None = None, **options: Any) -> Finding:
    """The single finding of one rule on ``obj``."""
    (finding,) = run(obj, code, on=on, **options)
    return finding


# One follow-up, date and options per rule on which exactly that rule fires once.
TRIGGERS: Final[dict[str, Callable[[], tuple[FollowUp, pendulum.Date | None, dict[str, Any]]]]] = {
    "FUP001": lambda: (
        with_commitment(2, owner=b.SEKDA_NIP),
        None,
        {"roster": b.malang_roster()},
    ),
    "FUP002": lambda: (with_commitment(1, target=None), None, {}),
    "FUP003": lambda: (with_commitment(0, history=()), AFTER_WINDOW, {}),
    "FUP004": lambda: (
        follow_up(visits=tuple(visit(i) for i in range(4))),
        AFTER_WINDOW,
        {"roster": b.malang_roster()},
    ),
    "FUP005": lambda: (with_visit(3, on=pendulum.Date(2025, 5, 17)), None, {}),
    "FUP006": lambda: (with_commitment(4, evidence=()), None, {}),
    "FUP007": lambda: (with_visit(1, on=visit(0).on), None, {}),
}
TRIGGER_PATHS: Final = {
    "FUP001": "commitments[2].owner",
    "FUP002": "commitments[1].target",
    "FUP003": "commitments[0].due",
    "FUP004": "visits",
    "FUP005": "visits[3].on",
    "FUP006": "commitments[4].evidence",
    "FUP007": "visits[1].visitor",
}


class TestRegistry:
    def test_every_code_is_registered_for_follow_ups(self) -> None:
        """FUP001-FUP007 are registered for FollowUp."""
        for code in CODES:
            assert FollowUp is RULES[code].applies_to

    @pytest.mark.parametrize("code", CODES)
    def test_default_severity(self, code: str) -> None:
        """Each rule's default severity is the one the issue fixes."""
        assert DEFAULT_SEVERITY[code] is RULES[code].severity

    @pytest.mark.parametrize("code", CODES)
    def test_rule_is_documented(self, code: str) -> None:
        """Each rule has distinct titles in both languages, a rationale and a source."""
        rc.assert_documented(code)

    def test_window_is_a_project_choice(self) -> None:
        """FUP004 says its default window is a project choice and cites sources: kirkpatrick."""
        assert "project choice" in RULES["FUP004"].rationale
        assert "sources: kirkpatrick" in RULES["FUP004"].source
        assert 90 == DEFAULT_WINDOW_DAYS

    def test_public_module_is_reexported(self) -> None:
        """The rules module is reachable from the validation package."""
        assert "followup" in sys.modules["birokrasi_retreat.validation"].__all__


class TestValidFollowUps:
    def test_malang_is_clean(self) -> None:
        """The valid Malang follow-up has no finding, with the roster, past the window."""
        assert [] == list(
            check(follow_up(), on=AFTER_WINDOW, options={"roster": b.malang_roster()})
        )

    @pytest.mark.parametrize("code", CODES)
    def test_each_rule_silent(self, code: str) -> None:
        """Each rule alone is silent on the valid follow-up, with and without date and roster."""
        assert 0 == len(run(follow_up(), code))
        assert 0 == len(run(follow_up(), code, on=AFTER_WINDOW, roster=b.malang_roster()))

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(follow_ups())
    def test_generated_follow_ups_are_clean(self, generated: FollowUp) -> None:
        """The follow_ups strategy yields follow-ups no rule finds anything in."""
        assert [] == list(check(generated))

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_generated_on_a_roster_are_clean(self, data: st.DataObject) -> None:
        """Built on a roster, a generated follow-up satisfies FUP001 with that roster."""
        roster = data.draw(rosters())
        generated = data.draw(follow_ups(roster=roster))
        assert [] == list(check(generated, options={"roster": roster}))


class TestTriggers:
    @pytest.mark.parametrize("code", CODES)
    def test_triggers_its_rule_once(self, code: str) -> None:
        """Each trigger yields one finding of its rule, at its path, with its severity."""
        obj, on, options = TRIGGERS[code]()
        (finding,) = run(obj, code, on=on, **options)
        rc.assert_found(finding, TRIGGER_PATHS[code], DEFAULT_SEVERITY[code])

    @pytest.mark.parametrize("code", CODES)
    def test_only_its_rule_fires(self, code: str) -> None:
        """A trigger breaks one thing: every other rule stays silent on it."""
        obj, on, options = TRIGGERS[code]()
        assert [code] == [f.code for f in check(obj, on=on, options=options)]

    @pytest.mark.parametrize("code", CODES)
    def test_message_renders_in_both_languages(self, code: str) -> None:
        """The message is catalogued, fully filled and different in Indonesian and English."""
        obj, on, options = TRIGGERS[code]()
        rc.assert_renders(one(obj, code, on=on, **options))

    @pytest.mark.parametrize("code", CODES)
    def test_no_whole_nip_anywhere(self, code: str) -> None:
        """Neither message, params nor subjects of any finding contain a whole NIP."""
        obj, on, options = TRIGGERS[code]()
        numbers = {*b.CAMAT_NIPS, b.SEKDA_NIP}
        rc.assert_no_whole_nip(check(obj, on=on, options=options), numbers)


class TestOptions:
    def test_roster_of_the_wrong_type(self) -> None:
        """A roster option that is no Roster is a type error at its option path."""
        with pytest.raises(InvalidType) as caught:
            check(follow_up(), select=["FUP001"], options={"roster": "malang"})
        assert "options['roster']" == caught.value.path

    @pytest.mark.parametrize("value", [0, -3])
    def test_window_below_one(self, value: int) -> None:
        """A window of less than a day is refused with its code."""
        with pytest.raises(InvalidComponent) as caught:
            run(follow_up(), "FUP004", on=AFTER_WINDOW, window_days=value)
        assert ("followup.window", "options['window_days']") == (
            caught.value.code,
            caught.value.path,
        )

    @pytest.mark.parametrize("value", [True, 30.0, "30"])
    def test_window_of_the_wrong_type(self, value: object) -> None:
        """A window that is not a whole number (a bool is not) is a type error."""
        with pytest.raises(InvalidType):
            run(follow_up(), "FUP004", on=AFTER_WINDOW, window_days=value)


class TestFup001:
    def test_owner_not_enrolled(self) -> None:
        """The Sekda is in the roster but not enrolled: reported with name and masked NIP."""
        finding = one(TRIGGERS["FUP001"]()[0], "FUP001", roster=b.malang_roster())
        assert "not_enrolled" == finding.params["reason"]
        assert "Teguh Sulistyo (******** ****** * 001)" == finding.params["owner"]
        assert ("rencana-2", "******** ****** * 001") == finding.subjects
        assert "did not take part in this retreat" in finding.message("en")

    def test_owner_not_in_roster(self) -> None:
        """An owner the roster does not know is reported as such, masked only."""
        obj = with_commitment(0, owner=b.UNKNOWN_NIP)
        finding = one(obj, "FUP001", roster=b.malang_roster())
        assert ("not_in_roster", "******** ****** * 005") == (
            finding.params["reason"],
            finding.params["owner"],
        )

    @pytest.mark.parametrize("status", [EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT])
    def test_excused_or_absent_owner_did_not_take_part(self, status: EnrollmentStatus) -> None:
        """An owner enrolled but excused or absent did not take part."""
        retreat = b.malang(
            enrollments=(
                Enrollment(nip=b.CAMAT_NIPS[0], status=status),
                *(Enrollment(nip=n) for n in b.CAMAT_NIPS[1:]),
            )
        )
        finding = one(follow_up(retreat=retreat), "FUP001", roster=b.malang_roster())
        assert "commitments[0].owner" == finding.path

    def test_silent_without_roster(self) -> None:
        """Without a roster FUP001 cannot tell, and says nothing."""
        assert 0 == len(run(with_commitment(0, owner=b.UNKNOWN_NIP), "FUP001"))


class TestFup002:
    @pytest.mark.parametrize(
        ("changes", "path", "missing", "english"),
        [
            ({"target": None}, "commitments[0].target", "target", "has no target,"),
            ({"indicator": None}, "commitments[0].indicator", "indicator", "has no indicator,"),
            (
                {"indicator": None, "target": None},
                "commitments[0].indicator",
                "both",
                "has no indicator and no target,",
            ),
        ],
    )
    def test_reports_what_is_missing(
        self, changes: dict[str, Any], path: str, missing: str, english: str
    ) -> None:
        """A missing indicator, target or both is named, on the field to fill in."""
        finding = one(with_commitment(0, **changes), "FUP002")
        assert (path, missing) == (finding.path, finding.params["missing"])
        assert english in finding.message("en")
        assert f"tidak memiliki {finding.params['missing_id']}" in finding.message("id")

    def test_baseline_is_optional(self) -> None:
        """A commitment without a baseline is still measurable."""
        assert 0 == len(run(with_commitment(0, baseline=None), "FUP002"))


class TestFup003:
    def test_overdue_with_its_days(self) -> None:
        """Not started and due on 31 July: on 1 September it is 32 days late."""
        finding = one(with_commitment(0, history=()), "FUP003", on=AFTER_WINDOW)
        assert {
            "due": "2025-07-31",
            "on": "2025-09-01",
            "days": 32,
            "status": "not_started",
            "owner": "******** ****** * 001",
        }.items() <= finding.params.items()
        assert ("rencana-0", "kec-blimbing") == finding.subjects

    def test_silent_without_a_date(self) -> None:
        """FUP003 depends on the date: silent without on=."""
        assert 0 == len(run(with_commitment(0, history=()), "FUP003"))

    def test_due_on_the_day_is_not_yet_overdue(self) -> None:
        """A commitment due on the date itself is still open."""
        obj = with_commitment(0, history=())
        assert 0 == len(run(obj, "FUP003", on=pendulum.Date(2025, 7, 31)))
        assert 1 == len(run(obj, "FUP003", on=pendulum.Date(2025, 8, 1)))

    def test_dropped_is_never_overdue(self) -> None:
        """A dropped commitment is not reported."""
        history = (StatusChange(on=pendulum.Date(2025, 6, 9), status=CommitmentStatus.DROPPED),)
        assert 0 == len(run(with_commitment(0, history=history), "FUP003", on=AFTER_WINDOW))

    def test_done_after_the_date_is_not_yet_known(self) -> None:
        """Due 1 July, done 21 July: overdue on 15 July, no longer from 21 July."""
        obj = with_commitment(0, due=pendulum.Date(2025, 7, 1))
        assert 1 == len(run(obj, "FUP003", on=pendulum.Date(2025, 7, 15)))
        assert 0 == len(run(obj, "FUP003", on=pendulum.Date(2025, 7, 21)))

    def test_agrees_with_the_status(self) -> None:
        """follow_up_status reports the same FUP003 findings as the rule."""
        obj = with_commitment(3, history=())
        status = follow_up_status(obj.retreat, obj.commitments, obj.visits, on=AFTER_WINDOW)
        assert list(run(obj, "FUP003", on=AFTER_WINDOW)) == list(status.findings)


class TestFup004:
    def test_unvisited_unit(self) -> None:
        """The fifth kecamatan, never visited, is named with the window."""
        obj, on, options = TRIGGERS["FUP004"]()
        finding = one(obj, "FUP004", on=on, **options)
        assert {
            "unit": "kec-lowokwaru",
            "unit_name": "Lowokwaru",
            "retreat_end": "2025-05-17",
            "window_end": "2025-08-15",
            "window_days": 90,
        }.items() <= finding.params.items()
        assert ("kec-lowokwaru",) == finding.subjects

    def test_silent_within_the_window(self) -> None:
        """On the window's last day, the unit may still be visited: silent."""
        obj, _on, options = TRIGGERS["FUP004"]()
        assert 0 == len(run(obj, "FUP004", on=pendulum.Date(2025, 8, 15), **options))
        assert 1 == len(run(obj, "FUP004", on=pendulum.Date(2025, 8, 16), **options))

    def test_silent_without_date_or_roster(self) -> None:
        """FUP004 needs both the date and the roster."""
        obj, on, options = TRIGGERS["FUP004"]()
        assert 0 == len(run(obj, "FUP004", **options))
        assert 0 == len(run(obj, "FUP004", on=on))

    def test_visit_after_the_window_is_too_late(self) -> None:
        """A visit on the day after the window does not count; on its last day it does."""
        late = with_visit(4, on=pendulum.Date(2025, 8, 16))
        in_time = with_visit(4, on=pendulum.Date(2025, 8, 15))
        assert 1 == len(run(late, "FUP004", on=AFTER_WINDOW, roster=b.malang_roster()))
        assert 0 == len(run(in_time, "FUP004", on=AFTER_WINDOW, roster=b.malang_roster()))

    def test_visit_during_the_retreat_does_not_count(self) -> None:
        """A visit on the retreat's last day is FUP005's error and no follow-up visit."""
        obj = with_visit(4, on=pendulum.Date(2025, 5, 17))
        assert 1 == len(run(obj, "FUP004", on=AFTER_WINDOW, roster=b.malang_roster()))

    def test_window_option(self) -> None:
        """With an 18-day window (to 4 June), the visits of 5 and 6 June are too late."""
        report = run(
            follow_up(), "FUP004", on=AFTER_WINDOW, roster=b.malang_roster(), window_days=18
        )
        assert ["kec-lowokwaru", "kec-sukun"] == sorted(str(f.params["unit"]) for f in report)

    def test_cancelled_retreat_is_silent(self) -> None:
        """Nobody follows up a cancelled retreat."""
        obj, on, options = TRIGGERS["FUP004"]()
        cancelled = attrs.evolve(obj, retreat=b.malang(status=RetreatStatus.CANCELLED))
        assert 0 == len(run(cancelled, "FUP004", on=on, **options))

    def test_units_of_absent_participants_do_not_count(self) -> None:
        """The unit of a camat who was absent is no unit of the retreat."""
        obj, on, options = TRIGGERS["FUP004"]()
        enrollments = b.replaced(obj.retreat.enrollments, 4, status=EnrollmentStatus.ABSENT)
        absent = attrs.evolve(obj, retreat=b.malang(enrollments=enrollments))
        assert 0 == len(run(absent, "FUP004", on=on, **options))

    def test_agrees_with_the_status(self) -> None:
        """follow_up_status reports the same FUP004 findings as the rule."""
        obj, on, options = TRIGGERS["FUP004"]()
        assert on is not None
        status = follow_up_status(obj.retreat, obj.commitments, obj.visits, on=on, **options)
        assert list(run(obj, "FUP004", on=on, **options)) == list(status.findings)


class TestFup005:
    def test_visit_on_the_last_day(self) -> None:
        """A visit on the retreat's last local day is an error, with both dates."""
        finding = one(TRIGGERS["FUP005"]()[0], "FUP005")
        assert {
            "on": "2025-05-17",
            "retreat_end": "2025-05-17",
            "visit": "kunjungan-3",
        }.items() <= (finding.params.items())

    def test_visit_the_day_after_is_fine(self) -> None:
        """The day after the retreat's last day is the first day of the follow-up."""
        assert 0 == len(run(with_visit(0, on=pendulum.Date(2025, 5, 18)), "FUP005"))


class TestFup006:
    def test_done_without_evidence(self) -> None:
        """A commitment done since 21 July without evidence is reported with that date."""
        finding = one(with_commitment(4, evidence=()), "FUP006")
        assert "2025-07-21" == finding.params["done_on"]

    def test_not_done_needs_no_evidence(self) -> None:
        """A commitment in progress needs no evidence yet."""
        history = (StatusChange(on=DAY, status=CommitmentStatus.IN_PROGRESS),)
        assert 0 == len(run(with_commitment(4, evidence=(), history=history), "FUP006"))


class TestFup007:
    def test_two_places_one_day(self) -> None:
        """The Sekda in two kecamatan on one day: reported on the later visit."""
        finding = one(with_visit(1, on=visit(0).on), "FUP007")
        assert {
            "visitor": "******** ****** * 001",
            "place": "kec-klojen",
            "other_place": "kec-blimbing",
            "other_path": "visits[0]",
        }.items() <= finding.params.items()
        assert ("******** ****** * 001", "kunjungan-1", "kunjungan-0") == finding.subjects

    def test_one_place_two_units(self) -> None:
        """Two units met at the same place on one day is fine."""
        obj = follow_up(
            visits=(
                visit(0, place="balai-kota"),
                visit(1, on=visit(0).on, place="balai-kota"),
            )
        )
        assert 0 == len(run(obj, "FUP007"))

    def test_two_visitors_one_day(self) -> None:
        """Two visitors on one day in two places is fine."""
        obj = with_visit(1, on=visit(0).on, visitor=b.CAMAT_NIPS[0])
        assert 0 == len(run(obj, "FUP007"))

    def test_three_places_name_the_first(self) -> None:
        """A third place that day is reported too, naming the first earlier other place."""
        day = visit(0).on
        obj = follow_up(visits=(visit(0), visit(1, on=day), visit(2, on=day)))
        report = run(obj, "FUP007")
        assert [("visits[1].visitor", "visits[0]"), ("visits[2].visitor", "visits[0]")] == [
            (f.path, f.params["other_path"]) for f in report
        ]


def test_trigger_tables_cover_every_code() -> None:
    """Every rule has a trigger and a path (guards the tables above)."""
    assert set(CODES) == set(TRIGGERS) == set(TRIGGER_PATHS)
