"""Live seats remember the browser session and (hashed) client address they were taken from.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("live_seats") as batch:
        batch.add_column(sa.Column("browser", sa.String(64)))
        batch.add_column(sa.Column("client", sa.String(64)))
        batch.create_index("ix_live_seats_client", ["client"])


def downgrade() -> None:
    with op.batch_alter_table("live_seats") as batch:
        batch.drop_index("ix_live_seats_client")
        batch.drop_column("client")
        batch.drop_column("browser")
