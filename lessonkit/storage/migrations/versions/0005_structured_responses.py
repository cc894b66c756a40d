"""Responses kept as JSON: matching answers that were saved as the text of a dict become the dict again.

Before this revision a matching answer (a dict left -> right) was stored as its ``str()``. Upgrade reads every
stored text that looks like a dict, in practice and exam answers, with
`lessonkit.quiz.types.matching.from_text` (``ast.literal_eval`` on exactly that shape, never ``eval``) and keeps
the dict; a text it cannot read stays as it is and is reported (table, row id, question id) as a warning in
the log (the matching type's reader also gives such a text back as "not answered", never an error).
Downgrade writes the dicts back as the text the older code kept.

Revision ID: 0005
Revises: 0004
"""

import logging

import sqlalchemy as sa
from alembic import op

from lessonkit.quiz.types.matching import from_text
from lessonkit.rules.limits import ESSAY_MAX, clean_answer

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("practice_answers", "exam_answers")
REPORTED_ROWS = 20
log = logging.getLogger("lessonkit.storage.migrations")


def _table(name: str) -> sa.TableClause:
    return sa.table(name, sa.column("id", sa.Integer), sa.column("question_id", sa.String),
                    sa.column("response", sa.JSON))


def _rows_like(table: sa.TableClause, pattern: str):
    """(id, question id, response) of the rows whose JSON text matches ``pattern`` (same on SQLite and PostgreSQL)."""
    query = sa.select(table.c.id, table.c.question_id, table.c.response).where(
        sa.cast(table.c.response, sa.Text).like(pattern)).order_by(table.c.id)
    return op.get_bind().execute(query).all()


def upgrade() -> None:
    unread = []
    for name in TABLES:
        table = _table(name)
        for row_id, question_id, value in _rows_like(table, '"{%'):
            parsed = from_text(value) if isinstance(value, str) else None
            if parsed is None:
                unread.append(f"{name} id={row_id} soal={question_id}")
                continue
            op.get_bind().execute(table.update().where(table.c.id == row_id).values(response=parsed))
    if unread:
        log.warning("%d stored response(s) look like a matching answer but could not be read back; left as text: %s",
                    len(unread), "; ".join(unread[:REPORTED_ROWS]) + (" …" if len(unread) > REPORTED_ROWS else ""))


def downgrade() -> None:
    for name in TABLES:
        table = _table(name)
        for row_id, _, value in _rows_like(table, "{%"):
            if isinstance(value, dict):
                op.get_bind().execute(table.update().where(table.c.id == row_id)
                                      .values(response=clean_answer(str(value), ESSAY_MAX)))
