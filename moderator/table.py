"""The comments table: one row per comment, the currency every stage passes along."""

COMMENT_COLUMNS = (
    "article_id",
    "comment_id",
    "position",
    "parent_id",
    "author",
    "posted_at",
    "text",
    "glosses",
    "kind",
    "source",
)

# Row kinds: reader comments, and posts an article quotes (kept apart from reader comments).
KIND_COMMENT = "comment"
KIND_QUOTED_POST = "quoted_post"

# Multi-valued cells (glosses, target groups, terms) are joined with this separator.
LIST_SEPARATOR = "|"


def empty_comments():
    import pandas as pd

    return pd.DataFrame({column: pd.Series(dtype=_dtype(column)) for column in COMMENT_COLUMNS})


def _dtype(column):
    return "int64" if column == "position" else "object"
