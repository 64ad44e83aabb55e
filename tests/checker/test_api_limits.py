"""Rate limits: the eligibility API has a generous limit of its own, and every 429 says when
to come back (Retry-After), as JSON for the API and as the styled page for people."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from localoffer.config import from_environment

from .test_api import URL, WORKED_EXAMPLE, post


@pytest.fixture
def limited(app: Flask) -> Flask:
    app.config.update(API_RATE_LIMIT="3 per minute", FEEDBACK_RATE_LIMIT="1 per minute",
                      LOGIN_RATE_LIMIT="1 per minute")  # fmt: skip
    return app


def test_the_eligibility_api_answers_up_to_its_limit_then_says_when_to_retry(
    limited: Flask,
) -> None:
    """Three answers, then a JSON 429 with Retry-After in whole seconds within the minute."""
    client = limited.test_client()
    assert [post(client, WORKED_EXAMPLE).status_code for _ in range(3)] == [200, 200, 200]
    response = post(client, WORKED_EXAMPLE)
    assert response.status_code == 429
    assert response.mimetype == "application/json"
    assert set(response.get_json()["errors"]) == {"request"}
    assert 1 <= int(response.headers["Retry-After"]) <= 61


def test_the_api_limit_is_per_client_and_apart_from_the_feedback_limit(limited: Flask) -> None:
    """One client at its API limit can still send feedback, and another can still use the API."""
    client = limited.test_client()
    one, two = {"REMOTE_ADDR": "192.0.2.1"}, {"REMOTE_ADDR": "192.0.2.2"}
    for _ in range(3):
        client.post(URL, json=WORKED_EXAMPLE, environ_base=one)
    assert client.post(URL, json=WORKED_EXAMPLE, environ_base=one).status_code == 429
    assert client.post(URL, json=WORKED_EXAMPLE, environ_base=two).status_code == 200
    feedback = client.post("/feedback/", data={"message": "Hi"}, environ_base=one)
    assert feedback.status_code == 302


def test_the_feedback_forms_429_page_carries_retry_after(limited: Flask) -> None:
    """The styled "too many attempts" page tells the browser when to try again."""
    client = limited.test_client()
    assert client.post("/feedback/", data={"message": "Hi"}).status_code == 302
    response = client.post("/feedback/", data={"message": "Hi"})
    assert response.status_code == 429 and response.mimetype == "text/html"
    assert 1 <= int(response.headers["Retry-After"]) <= 61


def test_moderator_sign_in_429_carries_retry_after(limited: Flask) -> None:
    """Sign-in attempts past the limit are told when to come back too."""
    client = limited.test_client()
    data = {"email": "someone@council.example", "password": "not the password"}
    assert client.post("/moderation/login", data=data).status_code == 200
    response = client.post("/moderation/login", data=data)
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 61


def test_answers_within_the_limit_carry_no_retry_after(limited: Flask) -> None:
    """Retry-After belongs to a refusal only, not to every limited answer."""
    client = limited.test_client()
    assert "Retry-After" not in post(client, WORKED_EXAMPLE).headers
    assert "Retry-After" not in client.post("/feedback/", data={"message": "Hi"}).headers


def test_the_api_limit_is_generous_by_default_and_set_from_the_environment(
    tmp_path: Path,
) -> None:
    """600 a minute unless LOCALOFFER_API_RATE_LIMIT says otherwise."""
    assert from_environment(str(tmp_path), {})["API_RATE_LIMIT"] == "600 per minute"
    config = from_environment(str(tmp_path), {"LOCALOFFER_API_RATE_LIMIT": "50 per second"})
    assert config["API_RATE_LIMIT"] == "50 per second"
