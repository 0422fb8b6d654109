"""Settings that outlive one command: local model files for air-gapped machines.

An explicit option wins over an environment variable, which wins over the config file:

    MODERATOR_CHECKPOINT   detoxify checkpoint file (--checkpoint)
    MODERATOR_HF_CONFIG    Hugging Face config and tokenizer folder (--hf-config)
    MODERATOR_CONFIG       the config file; default $XDG_CONFIG_HOME/moderator/config.toml
                           (~/.config/moderator/config.toml)

The config file is TOML:

    [scoring]
    checkpoint = "/models/toxic_original-c1212f89.ckpt"
    hf_config = "/models/bert-base-uncased"

Relative paths in the file are relative to the file's folder. Also here: where detoxify's own
download cache (torch.hub) and the Hugging Face cache live, computed as those libraries do, so
that `moderator models` needs neither torch nor transformers.
"""

import os
import tomllib
from pathlib import Path

from moderator.errors import ConfigError

_SCORING_KEYS = ("checkpoint", "hf_config")
_ENVIRONMENT = {"checkpoint": "MODERATOR_CHECKPOINT", "hf_config": "MODERATOR_HF_CONFIG"}


def config_path():
    """The config file in effect (it may not exist)."""
    if os.environ.get("MODERATOR_CONFIG"):
        return Path(os.environ["MODERATOR_CONFIG"]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "moderator" / "config.toml"


def scoring_settings(checkpoint=None, hf_config=None):
    """{"checkpoint": path or None, "hf_config": path or None, "origin": {key: where from}}."""
    explicit = {"checkpoint": checkpoint, "hf_config": hf_config}
    from_file = _read_config_file()
    settings = {"origin": {}}
    for key in _SCORING_KEYS:
        if explicit[key]:
            settings[key], origin = str(explicit[key]), "option"
        elif os.environ.get(_ENVIRONMENT[key]):
            settings[key], origin = os.environ[_ENVIRONMENT[key]], _ENVIRONMENT[key]
        elif from_file.get(key):
            settings[key], origin = from_file[key], str(config_path())
        else:
            settings[key], origin = None, None
        if settings[key]:
            settings[key] = str(Path(settings[key]).expanduser())
            settings["origin"][key] = origin
    return settings


def _read_config_file():
    path = config_path()
    if not path.is_file():
        if os.environ.get("MODERATOR_CONFIG"):
            raise ConfigError(f"config file {path} (MODERATOR_CONFIG) does not exist")
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read config file {path}: {error}") from None
    section = document.get("scoring", {})
    unknown = sorted(set(document) - {"scoring"}) + sorted(set(section) - set(_SCORING_KEYS))
    if unknown:
        raise ConfigError(
            f"config file {path}: unknown setting {unknown[0]!r} "
            f"(known: [scoring] {', '.join(_SCORING_KEYS)})"
        )
    settings = {}
    for key, value in section.items():
        if not isinstance(value, str) or not value:
            raise ConfigError(f"config file {path}: [scoring] {key} must be a path (a string)")
        settings[key] = str(path.parent / Path(value).expanduser())
    return settings


def torch_hub_checkpoints():
    """The folder where detoxify (through torch.hub) caches downloaded checkpoints."""
    if os.environ.get("TORCH_HOME"):
        torch_home = Path(os.environ["TORCH_HOME"])
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        torch_home = Path(cache) / "torch"
    return torch_home.expanduser() / "hub" / "checkpoints"


def huggingface_hub_cache():
    """The folder where Hugging Face libraries cache downloaded models."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache).expanduser() / "huggingface" / "hub"
