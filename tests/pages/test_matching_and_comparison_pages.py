"""Matching questions with distractors in practice, exam review and presentation; a one-sided comparison row."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lessonkit.display.slides import build_deck
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.quiz import read_bank
from tests.conftest import ROOT

APP = str(ROOT / "app_script.py")
QUIZ = """\
id: kuis-jodoh
title: Kuis Menjodohkan
time_limit_minutes: 5
questions:
  - id: j-01
    type: matching
    level: L2
    section: satu
    prompt: Pasangkan setiap contoh dengan jenis kelompoknya.
    explanation: Pembahasan singkat.
    pairs:
      - {left: Ikatan bidan, right: Kelompok profesi}
      - {left: Taman baca tanpa bayaran, right: "Kelompok *volunteer*"}
      - {left: Keluarga besar, right: Kelompok kekerabatan}
    distractors: [Masyarakat setempat]
"""
RIGHT = {"Ikatan bidan": "Kelompok profesi", "Taman baca tanpa bayaran": "Kelompok *volunteer*",
         "Keluarga besar": "Kelompok kekerabatan"}


@pytest.fixture
def at(monkeypatch, content_dir, tmp_path):
    quizzes = tmp_path / "kuis"
    quizzes.mkdir()
    (quizzes / "jodoh.yaml").write_text(QUIZ, encoding="utf-8")
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", quizzes)
    return AppTest.from_file(APP, default_timeout=30)


def _button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def _answer(at):
    """Pick the right option in every select box by its shown text (emphasis removed)."""
    for box in at.selectbox:
        if box.label in RIGHT:
            wanted = RIGHT[box.label].replace("*", "")
            box.select(wanted).run()


def test_practice_offers_the_distractor_among_the_choices_and_grades_the_pairs(at):
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    boxes = [b for b in at.selectbox if b.label in RIGHT]
    assert len(boxes) == 3
    assert sorted(boxes[0].options) == sorted(["Kelompok profesi", "Kelompok volunteer", "Kelompok kekerabatan",
                                               "Masyarakat setempat"])
    assert any("tidak punya pasangan" in m.value for m in at.markdown)
    _answer(at)
    _button(at, "Periksa").click().run()
    assert "Benar" in at.success[0].value and "100%" in at.success[0].value
    assert not at.exception


def test_exam_review_shows_the_students_pairs_without_markdown_marks(at):
    at.switch_page("app_pages/ujian.py").run()
    at.selectbox[0].set_value("kuis-jodoh").run()
    _button(at, "Mulai ujian").click().run()
    _answer(at)
    _button(at, "Kumpulkan jawaban").click().run()
    assert {m.label: m.value for m in at.metric}["Nilai"] == "100"
    review = " ".join(m.value for m in at.markdown if m.value.startswith("**Jawabanmu:**"))
    assert "Kelompok volunteer" in review and "Masyarakat" not in review
    assert not at.exception


def matching_slide() -> int:
    """The number of the shipped deck's first matching question slide."""
    lesson = load_lesson(ROOT / "content")
    bank = read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)
    deck = build_deck(lesson, load_diagrams(ROOT / "content", lesson.section_ids), bank)
    return next(n for n, s in enumerate(deck, start=1)
                if s.kind == "question" and bank.question(s.question_id).type == "matching")


def test_a_matching_discussion_slide_letters_the_options_and_marks_the_distractor_on_reveal():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["slide"] = str(matching_slide())
    at.switch_page("app_pages/presentasi.py").run()
    text = " ".join(m.value for m in at.markdown)
    assert "**A.**" in text and "tidak punya pasangan" not in text
    _button(at, "Tampilkan jawaban").click().run()
    text = " ".join(m.value for m in at.markdown)
    assert text.count("tidak punya pasangan") >= 1 and "**Pembahasan.**" in text
    assert not at.exception


def test_the_comparison_text_version_says_which_stage_has_no_counterpart():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["diagram"] = "perbandingan-proses"
    at.switch_page("app_pages/diagram.py").run()
    text = " ".join(m.value for m in at.markdown)
    assert "**Mengembangkan Kode Etik** (Langkah Pembentukan Kelompok Profesi) — tidak ada padanan sejati" in text
    assert "**Identifikasi Masalah dan Kebutuhan** (Siklus Pembentukan Kelompok Volunteer) — tidak ada padanan" in text
    assert not at.exception
