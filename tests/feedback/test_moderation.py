"""Moderation: accounts, sign-in with lockout and timeouts, the queue, decisions, CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from localoffer.feedback import service
from localoffer.feedback.models import (
    Moderator,
    ModeratorSession,
    Submission,
    utc_now,
)
from localoffer.moderation.export import safe_cell

from .conftest import (
    MODERATOR,
    PASSWORD,
    add_moderator,
    all_submissions,
    csrf_token,
    sign_in,
)

PAGES = ["/moderation/", "/moderation/queue/", "/moderation/queue/?status=new",
         "/moderation/items/1/", "/moderation/export.csv"]  # fmt: skip
ACTIONS = ["/moderation/items/1/", "/moderation/items/1/delete-contact"]


def submit(app: Flask, **fields: object) -> Submission:
    with app.extensions["localoffer.db"].sessions() as session:
        email = fields.pop("email", None)
        submission = service.new_submission(**{"kind": "general", "language": "en", **fields})
        return service.save(session, submission, email)  # type: ignore[arg-type]


def test_moderators_add_hashes_the_password_and_never_prints_it(feedback_app: Flask) -> None:
    """The password is asked twice, hidden, stored only as an Argon2 hash, never echoed."""
    result = feedback_app.test_cli_runner().invoke(
        args=["moderators", "add", "Lead@Council.example"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert "Added lead@council.example as moderator." in result.output
    with feedback_app.extensions["localoffer.db"].sessions() as session:
        moderator = session.scalar(select(Moderator))
        assert moderator.email == "lead@council.example"
        assert moderator.password_hash.startswith("$argon2id$")
        assert PASSWORD not in moderator.password_hash


@pytest.mark.parametrize(
    ("args", "typed", "message"),
    [
        (["moderators", "add", "not-an-email"], "", "is not an email address"),
        (["moderators", "add", "a@council.example"], "short\nshort\n", "at least 12 characters"),
        (["moderators", "add", "a@council.example"], f"{PASSWORD}\nother password!\n",
         "do not match"),
    ],
)  # fmt: skip
def test_moderators_add_refuses_bad_input(
    feedback_app: Flask, args: list, typed: str, message: str
) -> None:
    """A bad address, a short password or a mistyped repeat adds no one."""
    result = feedback_app.test_cli_runner().invoke(args=args, input=typed)
    assert message in result.output
    with feedback_app.extensions["localoffer.db"].sessions() as session:
        assert session.scalar(select(Moderator)) is None


def test_moderators_list_and_remove(feedback_app: Flask) -> None:
    """Moderators can be listed and removed; a second add of the same address is refused."""
    add_moderator(feedback_app)
    runner = feedback_app.test_cli_runner()
    again = runner.invoke(args=["moderators", "add", MODERATOR], input=f"{PASSWORD}\n" * 2)
    assert again.exit_code != 0 and "already has a staff account" in again.output
    listed = runner.invoke(args=["moderators", "list"]).output.strip()
    assert listed == f"{MODERATOR}\tmoderator\tpassword\tno two-factor"
    assert runner.invoke(args=["moderators", "remove", MODERATOR]).exit_code == 0
    assert runner.invoke(args=["moderators", "list"]).output.strip() == ""


@pytest.mark.parametrize("url", PAGES)
def test_moderation_pages_send_anonymous_users_to_sign_in(feedback_app: Flask, url: str) -> None:
    """Every moderation page redirects an anonymous visitor to the sign-in page."""
    submit(feedback_app, message="Hi", email="a@example.org", wants_reply=True)
    response = feedback_app.test_client().get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderation/login?next=")
    assert b"a@example.org" not in response.data


@pytest.mark.parametrize("url", ACTIONS)
def test_moderation_actions_refuse_anonymous_users(feedback_app: Flask, url: str) -> None:
    """Posting to a moderation action without signing in changes nothing."""
    submit(feedback_app, message="Hi", email="a@example.org", wants_reply=True)
    response = feedback_app.test_client().post(
        url, data={"status": "done", "public_message": "Hi", "public_response": "Done"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderation/login")
    [stored] = all_submissions(feedback_app)
    assert stored.status == "new" and stored.contact is not None


def test_sign_in_goes_to_the_page_asked_for_and_never_off_site(feedback_app: Flask) -> None:
    """After signing in you land where you were going; an outside `next` is ignored."""
    add_moderator(feedback_app)
    client = feedback_app.test_client()
    response = client.post("/moderation/login?next=/moderation/queue/?status=new",
                           data={"email": MODERATOR, "password": PASSWORD})  # fmt: skip
    assert response.headers["Location"] == "/moderation/queue/?status=new"
    other = feedback_app.test_client()
    response = other.post("/moderation/login?next=https://evil.example/moderation/",
                          data={"email": MODERATOR.upper(), "password": PASSWORD})  # fmt: skip
    assert response.headers["Location"] == "/moderation/"


def test_wrong_password_keeps_the_email_but_not_the_password(
    feedback_app: Flask, soup: Callable, error_links: Callable
) -> None:
    """The error names no detail that would tell an attacker which part was wrong."""
    add_moderator(feedback_app)
    response = sign_in(feedback_app.test_client(), password="wrong password!!")
    assert error_links(response) == [("#email", "Enter a correct email address and password")]
    page = soup(response)
    assert page.select_one("input[name=email]")["value"] == MODERATOR
    assert not page.select_one("input[name=password]").get("value")


def test_sign_in_rotates_the_session(feedback_app: Flask) -> None:
    """Nothing from before signing in survives it (no session fixation)."""
    add_moderator(feedback_app)
    client = feedback_app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client)
    with client.session_transaction() as session:
        assert "planted" not in session and "moderation_token" in session


def test_session_times_out_after_inactivity(
    moderator_client: FlaskClient, feedback_app: Flask, soup: Callable
) -> None:
    """After 30 idle minutes the session ends and the moderator is asked to sign in again."""
    assert moderator_client.get("/moderation/").status_code == 200
    with feedback_app.extensions["localoffer.db"].sessions() as session:
        session.execute(
            update(ModeratorSession).values(last_seen_at=utc_now() - timedelta(minutes=31))
        )
        session.commit()
    response = moderator_client.get("/moderation/")
    assert response.status_code == 302 and "expired=1" in response.headers["Location"]
    page = soup(moderator_client.get(response.headers["Location"]))
    assert "You were signed out" in page.get_text()


def test_sign_out_ends_the_session_even_for_a_copied_cookie(
    moderator_client: FlaskClient, feedback_app: Flask
) -> None:
    """Once signed out, the old cookie no longer opens moderation pages."""
    with moderator_client.session_transaction() as session:
        token = session["moderation_token"]
    assert moderator_client.post("/moderation/logout").status_code == 302
    thief = feedback_app.test_client()
    with thief.session_transaction() as session:
        session["moderation_token"] = token
    assert thief.get("/moderation/").status_code == 302


def test_moderation_actions_need_the_csrf_token(feedback_app: Flask) -> None:
    """With CSRF on, a signed-in moderator's action without the token is refused."""
    feedback_app.config["WTF_CSRF_ENABLED"] = True
    add_moderator(feedback_app)
    submit(feedback_app, message="Hi")
    client = feedback_app.test_client()
    token = csrf_token(client, "/moderation/login")
    assert sign_in(client).status_code == 400  # no token
    response = client.post("/moderation/login",
                           data={"email": MODERATOR, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    decision = {"status": "done", "public_message": "Hi", "public_response": "Done"}
    assert client.post("/moderation/items/1/", data=decision).status_code == 400
    bad = {**decision, "csrf_token": "wrong"}
    assert client.post("/moderation/items/1/", data=bad).status_code == 400
    assert client.post("/moderation/logout").status_code == 400
    assert all_submissions(feedback_app)[0].status == "new"
    good = {**decision, "csrf_token": csrf_token(client, "/moderation/items/1/")}
    assert client.post("/moderation/items/1/", data=good).status_code == 302
    assert all_submissions(feedback_app)[0].status == "done"


def test_sign_in_is_rate_limited(feedback_app: Flask) -> None:
    """Many sign-in attempts from one client get the styled 429 page."""
    feedback_app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    client = feedback_app.test_client()
    statuses = [sign_in(client, email=f"n{i}@x.example").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_moderation_pages_are_never_cached(moderator_client: FlaskClient) -> None:
    """Pages with contact details tell browsers and proxies not to keep them."""
    assert moderator_client.get("/moderation/").headers["Cache-Control"] == "no-store"


def _dated(app: Flask, days_ago: int, **fields: object) -> None:
    with app.extensions["localoffer.db"].sessions() as session:
        session.add(Submission(language="en", created_at=utc_now() - timedelta(days=days_ago),
                               **{"kind": "suggestion", "status": "new", "message": "m",
                                  **fields}))  # fmt: skip
        session.commit()


@pytest.fixture
def queue_messages(soup: Callable) -> Callable[[FlaskClient, str], list[str]]:
    """The messages the queue lists for a filter query, in order."""

    def messages(client: FlaskClient, query: str) -> list[str]:
        page = soup(client.get(f"/moderation/queue/?{query}"))
        rows = page.select(".app-queue tbody tr")
        return [row.select("td")[3].get_text(strip=True) for row in rows]

    return messages


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["housing new", "health review", "general done", "old housing"]),
        ("status=new", ["housing new", "old housing"]),
        ("status=in_review", ["health review"]),
        ("theme=housing", ["housing new", "old housing"]),
        ("entitlement=suitable-accommodation", ["housing new"]),
        ("kind=general", ["general done"]),
        ("received_from=2020-01-01&received_to=2020-01-01", []),
    ],
)
def test_queue_filters_by_status_theme_entitlement_type_and_date(
    moderator_client: FlaskClient,
    feedback_app: Flask,
    query: str,
    expected: list,
    queue_messages: Callable,
) -> None:
    """Each filter narrows the queue to what it names, newest first."""
    _dated(feedback_app, 1, message="housing new", theme="housing",
           entitlement_id="suitable-accommodation")  # fmt: skip
    _dated(feedback_app, 2, message="health review", theme="health", status="in_review")
    _dated(feedback_app, 3, message="general done", kind="general", status="done")
    _dated(feedback_app, 40, message="old housing", theme="housing")
    assert queue_messages(moderator_client, query) == expected


def test_queue_filters_by_received_date(
    moderator_client: FlaskClient, feedback_app: Flask, queue_messages: Callable
) -> None:
    """From and to dates are inclusive days in England."""
    _dated(feedback_app, 1, message="recent")
    _dated(feedback_app, 40, message="old")
    today = utc_now().date()
    start = (today - timedelta(days=10)).isoformat()
    assert queue_messages(moderator_client, f"received_from={start}") == ["recent"]
    assert queue_messages(moderator_client, f"received_to={start}") == ["old"]


def test_queue_explains_a_bad_date_filter(
    moderator_client: FlaskClient, error_links: Callable
) -> None:
    """A date range that ends before it starts is named in the error summary."""
    response = moderator_client.get(
        "/moderation/queue/?received_from=2026-11-02&received_to=2026-11-01"
    )
    assert error_links(response) == [
        ("#received_to", "The end date must be the same as or after the start")
    ]


def test_item_gets_a_status_and_a_public_response(
    moderator_client: FlaskClient, feedback_app: Flask, soup: Callable, error_links: Callable
) -> None:
    """A moderator's decision is saved with who made it; a response needs a decision first."""
    submit(feedback_app, message="Say when it stops", theme="housing", kind="suggestion",
           entitlement_id="suitable-accommodation")  # fmt: skip
    page = soup(moderator_client.get("/moderation/items/1/"))
    assert page.select_one("textarea[name=public_message]").get_text() == "Say when it stops"
    early = {"status": "in_review", "public_message": "Say when", "public_response": "Soon"}
    response = moderator_client.post("/moderation/items/1/", data=early)
    assert error_links(response) == [
        ("#status", "Select accepted, declined or done to publish a response")
    ]
    assert soup(response).select_one("textarea[name=public_response]").get_text() == "Soon"
    done = {**early, "status": "done"}
    assert moderator_client.post("/moderation/items/1/", data=done).status_code == 302
    with feedback_app.extensions["localoffer.db"].sessions() as session:
        stored = session.get(Submission, 1)
        assert (stored.status, stored.public_response) == ("done", "Soon")
        assert stored.responded_at is not None and stored.handled_by.email == MODERATOR


def test_moderator_can_delete_an_email_address_at_once(
    moderator_client: FlaskClient, feedback_app: Flask
) -> None:
    """After replying, the address can be deleted without waiting for the purge."""
    submit(feedback_app, message="Call me", email="me@example.org", wants_reply=True)
    assert "me@example.org" in moderator_client.get("/moderation/items/1/").get_data(True)
    moderator_client.post("/moderation/items/1/delete-contact")
    text = moderator_client.get("/moderation/items/1/").get_data(True)
    assert "me@example.org" not in text and "the email address has been deleted" in text


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2000, 1, 1), False), (date(2099, 1, 1), True)],
)
def test_dashboard_lists_overdue_content_reviews(
    moderator_client: FlaskClient, feedback_app: Flask, today: date, overdue: bool, soup: Callable
) -> None:
    """Entries whose review date has passed are listed for moderators, and only those."""
    feedback_app.config["TODAY"] = today
    page = soup(moderator_client.get("/moderation/"))
    offer = feedback_app.extensions["localoffer.offer"]
    rows = page.select(".app-overdue")
    assert len(rows) == len(offer.overdue(today))
    assert bool(rows) is overdue
    assert (page.select_one(".app-no-overdue") is None) is overdue


FORMULAS = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def test_csv_export_escapes_formulas_and_leaves_out_contact_details(
    moderator_client: FlaskClient, feedback_app: Flask
) -> None:
    """Cells starting =, +, -, @, tab or CR are made inert; no email address is exported."""
    for message in FORMULAS:
        submit(feedback_app, message=message, email="secret@example.org", wants_reply=True)
    submit(feedback_app, message="Plain words")
    response = moderator_client.get("/moderation/export.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff") and "secret@example.org" not in body
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    messages = [row["message"] for row in rows]
    assert sorted(messages) == sorted(["'" + m for m in FORMULAS] + ["Plain words"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+44 7700", "'+44 7700"), ("-1", "'-1"), ("@me", "'@me"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("\uff1d1", "'\uff1d1"), ("a=1", "a=1"), ("", ""),
     (None, ""), (True, "yes"), (7, "7")],
)  # fmt: skip
def test_safe_cell_makes_formulas_inert(value: object, expected: str) -> None:
    """Only a dangerous first character is escaped; everything else is kept as it is."""
    assert safe_cell(value) == expected


def test_csv_export_follows_the_queue_filters(
    moderator_client: FlaskClient, feedback_app: Flask
) -> None:
    """The board can be given just the accepted suggestions, say."""
    _dated(feedback_app, 1, message="accepted one", status="accepted")
    _dated(feedback_app, 1, message="new one")
    body = moderator_client.get("/moderation/export.csv?status=accepted").get_data(as_text=True)
    assert "accepted one" in body and "new one" not in body
