"""moderator.evaluation: figures computed by hand on tiny labelled tables."""

import math

import pandas as pd
import pytest

from moderator.errors import ConfigError, InputError
from moderator.evaluation import evaluate, roc_auc, truth_of


class FixedScorer:
    """Scores looked up from a dict, so every figure can be worked out by hand."""

    name = "fixed"
    labels = ("toxicity",)

    def __init__(self, scores):
        self.scores = scores

    def score(self, texts, languages=None):
        return pd.DataFrame({"toxicity": [self.scores[t] for t in texts]})


TABLE = pd.DataFrame(
    {
        "text": ["a", "b", "c", "d", "e", "f"],
        "label": ["hate", "hate", "hate", "none", "none", "none"],
        "group": ["x", "x", "y", "x", "y", "y"],
    }
)
SCORES = FixedScorer({"a": 0.9, "b": 0.6, "c": 0.2, "d": 0.7, "e": 0.1, "f": 0.05})


def test_figures_at_a_threshold_match_a_hand_count():
    result = evaluate(TABLE, positive="hate", model=SCORES, threshold=0.5)
    row = result.figures.iloc[0]
    # flagged at 0.5: a, b (true positives), d (false positive); c missed.
    assert (row.tp, row.fp, row.fn, row.tn) == (2, 1, 1, 2)
    assert row.precision == pytest.approx(2 / 3)
    assert row.recall == pytest.approx(2 / 3)
    assert row.f1 == pytest.approx(2 / 3)
    assert row.macro_f1 == pytest.approx(2 / 3)
    # positive/negative pairs ranked correctly: a>d,e,f; b>e,f (b<d); c>e,f (c<d) -> 7 of 9.
    assert row.roc_auc == pytest.approx(7 / 9)
    assert row.false_positive_rate == pytest.approx(1 / 3)


def test_breakdown_by_a_column():
    result = evaluate(TABLE, positive="hate", model=SCORES, threshold=0.5, by="group")
    figures = result.figures.set_index("group")
    assert list(figures.index) == ["all", "x", "y"]
    assert (figures.loc["x", "tp"], figures.loc["x", "fp"]) == (2, 1)
    assert (figures.loc["y", "fn"], figures.loc["y", "tn"]) == (1, 2)
    assert figures.loc["x", "roc_auc"] == pytest.approx(0.5)  # a>d, b<d


def test_calibration_bins_and_expected_calibration_error():
    result = evaluate(TABLE, positive="hate", model=SCORES, threshold=0.5)
    bins = result.calibration.set_index("low")
    assert bins.loc[0.9, "count"] == 1 and bins.loc[0.9, "observed_rate"] == 1.0
    assert list(bins.index) == [0.0, 0.1, 0.2, 0.6, 0.7, 0.9]  # 0.1 opens the second bin
    # one comment per bin: |0.05-0|, |0.1-0|, |0.2-1|, |0.6-1|, |0.7-0| and |0.9-1|, over 6
    expected = (0.05 + 0.1 + 0.8 + 0.4 + 0.7 + 0.1) / 6
    assert result.figures.iloc[0].ece == pytest.approx(expected)


def test_threshold_defaults_to_the_policys_review_threshold():
    from moderator.policy import load_policy

    result = evaluate(TABLE, positive="hate", model=SCORES)
    assert result.thresholds == {"toxicity": load_policy().thresholds["toxicity"]}


def test_truth_from_numbers_booleans_and_words():
    assert list(truth_of([0, 1, 0.7, 0.2])) == [0, 1, 1, 0]
    assert list(truth_of(["True", "false", "yes"])) == [1, 0, 1]
    assert list(truth_of(["toxic", "nontoxic"], positive="toxic")) == [1, 0]


def test_roc_auc_ties_count_half_and_one_class_is_nan():
    assert roc_auc([1, 0], [0.5, 0.5]) == 0.5
    assert math.isnan(roc_auc([1, 1], [0.2, 0.3]))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label_col": "missing"}, "no label column 'missing'"),
        ({"text_col": "body"}, "no text column 'body'"),
        ({}, "say which value is positive"),
        ({"positive": "toxic"}, "no label equals 'toxic'"),
    ],
)
def test_bad_columns_and_labels_are_input_errors(kwargs, message):
    with pytest.raises(InputError, match=message):
        evaluate(TABLE, model=SCORES, **kwargs)


def test_unknown_model_label_is_a_config_error():
    with pytest.raises(ConfigError, match="has no label insult"):
        evaluate(TABLE, positive="hate", model=SCORES, labels=["insult"])


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        evaluate(tmp_path / "absent.csv")


class EnglishOnlyInsult(FixedScorer):
    """toxicity for every text, insult only for the group scored in English (NaN otherwise)."""

    labels = ("toxicity", "insult")

    def score(self, texts, languages=None):
        frame = super().score(texts)
        frame["insult"] = [0.8 if text in "abd" else float("nan") for text in texts]
        return frame


def test_a_group_without_scores_for_a_label_has_no_row_for_it():
    result = evaluate(TABLE, positive="hate", model=EnglishOnlyInsult(SCORES.scores), by="group")
    rows = list(zip(result.figures["group"], result.figures["label"], strict=True))
    assert rows == [
        ("all", "toxicity"),
        ("x", "toxicity"),
        ("y", "toxicity"),
        ("all", "insult"),
        ("x", "insult"),
    ]
