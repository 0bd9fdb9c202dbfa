"""Roster: the whole government of one Pemda, checked for integrity and indexed for queries.

A `Roster` holds a `Pemda` and plain collections of its units (perangkat daerah,
kecamatan, kelurahan), posts, officials and appointments. Building one checks
referential integrity (an appointment naming an unknown NIP or post, a kelurahan naming
an unknown kecamatan, a cycle of parent units) and raises one
`birokrasi_retreat.errors.ValidationErrorGroup` with the path of every problem. It then
indexes everything once, in O(n log n), so that every query afterwards costs O(1) or
O(log n) plus the size of its answer; no query scans all appointments.

Queries take the date they are about (``on=``): who holds a post, which posts are vacant,
which units sit under a unit, the heads of every unit of a kind (all camat, all lurah), an
official's chain of command up to the Sekda (above whom is the head of the Pemda),
officials by position family, eselon or golongan range, and a snapshot `Roster.on`.

Examples:
    >>> import pendulum
    >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
    >>> from birokrasi_retreat.organization import (
    ...     Appointment, Kecamatan, Official, Pemda, PemdaKind, Position, UnitKind,
    ... )
    >>> from birokrasi_retreat.ranks import Eselon, PositionFamily, Sex
    >>> roster = Roster(
    ...     pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=KodeWilayah(code="35.73")),
    ...     kecamatan=(Kecamatan(id="klojen", name="Klojen", kode=KodeWilayah(code="35.73.02")),),
    ...     positions=(Position(id="camat-klojen", title="Camat Klojen", unit="klojen",
    ...                         family=PositionFamily.ADMINISTRATOR, eselon=Eselon.III_A,
    ...                         heads_unit=True),),
    ...     officials=(Official(nip="198609262015051001", name="Budi", sex=Sex.MALE),),
    ...     appointments=(Appointment(nip="198609262015051001", position="camat-klojen",
    ...                               start=pendulum.Date(2024, 1, 2)),),
    ... )
    >>> [h.official.name for h in roster.heads(UnitKind.KECAMATAN, on=pendulum.Date(2025, 5, 15))]
    ['Budi']
    >>> roster.vacancies(on=pendulum.Date(2023, 1, 1))[0].id
    'camat-klojen'
"""

from __future__ import annotations

import bisect

from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Final

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.errors import (
    BirokrasiRetreatError,
    InvalidType,
    UnknownReferenceError,
    ValidationError,
    ValidationErrorGroup,
)
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.organization import (
    Appointment,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily


__all__ = ["Holding", "Roster", "Unit"]

Unit = PerangkatDaerah | Kecamatan | Kelurahan
"""Any unit of a roster: a perangkat daerah (or sub-unit, or BUMD), kecamatan or kelurahan."""

_UNIT_FIELDS: Final = ("perangkat_daerah", "kecamatan", "kelurahan")


@attrs.frozen(kw_only=True)
class Holding:
    """A post on a date: its unit, the post, and who holds it (if anyone).

    Attributes:
        unit: The unit the post belongs to.
        position: The post.
        appointment: The appointment in force (definitive preferred), or None if vacant.
        official: The official holding it, or None if vacant or the NIP is unknown.

    Examples:
        >>> from birokrasi_retreat import samples
        >>> roster = samples.load_roster("kendari")
        >>> held = roster.holding("kabid-dinkes-yankes", on=pendulum.Date(2025, 5, 15))
        >>> held.unit.name, held.position.title, held.official.name
        ('Bidang Pelayanan Kesehatan', 'Kepala Bidang Pelayanan Kesehatan', 'Muhlis Hamzah')
    """

    unit: Unit
    position: Position
    appointment: Appointment | None
    official: Official | None

    @property
    def vacant(self) -> bool:
        """True when nobody holds the post on the date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> roster.holding("kabag-perekonomian", on=pendulum.Date(2025, 1, 15)).vacant
            False
            >>> roster.holding("kabag-perekonomian", on=pendulum.Date(2025, 5, 15)).vacant
            True
        """
        return self.appointment is None

    @property
    def acting(self) -> bool:
        """True when the holder only acts in the post (Plt, Plh, Pj).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> camat = roster.holding("camat-kendari", on=pendulum.Date(2025, 5, 15))
            >>> camat.acting, camat.vacant, camat.official.name
            (True, False, 'Jumadil Basri')
        """
        return self.appointment is not None and self.appointment.kind.is_acting


@attrs.frozen
class _Index:
    units: Mapping[str, Unit]
    children: Mapping[str | None, tuple[str, ...]]
    positions: Mapping[str, Position]
    positions_by_unit: Mapping[str, tuple[Position, ...]]
    head_posts_by_unit: Mapping[str, tuple[Position, ...]]
    officials: Mapping[str, tuple[Official, ...]]
    by_position: Mapping[str, tuple[Appointment, ...]]
    starts_by_position: Mapping[str, tuple[pendulum.Date, ...]]
    by_nip: Mapping[str, tuple[Appointment, ...]]
    units_by_kind: Mapping[UnitKind, tuple[Unit, ...]]
    positions_by_family: Mapping[PositionFamily, tuple[Position, ...]]
    positions_by_eselon: Mapping[Eselon, tuple[Position, ...]]
    by_golongan: tuple[Official, ...]
    golongan_ranks: tuple[int, ...]


@attrs.frozen(kw_only=True)
class Roster:
    """Roster: one Pemda's whole government, checked for integrity and indexed.

    Attributes:
        pemda: The regional government.
        perangkat_daerah: Its OPD, their sub-units and units outside the perangkat daerah
            (BUMD).
        kecamatan: Its kecamatan.
        kelurahan: Its kelurahan.
        positions: Every post.
        officials: Every official (ASN).
        appointments: Every appointment, past, present and future.

    Raises:
        ValidationErrorGroup: A reference does not resolve (codes ``roster.duplicate_id``,
            ``roster.unknown_unit``, ``roster.unknown_position``,
            ``roster.unknown_official``, ``roster.parent_kind``, ``roster.cycle``).

    Examples:
        >>> from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
        >>> from birokrasi_retreat.organization import Pemda, PemdaKind
        >>> empty = Roster(pemda=Pemda(kind=PemdaKind.KOTA, name="Kota Kendari",
        ...                            kode=KodeWilayah(code="74.71")))
        >>> len(empty.units())
        0
    """

    pemda: Pemda
    perangkat_daerah: tuple[PerangkatDaerah, ...] = attrs.field(
        default=(), converter=_fields.as_tuple
    )
    kecamatan: tuple[Kecamatan, ...] = attrs.field(default=(), converter=_fields.as_tuple)
    kelurahan: tuple[Kelurahan, ...] = attrs.field(default=(), converter=_fields.as_tuple)
    positions: tuple[Position, ...] = attrs.field(default=(), converter=_fields.as_tuple)
    officials: tuple[Official, ...] = attrs.field(default=(), converter=_fields.as_tuple)
    appointments: tuple[Appointment, ...] = attrs.field(default=(), converter=_fields.as_tuple)
    _index: _Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _build(self))

    # --- look-ups ---------------------------------------------------------------------

    def units(self, *, kind: UnitKind | None = None) -> tuple[Unit, ...]:
        """Every unit, or every unit of one kind, in input order.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> len(roster.units()), len(roster.units(kind=UnitKind.KECAMATAN))
            (128, 11)
        """
        if kind is None:
            return tuple(self._index.units.values())
        return self._index.units_by_kind.get(kind, ())

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id.

        Raises:
            UnknownReferenceError: No unit has this id (code ``roster.unknown_unit``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> bidang = samples.load_roster("kendari").unit("dinkes-yankes")
            >>> bidang.name, bidang.kind.value, bidang.parent
            ('Bidang Pelayanan Kesehatan', 'bidang', 'dinkes')
        """
        try:
            return self._index.units[unit_id]
        except (KeyError, TypeError):
            raise UnknownReferenceError("roster.unknown_unit", value=str(unit_id)) from None

    def position(self, position_id: str) -> Position:
        """The post with this id.

        Raises:
            UnknownReferenceError: No post has this id (code ``roster.unknown_position``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> post = samples.load_roster("kendari").position("camat-kendari")
            >>> post.title, post.unit, post.eselon.value, post.heads_unit
            ('Camat Kendari', 'kec-kendari', 'III.a', True)
        """
        try:
            return self._index.positions[position_id]
        except (KeyError, TypeError):
            raise UnknownReferenceError("roster.unknown_position", value=str(position_id)) from None

    def official(self, nip: str) -> Official:
        """The official with this NIP or NI PPPK (spaces and dots allowed).

        Raises:
            UnknownReferenceError: No official has it (code ``roster.unknown_official``;
                the message shows the number masked).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> sekda = roster.head_of("setda", on=pendulum.Date(2025, 5, 15)).official
            >>> roster.official(sekda.nip_info.formatted).full_name  # grouped with spaces
            'Dr. H. Irwan Arsyad, S.E., M.H.'
        """
        found = self._index.officials.get(_compact(nip))
        if not found:
            raise UnknownReferenceError(
                "roster.unknown_official", value=_privacy.mask(nip, AsnType.PNS)
            )
        return found[0]

    def officials_with_nip(self, nip: str) -> tuple[Official, ...]:
        """Every official recorded with this number (more than one is rule ORG012).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> [o.name for o in roster.officials_with_nip(roster.officials[0].nip)]
            ['Irwan Arsyad']
            >>> roster.officials_with_nip(samples.load_roster("malang").officials[0].nip)
            ()
        """
        return self._index.officials.get(_compact(nip), ())

    def appointments_of(self, nip: str) -> tuple[Appointment, ...]:
        """Every appointment of an official, by start date.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> nip = roster.appointments_to("kabag-perekonomian")[0].nip
            >>> [(a.position, a.end) for a in roster.appointments_of(nip)]
            [('kabag-perekonomian', Date(2025, 4, 6)), ('sekretaris-brida', None)]
        """
        return self._index.by_nip.get(_compact(nip), ())

    def appointments_to(self, position_id: str) -> tuple[Appointment, ...]:
        """Every appointment to a post, by start date; none for an unknown post.

        Raises:
            InvalidType: ``position_id`` is not a string (``data.type``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> [(a.kind.value, a.start) for a in roster.appointments_to("camat-kendari")]
            [('definitif', Date(2023, 12, 4)), ('plt', Date(2025, 2, 3))]
        """
        return self._index.by_position.get(_check_id(position_id, "position_id"), ())

    def positions_in(self, unit_id: str) -> tuple[Position, ...]:
        """The posts of one unit (not of the units under it); none for an unknown unit.

        Raises:
            InvalidType: ``unit_id`` is not a string (``data.type``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> [p.title for p in roster.positions_in("dinkes")]
            ['Kepala Dinas Kesehatan', 'Sekretaris Dinas Kesehatan', 'Perawat Terampil']
            >>> [p.title for p in roster.positions_in("dinkes-yankes")]  # a bidang under it
            ['Kepala Bidang Pelayanan Kesehatan']
        """
        return self._index.positions_by_unit.get(_check_id(unit_id, "unit_id"), ())

    # --- queries on a date ------------------------------------------------------------

    def holders(self, position_id: str, *, on: pendulum.Date) -> tuple[Appointment, ...]:
        """The appointments to a post in force on ``on``: definitive first, then acting.

        Cost: O(log k + m) for k appointments to the post, m of them starting by ``on``
        (a post's own history, small next to the roster's appointments).

        Raises:
            InvalidType: ``position_id`` is not a string, or ``on`` not a
                ``pendulum.Date`` (``data.type``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> before, after = pendulum.Date(2024, 5, 15), pendulum.Date(2025, 5, 15)
            >>> [a.kind.value for a in roster.holders("camat-kendari", on=before)]
            ['definitif']
            >>> [a.kind.value for a in roster.holders("camat-kendari", on=after)]
            ['plt']
        """
        _fields.check_date(on, "on")
        _check_id(position_id, "position_id")
        appointments = self._index.by_position.get(position_id, ())
        starts = self._index.starts_by_position.get(position_id, ())
        cut = bisect.bisect_right(starts, on)
        active = [a for a in appointments[:cut] if a.end is None or on <= a.end]
        active.sort(key=lambda a: (a.kind.is_acting, a.start))
        return tuple(active)

    def holding(self, position_id: str, *, on: pendulum.Date) -> Holding:
        """The post on ``on`` with its unit and its holder (definitive preferred).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> kepala = roster.holding("kepala-disnaker", on=pendulum.Date(2025, 5, 15))
            >>> kepala.position.title, kepala.official.name, kepala.appointment.kind.value
            ('Kepala Dinas Tenaga Kerja', 'Ramli Kasim', 'plt')
        """
        position = self.position(position_id)
        holders = self.holders(position_id, on=on)
        appointment = holders[0] if holders else None
        official = None
        if appointment is not None:
            found = self._index.officials.get(appointment.nip, ())
            official = found[0] if found else None
        return Holding(
            unit=self._index.units[position.unit],
            position=position,
            appointment=appointment,
            official=official,
        )

    def vacancies(self, *, on: pendulum.Date) -> tuple[Position, ...]:
        """Posts with no definitive holder on ``on`` (a Plt or Plh may be acting).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> day = pendulum.Date(2025, 5, 15)
            >>> for post in roster.vacancies(on=day):
            ...     print(post.id, "acting:", roster.holding(post.id, on=day).acting)
            kabag-perekonomian acting: False
            kepala-disnaker acting: True
            kabid-bkpsdm-bangkom acting: False
            camat-kendari acting: True
            lurah-pondambea acting: True
        """
        _fields.check_date(on, "on")
        return tuple(
            position
            for position in self.positions
            if not any(not a.kind.is_acting for a in self.holders(position.id, on=on))
        )

    def units_under(
        self, unit_id: str | None = None, *, recursive: bool = True
    ) -> tuple[Unit, ...]:
        """The units under a unit (its sub-units, a kecamatan's kelurahan), depth first.

        Args:
            unit_id: The unit; None for the top of the Pemda (every unit directly under
                its head).
            recursive: Include units under those units, at every depth (default).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> [u.id for u in roster.units_under("dinkes")]
            ['dinkes-yankes', 'dinkes-p2p', 'dinkes-kesmas']
            >>> len(roster.units_under(recursive=False)), len(roster.units_under())
            (42, 128)
        """
        if unit_id is not None:
            self.unit(unit_id)
        found: list[Unit] = []
        stack = list(reversed(self._index.children.get(unit_id, ())))
        while stack:
            child = stack.pop()
            found.append(self._index.units[child])
            if recursive:
                stack.extend(reversed(self._index.children.get(child, ())))
        return tuple(found)

    def heads(self, kind: UnitKind, *, on: pendulum.Date) -> tuple[Holding, ...]:
        """The head post of every unit of ``kind`` and its holder on ``on``.

        ``heads(UnitKind.KECAMATAN, on=...)`` lists every camat; units without a head post
        are left out (rule ORG007 reports vacant posts, not missing ones).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> camat = roster.heads(UnitKind.KECAMATAN, on=pendulum.Date(2025, 5, 15))
            >>> len(camat), [h.official.name for h in camat if h.acting]
            (11, ['Jumadil Basri'])
        """
        _fields.check_date(on, "on")
        return tuple(
            self.holding(position.id, on=on)
            for unit in self._index.units_by_kind.get(kind, ())
            for position in self._index.head_posts_by_unit.get(unit.id, ())
        )

    def heads_of_perangkat_daerah(self, *, on: pendulum.Date) -> tuple[Holding, ...]:
        """The heads of every top-level perangkat daerah (kepala OPD, camat, Sekda...).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> heads = roster.heads_of_perangkat_daerah(on=pendulum.Date(2025, 5, 15))
            >>> len(heads), heads[0].position.title, [h.position.title for h in heads if h.acting]
            (42, 'Sekretaris Daerah', ['Kepala Dinas Tenaga Kerja', 'Camat Kendari'])
        """
        _fields.check_date(on, "on")
        return tuple(
            self.holding(position.id, on=on)
            for unit_id in self._index.children.get(None, ())
            if self._index.units[unit_id].kind.is_perangkat_daerah
            for position in self._index.head_posts_by_unit.get(unit_id, ())
        )

    def head_of(self, unit_id: str, *, on: pendulum.Date) -> Holding | None:
        """The head post of a unit and its holder on ``on``, or None if it has no head post.

        Raises:
            InvalidType: ``unit_id`` is not a string, or ``on`` not a ``pendulum.Date``
                (``data.type``).
            UnknownReferenceError: No unit has this id (``roster.unknown_unit``).

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> head = roster.head_of("dinkes", on=pendulum.Date(2025, 5, 15))
            >>> head.position.title, head.official.name
            ('Kepala Dinas Kesehatan', 'Abdul Rahim')
        """
        _fields.check_date(on, "on")
        heads = self._index.head_posts_by_unit.get(_check_id(unit_id, "unit_id"))
        if heads:
            return self.holding(heads[0].id, on=on)
        self.unit(unit_id)
        return None

    def posts_of(self, nip: str, *, on: pendulum.Date) -> tuple[Appointment, ...]:
        """The appointments of an official in force on ``on``: definitive first.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster, day = samples.load_roster("kendari"), pendulum.Date(2025, 5, 15)
            >>> plt = roster.holding("kepala-disnaker", on=day).official
            >>> [(a.position, a.kind.value) for a in roster.posts_of(plt.nip, on=day)]
            [('sekretaris-disnaker', 'definitif'), ('kepala-disnaker', 'plt')]
        """
        _fields.check_date(on, "on")
        active = [a for a in self.appointments_of(nip) if a.active_on(on)]
        active.sort(key=lambda a: (a.kind.is_acting, a.start))
        return tuple(active)

    def chain_of_command(self, nip: str, *, on: pendulum.Date) -> tuple[Holding, ...]:
        """The official's superiors on ``on``, nearest first, up to the Sekda.

        The chain starts at the head of the official's unit (or, for a head, of the unit
        above), climbs the parent units, and ends with the Sekda, through whom kecamatan
        and OPD answer to the head of the Pemda (PP 18/2016); above the Sekda is
        ``roster.pemda`` (the Wali Kota, an elected head with no NIP). An official with
        no post on ``on`` has an empty chain.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster, day = samples.load_roster("kendari"), pendulum.Date(2025, 5, 15)
            >>> lurah = roster.head_of("kel-kandai", on=day).official
            >>> chain = roster.chain_of_command(lurah.nip, on=day)
            >>> [(h.position.title, h.official.name) for h in chain]
            [('Camat Kendari', 'Jumadil Basri'), ('Sekretaris Daerah', 'Irwan Arsyad')]
        """
        posts = self.posts_of(nip, on=on)
        if not posts:
            self.official(nip)
            return ()
        position = self._index.positions[posts[0].position]
        chain: list[Holding] = []
        seen: set[str] = {position.id}
        unit_id: str | None = position.unit
        if position.heads_unit:
            unit_id = self._index.units[position.unit].parent
        while unit_id is not None:
            head = self.head_of(unit_id, on=on)
            if head is not None and head.position.id not in seen:
                chain.append(head)
                seen.add(head.position.id)
            unit_id = self._index.units[unit_id].parent
        for setda in self._index.units_by_kind.get(UnitKind.SEKRETARIAT_DAERAH, ()):
            sekda = self.head_of(setda.id, on=on)
            if sekda is not None and sekda.position.id not in seen:
                chain.append(sekda)
        return tuple(chain)

    def officials_by(
        self,
        *,
        on: pendulum.Date,
        family: PositionFamily | None = None,
        eselon: Eselon | None = None,
    ) -> tuple[Official, ...]:
        """Officials holding, on ``on``, a post of this family and/or eselon.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster, day = samples.load_roster("kendari"), pendulum.Date(2025, 5, 15)
            >>> [o.name for o in roster.officials_by(on=day, eselon=Eselon.II_A)]
            ['Irwan Arsyad']
            >>> len(roster.officials_by(on=day, family=PositionFamily.JPT_PRATAMA))
            37
        """
        _fields.check_date(on, "on")
        if family is not None:
            candidates = self._index.positions_by_family.get(family, ())
        elif eselon is not None:
            candidates = self._index.positions_by_eselon.get(eselon, ())
        else:
            candidates = self.positions
        result: dict[str, Official] = {}
        for position in candidates:
            if eselon is not None and position.eselon is not eselon:
                continue
            for appointment in self.holders(position.id, on=on):
                for official in self._index.officials.get(appointment.nip, ()):
                    result.setdefault(official.nip, official)
        return tuple(result.values())

    def officials_in_golongan(
        self, *, min_value: Golongan = Golongan.I_A, max_value: Golongan = Golongan.IV_E
    ) -> tuple[Official, ...]:
        """PNS officials whose golongan is within the bounds (inclusive), lowest first.

        Cost: O(log n + answer) through a golongan-sorted index.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> len(roster.officials_in_golongan(min_value=Golongan.IV_A))
            93
            >>> lowest = roster.officials_in_golongan()[0]
            >>> lowest.name, lowest.golongan.value
            ('Alimuddin Arsyad', 'III/a')
        """
        ranks = self._index.golongan_ranks
        low = bisect.bisect_left(ranks, min_value.rank)
        high = bisect.bisect_right(ranks, max_value.rank)
        return self._index.by_golongan[low:high]

    def on(self, day: pendulum.Date) -> Roster:
        """A snapshot: the same roster with only the appointments in force on ``day``.

        Examples:
            >>> from birokrasi_retreat import samples
            >>> roster = samples.load_roster("kendari")
            >>> snapshot = roster.on(pendulum.Date(2025, 5, 15))
            >>> len(roster.appointments), len(snapshot.appointments)
            (206, 202)
        """
        _fields.check_date(day, "on")
        return attrs.evolve(
            self, appointments=tuple(a for a in self.appointments if a.active_on(day))
        )


def _check_id(value: str, path: str) -> str:
    # An id is text: a list is no key (and would raise a bare TypeError from the dict).
    if not issubclass(type(value), str):
        raise InvalidType("data.type", path=path, expected="string", got=type(value).__name__)
    return value


def _compact(nip: str) -> str:
    try:
        return _nip.compact(nip)
    except BirokrasiRetreatError:
        return ""


_ITEM_TYPES: Final = (
    ("perangkat_daerah", PerangkatDaerah),
    ("kecamatan", Kecamatan),
    ("kelurahan", Kelurahan),
    ("positions", Position),
    ("officials", Official),
    ("appointments", Appointment),
)


def _check_types(roster: Roster) -> None:
    # Serialization guarantees the types; direct construction may mix them up.
    errors: list[BirokrasiRetreatError] = []
    for field, cls in _ITEM_TYPES:
        items = getattr(roster, field)
        if type(items) is not tuple:  # no array: `as_tuple` left it for this check
            errors.append(_fields.type_error(field, "array", items))
            continue
        errors.extend(
            InvalidType(
                "data.type",
                path=f"{field}[{index}]",
                expected=cls.__name__,
                got=type(item).__name__,
            )
            for index, item in enumerate(items)
            if not isinstance(item, cls)
        )
    pemda: object = roster.pemda
    if not isinstance(pemda, Pemda):
        wrong = InvalidType("data.type", path="pemda", expected="Pemda", got=type(pemda).__name__)
        errors.insert(0, wrong)
    if errors:
        summary = f"{len(errors)} roster items of the wrong type"
        raise ValidationErrorGroup(summary, errors)


def _build(roster: Roster) -> _Index:
    """Check the roster's integrity (raising every error at once), then index it."""
    _check_types(roster)
    units, positions = _integrity(roster)
    return _index(roster, units, positions)


def _integrity(roster: Roster) -> tuple[dict[str, Unit], dict[str, Position]]:
    """The units and posts by id, or a `ValidationErrorGroup` of every integrity error.

    The errors come in input order per collection: duplicate unit ids, unknown parents
    and kecamatan, cycles, then posts (duplicates, unknown units), then appointments.
    """
    errors: list[BirokrasiRetreatError] = []
    units = _units_by_id(roster, errors)
    errors.extend(_parent_errors(roster, units))
    errors.extend(_cycles(roster, units))
    positions = _positions_by_id(roster, units, errors)
    errors.extend(_appointment_errors(roster, positions))
    if errors:
        summary = f"{len(errors)} roster integrity errors"
        raise ValidationErrorGroup(summary, errors)
    return units, positions


def _units_by_id(roster: Roster, errors: list[BirokrasiRetreatError]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for field in _UNIT_FIELDS:
        for index, unit in enumerate(getattr(roster, field)):
            if unit.id in units:
                errors.append(
                    ValidationError(
                        "roster.duplicate_id", path=f"{field}[{index}].id", value=unit.id
                    )
                )
            else:
                units[unit.id] = unit
    return units


def _parent_errors(roster: Roster, units: Mapping[str, Unit]) -> Iterator[BirokrasiRetreatError]:
    for index, unit in enumerate(roster.perangkat_daerah):
        if unit.parent is not None and unit.parent not in units:
            yield UnknownReferenceError(
                "roster.unknown_unit", path=f"perangkat_daerah[{index}].parent", value=unit.parent
            )
    for index, kelurahan in enumerate(roster.kelurahan):
        parent = units.get(kelurahan.kecamatan)
        path = f"kelurahan[{index}].kecamatan"
        if parent is None:
            yield UnknownReferenceError("roster.unknown_unit", path=path, value=kelurahan.kecamatan)
        elif not isinstance(parent, Kecamatan):
            yield ValidationError("roster.parent_kind", path=path, value=kelurahan.kecamatan)


def _positions_by_id(
    roster: Roster, units: Mapping[str, Unit], errors: list[BirokrasiRetreatError]
) -> dict[str, Position]:
    positions: dict[str, Position] = {}
    for index, position in enumerate(roster.positions):
        if position.id in positions:
            errors.append(
                ValidationError(
                    "roster.duplicate_id", path=f"positions[{index}].id", value=position.id
                )
            )
            continue
        positions[position.id] = position
        if position.unit not in units:
            errors.append(
                UnknownReferenceError(
                    "roster.unknown_unit", path=f"positions[{index}].unit", value=position.unit
                )
            )
    return positions


def _appointment_errors(
    roster: Roster, positions: Mapping[str, Position]
) -> Iterator[BirokrasiRetreatError]:
    nips = {official.nip for official in roster.officials}
    for index, appointment in enumerate(roster.appointments):
        if appointment.nip not in nips:
            yield UnknownReferenceError(
                "roster.unknown_official",
                path=f"appointments[{index}].nip",
                value=_privacy.mask(appointment.nip, AsnType.PNS),
            )
        if appointment.position not in positions:
            yield UnknownReferenceError(
                "roster.unknown_position",
                path=f"appointments[{index}].position",
                value=appointment.position,
            )


def _index(roster: Roster, units: Mapping[str, Unit], positions: Mapping[str, Position]) -> _Index:
    """The lookup tables of a roster whose integrity is checked."""
    children: dict[str | None, list[str]] = defaultdict(list)
    units_by_kind: dict[UnitKind, list[Unit]] = defaultdict(list)
    for unit_id, unit in units.items():
        children[unit.parent if unit.parent in units else None].append(unit_id)
        units_by_kind[unit.kind].append(unit)
    by_unit: dict[str, list[Position]] = defaultdict(list)
    by_family: dict[PositionFamily, list[Position]] = defaultdict(list)
    by_eselon: dict[Eselon, list[Position]] = defaultdict(list)
    for position in positions.values():
        by_unit[position.unit].append(position)
        by_family[position.family].append(position)
        if position.eselon is not None:
            by_eselon[position.eselon].append(position)
    officials: dict[str, list[Official]] = defaultdict(list)
    for official in roster.officials:
        officials[official.nip].append(official)
    by_position: dict[str, list[Appointment]] = defaultdict(list)
    by_nip: dict[str, list[Appointment]] = defaultdict(list)
    for appointment in roster.appointments:
        by_position[appointment.position].append(appointment)
        by_nip[appointment.nip].append(appointment)
    for appointments in (*by_position.values(), *by_nip.values()):
        appointments.sort(key=lambda a: a.start)
    ranked = sorted(
        (o for o in roster.officials if o.golongan is not None),
        key=lambda o: o.golongan.rank,  # type: ignore[union-attr]  # filtered just above
    )
    return _Index(
        units=units,
        children={key: tuple(value) for key, value in children.items()},
        positions=positions,
        positions_by_unit={key: tuple(value) for key, value in by_unit.items()},
        head_posts_by_unit={
            key: heads
            for key, value in by_unit.items()
            if (heads := tuple(position for position in value if position.heads_unit))
        },
        officials={key: tuple(value) for key, value in officials.items()},
        by_position={key: tuple(value) for key, value in by_position.items()},
        starts_by_position={
            key: tuple(a.start for a in value) for key, value in by_position.items()
        },
        by_nip={key: tuple(value) for key, value in by_nip.items()},
        units_by_kind={key: tuple(value) for key, value in units_by_kind.items()},
        positions_by_family={key: tuple(value) for key, value in by_family.items()},
        positions_by_eselon={key: tuple(value) for key, value in by_eselon.items()},
        by_golongan=tuple(ranked),
        golongan_ranks=tuple(o.golongan.rank for o in ranked),  # type: ignore[union-attr]
    )


def _cycles(roster: Roster, units: Mapping[str, Unit]) -> list[BirokrasiRetreatError]:
    # A unit is on a cycle when climbing its parents leads back to it. Each cycle is
    # reported once, at its first unit in input order; a unit that only sits under a
    # cycle is not on one and is not reported.
    errors: list[BirokrasiRetreatError] = []
    reported: set[str] = set()
    for index, unit in enumerate(roster.perangkat_daerah):
        if unit.id in reported:
            continue
        seen = {unit.id}
        parent = unit.parent
        while parent is not None and parent in units and parent not in seen:
            seen.add(parent)
            parent = units[parent].parent
        if parent == unit.id:
            reported.update(seen)
            errors.append(
                ValidationError(
                    "roster.cycle", path=f"perangkat_daerah[{index}].parent", value=unit.id
                )
            )
    return errors
