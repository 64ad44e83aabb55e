"""`flask --app localoffer moderators ...`: staff accounts, their roles and two-factor sign-in.

The group keeps its first name, `moderators`, though accounts may now be editors,
publishers or reviewers as well. A reviewer is given the languages they read fluently
(`--role reviewer --language ar`), and may sign off translations in those only.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import delete, select

from localoffer.feedback import db
from localoffer.feedback.forms import EMAIL_SHAPE
from localoffer.feedback.models import (
    STAFF_ROLES,
    Moderator,
    ModeratorSession,
    StaffLanguage,
    StaffRole,
)
from localoffer.languages import SHIPPED_LANGUAGES
from localoffer.moderation import passwords, twofactor

# The languages a reviewer can be given: every published language but the source, English.
REVIEW_LANGUAGES = SHIPPED_LANGUAGES[1:]
language_option = click.option(
    "--language", "languages", multiple=True, type=click.Choice(REVIEW_LANGUAGES),
    help="A language a reviewer may sign off; repeat for several. Needed with --role reviewer.",
)  # fmt: skip

moderators = AppGroup(
    "moderators", help="Add, remove and list staff accounts; reset two-factor sign-in."
)


def _account(email: str) -> Moderator:
    moderator = db.session().scalar(
        select(Moderator).where(Moderator.email == email.strip().lower())
    )
    if moderator is None:
        raise click.ClickException(f"{email.strip().lower()} has no staff account")
    return moderator


def _roles_and_languages(
    moderator: Moderator, roles: list[str], languages: tuple[str, ...]
) -> str:
    """Give `moderator` these roles and languages; how to say so. A reviewer needs a language,
    and only a reviewer has any."""
    if "reviewer" in roles and not languages:
        raise click.ClickException("a reviewer needs at least one --language, e.g. --language ar")
    if languages and "reviewer" not in roles:
        raise click.ClickException("--language is for reviewers: add --role reviewer")
    moderator.role_rows = [StaffRole(role=role) for role in roles]
    moderator.language_rows = [StaffLanguage(lang=lang) for lang in sorted(set(languages))]
    shown = ", ".join(roles)
    return f"{shown} ({', '.join(sorted(set(languages)))})" if languages else shown


def _end_sessions(moderator: Moderator) -> None:
    db.session().execute(
        delete(ModeratorSession).where(ModeratorSession.moderator_id == moderator.id)
    )


@moderators.command("add")
@click.argument("email")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice(STAFF_ROLES),
    help="What the account may do; repeat for several. Default: moderator.",
)
@language_option
@click.option(
    "--no-password",
    is_flag=True,
    help="The account signs in only through the council's single sign-on.",
)
def add(email: str, roles: tuple[str, ...], languages: tuple[str, ...], no_password: bool) -> None:
    """Add a staff account; asks for the password twice without showing it."""
    email = email.strip().lower()
    if not EMAIL_SHAPE.match(email):
        raise click.ClickException(f"{email!r} is not an email address")
    db_session = db.session()
    if db_session.scalar(select(Moderator).where(Moderator.email == email)):
        raise click.ClickException(f"{email} already has a staff account")
    chosen = sorted(set(roles or ("moderator",)))
    moderator = Moderator(email=email, password_hash="")
    shown = _roles_and_languages(moderator, chosen, languages)  # before asking for a password
    password_hash = ""
    if not no_password:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        problem = passwords.password_problem(password, (email,))
        if problem:
            raise click.ClickException(problem)
        password_hash = passwords.hash_password(password)
    moderator.password_hash = password_hash
    db_session.add(moderator)
    db_session.commit()
    click.echo(f"Added {email} as {shown}.")


@moderators.command("roles")
@click.argument("email")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(STAFF_ROLES),
              help="The account's roles from now on; repeat for several.")  # fmt: skip
@language_option
def set_roles(email: str, roles: tuple[str, ...], languages: tuple[str, ...]) -> None:
    """Replace an account's roles (and a reviewer's languages), and sign it out everywhere so
    they apply at once."""
    moderator = _account(email)
    shown = _roles_and_languages(moderator, sorted(set(roles)), languages)
    _end_sessions(moderator)
    db.session().commit()
    click.echo(f"{moderator.email} is now {shown}.")


@moderators.command("reset-2fa")
@click.argument("email")
def reset_two_factor(email: str) -> None:
    """Forget a lost phone: the account sets up two-factor sign-in again at its next sign-in."""
    moderator = _account(email)
    twofactor.reset(moderator)
    _end_sessions(moderator)
    db.session().commit()
    click.echo(
        f"Two-factor sign-in reset for {moderator.email}: their sessions have ended, and they "
        "will set up a new app at their next sign-in. Check it is really them asking."
    )


@moderators.command("remove")
@click.argument("email")
def remove(email: str) -> None:
    """Remove a staff account and end its sessions."""
    moderator = _account(email)
    db_session = db.session()
    db_session.delete(moderator)
    db_session.commit()
    click.echo(f"Removed {moderator.email}.")


@moderators.command("list")
def list_moderators() -> None:
    """List staff accounts with their roles and whether two-factor sign-in is set up."""
    for moderator in db.session().scalars(select(Moderator).order_by(Moderator.email)):
        roles = ",".join(sorted(moderator.roles))
        if moderator.languages:
            roles += f" ({','.join(moderator.languages)})"
        two_factor = "two-factor" if moderator.has_two_factor else "no two-factor"
        sign_in = "password" if moderator.password_hash else "single sign-on only"
        click.echo(f"{moderator.email}\t{roles}\t{sign_in}\t{two_factor}")
