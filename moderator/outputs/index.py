"""The cross-article index: index.md and index.html linking each article's report."""

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from moderator.atomic import atomic_open
from moderator.outputs import charts
from moderator.outputs.report import (
    encodable,
    escape,
    escape_markdown,
    format_number,
    html_figure,
    html_table,
    markdown_table,
    render_page,
)
from moderator.outputs.summary import ACTIONS, cell_text

TOP_GROUPS = 3


def write_index(entries, folder):
    """Write index.md and index.html into `folder` for entries (article_id, summary, report dir)."""
    folder = Path(folder)
    table = _articles_table(entries)
    links = [(article_id, _href(report_folder)) for article_id, _, report_folder in entries]
    with atomic_open(folder / "index.md", newline="\n") as stream:
        stream.write(encodable(_markdown(table, links)))
    with atomic_open(folder / "index.html", newline="\n") as stream:
        stream.write(encodable(_html(table, links, entries)))


def _articles_table(entries):
    rows = []
    totals = {"comments": 0, **{action: 0 for action in ACTIONS}}
    for article_id, summary, _ in entries:
        counts = summary["counts"]
        points = summary["thread"]["points"]
        mismatches = [row for row in summary["comment_counts"] if row["mismatch"]]
        groups = list(counts["by_target_group"].items())[:TOP_GROUPS]
        rows.append(
            (
                article_id,
                _title(summary, article_id),
                counts["comments"],
                *(counts["by_action"].get(action, 0) for action in ACTIONS),
                ", ".join(f"{group} ({number})" for group, number in groups),
                format_number(max((point["hostility"] for point in points), default=0.0)),
                len(summary["thread"]["escalations"]),
                "; ".join(
                    f"declared {row['declared']}, parsed {row['parsed']}" for row in mismatches
                ),
            )
        )
        totals["comments"] += counts["comments"]
        for action in ACTIONS:
            totals[action] += counts["by_action"].get(action, 0)
    if len(entries) > 1:
        rows.append(("all articles", "", *totals.values(), "", "", "", ""))
    headers = (
        "article",
        "title",
        "comments",
        *ACTIONS,
        "most targeted groups",
        "max hostility",
        "escalations",
        "count mismatch",
    )
    return ("Articles", headers, rows, (2, 3, 4, 5, 7, 8))


def _title(summary, article_id):
    for article in summary.get("run", {}).get("articles") or []:
        if cell_text(article.get("article_id")) == article_id:
            return cell_text(article.get("title"))
    return ""


def _href(report_folder):
    """A relative link to a report folder, percent-encoded so it stays one inert URL path."""
    return quote(PurePosixPath(*Path(report_folder).parts).as_posix(), safe="/")


def _markdown(table, links):
    lines = [f"# Moderation reports: {len(links)} articles", ""]
    lines += markdown_table(table)
    lines += ["**Reports**", ""]
    lines += [
        f"- {escape_markdown(article_id)}: [report]({href}/report.md), [HTML]({href}/report.html)"
        for article_id, href in links
    ]
    return "\n".join(lines) + "\n"


def _html(table, links, entries):
    items = "".join(
        f'<li>{escape(article_id)}: <a href="{escape(href)}/report.html">report</a> '
        f'(<a href="{escape(href)}/report.md">Markdown</a>)</li>'
        for article_id, href in links
    )
    summaries = [(article_id, summary) for article_id, summary, _ in entries]
    body = "\n".join(
        [
            f"<header><h1>Moderation reports: {len(links)} articles</h1></header>",
            html_table(table),
            html_figure(charts.articles_actions(summaries), "Comments by action, per article")
            if summaries
            else "",
            f"<h2>Reports</h2><ul>{items}</ul>",
        ]
    )
    return render_page("Moderation reports", body)
