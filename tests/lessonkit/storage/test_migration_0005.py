"""Migration 0005 on SQLite and PostgreSQL: matching answers stored as text become dicts, the rest is untouched,
what cannot be read is reported, and it reverts."""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from alembic import command

from lessonkit.quiz import grade
from lessonkit.quiz.stored import from_stored
from lessonkit.storage import Store, make_engine
from tests.lessonkit.quiz.factories import make

from .migrating import run

MATCHING_TEXT = str({"L0": "R0", "L1": "R1", "L2": "R3"})
BROKEN = "{'L0': 'R0', 'L1': 'R1', 'L2"  # a long answer cut by the old size limit
EXAM_ROWS = {1: ("q-matching", MATCHING_TEXT), 2: ("q-broken", BROKEN), 3: ("q-essay", "Uraian {bebas} ini."),
             4: ("q-single", 2), 5: ("q-multiple", [0, 2])}
ANSWERS = sa.table("exam_answers", sa.column("id", sa.Integer), sa.column("attempt_id", sa.Integer),
                   sa.column("question_id", sa.String), sa.column("section_id", sa.String),
                   sa.column("response", sa.JSON), sa.column("score", sa.Float), sa.column("answered_at", sa.Float))
PRACTICE = sa.table("practice_answers", sa.column("id", sa.Integer), sa.column("student_id", sa.Integer),
                    sa.column("question_id", sa.String), sa.column("section_id", sa.String),
                    sa.column("response", sa.JSON), sa.column("score", sa.Float),
                    sa.column("answered_at", sa.DateTime))


def responses(engine, table) -> dict:
    with engine.connect() as connection:
        return dict(connection.execute(sa.select(table.c.id, table.c.response)).all())


def test_matching_text_rows_become_dicts_the_rest_is_kept_and_it_reverts(db_url, caplog):
    engine = make_engine(db_url)
    run(engine, command.upgrade, "0004")
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO students (id, code, display_name, created_at) "
                                   "VALUES (1, 'k', 'Ana', '2026-12-01 07:00:00')"))
        connection.execute(sa.text("INSERT INTO exam_attempts (id, student_id, question_ids, orders, settings, "
                                   "started_at, deadline, submitted_at, score) "
                                   "VALUES (1, 1, '[]', '{}', '{}', 10, 70, NULL, NULL)"))
        connection.execute(ANSWERS.insert(), [{"id": n, "attempt_id": 1, "question_id": qid, "section_id": "satu",
                                               "response": value, "score": 0.5, "answered_at": 20.0}
                                              for n, (qid, value) in EXAM_ROWS.items()])
        connection.execute(PRACTICE.insert(), [{"id": 1, "student_id": 1, "question_id": "q-matching",
                                                "section_id": "satu", "response": MATCHING_TEXT, "score": 0.5,
                                                "answered_at": datetime(2026, 12, 1, 8)}])
    with caplog.at_level(logging.WARNING, logger="lessonkit.storage.migrations"):
        run(engine, command.upgrade, "head")
    upgraded = responses(engine, ANSWERS)
    assert upgraded == {1: {"L0": "R0", "L1": "R1", "L2": "R3"}, 2: BROKEN, 3: "Uraian {bebas} ini.", 4: 2,
                        5: [0, 2]}
    assert responses(engine, PRACTICE) == {1: {"L0": "R0", "L1": "R1", "L2": "R3"}}
    assert "1 stored response(s)" in caplog.text and "exam_answers id=2 soal=q-broken" in caplog.text
    matching = make("matching")
    _, resumed, _ = Store(engine).open_exam(1)
    assert grade(matching, from_stored(matching, resumed.answers["q-matching"])).score == 0.5
    run(engine, command.downgrade, "0004")
    assert responses(engine, ANSWERS) == {n: value for n, (_, value) in EXAM_ROWS.items()}
    assert responses(engine, PRACTICE) == {1: MATCHING_TEXT}
    run(engine, command.upgrade, "head")
    engine.dispose()
