"""Initial schema: students, section visits, practice answers, exams, flashcards.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "students",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(60), nullable=False),
        sa.Column("class_code", sa.String(20)),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_students_code", "students", ["code"])
    op.create_table(
        "section_visits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
        sa.Column("section_id", sa.String(80), nullable=False),
        sa.Column("first_opened_at", sa.DateTime, nullable=False),
        sa.Column("last_opened_at", sa.DateTime, nullable=False),
        sa.Column("times_opened", sa.Integer, nullable=False),
        sa.UniqueConstraint("student_id", "section_id"),
    )
    op.create_index("ix_section_visits_student_id", "section_visits", ["student_id"])
    op.create_table(
        "practice_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("section_id", sa.String(80), nullable=False),
        sa.Column("response", sa.JSON),
        sa.Column("score", sa.Float),
        sa.Column("answered_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_practice_answers_student_id", "practice_answers", ["student_id"])
    op.create_table(
        "exam_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_ids", sa.JSON, nullable=False),
        sa.Column("orders", sa.JSON, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("deadline", sa.Float, nullable=False),
        sa.Column("submitted_at", sa.Float),
        sa.Column("score", sa.Float),
    )
    op.create_index("ix_exam_attempts_student_id", "exam_attempts", ["student_id"])
    op.create_table(
        "exam_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("attempt_id", sa.Integer, sa.ForeignKey("exam_attempts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_id", sa.String(80), nullable=False),
        sa.Column("section_id", sa.String(80), nullable=False),
        sa.Column("response", sa.JSON),
        sa.Column("score", sa.Float),
        sa.Column("answered_at", sa.Float, nullable=False),
        sa.UniqueConstraint("attempt_id", "question_id"),
    )
    op.create_index("ix_exam_answers_attempt_id", "exam_answers", ["attempt_id"])
    op.create_table(
        "flashcards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
        sa.Column("term", sa.String(120), nullable=False),
        sa.Column("box", sa.Integer, nullable=False),
        sa.Column("due_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("student_id", "term"),
    )
    op.create_index("ix_flashcards_student_id", "flashcards", ["student_id"])


def downgrade() -> None:
    for table in ("flashcards", "exam_answers", "exam_attempts", "practice_answers", "section_visits", "students"):
        op.drop_table(table)
