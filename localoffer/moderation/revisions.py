"""Drafts and published revisions of entitlements, and the record of every action on them.

Each revision holds a whole Markdown document, so any of them can be written out as the
file `content check` reads. The newest published revision's id is the content version
every worker compares with its own to know when to reload the offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from localoffer.content.documents import read_document
from localoffer.feedback.models import Base, Moderator, utc_now

# draft: being written; in_review: waiting for a publisher; sent_back: returned with a
# comment; published: the offer's text from then on; superseded: a later one was published.
REVISION_STATES: tuple[str, ...] = ("draft", "in_review", "sent_back", "published", "superseded")
OPEN_STATES: tuple[str, ...] = ("draft", "in_review", "sent_back")
ACTIONS: tuple[str, ...] = ("saved", "sent_for_review", "sent_back", "published")
NOTE_MAX = 500


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Revision(Base):
    """One version of one entitlement's file."""

    __tablename__ = "content_revisions"
    __table_args__ = (CheckConstraint(_one_of("state", REVISION_STATES), name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entitlement_id: Mapped[str] = mapped_column(String(80), index=True)
    path: Mapped[str] = mapped_column(String(300))
    document: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(String(NOTE_MAX))
    comment: Mapped[str | None] = mapped_column(String(NOTE_MAX))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderators.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    published_at: Mapped[datetime | None]

    author: Mapped[Moderator | None] = relationship(foreign_keys=[author_id])


class ContentEvent(Base):
    """Who did what to an entitlement, when, what changed and why: the audit record."""

    __tablename__ = "content_events"
    __table_args__ = (CheckConstraint(_one_of("action", ACTIONS), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entitlement_id: Mapped[str] = mapped_column(String(80), index=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("content_revisions.id", ondelete="CASCADE")
    )
    action: Mapped[str] = mapped_column(String(20))
    actor_email: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(default=utc_now)
    note: Mapped[str | None] = mapped_column(String(NOTE_MAX))
    diff: Mapped[str] = mapped_column(Text, default="")


def open_revision(session: Session, entitlement_id: str) -> Revision | None:
    """The draft being worked on for an entitlement, if any."""
    return session.scalar(
        select(Revision)
        .where(Revision.entitlement_id == entitlement_id, Revision.state.in_(OPEN_STATES))
        .order_by(Revision.id.desc())
        .limit(1)
    )


def content_version(session: Session) -> int:
    """The newest published revision's id; 0 when nothing has been published here."""
    return session.scalar(select(func.max(Revision.id)).where(Revision.state == "published")) or 0


def latest_published(session: Session) -> list[Revision]:
    """Each entitlement's current published revision."""
    newest = (
        select(func.max(Revision.id))
        .where(Revision.state == "published")
        .group_by(Revision.entitlement_id)
    )
    return list(session.scalars(select(Revision).where(Revision.id.in_(newest))))


def history(session: Session, entitlement_id: str) -> list[ContentEvent]:
    return list(
        session.scalars(
            select(ContentEvent)
            .where(ContentEvent.entitlement_id == entitlement_id)
            .order_by(ContentEvent.id.desc())
        )
    )


@dataclass(frozen=True)
class Unpublished:
    """A council entitlement created in the portal and never published yet: what its edit
    page needs to know, before the offer holds it."""

    id: str
    theme: str
    path: str
    title: str
    kind: str = "council"


def unpublished(session: Session, entitlement_id: str) -> Unpublished | None:
    """The new entitlement behind `entitlement_id`'s open draft, if it was never published."""
    draft = open_revision(session, entitlement_id)
    ever_published = session.scalar(
        select(func.count()).where(Revision.entitlement_id == entitlement_id,
                                   Revision.state.in_(("published", "superseded")))
    )
    if draft is None or ever_published:
        return None
    title = str(read_document(draft.document)[0].get("title") or entitlement_id)
    theme = draft.path.split("/")[-2]
    return Unpublished(entitlement_id, theme, draft.path, title)


def ever_used(session: Session, entitlement_id: str) -> bool:
    """Whether any revision or recorded action ever carried this id, even long retired."""
    return bool(
        session.scalar(select(func.count()).where(Revision.entitlement_id == entitlement_id))
        or session.scalar(
            select(func.count()).where(ContentEvent.entitlement_id == entitlement_id)
        )
    )
