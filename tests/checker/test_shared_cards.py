"""Entitlement cards kept between readers hold nothing of anyone's answers, and change nothing.

The result, shared, print and walkthrough pages keep each entitlement's card (checker/_card.html)
per language and offer, for every reader (checker/cards.py). These tests read two different
people's results through the test client, then look inside the store: no kept fragment may
hold an answer, or any date worked out from one, and each page must be byte for byte what it
is with the store switched off.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pytest
from babel.dates import format_date
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from localoffer.checker.cards import SETTING, STORE
from localoffer.checker.service import check
from localoffer.checker.share import read_shared
from localoffer.i18n import KNOWN_LANGUAGES

TODAY = date(2026, 11, 23)
# Two people who share no date: the first an adult who left care at 17, the second looked
# after now at 16 and in education.
PERSON_A = {"dob": "2007-05-01", "on": "2026-11-23", "care": "2021-06-01..2025-04-30"}
PERSON_B = {
    "dob": "2010-02-14",
    "on": "2026-11-23",
    "care": "2024-03-09..",
    "yes": "in_education_or_training",
}
PAGES = ("/check/shared/", "/check/result/print/", "/walkthrough/")
PARTS = ("card", "kind", "walkthrough-heading", "walkthrough-summary")


def link(page: str, person: dict[str, str], language: str = "en") -> str:
    prefix = "" if language == "en" else f"/{language}"
    return f"{prefix}{page}?{urlencode(person)}"


def derived_dates(app: Flask, person: dict[str, str]) -> set[date]:
    """Every date the person's answers give or lead to: birth, care, status, each match."""
    with app.test_request_context("/"):
        shared = read_shared(MultiDict(person), TODAY)
    result = check(shared.answers, shared.on, app.extensions["localoffer.offer"])
    answers, assessment, found = result.answers, result.assessment, result.entitlements
    days = {answers.date_of_birth, assessment.status_since, assessment.status_until}
    for period in answers.care_periods:
        days |= {period.start, period.end}
    for match in (*found.applies, *found.may_also_apply, *found.coming_in):
        days |= {match.from_, match.until}
    for reason in (*assessment.reasons, *found.reasons):
        days |= {value for _, value in reason.message.params if isinstance(value, date)}
    return {day for day in days if day is not None}


def written(days: set[date], language: str) -> set[str]:
    """The dates as any page could write them: in the language's words, and as ISO dates."""
    locale = KNOWN_LANGUAGES[language].locale
    return {
        text
        for day in days
        for text in (
            day.isoformat(),
            format_date(day, "long", locale),
            format_date(day, "medium", locale),
        )
    }


@pytest.fixture
def reader(app: Flask) -> FlaskClient:
    app.config["TODAY"] = TODAY
    return app.test_client()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_kept_cards_hold_no_answer_or_date_from_one(
    app: Flask, reader: FlaskClient, language: str
) -> None:
    """Two people read every result page; each kept fragment is free of both their dates."""
    for person in (PERSON_A, PERSON_B):
        for page in PAGES:
            assert reader.get(link(page, person, language)).status_code == 200
    cards = app.extensions[STORE].cards
    assert cards, "the result pages kept no cards"
    ids = {item.id for item in app.extensions["localoffer.offer"].entitlements}
    personal = written(derived_dates(app, PERSON_A) | derived_dates(app, PERSON_B), language)
    for (code, root, part, item_id), card in cards.items():
        # The key is the language, where the site is mounted, the fragment and an entitlement.
        assert (code, root) == (language, "") and part in PARTS and item_id in ids
        leaked = [text for text in personal if text in card]
        assert not leaked, f"kept card {item_id} holds {leaked}"


def test_a_later_reader_sees_nothing_of_an_earlier_one(app: Flask, reader: FlaskClient) -> None:
    """After A's pages filled the store, B's pages show none of the dates only A's give."""
    a_days, b_days = derived_dates(app, PERSON_A), derived_dates(app, PERSON_B)
    only_a = written(a_days - b_days, "en")
    assert only_a
    for page in PAGES:
        reader.get(link(page, PERSON_A))
    for page in PAGES:
        html = reader.get(link(page, PERSON_B)).get_data(as_text=True)
        assert not [text for text in only_a if text in html], page


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_are_the_same_with_and_without_kept_cards(
    app: Flask, reader: FlaskClient, page: str, language: str
) -> None:
    """First render (cards made), second (cards kept) and store off give the same bytes."""
    pages = []
    for person in (PERSON_A, PERSON_B):
        url = link(page, person, language)
        app.config[SETTING] = True
        first, second = reader.get(url).data, reader.get(url).data
        app.config[SETTING] = False
        without = reader.get(url).data
        assert first == second == without
        pages.append(first)
    assert pages[0] != pages[1]
