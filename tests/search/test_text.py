"""Folding and stemming: the same rules for the offer's words and for what people type."""

from __future__ import annotations

import pytest

from localoffer.search.text import fold, stem, terms, without_article


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Staying-Put", ["staying", "put"]),
        ("STAYING PUT", ["staying", "put"]),
        ("stayíng put", ["staying", "put"]),
        ("Café NAÏVE", ["cafe", "naive"]),
        ("Hỗ trợ", ["ho", "tro"]),  # Vietnamese tones and vowel marks
        ("ﬁnance", ["finance"]),  # a ligature, as some PDFs paste it
    ],
)
def test_case_accents_and_compatibility_forms_fold_away(typed: str, expected: list[str]) -> None:
    """Capitals, accents and ligatures never stop a word matching."""
    assert terms(typed) == expected


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("advisers", "adviser"),
        ("bursaries", "bursary"),
        ("taxes", "tax"),
        ("benches", "bench"),
        ("classes", "class"),
        ("grants", "grant"),
        ("bus", "bus"),  # too short to be a plural
        ("access", "access"),  # -ss is not a plural
        ("status", "status"),
        ("basis", "basis"),
    ],
)
def test_simple_english_plurals_become_singular(plural: str, singular: str) -> None:
    """The light stemmer handles -s, -es and -ies and leaves words that only look plural."""
    assert stem(plural) == singular


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("الحَاضِنَة", "الحاضنة"),  # tashkeel (fatha, kasra) removed
        ("الحـــاضنة", "الحاضنة"),  # tatweel removed
        ("أمان", "امان"),  # alef with hamza above
        ("إقامة", "اقامة"),  # alef with hamza below
        ("آمن", "امن"),  # alef with madda
        ("ٱلسكن", "السكن"),  # alef wasla
        ("کمک", "كمك"),  # Persian keheh and Arabic kaf
        ("یک", "يك"),  # Farsi yeh and Arabic yeh
        ("مستشفى", "مستشفي"),  # alef maksura
        ("منحة", "منحه"),  # teh marbuta written as heh
    ],
)
def test_arabic_script_spellings_fold_to_one_form(one: str, other: str) -> None:
    """Persian and Arabic spellings, vowel marks and stretched letters all meet."""
    assert fold(one) == fold(other)


def test_non_latin_words_are_never_stemmed() -> None:
    """The English stemmer leaves other scripts alone, even words ending in a letter s."""
    assert terms("ፍትሒ") == ["ፍትሒ"]
    assert stem("المستشارس") == "المستشارس"


@pytest.mark.parametrize("typed", ["<script>", "' OR 1=1 --", "%", '"', "NEAR(", "*", "_", ""])
def test_punctuation_and_operators_are_not_words(typed: str) -> None:
    """Markup, SQL and search operators give no words of their own beyond plain letters."""
    assert all(term.isalnum() for term in terms(typed))


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("المساعده", "مساعده"),  # al- (the)
        ("والمساعده", "مساعده"),  # wa-al- (and the)
        ("بالسكن", "سكن"),  # bi-al- (with the)
        ("كالطالب", "طالب"),  # ka-al- (like the)
        ("فالمنحه", "منحه"),  # fa-al- (so the)
        ("للطلاب", "طلاب"),  # li-al- (for the), written lil-
        ("الي", None),  # "to": too short to hold an article
        ("الف", None),  # "thousand"
        ("مساعده", None),  # no article
        ("staying", None),
    ],
)
def test_the_arabic_article_may_be_taken_off(word: str, bare: str | None) -> None:
    """The article and the short words joined to it come off, leaving at least 3 letters."""
    assert without_article(word) == bare
