"""Robustness: junk in, only the library's own errors out.

Every loading entry point (`serialization.from_dict`, `loads`, `load`) and every
identifier module's ``is_valid`` is fed arbitrary JSON-like values, text and bytes. The
only exception allowed out of a loader is a `ValidationErrorGroup` (one ``except`` for
every failure, issue 14) whose every leaf has a catalogued code and a message that never
shows a whole NIP; ``is_valid`` never raises.
Every NIP here is synthetic (``198609262015051001``, sources: nip-layout).
"""

from __future__ import annotations

import tempfile
import types

from pathlib import Path
from typing import Any

import attrs
import pendulum

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import ids, serialization
from birokrasi_retreat.errors import BirokrasiRetreatError, ValidationErrorGroup, explain
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.messages import catalogue
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, Sex


EXAMPLE_NIP = "198609262015051001"


@attrs.frozen(kw_only=True)
class Peserta:
    """A participant: identifiers, ranks and dates (test fixture)."""

    nip: NIP
    region: KodeWilayah
    golongan: Golongan
    eselon: Eselon | None = None
    asn: AsnType = AsnType.PNS
    sex: Sex | None = None
    born: pendulum.Date | None = None


@attrs.frozen(kw_only=True)
class Jadwal:
    """A schedule: times, containers and scalars (test fixture)."""

    title: str
    start: pendulum.DateTime
    peserta: tuple[Peserta, ...] = ()
    tags: list[str] = attrs.field(factory=list)
    scores: dict[str, float] = attrs.field(factory=dict)
    pair: tuple[int, str] | None = None
    members: frozenset[str] = frozenset()
    open: bool = True
    size: int = 0


TARGETS: tuple[Any, ...] = (Peserta, Jadwal, NIP, KodeWilayah, list[Peserta], dict[str, Jadwal])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.sampled_from([EXAMPLE_NIP, "35.73.03.1006", "III/c", "2025-05-15", "PNS"])
    | st.just("2025-05-15T07:30:00+07:00[Asia/Jakarta]"),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _documents_for(cls: Any) -> st.SearchStrategy[object]:
    """Objects with the class's own keys (so checks run deep) but arbitrary values."""
    if not attrs.has(cls):
        return json_values
    keys = [field.name for field in attrs.fields(cls)]
    return st.fixed_dictionaries(
        {}, optional={key: json_values | _nested(cls, key) for key in keys}
    )


def _nested(cls: Any, key: str) -> st.SearchStrategy[object]:
    if cls is Jadwal and key == "peserta":
        return st.lists(_documents_for(Peserta), max_size=2)
    if cls is Peserta and key == "nip":
        return _documents_for(NIP)
    return json_values


def _check_error(error: BirokrasiRetreatError) -> None:
    """A group whose leaves have catalogued codes and render without the NIP."""
    assert isinstance(error, ValidationErrorGroup), type(error)
    found = list(error.leaves())
    assert found
    for leaf in found:
        assert leaf.code in catalogue(), leaf.code
    for lang in ("id", "en"):
        for line in explain(error, lang=lang):
            assert EXAMPLE_NIP not in line
    assert EXAMPLE_NIP not in str(error)


def _attempt(call: Any, cls: Any) -> None:
    """Run ``call``: it returns a ``cls`` or raises a checked library error, nothing else."""
    try:
        result = call()
    except BirokrasiRetreatError as error:
        _check_error(error)
    else:
        origin = getattr(cls, "__origin__", cls)
        assert isinstance(result, origin)


class TestFromDict:
    @given(st.sampled_from(TARGETS).flatmap(lambda cls: st.tuples(st.just(cls), json_values)))
    def test_arbitrary_values(self, case: tuple[Any, object]) -> None:
        """Arbitrary JSON-like values give an object or a library error."""
        cls, data = case
        _attempt(lambda: serialization.from_dict(data, cls), cls)

    @given(
        st.sampled_from(TARGETS).flatmap(lambda cls: st.tuples(st.just(cls), _documents_for(cls)))
    )
    def test_documents_with_the_right_keys(self, case: tuple[Any, object]) -> None:
        """Objects with the class's keys and junk values give an object or a library error."""
        cls, data = case
        _attempt(lambda: serialization.from_dict(data, cls), cls)

    @given(st.sampled_from(["nip", "region", "golongan", "born", "sex"]))
    def test_nip_never_shown(self, key: str) -> None:
        """A NIP put in any wrong place (value or key) never appears in the error."""
        for value in (EXAMPLE_NIP, int(EXAMPLE_NIP), {EXAMPLE_NIP: 1}, [EXAMPLE_NIP]):
            _attempt(lambda value=value: serialization.from_dict({key: value}, Peserta), Peserta)
        data = {"title": "x", "start": "x", "scores": {EXAMPLE_NIP: "x"}, EXAMPLE_NIP: 1}
        _attempt(lambda: serialization.from_dict(data, Jadwal), Jadwal)


class TestLoads:
    @given(
        st.sampled_from(TARGETS),
        st.sampled_from(["json", "toml", "yaml"]),
        st.one_of(st.text(), st.binary()),
    )
    def test_arbitrary_text_and_bytes(
        self, cls: Any, fmt: serialization.Format, text: str | bytes
    ) -> None:
        """Arbitrary text or bytes in any format give an object or a library error."""
        _attempt(lambda: serialization.loads(text, cls, format=fmt), cls)

    @given(st.sampled_from(TARGETS), st.sampled_from(["json", "yaml"]), json_values)
    def test_serialized_values(self, cls: Any, fmt: serialization.Format, data: object) -> None:
        """Well-formed documents of arbitrary values give an object or a library error."""
        try:
            text = serialization.dumps(data, format=fmt)
        except BirokrasiRetreatError as error:  # NaN cannot be written as JSON
            written = error  # a write: one error, no group
        else:
            _attempt(lambda: serialization.loads(text, cls, format=fmt), cls)
            return
        assert written.code in catalogue(), written.code


class TestLoad:
    @given(
        st.sampled_from(TARGETS),
        st.sampled_from([".json", ".toml", ".yaml", ".yml", ".txt"]),
        st.one_of(st.binary(), st.text().map(str.encode)),
    )
    def test_arbitrary_files(self, cls: Any, suffix: str, raw: bytes) -> None:
        """Arbitrary file content gives an object or a library error."""
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"data{suffix}"
            target.write_bytes(raw)
            _attempt(lambda: serialization.load(target, cls), cls)


def _id_modules() -> list[types.ModuleType]:
    return [
        module for name in ids.__all__ if isinstance(module := getattr(ids, name), types.ModuleType)
    ]


class TestIsValid:
    def test_modules_found(self) -> None:
        """The identifier modules are found (so the property below is not vacuous)."""
        assert {"birokrasi_retreat.ids.nip", "birokrasi_retreat.ids.kode_wilayah"} <= {
            module.__name__ for module in _id_modules()
        }

    @given(json_values | st.binary() | st.builds(object))
    def test_never_raises(self, value: object) -> None:
        """Every identifier module's is_valid returns a bool for any input."""
        for module in _id_modules():
            assert isinstance(module.is_valid(value), bool)
