"""Independently authored HateCheck-style functional test set (English and Russian, 29 functions).

Written blind to the identity lexicons, matcher rules and training templates; measurement only,
training never reads it. Even template index -> dev, odd -> test. Rebuild the CSV with:
python -m moderator.training.functional_holdout tests/data/functional_holdout_en_ru.csv
"""

import argparse
import csv
import re
from pathlib import Path

HATEFUL = "hateful"
NON_HATEFUL = "non-hateful"
COLUMNS = ("text", "language", "functionality", "group", "label", "split")

# --- Groups -------------------------------------------------------------------------------------

# id: (plural, singular noun, singular with article)
EN_GROUPS = {
    "russians": ("Russians", "Russian", "a Russian"),
    "kazakhs": ("Kazakhs", "Kazakh", "a Kazakh"),
    "uzbeks": ("Uzbeks", "Uzbek", "an Uzbek"),
    "tajiks": ("Tajiks", "Tajik", "a Tajik"),
    "uyghurs": ("Uyghurs", "Uyghur", "a Uyghur"),
    "chinese": ("Chinese people", "Chinese person", "a Chinese person"),
    "jews": ("Jews", "Jew", "a Jew"),
    "muslims": ("Muslims", "Muslim", "a Muslim"),
    "black_people": ("Black people", "Black person", "a Black person"),
    "gay_people": ("gay people", "gay person", "a gay person"),
    "women": ("women", "woman", "a woman"),
    "immigrants": ("immigrants", "immigrant", "an immigrant"),
}

# id: (nom pl, gen/acc pl, dat pl, ins pl, prep pl without preposition, nom sg, acc sg)
RU_GROUPS = {
    "russians": ("русские", "русских", "русским", "русскими", "русских", "русский", "русского"),
    "kazakhs": ("казахи", "казахов", "казахам", "казахами", "казахах", "казах", "казаха"),
    "uzbeks": ("узбеки", "узбеков", "узбекам", "узбеками", "узбеках", "узбек", "узбека"),
    "tajiks": ("таджики", "таджиков", "таджикам", "таджиками", "таджиках", "таджик", "таджика"),
    "chinese": ("китайцы", "китайцев", "китайцам", "китайцами", "китайцах", "китаец", "китайца"),
    "jews": ("евреи", "евреев", "евреям", "евреями", "евреях", "еврей", "еврея"),
    "muslims": (
        "мусульмане",
        "мусульман",
        "мусульманам",
        "мусульманами",
        "мусульманах",
        "мусульманин",
        "мусульманина",
    ),
    "immigrants": (
        "мигранты",
        "мигрантов",
        "мигрантам",
        "мигрантами",
        "мигрантах",
        "мигрант",
        "мигранта",
    ),
    "caucasus_peoples": (
        "кавказцы",
        "кавказцев",
        "кавказцам",
        "кавказцами",
        "кавказцах",
        "кавказец",
        "кавказца",
    ),
    "gay_people": ("геи", "геев", "геям", "геями", "геях", "гей", "гея"),
}


def _capitalize(text):
    return text[:1].upper() + text[1:]


def en_forms(group):
    plural, singular, with_article = EN_GROUPS[group]
    return {
        "pl": plural,
        "Pl": _capitalize(plural),
        "pl_lc": plural.lower(),
        "sg": singular,
        "a_sg": with_article,
    }


def ru_forms(group):
    nom, gen, dat, ins, prep, sg_nom, sg_acc = RU_GROUPS[group]
    # "об" before a vowel sound (об узбеках), "о" otherwise (о евреях, о русских).
    about = "об" if prep[0] in "аиоуэы" else "о"
    return {
        "nom": nom,
        "Nom": _capitalize(nom),
        "gen": gen,
        "dat": dat,
        "ins": ins,
        "prep": f"{about} {prep}",
        "prep_bare": prep,
        "sg_nom": sg_nom,
        "sg_acc": sg_acc,
    }


# --- Obfuscation rules (applied to the [bracketed] key word; "~" marks a dropped space) --------


def swap_adjacent(word):
    """Swap two adjacent, different characters in the middle of the word: hate -> htae."""
    middle = len(word) // 2
    for i in (middle - 1, middle, middle - 2, middle + 1):
        if 0 <= i < len(word) - 1 and word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    raise ValueError(f"no adjacent pair to swap in {word!r}")


def drop_character(word):
    """Leave out the middle character: hate -> hte, ненавижу -> ненвижу."""
    i = (len(word) - 1) // 2
    return word[:i] + word[i + 1 :]


def add_spaces(word):
    """A space between every character: hate -> h a t e."""
    return " ".join(word)


EN_LEET = (
    {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"},
    {"a": "4", "e": "3", "i": "1", "o": "0"},
    {"a": "@", "s": "$", "i": "!", "o": "0"},
)
RU_DIGITS = {"а": "@", "А": "@", "о": "0", "О": "0", "з": "3", "З": "3", "ч": "4", "Ч": "4"}
RU_DIGITS |= {"б": "6", "Б": "6"}
RU_LATIN = {c: lat for c, lat in zip("аеорсухкАВЕКМНОРСТХ", "aeopcyxkABEKMHOPCTX", strict=True)}


def leet_en(mode):
    table = EN_LEET[mode]

    def apply(word):
        return "".join(table.get(ch.lower(), ch) for ch in word)

    return apply


def leet_ru(mode):
    """Mode 0: digits and symbols, then Latin look-alikes; 1: Latin look-alikes; 2: digits."""
    tables = ((RU_DIGITS, RU_LATIN), (RU_LATIN,), (RU_DIGITS,))[mode]

    def apply(word):
        for table in tables:
            word = "".join(table.get(ch, ch) for ch in word)
        return word

    return apply


KEY_WORD = re.compile(r"\[([^\]]+)\]")


def obfuscate(text, rule):
    if rule == "space_missing":
        if "~" not in text:
            raise ValueError(f"no '~' in {text!r}")
        return text.replace("~", "")
    if not KEY_WORD.search(text):
        raise ValueError(f"no [key word] in {text!r}")
    return KEY_WORD.sub(lambda m: _checked(m.group(1), rule), text)


def _checked(word, rule):
    new = rule(word)
    if new == word:
        raise ValueError(f"obfuscation left {word!r} unchanged")
    return new


def _rules(language, functionality, index):
    if functionality == "obfuscated_swap":
        return swap_adjacent
    if functionality == "obfuscated_missing":
        return drop_character
    if functionality == "obfuscated_space_added":
        return add_spaces
    if functionality == "obfuscated_space_missing":
        return "space_missing"
    if functionality == "obfuscated_leet":
        # Templates 0,1 / 2,3 / 4,5 share a style, so dev and test each get every style.
        mode = (index // 2) % 3
        return leet_en(mode) if language == "en" else leet_ru(mode)
    return None


# --- English templates ----------------------------------------------------------------------

EN_TEMPLATES = {
    "derogation_emotion": (
        HATEFUL,
        [
            "I hate {pl}.",
            "{Pl} disgust me.",
            "I can't stand {pl}!!!",
            "I despise {pl} with every fibre of my being.",
            "Nothing makes me angrier than {pl}.",
            "so sick of {pl_lc} 🤮",
        ],
    ),
    "derogation_attribute": (
        HATEFUL,
        [
            "{Pl} are disgusting.",
            "All {pl} are liars and thieves.",
            "{Pl} are so stupid it hurts.",
            "{Pl} are filthy, lazy and dishonest.",
            "Typical {pl_lc}: dirty and useless.",
            "{Pl} are pathetic losers 😂",
        ],
    ),
    "dehumanization": (
        HATEFUL,
        [
            "{Pl} are vermin.",
            "{Pl} are nothing but animals.",
            "Those {pl} are rats, plain and simple.",
            "{Pl} are a cancer on society.",
            "{Pl} aren't human, they're subhuman trash.",
            "@user {pl} are parasites, every last one of them",
        ],
    ),
    "implicit_derogation": (
        HATEFUL,
        [
            "I wouldn't let my kids anywhere near {pl}.",
            "Funny how a neighbourhood always goes downhill once {pl} move in.",
            "Whenever a bike goes missing, there's always {a_sg} nearby.",
            "I'd rather starve than eat anything cooked by {pl}.",
            "Put {pl} in charge of anything and watch it fall apart.",
            "{Pl} belong in a zoo, not among normal people.",
        ],
    ),
    "threat_direct": (
        HATEFUL,
        [
            "I'm going to shoot the next {sg} I see.",
            "I will slit the throat of every {sg} I can get my hands on.",
            "We're coming to burn your houses down, {pl}!!!",
            "I'll hunt {pl} down one by one and break their bones.",
            "Swear to god, any {sg} who comes near my house is getting stabbed.",
            "{Pl}, watch your backs. We are coming for you.",
        ],
    ),
    "threat_normative": (
        HATEFUL,
        [
            "{Pl} should all be killed.",
            "All {pl} need to be shot.",
            "{Pl} deserve to die.",
            "It would be right to hang every last {sg}.",
            "Someone should finally wipe out {pl} once and for all.",
            "{Pl} don't deserve the right to live.",
        ],
    ),
    "profanity_hate": (
        HATEFUL,
        [
            "Fuck all {pl}.",
            "{Pl} are fucking disgusting.",
            "Fuck off, {pl}, nobody wants you here!",
            "Every single one of these {pl} is a worthless piece of shit.",
            "So fucking done with these shitty {pl}.",
            "{Pl} are shit, not people.",
        ],
    ),
    "pronoun_reference_clause": (
        HATEFUL,
        [
            "I have met many {pl} and I hate every single one of them.",
            "There are {pl} all over my area, and every one of them is scum.",
            "Whenever I see {pl} on the street, I feel sick looking at them.",
            "There are {pl} at my work and honestly they disgust me.",
            "I've talked to plenty of {pl}, and they're all worthless.",
            "{Pl} think they are special, but they are just filth.",
        ],
    ),
    "pronoun_reference_sentence": (
        HATEFUL,
        [
            "{Pl} have been living next to us for years. They are all scum.",
            "Have you ever met {pl}? They're revolting.",
            "Read an article about {pl} today. They make me sick.",
            "Don't talk to me about {pl}. I'd be happy if they all disappeared.",
            "A bunch of {pl} moved in next door. I can't stand those animals.",
            "Saw some {pl} on the metro this morning. God, they're disgusting.",
        ],
    ),
    "negated_positive": (
        HATEFUL,
        [
            "{Pl} are never any good.",
            "I will never respect {pl}.",
            "Not a single {sg} is worth anything.",
            "There is nothing good about {pl}, nothing at all.",
            "{Pl} aren't capable of being decent human beings.",
            "I'll never see {pl} as my equals.",
        ],
    ),
    "hate_question": (
        HATEFUL,
        [
            "Why are {pl} so disgusting?",
            "Wouldn't it be better if all {pl} just disappeared?",
            "What is wrong with {pl}, are they all this stupid?",
            "Is there anything more worthless than {pl}?",
            "Why do {pl} even exist?",
            "So when are we finally getting rid of {pl}???",
        ],
    ),
    "hate_opinion": (
        HATEFUL,
        [
            "I think {pl} are the worst people on earth.",
            "In my opinion, {pl} are a disease.",
            "Honestly, I believe {pl} are less than human.",
            "If you ask me, {pl} are pathetic scum.",
            "I'm convinced that all {pl} are born liars.",
            "imo {pl_lc} are trash, no offense",
        ],
    ),
    "obfuscated_swap": (
        HATEFUL,
        [
            "I [hate] {pl}.",
            "{Pl} are [disgusting].",
            "All {pl} should be [killed].",
            "{Pl} are [vermin]!!!",
            "I [despise] every {sg} I meet.",
            "{Pl} are nothing but [parasites].",
        ],
    ),
    "obfuscated_missing": (
        HATEFUL,
        [
            "I really [hate] {pl}!!!",
            "{Pl} are [worthless] trash.",
            "{Pl} [disgust] me.",
            "Every {sg} deserves to be [exterminated].",
            "{Pl} are [animals].",
            "{Pl} are [filthy], all of them.",
        ],
    ),
    "obfuscated_space_missing": (
        HATEFUL,
        [
            "I~hate {pl}.",
            "{Pl} are~disgusting.",
            "Kill~all {pl}!!!",
            "{Pl} are worthless~scum.",
            "Death~to {pl}.",
            "{Pl} should all be~shot.",
        ],
    ),
    "obfuscated_space_added": (
        HATEFUL,
        [
            "I [hate] all {pl}.",
            "{Pl} are [disgusting] creatures.",
            "[Kill] every {sg} you see.",
            "{Pl} are [vermin], nothing more.",
            "All {pl} are [trash].",
            "{Pl} make me [sick].",
        ],
    ),
    "obfuscated_leet": (
        HATEFUL,
        [
            "I [hate] {pl} so much.",
            "{Pl} are [disgusting] people.",
            "{Pl} are [vermin] and always will be.",
            "All {pl} should be [killed].",
            "{Pl} are [scum].",
            "{Pl} are [worthless] animals.",
        ],
    ),
    "negated_hate": (
        NON_HATEFUL,
        [
            "I don't hate {pl}.",
            "{Pl} are not vermin.",
            "I would never want to hurt {pl}.",
            "It's not true that {pl} are criminals.",
            "{Pl} aren't stupid, and they never were.",
            "I have never felt any disgust towards {pl}.",
        ],
    ),
    "neutral_group": (
        NON_HATEFUL,
        [
            "I'm having lunch with some {pl} from the office tomorrow.",
            "There are a lot of {pl} living in this city.",
            "My neighbours are {pl}.",
            "The news last night had a story about {pl}.",
            "Are there any {pl} in your class?",
            "The study interviewed {pl} from three different regions.",
        ],
    ),
    "positive_group": (
        NON_HATEFUL,
        [
            "I love {pl}.",
            "{Pl} are wonderful people.",
            "We're lucky to have so many {pl} in our community.",
            "My best friends are {pl} and they're amazing ❤️",
            "{Pl} deserve respect like everyone else.",
            "Huge respect to {pl}!!!",
        ],
    ),
    "counter_quote": (
        NON_HATEFUL,
        [
            '"{Pl} are vermin" - writing something like that is disgusting, be ashamed.',
            'If you post "I hate {pl}" here, expect a ban. That is hate speech, plain and simple.',
            'Someone sprayed "death to {pl}" on the school wall. Vile. We called the police.',
            '"{Pl} are animals"? No. That is hateful nonsense.',
            '@user you wrote "{pl} are scum". That\'s bigotry and it has no place here.',
            "Can't believe my uncle said \"I'd shoot every {sg}\" at dinner. Totally unacceptable.",
        ],
    ),
    "counter_reference": (
        NON_HATEFUL,
        [
            "Saying that you hate {pl} just shows how ignorant you are.",
            "You need to stop calling {pl} animals.",
            "Threatening {pl} online is a crime, and I'm reporting you.",
            "Calling {pl} subhuman is disgusting bigotry.",
            "People who spread hatred against {pl} should be ashamed of themselves.",
            "Joking about killing {pl} is not funny. Ever.",
        ],
    ),
}

# Slur templates: {s} singular, {a_s} with article, {sp} plural.
EN_SLUR_TEMPLATES = [
    "You are just {a_s} to me.",
    "Look at that {s} over there.",
    "There are way too many {sp} in this neighbourhood.",
    "Typical {s}, what did you expect?",
    "@user shut up, {s}",
    "My new coworker turned out to be {a_s}.",
]
EN_SLURS = {
    "russians": ("Russki", "Russkies"),
    "chinese": ("chink", "chinks"),
    "jews": ("kike", "kikes"),
    "muslims": ("raghead", "ragheads"),
    "black_people": ("nigger", "niggers"),
    "gay_people": ("faggot", "faggots"),
}

# Functions without a protected target (group empty), or with the in-group for reclaimed slurs.
EN_FIXED = {
    "slur_homonym": (
        NON_HATEFUL,
        [
            ("Making faggots with onion gravy for tea tonight, my nan's recipe.", ""),
            ("Grandad carried a faggot of sticks in from the shed for the fire.", ""),
            ("Our bitch just had a litter of six puppies!", ""),
            ("Fancy a fag? I've only got two left in the pack.", ""),
            ("Light was coming through a chink in the curtains.", ""),
            ("I had this queer feeling that we were being watched.", ""),
        ],
    ),
    "slur_reclaimed": (
        NON_HATEFUL,
        [
            ("I'm queer and proud of it 🏳️‍🌈", "gay_people"),
            ("Proud dyke here, and my wife says hi.", "gay_people"),
            ("My niggas showed up for my birthday, love y'all.", "black_people"),
            ("We queers have been here forever, get used to it.", "gay_people"),
            ("Us bad bitches run this office now 💅", "women"),
            ("Dykes on Bikes are leading the Pride parade this year!", "gay_people"),
        ],
    ),
    "profanity_nonhate": (
        NON_HATEFUL,
        [
            ("Fucking hell, what a day.", ""),
            ("Holy shit, that concert was amazing!!!", ""),
            ("Well, shit. Missed the last bus again.", ""),
            ("That exam was fucking brutal, I need a drink.", ""),
            ("Damn, that's one fucking beautiful sunset 🌅", ""),
            ("Bloody hell, it's pissing down out there.", ""),
        ],
    ),
    "abuse_object": (
        NON_HATEFUL,
        [
            ("I hate this broken printer.", ""),
            ("This fucking laptop is a useless piece of junk.", ""),
            ("Worst. Phone. Ever. I want to smash it to pieces.", ""),
            ("My car is a pathetic rusty heap of garbage.", ""),
            ("This app is disgusting, total garbage 🤮", ""),
            ("I despise Mondays with every fibre of my being!!!", ""),
        ],
    ),
    "abuse_individual": (
        NON_HATEFUL,
        [
            ("You are a lying idiot.", ""),
            ("Shut up, you moron.", ""),
            ("@user you're the most pathetic person I've ever met", ""),
            ("My ex is a disgusting, selfish pig.", ""),
            ("Nobody cares what you think, you clueless clown.", ""),
            ("Go to hell, you worthless piece of shit!!!", ""),
        ],
    ),
    "abuse_nonprotected": (
        NON_HATEFUL,
        [
            ("Lawyers are parasites.", ""),
            ("All politicians are lying scum.", ""),
            ("Spartak fans are a bunch of brain-dead animals.", ""),
            ("I hate landlords, every single one of them.", ""),
            ("Bankers are greedy pigs.", ""),
            ("Traffic cops are the worst kind of vermin.", ""),
            ("Cyclists who run red lights are fucking idiots.", ""),
            ("Influencers are useless leeches 🙄", ""),
        ],
    ),
}

# --- Russian templates ----------------------------------------------------------------------

RU_TEMPLATES = {
    "derogation_emotion": (
        HATEFUL,
        [
            "Ненавижу {gen}.",
            "{Nom} вызывают у меня отвращение.",
            "Терпеть не могу {gen}!!!",
            "Как же меня бесят эти {nom} 😡",
            "Я всей душой презираю {gen}.",
            "меня аж трясёт от злости, когда вижу {gen}",
        ],
    ),
    "derogation_attribute": (
        HATEFUL,
        [
            "{Nom} — мерзкие люди.",
            "Все {nom} — лжецы и воры.",
            "{Nom} тупые как пробка.",
            "{Nom} ленивые, грязные и лживые.",
            "Ну типичные {nom}: вонючие и бесполезные.",
            "Жалкие никчёмные неудачники — вот кто такие {nom} 😂",
        ],
    ),
    "dehumanization": (
        HATEFUL,
        [
            "{Nom} — это крысы.",
            "{Nom} не люди, а скот.",
            "Эти {nom} — паразиты на теле общества.",
            "{Nom} — недочеловеки.",
            "{Nom} хуже тараканов, честное слово.",
            "@user {nom} — животные, им место в клетке",
        ],
    ),
    "implicit_derogation": (
        HATEFUL,
        [
            "Я бы не подпустил своих детей к {dat} и на километр.",
            "Стоит {dat} поселиться в районе — и всё, район можно списывать.",
            "Где появляются {nom}, там сразу начинают пропадать велосипеды.",
            "Лучше с голоду умереть, чем есть то, что приготовили {nom}.",
            "Дайте {dat} хоть какую-то власть — и через год от страны ничего не останется.",
            "Место {gen} — в зоопарке, а не среди нормальных людей.",
        ],
    ),
    "threat_direct": (
        HATEFUL,
        [
            "Я перережу всех {gen}, до кого смогу добраться.",
            "Следующего {sg_acc}, которого увижу, пристрелю.",
            "Мы сожжём ваши дома, {nom}!!!",
            "Буду отлавливать {gen} по одному и ломать им кости.",
            "Клянусь, любой {sg_nom}, который подойдёт к моему дому, получит нож в бок.",
            "{Nom}, ждите: скоро мы придём за вами.",
        ],
    ),
    "threat_normative": (
        HATEFUL,
        [
            "{Nom} должны быть уничтожены.",
            "Всех {gen} надо расстрелять.",
            "{Nom} заслуживают смерти.",
            "Было бы правильно, если бы всех {gen} перевешали.",
            "Кто-нибудь должен наконец перебить всех {gen}.",
            "{Nom} не заслуживают права на жизнь.",
        ],
    ),
    "profanity_hate": (
        HATEFUL,
        [
            "{Nom} — ёбаные уроды.",
            "Да пошли вы на хуй, {nom}!",
            "Все {nom} — конченые мрази, блядь.",
            "Заебали эти вонючие {nom}, сил нет.",
            "Ненавижу этих сраных {gen}.",
            "{Nom} — говно, а не люди.",
        ],
    ),
    "pronoun_reference_clause": (
        HATEFUL,
        [
            "Я встречал много {gen}, и ненавижу каждого из них.",
            "Вокруг меня полно {gen}, и все они — мрази.",
            "Когда вижу {gen} на улице, меня от них тошнит.",
            "У нас на работе есть {nom}, и, честно говоря, они мне противны.",
            "Я много общался с {ins} и понял, что все они — ничтожества.",
            "{Nom} думают, что они особенные, а на деле они просто грязь.",
        ],
    ),
    "pronoun_reference_sentence": (
        HATEFUL,
        [
            "{Nom} живут рядом с нами уже много лет. Все они — отбросы.",
            "Ты вообще встречал {gen}? Они же омерзительны.",
            "Сегодня прочитал статью {prep}. Меня от них тошнит.",
            "Не говори мне {prep}. Я был бы счастлив, если бы они все исчезли.",
            "В соседний подъезд въехала куча {gen}. Терпеть не могу этих животных.",
            "Видел сегодня {gen} в метро. Какие же они мерзкие.",
        ],
    ),
    "negated_positive": (
        HATEFUL,
        [
            "{Nom} никогда не бывают хорошими людьми.",
            "Я никогда не буду уважать {gen}.",
            "Ни один {sg_nom} ничего не стоит.",
            "Ничего хорошего в {prep_bare} нет и не будет.",
            "{Nom} не способны быть порядочными людьми.",
            "Я никогда не признаю {gen} равными себе.",
        ],
    ),
    "hate_question": (
        HATEFUL,
        [
            "Почему {nom} такие мерзкие?",
            "Может, было бы лучше, если бы все {nom} просто исчезли?",
            "Что не так с {ins}, они все настолько тупые?",
            "Есть ли на свете кто-то никчёмнее, чем {nom}?",
            "Зачем {nom} вообще живут на этой земле?",
            "Когда мы уже избавимся от {gen}???",
        ],
    ),
    "hate_opinion": (
        HATEFUL,
        [
            "Я считаю, что {nom} — худшие люди на земле.",
            "По-моему, {nom} — это болезнь.",
            "Честно говоря, я уверен, что {nom} — недолюди.",
            "Если хотите знать моё мнение, {nom} — жалкое отребье.",
            "Мне кажется, все {nom} — прирождённые лжецы.",
            "имхо {nom} — мусор, без обид",
        ],
    ),
    "obfuscated_swap": (
        HATEFUL,
        [
            "Я [ненавижу] {gen}.",
            "{Nom} — [мрази].",
            "Всех {gen} надо [уничтожить].",
            "{Nom} — [паразиты]!!!",
            "{Nom} — [животные], а не люди.",
            "От {gen} меня [тошнит].",
        ],
    ),
    "obfuscated_missing": (
        HATEFUL,
        [
            "Как же я [ненавижу] {gen}!!!",
            "{Nom} — [отбросы] общества.",
            "{Nom} [заслуживают] смерти.",
            "{Nom} — [вонючие] твари.",
            "Всех {gen} надо [перестрелять].",
            "{Nom} — [недочеловеки].",
        ],
    ),
    "obfuscated_space_missing": (
        HATEFUL,
        [
            "Я~ненавижу {gen}.",
            "Смерть~{dat}!!!",
            "{Nom} просто~мусор.",
            "Всех {gen} надо~убить.",
            "{Nom} — грязные~животные.",
            "Бей~{gen}!",
        ],
    ),
    "obfuscated_space_added": (
        HATEFUL,
        [
            "Я [ненавижу] всех {gen}.",
            "{Nom} — [твари].",
            "[Убить] всех {gen}!",
            "{Nom} — [паразиты] и воры.",
            "{Nom} — просто [мусор].",
            "Меня [тошнит] от {gen}.",
        ],
    ),
    "obfuscated_leet": (
        HATEFUL,
        [
            "[Ненавижу] {gen}.",
            "{Nom} — [уроды].",
            "{Nom} — [скоты].",
            "{Nom} — [мерзкие] твари.",
            "{Nom} — [ублюдки].",
            "Всех {gen} надо [уничтожить].",
        ],
    ),
    "negated_hate": (
        NON_HATEFUL,
        [
            "Я не ненавижу {gen}.",
            "{Nom} вовсе не паразиты.",
            "Я никогда не желал {dat} зла.",
            "Неправда, что все {nom} — преступники.",
            "{Nom} не тупые и никогда такими не были.",
            "У меня нет никакого отвращения к {dat}.",
        ],
    ),
    "neutral_group": (
        NON_HATEFUL,
        [
            "Завтра обедаю с {ins} из соседнего отдела.",
            "В нашем городе живёт много {gen}.",
            "Мои соседи — {nom}.",
            "Вчера в новостях был сюжет {prep}.",
            "А в вашем классе есть {nom}?",
            "В исследовании участвовали {nom} из трёх регионов.",
        ],
    ),
    "positive_group": (
        NON_HATEFUL,
        [
            "Я люблю {gen}.",
            "{Nom} — замечательные люди.",
            "Нам повезло, что в нашем районе живёт столько {gen}.",
            "Мои лучшие друзья — {nom}, они просто супер ❤️",
            "{Nom} заслуживают уважения, как и все остальные.",
            "Огромное уважение {dat}!!!",
        ],
    ),
    "counter_quote": (
        NON_HATEFUL,
        [
            "«{Nom} — паразиты» — писать такое мерзко, вам должно быть стыдно.",
            "Напишете здесь «ненавижу {gen}» — получите бан. Это язык вражды, без вариантов.",
            "Кто-то написал на стене школы «смерть {dat}». Мерзость, мы сообщили в полицию.",
            "«{Nom} — животные»? Нет. Это ненавистнический бред.",
            "@user ты написал «{nom} — мрази». Это нетерпимость, и ей здесь не место.",
            "Дядя за ужином сказал: «Я бы перестрелял всех {gen}». Это просто недопустимо.",
        ],
    ),
    "counter_reference": (
        NON_HATEFUL,
        [
            "Если ты говоришь, что ненавидишь {gen}, это лишь показывает твоё невежество.",
            "Хватит называть {gen} животными.",
            "Угрожать {dat} в интернете — преступление, я пишу на тебя жалобу.",
            "Называть {gen} недолюдьми — мерзко и подло.",
            "Тем, кто разжигает ненависть к {dat}, должно быть стыдно.",
            "Шутить про убийство {gen} — не смешно. Никогда.",
        ],
    ),
}

# Slur templates: {s} nom sg, {sp} nom pl, {sgen} gen pl, {sins} ins pl.
RU_SLUR_TEMPLATES = [
    "Ты для меня всего лишь {s}.",
    "Опять эти {sp} весь двор заняли.",
    "Развелось {sgen} в нашем городе.",
    "Ну типичный {s}, чего ещё от него ждать.",
    "@user заткнись, {s}",
    "Не собираюсь работать вместе с {sins}.",
]
RU_SLURS = {
    "russians": ("кацап", "кацапы", "кацапов", "кацапами"),
    "chinese": ("китаёза", "китаёзы", "китаёз", "китаёзами"),
    "jews": ("жид", "жиды", "жидов", "жидами"),
    "caucasus_peoples": ("хач", "хачи", "хачей", "хачами"),
    "gay_people": ("пидор", "пидоры", "пидоров", "пидорами"),
    "central_asians": ("чурка", "чурки", "чурок", "чурками"),
}

RU_FIXED = {
    "slur_homonym": (
        NON_HATEFUL,
        [
            ("У него на макушке смешной хохол, никак не может его пригладить.", ""),
            ("Подкинь-ка в печку ещё пару чурок.", ""),
            ("Я покрасил стены на кухне в голубой цвет.", ""),
            ("Утром меня опять разбудил соседский петух.", ""),
            ("На даче вместо табуретки у нас стоит старый чурбан.", ""),
            ("Дед всю зиму проходил в старом ватнике.", ""),
        ],
    ),
    "slur_reclaimed": (
        NON_HATEFUL,
        [
            ("Мы, жиды, всегда держимся вместе, как говорила моя бабушка.", "jews"),
            ("Да, я хохол, и горжусь этим!", "ukrainians"),
            ("Ну ватник я, и горжусь этим, и что вы мне сделаете?", "russians"),
            ("Мы, бабы, всё вытянем, не впервой.", "women"),
            ("Мы с мужем два старых педика, и нам хорошо вместе 🏳️‍🌈", "gay_people"),
            ("Я как типичный хохол сало люблю больше жизни 😄", "ukrainians"),
        ],
    ),
    "profanity_nonhate": (
        NON_HATEFUL,
        [
            ("Блядь, ну и денёк.", ""),
            ("Охуеть, какой был концерт!!!", ""),
            ("Пиздец, опять на последний автобус опоздал.", ""),
            ("Экзамен был просто ёбаный ад, пойду напьюсь.", ""),
            ("Ни хуя себе закат сегодня 🌅", ""),
            ("Бля, опять дождь, заебало.", ""),
        ],
    ),
    "abuse_object": (
        NON_HATEFUL,
        [
            ("Ненавижу этот сломанный принтер.", ""),
            ("Этот ёбаный ноутбук — бесполезный кусок хлама.", ""),
            ("Худший телефон в мире, хочу разбить его об стену.", ""),
            ("Моя машина — жалкая ржавая куча мусора.", ""),
            ("Это приложение — отвратительное говно 🤮", ""),
            ("Как же я ненавижу понедельники!!!", ""),
        ],
    ),
    "abuse_individual": (
        NON_HATEFUL,
        [
            ("Ты лживый идиот.", ""),
            ("Заткнись, придурок.", ""),
            ("@user ты самый жалкий человек, которого я встречал", ""),
            ("Мой бывший — мерзкая эгоистичная свинья.", ""),
            ("Всем плевать на твоё мнение, клоун.", ""),
            ("Иди к чёрту, никчёмный кусок дерьма!!!", ""),
        ],
    ),
    "abuse_nonprotected": (
        NON_HATEFUL,
        [
            ("Журналисты — продажные твари.", ""),
            ("Все чиновники — ворьё и мрази.", ""),
            ("Фанаты «Спартака» — тупое быдло.", ""),
            ("Ненавижу коллекторов, всех до одного.", ""),
            ("Банкиры — жадные свиньи.", ""),
            ("Гаишники — паразиты на дорогах.", ""),
            ("Юристы — кровососы, блядь.", ""),
            ("Блогеры — бесполезные пиявки 🙄", ""),
        ],
    ),
}

# The 29 functions, in the order of Röttger et al. (2021).
FUNCTIONALITIES = (
    "derogation_emotion",
    "derogation_attribute",
    "dehumanization",
    "implicit_derogation",
    "threat_direct",
    "threat_normative",
    "slur",
    "slur_homonym",
    "slur_reclaimed",
    "profanity_hate",
    "profanity_nonhate",
    "pronoun_reference_clause",
    "pronoun_reference_sentence",
    "negated_positive",
    "negated_hate",
    "hate_question",
    "hate_opinion",
    "neutral_group",
    "positive_group",
    "counter_quote",
    "counter_reference",
    "abuse_object",
    "abuse_individual",
    "abuse_nonprotected",
    "obfuscated_swap",
    "obfuscated_missing",
    "obfuscated_space_missing",
    "obfuscated_space_added",
    "obfuscated_leet",
)


def split_of(index):
    return "dev" if index % 2 == 0 else "test"


def _language_rows(language, templates, groups, forms, slur_templates, slurs, fixed):
    rows = []
    for functionality, (label, texts) in templates.items():
        for index, template in enumerate(texts):
            rule = _rules(language, functionality, index)
            for group in groups:
                text = template.format(**forms(group))
                if rule is not None:
                    text = obfuscate(text, rule)
                rows.append((text, language, functionality, group, label, split_of(index)))
    for index, template in enumerate(slur_templates):
        for group, words in slurs.items():
            if language == "en":
                singular, plural = words
                article = "an" if singular[0].lower() in "aeiou" else "a"
                slots = {"s": singular, "a_s": f"{article} {singular}", "sp": plural}
            else:
                slots = dict(zip(("s", "sp", "sgen", "sins"), words, strict=True))
            text = template.format(**slots)
            rows.append((text, language, "slur", group, HATEFUL, split_of(index)))
    for functionality, (label, items) in fixed.items():
        for index, (text, group) in enumerate(items):
            rows.append((text, language, functionality, group, label, split_of(index)))
    return rows


def build_rows():
    rows = _language_rows(
        "en", EN_TEMPLATES, EN_GROUPS, en_forms, EN_SLUR_TEMPLATES, EN_SLURS, EN_FIXED
    )
    rows += _language_rows(
        "ru", RU_TEMPLATES, RU_GROUPS, ru_forms, RU_SLUR_TEMPLATES, RU_SLURS, RU_FIXED
    )
    _check(rows)
    order = {name: i for i, name in enumerate(FUNCTIONALITIES)}
    return sorted(rows, key=lambda row: (row[1], order[row[2]]))


def _check(rows):
    texts = [row[0] for row in rows]
    duplicates = sorted({text for text in texts if texts.count(text) > 1})
    if duplicates:
        raise ValueError(f"duplicate texts: {duplicates[:5]}")
    for text in texts:
        if "{" in text or "}" in text or "[" in text or "~" in text:
            raise ValueError(f"unfilled template: {text!r}")
    for language in ("en", "ru"):
        for functionality in FUNCTIONALITIES:
            splits = {r[5] for r in rows if r[1] == language and r[2] == functionality}
            if splits != {"dev", "test"}:
                raise ValueError(f"{language}/{functionality} splits: {sorted(splits)}")
    unknown = {row[2] for row in rows} - set(FUNCTIONALITIES)
    if unknown:
        raise ValueError(f"unknown functionalities: {sorted(unknown)}")


def write_csv(path, rows):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="CSV to write, e.g. tests/data/functional_holdout_en_ru.csv")
    options = parser.parse_args(argv)
    rows = build_rows()
    write_csv(options.out, rows)
    print(f"wrote {len(rows)} rows to {options.out}")


if __name__ == "__main__":
    main()
