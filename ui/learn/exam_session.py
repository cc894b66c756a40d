"""One exam in a Streamlit session: start, resume, save answer by answer, submit, auto-submit, results.

Shared by the practice exam (app_pages/ujian.py) and class exams. The rules
(deadline, window, attempts, late answers) are in `lessonkit.quiz.exam`; this
module keeps the attempt in ``st.session_state`` and draws it. Pages decide
what to start and which buttons follow the results.

API::

    session = ExamSession(bank, keeper=class_exam_view.keeper(learner), prefix="exam", on_start=None)
    attempt = session.current()        # resumes the open attempt from the keeper; auto-submits when due
    session.begin(plan, attempts_used=0)   # on_click; refuses outside plan.window / beyond plan.attempts
    session.show_notice()              # the refusal of the last begin(), in Indonesian, if any
    session.show_running()             # timer, questions (each saved when answered), submit with confirmation
    session.show_results()             # saves the submission once; score, per-section chart, review if allowed
    session.settings, session.reset()  # what the attempt was started with; forget it (back to the setup)

- ``plan`` is a `lessonkit.quiz.exam.Plan`: the question ids in order (a class
  exam passes the teacher's fixed ids; options are shuffled per attempt), the
  time limit, a `Window` (cannot start outside it; deadline = min(start +
  limit, window end)), the number of attempts allowed (the caller counts those
  used), ``show_review`` and ``settings`` stored with the attempt (put a class
  exam's id there; ``settings["review"]`` carries ``show_review`` across a resume).
- ``keeper`` stores attempts (see `Keeper`; `StudentKeeper` uses the student's
  `Store`; `ui.learn.class_exam_view.ClassExamKeeper` saves a class exam's attempt
  only when the server allows it; None keeps nothing, so a reload loses the exam). A class exam can
  pass a keeper whose ``open()`` only finds attempts of that exam.
- ``on_start(attempt_id, plan)`` runs after the keeper saved a new attempt:
  the hook to record which class exam an attempt belongs to.
- ``prefix`` names the session-state keys (``{prefix}_attempt``, ``{prefix}_token``,
  …) and widget keys (``{prefix}-{token}-{question id}``), so two exams on one
  page do not collide.

A class exam, for example::

    plan = exam.Plan(tuple(fixed_ids), minutes, settings={"ujian_kelas": exam_id},
                     window=exam.Window(opens_at, closes_at), attempts=2, show_review=False)
    session = ExamSession(bank, keeper, on_start=lambda attempt_id, plan: link(attempt_id, exam_id))
    st.button("Mulai ujian", on_click=session.begin, args=(plan, lambda: attempts_used(exam_id)))

`StudentKeeper.open` resumes the student's newest unsubmitted attempt of any
kind, so one session on the Ujian page resumes a class exam as well; read
``session.settings`` to tell which one it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import streamlit as st

from lessonkit.quiz import Bank, exam, grade
from lessonkit.quiz.base import QuestionBase
from lessonkit.quiz.grading import Verdict
from lessonkit.quiz.stored import restored_answers
from lessonkit.quiz.types import module_of
from ui import student
from ui.data import when
from ui.learn import countdown, quiz_view

if TYPE_CHECKING:
    from lessonkit.storage import Store



class Keeper(Protocol):
    """Where attempts are kept between reruns, reloads and server restarts."""

    def open(self) -> tuple[int, exam.Attempt, dict] | None:
        """The attempt to resume: (id, attempt, settings), or None."""

    def start(self, attempt: exam.Attempt, settings: dict) -> int | None:
        """Save a new attempt; its id, or None when it could not be saved."""

    def answer(self, attempt_id: int, question: QuestionBase, response, score: float | None, at: float) -> bool | None:
        """Save one answer: True if kept, False if the server refused it (the attempt was submitted elsewhere, or
        its stored deadline passed: a teacher may close a class exam early), None if the database failed."""

    def submit(self, attempt_id: int, submitted_at: float, score: float) -> None:
        """Save the submission."""


@dataclass(frozen=True)
class StudentKeeper:
    """A student's attempts in the database; a failing database is told in Indonesian, never fatal."""

    store: Store
    student_id: int

    def open(self):
        return student.save(self.store.open_exam, self.student_id)

    def start(self, attempt, settings):
        return student.save(self.store.start_exam, self.student_id, attempt, settings)

    def answer(self, attempt_id, question, response, score, at):
        return student.save(self.store.save_exam_answer, attempt_id, question, response, score, at)

    def submit(self, attempt_id, submitted_at, score):
        student.save(self.store.submit_exam, attempt_id, submitted_at, score)


def refusal_text(reason: str, plan: exam.Plan) -> str:
    return {
        exam.NOT_OPEN: f"Ujian ini baru bisa dimulai {when(plan.window.opens_at or 0)}.",
        exam.CLOSED: "Waktu ujian ini sudah berakhir, jadi ujian tidak bisa dimulai lagi.",
        exam.NO_ATTEMPTS_LEFT: f"Kesempatanmu mengerjakan ujian ini sudah habis ({plan.attempts} kali).",
        exam.NO_QUESTIONS: "Belum ada soal yang bisa dipakai untuk ujian ini.",
    }[reason]


class ExamSession:
    def __init__(self, bank: Bank, keeper: Keeper | None = None, *, prefix: str = "exam",
                 on_start: Callable[[int, exam.Plan], None] | None = None):
        self.bank, self.keeper, self.prefix, self.on_start = bank, keeper, prefix, on_start
        self._known = {q.id for q in bank.questions}

    # -- state ---------------------------------------------------------------------------------------------

    def _key(self, name: str) -> str:
        return f"{self.prefix}_{name}"

    def _get(self, name: str, default=None):
        return st.session_state.get(self._key(name), default)

    def _put(self, **values) -> None:
        st.session_state.update({self._key(name): value for name, value in values.items()})

    def _drop(self, *names: str) -> None:
        for name in names:
            st.session_state.pop(self._key(name), None)

    @property
    def token(self) -> str:
        return self._get("token", "s0")

    @property
    def settings(self) -> dict:
        return self._get("settings") or {}

    def widget_key(self, question_id: str) -> str:
        return f"{self.prefix}-{self.token}-{question_id}"

    def _attempt(self) -> exam.Attempt | None:
        attempt = self._get("attempt")
        if attempt is not None and any(qid not in self._known for qid in attempt.question_ids):
            return None  # the bank changed under this attempt
        return attempt

    def current(self) -> exam.Attempt | None:
        """This session's attempt (resumed from the keeper if there is none yet), submitted if time is up."""
        if self._get("attempt") is None:
            self._resume()
        attempt = self._attempt()
        if attempt is not None:
            attempt.close_if_expired(time.time())
        return attempt

    def _resume(self) -> None:
        found = self.keeper.open() if self.keeper is not None else None
        if found is None:
            return
        attempt_id, resumed, settings = found
        resumed.answers.update(restored_answers(self.bank, resumed.answers))
        self._put(attempt=resumed, settings=settings, attempt_id=attempt_id, token=f"db{attempt_id}")
        for question_id, response in resumed.answers.items():
            if question_id in self._known:
                q = self.bank.question(question_id)
                st.session_state.update(module_of(q).state(q, self.widget_key(question_id),
                                                           resumed.orders.get(question_id), response))
        st.toast("Ujianmu yang belum selesai dilanjutkan.")

    # -- actions (used as widget callbacks) ----------------------------------------------------------------

    def begin(self, plan: exam.Plan, attempts_used: int | Callable[[], int] = 0) -> None:
        """Start ``plan`` now, or keep the reason it cannot start for `show_notice`.

        ``attempts_used`` may be a function, so the count is read from the database at the click.
        """
        used = attempts_used() if callable(attempts_used) else attempts_used
        try:
            new = exam.begin(self.bank, plan, time.time(), used)
        except exam.ExamRefused as refused:
            self._put(notice=refusal_text(refused.reason, plan))
            return
        settings = plan.stored_settings()
        attempt_id = self.keeper.start(new, settings) if self.keeper is not None else None
        if attempt_id is not None and self.on_start is not None:
            self.on_start(attempt_id, plan)
        self._put(settings=settings, attempt=new, attempt_id=attempt_id,
                  token=f"db{attempt_id}" if attempt_id else f"s{time.time_ns()}")
        self._drop("confirm", "late", "notice")

    def reset(self) -> None:
        self._drop("attempt")

    def _record(self, question_id: str, key: str) -> None:
        attempt = self._get("attempt")
        q = self.bank.question(question_id)
        response = module_of(q).read(q, key, attempt.orders[question_id], st.session_state)
        now = time.time()
        had, before = question_id in attempt.answers, attempt.answers.get(question_id)
        if not attempt.record(question_id, response, now):
            self._put(late=True)
            return
        if self._get("attempt_id") and self.keeper is not None:
            kept = self.keeper.answer(self._get("attempt_id"), q, response, grade(q, response).score, now)
            if kept is False:  # the server's deadline is earlier than this page's: the exam is over
                if had:
                    attempt.answers[question_id] = before
                else:
                    attempt.answers.pop(question_id, None)
                attempt.submit(now)
                self._put(late=True)

    def _submit(self) -> None:
        self._get("attempt").submit(time.time())

    def _answered(self, question_id: str) -> bool:
        q = self.bank.question(question_id)
        return module_of(q).is_answered(q, self._get("attempt").answers.get(question_id))

    def _missing(self) -> int:
        return sum(1 for qid in self._get("attempt").question_ids if not self._answered(qid))

    def _request_submit(self) -> None:
        """Submit at once when every question is answered; otherwise ask first."""
        if self._missing():
            self._put(confirm=True)
        else:
            self._submit()

    # -- views ---------------------------------------------------------------------------------------------

    def show_notice(self) -> None:
        notice = self._get("notice")
        if notice:
            st.warning(notice)
            self._drop("notice")

    def show_running(self) -> None:
        attempt, bank = self._get("attempt"), self.bank
        remaining = attempt.remaining(time.time())
        total = len(attempt.question_ids)
        countdown.exam_bar(remaining, total - self._missing(), total, self.prefix)
        countdown.submit_when_due(remaining, exam.GRACE_SECONDS, attempt.close_if_expired)
        st.caption("Setiap jawaban langsung tercatat di server. Untuk isian singkat, tekan Enter setelah mengetik.")

        @st.fragment
        def question_box(question_id: str, number: int) -> None:
            """One question; answering it reruns only this box (forty students answer at once)."""
            key = self.widget_key(question_id)
            with st.container(border=True, key=countdown.question_key(self.prefix, number)):
                quiz_view.question(bank.question(question_id), bank, number=number, key=key,
                                   order=attempt.orders[question_id], on_change=self._record,
                                   args=(question_id, key))
                if self._get("late"):
                    st.warning("Waktu sudah habis: jawaban ini tidak diterima.")
                    st.rerun()  # the whole page: the exam is over, its results replace the questions
                elif question_id in attempt.answers:
                    marker = countdown.answered_key(self.prefix, number) if self._answered(question_id) else None
                    st.container(key=marker).caption("✓ Jawaban tercatat")

        for number, question_id in enumerate(attempt.question_ids, start=1):
            question_box(question_id, number)
        if self._get("confirm") and self._missing():
            st.warning(f"Masih ada {self._missing()} soal yang belum dijawab. Yakin mau mengumpulkan sekarang?")
            st.button("Ya, kumpulkan sekarang", type="primary", on_click=self._submit)
        else:
            st.button("Kumpulkan jawaban", type="primary", on_click=self._request_submit)

    def show_results(self) -> None:
        attempt, bank = self._get("attempt"), self.bank
        results = exam.results(attempt, bank)
        score = exam.score(attempt, bank)
        attempt_id = self._get("attempt_id")
        countdown.to_top_once(f"{self.prefix}-{self.token}")
        if attempt_id and self.keeper is not None and self._get("submit_saved") != attempt_id:
            self.keeper.submit(attempt_id, attempt.submitted_at, score)
            self._put(submit_saved=attempt_id)
        if self._get("late") or (attempt.submitted_at or 0) >= attempt.deadline:
            st.info("Waktu habis. Jawabanmu dikumpulkan otomatis; jawaban yang masuk setelah batas waktu tidak "
                    "dihitung.")
        right = sum(1 for r in results if r.grade.status is Verdict.RIGHT)
        left, middle, right_col = st.columns(3)
        left.metric("Nilai", f"{round(score * 100)}")
        middle.metric("Jawaban benar", f"{right} dari {len(results)}")
        used = int((attempt.submitted_at or attempt.deadline) - attempt.started_at)
        right_col.metric("Waktu dipakai", f"{used // 60}:{used % 60:02d}")
        st.subheader("Skor per bagian materi")
        st.plotly_chart(quiz_view.section_chart(exam.section_scores(attempt, bank)),
                        config={"displayModeBar": False})
        if self.settings.get("review", True):
            st.subheader("Pembahasan")
            quiz_view.review(results)
        else:
            st.info("Pembahasan ujian ini tidak ditampilkan. Tanyakan kepada gurumu bila ingin membahasnya.")
