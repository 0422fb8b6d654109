"""Toxicity scoring: detoxify models and the shipped offline model behind one interface.

`score(comments, model=...)` adds language, the model that scored each comment and one column
per label. `--model auto` routes each comment by language (routing.toml) to a detoxify model
whose weights are on this machine, and to the shipped `moderator-lite` model otherwise.
"""

import json

from moderator.errors import ConfigError, ModelUnavailableError
from moderator.scoring.base import KNOWN_LABELS
from moderator.scoring.catalog import detoxify_models, route, routing_table

SHIPPED_MODEL = "moderator-lite"
# Labels scoring at least this much get their evidence spans recorded.
EVIDENCE_THRESHOLD = 0.5
ADDED_COLUMNS = ("language", "language_confidence", "model", "truncated", "low_confidence_language")


def score(
    comments,
    model="auto",
    checkpoint=None,
    hf_config=None,
    device="auto",
    batch_tokens=None,
    quantize=False,
    long_text="truncate",
    echo=None,
    progress=False,
):
    """The comments table (or a list of texts) with language and toxicity scores added.

    Adds language, language_confidence, model (the model that scored the row), truncated (the
    comment was longer than the model's limit and cut), low_confidence_language (the model was
    not trained on the comment's language), one float column per label in [0, 1] (NaN where
    the row's model lacks the label) and score_evidence (JSON spans per label >= 0.5, from
    models that can explain their scores; "" otherwise). `result.attrs["models"]` records each
    model used. `echo` receives one line per model chosen; `progress` shows progress bars.
    """
    import numpy as np
    import pandas as pd

    from moderator.config import scoring_settings
    from moderator.language import detect_languages
    from moderator.scoring.detoxify_engine import DetoxifyScorer

    table = _as_table(comments)
    texts = table["text"].fillna("").astype(str).tolist()
    if "language" in table and "language_confidence" in table:
        languages = table["language"].fillna("und").astype(str).tolist()
        confidence = table["language_confidence"].astype("float64").tolist()
    else:
        detected = detect_languages(texts)
        languages = detected["language"].tolist()
        confidence = detected["language_confidence"].tolist()
    settings = scoring_settings(checkpoint, hf_config)
    options = {
        "device": device,
        "batch_tokens": batch_tokens,
        "quantize": quantize,
        "long_text": long_text,
    }
    assignments = _assign(model, languages, settings, options, echo)

    labels_seen = set()
    label_values = {label: np.full(len(texts), np.nan) for label in KNOWN_LABELS}
    truncated = np.zeros(len(texts), dtype=bool)
    low_confidence = np.zeros(len(texts), dtype=bool)
    evidence = [""] * len(texts)
    model_column = [""] * len(texts)
    records = []
    for scorer, rows in assignments:
        group = [texts[i] for i in rows]
        group_languages = [languages[i] for i in rows]
        if echo is not None:
            echo(f"scoring {_comments(len(rows))} with {_describe_choice(scorer)}")
        if isinstance(scorer, DetoxifyScorer):
            values, cut = scorer.predict(group, progress=progress)
            frame = pd.DataFrame(values, columns=list(scorer.labels))
        else:
            frame = scorer.score(group, languages=group_languages).reset_index(drop=True)
            cut = np.zeros(len(rows), dtype=bool)
        trained = getattr(scorer, "languages", None)
        for position, row in enumerate(rows):
            model_column[row] = scorer.name
            truncated[row] = bool(cut[position])
            low_confidence[row] = trained is not None and languages[row] not in trained
        for label in frame.columns:
            if label in label_values:
                label_values[label][rows] = frame[label].to_numpy(dtype="float64")
                labels_seen.add(label)
        for position, spans in _evidence(scorer, group, group_languages, frame).items():
            evidence[rows[position]] = spans
        records.append({**_record(scorer), "comments": len(rows)})

    result = table.drop(
        columns=[*ADDED_COLUMNS, *KNOWN_LABELS, "score_evidence"], errors="ignore"
    ).copy()
    result["language"] = pd.Series(languages, dtype=object)
    result["language_confidence"] = pd.Series(confidence, dtype="float64")
    result["model"] = pd.Series(model_column, dtype=object)
    result["truncated"] = truncated
    result["low_confidence_language"] = low_confidence
    for label in KNOWN_LABELS:
        if label in labels_seen:
            result[label] = label_values[label]
    result["score_evidence"] = pd.Series(evidence, dtype=object)
    result.attrs = {**table.attrs, "models": records}
    return result


def describe_models():
    """One dict per model moderator can use: name, available, where its files are, labels."""
    from moderator.config import scoring_settings
    from moderator.scoring.catalog import cached_checkpoint, cached_hf_config

    settings = scoring_settings()
    rows = []
    for kind, entry in detoxify_models().items():
        checkpoint = cached_checkpoint(kind)
        hf_config = _configured_hf_config(settings, entry["hub_model"]) or cached_hf_config(
            entry["hub_model"]
        )
        missing = []
        if not checkpoint.is_file():
            missing.append(f"checkpoint {entry['checkpoint']}")
        if hf_config is None:
            missing.append(f"Hugging Face config and tokenizer of {entry['hub_model']}")
        rows.append(
            {
                "name": kind,
                "engine": "detoxify",
                "available": not missing,
                "checkpoint": str(checkpoint),
                "hf_config": str(hf_config) if hf_config else "",
                "labels": list(entry["labels"]),
                "languages": list(entry["languages"]),
                "missing": "; ".join(missing),
            }
        )
    if settings["checkpoint"]:
        rows.append(_configured_checkpoint(settings))
    rows.append(_shipped_entry())
    return rows


def _configured_hf_config(settings, hub_model):
    """The configured --hf-config folder when it holds `hub_model`'s kind of config."""
    from moderator.scoring.catalog import hf_config_model_type
    from moderator.scoring.detoxify_engine import family_of_hub_model

    folder = settings["hf_config"]
    if folder and hf_config_model_type(folder) == family_of_hub_model(hub_model):
        return folder
    return None


def _configured_checkpoint(settings):
    from pathlib import Path

    path = Path(settings["checkpoint"])
    origin = settings["origin"]["checkpoint"]
    return {
        "name": f"checkpoint ({origin})",
        "engine": "detoxify",
        "available": path.is_file(),
        "checkpoint": str(path),
        "hf_config": settings["hf_config"] or "",
        "labels": [],
        "languages": [],
        "missing": "" if path.is_file() else "the checkpoint file",
    }


def _shipped_entry():
    from importlib import resources

    folder = resources.files(__name__).joinpath("models")
    try:
        from moderator.scoring import shipped  # noqa: F401

        missing = "" if folder.is_dir() else "its model folder"
    except ImportError:
        missing = "moderator.scoring.shipped is not installed"
    return {
        "name": SHIPPED_MODEL,
        "engine": "shipped",
        "available": not missing,
        "checkpoint": str(folder),
        "hf_config": "",
        "labels": [],
        "languages": [],
        "missing": missing,
    }


def _as_table(comments):
    import pandas as pd

    if isinstance(comments, pd.DataFrame):
        if "text" not in comments.columns:
            raise ConfigError("the comments table has no `text` column")
        table = comments.reset_index(drop=True)
        table.attrs = dict(comments.attrs)
        return table
    if isinstance(comments, str):
        comments = [comments]
    return pd.DataFrame({"text": pd.Series(list(comments), dtype=object)})


def _assign(model, languages, settings, options, echo=None):
    """[(scorer, [row indices])] covering every row once, in the order models are used."""
    rows = list(range(len(languages)))
    if model == SHIPPED_MODEL:
        if settings["checkpoint"] and settings["origin"].get("checkpoint") == "option":
            raise ConfigError(f"--checkpoint is for detoxify models, not {SHIPPED_MODEL}")
        return [(_load_shipped(), rows)] if rows else []
    if model in detoxify_models() or settings["checkpoint"]:
        from moderator.scoring.detoxify_engine import load_detoxify

        kind = model if model in detoxify_models() else None
        if model not in ("auto", None) and kind is None:
            raise ConfigError(f"unknown model {model!r}")
        scorer = load_detoxify(kind, settings["checkpoint"], settings["hf_config"], **options)
        return [(scorer, rows)] if rows else []
    if model not in ("auto", None):
        raise ConfigError(
            f"unknown model {model!r} (known: auto, {', '.join(detoxify_models())}, "
            f"{SHIPPED_MODEL})"
        )
    return _assign_auto(languages, settings, options, echo)


def _assign_auto(languages, settings, options, echo):
    from moderator.scoring.detoxify_engine import load_detoxify

    wanted = {}
    for row, language in enumerate(languages):
        wanted.setdefault(route(language), []).append(row)
    assignments, offline_rows, missing = [], [], []
    for kind, rows in wanted.items():
        try:
            scorer = load_detoxify(
                kind, None, settings["hf_config"], strict_hf_config=False, **options
            )
        except ModelUnavailableError:
            missing.append(kind)
            offline_rows += rows
            continue
        assignments.append((scorer, rows))
    if offline_rows:
        offline = routing_table()["offline_model"]
        if offline != SHIPPED_MODEL:
            raise ConfigError(f"routing.toml: unknown offline model {offline!r}")
        if echo is not None:
            echo(
                f"no weights on this machine for detoxify {', '.join(map(repr, missing))} "
                f"(see `moderator models`): {offline} scores {_comments(len(offline_rows))} instead"
            )
        assignments.append((_load_shipped(), sorted(offline_rows)))
    return assignments


def _comments(count):
    return f"{count} comment" + ("" if count == 1 else "s")


def _load_shipped():
    try:
        from moderator.scoring.shipped import load_shipped_model
    except ImportError:
        raise ModelUnavailableError(
            f"the shipped model {SHIPPED_MODEL} is not part of this installation, and no "
            "detoxify weights are on this machine; `moderator models` shows what is present"
        ) from None
    return load_shipped_model()


def _describe_choice(scorer):
    record = _record(scorer)
    details = [record.get("version") or ""]
    if record.get("device"):
        details.append(record["device"] + (" int8" if record.get("quantized") else ""))
    return f"{scorer.name} ({', '.join(item for item in details if item)})"


def _record(scorer):
    if hasattr(scorer, "describe"):
        return scorer.describe()
    return {
        "name": scorer.name,
        "version": str(getattr(scorer, "version", "")),
        "labels": list(scorer.labels),
    }


def _evidence(scorer, texts, languages, frame):
    """{position in group: JSON text} for rows with a label >= EVIDENCE_THRESHOLD."""
    if not hasattr(scorer, "explain") or frame.empty:
        return {}
    high = frame.ge(EVIDENCE_THRESHOLD)
    positions = [i for i in range(len(frame)) if high.iloc[i].any()]
    if not positions:
        return {}
    explained = scorer.explain(
        [texts[i] for i in positions], languages=[languages[i] for i in positions]
    )
    evidence = {}
    for position, spans in zip(positions, explained, strict=True):
        fired = {
            label: items
            for label, items in (spans or {}).items()
            if label in frame.columns and frame.iloc[position][label] >= EVIDENCE_THRESHOLD
        }
        evidence[position] = json.dumps(fired, ensure_ascii=False) if fired else ""
    return evidence
