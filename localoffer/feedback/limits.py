"""Rate limits per client: feedback forms, moderator sign-in and the eligibility API.

Every 429 says when to try again (Retry-After, in seconds), so a script backs off for the
right time and a person's browser is told the same.
"""

from __future__ import annotations

import math
import time

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def init_app(app: Flask) -> Limiter:
    """One limiter per app: its counters belong to that app (a test's, a worker's)."""
    app.config.setdefault("LOGIN_RATE_LIMIT", "10 per minute")
    limiter = Limiter(get_remote_address, app=app, key_prefix="localoffer")
    app.extensions["localoffer.limiter"] = limiter
    return limiter


def retry_after() -> int:
    """Whole seconds until the limit this request broke lets the client in again (at least 1).

    Flask-Limiter's own headers would also go on every 200 and 302; only a 429 needs this.
    """
    limiter: Limiter | None = current_app.extensions.get("localoffer.limiter")
    broken = limiter.current_limit if limiter is not None else None
    if broken is None:
        return 60
    return max(1, math.ceil(broken.reset_at - time.time()))


def feedback_limit() -> str:
    return current_app.config["FEEDBACK_RATE_LIMIT"]


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def api_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]
