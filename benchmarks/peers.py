"""moderator-lite side by side with the open offline tools a user could pick instead.

    python benchmarks/peers.py --data ../shared/datasets [--markdown]

On the held-out test split of every dataset (moderator.training.data: hash split, never trained
on), prints per dataset and model: rows, positives, ROC-AUC and macro-F1 of the toxic/non-toxic
decision at each model's own threshold (0.5, the policy's toxicity review threshold).

Peers (optional dependencies of this script only: `pip install alt-profanity-check hatesonar`):
- alt-profanity-check: predict_prob >= 0.5.
- hatesonar 0.1.0 (ONNX): toxic when P(hate_speech) + P(offensive_language) >= 0.5. Its ONNX
  graph's StringNormalizer (lower-casing) uses onnxruntime's default locale en_US.UTF-8;
  machines without that locale fail at load, so this script loads a copy set to C.utf8.
  hatesonar was trained on the Davidson tweets, so its davidson figures are not held-out.
A peer that cannot be imported is reported as missing and skipped.
"""

import argparse
import sys

import numpy as np

from moderator.evaluation import roc_auc
from moderator.scoring.shipped import load_shipped_model
from moderator.training.data import load_training_data


def macro_f1(truth, flagged):
    scores = []
    for positive in (1, 0):
        t, f = truth == positive, flagged == positive
        tp = (t & f).sum()
        precision = tp / f.sum() if f.sum() else 0.0
        recall = tp / t.sum() if t.sum() else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return float(np.mean(scores))


def profanity_check_scorer():
    from profanity_check import predict_prob

    return lambda texts: np.asarray(predict_prob(list(texts)), dtype=float)


def hatesonar_scorer():
    import hatesonar
    import onnx
    import onnxruntime
    from hatesonar.api import DEFAULT_MODEL_FILE

    graph = onnx.load(str(DEFAULT_MODEL_FILE))
    for node in graph.graph.node:
        if node.op_type == "StringNormalizer":
            node.attribute.append(onnx.helper.make_attribute("locale", "C.utf8"))
    session = onnxruntime.InferenceSession(
        graph.SerializeToString(), providers=["CPUExecutionProvider"]
    )
    del hatesonar

    def score(texts):
        _, probabilities = session.run(None, {"text": np.array(list(texts), dtype=object)})
        return np.array([p[0] + p[1] for p in probabilities], dtype=float)

    return score


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/datasets")
    parser.add_argument("--model-dir", help="a moderator-lite folder (default: the shipped one)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()

    data = load_training_data(args.data)
    test = data[(data["split"] == "test") & data["toxicity"].notna()]
    lite = load_shipped_model(args.model_dir)
    models = {"moderator-lite": None}
    for name, build in (
        ("alt-profanity-check", profanity_check_scorer),
        ("hatesonar", hatesonar_scorer),
    ):
        try:
            models[name] = build()
        except Exception as error:  # a peer that cannot run here is reported, not fatal
            print(f"{name}: cannot run here ({type(error).__name__}: {error})", file=sys.stderr)

    rows = []
    for (part, dataset), group in test.groupby(["part", "dataset"]):
        truth = group["toxicity"].to_numpy()
        texts = group["text"].tolist()
        for name, scorer in models.items():
            if scorer is None:
                scores = lite.score(texts, [part] * len(texts))["toxicity"].to_numpy()
            else:
                scores = scorer(texts)
            rows.append(
                (
                    f"{part}/{dataset}",
                    name,
                    len(texts),
                    int(truth.sum()),
                    roc_auc(truth, scores),
                    macro_f1(truth, (scores >= 0.5).astype(int)),
                )
            )
    if args.markdown:
        print("| split | model | rows | positives | ROC-AUC | macro-F1 |")
        print("|---|---|---:|---:|---:|---:|")
        for split, name, n, p, auc, f1 in rows:
            print(f"| {split} | {name} | {n} | {p} | {auc:.3f} | {f1:.3f} |")
    else:
        for split, name, n, p, auc, f1 in rows:
            print(f"{split:32} {name:20} rows={n:6} pos={p:6} roc_auc={auc:.3f} macro_f1={f1:.3f}")


if __name__ == "__main__":
    main()
