"""Moodle XML for what a school's Moodle does with it: versions, Cloze marks, plain answers, Cloze escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lessonkit.exchange import markup, moodle_versions, moodle_xml, moodle_xml_read
from tests.lessonkit.exchange.helpers import bank_selection, load_imported, with_question

GRID = {"id": "grid-01", "type": "true_false", "level": "L1", "section": "uji", "prompt": "Benar atau salah?",
        "explanation": "Karena.", "points": 4,
        "statements": [{"text": "Pernyataan pertama", "answer": True}, {"text": "Pernyataan kedua", "answer": False}]}


def _question(data: bytes, ident: str) -> ET.Element:
    return next(q for q in ET.fromstring(data).findall("question") if q.findtext("idnumber") == ident)


def test_matching_answers_are_plain_text_without_raw_markdown():
    root = ET.fromstring(moodle_xml.export(bank_selection()))
    answers = [a.text for q in root.findall("question[@type='matching']") for a in q.findall("subquestion/answer/text")]
    assert "Kelompok volunteer" in " ".join(answers)
    assert not [a for a in answers if re.search(r"[*_<>]", a or "")]


def test_ordering_shows_the_number_correct_with_a_value_qtype_ordering_reads_as_on():
    root = ET.fromstring(moodle_xml.export(bank_selection()))
    for question in root.findall("question[@type='ordering']"):
        assert question.findtext("shownumcorrect") == "1"


def test_grid_parts_weigh_the_questions_points_when_that_is_a_whole_number_per_statement(tmp_path):
    data = moodle_xml.export(with_question(GRID))
    text = _question(data, "grid-01").findtext("questiontext/text")
    assert [int(w) for w in re.findall(r"\{(\d+):MC:", text)] == [2, 2]
    back = load_imported(moodle_xml_read.read(data), tmp_path)
    assert back.questions[0].points == 4
    assert moodle_xml.notes(with_question(GRID)) == []


def test_grid_whose_mark_moodle_cannot_match_is_named_in_the_notes():
    notes = moodle_xml.notes(bank_selection())
    assert any(note.startswith("kd-03 (Benar/Salah): bernilai 5 di Moodle, 2 di aplikasi") for note in notes)


def test_cloze_syntax_in_a_statement_or_prompt_is_not_another_part(tmp_path):
    raw = GRID | {"prompt": "Lihat {1:SA:=x} ini.",
                  "statements": [{"text": "Tulisan {1:MC:=a~b} bukan isian", "answer": True},
                                 {"text": "Kedua", "answer": False}]}
    data = moodle_xml.export(with_question(raw))
    text = _question(data, "grid-01").findtext("questiontext/text")
    assert len(moodle_xml_read.CLOZE_MARK.findall(text)) == 2
    back = load_imported(moodle_xml_read.read(data), tmp_path).questions[0]
    assert back.statements[0].text == "Tulisan {1:MC:=a~b} bukan isian" and back.prompt == "Lihat {1:SA:=x} ini."


def test_older_moodle_gets_every_ordering_question_as_matching_by_position(tmp_path):
    selection = bank_selection()
    data = moodle_xml.export(selection, moodle_versions.OLDER)
    root = ET.fromstring(data)
    assert root.findall("question[@type='ordering']") == []
    ordering = [q for q in selection.questions if q.type == "ordering"]
    for q in ordering:
        element = _question(data, q.id)
        assert element.get("type") == "matching"
        pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in element.findall("subquestion")]
        assert pairs == [(f"Urutan ke-{i}", markup.plain_text(item)) for i, item in enumerate(q.items, 1)]
    imported = moodle_xml_read.read(data)
    assert imported.skipped == [] and len(imported.questions) == len(selection.questions)
    assert len(moodle_xml.notes(selection, moodle_versions.OLDER)) == len(ordering) + len(moodle_xml.notes(selection))

