"""Slowing password guessers down without locking the real member of staff out.

A hard lock after a few failures lets anyone lock any account, the real owner included. So
each failed sign-in is counted twice instead, and answered with a growing delay:

- for the account *and this source*: a few free tries, then 1 s, 2 s, 4 s ... up to 15 minutes
  before the next try from there;
- for the account from *any source without a trusted-device cookie*: more free tries, then
  growing delays up to a minute, which slows guessing spread over many addresses.

A source is the browser's trusted-device cookie, given at a successful sign-in, or failing
that the client's address. The real owner's browser carries the cookie, so a guesser elsewhere
never delays them, and their own mistakes delay only them.

The counters live in the rate limiter's storage (`LOCALOFFER_RATELIMIT_STORAGE_URI`), so every
worker and machine sharing that store (Redis) shares them. Keys hold keyed hashes, never an
address or what was typed.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from dataclasses import dataclass

from flask import current_app, request
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeTimedSerializer
from limits.storage import Storage
from werkzeug.wrappers import Response

SOURCE_FREE_FAILURES = 3
SOURCE_LONGEST_WAIT = 15 * 60
ACCOUNT_FREE_FAILURES = 10
ACCOUNT_LONGEST_WAIT = 60
# Failures are forgotten a day after the first of a run.
MEMORY = 24 * 60 * 60

DEVICE_COOKIE = "localoffer_staff_device"
DEVICE_DAYS = 90


def keyed_hash(text: str) -> str:
    """HMAC-SHA256 of `text` under the secret key: comparable, but not readable or guessable."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def identifier_hash(identifier: str) -> str:
    """The keyed hash of what was typed as the email address, normalised as sign-in does."""
    return keyed_hash(identifier.strip().lower())


@dataclass(frozen=True)
class Source:
    """Where a sign-in comes from: a trusted browser of this account, or an address."""

    key: str
    trusted: bool


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="staff-device")


def source_for(account: str) -> Source:
    """This request's source for the account with identifier hash `account`."""
    cookie = request.cookies.get(DEVICE_COOKIE)
    if cookie:
        try:
            data = _serializer().loads(cookie, max_age=DEVICE_DAYS * 24 * 60 * 60)
        except BadSignature:
            data = None
        if isinstance(data, dict) and data.get("account") == account[:32]:
            return Source(keyed_hash(f"device:{data.get('device')}"), trusted=True)
    return Source(keyed_hash(f"address:{get_remote_address()}"), trusted=False)


def trust_this_device(response: Response, account: str) -> None:
    """Mark the browser that has just signed in as a trusted source for the account."""
    value = _serializer().dumps({"account": account[:32], "device": secrets.token_urlsafe(16)})
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_DAYS * 24 * 60 * 60,
        path="/moderation/",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )


def _storage() -> Storage:
    return current_app.extensions["localoffer.limiter"].storage


def _delay(failures: int, free: int, longest: int) -> int:
    if failures <= free:
        return 0
    return min(2 ** (failures - free - 1), longest)


def _keys(account: str, source: Source) -> list[tuple[str, int, int]]:
    keys = [(f"staff-signin:{account}:{source.key}", SOURCE_FREE_FAILURES, SOURCE_LONGEST_WAIT)]
    if not source.trusted:
        keys.append((f"staff-signin:{account}", ACCOUNT_FREE_FAILURES, ACCOUNT_LONGEST_WAIT))
    return keys


def seconds_to_wait(account: str, source: Source) -> int:
    """How long this source must wait before trying this account again (0: it may now)."""
    storage = _storage()
    longest = 0.0
    for key, _free, _longest in _keys(account, source):
        if storage.get(f"{key}:wait"):
            longest = max(longest, storage.get_expiry(f"{key}:wait") - time.time())
    return max(math.ceil(longest), 0)


def record_failure(account: str, source: Source) -> None:
    """Count a failed sign-in (wrong password or code) and start the wait it earns."""
    storage = _storage()
    for key, free, longest in _keys(account, source):
        delay = _delay(storage.incr(f"{key}:failures", MEMORY), free, longest)
        if delay:
            storage.clear(f"{key}:wait")
            storage.incr(f"{key}:wait", delay)


def forget_failures(account: str, source: Source) -> None:
    """After a successful sign-in this source starts afresh (others' counts are kept)."""
    storage = _storage()
    key = _keys(account, source)[0][0]
    storage.clear(f"{key}:failures")
    storage.clear(f"{key}:wait")
