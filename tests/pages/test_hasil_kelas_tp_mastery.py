"""Hasil Kelas, Ringkasan: the class's mastery per learning objective (TP) from its members' saved answers; the
TP codes are also on Beranda and beside each section in Kemajuan Saya."""

from __future__ import annotations

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from tests.conftest import ROOT
from tests.pages.test_teacher_pages import HASH, fresh, page, sign_in, texts

BANK = read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)


def test_the_overview_shows_mastery_per_tp_from_the_members_answers(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 1")
    ana, budi = store.create_student("Ana"), store.create_student("Budi")
    for student in (ana, budi):
        store.join_class(student.id, klass.join_code)
    for question_id in ("kd-01", "kd-02", "kd-03"):  # TP-1
        store.record_practice(ana.id, BANK.question(question_id), 0, 1.0)
    store.record_practice(budi.id, BANK.question("kd-01"), 0, 0.0)
    store.record_practice(budi.id, BANK.question("kp-01"), 0, 1.0)  # TP-2
    at = sign_in(page("app_pages/hasil_kelas.py"))
    assert not at.exception
    assert "Penguasaan per tujuan pembelajaran (TP)" in texts(at)
    table = next(d.value for d in at.dataframe if "TP" in d.value.columns).set_index("TP")
    assert list(table.index[:2]) == ["TP-1", "TP-2"]
    assert table.loc["TP-1", "Rata-rata kelas"] == 50
    assert (table.loc["TP-1", "Mahir"], table.loc["TP-1", "Mulai"], table.loc["TP-1", "Jawaban"]) == (1, 1, 4)
    assert (table.loc["TP-2", "Rata-rata kelas"], table.loc["TP-2", "Belum"]) == (100, 1)
    assert table.loc["TP-4", "Elemen"] == "Keterampilan Proses"


def test_beranda_lists_the_tp_codes_with_their_elements_and_sections():
    at = page("app_pages/beranda.py")
    assert not at.exception
    shown = texts(at)
    assert "**TP-1** (Pemahaman Konsep)" in shown and "**TP-10** (Keterampilan Proses)" in shown
    assert "Profil Lulusan" in shown and "P5" not in shown


def test_kemajuan_names_the_tp_of_each_section(store):
    ana = store.create_student("Ana")
    at = fresh()
    at.query_params["kode"] = ana.code
    at = page("app_pages/kemajuan.py", at)
    assert not at.exception
    table = at.table[0].value.set_index("Bagian")
    assert list(table["TP"][:2]) == ["TP-1", "TP-2"] and table["TP"].iloc[-1] == "TP-7, TP-10"
