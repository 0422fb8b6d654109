"""Generic HTML pages and Disqus exports."""

from pathlib import Path

import pytest

from moderator.errors import InputError
from moderator.sources import read_input

SAMPLE = Path(__file__).resolve().parent.parent / "comments" / "sample-wordpress-comments.html"


def parse_html(tmp_path, markup, name="page.html"):
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return read_input(path)


def test_wordpress_sample_comments_authors_times_and_nesting():
    parsed = read_input(SAMPLE)
    assert parsed.format == "html"
    table = parsed.comments
    assert list(table["text"]) == [
        "Welcome home, kandastar. It\u2019s about time the state helped.",
        "These returnees breed like cockroaches & take our jobs.\nSend them back.",
        '=HYPERLINK("http://example.com","click") <script>alert(1)</script>',
    ]
    assert list(table["author"]) == ["Nurlan", "Guest", "Aigul"]
    assert list(table["posted_at"]) == [
        "2022-01-11T12:40:00+06:00",
        "2022-01-11T13:05:00+06:00",
        "2022-01-12T09:00:00+06:00",
    ]
    ids = list(table["comment_id"])
    assert ids == [f"returnees-and-the-border-c00{n}" for n in (1, 2, 3)]
    assert list(table["parent_id"]) == ["", ids[0], ""]


def test_wordpress_sample_metadata_and_declared_count():
    parsed = read_input(SAMPLE)
    (article,) = parsed.articles
    assert article["title"] == "Returnees and the border"
    assert article["outlet"] == "Steppe Notes"
    assert article["section"] == "Society"
    assert article["byline"] == "A. Writer"
    assert [paragraph["text"] for paragraph in article["body"]] == [
        "Kandas families arriving from Xinjiang wait months for papers & permits.",
        "Officials say the quota will rise next year.",
    ]
    assert article["declared_comment_count"] == 4
    assert article["count_mismatch"] is True
    assert parsed.warnings == [f"{SAMPLE}: the page declares 4 comments but 3 were found"]


def test_scripts_styles_templates_never_become_text():
    table = read_input(SAMPLE).comments
    joined = " ".join(table["text"])
    for hidden in ("injected", "template text", "not a comment", "enable JavaScript"):
        assert hidden not in joined


def test_div_comments_with_reply_containers(tmp_path):
    parsed = parse_html(
        tmp_path,
        '<div class="comment" id="c1"><div class="comment-author">A</div>'
        '<div class="comment-text">Top &quot;one&quot;</div><div class="replies">'
        '<div class="comment" id="c2"><div class="comment-author">B</div>'
        '<div class="comment-text">Reply</div></div></div></div>'
        '<div class="comment" id="c3"><div class="comment-author">C</div>'
        '<div class="comment-text">Second top</div></div>',
    )
    table = parsed.comments
    assert list(table["text"]) == ['Top "one"', "Reply", "Second top"]
    assert list(table["author"]) == ["A", "B", "C"]
    assert list(table["parent_id"]) == ["", "page-c001", ""]


def test_articles_in_a_comments_section(tmp_path):
    parsed = parse_html(
        tmp_path,
        "<html><body><p>Article text</p><section id='comments'>"
        "<article><span class='author'>Ann</span><p>Nice piece</p></article>"
        "<article><span class='author'>Ben</span><p>Disagree</p><p>Strongly.</p></article>"
        "</section></body></html>",
    )
    table = parsed.comments
    assert list(table["text"]) == ["Nice piece", "Disagree\nStrongly."]
    assert list(table["author"]) == ["Ann", "Ben"]
    assert list(table["parent_id"]) == ["", ""]
    assert parsed.articles[0]["body"] == [{"kind": "paragraph", "text": "Article text"}]


def test_disqus_export(tmp_path):
    parsed = parse_html(
        tmp_path,
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
        '<thread dsq:id="100"><link>https://example.com/a</link><title>Article A</title></thread>'
        '<post dsq:id="1001"><message><![CDATA[<p>Hello <b>world</b> &amp; all</p>]]></message>'
        "<createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted>"
        '<author><name>Dan</name></author><thread dsq:id="100"/></post>'
        '<post dsq:id="1002"><message><![CDATA[Reply to Dan]]></message>'
        "<createdAt>2020-01-02T00:00:00Z</createdAt><author><name>Eve</name></author>"
        '<thread dsq:id="100"/><parent dsq:id="1001"/></post>'
        '<post dsq:id="1003"><message><![CDATA[]]></message><isDeleted>true</isDeleted>'
        '<thread dsq:id="100"/></post></disqus>',
        name="export.xml",
    )
    table = parsed.comments
    assert list(table["text"]) == ["Hello world & all", "Reply to Dan"]
    assert list(table["author"]) == ["Dan", "Eve"]
    assert list(table["posted_at"]) == ["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"]
    assert list(table["comment_id"]) == ["article-a-c001", "article-a-c002"]
    assert list(table["parent_id"]) == ["", "article-a-c001"]
    assert parsed.warnings == [f"{tmp_path / 'export.xml'}: skipped 1 deleted or empty posts"]


def test_html_detected_by_content_not_extension(tmp_path):
    parsed = parse_html(
        tmp_path, '<div class="comment-content">hi there</div>', name="saved-page.txt"
    )
    assert parsed.format == "html"
    assert list(parsed.comments["text"]) == ["hi there"]


def test_page_without_comments_is_not_an_error(tmp_path):
    parsed = parse_html(tmp_path, "<html><head><title>T</title></head><body><p>x</p></body></html>")
    assert len(parsed.comments) == 0
    assert parsed.summary() == f"{tmp_path / 'page.html'}: no reader comments found"


def test_page_of_scripts_is_an_error(tmp_path):
    markup = "<html><head><script>" + "var a = 1;" * 2000 + "</script></head><body>"
    markup += "<script>render()</script><style>p{}</style></body></html>"
    with pytest.raises(InputError, match="scripts and styles with no text"):
        parse_html(tmp_path, markup)


def test_unclosed_list_items_do_not_nest(tmp_path):
    parsed = parse_html(
        tmp_path,
        "<div id='comments'><ul><li><p class='comment-text'>one<li><p class='comment-text'>two"
        "</ul></div>",
    )
    assert list(parsed.comments["text"]) == ["one", "two"]
    assert list(parsed.comments["parent_id"]) == ["", ""]


def test_flat_text_elements_are_peers_and_wrapper_gives_author(tmp_path):
    parsed = parse_html(
        tmp_path,
        "<div class='wrap'>"
        + "".join(
            f"<div><span class='author'>a{n}</span><div class='comment-text'>c{n}</div></div>"
            for n in range(3)
        )
        + "<div class='comment-text'>bare</div></div>",
    )
    table = parsed.comments
    assert list(table["text"]) == ["c0", "c1", "c2", "bare"]
    assert list(table["author"]) == ["a0", "a1", "a2", ""]
    assert list(table["parent_id"]) == ["", "", "", ""]


def test_headline_with_a_number_is_no_declared_count(tmp_path):
    parsed = parse_html(
        tmp_path,
        "<html><body><h1>5 replies to critics</h1><h2>3 comments from readers</h2>"
        "<div id='comments'><span class='comment-count'>2 comments</span>"
        "<p class='comment-text'>only one</p></div></body></html>",
    )
    assert parsed.articles[0]["declared_comment_count"] == 2
    assert parsed.articles[0]["count_mismatch"] is True
