"""Drafts and published revisions of the offer's entitlements, and the record of who did what.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "content_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entitlement_id", sa.String(80), nullable=False),
        sa.Column("path", sa.String(300), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("comment", sa.String(500), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("published_at", WHEN, nullable=True),
        sa.CheckConstraint(
            "state IN ('draft', 'in_review', 'sent_back', 'published', 'superseded')",
            name=op.f("ck_content_revisions_state"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["moderators.id"],
            name=op.f("fk_content_revisions_author_id_moderators"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_revisions")),
    )
    op.create_index(
        op.f("ix_content_revisions_entitlement_id"), "content_revisions", ["entitlement_id"]
    )
    op.create_table(
        "content_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entitlement_id", sa.String(80), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor_email", sa.String(254), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "action IN ('saved', 'sent_for_review', 'sent_back', 'published')",
            name=op.f("ck_content_events_action"),
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["content_revisions.id"],
            name=op.f("fk_content_events_revision_id_content_revisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_events")),
    )
    op.create_index(op.f("ix_content_events_entitlement_id"), "content_events", ["entitlement_id"])


def downgrade() -> None:
    op.drop_table("content_events")
    op.drop_table("content_revisions")
