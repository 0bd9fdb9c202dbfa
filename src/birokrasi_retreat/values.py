"""Values: BerAKHLAK, the core values of the ASN (SE MenPAN-RB 20/2021).

BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif,
Kolaboratif) was launched on 27 July 2021 with the employer-branding slogan "Bangga
Melayani Bangsa". Each value has three behaviour guidelines (panduan perilaku); retreat
sessions are tagged with the values they teach, and the evaluation rubrics of a later
release score behaviour against them.

References:
    - SE MenPAN-RB No. 20/2021 on implementing the core values and employer branding of
      ASN, restated by BKPSDM Kab. Tasikmalaya: https://bkpsdm.tasikmalayakab.go.id/?p=2166
      (sources: berakhlak, S11).

Examples:
    >>> from birokrasi_retreat.values import BerAkhlak
    >>> [value.label for value in BerAkhlak][:3]
    ['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten']
    >>> BerAkhlak("kolaboratif").label_en
    'Collaborative'
"""

from __future__ import annotations

import enum


__all__ = ["BerAkhlak"]

_LABELS = {
    "berorientasi_pelayanan": ("Berorientasi Pelayanan", "Service-oriented"),
    "akuntabel": ("Akuntabel", "Accountable"),
    "kompeten": ("Kompeten", "Competent"),
    "harmonis": ("Harmonis", "Harmonious"),
    "loyal": ("Loyal", "Loyal"),
    "adaptif": ("Adaptif", "Adaptive"),
    "kolaboratif": ("Kolaboratif", "Collaborative"),
}


class BerAkhlak(enum.StrEnum):
    """BerAKHLAK: the seven core values of the ASN, in their official order.

    Examples:
        >>> BerAkhlak.AKUNTABEL.label
        'Akuntabel'
    """

    # SE MenPAN-RB 20/2021: committed to excellent service for public satisfaction.
    BERORIENTASI_PELAYANAN = "berorientasi_pelayanan"
    # Answerable for the trust given.
    AKUNTABEL = "akuntabel"
    # Keeps learning and building capability.
    KOMPETEN = "kompeten"
    # Caring and respecting differences.
    HARMONIS = "harmonis"
    # Dedicated, putting nation and state first.
    LOYAL = "loyal"
    # Innovates and drives or embraces change.
    ADAPTIF = "adaptif"
    # Builds synergistic cooperation.
    KOLABORATIF = "kolaboratif"

    @property
    def label(self) -> str:
        """The value's name in Indonesian, as the circular writes it.

        Examples:
            >>> BerAkhlak.BERORIENTASI_PELAYANAN.label
            'Berorientasi Pelayanan'
        """
        return _LABELS[self.value][0]

    @property
    def label_en(self) -> str:
        """The value's name in English.

        Examples:
            >>> BerAkhlak.ADAPTIF.label_en
            'Adaptive'
        """
        return _LABELS[self.value][1]
