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

from birokrasi_retreat.strategies._followup import (
    commitments,
    follow_ups,
    monitoring_visits,
    reviews,
    status_changes,
    unit_indicators,
)
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
from birokrasi_retreat.strategies._retreat import retreats, sessions, speakers, venues
from birokrasi_retreat.strategies._rubric import responses, rubrics, scales
from birokrasi_retreat.strategies._survey import surveys


__all__ = [
    "INDONESIAN_TIMEZONES",
    "appointments",
    "asn_types",
    "aware_datetimes",
    "commitments",
    "dates",
    "eselons",
    "follow_ups",
    "golongans",
    "kode_wilayahs",
    "monitoring_visits",
    "ni_pppks",
    "nips",
    "officials",
    "pemdas",
    "position_families",
    "positions",
    "responses",
    "retreats",
    "reviews",
    "rosters",
    "rubrics",
    "scales",
    "sessions",
    "sexes",
    "speakers",
    "status_changes",
    "surveys",
    "unit_indicators",
    "units",
    "venues",
]
