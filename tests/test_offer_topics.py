"""The topics care leavers and real local offers cover are in the offer, in every language."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from localoffer.content import Offer
from localoffer.i18n import SHIPPED_LANGUAGES

# id -> (kind, theme): what each topic is, so a move to the wrong folder or kind is noticed.
TOPICS = {
    "disabled-care-leavers": ("statutory", "health"),
    "finding-an-nhs-dentist": ("national", "health"),
    "in-or-leaving-custody": ("statutory", "relationships"),
    "living-in-another-area": ("statutory", "relationships"),
    "do-i-count-as-a-care-leaver": ("statutory", "relationships"),
    "other-places-for-help": ("national", "relationships"),
    "registering-to-vote": ("national", "participation"),
    "bank-accounts": ("national", "finances"),
    "money-management-help": ("council", "finances"),
    "jobs-covenant-and-jobcentre": ("national", "education-employment-training"),
    "care-to-learn": ("national", "education-employment-training"),
}
OTHER_LANGUAGES = [lang for lang in SHIPPED_LANGUAGES if lang != "en"]


def page_url(offer: Offer, topic: str, lang: str) -> str:
    item = offer.get(topic)
    assert item is not None, f"{topic} is missing from the offer"
    return item.url if lang == "en" else f"/{lang}{item.url}"


@pytest.mark.parametrize(("topic", "expected"), TOPICS.items())
def test_each_missing_topic_is_in_the_offer_as_the_right_kind(
    shipped_offer: Offer, topic: str, expected: tuple[str, str]
) -> None:
    """Each topic exists, as law or national scheme or as the council's own offer."""
    item = shipped_offer.get(topic)
    assert item is not None
    assert (item.kind, item.theme) == expected


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_is_translated_from_its_current_english(
    shipped_offer: Offer, topic: str
) -> None:
    """Every language has the topic, made from today's English and marked not yet checked."""
    item = shipped_offer.get(topic)
    assert item is not None
    assert sorted(item.translations) == sorted(OTHER_LANGUAGES)
    for lang, translation in item.translations.items():
        assert not translation.stale, f"{topic}.{lang}.md is out of date"
        assert not translation.reviewed, f"{topic}.{lang}.md claims a fluent speaker checked it"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_every_link_inside_the_topics_lands_on_a_page_and_anchor(
    shipped_offer: Offer, page: Callable[..., BeautifulSoup], lang: str
) -> None:
    """Glossary, checker and page links in the new topics open, in the reader's language."""
    targets: dict[str, BeautifulSoup] = {}
    for topic in TOPICS:
        main = page(page_url(shipped_offer, topic, lang)).select_one("main")
        for link in main.select(".app-prose a[href^='/']"):
            href = urlsplit(link["href"])
            if lang != "en":
                assert href.path.startswith(f"/{lang}/"), f"{topic} ({lang}) links to {href.path}"
            if href.path not in targets:
                targets[href.path] = page(href.path)
            if href.fragment:
                assert targets[href.path].find(id=href.fragment), f"{topic}: no #{href.fragment}"
    prefix = "" if lang == "en" else f"/{lang}"
    expected = {"/check/", "/glossary/", "/health/prescriptions-dental-eye-care/"}
    assert {prefix + path for path in expected} <= set(targets)


def test_other_places_for_help_gives_every_line_as_a_tap_to_call_link(
    shipped_offer: Offer, page: Callable[..., BeautifulSoup]
) -> None:
    """Each organisation's free number can be tapped on a phone, and its website opened."""
    main = page(page_url(shipped_offer, "other-places-for-help", "en")).select_one("main")
    numbers = {link["href"] for link in main.select("a[href^='tel:']")}
    assert {"tel:08000232033", "tel:08088005792", "tel:08001448848", "tel:08088004444",
            "tel:111", "tel:116123"} <= numbers  # fmt: skip
    sites = {urlsplit(link["href"]).hostname for link in main.select("a[href^='https:']")}
    assert {"becomecharity.org.uk", "coramvoice.org.uk", "www.reesfoundation.org",
            "www.citizensadvice.org.uk", "england.shelter.org.uk", "111.nhs.uk",
            "www.samaritans.org"} <= sites  # fmt: skip


def test_the_councils_money_help_says_at_once_that_the_council_is_made_up(
    shipped_offer: Offer, page: Callable[..., BeautifulSoup]
) -> None:
    """Straight after who it is for, the page says Northwold and its offer are an example."""
    prose = page(page_url(shipped_offer, "money-management-help", "en")).select_one(".app-prose")
    who, example = (p.get_text() for p in prose.select("p")[:2])
    assert who.startswith("This is for you if ")
    assert example.startswith("Northwold is a made-up council.")


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_language_names_the_made_up_council_in_its_first_words(
    shipped_offer: Offer, page: Callable[..., BeautifulSoup], lang: str
) -> None:
    """The translated warning names Northwold as written in English, so it can be recognised."""
    prose = page(page_url(shipped_offer, "money-management-help", lang)).select_one(".app-prose")
    assert "Northwold" in prose.select("p")[1].get_text()
