"""Classes and memberships on SQLite and PostgreSQL, and the wall between two teachers."""

from __future__ import annotations

import pytest

from lessonkit.storage import ClassNotFound, DeleteOutcome, JoinStatus
from tests.lessonkit.quiz.factories import make

KD01 = make("single", id="kd-01", section="pengantar")


@pytest.fixture
def school(store):
    sari = store.add_teacher("Sari", username="sari")
    budi = store.add_teacher("Budi", username="budi")
    return store, sari.id, budi.id


def test_a_teacher_creates_classes_with_distinct_join_codes(school):
    store, sari, _ = school
    first = store.create_class(sari, "  XI IPS 2 ·  2026/2027 ")
    second = store.create_class(sari, "XI IPS 3 · 2026/2027")
    assert first.name == "XI IPS 2 · 2026/2027" and first.joins_open and first.member_count == 0
    assert first.join_code != second.join_code and len(first.join_code) == 6
    assert [c.name for c in store.classes(sari)] == ["XI IPS 3 · 2026/2027", "XI IPS 2 · 2026/2027"]
    with pytest.raises(ValueError, match="sudah punya kelas"):
        store.create_class(sari, "xi ips 2 · 2026/2027")
    with pytest.raises(ValueError, match="Isi nama kelas"):
        store.create_class(sari, "   ")


def test_students_join_by_code_and_unknown_or_closed_codes_change_nothing(school):
    store, sari, _ = school
    klass = store.create_class(sari, "XI IPS 2")
    ana, budi = store.create_student("Ana"), store.create_student("Budi")
    joined = store.join_class(ana.id, klass.join_code.lower())
    assert joined.status is JoinStatus.JOINED and joined.class_name == "XI IPS 2"
    assert store.join_class(ana.id, klass.join_code).status is JoinStatus.ALREADY
    assert store.join_class(budi.id, "ZZZZZZ").status is JoinStatus.UNKNOWN
    assert store.join_class(budi.id, "bukan kode").status is JoinStatus.UNKNOWN
    store.set_joins_open(sari, klass.id, False)
    assert store.join_class(budi.id, klass.join_code).status is JoinStatus.CLOSED
    assert [m.display_name for m in store.members(sari, klass.id)] == ["Ana"]
    assert store.student_classes(budi.id) == []
    store.set_joins_open(sari, klass.id, True)
    assert store.join_class(budi.id, klass.join_code).status is JoinStatus.JOINED
    assert store.class_info(sari, klass.id).member_count == 2


def test_a_new_code_replaces_the_old_one_and_members_stay(school):
    store, sari, _ = school
    klass = store.create_class(sari, "XI IPS 2")
    ana = store.create_student("Ana")
    store.join_class(ana.id, klass.join_code)
    renewed = store.new_join_code(sari, klass.id)
    assert renewed.join_code != klass.join_code and renewed.member_count == 1
    assert store.join_class(store.create_student("Cici").id, klass.join_code).status is JoinStatus.UNKNOWN


def test_a_student_belongs_to_several_classes_and_may_leave_one(school):
    store, sari, budi = school
    ips2, sejarah = store.create_class(sari, "XI IPS 2"), store.create_class(budi, "Sejarah XI")
    ana = store.create_student("Ana")
    store.join_class(ana.id, ips2.join_code)
    store.join_class(ana.id, sejarah.join_code)
    assert [(c.name, c.teacher_name) for c in store.student_classes(ana.id)] == [("XI IPS 2", "Sari"),
                                                                                  ("Sejarah XI", "Budi")]
    store.record_practice(ana.id, KD01, 1, 1.0)
    assert store.leave_class(ana.id, ips2.id)
    assert [c.name for c in store.student_classes(ana.id)] == ["Sejarah XI"]
    assert len(store.answers(ana.id)) == 1, "leaving a class keeps the student's own records"


def test_the_teacher_removes_a_student_or_deletes_their_data(school):
    store, sari, _ = school
    klass = store.create_class(sari, "XI IPS 2")
    ana, cici = store.create_student("Ana"), store.create_student("Cici")
    for student in (ana, cici):
        store.join_class(student.id, klass.join_code)
        store.record_practice(student.id, KD01, 1, 1.0)
    assert store.remove_member(sari, klass.id, ana.id)
    assert store.student(ana.code) is not None and len(store.answers(ana.id)) == 1
    assert store.delete_member_data(sari, klass.id, cici.id) is DeleteOutcome.DELETED
    assert store.student(cici.code) is None and store.answers(cici.id) == []
    assert store.members(sari, klass.id) == []


def test_data_of_a_student_also_in_another_teachers_class_is_not_deleted(school):
    store, sari, budi = school
    mine, theirs = store.create_class(sari, "XI IPS 2"), store.create_class(budi, "Sejarah XI")
    ana = store.create_student("Ana")
    store.join_class(ana.id, mine.join_code)
    store.join_class(ana.id, theirs.join_code)
    assert store.delete_member_data(sari, mine.id, ana.id) is DeleteOutcome.REMOVED_ONLY
    assert store.student(ana.code) is not None
    assert [m.display_name for m in store.members(budi, theirs.id)] == ["Ana"]
    assert store.members(sari, mine.id) == []


def test_teacher_b_can_never_read_or_change_class_a(school):
    store, sari, budi = school
    klass = store.create_class(sari, "XI IPS 2")
    ana = store.create_student("Ana")
    store.join_class(ana.id, klass.join_code)
    assert store.classes(budi) == [] and store.class_info(budi, klass.id) is None
    for attempt in (lambda: store.members(budi, klass.id), lambda: store.set_joins_open(budi, klass.id, False),
                    lambda: store.new_join_code(budi, klass.id), lambda: store.remove_member(budi, klass.id, ana.id),
                    lambda: store.delete_member_data(budi, klass.id, ana.id)):
        with pytest.raises(ClassNotFound):
            attempt()
    after = store.class_info(sari, klass.id)
    assert after.joins_open and after.join_code == klass.join_code and after.member_count == 1
    assert store.student(ana.code) is not None
