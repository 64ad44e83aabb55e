"""Feedback, contact details kept apart, moderators, their sessions and failed sign-ins.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "moderators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderators")),
        sa.UniqueConstraint("email", name=op.f("uq_moderators_email")),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("page", sa.String(300), nullable=True),
        sa.Column("theme", sa.String(60), nullable=True),
        sa.Column("entitlement_id", sa.String(100), nullable=True),
        sa.Column("useful", sa.Boolean(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("wants_reply", sa.Boolean(), nullable=False),
        sa.Column("public_message", sa.Text(), nullable=True),
        sa.Column("public_response", sa.Text(), nullable=True),
        sa.Column("responded_at", WHEN, nullable=True),
        sa.Column("updated_at", WHEN, nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('useful', 'suggestion', 'general')", name=op.f("ck_submissions_kind")
        ),
        sa.CheckConstraint(
            "status IN ('new', 'in_review', 'accepted', 'declined', 'done')",
            name=op.f("ck_submissions_status"),
        ),
        sa.CheckConstraint(
            "role IS NULL OR role IN ('care_leaver', 'adviser', 'forum', 'other')",
            name=op.f("ck_submissions_role"),
        ),
        sa.ForeignKeyConstraint(
            ["handled_by_id"],
            ["moderators.id"],
            name=op.f("fk_submissions_handled_by_id_moderators"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
    )
    for column in ("status", "created_at", "theme", "entitlement_id", "responded_at"):
        op.create_index(op.f(f"ix_submissions_{column}"), "submissions", [column])
    op.create_table(
        "contact_details",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_contact_details_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", name=op.f("pk_contact_details")),
    )
    op.create_index(op.f("ix_contact_details_created_at"), "contact_details", ["created_at"])
    op.create_table(
        "moderator_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("last_seen_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["moderators.id"],
            name=op.f("fk_moderator_sessions_moderator_id_moderators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderator_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_moderator_sessions_token_hash")),
    )
    op.create_index(
        op.f("ix_moderator_sessions_moderator_id"), "moderator_sessions", ["moderator_id"]
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index(op.f("ix_login_failures_email"), "login_failures", ["email"])
    op.create_index(op.f("ix_login_failures_at"), "login_failures", ["at"])


def downgrade() -> None:
    op.drop_table("login_failures")
    op.drop_table("moderator_sessions")
    op.drop_table("contact_details")
    op.drop_table("submissions")
    op.drop_table("moderators")
