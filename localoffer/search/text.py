"""How words are folded for search, the same on both sides: the offer's text and the query.

Case, accents and Arabic-script spelling differences are folded away so that "Staying-Put",
"stayíng put", a Persian "کی" and an Arabic "كي" all meet the words they mean.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that NFKD leaves as distinct letters but readers treat as the same one. Persian
# and Arabic spell kaf and yeh with different code points; alef wasla and alef maksura are
# spelling variants of alef and yeh; teh marbuta is written as heh in much informal text.
_ARABIC_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06cc": "\u064a",  # Farsi yeh -> Arabic yeh
        "\u06d2": "\u064a",  # yeh barree -> yeh
        "\u06a9": "\u0643",  # keheh (Persian kaf) -> Arabic kaf
        "\u06aa": "\u0643",  # swash kaf -> kaf
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06c1": "\u0647",  # heh goal -> heh
        "\u06d5": "\u0647",  # ae (Sorani) -> heh
        "\u0640": None,  # tatweel: stretches a word, never changes it
    }
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script, not "_"
_LATIN_WORD = re.compile(r"[a-z]+")
_ES_AFTER = ("ches", "shes", "sses", "xes", "zes")
# The Arabic article "al-", alone or joined to "and", "with", "like", "so" or "for" (li + al
# is written lil-), longest first. Readers type "مساعدة" and "المساعدة" for the same help.
_ARABIC_ARTICLES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644",
                    "\u0641\u0627\u0644", "\u0627\u0644", "\u0644\u0644")  # fmt: skip
_ARABIC_STEM_MIN = 3  # what must be left: "الى" (to) and "الف" (thousand) are not al- + word
_NOT_PLURAL = ("ss", "us", "is")


def _without_marks() -> dict[int, str | None]:
    """A translation table that also drops every combining mark in the Basic Multilingual Plane.

    Combining marks are accents in Latin script and tashkeel (harakat, shadda, hamza and
    madda above or below) in Arabic script: neither changes which word it is. One table
    built once lets str.translate do it all in C, which is most of the cost of indexing.
    """
    table: dict[int, str | None] = {
        code: None for code in range(0x300, 0x10000) if unicodedata.combining(chr(code))
    }
    table.update(_ARABIC_LETTERS)
    return table


_FOLD = _without_marks()


def fold(text: str) -> str:
    """Lower case, no accents or Arabic vowel marks, one spelling for each Arabic-script letter."""
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_FOLD)


@lru_cache(maxsize=1 << 16)  # the offer has a few thousand distinct words
def stem(word: str) -> str:
    """The singular of a simple English plural (advisers, bursaries, taxes); others unchanged."""
    if not _LATIN_WORD.fullmatch(word) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_ES_AFTER):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def without_article(term: str) -> str | None:
    """A folded Arabic-script word without a leading article, or None if it has none.

    Only a possibility, never a certainty: "والدين" is "parents", not "and" + "religion".
    So the index keeps both forms and the search ranks the article-free match lower.
    """
    for article in _ARABIC_ARTICLES:
        if term.startswith(article) and len(term) - len(article) >= _ARABIC_STEM_MIN:
            return term[len(article) :]
    return None


def terms(text: str) -> list[str]:
    """The searchable terms of a text, in order, folded and stemmed."""
    return [stem(word) for word in _WORD.findall(fold(text))]
