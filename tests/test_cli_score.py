"""`moderator score` and `moderator models` from the command line."""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from detoxify_fixtures import make_checkpoint, make_hf_config

from moderator.cli import main

COMMENTS = "comment_id,text\n1,you are stupid\n2,welcome back friends\n3,you  are stupid\n"


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli-score")
    hf_config = make_hf_config(root / "hf-config")
    return {"hf_config": hf_config, "checkpoint": make_checkpoint(root / "tiny.ckpt", hf_config)}


@pytest.fixture
def offline_machine(tmp_path, monkeypatch):
    """No detoxify weights, no Hugging Face cache, no config."""
    environment = {
        "TORCH_HOME": str(tmp_path / "torch"),
        "HF_HOME": str(tmp_path / "hf"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for name in ("MODERATOR_CHECKPOINT", "MODERATOR_HF_CONFIG", "MODERATOR_CONFIG", "HF_HUB_CACHE"):
        monkeypatch.delenv(name, raising=False)
    return environment


def test_score_writes_the_table_to_stdout(model_files, offline_machine, tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text(COMMENTS, encoding="utf-8")
    options = ["--checkpoint", model_files["checkpoint"], "--hf-config", model_files["hf_config"]]
    result = CliRunner().invoke(main, ["score", str(source), "--device", "cpu", *map(str, options)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout))
    assert table["comment_id"].tolist() == [1, 2, 3]
    assert table["model"].tolist() == ["original"] * 3
    assert {"language", "language_confidence", "truncated", "toxicity", "identity_attack"} <= set(
        table.columns
    )
    assert "sexual_explicit" not in table.columns  # `original` does not predict it
    assert table.loc[0, "toxicity"] == table.loc[2, "toxicity"]
    assert "scoring 3 comments with original (tiny.ckpt sha256:" in result.stderr


def test_score_writes_jsonl_and_never_overwrites_its_input(model_files, offline_machine, tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text(COMMENTS, encoding="utf-8")
    options = [
        "--checkpoint",
        str(model_files["checkpoint"]),
        "--hf-config",
        str(model_files["hf_config"]),
    ]
    output = tmp_path / "scores.jsonl"
    result = CliRunner().invoke(main, ["score", str(source), "-o", str(output), *options])
    assert result.exit_code == 0, result.output
    assert len(pd.read_json(output, lines=True)) == 3
    result = CliRunner().invoke(main, ["score", str(source), "-o", str(source), *options])
    assert result.exit_code == 1
    assert source.read_text(encoding="utf-8") == COMMENTS


def test_no_weights_fails_fast_with_one_clear_line(offline_machine, tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text(COMMENTS, encoding="utf-8")
    command = Path(sys.executable).with_name("moderator")
    started = time.monotonic()
    finished = subprocess.run(
        [str(command), "score", str(source), "--model", "original"],
        capture_output=True,
        text=True,
        env={**os.environ, **offline_machine},
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert finished.returncode == 1
    errors = [line for line in finished.stderr.splitlines() if line.startswith("moderator:")]
    assert len(errors) == 1
    assert errors[0].startswith("moderator: error: no weights for detoxify model 'original'")
    assert "--checkpoint FILE" in errors[0]
    assert "Traceback" not in finished.stderr
    assert finished.stdout == ""
    assert elapsed < 10


def test_hub_named_checkpoint_without_its_config_fails_fast(model_files, offline_machine, tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text(COMMENTS, encoding="utf-8")
    command = Path(sys.executable).with_name("moderator")
    started = time.monotonic()
    finished = subprocess.run(
        [str(command), "score", str(source), "--checkpoint", str(model_files["checkpoint"])],
        capture_output=True,
        text=True,
        env={**os.environ, **offline_machine},
        timeout=60,
    )
    assert time.monotonic() - started < 10
    assert finished.returncode == 1
    assert "needs the Hugging Face config and tokenizer of 'bert-base-uncased'" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_checkpoint_carrying_code_is_refused(model_files, offline_machine, tmp_path):
    import torch

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'PWNED'}",))

    evil = tmp_path / "evil.ckpt"
    torch.save({"config": {}, "state_dict": {}, "x": Payload()}, evil)
    source = tmp_path / "comments.csv"
    source.write_text(COMMENTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(source), "--checkpoint", str(evil)])
    assert result.exit_code == 1
    assert "moderator: error: refusing checkpoint" in result.stderr
    assert not (tmp_path / "PWNED").exists()


def test_models_lists_what_is_missing_and_where(offline_machine):
    result = CliRunner().invoke(main, ["models"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "original: missing" in lines
    checkpoints = Path(offline_machine["TORCH_HOME"]) / "hub" / "checkpoints"
    assert f"  files: {checkpoints / 'toxic_original-c1212f89.ckpt'}" in lines
    assert any(line.startswith("moderator-lite: ") for line in lines)
