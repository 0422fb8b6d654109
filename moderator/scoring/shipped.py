"""`moderator-lite`: the offline toxicity model that ships inside the package.

One linear model per language part over hashed word 1-2-grams and character 2-5-grams of
normalized text (lower case, NFKC, look-alike letters folded to the part's script, leetspeak and
spaced-out letters undone, long letter runs squeezed), with Platt-calibrated outputs per label.
A part may score one label with a mixture of experts instead: English toxicity is judged by
different standards in tweets, Wikipedia talk pages and forum posts, so a linear gate over the
same features tells which kind of text a comment resembles and weighs the calibrated
probabilities of experts fitted on each kind (the part's own model is the expert for the rest).
The featurizer below is the only one: training (`moderator.training`) imports it, so training and
inference hash exactly the same n-grams. Everything is numpy; the artifact is an `.npz` of arrays
(read with allow_pickle=False) plus a JSON of its configuration, labels and calibration.
"""

import json
import re
import unicodedata
import zlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from moderator.errors import ModelUnavailableError

MODEL_NAME = "moderator-lite"
ARTIFACT_WEIGHTS = "moderator-lite.npz"
ARTIFACT_METADATA = "moderator-lite.json"

# Kazakh is written in Cyrillic and its comment sections mix in Russian (insults, obscenities),
# so Kazakh goes to the Russian part: there is no labelled Kazakh data for a part of its own.
LANGUAGE_PARTS = {"en": "en", "ru": "ru", "kk": "ru", "uk": "ru", "be": "ru"}

_LATIN_TO_CYRILLIC = str.maketrans("aceopxykmthb0346@", "асеорхукмтнвозчба")
_CYRILLIC_TO_LATIN = str.maketrans("асеорхуктнвмізј", "aceopxykthbmizj")
_LEET_TO_LATIN = str.maketrans("013457@$8", "oieastasb")
# Words that mix the part's letters with look-alikes from the other script or with digits.
_MIXED_CYRILLIC = re.compile(r"[\w@]*(?:[а-я][a-z0-9@]|[a-z0-9@][а-я])[\w@]*")
_MIXED_LATIN = re.compile(r"[\w@$]*(?:[a-z][0-9@$а-я]|[0-9@$а-я][a-z])[\w@$]*")
# Names of identity groups become one shared token before n-grams are taken, so that what the
# model learns about "<group> are vermin" holds for every group alike (also for groups the data
# rarely names, such as Kazakhs or kandas), and no group's name alone raises a score. Slurs are
# not on these lists: they keep their own n-grams.
GROUP_TOKEN = "groupterm"
_ENGLISH_GROUP_NAMES = """lesbian gay bisexual transgender trans queer lgbt lgbtq lgbtqia
homosexual heterosexual nonbinary black white hispanic latino latina latinx mexican asian indian
chinese japanese korean christian muslim moslem islamic jewish jew buddhist catholic protestant
sikh taoist hindu atheist arab african european american canadian deaf blind paralyzed elderly
teenage millenial millennial male female russian kazakh uzbek kyrgyz tajik turkmen ukrainian
uyghur immigrant refugee migrant kandas oralman women woman disabled handicapped"""
_GROUP_NAMES = {
    "en": re.compile(
        r"\b(?:african american|middle eastern|middle aged|"
        + "|".join(_ENGLISH_GROUP_NAMES.split())
        + r")(?:e?s)?\b"
    ),
    "ru": re.compile(
        r"\b(?:(?:русск|россиян|казах|китай|китаец|китайц|узбек|киргиз|кыргыз|таджик|украин|"
        r"евре|мусульман|христиан|татар|армян|армянин|грузин|немц|немец|американ|мигрант|"
        r"беженц|беженец|кандас|оралман|чечен|уйгур|кореец|корейц|женщин|инвалид)\w*|ге(?:й|и|ев|ям|ями|ях))\b"
    ),
}
_SPACED_LETTERS = re.compile(r"(?<![\w*])(?:\w[ .\-_*]){2,}\w(?![\w*])")
_LETTER_RUNS = re.compile(r"(\D)\1{2,}")
_NOT_WORD = re.compile(r"[^\w\x00*]+")
_SPACE_RUNS = re.compile(r" {2,}")
_SEPARATOR = "\x00"
_CHUNK = 256
_SPACE = 32

# Multiply-shift hashing of polynomial substring hashes, all modulo 2**64 (uint64 wrap-around).
_BASE = 0x100000001B3
_BASE_INVERSE = pow(_BASE, -1, 2**64)
_SALT_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_WORD_SALT = 100
_BIGRAM_SALT = 200


def part_for(language: str | None, text: str) -> str:
    """The model part that scores a text: by its language, else by its dominant script."""
    if language in LANGUAGE_PARTS:
        return LANGUAGE_PARTS[language]
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic > latin else "en"


def normalize(texts: Sequence[str], part: str, config: dict) -> str:
    """All texts normalized for `part`, joined by NUL separators into one string."""
    joined = _SEPARATOR.join(t.replace(_SEPARATOR, " ") for t in texts)
    joined = unicodedata.normalize("NFKC", joined).casefold().replace("ё", "е")
    if part == "ru":
        joined = _MIXED_CYRILLIC.sub(lambda m: m.group().translate(_LATIN_TO_CYRILLIC), joined)
    else:
        joined = _MIXED_LATIN.sub(
            lambda m: m.group().translate(_CYRILLIC_TO_LATIN).translate(_LEET_TO_LATIN), joined
        )
    joined = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-_*]", "", m.group()), joined)
    if config.get("group_token"):
        joined = _GROUP_NAMES[part].sub(GROUP_TOKEN, joined)
    joined = _LETTER_RUNS.sub(r"\1", joined)
    joined = _NOT_WORD.sub(" ", joined)
    joined = " " + joined.replace(_SEPARATOR, " \x00 ") + " "
    return _SPACE_RUNS.sub(" ", joined)


def _substring_hashes(codes):
    """Prefix sums that give the polynomial hash of any substring in O(1)."""
    powers = np.full(len(codes), _BASE, dtype=np.uint64)
    powers[0] = 1
    powers = np.cumprod(powers, dtype=np.uint64)
    inverse = np.full(len(codes), _BASE_INVERSE, dtype=np.uint64)
    inverse[0] = 1
    inverse = np.cumprod(inverse, dtype=np.uint64)
    prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes * powers, dtype=np.uint64, out=prefix[1:])

    def hashes(starts, ends):
        return (prefix[ends] - prefix[starts]) * inverse[starts]

    return hashes


def _bucket(hashes, salt, bits):
    keyed = hashes * _SALT_MULTIPLIER + np.uint64(salt)
    return ((keyed * _MIX) >> np.uint64(64 - bits)).astype(np.int64)


def featurize(texts: Sequence[str], part: str, config: dict):
    """Hashed n-gram features of `texts`: (document index, feature index, value) arrays.

    A document's value for each n-gram occurrence is 1/sqrt(its number of n-gram occurrences),
    so logits are comparable across lengths; the count is floored at `norm_floor` so that a
    text of a few words is not decided by one word's weight blown up (a lone "a" or "gay").
    """
    bits = config["bits"]
    low, high = config["char_ngrams"]
    text = normalize(texts, part, config)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    length = len(codes)
    is_separator = codes == 0
    document_of = np.cumsum(is_separator)
    separators_before = np.concatenate(([0], document_of))
    hashes = _substring_hashes(codes)

    documents, features = [], []
    for n in range(low, high + 1):
        starts = np.arange(max(length - n + 1, 0))
        starts = starts[separators_before[starts + n] == separators_before[starts]]
        documents.append(document_of[starts])
        features.append(_bucket(hashes(starts, starts + n), n, bits))

    in_word = (codes != _SPACE) & ~is_separator
    edges = np.diff(np.concatenate(([False], in_word, [False])).astype(np.int8))
    word_starts = np.flatnonzero(edges == 1)
    word_ends = np.flatnonzero(edges == -1)
    word_documents = document_of[word_starts]
    documents.append(word_documents)
    features.append(_bucket(hashes(word_starts, word_ends), _WORD_SALT, bits))
    same_document = word_documents[1:] == word_documents[:-1]
    documents.append(word_documents[1:][same_document])
    features.append(
        _bucket(
            hashes(word_starts[:-1][same_document], word_ends[1:][same_document]),
            _BIGRAM_SALT,
            bits,
        )
    )

    documents = np.concatenate(documents)
    features = np.concatenate(features)
    counts = np.bincount(documents, minlength=len(texts))
    values = 1.0 / np.sqrt(np.maximum(counts, config["norm_floor"]))[documents]
    return documents, features, values.astype(np.float32)


class ShippedModel:
    """The `moderator-lite` scorer (see moderator.scoring.base.Scorer)."""

    name = MODEL_NAME

    def __init__(self, metadata: dict, arrays: dict):
        self.metadata = metadata
        self.version = metadata["version"]
        self.config = metadata["features"]
        self.parts = {}
        for part, info in metadata["parts"].items():
            labels = tuple(info["labels"])
            weights = [arrays[f"{part}_weights"]]
            biases = [arrays[f"{part}_bias"]]
            calibration = [info["calibration"][label] for label in labels]
            mixture = info.get("mixture")
            if mixture:
                # Expert columns, then gate columns, after the label columns: one gather for
                # all, and the calibrated columns (labels and experts) side by side.
                weights += [arrays[f"{part}_expert_weights"], arrays[f"{part}_gate_weights"]]
                biases += [arrays[f"{part}_expert_bias"], arrays[f"{part}_gate_bias"]]
                calibration += [mixture["calibration"][expert] for expert in mixture["experts"]]
            self.parts[part] = {
                "labels": labels,
                "weights": np.concatenate(weights, axis=1).astype(np.float32),
                "bias": np.concatenate(biases).astype(np.float64),
                "calibration": np.array(calibration, dtype=np.float64),
                "mixture": mixture,
            }
        self.labels = tuple(
            label
            for label in metadata["labels"]
            if any(label in part["labels"] for part in self.parts.values())
        )

    def labels_for(self, language: str) -> tuple[str, ...]:
        """The labels this model scores for a language (others come back as NaN)."""
        return self.parts[LANGUAGE_PARTS.get(language, "en")]["labels"]

    def _route(self, texts, languages):
        routes = {}
        for i, text in enumerate(texts):
            language = None if languages is None else languages[i]
            routes.setdefault(part_for(language, text), []).append(i)
        return routes

    def _logits(self, texts, part):
        """Per text: the logits of the part's labels, then (for a mixture) of its experts and
        gate."""
        model = self.parts[part]
        logits = np.empty((len(texts), len(model["bias"])))
        # A few hundred texts at a time keep the gathered weight rows in the CPU cache: three
        # to four times faster than gathering for thousands of texts at once.
        for start in range(0, len(texts), _CHUNK):
            chunk = texts[start : start + _CHUNK]
            documents, features, values = featurize(chunk, part, self.config)
            gathered = model["weights"][features] * values[:, None]
            for column in range(gathered.shape[1]):
                logits[start : start + len(chunk), column] = np.bincount(
                    documents, weights=gathered[:, column], minlength=len(chunk)
                )
        return logits + model["bias"]

    def _probabilities(self, logits, part):
        """Calibrated probabilities of the part's labels from `_logits`."""
        model = self.parts[part]
        labels = len(model["labels"])
        mixture = model["mixture"]
        slope, intercept = model["calibration"].T
        calibrated = _sigmoid(slope * logits[:, : len(slope)] + intercept)
        probabilities = calibrated[:, :labels]
        if mixture:
            gate = _sigmoid(logits[:, len(slope) :])
            gate /= gate.sum(axis=1, keepdims=True)
            # Experts in the order of mixture["domains"]: the named ones, then the part's own
            # model for every other kind of text.
            column = model["labels"].index(mixture["label"])
            experts = np.column_stack((calibrated[:, labels:], probabilities[:, column]))
            probabilities[:, column] = (gate * experts).sum(axis=1)
        return probabilities

    def score(self, texts: Sequence[str], languages: Sequence[str] | None = None):
        """Calibrated probabilities, one column per label; NaN where a language lacks a label."""
        import pandas as pd

        texts = _as_texts(texts)
        result = np.full((len(texts), len(self.labels)), np.nan)
        for part, rows in self._route(texts, languages).items():
            labels = self.parts[part]["labels"]
            probabilities = self._probabilities(self._logits([texts[i] for i in rows], part), part)
            columns = [self.labels.index(label) for label in labels]
            result[np.ix_(rows, columns)] = probabilities
        return pd.DataFrame(result, columns=list(self.labels))

    def explain(self, texts: Sequence[str], languages: Sequence[str] | None = None, top=5):
        """Per text, per label: the words that push that label's score up the most.

        A word's weight is its share of the comment's calibrated log-odds: the weights of the
        word's own n-grams, scaled as they are in the whole comment. Words adding less than a
        tenth of the strongest word's weight are left out, so the list names the few words a
        moderator should look at (obfuscated spellings included, since the n-grams are matched
        after normalization). A label scored by a mixture of experts is explained by the part's
        own model, the expert for most text.
        """
        texts = _as_texts(texts)
        explanations = [{} for _ in texts]
        for part, rows in self._route(texts, languages).items():
            model = self.parts[part]
            words = [
                (row, match.start(), match.end(), match.group())
                for row in rows
                for match in re.finditer(r"[\w@$*]+", texts[row])
            ]
            if not words:
                continue
            whole, _, _ = featurize([texts[row] for row in rows], part, self.config)
            counts = np.maximum(np.bincount(whole, minlength=len(rows)), self.config["norm_floor"])
            scale = dict(zip(rows, 1.0 / np.sqrt(counts), strict=True))
            documents, features, _ = featurize([w[3] for w in words], part, self.config)
            contributions = np.empty((len(words), len(model["labels"])))
            for column in range(len(model["labels"])):
                contributions[:, column] = np.bincount(
                    documents, weights=model["weights"][features, column], minlength=len(words)
                )
            contributions *= np.array([scale[w[0]] for w in words])[:, None]
            contributions *= model["calibration"][: len(model["labels"]), 0]
            for column, label in enumerate(model["labels"]):
                per_text = {}
                for (row, start, end, term), weight in zip(
                    words, contributions[:, column], strict=True
                ):
                    if weight > 0:
                        per_text.setdefault(row, []).append(
                            {"start": start, "end": end, "term": term, "weight": float(weight)}
                        )
                for row, spans in per_text.items():
                    spans.sort(key=lambda span: -span["weight"])
                    strongest = spans[0]["weight"]
                    explanations[row][label] = [
                        {**span, "weight": round(span["weight"], 3)}
                        for span in spans[:top]
                        if span["weight"] >= strongest / 10
                    ]
        return explanations


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _as_texts(texts) -> list[str]:
    """Missing values (None, NaN) are empty texts."""
    return ["" if t is None or (isinstance(t, float) and t != t) else str(t) for t in texts]


def default_artifact_dir() -> Path:
    return Path(str(resources.files("moderator.scoring") / "models"))


def load_shipped_model(path: str | Path | None = None) -> ShippedModel:
    """Load `moderator-lite` from the package (or from a folder holding its two files)."""
    folder = Path(path) if path is not None else default_artifact_dir()
    weights_path = folder / ARTIFACT_WEIGHTS
    metadata_path = folder / ARTIFACT_METADATA
    for required in (weights_path, metadata_path):
        if not required.is_file():
            raise ModelUnavailableError(
                f"the shipped model file {required} is missing; reinstall moderator or rebuild it "
                "with `python -m moderator.training`"
            )
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
        expected = metadata["weights_crc32"]
        raw = weights_path.read_bytes()
        if zlib.crc32(raw) != expected:
            raise ValueError("checksum mismatch")
        with np.load(weights_path, allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in archive.files}
        model = ShippedModel(metadata, arrays)
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise ModelUnavailableError(
            f"the shipped model in {folder} is corrupted ({error}); reinstall moderator or "
            "rebuild it with `python -m moderator.training`"
        ) from None
    return model
