"""Follow-up (tindak lanjut): what a retreat changes afterwards, and how to see it.

In every seed article the mayor promises that the retreat will be judged by what changes
afterwards: field visits to every unit, asking each head of OPD what was implemented,
performance assessment. This package makes that measurable:

* the models: `Commitment` (rencana aksi) with its `StatusChange` history,
  `MonitoringVisit` (kunjungan monitoring) with its `Review` s judged below / as planned
  / exceeding as LAN judges an aksi perubahan (`Judgement`, sources: aksi-perubahan), and
  `UnitIndicator` (a unit measure before and after, with its `Direction`), gathered for
  one retreat in a `FollowUp`, which the FUP rules of `birokrasi_retreat.validation`
  check;
* `follow_up_status`: per unit and overall, commitments due, done on time, late,
  overdue; visits and the share of units visited, as a table and as findings;
* `visit_plan`: a schedule of visits so that every unit of the retreat is seen within
  the window (`DEFAULT_WINDOW_DAYS` after its last day), on working days, with no
  visitor in two places on one day;
* `evaluate`: the four-level (Kirkpatrick) evaluation of the retreat, an `Evaluation`
  whose levels are a `Reaction`, a `Learning`, a `Behaviour`, a `Results` and a
  `ReturnOnInvestment` (each a `LevelResult`), made of `Rating`, `PairedChange`,
  `UnitChange`, `Completion`, `ReviewCounts` and `IndicatorChange` values.

Examples:
    >>> import pendulum
    >>> from birokrasi_retreat import samples
    >>> from birokrasi_retreat.followup import (
    ...     Commitment, CommitmentStatus, StatusChange, follow_up_status, visit_plan,
    ... )
    >>> malang = samples.load("malang")
    >>> plan = visit_plan(malang.roster, malang.retreat, start=pendulum.Date(2025, 5, 19),
    ...                   visitors=["196810091995031001", "198609262015051001"])
    >>> commitment = Commitment(
    ...     id="rencana-1", retreat="malang-2025", owner="196810091995031001", unit="setda",
    ...     description="Apel pagi bersama setiap Senin", indicator="apel per bulan",
    ...     target=4, due=pendulum.Date(2025, 6, 30),
    ...     history=(StatusChange(on=pendulum.Date(2025, 7, 7), status=CommitmentStatus.DONE),),
    ...     evidence=("foto-apel.jpg",))
    >>> status = follow_up_status(malang.retreat, [commitment], plan,
    ...                           on=pendulum.Date(2025, 9, 1), roster=malang.roster)
    >>> status.done_late, status.visited_share, status.findings
    (1, 1.0, ())
"""

from __future__ import annotations

from birokrasi_retreat.followup._evaluate import evaluate
from birokrasi_retreat.followup._levels import (
    Behaviour,
    Completion,
    Evaluation,
    IndicatorChange,
    Learning,
    LevelResult,
    PairedChange,
    Rating,
    Reaction,
    Results,
    ReturnOnInvestment,
    ReviewCounts,
    UnitChange,
)
from birokrasi_retreat.followup._models import (
    DEFAULT_WINDOW_DAYS,
    Commitment,
    CommitmentStatus,
    Direction,
    FollowUp,
    Judgement,
    MonitoringVisit,
    Review,
    StatusChange,
    UnitIndicator,
)
from birokrasi_retreat.followup._plan import visit_plan
from birokrasi_retreat.followup._status import FollowUpStatus, UnitFollowUp, follow_up_status


__all__ = [
    "Behaviour",
    "Commitment",
    "CommitmentStatus",
    "Completion",
    "DEFAULT_WINDOW_DAYS",
    "Direction",
    "Evaluation",
    "FollowUp",
    "FollowUpStatus",
    "IndicatorChange",
    "Judgement",
    "Learning",
    "LevelResult",
    "MonitoringVisit",
    "PairedChange",
    "Rating",
    "Reaction",
    "Results",
    "ReturnOnInvestment",
    "Review",
    "ReviewCounts",
    "StatusChange",
    "UnitChange",
    "UnitFollowUp",
    "UnitIndicator",
    "evaluate",
    "follow_up_status",
    "visit_plan",
]
