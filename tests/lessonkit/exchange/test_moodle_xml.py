"""Moodle XML: the shipped bank survives export + import for all seven types; Moodle-written files import."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from lessonkit.exchange import moodle_xml, moodle_xml_read
from lessonkit.exchange.imported import Defaults, write
from tests.lessonkit.exchange.helpers import (
    FIXTURES,
    assert_same_questions,
    bank_selection,
    load_imported,
    shipped,
    with_question,
)

MATCHING_WITH_DISTRACTORS = {
    "id": "cocok-01", "type": "matching", "level": "L1", "section": "uji", "prompt": "Pasangkan.",
    "explanation": "Penjelasan.", "points": 3,
    "pairs": [{"left": "IDI", "right": "Dokter"}, {"left": "PGRI", "right": "Guru"},
              {"left": "PERADI", "right": "Advokat"}],
    "distractors": ["Petani", "Nelayan"],
}


def _export():
    return moodle_xml.export(bank_selection())


def test_shipped_bank_round_trips_through_moodle_xml_for_all_seven_types(tmp_path):
    selection = bank_selection()
    assert {q.type for q in selection.questions} == {"single", "multiple", "true_false", "matching", "ordering",
                                                     "short_answer", "essay"}
    imported = moodle_xml_read.read(moodle_xml.export(selection))
    assert imported.skipped == [] and imported.notes == []
    assert_same_questions(selection.questions, load_imported(imported, tmp_path))


def test_shared_stimuli_come_back_as_one_stimulus_per_group(tmp_path):
    selection = bank_selection(quizzes=["studi-kasus"])
    status = load_imported(moodle_xml_read.read(moodle_xml.export(selection)), tmp_path)
    bank, _ = shipped()
    originals = bank.quizzes[[q.id for q in bank.quizzes].index("studi-kasus")].stimuli
    assert sorted(status.quiz.stimuli.values()) == sorted(t.strip() for t in originals.values())


def test_matching_distractors_are_subquestions_with_empty_text_and_come_back(tmp_path):
    selection = with_question(MATCHING_WITH_DISTRACTORS)
    root = ET.fromstring(moodle_xml.export(selection))
    subs = root.findall(".//question[@type='matching']/subquestion")
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in subs][-2:] == [("", "Petani"), ("", "Nelayan")]
    status = load_imported(moodle_xml_read.read(moodle_xml.export(selection)), tmp_path)
    assert status.questions[0].distractors == ["Petani", "Nelayan"]


def test_multiple_answer_grades_are_moodle_fractions_summing_to_100_with_wrong_options_negative():
    root = ET.fromstring(_export())
    allowed = {f"{v:.5f}".rstrip("0").rstrip(".") for v in moodle_xml.ALLOWED_FRACTIONS}
    multiple = [q for q in root.findall("question[@type='multichoice']") if q.findtext("single") == "false"]
    assert multiple
    for question in multiple:
        grades = [float(a.get("fraction")) for a in question.findall("answer")]
        assert all(a.get("fraction").lstrip("-") in allowed for a in question.findall("answer"))
        assert sum(g for g in grades if g > 0) == pytest.approx(100, abs=1e-3)
        assert all(g < 0 for g in grades if g <= 0)


def test_true_false_grid_is_one_cloze_question_with_a_benar_salah_dropdown_per_statement():
    root = ET.fromstring(_export())
    bank, _ = shipped()
    grid = bank.question("kd-03")
    cloze = next(q for q in root.findall("question[@type='cloze']") if q.findtext("idnumber") == "kd-03")
    text = cloze.findtext("questiontext/text")
    assert text.count("{1:MC:") == len(grid.statements)
    assert "{1:MC:Benar~=Salah}" in text and "{1:MC:=Benar~Salah}" in text


def test_categories_follow_quiz_and_section_and_texts_are_cdata():
    data = _export().decode()
    assert "<text>$course$/top/Studi Kasus Kelompok Profesi dan Kelompok Volunteer/" in data
    assert "<![CDATA[<p>" in data
    kinds = Counter(q.get("type") for q in ET.fromstring(data).findall("question"))
    bank = Counter(q.type for q in bank_selection().questions)
    assert (kinds["ordering"], kinds["essay"], kinds["shortanswer"]) == (bank["ordering"], bank["essay"],
                                                                         bank["short_answer"])


def test_essay_grader_information_holds_the_model_answer_and_rubric():
    root = ET.fromstring(_export())
    essay = next(q for q in root.findall("question[@type='essay']") if q.findtext("idnumber") == "kd-11")
    info = essay.findtext("graderinfo/text")
    assert "Jawaban model" in info and "Rubrik penilaian" in info and "(1 poin)" in info


def test_a_moodle_written_file_imports_every_type_it_can_and_lists_the_rest():
    imported = moodle_xml_read.read((FIXTURES / "moodle_export.xml").read_bytes(), Defaults("L2", "uji"))
    assert imported.title == "Ulangan Harian Sosiologi"
    kinds = {q["id"]: q["type"] for q in imported.questions}
    assert kinds == {"ciri-kelompok-profesi": "single", "vol-kepentingan": "multiple", "pgri-lahir-1945": "true_false",
                     "organisasi-dan-bidangnya": "matching", "singkatan-majelis-etik-dokter": "short_answer",
                     "uraian-kode-etik": "essay", "benar-atau-salah-relawan": "true_false",
                     "urutan-tahap-relawan": "ordering"}
    assert sorted((s.type, s.question_id) for s in imported.skipped) == [
        ("cloze", "Isian rumpang"), ("ddwtos", "Seret kata"), ("numerical", "Tahun berdirinya IDI")]
    assert all(s.reason for s in imported.skipped)
    by_id = {q["id"]: q for q in imported.questions}
    assert by_id["ciri-kelompok-profesi"]["prompt"] == "Manakah yang merupakan **ciri utama** kelompok profesi?"
    assert by_id["ciri-kelompok-profesi"]["explanation"] == "Kelompok profesi dibentuk berdasarkan *keahlian khusus*."
    assert by_id["ciri-kelompok-profesi"]["options"][2]["text"] == "Anggotanya & pengurusnya dipilih acak"
    assert [o.get("correct", False) for o in by_id["vol-kepentingan"]["options"]] == [True, True, False]
    assert by_id["organisasi-dan-bidangnya"]["distractors"] == ["Pertanian"]
    assert by_id["urutan-tahap-relawan"]["items"][0] == "Kepedulian dan identifikasi kebutuhan"
    assert by_id["urutan-tahap-relawan"]["scoring"] == "all_or_nothing"
    grid = by_id["benar-atau-salah-relawan"]
    assert grid["prompt"] == "Tentukan benar atau salah."
    assert grid["statements"] == [{"text": "Relawan bekerja tanpa upah.", "answer": True},
                                  {"text": "Relawan wajib bersertifikat.", "answer": False}]
    assert any("majelis etik" in note for note in imported.notes)


def test_imported_file_is_checked_and_the_teacher_sees_what_to_fill_in(tmp_path):
    imported = moodle_xml_read.read((FIXTURES / "moodle_export.xml").read_bytes(), Defaults("L2", "uji"))
    target = tmp_path / "quizzes" / "ulangan.yaml"
    problems = write(imported, target, "moodle_export.xml", ["uji"])
    assert target.exists()
    lines = [str(p) for p in problems]
    text = target.read_text(encoding="utf-8")
    # the essay has no rubric, two questions have no explanation
    assert any(": uraian-kode-etik: rubric: " in line for line in lines)
    assert any(": vol-kepentingan: explanation: " in line for line in lines)
    for problem in problems:
        assert problem.file.endswith("ulangan.yaml") and problem.line > 1
        assert text.splitlines()[problem.line - 1].strip()


def test_unknown_section_from_the_command_line_is_reported_by_the_checker(tmp_path):
    imported = moodle_xml_read.read((FIXTURES / "moodle_export.xml").read_bytes(), Defaults("L1", "bukan-bagian"))
    problems = write(imported, tmp_path / "q.yaml", "x.xml", ["uji"])
    assert any(p.field == "section" and "bukan-bagian" in p.message for p in problems)


@pytest.mark.parametrize("data", [b"<quiz><question type='multichoice'>", b"<html></html>",
                                  b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>'])
def test_broken_or_unsafe_xml_is_refused_with_an_indonesian_reason(data):
    with pytest.raises(moodle_xml_read.MoodleXmlError) as caught:
        moodle_xml_read.read(data)
    assert str(caught.value)


def test_fraction_rejects_grades_moodle_does_not_allow():
    assert moodle_xml.fraction(100 / 3) == "33.33333"
    assert moodle_xml.fraction(-100 / 7) == "-14.28571"
    with pytest.raises(ValueError):
        moodle_xml.fraction(37)


FACT_OR_OPINION = {
    "id": "fo-01", "type": "true_false", "level": "L2", "section": "uji", "prompt": "Fakta atau opini?",
    "explanation": "Penjelasan.", "points": 1, "labels": ["Fakta", "Opini"],
    "statements": [{"text": "DPRD membahas rancangan perda.", "answer": True}],
}


def test_a_statement_with_its_own_column_labels_is_a_cloze_with_those_labels_and_comes_back(tmp_path):
    selection = with_question(FACT_OR_OPINION)
    data = moodle_xml.export(selection)
    root = ET.fromstring(data)
    assert root.find("question[@type='truefalse']") is None
    assert "{1:MC:=Fakta~Opini}" in root.find("question[@type='cloze']").findtext("questiontext/text")
    imported = moodle_xml_read.read(data, Defaults("L2", "uji"))
    assert imported.questions[0]["labels"] == ["Fakta", "Opini"]
    assert_same_questions(selection.questions, load_imported(imported, tmp_path))
