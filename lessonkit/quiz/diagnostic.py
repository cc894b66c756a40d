"""The diagnostic pre-test: a quiz whose id starts with ``diagnostik`` and where its result says to start.

Each diagnostic question belongs to a section, like any question. Sections the
test covers and the student answered well (average >= ``MASTERED``) can be
skipped; the recommended start is the first section, in lesson order, that is
weak or that the test does not cover. Unchecked questions count as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .bank import DIAGNOSTIC_PREFIX, Bank, Quiz

MASTERED = 0.7
BASICS_BELOW = 0.5


def is_diagnostic(quiz_id: str) -> bool:
    return quiz_id.startswith(DIAGNOSTIC_PREFIX)


def diagnostic_quiz(bank: Bank) -> Quiz | None:
    return next((quiz for quiz in bank.quizzes if is_diagnostic(quiz.id)), None)


@dataclass(frozen=True)
class Recommendation:
    start: str  # section id to start reading at
    score: float  # the whole test, in [0, 1]
    weak: list[str]  # covered sections below MASTERED, lesson order
    basics_first: bool  # the score is so low that the prerequisite chapter needs revising first


def recommend(quiz: Quiz, scores: Mapping[str, float | None], section_ids: Sequence[str]) -> Recommendation:
    """Where to start, from the scores per question id (None or missing: not checked, counted as 0)."""
    by_section: dict[str, list[float]] = {}
    weights = points = 0.0
    for q in quiz.questions:
        if not q.auto_graded:
            continue
        score = scores.get(q.id) or 0.0
        by_section.setdefault(q.section, []).append(score)
        weights += q.points
        points += score * q.points
    weak = [s for s in section_ids if s in by_section and sum(by_section[s]) / len(by_section[s]) < MASTERED]
    start = next((s for s in section_ids if s in weak or s not in by_section), section_ids[-1])
    total = points / weights if weights else 0.0
    return Recommendation(start, total, weak, total < BASICS_BELOW)
