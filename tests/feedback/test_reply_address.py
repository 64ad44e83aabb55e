"""An email address given for a reply is one plain address, and the moderator's link is it."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .conftest import all_submissions
from .test_moderation import submit

WRONG_FORMAT = "Enter an email address in the correct format, like name@example.com"
SEVERAL = "Enter one email address only"


def send(app: Flask, email: str):
    return app.test_client().post(
        "/feedback/", data={"message": "Hello", "wants_reply": "y", "email": email}
    )


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("victim@x.example?bcc=attacker@evil.example", SEVERAL),
        ("victim@x.example?subject=hello", WRONG_FORMAT),
        ("tom&jerry@x.example", WRONG_FORMAT),
        ("a@x.example,b@y.example", SEVERAL),
        ("a@x.example; b@y.example", SEVERAL),
        ("a@x.example b@y.example", SEVERAL),
        ("Sam Smith <sam@x.example>", WRONG_FORMAT),
        ("sam@x.example\r\nBcc: attacker@evil.example", SEVERAL),
        ("sam\n@x.example", WRONG_FORMAT),
        ("sam%40x.example@y.example", WRONG_FORMAT),
        ("sam@x", WRONG_FORMAT),
        ("sam..smith@x.example", WRONG_FORMAT),
        ("sam@x-.example", WRONG_FORMAT),
        ('"sam smith"@x.example', WRONG_FORMAT),
    ],
)
def test_anything_but_one_plain_address_is_refused_with_a_message(
    feedback_app: Flask, email: str, message: str, error_links: Callable
) -> None:
    """Queries, several addresses, names and line breaks get a GOV.UK-style error; none is kept."""
    response = send(feedback_app, email)
    assert response.status_code == 200
    assert error_links(response) == [("#email", message)]
    assert all_submissions(feedback_app) == []


@pytest.mark.parametrize(
    "email", ["sam@x.example", "first.o'brien+forum@council.gov.uk", "a_b-c@sub.x.example",
              "sam@xn--80ak6aa92e.com",
              "sam@\u0645\u062b\u0627\u0644.\u0625\u062e\u062a\u0628\u0627\u0631"],
)  # fmt: skip
def test_real_addresses_are_still_accepted(feedback_app: Flask, email: str) -> None:
    """Dots, plus signs, apostrophes, hyphens and international domains are fine."""
    assert send(feedback_app, email).status_code == 302
    [stored] = all_submissions(feedback_app)
    assert stored.contact.email == email


def test_the_moderators_link_writes_to_the_stored_address_only(
    feedback_app: Flask, moderator_client: FlaskClient, soup: Callable
) -> None:
    """An address stored before the rule, with a query in it, is percent-encoded in mailto:."""
    stored = "victim@x.example?bcc=attacker@evil.example&body=hi"
    submit(feedback_app, message="Hi", email=stored, wants_reply=True)
    link = soup(moderator_client.get("/moderation/items/1/")).select_one("a[href^='mailto:']")
    href = link["href"]
    assert "?" not in href and "&" not in href and "=" not in href
    assert urlsplit(href).query == ""
    assert unquote(href.removeprefix("mailto:")) == stored
    assert link.get_text(strip=True) == stored
