"""Every tuple field of the public models refuses what is no array, and a wrong item.

Before (issue 14), most tuple fields only turned their value into a tuple: a str, a
number or an item of the wrong type reached the object and broke a later check with an
AttributeError. Now each is refused when the object is built, with the library's
`InvalidType` at the field's path (``sessions``) or the item's (``sessions[0]``). The
walk covers every tuple field of every type registered for `st.from_type`.
"""

from __future__ import annotations

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.errors import BirokrasiRetreatError, InvalidType, ValidationErrorGroup
from birokrasi_retreat.followup import Commitment, FollowUp, MonitoringVisit, Review
from birokrasi_retreat.organization import Official, Position
from birokrasi_retreat.retreat import Retreat, Session, Speaker, Venue
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.rubric import Rubric, Scale
from birokrasi_retreat.survey import Survey


MODELS = [
    Commitment,
    FollowUp,
    MonitoringVisit,
    Official,
    Position,
    Retreat,
    Review,
    Roster,
    Rubric,
    Scale,
    Session,
    Speaker,
    Survey,
    Venue,
]


class Alien:
    """An object of no type the library knows."""


def _tuple_fields(value: object) -> list[str]:
    cls = type(value)
    assert attrs.has(cls)
    return [
        field.name
        for field in attrs.fields(cls)
        if field.init and isinstance(getattr(value, field.name), tuple)
    ]


def _refusal(value: object, changes: dict[str, object]) -> tuple[str, str]:
    """The code and path of the type error ``changes`` raise (a roster groups its own)."""
    with pytest.raises(BirokrasiRetreatError) as caught:
        attrs.evolve(value, **changes)  # type: ignore[misc]
    error = caught.value
    if isinstance(error, ValidationErrorGroup):
        (error,) = error.leaves()
    assert isinstance(error, InvalidType)
    return error.code, error.path


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_array_and_a_wrong_item_are_refused(cls: type, data: st.DataObject) -> None:
    """For each tuple field: a str or a number at the field, an alien item at [0]."""
    value = data.draw(st.from_type(cls))
    for name in _tuple_fields(value):
        for wrong in ("ab", 5):
            assert ("data.type", name) == _refusal(value, {name: wrong})
        assert ("data.type", f"{name}[0]") == _refusal(value, {name: (Alien(),)})
