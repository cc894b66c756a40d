"""The diagnostic pre-test recommends the first section, in lesson order, that is weak or that it does not test."""

from __future__ import annotations

import random

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import load_bank, practice
from lessonkit.quiz.diagnostic import diagnostic_quiz, is_diagnostic, recommend
from lessonkit.quiz.exam import draw
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shipped():
    lesson = load_lesson(ROOT / "content")
    bank = load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")
    return diagnostic_quiz(bank), lesson.section_ids


def _scores(quiz, **by_section):
    return {q.id: by_section.get(q.section.replace("-", "_"), 1.0) for q in quiz.questions}


def test_the_shipped_diagnostic_has_about_eight_prerequisite_items(shipped):
    quiz, _ = shipped
    assert is_diagnostic(quiz.id) and 6 <= len(quiz.questions) <= 10
    assert all(q.auto_graded for q in quiz.questions)


def test_strong_prerequisites_skip_the_introduction(shipped):
    quiz, sections = shipped
    result = recommend(quiz, _scores(quiz), sections)
    assert result.start == "proses-profesi" and result.weak == [] and result.score == 1.0
    assert not result.basics_first


def test_a_weak_introduction_is_where_to_start(shipped):
    quiz, sections = shipped
    result = recommend(quiz, _scores(quiz, pengantar=0.0), sections)
    assert result.start == "pengantar" and result.weak == ["pengantar"]


def test_a_weak_later_section_is_flagged_but_the_start_is_the_first_untested_section(shipped):
    quiz, sections = shipped
    result = recommend(quiz, _scores(quiz, wawasan_relawan=0.0), sections)
    assert result.start == "proses-profesi" and result.weak == ["wawasan-relawan"]


def test_unchecked_questions_count_as_zero_and_a_low_score_sends_back_to_the_basics(shipped):
    quiz, sections = shipped
    result = recommend(quiz, {}, sections)
    assert result.score == 0.0 and result.basics_first and result.start == "pengantar"


def test_section_practice_and_drawn_exams_leave_the_pre_test_out():
    bank = load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")
    pretest = {q.id for q in diagnostic_quiz(bank).questions}
    assert pretest <= {q.id for q in bank.questions}
    assert not pretest & {q.id for q in bank.lesson_questions}
    assert not pretest & set(practice.start(bank, section="pengantar").question_ids)
    assert not pretest & set(draw(bank, 500, rng=random.Random(3)))
    assert set(practice.start(bank, quiz_id=diagnostic_quiz(bank).id).question_ids) == pretest
