"""`moderator parse`: outputs, summaries on stderr, and one clear line for every bad input."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from moderator.cli import main

COMMENTS = Path(__file__).resolve().parent.parent / "comments"
CARAVANSERAI = COMMENTS / "caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt"
SEED_004 = COMMENTS / "kazakh-diaspora-russia-peacekeepers.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, ["parse", *map(str, args)], input=input)


def test_csv_to_stdout_with_summary_on_stderr():
    result = run(CARAVANSERAI)
    assert result.exit_code == 0
    assert result.stderr == (
        f"{CARAVANSERAI}: caravanserai page "
        '"Kazakhstan eases citizenship process for ethnic Kazakhs i...": '
        "27 comments (27 declared)\n"
    )
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "article_id,comment_id,position,parent_id,author,posted_at,text,glosses,kind,source"
    )
    assert len(lines) == 28


@pytest.mark.parametrize("name", ["out.csv", "out.jsonl", "out.parquet"])
def test_output_by_extension(tmp_path, name):
    output = tmp_path / name
    result = run(CARAVANSERAI, SEED_004, "-o", output)
    assert result.exit_code == 0, result.output
    if name.endswith(".csv"):
        table = pd.read_csv(output, keep_default_na=False)
    elif name.endswith(".jsonl"):
        table = pd.DataFrame([json.loads(line) for line in output.read_text().splitlines()])
    else:
        table = pd.read_parquet(output)
    assert len(table) == 29
    assert list(table["kind"]).count("quoted_post") == 2
    assert result.stderr.splitlines()[-1] == f"wrote 29 rows to {output}"


def test_stdin(tmp_path):
    result = run("-", input=SEED_004.read_bytes())
    assert result.exit_code == 0
    assert result.stderr == "stdin: no reader comments found (2 quoted posts)\n"
    assert "kazakh-diaspora-in-russia-did-not-approve-of-bringing-the-q001" in result.stdout


def test_warnings_go_to_stderr(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        CARAVANSERAI.read_text(encoding="utf-8").replace("27 Comment(s)", "30 Comment(s)"),
        encoding="utf-8",
    )
    result = run(page)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {page}: the page declares 30 comments but 27 were found"
    )


def _write(name, content):
    def build(folder):
        path = folder / name
        path.write_bytes(content() if callable(content) else content)
        return path

    return build


BAD_INPUTS = {
    "missing": (lambda folder: folder / "missing.txt", "no such file"),
    "directory": (lambda folder: folder, "is a directory, not a file"),
    "empty": (_write("empty.txt", b""), "is empty"),
    "binary": (
        _write("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8),
        "looks like a binary file",
    ),
    "50 MB": (
        _write("huge.txt", lambda: b"A saved page that is far too long.\n" * 1_500_000),
        "(50.1 MiB) is larger than the 20 MiB limit",
    ),
    "no text column": (_write("no-text.csv", b"id,score\n1,0.5\n"), "found no comment text column"),
    "scripts": (
        _write("scripts.html", b"<html><script>" + b"track();" * 5000 + b"</script></html>"),
        "scripts and styles with no text",
    ),
    "undecodable": (
        _write("mixed.txt", b"Title line here\n\nhello \xc3\x28 world\n"),
        "not valid UTF-8 at byte 23",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, case):
    build, message = BAD_INPUTS[case]
    path = build(tmp_path)
    output = tmp_path / "out.csv"
    output.write_text("previous result\n")
    result = run(CARAVANSERAI, path, "-o", output)
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("moderator:")]
    assert len(error_lines) == 1
    assert error_lines[0].startswith("moderator: error: ")
    assert message in error_lines[0]
    assert "Traceback" not in result.output
    assert output.read_text() == "previous result\n"


@pytest.mark.parametrize(
    "args",
    [[], ["--format", "docx", "x.txt"], ["-", "-"], ["--no-such-option", "x.txt"]],
)
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2


def test_bad_output_extension_is_refused_before_work(tmp_path):
    result = run(CARAVANSERAI, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 1
    assert "unknown output extension" in result.stderr


def test_refuses_to_overwrite_an_input(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text("text\nkeep me\n")
    result = run(dump, "-o", dump)
    assert result.exit_code == 1
    assert "refusing to overwrite the input" in result.stderr
    assert dump.read_text() == "text\nkeep me\n"


def test_column_options_reach_the_reader(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text("who,said\nann,hello\n")
    result = run(dump, "--text-col", "said", "--author-col", "who", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "dump,dump-c001,1,,ann,,hello,,comment," in result.stdout
