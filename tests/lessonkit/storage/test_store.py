"""The storage layer on SQLite and PostgreSQL: identity, visits, answers, exams, cards, export, deletion."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import inspect, select

from lessonkit.quiz.exam import Attempt
from lessonkit.storage import StorageError, Store
from lessonkit.storage.models import PracticeAnswer
from tests.lessonkit.quiz.factories import make

SINGLE = make("single", id="q1", section="pengantar")
MULTIPLE = make("multiple", id="q2", section="perbandingan")


def test_migrations_create_every_table_and_can_run_twice(store, db_url):
    Store.open(db_url).engine.dispose()  # second start-up: nothing to do, nothing lost
    tables = set(inspect(store.engine).get_table_names())
    assert {"students", "section_visits", "practice_answers", "exam_attempts", "exam_answers", "flashcards",
            "alembic_version"} <= tables


def test_resume_code_is_random_url_safe_and_only_a_key(store):
    ana = store.create_student("  Ana   Putri ")
    budi = store.create_student("Budi")
    assert ana.display_name == "Ana Putri"
    assert len(ana.code) >= 22 and ana.code != budi.code
    assert all(c.isalnum() or c in "-_" for c in ana.code)
    assert store.student(ana.code) == ana
    assert store.student("tidak-ada-kode-seperti-ini-123") is None
    assert store.student("../../etc/passwd") is None
    with pytest.raises(ValueError):
        store.create_student("   ")


def test_visits_are_counted_with_first_and_last_time(store):
    sid = store.create_student("Ana").id
    store.record_visit(sid, "pengantar", datetime(2026, 1, 1, 8))
    store.record_visit(sid, "pengantar", datetime(2026, 1, 2, 9))
    store.record_visit(sid, "perbandingan", datetime(2026, 1, 2, 10))
    visits = store.visits(sid)
    assert set(visits) == {"pengantar", "perbandingan"}
    assert visits["pengantar"].times_opened == 2
    assert visits["pengantar"].first_opened_at == datetime(2026, 1, 1, 8)


def test_exam_is_saved_answer_by_answer_and_resumes_with_its_deadline(store):
    sid = store.create_student("Ana").id
    attempt = Attempt(["q1", "q2"], {"q1": [2, 0, 1], "q2": None}, started_at=1000.0, deadline=1600.0)
    attempt_id = store.start_exam(sid, attempt, {"source": "__acak__", "count": 10})
    store.save_exam_answer(attempt_id, SINGLE, 1, 0.0, 1010.0)
    store.save_exam_answer(attempt_id, SINGLE, 2, 1.0, 1020.0)
    store.save_exam_answer(attempt_id, MULTIPLE, {0, 2}, 0.5, 1030.0)
    resumed_id, resumed, settings = store.open_exam(sid)
    assert resumed_id == attempt_id and settings["count"] == 10
    assert resumed.deadline == 1600.0 and resumed.orders == {"q1": [2, 0, 1], "q2": None}
    assert resumed.answers == {"q1": 2, "q2": [0, 2]}
    store.submit_exam(attempt_id, 1100.0, 0.75)
    assert store.open_exam(sid) is None
    [done] = store.exam_history(sid)
    assert done.score == 0.75
    assert [(a.mode, a.question_id, a.score) for a in store.answers(sid)] == [("ujian", "q1", 1.0),
                                                                            ("ujian", "q2", 0.5)]


def test_export_and_delete_cover_everything_about_the_student(store):
    ana = store.create_student("Ana")
    other = store.create_student("Budi")
    teacher = store.add_teacher("Bu Sari", username="sari")
    klass = store.create_class(teacher.id, "XI IPS 2")
    store.join_class(ana.id, klass.join_code)
    store.record_visit(ana.id, "pengantar")
    store.record_practice(ana.id, make("multiple", id="kd-01", section="pengantar"), {1, 3}, 0.5)
    attempt_id = store.start_exam(ana.id, Attempt(["q1"], {"q1": None}, 0.0, 60.0), {})
    store.save_exam_answer(attempt_id, make("short_answer", id="q1", section="pengantar"), "kode etik", 1.0,
                           10.0)
    store.set_card(ana.id, "Kode etik", 2, datetime(2026, 1, 3))
    store.record_practice(other.id, make("single", id="kd-02", section="pengantar"), 0, 1.0)
    exported = store.export(ana.id)
    assert {row["jenis"] for row in exported} == {"profil", "materi dibuka", "latihan", "ujian", "jawaban ujian",
                                                  "kartu istilah"}
    assert exported[0]["keterangan"] == "XI IPS 2"
    store.delete_student(ana.id)
    assert store.members(teacher.id, klass.id) == []
    assert store.student(ana.code) is None
    assert store.export(ana.id) == [] and store.answers(ana.id) == [] and store.cards(ana.id) == {}
    assert store.visits(ana.id) == {} and store.exam_history(ana.id) == []
    assert [a.question_id for a in store.answers(other.id)] == ["kd-02"], "other students keep their data"


def test_forty_concurrent_writers_lose_nothing(store):
    ids = [store.create_student(f"Siswa {n}").id for n in range(40)]
    questions = [make("single", id=f"q{n}", section="pengantar") for n in range(10)]
    errors = []

    def work(student_id):
        try:
            for n, question in enumerate(questions):
                store.record_practice(student_id, question, n % 5, 1.0)
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store._session() as session:
        assert len(session.scalars(select(PracticeAnswer)).all()) == 400


def test_an_unusable_database_raises_a_storage_error(tmp_path):
    bad = tmp_path / "rusak.db"
    bad.write_bytes(b"ini bukan database SQLite" * 100)
    with pytest.raises(StorageError):
        Store.open(f"sqlite:///{bad}")
