"""All problems of one document are reported together, in one round (issue 14).

cattrs stops before building an object when one of its fields fails, so the checks that
run when it is built (field converters and validators, a NIP against its kind) used to
report only after the first problems were fixed. The loader now takes a second look at
the other fields of a failing object (`_convert._second_look`).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from birokrasi_retreat import samples, serialization
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.errors import ValidationError, ValidationErrorGroup
from birokrasi_retreat.organization import Appointment, Official
from birokrasi_retreat.roster import Roster


# Invalid as a NIP (TMT month 13), valid as an NI PPPK (sources: nip-layout).
TMT_13 = "198609262015131001"
# Invalid in both layouts: born on 30 February.
FEB_30 = "199002302015051001"


def _found(data: object, cls: type) -> set[tuple[str, str]]:
    with pytest.raises(ValidationErrorGroup) as caught:
        serialization.from_dict(data, cls)
    return {(leaf.code, leaf.path) for leaf in caught.value.leaves()}


def _official(**changes: object) -> dict[str, object]:
    return {"nip": "198609262015051001", "name": "Ani", "sex": "P"} | changes


class TestOfficial:
    def test_the_nip_and_the_golongan_together(self) -> None:
        """The issue's case: TMT month 13 and a bad golongan, both in one round."""
        assert {("data.choice", "golongan"), ("nip.tmt_month", "nip")} == _found(
            _official(nip=TMT_13, golongan="III/z"), Official
        )

    def test_the_nip_checked_against_the_stated_kind(self) -> None:
        """Stated PPPK, the same number is valid: only the golongan is reported."""
        assert {("data.choice", "golongan")} == _found(
            _official(nip=TMT_13, asn_type="PPPK", golongan="III/z"), Official
        )

    def test_an_unreadable_kind_checks_both_layouts(self) -> None:
        """A broken kind: a number valid in one layout is not blamed; one valid in none is."""
        assert {("data.choice", "asn_type")} == _found(
            _official(nip=TMT_13, asn_type="ASN"), Official
        )
        assert {("data.choice", "asn_type"), ("nip.birth_date", "nip")} == _found(
            _official(nip=FEB_30, asn_type="ASN"), Official
        )

    def test_a_broken_or_absent_nip_is_not_checked_twice(self) -> None:
        """A NIP that failed itself, or is missing, gives its own error only."""
        assert {("data.type", "nip"), ("data.choice", "golongan")} == _found(
            _official(nip=5, golongan="III/z"), Official
        )
        data = _official(golongan="III/z")
        del data["nip"]
        assert {("data.missing_key", "nip"), ("data.choice", "golongan")} == _found(data, Official)

    def test_in_a_roster_document(self) -> None:
        """Inside a roster, at the official's path."""
        roster = serialization.to_dict(samples.load_roster("malang"))
        roster["officials"][0] |= {"nip": TMT_13, "golongan": "III/z"}
        expected = {("data.choice", "officials[0].golongan"), ("nip.tmt_month", "officials[0].nip")}
        assert expected <= _found(roster, Roster)


def test_an_appointment_nip_with_a_bad_date() -> None:
    """A field validator (the NIP's) runs beside the failing field."""
    data = {"nip": "0" * 18, "position": "p-1", "start": "2024-13-01"}
    assert {("date.format", "start"), ("nip.birth_date", "nip")} == _found(data, Appointment)


# --- the second look's own rules, on small classes of the test --------------------------


def _needs_the_instance(instance: Any, _attribute: object, _value: object) -> None:
    if instance.a < 0:
        raise ValidationError("invalid", path="b")


def _no_path(value: str) -> str:
    if value == "bad":
        raise ValidationError("invalid")
    return value


def _takes_self(value: str, instance: object) -> str:
    del instance
    if value == "bad":
        raise ValidationError("invalid", path="d")
    return value


@attrs.frozen(kw_only=True)
class Sample:
    a: int
    b: str = attrs.field(default="", validator=_needs_the_instance)
    c: str = attrs.field(default="", converter=_no_path)
    d: str = attrs.field(default="", converter=attrs.Converter(_takes_self, takes_self=True))  # type: ignore[misc]


class TestSecondLook:
    def test_a_check_that_needs_the_object_waits_for_it(self) -> None:
        """A validator reading the instance is skipped: no crash, no guess."""
        assert {("data.type", "a")} == _found({"a": "x", "b": "y"}, Sample)

    def test_an_error_without_path_gets_the_field(self) -> None:
        """A converter's error with no path is placed at its field."""
        assert {("data.type", "a"), ("invalid", "c")} == _found({"a": "x", "c": "bad"}, Sample)

    def test_a_converter_taking_the_object_waits_for_it(self) -> None:
        """An attrs.Converter taking self is not run without the object."""
        assert {("data.type", "a")} == _found({"a": "x", "d": "bad"}, Sample)


# --- k problems at once, in one object and in several ------------------------------------

BREAKS = {
    "nip": FEB_30,  # checked when the official is built
    "golongan": "III/z",  # refused while structuring
    "name": 5,  # refused while structuring
    "sex": "X",  # refused while structuring
}


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_k_broken_fields_are_all_named(data: st.DataObject) -> None:
    """Break 1 to 4 fields of officials (in one or in several): every path is named."""
    roster = data.draw(brst.rosters().filter(lambda r: len(r.officials) >= 1))
    document = serialization.to_dict(roster)
    count = len(document["officials"])
    k = data.draw(st.integers(1, 4))
    targets = data.draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.sampled_from(sorted(BREAKS))),
            min_size=k,
            max_size=k,
            unique=True,
        )
    )
    for index, field in targets:
        document["officials"][index][field] = BREAKS[field]
    found = {path for _code, path in _found(document, Roster)}
    assert {f"officials[{index}].{field}" for index, field in targets} <= found
