"""Counter-speech the identity detector reads as such: a claim its sentence calls false, an
opinion a negation takes back, what those who say it are said to say, a quotation that is a
sentence of its own next to a condemning sentence, and reported speech next to a short verdict.
Each rule has counter-examples where the hate stands: an approving sentence, a question, a
clause after a break, hate next to an unrelated condemnation."""

import pytest

from moderator.identity import IdentityDetector


@pytest.fixture(scope="module")
def detector():
    return IdentityDetector()


def countered(detector, text):
    """(attack type, the terms of the countered spans)."""
    result = detector.check(text)
    terms = [span["term"] for span in result["identity_spans"] if span["category"] == "countered"]
    return result["attack_type"], terms


CLAIMS_CALLED_FALSE = [
    ("It's not true that women are lazy.", "lazy"),
    ("It is simply a myth that Kazakh people are lazy.", "lazy"),
    ("It is simply false that migrants can't be trusted.", ""),
    ("Kazakhs are lazy - that's a myth.", "lazy"),
    ("Неправда, что казахи ленивые.", "ленив"),
    ("Это просто ложь, что кавказцам нельзя доверять.", "нельзя доверять"),
    ("Казахи ленивые — это не так.", "ленив"),
    ("Казахи ленивые? Это неправда.", "ленив"),
]


@pytest.mark.parametrize(("text", "term"), CLAIMS_CALLED_FALSE)
def test_a_claim_called_false_is_countered(detector, text, term):
    assert countered(detector, text) == ("", [term])


OPINIONS_TAKEN_BACK = [
    ("Nobody here thinks Russian people are worthless.", "worthless"),
    ("I have never found Tajiks disgusting, not once.", "disgusting"),
    ("We should never treat Jewish people like vermin.", "vermin"),
    ("Здесь никто не считает кавказцев никчёмными.", "никчемн"),
    ("Я не считаю узбеков ленивыми.", "ленив"),
]


@pytest.mark.parametrize(("text", "term"), OPINIONS_TAKEN_BACK)
def test_an_opinion_a_negation_takes_back_is_countered(detector, text, term):
    assert countered(detector, text) == ("", [term])


SAID_BY_OTHERS = [
    ("People who say migrants are cockroaches should look in the mirror.", "cockroach"),
    ("Те, кто называет евреев тараканами, пусть посмотрят в зеркало.", "таракан"),
]


@pytest.mark.parametrize(("text", "term"), SAID_BY_OTHERS)
def test_what_those_who_say_it_say_is_countered(detector, text, term):
    assert countered(detector, text) == ("", [term])


QUOTED_AND_CONDEMNED = [
    ("'Muslims should be shot'? You should be ashamed of yourself.", "shot"),
    ("«Uyghurs are animals»? Report this account, please.", "animals"),
    ('"Russian people are vermin" - how is this comment still up?', "vermin"),
    ("“Gays are a plague” is not an opinion, it is hatred.", "plague"),
    ('If your argument is "women are disgusting", you don\'t have an argument.', "disgusting"),
    ("„Евреев надо расстреливать“? Вам должно быть стыдно.", "расстреливать"),
    ("'Женщины — скот', серьёзно? Модераторы, удалите это.", "скот"),
    ("Если твой аргумент — «армяне мерзкие», то аргумента у тебя нет.", "мерзк"),
    ("Когда ты пишешь «евреи — грязь», ты показываешь только себя.", "грязь"),
]


@pytest.mark.parametrize(("text", "term"), QUOTED_AND_CONDEMNED)
def test_a_quotation_condemned_by_its_own_or_the_next_sentence_is_countered(detector, text, term):
    assert countered(detector, text) == ("", [term])


REPORTED_AND_CONDEMNED = [
    ("The politician claimed that Muslims are born criminals. Shameful.", "criminals"),
    ("Депутат заявил, что евреи — прирождённые преступники. Позор.", "преступник"),
]


@pytest.mark.parametrize(("text", "term"), REPORTED_AND_CONDEMNED)
def test_reported_speech_next_to_a_short_verdict_is_countered(detector, text, term):
    assert countered(detector, text) == ("", [term])


# The same shapes where the hate stands: approval, a question, a clause after a break, negated
# praise, a slur, hate next to a condemnation of something else, a group named before the cue.
STILL_HATEFUL = [
    ('"Russians are vermin" - my grandfather said it and he was right.', "dehumanization"),
    ('"Jews should be shot". I agree, they are right.', "threat"),
    ('"Russians are pigs". Exactly.', "dehumanization"),
    ('Is this wrong? "Jews are rats".', "dehumanization"),
    ("He said that Russians are pigs. He is right.", "dehumanization"),
    ("Russians are pigs. Racism is wrong though.", "dehumanization"),
    ("People who say Russians are pigs are right.", "dehumanization"),
    ("Russians are pigs and anyone who says otherwise is lying.", "dehumanization"),
    ("Russians aren't people, they're animals.", "dehumanization"),
    ("It's not true that Russians are lazy, they are all thieves.", "generalization"),
    ("Russians are lazy, it's a lie that they are hardworking.", "generalization"),
    ("Isn't it true that Russians are lazy?", "generalization"),
    ("I don't think so, Russians are pigs.", "dehumanization"),
    ("Sorry not sorry, I find Kazakhs repulsive.", "generalization"),
    ("Russians can't be trusted.", "generalization"),
    ("Что с мусульманами не так, что они вечно паразитируют?", "dehumanization"),
    ("Whoever told you this is an idiot.", "personal_insult"),
]


@pytest.mark.parametrize(("text", "attack"), STILL_HATEFUL)
def test_approved_asked_or_separate_hate_stands(detector, text, attack):
    assert detector.check(text)["attack_type"] == attack


def test_mud_is_no_insult_but_a_group_called_dirt_is(detector):
    assert detector.check("Армяне — грязь и мусор.")["attack_type"] == "generalization"
    assert detector.check("После дождя на дороге одна грязь.")["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "model_set_aside"),
    [
        ("It's not true that women are lazy.", False),
        ("The politician claimed that Muslims are born criminals. Shameful.", False),
        ("«Uyghurs are animals»? Report this account, please.", False),
        # the model flags these; the policy sets its labels aside and says so
        ("Russians aren't stupid, and they never were.", True),
        ("«Русские — паразиты» — писать такое мерзко, вам должно быть стыдно.", True),
        ("Uzbeks are not stupid people.", True),
    ],
)
def test_counter_speech_is_approved_through_the_pipeline(tmp_path, text, model_set_aside):
    import pandas as pd

    from moderator.pipeline import analyze

    comments = tmp_path / "comments.csv"
    pd.DataFrame({"text": [text]}).to_csv(comments, index=False)
    table = analyze(comments, output_dir=tmp_path / "out", text_col="text").table
    assert table["action"].tolist() == ["approve"]
    assert ("set aside" in str(table["reasons"][0])) == model_set_aside


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            'Someone sprayed "death to Russians" on the wall. Vile. We called the police.',
            "death",
        ),
        (
            "Кто-то написал на стене «смерть русским». Мерзость, мы сообщили в полицию.",
            "смерть",
        ),
        ('Sorry, but "kill all Uzbeks" is not free speech, it is incitement.', "kill"),
    ],
)
def test_a_quoted_command_is_read_and_countered_when_condemned(detector, text, term):
    assert countered(detector, text) == ("", [term])


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ('My motto: "Death to Jews".', "threat"),
        ('I agree: "Kill all Russians!"', "threat"),
        ('Someone painted "death to Jews" on the wall. Good.', "threat"),
        ("Call me whatever you like, but I think Kazakhs are vile.", "generalization"),
        ("I am sick of Tajik people.", "generalization"),
        ("Русские козлы.", "generalization"),
    ],
)
def test_a_quoted_command_without_condemnation_is_a_threat(detector, text, attack):
    assert detector.check(text)["attack_type"] == attack


@pytest.mark.parametrize(
    "text",
    [
        "I am sick of seeing people dehumanise Tajik people on this site.",
        "Не надо делать из русских козлов отпущения за свои провалы.",
    ],
)
def test_hatred_of_what_people_say_and_scapegoats_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "There's a chink in the wall where the cold air comes through.",
        "Mum made faggots and peas for dinner.",
        "The old dyke along the river needs repairs.",
        "We spent three days on a boat on the Rio Negro.",
        "Дед весь вечер колол чурки для бани.",
        "У удода на голове смешной хохол из перьев.",
    ],
)
def test_a_slur_in_its_everyday_sense_is_read_but_attacks_no_one(detector, text):
    result = detector.check(text)
    assert result["attack_type"] == ""
    assert [span["category"] for span in result["identity_spans"]] == ["countered"]


@pytest.mark.parametrize(
    "text",
    [
        "Chinks are everywhere in this city, build a wall.",
        "Filthy chinks should go back over the wall.",
        "You a faggot if you bring a jacket to work.",
        "Дрова колоть заставим этих чурок, грязные животные.",
        "Понаехали тут чурки.",
    ],
)
def test_a_slur_near_a_word_of_its_everyday_sense_still_attacks(detector, text):
    assert detector.check(text)["attack_type"] == "slur"


def test_speakers_naming_themselves_by_a_slur_attack_no_one(detector):
    for text in (
        "Мы, москали, народ упрямый, нас дождём не испугаешь.",
        "Мы, чурки, готовим плов лучше всех, без обид.",
    ):
        assert countered(detector, text)[0] == ""
    for text in (
        "Мы, русские, ненавидим вас, чурки.",
        "Мы, москали, вас, хохлов, всех перебьём.",
        "Мы чурки не любим.",
        "Понаехали тут чурки, мы их не звали.",
    ):
        assert detector.check(text)["attack_type"] != "", text


def test_ever_between_a_modal_and_its_verb_is_read(detector):
    assert countered(detector, "No one should ever hurt disabled people.") == ("", ["hurt"])
    assert detector.check("Someone should ever hurt Chinese people.")["attack_type"] == "threat"


def test_a_long_comment_of_counter_speech_is_read_throughout(detector):
    for unit in (
        '"Jews are rats"? Shameful. ',
        "It's not true that women are lazy. ",
        "People who say migrants are cockroaches should look in the mirror, ",
    ):
        result = detector.check(unit * 300)
        assert result["attack_type"] == "", unit
        assert len(result["identity_spans"]) >= 300, unit
    mixed = "It's not true that women are lazy. Russians are pigs. " * 50
    assert detector.check(mixed)["attack_type"] == "dehumanization"
