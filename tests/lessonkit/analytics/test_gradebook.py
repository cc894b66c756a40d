"""The gradebook and the Nilai sheet give the weighted mark of `exam.answers_score`, and name who did not start."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from lessonkit.analytics import gradebook
from lessonkit.analytics.class_results import exam_matrix
from lessonkit.analytics.export import csv_files, workbook
from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from lessonkit.storage import ExamTake, LiveStudentTotal
from tests.conftest import ROOT

QUESTIONS = ("pd-01", "kd-01", "kd-02")  # a 2-point multiple-answer question, two 1-point single choices


@pytest.fixture(scope="module")
def bank():
    return read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)


def _right(bank, qid):
    options = bank.question(qid).options
    correct = [i for i, o in enumerate(options) if o.correct]
    return correct if bank.question(qid).type == "multiple" else correct[0]


def _wrong(bank, qid):
    options = bank.question(qid).options
    wrong = [i for i, o in enumerate(options) if not o.correct]
    return wrong[:1] if bank.question(qid).type == "multiple" else wrong[0]


def _take(bank, student_id, name, right, submitted=True):
    responses = {q: _right(bank, q) if q in right else _wrong(bank, q) for q in QUESTIONS}
    return ExamTake(student_id, name, student_id, 1.0, 5.0 if submitted else None, None, QUESTIONS, responses)


@pytest.fixture
def takes(bank):
    return [_take(bank, 1, "Ana", {"pd-01", "kd-01"}), _take(bank, 2, "Budi", {"kd-01", "kd-02"}),
            _take(bank, 3, "Cici", set(), submitted=False)]


def test_a_two_point_multiple_answer_question_counts_twice_in_the_mark(bank, takes):
    column = gradebook.exam_column(bank, "Ulangan", takes)
    assert column.cell(1) == 75 and column.cell(2) == 50  # (2 + 1) / 4 and 2 / 4; one point each would say 67, 67
    assert column.marks([1, 2, 3]) == [75, 50]


def test_members_who_did_not_start_or_submit_are_named_so_and_totals_count_what_was_done(bank, takes):
    exam = gradebook.exam_column(bank, "Ulangan", takes)
    live = gradebook.live_column("Kuis Langsung", [LiveStudentTotal(1, "Ana", 1, 900, 1, 2, 0.5, 1),
                                                   LiveStudentTotal(2, "anonim", None, 800, 1, 2, 0.5, 2)])
    book = gradebook.table({1: "Ana", 2: "Budi", 3: "Cici", 4: "Dodi"}, [exam, live])
    rows = {r["Nama panggilan"]: r for r in book.to_dict("records")}
    assert rows["Ana"]["Ulangan"] == 75 and rows["Ana"]["Kuis Langsung"] == 50 and rows["Ana"]["Rata-rata"] == 62.5
    assert rows["Budi"]["Kuis Langsung"] == gradebook.NOT_STARTED  # the anonymous player is not Budi
    assert rows["Cici"]["Ulangan"] == gradebook.NOT_SUBMITTED and rows["Cici"]["Dikerjakan"] == "0 dari 2"
    assert rows["Dodi"]["Ulangan"] == gradebook.NOT_STARTED and pd.isna(rows["Dodi"]["Rata-rata"])


def test_the_nilai_sheet_and_csv_give_the_weighted_marks_and_list_who_did_not_start(bank, takes):
    submitted = [t for t in takes if t.submitted_at is not None]
    analysis = exam_matrix(bank, QUESTIONS, {t.display_name: t.responses for t in submitted}).analyse()
    column = gradebook.exam_column(bank, "Ulangan", takes)
    marks = {"Ana": column.cell(1), "Budi": column.cell(2), "Cici": column.cell(3), "Dodi": column.cell(4)}
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(workbook(analysis, marks)))["Nilai"]
            .iter_rows()]
    nilai = rows[0].index("Nilai")
    assert [(r[1], r[nilai]) for r in rows[1:]] == [("Ana", 75), ("Budi", 50), ("Cici", gradebook.NOT_SUBMITTED),
                                                     ("Dodi", gradebook.NOT_STARTED)]
    text = csv_files(analysis, marks)["nilai.csv"].decode("utf-8-sig")
    assert ",75," in text and "Dodi" in text and gradebook.NOT_STARTED in text
    assert "Rata-rata nilai,62.5" in csv_files(analysis, marks)["ringkasan.csv"].decode("utf-8-sig")
