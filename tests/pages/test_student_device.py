"""One identity per device with AppTest: saving asks the browser to keep a device cookie (a ticket, not the resume
code); a page opened later without ``?kode=`` knows the student from that cookie; "Bukan kamu? Keluar" forgets it."""

from __future__ import annotations

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from tests import class_exam_data as exam_data
from tests.conftest import ROOT
from tests.pages.test_teacher_pages import HASH, button, fresh, page, texts
from ui import student

UJIAN = "app_pages/ujian.py"


@pytest.fixture(scope="module")
def bank():
    return read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)


def test_saving_asks_the_browser_to_remember_the_device_with_a_ticket_not_the_resume_code(store):
    at = fresh()
    at.run()
    at.text_input(key="new_name").input("Siti")
    at = button(at, "Mulai menyimpan").click().run()
    request = at.session_state[student.DEVICE_REQUEST]
    [siti] = [m for m in [store.student(at.query_params["kode"])] if m]
    assert request["url"] == "/api/siswa/perangkat" and request["body"]["tiket"] != siti.code
    token = store.redeem_device_ticket(request["body"]["tiket"])
    assert store.student_for_device(token) == siti


def test_ujian_without_kode_knows_the_student_from_the_device_cookie_until_bukan_kamu(store, bank, monkeypatch):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass, made = exam_data.class_with_exam(store, bank, sari)
    siti = store.create_student("Siti")
    store.join_class(siti.id, klass.join_code)
    token = store.redeem_device_ticket(store.device_ticket(siti.id))
    monkeypatch.setattr("ui.student.device_token", lambda: token)
    at = page(UJIAN)
    assert not at.exception
    assert made.title in texts(at) and button(at, "Mulai ujian kelas")
    assert at.query_params["kode"] == siti.code
    at = button(at, "Bukan kamu? Keluar").click().run()
    assert store.student_for_device(token) is None
    assert at.session_state[student.DEVICE_REQUEST]["url"] == "/api/siswa/keluar"
    assert made.title not in texts(at) and "kode" not in at.query_params


def test_a_reload_with_kode_on_a_device_that_remembers_the_student_asks_for_no_new_cookie(store, monkeypatch):
    siti = store.create_student("Siti")
    token = store.redeem_device_ticket(store.device_ticket(siti.id))
    monkeypatch.setattr("ui.student.device_token", lambda: token)
    at = fresh()
    at.query_params["kode"] = siti.code
    at.run()
    assert not at.exception and student.DEVICE_REQUEST not in at.session_state
    budi = store.create_student("Budi")  # Budi's resume link opened on Siti's device: the device now remembers Budi
    other = fresh()
    other.query_params["kode"] = budi.code
    other.run()
    assert other.session_state[student.DEVICE_REQUEST]["url"] == "/api/siswa/perangkat"
