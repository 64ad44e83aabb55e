"""Printed on A4 by Chromium: My plan on at most two pages, what applies on at most four.

Issue 19, point 5. Counted in English and in Arabic (right to left, longer words), from
PDFs Chromium makes with the print stylesheet, as a browser's "Save as PDF" would.
"""

from __future__ import annotations

import io

import pytest
from flask import Flask
from playwright.sync_api import Page
from pypdf import PdfReader

from . import site
from .site_plan import biggest_plan

# The worked example of docs/architecture.md: former relevant, 51 things apply or may apply.
ANSWERS = "dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"


def printed_pages(tab: Page, url: str) -> int:
    response = tab.goto(url)
    assert response is not None and response.status == 200, url
    return len(PdfReader(io.BytesIO(tab.pdf(format="A4"))).pages)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_biggest_plan_a_link_can_hold_prints_on_two_a4_pages(
    tab: Page, live_app: Flask, lang: str
) -> None:
    """Ten things, every field filled as far as the link's bound allows, two languages."""
    query = biggest_plan(live_app, reads="ar" if lang == "en" else "en")
    url = f"{site.prefix(lang)}/walkthrough/plan/?{query}"
    pages = printed_pages(tab, url)
    assert 1 <= pages <= 2, f"{url} prints on {pages} pages"
    tab.emulate_media(media="print")
    assert tab.locator("svg.app-plan__qr").is_visible()
    assert tab.locator(".app-plan__item").count() == 10


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_what_applies_prints_on_at_most_four_a4_pages(
    tab: Page, live_app: Flask, lang: str
) -> None:
    """The walkthrough marked from answers, as printed for a pathway plan meeting."""
    url = f"{site.prefix(lang)}/walkthrough/?{ANSWERS}"
    pages = printed_pages(tab, url)
    listed = tab.locator(".app-walkthrough__item").count()
    assert listed > 40  # the whole of what applies, not a cut-down list
    assert 1 <= pages <= 4, f"{url} prints {listed} things on {pages} pages"
