"""Saved text pages: the Caravanserai reference article and the seed pages without comments."""

from pathlib import Path

import pytest

from moderator.sources import combine, load_comments, read_input, read_inputs
from moderator.table import COMMENT_COLUMNS

COMMENTS = Path(__file__).resolve().parent.parent / "comments"
CARAVANSERAI = COMMENTS / "caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt"
WITHOUT_COMMENTS = (
    "turkmenistan-kazakhs-threatened-with-deportation.txt",
    "rferl-almaty-deports-foreign-nationals.txt",
    "diplomat-ethnic-kazakhs-denied-citizenship.txt",
    "kazakh-diaspora-russia-peacekeepers.txt",
)
ARTICLE_ID = "kazakhstan-eases-citizenship-process-for-ethnic-kazakhs"
RETURNEE_GLOSS = "term for ethnic Kazakhs that have returned to Kazakhstan since the USSR fell"


@pytest.fixture(scope="module")
def caravanserai():
    return read_input(CARAVANSERAI)


def comment(parsed, number):
    table = parsed.comments
    return table[table["comment_id"] == f"{ARTICLE_ID}-c{number:03d}"].iloc[0]


def test_caravanserai_has_27_comments_in_page_order(caravanserai):
    table = caravanserai.comments
    assert list(table.columns) == list(COMMENT_COLUMNS)
    assert len(table) == 27
    assert list(table["position"]) == list(range(1, 28))
    assert set(table["kind"]) == {"comment"}
    assert caravanserai.format == "caravanserai"
    assert caravanserai.warnings == []


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (
            1,
            "Kazakhs, Russians, don't argue. The Chinese will do all of you. They abuse the local "
            "Russians in Siberia. These scoundrels will fuck you over. So come together",
        ),
        (2, "Welcome to our kandastar."),
        (7, "What do Russian monkeys have to do with it? )))"),
        (16, "You are pigs yourselves!"),
        (20, "How many pigs have you mated with today, you Russian swine? :)))"),
        (
            26,
            "We should become a great power, I am against sinicization. Therefore, I will never "
            "consider or even think about china, which I intentionally write in lowercase - "
            "they're simply evil.",
        ),
    ],
)
def test_caravanserai_exact_texts(caravanserai, number, text):
    row = comment(caravanserai, number)
    assert row["text"] == text
    assert row["glosses"] == ""


@pytest.mark.parametrize(
    ("number", "text", "glosses"),
    [
        (
            8,
            "I'll say... What do the Russian monkeys have to do with that? "
            "I'm talking about oralman",
            "term for ethnic Kazakhs that have returned to Kazakhstan since the fall of the USSR",
        ),
        (10, "They should replace them with Rusyns.", "Carpatho-Ruthenians"),
        (
            13,
            "Oralman or kandas...Six of one, half a dozen of the other.",
            f"{RETURNEE_GLOSS}|Kazakh for consanguineous",
        ),
        (
            15,
            "Why the hell are they needed at all in Kazakhstan? They are not Kazakhs, but swine. "
            "Native-born Kazakhs don't think of these oralman as people. Oralman don't want to "
            "work, but just breed like cockroaches.",
            "ethnic Kazakhs that have returned to Kazakhstan since the USSR fell",
        ),
        (
            18,
            "Oralman are not people. And you can't tell me where to hightail it off to, you sheep.",
            RETURNEE_GLOSS,
        ),
    ],
)
def test_translator_glosses_are_kept_apart(caravanserai, number, text, glosses):
    row = comment(caravanserai, number)
    assert row["text"] == text
    assert row["glosses"] == glosses
    assert "[" not in row["text"]


def test_caravanserai_metadata(caravanserai):
    (article,) = caravanserai.articles
    assert article["article_id"] == ARTICLE_ID
    assert article["outlet"] == "Caravanserai"
    assert article["section"] == "Human Rights"
    assert article["title"] == (
        "Kazakhstan eases citizenship process for ethnic Kazakhs immigrating from China"
    )
    assert article["byline"] == "Kanat Altynbayev"
    assert article["dateline"] == "ALMATY"
    assert article["declared_comment_count"] == 27
    assert article["parsed_comment_count"] == 27
    assert article["count_mismatch"] is False
    assert caravanserai.summary() == (
        f"{CARAVANSERAI}: caravanserai page "
        '"Kazakhstan eases citizenship process for ethnic Kazakhs i...": 27 comments (27 declared)'
    )


def test_caravanserai_body_captions_once_and_body_brackets_kept(caravanserai):
    body = caravanserai.articles[0]["body"]
    captions = [paragraph["text"] for paragraph in body if paragraph["kind"] == "caption"]
    assert len(captions) == 2
    assert captions[0].startswith("This photo taken last September 13, 2019")
    assert captions[0].endswith("[Hector Retamal/AFP]")
    assert captions[1].endswith("[Greg Baker/AFP]")
    texts = [paragraph["text"] for paragraph in body]
    assert len(texts) == len(set(texts))
    assert any("The bill will allow [if enacted] for imposing" in text for text in texts)
    assert {"kind": "heading", "text": "Slave labour"} in body
    assert not any("Do you like this article" in text for text in texts)


def test_ids_are_stable():
    first = load_comments(CARAVANSERAI)
    second = load_comments(str(CARAVANSERAI))
    assert list(first["comment_id"]) == list(second["comment_id"])
    assert first["comment_id"].iloc[0] == f"{ARTICLE_ID}-c001"
    assert first["comment_id"].is_unique


@pytest.mark.parametrize("name", WITHOUT_COMMENTS)
def test_seed_pages_without_reader_comments(name):
    parsed = read_input(COMMENTS / name)
    assert (parsed.comments["kind"] == "comment").sum() == 0
    assert parsed.articles[0]["parsed_comment_count"] == 0
    assert parsed.articles[0]["declared_comment_count"] is None
    assert "no reader comments found" in parsed.summary()


def test_seed_004_quoted_posts_are_kept_apart():
    parsed = read_input(COMMENTS / "kazakh-diaspora-russia-peacekeepers.txt")
    table = parsed.comments
    assert list(table["kind"]) == ["quoted_post", "quoted_post"]
    assert list(table["author"]) == ["Spamdealer", "IvanIvanovich"]
    assert table["text"].iloc[1] == (
        "Where are the wise Kazakh politicians and experienced administrators?"
    )
    assert table["text"].iloc[0].startswith("This will result in quarrels with neighbors")
    assert table["text"].iloc[0].endswith("the list is endless")
    assert parsed.summary().endswith("no reader comments found (2 quoted posts)")
    assert parsed.articles[0]["title"] == (
        "Kazakh diaspora in Russia did not approve of bringing the peacekeepers into the republic"
    )


def test_seed_titles():
    titles = {
        name: read_input(COMMENTS / name).articles[0]["title"] for name in WITHOUT_COMMENTS[1:3]
    }
    assert titles == {
        "rferl-almaty-deports-foreign-nationals.txt": (
            "Kazakhstan: Almaty Deports Hundreds Of Foreign Nationals"
        ),
        "diplomat-ethnic-kazakhs-denied-citizenship.txt": (
            "No Home Here: Ethnic Kazakhs Denied Citizenship After Fleeing Xinjiang"
        ),
    }


def test_declared_and_parsed_count_disagree(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        CARAVANSERAI.read_text(encoding="utf-8").replace("27 Comment(s)", "29 Comment(s)"),
        encoding="utf-8",
    )
    parsed = read_input(page)
    assert parsed.articles[0]["count_mismatch"] is True
    assert parsed.articles[0]["declared_comment_count"] == 29
    assert parsed.warnings == [f"{page}: the page declares 29 comments but 27 were found"]


def test_comment_without_reply_line_is_kept_with_a_warning(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Outlet\nTitle of the page here\nBy Someone\n\nBody text.\n\n2 Comment(s)\n\n"
        "Comment Policy\n\nFirst one\n\nReply\n\nSecond, cut off",
        encoding="utf-8",
    )
    parsed = read_input(page)
    assert list(parsed.comments["text"]) == ["First one", "Second, cut off"]
    assert "no Reply line" in parsed.warnings[0]


def test_read_inputs_echoes_and_combines(tmp_path):
    lines = []
    parsed = read_inputs(
        [CARAVANSERAI, COMMENTS / "kazakh-diaspora-russia-peacekeepers.txt"], echo=lines.append
    )
    assert lines == [parsed[0].summary(), parsed[1].summary()]
    table = combine(parsed)
    assert len(table) == 29
    assert [article["article_id"] for article in table.attrs["articles"]] == [
        ARTICLE_ID,
        "kazakh-diaspora-in-russia-did-not-approve-of-bringing-the",
    ]


def test_same_article_twice_gets_distinct_ids():
    parsed = read_inputs([CARAVANSERAI, CARAVANSERAI])
    table = combine(parsed)
    assert table["comment_id"].is_unique
    assert table["comment_id"].iloc[27] == f"{ARTICLE_ID}-2-c001"
    assert parsed[1].articles[0]["article_id"] == f"{ARTICLE_ID}-2"


RUSSIAN_PAGE = (
    "Caravanserai\nПрава человека\n\nКазахстан упрощает получение гражданства для этнических "
    "казахов\n\nАвтор: Канат Алтынбаев\n\nАЛМАТЫ -- Казахстан упрощает процесс иммиграции.\n\n"
    "2 Комментария\n\nComment Policy\n\nДобро пожаловать, кандасы!\n\nОтветить\n\n"
    "Понаехали тут, плодятся как тараканы)))\n\nОтветить\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r"])
def test_russian_page_in_each_encoding(tmp_path, encoding):
    page = tmp_path / "page.txt"
    page.write_bytes(RUSSIAN_PAGE.replace("\n", "\r\n").encode(encoding))
    parsed = read_input(page)
    assert parsed.format == "caravanserai"
    assert list(parsed.comments["text"]) == [
        "Добро пожаловать, кандасы!",
        "Понаехали тут, плодятся как тараканы)))",
    ]
    (article,) = parsed.articles
    assert article["title"] == "Казахстан упрощает получение гражданства для этнических казахов"
    assert article["byline"] == "Канат Алтынбаев"
    assert article["dateline"] == "АЛМАТЫ"
    assert article["declared_comment_count"] == 2
    assert article["article_id"] == "kazakhstan-uproshchaet-poluchenie-grazhdanstva-dlya"
