"""Review reminders (issue 21, point 6): `flask --app localoffer content reminders` emails
each editor one digest of the reviews overdue or due within 30 days, over SMTP to a real
server the test starts on loopback."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from servers import free_port
from staff.conftest import add_staff

from localoffer.content.cli import content

from .conftest import EDITOR

# A day on which some of the shipped offer's reviews are overdue and some fall due soon.
TODAY = date(2027, 4, 15)

SECOND_EDITOR = "second-editor@council.example"
MODERATOR = "moderator@council.example"


@dataclass
class Inbox:
    """What the SMTP server received: each message with the addresses it was sent to."""

    port: int
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    box = Inbox(free_port())
    server = Controller(box, hostname="127.0.0.1", port=box.port)
    server.start()
    try:
        yield box
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def review_day(editing_app: Flask) -> None:
    editing_app.config["TODAY"] = TODAY


def smtp(port: int) -> dict[str, Any]:
    return {"host": "127.0.0.1", "port": port, "starttls": False, "username": None,
            "password": None, "sender": "offer@council.example"}  # fmt: skip


def remind(app: Flask) -> Any:
    return app.test_cli_runner().invoke(content, ["reminders"])


def test_each_editor_gets_one_digest_of_overdue_and_due_soon_reviews(
    editing_app: Flask, inbox: Inbox
) -> None:
    add_staff(editing_app, SECOND_EDITOR, "editor", "publisher")
    add_staff(editing_app, MODERATOR, "moderator")
    editing_app.config["SMTP"] = smtp(inbox.port)
    result = remind(editing_app)
    assert result.exit_code == 0, result.output
    # Editors only: the publisher and the moderator who do not edit get nothing.
    assert sorted(to for to, _ in inbox.received) == [[EDITOR], [SECOND_EDITOR]]
    assert "Sent review reminders to 2 editor(s)" in result.output

    offer = editing_app.extensions["localoffer.offer"]
    overdue = [e for e in offer.entitlements if e.review_due < TODAY]
    soon = [e for e in offer.entitlements if TODAY <= e.review_due <= TODAY + timedelta(days=30)]
    later = [e for e in offer.entitlements if e.review_due > TODAY + timedelta(days=30)]
    assert overdue and soon and later, "the shipped offer has reviews of each kind by TODAY"
    message = inbox.received[0][1]
    assert message["From"] == "offer@council.example"
    assert message["Subject"].endswith(
        f"{len(overdue)} review(s) overdue, {len(soon)} due within 30 days"
    )
    body = message.get_content()
    for item in overdue + soon:
        line = f"- {item.title} (due {item.review_due.isoformat()}): /moderation/content/{item.id}/"
        assert line in body
    for item in later:
        assert f"/moderation/content/{item.id}/" not in body
    assert body.index("Overdue:") < body.index(f"- {overdue[0].title} ") < body.index(
        "Due within 30 days:") < body.index(f"- {soon[0].title} ")


def test_the_links_name_the_site_when_its_host_is_known(
    editing_app: Flask, inbox: Inbox
) -> None:
    editing_app.config["SMTP"] = smtp(inbox.port)
    editing_app.config["TRUSTED_HOSTS"] = ["offer.council.example"]
    assert remind(editing_app).exit_code == 0
    assert "https://offer.council.example/moderation/content/" in inbox.received[0][1].get_content()


def test_without_a_mail_server_the_command_says_what_to_set(editing_app: Flask) -> None:
    editing_app.config["SMTP"] = None
    result = remind(editing_app)
    assert result.exit_code == 1
    assert "Set LOCALOFFER_SMTP_HOST" in result.output


def test_a_mail_server_that_cannot_be_reached_is_reported(editing_app: Flask) -> None:
    editing_app.config["SMTP"] = smtp(free_port())  # nothing listens there
    result = remind(editing_app)
    assert result.exit_code == 1
    assert "Could not send the reminders" in result.output


def test_with_no_editor_nothing_is_sent(editing_app: Flask, inbox: Inbox) -> None:
    from sqlalchemy import delete

    from localoffer.feedback.models import StaffRole

    with editing_app.extensions["localoffer.db"].sessions() as session:
        session.execute(delete(StaffRole).where(StaffRole.role == "editor"))
        session.commit()
    editing_app.config["SMTP"] = smtp(inbox.port)
    result = remind(editing_app)
    assert result.exit_code == 0
    assert inbox.received == []
    assert "no reminders sent" in result.output
