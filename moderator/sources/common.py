"""Helpers every reader shares: readable slugs, whitespace tidying, and the final table."""

import re
import unicodedata
from pathlib import PurePath

from moderator.table import COMMENT_COLUMNS, KIND_COMMENT

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh",
    "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}  # fmt: skip
SLUG_LENGTH = 60
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")


def slugify(text, fallback="article"):
    """A readable ASCII slug (Cyrillic transliterated), cut at a word boundary."""
    text = "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in str(text).lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > SLUG_LENGTH:
        cut = slug[: SLUG_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:SLUG_LENGTH]
    return slug or fallback


def source_stem(source):
    """The slug of an input's file name, `stdin` for `-`."""
    if source == "-":
        return "stdin"
    return slugify(PurePath(str(source)).stem, fallback="input")


def tidy_text(text):
    """Collapse runs of spaces within lines and drop blank lines; the words stay as written."""
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in str(text).splitlines())
    return "\n".join(line for line in lines if line)


def positional_id(article_id, number, kind=KIND_COMMENT):
    """The stable id of the `number`-th row of a kind on a page: `<article>-c007` / `-q002`."""
    prefix = "c" if kind == KIND_COMMENT else "q"
    return f"{article_id}-{prefix}{number:03d}"


def dump_article(article_id, count):
    """Metadata of an article known only from a comment dump: its id and how many comments."""
    return {
        "article_id": article_id,
        "outlet": "",
        "section": "",
        "title": "",
        "byline": "",
        "dateline": "",
        "body": [],
        "declared_comment_count": None,
        "parsed_comment_count": count,
        "count_mismatch": False,
    }


def comments_frame(columns):
    """Build the comments table from a dict of equal-length column lists (missing ones empty)."""
    import pandas as pd

    length = len(columns.get("text", ()))
    data = {}
    for column in COMMENT_COLUMNS:
        values = columns.get(column)
        if column == "position":
            data[column] = pd.Series(values or [], dtype="int64")
        else:
            data[column] = pd.Series(values if values is not None else [""] * length, dtype=object)
    return pd.DataFrame(data)
