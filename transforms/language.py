"""Language identification for the texts the syllable test leaves in doubt.

`vietnamese_share` (transforms/vietnamese.py) decides most articles for free: accented Vietnamese
syllables are unmistakable. It fails Vietnamese typed without diacritics (`Em hien dang su dung dien
thoai`) and articles made mostly of foreign names (sports schedules, software help). Those few go to
lingua, a trained n-gram identifier whose models ship inside its wheel (no download at run time),
restricted to the languages a Vietnamese news feed plausibly carries, which keeps it fast and small.
"""
from __future__ import annotations

from functools import lru_cache

# Vietnamese, and the languages of text that turns up in Vietnamese feeds: neighbours, wire-service
# languages, and Latin-script languages with unaccented look-alike syllables (Indonesian, Malay, Tagalog).
LANGUAGES = ("VIETNAMESE", "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "RUSSIAN",
             "CHINESE", "JAPANESE", "KOREAN", "THAI", "INDONESIAN", "MALAY", "TAGALOG", "TURKISH", "LATIN")
MIN_CONFIDENCE = 0.6
SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in LANGUAGES)).build()


def identify(text: str) -> tuple[str, float]:
    """(language, confidence) of the first 3,000 characters: `("VIETNAMESE", 0.97)`; ("UNKNOWN", 0) for
    text with no letters."""
    values = _detector().compute_language_confidence_values(text[:SAMPLE_CHARS])
    if not values or values[0].value <= 0:
        return "UNKNOWN", 0.0
    return values[0].language.name, float(values[0].value)


def is_vietnamese(text: str, head: str) -> tuple[bool, str]:
    """Whether lingua reads the text, or else its headline and lead (`head`), as Vietnamese; and what it read
    (for the reject detail). The head decides articles whose body is mostly foreign names or code under a
    Vietnamese headline and lead (a tennis calendar, a Visual Basic listing)."""
    language, confidence = identify(text)
    if language == "VIETNAMESE" and confidence >= MIN_CONFIDENCE:
        return True, f"vietnamese {confidence:.2f}"
    head_language, head_confidence = identify(head)
    if head_language == "VIETNAMESE" and head_confidence >= MIN_CONFIDENCE:
        return True, f"headline and lead vietnamese {head_confidence:.2f}"
    return False, f"{language.lower()} {confidence:.2f}"
