"""Grading: one question's score and status, and a quiz's weighted score.

Everything here runs on the server from the bank; a browser only ever sends
indices and texts that are graded against the questions loaded from files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .base import QuestionBase
from .types import module_of

STATUS_NAMES = {
    "benar": "Benar",
    "sebagian": "Sebagian benar",
    "salah": "Belum tepat",
    "mandiri": "Dinilai sendiri",
}


@dataclass(frozen=True)
class Grade:
    score: float | None  # in [0, 1]; None for questions that are not auto-graded (essays)

    @property
    def status(self) -> str:
        if self.score is None:
            return "mandiri"
        if self.score >= 1:
            return "benar"
        return "sebagian" if self.score > 0 else "salah"

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
