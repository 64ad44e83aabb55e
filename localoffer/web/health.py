"""`/healthz`: what a load balancer or uptime monitor asks before sending people here.

200 only when feedback could be stored right now where the next start will find it: the
database takes a write, its schema is at the release's migration, and (SQLite) the file at
the configured path is the one this process opened. 503 otherwise, so a worker that would
lose or refuse what people send is taken out of rotation instead of failing forms.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from localoffer.content import Offer
from localoffer.feedback import migrate
from localoffer.feedback.db import Database, StoredElsewhere
from localoffer.web.private import private

bp = Blueprint("health", __name__)

# A probe must answer quickly: a lock held longer than this is reported, not waited out.
PROBE_LOCK_TIMEOUT_MS = 1000


class Unhealthy(RuntimeError):
    """The database answered, but not in a state where feedback can be kept."""


def _take_a_write(connection: Connection, database: Database) -> None:
    """Lock the schema's version row for writing, then roll back: nothing is changed."""
    if database.is_sqlite:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {PROBE_LOCK_TIMEOUT_MS}")
    else:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {PROBE_LOCK_TIMEOUT_MS}")
    try:
        updated = connection.execute(
            text("UPDATE alembic_version SET version_num = version_num")
        ).rowcount
    finally:
        if database.is_sqlite:
            timeout_ms = int(database.busy_timeout * 1000)
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {timeout_ms}")
    if updated != 1:
        raise Unhealthy("the schema's version row is missing")


def database_problem(database: Database) -> str | None:
    """None when the database is ready to keep feedback, otherwise what is wrong."""
    try:
        with database.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision != migrate.head():
                raise Unhealthy(f"schema at {revision or 'nothing'}, not {migrate.head()}")
            try:
                _take_a_write(connection, database)
            finally:
                connection.rollback()
        # After connecting: the first connection is what records which file was opened.
        database.check_same_file()
    except (SQLAlchemyError, OSError, StoredElsewhere, Unhealthy) as problem:
        cause = getattr(problem, "orig", None) or problem
        return f"{type(cause).__name__}: {(str(cause).splitlines() or [''])[0][:200]}"
    return None


@bp.get("/healthz")
def healthz() -> Response:
    database: Database = current_app.extensions["localoffer.db"]
    offer: Offer = current_app.extensions["localoffer.offer"]
    problem = database_problem(database)
    if problem is None:
        response = jsonify(status="ok", database="ok", content=len(offer.entitlements))
    else:
        current_app.logger.warning("healthz: the feedback database is not ready: %s", problem)
        response = jsonify(status="unavailable", database="unavailable")
        response.status_code = 503
    # A cached "ok" would hide an outage: every probe must reach the application.
    return private(response)
