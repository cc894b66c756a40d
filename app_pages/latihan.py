"""Latihan: practise one question at a time, check it at once, retry, and see what to study again.

Practice uses `ui.data.practice_bank`: the questions of a class exam that is running are held back.
"""

import streamlit as st

from lessonkit.quiz import diagnostic, practice
from lessonkit.quiz.types import module_of
from ui import data, nav, student
from ui.learn import quiz_view

STATE = "practice_run"
lesson, bank = data.lesson(), data.practice_bank()

st.title("Latihan Soal")
quiz_view.broken_quizzes(bank)
run: practice.PracticeRun | None = st.session_state.get(STATE)


def _start(quiz_id=None, section=None) -> None:
    st.session_state[STATE] = practice.start(bank, quiz_id=quiz_id, section=section)
    st.session_state["practice_quiz"] = quiz_id
    st.session_state["practice_nonce"] = st.session_state.get("practice_nonce", 0) + 1


def _stop() -> None:
    st.session_state.pop(STATE, None)


if run is None or any(qid not in {q.id for q in bank.questions} for qid in run.question_ids):
    st.markdown("Kerjakan soal satu per satu. Setelah menjawab, tekan **Periksa** untuk langsung melihat "
                "apakah jawabanmu tepat, lengkap dengan pembahasannya. Kamu boleh mencoba lagi sesering yang kamu mau.")
    if not bank.questions:
        st.info("Belum ada soal yang bisa dipakai untuk latihan.")
        st.stop()
    pretest = diagnostic.diagnostic_quiz(bank)
    if pretest is not None:
        with st.container(border=True):
            st.markdown(f"**{pretest.title}** ({len(pretest.questions)} soal)")
            st.markdown(pretest.description or "")
            st.button("Mulai tes diagnostik", on_click=_start, kwargs={"quiz_id": pretest.id})
    sections = [s for s in lesson.sections if any(q.section == s.id for q in bank.lesson_questions)]
    by = st.segmented_control("Latihan berdasarkan", ["Bagian materi", "Kuis"], default="Bagian materi",
                              required=True, key="practice_by")
    if by == "Kuis":
        quizzes = {q.id: q for q in bank.quizzes}
        quiz_id = st.selectbox("Pilih kuis", list(quizzes),
                               format_func=lambda i: f"{quizzes[i].title} ({len(quizzes[i].questions)} soal)")
        st.button("Mulai latihan", type="primary", on_click=_start, kwargs={"quiz_id": quiz_id})
    else:
        ids = [s.id for s in sections]
        wanted = st.query_params.get("bagian")
        count = {s.id: sum(q.section == s.id for q in bank.lesson_questions) for s in sections}
        section_id = st.selectbox("Pilih bagian materi", ids, index=ids.index(wanted) if wanted in ids else 0,
                                  format_func=lambda i: f"{quiz_view.section_title(i)} ({count[i]} soal)")
        st.button("Mulai latihan", type="primary", on_click=_start, kwargs={"section": section_id})
    st.stop()

total = len(run.question_ids)
nonce = st.session_state.get("practice_nonce", 0)

def _recommendation(quiz) -> None:
    """Where the diagnostic's result says to start reading."""
    result = diagnostic.recommend(quiz, {i: r.score for i, r in run.results.items()}, lesson.section_ids)
    number = lesson.section_ids.index(result.start) + 1
    st.metric("Skor tes diagnostik", f"{round(result.score * 100)}%")
    if result.basics_first:
        st.warning("Konsep dasar kelompok sosialmu perlu diperkuat. Baca lagi bab Kelompok Sosial di buku "
                   "siswamu, lalu mulai modul ini dari awal.")
    st.success(f"Saran: mulai belajar dari **Bagian {number}: {quiz_view.section_title(result.start)}**.")
    nav.link("materi", f"Buka Bagian {number}", bagian=result.start)
    later = [section for section in result.weak if section != result.start]
    if later:
        st.markdown("**Perhatikan juga bagian ini saat kamu sampai di sana:**")
        for section in later:
            nav.link("materi", quiz_view.section_title(section), bagian=section)


if run.finished:
    pretest = next((q for q in bank.quizzes if q.id == st.session_state.get("practice_quiz")
                    and diagnostic.is_diagnostic(q.id)), None)
    if pretest is not None:
        st.subheader("Hasil tes diagnostik")
        _recommendation(pretest)
        st.button("Latihan lagi", type="primary", on_click=_stop)
        st.stop()
    st.subheader("Ringkasan latihan")
    summary = practice.summary(run, bank)
    st.metric("Jawaban benar", f"{summary.right} dari {summary.checked} soal yang diperiksa")
    kind, text = summary.verdict
    {"success": st.success, "warning": st.warning, "info": st.info}[kind](text)
    if summary.study_again:
        st.markdown("**Yang perlu kamu pelajari lagi:**")
        for result in summary.study_again:
            nav.link("materi", f"{quiz_view.section_title(result.section)} (skor {round(result.score * 100)}%)",
                     bagian=result.section)
    st.button("Latihan lagi", type="primary", on_click=_stop)
    st.stop()

question_id = run.current
q = bank.question(question_id)
st.progress(run.index / total, text=f"Soal {run.index + 1} dari {total}")
attempt = run.attempts.get(question_id, 0)
key = f"practice-{nonce}-{question_id}-{attempt}"
checked = run.results.get(question_id)
quiz_view.question(q, bank, number=run.index + 1, key=key, order=run.orders[question_id],
                   disabled=checked is not None, checked_response=run.responses.get(question_id) if checked else None)


def _check() -> None:
    """Grade the answer on the server and save it (a callback, so a saving problem is shown, not rerun away)."""
    answer = module_of(q).read(q, key, run.orders[question_id], st.session_state)
    if not module_of(q).is_answered(q, answer):
        st.session_state["practice_unanswered"] = True
        return
    result = run.check(bank, question_id, answer)
    learner = student.current()
    if learner is not None:
        student.save(data.store().record_practice, learner.id, q, answer, result.score)


if checked is None:
    st.button("Periksa", type="primary", on_click=_check)
    if st.session_state.pop("practice_unanswered", False):
        st.warning("Jawab dulu soalnya, lalu tekan Periksa.")
else:
    if q.auto_graded:
        quiz_view.feedback(q, run.responses[question_id], checked)
    else:
        quiz_view.essay_self_check(q, key)
        quiz_view.feedback(q, run.responses[question_id], checked)
    left, right = st.columns(2)
    left.button("Coba lagi", on_click=run.retry, args=(question_id,), width="stretch")
    label = "Soal berikutnya →" if run.index + 1 < total else "Lihat ringkasan →"
    right.button(label, type="primary", on_click=run.advance, width="stretch")

st.divider()
st.button("Akhiri latihan", on_click=run.finish, type="tertiary")
