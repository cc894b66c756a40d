"""Which questions leave the app: the whole bank, quizzes, sections or levels.

A `Selection` keeps the bank's order (quiz by quiz, file order within a
quiz), carries each question's stimulus text, and groups questions by quiz
and section, which the formats turn into categories or test sections.
Unknown ids are reported (in Indonesian) instead of silently exporting less.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..quiz import Bank, Quiz
from ..quiz.base import QuestionBase


@dataclass(frozen=True)
class Item:
    quiz: Quiz
    question: QuestionBase

    @property
    def stimulus(self) -> str | None:
        q = self.question
        return self.quiz.stimuli.get(q.stimulus) if q.stimulus else None


@dataclass(frozen=True)
class Group:
    """The questions of one quiz in one section (a Moodle category, a QTI section)."""

    quiz: Quiz
    section: str
    section_title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Skipped:
    """A question a format cannot express, and why (shown to the teacher)."""

    question_id: str
    type: str
    reason: str

    def __str__(self) -> str:
        return f"{self.question_id} ({self.type}): {self.reason}"


@dataclass
class Selection:
    items: list[Item]
    section_titles: dict[str, str] = field(default_factory=dict)

    @property
    def questions(self) -> list[QuestionBase]:
        return [item.question for item in self.items]

    def groups(self) -> list[Group]:
        order: dict[tuple[str, str], list[Item]] = {}
        quizzes: dict[str, Quiz] = {}
        for item in self.items:
            key = (item.quiz.id, item.question.section)
            order.setdefault(key, []).append(item)
            quizzes[item.quiz.id] = item.quiz
        return [Group(quizzes[quiz_id], section, self.section_titles.get(section, section), tuple(items))
                for (quiz_id, section), items in order.items()]


class SelectionError(ValueError):
    """An id the teacher asked for does not exist; ``str()`` is the Indonesian message."""


def _unknown(kind: str, asked: Iterable[str], known: Sequence[str]) -> str | None:
    missing = [a for a in asked if a not in known]
    if not missing:
        return None
    return f"{kind} tidak dikenal: {', '.join(missing)} (yang ada: {', '.join(known)})"


def select(bank: Bank, quizzes: Sequence[str] = (), sections: Sequence[str] = (), levels: Sequence[str] = (),
           section_titles: dict[str, str] | None = None) -> Selection:
    """Questions matching every given filter (an empty filter matches everything)."""
    section_titles = dict(section_titles or {})
    known_sections = list(dict.fromkeys(list(section_titles) + [q.section for q in bank.questions]))
    problems = [m for m in (_unknown("kuis", quizzes, [q.id for q in bank.quizzes]),
                            _unknown("bagian", sections, known_sections),
                            _unknown("level", levels, ["L1", "L2", "L3"])) if m]
    if problems:
        raise SelectionError("; ".join(problems))
    items = [Item(quiz, q) for quiz in bank.quizzes if not quizzes or quiz.id in quizzes
             for q in quiz.questions
             if (not sections or q.section in sections) and (not levels or q.level in levels)]
    return Selection(items, section_titles)
