"""Menjodohkan: match every left item with its right item.

Response: a dict left -> right. Partial score: the fraction of lefts matched right.
The rights are shown in a shuffled order.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..base import QuestionBase, Strict, Text, all_or_partial, distinct


class Pair(Strict):
    left: Text
    right: Text


class Question(QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=3, max_length=10)]

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        distinct([p.left for p in pairs], "teks kiri (left)")
        distinct([p.right for p in pairs], "teks kanan (right)")
        return pairs


def grade(q: Question, response) -> float:
    given = dict(response or {})
    right = sum(1 for p in q.pairs if given.get(p.left) == p.right)
    return all_or_partial(q, right / len(q.pairs))


def is_answered(q: Question, response) -> bool:
    return bool(response) and all((response or {}).get(p.left) for p in q.pairs)


def perfect(q: Question) -> dict[str, str]:
    return {p.left: p.right for p in q.pairs}


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.pairs)))
    rng.shuffle(order)
    return order


def answer_text(q: Question, response) -> str:
    given = dict(response or {})
    return "; ".join(f"{p.left} → {given.get(p.left) or '(kosong)'}" for p in q.pairs)


def key_text(q: Question) -> str:
    return "; ".join(f"{p.left} → {p.right}" for p in q.pairs)


def feedback(q: Question, response) -> list[str]:
    return []


def state(q: Question, key: str, order: list[int], response) -> dict:
    rights = {p.right: j for j, p in enumerate(q.pairs)}
    given = dict(response or {})
    return {f"{key}-{i}": rights[given[p.left]] for i, p in enumerate(q.pairs) if given.get(p.left) in rights}


def read(q: Question, key: str, order: list[int], state) -> dict[str, str]:
    given = {}
    for i, pair in enumerate(q.pairs):
        choice = state.get(f"{key}-{i}")
        if choice is not None:
            given[pair.left] = q.pairs[choice].right
    return given


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=()) -> dict:
    import streamlit as st

    st.markdown("Pasangkan setiap pernyataan di kiri dengan jawaban yang tepat:")
    for i, pair in enumerate(q.pairs):
        st.selectbox(pair.left, order, index=None, key=f"{key}-{i}", placeholder="Pilih pasangannya",
                     format_func=lambda j: q.pairs[j].right, disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
