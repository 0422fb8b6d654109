"""The shipped `moderator-lite` artifact: loads, scores known texts, explains, fails clearly."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from moderator.errors import ModelUnavailableError
from moderator.scoring.shipped import (
    ARTIFACT_METADATA,
    ARTIFACT_WEIGHTS,
    default_artifact_dir,
    featurize,
    load_shipped_model,
    normalize,
)


@pytest.fixture(scope="module")
def model():
    return load_shipped_model()


def test_artifact_is_small_and_describes_itself(model):
    assert (default_artifact_dir() / ARTIFACT_WEIGHTS).stat().st_size < 25 * 2**20
    assert model.name == "moderator-lite"
    assert model.version
    assert model.labels == ("toxicity", "insult", "threat", "obscene", "identity_attack")
    assert model.labels_for("ru") == ("toxicity",)
    assert model.labels_for("kk") == ("toxicity",)


def test_clearly_toxic_and_clearly_benign_english(model):
    scores = model.score(
        ["You are a fucking idiot", "Thank you for the article, very informative"], ["en", "en"]
    )
    assert scores.loc[0, "toxicity"] > 0.9 and scores.loc[0, "insult"] > 0.9
    assert scores.loc[1, "toxicity"] < 0.1 and scores.loc[1, "insult"] < 0.1
    assert scores.to_numpy().min() >= 0 and scores.to_numpy().max() <= 1


def test_english_toxicity_is_the_gate_weighted_mixture_of_its_experts(model):
    english = model.parts["en"]
    mixture = english["mixture"]
    assert mixture["domains"] == [
        "tweets_davidson",
        "tweets_olid",
        "gab_twitter_hatexplain",
        "wikipedia_jigsaw",
        "other",
    ]
    texts = [
        "RT @user: this hoe always on her phone lmao",
        "She is a liar and everyone knows it #MAGA",
        "Please do not vandalize Wikipedia articles; see the talk page before reverting edits.",
    ]
    logits = model._logits(texts, "en")
    labels = len(english["labels"])
    calibrated = labels + len(mixture["experts"])
    gate = 1 / (1 + np.exp(-logits[:, calibrated:]))
    gate /= gate.sum(axis=1, keepdims=True)
    assert [mixture["domains"][i] for i in gate.argmax(axis=1)] == [
        "tweets_davidson",
        "tweets_olid",
        "wikipedia_jigsaw",
    ]
    slope, intercept = english["calibration"][labels:].T
    experts = 1 / (1 + np.exp(-(slope * logits[:, labels:calibrated] + intercept)))
    general = model._probabilities(logits, "en")[:, 0]
    own = english["calibration"][0]
    own_model = 1 / (1 + np.exp(-(own[0] * logits[:, 0] + own[1])))
    expected = (gate * np.column_stack((experts, own_model))).sum(axis=1)
    np.testing.assert_allclose(general, expected)
    np.testing.assert_allclose(model.score(texts, ["en"] * 3)["toxicity"], expected)


def test_obfuscated_insult_scores_like_the_plain_one(model):
    scores = model.score(["you are an idiot", "y0u are an 1d10t", "you are an i d i o t"])
    assert (scores["toxicity"] > 0.8).all()
    assert (scores["insult"] > 0.8).all()


def test_russian_is_scored_by_the_russian_part(model):
    scores = model.score(["Ты тупой дебил, иди нахуй", "Спасибо за интересную статью"], None)
    assert scores.loc[0, "toxicity"] > 0.9
    assert scores.loc[1, "toxicity"] < 0.1
    # the Russian data labels toxicity only: other labels are absent, not zero
    assert np.isnan(scores.loc[0, "insult"]) and np.isnan(scores.loc[1, "identity_attack"])


def test_latin_look_alikes_in_russian_are_folded():
    config = {"group_token": True}
    assert normalize(["вcpaлся"], "ru", config) == " всрался "
    assert normalize(["n1gg3r"], "en", config) == " nigger "
    assert normalize(["м р а з ь"], "ru", config) == " мразь "


def test_group_names_share_one_token_but_slurs_keep_theirs():
    config = {"group_token": True}
    assert normalize(["Muslims and Jews, Kazakhs"], "en", config) == (
        " groupterm and groupterm groupterm "
    )
    assert normalize(["казахи и русские, хохлы"], "ru", config) == (" groupterm и groupterm хохлы ")


def test_features_are_deterministic_and_per_document():
    config = {"bits": 20, "char_ngrams": [2, 5], "norm_floor": 1}
    one = featurize(["hello world"], "en", config)
    two = featurize(["hello world", "other text"], "en", config)
    assert (one[1] == two[1][two[0] == 0]).all()
    assert np.bincount(two[0]).tolist()[0] == len(one[0])


def test_explanations_point_at_the_offending_words(model):
    text = "Thanks for the report, but you are a stupid moron"
    (explanation,) = model.explain([text], ["en"])
    top = explanation["insult"][0]
    assert top["term"] in ("stupid", "moron")
    assert text[top["start"] : top["end"]] == top["term"]
    assert top["weight"] > 0
    (russian,) = model.explain(["Ты тупой дебил"], ["ru"])
    assert {span["term"] for span in russian["toxicity"][:2]} == {"тупой", "дебил"}


def test_empty_and_missing_texts_score_without_error(model):
    scores = model.score(["", None, float("nan")], None)
    assert len(scores) == 3 and scores["toxicity"].nunique() == 1


def test_missing_artifact_is_a_clear_error(tmp_path):
    with pytest.raises(ModelUnavailableError, match="is missing"):
        load_shipped_model(tmp_path)


def test_corrupted_artifact_is_a_clear_error(tmp_path):
    for name in (ARTIFACT_WEIGHTS, ARTIFACT_METADATA):
        shutil.copy(default_artifact_dir() / name, tmp_path / name)
    weights = tmp_path / ARTIFACT_WEIGHTS
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ModelUnavailableError, match="corrupted"):
        load_shipped_model(tmp_path)
    (tmp_path / ARTIFACT_METADATA).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="corrupted"):
        load_shipped_model(tmp_path)


def test_functional_cases_that_the_model_must_get_right(model):
    """Templated cases from tests/data/functional_en_ru.csv that the shipped build gets right in
    every group: profanity-laden hate and hateful questions flagged, most praise not flagged."""
    import pandas as pd

    from moderator.evaluation import evaluate

    cases = pd.read_csv(Path(__file__).parent / "data" / "functional_en_ru.csv")
    chosen = cases[cases["functionality"].isin(["profanity_hate", "hate_question"])]
    chosen = pd.concat([chosen, cases[cases["functionality"] == "positive_group"]])
    figures = evaluate(
        chosen,
        positive="hateful",
        model=model,
        by="functionality",
        labels=["toxicity"],
        language_col="language",
        threshold=0.5,
    ).figures.set_index("functionality")
    assert figures.loc["profanity_hate", "recall"] == 1.0
    assert figures.loc["hate_question", "recall"] == 1.0
    # 9 of 78: "{group} are very kind." reads like sarcasm to the model; see the model card
    assert figures.loc["positive_group", "false_positive_rate"] <= 0.12
