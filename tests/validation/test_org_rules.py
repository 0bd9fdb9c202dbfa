"""Tests of the organisation rules ORG001-ORG016 (birokrasi_retreat.validation.organization)."""

from __future__ import annotations

import importlib
import itertools
import subprocess
import sys

from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat.errors import (
    InvalidType,
    PolicyViolationError,
    UnknownReferenceError,
    ValidationErrorGroup,
)
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    FunctionalLevel,
    Kecamatan,
    Official,
    Pemda,
    PemdaKind,
    Position,
)
from birokrasi_retreat.ranks import AsnType, Golongan, PositionFamily, Sex
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.validation import RULES, Report, Severity, check, organization, validate


if TYPE_CHECKING:
    import datetime as dt

    from collections.abc import Iterable

    import roster_builders as builders
    import rule_contract as rc
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    builders = importlib.import_module("tests.builders.roster_builders")
    rc = importlib.import_module("tests.builders.rule_contract")

ON = builders.ON
LURAH = builders.LURAH
CAMAT = builders.CAMAT
DOKTER = builders.DOKTER
CODES = [f"ORG{n:03d}" for n in range(1, 17)]
DEFAULT_SEVERITY = {
    "ORG001": Severity.ERROR,
    "ORG002": Severity.ERROR,
    "ORG003": Severity.WARNING,
    "ORG004": Severity.ERROR,
    "ORG005": Severity.ERROR,
    "ORG006": Severity.INFO,
    "ORG007": Severity.WARNING,
    "ORG008": Severity.ERROR,
    "ORG009": Severity.WARNING,
    "ORG010": Severity.ERROR,
    "ORG011": Severity.ERROR,
    "ORG012": Severity.ERROR,
    "ORG013": Severity.ERROR,
    "ORG014": Severity.WARNING,
    "ORG015": Severity.WARNING,
    "ORG016": Severity.WARNING,
}


def run(roster: Roster, code: str, *, on: pendulum.Date | None = ON, **options: Any) -> Report:
    """Check ``roster`` with one rule only."""
    return check(roster, on=on, select=[code], options=options or None)


def paths(report: Report) -> list[str]:
    """The paths of a report's findings, in report order."""
    return [f.path for f in report]


def every_nip(roster: Roster) -> set[str]:
    """Every whole NIP of a roster (officials and appointments)."""
    return {o.nip for o in roster.officials} | {a.nip for a in roster.appointments}


def lurah_appointments(*extra: Appointment) -> Roster:
    """The valid roster plus the extra official and ``extra`` appointments."""
    return builders.roster(
        officials=(*builders.officials(), builders.extra_official()),
        appointments=(*builders.appointments(), *extra),
    )


def lurah(
    start: tuple[int, int, int],
    end: tuple[int, int, int] | None = None,
    kind: AppointmentKind = AppointmentKind.DEFINITIF,
) -> Appointment:
    """An appointment of the extra official to the Lurah post."""
    return Appointment(
        nip=builders.EXTRA_NIP,
        position="lurah-klojen",
        start=pendulum.Date(*start),
        end=None if end is None else pendulum.Date(*end),
        kind=kind,
    )


class TestRegistry:
    def test_every_code_is_registered_for_rosters(self) -> None:
        """ORG001-ORG016 are registered, each applying to Roster."""
        assert set(CODES) <= set(RULES)
        for code in CODES:
            assert Roster is RULES[code].applies_to

    @pytest.mark.parametrize("code", CODES)
    def test_default_severity(self, code: str) -> None:
        """Each rule's default severity is the one the issue fixes."""
        assert DEFAULT_SEVERITY[code] is RULES[code].severity

    @pytest.mark.parametrize("code", CODES)
    def test_rule_is_documented(self, code: str) -> None:
        """Each rule has distinct titles in both languages, a rationale and a source."""
        rc.assert_documented(code)

    def test_law_is_cited_for_retirement(self) -> None:
        """ORG015 cites UU 20/2023 Pasal 55 and PP 11/2017 Pasal 239."""
        assert "UU 20/2023 Pasal 55" in RULES["ORG015"].source
        assert "PP 11/2017 Pasal 239" in RULES["ORG015"].source

    def test_public_module_is_reexported(self) -> None:
        """The rules module is reachable from the validation package."""
        assert "organization" in sys.modules["birokrasi_retreat.validation"].__all__
        assert organization.retirement_ages is not None


class TestValidRoster:
    def test_silent_on_the_date(self) -> None:
        """The valid roster has no finding at all on the reference date."""
        assert [] == list(check(builders.roster(), on=ON))

    def test_silent_without_a_date(self) -> None:
        """The valid roster has no finding without a date either."""
        assert [] == list(check(builders.roster()))

    @pytest.mark.parametrize("code", CODES)
    def test_each_rule_silent(self, code: str) -> None:
        """Each rule alone is silent on the valid roster."""
        assert run(builders.roster(), code).ok
        assert 0 == len(run(builders.roster(), code))


class TestNearMisses:
    @pytest.mark.parametrize("code", CODES)
    def test_triggers_exactly_its_rule(self, code: str) -> None:
        """Each near miss yields one finding: its rule, at its path, with its severity."""
        near = builders.NEAR_MISSES[code]
        report = check(near.build(), on=ON)
        assert [(code, near.path, near.severity)] == [(f.code, f.path, f.severity) for f in report]

    @pytest.mark.parametrize("code", CODES)
    def test_finding_carries_the_rule_source(self, code: str) -> None:
        """The finding names the regulation or reason of its rule."""
        (finding,) = check(builders.NEAR_MISSES[code].build(), on=ON)
        assert RULES[code].source == finding.source

    @pytest.mark.parametrize("code", CODES)
    def test_message_renders_in_both_languages(self, code: str) -> None:
        """The message is catalogued, fully filled and different in Indonesian and English."""
        (finding,) = check(builders.NEAR_MISSES[code].build(), on=ON)
        rc.assert_renders(finding)

    @pytest.mark.parametrize("code", CODES)
    def test_no_whole_nip_anywhere(self, code: str) -> None:
        """Neither message, params nor subjects contain a whole NIP."""
        roster = builders.NEAR_MISSES[code].build()
        (finding,) = check(roster, on=ON)
        rc.assert_no_whole_nip([finding], every_nip(roster))


class TestOverrides:
    def test_ignore_drops_a_real_rule(self) -> None:
        """Ignoring ORG008 silences the near miss."""
        assert 0 == len(check(builders.org008(), on=ON, ignore=["ORG008"]))

    def test_select_runs_only_the_chosen_rules(self) -> None:
        """Selecting another rule leaves the ORG008 near miss clean."""
        assert 0 == len(check(builders.org008(), on=ON, select=["ORG001", "ORG009"]))

    def test_severity_override_beats_the_per_hit_severity(self) -> None:
        """A user severity wins over both ORG008's per-hit info and its default error."""
        one_step = builders.roster(
            officials=builders.replaced(builders.officials(), LURAH, golongan=Golongan.III_B),
        )
        override = {"ORG008": Severity.WARNING}
        for roster in (one_step, builders.org008()):
            report = check(roster, on=ON, severities=override)
            assert [Severity.WARNING] == [f.severity for f in report]

    def test_downgraded_error_passes_validate(self) -> None:
        """validate accepts ORG005 once it is downgraded to a warning."""
        report = validate(builders.org005(), on=ON, severities={"ORG005": Severity.WARNING})
        assert ["ORG005"] == [f.code for f in report.warnings]

    def test_validate_raises_with_paths(self) -> None:
        """validate raises a group of PolicyViolationError carrying code and path."""
        with pytest.raises(ValidationErrorGroup) as info:
            validate(builders.org005(), on=ON)
        (member,) = info.value.exceptions
        assert isinstance(member, PolicyViolationError)
        assert ("ORG005", "appointments[5]") == (member.code, member.path)


class TestOrg001:
    def test_triggers(self) -> None:
        """A kecamatan of Kota Batu in Kota Malang's roster is reported with both codes."""
        (finding,) = run(builders.org001(), "ORG001")
        assert "kecamatan[0].kode" == finding.path
        assert {"kode": "35.79.01", "pemda_kode": "35.73"}.items() <= finding.params.items()
        assert ("klojen",) == finding.subjects

    def test_silent_on_valid(self) -> None:
        """Kecamatan inside the Pemda's code are fine."""
        assert 0 == len(run(builders.roster(), "ORG001"))


class TestOrg002:
    def test_triggers(self) -> None:
        """A kelurahan code under another kecamatan is reported with both codes."""
        (finding,) = run(builders.org002(), "ORG002")
        assert "kelurahan[0].kode" == finding.path
        assert {"kode": "35.73.03.1007", "kecamatan_kode": "35.73.02"}.items() <= (
            finding.params.items()
        )

    def test_silent_on_valid(self) -> None:
        """Kelurahan inside their kecamatan's code are fine."""
        assert 0 == len(run(builders.roster(), "ORG002"))


class TestOrg003:
    def test_triggers_on_a_kelurahan(self) -> None:
        """A well-formed, uncatalogued kelurahan code is a warning."""
        (finding,) = run(builders.org003(), "ORG003")
        assert ("kelurahan[0].kode", Severity.WARNING) == (finding.path, finding.severity)
        assert ("kel-klojen",) == finding.subjects

    def test_triggers_on_pemda_and_kecamatan(self) -> None:
        """An uncatalogued Pemda and kecamatan are reported at their own paths."""
        roster = Roster(
            pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Fiktif", kode=KodeWilayah(code="35.99")),
            kecamatan=(Kecamatan(id="x", name="Fiktif", kode=KodeWilayah(code="35.99.01")),),
        )
        report = run(roster, "ORG003")
        assert ["kecamatan[0].kode", "pemda.kode"] == paths(report)
        assert [("x",), ()] == [f.subjects for f in report]

    def test_silent_on_valid(self) -> None:
        """Catalogued codes are fine."""
        assert 0 == len(run(builders.roster(), "ORG003"))


class TestOrg004:
    def test_triggers_on_a_desa(self) -> None:
        """A kelurahan with a desa code (2xxx) is an error naming the kind."""
        (finding,) = run(builders.org004(), "ORG004")
        assert "desa" == finding.params["kind"]

    def test_triggers_on_a_desa_adat(self) -> None:
        """A kelurahan with a desa adat code (3xxx) names that kind."""
        (finding,) = run(builders.kabupaten_roster("91.03.01.3007"), "ORG004")
        assert ("kelurahan[0].kode", "desa adat") == (finding.path, finding.params["kind"])

    def test_silent_on_a_kelurahan_code(self) -> None:
        """A real kelurahan (1xxx) of the same kecamatan is fine."""
        assert 0 == len(check(builders.batu_roster("35.79.01.1001"), on=ON))


class TestOrg005:
    def test_triggers_with_the_other_appointment(self) -> None:
        """The later appointment is reported, pointing at the earlier one."""
        (finding,) = run(builders.org005(), "ORG005")
        assert {"other": "appointments[4]", "since": "2024-01-02"}.items() <= (
            finding.params.items()
        )
        assert "lurah-klojen" == finding.subjects[0]

    def test_each_overlapping_pair_once(self) -> None:
        """Three mutually overlapping holders give three findings, one per pair."""
        roster = lurah_appointments(lurah((2021, 1, 1)), lurah((2022, 1, 1)))
        report = run(roster, "ORG005")
        pairs = sorted((f.params["other"], f.path) for f in report)
        assert [
            ("appointments[4]", "appointments[5]"),
            ("appointments[4]", "appointments[6]"),
            ("appointments[5]", "appointments[6]"),
        ] == pairs

    def test_same_day_end_and_start_overlap(self) -> None:
        """Ends are inclusive: ending on the day the next starts is an overlap."""
        roster = builders.roster(
            officials=(*builders.officials(), builders.extra_official()),
            appointments=(
                *builders.replaced(builders.appointments(), LURAH, end=pendulum.Date(2024, 1, 2)),
                lurah((2024, 1, 2)),
            ),
        )
        assert ["appointments[5]"] == paths(run(roster, "ORG005"))

    def test_silent_on_a_handover(self) -> None:
        """A holder ending the day before the next starts is not an overlap."""
        roster = builders.roster(
            officials=(*builders.officials(), builders.extra_official()),
            appointments=(
                *builders.replaced(builders.appointments(), LURAH, end=pendulum.Date(2024, 1, 1)),
                lurah((2024, 1, 2)),
            ),
        )
        assert 0 == len(run(roster, "ORG005"))

    def test_silent_on_acting_holders(self) -> None:
        """Acting appointments are ORG006's business, not ORG005's."""
        assert 0 == len(run(builders.org006(), "ORG005"))

    def test_silent_on_valid(self) -> None:
        """One definitive holder per post is fine."""
        assert 0 == len(run(builders.roster(), "ORG005"))


class TestOrg006:
    def test_path_is_the_acting_appointment(self) -> None:
        """A Plt that began before the definitive holder is still the one reported."""
        roster = builders.roster(
            officials=(*builders.officials(), builders.extra_official()),
            appointments=(
                *builders.replaced(builders.appointments(), LURAH, start=pendulum.Date(2020, 6, 1)),
                lurah((2020, 1, 2), kind=AppointmentKind.PLT),
            ),
        )
        (finding,) = run(roster, "ORG006")
        assert ("appointments[5]", "appointments[4]") == (finding.path, finding.params["other"])
        assert ("Plt", "2020-06-01") == (finding.params["kind"], finding.params["since"])

    @pytest.mark.parametrize(
        ("kind", "label"), [(AppointmentKind.PLH, "Plh"), (AppointmentKind.PJ, "Pj")]
    )
    def test_names_the_acting_kind(self, kind: AppointmentKind, label: str) -> None:
        """Plh and Pj are reported with their abbreviation."""
        (finding,) = run(lurah_appointments(lurah((2024, 1, 2), kind=kind)), "ORG006")
        assert label == finding.params["kind"]

    def test_silent_on_two_acting_holders(self) -> None:
        """Two overlapping acting holders of a vacant post are not reported."""
        roster = builders.roster(
            officials=(*builders.officials(), builders.extra_official()),
            appointments=(
                *builders.replaced(
                    builders.appointments(),
                    LURAH,
                    kind=AppointmentKind.PLT,
                ),
                lurah((2024, 1, 2), kind=AppointmentKind.PLH),
            ),
        )
        assert 0 == len(run(roster, "ORG006"))

    def test_silent_on_valid(self) -> None:
        """Definitive holders alone are fine."""
        assert 0 == len(run(builders.roster(), "ORG006"))


class TestOrg007:
    def test_triggers_on_a_vacant_post(self) -> None:
        """A post nobody holds on the date is a warning saying nobody acts."""
        (finding,) = run(builders.org007(), "ORG007")
        assert {"on": "2025-05-15", "acting": False, "acting_kind": ""}.items() <= (
            finding.params.items()
        )
        assert finding.message("en").endswith("on 2025-05-15.")

    def test_says_who_acts(self) -> None:
        """A vacant post with a Plt says so in params and both messages."""
        acting = Appointment(
            nip=builders.EXTRA_NIP,
            position="lurah-klojen",
            start=pendulum.Date(2025, 1, 2),
            kind=AppointmentKind.PLT,
        )
        vacant = builders.org007()
        roster = attrs.evolve(
            vacant,
            officials=(*vacant.officials, builders.extra_official()),
            appointments=(*vacant.appointments, acting),
        )
        (finding,) = run(roster, "ORG007")
        assert (True, "Plt") == (finding.params["acting"], finding.params["acting_kind"])
        assert "dijalankan oleh Plt" in finding.message("id")
        assert "a Plt acts in it" in finding.message("en")

    def test_silent_without_a_date(self) -> None:
        """Without a date the library cannot know, so it stays silent."""
        assert 0 == len(run(builders.org007(), "ORG007", on=None))

    def test_silent_on_valid(self) -> None:
        """Posts with a definitive holder are fine."""
        assert 0 == len(run(builders.roster(), "ORG007"))


class TestOrg008:
    def test_two_steps_below_is_an_error(self) -> None:
        """III/a for eselon IV.a (III/c-III/d) is an error with the step count."""
        (finding,) = run(builders.org008(), "ORG008")
        assert (Severity.ERROR, 2) == (finding.severity, finding.params["steps"])
        assert {"golongan": "III/a", "lowest": "III/c", "highest": "III/d"}.items() <= (
            finding.params.items()
        )

    def test_one_step_below_is_info(self) -> None:
        """III/b for eselon IV.a is allowed by PP 100/2000 Pasal 5: info."""
        roster = builders.roster(
            officials=builders.replaced(builders.officials(), LURAH, golongan=Golongan.III_B),
        )
        (finding,) = run(roster, "ORG008")
        assert (Severity.INFO, 1) == (finding.severity, finding.params["steps"])

    def test_acting_holders_are_checked(self) -> None:
        """A Plt with too low a golongan is reported too."""
        roster = lurah_appointments(lurah((2024, 1, 2), kind=AppointmentKind.PLT))
        low = builders.extra_official(golongan=Golongan.II_D)
        roster = attrs.evolve(roster, officials=(*builders.officials(), low))
        assert ["appointments[5]"] == paths(run(roster, "ORG008"))

    def test_without_date_every_appointment(self) -> None:
        """Without a date, an ended appointment is checked (a golongan does not fall)."""
        roster = builders.roster(
            officials=builders.replaced(builders.officials(), LURAH, golongan=Golongan.III_A),
            appointments=builders.replaced(
                builders.appointments(), LURAH, end=pendulum.Date(2021, 1, 1)
            ),
        )
        assert ["appointments[4]"] == paths(run(roster, "ORG008", on=None))

    def test_with_date_only_posts_in_force(self) -> None:
        """With a date, an appointment ended before it is not checked."""
        roster = builders.roster(
            officials=builders.replaced(builders.officials(), LURAH, golongan=Golongan.III_A),
            appointments=builders.replaced(
                builders.appointments(), LURAH, end=pendulum.Date(2021, 1, 1)
            ),
        )
        assert 0 == len(run(roster, "ORG008"))

    def test_silent_without_golongan_or_eselon(self) -> None:
        """A PPPK (no golongan) or a post without eselon is not checked."""
        pppk = Official(
            nip="199001012021211002",
            name="Rina",
            sex=Sex.MALE,
            asn_type=AsnType.PPPK,
            pppk_grade="IX",
        )
        roster = builders.with_official(LURAH, pppk)
        low_doctor = builders.replaced(builders.officials(), DOKTER, golongan=Golongan.I_A)
        assert 0 == len(run(roster, "ORG008"))
        assert 0 == len(run(builders.roster(officials=low_doctor), "ORG008"))

    def test_silent_on_valid(self) -> None:
        """Golongan inside every range are fine."""
        assert 0 == len(run(builders.roster(), "ORG008"))


class TestOrg009:
    def test_triggers(self) -> None:
        """IV/a for eselon IV.a is above the range."""
        (finding,) = run(builders.org009(), "ORG009")
        assert ("IV/a", "III/d") == (finding.params["golongan"], finding.params["highest"])

    def test_without_date_only_open_appointments(self) -> None:
        """Without a date, a post left long ago is not checked against today's golongan."""
        ended = builders.replaced(builders.appointments(), LURAH, end=pendulum.Date(2021, 1, 1))
        high = builders.replaced(builders.officials(), LURAH, golongan=Golongan.IV_A)
        assert 0 == len(run(builders.roster(officials=high, appointments=ended), "ORG009", on=None))
        assert ["appointments[4]"] == paths(run(builders.org009(), "ORG009", on=None))

    def test_silent_on_valid(self) -> None:
        """Golongan inside every range are fine."""
        assert 0 == len(run(builders.roster(), "ORG009"))


class TestOrg010:
    def test_triggers(self) -> None:
        """A stated birth date a day off is an error at the birth date."""
        assert ["officials[4].birth_date"] == paths(run(builders.org010(), "ORG010"))

    def test_silent_when_equal_or_unstated(self) -> None:
        """A matching or missing stated birth date is fine."""
        same = builders.replaced(builders.officials(), LURAH, birth_date=pendulum.Date(1986, 9, 26))
        assert 0 == len(run(builders.roster(officials=same), "ORG010"))
        assert 0 == len(run(builders.roster(), "ORG010"))


class TestOrg011:
    def test_triggers(self) -> None:
        """A recorded sex that the NIP's digit contradicts is an error."""
        assert ["officials[4].sex"] == paths(run(builders.org011(), "ORG011"))

    def test_silent_on_valid(self) -> None:
        """Matching sexes (male and female officials) are fine."""
        assert 0 == len(run(builders.roster(), "ORG011"))


class TestOrg012:
    def test_every_repeat_after_the_first(self) -> None:
        """Three records of one NIP give two findings pointing at the first."""
        twin = builders.officials()[LURAH]
        roster = builders.roster(officials=(*builders.officials(), twin, twin))
        report = run(roster, "ORG012")
        assert ["officials[5].nip", "officials[6].nip"] == paths(report)
        assert [("officials[4]", 3)] * 2 == [(f.params["other"], f.params["count"]) for f in report]

    def test_silent_on_valid(self) -> None:
        """Distinct NIPs are fine."""
        assert 0 == len(run(builders.roster(), "ORG012"))


class TestOrg013:
    def test_triggers_for_a_pns(self) -> None:
        """An appointment the day before the TMT CPNS is an error at its start."""
        (finding,) = run(builders.org013(), "ORG013")
        assert ("appointments[4].start", "2015-04-30") == (finding.path, finding.params["start"])

    def test_silent_from_the_tmt(self) -> None:
        """An appointment on the TMT CPNS itself is fine."""
        on_tmt = builders.replaced(builders.appointments(), LURAH, start=pendulum.Date(2015, 5, 1))
        assert 0 == len(run(builders.roster(appointments=on_tmt), "ORG013"))

    @pytest.mark.parametrize(("start", "expected"), [((2020, 12, 31), 1), ((2021, 1, 1), 0)])
    def test_pppk_from_january_of_the_year(
        self, start: tuple[int, int, int], expected: int
    ) -> None:
        """A PPPK first appointed in 2021 may hold a post from 1 January 2021."""
        pppk = Official(
            nip="199001012021211002",
            name="Rina",
            sex=Sex.MALE,
            asn_type=AsnType.PPPK,
            pppk_grade="IX",
        )
        roster = builders.with_official(DOKTER, pppk)
        roster = attrs.evolve(
            roster,
            appointments=builders.replaced(
                roster.appointments, DOKTER, start=pendulum.Date(*start)
            ),
        )
        assert expected == len(run(roster, "ORG013"))

    def test_silent_on_valid(self) -> None:
        """Appointments after the TMT are fine."""
        assert 0 == len(run(builders.roster(), "ORG013"))


class TestOrg014:
    def test_triggers_on_a_camat_post(self) -> None:
        """A camat post that is not Administrator is a warning naming both families."""
        (finding,) = run(builders.org014(), "ORG014")
        assert {
            "family": "Pengawas",
            "expected": "Administrator",
            "unit_kind": "kecamatan",
        }.items() <= (finding.params.items())

    def test_triggers_on_a_lurah_post(self) -> None:
        """A lurah post that is not Pengawas is reported too."""
        wrong = builders.replaced(builders.positions(), LURAH, family=PositionFamily.ADMINISTRATOR)
        (finding,) = run(builders.roster(positions=wrong), "ORG014")
        assert ("positions[4].family", "kelurahan") == (finding.path, finding.params["unit_kind"])

    def test_silent_on_other_posts(self) -> None:
        """Non-head posts in a kecamatan and heads of other units are not checked."""
        sekcam = Position(
            id="sekcam",
            title="Sekretaris Camat",
            unit="klojen",
            family=PositionFamily.PENGAWAS,
        )
        roster = builders.roster(positions=(*builders.positions(), sekcam))
        assert 0 == len(run(roster, "ORG014"))

    def test_silent_on_valid(self) -> None:
        """A camat Administrator and a lurah Pengawas are fine."""
        assert 0 == len(run(builders.roster(), "ORG014"))


def _aged(index: int, birth: str, **changes: Any) -> Roster:
    """The valid roster with official ``index`` born on ``birth`` (YYYYMMDD, TMT 1990-03)."""
    old = attrs.evolve(builders.officials()[index], nip=f"{birth}199003{'1'}004", **changes)
    return builders.with_official(index, old)


class TestOrg015:
    def test_triggers(self) -> None:
        """A 59-year-old Camat (BUP 58) is reported with the age and the family."""
        (finding,) = run(builders.org015(), "ORG015")
        assert {"bup": 58, "category": "Administrator", "on": "2025-05-15"}.items() <= (
            finding.params.items()
        )

    @pytest.mark.parametrize(("on", "expected"), [((2025, 5, 14), 0), ((2025, 5, 15), 1)])
    def test_from_the_birthday_at_bup_age(self, on: tuple[int, int, int], expected: int) -> None:
        """The BUP is reached on the 58th birthday itself, not the day before."""
        roster = _aged(CAMAT, "19670515")
        assert expected == len(run(roster, "ORG015", on=pendulum.Date(*on)))

    def test_leap_day_birthday(self) -> None:
        """Born on 29 February: the BUP is reached on 28 February of a common year."""
        roster = _aged(CAMAT, "19680229")
        assert 0 == len(run(roster, "ORG015", on=pendulum.Date(2026, 2, 27)))
        assert 1 == len(run(roster, "ORG015", on=pendulum.Date(2026, 2, 28)))

    @given(
        st.dates(min_value=pendulum.Date(1900, 1, 1), max_value=pendulum.Date(2100, 12, 31)),
        st.integers(min_value=0, max_value=100),
    )
    def test_years_after_is_pendulums_add(self, day: dt.date, years: int) -> None:
        """The rule's own year arithmetic agrees with pendulum's add(years=...)."""
        start = pendulum.Date(day.year, day.month, day.day)
        assert organization._years_after(start, years) == start.add(years=years)

    def test_functional_level_decides(self) -> None:
        """A 61-year-old ahli madya (BUP 60) is reported; as ahli utama (65) not."""
        roster = _aged(DOKTER, "19640101", sex=Sex.MALE)
        (finding,) = run(roster, "ORG015")
        assert (60, "Fungsional (ahli madya)") == (
            finding.params["bup"],
            finding.params["category"],
        )
        utama = builders.replaced(
            builders.positions(), DOKTER, functional_level=FunctionalLevel.AHLI_UTAMA
        )
        assert 0 == len(run(attrs.evolve(roster, positions=utama), "ORG015"))

    def test_functional_post_without_level_is_skipped(self) -> None:
        """Without a level the BUP of a functional post is unknown: no finding."""
        roster = _aged(DOKTER, "19500101", sex=Sex.MALE)
        levelless = builders.replaced(builders.positions(), DOKTER, functional_level=None)
        assert 0 == len(run(attrs.evolve(roster, positions=levelless), "ORG015"))

    @pytest.mark.parametrize(
        ("index", "other"), [(builders.SEKDA, "lurah-klojen"), (CAMAT, "sekda")]
    )
    def test_highest_bup_of_several_posts(self, index: int, other: str) -> None:
        """A 59-year-old holding a JPT post (60) and a 58 post is not reported, in any order."""
        roster = _aged(index, "19660101")
        second = Appointment(nip=roster.officials[index].nip, position=other, start=ON)
        extra = attrs.evolve(roster, appointments=(*roster.appointments, second))
        assert 0 == len(run(extra, "ORG015"))

    def test_acting_posts_do_not_count(self) -> None:
        """An old official who only acts in a post (no definitive post) is skipped."""
        roster = _aged(CAMAT, "19500101")
        acting = builders.replaced(roster.appointments, CAMAT, kind=AppointmentKind.PLT)
        assert 0 == len(run(attrs.evolve(roster, appointments=acting), "ORG015"))

    def test_pppk_are_skipped(self) -> None:
        """Whether the BUP binds PPPK is unconfirmed: a 60-year-old PPPK is skipped."""
        pppk = Official(
            nip="196501012021211002",
            name="Rina",
            sex=Sex.MALE,
            asn_type=AsnType.PPPK,
            pppk_grade="IX",
        )
        assert 0 == len(run(builders.with_official(LURAH, pppk), "ORG015"))

    def test_option_overrides_the_table(self) -> None:
        """options={'bup': ...} replaces an entry: with 60 for Administrator, 59 is fine."""
        assert 0 == len(run(builders.org015(), "ORG015", bup={"administrator": 60}))
        levels = {FunctionalLevel.AHLI_MADYA: 70}
        assert ["officials[3]"] == paths(run(builders.org015(), "ORG015", bup=levels))

    def test_silent_without_a_date(self) -> None:
        """Without a date nobody's age is known."""
        assert 0 == len(run(builders.org015(), "ORG015", on=None))

    def test_silent_on_valid(self) -> None:
        """Officials under their BUP are fine."""
        assert 0 == len(run(builders.roster(), "ORG015"))


class TestBupOption:
    def test_not_a_mapping(self) -> None:
        """A BUP option that is not a mapping is a type error, even without a date."""
        with pytest.raises(InvalidType) as info:
            run(builders.roster(), "ORG015", on=None, bup=[("administrator", 60)])
        assert "options['bup']" == info.value.path

    @pytest.mark.parametrize("key", ["camat", 58, PositionFamily.FUNGSIONAL])
    def test_unknown_key(self, key: object) -> None:
        """A key that is neither a family nor a functional level is refused."""
        with pytest.raises(UnknownReferenceError) as info:
            run(builders.roster(), "ORG015", bup={key: 60})
        assert "reference.unknown" == info.value.code

    def test_long_key_is_not_echoed_whole(self) -> None:
        """A NIP pasted as a key shows only a short prefix in the error."""
        with pytest.raises(UnknownReferenceError) as info:
            run(builders.roster(), "ORG015", bup={builders.NIPS[0]: 60})
        assert "1970…" == info.value.params["value"]
        assert builders.NIPS[0] not in info.value.message("en")

    @pytest.mark.parametrize("age", ["60", 60.0, True])
    def test_age_must_be_an_int(self, age: object) -> None:
        """An age that is not an int (nor a bool) is a type error at its key."""
        with pytest.raises(InvalidType) as info:
            run(builders.roster(), "ORG015", bup={"pengawas": age})
        assert "options['bup']['pengawas']" == info.value.path


class TestOrg016:
    def test_triggers(self) -> None:
        """A TMT at 17 is a warning with the age."""
        (finding,) = run(builders.org016(), "ORG016")
        assert 17 == finding.params["age"]

    def test_silent_at_eighteen(self) -> None:
        """A TMT in the month of the 18th birthday is fine."""
        young = Official(
            nip="200101012019011003", name="Agus M.", sex=Sex.MALE, golongan=Golongan.IV_A
        )
        assert 0 == len(run(builders.with_official(CAMAT, young), "ORG016"))

    def test_other_plausibility_findings_ignored(self) -> None:
        """An NI PPPK with an early year and an odd code is not ORG016's business."""
        pppk = Official(
            nip="199001012018111002",
            name="Rina",
            sex=Sex.MALE,
            asn_type=AsnType.PPPK,
            pppk_grade="IX",
        )
        assert 0 == len(run(builders.with_official(DOKTER, pppk), "ORG016"))

    def test_silent_on_valid(self) -> None:
        """Officials appointed as adults are fine."""
        assert 0 == len(run(builders.roster(), "ORG016"))


# --- retirement-age table and functions ------------------------------------------------------

# sources: retirement-age; table 1d.
EXPECTED_BUP = {
    "jpt_utama": 60,
    "jpt_madya": 60,
    "jpt_pratama": 60,
    "administrator": 58,
    "pengawas": 58,
    "pelaksana": 58,
    "pemula": 58,
    "terampil": 58,
    "mahir": 58,
    "penyelia": 58,
    "ahli_pertama": 58,
    "ahli_muda": 58,
    "ahli_madya": 60,
    "ahli_utama": 65,
}


class TestRetirementAges:
    def test_table_matches_the_reference(self) -> None:
        """bup.csv gives the ages of sources: retirement-age for every family and level."""
        assert EXPECTED_BUP == dict(organization.retirement_ages())

    def test_every_family_and_level_has_a_row(self) -> None:
        """Each non-functional family and each functional level is a key."""
        keys = {f.value for f in PositionFamily if f is not PositionFamily.FUNGSIONAL}
        keys |= {level.value for level in FunctionalLevel}
        assert keys == set(organization.retirement_ages())

    def test_provenance_header(self) -> None:
        """The table cites the law, the sources anchor, the retrieval date and licence."""
        text = resources.files("birokrasi_retreat").joinpath("data", "bup.csv").read_text("utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        for needle in (
            "UU 20/2023 Pasal 55",
            "PP 11/2017 Pasal 239",
            "sources: retirement-age",
            "2026-11-23",
        ):
            assert needle in header
        assert "public domain" in header

    def test_table_is_read_lazily(self) -> None:
        """Importing the validation package reads no table."""
        code = (
            "import birokrasi_retreat.validation.organization as o;"
            "assert o._bup_table.cache_info().currsize == 0"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


class TestRetirementAge:
    def test_by_family_and_level(self) -> None:
        """The BUP follows the family, or the level of a functional post."""
        posts = builders.positions()
        assert [60, 60, 60, 58, 58] == [organization.retirement_age(p) for p in posts]

    def test_functional_without_level(self) -> None:
        """A functional post without a level has no known BUP."""
        post = attrs.evolve(builders.positions()[DOKTER], functional_level=None)
        assert organization.retirement_age(post) is None

    def test_overrides(self) -> None:
        """An override replaces only its own entry."""
        camat, lurah_post = builders.positions()[CAMAT], builders.positions()[LURAH]
        overrides = {"administrator": 60}
        assert 60 == organization.retirement_age(camat, overrides=overrides)
        assert 58 == organization.retirement_age(lurah_post, overrides=overrides)


# --- the sweep behind ORG005 and ORG006 ----------------------------------------------------------

BASE = pendulum.Date(2020, 1, 1)


@st.composite
def appointment_lists(draw: st.DrawFn) -> list[Appointment]:
    """Appointments to one post with random spans (some open-ended) and kinds."""
    count = draw(st.integers(min_value=0, max_value=12))
    result = []
    for _ in range(count):
        start = BASE.add(days=draw(st.integers(min_value=0, max_value=60)))
        length = draw(st.none() | st.integers(min_value=0, max_value=30))
        kind = draw(st.sampled_from(AppointmentKind))
        end = None if length is None else start.add(days=length)
        result.append(
            Appointment(nip=builders.EXTRA_NIP, position="p", start=start, end=end, kind=kind)
        )
    return result


def _brute_force(items: list[Appointment], *, mixed: bool) -> set[frozenset[int]]:
    """Every overlapping pair by comparing all pairs (the slow reference)."""
    found = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(items), 2):
        a_end, b_end = a.end or pendulum.Date.max, b.end or pendulum.Date.max
        overlap = a.start <= b_end and b.start <= a_end
        kinds = (a.kind.is_acting, b.kind.is_acting)
        wanted = kinds in {(True, False), (False, True)} if mixed else kinds == (False, False)
        if overlap and wanted:
            found.add(frozenset((i, j)))
    return found


def _swept(items: Iterable[Appointment], *, mixed: bool) -> list[frozenset[int]]:
    entries = sorted(enumerate(items), key=lambda e: (e[1].start, e[0]))
    return [
        frozenset((first[0], second[0]))
        for first, second in organization._overlapping(entries, mixed=mixed)
    ]


class TestOverlapSweep:
    @given(appointment_lists(), st.booleans())
    def test_matches_all_pairs(self, items: list[Appointment], mixed: bool) -> None:
        """The sweep finds exactly the pairs an all-pairs comparison finds, each once."""
        swept = _swept(items, mixed=mixed)
        assert len(set(swept)) == len(swept)
        assert _brute_force(items, mixed=mixed) == set(swept)

    @given(appointment_lists())
    def test_later_start_second(self, items: list[Appointment]) -> None:
        """In each pair the second appointment does not start before the first."""
        entries = sorted(enumerate(items), key=lambda e: (e[1].start, e[0]))
        for first, second in organization._overlapping(entries, mixed=True):
            assert first[1].start <= second[1].start
