"""Which Moodle an export is for, and what an older Moodle gets instead of what it cannot import.

Ordering (``qtype_ordering``) is part of Moodle only from 4.4; an older Moodle without the
plugin stops a whole Moodle XML import at the first ordering question ("unsupported type",
with the default "stop on error"), and its GIFT reader turns ``{>…}`` into a short answer
nobody can answer. For such a Moodle an ordering question is written as a matching question:
"Urutan ke-1" … "Urutan ke-N" each paired with its item (plain text, as Moodle shows matching
answers), graded per position like every matching question, all-or-nothing if the question
is. `notes` tells the teacher which questions were changed that way.
"""

from __future__ import annotations

from collections.abc import Callable

from ..quiz.base import QuestionBase
from ..quiz.types import TYPE_NAMES, TYPES
from . import markup

LATEST, OLDER = "4.4", "4.3"
VERSIONS = {LATEST: "Moodle 4.4 atau lebih baru", OLDER: "Moodle 4.3 atau lebih lama"}
POSITION = "Urutan ke-{}"


def _ordering_as_matching(q) -> QuestionBase:
    matching = TYPES["matching"]
    pairs = [matching.Pair.model_construct(left=POSITION.format(i), right=markup.plain_text(item))
             for i, item in enumerate(q.items, 1)]  # constructed: up to 12 items, Moodle has no 10-pair cap
    return matching.Question.model_construct(**q.model_dump(exclude={"type", "items"}), type="matching", pairs=pairs)


# what an older Moodle gets instead, by question type
INSTEAD: dict[str, Callable[[QuestionBase], QuestionBase]] = {"ordering": _ordering_as_matching}


def adapted(question: QuestionBase, version: str) -> QuestionBase:
    """``question`` as the given Moodle version can import it."""
    change = INSTEAD.get(question.type) if version == OLDER else None
    return change(question) if change else question


def notes(questions: list[QuestionBase], version: str) -> list[str]:
    """One line per question written differently for this Moodle version (Indonesian, for the teacher)."""
    if version != OLDER:
        return []
    return [f"{q.id} ({TYPE_NAMES[q.type]}): ditulis sebagai soal Menjodohkan (urutan ke-1 … ke-{len(q.items)}), "
            "karena jenis soal Mengurutkan baru ada di Moodle 4.4" for q in questions if q.type in INSTEAD]
