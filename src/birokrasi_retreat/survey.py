"""Survey (survei evaluasi): the rubrics and the responses of one retreat's evaluation.

A `Survey` gathers what an evaluation of a retreat collects: the rubrics used (a
BerAKHLAK self-assessment before and after, a reaction survey per session, a speaker
evaluation...), every `birokrasi_retreat.rubric.Response` given on them, the
`birokrasi_retreat.retreat.Retreat` the responses are about, and, for the check of
self-rating, which subject each pseudonymous rater is (``raters``).

The model holds only its own invariants: at least one rubric, rubric ids unique, items
of the right types, rater ids that are pseudonyms (never a NIP or NIK). Everything that
relates the responses to the rubrics and to the retreat (a rating off the scale, a
duplicate response, a response about someone not enrolled, a pre-test given after the
retreat began, low reliability) is reported by the EVA rules of
`birokrasi_retreat.validation` (``check(survey)``), so that a whole survey's problems are
reported at once.

Decisions recorded here:

* **Raters are pseudonymous** (UU 27/2022, sources: uu-pdp): a response names its rater
  by a pseudonym such as ``"R-001"``. ``raters`` maps a pseudonym to the id the same
  person has as a subject (a participant's NIP or a speaker id); it is never shown in
  the repr, because its values may be NIPs. It is a read-only mapping.
* A response about a participant has the participant's NIP as its subject; the reprs
  of `Response` and of the survey mask it.

Examples:
    >>> from birokrasi_retreat import rubrics
    >>> from birokrasi_retreat.rubric import Phase, Response, SubjectKind
    >>> speaker = rubrics.load("speaker")
    >>> answer = Response(rubric="speaker", subject_kind=SubjectKind.SPEAKER,
    ...                   subject="amir", rater="R-001", phase=Phase.POST,
    ...                   ratings={c.id: 5 for c in speaker.criteria})
    >>> survey = Survey(rubrics=(speaker,), responses=(answer,), raters={"R-002": "amir"})
    >>> survey.rubric("speaker").allow_self_rating
    False
    >>> len(survey.responses_for("speaker", phase=Phase.POST))
    1
    >>> "amir" in repr(survey.raters), "R-002" in repr(survey)
    (True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.errors import InvalidFormat, InvalidType, ValidationError
from birokrasi_retreat.retreat import Retreat
from birokrasi_retreat.rubric import Response, Rubric


if TYPE_CHECKING:
    from birokrasi_retreat.rubric import Phase, SubjectKind


__all__ = ["Survey"]


def _raters(value: object) -> Mapping[str, str]:
    """Store the rater map read-only: pseudonymous str keys, identifier str values."""
    if not isinstance(value, Mapping):
        raise _fields.type_error("raters", "object", value)
    stored: dict[str, str] = {}
    for key, person in value.items():
        if type(key) is not str:
            raise InvalidType(
                "data.key_type",
                path="raters",
                key=_privacy.redact(repr(key)),
                got=_fields.type_name(key),
            )
        # The key is a rater id, so a pseudonym: it is shown in paths only redacted.
        where = f"raters[{_privacy.redact(repr(key))}]"
        _fields.check_id(key, where)
        if _privacy.has_personal_number(key):
            raise InvalidFormat("rubric.rater_personal", path=where)
        # The value may be a NIP: errors name its place, never the value itself.
        _fields.check_id(person, where)
        stored[key] = person
    return MappingProxyType(stored)


def _index(rubrics: tuple[Rubric, ...]) -> dict[str, Rubric]:
    if not rubrics:
        raise ValidationError("survey.no_rubrics", path="rubrics")
    found: dict[str, Rubric] = {}
    for index, rubric in enumerate(rubrics):
        where = f"rubrics[{index}]"
        _fields.check_instance(rubric, Rubric, where)
        if rubric.id in found:
            raise ValidationError("survey.duplicate_rubric", path=f"{where}.id", value=rubric.id)
        found[rubric.id] = rubric
    return found


@attrs.frozen(kw_only=True)
class Survey:
    """Survei: the rubrics and the responses of one retreat's evaluation.

    Attributes:
        rubrics: The rubrics answered (at least one), with unique ids.
        responses: Every response given, in any order.
        retreat: The retreat the responses are about, if known; the EVA rules that
            relate responses to its people, agenda and dates need it.
        raters: Pseudonymous rater id -> the id the same person has as a subject (a
            participant's NIP or a speaker id), for the check of self-rating (rule
            EVA005). A read-only mapping, never shown in the repr.

    Raises:
        ValidationError: No rubric (``survey.no_rubrics``), or two rubrics with one id
            (``survey.duplicate_rubric``).
        InvalidType: An item of the wrong type (``data.type``, ``data.key_type``).
        InvalidFormat: A rater id holding a NIP or NIK (``rubric.rater_personal``) or an
            id that is empty or padded (``org.id``).

    Examples:
        >>> from birokrasi_retreat import rubrics
        >>> Survey(rubrics=(rubrics.load("ikm"), rubrics.load("ikm")))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.ValidationError: ... [survey.duplicate_rubric] @ $.rubrics[1].id
        >>> Survey(rubrics=(rubrics.load("ikm"),),
        ...        raters={"198609262015051001": "x"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidFormat: ... [rubric.rater_personal] @ ...
    """

    rubrics: tuple[Rubric, ...] = attrs.field(
        converter=_fields.as_tuple, validator=_fields.members(Rubric)
    )
    responses: tuple[Response, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Response)
    )
    retreat: Retreat | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(Retreat)
    )
    raters: Mapping[str, str] = attrs.field(factory=dict, converter=_raters, repr=False, hash=False)
    _rubrics: dict[str, Rubric] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_rubrics", _index(self.rubrics))
        _fields.check_items(self.responses, Response, "responses")

    # A mappingproxy cannot be pickled or deep-copied: the state carries a plain dict.
    def __getstate__(self) -> dict[str, object]:
        state = {field.name: getattr(self, field.name) for field in attrs.fields(Survey)}
        state["raters"] = dict(self.raters)
        return state

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for name, value in state.items():
            stored = MappingProxyType(dict(value)) if name == "raters" else value
            object.__setattr__(self, name, stored)

    def rubric(self, rubric_id: str) -> Rubric | None:
        """The rubric (rubrik) of the survey with this id, or None.

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> survey = Survey(rubrics=(rubrics.load("reaction"),))
            >>> survey.rubric("reaction").id, survey.rubric("ikm")
            ('reaction', None)
        """
        return self._rubrics.get(rubric_id)

    def responses_for(
        self,
        rubric_id: str,
        *,
        phase: Phase | None = None,
        subject_kind: SubjectKind | None = None,
    ) -> tuple[Response, ...]:
        """The responses (jawaban) on one rubric, optionally of one phase and subject kind.

        Args:
            rubric_id: The rubric's id.
            phase: Only responses of this phase (None: every phase).
            subject_kind: Only responses about this kind of subject (None: every kind).

        Returns:
            The matching responses, in survey order.

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> from birokrasi_retreat.rubric import Phase, Response, SubjectKind
            >>> def answer(phase):
            ...     return Response(rubric="reaction", subject_kind=SubjectKind.RETREAT,
            ...                     subject="malang-2025", rater="R-001", phase=phase,
            ...                     ratings={"relevansi": 4, "materi": 3, "kepuasan": 4})
            >>> survey = Survey(rubrics=(rubrics.load("reaction"),),
            ...                 responses=(answer(Phase.PRE), answer(Phase.POST)))
            >>> [r.phase.value for r in survey.responses_for("reaction", phase=Phase.POST)]
            ['post']
            >>> survey.responses_for("reaction", subject_kind=SubjectKind.SESSION)
            ()
        """
        return tuple(
            response
            for response in self.responses
            if response.rubric == rubric_id
            and (phase is None or response.phase == phase)
            and (subject_kind is None or response.subject_kind == subject_kind)
        )
