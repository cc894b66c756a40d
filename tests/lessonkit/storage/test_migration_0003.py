"""Migration 0003 (class exams) on SQLite and PostgreSQL: exam attempts made before it survive, and it reverts."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from lessonkit.storage import Store, make_engine

from .migrating import run


def test_attempts_from_before_class_exams_are_kept_and_the_migration_reverts(db_url):
    engine = make_engine(db_url)
    run(engine, command.upgrade, "0002")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO students (id, code, display_name, created_at) "
                                "VALUES (1, 'k', 'Ana', '2026-12-01 07:00:00')"))
        connection.execute(text("INSERT INTO exam_attempts (id, student_id, question_ids, orders, settings, "
                                "started_at, deadline, submitted_at, score) "
                                "VALUES (1, 1, '[\"q1\"]', '{}', '{}', 10, 70, 40, 1.0)"))
    run(engine, command.upgrade, "head")
    assert "class_exams" in inspect(engine).get_table_names()
    store = Store(engine)
    [kept] = store.exam_history(1)
    assert kept.score == 1.0 and kept.class_exam_id is None
    run(engine, command.downgrade, "0002")
    assert "class_exams" not in inspect(engine).get_table_names()
    assert "class_exam_id" not in {c["name"] for c in inspect(engine).get_columns("exam_attempts")}
    run(engine, command.upgrade, "head")
    engine.dispose()
