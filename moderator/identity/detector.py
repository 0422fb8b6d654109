"""The identity-attack detector over many texts, as a table aligned with the comments."""

import json

from moderator.errors import InputError
from moderator.identity.lexicon import load_lexicon
from moderator.identity.matcher import ATTACK_RANK, find_hits
from moderator.table import LIST_SEPARATOR

COLUMNS = (
    "attack_type",
    "target_groups",
    "slur_terms",
    "identity_severity",
    "identity_spans",
    "identity_explanation",
)
_SPAN_KEYS = ("start", "end", "category", "term", "group")
# What json.dumps(spans, ensure_ascii=False) writes, without building an encoder per row.
_spans_json = json.JSONEncoder(ensure_ascii=False).encode


class IdentityDetector:
    """Loads the lexicons once; `detect(texts)` returns one row of COLUMNS per text."""

    def __init__(self, lexicons=None):
        self.lexicon = load_lexicon(lexicons)

    @property
    def lexicon_version(self):
        return self.lexicon.version

    def check(self, text):
        """The finding for one text, as a dict of COLUMNS (spans as a list, not JSON)."""
        text = text if isinstance(text, str) else ""
        hits, normalized = find_hits(text, self.lexicon)
        return _finding(hits, normalized, text)

    def detect(self, texts):
        """One row per text. A DataFrame with a `text` column is read from that column only,
        so translator glosses and other columns are never scanned."""
        import pandas as pd

        if isinstance(texts, pd.DataFrame):
            if "text" not in texts.columns:
                raise InputError("the comments table has no 'text' column")
            texts = texts["text"]
        index = texts.index if isinstance(texts, pd.Series) else None
        findings = []
        for text in texts:
            text = text if isinstance(text, str) else ""
            hits, normalized = find_hits(text, self.lexicon)
            findings.append(_finding(hits, normalized, text) if hits else _NO_FINDING)
        columns = {name: [finding[name] for finding in findings] for name in COLUMNS}
        columns["identity_spans"] = [
            _spans_json(spans) if spans else "[]" for spans in columns["identity_spans"]
        ]
        return pd.DataFrame(
            {
                name: pd.Series(
                    values, index=index, dtype=float if name == "identity_severity" else "str"
                )
                for name, values in columns.items()
            },
            index=index,
        )


_NO_FINDING = {
    "attack_type": "",
    "target_groups": "",
    "slur_terms": "",
    "identity_severity": 0.0,
    "identity_spans": [],
    "identity_explanation": "",
}


def _finding(hits, normalized, text):
    if not hits:
        return dict(_NO_FINDING, identity_spans=[])
    worst = max(hits, key=lambda hit: (hit.severity, ATTACK_RANK[hit.attack_type]))
    # dicts as ordered sets: a long comment can hold thousands of hits
    groups, terms, spans, explanations = {}, {}, {}, {}
    for hit in sorted(hits, key=lambda hit: hit.term_item.start):
        if hit.group and hit.attack_type != "personal_insult":
            groups.setdefault(hit.group)
        start, end = normalized.span(*hit.words)
        surface = text[start:end]
        terms.setdefault(surface)
        term = hit.term_item.term.term if hit.term_item.term is not None else surface
        spans.setdefault((start, end, hit.attack_type, term, hit.group))
        if hit.group_item is not None:
            group_start, group_end = normalized.span(hit.group_item.start, hit.group_item.end)
            group_term = hit.group_item.term.term
            spans.setdefault((group_start, group_end, "group_term", group_term, hit.group))
        explanations.setdefault(hit.explanation)
    return {
        "attack_type": worst.attack_type,
        "target_groups": LIST_SEPARATOR.join(groups),
        "slur_terms": LIST_SEPARATOR.join(terms),
        "identity_severity": round(worst.severity, 3),
        "identity_spans": [
            dict(zip(_SPAN_KEYS, span, strict=True))
            for span in sorted(spans, key=lambda span: span[:2])
        ],
        "identity_explanation": "; ".join(explanations),
    }


def detect_identity_attacks(texts, lexicons=None):
    """Detect slurs, dehumanization, hostile generalizations and personal insults in `texts`."""
    return IdentityDetector(lexicons).detect(texts)
