"""An import's problems in a teacher's words: one sentence per question, named by its title, saying what to fill in."""

from __future__ import annotations

from lessonkit.authoring.problems import Problem
from lessonkit.exchange import import_words
from lessonkit.exchange.selection import Skipped


def _problem(item_id: str, field: str, message: str, line: int = 5) -> Problem:
    return Problem("paguyuban.yaml", line, item_id, field, message)


def test_a_missing_field_reads_as_what_to_fill_in_for_which_question():
    assert import_words.advice([_problem("paguyuban", "level", "wajib diisi")]) == [
        "Soal 'Paguyuban': isi tingkat kesulitan (level)."]


def test_every_problem_of_a_question_is_one_sentence_in_file_order():
    problems = [_problem("uraian-kode-etik", "explanation", "tidak boleh kosong", 9),
                _problem("uraian-kode-etik", "rubric", "minimal 1 butir", 12),
                _problem("uraian-kode-etik", "level", "wajib diisi", 5),
                _problem("uraian-kode-etik", "section", "wajib diisi", 5),
                _problem("ciri-profesi", "level", "wajib diisi", 2),
                _problem("", "title", "wajib diisi", 1)]
    assert import_words.advice(problems) == [
        "File: isi judul kuis (title).",
        "Soal 'Ciri profesi': isi tingkat kesulitan (level).",
        "Soal 'Uraian kode etik': isi tingkat kesulitan (level), bagian materi (section), dan pembahasan "
        "(explanation); rubrik (rubric) minimal 1 butir."]


def test_the_page_points_to_its_own_level_and_section_choice_only_when_one_is_missing():
    assert import_words.chosen_above([_problem("a", "section", "wajib diisi")])
    assert not import_words.chosen_above([_problem("a", "explanation", "tidak boleh kosong")])


def test_notes_and_left_out_questions_name_the_question():
    ids = import_words.ids_of("id: impor\ntitle: Impor\nquestions:\n  - id: singkatan-etik\n    type: short_answer\n")
    assert ids == ["singkatan-etik"]
    assert import_words.note("singkatan-etik: jawaban 50% tidak dibawa", ids) == \
        "Soal 'Singkatan etik': jawaban 50% tidak dibawa"
    assert import_words.note("gambar: tidak ikut", ids) == "gambar: tidak ikut"
    assert import_words.ids_of("questions: [") == []
    assert import_words.left_out(Skipped("Tahun berdirinya IDI", "numerical", "belum didukung")) == \
        "Soal 'Tahun berdirinya IDI' (jenis numerical): belum didukung"
