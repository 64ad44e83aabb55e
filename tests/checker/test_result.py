"""The result leads with action: the status, what to do now, what changes next, then what
applies now and what starts later, with amounts; and the turning points as a calendar file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar

TODAY = date(2026, 11, 23)
# Former relevant, 19: everything applies already; changes at 21 and at 25.
LEAVER = "dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"
# Eligible, 17 and still in care: some support starts at 18.
IN_CARE = "dob=2009-06-19&on=2026-11-23&care=2022-01-01.."
# A former relevant apprentice: the bursary's amount changed on 1 August 2023.
APPRENTICE = "dob=2003-05-01&on={on}&care=2017-06-01..2021-04-30&yes=in_education_or_training"
# Not a care leaver in law.
NOT_LEAVER = "dob=1990-01-01&on=2026-11-23"


def shown(web: FlaskClient, query: str, lang: str = "") -> BeautifulSoup:
    response = web.get(f"{lang}/check/shared/?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.data, "html.parser")


def text_of(tag: object) -> str:
    return " ".join(tag.get_text(" ").split())  # type: ignore[attr-defined]


def api_body(query: str) -> dict:
    """The same answers as the API takes them, to check the page against."""
    args = dict(part.split("=", 1) for part in query.split("&"))
    body: dict = {"date_of_birth": args["dob"], "as_of": args["on"]}
    if "care" in args:
        start, end = args["care"].split("..")
        body["care_periods"] = [{"start": start, "end": end or None}]
    return body


def expected_turning_points(web: FlaskClient, query: str) -> dict[date, tuple[set, set]]:
    """Worked out from the API's dates: each start after the day checked, and the day after
    each last day, with what starts and what ends on it."""
    api = web.post("/api/v1/eligibility", json=api_body(query)).get_json()
    on = date.fromisoformat(api["as_of"])
    points: dict[date, tuple[set, set]] = {}
    for item in api["entitlements"]:
        start = date.fromisoformat(item["from"])
        if start > on:
            points.setdefault(start, (set(), set()))[0].add(item["id"])
        if item["until"]:
            stop = date.fromisoformat(item["until"]) + timedelta(days=1)
            points.setdefault(stop, (set(), set()))[1].add(item["id"])
    return dict(sorted(points.items()))


def test_the_status_comes_first_in_one_sentence(web: FlaskClient) -> None:
    """The heading is the status; the page's sections then follow in the order people act."""
    page = shown(web, IN_CARE)
    main = page.select_one("main")
    assert (
        text_of(main.select_one("h1")) == "You are in care, and you will get support when you leave"
    )
    headings = [text_of(h) for h in main.select("h2")]
    order = ["What to do now", "What changes for you next", "What you can get now",
             "What starts later", "Why", "Keep a copy"]  # fmt: skip
    assert [h for h in headings if h in order] == order
    assert main.find("h1").find_next(["h2", "h3", "h4"]).get_text(strip=True) == "What to do now"


@pytest.mark.parametrize(
    ("query", "actions", "first"),
    [
        (LEAVER, ["check-result", "ask-for-money", "challenge"],
         "Ask your personal adviser to check this result with you"),
        (IN_CARE, ["check-result", "ask-for-money", "challenge"],
         "Ask your personal adviser to check this result with you"),
        (NOT_LEAVER, ["check-result", "challenge"],
         "Ask the leaving care team to check your history"),
    ],
)  # fmt: skip
def test_what_to_do_now_is_at_most_three_things_each_with_whom_to_ask(
    web: FlaskClient, query: str, actions: list[str], first: str
) -> None:
    """Each thing to do names a contact with a phone number and an email address."""
    page = shown(web, query)
    items = page.select("ol.app-actions > li")
    assert [li["data-action"] for li in items] == actions and len(items) <= 3
    assert text_of(items[0]).startswith(first)
    for item in items:
        assert item.select_one('a[href^="tel:"]') is not None
        assert item.select_one('a[href^="mailto:"]') is not None
    assert text_of(items[-1].select_one(".app-action__contact")).startswith("Advocacy:")


def test_the_money_to_ask_for_now_is_the_largest_sum_that_applies_now(web: FlaskClient) -> None:
    """For a former relevant young person that is the setting-up-home allowance."""
    item = shown(web, LEAVER).select_one('li[data-action="ask-for-money"]')
    assert text_of(item).startswith("Ask how to get Setting-up-home allowance : at least £3,000 .")
    assert "Leaving care team: 01632 960100" in text_of(item)


def test_clear_my_answers_is_near_the_top_as_well_as_at_the_end(
    web: FlaskClient, finish_checker: Callable[..., None], soup: Callable
) -> None:
    """Before "What to do now", and again after "Keep a copy"."""
    finish_checker(web)
    main = soup(web.get("/check/result/")).select_one("main")
    forms = main.select('form[action="/check/clear/"]')
    assert len(forms) == 2
    first_heading = forms[0].find_next("h2")
    assert first_heading.get_text(strip=True) == "What to do now"


@pytest.mark.parametrize("lang", ["", "/ar"])
def test_suggest_a_change_comes_before_what_to_do_now(web: FlaskClient, lang: str) -> None:
    """A way to tell the council what is wrong or missing, near the top, in every language."""
    page = shown(web, LEAVER, lang)
    link = page.select_one("main .app-suggest-change a")
    assert link is not None and link["href"] == f"{lang}/feedback/"
    assert link.find_next("h2")["id"] == "what-to-do-now"


def test_what_applies_now_and_what_starts_later_are_apart(web: FlaskClient) -> None:
    """Everything under "now" has started; "later" is grouped by its start date, with the age."""
    api = web.post("/api/v1/eligibility", json=api_body(IN_CARE)).get_json()
    page = shown(web, IN_CARE)
    later_heading = page.find("h2", id="starts-later")
    now_ids = {
        li["data-id"] for li in later_heading.find_all_previous("li", attrs={"data-id": True})
    }
    groups = page.select("section.app-start-group")
    later_ids = {li["data-id"] for group in groups for li in group.select("li[data-id]")}
    started = {e["id"] for e in api["entitlements"] if e["from"] <= api["as_of"]}
    starting = {e["id"] for e in api["entitlements"] if e["from"] > api["as_of"]}
    assert now_ids == started and later_ids == starting and started and starting
    assert [g["data-day"] for g in groups] == ["2027-06-19"]
    assert text_of(groups[0].h3) == "From 19 June 2027 , at 18"


@pytest.mark.parametrize(
    ("query", "item", "amount"),
    [
        # Starts at 18: the amount in force on that day.
        (IN_CARE, "setting-up-home-allowance", "How much on 19 June 2027 : at least £3,000"),
        (IN_CARE, "internet-and-phone-data", "How much on 19 June 2027 : up to £15 a month"),
        # Applies now: the amount in force on the day checked.
        (LEAVER, "setting-up-home-allowance", "How much on 23 November 2026 : at least £3,000"),
        # Dated amounts: £1,000 until July 2023, £3,000 from 1 August 2023.
        (APPRENTICE.format(on="2022-09-01"), "apprenticeship-bursary",
         "How much on 1 September 2022 : £1,000"),
        (APPRENTICE.format(on="2023-09-01"), "apprenticeship-bursary",
         "How much on 1 September 2023 : £3,000"),
    ],
)  # fmt: skip
def test_each_item_shows_the_amount_in_force(
    web: FlaskClient, query: str, item: str, amount: str
) -> None:
    """The amount is the one the content's dated amounts give for the day it applies from."""
    entry = shown(web, query).select_one(f'li[data-id="{item}"]')
    assert text_of(entry.select_one(".app-result-amount")) == amount


def test_no_reason_is_given_twice(web: FlaskClient) -> None:
    """Each reason appears once, in the "Why" section only."""
    for query in (LEAVER, IN_CARE, NOT_LEAVER):
        page = shown(web, query)
        reasons = [text_of(li) for li in page.select(".app-result-reasons li")]
        assert reasons and len(reasons) == len(set(reasons))
        body = text_of(page.select_one("main"))
        assert all(body.count(reason) == 1 for reason in reasons)


@pytest.mark.parametrize("query", [LEAVER, IN_CARE])
def test_what_changes_next_names_the_next_three_turning_points(
    web: FlaskClient, query: str
) -> None:
    """Only the days when support starts or stops, each with its date, age and counts."""
    expected = expected_turning_points(web, query)
    page = shown(web, query)
    points = page.select("#what-changes-next ~ ol .app-turning-point")
    assert [p["data-day"] for p in points] == [d.isoformat() for d in list(expected)[:3]]
    for point in points:
        starts, ends = expected[date.fromisoformat(point["data-day"])]
        counts = text_of(point)
        if starts:
            assert f"{len(starts)} kinds of support start:" in counts
        if ends:
            assert f"{len(ends)} kinds of support end:" in counts


def test_the_turning_point_sentence_gives_date_and_age(web: FlaskClient) -> None:
    """ "On 19 June 2027, at 18:" then what starts, naming a few and counting the rest."""
    point = shown(web, IN_CARE).select_one(".app-turning-point")
    assert text_of(point.h3) == "On 19 June 2027 , at 18:"
    starts = text_of(point.select_one(".app-turning-point__starts"))
    assert starts.startswith("15 kinds of support start:") and starts.endswith("and 12 more")
    arabic = shown(web, IN_CARE, "/ar").select_one(".app-turning-point")
    assert arabic.h3.bdi is not None and "19 يونيو 2027" in text_of(arabic.h3)


def test_nothing_to_change_means_no_changes_section(web: FlaskClient) -> None:
    """Someone the offer does not cover sees no empty list and no calendar link."""
    page = shown(web, NOT_LEAVER)
    assert page.select_one("#what-changes-next") is None
    assert page.select_one('a[href*="calendar.ics"]') is None


def calendar_of(web: FlaskClient, url: str) -> Calendar:
    response = web.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    return Calendar.from_ical(response.data)


@pytest.mark.parametrize("query", [LEAVER, IN_CARE])
def test_the_calendar_file_has_one_all_day_event_per_turning_point(
    web: FlaskClient, query: str
) -> None:
    """Parsed back with icalendar: the events are the turning points, on their days."""
    expected = expected_turning_points(web, query)
    page = shown(web, query)
    link = page.select_one("#what-changes-next ~ p a[download]")["href"]
    assert link == f"/check/result/calendar.ics?{query}"
    events = list(calendar_of(web, link).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == list(expected)
    assert all(type(e.decoded("dtstart")) is date for e in events)  # all-day, not a time
    assert len({str(e["uid"]) for e in events}) == len(events)
    for event in events:
        starts, ends = expected[event.decoded("dtstart")]
        description = str(event["description"])
        assert description.count("\n- ") + description.startswith("- ") == len(starts) + len(ends)
    assert str(events[0]["summary"]).startswith("At ")


def test_the_calendar_speaks_the_readers_language(web: FlaskClient) -> None:
    """From an Arabic page the events are in Arabic."""
    calendar = calendar_of(web, f"/ar/check/result/calendar.ics?{IN_CARE}")
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert summaries and all("At " not in s and "18" in summaries[0] for s in summaries)


def test_the_calendar_comes_from_this_browsers_answers_too(
    web: FlaskClient, finish_checker: Callable[..., None]
) -> None:
    """The result page links it with no answers in the address: the session holds them."""
    finish_checker(web)
    page = BeautifulSoup(web.get("/check/result/").data, "html.parser")
    assert (
        page.select_one("#what-changes-next ~ p a[download]")["href"]
        == "/check/result/calendar.ics"
    )
    days = [
        e.decoded("dtstart") for e in calendar_of(web, "/check/result/calendar.ics").walk("VEVENT")
    ]
    assert days == [date(2028, 5, 1), date(2032, 5, 1)]


def test_the_calendar_needs_answers_and_refuses_a_broken_link(web: FlaskClient) -> None:
    """No answers: back to the questions. A changed link: the page saying what is wrong."""
    response = web.get("/check/result/calendar.ics")
    assert response.status_code == 302 and response.headers["Location"].endswith("/check/answers/")
    broken = web.get("/check/result/calendar.ics?dob=2007-13-01")
    assert broken.status_code == 400 and broken.mimetype == "text/html"


def test_making_the_calendar_writes_nothing(app: Flask, web: FlaskClient, tmp_path: Path) -> None:
    """No cookie, no file: the calendar is made in memory and sent."""
    instance = Path(app.instance_path)
    assert web.get("/").status_code == 200  # the database opened once, as on any first visit
    before = {p: p.stat().st_mtime for p in [*tmp_path.rglob("*"), *instance.rglob("*")]}
    response = web.get(f"/check/result/calendar.ics?{LEAVER}")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert {p: p.stat().st_mtime for p in [*tmp_path.rglob("*"), *instance.rglob("*")]} == before


def test_the_end_most_share_is_said_once_and_other_ends_on_the_item(web: FlaskClient) -> None:
    """"Until 30 April 2032" once above the list; an item ending at 21 says its own end."""
    page = shown(web, LEAVER)
    common = text_of(page.select_one(".app-common-until"))
    assert common == "Unless it says otherwise, each of these lasts until 30 April 2032 ."
    own = page.select_one('li[data-id="priority-need-housing"] .app-result-dates')
    assert text_of(own) == "Until 30 April 2028"
    assert page.select_one('li[data-id="personal-adviser"] .app-result-dates') is None
