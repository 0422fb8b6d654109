"""The models moderator knows, the routing table, and where their files are on this machine.

Light on purpose (no torch, no transformers): `moderator models` and routing decisions use it
before any model is loaded.
"""

import functools
import json
import tomllib
from importlib import resources
from pathlib import Path

from moderator.config import huggingface_hub_cache, torch_hub_checkpoints

_PACKAGE = "moderator.scoring"


@functools.cache
def detoxify_models():
    """kind -> {"checkpoint": file name, "hub_model", "languages", "labels"}."""
    text = resources.files(_PACKAGE).joinpath("detoxify_models.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def routing_table():
    """{"fallback": model, "offline_model": model, "languages": {language: model}}."""
    text = resources.files(_PACKAGE).joinpath("routing.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def route(language):
    """The model `--model auto` gives a comment in `language`."""
    table = routing_table()
    return table["languages"].get(language, table["fallback"])


def cached_checkpoint(kind):
    """Path of `kind`'s checkpoint in detoxify's download cache (it may not exist)."""
    return torch_hub_checkpoints() / detoxify_models()[kind]["checkpoint"]


def cached_hf_config(hub_model):
    """A folder with `hub_model`'s config.json from the Hugging Face cache, or None."""
    repository = huggingface_hub_cache() / ("models--" + hub_model.replace("/", "--"))
    snapshots = repository / "snapshots"
    if not snapshots.is_dir():
        return None
    main = repository / "refs" / "main"
    candidates = []
    if main.is_file():
        candidates.append(snapshots / main.read_text(encoding="utf-8").strip())
    candidates += sorted(snapshots.iterdir())
    for folder in candidates:
        if (folder / "config.json").is_file():
            return folder
    return None


def hf_config_model_type(folder):
    """The `model_type` in a Hugging Face config folder's config.json (e.g. "bert"), or None."""
    try:
        return json.loads((Path(folder) / "config.json").read_text(encoding="utf-8")).get(
            "model_type"
        )
    except (OSError, ValueError, AttributeError):
        return None
