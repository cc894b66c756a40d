"""Exam plans: practice exams from settings, class-exam windows, attempts, and the deadline cut by the window."""

from __future__ import annotations

import random

import pytest

from lessonkit.quiz import exam, read_bank
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def bank():
    return read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])


FIXED = ("c-02", "c-01", "c-03")


def test_deadline_is_the_time_limit_or_the_window_end_whichever_comes_first(bank):
    plan = exam.Plan(FIXED, minutes=10, window=exam.Window(opens_at=0, closes_at=1000))
    assert exam.begin(bank, plan, now=100).deadline == 700
    assert exam.begin(bank, plan, now=500).deadline == 1000


@pytest.mark.parametrize(("now", "reason"), [(99.9, exam.NOT_OPEN), (100, None), (199.9, None), (200, exam.CLOSED)])
def test_a_class_exam_can_only_be_started_inside_its_window(bank, now, reason):
    plan = exam.Plan(FIXED, minutes=10, window=exam.Window(opens_at=100, closes_at=200))
    assert plan.refusal(now) == reason
    if reason:
        with pytest.raises(exam.ExamRefused) as refused:
            exam.begin(bank, plan, now)
        assert refused.value.reason == reason
    else:
        assert exam.begin(bank, plan, now).question_ids == list(FIXED)


def test_attempts_are_limited_and_an_empty_plan_is_refused(bank):
    plan = exam.Plan(FIXED, minutes=10, attempts=2)
    assert plan.refusal(0, attempts_used=1) is None
    assert plan.refusal(0, attempts_used=2) == exam.NO_ATTEMPTS_LEFT
    assert exam.Plan((), minutes=10).refusal(0) == exam.NO_QUESTIONS


def test_every_student_gets_the_teachers_items_in_order_with_options_shuffled_per_student(bank):
    plan = exam.Plan(FIXED, minutes=10)
    attempts = [exam.begin(bank, plan, now=0, rng=random.Random(seed)) for seed in range(8)]
    assert all(a.question_ids == list(FIXED) for a in attempts)
    orders = {tuple(a.orders["c-01"]) for a in attempts}
    assert len(orders) > 1 and all(sorted(order) == [0, 1, 2] for order in orders)


def test_stored_settings_carry_the_review_choice(bank):
    plan = exam.Plan(FIXED, minutes=10, settings={"ujian_kelas": 7}, show_review=False)
    assert plan.stored_settings() == {"ujian_kelas": 7, "review": False}


def test_practice_plan_from_a_quiz_uses_its_auto_graded_questions_and_time_limit(bank):
    plan = exam.practice_plan(bank, {"source": "kuis-contoh"}, random.Random(1))
    assert sorted(plan.question_ids) == ["c-01", "c-02", "c-03"] and plan.minutes == 5
    assert plan.settings == {"source": "kuis-contoh"} and plan.show_review
    assert exam.practice_size(bank, {"source": "kuis-contoh"}) == (3, 5)


def test_practice_plan_from_a_random_draw_takes_the_sections_and_count(bank):
    settings = {"source": exam.RANDOM, "count": 10, "sections": ["satu"]}
    plan = exam.practice_plan(bank, settings, random.Random(2))
    assert sorted(plan.question_ids) == ["c-01", "c-03"] and plan.minutes == exam.minutes_for(2)
    assert exam.practice_size(bank, settings) == (2, exam.minutes_for(2))
    assert exam.practice_size(bank, {**settings, "sections": []}) == (0, 0)
