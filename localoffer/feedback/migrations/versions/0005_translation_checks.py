"""Reviewers and their languages, and the record of each translation a fluent speaker checked.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)
ROLES_BEFORE = ("moderator", "editor", "publisher")
ROLES_AFTER = (*ROLES_BEFORE, "reviewer")


def _roles_may_be(roles: tuple[str, ...]) -> None:
    """Rebuild staff_roles with a check allowing `roles`. Nothing refers to this table, so a
    copy, drop and rename is safe on both databases (SQLite cannot alter a check in place)."""
    postgres = op.get_bind().dialect.name == "postgresql"
    # A primary key's name is an index name, unique in a PostgreSQL schema: the copy takes a
    # temporary one until the old table is gone. Check and foreign key names are per table.
    key = "pk_staff_roles_new" if postgres else "pk_staff_roles"
    op.create_table(
        "staff_roles_new",
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.CheckConstraint(
            f"role IN ({', '.join(repr(r) for r in roles)})", name="ck_staff_roles_role"
        ),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["moderators.id"],
            name="fk_staff_roles_moderator_id_moderators",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moderator_id", "role", name=key),
    )
    allowed = ", ".join(repr(r) for r in roles)
    op.execute(
        "INSERT INTO staff_roles_new (moderator_id, role) SELECT moderator_id, role "
        f"FROM staff_roles WHERE role IN ({allowed})"
    )
    op.drop_table("staff_roles")
    op.rename_table("staff_roles_new", "staff_roles")
    if postgres:
        op.execute("ALTER TABLE staff_roles RENAME CONSTRAINT pk_staff_roles_new TO pk_staff_roles")


def upgrade() -> None:
    _roles_may_be(ROLES_AFTER)
    op.create_table(
        "staff_languages",
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["moderators.id"],
            name=op.f("fk_staff_languages_moderator_id_moderators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moderator_id", "lang", name=op.f("pk_staff_languages")),
    )
    op.create_table(
        "translation_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("file", sa.String(300), nullable=False),
        sa.Column("source_hash", sa.String(64), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("revision", sa.String(40), nullable=True),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_by", sa.String(254), nullable=False),
        sa.Column("checked_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["moderators.id"],
            name=op.f("fk_translation_checks_checked_by_id_moderators"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_checks")),
    )
    op.create_index(op.f("ix_translation_checks_lang"), "translation_checks", ["lang"])


def downgrade() -> None:
    op.drop_table("translation_checks")
    op.drop_table("staff_languages")
    _roles_may_be(ROLES_BEFORE)
