"""Security fixtures: an app per module, a moderator, and a count of fuzz examples run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import COUNT
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


def security_app(offer: Offer, database: Path, **config: object) -> Flask:
    """The portal on its own SQLite file, with a fixed date and no rate limits."""
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": offer, "TODAY": TODAY,
                       "DATABASE_URL": f"sqlite:///{database}", **NO_LIMITS, **config})  # fmt: skip


def add_moderator(app: Flask, email: str = MODERATOR, password: str = PASSWORD) -> None:
    result = app.test_cli_runner().invoke(
        args=["moderators", "add", email], input=f"{password}\n{password}\n"
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(autouse=True)
def count_fuzz_examples(request: pytest.FixtureRequest) -> Iterator[None]:
    """Record how many examples each fuzz target ran in this test, for the run's summary."""
    before = Counter(FUZZ_EXAMPLES)
    yield
    for target, count in (FUZZ_EXAMPLES - before).items():
        request.node.user_properties.append((COUNT, ["fuzz examples run", target, count]))

