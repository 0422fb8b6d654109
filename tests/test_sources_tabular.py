"""Comment dumps: CSV, TSV, JSON, JSONL, Parquet, column options and legacy encodings."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from moderator.errors import InputError
from moderator.outputs.tables import write_table
from moderator.sources import load_comments, read_input
from moderator.table import COMMENT_COLUMNS

SAMPLE = Path(__file__).resolve().parent.parent / "comments" / "sample-russian-comments-cp1251.csv"
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю."
KAZAKH = "Қазақстан — біздің ортақ үйіміз, ағайын."


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def test_cp1251_sample_dump():
    parsed = read_input(SAMPLE)
    assert parsed.format == "csv"
    table = parsed.comments
    assert list(table["comment_id"]) == ["1", "2", "3", "4", "5"]
    assert list(table["parent_id"]) == ["", "1", "", "3", ""]
    assert list(table["author"]) == ["Алексей", "Марат", "Гость", "Ольга", "Ерлан"]
    assert table["posted_at"].iloc[0] == "2022-01-11 12:40"
    assert table["text"].iloc[2] == "Русские свиньи, убирайтесь домой!"
    assert table["text"].iloc[3] == 'Не надо так; "свиньи" — это про людей?\nСтыдно.'
    assert table["text"].iloc[4] == "Понаехали и плодятся как тараканы, а власти молчат)))"
    assert set(table["article_id"]) == {"sample-russian-comments-cp1251"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16"])
def test_russian_encodings(tmp_path, encoding):
    path = write(tmp_path, "dump.csv", f'author,text\nПётр,"{RUSSIAN}"\n', encoding)
    table = load_comments(path)
    assert list(table["text"]) == [RUSSIAN]
    assert list(table["author"]) == ["Пётр"]


@pytest.mark.parametrize("encoding", ["utf-8", "kz1048"])
def test_kazakh_encodings(tmp_path, encoding):
    path = write(tmp_path, "dump.tsv", f"text\tauthor\n{KAZAKH}\tАйгүл\n", encoding)
    table = load_comments(path)
    assert list(table["text"]) == [KAZAKH]
    assert list(table["author"]) == ["Айгүл"]


def test_undecodable_input_names_file_and_offset(tmp_path):
    path = write(tmp_path, "bad.csv", b"text\nhello \xc3\x28 world\n")
    with pytest.raises(InputError, match=r"bad\.csv: not valid UTF-8 at byte 11"):
        read_input(path)


def test_columns_detected_by_usual_names(tmp_path):
    path = write(
        tmp_path,
        "d.csv",
        "ID,Parent,Username,Created_At,Body,other\n7,,ann,2021-05-01,first,x\n8,7,bob,,second,y\n",
    )
    table = load_comments(path)
    assert list(table.columns) == list(COMMENT_COLUMNS)
    assert list(table["comment_id"]) == ["7", "8"]
    assert list(table["parent_id"]) == ["", "7"]
    assert list(table["author"]) == ["ann", "bob"]
    assert list(table["posted_at"]) == ["2021-05-01", ""]
    assert list(table["text"]) == ["first", "second"]
    assert list(table["position"]) == [1, 2]


def test_column_options(tmp_path):
    path = write(tmp_path, "d.csv", "who,said,when,key,re\nann,hello,today,a1,\nbob,hi,now,a2,a1\n")
    table = load_comments(
        path, text_col="said", author_col="who", time_col="when", id_col="key", parent_col="re"
    )
    assert list(table["text"]) == ["hello", "hi"]
    assert list(table["author"]) == ["ann", "bob"]
    assert list(table["comment_id"]) == ["a1", "a2"]
    assert list(table["parent_id"]) == ["", "a1"]


def test_missing_named_column_is_an_error(tmp_path):
    path = write(tmp_path, "d.csv", "text\nhello\n")
    with pytest.raises(InputError, match=r"no column 'words' \(columns: text\)"):
        read_input(path, text_col="words")


def test_csv_without_text_column_is_an_error(tmp_path):
    path = write(tmp_path, "d.csv", "a,b\n1,2\n")
    with pytest.raises(InputError, match=r"found no comment text column .* --text-col"):
        read_input(path)


def test_positional_ids_without_id_column_and_empty_rows_skipped(tmp_path):
    path = write(tmp_path, "My Dump.csv", 'text\n"one"\n""\n"two"\n')
    parsed = read_input(path)
    assert list(parsed.comments["comment_id"]) == ["my-dump-c001", "my-dump-c002"]
    assert parsed.warnings == [f"{path}: skipped 1 rows without comment text"]


def test_ragged_rows_are_reported(tmp_path):
    path = write(tmp_path, "d.csv", "text,author\nhello, world,ann\nshort\n")
    parsed = read_input(path)
    assert list(parsed.comments["text"]) == ["hello", "short"]
    assert parsed.warnings == [f"{path}: 2 rows do not have the header's 2 fields"]


def test_semicolon_and_quoted_multiline_fields(tmp_path):
    path = write(tmp_path, "d.csv", 'comment;author\n"line one\nline two; still";ann\n')
    table = load_comments(path)
    assert list(table["text"]) == ["line one\nline two; still"]


def test_jsonl_with_nested_author(tmp_path):
    lines = [
        {"id": 1, "message": "first", "author": {"name": "Ann"}, "createdAt": "2020"},
        {"id": 2, "message": "second", "author": {"name": "Bob"}, "parent": 1},
    ]
    path = write(tmp_path, "d.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    parsed = read_input(path)
    assert parsed.format == "jsonl"
    table = parsed.comments
    assert list(table["text"]) == ["first", "second"]
    assert list(table["author"]) == ["Ann", "Bob"]
    assert list(table["comment_id"]) == ["1", "2"]
    assert list(table["parent_id"]) == ["", "1"]
    assert list(table["posted_at"]) == ["2020", ""]


def test_jsonl_bad_line(tmp_path):
    path = write(tmp_path, "d.jsonl", '{"text": "ok"}\n{"text": oops}\n')
    with pytest.raises(InputError, match=r"d\.jsonl line 2: not valid JSON"):
        read_input(path)


def test_json_array_and_wrapped_list(tmp_path):
    array = write(tmp_path, "a.json", json.dumps([{"content": "x"}, {"content": "y"}], indent=2))
    assert list(load_comments(array)["text"]) == ["x", "y"]
    wrapped = write(tmp_path, "w.json", json.dumps({"response": [{"raw_message": "z", "id": 5}]}))
    table = load_comments(wrapped)
    assert list(table["text"]) == ["z"]
    assert list(table["comment_id"]) == ["5"]


def test_json_array_streams_across_chunks(tmp_path):
    records = [{"text": f"comment {n} " + "word " * 50} for n in range(5000)]
    path = write(tmp_path, "big.json", json.dumps(records))
    assert path.stat().st_size > 1024 * 1024  # more than one decoding chunk
    table = load_comments(path)
    assert len(table) == 5000
    assert table["text"].iloc[4999].startswith("comment 4999 word")


def test_broken_json_array(tmp_path):
    path = write(tmp_path, "a.json", '[{"text": "x"}, {"text": ')
    with pytest.raises(InputError, match=r"a\.json: not valid JSON"):
        read_input(path)


def test_parquet(tmp_path):
    path = tmp_path / "d.parquet"
    pd.DataFrame({"comment": ["a", "b"], "user": ["u1", "u2"], "n": [1, 2]}).to_parquet(path)
    parsed = read_input(path)
    assert parsed.format == "parquet"
    assert list(parsed.comments["text"]) == ["a", "b"]
    assert list(parsed.comments["author"]) == ["u1", "u2"]


def test_own_table_reads_back_unchanged(tmp_path):
    original = load_comments(SAMPLE)
    for name in ("round.csv", "round.jsonl", "round.parquet"):
        write_table(original, tmp_path / name)
        again = load_comments(tmp_path / name)
        columns = [column for column in COMMENT_COLUMNS if column != "source"]
        assert again[columns].equals(original[columns]), name


def test_buffers_and_explicit_format():
    table = load_comments(io.StringIO("text\nfrom a buffer\n"), format="csv")
    assert list(table["text"]) == ["from a buffer"]
    table = load_comments(io.BytesIO(b'{"body": "bytes"}\n'))
    assert list(table["text"]) == ["bytes"]


def test_legacy_encoding_found_after_an_ascii_start(tmp_path):
    ascii_rows = "".join(f"{n},plain ascii comment number {n}\n" for n in range(3000))
    assert len(ascii_rows) > 64 * 1024  # beyond the sample the encoding is first chosen from
    path = write(tmp_path, "late.csv", f'id,text\n{ascii_rows}9999,"{RUSSIAN}"\n', "cp1251")
    table = load_comments(path)
    assert len(table) == 3001
    assert table["text"].iloc[-1] == RUSSIAN


def test_undecodable_byte_after_an_ascii_start(tmp_path):
    head = "text\n" + "ascii only\n" * 8000
    path = write(tmp_path, "late.csv", head.encode() + b"bad \x98\x99\n")
    with pytest.raises(InputError, match=f"not valid utf-8 text at byte {len(head) + 4}"):
        read_input(path)


def test_labelled_data_sets_read_by_their_own_column_names(tmp_path):
    hatecheck = write(
        tmp_path,
        "hatecheck.csv",
        "functionality,case_id,test_case,label_gold\n"
        "derog_neg_emote_h,1,I hate women.,hateful\n"
        "ident_neutral_nh,2,We are a group of women.,non-hateful\n",
    )
    table = read_input(hatecheck).comments
    assert list(table["text"]) == ["I hate women.", "We are a group of women."]
    assert list(table["comment_id"]) == ["1", "2"]
    olid = write(tmp_path, "olid.tsv", "id\ttweet\tsubtask_a\n86426\t@USER She should ask\tOFF\n")
    assert list(read_input(olid).comments["text"]) == ["@USER She should ask"]
