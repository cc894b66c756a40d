"""The class gradebook (no Streamlit): members × class exams and Kuis Langsung, marks out of 100, with totals.

A class exam's mark is `lessonkit.quiz.exam.answers_score` of the student's first attempt (the one grading
truth: question weights included, the same function the student's result uses) turned into a mark by
`lessonkit.quiz.grading.mark`; a Kuis Langsung's mark is the player's share of the points of its questions.
A member with no attempt is "belum mengerjakan", one who started but did not submit "belum mengumpulkan".
Ringkasan, the gradebook tab and the item-analysis "Nilai" sheet all read their marks from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..quiz.exam import answers_score
from ..quiz.grading import mark
from .class_results import distinct_labels

if TYPE_CHECKING:
    from ..quiz import Bank

NOT_STARTED = "belum mengerjakan"
NOT_SUBMITTED = "belum mengumpulkan"
NAME, DONE, MEAN = "Nama panggilan", "Dikerjakan", "Rata-rata"


def take_score(bank: Bank, take) -> float | None:
    """A class-exam take's score in [0, 1] (a `storage.ExamTake`); None while it is not submitted."""
    if take.submitted_at is None:
        return None
    return answers_score(bank, take.question_ids, take.responses)


@dataclass(frozen=True)
class Column:
    """One graded activity: student id → score in [0, 1] (None: started, not submitted; absent: not started)."""

    title: str
    scores: Mapping[int, float | None]

    def cell(self, student_id: int) -> int | str:
        if student_id not in self.scores:
            return NOT_STARTED
        score = self.scores[student_id]
        return NOT_SUBMITTED if score is None else mark(score)

    def marks(self, student_ids: Iterable[int]) -> list[int]:
        """The marks of those who submitted, in the order of ``student_ids``."""
        return [mark(self.scores[s]) for s in student_ids if self.scores.get(s) is not None]


def exam_column(bank: Bank, title: str, takes: Iterable) -> Column:
    return Column(title, {t.student_id: take_score(bank, t) for t in takes})


def live_column(title: str, students: Iterable) -> Column:
    """A finished Kuis Langsung (`storage.LiveClassResult.students`); only saved students have a row."""
    return Column(title, {s.student_id: s.score for s in students if s.student_id is not None})


def mean_mark(marks: Sequence[int]) -> float | None:
    return sum(marks) / len(marks) if marks else None


def table(labels: Mapping[int, str], columns: Sequence[Column]) -> pd.DataFrame:
    """One row per member: a mark or a status per activity, how many were done and the mean of the marks."""
    titles = distinct_labels([c.title for c in columns])
    rows = []
    for student_id, label in labels.items():
        cells = [c.cell(student_id) for c in columns]
        marks = [m for m in cells if isinstance(m, int)]
        mean = mean_mark(marks)
        rows.append({NAME: label, **dict(zip(titles, cells, strict=True)),
                     DONE: f"{len(marks)} dari {len(columns)}", MEAN: None if mean is None else round(mean, 1)})
    return pd.DataFrame(rows, columns=[NAME, *titles, DONE, MEAN])
