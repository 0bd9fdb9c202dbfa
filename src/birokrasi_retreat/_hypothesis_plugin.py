"""The hypothesis entry point: registers the library's types for `st.from_type`.

hypothesis runs this hook while it is being imported, which may be in the middle of
``import birokrasi_retreat.strategies`` (that module imports hypothesis). So this module
imports nothing of ours at its top, and registers *lazy* strategies: each is built from
`birokrasi_retreat.strategies` only when a test first asks for the type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy


def _lazy(build: Callable[[Any], SearchStrategy[Any]]) -> Callable[[type], SearchStrategy[Any]]:
    def resolve(_cls: type) -> SearchStrategy[Any]:
        from birokrasi_retreat import strategies  # noqa: PLC0415  # complete by now

        return build(strategies)

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register the library's types with `hypothesis.strategies.from_type`.

    Examples:
        >>> _hypothesis_setup_hook()
        >>> from hypothesis import find, strategies as st
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
        >>> find(st.from_type(KodeWilayah), lambda code: True).level
        <RegionLevel.PROVINSI: 1>
    """
    import pendulum  # noqa: PLC0415

    from hypothesis import strategies as st  # noqa: PLC0415

    from birokrasi_retreat.followup import (  # noqa: PLC0415
        Commitment,
        FollowUp,
        MonitoringVisit,
        Review,
        StatusChange,
        UnitIndicator,
    )
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
    from birokrasi_retreat.retreat import Retreat, Session, Speaker, Venue  # noqa: PLC0415
    from birokrasi_retreat.roster import Roster  # noqa: PLC0415
    from birokrasi_retreat.rubric import Response, Rubric, Scale  # noqa: PLC0415
    from birokrasi_retreat.survey import Survey  # noqa: PLC0415

    registrations: list[tuple[type, Callable[[Any], SearchStrategy[Any]]]] = [
        (NIP, lambda b: st.one_of(b.nips(), b.ni_pppks())),
        (KodeWilayah, lambda b: b.kode_wilayahs()),
        (pendulum.DateTime, lambda b: b.aware_datetimes()),
        (pendulum.Date, lambda b: b.dates()),
        (Official, lambda b: b.officials()),
        (Position, lambda b: b.positions()),
        (Appointment, lambda b: b.appointments()),
        (Roster, lambda b: b.rosters()),
        (Pemda, lambda b: b.pemdas()),
        (Kecamatan, lambda b: b.units(kinds=st.just(UnitKind.KECAMATAN))),
        (Kelurahan, lambda b: b.units(kinds=st.just(UnitKind.KELURAHAN))),
        (PerangkatDaerah, lambda b: b.units(kinds=st.just(UnitKind.DINAS))),
        (Venue, lambda b: b.venues()),
        (Speaker, lambda b: b.speakers()),
        (Session, lambda b: b.sessions()),
        (Retreat, lambda b: b.retreats()),
        (Scale, lambda b: b.scales()),
        (Rubric, lambda b: b.rubrics()),
        (Response, lambda b: b.rubrics().flatmap(b.responses)),
        (Survey, lambda b: b.surveys()),
        (StatusChange, lambda b: b.status_changes()),
        (Commitment, lambda b: b.commitments()),
        (Review, lambda b: b.reviews()),
        (MonitoringVisit, lambda b: b.monitoring_visits()),
        (UnitIndicator, lambda b: b.unit_indicators()),
        (FollowUp, lambda b: b.follow_ups()),
    ]
    for cls, build in registrations:
        st.register_type_strategy(cls, _lazy(build))
