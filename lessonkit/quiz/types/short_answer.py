"""Isian singkat: a short typed answer, right when it equals an accepted one after normalising, or misses one by a
typo or two the question tolerates.

Response: a string. Normalising: case-fold, trim, collapse whitespace, drop punctuation; spaces then do not count
("kode-etik" and "kodeetik" are "kode etik"). ``typos``: how many letters an answer may differ from an accepted one
(a letter missing, extra, changed, or two swapped) and still be right; left out, 1 for an answer of 6–11 letters and
2 from 12, none below (short words too easily become other words); 0 accepts only the written forms.
``closeness`` says what the grade was based on, so the feedback of every screen tells the same story.
The response is cut to ``MAX_CHARS`` on the server, whatever the browser sent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ...rules.limits import SHORT_ANSWER_MAX, clean_answer
from ...rules.spelling import edit_distance, typos_allowed
from ..base import QuestionBase, Text, marked, normalise_answer

MAX_CHARS = SHORT_ANSWER_MAX
TYPOS_MAX = 3
AUTO_TYPOS = ((12, 2), (6, 1))  # (letters at least, typos tolerated), longest first


class Question(QuestionBase):
    type: Literal["short_answer"]
    accept: Annotated[list[Text], Field(min_length=1)]
    typos: Annotated[int, Field(ge=0, le=TYPOS_MAX)] | None = None

    @field_validator("accept")
    @classmethod
    def _meaningful(cls, accept: list[str]) -> list[str]:
        for answer in accept:
            if not normalise_answer(answer):
                raise ValueError(f"jawaban '{answer}' hanya berisi tanda baca")
        return accept


def _compact(text: str) -> str:
    return normalise_answer(text).replace(" ", "")


def tolerated(q: Question, accepted: str) -> int:
    """Typos tolerated against one accepted answer: the question's ``typos``, else by the answer's length."""
    if q.typos is not None:
        return q.typos
    return typos_allowed(len(_compact(accepted)), AUTO_TYPOS)


def typo_note(q: Question) -> str | None:
    """For an answer key graded by hand like the app grades: the typos tolerated in the first accepted answer."""
    typos = tolerated(q, q.accept[0])
    return f"salah ketik sampai {typos} huruf diterima" if typos else None


@dataclass(frozen=True)
class Closeness:
    """How a typed answer compares with the nearest accepted one: ``typos`` letters apart (0: as written)."""

    accepted: str
    typos: int
    tolerated: int

    @property
    def right(self) -> bool:
        return self.typos <= self.tolerated


def closeness(q: Question, response) -> Closeness | None:
    """The accepted answer nearest the response (None for an empty one); an exact match wins any tie."""
    given = _compact(response or "")
    if not given:
        return None
    near = [Closeness(a, edit_distance(given, _compact(a)), tolerated(q, a)) for a in q.accept]
    return min(near, key=lambda c: (not c.right, c.typos))


def grade(q: Question, response) -> float:
    near = closeness(q, response)
    return 1.0 if near is not None and near.right else 0.0


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


NEAR_MISS = 2  # a wrong answer this many typos beyond what is tolerated is told how close it was


def feedback(q: Question, response) -> list[str]:
    """A note on spelling for an answer accepted with a typo; how close a wrong answer came when it nearly did."""
    near = closeness(q, response)
    if near is None or near.typos == 0:
        return []
    if near.right:
        return [f"Jawabanmu diterima walaupun ejaannya belum tepat. Tulisan yang benar: **{near.accepted}**."]
    if near.typos <= near.tolerated + NEAR_MISS:
        return [f"Hampir tepat: jawabanmu berbeda {near.typos} huruf dari jawaban yang diterima. "
                "Periksa lagi ejaannya."]
    return []


def verdicts(q: Question, response) -> list[bool]:
    """The one answer: right or not."""
    return [grade(q, response) == 1.0]


def state(q: Question, key: str, order, response) -> dict:
    return {key: response or ""}


def read(q: Question, key: str, order, state) -> str:
    return text_response(state, key, MAX_CHARS)


def text_response(state, key: str, limit: int) -> str:
    """The typed text in widget state, cleaned and cut to ``limit`` characters (also for essays)."""
    return clean_answer(state.get(key) or "", limit)


def render(q: Question, *, key: str, order=None, disabled: bool = False, on_change=None, args=(),
           checked=None) -> str:
    import streamlit as st

    label = "Jawabanmu:" if checked is None else marked("Jawabanmu:", verdicts(q, checked)[0])
    st.text_input(label, key=key, max_chars=MAX_CHARS, disabled=disabled, on_change=on_change, args=args,
                  placeholder="Ketik jawaban singkat, lalu tekan Enter")
    return read(q, key, order, st.session_state)
