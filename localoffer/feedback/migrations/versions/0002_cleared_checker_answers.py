"""The random ids of checker visits whose answers were cleared, until they would expire.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cleared_checker_answers",
        sa.Column("visit_id", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_cleared_checker_answers")),
    )
    op.create_index(
        op.f("ix_cleared_checker_answers_expires_at"), "cleared_checker_answers", ["expires_at"]
    )


def downgrade() -> None:
    op.drop_table("cleared_checker_answers")
