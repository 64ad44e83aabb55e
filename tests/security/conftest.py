"""Security fixtures: an app per module, a moderator, and a count of fuzz examples run."""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from localoffer import create_app
from localoffer.content import Offer

TODAY = date(2026, 11, 23)
MODERATOR = "moderator@council.example"
PASSWORD = "correct horse battery staple"
# Limits high enough that a fuzz run never meets them: the limits have their own tests.
NO_LIMITS = {"FEEDBACK_RATE_LIMIT": "1000000 per minute", "LOGIN_RATE_LIMIT": "1000000 per minute",
             "LOCKOUT_ATTEMPTS": 1_000_000}  # fmt: skip

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


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on SQLite and, when `make test` provides one, on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'security.sqlite3'}"
        return
    url = os.environ.get("LOCALOFFER_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("LOCALOFFER_TEST_POSTGRES_REQUIRED"):
            pytest.fail("LOCALOFFER_TEST_POSTGRES_REQUIRED is set but no server URL was given")
        pytest.skip("set LOCALOFFER_TEST_POSTGRES_URL to run against PostgreSQL (make test does)")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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
