"""Tests for birokrasi_retreat._privacy: masking identifiers and redacting free text.

Worked values pin the exact outputs the models, rules and renderers show today; the
properties check the promise behind them (UU 27/2022, sources: uu-pdp): no valid NIP,
NI PPPK or NIK survives `redact`, whatever text surrounds it and however it is typed,
and `mask` never echoes a number. NIPs and NIKs are synthetic.
"""

from __future__ import annotations

import re

import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import _privacy
from birokrasi_retreat import strategies as brst
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.ranks import AsnType


NIP = "198609262015051001"
NI_PPPK = "199001012024211002"
NIK = "3573010101900001"

# Sixteen digits in a row, with any separators people type between them: what must
# never be left in a redacted text. ``\d`` also matches the non-ASCII decimal digits.
_SIXTEEN = re.compile(r"\d(?:[ .\-]*\d){15}")


@st.composite
def niks(draw: st.DrawFn) -> str:
    """A synthetic NIK: region (6 digits), birth date DDMMYY (+40 on the day for a
    woman), sequence 0001-9999 (sources: nik)."""
    region = f"{draw(st.integers(11, 94)):02}{draw(st.integers(1, 99)):02}"
    region += f"{draw(st.integers(1, 99)):02}"
    birth = draw(brst.dates())
    day = birth.day + (40 if draw(st.booleans()) else 0)
    sequence = draw(st.integers(1, 9999))
    return f"{region}{day:02}{birth.month:02}{birth.year % 100:02}{sequence:04}"


def _grouped(number: str, sizes: list[int], separators: list[str]) -> str:
    """``number`` cut into groups of the given sizes, joined by the given separators."""
    parts: list[str] = []
    start = 0
    for size in sizes:
        if start >= len(number):
            break
        parts.append(number[start : start + size])
        start += size
    if start < len(number):
        parts.append(number[start:])
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += separators[index % len(separators)] + part
    return out


identifiers = st.one_of(
    brst.nips().map(lambda value: value.number),
    brst.ni_pppks().map(lambda value: value.number),
    niks(),
)
separators = st.lists(st.text(st.sampled_from(" .-"), max_size=3), min_size=1, max_size=5)
group_sizes = st.lists(st.integers(1, 8), min_size=1, max_size=8)


class TestMask:
    @pytest.mark.parametrize(
        ("number", "shown"),
        [
            (NIP, "******** ****** * 001"),
            ("19860926 201505 1 001", "******** ****** * 001"),
            (NI_PPPK, "******** **** ** * 002"),
            (NIK, "*************001"),
            ("3573 0101 0190 0001", "*************001"),
            ("1986-0926-2015", "************"),
            ("198609262015051000", "******************"),
            ("", ""),
        ],
    )
    def test_layout_it_is_valid_in(self, number: str, shown: str) -> None:
        """Without a kind: a NIP, else an NI PPPK, else a NIK; anything else all stars."""
        assert shown == _privacy.mask(number)

    def test_a_nip_field_never_reads_a_nik(self) -> None:
        """With nik=False a 16-digit value is an invalid NIP: all stars."""
        assert "****************" == _privacy.mask(NIK, nik=False)
        assert "******** ****** * 001" == _privacy.mask(NIP, nik=False)
        assert "******** **** ** * 002" == _privacy.mask(NI_PPPK, nik=False)

    def test_explicit_kind_is_honoured(self) -> None:
        """A given kind masks in that layout only: an NI PPPK read as a NIP is all stars."""
        assert "******************" == _privacy.mask(NI_PPPK, AsnType.PNS)
        assert "******** **** ** * 002" == _privacy.mask(NI_PPPK, AsnType.PPPK)
        assert "****************" == _privacy.mask(NIK, AsnType.PNS)

    @pytest.mark.parametrize("value", [None, 198609262015051001, b"198609262015051001", ["x"]])
    def test_not_text_is_a_question_mark(self, value: object) -> None:
        """A value that is not a str shows as "?" and never raises."""
        assert "?" == _privacy.mask(value)
        assert "?" == _privacy.mask(value, AsnType.PNS)

    def test_str_subclass_is_text(self) -> None:
        """A str subclass is masked as its text."""

        class Text(str):
            __slots__ = ()

        assert "******** ****** * 001" == _privacy.mask(Text(NIP))

    def test_reprs(self) -> None:
        """The repr helpers quote the masked form and keep None."""
        assert "'******** ****** * 001'" == _privacy.masked_repr(NIP)
        assert "'*************001'" == _privacy.masked_repr(NIK)
        assert "'******************'" == _privacy.masked_repr(NI_PPPK, AsnType.PNS)
        assert "None" == _privacy.masked_repr(None)
        assert "'****************'" == _privacy.masked_nip_repr(NIK)
        assert "None" == _privacy.masked_nip_repr(None)

    def test_nip_kind(self) -> None:
        """PNS first, else PPPK, else None."""
        assert AsnType.PNS is _privacy.nip_kind("19860926 201505 1 001")
        assert AsnType.PPPK is _privacy.nip_kind(NI_PPPK)
        assert _privacy.nip_kind(NIK) is None

    @given(brst.nips() | brst.ni_pppks(), st.booleans())
    def test_agrees_with_ids_nip_mask(self, value: _nip.NIP, formatted: bool) -> None:
        """For a valid NIP or NI PPPK, mask is ids.nip.mask in its kind, with or without it."""
        number = value.formatted if formatted else value.number
        expected = _nip.mask(number, kind=value.kind)
        assert expected == _privacy.mask(number, value.kind)
        assert expected == _privacy.mask(number, value.kind, nik=False)
        if _privacy.nip_kind(number) is value.kind:
            assert expected == _privacy.mask(number)

    @given(st.text(st.sampled_from("0123456789 .-")) | st.text(), st.sampled_from(AsnType))
    def test_agrees_with_ids_nip_mask_for_any_text(self, text: str, kind: AsnType) -> None:
        """Given a kind, mask is ids.nip.mask for any text, valid or not."""
        assert _nip.mask(text, kind=kind) == _privacy.mask(text, kind)

    @given(identifiers | st.text(st.sampled_from("0123456789 .-"), min_size=1), st.booleans())
    def test_never_returns_the_digits_whole(self, number: str, nik: bool) -> None:
        """At most the last 3 digits show: never the number's digits whole."""
        shown = _privacy.mask(number, nik=nik)
        digits = "".join(char for char in shown if char.isdigit())
        compact = _nip.compact(number)
        assert len(digits) <= 3
        assert compact.endswith(digits)
        if len(compact) > 3:
            assert compact not in shown


class TestRedact:
    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            (NIP, "***************001"),
            ("NIP 19860926 201505 1 001.", "NIP ******** ****** * 001."),
            ("1986.0926.2015.0510.01", "****.****.****.***0.01"),
            (f"NIK {NIK}", "NIK *************001"),
            ("1234 5678 9012 3456", "**** **** **** *456"),
            ("rater-" + NIP, "rater-***************001"),
            # Any number of separators, as typed: the run goes on.
            ("19860926  201505 - 1 001", "********  ****** - * 001"),
            # Non-ASCII digits are digits.
            ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦", "*************٤٥٦"),
            # A comma, a slash or a letter ends a run; 15 digits are not personal.
            ("123456789012345, 1986-09-26", "123456789012345, 1986-09-26"),
            ("12345678/12345678", "12345678/12345678"),
            ("", ""),
        ],
    )
    def test_worked_values(self, text: str, shown: str) -> None:
        """Runs of 16+ digits are starred but for their last 3; separators stay."""
        assert shown == _privacy.redact(text)
        assert (shown != text) is _privacy.has_personal_number(text)

    def test_redacted_repr(self) -> None:
        """The repr helper quotes the redacted text and keeps None."""
        assert "'NIK *************001'" == _privacy.redacted_repr(f"NIK {NIK}")
        assert "None" == _privacy.redacted_repr(None)

    @given(
        st.text(),
        identifiers,
        group_sizes,
        separators,
        st.text(),
    )
    def test_no_identifier_survives(
        self, before: str, number: str, sizes: list[int], between: list[str], after: str
    ) -> None:
        """A valid NIP, NI PPPK or NIK embedded in any text, however grouped, is starred."""
        typed = _grouped(number, sizes, between)
        text = _privacy.redact(before + typed + after)
        assert _SIXTEEN.search(text) is None
        assert number not in text
        assert number[:-3] not in re.sub(r"[ .\-]", "", text)

    @given(st.text(st.sampled_from("0123456789 .-ab\n١")) | st.text())
    def test_no_sixteen_digits_survive(self, text: str) -> None:
        """Whatever the text, no 16 digits in a row (separators allowed) are left."""
        redacted = _privacy.redact(text)
        assert _SIXTEEN.search(redacted) is None
        assert len(redacted) == len(text)
        assert _privacy.redact(redacted) == redacted
        assert _privacy.has_personal_number(text) is (redacted != text)

    @given(st.text(st.sampled_from("0123456789 .-ab")))
    def test_ascii_and_unicode_texts_are_read_alike(self, text: str) -> None:
        """ASCII text takes a faster path: a non-ASCII letter after it changes nothing."""
        assert _privacy.redact(text) + "é" == _privacy.redact(text + "é")
        assert _privacy.has_personal_number(text) is _privacy.has_personal_number(text + "é")

    @given(st.text(st.sampled_from("0123456789 .-ab")))
    def test_only_digits_become_stars(self, text: str) -> None:
        """Redacting changes digits into stars only, and keeps the last 3 of each run."""
        redacted = _privacy.redact(text)
        for original, shown in zip(text, redacted, strict=True):
            assert shown in (original, "*")
            assert shown == original or original.isdigit()
