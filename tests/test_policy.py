import json

import pandas as pd
import pytest

from moderator.errors import ConfigError
from moderator.policy import decide, load_policy


def scored_row(
    position, text="", attack_type="", groups="", terms="", severity=0.0, spans=(), **labels
):
    row = {
        "article_id": "article",
        "comment_id": f"c{position}",
        "position": position,
        "parent_id": "",
        "text": text,
        "attack_type": attack_type,
        "target_groups": groups,
        "slur_terms": terms,
        "identity_severity": severity,
        "identity_spans": json.dumps([located(item, text) for item in spans]),
    }
    return row | labels


def span(category, term, group, start=None, end=None):
    item = {"category": category, "term": term, "group": group}
    return item if start is None else item | {"start": start, "end": end}


def located(item, text):
    """A span at its term's place in `text` unless it has one; none where the text lacks it."""
    start = text.find(item["term"])
    if "start" in item or start < 0:
        return item
    return item | {"start": start, "end": start + len(item["term"])}


def frame(*rows):
    return pd.DataFrame(list(rows))


LOW = {"toxicity": 0.02, "insult": 0.01, "identity_attack": 0.01, "threat": 0.0}


def test_default_policy_loads_with_its_name_and_hash():
    policy = load_policy()
    assert policy.name == "default"
    assert policy.path == "moderator/policy/default.toml"
    assert len(policy.sha256) == 64
    assert policy.thresholds["toxicity"] == 0.75
    assert policy.identity_actions["dehumanization"] == "remove"


def test_benign_comment_is_approved_without_reasons():
    decided = decide(frame(scored_row(1, "Welcome to our kandastar.", **LOW)))
    assert decided.loc[0, "action"] == "approve"
    assert decided.loc[0, "reasons"] == ""


def test_dehumanization_of_a_group_is_removed_with_plain_reasons():
    row = scored_row(
        7,
        "What do Russian monkeys have to do with it?",
        attack_type="dehumanization",
        groups="russians",
        terms="monkeys",
        severity=0.9,
        spans=[
            span("group_term", "Russian", "russians"),
            span("dehumanization", "monkey", "russians", 16, 23),
        ],
        toxicity=0.8,
        insult=0.91,
        identity_attack=0.6,
        threat=0.01,
    )
    decided = decide(frame(row))
    assert decided.loc[0, "action"] == "remove"
    assert decided.loc[0, "reasons"] == (
        "identity attack: dehumanization of russians ('monkeys'); insult 0.91; toxicity 0.80; "
        "identity_attack 0.60"
    )


def test_label_thresholds_decide_review_and_remove():
    rows = frame(
        scored_row(1, **(LOW | {"insult": 0.55})),
        scored_row(2, **(LOW | {"threat": 0.85})),
        scored_row(3, **(LOW | {"threat": 0.45})),
    )
    decided = decide(rows)
    assert list(decided["action"]) == ["review", "remove", "review"]
    assert list(decided["reasons"]) == ["insult 0.55", "threat 0.85", "threat 0.45"]


def test_generalization_and_personal_insult_go_to_review():
    rows = frame(
        scored_row(
            1,
            attack_type="generalization",
            groups="chinese",
            severity=0.5,
            spans=[span("generalization", "evil", "chinese")],
            toxicity=0.85,
        ),
        scored_row(
            2,
            attack_type="personal_insult",
            severity=0.4,
            spans=[span("personal_insult", "pig", "")],
            toxicity=0.9,
        ),
    )
    decided = decide(rows)
    assert list(decided["action"]) == ["review", "review"]
    assert decided.loc[0, "reasons"] == (
        "identity attack: generalization about chinese ('evil'); toxicity 0.85"
    )
    assert decided.loc[1, "reasons"] == "personal insult ('pig'); toxicity 0.90"


def test_disagreement_between_model_and_lexicon_is_kept_in_reasons():
    rows = frame(
        scored_row(1, **(LOW | {"identity_attack": 0.72})),
        scored_row(
            2,
            attack_type="slur",
            groups="russians",
            terms="shit-russian",
            severity=0.95,
            spans=[span("slur", "shit-russian", "russians")],
            **LOW,
        ),
    )
    decided = decide(rows)
    assert decided.loc[0, "action"] == "review"
    assert decided.loc[0, "reasons"] == (
        "model identity_attack 0.72 (no group term found by the lexicon)"
    )
    assert decided.loc[1, "action"] == "remove"
    assert decided.loc[1, "reasons"] == (
        "identity attack: slur against russians ('shit-russian'); "
        "model toxicity 0.02 (below review; found by the lexicon alone)"
    )


def test_summary_columns_are_used_when_spans_are_missing():
    row = scored_row(
        1, attack_type="slur", groups="russians|chinese", terms="x|y", severity=0.9, **LOW
    )
    row["identity_spans"] = ""
    decided = decide(frame(row))
    assert decided.loc[0, "action"] == "remove"
    assert decided.loc[0, "reasons"].startswith(
        "identity attack: slur against russians ('x', 'y'); "
        "identity attack: slur against chinese ('x', 'y')"
    )


def test_labels_the_model_lacks_are_skipped():
    # A model without `threat` or identity columns at all: decide must still work.
    rows = pd.DataFrame({"position": [1, 2], "toxicity": [0.1, 0.93]})
    decided = decide(rows)
    assert list(decided["action"]) == ["approve", "review"]
    assert decided.loc[1, "reasons"] == "toxicity 0.93"


def test_priority_puts_removals_first_then_scores_then_reach():
    rows = frame(
        scored_row(1, **(LOW | {"insult": 0.6})),
        scored_row(2, **(LOW | {"insult": 0.9})),
        scored_row(
            3,
            attack_type="dehumanization",
            groups="russians|kazakhs",
            severity=0.8,
            spans=[span("dehumanization", "swine", "russians")],
            **LOW,
        ),
        scored_row(4, **LOW),
    )
    decided = decide(rows)
    assert list(decided["priority"]) == [130.0, 145.0, 250.0, 1.0]


def test_replies_add_reach():
    rows = frame(scored_row(1, **(LOW | {"insult": 0.6})), scored_row(2, **LOW))
    rows.loc[1, "parent_id"] = "c1"
    decided = decide(rows)
    assert decided.loc[0, "priority"] == 132.0


def test_policy_override_changes_actions(tmp_path):
    strict = tmp_path / "strict.toml"
    strict.write_text(
        'name = "strict"\n[thresholds]\ninsult = { review = 0.2, remove = 0.5 }\n'
        '[identity]\npersonal_insult = "remove"\n'
    )
    rows = frame(
        scored_row(1, **(LOW | {"insult": 0.6})),
        scored_row(2, attack_type="personal_insult", severity=0.3, **LOW),
    )
    decided = decide(rows, strict)
    assert list(decided["action"]) == ["remove", "remove"]
    # Labels the strict policy does not mention take no part in its decisions.
    assert decide(frame(scored_row(1, **(LOW | {"toxicity": 0.99}))), strict).loc[0, "action"] == (
        "approve"
    )


def test_min_severity_ignores_weak_detections(tmp_path):
    policy = tmp_path / "p.toml"
    policy.write_text('name = "p"\n[identity]\nslur = "remove"\nmin_severity = 0.5\n')
    rows = frame(
        scored_row(1, attack_type="slur", severity=0.4, **LOW),
        scored_row(2, attack_type="slur", severity=0.6, **LOW),
    )
    assert list(decide(rows, policy)["action"]) == ["approve", "remove"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'name = "p"\n[thresholds]\nrudeness = { review = 0.5 }\n',
            "thresholds.rudeness: unknown label",
        ),
        (
            'name = "p"\n[thresholds]\ninsult = { review = 1.5 }\n',
            "thresholds.insult.review: must be",
        ),
        ('name = "p"\n[thresholds]\ninsult = { review = -0.1 }\n', "must not be negative"),
        ('name = "p"\n[thresholds]\ninsult = { review = "high" }\n', "expected a number"),
        (
            'name = "p"\n[thresholds]\ninsult = { review = 0.9, remove = 0.5 }\n',
            "thresholds.insult: the review threshold is above the remove threshold",
        ),
        (
            'name = "p"\n[thresholds]\ninsult = { flag = 0.5 }\n',
            "thresholds.insult.flag: unknown key",
        ),
        ('name = "p"\n[identity]\nslur = "ban"\n', "identity.slur: unknown action 'ban'"),
        ('name = "p"\n[identity]\nmockery = "review"\n', "identity.mockery: unknown key"),
        ('name = "p"\n[rules]\n', "rules: unknown key"),
        ("[thresholds]\n", "name: missing"),
        ('name = "p"\n[thresholds\n', "is not valid TOML"),
        (
            'name = "p"\n[priority]\naction = { remove = 1, review = 5 }\n',
            "priority.action: weights must not decrease",
        ),
    ],
)
def test_bad_policies_are_rejected_naming_file_and_key(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_policy(path)
    assert str(caught.value).startswith(f"policy {path}: ") or "is not valid TOML" in str(
        caught.value
    )
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_and_binary_policy_files(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_policy(tmp_path / "absent.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_policy(binary)


NEGATED = "Russians aren't stupid, and they never were."


def test_model_labels_are_set_aside_when_the_detector_reads_the_hostility_as_countered():
    countered = span("countered", "stupid", "russians")
    row = scored_row(1, NEGATED, spans=[countered], toxicity=0.98, insult=0.97, obscene=0.1)
    decided = decide(frame(row))
    assert decided.loc[0, "action"] == "approve"
    assert decided.loc[0, "reasons"] == (
        "model toxicity 0.98, insult 0.97 set aside: the lexicon reads 'stupid' as negated or "
        "condemned"
    )


def test_labels_outside_the_set_aside_list_still_count_on_countered_comments():
    countered = span("countered", "stupid", "russians")
    row = scored_row(1, NEGATED, spans=[countered], toxicity=0.98, obscene=0.9)
    decided = decide(frame(row))
    assert decided.loc[0, "action"] == "review"
    assert decided.loc[0, "reasons"].startswith("obscene 0.90; model toxicity 0.98 set aside")


def test_nothing_is_set_aside_without_countered_words_or_beside_an_attack():
    plain = scored_row(1, NEGATED, toxicity=0.98)
    text = "Russians aren't stupid, they are pigs."
    attacked = scored_row(
        2,
        text,
        attack_type="dehumanization",
        groups="russians",
        terms="pigs",
        severity=0.9,
        spans=[span("countered", "stupid", "russians"), span("dehumanization", "pigs", "russians")],
        toxicity=0.98,
    )
    decided = decide(frame(plain, attacked))
    assert list(decided["action"]) == ["review", "remove"]
    assert "set aside" not in " ".join(decided["reasons"])


def test_set_aside_list_must_name_known_labels(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('name = "x"\n[identity]\nset_aside_when_countered = ["rudeness"]\n')
    with pytest.raises(ConfigError, match=r"identity\.set_aside_when_countered: expected a list"):
        load_policy(path)
