"""`moderator lexicon list` and `moderator lexicon check`."""

import csv
import io
import json

from click.testing import CliRunner

from moderator.cli import main
from moderator.identity.lexicon import TERM_COLUMNS


def run(*args, input=None):
    return CliRunner().invoke(main, ["lexicon", *args], input=input)


def test_list_prints_the_terms_as_csv():
    result = run("list", "--category", "slur", "--group", "russians")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["category"] for row in rows} == {"slur"}
    assert {row["group"] for row in rows} == {"russians"}
    assert any(row["term"] == "кацап" and row["source"].startswith("ru.csv line") for row in rows)
    assert "terms" in result.stderr and "groups" in result.stderr


def test_list_shows_the_framed_categories_with_their_notes():
    for category, term in (
        ("violent", "kill"),
        ("threat", "убью"),
        ("hate", "hate"),
        ("exclusion", "go back"),
        ("derogation", "ненавижу"),
    ):
        result = run("list", "--category", category)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {row["category"] for row in rows} == {category}
        assert term in {row["term"] for row in rows}
    rows = list(csv.DictReader(io.StringIO(run("list", "--category", "violent").stdout)))
    (gas,) = [row for row in rows if row["term"] == "gas"]
    assert "fuel" in gas["note"]


def test_check_explains_a_threat():
    result = run("check", "Russians should all be shot.")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "attack_type: threat",
        "target_groups: russians",
        "slur_terms: should all be shot",
        "identity_severity: 0.9",
        "  threat: 'should all be shot' aimed at group 'russians'",
        "  [0:8] group_term: 'Russians' group russians",
        "  [9:27] threat: 'should all be shot' group russians",
    ]


def test_list_rejects_unknown_category_and_group():
    assert run("list", "--category", "slurs").exit_code == 2
    result = run("list", "--group", "russian")
    assert result.exit_code == 2
    assert "unknown group 'russian'" in result.stderr


def test_list_groups():
    result = run("list", "--groups")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"russians", "oralman", "migrants"} <= {row["id"] for row in rows}
    assert list(rows[0]) == ["id", "kind", "description"]


def test_list_writes_a_file_and_includes_user_terms(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text(
        ",".join(TERM_COLUMNS) + "\nkalbit,en,latin,kazakhs,slur,0.9,exact,test\n",
        encoding="utf-8",
    )
    output = tmp_path / "terms.jsonl"
    result = run("list", "--lexicon", str(lexicon), "-o", str(output))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    (mine,) = [row for row in rows if row["term"] == "kalbit"]
    assert mine["source"] == f"{lexicon} line 2"


def test_check_explains_a_hit():
    result = run("check", "What do Russian monkeys have to do with it?")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "attack_type: dehumanization",
        "target_groups: russians",
        "slur_terms: monkeys",
        "identity_severity: 0.9",
        "  dehumanization: 'monkeys' attached to group 'russians'",
        "  [8:15] group_term: 'Russian' group russians",
        "  [16:23] dehumanization: 'monkeys' group russians",
    ]


def test_check_reads_stdin_and_prints_json():
    result = run("check", "-", "--json", input="Оралманы не люди.\n")
    assert result.exit_code == 0, result.output
    finding = json.loads(result.stdout)
    assert (finding["attack_type"], finding["target_groups"]) == ("dehumanization", "oralman")
    assert finding["slur_terms"] == "не люди"


def test_check_rejects_stdin_that_is_not_utf8():
    result = run("check", "-", input="sch\xe4del".encode("latin-1"))
    assert result.exit_code == 1
    assert result.stderr == "moderator: error: the text on stdin is not UTF-8\n"


def test_check_clean_text():
    result = run("check", "Welcome to our kandastar.")
    assert result.exit_code == 0
    assert result.stdout == "no identity attack or insult found\n"


def test_check_with_user_lexicon(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text(
        ",".join(TERM_COLUMNS) + "\nmonkey,en,latin,,dehumanizing,0,prefix,off\n",
        encoding="utf-8",
    )
    result = run("check", "--lexicon", str(lexicon), "Russian monkeys")
    assert result.stdout == "no identity attack or insult found\n"


def test_bad_lexicon_is_one_line_and_exit_1(tmp_path):
    lexicon = tmp_path / "bad.csv"
    lexicon.write_text(
        ",".join(TERM_COLUMNS) + "\nkalbit,en,latin,russian,slur,0.9,exact,\n", encoding="utf-8"
    )
    result = run("check", "--lexicon", str(lexicon), "text")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"moderator: error: {lexicon} line 2: unknown group 'russian'"
        " (`moderator lexicon list --groups` lists them)"
    ]
    result = run("list", "--lexicon", str(tmp_path / "missing.csv"))
    assert result.exit_code == 1
    assert "lexicon file not found" in result.stderr
    assert "Traceback" not in result.output


def test_check_needs_text():
    result = run("check")
    assert result.exit_code == 2
