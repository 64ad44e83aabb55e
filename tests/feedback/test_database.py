"""The database on every backend: migrations, durability settings, round trips and the purge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import inspect, select, text

from localoffer import create_app
from localoffer.feedback import migrate, service
from localoffer.feedback.db import make_engine, normalise_url
from localoffer.feedback.models import ContactDetail, LoginFailure, Submission, utc_now

from .conftest import all_submissions, make_app

TABLES = {"submissions", "contact_details", "moderators", "moderator_sessions",
          "login_failures", "alembic_version"}  # fmt: skip


def test_migrations_apply_from_empty_with_the_db_upgrade_command(database_url: str) -> None:
    """`flask db upgrade` builds every table on an empty database and says so."""
    app = make_app(database_url, AUTO_MIGRATE=False)
    engine = app.extensions["localoffer.db"].engine
    assert migrate.current(engine) is None
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "Upgraded the database from empty" in result.output
    assert set(inspect(engine).get_table_names()) >= TABLES
    again = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert "up to date" in again.output
    assert "up to date" in app.test_cli_runner().invoke(args=["db", "current"]).output
    engine.dispose()


def test_models_match_the_migrations(backend_app: Flask) -> None:
    """Autogenerate finds nothing to add: the shipped migrations build exactly the models."""
    assert migrate.differences(backend_app.extensions["localoffer.db"].engine) == []


def test_migrations_go_down_to_empty_and_up_again(backend_app: Flask) -> None:
    """Every migration can be undone, so an upgrade that goes wrong can be rolled back."""
    engine = backend_app.extensions["localoffer.db"].engine
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.head()


def test_embedded_sqlite_is_upgraded_at_start_up(tmp_path) -> None:
    """`make run` needs no extra step: the default SQLite database is ready at start-up."""
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"})
    engine = app.extensions["localoffer.db"].engine
    assert migrate.current(engine) == migrate.head()
    assert app.test_client().get("/you-said-we-did/").status_code == 200


def test_sqlite_is_durable_and_checks_foreign_keys(tmp_path) -> None:
    """WAL journal, FULL synchronous commits and foreign keys on every connection."""
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.sqlite3", "sqlite:///x.sqlite3"),
    ],
)
def test_postgres_urls_use_the_shipped_driver(given: str, expected: str) -> None:
    """A plain postgresql:// URL works without installing another driver."""
    assert normalise_url(given) == expected


def test_a_suggestion_round_trips_through_the_form(backend_app: Flask) -> None:
    """What was typed is stored as typed, with its page, theme, language and the address."""
    client = backend_app.test_client()
    response = client.post(
        "/ar/suggest/suitable-accommodation/",
        data={"change": "اكتب هذا بوضوح", "reason": "Hard to read", "role": "forum",
              "wants_reply": "y", "email": "young.person@example.org"},
    )  # fmt: skip
    assert response.status_code == 302
    [stored] = all_submissions(backend_app)
    assert (stored.kind, stored.status, stored.language) == ("suggestion", "new", "ar")
    assert stored.message == "اكتب هذا بوضوح" and stored.reason == "Hard to read"
    assert (stored.theme, stored.entitlement_id, stored.role) == (
        "housing", "suitable-accommodation", "forum")  # fmt: skip
    assert stored.created_at.tzinfo is not None
    with backend_app.extensions["localoffer.db"].sessions() as session:
        contact = session.get(ContactDetail, stored.id)
        assert contact is not None and contact.email == "young.person@example.org"


def test_deleting_a_submission_deletes_its_contact_details(backend_app: Flask) -> None:
    """The foreign key cascades, so no address is ever left without its message."""
    with backend_app.extensions["localoffer.db"].sessions() as session:
        submission = service.new_submission(kind="general", language="en", message="hi")
        service.save(session, submission, "a@example.org")
        session.execute(text("DELETE FROM submissions"))
        session.commit()
        assert session.scalars(select(ContactDetail)).all() == []


def _stored(session, days_ago: int, email: str | None) -> Submission:
    when = utc_now() - timedelta(days=days_ago)
    submission = Submission(kind="general", language="en", message=f"{days_ago} days",
                            created_at=when, status="new")  # fmt: skip
    if email:
        submission.wants_reply = True
        submission.contact = ContactDetail(email=email, created_at=when)
    session.add(submission)
    return submission


def test_purge_deletes_only_contact_details_past_retention(backend_app: Flask) -> None:
    """91-day-old addresses go; 89-day-old ones and every message stay; a rerun deletes none."""
    with backend_app.extensions["localoffer.db"].sessions() as session:
        _stored(session, 91, "old@example.org")
        _stored(session, 89, "recent@example.org")
        _stored(session, 200, None)
        session.add(LoginFailure(identifier_hash="x" * 64, at=utc_now() - timedelta(days=2)))
        session.add(LoginFailure(identifier_hash="y" * 64, at=utc_now()))
        session.commit()
    runner = backend_app.test_cli_runner()
    first = runner.invoke(args=["feedback", "purge"])
    assert first.exit_code == 0, first.output
    assert "Deleted 1 email address(es) given more than 90 days ago" in first.output
    assert "1 old failed sign-in record(s)" in first.output
    second = runner.invoke(args=["feedback", "purge"])
    assert second.exit_code == 0 and "Deleted 0 email address(es)" in second.output
    with backend_app.extensions["localoffer.db"].sessions() as session:
        emails = session.scalars(select(ContactDetail.email)).all()
        assert emails == ["recent@example.org"]
        assert len(session.scalars(select(Submission)).all()) == 3
        assert session.scalars(select(LoginFailure.identifier_hash)).all() == ["y" * 64]
        old = session.scalar(select(Submission).where(Submission.message == "91 days"))
        assert old.wants_reply and old.contact is None


def test_retention_period_is_configurable(backend_app: Flask) -> None:
    """A council that keeps addresses for 30 days gets them deleted after 30."""
    backend_app.config["CONTACT_RETENTION_DAYS"] = 30
    with backend_app.extensions["localoffer.db"].sessions() as session:
        _stored(session, 31, "a@example.org")
        _stored(session, 29, "b@example.org")
        session.commit()
    output = backend_app.test_cli_runner().invoke(args=["feedback", "purge"]).output
    assert "Deleted 1 email address(es) given more than 30 days ago" in output
