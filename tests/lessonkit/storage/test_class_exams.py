"""Class exams on SQLite and PostgreSQL: the owning teacher only, the window, attempts, first attempts' results."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from lessonkit.quiz.exam import Attempt
from lessonkit.storage import ClassNotFound
from tests.lessonkit.quiz.factories import make

OPENS, CLOSES = 1_000.0, 5_000.0
Q1, Q2 = make("single", id="q1", section="satu"), make("multiple", id="q2", section="dua")

@pytest.fixture
def school(store):
    sari = store.add_teacher("Sari", username="sari").id
    budi = store.add_teacher("Budi", username="budi").id
    klass = store.create_class(sari, "XI IPS 2")
    ana, cici = store.create_student("Ana"), store.create_student("Cici")
    store.join_class(ana.id, klass.join_code)
    store.join_class(cici.id, klass.join_code)
    exam = store.create_class_exam(sari, klass.id, "Ulangan Harian 1", minutes=20, opens_at=OPENS, closes_at=CLOSES,
                                   question_ids=["q1", "q2"], attempts=2, show_review=False, source="kuis-contoh")
    return store, sari, budi, klass, exam, ana.id, cici.id


def attempt(now: float, ids=("q1", "q2")) -> Attempt:
    return Attempt(list(ids), dict.fromkeys(ids), now, now + 1200)


def test_a_teacher_creates_lists_and_changes_an_exam_of_their_class(school):
    store, sari, _, klass, exam, *_ = school
    assert exam.title == "Ulangan Harian 1" and exam.question_ids == ("q1", "q2") and not exam.show_review
    assert [e.id for e in store.class_exams(sari, klass.id)] == [exam.id]
    changed = store.update_class_exam(sari, exam.id, title="  Ulangan  1 ", attempts=1)
    assert changed.title == "Ulangan 1" and changed.attempts == 1
    with pytest.raises(ValueError, match="sesudah waktu dibuka"):
        store.update_class_exam(sari, exam.id, closes_at=OPENS)
    with pytest.raises(ValueError, match="belum punya soal"):
        store.create_class_exam(sari, klass.id, "Kosong", minutes=10, opens_at=OPENS, closes_at=CLOSES)
    with pytest.raises(ValueError, match="Isi judul"):
        store.create_class_exam(sari, klass.id, "  ", minutes=10, opens_at=OPENS, closes_at=CLOSES, question_ids=["q"])


def test_teacher_b_can_neither_read_nor_alter_teacher_a_exams_or_results(school):
    store, sari, budi, klass, exam, ana, _ = school
    store.start_class_exam(ana, exam.id, attempt(OPENS + 1), {}, now=OPENS + 1)
    assert store.class_exams(budi, klass.id) == [] and store.class_exam(budi, exam.id) is None
    for action in (lambda: store.class_exam_results(budi, exam.id),
                   lambda: store.update_class_exam(budi, exam.id, title="Milik B"),
                   lambda: store.close_class_exam(budi, exam.id, now=OPENS),
                   lambda: store.member_progress(budi, klass.id, ana),
                   lambda: store.create_class_exam(budi, klass.id, "Susupan", minutes=5, opens_at=OPENS,
                                                   closes_at=CLOSES, question_ids=["q1"])):
        with pytest.raises(ClassNotFound):
            action()
    assert store.delete_class_exam(budi, exam.id) is False
    kept = store.class_exam(sari, exam.id)
    assert kept.title == "Ulangan Harian 1" and kept.closes_at == CLOSES and kept.started == 1
    assert len(store.class_exams(sari, klass.id)) == 1


def test_a_student_starts_only_inside_the_window_and_within_the_attempts(school):
    store, _, _, _, exam, ana, _ = school
    assert store.start_class_exam(ana, exam.id, attempt(OPENS - 1), {}, now=OPENS - 1) is None
    assert store.start_class_exam(ana, exam.id, attempt(CLOSES), {}, now=CLOSES) is None
    first = store.start_class_exam(ana, exam.id, attempt(OPENS), {"ujian_kelas": exam.id}, now=OPENS)
    assert first is not None
    [seen] = store.student_class_exams(ana, now=OPENS + 10)
    assert seen.used == 1 and seen.open_attempt_id == first
    store.submit_exam(first, OPENS + 60, 0.5)
    assert store.start_class_exam(ana, exam.id, attempt(OPENS + 100), {}, now=OPENS + 100) is not None
    assert store.start_class_exam(ana, exam.id, attempt(OPENS + 200), {}, now=OPENS + 200) is None, "2 allowed"
    assert store.student_class_exam(ana, exam.id).used == 2
    assert store.student_class_exams(ana, now=CLOSES) == [], "a closed exam is no longer listed"


def test_the_deadline_never_passes_the_window_end(school):
    store, _, _, _, exam, ana, _ = school
    attempt_id = store.start_class_exam(ana, exam.id, attempt(CLOSES - 60), {}, now=CLOSES - 60)
    assert store.load_exam(attempt_id)[0].deadline == CLOSES


def test_a_student_outside_the_class_cannot_see_or_start_its_exams(school):
    store, _, _, _, exam, *_ = school
    stranger = store.create_student("Dodi").id
    assert store.student_class_exams(stranger, now=OPENS) == []
    assert store.student_class_exam(stranger, exam.id) is None
    assert store.start_class_exam(stranger, exam.id, attempt(OPENS), {}, now=OPENS) is None


def test_results_hold_each_students_first_attempt_with_scores_and_responses(school):
    store, sari, _, _, exam, ana, cici = school
    first = store.start_class_exam(ana, exam.id, attempt(OPENS), {}, now=OPENS)
    store.save_exam_answer(first, Q1, 0, 1.0, OPENS + 5)
    store.save_exam_answer(first, Q2, [1, 2], 0.5, OPENS + 6)
    store.submit_exam(first, OPENS + 10, 0.75)
    second = store.start_class_exam(ana, exam.id, attempt(OPENS + 20), {}, now=OPENS + 20)
    store.save_exam_answer(second, Q1, 2, 0.0, OPENS + 25)
    store.start_class_exam(cici, exam.id, attempt(OPENS + 30), {}, now=OPENS + 30)
    ana_take, cici_take = store.class_exam_results(sari, exam.id)
    assert ana_take.display_name == "Ana" and ana_take.attempt_id == first and ana_take.score == 0.75
    assert ana_take.responses == {"q1": 0, "q2": [1, 2]} and ana_take.scores == {"q1": 1.0, "q2": 0.5}
    assert cici_take.submitted_at is None and cici_take.responses == {}
    info = store.class_exam(sari, exam.id)
    assert (info.started, info.submitted) == (2, 1)


def test_closing_early_stops_starts_and_cuts_open_attempts(school):
    store, sari, _, _, exam, ana, cici = school
    running = store.start_class_exam(ana, exam.id, attempt(OPENS), {}, now=OPENS)
    closed = store.close_class_exam(sari, exam.id, now=OPENS + 100)
    assert closed.closes_at == OPENS + 100
    assert store.load_exam(running)[0].deadline == OPENS + 100
    assert store.start_class_exam(cici, exam.id, attempt(OPENS + 101), {}, now=OPENS + 101) is None
    assert store.save_exam_answer(running, Q1, 0, 1.0, OPENS + 99) is True
    assert store.save_exam_answer(running, Q2, [0], 1.0, OPENS + 110) is False, "after the early close"
    assert store.class_exam_results(sari, exam.id)[0].responses == {"q1": 0}


def test_deleting_an_exam_keeps_the_students_attempts_in_their_history(school):
    store, sari, _, klass, exam, ana, _ = school
    taken = store.start_class_exam(ana, exam.id, attempt(OPENS), {}, now=OPENS)
    store.submit_exam(taken, OPENS + 10, 1.0)
    assert store.delete_class_exam(sari, exam.id) is True
    assert store.class_exams(sari, klass.id) == [] and store.class_exam(sari, exam.id) is None
    assert [a.id for a in store.exam_history(ana)] == [taken]


def test_a_teacher_reads_a_members_progress(school):
    store, sari, _, klass, _, ana, _ = school
    store.record_visit(ana, "satu")
    store.record_practice(ana, Q1, 0, 1.0)
    visits, answers, exams = store.member_progress(sari, klass.id, ana)
    assert set(visits) == {"satu"} and [a.question_id for a in answers] == ["q1"] and exams == []
    with pytest.raises(ClassNotFound):
        store.member_progress(sari, klass.id, store.create_student("Luar").id)


def test_twelve_sessions_of_one_student_pressing_start_together_store_one_attempt_of_a_one_attempt_exam(school):
    store, sari, _, _, exam, ana, _ = school
    store.update_class_exam(sari, exam.id, attempts=1)
    gate = threading.Barrier(12)

    def press(_):
        gate.wait()
        return store.start_class_exam(ana, exam.id, attempt(OPENS + 5), {}, now=OPENS + 5)

    with ThreadPoolExecutor(max_workers=12) as pool:
        started = [found for found in pool.map(press, range(12)) if found is not None]
    assert len(started) == 1
    assert store.student_class_exam(ana, exam.id).used == 1


def test_running_exams_of_every_teacher_are_listed_for_practice_to_hold_back(school):
    store, sari, budi, _, exam, *_ = school
    other = store.create_class(budi, "XI IPS 3")
    store.create_class_exam(budi, other.id, "Kuis Budi", minutes=10, opens_at=OPENS + 500, closes_at=CLOSES + 500,
                            question_ids=["q9"], source="kuis-contoh")
    assert store.running_class_exams(OPENS - 1) == []
    assert [e.id for e in store.running_class_exams(OPENS)] == [exam.id]
    assert sorted(e.question_ids for e in store.running_class_exams(CLOSES - 1)) == [("q1", "q2"), ("q9",)]
    assert [e.question_ids for e in store.running_class_exams(CLOSES)] == [("q9",)]
