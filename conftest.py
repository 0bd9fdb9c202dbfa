"""Shared pytest configuration: hypothesis profiles and Sybil collection of the Markdown docs.

Profiles: ``ci`` (chosen when ``CI`` is set: derandomized, more examples), ``dev`` (the
default) and ``fast``; ``HYPOTHESIS_PROFILE`` overrides the choice. Sybil runs every
```` ```python ```` block of ``README.md`` and ``docs/**/*.md`` as a test, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

import os
import sys

from typing import TYPE_CHECKING

import pytest

from hypothesis import HealthCheck, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser


if TYPE_CHECKING:
    from collections.abc import Iterator


settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

# Pictures are drawn off screen; matplotlib reads this when it is first imported.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close the figures a test or example drew (matplotlib warns past 20 open ones)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["*.md"],
    excludes=["CHANGELOG.md"],
).pytest()
