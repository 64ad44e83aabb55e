"""The checker's answers in the cookie: unreadable, refused after 30 idle minutes or 2 hours,
and refused for good once cleared, even from a copy of the cookie taken before."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from localoffer import create_app
from localoffer.config import ConfigurationError, from_environment
from localoffer.content import Offer
from localoffer.feedback.models import ClearedAnswers

DELETED = "Your earlier answers have been deleted to keep them private."


class Clock:
    """The app's idea of now, moved by the test instead of waited for."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def forward(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock(app: Flask) -> Clock:
    app.config["CLOCK"] = clock = Clock()
    return clock


@pytest.fixture
def answered(web: FlaskClient, clock: Clock, finish_checker: Callable[..., None]) -> FlaskClient:
    """A browser with finished answers, given at the clock's start."""
    finish_checker(web)
    assert has_answers(web)
    return web


def has_answers(client: FlaskClient) -> bool:
    """The answers are still there: "check your answers" shows them instead of sending the
    browser back to the first question."""
    return client.get("/check/answers/").status_code == 200


def session_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def copy_of(client: FlaskClient, app: Flask) -> FlaskClient:
    """Another browser holding a copy of this browser's cookie, as someone could take it."""
    thief = app.test_client()
    thief.set_cookie("session", session_cookie(client))
    return thief


def test_the_cookie_does_not_show_the_answers_to_whoever_reads_it(
    app: Flask, answered: FlaskClient
) -> None:
    """Decoded as anyone can decode Flask's signed cookie, it holds no date of birth."""
    answered.get("/check/answers/")
    data = app.session_interface.get_signing_serializer(app).loads(session_cookie(answered))
    text = json.dumps(data)
    assert isinstance(data["checker"], str)
    for secret in ("2007", "2021-06-01", "date_of_birth", "periods"):
        assert secret not in text


def test_the_optional_answers_are_sealed_too(
    app: Flask, web: FlaskClient, finish_checker: Callable[..., None]
) -> None:
    """Being a parent or in custody is as private as a date of birth: sealed in the cookie,
    and nothing about it can be read by decoding the cookie."""
    finish_checker(web, parent="yes", in_custody_now="yes", where_you_live="no")
    web.get("/check/answers/")
    text = json.dumps(app.session_interface.get_signing_serializer(app).loads(session_cookie(web)))
    for secret in ("parent", "custody", "where_you_live", "yes"):
        assert secret not in text


def test_a_changed_cookie_is_refused_never_a_500(app: Flask, answered: FlaskClient) -> None:
    """Answers altered in the cookie (re-signed with the key) are refused like expired ones."""
    serializer = app.session_interface.get_signing_serializer(app)
    data = serializer.loads(session_cookie(answered))
    for forged in (data["checker"][:-4] + "AAAA", "not sealed", {"date_of_birth": "2007-05-01"}):
        answered.set_cookie("session", serializer.dumps({**data, "checker": forged}))
        assert not has_answers(answered)


def test_answers_stay_while_they_are_used(answered: FlaskClient, clock: Clock) -> None:
    """Every page of the checker counts as use: 29 minutes apart, they are kept for an hour."""
    for _ in range(3):
        clock.forward(minutes=29)
        assert has_answers(answered)


def test_answers_left_unused_for_30_minutes_are_deleted_and_the_page_says_so(
    answered: FlaskClient, clock: Clock
) -> None:
    """After 30 idle minutes the questions start again, with a notice saying why, once."""
    clock.forward(minutes=30, seconds=1)
    response = answered.get("/check/answers/", follow_redirects=True)
    assert response.request.path == "/check/route/"
    page = BeautifulSoup(response.data, "html.parser")
    notice = page.select_one(".govuk-notification-banner")
    assert notice is not None and DELETED in notice.get_text()
    assert DELETED not in answered.get("/check/route/").get_data(as_text=True)
    dob = BeautifulSoup(answered.get("/check/date-of-birth/").data, "html.parser")
    assert not dob.select_one("input[name=answer]").get("value")


def test_answers_end_two_hours_after_the_visit_started_even_in_use(
    answered: FlaskClient, clock: Clock
) -> None:
    """Used every 20 minutes, the answers still go at 2 hours: no visit lasts for ever."""
    for _ in range(6):
        clock.forward(minutes=19, seconds=59)
        assert has_answers(answered)
    clock.forward(minutes=1)
    assert not has_answers(answered)


def test_a_copy_of_the_cookie_taken_earlier_expires_on_its_own(
    app: Flask, answered: FlaskClient, clock: Clock
) -> None:
    """Keeping the original in use does not keep an old copy alive."""
    copy = copy_of(answered, app)
    for _ in range(2):
        clock.forward(minutes=20)
        assert has_answers(answered)
    assert not has_answers(copy)


def test_clearing_is_final_even_for_a_copy_of_the_cookie(
    app: Flask, answered: FlaskClient, clock: Clock
) -> None:
    """A cookie copied before "clear my answers" opens nothing afterwards, at any time."""
    copies = [copy_of(answered, app)]
    clock.forward(minutes=5)
    answered.get("/check/result/")
    copies.append(copy_of(answered, app))  # a later copy, with a later "last used"
    assert all(has_answers(copy) for copy in copies)  # the copies worked until the clear
    response = answered.post("/check/clear/")
    assert response.headers["Location"] == "/check/?cleared=1"
    assert not has_answers(answered)
    for copy in copies:
        assert not has_answers(copy)
        assert copy.get("/check/result/").headers["Location"] == "/check/answers/"
    clock.forward(minutes=10)
    assert not any(has_answers(copy) for copy in copies)


def test_what_clearing_stores_is_a_random_id_kept_until_expiry(
    app: Flask, answered: FlaskClient, clock: Clock, finish_checker: Callable[..., None]
) -> None:
    """The database learns a random id and an expiry, nothing about the person; the id goes
    once the answers would have expired anyway."""
    answered.post("/check/clear/")
    with app.extensions["localoffer.db"].sessions() as session:
        [row] = session.scalars(select(ClearedAnswers)).all()
    assert len(row.visit_id) == 32 and int(row.visit_id, 16) >= 0
    assert row.expires_at == clock.at + timedelta(hours=2)
    clock.forward(hours=2, seconds=1)
    finish_checker(answered)
    answered.post("/check/clear/")
    with app.extensions["localoffer.db"].sessions() as session:
        ids = session.scalars(select(ClearedAnswers.visit_id)).all()
    assert row.visit_id not in ids and len(ids) == 1


def test_the_idle_time_and_the_longest_visit_are_settings(
    app: Flask, answered: FlaskClient, clock: Clock
) -> None:
    """A council can shorten them; the start page says the times in use."""
    app.config.update(CHECKER_IDLE_MINUTES=5, CHECKER_MAX_HOURS=1)
    page = answered.get("/check/").get_data(as_text=True)
    assert "do nothing for 5 minutes" in page and "deleted 1 hour after you start" in page
    clock.forward(minutes=5, seconds=1)
    assert not has_answers(answered)


def test_the_settings_come_from_the_environment_and_refuse_nonsense(tmp_path: Path) -> None:
    """LOCALOFFER_CHECKER_IDLE_MINUTES and _MAX_HOURS: whole numbers of 1 or more."""
    defaults = from_environment(str(tmp_path), {})
    assert (defaults["CHECKER_IDLE_MINUTES"], defaults["CHECKER_MAX_HOURS"]) == (30, 2)
    config = from_environment(str(tmp_path), {"LOCALOFFER_CHECKER_IDLE_MINUTES": "10",
                                              "LOCALOFFER_CHECKER_MAX_HOURS": "4"})  # fmt: skip
    assert (config["CHECKER_IDLE_MINUTES"], config["CHECKER_MAX_HOURS"]) == (10, 4)
    for name, bad in (("LOCALOFFER_CHECKER_IDLE_MINUTES", "0"),
                      ("LOCALOFFER_CHECKER_MAX_HOURS", "two")):  # fmt: skip
        with pytest.raises(ConfigurationError, match=name):
            from_environment(str(tmp_path), {name: bad})


def test_the_start_page_says_in_plain_words_how_long_answers_last(web: FlaskClient) -> None:
    """30 idle minutes, 2 hours at most, and clearing cannot be undone."""
    text = BeautifulSoup(web.get("/check/").data, "html.parser").get_text(" ", strip=True)
    assert "Your answers are deleted if you do nothing for 30 minutes." in text
    assert "They are also deleted 2 hours after you start, even if you are still answering." in text
    assert "Once you clear them, nobody can get them back" in text


def test_the_checker_still_works_when_the_database_is_down(
    shipped_offer: Offer, finish_checker: Callable[..., None], caplog: pytest.LogCaptureFixture
) -> None:
    """Answers are kept and cleared as usual (expiry still applies); the outage is logged
    without anything the person typed."""
    clock = Clock()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    url = f"postgresql+psycopg://nobody:nothing@127.0.0.1:{closed.getsockname()[1]}/offer"
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": shipped_offer,
                      "DATABASE_URL": url, "AUTO_MIGRATE": False, "TODAY": date(2026, 11, 23),
                      "CLOCK": clock})  # fmt: skip
    with closed:
        client = app.test_client()
        finish_checker(client)
        assert has_answers(client)
        assert client.post("/check/clear/").headers["Location"] == "/check/?cleared=1"
        assert not has_answers(client)
        finish_checker(client)
        clock.forward(minutes=31)
        assert not has_answers(client)
    assert "Cleared checker visits unavailable" in caplog.text
    assert "2007" not in caplog.text
