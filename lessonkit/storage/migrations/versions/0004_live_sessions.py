"""Kuis Langsung: live sessions (state JSON + version for compare-and-set), seats, and answers.

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "live_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("join_code", sa.String(6), nullable=False),
        sa.Column("open_code", sa.String(6), unique=True),
        sa.Column("teacher_id", sa.Integer, sa.ForeignKey("teachers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="SET NULL")),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_live_sessions_join_code", "live_sessions", ["join_code"])
    op.create_index("ix_live_sessions_teacher_id", "live_sessions", ["teacher_id"])
    op.create_index("ix_live_sessions_class_id", "live_sessions", ["class_id"])
    op.create_table(
        "live_seats",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("live_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seat", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("nickname", sa.String(40), nullable=False),
        sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="SET NULL")),
        sa.Column("joined_at", sa.Float, nullable=False),
        sa.Column("removed_at", sa.Float),
        sa.UniqueConstraint("session_id", "seat"),
    )
    op.create_index("ix_live_seats_session_id", "live_seats", ["session_id"])
    op.create_index("ix_live_seats_student_id", "live_seats", ["student_id"])
    op.create_table(
        "live_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("live_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seat", sa.Integer, nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("response", sa.JSON),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("elapsed", sa.Float, nullable=False),
        sa.Column("answered_at", sa.Float, nullable=False),
        sa.UniqueConstraint("session_id", "seat", "question_id"),
    )
    op.create_index("ix_live_answers_session_id", "live_answers", ["session_id"])


def downgrade() -> None:
    for table in ("live_answers", "live_seats", "live_sessions"):
        op.drop_table(table)
