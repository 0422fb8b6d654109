"""Find identity attacks in one text: lexicon words first, then small rules over their order.

The text is split into words, and most comments stop there: none of their words can be a target
or is hostile (set look-ups, what each word is being remembered across comments). Otherwise the
few words that matter (group names, slurs, dehumanizing and hostile words, and cue words such as
"not", "you", "they") are located by plain string searches, with their word positions and
sentences; a comment whose hostile words and targets are in different sentences stops there.
The rules then decide, per hostile word, whom it is aimed at:

1. a group named next to it ("Russian monkeys", "dirty Russians", "орыс шошқа"), or reached
   through transparent words only: "are", "very", "like", "a", "not", other hostile words
   ("The Chinese are very insolent", "filthy, dim-witted oralman");
2. a demonstrative right before it ("these scoundrels"): the group the comment is talking about;
3. otherwise the nearest group, "they" (resolved to the group named earlier) or "you" (the group
   addressed as "you Kazakhs", else a personal insult) reached the same way ("you are all
   Nazis", "you sheep"), or anywhere before a simile ("Oralman don't want to work, but just breed
   like cockroaches"), or right after it ("one pig - you").

Any other word in between breaks the link, so animals stay animals: "Russians love dogs",
"did you walk the dog?".

"Not human" framings ("are not people", "не люди", "адам емес") attack the nearest group in the
same way. Counter-speech ("calling Russians pigs is disgusting", "don't call ...") cancels the
hits of its sentence; reported speech ("he said ...") halves their severity.
"""

import gc
from itertools import compress, count

from moderator.identity.lexicon import DISGUISED, HOSTILE, item_facts
from moderator.identity.normalize import normalize, outline, repair_words

# Attack types from most to least severe: of two hits equally severe, the higher one names the
# comment's attack.
ATTACK_RANK = {"slur": 4, "dehumanization": 3, "generalization": 2, "personal_insult": 1}
# Severity of "X are not people"; of dehumanizing a group the comment does not name ("they
# breed like cockroaches"); of an insult aimed at a person or an unnamed "they"; of hits in
# reported speech.
NOT_HUMAN_SEVERITY = 0.95
UNNAMED_GROUP_FACTOR = 0.6
PERSONAL_FACTOR = 0.5
REPORTED_FACTOR = 0.5
# A hyphenated insult and group name ("Shit-Russian") is a coined slur at least this severe.
COMPOUND_SLUR_SEVERITY = 0.8

# A comment this long (in characters) can make hundreds of thousands of items and hits: objects
# without reference cycles, which the cycle collector would traverse again and again (a third of
# the time for 1 MB of insults). The collector is paused while such a comment is matched; being a
# process-wide switch, it is left alone for ordinary comments.
_LONG_COMMENT = 100_000

_HYPHENS = ("-", "‐", "‑")
_NO_HITS = ((), None)


class Item:
    """One lexicon word in the text (or several, for a multi-word term). The rules number the
    items and link each to its neighbours by number (_Rules._link_neighbours): items never refer
    to each other, so that a comment's items are freed with it, without the cycle collector."""

    __slots__ = (
        "category",
        "comma_after",
        "end",
        "first_in_sentence",
        "group",
        "group_after",
        "group_before",
        "hyphen_before",
        "index",
        "is_group",
        "multi",
        "named_before",
        "negated",
        "negation_earlier",
        "position",
        "referent_after",
        "referent_before",
        "role",
        "run_start",
        "sentence",
        "simile_before",
        "start",
        "term",
        "topic",
        "transparent",
        "words",
    )

    def __init__(self, start, end, position, sentence, first_in_sentence, facts):
        """`facts`: lexicon.item_facts(), as Lexicon.relevant holds them for a word. A denied
        group ("not Kazakhs") becomes transparent once negated."""
        self.start = start
        self.end = end
        self.position = position
        self.sentence = sentence
        self.first_in_sentence = first_in_sentence
        (
            self.term,
            self.role,
            self.multi,
            self.category,
            self.group,
            self.is_group,
            self.transparent,
        ) = facts
        self.words = 1
        self.negated = False
        self.comma_after = False
        self.hyphen_before = False


class Hit:
    """An attack on a group (or a person), found at a hostile word (the term item) and, when the
    group is named, at the group's name (the group item). It keeps what the table needs of the
    items rather than the items, so that a comment's items go with the comment."""

    __slots__ = (  # no __dict__: a long comment can hold 100,000 hits
        "attack_type",
        "end",
        "explanation",
        "group",
        "group_span",
        "group_term",
        "sentence",
        "severity",
        "span",
        "start",
        "term",
    )

    def __init__(self, attack_type, group, severity, term_item, group_item, explanation, span=None):
        self.attack_type = attack_type
        self.group = group
        self.severity = severity
        self.explanation = explanation
        # The words the hit is about, in normalized offsets, when more than the term ("not
        # people").
        self.span = span
        self.start = term_item.start
        self.end = term_item.end
        self.sentence = term_item.sentence
        self.term = term_item.term.term if term_item.term is not None else None
        self.group_span = self.group_term = None
        if group_item is not None:
            self.group_span = (group_item.start, group_item.end)
            self.group_term = group_item.term.term

    @property
    def words(self):
        return self.span or (self.start, self.end)


def find_hits(text, lexicon):
    """The attack hits in `text`, with spans into the normalized text, and the normalized text;
    for the many comments without a hit, one shared ((), None), so that nothing is kept of them."""
    if len(text) <= _LONG_COMMENT or not gc.isenabled():
        return _find_hits(text, lexicon)
    gc.disable()
    try:
        return _find_hits(text, lexicon)
    finally:
        gc.enable()


def _find_hits(text, lexicon):
    normalized, words = normalize(text, lexicon)
    found = lexicon.scan(words)
    if found == DISGUISED and normalized.starts is None:  # else the slow path repaired them
        # A repair keeps the word a word: the words of the repaired text are these, and the text
        # is only rebuilt when they can make a hit.
        words = list(map(lexicon.disguised.get, words, words))
        found = lexicon.scan(words)
        if found == HOSTILE:
            normalized = repair_words(normalized, words)
    if found != HOSTILE:
        return _NO_HITS
    items = _items(normalized.text, words, lexicon)
    if not _may_hit(items):
        return _NO_HITS
    hits = _Rules(items, words, lexicon.filler, normalized, text).hits()
    return (hits, normalized) if hits else _NO_HITS


# (Sets: a role or category is looked up, not compared with each.)
_ATTACKING = frozenset(("dehumanizing", "hostile", "insult"))
_REFERENT_ROLES = frozenset(("they", "demonstrative", "you"))
# Items that can make a sentence counter-speech or reported speech ("not all", "he said").
_COUNTER_ROLES = frozenset(("all", "speech", "naming"))


def _items(text, words, lexicon):
    """The lexicon words of `text` (whose words, as scanned, are `words`) in order, with their
    sentence numbers and the punctuation between neighbours."""
    items = []
    cursor = 0
    sentence = 0
    previous = None
    multi_word = only_part = False
    relevant = lexicon.relevant
    sketch = outline(text)
    next_boundary = sketch.find(".")
    # Only the few lexicon words are looked up in the text, from where the last one ended; their
    # positions are picked at C speed (compress), as most words are not lexicon words.
    for position in compress(count(), map(relevant.__contains__, words)):
        word = words[position]
        start = sketch.find(word, cursor)
        end = start + len(word)
        # Mostly a space or a boundary on either side; else the next whole word is looked for.
        if (
            start < 0
            or (start and sketch[start - 1] not in " '.")
            or sketch[end : end + 1] not in " ."
        ):
            start = _find_word(sketch, word, cursor)
            if start < 0:  # cannot happen: every scanned word is in the text
                break
            end = start + len(word)
        last_boundary = -1
        if 0 <= next_boundary < start:  # a new sentence
            last_boundary = sketch.rfind(".", cursor, start)
            next_boundary = sketch.find(".", end)
            sentence += 1
        # The first word of its sentence: no word between the boundary (or the start) and it.
        first = (previous is None or last_boundary >= 0) and not sketch[
            last_boundary + 1 : start
        ].strip(" '")
        facts = relevant[word]
        item = Item(start, end, position, sentence, first, facts)
        if previous is not None and last_boundary < 0 and position == previous.position + 1:
            previous.comma_after = text.find(",", cursor, start) >= 0
            item.hyphen_before = text[cursor:start] in _HYPHENS
        if facts[2]:
            multi_word = True
        if facts[0] is None and not facts[1]:
            only_part = True
        items.append(item)
        previous = item
        cursor = end
    if multi_word:
        items = _join_multi_word(items, text)
    if only_part:  # words that only belong to a multi-word term
        items = [item for item in items if item.term is not None or item.role]
    return items


def _may_hit(items):
    """Whether a rule can fire: there is a slur, or a sentence holds both a hostile word (or a word
    like "people") and a possible target (a group, "you", "they", "these"). Every rule looks for
    the target within the hostile word's sentence, so most hostile comments end here."""
    attacking = set()
    targeted = set()
    for item in items:
        if item.category == "slur":
            return True
        if item.category in _ATTACKING or item.role == "human":
            attacking.add(item.sentence)
        if item.is_group or item.role in _REFERENT_ROLES:
            targeted.add(item.sentence)
    return not attacking.isdisjoint(targeted)


def _find_word(sketch, word, start):
    """Where `word` next stands as a whole word in the text (its outline: a word character is
    neither " ", "'" nor "."): not after a word character, and not before one or an apostrophe
    and one."""
    while True:
        found = sketch.find(word, start)
        if found < 0:
            return found
        end = found + len(word)
        if (found == 0 or sketch[found - 1] in " '.") and (
            end == len(sketch)
            or sketch[end] in " ."
            or (sketch[end] == "'" and (end + 1 == len(sketch) or sketch[end + 1] in " '."))
        ):
            return found
        start = found + 1


def _join_multi_word(items, text):
    """Items where consecutive words spell a multi-word term ("dim witted") become one."""
    joined = []
    index = 0
    while index < len(items):
        item = items[index]
        for term in item.multi:
            last = index + len(term.words) - 1
            if last < len(items) and _spells(items[index : last + 1], term, text):
                facts = item_facts(term, "")
                merged = Item(
                    item.start,
                    items[last].end,
                    item.position,
                    item.sentence,
                    item.first_in_sentence,
                    facts,
                )
                merged.words = len(term.words)
                merged.hyphen_before = item.hyphen_before
                merged.comma_after = items[last].comma_after
                joined.append(merged)
                index = last + 1
                break
        else:
            joined.append(item)
            index += 1
    return joined


def _spells(run, term, text):
    """Whether the items in `run` are the words of `term`, one after another in a sentence."""
    for offset, (item, word) in enumerate(zip(run, term.words, strict=True)):
        if offset and (item.position != run[offset - 1].position + 1):
            return False
        if offset and item.sentence != run[0].sentence:
            return False
        found = text[item.start : item.end]
        last = offset == len(term.words) - 1
        if not (found == word or (last and term.match == "prefix" and found.startswith(word))):
            return False
    return True


class _Rules:
    __slots__ = ("addressees", "filler", "items", "normalized", "text", "words")

    def __init__(self, items, words, filler, normalized, text):
        self.items = items
        self.words = words
        self.filler = filler
        self.normalized = normalized
        self.text = text
        self.addressees = []  # the groups the comment speaks to: "you Kazakhs", "Kazakhs, ..."
        self._link_neighbours()

    def surface(self, item):
        return self._surface_span(item.start, item.end)

    def _surface_span(self, start, end):
        if self.normalized.starts is not None:  # else the offsets are the original's
            start, end = self.normalized.span(start, end)
        return self.text[start:end]

    def _item(self, number):
        """The item of that number (a link of _link_neighbours), or None for None."""
        return None if number is None else self.items[number]

    @staticmethod
    def _gap(left, right):
        """Words between two items, or a large number when they are in different sentences."""
        if left.sentence != right.sentence:
            return 1 << 30
        return right.position - left.position - left.words

    def _link_neighbours(self):
        """One pass each way, so that every rule looks its neighbours up in constant time.

        Numbers the items and marks the negated ones ("not a pig", "not a human"; a group only
        right after the negation, "not Kazakhs", "не казахи", as "не люблю русских" negates the
        verb). Gives each item, by number (or None): the nearest group and referent (group, they,
        you) before and after it in its sentence; the nearest named group or country before it
        in its sentence (for "they"); the last negation earlier in its sentence; run_start, the
        first item from which it is reached through transparent words only (no other word
        between); simile_before, the last "like" before it; and the comment's topic (the group
        the previous sentences were about). Collects the addressees.
        """
        items = self.items
        last = len(items) - 1
        addressees = self.addressees
        group = referent = named = None
        negation = None
        settled = False
        topic = sentence_topic = ""
        sentence = -1
        simile = None
        previous = None
        filler = self.filler
        words = self.words
        for index, item in enumerate(items):
            item.index = index
            role = item.role
            is_group = item.is_group
            negated = False
            if previous is not None and previous.role == "negation":
                negated = self._gap(previous, item) <= (0 if is_group else 1)
            if not negated and index < last and items[index + 1].role == "negation_after":
                negated = self._gap(item, items[index + 1]) == 0
            if negated:
                item.negated = True
                item.is_group = is_group = False
                if item.category in ("group_term", "slur"):
                    item.transparent = True
            if is_group and item.group not in addressees:
                after_you = (
                    previous is not None
                    and previous.role == "you"
                    and self._gap(previous, item) == 0
                )
                if after_you or (item.first_in_sentence and item.comma_after):  # or vocative
                    addressees.append(item.group)
            if item.sentence != sentence:
                sentence = item.sentence
                group = referent = named = negation = simile = None
                settled = False
                sentence_topic = topic
                item.run_start = index
            else:
                # Linked to the previous item when only filler words ("are", "very", "a") stand
                # between them.
                after_previous = previous.position + previous.words
                if after_previous != item.position and not filler.issuperset(
                    words[after_previous : item.position]
                ):
                    item.run_start = index
                elif previous.transparent:
                    item.run_start = previous.run_start
                else:
                    item.run_start = index - 1
            previous = item
            item.simile_before = simile
            if role == "simile":
                simile = index
            item.group_before = group
            item.referent_before = referent
            item.named_before = named
            item.negation_earlier = negation
            item.topic = sentence_topic
            is_named = (is_group or item.category == "country") and not negated
            if not settled and (is_named or role in ("they", "demonstrative")):
                # The sentence's first referent is what it is about; "they" keeps the topic.
                settled = True
                topic = item.group if is_named else topic
            if is_group:
                group = referent = index
            elif role in _REFERENT_ROLES:
                referent = index
            if is_named:
                named = index
            if role == "negation":
                negation = index
        group = referent = None
        sentence = -1
        for item in reversed(items):
            if item.sentence != sentence:
                sentence = item.sentence
                group = referent = None
            item.group_after = group
            item.referent_after = referent
            if item.is_group:
                group = referent = item.index
            elif item.role in _REFERENT_ROLES:
                referent = item.index

    def _countered(self):
        """Sentences that condemn, deny or report what they quote, and the factor for their
        hits: "calling Russians pigs is disgusting", "not all Russians are pigs" (0), "he said
        Russians are pigs" (REPORTED_FACTOR)."""
        factors = {}
        items = self.items
        condemned = None  # the sentences that condemn, found when a quote needs them
        for index, item in enumerate(items):
            if item.role not in _COUNTER_ROLES:
                continue
            before = items[index - 1] if index else None
            if item.role == "all":
                if (
                    before is not None
                    and before.role == "negation"
                    and self._gap(before, item) == 0
                ):
                    factors[item.sentence] = 0.0
                continue
            forbids = (
                before is not None
                and before.role in ("stop", "negation")
                and before.first_in_sentence
                and self._gap(before, item) == 0
            )
            if condemned is None:
                condemned = {other.sentence for other in items if other.role == "condemnation"}
            if forbids or item.sentence in condemned:
                factors[item.sentence] = 0.0
            elif item.role == "speech":
                factors.setdefault(item.sentence, REPORTED_FACTOR)
        return factors

    def hits(self):
        hits = []
        for index, item in enumerate(self.items):
            category = item.category
            if category == "slur":
                hits.append(
                    Hit(
                        "slur",
                        item.group,
                        item.term.severity,
                        item,
                        None,
                        f"slur: '{self.surface(item)}' targets group '{item.group}'",
                    )
                )
            elif category in _ATTACKING and not item.negated:
                hits.extend(self._attached(index))
            elif item.role == "human" and self._not_human(index):
                hits.extend(self._not_human_hits(index))
        factors = self._countered()
        if not factors:  # no counter-speech or reported speech: every hit stands
            return hits
        kept = []
        for hit in hits:
            factor = factors.get(hit.sentence, 1.0)
            if factor == 0:
                continue
            if factor != 1:
                hit.severity *= factor
                hit.explanation += " (reported speech)"
            kept.append(hit)
        return kept

    def _not_human(self, index):
        items = self.items
        item = items[index]
        if item.negated:
            return True
        before = items[index - 1] if index else None
        return (
            before is not None
            and before.role == "as"
            and self._gap(before, item) == 0
            and before.negation_earlier is not None
        )

    def _not_human_hits(self, index):
        items = self.items
        item = items[index]
        referent = self._referent(index)
        if referent is None:
            return []
        start, end = item.start, item.end
        if index and items[index - 1].role == "negation":
            start = items[index - 1].start
        elif index and items[index - 1].role == "as":  # "don't think of them as people"
            start = items[items[index - 1].negation_earlier].start
        elif index + 1 < len(items) and items[index + 1].role == "negation_after":
            end = items[index + 1].end
        framing = self._surface_span(start, end)
        hits = self._aimed(item, referent, "dehumanization", NOT_HUMAN_SEVERITY, framing)
        for hit in hits:
            hit.span = (start, end)
        return hits

    def _attached(self, index):
        items = self.items
        item = items[index]
        kind = "dehumanization" if item.category == "dehumanizing" else "generalization"
        severity = item.term.severity
        group_item = self._adjacent_group(index)
        if group_item is not None:
            if item.category != "dehumanizing" and self._hyphenated(item, group_item):
                span = (min(item.start, group_item.start), max(item.end, group_item.end))
                surface = self._surface_span(*span)
                return [
                    Hit(
                        "slur",
                        group_item.group,
                        max(severity, COMPOUND_SLUR_SEVERITY),
                        item,
                        None,
                        f"slur: '{surface}' targets group '{group_item.group}'",
                        span,
                    )
                ]
            return [self._group_hit(kind, severity, item, group_item, "attached to")]
        before = items[index - 1] if index else None
        if before is not None and before.role == "demonstrative" and self._gap(before, item) == 0:
            return self._aimed(item, before, kind, severity, "")
        referent = self._referent(index)
        if referent is None:
            return []
        return self._aimed(item, referent, kind, severity, "")

    def _hyphenated(self, item, group_item):
        first, second = sorted((item, group_item), key=lambda found: found.start)
        return second.hyphen_before and self._gap(first, second) == 0

    def _reaches(self, earlier, later):
        """Whether only transparent words stand between two items of a sentence."""
        return earlier.index >= later.run_start

    def _adjacent_group(self, index):
        """The group a hostile word qualifies: the group name right after it ("dirty
        Russians"), else one it reaches through transparent words ("Chinese are very
        insolent", "filthy, dim-witted oralman")."""
        item = self.items[index]
        before, after = self._item(item.group_before), self._item(item.group_after)
        if after is not None and self._gap(item, after) == 0 and not item.comma_after:
            return after
        if before is not None and self._reaches(before, item):
            return before
        if after is not None and self._reaches(item, after):
            return after
        return None

    def _referent(self, index):
        """Whom a hostile word is said of: the nearest group, "they" or "you" before it that it
        reaches through transparent words ("you are all Nazis") or, after "like", anywhere
        before it in the sentence ("Oralman ... breed like cockroaches"); else one right after
        it ("one pig - you")."""
        item = self.items[index]
        before = self._item(item.referent_before)
        if before is not None:
            simile = self._item(item.simile_before)
            if self._reaches(before, item) or (
                simile is not None and simile.index > before.index and self._reaches(simile, item)
            ):
                return before
        after = self._item(item.referent_after)
        if after is not None and after.index == index + 1 and self._gap(item, after) == 0:
            return after
        return None

    def _resolve_they(self, pronoun):
        """The group "they" stands for: named earlier in its sentence, else the topic."""
        named = self._item(pronoun.named_before)
        return named.group if named is not None else pronoun.topic

    def _aimed(self, item, referent, kind, severity, framing):
        """Hits for a hostile word (or framing) aimed at a referent: a group, they, or you."""
        word = framing or self.surface(item)
        if referent.is_group:
            verb = "said of" if framing else "attached to"
            return [self._group_hit(kind, severity, item, referent, verb, word)]
        said = self.surface(referent)
        if referent.role == "you":
            if not self.addressees:
                return [
                    Hit(
                        "personal_insult",
                        "",
                        severity * PERSONAL_FACTOR,
                        item,
                        None,
                        f"personal_insult: '{word}' addressed to '{said}'",
                    )
                ]
            return [
                Hit(
                    kind,
                    group,
                    severity,
                    item,
                    None,
                    f"{kind}: '{word}' addressed to group '{group}' ('{said}')",
                )
                for group in self.addressees
            ]
        group = self._resolve_they(referent)
        if not group:
            # Dehumanizing an unnamed "they" is how group hatred often reads ("they breed like
            # cockroaches"); calling them stupid is an insult of whoever they are.
            if kind == "dehumanization":
                severity *= UNNAMED_GROUP_FACTOR
            else:
                kind, severity = "personal_insult", severity * PERSONAL_FACTOR
            explanation = f"{kind}: '{word}' said of '{said}' (group not named)"
            return [Hit(kind, "", severity, item, None, explanation)]
        explanation = f"{kind}: '{word}' said of '{said}' (group '{group}')"
        return [Hit(kind, group, severity, item, None, explanation)]

    def _group_hit(self, kind, severity, item, group_item, verb, word=None):
        word = word or self.surface(item)
        return Hit(
            kind,
            group_item.group,
            severity,
            item,
            group_item,
            f"{kind}: '{word}' {verb} group '{group_item.group}'",
        )
