"""Mengurutkan: put the items in their right order.

Response: the list of item texts in the student's order. Partial score: (L - 1) / (n - 1), where L is the
longest run of items in correct relative order (longest increasing subsequence of their true positions).
The widget is a multiselect where the student clicks items in order (keyboard- and phone-friendly, no drag).
"""

from __future__ import annotations

import bisect
import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..base import QuestionBase, Text, all_or_partial, distinct, unmarked


class Question(QuestionBase):
    type: Literal["ordering"]
    items: Annotated[list[Text], Field(min_length=3, max_length=12)]

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        distinct(items, "butir")
        return items


def longest_increasing_run(values: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
        else:
            tails[at] = value
    return len(tails)


def grade(q: Question, response) -> float:
    position = {item: i for i, item in enumerate(q.items)}
    seen: set[str] = set()
    positions = []
    for item in response or []:
        if item in position and item not in seen:
            seen.add(item)
            positions.append(position[item])
    run = longest_increasing_run(positions)
    if q.scoring == "all_or_nothing":
        return 1.0 if list(response or []) == list(q.items) else 0.0
    return all_or_partial(q, (run - 1) / (len(q.items) - 1))


def is_answered(q: Question, response) -> bool:
    return response is not None and sorted(response) == sorted(q.items)


def perfect(q: Question) -> list[str]:
    return list(q.items)


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.items)))
    while len(order) > 1 and order == sorted(order):
        rng.shuffle(order)
    return order


def answer_text(q: Question, response) -> str:
    return " → ".join(response) if response else "(tidak dijawab)"


def key_text(q: Question) -> str:
    return " → ".join(q.items)


def feedback(q: Question, response) -> list[str]:
    return []


def state(q: Question, key: str, order: list[int], response) -> dict:
    return {key: [q.items.index(item) for item in response or [] if item in q.items]}


def read(q: Question, key: str, order: list[int], state) -> list[str]:
    return [q.items[i] for i in state.get(key) or []]


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=()) -> list:
    import streamlit as st

    st.multiselect("Klik butir satu per satu, mulai dari yang pertama sampai yang terakhir:", order, key=key,
                   format_func=lambda i: unmarked(q.items[i]), placeholder="Pilih butir pertama", disabled=disabled,
                   select_all=False, on_change=on_change, args=args)
    chosen = read(q, key, order, st.session_state)
    if chosen:
        st.caption("Urutanmu: " + " → ".join(f"{n}. {item}" for n, item in enumerate(chosen, start=1)))
    return chosen
