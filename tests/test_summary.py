"""summary.json figures from a hand-built decided table (no models, no other stages needed)."""

import json
import math

import pandas as pd

from moderator.outputs.summary import build_summary, hostility_of

SCRIPT = "<script>document.title='pwned'</script>"
IMAGE = "<img src=x onerror=\"document.title='pwned'\">"
FORMULA = '=HYPERLINK("http://evil.example","click")'
MONKEYS = f"What do Russian monkeys have to do with it? {SCRIPT}"
COCKROACHES = f"{IMAGE} They breed like cockroaches.\n# not a heading\n    not code"
NAN = math.nan


def span(text, term, **fields):
    start = text.index(term)
    return {"start": start, "end": start + len(term), "term": term, **fields}


def synthetic_decided():
    """A tiny decided article: one calm comment, hostile ones (with injection text), a quote."""
    rows = [
        {
            "comment_id": "c1",
            "position": 1,
            "parent_id": None,
            "author": "alice",
            "text": "Welcome to our kandastar.",
            "glosses": "",
            "kind": "comment",
            "language": "en",
            "toxicity": 0.02,
            "insult": 0.01,
            "identity_attack": 0.01,
            "score_evidence": "",
            "attack_type": "",
            "target_groups": "",
            "slur_terms": "",
            "identity_severity": 0.0,
            "identity_spans": "[]",
            "identity_explanation": "",
            "action": "approve",
            "priority": 0.0,
            "reasons": "",
        },
        {
            "comment_id": "c2",
            "position": 2,
            "parent_id": None,
            "author": "bob <b>bold</b>",
            "text": MONKEYS,
            "glosses": "",
            "kind": "comment",
            "language": "en",
            "toxicity": 0.91,
            "insult": 0.8,
            "identity_attack": 0.7,
            "score_evidence": json.dumps(
                {
                    "toxicity": [span(MONKEYS, "monkeys", weight=0.6)],
                    "insult": [span(MONKEYS, "Russian monkeys", weight=0.4)],
                }
            ),
            "attack_type": "dehumanization",
            "target_groups": "russians",
            "slur_terms": "monkeys",
            "identity_severity": 0.9,
            "identity_spans": json.dumps(
                [
                    span(MONKEYS, "Russian", category="group", group="russians"),
                    span(MONKEYS, "monkeys", category="dehumanization", group="russians"),
                ]
            ),
            "identity_explanation": "dehumanization: 'monkeys' attached to group 'russians'",
            "action": "remove",
            "priority": 0.95,
            "reasons": "dehumanization of russians; toxicity 0.91",
        },
        {
            "comment_id": "c3",
            "position": 3,
            "parent_id": "c2",
            "author": "carol",
            "text": f"{FORMULA} I agree",
            "glosses": "",
            "kind": "comment",
            "language": "en",
            "toxicity": 0.55,
            "insult": 0.3,
            "identity_attack": 0.1,
            "score_evidence": "",
            "attack_type": "",
            "target_groups": "",
            "slur_terms": "",
            "identity_severity": 0.0,
            "identity_spans": "[]",
            "identity_explanation": "",
            "action": "review",
            "priority": 0.55,
            "reasons": "toxicity 0.55",
        },
        {
            "comment_id": "c4",
            "position": 4,
            "parent_id": None,
            "author": None,
            "text": COCKROACHES,
            "glosses": "oralman [returnees]",
            "kind": "comment",
            "language": "und",
            "toxicity": 0.7,
            "insult": 0.6,
            "identity_attack": 0.85,
            "score_evidence": "not json",
            "attack_type": "dehumanization",
            "target_groups": "kandas",
            "slur_terms": "cockroaches",
            "identity_severity": 0.95,
            "identity_spans": json.dumps(
                [span(COCKROACHES, "cockroaches", category="dehumanization", group="kandas")]
            ),
            "identity_explanation": "dehumanization: 'cockroaches' attached to group 'kandas'",
            "action": "remove",
            "priority": 0.97,
            "reasons": "dehumanization of kandas",
        },
        {
            "comment_id": "q1",
            "position": 5,
            "parent_id": None,
            "author": "ministry",
            "text": "Quoted official post.",
            "glosses": "",
            "kind": "quoted_post",
            "language": "en",
            "toxicity": 0.05,
            "insult": 0.02,
            "identity_attack": 0.01,
            "score_evidence": "",
            "attack_type": "",
            "target_groups": "",
            "slur_terms": "",
            "identity_severity": 0.0,
            "identity_spans": "[]",
            "identity_explanation": "",
            # Posts the article quotes are counted, never queued.
            "action": "review",
            "priority": 0.99,
            "reasons": "toxicity 0.05",
        },
    ]
    frame = pd.DataFrame(rows)
    frame.insert(0, "article_id", "demo-article")
    frame["posted_at"] = None
    frame["source"] = "demo.txt"
    frame["language_confidence"] = 0.99
    frame["model"] = "moderator-lite"
    frame["truncated"] = False
    frame["low_confidence_language"] = False
    frame["sexual_explicit"] = NAN  # a label the model lacks: missing, not zero
    return frame


def synthetic_run():
    return {
        "tool_version": "0.1.0",
        "created_at": "2026-01-01T00:00:00+00:00",
        "inputs": [{"path": "demo.txt", "sha256": "ab" * 32, "format": "text"}],
        "articles": [
            {
                "article_id": "demo-article",
                "outlet": "Demo <i>Outlet</i>",
                "section": "News",
                "title": "Returnees <script>alert(1)</script>",
                "byline": "",
                "dateline": "Almaty",
                "body": "",
                "declared_comment_count": 5,
                "parsed_comment_count": 4,
                "count_mismatch": True,
            }
        ],
        "models": [{"name": "moderator-lite", "version": "1", "labels": ["toxicity", "insult"]}],
        "lexicon": {"version": "abc123", "files": ["en.csv"]},
        "policy": {"name": "default", "path": "default.toml", "sha256": "cd" * 32},
        "settings": {"long_text": "truncate"},
    }


def test_counts_by_action_label_group_and_language():
    counts = build_summary(synthetic_decided(), synthetic_run())["counts"]
    assert counts["rows"] == 5
    assert counts["comments"] == 4
    assert counts["quoted_posts"] == 1
    assert counts["by_action"] == {"remove": 2, "review": 1, "approve": 1}
    assert counts["by_label"] == {"toxicity": 3, "insult": 2, "identity_attack": 2}
    assert counts["by_target_group"] == {"kandas": 1, "russians": 1}
    assert counts["by_attack_type"] == {"dehumanization": 2}
    assert counts["by_language"] == {"en": 3, "und": 1}


def test_absent_label_is_left_out_not_zero():
    summary = build_summary(synthetic_decided(), synthetic_run())
    assert summary["labels"] == ["toxicity", "insult", "identity_attack"]
    assert "sexual_explicit" not in summary["label_statistics"]


def test_label_statistics():
    toxicity = build_summary(synthetic_decided(), synthetic_run())["label_statistics"]["toxicity"]
    assert toxicity["scored"] == 4
    assert toxicity["max"] == 0.91
    assert toxicity["median"] == 0.625
    assert toxicity["mean"] == 0.545
    assert toxicity["at_or_above_flag"] == 3
    assert toxicity["histogram"]["counts"] == [1, 0, 0, 0, 0, 1, 0, 1, 0, 1]
    assert len(toxicity["histogram"]["edges"]) == 11


def test_group_targeting_table():
    groups = build_summary(synthetic_decided(), synthetic_run())["group_targeting"]
    assert [entry["group"] for entry in groups] == ["kandas", "russians"]
    russians = groups[1]
    assert russians["comments"] == 1
    assert russians["by_action"] == {"remove": 1, "review": 0, "approve": 0}
    assert russians["by_attack_type"] == {"dehumanization": 1}
    assert russians["terms"] == {"Russian": 1, "monkeys": 1}
    assert russians["max_severity"] == 0.9


def test_thread_escalations_name_who_escalates_after_whom():
    thread = build_summary(synthetic_decided(), synthetic_run())["thread"]
    assert [point["comment_id"] for point in thread["points"]] == ["c1", "c2", "c3", "c4"]
    assert [point["hostility"] for point in thread["points"]] == [0.02, 0.91, 0.55, 0.95]
    pairs = [
        (e["from"]["comment_id"], e["to"]["comment_id"], e["relation"], e["rise"])
        for e in thread["escalations"]
    ]
    # c3 answers c2 and is calmer than it; c4 follows c3 and is much more hostile.
    assert pairs == [("c1", "c2", "next", 0.89), ("c3", "c4", "next", 0.4)]
    assert thread["escalations_by_author"] == {"(anonymous)": 1, "bob <b>bold</b>": 1}
    assert thread["hostile_comments"] == 3
    assert thread["first_hostile_position"] == 2
    assert thread["replies"] == {"comments": 1, "mean_rise_over_parent": -0.36, "escalations": 0}
    assert [
        (part["first_position"], part["mean_hostility"], part["escalations"])
        for part in thread["segments"]
    ] == [(1, 0.02, 0), (2, 0.91, 1), (3, 0.55, 0), (4, 0.95, 1)]


def test_reply_is_compared_with_its_parent():
    decided = synthetic_decided()
    decided.loc[decided["comment_id"] == "c3", "toxicity"] = 0.3
    decided.loc[decided["comment_id"] == "c4", ["parent_id", "toxicity"]] = ["c1", 0.7]
    escalations = build_summary(decided, synthetic_run())["thread"]["escalations"]
    assert [
        (e["from"]["comment_id"], e["to"]["comment_id"], e["relation"]) for e in escalations
    ] == [
        ("c1", "c2", "next"),
        ("c1", "c4", "reply"),
    ]


def test_declared_versus_parsed_counts():
    counts = build_summary(synthetic_decided(), synthetic_run())["comment_counts"]
    assert counts == [
        {
            "article_id": "demo-article",
            "title": "Returnees <script>alert(1)</script>",
            "declared": 5,
            "parsed": 4,
            "in_table": 4,
            "mismatch": True,
        }
    ]


def test_queue_top_is_ordered_by_priority_without_quoted_posts():
    queue = build_summary(synthetic_decided(), synthetic_run())["queue"]
    assert [(item["comment_id"], item["action"]) for item in queue] == [
        ("c4", "remove"),
        ("c2", "remove"),
        ("c3", "review"),
    ]


def test_summary_is_json_and_deterministic():
    run = synthetic_run()
    first = json.dumps(build_summary(synthetic_decided(), run), sort_keys=True, allow_nan=False)
    shuffled = synthetic_decided().sample(frac=1, random_state=3).reset_index(drop=True)
    second = json.dumps(build_summary(synthetic_decided(), run), sort_keys=True, allow_nan=False)
    assert first == second
    assert json.loads(first)["run"] == run
    # Row order of the table does not change the thread analysis (it follows positions).
    thread = build_summary(shuffled, run)["thread"]
    assert [point["position"] for point in thread["points"]] == [1, 2, 3, 4]


def test_hostility_is_the_highest_score_or_severity():
    assert hostility_of(synthetic_decided()).round(4).tolist() == [0.02, 0.91, 0.55, 0.95, 0.05]


def test_empty_table_gives_empty_figures():
    summary = build_summary(synthetic_decided().head(0), synthetic_run())
    assert summary["counts"]["by_action"] == {"remove": 0, "review": 0, "approve": 0}
    assert summary["thread"]["points"] == []
    assert summary["queue"] == []
    json.dumps(summary, allow_nan=False)


def test_run_record_becomes_plain_json():
    import numpy as np

    run = synthetic_run()
    run["articles"][0]["declared_comment_count"] = np.int64(5)
    run["settings"]["batch_tokens"] = math.nan
    summary = build_summary(synthetic_decided(), run)
    record = json.loads(json.dumps(summary, allow_nan=False))["run"]
    assert record["articles"][0]["declared_comment_count"] == 5
    assert record["settings"]["batch_tokens"] is None


def test_scores_stored_as_text_or_objects_are_read_as_numbers():
    decided = synthetic_decided()
    decided["toxicity"] = decided["toxicity"].astype(object)
    decided.loc[0, "toxicity"] = None
    counts = build_summary(decided, synthetic_run())["counts"]
    assert counts["by_label"]["toxicity"] == 3
