"""What crosses the wire for each auto-graded question type, in the session's shuffled display order.

A phone sees texts in display order and answers with display positions (never the bank's
indices, never the key); the server translates that answer into the bank's response and grades
it with ``lessonkit.quiz.grade``. Per type (``order`` is the type module's ``shuffle`` result,
stored once per session so the projector and every phone agree):

==============  ===========================================  ==============================================
type            public fields (``PublicQuestion``)            phone's answer (JSON)
==============  ===========================================  ==============================================
single          ``choices``: option texts                     position of the chosen choice: ``2``
multiple        ``choices``: option texts                     positions ticked: ``[0, 3]``
true_false      ``statements`` (shuffled), ``labels``          one ``true``/``false``/``null`` per statement
matching        ``lefts`` (file order), ``rights`` (shuffled)  one right position (or ``null``) per left
ordering        ``items`` (shuffled)                          every item position, in the student's order
short_answer    ``max_chars``                                 the typed text
==============  ===========================================  ==============================================

``encode`` is the inverse of ``parse`` (bank response -> the phone's form): it shows the key in display
terms after the reveal and a student's own answer again after a reload. ``tally`` counts the answers
for the projector's bar chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..quiz.base import QuestionBase, normalise_answer
from ..quiz.grading import Verdict, grade
from ..quiz.types import of_type, true_false
from ..quiz.types.single import LETTERS
from ..rules.limits import SHORT_ANSWER_MAX
from .errors import AnswerRefused

UNREADABLE = "Jawaban tidak dapat dibaca. Coba kirim sekali lagi."
SHORT_ANSWER_BARS = 5


@dataclass(frozen=True)
class Bar:
    """One bar of the answer distribution: what it counts, how many, and whether it is (part of) the key."""

    label: str
    count: int
    correct: bool


def _position(raw: Any, size: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < size:
        raise AnswerRefused(UNREADABLE)
    return raw


def _list(raw: Any, size: int | None = None) -> list:
    if not isinstance(raw, list | tuple) or (size is not None and len(raw) != size):
        raise AnswerRefused(UNREADABLE)
    return list(raw)


def _choice_bars(q, order, counts: Counter) -> list[Bar]:
    """A bar per option, lettered in display order, for single and multiple choice."""
    return [Bar(f"{LETTERS[pos]}. {q.options[i].text}", counts[i], q.options[i].correct) for pos, i in enumerate(order)]


class Single:
    instruction = "Pilih satu jawaban."

    @staticmethod
    def fields(q, order) -> dict:
        return {"choices": tuple(q.options[i].text for i in order)}

    @staticmethod
    def parse(q, order, raw) -> int:
        if raw is None:
            raise AnswerRefused("Pilih satu jawaban dulu.")
        return order[_position(raw, len(order))]

    @staticmethod
    def encode(q, order, response) -> int | None:
        return None if response is None else order.index(response)

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        return "Banyak siswa yang memilih", _choice_bars(q, order, Counter(responses))


class Multiple:
    instruction = "Pilih semua jawaban yang benar, lalu kirim."

    @staticmethod
    def fields(q, order) -> dict:
        return Single.fields(q, order)

    @staticmethod
    def parse(q, order, raw) -> list[int]:
        picked = [_position(p, len(order)) for p in _list(raw)]
        if len(set(picked)) != len(picked):
            raise AnswerRefused(UNREADABLE)
        if not picked:
            raise AnswerRefused("Pilih minimal satu jawaban dulu.")
        return sorted(order[p] for p in picked)

    @staticmethod
    def encode(q, order, response) -> list[int] | None:
        return None if response is None else sorted(order.index(i) for i in response)

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        return "Banyak siswa yang mencentang", _choice_bars(q, order, Counter(i for r in responses for i in r))


class TrueFalse:
    instruction = "Tentukan jawaban untuk setiap pernyataan, lalu kirim."

    @staticmethod
    def fields(q, order) -> dict:
        return {"statements": tuple(q.statements[i].text for i in true_false.displayed(q, order)),
                "labels": tuple(q.labels)}

    @staticmethod
    def parse(q, order, raw) -> list[bool | None]:
        answers = _list(raw, len(q.statements))
        if any(a is not None and not isinstance(a, bool) for a in answers):
            raise AnswerRefused(UNREADABLE)
        if all(a is None for a in answers):
            raise AnswerRefused("Jawab minimal satu pernyataan dulu.")
        response: list[bool | None] = [None] * len(q.statements)
        for position, i in enumerate(true_false.displayed(q, order)):
            response[i] = answers[position]
        return response

    @staticmethod
    def encode(q, order, response) -> list[bool | None] | None:
        return None if response is None else [response[i] for i in true_false.displayed(q, order)]

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        right = Counter(i for response in responses for i, s in enumerate(q.statements) if response[i] is s.answer)
        names = true_false.choices(q)
        return "Banyak siswa yang menjawab benar", [
            Bar(f"{position}. {q.statements[i].text} ({names[q.statements[i].answer]})", right[i], True)
            for position, i in enumerate(true_false.displayed(q, order), start=1)]


class Matching:
    instruction = "Pasangkan setiap pernyataan dengan jawaban yang tepat, lalu kirim."

    @staticmethod
    def fields(q, order) -> dict:
        return {"lefts": tuple(p.left for p in q.pairs), "rights": tuple(q.rights[j] for j in order)}

    @staticmethod
    def parse(q, order, raw) -> dict[str, str]:
        chosen = _list(raw, len(q.pairs))
        given = {p.left: q.rights[order[_position(c, len(order))]] for p, c in zip(q.pairs, chosen, strict=True)
                 if c is not None}
        if not given:
            raise AnswerRefused("Pasangkan minimal satu pernyataan dulu.")
        return given

    @staticmethod
    def encode(q, order, response) -> list[int | None] | None:
        if response is None:
            return None
        rights = q.rights
        return [order.index(rights.index(response[p.left])) if p.left in response else None for p in q.pairs]

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        right = Counter(p.left for response in responses for p in q.pairs if response.get(p.left) == p.right)
        return "Banyak siswa yang memasangkan dengan tepat", [Bar(f"{p.left} → {p.right}", right[p.left], True)
                                                              for p in q.pairs]


class Ordering:
    instruction = "Ketuk butir satu per satu, dari yang pertama sampai yang terakhir, lalu kirim."

    @staticmethod
    def fields(q, order) -> dict:
        return {"items": tuple(q.items[i] for i in order)}

    @staticmethod
    def parse(q, order, raw) -> list[str]:
        positions = _list(raw)
        if sorted(_position(p, len(order)) for p in positions) != list(range(len(order))):
            raise AnswerRefused("Urutkan semua butir dulu.")
        return [q.items[order[p]] for p in positions]

    @staticmethod
    def encode(q, order, response) -> list[int] | None:
        return None if response is None else [order.index(q.items.index(item)) for item in response]

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        outcome = Counter(grade(q, response).status for response in responses)
        return "Banyak siswa", [Bar("Urutan tepat", outcome[Verdict.RIGHT], True),
                                Bar("Sebagian tepat", outcome[Verdict.PARTLY], False),
                                Bar("Belum tepat", outcome[Verdict.WRONG], False)]


class ShortAnswer:
    instruction = "Ketik jawaban singkat, lalu kirim."

    @staticmethod
    def fields(q, order) -> dict:
        return {"max_chars": SHORT_ANSWER_MAX}

    @staticmethod
    def parse(q, order, raw) -> str:
        if not isinstance(raw, str):
            raise AnswerRefused(UNREADABLE)
        text = " ".join(raw.split())[:SHORT_ANSWER_MAX]
        if not text:
            raise AnswerRefused("Ketik jawabanmu dulu.")
        return text

    @staticmethod
    def encode(q, order, response) -> str | None:
        return response

    @staticmethod
    def tally(q, order, responses) -> tuple[str, list[Bar]]:
        accepted = {normalise_answer(a) for a in q.accept}
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for response in responses:
            key = normalise_answer(response)
            counts[key] += 1
            spelling.setdefault(key, response)
        common = counts.most_common(SHORT_ANSWER_BARS)
        bars = [Bar(spelling[key], count, key in accepted) for key, count in common]
        rest = sum(counts.values()) - sum(count for _, count in common)
        if rest:
            bars.append(Bar("Jawaban lainnya", rest, False))
        return "Jawaban yang paling sering", bars


ADAPTERS = {
    "single": Single,
    "multiple": Multiple,
    "true_false": TrueFalse,
    "matching": Matching,
    "ordering": Ordering,
    "short_answer": ShortAnswer,
}
LEFT_OUT = frozenset({"essay"})  # types the live quiz does not use (a person grades them): no adapter


def adapter(question: QuestionBase):
    """The wire adapter of ``question``'s type; `UnknownQuestionType` for a type without one (essays too)."""
    return of_type(ADAPTERS, question.type, "live wire adapter")


def parse(question: QuestionBase, order: Sequence[int] | None, raw: Any):
    """The bank's response for a phone's answer; raises `AnswerRefused` when it cannot be read."""
    return adapter(question).parse(question, order, raw)


def encode(question: QuestionBase, order: Sequence[int] | None, response):
    """The phone's form of a bank response (the key, or a student's own answer)."""
    return adapter(question).encode(question, order, response)
