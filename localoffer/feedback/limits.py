"""Rate limits per client for everything that writes: feedback forms and moderator sign-in."""

from __future__ import annotations

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def init_app(app: Flask) -> Limiter:
    """One limiter per app: its counters belong to that app (a test's, a worker's)."""
    app.config.setdefault("LOGIN_RATE_LIMIT", "10 per minute")
    limiter = Limiter(get_remote_address, app=app, key_prefix="localoffer")
    app.extensions["localoffer.limiter"] = limiter
    return limiter


def feedback_limit() -> str:
    return current_app.config["FEEDBACK_RATE_LIMIT"]


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]
