"""The identity detector's framing rules, per function and language: threats against a group,
hatred said by the speaker, exclusion and implicit derogation, and quoted hostility that its
sentence condemns or reports. Each positive case has clean counter-examples that differ from it
only in what the rule reads: the framing, the target, a negation or a report."""

import pandas as pd
import pytest

from moderator.errors import ConfigError
from moderator.identity import IdentityDetector, detect_identity_attacks, load_lexicon
from moderator.identity.lexicon import TERM_COLUMNS
from moderator.identity.matcher import ATTACK_RANK, _quotations
from moderator.policy import decide


@pytest.fixture(scope="module")
def detector():
    return IdentityDetector()


def finding(detector, text):
    result = detector.check(text)
    return result["attack_type"], result["target_groups"]


THREATS = [
    # English: intent of the speaker, a norm or wish, a command
    ("I will kill all Russians.", "russians"),
    ("I'm going to hurt every one of the Kazakhs.", "kazakhs"),
    ("We'll shoot the Uzbeks.", "uzbeks"),
    ("I want all Tajiks dead.", "tajiks"),
    ("I hope all Russians die.", "russians"),
    ("Russians should all be shot.", "russians"),
    ("Kazakhs deserve to be hanged.", "kazakhs"),
    ("Jews must die.", "jews"),
    ("Muslims need to be exterminated.", "muslims"),
    ("Kill all Armenians.", "armenians"),
    ("Let's burn the Chinese.", "chinese"),
    ("Death to Uzbeks!", "uzbeks"),
    ("The Chinese are everywhere. Kill them all.", "chinese"),
    ("The Chinese are everywhere. They should all be shot.", "chinese"),
    ("You Kazakhs should all be shot.", "kazakhs"),
    # Russian: first person and imperative forms, modals before or after the verb
    ("Я убью всех казахов.", "kazakhs"),
    ("Мы перебьём всех таджиков.", "tajiks"),
    ("Всех узбеков надо перерезать.", "uzbeks"),
    ("Надо их всех перестрелять, этих узбеков.", "uzbeks"),
    ("Китайцы должны быть расстреляны.", "chinese"),
    ("Армяне заслуживают виселицы.", "armenians"),
    ("Евреев нужно вешать.", "jews"),
    ("Пусть русские сдохнут.", "russians"),
    ("Надеюсь, все таджики сдохнут.", "tajiks"),
    ("Смерть таджикам!", "tajiks"),
    # Kazakh: the modal after the verb, first person and jussive forms
    ("Орыстарды өлтіру керек.", "russians"),
    ("Өзбектерді құрту керек.", "uzbeks"),
    ("Қытайларды өлтіремін.", "chinese"),
    ("Орыстар өлсін!", "russians"),
]


@pytest.mark.parametrize(("text", "group"), THREATS)
def test_threats_against_a_group(detector, text, group):
    assert finding(detector, text) == ("threat", group)


NOT_THREATS = [
    # reports of violence
    "Chinese soldiers killed Uyghurs in 2019.",
    "Jews killed in the Holocaust must be remembered.",
    "Russians die in the war.",
    "He was shot by police.",
    "Five Kazakhs were shot yesterday.",
    "Russians killed in the war deserve respect.",
    "The soldier who killed Russians should be executed.",
    "Смерть русских солдат — трагедия.",
    "Русские убили много людей.",
    "Орыстарды өлтірді.",
    # predictions by others, not the speaker's intent or wish
    "I think Russians will kill us all.",
    "I hope Russians don't die.",
    "Russians will kill all Ukrainians.",
    # negated
    "Nobody should kill Russians.",
    "No one should kill Russians.",
    "I would never hurt Kazakhs.",
    "Not all Russians should be shot.",
    "Не надо убивать русских.",
    "Никто не должен убивать таджиков.",
    "Я никогда не убью казаха.",
    "Орыстарды өлтірмеу керек.",
    # no group is the object
    "I'm going to burn a CD for my Russian friend.",
    "Russians should pay for gas.",
    "Death toll of Russians rises.",
    "We should kill the bill that helps Russians.",
    # counter-speech and quotations
    "'kill all Russians' comments are disgusting.",
    '"Kill all Russians!" comments are disgusting.',
    'Stop writing "kill all Jews" here.',
    "Calling for Russians to be shot is disgusting.",
    "Называть казахов скотами и писать «убейте их» — позор.",
]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_reports_negations_and_quotes_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] == ""


HATRED = [
    ("I hate Kazakhs.", "kazakhs"),
    ("I really can't stand Russians.", "russians"),
    ("I despise Muslims.", "muslims"),
    ("I detest Jews.", "jews"),
    ("We loathe immigrants.", "migrants"),
    ("Uzbeks disgust me.", "uzbeks"),
    ("I'm sick of Tajiks.", "tajiks"),
    ("I would never trust Russians.", "russians"),
    ("Kazakhs are everywhere. I hate them.", "kazakhs"),
    ("Ненавижу русских.", "russians"),
    ("Я ненавижу казахов.", "kazakhs"),
    ("Терпеть не могу узбеков.", "uzbeks"),
    ("Презираю таджиков.", "tajiks"),
    ("Мигранты бесят.", "migrants"),
    ("Орыстарды жек көремін.", "russians"),
    ("Біз қытайларды жек көреміз.", "chinese"),
]


@pytest.mark.parametrize(("text", "group"), HATRED)
def test_hatred_said_by_the_speaker_is_a_generalization(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


NOT_HATRED = [
    # the group hates, or is not the object
    "Russians hate the cold.",
    "Kazakhs despise corruption.",
    "I think Russians hate the cold.",
    "We Kazakhs hate corruption.",
    "I hate Russian winters.",
    "I hate it when Russians win.",
    "I can't stand people who hate Jews.",
    "Russians never trust the government.",
    "Ненавижу людей, которые любят русских.",
    # no group at all
    "I hate this stupid printer.",
    "Ненавижу этот тупой принтер.",
    "I hate them.",
    # negated
    "I don't hate Russians.",
    "No one should hate Kazakhs.",
    "Я не ненавижу русских.",
    "Қазақтар жек көрмейді.",
]


@pytest.mark.parametrize("text", NOT_HATRED)
def test_hatred_of_no_group_or_by_no_speaker_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


DEROGATION = [
    ("Russians should go back to where they came from.", "russians"),
    ("Russians, go home.", "russians"),
    ("Go home, Kazakhs!", "kazakhs"),
    ("Uzbeks should be deported.", "uzbeks"),
    ("Deport all Tajiks!", "tajiks"),
    ("We must get rid of the Chinese.", "chinese"),
    ("Chinese don't belong here.", "chinese"),
    ("Never trust Jews, they cheat.", "jews"),
    ("Русские пусть валят к себе домой.", "russians"),
    ("Убирайтесь, таджики!", "tajiks"),
    ("Гнать узбеков из города.", "uzbeks"),
    ("Мигрантов надо депортировать.", "migrants"),
    ("Нельзя доверять, русские всегда обманут.", "russians"),
    ("Орыстар кетсін!", "russians"),
    ("Қытайлар, кетіңдер!", "chinese"),
    ("Қытайларды қуу керек.", "chinese"),
]


@pytest.mark.parametrize(("text", "group"), DEROGATION)
def test_exclusion_and_derogation_are_generalizations(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


NOT_DEROGATION = [
    "Russians went back home after the holidays.",
    "Russians go home for the holidays.",
    "We should leave Russians alone.",
    "Go back to your room, Kazakhs.",
    "Americans should get rid of all their Muslim citizens.",
    "Calling for Russians to go home is racist.",
    "Орыстарды өлтіруге болмайды.",
    '"Орыстар кетсін" деп жазу ұят.',
]


@pytest.mark.parametrize("text", NOT_DEROGATION)
def test_travel_and_condemned_exclusion_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Писать «русские это скоты» мерзко и неправильно.",
        "Кто пишет «ненавижу казахов», тот сам позорится.",
        'If you write "I hate Russians" here, you will be banned.',
        'Saying "Kazakhs are vermin" is disgusting and wrong.',
        '"Death to Uzbeks" is a disgusting slogan.',
        'He said "we will kill all Russians".',
        "«Русские это скоты» — это мерзко.",
    ],
)
def test_quoted_hostility_that_its_sentence_condemns_or_reports_is_cancelled(detector, text):
    assert detector.check(text)["attack_type"] == ""


def test_a_quotation_without_condemnation_stands(detector):
    assert finding(detector, '"Russians are pigs" - exactly.') == ("dehumanization", "russians")
    # Apostrophes quote nothing, so a condemning word does not cancel the words they enclose.
    assert finding(detector, "It's wrong, but Kazakhs are pigs, aren't they") == (
        "dehumanization",
        "kazakhs",
    )
    assert _quotations("don't 'kill' Russians' dogs") == [(6, 11)]
    assert _quotations("«Русские — скоты», пишет он") == [(0, 16)]


def test_threat_explanation_names_the_framing_and_the_group(detector):
    result = detector.check("I will kill all Russians.")
    assert result["identity_explanation"] == "threat: 'I will kill' aimed at group 'russians'"
    assert result["identity_severity"] == 0.95
    spans = {span["category"]: span["term"] for span in result["identity_spans"]}
    assert spans == {"threat": "kill", "group_term": "russian"}
    result = detector.check("The Chinese are everywhere. They should all be shot.")
    assert result["identity_explanation"] == (
        "threat: 'should all be shot' aimed at group 'chinese' ('They')"
    )


def test_threat_outranks_a_slur_in_the_same_comment(detector):
    assert ATTACK_RANK["threat"] > ATTACK_RANK["slur"]
    result = detector.check("Бейте хохлов.")
    assert (result["attack_type"], result["target_groups"]) == ("threat", "ukrainians")
    assert "slur: 'хохлов' targets group 'ukrainians'" in result["identity_explanation"]


def test_a_violent_word_far_from_any_group_has_no_hit(detector):
    text = (
        "The film was long and the hero had to kill the dragon in the last scene, which took "
        "ages, and only then did we talk about the Russians."
    )
    assert detector.check(text)["attack_type"] == ""


def write(tmp_path, *rows, name="mine.csv"):
    path = tmp_path / name
    path.write_text("\n".join([",".join(TERM_COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def test_user_lexicon_adds_and_disables_framed_words(tmp_path):
    text = "We should vaporize the Uzbeks."
    assert IdentityDetector().check(text)["attack_type"] == ""
    added = write(tmp_path, "vaporize,en,latin,,violent,0.9,exact,invented for the test")
    assert finding(IdentityDetector([added]), text) == ("threat", "uzbeks")
    disabled = write(tmp_path, "kill,en,latin,,violent,0,exact,", name="off.csv")
    assert IdentityDetector([disabled]).check("Kill all Russians.")["attack_type"] == ""
    derogation = write(tmp_path, "begone,en,latin,,derogation,0.6,exact,", name="d.csv")
    assert finding(IdentityDetector([derogation]), "Begone, Tajiks!") == (
        "generalization",
        "tajiks",
    )


def test_unknown_category_names_file_and_line(tmp_path):
    bad = write(tmp_path, "smite,en,latin,,violence,0.9,exact,")
    with pytest.raises(ConfigError) as error:
        load_lexicon([bad])
    message = str(error.value)
    assert "mine.csv line 2: unknown category 'violence' (use one of: " in message
    assert "violent" in message and "derogation" in message and "\n" not in message


def test_default_policy_removes_a_threat_with_a_plain_reason():
    comments = pd.DataFrame({"comment_id": ["1"], "text": ["Kill all Russians."]})
    decided = decide(pd.concat([comments, detect_identity_attacks(comments)], axis=1))
    assert decided.loc[0, "action"] == "remove"
    assert decided.loc[0, "reasons"] == "identity attack: threat against russians ('Kill')"


MISSPELLED = [
    # two neighbouring letters swapped, one missing, one added: in the group or the attack word
    ("Rsusians are vermin.", "dehumanization", "russians"),
    ("Kazakhs are vremin.", "dehumanization", "kazakhs"),
    ("Mexcians are monkeys.", "dehumanization", "latinos"),
    ("Kaazakhs breed like cockroaches.", "dehumanization", "kazakhs"),
    ("Uzbeks are veermin.", "dehumanization", "uzbeks"),
    ("Киайцы это скоты.", "dehumanization", "chinese"),
    ("Армяне это оббезьяны.", "dehumanization", "armenians"),
    # with a disguise elsewhere, which sends the comment down normalize()'s slow path
    ("Rsusians are s.w.i.n.e", "dehumanization", "russians"),
    # a swap in a four-letter term; a missing space
    ("I htae Jews.", "generalization", "jews"),
    ("Ihate Russians.", "generalization", "russians"),
    ("Deathto Kazakhs!", "threat", "kazakhs"),
    ("Russians arevermin", "dehumanization", "russians"),
]


@pytest.mark.parametrize(("text", "attack", "group"), MISSPELLED)
def test_a_term_misspelled_by_one_letter_is_found(detector, text, attack, group):
    assert finding(detector, text) == (attack, group)


@pytest.mark.parametrize(
    "text",
    [
        "Russians are the best.",  # "beast" one letter added
        "Kazakhs have money.",  # "monkey" one letter missing
        "Uzbeks say good morning.",  # "moron" and an ending
        "Russians drink tea with lemon.",
        "Мы с китайцами пиарили наш сайт.",  # (пидар-)
    ],
)
def test_a_real_word_a_letter_away_from_a_term_stays_itself(detector, text):
    assert finding(detector, text) == ("", "")


def test_misspelled_terms_are_long_and_keep_their_first_letter():
    lexicon = load_lexicon()
    assert lexicon.misspelled("rsusians") == "russians"
    assert lexicon.misspelled("mulims") == "muslims"
    assert lexicon.misspelled("muuslims") == "muslims"
    assert lexicon.misspelled("urssians") is None  # the first letter moved
    assert lexicon.misspelled("russiasn") == "russians"
    assert lexicon.misspelled("chik") is None  # shorter than TYPO_MIN_LETTERS
    assert lexicon.misspelled("money") is None  # real_words.txt
    assert lexicon.misspelled("russians") is None  # known
    assert lexicon.misspelled("ihate") == "i hate"
    assert lexicon.misspelled("htae") == "hate"
    assert lexicon.misspelled("hte") is None


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Russians aren't stupid, and they never were.", "stupid"),
        ("I don't hate Kazakhs.", "hate"),
        ('Saying "Uzbeks are vermin" is disgusting.', "vermin"),
        ("«Русские — паразиты» — писать такое мерзко.", "паразит"),
    ],
)
def test_negated_or_condemned_hostility_is_a_countered_span_not_an_attack(detector, text, term):
    result = detector.check(text)
    assert (result["attack_type"], result["target_groups"]) == ("", "")
    assert [(span["category"], span["term"]) for span in result["identity_spans"]] == [
        ("countered", term)
    ]


# Threats the framing rules used to miss: an adverb or a phrasal verb between the frame and its
# object, a group word qualifying "guy" or "person", a group addressed after the threat, Russian
# first-person and imperative forms, and the conditional threat of "any ... who ...".
MORE_THREATS = [
    ("I'm gonna stab the first Uzbek guy I meet.", "uzbeks"),
    ("We are coming to kill you, Tajiks!", "tajiks"),
    ("We should just wipe out the Kazakhs once and for all.", "kazakhs"),
    ("Somebody must finally wipe out Armenians for good.", "armenians"),
    ("Every Armenian who sets foot here will be shot.", "armenians"),
    ("Any Muslim person who walks past my shop is getting stabbed.", "muslims"),
    ("Я зарежу каждого таджика, которого увижу.", "tajiks"),
    ("Пора уже просто перебить всех мигрантов.", "migrants"),
    ("Кто-то должен наконец перестрелять армян.", "armenians"),
    ("Перестреляйте узбеков!", "uzbeks"),
    ("I'm going to hunt down every Chinese person on my street.", "chinese"),
    ("Armenians deserve a bullet, every one of them.", "armenians"),
    ("Gay men should be put down.", "gay_people"),
    ("Мигранты заслуживают газовых камер.", "migrants"),
    ("Біз барлық өзбектерді жоямыз.", "uzbeks"),
]


@pytest.mark.parametrize(("text", "group"), MORE_THREATS)
def test_threats_with_adverbs_addressees_and_conditionals(detector, text, group):
    assert finding(detector, text) == ("threat", group)


@pytest.mark.parametrize(
    "text",
    [
        "Any Russian who was shot in the war is a hero to his family.",
        "Russians are getting killed in this war every day.",
        "Any Kazakh who comes here will get a warm welcome.",
        "Я перебью тебя, если ты опять начнёшь спорить.",
        "Every Jew who was murdered in the camps must be remembered.",
        "We are coming to see the Uzbeks play on Sunday.",
        "Russians were beaten at hockey last night.",
    ],
)
def test_reports_and_friendly_futures_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] == ""


# Hate as an opinion or a question: superlatives, "born", "this"/"настолько", comparisons with
# vermin, "not human" as "less than human", and questioning that a group should exist at all.
OPINIONS = [
    ("Honestly, Kazakhs are the worst neighbours.", "generalization", "kazakhs"),
    ("По-моему, узбеки — худшие соседи.", "generalization", "uzbeks"),
    ("All Tajiks are born thieves.", "generalization", "tajiks"),
    ("Китайцы — прирождённые воры.", "generalization", "chinese"),
    ("Are the Chinese really this dumb?", "generalization", "chinese"),
    ("Почему армяне настолько тупые?", "generalization", "armenians"),
    ("Why do Armenians still exist?", "generalization", "armenians"),
    ("Зачем вообще существуют таджики?", "generalization", "tajiks"),
    ("Uzbeks are worse than cockroaches.", "dehumanization", "uzbeks"),
    ("Таджики хуже крыс.", "dehumanization", "tajiks"),
    ("I'd say Muslims are less than human.", "dehumanization", "muslims"),
    ("Jews ruin everything they touch.", "generalization", "jews"),
    ("Мигранты всё портят.", "generalization", "migrants"),
    ("Uzbeks are the dumbest people on the planet.", "generalization", "uzbeks"),
    ("Армяне самый тупой народ.", "generalization", "armenians"),
    ("Tajiks are no better than animals.", "dehumanization", "tajiks"),
    ("Казахи ничем не лучше свиней.", "dehumanization", "kazakhs"),
]


@pytest.mark.parametrize(("text", "attack", "group"), OPINIONS)
def test_hateful_opinions_and_questions(detector, text, attack, group):
    assert finding(detector, text) == (attack, group)


@pytest.mark.parametrize(
    "text",
    [
        "Russians are worse than Kazakhs at hockey.",
        "The worst thing about Russians is the winter they live in.",
        "Why do Russians live in Almaty?",
        "Why does hatred of Jews still exist?",
        "Зачем существуют эти правила?",
        "Kazakhs are less likely to smoke.",
        "Why do they even exist, these rules?",
        "I like dogs better than Russians do.",
        "Honestly I like cats more than Kazakhs.",
    ],
)
def test_comparisons_and_questions_without_hostility_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


# Praise of a group that a negation takes back.
NEGATED_PRAISE = [
    ("Kazakhs are simply not decent people.", "kazakhs"),
    ("Not one Tajik is honest.", "tajiks"),
    ("Muslims are not worth anything.", "muslims"),
    ("Uzbeks live here now. They are never any good.", "uzbeks"),
    ("Армяне никогда не были честными людьми.", "armenians"),
    ("Ни один мигрант не бывает порядочным.", "migrants"),
    ("Китайцы ничего не стоят.", "chinese"),
    ("Armenians can never be trusted.", "armenians"),
    ("Muslims simply aren't normal people.", "muslims"),
]


@pytest.mark.parametrize(("text", "group"), NEGATED_PRAISE)
def test_praise_a_negation_takes_back_is_a_generalization(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhs are not bad at all.",
        "Uzbeks are not good at chess.",
        "Russians don't have good roads.",
        "Armenians aren't rude, they are good people.",
        "I don't know if Jews are good or bad.",
        "Не все казахи хорошие люди.",
        "Russians who don't drink are good people.",
        "Tajiks are never late.",
        "Uzbeks are not vermin.",
        "You are never any good at this game.",
        "They are not good people.",
        "Kazakhs can't be late again.",
    ],
)
def test_negations_that_take_back_no_praise_of_a_group_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


# Hatred of a group referred to by a pronoun, in the clause or the sentence after it.
PRONOUN_HATRED = [
    ("I know a lot of Tajiks, and I despise each of them.", "tajiks"),
    ("Я видел много узбеков и презираю каждого из них.", "uzbeks"),
    ("Мигранты снова на площади. Меня от них тошнит.", "migrants"),
    ("Меня тошнит от армян.", "armenians"),
    ("Я жил с казахами. Ненавижу каждого из них.", "kazakhs"),
    ("I've worked with Armenians. Every one of them is a thief.", "armenians"),
    ("Я знаю много евреев, все они жадные.", "jews"),
]


@pytest.mark.parametrize(("text", "group"), PRONOUN_HATRED)
def test_hatred_of_a_group_named_before_a_pronoun(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "Меня тошнит от этой жары.",
        "Меня от них тошнит.",
        "Я встречал много русских, и каждый из них мне помог.",
        "Меня тошнит от русской кухни, слишком жирно.",
    ],
)
def test_disgust_at_no_group_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Shut up, russki.", "russians"),
        ("Опять эти китаёзы всё скупили.", "chinese"),
        ("Сколько тут этих чурок.", "central_asians"),
    ],
)
def test_more_slurs_and_their_inflections(detector, text, group):
    assert finding(detector, text) == ("slur", group)


# Recall: threats said in more words (readiness, causing suffering, a conditional "next ...",
# Russian first-person forms), each with clean sentences that share its words.
RECALL_THREATS = [
    ("I'm ready to wipe out Kazakhs with my own hands.", "kazakhs"),
    ("It's time to kill the Uzbeks.", "uzbeks"),
    ("The Tajiks deserve a good beating.", "tajiks"),
    ("Honestly, Armenians should be sterilised.", "armenians"),
    ("The next Chechen who comes to my door gets a bullet.", "chechens"),
    ("I'm going to hurt a Kazakh tonight.", "kazakhs"),
    ("Я готов уничтожить всех китайцев.", "chinese"),
    ("Я заставлю узбеков страдать.", "uzbeks"),
    ("We will make the Chechens suffer.", "chechens"),
    ("Буду душить армян, где увижу.", "armenians"),
    ("Сегодня я покалечу какого-нибудь таджика.", "tajiks"),
    ("Я лично выслежу киргизов.", "kyrgyz"),
    ("Их всех надо было избить, этих казахов.", "kazakhs"),
    ("We're coming to burn your shops, Uzbek people!", "uzbeks"),
    ("Следующий армянин, который сунется сюда, получит пулю.", "armenians"),
    ("Любой узбек, который подойдёт ко мне, получит нож.", "uzbeks"),
]


@pytest.mark.parametrize(("text", "group"), RECALL_THREATS)
def test_threats_in_more_words(detector, text, group):
    assert finding(detector, text) == ("threat", group)


@pytest.mark.parametrize(
    "text",
    [
        "We will crush the Kazakhs in the final.",
        "Our team is ready to beat the Russians tomorrow.",
        "Мы готовы разгромить казахов в финале.",
        "Three Tajik workers were beaten by a gang last night.",
        "Это было время, когда таджиков избили на рынке.",
        "The next Kazakh astronaut will fly in May.",
        "It's time to celebrate Kazakh culture.",
        "Я готов своими руками построить дом для армян.",
        "Я заставлю себя учить казахский язык.",
        "I'll make the Uzbeks cry in the final.",
        "I will make Kazakh food tonight.",
        "I hunt ducks with my Russian friends.",
        "Следующий узбек в очереди получит паспорт.",
        "Любой русский, который нарушит закон, получит штраф.",
        "Я купил казахский нож.",
        "I don't think Muslims should disappear.",
        "Killing Kazakhs is a crime.",
        "Give Russians a good beating in chess!",
    ],
)
def test_sport_reports_and_kind_intent_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] == ""


# Recall: profanity aimed at a group, as an attached word or a command by its place.
PROFANITY_HATE = [
    ("Fuck all Uzbeks.", "uzbeks"),
    ("Screw the Armenians.", "armenians"),
    ("The Chechens are shitheads, really.", "chechens"),
    ("Gay men are fucking useless.", "gay_people"),
    ("Black folks are pieces of shit.", "black_people"),
    ("Сраные таджики опять всё сломали.", "tajiks"),
    ("Киргизы — долбоёбы.", "kyrgyz"),
    ("Да пошли эти узбеки нахуй.", "uzbeks"),
    ("Нахер армян.", "armenians"),
    ("Как же заебали эти китайцы.", "chinese"),
    ("Ебал я этих евреев.", "jews"),
]


@pytest.mark.parametrize(("text", "group"), PROFANITY_HATE)
def test_profanity_aimed_at_a_group_is_a_generalization(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "Fuck, the Russians scored again.",
        "Fuck, Chinese people are everywhere today.",
        "Screw the lid on tightly.",
        "Fuck this weather, Kazakhs must be freezing.",
        "Эти сраные пробки меня достали.",
        "These dirty streets are everywhere.",
        "Нахер мне этот русский сериал.",
        "The shithead who stole my bike was not even local.",
    ],
)
def test_profanity_at_no_group_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


# Recall: attributes, disgust and denial in more words; a Russian group noun heads its phrase
# whatever follows it, an adjective does not.
MORE_GENERALIZATIONS = [
    ("Я презираю узбеков всей душой.", "uzbeks"),
    ("People with disabilities are completely worthless.", "disabled_people"),
    ("Chinese folks are useless.", "chinese"),
    ("Все казахи — тупое быдло.", "kazakhs"),
    ("Глупее армян никого нет.", "armenians"),
    ("Думаю, таджики слишком тупые.", "tajiks"),
    ("Women are not welcome here.", "women"),
    ("Мигрантам здесь не рады.", "migrants"),
    ("Казахам никогда нельзя доверять.", "kazakhs"),
    ("I genuinely believe Uzbeks should not exist.", "uzbeks"),
    ("Я считаю, что армян не должно существовать.", "armenians"),
    ("Евреи теперь повсюду, и меня от них воротит.", "jews"),
    ("Как же я устал от этих киргизов.", "kyrgyz"),
]


@pytest.mark.parametrize(("text", "group"), MORE_GENERALIZATIONS)
def test_generalizations_in_more_words(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "Я ненавижу русскую еду.",
        "Я никогда не говорил, что казахам нельзя доверять.",
        "I would hate to lose to the Kazakhs.",
        "Russians are dying of cancer at high rates.",
        "Migrants will be welcome here.",
        "Я устал от работы, а казахи тут ни при чём.",
        "Gay men deserve equal rights.",
        "Black folks built this town.",
        "Казахи — замечательные люди.",
    ],
)
def test_praise_denied_hate_and_other_objects_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The Uyghurs are a cancer on this country.", "uyghurs"),
        ("Мусульмане — зараза.", "muslims"),
        ("Uzbeks are nothing but animals.", "uzbeks"),
        ("The Kazakhs can smile, they will always be vermin to me.", "kazakhs"),
        ("Армяне могут улыбаться, для меня они всегда будут скотом.", "armenians"),
    ],
)
def test_dehumanization_in_more_words(detector, text, group):
    assert finding(detector, text) == ("dehumanization", group)


@pytest.mark.parametrize(
    ("text", "attack", "group"),
    [
        ("We should set fire to every house where Uzbeks live.", "threat", "uzbeks"),
        ("Я подожгу каждый двор, где живут таджики.", "threat", "tajiks"),
        ("Надо сжечь все кафе, где собираются армяне.", "threat", "armenians"),
        ("Все узбеки заслуживают, чтобы их избили.", "threat", "uzbeks"),
        ("Хоть бы все киргизы сгорели.", "threat", "kyrgyz"),
        ("Никакой пощады армянам.", "generalization", "armenians"),
        ("В таджиках нет ничего хорошего.", "generalization", "tajiks"),
        ("Узбеки ничего не дали этому миру.", "generalization", "uzbeks"),
        ("Я бы не доверил армянину свою машину.", "generalization", "armenians"),
        ("I wouldn't trust an Uzbek with my car.", "generalization", "uzbeks"),
        ("How long must we put up with these Tajiks?", "generalization", "tajiks"),
    ],
)
def test_threats_to_where_a_group_lives_and_denied_worth(detector, text, attack, group):
    assert finding(detector, text) == (attack, group)


@pytest.mark.parametrize(
    "text",
    [
        "We should burn the old papers where Russians signed the treaty.",
        "Дома сожгли в 1990 году там, где жили армяне.",
        "Надо, чтобы казахи жили лучше.",
        "I had to put up with Russian neighbours for years.",
        "Хоть убей, не помню, где живут казахи.",
        "В казахской кухне нет ничего острого.",
    ],
)
def test_places_reports_and_wishes_for_good_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Is anything more useless than an Armenian?", "armenians"),
        ("Что может быть бесполезнее, чем таджик?", "tajiks"),
        ("Nothing on earth makes me angrier than Chechens.", "chechens"),
    ],
)
def test_a_hostile_comparison_is_said_of_the_group_after_than(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "This movie is more stupid than the Russian original.",
        "I like cats better than Kazakhs do.",
        "Kazakh tea is stronger than Russian tea.",
        "Islam is no more violent than Christians are.",
        "Nothing makes me angrier than slow internet.",
        "It makes me angry that Russians are treated badly.",
    ],
)
def test_comparisons_of_things_or_animals_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


def test_countered_hostility_vouches_for_a_comment_only_when_it_is_all_of_it(detector):
    # "die" is not read as framed, but it may be aimed at "they": the negated hatred is no
    # counter-speech, and the comment keeps no countered span for the policy to act on.
    assert (
        detector.check("I don't hate Russians, I just wish they would all die.")["identity_spans"]
        == []
    )
    # Left-over words that cannot be aimed (no group, "they" or "you" in their sentence) do not
    # count against it.
    spans = detector.check("Кто-то написал «узбеки — мрази». Такой ненависти здесь не место.")[
        "identity_spans"
    ]
    assert [span["category"] for span in spans] == ["countered"]


def test_a_condemning_sentence_does_not_counter_the_writers_own_insult(detector):
    result = detector.check('Saying "Kazakhs are pigs" is disgusting, you moron.')
    assert result["attack_type"] == "personal_insult"
    assert [(span["category"], span["term"]) for span in result["identity_spans"]] == [
        ("countered", "pigs"),
        ("personal_insult", "moron"),
    ]
    assert result["identity_severity"] > 0


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Honestly, Armenians fill me with disgust.", "armenians"),
        ("Chinese people make me want to vomit.", "chinese"),
        ("Muslims make me puke, all of them.", "muslims"),
        ("Uzbeks repulse me.", "uzbeks"),
        ("Кавказцы вызывают отвращение.", "caucasus_peoples"),
        ("Я испытываю отвращение к мигрантам.", "migrants"),
        ("Моя ненависть к евреям безгранична.", "jews"),
    ],
)
def test_disgust_and_hatred_the_speaker_feels_for_a_group(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "The news makes me want to throw up.",
        "Spiders repulse me.",
        "Я испытываю отвращение к жестокости.",
        "Такие фильмы вызывают отвращение.",
        "Моя ненависть к понедельникам растёт.",
        "Я испытываю ненависть к тем, кто ненавидит евреев.",
        "Никто не испытывает отвращение к узбекам.",
    ],
)
def test_disgust_at_no_group_or_denied_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Ни один узбек ещё не сделал ничего полезного.", "uzbeks"),
        ("Армяне никогда не были полезны.", "armenians"),
        ("Kazakhs have never been useful.", "kazakhs"),
    ],
)
def test_usefulness_a_negation_takes_back_is_a_generalization(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "This tool is not useful for Russians.",
        "Kazakhs are not useful for this job.",
        "Узбеки не способны на предательство.",
        "I don't think Chinese tea is useful.",
        "Эта программа не полезна для армян.",
    ],
)
def test_usefulness_of_a_thing_or_for_a_task_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Immigrants are a burden on everyone.", "migrants"),
        ("Я считаю евреев мерзостью.", "jews"),
        ("Армяне — низшая раса.", "armenians"),
    ],
)
def test_burden_abomination_and_lower_race_said_of_a_group(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        "The tax burden on Russians is high.",
        "Women carry the burden of housework.",
        "Migrants are not a burden.",
        "Это мерзость, так говорить о казахах.",
        "Писать «узбеки — мерзость» — мерзость.",
    ],
)
def test_burden_of_a_group_and_condemned_abomination_are_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Пошли бить евреев.", "jews"),
        ("Ну что, пацаны, пошли завтра ночью бить таджиков!", "tajiks"),
        ("Айда сегодня бить кавказцев.", "caucasus_peoples"),
        ("Пойдем бить армян.", "armenians"),
        ("Let's smash some Uzbeks tonight.", "uzbeks"),
    ],
)
def test_calls_to_go_and_beat_a_group_are_threats(detector, text, group):
    assert finding(detector, text) == ("threat", group)


@pytest.mark.parametrize(
    "text",
    [
        "Они пошли бить евреев, но их остановила полиция.",
        "Ребята вчера пошли бить армян, их задержали.",
        "Мы пошли в гости к казахам.",
        "Пошли гулять с узбеками.",
        "Let's smash the record tonight with the Russians.",
        "Russians smash the Kazakhs in the final.",
    ],
)
def test_reports_of_going_to_beat_and_sporting_smashes_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] != "threat"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Я ненавижукиргизов.", "kyrgyz"),
        ("Этивонючие узбеки опять тут.", "uzbeks"),
        ("Армяне такиемерзкие.", "armenians"),
        ("Thesedisgusting Kazakhs again.", "kazakhs"),
    ],
)
def test_a_demonstrative_or_a_term_glued_onto_a_term_is_read_apart(detector, text, group):
    assert finding(detector, text)[1] == group


@pytest.mark.parametrize(
    "text",
    [
        "Этихороших людей я уважаю.",
        "Казахи такиедобрые.",
        "The deadline for Kazakhs is Friday.",
        "Russians played in Blackburn.",
    ],
)
def test_glued_words_that_are_no_terms_stay_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("May every Armenian rot in hell.", "armenians"),
        ("May all the Uzbeks burn.", "uzbeks"),
        ("I hope every Kazakh rots in hell.", "kazakhs"),
        ("Скоро евреи получат по заслугам.", "jews"),
    ],
)
def test_wishes_of_suffering_and_retribution_are_threats(detector, text, group):
    assert finding(detector, text) == ("threat", group)


@pytest.mark.parametrize(
    "text",
    [
        "Russians may die in the war.",
        "Many Jews may be killed if the war goes on.",
        "May I kill some time with my Kazakh friends?",
        "Коррупционеры получат по заслугам.",
        "Meat rots in the heat, said the Russians.",
    ],
)
def test_possibility_and_retribution_for_no_group_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] != "threat"


@pytest.mark.parametrize(
    "text",
    [
        "Racism against Kazakhs disgusts me.",
        "Hatred towards Jews makes me sick.",
        "Ненависть к евреям бесит.",
        "Насилие против узбеков вызывает отвращение.",
    ],
)
def test_disgust_at_hostility_against_a_group_is_clean(detector, text):
    assert detector.check(text)["attack_type"] == ""


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The very thought of Jews makes me sick.", "jews"),
        ("Most of the Russians disgust me.", "russians"),
        ("Kazakhs make my blood boil.", "kazakhs"),
        ("Uzbeks sicken me.", "uzbeks"),
        ("Я испытываю презрение к таджикам.", "tajiks"),
        ("Армяне вызывают омерзение.", "armenians"),
    ],
)
def test_more_disgust_the_speaker_feels_for_a_group(detector, text, group):
    assert finding(detector, text) == ("generalization", group)


@pytest.mark.parametrize(
    "text",
    [
        # "ему", "ей" mostly stand for a thing ("this hatred has no place here"), so they do not
        # resolve to the group named before, as "они", "их" do.
        "Кто-то написал «узбеки — мрази». Это нетерпимость, и ей здесь не место.",
        "Кто-то написал «армяне — паразиты». Это расизм, и ему здесь не место.",
    ],
)
def test_him_or_her_does_not_stand_for_the_group_named_before(detector, text):
    assert finding(detector, text) == ("", "")


@pytest.mark.parametrize(
    "text",
    [
        "Я помог ему, хотя он казах.",
        "Казах упал, и ему помогли.",
        "Мой сосед казах, ему угрожали убийством.",
        "Русская туристка заблудилась, ей надо помочь.",
    ],
)
def test_help_and_reports_about_him_or_her_are_no_threat(detector, text):
    assert detector.check(text)["attack_type"] != "threat"
