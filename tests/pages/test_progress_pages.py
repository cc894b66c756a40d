"""Saving progress through the pages (AppTest): a new student, resuming by code, exams, cards, deleting data."""

from __future__ import annotations

import pytest


def _button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def _register(at, name="Ana"):
    at.run()
    at.text_input(key="new_name").input(name).run()
    _button(at, "Mulai menyimpan").click().run()
    return at.session_state["student"]


def test_a_new_student_is_saved_and_resumes_elsewhere_with_the_code(app):
    at = app()
    ana = _register(at)
    assert at.query_params["kode"] in (ana.code, [ana.code])
    at.switch_page("app_pages/materi.py").run()
    at.button(key="next").click().run()
    other_device = app(ana.code)
    other_device.switch_page("app_pages/kemajuan.py").run()
    assert not other_device.exception
    metrics = {m.label: m.value for m in other_device.metric}
    assert metrics["Materi dibuka"] == "2 dari 2"


def test_practice_answers_are_saved_for_the_student(app):
    at = app()
    ana = _register(at)
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    at.radio[0].set_value(1).run()
    _button(at, "Periksa").click().run()
    later = app(ana.code)
    later.switch_page("app_pages/kemajuan.py").run()
    assert {m.label: m.value for m in later.metric}["Jawaban latihan"] == "1"
    table = later.table[0].value
    assert list(table[table["Bagian"] == "Bagian Satu"]["Tingkat"]) == ["Cukup"]


def test_an_exam_in_progress_resumes_with_its_answers_and_deadline(app):
    at = app()
    ana = _register(at)
    at.switch_page("app_pages/ujian.py").run()
    at.selectbox[0].set_value("kuis-contoh").run()
    _button(at, "Mulai ujian").click().run()
    first = at.session_state["exam_attempt"]
    key = f"exam-{at.session_state['exam_token']}-c-03"
    at.text_input(key=key).input("kode etik").run()
    resumed = app(ana.code)
    resumed.switch_page("app_pages/ujian.py").run()
    attempt = resumed.session_state["exam_attempt"]
    assert attempt.deadline == first.deadline
    assert attempt.answers == {"c-03": "kode etik"}
    assert resumed.text_input(key=key).value == "kode etik"


def test_flashcard_known_moves_up_a_box_and_is_saved(app):
    at = app()
    ana = _register(at)
    at.switch_page("app_pages/kartu.py").run()
    term = at.header[0].value
    _button(at, "Tampilkan arti").click().run()
    _button(at, "Saya tahu").click().run()
    from ui import data

    assert data.store().cards(ana.id)[term][0] == 2


def test_delete_my_data_removes_the_student(app):
    at = app()
    ana = _register(at)
    at.switch_page("app_pages/kemajuan.py").run()
    assert _button(at, "Hapus sekarang").disabled
    at.checkbox(key="confirm_delete").check().run()
    _button(at, "Hapus sekarang").click().run()
    assert any("sudah dihapus" in s.value for s in at.success)
    from ui import data

    assert data.store().student(ana.code) is None
    assert "kode" not in at.query_params


def test_browsing_without_a_name_works_and_says_nothing_is_saved(app):
    at = app()
    at.switch_page("app_pages/kemajuan.py").run()
    assert any("belum disimpan" in i.value for i in at.info)
    at.switch_page("app_pages/kartu.py").run()
    assert not at.exception


@pytest.mark.parametrize("code", ["kode-yang-tidak-pernah-dibuat-xyz", "kode lama!"])
def test_an_unknown_or_old_code_in_a_link_is_dropped_and_the_page_says_so(app, code):
    at = app(code)
    at.run()
    assert not at.exception
    assert "kode" not in at.query_params
    assert any("tautan ini tidak dikenal" in w.value for w in at.main.warning), "said on the page, not in the sidebar"
    at.run()
    assert not any("tautan ini tidak dikenal" in w.value for w in at.main.warning), "said once"


def test_a_new_resume_code_stands_on_every_page_with_its_qr_until_the_student_says_it_is_kept(app):
    at = app()
    ana = _register(at)
    for page in ("app_pages/beranda.py", "app_pages/materi.py"):
        at.switch_page(page).run()
        assert [c.value for c in at.main.code] == [ana.code]
        assert [c for image in at.main.get("image") for c in image.captions] == ["Pindai untuk melanjutkan"]
        assert any("Tulis kodenya" in m.value for m in at.main.markdown)
    at.button(key="resume_code_kept").click().run()
    assert not at.main.code
    at.switch_page("app_pages/beranda.py").run()
    assert not at.main.code
    assert [c.value for c in at.sidebar.code] == [ana.code], "the code stays in the sidebar"


def test_a_resumed_student_is_not_asked_to_keep_a_code_they_already_have(app):
    ana = _register(app())
    other_device = app(ana.code)
    other_device.run()
    assert not other_device.main.code
