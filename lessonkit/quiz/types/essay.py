"""Uraian: a written answer, not auto-graded. The student compares it with the model answer, the rubric's
level descriptors and the sample answers labelled with their level, and ticks the criteria met
(self-assessment, shown as such). The rubric schema is `lessonkit.lesson.rubric`, shared with the project.

Response: the text (cut to ``MAX_CHARS`` on the server). ``grade`` is None; ``self_score(q, met)`` gives the
self-assessed fraction.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ...lesson.rubric import Criterion, Sample, check_samples
from ...rules.limits import ESSAY_MAX
from ..base import QuestionBase, Text
from .short_answer import answer_text, is_answered, state, stored_text, text_response  # the same free text

MAX_CHARS = ESSAY_MAX

__all__ = ["Question", "answer_text", "feedback", "grade", "is_answered", "key_text", "perfect", "rated_score", "read",
           "render", "restored", "self_score", "shuffle", "state", "stored"]


class Question(QuestionBase):
    type: Literal["essay"]
    model_answer: Text
    rubric: Annotated[list[Criterion], Field(min_length=1)]
    samples: list[Sample] = []

    @model_validator(mode="after")
    def _samples_match_the_levels(self) -> Question:
        check_samples(self.rubric, self.samples)
        return self

    @property
    def auto_graded(self) -> bool:
        return False


def grade(q: Question, response) -> None:
    return None


def self_score(q: Question, met: set[int]) -> float:
    total = sum(c.points for c in q.rubric)
    return sum(c.points for i, c in enumerate(q.rubric) if i in met) / total


def rated_score(q: Question, chosen: Mapping[int, int]) -> float:
    """Self-assessment with level descriptors: ``chosen`` maps a criterion's index to the index of the level
    picked (criteria not rated yet earn nothing)."""
    earned = sum(q.rubric[i].levels[level].points for i, level in chosen.items())
    return earned / sum(c.points for c in q.rubric)


def perfect(q: Question) -> str:
    return q.model_answer


def stored(q: Question, response) -> str | None:
    """The JSON kept for a response: the written text, cleaned and cut to ``MAX_CHARS``."""
    return stored_text(response, MAX_CHARS)


def restored(q: Question, value) -> str | None:
    return stored(q, value)


def shuffle(q: Question, rng: random.Random) -> None:
    return None


def key_text(q: Question) -> str:
    return q.model_answer


def feedback(q: Question, response) -> list[str]:
    return []


def read(q: Question, key: str, order, state) -> str:
    return text_response(state, key, MAX_CHARS)


def verdicts(q: Question, response) -> list:
    """Nothing to mark: the student rates an essay with its rubric."""
    return []


def render(q: Question, *, key: str, order=None, disabled: bool = False, on_change=None, args=(),
           checked=None) -> str:
    """The answer box; an essay is rated by the student, not marked (``checked`` is taken for the shared call)."""
    import streamlit as st

    st.text_area("Tulis jawabanmu:", key=key, height=160, max_chars=MAX_CHARS, disabled=disabled,
                 on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
