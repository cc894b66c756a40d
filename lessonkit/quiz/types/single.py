"""Single-answer multiple choice (pilihan ganda): one correct option among several.

Response: the 0-based index of the chosen option as written in the file, or None.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..base import QuestionBase, Strict, Text, distinct, marked

LETTERS = "ABCDEFGHIJ"


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: str | None = None


class Question(QuestionBase):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        distinct([o.text for o in options], "teks pilihan")
        count = sum(o.correct for o in options)
        if count != 1:
            raise ValueError(f"soal pilihan ganda harus punya tepat satu pilihan 'correct: true' (sekarang {count})")
        return options

    @property
    def answer(self) -> int:
        return next(i for i, o in enumerate(self.options) if o.correct)


def grade(q: Question, response: int | None) -> float:
    return 1.0 if response == q.answer else 0.0


def is_answered(q: Question, response) -> bool:
    return response is not None


def perfect(q: Question) -> int:
    return q.answer


def stored(q: Question, response) -> int | None:
    """The JSON kept for a response: the option index, None when it is not one of this question's options."""
    return response if is_index(response, len(q.options)) else None


def restored(q: Question, value) -> int | None:
    return stored(q, value)


def is_index(value, count: int) -> bool:
    """True for an int (not a bool) in ``range(count)``: an option a student can pick."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.options)))
    rng.shuffle(order)
    return order


def label(q: Question, order: list[int], index: int) -> str:
    return f"{LETTERS[order.index(index)]}. {q.options[index].text}"


def verdicts(q: Question, response) -> list[bool | None]:
    """The key ✓, a wrong choice ✗, the other options unmarked."""
    return [True if o.correct else (False if i == response else None) for i, o in enumerate(q.options)]


def answer_text(q: Question, response) -> str:
    return q.options[response].text if response is not None else "(tidak dijawab)"


def key_text(q: Question) -> str:
    return q.options[q.answer].text


def feedback(q: Question, response) -> list[str]:
    """Feedback written for the chosen option, if any."""
    if response is None or not q.options[response].feedback:
        return []
    return [q.options[response].feedback]


def state(q: Question, key: str, order: list[int], response) -> dict:
    """Widget state that shows ``response`` again (inverse of `read`), e.g. after resuming an exam."""
    return {key: response}


def read(q: Question, key: str, order: list[int], state) -> int | None:
    return state.get(key)


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=(),
           checked=None) -> int | None:
    import streamlit as st

    marks = verdicts(q, checked) if checked is not None else [None] * len(q.options)
    return st.radio("Pilih satu jawaban:", order, index=None, key=key,
                    format_func=lambda i: marked(label(q, order, i), marks[i]),
                    disabled=disabled, on_change=on_change, args=args)
