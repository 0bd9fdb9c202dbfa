"""Tests for birokrasi_retreat.ids.nip: NIP (PNS) and NI PPPK.

Every number here is synthetic. ``198609262015051001`` is the documented example of the
sources (sources: nip-layout); the two NI PPPK are the layout examples of sources: ni-pppk-layout,
used as synthetic values.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import pickle

from typing import Any

import attrs
import pendulum
import pytest

from hypothesis import example, given
from hypothesis import strategies as st

from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidType,
    ValidationError,
)
from birokrasi_retreat.findings import Finding, Severity
from birokrasi_retreat.ids import IdentifierModule, nip
from birokrasi_retreat.messages import LANGUAGES, catalogue
from birokrasi_retreat.ranks import AsnType, Sex


PNS = AsnType.PNS
PPPK = AsnType.PPPK
EXAMPLE = "198609262015051001"
EXAMPLE_FORMATTED = "19860926 201505 1 001"
PPPK_21 = "199001012024211002"
PPPK_24 = "199009132025242014"


# --- Private generators (the public strategies module comes later). ---


def _first_of_month_on_or_after(day: dt.date) -> dt.date:
    """The 1st of the month of ``day``, or of the next month if that 1st is before ``day``."""
    first = day.replace(day=1)
    if first >= day:
        return first
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


@st.composite
def valid_nips(draw: st.DrawFn, kind: AsnType = PNS) -> str:
    """A valid compact NIP (PNS) or NI PPPK, over the whole range the rules allow."""
    birth = draw(st.dates(max_value=dt.date(9998, 12, 31)))
    sex = draw(st.sampled_from("12"))
    sequence = draw(st.integers(1, 999))
    if kind is PPPK:
        year = draw(st.integers(birth.year, 9999))
        code = draw(st.integers(0, 99))
        middle = f"{year:04d}{code:02d}"
    else:
        tmt = _first_of_month_on_or_after(draw(st.dates(min_value=birth)))
        middle = f"{tmt.year:04d}{tmt.month:02d}"
    return f"{birth.year:04d}{birth.month:02d}{birth.day:02d}{middle}{sex}{sequence:03d}"


def kinds_and_nips() -> st.SearchStrategy[tuple[AsnType, str]]:
    """A kind with a valid number of that kind."""
    return st.sampled_from([PNS, PPPK]).flatmap(lambda k: st.tuples(st.just(k), valid_nips(k)))


@st.composite
def _impossible_dates(draw: st.DrawFn) -> str:
    """Eight digits that are not a calendar date (year 0, month 00/13+, day 00 or too big)."""
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    return draw(
        st.one_of(
            st.builds(lambda m, d: f"0000{m:02d}{d:02d}", st.integers(0, 99), st.integers(0, 99)),
            st.builds(lambda m: f"{year:04d}{m:02d}01", st.sampled_from([0, *range(13, 100)])),
            st.builds(
                lambda d: f"{year:04d}{month:02d}{d:02d}",
                st.sampled_from([0, *range(last + 1, 100)]),
            ),
        )
    )


@st.composite
def near_misses(draw: st.DrawFn) -> tuple[AsnType, str, type[ValidationError], str]:
    """A valid number with one component broken, with the error class and code it must raise."""
    kind, number = draw(kinds_and_nips())
    broken = draw(st.sampled_from(["birth_date", "tmt_month", "before_birth", "sex", "sequence"]))
    if broken == "birth_date":
        return kind, draw(_impossible_dates()) + number[8:], InvalidComponent, "nip.birth_date"
    if broken == "sex":
        digit = draw(st.sampled_from("03456789"))
        return kind, number[:14] + digit + number[15:], InvalidComponent, "nip.sex"
    if broken == "sequence":
        return kind, number[:15] + "000", InvalidComponent, "nip.sequence"
    if broken == "tmt_month":
        month = draw(st.sampled_from([0, *range(13, 100)]))
        return PNS, f"{number[:12]}{month:02d}{number[14:]}", InvalidComponent, "nip.tmt_month"
    birth = draw(st.dates(min_value=dt.date(1, 1, 2)))
    born = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
    if kind is PPPK:
        year = draw(st.integers(0, birth.year - 1))
        middle = f"{year:04d}{number[12:14]}"
    else:
        tmt = draw(st.dates(max_value=birth - dt.timedelta(days=1)))
        middle = f"{tmt.year:04d}{tmt.month:02d}"
    return kind, born + middle + number[14:], InvalidComponent, "nip.tmt_before_birth"


class _WeirdStr(str):
    """A str subclass whose every overridable method misbehaves."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        raise RuntimeError

    def __hash__(self) -> int:
        raise RuntimeError

    def __len__(self) -> int:
        raise RuntimeError

    def strip(self, chars: str | None = None) -> str:  # noqa: ARG002 - must never run
        raise RuntimeError

    def replace(self, old: str, new: str, count: Any = -1) -> str:  # noqa: ARG002 - never runs
        raise RuntimeError


class _FakeClass:
    """An object whose ``__class__`` raises, which trips up isinstance()."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError


def _assert_private(text: str, number: str) -> None:
    """Neither the number nor its date of birth appears in ``text``."""
    assert number not in text
    assert number[:8] not in text


def _assert_error_private(err: BirokrasiRetreatError, number: str) -> None:
    """Nothing an error shows or carries reveals the number or its date of birth."""
    for text in (str(err), repr(err), *(err.message(lang) for lang in LANGUAGES)):
        _assert_private(text, number)
    _assert_private(repr(dict(err.params)), number)
    assert err.__cause__ is None
    assert err.__context__ is None


def _assert_rendered(code: str, text: str) -> None:
    """A message rendered from its template: no missing fields, no fallback to the code."""
    assert code in catalogue()
    assert "{" not in text
    assert code not in text


# --- Tests. ---


class TestModule:
    def test_all_is_sorted(self) -> None:
        """__all__ is sorted and lists the public API."""
        expected = [
            "FIRST_PPPK_YEAR",
            "NIP",
            "compact",
            "format",
            "get_birth_date",
            "get_sex",
            "is_valid",
            "mask",
            "parse",
            "plausibility",
            "validate",
        ]
        assert expected == nip.__all__
        assert sorted(nip.__all__) == nip.__all__
        assert all(hasattr(nip, name) for name in nip.__all__)

    def test_satisfies_identifier_contract(self) -> None:
        """The module satisfies the identifier-module Protocol."""
        assert isinstance(nip, IdentifierModule)

    def test_every_code_has_both_languages(self) -> None:
        """Every code the module can raise or report is catalogued in both languages."""
        codes = [
            "nip.format",
            "nip.length",
            "nip.birth_date",
            "nip.tmt_month",
            "nip.tmt_before_birth",
            "nip.sex",
            "nip.sequence",
            "nip.tmt_before_18",
            "nip.tmt_future",
            "nip.pppk_code",
            "nip.pppk_year",
        ]
        for code in codes:
            assert ["en", "id"] == sorted(catalogue()[code])


class TestCompact:
    def test_strips_separators_and_whitespace(self) -> None:
        """Spaces, dots, hyphens and surrounding whitespace disappear."""
        assert EXAMPLE == nip.compact(" \t19860926.201505-1 001\n")

    def test_does_not_validate(self) -> None:
        """Letters and wrong lengths pass through untouched."""
        assert "abc1" == nip.compact("a.b-c 1")

    def test_inner_tab_is_kept(self) -> None:
        """Only surrounding whitespace is stripped, not a tab inside the number."""
        assert "1986\t0926" == nip.compact("1986\t0926")

    def test_str_subclass_returns_plain_str(self) -> None:
        """A str subclass gives an exact str, without running its overridden methods."""
        result = nip.compact(_WeirdStr(" 1986 "))
        assert str is type(result)
        assert "1986" == result

    @pytest.mark.parametrize("value", [None, 1986, b"1986", ["1986"], 19.86])
    def test_non_string_raises_invalid_type(self, value: object) -> None:
        """A value that is not a string raises InvalidType with its type name."""
        with pytest.raises(InvalidType) as info:
            nip.compact(value)  # type: ignore[arg-type]
        assert "data.type" == info.value.code
        assert {"expected": "string", "got": type(value).__name__} == dict(info.value.params)

    @given(st.text())
    @example(".\r0")  # whitespace behind a separator: found by hypothesis
    def test_idempotent(self, text: str) -> None:
        """Compacting twice gives the same as compacting once."""
        once = nip.compact(text)
        assert once == nip.compact(once)

    @given(st.text())
    def test_no_separators_remain(self, text: str) -> None:
        """The result contains no space, dot or hyphen and no surrounding whitespace."""
        result = nip.compact(text)
        assert not {" ", ".", "-"} & set(result)
        assert result == result.strip()


class TestValidate:
    def test_documented_example(self) -> None:
        """The example of the sources is valid and comes back compact."""
        assert EXAMPLE == nip.validate(EXAMPLE_FORMATTED)
        assert EXAMPLE == nip.validate(EXAMPLE)

    def test_pppk_examples(self) -> None:
        """Both NI PPPK layout examples are valid as PPPK."""
        assert PPPK_21 == nip.validate(PPPK_21, kind=PPPK)
        assert PPPK_24 == nip.validate("19900913 2025 24 2 014", kind=PPPK)

    def test_pppk_read_as_pns_fails_on_month(self) -> None:
        """An NI PPPK read as a PNS NIP fails: digits 13-14 are not a month."""
        with pytest.raises(InvalidComponent) as info:
            nip.validate(PPPK_21)
        assert "nip.tmt_month" == info.value.code
        assert {"month": "21"} == dict(info.value.params)

    @pytest.mark.parametrize(
        "value",
        [
            "19860926201505100X",
            "198609262015051OO1",
            "１９８６０９２６２０１５０５１００１",
            "١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١",
            "19860926201505100²",
            "+198609262015051001",
            "1986/09/26 201505 1 001",
            "1986\t0926201505 1 001",
        ],
    )
    def test_non_ascii_digit_is_invalid_format(self, value: str) -> None:
        """Any character but 0-9 (full-width, Arabic-Indic, superscript digits too) is refused."""
        with pytest.raises(InvalidFormat) as info:
            nip.validate(value)
        assert InvalidFormat is type(info.value)
        assert "nip.format" == info.value.code

    @pytest.mark.parametrize(("value", "length"), [("", 0), ("1" * 17, 17), ("1" * 19, 19)])
    def test_wrong_length(self, value: str, length: int) -> None:
        """Other than 18 digits raises InvalidLength with the length found."""
        with pytest.raises(InvalidLength) as info:
            nip.validate(value)
        assert "nip.length" == info.value.code
        assert {"length": length} == dict(info.value.params)

    def test_length_error_is_a_format_error(self) -> None:
        """InvalidLength can be caught as InvalidFormat and as ValueError."""
        with pytest.raises(InvalidFormat):
            nip.validate(EXAMPLE[:-1])
        with pytest.raises(ValueError, match=r"\[nip\.length\]"):
            nip.validate(EXAMPLE + "1")

    @pytest.mark.parametrize(
        "birth",
        ["19860230", "19000229", "20230229", "00000101", "19860001", "19861301", "19860900"],
    )
    def test_impossible_birth_date(self, birth: str) -> None:
        """30 February, 29 February of 1900 and 2023, year 0 and month 0/13, day 0 are refused."""
        with pytest.raises(InvalidComponent) as info:
            nip.validate(birth + "2015051001")
        assert "nip.birth_date" == info.value.code

    @pytest.mark.parametrize("birth", ["20000229", "20240229", "19861231", "00010101"])
    def test_leap_days_and_edges_accepted(self, birth: str) -> None:
        """29 February of leap years (2000, 2024), 31 December and year 1 are accepted."""
        assert birth + "2025051001" == nip.validate(birth + "2025051001")

    @pytest.mark.parametrize("month", ["00", "13", "20", "99"])
    def test_tmt_month_out_of_range(self, month: str) -> None:
        """A PNS TMT month outside 01-12 raises nip.tmt_month with that month."""
        with pytest.raises(InvalidComponent) as info:
            nip.validate(f"198609262015{month}1001")
        assert "nip.tmt_month" == info.value.code
        assert {"month": month} == dict(info.value.params)

    @pytest.mark.parametrize("month", ["01", "12"])
    def test_tmt_month_bounds_accepted(self, month: str) -> None:
        """TMT months 01 and 12 are accepted."""
        assert nip.is_valid(f"198609262015{month}1001")

    @pytest.mark.parametrize(
        "number",
        ["198609261986081001", "198609261985121001", "198609260000011001", "198609021986091001"],
    )
    def test_pns_tmt_before_birth(self, number: str) -> None:
        """A TMT whose 1st falls before the birth date (same month included) is impossible."""
        with pytest.raises(InvalidComponent) as info:
            nip.validate(number)
        assert "nip.tmt_before_birth" == info.value.code

    def test_pns_tmt_on_birth_day_accepted(self) -> None:
        """A TMT on the 1st of the birth month of someone born on the 1st is not impossible."""
        assert "198609011986091001" == nip.validate("198609011986091001")

    @pytest.mark.parametrize("year", ["0000", "1989"])
    def test_pppk_year_before_birth_year(self, year: str) -> None:
        """A PPPK appointment year before the birth year is impossible."""
        with pytest.raises(InvalidComponent) as info:
            nip.validate(f"19900101{year}211002", kind=PPPK)
        assert "nip.tmt_before_birth" == info.value.code

    @pytest.mark.parametrize("middle", ["199021", "202400", "202499", "202405", "999913"])
    def test_pppk_code_and_year_are_lenient(self, middle: str) -> None:
        """Any PPPK code (00-99) is accepted, and so is an appointment year from birth year on."""
        number = f"19900101{middle}1002"
        assert number == nip.validate(number, kind=PPPK)

    @pytest.mark.parametrize("digit", "03456789")
    @pytest.mark.parametrize("kind", [PNS, PPPK])
    def test_sex_digit(self, digit: str, kind: AsnType) -> None:
        """A sex digit other than 1 or 2 raises nip.sex with the digit."""
        base = EXAMPLE if kind is PNS else PPPK_21
        with pytest.raises(InvalidComponent) as info:
            nip.validate(base[:14] + digit + base[15:], kind=kind)
        assert "nip.sex" == info.value.code
        assert {"digit": digit} == dict(info.value.params)

    @pytest.mark.parametrize("kind", [PNS, PPPK])
    def test_sequence_zero(self, kind: AsnType) -> None:
        """Sequence 000 raises nip.sequence; 999 is accepted."""
        base = EXAMPLE if kind is PNS else PPPK_21
        with pytest.raises(InvalidComponent) as info:
            nip.validate(base[:15] + "000", kind=kind)
        assert "nip.sequence" == info.value.code
        assert nip.is_valid(base[:15] + "999", kind=kind)

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            ("1986092620150510x", "nip.format"),
            ("19860230201513300", "nip.length"),
            ("198602302015133000", "nip.birth_date"),
            ("198609262015133000", "nip.tmt_month"),
            ("198609261985053000", "nip.tmt_before_birth"),
            ("198609262015053000", "nip.sex"),
        ],
    )
    def test_first_problem_in_documented_order_wins(self, number: str, code: str) -> None:
        """With several problems, the first in the documented order is raised."""
        with pytest.raises(ValidationError) as info:
            nip.validate(number)
        assert code == info.value.code

    @pytest.mark.parametrize("value", [None, 198609262015051001, b"198609262015051001", [EXAMPLE]])
    def test_non_string_raises_invalid_type(self, value: object) -> None:
        """A non-string raises InvalidType (also a TypeError and a ValueError)."""
        with pytest.raises(InvalidType) as info:
            nip.validate(value)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, ValueError)
        assert {"expected": "string", "got": type(value).__name__} == dict(info.value.params)

    @pytest.mark.parametrize("kind", ["PNS", "PPPK", None, 1])
    def test_kind_must_be_asn_type(self, kind: object) -> None:
        """A kind that is not an AsnType member, even its string value, raises InvalidType."""
        with pytest.raises(InvalidType) as info:
            nip.validate(EXAMPLE, kind=kind)  # type: ignore[arg-type]
        assert {"expected": "AsnType", "got": type(kind).__name__} == dict(info.value.params)

    def test_str_subclass_accepted(self) -> None:
        """A str subclass with hostile methods validates by its characters."""
        assert EXAMPLE == nip.validate(_WeirdStr(EXAMPLE_FORMATTED))

    @pytest.mark.parametrize(
        ("number", "kind"),
        [
            ("1986092620150510X1", PNS),
            ("19860926", PNS),
            ("198602302015051001", PNS),
            ("198609262015131001", PNS),
            ("198609261985051001", PNS),
            ("198609262015053001", PNS),
            ("198609262015051000", PNS),
            ("199001011989211002", PPPK),
        ],
    )
    def test_errors_reveal_nothing(self, number: str, kind: AsnType) -> None:
        """No error text, repr, message or parameter shows the number or its birth date."""
        with pytest.raises(ValidationError) as info:
            nip.validate(number, kind=kind)
        _assert_error_private(info.value, number)
        for lang in LANGUAGES:
            _assert_rendered(info.value.code, info.value.message(lang))

    @given(near_misses())
    def test_near_misses_raise_their_specific_error(
        self, case: tuple[AsnType, str, type[ValidationError], str]
    ) -> None:
        """A valid number with one part broken raises that part's error class and code."""
        kind, number, error, code = case
        with pytest.raises(error) as info:
            nip.validate(number, kind=kind)
        assert error is type(info.value)
        assert code == info.value.code
        _assert_error_private(info.value, number)

    @given(kinds_and_nips())
    def test_generated_numbers_are_valid(self, case: tuple[AsnType, str]) -> None:
        """Every generated number validates to itself."""
        kind, number = case
        assert number == nip.validate(number, kind=kind)

    @given(kinds_and_nips())
    def test_format_then_compact_round_trips(self, case: tuple[AsnType, str]) -> None:
        """validate(compact(format(x))) is compact(x)."""
        kind, number = case
        assert nip.compact(number) == nip.validate(
            nip.compact(nip.format(number, kind=kind)), kind=kind
        )


class TestIsValid:
    def test_examples(self) -> None:
        """The documented and PPPK examples are valid for their kind."""
        assert nip.is_valid(EXAMPLE)
        assert nip.is_valid(EXAMPLE_FORMATTED, kind=PNS)
        assert nip.is_valid(PPPK_21, kind=PPPK)
        assert nip.is_valid(PPPK_24, kind=PPPK)

    @pytest.mark.parametrize(
        "value",
        [
            None,
            object(),
            b"198609262015051001",
            bytearray(b"1"),
            198609262015051001,
            [EXAMPLE],
            {EXAMPLE: 1},
            "",
            "\x00",
        ],
    )
    def test_junk_is_false(self, value: object) -> None:
        """Junk of any type gives False."""
        assert not nip.is_valid(value)

    def test_hostile_objects_and_huge_strings(self) -> None:
        """Objects that fake their class, hostile str subclasses and huge strings give False."""
        assert not nip.is_valid(_FakeClass())
        assert not nip.is_valid(_WeirdStr("x"))
        assert nip.is_valid(_WeirdStr(EXAMPLE))
        assert not nip.is_valid("1" * 10_000_000)
        assert nip.is_valid(" " * 1_000_000 + EXAMPLE)

    def test_junk_kind_is_false(self) -> None:
        """A kind that is not an AsnType gives False instead of raising."""
        for kind in ("PNS", None, object(), _WeirdStr("PNS"), _FakeClass()):
            assert not nip.is_valid(EXAMPLE, kind=kind)  # type: ignore[arg-type]

    @given(
        st.one_of(
            st.from_type(object),
            st.text(),
            st.binary(),
            st.integers(),
            st.none(),
            st.lists(st.integers()),
            st.text(alphabet="0123456789 .-", min_size=15, max_size=25),
        )
    )
    def test_never_raises(self, value: object) -> None:
        """is_valid answers a bool for anything, and True only for what validate accepts."""
        result = nip.is_valid(value)
        assert isinstance(result, bool)
        if result:
            assert nip.compact(value) == nip.validate(value)  # type: ignore[arg-type]

    @given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.sampled_from([PNS, PPPK]))
    def test_agrees_with_validate(self, number: str, kind: AsnType) -> None:
        """is_valid is True exactly when validate does not raise."""
        try:
            nip.validate(number, kind=kind)
        except ValidationError:
            expected = False
        else:
            expected = True
        assert expected is nip.is_valid(number, kind=kind)


class TestFormat:
    def test_pns_grouping(self) -> None:
        """A NIP is grouped 8-6-1-3."""
        assert EXAMPLE_FORMATTED == nip.format(EXAMPLE)

    def test_pppk_grouping(self) -> None:
        """An NI PPPK is grouped 8-4-2-1-3."""
        assert "19900101 2024 21 1 002" == nip.format(PPPK_21, kind=PPPK)
        assert "19900913 2025 24 2 014" == nip.format(PPPK_24, kind=PPPK)

    def test_validates_first(self) -> None:
        """An invalid number raises instead of being formatted."""
        with pytest.raises(InvalidComponent):
            nip.format("198609262015051000")

    @given(kinds_and_nips())
    def test_idempotent(self, case: tuple[AsnType, str]) -> None:
        """Formatting a formatted number changes nothing."""
        kind, number = case
        once = nip.format(number, kind=kind)
        assert once == nip.format(once, kind=kind)


class TestMask:
    def test_pns(self) -> None:
        """A valid NIP shows only its grouping and sequence."""
        assert "******** ****** * 001" == nip.mask(EXAMPLE_FORMATTED)

    def test_pppk(self) -> None:
        """A valid NI PPPK shows only its grouping and sequence."""
        assert "******** **** ** * 014" == nip.mask(PPPK_24, kind=PPPK)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("198609262015051000", "*" * 18),
            ("1986-0926-2015", "*" * 12),
            ("19860926X", "*" * 9),
            ("", ""),
            (PPPK_21, "*" * 18),
        ],
    )
    def test_invalid_is_masked_entirely(self, value: str, expected: str) -> None:
        """A value invalid for the kind is masked character by character, never echoed."""
        assert expected == nip.mask(value)

    @pytest.mark.parametrize("kind", ["PNS", None])
    def test_bad_kind_masks_entirely(self, kind: object) -> None:
        """A bad kind masks everything instead of raising."""
        assert "*" * 18 == nip.mask(EXAMPLE, kind=kind)  # type: ignore[arg-type]

    def test_non_string_raises(self) -> None:
        """A non-string raises InvalidType."""
        with pytest.raises(InvalidType):
            nip.mask(None)  # type: ignore[arg-type]

    @given(st.text(), st.sampled_from([PNS, PPPK]))
    def test_never_raises_on_text(self, text: str, kind: AsnType) -> None:
        """Any string masks without raising, and shows at most three digits."""
        masked = nip.mask(text, kind=kind)
        assert sum(c.isdigit() for c in masked) <= 3

    @given(kinds_and_nips())
    def test_reveals_only_the_sequence(self, case: tuple[AsnType, str]) -> None:
        """A masked valid number contains no birth date and no digit but the sequence."""
        kind, number = case
        masked = nip.mask(number, kind=kind)
        _assert_private(masked, number)
        assert number[15:] == "".join(c for c in masked if c.isdigit())
        assert len(nip.format(number, kind=kind)) == len(masked)


class TestParse:
    def test_pns_parts(self) -> None:
        """The documented example decodes as born 26 Sep 1986, TMT May 2015, male, 001."""
        value = nip.parse(EXAMPLE_FORMATTED)
        assert EXAMPLE == value.number
        assert PNS is value.kind
        assert pendulum.Date(1986, 9, 26) == value.birth_date
        assert pendulum.Date is type(value.birth_date)
        assert pendulum.Date(2015, 5, 1) == value.tmt_cpns
        assert pendulum.Date is type(value.tmt_cpns)
        assert 2015 == value.appointment_year
        assert value.pppk_code is None
        assert Sex.MALE is value.sex
        assert 1 == value.sequence
        assert EXAMPLE_FORMATTED == value.formatted
        assert "******** ****** * 001" == value.masked

    def test_pppk_parts(self) -> None:
        """An NI PPPK decodes its birth date, appointment year, code, sex and sequence."""
        value = nip.parse(PPPK_24, kind=PPPK)
        assert pendulum.Date(1990, 9, 13) == value.birth_date
        assert value.tmt_cpns is None
        assert 2025 == value.appointment_year
        assert "24" == value.pppk_code
        assert Sex.FEMALE is value.sex
        assert 14 == value.sequence
        assert "19900913 2025 24 2 014" == value.formatted
        assert "******** **** ** * 014" == value.masked

    def test_repr_and_str_are_masked(self) -> None:
        """repr and str show the masked form only."""
        value = nip.parse(EXAMPLE)
        assert "NIP(number='******** ****** * 001', kind=<AsnType.PNS: 'PNS'>)" == repr(value)
        assert "******** ****** * 001" == str(value)
        assert "******** **** ** * 002" == str(nip.parse(PPPK_21, kind=PPPK))

    @given(kinds_and_nips())
    def test_repr_reveals_nothing(self, case: tuple[AsnType, str]) -> None:
        """Neither repr nor str of a parsed number shows the number or its birth date."""
        kind, number = case
        value = nip.parse(number, kind=kind)
        for text in (repr(value), str(value), f"{value}", repr([value])):
            _assert_private(text, number)

    @given(kinds_and_nips())
    def test_format_round_trip(self, case: tuple[AsnType, str]) -> None:
        """parse(format(x)) equals parse(x), with an equal hash."""
        kind, number = case
        value = nip.parse(number, kind=kind)
        again = nip.parse(nip.format(number, kind=kind), kind=kind)
        assert value == again
        assert hash(value) == hash(again)

    @given(kinds_and_nips())
    def test_parts_match_digits(self, case: tuple[AsnType, str]) -> None:
        """Every decoded part matches the digits it comes from."""
        kind, number = case
        value = nip.parse(number, kind=kind)
        born = value.birth_date
        assert number[:8] == f"{born.year:04d}{born.month:02d}{born.day:02d}"
        assert int(number[8:12]) == value.appointment_year
        assert int(number[15:]) == value.sequence
        assert number[14] == value.sex.nip_digit
        if kind is PNS:
            assert value.tmt_cpns is not None
            assert (value.appointment_year, int(number[12:14]), 1) == (
                value.tmt_cpns.year,
                value.tmt_cpns.month,
                value.tmt_cpns.day,
            )
            assert value.tmt_cpns >= value.birth_date
        else:
            assert number[12:14] == value.pppk_code
            assert value.appointment_year >= value.birth_date.year

    def test_invalid_raises(self) -> None:
        """parse raises the validation error of the number."""
        with pytest.raises(InvalidComponent, match=r"\[nip\.sequence\]"):
            nip.parse("198609262015051000")


class TestNIP:
    def test_construction_compacts(self) -> None:
        """Direct construction accepts separators and stores the compact number."""
        assert EXAMPLE == nip.NIP(number=EXAMPLE_FORMATTED).number
        assert nip.NIP(number=EXAMPLE) == nip.NIP(number=EXAMPLE_FORMATTED, kind=PNS)

    @given(near_misses())
    def test_direct_construction_of_invalid_raises(
        self, case: tuple[AsnType, str, type[ValidationError], str]
    ) -> None:
        """Constructing an invalid value raises the same error as validate."""
        kind, number, error, code = case
        with pytest.raises(error) as info:
            nip.NIP(number=number, kind=kind)
        assert code == info.value.code

    def test_non_string_number_raises(self) -> None:
        """A non-string number raises InvalidType, not an attrs or builtin error."""
        with pytest.raises(InvalidType):
            nip.NIP(number=198609262015051001)  # type: ignore[arg-type]

    def test_kind_must_be_asn_type(self) -> None:
        """A plain string kind raises InvalidType."""
        with pytest.raises(InvalidType):
            nip.NIP(number=EXAMPLE, kind="PNS")  # type: ignore[arg-type]

    def test_disabled_validators_do_not_bypass(self) -> None:
        """Turning attrs validators off still refuses an invalid number."""
        attrs.validators.set_disabled(True)
        try:
            with pytest.raises(InvalidComponent):
                nip.NIP(number="198609262015051000")
        finally:
            attrs.validators.set_disabled(False)

    def test_evolve_revalidates(self) -> None:
        """attrs.evolve goes through validation again."""
        value = nip.parse(PPPK_21, kind=PPPK)
        with pytest.raises(InvalidComponent, match=r"\[nip\.tmt_month\]"):
            attrs.evolve(value, kind=PNS)

    def test_frozen(self) -> None:
        """Fields cannot be reassigned."""
        value = nip.parse(EXAMPLE)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            value.number = "198609262015051002"  # type: ignore[misc]

    def test_equality_by_number_and_kind(self) -> None:
        """A number valid as both kinds gives unequal values per kind; equal values hash equal."""
        both = "199001012024111002"
        pns, pppk = nip.parse(both), nip.parse(both, kind=PPPK)
        assert pns != pppk
        assert pns == nip.parse(both)
        assert 2 == len({pns, pppk, nip.parse(both, kind=PPPK)})
        assert pns != nip.parse("199001012024111003")

    def test_pickle_and_copy(self) -> None:
        """A value survives pickling and copying."""
        value = nip.parse(PPPK_24, kind=PPPK)
        assert value == pickle.loads(pickle.dumps(value))
        assert value == copy.deepcopy(value)


class TestGetBirthDate:
    def test_pns(self) -> None:
        """The birth date of a NIP is a pendulum Date."""
        assert pendulum.Date(1986, 9, 26) == nip.get_birth_date(EXAMPLE_FORMATTED)

    def test_pppk(self) -> None:
        """The birth date of an NI PPPK is read with kind=PPPK."""
        assert pendulum.Date(1990, 1, 1) == nip.get_birth_date(PPPK_21, kind=PPPK)

    def test_leap_day(self) -> None:
        """29 February 2000 decodes."""
        assert pendulum.Date(2000, 2, 29) == nip.get_birth_date("200002292020011001")

    def test_invalid_raises(self) -> None:
        """An invalid number raises."""
        with pytest.raises(InvalidComponent, match=r"\[nip\.tmt_month\]"):
            nip.get_birth_date(PPPK_21)


class TestGetSex:
    def test_male_and_female(self) -> None:
        """Digit 15 decodes as male (1) or female (2)."""
        assert Sex.MALE is nip.get_sex(EXAMPLE)
        assert Sex.FEMALE is nip.get_sex("198609262015052001")
        assert Sex.FEMALE is nip.get_sex(PPPK_24, kind=PPPK)

    def test_invalid_raises(self) -> None:
        """An invalid sex digit raises nip.sex."""
        with pytest.raises(InvalidComponent, match=r"\[nip\.sex\]"):
            nip.get_sex("198609262015053001")


class TestPlausibility:
    def test_example_is_plausible(self) -> None:
        """The documented example yields no finding, with or without a reference date."""
        assert () == nip.plausibility(EXAMPLE)
        assert () == nip.plausibility(EXAMPLE, on=dt.date(2025, 1, 1))

    def test_pppk_example_is_plausible(self) -> None:
        """The NI PPPK examples yield no finding."""
        assert () == nip.plausibility(PPPK_21, kind=PPPK, on=dt.date(2025, 1, 1))
        assert () == nip.plausibility(PPPK_24, kind=PPPK, on=dt.date(2025, 1, 1))

    def test_invalid_raises(self) -> None:
        """An invalid number raises its validation error, not a finding."""
        with pytest.raises(InvalidComponent):
            nip.plausibility("198609262015051000")

    @pytest.mark.parametrize(
        ("number", "age"),
        [("200101012015051001", 14), ("199705022015051001", 17), ("201505012015051001", 0)],
    )
    def test_pns_under_18(self, number: str, age: int) -> None:
        """A holder under 18 on the 1st of the TMT month is reported with the age."""
        (finding,) = nip.plausibility(number)
        assert "nip.tmt_before_18" == finding.code
        assert {"age": age} == dict(finding.params)
        assert "PP 11/2017 Pasal 23" in finding.source

    def test_pns_turning_18_on_tmt_is_fine(self) -> None:
        """A holder turning 18 exactly on the TMT is not reported."""
        assert () == nip.plausibility("199705012015051001")

    def test_pppk_under_18(self) -> None:
        """A PPPK appointed in a year before turning 18 is reported with that year's age."""
        (finding,) = nip.plausibility("200801012025211001", kind=PPPK)
        assert "nip.tmt_before_18" == finding.code
        assert {"age": 17} == dict(finding.params)
        assert "analogy" in finding.source
        assert () == nip.plausibility("200701012025211001", kind=PPPK)

    def test_pns_future_tmt(self) -> None:
        """A TMT after the reference date is reported; one on it is not."""
        (finding,) = nip.plausibility(EXAMPLE, on=dt.date(2015, 4, 30))
        assert "nip.tmt_future" == finding.code
        assert {"on": "2015-04-30"} == dict(finding.params)
        assert () == nip.plausibility(EXAMPLE, on=dt.date(2015, 5, 1))

    def test_pppk_future_year(self) -> None:
        """A PPPK appointment year after the reference year is reported."""
        (finding,) = nip.plausibility(PPPK_24, kind=PPPK, on=dt.date(2024, 12, 31))
        assert "nip.tmt_future" == finding.code
        assert () == nip.plausibility(PPPK_24, kind=PPPK, on=dt.date(2025, 1, 1))

    def test_reference_datetime_and_pendulum(self) -> None:
        """A datetime counts by its calendar date; pendulum dates work as dates."""
        moment = pendulum.datetime(2015, 4, 30, 23, 59, tz="Asia/Jakarta")
        assert ["nip.tmt_future"] == [f.code for f in nip.plausibility(EXAMPLE, on=moment)]
        assert () == nip.plausibility(EXAMPLE, on=pendulum.Date(2015, 5, 1))
        assert () == nip.plausibility(EXAMPLE, on=dt.datetime(2015, 5, 1, tzinfo=dt.UTC))

    def test_no_clock_without_reference(self) -> None:
        """Without ``on`` a TMT far in the future is not reported."""
        assert () == nip.plausibility("198609269999121001")

    @pytest.mark.parametrize("on", ["2015-05-01", 2015, dt.time(1)])
    def test_bad_reference_raises(self, on: object) -> None:
        """A reference that is not a date raises InvalidType."""
        with pytest.raises(InvalidType) as info:
            nip.plausibility(EXAMPLE, on=on)  # type: ignore[arg-type]
        assert {"expected": "date", "got": type(on).__name__} == dict(info.value.params)

    @pytest.mark.parametrize("code", ["00", "05", "20", "30", "99"])
    def test_pppk_code_outside_usual_range(self, code: str) -> None:
        """A PPPK code outside 21-29 is reported with the code."""
        (finding,) = nip.plausibility(f"19900101{2024}{code}1002", kind=PPPK)
        assert "nip.pppk_code" == finding.code
        assert {"code": code} == dict(finding.params)

    @pytest.mark.parametrize("code", ["21", "24", "29"])
    def test_pppk_code_in_usual_range(self, code: str) -> None:
        """PPPK codes 21-29 are not reported."""
        assert () == nip.plausibility(f"19900101{2024}{code}1002", kind=PPPK)

    def test_pppk_year_before_first_intake(self) -> None:
        """A PPPK appointment year before 2019 is reported, and the year is configurable."""
        (finding,) = nip.plausibility("199001012018211002", kind=PPPK)
        assert "nip.pppk_year" == finding.code
        assert {"year": 2018, "first_year": 2019} == dict(finding.params)
        assert "unconfirmed" in finding.source
        assert () == nip.plausibility("199001012019211002", kind=PPPK)
        assert () == nip.plausibility("199001012018211002", kind=PPPK, first_pppk_year=2018)
        assert 2019 == nip.FIRST_PPPK_YEAR

    def test_pns_is_never_checked_against_pppk_year(self) -> None:
        """An old TMT (converted NIP) is not reported for a PNS."""
        assert () == nip.plausibility("195504251984111001")

    @pytest.mark.parametrize("year", [2019.0, "2019", True, None])
    def test_bad_first_pppk_year_raises(self, year: object) -> None:
        """A first_pppk_year that is not an int raises InvalidType."""
        with pytest.raises(InvalidType):
            nip.plausibility(PPPK_21, kind=PPPK, first_pppk_year=year)  # type: ignore[arg-type]

    def test_findings_in_digit_order(self) -> None:
        """Several findings come in digit order and are all warnings without a path."""
        findings = nip.plausibility("200501012018051001", kind=PPPK, on=dt.date(2017, 1, 1))
        assert ["nip.pppk_year", "nip.tmt_before_18", "nip.tmt_future", "nip.pppk_code"] == [
            f.code for f in findings
        ]
        for finding in findings:
            assert isinstance(finding, Finding)
            assert Severity.WARNING is finding.severity
            assert "" == finding.path
            assert finding.source

    @given(kinds_and_nips(), st.dates())
    def test_findings_are_private_warnings(self, case: tuple[AsnType, str], on: dt.date) -> None:
        """Every finding is a rendered warning whose params and text never show the number."""
        kind, number = case
        for finding in nip.plausibility(number, kind=kind, on=on):
            assert Severity.WARNING is finding.severity
            assert "" == finding.path
            _assert_private(repr(finding), number)
            _assert_private(repr(dict(finding.params)), number)
            for lang in LANGUAGES:
                text = finding.message(lang)
                _assert_rendered(finding.code, text)
                _assert_private(text, number)

    @example(case=(PNS, EXAMPLE))
    @given(kinds_and_nips())
    def test_never_raises_for_valid_numbers(self, case: tuple[AsnType, str]) -> None:
        """A valid number always gets a tuple of findings, with or without a date."""
        kind, number = case
        assert isinstance(nip.plausibility(number, kind=kind), tuple)
        assert isinstance(nip.plausibility(number, kind=kind, on=dt.date.max), tuple)
