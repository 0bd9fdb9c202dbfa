"""Draw the pictures of the notebook how-to (docs/assets/notebook-*.png) from the samples.

Run after a change to `birokrasi_retreat.notebook` or to the samples:

    uv run python scripts/make_notebook_figures.py
"""

from __future__ import annotations

import os
import pathlib


os.environ.setdefault("MPLBACKEND", "Agg")  # read when matplotlib is first imported

from matplotlib import pyplot as plt

from birokrasi_retreat import notebook, rubrics, samples
from birokrasi_retreat.followup import follow_up_status
from birokrasi_retreat.scoring import aggregate, score_many


ASSETS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "assets"


def main() -> None:
    """Draw the session reaction of Malang and the follow-up of Kendari."""
    malang = samples.load("malang")
    reaction = rubrics.load("reaction")
    sessions = [r for r in malang.responses if r.subject_kind == "session"]
    groups = aggregate(score_many(reaction, sessions), by="subject")
    ax = notebook.plot_aggregates(
        groups, rubric=reaction, lang="en", title="Malang 2025: reaction per session"
    )
    ax.figure.savefig(ASSETS / "notebook-sessions.png", dpi=100)
    plt.close("all")

    kendari = samples.load("kendari")
    if kendari.retreat is None or kendari.follow_up is None:
        msg = "the Kendari sample has no retreat or follow-up"
        raise SystemExit(msg)
    status = follow_up_status(
        kendari.retreat,
        kendari.follow_up.commitments,
        kendari.follow_up.visits,
        on=kendari.as_of,
        roster=kendari.roster,
    )
    ax = notebook.plot_follow_up(status, lang="en")
    ax.set_title(f"Kendari: commitments on {kendari.as_of.isoformat()}", pad=60)
    ax.figure.savefig(ASSETS / "notebook-follow-up.png", dpi=100)
    plt.close("all")


if __name__ == "__main__":
    main()
