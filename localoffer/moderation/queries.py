"""Finding feedback for the queue and the CSV export: one filter, used by both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, func, select

from localoffer.clock import UK
from localoffer.feedback.models import Submission

# The statements are left untyped (bare Select): SQLAlchemy 2.0 and 2.1 spell a row's types
# differently, and both versions are allowed.


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    kind: str | None = None
    theme: str | None = None
    entitlement: str | None = None
    received_from: date | None = None
    received_to: date | None = None


def start_of_uk_day(day: date) -> datetime:
    """Midnight in England on `day`, as UTC: "received on 1 November" means England's day."""
    return datetime.combine(day, time(), tzinfo=UK).astimezone(UTC)


def filtered(filters: Filters) -> Select:
    query = select(Submission)
    if filters.status:
        query = query.where(Submission.status == filters.status)
    if filters.kind:
        query = query.where(Submission.kind == filters.kind)
    if filters.theme:
        query = query.where(Submission.theme == filters.theme)
    if filters.entitlement:
        query = query.where(Submission.entitlement_id == filters.entitlement)
    if filters.received_from:
        query = query.where(Submission.created_at >= start_of_uk_day(filters.received_from))
    if filters.received_to:
        end = start_of_uk_day(filters.received_to + timedelta(days=1))
        query = query.where(Submission.created_at < end)
    return query.order_by(Submission.created_at.desc(), Submission.id.desc())


def count_by_status() -> Select:
    return select(Submission.status, func.count()).group_by(Submission.status)
