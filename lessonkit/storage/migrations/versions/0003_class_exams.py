"""Class exams (ujian kelas) and the link from an exam attempt to the class exam it belongs to.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "class_exams",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("source", sa.String(80), nullable=False),
        sa.Column("question_ids", sa.JSON, nullable=False),
        sa.Column("draw", sa.JSON),
        sa.Column("per_student_draw", sa.Boolean, nullable=False),
        sa.Column("minutes", sa.Float, nullable=False),
        sa.Column("opens_at", sa.Float, nullable=False),
        sa.Column("closes_at", sa.Float, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("show_review", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_class_exams_class_id", "class_exams", ["class_id"])
    with op.batch_alter_table("exam_attempts") as batch:
        batch.add_column(sa.Column("class_exam_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_exam_attempts_class_exam_id", "class_exams", ["class_exam_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_exam_attempts_class_exam_id", ["class_exam_id"])


def downgrade() -> None:
    with op.batch_alter_table("exam_attempts") as batch:
        batch.drop_index("ix_exam_attempts_class_exam_id")
        batch.drop_constraint("fk_exam_attempts_class_exam_id", type_="foreignkey")
        batch.drop_column("class_exam_id")
    op.drop_index("ix_class_exams_class_id", "class_exams")
    op.drop_table("class_exams")
