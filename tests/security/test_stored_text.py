"""What people type is stored as typed, minus characters no keyboard sends, on every database."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from localoffer import create_app
from localoffer.content import Offer
from localoffer.feedback import migrate
from localoffer.feedback.db import Database
from localoffer.feedback.models import LoginFailure, Submission
from localoffer.moderation.throttle import identifier_hash

from .conftest import NO_LIMITS, TODAY

CONTROLS = "\x00\x01\x08\x0b\x1b\x7f"


def portal(offer: Offer, url: str) -> Flask:
    database = Database(url)
    migrate.upgrade(database.engine)
    database.engine.dispose()
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": offer,
                       "TODAY": TODAY, "DATABASE_URL": url, **NO_LIMITS})  # fmt: skip


def test_control_characters_never_break_a_submission(
    shipped_offer: Offer, database_url: str
) -> None:
    """PostgreSQL refuses NUL in text: feedback with control characters is kept, without them."""
    app = portal(shipped_offer, database_url)
    client = app.test_client()
    message = f"Line one\r\nLine two{CONTROLS}\ttabbed"
    response = client.post("/feedback/", data={"message": message, "wants_reply": "y",
                                               "email": "a\x00b@example.org"})  # fmt: skip
    assert response.status_code in (200, 302), response.status_code
    suggestion = client.post("/suggest/staying-put/", data={"change": f"More{CONTROLS}",
                                                           "reason": f"Because{CONTROLS}"})
    assert suggestion.status_code == 302
    useful = client.post("/feedback/page/", data={"page": "/", "useful": "no",
                                                  "comment": f"Hm{CONTROLS}"})  # fmt: skip
    assert useful.status_code == 302
    login = client.post("/moderation/login", data={"email": f"x{CONTROLS}@example.org",
                                                   "password": "p\x00"})  # fmt: skip
    assert login.status_code == 200
    with app.extensions["localoffer.db"].sessions() as session:
        stored = [s.message + (s.reason or "") for s in session.scalars(select(Submission))]
        failures = list(session.scalars(select(LoginFailure.identifier_hash)))
    assert "Line one\r\nLine two\ttabbed" in stored
    assert "MoreBecause" in stored and "Hm" in stored
    with app.test_request_context():
        assert failures == [identifier_hash("x@example.org")]
    for text in [*stored, *failures]:
        assert not any(c in text for c in CONTROLS)
    app.extensions["localoffer.db"].engine.dispose()
