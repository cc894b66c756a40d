"""The content loader: valid folders load; each kind of broken file is reported with file and line."""

from __future__ import annotations

from pathlib import Path

from lessonkit.lesson.content import load_lesson, parse_blocks
from tests.conftest import ROOT


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


SECTION = """---
id: {id}
title: Judul
order: {order}
minutes: 3
objectives: [Menjelaskan sesuatu.]
summary: [Ringkas.]
---
Isi.
"""


def test_valid_folder_loads_sections_in_order_with_glossary(content_dir):
    lesson = load_lesson(content_dir)
    assert lesson.problems == []
    assert lesson.section_ids == ["satu", "dua"]
    assert [t.term for t in lesson.glossary] == ["Kode etik", "Relawan"]
    assert lesson.total_minutes == 7
    kinds = [b.kind for b in lesson.section("satu").blocks]
    assert kinds == ["markdown", "contoh", "markdown"]


def test_shipped_content_is_valid_and_complete():
    lesson = load_lesson(ROOT / "content")
    assert lesson.problems == []
    assert len(lesson.sections) >= 10
    assert lesson.module is not None
    assert len(lesson.glossary) >= 20
    for section in lesson.sections:
        assert any(b.kind == "contoh" for b in section.blocks), f"{section.id} has no Indonesian example"


def test_missing_id_is_reported_on_the_front_matter_line(content_dir):
    text = "---\ntitle: Tanpa id\norder: 3\nminutes: 2\nobjectives: [a]\nsummary: [b]\n---\nIsi.\n"
    _write(content_dir, "03-x.md", text)
    lesson = load_lesson(content_dir)
    [problem] = lesson.problems
    assert problem.file.endswith("03-x.md")
    assert problem.field == "id"
    assert problem.line == 2
    assert "wajib" in problem.message
    assert lesson.section_ids == ["satu", "dua"], "a broken file must not hide the others"


def test_duplicate_id_names_both_files(content_dir):
    _write(content_dir, "03-copy.md", SECTION.format(id="satu", order=3))
    [problem] = load_lesson(content_dir).problems
    assert problem.file.endswith("03-copy.md") and problem.line == 2
    assert problem.item_id == "satu" and problem.field == "id"
    assert "01-satu.md" in problem.message


def test_bad_yaml_reports_the_line_of_the_syntax_error(content_dir):
    _write(content_dir, "03-bad.md", "---\nid: bad\ntitle: [tidak ditutup\norder: 3\n---\nIsi.\n")
    [problem] = load_lesson(content_dir).problems
    assert problem.file.endswith("03-bad.md")
    assert problem.field == "yaml"
    assert problem.line in (3, 4, 5)
    assert "YAML" in problem.message


def test_unknown_key_suggests_the_right_one(content_dir):
    _write(content_dir, "03-typo.md", SECTION.format(id="tiga", order=3).replace("minutes:", "minutse:"))
    problems = load_lesson(content_dir).problems
    typo = next(p for p in problems if p.field == "minutse")
    assert typo.line == 5 and typo.item_id == "tiga"
    assert "minutes" in typo.message


def test_file_without_front_matter_is_reported(content_dir):
    _write(content_dir, "03-plain.md", "# Hanya Markdown\n")
    [problem] = load_lesson(content_dir).problems
    assert problem.line == 1 and "front matter" in problem.message


def test_duplicate_order_and_duplicate_yaml_key_are_reported(content_dir):
    _write(content_dir, "03-dup.md", SECTION.format(id="tiga", order=2).replace("title: Judul", "title: A\ntitle: B"))
    problems = load_lesson(content_dir).problems
    assert any(p.field == "title" and p.line == 4 and "dua kali" in p.message for p in problems)


def test_glossary_term_pointing_to_unknown_section_is_reported(content_dir):
    path = content_dir / "glosarium.yaml"
    path.write_text(path.read_text() + "  - term: Baru\n    definition: Definisi.\n    section: tidak-ada\n")
    [problem] = load_lesson(content_dir).problems
    assert problem.file.endswith("glosarium.yaml") and problem.line == 10
    assert problem.item_id == "Baru" and problem.field == "section"


def test_key_term_missing_from_glossary_is_reported(content_dir):
    text = SECTION.format(id="tiga", order=3).replace("summary:", "key_terms: [asosiasi]\nsummary:")
    _write(content_dir, "03-t.md", text)
    [problem] = load_lesson(content_dir).problems
    assert problem.field == "key_terms" and "asosiasi" in problem.message


def test_unclosed_and_unknown_callouts_are_reported_with_their_lines():
    body = "Teks\n::: catatan Judul\nx\n:::\n::: contoh\ny\n"
    blocks, problems = parse_blocks(body, "f.md", 10, "sec")
    lines = sorted(p.line for p in problems)
    assert lines == [11, 14]
    assert "tidak dikenal" in problems[0].message or "tidak dikenal" in problems[1].message
    assert blocks[-1].kind == "contoh"


def test_missing_folder_is_a_problem_not_an_exception(tmp_path):
    lesson = load_lesson(tmp_path / "nope")
    assert lesson.sections == [] and lesson.problems
