"""Every field that holds a NIP or NI PPPK applies the full rules of `ids.nip` (issue 14).

Before, the fields whose kind is unknown (an enrollment, a commitment's owner, a visitor,
the NIP lists of an eligibility, an appointment, a decision) checked only for 18 digits:
``000000000000000000`` and a NIP born on 30 February loaded. Now each must be valid in
one of the two layouts, and is refused with the code `Official.nip` reports, at the
field's path, from code and from documents. A walk over generated instances of every
registered type finds any field holding a NIP that still accepts an invalid one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from birokrasi_retreat import serialization
from birokrasi_retreat.eligibility import Decision
from birokrasi_retreat.errors import ValidationError, ValidationErrorGroup
from birokrasi_retreat.followup import Commitment, FollowUp, MonitoringVisit
from birokrasi_retreat.ids import nip
from birokrasi_retreat.organization import Appointment, Official
from birokrasi_retreat.ranks import AsnType, Sex
from birokrasi_retreat.retreat import Eligibility, Enrollment, Retreat
from birokrasi_retreat.roster import Roster


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


VALID = "198609262015051001"
# Valid only as an NI PPPK (its "TMT" month, 24, is the PPPK year's code): a NIP field
# whose kind is unknown accepts it.
PPPK_ONLY = "199009132025242014"
INVALID = {
    "zeros": "000000000000000000",
    "30 February": "199002302015051001",
    "sex digit 3": "198609262015053001",
    "sequence 000": "198609262015051000",
}


def _official_code(number: str) -> str:
    """The code `Official.nip` reports for ``number``."""
    with pytest.raises(ValidationError) as caught:
        Official(nip=number, name="Uji", sex=Sex.MALE)
    return caught.value.code


def _commitment(owner: str) -> Commitment:
    return Commitment(
        id="c-1",
        retreat="malang-2025",
        owner=owner,
        unit="dinas-x",
        description="Layanan daring",
        due=pendulum.Date(2025, 9, 1),
    )


def _visit(visitor: str) -> MonitoringVisit:
    return MonitoringVisit(id="v-1", unit="dinas-x", visitor=visitor, on=pendulum.Date(2025, 8, 1))


# Each NIP field: how to build its holder with a number there, and the error's path.
FIELDS: dict[str, tuple[Callable[[str], object], str]] = {
    "Enrollment.nip": (lambda n: Enrollment(nip=n), "nip"),
    "Enrollment.substitute": (lambda n: Enrollment(nip=VALID, substitute=n), "substitute"),
    "Commitment.owner": (_commitment, "owner"),
    "MonitoringVisit.visitor": (_visit, "visitor"),
    "Eligibility.include": (lambda n: Eligibility(include=(VALID, n)), "include[1]"),
    "Eligibility.exclude": (lambda n: Eligibility(exclude=(n,)), "exclude[0]"),
    "Appointment.nip": (
        lambda n: Appointment(nip=n, position="p-1", start=pendulum.Date(2024, 1, 2)),
        "nip",
    ),
    "Decision.nip": (lambda n: Decision(nip=n, eligible=False, reason="r"), "nip"),
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("number", INVALID.values(), ids=INVALID.keys())
def test_an_invalid_number_is_refused_as_official_nip_refuses_it(field: str, number: str) -> None:
    """Every rule of `ids.nip`, with Official.nip's code, at the field's path."""
    build, path = FIELDS[field]
    with pytest.raises(ValidationError) as caught:
        build(number)
    assert (_official_code(number), path) == (caught.value.code, caught.value.path)
    assert number not in str(caught.value)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("number", [VALID, PPPK_ONLY, "19860926 201505 1 001"])
def test_a_number_valid_in_one_layout_is_kept(field: str, number: str) -> None:
    """A NIP, an NI PPPK, or either with separators: accepted (compact where stored)."""
    FIELDS[field][0](number)


def test_the_pppk_only_number_is_no_nip() -> None:
    """The fixture holds what it claims: valid as an NI PPPK only."""
    assert not nip.is_valid(PPPK_ONLY)
    assert nip.is_valid(PPPK_ONLY, kind=AsnType.PPPK)


# From documents: the same code at the path of the field in the document.
DOCUMENTS: dict[str, tuple[type, Callable[[str], dict[str, Any]], str]] = {
    "Enrollment": (Enrollment, lambda n: {"nip": n}, "nip"),
    "Enrollment.substitute": (
        Enrollment,
        lambda n: {"nip": VALID, "substitute": n},
        "substitute",
    ),
    "Eligibility": (Eligibility, lambda n: {"include": [VALID, n]}, "include[1]"),
    "Commitment": (
        Commitment,
        lambda n: serialization.to_dict(_commitment(VALID)) | {"owner": n},
        "owner",
    ),
    "MonitoringVisit": (
        MonitoringVisit,
        lambda n: serialization.to_dict(_visit(VALID)) | {"visitor": n},
        "visitor",
    ),
    "Appointment": (
        Appointment,
        lambda n: {"nip": n, "position": "p-1", "start": "2024-01-02"},
        "nip",
    ),
}


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("number", INVALID.values(), ids=INVALID.keys())
def test_documents_refuse_an_invalid_number(document: str, number: str) -> None:
    """Loading a document reports the field's error in the group, at its path."""
    cls, data, path = DOCUMENTS[document]
    with pytest.raises(ValidationErrorGroup) as caught:
        serialization.from_dict(data(number), cls)
    assert [(_official_code(number), path)] == [
        (leaf.code, leaf.path) for leaf in caught.value.leaves()
    ]


# --- the walk: no field holding a NIP in a generated instance accepts an invalid one ------

# Fields that may hold a NIP but are identifiers of another kind: any id is valid there.
NOT_NIP_FIELDS = {
    # "A participant's id or NIP": an id chosen by the user, not checked as a NIP.
    ("Response", "subject"),
}
BROKEN = INVALID["30 February"]


def _holders(value: object) -> Iterator[tuple[object, str, int | None]]:
    """Every (instance, field, index) in ``value`` whose value is a valid NIP or NI PPPK."""
    cls = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            item = getattr(value, field.name)
            if (cls.__name__, field.name) in NOT_NIP_FIELDS:
                continue
            if _is_number(item):
                yield value, field.name, None
            elif isinstance(item, tuple):
                for index, element in enumerate(item):
                    if _is_number(element):
                        yield value, field.name, index
                    else:
                        yield from _holders(element)
            else:
                yield from _holders(item)


def _is_number(value: object) -> bool:
    return isinstance(value, str) and any(nip.is_valid(value, kind=kind) for kind in AsnType)


def _broken(holder: object, field: str, index: int | None) -> object:
    if index is None:
        return BROKEN
    items = list(getattr(holder, field))
    items[index] = BROKEN
    return tuple(items)


@pytest.mark.parametrize(
    "cls", [Roster, Retreat, FollowUp, Official, Appointment, Commitment, MonitoringVisit]
)
@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_nip_field_accepts_an_invalid_number(cls: type, data: st.DataObject) -> None:
    """Each field holding a valid NIP in a generated instance refuses a 30-February one."""
    value = data.draw(st.from_type(cls))
    for holder, field, index in _holders(value):
        with pytest.raises(ValidationError) as caught:
            attrs.evolve(holder, **{field: _broken(holder, field, index)})  # type: ignore[misc]
        assert "nip.birth_date" == caught.value.code
