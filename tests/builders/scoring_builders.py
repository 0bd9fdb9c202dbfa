"""Builders shared by the scoring tests: criteria, rubrics, responses, scores, errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import (
    Band,
    Criterion,
    Normalisation,
    Phase,
    Response,
    Rubric,
    Scale,
    SubjectKind,
)
from birokrasi_retreat.scoring import Score


if TYPE_CHECKING:
    from collections.abc import Mapping


def criterion(
    criterion_id: str,
    scale: Scale | None = None,
    *,
    weight: float = 1.0,
    required: bool = True,
) -> Criterion:
    return Criterion(
        id=criterion_id,
        title_id=criterion_id.upper(),
        title_en=criterion_id.upper(),
        scale=Scale.likert(5) if scale is None else scale,
        weight=weight,
        required=required,
    )


def rubric(
    *criteria: Criterion,
    rubric_id: str = "r",
    bands: tuple[Band, ...] = (),
    normalisation: Normalisation = Normalisation.MIN_MAX,
) -> Rubric:
    return Rubric(
        id=rubric_id,
        title_id="Contoh",
        title_en="Example",
        criteria=criteria,
        bands=bands,
        normalisation=normalisation,
    )


def response(
    ratings: Mapping[str, float],
    *,
    rubric_id: str = "r",
    subject: str = "s-1",
    rater: str = "r-1",
    kind: SubjectKind = SubjectKind.SESSION,
    phase: Phase = Phase.POST,
) -> Response:
    return Response(
        rubric=rubric_id,
        subject_kind=kind,
        subject=subject,
        rater=rater,
        phase=phase,
        ratings=ratings,
    )


def result(value: float, *, subject: str = "s-1", rater: str = "r-1") -> Score:
    return Score(
        rubric="r",
        subject_kind=SubjectKind.PARTICIPANT,
        subject=subject,
        rater=rater,
        phase=Phase.POST,
        value=value,
        band=None,
        breakdown=(),
    )


def band(code: str, lower: float) -> Band:
    return Band(code=code, label_id=code, label_en=code, lower=lower)


def raised(call: Any) -> ScoringError:
    with pytest.raises(ScoringError) as info:
        call()
    return info.value


NIP = "198609262015051001"


def cohort() -> tuple[Rubric, list[Response]]:
    """Three responses to a banded two-criterion rubric, one about a NIP."""
    on = rubric(criterion("a"), criterion("b", weight=3), bands=(band("lo", 0), band("hi", 60)))
    batch = [
        response({"a": 5, "b": 4}, subject=NIP, rater="r-1"),
        response({"a": 1, "b": 2}, subject="s-2", rater="r-2", phase=Phase.PRE),
        response({"a": 3, "b": 3}, subject="s-3", rater="r-3", kind=SubjectKind.SPEAKER),
    ]
    return on, batch
