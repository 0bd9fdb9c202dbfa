"""Rubric: evaluation instruments (rubrik penilaian): scales, criteria, bands and responses.

A `Rubric` is what participants, speakers, supervisors or the public fill in: a list of
`Criterion` s, each rated on a `Scale` (Likert 1-4 or 1-5, a 0-100 mark...), optionally
with level descriptors (`Descriptor`), weighted, grouped (a BerAKHLAK value) and required
or optional.
A rubric says how a response becomes a value on 0-100 (`Normalisation`), how ratings of
several raters are combined (`Aggregation`), and which `Band` (mutu, predikat) a value
falls in. A `Response` is one rater's answers about one subject (a participant, session,
speaker, unit or the whole retreat) in one phase (pre, post, follow-up).

The models only hold data and their own invariants: a scale whose range is not a whole
number of steps, a non-positive weight, two criteria with one id, or bands that are not
sorted from 0 upwards cannot be built. Checking a response against its rubric (unknown
criterion, rating off the scale, required criterion unanswered) is the job of
`birokrasi_retreat.scoring` and of the EVA rules of `birokrasi_retreat.validation`, so
that a whole cohort's problems are reported at once.

Decisions recorded here:

* **Bands** are defined by their inclusive lower bound on the 0-100 value **rounded to
  2 decimals**; each band runs up to the next band's lower bound, the last one to 100.
  The first band starts at 0, so bands can neither overlap nor leave a gap. A printed
  interval such as "88.31 - 100.00" (IKM mutu A, sources: ikm) is its lower bound, and
  a strict bound such as "> 90" becomes 90.01 on the rounded value.
* **Normalisation.** ``MIN_MAX`` maps the scale's minimum to 0 and its maximum to 100,
  as Moodle normalises grades; ``RATIO`` divides by the maximum ("lock zero"), which on
  a 1-4 scale is exactly the IKM conversion x25 (PermenPAN-RB 14/2017, sources: ikm).
* **Ratings** are numbers: an `int` (or another integral type, such as NumPy's), or a
  finite `float`; integral values are stored as plain `int` (``4.0`` and ``4`` are the
  same answer); a `bool` is never a rating.
* **Raters** are pseudonymous: a rater id holding a NIP or NIK (a run of 16 or more
  digits) cannot be built (UU 27/2022, sources: uu-pdp). A subject may be an official's
  NIP; it is masked in the repr.

References:
    - SE MenPAN-RB 20/2021, BerAKHLAK core values and their behaviour indicators
      (sources: berakhlak).
    - PermenPAN-RB 14/2017, Survei Kepuasan Masyarakat: 9 unsur, 1-4 scale, x25
      conversion, mutu A-D (sources: ikm).
    - Kirkpatrick's four levels of training evaluation (sources: kirkpatrick).
    - Moodle, grade normalisation: https://docs.moodle.org/en/Grade_calculations

Examples:
    >>> likert = Scale.likert(4, labels_id=("Tidak baik", "Kurang baik", "Baik", "Sangat baik"),
    ...                       labels_en=("Poor", "Fair", "Good", "Very good"))
    >>> likert.points, likert.label(4), likert.label(4, "en")
    ((1, 2, 3, 4), 'Sangat baik', 'Very good')
    >>> rubric = Rubric(
    ...     id="reaksi", title_id="Reaksi peserta", title_en="Participant reaction",
    ...     criteria=(Criterion(id="materi", title_id="Materi", title_en="Material",
    ...                         scale=likert),),
    ...     bands=(Band(code="kurang", label_id="Kurang", label_en="Poor", lower=0),
    ...            Band(code="baik", label_id="Baik", label_en="Good", lower=76.61)),
    ...     normalisation=Normalisation.RATIO,
    ... )
    >>> rubric.band_for(76.60).code, rubric.band_for(76.61).code
    ('kurang', 'baik')
    >>> Response(rubric="reaksi", subject_kind=SubjectKind.SESSION, subject="materi-1",
    ...          rater="p-017", ratings={"materi": 4.0}).ratings["materi"]
    4
"""

from __future__ import annotations

import bisect
import enum
import numbers

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, TypeVar

import attrs
import pendulum

from birokrasi_retreat import _deprecation, _fields, _privacy, _ratings
from birokrasi_retreat.errors import InvalidComponent, InvalidFormat, InvalidType, ValidationError


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from birokrasi_retreat.messages import Lang


__all__ = [
    "Aggregation",
    "Band",
    "Criterion",
    "Descriptor",
    "Normalisation",
    "Phase",
    "Response",
    "Rubric",
    "Scale",
    "ScaleLabel",
    "SubjectKind",
]

_Valued = TypeVar("_Valued", "ScaleLabel", "Descriptor")
_Enum = TypeVar("_Enum", bound=enum.Enum)

# The numbers a weight, bound or rating may be: numbers.Integral admits NumPy's integers.
_NUMBERS: Final = (int, float, numbers.Integral)
# Bands live on the 0-100 value (sources: ikm: the converted IKM runs 25-100).
_LOWEST: Final = 0.0
_HIGHEST: Final = 100.0
# A trimmed mean drops at most just under half of each tail: 0.5 would drop everything.
_MAX_TRIM: Final = 0.5
# A Likert scale needs at least two points to discriminate.
_MIN_LIKERT: Final = 2


def _finite(value: object, field: str) -> float:
    """Return ``value`` as a float: an integral number or a finite float, never a bool."""
    # A bool (and NumPy's bool_) is no number here.
    return _fields.finite(value, field, kinds=_NUMBERS, shown=_privacy.redact)


def _weight(value: object) -> float:
    weight = _finite(value, "weight")
    if weight <= 0:
        raise InvalidComponent("rubric.weight", path="weight", value=weight)
    return weight


def _lower(value: object) -> float:
    lower = _finite(value, "lower")
    if not _LOWEST <= lower <= _HIGHEST:
        raise InvalidComponent("rubric.band_lower", path="lower", value=lower)
    return lower


def _trim(value: object) -> float:
    trim = _finite(value, "trim")
    if not 0 <= trim < _MAX_TRIM:
        raise InvalidComponent("rubric.trim", path="trim", value=trim)
    return trim


def _choice(cls: type[_Enum], field: str, value: object) -> _Enum:
    """Return the member of ``cls`` that is ``value`` or has it as its value."""
    if type(value) is cls:
        return value
    if not isinstance(value, str):  # a member or its value (text); anything else is a type
        raise _fields.type_error(field, cls.__name__, value)
    try:
        return cls(value)
    except ValueError:
        raise InvalidFormat(
            "data.choice",
            path=field,
            value=_privacy.redact(repr(value)),
            choices=", ".join(str(member.value) for member in cls),
        ) from None


def _on_scale(
    scale: Scale, items: Iterable[_Valued], field: str, cls: type[_Valued]
) -> dict[int, _Valued]:
    """Index labels or levels by value: each one a point of ``scale``, none repeated."""
    found: dict[int, _Valued] = {}
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        _fields.check_instance(item, cls, where)
        if not scale.contains(item.value):
            raise InvalidComponent(
                "rubric.off_scale",
                path=f"{where}.value",
                value=item.value,
                min=scale.min_value,
                max=scale.max_value,
                step=scale.step,
            )
        if item.value in found:
            raise ValidationError("rubric.duplicate_value", path=f"{where}.value", value=item.value)
        found[item.value] = item
    return found


@attrs.frozen(kw_only=True)
class ScaleLabel:
    """Label of one point of a scale (e.g. 4 = "Sangat baik"), in Indonesian and English.

    Attributes:
        value: The point of the scale it names.
        label_id: The label in Indonesian, e.g. "Sangat baik".
        label_en: The label in English, e.g. "Very good".

    Examples:
        >>> ScaleLabel(value=4, label_id="Sangat baik", label_en="Very good").label_en
        'Very good'
    """

    value: int = attrs.field(validator=_fields.integer)
    label_id: str = _fields.text_field()
    label_en: str = _fields.text_field()


@attrs.frozen(kw_only=True)
class Scale:
    """Skala penilaian: the points a rating may take, from ``min_value`` to ``max_value``.

    The points are ``min_value``, ``min_value + step``, ... ``max_value``: the range must
    be a whole number of steps. Points may carry labels (not all need one).

    Attributes:
        min_value: The lowest point (the worst answer).
        max_value: The highest point (the best answer), above ``min_value``.
        step: The distance between two points (a positive whole number).
        labels: Labels of points, in both languages; each on the scale, none repeated.

    Examples:
        >>> Scale(min_value=0, max_value=100, step=25).points
        (0, 25, 50, 75, 100)
        >>> Scale(min_value=1, max_value=4, step=2)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: ... [rubric.scale_fit] @ $.step
    """

    min_value: int = attrs.field(validator=_fields.integer)
    max_value: int = attrs.field(validator=_fields.integer)
    step: int = attrs.field(default=1, validator=_fields.integer)
    labels: tuple[ScaleLabel, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(ScaleLabel)
    )
    _labels: dict[int, ScaleLabel] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.min_value >= self.max_value:
            raise InvalidComponent(
                "rubric.scale_range", path="max_value", min=self.min_value, max=self.max_value
            )
        if self.step < 1:
            raise InvalidComponent("rubric.scale_step", path="step", value=self.step)
        if (self.max_value - self.min_value) % self.step:
            raise InvalidComponent(
                "rubric.scale_fit",
                path="step",
                min=self.min_value,
                max=self.max_value,
                step=self.step,
            )
        object.__setattr__(self, "_labels", _on_scale(self, self.labels, "labels", ScaleLabel))

    @classmethod
    def likert(
        cls, n: int, *, labels_id: Sequence[str] = (), labels_en: Sequence[str] = ()
    ) -> Scale:
        """Build a Likert scale 1..``n``, optionally with a label for every point.

        Args:
            n: The number of points (2 or more): 4 for the IKM scale, 5 for BerAKHLAK.
            labels_id: ``n`` labels in Indonesian, lowest first; or none.
            labels_en: ``n`` labels in English, lowest first; or none.

        Returns:
            The scale from 1 to ``n`` in steps of 1.

        Raises:
            InvalidType: ``n`` is not an int, or the labels are not a list (``data.type``).
            InvalidComponent: ``n`` is below 2 (``rubric.likert_points``).
            ValidationError: labels are given but not ``n`` of them in each language
                (``rubric.likert_labels``).

        Examples:
            >>> Scale.likert(5).points
            (1, 2, 3, 4, 5)
            >>> Scale.likert(2, labels_id=("Tidak", "Ya"), labels_en=("No", "Yes")).label(2)
            'Ya'
        """
        _fields.check_integer(n, "n")
        if n < _MIN_LIKERT:
            raise InvalidComponent("rubric.likert_points", path="n", value=n)
        texts: dict[str, tuple[str, ...]] = {}
        for field, given in (("labels_id", labels_id), ("labels_en", labels_en)):
            try:
                texts[field] = _fields.to_tuple(given)
            except ValidationError as error:
                raise error.at(field) from None
        if not texts["labels_id"] and not texts["labels_en"]:
            return cls(min_value=1, max_value=n)
        for field, items in texts.items():
            if len(items) != n:
                raise ValidationError("rubric.likert_labels", path=field, n=n, count=len(items))
        labels = []
        for index, (label_id, label_en) in enumerate(
            zip(texts["labels_id"], texts["labels_en"], strict=True)
        ):
            try:
                labels.append(ScaleLabel(value=index + 1, label_id=label_id, label_en=label_en))
            except ValidationError as error:
                where = f"labels[{index}]"
                raise error.at(where) from None
        return cls(min_value=1, max_value=n, labels=tuple(labels))

    @property
    def points(self) -> tuple[int, ...]:
        """Every point of the scale, lowest first.

        Examples:
            >>> Scale(min_value=-2, max_value=2, step=2).points
            (-2, 0, 2)
        """
        return tuple(range(self.min_value, self.max_value + 1, self.step))

    def contains(self, value: object) -> bool:
        """Whether ``value`` is a point of the scale (a valid rating on it).

        Args:
            value: An int (or another integral number type, such as NumPy's) or an
                integral float; a bool is never a rating.

        Returns:
            True when ``value`` lies within the bounds on a step.

        Examples:
            >>> scale = Scale.likert(4)
            >>> scale.contains(3), scale.contains(3.0), scale.contains(2.5)
            (True, True, False)
            >>> scale.contains(5), scale.contains(True), scale.contains("3")
            (False, False, False)
        """
        if type(value) is not int:
            if isinstance(value, bool):
                return False
            if isinstance(value, float):
                # is_integer() is False for NaN and the infinities.
                if not value.is_integer():
                    return False
            elif not isinstance(value, numbers.Integral):
                return False
            value = int(value)
        return (
            self.min_value <= value <= self.max_value and (value - self.min_value) % self.step == 0
        )

    def label(self, value: object, lang: Lang = "id") -> str | None:
        """The label of a point, in Indonesian (default) or English.

        Args:
            value: A point of the scale.
            lang: ``"id"`` or ``"en"``; any other falls back to Indonesian, as the message
                catalogue does.

        Returns:
            The label, or None when ``value`` is not a point or has no label.

        Examples:
            >>> scale = Scale.likert(4, labels_id=("Tidak baik", "Kurang baik", "Baik",
            ...                                    "Sangat baik"),
            ...                      labels_en=("Poor", "Fair", "Good", "Very good"))
            >>> scale.label(1), scale.label(1, "en"), scale.label(9)
            ('Tidak baik', 'Poor', None)
        """
        if not self.contains(value):
            return None
        found = self._labels.get(int(value))  # type: ignore[call-overload]  # a point: a number
        if found is None:
            return None
        return found.label_en if lang == "en" else found.label_id


@attrs.frozen(kw_only=True)
class Descriptor:
    """Level descriptor: what a point of a criterion's scale means for that criterion.

    A criterion lists its descriptors in `Criterion.levels` (the ``levels`` key of a rubric
    document) and `Criterion.level` looks one up. Formerly ``Level``: that name still
    works, with a `DeprecationWarning`, for at least one minor release.

    Attributes:
        value: The point of the scale it describes.
        descriptor_id: The description in Indonesian.
        descriptor_en: The description in English.

    Examples:
        >>> Descriptor(value=5, descriptor_id="Menjadi teladan",
        ...            descriptor_en="Is a role model").descriptor_en
        'Is a role model'
    """

    value: int = attrs.field(validator=_fields.integer)
    descriptor_id: str = _fields.text_field()
    descriptor_en: str = _fields.text_field()


@attrs.frozen(kw_only=True)
class Criterion:
    """Kriteria (butir, unsur): one item of a rubric, rated on its scale.

    Attributes:
        id: Your key for the criterion, unique in its rubric; a response's ratings are
            keyed by it.
        title_id: The item in Indonesian, e.g. "Persyaratan".
        title_en: The item in English, e.g. "Requirements".
        weight: Its weight, a finite number above 0 (only the ratios between weights
            matter: equal weights give each of 9 items exactly 1/9).
        scale: The scale it is rated on.
        required: Whether a response must answer it (rule EVA003).
        levels: Descriptors of the points of its scale; each on the scale, none repeated.
        group: The group it belongs to, e.g. the BerAKHLAK value of an indicator.

    Examples:
        >>> item = Criterion(id="u1", title_id="Persyaratan", title_en="Requirements",
        ...                  scale=Scale.likert(4))
        >>> item.weight, item.required
        (1.0, True)
        >>> Criterion(id="u1", title_id="Persyaratan", title_en="Requirements",
        ...           scale=Scale.likert(4), weight=0)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: ... [rubric.weight] @ $.weight
    """

    id: str = _fields.id_field()
    title_id: str = _fields.text_field()
    title_en: str = _fields.text_field()
    weight: float = attrs.field(default=1.0, converter=_weight)
    scale: Scale = attrs.field(validator=_fields.instance_of(Scale))
    required: bool = attrs.field(default=True, validator=_fields.boolean)
    levels: tuple[Descriptor, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Descriptor)
    )
    group: str | None = attrs.field(default=None, validator=_fields.optional_id)
    _levels: dict[int, Descriptor] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_levels", _on_scale(self.scale, self.levels, "levels", Descriptor)
        )

    def level(self, value: object) -> Descriptor | None:
        """The level descriptor of a point of the criterion's scale, or None.

        Examples:
            >>> item = Criterion(id="k", title_id="K", title_en="K", scale=Scale.likert(2),
            ...                  levels=(Descriptor(value=2, descriptor_id="Selalu",
            ...                                     descriptor_en="Always"),))
            >>> item.level(2).descriptor_id, item.level(1)
            ('Selalu', None)
        """
        if not self.scale.contains(value):
            return None
        return self._levels.get(int(value))  # type: ignore[call-overload]  # a point: a number


@attrs.frozen(kw_only=True)
class Band:
    """Band (mutu, predikat): a named range of the 0-100 value, from its lower bound up.

    The lower bound is inclusive and applies to the value rounded to 2 decimals; the band
    runs up to the next band's lower bound (the last one to 100).

    Attributes:
        code: Its code, unique in its rubric, e.g. ``"A"``.
        label_id: Its label in Indonesian, e.g. "Sangat Baik".
        label_en: Its label in English, e.g. "Very good".
        lower: Its inclusive lower bound, 0 to 100.

    Examples:
        >>> Band(code="A", label_id="Sangat Baik", label_en="Very good", lower=88.31).lower
        88.31
    """

    code: str = _fields.id_field()
    label_id: str = _fields.text_field()
    label_en: str = _fields.text_field()
    lower: float = attrs.field(converter=_lower)


class Normalisation(enum.StrEnum):
    """How a rating becomes a value on 0-100.

    Examples:
        >>> Normalisation("ratio")
        <Normalisation.RATIO: 'ratio'>
    """

    # (x - min) / (max - min) x 100, as Moodle normalises grades: the worst answer is 0.
    MIN_MAX = "min_max"
    # x / max x 100 ("lock zero"); on the IKM 1-4 scale this is the x25 conversion of
    # PermenPAN-RB 14/2017 (sources: ikm), so the worst answer is 25.
    RATIO = "ratio"


class Aggregation(enum.StrEnum):
    """How the ratings of several raters of one subject are combined.

    Examples:
        >>> Aggregation.TRIMMED_MEAN.value
        'trimmed_mean'
    """

    # The arithmetic mean (the IKM's NRR is a mean, PermenPAN-RB 14/2017, sources: ikm).
    MEAN = "mean"
    # The median: robust to a few extreme raters.
    MEDIAN = "median"
    # The mean after dropping the rubric's ``trim`` share of each tail.
    TRIMMED_MEAN = "trimmed_mean"


def _normalisation(value: object) -> Normalisation:
    return _choice(Normalisation, "normalisation", value)


def _aggregation(value: object) -> Aggregation:
    return _choice(Aggregation, "aggregation", value)


@attrs.frozen(kw_only=True)
class Rubric:
    """Rubrik penilaian: an evaluation instrument, its criteria, bands and scoring options.

    Attributes:
        id: Your key for the rubric; a response names it.
        title_id: The title in Indonesian.
        title_en: The title in English.
        criteria: Its criteria (at least one), with unique ids.
        bands: Its bands, sorted by strictly increasing lower bound, the first at 0,
            with unique codes; none when the rubric has no bands.
        normalisation: How a rating becomes a value on 0-100.
        aggregation: How the ratings of several raters are combined.
        trim: The share of each tail a trimmed mean drops (0 to just under 0.5).
        allow_self_rating: Whether a rater may rate themselves (rule EVA005 otherwise).
        source: Where the rubric comes from: regulation, sources-page anchor, status.

    Examples:
        >>> scale = Scale.likert(4)
        >>> Rubric(id="r", title_id="R", title_en="R",
        ...        criteria=(Criterion(id="a", title_id="A", title_en="A", scale=scale),),
        ...        bands=(Band(code="B", label_id="Baik", label_en="Good", lower=50),)
        ...        )  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidComponent: ... [rubric.band_first] @ $.bands[0].lower
    """

    id: str = _fields.id_field()
    title_id: str = _fields.text_field()
    title_en: str = _fields.text_field()
    criteria: tuple[Criterion, ...] = attrs.field(
        converter=_fields.as_tuple, validator=_fields.members(Criterion)
    )
    bands: tuple[Band, ...] = attrs.field(
        default=(), converter=_fields.as_tuple, validator=_fields.members(Band)
    )
    normalisation: Normalisation = attrs.field(
        default=Normalisation.MIN_MAX, converter=_normalisation
    )
    aggregation: Aggregation = attrs.field(default=Aggregation.MEAN, converter=_aggregation)
    trim: float = attrs.field(default=0.1, converter=_trim)
    allow_self_rating: bool = attrs.field(default=True, validator=_fields.boolean)
    source: str = attrs.field(default="", validator=_fields.string)
    _criteria: dict[str, Criterion] = attrs.field(init=False, repr=False, eq=False)
    _lowers: tuple[float, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.criteria:
            raise ValidationError("rubric.no_criteria", path="criteria")
        criteria: dict[str, Criterion] = {}
        for index, criterion in enumerate(self.criteria):
            where = f"criteria[{index}]"
            _fields.check_instance(criterion, Criterion, where)
            if criterion.id in criteria:
                raise ValidationError(
                    "rubric.duplicate_id", path=f"{where}.id", field="criteria", value=criterion.id
                )
            criteria[criterion.id] = criterion
        codes: set[str] = set()
        lowers: list[float] = []
        for index, band in enumerate(self.bands):
            where = f"bands[{index}]"
            _fields.check_instance(band, Band, where)
            if not lowers and band.lower != _LOWEST:
                raise InvalidComponent("rubric.band_first", path=f"{where}.lower", value=band.lower)
            if lowers and band.lower <= lowers[-1]:
                raise InvalidComponent(
                    "rubric.band_order",
                    path=f"{where}.lower",
                    value=band.lower,
                    previous=lowers[-1],
                )
            if band.code in codes:
                raise ValidationError(
                    "rubric.duplicate_id", path=f"{where}.code", field="bands", value=band.code
                )
            codes.add(band.code)
            lowers.append(band.lower)
        object.__setattr__(self, "_criteria", criteria)
        object.__setattr__(self, "_lowers", tuple(lowers))

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id, or None.

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> rubrics.load("ikm").criterion("u1").title_id
            'Persyaratan'
            >>> rubrics.load("ikm").criterion("u10") is None
            True
        """
        return self._criteria.get(criterion_id)

    def band_for(self, value: float) -> Band | None:
        """The band a 0-100 value (already rounded to 2 decimals) falls in.

        Args:
            value: The value, rounded half-up to 2 decimals by the caller (scoring does).

        Returns:
            The band with the highest lower bound at or below ``value``; None when the
            rubric has no bands or ``value`` lies outside 0-100 (or is NaN).

        Examples:
            >>> from birokrasi_retreat import rubrics
            >>> ikm = rubrics.load("ikm")
            >>> [ikm.band_for(v).code for v in (64.99, 65.0, 76.6, 76.61, 88.3, 88.31)]
            ['D', 'C', 'C', 'B', 'B', 'A']
            >>> ikm.band_for(100.01) is None
            True
        """
        if not self._lowers or not _LOWEST <= value <= _HIGHEST:
            return None
        return self.bands[bisect.bisect_right(self._lowers, value) - 1]


class SubjectKind(enum.StrEnum):
    """What a response is about.

    Examples:
        >>> SubjectKind("speaker")
        <SubjectKind.SPEAKER: 'speaker'>
    """

    # A participant: a self-assessment, or a supervisor's follow-up (Kirkpatrick level 3).
    PARTICIPANT = "participant"
    # One session of the agenda (per-session reaction, Kirkpatrick level 1).
    SESSION = "session"
    # A narasumber (speaker evaluation).
    SPEAKER = "speaker"
    # A unit (OPD, kecamatan, kelurahan): e.g. its IKM survey (PermenPAN-RB 14/2017).
    UNIT = "unit"
    # The whole retreat (end-of-retreat reaction survey).
    RETREAT = "retreat"


class Phase(enum.StrEnum):
    """When a response was given, relative to the retreat (Kirkpatrick, sources: kirkpatrick).

    Examples:
        >>> Phase.FOLLOW_UP.value
        'follow_up'
    """

    # Before the retreat begins: the pre-test of level 2.
    PRE = "pre"
    # At or after its end: reaction (level 1) and post-test (level 2).
    POST = "post"
    # Months later, usually 3-6: behaviour on the job (level 3).
    FOLLOW_UP = "follow_up"


def _subject_kind(value: object) -> SubjectKind:
    return _choice(SubjectKind, "subject_kind", value)


def _phase(value: object) -> Phase:
    return _choice(Phase, "phase", value)


def _pseudonym(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    _fields.check_id(value, attribute.name)
    if _privacy.has_personal_number(value):
        raise InvalidFormat("rubric.rater_personal", path=attribute.name)


def _checked_ratings(value: object) -> Mapping[str, float]:
    """Store ratings read-only: str keys, finite numbers (integral floats as ints).

    The mapping is a `_ratings.RatingsMap`: a read-only dict that also keeps the
    ratings packed as bytes for `birokrasi_retreat.scoring.score_many`.
    """
    if not isinstance(value, Mapping):
        raise _fields.type_error("ratings", "object", value)
    stored: dict[str, float] = {}
    for key, rating in value.items():
        if type(key) is not str:
            raise InvalidType(
                "data.key_type",
                path="ratings",
                key=_privacy.redact(repr(key)),
                got=_fields.type_name(key),
            )
        if type(rating) is int:
            stored[key] = rating
            continue
        where = f"ratings[{_privacy.redact(repr(key))}]"
        number = _finite(rating, where)
        if isinstance(rating, numbers.Integral):
            stored[key] = int(rating)
        else:
            stored[key] = int(number) if number.is_integer() else number
    return _ratings.of(stored)


@attrs.frozen(kw_only=True)
class Response:
    """Jawaban: one rater's ratings of one subject on a rubric, in one phase.

    Construction does not check the ratings against the rubric: a rating for an unknown
    criterion, off the scale, or a required criterion left unanswered are reported by
    the EVA rules and refused by `birokrasi_retreat.scoring`.

    Attributes:
        rubric: The id of the rubric answered.
        subject_kind: What the response is about.
        subject: The id of the subject (a participant's id or NIP, a session id...);
            masked in the repr when it holds a NIP.
        rater: The rater's pseudonymous id; never a NIP or NIK.
        phase: Pre, post or follow-up.
        ratings: Criterion id -> rating, a read-only `dict` (every change raises
            `TypeError`; ``copy()`` gives a plain dict); a missing key is an unanswered
            criterion. An integral float is stored as an int.
        submitted: When the response was given (aware), if known.
        comment: Free text, if any (masked in the repr where it holds a long number).

    Examples:
        >>> r = Response(rubric="berakhlak", subject_kind=SubjectKind.PARTICIPANT,
        ...              subject="198609262015051001", rater="r-01", phase=Phase.PRE,
        ...              ratings={"akuntabel_1": 4})
        >>> r  # doctest: +ELLIPSIS
        Response(rubric='berakhlak', ..., subject='***************001', rater='r-01', ...)
        >>> Response(rubric="berakhlak", subject_kind="participant", subject="p-1",
        ...          rater="19860926 201505 1 001", ratings={})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        birokrasi_retreat.errors.InvalidFormat: ... [rubric.rater_personal] @ $.rater
    """

    rubric: str = _fields.id_field()
    subject_kind: SubjectKind = attrs.field(converter=_subject_kind)
    subject: str = attrs.field(
        validator=lambda _i, a, v: _fields.check_id(v, a.name), repr=_privacy.redacted_repr
    )
    rater: str = attrs.field(validator=_pseudonym)
    phase: Phase = attrs.field(default=Phase.POST, converter=_phase)
    ratings: Mapping[str, float] = attrs.field(
        converter=_checked_ratings, hash=False, repr=lambda m: repr(dict(m))
    )
    submitted: pendulum.DateTime | None = attrs.field(
        default=None, validator=_fields.optional_aware
    )
    comment: str | None = attrs.field(
        default=None, validator=_fields.optional_string, repr=_privacy.redacted_repr
    )


if TYPE_CHECKING:
    # Deprecated: the old name, for type checkers (at run time `__getattr__` warns).
    Level = Descriptor


# The old name, resolved with a DeprecationWarning (PEP 562; see _deprecation).
__getattr__ = _deprecation.renamed(__name__, {"Level": ("Descriptor", Descriptor)})
