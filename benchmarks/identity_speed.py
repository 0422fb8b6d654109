"""How fast the identity-attack detector matches: comments per second on one core, and the time
for one 1 MB comment (the matcher must stay linear: no regular-expression blow-ups).

    python benchmarks/identity_speed.py [--comments 20000] [--csv FILE --column NAME]

The comments are the reference article's 27 reader comments (English), their Russian and Kazakh
translations and obfuscated variants, repeated to the requested count: a hard mix, since most of
them are hostile and go through every rule. `--csv` measures a real comment corpus instead, e.g.
/work/shared/datasets/ru_toxic_2ch_pikabu/labeled.csv (column `comment`). Times are CPU time of
this process (time.process_time), best of three runs, so other jobs on the machine distort them
less.
"""

import argparse
import csv
import time

from moderator.identity import IdentityDetector
from moderator.identity.matcher import find_hits

REFERENCE = [
    "Kazakhs, Russians, don't argue. The Chinese will do all of you. They abuse the local "
    "Russians in Siberia. These scoundrels will fuck you over. So come together",
    "Welcome to our kandastar.",
    "It is simply necessary to introduce a Kazakh ID card as soon as possible. It's going to be "
    "easier to get documents and citizenship then.",
    "I support this decision. It's a very good, correct one.",
    "The more kandastar come over here the better.",
    "Plant more trees to make space where can hang around with their asses pointed upward )))))",
    "What do Russian monkeys have to do with it? )))",
    "I'll say... What do the Russian monkeys have to do with that? I'm talking about oralman",
    "Why are ethnic Kazakhs being persecuted, and their rights being violated?",
    "They should replace them with Rusyns.",
    "Since when are dirty Russians called civilised? Not only is Kazakhstan driving you out but "
    "every country is following suit because you act like bastards everywhere.",
    "You are all Nazis. Generations of Russians have lived in Kazakhstan, but you are driving "
    "them out. For you, filthy, dim-witted oralman seem better than the Russians you lived in "
    "peace with during Soviet times. That doesn't do honor to you Kazakhs, but disgraces you.",
    "Oralman or kandas...Six of one, half a dozen of the other.",
    "What's the difference between a Russian and a Shit-Russian? It's the same",
    "Why the hell are they needed at all in Kazakhstan? They are not Kazakhs, but swine. "
    "Native-born Kazakhs don't think of these oralman as people. Oralman don't want to work, "
    "but just breed like cockroaches.",
    "You are pigs yourselves!",
    "We won't ask for your opinion. You should skedaddle off to Russia, and oralman are our "
    "brethren.",
    "Oralman are not people. And you can't tell me where to hightail it off to, you sheep.",
    "It's Russians who are not human. Put that into your head, you pig.",
    "How many pigs have you mated with today, you Russian swine? :)))",
    "There is only one pig - you )))))",
    "You are confusing that with your mama, you inbred ))",
    "Don't you dare to talk about my parents. I am not talking about yours. Parents are above "
    "all this. Or don't you care what people say about your mother?",
    "The Chinese are very insolent people - everywhere, and in no uncertain terms, they pose a "
    "threat with their vast numbers !!! I am against Chinese expansionism !!!",
    "I think that Kazakhstan should join NATO instead. That's a good option for the country. And "
    "it should also cooperate with the USA, which can guarantee the independence of all Central "
    "Asian countries, as Pompeo said",
    "We should become a great power, I am against sinicization. Therefore, I will never consider "
    "or even think about china, which I intentionally write in lowercase - they're simply evil.",
    "That's right. They need to make it easier for all Kazakhs to obtain citizenship, not just "
    "those from China. No matter what, we need to become friends with China and cooperate with "
    "them. They are the ones that will be the Great Power in the future instead of Russia.",
]
TRANSLATED = [
    "При чём тут русские обезьяны? )))",
    "Оралманы не люди. И не тебе указывать, куда мне валить, баран.",
    "Оралманы не хотят работать, а только плодятся как тараканы.",
    "Китайцы очень наглый народ, они угрожают своей численностью!!!",
    "Вы сами свиньи!",
    "Орыс маймылдар неге керек?",
    "Қытайлар жай ғана зұлым.",
    "Оралмандар адам емес.",
    "Казахи, русские, не спорьте. Китайцы всех вас поимеют.",
    "Добро пожаловать, кандасы!",
]
OBFUSCATED = [
    "What do Russian m0nk3ys have to do with it?",
    "pуcские свиньи",
    "You Russian s.w.i.n.e",
    "Oralman breed like cockroaaaaches",
    "Russian sw!ne",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=20000)
    parser.add_argument("--csv", help="a CSV file of real comments to measure instead")
    parser.add_argument("--column", default="comment", help="the CSV column with the text")
    options = parser.parse_args()
    detector = IdentityDetector()
    lexicon = detector.lexicon
    pool = REFERENCE + TRANSLATED + OBFUSCATED
    if options.csv:
        with open(options.csv, encoding="utf-8", newline="") as stream:
            pool = [row[options.column] for row in csv.DictReader(stream)]
    texts = [pool[i % len(pool)] for i in range(options.comments)]
    characters = sum(map(len, texts))

    started = time.process_time()
    for text in pool:  # the first pass classifies every new word once
        find_hits(text, lexicon)
    first_pass = time.process_time() - started
    matching = _best_of(3, lambda: [find_hits(text, lexicon) for text in texts])
    table = _best_of(3, lambda: detector.detect(texts))
    flagged = sum(bool(find_hits(text, lexicon)[0]) for text in pool)
    print(f"comments: {len(texts)} ({characters / len(texts):.0f} characters on average)")
    print(f"hostile: {flagged} of {len(pool)} distinct comments have a hit")
    print(f"first pass over the distinct comments: {len(pool) / first_pass:,.0f} comments/s")
    print(f"matching only: {len(texts) / matching:,.0f} comments/s (target 50,000)")
    print(f"detect() with the DataFrame: {len(texts) / table:,.0f} comments/s")

    for name, text in (
        ("1 MB comment (reference comments)", _megabyte(" ".join(REFERENCE))),
        ("1 MB comment (obfuscated text)", _megabyte(" ".join(OBFUSCATED + TRANSLATED))),
        ("1 MB comment (one letter repeated)", "a" * 1_000_000),
        ("1 MB comment ('a.' repeated)", "a." * 500_000),
        ("1 MB comment ('s*' repeated)", "s*" * 500_000),
        ("1 MB comment ('you pig. ' repeated: 110,000 hits)", "you pig. " * 110_000),
        ("1 MB comment (120,000 distinct masked words)", _distinct_masked_words(120_000)),
    ):
        # A freshly loaded lexicon each time: no word of the comment is remembered yet.
        fresh = IdentityDetector().lexicon
        started = time.process_time()
        hits, _ = find_hits(text, fresh)
        seconds = time.process_time() - started
        print(f"{name}: {seconds:.3f} s ({len(hits)} hits, target < 1 s)")


def _best_of(runs, work):
    """The least CPU time of `runs` runs: other jobs on a shared machine only ever add time."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def _distinct_masked_words(count):
    """Words like 'ab*cde*x', all different, so every one needs its own repair attempt."""
    letters = "abcdefgh*"
    return " ".join(
        "".join(letters[(number // 9**place) % 9] for place in range(6)) + "*x"
        for number in range(count)
    )


def _megabyte(text):
    return (text + " ") * (1_000_000 // (len(text) + 1))


if __name__ == "__main__":
    main()
