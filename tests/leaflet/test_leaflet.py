"""The whole offer as a leaflet: /leaflet/ to read or print, /leaflet.pdf to download,
made from the loaded offer in every language (issue 19, point 6; DfE statutory guidance
on the local offer expects it in printed form as well as online)."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from datetime import date

import pypdf
import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer.i18n import KNOWN_LANGUAGES
from localoffer.leaflet import pdf as leaflet_pdf
from localoffer.web.formatting import money

LANGUAGES = ("en", "ar", "fa", "ps", "ckb", "ti", "vi", "sq")
PART_IDS = {"statutory": "leaflet-statutory", "national": "leaflet-national",
            "council": "leaflet-council"}  # fmt: skip
ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
# Words whose glyphs a PDF reader cannot map back one for one: a mark (shadda, fatha...)
# or a lam-alef ligature (one glyph for two letters). They print correctly; text extraction
# and copying from the PDF can lose or move a letter in them, so the words are not compared.
NOT_COMPARED = re.compile(r"[\u064b-\u0652\u0670]|ل[اأإآ]")


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"/{lang}"


def listed(page: BeautifulSoup) -> list[str]:
    return [li["data-id"] for li in page.select(".app-leaflet__item")]


def pdf_of(client: FlaskClient, lang: str) -> tuple[pypdf.PdfReader, str, bytes]:
    response = client.get(f"{prefix(lang)}/leaflet.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return reader, text, response.data


def fonts_in(reader: pypdf.PdfReader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_the_page_lists_every_entitlement_once_under_its_kind(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """The statutory offer, national schemes and the council's own offer, each in full."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get("/leaflet/"))
    assert sorted(listed(page)) == sorted(e.id for e in offer.entitlements)
    for kind, section_id in PART_IDS.items():
        part = page.find(id=section_id).find_parent("section")
        assert set(listed(part)) == {e.id for e in offer.entitlements if e.kind == kind}, kind
    assert page.h1.get_text(strip=True) == "The whole offer in one leaflet"


def test_each_entitlement_shows_its_title_summary_ages_and_amount(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """Every item says who it is for by age and, where the content has one, how much today."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get("/leaflet/"))
    with_amounts = 0
    for item in offer.entitlements:
        entry = page.select_one(f'.app-leaflet__item[data-id="{item.id}"]')
        words = entry.get_text(" ", strip=True)
        assert item.title in words and item.summary in words
        assert f"From age {item.age_from} until you turn {item.age_to}" in words
        amount = item.amount_on(date(2026, 11, 23))
        if amount is not None:
            with_amounts += 1
            assert money(amount.gbp) in entry.select_one(".app-leaflet__detail").get_text(), item.id
    assert with_amounts >= 5  # the shipped offer has bursaries, grants and allowances


@pytest.mark.parametrize(
    ("day", "shown", "not_shown"),
    [
        (date(2023, 7, 31), "£1,000", "£3,000"),  # the old bursary, its last day
        (date(2023, 8, 1), "£3,000", "£1,000"),  # the new one, from the day it starts
        (date(2026, 11, 23), "£3,000", "£1,000"),
    ],
)
def test_the_amount_is_the_one_in_force_on_the_day(
    app: Flask, soup: Callable, day: date, shown: str, not_shown: str
) -> None:
    """Dated `amounts`: the apprentice bursary rose from £1,000 to £3,000 on 1 August 2023."""
    app.config["TODAY"] = day
    page = soup(app.test_client().get("/leaflet/"))
    entry = page.select_one('.app-leaflet__item[data-id="apprenticeship-bursary"]')
    detail = entry.select_one(".app-leaflet__detail").get_text(" ", strip=True)
    assert shown in detail and not_shown not in detail


def test_the_page_says_when_it_was_last_reviewed_and_printed(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    newest = max(e.last_reviewed for e in app.extensions["localoffer.offer"].entitlements)
    facts = soup(web.get("/leaflet/")).select_one(".app-leaflet__facts").get_text(" ", strip=True)
    assert f"Last reviewed: {newest.day} {newest:%B %Y}" in facts
    assert "Date printed: 23 November 2026" in facts


def test_the_page_gives_every_contact(app: Flask, web: FlaskClient, soup: Callable) -> None:
    council = app.extensions["localoffer.offer"].council
    section = soup(web.get("/leaflet/")).select_one(".app-leaflet__contacts")
    contacts = re.sub(r"\s+", " ", section.get_text(" "))
    for contact in council.contacts.values():
        assert contact.phone in contacts and contact.email in contacts, contact.key
    assert "The latest version is at http://localhost/leaflet/" in contacts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_in_every_language(
    app: Flask, web: FlaskClient, soup: Callable, lang: str
) -> None:
    """Each title in the page's language where a current translation exists, in English
    (marked as English) otherwise; and a link to the PDF in the same language."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get(f"{prefix(lang)}/leaflet/"))
    assert page.html["lang"] == lang and page.html["dir"] == KNOWN_LANGUAGES[lang].direction
    for item in offer.entitlements:
        title = page.select_one(f'.app-leaflet__item[data-id="{item.id}"] h4')
        translation = item.translations.get(lang)
        if lang != "en" and translation is not None and not translation.stale:
            assert title.get_text(strip=True) == translation.title
            assert not title.has_attr("lang")
        else:
            assert title.get_text(strip=True) == item.title
            assert title.get("lang") == ("en" if lang != "en" else None)
    assert page.select_one(f'a[href="{prefix(lang)}/leaflet.pdf"]')


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("start", ["/", "/contacts/"])
def test_home_and_contacts_link_to_the_leaflet(
    web: FlaskClient, soup: Callable, lang: str, start: str
) -> None:
    page = soup(web.get(f"{prefix(lang)}{start}"))
    link = page.select_one(f'main a[href="{prefix(lang)}/leaflet/"]')
    assert link is not None
    if lang == "en":
        assert link.get_text(strip=True) == "The whole offer in one leaflet"


def test_the_english_pdf_holds_the_whole_offer(app: Flask, web: FlaskClient) -> None:
    offer = app.extensions["localoffer.offer"]
    reader, text, _ = pdf_of(web, "en")
    assert 4 <= len(reader.pages) <= 12
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert "Support for care leavers from Northwold Council" in text
    for item in offer.entitlements:
        assert item.title in text, item.id
    assert "How much on 23 November 2026: £3,000" in text
    newest = max(e.last_reviewed for e in offer.entitlements)
    assert f"Last reviewed: {newest.day} {newest:%B %Y}" in text
    for contact in offer.council.contacts.values():
        assert contact.phone in text, contact.key
    assert fonts_in(reader) == {"Leaflet-Latin", "Leaflet-Latin-Bold"}


def test_the_arabic_pdf_is_shaped_with_the_shipped_arabic_font(
    app: Flask, web: FlaskClient
) -> None:
    """Arabic is laid out by HarfBuzz: each glyph maps back to its letter, so the words of
    every translated title read back in order (but see NOT_COMPARED)."""
    offer = app.extensions["localoffer.offer"]
    reader, text, _ = pdf_of(web, "ar")
    assert len(reader.pages) <= 14
    for known in ("الصحة والعافية", "السكن", "ما يقول القانون إنك تستطيع الحصول عليه",
                  "حتى تبلغ"):  # fmt: skip
        assert known in text
    found = set(ARABIC_WORD.findall(text))
    checked = 0
    for item in offer.entitlements:
        translation = item.translations.get("ar")
        if translation is None or translation.stale:
            continue
        for word in ARABIC_WORD.findall(translation.title):
            if not NOT_COMPARED.search(word):
                checked += 1
                assert word in found, (item.id, word)
    assert checked > 80
    assert "£3,000" in text  # the amount, "£" before the figure, as on every page
    # Numbers and addresses isolated from the Arabic around them keep their order.
    for contact in offer.council.contacts.values():
        assert contact.phone in text, contact.key
    assert "http://localhost/ar/leaflet/" in text
    assert {"Leaflet-Arabic", "Leaflet-Arabic-Bold"} <= fonts_in(reader)
    assert reader.metadata.title == "دعم الشباب الذين غادروا الرعاية من Northwold Council"


def test_the_tigrinya_pdf_uses_the_ethiopic_font(app: Flask, web: FlaskClient) -> None:
    """Tigrinya is written in Ethiopic script, which the Latin and Arabic fonts lack."""
    offer = app.extensions["localoffer.offer"]
    reader, text, _ = pdf_of(web, "ti")
    assert {"Leaflet-Ethiopic", "Leaflet-Ethiopic-Bold"} <= fonts_in(reader)
    titles = [e.translations["ti"].title for e in offer.entitlements
              if "ti" in e.translations and not e.translations["ti"].stale]  # fmt: skip
    assert len(titles) > 30
    for title in titles:
        assert re.sub(r"\s+", " ", title) in text


def test_the_pdf_is_a_download_kept_until_the_content_changes(app: Flask, web: FlaskClient) -> None:
    """The same bytes and validator until a revision changes the offer; then a new PDF
    with the new words, made without a restart."""
    first = web.get("/leaflet.pdf")
    assert first.headers["Content-Disposition"] == 'attachment; filename="local-offer-en.pdf"'
    again = web.get("/leaflet.pdf")
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    unchanged = web.get("/leaflet.pdf", headers={"If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304

    offer = app.extensions["localoffer.offer"]
    edited = dataclasses.replace(offer.get("personal-adviser"),
                                 summary="A new summary the forum asked for.")  # fmt: skip
    app.extensions["localoffer.offer"] = dataclasses.replace(
        offer, entitlements=tuple(edited if e.id == edited.id else e for e in offer.entitlements)
    )
    changed = web.get("/leaflet.pdf", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]
    _, text, _ = pdf_of(web, "en")
    assert "A new summary the forum asked for." in text


def test_the_pdf_loads_nothing_from_other_websites() -> None:
    """Whatever a content file links to, making the PDF opens only the shipped files."""
    fetch = leaflet_pdf._local_fetcher()
    with pytest.raises(ValueError, match="only its own files"):
        fetch("https://example.org/picture.png")
    with pytest.raises(ValueError, match="only its own files"):
        fetch("file:///etc/passwd")
    page = '<html lang="en"><p>Hello<img src="https://example.org/x.png" alt=""></p></html>'
    made = leaflet_pdf.make_pdf(page)
    words = pypdf.PdfReader(io.BytesIO(made)).pages[0].extract_text().split()
    assert words == ["Hello", "1", "/", "1"]  # and the page number
