"""The time: today's date where the law applies (in England, whatever the server's time zone),
and the present moment, from one place that tests can move."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

UK = ZoneInfo("Europe/London")


def uk_today() -> date:
    return datetime.now(UK).date()


def now() -> datetime:
    """The present moment in UTC. An app's CLOCK setting (a function) replaces it, so tests
    can move time forward instead of waiting."""
    clock = current_app.config.get("CLOCK") if has_app_context() else None
    return clock() if clock is not None else datetime.now(UTC)
