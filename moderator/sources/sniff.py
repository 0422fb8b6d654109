"""Detect an input's format from its content; the file extension only breaks ties."""

import csv
import json
import re
from pathlib import PurePath

from moderator.sources.rawinput import PARQUET_MAGIC
from moderator.sources.tabular import TEXT_COLUMNS, csv_delimiter
from moderator.sources.textpage import looks_like_comment_page

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "html",
    ".parquet": "parquet",
}
_MARKUP_START = re.compile(
    r"<(?:!doctype|html|\?xml|head|body|div|article|section|disqus|ol|ul|li|p|span|meta|!--|"
    r"table|main|header|form|script|style|link|title)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")


def sniff_format(name, head_bytes, head_text):
    """One of the reader formats, from the first bytes and their decoded text."""
    if head_bytes.startswith(PARQUET_MAGIC):
        return "parquet"
    text = head_text.lstrip("\ufeff \t\r\n")
    extension = _EXTENSIONS.get(PurePath(str(name)).suffix.lower())
    if text.startswith("{"):
        first_line = text.split("\n", 1)[0].strip()
        return "jsonl" if _is_json_object(first_line) else "json"
    if re.match(r"\[\s*(?:\{|\]|$)", text):
        return "json"
    if _MARKUP_START.match(text) or (text.startswith("<") and len(_TAG.findall(text[:4096])) >= 2):
        return "html"
    if looks_like_comment_page(text):
        return "caravanserai"
    tabular = _sniff_tabular(text)
    if tabular:
        return tabular
    if extension in ("csv", "tsv", "json", "jsonl", "html"):
        return extension
    return "caravanserai"


def _is_json_object(line):
    """A JSON object on one line that is a record, not a wrapper around a list of records."""
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and not any(isinstance(v, list) for v in value.values())


def _sniff_tabular(text):
    """`csv` or `tsv` when the first lines read as a table with a header row."""
    lines = text.splitlines(keepends=True)[:50]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line short
    if not lines:
        return None
    header = lines[0].strip().strip("\"'").lower()
    if header in TEXT_COLUMNS:
        return "csv"  # a one-column table
    for delimiter, format in (("\t", "tsv"), (csv_delimiter(lines[0]), "csv")):
        try:
            records = [row for row in csv.reader(lines, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        names = {cell.strip().lower() for cell in records[0]}
        consistent = (
            len(records) >= 3
            and all(len(row) == len(records[0]) for row in records)
            and all(0 < len(name) <= 40 for name in names)
        )
        if names & set(TEXT_COLUMNS) or consistent:
            return format
    return None
