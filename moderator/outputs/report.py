"""The moderation report: report.md and a self-contained report.html, rendered from the summary.

Comment text is hostile input. In HTML every piece of text is escaped (and a Content-Security-
Policy forbids scripts and network fetches, as a second line of defence); in Markdown every
markdown or HTML special character is backslash-escaped, so no renderer turns a comment into
markup. Offending spans are highlighted by escaping the pieces between span boundaries, never by
inserting markup into raw text.
"""

import base64
import html
import itertools
import re
import string
from importlib import resources
from pathlib import Path

from moderator.atomic import atomic_open
from moderator.outputs import charts
from moderator.outputs.summary import (
    ACTIONS,
    TOP_QUEUE_SIZE,
    cell_text,
    flagged_queue,
    hostility_of,
    parse_json_cell,
    present_labels,
    split_list,
)

MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~&")
BLOCK_MARKER = re.compile(r"(?:#{1,6}|[-+]|=+|\d{1,9}[.)])(?=\s|$)")
ESCALATIONS_SHOWN = 50
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}")


def write_report(decided, summary, folder):
    """Write report.md and report.html for `decided` and its `summary` into `folder`."""
    folder = Path(folder)
    content = ReportContent(decided, summary)
    with atomic_open(folder / "report.md", newline="\n") as stream:
        stream.write(encodable(content.markdown()))
    with atomic_open(folder / "report.html", newline="\n") as stream:
        stream.write(encodable(content.html()))


def encodable(text):
    """`text` as valid UTF-8: a lone surrogate (possible in JSON input) becomes U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)


def render_page(title, body):
    """A complete, self-contained HTML page around `body` (already escaped HTML)."""
    template = string.Template(_template("page.html"))
    return template.substitute(title=escape(title), style=_template("report.css"), body=body)


def escape(value):
    return html.escape(cell_text(value), quote=True)


def escape_markdown(value):
    """`value` on one line, with every character markdown or inline HTML could act on escaped.

    Always: emphasis, code, links, tables, HTML and entities. At the start of the text, also the
    marker of a heading, list item or setext underline (`#`, `-`, `+`, `=`, `1.`, `1)`).
    """
    text = " ".join(cell_text(value).split())
    text = "".join("\\" + char if char in MARKDOWN_SPECIAL else char for char in text)
    marker = BLOCK_MARKER.match(text)
    if not marker:
        return text
    cut = marker.end() - 1 if text[0].isdigit() else 0
    return text[:cut] + "\\" + text[cut:]


def chart_image(svg, alt):
    """An <img> holding `svg` as a data URI (inline <svg> ids could clash between charts)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'


def highlight_segments(text, spans):
    """Split `text` at span boundaries: [(piece, notes)], notes = the spans covering the piece.

    `spans` are (start, end, kind, note); overlapping spans are fine. Spans outside the text or
    empty are ignored. Adjacent pieces covered by the same spans are merged.
    """
    spans = [
        (start, end, kind, note)
        for start, end, kind, note in spans
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    ]
    boundaries = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for start, end in itertools.pairwise(boundaries):
        covering = tuple((kind, note) for s, e, kind, note in spans if s <= start and end <= e)
        if segments and segments[-1][1] == covering:
            segments[-1] = (segments[-1][0] + text[start:end], covering)
        else:
            segments.append((text[start:end], covering))
    return segments


def comment_spans(row):
    """The spans to highlight in a row's text: identity-attack spans and model evidence."""
    spans = []
    for span in parse_json_cell(row.get("identity_spans"), []):
        if isinstance(span, dict):
            note = f"{span.get('category', 'identity')}: {span.get('term', '')}"
            if span.get("group"):
                note += f" (group {span['group']})"
            spans.append((span.get("start"), span.get("end"), "identity", note))
    for label, items in sorted(parse_json_cell(row.get("score_evidence"), {}).items()):
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                weight = item.get("weight")
                note = f"{label} evidence" + (
                    f" (weight {weight:.2f})" if isinstance(weight, int | float) else ""
                )
                spans.append((item.get("start"), item.get("end"), "evidence", note))
    return spans


class ReportContent:
    """The report's sections, each rendered to Markdown and to HTML from the same figures."""

    def __init__(self, decided, summary):
        self.decided = decided.reset_index(drop=True)
        self.summary = summary
        self.run = summary.get("run", {})
        self.labels = present_labels(self.decided)
        self.hostility = hostility_of(self.decided, self.labels)
        self.flagged = flagged_queue(self.decided)

    @property
    def title(self):
        articles = self.run.get("articles") or []
        if len(articles) == 1:
            return cell_text(articles[0].get("title")) or cell_text(articles[0].get("article_id"))
        ids = [row["article_id"] for row in self.summary["comment_counts"]]
        return ", ".join(ids) or "comments"

    # Tables shared by both formats: (caption, headers, rows, numeric column indexes).

    def run_rows(self):
        rows = []
        for article in self.run.get("articles") or []:
            details = [
                cell_text(article.get(key)) for key in ("outlet", "section", "dateline", "byline")
            ]
            rows.append(
                (
                    "article",
                    cell_text(article.get("article_id")),
                    " · ".join(item for item in details if item),
                )
            )
        for source in self.run.get("inputs") or []:
            rows.append(
                (
                    "input",
                    cell_text(source.get("path")),
                    f"{cell_text(source.get('format'))}, sha256 {cell_text(source.get('sha256'))}",
                )
            )
        for model in self.run.get("models") or []:
            extra = ", ".join(
                f"{key} {_listed(value)}"
                for key, value in sorted(model.items())
                if key not in ("name", "version")
            )
            rows.append(
                (
                    "model",
                    cell_text(model.get("name")),
                    "version " + cell_text(model.get("version")) + (f"; {extra}" if extra else ""),
                )
            )
        lexicon = self.run.get("lexicon") or {}
        if lexicon:
            files = lexicon.get("files") or []
            rows.append(
                (
                    "lexicon",
                    "version " + cell_text(lexicon.get("version")),
                    ", ".join(map(cell_text, files)),
                )
            )
        policy = self.run.get("policy") or {}
        if policy:
            rows.append(
                (
                    "policy",
                    cell_text(policy.get("name")),
                    f"{cell_text(policy.get('path'))}, sha256 {cell_text(policy.get('sha256'))}",
                )
            )
        # Options left unset (None) are the defaults; listing them would only add noise.
        settings = {
            key: value
            for key, value in sorted((self.run.get("settings") or {}).items())
            if value is not None
        }
        if settings:
            listed = ", ".join(f"{key}={_listed(value)}" for key, value in settings.items())
            rows.append(("settings", "", listed))
        rows.append(
            (
                "tool",
                "moderator " + cell_text(self.run.get("tool_version")),
                "created " + cell_text(self.run.get("created_at")),
            )
        )
        return ("Run", ("what", "name", "details"), rows, ())

    def overview_tables(self):
        counts = self.summary["counts"]
        totals = [
            ("rows analyzed", counts["rows"]),
            ("reader comments", counts["comments"]),
            ("quoted posts", counts["quoted_posts"]),
            *((f"action: {action}", number) for action, number in counts["by_action"].items()),
        ]
        yield ("Counts", ("what", "count"), totals, (1,))
        yield (
            "Comments scoring at least 0.5, by label",
            ("label", "comments"),
            list(counts["by_label"].items()),
            (1,),
        )
        yield (
            "Targeted groups",
            ("group", "comments"),
            list(counts["by_target_group"].items()),
            (1,),
        )
        yield (
            "Identity attacks by type",
            ("attack type", "comments"),
            list(counts["by_attack_type"].items()),
            (1,),
        )
        yield ("Languages", ("language", "comments"), list(counts["by_language"].items()), (1,))

    def label_statistics_table(self):
        rows = [
            (
                label,
                figures["scored"],
                *(format_number(figures.get(key)) for key in ("mean", "median", "p90", "max")),
                figures.get("at_or_above_flag", 0),
            )
            for label, figures in self.summary["label_statistics"].items()
        ]
        headers = ("label", "scored", "mean", "median", "90th pct", "max", "≥ 0.5")
        return ("Per-label score statistics", headers, rows, (1, 2, 3, 4, 5, 6))

    def group_table(self):
        rows = [
            (
                entry["group"],
                entry["comments"],
                *(entry["by_action"].get(action, 0) for action in ACTIONS),
                _pairs(entry["by_attack_type"]),
                _pairs(entry["terms"]),
                format_number(entry["mean_severity"]),
                format_number(entry["max_severity"]),
            )
            for entry in self.summary["group_targeting"]
        ]
        headers = ("group", "comments", *ACTIONS, "attack types", "terms", "mean sev.", "max sev.")
        return ("Group targeting", headers, rows, (1, 2, 3, 4, 7, 8))

    def escalation_table(self):
        rows = [
            (
                _endpoint(escalation["from"]),
                _endpoint(escalation["to"]),
                escalation["relation"],
                format_number(escalation["rise"]),
            )
            for escalation in self.summary["thread"]["escalations"][:ESCALATIONS_SHOWN]
        ]
        total = len(self.summary["thread"]["escalations"])
        caption = "Escalations (who escalates after whom)"
        if total > ESCALATIONS_SHOWN:
            caption += f": the first {ESCALATIONS_SHOWN} of {total}, all in summary.json"
        headers = ("after", "escalates", "relation", "rise")
        return (caption, headers, rows, (3,))

    def segments_table(self):
        rows = [
            (
                f"{part['first_position']}–{part['last_position']}",
                part["comments"],
                format_number(part["mean_hostility"]),
                part["hostile_comments"],
                part["escalations"],
            )
            for part in self.summary["thread"]["segments"]
        ]
        headers = ("positions", "comments", "mean hostility", "hostile", "escalations")
        return ("Hostility by quarter of the thread", headers, rows, (1, 2, 3, 4))

    def escalators_table(self):
        rows = list(self.summary["thread"]["escalations_by_author"].items())
        return ("Escalations by author", ("author", "escalations"), rows, (1,))

    def counts_table(self):
        rows = [
            (
                row["article_id"],
                "unknown" if row["declared"] is None else row["declared"],
                row["parsed"],
                "yes" if row["mismatch"] else "no",
            )
            for row in self.summary["comment_counts"]
        ]
        headers = ("article", "declared by page", "parsed", "mismatch")
        return ("Declared versus parsed comment counts", headers, rows, (1, 2))

    def thread_sentence(self):
        thread = self.summary["thread"]
        first = thread["first_hostile_position"]
        return (
            f"{thread['hostile_comments']} of {len(thread['points'])} reader comments reach "
            f"hostility {self.summary['thresholds']['hostile_level']}"
            + (f"; the first at position {first}" if first is not None else "")
            + f"; {len(thread['escalations'])} escalate (hostility rises by at least "
            f"{self.summary['thresholds']['escalation_rise']} over the comment they follow or "
            "answer). Hostility is the highest of a comment's label scores and identity-attack "
            "severity." + self._replies_sentence()
        )

    def _replies_sentence(self):
        replies = self.summary["thread"]["replies"]
        if not replies["comments"]:
            return ""
        return (
            f" {replies['comments']} comments are replies; on average they are "
            f"{format_number(replies['mean_rise_over_parent'])} more hostile than the comment "
            f"they answer, and {replies['escalations']} of them escalate."
        )

    def queue_intro(self):
        shown = min(len(self.flagged), TOP_QUEUE_SIZE)
        return (
            f"{len(self.flagged)} comments flagged (remove or review); the {shown} most urgent by "
            "priority. Highlighted: identity-attack spans and the model's evidence."
        )

    def queue_items(self):
        for index, row in self.flagged.head(TOP_QUEUE_SIZE).iterrows():
            yield row, float(self.hostility.loc[index])

    # Markdown.

    def markdown(self):
        lines = [f"# Moderation report: {escape_markdown(self.title)}", ""]
        lines += [
            "Comment text below is escaped and shown as plain text. "
            "`report.html` holds the same report with charts.",
            "",
            "## What was analyzed",
            "",
        ]
        lines += markdown_table(self.run_rows())
        lines += ["## Overview", ""]
        for table in self.overview_tables():
            lines += markdown_table(table)
        lines += ["## Moderation queue", "", escape_markdown(self.queue_intro()), ""]
        for row, hostility in self.queue_items():
            lines += self._markdown_comment(row, hostility)
        lines += ["## For researchers", ""]
        lines += markdown_table(self.label_statistics_table())
        lines += markdown_table(self.group_table())
        lines += ["### Hostility along the thread", "", escape_markdown(self.thread_sentence()), ""]
        lines += markdown_table(self.segments_table())
        lines += markdown_table(self.escalation_table())
        lines += markdown_table(self.escalators_table())
        lines += markdown_table(self.counts_table())
        return "\n".join(lines).rstrip("\n") + "\n"

    def _markdown_comment(self, row, hostility):
        author = cell_text(row.get("author")) or "anonymous"
        figures = (
            f"priority {format_number(row.get('priority'))}, hostility {format_number(hostility)}"
        )
        heading = (
            f"### #{escape_markdown(row.get('position'))} {escape_markdown(author)}: "
            f"{escape_markdown(row.get('action')).upper()} ({escape_markdown(figures)})"
        )
        lines = [heading, ""]
        text = cell_text(row.get("text"))
        quoted = _markdown_highlighted(text, comment_spans(row))
        lines += [f"> {line}" if line else ">" for line in quoted.split("\n")]
        lines.append("")
        for caption, value in self._comment_details(row):
            lines.append(f"- {caption}: {escape_markdown(value)}")
        lines.append("")
        return lines

    def _comment_details(self, row):
        details = [
            ("comment id", cell_text(row.get("comment_id"))),
            ("reasons", cell_text(row.get("reasons"))),
            ("targeted groups", ", ".join(split_list(row.get("target_groups")))),
            ("identity attack", cell_text(row.get("identity_explanation"))),
            ("translator's notes", " / ".join(split_list(row.get("glosses")))),
            ("language", cell_text(row.get("language"))),
        ]
        return [(caption, value) for caption, value in details if value]

    # HTML.

    def html(self):
        parts = [
            f"<header><h1>Moderation report: {escape(self.title)}</h1>",
            f'<p class="muted">Generated {escape(self.run.get("created_at"))} by moderator '
            f"{escape(self.run.get('tool_version'))}. Comment text is shown as inert, escaped "
            "text.</p></header>",
            '<nav><a href="#run">What was analyzed</a> · <a href="#overview">Overview</a> · '
            '<a href="#queue">Moderation queue</a> · <a href="#research">For researchers</a></nav>',
            '<section id="run"><h2>What was analyzed</h2>',
            html_table(self.run_rows()),
            "</section>",
            '<section id="overview"><h2>Overview</h2>',
            html_figure(charts.actions(self.summary), "Comments by action"),
        ]
        parts.append('<div class="tables">')
        parts += [html_table(table) for table in self.overview_tables()]
        parts.append("</div>")
        parts.append(
            html_figure(
                charts.targeted_groups(self.summary), "Comments per targeted group, by action"
            )
        )
        parts += [
            "</section>",
            '<section id="queue"><h2>Moderation queue</h2>',
            f"<p>{escape(self.queue_intro())}</p>",
        ]
        parts += [self._html_comment(row, hostility) for row, hostility in self.queue_items()]
        parts += [
            "</section>",
            '<section id="research"><h2>For researchers</h2>',
            html_table(self.label_statistics_table()),
            html_figure(
                charts.score_distributions(self.summary),
                "Score distributions per label (dashed line: 0.5)",
            ),
            html_table(self.group_table()),
            "<h3>Hostility along the thread</h3>",
            f"<p>{escape(self.thread_sentence())}</p>",
            html_figure(
                charts.thread_hostility(self.summary),
                "Hostility by comment position; arrows: escalations; dashed line: hostile level",
            ),
            html_table(self.segments_table()),
            html_table(self.escalation_table()),
            html_table(self.escalators_table()),
            html_table(self.counts_table()),
            "</section>",
        ]
        return render_page(f"Moderation report: {self.title}", "\n".join(parts))

    def _html_comment(self, row, hostility):
        action = cell_text(row.get("action"))
        css_action = action if action in ACTIONS else ""
        language = cell_text(row.get("language"))
        lang = (
            f' lang="{language}"' if LANGUAGE_TAG.fullmatch(language) and language != "und" else ""
        )
        author = cell_text(row.get("author")) or "anonymous"
        header = (
            f'<header><span class="action">{escape(action)}</span> · '
            f"#{escape(row.get('position'))} · {escape(author)} · "
            f"priority {escape(format_number(row.get('priority')))} · "
            f"hostility {escape(format_number(hostility))}</header>"
        )
        text = _html_highlighted(cell_text(row.get("text")), comment_spans(row))
        details = "".join(
            f'<p class="detail"><strong>{escape(caption)}:</strong> {escape(value)}</p>'
            for caption, value in self._comment_details(row)
        )
        return (
            f'<article class="comment {css_action}">{header}'
            f'<div class="text"{lang}>{text}</div>{details}</article>'
        )


def _template(name):
    return resources.files("moderator.outputs").joinpath("templates", name).read_text("utf-8")


def _html_highlighted(text, spans):
    pieces = []
    for piece, covering in highlight_segments(text, spans):
        if not covering:
            pieces.append(escape(piece))
            continue
        kind = "identity" if any(kind == "identity" for kind, _ in covering) else "evidence"
        title = "; ".join(note for _, note in covering)
        pieces.append(f'<mark class="{kind}" title="{escape(title)}">{escape(piece)}</mark>')
    return "".join(pieces)


def _markdown_highlighted(text, spans):
    """Escaped lines of `text`, offending pieces in bold; "\\n" separates lines."""
    lines = []
    for line in _segments_by_line(highlight_segments(text, spans)):
        rendered = []
        for piece, covering in line:
            escaped = escape_markdown(piece)
            if covering and escaped:
                lead = " " if piece[:1].isspace() else ""
                trail = " " if piece[-1:].isspace() else ""
                rendered.append(f"{lead}**{escaped}**{trail}")
            else:
                rendered.append(
                    (" " if piece[:1].isspace() else "")
                    + escaped
                    + (" " if piece[-1:].isspace() and escaped else "")
                )
        lines.append("".join(rendered).strip())
    return "  \n".join(lines) if any(lines) else ""


def _segments_by_line(segments):
    lines = [[]]
    for piece, covering in segments:
        for number, part in enumerate(piece.split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append((part, covering))
    return lines


def markdown_table(table):
    caption, headers, rows, numeric = table
    lines = [f"**{escape_markdown(caption)}**", ""]
    if not rows:
        return [*lines, "None.", ""]
    lines.append("| " + " | ".join(escape_markdown(header) for header in headers) + " |")
    lines.append(
        "|" + "|".join("---:" if index in numeric else "---" for index in range(len(headers))) + "|"
    )
    for row in rows:
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in row) + " |")
    return [*lines, ""]


def html_table(table):
    caption, headers, rows, numeric = table
    if not rows:
        return f'<div class="table"><h3>{escape(caption)}</h3><p class="muted">None.</p></div>'

    def cell(tag, index, value):
        css = ' class="number"' if index in numeric else ""
        return f"<{tag}{css}>{escape(value)}</{tag}>"

    head = "".join(cell("th", index, header) for index, header in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", index, value) for index, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        f'<div class="table"><h3>{escape(caption)}</h3><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def html_figure(svg, caption):
    if svg is None:
        return ""
    return f"<figure>{chart_image(svg, caption)}<figcaption>{escape(caption)}</figcaption></figure>"


def format_number(value):
    text = cell_text(value)
    try:
        return f"{float(text):.2f}" if text else ""
    except ValueError:
        return text


def _listed(value):
    """A run-record value as text: lists comma-joined rather than in Python's notation."""
    if isinstance(value, list | tuple):
        return ", ".join(map(cell_text, value))
    return cell_text(value)


def _pairs(counts):
    return ", ".join(f"{name} ×{count}" for name, count in counts.items())


def _endpoint(point):
    author = point["author"] or "anonymous"
    return f"#{point['position']} {author} ({format_number(point['hostility'])})"
