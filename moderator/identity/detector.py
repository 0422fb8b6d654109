"""The identity-attack detector over many texts, as a table aligned with the comments."""

import json.encoder
from operator import attrgetter, itemgetter

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
# The category of a span whose hostile word the comment negates or condemns.
COUNTERED = "countered"
_quoted = json.encoder.encode_basestring  # a JSON string, as json.dumps(ensure_ascii=False)
_TERM_START = attrgetter("start")
_PLACE = itemgetter(0, 1)  # of a span: its start and end


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
        row = _finding(hits, normalized, text) if hits else _NO_FINDING
        finding = dict(zip(COLUMNS, row, strict=True))
        finding["identity_spans"] = [
            dict(zip(_SPAN_KEYS, span, strict=True)) for span in finding["identity_spans"]
        ]
        return finding

    def detect(self, texts):
        """One row per text. A DataFrame with a `text` column is read from that column only,
        so translator glosses and other columns are never scanned."""
        import pandas as pd

        if isinstance(texts, pd.DataFrame):
            if "text" not in texts.columns:
                raise InputError("the comments table has no 'text' column")
            texts = texts["text"]
        index = texts.index if isinstance(texts, pd.Series) else None
        rows = []
        for text in texts:
            text = text if isinstance(text, str) else ""
            hits, normalized = find_hits(text, self.lexicon)
            rows.append(_finding(hits, normalized, text) if hits else _NO_FINDING)
        columns = {name: [] for name in COLUMNS}
        if rows:
            columns = dict(zip(COLUMNS, map(list, zip(*rows, strict=True)), strict=True))
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


# A finding is a row of COLUMNS, its spans (start, end, category, term, group) tuples.
_NO_FINDING = ("", "", "", 0.0, (), "")


def _finding(hits, normalized, text):
    """The row of COLUMNS for a comment's hits. Countered ones (negated, condemned) are only
    spans, of category COUNTERED: they attack no one, but tell the policy that the comment's
    hostile words were read."""
    attacks = [hit for hit in hits if not hit.countered]
    countered = [
        (*normalized.span(*hit.words), COUNTERED, hit.term or "", hit.group)
        for hit in hits
        if hit.countered
    ]
    if not attacks:
        return ("", "", "", 0.0, sorted(set(countered), key=_PLACE), "")
    worst = max(attacks, key=_severity) if len(attacks) > 1 else attacks[0]
    # dicts as ordered sets: a long comment can hold thousands of hits
    groups, terms, spans, explanations = {}, {}, {}, {}
    for hit in sorted(attacks, key=_TERM_START) if len(attacks) > 1 else attacks:
        if hit.group and hit.attack_type != "personal_insult":
            groups.setdefault(hit.group)
        start, end = normalized.span(*hit.words)
        surface = text[start:end]
        terms.setdefault(surface)
        term = hit.term if hit.term is not None else surface
        spans.setdefault((start, end, hit.attack_type, term, hit.group))
        if hit.group_span is not None:
            group_start, group_end = normalized.span(*hit.group_span)
            spans.setdefault((group_start, group_end, "group_term", hit.group_term, hit.group))
        explanations.setdefault(hit.explanation)
    spans.update(dict.fromkeys(countered))
    return (
        worst.attack_type,
        LIST_SEPARATOR.join(groups),
        LIST_SEPARATOR.join(terms),
        round(worst.severity, 3),
        sorted(spans, key=_PLACE),
        "; ".join(explanations),
    )


def _severity(hit):
    return hit.severity, ATTACK_RANK[hit.attack_type]


def _spans_json(spans):
    """What json.dumps([dict(zip(_SPAN_KEYS, span)) ...], ensure_ascii=False) writes."""
    return "[" + ", ".join(_span_json(*span) for span in spans) + "]"


def _span_json(start, end, category, term, group):
    return (
        f'{{"start": {start}, "end": {end}, "category": {_quoted(category)}, '
        f'"term": {_quoted(term)}, "group": {_quoted(group)}}}'
    )


def detect_identity_attacks(texts, lexicons=None):
    """Detect slurs, dehumanization, hostile generalizations and personal insults in `texts`."""
    return IdentityDetector(lexicons).detect(texts)
