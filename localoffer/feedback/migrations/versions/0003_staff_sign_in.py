"""Staff roles, two-factor sign-in, recovery codes; failed sign-ins keep only a keyed hash.

Every existing account becomes a `moderator`, the one thing accounts could do before. The
clear-text address typed at a failed sign-in is replaced by its HMAC under the secret key
when the key is known to the upgrade (it is when run by the portal or `flask db upgrade`);
otherwise those rows, at most a day old, are deleted.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import hashlib
import hmac
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "staff_roles",
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.CheckConstraint(
            "role IN ('moderator', 'editor', 'publisher')", name=op.f("ck_staff_roles_role")
        ),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["moderators.id"],
            name=op.f("fk_staff_roles_moderator_id_moderators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moderator_id", "role", name=op.f("pk_staff_roles")),
    )
    op.execute(
        "INSERT INTO staff_roles (moderator_id, role) SELECT id, 'moderator' FROM moderators"
    )
    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("used_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["moderators.id"],
            name=op.f("fk_recovery_codes_moderator_id_moderators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_codes")),
    )
    op.create_index(op.f("ix_recovery_codes_moderator_id"), "recovery_codes", ["moderator_id"])
    # Plain ADD COLUMN: a batch copy of `moderators` on SQLite would drop the old table, and
    # with foreign keys on that would delete every session and role pointing at it.
    op.add_column("moderators", sa.Column("totp_secret", sa.String(64), nullable=True))
    op.add_column("moderators", sa.Column("totp_confirmed_at", WHEN, nullable=True))
    op.add_column("moderators", sa.Column("totp_last_step", sa.Integer(), nullable=True))
    _hash_failed_sign_ins()


def _hash_failed_sign_ins() -> None:
    op.add_column("login_failures", sa.Column("identifier_hash", sa.String(64), nullable=True))
    config = op.get_context().config
    secret = config.attributes.get("secret_key") if config is not None else None
    failures = sa.table(
        "login_failures",
        sa.column("id", sa.Integer()),
        sa.column("email", sa.String()),
        sa.column("identifier_hash", sa.String()),
    )
    connection = op.get_bind()
    if secret:
        for row_id, email in connection.execute(sa.select(failures.c.id, failures.c.email)):
            digest = hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()
            connection.execute(
                failures.update().where(failures.c.id == row_id).values(identifier_hash=digest)
            )
    connection.execute(failures.delete().where(failures.c.identifier_hash.is_(None)))
    op.drop_index(op.f("ix_login_failures_email"), table_name="login_failures")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_column("email")
        batch.alter_column("identifier_hash", existing_type=sa.String(64), nullable=False)
    op.create_index(
        op.f("ix_login_failures_identifier_hash"), "login_failures", ["identifier_hash"]
    )


def downgrade() -> None:
    # A keyed hash cannot give back the address: the failures (a day's worth) are dropped.
    op.execute("DELETE FROM login_failures")
    op.drop_index(op.f("ix_login_failures_identifier_hash"), table_name="login_failures")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_column("identifier_hash")
        batch.add_column(sa.Column("email", sa.String(254), nullable=False))
    op.create_index(op.f("ix_login_failures_email"), "login_failures", ["email"])
    for column in ("totp_last_step", "totp_confirmed_at", "totp_secret"):
        op.drop_column("moderators", column)
    op.drop_table("recovery_codes")
    op.drop_table("staff_roles")
