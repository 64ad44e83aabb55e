"""Entitlement and result pages print cleanly for a personal adviser: no menus, addresses shown."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page

from . import site
from .conftest import post_answers

# Page furniture that is no use on paper.
NOT_ON_PAPER = (
    ".govuk-skip-link",
    ".govuk-service-navigation",
    ".app-header-search",
    ".govuk-back-link",
)

HIDDEN = """selectors => selectors
  .filter(s => document.querySelector(s))
  .filter(s => getComputedStyle(document.querySelector(s)).display !== "none")"""

# Links in the main content whose address does not follow them on paper.
LINKS_WITHOUT_ADDRESS = """() => [...document.querySelectorAll('main a[href]')]
  .filter(a => /^(\\/|https?:)/.test(a.getAttribute("href")))
  .filter(a => !a.classList.contains("app-print-no-href") && a.closest(":not(.app-no-print)"))
  .filter(a => a.getClientRects().length)
  .filter(a => !getComputedStyle(a, "::after").content.includes(a.getAttribute("href")))
  .map(a => a.outerHTML.slice(0, 120))"""


def assert_prints_cleanly(page: Page) -> None:
    page.emulate_media(media="print")
    shown = page.evaluate(HIDDEN, list(NOT_ON_PAPER))
    assert not shown, f"{page.url} prints its {shown}"
    assert page.locator("main h1").is_visible()
    assert page.locator("main a[href]").count(), f"{page.url} has no links to check"
    missing = page.evaluate(LINKS_WITHOUT_ADDRESS)
    assert not missing, f"{page.url} prints links without their address: {missing}"


@pytest.mark.parametrize("lang", site.english_and_right_to_left())
def test_an_entitlement_prints_without_navigation_and_with_link_addresses(
    tab: Page, live_app: Flask, lang: str
) -> None:
    """A printed entitlement keeps its content and says where each link goes."""
    item = live_app.extensions["localoffer.offer"].get("personal-adviser")
    tab.goto(f"{site.prefix(lang)}/{item.theme}/{item.id}/")
    assert_prints_cleanly(tab)


@pytest.mark.parametrize("lang", site.english_and_right_to_left())
def test_a_checker_result_prints_without_navigation_and_with_link_addresses(
    context: BrowserContext, tab: Page, lang: str
) -> None:
    """A printed result, to take to a pathway plan meeting, has no menus and shows addresses."""
    post_answers(context, site.DATES_ANSWERED, lang)
    tab.goto(f"{site.prefix(lang)}/check/result/")
    assert_prints_cleanly(tab)
