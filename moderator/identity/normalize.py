"""Undo the ways commenters disguise words, keeping every character's place in the original text.

Case, Unicode compatibility forms (NFKC), invisible characters, combining marks, leetspeak
("n1gger"), masking ("f*ck"), Latin/Cyrillic homoglyph mixing ("pуcские"), stretched letters
("piiigs") and spaced-out letters ("s.w.i.n.e"). Clean text takes a fast path: lowercased and
split into words (ASCII and Cyrillic text by translation tables, a byte a character). Text with
disguised characters is rebuilt character by character (runs of plain ones at once) and its
tokens repaired (once per distinct token); a word disguised inside (found by the lexicon, once
per distinct word) is replaced by repair_words(). A repair is kept only when it turns a word
into a lexicon word, so normalization never joins two real words into a false hit.
"""

import re
import unicodedata
from dataclasses import dataclass

INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
_FOLD = {"ё": "е", "’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"}
_LATIN_TO_CYRILLIC = str.maketrans("aceopxykhmtb", "асеорхукнмтв")
_CYRILLIC_TO_LATIN = str.maketrans("асеорхукі", "aceopxyki")
# Leetspeak by the word's script; `*` stays as a mask for unmask().
_LEET = {
    "latin": str.maketrans("013457@$!|+", "oieastasiit"),
    "cyrillic": str.maketrans("0134@6!", "оизчаби"),
}
# Signs of disguise that cross word characters, each a cheap scan; text showing none takes the
# fast path. Disguises inside a word ("m0nkeys", "piiigs", "pуcские") are found word by word, once
# per distinct word, by disguised_word().
_DISGUISES = (
    re.compile(r"[@$!*|+][^\W\d_]"),  # symbols inside a word: "sw!ne", "f*ck"
    re.compile(r"([.\-_*])\w\1\w"),  # spaced-out letters: "s.w.i.n.e", "s-w-i-n-e"
    re.compile(r" \w \w \w \w\b"),  # "s w i n e"
)
_INVISIBLE = re.compile("[" + INVISIBLE + "]")
_ANY_LATIN = re.compile("[a-z]")
_CYRILLIC_LETTERS = re.compile("[\u0400-\u04ff]")
_TOKEN = re.compile(r"(?:[^\W_]|[@$!*|+'])+")
WORD = re.compile(r"\w+(?:'\w+)*")  # a word, as the matcher counts words

# Most comments are ASCII text or Russian text of the Windows Cyrillic code page (cp1251, which
# holds ASCII): encoded one byte a character, they are lowercased, checked for disguise and split
# into words by bytes.translate() at C speed instead of by regular expressions.
_CODE_PAGE = "cp1251"
_CODE_PAGE_CHARACTERS = [bytes([code]).decode(_CODE_PAGE, "replace") for code in range(256)]
# Lowercase and fold (_FOLD), a byte for a byte: every character of the code page has a
# one-character lowercase form in it (bytes.translate() takes only a table of 256).
_LOWERED = b"".join(
    _FOLD.get(lower, lower).encode(_CODE_PAGE, "replace")
    for lower in (char.lower() for char in _CODE_PAGE_CHARACTERS)
)
# Characters that NFKC changes ("…", "№", no-break space) and the soft hyphen: text with one takes
# the path that normalizes it.
_UNSETTLED = "".join(
    char
    for char in _CODE_PAGE_CHARACTERS
    if char in INVISIBLE or not unicodedata.is_normalized("NFKC", char)
).encode(_CODE_PAGE)
# A class per character of lowercased text, for the signs of disguise: w (a word character but
# "_"), ! (a symbol of _DISGUISES: "@$!*|+"), the spacers "." "-" "_" and space as themselves, u
# (a character of _UNSETTLED; none lowercases into or out of them) and # for the rest.
_DISGUISE_CLASSES = bytes(
    ord(
        "u"
        if char.encode(_CODE_PAGE, "replace") in _UNSETTLED
        else "w"
        if char.isalnum()
        else "!"
        if char in "@$!*|+"
        else char
        if char in ".-_ "
        else "#"
    )
    for char in _CODE_PAGE_CHARACTERS
)
# With every character that is not a word character or an apostrophe made a space (and every
# apostrophe that is not between two word characters), str.split() gives the words.
_WORD_CHARACTERS_ONLY = bytes(
    code if char.isalnum() or char in "_'" else ord(" ")
    for code, char in enumerate(_CODE_PAGE_CHARACTERS)
)
# The tokens of _repair(): with every character that is not in one made a space, str.split()
# gives them.
_TOKEN_CHARACTERS_ONLY = bytes(
    code if char.isalnum() or char in "@$!*|+'" else ord(" ")
    for code, char in enumerate(_CODE_PAGE_CHARACTERS)
)
# Three one-letter tokens one spacer apart ("s.w.i"; "*" is part of a token, so never between two)
# are letters (l) with a spacer (s) between them and none around them.
_SPACED_LETTER_CLASSES = bytes(
    ord("l" if char.isalpha() else "s" if char in " .-_·" else "x")
    for char in _CODE_PAGE_CHARACTERS
)
_SPACED_OUT = re.compile("(?<!l)lslsl(?!l)")
_SENTENCE_BOUNDARIES = ".!?;…\n"
# The same, with sentence boundaries made "." (outline()).
_OUTLINE = bytes(
    ord(".") if char in _SENTENCE_BOUNDARIES else code
    for code, char in zip(_WORD_CHARACTERS_ONLY, _CODE_PAGE_CHARACTERS, strict=True)
)
_SENTENCE_BOUNDARY = re.compile("[" + _SENTENCE_BOUNDARIES + "]")
_NEITHER_WORD_NOR_BOUNDARY = re.compile(r"[^\w'.]")
# Characters that NFKC keeps, that lowercase into one character, and neither invisible nor
# combining: those of ASCII and the code page but _UNSETTLED. _normalize_characters() takes each
# run of them at once.
_PLAIN = sorted(
    char
    for char in {*map(chr, range(128)), *_CODE_PAGE_CHARACTERS}
    if char not in INVISIBLE
    and not unicodedata.combining(char)
    and unicodedata.normalize("NFKC", char) == char
    and len(char.lower()) == 1
)
_NOT_PLAIN = re.compile("[^" + re.escape("".join(_PLAIN)) + "]")
# In text of word characters, apostrophes and spaces: an apostrophe not between two word
# characters. (It is found first, then what is around it is looked at.)
_LONE_APOSTROPHE = re.compile(r"'(?:(?<=^')|(?<=[ ']')|(?=[ ']|\Z))")
_SPACER = " .-_*·"
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")
_REMEMBERED_REPAIRS = 100_000


def fold_word(text):
    """The normalized spelling of a lexicon word (no disguise undone: lexicons are clean)."""
    return _fold(unicodedata.normalize("NFKC", text).lower()).strip()


def _fold(lowered):
    """ё as е, and every apostrophe as '. (str.replace is much faster than str.translate.)"""
    if lowered.isascii():
        return lowered.replace("`", "'") if "`" in lowered else lowered
    for char, replacement in _FOLD.items():
        if char in lowered:
            lowered = lowered.replace(char, replacement)
    return lowered


@dataclass(slots=True)
class Normalized:
    """Normalized text; `starts[i]`/`ends[i]` are the original span of normalized character i.

    Both are None when the normalized text lines up character for character with the original.
    """

    text: str
    starts: list | None = None
    ends: list | None = None

    def span(self, start, end):
        if self.starts is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalize(text, lexicon):
    """`text` normalized for matching against `lexicon` (which has knows() and unmask()), and
    its words (split_words).

    The fast path only lowercases; words disguised inside (m0nkeys, piiigs, pуcские) are then
    found by the lexicon and replaced with repair_words().
    """
    codec, encoded = _encoded(text)
    if encoded is None:  # beyond the code page: the signs of disguise are looked for in characters
        lowered = _fold(text.lower())
        if len(lowered) == len(text) and not _disguised(lowered, text):
            return Normalized(lowered), WORD.findall(lowered)
    else:
        encoded = encoded.translate(_LOWERED)
        lowered = encoded.decode(codec)
        classes = encoded.translate(_DISGUISE_CLASSES).decode("ascii")
        if not (_shows_disguise(classes) and _disguised(lowered, text)):
            return Normalized(lowered), _split(encoded, codec)
    normalized = _repair(text, lowered, lexicon)
    return normalized, split_words(normalized.text)


def split_words(text):
    """The words of `text` (WORD.findall)."""
    codec, encoded = _encoded(text)
    if encoded is None:
        return WORD.findall(text)
    return _split(encoded, codec)


def outline(text):
    """`text` (normalized) with every sentence boundary a "." and every other character that is
    neither a word character nor an apostrophe a space, so that the matcher tells words and
    sentences apart with plain string searches."""
    codec, encoded = _encoded(text)
    if encoded is None:
        return _NEITHER_WORD_NOR_BOUNDARY.sub(" ", _SENTENCE_BOUNDARY.sub(".", text))
    return encoded.translate(_OUTLINE).decode(codec)


def _encoded(text):
    """(codec, text encoded a byte a character), or (None, None) for text beyond the code page."""
    if text.isascii():
        return "ascii", text.encode("ascii")
    try:
        return _CODE_PAGE, text.encode(_CODE_PAGE)
    except UnicodeEncodeError:
        return None, None


def _split(encoded, codec):
    """The words of text encoded by _encoded()."""
    spaced = encoded.translate(_WORD_CHARACTERS_ONLY).decode(codec)
    if "'" in spaced:  # quotes are not part of words, as apostrophes of contractions are
        spaced = _LONE_APOSTROPHE.sub(" ", spaced)
    return spaced.split()


def _shows_disguise(classes):
    """Whether text, as _DISGUISE_CLASSES (a str: `in` on bytes first tries its operand as an
    integer, at the cost of an exception), may show a sign of disguise or hold a character that
    NFKC changes or an invisible one.

    The signs: an unsettled character (u); an underscore, a spacer or a word character; a symbol
    before a letter (!w; "*" is a symbol); a spacer, a word character and the same spacer (.w.w,
    -w-w; !w for "*"); four one-character words after a space. Each is first looked for by a
    part that a search skips to quickly: a character rare in comments, or a pattern ending in one.
    """
    return (
        "u" in classes
        or "_" in classes
        or ("!" in classes and "!w" in classes)
        or ("-" in classes and "-w-w" in classes)
        or (".w." in classes and ".w.w" in classes)
        or (" w w " in classes and " w w w w" in classes)
    )


def repair_words(normalized, repaired):
    """`normalized` with its words replaced by `repaired`: the same words, those that disguise
    or misspell a lexicon word replaced by it (and still the words of the result)."""
    flat = normalized.text
    replacements = {}
    for match, word in zip(WORD.finditer(flat), repaired, strict=True):
        if word != match.group():
            replacements[match.start()] = (match.end(), word)
    return _rebuild(flat, normalized.starts, normalized.ends, replacements)


def _disguised(lowered, text):
    symbols, spaced, spaced_by_blanks = _DISGUISES
    if symbols.search(lowered) or spaced.search(lowered) or spaced_by_blanks.search(lowered):
        return True
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFKC", text) or _INVISIBLE.search(text) is not None


def disguised_word(word, lexicon):
    """The lexicon word that a word of the fast-normalized text disguises, or None."""
    if (word.isalpha() and _plain(word)) or word.isdecimal():  # "1" is a number, not "i"
        return None
    return _repair_word(word, lexicon)


def _plain(letters):
    """Whether a word of letters only shows no disguise: not stretched, not mixed-script."""
    return not _STRETCH.search(letters) and (letters.isascii() or not _ANY_LATIN.search(letters))


def _repair(text, lowered, lexicon):
    if (len(lowered) == len(text) and text.isascii()) or (
        len(lowered) == len(text)
        and unicodedata.is_normalized("NFKC", text)
        and not _INVISIBLE.search(text)
    ):
        # Characters are fine; only words need repair, and offsets stay one to one.
        flat = lowered
        starts = ends = None
    else:
        chars, starts, ends = _normalize_characters(text)
        flat = "".join(chars)
    replacements = _token_replacements(flat, lexicon)
    if replacements is not None:
        return _rebuild(flat, starts, ends, replacements)
    tokens = []
    replacements = {}
    for match in _TOKEN.finditer(flat):
        token = match.group()
        if token.isalpha():
            span = match.span()
            tokens.append(span)
            if _plain(token):
                continue
        else:
            span = _core(flat, match.start(), match.end())
            if span is None:
                continue
            tokens.append(span)
            token = flat[span[0] : span[1]]
        word = _repair_word(token, lexicon)
        if word is not None:
            replacements[span[0]] = (span[1], word)
    for first, last, word in _spaced_letters(flat, tokens, lexicon):
        for start, _ in tokens[first : last + 1]:
            replacements.pop(start, None)
        replacements[tokens[first][0]] = (tokens[last][1], word)
    return _rebuild(flat, starts, ends, replacements)


def _token_replacements(flat, lexicon):
    """The replacements of _repair()'s loop over the tokens of `flat`, found a distinct token at
    a time; None when letters may be spaced out ("s.w.i.n.e") or `flat` is beyond the code page.
    """
    codec, encoded = _encoded(flat)
    if encoded is None:
        return None
    classes = encoded.translate(_SPACED_LETTER_CLASSES).decode()
    if "lslsl" in classes and _SPACED_OUT.search(classes):
        return None
    spaced = encoded.translate(_TOKEN_CHARACTERS_ONLY).decode(codec)
    remembered = lexicon.token_repairs
    tokens = set(spaced.split())
    if not remembered.keys() >= tokens:
        if len(remembered) + len(tokens) > _REMEMBERED_REPAIRS:
            remembered.clear()
        for token in tokens.difference(remembered):
            remembered[token] = _token_repair(token, lexicon)
    replacements = {}
    for token, first, last, word in filter(None, map(remembered.get, tokens)):
        # Every whole-token occurrence, as _TOKEN finds them.
        start = spaced.find(token)
        while start >= 0:
            end = start + len(token)
            if (start == 0 or spaced[start - 1] == " ") and spaced[end : end + 1] in ("", " "):
                replacements[start + first] = (start + last, word)
            start = spaced.find(token, end)
    return replacements


def _token_repair(token, lexicon):
    """(token, start, end, lexicon word) when the token's letters (without leading or trailing
    symbols and digits; all of a token of letters, unless it is plain) disguise a lexicon word,
    else None."""
    if token.isalpha():
        if _plain(token):
            return None
        first, last = 0, len(token)
    else:
        span = _core(token, 0, len(token))
        if span is None:
            return None
        first, last = span
    word = _repair_word(token[first:last], lexicon)
    return None if word is None else (token, first, last, word)


def _rebuild(flat, starts, ends, replacements):
    """`flat` with replacements {start: (end, word)}, each word mapped to what it replaces."""
    if starts is None:
        if not replacements:
            return Normalized(flat)
        starts = range(len(flat))
        ends = range(1, len(flat) + 1)
    out, out_starts, out_ends = [], [], []
    position = 0
    for start in sorted(replacements):
        end, word = replacements[start]
        out.append(flat[position:start])
        out_starts.extend(starts[position:start])
        out_ends.extend(ends[position:start])
        out.append(word)
        out_starts.extend([starts[start]] * len(word))
        out_ends.extend([ends[end - 1]] * len(word))
        position = end
    out.append(flat[position:])
    out_starts.extend(starts[position:])
    out_ends.extend(ends[position:])
    return Normalized("".join(out), out_starts, out_ends)


def _normalize_characters(text):
    chars, starts, ends = [], [], []
    position = 0
    for match in _NOT_PLAIN.finditer(text):
        index = match.start()
        if position < index:
            _add_plain(text, position, index, chars, starts, ends)
        position = index + 1
        char = match.group()
        if char in INVISIBLE:
            continue
        if unicodedata.combining(char):
            if chars:
                composed = unicodedata.normalize("NFC", chars[-1] + char)
                if len(composed) == 1:
                    chars[-1] = _fold(composed.lower())
                    ends[-1] = index + 1
            continue
        for piece in _fold(unicodedata.normalize("NFKC", char).lower()):
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    if position < len(text):
        _add_plain(text, position, len(text), chars, starts, ends)
    return chars, starts, ends


def _add_plain(text, start, end, chars, starts, ends):
    """A run of _PLAIN characters, each one character of `chars`."""
    chars.extend(_fold(text[start:end].lower()))
    starts.extend(range(start, end))
    ends.extend(range(start + 1, end + 1))


def _core(flat, start, end):
    """The span of a token without leading or trailing symbols and digits, or None."""
    while start < end and not flat[start].isalpha():
        start += 1
    while end > start and not flat[end - 1].isalpha():
        end -= 1
    return (start, end) if start < end else None


def _script(word):
    if word.isascii():
        return "latin"
    cyrillic = len(_CYRILLIC_LETTERS.findall(word))
    return "cyrillic" if cyrillic > len(_ANY_LATIN.findall(word)) else "latin"


def _repair_word(word, lexicon):
    """The lexicon word `word` disguises, or None when it is not a disguised lexicon word.
    Remembered per lexicon: a disguise tends to repeat."""
    repairs = lexicon.repairs
    if word not in repairs:
        if len(repairs) >= _REMEMBERED_REPAIRS:
            repairs.clear()
        repairs[word] = _repaired(word, lexicon)
    return repairs[word]


def _repaired(word, lexicon):
    if word.isalpha() and lexicon.knows(word) and not _STRETCH.search(word):
        return None
    script = _script(word)
    repaired = word.translate(_LEET[script])
    if not word.isascii():  # homoglyphs of the other script
        repaired = repaired.translate(
            _LATIN_TO_CYRILLIC if script == "cyrillic" else _CYRILLIC_TO_LATIN
        )
    for candidate in _unstretched(repaired):
        if "*" in candidate:
            candidate = lexicon.unmask(candidate)
        if candidate and candidate != word and lexicon.knows(candidate):
            return candidate
    return None


def _unstretched(word):
    """`word`, then with stretched letters cut to one, then to two ("piiigs", "russssians")."""
    yield word
    if _STRETCH.search(word):
        yield _STRETCH.sub(r"\1", word)
        yield _STRETCH.sub(r"\1\1", word)


def _spaced_letters(flat, tokens, lexicon):
    """Runs of three or more one-letter tokens one spacer apart that spell a lexicon word."""
    run = []
    for index, (start, end) in enumerate([*tokens, (None, None)]):
        joined = (
            start is not None
            and end - start == 1
            and (not run or (start - tokens[run[-1]][1] == 1 and flat[start - 1] in _SPACER))
        )
        if joined:
            run.append(index)
            continue
        if len(run) >= 3:
            letters = "".join(flat[tokens[i][0]] for i in run)
            word = _repair_word(letters, lexicon) or letters
            if lexicon.knows(word):
                yield run[0], run[-1], word
        run = [index] if start is not None and end - start == 1 else []
