"""Language detection: deterministic, `und` for short or unclear texts, Kazakh recognized."""

import pandas as pd

from moderator.language import detect_languages

TEXTS = [
    "You are all monkeys and swine, go back home",
    "Русские свиньи и обезьяны, убирайтесь домой",
    "Қазақстан біздің елміз, кандастар қош келдіңіздер",
    "Les Chinois sont méchants et dangereux pour nous",
    "Türkler burada çok iyi insanlar, hoş geldiniz",
    "ok",
    "12345 !!! ???",
    "",
    None,
]


def test_languages_of_known_texts():
    result = detect_languages(TEXTS)
    assert list(result.columns) == ["language", "language_confidence"]
    assert isinstance(result.index, pd.RangeIndex)
    assert result["language"].tolist() == ["en", "ru", "kk", "fr", "tr", "und", "und", "und", "und"]
    confident = result["language_confidence"].iloc[:5]
    assert ((confident > 0.6) & (confident <= 1.0)).all()
    assert result["language_confidence"].iloc[5:].tolist() == [0.0] * 4


def test_same_text_same_answer_whatever_came_before():
    # langdetect samples at random: without a fixed seed, borderline texts flip between runs.
    borderline = "Da, da, bravo maestro, molto bene"
    alone = detect_languages([borderline])
    for before in (TEXTS, list(reversed(TEXTS)), TEXTS * 3):
        later = detect_languages([*before, borderline]).iloc[-1]
        assert later.tolist() == alone.iloc[0].tolist()


def test_a_stray_kazakh_letter_does_not_make_russian_kazakh():
    text = "Президент Тоқаев подписал закон о гражданстве для всех этнических казахов"
    assert detect_languages([text])["language"].tolist() == ["ru"]


def test_accepts_a_series_and_keeps_order():
    series = pd.Series([TEXTS[1], TEXTS[0]], index=[10, 3])
    assert detect_languages(series)["language"].tolist() == ["ru", "en"]
