"""The public "You said, we did" page: answered feedback only, shortened, never contact details."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from localoffer.feedback.text import REMOVED, public_version, redact, shorten

from .conftest import add_moderator, sign_in


@pytest.fixture
def respond(soup: Callable) -> Callable[..., None]:
    """A moderator answers item `number`, keeping what was said unless `said` replaces it."""

    def answer(client, number: int, status: str, response: str, said: str | None = None) -> None:
        page = soup(client.get(f"/moderation/items/{number}/"))
        public = said if said is not None else page.select_one("textarea[name=public_message]").text
        result = client.post(f"/moderation/items/{number}/",
                             data={"status": status, "public_message": public,
                                   "public_response": response})  # fmt: skip
        assert result.status_code == 302

    return answer


def test_a_moderators_response_appears_and_contact_details_never_do(
    backend_app: Flask, soup: Callable, respond: Callable
) -> None:
    """The answer is shown under its theme with what was said; the address never is."""
    public = backend_app.test_client()
    public.post("/suggest/suitable-accommodation/",
                data={"change": "Say how long I can stay. Text me on 07700 900123 or "
                                "email me.too@example.org", "wants_reply": "y",
                      "email": "reply.to@example.org"})  # fmt: skip
    public.post("/feedback/", data={"message": "Not answered yet"})
    add_moderator(backend_app)
    moderator = backend_app.test_client()
    sign_in(moderator)
    respond(moderator, 1, "accepted", "We added the dates to the page.")
    page = soup(public.get("/you-said-we-did/"))
    text = page.get_text(" ", strip=True)
    assert "We added the dates to the page." in text
    assert "Say how long I can stay" in text
    for secret in ("reply.to@example.org", "me.too@example.org", "07700 900123"):
        assert secret not in text
    assert "Not answered yet" not in text
    heading = page.select_one("h2.govuk-heading-l").get_text(strip=True)
    assert heading == "Housing"


def test_contact_details_typed_by_a_moderator_are_removed_too(
    backend_app: Flask, soup: Callable, respond: Callable
) -> None:
    """Even if a moderator pastes an address into the public text, it is not published."""
    backend_app.test_client().post("/feedback/", data={"message": "Hello"})
    add_moderator(backend_app)
    moderator = backend_app.test_client()
    sign_in(moderator)
    respond(moderator, 1, "done", "Thanks", said="From someone@example.org: hello")
    text = soup(backend_app.test_client().get("/you-said-we-did/")).get_text(" ")
    assert "someone@example.org" not in text and REMOVED in text


def test_answers_are_grouped_by_theme_newest_first(
    feedback_app: Flask, soup: Callable, respond: Callable
) -> None:
    """Themes in the offer's order, whole-site feedback last, newest answer first in each."""
    client = feedback_app.test_client()
    for url, data in [
        ("/suggest/suitable-accommodation/", {"change": "housing one"}),
        ("/feedback/", {"message": "site-wide"}),
        ("/suggest/suitable-accommodation/", {"change": "housing two"}),
    ]:
        client.post(url, data=data)
    add_moderator(feedback_app)
    moderator = feedback_app.test_client()
    sign_in(moderator)
    respond(moderator, 1, "declined", "First answer")
    respond(moderator, 2, "done", "Site answer")
    respond(moderator, 3, "accepted", "Second answer")
    page = soup(client.get("/you-said-we-did/"))
    headings = [h.get_text(strip=True) for h in page.select("h2.govuk-heading-l")]
    assert headings == ["Housing", "About this website and the offer as a whole"]
    responses = [p.get_text(strip=True) for p in page.select(".app-response")]
    assert responses == ["Second answer", "First answer", "Site answer"]
    tags = [t.get_text(strip=True) for t in page.select(".app-you-said .govuk-tag")]
    assert tags == ["Accepted", "Declined", "Done"]


def test_withdrawing_a_response_takes_it_off_the_page(
    feedback_app: Flask, soup: Callable, respond: Callable
) -> None:
    """An empty response unpublishes the item."""
    feedback_app.test_client().post("/feedback/", data={"message": "Hello there"})
    add_moderator(feedback_app)
    moderator = feedback_app.test_client()
    sign_in(moderator)
    respond(moderator, 1, "done", "Answer")
    respond(moderator, 1, "done", "")
    text = soup(feedback_app.test_client().get("/you-said-we-did/")).get_text()
    assert "Hello there" not in text and "not answered any feedback here yet" in text


def test_long_messages_are_shortened_on_the_public_page(
    feedback_app: Flask, soup: Callable, respond: Callable
) -> None:
    """A long message is cut at a word, with an ellipsis, however the moderator left it."""
    long = "word " * 200
    feedback_app.test_client().post("/feedback/", data={"message": long})
    add_moderator(feedback_app)
    moderator = feedback_app.test_client()
    sign_in(moderator)
    respond(moderator, 1, "done", "Answer")
    said = soup(feedback_app.test_client().get("/you-said-we-did/")).select_one("[dir=auto]")
    assert said.get_text().endswith("…") and len(said.get_text()) <= 280


@pytest.mark.parametrize(
    "text",
    ["mail me at a.b+c@example.co.uk", "ring 07700 900123", "ring +44 7700 900 123",
     "call (0113) 496 0000", "see https://example.org/me", "see www.example.org"],
)  # fmt: skip
def test_redact_removes_contact_details(text: str) -> None:
    """Email addresses, phone numbers and links are replaced before anything is public."""
    redacted = redact(text)
    assert REMOVED in redacted
    assert not any(ch.isdigit() for ch in redacted.split(REMOVED)[-1] + redacted[:4])


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 280, "short"), ("one two three four", 12, "one two…"),
     ("  spaced\n\nout  ", 280, "spaced out")],
)  # fmt: skip
def test_shorten_cuts_at_a_word(text: str, limit: int, expected: str) -> None:
    """Short text is left alone; long text ends at a whole word with an ellipsis."""
    assert shorten(text, limit) == expected


def test_public_version_leaves_ordinary_numbers_alone() -> None:
    """Amounts and ages in a message are not mistaken for phone numbers."""
    assert public_version("The £2,000 bursary at 21 is too small") == (
        "The £2,000 bursary at 21 is too small"
    )
