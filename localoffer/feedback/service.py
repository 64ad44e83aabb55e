"""Storing feedback, listing what the council has answered, and deleting old contact details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from localoffer.feedback.models import (
    ANSWERED_STATUSES,
    ContactDetail,
    LoginFailure,
    Submission,
    utc_now,
)

# The pages that carry "Was this page useful?".
CONTENT_ENDPOINTS = ("pages.home", "pages.theme", "pages.entitlement")


@dataclass(frozen=True)
class PageRef:
    """A content page of the portal, as read from its path."""

    path: str
    language: str
    theme: str | None = None
    entitlement_id: str | None = None


def resolve_page(app: Flask, path: str) -> PageRef | None:
    """The content page at `path`, or None if it is not one (so junk is never stored)."""
    if not path.startswith("/") or len(path) > 300:
        return None
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, args = adapter.match(path, method="GET")
    except HTTPException:  # not found, a redirect or a 405: not a content page
        return None
    if endpoint not in CONTENT_ENDPOINTS:
        return None
    offer = app.extensions["localoffer.offer"]
    theme = args.get("theme")
    entitlement_id = args.get("entitlement_id")
    if entitlement_id is not None:
        item = offer.get(entitlement_id)
        if item is None or item.theme != theme:
            return None
    return PageRef(path, args.get("lang", "en"), theme, entitlement_id)


def save(session: Session, submission: Submission, email: str | None = None) -> Submission:
    """Store the submission (and the address, only when a reply was asked for) in one commit."""
    submission.wants_reply = bool(email)
    if email:
        submission.contact = ContactDetail(email=email, created_at=submission.created_at)
    session.add(submission)
    session.commit()
    return submission


def new_submission(**fields: object) -> Submission:
    return Submission(created_at=utc_now(), status="new", **fields)


def answered(
    session: Session, limit: int = 500, entitlement_id: str | None = None
) -> list[Submission]:
    """Everything with a public response (or only about one entitlement), newest first."""
    query = (
        select(Submission)
        .where(Submission.public_response.is_not(None))
        .where(Submission.status.in_(ANSWERED_STATUSES))
        .order_by(Submission.responded_at.desc(), Submission.id.desc())
        .limit(limit)
    )
    if entitlement_id is not None:
        query = query.where(Submission.entitlement_id == entitlement_id)
    return list(session.scalars(query))


@dataclass(frozen=True)
class PurgeResult:
    contact_details: int
    login_failures: int
    cutoff: datetime


def purge(session: Session, retention_days: int, now: datetime | None = None) -> PurgeResult:
    """Delete contact details older than the retention period, and stale sign-in failures.

    Safe to run at any time and as often as you like: it deletes only what is past its time.
    """
    now = now or utc_now()
    cutoff = now - timedelta(days=retention_days)
    contacts = session.execute(delete(ContactDetail).where(ContactDetail.created_at < cutoff))
    # Failed sign-ins only matter for the lockout window; a day is far beyond it.
    failures = session.execute(
        delete(LoginFailure).where(LoginFailure.at < now - timedelta(days=1))
    )
    session.commit()
    return PurgeResult(contacts.rowcount, failures.rowcount, cutoff)  # type: ignore[attr-defined]
