"""`moderator evaluate` end to end on tiny labelled files."""

import pandas as pd
from click.testing import CliRunner

from moderator.cli import main

ROWS = pd.DataFrame(
    {
        "comment": [
            "You are a fucking idiot",
            "Thank you for the article, very informative",
            "Ты тупой дебил, иди нахуй",
            "Спасибо за интересную статью",
        ],
        "verdict": ["toxic", "ok", "toxic", "ok"],
        "lang": ["en", "en", "ru", "ru"],
    }
)


def run(*args):
    return CliRunner().invoke(main, ["evaluate", *args])


def test_prints_figures_and_calibration(tmp_path):
    path = tmp_path / "labelled.csv"
    ROWS.to_csv(path, index=False)
    result = run(
        str(path),
        "--text-col",
        "comment",
        "--label-col",
        "verdict",
        "--positive",
        "toxic",
        "--language-col",
        "lang",
        "--label",
        "toxicity",
        "--by",
        "lang",
    )
    assert result.exit_code == 0, result.output
    assert "model: moderator-lite" in result.output
    assert "calibration" in result.output
    out = tmp_path / "figures.csv"
    result = run(
        str(path),
        "--text-col",
        "comment",
        "--label-col",
        "verdict",
        "--positive",
        "toxic",
        "--language-col",
        "lang",
        "--label",
        "toxicity",
        "--by",
        "lang",
        "-o",
        str(out),
    )
    figures = pd.read_csv(out).set_index("lang")
    # every comment is clear-cut: all four right at the policy's threshold
    assert figures.loc["all", ["tp", "fp", "fn", "tn"]].tolist() == [2, 0, 0, 2]
    assert figures.loc["all", "roc_auc"] == 1.0
    assert figures.loc["ru", "rows"] == 2


def test_figures_to_stdout_as_csv(tmp_path):
    path = tmp_path / "labelled.jsonl"
    ROWS.to_json(path, orient="records", lines=True, force_ascii=False)
    result = run(
        str(path),
        "--text-col",
        "comment",
        "--label-col",
        "verdict",
        "--positive",
        "toxic",
        "--language-col",
        "lang",
        "--label",
        "toxicity",
        "--threshold",
        "0.5",
        "-o",
        "-",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("label,rows,positives,roc_auc")


def test_user_errors_are_one_line(tmp_path):
    path = tmp_path / "labelled.csv"
    ROWS.to_csv(path, index=False)
    cases = [
        ([str(tmp_path / "absent.csv")], "no such file"),
        ([str(path), "--text-col", "body"], "no text column 'body'"),
        ([str(path), "--text-col", "comment", "--label-col", "verdict"], "--positive"),
        (
            [str(path), "--text-col", "comment", "--label-col", "verdict", "--positive", "x"],
            "no label equals 'x'",
        ),
        (
            [
                str(path),
                "--text-col",
                "comment",
                "--label-col",
                "verdict",
                "--positive",
                "toxic",
                "--label",
                "severe_toxicity",
            ],
            "has no label severe_toxicity",
        ),
        (
            [
                str(path),
                "--text-col",
                "comment",
                "--label-col",
                "verdict",
                "--positive",
                "toxic",
                "-o",
                str(path),
            ],
            "refusing to overwrite",
        ),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        assert message in result.output
        assert "Traceback" not in result.output


def test_usage_error_exits_2():
    assert run("data.csv", "--threshold", "2").exit_code == 2
