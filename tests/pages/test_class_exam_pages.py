"""Ujian Kelas and Hasil Kelas with AppTest: no data without a session, a teacher sets and follows an exam,
a student sees it first on Ujian, the dashboard's figures are the analytics module's, and teacher B sees nothing."""

from __future__ import annotations

import json
import time

import pytest

from lessonkit.analytics import item_analysis
from lessonkit.analytics.class_results import exam_matrix, item_labels
from lessonkit.analytics.items import decimal
from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import exam, read_bank
from tests import class_exam_data as exam_data
from tests.conftest import ROOT
from tests.pages.test_teacher_pages import HASH, button, fresh, page, sign_in, texts

QUIZ = exam_data.QUIZ


@pytest.fixture(scope="module")
def bank():
    return read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)


def class_with_exam(store, bank, teacher: str = "sari", opens: float | None = None):
    sari = store.add_teacher("Sari", username=teacher, password_hash=HASH)
    return (sari, *exam_data.class_with_exam(store, bank, sari, opens))


def member_on_ujian(store, klass):
    """A new member "Ana" of ``klass`` opens the Ujian page with her resume code."""
    ana = store.create_student("Ana")
    store.join_class(ana.id, klass.join_code)
    at = fresh()
    at.query_params["kode"] = ana.code
    return ana, page("app_pages/ujian.py", at)


@pytest.mark.parametrize("path", ["app_pages/ujian_kelas.py", "app_pages/hasil_kelas.py"])
def test_without_a_session_both_pages_show_the_sign_in_form_and_no_data(store, bank, path):
    _, klass, made = class_with_exam(store, bank)
    at = page(path)
    assert not at.exception
    shown = texts(at)
    assert "Halaman ini khusus guru" in shown and at.text_input(key="teacher_password")
    assert klass.name not in shown and made.title not in shown and not at.tabs


def test_a_teacher_creates_a_class_exam_from_a_quiz_closes_it_and_deletes_it(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 2")
    at = sign_in(page("app_pages/ujian_kelas.py"))
    assert not at.exception and "Belum ada ujian untuk kelas ini." in texts(at)
    at.text_input(key="ujian_baru_title").input("Ulangan Harian 1")
    at.selectbox(key="ujian_baru_source").set_value(QUIZ).run()
    at.checkbox(key="ujian_baru_review").uncheck()
    at = button(at, "Buat ujian").click().run()
    assert not at.exception
    [made] = store.class_exams(sari.id, klass.id)
    assert made.title == "Ulangan Harian 1" and len(made.question_ids) == 11 and not made.show_review
    shown = texts(at)
    assert "Ujian **Ulangan Harian 1** dibuat" in shown and "Sedang berlangsung" in shown
    at = button(at, "Tutup ujian sekarang").click().run()
    assert "Selesai" in texts(at) and store.class_exam(sari.id, made.id).closes_at <= time.time()
    at = button(at, "Hapus ujian").click().run()
    assert "Centang dulu" in texts(at) and store.class_exams(sari.id, klass.id)
    at.checkbox(key=f"delete_sure_{made.id}").check()
    at = button(at, "Hapus ujian").click().run()
    assert store.class_exams(sari.id, klass.id) == [] and "Belum ada ujian untuk kelas ini." in texts(at)


def test_the_teacher_previews_a_class_exams_questions_with_keys_and_points(store, bank):
    _, _, made = class_with_exam(store, bank)
    at = sign_in(page("app_pages/ujian_kelas.py"))
    assert not at.exception
    [preview] = [e for e in at.expander if e.label.startswith("Pratinjau soal")]
    assert preview.label == f"Pratinjau soal ({len(made.question_ids)})"
    first = bank.question(made.question_ids[0])
    shown = [m.value for m in preview.markdown] + [c.value for c in preview.caption]
    assert first.prompt in shown and any(c.startswith("Soal 1 · ") and "poin" in c for c in shown)
    assert sum(text.startswith("**Jawaban yang tepat:**") for text in shown) == len(made.question_ids)


def test_a_bad_window_gets_a_clear_message_and_nothing_is_made(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass = store.create_class(sari.id, "XI IPS 2")
    at = sign_in(page("app_pages/ujian_kelas.py"))
    at.text_input(key="ujian_baru_title").input("Salah waktu")
    at.date_input(key="ujian_baru_close_day").set_value(at.date_input(key="ujian_baru_open_day").value)
    at.time_input(key="ujian_baru_close_time").set_value(at.time_input(key="ujian_baru_open_time").value)
    at = button(at, "Buat ujian").click().run()
    assert "Waktu ditutup harus sesudah waktu dibuka." in texts(at)
    assert store.class_exams(sari.id, klass.id) == []


def test_a_member_sees_the_class_exam_first_starts_it_and_cannot_start_again(store, bank):
    _, klass, made = class_with_exam(store, bank)
    ana, at = member_on_ujian(store, klass)
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:2] == ["Ujian dari gurumu", "Ujian latihan"]
    assert "Ulangan Harian 1" in texts(at)
    at = button(at, "Mulai ujian kelas").click().run()
    assert not at.exception and button(at, "Kumpulkan jawaban")
    [seen] = store.student_class_exams(ana.id, time.time())
    assert seen.used == 1 and seen.open_attempt_id is not None
    at = button(at, "Kumpulkan jawaban").click().run()
    at = button(at, "Ya, kumpulkan sekarang").click().run()
    assert "Pembahasan" in [s.value for s in at.subheader]
    at = button(at, "Kembali ke daftar ujian").click().run()
    assert "Kesempatanmu sudah habis" in texts(at)


def test_an_exam_not_open_yet_says_when_it_opens_and_offers_no_start(store, bank):
    _, klass, _ = class_with_exam(store, bank, opens=time.time() + 1800)
    ana, at = member_on_ujian(store, klass)
    assert "Ujian ini baru bisa dimulai" in texts(at)
    assert not [b for b in at.button if b.label == "Mulai ujian kelas"]


def test_the_dashboard_shows_the_p_values_the_analytics_module_computes(store, bank):
    sari, klass, made = class_with_exam(store, bank)
    for name, right in (("Ana", 11), ("Budi", 6), ("Cici", 3), ("Dodi", 8)):
        exam_data.take(store, bank, made, name, right, klass.join_code)
    store.join_class(store.create_student("Eka").id, klass.join_code)
    at = sign_in(page("app_pages/hasil_kelas.py"))
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Ringkasan", "Buku Nilai", "Siswa", "Analisis Butir",
                                       "Kuis Langsung"]
    shown = texts(at)
    assert "Belum memulai ujian (1):** Eka" in shown and "Sudah mengumpulkan" in [m.label for m in at.metric]
    takes = store.class_exam_results(sari.id, made.id)
    expected = item_analysis(exam_matrix(bank, made.question_ids,
                                         {t.student_id: t.responses for t in takes}).scores)
    shown_table = next(d.value for d in at.dataframe if "Kategori P" in d.value.columns)
    assert list(shown_table["Soal"]) == list(item_labels(bank, list(expected.index)).values())
    assert all(f"({qid})" in label for qid, label in zip(expected.index, shown_table["Soal"], strict=True))
    assert list(shown_table["P"]) == [decimal(p) for p in expected["p"]]
    assert set(shown_table["D"]) == set(shown_table["r pbis"]) == {"perlu minimal 10 siswa"}, "4 students"
    assert "Reliabilitas (KR-20)  \n**perlu minimal 10 siswa**" in shown, "no KR-20 of 4 students"
    assert not [m for m in at.metric if m.label.startswith("Reliabilitas")]
    assert list(shown_table["Rekomendasi"]) == list(expected["rekomendasi"])
    assert any("Hanya 4 siswa yang dianalisis" in w.value for w in at.warning)
    assert at.selectbox(key="hasil_siswa").value == store.members(sari.id, klass.id)[0].student_id
    assert "Yang dilihat Ana di halaman Kemajuan Saya (hanya baca)." in shown
    assert "Penguasaan per bagian" in [s.value for s in at.subheader]
    assert "Excel (semua lembar)" in [d.label for d in at.get("download_button")]


def test_ringkasan_and_the_gradebook_show_the_graded_marks_and_who_did_not_start(store, bank):
    sari, klass, made = class_with_exam(store, bank)
    for name, right in (("Ana", 11), ("Budi", 6)):
        exam_data.take(store, bank, made, name, right, klass.join_code)
    store.join_class(store.create_student("Eka").id, klass.join_code)
    takes = store.class_exam_results(sari.id, made.id)
    marks = [round(100 * exam.answers_score(bank, t.question_ids, t.responses)) for t in takes]
    at = sign_in(page("app_pages/hasil_kelas.py"))
    assert not at.exception
    mean = next(m.value for m in at.metric if m.label == "Rata-rata nilai")
    assert mean == f"{sum(marks) / 2:.1f}".replace(".", ",").removesuffix(",0")
    book = next(d.value for d in at.dataframe if "Dikerjakan" in d.value.columns)
    assert list(book["Nama panggilan"]) == ["Ana", "Budi", "Eka"]
    assert list(book[made.title]) == [*map(str, marks), "belum mengerjakan"]
    assert list(book["Rata-rata"])[-1] == "–", "no mark yet: a dash, not None"
    mine = next(d.value for d in at.dataframe if "Dikerjakan" in d.value.columns and len(d.value) == 1)
    assert list(mine[made.title]) == [str(marks[0])], "the Siswa tab shows Ana's row of the gradebook"
    assert "Unduh Excel" in [d.label for d in at.get("download_button")]


def test_students_called_ani_ani_and_ani_2_keep_three_rows_in_the_heatmap_and_the_item_analysis(store, bank):
    sari, klass, made = class_with_exam(store, bank)
    for name, right in (("Ani", 11), ("Ani", 6), ("Ani (2)", 3)):
        exam_data.take(store, bank, made, name, right, klass.join_code)
    at = sign_in(page("app_pages/hasil_kelas.py"))
    assert not at.exception
    [rows] = [chart["data"][0]["y"] for chart in (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
              if "Rata-rata (%)" in json.dumps(chart["data"][0].get("colorbar", {}))]
    assert len(rows) == len(set(rows)) == 3
    assert "3 siswa, percobaan pertama" in texts(at)


def test_with_ten_students_a_negative_d_shows_as_a_plain_number_and_the_scatter_names_items_on_hover_only(
        store, bank):
    _, klass, made = class_with_exam(store, bank)
    count = len(made.question_ids)
    for n in range(10):  # the five best get the first question wrong, the five weakest only that one right
        exam_data.take(store, bank, made, f"Siswa {n}", set(range(1, count)) if n < 5 else {0}, klass.join_code)
    at = sign_in(page("app_pages/hasil_kelas.py"))
    shown_table = next(d.value for d in at.dataframe if "Kategori P" in d.value.columns)
    cells = [str(v) for column in ("P", "D", "r pbis") for v in shown_table[column]]
    assert not [c for c in cells if c.startswith("'")], "the formula guard belongs in files, not on screen"
    assert shown_table["D"].iloc[0].startswith("−") and shown_table["Kategori D"].iloc[0] == "negatif"
    assert "perlu minimal" not in " ".join(cells)
    [scatter] = [c for c in at.get("plotly_chart") if "Daya pembeda D" in c.proto.spec]
    assert '"mode":"markers+text"' not in scatter.proto.spec.replace(" ", "")


def test_teacher_b_sees_no_exam_or_result_of_teacher_a_even_with_a_forged_selection(store, bank):
    _, klass, made = class_with_exam(store, bank)
    exam_data.take(store, bank, made, "Ana", 5, klass.join_code)
    store.add_teacher("Budi", username="budi", password_hash=HASH)
    for path in ("app_pages/ujian_kelas.py", "app_pages/hasil_kelas.py"):
        at = fresh()
        at.session_state["class_admin_selected"] = klass.id
        at.session_state["hasil_analisis_ujian"] = made.id
        at = sign_in(page(path, at), "budi")
        assert not at.exception
        shown = texts(at)
        assert made.title not in shown and "Ana" not in shown and "Belum ada kelas" in shown


def running_then_closed(store, bank):
    """Ana's page with the class exam running; then the teacher closes it early, and the grace passes."""
    sari, klass, made = class_with_exam(store, bank)
    ana, at = member_on_ujian(store, klass)
    at = button(at, "Mulai ujian kelas").click().run()
    assert "Ujian kelas: Ulangan Harian 1** · kelas XI IPS 2" in texts(at)
    attempt_id = store.student_class_exam(ana.id, made.id).open_attempt_id
    store.close_class_exam(sari.id, made.id, time.time())
    time.sleep(2.5)  # past the network grace
    return at, ana, made, attempt_id


def test_closing_early_submits_a_running_class_exam_on_the_students_next_run(store, bank):
    at, ana, made, _ = running_then_closed(store, bank)
    at.run()
    assert not at.exception and "Waktu habis" in texts(at)
    assert store.student_class_exam(ana.id, made.id).open_attempt_id is None, "the submission was saved"


def test_an_answer_after_the_teacher_closed_the_exam_is_not_counted_and_the_results_follow(store, bank):
    at, ana, made, attempt_id = running_then_closed(store, bank)
    first = bank.question(made.question_ids[0])
    key = next(o.text for o in first.options if o.correct)
    radio = at.radio[0]  # this page still thinks the exam runs: the right answer to the first question
    at = radio.set_value(next(o for o in radio.options if key in o)).run()
    assert not at.exception
    assert "Kumpulkan jawaban" not in [b.label for b in at.button], "the results replaced the questions"
    attempt, _ = store.load_exam(attempt_id)
    assert attempt.answers == {} and attempt.submitted_at is not None
    (submitted,) = store.exam_history(ana.id)
    assert submitted.score == 0, "the score counts only what the server kept"
