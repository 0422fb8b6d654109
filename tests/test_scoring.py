"""moderator.scoring.score: routing by language, the offline fallback, the table it returns."""

import json
import math

import numpy as np
import pandas as pd
import pytest
from detoxify_fixtures import make_checkpoint, make_hf_config

import moderator.scoring
from moderator.errors import ConfigError, ModelUnavailableError
from moderator.scoring import describe_models, score
from moderator.scoring.catalog import detoxify_models

ENGLISH = "You are all stupid people, go back home to your own country"
FRENCH = "Les Chinois sont méchants et dangereux pour notre pays"
RUSSIAN = "Русские свиньи и обезьяны, убирайтесь домой немедленно"
KAZAKH = "Қазақстан біздің елміз, кандастар қош келдіңіздер"
SHORT = "ok"


class FakeLite:
    """Stands in for the shipped model: scores 'stupid' as toxic and explains it."""

    name = "moderator-lite"
    labels = ("toxicity", "insult")
    version = "test-1"

    def score(self, texts, languages=None):
        toxic = [0.9 if "stupid" in text else 0.1 for text in texts]
        return pd.DataFrame({"toxicity": toxic, "insult": [0.2] * len(texts)})

    def explain(self, texts, languages=None):
        return [
            {
                "toxicity": [{"start": 8, "end": 14, "term": "stupid", "weight": 1.5}],
                "insult": [{"start": 8, "end": 14, "term": "stupid", "weight": 0.1}],
            }
            for _ in texts
        ]


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("scoring")
    hf_config = make_hf_config(root / "hf-config")
    checkpoints = {}
    for kind in ("unbiased", "multilingual"):
        checkpoints[kind] = make_checkpoint(
            root / "torch" / "hub" / "checkpoints" / detoxify_models()[kind]["checkpoint"],
            hf_config,
            kind=kind,
            model_type=hf_config,
            seed=len(kind),
        )
    return {"root": root, "hf_config": hf_config, "checkpoints": checkpoints}


@pytest.fixture
def machine(model_files, tmp_path, monkeypatch):
    """detoxify's cache holds `unbiased` and `multilingual`; no config; a fake shipped model."""
    monkeypatch.setenv("TORCH_HOME", str(model_files["root"] / "torch"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("MODERATOR_CONFIG", raising=False)
    monkeypatch.delenv("MODERATOR_CHECKPOINT", raising=False)
    monkeypatch.delenv("MODERATOR_HF_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(moderator.scoring, "_load_shipped", FakeLite)
    return model_files


def comments_table(texts):
    table = pd.DataFrame(
        {"comment_id": [f"c{i}" for i in range(len(texts))], "text": pd.Series(texts, dtype=object)}
    )
    table.attrs["articles"] = [{"article_id": "a"}]
    return table


def test_auto_routes_by_language(machine):
    lines = []
    result = score(
        comments_table([ENGLISH, FRENCH, RUSSIAN, KAZAKH, SHORT]), device="cpu", echo=lines.append
    )
    assert result["language"].tolist() == ["en", "fr", "ru", "kk", "und"]
    assert result["model"].tolist() == [
        "unbiased",
        "multilingual",
        "multilingual",
        "multilingual",
        "multilingual",
    ]
    assert result["low_confidence_language"].tolist() == [False, False, False, True, True]
    assert result["truncated"].tolist() == [False] * 5
    assert [record["name"] for record in result.attrs["models"]] == ["unbiased", "multilingual"]
    assert [record["comments"] for record in result.attrs["models"]] == [1, 4]
    assert result.attrs["articles"] == [{"article_id": "a"}]
    assert lines[0].startswith("scoring 1 comment with unbiased (")
    assert lines[1].startswith("scoring 4 comments with multilingual (")


def test_result_columns_and_label_values(machine):
    result = score(comments_table([ENGLISH, RUSSIAN]), device="cpu")
    assert list(result.columns) == [
        "comment_id",
        "text",
        "language",
        "language_confidence",
        "model",
        "truncated",
        "low_confidence_language",
        "toxicity",
        "severe_toxicity",
        "obscene",
        "threat",
        "insult",
        "identity_attack",
        "sexual_explicit",
        "score_evidence",
    ]
    labels = result[["toxicity", "insult", "sexual_explicit"]].to_numpy()
    assert ((labels > 0) & (labels < 1)).all()
    # detoxify has no explain(): no evidence spans.
    assert result["score_evidence"].tolist() == ["", ""]


def test_scores_equal_the_engine_in_input_order(machine):
    from moderator.scoring.detoxify_engine import load_detoxify

    texts = [RUSSIAN, FRENCH, KAZAKH, RUSSIAN]
    result = score(texts, model="multilingual", device="cpu")
    engine = load_detoxify("multilingual", device="cpu")
    expected, _ = engine.predict(texts)
    np.testing.assert_allclose(result[list(engine.labels)].to_numpy(), expected, atol=1e-6)
    assert result["model"].tolist() == ["multilingual"] * 4
    assert result["low_confidence_language"].tolist() == [False, False, True, False]


def test_missing_detoxify_weights_fall_back_to_the_shipped_model(machine, monkeypatch):
    machine["checkpoints"]["unbiased"].rename(machine["root"] / "moved.ckpt")
    try:
        lines = []
        result = score([ENGLISH, RUSSIAN], device="cpu", echo=lines.append)
    finally:
        (machine["root"] / "moved.ckpt").rename(machine["checkpoints"]["unbiased"])
    assert result["model"].tolist() == ["moderator-lite", "multilingual"]
    assert lines[0] == (
        "no weights on this machine for detoxify 'unbiased' (see `moderator models`): "
        "moderator-lite scores 1 comment instead"
    )
    # The shipped model's explanation is kept for the labels that fired (>= 0.5) only.
    evidence = json.loads(result.loc[0, "score_evidence"])
    assert evidence == {"toxicity": [{"start": 8, "end": 14, "term": "stupid", "weight": 1.5}]}
    assert result.loc[1, "score_evidence"] == ""
    # A label the shipped model lacks is missing, not zero.
    assert math.isnan(result.loc[0, "threat"])
    assert result.loc[0, "toxicity"] == pytest.approx(0.9)
    assert [record["name"] for record in result.attrs["models"]] == [
        "multilingual",
        "moderator-lite",
    ]


def test_auto_without_any_weights_uses_the_shipped_model(machine, tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "empty"))
    result = score([ENGLISH, RUSSIAN], device="cpu")
    assert result["model"].tolist() == ["moderator-lite", "moderator-lite"]
    assert result.attrs["models"] == [
        {
            "name": "moderator-lite",
            "version": "test-1",
            "labels": ["toxicity", "insult"],
            "comments": 2,
        }
    ]


def test_named_model_without_weights_is_an_error(machine):
    with pytest.raises(ModelUnavailableError, match="no weights for detoxify model 'original'"):
        score([ENGLISH], model="original", device="cpu")


def test_checkpoint_from_the_environment(machine, monkeypatch):
    monkeypatch.setenv("MODERATOR_CHECKPOINT", str(machine["checkpoints"]["unbiased"]))
    monkeypatch.setenv("MODERATOR_HF_CONFIG", str(machine["hf_config"]))
    result = score([ENGLISH, RUSSIAN], device="cpu")
    # One checkpoint scores everything; it is recognized as `unbiased` (English only).
    assert result["model"].tolist() == ["unbiased", "unbiased"]
    assert result["low_confidence_language"].tolist() == [False, True]
    assert result.attrs["models"][0]["checkpoint"] == str(machine["checkpoints"]["unbiased"])


def test_checkpoint_with_the_shipped_model_is_refused(machine):
    with pytest.raises(ConfigError, match="--checkpoint is for detoxify models"):
        score([ENGLISH], model="moderator-lite", checkpoint=machine["checkpoints"]["unbiased"])


def test_unknown_model_is_refused(machine):
    with pytest.raises(ConfigError, match="unknown model 'gpt'"):
        score([ENGLISH], model="gpt")


def test_table_without_text_column_is_refused(machine):
    with pytest.raises(ConfigError, match="no `text` column"):
        score(pd.DataFrame({"body": ["x"]}))


def test_describe_models_reports_what_is_present(machine):
    entries = {entry["name"]: entry for entry in describe_models()}
    assert entries["multilingual"]["checkpoint"] == str(machine["checkpoints"]["multilingual"])
    # The checkpoint is there, but not bert/xlm-roberta's Hugging Face files.
    assert not entries["multilingual"]["available"]
    assert (
        "Hugging Face config and tokenizer of xlm-roberta-base"
        in (entries["multilingual"]["missing"])
    )
    assert entries["original"]["missing"].startswith("checkpoint toxic_original-c1212f89.ckpt")
    assert "moderator-lite" in entries


def test_describe_models_uses_a_configured_hf_config_of_the_right_kind(machine, monkeypatch):
    monkeypatch.setenv("MODERATOR_HF_CONFIG", str(machine["hf_config"]))  # a BERT config
    entries = {entry["name"]: entry for entry in describe_models()}
    assert entries["original"]["hf_config"] == str(machine["hf_config"])
    assert entries["original"]["missing"] == "checkpoint toxic_original-c1212f89.ckpt"
    assert entries["multilingual"]["hf_config"] == ""  # xlm-roberta needs its own


def test_catalog_matches_detoxify_urls():
    from detoxify.detoxify import MODEL_URLS

    assert {kind: url.rsplit("/", 1)[1] for kind, url in MODEL_URLS.items()} == {
        kind: entry["checkpoint"] for kind, entry in detoxify_models().items()
    }
