"""`flask --app localoffer moderators add|remove|list`: who may moderate feedback."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from localoffer.feedback import db
from localoffer.feedback.forms import EMAIL_SHAPE
from localoffer.feedback.models import Moderator
from localoffer.moderation import passwords

moderators = AppGroup("moderators", help="Add, remove and list moderator accounts.")


@moderators.command("add")
@click.argument("email")
def add(email: str) -> None:
    """Add a moderator; asks for the password twice without showing it."""
    email = email.strip().lower()
    if not EMAIL_SHAPE.match(email):
        raise click.ClickException(f"{email!r} is not an email address")
    db_session = db.session()
    if db_session.scalar(select(Moderator).where(Moderator.email == email)):
        raise click.ClickException(f"{email} is already a moderator")
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = passwords.password_problem(password)
    if problem:
        raise click.ClickException(problem)
    db_session.add(Moderator(email=email, password_hash=passwords.hash_password(password)))
    db_session.commit()
    click.echo(f"Added moderator {email}.")


@moderators.command("remove")
@click.argument("email")
def remove(email: str) -> None:
    """Remove a moderator and end their sessions."""
    email = email.strip().lower()
    db_session = db.session()
    moderator = db_session.scalar(select(Moderator).where(Moderator.email == email))
    if moderator is None:
        raise click.ClickException(f"{email} is not a moderator")
    db_session.delete(moderator)
    db_session.commit()
    click.echo(f"Removed moderator {email}.")


@moderators.command("list")
def list_moderators() -> None:
    """List moderators' email addresses."""
    for moderator in db.session().scalars(select(Moderator).order_by(Moderator.email)):
        click.echo(moderator.email)
