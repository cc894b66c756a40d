"""An uploaded question file: recognised by content, checked as quiz YAML beside the bank, quizzes/ untouched."""

from __future__ import annotations

import pytest

from lessonkit.exchange import moodle_xml
from lessonkit.exchange.imported import Defaults
from lessonkit.exchange.upload import MAX_BYTES, UploadError, preview, read_any
from lessonkit.lesson.content import load_lesson
from tests.conftest import ROOT
from tests.lessonkit.exchange.helpers import FIXTURES, bank_selection

SECTIONS = load_lesson(ROOT / "content").section_ids


def test_the_format_is_recognised_from_the_content_not_the_name():
    assert read_any((FIXTURES / "moodle_export.xml").read_bytes())[0] == "Moodle XML"
    assert read_any((FIXTURES / "moodle_export.gift.txt").read_bytes())[0] == "GIFT"


def test_problems_name_the_downloaded_file_and_the_defaults_fill_what_the_source_lacks(tmp_path):
    found = preview(b"::Satu:: Organisasi guru? {=PGRI ~IDI}\n", "Ulangan Harian 1.gift",
                    Defaults("L1", SECTIONS[0]), tmp_path, SECTIONS)
    assert found.file_name == "ulangan-harian-1.yaml" and found.questions == 1
    assert "level: L1" in found.yaml_text and f"section: {SECTIONS[0]}" in found.yaml_text
    assert [str(p) for p in found.problems] == [p for p in map(str, found.problems) if
                                               p.startswith("ulangan-harian-1.yaml:")]
    assert {p.field for p in found.problems} == {"explanation"}


def test_an_exported_quiz_brought_back_clashes_with_the_bank_and_says_so():
    quizzes = sorted(p.name for p in (ROOT / "quizzes").iterdir())
    chosen = bank_selection(quizzes=["konsep-dasar"])
    exported = moodle_xml.export(chosen)
    found = preview(exported, "konsep-dasar.xml", Defaults(), ROOT / "quizzes", SECTIONS)
    assert found.questions == len(chosen.items)
    assert "konsep-dasar.yaml:1: konsep-dasar: id: id kuis 'konsep-dasar' sudah dipakai" in str(found.problems[0])
    assert len([p for p in found.problems if "juga dipakai" in p.message]) == found.questions
    assert sorted(p.name for p in (ROOT / "quizzes").iterdir()) == quizzes, "nothing written into quizzes/"


@pytest.mark.parametrize(("data", "message"), [
    (b"x" * (MAX_BYTES + 1), "File terlalu besar"),
    (b" \n\t", "File ini kosong."),
    (b"\xff\xfe\x00\x01", "File tidak bisa dibaca sebagai GIFT"),
    (b"<?xml version='1.0'?><html/>", "File tidak bisa dibaca sebagai Moodle XML"),
])
def test_a_file_that_cannot_be_read_is_an_indonesian_reason(data, message):
    with pytest.raises(UploadError, match=message):
        read_any(data)
