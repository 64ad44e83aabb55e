"""/walkthrough/: every entitlement theme by theme, marked from a result, nothing ever sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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


def maybe(web: FlaskClient) -> set[str]:
    """What the JSON API says may also apply to the known case, once a fact is checked."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
    }).get_json()  # fmt: skip
    return {e["id"] for e in api["may_also_apply"]}


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


def test_each_entitlement_has_its_summary_and_a_box_to_add_it_to_the_plan(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """The one-line summary, and "Add to my plan", labelled with the entitlement's title."""
    adviser = app.extensions["localoffer.offer"].get("personal-adviser")
    page = soup(web.get("/walkthrough/"))
    item = page.select_one('.app-walkthrough__item[data-id="personal-adviser"]')
    assert adviser.summary in item.get_text(" ")
    box = item.select_one("input[type=checkbox]")
    label = item.select_one(f'label[for="{box["id"]}"]').get_text(" ", strip=True)
    assert label.startswith("Add to my plan") and "A personal adviser" in label
    assert (box["name"], box["value"]) == ("item", "personal-adviser")


def test_the_walkthrough_sends_only_the_ticked_ids_to_the_plan_form(
    web: FlaskClient, soup: Callable
) -> None:
    """One GET form to the plan's form; its only fields are the tick boxes (joined to it by
    its id, so a static copy that leaves the form out keeps the offer), so nothing typed is
    sent from here, and no answers either."""
    page = soup(web.get("/walkthrough/?" + QUERY))
    forms = page.select("main form")
    assert len(forms) == 1
    form = forms[0]
    assert form["method"] == "get" and form["action"] == "/walkthrough/plan/edit/"
    fields = page.select("main input, main textarea, main select")
    assert len(fields) > 20
    assert {(f["type"], f["name"], f["form"]) for f in fields} == {
        ("checkbox", "item", form["id"])
    }  # fmt: skip
    assert form.select("input, textarea, select") == []


def test_the_printed_checklist_has_the_date(web: FlaskClient, soup: Callable) -> None:
    """The printed walkthrough says the day it was printed."""
    page = soup(web.get("/walkthrough/"))
    assert "23 November 2026" in page.select_one(".app-walkthrough__date").get_text()


def test_a_finished_checker_shows_what_the_answers_bring_up(
    web: FlaskClient, finish_checker: Callable[..., None], soup: Callable
) -> None:
    """With this browser's finished answers: what applies, each marked "Applies", and what
    may apply, marked as needing a check; nothing else."""
    finish_checker(web)
    response = web.get("/walkthrough/")
    page = soup(response)
    standings = {i["data-id"]: i["data-standing"] for i in page.select(".app-walkthrough__item")}
    assert {k for k, v in standings.items() if v == "applies"} == applying(web)
    assert {k for k, v in standings.items() if v == "may-apply"} == maybe(web)
    assert set(standings.values()) == {"applies", "may-apply"}
    assert len(listed(page)) == len(applying(web) | maybe(web))
    assert response.headers["Cache-Control"] == "no-store"


def test_a_shared_link_marks_the_walkthrough_too(web: FlaskClient, soup: Callable) -> None:
    """The answers in a shared link filter the walkthrough the same way, and keep no session."""
    response = web.get("/walkthrough/?" + QUERY)
    assert set(listed(soup(response))) == applying(web) | maybe(web)
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


def test_applies_is_said_only_of_what_applies_on_the_day_checked(
    web: FlaskClient, soup: Callable
) -> None:
    """A 16-year-old still in care (eligible, Sch. 2 para 19B) has support from 18 ahead: it
    is marked "Starts later" with its date, never "Applies"; "Applies" only for what the API
    says applies from a day on or before the day checked."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2010-01-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2023-01-01", "end": None}],
    }).get_json()  # fmt: skip
    assert api["status"] == "eligible"
    now = {e["id"] for e in api["entitlements"] if e["from"] <= "2026-11-23"}
    later = {e["id"] for e in api["entitlements"] if e["from"] > "2026-11-23"}
    assert now and later
    page = soup(web.get("/walkthrough/?dob=2010-01-01&on=2026-11-23&care=2023-01-01.."))
    items = {i["data-id"]: i for i in page.select(".app-walkthrough__item")}
    standings = {k: i["data-standing"] for k, i in items.items()}
    assert {k for k, v in standings.items() if v == "applies"} == now
    assert {k for k, v in standings.items() if v == "later"} == later
    starts = {e["id"]: date.fromisoformat(e["from"]) for e in api["entitlements"]}
    for item_id in later:
        tag = items[item_id].select_one(".app-walkthrough__standing").get_text(strip=True)
        assert tag == "Starts later"
        start = starts[item_id]
        written = f"From {start.day} {start:%B} {start.year}"
        assert written in " ".join(items[item_id].get_text(" ").split())
    counts = page.select_one(".app-walkthrough__counts").get_text(" ", strip=True)
    assert f"Apply now: {len(now)}. Start later: {len(later)}." in counts
