"""Exams (Ujian): what to start (a `Plan`), drawing questions, the server-side deadline, answers, results.

Time is passed in by the caller (seconds, e.g. ``time.time()`` on the server)
so the rules can be tested without waiting. An answer is accepted only while
the attempt is open: before the deadline (plus a small grace for the network)
and before submission. Nothing here is decided by the browser.

A `Plan` is what both kinds of exam start from: a practice exam (the student
picks a quiz or a random draw, `practice_plan`) or a class exam (the teacher
fixes the questions, a window, a number of attempts and whether the review is
shown). `begin` refuses to start outside the window or beyond the attempts,
and the deadline is ``min(start + time limit, window end)``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from .bank import Bank
from .base import QuestionBase
from .grading import Grade, grade, quiz_score
from .types import module_of

GRACE_SECONDS = 2.0
MINUTES_PER_QUESTION = 1.5
LENGTHS = (10, 20, 30)
RANDOM = "__acak__"  # practice source: a random draw from the whole bank
NOT_OPEN, CLOSED, NO_ATTEMPTS_LEFT, NO_QUESTIONS = "belum-dibuka", "sudah-ditutup", "kesempatan-habis", "tanpa-soal"


@dataclass(frozen=True)
class Window:
    """When an exam may be started: from ``opens_at`` until ``closes_at`` (seconds; None = no limit)."""

    opens_at: float | None = None
    closes_at: float | None = None

    def refusal(self, now: float) -> str | None:
        if self.opens_at is not None and now < self.opens_at:
            return NOT_OPEN
        if self.closes_at is not None and now >= self.closes_at:
            return CLOSED
        return None


@dataclass(frozen=True)
class Plan:
    """What an attempt is started from.

    ``question_ids`` in the order shown (the same for every student of a class exam; options are still
    shuffled per attempt); ``settings`` is kept with the attempt (e.g. ``{"source": ...}`` or a class
    exam's id) and comes back on resume; ``attempts`` is how many attempts are allowed (None = any).
    """

    question_ids: tuple[str, ...]
    minutes: float
    settings: dict = field(default_factory=dict)
    window: Window = Window()
    attempts: int | None = None
    show_review: bool = True

    def refusal(self, now: float, attempts_used: int = 0) -> str | None:
        """Why this plan cannot be started now (one of the reason codes above), or None."""
        if not self.question_ids:
            return NO_QUESTIONS
        if self.attempts is not None and attempts_used >= self.attempts:
            return NO_ATTEMPTS_LEFT
        return self.window.refusal(now)

    def stored_settings(self) -> dict:
        """The settings saved with the attempt, including whether to show the review after submitting."""
        return {**self.settings, "review": self.show_review}


class ExamRefused(Exception):
    """`begin` was asked to start a plan it may not start; ``.reason`` is the code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _interleave(groups: Sequence[list]) -> list:
    out = []
    for round_ in range(max((len(g) for g in groups), default=0)):
        out.extend(g[round_] for g in groups if round_ < len(g))
    return out


def pool(bank: Bank, sections: Sequence[str] | None = None, levels: Sequence[str] | None = None
         ) -> list[QuestionBase]:
    """The auto-graded questions a draw takes from (of ``sections`` and ``levels``; empty = all)."""
    return [q for q in bank.lesson_questions if q.auto_graded and (not sections or q.section in sections)
            and (not levels or q.level in levels)]


def draw(bank: Bank, count: int, sections: Sequence[str] | None = None,
         rng: random.Random | None = None, levels: Sequence[str] | None = None) -> list[str]:
    """Up to ``count`` auto-graded questions at random (of ``sections`` and ``levels``; empty = all),
    spread evenly over sections and levels."""
    rng = rng or random.Random()
    by_section: dict[str, list[QuestionBase]] = {}
    for question in pool(bank, sections, levels):
        by_section.setdefault(question.section, []).append(question)
    spread = []
    for questions in by_section.values():
        by_level: dict[str, list[QuestionBase]] = {}
        for question in questions:
            by_level.setdefault(question.level, []).append(question)
        levels = list(by_level.values())
        for group in levels:
            rng.shuffle(group)
        rng.shuffle(levels)
        spread.append(_interleave(levels))
    rng.shuffle(spread)
    return [q.id for q in _interleave(spread)[:count]]


@dataclass
class Attempt:
    question_ids: list[str]
    orders: dict[str, list[int] | None]
    started_at: float
    deadline: float
    answers: dict[str, object] = field(default_factory=dict)
    answered_at: dict[str, float] = field(default_factory=dict)
    submitted_at: float | None = None

    def remaining(self, now: float) -> float:
        return max(0.0, self.deadline - now)

    def is_open(self, now: float) -> bool:
        return self.submitted_at is None and now <= self.deadline + GRACE_SECONDS

    def record(self, question_id: str, response, now: float) -> bool:
        """Keep an answer if the attempt is still open; False (and nothing kept) otherwise."""
        if question_id not in self.question_ids or not self.is_open(now):
            return False
        self.answers[question_id] = response
        self.answered_at[question_id] = now
        return True

    def submit(self, now: float) -> None:
        if self.submitted_at is None:
            self.submitted_at = min(now, self.deadline)

    def close_if_expired(self, now: float) -> bool:
        """Submit automatically once time is up; True when this call submitted it."""
        if self.submitted_at is None and now > self.deadline + GRACE_SECONDS:
            self.submit(now)
            return True
        return False

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


def start(bank: Bank, question_ids: Sequence[str], minutes: float, now: float,
          rng: random.Random | None = None, closes_at: float | None = None) -> Attempt:
    """A new attempt with the options shuffled; due after ``minutes`` or at ``closes_at``, whichever is first."""
    rng = rng or random.Random()
    orders = {}
    for question_id in question_ids:
        question = bank.question(question_id)
        orders[question_id] = module_of(question).shuffle(question, rng)
    deadline = now + minutes * 60
    if closes_at is not None:
        deadline = min(deadline, closes_at)
    return Attempt(list(question_ids), orders, now, deadline)


def begin(bank: Bank, plan: Plan, now: float, attempts_used: int = 0, rng: random.Random | None = None) -> Attempt:
    """Start ``plan`` now, or raise `ExamRefused` (outside the window, no attempts left, no questions)."""
    reason = plan.refusal(now, attempts_used)
    if reason is not None:
        raise ExamRefused(reason)
    return start(bank, plan.question_ids, plan.minutes, now, rng, closes_at=plan.window.closes_at)


def minutes_for(count: int) -> float:
    return count * MINUTES_PER_QUESTION


def practice_size(bank: Bank, settings: dict) -> tuple[int, float]:
    """How many questions and minutes a practice exam with these settings will have."""
    if settings["source"] == RANDOM:
        available = sum(1 for q in bank.lesson_questions if q.auto_graded and q.section in settings["sections"])
        count = min(settings["count"], available)
        return count, minutes_for(count)
    quiz = next(q for q in bank.quizzes if q.id == settings["source"])
    count = sum(q.auto_graded for q in quiz.questions)
    return count, quiz.time_limit_minutes or minutes_for(count)


def practice_plan(bank: Bank, settings: dict, rng: random.Random | None = None) -> Plan:
    """A practice exam: ``settings["source"]`` is a quiz id (its auto-graded questions in random order)
    or `RANDOM` with ``count`` and ``sections`` (a draw spread over sections and levels)."""
    rng = rng or random.Random()
    if settings["source"] == RANDOM:
        ids = draw(bank, settings["count"], settings["sections"], rng)
        return Plan(tuple(ids), minutes_for(len(ids)), dict(settings))
    quiz = next(q for q in bank.quizzes if q.id == settings["source"])
    ids = [q.id for q in quiz.questions if q.auto_graded]
    rng.shuffle(ids)
    return Plan(tuple(ids), quiz.time_limit_minutes or minutes_for(len(ids)), dict(settings))


@dataclass(frozen=True)
class Result:
    question: QuestionBase
    response: object
    grade: Grade


def results(attempt: Attempt, bank: Bank) -> list[Result]:
    out = []
    for question_id in attempt.question_ids:
        question = bank.question(question_id)
        response = attempt.answers.get(question_id)
        out.append(Result(question, response, grade(question, response)))
    return out


def answers_score(bank: Bank, question_ids: Sequence[str], answers: dict[str, object]) -> float:
    """An attempt's score in [0, 1] from its responses, each question weighted by its ``points``.

    The one grading truth: the student's result, Hasil Kelas, the gradebook and every export call this
    (questions no longer in the bank are left out; an unanswered question scores 0).
    """
    questions = [bank.question(qid) for qid in question_ids if qid in bank]
    return quiz_score((q, grade(q, answers.get(q.id))) for q in questions) or 0.0


def score(attempt: Attempt, bank: Bank) -> float:
    return answers_score(bank, attempt.question_ids, attempt.answers)


def section_scores(attempt: Attempt, bank: Bank) -> dict[str, float]:
    """Weighted score per section, in the order sections first appear in the attempt."""
    grouped: dict[str, list[Result]] = {}
    for result in results(attempt, bank):
        grouped.setdefault(result.question.section, []).append(result)
    return {s: quiz_score((r.question, r.grade) for r in rs) or 0.0 for s, rs in grouped.items()}
