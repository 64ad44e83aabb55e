"""Every moderation action, found from the URL map, needs a signed-in moderator and CSRF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from localoffer.content import Offer
from localoffer.feedback import service
from localoffer.feedback.models import ContactDetail, Submission

from .conftest import MODERATOR, PASSWORD, add_moderator, security_app

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
DECISION = {"status": "done", "public_message": "Hi", "public_response": "Done"}


@pytest.fixture
def app(shipped_offer: Offer, tmp_path: Path) -> Flask:
    app = security_app(shipped_offer, tmp_path / "moderation.sqlite3", WTF_CSRF_ENABLED=True)
    add_moderator(app)
    with app.extensions["localoffer.db"].sessions() as session:
        submission = service.new_submission(kind="general", language="en", message="Hello")
        service.save(session, submission, "someone@example.org")
    return app


def actions(app: Flask) -> list[str]:
    """Every URL under /moderation/ that accepts POST, with item 1 filled in."""
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/moderation/") and "POST" in (rule.methods or ()):
            urls.append(re.sub(r"<int:submission_id>", "1", rule.rule))
    return sorted(urls)


def token(client, url: str) -> str:
    match = TOKEN.search(client.get(url).get_data(as_text=True))
    assert match, f"no token on {url}"
    return match.group(1)


def signed_in(app: Flask):
    client = app.test_client()
    login = {"email": MODERATOR, "password": PASSWORD,
             "csrf_token": token(client, "/moderation/login")}  # fmt: skip
    assert client.post("/moderation/login", data=login).status_code == 302
    return client


def unchanged(app: Flask) -> bool:
    with app.extensions["localoffer.db"].sessions() as session:
        submission = session.scalar(select(Submission))
        contact = session.scalar(select(ContactDetail))
        return submission.status == "new" and contact is not None


def test_the_actions_found_include_the_known_ones(app: Flask) -> None:
    """The URL map gives every action, so a new one cannot slip past these tests."""
    found = actions(app)
    for known in ("/moderation/items/1/", "/moderation/items/1/delete-contact",
                  "/moderation/logout", "/moderation/login"):  # fmt: skip
        assert known in found


def test_no_action_works_for_someone_not_signed_in(app: Flask) -> None:
    """Even with a valid CSRF token, an anonymous visitor changes nothing."""
    client = app.test_client()
    good = token(client, "/moderation/login")
    for url in actions(app):
        if url == "/moderation/login":
            continue
        response = client.post(url, data={**DECISION, "csrf_token": good})
        assert response.status_code in (302, 400), url
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/moderation/login"), url
    assert unchanged(app)


def test_no_action_works_without_a_valid_csrf_token(app: Flask) -> None:
    """Signed in, every action without its token, or with another's, is a styled 400."""
    client = signed_in(app)
    other = app.test_client()
    foreign = token(other, "/moderation/login")  # valid, but for another session
    for url in actions(app):
        for data in (DECISION, {**DECISION, "csrf_token": "forged"},
                     {**DECISION, "csrf_token": foreign}):  # fmt: skip
            assert client.post(url, data=data).status_code == 400, url
    assert unchanged(app)
    assert client.get("/moderation/").status_code == 200  # still signed in


def test_removing_a_moderator_ends_their_sessions_at_once(app: Flask) -> None:
    """A moderator taken off the list cannot carry on with a session already open."""
    client = signed_in(app)
    assert client.get("/moderation/").status_code == 200
    result = app.test_cli_runner().invoke(args=["moderators", "remove", MODERATOR])
    assert result.exit_code == 0, result.output
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderation/login")
    good = token(client, "/moderation/login")
    refused = client.post("/moderation/items/1/delete-contact", data={"csrf_token": good})
    assert refused.status_code == 302 and unchanged(app)
