"""Printed PDFs: text read back with pypdf (an independent reader), page sizes and page counts."""

from __future__ import annotations

import io
from functools import lru_cache

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.printing import answer_key, handout, worksheet
from lessonkit.printing.answer_key import key_of
from lessonkit.printing.layout import layout
from tests.conftest import ROOT
from tests.lessonkit.exchange.helpers import bank_selection

pypdf = pytest.importorskip("pypdf", reason="pypdf is in requirements-dev.txt")
MM = 72 / 25.4


def _pages(data: bytes):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader.pages


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in _pages(data))


@lru_cache(maxsize=4)
def _handout(paper: str) -> bytes:
    return handout(load_lesson(ROOT / "content"), paper)


@pytest.mark.parametrize("paper, size", [("A4", (210, 297)), ("F4", (215, 330))])
def test_every_document_has_the_chosen_paper_size_and_numbered_pages(paper, size):
    selection = bank_selection(quizzes=["konsep-dasar"])
    for data in (worksheet(selection, paper), answer_key(selection, paper), _handout(paper)):
        pages = _pages(data)
        box = pages[0].mediabox
        assert (round(float(box.width) / MM), round(float(box.height) / MM)) == size
        assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1].extract_text()


def test_f4_needs_fewer_pages_than_a4_for_the_same_handout():
    assert len(_pages(_handout("F4"))) < len(_pages(_handout("A4")))


def test_worksheet_has_name_fields_every_question_and_its_answer_space():
    selection = bank_selection(quizzes=["konsep-dasar"])
    text = _text(worksheet(selection))
    assert "Nama:" in text and "Kelas:" in text and "Tanggal:" in text
    for number in range(1, len(selection.items) + 1):
        assert f"{number}." in text
    assert "Beri tanda ✓ pada salah satu kotak untuk setiap pernyataan." in text and "B = Benar; S = Salah" in text
    assert "Tulis jawabanmu di garis yang tersedia." in text


def test_worksheet_marks_all_or_nothing_questions_before_they_are_answered():
    text = " ".join(_text(worksheet(bank_selection(quizzes=["studi-kasus"]))).split())
    assert "Pilihan ganda kompleks · 2 poin · Semua harus benar (tanpa skor sebagian)." in text


def test_answer_key_tells_the_typos_a_short_answer_tolerates_as_the_app_grades_it():
    text = " ".join(_text(answer_key(bank_selection(quizzes=["konsep-dasar"]))).split())
    assert "Isian singkat · 1 poin · salah ketik sampai 1 huruf diterima" in text  # kd-07: okupasional


def test_paket_a_and_b_hold_the_same_questions_in_different_orders():
    selection = bank_selection(quizzes=["kelompok-profesi"])
    a, b = layout(selection, "A"), layout(selection, "B")
    ids = [[row.question.id for block in packet for row in block.questions] for packet in (a, b)]
    assert sorted(ids[0]) == sorted(ids[1]) == sorted(q.id for q in selection.questions)
    assert ids[0] != ids[1]
    text = _text(worksheet(selection, packets=True))
    assert "PAKET A" in text and "PAKET B" in text


def test_stimulus_groups_stay_together_in_every_packet():
    selection = bank_selection(quizzes=["studi-kasus"])
    for paket in (None, "A", "B"):
        for block in layout(selection, paket):
            stimuli = {row.question.stimulus for row in block.questions}
            assert len(stimuli) == 1
    text = _text(worksheet(selection))
    assert "Bacalah teks berikut untuk menjawab soal nomor 1–" in text


def test_answer_key_uses_the_worksheets_letters_and_puts_essay_rubrics_on_their_own_pages():
    selection = bank_selection(quizzes=["konsep-dasar"])
    rows = [row for block in layout(selection, "B") for row in block.questions]
    single = next(row for row in rows if row.question.type == "single")
    letter = key_of(single)[0]
    assert single.question.options[single.order["ABCDEFGHIJ".index(letter)]].correct
    pages = _pages(answer_key(selection, packets=True))
    texts = [page.extract_text() for page in pages]
    rubric_pages = [i for i, t in enumerate(texts) if "RUBRIK URAIAN" in t]
    assert len(rubric_pages) == 2
    for index in rubric_pages:
        assert "Jawaban model" in texts[index] and "KUNCI JAWABAN" not in texts[index]
    assert any("Pembahasan" in t or single.question.explanation.split()[0] in t for t in texts)


def test_answer_key_prints_each_criterions_level_descriptors_and_the_labelled_samples():
    selection = bank_selection(quizzes=["konsep-dasar"])
    text = " ".join(_text(answer_key(selection)).split())
    essay = next(q for q in selection.questions if not q.auto_graded)
    first = essay.rubric[0].levels[0]
    assert f"{first.label} ({first.points:g}):" in text
    assert " ".join(first.descriptor.split()[:4]) in text
    assert "Contoh jawaban per tingkat" in text
    assert all(f"{s.level}. {' '.join(s.answer.split()[:3])}" in text for s in essay.samples)


def test_handout_names_each_sections_learning_objective_codes():
    text = _text(_handout("A4"))
    assert "Tujuan belajar bagian ini (TP-1)" in text and "Tujuan belajar bagian ini (TP-7, TP-10)" in text


def test_handout_prints_the_project_with_its_tiers_ethics_rubric_and_assessment_forms():
    text = " ".join(_text(_handout("A4")).split())
    project = load_lesson(ROOT / "content").project
    assert project.title in text
    assert all(f"Jenjang {tier.name}" in text for tier in project.tiers)
    assert "Etika wawancara" in text and "Anak di bawah umur" in text
    assert "Rubrik penilaian" in text and "Perlu bimbingan" in text and "Skor maksimum 20" in text
    assert "Penilaian antarteman" in text


def test_handout_has_objectives_callouts_glossary_and_indonesian_typography():
    text = _text(_handout("A4"))
    lesson = load_lesson(ROOT / "content")
    assert "Tujuan belajar bagian ini" in text and "Rangkuman" in text and "Glosarium" in text
    for section in lesson.sections:
        assert section.title.split()[0] in text
    assert "Contoh" in text and "Wawasan" in text and "Ingat" in text
    assert "“tiket masuk”" in text  # straight quotes in content/01-pengantar.md become curly ones


def test_handout_draws_the_diagrams_it_is_given():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">'
           '<rect x="5" y="5" width="190" height="70" fill="#0072B2"/>'
           '<text x="100" y="45" text-anchor="middle" font-family="sans-serif" font-size="12" fill="white">'
           'Tahap 1 — “identifikasi”</text></svg>').encode()
    lesson = load_lesson(ROOT / "content")
    first = lesson.sections[1].id
    data = handout(lesson, "A4", diagrams=lambda section_id: [svg] if section_id == first else [])
    drawn = [i for i, page in enumerate(_pages(data)) if b"0 0.4471 0.698 rg" in page.get_contents().get_data()]
    assert len(drawn) == 1  # the SVG's blue rectangle, drawn as vector paths on one page
    assert "Tahap 1 — “identifikasi”" in _pages(data)[drawn[0]].extract_text()  # SVG text in the bundled font
