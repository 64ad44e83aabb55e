"""The database connection: one engine per app, one session per request, closed at teardown."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

# Several gunicorn workers write to one SQLite file: wait a moment for the lock rather than
# fail, but well within gunicorn's 30 s worker timeout, so a lock held too long gives the
# styled "try again later" page instead of a killed worker and a bare 500.
SQLITE_BUSY_TIMEOUT_SECONDS = 5.0


class StoredElsewhere(RuntimeError):
    """The SQLite file at the configured path is no longer the one this app opened (deleted
    or replaced): what is written now would not be found by the next start."""


def normalise_url(url: str) -> str:
    """`postgres://` and `postgresql://` mean PostgreSQL through psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, busy_timeout: float = SQLITE_BUSY_TIMEOUT_SECONDS) -> Engine:
    url = normalise_url(url)
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    database = make_url(url).database
    in_memory = not database or database == ":memory:"
    options: dict[str, Any] = {
        "connect_args": {"timeout": busy_timeout, "check_same_thread": False},
        # A database error's text would otherwise carry the values: feedback, email addresses.
        "hide_parameters": True,
    }
    if in_memory:
        # One shared connection, or every checkout would see a new, empty database.
        options["poolclass"] = StaticPool
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def configure_sqlite(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if not in_memory:
            # WAL lets pages be read while feedback is written; FULL makes each commit
            # survive a power cut, which WAL's default (NORMAL) does not promise.
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


FileIdentity = tuple[int, int]


def _identity(path: Path) -> FileIdentity | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


class Database:
    """The engine and session factory of one app.

    On SQLite it remembers which file (device and inode) it first opened: a connection keeps
    writing into a file that has been deleted or replaced, and nothing else would notice.
    """

    def __init__(self, url: str, busy_timeout: float = SQLITE_BUSY_TIMEOUT_SECONDS) -> None:
        self.url = normalise_url(url)
        self.busy_timeout = busy_timeout
        self.engine = make_engine(self.url, busy_timeout)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.path = self._file_path()
        self.opened: FileIdentity | None = None
        if self.path is not None:
            event.listen(self.engine, "connect", self._remember_file)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    def _file_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database)

    def _remember_file(self, _connection: Any, _record: Any) -> None:
        if self.opened is None and self.path is not None:
            self.opened = _identity(self.path)

    def check_same_file(self) -> None:
        """Raise StoredElsewhere unless the path still names the SQLite file first opened."""
        if self.path is None:
            return
        if self.opened is None or _identity(self.path) != self.opened:
            raise StoredElsewhere(f"{self.path.name} is not the database file opened at start")


def init_app(app: Flask) -> Database:
    database = Database(
        app.config["DATABASE_URL"],
        float(app.config.get("SQLITE_BUSY_TIMEOUT_SECONDS", SQLITE_BUSY_TIMEOUT_SECONDS)),
    )
    app.extensions["localoffer.db"] = database
    app.teardown_appcontext(close_session)
    return database


def database() -> Database:
    return current_app.extensions["localoffer.db"]


def session() -> Session:
    """The current request's (or command's) session, opened on first use."""
    if "db_session" not in g:
        g.db_session = database().sessions()
    return g.db_session


def close_session(_error: BaseException | None = None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
