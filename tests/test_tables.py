import json

import pandas as pd
import pytest

from moderator.errors import ConfigError
from moderator.outputs.tables import neutralize_formula, write_table

HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "plain"]


@pytest.mark.parametrize("value", HOSTILE[:-1])
def test_formula_triggers_are_quoted(value):
    assert neutralize_formula(value) == "'" + value


def test_plain_text_and_numbers_untouched():
    assert neutralize_formula("plain") == "plain"
    assert neutralize_formula(-0.5) == -0.5


def test_csv_neutralized_jsonl_exact(tmp_path):
    frame = pd.DataFrame({"text": HOSTILE, "score": [-0.5] * len(HOSTILE)})
    write_table(frame, tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert back["text"].tolist()[:-1] == ["'" + v for v in HOSTILE[:-1]]
    assert back["score"].tolist() == [-0.5] * len(HOSTILE)

    write_table(frame, tmp_path / "t.jsonl")
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == HOSTILE


def test_parquet_keeps_exact_text(tmp_path):
    frame = pd.DataFrame({"text": HOSTILE})
    write_table(frame, tmp_path / "t.parquet")
    assert pd.read_parquet(tmp_path / "t.parquet")["text"].tolist() == HOSTILE


def test_unknown_extension_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown output extension"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx")
