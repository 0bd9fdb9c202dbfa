"""The IKM (Indeks Kepuasan Masyarakat) of PermenPAN-RB 14/2017: `ikm` and `IkmResult`.

This module owns the NRR per unsur over those who answered it, the nilai penimbang
(exactly 1/9, or the legacy rounded 0.11), the IKM on 1-4 and its conversion to 25-100
with the mutu band. Responses are checked with the helpers of `_exact`.

Examples:
    >>> from birokrasi_retreat.rubric import Response, SubjectKind
    >>> answers = [Response(rubric="ikm", subject_kind=SubjectKind.UNIT, subject="dukcapil",
    ...                     rater="r1", ratings={f"u{i}": 3 for i in range(1, 10)})]
    >>> ikm(answers).converted
    75.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from birokrasi_retreat.errors import ScoringError
from birokrasi_retreat.rubric import Band, Response, Rubric
from birokrasi_retreat.scoring._exact import _check
from birokrasi_retreat.scoring._stats import round_half_up


if TYPE_CHECKING:
    from collections.abc import Iterable

    from birokrasi_retreat.messages import Lang


__all__ = ["IkmResult", "ikm"]

# PermenPAN-RB 14/2017 (sources: ikm): each unsur is rated 1 (tidak baik) to 4 (sangat
# baik), and IKM unit pelayanan = IKM x 25 maps 1-4 onto 25-100.
_IKM_MIN: Final = 1
_IKM_MAX: Final = 4
_IKM_FACTOR: Final = 25
# The band table of sources: ikm prints the 1-4 interval with 4 decimals (2.5996, 3.0644).
_IKM_DIGITS: Final = 4


@attrs.frozen(kw_only=True)
class IkmResult:
    """IKM (Indeks Kepuasan Masyarakat, public-satisfaction index) of one survey.

    Computed as PermenPAN-RB 14/2017 prescribes (sources: ikm): the NRR (nilai
    rata-rata) of each unsur over the respondents who answered it, IKM = Σ NRRᵢ × weight
    on the 1-4 scale, and the converted value IKM × 25 on 25-100 with its mutu A-D.

    Attributes:
        rubric: The id of the survey rubric.
        nrr: ``(unsur id, NRR)`` per unsur, in the rubric's order; each NRR exact.
        weight: The nilai penimbang per unsur: exactly 1/9 for the 9 unsur, or the
            legacy rounded 0.11.
        ikm_exact: The IKM on 1-4, exact.
        ikm: The IKM on 1-4 rounded half-up to 4 decimals, as the band table prints it.
        converted: The IKM unit pelayanan, IKM × 25 on 25-100, rounded half-up to 2
            decimals.
        band: The mutu band of ``converted`` (A-D for the built-in rubric), or None when
            the rubric has no bands.
        respondents: The number of responses.

    Added in version 0.1.

    Examples:
        >>> from fractions import Fraction
        >>> result = IkmResult(rubric="ikm", nrr=(("u1", Fraction(7, 2)),),
        ...                    weight=Fraction(1), ikm_exact=Fraction(7, 2), ikm=3.5,
        ...                    converted=87.5, band=None, respondents=2)
        >>> result.converted, result.mutu
        (87.5, None)
    """

    rubric: str
    nrr: tuple[tuple[str, Fraction], ...]
    weight: Fraction
    ikm_exact: Fraction
    ikm: float
    converted: float
    band: Band | None
    respondents: int

    @property
    def mutu(self) -> str | None:
        """The mutu pelayanan (service quality) code, A-D, or None without bands.

        Examples:
            >>> from fractions import Fraction
            >>> from birokrasi_retreat import rubrics
            >>> best = rubrics.load("ikm").bands[-1]
            >>> IkmResult(rubric="ikm", nrr=(), weight=Fraction(1, 9), ikm_exact=Fraction(4),
            ...           ikm=4.0, converted=100.0, band=best, respondents=1).mutu
            'A'
        """
        return None if self.band is None else self.band.code

    def label(self, lang: Lang = "id") -> str | None:
        """The kinerja unit pelayanan (unit performance) label, e.g. "Sangat Baik".

        Args:
            lang: ``"id"`` (default) or ``"en"``.

        Returns:
            The band's label in that language, or None without bands.

        Examples:
            >>> from fractions import Fraction
            >>> from birokrasi_retreat import rubrics
            >>> best = rubrics.load("ikm").bands[-1]
            >>> result = IkmResult(rubric="ikm", nrr=(), weight=Fraction(1, 9),
            ...                    ikm_exact=Fraction(4), ikm=4.0, converted=100.0,
            ...                    band=best, respondents=1)
            >>> result.label(), result.label("en")
            ('Sangat Baik', 'Very good')
        """
        if self.band is None:
            return None
        return self.band.label_en if lang == "en" else self.band.label_id


def ikm(
    responses: Iterable[Response],
    *,
    rubric: Rubric | None = None,
    legacy_rounded_weight: bool = False,
) -> IkmResult:
    """IKM (Indeks Kepuasan Masyarakat): the public-satisfaction index of PermenPAN-RB 14/2017.

    * NRRᵢ = (sum of the ratings of unsur i) / (number of respondents who answered it);
    * IKM = Σ NRRᵢ × w on the 1-4 scale, with the nilai penimbang w = 1 / (number of
      unsur), exactly 1/9 for the 9 unsur; ``legacy_rounded_weight=True`` uses w rounded
      half-up to 2 decimals (0.11), as many spreadsheets print it;
    * IKM unit pelayanan = IKM × 25 on 25-100, rounded half-up to 2 decimals, and its
      mutu by the rubric's bands on that rounded value (A from 88.31, B from 76.61, C
      from 65.00, D below).

    Everything is exact until the final rounding. The unsur are weighted equally, as the
    regulation does, whatever weights the rubric's criteria carry.

    Args:
        responses: The survey responses (one per respondent); a respondent may skip an
            unsur, which then counts only those who answered it.
        rubric: The survey rubric; the built-in ``rubrics.load("ikm")`` by default. Every
            criterion must use the 1-4 scale.
        legacy_rounded_weight: Use the weight rounded to 2 decimals (0.11) instead of
            the exact 1/9.

    Returns:
        The `IkmResult`.

    Raises:
        ScoringError: No responses (``scoring.no_responses``); a criterion not on the
            1-4 scale (``scoring.ikm_scale``); a response for another rubric, an unknown
            unsur or a rating off the scale (the codes of `score`, path prefixed with the
            response's index); an unsur nobody answered (``scoring.element_unanswered``).

    Added in version 0.1.

    Examples:
        >>> from birokrasi_retreat.rubric import Response, SubjectKind
        >>> def respondent(rater, rating):
        ...     return Response(rubric="ikm", subject_kind=SubjectKind.UNIT, subject="dukcapil",
        ...                     rater=rater, ratings={f"u{i}": rating for i in range(1, 10)})
        >>> result = ikm([respondent("r1", 4), respondent("r2", 3), respondent("r3", 4)])
        >>> result.ikm, result.converted, result.mutu
        (3.6667, 91.67, 'A')
        >>> ikm([])
        Traceback (most recent call last):
        ...
        birokrasi_retreat.errors.ScoringError: There are no survey responses, so the IKM cannot be computed. [scoring.no_responses]
    """  # noqa: E501
    if rubric is None:
        from birokrasi_retreat import rubrics  # noqa: PLC0415 (data is read on first use)

        rubric = rubrics.load("ikm")
    nrr, respondents = _nrr(rubric, responses)
    # PermenPAN-RB 14/2017: nilai penimbang = 1 / number of unsur (1/9, printed as 0.11).
    weight = Fraction(1, len(nrr))
    if legacy_rounded_weight:
        weight = Fraction(repr(round_half_up(float(weight))))
    exact = weight * sum(value for _, value in nrr)
    converted = round_half_up(float(exact * _IKM_FACTOR))
    return IkmResult(
        rubric=rubric.id,
        nrr=tuple(nrr),
        weight=weight,
        ikm_exact=exact,
        ikm=round_half_up(float(exact), _IKM_DIGITS),
        converted=converted,
        band=rubric.band_for(converted),
        respondents=respondents,
    )


def _nrr(rubric: Rubric, responses: Iterable[Response]) -> tuple[list[tuple[str, Fraction]], int]:
    """NRR per unsur over those who answered it, and the number of respondents."""
    for index, criterion in enumerate(rubric.criteria):
        scale = criterion.scale
        if (scale.min_value, scale.max_value, scale.step) != (_IKM_MIN, _IKM_MAX, 1):
            raise ScoringError(
                "scoring.ikm_scale",
                path=f"criteria[{index}].scale",
                criterion=criterion.id,
                min=scale.min_value,
                max=scale.max_value,
            )
    totals = dict.fromkeys((criterion.id for criterion in rubric.criteria), 0)
    counts = dict(totals)
    respondents = 0
    for index, response in enumerate(responses):
        try:
            _check(rubric, response, complete=False)
        except ScoringError as error:
            where = f"[{index}]"
            raise error.at(where) from None
        for key, rating in response.ratings.items():
            totals[key] += int(rating)
            counts[key] += 1
        respondents += 1
    if not respondents:
        raise ScoringError("scoring.no_responses")
    nrr: list[tuple[str, Fraction]] = []
    for key, count in counts.items():
        if not count:
            raise ScoringError("scoring.element_unanswered", criterion=key)
        # PermenPAN-RB 14/2017: NRR = sum of the ratings / number who answered the unsur.
        nrr.append((key, Fraction(totals[key], count)))
    return nrr, respondents
