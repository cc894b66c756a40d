"""Ujian: the class exams of a saved student's classes first ("Ujian dari gurumu"), then a practice exam the
student sets up (a quiz or a random draw from the bank).

A practice exam draws from `ui.data.practice_bank` (a running class exam's questions are held back).
Class exams are `ui.learn.class_exam_view`; starting, resuming, saving answer by answer, the timer, submitting and the
results are `ui.learn.exam_session`; the rules are `lessonkit.quiz.exam`.
"""

import streamlit as st

from lessonkit.quiz import exam
from ui import data, student
from ui.learn import class_exam_view, exam_session, quiz_view

lesson, bank = data.lesson(), data.bank()
learner = student.current()
session = exam_session.ExamSession(bank, class_exam_view.keeper(learner))

st.title("Ujian")
quiz_view.broken_quizzes(bank)
attempt = session.current()
session.show_notice()


def _begin(settings: dict) -> None:
    practice = data.practice_bank()
    if settings["source"] != exam.RANDOM and all(q.id != settings["source"] for q in practice.quizzes):
        session.reset()  # the quiz is held back while a class exam runs: set up another one
        return
    session.begin(exam.practice_plan(practice, settings))


if attempt is None:
    if class_exam_view.open_exams(session, learner):
        st.subheader("Ujian latihan")
    st.markdown("Uji dirimu seperti ujian sungguhan: soal diacak, waktu dibatasi, dan nilai beserta pembahasan "
                "baru muncul setelah kamu mengumpulkan jawaban.")
    practice = data.practice_bank()
    auto = [q for q in practice.questions if q.auto_graded]
    if not auto:
        st.info("Belum ada soal yang bisa dipakai untuk ujian.")
        st.stop()
    quizzes = {q.id: q for q in practice.quizzes if any(x.auto_graded for x in q.questions)}
    source = st.selectbox("Sumber soal", [exam.RANDOM, *quizzes],
                          format_func=lambda i: "Acak dari seluruh bank soal" if i == exam.RANDOM else quizzes[i].title)
    settings = {"source": source}
    if source == exam.RANDOM:
        settings["count"] = st.segmented_control("Jumlah soal", list(exam.LENGTHS), default=exam.LENGTHS[0],
                                                 required=True, format_func=lambda n: f"{n} soal")
        ids = [s.id for s in lesson.sections if any(q.section == s.id for q in auto)]
        quiz_view.wrapping_pills("ujian_bagian")
        settings["sections"] = st.pills("Bagian materi (pilih minimal satu)", ids, selection_mode="multi",
                                        default=ids, format_func=quiz_view.section_title, key="ujian_bagian")
    count, minutes = exam.practice_size(practice, settings)
    saving = "Jawaban tersimpan otomatis setiap kali kamu menjawab." if learner else \
        "Kamu belum menyimpan kemajuan, jadi ujian ini hilang jika halaman dimuat ulang."
    st.info(f"{count} soal · waktu {minutes:g} menit. {saving} Saat waktu habis, jawabanmu dikumpulkan otomatis.")
    st.button("Mulai ujian", type="primary", on_click=_begin, args=(settings,), disabled=count == 0)
    st.stop()

class_exam_view.heading(session, attempt, learner)
if not attempt.submitted:
    session.show_running()
    st.stop()

session.show_results()
if class_exam_view.is_class_exam(session):
    class_exam_view.after_results(session)
    st.stop()
left, right_button = st.columns(2)
left.button("Ulangi dengan soal baru", type="primary", on_click=_begin, args=(session.settings,), width="stretch")
right_button.button("Atur ujian baru", on_click=session.reset, width="stretch")
