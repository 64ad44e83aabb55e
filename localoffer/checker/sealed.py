"""The checker's answers in the session cookie: encrypted, short-lived, and gone for good
when cleared.

Why encrypted: Flask's session cookie is signed, not encrypted. Anyone who can see it (the
next person at a library computer opening the browser's tools, an extension, a proxy or a
crash report that records cookies) could read a date of birth and care dates from it. The
answers are therefore sealed with AES-GCM (the `cryptography` package) under a key derived
from the portal's secret key: unreadable without that key, and any change is refused.

Why they expire: a shared computer is often left with the browser still open. Sealed with
the answers are when this visit started and when the answers were last used; they are
refused after LOCALOFFER_CHECKER_IDLE_MINUTES without use (30) or
LOCALOFFER_CHECKER_MAX_HOURS after the visit started (2), whatever the cookie says about
itself, since the times are inside the seal.

Why "clear my answers" is final: a server that keeps nothing cannot tell a copy of a cookie
from the original, so a copy taken before clearing would work until it expired. Each visit
therefore gets a random id, sealed with the answers. Clearing writes that id to the
database (a random number and when the visit would have expired: no answer, no address,
nothing about the person), and answers whose id is there are never opened again. The row is
deleted once the visit would have expired anyway. The answers themselves still never reach
the server's disk or logs.

If the database cannot be reached, the checker keeps working: the list of cleared visits
cannot be read, so only the expiry protects a copied cookie until the database is back, and
"clear my answers" still deletes the answers from this browser. The outage is logged.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app, g, session
from sqlalchemy import delete, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from localoffer.clock import now
from localoffer.feedback import db
from localoffer.feedback.models import ClearedAnswers

SESSION_KEY = "checker"
# Set when answers were found but refused (expired or cleared); the next checker page says so.
EXPIRED_KEY = "checker_expired"
# Bound into every seal, so a sealed value made for anything else can never pass as answers.
PURPOSE = b"localoffer checker answers v1"
NONCE_BYTES = 12
DATABASE_DOWN = (OperationalError, InterfaceError, PoolTimeoutError)


@functools.lru_cache(maxsize=4)
def _cipher(secret_key: str) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(
        secret_key.encode()
    )
    return AESGCM(key)


def _seal(visit: dict[str, Any]) -> str:
    nonce = secrets.token_bytes(NONCE_BYTES)
    plain = json.dumps(visit, separators=(",", ":")).encode()
    sealed = _cipher(current_app.config["SECRET_KEY"]).encrypt(nonce, plain, PURPOSE)
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def _unseal(value: Any) -> dict[str, Any] | None:
    """The visit sealed in `value`, or None if it is not one of ours (or was changed)."""
    if not isinstance(value, str):
        return None
    try:
        raw = base64.urlsafe_b64decode(value.encode())
        plain = _cipher(current_app.config["SECRET_KEY"]).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], PURPOSE
        )
        visit = json.loads(plain)
    except (binascii.Error, ValueError, InvalidTag):
        return None
    return visit if isinstance(visit, dict) and isinstance(visit.get("answers"), dict) else None


def idle_limit() -> timedelta:
    return timedelta(minutes=int(current_app.config["CHECKER_IDLE_MINUTES"]))


def max_age() -> timedelta:
    return timedelta(hours=int(current_app.config["CHECKER_MAX_HOURS"]))


def _timestamp(moment: datetime) -> int:
    return int(moment.timestamp())


def _still_valid(visit: dict[str, Any], moment: datetime) -> bool:
    started, seen = visit.get("started"), visit.get("seen")
    if not isinstance(started, int) or not isinstance(seen, int):
        return False
    at = moment.timestamp()
    if at - seen > idle_limit().total_seconds() or at - started > max_age().total_seconds():
        return False
    cleared = select(ClearedAnswers.visit_id).where(ClearedAnswers.visit_id == visit.get("id"))
    try:
        return db.session().scalar(cleared) is None
    except DATABASE_DOWN as error:
        _database_down(error)
        return True


def load_answers() -> dict[str, Any]:
    """This browser's answers, or none if there are none, they have expired or were cleared.

    Using them counts as activity: the idle time starts again from now.
    """
    if "checker_visit" in g:
        return dict(g.checker_visit["answers"])
    stored = session.get(SESSION_KEY)
    if stored is None:
        return {}
    moment = now()
    visit = _unseal(stored)
    if visit is None or not _still_valid(visit, moment):
        session.pop(SESSION_KEY, None)
        session[EXPIRED_KEY] = True
        return {}
    visit["seen"] = _timestamp(moment)
    session[SESSION_KEY] = _seal(visit)
    g.checker_visit = visit
    return dict(visit["answers"])


def new_visit(answers: dict[str, Any]) -> dict[str, Any]:
    """A visit starting now, under a fresh random id."""
    moment = _timestamp(now())
    return {"id": secrets.token_hex(16), "started": moment, "seen": moment, "answers": answers}


def sealed_answers(answers: dict[str, Any]) -> str:
    """The cookie value for these answers in a new visit (what a browser holds after them)."""
    return _seal(new_visit(answers))


def save_answers(answers: dict[str, Any]) -> None:
    """Seal these answers into the cookie, in this visit (or a new one)."""
    if "checker_visit" not in g:
        load_answers()
    visit = g.get("checker_visit") or new_visit(answers)
    visit = {**visit, "seen": _timestamp(now()), "answers": answers}
    session[SESSION_KEY] = _seal(visit)
    g.checker_visit = visit


def clear_answers() -> None:
    """Delete the answers from the cookie and refuse any copy of them from now on."""
    visit = _unseal(session.pop(SESSION_KEY, None))
    g.pop("checker_visit", None)
    session.pop(EXPIRED_KEY, None)
    moment = now()
    db_session = db.session()
    try:
        # Whatever would have expired by now needs no row: its own times refuse it.
        db_session.execute(delete(ClearedAnswers).where(ClearedAnswers.expires_at < moment))
        if visit is not None and isinstance(visit.get("id"), str) and isinstance(
            visit.get("started"), int
        ):
            ends = datetime.fromtimestamp(visit["started"], moment.tzinfo) + max_age()
            if ends > moment and db_session.get(ClearedAnswers, visit["id"]) is None:
                db_session.add(ClearedAnswers(visit_id=visit["id"], expires_at=ends))
        db_session.commit()
    except DATABASE_DOWN as error:
        db_session.rollback()
        _database_down(error)


def _database_down(error: Exception) -> None:
    # The driver's first line only (e.g. "connection refused"): never a statement or a value.
    cause = getattr(error, "orig", None) or error
    summary = (str(cause).splitlines() or [""])[0][:200]
    current_app.logger.error("Cleared checker visits unavailable (%s): %s",
                             type(cause).__name__, summary)  # fmt: skip


def pop_expired_notice() -> bool:
    """True once after answers were refused because they had expired or been cleared."""
    # Only touched when there: popping from an empty session would send a Set-Cookie.
    return EXPIRED_KEY in session and bool(session.pop(EXPIRED_KEY))
