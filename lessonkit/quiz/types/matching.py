"""Menjodohkan: match every left item with its right item.

Response: a dict left -> right. Partial score: the fraction of lefts matched right.
``distractors`` are extra right-hand options that match nothing, so the last
pair does not come for free. The rights (pairs' rights, then distractors) are
shown in a shuffled order; ``order`` holds indices into that list.
"""

from __future__ import annotations

import ast
import random
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from ...rules.limits import ESSAY_MAX
from ..base import QuestionBase, Strict, Text, all_or_partial, distinct, folded, located, marked, unmarked


class Pair(Strict):
    left: Text
    right: Text


class Question(QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=3, max_length=10)]
    distractors: Annotated[list[Text], Field(max_length=5)] = []

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        distinct([p.left for p in pairs], "teks kiri (left)", "left")
        distinct([p.right for p in pairs], "teks kanan (right)", "right")
        return pairs

    @field_validator("distractors")
    @classmethod
    def _distractors_differ(cls, distractors: list[str], info: ValidationInfo) -> list[str]:
        rights = {folded(p.right): n for n, p in enumerate(info.data.get("pairs", []), start=1)}
        for index, text in enumerate(distractors):
            if folded(text) in rights:
                raise located(f"pengecoh '{text}' sama dengan teks kanan (right) pasangan ke-{rights[folded(text)]}; "
                              "pengecoh harus berbeda dari semua jawaban yang benar", index)
        distinct(distractors, "pengecoh")
        return distractors

    @property
    def rights(self) -> list[str]:
        """Every right-hand option: the pairs' rights, then the distractors."""
        return [p.right for p in self.pairs] + list(self.distractors)


def grade(q: Question, response) -> float:
    given = dict(response or {})
    right = sum(1 for p in q.pairs if given.get(p.left) == p.right)
    return all_or_partial(q, right / len(q.pairs))


def is_answered(q: Question, response) -> bool:
    return bool(response) and all((response or {}).get(p.left) for p in q.pairs)


def perfect(q: Question) -> dict[str, str]:
    return {p.left: p.right for p in q.pairs}


def stored(q: Question, response) -> dict[str, str]:
    """The JSON kept for a response: left -> right for this question's lefts, each right one of its options."""
    given = response if isinstance(response, dict) else {}
    rights = set(q.rights)
    return {p.left: given[p.left] for p in q.pairs if isinstance(given.get(p.left), str) and given[p.left] in rights}


def restored(q: Question, value) -> dict[str, str]:
    """The response a stored value means; a text is an answer saved as ``str(dict)`` before responses were kept
    as JSON (see `from_text`)."""
    return stored(q, from_text(value) if isinstance(value, str) else value)


def from_text(text: str) -> dict[str, str] | None:
    """The dict in ``text`` when it is exactly the ``str()`` of a dict of texts (read with ``ast.literal_eval``,
    never ``eval``); None for anything else."""
    if not (text.startswith("{") and text.endswith("}")) or len(text) > ESSAY_MAX:
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return value
    return None


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.rights)))
    rng.shuffle(order)
    return order


def answer_text(q: Question, response) -> str:
    given = dict(response or {})
    return "; ".join(f"{p.left} → {given.get(p.left) or '(kosong)'}" for p in q.pairs)


def key_text(q: Question) -> str:
    return "; ".join(f"{p.left} → {p.right}" for p in q.pairs)


def feedback(q: Question, response) -> list[str]:
    return []


def verdicts(q: Question, response) -> list[bool]:
    """Per pair: whether its left was matched right."""
    given = dict(response or {})
    return [given.get(p.left) == p.right for p in q.pairs]


def state(q: Question, key: str, order: list[int], response) -> dict:
    rights = {right: j for j, right in enumerate(q.rights)}
    given = dict(response or {})
    return {f"{key}-{i}": rights[given[p.left]] for i, p in enumerate(q.pairs) if given.get(p.left) in rights}


def read(q: Question, key: str, order: list[int], state) -> dict[str, str]:
    rights = q.rights
    given = {}
    for i, pair in enumerate(q.pairs):
        choice = state.get(f"{key}-{i}")
        if choice is not None and 0 <= choice < len(rights):
            given[pair.left] = rights[choice]
    return given


def render(q: Question, *, key: str, order: list[int], disabled: bool = False, on_change=None, args=(),
           checked=None) -> dict:
    import streamlit as st

    rights = q.rights
    extra = " Ada pilihan yang tidak punya pasangan." if q.distractors else ""
    st.markdown(f"Pilih pasangan yang tepat untuk setiap pernyataan di bawah ini.{extra}")
    marks = verdicts(q, checked) if checked is not None else [None] * len(q.pairs)
    for i, pair in enumerate(q.pairs):
        note = f" · seharusnya: {pair.right}" if marks[i] is False else ""
        st.selectbox(marked(pair.left, marks[i], note), order, index=None, key=f"{key}-{i}",
                     placeholder="Pilih pasangannya",
                     format_func=lambda j: unmarked(rights[j]), disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
