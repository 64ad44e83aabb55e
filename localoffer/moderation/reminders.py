"""Review reminders: each editor gets one email listing what is overdue or due soon.

`flask --app localoffer content reminders` (run daily or weekly from cron) calls `send` through
`app.extensions[REMINDERS]`, so the content commands never import this feature. The email is
plain text in English, like the staff pages, and goes over SMTP as configured by the
`LOCALOFFER_SMTP_*` variables.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from localoffer.clock import today
from localoffer.content import Entitlement, Offer
from localoffer.content.cli import DUE_SOON_DAYS
from localoffer.feedback import db
from localoffer.feedback.models import Moderator, StaffRole

REMINDERS = "localoffer.review_reminders"
# Who keeps the offer's words up to date, and so who is reminded.
REMINDED_ROLES = ("editor",)


class NoMailServer(RuntimeError):
    """LOCALOFFER_SMTP_HOST is not set, so there is nowhere to send the reminders."""


@dataclass(frozen=True)
class Digest:
    overdue: tuple[Entitlement, ...]
    due_soon: tuple[Entitlement, ...]

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon)


def digest(offer: Offer, on: date) -> Digest:
    overdue = tuple(sorted(offer.overdue(on), key=lambda e: (e.review_due, e.path)))
    return Digest(overdue, offer.due_soon(on, DUE_SOON_DAYS))


def _link(item: Entitlement) -> str:
    path = f"/moderation/content/{item.id}/"
    hosts = current_app.config.get("TRUSTED_HOSTS")
    return f"https://{hosts[0]}{path}" if hosts else path


def message_for(found: Digest, on: date, sender: str, recipient: str, council: str) -> EmailMessage:
    lines = [f"Reviews of the local offer as of {on.isoformat()}.", ""]
    for heading, items in (
        ("Overdue", found.overdue),
        (f"Due within {DUE_SOON_DAYS} days", found.due_soon),
    ):
        if items:
            lines.append(f"{heading}:")
            lines += [f"- {e.title} (due {e.review_due.isoformat()}): {_link(e)}" for e in items]
            lines.append("")
    lines.append("Check each one against its sources, then update it or its review dates.")
    message = EmailMessage()
    message["Subject"] = (
        f"{council}: {len(found.overdue)} review(s) overdue, "
        f"{len(found.due_soon)} due within {DUE_SOON_DAYS} days"
    )
    message["From"] = sender
    message["To"] = recipient
    message.set_content("\n".join(lines))
    return message


def editors() -> list[str]:
    """The email address of every member of staff who edits the offer."""
    query = (
        select(Moderator.email)
        .join(StaffRole, StaffRole.moderator_id == Moderator.id)
        .where(StaffRole.role.in_(REMINDED_ROLES))
        .distinct()
        .order_by(Moderator.email)
    )
    return list(db.session().scalars(query))


def send() -> list[str]:
    """Email the digest to every editor; the addresses written to (none if nothing is due)."""
    settings: dict[str, Any] | None = current_app.config.get("SMTP")
    if not settings:
        raise NoMailServer("Set LOCALOFFER_SMTP_HOST to send review reminders")
    offer: Offer = current_app.extensions["localoffer.offer"]
    on = today()
    found = digest(offer, on)
    recipients = editors()
    if not found or not recipients:
        return []
    with smtplib.SMTP(settings["host"], settings["port"], timeout=30) as smtp:
        if settings["starttls"]:
            smtp.starttls()
        if settings["username"]:
            smtp.login(settings["username"], settings["password"] or "")
        for recipient in recipients:
            smtp.send_message(
                message_for(found, on, settings["sender"], recipient, offer.council.name)
            )
    return recipients


def init_app(app: Flask) -> None:
    app.extensions[REMINDERS] = send
