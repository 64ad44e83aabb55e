"""/walkthrough/: every entitlement theme by theme, marked from a result, nothing ever sent."""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer.content import THEMES

QUERY = "dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"


def listed(page: BeautifulSoup) -> list[str]:
    return [item["data-id"] for item in page.select(".app-walkthrough__item")]


def applying(web: FlaskClient) -> set[str]:
    """What the JSON API says applies to the known case."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
    }).get_json()  # fmt: skip
    return {e["id"] for e in api["entitlements"]}


def test_the_walkthrough_lists_every_entitlement_once(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """With no result, the whole offer: every entitlement, each exactly once."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get("/walkthrough/"))
    assert sorted(listed(page)) == sorted(e.id for e in offer.entitlements)


def test_the_walkthrough_goes_theme_by_theme(app: Flask, web: FlaskClient, soup: Callable) -> None:
    """Sections follow the themes' order and hold that theme's entitlements."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get("/walkthrough/"))
    sections = page.select(".app-walkthrough__theme")
    assert [s["aria-labelledby"] for s in sections] == [f"theme-{t}" for t in THEMES]
    for section, theme in zip(sections, THEMES, strict=True):
        assert set(listed(section)) == {e.id for e in offer.in_theme(theme)}
    assert sections[0].h2.get_text(strip=True) == "1 of 6: Health and wellbeing"


def test_each_entitlement_has_its_summary_a_tick_box_and_a_note(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """The one-line summary, "we talked about this", and a note, each labelled."""
    adviser = app.extensions["localoffer.offer"].get("personal-adviser")
    page = soup(web.get("/walkthrough/"))
    item = page.select_one('.app-walkthrough__item[data-id="personal-adviser"]')
    assert adviser.summary in item.get_text(" ")
    box = item.select_one("input[type=checkbox]")
    label = item.select_one(f'label[for="{box["id"]}"]').get_text(" ", strip=True)
    assert label.startswith("We talked about this") and "A personal adviser" in label
    note = item.select_one("textarea")
    assert page.select_one(f'label[for="{note["id"]}"]') is not None


def test_nothing_on_the_walkthrough_can_be_sent(web: FlaskClient, soup: Callable) -> None:
    """No walkthrough form, and no box, note or name has a name a form could send."""
    page = soup(web.get("/walkthrough/"))
    main = page.select_one("main")
    assert main.select("form") == []
    fields = main.select("input, textarea, select")
    assert len(fields) > 20
    assert all(not f.has_attr("name") and not f.has_attr("form") for f in fields)
    assert all(f.get("autocomplete") == "off" for f in fields)
    privacy = main.select_one(".app-walkthrough__privacy").get_text(" ")
    assert "Nothing you tick or type here is sent to us or saved" in privacy


def test_the_checklist_has_a_first_name_box_and_the_date(web: FlaskClient, soup: Callable) -> None:
    """For the printed checklist: the young person's first name if typed, and today's date."""
    page = soup(web.get("/walkthrough/"))
    name = page.select_one("input#walkthrough-name[type=text]")
    assert "first name" in page.select_one('label[for="walkthrough-name"]').get_text()
    assert not name.has_attr("name")
    assert "23 November 2026" in page.select_one(".app-walkthrough__date").get_text()
    assert page.select_one(".app-print-only") is not None


def test_a_finished_checker_shows_exactly_what_applies(
    web: FlaskClient, finish_checker: Callable[..., None], soup: Callable
) -> None:
    """With this browser's finished answers, only what applies, each marked "Applies"."""
    finish_checker(web)
    response = web.get("/walkthrough/")
    page = soup(response)
    assert set(listed(page)) == applying(web)
    assert len(listed(page)) == len(applying(web))
    assert {i["data-standing"] for i in page.select(".app-walkthrough__item")} == {"applies"}
    assert response.headers["Cache-Control"] == "no-store"


def test_a_shared_link_marks_the_walkthrough_too(web: FlaskClient, soup: Callable) -> None:
    """The answers in a shared link filter the walkthrough the same way, and keep no session."""
    response = web.get("/walkthrough/?" + QUERY)
    assert set(listed(soup(response))) == applying(web)
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_the_whole_offer_can_be_shown_with_each_marked(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """show=all lists everything again, each marked from the answers."""
    offer = app.extensions["localoffer.offer"]
    page = soup(web.get("/walkthrough/?show=all&" + QUERY))
    standings = {i["data-id"]: i["data-standing"] for i in page.select(".app-walkthrough__item")}
    assert set(standings) == {e.id for e in offer.entitlements}
    assert {k for k, v in standings.items() if v == "applies"} == applying(web)
    assert "not-from-answers" in standings.values()
    item = page.select_one('.app-walkthrough__item[data-id="personal-adviser"]')
    assert "From 1 May 2025 until 30 April 2032" in " ".join(item.get_text(" ").split())


def test_the_filtered_walkthrough_links_to_the_whole_offer(
    web: FlaskClient, soup: Callable
) -> None:
    """From the filtered list, one link back to everything, keeping the shared answers."""
    page = soup(web.get("/walkthrough/?" + QUERY))
    link = page.find("a", string="Show the whole offer")
    assert link["href"].startswith("/walkthrough/?") and "show=all" in link["href"]
    assert "dob=2007-05-01" in link["href"]


def test_the_plain_walkthrough_may_be_cached(web: FlaskClient, soup: Callable) -> None:
    """Without anyone's answers the page is public, so it is not marked private."""
    response = web.get("/walkthrough/")
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert soup(response).select_one('meta[name="robots"]') is None


def test_a_broken_shared_link_on_the_walkthrough_says_what_is_wrong(
    web: FlaskClient, soup: Callable
) -> None:
    """A changed link gives the helpful 400 page, not a walkthrough for the wrong person."""
    response = web.get("/walkthrough/?dob=2007-02-30")
    assert response.status_code == 400
    assert "This link does not work" in soup(response).h1.get_text()


def test_the_walkthrough_reads_right_to_left_in_arabic(web: FlaskClient, soup: Callable) -> None:
    """Arabic: the page is dir=rtl, with the mirrored stylesheet."""
    page = soup(web.get("/ar/walkthrough/"))
    assert page.html["dir"] == "rtl"
    assert page.select_one('link[href*="app.rtl."]') is not None
    assert page.select(".app-walkthrough__item")


def test_each_amount_is_the_one_in_force_on_the_walkthrough_date(
    web: FlaskClient, soup: Callable
) -> None:
    """The apprenticeship bursary shows £3,000, the figure in force on the day."""
    page = soup(web.get("/walkthrough/"))
    item = page.select_one('[data-id="apprenticeship-bursary"] .app-walkthrough__amount')
    assert item is not None and "£3,000" in item.get_text()
    assert "£1,000" not in item.get_text()
