"""Tests for the bundled sample follow-ups: ``samples.load(name).follow_up``.

The follow-ups are synthetic, illustrative and seeded (``scripts/make_followup_samples.py``);
they must be coherent with their sample (owners take part, visitors are the Sekda and
the asisten, visits follow the retreat), raise no error of the FUP rules, and tell what
issue 6 asks of them: in Malang, some commitments late or overdue and some units not
visited in the window; in Bandung, a follow-up only just begun.
"""

from __future__ import annotations

import subprocess
import sys

from collections import Counter
from pathlib import Path
from typing import Final

import attrs
import pendulum
import pytest

from birokrasi_retreat import samples, serialization
from birokrasi_retreat.errors import UnknownReferenceError
from birokrasi_retreat.followup import (
    CommitmentStatus,
    FollowUp,
    Judgement,
    evaluate,
    follow_up_status,
)
from birokrasi_retreat.followup._status import retreat_units, window_end
from birokrasi_retreat.retreat import EnrollmentStatus
from birokrasi_retreat.samples import _follow_up, _FollowUpFile
from birokrasi_retreat.validation import check


NAMES: Final = ("bandung", "kendari", "malang")
FOLLOWUPS: Final = Path(samples.__file__).parent / "data" / "followups"
SCRIPT: Final = Path(__file__).resolve().parent.parent / "scripts" / "make_followup_samples.py"
VISITOR_TITLES: Final = frozenset(
    {
        "Sekretaris Daerah",
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Asisten Perekonomian dan Pembangunan",
        "Asisten Administrasi Umum",
    }
)

by_name = pytest.mark.parametrize("name", NAMES)


def follow_up(name: str) -> FollowUp:
    made = samples.load(name).follow_up
    assert made is not None
    return made


def codes(name: str) -> Counter[str]:
    dataset = samples.load(name)
    report = check(follow_up(name), on=dataset.as_of, options={"roster": dataset.roster})
    assert report.ok, report.to_text(lang="en")
    return Counter(finding.code for finding in report)


class TestFiles:
    def test_one_file_per_held_retreat(self) -> None:
        """Each sample retreat held has its follow-up file, named after the retreat."""
        found = sorted(path.name for path in FOLLOWUPS.glob("*.toml"))
        assert ["bandung-2025.toml", "kendari-2025.toml", "malang-2025.toml"] == found

    @by_name
    def test_meta_disclaims(self, name: str) -> None:
        """Each file says it is synthetic and illustrative, and cites its sources."""
        path = FOLLOWUPS / f"{name}-2025.toml"
        text = path.read_text("utf-8")
        meta = serialization.loads(text, _FollowUpFile, format="toml").meta
        assert "sintetis" in meta.title
        assert "Synthetic, illustrative" in meta.disclaimer
        assert any("sources: aksi-perubahan" in source for source in meta.sources)
        assert "SYNTHETIC and ILLUSTRATIVE" in text

    @pytest.mark.skipif(not SCRIPT.exists(), reason="scripts/ is not shipped")
    def test_generator_check_passes(self) -> None:
        """scripts/make_followup_samples.py --check finds the files up to date."""
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode, result.stderr


class TestLoader:
    @by_name
    def test_about_the_retreat_held(self, name: str) -> None:
        """The follow-up is about the very retreat the dataset holds, and is cached."""
        dataset = samples.load(name)
        assert follow_up(name).retreat is dataset.retreat
        assert samples.load(name).follow_up is dataset.follow_up

    def test_repr_leaves_it_out(self) -> None:
        """The dataset's repr stays short."""
        assert "commitments" not in repr(samples.load("malang"))

    def test_another_retreat_is_refused(self) -> None:
        """A file about another retreat than the one held is an error, not a mix-up."""
        other = attrs.evolve(follow_up("kendari").retreat, id="kendari-2026")
        with pytest.raises(UnknownReferenceError) as caught:
            _follow_up("kendari", other)
        assert "samples.follow_up_retreat" == caught.value.code
        assert "kendari-2025" in caught.value.message("en")

    def test_no_retreat_held_is_refused(self) -> None:
        """Without a retreat held, a follow-up file cannot be attached."""
        with pytest.raises(UnknownReferenceError, match="follow_up_retreat"):
            _follow_up("malang", None)

    def test_sample_without_file(self) -> None:
        """A sample without a follow-up file has none."""
        assert _follow_up("surabaya", None) is None


class TestCoherence:
    @by_name
    def test_no_error(self, name: str) -> None:
        """On the reference date and with the roster, the FUP rules find no error."""
        codes(name)

    @by_name
    def test_owners_take_part_in_their_unit(self, name: str) -> None:
        """Every owner took part and holds a post in the commitment's unit."""
        dataset = samples.load(name)
        retreat, roster = dataset.retreat, dataset.roster
        assert retreat is not None
        taking_part = {
            e.nip
            for e in retreat.enrollments
            if e.status not in {EnrollmentStatus.EXCUSED, EnrollmentStatus.ABSENT}
        }
        first = retreat.days[0]
        for commitment in follow_up(name).commitments:
            assert commitment.owner in taking_part
            units = {
                roster.position(a.position).unit
                for a in roster.posts_of(commitment.owner, on=first)
            }
            assert commitment.unit in units

    @by_name
    def test_one_commitment_per_unit(self, name: str) -> None:
        """Each unit that commits makes one commitment, of this retreat."""
        made = follow_up(name)
        units = [c.unit for c in made.commitments]
        assert len(units) == len(set(units))
        assert {c.retreat for c in made.commitments} == {made.retreat.id}

    @by_name
    def test_visitors_are_the_sekda_and_the_asisten(self, name: str) -> None:
        """Every visitor holds one of the four Setda posts when visiting."""
        roster = samples.load(name).roster
        for visit in follow_up(name).visits:
            titles = {
                roster.position(a.position).title
                for a in roster.posts_of(visit.visitor, on=visit.on)
            }
            assert titles & VISITOR_TITLES

    @by_name
    def test_visits_follow_the_retreat(self, name: str) -> None:
        """Visits are after the retreat, by the reference date, on working days."""
        dataset = samples.load(name)
        made = follow_up(name)
        for visit in made.visits:
            assert made.retreat.days[-1] < visit.on <= dataset.as_of
            assert visit.on.day_of_week not in {pendulum.SATURDAY, pendulum.SUNDAY}
            assert visit.evidence

    @by_name
    def test_reviews_judge_the_units_commitments(self, name: str) -> None:
        """A visit judges the commitments of the unit visited, and none dropped by then."""
        made = follow_up(name)
        by_id = {c.id: c for c in made.commitments}
        for visit in made.visits:
            for review in visit.reviews:
                commitment = by_id[review.commitment]
                assert commitment.unit == visit.unit
                assert commitment.status_on(visit.on) is not CommitmentStatus.DROPPED
                if commitment.status_on(visit.on) is CommitmentStatus.NOT_STARTED:
                    assert review.judgement is Judgement.BELOW

    @by_name
    def test_done_dates_after_work_began(self, name: str) -> None:
        """Work starts after the retreat; "done" comes at least a week after it began."""
        made = follow_up(name)
        for commitment in made.commitments:
            if commitment.history:
                assert commitment.history[0].on > made.retreat.days[-1]
            if commitment.done_on is not None:
                assert (commitment.done_on - commitment.history[0].on).days >= 7


class TestStory:
    def test_malang_late_overdue_and_unvisited(self) -> None:
        """Malang: some commitments late or overdue, some units unvisited in the window."""
        dataset = samples.load("malang")
        made = follow_up("malang")
        status = follow_up_status(
            made.retreat, made.commitments, made.visits, on=dataset.as_of, roster=dataset.roster
        )
        assert (status.commitments, status.due) == (90, 66)
        assert (status.done_late, status.overdue, status.dropped) == (6, 14, 2)
        assert codes("malang") == {"FUP002": 1, "FUP003": 14, "FUP004": 9, "FUP006": 1}
        units = set(retreat_units(made.retreat, dataset.roster))
        assert len(units) == 90
        end = window_end(made.retreat, 90)
        in_window = {v.unit for v in made.visits if v.on <= end}
        late = {v.unit for v in made.visits if v.on > end}
        assert len(units - in_window) == 9
        assert len(late) == 4
        assert late <= units - in_window

    def test_malang_indicators(self) -> None:
        """Malang: twelve indicators, most improved, some worse, some unchanged."""
        dataset = samples.load("malang")
        made = follow_up("malang")
        results = evaluate(
            made.retreat,
            (),
            indicators=made.indicators,
            roster=dataset.roster,
        ).results
        assert (results.n, results.improved, results.worsened, results.unchanged) == (12, 8, 2, 2)
        assert all("synthetic" in indicator.source for indicator in made.indicators)

    def test_kendari_smaller(self) -> None:
        """Kendari: fewer commitments (heads of the Setda and the OPD), fewer indicators."""
        made = follow_up("kendari")
        assert (len(made.commitments), len(made.indicators)) == (48, 5)
        assert codes("kendari")["FUP004"] == 4

    def test_bandung_just_begun(self) -> None:
        """Bandung, 25 days after: most commitments not due, window open, no indicator."""
        dataset = samples.load("bandung")
        made = follow_up("bandung")
        status = follow_up_status(
            made.retreat, made.commitments, made.visits, on=dataset.as_of, roster=dataset.roster
        )
        assert status.open > status.commitments * 0.8
        assert dataset.as_of < status.window_end
        assert "FUP004" not in codes("bandung")
        assert made.indicators == ()

    def test_evaluation_on_the_reference_date(self) -> None:
        """The four-level evaluation of Malang counts what the status counts."""
        dataset = samples.load("malang")
        made = follow_up("malang")
        report = evaluate(
            made.retreat,
            dataset.responses,
            made.commitments,
            made.visits,
            made.indicators,
            roster=dataset.roster,
            on=dataset.as_of,
        )
        completion = report.behaviour.completion
        assert completion is not None
        assert (completion.due, completion.done_on_time, completion.overdue) == (66, 46, 14)
        assert report.behaviour.reviews is not None
