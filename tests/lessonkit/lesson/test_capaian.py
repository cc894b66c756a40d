"""Curriculum codes: capaian.yaml and the sections' ``tp:`` are cross-checked with FILE:LINE problems; the
class's mastery per TP comes from the answers to the questions each TP names."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from lessonkit.analytics.tp_mastery import tp_mastery
from lessonkit.commands.check import check
from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import load_bank
from lessonkit.storage.store import Answer
from tests.conftest import FIXTURES, ROOT
from tests.lessonkit.cli_run import run_cli

CAPAIAN = """\
phase: Fase F
subject: Sosiologi
source: Contoh
profile: [Penalaran kritis, Kolaborasi]
elements:
  - id: pemahaman-konsep
    name: Pemahaman Konsep
    cp: Menjelaskan.
objectives:
  - code: TP-1
    element: pemahaman-konsep
    text: Menjelaskan satu.
    profile: [Penalaran kritis]
    questions: [c-01, c-02]
  - code: TP-2
    element: pemahaman-konsep
    text: Menjelaskan dua.
    questions: [c-03, x-99]
"""


@pytest.fixture
def mapped(content_dir: Path) -> Path:
    (content_dir / "capaian.yaml").write_text(CAPAIAN, encoding="utf-8")
    for name, code in (("01-satu.md", "TP-1"), ("02-dua.md", "TP-2")):
        path = content_dir / name
        path.write_text(path.read_text(encoding="utf-8").replace("minutes:", f"tp: [{code}]\nminutes:", 1),
                        encoding="utf-8")
    return content_dir


def _line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def test_mapped_sections_load_with_their_codes(mapped):
    lesson = load_lesson(mapped)
    assert lesson.problems == []
    assert lesson.section("satu").meta.tp == ["TP-1"]
    assert lesson.capaian.capaian.objectives[1].questions == ["c-03", "x-99"]


def test_a_section_without_tp_is_reported_when_capaian_exists(mapped):
    path = mapped / "02-dua.md"
    path.write_text(path.read_text(encoding="utf-8").replace("tp: [TP-2]\n", ""), encoding="utf-8")
    [problem] = load_lesson(mapped).problems
    assert (Path(problem.file).name, problem.item_id, problem.field) == ("02-dua.md", "dua", "tp")
    assert "belum memetakan tujuan pembelajaran" in problem.message


def test_an_unknown_tp_in_a_section_is_reported_on_its_line(mapped):
    path = mapped / "01-satu.md"
    path.write_text(path.read_text(encoding="utf-8").replace("TP-1", "TP-7"), encoding="utf-8")
    [problem] = load_lesson(mapped).problems
    assert (problem.line, problem.item_id, problem.field) == (_line_of(path, "tp:"), "satu", "tp")
    assert "TP 'TP-7' tidak ada" in problem.message


def test_an_unknown_question_id_is_reported_by_check_on_its_line(mapped):
    report = check(mapped, [FIXTURES / "quizzes_ok"])
    [problem] = report.problems
    assert (problem.file, problem.item_id, problem.field) == (str(mapped / "capaian.yaml"), "TP-2", "questions")
    assert problem.line == _line_of(mapped / "capaian.yaml", "    questions: [c-03, x-99]")
    assert "soal 'x-99' tidak ada" in problem.message


@pytest.mark.parametrize(("old", "new", "start", "field", "words"), [
    ("element: pemahaman-konsep\n    text: Menjelaskan dua.", "element: keterampilan\n    text: Menjelaskan dua.",
     "    element: keterampilan", "objectives.1.element", "elemen 'keterampilan' tidak ada"),
    ("code: TP-2", "code: TP-1", "  - code: TP-1\n    element: pemahaman-konsep\n    text: Menjelaskan dua.",
     "objectives.1.code", "ditulis dua kali"),
    ("code: TP-2", "code: tp2", "  - code: tp2", "objectives.1.code", "harus berbentuk TP-nomor"),
    ("profile: [Penalaran kritis]\n", "profile: [Gotong royong]\n", "    profile: [Gotong", "objectives.0.profile.0",
     "dimensi 'Gotong royong'"),
])
def test_bad_capaian_entries_are_reported_on_their_lines(mapped, old, new, start, field, words):
    path = mapped / "capaian.yaml"
    text = CAPAIAN.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    problems = [p for p in load_lesson(mapped).problems if p.file.endswith("capaian.yaml")]
    assert [p.field for p in problems] == [field]
    first_line = start.splitlines()[0]
    candidates = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(first_line)]
    assert problems[0].line in candidates
    assert words in problems[0].message


def test_every_shipped_section_maps_to_a_tp_and_every_tp_is_taught_and_assessed():
    lesson = load_lesson(ROOT / "content")
    assert lesson.problems == []
    capaian = lesson.capaian.capaian
    taught = {code for section in lesson.sections for code in section.meta.tp}
    assert taught == {o.code for o in capaian.objectives}
    assert all(o.questions for o in capaian.objectives)
    assert {e.name for e in capaian.elements} == {"Pemahaman Konsep", "Keterampilan Proses"}
    assert "Penalaran kritis" in capaian.profile and not any("P5" in text for text in capaian.profile)


def _answer(question_id: str, score: float | None) -> Answer:
    return Answer("latihan", question_id, "satu", score, datetime(2026, 12, 1))


def test_tp_mastery_averages_each_students_recent_answers_and_counts_levels(mapped):
    capaian = load_lesson(mapped).capaian.capaian
    table = tp_mastery(capaian, {
        "Ana": [_answer("c-01", 1.0), _answer("c-02", 1.0), _answer("c-01", 1.0), _answer("c-03", 0.0)],
        "Budi": [_answer("c-01", 0.0), _answer("c-02", None)],
    }).set_index("TP")
    assert table.loc["TP-1", "Rata-rata kelas"] == 50
    assert table.loc["TP-1", "Jawaban"] == 4
    assert (table.loc["TP-1", "Mahir"], table.loc["TP-1", "Mulai"]) == (1, 1)
    assert table.loc["TP-2", "Rata-rata kelas"] == 0
    assert (table.loc["TP-2", "Mulai"], table.loc["TP-2", "Belum"]) == (1, 1)
    assert table.loc["TP-2", "Elemen"] == "Pemahaman Konsep"


def test_check_command_prints_file_line_for_every_curriculum_code_problem():
    result = run_cli("check", "--content", str(FIXTURES / "content_capaian_bad"), str(FIXTURES / "quizzes_ok"))
    assert result.returncode == 1
    lines = result.stdout
    assert "content_capaian_bad/01-satu.md:5: satu: tp: TP 'TP-9' tidak ada di capaian.yaml" in lines
    assert "content_capaian_bad/02-dua.md:2: dua: tp: bagian ini belum memetakan tujuan pembelajaran" in lines
    assert "content_capaian_bad/capaian.yaml:14: TP-1: questions: soal 'c-99' tidak ada di bank soal" in lines


def test_every_lesson_question_is_mapped_to_a_tp_of_its_own_section():
    lesson = load_lesson(ROOT / "content")
    bank = load_bank([ROOT / "quizzes"], content_dir=ROOT / "content")
    mapped = {qid: o.code for o in lesson.capaian.capaian.objectives for qid in o.questions}
    assert [q.id for q in bank.lesson_questions if q.id not in mapped] == []
    wrong = [q.id for q in bank.lesson_questions if mapped[q.id] not in lesson.section(q.section).meta.tp]
    assert wrong == []
