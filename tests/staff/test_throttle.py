"""Guessing passwords is slowed by growing delays per account and source, never a lockout of
the real owner; failed attempts are recorded as keyed hashes and shown at the next sign-in."""

from __future__ import annotations

import re
import time

import pytest
from flask import Flask
from sqlalchemy import text

from localoffer.feedback import migrate
from localoffer.feedback.db import Database
from localoffer.moderation import throttle
from localoffer.moderation.throttle import identifier_hash

from .conftest import MODERATOR, PASSWORD, add_staff
from .signing_in import sign_in

GUESSER = {"REMOTE_ADDR": "203.0.113.9"}
WAIT = re.compile(r"Wait (\d+) (second|minute)")


class Clock:
    """time.time() under the test's control, for the limiter's storage and the portal alike."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch, staff_app: Flask) -> Clock:
    # The per-address limit on sign-in posts has its own test: here it would only get in the way.
    staff_app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    fake = Clock()
    monkeypatch.setattr(time, "time", fake)
    return fake


def guess(client, password: str = "not the password at all", **environ: str):
    return client.post("/moderation/login", data={"email": MODERATOR, "password": password},
                       environ_base=environ or GUESSER)  # fmt: skip


def wait_asked(response) -> int:
    """Seconds the page asks to wait before trying again (0: none asked)."""
    match = WAIT.search(response.get_data(as_text=True))
    if not match:
        return 0
    return int(match.group(1)) * (60 if match.group(2) == "minute" else 1)


def test_a_guesser_elsewhere_never_locks_the_owner_out(staff_app: Flask, clock: Clock) -> None:
    """Eight wrong passwords from another address leave the owner's browser able to sign in."""
    add_staff(staff_app)
    owner = staff_app.test_client()
    assert sign_in(owner, MODERATOR, PASSWORD).status_code == 302
    owner.post("/moderation/logout")
    guesser = staff_app.test_client()
    for _ in range(8):
        guess(guesser)
        clock.now += 1
    assert sign_in(owner, MODERATOR, PASSWORD).status_code == 302
    assert owner.get("/moderation/").status_code == 200


def test_each_wrong_password_from_one_source_doubles_its_wait(
    staff_app: Flask, clock: Clock
) -> None:
    """Three free tries, then 1, 2, 4, 8 ... seconds; while waiting even the password fails."""
    add_staff(staff_app)
    guesser = staff_app.test_client()
    waits = []
    for _ in range(8):
        waits.append(wait_asked(guess(guesser)))
        if waits[-1]:
            refused = guess(guesser, PASSWORD)
            assert wait_asked(refused) == waits[-1]
            assert guesser.get("/moderation/").status_code == 302
        clock.now += waits[-1] + 0.1
    assert waits == [0, 0, 0, 1, 2, 4, 8, 16]


def test_the_waits_stop_at_fifteen_minutes_per_source_and_a_minute_per_account(
    staff_app: Flask, clock: Clock
) -> None:
    """However long the guessing, a source waits at most 15 minutes, other addresses a minute."""
    with staff_app.test_request_context(environ_base=GUESSER):
        account = identifier_hash(MODERATOR)
        source = throttle.source_for(account)
        for _ in range(30):
            throttle.record_failure(account, source)
        assert throttle.seconds_to_wait(account, source) == 15 * 60
        elsewhere = throttle.Source("another address", trusted=False)
        assert throttle.seconds_to_wait(account, elsewhere) == 60
        trusted = throttle.Source("the owner's browser", trusted=True)
        assert throttle.seconds_to_wait(account, trusted) == 0


def test_guessing_from_many_addresses_slows_every_untrusted_source(
    staff_app: Flask, clock: Clock
) -> None:
    """Guesses spread over addresses add up for the account: ten free, then growing waits."""
    with staff_app.test_request_context():
        account = identifier_hash(MODERATOR)
        waits = []
        for number in range(12):
            source = throttle.Source(f"address {number}", trusted=False)
            throttle.record_failure(account, source)
            waits.append(throttle.seconds_to_wait(account, source))
        assert waits == [0] * 10 + [1, 2]
        newcomer = throttle.Source("a new address", trusted=False)
        assert throttle.seconds_to_wait(account, newcomer) == 2


def test_failed_attempts_are_shown_once_at_the_next_sign_in(staff_app: Flask) -> None:
    """The owner is told how many attempts failed since they last signed in, then not again."""
    add_staff(staff_app)
    guesser = staff_app.test_client()
    guess(guesser)
    guess(guesser)
    owner = staff_app.test_client()
    sign_in(owner, MODERATOR, PASSWORD)
    dashboard = owner.get("/moderation/").get_data(as_text=True)
    assert "There were 2 failed attempts to sign in to your account" in dashboard
    assert "failed attempt" not in owner.get("/moderation/").get_data(as_text=True)


def test_a_failed_sign_in_stores_only_a_keyed_hash_of_what_was_typed(backend_app: Flask) -> None:
    """A password typed in the email box is never stored: only its HMAC and the time."""
    typed = "MySecretPassword99"
    client = backend_app.test_client()
    client.post("/moderation/login", data={"email": typed, "password": "x"})
    with backend_app.extensions["localoffer.db"].engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text("SELECT * FROM login_failures"))]
    assert len(rows) == 1
    assert not any(typed.lower() in str(value).lower() for value in rows[0])
    with backend_app.test_request_context():
        assert identifier_hash(typed) in rows[0]


def test_the_upgrade_hashes_stored_addresses_and_makes_accounts_moderators(
    database_url: str,
) -> None:
    """Revision 0003 replaces each clear-text address by its HMAC and gives every account the
    moderator role; downgrading goes back to the old columns."""
    database = Database(database_url)
    migrate.upgrade(database.engine, "0001")
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO moderators (email, password_hash, created_at) "
                                "VALUES ('a@council.example', 'x', CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO login_failures (email, at) "
                                "VALUES ('typed@example.org', CURRENT_TIMESTAMP)"))  # fmt: skip
    migrate.upgrade(database.engine, secret_key="the portal's key")
    with database.engine.connect() as connection:
        roles = connection.execute(text("SELECT role FROM staff_roles")).scalars().all()
        failures = [tuple(r) for r in connection.execute(text("SELECT * FROM login_failures"))]
    assert roles == ["moderator"]
    assert len(failures) == 1 and "typed@example.org" not in str(failures[0])
    assert migrate.differences(database.engine) == []
    migrate.downgrade(database.engine, "0001")
    assert migrate.current(database.engine) == "0001"
    database.engine.dispose()
