"""The question-type contract: every type in ``TYPES`` is known to every concern (its own module's functions, the
export writers and readers, the printed sheet and key, the live quiz and the phone), and a type that is not
raises instead of falling back to another type's handling."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import pytest

from lessonkit.exchange import gift, gift_read, moodle_xml, moodle_xml_read, qti
from lessonkit.exchange.selection import Item, Selection
from lessonkit.live import questions, wire
from lessonkit.printing import layout
from lessonkit.quiz.types import TYPE_NAMES, TYPES, UnknownQuestionType, of_type
from tests.lessonkit.exchange.helpers import with_question
from tests.lessonkit.quiz.factories import make
from ui.live import player

answer_key = import_module("lessonkit.printing.answer_key")  # the package exports functions of the same names
worksheet = import_module("lessonkit.printing.worksheet")
MODULE_FUNCTIONS = ("grade", "is_answered", "answer_text", "key_text", "feedback", "shuffle", "perfect", "stored",
                    "restored", "render", "read", "state")
ONE_STATEMENT = {"true_false": {"statements": [{"text": "P1", "answer": True}]}}  # GIFT writes no grid


def _has_module_functions(kind: str) -> bool:
    module = TYPES[kind]
    return hasattr(module, "Question") and all(callable(getattr(module, name, None)) for name in MODULE_FUNCTIONS)


def _reads_back(writers: dict, write: Callable, read: Callable, fields: dict | None = None) -> Callable[[str], bool]:
    """A reader knows a type when that type, written by the format's writer, reads back as the same type."""
    def check(kind: str) -> bool:
        if kind not in writers:
            return False
        imported = read(write(with_question(make(kind, **(fields or {}).get(kind, {})).model_dump())))
        return [q["type"] for q in imported.questions] == [kind]
    return check


def _live(kind: str) -> bool:
    return kind in wire.LEFT_OUT or (kind in wire.ADAPTERS and kind in questions.TYPE_FACTORS
                                     and kind in player.WIDGETS)


CONCERNS: dict[str, Callable[[str], bool]] = {
    "module: schema, grading, shuffle, storage, widget": _has_module_functions,
    "name (TYPE_NAMES)": TYPE_NAMES.__contains__,
    "Moodle XML writer": moodle_xml.WRITERS.__contains__,
    "Moodle XML reader": _reads_back(moodle_xml.WRITERS, moodle_xml.export, moodle_xml_read.read),
    "GIFT writer": gift.WRITERS.__contains__,
    "GIFT reader": _reads_back(gift.WRITERS, lambda selection: gift.export(selection)[0], gift_read.read,
                               ONE_STATEMENT),
    "QTI writer": qti.WRITERS.__contains__,
    "worksheet answer space": worksheet.ANSWER_SPACE.__contains__,
    "worksheet instructions": worksheet.INSTRUCTIONS.__contains__,
    "answer key": answer_key.KEYS.__contains__,
    "answer key marking note": answer_key.MARKING_NOTES.__contains__,
    "printed order": layout.PAPER_ORDER.__contains__,
    "live quiz: wire, time and phone widget (or left out)": _live,
}


def missing(kind: str) -> list[str]:
    """The concerns that do not know ``kind``."""
    return [name for name, knows in CONCERNS.items() if not knows(kind)]


@pytest.mark.parametrize("kind", list(TYPES))
def test_every_concern_knows_every_type(kind):
    assert missing(kind) == []


def test_a_type_added_to_types_alone_is_missing_from_every_concern(monkeypatch):
    monkeypatch.setitem(TYPES, "poll", TYPES["single"])  # its module exists; nothing else was written for it
    assert missing("poll") == [name for name in CONCERNS if not name.startswith("module")]


def test_one_registry_without_a_type_is_named(monkeypatch):
    monkeypatch.delitem(answer_key.KEYS, "ordering")
    assert missing("ordering") == ["answer key"]


@pytest.mark.parametrize("registry", [moodle_xml.WRITERS, gift.WRITERS, qti.WRITERS, worksheet.ANSWER_SPACE,
                                      worksheet.INSTRUCTIONS, answer_key.KEYS, layout.PAPER_ORDER, wire.ADAPTERS,
                                      questions.TYPE_FACTORS, player.WIDGETS, player.READS])
def test_a_registry_asked_for_a_type_it_does_not_know_raises_instead_of_falling_back(registry):
    with pytest.raises(UnknownQuestionType, match="poll"):
        of_type(registry, "poll", "test")


def test_printing_raises_for_an_unknown_type_instead_of_essay_lines_a_rubric_note_or_no_order():
    item = with_question(make("essay").model_dump()).items[0]
    stranger = Selection([Item(item.quiz, item.question.model_copy(update={"type": "poll"}))])
    with pytest.raises(UnknownQuestionType):
        layout.layout(stranger)
    with pytest.raises(UnknownQuestionType):
        answer_key.key_of(layout.Printed(1, stranger.items[0]))
