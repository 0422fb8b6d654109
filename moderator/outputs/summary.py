"""Every figure of a moderation run, machine-readable: the content of summary.json.

The report (report.md, report.html) and the cross-article index render from this dict, so the
figures a reader sees and the figures a script compares are the same numbers. Everything here is
deterministic: the same decided table and run give the same dict (run["created_at"] aside).
"""

import json
import math

from moderator.table import KIND_COMMENT, LIST_SEPARATOR

SUMMARY_VERSION = 1
LABELS = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "threat",
    "insult",
    "identity_attack",
    "sexual_explicit",
)
ACTIONS = ("remove", "review", "approve")
# A label "fires" at this score: the same level at which scoring records evidence spans.
LABEL_FLAG_THRESHOLD = 0.5
# A comment is hostile from this hostility on, and escalates when it reaches that level after a
# comment (its parent for a reply, else the one before it) that was at least this much calmer.
HOSTILE_LEVEL = 0.5
ESCALATION_RISE = 0.2
THREAD_SEGMENTS = 4
HISTOGRAM_BINS = 10
TOP_QUEUE_SIZE = 20
DIGITS = 4


def build_summary(decided, run):
    """Return every figure of `decided` (the policy's output table) as a JSON-ready dict.

    The figures describe reader comments; posts the article quotes are only counted, since no
    moderator acts on them (the same rule as the queue).
    """
    import pandas as pd

    decided = decided.reset_index(drop=True)
    for label in LABELS:
        if label in decided.columns:
            decided[label] = pd.to_numeric(decided[label], errors="coerce")
    labels = present_labels(decided)
    comments = reader_comments(decided)
    hostility = hostility_of(decided, labels)
    return {
        "summary_version": SUMMARY_VERSION,
        "run": json_ready(run),
        "labels": list(labels),
        "thresholds": {
            "label_flag": LABEL_FLAG_THRESHOLD,
            "hostile_level": HOSTILE_LEVEL,
            "escalation_rise": ESCALATION_RISE,
        },
        "counts": _counts(decided, comments, labels),
        "label_statistics": {label: _label_statistics(comments[label]) for label in labels},
        "group_targeting": _group_targeting(comments),
        "thread": _thread(comments, hostility),
        "comment_counts": _comment_counts(decided, comments, run),
        "queue": _queue(comments, hostility),
    }


def json_ready(value):
    """`value` with numpy scalars as Python numbers and NaN as None, so json.dump writes it."""
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def reader_comments(decided):
    """The rows of reader comments (a missing or empty kind counts as a comment)."""
    if "kind" not in decided.columns:
        return decided
    kinds = decided["kind"].map(cell_text)
    return decided[(kinds == KIND_COMMENT) | (kinds == "")]


def present_labels(decided):
    """The label columns that hold at least one score, in detoxify's order."""
    return tuple(
        label for label in LABELS if label in decided.columns and decided[label].notna().any()
    )


def hostility_of(decided, labels=None):
    """Per row: the highest of its label scores and its identity-attack severity (0 if none)."""
    import pandas as pd

    labels = present_labels(decided) if labels is None else labels
    columns = [*labels, "identity_severity"]
    present = [column for column in columns if column in decided.columns]
    if not present:
        return pd.Series(0.0, index=decided.index)
    values = decided[present].apply(pd.to_numeric, errors="coerce")
    return values.max(axis=1, skipna=True).fillna(0.0).astype(float)


def split_list(value):
    """The items of a "|"-joined cell; an empty or missing cell has none."""
    text = cell_text(value)
    return [item for item in text.split(LIST_SEPARATOR) if item] if text else []


def cell_text(value):
    """A table cell as text: missing values (None, NaN, NA) become ""."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def parse_json_cell(value, default):
    """A JSON text cell (score_evidence, identity_spans); malformed or empty gives `default`."""
    text = cell_text(value)
    if not text:
        return default
    try:
        parsed = json.loads(text)
    except ValueError:
        return default
    return parsed if isinstance(parsed, type(default)) else default


def _counts(decided, comments, labels):
    by_action = {action: 0 for action in ACTIONS}
    for action in map(cell_text, _column(comments, "action")):
        by_action[action] = by_action.get(action, 0) + 1
    by_label = {label: int((comments[label] >= LABEL_FLAG_THRESHOLD).sum()) for label in labels}
    return {
        "rows": len(decided),
        "comments": len(comments),
        "quoted_posts": len(decided) - len(comments),
        "by_action": by_action,
        "by_label": by_label,
        "by_target_group": _tally(
            group for cell in _column(comments, "target_groups") for group in split_list(cell)
        ),
        "by_attack_type": _tally(
            kind for kind in map(cell_text, _column(comments, "attack_type")) if kind
        ),
        "by_language": _tally(map(_language_name, _column(comments, "language"))),
    }


def _language_name(value):
    return cell_text(value) or "und"


def _column(decided, name):
    return decided[name].tolist() if name in decided.columns else []


def _tally(items):
    """Counts of each item, most frequent first, ties by name (a stable, readable order)."""
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def _label_statistics(scores):
    import numpy as np

    values = scores.dropna().astype(float).to_numpy()
    edges = _rounded(np.linspace(0.0, 1.0, HISTOGRAM_BINS + 1))
    # Bin by the scaled score rounded first, so that a score of exactly 0.7 falls in [0.7, 0.8).
    bins = np.floor(np.round(np.clip(values, 0.0, 1.0) * HISTOGRAM_BINS, 9)).astype(int)
    histogram = np.bincount(np.minimum(bins, HISTOGRAM_BINS - 1), minlength=HISTOGRAM_BINS)
    if not len(values):
        return {"scored": 0, "histogram": {"edges": edges, "counts": [0] * HISTOGRAM_BINS}}
    return {
        "scored": len(values),
        "mean": _round(values.mean()),
        "median": _round(np.median(values)),
        "p90": _round(np.quantile(values, 0.9)),
        "max": _round(values.max()),
        "at_or_above_flag": int((values >= LABEL_FLAG_THRESHOLD).sum()),
        "histogram": {"edges": edges, "counts": [int(count) for count in histogram]},
    }


def _group_targeting(decided):
    """One row per targeted group: how often, how, with which terms, and what was decided."""
    groups = {}
    for row in decided.itertuples(index=False):
        targets = split_list(getattr(row, "target_groups", ""))
        if not targets:
            continue
        spans = parse_json_cell(getattr(row, "identity_spans", ""), [])
        attack = cell_text(getattr(row, "attack_type", ""))
        action = cell_text(getattr(row, "action", ""))
        severity = _number(getattr(row, "identity_severity", 0.0))
        for group in targets:
            entry = groups.setdefault(
                group,
                {
                    "group": group,
                    "comments": 0,
                    "by_action": {action: 0 for action in ACTIONS},
                    "by_attack_type": {},
                    "terms": {},
                    "max_severity": 0.0,
                    "severity_sum": 0.0,
                },
            )
            entry["comments"] += 1
            if action:
                entry["by_action"][action] = entry["by_action"].get(action, 0) + 1
            if attack:
                entry["by_attack_type"][attack] = entry["by_attack_type"].get(attack, 0) + 1
            for span in spans:
                if isinstance(span, dict) and span.get("group") == group and span.get("term"):
                    term = str(span["term"])
                    entry["terms"][term] = entry["terms"].get(term, 0) + 1
            entry["max_severity"] = max(entry["max_severity"], severity)
            entry["severity_sum"] += severity
    table = []
    for entry in groups.values():
        severity_sum = entry.pop("severity_sum")
        entry["mean_severity"] = _round(severity_sum / entry["comments"])
        entry["max_severity"] = _round(entry["max_severity"])
        entry["by_attack_type"] = _tally_dict(entry["by_attack_type"])
        entry["terms"] = _tally_dict(entry["terms"])
        table.append(entry)
    return sorted(table, key=lambda entry: (-entry["comments"], entry["group"]))


def _tally_dict(counts):
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def _thread(comments, hostility):
    """Hostility along each article's comment sequence, and who escalates after whom."""
    points = []
    escalations = []
    segments = []
    for article_id, article in _by_article(comments):
        ordered = (
            article.sort_values("position", kind="stable") if "position" in article else article
        )
        by_id = {}
        previous = None
        for index, row in ordered.iterrows():
            point = {
                "article_id": article_id,
                "comment_id": cell_text(row.get("comment_id")),
                "position": _position(row.get("position")),
                "author": cell_text(row.get("author")),
                "parent_id": cell_text(row.get("parent_id")),
                "action": cell_text(row.get("action")),
                "hostility": _round(hostility.loc[index]),
            }
            parent = by_id.get(point["parent_id"]) if point["parent_id"] else None
            reference, relation = (parent, "reply") if parent else (previous, "next")
            point["relation"] = relation if reference else None
            point["rise"] = (
                _round(point["hostility"] - reference["hostility"]) if reference else None
            )
            point["escalates"] = bool(
                reference
                and point["hostility"] >= HOSTILE_LEVEL
                and point["rise"] >= ESCALATION_RISE
            )
            if point["escalates"]:
                escalations.append(
                    {
                        "article_id": article_id,
                        "relation": relation,
                        "from": _endpoint(reference),
                        "to": _endpoint(point),
                        "rise": point["rise"],
                    }
                )
            points.append(point)
            by_id[point["comment_id"]] = point
            previous = point
        segments += _segments(article_id, points[-len(ordered) :] if len(ordered) else [])
    hostile = [point for point in points if point["hostility"] >= HOSTILE_LEVEL]
    replies = [point for point in points if point["relation"] == "reply"]
    return {
        "points": points,
        "escalations": escalations,
        "segments": segments,
        "replies": {
            "comments": len(replies),
            "mean_rise_over_parent": _round(sum(point["rise"] for point in replies) / len(replies))
            if replies
            else None,
            "escalations": sum(point["escalates"] for point in replies),
        },
        "hostile_comments": len(hostile),
        "escalations_by_author": _tally(
            escalation["to"]["author"] or "(anonymous)" for escalation in escalations
        ),
        "first_hostile_position": hostile[0]["position"] if hostile else None,
    }


def _segments(article_id, points):
    """The thread cut into THREAD_SEGMENTS consecutive parts: does hostility build up?"""
    parts = []
    for number in range(THREAD_SEGMENTS):
        part = points[
            number * len(points) // THREAD_SEGMENTS : (number + 1) * len(points) // THREAD_SEGMENTS
        ]
        if not part:
            continue
        values = [point["hostility"] for point in part]
        parts.append(
            {
                "article_id": article_id,
                "segment": number + 1,
                "first_position": part[0]["position"],
                "last_position": part[-1]["position"],
                "comments": len(part),
                "mean_hostility": _round(sum(values) / len(values)),
                "hostile_comments": sum(value >= HOSTILE_LEVEL for value in values),
                "escalations": sum(point["escalates"] for point in part),
            }
        )
    return parts


def _endpoint(point):
    return {
        "comment_id": point["comment_id"],
        "position": point["position"],
        "author": point["author"],
        "hostility": point["hostility"],
    }


def _by_article(frame):
    """Groups of rows per article, in order of first appearance."""
    if "article_id" not in frame.columns:
        return [("", frame)]
    keys = frame["article_id"].map(cell_text)
    order = list(dict.fromkeys(keys))
    return [(key, frame[keys == key]) for key in order]


def _comment_counts(decided, comments, run):
    """Declared (by the page) versus parsed comment counts, per article."""
    metadata = {
        cell_text(article.get("article_id")): article for article in run.get("articles", [])
    }
    parsed_here = dict(_tally(map(cell_text, _column(comments, "article_id"))))
    article_ids = list(dict.fromkeys(map(cell_text, _column(decided, "article_id"))))
    rows = []
    for article_id in article_ids:
        article = metadata.get(article_id, {})
        declared = article.get("declared_comment_count")
        parsed = article.get("parsed_comment_count", parsed_here.get(article_id, 0))
        declared = None if declared is None or cell_text(declared) == "" else int(declared)
        parsed = int(parsed)
        rows.append(
            {
                "article_id": article_id,
                "title": cell_text(article.get("title")),
                "declared": declared,
                "parsed": parsed,
                "in_table": parsed_here.get(article_id, 0),
                "mismatch": declared is not None and declared != parsed,
            }
        )
    return rows


def _queue(comments, hostility):
    """The top of the moderation queue, ids and figures only (the report shows the text)."""
    ordered = flagged_queue(comments)
    return [
        {
            "article_id": cell_text(row.get("article_id")),
            "comment_id": cell_text(row.get("comment_id")),
            "position": _position(row.get("position")),
            "action": cell_text(row.get("action")),
            "priority": _round(_number(row.get("priority"))),
            "hostility": _round(hostility.loc[index]),
            "reasons": cell_text(row.get("reasons")),
        }
        for index, row in ordered.head(TOP_QUEUE_SIZE).iterrows()
    ]


def flagged_queue(decided):
    """Reader comments to remove or review, most urgent first: the rows of queue.csv, in order.

    Priority descending; ties by article, then position.
    """
    import pandas as pd

    flagged = reader_comments(decided)
    if "action" not in flagged.columns:
        return flagged.head(0)
    flagged = flagged[flagged["action"].map(cell_text).isin(("remove", "review"))]

    def column(name, convert):
        values = flagged[name] if name in flagged.columns else pd.Series(None, index=flagged.index)
        return convert(values)

    keys = pd.DataFrame(
        {
            "priority": column("priority", lambda v: pd.to_numeric(v, errors="coerce")),
            "article_id": column("article_id", lambda v: v.map(cell_text)),
            "position": column("position", lambda v: pd.to_numeric(v, errors="coerce")),
        },
        index=flagged.index,
    )
    keys = keys.sort_values(["article_id", "position"], kind="stable", na_position="last")
    order = keys.sort_values("priority", ascending=False, kind="stable", na_position="last")
    return flagged.loc[order.index]


def _position(value):
    text = cell_text(value)
    return int(float(text)) if text else None


def _number(value):
    text = cell_text(value)
    try:
        return float(text) if text else 0.0
    except ValueError:
        return 0.0


def _round(value):
    return round(float(value), DIGITS)


def _rounded(values):
    return [_round(value) for value in values]
