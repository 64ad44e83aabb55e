"""`/healthz`: 200 with the content count when the database answers, 503 when it does not."""

from __future__ import annotations

import socket
from pathlib import Path

from flask import Flask

from localoffer import create_app
from localoffer.content import Offer


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
    """Once the missing folder exists the same app reports ok: nothing stays broken."""
    folder = tmp_path / "later"
    client = health_app(shipped_offer, f"sqlite:///{folder / 'feedback.sqlite3'}").test_client()
    assert client.get("/healthz").status_code == 503
    folder.mkdir()
    assert client.get("/healthz").get_json()["status"] == "ok"
