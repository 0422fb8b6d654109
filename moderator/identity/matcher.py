"""Find identity attacks in one text: lexicon words first, then small rules over their order.

The text is split into words, and most comments stop there: none of their words can be a target
or is hostile (set look-ups, what each word is being remembered across comments), or their only
violent, hateful or exclusion words have no group, "they" or "you" within a few words. Otherwise
the few words that matter (group names, slurs, dehumanizing, hostile, violent and hateful words,
and cue words such as "not", "you", "they") are located by plain string searches, with their
word positions and sentences; a comment whose hostile words and targets are in different
sentences stops there. The rules then decide, per hostile word, whom it is aimed at:

1. a group named next to it ("Russian monkeys", "dirty Russians", "орыс шошқа"), or reached
   through transparent words only: "are", "very", "like", "a", "not", other hostile words
   ("The Chinese are very insolent", "filthy, dim-witted oralman");
2. a demonstrative right before it ("these scoundrels"): the group the comment is talking about,
   unless the hostile word is an adjective of a thing after it ("эти сраные пробки");
3. otherwise the nearest group, "they" (resolved to the group named earlier) or "you" (the group
   addressed as "you Kazakhs", else a personal insult) reached the same way ("you are all
   Nazis", "you sheep"), or anywhere before a simile or comparison ("Oralman don't want to work,
   but just breed like cockroaches", "Uzbeks are no better than animals"), or right after it
   ("one pig - you").

Any other word in between breaks the link, so animals stay animals: "Russians love dogs",
"did you walk the dog?". "than" links only after a comparison ("worse than rats", "less than
human"), and a hostile word reaches no group after it through one: "I like dogs better than
Russians" compares no one to dogs; but a hostile attribute does, unless denied: "Is there
anything more worthless than a Kazakh?", "никчёмнее, чем мигрант", not "no more violent than".

"Not human" framings ("are not people", "не люди", "адам емес", "less than human") attack the
nearest group in the same way. So does praise that a negation takes back, which the group, or a
"they" or "you" that names one, stands before: "Russians are never any good", "Not a single
Kazakh is worth anything", "Русские не способны быть порядочными людьми"; the praise ends its
phrase or qualifies "people" ("not good at chess", "not good drivers" judge a skill), and the
negation stands between the two or opens the sentence ("Not a single ...", "Ни один ..."). A
group whose existence "why" questions is attacked too: "Why do Russians even exist?", "Зачем
казахи вообще живут на этой земле?".

4. Violent, hateful and exclusion words attack a group only when framed as intent, call or norm
   and aimed at it. The framing words ("I", "will", "should", "no one") are not located with the
   others (most comments have plenty and nothing for them to frame): the rules read the few
   words before such a word, within its sentence.
   - A violent word ("kill", "shot", "расстреляны", "өлтіру") is a threat when a modal cue stands
     before it ("should all be shot", "deserve to be hanged", "надо перерезать", "let's burn",
     "I'll kill") or right after it ("өлтіру керек"), when "I" or "we" and a future cue do ("I
     will kill", "I am going to hurt"), or when it is a command by its place: first in its
     sentence ("Kill all ...", "Death to ...";
     not a gerund, its subject: "Killing ... is a crime") or after an addressed group
     ("Russians, go home").
     A word of the category threat is one by its own form ("убью", "перережу", "бейте",
     "өлсін"). In the future passive it threatens a group that "any" or "every" picks out, past
     a relative clause: "Any Russian who comes near my house is getting stabbed", "The next
     Kazakh who ... gets a bullet"; not a report ("Every Jew who was killed ..."). Done to a
     place, it threatens the group that a short "where"/"где" clause after the place names:
     "I'll burn every house where Jews live", "Надо сжечь все места, где собираются ...".
   - An exclusion ("go back", "deport", "валить", "гнать") framed the same way, a derogation by
     its own form ("ненавижу", "валите", "кетсін", "X disgust me"), and hatred or distrust that
     the speaker states, commands or calls for ("I hate", "I would never trust", "Never trust",
     "you should never trust") are generalizations.
   Only filler words, "to" and words like "all" (and, after a modal, the verb's object: "надо их
   перестрелять") may stand between a cue and the word it frames. The target is the verb's
   object, at most OBJECT_REACH words after it with no preposition, conjunction, relative word
   or other such verb between ("kill every one of the Russians", "ненавижу каждого из них", not
   "burn a CD for Russians" or "I can't stand people who hate Jews"), or a group between the cue
   and the verb ("I want all Russians dead"); after a modal, and for the words framed by their
   form, also the group just before, when it is what the verb is done to: the verb is passive
   ("Russians should all be shot"), ends its clause ("Jews must die."), or is Russian or Kazakh,
   where case marks the object ("Всех русских надо перерезать"); not "Americans should get rid
   of ...". A group word that qualifies a noun ("Russian winters", "Muslim terrorists") is no
   target, unless the noun is one for a person ("the next Russian guy I see") or the group word
   an English plural, which qualifies none ("wipe out Russians once and for all"); and a
   negation or denial ("no one", "won't") up to NEGATION_REACH words before cancels the hit,
   unless it is "never" before a word that is a negation itself ("Казахам никогда нельзя
   доверять"). A Russian group noun (no adjective ending) heads its phrase whatever follows
   ("презираю узбеков всей душой"). An object is not past a comma that opens a new clause ("Я
   устал от работы, а казахи ...", "Fuck, the Russians scored"), only one that the comma sets
   off ("..., этих узбеков", "Go home, Kazakhs!"); the object of hatred is no group when it is
   an action ("I would hate to lose to the Kazakhs"). So
   reports stay clean: "Russians die in the war", "Jews killed in the Holocaust must be
   remembered", "Russians hate the cold".

Counter-speech ("calling Russians pigs is disgusting", "don't call ...") cancels the hits of its
sentence; reported speech ("he said ...") halves their severity. Hostile words inside quotation
marks are cancelled when the sentence around the quotation condemns or reports it ('Saying
"Russians are vermin" is wrong', 'Кто пишет «ненавижу ...», тот сам позорится'), and so are the
condemning words themselves ("мерзко" is also a hostile word); a quotation that is a sentence of
its own may be condemned by the sentence before or after it ('"Jews should be shot"? You should
be ashamed.'), and a sentence approving of it ("he was right", "Exactly.") cancels nothing. A
quotation's first word opens a command ('wrote «смерть ...»'). Reported speech next to a short
condemning sentence ("The politician claimed that ... Shameful.") is cancelled too.

A claim its sentence calls false ("It's not true that Kazakhs are lazy", "Неправда, что ...",
"... - that's a myth"), an opinion a negation takes back ("Nobody thinks ...", "Никто не считает
..."), and the claim of those said to make it ("People who say ... should look in the mirror")
are countered (_claims_denied), up to a break ("..., they are thieves") and not in a question or
a sentence that approves ("... are right"). A slur in its everyday sense, shown by a word of that
sense near it ("a chink in the wall", "колол чурки для бани"), or one the speakers name
themselves by ("Мы, москали, ..."), is a countered hit.

Cancelled hits are kept as countered ones (the table shows them as `countered` spans, and the
policy may set the model's labels aside for them), but for the writer's own insult in a
condemning sentence ('... is disgusting, you moron'), which stands; and a comment keeps its
countered hits only when they are all of its hostility: a violent, hateful, exclusion or
derogation word or a slur outside every hit, in a sentence with a possible target ("I don't hate
Russians, I just wish they would all die"), drops them.
"""

import gc
import re
from bisect import bisect_left
from collections import namedtuple
from itertools import compress, count
from operator import attrgetter

from moderator.identity.lexicon import (
    AIMED,
    AIMED_CATEGORIES,
    ATTACK_CATEGORIES,
    DISGUISED,
    HOSTILE,
    item_facts,
)
from moderator.identity.normalize import normalize, outline, repair_words

# Attack types from most to least severe: of two hits equally severe, the higher one names the
# comment's attack.
ATTACK_RANK = {
    "threat": 5,
    "slur": 4,
    "dehumanization": 3,
    "generalization": 2,
    "personal_insult": 1,
}
# Severity of "X are not people"; of dehumanizing a group the comment does not name ("they
# breed like cockroaches"); of an insult aimed at a person or an unnamed "they"; of hits in
# reported speech.
NOT_HUMAN_SEVERITY = 0.95
UNNAMED_GROUP_FACTOR = 0.6
PERSONAL_FACTOR = 0.5
REPORTED_FACTOR = 0.5
# Severity of praise of a group taken back ("Russians are never any good"), and of questioning
# a group's existence ("Why do Russians even exist?").
PRAISE_DENIED_SEVERITY = 0.6
EXISTENCE_SEVERITY = 0.7
# A hyphenated insult and group name ("Shit-Russian") is a coined slur at least this severe.
COMPOUND_SLUR_SEVERITY = 0.8
# The reach of the framing rules (4), in words between: from a cue to the word it frames ("should
# all be shot"), from "I"/"we" to their verb ("I really can't stand"), from a verb to its object
# ("hurt every one of the Russians"), from a subject to the cue ("Russians, in fact, should"), and
# from a negation to what it cancels ("I don't think Russians should be shot").
FRAME_REACH = 3
SPEAKER_REACH = 3
OBJECT_REACH = 4
SUBJECT_REACH = 3
NEGATION_REACH = 6
# From a slur with an everyday sense to a word that shows that sense ("a chink in the wall").
SENSE_REACH = 4
# From a word that calls a claim false or takes back an opinion to the hostile word of the claim
# ("It's not true that Kazakh people are lazy", "Nobody here thinks Russians are worthless").
CLAIM_REACH = 6
# From a group to the praise a negation takes back ("Russians aren't capable of being decent"),
# and from "why" to the group whose existence it questions ("Why do the Russians even exist?").
PRAISE_REACH = 4
WHY_REACH = 2
# The farthest a target can stand before a framed word, in words between: the subject, the
# modal and a speaker ("Russians, I really want to ..."). A comment whose violent, hateful and
# exclusion words have no group, "they" or "you" this near, or OBJECT_REACH after, needs no rules.
TARGET_REACH = SUBJECT_REACH + FRAME_REACH + SPEAKER_REACH + 2

# A comment this long (in characters) can make hundreds of thousands of items and hits: objects
# without reference cycles, which the cycle collector would traverse again and again (a third of
# the time for 1 MB of insults). The collector is paused while such a comment is matched; being a
# process-wide switch, it is left alone for ordinary comments.
_LONG_COMMENT = 100_000

_HYPHENS = ("-", "‐", "‑")
# Words that open a clause naming a place ("burn every house where ... live").
_PLACE_RELATIVES = frozenset(("where", "wherever", "где"))
_CLAUSE_END = re.compile(r"[.,;:!?()«»\"—–]")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A hateful word that is a negation itself ("нельзя доверять", "can't stand"), which a denial
# such as "never" stresses rather than cancels: "Казахам никогда нельзя доверять".
_NEGATIVE_STARTS = frozenset(("нельзя", "не", "never", "don't", "dont", "can't", "cannot", "cant"))
_STRESSING_DENIALS = frozenset(("никогда", "never"))
# Prepositions whose object is no subject of the verb after it: "Racism against Kazakhs disgusts
# me", "Ненависть к евреям бесит" (not "of": "The very thought of Jews makes me sick").
_SUBJECTLESS_PREPOSITIONS = frozenset(("against", "towards", "toward", "против", "к", "ко"))
# Modal cues that are also past-tense verbs or a possibility: a call or wish only where they open
# their clause ("Пацаны, пошли бить ...", "May every ... rot in hell"), a report or a possibility
# after their subject ("Они пошли бить ...", "Russians may die in the war").
_CLAUSE_OPENING_MODALS = frozenset(("пошли", "may"))
# Endings of a Russian adjective ("русских", "казахская"): a group word ending otherwise is a
# noun, which heads its phrase whatever follows ("ненавижу узбеков всей душой").
_RU_ADJECTIVE_ENDINGS = (
    *("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им"),
    *("ыми", "ими", "ую", "юю", "ого", "его", "ому", "ему"),
)
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
        "countered",
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
        # Negated, or condemned as counter-speech: no attack, but the comment's hostile words are
        # accounted for ("Russians aren't stupid", 'Saying "Russians are pigs" is wrong').
        self.countered = False
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
    """The attack hits in `text` (those negated or condemned marked `countered`), with spans
    into the normalized text, and the normalized text;
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
    found, relevant = lexicon.scan(words)
    if found == DISGUISED:
        # A repair keeps the word a word (but for two words joined: "ihate"): the words of the
        # repaired text are these, and the text is only rebuilt when they can make a hit. (The
        # slow path of normalize() repairs disguises, not misspellings: "Rsusians" in a comment
        # that also has "s.w.i.n.e".)
        repaired = list(map(lexicon.disguised.get, words, words))
        words = [word for repair in repaired for word in repair.split(" ")]
        found, relevant = lexicon.scan(words)
        if found in (HOSTILE, AIMED):
            normalized = repair_words(normalized, repaired)
    if found == AIMED:
        if not lexicon.aimed_near_target(words, TARGET_REACH + 1, OBJECT_REACH + 1):
            return _NO_HITS
    elif found != HOSTILE:
        return _NO_HITS
    items = _items(normalized.text, words, relevant)
    if not _may_hit(items):
        return _NO_HITS
    hits = _Rules(items, words, lexicon, normalized, text).hits()
    return (hits, normalized) if hits else _NO_HITS


# (Sets: a role or category is looked up, not compared with each.)
_ATTACKING = frozenset(ATTACK_CATEGORIES)
# Cue words that attack by a rule of their own: "people" denied ("are not people"), praise
# denied ("never any good"), existence questioned ("Why do ... even exist?").
_RULE_ROLES = frozenset(("human", "praise", "existence"))
_AIMED = frozenset(AIMED_CATEGORIES)
_ATTACKING_OR_AIMED = _ATTACKING | _AIMED
# Aimed categories framed by their own form ("убью", "never trust"), and the attack each makes.
_SELF_FRAMED = frozenset(("threat", "derogation"))
_AIMED_ATTACK = {
    "violent": "threat",
    "threat": "threat",
    "hate": "generalization",
    "exclusion": "generalization",
    "derogation": "generalization",
}
# Where a framed word's target may stand (_Rules._target): its object after it; or also between
# the frame and it; or also its subject before the frame.
_COMMAND, _OBJECT, _EITHER_SIDE = "command", "object", "either side"
# A word a framing rule looks at (_Rules._words_before): its place among the words, where it
# starts in the text, and the word.
_Word = namedtuple("_Word", "position start word")
_UNFRAMED = (None, None)
_REFERENT_ROLES = frozenset(("they", "demonstrative", "you"))
# Cue words a comparison's "than" follows: "worse", "less".
_COMPARING = frozenset(("simile", "negation"))
_SAYING = frozenset(("speech", "naming"))
_START = attrgetter("start")
# Items that can make a sentence counter-speech or reported speech ("not all", "he said").
_COUNTER_ROLES = frozenset(("all", "speech", "naming"))


def _items(text, words, relevant):
    """The lexicon words of `text` (whose words, as scanned, are `words`; `relevant` as scan()
    gives it) in order, with their sentence numbers and the punctuation between neighbours."""
    items = []
    cursor = 0
    sentence = 0
    previous = None
    multi_word = only_part = False
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
        if item.category in _ATTACKING_OR_AIMED or item.role in _RULE_ROLES:
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
    __slots__ = (
        "addressees",
        "articles",
        "boundaries",
        "boundary",
        "by_sentence",
        "comparison",
        "context",
        "copulas",
        "filler",
        "framing",
        "infinitive",
        "items",
        "normalized",
        "openings",
        "partitive",
        "persons",
        "sketch",
        "text",
        "universal",
        "why",
        "words",
    )

    def __init__(self, items, words, lexicon, normalized, text):
        self.items = items
        self.words = words
        self.filler = lexicon.filler
        self.infinitive = lexicon.infinitive
        self.boundary = lexicon.boundary
        self.copulas = lexicon.copulas
        self.persons = lexicon.persons
        self.articles = lexicon.articles
        self.partitive = lexicon.partitive
        self.why = lexicon.why
        self.universal = lexicon.universal
        self.comparison = lexicon.comparison
        self.context = lexicon.context
        self.normalized = normalized
        self.text = text
        self.framing = lexicon.framing
        self.sketch = None  # the text's outline, made when a framing rule needs it
        self.by_sentence = None  # the items of each sentence, made when a rule needs them
        self.boundaries = None  # where the outline's sentences end, made when a rule needs it
        self.openings = None  # where the quotations open, found when a rule needs them
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
                # between them, or "than" after a comparison ("worse than rats").
                after_previous = previous.position + previous.words
                between = words[after_previous : item.position]
                if (
                    after_previous != item.position
                    and not filler.issuperset(between)
                    and not self._compares(previous, between, item)
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

    def _compares(self, previous, between, item):
        """Whether the words `between` an item and the one before it, a comparison, are "than"
        and filler words: "worse than rats", "less than human"; or a hostile attribute's
        comparison, which says it of what follows: "Is there anything more worthless than a
        Kazakh?", "никчёмнее, чем мигрант" (an animal compares no one: "dogs better than ...")."""
        if (
            previous.role not in _COMPARING
            and not (
                previous.category == "hostile"
                and item.is_group
                and self._ends_phrase(item)
                and not any(  # "no more violent than ...", "не хуже, чем ..." defends
                    word in ("not", *_NEGATIVE_STARTS) or self.framing.get(word) == "denial"
                    for word in self.words[max(previous.position - 2, 0) : previous.position]
                )
            )
        ):
            return False  # (nor a group qualifying a noun: "more stupid than the Russian film")
        return all(word in self.filler or word in self.comparison for word in between)

    def _countered(self):
        """Sentences that condemn, deny or report what they quote, and the factor for their
        hits: "calling Russians pigs is disgusting", "not all Russians are pigs" (0), "he said
        Russians are pigs" (REPORTED_FACTOR). A condemning word after "but" condemns no word of
        speech before it: "Call me what you like, but Russians are vile"."""
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
            if forbids or (item.sentence in condemned and self._condemns(item)):
                factors[item.sentence] = 0.0
            elif item.role == "speech":
                if factors.get(item.sentence) != 0.0 and self._condemned_next_to(item):
                    factors[item.sentence] = 0.0
                else:
                    factors.setdefault(item.sentence, REPORTED_FACTOR)
        return factors

    def _condemns(self, speech):
        """Whether a condemning word of its sentence condemns a word of speech or naming: no
        contrast word ("but", "но") stands between them."""
        contrast = self.context["contrast"]
        for other in self._in_sentence(speech.sentence):
            if other.role != "condemnation":
                continue
            first, last = sorted((speech.position, other.position))
            if contrast.isdisjoint(self.words[first:last]):
                return True
        return False

    def _condemned_next_to(self, item):
        """Whether a short sentence right before or after the sentence of `item` (a speech word)
        condemns it: "The politician claimed that ... Shameful.", "Депутат заявил, что ...
        Позор." Not one that approves ("He is right.") or asks ("Is that wrong?")."""
        start, end = self._sentence_span(item.start)
        for step in (-1, 1):
            span = self._neighbour(start, end, step)
            if span is None:
                continue
            if self._count_words(*span) > _VERDICT_WORDS:
                continue
            if self._approves(self._words_in(*span)) or self._asks(span[0]):
                continue
            number = bisect_left(self.items, span[0], key=_START)
            if any(
                other.role == "condemnation"
                for other in self.items[number : bisect_left(self.items, span[1], key=_START)]
            ):
                return True
        return False

    def hits(self):
        hits = []
        for index, item in enumerate(self.items):
            category = item.category
            if category == "slur":
                hit = Hit(
                    "slur",
                    item.group,
                    item.term.severity,
                    item,
                    None,
                    f"slur: '{self.surface(item)}' targets group '{item.group}'",
                )
                # A slur in its everyday sense is read, and attacks no one.
                if item.term.term in self.context["homonym"] and self._other_sense(item):
                    hit.countered = True
                elif self._self_named(item):
                    hit.countered = True  # reclaimed: "Мы, москали, народ упрямый"
                hits.append(hit)
            elif category in _ATTACKING or category in _AIMED:
                found = (self._attached if category in _ATTACKING else self._framed)(index)
                if item.negated:
                    _counter(found)
                hits.extend(found)
            elif item.role == "human" and self._not_human(index):
                hits.extend(self._not_human_hits(index))
            elif item.role == "praise":
                hits.extend(self._praise_denied(index))
            elif item.role == "existence":
                hits.extend(self._existence_questioned(index))
        if hits and _may_quote(self.normalized.text):
            hits = self._unquoted(hits)
        if hits and not self.context["claims"].isdisjoint(self.words):
            self._claims_denied(hits)
        factors = self._countered()
        for hit in hits if factors else ():
            factor = factors.get(hit.sentence, 1.0)
            if factor == 0:
                # What the sentence condemns is said of a group; "..., you moron" is the
                # writer's own insult.
                hit.countered = hit.countered or hit.attack_type != "personal_insult"
            elif factor != 1 and not hit.countered:
                hit.severity *= factor
                hit.explanation += " (reported speech)"
        if any(hit.countered for hit in hits) and self._unaccounted(hits):
            # Countered hostility vouches for a comment only when it is all of its hostility:
            # "I don't hate Russians, I just wish they would all die" is no counter-speech.
            hits = [hit for hit in hits if not hit.countered]
        return hits

    def _unaccounted(self, hits):
        """Whether a violent, hateful, exclusion or derogation word or a slur of the comment is
        part of no hit while its sentence holds a possible target (a group, "they", "you"): the
        rules did not see it framed, but it may be aimed ("I just wish they would all die").
        Hostile adjectives left over qualify things ("a disgusting intolerance")."""
        covered = [(hit.start, max(hit.end, hit.span[1] if hit.span else 0)) for hit in hits]
        targeted = {
            item.sentence for item in self.items if item.is_group or item.role in _REFERENT_ROLES
        }
        return any(
            (item.category in _AIMED or item.category == "slur")
            and item.sentence in targeted
            and not any(start <= item.start < end for start, end in covered)
            for item in self.items
        )

    def _other_sense(self, slur):
        """Whether a slur with an everyday sense has it: a word of that sense stands at most
        SENSE_REACH words from it in its sentence ("a chink in the wall", "колол чурки для
        бани", "Rio Negro"), with no other hostile word or slur in the sentence; the slur does
        not open it ("Chinks are everywhere ...") nor stands right after "you" or before "you
        are" ("You a faggot if ...", "the faggot you are")."""
        if slur.first_in_sentence:
            return False
        for other in self._in_sentence(slur.sentence):
            if other is slur:
                continue
            if other.category in _ATTACKING_OR_AIMED or other.category == "slur":
                return False
            if other.role in _REFERENT_ROLES and (
                0 <= self._gap(other, slur) <= 1 or self._gap(slur, other) == 0
            ):
                return False
        sense = self.context["sense"]
        start, end = self._sentence_span(slur.start)
        start, end = max(start, slur.start - _CONTEXT_CHARS), min(end, slur.end + _CONTEXT_CHARS)
        words = self._words_in(start, end)
        at = next(index for index, (_, offset) in enumerate(words) if offset >= slur.start)
        near = words[max(0, at - SENSE_REACH - 1) : at + SENSE_REACH + 2]
        return any(word in sense for word, _ in near)

    def _self_named(self, slur):
        """Whether the speakers name themselves by a slur, in apposition to "we" ("Мы, чурки,
        готовим плов лучше всех", "We, dykes, ..."), in a sentence with no other hostile word,
        slur or "you"."""
        start, _ = self._sentence_span(slur.start)
        before = self._words_in(max(start, slur.start - _WORD_CHARS), slur.start)
        if not before or before[-1][0] not in self.context["we"]:
            return False
        if "," not in self.normalized.text[before[-1][1] : slur.start]:
            return False
        return not any(
            other is not slur
            and (
                other.category in _ATTACKING_OR_AIMED
                or other.category == "slur"
                or other.role == "you"
            )
            for other in self._in_sentence(slur.sentence)
        )

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

    def _praise_denied(self, index):
        """Praise of a group that a negation takes back: "Russians are never any good", "Not a
        single Kazakh is worth anything", "Русские не способны быть порядочными людьми". The
        group is the nearest before the praise, at most PRAISE_REACH words and no boundary word
        away ("Russians who don't drink are good"), and the negation stands between them or opens
        the sentence just before the group ("Not a single ...", "Ни один ..."). The praise ends
        its phrase or qualifies "people": "not good at chess", "not good drivers" judge a skill.
        """
        items = self.items
        item = items[index]
        target = self._item(item.referent_before)
        negation = self._item(item.negation_earlier)
        if (
            target is None
            or negation is None
            or item.position - self._phrase_end(target) > PRAISE_REACH
            or item.position - negation.position > NEGATION_REACH
            or not self._names_group(target)
        ):
            return []
        if negation.position < target.position and not (
            negation.first_in_sentence and target.position - negation.position <= PRAISE_REACH
        ):
            return []
        between = self.words[self._phrase_end(target) : item.position]
        if self._has_boundary(between) or not self._ends_praise(item):
            return []
        if not all(items[number].transparent for number in range(target.index + 1, index)):
            return []
        start = negation.start
        hits = self._aimed(
            item,
            target,
            "generalization",
            PRAISE_DENIED_SEVERITY,
            self._surface_span(start, item.end),
        )
        for hit in hits:
            hit.span = (start, item.end)
        return hits

    def _names_group(self, referent):
        """Whether a referent names a group, itself or as "they" or "you": praise taken back
        from an unnamed "they" or "you" ("you are no good") is no insult of a group."""
        if referent.role == "you":
            return bool(self.addressees)
        if referent.role == "they":
            return bool(self._resolve_they(referent))
        return self._names_someone(referent)

    def _phrase_end(self, referent):
        """The position after a referent and a word for a person it qualifies ("Chinese
        people")."""
        after = referent.position + referent.words
        if after < len(self.words) and self.words[after] in self.persons:
            return after + 1
        return after

    def _ends_praise(self, item):
        """Whether praise ends its phrase or qualifies "people": the text or the clause ends, or
        a filler ("worth anything") or a word like "people" follows."""
        after = item.position + item.words
        if after >= len(self.words):
            return True
        number = item.index + 1
        if number < len(self.items) and self.items[number].position == after:
            return self.items[number].role == "human"
        word = self.words[after]
        if word in self.filler and word not in self.boundary:
            return True
        text = self.normalized.text
        between = text[item.end : text.find(word, item.end)]
        return bool(between.strip()) and between not in _HYPHENS

    def _existence_questioned(self, index):
        """A group whose existence is questioned: "Why do Russians even exist?", "Зачем казахи
        вообще живут на этой земле?", "Зачем вообще существуют таджики?". The group is the
        verb's subject, before it or right after it with filler words only between ("Why does
        racism against Russians exist?" asks about racism), and "why" stands at most WHY_REACH
        words before the group or the verb, whichever comes first."""
        item = self.items[index]
        if item.negation_earlier is not None:
            return []
        words = self.words
        target = self._item(item.referent_before)
        if target is not None and self.filler.issuperset(
            words[self._phrase_end(target) : item.position]
        ):
            first = target
        else:
            target = self._item(item.referent_after)
            if target is None or not self.filler.issuperset(
                words[item.position + item.words : target.position]
            ):
                return []
            first = item
        if not self._names_group(target):
            return []
        for word in self._words_before(first, WHY_REACH + 1):
            if word.word in self.why:
                end = max(item.end, target.end)
                framing = self._surface_span(word.start, end)
                hits = self._aimed(item, target, "generalization", EXISTENCE_SEVERITY, framing)
                for hit in hits:
                    hit.span = (word.start, end)
                return hits
        return []

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
            if not self._heads_phrase(item):
                return []  # it qualifies a thing: "эти сраные пробки", "these dirty streets"
            return self._aimed(item, before, kind, severity, "")
        referent = self._referent(index)
        if referent is None:
            return []
        return self._aimed(item, referent, kind, severity, "")

    def _heads_phrase(self, item):
        """Whether a hostile word is no adjective of an ordinary noun after it: it is a noun
        (an English plural, a Russian word without an adjective's ending: "these retards out of
        my sight"), another item follows it directly ("these filthy pigs", "these dirty
        people"), or nothing does."""
        word = self.words[item.position + item.words - 1]
        if item.term.script == "latin":
            if word.endswith("s") and not word.endswith(("ous", "ss")):
                return True
        elif not word.endswith(_RU_ADJECTIVE_ENDINGS):
            return True
        number = item.index + 1
        if number < len(self.items) and self.items[number].position <= item.position + item.words:
            return True
        return self._ends_clause(item)

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
        # Not through a comparison: "I like dogs better than Russians" compares no one to dogs.
        if (
            after is not None
            and self._reaches(item, after)
            and (after.simile_before is None or after.simile_before < index)
        ):
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

    def _framed(self, index):
        """Rule 4: the hit of a violent, hateful, exclusion or derogation word framed as intent,
        call or norm (or so by its own form) and aimed at a group, or none."""
        item = self.items[index]
        if not self._may_target(item):
            return []  # most violent words in comments: no one to aim at nearby
        if item.category in _SELF_FRAMED:
            frame, reach = item, _EITHER_SIDE
        elif item.category == "hate" and (speaker := self._speaker(item, item)) is not None:
            frame, reach = speaker, _OBJECT  # "I hate ...", "I would never trust ..."
        else:
            frame, reach = self._framing(item)
            if item.category == "hate" and reach is _EITHER_SIDE:
                reach = _OBJECT  # "you should never trust ...": "Russians should hate" is theirs
        target = None
        if frame is None and item.category == "violent":
            frame, target = self._conditional_threat(item)
        if frame is None:
            return []
        target = target or self._target(item, frame, reach)
        if target is None:
            return []
        hits = self._aimed_hits(item, frame, target)
        if self._denied(item):
            _counter(hits)
        return hits

    def _conditional_threat(self, item):
        """(The first word of a future passive, the group) when a violent verb in the future
        passive threatens a group that "any" or "every" picks out, else (None, None): "Any
        Russian who comes near my house is getting stabbed", "Every Kazakh who tries will be
        shot" (a relative clause may stand between). Not a report: "Every Jew who was killed
        ..." has no future; nor a prediction of what the group does: "Russians will kill ..." is
        no passive."""
        future = passive = False
        for before in self._words_before(item, FRAME_REACH + 1):
            future = future or self.framing.get(before.word) == "future"
            passive = passive or before.word in self.copulas
            if future and passive:
                break
        else:
            return _UNFRAMED
        if not self._path(before.position, item.position, FRAME_REACH, item):
            return _UNFRAMED
        group = self._item(item.group_before)
        if (
            group is None
            or not group.position
            or self.words[group.position - 1] not in self.universal
            or not self._names_someone(group)
        ):
            return _UNFRAMED
        return before, group

    def _denied(self, item):
        """Whether a negation or denial up to NEGATION_REACH words before `item` in its sentence
        cancels it ("I don't hate", "nobody should kill", "I won't hurt")."""
        negation = self._item(item.negation_earlier)
        if negation is not None and item.position - negation.position <= NEGATION_REACH:
            return True
        # "Never" only stresses a word that is a negation itself: "никогда нельзя доверять".
        stressed = item.term.words[0] in _NEGATIVE_STARTS
        return any(
            self.framing.get(before.word) == "denial"
            and not (stressed and before.word in _STRESSING_DENIALS)
            for before in self._words_before(item, NEGATION_REACH + 1)
        )

    def _may_target(self, item):
        """Whether a group or referent stands near enough to `item` to be its target."""
        after = self._item(item.referent_after)
        if after is not None and self._gap(item, after) <= OBJECT_REACH:
            return True
        before = self._item(item.referent_before)
        return before is not None and self._gap(before, item) <= TARGET_REACH

    def _speaker(self, word, item):
        """The "I" or "we" that a word (`item`, or a framing word before it) is said by ("I
        really can't stand"), or None."""
        for before in self._words_before(word, SPEAKER_REACH + 1):
            if self.framing.get(before.word) == "first_person":
                spoken = self._path(before.position + 1, word.position, SPEAKER_REACH, item)
                return before if spoken else None
        return None

    def _framing(self, item):
        """How a violent or exclusion word is framed: (the first framing word, where its target
        may stand), or (None, None) when it is not framed as intent, call or norm."""
        for cue in self._words_before(item, FRAME_REACH + 1):
            role = self.framing.get(cue.word)
            if role == "modal" and not self._modal_reads_as_call(cue):
                return _UNFRAMED
            if role == "modal":  # "should all be shot", "надо их перерезать", "let's burn"
                if not self._path(cue.position + 1, item.position, FRAME_REACH, item, True):
                    return _UNFRAMED
                return cue, _EITHER_SIDE if self._said_of_subject(cue, item) else _OBJECT
            if role == "future":  # "I will kill", "I am going to hurt"
                speaker = self._speaker(cue, item)
                framed = self._path(cue.position + 1, item.position, FRAME_REACH, item, True)
                return (speaker, _OBJECT) if speaker is not None and framed else _UNFRAMED
        after = self._word_after(item)
        if after is not None and self.framing.get(after) == "modal":
            return item, _EITHER_SIDE  # the modal after its verb: "өлтіру керек", "гнать надо"
        if (
            item.first_in_sentence and not self.words[item.position].endswith("ing")
        ) or self._opens_quotation(item):
            # A command: "Kill all ...", "Гнать ...", '«Смерть ...»' (not a gerund, the subject:
            # "Killing Kazakhs is a crime").
            return item, _COMMAND
        before = self._item(item.index - 1) if item.index else None
        if (
            before is not None
            and before.is_group
            and before.first_in_sentence
            and before.comma_after
            and self._gap(before, item) == 0
        ):
            return before, _OBJECT  # a command to an addressed group: "Russians, go home"
        return _UNFRAMED

    def _modal_reads_as_call(self, cue):
        """Whether a modal cue is a call or wish: always, but for the past-tense and optative ones
        (_CLAUSE_OPENING_MODALS), which are one only first in their clause ("Пошли бить ...",
        "Пацаны, пошли ...", "May they all rot"), not after a subject ("Они пошли бить ...",
        "Russians may die")."""
        if cue.word not in _CLAUSE_OPENING_MODALS:
            return True
        before = next(self._words_before(cue, 2), None)
        return before is None or "," in self.normalized.text[before.start : cue.start]

    def _opens_quotation(self, item):
        """Whether `item` is the first word of a quotation, as of a sentence: 'wrote "Death to
        ..."' (the sentence around it may condemn or report it: _unquoted)."""
        text = self.normalized.text
        if self.openings is None:
            self.openings = frozenset(
                opening for opening, _ in (_quotations(text) if _may_quote(text) else ())
            )
        if not self.openings:
            return False
        before = item.start - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        return before in self.openings

    def _words_before(self, word, count):
        """Up to `count` words before a word (an item or a _Word) in its sentence, nearest
        first, as _Word. Framing words are looked up here, not placed: most comments have
        plenty of "I" and "will" and no word for them to frame."""
        sketch = self._outline()
        words = self.words
        end = word.start
        for position in range(word.position - 1, max(word.position - count, 0) - 1, -1):
            index = end - 1
            while index >= 0 and sketch[index] in " '":
                index -= 1
            if index < 0 or sketch[index] == ".":
                return
            token_start = max(sketch.rfind(" ", 0, index), sketch.rfind(".", 0, index)) + 1
            token = sketch[token_start : index + 1]
            start = token_start + len(token) - len(token.lstrip("'"))
            if token.strip("'") != words[position]:
                return  # the text does not split as the words do (a lone quote mark)
            yield _Word(position, start, words[position])
            end = token_start

    def _word_after(self, item):
        """The word right after `item` in its sentence, or None."""
        position = item.position + item.words
        if position >= len(self.words):
            return None
        word = self.words[position]
        between = self._outline()[item.end : self.normalized.text.find(word, item.end)]
        return None if "." in between else word

    def _outline(self):
        if self.sketch is None:
            self.sketch = outline(self.normalized.text)
        return self.sketch

    def _said_of_subject(self, cue, item):
        """Whether the group before a modal cue may be what its verb is done to: the verb is
        passive ("should all be shot") or ends its clause ("must die.", "should go back to"),
        or it is Russian or Kazakh, where case, not order, marks the object ("Всех русских надо
        перерезать"). Else the subject does it: "Americans should get rid of ..."."""
        if item.term.script == "cyrillic" or self._ends_clause(item):
            return True
        return not self.copulas.isdisjoint(self.words[cue.position + 1 : item.position])

    def _path(self, start, end, reach, item, objects=False):
        """Whether the words from position `start` to `end` (at most `reach`, in `item`'s
        sentence, which is at or after `end`) are each a filler, framing or "to" word, or an
        item a hostile word reaches through ("all", "not"); with `objects` also a group or
        referent ("надо всех русских перестрелять", "надо их ...")."""
        if end - start > reach:
            return False
        items, words = self.items, self.words
        number = item.index
        while number and items[number - 1].position >= start:
            number -= 1
        position = start
        while position < end:
            between = items[number] if number < len(items) else None
            if between is not None and between.position == position:
                if not (
                    between.transparent
                    or (objects and (between.is_group or between.role in _REFERENT_ROLES))
                ):
                    return False
                position += between.words
                number += 1
            elif (
                words[position] in self.filler
                or words[position] in self.infinitive
                or words[position] in self.framing
            ):
                position += 1
            else:
                return False
        return True

    def _target(self, item, frame, reach):
        """Whom a framed word is aimed at: its object after it, else (unless `reach` is
        _COMMAND) a group or referent between the frame and it, else (for _EITHER_SIDE) the
        subject before the frame."""
        for after in (self._item(item.group_after), self._item(item.referent_after)):
            if after is not None and self._object_of(item, after, strict=reach is _COMMAND):
                return after
        if item.category in ("violent", "threat") and (dwellers := self._dwellers(item)):
            return dwellers
        if reach is _COMMAND:
            return None
        for before in (self._item(item.group_before), self._item(item.referent_before)):
            if before is None or not self._names_someone(before) or self._after_preposition(before):
                continue
            if before.position >= frame.position:  # "I want all Russians dead"
                return before
            if (
                reach is _EITHER_SIDE
                and frame.position - before.position - before.words <= SUBJECT_REACH
                and self.boundary.isdisjoint(
                    self.words[before.position + before.words : frame.position]
                )
                # Not the object of another verb: "The soldier who killed Russians should be ..."
                and not any(
                    self.items[number].category in _AIMED
                    for number in range(max(before.index - 1, 0), item.index)
                )
            ):
                return before
        return None

    def _after_preposition(self, referent):
        """Whether a referent is the object of a preposition ("Racism against Kazakhs disgusts
        me", "Hatred towards the Jews makes me sick"), so not the subject of a verb after it."""
        position = referent.position - 1
        if position >= 0 and self.words[position] in ("the", "all"):
            position -= 1
        return position >= 0 and self.words[position] in _SUBJECTLESS_PREPOSITIONS

    def _dwellers(self, item):
        """The group whose place a violent verb is done to, named in a "where" clause after its
        object: "burn every house where Jews live", "сжечь все места, где собираются X"."""
        group = self._item(item.group_after)
        if group is None or not self._names_someone(group):
            return None
        between = self.words[item.position + item.words : group.position]
        places = [number for number, word in enumerate(between) if word in _PLACE_RELATIVES]
        if not places or places[0] > OBJECT_REACH or len(between) - places[0] - 1 > 2:
            return None
        between_items = range(item.index + 1, group.index)
        if any(self.items[number].category in _AIMED for number in between_items):
            return None
        # The clause ends within a word or two: "where Kazakh people gather.", not "where
        # Russians signed the treaty".
        rest = _CLAUSE_END.split(self.normalized.text[group.end :], maxsplit=1)[0]
        return group if len(rest.split()) <= 2 else None

    def _object_of(self, verb, target, strict):
        """Whether `target` is the object of `verb`: a few words after it with no preposition
        or conjunction between ("hurt every one of the Russians"), or, for a command, reached
        through filler and transparent words only ("Kill all the ...")."""
        if self._gap(verb, target) > OBJECT_REACH or not self._names_someone(target):
            return False
        if strict:  # (a demonstrative too: "burn these ...")
            if self._past_comma(verb, target):
                return False  # an exclamation, not a command: "Fuck, the Russians scored"
            between = verb.position + verb.words
            return self._path(between, target.position, OBJECT_REACH, target, True)
        # Nor another such verb between: "I can't stand people who hate Jews"; nor a comma,
        # past which a new clause begins: "Я устал от работы, а казахи ...".
        between = self.words[verb.position + verb.words : target.position]
        if self._past_comma(verb, target):
            return False
        if verb.category == "hate" and between and between[0] in self.infinitive:
            return False  # the hated thing is an action: "I would hate to lose to the Kazakhs"
        # Nor a word of speech: "I am sick of people dehumanising Jews", "I hate people calling
        # Russians pigs" (what is hated is what they say).
        return not self._has_boundary(between) and not any(
            self.items[number].category in _AIMED or self.items[number].role in _SAYING
            for number in range(verb.index + 1, target.index)
        )

    def _past_comma(self, verb, target):
        """Whether a comma stands between a verb and a target in a new clause: "Я устал от
        работы, а казахи ...", "Fuck, the Russians scored". A target that the comma sets off
        (only an article or a demonstrative between, nothing but punctuation or filler after
        it) is the verb's object restated or addressed: "Надо их всех перестрелять, этих
        узбеков", "Go home, Kazakhs!"."""
        text = self.normalized.text
        comma = text.rfind(",", verb.end, target.start)
        if comma < 0:
            return False
        end = target
        number = target.index + 1
        after = target.position + target.words
        if (
            number < len(self.items)
            and self.items[number].position == after
            and self.words[after] in self.persons
        ):
            end = self.items[number]  # "..., Chinese people!"
        if not self._punctuation_after(end):
            return True
        set_off = {
            self.words[self.items[number].position]
            for number in range(verb.index + 1, target.index)
            if self.items[number].start > comma and self.items[number].role == "demonstrative"
        }
        return any(
            word not in set_off and word not in self.articles
            for word in _WORD.findall(text, comma + 1, target.start)
        )

    def _punctuation_after(self, item):
        """Whether the text ends after an item, or punctuation follows it."""
        after = item.position + item.words
        if after >= len(self.words):
            return True
        text = self.normalized.text
        between = text[item.end : text.find(self.words[after], item.end)]
        return bool(between.strip()) and between not in _HYPHENS

    def _has_boundary(self, words):
        """Whether a boundary word ends a phrase among `words`; "из" after a quantifier does not
        ("ненавижу каждого из них")."""
        if self.boundary.isdisjoint(words):
            return False
        return any(
            word in self.boundary
            and not (word in self.partitive and number and words[number - 1] in self.filler)
            for number, word in enumerate(words)
        )

    def _names_someone(self, target):
        """Whether a referent names people: a group word that ends its phrase ("Russians", not
        "Russian winters"), "they", "you", or "these" before a group or people word."""
        if target.is_group:
            return self._ends_phrase(target)
        if target.role != "demonstrative":
            return True
        after = self._item(target.index + 1) if target.index + 1 < len(self.items) else None
        if after is None or self._gap(target, after) != 0:
            return False
        if after.is_group:  # "these women", not "these women's double standard"
            return self._ends_phrase(after)
        return after.role == "human" or after.category in _ATTACKING

    def _ends_phrase(self, group):
        """Whether a group word is the head of its phrase: no ordinary or hostile word follows
        it directly ("I hate Russian winters", "ненавижу русскую еду", "I hate Muslim
        terrorists" name no group as the one hated), unless it qualifies a word for a person
        ("the next Russian guy"). An English plural heads its phrase whatever follows: it
        qualifies no noun ("wipe out Russians once and for all")."""
        after = group.position + group.words
        if after >= len(self.words):
            return True
        if self.words[after] in self.persons:
            return True
        last = self.words[after - 1]
        if group.term.script == "latin" and (last[-1] == "s" or last in self.persons):
            return True
        if group.term.language == "ru" and not last.endswith(_RU_ADJECTIVE_ENDINGS):
            return True  # a Russian noun qualifies none: "презираю узбеков всей душой"
        number = group.index + 1
        if number < len(self.items) and self.items[number].position == after:
            # A cue or people word: "Russians, not ...", "Chinese people".
            return self.items[number].category not in _ATTACKING
        return self._ends_clause(group)

    def _ends_clause(self, item):
        """Whether no ordinary word follows an item directly: the text ends, punctuation or a
        filler, framing, "to" or boundary word follows ("must die.", "should go back to ...",
        "Russians should")."""
        after = item.position + item.words
        if after >= len(self.words):
            return True
        word = self.words[after]
        if (
            word in self.filler
            or word in self.framing
            or word in self.boundary
            or word in self.infinitive
        ):
            return True
        text = self.normalized.text
        between = text[item.end : text.find(word, item.end)]
        return bool(between.strip()) and between not in _HYPHENS

    def _aimed_hits(self, item, frame, target):
        kind = _AIMED_ATTACK[item.category]
        severity = item.term.severity
        # The framing words, when they are not the target: "should all be shot", "I hate".
        start = frame.start if frame is not target and frame.start < item.start else item.start
        span = (start, item.end)
        word = self._surface_span(*span)
        span = span if start != item.start else None
        if target.is_group:
            explanation = f"{kind}: '{word}' aimed at group '{target.group}'"
            return [Hit(kind, target.group, severity, item, target, explanation, span)]
        said = self.surface(target)
        if target.role == "you":
            groups = self.addressees
            verb = "addressed to"
        else:
            groups = [group] if (group := self._resolve_they(target)) else []
            verb = "aimed at"
        return [
            Hit(
                kind,
                group,
                severity,
                item,
                None,
                f"{kind}: '{word}' {verb} group '{group}' ('{said}')",
                span,
            )
            for group in groups
        ]

    def _in_sentence(self, sentence):
        """The items of a sentence (by its number), in order."""
        if self.by_sentence is None:
            self.by_sentence = {}
            for item in self.items:
                self.by_sentence.setdefault(item.sentence, []).append(item)
        return self.by_sentence.get(sentence, ())

    def _sentence_span(self, offset):
        """(start, end) of the sentence around an offset of the normalized text."""
        if self.boundaries is None:
            sketch = self._outline()
            self.boundaries = [match.start() for match in _BOUNDARY.finditer(sketch)]
            self.boundaries.append(len(sketch))
        number = bisect_left(self.boundaries, offset)
        return (self.boundaries[number - 1] + 1 if number else 0), self.boundaries[number]

    def _neighbour(self, start, end, step):
        """(start, end) of the sentence before (`step` -1) or after (1) the one from `start` to
        `end`, past empty ones ("?!"), or None."""
        sketch = self._outline()
        while True:
            if step > 0:
                if end >= len(sketch):
                    return None
                start = end + 1
                end = sketch.find(".", start)
                end = len(sketch) if end < 0 else end
            else:
                if start <= 0:
                    return None
                end = start - 1
                start = sketch.rfind(".", 0, end) + 1
            if sketch[start:end].strip(" '"):
                return start, end

    def _words_in(self, start, end):
        """The words of the normalized text from `start` to `end`, as (word, offset) pairs."""
        return [
            (match.group().strip("'"), match.start())
            for match in _SKETCH_WORD.finditer(self._outline(), start, end)
        ]

    def _count_words(self, start, end):
        """The number of words from `start` to `end` of the normalized text, counted up to one
        more than _VERDICT_WORDS."""
        number, limit = 0, _VERDICT_WORDS + 1
        for _ in _SKETCH_WORD.finditer(self._outline(), start, end):
            number += 1
            if number >= limit:
                break
        return number

    def _approves(self, words):
        """Whether (word, offset) pairs hold a word that approves of what is said ("right")."""
        approval = self.context["approval"]
        return any(word in approval for word, _ in words)

    def _claims_denied(self, hits):
        """Counters the hits of a claim that its sentence calls false ("It's not true that ...",
        "Неправда, что ...", "... - that's a myth"), that a negated opinion verb holds ("Nobody
        thinks ...", "Никто не считает ..."), or that the sentence ascribes to those who make it
        ("People who say ... should look in the mirror", "Те, кто называет ..."), unless it
        approves of them ("... are right"). Slurs stay; the rules' own hits ("are not people",
        praise denied: "can't be trusted") only when a negation within the claim is what the
        sentence calls false ("It's a lie that Russians can't be trusted", not "It's not true
        that Russians are any good")."""
        for hit in hits:
            if hit.countered or hit.attack_type == "slur" or hit.group_span is None:
                continue  # (every rule here reads the group the claim names)
            start, end = self._sentence_span(hit.start)
            # (The words near the hit only, less a word the window cuts: a sentence can be a
            # whole long comment.)
            cut = hit.start - _CONTEXT_CHARS > start
            start, end = max(start, hit.start - _CONTEXT_CHARS), min(end, hit.end + _CONTEXT_CHARS)
            before = self._words_in(start, hit.start)[int(cut) :]
            group = hit.group_span[0] if hit.group_span is not None else None
            if hit.term is None:
                if self._denied_before(before, hit.start, group, negated_claim=True):
                    hit.countered = True
            elif (
                self._denied_before(before, hit.start, group)
                or (hit.attack_type != "personal_insult" and self._denied_after(hit, end))
                or self._said_by_others(hit, start, end)
            ):
                hit.countered = True

    def _denied_before(self, before, at, group, negated_claim=False):
        """Whether the words `before` a hit (at offset `at`) in its sentence call the claim it
        opens false ("not true that", "ложь, что") or take back an opinion ("never found") about
        the group named after them (starting at offset `group`), at most CLAIM_REACH words
        before the hit and with no break (punctuation, "but") between. With `negated_claim`,
        only a claim that holds a negation, called false."""
        context = self.context
        negations = context["negation"] | context["denial"]
        text = self.normalized.text
        words = [word for word, _ in before]
        for index in range(len(words) - 1, -1, -1):
            word = words[index]
            if word in context["contrast"] or _CLAUSE_BREAK.search(text, before[index][1], at):
                return False
            if len(words) - index - 1 > CLAIM_REACH:
                return False
            if group is None or group < before[index][1]:
                continue  # the claim is about a group named after the cue
            if word in context["clause"] and index and self._calls_false(words, index - 1):
                if self._asks(at):  # "Isn't it true that ...?" asks to agree
                    return False
                return not negated_claim or bool(
                    context["negation"].intersection(words[index + 1 :])
                )
            if negated_claim:
                continue
            if word in context["opinion"] and any(
                words[other] in negations
                and not _CLAUSE_BREAK.search(text, before[other][1], before[index][1])
                for other in range(max(0, index - 3), index)
            ):
                return True
        return False

    def _asks(self, offset):
        """Whether the sentence around an offset of the normalized text is a question."""
        end = self._sentence_span(offset)[1]
        return self.normalized.text[end : end + 1] == "?"

    def _calls_false(self, words, index, after=False):
        """Whether words[index] calls a claim false: "myth", "ложь", or a negated "true" (or,
        `after` the claim, a negated "so": "это не так")."""
        context = self.context
        word = words[index]
        if word in context["falsity"]:
            return True
        truth = word in context["truth"] or (after and word in context["truth_after"])
        return truth and bool(context["negation"].intersection(words[max(0, index - 2) : index]))

    def _denied_after(self, hit, end):
        """Whether the words after a hit, in a clause or a short sentence of their own, call it
        false: "Kazakhs are lazy - that's a myth", "Казахи ленивые? Это неправда." (not "... it's
        a lie that they are people")."""
        text = self.normalized.text
        after = self._words_in(hit.end, end)
        spans = []
        for index, (_, offset) in enumerate(after):
            if _CLAUSE_BREAK.search(text, after[index - 1][1] if index else hit.end, offset):
                spans.append(after[index:])
                break
        following = self._neighbour(*self._sentence_span(hit.start), 1)
        if following is not None:
            spans.append(self._words_in(*following))
        for words in spans:
            words = [word for word, _ in words[: _DENIAL_WORDS + 1]]
            if len(words) > _DENIAL_WORDS or not words or words[0] not in self.context["anaphor"]:
                continue
            if any(word in self.context["clause"] for word in words[1:]):
                continue
            if any(self._calls_false(words, index, True) for index in range(1, len(words))):
                return True
        return False

    def _said_by_others(self, hit, start, end):
        """Whether a speech or naming word after "who" ("people who say", "те, кто называет")
        stands before a hit and the group it names in its sentence, which does not approve of
        it. ("Whoever told you this is an idiot" insults the one who said it.)"""
        sayer = self.context["sayer"]
        words = self.words
        if hit.group_span is None:
            return False
        first = bisect_left(self.items, start, key=_START)
        for item in self.items[first : bisect_left(self.items, hit.group_span[0], key=_START)]:
            if (
                item.sentence == hit.sentence
                and item.role in ("speech", "naming")
                and sayer.intersection(words[max(0, item.position - 2) : item.position])
            ):
                return not self._approves(self._words_in(start, end))
        return False

    def _unquoted(self, hits):
        """`hits` with those inside a quotation that its sentence condemns or reports countered
        ('Saying "Russians are vermin" is wrong'), less the condemning words themselves
        ("мерзко" is also a hostile word). A quotation that is a sentence of its own (but for
        a word or two: "'...', seriously?") may be condemned by the sentence before or after it
        ('"Jews should be shot"? You should be ashamed.'), one that asks nothing. A sentence
        that approves of the quotation ("... and he was right"), or is followed by a short
        sentence that does ("Good."), condemns nothing."""
        text = self.normalized.text
        quotations = _quotations(text)
        if not quotations:
            return hits
        sketch = self._outline()
        cancelled = []  # (opening, closing) of each condemned quotation
        condemning = set()  # where the words that condemn them start
        for opening, closing in quotations:
            left = sketch.rfind(".", 0, opening) + 1
            right = sketch.find(".", closing)
            right = len(sketch) if right < 0 else right
            around = self._count_words(left, opening) + self._count_words(closing + 1, right)
            windows = [(left, right)]
            if around <= _ASIDE_WORDS:
                windows.extend(
                    span
                    for span in (self._neighbour(left, right, -1), self._neighbour(left, right, 1))
                    if span is not None
                )
            # (Only the items of the windows: a long comment can hold thousands of quotations.)
            first = bisect_left(self.items, min(start for start, _ in windows), key=_START)
            last = bisect_left(self.items, max(end for _, end in windows), key=_START)
            counter = [
                item
                for item in self.items[first:last]
                if item.role in _QUOTE_COUNTER_ROLES
                and not opening <= item.start <= closing
                and (
                    left <= item.start < right
                    or (
                        item.role == "condemnation"
                        and any(start <= item.start < end for start, end in windows[1:])
                        and not self._asks(item.start)
                    )
                )
            ]
            following = self._neighbour(left, right, 1)
            if (
                following is not None
                and self._count_words(*following) <= _VERDICT_WORDS
                and self._approves(self._words_in(*following))
            ):
                counter = []  # '"Death to ..." on the wall. Good.'
            if counter and any(
                self._approves(self._words_in(start, end)) for start, end in windows
            ):
                counter = []
            if counter:
                cancelled.append((opening, closing))
                condemning.update(item.start for item in counter)
        kept = []
        for hit in hits:
            if hit.start in condemning:
                continue
            # The last condemned quotation opened before the hit (quotations do not nest).
            number = bisect_left(cancelled, (hit.start,)) - 1
            if number >= 0 and hit.start < cancelled[number][1]:
                hit.countered = True
            kept.append(hit)
        return kept


def _counter(hits):
    for hit in hits:
        hit.countered = True


# A word of the outline; punctuation that ends a clause ("It's not true that A, they are B").
_SKETCH_WORD = re.compile("[^ .]+")
_BOUNDARY = re.compile("[.]")
# How far (in characters) the counter-speech and sense rules read around a hit.
_CONTEXT_CHARS = 150
# Enough characters for the word before a slur ("Мы, чурки").
_WORD_CHARS = 40
_CLAUSE_BREAK = re.compile("[,;:—–]| - ")
# The most words of a sentence that condemns the reported speech next to it ("Shameful.").
_VERDICT_WORDS = 5
# The most words of a clause that calls what it follows false ("that's a myth", "это не так").
_DENIAL_WORDS = 5
# The most words besides a quotation in its sentence for it to stand as a sentence of its own.
_ASIDE_WORDS = 2
# Words around a quotation that condemn or report it: "is wrong", "saying", "пишет".
# "quoting": words that name what is quoted, only around a quotation ('"..." - how is this
# comment still up?', '... is not an opinion, it is hatred').
_QUOTE_COUNTER_ROLES = frozenset(("condemnation", "speech", "naming", "stop", "quoting"))
# Quotation marks: double ones, and a single one at the edge of a word (not "don't").
_QUOTE_MARKS = re.compile("[\"«»“”„']")
_CLOSING_MARKS = {"«": "»", "“": "”", "„": "“”", '"': '"', "'": "'"}


def _may_quote(text):
    """Whether `text` may hold a quotation: a double mark, or a single one after a space or at
    the start (most single marks are apostrophes: "don't")."""
    return (
        '"' in text
        or "«" in text
        or "“" in text
        or "„" in text
        or " '" in text
        or text.startswith("'")
    )


def _quotations(text):
    """The (opening, closing) offsets of the quotations in `text`, not nested."""
    quotations = []
    opened = None
    last = len(text) - 1
    for match in _QUOTE_MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark == "'" and 0 < at < last and text[at - 1].isalnum() and text[at + 1].isalnum():
            continue  # an apostrophe: "don't"
        if opened is not None and mark in _CLOSING_MARKS[text[opened]]:
            quotations.append((opened, at))
            opened = None
        elif (
            opened is None
            and mark in _CLOSING_MARKS
            # A single mark opens only before a word: "'kill all'", not "Russians' dogs".
            and (mark != "'" or (at < last and text[at + 1].isalnum()))
        ):
            opened = at
    return quotations
