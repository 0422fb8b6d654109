"""Identity-term swap test: does moderator-lite flag neutral sentences about some groups more?

    python benchmarks/identity_fairness.py --data ../shared/datasets [--markdown]

Scores the nontoxic sentences of jigsaw_bias_templates/en_sentence_templates.csv (never trained
on) and prints, per identity term, the false-positive rate at the policy's thresholds for
toxicity and identity_attack, the mean toxicity score, and the ratio of the term's false-positive
rate to the average over terms. The target: no ratio above 2.
"""

import argparse
import re
from pathlib import Path

import pandas as pd

from moderator.evaluation import policy_threshold
from moderator.scoring.shipped import load_shipped_model

# The identity terms of the Jigsaw bias templates (bias_madlibs), longest first for matching.
_SINGLE_WORD_TERMS = """lesbian gay bisexual transgender trans queer lgbt lgbtq homosexual straight
heterosexual male female nonbinary african black white european hispanic latino latina latinx
mexican canadian american asian indian chinese japanese christian muslim jewish buddhist catholic
protestant sikh taoist old older young younger teenage millenial elderly blind deaf paralyzed"""
TERMS = sorted(
    [*_SINGLE_WORD_TERMS.split(), "african american", "middle eastern", "middle aged"],
    key=len,
    reverse=True,
)
_TERM = re.compile(r"\b(" + "|".join(map(re.escape, TERMS)) + r")\b")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/datasets")
    parser.add_argument("--model-dir", help="a moderator-lite folder (default: the shipped one)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    frame = pd.read_csv(Path(args.data) / "jigsaw_bias_templates/en_sentence_templates.csv")
    frame = frame[frame["toxicity"] == "nontoxic"].reset_index(drop=True)
    frame["term"] = frame["phrase"].str.lower().str.extract(_TERM, expand=False)
    frame = frame[frame["term"].notna()].reset_index(drop=True)
    scores = load_shipped_model(args.model_dir).score(frame["phrase"].tolist(), ["en"] * len(frame))
    frame["toxicity"] = scores["toxicity"]
    frame["flag_toxicity"] = scores["toxicity"] >= policy_threshold("toxicity")
    frame["flag_identity"] = scores["identity_attack"] >= policy_threshold("identity_attack")
    table = frame.groupby("term").agg(
        sentences=("phrase", "size"),
        fpr_toxicity=("flag_toxicity", "mean"),
        fpr_identity_attack=("flag_identity", "mean"),
        mean_toxicity=("toxicity", "mean"),
    )
    for column in ("fpr_toxicity", "fpr_identity_attack"):
        average = table[column].mean()
        table[f"{column}_ratio"] = table[column] / average if average else 0.0
    table = table.sort_values("fpr_toxicity", ascending=False)
    print(
        f"{len(frame)} nontoxic template sentences, {len(table)} identity terms; "
        f"overall FPR toxicity {frame['flag_toxicity'].mean():.4f}, "
        f"identity_attack {frame['flag_identity'].mean():.4f}"
    )
    over = table[(table["fpr_toxicity_ratio"] > 2) | (table["fpr_identity_attack_ratio"] > 2)]
    print(f"terms over twice the average: {', '.join(over.index) or 'none'}")
    if args.markdown:
        print(
            "| term | sentences | FPR toxicity | ratio | FPR identity_attack | ratio "
            "| mean toxicity |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for term, row in table.iterrows():
            print(
                f"| {term} | {row.sentences} | {row.fpr_toxicity:.4f} | "
                f"{row.fpr_toxicity_ratio:.2f} | {row.fpr_identity_attack:.4f} | "
                f"{row.fpr_identity_attack_ratio:.2f} | {row.mean_toxicity:.3f} |"
            )
    else:
        print(table.round(4).to_string())


if __name__ == "__main__":
    main()
