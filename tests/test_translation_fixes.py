"""The errors a fluent reviewer found in the interface stay fixed in every language."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask import Flask
from flask_babel import force_locale, ngettext

from localoffer.i18n import SHIPPED_LANGUAGES

LANGUAGES = [lang for lang in SHIPPED_LANGUAGES if lang != "en"]
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
HOME_ALLOWANCE = "/finances/setting-up-home-allowance/"
CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"]
STATUS_TERMS = ["Eligible child", "Relevant child", "Former relevant child",
                "Qualifying care leaver"]  # fmt: skip


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_are_numbered_in_cldr_order(lang: str) -> None:
    """Form k of the catalogue is the k-th CLDR category the language has, for every count."""
    plural = gettext.c2py(catalogue(lang).plural_expr)
    reference = get_plural(lang)
    counts = range(300)
    assert [plural(n) for n in counts] == [gettext.c2py(reference.plural_expr)(n) for n in counts]
    if reference.num_plurals > 1:
        rule = Locale.parse(lang).plural_form
        categories = [c for c in CLDR_ORDER if c in rule.tags | {"other"}]
        assert [categories[plural(n)] for n in counts] == [rule(n) for n in counts]


@pytest.mark.parametrize("count,expected", [
    (0, "لم تُضف أي فترة في الرعاية"), (1, "أضفت فترة واحدة في الرعاية"),
    (2, "أضفت فترتين في الرعاية"), (3, "أضفت 3 فترات في الرعاية"),
    (11, "أضفت 11 فترة في الرعاية"), (102, "أضفت 102 فترة في الرعاية"),
])  # fmt: skip
def test_arabic_counts_periods_in_care_not_occasions(app: Flask, count: int, expected: str) -> None:
    """Arabic says فترة (a period in care), never مرة (once), whatever the count."""
    with app.test_request_context("/ar/"), force_locale("ar"):
        said = ngettext("You have added %(num)d time in care",
                        "You have added %(num)d times in care", count)  # fmt: skip
    assert said == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_names_carry_no_english_of_their_own(lang: str) -> None:
    """The English legal name is added once by the page, so the translation leaves it out."""
    strings = {m.id: m.string for m in catalogue(lang) if m.id in STATUS_TERMS}
    assert len(strings) == 4
    assert [term for term, text in strings.items() if "(" in text or term in text] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entitlement_page_names_each_status_once_with_its_english(
    lang: str, page: Callable[..., BeautifulSoup]
) -> None:
    """'Who it is for' brackets each status once: (translated name, English name)."""
    who = page(f"/{lang}{HOME_ALLOWANCE}").select_one(".govuk-summary-list__value ul")
    text = who.get_text(" ", strip=True)
    assert "((" not in text.replace(" ", "") and "))" not in text.replace(" ", "")
    english = [span.get_text() for span in who.select("bdi[lang=en]")]
    assert english and all(english.count(term) == 1 for term in english)
    assert set(english) <= set(STATUS_TERMS)


def test_english_pages_do_not_repeat_the_status_name(page: Callable[..., BeautifulSoup]) -> None:
    """On English pages the legal name is the name, so nothing is added."""
    who = page(HOME_ALLOWANCE).select_one(".govuk-summary-list__value ul")
    assert who.select("bdi[lang=en]") == []
    assert "Former relevant child" in who.get_text()


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_amount_box_writes_pounds_as_the_page_does(
    lang: str, page: Callable[..., BeautifulSoup]
) -> None:
    """The amount box says £3,000 as the page's own text does: no UK£, 3 000 £ or 3.000 £."""
    prefix = "" if lang == "en" else f"/{lang}"
    soup = page(f"{prefix}{HOME_ALLOWANCE}")
    box = soup.select_one(".app-amount").get_text()
    assert "£3,000" in box
    assert "UK£" not in box and "3 000" not in box and "3.000" not in box
    assert "£3,000" in soup.select_one(".app-prose").get_text()
