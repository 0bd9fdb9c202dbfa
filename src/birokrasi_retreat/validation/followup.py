"""Follow-up rules (FUP001-FUP007): checks across a retreat's commitments and visits.

Each rule is a plain function registered with `birokrasi_retreat.validation.rule`; they
run on ``import birokrasi_retreat.validation`` and apply to a
`birokrasi_retreat.followup.FollowUp`. Codes are public contract:

* Commitments (rencana aksi): FUP001 an owner the roster does not know or who did not
  take part in the retreat, FUP002 no measurable indicator or no target, FUP003 past due
  and not done on the date, FUP006 done without evidence.
* Visits (kunjungan monitoring): FUP004 a unit of the retreat not visited within the
  window after it, FUP005 a visit dated before the retreat ended, FUP007 a visitor in
  two places on one day.

Options (``check(follow_up, options={...})``):

* ``"roster"``: the host's `birokrasi_retreat.roster.Roster`; FUP001 and FUP004 need it
  and stay silent without it.
* ``"window_days"``: the follow-up window in days after the retreat's last local day,
  a whole number of 1 or more, default `birokrasi_retreat.followup.DEFAULT_WINDOW_DAYS`
  (90, a project choice: sources: kirkpatrick, aksi-perubahan).

FUP003 and FUP004 depend on the date: they use ``check(follow_up, on=date)`` and stay
silent without it (the library never reads the clock). They are registered by
`birokrasi_retreat.followup` itself (``followup/_status.py``), which reports them in
`birokrasi_retreat.followup.FollowUpStatus.findings` through the same rules, so a
status and a ``check`` agree, ``severities=`` included.

Decisions where the brief or the regulation leaves a gap (also in each rule's rationale):

* **Taking part** (FUP001, and the units of the retreat for FUP004) means being
  enrolled with a status other than excused or absent; a substitute counts when
  enrolled in their own right (as for RET006).
* The **units of the retreat** (FUP004) are the units where those participants hold a
  post, definitive or acting, on the retreat's first local day.
* A visit counts for FUP004 when dated after the retreat's last local day and on or
  before the window's end; FUP004 speaks only once ``on`` is past that end, and never
  for a cancelled retreat.
* A **dropped** commitment is never overdue (FUP003); FUP006 looks at the current
  status (the last change).
* A visit's **place** (FUP007) is its ``place``, or the unit's office when None; two
  visits on one day at the same place (two units met at the town hall) are fine.
* Messages never show a whole NIP: params and subjects carry
  `birokrasi_retreat.ids.nip.mask`.

Examples:
    >>> from birokrasi_retreat.validation import RULES, Severity
    >>> RULES["FUP005"].severity is Severity.ERROR, RULES["FUP004"].title("en")
    (True, 'Unit of the retreat not visited within the window')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from birokrasi_retreat import _privacy
from birokrasi_retreat._rules import Context, Hit, rule
from birokrasi_retreat.findings import Severity
from birokrasi_retreat.followup._models import (
    CommitmentStatus,
    FollowUp,
)
from birokrasi_retreat.followup._status import (
    participants,
)
from birokrasi_retreat.validation import _options


if TYPE_CHECKING:
    from collections.abc import Iterator

    from birokrasi_retreat.followup._models import Commitment, MonitoringVisit
    from birokrasi_retreat.roster import Roster


__all__: list[str] = []

_SOURCE_RECORD: Final = (
    "Data consistency (no regulation cited): the follow-up must agree with the retreat"
)
_SOURCE_EVIDENCE: Final = (
    "LAN aksi perubahan: every achievement is judged with evidence (sources: aksi-perubahan)"
)
_SOURCE_MEASURABLE: Final = (
    "LAN aksi perubahan: achievement is checked against short-term targets "
    "(sources: aksi-perubahan); Kirkpatrick levels 3-4 compare measures (sources: kirkpatrick)"
)

# Why FUP001 reports an owner, with the words of its message (Indonesian, English).
_REASONS: Final = {
    "not_in_roster": ("tidak terdapat dalam data pegawai", "is not in the roster"),
    "not_enrolled": (
        "tidak terdaftar sebagai peserta retret ini",
        "did not take part in this retreat",
    ),
}
# What FUP002 finds missing (Indonesian, English).
_MISSING: Final = {
    "indicator": ("indikator", "indicator"),
    "target": ("target", "target"),
    "both": ("indikator dan target", "indicator and no target"),
}


def _person(number: str, roster: Roster) -> str:
    """The masked NIP, after the official's name when the roster knows it."""
    shown = _privacy.mask(number, nik=False)
    found = roster.officials_with_nip(number)
    return f"{found[0].name} ({shown})" if found else shown


# --- commitments --------------------------------------------------------------------------


@rule(
    "FUP001",
    severity=Severity.ERROR,
    applies_to=FollowUp,
    title_id="Pemilik rencana aksi tidak dikenal atau bukan peserta retret",
    title_en="Commitment owner unknown or not a participant of the retreat",
    rationale=(
        "A commitment (rencana aksi) is made at the retreat by one of its participants: "
        "its owner must be in the host's roster and enrolled in the retreat with a status "
        "other than excused or absent. Needs options={'roster': ...}; silent without it."
    ),
    source=_SOURCE_RECORD,
)
def _unknown_owner(follow_up: FollowUp, ctx: Context) -> Iterator[Hit]:
    roster = _options.roster(ctx)
    if roster is None:
        return
    taking_part = set(participants(follow_up.retreat))
    for index, commitment in enumerate(follow_up.commitments):
        owner = commitment.owner
        if not roster.officials_with_nip(owner):
            reason = "not_in_roster"
        elif owner not in taking_part:
            reason = "not_enrolled"
        else:
            continue
        reason_id, reason_en = _REASONS[reason]
        yield Hit(
            path=f"commitments[{index}].owner",
            params={
                "commitment": commitment.id,
                "owner": _person(owner, roster),
                "retreat": follow_up.retreat.id,
                "reason": reason,
                "reason_id": reason_id,
                "reason_en": reason_en,
            },
            subjects=(commitment.id, _privacy.mask(owner, nik=False)),
        )


def _missing(commitment: Commitment) -> str | None:
    indicator = commitment.indicator is None
    target = commitment.target is None
    if indicator and target:
        return "both"
    if indicator:
        return "indicator"
    return "target" if target else None


@rule(
    "FUP002",
    severity=Severity.WARNING,
    applies_to=FollowUp,
    title_id="Rencana aksi tanpa indikator atau target",
    title_en="Commitment without an indicator or a target",
    rationale=(
        "A commitment whose achievement cannot be measured cannot be judged below, as "
        "planned or exceeding (sources: aksi-perubahan), nor feed Kirkpatrick level 3. One "
        "finding per commitment lacking an indicator, a target or both."
    ),
    source=_SOURCE_MEASURABLE,
)
def _unmeasurable(follow_up: FollowUp, _ctx: Context) -> Iterator[Hit]:
    for index, commitment in enumerate(follow_up.commitments):
        missing = _missing(commitment)
        if missing is not None:
            missing_id, missing_en = _MISSING[missing]
            field = "target" if missing == "target" else "indicator"
            yield Hit(
                path=f"commitments[{index}].{field}",
                params={
                    "commitment": commitment.id,
                    "description": commitment.description,
                    "missing": missing,
                    "missing_id": missing_id,
                    "missing_en": missing_en,
                },
                subjects=(commitment.id,),
            )


def _done_without_evidence(commitment: Commitment) -> bool:
    return commitment.status is CommitmentStatus.DONE and not commitment.evidence


@rule(
    "FUP006",
    severity=Severity.WARNING,
    applies_to=FollowUp,
    title_id="Rencana aksi selesai tanpa bukti",
    title_en="Commitment done without evidence",
    rationale=(
        "LAN judges every achievement of an aksi perubahan with evidence (sources: "
        "aksi-perubahan); a commitment whose current status is done names none."
    ),
    source=_SOURCE_EVIDENCE,
)
def _no_evidence(follow_up: FollowUp, _ctx: Context) -> Iterator[Hit]:
    for index, commitment in enumerate(follow_up.commitments):
        if _done_without_evidence(commitment):
            yield Hit(
                path=f"commitments[{index}].evidence",
                params={
                    "commitment": commitment.id,
                    "description": commitment.description,
                    # The status is done, so done_on is a date (ISO text).
                    "done_on": str(commitment.done_on),
                },
                subjects=(commitment.id,),
            )


# --- visits -------------------------------------------------------------------------------


@rule(
    "FUP005",
    severity=Severity.ERROR,
    applies_to=FollowUp,
    title_id="Kunjungan monitoring sebelum retret berakhir",
    title_en="Monitoring visit dated before the retreat ended",
    rationale=(
        "A monitoring visit follows the retreat up: one dated on or before the retreat's "
        "last local day has a wrong date or belongs to another retreat."
    ),
    source=_SOURCE_RECORD,
)
def _early_visit(follow_up: FollowUp, _ctx: Context) -> Iterator[Hit]:
    last = follow_up.retreat.days[-1]
    for index, visit in enumerate(follow_up.visits):
        if visit.on <= last:
            yield Hit(
                path=f"visits[{index}].on",
                params={
                    "visit": visit.id,
                    "unit": visit.unit,
                    "on": visit.on.isoformat(),
                    "retreat_end": last.isoformat(),
                },
                subjects=(visit.id, visit.unit),
            )


@rule(
    "FUP007",
    severity=Severity.WARNING,
    applies_to=FollowUp,
    title_id="Pengunjung berada di dua tempat pada hari yang sama",
    title_en="Visitor in two places on one day",
    rationale=(
        "A visitor (the Wali Kota, the Sekda) goes to one place a day; two visits on one "
        "day at different places (a visit's place, or its unit's office) are probably a "
        "wrong date or visitor. Reported on each later visit, naming the first earlier "
        "visit of that day at another place."
    ),
    source="Data consistency (no regulation cited): one visitor, one place a day",
)
def _two_places(follow_up: FollowUp, _ctx: Context) -> Iterator[Hit]:
    days: dict[tuple[str, object], list[tuple[int, MonitoringVisit]]] = {}
    for index, visit in enumerate(follow_up.visits):
        earlier = days.setdefault((visit.visitor, visit.on), [])
        other = next(((i, seen) for i, seen in earlier if seen.location != visit.location), None)
        earlier.append((index, visit))
        if other is None:
            continue
        other_index, first = other
        shown = _privacy.mask(visit.visitor, nik=False)
        yield Hit(
            path=f"visits[{index}].visitor",
            params={
                "visitor": shown,
                "on": visit.on.isoformat(),
                "visit": visit.id,
                "place": visit.location,
                "other": first.id,
                "other_place": first.location,
                "other_path": f"visits[{other_index}]",
            },
            subjects=(shown, visit.id, first.id),
        )
