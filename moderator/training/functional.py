"""Build the functional test set (HateCheck-style templates over many groups, English and
Russian): `python -m moderator.training.functional tests/data/functional_en_ru.csv`.

Each row: text, language, functionality, group, label (`hateful` or `non-hateful`). The
templates here are used only for testing; training never reads them.
"""

import csv
import sys

ENGLISH_GROUPS = (
    "Russians",
    "Kazakhs",
    "Chinese people",
    "Uzbeks",
    "Jews",
    "Muslims",
    "immigrants",
    "Black people",
    "gay people",
    "women",
    "refugees",
    "Mexicans",
    "trans people",
    "Arabs",
)
# (nominative plural, accusative/genitive plural)
RUSSIAN_GROUPS = (
    ("русские", "русских"),
    ("казахи", "казахов"),
    ("китайцы", "китайцев"),
    ("узбеки", "узбеков"),
    ("евреи", "евреев"),
    ("мусульмане", "мусульман"),
    ("мигранты", "мигрантов"),
    ("кандасы", "кандасов"),
    ("таджики", "таджиков"),
    ("украинцы", "украинцев"),
    ("геи", "геев"),
    ("армяне", "армян"),
)
ENGLISH_SLURS = (
    ("Chinese people", "chinks"),
    ("Jews", "kikes"),
    ("Muslims", "ragheads"),
    ("Mexicans", "wetbacks"),
    ("gay people", "faggots"),
    ("trans people", "trannies"),
    ("Black people", "niggers"),
    ("Arabs", "sand niggers"),
)
RUSSIAN_SLURS = (
    ("украинцы", "хохлы"),
    ("таджики", "чурки"),
    ("евреи", "жиды"),
    ("китайцы", "узкоглазые"),
    ("русские", "русня"),
    ("русские", "кацапы"),
    ("узбеки", "чурбаны"),
    ("армяне", "хачи"),
)

HATEFUL = {
    "en": {
        "hate_emotion": ("I hate {g}.", "I really can't stand {g}.", "I despise {g}."),
        "negative_attribute": (
            "{G} are all filthy and stupid.",
            "{G} are disgusting.",
            "All {g} are liars and thieves.",
        ),
        "dehumanization": (
            "{G} are vermin.",
            "{G} are nothing but animals.",
            "{G} breed like cockroaches.",
            "{G} are monkeys.",
        ),
        "implicit_derogation": (
            "{G} should go back to where they came from.",
            "Never trust {g}, it is in their blood to cheat.",
            "Our country was clean before {g} arrived.",
        ),
        "threat_direct": ("I will kill all {g}.", "I am going to hurt every one of the {g}."),
        "threat_normative": ("{G} should all be shot.", "{G} deserve to be hanged."),
        "profanity_hate": ("Fucking {g} ruin everything.", "{G} are pieces of shit."),
        "hate_question": ("Why are {g} so stupid?", "Why are {g} such filthy parasites?"),
        "hate_opinion": ("I think {g} are worthless.", "In my opinion {g} are subhuman."),
    },
    "ru": {
        "hate_emotion": ("Ненавижу {a}.", "Терпеть не могу {a}."),
        "negative_attribute": ("{G} грязные и тупые.", "{G} все воры и лжецы."),
        "dehumanization": ("{G} это скоты.", "{G} плодятся как тараканы.", "{G} это обезьяны."),
        "implicit_derogation": (
            "{G} пусть валят к себе домой.",
            "Нельзя доверять, {g} всегда обманут.",
        ),
        "threat_direct": ("Я убью всех {a}.", "Всех {a} надо перерезать."),
        "threat_normative": ("{G} должны быть расстреляны.", "{G} заслуживают виселицы."),
        "profanity_hate": ("{G} ебаные уроды.", "{G} сраные мрази."),
        "hate_question": ("Почему {g} такие тупые?", "Почему {g} такие мерзкие твари?"),
        "hate_opinion": ("Я считаю, что {g} ничтожества.", "По-моему, {g} недочеловеки."),
    },
}
NON_HATEFUL = {
    "en": {
        "neutral_group": ("I live next to {g}.", "{G} celebrated the holiday last week."),
        "positive_group": ("I love {g}.", "{G} are wonderful neighbours.", "{G} are very kind."),
        "negated_hate": ("I don't hate {g}.", "{G} are not vermin.", "No one should hate {g}."),
        "counter_quote": (
            'Saying "{g} are vermin" is disgusting and wrong.',
            'If you write "I hate {g}" here, you will be banned.',
        ),
        "counter_reference": (
            "Calling {g} animals is racist and has to stop.",
            "The comments attacking {g} in this thread are shameful.",
        ),
    },
    "ru": {
        "neutral_group": ("Я живу рядом с ними, {g} мои соседи.", "{G} отметили праздник."),
        "positive_group": ("Я люблю {a}.", "{G} прекрасные люди.", "{G} очень добрые."),
        "negated_hate": ("Я не ненавижу {a}.", "{G} не скоты, а люди."),
        "counter_quote": (
            "Писать «{g} это скоты» мерзко и неправильно.",
            "Кто пишет «ненавижу {a}», тот сам позорится.",
        ),
        "counter_reference": (
            "Называть {a} животными — это расизм.",
            "Комментарии против {a} в этой ветке позорные.",
        ),
    },
}
# Texts without a group: they must not be flagged as hate either.
NON_HATEFUL_FIXED = {
    "en": {
        "reclaimed_slur": (
            "As a gay man I call myself queer with pride.",
            "We dykes on bikes lead the parade every year.",
        ),
        "homonym": (
            "The rat in the basement ate the cheese.",
            "He smoked a fag after lunch, as the British say.",
            "The monkey at the zoo was eating a banana.",
        ),
        "abuse_object": ("I hate this stupid printer.", "This fucking weather is awful."),
        "abuse_individual": (
            "You missed the deadline again, you lazy idiot.",
            "Dave, your argument is complete rubbish.",
        ),
    },
    "ru": {
        "homonym": ("Крыса в подвале съела сыр.", "В зоопарке обезьяна ела банан."),
        "abuse_object": ("Ненавижу этот тупой принтер.", "Чёртова погода, опять дождь."),
        "abuse_individual": ("Ты опять опоздал, лентяй.", "Твой аргумент полная чушь, Вася."),
    },
}


def _obfuscations(text: str) -> list[str]:
    """Swapped, missing and added characters, spaces inside words, leetspeak."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i].strip(".,?!")))
    word = words[longest].strip(".,?!")
    variants = {
        "swapped": word[:1] + word[2:3] + word[1:2] + word[3:] if len(word) > 3 else word,
        "missing": word[:2] + word[3:] if len(word) > 4 else word,
        "added": word[:2] + word[1] + word[2:],
        "spaced": " ".join(word),
        "leet": word.translate(str.maketrans("aeiosо", "43105o")),
    }
    return [
        " ".join([*words[:longest], words[longest].replace(word, variant), *words[longest + 1 :]])
        for variant in variants.values()
    ]


def build_rows():
    rows = []

    def add(text, language, functionality, group, label):
        rows.append(
            {
                "text": text,
                "language": language,
                "functionality": functionality,
                "group": group,
                "label": label,
            }
        )

    for label, table in (("hateful", HATEFUL), ("non-hateful", NON_HATEFUL)):
        for language, functions in table.items():
            groups = (
                [(g, g, g) for g in ENGLISH_GROUPS]
                if language == "en"
                else [(n, n, a) for n, a in RUSSIAN_GROUPS]
            )
            for functionality, templates in functions.items():
                for group, nominative, accusative in groups:
                    for template in templates:
                        text = template.format(
                            g=nominative, G=nominative[0].upper() + nominative[1:], a=accusative
                        )
                        add(text, language, functionality, group, label)
    for language, slurs in (("en", ENGLISH_SLURS), ("ru", RUSSIAN_SLURS)):
        templates = (
            ("Get these {s} out of our city.", "The {s} are taking over.")
            if language == "en"
            else ("Гнать этих {s} из нашего города.", "{S} всё захватили.")
        )
        for group, slur in slurs:
            for template in templates:
                text = template.format(s=slur, S=slur[0].upper() + slur[1:])
                add(text, language, "slur", group, "hateful")
    for row in [r for r in rows if r["functionality"] in ("dehumanization", "negative_attribute")]:
        for text in _obfuscations(row["text"]):
            add(text, row["language"], "obfuscated_hate", row["group"], "hateful")
    for language, functions in NON_HATEFUL_FIXED.items():
        for functionality, texts in functions.items():
            for text in texts:
                add(text, language, functionality, "", "non-hateful")
    return rows


def main(path):
    rows = build_rows()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
