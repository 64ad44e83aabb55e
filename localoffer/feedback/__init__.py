"""Feedback from care leavers, advisers and the forum: the database, the forms, the pages.

The database is SQLite in the instance folder by default (upgraded automatically at start-up
so `make run` just works) or PostgreSQL, upgraded with `flask --app localoffer db upgrade`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app

from localoffer.feedback import cli, db, email, labels, limits, migrate, published, routes
from localoffer.feedback.text import public_version


def init_app(app: Flask) -> None:
    database = db.init_app(app)
    if database.is_sqlite and app.config.get("AUTO_MIGRATE", True):
        migrate.upgrade_if_needed(database.engine, app.config["SECRET_KEY"])
        # gunicorn preloads the app and forks: no pooled connection may cross into workers.
        database.engine.dispose()
    limiter = limits.init_app(app)
    app.register_blueprint(routes.bp)
    limiter.limit(limits.feedback_limit, methods=["POST"])(routes.bp)
    app.cli.add_command(cli.db)
    app.cli.add_command(cli.feedback)

    app.add_template_global(labels.status_label, "feedback_status")
    app.add_template_global(labels.kind_label, "feedback_kind")
    app.add_template_global(labels.role_label, "feedback_role")
    app.add_template_filter(labels.uk_date, "uk_date")
    app.add_template_filter(public_version, "public_text")
    app.add_template_filter(email.mailto_href, "mailto_href")
    published.init_app(app)

    @app.context_processor
    def feedback_context() -> dict[str, Any]:
        return {"contact_retention_days": current_app.config["CONTACT_RETENTION_DAYS"]}
