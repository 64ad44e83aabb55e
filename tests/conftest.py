"""Shared fixtures: the app on shipped content, a test client, and parsed pages."""

from __future__ import annotations

import os
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, Playwright, sync_playwright
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.test import TestResponse

from localoffer import create_app
from localoffer.checker.sealed import sealed_answers
from localoffer.checker.state import SESSION_KEY, CheckerState
from localoffer.config import content_dirs
from localoffer.content import Offer, load_offer

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
# The checker's tests look at the worked example of docs/architecture.md (born 1 May 2007, in
# care from 1 June 2021 to 30 April 2025) on a fixed day, so every date they expect stays true.
CHECK_DAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright driver for the whole run: the browser and the deployment tests share
    it, because a second sync driver cannot start while the first one's event loop runs."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Chromium from the system; a missing browser fails loudly, never skips."""
    try:
        launched = chromium.launch(playwright)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    yield launched
    launched.close()


# Figures the tests measure, printed at the end of the run. They travel in each test's
# report (its user properties), so they reach the summary from every pytest-xdist worker.
FIGURE = "localoffer-figure"
COUNT = "localoffer-count"


@pytest.fixture
def report_figure(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """`report_figure(heading, line)` prints `line` under `heading` at the end of the run."""

    def report(heading: str, line: str) -> None:
        request.node.user_properties.append((FIGURE, [heading, line]))

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines: dict[str, list[str]] = {}
    counts: dict[str, Counter[str]] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            # Each phase's report repeats what was recorded so far: the teardown has it all.
            if not isinstance(report, pytest.TestReport) or report.when != "teardown":
                continue
            for name, value in report.user_properties:
                if name == FIGURE:
                    lines.setdefault(value[0], []).append(value[1])
                elif name == COUNT:
                    counts.setdefault(value[0], Counter())[value[1]] += value[2]
    for heading, found in sorted(lines.items()):
        terminalreporter.section(heading)
        for line in found:
            terminalreporter.write_line(line)
    for heading, counted in sorted(counts.items()):
        terminalreporter.section(heading)
        for label, count in sorted(counted.items()):
            terminalreporter.write_line(f"{count:6d}  {label}")
        terminalreporter.write_line(f"{sum(counted.values()):6d}  in all")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser drives Chromium: mark it so it can be left out."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        if browser in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def shipped_offer() -> Offer:
    """The shipped content, loaded and validated once for the whole run."""
    return load_offer(*content_dirs({}))


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory, shipped_offer: Offer) -> Path:
    """An empty database at the newest migration, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    create_app({"TESTING": True, "OFFER": shipped_offer, "DATABASE_URL": f"sqlite:///{path}"})
    return path


@pytest.fixture
def app(tmp_path: Path, shipped_offer: Offer, migrated_database: Path) -> Flask:
    database = tmp_path / "test.sqlite3"
    shutil.copyfile(migrated_database, database)
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": shipped_offer,
                       "DATABASE_URL": f"sqlite:///{database}"})  # fmt: skip


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _parse(response: TestResponse) -> BeautifulSoup:
    return BeautifulSoup(response.data, "html.parser")


@pytest.fixture
def soup() -> Callable[[TestResponse], BeautifulSoup]:
    """Parse a test client's response into HTML to query: the one parser every page test uses."""
    return _parse


@pytest.fixture
def page(client: FlaskClient) -> Callable[..., BeautifulSoup]:
    """Fetch a URL, check the status, and return the parsed HTML."""

    def fetch(url: str, status: int = 200) -> BeautifulSoup:
        response = client.get(url)
        assert response.status_code == status, f"{url} gave {response.status_code}"
        return _parse(response)

    return fetch


@pytest.fixture
def fixture_content(tmp_path: Path) -> Path:
    """A small, valid content tree copied into a temporary folder, ready to be broken."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def web(app: Flask) -> FlaskClient:
    """A browser on the app, with the checker's idea of today fixed at CHECK_DAY."""
    app.config["TODAY"] = CHECK_DAY
    return app.test_client()


def put_answers(client: FlaskClient, answers: dict[str, Any]) -> None:
    """Give a browser these checker answers, sealed as the question pages would seal them."""
    with client.application.app_context(), client.session_transaction() as session:
        session[SESSION_KEY] = sealed_answers(answers)


@pytest.fixture
def finish_checker() -> Callable[..., None]:
    """Put the worked example in a browser's session as finished answers, as the question
    pages would; keyword arguments change single answers (e.g. education="higher")."""

    def finish(client: FlaskClient, **changes: object) -> None:
        state = CheckerState(
            route="dates", date_of_birth="2007-05-01",
            periods=[{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
            add_another="no", special_guardianship="no", custody="no", education="none",
            # The optional questions, left blank: not answered, which hides nothing.
            parent="", came_to_uk_alone="", disability="", where_you_live="", in_custody_now="",
        )  # fmt: skip
        put_answers(client, {**asdict(state), **changes})

    return finish


def _postgres_url() -> str:
    url = os.environ.get("LOCALOFFER_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("LOCALOFFER_TEST_POSTGRES_REQUIRED"):
        pytest.fail("LOCALOFFER_TEST_POSTGRES_REQUIRED is set but no server URL was given")
    pytest.skip("set LOCALOFFER_TEST_POSTGRES_URL to run against PostgreSQL (make test does)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on SQLite and, when `make test` provides one, on PostgreSQL.

    Each PostgreSQL test gets its own schema, dropped afterwards, so the server is left as
    it was found.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test-database.sqlite3'}"
        return
    url = _postgres_url()
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


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server of the tests' own on loopback (Debian's package; `make test`
    installs it), for anything that several workers must share, e.g. rate-limit counters:
    `create_app({"RATELIMIT_STORAGE_URI": redis_url, ...})`. Stopped after the run."""
    from servers import redis_server

    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url
