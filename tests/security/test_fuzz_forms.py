"""Hostile input to every form and query: never a 500, always a specific, styled answer.

Each example sends one of: the form's fields (missing, repeated, of any type, size, script or
control character) mixed with strangers, as a normal form, as multipart, percent-encoded in
Latin-1, or raw bytes under any content type; with CSRF off, and with CSRF on and the token
valid, missing, wrong or sent twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from gunicorn.http.errors import ChunkMissingTerminator, InvalidChunkSize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.checker.sealed import sealed_answers
from localoffer.content import Offer
from localoffer.feedback import service

from .conftest import FUZZ_EXAMPLES, MODERATOR, PASSWORD, add_moderator, security_app
from .fuzzing import (
    CSRF_TOKENS,
    DATE_PART,
    NAMES,
    VALUES,
    Body,
    BrokenBody,
    assert_specific_answer,
    bodies,
    parse,
    query_strings,
)

pytestmark = pytest.mark.fuzz

ROUGH_17 = {"route": "rough", "date_of_birth": "2009-06-01", "in_care_now": "no"}
WITH_DATES = {
    "route": "dates",
    "date_of_birth": "2005-03-01",
    "periods": [{"start": "2019-01-01", "end": "2023-01-01", "short_break": False}],
}
CHOICES = st.sampled_from(["yes", "no", "unsure", "dates", "rough", "long", "short", "none",
                           "education", "higher"])  # fmt: skip
TICK = st.sampled_from(["y", "yes", "on", ""])
# Fuzzing the sign-in form with wrong passwords locks the account it names: it names its own
# account, so the one the signed-in targets use is never locked, whatever the order of tests.
FUZZED_ACCOUNT = "fuzzed.sign-in@council.example"
EMAILS = st.sampled_from(["someone@example.org", "not an email", "a@b", "", FUZZED_ACCOUNT])
ROLES = st.sampled_from(["care_leaver", "adviser", "forum", "other", ""])
WORDS = st.text(max_size=80)


@dataclass(frozen=True)
class FormTarget:
    name: str
    url: str
    fields: dict[str, st.SearchStrategy[str]]
    state: dict[str, Any] | None = None  # the checker answers that make the question apply
    localised: bool = True
    moderator: bool = False
    token_from: str = ""  # a page with this form's CSRF token, if not the form's own

    def __str__(self) -> str:
        return self.name


def question(slug: str, state: dict[str, Any] | None = None) -> FormTarget:
    fields = {"answer": DATE_PART if slug == "date-of-birth" else CHOICES}
    return FormTarget(f"checker {slug}", f"/check/{slug}/", fields, state)


PERIOD = {"start": DATE_PART, "end": DATE_PART, "still_in_care": TICK,
          "short_break": st.sampled_from(["yes", "no"])}  # fmt: skip
# fmt: off
FORMS = [
    question("route"),
    question("date-of-birth"),
    *(question(slug, ROUGH_17) for slug in ("in-care-now", "care-after-16", "time-in-care",
                                            "special-guardianship", "custody",
                                            "lived-with-parent", "education")),
    FormTarget("checker care-periods (add another)", "/check/care-periods/",
               {"answer": CHOICES}, WITH_DATES),
    FormTarget("checker care period (change)", "/check/care-periods/0/", PERIOD, WITH_DATES),
    FormTarget("checker care period (new)", "/check/care-periods/1/", PERIOD, WITH_DATES),
    FormTarget("checker remove care period", "/check/care-periods/0/remove/", {}, WITH_DATES),
    FormTarget("checker clear answers", "/check/clear/", {}, WITH_DATES,
               token_from="/check/route/"),
    FormTarget("feedback general", "/feedback/",
               {"message": WORDS, "role": ROLES, "wants_reply": TICK, "email": EMAILS,
                "website": st.just("")}),
    FormTarget("feedback suggest", "/suggest/staying-put/",
               {"change": WORDS, "reason": WORDS, "role": ROLES, "wants_reply": TICK,
                "email": EMAILS, "website": st.just("")}),
    FormTarget("feedback page useful", "/feedback/page/",
               {"page": st.sampled_from(["/", "/relationships/personal-adviser/",
                                         "/ar/themes/housing/", "/check/", "//evil.example/"]),
                "useful": st.sampled_from(["yes", "no"]), "comment": WORDS,
                "website": st.just("")},
               token_from="/feedback/page/?page=/"),
    FormTarget("moderation sign-in", "/moderation/login",
               {"email": EMAILS, "password": st.sampled_from([PASSWORD, "wrong", ""])},
               localised=False),
    FormTarget("moderation item decision", "/moderation/items/1/",
               {"status": st.sampled_from(["new", "in_review", "accepted", "declined", "done"]),
                "public_message": WORDS, "public_response": WORDS},
               localised=False, moderator=True),
    FormTarget("moderation two-factor set-up", "/moderation/two-factor/setup",
               {"code": st.one_of(WORDS, st.from_regex(r"\A[0-9 -]{0,12}\Z"))},
               localised=False, moderator=True),
    FormTarget("moderation delete contact", "/moderation/items/1/delete-contact", {},
               localised=False, moderator=True, token_from="/moderation/items/1/"),
]
# fmt: on
SIGNED_IN = FORMS[-1]  # a target that needs a signed-in moderator


@dataclass
class Portal:
    """One app for the module, with a moderator and a submission to moderate."""

    app: Flask
    moderator: FlaskClient | None = None
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, target: FormTarget) -> FlaskClient:
        if target.moderator:
            if self.moderator is None:
                self.moderator = self.app.test_client()
                login = {"email": MODERATOR, "password": PASSWORD}
                if self.app.config["WTF_CSRF_ENABLED"]:
                    login["csrf_token"] = token_on(self.moderator, "/moderation/login")
                signed_in = self.moderator.post("/moderation/login", data=login)
                assert signed_in.status_code == 302, signed_in.status_code
                assert "/login" not in signed_in.headers["Location"], "the sign-in was refused"
            return self.moderator
        client = self.app.test_client()
        if target.state is not None:
            with self.app.app_context(), client.session_transaction() as session:
                session["checker"] = sealed_answers(target.state)
        return client


def make_portal(offer: Offer, folder: Path, **config: object) -> Portal:
    app = security_app(offer, folder / "fuzz.sqlite3", **config)
    add_moderator(app)
    add_moderator(app, FUZZED_ACCOUNT)
    with app.extensions["localoffer.db"].sessions() as session:
        submission = service.new_submission(kind="general", language="en", message="Hello",
                                            wants_reply=True)  # fmt: skip
        service.save(session, submission, "someone@example.org")
    return Portal(app)


@pytest.fixture(scope="module")
def portal(shipped_offer: Offer, tmp_path_factory: pytest.TempPathFactory) -> Portal:
    return make_portal(shipped_offer, tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def csrf_portal(shipped_offer: Offer, tmp_path_factory: pytest.TempPathFactory) -> Portal:
    return make_portal(shipped_offer, tmp_path_factory.mktemp("fuzz-csrf"), WTF_CSRF_ENABLED=True)


def token_on(client: FlaskClient, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])  # fmt: skip


def prefixed(target: FormTarget, data: st.DataObject) -> str:
    if not target.localised:
        return target.url
    return data.draw(st.sampled_from(["", "/ar", "/ti"]), label="language") + target.url


@pytest.mark.parametrize("target", FORMS, ids=str)
@FUZZ
@given(data=st.data())
def test_every_form_answers_hostile_input_with_a_specific_error(
    portal: Portal, target: FormTarget, data: st.DataObject
) -> None:
    """CSRF off: whatever is posted, the answer is a redirect on, or names what is wrong."""
    FUZZ_EXAMPLES[f"{target} (CSRF off)"] += 1
    body: Body = data.draw(bodies(target.fields), label="body")
    response = portal.client(target).post(prefixed(target, data), **body.kwargs())
    assert_specific_answer(response)
    if body.how == "file" and target.fields:
        # A form that reads fields refuses it (a button-only action may never read the body
        # with CSRF off; with CSRF on, below, the token check reads it and refuses it too).
        assert response.status_code in (400, 413), "no form of ours takes a file"


@pytest.mark.parametrize("target", FORMS, ids=str)
@settings(FUZZ, max_examples=40)
@given(data=st.data())
def test_every_form_with_csrf_on_refuses_a_bad_token_and_survives_the_rest(
    csrf_portal: Portal, target: FormTarget, data: st.DataObject
) -> None:
    """CSRF on: a missing or wrong token is a styled 400; a good one gets the form's answer."""
    FUZZ_EXAMPLES[f"{target} (CSRF on)"] += 1
    body: Body = data.draw(bodies(target.fields), label="body")
    how = data.draw(CSRF_TOKENS, label="token")
    client = csrf_portal.client(target)
    token = None
    if how != "missing":
        token = token_on(client, target.token_from or target.url)
        if how == "wrong":
            token = token[::-1]
    kwargs = body.kwargs(token if body.how != "raw" else None)
    if how == "twice" and body.how in ("form", "multipart"):
        kwargs["data"].add("csrf_token", "not-the-token")
    response = client.post(prefixed(target, data), **kwargs)
    assert_specific_answer(response)
    if how in ("missing", "wrong") or body.how in ("raw", "file"):
        assert response.status_code in (400, 413), response.status_code


@dataclass(frozen=True)
class QueryTarget:
    name: str
    url: str
    fields: dict[str, st.SearchStrategy[str]]
    moderator: bool = False

    def __str__(self) -> str:
        return self.name


ISO_DATES = st.dates().map(str) | st.sampled_from(["2026-02-30", "2007-05-01", "20070501"])
LINK = {"dob": ISO_DATES, "on": ISO_DATES, "care": st.sampled_from(
    ["2021-06-01..2025-04-30", "2021-06-01..", "..", "2025-01-01..2021-01-01"]),
    "short": st.just("2022-01-01..2022-01-10"), "yes": st.sampled_from(
    ["in_higher_education", "in_education_or_training", "nope"]),
    "estimate": st.sampled_from(["1", "0"])}  # fmt: skip
QUERIES = [
    QueryTarget("search query", "/search", {"q": WORDS}),
    QueryTarget("share link", "/check/shared/", LINK),
    QueryTarget("share link (print)", "/check/result/print/", LINK),
    QueryTarget("moderation queue filters", "/moderation/queue/",
                {"status": VALUES, "kind": VALUES, "theme": VALUES, "entitlement": VALUES,
                 "received_from": ISO_DATES, "received_to": ISO_DATES, "page": VALUES},
                moderator=True),
]  # fmt: skip


@pytest.mark.parametrize("target", QUERIES, ids=str)
@FUZZ
@given(data=st.data())
def test_every_query_string_gets_a_page_never_a_500(
    portal: Portal, target: QueryTarget, data: st.DataObject
) -> None:
    """Search, share links and the queue's filters: a page or a styled error for any query."""
    FUZZ_EXAMPLES[str(target)] += 1
    query = data.draw(query_strings(target.fields), label="query")
    prefix = "" if target.moderator else data.draw(st.sampled_from(["", "/fa"]))
    client = portal.client(SIGNED_IN) if target.moderator else portal.app.test_client()
    response = client.get(f"{prefix}{target.url}?{query}")
    assert_specific_answer(response, form=False)


@FUZZ
@given(path=st.lists(NAMES.filter(bool).map(lambda name: quote(name, safe="")),
                     min_size=1, max_size=4).map("/".join),
       query=st.text(max_size=20))
def test_any_path_gets_a_styled_page(portal: Portal, path: str, query: str) -> None:
    """Unknown, odd or hostile paths give a styled 404 (or a redirect on the site)."""
    FUZZ_EXAMPLES["any path"] += 1
    response = portal.app.test_client().get("/" + path, query_string={"x": query})
    assert_specific_answer(response, form=False)


def test_a_date_question_posted_without_its_fields_says_what_to_enter(portal: Portal) -> None:
    """Once a 500: a date question with no day, month or year fields at all is an error to fix."""
    client = portal.app.test_client()
    for data in ({}, {"answer": "1"}, {"submit": "Continue"}):
        response = client.post("/check/date-of-birth/", data=data)
        assert_specific_answer(response)
        summary = parse(response).select_one(".govuk-error-summary").get_text()
        assert "your date of birth" in summary.lower()
    with portal.app.app_context(), client.session_transaction() as session:
        session["checker"] = sealed_answers(WITH_DATES)
    response = client.post("/check/care-periods/0/", data={"short_break": "no"})
    assert_specific_answer(response)
    assert "Enter the date this time in care started" in parse(response).get_text()


def test_a_day_of_many_digits_is_not_a_real_date(portal: Portal) -> None:
    """Found by fuzzing: a day too big for the computer was a 500, now an error to fix."""
    response = portal.app.test_client().post(
        "/check/date-of-birth/", data={"answer": ["99999999999999999999", "2", "2000"]}
    )
    assert_specific_answer(response)
    assert "Your date of birth must be a real date" in parse(response).get_text()


@pytest.mark.parametrize("body", [b"[1]", b"5", b'"text"', b'{"message": {"a": 1}}', b"{bad"])
@pytest.mark.parametrize("url", ["/feedback/", "/check/route/", "/moderation/login",
                                 "/moderation/items/1/"])  # fmt: skip
def test_a_json_body_to_a_form_gets_the_forms_own_errors(portal: Portal, url: str,
                                                         body: bytes) -> None:  # fmt: skip
    """Found by fuzzing: Flask-WTF read JSON lists and numbers as a form and failed (a 500)."""
    client = portal.client(SIGNED_IN) if url.startswith("/moderation/items") else None
    client = client or portal.app.test_client()
    response = client.post(url, data=body, content_type="application/json")
    assert_specific_answer(response)
    assert response.status_code == 200


def test_a_multipart_part_without_a_name_is_ignored(csrf_portal: Portal) -> None:
    """Found by fuzzing: a nameless multipart field broke Flask-WTF's CSRF check (a 500)."""
    body = Body("multipart", [("", ""), ("\r", "")])
    response = csrf_portal.app.test_client().post("/check/route/", **body.kwargs())
    assert response.status_code == 400
    assert_specific_answer(response)


def test_a_body_too_large_for_a_moderation_page_gets_the_styled_413(portal: Portal) -> None:
    """Found by fuzzing: the sign-out button re-read the oversized body on the error page."""
    client = portal.client(SIGNED_IN)
    response = client.post("/moderation/items/1/", data={"public_response": "x" * 70_000})
    assert response.status_code == 413
    assert_specific_answer(response)


@pytest.mark.parametrize("url", ["/feedback/", "/suggest/staying-put/"])
@pytest.mark.parametrize("role", [" ", "\t", " adviser", "nobody"])
def test_an_odd_role_is_no_role_or_an_error_never_a_500(
    portal: Portal, url: str, role: str
) -> None:
    """Found by fuzzing: a role of spaces passed the form and broke the database's check."""
    text = "message" if url == "/feedback/" else "change"
    response = portal.app.test_client().post(url, data={text: "Hello", "role": role})
    assert_specific_answer(response)
    assert (response.status_code == 302) == (role.strip() in ("", "adviser"))


@pytest.mark.parametrize("target", FORMS, ids=str)
@pytest.mark.parametrize("error", [ChunkMissingTerminator(b"r="), InvalidChunkSize(b"zz"),
                                   OSError("Invalid chunk header")], ids=repr)  # fmt: skip
def test_a_body_that_breaks_while_being_read_gets_the_styled_400(
    csrf_portal: Portal, target: FormTarget, error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    """A malformed chunked body (gunicorn's parser or Werkzeug's raising) was a 500 whose
    log quoted the body; now every form answers 400 and logs nothing of it (CSRF on, as in
    production, where the token check is the first to read the body)."""
    broken = {"wsgi.input": BrokenBody(error), "wsgi.input_terminated": True}
    response = csrf_portal.client(target).post(
        target.url, content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"}, environ_overrides=broken,
    )  # fmt: skip
    assert response.status_code == 400
    assert_specific_answer(response)
    assert caplog.records == []
