"""Strategies for evaluation surveys (to be re-exported by `birokrasi_retreat.strategies`).

`surveys` builds a retreat's evaluation that the EVA rules find no error in: responses
on the survey's own rubrics, about the retreat's participants, sessions, speakers or the
retreat itself (or a unit), every required criterion rated on its scale, no rater
answering a rubric twice about one subject in one phase, and each response dated inside
its phase. Warnings stay possible (a low Cronbach's alpha, a post-test without a
pre-test): they are findings about the data, not errors in it.
"""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from birokrasi_retreat import rubrics as _builtin
from birokrasi_retreat.retreat import Retreat, RetreatStatus
from birokrasi_retreat.rubric import Phase, Response, Rubric, SubjectKind
from birokrasi_retreat.strategies._retreat import retreats as _retreats
from birokrasi_retreat.strategies._rubric import _rating
from birokrasi_retreat.strategies._rubric import rubrics as _rubrics
from birokrasi_retreat.survey import Survey


if TYPE_CHECKING:
    import pendulum


__all__ = ["surveys"]

# Unit subjects (an OPD's IKM survey): ids of no particular roster, since `check(survey)`
# without the roster option does not look units up.
_UNITS: Final = ("bkpsdm", "dinkes", "kec-klojen")
_COMMENTS: Final = (
    "Materi sangat bermanfaat.",
    "Waktu diskusi kurang.",
    "Narasumber menguasai materi.",
    "Useful session.",
)
# Submission times: a pre-test up to two weeks before the start, a post-test up to three
# days after the end, a follow-up one to six months after it (Kirkpatrick level 3 is
# "often 3-6 months after", sources: kirkpatrick).
_PRE_MINUTES: Final = 14 * 24 * 60
_POST_MINUTES: Final = 3 * 24 * 60
_FOLLOW_UP_DAYS: Final = (30, 180)


def _check_bounds(name: str, low: int, high: int, *, floor: int) -> None:
    if low < floor:
        msg = f"surveys: {name} ({low}) must be at least {floor}"
        raise InvalidArgument(msg)
    if low > high:
        msg = f"surveys: the minimum of {name} ({low}) is above its maximum ({high})"
        raise InvalidArgument(msg)


def _subjects(retreat: Retreat) -> list[tuple[SubjectKind, str]]:
    """Everything a response may be about, EVA010 accepting each one."""
    people = [e.nip for e in retreat.enrollments]
    people += [e.substitute for e in retreat.enrollments if e.substitute is not None]
    return [
        *((SubjectKind.PARTICIPANT, number) for number in people),
        *((SubjectKind.SESSION, session.id) for session in retreat.sessions),
        *((SubjectKind.SPEAKER, speaker.id) for speaker in retreat.speakers),
        (SubjectKind.RETREAT, retreat.id),
        *((SubjectKind.UNIT, unit) for unit in _UNITS),
    ]


def _self(
    retreat: Retreat, rater: str, person: str | None, subject: tuple[SubjectKind, str]
) -> bool:
    """Whether the rater would rate themselves (rule EVA005's test)."""
    kind, value = subject
    if value in {rater, person}:
        return True
    session = retreat.session(value) if kind is SubjectKind.SESSION else None
    return session is not None and not {rater, person}.isdisjoint(session.speakers)


def _ratings(draw: st.DrawFn, rubric: Rubric) -> dict[str, int]:
    """Every required criterion rated, optional ones sometimes, at least one in all."""
    # A rubric of optional criteria only still gets one answer (scoring refuses none).
    anchor = [c for c in rubric.criteria if c.required] or [draw(st.sampled_from(rubric.criteria))]
    return {
        criterion.id: _rating(draw, criterion.scale)
        for criterion in rubric.criteria
        if criterion in anchor or draw(st.booleans())
    }


# How far from the retreat's start (pre) or end (post, follow-up) a response is dated.
_OFFSETS: Final = {
    Phase.PRE: st.integers(1, _PRE_MINUTES).map(lambda m: dt.timedelta(minutes=-m)),
    Phase.POST: st.integers(0, _POST_MINUTES).map(lambda m: dt.timedelta(minutes=m)),
    Phase.FOLLOW_UP: st.integers(*_FOLLOW_UP_DAYS).map(lambda d: dt.timedelta(days=d)),
}


def _submitted(draw: st.DrawFn, retreat: Retreat, phase: Phase) -> pendulum.DateTime | None:
    """A time inside the phase (EVA011), or None."""
    anchor = retreat.start if phase is Phase.PRE else retreat.end
    return draw(st.one_of(st.none(), _OFFSETS[phase].map(anchor.__add__)))


def _allowed(
    retreat: Retreat,
    rubric: Rubric,
    rater: str,
    person: str | None,
    subjects: list[tuple[SubjectKind, str]],
) -> list[tuple[SubjectKind, str]]:
    """The subjects ``rater`` may rate on ``rubric`` (never empty: units are no one)."""
    return [s for s in subjects if rubric.allow_self_rating or not _self(retreat, rater, person, s)]


@st.composite
def _survey(
    draw: st.DrawFn,
    *,
    retreat_strategy: st.SearchStrategy[Retreat],
    rubric_strategy: st.SearchStrategy[Rubric],
    min_rubrics: int,
    max_rubrics: int,
    max_raters: int,
    max_responses: int,
) -> Survey:
    retreat = draw(retreat_strategy)
    chosen = draw(
        st.lists(
            rubric_strategy, min_size=min_rubrics, max_size=max_rubrics, unique_by=lambda r: r.id
        )
    )
    subjects = _subjects(retreat)
    raters = [f"R-{number:03d}" for number in range(1, draw(st.integers(1, max_raters)) + 1)]
    # Some raters are also subjects: a participant (by NIP) or a speaker (by id).
    persons = [value for kind, value in subjects if kind is SubjectKind.PARTICIPANT]
    persons += [speaker.id for speaker in retreat.speakers]
    mapped = (
        draw(st.lists(st.sampled_from(persons), unique=True, max_size=len(raters)))
        if persons
        else []
    )
    who = dict(zip(raters, mapped, strict=False))

    def keys_of(
        pair: tuple[int, str],
    ) -> st.SearchStrategy[tuple[int, str, tuple[SubjectKind, str], Phase]]:
        position, rater = pair
        allowed = _allowed(retreat, chosen[position], rater, who.get(rater), subjects)
        return st.tuples(
            st.just(position), st.just(rater), st.sampled_from(allowed), st.sampled_from(Phase)
        )

    # Distinct (rubric, rater, subject, phase) keys: no duplicate response (EVA004), and
    # no self-rating where the rubric forbids it (EVA005).
    pairs = st.tuples(st.integers(0, len(chosen) - 1), st.sampled_from(raters))
    keys = draw(st.lists(pairs.flatmap(keys_of), unique=True, max_size=max_responses))
    responses = tuple(
        Response(
            rubric=chosen[position].id,
            subject_kind=subject[0],
            subject=subject[1],
            rater=rater,
            phase=phase,
            ratings=_ratings(draw, chosen[position]),
            submitted=_submitted(draw, retreat, phase),
            comment=draw(st.one_of(st.none(), st.sampled_from(_COMMENTS))),
        )
        for position, rater, subject, phase in keys
    )
    return Survey(rubrics=tuple(chosen), responses=responses, retreat=retreat, raters=who)


def surveys(
    *,
    retreats: st.SearchStrategy[Retreat] | None = None,
    rubrics: st.SearchStrategy[Rubric] | None = None,
    min_rubrics: int = 1,
    max_rubrics: int = 3,
    max_raters: int = 6,
    max_responses: int = 24,
) -> st.SearchStrategy[Survey]:
    """Generate evaluation surveys (survei evaluasi) of a retreat with no EVA error.

    A survey has a retreat (default: a held one of up to 3 days, from `retreats`), one
    or more rubrics with distinct ids (default: from `rubrics`, or the built-in ones of
    `birokrasi_retreat.rubrics`), pseudonymous raters ``R-001``, ``R-002``... some of
    whom ``raters`` maps to a participant's NIP or a speaker id, and responses about the
    retreat's enrolled participants and substitutes, its sessions, its speakers, the
    retreat itself, or a unit (``bkpsdm``, ``dinkes``, ``kec-klojen``: ids of no
    particular roster). Every response rates each required criterion (and at least one
    criterion) on its scale; no rater answers a rubric twice about one subject in one
    phase; no one rates themselves where the rubric forbids it; a response is dated
    inside its phase (a pre-test before the start, a post-test or follow-up after the
    end) or not dated. `birokrasi_retreat.validation.check` finds no error in it
    (warnings and info findings, such as a low alpha, remain possible).

    Args:
        retreats: A strategy for the retreat (default: held retreats of 1 to 3 days).
        rubrics: A strategy for the rubrics (default: generated and built-in rubrics).
        min_rubrics: At least this many rubrics (1 or more).
        max_rubrics: At most this many rubrics.
        max_raters: At most this many raters (1 or more).
        max_responses: At most this many responses (0 or more).

    Returns:
        A strategy for `Survey` values.

    Raises:
        InvalidArgument: If a bound is out of range or the bounds are inconsistent.

    Examples:
        >>> from hypothesis import given, settings
        >>> from birokrasi_retreat.validation import check
        >>> @settings(max_examples=5)
        ... @given(surveys(max_rubrics=2, max_responses=8))
        ... def test_no_error(survey):
        ...     assert check(survey).ok
        ...     assert all(survey.rubric(r.rubric) is not None for r in survey.responses)
        >>> test_no_error()
    """
    _check_bounds("rubrics", min_rubrics, max_rubrics, floor=1)
    _check_bounds("raters", 1, max_raters, floor=1)
    _check_bounds("responses", 0, max_responses, floor=0)
    if retreats is None:
        retreats = _retreats(
            max_days=3,
            max_sessions=6,
            max_speakers=3,
            max_enrollments=6,
            statuses=st.just(RetreatStatus.HELD),
        )
    if rubrics is None:
        rubrics = st.one_of(
            _rubrics(max_criteria=5), st.sampled_from(_builtin.names()).map(_builtin.load)
        )
    return _survey(
        retreat_strategy=retreats,
        rubric_strategy=rubrics,
        min_rubrics=min_rubrics,
        max_rubrics=max_rubrics,
        max_raters=max_raters,
        max_responses=max_responses,
    )
