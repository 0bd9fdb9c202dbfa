"""Contract tests for the public strategies: what they generate is valid and plausible."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from typing import Any

import attrs
import pendulum
import pytest

from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import scoring, serialization, validation
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.organization import Appointment, Official, Position
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.rubric import Normalisation, Rubric


ON = dt.date(2026, 1, 1)


class TestNips:
    @given(brst.nips())
    def test_valid_and_plausible(self, value: NIP) -> None:
        """Generated NIPs validate, format round-trip and draw no plausibility warning."""
        assert value.kind is AsnType.PNS
        assert nip.validate(value.number) == value.number
        assert nip.parse(nip.format(value.number)) == value
        assert nip.plausibility(value.number, on=ON) == ()

    @given(brst.nips(min_birth_date=dt.date(2000, 1, 1), max_birth_date=dt.date(2000, 12, 31)))
    def test_birth_bounds(self, value: NIP) -> None:
        """The birth-date bounds are honoured."""
        assert value.birth_date.year == 2000

    def test_bad_bounds(self) -> None:
        """Reversed or implausible bounds are refused with InvalidArgument."""
        with pytest.raises(InvalidArgument):
            brst.nips(min_birth_date=dt.date(2000, 1, 2), max_birth_date=dt.date(2000, 1, 1))
        with pytest.raises(InvalidArgument):
            brst.nips(max_birth_date=dt.date(2010, 1, 1))

    @given(brst.ni_pppks())
    def test_pppk_valid_and_plausible(self, value: NIP) -> None:
        """Generated NI PPPK validate as PPPK and draw no plausibility warning."""
        assert value.kind is AsnType.PPPK
        assert nip.validate(value.number, kind=AsnType.PPPK) == value.number
        assert nip.plausibility(value.number, kind=AsnType.PPPK, on=ON) == ()


class TestKodeWilayahs:
    @given(brst.kode_wilayahs())
    def test_valid(self, code: KodeWilayah) -> None:
        """Generated codes validate, round-trip through format and have a time zone."""
        assert kode_wilayah.parse(kode_wilayah.format(code.code)) == code
        assert code.timezone in brst.INDONESIAN_TIMEZONES

    @pytest.mark.parametrize("level", list(RegionLevel))
    def test_level(self, level: RegionLevel) -> None:
        """The level option is honoured for every level, structural and existing."""

        @given(brst.kode_wilayahs(level=level), brst.kode_wilayahs(level=level, existing=True))
        def check(structural: KodeWilayah, existing: KodeWilayah) -> None:
            assert structural.level is level
            assert existing.level is level
            assert existing.exists

        check()


class TestRanks:
    @given(brst.golongans(min_value=Golongan.III_A, max_value=Golongan.III_D))
    def test_golongan_bounds(self, golongan: Golongan) -> None:
        """Golongan bounds are inclusive."""
        assert Golongan.III_A <= golongan <= Golongan.III_D

    def test_golongan_bad_bounds(self) -> None:
        """Reversed golongan bounds are refused."""
        with pytest.raises(InvalidArgument):
            brst.golongans(min_value=Golongan.IV_A, max_value=Golongan.III_A)

    @given(brst.eselons(), brst.position_families(), brst.asn_types(), brst.sexes())
    def test_enums(self, eselon: Eselon, family: PositionFamily, kind: AsnType, sex: Sex) -> None:
        """Enum strategies draw members of their enum."""
        assert isinstance(eselon, Eselon)
        assert isinstance(family, PositionFamily)
        assert isinstance(kind, AsnType)
        assert isinstance(sex, Sex)


class TestTime:
    @given(brst.aware_datetimes())
    def test_aware_in_indonesian_zone(self, value: pendulum.DateTime) -> None:
        """Datetimes are aware, in an Indonesian zone, to the second."""
        assert value.tzinfo is not None
        assert value.timezone_name in brst.INDONESIAN_TIMEZONES
        assert value.microsecond == 0

    @given(brst.aware_datetimes(timezones=st.just("Asia/Makassar")))
    def test_zone_option(self, value: pendulum.DateTime) -> None:
        """The timezones option chooses the zone."""
        assert value.timezone_name == "Asia/Makassar"
        assert value.utcoffset() == dt.timedelta(hours=8)

    def test_bad_datetime_bounds(self) -> None:
        """Aware or reversed bounds are refused."""
        with pytest.raises(InvalidArgument):
            brst.aware_datetimes(min_value=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
        with pytest.raises(InvalidArgument):
            brst.aware_datetimes(
                min_value=dt.datetime(2025, 1, 2),  # noqa: DTZ001
                max_value=dt.datetime(2025, 1, 1),  # noqa: DTZ001
            )

    @given(brst.dates())
    def test_dates_are_pendulum(self, value: pendulum.Date) -> None:
        """Dates are pendulum dates."""
        assert isinstance(value, pendulum.Date)

    def test_bad_date_bounds(self) -> None:
        """Reversed date bounds are refused."""
        with pytest.raises(InvalidArgument):
            brst.dates(min_value=dt.date(2025, 1, 2), max_value=dt.date(2025, 1, 1))


class TestFromType:
    @given(st.from_type(NIP), st.from_type(KodeWilayah), st.from_type(pendulum.DateTime))
    def test_registered(self, value: NIP, code: KodeWilayah, when: pendulum.DateTime) -> None:
        """The entry point registers the library's types with st.from_type."""
        assert nip.is_valid(value.number, kind=value.kind)
        assert kode_wilayah.is_valid(code.code)
        assert when.tzinfo is not None

    @given(st.from_type(pendulum.Date))
    def test_date_registered(self, value: pendulum.Date) -> None:
        """pendulum.Date is registered too."""
        assert isinstance(value, pendulum.Date)


class TestOrganization:
    @given(brst.officials())
    def test_officials_agree_with_their_nip(self, official: Official) -> None:
        """Generated officials state the sex (and birth date) their NIP encodes."""
        info = official.nip_info
        assert official.sex is info.sex
        assert official.birth_date in {None, info.birth_date}
        assert (official.golongan is None) or official.asn_type is AsnType.PNS

    @given(brst.positions())
    def test_positions(self, position: Position) -> None:
        """A generated post's eselon belongs to its family."""
        assert position.eselon is None or position.eselon.family is position.family

    @given(brst.appointments())
    def test_appointments_start_after_tmt(self, appointment: Appointment) -> None:
        """A generated appointment starts on or after the official's TMT CPNS."""
        tmt = nip.parse(appointment.nip).tmt_cpns
        assert tmt is not None
        assert appointment.start >= tmt

    @given(brst.rosters())
    def test_rosters_check_without_errors(self, roster: Roster) -> None:
        """Every generated roster passes every rule with no error-level finding."""
        report = validation.check(roster, on=pendulum.Date(2026, 1, 1))
        assert () == report.errors

    @given(brst.rosters(max_kecamatan=2, max_kelurahan=2, max_dinas=1))
    def test_rosters_round_trip(self, roster: Roster) -> None:
        """Every generated roster round-trips losslessly through TOML and JSON."""
        for fmt in ("toml", "json"):  # a Format literal each
            text = serialization.dumps(roster, format=fmt)
            assert roster == serialization.loads(text, Roster, format=fmt)

    @given(st.from_type(Official), st.from_type(Roster))
    def test_registered(self, official: Official, roster: Roster) -> None:
        """The organization types are registered for st.from_type."""
        assert isinstance(official, Official)
        assert isinstance(roster, Roster)


class TestRubrics:
    @given(brst.rubrics())
    def test_rubrics_can_be_scored(self, rubric: Rubric) -> None:
        """By default no ratio-normalised rubric has a scale starting below 0."""
        if rubric.normalisation is Normalisation.RATIO:
            assert all(criterion.scale.min_value >= 0 for criterion in rubric.criteria)

    def test_ratio_below_zero_on_demand(self) -> None:
        """ratio_below_zero=True generates what scoring refuses, for tests of the refusal."""
        rubric = find(
            brst.rubrics(ratio_below_zero=True),
            lambda r: (
                r.normalisation is Normalisation.RATIO
                and any(criterion.scale.min_value < 0 for criterion in r.criteria)
            ),
        )
        with pytest.raises(ScoringError, match="ratio_scale"):
            scoring.score_many(rubric, [])

    @given(st.data())
    def test_responses_rate_something_and_score(self, data: st.DataObject) -> None:
        """Every generated response rates a criterion, and scores within 0-100."""
        rubric = data.draw(brst.rubrics())
        response = data.draw(brst.responses(rubric))
        assert response.ratings
        assert 0 <= scoring.score(rubric, response).value <= 100

    @given(st.data())
    def test_optional_rubric_responses_are_never_empty(self, data: st.DataObject) -> None:
        """With every criterion optional, a response still rates at least one."""
        optional = brst.scales().flatmap(
            lambda scale: brst.rubrics(min_criteria=2, max_criteria=3, scales=st.just(scale))
        )
        rubric = data.draw(optional.map(_all_optional))
        assert data.draw(brst.responses(rubric)).ratings

    @pytest.mark.parametrize(("low", "high"), [(0, 5), (3, 2)])
    def test_bad_criteria_bounds(self, low: int, high: int) -> None:
        """No criteria, or reversed bounds, are refused."""
        with pytest.raises(InvalidArgument):
            brst.rubrics(min_criteria=low, max_criteria=high)

    def test_responses_need_a_rubric(self) -> None:
        """A rubric id is not a rubric."""
        rubric_id: Any = "ikm"
        with pytest.raises(InvalidArgument, match="Rubric"):
            brst.responses(rubric_id)

    def test_empty_responses_on_demand(self) -> None:
        """empty=True also generates a response that rates nothing."""
        rubric = _all_optional(find(brst.rubrics(min_criteria=2), lambda _r: True))
        response = find(brst.responses(rubric, empty=True), lambda r: not r.ratings)
        with pytest.raises(ScoringError, match="no_answers"):
            scoring.score(rubric, response)


def _all_optional(rubric: Rubric) -> Rubric:
    """The rubric with every criterion made optional."""
    return attrs.evolve(rubric, criteria=[attrs.evolve(c, required=False) for c in rubric.criteria])


def test_strategies_import_before_hypothesis() -> None:
    """Importing the strategies first (hypothesis then runs our entry point) works."""
    code = "import birokrasi_retreat.strategies as s; print(len(s.__all__))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
