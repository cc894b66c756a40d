"""Live seats remember the browser session and (hashed) client address they were taken from.

Revision ID: 0005_live_seat_clients
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_live_seat_clients"
down_revision = "0004"
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
