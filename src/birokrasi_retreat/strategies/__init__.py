"""Hypothesis strategies for birokrasi-retreat types, for your own property-based tests.

Import it the way you import hypothesis's own strategies::

    from birokrasi_retreat import strategies as brst

Every strategy generates **valid** values only (they pass the library's validation with
no errors and no plausibility warnings), built from **synthetic** people: a generated NIP
encodes an invented birth date and never names anyone. The strategies are also
registered with `hypothesis.strategies.from_type` through hypothesis's entry point, so
``st.from_type(NIP)`` and ``st.builds(YourModel)`` work with no setup (if you measure
coverage with pytest-cov, run ``coverage run -m pytest`` instead: see the hypothesis
documentation on entry points).

This module needs the ``hypothesis`` extra: ``pip install "birokrasi-retreat[hypothesis]"``.
`birokrasi_retreat` itself never imports it.

Examples:
    >>> from hypothesis import given
    >>> from birokrasi_retreat import strategies as brst
    >>> from birokrasi_retreat.ids import nip
    >>> @given(brst.nips())
    ... def test_format_round_trip(value):
    ...     assert nip.parse(nip.format(value.number)) == value
    >>> test_format_round_trip()
"""

from birokrasi_retreat.strategies._ids import (
    INDONESIAN_TIMEZONES,
    asn_types,
    aware_datetimes,
    dates,
    eselons,
    golongans,
    kode_wilayahs,
    ni_pppks,
    nips,
    position_families,
    sexes,
)
from birokrasi_retreat.strategies._organization import (
    appointments,
    officials,
    pemdas,
    positions,
    rosters,
    units,
)


__all__ = [
    "INDONESIAN_TIMEZONES",
    "appointments",
    "asn_types",
    "aware_datetimes",
    "dates",
    "eselons",
    "golongans",
    "kode_wilayahs",
    "ni_pppks",
    "nips",
    "officials",
    "pemdas",
    "position_families",
    "positions",
    "rosters",
    "sexes",
    "units",
]


def _hypothesis_setup_hook() -> None:
    """Register the library's types with `hypothesis.strategies.from_type`.

    Called by hypothesis through the ``hypothesis`` entry point of this distribution.

    Examples:
        >>> _hypothesis_setup_hook()
        >>> from hypothesis import find, strategies as st
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
        >>> find(st.from_type(KodeWilayah), lambda code: True).level
        <Level.PROVINSI: 1>
    """
    # Imported here: the hook runs when hypothesis loads, before any test needs them.
    import pendulum  # noqa: PLC0415

    from hypothesis import strategies as st  # noqa: PLC0415

    from birokrasi_retreat.ids.kode_wilayah import KodeWilayah  # noqa: PLC0415
    from birokrasi_retreat.ids.nip import NIP  # noqa: PLC0415
    from birokrasi_retreat.organization import (  # noqa: PLC0415
        Appointment,
        Kecamatan,
        Kelurahan,
        Official,
        Pemda,
        PerangkatDaerah,
        Position,
        UnitKind,
    )
    from birokrasi_retreat.roster import Roster  # noqa: PLC0415

    st.register_type_strategy(NIP, st.one_of(nips(), ni_pppks()))
    st.register_type_strategy(KodeWilayah, kode_wilayahs())
    st.register_type_strategy(pendulum.DateTime, aware_datetimes())
    st.register_type_strategy(pendulum.Date, dates())
    st.register_type_strategy(Official, officials())
    st.register_type_strategy(Position, positions())
    st.register_type_strategy(Appointment, appointments())
    st.register_type_strategy(Roster, rosters())
    st.register_type_strategy(Pemda, pemdas())
    for cls, kind in (
        (Kecamatan, UnitKind.KECAMATAN),
        (Kelurahan, UnitKind.KELURAHAN),
        (PerangkatDaerah, UnitKind.DINAS),
    ):
        st.register_type_strategy(cls, units(kinds=st.just(kind)))
