"""Class-exam rules: status by time, the same questions for everyone or a per-student draw by section and level."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from lessonkit.quiz import class_exam, exam, read_bank
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def bank():
    return read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])


@dataclass(frozen=True)
class Settings:
    id: int = 7
    question_ids: tuple[str, ...] = ("c-02", "c-01", "hilang")
    draw: dict | None = None
    per_student_draw: bool = False
    minutes: float = 10
    opens_at: float = 100
    closes_at: float = 200
    attempts: int = 1
    show_review: bool = False


@pytest.mark.parametrize(("now", "expected"), [(99, "belum dibuka"), (100, "berlangsung"), (200, "selesai")])
def test_status_follows_the_window(now, expected):
    assert class_exam.status(Settings(), now) == expected


def test_the_plan_fixes_the_teachers_questions_window_attempts_and_review(bank):
    plan = class_exam.plan_for(bank, Settings())
    assert plan.question_ids == ("c-02", "c-01"), "a question gone from the bank is left out"
    assert plan.window == exam.Window(100, 200) and plan.attempts == 1 and not plan.show_review
    assert plan.stored_settings() == {"ujian_kelas": 7, "review": False}


def test_a_per_student_draw_keeps_to_the_chosen_sections_and_levels(bank):
    settings = Settings(question_ids=(), per_student_draw=True,
                        draw={"count": 5, "sections": ["satu"], "levels": ["L1"]})
    drawn = {class_exam.questions_for(bank, settings, random.Random(seed)) for seed in range(5)}
    assert all(set(ids) <= {"c-01", "c-03"} for ids in drawn) and all(len(ids) == 2 for ids in drawn)


def test_fixed_questions_come_from_a_quiz_in_file_order_or_one_draw(bank):
    assert class_exam.fixed_questions(bank, "kuis-contoh") == ["c-01", "c-02", "c-03"]
    assert class_exam.fixed_questions(bank, "tidak-ada") == []
    drawn = class_exam.fixed_questions(bank, exam.RANDOM, {"count": 2, "sections": ["dua"], "levels": []})
    assert drawn == ["c-02"]


def test_only_a_running_exam_holds_its_questions_back_from_practice(bank):
    fixed = Settings(question_ids=("c-01", "c-02"))
    drawn = Settings(id=8, question_ids=(), per_student_draw=True, draw={"count": 1, "sections": ["dua"]},
                     opens_at=150, closes_at=300)
    assert class_exam.held_back(bank, [fixed, drawn], 99) == frozenset()
    assert class_exam.held_back(bank, [fixed, drawn], 120) == {"c-01", "c-02"}
    pool = {q.id for q in exam.pool(bank, ["dua"])}
    assert pool and class_exam.held_back(bank, [fixed, drawn], 250) == pool, "a draw holds back its whole pool"


def test_a_bank_without_held_back_questions_drops_a_quiz_left_empty(bank):
    assert bank.without(set()) is bank
    rest = bank.without({"c-01", "c-02"})
    assert [q.id for q in rest.questions] == [q.id for q in bank.questions if q.id not in {"c-01", "c-02"}]
    assert rest.without({q.id for q in rest.questions}).quizzes == []
    assert [q.id for q in bank.questions][:2] == ["c-01", "c-02"], "the shared bank itself is unchanged"
