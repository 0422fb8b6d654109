"""Moderation policy: turn scores and identity-attack findings into remove / review / approve.

A policy is a TOML file (the shipped default is `default.toml` beside this module; its comments
document every key). `decide` adds three columns to a scored table: `action`, `priority` (higher
is more urgent) and `reasons` (plain words, "; "-joined, e.g. "identity attack: dehumanization of
russians ('monkeys'); insult 0.91").
"""

import hashlib
import json
import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from moderator.errors import ConfigError
from moderator.identity.detector import COUNTERED
from moderator.scoring.base import KNOWN_LABELS
from moderator.table import LIST_SEPARATOR

ACTIONS = ("remove", "review", "approve")  # most to least severe
ATTACK_TYPES = ("threat", "slur", "dehumanization", "generalization", "personal_insult")
DEFAULT_POLICY = "default.toml"

_ATTACK_WORDS = {
    "threat": "identity attack: threat against {group}",
    "slur": "identity attack: slur against {group}",
    "dehumanization": "identity attack: dehumanization of {group}",
    "generalization": "identity attack: generalization about {group}",
    "personal_insult": "personal insult targeting {group}",
}
_ATTACK_WORDS_NO_GROUP = {
    "threat": "identity attack: threat",
    "slur": "identity attack: slur",
    "dehumanization": "identity attack: dehumanization",
    "generalization": "identity attack: generalization",
    "personal_insult": "personal insult",
}


@dataclass(frozen=True)
class Policy:
    name: str
    path: str  # the file it came from; the shipped default as a package-relative path
    sha256: str  # of the file's bytes, so a report names exactly the policy it applied
    thresholds: dict  # label -> review threshold
    remove_thresholds: dict  # label -> remove threshold
    identity_actions: dict  # attack type -> action
    min_identity_severity: float
    set_aside_when_countered: tuple  # labels
    action_weights: dict  # action -> priority weight
    severity_weight: float
    target_group_weight: float
    reply_weight: float
    max_reach: float


def load_policy(path=None):
    """Read and validate a policy file; `None` loads the shipped default."""
    if path is None:
        data = resources.files(__package__).joinpath(DEFAULT_POLICY).read_bytes()
        label = f"moderator/policy/{DEFAULT_POLICY}"
    else:
        label = str(path)
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"cannot read policy {label}: no such file") from None
        except IsADirectoryError:
            raise ConfigError(f"cannot read policy {label}: it is a folder") from None
        except OSError as error:
            raise ConfigError(f"cannot read policy {label}: {error.strerror}") from None
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"policy {label} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"policy {label} is not valid TOML: {error}") from None
    return _build(table, label, hashlib.sha256(data).hexdigest())


def _build(table, label, sha256):
    def fail(key, problem):
        raise ConfigError(f"policy {label}: {key}: {problem}")

    _only(table, ("name", "thresholds", "identity", "priority"), "", fail)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        fail("name", 'missing (give the policy a name, e.g. name = "strict")')

    thresholds, remove_thresholds = {}, {}
    for key, levels in _table(table, "thresholds", fail).items():
        where = f"thresholds.{key}"
        if key not in KNOWN_LABELS:
            fail(where, f"unknown label (known: {', '.join(KNOWN_LABELS)})")
        if not isinstance(levels, dict):
            fail(where, "expected a table like { review = 0.5, remove = 0.9 }")
        _only(levels, ("review", "remove"), where + ".", fail)
        for level, target in (("review", thresholds), ("remove", remove_thresholds)):
            if level in levels:
                target[key] = _fraction(levels[level], f"{where}.{level}", fail)
        if thresholds.get(key, 0.0) > remove_thresholds.get(key, 1.0):
            fail(where, "the review threshold is above the remove threshold")

    identity = _table(table, "identity", fail)
    _only(identity, (*ATTACK_TYPES, "min_severity", "set_aside_when_countered"), "identity.", fail)
    identity_actions = {}
    for attack in ATTACK_TYPES:
        if attack in identity:
            identity_actions[attack] = _action(identity[attack], f"identity.{attack}", fail)
    min_severity = _fraction(identity.get("min_severity", 0.0), "identity.min_severity", fail)
    set_aside = identity.get("set_aside_when_countered", [])
    if not isinstance(set_aside, list) or not all(label in KNOWN_LABELS for label in set_aside):
        fail(
            "identity.set_aside_when_countered",
            f"expected a list of labels (known: {', '.join(KNOWN_LABELS)})",
        )

    priority = _table(table, "priority", fail)
    _only(priority, ("action", "severity", "target_group", "reply", "max_reach"), "priority.", fail)
    weights = priority.get("action", {"remove": 200, "review": 100, "approve": 0})
    if not isinstance(weights, dict):
        fail("priority.action", "expected a table like { remove = 200, review = 100, approve = 0 }")
    _only(weights, ACTIONS, "priority.action.", fail)
    action_weights = {
        action: _number(weights.get(action, 0), f"priority.action.{action}", fail)
        for action in ACTIONS
    }
    if not action_weights["remove"] >= action_weights["review"] >= action_weights["approve"]:
        fail("priority.action", "weights must not decrease from approve to review to remove")

    return Policy(
        name=name.strip(),
        path=label,
        sha256=sha256,
        thresholds=thresholds,
        remove_thresholds=remove_thresholds,
        identity_actions=identity_actions,
        min_identity_severity=min_severity,
        set_aside_when_countered=tuple(set_aside),
        action_weights=action_weights,
        severity_weight=_number(priority.get("severity", 50), "priority.severity", fail),
        target_group_weight=_number(priority.get("target_group", 5), "priority.target_group", fail),
        reply_weight=_number(priority.get("reply", 2), "priority.reply", fail),
        max_reach=_number(priority.get("max_reach", 20), "priority.max_reach", fail),
    )


def _only(table, allowed, prefix, fail):
    for key in table:
        if key not in allowed:
            fail(prefix + key, f"unknown key (expected one of: {', '.join(allowed)})")


def _table(table, key, fail):
    value = table.get(key, {})
    if not isinstance(value, dict):
        fail(key, "expected a table")
    return value


def _number(value, key, fail):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        fail(key, f"expected a number, got {value!r}")
    if value < 0:
        fail(key, f"must not be negative, got {value!r}")
    return float(value)


def _fraction(value, key, fail):
    value = _number(value, key, fail)
    if value > 1:
        fail(key, f"must be between 0 and 1, got {value!r}")
    return value


def _action(value, key, fail):
    if value not in ACTIONS:
        fail(key, f"unknown action {value!r} (use one of: {', '.join(ACTIONS)})")
    return value


def decide(scored, policy=None):
    """Return a copy of `scored` with `action`, `priority` and `reasons` added.

    `scored` has the label columns of moderator.scoring.score (absent labels are skipped) and,
    when identity detection ran, attack_type, target_groups, slur_terms, identity_severity and
    identity_spans. `policy` is a Policy, a path to a policy file, or None for the default.
    """
    if not isinstance(policy, Policy):
        policy = load_policy(policy)
    decided = scored.copy()
    replies = _reply_counts(decided)
    rows = decided.to_dict("records")
    outcomes = [_decide_one(row, policy, replies) for row in rows]
    decided["action"] = [outcome[0] for outcome in outcomes]
    decided["priority"] = [outcome[1] for outcome in outcomes]
    decided["reasons"] = [outcome[2] for outcome in outcomes]
    return decided


_RANK = {action: index for index, action in enumerate(ACTIONS)}


def _decide_one(row, policy, replies):
    action = "approve"
    reasons = []

    def escalate(to):
        nonlocal action
        if _RANK[to] < _RANK[action]:
            action = to

    findings = _identity_findings(row, policy)
    for attack, group_terms in findings.items():
        escalate(policy.identity_actions[attack])
        for group, terms in group_terms.items():
            words = _ATTACK_WORDS[attack].format(group=group) if group else None
            words = words or _ATTACK_WORDS_NO_GROUP[attack]
            quoted = ", ".join(f"'{term}'" for term in terms)
            reasons.append(f"{words} ({quoted})" if quoted else words)

    scores = {label: _score(row, label) for label in KNOWN_LABELS}
    scores = {label: value for label, value in scores.items() if value is not None}
    countered = [] if findings else _countered_terms(row)
    triggered, set_aside = [], []
    for label, value in scores.items():
        reached = value >= min(
            policy.thresholds.get(label, 2.0), policy.remove_thresholds.get(label, 2.0)
        )
        if countered and reached and label in policy.set_aside_when_countered:
            set_aside.append((label, value))
        elif label in policy.remove_thresholds and value >= policy.remove_thresholds[label]:
            escalate("remove")
            triggered.append((label, value))
        elif label in policy.thresholds and value >= policy.thresholds[label]:
            escalate("review")
            triggered.append((label, value))
    lexicon_groups = _groups(row)
    for label, value in sorted(triggered, key=lambda item: (-item[1], item[0])):
        if label == "identity_attack" and not lexicon_groups:
            # The model and the lexicon disagree: show both, the moderator judges.
            reasons.append(f"model {label} {value:.2f} (no group term found by the lexicon)")
        else:
            reasons.append(f"{label} {value:.2f}")
    if set_aside:
        # The model reads words, the lexicon reads what is said of them: a bag of words cannot
        # tell "Russians aren't stupid" from "Russians are stupid".
        labels = ", ".join(f"{label} {value:.2f}" for label, value in set_aside)
        quoted = ", ".join(f"'{term}'" for term in countered)
        reasons.append(
            f"model {labels} set aside: the lexicon reads {quoted} as negated or condemned"
        )
    if findings and scores and not triggered:
        label = "toxicity" if "toxicity" in scores else max(scores, key=scores.get)
        reasons.append(
            f"model {label} {scores[label]:.2f} (below review; found by the lexicon alone)"
        )

    severity = _severity(row) if findings else 0.0
    strongest = max([severity, *scores.values()], default=0.0)
    reach = len(lexicon_groups) * policy.target_group_weight
    reply_key = (_text(row.get("article_id")), _text(row.get("comment_id")))
    reach += replies.get(reply_key, 0) * policy.reply_weight
    priority = (
        policy.action_weights[action]
        + policy.severity_weight * strongest
        + min(policy.max_reach, reach)
    )
    shown = action != "approve" or set_aside
    return action, round(priority, 3), "; ".join(reasons) if shown else ""


def _identity_findings(row, policy):
    """attack type -> {group or "" -> [terms]} for the detections the policy acts on."""
    attack_type = _text(row.get("attack_type"))
    if not attack_type or _severity(row) < policy.min_identity_severity:
        return {}
    findings = {}
    for span in _spans(row):
        category = span.get("category")
        if category in policy.identity_actions:
            terms = findings.setdefault(category, {}).setdefault(_text(span.get("group")), [])
            term = _surface(row, span)
            if term and term not in terms:
                terms.append(term)
    if not findings and attack_type in policy.identity_actions:
        # No span detail: fall back to the row's summary columns.
        groups = _groups(row) or [""]
        terms = [term for term in _text(row.get("slur_terms")).split(LIST_SEPARATOR) if term]
        findings[attack_type] = {group: terms for group in groups}
    order = {attack: index for index, attack in enumerate(ATTACK_TYPES)}
    return {attack: findings[attack] for attack in sorted(findings, key=order.get)}


def _countered_terms(row):
    """The words of a comment that the identity detector read as negated or condemned hostility
    aimed at a group."""
    terms = []
    for span in _spans(row):
        if span.get("category") == COUNTERED:
            term = _surface(row, span)
            if term and term not in terms:
                terms.append(term)
    return terms


def _surface(row, span):
    """The words as the comment wrote them ('monkeys'), else the lexicon's term ('monkey')."""
    text, start, end = _text(row.get("text")), span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return _text(span.get("term"))


def _spans(row):
    text = _text(row.get("identity_spans"))
    if not text:
        return []
    try:
        spans = json.loads(text)
    except json.JSONDecodeError:
        return []
    return [span for span in spans if isinstance(span, dict)]


def _groups(row):
    return [group for group in _text(row.get("target_groups")).split(LIST_SEPARATOR) if group]


def _severity(row):
    value = _score(row, "identity_severity")
    return 0.0 if value is None else value


def _score(row, column):
    value = row.get(column)
    if _missing(value) or isinstance(value, str):
        return None
    return float(value)


def _text(value):
    return "" if _missing(value) else str(value)


def _missing(value):
    if value is None:
        return True
    if isinstance(value, float):  # numpy floats too
        return math.isnan(value)
    if isinstance(value, str | int):
        return False
    import pandas as pd

    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _reply_counts(frame):
    """(article_id, comment_id) -> number of direct replies: a comment's reach."""
    if "parent_id" not in frame.columns:
        return {}
    articles = frame["article_id"] if "article_id" in frame.columns else [""] * len(frame)
    counts = {}
    for article, parent in zip(articles, frame["parent_id"], strict=True):
        key = (_text(article), _text(parent))
        if key[1]:
            counts[key] = counts.get(key, 0) + 1
    return counts
