"""Organization: the government of a Pemda (regional government), its units, posts and people.

The hierarchy follows UU 23/2014 and PP 18/2016 (as amended by PP 72/2019):

* a `Pemda` (kota, kabupaten or provinsi), headed by an elected Wali Kota, Bupati or
  Gubernur who is not an ASN;
* its *perangkat daerah* (`PerangkatDaerah`, the OPD): Sekretariat Daerah, Sekretariat
  DPRD, Inspektorat, Dinas, Badan, with sub-units (Bagian, Bidang) where needed, and
  units outside the perangkat daerah such as a BUMD (regional enterprise), whose directors
  took part in retreats;
* its `Kecamatan` (a perangkat daerah too, PP 18/2016 Pasal 5(2)f) and, inside each, the
  `Kelurahan`, both carrying their kode wilayah;
* `Position`: a post (Popolo's *Post*) in a unit, with its position family (UU 20/2023),
  optional eselon, and whether it heads the unit;
* `Official`: an ASN person (PNS or PPPK), identified by NIP or NI PPPK;
* `Appointment`: an official holding a post from a date (Popolo's *Membership*):
  definitive, or acting as Plt, Plh or Pj.

Every class is a frozen attrs model: an object that cannot exist (an invalid NIP, a PPPK
with a golongan, an appointment that ends before it starts) cannot be built. Rules
across objects (a kelurahan outside its kecamatan, two definitive holders of one post)
are checked by `birokrasi_retreat.validation` and reported as findings.

References:
    - UU 23/2014 on Pemerintahan Daerah, Pasal 229 (kelurahan and lurah).
    - PP 18/2016 on Perangkat Daerah, as amended by PP 72/2019 (sources: regional-government).
    - UU 20/2023 on ASN: PNS and PPPK, position families (sources: asn-types).
    - Popolo, the open government data specification: Post and Membership.

Examples:
    >>> from birokrasi_retreat.organization import Official, Position, UnitKind
    >>> from birokrasi_retreat.ranks import Golongan, PositionFamily, Sex
    >>> lurah = Official(
    ...     nip="19860926 201505 1 001", name="Budi Santoso", front_titles=("H.",),
    ...     back_titles=("S.Sos.",), sex=Sex.MALE, golongan=Golongan.III_C,
    ... )
    >>> lurah  # doctest: +ELLIPSIS
    Official(nip='******** ****** * 001', name='Budi Santoso', sex=<Sex.MALE: 'L'>, ...)
    >>> lurah.full_name
    'H. Budi Santoso, S.Sos.'
"""

from __future__ import annotations

import enum

from collections.abc import Iterable, Mapping

import attrs
import pendulum

from birokrasi_retreat import _fields, _privacy, validators
from birokrasi_retreat.errors import InvalidComponent, InvalidFormat, ValidationError
from birokrasi_retreat.ids import kode_wilayah as _kode_wilayah
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel
from birokrasi_retreat.ids.nip import NIP
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, PositionFamily, Sex


__all__ = [
    "Appointment",
    "AppointmentKind",
    "FunctionalLevel",
    "Kecamatan",
    "Kelurahan",
    "Official",
    "Pemda",
    "PemdaKind",
    "PerangkatDaerah",
    "Position",
    "UnitKind",
]


class PemdaKind(enum.StrEnum):
    """Kind of Pemda (Pemerintah Daerah, regional government), UU 23/2014.

    Examples:
        >>> PemdaKind("kota").head_title
        'Wali Kota'
    """

    # Provinsi, headed by a Gubernur.
    PROVINSI = "provinsi"
    # Kabupaten (regency), headed by a Bupati.
    KABUPATEN = "kabupaten"
    # Kota (city), headed by a Wali Kota.
    KOTA = "kota"

    @property
    def head_title(self) -> str:
        """The title of the elected head: Gubernur, Bupati or Wali Kota.

        Examples:
            >>> PemdaKind.KABUPATEN.head_title
            'Bupati'
        """
        return {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}[self.value]


class UnitKind(enum.StrEnum):
    """Kind of unit of a Pemda: the perangkat daerah of PP 18/2016 and what sits around them.

    Examples:
        >>> UnitKind.KECAMATAN.is_perangkat_daerah, UnitKind.BUMD.is_perangkat_daerah
        (True, False)
    """

    # Sekretariat Daerah (Setda), headed by the Sekda (PP 18/2016 Pasal 5(2)).
    SEKRETARIAT_DAERAH = "sekretariat_daerah"
    # Sekretariat DPRD (Setwan), headed by the Sekretaris DPRD.
    SEKRETARIAT_DPRD = "sekretariat_dprd"
    # Inspektorat, headed by the Inspektur.
    INSPEKTORAT = "inspektorat"
    # Dinas, headed by a Kepala Dinas.
    DINAS = "dinas"
    # Badan, headed by a Kepala Badan.
    BADAN = "badan"
    # Kecamatan, headed by the Camat (PP 18/2016 Pasal 5(2) huruf f).
    KECAMATAN = "kecamatan"
    # Kelurahan, headed by the Lurah: part of its kecamatan (PP 17/2018 Pasal 1 angka 2).
    KELURAHAN = "kelurahan"
    # Bagian of the Setda or Setwan, headed by a Kepala Bagian.
    BAGIAN = "bagian"
    # Bidang of a Dinas or Badan, headed by a Kepala Bidang.
    BIDANG = "bidang"
    # Any other sub-unit (UPTD, sekretariat of an OPD...).
    SUB_UNIT = "sub_unit"
    # BUMD (Perumda/Perseroda): a regional enterprise, not a perangkat daerah.
    BUMD = "bumd"

    @property
    def is_perangkat_daerah(self) -> bool:
        """Whether units of this kind are perangkat daerah in their own right.

        Examples:
            >>> UnitKind.DINAS.is_perangkat_daerah
            True
        """
        return self in _PERANGKAT_DAERAH


_PERANGKAT_DAERAH = frozenset(
    {
        UnitKind.SEKRETARIAT_DAERAH,
        UnitKind.SEKRETARIAT_DPRD,
        UnitKind.INSPEKTORAT,
        UnitKind.DINAS,
        UnitKind.BADAN,
        UnitKind.KECAMATAN,
    }
)


def _to_kode(value: KodeWilayah | str) -> KodeWilayah:
    # A code given as text is stored as a KodeWilayah, like one read from a file; a
    # malformed one is reported at the field.
    if isinstance(value, KodeWilayah):
        return value
    try:
        return _kode_wilayah.parse(value)
    except ValidationError as error:
        raise error.at("kode") from None


@attrs.frozen(kw_only=True)
class Pemda:
    """Pemda (Pemerintah Daerah): the regional government whose officials are modelled.

    Attributes:
        kind: Kota, kabupaten or provinsi.
        name: The official name, e.g. "Kota Malang".
        kode: Its kode wilayah: kabupaten/kota level for a kota or kabupaten, provinsi
            level for a provinsi.
        head_name: The name of the elected head (Wali Kota, Bupati, Gubernur), a public
            office holder, if known.

    Examples:
        >>> kode = KodeWilayah(code="35.73")
        >>> malang = Pemda(kind=PemdaKind.KOTA, name="Kota Malang", kode=kode)
        >>> malang.timezone, malang.head_title
        ('Asia/Jakarta', 'Wali Kota')
    """

    kind: PemdaKind = attrs.field(validator=_fields.instance_of(PemdaKind))
    name: str = _fields.text_field()
    kode: KodeWilayah = attrs.field(converter=_to_kode)
    head_name: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        expected = (
            RegionLevel.PROVINSI if self.kind is PemdaKind.PROVINSI else RegionLevel.KABUPATEN_KOTA
        )
        if self.kode.level is not expected:
            raise InvalidComponent(
                "wilayah.level",
                path="kode",
                expected=expected.name.lower(),
                got=self.kode.level.name.lower(),
            )
        if self.kind is PemdaKind.KOTA and not self.kode.is_kota:
            raise InvalidComponent(
                "org.pemda_kind", path="kode", kind=self.kind.value, kode=str(self.kode)
            )
        if self.kind is PemdaKind.KABUPATEN and not self.kode.is_kabupaten:
            raise InvalidComponent(
                "org.pemda_kind", path="kode", kind=self.kind.value, kode=str(self.kode)
            )

    @property
    def timezone(self) -> str:
        """The IANA time zone of the Pemda (from its province, Keppres 41/1987).

        Examples:
            >>> kendari = KodeWilayah(code="74.71")
            >>> Pemda(kind=PemdaKind.KOTA, name="Kota Kendari", kode=kendari).timezone
            'Asia/Makassar'
        """
        return self.kode.timezone

    @property
    def head_title(self) -> str:
        """The title of its head: Wali Kota, Bupati or Gubernur.

        Examples:
            >>> bandung = KodeWilayah(code="32.73")
            >>> Pemda(kind=PemdaKind.KOTA, name="Kota Bandung", kode=bandung).head_title
            'Wali Kota'
        """
        return self.kind.head_title


@attrs.frozen(kw_only=True)
class PerangkatDaerah:
    """Perangkat daerah (OPD, regional work unit), a sub-unit of one, or a BUMD.

    Attributes:
        id: Your key for the unit, unique in a roster (e.g. ``"dinkes"``).
        name: Its name, e.g. "Dinas Kesehatan".
        kind: Its kind (PP 18/2016), e.g. `UnitKind.DINAS`.
        parent: The ``id`` of the unit it belongs to (a Bagian's Setda), or None for a
            unit directly under the head of the Pemda.

    Examples:
        >>> PerangkatDaerah(id="dinkes", name="Dinas Kesehatan", kind=UnitKind.DINAS).kind
        <UnitKind.DINAS: 'dinas'>
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    kind: UnitKind = attrs.field(validator=_fields.instance_of(UnitKind))
    parent: str | None = attrs.field(default=None, validator=_fields.optional_id)

    def __attrs_post_init__(self) -> None:
        if self.kind in {UnitKind.KECAMATAN, UnitKind.KELURAHAN}:
            raise InvalidComponent("org.unit_kind", path="kind", kind=self.kind.value)


@attrs.frozen(kw_only=True)
class Kecamatan:
    """Kecamatan (sub-district), a perangkat daerah headed by the Camat.

    Attributes:
        id: Your key for the unit, unique in a roster.
        name: Its name, e.g. "Kedungkandang".
        kode: Its kode wilayah, at kecamatan level (e.g. ``35.73.03``).

    Examples:
        >>> kode = KodeWilayah(code="357303")
        >>> Kecamatan(id="kec-kedungkandang", name="Kedungkandang", kode=kode).kind
        <UnitKind.KECAMATAN: 'kecamatan'>
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    kode: KodeWilayah = attrs.field(
        converter=_to_kode, validator=validators.kode_wilayah(level=RegionLevel.KECAMATAN)
    )

    @property
    def kind(self) -> UnitKind:
        """Always `UnitKind.KECAMATAN`.

        Examples:
            >>> Kecamatan(id="k", name="Klojen", kode=KodeWilayah(code="35.73.02")).kind.value
            'kecamatan'
        """
        return UnitKind.KECAMATAN

    @property
    def parent(self) -> None:
        """A kecamatan answers to the head of the Pemda (through the Sekda): no parent unit.

        Examples:
            >>> Kecamatan(id="k", name="Klojen", kode=KodeWilayah(code="35.73.02")).parent is None
            True
        """
        return None


@attrs.frozen(kw_only=True)
class Kelurahan:
    """Kelurahan (urban village), part of its kecamatan and headed by the Lurah.

    A code whose village digit marks a desa or desa adat is accepted here and reported by
    rule ORG004, since the catalogue, not the model, knows what a place is.

    Attributes:
        id: Your key for the unit, unique in a roster.
        name: Its name, e.g. "Kedungkandang".
        kode: Its kode wilayah, at desa/kelurahan level (e.g. ``35.73.03.1006``).
        kecamatan: The ``id`` of its `Kecamatan`.

    Examples:
        >>> Kelurahan(
        ...     id="kel-kedungkandang", name="Kedungkandang",
        ...     kode=KodeWilayah(code="35.73.03.1006"), kecamatan="kec-kedungkandang",
        ... ).parent
        'kec-kedungkandang'
    """

    id: str = _fields.id_field()
    name: str = _fields.text_field()
    kode: KodeWilayah = attrs.field(
        converter=_to_kode, validator=validators.kode_wilayah(level=RegionLevel.DESA_KELURAHAN)
    )
    kecamatan: str = _fields.id_field()

    @property
    def kind(self) -> UnitKind:
        """Always `UnitKind.KELURAHAN`.

        Examples:
            >>> kode = KodeWilayah(code="32.73.09.1001")
            >>> Kelurahan(id="k", name="Cihapit", kode=kode, kecamatan="bw").kind.value
            'kelurahan'
        """
        return UnitKind.KELURAHAN

    @property
    def parent(self) -> str:
        """The ``id`` of its kecamatan.

        Examples:
            >>> kode = KodeWilayah(code="32.73.09.1001")
            >>> Kelurahan(id="k", name="Cihapit", kode=kode, kecamatan="bw").parent
            'bw'
        """
        return self.kecamatan


class FunctionalLevel(enum.StrEnum):
    """Jenjang jabatan fungsional (functional position level); decides the retirement age.

    PP 11/2017 Pasal 239(2): 58 for keterampilan levels, ahli pertama and ahli muda; 60
    for ahli madya; 65 for ahli utama (sources: retirement-age).

    Examples:
        >>> FunctionalLevel.AHLI_MADYA.value
        'ahli_madya'
    """

    # Keterampilan (skill) levels.
    PEMULA = "pemula"
    TERAMPIL = "terampil"
    MAHIR = "mahir"
    PENYELIA = "penyelia"
    # Keahlian (expert) levels.
    AHLI_PERTAMA = "ahli_pertama"
    AHLI_MUDA = "ahli_muda"
    AHLI_MADYA = "ahli_madya"
    AHLI_UTAMA = "ahli_utama"


@attrs.frozen(kw_only=True)
class Position:
    """A post (jabatan) in a unit, held over time by officials through appointments.

    Attributes:
        id: Your key for the post, unique in a roster (e.g. ``"camat-kedungkandang"``).
        title: The post's title, e.g. "Camat Kedungkandang".
        unit: The ``id`` of the unit the post belongs to.
        family: The position family (UU 20/2023).
        eselon: The legacy eselon of a structural post, if it has one.
        heads_unit: Whether the holder heads ``unit`` (the Camat of a kecamatan).
        functional_level: For a functional post, its level (decides the retirement age).

    Examples:
        >>> camat = Position(
        ...     id="camat-kedungkandang", title="Camat Kedungkandang", unit="kec-kedungkandang",
        ...     family=PositionFamily.ADMINISTRATOR, eselon=Eselon.III_A, heads_unit=True,
        ... )
        >>> camat.eselon.pangkat_range
        (<Golongan.IV_A: 'IV/a'>, <Golongan.IV_B: 'IV/b'>)
    """

    id: str = _fields.id_field()
    title: str = _fields.text_field()
    unit: str = _fields.id_field()
    family: PositionFamily = attrs.field(validator=_fields.instance_of(PositionFamily))
    eselon: Eselon | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(Eselon)
    )
    heads_unit: bool = attrs.field(default=False, validator=_fields.boolean)
    functional_level: FunctionalLevel | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(FunctionalLevel)
    )

    def __attrs_post_init__(self) -> None:
        if self.functional_level is not None and self.family is not PositionFamily.FUNGSIONAL:
            raise InvalidComponent(
                "org.functional_level", path="functional_level", family=self.family.value
            )


def _compact_nip(number: str) -> str:
    # A number that is not text is reported at the field, as the validation errors are.
    return _fields.compact_nip(number, "nip")


def _titles(value: Iterable[str], field: str) -> tuple[str, ...]:
    # A str is an iterable of letters, not a list of titles: "Dr." is not ("D", "r", ".").
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise _fields.type_error(field, "array", value)
    return value if type(value) is tuple else tuple(value)


def _front_titles(value: Iterable[str]) -> tuple[str, ...]:
    return _titles(value, "front_titles")


def _back_titles(value: Iterable[str]) -> tuple[str, ...]:
    return _titles(value, "back_titles")


def _roman(value: str) -> int | None:
    numerals = {"I": 1, "V": 5, "X": 10}
    total = 0
    previous = 0
    for char in reversed(value):
        digit = numerals.get(char)
        if digit is None:
            return None
        total = total - digit if digit < previous else total + digit
        previous = max(previous, digit)
    return total


def _check_pppk_grade(
    _inst: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is None:
        return
    _fields.check_type(value, attribute.name)
    number = _roman(value)
    # Canonical Roman numeral only (I..XVII is the range seen in BKN statistics; the upper
    # bound is unconfirmed, sources: golongan; so it is not enforced).
    if not value or number is None or _to_roman(number) != value:
        raise InvalidFormat("org.pppk_grade", path=attribute.name, value=value[:8])


def _to_roman(number: int) -> str:
    out = []
    for value, text in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out.append(text * count)
    return "".join(out)


@attrs.frozen(kw_only=True)
class Official:
    """An ASN official: a PNS identified by NIP, or a PPPK identified by NI PPPK.

    The number is stored compact and validated for ``asn_type``; it is personal data, so
    ``repr`` shows it masked, and the decoded parts are reachable only through `nip_info`.
    Academic and religious titles (gelar) are kept apart from the name.

    Attributes:
        nip: The compact NIP (PNS) or NI PPPK (PPPK).
        name: The name without titles, as written by the person.
        sex: The sex as recorded in the personnel data.
        asn_type: PNS (default) or PPPK.
        front_titles: Titles written before the name ("Dr.", "H.", "Hj.", "Ir.").
        back_titles: Titles written after the name ("S.Sos.", "M.Si.").
        golongan: A PNS's golongan/ruang, if known; None for a PPPK.
        pppk_grade: A PPPK's golongan as a Roman numeral ("IX"), if known; None for a PNS.
        birth_date: The birth date stated in the personnel data, if any (rule ORG010
            compares it with the NIP).

    Examples:
        >>> o = Official(nip="199001012024211002", name="Sari", sex=Sex.MALE,
        ...              asn_type=AsnType.PPPK, pppk_grade="IX")
        >>> o.nip_info.appointment_year
        2024
        >>> Official(nip="199001012024211002", name="Sari", sex=Sex.MALE)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: ... [nip.tmt_month] @ $.nip
    """

    # NIP and NI PPPK are personal data (UU 27/2022): the repr masks them.
    nip: str = attrs.field(converter=_compact_nip, repr=_privacy.masked_nip_repr)
    name: str = _fields.text_field()
    sex: Sex = attrs.field(validator=_fields.instance_of(Sex))
    asn_type: AsnType = attrs.field(default=AsnType.PNS, validator=_fields.instance_of(AsnType))
    front_titles: tuple[str, ...] = attrs.field(default=(), converter=_front_titles)
    back_titles: tuple[str, ...] = attrs.field(default=(), converter=_back_titles)
    golongan: Golongan | None = attrs.field(
        default=None, validator=_fields.optional_instance_of(Golongan), repr=False
    )
    pppk_grade: str | None = attrs.field(default=None, validator=_check_pppk_grade, repr=False)
    birth_date: pendulum.Date | None = attrs.field(
        default=None, validator=_fields.optional_date, repr=False
    )

    @staticmethod
    def _document_checks(data: Mapping[str, object], failed: set[str]) -> list[ValidationError]:
        # Called by the loader when other fields of this official fail: the NIP's own
        # problems are reported with theirs, not in a second round (issue 14). The kind
        # is the document's when it is readable; otherwise the number must be valid in
        # one of the two layouts.
        number = data.get("nip")
        if "nip" in failed or not isinstance(number, str):
            return []
        kind = data.get("asn_type", AsnType.PNS.value)
        try:
            if "asn_type" in failed or kind not in {member.value for member in AsnType}:
                _fields.check_number(number, "nip")
            else:
                _nip.validate(number, kind=AsnType(kind))
        except ValidationError as error:
            return [error if error.path else error.at("nip")]
        return []

    def __attrs_post_init__(self) -> None:
        try:
            _nip.validate(self.nip, kind=self.asn_type)
        except ValidationError as error:
            raise error.at("nip") from None
        if self.asn_type is AsnType.PPPK and self.golongan is not None:
            raise InvalidComponent("org.golongan_pppk", path="golongan")
        if self.asn_type is AsnType.PNS and self.pppk_grade is not None:
            raise InvalidComponent("org.pppk_grade_pns", path="pppk_grade")
        for field in ("front_titles", "back_titles"):
            for index, title in enumerate(getattr(self, field)):
                _fields.check_type(title, f"{field}[{index}]")
                if not title.strip():
                    raise InvalidFormat("org.blank", path=f"{field}[{index}]", field=field)

    @property
    def nip_info(self) -> NIP:
        """The decoded NIP or NI PPPK (birth date, TMT, sex): personal data.

        Examples:
            >>> Official(nip="198609262015051001", name="Budi", sex=Sex.MALE).nip_info.tmt_cpns
            Date(2015, 5, 1)
        """
        return NIP(number=self.nip, kind=self.asn_type)

    @property
    def full_name(self) -> str:
        """The name with its titles, as written on Indonesian official documents.

        Examples:
            >>> Official(nip="198609262015051001", name="Budi", sex=Sex.MALE,
            ...          front_titles=("Dr.", "H."), back_titles=("M.Si.",)).full_name
            'Dr. H. Budi, M.Si.'
        """
        front = " ".join(self.front_titles)
        text = f"{front} {self.name}" if front else self.name
        return ", ".join((text, *self.back_titles))


class AppointmentKind(enum.StrEnum):
    """How a post is held: definitively or in an acting capacity.

    Examples:
        >>> AppointmentKind.PLT.is_acting, AppointmentKind.DEFINITIF.is_acting
        (True, False)
    """

    # Definitive appointment by SK (surat keputusan) of the PPK.
    DEFINITIF = "definitif"
    # Pelaksana Tugas: acting holder of a vacant post, or while the holder is unable.
    PLT = "plt"
    # Pelaksana Harian: day-to-day stand-in while the holder is temporarily absent.
    PLH = "plh"
    # Penjabat: acting head appointed for a defined period (e.g. Pj. Sekda).
    PJ = "pj"

    @property
    def is_acting(self) -> bool:
        """Whether the holder only acts in the post (Plt, Plh, Pj).

        Examples:
            >>> AppointmentKind.PJ.is_acting
            True
        """
        return self is not AppointmentKind.DEFINITIF


@attrs.frozen(kw_only=True)
class Appointment:
    """An official holding a post from a date, optionally until a date (both inclusive).

    Attributes:
        nip: The NIP or NI PPPK of the official (compact).
        position: The ``id`` of the post.
        start: The first day in the post (TMT jabatan).
        end: The last day in the post, or None while it lasts.
        kind: Definitive or acting (Plt, Plh, Pj).
        sk_number: The number of the decree (SK), if known.

    Examples:
        >>> a = Appointment(nip="198609262015051001", position="camat-klojen",
        ...                 start=pendulum.Date(2024, 1, 2))
        >>> a.active_on(pendulum.Date(2025, 5, 15))
        True
        >>> a  # doctest: +ELLIPSIS
        Appointment(nip='******** ****** * 001', position='camat-klojen', ...)
    """

    # NIP and NI PPPK are personal data (UU 27/2022): the repr masks them. The kind is
    # the official's, unknown here: the number must be valid in one of its layouts.
    nip: str = attrs.field(
        converter=_compact_nip, validator=_fields.number, repr=_privacy.masked_nip_repr
    )
    position: str = _fields.id_field()
    start: pendulum.Date = attrs.field(validator=_fields.date)
    end: pendulum.Date | None = attrs.field(default=None, validator=_fields.optional_date)
    kind: AppointmentKind = attrs.field(
        default=AppointmentKind.DEFINITIF, validator=_fields.instance_of(AppointmentKind)
    )
    sk_number: str | None = attrs.field(default=None, validator=_fields.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidComponent("org.end_before_start", path="end")

    def active_on(self, day: pendulum.Date) -> bool:
        """Whether the appointment is in force on ``day`` (start and end inclusive).

        Examples:
            >>> a = Appointment(nip="198609262015051001", position="p",
            ...                 start=pendulum.Date(2024, 1, 2), end=pendulum.Date(2024, 12, 31))
            >>> a.active_on(pendulum.Date(2025, 1, 1))
            False
        """
        return self.start <= day and (self.end is None or day <= self.end)
