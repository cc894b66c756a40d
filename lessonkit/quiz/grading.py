"""Grading: one question's score and status, and a quiz's weighted score.

Everything here runs on the server from the bank; a browser only ever sends
indices and texts that are graded against the questions loaded from files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .base import QuestionBase
from .types import module_of


class Verdict(StrEnum):
    """How one answer was judged (the value is the word stored and exported)."""

    RIGHT = "benar"
    PARTLY = "sebagian"
    WRONG = "salah"
    SELF_MARKED = "mandiri"  # essays: the student marks them with the rubric


STATUS_NAMES = {
    Verdict.RIGHT: "Benar",
    Verdict.PARTLY: "Sebagian benar",
    Verdict.WRONG: "Belum tepat",
    Verdict.SELF_MARKED: "Dinilai sendiri",
}


@dataclass(frozen=True)
class Grade:
    score: float | None  # in [0, 1]; None for questions that are not auto-graded (essays)

    @property
    def status(self) -> Verdict:
        if self.score is None:
            return Verdict.SELF_MARKED
        if self.score >= 1:
            return Verdict.RIGHT
        return Verdict.PARTLY if self.score > 0 else Verdict.WRONG

    @property
    def label(self) -> str:
        return STATUS_NAMES[self.status]


def grade(question: QuestionBase, response) -> Grade:
    """Score ``response`` for ``question`` (see each type module for the response shape)."""
    score = module_of(question).grade(question, response)
    return Grade(None if score is None else float(score))


def mark(score: float | None) -> int | None:
    """A score in [0, 1] as the mark out of 100 every screen and file shows (None stays None)."""
    return None if score is None else round(score * 100)


def quiz_score(results: Iterable[tuple[QuestionBase, Grade]]) -> float | None:
    """Σ score × points / Σ points over the auto-graded questions; None when there are none.

    The one weighted score: an exam attempt's (`exam.answers_score`) and a practice run's come from here.
    """
    earned = total = 0.0
    for question, result in results:
        if result.score is None:
            continue
        earned += result.score * question.points
        total += question.points
    return earned / total if total else None
