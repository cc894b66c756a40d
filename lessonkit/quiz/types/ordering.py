"""Mengurutkan: put the items in their right order.

Response: the list of item texts in the student's order. Partial score: (L - 1) / (n - 1), where L is the
longest run of items in correct relative order (longest increasing subsequence of their true positions).
The widget lists every item, always visible, each with ↑ and ↓ buttons (plain buttons: Tab and Enter on a
keyboard, a tap on a phone, no drag). Its state (``session_state[key]``) is the student's order as indices into
``items``; it is unset until the student moves an item or keeps the shown order, so an untouched question is
unanswered.
"""

from __future__ import annotations

import bisect
import random
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ...rules.limits import RESPONSE_ITEMS_MAX
from ..base import QuestionBase, Text, all_or_partial, distinct, marked, unmarked


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


def stored(q: Question, response) -> list[str] | None:
    """The JSON kept for a response: the student's order of this question's items (unknown texts dropped)."""
    if not isinstance(response, list | tuple):
        return None
    return [item for item in response[:RESPONSE_ITEMS_MAX] if isinstance(item, str) and item in q.items]


def restored(q: Question, value) -> list[str] | None:
    return stored(q, value)


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


def verdicts(q: Question, response) -> list[bool]:
    """Per item: whether the student put it in its own place."""
    given = list(response or [])
    return [i < len(given) and given[i] == item for i, item in enumerate(q.items)]


def state(q: Question, key: str, order: list[int], response) -> dict:
    return {key: [q.items.index(item) for item in response or [] if item in q.items]}


def read(q: Question, key: str, order: list[int], state) -> list[str]:
    return [q.items[i] for i in state.get(key) or []]


def moved(shown: list[int], position: int, step: int) -> list[int]:
    """``shown`` with the item at ``position`` moved ``step`` places (-1 up, +1 down), kept inside the list."""
    target = max(0, min(len(shown) - 1, position + step))
    result = list(shown)
    result.insert(target, result.pop(position))
    return result


def arrange(texts: dict[int, str], *, key: str, disabled: bool = False, on_change=None, args=()) -> None:
    """The ordering widget: ``texts`` (id -> markdown, in the order first shown) as numbered rows with ↑ and ↓.

    ``session_state[key]`` is the student's order as a list of ids, unset until the student moves a row or keeps
    the shown order with "Urutan ini sudah benar"; every change calls ``on_change(*args)``.
    """
    import streamlit as st

    def _set(value: list[int]) -> None:
        st.session_state[key] = value
        if on_change is not None:
            on_change(*args)

    st.html('<style>div[class*="-lkorder-row-"] button { min-width: 44px; min-height: 44px; }</style>')  # touch size
    chosen = st.session_state.get(key)
    shown = list(chosen) if chosen is not None and sorted(chosen) == sorted(texts) else list(texts)
    st.caption("Susun urutannya dengan tombol ↑ (naik) dan ↓ (turun) di samping tiap butir.")
    for position, item in enumerate(shown):
        with st.container(border=True, horizontal=True, vertical_alignment="center",
                          key=f"{key}-lkorder-row-{position}"):
            st.markdown(f"**{position + 1}.** {texts[item]}", width="stretch")
            st.button("↑", key=f"{key}-up-{position}", help=f"Naikkan butir {position + 1}",
                      disabled=disabled or position == 0, on_click=_set, args=(moved(shown, position, -1),))
            st.button("↓", key=f"{key}-down-{position}", help=f"Turunkan butir {position + 1}",
                      disabled=disabled or position == len(shown) - 1, on_click=_set,
                      args=(moved(shown, position, 1),))
    if chosen is None and not disabled:
        st.button("Urutan ini sudah benar", key=f"{key}-keep", on_click=_set, args=(shown,))


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=(),
           checked=None) -> list:
    import streamlit as st

    marks = verdicts(q, checked) if checked is not None else [None] * len(q.items)
    texts = {i: marked(unmarked(q.items[i]), marks[i], "" if marks[i] is not False else f" (seharusnya ke-{i + 1})")
             for i in order}
    arrange(texts, key=key, disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
