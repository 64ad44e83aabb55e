"""Today's date for a request: the UK date, or the fixed day a test or demonstration sets."""

from __future__ import annotations

from datetime import date

from flask import current_app

from localoffer.clock import uk_today


def today() -> date:
    # Tests fix the date (config TODAY) so ages and birthdays in them never drift.
    return current_app.config.get("TODAY") or uk_today()
