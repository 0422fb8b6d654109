import re
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from moderator.cli import main

REFERENCE = str(
    Path(__file__).resolve().parent.parent
    / "comments"
    / "caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt"
)
SUMMARY_LINE = re.compile(
    r"^(?P<slug>[a-z0-9-]+): (?P<total>\d+) comments?: (?P<remove>\d+) remove, "
    r"(?P<review>\d+) review, (?P<approve>\d+) approve -> (?P<folder>.+)/$",
    re.MULTILINE,
)


def invoke(*arguments):
    return CliRunner().invoke(main, ["analyze", *arguments, "--model", "moderator-lite"])


def write_thread(path, texts):
    pd.DataFrame({"comment_id": [f"k{i}" for i in range(len(texts))], "text": texts}).to_csv(
        path, index=False
    )
    return str(path)


def test_analyze_writes_the_reports_and_prints_one_line_per_article(tmp_path):
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (line,) = SUMMARY_LINE.finditer(result.stderr)
    assert int(line["total"]) == 27
    assert int(line["remove"]) + int(line["review"]) + int(line["approve"]) == 27
    folder = Path(line["folder"])
    assert folder == tmp_path / "out" / line["slug"]
    queue = pd.read_csv(folder / "queue.csv")
    assert len(queue) == int(line["remove"]) + int(line["review"])
    assert result.stdout == ""


def test_fail_on_exits_3_after_writing_when_the_action_is_reached(tmp_path):
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"), "--fail-on", "remove")
    assert result.exit_code == 3, result.output
    (line,) = SUMMARY_LINE.finditer(result.stderr)
    assert (Path(line["folder"]) / "summary.json").is_file()


def test_fail_on_is_quiet_when_nothing_reaches_the_action(tmp_path):
    calm = write_thread(tmp_path / "calm.csv", ["Thank you for the article.", "Good news."])
    result = invoke(calm, "--text-col", "text", "-o", str(tmp_path / "out"), "--fail-on", "review")
    assert result.exit_code == 0, result.output
    (line,) = SUMMARY_LINE.finditer(result.stderr)
    assert (line["remove"], line["review"], line["approve"]) == ("0", "0", "2")


def test_fail_on_review_counts_removals(tmp_path):
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"), "--fail-on", "review")
    assert result.exit_code == 3


def test_bad_policy_ends_in_one_line_and_exit_1(tmp_path):
    policy = tmp_path / "bad.toml"
    policy.write_text('name = "bad"\n[thresholds]\nrudeness = { review = 0.5 }\n')
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"), "--policy", str(policy))
    assert result.exit_code == 1
    assert result.stderr == (
        f"moderator: error: policy {policy}: thresholds.rudeness: unknown label (known: "
        "toxicity, severe_toxicity, obscene, threat, insult, identity_attack, sexual_explicit)\n"
    )
    assert not (tmp_path / "out").exists()


def test_missing_policy_file_and_missing_input(tmp_path):
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"), "--policy", str(tmp_path / "no.toml"))
    assert result.exit_code == 1
    assert result.stderr.startswith("moderator: error: cannot read policy")
    result = invoke(str(tmp_path / "absent.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith("moderator: error: ")
    assert "Traceback" not in result.output


def test_output_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "taken"
    target.write_text("mine")
    result = invoke(REFERENCE, "-o", str(target))
    assert result.exit_code in (1, 2)
    assert target.read_text() == "mine"
    assert "Traceback" not in result.output


def test_policy_override_from_the_command_line(tmp_path):
    policy = tmp_path / "lenient.toml"
    policy.write_text(
        'name = "lenient"\n[identity]\nslur = "review"\ndehumanization = "review"\n'
        'generalization = "review"\npersonal_insult = "review"\n'
    )
    result = invoke(REFERENCE, "-o", str(tmp_path / "out"), "--policy", str(policy))
    assert result.exit_code == 0, result.output
    (line,) = SUMMARY_LINE.finditer(result.stderr)
    assert line["remove"] == "0"
    assert int(line["review"]) > 0


def test_analyze_reads_stdin(tmp_path):
    data = pd.DataFrame({"text": ["Welcome to our kandastar.", "You are pigs yourselves!"]})
    result = CliRunner().invoke(
        main,
        ["analyze", "-", "-o", str(tmp_path / "out"), "--model", "moderator-lite"],
        input=data.to_csv(index=False),
    )
    assert result.exit_code == 0, result.output
    (line,) = SUMMARY_LINE.finditer(result.stderr)
    assert (line["remove"], line["review"], line["approve"]) == ("0", "1", "1")
    queue = pd.read_json(Path(line["folder"]) / "queue.jsonl", lines=True, dtype=False)
    assert list(queue["text"]) == ["You are pigs yourselves!"]
