"""Failed sign-ins remember the client they came from: the lockout counts per account and client.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sign_in_failures") as table:
        table.add_column(sa.Column("client", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_sign_in_failures_teacher_client", "sign_in_failures", ["teacher_id", "client"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_teacher_client", "sign_in_failures")
    with op.batch_alter_table("sign_in_failures") as table:
        table.drop_column("client")
