"""A suggestion marked done can name the published change that answered it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The id of the `published` event in content_events (the audit record is never deleted,
    # so a plain column is enough, and SQLite can add it without rebuilding the table).
    op.add_column("submissions", sa.Column("change_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("change_id")
