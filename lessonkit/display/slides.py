"""The presentation deck: the lesson in teaching order, one slide per screen.

Built from the same data as the lesson, diagrams and quizzes: a title slide,
then per section its objectives, every stage of its diagrams revealed one at a
time, its summary, and a discussion question from the bank.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import Literal

from ..lesson.content import Lesson
from ..lesson.stages import Comparison, Diagrams
from ..quiz import Bank
from ..quiz.base import QuestionBase
from ..quiz.types import matching

DISCUSSION_TYPES = ("single", "multiple", "true_false", "matching")
_LEVEL_PREFERENCE = {"L2": 0, "L3": 1, "L1": 2}


@dataclass(frozen=True)
class Slide:
    kind: Literal["title", "objectives", "stage", "summary", "question"]
    title: str
    section_id: str | None = None
    bullets: tuple[str, ...] = ()
    diagram_id: str | None = None
    revealed: int | None = None
    stage_key: str | None = None
    question_id: str | None = None


def discussion_question(bank: Bank, section_id: str) -> QuestionBase | None:
    """A question worth discussing in class: answerable on screen, preferably application-level."""
    candidates = [q for q in bank.questions if q.section == section_id and q.type in DISCUSSION_TYPES]
    candidates.sort(key=lambda q: (_LEVEL_PREFERENCE[q.level], q.stimulus is not None, q.id))
    return candidates[0] if candidates else None


@dataclass(frozen=True)
class MatchingSheet:
    """A matching question laid out for one slide: numbered lefts, lettered rights, and the key."""

    lefts: tuple[str, ...]
    rights: tuple[tuple[str, str], ...]  # (letter, text), distractors among them
    key: tuple[str, ...]                 # the letter that matches each left
    spare: frozenset[str]                # letters of the distractors, which match nothing


def matching_sheet(q: matching.Question) -> MatchingSheet:
    """The rights are shuffled the same way every time the slide is shown, so a class can talk about "C"."""
    rights = q.rights
    order = matching.shuffle(q, random.Random(q.id))
    letter_of = {rights[j]: string.ascii_uppercase[n] for n, j in enumerate(order)}
    key = tuple(letter_of[p.right] for p in q.pairs)
    return MatchingSheet(tuple(p.left for p in q.pairs), tuple((letter_of[rights[j]], rights[j]) for j in order),
                         key, frozenset(letter_of.values()) - set(key))


def _stage_slides(diagram, diagrams: Diagrams, section_id: str) -> list[Slide]:
    if isinstance(diagram, Comparison):
        processes = diagrams.processes
        stages = {("left", s.id): s for s in processes[diagram.left].stages}
        stages |= {("right", s.id): s for s in processes[diagram.right].stages}
        slides = []
        for n, pair in enumerate(diagram.pairs, start=1):
            side = "left" if pair.left else "right"  # an unpaired stage may sit on either side
            slides.append(Slide("stage", diagram.title, section_id, diagram_id=diagram.id, revealed=n,
                                stage_key=f"{side}:{pair.side(side)}",
                                bullets=(stages[side, pair.side(side)].title, pair.note)))
        differences = tuple(f"{d.aspect}: {d.left} — {d.right}" for d in diagram.differences)
        slides.append(Slide("stage", diagram.title, section_id, diagram_id=diagram.id, revealed=None,
                            bullets=differences))
        return slides
    return [Slide("stage", diagram.title, section_id, diagram_id=diagram.id, revealed=stage.number,
                  stage_key=stage.id, bullets=(f"{stage.number}. {stage.title}", stage.description, stage.example))
            for stage in diagram.stages]


def build_deck(lesson: Lesson, diagrams: Diagrams, bank: Bank) -> list[Slide]:
    module = lesson.module
    title = module.title if module else "Kelompok Profesi dan Kelompok Volunteer"
    deck = [Slide("title", title, bullets=tuple(module.objectives) if module else ())]
    for section in lesson.sections:
        deck.append(Slide("objectives", section.title, section.id, bullets=tuple(section.meta.objectives)))
        for diagram in diagrams.for_section(section.id):
            deck.extend(_stage_slides(diagram, diagrams, section.id))
        deck.append(Slide("summary", section.title, section.id, bullets=tuple(section.meta.summary)))
        question = discussion_question(bank, section.id)
        if question is not None:
            deck.append(Slide("question", section.title, section.id, question_id=question.id))
    return deck
