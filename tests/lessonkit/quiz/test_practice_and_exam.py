"""Practice runs and exams as plain Python: drawing, the server-side deadline, results."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from lessonkit.quiz import Grade, exam, practice, read_bank
from tests.conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def small_bank():
    return read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])


@pytest.fixture(scope="module")
def real_bank():
    return read_bank([ROOT / "quizzes"], content_dir=ROOT / "content")


def test_practice_checks_on_the_server_retries_and_summarises_weak_sections(small_bank):
    run = practice.start(small_bank, quiz_id="kuis-contoh", rng=random.Random(1))
    assert run.question_ids == ["c-01", "c-02", "c-03", "c-04"]
    assert run.check(small_bank, "c-01", 0).status == "salah"
    run.retry("c-01")
    assert "c-01" not in run.results and run.attempts["c-01"] == 1
    assert run.check(small_bank, "c-01", 1).status == "benar"
    run.advance()
    assert run.check(small_bank, "c-02", [False, False]).score == 0.5
    run.finish()
    assert run.finished
    summary = practice.summary(run, small_bank)
    assert [r.section for r in summary.study_again] == ["dua"]
    assert (summary.checked, summary.right, summary.unchecked) == (2, 1, 2)


def _run_with(bank, scores):
    run = practice.start(bank, section="proses-profesi", rng=random.Random(5))
    for question_id, score in zip(run.question_ids, scores, strict=False):
        run.results[question_id] = Grade(score)
    run.finish()
    return run


def test_practice_summary_does_not_praise_a_run_with_four_of_ten_only_partly_right(real_bank):
    summary = practice.summary(_run_with(real_bank, [1.0] * 6 + [0.75] * 4), real_bank)
    kind, text = summary.verdict
    assert kind == "warning" and text.startswith("4 dari 10 soal belum sepenuhnya tepat.")
    assert "kuasai" not in text and "Bagus" not in text
    assert [r.section for r in summary.study_again] == ["proses-profesi"]


def test_practice_summary_praises_only_when_every_checked_question_is_right(real_bank):
    run = _run_with(real_bank, [1.0] * 3)
    summary = practice.summary(run, real_bank)
    assert summary.study_again == [] and summary.unchecked == len(run.question_ids) - 3
    assert summary.verdict == ("success", f"Bagus! Semua soal yang kamu periksa sudah tepat. "
                                          f"{summary.unchecked} soal lainnya belum kamu kerjakan.")
    everything = practice.summary(_run_with(real_bank, [1.0] * len(run.question_ids)), real_bank)
    assert everything.verdict[1] == "Bagus sekali! Semua soal dalam latihan ini kamu jawab dengan tepat."
    assert practice.summary(_run_with(real_bank, []), real_bank).verdict[0] == "info"


def test_practice_by_section_puts_easier_questions_first(real_bank):
    run = practice.start(real_bank, section="proses-profesi", rng=random.Random(2))
    levels = [real_bank.question(i).level for i in run.question_ids]
    assert levels == sorted(levels) and len(levels) >= 5


def test_draw_spreads_questions_over_sections_and_levels_without_essays(real_bank):
    ids = exam.draw(real_bank, 20, None, random.Random(3))
    assert len(ids) == len(set(ids)) == 20
    questions = [real_bank.question(i) for i in ids]
    assert all(q.auto_graded for q in questions)
    per_section = Counter(q.section for q in questions)
    assert len(per_section) == len(real_bank_sections(real_bank))
    assert max(per_section.values()) - min(per_section.values()) <= 1
    assert len({q.level for q in questions}) == 3


def real_bank_sections(bank):
    return {q.section for q in bank.questions if q.auto_graded}


def test_draw_respects_the_chosen_sections(real_bank):
    ids = exam.draw(real_bank, 30, ["pengantar"], random.Random(4))
    assert {real_bank.question(i).section for i in ids} == {"pengantar"}


def test_answers_after_the_deadline_are_refused_and_the_exam_closes_itself(small_bank):
    attempt = exam.start(small_bank, ["c-01", "c-02", "c-03"], minutes=1, now=1000.0, rng=random.Random(5))
    assert attempt.deadline == 1060.0
    assert attempt.record("c-01", 1, now=1030.0)
    assert attempt.record("c-03", "kode etik", now=1061.0), "within the network grace"
    assert not attempt.record("c-02", [True, False], now=1070.0)
    assert "c-02" not in attempt.answers
    assert not attempt.close_if_expired(1061.5)
    assert attempt.close_if_expired(1070.0)
    assert attempt.submitted_at == 1060.0
    assert not attempt.record("c-01", 0, now=1071.0)
    assert exam.score(attempt, small_bank) == pytest.approx(2 / 3)
    assert exam.section_scores(attempt, small_bank) == {"satu": 1.0, "dua": 0.0}


def test_submitted_exam_accepts_no_more_answers(small_bank):
    attempt = exam.start(small_bank, ["c-01"], minutes=10, now=0.0)
    attempt.submit(5.0)
    assert not attempt.record("c-01", 1, now=6.0)
    assert attempt.answers == {}
    assert not attempt.record("unknown", 1, now=1.0)


def test_minutes_for_a_drawn_exam():
    assert exam.minutes_for(20) == 30
