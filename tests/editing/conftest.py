"""Editing fixtures: the portal on a copy of the shipped content, so publishing can write it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from staff.conftest import PASSWORD, add_staff
from staff.signing_in import sign_in

from localoffer import create_app
from localoffer.content import Offer

TODAY = date(2026, 11, 23)
EDITOR = "editor@council.example"
PUBLISHER = "publisher@council.example"
ITEM = "graduation-costs"
EDIT = f"/moderation/content/{ITEM}/"
PUBLIC = f"/education-employment-training/{ITEM}/"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """The shipped content, copied where the test may change it."""
    folder = tmp_path / "content"
    shutil.copytree(Path(__file__).parents[2] / "content", folder)
    return folder


def portal(content: Path, database: str, offer: Offer, **config: object) -> Flask:
    """One portal (one worker, or one machine) on `content` and the shared `database`."""
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "TODAY": TODAY,
                       "OFFER": offer, "CONTENT_DIR": content, "COUNCIL_DIR": content / "council",
                       "DATABASE_URL": database, "CONTENT_POLL_SECONDS": 0, **config})  # fmt: skip


@pytest.fixture
def database_file(tmp_path: Path, migrated_database: Path) -> str:
    """A fresh, migrated SQLite database the test's portals share."""
    path = tmp_path / "editing.sqlite3"
    shutil.copyfile(migrated_database, path)
    return f"sqlite:///{path}"


@pytest.fixture
def editing_app(content_copy: Path, database_file: str, shipped_offer: Offer) -> Flask:
    app = portal(content_copy, database_file, shipped_offer)
    add_staff(app, EDITOR, "editor")
    add_staff(app, PUBLISHER, "publisher")
    return app


def signed_in(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    sign_in(client, email, PASSWORD)
    return client


def form_of(client: FlaskClient, url: str = EDIT) -> dict[str, str]:
    """Every field of the edit form as the page fills it in, as a browser would send it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    form = soup.select_one("main form[method=post]")
    assert form is not None
    fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    fields |= {t["name"]: t.get_text() for t in form.select("textarea[name]")}
    return fields
