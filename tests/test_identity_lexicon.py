"""Lexicon loading: shipped files are valid, user files add and override terms, and every bad row
is a ConfigError naming the file and the line."""

import pytest

from moderator.errors import ConfigError
from moderator.identity import IdentityDetector, load_lexicon
from moderator.identity.lexicon import CATEGORIES, TERM_COLUMNS

HEADER = ",".join(TERM_COLUMNS)


def write(tmp_path, *rows, header=HEADER, name="mine.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_shipped_lexicon_covers_the_required_groups_and_languages():
    lexicon = load_lexicon()
    groups = {term.group for term in lexicon.terms if term.group}
    for group in (
        "russians",
        "kazakhs",
        "oralman",
        "chinese",
        "uyghurs",
        "kyrgyz",
        "uzbeks",
        "tajiks",
        "jews",
        "muslims",
        "migrants",
        "refugees",
        "women",
        "gay_people",
        "transgender_people",
        "disabled_people",
        "black_people",
    ):
        assert group in groups, group
    kinds = {group.kind for group in lexicon.groups.values()}
    assert {"ethnicity", "religion", "race", "gender", "sexual_orientation"} <= kinds
    assert {"gender_identity", "disability", "migration_status"} <= kinds
    assert {term.language for term in lexicon.terms} == {"en", "ru", "kk"}
    assert {term.category for term in lexicon.terms} == set(CATEGORIES)
    assert len(lexicon.version) == 12


def test_user_lexicon_adds_a_term(tmp_path):
    path = write(tmp_path, "kalbit,en,latin,kazakhs,slur,0.9,exact,invented for the test")
    detector = IdentityDetector([path])
    result = detector.check("those kalbits again")
    assert result["attack_type"] == ""
    result = detector.check("those kalbit again")
    assert (result["attack_type"], result["target_groups"]) == ("slur", "kazakhs")
    assert detector.lexicon_version != IdentityDetector().lexicon_version


def test_user_lexicon_overrides_and_disables_shipped_terms(tmp_path):
    text = "Russian monkeys"
    assert IdentityDetector().check(text)["identity_severity"] == 0.9
    lowered = write(tmp_path, "monkey,en,latin,,dehumanizing,0.4,prefix,milder here")
    assert IdentityDetector([lowered]).check(text)["identity_severity"] == 0.4
    disabled = write(tmp_path, "monkey,en,latin,,dehumanizing,0,prefix,", name="off.csv")
    assert IdentityDetector([disabled]).check(text)["attack_type"] == ""
    safe = write(tmp_path, "russian,en,latin,,safe,0,prefix,", name="safe.csv")
    assert IdentityDetector([safe]).check(text)["target_groups"] == ""


def test_later_user_file_wins(tmp_path):
    first = write(tmp_path, "kalbit,en,latin,kazakhs,slur,0.9,exact,", name="a.csv")
    second = write(tmp_path, "kalbit,en,latin,uzbeks,slur,0.7,exact,", name="b.csv")
    result = IdentityDetector([first, second]).check("kalbit")
    assert (result["target_groups"], result["identity_severity"]) == ("uzbeks", 0.7)


def test_user_groups_file_adds_a_group(tmp_path):
    groups = write(
        tmp_path, "karakalpaks,ethnicity,Karakalpaks", header="id,kind,description", name="g.csv"
    )
    terms = write(tmp_path, "karakalpak,en,latin,karakalpaks,group_term,0,prefix,")
    with pytest.raises(ConfigError, match="unknown group 'karakalpaks'"):
        load_lexicon([terms])
    detector = IdentityDetector([terms, groups])
    result = detector.check("Karakalpaks are vermin")
    assert (result["attack_type"], result["target_groups"]) == ("dehumanization", "karakalpaks")
    bad = write(tmp_path, "karakalpaks,tribe,Karakalpaks", header="id,kind,description")
    with pytest.raises(ConfigError, match=r"mine\.csv line 2: unknown kind 'tribe'"):
        load_lexicon([bad])


def test_multi_word_and_prefix_terms(tmp_path):
    path = write(
        tmp_path,
        "steppe rats,en,latin,kazakhs,slur,0.8,exact,",
        "жаман орыс,kk,cyrillic,russians,slur,0.7,prefix,",
    )
    detector = IdentityDetector([path])
    assert detector.check("steppe rats everywhere")["attack_type"] == "slur"
    assert detector.check("steppe-rats everywhere")["target_groups"] == "kazakhs"
    assert detector.check("жаман орыстар келді")["target_groups"] == "russians"
    assert detector.check("steppe is full of rats")["target_groups"] == ""


def test_user_lexicon_with_a_byte_order_mark_and_reordered_columns(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text(
        "\ufeffcategory,term,group,language,script,severity,match,note\n"
        "slur,kalbit,kazakhs,en,latin,0.9,exact,\n",
        encoding="utf-8",
    )
    assert IdentityDetector([path]).check("kalbit")["attack_type"] == "slur"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("kalbit,en,latin,russian,slur,0.9,exact,", "mine.csv line 2: unknown group 'russian'"),
        ("kalbit,en,latin,kazakhs,slurr,0.9,exact,", "mine.csv line 2: unknown category 'slurr'"),
        ("kalbit,de,latin,kazakhs,slur,0.9,exact,", "mine.csv line 2: unknown language 'de'"),
        ("kalbit,en,greek,kazakhs,slur,0.9,exact,", "mine.csv line 2: unknown script 'greek'"),
        ("kalbit,en,latin,kazakhs,slur,0.9,fuzzy,", "mine.csv line 2: unknown match 'fuzzy'"),
        ("kalbit,en,latin,kazakhs,slur,high,exact,", "severity 'high' is not a number"),
        ("kalbit,en,latin,kazakhs,slur,1.5,exact,", "severity 1.5 is outside 0..1"),
        ("kalbit,en,latin,,slur,0.9,exact,", "mine.csv line 2: a slur needs a group"),
        ("калбит,en,latin,kazakhs,slur,0.9,exact,", "is not written in latin script"),
        ("k4lbit,en,latin,kazakhs,slur,0.9,exact,", "may hold only letters"),
        (",en,latin,kazakhs,slur,0.9,exact,", "mine.csv line 2: empty term"),
        ("ka,en,latin,kazakhs,slur,0.9,prefix,", "a prefix needs at least 3 letters"),
        ("kalbit,en,latin,kazakhs,slur,0.9,exact", "mine.csv line 2: 7 fields, expected 8"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, row, message):
    path = write(tmp_path, row)
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        load_lexicon([path])


def test_duplicate_rows_in_one_file(tmp_path):
    path = write(
        tmp_path,
        "kalbit,en,latin,kazakhs,slur,0.9,exact,",
        "Kalbit,en,latin,kazakhs,slur,0.8,exact,",
    )
    with pytest.raises(ConfigError, match=r"mine\.csv line 3: duplicate of line 2"):
        load_lexicon([path])


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("term,language,script,group,category,severity,match", "missing column 'note'"),
        (HEADER + ",extra", "unknown column 'extra'"),
        ("term;language;script", "missing column 'term'"),
    ],
)
def test_bad_header(tmp_path, header, message):
    path = write(tmp_path, header=header)
    with pytest.raises(ConfigError, match=f"mine.csv line 1: {message}"):
        load_lexicon([path])


def test_unreadable_files(tmp_path):
    with pytest.raises(ConfigError, match="lexicon file not found"):
        load_lexicon([tmp_path / "missing.csv"])
    with pytest.raises(ConfigError, match="is a folder"):
        load_lexicon([tmp_path])
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="is empty"):
        load_lexicon([empty])
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((HEADER + "\nsch\xe4del,en,latin,,insult,0.5,exact,\n").encode("latin-1"))
    with pytest.raises(ConfigError, match="is not UTF-8"):
        load_lexicon([latin1])


def test_known_words_are_still_found_after_the_word_cache_is_cleared(monkeypatch):
    from moderator.identity import IdentityDetector, lexicon

    monkeypatch.setattr(lexicon, "_CACHE_WORDS", 12)
    detector = IdentityDetector()
    hostile = "What do Russian monkeys have to do with it?"
    assert detector.detect([hostile])["attack_type"].tolist() == ["dehumanization"]
    filler = " ".join(f"word{number}" for number in range(10))
    # The filler overflows the cache; the words of the hostile comment were known before that.
    found = detector.detect([filler + " " + hostile])
    assert found["attack_type"].tolist() == ["dehumanization"]
    assert found["target_groups"].tolist() == ["russians"]
