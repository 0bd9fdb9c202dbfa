"""Tests for birokrasi_retreat.eligibility: who may take part in a retreat, and why.

The small city below is a synthetic Kota Malang: real kecamatan and kelurahan codes,
synthetic officials whose NIPs are made up and merely valid. ``198609262015051001`` is
the documented example NIP of the sources (sources: nip-layout); here it belongs to
nobody in the city, so including it exercises ``eligibility.included_unknown``.
"""

from __future__ import annotations

import datetime as dt
import importlib

from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import samples
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.eligibility import Decision, eligible_nips, evaluate, summary
from birokrasi_retreat.errors import InvalidType
from birokrasi_retreat.ids import nip as nip_module
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.messages import LANGUAGES, catalogue
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    Kelurahan,
    Official,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, PositionFamily, Sex
from birokrasi_retreat.retreat import Eligibility
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Iterable

    import roster_builders as rb
else:  # pytest's importlib mode imports a test helper by its rootdir-relative name
    rb = importlib.import_module("tests.builders.roster_builders")


D = pendulum.Date
DAY = D(2025, 5, 15)  # The first day of the Kota Malang retreat (sources: city-retreats).

SEKDA = "196805121994031003"
KADIS = "197011201996011001"
CAMAT = "197203152000031002"
LURAH = "198001012005011001"
SEKLUR = "198502022010012003"
PLT_LURAH = "198703032011011004"
DOKTER = "199001012024211002"  # An NI PPPK (sources: ni-pppk-layout layout example).
RETIRED = "196001011985031005"
OUTSIDER = "198609262015051001"  # Valid, but nobody in the city.

PJ = AppointmentKind.PJ
PLT = AppointmentKind.PLT
ADM = PositionFamily.ADMINISTRATOR
PENGAWAS = PositionFamily.PENGAWAS


def _roster() -> Roster:
    """A small city: Setda, a dinas, a kecamatan and two kelurahan, eight officials."""
    return Roster(
        pemda=rb.pemda(),
        perangkat_daerah=rb.perangkat_daerah(),
        kecamatan=rb.kecamatan()[:1],
        kelurahan=(
            Kelurahan(
                id="samaan",
                name="Samaan",
                kode=KodeWilayah(code="35.73.02.1003"),
                kecamatan="klojen",
            ),
            Kelurahan(
                id="oro-oro-dowo",
                name="Oro-oro Dowo",
                kode=KodeWilayah(code="35.73.02.1006"),
                kecamatan="klojen",
            ),
        ),
        positions=(
            rb.post("sekda", "setda", PositionFamily.JPT_PRATAMA, Eselon.II_A, heads=True),
            rb.post("kadinkes", "dinkes", PositionFamily.JPT_PRATAMA, Eselon.II_B, heads=True),
            rb.post("dokter", "dinkes", PositionFamily.FUNGSIONAL),
            rb.post("camat-klojen", "klojen", ADM, Eselon.III_A, heads=True),
            rb.post("lurah-samaan", "samaan", PENGAWAS, Eselon.IV_A, heads=True),
            rb.post("seklur-samaan", "samaan", PENGAWAS, Eselon.IV_B),
            rb.post("lurah-oro-oro-dowo", "oro-oro-dowo", PENGAWAS, Eselon.IV_A, heads=True),
            rb.post("seklur-oro-oro-dowo", "oro-oro-dowo", PENGAWAS, Eselon.IV_B),
        ),
        officials=(
            Official(nip=SEKDA, name="Hendra Wijaya", sex=Sex.MALE),
            Official(nip=KADIS, name="Agus Setiawan", sex=Sex.MALE),
            Official(nip=CAMAT, name="Bambang Irawan", sex=Sex.MALE),
            Official(nip=LURAH, name="Budi Santoso", sex=Sex.MALE),
            Official(nip=SEKLUR, name="Sri Wahyuni", sex=Sex.FEMALE),
            Official(nip=PLT_LURAH, name="Dimas Saputra", sex=Sex.MALE),
            Official(
                nip=DOKTER,
                name="Fajar Nugroho",
                sex=Sex.MALE,
                asn_type=AsnType.PPPK,
                pppk_grade="IX",
            ),
            Official(nip=RETIRED, name="Joko Susilo", sex=Sex.MALE),
        ),
        appointments=(
            Appointment(nip=SEKDA, position="sekda", start=D(2023, 1, 2)),
            Appointment(nip=KADIS, position="kadinkes", start=D(2022, 3, 1)),
            Appointment(nip=CAMAT, position="camat-klojen", start=D(2023, 6, 1)),
            Appointment(nip=LURAH, position="lurah-samaan", start=D(2021, 2, 1)),
            Appointment(nip=SEKLUR, position="seklur-samaan", start=D(2020, 1, 6)),
            # The seklur of Oro-oro Dowo acts as its lurah (Plt) while the post is vacant.
            Appointment(nip=PLT_LURAH, position="seklur-oro-oro-dowo", start=D(2019, 4, 1)),
            Appointment(
                nip=PLT_LURAH, position="lurah-oro-oro-dowo", start=D(2025, 1, 6), kind=PLT
            ),
            Appointment(nip=DOKTER, position="dokter", start=D(2024, 7, 1)),
            Appointment(nip=RETIRED, position="kadinkes", start=D(2015, 1, 5), end=D(2022, 2, 28)),
        ),
    )


CITY = _roster()
EVERY_NIP = (*(official.nip for official in CITY.officials), OUTSIDER)


def _by_nip(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The decisions keyed by NIP (the city has one official per NIP)."""
    return {decision.nip: decision for decision in decisions}


def _decide(eligibility: Eligibility, number: str) -> Decision:
    """The decision about one NIP of the city on DAY."""
    return _by_nip(evaluate(eligibility, CITY, on=DAY))[number]


def _assert_rendered(decision: Decision) -> None:
    """Both languages render fully, and no text or param holds a whole NIP."""
    for lang in LANGUAGES:
        text = decision.message(lang)
        assert decision.reason not in text
        assert "{" not in text
        assert all(number not in text for number in EVERY_NIP)
    assert all(
        number not in str(value) for value in decision.params.values() for number in EVERY_NIP
    )
    assert all(number not in repr(decision) for number in EVERY_NIP)
    assert "******** " in decision.params["nip"]  # type: ignore[operator]


class TestDecision:
    def test_repr_masks_the_nip(self) -> None:
        """The repr shows the NIP masked, never whole."""
        decision = Decision(
            nip=nip_module.format(LURAH), eligible=True, reason="eligibility.included"
        )
        assert LURAH == decision.nip
        assert LURAH not in repr(decision)
        assert "nip='******** ****** * 001'" in repr(decision)

    def test_repr_masks_an_ni_pppk_in_its_layout(self) -> None:
        """An NI PPPK is masked in its own 8-4-2-1-3 layout."""
        decision = Decision(nip=DOKTER, eligible=False, reason="eligibility.no_post")
        assert "nip='******** **** ** * 002'" in repr(decision)

    def test_params_are_read_only_and_copied(self) -> None:
        """Params cannot be changed, through the decision or the dict it was built from."""
        source: dict[str, object] = {"nip": "******** ****** * 001"}
        decision = Decision(nip=LURAH, eligible=True, reason="eligibility.included", params=source)
        source["nip"] = "changed"
        assert "******** ****** * 001" == decision.params["nip"]
        with pytest.raises(TypeError):
            decision.params["nip"] = "x"  # type: ignore[index]

    def test_equal_and_hashable(self) -> None:
        """Decisions compare by value and can live in a set."""
        one = Decision(nip=LURAH, eligible=True, reason="eligibility.included", params={"a": 1})
        two = Decision(nip=LURAH, eligible=True, reason="eligibility.included", params={"a": 1})
        other = attrs.evolve(one, params={"a": 2})
        assert one == two
        assert one != other
        assert 1 == len({one, two})

    def test_message_renders_both_languages(self) -> None:
        """message() renders the reason's template in Indonesian (default) and English."""
        decision = Decision(
            nip=LURAH,
            eligible=True,
            reason="eligibility.included",
            params={"nip": "******** ****** * 001"},
        )
        assert "******** ****** * 001 is eligible: the NIP is on the include list." == (
            decision.message("en")
        )
        assert decision.message() == decision.message("id")
        assert decision.message("id").startswith("******** ****** * 001 memenuhi syarat")


class TestEvaluate:
    def test_one_decision_per_official_in_roster_order(self) -> None:
        """Officials come first, in roster order, then included NIPs the roster lacks."""
        eligibility = Eligibility(eselon_min=Eselon.IV_A, include=(OUTSIDER,))
        decisions = evaluate(eligibility, CITY, on=DAY)
        assert [*(o.nip for o in CITY.officials), OUTSIDER] == [d.nip for d in decisions]

    def test_excluded(self) -> None:
        """A NIP in exclude is never eligible, whatever its post (written in any layout)."""
        eligibility = Eligibility(eselon_min=Eselon.IV_A, exclude=(nip_module.format(SEKDA),))
        decision = _decide(eligibility, SEKDA)
        assert (False, "eligibility.excluded", None) == (
            decision.eligible,
            decision.reason,
            decision.position,
        )
        assert "is not eligible: the NIP is on the exclude list" in decision.message("en")
        assert "daftar pengecualian (exclude)" in decision.message("id")
        _assert_rendered(decision)

    def test_exclude_wins_over_include(self) -> None:
        """A NIP both included and excluded is excluded."""
        eligibility = Eligibility(include=(LURAH,), exclude=(LURAH,))
        assert "eligibility.excluded" == _decide(eligibility, LURAH).reason

    def test_included(self) -> None:
        """A NIP in include is eligible even when no post of theirs matches."""
        eligibility = Eligibility(eselon_min=Eselon.II_A, include=(SEKLUR,))
        decision = _decide(eligibility, SEKLUR)
        assert (True, "eligibility.included") == (decision.eligible, decision.reason)
        assert "is eligible: the NIP is on the include list" in decision.message("en")
        assert "daftar yang disertakan (include)" in decision.message("id")
        _assert_rendered(decision)

    def test_included_unknown(self) -> None:
        """An included NIP the roster lacks is decided last, eligible, and listed once."""
        eligibility = Eligibility(include=(OUTSIDER, nip_module.format(OUTSIDER)))
        decisions = evaluate(eligibility, CITY, on=DAY)
        unknown = [d for d in decisions if d.reason == "eligibility.included_unknown"]
        assert [OUTSIDER] == [d.nip for d in unknown]
        assert decisions[-1] is unknown[0]
        assert unknown[0].eligible
        assert "is not in the roster" in unknown[0].message("en")
        assert "tidak terdapat dalam roster" in unknown[0].message("id")
        _assert_rendered(unknown[0])

    def test_included_unknown_but_excluded(self) -> None:
        """An included NIP the roster lacks, also excluded, is decided as excluded."""
        eligibility = Eligibility(include=(OUTSIDER,), exclude=(OUTSIDER,))
        decision = evaluate(eligibility, CITY, on=DAY)[-1]
        assert (OUTSIDER, False, "eligibility.excluded") == (
            decision.nip,
            decision.eligible,
            decision.reason,
        )

    def test_matches(self) -> None:
        """A post matching every selector makes its holder eligible, naming the post."""
        eligibility = Eligibility(
            families=(PENGAWAS,),
            eselon_min=Eselon.IV_A,
            eselon_max=Eselon.IV_A,
            unit_kinds=(UnitKind.KELURAHAN,),
            heads_only=True,
        )
        decision = _decide(eligibility, LURAH)
        assert (True, "eligibility.matches", "lurah-samaan") == (
            decision.eligible,
            decision.reason,
            decision.position,
        )
        english = (
            "******** ****** * 001 is eligible as Lurah Samaan "
            "(Pengawas, eselon IV.a, kelurahan unit)."
        )
        indonesian = (
            "******** ****** * 001 memenuhi syarat sebagai Lurah Samaan "
            "(Pengawas, eselon IV.a, unit kelurahan)."
        )
        assert english == decision.message("en")
        assert indonesian == decision.message("id")
        _assert_rendered(decision)

    def test_acting_appointment_counts(self) -> None:
        """A Plt qualifies through the post they act in, not only their own."""
        eligibility = Eligibility(unit_kinds=(UnitKind.KELURAHAN,), heads_only=True)
        decision = _decide(eligibility, PLT_LURAH)
        assert (True, "lurah-oro-oro-dowo") == (decision.eligible, decision.position)

    def test_definitive_post_reported_first(self) -> None:
        """Of two qualifying posts, the definitive one is reported."""
        eligibility = Eligibility(unit_kinds=(UnitKind.KELURAHAN,))
        assert "seklur-oro-oro-dowo" == _decide(eligibility, PLT_LURAH).position

    def test_post_without_eselon_matches_without_bound(self) -> None:
        """A post without an eselon can match when no eselon bound is set."""
        decision = _decide(Eligibility(families=(PositionFamily.FUNGSIONAL,)), DOKTER)
        assert (True, "-") == (decision.eligible, decision.params["eselon"])
        _assert_rendered(decision)

    def test_no_post(self) -> None:
        """An official with no post on the date is not eligible, and the date is named."""
        decision = _decide(Eligibility(eselon_max=Eselon.I_A), RETIRED)
        assert (False, "eligibility.no_post", None) == (
            decision.eligible,
            decision.reason,
            decision.position,
        )
        assert "holds no post on 2025-05-15" in decision.message("en")
        assert "tidak memegang jabatan apa pun pada 2025-05-15" in decision.message("id")
        _assert_rendered(decision)

    def test_no_selector(self) -> None:
        """With no selector, everybody not included is out, post or no post."""
        decisions = evaluate(Eligibility(include=(CAMAT,)), CITY, on=DAY)
        reasons = {d.nip: d.reason for d in decisions}
        assert "eligibility.included" == reasons.pop(CAMAT)
        assert {"eligibility.no_selector"} == set(reasons.values())
        decision = _by_nip(decisions)[RETIRED]
        assert "the criteria select no post" in decision.message("en")
        assert "kriteria tidak memilih jabatan apa pun" in decision.message("id")
        _assert_rendered(decision)

    @pytest.mark.parametrize(
        ("eligibility", "number", "selector", "why_en", "why_id"),
        [
            pytest.param(
                Eligibility(families=(ADM, PositionFamily.JPT_PRATAMA, ADM)),
                LURAH,
                "families",
                "its family Pengawas is not among the families selected "
                "(Administrator, JPT Pratama)",
                "rumpun jabatannya Pengawas tidak termasuk rumpun yang dipilih "
                "(Administrator, JPT Pratama)",
                id="family",
            ),
            pytest.param(
                Eligibility(eselon_min=Eselon.IV_B),
                DOKTER,
                "eselon_min",
                "the post has no eselon while the criteria set an eselon bound",
                "jabatan ini tidak bereselon, sedangkan kriteria menetapkan batas eselon",
                id="no-eselon-min",
            ),
            pytest.param(
                Eligibility(eselon_max=Eselon.II_A),
                DOKTER,
                "eselon_max",
                "the post has no eselon while the criteria set an eselon bound",
                "jabatan ini tidak bereselon, sedangkan kriteria menetapkan batas eselon",
                id="no-eselon-max",
            ),
            pytest.param(
                Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.II_A),
                SEKLUR,
                "eselon_min",
                "eselon IV.b is below the minimum IV.a",
                "eselon IV.b lebih rendah daripada batas terendah IV.a",
                id="eselon-min",
            ),
            pytest.param(
                Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.II_B),
                SEKDA,
                "eselon_max",
                "eselon II.a is above the maximum II.b",
                "eselon II.a lebih tinggi daripada batas tertinggi II.b",
                id="eselon-max",
            ),
            pytest.param(
                Eligibility(unit_kinds=(UnitKind.KECAMATAN, UnitKind.SEKRETARIAT_DAERAH)),
                KADIS,
                "unit_kinds",
                "its unit is a dinas, not among the unit kinds selected "
                "(kecamatan, sekretariat daerah)",
                "unitnya berjenis dinas, yang tidak termasuk jenis unit yang dipilih "
                "(kecamatan, sekretariat daerah)",
                id="unit-kind",
            ),
            pytest.param(
                Eligibility(heads_only=True),
                SEKLUR,
                "heads_only",
                "the post does not head its unit and only heads qualify",
                "jabatan ini tidak memimpin unitnya, sedangkan hanya kepala unit yang "
                "memenuhi syarat",
                id="heads-only",
            ),
        ],
    )
    def test_no_match_explains_the_failing_selector(
        self, eligibility: Eligibility, number: str, selector: str, why_en: str, why_id: str
    ) -> None:
        """A held post that fails a selector is named, with the selector and why."""
        decision = _decide(eligibility, number)
        assert (False, "eligibility.no_match", selector) == (
            decision.eligible,
            decision.reason,
            decision.params["selector"],
        )
        assert decision.message("en").endswith(f"does not qualify because {why_en}.")
        assert decision.message("id").endswith(f"tidak cocok karena {why_id}.")
        _assert_rendered(decision)

    def test_no_match_names_the_post(self) -> None:
        """The no-match message names the post, its family, eselon and unit kind."""
        decision = _decide(Eligibility(heads_only=True), SEKLUR)
        assert "seklur-samaan" == decision.position
        assert decision.message("en").startswith(
            "******** ****** * 003 is not eligible: the post Seklur Samaan (Pengawas, "
            "eselon IV.b, kelurahan unit) does not qualify"
        )

    def test_first_failing_selector_is_explained(self) -> None:
        """When a post fails several selectors, the first in declaration order is explained."""
        eligibility = Eligibility(families=(ADM,), heads_only=True)
        assert "families" == _decide(eligibility, SEKLUR).params["selector"]

    def test_best_post_fails_fewest_selectors(self) -> None:
        """The post explained is the one failing fewest selectors, acting or not."""
        # The seklur post (definitive) fails family and heads_only; the acting lurah
        # post fails only the family.
        eligibility = Eligibility(families=(ADM,), heads_only=True)
        decision = _decide(eligibility, PLT_LURAH)
        assert ("lurah-oro-oro-dowo", "families") == (
            decision.position,
            decision.params["selector"],
        )

    def test_tie_keeps_the_definitive_post(self) -> None:
        """Between posts failing as many selectors, the definitive one is explained."""
        eligibility = Eligibility(families=(ADM,))
        assert "seklur-oro-oro-dowo" == _decide(eligibility, PLT_LURAH).position

    def test_appointments_follow_the_date(self) -> None:
        """Posts are taken on the date given: the former Kadinkes qualified in 2020."""
        eligibility = Eligibility(unit_kinds=(UnitKind.DINAS,), heads_only=True)
        before = _by_nip(evaluate(eligibility, CITY, on=D(2020, 1, 1)))
        assert (True, False) == (before[RETIRED].eligible, before[KADIS].eligible)
        assert "eligibility.no_post" == before[KADIS].reason

    def test_every_reason_is_catalogued_in_both_languages(self) -> None:
        """Each reason code the module reports has an Indonesian and an English template."""
        codes = {
            "eligibility.excluded",
            "eligibility.included",
            "eligibility.included_unknown",
            "eligibility.matches",
            "eligibility.no_post",
            "eligibility.no_match",
            "eligibility.no_selector",
        }
        for code in codes:
            assert {"id", "en"} == set(catalogue()[code])

    @pytest.mark.parametrize(
        "on", [dt.date(2025, 5, 15), pendulum.datetime(2025, 5, 15), "2025-05-15", None]
    )
    def test_on_must_be_a_date(self, on: object) -> None:
        """A date that is not a pendulum.Date (a datetime included) is a data.type error."""
        bad: Any = on
        with pytest.raises(InvalidType) as caught:
            evaluate(Eligibility(), CITY, on=bad)
        assert ("data.type", "on") == (caught.value.code, caught.value.path)

    def test_empty_roster_checks_the_date_too(self) -> None:
        """The date is checked even when the roster has no official to decide."""
        empty = Roster(pemda=CITY.pemda)
        bad: Any = "2025-05-15"
        with pytest.raises(InvalidType):
            evaluate(Eligibility(eselon_min=Eselon.IV_A), empty, on=bad)
        assert () == evaluate(Eligibility(eselon_min=Eselon.IV_A), empty, on=DAY)


class TestEligibleNips:
    def test_the_eligible_decisions(self) -> None:
        """The compact NIPs of the eligible decisions, unknown included NIPs among them."""
        eligibility = Eligibility(
            eselon_min=Eselon.IV_A,
            eselon_max=Eselon.II_A,
            include=(nip_module.format(OUTSIDER),),
            exclude=(SEKDA,),
        )
        assert frozenset({KADIS, CAMAT, LURAH, PLT_LURAH, OUTSIDER}) == eligible_nips(
            eligibility, CITY, on=DAY
        )

    def test_structural_officials_of_malang(self) -> None:
        """Every structural official from lurah (IV.a) to Sekda (II.a) in the Malang sample."""
        roster = samples.load_roster("malang")
        eligibility = Eligibility(eselon_min=Eselon.IV_A, eselon_max=Eselon.II_A)
        # Computed independently, from the appointments rather than posts_of: everybody
        # in a post of eselon IV.a to II.a on the first day, a Plt included. Of the 167
        # officials, the 16 seklur (IV.b) and the 3 functional or pelaksana staff are out.
        independent = {
            a.nip
            for a in roster.appointments
            if a.active_on(DAY)
            and (eselon := roster.position(a.position).eselon) is not None
            and Eselon.IV_A <= eselon <= Eselon.II_A
        }
        chosen = eligible_nips(eligibility, roster, on=DAY)
        assert 148 == len(independent)
        assert independent == chosen
        lurah = {h.official.nip for h in roster.heads(UnitKind.KELURAHAN, on=DAY) if h.official}
        assert lurah <= chosen


@st.composite
def _eligibilities(draw: st.DrawFn, numbers: tuple[str, ...]) -> Eligibility:
    """Random selectors, with include/exclude drawn from ``numbers`` and an outsider."""
    low = draw(st.none() | brst.eselons())
    high = draw(st.none() | brst.eselons())
    if low is not None and high is not None and low > high:
        low, high = high, low
    pool = st.sampled_from((*numbers, OUTSIDER))
    return Eligibility(
        families=draw(st.lists(brst.position_families(), max_size=3)),
        eselon_min=low,
        eselon_max=high,
        unit_kinds=draw(st.lists(st.sampled_from(UnitKind), max_size=3)),
        heads_only=draw(st.booleans()),
        include=draw(st.lists(pool, max_size=3)),
        exclude=draw(st.lists(pool, max_size=3)),
    )


def _brute_force(eligibility: Eligibility, roster: Roster, on: pendulum.Date) -> frozenset[str]:
    """Eligibility's docstring read literally: a filter over every official's posts."""
    excluded = {nip_module.compact(n) for n in eligibility.exclude}
    included = {nip_module.compact(n) for n in eligibility.include}
    low, high = eligibility.eselon_min, eligibility.eselon_max

    def matches(appointment: Appointment) -> bool:
        post = roster.position(appointment.position)
        return (
            (not eligibility.families or post.family in eligibility.families)
            and (low is None or (post.eselon is not None and post.eselon >= low))
            and (high is None or (post.eselon is not None and post.eselon <= high))
            and (
                not eligibility.unit_kinds or roster.unit(post.unit).kind in eligibility.unit_kinds
            )
            and (not eligibility.heads_only or post.heads_unit)
        )

    selected = {
        official.nip
        for official in roster.officials
        if eligibility.selects_posts and any(map(matches, roster.posts_of(official.nip, on=on)))
    }
    return frozenset((selected | included) - excluded)


class TestProperties:
    @given(
        data=st.data(),
        on=brst.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2026, 12, 31)),
    )
    def test_malang_agrees_with_brute_force(self, data: st.DataObject, on: pendulum.Date) -> None:
        """On the Malang sample, eligible_nips equals a literal filter over posts_of."""
        roster = samples.load_roster("malang")
        numbers = tuple(o.nip for o in roster.officials)
        eligibility = data.draw(_eligibilities(numbers))
        assert _brute_force(eligibility, roster, on) == eligible_nips(eligibility, roster, on=on)

    @given(data=st.data(), roster=brst.rosters(), on=brst.dates(min_value=dt.date(2015, 1, 1)))
    def test_generated_rosters_agree_with_brute_force(
        self, data: st.DataObject, roster: Roster, on: pendulum.Date
    ) -> None:
        """On generated rosters, eligible_nips equals a literal filter over posts_of."""
        numbers = tuple(o.nip for o in roster.officials)
        eligibility = data.draw(_eligibilities(numbers))
        assert _brute_force(eligibility, roster, on) == eligible_nips(eligibility, roster, on=on)

    @given(data=st.data(), roster=brst.rosters())
    def test_decisions_are_consistent(self, data: st.DataObject, roster: Roster) -> None:
        """Every decision renders in both languages, masks its NIP, and agrees with summary."""
        numbers = tuple(o.nip for o in roster.officials)
        eligibility = data.draw(_eligibilities(numbers))
        decisions = evaluate(eligibility, roster, on=DAY)
        assert len(roster.officials) <= len(decisions)
        for decision in decisions:
            for lang in LANGUAGES:
                text = decision.message(lang)
                assert decision.nip not in text
                assert "{" not in text
            assert decision.nip not in repr(decision)
        counts = summary(decisions)
        assert sum(d.eligible for d in decisions) == sum(counts["eligible"].values())
        assert len(decisions) == sum(map(sum, (c.values() for c in counts.values())))


class TestSummary:
    def test_counts_by_reason(self) -> None:
        """Reasons are counted separately for eligible and not eligible, sorted by code."""
        eligibility = Eligibility(
            eselon_min=Eselon.IV_A, include=(OUTSIDER, SEKLUR), exclude=(SEKDA,)
        )
        assert {
            "eligible": {
                "eligibility.included": 1,
                "eligibility.included_unknown": 1,
                "eligibility.matches": 4,
            },
            "not_eligible": {
                "eligibility.excluded": 1,
                "eligibility.no_match": 1,
                "eligibility.no_post": 1,
            },
        } == summary(evaluate(eligibility, CITY, on=DAY))

    def test_empty(self) -> None:
        """No decisions give empty counts."""
        assert {"eligible": {}, "not_eligible": {}} == summary([])
