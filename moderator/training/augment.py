"""Neutral sentences that mention identity groups, added to training as non-toxic examples.

Linear models learn that a group's name co-occurs with hate ("muslims", "евреи") and then flag
any mention. These counter-examples teach that the name alone is not toxic (Dixon et al. 2018's
debiasing by data). They are written here, distinct from the jigsaw_bias_templates evaluation set
and from the functional test templates, so neither evaluation is trained on.
"""

import itertools
import random

import numpy as np
import pandas as pd

from moderator.training.data import LABELS

ENGLISH_GROUPS = (
    "Russian",
    "Kazakh",
    "Chinese",
    "Uzbek",
    "Kyrgyz",
    "Ukrainian",
    "Jewish",
    "Muslim",
    "Christian",
    "Black",
    "white",
    "Asian",
    "Latino",
    "Mexican",
    "Arab",
    "African",
    "Indian",
    "gay",
    "lesbian",
    "transgender",
    "bisexual",
    "queer",
    "immigrant",
    "refugee",
    "deaf",
    "blind",
    "disabled",
    "elderly",
    "young",
    "female",
    "male",
    "Catholic",
    "Buddhist",
    "Hindu",
    "atheist",
    "homosexual",
    "heterosexual",
    "Middle Eastern",
    "American",
    "European",
    "Canadian",
)
# Short mentions matter most: with few other words, a group's name decides the score alone.
ENGLISH_IDENTITY_TERMS = (
    "lesbian",
    "gay",
    "bisexual",
    "transgender",
    "trans",
    "queer",
    "lgbt",
    "lgbtq",
    "homosexual",
    "straight",
    "heterosexual",
    "nonbinary",
    "black",
    "white",
    "hispanic",
    "latino",
    "latina",
    "latinx",
    "mexican",
    "asian",
    "indian",
    "chinese",
    "japanese",
    "christian",
    "muslim",
    "jewish",
    "buddhist",
    "catholic",
    "protestant",
    "sikh",
    "taoist",
    "middle eastern",
    "african american",
    "african",
    "european",
    "american",
    "canadian",
    "deaf",
    "blind",
    "paralyzed",
    "elderly",
    "old",
    "young",
    "teenage",
    "middle aged",
    "male",
    "female",
    "russian",
    "kazakh",
    "uzbek",
    "kyrgyz",
    "ukrainian",
    "arab",
    "immigrant",
    "refugee",
)
ENGLISH_SHORT_TEMPLATES = (
    "I am {g}.",
    "He is {g}.",
    "They are {g}.",
    "My {g} friend.",
    "Our {g} neighbours.",
    "A {g} student won the prize.",
    "She is {g} and proud.",
    "We are {g}.",
    "{g} person here.",
    "My teacher is {g}.",
    "Hello from a {g} reader.",
    "I met a {g} doctor.",
    "As a {g}, I agree with the article.",
    "I'm a {g} and I vote.",
    "My neighbour is a {g}.",
    "Our new colleague is a {g}.",
)
ENGLISH_TEMPLATES = (
    "{g} people live in our neighbourhood.",
    "My colleague is {g} and we work together.",
    "The report interviewed several {g} families about housing.",
    "I am {g} and I read this newspaper every day.",
    "{g} writers published new books this year.",
    "The festival celebrated {g} music and food.",
    "Many {g} residents voted in the election.",
    "She is a {g} teacher at the local school.",
)
RUSSIAN_GROUPS = (
    "русские",
    "казахи",
    "китайцы",
    "узбеки",
    "киргизы",
    "украинцы",
    "евреи",
    "мусульмане",
    "христиане",
    "кандасы",
    "оралманы",
    "татары",
    "армяне",
    "грузины",
    "таджики",
    "немцы",
    "американцы",
    "мигранты",
    "беженцы",
    "геи",
    "женщины",
    "мужчины",
    "пенсионеры",
    "студенты",
)
RUSSIAN_TEMPLATES = (
    "{g} живут в нашем районе.",
    "В статье рассказали о том, как {g} получают гражданство.",
    "Мои соседи — {g}, мы давно дружим.",
    "На празднике {g} пели песни.",
    "{g} тоже голосовали на выборах.",
    "По данным переписи, {g} составляют часть населения города.",
)


def neutral_identity_sentences() -> pd.DataFrame:
    rows = []
    for part, groups, templates in (
        ("en", ENGLISH_GROUPS, ENGLISH_TEMPLATES),
        ("ru", RUSSIAN_GROUPS, RUSSIAN_TEMPLATES),
    ):
        if part == "en":
            pairs = itertools.chain(
                itertools.product(groups, templates),
                itertools.product(ENGLISH_IDENTITY_TERMS, ENGLISH_SHORT_TEMPLATES),
            )
        else:
            pairs = itertools.product(groups, templates)
        for group, template in pairs:
            text = template.format(g=group)
            rows.append({"text": text[0].upper() + text[1:], "part": part})
    return _non_toxic(pd.DataFrame(rows), "neutral_identity_augmentation")


# Hostile predicates and counter-speech frames for templated training sentences about groups:
# linear n-gram models otherwise learn "group name + hostile word" without the frame around it,
# missing hate phrased as emotion or opinion and flagging negation and counter-speech. These
# frames differ from the functional test templates (moderator.training.functional); the
# vocabulary overlaps, so the functional figures are optimistic for these words (see the card).
ENGLISH_HOSTILE_NOUNS = (
    "rats",
    "pigs",
    "savages",
    "scum",
    "parasites",
    "a plague",
    "garbage",
    "criminals",
    "filth",
    "dogs",
    "trash",
    "leeches",
)
ENGLISH_HATE_FRAMES = (
    "All {g} are {n}.",
    "Honestly, {g} are just {n}.",
    "Everyone knows {g} are {n}.",
    "I can't stand {g}, they are {n}.",
    "Isn't it obvious that {g} are {n}?",
    "{g} are {n} and always will be.",
    "We must get rid of {g}, they are {n}.",
    "{g} make me sick.",
    "I loathe {g}.",
    "Death to all {g}.",
    "{g} should be wiped out.",
    "Somebody should shoot the {g}.",
    "We will find you, {g}, and you will pay.",
    "{g} will be hunted down one by one.",
    "{g} do not belong in this country.",
    "Keep {g} away from our children.",
    "I absolutely detest {g}.",
    "{g} disgust me, every single one of them.",
    "Nothing makes me angrier than {g}.",
    "I'm so sick of {g}.",
    "I'm going to kill every one of those {g}.",
    "Let's burn the {g} out of their homes.",
    "{g} ought to be executed.",
    "{g} should be hanged in public.",
    "All {g} must die.",
    "{g} should be sent back where they belong.",
    "This town was better before the {g} moved in.",
    "You can't trust a single one of those {g}.",
)
ENGLISH_COUNTER_FRAMES = (
    "It is wrong to say that {g} are {n}.",
    "{g} are not {n}, they are people like us.",
    "Stop calling {g} {n}.",
    "Whoever wrote that {g} are {n} should be ashamed.",
    "I would never say {g} are {n}.",
    "The commenter who called {g} {n} was banned, rightly so.",
    "Calling {g} {n} is hate speech.",
    "I respect {g}.",
    "{g} are hard-working and kind.",
    "I admire {g} and their traditions.",
    "{g} deserve the same rights as everyone.",
    "Nobody should be attacked for being one of the {g}.",
    "I have never hated {g}.",
    "There is nothing wrong with {g}.",
    "I don't think {g} are {n} at all.",
    'He wrote "{g} are {n}" and got banned, as he should.',
    'Comments like "kill all {g}" are not allowed here.',
    'Posting "I hate {g}" is unacceptable.',
    "Hating {g} is stupid.",
    "The posts attacking {g} were removed, good.",
    "All {g} are welcome here.",
    "The law must protect all {g} equally.",
    "We need to support all {g} who move here.",
    "Help all {g} get their papers faster.",
)
THREAT_FRAMES = (
    "Death to all {g}.",
    "{g} should be wiped out.",
    "Somebody should shoot the {g}.",
    "We will find you, {g}, and you will pay.",
    "{g} will be hunted down one by one.",
    "I'm going to kill every one of those {g}.",
    "Let's burn the {g} out of their homes.",
    "{g} ought to be executed.",
    "{g} should be hanged in public.",
    "All {g} must die.",
    "Смерть, {g} должны сдохнуть.",
    "{g}, мы вас всех перережем.",
    "Скоро {g} получат пулю, каждый.",
    "Всех {a} надо расстрелять.",
    "Я лично перебью всех {a}.",
    "{a} нужно вешать на столбах.",
    "{g} заслуживают смерти.",
)
RUSSIAN_HOSTILE_NOUNS = (
    "крысы",
    "свиньи",
    "дикари",
    "паразиты",
    "мусор",
    "отбросы",
    "уроды",
    "твари",
    "быдло",
    "нелюди",
)
RUSSIAN_HATE_FRAMES = (
    "Все {g} — {n}.",
    "Честно говоря, {g} просто {n}.",
    "Все знают, что {g} {n}.",
    "{g} были и будут {n}.",
    "Надо избавиться от них, {g} — {n}.",
    "Смерть, {g} должны сдохнуть.",
    "{g}, мы вас всех перережем.",
    "Скоро {g} получат пулю, каждый.",
    "Как же я ненавижу таких, как {g}.",
    "Меня тошнит от того, что {g} здесь живут.",
    "Как же бесят эти {g}.",
    "{g} должны убираться из нашей страны.",
    "Разве не ясно, что {g} {n}?",
    "Я ненавижу {a} всей душой.",
    "Терпеть не могу этих {a}.",
    "Как же я презираю {a}.",
    "Всех {a} надо расстрелять.",
    "Я лично перебью всех {a}.",
    "{a} нужно вешать на столбах.",
    "{g} заслуживают смерти.",
    "{g}, валите отсюда.",
    "Пусть {g} убираются к себе на родину.",
    "Никому из {a} нельзя верить.",
)
RUSSIAN_COUNTER_FRAMES = (
    "Неправильно говорить, что {g} {n}.",
    "{g} не {n}, а такие же люди, как мы.",
    "Хватит называть их так, {g} не {n}.",
    "Тот, кто написал, что {g} {n}, должен стыдиться.",
    "Я уважаю их, {g} трудолюбивые и добрые.",
    "{g} заслуживают таких же прав, как все.",
    "Я не говорю, что {g} плохие, не надо так.",
    "Ненависть к людям за то, что они {g}, — позор.",
    "Называть людей «{n}» только потому, что они {g}, — это ненависть.",
    "Я ничего не имею против {a}.",
    "Ненавидеть {a} — глупо.",
    "Кто называет {a} «{n}», тот сам хуже.",
    "Оскорблять {a} позорно.",
    "Комментарии, унижающие {a}, недопустимы.",
    "Он написал «{g} — {n}», и его справедливо забанили.",
    "Все {g} имеют право на гражданство.",
    "Надо помочь всем, {g} тоже люди.",
)


# Accusative (= genitive) plural of RUSSIAN_GROUPS, the object of "ненавижу", "убить всех".
RUSSIAN_ACCUSATIVE = dict(
    zip(
        RUSSIAN_GROUPS,
        [
            "русских",
            "казахов",
            "китайцев",
            "узбеков",
            "киргизов",
            "украинцев",
            "евреев",
            "мусульман",
            "христиан",
            "кандасов",
            "оралманов",
            "татар",
            "армян",
            "грузин",
            "таджиков",
            "немцев",
            "американцев",
            "мигрантов",
            "беженцев",
            "геев",
            "женщин",
            "мужчин",
            "пенсионеров",
            "студентов",
        ],
        strict=True,
    )
)


def group_sentences(seed: int = 13, per_part: int = 4000) -> pd.DataFrame:
    """Templated hateful (label 1) and counter/positive (label 0) sentences about groups."""
    generator = random.Random(seed)
    rows = []
    for part, groups, nouns, frames in (
        (
            "en",
            ENGLISH_GROUPS,
            ENGLISH_HOSTILE_NOUNS,
            (ENGLISH_HATE_FRAMES, ENGLISH_COUNTER_FRAMES),
        ),
        (
            "ru",
            RUSSIAN_GROUPS,
            RUSSIAN_HOSTILE_NOUNS,
            (RUSSIAN_HATE_FRAMES, RUSSIAN_COUNTER_FRAMES),
        ),
    ):
        for hateful, templates in zip((1.0, 0.0), frames, strict=True):
            combos = list(itertools.product(groups, nouns, templates))
            for group, noun, template in generator.sample(combos, min(per_part, len(combos))):
                plural = group if part == "ru" else _english_plural(group)
                text = template.format(g=plural, n=noun, a=RUSSIAN_ACCUSATIVE.get(group))
                threat = 1.0 if template in THREAT_FRAMES else 0.0
                rows.append(
                    {
                        "text": text[0].upper() + text[1:],
                        "part": part,
                        "y": hateful,
                        "threat": threat,
                    }
                )
    frame = pd.DataFrame(rows).drop_duplicates("text")
    out = frame[["text", "part"]].copy()
    out["dataset"] = "group_template_augmentation"
    out["toxicity"] = frame["y"]
    out["identity_attack"] = np.where(frame["part"] == "en", frame["y"], np.nan)
    out["threat"] = frame["threat"]
    for label in ("insult", "obscene"):
        out[label] = np.where(frame["y"] == 0, 0.0, np.nan)
    return out


def _english_plural(adjective: str) -> str:
    return f"{adjective} people"


# Frustration at things, not people: not toxic, so that "hate" and "stupid" alone, without a
# person or group to aim at, do not flag a comment.
OBJECTS = {
    "en": ("phone", "laptop", "bus", "website", "update", "app", "traffic", "elevator"),
    "ru": ("телефон", "ноутбук", "автобус", "сайт", "лифт", "компьютер", "навигатор"),
}
OBJECT_FRAMES = {
    "en": (
        "My {o} is so stupid, it froze again.",
        "I really hate this {o}.",
        "Damn this {o}, it never works.",
        "What a useless {o}.",
        "This idiotic {o} wasted my whole morning.",
    ),
    "ru": (
        "Этот дурацкий {o} опять сломался.",
        "Проклятый {o}, ничего не работает.",
        "Как же меня бесит этот {o}.",
        "Тупой {o} опять завис.",
    ),
}


def object_frustration_sentences() -> pd.DataFrame:
    rows = [
        {"text": frame.format(o=thing), "part": part}
        for part, frames in OBJECT_FRAMES.items()
        for frame, thing in itertools.product(frames, OBJECTS[part])
    ]
    return _non_toxic(pd.DataFrame(rows), "object_frustration_augmentation")


BALANCING_FRAMES = (
    "My {g} {x} helped me today.",
    "The {g} {x} spoke at the meeting.",
    "I talked with a {g} {x} yesterday.",
    "A {g} {x} moved in next door.",
    "Our {x} is {g}.",
    "The {x} who won is {g}.",
    "She is a {g} {x}.",
    "He is a {g} {x} in our town.",
    "I know a {g} {x} who reads this site.",
    "Every {g} {x} I know agrees.",
)
OCCUPATIONS = (
    "student",
    "doctor",
    "teacher",
    "neighbour",
    "writer",
    "nurse",
    "engineer",
    "farmer",
    "lawyer",
    "driver",
    "cook",
    "artist",
    "journalist",
    "scientist",
    "athlete",
    "musician",
    "pilot",
    "mechanic",
    "pharmacist",
    "librarian",
    "baker",
    "soldier",
    "programmer",
    "reader",
)


def identity_balancing_sentences(train: pd.DataFrame, seed: int = 29) -> pd.DataFrame:
    """Neutral sentences naming groups, half again as many as the English training texts that
    name a group have more toxic than non-toxic labels (after Dixon et al. 2018), so that a
    group's name alone is no evidence of toxicity."""
    from moderator.scoring.shipped import _GROUP_NAMES

    generator = random.Random(seed)
    mentions = train.loc[train["text"].str.lower().str.contains(_GROUP_NAMES["en"]), "toxicity"]
    missing = int(1.5 * ((mentions == 1).sum() - (mentions == 0).sum()))
    combos = list(itertools.product(ENGLISH_IDENTITY_TERMS, BALANCING_FRAMES, OCCUPATIONS))
    rows = []
    for term, frame, occupation in generator.sample(combos, min(max(missing, 0), len(combos))):
        text = frame.format(g=term, x=occupation)
        rows.append({"text": text[0].upper() + text[1:], "part": "en"})
    return _non_toxic(
        pd.DataFrame(rows, columns=["text", "part"]), "identity_balancing_augmentation"
    )


def _non_toxic(frame: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """`frame` (text, part) as rows of `dataset` that are 0 for every label."""
    frame["dataset"] = dataset
    for label in LABELS:
        frame[label] = 0.0
    return frame
