"""The exam session module driven by a tiny class-exam page (AppTest): fixed items, window, attempts,
review setting, the on_start hook, resuming from the keeper and refusing late answers."""

from __future__ import annotations

import copy
import time

import pytest
from streamlit.testing.v1 import AppTest

from lessonkit.quiz import exam

SETUP: dict = {}  # what the page below uses: plan, attempts used, keeper, hook calls


class MemoryKeeper:
    """Keeps attempts like the database does: copies, so a resume gets a new object back."""

    def __init__(self):
        self.rows: dict[int, list] = {}

    def open(self):
        open_ = [(i, a, s) for i, (a, s) in self.rows.items() if a.submitted_at is None]
        return (open_[-1][0], copy.deepcopy(open_[-1][1]), dict(open_[-1][2])) if open_ else None

    def start(self, attempt, settings):
        self.rows[len(self.rows) + 1] = [copy.deepcopy(attempt), dict(settings)]
        return len(self.rows)

    def answer(self, attempt_id, question, response, score, at):
        self.rows[attempt_id][0].answers[question.id] = response

    def submit(self, attempt_id, submitted_at, score):
        self.rows[attempt_id][0].submitted_at = submitted_at


def class_exam_page():
    import streamlit as st

    from lessonkit.quiz import read_bank
    from tests.conftest import FIXTURES
    from tests.ui.learn.test_exam_session import SETUP
    from ui.learn.exam_session import ExamSession

    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])
    session = ExamSession(bank, SETUP["keeper"], prefix="kelas",
                          on_start=lambda attempt_id, plan: SETUP["started"].append((attempt_id, plan.settings)))
    attempt = session.current()
    session.show_notice()
    if attempt is None:
        st.button("Mulai ujian kelas", on_click=session.begin, args=(SETUP["plan"], SETUP["used"]))
        st.stop()
    if not attempt.submitted:
        session.show_running()
        st.stop()
    session.show_results()


@pytest.fixture
def page(monkeypatch, content_dir):
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.nav.link", lambda *args, **kwargs: None)  # no page registry in this one-page app
    SETUP.clear()
    SETUP.update(keeper=MemoryKeeper(), started=[], used=0,
                 plan=exam.Plan(("c-03", "c-01"), minutes=10, settings={"ujian_kelas": 7}))

    def open_page() -> AppTest:
        return AppTest.from_function(class_exam_page, default_timeout=30).run()

    return open_page


def _start(at):
    next(b for b in at.button if b.label == "Mulai ujian kelas").click().run()
    return at.session_state["kelas_attempt"] if "kelas_attempt" in at.session_state else None


def test_the_teachers_items_are_given_in_order_and_the_hook_records_the_class_exam(page):
    at = page()
    attempt = _start(at)
    assert attempt.question_ids == ["c-03", "c-01"]
    assert SETUP["started"] == [(1, {"ujian_kelas": 7})]
    assert SETUP["keeper"].rows[1][1] == {"ujian_kelas": 7, "review": True}
    assert at.text_input(key="kelas-db1-c-03") is not None
    assert not at.exception


@pytest.mark.parametrize(("window", "message"), [
    (lambda now: exam.Window(opens_at=now + 3600), "baru bisa dimulai"),
    (lambda now: exam.Window(closes_at=now - 1), "sudah berakhir"),
])
def test_outside_its_window_the_exam_does_not_start_and_says_why(page, window, message):
    SETUP["plan"] = exam.Plan(("c-01",), minutes=10, window=window(time.time()))
    at = page()
    assert _start(at) is None
    assert any(message in w.value for w in at.warning)
    assert SETUP["keeper"].rows == {}


def test_no_attempt_is_started_when_the_attempts_are_used_up(page):
    SETUP.update(plan=exam.Plan(("c-01",), minutes=10, attempts=1), used=lambda: 1)  # counted at the click
    at = page()
    assert _start(at) is None
    assert any("sudah habis (1 kali)" in w.value for w in at.warning)
    assert SETUP["keeper"].rows == {}


def test_the_window_end_cuts_the_time_limit(page):
    closes = time.time() + 90
    SETUP["plan"] = exam.Plan(("c-01",), minutes=30, window=exam.Window(closes_at=closes))
    attempt = _start(page())
    assert attempt.deadline == closes


def test_answers_are_saved_one_by_one_and_the_attempt_resumes_elsewhere(page):
    at = page()
    _start(at)
    at.text_input(key="kelas-db1-c-03").input("kode etik").run()
    assert SETUP["keeper"].rows[1][0].answers == {"c-03": "kode etik"}
    elsewhere = page()
    resumed = elsewhere.session_state["kelas_attempt"]
    assert resumed.answers == {"c-03": "kode etik"}
    assert elsewhere.text_input(key="kelas-db1-c-03").value == "kode etik"


def test_a_late_answer_is_refused_and_the_exam_submits_itself(page):
    at = page()
    attempt = _start(at)
    attempt.deadline = attempt.started_at - 10
    at.radio(key="kelas-db1-c-01").set_value(1).run()
    assert "c-01" not in attempt.answers and attempt.submitted
    assert SETUP["keeper"].rows[1][0].submitted_at is not None, "the submission is saved"
    assert any("Waktu habis" in i.value for i in at.info)


def test_the_review_is_hidden_after_submission_when_the_teacher_says_so(page):
    SETUP["plan"] = exam.Plan(("c-01",), minutes=10, show_review=False)
    at = page()
    _start(at)
    at.radio(key="kelas-db1-c-01").set_value(1).run()
    next(b for b in at.button if b.label == "Kumpulkan jawaban").click().run()
    assert {m.label: m.value for m in at.metric}["Nilai"] == "100"
    assert not [e for e in at.expander if e.label.startswith("Soal")]
    assert any("Pembahasan ujian ini tidak ditampilkan" in i.value for i in at.info)


def test_the_review_is_shown_by_default(page):
    at = page()
    _start(at)
    next(b for b in at.button if b.label == "Kumpulkan jawaban").click().run()
    next(b for b in at.button if b.label.startswith("Ya, kumpulkan")).click().run()
    assert len([e for e in at.expander if e.label.startswith("Soal")]) == 2
