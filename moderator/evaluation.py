"""Score a labelled file with a model and measure it: ROC-AUC, precision, recall and F1 at the
policy's threshold, the confusion matrix and calibration, per label and optionally per group.

The truth column becomes 0/1: rows equal to `positive` are positive when it is given; otherwise
numbers and booleans count as positive at 0.5 or more, and any other values are an error that
lists them (pass `positive`).
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from moderator.errors import ConfigError, InputError

CALIBRATION_BINS = 10
_TRUE_WORDS = {"true": 1.0, "false": 0.0, "yes": 1.0, "no": 0.0}


@dataclass
class EvaluationResult:
    """`figures`: one row per (group, label); `calibration`: reliability bins per label;
    `scores`: the input rows with the model's scores and the 0/1 truth."""

    model: str
    figures: object
    calibration: object
    scores: object
    thresholds: dict = field(default_factory=dict)

    def to_text(self) -> str:
        return format_report(self)


def policy_threshold(label: str) -> float:
    """The default policy's review threshold for `label`, or 0.5 where it sets none."""
    from moderator.policy import load_policy

    return float(load_policy().thresholds.get(label, 0.5))


def read_labelled(path) -> object:
    """A labelled table from CSV, TSV, JSON Lines, JSON or Parquet (`-`: CSV on stdin)."""
    import pandas as pd

    if not isinstance(path, str | Path):
        raise InputError("evaluate needs a file path or a DataFrame")
    name = str(path)
    if name != "-" and not Path(name).is_file():
        raise InputError(f"{name}: no such file")
    suffix = Path(name).suffix.lower()
    try:
        if name == "-":
            import sys

            return pd.read_csv(sys.stdin)
        if suffix in (".tsv", ".tab"):
            return pd.read_csv(name, sep="\t")
        if suffix == ".jsonl":
            return pd.read_json(name, lines=True)
        if suffix == ".json":
            return pd.read_json(name)
        if suffix == ".parquet":
            return pd.read_parquet(name)
        return pd.read_csv(name)
    except (ValueError, UnicodeDecodeError, OSError, ImportError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{name}: cannot read it as a labelled table ({reason})") from None


def truth_of(values, positive=None) -> np.ndarray:
    """The label column as 0/1."""
    import pandas as pd

    values = pd.Series(values)
    if values.isna().any():
        raise InputError(f"the label column has {int(values.isna().sum())} empty values")
    if positive is not None:
        truth = values.astype(str).str.strip() == str(positive)
        if not truth.any():
            seen = ", ".join(sorted(values.astype(str).unique())[:10])
            raise InputError(f"no label equals {positive!r}; the values are: {seen}")
        return truth.to_numpy(dtype=float)
    if values.dtype == bool:
        return values.to_numpy(dtype=float)
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.isna().any():
        words = values.astype(str).str.strip().str.lower().map(_TRUE_WORDS)
        if words.notna().all():
            return words.to_numpy(dtype=float)
        seen = ", ".join(sorted(values.astype(str).unique())[:10])
        raise InputError(
            f"the label column is not numeric or true/false (values: {seen}); "
            "say which value is positive with --positive"
        )
    return (numbers.to_numpy(dtype=float) >= 0.5).astype(float)


def roc_auc(truth, scores) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half); NaN with one class only."""
    import pandas as pd

    truth = np.asarray(truth, dtype=float)
    positives = truth.sum()
    negatives = len(truth) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    return float(
        (ranks[truth == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


def _figures(truth, scores, threshold):
    flagged = scores >= threshold
    tp = int((flagged & (truth == 1)).sum())
    fp = int((flagged & (truth == 0)).sum())
    fn = int((~flagged & (truth == 1)).sum())
    tn = int((~flagged & (truth == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    negative_precision = tn / (tn + fn) if tn + fn else 0.0
    specificity = tn / (tn + fp) if tn + fp else 0.0
    negative_f1 = (
        2 * negative_precision * specificity / (negative_precision + specificity)
        if negative_precision + specificity
        else 0.0
    )
    bins = _calibration_bins(truth, scores)
    return {
        "rows": len(truth),
        "positives": int(truth.sum()),
        "roc_auc": roc_auc(truth, scores),
        "threshold": threshold,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "macro_f1": (f1 + negative_f1) / 2,
        "false_positive_rate": fp / (fp + tn) if fp + tn else float("nan"),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "ece": float((bins["count"] * (bins["mean_score"] - bins["observed_rate"]).abs()).sum())
        / max(len(truth), 1),
        "brier": float(np.mean((scores - truth) ** 2)) if len(truth) else float("nan"),
    }


def _calibration_bins(truth, scores):
    import pandas as pd

    which = np.minimum((scores * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    frame = pd.DataFrame({"bin": which, "score": scores, "truth": truth})
    bins = frame.groupby("bin").agg(
        count=("truth", "size"), mean_score=("score", "mean"), observed_rate=("truth", "mean")
    )
    bins = bins.reset_index()
    bins["low"] = bins["bin"] / CALIBRATION_BINS
    bins["high"] = (bins["bin"] + 1) / CALIBRATION_BINS
    return bins[["low", "high", "count", "mean_score", "observed_rate"]]


def score_texts(texts, model="moderator-lite", languages=None):
    """The model's label scores for `texts` (a DataFrame aligned with them) and its name.

    `model` is a model name or any object with the Scorer interface (name, score(texts, languages)).
    """
    if not isinstance(model, str):
        return model.score(texts, languages), model.name
    if model == "moderator-lite":
        from moderator.scoring.shipped import load_shipped_model

        scorer = load_shipped_model()
        if languages is None:
            from moderator.language import detect_languages

            languages = detect_languages(texts)["language"].tolist()
        return scorer.score(texts, languages), f"{scorer.name} {scorer.version}"
    import pandas as pd

    from moderator import scoring
    from moderator.table import COMMENT_COLUMNS, KIND_COMMENT

    comments = pd.DataFrame({column: [""] * len(texts) for column in COMMENT_COLUMNS})
    comments["text"] = list(texts)
    comments["comment_id"] = [str(i) for i in range(len(texts))]
    comments["position"] = range(1, len(texts) + 1)
    comments["kind"] = KIND_COMMENT
    comments["article_id"] = "evaluation"
    scored = scoring.score(comments, model=model)
    from moderator.scoring.base import KNOWN_LABELS

    labels = [label for label in KNOWN_LABELS if label in scored.columns]
    used = scored.attrs.get("models") or [{"name": model}]
    names = ", ".join(
        " ".join(str(part) for part in (entry.get("name"), entry.get("version")) if part)
        if isinstance(entry, dict)
        else str(entry)
        for entry in used
    )
    return scored[labels].reset_index(drop=True), names


def evaluate(
    data,
    text_col="text",
    label_col="label",
    positive=None,
    model="moderator-lite",
    by=None,
    labels=None,
    threshold=None,
    language_col=None,
) -> EvaluationResult:
    """Score `data` (a path or a DataFrame) with `model` and measure it against `label_col`.

    Each model label (or those in `labels`) is compared with the one truth column, flagged at
    `threshold` or else at the default policy's review threshold for that label.
    """
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else read_labelled(data)
    frame = frame.reset_index(drop=True)
    for role, column in (("text", text_col), ("label", label_col), ("--by", by)):
        if column is not None and column not in frame.columns:
            known = ", ".join(map(str, frame.columns))
            raise InputError(f"no {role} column {column!r}; the columns are: {known}")
    if language_col is not None and language_col not in frame.columns:
        raise InputError(f"no language column {language_col!r}")
    if frame.empty:
        raise InputError("the labelled table has no rows")
    truth = truth_of(frame[label_col], positive)
    texts = frame[text_col].fillna("").astype(str).tolist()
    languages = None if language_col is None else frame[language_col].astype(str).tolist()
    scores, model_name = score_texts(texts, model, languages)
    chosen = list(scores.columns) if labels is None else list(labels)
    unknown = [label for label in chosen if label not in scores.columns]
    if unknown:
        raise ConfigError(
            f"model {model_name} has no label {', '.join(unknown)}; "
            f"it has: {', '.join(scores.columns)}"
        )
    thresholds = {
        label: (threshold if threshold is not None else policy_threshold(label)) for label in chosen
    }

    groups = [("all", np.ones(len(frame), dtype=bool))]
    if by is not None:
        keys = frame[by].astype(str).fillna("")
        groups += [(str(value), (keys == value).to_numpy()) for value in sorted(keys.unique())]
    rows, calibration = [], []
    for label in chosen:
        values = scores[label].to_numpy(dtype=float)
        scored = ~np.isnan(values)
        for group, mask in groups:
            mask = mask & scored
            if group != "all" and not mask.any():
                continue  # a label the model does not score for this group (Russian insult)
            figures = _figures(truth[mask], values[mask], thresholds[label])
            rows.append({"group": group, "label": label, **figures})
        bins = _calibration_bins(truth[scored], values[scored])
        bins.insert(0, "label", label)
        calibration.append(bins)
    figures = pd.DataFrame(rows)
    figures = figures.drop(columns="group") if by is None else figures.rename(columns={"group": by})
    scored_rows = frame.copy()
    scored_rows["truth"] = truth.astype(int)
    for label in chosen:
        scored_rows[f"score_{label}"] = scores[label].to_numpy()
    return EvaluationResult(
        model=model_name,
        figures=figures,
        calibration=pd.concat(calibration, ignore_index=True),
        scores=scored_rows,
        thresholds=thresholds,
    )


def format_report(result: EvaluationResult) -> str:
    """The figures as plain text for a terminal."""
    lines = [f"model: {result.model}"]
    shown = result.figures.copy()
    for column in ("roc_auc", "precision", "recall", "f1", "macro_f1", "ece", "brier"):
        shown[column] = shown[column].map(lambda v: "n/a" if v != v else f"{v:.3f}")
    shown["false_positive_rate"] = shown["false_positive_rate"].map(
        lambda v: "n/a" if v != v else f"{v:.3f}"
    )
    lines.append(shown.to_string(index=False))
    lines.append("")
    lines.append("calibration (score bin: comments, mean score, observed positive rate)")
    for label, bins in result.calibration.groupby("label", sort=False):
        cells = [
            f"{row.low:.1f}-{row.high:.1f}: {row.count}, {row.mean_score:.2f}, "
            f"{row.observed_rate:.2f}"
            for row in bins.itertuples()
        ]
        lines.append(f"{label}: " + "; ".join(cells))
    return "\n".join(lines)
