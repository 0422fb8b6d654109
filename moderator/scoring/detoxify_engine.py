"""detoxify models, loaded safely from local files and run with our own batching.

Loading: the checkpoint is read with `torch.load(weights_only=True)`, so a file that carries code
is refused instead of run. detoxify 0.5.4 asks the Hugging Face hub for the config of the
checkpoint's `model_type` even when given a local config folder; here the config and tokenizer
come from local files only (the given folder, or the Hugging Face cache), with the hub switched
off, and the weights go through the same `from_pretrained(None, config=..., state_dict=...)`
call as detoxify's, so the parameters are those `Detoxify` would load.

Inference: `Detoxify.predict` pads a whole list to its longest comment in one batch. Here each
distinct text (after whitespace normalization) is tokenized once, sorted by length, and cut
into batches under a token budget, so padding stays near zero and memory does not grow with
the number of comments; results come back in input order.
"""

import functools
import hashlib
import os
import sys
from pathlib import Path

from moderator.errors import ConfigError, ModelUnavailableError
from moderator.scoring.base import KNOWN_LABELS
from moderator.scoring.catalog import (
    cached_checkpoint,
    cached_hf_config,
    detoxify_models,
    hf_config_model_type,
)

# The architectures detoxify checkpoints use: model class -> (tokenizer class, config model_type).
ARCHITECTURES = {
    "BertForSequenceClassification": ("BertTokenizer", "bert"),
    "RobertaForSequenceClassification": ("RobertaTokenizer", "roberta"),
    "XLMRobertaForSequenceClassification": ("XLMRobertaTokenizer", "xlm-roberta"),
    "AlbertForSequenceClassification": ("AlbertTokenizer", "albert"),
}
# detoxify's own renaming of the Jigsaw class names.
_CLASS_NAMES = {
    "toxic": "toxicity",
    "identity_hate": "identity_attack",
    "severe_toxic": "severe_toxicity",
}
DEFAULT_BATCH_TOKENS = {"cpu": 8192, "cuda": 65536}
# Padding tolerated in a batch (tokens fed to the model / real tokens) once it is big enough.
MAX_PADDING = 1.1
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number
# Texts tokenized at a time: token ids are kept as compact arrays, not Python lists.
_TOKENIZE_CHUNK = 1024
HOW_TO_GET_WEIGHTS = (
    "download them once on a machine with internet access "
    "(python -c \"from detoxify import Detoxify; Detoxify('{kind}')\") and copy "
    "~/.cache/torch/hub/checkpoints/{file} and ~/.cache/huggingface/hub/models--{hub} "
    "to this machine, or pass --checkpoint FILE and --hf-config DIR "
    "(also MODERATOR_CHECKPOINT, MODERATOR_HF_CONFIG or the config file); "
    "`moderator models` shows what is present"
)


def how_to_get_weights(kind):
    entry = detoxify_models()[kind]
    return HOW_TO_GET_WEIGHTS.format(
        kind=kind, file=entry["checkpoint"], hub=entry["hub_model"].replace("/", "--")
    )


def resolve_device(device):
    """`auto` -> `cuda` when a GPU is usable, else `cpu`."""
    import torch

    if device in (None, "auto"):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ConfigError("--device cuda: no CUDA GPU is usable on this machine")
    if device not in ("cpu", "cuda"):
        raise ConfigError(f"unknown device {device!r} (expected cpu, cuda or auto)")
    return device


def read_checkpoint(path):
    """The checkpoint dict {"config": ..., "state_dict": ...}, read without running its code."""
    import pickle

    import torch

    path = Path(path)
    if not path.is_file():
        raise ModelUnavailableError(f"checkpoint {path} does not exist")
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise ConfigError(
            f"refusing checkpoint {path}: it holds objects other than tensors and plain data "
            f"(possibly code), which moderator never loads ({first_line})"
        ) from None
    except Exception as error:  # a damaged or foreign file fails in many ways inside torch
        raise ConfigError(
            f"checkpoint {path} is not a PyTorch checkpoint ({type(error).__name__}: {error})"
        ) from None
    _check_format(loaded, path)
    return loaded


def _check_format(loaded, path):
    def fail(problem):
        raise ConfigError(f"checkpoint {path} is not in detoxify's format: {problem}")

    if not isinstance(loaded, dict) or "config" not in loaded or "state_dict" not in loaded:
        fail("it needs the keys 'config' and 'state_dict'")
    try:
        args = loaded["config"]["arch"]["args"]
        classes = loaded["config"]["dataset"]["args"]["classes"]
    except (KeyError, TypeError):
        fail("config.arch.args or config.dataset.args.classes is missing")
    for key in ("model_type", "model_name", "tokenizer_name", "num_classes"):
        if key not in args:
            fail(f"config.arch.args.{key} is missing")
    if args["model_name"] not in ARCHITECTURES:
        fail(f"unsupported architecture {args['model_name']!r}")
    if args["tokenizer_name"] != ARCHITECTURES[args["model_name"]][0]:
        fail(f"unsupported tokenizer {args['tokenizer_name']!r} for {args['model_name']}")
    if not isinstance(classes, list) or len(classes) != args["num_classes"]:
        fail("config.dataset.args.classes does not list num_classes class names")
    if not isinstance(loaded["state_dict"], dict) or not loaded["state_dict"]:
        fail("state_dict is empty")


def kind_of_checkpoint(loaded, path):
    """The detoxify model kind of a checkpoint: by its release file name, else by architecture
    and labels (the kind with the most labels the checkpoint has), else None."""
    models = detoxify_models()
    for kind, entry in models.items():
        if Path(path).name == entry["checkpoint"]:
            return kind
    args = loaded["config"]["arch"]["args"]
    family = ARCHITECTURES[args["model_name"]][1]
    labels = {
        _CLASS_NAMES.get(name, name) for name in loaded["config"]["dataset"]["args"]["classes"]
    }
    matches = [
        kind
        for kind, entry in models.items()
        if family_of_hub_model(entry["hub_model"]) == family and set(entry["labels"]) <= labels
    ]
    return max(matches, key=lambda kind: len(models[kind]["labels"]), default=None)


def family_of_hub_model(hub_model):
    name = hub_model.split("/")[-1]
    for family in ("xlm-roberta", "roberta", "albert", "bert"):
        if name.startswith(family):
            return family
    return None


def find_hf_config(model_type, family, hf_config=None, strict=True):
    """The local folder with the config and tokenizer for a checkpoint, or None.

    `hf_config` (an explicit folder) is used when it holds a config of the right family; with
    `strict` a wrong or missing folder is an error. Otherwise: the Hugging Face cache for
    `model_type`, or `model_type` itself when it names a local folder.
    """
    if hf_config:
        folder = Path(hf_config)
        found = hf_config_model_type(folder)
        if found == family:
            return folder
        if strict:
            if not folder.is_dir():
                raise ModelUnavailableError(f"--hf-config {folder} is not a folder")
            if found is None:
                raise ConfigError(f"--hf-config {folder} has no readable config.json")
            raise ConfigError(
                f"--hf-config {folder} holds a {found!r} config; the checkpoint needs {family!r}"
            )
    cached = cached_hf_config(model_type)
    if cached is not None:
        return cached
    if Path(model_type).is_dir() and hf_config_model_type(model_type) == family:
        return Path(model_type)
    return None


def _switch_hub_off():
    """No request to the Hugging Face hub from here on: weights come from local files only."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import huggingface_hub.constants

        huggingface_hub.constants.HF_HUB_OFFLINE = True
    except (ImportError, AttributeError):
        pass


def load_detoxify(
    kind=None,
    checkpoint=None,
    hf_config=None,
    device="auto",
    batch_tokens=None,
    quantize=False,
    long_text="truncate",
    strict_hf_config=True,
):
    """A DetoxifyScorer for detoxify model `kind` (its cached weights) or a `checkpoint` file."""
    if checkpoint is None:
        if kind is None:
            raise ConfigError("a detoxify model needs a model name or a checkpoint")
        path = cached_checkpoint(kind)
        if not path.is_file():
            raise ModelUnavailableError(
                f"no weights for detoxify model {kind!r} on this machine: "
                + how_to_get_weights(kind)
            )
    else:
        path = Path(checkpoint)
    _switch_hub_off()
    loaded = read_checkpoint(path)
    args = loaded["config"]["arch"]["args"]
    kind = kind or kind_of_checkpoint(loaded, path) or path.stem
    family = ARCHITECTURES[args["model_name"]][1]
    folder = find_hf_config(args["model_type"], family, hf_config, strict=strict_hf_config)
    if folder is None:
        hub = args["model_type"]
        raise ModelUnavailableError(
            f"detoxify model {kind!r} needs the Hugging Face config and tokenizer of {hub!r}, "
            f"which are not on this machine: pass --hf-config DIR (a folder with config.json and "
            f"the tokenizer files of {hub}) or copy ~/.cache/huggingface/hub/models--"
            f"{hub.replace('/', '--')} here"
        )
    model, tokenizer = _build(loaded, folder, path)
    class_names = [
        _CLASS_NAMES.get(name, name) for name in loaded["config"]["dataset"]["args"]["classes"]
    ]
    return DetoxifyScorer(
        name=kind,
        model=model,
        tokenizer=tokenizer,
        class_names=class_names,
        # int8 quantization is a CPU technique: with it, `auto` means the CPU.
        device=resolve_device("cpu" if quantize and device in (None, "auto") else device),
        batch_tokens=batch_tokens,
        quantize=quantize,
        long_text=long_text,
        checkpoint=path,
        hf_config=folder,
    )


def _build(loaded, folder, path):
    import transformers

    args = loaded["config"]["arch"]["args"]
    model_class = getattr(transformers, args["model_name"])
    tokenizer_class = getattr(transformers, args["tokenizer_name"])
    verbosity = transformers.logging.get_verbosity()
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    try:
        config = model_class.config_class.from_pretrained(
            str(folder), num_labels=args["num_classes"], local_files_only=True
        )
        model, info = model_class.from_pretrained(
            None,
            config=config,
            state_dict=loaded["state_dict"],
            output_loading_info=True,
        )
        tokenizer = tokenizer_class.from_pretrained(str(folder), local_files_only=True)
    except (OSError, ValueError, RuntimeError, KeyError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        raise ConfigError(
            f"cannot build the model of checkpoint {path} from {folder}: {first_line}"
        ) from None
    finally:
        transformers.logging.set_verbosity(verbosity)
        transformers.logging.enable_progress_bar()
    problems = info.get("missing_keys") or info.get("mismatched_keys")
    if problems:
        raise ConfigError(
            f"checkpoint {path} does not match the architecture in {folder}: "
            f"{len(problems)} weights missing or mismatched (e.g. {sorted(problems)[0]})"
        )
    return model, tokenizer


class DetoxifyScorer:
    """A loaded detoxify model with length-sorted, token-budgeted batching."""

    def __init__(
        self,
        name,
        model,
        tokenizer,
        class_names,
        device="cpu",
        batch_tokens=None,
        quantize=False,
        long_text="truncate",
        checkpoint=None,
        hf_config=None,
    ):
        if long_text not in ("truncate", "window"):
            raise ConfigError(f"unknown long-text mode {long_text!r} (truncate or window)")
        if quantize and device != "cpu":
            raise ConfigError("--quantize is for CPU inference; on a GPU half precision is used")
        self.name = name
        self.device = device
        self.long_text = long_text
        self.quantized = bool(quantize)
        self.batch_tokens = int(batch_tokens or DEFAULT_BATCH_TOKENS[device])
        self.checkpoint = Path(checkpoint) if checkpoint else None
        self.hf_config = Path(hf_config) if hf_config else None
        self.tokenizer = tokenizer
        self.class_names = tuple(class_names)
        self._columns = [i for i, label in enumerate(self.class_names) if label in KNOWN_LABELS]
        self.labels = tuple(self.class_names[i] for i in self._columns)
        self.languages = tuple(detoxify_models().get(name, {}).get("languages", ("en",)))
        self.max_tokens = _max_tokens(model, tokenizer)
        self._uses_token_types = "token_type_ids" in tokenizer.model_input_names
        model.eval()
        if device == "cuda":
            model = model.half().to("cuda")
        else:
            _set_cpu_threads()
            _fix_mmap_threshold()
            if quantize:
                model = _quantize(model)
        self.model = model
        self.padded_tokens = 0
        self.real_tokens = 0

    @functools.cached_property
    def version(self):
        if self.checkpoint is None:
            return ""
        return f"{self.checkpoint.name} sha256:{_sha256(self.checkpoint)[:12]}"

    def describe(self):
        """What the results record about this model."""
        return {
            "name": self.name,
            "version": self.version,
            "engine": "detoxify",
            "checkpoint": str(self.checkpoint) if self.checkpoint else "",
            "hf_config": str(self.hf_config) if self.hf_config else "",
            "device": self.device,
            "precision": "float16" if self.device == "cuda" else "float32",
            "quantized": self.quantized,
            "batch_tokens": self.batch_tokens,
            "max_tokens": self.max_tokens,
            "long_text": self.long_text,
        }

    def score(self, texts, languages=None):
        import pandas as pd

        scores, _ = self.predict(texts)
        return pd.DataFrame(scores, columns=list(self.labels))

    def predict(self, texts, progress=False):
        """(scores: float array [len(texts), len(labels)], truncated: bool array [len(texts)])."""
        import numpy as np

        texts = ["" if text is None else str(text) for text in texts]
        keys = [" ".join(text.split()) for text in texts]
        unique = list(dict.fromkeys(keys))
        scores, truncated = self._predict_unique(unique, progress)
        position = {key: i for i, key in enumerate(unique)}
        rows = np.fromiter((position[key] for key in keys), dtype=np.int64, count=len(keys))
        return scores[rows], truncated[rows]

    def _predict_unique(self, texts, progress):
        import numpy as np

        content = self.max_tokens - 2  # room for the [CLS]/<s> and [SEP]/</s> tokens
        pieces, owners = [], []
        truncated = np.zeros(len(texts), dtype=bool)
        for start in range(0, len(texts), _TOKENIZE_CHUNK):
            encoded = self.tokenizer(
                texts[start : start + _TOKENIZE_CHUNK],
                add_special_tokens=False,
                return_attention_mask=False,
                return_token_type_ids=False,
                verbose=False,
            )["input_ids"]
            for owner, ids in enumerate(encoded, start=start):
                truncated[owner] = len(ids) > content
                for window in self._windows(ids, content):
                    pieces.append(window)
                    owners.append(owner)
        piece_scores = self._run(pieces, progress)
        scores = np.full((len(texts), len(self.labels)), -np.inf, dtype=np.float32)
        np.maximum.at(scores, np.asarray(owners, dtype=np.int64), piece_scores)
        if self.long_text == "window":
            truncated[:] = False
        return scores, truncated

    def _windows(self, ids, content):
        """The token id arrays (int32, special tokens added) the model scores for one text."""
        import numpy as np

        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        if len(ids) <= content or self.long_text == "truncate":
            starts = [0]
        else:
            # Overlapping by half, so no phrase is split in every window that holds it.
            stride = max(1, content // 2)
            starts = [*range(0, len(ids) - content, stride), len(ids) - content]
        return [
            np.array([cls, *ids[start : start + content], sep], dtype=np.int32) for start in starts
        ]

    def _batches(self, pieces):
        """Lists of piece indices, by length: each under the token budget (padding included),
        and, once a batch is big enough to use the hardware well, closed before padding would
        exceed MAX_PADDING of its real tokens."""
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        batches, batch, real = [], [], 0
        enough = self.batch_tokens // 8
        for index in order:
            width = len(pieces[index])
            padded = (len(batch) + 1) * width
            if batch and (
                padded > self.batch_tokens
                or (padded > MAX_PADDING * (real + width) and real >= enough)
            ):
                batches.append(batch)
                batch, real = [], 0
            batch.append(index)
            real += width
        if batch:
            batches.append(batch)
        return batches

    def _run(self, pieces, progress):
        import numpy as np
        import torch

        batches = self._batches(pieces)
        results = np.zeros((len(pieces), len(self.labels)), dtype=np.float32)
        pad = self.tokenizer.pad_token_id
        columns = torch.tensor(self._columns, dtype=torch.long, device=self.device)
        bar = _progress_bar(len(pieces), progress, self.name)
        # Kept on the device until the end: no per-batch synchronization, so on a GPU the next
        # batch is prepared while the previous one runs.
        outputs = []
        with torch.inference_mode():
            for batch in batches:
                width = len(pieces[batch[-1]])
                input_ids = np.full((len(batch), width), pad, dtype=np.int64)
                attention = np.zeros((len(batch), width), dtype=np.int64)
                for row, index in enumerate(batch):
                    ids = pieces[index]
                    input_ids[row, : len(ids)] = ids
                    attention[row, : len(ids)] = 1
                    self.real_tokens += len(ids)
                self.padded_tokens += len(batch) * width
                input_ids = torch.from_numpy(input_ids)
                attention = torch.from_numpy(attention)
                inputs = {"input_ids": input_ids, "attention_mask": attention}
                if self._uses_token_types:
                    inputs["token_type_ids"] = torch.zeros_like(input_ids)
                inputs = {key: value.to(self.device) for key, value in inputs.items()}
                logits = self.model(**inputs)[0]
                outputs.append((batch, torch.sigmoid(logits.float())[:, columns]))
                if bar is not None:
                    bar.update(len(batch))
            for batch, probabilities in outputs:
                results[batch] = probabilities.cpu().numpy()
        if bar is not None:
            bar.close()
        return results


def _max_tokens(model, tokenizer):
    """Longest input the model takes, special tokens included (detoxify truncates there)."""
    limit = tokenizer.model_max_length
    if not limit or limit > 100_000:
        positions = model.config.max_position_embeddings
        # RoBERTa-style models number positions from padding_idx + 1.
        offset = (
            model.config.pad_token_id + 1
            if model.config.model_type in ("roberta", "xlm-roberta")
            else 0
        )
        limit = positions - offset
    return int(limit)


def _quantize(model):
    """int8 dynamic quantization of the linear layers (most of a transformer's compute)."""
    import warnings

    import torch

    with warnings.catch_warnings():
        # Deprecated in favour of torchao, which is not installed; still in torch 2.13.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _fix_mmap_threshold():
    """Keep peak memory independent of the number of comments (glibc only).

    glibc raises its mmap threshold each time a large block is freed, after which batch-sized
    tensors come from the heap and fragment it: on 20,000 comments the peak was 7x that on 2,000.
    A fixed threshold gives each large tensor its own mapping, returned to the system when freed.
    """
    if not sys.platform.startswith("linux"):
        return
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, 128 * 1024)


def _set_cpu_threads():
    """One intra-op thread per core this process may use (torch may count more)."""
    import torch

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if usable and torch.get_num_threads() > usable:
        torch.set_num_threads(usable)


def _progress_bar(total, enabled, name):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=f"scoring ({name})", unit="text", leave=False)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
