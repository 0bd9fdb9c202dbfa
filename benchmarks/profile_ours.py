"""Where our time goes: a cProfile of the library's load path, and measured what-ifs.

Part 1 profiles ``serialization.from_dict`` and ``serialization.dumps`` on the synthetic
records with `cProfile` (which slows every call down, so read its shares, not its times).

Part 2 times changes the library could make, built here from its public pieces
(`serialization.make_converter` plus cattrs hook registration; nothing in ``src/`` is
touched), beside the unchanged library API, in the same run and the same way as
``bench_officials.py`` (best of ``repeat``, interleaved, GC off during each run):

* a cached `kode_wilayah.parse` (KodeWilayah is immutable, and a city's data repeats a
  few dozen unit codes);
* a cached date hook (dates repeat too: 16 years of start dates are 5,840 strings);
* the extra-key check of each record as ``keys() <= allowed`` instead of cattrs'
  ``set(keys) - allowed``, which builds a set per record;
* `json.loads` without the duplicate-key hook (measures what refusing repeated keys costs);
* plain `str` fields written without a hook call (the library's `str` unstructure hook,
  there for StrEnum members, is called for every plain string field too).

Part 3 breaks one record's load into its pieces with `timeit` (best of 5 x 200,000 calls).

Run: ``uv run --group bench python benchmarks/profile_ours.py [--n 100000] [--repeat 5]``.
"""

import argparse
import cProfile
import datetime as dt
import functools
import io
import json
import pstats
import timeit

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import cattrs
import pendulum

from bench_officials import best_of
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn
from records import MAX_JSON_BYTES, MSGSPEC, OURS, PYDANTIC, Official, make_records, to_json

from birokrasi_retreat import serialization
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.ranks import Golongan


__all__ = ["main", "profile", "what_if"]

_OFFICIALS = list[Official]


def profile(n: int, top: int = 14) -> str:
    """Profile loading and dumping ``n`` records; return the top functions by own time."""
    plain = make_records(n)
    serialization.from_dict(plain[:10], _OFFICIALS)  # build the hooks outside the profile
    out = io.StringIO()
    for label, func, arg in (
        ("from_dict", lambda data: serialization.from_dict(data, _OFFICIALS), plain),
        ("dumps", serialization.dumps, serialization.from_dict(plain, _OFFICIALS)),
    ):
        profiler = cProfile.Profile()
        profiler.enable()
        func(arg)
        profiler.disable()
        out.write(f"\n### {label}, {n} records (cProfile, sorted by own time)\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _cached_structure(converter: cattrs.Converter, cls: Any, size: int) -> None:
    """Put an LRU cache keyed by the input string in front of ``converter``'s hook for ``cls``."""
    hook = converter.get_structure_hook(cls)
    cached = functools.lru_cache(maxsize=size)(lambda text: hook(text, cls))

    def structure(value: object, _: object) -> object:
        if type(value) is str:
            return cached(value)
        return hook(value, cls)

    converter.register_structure_hook(cls, structure)


def _lean_extra_keys(converter: cattrs.Converter, cls: type) -> None:
    """Check extra keys with ``keys() <= allowed`` (no set built per record)."""
    inner: Callable[[Any, Any], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=False
    )
    allowed = frozenset(field.name for field in attrs.fields(cls))

    def structure(value: Any, _: object) -> object:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise TypeError(type(value).__name__)  # the library raises data.type here
        if not value.keys() <= allowed:
            raise ForbiddenExtraKeysError("", cls, set(value) - allowed)
        return inner(value, cls)

    converter.register_structure_hook(cls, structure)


def _converter(
    *, cache_unit: bool = False, cache_date: bool = False, lean_keys: bool = False
) -> cattrs.Converter:
    converter = serialization.make_converter(detailed=False)
    if cache_unit:
        _cached_structure(converter, KodeWilayah, 4096)
    if cache_date:
        _cached_structure(converter, pendulum.Date, 16384)
    if lean_keys:
        _lean_extra_keys(converter, Official)
    return converter


def _load_jobs(n: int) -> list[tuple[str, Callable[[Any], object], object]]:
    plain = make_records(n)
    document = to_json(plain)
    unit = _converter(cache_unit=True).get_structure_hook(_OFFICIALS)
    date = _converter(cache_date=True).get_structure_hook(_OFFICIALS)
    keys = _converter(lean_keys=True).get_structure_hook(_OFFICIALS)
    both = _converter(cache_unit=True, lean_keys=True).get_structure_hook(_OFFICIALS)

    def loads_with(hook: Callable[[Any, Any], object], document: bytes) -> object:
        # The library's parser, with its duplicate-key check and size cap, then ``hook``.
        data = serialization.loads(document, Any, max_bytes=MAX_JSON_BYTES)
        return hook(data, _OFFICIALS)

    return [
        ("dicts: library from_dict", OURS.from_dicts, plain),
        ("dicts: A = cached kode_wilayah.parse", lambda d: unit(d, _OFFICIALS), plain),
        ("dicts: cached date hook", lambda d: date(d, _OFFICIALS), plain),
        ("dicts: B = extra keys as keys() <= allowed", lambda d: keys(d, _OFFICIALS), plain),
        ("dicts: A + B", lambda d: both(d, _OFFICIALS), plain),
        ("dicts: pydantic", PYDANTIC.from_dicts, plain),
        ("dicts: msgspec", MSGSPEC.from_dicts, plain),
        ("JSON: library loads", OURS.from_json, document),
        ("JSON: parse only, library (duplicate keys refused)", _parse_library, document),
        ("JSON: parse only, plain json.loads", json.loads, document),
        ("JSON: library parse, A + B", functools.partial(loads_with, both), document),
        ("JSON: plain json.loads, A + B", lambda d: both(json.loads(d), _OFFICIALS), document),
        ("JSON: pydantic", PYDANTIC.from_json, document),
        ("JSON: msgspec", MSGSPEC.from_json, document),
    ]


def _parse_library(document: bytes) -> object:
    return serialization.loads(document, Any, max_bytes=MAX_JSON_BYTES)


def _dump_jobs(n: int) -> list[tuple[str, Callable[[Any], object], object]]:
    plain = make_records(n)
    ours = OURS.from_dicts(plain)
    inline = serialization.make_converter(detailed=False)
    # Plain str fields become attribute reads in cattrs' generated code when the hook is
    # cattrs' own identity; the library would keep its hook for str subclasses (StrEnum).
    inline.register_unstructure_hook(str, identity)
    return [
        ("to dicts: library to_dict", OURS.to_dicts, ours),
        ("to dicts: plain str fields inline", inline.unstructure, ours),
        ("to dicts: pydantic", PYDANTIC.to_dicts, PYDANTIC.from_dicts(plain)),
        ("to dicts: msgspec", MSGSPEC.to_dicts, MSGSPEC.from_dicts(plain)),
        ("to JSON: library dumps", OURS.to_json, ours),
        ("to JSON: json.dumps of ready dicts (encoder only)", _dumps_library_args, plain),
        ("to JSON: pydantic", PYDANTIC.to_json, PYDANTIC.from_dicts(plain)),
        ("to JSON: msgspec", MSGSPEC.to_json, MSGSPEC.from_dicts(plain)),
    ]


def _dumps_library_args(data: object) -> str:
    # The arguments serialization.dumps passes to json.dumps.
    return json.dumps(data, ensure_ascii=False, indent=None, allow_nan=False)


def what_if(n: int, repeat: int) -> str:
    """Time the what-if variants; return a Markdown table of microseconds per record."""
    lines = ["| variant | us per record |", "|---|---:|"]
    for jobs in (_load_jobs(n), _dump_jobs(n)):
        for _, func, arg in jobs:  # warm up every hook and cache on a slice
            func(arg[:200] if isinstance(arg, list) else arg)
        best = best_of(jobs, repeat, gc_enabled=False)
        lines.extend(f"| {name} | {best[name] / n * 1e6:.2f} |" for name, _, _ in jobs)
    return "\n".join(lines)


def breakdown(number: int = 200_000) -> str:
    """Time the pieces of one record's load; return a Markdown table of microseconds."""
    record = make_records(1)[0]
    converter = serialization.make_converter(detailed=False)
    loaded = converter.structure(record, Official)
    fields = {name: getattr(loaded, name) for name in record}
    allowed = frozenset(record)
    namespace: dict[str, object] = {
        "record": record,
        "fields": fields,
        "allowed": allowed,
        "Official": Official,
        "attrs": attrs,
        "dt": dt,
        "nip": nip,
        "kode_wilayah": kode_wilayah,
        "whole": converter.get_structure_hook(Official),
        "date_hook": converter.get_structure_hook(pendulum.Date),
        "enum_hook": converter.get_structure_hook(Golongan),
        "str_hook": converter.get_structure_hook(str),
        "unit_hook": converter.get_structure_hook(KodeWilayah),
        "pendulum": pendulum,
        "Golongan": Golongan,
        "KodeWilayah": KodeWilayah,
    }
    on, off = True, False  # whether attrs validators run while the piece is timed
    pieces = (
        ("one record, library hook (all below)", "whole(record, Official)", on),
        ("NIP rule: nip.validate (shared with the peers)", "nip.validate(record['nip'])", on),
        (
            "unit rule: kode_wilayah.validate (the peers)",
            "kode_wilayah.validate(record['unit'])",
            on,
        ),
        ("unit hook: kode_wilayah.parse, a KodeWilayah (ours)", "unit_hook(record['unit'], 0)", on),
        ("date hook: a pendulum.Date (ours)", "date_hook(record['start'], pendulum.Date)", on),
        ("date.fromisoformat (msgspec: natively)", "dt.date.fromisoformat(record['start'])", on),
        ("enum hook: Golongan by dict lookup", "enum_hook(record['golongan'], Golongan)", on),
        ("str hook, one field (three per record)", "str_hook(record['name'], str)", on),
        ("Official(...) with its validators", "Official(**fields)", on),
        ("Official(...) with validators disabled", "Official(**fields)", off),
        ("extra keys: set(keys) - allowed (cattrs)", "set(record.keys()) - allowed", on),
        ("extra keys: keys() <= allowed", "record.keys() <= allowed", on),
    )
    lines = ["| piece | us |", "|---|---:|"]
    for label, statement, validators_on in pieces:
        attrs.validators.set_disabled(not validators_on)
        try:
            best = min(timeit.repeat(statement, globals=namespace, number=number, repeat=5))
        finally:
            attrs.validators.set_disabled(False)
        lines.append(f"| {label} | {best / number * 1e6:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the profile, the what-if table and the breakdown of one record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="records (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, best counts (default 5)")
    parser.add_argument("--profile-n", type=int, default=20_000, help="records to profile")
    parser.add_argument("--only", choices=["profile", "what-if", "breakdown"], help="one part")
    args = parser.parse_args(argv)
    if args.only in {None, "profile"}:
        print(profile(args.profile_n))
    if args.only in {None, "what-if"}:
        print(what_if(args.n, args.repeat))
        print()
    if args.only in {None, "breakdown"}:
        print(breakdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
