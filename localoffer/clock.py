"""The time: today's date where the law applies (in England, whatever the server's time zone),
and the present moment, from one place that tests can move."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def _setting(name: str) -> Any:
    """An app's setting when an app is running, else None. Flask is looked up, not imported:
    the content commands use this module without the web framework, and with no Flask loaded
    there can be no app."""
    flask = sys.modules.get("flask")
    if flask is None or not flask.has_app_context():
        return None
    return flask.current_app.config.get(name)


def _uk_today() -> date:
    return datetime.now(UK).date()


def today() -> date:
    """Today's date for the web pages, the API, the Open Referral feed, moderation and the
    command line. An app's TODAY setting fixes it, so ages, birthdays and the amount in force
    never drift in tests or a demonstration."""
    return _setting("TODAY") or _uk_today()


def now() -> datetime:
    """The present moment in UTC. An app's CLOCK setting (a function) replaces it, so tests
    can move time forward instead of waiting."""
    clock = _setting("CLOCK")
    return clock() if clock is not None else datetime.now(UTC)
