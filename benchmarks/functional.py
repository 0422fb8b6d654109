"""Per-function accuracy on the functional test set, through `moderator analyze`.

    python benchmarks/functional.py [--data tests/data/functional_en_ru.csv] [--split dev]
        [--markdown] [--failures]

Runs the whole pipeline (language detection, the shipped model, the identity-attack detector,
the default policy) on the templated test set built by moderator.training.functional and prints,
per function and language, the share of comments decided right: hateful ones must not be
approved, non-hateful ones must be approved. Two more columns separate the parts: the model alone
(any label at the policy's review threshold) and the identity detector alone (an attack type).
"""

import argparse
import tempfile
from pathlib import Path

import pandas as pd

from moderator.pipeline import analyze
from moderator.policy import load_policy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="tests/data/functional_en_ru.csv")
    parser.add_argument("--split", help="only the cases of this split (a `split` column)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--failures", action="store_true", help="list the cases decided wrong")
    args = parser.parse_args()

    cases = pd.read_csv(args.data)
    if args.split:
        cases = cases[cases["split"] == args.split].reset_index(drop=True)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "cases.csv"
        cases[["text"]].to_csv(data, index=False)
        table = analyze(data, output_dir=folder, text_col="text", model="moderator-lite").table
    table = table.sort_values("position").reset_index(drop=True)
    if len(table) != len(cases) or (table["text"].to_numpy() != cases["text"].to_numpy()).any():
        raise SystemExit("the analyzed comments do not line up with the test cases")
    hateful = cases["label"] == "hateful"
    thresholds = load_policy().thresholds
    model_flag = pd.Series(False, index=table.index)
    for label, threshold in thresholds.items():
        if label in table.columns:
            model_flag |= table[label].fillna(0) >= threshold
    detector_flag = table["attack_type"].fillna("") != ""
    cases["pipeline"] = (table["action"] != "approve") == hateful
    cases["model_alone"] = model_flag == hateful
    cases["detector_alone"] = detector_flag == hateful
    summary = cases.groupby(["label", "functionality", "language"])[
        ["pipeline", "model_alone", "detector_alone"]
    ].agg(["mean"])
    summary.columns = ["pipeline", "model_alone", "detector_alone"]
    summary["cases"] = cases.groupby(["label", "functionality", "language"]).size()
    summary = summary.reset_index()
    overall = cases.groupby("language")[["pipeline", "model_alone", "detector_alone"]].mean()
    print("overall accuracy by language:")
    print(overall.round(3).to_string())
    if args.failures:
        wrong = cases.loc[~cases["pipeline"], ["label", "functionality", "language", "text"]]
        wrong["action"] = table.loc[wrong.index, "action"]
        wrong["reasons"] = table.loc[wrong.index, "reasons"].fillna("").str.slice(0, 80)
        print(wrong.sort_values(["functionality", "language"]).to_string(index=False))
        return
    if args.markdown:
        print("| expected | function | lang | cases | pipeline | model alone | detector alone |")
        print("|---|---|---|---:|---:|---:|---:|")
        for row in summary.itertuples():
            print(
                f"| {row.label} | {row.functionality} | {row.language} | {row.cases} | "
                f"{row.pipeline:.2f} | {row.model_alone:.2f} | {row.detector_alone:.2f} |"
            )
    else:
        print(summary.round(2).to_string(index=False))


if __name__ == "__main__":
    main()
