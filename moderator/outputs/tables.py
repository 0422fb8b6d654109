"""Write a DataFrame as CSV, JSONL or Parquet, chosen by the file's extension; `-` is stdout.

Every CSV written neutralizes spreadsheet formulas: comment text is hostile input, and a cell
starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a formula in a spreadsheet.
JSONL and Parquet keep the exact text.
"""

import sys
from pathlib import Path

from moderator.atomic import atomic_open
from moderator.errors import ConfigError

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TABLE_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}


def neutralize_formula(value):
    """Prefix a quote to a string a spreadsheet would evaluate; leave everything else alone."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def table_format(path, default="csv"):
    if str(path) == "-":
        return default
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_FORMATS:
        known = ", ".join(TABLE_FORMATS)
        raise ConfigError(f"cannot write {path}: unknown output extension (use one of {known})")
    return TABLE_FORMATS[suffix]


def write_table(frame, path, format=None):
    """Write `frame` to `path` atomically (or to stdout for `-`)."""
    format = format or table_format(path)
    if format == "parquet":
        _require_pyarrow(path)
    if str(path) == "-":
        if format == "parquet":
            raise ConfigError("Parquet cannot be written to stdout; give a file name")
        _write_text(frame, sys.stdout, format)
        sys.stdout.flush()
        return
    if format == "parquet":
        with atomic_open(path, "wb") as stream:
            frame.to_parquet(stream, index=False)
        return
    with atomic_open(path, "w", newline="") as stream:
        _write_text(frame, stream, format)


def _write_text(frame, stream, format):
    if format == "csv":
        import pandas as pd

        safe = frame.copy()
        for column in safe.columns:
            if pd.api.types.is_object_dtype(safe[column]) or pd.api.types.is_string_dtype(
                safe[column]
            ):
                safe[column] = safe[column].map(neutralize_formula)
        # RFC 4180 line ends: the csv module then quotes any cell holding a bare \r or \n.
        safe.to_csv(stream, index=False, lineterminator="\r\n")
    elif format == "jsonl":
        if len(frame):
            text = frame.to_json(orient="records", lines=True, force_ascii=False)
            stream.write(text if text.endswith("\n") else text + "\n")
    else:
        raise ConfigError(f"unknown table format {format!r}")


def _require_pyarrow(path):
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ConfigError(
            f"cannot write {path}: Parquet needs pyarrow (pip install 'moderator[parquet]')"
        ) from None
