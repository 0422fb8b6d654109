"""Readers that turn saved article pages and comment dumps into the comments table.

`read_input` parses one input (a path, `-` for stdin, or a file object) into a ParsedInput;
`read_inputs` parses several; `combine` stacks their tables; `load_comments` does all of it for
one input and returns the DataFrame. Formats: `caravanserai` (saved text pages), `html` (HTML
pages and Disqus exports), `csv`, `tsv`, `json`, `jsonl`, `parquet`; `auto` sniffs the content.
"""

from dataclasses import dataclass, field

from moderator.errors import InputError
from moderator.sources.common import comments_frame
from moderator.table import KIND_COMMENT, KIND_QUOTED_POST

FORMATS = ("caravanserai", "html", "csv", "tsv", "json", "jsonl", "parquet")
_PAGE_FORMATS = {"caravanserai", "html"}


@dataclass
class ParsedInput:
    """One parsed input: its articles' metadata, its comments table, and what to warn about."""

    source: str
    format: str
    articles: list
    comments: object  # pandas.DataFrame with COMMENT_COLUMNS
    warnings: list = field(default_factory=list)

    def summary(self):
        """One line: what was found in this input."""
        name = _label(self.source)
        kinds = self.comments["kind"]
        comments = int((kinds == KIND_COMMENT).sum())
        quoted = int((kinds == KIND_QUOTED_POST).sum())
        quoted_text = f"{quoted} quoted post{'s' if quoted != 1 else ''}"
        if comments == 0:
            return f"{name}: no reader comments found" + (f" ({quoted_text})" if quoted else "")
        counted = f"{comments} comment{'s' if comments != 1 else ''}"
        declared = [a["declared_comment_count"] for a in self.articles]
        if len(self.articles) == 1 and declared[0] is not None:
            counted += f" ({declared[0]} declared)"
        if quoted:
            counted += f", {quoted_text}"
        if self.format in _PAGE_FORMATS and len(self.articles) == 1:
            title = self.articles[0]["title"]
            title = title if len(title) <= 60 else title[:57] + "..."
            described = f"{self.format} page" + (f' "{title}"' if title else "")
        else:
            described = f"{self.format} dump"
            if len(self.articles) > 1:
                described += f" of {len(self.articles)} articles"
        return f"{name}: {described}: {counted}"


def _label(source):
    return "stdin" if source == "-" else source


def read_input(
    path_or_buffer,
    format="auto",
    text_col=None,
    id_col=None,
    parent_col=None,
    author_col=None,
    time_col=None,
):
    """Parse one input into a ParsedInput; a problem with the input raises InputError."""
    from moderator.sources import htmlpage, rawinput, sniff, tabular, textpage

    format = format or "auto"
    if format != "auto" and format not in FORMATS:
        raise InputError(f"unknown input format {format!r} (use auto or one of {FORMATS})")
    raw = rawinput.open_input(path_or_buffer)
    try:
        source = raw.label
        if format == "auto":
            head_text = ""
            if not raw.head.startswith(rawinput.PARQUET_MAGIC):
                encoding = rawinput.choose_encoding(raw)
                head_text = raw.head[len(raw.bom) :].decode(encoding, errors="ignore")
            format = sniff.sniff_format(source, raw.head, head_text)
        if format in _PAGE_FORMATS:
            text = rawinput.decode_document(raw, what=f"{format} pages")
            reader = (
                textpage.read_text_page if format == "caravanserai" else htmlpage.read_html_page
            )
            articles, columns, warnings = reader(text, source)
        else:
            options = {
                "text_col": text_col,
                "id_col": id_col,
                "parent_col": parent_col,
                "author_col": author_col,
                "time_col": time_col,
            }
            articles, columns, warnings = tabular.read_table(raw, format, source, options)
    finally:
        raw.close()
    columns["source"] = [raw.name] * len(columns["text"])
    return ParsedInput(raw.name, format, articles, comments_frame(columns), warnings)


def read_inputs(paths, echo=None, **options):
    """Parse several inputs in order; `echo` receives each warning and summary line."""
    if sum(1 for path in paths if str(path) == "-") > 1:
        raise InputError("stdin (`-`) can be read only once")
    parsed_list = []
    seen = set()
    for path in paths:
        parsed = read_input(path, **options)
        _make_article_ids_unique(parsed, seen)
        if echo is not None:
            for warning in parsed.warnings:
                echo(f"warning: {warning}")
            echo(parsed.summary())
        parsed_list.append(parsed)
    return parsed_list


def _make_article_ids_unique(parsed, seen):
    """Two inputs with the same article (a page saved twice) get `-2`, `-3`... ids, not one."""
    renames = {}
    for article in parsed.articles:
        article_id = original = article["article_id"]
        number = 1
        while article_id in seen:
            number += 1
            article_id = f"{original}-{number}"
        seen.add(article_id)
        if article_id != original:
            renames[original] = article_id
            article["article_id"] = article_id
            parsed.warnings.append(
                f"{_label(parsed.source)}: article id {original!r} is taken by an earlier input; "
                f"using {article_id!r}"
            )
    if renames:
        table = parsed.comments
        for old, new in renames.items():
            rows = table["article_id"] == old
            for column in ("comment_id", "parent_id"):
                table.loc[rows, column] = table.loc[rows, column].map(
                    lambda value, old=old, new=new: (
                        new + value[len(old) :] if value.startswith(old + "-") else value
                    )
                )
            table.loc[rows, "article_id"] = new


def combine(parsed_list):
    """One comments table from several inputs; `.attrs["articles"]` holds their metadata."""
    import pandas as pd

    tables = [parsed.comments for parsed in parsed_list]
    if tables:
        combined = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0].copy()
    else:
        combined = comments_frame({"position": []})
    combined.attrs["articles"] = [article for parsed in parsed_list for article in parsed.articles]
    return combined


def load_comments(path_or_buffer, format=None, **options):
    """The comments table of one input (a path, `-` or a file object) as a DataFrame."""
    return combine([read_input(path_or_buffer, format=format or "auto", **options)])
