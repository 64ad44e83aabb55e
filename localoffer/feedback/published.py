""""You said, we did" answers where they are needed: on the entitlement they are about.

Entitlement pages are kept rendered in memory (web/caching.py), so an answer published in
moderation would not show until the next restart. Each worker therefore asks the database,
at most every CONTENT_POLL_SECONDS, for the newest answer's time and the number of answers,
and empties its page cache when they move: every worker on every machine shows a newly
published answer (or stops showing a withdrawn one) within seconds.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import Flask, current_app, request
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from localoffer.feedback import db, service
from localoffer.feedback.labels import uk_date
from localoffer.feedback.models import ANSWERED_STATUSES, Submission
from localoffer.feedback.text import public_version

STATE = "localoffer.feedback.answers_version"
MAX_ON_A_PAGE = 3  # the newest few; the rest are on the "You said, we did" page


@dataclass(frozen=True)
class PublishedAnswer:
    said: str
    did: str
    answered: date
    language: str  # what the young person wrote in; the answer is in the council's words
    example: bool = False  # made up by a demonstration council, and shown as such


@dataclass
class AnswersVersion:
    version: tuple[int, datetime | None] | None = None
    checked_at: float = float("-inf")
    lock: threading.Lock = field(default_factory=threading.Lock)


def answers_for(entitlement_id: str) -> list[PublishedAnswer]:
    """The newest published answers about one entitlement; a demonstration's examples only
    where it has none yet."""
    found: list[PublishedAnswer] = []
    try:
        rows = service.answered(db.session(), limit=MAX_ON_A_PAGE, entitlement_id=entitlement_id)
    except SQLAlchemyError:  # the page still works without them; the database logs its error
        db.session().rollback()
        rows = []
    for row in rows:
        if row.responded_at is None or not row.public_response or not row.public_message:
            continue  # only what a moderator made public: never the message as sent
        said = public_version(row.public_message)
        found.append(PublishedAnswer(said, row.public_response,
                                     uk_date(row.responded_at).date(), row.language))  # fmt: skip
    if found:  # real answers replace a demonstration's made-up ones
        return found
    offer = current_app.extensions["localoffer.offer"]
    for example in offer.example_answers:
        if example.entitlement_id == entitlement_id:
            found.append(PublishedAnswer(example.said, example.did, example.answered, "en", True))
    return found[:MAX_ON_A_PAGE]


def _version() -> tuple[int, datetime | None]:
    query = select(func.count(), func.max(Submission.responded_at)).where(
        Submission.public_response.is_not(None), Submission.status.in_(ANSWERED_STATUSES)
    )
    count, newest = db.session().execute(query).one()
    return int(count), newest


def catch_up(app: Flask) -> None:
    """Empty this worker's page cache if an answer was published or withdrawn since."""
    state: AnswersVersion = app.extensions[STATE]
    now = time.monotonic()
    if now - state.checked_at < app.config.get("CONTENT_POLL_SECONDS", 3.0):
        return
    with state.lock:
        state.checked_at = now
        try:
            version = _version()
        except SQLAlchemyError:
            db.session().rollback()
            return
        if state.version is not None and version != state.version:
            app.extensions["localoffer.caching"].pages.clear()
        state.version = version


def init_app(app: Flask) -> None:
    app.extensions[STATE] = AnswersVersion()
    app.add_template_global(answers_for, "published_answers")

    def catch_up_with_answers() -> None:
        if request.endpoint != "static":
            catch_up(app)

    # Before the page cache can answer, like the content version's check.
    app.before_request_funcs.setdefault(None, []).insert(0, catch_up_with_answers)
