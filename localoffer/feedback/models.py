"""What the database holds: feedback, the contact details kept apart from it, and moderators.

Contact details live in their own table so that the public page never reads them and the
purge can delete them without touching what the person said.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

KINDS: tuple[str, ...] = ("useful", "suggestion", "general")
STATUSES: tuple[str, ...] = ("new", "in_review", "accepted", "declined", "done")
# A public response only makes sense once the council has decided.
ANSWERED_STATUSES: tuple[str, ...] = ("accepted", "declined", "done")
ROLES: tuple[str, ...] = ("care_leaver", "adviser", "forum", "other")
# What a member of staff may do: read and answer feedback, draft content, publish content,
# check translations into the languages they are given (a fluent speaker signs them off).
STAFF_ROLES: tuple[str, ...] = ("moderator", "editor", "publisher", "reviewer")

MESSAGE_MAX = 2000
COMMENT_MAX = 1000
EMAIL_MAX = 254


class UTCDateTime(TypeDecorator[datetime]):
    """Always a UTC-aware datetime, including on SQLite, which stores no time zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Store aware datetimes only")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_name)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Submission(Base):
    """One piece of feedback: a page rating, a suggested change or general feedback."""

    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind"),
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        CheckConstraint(f"role IS NULL OR {_one_of('role', ROLES)}", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    language: Mapped[str] = mapped_column(String(10))
    page: Mapped[str | None] = mapped_column(String(300))
    theme: Mapped[str | None] = mapped_column(String(60), index=True)
    entitlement_id: Mapped[str | None] = mapped_column(String(100), index=True)
    useful: Mapped[bool | None]
    message: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(20))
    wants_reply: Mapped[bool] = mapped_column(default=False)
    # "You said, we did": what is shown in public, chosen by a moderator.
    public_message: Mapped[str | None] = mapped_column(Text)
    public_response: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime | None] = mapped_column(index=True)
    # The published change (its event in content_events) that answered a suggestion.
    change_id: Mapped[int | None]
    updated_at: Mapped[datetime | None]
    handled_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderators.id", ondelete="SET NULL")
    )

    contact: Mapped[ContactDetail | None] = relationship(
        back_populates="submission", cascade="all, delete-orphan", passive_deletes=True
    )
    handled_by: Mapped[Moderator | None] = relationship()


class ContactDetail(Base):
    """An email address given only because the person asked for a reply."""

    __tablename__ = "contact_details"

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(EMAIL_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)

    submission: Mapped[Submission] = relationship(back_populates="contact")


class Moderator(Base):
    """A member of council staff (the table keeps its first name): moderator, editor, publisher."""

    __tablename__ = "moderators"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), unique=True)
    # Empty for an account that signs in only through the council's single sign-on.
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Two-factor sign-in: the shared secret (set up, then confirmed by a first code), and the
    # last 30-second step used, so one code cannot be replayed.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None]

    role_rows: Mapped[list[StaffRole]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    recovery_codes: Mapped[list[RecoveryCode]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    language_rows: Mapped[list[StaffLanguage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(row.role for row in self.role_rows)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages a reviewer may sign off, in a stable order."""
        return tuple(sorted(row.lang for row in self.language_rows))

    @property
    def has_two_factor(self) -> bool:
        return self.totp_secret is not None and self.totp_confirmed_at is not None


class StaffRole(Base):
    """One role held by one member of staff; an account may hold several."""

    __tablename__ = "staff_roles"
    __table_args__ = (CheckConstraint(_one_of("role", STAFF_ROLES), name="role"),)

    moderator_id: Mapped[int] = mapped_column(
        ForeignKey("moderators.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class StaffLanguage(Base):
    """A language a reviewer reads fluently, and so may sign translations off in."""

    __tablename__ = "staff_languages"

    moderator_id: Mapped[int] = mapped_column(
        ForeignKey("moderators.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)


class RecoveryCode(Base):
    """A single-use code for signing in without the authenticator app; only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    moderator_id: Mapped[int] = mapped_column(
        ForeignKey("moderators.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]


class ModeratorSession(Base):
    """A signed-in moderator. Kept server-side so that logging out really ends the session."""

    __tablename__ = "moderator_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    moderator_id: Mapped[int] = mapped_column(
        ForeignKey("moderators.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(default=utc_now)

    moderator: Mapped[Moderator] = relationship()


class LoginFailure(Base):
    """A failed sign-in, recorded so that the account's holder is told about it.

    What was typed as the email address is kept only as a keyed hash (HMAC with the secret
    key): people do type their password there, and a clear copy would outlive the mistake.
    """

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier_hash: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)


class ClearedAnswers(Base):
    """A checker visit whose answers were cleared: its random id and nothing else.

    The answers themselves never reach the server. Kept only until the answers would have
    expired anyway, so that a copy of the cookie taken before "clear my answers" is refused.
    """

    __tablename__ = "cleared_checker_answers"

    visit_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
