"""One question set and one rule: the API, the CLI, the web checker and a share link agree.

Each case goes through all four with the same facts, on the day the web checker's clock is
fixed to, and must give the same status and the same entitlements.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer.rules import PERSONAL_QUESTIONS
from localoffer.web import words

ON = "2026-11-23"  # conftest.CHECK_DAY, the web checker's today

CASES: dict[str, dict[str, Any]] = {
    "an adult who went home to a parent at 17": {
        "date_of_birth": "2008-03-10",
        "care_periods": [{"start": "2024-01-01", "end": "2025-01-31", "short_break": False}],
        "lived_with_parent_6_months": True,
    },
    "a former relevant child with an early short break, at university": {
        "date_of_birth": "2007-05-01",
        "care_periods": [
            {"start": "2020-01-01", "end": "2020-01-05", "short_break": True},
            {"start": "2021-06-01", "end": "2025-04-30", "short_break": False},
        ],
        "in_education_or_training": True,
        "in_higher_education": True,
        # The optional questions: yes, no, prefer not to say (null) and one left blank.
        "parent_or_expecting": True,
        "came_to_uk_alone": False,
        "disabled_or_special_educational_needs": None,
        "lives_outside_council_area": True,
    },
    "the worked example, living in the area, in custody, saying no to the rest": {
        "date_of_birth": "2007-05-01",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
        "parent_or_expecting": False,
        "came_to_uk_alone": False,
        "disabled_or_special_educational_needs": False,
        "lives_outside_council_area": False,
        "in_custody": True,
    },
    "short breaks over 75 days in 12 months, counted as care": {
        "date_of_birth": "2008-03-10",
        "care_periods": [
            {"start": f"2024-{month:02}-01", "end": f"2024-{month:02}-16", "short_break": True}
            for month in range(4, 10)
        ],
    },
    "a 17 year old on a special guardianship order after care that ended at 6": {
        "date_of_birth": "2009-01-01",
        "care_periods": [{"start": "2015-01-01", "end": "2015-06-30", "short_break": False}],
        "special_guardianship_order": True,
    },
    "a child on a short break today": {
        "date_of_birth": "2010-01-01",
        "care_periods": [{"start": "2026-11-20", "end": None, "short_break": True}],
    },
}


def _api(client: FlaskClient, facts: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/v1/eligibility", json={**facts, "as_of": ON})
    assert response.status_code == 200, response.get_json()
    return response.get_json()  # type: ignore[no-any-return]


def _cli(app: Flask, facts: dict[str, Any]) -> dict[str, Any]:
    args = ["check", "--dob", facts["date_of_birth"], "--as-of", ON, "--json"]
    for period in facts["care_periods"]:
        option = "--short-break" if period["short_break"] else "--period"
        args += [option, f"{period['start']}:{period['end'] or ''}"]
    for flag, option in (
        ("special_guardianship_order", "--special-guardianship"),
        ("lived_with_parent_6_months", "--lived-with-parent"),
        ("in_higher_education", "--in-higher-education"),
        ("in_education_or_training", "--in-education"),
    ):
        if facts.get(flag):
            args.append(option)
    for name in PERSONAL_QUESTIONS:
        if facts.get(name) is not None:
            args += ["--" + name.replace("_", "-"), "yes" if facts[name] else "no"]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def _parts(name: str, iso: str) -> dict[str, list[str]]:
    """A date as the GOV.UK date input posts it: day, month and year under one name."""
    day = date.fromisoformat(iso)
    return {name: [str(day.day), str(day.month), str(day.year)]}


def _web_answers(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What a young person would answer on each question page, by its URL."""
    yes_no = {True: "yes", False: "no"}
    education = (
        "higher"
        if facts.get("in_higher_education")
        else "education"
        if facts.get("in_education_or_training")
        else "none"
    )
    return {
        "/check/route/": {"answer": "dates"},
        "/check/date-of-birth/": _parts("answer", facts["date_of_birth"]),
        "/check/special-guardianship/": {
            "answer": yes_no[facts.get("special_guardianship_order", False)]
        },
        "/check/custody/": {"answer": "no"},
        "/check/lived-with-parent/": {
            "answer": yes_no[facts.get("lived_with_parent_6_months", False)]
        },
        "/check/education/": {"answer": education},
        **{url: _optional_reply(facts, name, inverted) for url, name, inverted in OPTIONAL_PAGES},
    }


# Each optional page and the API field it fills; where-you-live asks the opposite way round.
OPTIONAL_PAGES = (
    ("/check/parent/", "parent_or_expecting", False),
    ("/check/came-to-uk-alone/", "came_to_uk_alone", False),
    ("/check/disability/", "disabled_or_special_educational_needs", False),
    ("/check/where-you-live/", "lives_outside_council_area", True),
    ("/check/in-custody-now/", "in_custody", False),
)


def _optional_reply(facts: dict[str, Any], name: str, inverted: bool) -> dict[str, str]:
    """Left out: the page left blank; null: "prefer not to say"; otherwise yes or no."""
    if name not in facts:
        return {}
    if facts[name] is None:
        return {"answer": "prefer_not"}
    return {"answer": "yes" if facts[name] != inverted else "no"}


def _web(web: FlaskClient, facts: dict[str, Any]) -> BeautifulSoup:
    """Answer the web checker's questions one page at a time, as it asks them."""
    answers = _web_answers(facts)
    periods = list(facts["care_periods"])
    url = "/check/route/"
    for _ in range(30):
        if url == "/check/answers/":
            return BeautifulSoup(web.get("/check/result/").data, "html.parser")
        if url.startswith("/check/care-periods/") and url != "/check/care-periods/":
            period = periods.pop(0)
            data: dict[str, Any] = {
                **_parts("start", period["start"]),
                "short_break": "yes" if period["short_break"] else "no",
            }
            data.update(_parts("end", period["end"]) if period["end"] else {"still_in_care": "y"})
        elif url == "/check/care-periods/":
            data = {"answer": "yes" if periods else "no"}
        else:
            data = answers[url]
        response = web.post(url, data=data)
        assert response.status_code == 302, (url, response.data[:2000])
        url = response.headers["Location"].split("?")[0]
        if url == "/check/care-periods/" and not periods and data.get("answer") == "no":
            raise AssertionError("the care periods page was answered twice")
    raise AssertionError("the web checker never reached check your answers")


def _shared(client: FlaskClient, facts: dict[str, Any]) -> BeautifulSoup:
    args: list[tuple[str, str]] = [("dob", facts["date_of_birth"]), ("on", ON)]
    for period in facts["care_periods"]:
        name = "short" if period["short_break"] else "care"
        args.append((name, f"{period['start']}..{period['end'] or ''}"))
    flags = ("special_guardianship_order", "lived_with_parent_6_months",
             "in_education_or_training", "in_higher_education")  # fmt: skip
    args += [("yes", flag) for flag in flags if facts.get(flag)]
    args += [("yes", name) for name in PERSONAL_QUESTIONS if facts.get(name) is True]
    args += [("no", name) for name in PERSONAL_QUESTIONS if facts.get(name) is False]
    response = client.get(f"/check/shared/?{urlencode(args)}")
    assert response.status_code == 200
    return BeautifulSoup(response.data, "html.parser")


def _page_outcome(page: BeautifulSoup) -> tuple[str, set[str]]:
    """The headline and the entitlement pages a result page links to in its lists."""
    links = {item.a["href"] for item in page.select(".app-result-list > li")}
    return page.h1.get_text(strip=True), links


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_route_gives_the_same_status_and_entitlements(
    name: str, app: Flask, web: FlaskClient, client: FlaskClient
) -> None:
    """API, CLI, web checker and share link agree on status, dates and what is listed."""
    facts = CASES[name]
    api = _api(client, facts)
    cli = _cli(app, facts)
    assert cli == api

    expected_headline = str(words.STATUS_HEADLINES[api["status"]])
    listed = {item["url"] for key in ("entitlements", "may_also_apply") for item in api[key]}
    for page in (_web(web, facts), _shared(client, facts)):
        headline, links = _page_outcome(page)
        assert headline == expected_headline
        assert links == listed
