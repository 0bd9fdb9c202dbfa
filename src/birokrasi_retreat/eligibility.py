"""Eligibility: who may take part in a retret ASN, decided official by official with a reason.

A retreat's `birokrasi_retreat.retreat.Eligibility` is declarative: position families,
an eselon range, unit kinds, heads only, and NIPs included or excluded by name.
`evaluate` applies it to a `birokrasi_retreat.roster.Roster` on one date and returns one
`Decision` per official of the roster (in roster order), then one per NIP of
``include`` that the roster does not know. Every decision carries a stable reason code
whose message, in Indonesian or English, names the post, family, eselon or unit kind
that decided it.

The reasons, checked in this order (the first that applies decides):

1. ``eligibility.excluded``: the NIP is in ``exclude`` (never eligible);
2. ``eligibility.included``: the NIP is in ``include`` (always eligible);
3. ``eligibility.no_selector``: no post selector is given, so only ``include`` counts;
4. ``eligibility.no_post``: the official holds no post on the date;
5. ``eligibility.matches``: a post held on the date matches every selector;
6. ``eligibility.no_match``: posts are held but none matches; the decision explains
   the first selector that the best post (the one failing fewest selectors) fails.

A NIP of ``include`` that is not in the roster is ``eligibility.included_unknown``
(eligible: the list says so), or ``eligibility.excluded`` if also excluded.

Decisions recorded here:

* An acting appointment (Plt, Plh, Pj) counts like a definitive one: the acting holder
  represents the unit, and the 2025 city retreats invited the officials in charge of
  each unit. Among several qualifying posts the definitive one is reported first.
* A post without an eselon fails any eselon bound; with no bound it may match.
* Decisions never carry a whole NIP: ``params["nip"]`` is masked (UU 27/2022).

Cost: O(officials x their posts) plus the size of ``include``; every look-up in the
roster is an index hit.

Examples:
    >>> import pendulum
    >>> from birokrasi_retreat import samples
    >>> from birokrasi_retreat.organization import UnitKind
    >>> from birokrasi_retreat.ranks import Eselon
    >>> from birokrasi_retreat.retreat import Eligibility
    >>> roster = samples.load_roster("malang")
    >>> camat = Eligibility(unit_kinds=(UnitKind.KECAMATAN,), heads_only=True)
    >>> decisions = evaluate(camat, roster, on=pendulum.Date(2025, 5, 15))
    >>> len(decisions) == len(roster.officials)
    True
    >>> chosen = [d for d in decisions if d.eligible]
    >>> len(chosen), chosen[0].reason, chosen[0].position
    (5, 'eligibility.matches', 'camat-blimbing')
    >>> chosen[0].message("en")  # doctest: +ELLIPSIS
    '******** ****** * ... is eligible as Camat Blimbing (Administrator, eselon III.a, ...).'
    >>> summary(decisions)["eligible"]
    {'eligibility.matches': 5}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from birokrasi_retreat import _fields, _privacy
from birokrasi_retreat.ids import nip as _nip
from birokrasi_retreat.messages import Lang, render


if TYPE_CHECKING:
    from collections.abc import Iterable

    import pendulum

    from birokrasi_retreat.organization import Position, UnitKind
    from birokrasi_retreat.ranks import PositionFamily
    from birokrasi_retreat.retreat import Eligibility
    from birokrasi_retreat.roster import Roster


__all__ = ["Decision", "eligible_nips", "evaluate", "summary"]

_EXCLUDED: Final = "eligibility.excluded"
_INCLUDED: Final = "eligibility.included"
_INCLUDED_UNKNOWN: Final = "eligibility.included_unknown"
_MATCHES: Final = "eligibility.matches"
_NO_POST: Final = "eligibility.no_post"
_NO_MATCH: Final = "eligibility.no_match"
_NO_SELECTOR: Final = "eligibility.no_selector"

# What a post without an eselon shows in a message.
_NO_ESELON: Final = "-"


def _freeze(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen(kw_only=True)
class Decision:
    """Keputusan kelayakan (eligibility decision): whether one official may take part, and why.

    Attributes:
        nip: The official's NIP or NI PPPK (compact; the repr masks it).
        eligible: Whether the official may take part.
        reason: The message code of the reason, e.g. ``"eligibility.matches"``.
        params: The values the message is rendered from (read-only; the NIP in them is
            masked).
        position: The id of the post that qualified, or of the post considered when
            none did; None when no post decided (a NIP listed, no post held).

    Examples:
        >>> d = Decision(nip="19860926 201505 1 001", eligible=True,
        ...              reason="eligibility.included", params={"nip": "******** ****** * 001"})
        >>> d  # doctest: +ELLIPSIS
        Decision(nip='******** ****** * 001', eligible=True, reason='eligibility.included', ...)
        >>> d.nip
        '198609262015051001'
    """

    nip: str = attrs.field(
        converter=_nip.compact, validator=_fields.number, repr=_privacy.masked_nip_repr
    )
    eligible: bool
    reason: str
    # A read-only mapping is not hashable: the decision hashes without it.
    params: Mapping[str, object] = attrs.field(
        factory=dict, converter=_freeze, hash=False, repr=lambda p: repr(dict(p))
    )
    position: str | None = None

    def message(self, lang: Lang = "id") -> str:
        """Render the reason in ``lang`` (Indonesian by default) from the catalogue.

        Args:
            lang: ``"id"`` or ``"en"``.

        Returns:
            The reason as a sentence.

        Examples:
            >>> d = Decision(nip="198609262015051001", eligible=False,
            ...              reason="eligibility.no_post",
            ...              params={"nip": "******** ****** * 001", "on": "2025-05-15"})
            >>> d.message("en")
            '******** ****** * 001 is not eligible: holds no post on 2025-05-15.'
            >>> d.message()  # doctest: +ELLIPSIS
            '******** ****** * 001 tidak memenuhi syarat: ... pada 2025-05-15.'
        """
        return render(self.reason, lang, self.params)


def _label(kind: UnitKind) -> str:
    return kind.value.replace("_", " ")


class _Criteria:
    """An `Eligibility`'s post selectors, prepared once for many posts."""

    __slots__ = ("eligibility", "families", "families_text", "unit_kinds", "unit_kinds_text")

    def __init__(self, eligibility: Eligibility) -> None:
        self.eligibility = eligibility
        self.families: frozenset[PositionFamily] = frozenset(eligibility.families)
        self.unit_kinds: frozenset[UnitKind] = frozenset(eligibility.unit_kinds)
        self.families_text = ", ".join(dict.fromkeys(f.label for f in eligibility.families))
        self.unit_kinds_text = ", ".join(dict.fromkeys(_label(k) for k in eligibility.unit_kinds))

    def failures(
        self, position: Position, unit_kind: UnitKind
    ) -> list[tuple[str, str, dict[str, str]]]:
        """The selectors ``position`` fails, in order: (selector, explanation code, params)."""
        found: list[tuple[str, str, dict[str, str]]] = []
        rules = self.eligibility
        if self.families and position.family not in self.families:
            found.append(("families", "eligibility.why.family", {"families": self.families_text}))
        low, high = rules.eselon_min, rules.eselon_max
        eselon = position.eselon
        if eselon is None and (low is not None or high is not None):
            selector = "eselon_min" if low is not None else "eselon_max"
            found.append((selector, "eligibility.why.no_eselon", {}))
        elif eselon is not None and low is not None and eselon < low:
            found.append(("eselon_min", "eligibility.why.eselon_min", {"eselon_min": str(low)}))
        elif eselon is not None and high is not None and eselon > high:
            found.append(("eselon_max", "eligibility.why.eselon_max", {"eselon_max": str(high)}))
        if self.unit_kinds and unit_kind not in self.unit_kinds:
            found.append(
                ("unit_kinds", "eligibility.why.unit_kind", {"unit_kinds": self.unit_kinds_text})
            )
        if rules.heads_only and not position.heads_unit:
            found.append(("heads_only", "eligibility.why.heads_only", {}))
        return found


def _post_params(masked: str, position: Position, unit_kind: UnitKind) -> dict[str, object]:
    return {
        "nip": masked,
        "title": position.title,
        "family": position.family.label,
        "eselon": _NO_ESELON if position.eselon is None else str(position.eselon),
        "unit_kind": _label(unit_kind),
    }


def _by_posts(number: str, criteria: _Criteria, roster: Roster, on: pendulum.Date) -> Decision:
    # The layout the number is valid in; a number valid in none is all stars.
    masked = _privacy.mask(number, nik=False)
    posts = roster.posts_of(number, on=on)
    if not posts:
        return Decision(
            nip=number,
            eligible=False,
            reason=_NO_POST,
            params={"nip": masked, "on": on.isoformat()},
        )
    candidates: list[tuple[Position, UnitKind, list[tuple[str, str, dict[str, str]]]]] = []
    for appointment in posts:
        position = roster.position(appointment.position)
        unit_kind = roster.unit(position.unit).kind
        failed = criteria.failures(position, unit_kind)
        if not failed:
            return Decision(
                nip=number,
                eligible=True,
                reason=_MATCHES,
                params=_post_params(masked, position, unit_kind),
                position=position.id,
            )
        candidates.append((position, unit_kind, failed))
    # The best post fails the fewest selectors; min keeps the first (definitive) of a tie.
    position, unit_kind, failed = min(candidates, key=lambda c: len(c[2]))
    selector, why, extra = failed[0]
    params = _post_params(masked, position, unit_kind)
    params.update(extra)
    params["selector"] = selector
    params["why_id"] = render(why, "id", params)
    params["why_en"] = render(why, "en", params)
    return Decision(
        nip=number, eligible=False, reason=_NO_MATCH, params=params, position=position.id
    )


def evaluate(
    eligibility: Eligibility, roster: Roster, *, on: pendulum.Date
) -> tuple[Decision, ...]:
    """Evaluate eligibility (kelayakan peserta): decide, official by official, who may take part.

    Args:
        eligibility: The retreat's selectors and NIP lists.
        roster: The Pemda's government.
        on: The date the posts are taken on (usually the retreat's first day).

    Returns:
        One decision per official of ``roster``, in roster order, then one per NIP of
        ``eligibility.include`` that is not in the roster, in list order (a NIP listed
        twice is decided once).

    Raises:
        InvalidType: ``on`` is not a `pendulum.Date` (code ``data.type``).

    Examples:
        >>> import pendulum
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.ranks import Eselon
        >>> from birokrasi_retreat.retreat import Eligibility
        >>> roster = samples.load_roster("malang")
        >>> sekda = Eligibility(eselon_min=Eselon.II_A)
        >>> decisions = evaluate(sekda, roster, on=pendulum.Date(2025, 5, 15))
        >>> for decision in decisions:
        ...     if decision.eligible:
        ...         print(decision.message("en"))  # doctest: +ELLIPSIS
        ******** ****** * ... is eligible as Sekretaris Daerah (JPT Pratama, eselon II.a, ...).
        >>> decisions[-1].reason
        'eligibility.no_match'
    """
    _fields.check_date(on, "on")
    excluded = {_nip.compact(number) for number in eligibility.exclude}
    included = dict.fromkeys(_nip.compact(number) for number in eligibility.include)
    criteria = _Criteria(eligibility)
    selects = eligibility.selects_posts
    decisions: list[Decision] = []
    known: set[str] = set()
    for official in roster.officials:
        number = official.nip
        known.add(number)
        if number in excluded:
            decisions.append(_listed(number, eligible=False, reason=_EXCLUDED))
        elif number in included:
            decisions.append(_listed(number, eligible=True, reason=_INCLUDED))
        elif not selects:
            decisions.append(_listed(number, eligible=False, reason=_NO_SELECTOR))
        else:
            decisions.append(_by_posts(number, criteria, roster, on))
    for number in included:
        if number in known:
            continue
        if number in excluded:
            decisions.append(_listed(number, eligible=False, reason=_EXCLUDED))
        else:
            decisions.append(_listed(number, eligible=True, reason=_INCLUDED_UNKNOWN))
    return tuple(decisions)


def _listed(number: str, *, eligible: bool, reason: str) -> Decision:
    return Decision(
        nip=number,
        eligible=eligible,
        reason=reason,
        params={"nip": _privacy.mask(number, nik=False)},
    )


def eligible_nips(eligibility: Eligibility, roster: Roster, *, on: pendulum.Date) -> frozenset[str]:
    """The NIPs (compact) of everyone eligible (layak) on ``on``, as `evaluate` decides.

    Args:
        eligibility: The retreat's selectors and NIP lists.
        roster: The Pemda's government.
        on: The date the posts are taken on.

    Returns:
        The compact NIPs of the eligible decisions, included NIPs unknown to the roster
        among them.

    Raises:
        InvalidType: ``on`` is not a `pendulum.Date` (code ``data.type``).

    Examples:
        >>> import pendulum
        >>> from birokrasi_retreat import samples
        >>> from birokrasi_retreat.organization import UnitKind
        >>> from birokrasi_retreat.ranks import Eselon
        >>> from birokrasi_retreat.retreat import Eligibility
        >>> lurah = Eligibility(unit_kinds=(UnitKind.KELURAHAN,), eselon_min=Eselon.IV_A)
        >>> len(eligible_nips(lurah, samples.load_roster("malang"), on=pendulum.Date(2025, 5, 15)))
        57
    """
    return frozenset(d.nip for d in evaluate(eligibility, roster, on=on) if d.eligible)


def summary(decisions: Iterable[Decision]) -> dict[str, dict[str, int]]:
    """Summarise decisions (ringkasan kelayakan): counts of each reason, eligible or not.

    Args:
        decisions: Decisions, e.g. from `evaluate`.

    Returns:
        ``{"eligible": {reason: count}, "not_eligible": {reason: count}}``, reasons
        sorted by code (plain data, ready for JSON).

    Examples:
        >>> summary([
        ...     Decision(nip="198609262015051001", eligible=True, reason="eligibility.included"),
        ...     Decision(nip="198609262015051002", eligible=False, reason="eligibility.no_post"),
        ... ])
        {'eligible': {'eligibility.included': 1}, 'not_eligible': {'eligibility.no_post': 1}}
    """
    counts: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for decision in decisions:
        counts[decision.eligible][decision.reason] += 1
    return {
        "eligible": dict(sorted(counts[True].items())),
        "not_eligible": dict(sorted(counts[False].items())),
    }
