"""Multiple-answer multiple choice (pilihan ganda kompleks): tick every correct option.

Response: a set of 0-based option indices as written in the file.
Partial score: max(0, (correct picked - wrong picked) / number correct).
Widget keys name the position shown (``KEY-0`` is the first checkbox the
student sees), mapped back through the stored ``order``: a key, which the
browser shows as a CSS class, never tells where the option is in the file.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..base import QuestionBase, all_or_partial, distinct, marked
from .single import Option, is_index


class Question(QuestionBase):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        distinct([o.text for o in options], "teks pilihan")
        if not any(o.correct for o in options):
            raise ValueError("soal pilihan ganda kompleks harus punya minimal satu pilihan 'correct: true'")
        return options

    @property
    def answers(self) -> frozenset[int]:
        return frozenset(i for i, o in enumerate(self.options) if o.correct)


def grade(q: Question, response) -> float:
    picked = set(response or ())
    right = len(picked & q.answers)
    wrong = len(picked - q.answers)
    return all_or_partial(q, (right - wrong) / len(q.answers))


def is_answered(q: Question, response) -> bool:
    return bool(response)


def perfect(q: Question) -> set[int]:
    return set(q.answers)


def stored(q: Question, response) -> list[int]:
    """The JSON kept for a response: the picked option indices, sorted, each once."""
    picked = response if isinstance(response, set | frozenset | list | tuple) else ()
    return sorted({i for i in picked if is_index(i, len(q.options))})


def restored(q: Question, value) -> set[int]:
    return set(stored(q, value))


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.options)))
    rng.shuffle(order)
    return order


def answer_text(q: Question, response) -> str:
    picked = sorted(response or ())
    return "; ".join(q.options[i].text for i in picked) if picked else "(tidak dijawab)"


def key_text(q: Question) -> str:
    return "; ".join(q.options[i].text for i in sorted(q.answers))


def feedback(q: Question, response) -> list[str]:
    return [q.options[i].feedback for i in sorted(response or ()) if q.options[i].feedback]


def verdicts(q: Question, response) -> list[bool | None]:
    """Every key ✓ (ticked or not), a wrong tick ✗, the other options unmarked."""
    picked = set(response or ())
    return [True if o.correct else (False if i in picked else None) for i, o in enumerate(q.options)]


MISSED = " (seharusnya dipilih)"


def state(q: Question, key: str, order: list[int], response) -> dict:
    picked = set(response or ())
    return {f"{key}-{shown}": i in picked for shown, i in enumerate(order)}


def read(q: Question, key: str, order: list[int], state) -> set[int]:
    return {i for shown, i in enumerate(order) if state.get(f"{key}-{shown}")}


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=(),
           checked=None) -> set[int]:
    import streamlit as st

    st.markdown("Pilih **semua** jawaban yang benar:")
    marks = verdicts(q, checked) if checked is not None else [None] * len(q.options)
    missed = q.answers - set(checked) if checked is not None else frozenset()
    for shown, i in enumerate(order):
        st.checkbox(marked(q.options[i].text, marks[i], MISSED if i in missed else ""), key=f"{key}-{shown}",
                    disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
