"""The detoxify engine with tiny checkpoints built here, loaded through the real loading path."""

import pickle

import numpy as np
import pytest
from detoxify_fixtures import (
    CLASSES,
    MAX_TOKENS,
    make_checkpoint,
    make_hf_config,
    make_roberta_hf_config,
    words,
)

from moderator.errors import ConfigError, ModelUnavailableError
from moderator.scoring.detoxify_engine import load_detoxify, read_checkpoint

TEXTS = [
    "you are stupid",
    "these people are vermin and cockroaches",
    "the russians are swine and monkeys go home",
    "welcome back friends",
    "good article",
    words(40),
    words(7, start=3),
    "русские свиньи уходите домой",
    "les chinois sont mechants",
    words(25, start=11),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """An isolated machine: empty detoxify and Hugging Face caches, one config folder, and
    checkpoints naming a hub model (as real ones do) or the local folder (detoxify can load)."""
    root = tmp_path_factory.mktemp("detoxify")
    hf_config = make_hf_config(root / "hf-config")
    return {
        "root": root,
        "hf_config": hf_config,
        "hub": make_checkpoint(root / "hub.ckpt", hf_config),
        "local": make_checkpoint(root / "local.ckpt", hf_config, model_type=hf_config),
    }


@pytest.fixture(autouse=True)
def empty_caches(files, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(files["root"] / "torch"))
    monkeypatch.setenv("HF_HOME", str(files["root"] / "hf-home"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("MODERATOR_CONFIG", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(files["root"] / "no-config"))


@pytest.fixture(scope="module")
def scorer(files):
    return load_detoxify(checkpoint=files["hub"], hf_config=files["hf_config"], device="cpu")


def test_scores_equal_detoxify_predict(files, scorer):
    from detoxify import Detoxify

    reference = Detoxify(checkpoint=str(files["local"]), huggingface_config_path=files["hf_config"])
    expected = reference.predict(TEXTS)
    scores, truncated = scorer.predict(TEXTS)
    assert scorer.labels == tuple(expected)
    for column, label in enumerate(scorer.labels):
        np.testing.assert_allclose(scores[:, column], expected[label], atol=1e-4, rtol=0)
    assert not truncated.any()
    # The scores are not all alike: the comparison above means something.
    assert np.ptp(scores[:, 0]) > 0.01


def test_roberta_scores_equal_detoxify_predict(files):
    # detoxify `unbiased`'s architecture: <s> </s> specials, padding id 1, no token types.
    from detoxify import Detoxify

    hf_config = make_roberta_hf_config(files["root"] / "roberta-config")
    local = make_checkpoint(
        files["root"] / "roberta-local.ckpt", hf_config, kind="unbiased", model_type=hf_config
    )
    hub = make_checkpoint(files["root"] / "roberta-hub.ckpt", hf_config, kind="unbiased")
    texts = [*TEXTS, "x" * (MAX_TOKENS + 10)]
    expected = Detoxify(checkpoint=str(local), huggingface_config_path=hf_config).predict(texts)
    scorer = load_detoxify(checkpoint=hub, hf_config=hf_config, device="cpu", batch_tokens=200)
    scores, truncated = scorer.predict(texts)
    assert scorer.name == "unbiased"
    assert scorer.labels == (
        "toxicity",
        "severe_toxicity",
        "obscene",
        "identity_attack",
        "insult",
        "threat",
        "sexual_explicit",
    )
    for column, label in enumerate(scorer.labels):
        np.testing.assert_allclose(scores[:, column], expected[label], atol=1e-4, rtol=0)
    assert truncated[-1]
    assert np.ptp(scores[:, 0]) > 0.01


def test_small_token_budget_changes_nothing(files, scorer):
    small = load_detoxify(
        checkpoint=files["hub"], hf_config=files["hf_config"], device="cpu", batch_tokens=16
    )
    np.testing.assert_allclose(small.predict(TEXTS)[0], scorer.predict(TEXTS)[0], atol=1e-5)


def test_results_come_back_in_input_order(scorer):
    one_by_one = np.vstack([scorer.predict([text])[0] for text in TEXTS])
    order = [9, 0, 5, 2, 8, 1, 7, 3, 6, 4]
    shuffled, _ = scorer.predict([TEXTS[i] for i in order])
    np.testing.assert_allclose(shuffled, one_by_one[order], atol=1e-5)


def test_identical_texts_are_scored_once(scorer):
    before = scorer.real_tokens
    scores, _ = scorer.predict(["you are stupid", "you  are\nstupid ", " you are stupid"])
    assert scorer.real_tokens - before == 5  # [CLS] you are stupid [SEP], once
    assert (scores == scores[0]).all()


def test_long_texts_are_truncated_and_flagged(scorer):
    short, limit, long = words(10), words(MAX_TOKENS - 2), words(MAX_TOKENS + 30)
    scores, truncated = scorer.predict([short, limit, long])
    assert truncated.tolist() == [False, False, True]
    # Truncated means scored on the first MAX_TOKENS - 2 words.
    np.testing.assert_allclose(scores[2], scorer.predict([limit])[0][0], atol=1e-5)


def test_window_mode_keeps_the_maximum_over_overlapping_windows(files):
    windowed = load_detoxify(
        checkpoint=files["hub"], hf_config=files["hf_config"], device="cpu", long_text="window"
    )
    content = MAX_TOKENS - 2
    length = content + 40
    text = words(length)
    token_words = text.split()
    stride = content // 2
    starts = [*range(0, length - content, stride), length - content]
    windows = [" ".join(token_words[start : start + content]) for start in starts]
    scores, truncated = windowed.predict([text])
    expected = windowed.predict(windows)[0].max(axis=0)
    np.testing.assert_allclose(scores[0], expected, atol=1e-5)
    assert not truncated[0]


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_label_sets_per_model_kind(files, kind):
    path = make_checkpoint(files["root"] / f"{kind}.ckpt", files["hf_config"], kind=kind)
    scorer = load_detoxify(kind, checkpoint=path, hf_config=files["hf_config"], device="cpu")
    six = ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack")
    seven = (
        "toxicity",
        "severe_toxicity",
        "obscene",
        "identity_attack",
        "insult",
        "threat",
        "sexual_explicit",
    )
    assert scorer.labels == (six if kind.startswith("original") else seven)
    assert list(scorer.score(["you are stupid"]).columns) == list(scorer.labels)
    assert scorer.name == kind


def test_kind_is_recognized_from_the_checkpoint(files, scorer):
    assert scorer.name == "original"


def test_hub_named_checkpoint_loads_offline_from_local_files(files, scorer):
    # model_type names `bert-base-uncased`, which is in no cache here: detoxify itself would ask
    # the hub for it; the engine reads the given folder only.
    assert read_checkpoint(files["hub"])["config"]["arch"]["args"]["model_type"] == (
        "bert-base-uncased"
    )
    assert scorer.hf_config == files["hf_config"]


def test_missing_hf_config_says_how_to_provide_it(files):
    with pytest.raises(ModelUnavailableError, match="--hf-config DIR"):
        load_detoxify(checkpoint=files["hub"], device="cpu")


def test_missing_weights_say_how_to_provide_them():
    with pytest.raises(ModelUnavailableError, match="--checkpoint FILE") as error:
        load_detoxify("multilingual", device="cpu")
    assert "multilingual_debiased-0b549669.ckpt" in str(error.value)


class _Payload:
    def __reduce__(self):
        import os

        return (os.system, ("echo pwned > PWNED",))


def test_checkpoint_carrying_code_is_refused_and_not_run(files, tmp_path, monkeypatch):
    import torch

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.ckpt"
    torch.save({"config": {}, "state_dict": {}, "payload": _Payload()}, path)
    with pytest.raises(ConfigError, match="refusing checkpoint"):
        load_detoxify(checkpoint=path, hf_config=files["hf_config"], device="cpu")
    assert not (tmp_path / "PWNED").exists()


def test_plain_pickle_is_refused(files, tmp_path):
    path = tmp_path / "pickled.ckpt"
    path.write_bytes(pickle.dumps({"config": {}, "state_dict": {}}))
    with pytest.raises(ConfigError):
        read_checkpoint(path)


@pytest.mark.parametrize(
    "content, problem",
    [
        ({"state_dict": {}}, "'config' and 'state_dict'"),
        ({"config": {"arch": {}}, "state_dict": {"a": 1}}, "config.arch.args"),
    ],
)
def test_checkpoint_not_in_detoxify_format_is_refused(tmp_path, content, problem):
    import torch

    path = tmp_path / "other.ckpt"
    torch.save(content, path)
    with pytest.raises(ConfigError, match="not in detoxify's format") as error:
        read_checkpoint(path)
    assert problem in str(error.value)


def test_not_a_checkpoint_at_all(tmp_path):
    path = tmp_path / "notes.ckpt"
    path.write_text("just some text\n")
    with pytest.raises(ConfigError, match="not a PyTorch checkpoint"):
        read_checkpoint(path)


def test_wrong_hf_config_family_is_named(files, tmp_path):
    import json

    other = tmp_path / "roberta"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({"model_type": "roberta"}))
    with pytest.raises(ConfigError, match="holds a 'roberta' config"):
        load_detoxify(checkpoint=files["hub"], hf_config=other, device="cpu")


def test_quantized_scores_stay_close(files, scorer):
    import torch

    quantized = load_detoxify(
        checkpoint=files["hub"], hf_config=files["hf_config"], device="cpu", quantize=True
    )
    assert any(
        isinstance(module, torch.ao.nn.quantized.dynamic.Linear)
        for module in quantized.model.modules()
    )
    exact, approximate = scorer.predict(TEXTS)[0], quantized.predict(TEXTS)[0]
    assert ((approximate >= 0) & (approximate <= 1)).all()
    # These random weights are far wider than trained ones, which magnifies int8 rounding; the
    # benchmark measures the error on a model of the real size.
    assert 0 < np.abs(approximate - exact).mean() < 0.1


def test_unknown_long_text_mode_is_refused(files):
    with pytest.raises(ConfigError, match="long-text mode"):
        load_detoxify(
            checkpoint=files["hub"], hf_config=files["hf_config"], device="cpu", long_text="cut"
        )
