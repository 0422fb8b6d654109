"""Language of each comment, with langdetect, deterministically.

langdetect samples n-grams at random; a fixed seed on our own detector factory makes the same
text always get the same answer, whatever else was detected before it. Texts too short or too
unclear to tell get `und`. langdetect has no Kazakh profile: Kazakh Cyrillic text, which it
calls Russian, Bulgarian, Macedonian, Ukrainian or Mongolian, is recognized by the letters only
Kazakh uses.
"""

import re
from collections.abc import Iterable

UNDETERMINED = "und"
# Below this many letters langdetect's answer is close to a guess.
MIN_LETTERS = 10
# Below this probability the top language is not trusted.
MIN_CONFIDENCE = 0.60
_SEED = 0

_KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC_LANGUAGES = {"ru", "bg", "mk", "uk", "mn"}
# Kazakh-only letters are frequent in Kazakh text (about one letter in ten); a stray one in a
# Russian comment (a quoted Kazakh name) must not flip it.
_KAZAKH_SHARE = 0.03

_factory = None


def detect_languages(texts):
    """DataFrame[language, language_confidence], one row per text in input order (RangeIndex).

    `language` is an ISO 639-1 code as langdetect reports it (`zh-cn` for Chinese), `kk` for
    Kazakh, or `und`; `language_confidence` is the detector's probability for it (0.0 for `und`).
    """
    import pandas as pd

    texts = [_as_text(text) for text in _as_list(texts)]
    answers = {}
    for text in texts:
        if text not in answers:
            answers[text] = detect_language(text)
    rows = [answers[text] for text in texts]
    return pd.DataFrame(
        {
            "language": pd.Series([row[0] for row in rows], dtype=object),
            "language_confidence": pd.Series([row[1] for row in rows], dtype="float64"),
        }
    )


def detect_language(text):
    """(language, confidence) for one text."""
    letters = sum(1 for char in text if char.isalpha())
    if letters < MIN_LETTERS:
        return UNDETERMINED, 0.0
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(text)
    try:
        candidates = detector.get_probabilities()
    except LangDetectException:
        return UNDETERMINED, 0.0
    if not candidates:
        return UNDETERMINED, 0.0
    best = candidates[0]
    if best.lang in _CYRILLIC_LANGUAGES and len(_KAZAKH_LETTERS.findall(text)) >= max(
        1, _KAZAKH_SHARE * letters
    ):
        cyrillic = sum(item.prob for item in candidates if item.lang in _CYRILLIC_LANGUAGES)
        return "kk", round(min(1.0, cyrillic), 4)
    if best.prob < MIN_CONFIDENCE:
        return UNDETERMINED, 0.0
    return best.lang, round(best.prob, 4)


def _detector_factory():
    global _factory
    if _factory is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(_SEED)
        _factory = factory
    return _factory


def _as_list(texts):
    if isinstance(texts, str):
        return [texts]
    if hasattr(texts, "tolist"):
        return texts.tolist()
    if isinstance(texts, Iterable):
        return list(texts)
    raise TypeError("texts must be a sequence of strings")


def _as_text(value):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)
