"""Ujian: a timed exam drawn from the bank; answers saved as given, graded on the server after submission.

For a student with a resume code, the attempt lives in the database: a reload,
a closed tab or a server restart resumes it with its answers and its deadline.
"""

import random
import time

import streamlit as st

from lessonkit.quiz import exam, grade
from lessonkit.quiz.types import module_of
from ui import countdown, data, quiz_view, student

STATE, SETTINGS, TOKEN, SAVED_ID = "exam_attempt", "exam_settings", "exam_token", "exam_attempt_id"
RANDOM = "__acak__"
lesson, bank = data.lesson(), data.bank()
known = {q.id for q in bank.questions}
learner = student.current()
store = data.store() if learner is not None else None

st.title("Ujian")
quiz_view.broken_quizzes(bank)

if st.session_state.get(STATE) is None and learner is not None:
    found = student.save(store.open_exam, learner.id)
    if found is not None:
        attempt_id, resumed, settings = found
        st.session_state.update({STATE: resumed, SETTINGS: settings, SAVED_ID: attempt_id,
                                 TOKEN: f"db{attempt_id}"})
        for question_id, response in resumed.answers.items():
            if question_id in known:
                q = bank.question(question_id)
                key = f"exam-{st.session_state[TOKEN]}-{question_id}"
                st.session_state.update(module_of(q).state(q, key, resumed.orders.get(question_id), response))
        st.toast("Ujianmu yang belum selesai dilanjutkan.")

attempt: exam.Attempt | None = st.session_state.get(STATE)
if attempt is not None and any(qid not in known for qid in attempt.question_ids):
    attempt = None  # the bank changed under this attempt
if attempt is not None:
    attempt.close_if_expired(time.time())


def _begin(settings: dict) -> None:
    if settings["source"] == RANDOM:
        ids = exam.draw(bank, settings["count"], settings["sections"], random.Random())
        minutes = exam.minutes_for(len(ids))
    else:
        quiz = next(q for q in bank.quizzes if q.id == settings["source"])
        ids = [q.id for q in quiz.questions if q.auto_graded]
        random.shuffle(ids)
        minutes = quiz.time_limit_minutes or exam.minutes_for(len(ids))
    new = exam.start(bank, ids, minutes, time.time())
    attempt_id = student.save(store.start_exam, learner.id, new, settings) if learner is not None else None
    st.session_state.update({SETTINGS: settings, STATE: new, SAVED_ID: attempt_id,
                             TOKEN: f"db{attempt_id}" if attempt_id else f"s{time.time_ns()}"})
    st.session_state.pop("exam_confirm", None)
    st.session_state.pop("exam_late", None)


def _reset() -> None:
    st.session_state.pop(STATE, None)


def _record(question_id: str, key: str) -> None:
    q = bank.question(question_id)
    response = module_of(q).read(q, key, attempt.orders[question_id], st.session_state)
    now = time.time()
    if not attempt.record(question_id, response, now):
        st.session_state["exam_late"] = True
        return
    if st.session_state.get(SAVED_ID):
        student.save(store.save_exam_answer, st.session_state[SAVED_ID], question_id, q.section, response,
                     grade(q, response).score, now)


def _submit() -> None:
    attempt.submit(time.time())


def _missing() -> int:
    return sum(1 for qid in attempt.question_ids
               if not module_of(bank.question(qid)).is_answered(bank.question(qid), attempt.answers.get(qid)))


def _request_submit() -> None:
    """Submit at once when every question is answered; otherwise ask first."""
    if _missing():
        st.session_state["exam_confirm"] = True
    else:
        _submit()


if attempt is None:
    st.markdown("Uji dirimu seperti ujian sungguhan: soal diacak, waktu dibatasi, dan nilai beserta pembahasan "
                "baru muncul setelah kamu mengumpulkan jawaban.")
    auto = [q for q in bank.questions if q.auto_graded]
    if not auto:
        st.info("Belum ada soal yang bisa dipakai untuk ujian.")
        st.stop()
    quizzes = {q.id: q for q in bank.quizzes if any(x.auto_graded for x in q.questions)}
    source = st.selectbox("Sumber soal", [RANDOM, *quizzes],
                          format_func=lambda i: "Acak dari seluruh bank soal" if i == RANDOM else quizzes[i].title)
    settings = {"source": source}
    if source == RANDOM:
        settings["count"] = st.segmented_control("Jumlah soal", list(exam.LENGTHS), default=exam.LENGTHS[0],
                                                 required=True, format_func=lambda n: f"{n} soal")
        ids = [s.id for s in lesson.sections if any(q.section == s.id for q in auto)]
        settings["sections"] = st.multiselect("Bagian materi", ids, default=ids,
                                              format_func=quiz_view.section_title,
                                              placeholder="Pilih minimal satu bagian")
        available = len([q for q in auto if q.section in settings["sections"]])
        count = min(settings["count"], available)
        minutes = exam.minutes_for(count)
    else:
        quiz = quizzes[source]
        count = sum(q.auto_graded for q in quiz.questions)
        minutes = quiz.time_limit_minutes or exam.minutes_for(count)
    saving = "Jawaban tersimpan otomatis setiap kali kamu menjawab." if learner else \
        "Kamu belum menyimpan kemajuan, jadi ujian ini hilang jika halaman dimuat ulang."
    st.info(f"{count} soal · waktu {minutes:g} menit. {saving} Saat waktu habis, jawabanmu dikumpulkan otomatis.")
    st.button("Mulai ujian", type="primary", on_click=_begin, args=(settings,), disabled=count == 0)
    st.stop()

token = st.session_state.get(TOKEN, "s0")

if not attempt.submitted:
    now = time.time()
    remaining = attempt.remaining(now)
    countdown.countdown(remaining)
    countdown.submit_when_due(remaining, exam.GRACE_SECONDS, attempt.close_if_expired)
    st.caption("Setiap jawaban langsung tercatat di server. Untuk isian singkat, tekan Enter setelah mengetik.")

    @st.fragment
    def question_box(question_id: str, number: int) -> None:
        """One question; answering it reruns only this box (forty students answer at once)."""
        q = bank.question(question_id)
        key = f"exam-{token}-{question_id}"
        with st.container(border=True):
            quiz_view.question(q, bank, number=number, key=key, order=attempt.orders[question_id],
                               on_change=_record, args=(question_id, key))
            if st.session_state.get("exam_late"):
                st.warning("Waktu sudah habis: jawaban ini tidak diterima.")
            elif question_id in attempt.answers:
                st.caption("✓ Jawaban tercatat")

    for number, question_id in enumerate(attempt.question_ids, start=1):
        question_box(question_id, number)
    if st.session_state.get("exam_confirm") and _missing():
        st.warning(f"Masih ada {_missing()} soal yang belum dijawab. Yakin mau mengumpulkan sekarang?")
        st.button("Ya, kumpulkan sekarang", type="primary", on_click=_submit)
    else:
        st.button("Kumpulkan jawaban", type="primary", on_click=_request_submit)
    st.stop()

results = exam.results(attempt, bank)
score = exam.score(attempt, bank)
if st.session_state.get(SAVED_ID) and st.session_state.get("exam_submit_saved") != st.session_state[SAVED_ID]:
    student.save(store.submit_exam, st.session_state[SAVED_ID], attempt.submitted_at, score)
    st.session_state["exam_submit_saved"] = st.session_state[SAVED_ID]
if st.session_state.get("exam_late") or (attempt.submitted_at or 0) >= attempt.deadline:
    st.info("Waktu habis. Jawabanmu dikumpulkan otomatis; jawaban yang masuk setelah batas waktu tidak dihitung.")
right = sum(1 for r in results if r.grade.status == "benar")
left, middle, right_col = st.columns(3)
left.metric("Nilai", f"{round(score * 100)}")
middle.metric("Jawaban benar", f"{right} dari {len(results)}")
used = int((attempt.submitted_at or attempt.deadline) - attempt.started_at)
right_col.metric("Waktu dipakai", f"{used // 60}:{used % 60:02d}")
st.subheader("Skor per bagian materi")
st.plotly_chart(quiz_view.section_chart(exam.section_scores(attempt, bank)), config={"displayModeBar": False})
st.subheader("Pembahasan")
quiz_view.review(results)
left, right_button = st.columns(2)
left.button("Ulangi dengan soal baru", type="primary", on_click=_begin,
            args=(st.session_state[SETTINGS],), width="stretch")
right_button.button("Atur ujian baru", on_click=_reset, width="stretch")
