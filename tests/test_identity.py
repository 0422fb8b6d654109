"""The identity-attack detector: categories and target groups per language, evasion, clean group
mentions, counter-speech, spans and the reference article's 27 comments."""

import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderator.errors import InputError
from moderator.identity import COLUMNS, IdentityDetector, detect_identity_attacks
from moderator.identity.matcher import ATTACK_RANK


@pytest.fixture(scope="module")
def detector():
    return IdentityDetector()


def finding(detector, text):
    result = detector.check(text)
    return result["attack_type"], result["target_groups"]


# The reference article's comments as the extractor gives them: in page order, translator
# glosses in [brackets] removed. Expected: (attack type, target groups).
REFERENCE = [
    (
        "Kazakhs, Russians, don't argue. The Chinese will do all of you. They abuse the local "
        "Russians in Siberia. These scoundrels will fuck you over. So come together",
        ("generalization", "chinese"),
    ),
    ("Welcome to our kandastar.", ("", "")),
    (
        "It is simply necessary to introduce a Kazakh ID card as soon as possible. It's going to "
        "be easier to get documents and citizenship then.",
        ("", ""),
    ),
    ("I support this decision. It's a very good, correct one.", ("", "")),
    ("The more kandastar come over here the better.", ("", "")),
    # Hostile by allusion (hanging from trees), but it names no one and uses no hostile word.
    (
        "Plant more trees to make space where can hang around with their asses pointed upward "
        ")))))",
        ("", ""),
    ),
    ("What do Russian monkeys have to do with it? )))", ("dehumanization", "russians")),
    (
        "I'll say... What do the Russian monkeys have to do with that? I'm talking about oralman",
        ("dehumanization", "russians"),
    ),
    ("Why are ethnic Kazakhs being persecuted, and their rights being violated?", ("", "")),
    ("They should replace them with Rusyns.", ("", "")),
    (
        "Since when are dirty Russians called civilised? Not only is Kazakhstan driving you out "
        "but every country is following suit because you act like bastards everywhere.",
        ("generalization", "russians"),
    ),
    (
        "You are all Nazis. Generations of Russians have lived in Kazakhstan, but you are driving "
        "them out. For you, filthy, dim-witted oralman seem better than the Russians you lived "
        "in peace with during Soviet times. That doesn't do honor to you Kazakhs, but disgraces "
        "you.",
        ("generalization", "kazakhs|oralman"),
    ),
    ("Oralman or kandas...Six of one, half a dozen of the other.", ("", "")),
    (
        "What's the difference between a Russian and a Shit-Russian? It's the same",
        ("slur", "russians"),
    ),
    (
        "Why the hell are they needed at all in Kazakhstan? They are not Kazakhs, but swine. "
        "Native-born Kazakhs don't think of these oralman as people. Oralman don't want to "
        "work, but just breed like cockroaches.",
        ("dehumanization", "oralman"),
    ),
    ("You are pigs yourselves!", ("personal_insult", "")),
    # Telling someone to leave for Russia is rude, not an attack on a group.
    (
        "We won't ask for your opinion. You should skedaddle off to Russia, and oralman are our "
        "brethren.",
        ("", ""),
    ),
    (
        "Oralman are not people. And you can't tell me where to hightail it off to, you sheep.",
        ("dehumanization", "oralman"),
    ),
    (
        "It's Russians who are not human. Put that into your head, you pig.",
        ("dehumanization", "russians"),
    ),
    (
        "How many pigs have you mated with today, you Russian swine? :)))",
        ("dehumanization", "russians"),
    ),
    ("There is only one pig - you )))))", ("personal_insult", "")),
    ("You are confusing that with your mama, you inbred ))", ("personal_insult", "")),
    (
        "Don't you dare to talk about my parents. I am not talking about yours. Parents are "
        "above all this. Or don't you care what people say about your mother?",
        ("", ""),
    ),
    (
        "The Chinese are very insolent people - everywhere, and in no uncertain terms, they pose "
        "a threat with their vast numbers !!! I am against Chinese expansionism !!!",
        ("generalization", "chinese"),
    ),
    (
        "I think that Kazakhstan should join NATO instead. That's a good option for the country. "
        "And it should also cooperate with the USA, which can guarantee the independence of all "
        "Central Asian countries, as Pompeo said",
        ("", ""),
    ),
    (
        "We should become a great power, I am against sinicization. Therefore, I will never "
        "consider or even think about china, which I intentionally write in lowercase - they're "
        "simply evil.",
        ("generalization", "chinese"),
    ),
    (
        "That's right. They need to make it easier for all Kazakhs to obtain citizenship, not "
        "just those from China. No matter what, we need to become friends with China and "
        "cooperate with them. They are the ones that will be the Great Power in the future "
        "instead of Russia. Especially immediately after the Communist regime there falls",
        ("", ""),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCE, ids=[str(i) for i in range(1, 28)])
def test_reference_comment(detector, text, expected):
    assert finding(detector, text) == expected


def test_reference_article_counts_fifteen_hostile_comments():
    table = detect_identity_attacks([text for text, _ in REFERENCE])
    assert (table["attack_type"] != "").sum() == 15
    assert table["attack_type"].value_counts().to_dict() == {
        "": 12,
        "dehumanization": 6,
        "generalization": 5,
        "personal_insult": 3,
        "slur": 1,
    }


TRANSLATIONS = [
    # Russian
    ("При чём тут русские обезьяны? )))", ("dehumanization", "russians")),
    ("Оралманы не люди.", ("dehumanization", "oralman")),
    ("Это русские не люди. Заруби себе на носу, свинья.", ("dehumanization", "russians")),
    (
        "Оралманы не хотят работать, а только плодятся как тараканы.",
        ("dehumanization", "oralman"),
    ),
    ("Они не казахи, а свиньи. Оралманы плодятся как тараканы.", ("dehumanization", "oralman")),
    ("Они не казахи, а свиньи.", ("dehumanization", "")),
    ("Сколько свиней ты сегодня покрыл, русская свинья?", ("dehumanization", "russians")),
    ("С каких пор грязных русских называют цивилизованными?", ("generalization", "russians")),
    ("Китайцы очень наглый народ, они угрожают своей численностью!", ("generalization", "chinese")),
    ("Я никогда не думаю о Китае, они просто злые.", ("generalization", "chinese")),
    ("Вы сами свиньи!", ("personal_insult", "")),
    ("Ты свинья.", ("personal_insult", "")),
    ("Вы все нацисты. Вам, казахи, это не делает чести.", ("generalization", "kazakhs")),
    ("Хохлы опять ноют", ("slur", "ukrainians")),
    ("Русские свиньи, убирайтесь домой!", ("dehumanization", "russians")),
    ("Я не люблю русских свиней.", ("dehumanization", "russians")),
    ("Китайцам верить нельзя, они крысы.", ("dehumanization", "chinese")),
    ("Хохлам привет", ("slur", "ukrainians")),
    ("жиды правят миром", ("slur", "jews")),
    ("Оралмандарға тыйым салу керек, олар тарақандар.", ("dehumanization", "oralman")),
    ("Сендер, орыстар, шошқасыңдар!", ("dehumanization", "russians")),
    ("Қытайлардың бәрі зұлым.", ("generalization", "chinese")),
    ("Өзбектер жалқау.", ("generalization", "uzbeks")),
    ("Гейлер адам емес.", ("dehumanization", "gay_people")),
    ("Понаехали и плодятся как тараканы, а власти молчат)))", ("dehumanization", "migrants")),
    ("Мигранты — преступники и насильники.", ("generalization", "migrants")),
    ("Поганые китайцы опять тут.", ("generalization", "chinese")),
    ("Жиіркенішті қытайлар.", ("generalization", "chinese")),
    ("Понаехали тут чурки", ("slur", "migrants|central_asians")),
    # Kazakh
    ("Орыс маймылдар", ("dehumanization", "russians")),
    ("Қытайлар жай ғана зұлым", ("generalization", "chinese")),
    ("Оралмандар адам емес.", ("dehumanization", "oralman")),
    ("Орыстар шошқа", ("dehumanization", "russians")),
    ("Лас орыстар", ("generalization", "russians")),
    ("Сен шошқасың", ("personal_insult", "")),
    ("Оралмандар тарақан сияқты көбейеді", ("dehumanization", "oralman")),
]


@pytest.mark.parametrize(("text", "expected"), TRANSLATIONS)
def test_russian_and_kazakh(detector, text, expected):
    assert finding(detector, text) == expected


CLEAN = [
    "Why are ethnic Kazakhs being persecuted?",
    "Welcome to our kandastar",
    "make it easier for all Kazakhs to obtain citizenship",
    "Russians and Kazakhs have lived together for generations.",
    "My neighbours are Uyghurs and Dungans.",
    "Hug a blind Sikh, a deaf Hindu and a nonbinary Buddhist",
    "That was a fucking great match.",
    "Почему преследуют этнических казахов?",
    "Добро пожаловать, кандасы!",
    "Русские и казахи жили вместе.",
    "Қандастарымызға қош келдіңіздер!",
    "Қазақтар мен орыстар дос.",
    "Өзбекстан жақсы ел.",
    "Я русский, и горжусь этим.",
    "Мы ели свинину с китайцами.",
    # Ordinary words that start like lexicon words
    "He ate свинину and drank жидкий чай near the оркестр.",
    "The pigment was niggling; a piggyback ride to the roach-free kitchen.",
    "Russians are not pigs.",
    "Русские не свиньи.",
    "Орыстар шошқа емес.",
    "He is not a bad person, the Kazakhs say.",
    "Pigs are farmed in many countries.",
    # Animals as animals: no "are", "like" or adjacency links them to a person or group
    "Did you walk the dog today?",
    "Have you seen the animals at the zoo?",
    "They keep sheep and cattle on the farm.",
    "Russians love dogs.",
    "We saw monkeys in the Kazakh zoo.",
    "Ты видел собаку?",
    "Казахи разводят овец.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_mentions(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Calling Russians pigs is disgusting.",
        "Don't call Russians pigs.",
        "Stop calling Kazakhs monkeys.",
        "Называть русских свиньями мерзко.",
        'Не надо так; "свиньи" — это про людей? Стыдно.',
        "Не называйте казахов обезьянами.",
        "Not all Muslims are terrorists.",
        "Называть китайцев погаными отвратительно.",
        "Не все русские свиньи.",
        "Орыстарды шошқа деп атау жаман.",
    ],
)
def test_counter_speech_cancels(detector, text):
    assert detector.check(text)["attack_type"] == ""


def test_reported_speech_lowers_severity(detector):
    direct = detector.check("Russians are pigs.")
    reported = detector.check("He said that Russians are pigs.")
    assert direct["attack_type"] == reported["attack_type"] == "dehumanization"
    assert reported["identity_severity"] < direct["identity_severity"]
    assert "(reported speech)" in reported["identity_explanation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You chink", ("slur", "chinese")),
        ("All kikes out", ("slur", "jews")),
        ("Those faggots again", ("slur", "gay_people")),
        ("go home, wetbacks", ("slur", "migrants")),
        ("Muslims are vermin", ("dehumanization", "muslims")),
        ("Migrants breed like rats", ("dehumanization", "migrants")),
        ("Women are inferior", ("generalization", "women")),
        ("Refugees are parasites", ("dehumanization", "refugees")),
        ("Jews are evil", ("generalization", "jews")),
        ("Disabled people are subhuman", ("dehumanization", "disabled_people")),
        ("Gays are not human", ("dehumanization", "gay_people")),
        ("Uzbeks are lazy, Tajiks are dirty", ("generalization", "uzbeks|tajiks")),
        ("Muslim terrorists again", ("generalization", "muslims")),
        ("Mexicans are rapists", ("generalization", "latinos")),
        ("Baratunde is a nasty chinese", ("generalization", "chinese")),
        ("fucking Sikhs", ("generalization", "sikhs")),
        ("you idiot", ("personal_insult", "")),
        ("You sheep", ("personal_insult", "")),
        ("you Russian swine", ("dehumanization", "russians")),
        ("They are not Kazakhs, but swine.", ("dehumanization", "")),
        ("Uzbeks are lazy and dirty.", ("generalization", "uzbeks")),
        ("White people certainly are terrorists", ("generalization", "white_people")),
        (
            "These returnees breed like cockroaches & take our jobs. Send them back.",
            ("dehumanization", "oralman"),
        ),
    ],
)
def test_english_categories(detector, text, expected):
    assert finding(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RUSSIAN MONKEYS",
        "Russian m0nk3ys",
        "Russian monkeeeeys",
        "Russian m.o.n.k.e.y.s",
        "Russian m o n k e y s",
        "Russian mon\u200bkeys",
        "Ｒｕｓｓｉａｎ ｍｏｎｋｅｙｓ",
        "Russian mo*keys",
        "Russssian monkeys",
        "Shit-Russian",
        "pуcские свиньи",
        "русские свиньи",
        "РУССКИЕ СВИНЬИ",
        "русские свииииньи",
        "русские с.в.и.н.ь.и",
        "русские cвиньи",
        "русские св1ньи",
    ],
)
def test_obfuscation(detector, text):
    result = detector.check(text)
    assert result["attack_type"] in ("dehumanization", "slur")
    assert result["target_groups"] == "russians"


@pytest.mark.parametrize(
    "text",
    [
        "I ate a pig roast",  # "a pig" must not become one word
        "u r a p i g farmer",
        "ra t",
        "Russian is a language; p.s. i saw apes at the zoo",
        "so we went to the zoo a.p.e.x",
    ],
)
def test_normalization_makes_no_hits_across_words(detector, text):
    assert detector.check(text)["attack_type"] == ""


def test_spans_index_the_original_text(detector):
    text = "Well, Ｒｕｓｓｉａｎ m.o.n.k.e.y.s again"
    result = detector.check(text)
    spans = {
        span["category"]: text[span["start"] : span["end"]] for span in result["identity_spans"]
    }
    assert spans == {"group_term": "Ｒｕｓｓｉａｎ", "dehumanization": "m.o.n.k.e.y.s"}
    assert result["slur_terms"] == "m.o.n.k.e.y.s"


def test_explanation_names_term_and_group(detector):
    result = detector.check("What do Russian monkeys have to do with it?")
    assert result["identity_explanation"] == (
        "dehumanization: 'monkeys' attached to group 'russians'"
    )
    assert result["identity_severity"] == 0.9


def test_they_resolves_to_the_group_named_before(detector):
    result = detector.check("The Chinese built it. They are evil.")
    assert (result["attack_type"], result["target_groups"]) == ("generalization", "chinese")
    assert "said of 'They' (group 'chinese')" in result["identity_explanation"]


def test_unnamed_group_is_flagged_without_a_target(detector):
    result = detector.check("They breed like cockroaches.")
    assert (result["attack_type"], result["target_groups"]) == ("dehumanization", "")
    assert result["identity_severity"] == pytest.approx(0.95 * 0.6)
    result = detector.check("They are stupid.")
    assert (result["attack_type"], result["target_groups"]) == ("personal_insult", "")
    assert result["identity_explanation"] == (
        "personal_insult: 'stupid' said of 'They' (group not named)"
    )


def test_detect_returns_aligned_table_and_reads_only_the_text_column():
    comments = pd.DataFrame(
        {
            "text": ["Welcome to our kandastar.", "What do Russian monkeys have to do with it?"],
            "glosses": ["Russian monkeys [pigs]", ""],
        },
        index=[10, 11],
    )
    table = detect_identity_attacks(comments)
    assert list(table.columns) == list(COLUMNS)
    assert list(table.index) == [10, 11]
    assert list(table["attack_type"]) == ["", "dehumanization"]
    assert json.loads(table.loc[10, "identity_spans"]) == []
    assert json.loads(table.loc[11, "identity_spans"])[1] == {
        "start": 16,
        "end": 23,
        "category": "dehumanization",
        "term": "monkey",
        "group": "russians",
    }


def test_detect_on_nothing_gives_typed_empty_columns():
    table = detect_identity_attacks([])
    assert list(table.columns) == list(COLUMNS)
    assert table["identity_severity"].dtype == float
    assert pd.api.types.is_string_dtype(table["attack_type"])


def test_detect_needs_a_text_column():
    with pytest.raises(InputError, match="no 'text' column"):
        detect_identity_attacks(pd.DataFrame({"body": ["Russian monkeys"]}))


def test_detect_handles_missing_and_empty_texts():
    table = detect_identity_attacks(pd.Series(["", None, float("nan")]))
    assert list(table["attack_type"]) == ["", "", ""]
    assert list(table["identity_severity"]) == [0.0, 0.0, 0.0]


def test_long_comment_is_linear(detector):
    text = "What do Russian monkeys have to do with it? " * 20_000 + "a" * 200_000
    result = detector.check(text)
    assert result["attack_type"] == "dehumanization"


_ALPHABET = "abcdeiknoprsuwy RUSSIANрусскиесвиньяоралмн0134@!*.-_'’ \u200b\u0301ё,?"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=_ALPHABET, max_size=60) | st.text(max_size=60))
def test_any_text_gives_spans_inside_it(detector, text):
    result = detector.check(text)
    assert result["attack_type"] in ("", *ATTACK_RANK)
    assert 0.0 <= result["identity_severity"] <= 1.0
    for span in result["identity_spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
