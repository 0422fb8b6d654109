"""How often the identity detector finds an attack in labelled real comments.

    python benchmarks/identity_precision.py [--data ../shared/datasets] [--examples 10]

Counts comments with an attack (attack_type not empty) among the training data's texts labelled
non-toxic and toxic (moderator.training.data), per dataset, and among the non-toxic identity
phrases of jigsaw_bias_templates ("hug lesbian", "I am a gay person"). A non-toxic comment with an
attack is a false positive (or a label error); `--examples` prints a few of them to read.
"""

import argparse
from pathlib import Path

import pandas as pd

from moderator.identity import IdentityDetector
from moderator.training.data import load_training_data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/datasets")
    parser.add_argument("--examples", type=int, default=0, help="non-toxic hits to print")
    args = parser.parse_args()

    detector = IdentityDetector()
    table = load_training_data(Path(args.data)).dropna(subset=["toxicity"])
    found = detector.detect(table["text"])
    table["attack"] = found["attack_type"].to_numpy()
    table["terms"] = found["slur_terms"].to_numpy()
    table["hit"] = table["attack"] != ""
    counts = table.groupby(["dataset", "toxicity"])["hit"].agg(["sum", "size"]).unstack()
    counts.columns = [
        f"{'toxic' if label else 'non-toxic'} {'hits' if what == 'sum' else 'rows'}"
        for what, label in counts.columns
    ]
    order = ["non-toxic hits", "non-toxic rows", "toxic hits", "toxic rows"]
    print(counts[order].fillna(0).astype(int).to_string())
    for label, name in ((0, "non-toxic"), (1, "toxic")):
        rows = table[table["toxicity"] == label]
        print(f"{name}: {int(rows['hit'].sum())} of {len(rows)} with an attack")
    phrases = pd.read_csv(Path(args.data) / "jigsaw_bias_templates" / "en_sentence_templates.csv")
    phrases = phrases.loc[phrases["toxicity"] == "nontoxic", "phrase"]
    flagged = int((detector.detect(phrases)["attack_type"] != "").sum())
    print(f"jigsaw_bias_templates non-toxic phrases: {flagged} of {len(phrases)} with an attack")
    if args.examples:
        wrong = table[(table["toxicity"] == 0) & table["hit"]]
        for row in wrong.sample(min(args.examples, len(wrong)), random_state=0).itertuples():
            print(f"- {row.attack} ({row.terms}): {row.text[:160]!r}")


if __name__ == "__main__":
    main()
