"""Alembic migrations shipped inside the package, run against the app's own engine."""

from __future__ import annotations

import fcntl
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from localoffer.feedback.models import Base

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(
    connection: Connection | None = None, secret_key: str | None = None
) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    # Revision 0003 turns stored sign-in identifiers into keyed hashes, which needs the key.
    config.attributes["secret_key"] = secret_key
    return config


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Several workers starting at once on one SQLite file upgrade it one at a time."""
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migration-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@functools.cache
def head() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


def current(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_if_needed(engine: Engine, secret_key: str | None = None) -> None:
    """Bring the database to the newest revision, doing nothing when it already is."""
    if current(engine) != head():
        upgrade(engine, secret_key=secret_key)


def upgrade(engine: Engine, revision: str = "head", secret_key: str | None = None) -> None:
    with _migration_lock(engine), engine.begin() as connection:
        command.upgrade(alembic_config(connection, secret_key), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with _migration_lock(engine), engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def differences(engine: Engine) -> list[Any]:
    """What the models declare that the migrated database lacks (empty when they agree)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)
