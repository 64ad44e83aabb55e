"""Security fixtures: an app per module, a moderator, and a count of fuzz examples run."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from flask import Flask

from localoffer import create_app
from localoffer.content import Offer

TODAY = date(2026, 11, 23)
MODERATOR = "moderator@council.example"
PASSWORD = "correct horse battery staple"
# Limits high enough that a fuzz run never meets them: the limits have their own tests.
NO_LIMITS = {"FEEDBACK_RATE_LIMIT": "1000000 per minute", "LOGIN_RATE_LIMIT": "1000000 per minute",
             "API_RATE_LIMIT": "1000000 per minute"}  # fmt: skip

# How many generated examples each fuzz target ran, printed at the end of the run.
FUZZ_EXAMPLES: Counter[str] = Counter()
# Figures from the fault tests (e.g. submissions acknowledged and found after a kill).
FAULT_FIGURES: list[str] = []


def security_app(offer: Offer, database: Path, **config: object) -> Flask:
    """The portal on its own SQLite file, with a fixed date and no rate limits."""
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": offer, "TODAY": TODAY,
                       "DATABASE_URL": f"sqlite:///{database}", **NO_LIMITS, **config})  # fmt: skip


def add_moderator(app: Flask, email: str = MODERATOR, password: str = PASSWORD) -> None:
    result = app.test_cli_runner().invoke(
        args=["moderators", "add", email], input=f"{password}\n{password}\n"
    )
    assert result.exit_code == 0, result.output


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZ_EXAMPLES:
        terminalreporter.section("fuzz examples run")
        for target, count in sorted(FUZZ_EXAMPLES.items()):
            terminalreporter.write_line(f"{count:6d}  {target}")
        terminalreporter.write_line(f"{sum(FUZZ_EXAMPLES.values()):6d}  in all")
    if FAULT_FIGURES:
        terminalreporter.section("fault tests")
        for line in FAULT_FIGURES:
            terminalreporter.write_line(line)
