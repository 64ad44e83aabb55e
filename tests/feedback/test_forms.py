"""The public feedback forms: errors that keep what was typed, CSRF, honeypot, rate limits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from localoffer.config import ConfigurationError, from_environment

from .conftest import all_submissions, count_submissions, csrf_token

ENTITLEMENT = "/housing/suitable-accommodation/"


@pytest.mark.parametrize("url", ["/", "/themes/housing/", ENTITLEMENT, "/ar" + ENTITLEMENT])
def test_every_content_page_asks_if_it_was_useful(
    feedback_app: Flask, url: str, soup: Callable
) -> None:
    """Home, theme and entitlement pages carry the question, as a form that sets no cookie."""
    response = feedback_app.test_client().get(url)
    page = soup(response)
    form = page.select_one(".app-page-feedback form")
    assert form is not None and form["method"] == "get"
    assert form.select_one("input[name=page]")["value"] == url
    assert [b["value"] for b in form.select("button[name=useful]")] == ["yes", "no"]
    assert "Set-Cookie" not in response.headers


def test_entitlement_pages_link_to_suggest_a_change(feedback_app: Flask, soup: Callable) -> None:
    """Every entitlement page links to its own "Suggest a change" form."""
    client = feedback_app.test_client()
    for item in feedback_app.extensions["localoffer.offer"].entitlements:
        page = soup(client.get(item.url))
        link = page.find("a", string="Suggest a change to this page")
        assert link is not None and link["href"] == f"/suggest/{item.id}/", item.id


def test_useful_answer_is_stored_with_its_page(feedback_app: Flask, soup: Callable) -> None:
    """Yes/No and the optional comment are stored against the page, theme and entitlement."""
    client = feedback_app.test_client()
    page = soup(client.get(f"/feedback/page/?page={ENTITLEMENT}&useful=no"))
    assert page.select_one("input[name=useful][value=no]").has_attr("checked")
    response = client.post("/feedback/page/", data={"page": ENTITLEMENT, "useful": "no",
                                                     "comment": "Too long"})  # fmt: skip
    assert response.status_code == 302
    assert response.headers["Location"] == f"/feedback/thanks/useful/?page={ENTITLEMENT}"
    [stored] = all_submissions(feedback_app)
    assert (stored.kind, stored.useful, stored.message) == ("useful", False, "Too long")
    assert (stored.page, stored.entitlement_id, stored.theme) == (
        ENTITLEMENT, "suitable-accommodation", "housing")  # fmt: skip
    thanks = soup(client.get(response.headers["Location"]))
    assert thanks.find("a", href=ENTITLEMENT) is not None


@pytest.mark.parametrize("page", ["/nowhere/", "https://evil.example/", "/feedback/", ""])
def test_useful_answer_for_a_page_that_is_not_content_is_refused(
    feedback_app: Flask, page: str
) -> None:
    """Only real content pages can be rated, so nothing else ends up in the database."""
    client = feedback_app.test_client()
    assert client.get(f"/feedback/page/?page={page}&useful=yes").status_code == 404
    assert client.post("/feedback/page/", data={"page": page, "useful": "yes"}).status_code == 400
    assert count_submissions(feedback_app) == 0


CASES = [
    ("/feedback/", {"message": "", "role": "forum", "wants_reply": "y", "email": "me@ex.org"},
     [("#message", "Enter your feedback")]),
    ("/feedback/", {"message": "x" * 2001, "role": "adviser"},
     [("#message", "Your feedback must be 2000 characters or fewer")]),
    ("/feedback/", {"message": "Hello", "wants_reply": "y", "email": ""},
     [("#email", "Enter your email address so that we can reply")]),
    ("/feedback/", {"message": "Hello", "wants_reply": "y", "email": "not an email"},
     [("#email", "Enter an email address in the correct format, like name@example.com")]),
    ("/feedback/", {"message": "Hello", "email": "me@example.org"},
     [("#email", "Select \u2018I would like a reply\u2019 if you want a reply, or delete your "
                 "email address")]),
    ("/suggest/suitable-accommodation/", {"change": "", "reason": "Because", "role": "other"},
     [("#change", "Enter what should change")]),
    ("/suggest/suitable-accommodation/",
     {"change": "Fix it", "reason": "y" * 2001, "wants_reply": "y", "email": "a@b.org"},
     [("#reason", "Why it should change must be 2000 characters or fewer")]),
    ("/feedback/page/", {"page": ENTITLEMENT, "comment": "Not sure"},
     [("#useful", "Select yes if this page was useful")]),
    ("/feedback/page/", {"page": ENTITLEMENT, "useful": "yes", "comment": "z" * 1001},
     [("#comment", "Your comment must be 1000 characters or fewer")]),
]  # fmt: skip


@pytest.mark.parametrize(("url", "data", "errors"), CASES)
def test_every_form_error_keeps_what_was_typed(
    feedback_app: Flask, url: str, data: dict, errors: list, soup: Callable, error_links: Callable
) -> None:
    """The error summary links to each field, and every box, choice and tick is kept."""
    response = feedback_app.test_client().post(url, data=data)
    assert response.status_code == 200
    assert error_links(response) == errors
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".govuk-error-summary__title").get_text(strip=True) == (
        "There is a problem"
    )
    for name, value in data.items():
        if name in ("role", "useful"):
            assert page.select_one(f"input[name={name}][value={value}]").has_attr("checked")
        elif name == "wants_reply":
            assert page.select_one("input[name=wants_reply]").has_attr("checked")
        elif name == "page":
            assert page.select_one("input[name=page]")["value"] == value
        else:
            field = page.select_one(f"[name={name}]")
            shown = field.get_text() if field.name == "textarea" else field.get("value", "")
            assert shown == value, name
    for href, _ in errors:
        assert page.select_one(href) is not None, f"error link {href} points nowhere"
    assert count_submissions(feedback_app) == 0


def test_errors_are_shown_in_the_readers_language_on_the_readers_page(
    feedback_app: Flask, soup: Callable
) -> None:
    """An Arabic reader stays on the Arabic page, right to left, with the summary."""
    response = feedback_app.test_client().post("/ar/feedback/", data={"message": ""})
    page = soup(response)
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    assert page.select_one(".govuk-error-summary") is not None


def test_email_is_asked_for_only_with_what_it_is_used_for(
    feedback_app: Flask, soup: Callable
) -> None:
    """The form says the address is only for a reply and when it is deleted."""
    feedback_app.config["CONTACT_RETENTION_DAYS"] = 60
    page = soup(feedback_app.test_client().get("/suggest/suitable-accommodation/"))
    use = page.select_one(".app-contact-use").get_text(" ", strip=True)
    assert "only to reply to you" in use and "delete it 60 days after" in use
    names = {field["name"] for field in page.select("form[method=post] [name]")}
    assert names - {"csrf_token"} == {"website", "change", "reason", "role", "wants_reply",
                     "email", "submit"}  # fmt: skip


def test_no_email_is_stored_without_a_request_for_a_reply(feedback_app: Flask) -> None:
    """Feedback without a reply stores no contact detail at all."""
    client = feedback_app.test_client()
    response = client.post("/feedback/", data={"message": "Good site"})
    assert response.headers["Location"] == "/feedback/thanks/general/"
    [stored] = all_submissions(feedback_app)
    assert stored.wants_reply is False and stored.contact is None


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/feedback/", {"message": "Buy now"}),
        ("/suggest/suitable-accommodation/", {"change": "Buy now"}),
        ("/feedback/page/", {"page": ENTITLEMENT, "useful": "yes"}),
    ],
)
def test_honeypot_rejects_silently(feedback_app: Flask, url: str, data: dict) -> None:
    """A filled-in hidden box looks like success to the sender, and nothing is stored."""
    client = feedback_app.test_client()
    genuine = client.post(url, data=data)
    spam = client.post(url, data={**data, "website": "http://spam.example"})
    assert spam.status_code == genuine.status_code == 302
    assert spam.headers["Location"] == genuine.headers["Location"]
    assert count_submissions(feedback_app) == 1


def test_honeypot_is_hidden_from_people_and_screen_readers(
    feedback_app: Flask, soup: Callable
) -> None:
    """The trap is in a hidden, aria-hidden block that keyboard users never reach."""
    page = soup(feedback_app.test_client().get("/feedback/"))
    trap = page.select_one("input[name=website]")
    wrapper = trap.find_parent("div")
    assert wrapper.has_attr("hidden") and wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/feedback/", {"message": "Hello"}),
        ("/suggest/suitable-accommodation/", {"change": "Hello"}),
        ("/feedback/page/", {"page": ENTITLEMENT, "useful": "yes"}),
    ],
)
def test_csrf_token_missing_or_wrong_is_rejected(feedback_app: Flask, url: str, data: dict) -> None:
    """Without the form's own token nothing is stored; with it, the form works."""
    feedback_app.config["WTF_CSRF_ENABLED"] = True
    client = feedback_app.test_client()
    form_url = f"/feedback/page/?page={ENTITLEMENT}" if "page" in data else url
    token = csrf_token(client, form_url)
    assert client.post(url, data=data).status_code == 400
    assert client.post(url, data={**data, "csrf_token": "wrong"}).status_code == 400
    other = feedback_app.test_client()
    assert other.post(url, data={**data, "csrf_token": token}).status_code == 400
    assert count_submissions(feedback_app) == 0
    assert client.post(url, data={**data, "csrf_token": token}).status_code == 302
    assert count_submissions(feedback_app) == 1


def test_rate_limit_returns_429_with_the_styled_page(feedback_app: Flask, soup: Callable) -> None:
    """Past the limit a client gets the portal's own "too many attempts" page."""
    feedback_app.config["FEEDBACK_RATE_LIMIT"] = "2 per minute"
    client = feedback_app.test_client()
    for _ in range(2):
        assert client.post("/feedback/", data={"message": "Hi"}).status_code == 302
    response = client.post("/feedback/", data={"message": "Hi"})
    assert response.status_code == 429
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Sorry, there have been too many attempts"
    assert page.select_one(".govuk-generic-header") is not None
    assert count_submissions(feedback_app) == 2
    # Reading is never limited.
    assert client.get("/feedback/").status_code == 200


def test_rate_limit_is_per_client(feedback_app: Flask) -> None:
    """Another address still gets through when one has hit the limit."""
    feedback_app.config["FEEDBACK_RATE_LIMIT"] = "1 per minute"
    client = feedback_app.test_client()
    one = {"REMOTE_ADDR": "192.0.2.1"}
    two = {"REMOTE_ADDR": "192.0.2.2"}
    assert client.post("/feedback/", data={"message": "a"}, environ_base=one).status_code == 302
    assert client.post("/feedback/", data={"message": "b"}, environ_base=one).status_code == 429
    assert client.post("/feedback/", data={"message": "c"}, environ_base=two).status_code == 302


@pytest.mark.parametrize(
    ("kind", "reply", "expected"),
    [
        ("suggestion", True, "we will email you"),
        ("general", False, "Someone from the leaving care team will read what you sent"),
        ("useful", False, "We use answers like yours"),
    ],
)
def test_confirmation_says_what_happens_next(
    feedback_app: Flask, kind: str, reply: bool, expected: str, soup: Callable
) -> None:
    """Each confirmation says what happens next, and mentions email only if one was given."""
    url = f"/feedback/thanks/{kind}/" + ("?reply=1" if reply else "")
    page = soup(feedback_app.test_client().get(url))
    text = page.get_text(" ", strip=True)
    assert page.select_one(".govuk-panel") is not None
    assert "What happens next" in text and expected in text
    assert ("email you" in text) is reply


def test_suggest_for_an_unknown_entitlement_is_not_found(feedback_app: Flask) -> None:
    """/suggest/ only exists for real entitlements."""
    assert feedback_app.test_client().get("/suggest/no-such-thing/").status_code == 404


def test_privacy_page_gives_the_configured_retention_period(
    feedback_app: Flask, soup: Callable
) -> None:
    """The privacy page and the purge agree on how long an address is kept."""
    feedback_app.config["CONTACT_RETENTION_DAYS"] = 45
    text = soup(feedback_app.test_client().get("/privacy/")).get_text(" ", strip=True)
    assert "delete it after 45 days" in text


@pytest.mark.parametrize("value", ["0", "-3", "ninety", "1.5"])
def test_a_bad_retention_setting_stops_start_up(value: str) -> None:
    """A retention period that is not a whole number of days is refused with its name."""
    with pytest.raises(ConfigurationError, match="LOCALOFFER_CONTACT_RETENTION_DAYS"):
        from_environment("/tmp", {"LOCALOFFER_CONTACT_RETENTION_DAYS": value})


def test_retention_setting_is_read_from_the_environment() -> None:
    """LOCALOFFER_CONTACT_RETENTION_DAYS sets the period; 90 days when it is not set."""
    assert from_environment("/tmp", {})["CONTACT_RETENTION_DAYS"] == 90
    config = from_environment("/tmp", {"LOCALOFFER_CONTACT_RETENTION_DAYS": "30"})
    assert config["CONTACT_RETENTION_DAYS"] == 30
