"""`/healthz`: 200 with the content count only when feedback could be kept; 503 when the
database is unreachable, locked, without its schema, or not the file that was opened."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

from bs4 import BeautifulSoup
from flask import Flask

from localoffer import create_app
from localoffer.config import PROJECT_ROOT
from localoffer.content import Offer
from localoffer.feedback.db import SQLITE_BUSY_TIMEOUT_SECONDS


def health_app(offer: Offer, database_url: str) -> Flask:
    # No start-up upgrade: the point is a database that cannot be reached at all.
    return create_app({"TESTING": True, "OFFER": offer, "DATABASE_URL": database_url,
                       "AUTO_MIGRATE": False})  # fmt: skip


def closed_loopback_port() -> int:
    """A loopback port nothing listens on (bound, then released, so it refuses connections)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthz_says_ok_with_the_content_count_when_the_database_answers(
    client, shipped_offer: Offer
) -> None:
    """A working SQLite database gives 200, status ok and the number of entitlements."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == {
        "status": "ok", "database": "ok", "content": len(shipped_offer.entitlements)
    }  # fmt: skip
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_sqlite_file_cannot_be_opened(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """A database path in a folder that does not exist gives 503 and says which part failed."""
    app = health_app(shipped_offer, f"sqlite:///{tmp_path / 'missing' / 'feedback.sqlite3'}")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unavailable"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_postgresql_refuses_the_connection(shipped_offer: Offer) -> None:
    """A PostgreSQL URL to a closed loopback port gives 503, promptly, not an error page."""
    url = f"postgresql+psycopg://nobody:nothing@127.0.0.1:{closed_loopback_port()}/offer"
    response = health_app(shipped_offer, url).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unavailable"}


def test_healthz_recovers_when_the_database_comes_back(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """Once the folder exists and the schema is made the same app reports ok."""
    folder = tmp_path / "later"
    app = health_app(shipped_offer, f"sqlite:///{folder / 'feedback.sqlite3'}")
    client = app.test_client()
    assert client.get("/healthz").status_code == 503
    folder.mkdir()
    assert client.get("/healthz").status_code == 503, "an empty file has no schema yet"
    assert app.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
    assert client.get("/healthz").get_json()["status"] == "ok"


def sqlite_app(offer: Offer, path: Path) -> Flask:
    """The portal on its own migrated SQLite file, with a short lock wait to keep tests quick."""
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": offer,
                       "DATABASE_URL": f"sqlite:///{path}", "SQLITE_BUSY_TIMEOUT_SECONDS": 0.2,
                       "FEEDBACK_RATE_LIMIT": "1000 per minute"})  # fmt: skip


def test_healthz_is_503_while_another_process_holds_the_write_lock(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """A locked database cannot take feedback, so the probe says 503 instead of ok."""
    path = tmp_path / "locked.sqlite3"
    client = sqlite_app(shipped_offer, path).test_client()
    assert client.get("/healthz").status_code == 200
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert client.get("/healthz").status_code == 503
        sent = client.post("/feedback/", data={"message": "Sent while the file is locked"})
        assert sent.status_code == 503 and b"Sent while the file is locked" in sent.data
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert client.get("/healthz").status_code == 200


def test_healthz_is_503_once_the_sqlite_file_is_deleted_under_it(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """Connections still write into the deleted file; the probe notices it is not the one."""
    path = tmp_path / "deleted.sqlite3"
    client = sqlite_app(shipped_offer, path).test_client()
    assert client.get("/healthz").status_code == 200
    path.unlink()
    assert client.get("/healthz").status_code == 503


def test_healthz_is_503_when_the_schema_is_missing(tmp_path: Path, shipped_offer: Offer) -> None:
    """A database nobody has upgraded answers queries but cannot keep feedback."""
    app = health_app(shipped_offer, f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert app.test_client().get("/healthz").status_code == 503


def test_feedback_into_a_deleted_file_is_not_thanked_and_is_kept_in_the_form(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """The commit lands in the deleted file, so the person is told to try again, text kept."""
    path = tmp_path / "feedback.sqlite3"
    client = sqlite_app(shipped_offer, path).test_client()
    client.get("/healthz")  # a pooled connection now holds the file open
    path.unlink()
    sent = client.post("/feedback/", data={"message": "Please keep this message"})
    assert sent.status_code == 503
    page = BeautifulSoup(sent.data, "html.parser")
    assert "Try again later." in page.select_one(".app-unavailable").get_text()
    assert page.select_one("main form textarea").get_text() == "Please keep this message"


def test_the_sqlite_lock_wait_is_well_below_the_worker_timeout() -> None:
    """A lock gives the styled page long before gunicorn would kill the worker (a bare 500)."""
    settings: dict[str, object] = {}
    exec((PROJECT_ROOT / "gunicorn.conf.py").read_text(), settings)
    assert settings["timeout"] >= SQLITE_BUSY_TIMEOUT_SECONDS * 4


def test_healthz_is_ok_on_each_database_once_upgraded(
    database_url: str, shipped_offer: Offer
) -> None:
    """SQLite and PostgreSQL alike: 503 before `db upgrade` makes the schema, 200 after."""
    app = health_app(shipped_offer, database_url)
    client = app.test_client()
    try:
        assert client.get("/healthz").status_code == 503
        assert app.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
        assert client.get("/healthz").get_json() == {
            "status": "ok", "database": "ok", "content": len(shipped_offer.entitlements)
        }  # fmt: skip
    finally:
        app.extensions["localoffer.db"].engine.dispose()
