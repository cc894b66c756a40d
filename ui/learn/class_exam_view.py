"""The student's side of class exams on the Ujian page: "Ujian dari gurumu", starting one, and after the results.

The exam itself runs in the page's one `ExamSession` (timer, saving answer by
answer, resume, submit). This module gives that session a keeper that saves a
class exam's attempt through `Store.start_class_exam`, which checks
membership, the window and the attempts left on the server, and builds the
plan from the exam as stored at the moment of the click.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from lessonkit.quiz import class_exam
from ui import data, student
from ui.data import when
from ui.learn.exam_session import ExamSession, StudentKeeper
from ui.text import plain

if TYPE_CHECKING:
    from lessonkit.storage import StudentExam, StudentInfo

REFUSED = "class_exam_refused"


@dataclass(frozen=True)
class ClassExamKeeper(StudentKeeper):
    """A student's attempts; a class exam's attempt is saved only if the server allows it now."""

    def start(self, attempt, settings):
        exam_id = settings.get(class_exam.SETTING)
        if exam_id is None:
            return super().start(attempt, settings)
        saved = student.save(self.store.start_class_exam, self.student_id, exam_id, attempt, settings, time.time())
        if saved is None:
            st.session_state[REFUSED] = True
        return saved


def keeper(learner: StudentInfo | None) -> ClassExamKeeper | None:
    """The keeper for the Ujian page: None without a saved student (or without a database)."""
    store = data.store() if learner is not None else None
    return ClassExamKeeper(store, learner.id) if store is not None else None


def _begin(session: ExamSession, learner_id: int, exam_id: int) -> None:
    store = data.store()
    found = student.save(store.student_class_exam, learner_id, exam_id) if store is not None else None
    if found is None:
        st.session_state[REFUSED] = True
        return
    session.begin(class_exam.plan_for(session.bank, found.exam), found.used)
    if st.session_state.pop(REFUSED, False):  # the server said no between the page and the click
        session.reset()
        st.session_state[REFUSED] = True


def _resume(session: ExamSession) -> None:
    session.reset()  # the next run resumes the unfinished attempt from the database


def _describe(item: StudentExam, now: float) -> str:
    exam = item.exam
    count = (f"{exam.draw['count']} soal acak" if exam.per_student_draw and exam.draw
             else f"{len(exam.question_ids)} soal")
    parts = [f"Kelas {plain(exam.class_name)}", count, f"waktu {exam.minutes:g} menit",
             f"ditutup {when(exam.closes_at)}"]
    if exam.attempts > 1:
        parts.append(f"kesempatan {item.used} dari {exam.attempts} terpakai")
    return " · ".join(parts)


def open_exams(session: ExamSession, learner: StudentInfo | None) -> bool:
    """The exams of the student's classes that have not closed, each with its button; True if any were shown."""
    if learner is None:
        return False
    store = data.store()
    found = student.save(store.student_class_exams, learner.id, time.time()) if store is not None else None
    if st.session_state.pop(REFUSED, False):
        st.warning("Ujian itu tidak bisa dimulai sekarang: waktunya belum dibuka atau sudah ditutup, atau "
                   "kesempatanmu sudah habis.")
    if not found:
        return False
    st.subheader("Ujian dari gurumu")
    now = time.time()
    for item in found:
        exam = item.exam
        with st.container(border=True):
            st.markdown(f"**{plain(exam.title)}**")
            st.caption(_describe(item, now))
            key = f"class_exam_{exam.id}"
            if item.open_attempt_id is not None:
                st.button("Lanjutkan ujian", key=key, type="primary", on_click=_resume, args=(session,))
            elif class_exam.status(exam, now) == class_exam.NOT_OPEN:
                st.info(f"Ujian ini baru bisa dimulai {when(exam.opens_at)}.")
            elif item.used >= exam.attempts:
                st.success("Kamu sudah mengerjakan ujian ini. Kesempatanmu sudah habis.")
            else:
                st.button("Mulai ujian kelas", key=key, type="primary", on_click=_begin,
                          args=(session, learner.id, exam.id))
    return True


def is_class_exam(session: ExamSession) -> bool:
    return class_exam.SETTING in session.settings


def heading(session: ExamSession, attempt, learner: StudentInfo | None) -> None:
    """Which class exam is running (its title and class), above its questions or results.

    A teacher who closes the exam early moves its end: the running attempt's deadline follows on this run, so
    it is submitted at once (the store already refuses answers after the stored deadline).
    """
    if learner is None or not is_class_exam(session):
        return
    store = data.store()
    found = student.save(store.student_class_exam, learner.id, session.settings[class_exam.SETTING]) if store else None
    if found is None:
        return
    st.markdown(f"**Ujian kelas: {plain(found.exam.title)}** · kelas {plain(found.exam.class_name)}")
    if not attempt.submitted and found.exam.closes_at < attempt.deadline:
        attempt.deadline = max(found.exam.closes_at, attempt.started_at)
        attempt.close_if_expired(time.time())


def after_results(session: ExamSession) -> None:
    """Below a class exam's results: back to the list (no retry with new questions)."""
    st.button("Kembali ke daftar ujian", type="primary", on_click=session.reset)
