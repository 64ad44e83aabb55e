"""The printable summary of a result: status, dates, contacts, the date printed, a PA's check."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer.config import PROJECT_ROOT

TODAY = date(2026, 11, 23)
QUERY = "dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"


@pytest.fixture
def web(web: FlaskClient, finish_checker: Callable[..., None]) -> FlaskClient:
    """A browser that has answered every question."""
    finish_checker(web)
    return web


def printed(web: FlaskClient, url: str = "/check/result/print/") -> BeautifulSoup:
    response = web.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return BeautifulSoup(response.data, "html.parser")


def print_rules(stylesheet: str) -> str:
    """Everything inside the compiled stylesheet's @media print blocks."""
    css = (PROJECT_ROOT / "static" / "css" / stylesheet).read_text()
    blocks = []
    for match in re.finditer(r"@media print\{", css):
        depth, i = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        blocks.append(css[match.end() : i])
    return "".join(blocks)


def test_the_summary_gives_the_status_and_the_dates_printed_and_checked(web: FlaskClient) -> None:
    """Status in law and in words, the date printed and the date of birth."""
    page = printed(web)
    facts = page.select_one(".app-print-summary__facts").get_text(" ")
    assert "Former relevant child" in facts
    assert "You are a care leaver aged 18 or over" in facts
    assert "Date printed" in facts and "23 November 2026" in facts
    assert "1 May 2007" in facts


def test_the_summary_lists_each_entitlement_with_its_dates(web: FlaskClient) -> None:
    """Every applying entitlement, grouped by theme, with from and until."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
    }).get_json()  # fmt: skip
    page = printed(web)
    rows = page.select(".app-print-entitlements tr[data-id]")
    assert sorted(r["data-id"] for r in rows) == sorted(e["id"] for e in api["entitlements"])
    adviser = page.select_one('.app-print-entitlements tr[data-id="personal-adviser"]')
    cells = [td.get_text(" ", strip=True) for td in adviser.select("td")]
    assert cells[1:] == ["1 May 2025", "30 April 2032"]


def test_the_summary_has_the_contacts_and_a_note_that_the_adviser_confirms_it(
    web: FlaskClient,
) -> None:
    """Who to call, and that the result is the checker's, to be confirmed by the PA."""
    page = printed(web)
    contacts = page.select_one(".app-print-contacts").get_text(" ")
    assert "Leaving care team" in contacts and "Advocacy" in contacts
    assert page.select_one(".app-print-contacts a[href^='tel:']") is not None
    assert "the personal adviser confirms it" in page.select_one(".app-print-confirm").get_text()


def test_the_summary_carries_the_turning_points_and_amounts(web: FlaskClient) -> None:
    """What changes next prints with the summary (without the calendar link), and so do the
    amounts in force."""
    page = printed(web)
    days = [li["data-day"] for li in page.select(".app-print-summary .app-turning-point")]
    assert days == ["2028-05-01", "2032-05-01"]
    assert page.select_one('a[href*="calendar.ics"]') is None
    row = page.select_one('tr[data-id="setting-up-home-allowance"]')
    amount = " ".join(row.select_one(".app-result-amount").get_text(" ").split())
    assert amount == "How much on 23 November 2026 : at least £3,000"


def test_the_print_view_hides_navigation_when_printed(web: FlaskClient) -> None:
    """Menu (with its Language link) and back link carry classes the print stylesheet hides."""
    page = printed(web)
    for selector in (".govuk-service-navigation", ".govuk-back-link"):
        assert page.select_one(selector) is not None, selector
    assert page.select(".app-no-print")
    for stylesheet in ("app.css", "app.rtl.css"):
        rules = print_rules(stylesheet)
        hidden = {
            selector
            for found in re.finditer(r"([^{}]*)\{display:none ?!important\}", rules)
            for selector in found.group(1).split(",")
        }
        for selector in (".govuk-service-navigation", ".govuk-back-link", ".app-no-print"):
            assert selector in hidden, (stylesheet, selector)
        assert "size:A4" in rules.replace(" ", "")


def test_the_summary_prints_from_a_shared_link_too(app: Flask) -> None:
    """A PA who was sent a link can print it, without any session."""
    app.config["TODAY"] = TODAY
    client = app.test_client()
    page = printed(client, "/check/result/print/?" + QUERY)
    assert page.select_one('.app-print-entitlements tr[data-id="personal-adviser"]') is not None
    assert page.select_one(".govuk-back-link")["href"].startswith("/check/shared/?dob=2007-05-01")


def test_printing_without_answers_goes_back_to_the_questions(app: Flask) -> None:
    """No finished answers and no link: nothing to print yet."""
    response = app.test_client().get("/check/result/print/")
    assert response.status_code == 302 and response.headers["Location"] == "/check/answers/"


def test_the_result_page_links_to_print_and_share(web: FlaskClient) -> None:
    """From the result: print a summary, share a link, or go through the whole offer."""
    page = BeautifulSoup(web.get("/check/result/").data, "html.parser")
    hrefs = [a["href"] for a in page.select(".app-keep-list a")]
    assert hrefs == ["/check/result/print/", "/check/result/share/", "/walkthrough/"]


def test_printing_a_changed_link_says_what_is_wrong_instead(web: FlaskClient) -> None:
    """A shared link cut short prints no summary: 400, the problem in words, kept nowhere."""
    response = web.get("/check/result/print/?dob=2007-05-01&care=..2021-06-01")
    assert response.status_code == 400
    page = BeautifulSoup(response.data, "html.parser")
    assert page.h1.get_text(strip=True) == "This link does not work"
    assert response.headers["Cache-Control"] == "no-store"
