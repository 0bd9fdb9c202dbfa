"""Tests of birokrasi_retreat.notebook: DataFrames and pictures of the library's results."""

from __future__ import annotations

import math
import re
import sys

import numpy as np
import pandas as pd
import pendulum
import pytest

from matplotlib import pyplot as plt
from matplotlib.patches import Rectangle

from birokrasi_retreat import notebook, rubrics, samples
from birokrasi_retreat.errors import InvalidComponent, InvalidType
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.followup import FollowUpStatus, evaluate, follow_up_status
from birokrasi_retreat.rubric import SubjectKind
from birokrasi_retreat.scoring import Aggregate, Scores, aggregate, score_array, score_many
from birokrasi_retreat.validation import Report, check


MALANG = samples.load("malang")
assert MALANG.retreat is not None
assert MALANG.follow_up is not None
HELD = MALANG.retreat
FOLLOW_UP = MALANG.follow_up
WHOLE_NUMBER = re.compile(r"\d{16,}")


def _scores(kind: SubjectKind, rubric: str) -> Scores:
    chosen = [r for r in MALANG.responses if r.subject_kind == kind and r.rubric == rubric]
    return score_many(rubrics.load(rubric), chosen)


def _status() -> FollowUpStatus:
    return follow_up_status(
        HELD,
        FOLLOW_UP.commitments,
        FOLLOW_UP.visits,
        on=MALANG.as_of,
        roster=MALANG.roster,
    )


def _group(key: str, n: int, value: float | None, ci: tuple[float, float] | None) -> Aggregate:
    low, high = ci if ci is not None else (None, None)
    return Aggregate(
        key=key,
        n=n,
        value=value,
        mean=value,
        median=value,
        sd=None if value is None else 5.0,
        min=value,
        max=value,
        ci_low=low,
        ci_high=high,
        suppressed=value is None,
    )


class TestToFrame:
    def test_scores_one_row_per_response_with_people_starred(self) -> None:
        """Scores of self-assessments: a row each, and no NIP whole in subject or rater."""
        scores = _scores(SubjectKind.PARTICIPANT, "berakhlak")
        frame = notebook.to_frame(scores)
        assert len(frame) == len(scores)
        assert list(frame.columns) == [
            "rubric",
            "subject_kind",
            "subject",
            "rater",
            "phase",
            "value",
            "band",
        ]
        assert frame["value"].tolist() == [s.value for s in scores]
        for column in ("subject", "rater"):
            assert not frame[column].str.contains(WHOLE_NUMBER).any()
        assert frame["subject"].str.endswith(tuple("0123456789")).all()

    def test_score_array_values_and_bands(self) -> None:
        """An array of ratings becomes value and band columns."""
        frame = notebook.to_frame(score_array(rubrics.load("ikm"), [[4] * 9, [1] * 9]))
        assert frame.to_dict("list") == {"value": [100.0, 25.0], "band": ["A", "D"]}

    def test_aggregates_keep_suppressed_rows_empty(self) -> None:
        """A suppressed group keeps its row, with its n and no statistics."""
        groups = (_group("dinkes", 12, 80.0, (75.0, 85.0)), _group("setwan", 2, None, None))
        frame = notebook.to_frame(groups)
        assert frame["key"].tolist() == ["dinkes", "setwan"]
        assert frame["suppressed"].tolist() == [False, True]
        assert frame.loc[1, "n"] == 2
        assert math.isnan(float(frame.loc[1, "value"]))  # type: ignore[arg-type]
        assert frame.loc[0, "ci_high"] == 85.0

    def test_aggregate_keys_that_may_be_a_nip_are_starred(self) -> None:
        """Groups by participant: the keys are NIPs, shown starred but for 3 digits."""
        groups = aggregate(_scores(SubjectKind.PARTICIPANT, "berakhlak"), by="subject")
        frame = notebook.to_frame(groups)
        assert len(frame) == len(groups)
        assert not frame["key"].str.contains(WHOLE_NUMBER).any()
        assert frame["key"].str.contains(r"\*{15}\d{3}$").all()

    def test_no_groups_is_an_empty_table_with_the_columns(self) -> None:
        """An empty sequence is a table of no groups (aggregate of no scores)."""
        frame = notebook.to_frame(())
        assert frame.empty
        assert "ci_low" in frame.columns

    def test_report_one_row_per_finding_in_the_language(self) -> None:
        """Findings become rows; the message follows the language."""
        report = check(MALANG.roster, on=MALANG.as_of)
        english = notebook.to_frame(report, lang="en")
        indonesian = notebook.to_frame(report)
        assert len(english) == len(report)
        assert english["code"].tolist() == [f.code for f in report]
        assert english["message"].tolist() == [f.message("en") for f in report]
        assert indonesian["message"].tolist() == [f.message("id") for f in report]
        assert set(english["severity"]) <= {s.value for s in Severity}

    def test_empty_report_keeps_the_columns(self) -> None:
        """A report without findings is an empty table, not a table without columns."""
        frame = notebook.to_frame(Report(findings=()))
        assert frame.empty
        assert list(frame.columns) == ["code", "severity", "path", "message", "subjects", "source"]

    def test_follow_up_status_one_row_per_unit(self) -> None:
        """The unit rows add up to the status's totals."""
        status = _status()
        frame = notebook.to_frame(status)
        assert len(frame) == len(status.units)
        assert frame["commitments"].sum() == status.commitments
        assert frame["overdue"].sum() == status.overdue
        assert frame["never_visited"].sum() == len(status.units_never_visited)

    def test_evaluation_one_row_per_figure(self) -> None:
        """Every level appears with its n; names follow the language."""
        report = evaluate(
            HELD,
            MALANG.responses,
            FOLLOW_UP.commitments,
            FOLLOW_UP.visits,
            FOLLOW_UP.indicators,
        )
        english = notebook.to_frame(report, lang="en")
        assert sorted(set(english["level"])) == [1, 2, 3, 4, 5]
        assert {(row.level, row.n) for row in english.itertuples()} == {
            (level.level, level.n) for level in report.levels
        }
        assert "Learning" in set(english["name"])
        assert "Pembelajaran" in set(notebook.to_frame(report)["name"])

    @pytest.mark.parametrize("value", ["a table", "", b"", 3, None, [1, 2], {"key": "dinkes"}])
    def test_anything_else_is_a_type_error(self, value: object) -> None:
        """What the function cannot tabulate is refused with data.type."""
        with pytest.raises(InvalidType) as caught:
            notebook.to_frame(value)
        assert (caught.value.code, caught.value.path) == ("data.type", "result")

    def test_unknown_language(self) -> None:
        """Only id and en are languages."""
        with pytest.raises(InvalidComponent) as caught:
            notebook.to_frame((), lang="fr")  # type: ignore[arg-type]
        assert caught.value.code == "notebook.language"

    def test_frames_are_copies(self) -> None:
        """Changing the table leaves the scores as they were."""
        scores = _scores(SubjectKind.SPEAKER, "speaker")
        frame = notebook.to_frame(scores)
        frame.loc[0, "value"] = -1.0
        assert scores[0].value >= 0


class TestPlotAggregates:
    def test_bars_error_bars_bands_and_suppressed_groups(self) -> None:
        """Values as bars, intervals as error bars, bands as lines, suppressed as hatches."""
        groups = (
            _group("dinkes", 12, 80.0, (75.0, 85.0)),
            _group("setwan", 2, None, None),
            _group("bkpsdm", 1_000, 60.0, None),
        )
        rubric = rubrics.load("ikm")
        ax = notebook.plot_aggregates(groups, rubric=rubric, lang="en", title="IKM")
        bars = [bar for bar in ax.patches if isinstance(bar, Rectangle)]
        assert [bar.get_width() for bar in bars] == [80.0, 100.0, 60.0]
        assert [bar.get_hatch() for bar in bars] == [None, "//", None]
        assert len(ax.containers) == 2  # the bars and one error bar
        dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
        starts = [float(np.asarray(line.get_xdata(), dtype=float)[0]) for line in dotted]
        assert starts == [band.lower for band in rubric.bands]
        texts = [text.get_text() for text in ax.texts]
        assert "suppressed (n = 2)" in texts
        assert {f" {band.code}" for band in rubric.bands} <= set(texts)
        assert [label.get_text() for label in ax.get_yticklabels()] == [
            "dinkes",
            "setwan",
            "bkpsdm",
        ]
        assert ax.get_title() == "IKM"

    def test_draws_on_the_axes_given(self) -> None:
        """With ax=, nothing else is created; without a rubric no band line is drawn."""
        _, ax = plt.subplots()
        assert notebook.plot_aggregates((_group("a", 5, 50.0, None),), ax=ax) is ax
        assert len(ax.lines) == 0
        assert ax.get_xlabel() == "Nilai (0-100)"
        assert len(plt.get_fignums()) == 1

    def test_starred_keys(self) -> None:
        """A key that may be a NIP is starred on the axis too."""
        ax = notebook.plot_aggregates((_group("196810091995031001", 5, 50.0, None),))
        assert ax.get_yticklabels()[0].get_text() == "*" * 15 + "001"

    @pytest.mark.parametrize("value", [3, ["a"], "groups", ""])
    def test_not_aggregates(self, value: object) -> None:
        """Anything but a sequence of Aggregate is refused."""
        with pytest.raises(InvalidType) as caught:
            notebook.plot_aggregates(value)  # type: ignore[arg-type]
        assert caught.value.path == "groups"

    def test_unknown_language(self) -> None:
        """Only id and en are languages."""
        with pytest.raises(InvalidComponent):
            notebook.plot_aggregates((), lang="jv")  # type: ignore[arg-type]


class TestPlotFollowUp:
    def test_stacked_bars_per_unit_with_never_visited_starred(self) -> None:
        """Five stacked outcomes per unit; their widths add up to the unit's commitments."""
        status = _status()
        ax = notebook.plot_follow_up(status, lang="en")
        units = [unit for unit in status.units if unit.commitments]
        assert len(ax.patches) == 5 * len(units)
        widths = [0.0] * len(units)
        for container in ax.containers:
            for index, bar in enumerate(container):
                widths[index] += bar.get_width()
        assert widths == [unit.commitments for unit in units]
        labels = [label.get_text() for label in ax.get_yticklabels()]
        starred = [unit.name for unit in units if unit.never_visited]
        assert starred
        assert [label[:-2] for label in labels if label.endswith(" *")] == starred
        legend = ax.get_legend()
        assert legend is not None
        assert legend.get_title().get_text() == "* never visited"

    def test_units_without_a_roster_use_their_ids(self) -> None:
        """Without a roster a unit has no name, and the label is its id."""
        status = follow_up_status(
            HELD,
            FOLLOW_UP.commitments[:1],
            (),
            on=pendulum.Date(2025, 12, 31),
        )
        ax = notebook.plot_follow_up(status)
        unit = FOLLOW_UP.commitments[0].unit
        assert ax.get_yticklabels()[0].get_text() == f"{unit} *"

    def test_not_a_status(self) -> None:
        """Anything but a FollowUpStatus is refused."""
        with pytest.raises(InvalidType) as caught:
            notebook.plot_follow_up(MALANG.follow_up)  # type: ignore[arg-type]
        assert caught.value.path == "status"

    def test_unknown_language(self) -> None:
        """Only id and en are languages."""
        with pytest.raises(InvalidComponent):
            notebook.plot_follow_up(_status(), lang="su")  # type: ignore[arg-type]


class TestMissingExtras:
    @pytest.mark.parametrize("module", ["pandas"])
    def test_to_frame_without_pandas(self, monkeypatch: pytest.MonkeyPatch, module: str) -> None:
        """Without pandas the error says how to install the extra."""
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(ImportError, match=r"birokrasi-retreat\[notebook\]"):
            notebook.to_frame(())

    def test_plot_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib the error says how to install the extra."""
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
        with pytest.raises(ImportError, match="matplotlib is not installed"):
            notebook.plot_aggregates(())


def test_frame_type() -> None:
    """The result is a pandas DataFrame."""
    assert isinstance(notebook.to_frame(()), pd.DataFrame)
