"""Neutral sentences that mention identity groups, added to training as non-toxic examples.

Linear models learn that a group's name co-occurs with hate ("muslims", "евреи") and then flag
any mention. These counter-examples teach that the name alone is not toxic (Dixon et al. 2018's
debiasing by data). They are written here, distinct from the jigsaw_bias_templates evaluation set
and from the functional test templates, so neither evaluation is trained on.
"""

import itertools

import pandas as pd

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
        for group, template in itertools.product(groups, templates):
            text = template.format(g=group)
            rows.append({"text": text[0].upper() + text[1:], "part": part})
    frame = pd.DataFrame(rows)
    frame["dataset"] = "neutral_identity_augmentation"
    for label in ("toxicity", "insult", "threat", "obscene", "identity_attack"):
        frame[label] = 0.0
    return frame
