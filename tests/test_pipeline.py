import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

import moderator
from moderator import pipeline
from moderator.errors import ConfigError
from moderator.policy import load_policy
from moderator.scoring.base import KNOWN_LABELS

REFERENCE = (
    Path(__file__).resolve().parent.parent
    / "comments"
    / "caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt"
)
OFFLINE = {"model": "moderator-lite"}
REPORT_FILES = {
    "queue.csv",
    "queue.jsonl",
    "scores.csv",
    "scores.parquet",
    "summary.json",
    "report.md",
    "report.html",
}
# The default policy's decisions on the reference article, by the start of each comment.
REMOVE = (
    "What do Russian monkeys have to do with it?",
    "I'll say... What do the Russian monkeys have to do with that?",
    "What's the difference between a Russian and a Shit-Russian?",
    "Why the hell are they needed at all in Kazakhstan? They are not Kazakhs, but swine.",
    "Oralman are not people.",
    "It's Russians who are not human.",
    "How many pigs have you mated with today, you Russian swine?",
)
REVIEW = (
    "Kazakhs, Russians, don't argue. The Chinese will do all of you.",
    "Since when are dirty Russians called civilised?",
    "You are all Nazis.",
    "You are pigs yourselves!",
    "There is only one pig - you",
    "You are confusing that with your mama, you inbred",
    "The Chinese are very insolent people",
    "We should become a great power, I am against sinicization.",
)
# Benign comments the default policy must approve. Left out: the veiled "Plant more trees ..."
# (approved: neither model nor lexicon sees it) and comments whose fate rests on the model's
# borderline scores ("They should replace them with Rusyns.", "We won't ask for your opinion.").
APPROVE = (
    "Welcome to our kandastar.",
    "It is simply necessary to introduce a Kazakh ID card",
    "I support this decision. It's a very good, correct one.",
    "The more kandastar come over here the better.",
    "Why are ethnic Kazakhs being persecuted, and their rights being violated?",
    "Oralman or kandas...Six of one, half a dozen of the other.",
    "Don't you dare to talk about my parents.",
    "I think that Kazakhstan should join NATO instead.",
    "That's right. They need to make it easier for all Kazakhs to obtain citizenship",
)


def row_starting(table, prefix):
    matches = table[table["text"].str.startswith(prefix)]
    assert len(matches) == 1, f"{len(matches)} comments start with {prefix!r}"
    return matches.iloc[0]


def snapshot(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("reports")
    return moderator.analyze([REFERENCE], output_dir=output, **OFFLINE), output


def test_reference_article_gets_one_complete_report_folder(reference_run):
    result, output = reference_run
    (folder,) = result.report_dirs
    assert folder.parent == output
    assert {path.name for path in folder.iterdir()} == REPORT_FILES
    assert sorted(path.name for path in output.iterdir()) == [folder.name]  # no index, no debris
    comments = result.table[result.table["kind"] == "comment"]
    assert len(comments) == 27


@pytest.mark.parametrize(
    ("action", "texts"), [("remove", REMOVE), ("review", REVIEW), ("approve", APPROVE)]
)
def test_reference_decisions(reference_run, action, texts):
    table = reference_run[0].table
    for text in texts:
        row = row_starting(table, text)
        assert row["action"] == action, (text, row["reasons"])
        assert bool(row["reasons"]) == (action != "approve"), text


def test_reference_reasons_name_the_group_and_the_term(reference_run):
    table = reference_run[0].table
    monkeys = row_starting(table, "What do Russian monkeys have to do with it?")
    assert monkeys["reasons"].startswith("identity attack: dehumanization of russians ('monkeys')")
    assert "russians" in monkeys["target_groups"].split("|")


def test_reference_queue_is_flagged_comments_worst_first(reference_run):
    result, _ = reference_run
    folder = result.report_dirs[0]
    queue = pd.read_csv(folder / "queue.csv", keep_default_na=False)
    for column in (
        "position",
        "comment_id",
        "action",
        "priority",
        "reasons",
        "target_groups",
        "attack_type",
        "language",
        "author",
        "text",
        *[label for label in KNOWN_LABELS if label in result.table.columns],
    ):
        assert column in queue.columns, column
    flagged = result.table[result.table["action"] != "approve"]
    assert len(queue) == len(flagged)
    assert set(queue["action"]) <= {"remove", "review"}
    order = list(zip(-queue["priority"], queue["position"], strict=True))
    assert order == sorted(order)
    # Every removal comes before every review.
    actions = list(queue["action"])
    assert actions == ["remove"] * len(REMOVE) + ["review"] * (len(actions) - len(REMOVE))
    assert queue["reasons"].str.len().min() > 0
    jsonl = pd.read_json(folder / "queue.jsonl", lines=True, dtype=False)
    assert list(jsonl["comment_id"]) == list(queue["comment_id"])


def test_reference_scores_hold_every_comment_and_column(reference_run):
    result, _ = reference_run
    folder = result.report_dirs[0]
    scores = pd.read_csv(folder / "scores.csv", keep_default_na=False)
    parquet = pd.read_parquet(folder / "scores.parquet")
    assert list(scores.columns) == list(result.table.columns)
    assert list(parquet.columns) == list(result.table.columns)
    assert len(scores) == len(parquet) == len(result.table)
    assert list(parquet["text"]) == list(result.table["text"])
    for column in ("action", "priority", "reasons", "language", "attack_type", "model"):
        assert column in scores.columns


def test_reference_summary_records_what_reproduces_the_run(reference_run):
    result, _ = reference_run
    summary = json.loads((result.report_dirs[0] / "summary.json").read_text())
    run = summary["run"]
    assert run["tool_version"] == moderator.__version__
    assert run["inputs"] == [
        {
            "path": str(REFERENCE),
            "sha256": hashlib.sha256(REFERENCE.read_bytes()).hexdigest(),
            "format": run["inputs"][0]["format"],
        }
    ]
    assert run["policy"]["name"] == "default"
    assert run["policy"]["sha256"] == load_policy().sha256
    assert run["models"]
    assert run["lexicon"]["version"]
    assert run["settings"]["model"] == "moderator-lite"
    assert run["articles"][0]["article_id"] == result.report_dirs[0].name
    counts = result.table["action"].value_counts().to_dict()
    assert summary["counts"]["by_action"] == {
        action: counts.get(action, 0) for action in ("remove", "review", "approve")
    }


def write_thread(path, texts):
    pd.DataFrame({"comment_id": [f"k{i}" for i in range(len(texts))], "text": texts}).to_csv(
        path, index=False
    )
    return path


def analyze_threads(paths, output, **options):
    return moderator.analyze(
        paths, output_dir=output, text_col="text", id_col="comment_id", **OFFLINE, **options
    )


def test_policy_override_changes_decisions(tmp_path):
    lenient = tmp_path / "lenient.toml"
    lenient.write_text(
        'name = "lenient"\n[identity]\nslur = "approve"\ndehumanization = "approve"\n'
        'generalization = "approve"\npersonal_insult = "approve"\n'
    )
    result = moderator.analyze([REFERENCE], output_dir=tmp_path / "out", policy=lenient, **OFFLINE)
    assert set(result.table["action"]) == {"approve"}
    folder = result.report_dirs[0]
    assert pd.read_csv(folder / "queue.csv").empty
    assert json.loads((folder / "summary.json").read_text())["run"]["policy"] == {
        "name": "lenient",
        "path": str(lenient),
        "sha256": hashlib.sha256(lenient.read_bytes()).hexdigest(),
    }


def test_bad_policy_is_rejected_before_anything_is_written(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[thresholds]\ninsult = { review = 2 }\n')
    with pytest.raises(ConfigError, match=r"thresholds\.insult\.review: must be between 0 and 1"):
        moderator.analyze([REFERENCE], output_dir=tmp_path / "out", policy=bad, **OFFLINE)
    assert not (tmp_path / "out").exists()


def test_several_articles_get_a_folder_each_and_an_index(tmp_path):
    first = write_thread(tmp_path / "first-thread.csv", ["Thanks for the article.", "Good read."])
    second = write_thread(tmp_path / "second-thread.csv", ["I disagree with the minister."])
    output = tmp_path / "out"
    output.mkdir()
    (output / "notes.txt").write_text("mine")
    result = analyze_threads([first, second], output)
    names = [folder.name for folder in result.report_dirs]
    assert len(set(names)) == 2
    for folder in result.report_dirs:
        assert {path.name for path in folder.iterdir()} == REPORT_FILES
    assert (output / "index.md").is_file()
    assert (output / "index.html").is_file()
    assert (output / "notes.txt").read_text() == "mine"
    assert set(result.table["article_id"]) == set(names)


def test_same_inputs_give_the_same_files(tmp_path, monkeypatch):
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

    monkeypatch.setattr(pipeline, "datetime", FrozenClock)
    path = write_thread(tmp_path / "thread.csv", ["Welcome!", "You are pigs yourselves!"])
    output = tmp_path / "out"
    analyze_threads([path], output)
    first = snapshot(output)
    analyze_threads([path], output)
    assert snapshot(output) == first


def test_failed_run_leaves_the_previous_report_intact(tmp_path, monkeypatch):
    path = write_thread(tmp_path / "thread.csv", ["Welcome!", "You are pigs yourselves!"])
    output = tmp_path / "out"
    analyze_threads([path], output)
    before = snapshot(output)

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("moderator.outputs.report.write_report", crash)
    write_thread(path, ["Something else entirely."])
    with pytest.raises(RuntimeError, match="disk full"):
        analyze_threads([path], output)
    assert snapshot(output) == before
    assert [p.name for p in output.iterdir() if p.name.startswith(".")] == []


def test_a_folder_that_is_not_a_report_is_never_replaced(tmp_path):
    path = write_thread(tmp_path / "thread.csv", ["Welcome!"])
    first = analyze_threads([path], tmp_path / "out")
    folder = first.report_dirs[0]
    for child in folder.iterdir():
        child.unlink()
    (folder / "draft.md").write_text("my notes")
    with pytest.raises(ConfigError, match="is not a moderator report"):
        analyze_threads([path], tmp_path / "out")
    assert [p.name for p in folder.iterdir()] == ["draft.md"]


def test_csv_outputs_neutralize_formulas_and_jsonl_keeps_the_text(tmp_path):
    texts = [
        '=HYPERLINK("http://evil.example","click") you stupid idiot',
        "+1 you are all pigs and idiots",
        "-you are a stupid idiot",
        "@SUM(A1:A2) idiot",
    ]
    path = write_thread(tmp_path / "formulas.csv", texts)
    result = analyze_threads([path], tmp_path / "out", policy=_review_everything(tmp_path))
    folder = result.report_dirs[0]
    for name in ("scores.csv", "queue.csv"):
        written = pd.read_csv(folder / name, keep_default_na=False)
        assert sorted(written["text"]) == sorted("'" + text for text in texts), name
    queue = pd.read_json(folder / "queue.jsonl", lines=True, dtype=False)
    assert sorted(queue["text"]) == sorted(texts)
    assert sorted(pd.read_parquet(folder / "scores.parquet")["text"]) == sorted(texts)


def _review_everything(tmp_path):
    policy = tmp_path / "everything.toml"
    policy.write_text('name = "everything"\n[thresholds]\ntoxicity = { review = 0.0 }\n')
    return policy


def test_posts_the_article_quotes_are_scored_but_not_queued(tmp_path):
    page = REFERENCE.parent / "kazakh-diaspora-russia-peacekeepers.txt"
    result = moderator.analyze(
        page, output_dir=tmp_path / "out", policy=_review_everything(tmp_path), **OFFLINE
    )
    quoted = result.table[result.table["kind"] == "quoted_post"]
    assert len(quoted) == 2
    assert set(quoted["action"]) == {"review"}
    folder = result.report_dirs[0]
    assert pd.read_csv(folder / "queue.csv").empty
    assert len(pd.read_csv(folder / "scores.csv")) == len(result.table)
