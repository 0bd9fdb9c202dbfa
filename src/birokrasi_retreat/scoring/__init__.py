"""Scoring (penilaian): pure functions that turn rubric responses into scores and indices.

Everything here is pure and deterministic: no I/O, no clock, and the same result for
the same input in any order.

* `score` turns one `Response` into a `Score`: a 0-100 value computed exactly (with
  `fractions.Fraction`) and rounded **once**, half-up to 2 decimals, by `round_half_up`
  (the library's one rounding rule); the band is chosen on the rounded value.
* `score_many` is the bulk path for whole cohorts: it returns `Scores`, a sequence of the
  very `Score` objects that `score` gives (to the last decimal), with the values and bands also
  as NumPy columns. `score_array` scores a 2-D array of ratings (one column per
  criterion, NaN where unanswered) the same way, without a `Response` per answer.
* `aggregate` summarises scores per participant, OPD, session, speaker or retreat (n,
  mean, median, standard deviation, range, Student-t confidence interval) and suppresses
  groups smaller than a threshold, so that no individual can be singled out
  (UU 27/2022).
* `ikm` computes the Indeks Kepuasan Masyarakat of PermenPAN-RB 14/2017: NRR per unsur,
  IKM on 1-4, the converted 25-100 value and its mutu A-D.
* The statistics for learning (Kirkpatrick level 2) and reliability, `normalized_gain`
  (`Gain`), `cohens_dz`, `cronbach_alpha`, `krippendorff_alpha`, and `rank` and
  `round_half_up`, are re-exported from the private ``_stats`` module, which documents
  them.

The package is split by concern; each private module says what it owns, and imports
only go down this order (no cycles)::

    _stats      the statistics (rounding, rank, describe, CI, gains, alphas)
    _exact      `score`, `Score`, `CriterionScore`: checks and exact values
    _bulk       `score_many`, `score_array`, `Scores`, `ScoreArray` (NumPy, lazily)
    _aggregate  `aggregate`, `Aggregate`: groups, summaries, suppression
    _ikm        `ikm`, `IkmResult` (beside `_bulk` and `_aggregate`, on `_exact`)

Every public name is re-exported here: import them from ``birokrasi_retreat.scoring``.

The formulas, with their sources and worked examples, are on the "Formulas" page of the
documentation (``docs/explanation/formulas.md``).

References:
    - PermenPAN-RB 14/2017, pedoman Survei Kepuasan Masyarakat: the IKM formula and its
      bands, with the worked example restated in the GASPUL_BACKEND repository,
      ``rumus_perhitungan_ikm_lengkap.md`` (sources: ikm, S12).
    - Moodle, grade normalisation: https://docs.moodle.org/en/Grade_calculations
    - UU 27/2022 on personal data protection (sources: uu-pdp): report aggregates only.

Examples:
    >>> from birokrasi_retreat.rubric import Criterion, Response, Rubric, Scale, SubjectKind
    >>> likert = Scale.likert(5)
    >>> rubric = Rubric(
    ...     id="reaksi",
    ...     title_id="Reaksi peserta",
    ...     title_en="Participant reaction",
    ...     criteria=(
    ...         Criterion(id="materi", title_id="Materi", title_en="Content", scale=likert),
    ...         Criterion(id="waktu", title_id="Waktu", title_en="Timing", scale=likert,
    ...                   weight=3),
    ...     ),
    ... )
    >>> response = Response(rubric="reaksi", subject_kind=SubjectKind.SESSION, subject="S1",
    ...                     rater="R-001", ratings={"materi": 5, "waktu": 4})
    >>> score(rubric, response).value
    81.25
"""

from __future__ import annotations

from birokrasi_retreat.scoring._aggregate import Aggregate, aggregate
from birokrasi_retreat.scoring._bulk import ScoreArray, Scores, score_array, score_many
from birokrasi_retreat.scoring._exact import CriterionScore, Score, score
from birokrasi_retreat.scoring._ikm import IkmResult, ikm
from birokrasi_retreat.scoring._stats import (
    Gain,
    cohens_dz,
    cronbach_alpha,
    krippendorff_alpha,
    normalized_gain,
    rank,
    round_half_up,
)


__all__ = [
    "Aggregate",
    "CriterionScore",
    "Gain",
    "IkmResult",
    "Score",
    "ScoreArray",
    "Scores",
    "aggregate",
    "cohens_dz",
    "cronbach_alpha",
    "ikm",
    "krippendorff_alpha",
    "normalized_gain",
    "rank",
    "round_half_up",
    "score",
    "score_array",
    "score_many",
]
