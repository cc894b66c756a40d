"""Benar/Salah per statement (PG kompleks kategori), with the item's own column labels.

Response: a list of booleans (None = not answered) in the file's statement order, whatever order the
student saw. ``shuffle`` gives the display order (indices into ``statements``), stored with the attempt
like the options of a multiple-choice question. ``labels`` names the two columns ("Benar/Salah",
"Sesuai/Tidak sesuai", "Fakta/Opini"); the first label is the ``answer: true`` column. Partial score:
the fraction right.
"""

from __future__ import annotations

import random
from typing import Annotated, Literal

from pydantic import Field, StrictBool, field_validator

from ..base import QuestionBase, Strict, Text, all_or_partial, distinct, folded, located, marked

DEFAULT_LABELS = ("Benar", "Salah")
LABEL_MAX = 20
Label = Annotated[Text, Field(max_length=LABEL_MAX)]


class Statement(Strict):
    text: Text
    answer: StrictBool


class Question(QuestionBase):
    type: Literal["true_false"]
    statements: Annotated[list[Statement], Field(min_length=1, max_length=10)]
    labels: Annotated[tuple[Label, ...], Field(min_length=2, max_length=2)] = DEFAULT_LABELS

    @field_validator("statements")
    @classmethod
    def _distinct(cls, statements: list[Statement]) -> list[Statement]:
        distinct([s.text for s in statements], "pernyataan")
        return statements

    @field_validator("labels")
    @classmethod
    def _two_columns(cls, labels: tuple[str, ...]) -> tuple[str, ...]:
        distinct(list(labels), "label kolom")
        if folded(labels[0])[0] == folded(labels[1])[0]:
            raise located(f"label kolom '{labels[0]}' dan '{labels[1]}' berawal huruf yang sama; lembar cetak "
                          "memakai huruf awalnya sebagai judul kotak, jadi huruf awalnya harus berbeda", 1)
        return labels


def choices(q: Question) -> dict[bool, str]:
    """The column label of each answer: ``{True: "Benar", False: "Salah"}`` unless the item names its own."""
    return {True: q.labels[0], False: q.labels[1]}


def initials(q: Question) -> tuple[str, str]:
    """The printed box headings: the first letter of each label ("B", "S")."""
    return q.labels[0][0].upper(), q.labels[1][0].upper()


def name(q: Question) -> str:
    """The item as students see it: "Benar/Salah", or its own columns ("Fakta/Opini")."""
    return "/".join(q.labels)


def displayed(q: Question, order) -> list[int]:
    """Statement indices in the order the student sees them (file order for attempts stored without one)."""
    return list(order) if order else list(range(len(q.statements)))


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


def shuffle(q: Question, rng: random.Random) -> list[int]:
    order = list(range(len(q.statements)))
    rng.shuffle(order)
    return order


def _per_statement(q: Question, answers) -> str:
    names = choices(q)
    return "; ".join(f"{s.text} → {names.get(given, '(kosong)')}"
                     for s, given in zip(q.statements, answers, strict=True))


def answer_text(q: Question, response) -> str:
    answers = list(response or [])
    return _per_statement(q, (answers + [None] * len(q.statements))[:len(q.statements)])


def key_text(q: Question) -> str:
    return _per_statement(q, perfect(q))


def feedback(q: Question, response) -> list[str]:
    return []


def verdicts(q: Question, response) -> list[bool]:
    """Per statement: whether its answer was right (an unanswered one is not)."""
    answers = list(response or [])
    return [i < len(answers) and answers[i] is s.answer for i, s in enumerate(q.statements)]


def state(q: Question, key: str, order, response) -> dict:
    answers = list(response or [])
    return {f"{key}-{i}": answers[i] for i in range(min(len(answers), len(q.statements)))}


def read(q: Question, key: str, order, state) -> list[bool | None]:
    return [state.get(f"{key}-{i}") for i in range(len(q.statements))]


def _column(q: Question, statement: Statement, given, value: bool) -> str:
    """A column's label under a checked statement: the right one ✓, a wrong choice ✗."""
    return marked(choices(q)[value], True if value is statement.answer else (False if value is given else None))


def render(q: Question, *, key: str, order=None, disabled: bool = False, on_change=None, args=(),
           checked=None) -> list:
    import streamlit as st

    names = choices(q)
    marks = verdicts(q, checked) if checked is not None else None
    given = list(checked or []) + [None] * len(q.statements)
    st.markdown(f"Tentukan **{names[True]}** atau **{names[False]}** untuk setiap pernyataan:")
    for position, i in enumerate(displayed(q, order), start=1):
        statement = q.statements[i]
        text = f"{position}. {statement.text}"
        column = names.get if marks is None else (lambda v, s=statement, g=given[i]: _column(q, s, g, v))
        st.radio(text if marks is None else marked(text, marks[i]), [True, False], index=None, horizontal=True,
                 key=f"{key}-{i}", format_func=column, disabled=disabled, on_change=on_change, args=args)
    return read(q, key, order, st.session_state)
