"""Isian singkat: a short typed answer, right when it equals an accepted one after normalising.

Response: a string. Normalising: case-fold, trim, collapse whitespace, drop punctuation.
The response is cut to ``MAX_CHARS`` on the server, whatever the browser sent.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ...limits import SHORT_ANSWER_MAX, clean_answer
from ..base import QuestionBase, Text, normalise_answer

MAX_CHARS = SHORT_ANSWER_MAX


class Question(QuestionBase):
    type: Literal["short_answer"]
    accept: Annotated[list[Text], Field(min_length=1)]

    @field_validator("accept")
    @classmethod
    def _meaningful(cls, accept: list[str]) -> list[str]:
        for answer in accept:
            if not normalise_answer(answer):
                raise ValueError(f"jawaban '{answer}' hanya berisi tanda baca")
        return accept


def grade(q: Question, response) -> float:
    given = normalise_answer(response or "")
    return 1.0 if given and given in {normalise_answer(a) for a in q.accept} else 0.0


def is_answered(q: Question, response) -> bool:
    return bool((response or "").strip())


def perfect(q: Question) -> str:
    return q.accept[0]


def stored(q: Question, response) -> str | None:
    """The JSON kept for a response: the typed text, cleaned and cut to ``MAX_CHARS``."""
    return stored_text(response, MAX_CHARS)


def restored(q: Question, value) -> str | None:
    return stored(q, value)


def stored_text(response, limit: int) -> str | None:
    """A typed text as it is kept (also for essays): cleaned and cut to ``limit``; None when it is not a text."""
    return clean_answer(response, limit) if isinstance(response, str) else None


def shuffle(q: Question, rng: random.Random) -> None:
    return None


def answer_text(q: Question, response) -> str:
    return response.strip() if response and response.strip() else "(tidak dijawab)"


def key_text(q: Question) -> str:
    return " / ".join(q.accept)


def feedback(q: Question, response) -> list[str]:
    return []


def state(q: Question, key: str, order, response) -> dict:
    return {key: response or ""}


def read(q: Question, key: str, order, state) -> str:
    return text_response(state, key, MAX_CHARS)


def text_response(state, key: str, limit: int) -> str:
    """The typed text in widget state, cleaned and cut to ``limit`` characters (also for essays)."""
    return clean_answer(state.get(key) or "", limit)


def render(q: Question, *, key: str, order=None, disabled: bool = False, on_change=None, args=()) -> str:
    import streamlit as st

    st.text_input("Jawabanmu:", key=key, max_chars=MAX_CHARS, disabled=disabled, on_change=on_change, args=args,
                  placeholder="Ketik jawaban singkat, lalu tekan Enter")
    return read(q, key, order, st.session_state)
