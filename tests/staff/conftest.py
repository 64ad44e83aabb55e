"""Staff sign-in fixtures: the feedback tests' apps and accounts, plus roles and codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feedback.conftest import (  # the feedback tests' shared app and databases
    MODERATOR,
    PASSWORD,
    on_database,
    shared_app,
)
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from localoffer.feedback.models import Moderator

from .signing_in import sign_in

__all__ = ["MODERATOR", "PASSWORD", "shared_app"]


@pytest.fixture
def staff_app(shared_app: Flask, tmp_path: Path) -> Iterator[Flask]:
    """The portal on a fresh SQLite database."""
    with on_database(shared_app, f"sqlite:///{tmp_path / 'staff.sqlite3'}") as app:
        yield app


@pytest.fixture
def backend_app(shared_app: Flask, database_url: str) -> Iterator[Flask]:
    """The portal on a fresh, migrated database of each backend."""
    with on_database(shared_app, database_url) as app:
        yield app


def add_staff(app: Flask, email: str = MODERATOR, *roles: str, password: str = PASSWORD) -> None:
    args = ["moderators", "add", email]
    for role in roles:
        args += ["--role", role]
    result = app.test_cli_runner().invoke(args=args, input=f"{password}\n{password}\n")
    assert result.exit_code == 0, result.output


def account(app: Flask, email: str = MODERATOR) -> Moderator:
    with app.extensions["localoffer.db"].sessions() as session:
        moderator = session.scalar(select(Moderator).where(Moderator.email == email))
        assert moderator is not None
        # Loaded while the session is open, to be read after it closes.
        moderator.roles  # noqa: B018
        moderator.recovery_codes  # noqa: B018
        return moderator


def signed_in(app: Flask, email: str = MODERATOR) -> FlaskClient:
    client = app.test_client()
    response = sign_in(client, email, PASSWORD)
    assert response.status_code in (200, 302), response.status_code
    assert client.get("/moderation/").status_code == 200
    return client
