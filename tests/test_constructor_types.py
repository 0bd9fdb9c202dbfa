"""Every field of the input models refuses a value of the wrong type when built (issue 14).

A service builds these models from its own data: a value of the wrong type must be
refused at once with the library's `InvalidType` (a `TypeError`) naming the field, never
accepted and left to break a later check. The walks draw an instance of each model from
its registered strategy and give each field, in turn, an object of no known type; each
tuple field also a str, a number (no array: at the field) and an alien item (at
``field[0]``). Before, most tuple fields only made a tuple, so a stray item broke a later
check with an AttributeError.
"""

from __future__ import annotations

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat.errors import BirokrasiRetreatError, InvalidType, ValidationErrorGroup
from birokrasi_retreat.followup import (
    Commitment,
    FollowUp,
    MonitoringVisit,
    Review,
    StatusChange,
    UnitIndicator,
)
from birokrasi_retreat.organization import (
    Appointment,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PerangkatDaerah,
    Position,
)
from birokrasi_retreat.retreat import Retreat, Session, Speaker, Venue
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.rubric import Response, Rubric, Scale
from birokrasi_retreat.survey import Survey


MODELS = [
    Appointment,
    Commitment,
    FollowUp,
    Kecamatan,
    Kelurahan,
    MonitoringVisit,
    Official,
    Pemda,
    PerangkatDaerah,
    Position,
    Response,
    Retreat,
    Review,
    Roster,
    Rubric,
    Scale,
    Session,
    Speaker,
    StatusChange,
    Survey,
    UnitIndicator,
    Venue,
]


class Alien:
    """An object of no type the library knows."""


def _refusal(value: object, changes: dict[str, object]) -> tuple[str, str]:
    """The code and path of the type error ``changes`` raise (a roster groups its own)."""
    with pytest.raises(BirokrasiRetreatError) as caught:
        attrs.evolve(value, **changes)  # type: ignore[misc]
    error = caught.value
    if isinstance(error, ValidationErrorGroup):
        (error,) = error.leaves()
    assert isinstance(error, InvalidType), (changes, error)
    return error.code, error.path


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_field_refuses_a_wrong_type(cls: type, data: st.DataObject) -> None:
    """Each init field given an alien object: data.type at that field."""
    value = data.draw(st.from_type(cls))
    assert attrs.has(cls)
    for field in attrs.fields(cls):
        if field.init:
            assert ("data.type", field.name) == _refusal(
                value, {field.alias or field.name: Alien()}
            )


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_array_and_a_wrong_item_are_refused(cls: type, data: st.DataObject) -> None:
    """For each tuple field: a str or a number at the field, an alien item at [0]."""
    value = data.draw(st.from_type(cls))
    assert attrs.has(cls)
    for field in attrs.fields(cls):
        name = field.name
        if not field.init or not isinstance(getattr(value, name), tuple):
            continue
        for wrong in ("ab", 5):
            assert ("data.type", name) == _refusal(value, {name: wrong})
        assert ("data.type", f"{name}[0]") == _refusal(value, {name: (Alien(),)})
