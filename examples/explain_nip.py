"""Explain NIPs and NI PPPKs: their layout, masking, hard errors and plausibility warnings.

Run it from a clone of the repository::

    uv run python examples/explain_nip.py

Every number below is synthetic. The first is the example that the sources use to
explain the layout (Perka BKN 22/2007); the others were invented for this script. A real
NIP is personal data (UU 27/2022): it reveals its holder's date of birth and sex, so a
real program prints only `nip.mask` and reads the decoded parts for a stated purpose.
"""

from __future__ import annotations

import datetime as dt

from typing import Final

from birokrasi_retreat.errors import ValidationError
from birokrasi_retreat.ids import nip
from birokrasi_retreat.ranks import AsnType


SAMPLES: Final[tuple[tuple[str, AsnType, str], ...]] = (
    ("19860926 201505 1 001", AsnType.PNS, "the documented example"),
    ("19790412 200501 2 014", AsnType.PNS, "a woman, sequence 014"),
    ("19650817 198703 1 002", AsnType.PNS, "appointed in 1987: a converted NIP, still valid"),
    ("20010101 201505 1 001", AsnType.PNS, "appointed at 14: valid but implausible"),
    ("19860926 202701 1 001", AsnType.PNS, "appointed after the reference date"),
    ("19900101 2024 21 1 002", AsnType.PPPK, "an NI PPPK: year 2024, code 21"),
    ("19860926 201505 1 001", AsnType.PPPK, "the PNS example misread as an NI PPPK"),
    ("19860230 201505 1 001", AsnType.PNS, "born on 30 February: invalid"),
    ("19860926 201513 1 001", AsnType.PNS, "TMT month 13: invalid"),
    ("19860926 201505 1 000", AsnType.PNS, "sequence 000: invalid"),
)

# The plausibility check never reads the clock: the "in the future" test needs a date.
REFERENCE_DATE: Final = dt.date(2026, 1, 1)


def explain(number: str, kind: AsnType) -> list[str]:
    """Return the lines that describe one number read as ``kind``."""
    try:
        value = nip.parse(number, kind=kind)
    except ValidationError as error:
        # The error names the problem without repeating the number.
        return [
            f"  {nip.mask(number, kind=kind)}  invalid",
            f"    {error.code}: {error.message('en')}",
        ]
    # Printing the decoded parts is fine here only because the people are synthetic.
    lines = [
        f"  {value.masked}  valid (masked form)",
        f"    born {value.birth_date.isoformat()}, {value.sex.name.lower()}",
    ]
    if value.tmt_cpns is not None:
        lines.append(f"    TMT CPNS (first appointment) {value.tmt_cpns.isoformat()[:7]}")
    else:
        lines.append(
            f"    first appointed as calon PPPK in {value.appointment_year};"
            f" code {value.pppk_code} (meaning unconfirmed)"
        )
    lines.append(f"    sequence {value.sequence:03d}")
    findings = nip.plausibility(value.number, kind=value.kind, on=REFERENCE_DATE)
    lines.extend(f"    warning {finding.code}: {finding.message('en')}" for finding in findings)
    return lines


def main() -> None:
    """Explain every sample number."""
    print(f"Synthetic NIPs and NI PPPKs (warnings as of {REFERENCE_DATE.isoformat()})")
    for number, kind, note in SAMPLES:
        print()
        print(f"{kind.value}: {note}")
        for line in explain(number, kind):
            print(line)


if __name__ == "__main__":
    main()
