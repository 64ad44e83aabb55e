"""`flask --app localoffer db ...` and `flask --app localoffer feedback purge`."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from localoffer.feedback import db as database
from localoffer.feedback import migrate, service

db = AppGroup("db", help="Create and upgrade the feedback database.")
feedback = AppGroup("feedback", help="Look after stored feedback.")


@db.command("upgrade")
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Apply every migration not yet applied (safe to run again)."""
    engine = database.database().engine
    before = migrate.current(engine)
    migrate.upgrade(engine, revision, current_app.config["SECRET_KEY"])
    after = migrate.current(engine)
    if before == after:
        click.echo(f"The database is up to date (revision {after}).")
    else:
        click.echo(f"Upgraded the database from {before or 'empty'} to revision {after}.")


@db.command("current")
def current() -> None:
    """Show the database's revision and whether it is the newest."""
    revision = migrate.current(database.database().engine)
    head = migrate.head()
    state = "up to date" if revision == head else f"behind: run `db upgrade` to reach {head}"
    click.echo(f"Revision {revision or 'none (empty database)'}: {state}.")


@feedback.command("purge")
def purge() -> None:
    """Delete contact details older than the retention period. Safe to run from cron."""
    days = current_app.config["CONTACT_RETENTION_DAYS"]
    result = service.purge(database.session(), days)
    click.echo(
        f"Deleted {result.contact_details} email address(es) given more than {days} days ago "
        f"and {result.login_failures} old failed sign-in record(s)."
    )
