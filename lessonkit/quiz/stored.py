"""The storage boundary of responses: what the database keeps for a student's response, and what it means again.

Each question type says both (its ``stored`` and ``restored``); these functions pick the type's and
raise `UnknownQuestionType` for a type that has none. Whatever is saved goes through `to_stored`;
whatever is read back for grading, a review or a resumed exam goes through `from_stored`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .bank import Bank
from .base import QuestionBase
from .types import module_of


def to_stored(question: QuestionBase, response):
    """The JSON-ready, size-bounded value kept for ``response`` to ``question``."""
    return module_of(question).stored(question, response)


def from_stored(question: QuestionBase, value):
    """The response a stored ``value`` stands for (also for values saved before responses were kept as JSON)."""
    return module_of(question).restored(question, value)


def restored_answers(bank: Bank, answers: Mapping[str, object]) -> dict[str, object]:
    """Stored answers by question id as responses; an id the bank no longer has keeps its stored value."""
    known = {q.id for q in bank.questions}
    return {qid: from_stored(bank.question(qid), value) if qid in known else value for qid, value in answers.items()}
