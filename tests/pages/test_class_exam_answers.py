"""A class exam made from each shipped quiz (most have a matching question) with AppTest: a student answers on
Ujian, resumes in a new session with every answer back in its widget, submits and reads the review; the teacher's
Analisis Butir and its Excel and CSV downloads score the answers as they were given."""

from __future__ import annotations

import io
import time

import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import grade, read_bank
from lessonkit.quiz.stored import from_stored
from lessonkit.quiz.types import matching, module_of, ordering
from lessonkit.storage.models import ExamAnswer
from tests import class_exam_data as exam_data
from tests.conftest import ROOT
from tests.pages.test_class_exam_pages import member_on_ujian
from tests.pages.test_teacher_pages import HASH, button, fresh, page, sign_in, texts

BANK = read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)
SHIPPED = [quiz.id for quiz in BANK.quizzes]
WIDGETS = ("radio", "checkbox", "selectbox", "multiselect", "text_input", "text_area")


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """file name -> the bytes a download button of the run hands to the browser."""
    captured: dict[str, bytes] = {}
    original = MediaFileManager.add

    def spy(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if file_name:
            captured[file_name] = path_or_data
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", spy)
    return captured


def widget(at, key: str):
    return next(w for kind in WIDGETS for w in getattr(at, kind) if w.key == key)


def arrange(at, key: str, order: list[int], wanted: list[int]):
    """An ordering question put in ``wanted`` order with its ↑ buttons, as a student would (one run a press)."""
    for target, item in enumerate(wanted):
        shown = at.session_state[key] if key in at.session_state else list(order)
        for position in range(shown.index(item), target, -1):
            at = at.button(key=f"{key}-up-{position}").click().run()
    return at


def shown_value(at, key: str):
    """What a question's widget shows: a widget's value, or the ordering widget's state (it has no widget)."""
    keyed = [w for kind in WIDGETS for w in getattr(at, kind) if w.key == key]
    return keyed[0].value if keyed else at.session_state[key]


def widget_state(session_key: str, attempt, question_id: str, response) -> dict:
    """The widget values that show ``response`` to ``question_id`` (each type's own `state`)."""
    q = BANK.question(question_id)
    return module_of(q).state(q, f"{session_key}-{question_id}", attempt.orders[question_id], response)


def test_the_shipped_quizzes_cover_matching_questions():
    with_matching = [quiz.id for quiz in BANK.quizzes if any(isinstance(q, matching.Question) for q in quiz.questions)]
    assert len(with_matching) >= 5, with_matching


@pytest.mark.parametrize("quiz", SHIPPED)
def test_a_class_exam_from_a_shipped_quiz_is_resumed_reviewed_analysed_and_downloaded(store, downloads, quiz):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass, made = exam_data.class_with_exam(store, BANK, sari, quiz=quiz)
    ana, at = member_on_ujian(store, klass)
    at = button(at, "Mulai ujian kelas").click().run()
    attempt_id = store.student_class_exam(ana.id, made.id).open_attempt_id
    attempt, _ = store.load_exam(attempt_id)
    given = {qid: module_of(BANK.question(qid)).perfect(BANK.question(qid)) for qid in made.question_ids}
    prefix = f"exam-db{attempt_id}"
    for qid, response in given.items():
        for key, value in widget_state(prefix, attempt, qid, response).items():
            if isinstance(BANK.question(qid), ordering.Question):
                at = arrange(at, key, attempt.orders[qid], value)
            else:
                widget(at, key).set_value(value)
    at = at.run()
    assert not at.exception
    kept, _ = store.load_exam(attempt_id)
    assert {qid: grade(BANK.question(qid), from_stored(BANK.question(qid), value)).score
            for qid, value in kept.answers.items()} == dict.fromkeys(made.question_ids, 1.0)

    resumed = fresh()  # a new session (another device, or the page reloaded): the answers come back
    resumed.query_params["kode"] = ana.code
    resumed = page("app_pages/ujian.py", resumed)
    assert not resumed.exception
    for qid, response in given.items():
        for key, value in widget_state(prefix, attempt, qid, response).items():
            assert shown_value(resumed, key) == value, (qid, key)
    resumed = button(resumed, "Kumpulkan jawaban").click().run()
    assert not resumed.exception and "Pembahasan" in [s.value for s in resumed.subheader]
    shown = texts(resumed)
    for qid in made.question_ids:
        q = BANK.question(qid)
        assert module_of(q).answer_text(q, given[qid]) in shown.replace("\\", "")
    assert "Jawaban benar" in [m.label for m in resumed.metric]
    assert next(m.value for m in resumed.metric if m.label == "Nilai") == "100"

    for name, parity in (("Budi", 0), ("Cici", 1)):  # each answers every other question right
        learner = store.create_student(name)
        store.join_class(learner.id, klass.join_code)
        taken = store.start_class_exam(learner.id, made.id, attempt, {"ujian_kelas": made.id}, time.time())
        for n, qid in enumerate(made.question_ids):
            if n % 2 == parity:
                q = BANK.question(qid)
                store.save_exam_answer(taken, q, given[qid], 1.0, time.time())
        store.submit_exam(taken, time.time(), 0.5)
    expected = {qid: (1 + (n % 2 == 0) + (n % 2 == 1)) / 3 for n, qid in enumerate(made.question_ids)}

    teacher = sign_in(page("app_pages/hasil_kelas.py"))
    assert not teacher.exception
    table = next(d.value for d in teacher.dataframe if "Kategori P" in d.value.columns)
    shown = [label.rsplit("(", 1)[-1].rstrip(")") for label in table["Soal"]]  # "Start of the text… (id)"
    assert dict(zip(shown, table["P"], strict=True)) == {
        qid: f"{p:.2f}".replace(".", ",") for qid, p in expected.items()}
    stem = "ulangan-harian-1"
    excel = openpyxl.load_workbook(io.BytesIO(downloads[f"analisis-{stem}.xlsx"]))
    sheet = excel["Nilai"]
    header = [c.value for c in sheet[1]]
    rows = {row[header.index("Nama")]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert [rows["Ana"][header.index(qid)] for qid in made.question_ids] == [1] * len(made.question_ids)
    scores = pd.read_csv(io.BytesIO(downloads[f"{stem}-nilai.csv"]), encoding="utf-8-sig").set_index("Nama")
    assert scores.loc["Ana", list(made.question_ids)].tolist() == [1.0] * len(made.question_ids)
    assert scores.loc["Budi", list(made.question_ids)].sum() == len(made.question_ids[::2])
    items = pd.read_csv(io.BytesIO(downloads[f"{stem}-analisis-butir.csv"]), encoding="utf-8-sig")
    assert set(items["Soal"]) == set(made.question_ids)


def test_a_matching_answer_saved_as_text_by_an_older_version_comes_back_when_the_exam_resumes(store):
    sari = store.add_teacher("Sari", username="sari", password_hash=HASH)
    klass, made = exam_data.class_with_exam(store, BANK, sari)
    ana, at = member_on_ujian(store, klass)
    button(at, "Mulai ujian kelas").click().run()
    attempt_id = store.student_class_exam(ana.id, made.id).open_attempt_id
    attempt, _ = store.load_exam(attempt_id)
    q = next(BANK.question(qid) for qid in made.question_ids if isinstance(BANK.question(qid), matching.Question))
    answer = module_of(q).perfect(q)
    with store._session() as session, session.begin():  # the row as the older code wrote it
        session.add(ExamAnswer(attempt_id=attempt_id, question_id=q.id, section_id=q.section, response=str(answer),
                               score=1.0, answered_at=time.time()))
    resumed = fresh()
    resumed.query_params["kode"] = ana.code
    resumed = page("app_pages/ujian.py", resumed)
    assert not resumed.exception
    for key, value in widget_state(f"exam-db{attempt_id}", attempt, q.id, answer).items():
        assert widget(resumed, key).value == value
