"""Loading and validating the lexicons: terms, groups and the cue words the rules read.

The lexicons are CSV files inside the package (`moderator/identity/lexicons/`). A user adds or
overrides terms with lexicon files of the same schema; a user row with the same term and language
as a shipped row replaces it. Every row is checked on load, and a bad row is a ConfigError that
names the file and the line.
"""

import csv
import hashlib
import re
import sys
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources
from itertools import compress, count
from pathlib import Path

from moderator.errors import ConfigError
from moderator.identity.normalize import disguised_word, fold_word

TERM_COLUMNS = ("term", "language", "script", "group", "category", "severity", "match", "note")
GROUP_COLUMNS = ("id", "kind", "description")
CUE_COLUMNS = ("term", "language", "role", "match")

# What a term does when it is found (README, "Slurs, identity attacks and dehumanization").
CATEGORIES = (
    "slur",
    "dehumanizing",
    "hostile",
    "insult",
    "violent",
    "threat",
    "hate",
    "exclusion",
    "derogation",
    "group_term",
    "country",
    "safe",
)
# Categories that need a target group, and those that attack when attached to one.
GROUP_CATEGORIES = ("slur", "group_term", "country")
ATTACK_CATEGORIES = ("dehumanizing", "hostile", "insult")
# Categories that attack the group they are aimed at, when framed so (matcher, rule 4): a violent
# word ("kill") framed as intent, call or norm, or a threat by its own form ("убью", "бейте");
# hatred or distrust the speaker states, commands or calls for ("I hate", "Never trust");
# exclusion framed as a call or norm ("should go back"); derogation by its own form ("ненавижу",
# "валите", "X disgust me").
AIMED_CATEGORIES = ("violent", "threat", "hate", "exclusion", "derogation")
NEUTRAL = ("group_term", "country", "safe")
HOSTILE_CATEGORIES = ("slur", *ATTACK_CATEGORIES, *AIMED_CATEGORIES)
LANGUAGES = ("en", "ru", "kk", "any")
SCRIPTS = ("latin", "cyrillic")
MATCHES = ("exact", "prefix")
GROUP_KINDS = (
    "ethnicity",
    "nationality",
    "religion",
    "race",
    "gender",
    "sexual_orientation",
    "gender_identity",
    "disability",
    "migration_status",
)
# Cue words the counter-speech rules read around a hit, never placed: what calls a claim false
# ("myth", "ложь"; "true", "правда" when negated; after the claim also "so", "так": "это не
# так"), opinion verbs a negation takes back ("nobody thinks", "никто не считает"), words that
# approve of what is quoted or said ("right", "прав"), the relative words of those who say it
# ("people who say", "те, кто называет"), the words that open the claim ("that", "что") and
# those that open a clause calling it false ("that's a myth", "это неправда"); slurs (as their
# terms) with an everyday sense ("chink", "чурк"), and the words that show that sense ("wall",
# "дрова"); and "we", which a slur in apposition to names as the speakers ("Мы, москали, ...").
CONTEXT_ROLES = (
    "falsity",
    "truth",
    "truth_after",
    "opinion",
    "approval",
    "sayer",
    "clause",
    "anaphor",
    "homonym",
    "sense",
    "we",
)
CUE_ROLES = (
    "negation",
    "negation_after",
    "you",
    "they",
    "demonstrative",
    "human",
    "as",
    "speech",
    "quoting",
    "naming",
    "condemnation",
    "stop",
    "all",
    "copula",
    "simile",
    "intensifier",
    "article",
    "contrast",
    "relative",
    "first_person",
    "future",
    "modal",
    "denial",
    "infinitive",
    "boundary",
    "person",
    "partitive",
    "praise",
    "why",
    "existence",
    "universal",
    "comparison",
    *CONTEXT_ROLES,
)
SHIPPED_TERM_FILES = ("en.csv", "ru.csv", "kk.csv")
REAL_WORDS_FILE = "real_words.txt"
MIN_PREFIX_LETTERS = 3
# Terms at least this long are found misspelled by a letter, and so are prefix terms followed by
# an ending this long at most (Lexicon.misspelled).
TYPO_MIN_LETTERS = 5
TYPO_MAX_ENDING = 3
_GLUE_LETTERS = 5
_GLUE_ROLES = (
    "first_person",
    "infinitive",
    "copula",
    "all",
    "negation",
    "modal",
    "future",
    "demonstrative",
)
# Two terms written together ("ненавижугеев", "мусульманетупые") are read apart when each is at
# least this long.
_GLUED_TERM_LETTERS = 4
_HEAD = 4
CLEAN, DISGUISED, HOSTILE, AIMED = "clean", "disguised", "hostile", "aimed"
_CLEAN, _DISGUISED = (CLEAN, None), (DISGUISED, None)  # what scan() returns for them
# Cue words that only let a hostile word reach its target ("you are very ..."): the matcher
# counts them instead of placing them.
FILLER_ROLES = ("copula", "intensifier", "article", "contrast", "relative")
# Cue words the framing rules look up in the words around a violent, hateful or exclusion word,
# never placed (most comments have plenty of "I" and "will" and no such word): the words that
# frame it ("I", "will", "should") or deny it ("no one should", "I won't": a denial is a negation
# that only these rules read); "to" and "быть", which link a modal to its verb ("deserve to be
# hanged"); and boundary words (prepositions, conjunctions, relative words), which end the object
# of a verb ("burn a CD for Russians"); nouns a group word can qualify and stay a target ("the
# next Russian guy"); "из" of "каждого из них", which ends no object after a quantifier; and
# "why", which makes a group's existence a question ("Why do ... even exist?"); "any" and
# "every", which make a group the subject of a conditional threat ("Any ... who comes near my
# house is getting stabbed"); "than", which links a comparison to what it compares with, and
# only so ("worse than rats", not "dogs more than Russians").
FRAMING_ROLES = ("first_person", "future", "modal", "denial")
LINK_ROLES = (
    *FRAMING_ROLES,
    "infinitive",
    "boundary",
    "person",
    "partitive",
    "why",
    "universal",
    "comparison",
    *CONTEXT_ROLES,
)
# Every hit is aimed at a group name, a slur (its own target) or one of these cue words; a comment
# with none of them has no hit, however hostile its words.
TARGET_CATEGORIES = ("group_term", "slur")
TARGET_ROLES = ("they", "demonstrative", "you")
# Cue words a hostile word reaches its target through ("like", "all", "as", "people", "not"), as
# it does other hostile words ("filthy, dim-witted oralman").
TRANSPARENT_ROLES = frozenset(("simile", "all", "as", "human", "negation"))
_ATTACKING = frozenset(ATTACK_CATEGORIES)
# Words remembered by resolve() and scan(); forgotten all at once past this many.
_CACHE_WORDS = 200_000
# What scan() remembers of a word besides whether it can be a target: it disguises a lexicon
# word; it is hostile; it is a word like "people" or "good" (hostile when negated: "not
# people", "never any good"); it is a negation; it is of AIMED_CATEGORIES or a word like "exist"
# (hostile only near a target); it is the rare word of a multi-word term (_by_rare_word), of a
# hostile one.
_DISGUISES, _HOSTILE, _HUMAN, _NEGATION, _AIMED = 1, 2, 4, 8, 16
_MULTI_KEY, _HOSTILE_MULTI_KEY = 32, 64
_NO_KEYS = frozenset()
_WORD_SPLIT = re.compile(r"[\s\-]+")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Term:
    term: str
    words: tuple[str, ...]
    language: str
    script: str
    group: str
    category: str
    severity: float
    match: str
    note: str
    source: str


@dataclass(frozen=True)
class Group:
    id: str
    kind: str
    description: str


class Entry:
    """What one normalized word can be: a lexicon term, a cue role, the start of multi-word terms,
    or a later word of one."""

    __slots__ = ("multi", "part", "role", "term")

    def __init__(self):
        self.term = None
        self.role = None
        self.multi = ()
        self.part = False


class Lexicon:
    """The loaded, validated lexicons with hash maps for matching."""

    def __init__(self, terms, groups, cues, sources, real_words=frozenset()):
        self.terms = tuple(terms)
        self.real_words = frozenset(real_words)
        self.groups = dict(groups)
        self.sources = tuple(sources)
        self._exact = {}
        self._prefix = {}
        for term in self.terms:
            if len(term.words) == 1:
                self._entry(term.words[0], term.match).term = term
            else:
                self._add_multi(term)
        # Link cues are no lexicon words (never placed, and no word disguises one: "70" is no
        # "to"), only exact words the rules look up; so are the copulas, which make a verb after
        # a modal passive ("should be shot"). A word may be a link word besides its role: "who"
        # links a hostile word to its group ("Russians who are pigs") and ends an object.
        for word, role, match in cues:
            if role not in LINK_ROLES:
                self._entry(word, match).role = role
        self.framing = {word: role for word, role, _ in cues if role in FRAMING_ROLES}
        by_role = {}
        for word, role, _ in cues:
            by_role.setdefault(role, set()).add(word)

        def words_of(*roles):
            return frozenset().union(*(by_role.get(role, ()) for role in roles))

        self.infinitive = words_of("infinitive")
        self.boundary = words_of("boundary")
        self.copulas = words_of("copula")
        self.persons = words_of("person")
        self.articles = words_of("article")
        self.partitive = words_of("partitive")
        self.why = words_of("why")
        self.universal = words_of("universal")
        self.comparison = words_of("comparison")
        self.context = {
            role: words_of(role) for role in (*CONTEXT_ROLES, "negation", "denial", "contrast")
        }
        # A comment with none of these words has no claim the counter-speech rules take back.
        self.context["claims"] = words_of("falsity", "truth", "truth_after", "opinion", "sayer")
        self._max_prefix = max((len(key) for key in self._prefix), default=0)
        # Cue words short enough to be written onto a term without a space ("ihate", "deathto",
        # "arevermin", "killall", "этивонючие"): the speaker, "to", copulas, "all", negations and
        # demonstratives; not articles and the like, with which half of all words would start.
        self._glue = frozenset(
            word for word in words_of(*_GLUE_ROLES) if len(word) <= _GLUE_LETTERS
        )
        # The first _HEAD letters of the words misspelled() looks for.
        self._heads = frozenset(
            key[:_HEAD]
            for table in (self._exact, self._prefix)
            for key, entry in table.items()
            if len(key) >= TYPO_MIN_LETTERS - 1 and _misspellable(entry)
        )
        self._missing_letter = {
            mode: _one_letter_missing(table)
            for mode, table in (("exact", self._exact), ("prefix", self._prefix))
        }
        self._masked_index = {}
        for mode, table in (("exact", self._exact), ("prefix", self._prefix)):
            for key in table:
                for shown, char in enumerate(key):
                    entry = (mode, len(key), shown, char)
                    self._masked_index.setdefault(entry, set()).add(key)
        # Exact keys are narrowed down by intersecting two sets; prefix keys are tried in order.
        for entry, keys in self._masked_index.items():
            if entry[0] == "prefix":
                self._masked_index[entry] = tuple(sorted(keys))
        self.repairs = {}  # remembered by normalize: disguised word -> lexicon word or None
        self.token_repairs = {}  # remembered by normalize: token -> its repair, or None
        self.resolved = {}
        self._seen = set()
        self._kinds = {}  # words seen that disguise a word, are hostile, like "people" or negate
        # The words of the multi-word terms and of the hostile ones, by a rare word of each (not
        # "go" or "people"): a comment can spell one only when it holds it.
        cue_words = {word for word, _, _ in cues}
        self._multi_words = _by_rare_word(self.terms, cue_words)
        self._hostile_multi_words = _by_rare_word(
            (term for term in self.terms if term.category in HOSTILE_CATEGORIES), cue_words
        )
        # Words seen that make a comment more than CLEAN: those that can be a target, and those
        # that disguise a lexicon word. Most comments have none, and scan() stops there.
        self._alerting = set()
        self.disguised = {}  # words seen by scan() that disguise a lexicon word: word -> that word
        # Words seen by scan() that resolve to a term or cue: word -> item_facts(), so that the
        # matcher places them without resolving them again.
        self.relevant = {}
        # The same less the words of multi-word terms, for comments that spell none (most: "go"
        # of "go back" is a common word) (relevant_for()).
        self._relevant_alone = {}
        self._aimed = set()  # words seen of AIMED_CATEGORIES
        self.filler = set()  # words seen by scan() that only link others ("are", "very")
        self.version = _version(self.terms, self.groups)

    def _entry(self, word, match):
        table = self._prefix if match == "prefix" else self._exact
        entry = table.get(word)
        if entry is None:
            entry = table[word] = Entry()
        return entry

    def _add_multi(self, term):
        first = self._entry(term.words[0], "exact")
        first.multi = tuple(
            sorted((*first.multi, term), key=lambda other: len(other.words), reverse=True)
        )
        for position, word in enumerate(term.words[1:], start=2):
            last = position == len(term.words)
            self._entry(word, term.match if last else "exact").part = True

    def lookup(self, word):
        """The entries a normalized word matches: exact first, then the longest prefix."""
        exact = self._exact.get(word)
        prefix = None
        for length in range(min(len(word), self._max_prefix), MIN_PREFIX_LETTERS - 1, -1):
            prefix = self._prefix.get(word[:length])
            if prefix is not None:
                break
        if exact is None and prefix is None and "'" in word:
            return self.lookup(word.split("'", 1)[0])
        return exact, prefix

    def resolve(self, word):
        """(term, cue role, multi-word terms it starts, is a later word of one) for a normalized
        word, or None when the lexicon does not know it. `safe` words resolve to no term."""
        found = self.resolved.get(word, False)
        if found is not False:
            return found
        exact, prefix = self.lookup(word)
        found = None
        if exact is not None or prefix is not None:
            term = (exact and exact.term) or (prefix and prefix.term)
            if term is not None and term.category == "safe":
                term = None
            role = (exact and exact.role) or (prefix and prefix.role)
            multi = exact.multi if exact is not None else ()
            part = (exact is not None and exact.part) or (prefix is not None and prefix.part)
            if term is not None or role is not None or multi or part:
                found = (term, role, multi, part)
        if len(self.resolved) >= _CACHE_WORDS:
            self.resolved.clear()
        self.resolved[word] = found
        return found

    def scan(self, words):
        """(state, the lexicon words to place) for the normalized `words` of a comment. The state
        is DISGUISED when a word disguises a lexicon word ("m0nkeys"), else HOSTILE when one is
        hostile or a "not human" framing is possible (a word like "people" and a negation) and
        one can be a target (a group, a slur, "you", "they", "these"), else AIMED when one is
        only a word of AIMED_CATEGORIES ("kill") and one can be a target (aimed_near_target()
        then tells whether they are close enough), else CLEAN. The words to place (for HOSTILE
        and AIMED) are `relevant`, less the words of multi-word terms unless the comment holds
        every word of one ("go" of "go back" is a common word).

        Words are classified once and remembered, so that for the usual comment this is two set
        operations at C speed, and one more when a word can be a target.
        """
        if not self._seen.issuperset(words):
            new = set(words).difference(self._seen)
            if len(self._seen) + len(new) > _CACHE_WORDS:
                forgotten = (self._seen, self._kinds, self._alerting, self._aimed, self.disguised)
                for remembered in forgotten:
                    remembered.clear()
                self.relevant.clear()
                self._relevant_alone.clear()
                self.filler.clear()
                self.repairs.clear()
                # Everything was forgotten: this comment's known words must be classified again.
                new = set(words)
            for word in new:
                self._classify(word)
            self._seen.update(new)
        if self._alerting.isdisjoint(words):
            return _CLEAN
        kinds = self._kinds
        kind = 0
        keys = []  # the rare words of multi-word terms
        for word in kinds.keys() & words:
            word_kind = kinds[word]
            kind |= word_kind
            if word_kind & _MULTI_KEY:
                keys.append(word)
        if kind & _DISGUISES:
            return _DISGUISED
        hostile = kind & _HOSTILE or (kind & _HUMAN and kind & _NEGATION)
        if not hostile and kind & _HOSTILE_MULTI_KEY:
            hostile = _spells_one(words, keys, self._hostile_multi_words)
        if not hostile and not kind & _AIMED:
            return _CLEAN
        if keys and _spells_one(words, keys, self._multi_words):
            return (HOSTILE if hostile else AIMED), self.relevant
        return (HOSTILE if hostile else AIMED), self._relevant_alone

    def aimed_near_target(self, words, before, after):
        """Whether a word of AIMED_CATEGORIES in `words` (scanned) has a word that can be a
        target at most `before` words before it or `after` words after it: a violent word far
        from any group, "they" or "you" can attack no one, and most in comments are so."""
        targets = list(compress(count(), map(self._alerting.__contains__, words)))
        for position in compress(count(), map(self._aimed.__contains__, words)):
            nearest = bisect_left(targets, position - before)
            if nearest < len(targets) and targets[nearest] <= position + after:
                return True
        return False

    def _classify(self, word):
        found = self.resolve(word)
        if found is None:
            repaired = disguised_word(word, self)
            if repaired is None and word.isalpha():
                repaired = self.misspelled(word)
            if repaired is not None:
                self.disguised[word] = repaired
                self._kinds[word] = _DISGUISES
                self._alerting.add(word)
            return
        term, role, multi, part = found
        if term is None and role in FILLER_ROLES and not multi and not part:
            self.filler.add(word)
            return
        facts = item_facts(term, role or "", multi)
        self.relevant[word] = facts
        # Placed for its own sake, not only for a multi-word term (a filler word is otherwise
        # never placed).
        if term is not None or (role is not None and role not in FILLER_ROLES):
            self._relevant_alone[word] = (*facts[:2], (), *facts[3:])
        if (
            (term is not None and term.category in TARGET_CATEGORIES)
            or role in TARGET_ROLES
            or any(other.category in TARGET_CATEGORIES for other in multi)
        ):
            self._alerting.add(word)
        # (A multi-word hostile term makes a comment hostile only when it is spelled: scan().)
        kind = 0
        if (term is not None and term.category in AIMED_CATEGORIES) or role == "existence":
            kind = _AIMED
            self._aimed.add(word)
        elif term is not None and term.category in HOSTILE_CATEGORIES:
            kind = _HOSTILE
        elif role in ("human", "praise"):
            kind = _HUMAN
        elif role in ("negation", "negation_after"):
            kind = _NEGATION
        if word in self._multi_words:
            kind |= _MULTI_KEY
        if word in self._hostile_multi_words:
            kind |= _HOSTILE_MULTI_KEY
        if kind:
            self._kinds[word] = kind

    def misspelled(self, word):
        """The lexicon word(s) that `word`, a plain word the lexicon does not know, misspells:
        by two neighbouring letters swapped, by one letter missing or added ("Rsusians",
        "vermn", "veermin"), or by a missing space ("ihate": "i hate"); or None.

        Only lexicon words (terms and cue words) are looked for, of at least TYPO_MIN_LETTERS
        letters (of a prefix: of the prefix; a term of one letter less for a swap: "htae"), the
        first letter is kept, a letter is missing or added only inside the word, and an ending
        after a prefix has at most TYPO_MAX_ENDING letters: short words and free endings are one
        letter away from too many real ones. Real words that are still a letter away from a
        lexicon word ("money", "morning"), or two words joined ("therapist"), are in
        real_words.txt.
        """
        if len(word) < TYPO_MIN_LETTERS - 1 or word in self.real_words:
            return None
        found = self._misspelling_of(word)
        # (Checked last: most words misspell nothing, and knows() costs more than the rest.)
        return None if found is None or self.knows(word) else found

    def _misspelling_of(self, word):
        heads = self._heads
        # An edit past the first letters leaves them as they are: when no lexicon word starts so,
        # only the edits among them can give one (most words: a few set look-ups, not dozens).
        edits = len(word) - 1 if word[:_HEAD] in heads else min(_HEAD, len(word) - 1)
        for i in range(1, edits):
            if word[i] != word[i + 1]:
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped[:_HEAD] in heads and self._typo_of(swapped):
                    return swapped
        if len(word) < TYPO_MIN_LETTERS:
            return None
        for i in range(1, edits):
            # (either of two equal letters leaves the same word)
            if word[i] != word[i - 1]:
                shorter = word[:i] + word[i + 1 :]
                if shorter[:_HEAD] in heads and self._typo_of(shorter):
                    return shorter
        found = self._missing_letter["exact"].get(word)
        if found:
            return found
        prefixes = self._missing_letter["prefix"]
        for length in range(max(TYPO_MIN_LETTERS - 1, len(word) - TYPO_MAX_ENDING), len(word)):
            stem = prefixes.get(word[:length])
            if stem and word[:length] not in self.real_words:  # "пиарили" is no "пидар-"
                return stem + word[length:]
        return self._unglued(word)

    def _typo_of(self, word):
        """Whether `word` (a misspelling undone) is a lexicon word of at least TYPO_MIN_LETTERS
        letters or a term of one letter less, or such a prefix and an ending of at most
        TYPO_MAX_ENDING letters."""
        entry = self._exact.get(word)
        letters = len(word)
        if entry is None:  # (a prefix: `word` starts with one of _heads)
            for letters in range(
                max(TYPO_MIN_LETTERS - 1, len(word) - TYPO_MAX_ENDING), len(word) + 1
            ):
                entry = self._prefix.get(word[:letters])
                if entry is not None:
                    break
            else:
                return False
        if letters >= TYPO_MIN_LETTERS:
            return _misspellable(entry)
        return letters == TYPO_MIN_LETTERS - 1 and _misspellable(entry, terms_only=True)

    def _unglued(self, word):
        """`word` as a term and a short cue word without the space between ("ihate",
        "deathto", "arevermin", "killall"), the two joined by a space; or None."""
        for letters in range(1, min(_GLUE_LETTERS, len(word) - TYPO_MIN_LETTERS + 1) + 1):
            if word[:letters] in self._glue and self._is_term(word[letters:]):
                return f"{word[:letters]} {word[letters:]}"
            if word[-letters:] in self._glue and self._is_term(word[:-letters]):
                return f"{word[:-letters]} {word[-letters:]}"
        for letters in range(_GLUED_TERM_LETTERS, len(word) - _GLUED_TERM_LETTERS + 1):
            if self._is_term(word[:letters]) and self._is_term(word[letters:]):
                return f"{word[:letters]} {word[letters:]}"
        return None

    def _is_term(self, word):
        """Whether `word` is a term (not a safe one) or starts a multi-word one. (lookup(), not
        resolve(): the pieces of a word are not worth remembering.)"""
        exact, prefix = self.lookup(word)
        return (
            _misspellable(exact, terms_only=True)
            or (exact is not None and bool(exact.multi))
            or _misspellable(prefix, terms_only=True)
        )

    def near_miss(self, word):
        """Whether misspelled() would read `word`, or `word` and an ending, as a lexicon word:
        what real_words.txt must list of the real words."""
        return self.misspelled(word) is not None or (
            word in self._missing_letter["prefix"] and word not in self.real_words
        )

    def knows(self, word):
        exact, prefix = self.lookup(word)
        return exact is not None or prefix is not None

    def unmask(self, word):
        """The lexicon word that `word` spells with `*` for hidden letters ("f*ck"), or None.

        Candidates come from an index by length and first shown letter, so the cost does not
        grow with the lexicon.
        """
        letters = len(word) - word.count("*")
        if letters < 2 or letters * 2 < len(word):
            return None
        first = len(word) - len(word.lstrip("*"))  # the first and last shown letters
        last = len(word.rstrip("*")) - 1
        index = self._masked_index
        candidates = index.get(("exact", len(word), first, word[first]), _NO_KEYS) & index.get(
            ("exact", len(word), last, word[last]), _NO_KEYS
        )
        for key in sorted(candidates):
            if _masked_equal(word, key):
                return key
        # A prefix shows the letters that follow it: it ends past the last `*`.
        for length in range(min(len(word), self._max_prefix), max(first, word.rfind("*")), -1):
            for key in index.get(("prefix", length, first, word[first]), ()):
                if _masked_equal(word[:length], key):
                    return key + word[length:]
        return None

    def group_rows(self):
        return [(group.id, group.kind, group.description) for group in self.groups.values()]


def _misspellable(entry, terms_only=False):
    """Whether a lexicon entry is one Lexicon.misspelled() looks for: a term, not a safe one, or
    (unless `terms_only`) a cue word or a word of a multi-word term."""
    if entry is None:
        return False
    if entry.term is not None:
        return entry.term.category != "safe"
    return not terms_only and bool(entry.role or entry.multi or entry.part)


def _one_letter_missing(table):
    """{a key of `table` less one letter (neither its first nor its last): the key}, for
    misspellable keys of at least TYPO_MIN_LETTERS letters; a spelling two keys share is left
    out."""
    found = {}
    for key, entry in table.items():
        if len(key) < TYPO_MIN_LETTERS or not key.isalpha() or not _misspellable(entry):
            continue
        for i in range(1, len(key) - 1):
            shorter = key[:i] + key[i + 1 :]
            found[shorter] = key if found.get(shorter, key) == key else ""
    return found


def item_facts(term, role, multi=()):
    """What the matcher's item for a lexicon word (or multi-word term) holds: (term or None, cue
    role, multi-word terms it starts, the term's category, its group, whether it can be a target
    group, whether a hostile word reaches its target through it); "" for no role, category or
    group (comparing None with a string is slow)."""
    category, group = ("", "") if term is None else (term.category, term.group)
    transparent = role in TRANSPARENT_ROLES or category in _ATTACKING
    return term, role, multi, category, group, category in TARGET_CATEGORIES, transparent


def _by_rare_word(terms, cue_words):
    """{word: (the words of each multi-word term keyed by it, ...)}, keyed by the term's longest
    word that is no cue word (the last of equals): a long word is mostly a rare one, and cue
    words ("people", "not", "with") are common. The words are those a text holds when it spells
    the term: a prefix's last word is matched by its start, and left out."""
    found = {}
    for term in terms:
        if len(term.words) > 1:
            spelled = term.words[:-1] if term.match == "prefix" else term.words
            ranked = sorted(spelled, key=lambda word: (word not in cue_words, len(word)))
            found.setdefault(ranked[-1], []).append(spelled)
    return {word: tuple(spellings) for word, spellings in found.items()}


def _spells_one(words, keys, by_rare_word):
    """Whether `words` (a list) hold every word of a multi-word term of `by_rare_word` whose
    rare word is one of `keys` (in `words`), in any order: this only decides whether a comment
    needs a closer look."""
    return any(
        all(other in words for other in spelled)
        for key in keys
        for spelled in by_rare_word.get(key, ())
    )


def _masked_equal(masked, word):
    """Whether `word` shows the letters of `masked` (as long) wherever `masked` has no `*`."""
    offset = 0
    for shown in masked.split("*"):
        if not word.startswith(shown, offset):
            return False
        offset += len(shown) + 1
    return True


def _version(terms, groups):
    digest = hashlib.sha256()
    for term in sorted(terms, key=lambda term: (term.term, term.language)):
        row = (term.term, term.language, term.group, term.category, term.severity, term.match)
        digest.update(repr(row).encode())
    digest.update(repr(sorted(groups)).encode())
    return digest.hexdigest()[:12]


def load_lexicon(paths=None):
    """Load the shipped lexicons, then the user's files in `paths` (later rows override).

    A user file with the columns of groups.csv (id, kind, description) adds target groups;
    any other is a term file.
    """
    folder = resources.files("moderator.identity") / "lexicons"
    groups = {}
    _add_groups(groups, folder / "groups.csv", "groups.csv")
    cues = [
        _cue(row, f"cues.csv line {line}")
        for line, row in _read_rows(folder / "cues.csv", "cues.csv", CUE_COLUMNS)
    ]
    if isinstance(paths, str | Path):
        paths = [paths]
    user_files = [(Path(path), str(path)) for path in paths or ()]
    group_files = [(path, name) for path, name in user_files if _is_groups_file(path, name)]
    for path, name in group_files:
        _add_groups(groups, path, name)
    rows = {}
    sources = [f"shipped: {', '.join(SHIPPED_TERM_FILES)}"]
    for name in SHIPPED_TERM_FILES:
        _add_terms(rows, folder / name, name, groups, override=False)
    for path, name in user_files:
        if (path, name) not in group_files:
            _add_terms(rows, path, name, groups, override=True)
        sources.append(name)
    # Severity 0 switches a slur or attack word off (a user lexicon's way to disable one).
    terms = [term for term in rows.values() if term.severity > 0 or term.category in NEUTRAL]
    return Lexicon(terms, groups, cues, sources, read_real_words(folder / REAL_WORDS_FILE))


def read_real_words(path):
    """The words of a real_words.txt: one a line, "#" starting a comment line."""
    lines = (line.strip() for line in _read_text(path, path.name).splitlines())
    return frozenset(line for line in lines if line[:1] not in ("", "#"))


def _add_groups(groups, path, name):
    for line, row in _read_rows(path, name, GROUP_COLUMNS):
        group = _group(row, f"{name} line {line}")
        groups[group.id] = group


def _is_groups_file(path, name):
    header = next(csv.reader(_read_text(path, name).splitlines()), [])
    return {cell.strip().lower() for cell in header} == set(GROUP_COLUMNS)


def _add_terms(rows, path, name, groups, override):
    seen = {}
    for line, row in _read_rows(path, name, TERM_COLUMNS):
        where = f"{name} line {line}"
        term = _term(row, where, groups)
        key = (term.words, term.language)
        if key in seen:
            raise ConfigError(f"{where}: duplicate of line {seen[key]} ('{term.term}')")
        seen[key] = line
        if not override and key in rows:
            raise ConfigError(f"{where}: '{term.term}' is already in {rows[key].source}")
        rows[key] = term


def _read_text(path, name):
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"lexicon file not found: {name}") from None
    except IsADirectoryError:
        raise ConfigError(f"lexicon {name} is a folder, not a CSV file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"lexicon {name} is not UTF-8 text") from None
    except OSError as error:
        raise ConfigError(f"cannot read lexicon {name}: {error.strerror}") from None


def _read_rows(path, name, columns):
    reader = csv.reader(_read_text(path, name).splitlines())
    header = next(reader, None)
    if header is None:
        raise ConfigError(f"lexicon {name} is empty (expected a header: {','.join(columns)})")
    header = [cell.strip().lower() for cell in header]
    missing = [column for column in columns if column not in header]
    unknown = [column for column in header if column not in columns]
    if missing or unknown:
        problem = f"missing column '{missing[0]}'" if missing else f"unknown column '{unknown[0]}'"
        raise ConfigError(f"{name} line 1: {problem} (expected: {','.join(columns)})")
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise ConfigError(f"{name} line {line}: {len(cells)} fields, expected {len(header)}")
        yield line, {column: cell.strip() for column, cell in zip(header, cells, strict=True)}


def _choice(value, choices, what, where):
    """`value`, checked; as the very string of `choices`, so that the matcher's comparisons of
    roles and categories succeed on identity."""
    for choice in choices:
        if value == choice:
            return choice
    raise ConfigError(f"{where}: unknown {what} '{value}' (use one of: {', '.join(choices)})")


def _words(text, where, shortest=2):
    words = tuple(word for word in _WORD_SPLIT.split(fold_word(text)) if word)
    if not words:
        raise ConfigError(f"{where}: empty term")
    for word in words:
        if not word.replace("'", "").isalpha():
            raise ConfigError(f"{where}: term '{text}' may hold only letters, spaces and hyphens")
        if len(word) < shortest:
            raise ConfigError(f"{where}: term '{text}' has a one-letter word")
    return words


def _term(row, where, groups):
    words = _words(row["term"], where)
    language = _choice(row["language"], LANGUAGES, "language", where)
    script = _choice(row["script"], SCRIPTS, "script", where)
    category = _choice(row["category"], CATEGORIES, "category", where)
    match = _choice(row["match"] or "exact", MATCHES, "match", where)
    other = _CYRILLIC if script == "latin" else _LATIN
    if other.search(" ".join(words)):
        raise ConfigError(f"{where}: term '{row['term']}' is not written in {script} script")
    group = sys.intern(row["group"])  # compared by the matcher, mostly to itself
    if group and group not in groups:
        raise ConfigError(
            f"{where}: unknown group '{group}' (`moderator lexicon list --groups` lists them)"
        )
    if category in GROUP_CATEGORIES and not group:
        raise ConfigError(f"{where}: a {category} needs a group")
    try:
        severity = float(row["severity"] or 0)
    except ValueError:
        raise ConfigError(f"{where}: severity '{row['severity']}' is not a number") from None
    if not 0 <= severity <= 1:
        raise ConfigError(f"{where}: severity {row['severity']} is outside 0..1")
    if match == "prefix" and len(words[-1]) < MIN_PREFIX_LETTERS:
        raise ConfigError(f"{where}: a prefix needs at least {MIN_PREFIX_LETTERS} letters")
    return Term(
        term=row["term"],
        words=words,
        language=language,
        script=script,
        group=group,
        category=category,
        severity=severity,
        match=match,
        note=row["note"],
        source=where,
    )


def _group(row, where):
    if not re.fullmatch(r"[a-z][a-z0-9_]*", row["id"]):
        raise ConfigError(f"{where}: group id '{row['id']}' must be lowercase letters and _")
    return Group(row["id"], _choice(row["kind"], GROUP_KINDS, "kind", where), row["description"])


def _cue(row, where):
    words = _words(row["term"], where, shortest=1)  # cues include "a" and Russian "а"
    if len(words) != 1:
        raise ConfigError(f"{where}: a cue is one word")
    role = _choice(row["role"], CUE_ROLES, "role", where)
    match = _choice(row["match"] or "exact", MATCHES, "match", where)
    if role in LINK_ROLES and match != "exact":
        raise ConfigError(f"{where}: a {role} cue is an exact word")
    return words[0], role, match
