"""From stored exam answers to the tables the analysis takes: scores, choices, keys, options, sources.

Options are labelled A, B, C … in the order written in the quiz file (students
saw them shuffled, but the teacher edits the file), so "pengecoh C" is the
third option in the file. Choices are collected for single- and
multiple-choice questions; other types get scores only.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..quiz import Bank, grade
from ..quiz.stored import from_stored
from ..quiz.types.single import LETTERS
from .analysis import Analysis, analyse

CHOICE_TYPES = ("single", "multiple")


@dataclass(frozen=True)
class ClassMatrix:
    scores: pd.DataFrame
    choices: pd.DataFrame
    keys: dict[str, frozenset[str]]
    options: dict[str, dict[str, str]]
    sources: dict[str, tuple[str, int]]
    labels: Mapping[Hashable, str] = field(default_factory=dict)

    def analyse(self) -> Analysis:
        return analyse(self.scores, self.choices, keys=self.keys, options=self.options, sources=self.sources,
                       labels=self.labels)


def _choice(kind: str, response):
    if response is None:
        return None
    if kind == "single":
        return LETTERS[int(response)]
    labels = frozenset(LETTERS[int(i)] for i in response)
    return labels or None


def class_matrix(bank: Bank, question_ids: Sequence[str], answers: Mapping[Hashable, Mapping[str, object]],
                 labels: Mapping[Hashable, str] | None = None) -> ClassMatrix:
    """``answers``: per student (name or id) the response per question id, as stored for an exam attempt
    (read back through each question's type); ``labels``: the name shown per student key, when the keys are ids.

    A question missing from a student's answers is not answered (NaN, counted as 0 by the analysis).
    """
    questions = [bank.question(qid) for qid in question_ids]
    score_rows, choice_rows = {}, {}
    for student, kept in answers.items():
        given = {q.id: from_stored(q, kept[q.id]) for q in questions if q.id in kept}
        score_rows[student] = [grade(q, given[q.id]).score if q.id in given else np.nan for q in questions]
        choice_rows[student] = [_choice(q.type, given.get(q.id)) if q.type in CHOICE_TYPES else None
                                for q in questions]
    columns = list(question_ids)
    scores = pd.DataFrame.from_dict(score_rows, orient="index", columns=columns, dtype=float)
    choice_columns = [q.id for q in questions if q.type in CHOICE_TYPES]
    choices = pd.DataFrame.from_dict(choice_rows, orient="index", columns=columns, dtype=object)[choice_columns]
    choice_questions = [q for q in questions if q.type in CHOICE_TYPES]
    keys = {q.id: frozenset(LETTERS[i] for i, o in enumerate(q.options) if o.correct) for q in choice_questions}
    options = {q.id: {LETTERS[i]: o.text for i, o in enumerate(q.options)} for q in choice_questions}
    return ClassMatrix(scores, choices, keys, options, {qid: bank.source(qid) for qid in question_ids},
                       dict(labels or {}))
