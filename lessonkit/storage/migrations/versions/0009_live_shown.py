"""When the server first sent each live question to each seat (``live_shown``), so a seat's points count its own
time on the question (``lessonkit.live.scoring``).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "live_shown",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("live_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seat", sa.Integer, nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("shown_at", sa.Float, nullable=False),
        sa.Column("reading", sa.Float, nullable=False),
        sa.UniqueConstraint("session_id", "seat", "question_id"),
    )


def downgrade() -> None:
    op.drop_table("live_shown")
