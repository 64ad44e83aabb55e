"""`flask --app localoffer moderators ...`: staff accounts, their roles and two-factor sign-in.

The group keeps its first name, `moderators`, though accounts may now be editors or
publishers as well.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import delete, select

from localoffer.feedback import db
from localoffer.feedback.forms import EMAIL_SHAPE
from localoffer.feedback.models import STAFF_ROLES, Moderator, ModeratorSession, StaffRole
from localoffer.moderation import passwords, twofactor

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
@click.option(
    "--no-password",
    is_flag=True,
    help="The account signs in only through the council's single sign-on.",
)
def add(email: str, roles: tuple[str, ...], no_password: bool) -> None:
    """Add a staff account; asks for the password twice without showing it."""
    email = email.strip().lower()
    if not EMAIL_SHAPE.match(email):
        raise click.ClickException(f"{email!r} is not an email address")
    db_session = db.session()
    if db_session.scalar(select(Moderator).where(Moderator.email == email)):
        raise click.ClickException(f"{email} already has a staff account")
    password_hash = ""
    if not no_password:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        problem = passwords.password_problem(password, (email,))
        if problem:
            raise click.ClickException(problem)
        password_hash = passwords.hash_password(password)
    chosen = sorted(set(roles or ("moderator",)))
    moderator = Moderator(email=email, password_hash=password_hash)
    moderator.role_rows = [StaffRole(role=role) for role in chosen]
    db_session.add(moderator)
    db_session.commit()
    click.echo(f"Added {email} as {', '.join(chosen)}.")


@moderators.command("roles")
@click.argument("email")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(STAFF_ROLES),
              help="The account's roles from now on; repeat for several.")  # fmt: skip
def set_roles(email: str, roles: tuple[str, ...]) -> None:
    """Replace an account's roles, and sign it out everywhere so they apply at once."""
    moderator = _account(email)
    chosen = sorted(set(roles))
    moderator.role_rows = [StaffRole(role=role) for role in chosen]
    _end_sessions(moderator)
    db.session().commit()
    click.echo(f"{moderator.email} is now {', '.join(chosen)}.")


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
        two_factor = "two-factor" if moderator.has_two_factor else "no two-factor"
        sign_in = "password" if moderator.password_hash else "single sign-on only"
        click.echo(f"{moderator.email}\t{roles}\t{sign_in}\t{two_factor}")
