"""Exams (Ujian): drawing questions, the server-side deadline, recording answers, results.

Time is passed in by the caller (seconds, e.g. ``time.time()`` on the server)
so the rules can be tested without waiting. An answer is accepted only while
the attempt is open: before the deadline (plus a small grace for the network)
and before submission. Nothing here is decided by the browser.
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


def _interleave(groups: Sequence[list]) -> list:
    out = []
    for round_ in range(max((len(g) for g in groups), default=0)):
        out.extend(g[round_] for g in groups if round_ < len(g))
    return out


def draw(bank: Bank, count: int, sections: Sequence[str] | None = None,
         rng: random.Random | None = None) -> list[str]:
    """Up to ``count`` auto-graded questions at random, spread evenly over sections and levels."""
    rng = rng or random.Random()
    pool = [q for q in bank.questions if q.auto_graded and (not sections or q.section in sections)]
    by_section: dict[str, list[QuestionBase]] = {}
    for question in pool:
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
          rng: random.Random | None = None) -> Attempt:
    rng = rng or random.Random()
    orders = {}
    for question_id in question_ids:
        question = bank.question(question_id)
        orders[question_id] = module_of(question).shuffle(question, rng)
    return Attempt(list(question_ids), orders, now, now + minutes * 60)


def minutes_for(count: int) -> float:
    return count * MINUTES_PER_QUESTION


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


def score(attempt: Attempt, bank: Bank) -> float:
    return quiz_score((r.question, r.grade) for r in results(attempt, bank)) or 0.0


def section_scores(attempt: Attempt, bank: Bank) -> dict[str, float]:
    """Weighted score per section, in the order sections first appear in the attempt."""
    grouped: dict[str, list[Result]] = {}
    for result in results(attempt, bank):
        grouped.setdefault(result.question.section, []).append(result)
    return {s: quiz_score((r.question, r.grade) for r in rs) or 0.0 for s, rs in grouped.items()}
