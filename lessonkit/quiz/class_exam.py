"""Class exams (ujian kelas) as rules: their status at a moment, and the `Plan` a student's attempt starts from.

The teacher's settings come from the store (`lessonkit.storage.ClassExamInfo`,
or anything with the same fields); the time is passed in (server seconds).
All students get the same questions in the same order (options are shuffled
per attempt by `exam.start`), unless the teacher asked for a random draw per
student. Questions no longer in the bank are left out.

While a class exam runs, practice (Latihan and the practice exam) must not
show its questions with their keys, to anyone: students may practise without
an account, so hiding them from one class only would not hold. `held_back`
names them (a per-student draw holds back its whole pool); the pages practise
on ``bank.without(held_back(...))``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Protocol

from . import exam
from .bank import Bank

NOT_OPEN, RUNNING, FINISHED = "belum dibuka", "berlangsung", "selesai"
SETTING = "ujian_kelas"  # the key in an attempt's settings that holds the class exam's id


class ExamSettings(Protocol):
    id: int
    question_ids: tuple[str, ...]
    draw: dict | None
    per_student_draw: bool
    minutes: float
    opens_at: float
    closes_at: float
    attempts: int
    show_review: bool


def status(settings: ExamSettings, now: float) -> str:
    """"belum dibuka", "berlangsung" or "selesai"."""
    if now < settings.opens_at:
        return NOT_OPEN
    return RUNNING if now < settings.closes_at else FINISHED


def held_back(bank: Bank, exams: Iterable[ExamSettings], now: float) -> frozenset[str]:
    """The questions practice must not show at ``now``: those of every running class exam."""
    ids: set[str] = set()
    for settings in exams:
        if status(settings, now) != RUNNING:
            continue
        if settings.per_student_draw and settings.draw:
            draw = settings.draw
            ids.update(q.id for q in exam.pool(bank, draw.get("sections") or None, draw.get("levels") or None))
        else:
            ids.update(settings.question_ids)
    return frozenset(ids)


def questions_for(bank: Bank, settings: ExamSettings, rng: random.Random | None = None) -> tuple[str, ...]:
    """The questions of one attempt: the fixed list, or a fresh draw for a per-student random exam."""
    known = {q.id for q in bank.questions if q.auto_graded}
    if settings.per_student_draw and settings.draw:
        draw = settings.draw
        return tuple(exam.draw(bank, int(draw.get("count") or 0), draw.get("sections") or None, rng,
                               levels=draw.get("levels") or None))
    return tuple(qid for qid in settings.question_ids if qid in known)


def plan_for(bank: Bank, settings: ExamSettings, rng: random.Random | None = None) -> exam.Plan:
    """The `exam.Plan` a student starts: the exam's questions, time limit, window, attempts and review."""
    return exam.Plan(questions_for(bank, settings, rng), settings.minutes, settings={SETTING: settings.id},
                     window=exam.Window(settings.opens_at, settings.closes_at), attempts=settings.attempts,
                     show_review=settings.show_review)


def fixed_questions(bank: Bank, source: str, draw: dict | None = None,
                    rng: random.Random | None = None) -> list[str]:
    """The questions a teacher fixes for the whole class: a quiz's auto-graded ones in file order, or one draw."""
    if source == exam.RANDOM:
        draw = draw or {}
        return exam.draw(bank, int(draw.get("count") or 0), draw.get("sections") or None, rng,
                         levels=draw.get("levels") or None)
    quiz = next((q for q in bank.quizzes if q.id == source), None)
    return [] if quiz is None else [q.id for q in quiz.questions if q.auto_graded]
