"""Building questions of every type in tests, without YAML files."""

from __future__ import annotations

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
