"""The class's mastery of each learning objective (TP of ``content/capaian.yaml``), for Hasil Kelas.

Kept out of `lessonkit.lesson.capaian` (which the content loader and the teacher CLI import) so that loading the
lesson never pulls in pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..lesson.capaian import Capaian
from ..lesson.progress import LEVELS, RECENT, level_of

MASTERY_COLUMNS = ["TP", "Rata-rata kelas", "Jawaban", *LEVELS[::-1], "Elemen", "Tujuan pembelajaran"]


def tp_mastery(capaian: Capaian, answers_by_student: Mapping[str, Iterable]) -> pd.DataFrame:
    """One row per TP: the class average (in %, None without answers) of each student's last answers on its
    questions, and how many students are at each level (the rule of `lessonkit.lesson.progress`: last 5 graded
    answers)."""
    rows = []
    students = {label: list(answers) for label, answers in answers_by_student.items()}
    for objective in capaian.objectives:
        questions = set(objective.questions)
        levels = {level: 0 for level in LEVELS}
        averages, count = [], 0
        for answers in students.values():
            recent = [a.score for a in answers if a.score is not None and a.question_id in questions][-RECENT:]
            levels[level_of(recent)] += 1
            count += len(recent)
            if recent:
                averages.append(sum(recent) / len(recent))
        rows.append({"TP": objective.code, "Elemen": capaian.element(objective.element).name,
                     "Tujuan pembelajaran": objective.text,
                     "Rata-rata kelas": round(100 * sum(averages) / len(averages)) if averages else None,
                     "Jawaban": count, **{level: levels[level] for level in LEVELS[::-1]}})
    return pd.DataFrame(rows, columns=MASTERY_COLUMNS)
