"""Build the identity lexicon's list of real words that are one letter away from a term:
`python -m moderator.training.real_words --data ../shared/datasets` (needs pyspellchecker).

The detector reads a word one swapped, missing or added letter away from a term as that term
("Rsusians", "veermin"), unless the word is in this list ("money" is not a misspelled "monkey").
The real words are those of pyspellchecker's English and Russian dictionaries, and those used
at least MIN_USES times in the texts the training data labels non-toxic (Russian inflections
and the vocabulary of comments that the dictionaries lack).
"""

import argparse
import collections
import gzip
import json
from importlib import resources
from pathlib import Path

from moderator.identity.lexicon import REAL_WORDS_FILE, load_lexicon
from moderator.identity.normalize import fold_word, split_words
from moderator.training.data import load_training_data

MIN_USES = 3
DICTIONARIES = ("en", "ru")
HEADER = """\
# Real words one letter away from a term of the shipped lexicons: never read as misspelled terms.
# Built by `python -m moderator.training.real_words --data ../shared/datasets`; do not edit.
"""


def dictionary_words():
    try:
        folder = resources.files("spellchecker") / "resources"
    except ModuleNotFoundError:
        raise SystemExit("pyspellchecker is needed: pip install pyspellchecker") from None
    words = set()
    for language in DICTIONARIES:
        with gzip.open(folder / f"{language}.json.gz", "rt", encoding="utf-8") as handle:
            words.update(json.load(handle))
    return words


def corpus_words(data):
    table = load_training_data(Path(data))
    uses = collections.Counter()
    for text in table.loc[table["toxicity"] == 0, "text"]:
        uses.update(split_words(fold_word(text)))
    return {word for word, count in uses.items() if count >= MIN_USES}


def real_words_near_terms(words):
    lexicon = load_lexicon()
    lexicon.real_words = frozenset()
    return sorted(
        word
        for word in {fold_word(word) for word in words}
        if word.isalpha() and lexicon.near_miss(word)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the shared datasets folder")
    parser.add_argument(
        "--out", default=str(Path(__file__).parents[1] / "identity" / "lexicons" / REAL_WORDS_FILE)
    )
    args = parser.parse_args()
    words = real_words_near_terms(dictionary_words() | corpus_words(args.data))
    Path(args.out).write_text(HEADER + "".join(f"{word}\n" for word in words), encoding="utf-8")
    print(f"{len(words)} real words one letter away from a term -> {args.out}")


if __name__ == "__main__":
    main()
