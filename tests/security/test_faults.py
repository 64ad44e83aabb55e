"""Faults: the server killed mid-write, a database that is gone, a content file that is wrong.

The server tests run the real production server (gunicorn with gunicorn.conf.py) on a free
loopback port, on a SQLite file in a temporary folder, each bounded by a timeout.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import logging
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from sqlalchemy import text

from localoffer import create_app
from localoffer.config import PROJECT_ROOT
from localoffer.content import Offer

from .conftest import NO_LIMITS, TODAY
from .fuzzing import assert_styled_page, parse

FIXTURE_CONTENT = PROJECT_ROOT / "tests" / "fixtures" / "content"
CLIENTS = 12
START_TIMEOUT = 90
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCALOFFER_", "FLASK_"))}
    return {**env, "LOCALOFFER_BIND": f"127.0.0.1:{port}", "LOCALOFFER_WORKERS": "3",
            "LOCALOFFER_DATABASE_URL": f"sqlite:///{database}",
            "LOCALOFFER_SECRET_KEY": "fault-test-" + "k" * 40,
            "LOCALOFFER_FEEDBACK_RATE_LIMIT": "1000000 per minute", **extra}  # fmt: skip


def gunicorn(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """gunicorn in its own process group, so that one signal reaches master and workers."""
    with log.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def wait_until_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped while starting"
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server did not answer /healthz within {START_TIMEOUT}s")


def kill_group(process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
    process.wait(timeout=30)


@contextmanager
def running_server(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = gunicorn(env, log)
    try:
        wait_until_healthy(f"http://{env['LOCALOFFER_BIND']}", process)
        yield process
    finally:
        kill_group(process, signal.SIGTERM if process.poll() is None else signal.SIGKILL)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class FeedbackClient(threading.Thread):
    """One person sending feedback again and again, noting each one the portal confirmed."""

    def __init__(self, base: str, number: int, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.base, self.number, self.stop = base, number, stop
        self.acknowledged: list[tuple[str, str | None]] = []
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )

    def run(self) -> None:
        try:
            with self.opener.open(self.base + "/feedback/", timeout=10) as response:
                token = TOKEN.search(response.read().decode()).group(1)  # type: ignore[union-attr]
        except OSError:
            return
        sent = 0
        while not self.stop.is_set():
            sent += 1
            message = f"Fault test message {self.number}-{sent}: " + " ".join(["bus pass"] * 20)
            email = f"client{self.number}.{sent}@example.org" if sent % 2 else None
            fields = {"message": message, "csrf_token": token}
            if email:
                fields |= {"wants_reply": "y", "email": email}
            request = urllib.request.Request(
                self.base + "/feedback/", data=urllib.parse.urlencode(fields).encode()
            )
            try:
                with self.opener.open(request, timeout=10) as response:
                    response.read()
                    status, location = response.status, response.headers.get("Location", "")
            except urllib.error.HTTPError as error:
                status, location = error.code, error.headers.get("Location", "")
            except OSError:
                return  # the server is gone: whatever was in flight was never confirmed
            if status == 302 and "/feedback/thanks/general/" in location:
                self.acknowledged.append((message, email))


def test_feedback_confirmed_before_a_sigkill_is_all_there_after_restart(
    tmp_path: Path, report_figure: Callable[[str, str], None]
) -> None:
    """Many clients post feedback; the server is killed; every confirmed one is whole on disk."""
    database = tmp_path / "feedback.sqlite3"
    port = free_port()
    env = server_env(database, port)
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    process = gunicorn(env, log)
    try:
        wait_until_healthy(base, process)
        stop = threading.Event()
        clients = [FeedbackClient(base, n, stop) for n in range(CLIENTS)]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if sum(len(c.acknowledged) for c in clients) >= 150:
                break
            time.sleep(0.05)
        # Mid-stream: requests are in flight in every worker when the whole group dies.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        stop.set()
        for client in clients:
            client.join(timeout=30)
    finally:
        kill_group(process)
    acknowledged = [item for client in clients for item in client.acknowledged]
    assert len(acknowledged) >= 20, "too few submissions were confirmed to prove anything"

    with running_server(env, log):  # the portal starts again on the same file
        with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
            assert response.status == 200
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            rows = connection.execute(
                "SELECT s.id, s.kind, s.status, s.language, s.created_at, s.message,"
                " s.wants_reply, c.email FROM submissions s"
                " LEFT JOIN contact_details c ON c.submission_id = s.id"
            ).fetchall()
            orphans = connection.execute(
                "SELECT count(*) FROM contact_details c WHERE NOT EXISTS"
                " (SELECT 1 FROM submissions s WHERE s.id = c.submission_id)"
            ).fetchone()[0]
        finally:
            connection.close()

    found = {message: email for (_id, _k, _s, _l, _c, message, _w, email) in rows}
    for _id, kind, status, language, created_at, message, wants_reply, email in rows:
        assert kind == "general" and status == "new" and language == "en" and created_at
        assert message.startswith("Fault test message ") and message.endswith("bus pass")
        assert bool(wants_reply) == (email is not None), "a reply asked for without an address"
    assert orphans == 0
    missing = [message for message, _ in acknowledged if message not in found]
    assert not missing, f"{len(missing)} confirmed submissions were lost"
    for message, email in acknowledged:
        assert found[message] == email
    report_figure(
        "fault tests",
        f"SIGKILL during feedback: {len(acknowledged)} acknowledged, {len(rows)} found after "
        f"restart, {len(missing)} lost, 0 half-written ({CLIENTS} clients)"
    )
    # The server's own log holds no message text or email address.
    output = log.read_text(encoding="utf-8", errors="replace")
    assert "Fault test message" not in output and "@example.org" not in output


def test_a_bad_content_file_stops_the_real_server_before_it_serves(tmp_path: Path) -> None:
    """gunicorn exits with an error naming the file and the field; no partial offer is served."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    broken = content / "council" / "health" / "free-gym.md"
    source = broken.read_text(encoding="utf-8")
    broken.write_text(source.replace("who: [eligible", "who: [elegible"), encoding="utf-8")
    port = free_port()
    env = server_env(tmp_path / "db.sqlite3", port, LOCALOFFER_CONTENT_DIR=str(content))
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False, start_new_session=True,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "free-gym.md" in output and "who" in output and "elegible" in output
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "something is still serving"


# ---- A database that is unavailable -------------------------------------------------------


def unavailable_app(offer: Offer, url: str) -> Flask:
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": offer, "TODAY": TODAY,
                       "DATABASE_URL": url, "AUTO_MIGRATE": False, **NO_LIMITS})  # fmt: skip


def closed_port_url() -> str:
    return f"postgresql+psycopg://nobody:nothing@127.0.0.1:{free_port()}/offer"


def assert_kept_for_later(page: BeautifulSoup, message: str) -> None:
    """The form again, saying "try again later", with what was typed still in it."""
    notice = page.select_one(".app-unavailable [role=alert]")
    assert notice and "Sorry, the service is unavailable" in notice.get_text()
    assert "Try again later." in notice.get_text()
    assert page.select("main form textarea")[0].get_text() == message


def assert_unavailable(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    """Forms that write say "try again later" on a styled 503; /healthz says so; pages work."""
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    message = "Unavailable-database feedback text"
    posts = {
        "/feedback/": {"message": message, "wants_reply": "y", "email": "gone@example.org"},
        "/suggest/staying-put/": {"change": message},
        "/feedback/page/": {"page": "/", "useful": "yes", "comment": message},
        "/moderation/login": {"email": "gone@example.org", "password": "whatever it is"},
    }
    for url, data in posts.items():
        response = client.post(url, data=data)
        assert response.status_code == 503, (url, response.status_code)
        page = parse(response)
        assert_styled_page(page)
        if url.startswith("/moderation/"):
            assert "Sorry, the service is unavailable" in page.select_one("h1").get_text()
            continue
        assert_kept_for_later(page, message)
    assert client.get("/you-said-we-did/").status_code == 503
    assert client.get("/moderation/").status_code == 302  # to sign in, which then says 503
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["database"] == "unavailable"
    # What does not need the database is still served.
    assert client.get("/").status_code == 200
    api = client.post("/api/v1/eligibility", json={"date_of_birth": "2007-05-01"})
    assert api.status_code == 200
    assert message not in caplog.text and "gone@example.org" not in caplog.text
    assert "Database unavailable" in caplog.text


def test_a_removed_sqlite_database_gives_a_styled_503(
    shipped_offer: Offer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The folder holding the SQLite file disappears after start-up."""
    folder = tmp_path / "data"
    folder.mkdir()
    url = f"sqlite:///{folder / 'feedback.sqlite3'}"
    app = create_app({"TESTING": True, "OFFER": shipped_offer, "DATABASE_URL": url})
    app.config.update(WTF_CSRF_ENABLED=False, **NO_LIMITS)
    shutil.rmtree(folder)
    app.extensions["localoffer.db"].engine.dispose()
    assert_unavailable(app, caplog)


def test_postgresql_on_a_closed_port_gives_a_styled_503(
    shipped_offer: Offer, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing listens where PostgreSQL should be: refused at once, answered with a 503."""
    assert_unavailable(unavailable_app(shipped_offer, closed_port_url()), caplog)


def test_the_api_says_unavailable_in_json(shipped_offer: Offer) -> None:
    """An /api/ request that meets a dead database gets JSON, not an HTML page."""
    app = unavailable_app(shipped_offer, closed_port_url())

    @app.get("/api/v1/_needs_database")
    def needs_database() -> str:
        with app.extensions["localoffer.db"].engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return "unreachable"

    response = app.test_client().get("/api/v1/_needs_database")
    assert response.status_code == 503 and response.is_json
    assert response.get_json()["errors"]


def test_a_database_error_never_logs_what_was_submitted(
    shipped_offer: Offer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A refused insert (here a trigger) logs the error without the statement's values."""
    caplog.set_level(logging.DEBUG)
    database = tmp_path / "refusing.sqlite3"
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": shipped_offer,
                      "DATABASE_URL": f"sqlite:///{database}", **NO_LIMITS})  # fmt: skip
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON submissions "
                           "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END")  # fmt: skip
    connection.close()
    message = "Private-message-that-must-not-be-logged"
    response = app.test_client().post("/feedback/", data={"message": message, "wants_reply": "y",
                                                          "email": "secret@example.org"})
    assert response.status_code == 500
    assert_styled_page(parse(response))
    assert "refused by trigger" in caplog.text  # the cause is logged for the council...
    assert message not in caplog.text and "secret@example.org" not in caplog.text  # ...not this
