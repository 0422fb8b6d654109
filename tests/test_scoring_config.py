"""Local model files from options, the environment and the config file."""

import pytest

from moderator.config import scoring_settings, torch_hub_checkpoints
from moderator.errors import ConfigError


@pytest.fixture(autouse=True)
def clean(monkeypatch, tmp_path):
    for name in ("MODERATOR_CHECKPOINT", "MODERATOR_HF_CONFIG", "MODERATOR_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def write_config(tmp_path, text):
    path = tmp_path / "xdg" / "moderator" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_configured():
    assert scoring_settings() == {"checkpoint": None, "hf_config": None, "origin": {}}


def test_option_beats_environment_beats_file(tmp_path, monkeypatch):
    path = write_config(tmp_path, '[scoring]\ncheckpoint = "models/c.ckpt"\nhf_config = "/hf"\n')
    assert scoring_settings()["checkpoint"] == str(path.parent / "models" / "c.ckpt")
    assert scoring_settings()["origin"] == {"checkpoint": str(path), "hf_config": str(path)}
    monkeypatch.setenv("MODERATOR_CHECKPOINT", "/env.ckpt")
    assert scoring_settings()["checkpoint"] == "/env.ckpt"
    assert scoring_settings()["origin"]["checkpoint"] == "MODERATOR_CHECKPOINT"
    settings = scoring_settings(checkpoint="/option.ckpt")
    assert settings["checkpoint"] == "/option.ckpt"
    assert settings["origin"]["checkpoint"] == "option"
    assert settings["hf_config"] == "/hf"


def test_config_file_named_by_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere.toml"
    path.write_text('[scoring]\nhf_config = "/hf"\n', encoding="utf-8")
    monkeypatch.setenv("MODERATOR_CONFIG", str(path))
    assert scoring_settings()["hf_config"] == "/hf"


def test_missing_named_config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MODERATOR_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="does not exist"):
        scoring_settings()


@pytest.mark.parametrize(
    "text, message",
    [
        ("[scoring\n", "cannot read config file"),
        ('[scoring]\nmodel = "x"\n', "unknown setting 'model'"),
        ("[other]\nx = 1\n", "unknown setting 'other'"),
        ("[scoring]\ncheckpoint = 3\n", "must be a path"),
    ],
)
def test_bad_config_files(tmp_path, text, message):
    write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=message):
        scoring_settings()


def test_detoxify_cache_follows_torch_home(monkeypatch, tmp_path):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path))
    assert torch_hub_checkpoints() == tmp_path / "hub" / "checkpoints"
