"""Benar/Salah per statement (PG kompleks kategori).

Response: a list of booleans (None = not answered) in statement order. Partial score: the fraction right.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, StrictBool, field_validator

from ..base import QuestionBase, Strict, Text, all_or_partial, distinct

CHOICES = {True: "Benar", False: "Salah"}


class Statement(Strict):
    text: Text
    answer: StrictBool


class Question(QuestionBase):
    type: Literal["true_false"]
    statements: Annotated[list[Statement], Field(min_length=1, max_length=10)]

    @field_validator("statements")
    @classmethod
    def _distinct(cls, statements: list[Statement]) -> list[Statement]:
        distinct([s.text for s in statements], "pernyataan")
        return statements


def grade(q: Question, response) -> float:
    answers = list(response or [])
    right = sum(1 for i, s in enumerate(q.statements) if i < len(answers) and answers[i] is s.answer)
    return all_or_partial(q, right / len(q.statements))


def is_answered(q: Question, response) -> bool:
    return response is not None and len(response) == len(q.statements) and all(a is not None for a in response)


def perfect(q: Question) -> list[bool]:
    return [s.answer for s in q.statements]


def stored(q: Question, response) -> list[bool | None] | None:
    """The JSON kept for a response: one True, False or None per statement (anything else is None)."""
    if not isinstance(response, list | tuple):
        return None
    return [given if isinstance(given, bool) else None for given in response[:len(q.statements)]]


def restored(q: Question, value) -> list[bool | None] | None:
    return stored(q, value)


def shuffle(q: Question, rng: random.Random) -> None:
    return None


def answer_text(q: Question, response) -> str:
    answers = list(response or [])
    answers = (answers + [None] * len(q.statements))[:len(q.statements)]
    return "; ".join(f"{i + 1}. {CHOICES.get(given, '(kosong)')}" for i, given in enumerate(answers))


def key_text(q: Question) -> str:
    return "; ".join(f"{i + 1}. {CHOICES[s.answer]}" for i, s in enumerate(q.statements))


def feedback(q: Question, response) -> list[str]:
    return []


def state(q: Question, key: str, order, response) -> dict:
    answers = list(response or [])
    return {f"{key}-{i}": answers[i] for i in range(min(len(answers), len(q.statements)))}


def read(q: Question, key: str, order, state) -> list[bool | None]:
    return [state.get(f"{key}-{i}") for i in range(len(q.statements))]


def render(q: Question, *, key: str, order=None, disabled: bool = False, on_change=None, args=()) -> list:
    import streamlit as st

    st.markdown("Tentukan **Benar** atau **Salah** untuk setiap pernyataan:")
    for i, statement in enumerate(q.statements):
        st.radio(f"{i + 1}. {statement.text}", [True, False], index=None, horizontal=True, key=f"{key}-{i}",
                 format_func=CHOICES.get, disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
