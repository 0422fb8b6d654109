"""report.md, report.html and the index from a hand-built decided table with hostile text."""

import base64
import re

import pytest
from test_summary import synthetic_decided, synthetic_run

from moderator.outputs.index import write_index
from moderator.outputs.report import escape_markdown, highlight_segments, write_report
from moderator.outputs.summary import build_summary

CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    decided = synthetic_decided()
    write_report(decided, build_summary(decided, synthetic_run()), folder)
    return {
        "html": (folder / "report.html").read_text("utf-8"),
        "md": (folder / "report.md").read_text("utf-8"),
    }


def test_html_shows_hostile_text_escaped_and_inert(report):
    page = report["html"]
    assert (
        "What do <mark" in page
        and "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    )
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;" in page
    assert "Returnees &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "bob &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script" not in page.lower()
    assert not re.search(r"<[a-z][^>]*onerror", page)
    # Every image is an embedded chart.
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 4
    assert all(image.startswith('<img src="data:image/svg+xml;base64,') for image in images)


def test_html_is_self_contained(report):
    page = report["html"]
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    assert "@media print" in page


def test_html_highlights_overlapping_spans(report):
    page = report["html"]
    assert (
        '<mark class="identity" title="dehumanization: monkeys (group russians); '
        'insult evidence (weight 0.40); toxicity evidence (weight 0.60)">monkeys</mark>'
    ) in page
    assert (
        '<mark class="identity" title="group: Russian (group russians); '
        'insult evidence (weight 0.40)">Russian</mark>'
        '<mark class="evidence" title="insult evidence (weight 0.40)"> </mark>'
    ) in page
    assert (
        '<mark class="identity" title="dehumanization: cockroaches (group kandas)">'
        "cockroaches</mark>."
    ) in page


def test_html_lists_queue_by_priority_with_reasons(report):
    page = report["html"]
    queue = page[page.index('id="queue"') : page.index('id="research"')]
    assert [int(number) for number in re.findall(r"· #(\d+) ·", queue)] == [4, 2, 3]
    assert "dehumanization of kandas" in queue
    assert "oralman [returnees]" in queue


def test_markdown_escapes_comment_text(report):
    text = report["md"]
    assert "\\<script\\>document.title='pwned'\\</script\\>" in text
    assert "\\<img src=x onerror=\"document.title='pwned'\"\\>" in text
    assert "# Moderation report: Returnees \\<script\\>alert(1)\\</script\\>" in text
    assert "> \\# not a heading" in text
    assert "breed like **cockroaches**." in text
    assert not re.search(r"(?<!\\)<(script|img|b|i)\b", text)


def test_markdown_records_what_was_analyzed(report):
    text = report["md"]
    assert "| model | moderator-lite | version 1; labels toxicity, insult |" in text
    assert "| policy | default | default.toml, sha256 " + "cd" * 32 + " |" in text
    assert "| settings |  | long\\_text=truncate |" in text


def test_markdown_renders_without_html_elements(report):
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(report["md"])
    assert not re.search(r"<(script|img|b|i)\b", rendered)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in rendered
    assert "<strong>cockroaches</strong>" in rendered
    assert "<h1>not a heading" not in rendered


def test_markdown_escape_keeps_numbers_readable():
    assert escape_markdown("0.95") == "0.95"
    assert escape_markdown("1. list") == "1\\. list"
    assert escape_markdown("# heading") == "\\# heading"
    assert escape_markdown("a | b\nc") == "a \\| b c"
    assert escape_markdown(None) == ""


def test_highlight_segments_split_overlaps_and_skip_bad_spans():
    spans = [(0, 5, "identity", "a"), (3, 8, "evidence", "b"), (7, 99, "evidence", "bad")]
    assert highlight_segments("abcdefghij", spans) == [
        ("abc", (("identity", "a"),)),
        ("de", (("identity", "a"), ("evidence", "b"))),
        ("fgh", (("evidence", "b"),)),
        ("ij", ()),
    ]
    assert highlight_segments("", spans) == []


def test_charts_are_embedded_svg(report):
    for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', report["html"]):
        svg = base64.b64decode(data).decode("utf-8")
        assert "<svg" in svg and "<script" not in svg
        assert 'xlink:href="http' not in svg


def test_same_inputs_give_identical_files(tmp_path):
    decided = synthetic_decided()
    summary = build_summary(decided, synthetic_run())
    write_report(decided, summary, tmp_path / "first")
    write_report(decided, build_summary(decided, synthetic_run()), tmp_path / "second")
    for name in ("report.md", "report.html"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


def test_report_without_flagged_comments_or_labels(tmp_path):
    decided = synthetic_decided()
    decided = decided[decided["action"] == "approve"].drop(columns=["toxicity", "insult"])
    write_report(decided, build_summary(decided, synthetic_run()), tmp_path)
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "0 comments flagged" in page
    assert '<article class="comment' not in page


def test_index_links_each_report_and_totals(tmp_path):
    decided = synthetic_decided()
    summary = build_summary(decided, synthetic_run())
    entries = [("demo-article", summary, "demo-article"), ("odd (x)", summary, "odd (x)")]
    write_index(entries, tmp_path)
    page = (tmp_path / "index.html").read_text("utf-8")
    text = (tmp_path / "index.md").read_text("utf-8")
    assert '<a href="demo-article/report.html">report</a>' in page
    assert '<a href="odd%20%28x%29/report.html">report</a>' in page
    assert "Returnees &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "| all articles |  | 8 | 4 | 2 | 2 |" in text
    assert "[HTML](odd%20%28x%29/report.html)" in text


def test_long_escalation_list_is_cut_in_the_report_not_the_summary(tmp_path):
    import pandas as pd

    calm_and_hostile = synthetic_decided().iloc[[0, 1]]
    decided = pd.concat([calm_and_hostile] * 60, ignore_index=True)
    decided["position"] = range(1, len(decided) + 1)
    decided["comment_id"] = [f"c{number}" for number in decided["position"]]
    summary = build_summary(decided, synthetic_run())
    assert len(summary["thread"]["escalations"]) == 60
    write_report(decided, summary, tmp_path)
    text = (tmp_path / "report.md").read_text("utf-8")
    assert "Escalations (who escalates after whom): the first 50 of 60, all in summary.json" in text
    table = text.split("Escalations (who escalates after whom)")[1].split("**Escalations by")[0]
    assert table.count("| next |") == 50


def test_lone_surrogate_in_comment_text_is_replaced(tmp_path):
    decided = synthetic_decided()
    decided["text"] = decided["text"].astype(object)  # the comments table's own dtype
    decided.loc[2, "text"] = "broken \ud800 text"
    write_report(decided, build_summary(decided, synthetic_run()), tmp_path)
    assert "broken \ufffd text" in (tmp_path / "report.md").read_text("utf-8")
