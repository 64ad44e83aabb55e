"""Phone first: on a 360 x 780 phone, in English and right to left, each checker question
and its first answer, and the home page's way into the checker, are in the first screen.

Measured in a real browser as laid out by the shipped stylesheets, with JavaScript off (the
pages must work without it, and nothing the script does may be needed to fit).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page

from . import site
from .conftest import post_answers

PHONE = {"width": 360, "height": 780}
LANGUAGES = ("en", "ar")


def questions() -> list[tuple[str, tuple[site.Answer, ...]]]:
    """Every question page of both ways through the checker (exact dates, rough answers),
    each with the answers that lead to it, in the order they are asked."""
    found: dict[str, tuple[site.Answer, ...]] = {}
    for answers in (site.DATES_ANSWERED, site.ROUGH_ANSWERED):
        for index, (path, _fields) in enumerate(answers):
            found.setdefault(path, answers[:index])
    return list(found.items())


QUESTIONS = questions()

# Where a node's box ends, from the top of the page (the page is not scrolled).
BOTTOM = "element => element.getBoundingClientRect().bottom + window.scrollY"


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    with browser.new_context(
        base_url=base_url, viewport=PHONE, java_script_enabled=False
    ) as context:
        yield context


def bottom_of(tab: Page, selector: str) -> float:
    found = tab.locator(selector)
    assert found.count(), f"{tab.url} has no {selector}"
    return found.first.evaluate(BOTTOM)


def test_both_ways_through_the_checker_are_measured() -> None:
    """The list covers both routes' questions, so a question added to either is measured."""
    paths = [path for path, _given in QUESTIONS]
    assert paths[:2] == ["/check/route/", "/check/date-of-birth/"]
    assert {"/check/care-periods/0/", "/check/in-care-now/", "/check/education/"} <= set(paths)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("path", "given"), QUESTIONS, ids=[p for p, _g in QUESTIONS])
def test_each_question_and_its_first_answer_are_in_the_first_screen(
    phone: BrowserContext, lang: str, path: str, given: tuple[site.Answer, ...]
) -> None:
    post_answers(phone, given, lang)
    tab = phone.new_page()
    tab.goto(site.prefix(lang) + path)
    heading = bottom_of(tab, "main h1")
    answer = bottom_of(tab, "main form input:not([type=hidden])")
    assert heading <= PHONE["height"], f"{path} ({lang}): heading ends at {heading:.0f}px"
    assert answer <= PHONE["height"], f"{path} ({lang}): first answer ends at {answer:.0f}px"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_starts_the_checker_in_the_first_screen(phone: BrowserContext, lang: str) -> None:
    tab = phone.new_page()
    tab.goto(site.prefix(lang) + "/")
    start = tab.locator("main a.govuk-button--start")
    assert start.count() == 1
    assert start.get_attribute("href") == f"{site.prefix(lang)}/check/"
    bottom = start.evaluate(BOTTOM)
    assert bottom <= PHONE["height"], f"home ({lang}): start button ends at {bottom:.0f}px"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_search_and_languages_are_shown_without_a_script(
    phone: BrowserContext, live_app: Flask, lang: str
) -> None:
    """Nothing is folded away for a script to open: every menu link, the search box and the
    Language link are on the screen, and the demo banner still says the council is made up."""
    tab = phone.new_page()
    tab.goto(site.prefix(lang) + "/contacts/")
    for link in tab.locator(".govuk-service-navigation__list a").all():
        assert link.is_visible() and link.evaluate(BOTTOM) <= PHONE["height"], link
    assert tab.locator(f'a[href="{site.prefix(lang)}/languages/"]').is_visible()
    assert tab.locator("#app-header-search").is_visible()
    assert tab.locator(".app-demo-banner__short").is_visible()
    assert not tab.locator(".app-demo-banner__more").is_visible()
    council = live_app.extensions["localoffer.offer"].council.name
    assert council in tab.locator(".app-demo-banner__short").inner_text()


def test_the_whole_demo_banner_shows_on_a_wider_screen(browser: Browser, base_url: str) -> None:
    with browser.new_context(base_url=base_url, viewport={"width": 1024, "height": 768}) as wide:
        tab = wide.new_page()
        tab.goto("/")
        assert tab.locator(".app-demo-banner__more").is_visible()
        assert not tab.locator(".app-demo-banner__short").is_visible()
