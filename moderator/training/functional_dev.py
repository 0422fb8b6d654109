"""A second, independently authored HateCheck-style functional test set (English and Russian).
It is the development set for the detector's rules; training never reads it.
Build it with:
`python -m moderator.training.functional_dev tests/data/functional_dev_en_ru.csv`
"""

import collections
import csv
import random
import re
import sys
from pathlib import Path

DEFAULT_OUT = "tests/data/functional_dev_en_ru.csv"
COLUMNS = ("text", "language", "functionality", "group", "label")
NO_GROUP = "none"

HATEFUL = (
    "derogation_emotion",
    "derogation_attribute",
    "dehumanization",
    "implicit_derogation",
    "threat_direct",
    "threat_normative",
    "slur",
    "profanity_hate",
    "pronoun_reference_clause",
    "pronoun_reference_sentence",
    "negated_positive",
    "hate_question",
    "hate_opinion",
    "obfuscated_swap",
    "obfuscated_missing",
    "obfuscated_space_missing",
    "obfuscated_space_added",
    "obfuscated_leet",
)
NON_HATEFUL = (
    "slur_homonym",
    "slur_reclaimed",
    "profanity_nonhate",
    "negated_hate",
    "neutral_group",
    "positive_group",
    "counter_quote",
    "counter_reference",
    "abuse_object",
    "abuse_individual",
    "abuse_nonprotected",
)
OBFUSCATIONS = (
    "obfuscated_swap",
    "obfuscated_missing",
    "obfuscated_space_missing",
    "obfuscated_space_added",
    "obfuscated_leet",
)

# ---------------------------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------------------------


def en_group(plurals, the, article, singular):
    """plurals: bare plural forms; the: a form with the article (or None); a/an + singular."""
    return {"pl": plurals, "the": the, "art": article, "sg0": singular}


EN_GROUPS = {
    "russians": en_group(["Russians", "Russian people"], "the Russians", "a", "Russian"),
    "kazakhs": en_group(["Kazakhs", "Kazakh people"], "the Kazakhs", "a", "Kazakh"),
    "uzbeks": en_group(["Uzbeks", "Uzbek people"], "the Uzbeks", "an", "Uzbek"),
    "tajiks": en_group(["Tajiks", "Tajik people"], "the Tajiks", "a", "Tajik"),
    "chinese": en_group(["Chinese people", "Chinese folks"], "the Chinese", "a", "Chinese person"),
    "uyghurs": en_group(["Uyghurs", "Uyghur people"], "the Uyghurs", "a", "Uyghur"),
    "jews": en_group(["Jews", "Jewish people"], "the Jews", "a", "Jew"),
    "muslims": en_group(["Muslims", "Muslim people"], "the Muslims", "a", "Muslim"),
    "black_people": en_group(["Black people", "Black folks"], None, "a", "Black person"),
    "gay_people": en_group(["gay people", "gay men", "gays"], None, "a", "gay man"),
    "women": en_group(["women"], None, "a", "woman"),
    "migrants": en_group(["immigrants", "migrants"], "the immigrants", "an", "immigrant"),
    "disabled_people": en_group(
        ["disabled people", "people with disabilities"], "the disabled", "a", "disabled person"
    ),
}
EN_ALL = tuple(EN_GROUPS)
EN_NONSEX = tuple(g for g in EN_ALL if g not in {"women", "gay_people", "disabled_people"})


def ru_group(nom, gen, dat, ins, prep, sg, sg_gen, sg_dat, sg_acc, sg_ins, sg_prep, gender="m"):
    """Plural and singular case forms; the accusative plural of these animate nouns is the
    genitive. `o_prep` is the preposition о/об with the prepositional plural."""
    o = "об" if nom[0] in "аоиэуы" else "о"
    return {
        "nom": nom,
        "gen": gen,
        "dat": dat,
        "acc": gen,
        "ins": ins,
        "prep": prep,
        "o_prep": f"{o} {prep}",
        "sg": sg,
        "sg_gen": sg_gen,
        "sg_dat": sg_dat,
        "sg_acc": sg_acc,
        "sg_ins": sg_ins,
        "sg_prep": sg_prep,
        "gender": gender,
    }


RU_GROUPS = {
    "russians": ru_group(
        "русские", "русских", "русским", "русскими", "русских",
        "русский", "русского", "русскому", "русского", "русским", "русском",
    ),
    "kazakhs": ru_group(
        "казахи", "казахов", "казахам", "казахами", "казахах",
        "казах", "казаха", "казаху", "казаха", "казахом", "казахе",
    ),
    "uzbeks": ru_group(
        "узбеки", "узбеков", "узбекам", "узбеками", "узбеках",
        "узбек", "узбека", "узбеку", "узбека", "узбеком", "узбеке",
    ),
    "kyrgyz": ru_group(
        "киргизы", "киргизов", "киргизам", "киргизами", "киргизах",
        "киргиз", "киргиза", "киргизу", "киргиза", "киргизом", "киргизе",
    ),
    "tajiks": ru_group(
        "таджики", "таджиков", "таджикам", "таджиками", "таджиках",
        "таджик", "таджика", "таджику", "таджика", "таджиком", "таджике",
    ),
    "chinese": ru_group(
        "китайцы", "китайцев", "китайцам", "китайцами", "китайцах",
        "китаец", "китайца", "китайцу", "китайца", "китайцем", "китайце",
    ),
    "jews": ru_group(
        "евреи", "евреев", "евреям", "евреями", "евреях",
        "еврей", "еврея", "еврею", "еврея", "евреем", "еврее",
    ),
    "muslims": ru_group(
        "мусульмане", "мусульман", "мусульманам", "мусульманами", "мусульманах",
        "мусульманин", "мусульманина", "мусульманину", "мусульманина", "мусульманином",
        "мусульманине",
    ),
    "migrants": ru_group(
        "мигранты", "мигрантов", "мигрантам", "мигрантами", "мигрантах",
        "мигрант", "мигранта", "мигранту", "мигранта", "мигрантом", "мигранте",
    ),
    "caucasus_peoples": ru_group(
        "кавказцы", "кавказцев", "кавказцам", "кавказцами", "кавказцах",
        "кавказец", "кавказца", "кавказцу", "кавказца", "кавказцем", "кавказце",
    ),
    "armenians": ru_group(
        "армяне", "армян", "армянам", "армянами", "армянах",
        "армянин", "армянина", "армянину", "армянина", "армянином", "армянине",
    ),
    "gay_people": ru_group(
        "геи", "геев", "геям", "геями", "геях",
        "гей", "гея", "гею", "гея", "геем", "гее",
    ),
    "women": ru_group(
        "женщины", "женщин", "женщинам", "женщинами", "женщинах",
        "женщина", "женщины", "женщине", "женщину", "женщиной", "женщине", gender="f",
    ),
}  # fmt: skip
RU_ALL = tuple(RU_GROUPS)
RU_NONSEX = tuple(g for g in RU_ALL if g not in {"women", "gay_people"})
RU_NOWOMEN = tuple(g for g in RU_ALL if g != "women")
RU_FOREIGN = (
    "kazakhs", "uzbeks", "kyrgyz", "tajiks", "chinese", "migrants", "caucasus_peoples", "armenians",
)  # fmt: skip
RU_CENTRAL = ("kazakhs", "uzbeks", "kyrgyz", "tajiks", "caucasus_peoples")

# Slurs: (singular, plural, group) in English; (nom pl, gen/acc pl, dat pl, ins pl, singular,
# gender of agreement, group) in Russian.
EN_SLURS = (
    ("nigger", "niggers", "black_people"),
    ("kike", "kikes", "jews"),
    ("raghead", "ragheads", "muslims"),
    ("chink", "chinks", "chinese"),
    ("faggot", "faggots", "gay_people"),
    ("retard", "retards", "disabled_people"),
    ("coon", "coons", "black_people"),
    ("towelhead", "towelheads", "muslims"),
    ("dyke", "dykes", "gay_people"),
    ("Russki", "Russkies", "russians"),
    ("wetback", "wetbacks", "migrants"),
    ("femoid", "femoids", "women"),
    ("fag", "fags", "gay_people"),
)
RU_SLURS = (
    ("жиды", "жидов", "жидам", "жидами", "жид", "m", "jews"),
    ("хачи", "хачей", "хачам", "хачами", "хач", "m", "caucasus_peoples"),
    ("чурки", "чурок", "чуркам", "чурками", "чурка", "m", "central_asians"),
    ("пидоры", "пидоров", "пидорам", "пидорами", "пидор", "m", "gay_people"),
    ("китаёзы", "китаёз", "китаёзам", "китаёзами", "китаёза", "m", "chinese"),
    ("кацапы", "кацапов", "кацапам", "кацапами", "кацап", "m", "russians"),
    ("чучмеки", "чучмеков", "чучмекам", "чучмеками", "чучмек", "m", "central_asians"),
    ("узкоглазые", "узкоглазых", "узкоглазым", "узкоглазыми", "узкоглазый", "m", "chinese"),
    ("шкуры", "шкур", "шкурам", "шкурами", "шкура", "f", "women"),
    ("педики", "педиков", "педикам", "педиками", "педик", "m", "gay_people"),
    ("москали", "москалей", "москалям", "москалями", "москаль", "m", "russians"),
    (
        "черножопые",
        "черножопых",
        "черножопым",
        "черножопыми",
        "черножопый",
        "m",
        "caucasus_peoples",
    ),
)

# ---------------------------------------------------------------------------------------------
# English templates. {P}: bare plural, {TP}: plural with "the" where the group has one,
# {S}: a/an + singular, {S0}: bare singular. A (text, groups) pair restricts the groups.
# ---------------------------------------------------------------------------------------------

EN = {
    "derogation_emotion": [
        "I hate {P}.",
        "{P} disgust me.",
        "I can't stand {P}, never could.",
        "Honestly, I'm so sick of {P}.",
        "Nothing on this earth makes me angrier than {P}.",
        "I despise {P} with every fibre of my being.",
        "{P} make me want to throw up.",
        "I have nothing but contempt for {P}.",
        "Just being in the same room as {S} makes my skin crawl.",
        "I loathe {P} and I'm done pretending otherwise.",
        "Every time I see {P} on the news my blood boils.",
        "God, I hate {TP} so much it hurts.",
        "{P} fill me with pure disgust.",
        "Sorry not sorry, I find {P} repulsive.",
        "My hatred for {P} grows every single day.",
        "I am utterly fed up with {P} and I don't care who knows it.",
        "The very thought of {P} makes me sick to my stomach.",
        "Ugh, {P}. Revolting, every last one of them.",
    ],
    "derogation_attribute": [
        "{P} are so stupid.",
        "{P} are dirty, lazy and dishonest.",
        "{P} are completely worthless.",
        "All {P} are liars and thieves.",
        "{P} are the most ignorant people on the planet.",
        "You'll never meet {S} who isn't a crook.",
        "{P} are pathetic, plain and simple.",
        "Face it, {P} are born stupid.",
        "{P} are nothing but useless freeloaders.",
        "{P} are violent by nature, always have been.",
        "There is no group more dishonest than {P}.",
        "{P} are ugly, loud and rude, every single one.",
        "{TP} are a bunch of brainless idiots.",
        "{P} are inherently inferior to everyone else.",
        "{P} are morally bankrupt and always will be.",
        "What a spineless, greedy lot {P} are.",
        "Scratch {S} and you'll find a thief.",
        "{P} are hopelessly backward and proud of it.",
    ],
    "dehumanization": [
        "{P} are vermin.",
        "{P} are nothing but animals.",
        "{P} are a cancer on this country.",
        "{P} are filth, pure and simple.",
        "{P} are subhuman creatures.",
        "{P} breed like rats.",
        "{P} are parasites feeding off the rest of us.",
        "{P} are cockroaches, they get in everywhere.",
        "I don't see {P} as people, just garbage.",
        "{TP} are a disease, and this society is infected.",
        "{P} are savages who belong in a zoo.",
        "{P} are a plague on every town they touch.",
        "Treat {P} like the cattle they are.",
        "{S} is less than human.",
        "{P} are a swarm of locusts, not neighbours.",
        "{P} are dirt under my shoes.",
        "{P} are walking trash.",
        "To me {P} are just pests that need controlling.",
    ],
    "implicit_derogation": [
        "Of course it was {P} again. Who else would it be?",
        ("Hide your wallets, {P} just moved in next door.", EN_NONSEX),
        "Another stabbing downtown. Let me guess: {P}.",
        ("Funny how the crime rate went up right after {P} arrived.", EN_NONSEX),
        "I'd count my change twice if {S} served me.",
        ("Once {P} move into a neighbourhood, property prices only go one way.", EN_NONSEX),
        "{P} aren't really the type you'd trust with a job that needs brains.",
        ("Never leave {S} alone with your bike.", EN_NONSEX),
        "Say what you want, but I lock my car whenever I see {P} around.",
        ("We all know what happens to a nice street when {P} show up.", EN_NONSEX),
        "Put {S} in charge and watch everything fall apart.",
        "Interesting how {P} always seem to end up on benefits.",
        "You can take {S} out of the village, but not the village out of {S}.",
        "If {P} run the company, expect the money to vanish.",
        "My grandmother warned me about {P}, and she was right about everything.",
        ("{P} are great at exactly one thing: taking what isn't theirs.", EN_NONSEX),
        ("Keep {P} away from children, if you know what I mean.", ("gay_people",)),
        ("{S} behind the wheel? I'm taking the bus.", ("women",)),
        "Promote {P} to management and kiss your profits goodbye.",
        ("{P} should stick to the kitchen, that's where they shine.", ("women",)),
        "Sure, {P} are equal. Equally good at living off other people's taxes.",
    ],
    "threat_direct": [
        "I'm going to kill every {S0} I see.",
        "I will make {P} suffer.",
        "The next {S0} who walks past my house gets a bullet.",
        "I swear I'll burn down every house {P} live in.",
        "Give me a gun and I'll deal with {P} myself.",
        "I'm going to hurt {S} tonight, just watch.",
        "Me and the boys are going to beat up any {S0} we catch alone.",
        "I will personally hunt {P} down one by one.",
        "If {S} ever comes near my family, I'll slit their throat.",
        "I'm ready to wipe out {P} with my own hands.",
        "Tomorrow I'm bringing a knife for {TP} on my street.",
        "I want to strangle every {S0} in this city and I will.",
        "One day I'll put {P} in the ground, mark my words.",
        "I'm going to run over the first {S0} I see crossing the road.",
        "Wait till I find {P} in my neighbourhood, I'll break their legs.",
        "I'll make sure no {S0} in this town ever sleeps safely again.",
    ],
    "threat_normative": [
        "{P} should be shot.",
        "All {P} deserve to die.",
        "It's time to get rid of {P} for good.",
        "Somebody needs to teach {P} a lesson they won't forget.",
        "{P} should be rounded up and put in camps.",
        "Someone should torch the places where {P} gather.",
        "The world would be better if {P} were wiped out.",
        "{P} deserve a good beating, every last one.",
        "We need to drive {P} out of this city by force.",
        "Hang them all, {P} have it coming.",
        "I hope {P} all die in a fire.",
        "Honestly, {P} should be sterilised so they stop breeding.",
        "Let's go and smash some {P} tonight, who's in?",
        "No mercy for {P}. Line them up against the wall.",
        "The government should just lock up every {S0} and throw away the key.",
        "{P} need to be exterminated before it's too late.",
        "May every {S0} rot in hell, and suffer on the way there.",
    ],
    "profanity_hate": [
        "Fuck all {P}.",
        "{P} are fucking useless.",
        "Fuck {TP} and everyone who defends them.",
        "{P} can go fuck themselves.",
        "I don't give a shit about {P}, they're all fucking scum.",
        "Screw {P}, seriously, screw every last one of them.",
        "{P} are a bunch of shitheads.",
        "Damn {P} to hell.",
        "{P} are such fucking pieces of shit.",
        ("Piss off back where you came from, {P}.", EN_NONSEX),
        "Bloody {P}, ruining everything as usual.",
        "What a shitty bunch {P} are.",
        "Fucking {P}, always whining about something.",
        "{P}? Bunch of arseholes, the lot of them.",
    ],
    "pronoun_reference_clause": [
        "I have met a lot of {P} and I hate every single one of them.",
        "{P} think they are special, but they are just filth.",
        "You can invite {P} if you want, but I find them disgusting.",
        "Whenever I see {P}, I remember how much I despise them.",
        ("{P} keep moving here even though everyone knows they are parasites.", EN_NONSEX),
        "My cousin works with {P}, and he says they are all lazy crooks.",
        "The people next door are {P}, which is why I can't stand them.",
        "{P} can smile all they want, they will always be vermin to me.",
        "I used to tolerate {P} until I realised they are a disease.",
        "People keep defending {P} as if they weren't worthless.",
        "A new centre for {P} opened downtown, and I hope every one of them burns in it.",
        "Don't bother talking to {P} because they are too stupid to understand.",
        "If you ever meet {P}, remember that they are born liars.",
        "{P} are everywhere now, and frankly they make me sick.",
    ],
    "pronoun_reference_sentence": [
        "{P} moved into my street. They are vermin.",
        "Have you met {P}? They are disgusting.",
        "I saw a documentary about {P} yesterday. I hate them even more now.",
        "There were {P} at the party. Honestly, they all deserve a beating.",
        "My boss hired two more {P}. Lazy, useless people, all of them.",
        "We get a lot of {P} in this area. They are ruining everything with their filth.",
        "Don't talk to me about {P}. They are a plague.",
        "{P} want more rights. They deserve none.",
        "The article was about {P}. What a waste of ink, they're all worthless.",
        "My sister is friends with some {P}. I can't stand them.",
        "You mentioned {P} earlier. They are the scum of the earth.",
        "I read the comments about {P}. They are exactly as stupid as everyone says.",
        "So many {P} at the station today. I wish they would all disappear for good.",
        "Let's be honest about {P}. Their kind is a stain on society.",
    ],
    "negated_positive": [
        "I don't respect {P}.",
        "{P} are not welcome here.",
        "{P} can never be trusted.",
        "There is nothing good about {P}.",
        "I will never consider {P} my equals.",
        "{P} don't deserve any kindness.",
        "No {S0} has ever been worth anything.",
        "I have never once met {S} who was honest.",
        "{P} are not capable of anything useful.",
        "I refuse to treat {P} as human beings.",
        "{P} will never be part of our society, not really.",
        "I wouldn't trust {S} with a single penny.",
        "Not one {S0} deserves a seat at our table.",
        "{P} have never contributed anything to this world.",
        "I don't think {P} are fit to raise children.",
        "Nobody in their right mind would ever hire {S}.",
    ],
    "hate_question": [
        "Why are {P} so disgusting?",
        "Is there anything more worthless than {S}?",
        "Wouldn't the world be better off without {P}?",
        "Why do {P} always have to be so stupid?",
        "What is it about {P} that makes them such parasites?",
        "How can anyone stand being around {P}?",
        "Am I the only one who thinks {P} are vermin?",
        "Can someone explain why we still tolerate {P}?",
        "Why can't {P} just crawl back under their rocks?",
        "Is it just me or are {P} getting more useless every year?",
        "Who actually wants {P} living next to them?",
        "Why should we let {P} breathe the same air as us?",
        "When will {P} finally get what they deserve?",
        "Are {P} even capable of human thought?",
        "How much longer do we have to put up with these {P}?",
        "Why are {TP} always such liars?",
    ],
    "hate_opinion": [
        "I think {P} are disgusting.",
        "In my opinion, {P} are parasites.",
        "Honestly, I believe {P} are inferior to the rest of us.",
        "If you ask me, {P} are the worst thing that ever happened to this country.",
        "Personally, I find {P} to be subhuman.",
        "I'm convinced that {P} are born criminals.",
        "I feel like {P} are a plague on society.",
        "My view is simple: {P} are trash.",
        "I reckon {P} are too stupid to vote.",
        "It seems to me that {P} are utterly worthless.",
        "I'd say {S} is about as useful as a rock.",
        "Call me whatever you like, but I think {P} are vile.",
        "I genuinely believe {P} should not exist.",
        "As far as I'm concerned, {P} are scum.",
        "I've always thought {P} were a bunch of lying rats.",
        "Unpopular opinion: {P} are a burden on everyone.",
    ],
    "negated_hate": [
        "I don't hate {P}.",
        "{P} are not animals.",
        "It's not true that {P} are lazy.",
        "No one should ever hurt {P}.",
        "I have never found {P} disgusting, not once.",
        "{P} are not a disease, they are people.",
        "I would never wish harm on {P}.",
        "{P} aren't criminals, no matter what the tabloids say.",
        "There's nothing wrong with {P}.",
        "Nobody here thinks {P} are worthless.",
        "{P} don't deserve any of the hate they get.",
        "I'm not afraid of {P} and I never have been.",
        "{P} are not stupid; that stereotype is nonsense.",
        "We should never treat {P} like vermin.",
        "It is simply false that {P} can't be trusted.",
        "I have no problem whatsoever with {P}.",
    ],
    "neutral_group": [
        "I have two {P} on my team at work.",
        "Many {P} live in this part of town.",
        "The article interviewed several {P} about rising rents.",
        "My neighbour is {S}.",
        "{P} make up a sizeable share of the local workforce.",
        "There's a new community centre for {P} opening on Main Street.",
        "A group of {P} was waiting at the bus stop.",
        "We asked {P} how they usually spend their weekends.",
        "The survey included {P} from every age group.",
        "{S} moved into the flat downstairs last week.",
        "The festival had a food stall run by {P}.",
        "New statistics on {P} in the labour market were published today.",
        "Our teacher invited {S} to speak to the class.",
        "{P} were among the passengers on the delayed flight.",
    ],
    "positive_group": [
        "I love {P}.",
        "{P} are wonderful people.",
        "Some of my closest friends are {P}, and I adore them.",
        "{P} have made this city a better place.",
        "So much respect for {P}.",
        "{P} are among the kindest people I have ever met.",
        "I'm always happy when {P} move into our neighbourhood.",
        "The world needs more {P}, honestly.",
        "{P} are brilliant, funny and generous.",
        "Every {S0} I know is smart and hard-working.",
        "Proud to stand with {P}, today and every day.",
        "{P} deserve all the good things in life.",
        "Working with {P} has been the highlight of my career.",
        "I admire {P} for their resilience.",
    ],
    "counter_quote": [
        '"{P} are vermin" - how is this comment still up?',
        'Someone wrote "I hate {P}" under the article. Absolutely vile.',
        "'{P} should be shot'? You should be ashamed of yourself.",
        "My uncle said that {P} are parasites, and I told him that's disgusting bigotry.",
        'Saying "{P} are subhuman" is hate speech, full stop.',
        'I just reported a guy who posted "all {P} deserve to die".',
        'When you write "{P} are filth", you only show what kind of person you are.',
        "The politician claimed that {P} are born criminals. Shameful.",
        'Sorry, but "kill all {P}" is not free speech, it is incitement.',
        "Stop sharing posts that say '{P} are worthless'. It is cruel and wrong.",
        "He tweeted that {P} should be wiped out, and somehow he still has a job.",
        "“{P} are a plague” is not an opinion, it is hatred.",
        'If your argument is "{P} are disgusting", you don\'t have an argument.',
        "People who say {P} are cockroaches need to take a long look in the mirror.",
        'A commenter here called {P} "subhuman trash". That is unacceptable.',
        "«{P} are animals»? Report this account, please.",
    ],
    "counter_reference": [
        "Calling {P} vermin is disgusting, and you should be ashamed.",
        "Your post about {P} is pure hatred and it has been reported.",
        "Comments like yours are exactly why {P} feel unsafe in this country.",
        "Threatening {P} is not patriotism, it is a crime.",
        "Spreading lies about {P} does not make you brave.",
        "This thread is full of hate against {P}. Moderators, please step in.",
        "I am sick of seeing people dehumanise {P} on this site.",
        "Whoever wrote that comment about {P} should get banned.",
        "Blaming {P} for everything is lazy and cruel.",
        "It's shameful how people here talk about {P}.",
        "Hating {P} says more about you than about them.",
        "Every time someone insults {P} here, I'll be reporting it.",
        "Jokes about killing {P} are not funny. Grow up.",
        "Don't use {P} as a scapegoat for your own failures.",
        "The abuse {P} get in these comments is appalling.",
        "You can criticise policies without insulting {P}.",
    ],
}

EN_SLUR_TEMPLATES = [
    "{SL} everywhere, this city is finished.",
    "Get these {SL} out of my sight.",
    "Some {SLs} tried to sit next to me on the bus.",
    "Typical {SLs} behaviour, what did you expect.",
    "I'm not hiring a {SLs}, end of story.",
    "My new neighbour is a {SLs} and it shows.",
    "The {SL} are taking over the whole district.",
    "You're just a {SLs} to me, nothing more.",
    "Listen here, {SLs}, nobody wants you around.",
    "Why is this place full of {SL} all of a sudden?",
    "Don't bring your {SLs} friend to my party.",
    "Look at this {SLs} thinking they belong here.",
    "A bunch of {SL} showed up at the game last night.",
    "Those {SL} won't be welcome at our club.",
]

# The key hateful word of an obfuscated row is in <angle brackets>.
EN_OBFUSCATION_BASES = [
    "I <hate> {P}.",
    "{P} are <disgusting>.",
    "{P} are <vermin>, plain and simple.",
    "<Kill> all {P}.",
    "{P} are <scum>.",
    "{P} are totally <worthless>.",
    "I <despise> {P} so much.",
    "{P} are such <idiots>.",
    "{P} are <parasites>.",
    "All {P} should be <exterminated>.",
    "{P} are <filthy> animals.",
    "{P} are <pathetic> losers.",
    "I <loathe> {P}.",
    "{P} are <subhuman>.",
    "<Slaughter> every {S0} you see.",
    "{P} are <cockroaches>.",
    "{P} make me <sick>.",
    "{P} are <trash>, every one of them.",
    "{P} are <stupid>.",
    "Those <disgusting> {P} again.",
    "{P} are <rats>.",
    "I <detest> {P} and always will.",
]

EN_PLAIN = {
    "slur_homonym": [
        "I went outside for a quick fag and missed the bus.",
        "Mum made faggots and peas for dinner, proper old-school.",
        "A coon was digging through our bins again last night.",
        "There's a chink in the wall where the cold air comes through.",
        "He finally found the chink in his opponent's armour.",
        "The old dyke along the river needs repairs before winter.",
        "Our dog just had puppies; she's the sweetest bitch we've ever owned.",
        "Homo sapiens is the only surviving species of its genus.",
        "This coating is meant to retard the spread of fire.",
        "Locals swear there's a spook living in the lighthouse.",
        "We bought a bag of redskin potatoes for the roast.",
        "Grandpa still wears his old vatnik when he goes ice fishing.",
        "The orcs in the final battle scene looked incredible.",
        "Gypsy moth caterpillars stripped every oak in the park.",
        "We spent three days on a boat on the Rio Negro.",
        "Can I bum a fag off you? I left mine at home.",
        "A bundle of faggots was stacked by the fireplace for the winter.",
        "Scientists found a new Homo species in a cave in the Philippines.",
    ],
    "profanity_nonhate": [
        "Fuck, I missed the last train again.",
        "That concert was fucking amazing.",
        "Holy shit, did you see that goal?",
        "My laptop died in the middle of the exam, what the hell.",
        "Damn, this soup is good.",
        "I stubbed my toe on the bed, fuck that hurt.",
        "Shit happens, we'll try again tomorrow.",
        "Bloody hell, the queue at the post office is enormous.",
        "This is the best fucking pizza in town, no contest.",
        "Oh crap, I forgot my keys at home.",
        "Well, fuck me, they actually fixed the road.",
        "Who the fuck leaves a shopping trolley in the middle of the road?",
        "I'm so fucking proud of my little sister today.",
        "Piss, it's raining again and I left the washing out.",
        "No shit, Sherlock, the prices went up again.",
        "That was a bitch of a hike, but the view was worth it.",
    ],
    "abuse_object": [
        "This phone is absolute garbage.",
        "I hate this stupid weather.",
        "This printer is a useless piece of junk.",
        "What a disgusting sandwich, I want my money back.",
        "The new update is the worst thing they've ever released.",
        "I despise Mondays with all my heart.",
        "This film was an insult to my intelligence.",
        "Burn this godawful sofa, I never want to see it again.",
        "The bus timetable is a pathetic joke.",
        "This app is trash, uninstall it immediately.",
        "I loathe the smell of that cheap perfume.",
        "That building is an eyesore and should be demolished.",
        "What a filthy, rotten excuse for a hotel room.",
        "Our office coffee machine is a worthless heap of scrap.",
        "This book is mind-numbingly stupid.",
        "I'd happily smash this alarm clock with a hammer.",
    ],
    "abuse_individual": [
        "You are a worthless idiot.",
        "My ex is a lying, cheating snake.",
        "Shut up, you pathetic loser.",
        "Whoever parked here is a complete moron.",
        "You disgust me, honestly.",
        "The guy who wrote this article is a clown.",
        "My landlord is the greediest, most spineless man alive.",
        "You're a brainless troll, go away.",
        "I can't stand my coworker, he's a total creep.",
        "That referee is blind and useless.",
        "You're a waste of oxygen, mate.",
        "Nobody likes you, you arrogant prick.",
        "My neighbour is a nosy, miserable busybody.",
        "The OP is clearly a liar and a fraud.",
        "What an ignorant fool you are.",
        "He's a spineless coward and everyone knows it.",
    ],
    "abuse_nonprotected": [
        "Politicians are all lying scum.",
        "I hate lawyers, every one of them.",
        "Bankers are greedy parasites.",
        "Journalists are nothing but vultures.",
        "Estate agents are the lowest form of life.",
        "Chelsea fans are brainless thugs.",
        "Traffic wardens are petty little tyrants.",
        "Landlords are leeches, every last one.",
        "Tax inspectors disgust me.",
        "Influencers are the most useless people on earth.",
        "I can't stand vegans who lecture everyone.",
        "Cyclists who run red lights are idiots.",
        "Telemarketers are vermin.",
        "Corporate CEOs are soulless crooks.",
        "Online trolls are pathetic cowards.",
        "Referees in this league are a bunch of clowns.",
    ],
}

EN_RECLAIMED = [
    ("We're here, we're queer, get used to it!", "gay_people"),
    ("Proud to be a dyke and I'm not going anywhere.", "gay_people"),
    ("Going to the Dyke March this weekend with my girlfriend.", "gay_people"),
    ("Me and my niggas out here celebrating graduation.", "black_people"),
    ("That's my nigga right there, known him since kindergarten.", "black_people"),
    ("As a queer man, I love seeing this much support.", "gay_people"),
    ("Us crips know how to throw a party, accessible venue and all.", "disabled_people"),
    ("Crip time is real, stop scheduling meetings at 8am.", "disabled_people"),
    ("Hey fellow queers, who's coming to the picnic on Saturday?", "gay_people"),
    ("Being a big old fag has never stopped me from doing anything.", "gay_people"),
    ("My nigga just got engaged, so happy for him.", "black_people"),
    ("Queer joy is resistance, and we've got plenty of it.", "gay_people"),
    ("I'm a loud, happy dyke and I love my life.", "gay_people"),
    ("We bad bitches are running this office now.", "women"),
    ("Crip pride means never apologising for the wheelchair.", "disabled_people"),
]

# ---------------------------------------------------------------------------------------------
# Russian templates. {nom} {gen} {dat} {acc} {ins} {prep} {o_prep}: plural forms;
# {sg} {sg_gen} {sg_dat} {sg_acc} {sg_ins} {sg_prep}: singular; [[masc|fem]]: agreement.
# ---------------------------------------------------------------------------------------------

RU = {
    "derogation_emotion": [
        "Я ненавижу {acc}.",
        "{nom} вызывают у меня отвращение.",
        "Терпеть не могу {acc} и никогда не мог.",
        "Как же меня достали эти {nom}.",
        "Меня просто тошнит от {gen}.",
        "Я презираю {acc} всей душой.",
        "При виде {gen} у меня всё внутри закипает.",
        "Честно говоря, {nom} мне омерзительны.",
        "Ничего, кроме брезгливости, к {dat} не испытываю.",
        "Больше всего на свете я ненавижу {acc}.",
        "Меня бесят {nom}, и я этого не скрываю.",
        "К {dat} у меня одна только злоба.",
        "Сидеть рядом с {sg_ins} в автобусе противно до дрожи.",
        "Как же я устал от этих {gen}.",
        "Каждый раз, когда вижу {acc} в новостях, меня аж передёргивает.",
        "Смотреть на {acc} противно, аж воротит.",
        "Моя ненависть к {dat} растёт с каждым днём.",
        "От одного упоминания {o_prep} меня трясёт от злости.",
    ],
    "derogation_attribute": [
        "{nom} такие тупые, просто жуть.",
        "{nom} грязные, ленивые и лживые.",
        "{nom} — абсолютно никчёмные люди.",
        "Все {nom} — воры и обманщики.",
        "Глупее {gen} на свете никого нет.",
        "{nom} от природы злобные и агрессивные.",
        "Ни [[одного честного|одной честной]] {sg_gen} я в жизни не встречал.",
        "{nom} — жалкие ничтожества.",
        "Все {nom} — тупое быдло.",
        "{nom} — лентяи и нахлебники, сидят у нас на шее.",
        "{nom} неполноценные, это научный факт.",
        "Какие же {nom} мерзкие и двуличные.",
        "{nom} все как один хамы и невежды.",
        "Среди {gen} нормальных людей не бывает.",
        "{nom} безмозглые и жадные, это всем известно.",
        "{nom} вечно вонючие и неопрятные.",
        "Тупость у {gen} в крови.",
    ],
    "dehumanization": [
        "Все {nom} — паразиты.",
        "{nom} — просто животные.",
        "{nom} — раковая опухоль на теле страны.",
        "{nom} — грязь и мусор.",
        "{nom} — самые настоящие недочеловеки.",
        "{nom} плодятся как крысы.",
        "{nom} — тараканы, лезут из всех щелей.",
        "Я не считаю {acc} людьми, это скот.",
        "{nom} — зараза, которая расползается по стране.",
        "{nom} — дикари, им место в зоопарке.",
        "{nom} — саранча, после них остаётся пустыня.",
        "{nom} — отбросы, а не люди.",
        "{nom} хуже бешеных собак.",
        "Для меня {nom} — обычный мусор под ногами.",
        "{nom} — безмозглое стадо скотов.",
        "{nom} — гниль, которая разъедает всё вокруг.",
        "[[Каждый|Каждая]] {sg} — ходячая плесень.",
        "{nom} — вши на теле общества.",
    ],
    "implicit_derogation": [
        ("Опять что-то украли? Ну понятно, рядом же живут {nom}.", RU_NONSEX),
        ("Держите кошельки покрепче, в соседний дом заехали {nom}.", RU_NONSEX),
        "Очередная поножовщина в центре. Дайте угадаю: опять {nom}.",
        ("Странно, что преступность выросла сразу после того, как приехали {nom}.", RU_FOREIGN),
        "На вашем месте я бы пересчитал сдачу, если на кассе {sg}.",
        ("Как только в районе появляются {nom}, квартиры сразу дешевеют.", RU_NONSEX),
        "{nom} и честная работа — вещи несовместимые.",
        ("Не оставляй велосипед без присмотра, если рядом крутятся {nom}.", RU_NONSEX),
        "Бабушка всегда говорила держаться подальше от {gen}, и была права.",
        "Доверить {dat} что-то серьёзное? Ну-ну, удачи.",
        "Почему-то именно {nom} всегда сидят на пособиях. Совпадение, наверное.",
        ("Все знают, во что превращается двор, когда туда заселяются {nom}.", RU_NONSEX),
        "Хочешь, чтобы деньги пропали, — возьми {sg_acc} в бухгалтеры.",
        ("Можно вывезти {sg_acc} из аула, но аул из {sg_gen} не вывезешь.", RU_CENTRAL),
        ("{nom} умеют только одно: брать чужое.", RU_NONSEX),
        ("{sg} за рулём — жди беды.", ("women",)),
        ("Не подпускайте {acc} к детям, сами понимаете почему.", ("gay_people",)),
        "Назначать {acc} начальниками — всё равно что выбросить деньги на ветер.",
        "Как только в профессию приходят {nom}, уровень сразу падает.",
        ("Место {gen} — на кухне, а не в политике.", ("women",)),
        "Ну конечно, {nom} опять ни при чём. Как всегда.",
    ],
    "threat_direct": [
        "Я убью [[каждого|каждую]] {sg_acc}, [[которого|которую]] увижу.",
        "Я заставлю {acc} страдать, вот увидите.",
        "[[Следующий|Следующая]] {sg}, [[который|которая]] пройдёт мимо моего дома, получит пулю.",
        "Клянусь, я сожгу каждый дом, где живут {nom}.",
        "Дайте мне ружьё, и я сам разберусь с {ins}.",
        "Сегодня вечером я покалечу [[какого-нибудь|какую-нибудь]] {sg_acc}, обещаю.",
        "Мы с пацанами будем бить {acc}, как только поймаем поодиночке.",
        "Я лично выслежу {acc} и перебью по одному.",
        "Если хоть [[один|одна]] {sg} подойдёт к моей семье, я перережу [[ему|ей]] глотку.",
        "Я готов своими руками уничтожить всех {acc}.",
        "Завтра возьму нож и наведаюсь к {dat} в общагу.",
        "Буду душить {acc} везде, где встречу.",
        "Однажды я закопаю всех {acc}, запомните мои слова.",
        "[[Первого|Первую]] же {sg_acc}, [[который|которая]] перейдёт мне дорогу, я собью машиной.",
        "Пусть только {nom} сунутся в наш двор — переломаю им ноги.",
        "Я сделаю так, что ни [[один|одна]] {sg} в этом городе больше не будет спать спокойно.",
    ],
    "threat_normative": [
        "{acc} надо расстреливать.",
        "Все {nom} заслуживают смерти.",
        "Пора раз и навсегда избавиться от {gen}.",
        "Кто-нибудь должен преподать {dat} урок, который они не забудут.",
        "{acc} нужно согнать в лагеря.",
        "Надо сжечь все места, где собираются {nom}.",
        "Мир станет лучше, когда всех {acc} перебьют.",
        "Все {nom} заслуживают, чтобы их избили до полусмерти.",
        "Надо силой вышвырнуть {acc} из города.",
        "Вешать их надо, этих {acc}.",
        "Хоть бы {nom} все сгорели заживо.",
        "{acc} надо стерилизовать, чтобы не размножались.",
        "Пацаны, пошли сегодня вечером бить {acc}, кто с нами?",
        "Никакой пощады {dat}. Всех к стенке.",
        "Всех {acc} надо пересажать, и пусть гниют в тюрьме.",
        "{acc} пора истребить, пока не поздно.",
        "Чтоб [[каждый|каждая]] {sg} [[сдох|сдохла]] в муках.",
    ],
    "profanity_hate": [
        "Да пошли эти {nom} нахуй.",
        "{nom} — ебаные паразиты.",
        "Ебал я этих {acc} вместе с их защитниками.",
        "{nom} — долбоёбы, все до единого.",
        "Сраные {nom}, опять всё испоганили.",
        "Хуй я когда-нибудь буду уважать {acc}.",
        "{nom} — пиздаболы и уроды.",
        "Чёртовы {nom}, ни дня без проблем от них.",
        "Блядь, как же заебали эти {nom}.",
        "{nom} — сборище мудаков.",
        "Да в жопу {acc}, пусть катятся куда подальше.",
        "Нахер {acc}, нахер их всех.",
        ("{nom}, идите на хуй со своими порядками.", RU_NONSEX),
        "Какие же {nom} гниды ебучие.",
        "Задрали уже эти {nom}, мать их за ногу.",
    ],
    "pronoun_reference_clause": [
        "Я знаю многих {acc}, и [[каждого|каждую]] из них ненавижу.",
        "{nom} считают себя особенными, но на деле они просто мразь.",
        "Можешь позвать {acc}, если хочешь, но меня от них тошнит.",
        "Как только вижу {acc}, сразу вспоминаю, насколько я их презираю.",
        ("{nom} всё едут и едут, хотя все знают, что они паразиты.", RU_FOREIGN),
        "Мой брат работает с {ins} и говорит, что они все ленивые жулики.",
        "Соседи у нас — {nom}, поэтому я их на дух не переношу.",
        "{nom} могут улыбаться сколько угодно, для меня они всегда будут скотом.",
        "Я терпел {acc}, пока не понял, что они — настоящая зараза.",
        "Люди защищают {acc}, будто они не пустое место.",
        "Не трать время на {acc}, они слишком тупые, чтобы понять.",
        "Если встретишь {acc}, помни, что они прирождённые лжецы.",
        "{nom} теперь повсюду, и, честно говоря, меня от них воротит.",
        "Про {acc} говорят много хорошего, но я-то знаю, что они грязные свиньи.",
    ],
    "pronoun_reference_sentence": [
        "На нашу улицу переехали {nom}. Они паразиты.",
        "Ты когда-нибудь общался с {ins}? Они омерзительны.",
        "Вчера смотрел передачу про {acc}. Теперь ненавижу их ещё сильнее.",
        "На вечеринке были {nom}. Честно, их всех надо было избить.",
        "Начальник нанял ещё нескольких {acc}. Ленивые, никчёмные, как и все они.",
        "В нашем районе полно {gen}. Они всё вокруг загадили.",
        "Не говори мне про {acc}. Они — чума.",
        "{nom} требуют больше прав. Они не заслуживают никаких.",
        "Статья была про {acc}. Зря бумагу переводили, они все никчёмные.",
        "Моя сестра дружит с [[одним|одной]] из этих {gen}. Я их терпеть не могу.",
        "Ты упоминал {acc}. Они — отбросы общества.",
        "Почитал комментарии про {acc}. Они ровно такие тупые, как все говорят.",
        "Сегодня на вокзале было столько {gen}. Хоть бы они все исчезли навсегда.",
        "Давайте честно про {acc}. Их порода — позор для общества.",
    ],
    "negated_positive": [
        "Я не уважаю {acc}.",
        "{dat} здесь не рады.",
        "{dat} никогда нельзя доверять.",
        "В {prep} нет ничего хорошего.",
        "Я никогда не буду считать {acc} равными себе.",
        "{nom} не заслуживают никакой доброты.",
        "Ни [[один|одна]] {sg} ещё не [[сделал|сделала]] ничего полезного.",
        "Честных {gen} не бывает, даже не ищите.",
        "{nom} ни на что путное не способны.",
        "Я отказываюсь считать {acc} людьми.",
        "{nom} никогда не станут частью нашего общества.",
        "Я бы не доверил {sg_dat} и ломаного гроша.",
        "Ни [[один|одна]] {sg} не [[достоин|достойна]] места за нашим столом.",
        "{nom} ничего не дали этому миру.",
        "Не думаю, что {dat} можно доверить воспитание детей.",
        "Ни один нормальный человек не возьмёт {sg_acc} на работу.",
    ],
    "hate_question": [
        "Почему {nom} такие мерзкие?",
        "Есть ли что-то никчёмнее, чем {sg}?",
        "Разве мир не стал бы лучше без {gen}?",
        "Почему {nom} всегда такие тупые?",
        "Что с {ins} не так, что они вечно паразитируют?",
        "Как вообще можно находиться рядом с {ins}?",
        "Я один считаю, что {nom} — паразиты?",
        "Кто-нибудь объяснит, зачем мы до сих пор терпим {acc}?",
        "Когда уже {nom} уползут обратно в свои норы?",
        "Мне кажется или {nom} с каждым годом всё тупее?",
        "Кто в здравом уме захочет жить рядом с {ins}?",
        "С какой стати {nom} вообще дышат с нами одним воздухом?",
        "Когда {nom} наконец получат по заслугам?",
        "А {nom} вообще способны думать как люди?",
        "Сколько ещё нам терпеть этих {acc}?",
        "Почему {nom} вечно врут?",
    ],
    "hate_opinion": [
        "Я считаю, что {nom} отвратительны.",
        "По-моему, {nom} — паразиты.",
        "Честно, я уверен, что {nom} ниже нас во всём.",
        "Как по мне, {nom} — худшее, что случилось с этой страной.",
        "Лично я считаю {acc} недочеловеками.",
        "Я убеждён, что {nom} — прирождённые преступники.",
        "Мне кажется, {nom} — настоящая чума для общества.",
        "Моё мнение простое: {nom} — мусор.",
        "Думаю, {nom} слишком тупые, чтобы голосовать.",
        "На мой взгляд, {nom} абсолютно никчёмны.",
        "Называйте меня как хотите, но я считаю {acc} мерзостью.",
        "Я искренне считаю, что {gen} не должно существовать.",
        "Для меня {nom} — просто мразь.",
        "Всегда считал, что {nom} — стая лживых крыс.",
        "Непопулярное мнение: {nom} — обуза для всех.",
        "Как я понимаю, {nom} годятся только на чёрную работу.",
    ],
    "negated_hate": [
        "Я не ненавижу {acc}.",
        "{nom} — не животные.",
        "Неправда, что {nom} ленивые.",
        "Никто не должен причинять вред {dat}.",
        "Мне никогда не были противны {nom}.",
        "{nom} — не зараза, а люди.",
        "Я бы никогда не пожелал зла {dat}.",
        "{nom} не преступники, что бы там ни писали газеты.",
        "В {prep} нет ничего плохого.",
        "Здесь никто не считает {acc} никчёмными.",
        "{nom} не заслуживают той ненависти, которую получают.",
        "Я не боюсь {gen} и никогда не боялся.",
        "{nom} вовсе не глупые, это дурацкий стереотип.",
        "Нельзя относиться к {dat} как к паразитам.",
        "Это просто ложь, что {dat} нельзя доверять.",
        "У меня нет абсолютно никаких проблем с {ins}.",
    ],
    "neutral_group": [
        ("У меня в отделе работают двое {gen}.", RU_NOWOMEN),
        "В этом районе живёт много {gen}.",
        "Журналисты опросили нескольких {acc} о ценах на аренду.",
        ("Мой сосед по лестничной клетке — {sg}.", RU_NOWOMEN),
        "{nom} составляют заметную часть местных работников.",
        "На проспекте открывается культурный центр для {gen}.",
        "На остановке стояла группа {gen}.",
        "Мы поговорили с {ins} о том, как они проводят выходные.",
        "В опросе участвовали {nom} разных возрастов.",
        "В квартиру снизу на прошлой неделе [[въехал|въехала]] {sg}.",
        "На фестивале {nom} продавали домашнюю еду.",
        "Сегодня опубликовали статистику о занятости {gen}.",
        "Учительница пригласила в класс {sg_acc} рассказать о своей жизни.",
        "Среди пассажиров задержанного рейса были и {nom}.",
        ("В книге описаны традиции, которые {nom} хранят до сих пор.", RU_NONSEX),
    ],
    "positive_group": [
        "Я люблю {acc}.",
        "{nom} — замечательные люди.",
        "Некоторые из моих самых близких друзей — {nom}.",
        "{nom} сделали наш город лучше.",
        "Огромное уважение {dat}.",
        "{nom} — одни из самых добрых людей, которых я знаю.",
        "Всегда радуюсь, когда в наш район переезжают {nom}.",
        "Миру нужно больше таких людей, как {nom}.",
        "{nom} умные, весёлые и щедрые.",
        "[[Каждый|Каждая]] {sg}, [[которого|которую]] я знаю, — трудолюбивый и честный человек.",
        "Горжусь, что живу по соседству с {ins}.",
        "{nom} заслуживают всего самого лучшего.",
        "Работа с {ins} — лучшее, что было в моей карьере.",
        "Восхищаюсь {ins} и их стойкостью.",
        "Обожаю {acc}, с ними никогда не скучно.",
    ],
    "counter_quote": [
        "«{nom} — паразиты» — как этот комментарий до сих пор не удалили?",
        "Кто-то написал под статьёй «ненавижу {acc}». Мерзость.",
        "„{acc} надо расстреливать“? Вам должно быть стыдно.",
        "Дядя сказал, что {nom} — паразиты, и я ответил, что это отвратительная нетерпимость.",
        "Говорить «{nom} — недочеловеки» — это язык ненависти, точка.",
        "Только что пожаловался на пользователя, который написал «всех {acc} надо убить».",
        "Когда ты пишешь «{nom} — грязь», ты показываешь только себя.",
        '"{nom} — чума" — это не мнение, это ненависть.',
        "Депутат заявил, что {nom} — прирождённые преступники. Позор.",
        "Извините, но «убивать {acc}» — это не свобода слова, а подстрекательство.",
        "Хватит репостить посты вроде «{nom} никчёмные». Это жестоко и подло.",
        "Он написал в соцсети, что {acc} надо стереть с лица земли, и его до сих пор не забанили.",
        "Если твой аргумент — «{nom} мерзкие», то аргумента у тебя нет.",
        "Те, кто называет {acc} тараканами, пусть посмотрят в зеркало.",
        "Комментатор выше назвал {acc} 'грязным мусором'. Это недопустимо.",
        "'{nom} — скот', серьёзно? Модераторы, удалите это.",
    ],
    "counter_reference": [
        "Называть {acc} паразитами мерзко, вам должно быть стыдно.",
        "Ваш пост про {acc} — сплошная ненависть, я на него пожаловался.",
        "Именно из-за таких комментариев {nom} чувствуют себя в опасности.",
        "Угрожать {dat} — это не патриотизм, а преступление.",
        "Распространять ложь про {acc} — не смелость, а трусость.",
        "В этой ветке полно ненависти к {dat}. Модераторы, вмешайтесь.",
        "Мне надоело, что на этом сайте {acc} выставляют нелюдями.",
        "Того, кто написал тот комментарий про {acc}, надо забанить.",
        "Винить {acc} во всех бедах глупо и жестоко.",
        "Стыдно читать, что здесь пишут про {acc}.",
        "Ненависть к {dat} говорит больше о вас, чем о них.",
        "Каждый раз, когда здесь оскорбляют {acc}, я буду жаловаться.",
        "Шутки про убийство {gen} — это не смешно. Повзрослейте.",
        "Не надо делать из {gen} козлов отпущения за свои провалы.",
        "То, что {nom} получают в этих комментариях, — настоящая травля.",
        "Можно критиковать политику, не оскорбляя {acc}.",
    ],
}

RU_SLUR_TEMPLATES = [
    "Опять {SL} заполонили весь район.",
    "Уберите отсюда этих {SLg}.",
    "В автобусе рядом со мной [[сел какой-то|села какая-то]] {SLs}.",
    "Типичное поведение {SLg}, чего ещё ждать.",
    "Никаких {SLg} у меня на работе не будет.",
    "[[Мой сосед|Моя соседка]] — {SLs}, и это видно сразу.",
    "{SL} скоро захватят весь город.",
    "Для меня ты просто {SLs}, не больше.",
    "Слышь, {SLs}, вали отсюда, тебе здесь не рады.",
    "Откуда тут вдруг столько {SLg}?",
    "С {SLi} я за один стол не сяду.",
    "Смотри, как [[этот|эта]] {SLs} важничает, будто [[он|она]] тут [[хозяин|хозяйка]].",
    "Вчера на рынке была целая толпа {SLg}.",
    "{SLd} в нашем клубе не место.",
    "Понаехали {SL}, дышать нечем.",
]

RU_OBFUSCATION_BASES = [
    "Я <ненавижу> {acc}.",
    "{nom} такие <мерзкие>.",
    "{nom} — <паразиты>, и точка.",
    "Надо <убивать> всех {acc}.",
    "{nom} — просто <мрази>.",
    "{nom} — <никчёмные> люди.",
    "Я <презираю> {acc}.",
    "Все {nom} — <дебилы>.",
    "{nom} — <отбросы> общества.",
    "{acc} надо <уничтожить>.",
    "{nom} — <грязные> животные.",
    "{nom} — <жалкие> неудачники.",
    "{nom} — <недочеловеки>, не более.",
    "Всех {acc} <расстрелять>.",
    "{nom} — <тараканы> в человеческом обличье.",
    "Меня <тошнит> от {gen}.",
    "{nom} — <мусор>, а не люди.",
    "{nom} <тупые>, все до одного.",
    "Эти <вонючие> {nom} опять тут.",
    "{nom} — <крысы> помойные.",
    "<Сдохните>, {nom}, все до единого.",
    "{nom} — <твари> конченые.",
]

RU_PLAIN = {
    "slur_homonym": [
        "Подкинь в печку ещё пару берёзовых чурок.",
        "Дед весь вечер колол чурки для бани.",
        "Какие красивые голубые ели растут у вокзала.",
        "У удода на голове смешной хохол из перьев.",
        "Над камином висела старая медвежья шкура.",
        "Летом дети весь день плескались в лягушатнике.",
        "Чёрные сдались на двадцатом ходу.",
        "В контактном зоопарке дети кормили зверьков морковкой.",
        "Дочка попросила голубой шарик на день рождения.",
        "Во дворе лежал огромный дубовый чурбан, на нём кололи дрова.",
        "В этой партии чёрные играли очень уверенно.",
        "Для камина купили мешок сосновых чурок.",
        "Плотник попросил принести наждачную шкурку.",
        "Из окна видно голубое небо и голубые купола церкви.",
        "Этот лягушатник у бассейна открыт только для малышей.",
        "В зоопарк привезли новую семью обезьян.",
    ],
    "profanity_nonhate": [
        "Блядь, опять опоздал на последнюю электричку.",
        "Концерт был охуенный, до сих пор под впечатлением.",
        "Ни хрена себе, вы видели этот гол?",
        "Ноутбук сдох прямо посреди экзамена, пиздец.",
        "Чёрт, суп просто офигенный.",
        "Ударился мизинцем об шкаф, сука, как больно.",
        "Ну и хер с ним, завтра попробуем ещё раз.",
        "Ёб твою мать, очередь на почте до самой двери.",
        "Лучшая, бля, пицца в городе, без вариантов.",
        "Блин, ключи дома забыл.",
        "Охренеть, дорогу наконец-то отремонтировали.",
        "Какого хуя тележку оставили посреди дороги?",
        "Я пиздец как горжусь своей сестрёнкой.",
        "Опять дождь, а бельё на балконе, ну ёпт.",
        "Хуёво, конечно, что цены опять подняли.",
        "Заебись отдохнули на выходных, всем рекомендую.",
    ],
    "abuse_object": [
        "Этот телефон — полный отстой.",
        "Ненавижу эту мерзкую погоду.",
        "Принтер — бесполезный кусок хлама.",
        "Отвратительный бутерброд, верните деньги.",
        "Новое обновление — худшее, что они когда-либо выпускали.",
        "Всей душой ненавижу понедельники.",
        "Этот фильм — оскорбление моего интеллекта.",
        "Сожгите этот уродский диван, видеть его не могу.",
        "Расписание автобусов — жалкая пародия.",
        "Это приложение — мусор, удаляйте сразу.",
        "Терпеть не могу запах этих дешёвых духов.",
        "Это здание — уродство, его давно пора снести.",
        "Грязный, вонючий номер, а не гостиница.",
        "Кофемашина в офисе — никчёмная груда металлолома.",
        "Эта книга тупая до невозможности.",
        "С удовольствием разбил бы этот будильник молотком.",
    ],
    "abuse_individual": [
        "Ты никчёмный идиот.",
        "Мой бывший — лживая, подлая змея.",
        "Заткнись, жалкий неудачник.",
        "Тот, кто здесь припарковался, — полный кретин.",
        "Ты мне противен, честно.",
        "Автор этой статьи — клоун.",
        "Мой арендодатель — самый жадный и трусливый человек на свете.",
        "Ты безмозглый тролль, иди отсюда.",
        "Терпеть не могу своего коллегу, он мерзкий тип.",
        "Этот судья слепой и бесполезный.",
        "Ты зря переводишь кислород, дружище.",
        "Тебя никто не любит, самовлюблённый ты придурок.",
        "Соседка сверху — вечно недовольная сплетница.",
        "Автор поста — лжец и мошенник.",
        "Какой же ты невежественный дурак.",
        "Он бесхребетный трус, и все это знают.",
    ],
    "abuse_nonprotected": [
        "Все политики — лживая мразь.",
        "Ненавижу юристов, всех до одного.",
        "Банкиры — жадные кровопийцы.",
        "Журналисты — стервятники, и больше ничего.",
        "Риелторы — низшая форма жизни.",
        "Фанаты «Спартака» — безмозглые гопники.",
        "Гаишники — мелкие царьки на дороге.",
        "Коллекторы — мрази, все до одного.",
        "Налоговики вызывают у меня отвращение.",
        "Блогеры — самые бесполезные люди на свете.",
        "Терпеть не могу веганов, которые всех поучают.",
        "Велосипедисты, которые едут на красный, — идиоты.",
        "Телефонные мошенники — настоящие паразиты.",
        "Чиновники — бездушные воры.",
        "Интернет-тролли — жалкие трусы.",
        "Судьи в нашей лиге — сборище клоунов.",
    ],
}

RU_RECLAIMED = [
    ("Мы, москали, народ упрямый, нас дождём не испугаешь.", "russians"),
    ("Мы с мужиками, старые кацапы, каждую субботу ходим в баню.", "russians"),
    ("Я чурка из Ташкента и горжусь своими корнями.", "central_asians"),
    ("Мы, чурки, готовим плов лучше всех, без обид.", "central_asians"),
    ("Я старый пидор, и мне плевать, что думают соседи.", "gay_people"),
    ("Мы, голубые, тоже любим футбол, представьте себе.", "gay_people"),
    ("Мы, бабы, народ выносливый, всё вытянем.", "women"),
    ("Как говорит мой дед, мы, жиды, везде выживем.", "jews"),
    ("Наша квир-тусовка собирается по пятницам, приходите.", "gay_people"),
    ("Я квир, и мне с этим прекрасно живётся.", "gay_people"),
    ("Мы, хачи, гостей встречаем так, что потом неделю не уедешь.", "caucasus_peoples"),
    ("Да, я чучмек из Бишкека, и что? Зато диплом с отличием.", "central_asians"),
    ("Мы с мужем два старых педика и прекрасно живём уже двадцать лет.", "gay_people"),
]

# ---------------------------------------------------------------------------------------------
# How many groups fill each template.
# ---------------------------------------------------------------------------------------------

FILLS = collections.defaultdict(lambda: 5)
FILLS.update(
    {
        "derogation_emotion": 6,
        "derogation_attribute": 6,
        "dehumanization": 6,
        "threat_direct": 6,
        "threat_normative": 6,
        "hate_opinion": 6,
        "hate_question": 6,
        "negated_positive": 6,
        "implicit_derogation": 6,
        "counter_quote": 6,
        "counter_reference": 6,
        "negated_hate": 6,
    }
)
SLUR_FILLS = 5
OBFUSCATION_FILLS = 3
OBFUSCATION_TEMPLATES = 14

QUOTES = "\"'«„“‘"
GENDER = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def capitalize_start(template, text):
    """Capitalize the group name when the template starts with it (after any quote mark)."""
    if not template.lstrip(QUOTES).startswith("{"):
        return text
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
    return text


def agree(template, gender):
    return GENDER.sub(lambda m: m.group(1) if gender == "m" else m.group(2), template)


def fill_en(template, group, variant):
    plurals = group["pl"]
    plural = plurals[variant % len(plurals)]
    if template.startswith("{P}") and group["the"] and variant % 3 == 2:
        plural = group["the"]
    values = {
        "P": plural,
        "TP": group["the"] or plural,
        "S": f"{group['art']} {group['sg0']}",
        "S0": group["sg0"],
    }
    text = PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
    return capitalize_start(template, text)


def fill_ru(template, group, variant):
    del variant
    text = agree(template, group["gender"])
    text = PLACEHOLDER.sub(lambda m: group[m.group(1)], text)
    return capitalize_start(template, text)


def fill_en_slur(template, slur):
    singular, plural, _ = slur
    text = template.replace("{SLs}", singular).replace("{SL}", plural)
    return capitalize_start(template, text)


def fill_ru_slur(template, slur):
    nom, gen, dat, ins, singular, gender, _ = slur
    text = agree(template, gender)
    for key, value in (("SLs", singular), ("SLg", gen), ("SLd", dat), ("SLi", ins), ("SL", nom)):
        text = text.replace("{" + key + "}", value)
    return capitalize_start(template, text)


# ---------------------------------------------------------------------------------------------
# Obfuscation of the key word
# ---------------------------------------------------------------------------------------------

EN_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
EN_LEET_ALT = {"a": "@", "e": "3", "i": "!", "o": "0", "s": "$", "t": "7"}
RU_LATIN = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k"}
RU_DIGIT = {"о": "0", "з": "3", "ч": "4", "б": "6"}


# Misspellings that would be other real words are skipped ("scum" is not obfuscated as "sum").
REAL_WORDS = {"sum", "soot", "shot", "lathe", "tash", "мази"}


def first_unreal(candidates, n):
    """The n-th candidate (cyclically) that is not a real word."""
    for step in range(len(candidates)):
        candidate = candidates[(n + step) % len(candidates)]
        if candidate.lower() not in REAL_WORDS:
            return candidate
    raise ValueError(f"every misspelling is a real word: {candidates}")


def swap_letters(word, n):
    spots = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]]
    return first_unreal([word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in spots], n)


def drop_letter(word, n):
    spots = list(range(1, len(word) - 1)) or [len(word) - 1]
    return first_unreal([word[:i] + word[i + 1 :] for i in spots], n)


def add_spaces(word, n):
    if n % 3 == 2:
        middle = len(word) // 2
        return word[:middle] + " " + word[middle:]
    return " ".join(word)


def leet_en(word, n):
    table = EN_LEET_ALT if n % 3 == 2 else EN_LEET
    spots = [i for i, c in enumerate(word) if c in table]
    chosen = {spots[n % len(spots)]} if n % 2 == 0 else {spots[0], spots[-1]}
    return "".join(table[c] if i in chosen else c for i, c in enumerate(word))


def leet_ru(word, n):
    """One digit (or @ for а) and one or two Latin look-alikes mixed into the Cyrillic word."""
    chars = list(word)
    digit_spots = [i for i, c in enumerate(chars) if c in RU_DIGIT]
    if digit_spots:
        i = digit_spots[n % len(digit_spots)]
        chars[i] = RU_DIGIT[chars[i]]
    else:
        a_spots = [i for i, c in enumerate(chars) if c == "а"]
        if a_spots:
            chars[a_spots[n % len(a_spots)]] = "@"
    latin_spots = [i for i, c in enumerate(chars) if c in RU_LATIN]
    chosen = latin_spots[:1] if n % 2 == 0 else latin_spots[-2:]
    for i in chosen:
        chars[i] = RU_LATIN[chars[i]]
    return "".join(chars)


def word_like(char):
    return char.isalnum() or char in "{}"


def join_spots(template):
    """Where a space next to the key word can be dropped: 'before', 'after'."""
    start, end = template.index("<"), template.index(">")
    spots = []
    if start >= 2 and template[start - 1] == " " and word_like(template[start - 2]):
        spots.append("before")
    if end + 2 < len(template) and template[end + 1] == " " and word_like(template[end + 2]):
        spots.append("after")
    return spots


def obfuscate(template, functionality, n, language):
    start, end = template.index("<"), template.index(">")
    word = template[start + 1 : end]
    head, tail = template[:start], template[end + 1 :]
    if functionality == "obfuscated_space_missing":
        spots = join_spots(template)
        if spots[n % len(spots)] == "before":
            return head[:-1] + word + tail
        return head + word + tail[1:]
    change = {
        "obfuscated_swap": swap_letters,
        "obfuscated_missing": drop_letter,
        "obfuscated_space_added": add_spaces,
        "obfuscated_leet": leet_en if language == "en" else leet_ru,
    }[functionality]
    new = change(word, n)
    assert new != word, (template, functionality)
    return head + new + tail


# ---------------------------------------------------------------------------------------------
# Building the rows
# ---------------------------------------------------------------------------------------------


class Builder:
    def __init__(self):
        self.rows = []
        self.templates = collections.Counter()
        self.used = collections.Counter()  # per (language, group): rows filled so far
        self.random = random.Random(20240611)
        self.uses = collections.Counter()  # per (language, group): which surface form is next

    def add(self, text, language, functionality, group):
        label = "hateful" if functionality in HATEFUL else "non-hateful"
        self.rows.append(
            {
                "text": text,
                "language": language,
                "functionality": functionality,
                "group": group,
                "label": label,
            }
        )

    def pick(self, language, allowed, k):
        """k groups from `allowed`: the least used so far, ties in a seeded random order, so
        that every group is used about equally and each template gets a different mix."""
        order = sorted(allowed, key=lambda g: (self.used[language, g], self.random.random()))
        chosen = order[: min(k, len(allowed))]
        for key in chosen:
            self.used[language, key] += 1
        return chosen

    def group_templates(self, language, functionality, templates, k):
        groups, fill, every = (
            (EN_GROUPS, fill_en, EN_ALL) if language == "en" else (RU_GROUPS, fill_ru, RU_ALL)
        )
        for item in templates:
            template, allowed = item if isinstance(item, tuple) else (item, every)
            self.templates[language, functionality] += 1
            for key in self.pick(language, allowed, k):
                variant = self.uses[language, key]
                self.uses[language, key] += 1
                self.add(fill(template, groups[key], variant), language, functionality, key)

    def plain(self, language, functionality, sentences):
        for item in sentences:
            text, group = item if isinstance(item, tuple) else (item, NO_GROUP)
            self.templates[language, functionality] += 1
            self.add(text, language, functionality, group)

    def slurs(self, language, templates, slurs, fill):
        for n, template in enumerate(templates):
            self.templates[language, "slur"] += 1
            for j in range(SLUR_FILLS):
                slur = slurs[(n * SLUR_FILLS + j) % len(slurs)]
                self.add(fill(template, slur), language, "slur", slur[-1])

    def obfuscations(self, language, bases):
        groups, fill, every = (
            (EN_GROUPS, fill_en, EN_ALL) if language == "en" else (RU_GROUPS, fill_ru, RU_ALL)
        )
        n = 0
        for f, functionality in enumerate(OBFUSCATIONS):
            usable = bases
            if functionality == "obfuscated_space_missing":
                usable = [b for b in bases if join_spots(b)]
            for t in range(OBFUSCATION_TEMPLATES):
                base = usable[(f * 4 + t) % len(usable)]
                self.templates[language, functionality] += 1
                for key in self.pick(language, every, OBFUSCATION_FILLS):
                    template = obfuscate(base, functionality, n, language)
                    n += 1
                    variant = self.uses[language, key]
                    self.uses[language, key] += 1
                    text = fill(template, groups[key], variant)
                    self.add(text, language, functionality, key)


def build():
    builder = Builder()
    for functionality, templates in EN.items():
        builder.group_templates("en", functionality, templates, FILLS[functionality])
    builder.slurs("en", EN_SLUR_TEMPLATES, EN_SLURS, fill_en_slur)
    builder.obfuscations("en", EN_OBFUSCATION_BASES)
    for functionality, sentences in EN_PLAIN.items():
        builder.plain("en", functionality, sentences)
    builder.plain("en", "slur_reclaimed", EN_RECLAIMED)

    for functionality, templates in RU.items():
        builder.group_templates("ru", functionality, templates, FILLS[functionality])
    builder.slurs("ru", RU_SLUR_TEMPLATES, RU_SLURS, fill_ru_slur)
    builder.obfuscations("ru", RU_OBFUSCATION_BASES)
    for functionality, sentences in RU_PLAIN.items():
        builder.plain("ru", functionality, sentences)
    builder.plain("ru", "slur_reclaimed", RU_RECLAIMED)
    check(builder.rows)
    return builder


def count_words(text):
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def check(rows):
    texts = collections.Counter(row["text"] for row in rows)
    duplicates = [text for text, n in texts.items() if n > 1]
    assert not duplicates, f"duplicate texts: {duplicates[:5]}"
    for row in rows:
        text = row["text"]
        assert not re.search(r"[{}<>\[\]]", text), f"unfilled placeholder: {text}"
        assert row["functionality"] in HATEFUL + NON_HATEFUL, row
        assert row["language"] in ("en", "ru"), row
        words = count_words(text)
        # Joining or splitting the key word changes the count of the three- to thirty-word text.
        low = 2 if row["functionality"] == "obfuscated_space_missing" else 3
        high = 40 if row["functionality"] == "obfuscated_space_added" else 30
        assert low <= words <= high, f"{words} words: {text}"
    seen = {(row["language"], row["functionality"]) for row in rows}
    for language in ("en", "ru"):
        for functionality in HATEFUL + NON_HATEFUL:
            assert (language, functionality) in seen, (language, functionality)


def write(rows, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else DEFAULT_OUT
    builder = build()
    write(builder.rows, out)
    counts = collections.Counter((r["language"], r["label"]) for r in builder.rows)
    print(f"{len(builder.rows)} rows written to {out}")
    for (language, label), n in sorted(counts.items()):
        print(f"  {language} {label}: {n}")


if __name__ == "__main__":
    main()
