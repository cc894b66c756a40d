"""Building questions of every type in tests, without YAML files."""

from __future__ import annotations

from hypothesis import strategies as st

from lessonkit.quiz.types import TYPES

COMMON = {"level": "L1", "section": "satu", "prompt": "Soal?", "explanation": "Karena."}


def make(kind: str, scoring: str = "partial", **fields):
    defaults = {
        "single": {"options": [{"text": "A"}, {"text": "B", "correct": True}, {"text": "C"}, {"text": "D"},
                               {"text": "E"}]},
        "multiple": {"options": [{"text": "A", "correct": True}, {"text": "B"}, {"text": "C", "correct": True},
                                 {"text": "D"}, {"text": "E", "correct": True}]},
        "true_false": {"statements": [{"text": "P1", "answer": True}, {"text": "P2", "answer": False},
                                      {"text": "P3", "answer": True}, {"text": "P4", "answer": False}]},
        "matching": {"pairs": [{"left": f"L{i}", "right": f"R{i}"} for i in range(4)]},
        "ordering": {"items": ["satu", "dua", "tiga", "empat", "lima"]},
        "short_answer": {"accept": ["kode etik", "kode etik profesi"]},
        "essay": {"model_answer": "Contoh.", "rubric": [{"criterion": "K1", "points": 1},
                                                          {"criterion": "K2", "points": 3}]},
    }[kind]
    data = {"id": f"q-{kind.replace('_', '-')}", "type": kind, "scoring": scoring, **COMMON, **defaults, **fields}
    return TYPES[kind].Question.model_validate(data)


TYPED = st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")) | st.sampled_from("\n\t"), max_size=30)
"""Text as a student types it and the server reads it (control characters are dropped on reading)."""


def random_response(kind: str, q, data):
    """A response of ``kind``'s shape for ``q``, as its widget can give it (drawn from hypothesis ``data``)."""
    if kind == "single":
        return data.draw(st.one_of(st.none(), st.integers(0, len(q.options) - 1)))
    if kind == "multiple":
        return data.draw(st.sets(st.integers(0, len(q.options) - 1)))
    if kind == "true_false":
        return data.draw(st.lists(st.one_of(st.none(), st.booleans()), max_size=len(q.statements)))
    if kind == "matching":
        return data.draw(st.dictionaries(st.sampled_from([p.left for p in q.pairs]), st.sampled_from(q.rights)))
    if kind == "ordering":
        return data.draw(st.lists(st.sampled_from(q.items), max_size=len(q.items) + 2))
    return data.draw(TYPED)
