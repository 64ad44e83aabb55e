"""`/healthz`: what a load balancer or uptime monitor asks before sending people here.

200 when the feedback database answers a trivial query, 503 when it does not, so a worker
that cannot reach the database is taken out of rotation instead of failing forms.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from localoffer.content import Offer
from localoffer.feedback.db import Database

bp = Blueprint("health", __name__)


def database_answers(database: Database) -> bool:
    """True when a `SELECT 1` on a fresh connection from the pool succeeds."""
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        return False
    return True


@bp.get("/healthz")
def healthz() -> Response:
    database: Database = current_app.extensions["localoffer.db"]
    offer: Offer = current_app.extensions["localoffer.offer"]
    if database_answers(database):
        response = jsonify(status="ok", database="ok", content=len(offer.entitlements))
    else:
        current_app.logger.warning("healthz: the feedback database did not answer SELECT 1")
        response = jsonify(status="unavailable", database="unavailable")
        response.status_code = 503
    # A cached "ok" would hide an outage: every probe must reach the application.
    response.headers["Cache-Control"] = "no-store"
    return response

