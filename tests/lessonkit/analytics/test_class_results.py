"""Class overview helpers: distinct labels, mastery per student and section, the heatmap, the exam matrix."""

from __future__ import annotations

from datetime import datetime

import pytest

from lessonkit.analytics.class_results import distinct_labels, exam_matrix, mastery_frames, mastery_heatmap
from lessonkit.analytics.export import score_table
from lessonkit.quiz import read_bank
from lessonkit.storage import Answer
from tests.conftest import FIXTURES


def answer(section: str, score: float) -> Answer:
    return Answer("latihan", "q", section, score, datetime(2026, 12, 1))


def test_repeated_names_get_a_number_so_they_stay_two_students():
    assert distinct_labels(["Ana", "Budi", "Ana", "Ana"]) == ["Ana", "Budi", "Ana (2)", "Ana (3)"]


def test_a_number_never_lands_on_a_name_a_student_really_has():
    assert distinct_labels(["Ani", "Ani", "Ani (2)"]) == ["Ani", "Ani (3)", "Ani (2)"]


def test_an_exam_matrix_keyed_by_student_id_keeps_two_students_with_one_name_apart():
    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])
    matrix = exam_matrix(bank, ["c-01"], {7: {"c-01": 0}, 9: {"c-01": 1}}, labels={7: "Ani", 9: "Ani (2)"})
    table = score_table(matrix.analyse())
    assert len(table) == 2 and sorted(table["Nama"]) == ["Ani", "Ani (2)"]


def test_mastery_per_student_and_section_and_its_heatmap():
    averages, levels = mastery_frames({"Ana": [answer("satu", 1.0)] * 3, "Budi": [answer("dua", 0.2)]},
                                      ["satu", "dua"])
    assert averages.loc["Ana", "satu"] == 1.0 and levels.loc["Ana", "satu"] == "Mahir"
    assert levels.loc["Ana", "dua"] == "Belum" and levels.loc["Budi", "dua"] == "Mulai"
    figure = mastery_heatmap(averages, levels, ["Satu", "Dua"], ["Ana", "Budi"])
    heat = figure.data[0]
    assert list(heat.y) == ["Ana", "Budi"] and heat.text[0] == ["Mahir", "–"] and heat.z[1][1] == pytest.approx(20)


def test_the_exam_matrix_leaves_out_questions_gone_from_the_bank():
    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])
    matrix = exam_matrix(bank, ["c-01", "hilang"], {"Ana": {"c-01": 0}, "Budi": {"c-01": 1}})
    assert list(matrix.scores.columns) == ["c-01"] and sorted(matrix.scores["c-01"]) == [0.0, 1.0]


def test_items_are_labelled_by_the_start_of_their_question_text_and_their_id():
    from lessonkit.analytics.class_results import item_labels
    from lessonkit.quiz import read_bank
    from tests.conftest import FIXTURES

    bank = read_bank([FIXTURES / "quizzes_ok"], section_ids=["satu", "dua"])
    question = bank.questions[0]
    labels = item_labels(bank, [question.id, "hilang"], limit=20)
    assert labels[question.id].endswith(f"({question.id})") and len(labels[question.id]) <= 20 + 3 + len(question.id)
    assert labels["hilang"] == "hilang"


def test_figures_that_need_more_students_say_how_many():
    from lessonkit.analytics import MIN_STUDENTS, too_few_students

    assert too_few_students(MIN_STUDENTS - 1) == f"perlu minimal {MIN_STUDENTS} siswa"
    assert too_few_students(MIN_STUDENTS) is None
