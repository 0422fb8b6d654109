"""Comment dumps: CSV, TSV, JSON (an array of objects), JSONL and Parquet.

They stream: the input is decoded and parsed in pieces and only the columns the comments table
needs are kept, so memory grows with the comment text, not with the file. Columns are found by
the `--text-col`/`--id-col`/... options or by their usual names; a table written by
`moderator parse` reads back unchanged.
"""

import csv
import json
import math
import re

from moderator.errors import InputError
from moderator.sources.common import (
    dump_article,
    positional_id,
    slugify,
    source_stem,
    tidy_text,
)
from moderator.sources.rawinput import PAGE_SIZE_LIMIT, choose_encoding, decoded_chunks
from moderator.table import KIND_COMMENT, KIND_QUOTED_POST

TEXT_COLUMNS = (
    "text",
    "comment_text",
    "raw_message",
    "body",
    "comment",
    "message",
    "content",
    "comment_body",
    "tweet",  # Davidson, OLID
    "test_case",  # HateCheck
    "sentence",
    "post",
)
_CANDIDATES = {
    "text": TEXT_COLUMNS,
    "id": ("comment_id", "id", "post_id", "message_id", "case_id"),
    "parent": ("parent_id", "parent", "reply_to", "in_reply_to", "parent_comment_id"),
    "author": ("author", "author.name", "author_name", "username", "user", "author.username"),
    "time": ("posted_at", "created_at", "createdat", "timestamp", "time", "date", "published"),
    "article": ("article_id",),
    "glosses": ("glosses",),
    "kind": ("kind",),
}
_OPTION_ROLES = {
    "text_col": "text",
    "id_col": "id",
    "parent_col": "parent",
    "author_col": "author",
    "time_col": "time",
}
_JSON_LISTS = ("comments", "data", "items", "response", "results", "records", "posts")
_KINDS = (KIND_COMMENT, KIND_QUOTED_POST)
_COLUMN_SAMPLE = 100
_LINE_END = re.compile(r"\r\n|\r|\n")


def csv_delimiter(header_line):
    """`,`, `;` or `|`: the one that splits the header into a known text column, else the most."""
    candidates = (",", ";", "|")
    for delimiter in candidates:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if {cell.strip().lower() for cell in cells} & set(TEXT_COLUMNS):
            return delimiter
    return max(candidates, key=header_line.count)


def read_table(raw, format, source, options):
    """Parse one dump: (articles, comment columns, warnings)."""
    notes = []  # filled by a reader while its records are consumed
    if format == "parquet":
        names, read_columns = _parquet_records(raw, source)
        roles = _resolve_columns(names, options, source)
        records = read_columns(sorted(set(roles.values())))
    else:
        encoding = choose_encoding(raw)
        chunks = decoded_chunks(raw, encoding)
        if format in ("csv", "tsv"):
            delimiter = "\t" if format == "tsv" else None
            names, records = _csv_records(chunks, delimiter, source, notes)
        elif format == "jsonl":
            names, records = _keyed(_jsonl_records(chunks, source))
        else:
            names, records = _keyed(_json_records(chunks, source))
        roles = _resolve_columns(names, options, source)
    articles, columns, warnings = _collect(records, roles, source)
    return articles, columns, warnings + notes


def _resolve_columns(names, options, source):
    """Role -> column name, from the options or the usual names (case-insensitive)."""
    by_lower = {}
    for name in names:
        by_lower.setdefault(str(name).strip().lower(), name)
    roles = {}
    for option, role in _OPTION_ROLES.items():
        wanted = (options or {}).get(option)
        if wanted is None:
            continue
        if wanted not in names and wanted.lower() not in by_lower:
            shown = _shown(names)
            raise InputError(f"{source}: no column {wanted!r} (columns: {shown})")
        roles[role] = wanted if wanted in names else by_lower[wanted.lower()]
    for role, candidates in _CANDIDATES.items():
        if role not in roles:
            found = next((by_lower[c] for c in candidates if c in by_lower), None)
            if found is not None:
                roles[role] = found
    if "text" not in roles:
        shown = _shown(names)
        raise InputError(
            f"{source}: found no comment text column (looked for {', '.join(TEXT_COLUMNS[:7])}); "
            f"name it with --text-col (columns: {shown})"
        )
    return roles


def _shown(names):
    """Column names for a one-line message: escaped, shortened, at most 20."""
    shown = [name if name.isprintable() else repr(name) for name in map(str, names[:20])]
    return ", ".join(name if len(name) <= 40 else name[:37] + "..." for name in shown) or "none"


def _collect(records, roles, source):
    """Keep the table's columns of every record with text; number rows per article."""
    default_article = source_stem(source)
    columns = {name: [] for name in ("article_id", "comment_id", "position", "parent_id")}
    columns.update({name: [] for name in ("author", "posted_at", "text", "glosses", "kind")})
    numbers, slugs = {}, {}
    empty = 0
    for get in records:
        text = tidy_text(_cell(get(roles["text"])))
        if not text:
            empty += 1
            continue
        article_id = default_article
        if "article" in roles:
            value = _cell(get(roles["article"]))
            if value not in slugs:
                slugs[value] = slugify(value, fallback=default_article)
            article_id = slugs[value]
        kind = _cell(get(roles["kind"])) if "kind" in roles else ""
        kind = kind if kind in _KINDS else KIND_COMMENT
        numbers[article_id] = position = numbers.get(article_id, 0) + 1
        comment_id = _cell(get(roles["id"])) if "id" in roles else ""
        columns["article_id"].append(article_id)
        columns["comment_id"].append(comment_id or positional_id(article_id, position, kind))
        columns["position"].append(position)
        columns["text"].append(text)
        columns["kind"].append(kind)
        for column, role in (
            ("parent_id", "parent"),
            ("author", "author"),
            ("posted_at", "time"),
            ("glosses", "glosses"),
        ):
            columns[column].append(_cell(get(roles[role])).strip() if role in roles else "")
    columns["source"] = [str(source)] * len(columns["text"])
    warnings = [f"{source}: skipped {empty} rows without comment text"] if empty else []
    if "id" in roles and len(set(columns["comment_id"])) < len(columns["comment_id"]):
        warnings.append(f"{source}: the id column {roles['id']!r} holds duplicate ids")
    articles = [dump_article(article_id, count) for article_id, count in numbers.items()]
    if not articles:
        articles = [dump_article(default_article, 0)]
    return articles, columns, warnings


def _cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _lines(chunks):
    """Lines with their ends (\\r\\n, \\n or a lone \\r), however the chunks cut them."""
    pending = ""
    for chunk in chunks:
        pending += chunk
        start = 0
        for match in _LINE_END.finditer(pending):
            if match.end() == len(pending) and match.group() == "\r":
                break  # the \n of a \r\n may open the next chunk
            yield pending[start : match.end()]
            start = match.end()
        pending = pending[start:]
    if pending:
        yield pending


def _csv_records(chunks, delimiter, source, notes):
    # A long comment is one field; the csv module's default limit (128 KiB) is too small.
    csv.field_size_limit(max(csv.field_size_limit(), PAGE_SIZE_LIMIT))
    lines = _lines(chunks)
    first = next(lines, "")
    if delimiter is None:
        delimiter = csv_delimiter(first)

    def restart():
        yield first
        yield from lines

    reader = csv.reader(restart(), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise InputError(f"{source} line 1: not a readable CSV header ({error})") from None
    header = [name.strip() for name in header]

    def records():
        ragged = 0
        try:
            for row in reader:
                if row:
                    ragged += len(row) != len(header)
                    yield row
        except csv.Error as error:
            raise InputError(f"{source} line {reader.line_num}: bad CSV ({error})") from None
        if ragged:
            notes.append(f"{source}: {ragged} rows do not have the header's {len(header)} fields")

    index = {}
    for position, name in enumerate(header):
        index.setdefault(name, position)

    def getter(row):
        return lambda name: row[index[name]] if index[name] < len(row) else ""

    return header, map(getter, records())


def _keyed(records):
    """Column names from the first records' keys, and a getter per record."""
    records = iter(records)
    sample = [record for _, record in zip(range(_COLUMN_SAMPLE), records, strict=False)]
    names = list(dict.fromkeys(key for record in sample for key in record))

    def all_records():
        yield from sample
        yield from records

    return names, (record.get for record in all_records())


def _flatten(record, source, where):
    if not isinstance(record, dict):
        raise InputError(f"{source} {where}: expected a JSON object, got {type(record).__name__}")
    flat = {}
    for key, value in record.items():
        if isinstance(value, dict):  # e.g. "author": {"name": ...} becomes "author.name"
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    return flat


def _jsonl_records(chunks, source):
    for number, line in enumerate(_lines(chunks), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise InputError(f"{source} line {number}: not valid JSON ({error})") from None
        yield _flatten(record, source, f"line {number}")


def _json_records(chunks, source):
    """Objects of a top-level JSON array, decoded one at a time; or a wrapped list."""
    reader = _JsonStream(chunks, source)
    opening = reader.peek()
    if opening == "{":
        document = reader.whole()
        items = next(
            (document[key] for key in _JSON_LISTS if isinstance(document.get(key), list)),
            [document],
        )
        for number, item in enumerate(items, start=1):
            yield _flatten(item, source, f"item {number}")
        return
    if opening != "[":
        raise InputError(f"{source}: expected a JSON array of comment objects")
    reader.advance()
    number = 0
    while reader.peek() != "]":
        if number:
            if reader.peek() != ",":
                reader.fail("expected ',' or ']'")
            reader.advance()
        number += 1
        yield _flatten(reader.value(), source, f"item {number}")
    reader.advance()
    if reader.peek() is not None:
        reader.fail("extra data after the JSON array")


class _JsonStream:
    """Just enough of a streaming JSON reader for a top-level array of objects."""

    def __init__(self, chunks, source):
        self._chunks = iter(chunks)
        self._source = source
        self._decoder = json.JSONDecoder()
        self._buffer = ""
        self._position = 0
        self._consumed = 0  # characters dropped from the buffer's front
        self._ended = False

    def _fill(self):
        chunk = next(self._chunks, None)
        if chunk is None:
            self._ended = True
            return False
        self._consumed += self._position
        self._buffer = self._buffer[self._position :] + chunk
        self._position = 0
        return True

    def peek(self):
        """The next non-blank character (None at the end), not consumed."""
        while True:
            while self._position < len(self._buffer) and self._buffer[self._position].isspace():
                self._position += 1
            if self._position < len(self._buffer):
                return self._buffer[self._position]
            if not self._fill():
                return None

    def advance(self):
        self._position += 1

    def value(self):
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._position)
            except ValueError as error:
                if not self._ended and self._fill():
                    continue
                self.fail(getattr(error, "msg", str(error)))
            if end < len(self._buffer) or self._ended or not self._fill():
                self._position = end
                return value

    def whole(self):
        parts = [self._buffer[self._position :]]
        size = len(parts[0])
        for chunk in self._chunks:
            size += len(chunk)
            if size > PAGE_SIZE_LIMIT:
                raise InputError(
                    f"{self._source}: a JSON object over {PAGE_SIZE_LIMIT // 2**20} MiB; "
                    "write the comments as a JSON array or JSONL, which stream"
                )
            parts.append(chunk)
        try:
            return json.loads("".join(parts))
        except ValueError as error:
            raise InputError(f"{self._source}: not valid JSON ({error})") from None

    def fail(self, message):
        offset = self._consumed + self._position
        raise InputError(f"{self._source}: not valid JSON near character {offset} ({message})")


def _parquet_records(raw, source):
    """Column names, and a function giving the records with only the columns asked for."""
    try:
        import pyarrow
        import pyarrow.parquet as parquet
    except ImportError:
        raise InputError(
            f"{source}: reading Parquet needs pyarrow (pip install 'moderator[parquet]')"
        ) from None
    import io

    try:
        if raw.path is not None:
            table_file = parquet.ParquetFile(raw.path)
        else:
            table_file = parquet.ParquetFile(io.BytesIO(raw.read_all(what="Parquet from stdin")))
        names = table_file.schema_arrow.names
    except (pyarrow.ArrowException, OSError) as error:
        raise InputError(f"{source}: not a readable Parquet file ({error})") from None

    def records(wanted):
        try:
            for batch in table_file.iter_batches(batch_size=65536, columns=wanted):
                for row in batch.to_pylist():
                    yield row.get
        except (pyarrow.ArrowException, OSError) as error:
            raise InputError(f"{source}: not a readable Parquet file ({error})") from None

    return names, records
