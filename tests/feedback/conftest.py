"""Feedback fixtures: every database backend the portal supports, moderators, signed-in clients.

Tests that use `backend_app` run on SQLite always and on PostgreSQL when
LOCALOFFER_TEST_POSTGRES_URL names a server (`make test` starts one). Each PostgreSQL test
gets its own schema, dropped afterwards, so the server is left as it was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.test import TestResponse

from localoffer import create_app
from localoffer.feedback import migrate
from localoffer.feedback.db import Database
from localoffer.feedback.models import Submission

MODERATOR = "moderator@council.example"
PASSWORD = "correct horse battery staple"
TODAY = date(2026, 11, 23)


def make_app(database_url: str, **config: object) -> Flask:
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "TODAY": TODAY,
                       "DATABASE_URL": database_url, **config})  # fmt: skip


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the feedback tests: loading the whole offer for each test would be slow."""
    return make_app(f"sqlite:///{tmp_path_factory.mktemp('shared') / 'unused.sqlite3'}")


@contextmanager
def on_database(app: Flask, url: str) -> Iterator[Flask]:
    """The app on a fresh, migrated database, its settings and rate limits as new afterwards."""
    saved_config = dict(app.config)
    saved_database = app.extensions["localoffer.db"]
    database = Database(url)
    migrate.upgrade(database.engine)
    app.extensions["localoffer.db"] = database
    app.extensions["localoffer.limiter"].reset()
    try:
        yield app
    finally:
        app.extensions["localoffer.db"] = saved_database
        app.config.clear()
        app.config.update(saved_config)
        app.extensions["localoffer.limiter"].reset()
        database.engine.dispose()


@pytest.fixture
def backend_app(shared_app: Flask, database_url: str) -> Iterator[Flask]:
    """The portal on a fresh, migrated database of each backend."""
    with on_database(shared_app, database_url) as app:
        yield app


@pytest.fixture
def feedback_app(shared_app: Flask, tmp_path: Path) -> Iterator[Flask]:
    """The portal on a fresh SQLite database."""
    with on_database(shared_app, f"sqlite:///{tmp_path / 'feedback.sqlite3'}") as app:
        yield app


def add_moderator(app: Flask, email: str = MODERATOR, password: str = PASSWORD) -> None:
    result = app.test_cli_runner().invoke(
        args=["moderators", "add", email], input=f"{password}\n{password}\n"
    )
    assert result.exit_code == 0, result.output


def sign_in(client: FlaskClient, email: str = MODERATOR, password: str = PASSWORD):
    return client.post("/moderation/login", data={"email": email, "password": password})


@pytest.fixture
def moderator_client(feedback_app: Flask) -> FlaskClient:
    """A client signed in as a moderator."""
    add_moderator(feedback_app)
    client = feedback_app.test_client()
    assert sign_in(client).status_code == 302
    return client


@pytest.fixture
def error_links(soup: Callable) -> Callable[[TestResponse], list[tuple[str, str]]]:
    """The links of a page's error summary, which must be there, as (target, message)."""

    def links(response: TestResponse) -> list[tuple[str, str]]:
        summary = soup(response).select_one(".govuk-error-summary")
        assert summary is not None, "no error summary"
        return [(a["href"], a.get_text(strip=True)) for a in summary.select("a")]

    return links


def count_submissions(app: Flask) -> int:
    with app.extensions["localoffer.db"].sessions() as session:
        return session.scalar(select(func.count()).select_from(Submission)) or 0


def all_submissions(app: Flask) -> list[Submission]:
    with app.extensions["localoffer.db"].sessions() as session:
        query = select(Submission).options(selectinload(Submission.contact))
        return list(session.scalars(query.order_by(Submission.id)))


def csrf_token(client: FlaskClient, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, f"no CSRF token on {url}"
    return match.group(1)
