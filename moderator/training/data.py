"""Read the labelled datasets in `../shared/datasets` into one table of texts and 0/1 labels.

Each row: text, part (model part: en | ru), dataset, and one column per label with 1.0, 0.0 or
NaN where the dataset says nothing about that label. A text labelled non-toxic is also labelled
0 for every other label (a non-toxic comment is no insult). ru_sensitive_topics (CC BY-NC-SA)
is never read, so nothing that ships is derived from it. jigsaw_bias_templates is evaluation-only.
Left out of the toxicity label: mlma (88% hostile by collection, normalized text) and toxic_spans'
whole-comment judgement (its comments were pre-selected as toxic; annotators split on the rest);
toxic_spans still gives insult, threat, obscene and identity_attack from its typed spans.
"""

import csv
import re
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

LABELS = ("toxicity", "insult", "threat", "obscene", "identity_attack")
# Hash of the case-folded text, so duplicates always land in the same split.
SPLITS = (("train", 70), ("calibration", 85), ("test", 100))


def split_of(text: str) -> str:
    bucket = zlib.crc32(" ".join(text.casefold().split()).encode("utf-8")) % 100
    return next(name for name, upper in SPLITS if bucket < upper)


def _rows(frame, dataset, part, **labels):
    out = pd.DataFrame({"text": frame["text"].to_numpy(dtype=object)})
    out["part"] = part
    out["dataset"] = dataset
    for label in LABELS:
        value = labels.get(label)
        out[label] = np.nan if value is None else np.asarray(value, dtype=float)
    return out


def _davidson(root):
    frame = pd.read_csv(root / "davidson/labeled_data.csv").rename(columns={"tweet": "text"})
    hate = np.where(frame["class"] == 0, 1.0, np.where(frame["class"] == 2, 0.0, np.nan))
    return _rows(frame, "davidson", "en", toxicity=frame["class"] != 2, identity_attack=hate)


def _olid(root):
    train = pd.read_csv(root / "olid/olid-training-v1.0.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    test = pd.read_csv(root / "olid/testset-levela.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    gold = pd.read_csv(root / "olid/labels-levela.csv")
    test = test.merge(gold, on="id").rename(columns={"label": "subtask_a"})
    frame = pd.concat([train, test], ignore_index=True).rename(columns={"tweet": "text"})
    frame["text"] = frame["text"].str.replace("@USER", "").str.replace("URL", "")
    return _rows(frame, "olid", "en", toxicity=frame["subtask_a"] == "OFF")


def _hatexplain(root):
    frame = pd.read_csv(root / "hatexplain/092-HateXplain_mbib.csv")
    frame = frame[frame["category"] != 3]
    hate = np.where(frame["category"] == 1, 1.0, np.where(frame["category"] == 0, 0.0, np.nan))
    return _rows(frame, "hatexplain", "en", toxicity=frame["category"] != 0, identity_attack=hate)


def _ethos(root):
    frame = pd.read_csv(root / "ethos/Ethos_Dataset_Binary.csv", sep=";")
    frame = frame.rename(columns={"comment": "text"})
    hate = frame["isHate"] >= 0.5
    return _rows(frame, "ethos", "en", toxicity=hate, identity_attack=hate)


def _toxic_spans(root):
    folder = root / "toxic_spans/raw"
    comments = pd.read_csv(folder / "comments.csv")
    annotations = pd.read_csv(folder / "annotations.csv")
    spans = pd.read_csv(folder / "spans.csv").merge(
        annotations[["annotation", "comment_id"]], on="annotation"
    )
    markers = spans.groupby(["comment_id", "type"])["annotation"].nunique().unstack(fill_value=0)
    frame = comments.rename(columns={"comment_text": "text"}).set_index("comment_id")
    frame = frame.join(markers).fillna(0)

    def typed(column, enough=2):
        # `enough` annotators marked it: yes; nobody: no; in between: unsure, left out.
        count = frame[column]
        return np.where(count >= enough, 1.0, np.where(count == 0, 0.0, np.nan))

    return _rows(
        frame.reset_index(),
        "toxic_spans",
        "en",
        insult=typed("Insult"),
        # Threat spans are rare (157 comments marked by two annotators): one annotator counts.
        threat=typed("Threat", enough=1),
        obscene=typed("Profane/Obscene"),
        identity_attack=typed("Identity based Attack"),
    )


def _toxigen(root):
    statements = {}
    for path in sorted((root / "toxigen").rglob("*.txt")):
        if not path.name.startswith(("hate_", "neutral_")):
            continue
        hateful = path.name.startswith("hate_")
        for line in path.read_text(encoding="utf-8").splitlines():
            for statement in line.split("\\n"):
                statement = statement.strip().lstrip("-").strip()
                if len(statement) > 3:
                    statements[statement] = hateful
    frame = pd.DataFrame({"text": list(statements), "hate": list(statements.values())})
    return _rows(frame, "toxigen", "en", toxicity=frame["hate"], identity_attack=frame["hate"])


def _jigsaw(root):
    folder = root / "jigsaw_toxic_subsets"
    binary = pd.read_csv(folder / "binary_balanced/test.csv", header=None, names=["text", "y"])
    parts = [_rows(binary, "jigsaw_binary", "en", toxicity=binary["y"])]
    for name in ("train.csv", "test_proced.csv"):
        frame = pd.read_csv(folder / "multilabel_sample" / name)
        frame = frame.rename(columns={"comment_text": "text"})
        parts.append(
            _rows(
                frame,
                "jigsaw_multilabel",
                "en",
                toxicity=frame["toxic"],
                insult=frame["insult"],
                threat=frame["threat"],
                obscene=frame["obscene"],
                identity_attack=frame["identity_hate"],
            )
        )
    return pd.concat(parts, ignore_index=True)


def _ru_2ch_pikabu(root):
    frame = pd.read_csv(root / "ru_toxic_2ch_pikabu/labeled.csv").rename(
        columns={"comment": "text"}
    )
    return _rows(frame, "ru_toxic_2ch_pikabu", "ru", toxicity=frame["toxic"])


def _ru_distorted(root):
    frame = pd.read_csv(root / "ru_distorted_toxicity/russian_distorted_toxicity.tsv", sep="\t")
    frame = frame.rename(columns={"comments": "text"})
    return _rows(frame, "ru_distorted_toxicity", "ru", toxicity=frame["toxicity"])


def _ru_paradetox(root):
    texts, labels = [], []
    for name in ("train.tsv", "dev.tsv", "test.tsv"):
        frame = pd.read_csv(root / "ru_paradetox" / name, sep="\t")
        for column in ("toxic_comment", "neutral_comment1", "neutral_comment2", "neutral_comment3"):
            if column in frame:
                values = frame[column].dropna().astype(str)
                texts.extend(values)
                labels.extend([column == "toxic_comment"] * len(values))
    frame = pd.DataFrame({"text": texts, "y": labels})
    return _rows(frame, "ru_paradetox", "ru", toxicity=frame["y"])


READERS = (
    _davidson,
    _olid,
    _hatexplain,
    _ethos,
    _toxic_spans,
    _toxigen,
    _jigsaw,
    _ru_2ch_pikabu,
    _ru_distorted,
    _ru_paradetox,
)


def load_training_data(root: Path, augmentation=()) -> pd.DataFrame:
    """Every dataset (and the `augmentation` tables) as one table, de-duplicated per part, with
    a `split` column (augmentation rows always train)."""
    frames = [reader(Path(root)) for reader in READERS]
    frames.extend(augmentation)
    data = pd.concat(frames, ignore_index=True)
    data = data[data["text"].notna()]
    data["text"] = data["text"].map(lambda t: re.sub(r"\s+", " ", t).strip())
    data = data[data["text"].str.len() > 0]
    not_toxic = data["toxicity"] == 0
    for label in LABELS[1:]:
        data.loc[not_toxic & data[label].isna(), label] = 0.0
    data["key"] = data["text"].str.casefold()
    data = data.drop_duplicates(["part", "key"]).drop(columns="key").reset_index(drop=True)
    data["split"] = data["text"].map(split_of)
    # Synthetic sentences are for training only, never held-out figures.
    data.loc[data["dataset"].str.endswith("_augmentation"), "split"] = "train"
    return data
