"""The moderation queue (flagged comments, worst first) and the full scores table.

queue.csv / queue.jsonl are for moderators: only `remove` and `review` rows, highest priority
first, ties in article order. scores.csv / scores.parquet are for researchers: every comment with
every column. CSVs neutralize spreadsheet formulas (moderator.outputs.tables); JSONL and Parquet
keep the exact text.
"""

from pathlib import Path

from moderator.outputs.tables import write_table
from moderator.scoring.base import KNOWN_LABELS
from moderator.table import KIND_QUOTED_POST

FLAGGED_ACTIONS = ("remove", "review")
QUEUE_LEADING_COLUMNS = (
    "position",
    "comment_id",
    "action",
    "priority",
    "reasons",
    "attack_type",
    "target_groups",
    "slur_terms",
    "identity_severity",
)
QUEUE_TRAILING_COLUMNS = (
    "language",
    "author",
    "posted_at",
    "parent_id",
    "text",
    "glosses",
    "identity_explanation",
)


def queue(decided):
    """Flagged reader comments, highest priority first (ties: article, then position).

    Posts the article itself quotes are scored and kept in scores.csv, but a moderator cannot
    act on them, so they stay out of the queue.
    """
    flagged = decided[decided["action"].isin(FLAGGED_ACTIONS)]
    if "kind" in flagged.columns:
        flagged = flagged[flagged["kind"] != KIND_QUOTED_POST]
    keys = [key for key in ("article_id", "position") if key in flagged.columns]
    flagged = flagged.sort_values(keys, kind="stable").sort_values(
        "priority", ascending=False, kind="stable"
    )
    labels = [label for label in KNOWN_LABELS if label in flagged.columns]
    columns = [*QUEUE_LEADING_COLUMNS, *labels, *QUEUE_TRAILING_COLUMNS]
    return flagged[[column for column in columns if column in flagged.columns]].reset_index(
        drop=True
    )


def write_queue(decided, folder):
    """Write queue.csv and queue.jsonl into `folder`; return the paths written."""
    flagged = queue(decided)
    paths = [Path(folder) / "queue.csv", Path(folder) / "queue.jsonl"]
    for path in paths:
        write_table(flagged, path)
    return paths


def write_scores(decided, folder):
    """Write scores.csv, and scores.parquet when pyarrow is installed; return the paths written."""
    table = decided.reset_index(drop=True)
    paths = [Path(folder) / "scores.csv"]
    if _has_pyarrow():
        paths.append(Path(folder) / "scores.parquet")
    for path in paths:
        write_table(table, path)
    return paths


def _has_pyarrow():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True
