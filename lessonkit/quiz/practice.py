"""A practice run (Latihan): questions one at a time, checked immediately, retried at will, and its summary.

The summary praises only what is so: "all right" only when every checked question is fully right, and every
section with a question not fully right (partly right included) is named to study again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .bank import Bank
from .grading import Grade, Verdict, grade
from .types import module_of

LEVEL_ORDER = {"L1": 0, "L2": 1, "L3": 2}


@dataclass
class PracticeRun:
    question_ids: list[str]
    orders: dict[str, list[int] | None]
    index: int = 0
    results: dict[str, Grade] = field(default_factory=dict)
    responses: dict[str, object] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)

    @property
    def current(self) -> str | None:
        return self.question_ids[self.index] if self.index < len(self.question_ids) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.question_ids)

    def check(self, bank: Bank, question_id: str, response) -> Grade:
        """Grade an answer on the server and remember the latest result for this question."""
        result = grade(bank.question(question_id), response)
        self.results[question_id] = result
        self.responses[question_id] = response
        self.attempts[question_id] = self.attempts.get(question_id, 0) + 1
        return result

    def retry(self, question_id: str) -> None:
        self.results.pop(question_id, None)
        self.responses.pop(question_id, None)

    def advance(self) -> None:
        self.index = min(self.index + 1, len(self.question_ids))

    def finish(self) -> None:
        """End early; the summary covers what was checked so far."""
        self.index = len(self.question_ids)


def start(bank: Bank, *, quiz_id: str | None = None, section: str | None = None,
          rng: random.Random | None = None) -> PracticeRun:
    """A run over one quiz (in file order) or one section (easier questions first)."""
    rng = rng or random.Random()
    if quiz_id is not None:
        quiz = next(q for q in bank.quizzes if q.id == quiz_id)
        questions = list(quiz.questions)
    else:
        questions = [q for q in bank.lesson_questions if q.section == section]
        questions.sort(key=lambda q: LEVEL_ORDER[q.level])
    orders = {q.id: module_of(q).shuffle(q, rng) for q in questions}
    return PracticeRun([q.id for q in questions], orders)


@dataclass(frozen=True)
class SectionResult:
    section: str
    score: float
    answered: int


def by_section(run: PracticeRun, bank: Bank) -> list[SectionResult]:
    """Average score per section over the checked, auto-graded questions, weakest first."""
    totals: dict[str, list[float]] = {}
    for question_id, result in run.results.items():
        if result.score is None:
            continue
        totals.setdefault(bank.question(question_id).section, []).append(result.score)
    summary = [SectionResult(s, sum(v) / len(v), len(v)) for s, v in totals.items()]
    return sorted(summary, key=lambda r: (r.score, r.section))


@dataclass(frozen=True)
class Summary:
    """What a finished run adds up to, over the auto-graded questions (self-rated essays are not counted)."""

    checked: int  # questions checked
    right: int  # of those, fully right
    unchecked: int  # questions of the run never checked (the run was ended early)
    study_again: list[SectionResult]  # sections with a checked question not fully right, weakest first

    @property
    def verdict(self) -> tuple[str, str]:
        """(kind, text): "success" only when every checked question is fully right, "info" when none was checked,
        else "warning"."""
        rest = f" {self.unchecked} soal lainnya belum kamu kerjakan." if self.unchecked else ""
        if not self.checked:
            return "info", "Belum ada soal yang kamu periksa. Tekan Periksa setelah menjawab agar hasilnya dihitung."
        if self.right == self.checked:
            if self.unchecked:
                return "success", f"Bagus! Semua soal yang kamu periksa sudah tepat.{rest}"
            return "success", "Bagus sekali! Semua soal dalam latihan ini kamu jawab dengan tepat."
        return "warning", (f"{self.checked - self.right} dari {self.checked} soal belum sepenuhnya tepat. "
                           f"Pelajari lagi bagian di bawah ini, lalu coba latihan lagi.{rest}")


def summary(run: PracticeRun, bank: Bank) -> Summary:
    graded = {i: r for i, r in run.results.items() if r.score is not None}
    essays = sum(1 for i in run.question_ids if i in run.results and i not in graded)
    right = sum(1 for r in graded.values() if r.status is Verdict.RIGHT)
    weak = {bank.question(i).section for i, r in graded.items() if r.status is not Verdict.RIGHT}
    return Summary(len(graded), right, len(run.question_ids) - len(graded) - essays,
                   [r for r in by_section(run, bank) if r.section in weak])
