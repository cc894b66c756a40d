"""Import never changes grading silently: every change is a note, and odd files are recognised for what they are."""

from __future__ import annotations

import pytest

from lessonkit.exchange import gift_read, markup, moodle_xml_read
from lessonkit.exchange.upload import UploadError, read_any
from tests.lessonkit.exchange.helpers import FIXTURES


@pytest.fixture(scope="module")
def imported():
    return moodle_xml_read.read((FIXTURES / "grading_changes.xml").read_bytes())


def _notes(imported, ident: str) -> str:
    return "\n".join(note for note in imported.notes if note.startswith(f"{ident}:"))


def test_grades_moodle_itself_refuses_are_noted_and_the_id_from_an_html_name_is_clean(imported):
    ident = imported.questions[0]["id"]
    assert ident == "soal-dengan-nilai-tidak-sah-x-1-x-2"
    notes = _notes(imported, ident)
    assert "nilai 33% tidak ada di daftar nilai Moodle" in notes
    assert "berjumlah 99.6667%, bukan 100%" in notes
    assert "setiap pilihan salah mengurangi 1/3" in notes


def test_a_negative_grade_on_a_single_answer_option_is_noted(imported):
    assert "nilai negatif untuk pilihan salah tidak dibawa" in _notes(imported, "tunggal-dengan-penalti")


def test_moodles_match_alias_is_read_as_matching(imported):
    kinds = {q["id"]: q["type"] for q in imported.questions}
    assert kinds["pasangan-lama"] == "matching" and imported.skipped == []


def test_ordering_grading_type_and_show_only_some_items_are_noted(imported):
    notes = _notes(imported, "urutan-sebagian")
    assert "penilaian Moodle ABSOLUTE_POSITION diganti" in notes
    assert "hanya menampilkan 3 dari 4 butir" in notes


def test_dropped_true_false_and_short_answer_feedback_is_noted(imported):
    assert "umpan balik per jawaban Benar/Salah tidak dibawa" in _notes(imported, "benar-salah-berumpan-balik")
    assert "umpan balik per jawaban isian singkat tidak dibawa" in _notes(imported, "isian-berumpan-balik")


GIFT = """::ganda::Pilih. {=benar ~%-50%salah ~lain}

::bs::PGRI lahir 1945. {T#Salah, coba lagi.#Betul.}

::isian::Singkatan? {=IDI#Tepat.}

::urut::Urutkan. {>2 RANDOM VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW none
satu
dua
tiga
}
"""


def test_gift_grading_changes_are_noted_too():
    notes = "\n".join(gift_read.read(GIFT.encode()).notes)
    for expected in ("ganda: nilai negatif untuk pilihan salah", "bs: umpan balik per jawaban Benar/Salah",
                     "isian: umpan balik per jawaban isian singkat",
                     "urut: penilaian Moodle RELATIVE_NEXT_EXCLUDE_LAST",
                     "urut: Moodle hanya menampilkan 2 dari 3 butir"):
        assert expected in notes


@pytest.mark.parametrize("head", [b"<!-- soal dari Moodle -->\n<quiz>", b"\n  <quiz>", b"<html><body>"])
def test_an_xml_file_without_a_declaration_is_read_as_xml_not_gift(head):
    data = head + (b"</quiz>" if b"quiz" in head else b"</body></html>")
    if b"html" in head:
        with pytest.raises(UploadError, match="sebagai Moodle XML: bukan file Moodle XML"):
            read_any(data)
    else:
        assert read_any(data)[0] == "Moodle XML"


def test_plain_keeps_angle_brackets_that_are_not_html_tags():
    assert markup.plain("x < y dan y > z, <Nama Kelompok>") == "x < y dan y > z, <Nama Kelompok>"
    assert markup.plain("<p>Kelompok <strong>profesi</strong><br/></p>") == "Kelompok profesi"
