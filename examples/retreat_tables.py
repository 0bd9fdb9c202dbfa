"""Tables of a retreat for the secretariat: scores by OPD and the units behind on follow-up.

Run it from a clone of the repository (it needs the ``notebook`` extra, which the
development environment installs)::

    uv run python examples/retreat_tables.py

It reads the bundled, synthetic Malang sample: the end-of-retreat BerAKHLAK
self-assessment of every participant, grouped by the OPD (perangkat daerah) each one
heads on the first day, and the follow-up status on the sample's reference date. Groups
of fewer than three people are suppressed, so no one's own score is shown (UU 27/2022).
The tables are pandas DataFrames, ready for ``to_csv`` or a spreadsheet.
"""

from __future__ import annotations

from birokrasi_retreat import notebook, rubrics, samples
from birokrasi_retreat.followup import follow_up_status
from birokrasi_retreat.rubric import Phase
from birokrasi_retreat.scoring import aggregate, score_many


def main() -> None:
    """Print the post-retreat self-assessment by unit kind and the overdue units."""
    malang = samples.load("malang")
    if malang.retreat is None or malang.follow_up is None:
        msg = "the Malang sample has no retreat or follow-up"
        raise SystemExit(msg)
    first_day = malang.retreat.days[0]
    unit_kind: dict[str, str] = {}
    for enrollment in malang.retreat.enrollments:
        posts = malang.roster.posts_of(enrollment.nip, on=first_day)
        if posts:
            unit = malang.roster.unit(malang.roster.position(posts[0].position).unit)
            unit_kind[enrollment.nip] = unit.kind.value

    berakhlak = rubrics.load("berakhlak")
    post = [r for r in malang.responses if r.rubric == "berakhlak" and r.phase is Phase.POST]
    scores = score_many(berakhlak, post)
    by_kind = notebook.to_frame(aggregate(scores, by=unit_kind))
    print("BerAKHLAK self-assessment at the end of the retreat, by kind of unit:")
    print(by_kind[["key", "n", "mean", "ci_low", "ci_high", "suppressed"]].to_string(index=False))

    status = follow_up_status(
        malang.retreat,
        malang.follow_up.commitments,
        malang.follow_up.visits,
        on=malang.as_of,
        roster=malang.roster,
    )
    units = notebook.to_frame(status, lang="en")
    behind = units[(units["overdue"] > 0) | units["never_visited"]]
    print()
    print(f"Units behind on {malang.as_of.isoformat()} (overdue commitments or never visited):")
    print(behind[["name", "overdue", "visits", "never_visited"]].to_string(index=False))


if __name__ == "__main__":
    main()
