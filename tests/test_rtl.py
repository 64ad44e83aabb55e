"""Right-to-left details that hold on every page as rendered: pounds written "£3,000" in
every language, and English inside another language isolated with <bdi>, so that its
letters and the brackets and full stops around it keep their order (issue 19, point 7)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer.content import Offer
from localoffer.i18n import KNOWN_LANGUAGES, SHIPPED_LANGUAGES

OTHER_LANGUAGES = [code for code in SHIPPED_LANGUAGES if code != "en"]
RIGHT_TO_LEFT = [code for code in OTHER_LANGUAGES if KNOWN_LANGUAGES[code].direction == "rtl"]

# Pounds as the English pages write them: £3,000 or £57.89, thousands with a comma.
STERLING = re.compile(r"£\d{1,3}(?:,\d{3})*(?:\.\d\d)?(?!\d)")
# What a language's own currency format or a careless translation would give instead.
NOT_STERLING = re.compile(
    r"UK£|£\s*UK|GBP|£[\s\u00a0\u202f]+\d|\d[\s\u00a0\u202f]*£|£\d{1,3}(?:[.\u066c\u00a0 ]\d{3})+"
    r"|£[\u0660-\u0669\u06f0-\u06f9]|[\u0660-\u0669\u06f0-\u06f9][\s\u00a0]*£"
)


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"/{lang}"


def text_of(client: FlaskClient, url: str) -> tuple[BeautifulSoup, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.data, "html.parser")
    return soup, soup.body.get_text(" ")


@pytest.mark.parametrize(("text", "right"), [
    ("£3,000", True), ("up to £2,000 a year", True), ("£57.89 a week", True),
    ("UK£3,000", False), ("£UK 3,000", False), ("3,000 £", False), ("3 000 £", False),
    ("£3.000", False), ("£3\u00a0000", False), ("GBP 3,000", False),
    ("£\u0663\u066c\u0660\u0660\u0660", False),  # £3,000 in Arabic-Indic digits
])  # fmt: skip
def test_the_amount_check_tells_pounds_from_other_formats(text: str, right: bool) -> None:
    """The patterns below can fail: each wrong way of writing pounds is caught."""
    assert (NOT_STERLING.search(text) is None and bool(STERLING.search(text))) == right


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_every_amount_on_every_entitlement_page_is_written_in_pounds(
    client: FlaskClient, shipped_offer: Offer, lang: str
) -> None:
    """Each page of an entitlement with an amount says it as "£3,000", in its amount box and
    wherever the page mentions pounds; never "UK£", "3 000 £" or Arabic-Indic digits."""
    with_amounts = [item for item in shipped_offer.entitlements if item.amounts]
    assert with_amounts, "the shipped offer has amounts to check"
    for item in with_amounts:
        url = f"{prefix(lang)}/{item.theme}/{item.id}/"
        soup, text = text_of(client, url)
        box = soup.select_one(".app-amount")
        if box is not None:
            assert STERLING.search(box.get_text()), (url, box.get_text())
        assert NOT_STERLING.search(text) is None, (url, NOT_STERLING.search(text))
        if "£" in text:
            assert STERLING.search(text), url


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_council_name_is_isolated_english_in_running_text(app: Flask, lang: str) -> None:
    """council.yaml's name is English: in a sentence of another language it is a <bdi> marked
    English, with the sentence's own punctuation outside it; the <title> stays plain text."""
    client = app.test_client()
    name = app.extensions["localoffer.offer"].council.name
    soup, _text = text_of(client, f"{prefix(lang)}/")
    for where in ("main h1", ".app-demo-banner__short", ".govuk-footer p"):
        isolated = soup.select_one(where).find("bdi", string=name)
        assert isolated is not None, where
        assert (isolated["lang"], isolated["dir"]) == ("en", "ltr")
    assert "<" not in soup.title.get_text() and name in soup.title.get_text()


def test_english_pages_keep_the_council_name_plain(page: Callable[..., BeautifulSoup]) -> None:
    soup = page("/")
    assert soup.select_one("main h1 bdi") is None
    assert soup.select_one(".app-demo-banner bdi") is None


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_english_contact_names_and_addresses_are_isolated(
    page: Callable[..., BeautifulSoup], lang: str
) -> None:
    """An address (never translated) is a <bdi> marked English inside its list item, so its
    commas run left to right while the page runs right to left."""
    contacts = page(f"/{lang}/contacts/").select(".app-contact")
    addresses = [bdi for card in contacts for bdi in card.select("li > bdi[lang=en]")]
    assert any("Market Street" in bdi.get_text() for bdi in addresses)
    assert all(bdi["dir"] == "ltr" for bdi in addresses)
    # Nothing English marked with a plain <span> is left in a contact card.
    assert not [card for card in contacts if card.select('span[lang="en"]')]


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_status_legal_names_are_bracketed_outside_their_isolation(
    page: Callable[..., BeautifulSoup], lang: str
) -> None:
    """In "(Former relevant child)" the brackets belong to the sentence, outside the <bdi>, so
    a right-to-left page mirrors them as its own; inside is only the English name."""
    who = page(f"{prefix(lang)}/finances/setting-up-home-allowance/").select_one(
        ".govuk-summary-list__value ul"
    )
    isolated = who.select("bdi[lang=en]")
    assert isolated
    for bdi in isolated:
        assert "(" not in bdi.get_text() and ")" not in bdi.get_text()
        # "(translated name, English name)": the closing bracket follows the <bdi>, the
        # opening one comes earlier in the same item, both in the page's own direction.
        item_text = str(bdi.parent)
        assert str(bdi.next_sibling).startswith(")"), bdi.next_sibling
        assert "(" in item_text[: item_text.index(str(bdi))]
