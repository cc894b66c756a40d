"""The project file (content/proyek.yaml): the shipped one is complete; broken entries are reported on their lines."""

from __future__ import annotations

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.rubric import MIN_LEVELS, MIN_SAMPLES
from tests.conftest import ROOT


def test_the_shipped_project_has_three_tiers_four_products_ethics_and_a_markable_rubric():
    project = load_lesson(ROOT / "content").project
    assert [t.name for t in project.tiers] == ["Dukungan", "Inti", "Tantangan"]
    assert {p.name for p in project.products} == {"Poster", "Naskah podcast", "Infografik", "Laporan"}
    assert {r.topic for r in project.ethics} == {"Persetujuan", "Anak di bawah umur", "Privasi"}
    assert all(len(c.levels) >= MIN_LEVELS for c in project.rubric)
    assert len({s.level for s in project.samples}) >= MIN_SAMPLES
    assert project.assessment.yourself and project.assessment.peers
    challenge = " ".join(a.text for a in project.tiers[2].practice)
    assert all(word in challenge for word in ("Abbott", "Larson", "PERADI", "IDI"))


@pytest.fixture
def with_project(content_dir):
    text = (ROOT / "content" / "proyek.yaml").read_text(encoding="utf-8").replace("section: kesimpulan", "section: dua")
    (content_dir / "proyek.yaml").write_text(text, encoding="utf-8")
    return content_dir


def _lines(path, start):
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start)]


def test_the_project_loads_under_a_fixture_section(with_project):
    lesson = load_lesson(with_project)
    assert lesson.problems == [] and lesson.project.section == "dua"


@pytest.mark.parametrize(("old", "new", "field", "start"), [
    ("section: dua", "section: tiga", "section", "section:"),
    ("      - {label: Cukup, points: 2, descriptor: Hanya dua atau tiga aspek; catatan singkat.}\n"
     "      - {label: Perlu bimbingan, points: 1, descriptor: Data sangat sedikit atau tidak jelas asalnya.}\n", "",
     "rubric.0.levels", "    levels:"),
    ("  - level: Cukup\n", "  - level: Lumayan\n", "samples.1.level", "  - level: Lumayan"),
])
def test_bad_project_entries_are_reported_with_file_and_line(with_project, old, new, field, start):
    path = with_project / "proyek.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = [p for p in load_lesson(with_project).problems if p.file.endswith("proyek.yaml")]
    [problem] = problems
    assert problem.field == field and problem.line in _lines(path, start)


def test_a_rubric_criterion_without_levels_is_reported(with_project):
    path = with_project / "proyek.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - criterion: Etika wawancara")
    end = text.index("  - criterion: Produk dan komunikasi")
    path.write_text(text[:start] + "  - criterion: Etika wawancara\n    points: 4\n" + text[end:], encoding="utf-8")
    [problem] = load_lesson(with_project).problems
    assert problem.field == "rubric.2" and "memerlukan tingkat" in problem.message
    assert problem.line in _lines(path, "  - criterion: Etika wawancara")


def test_without_a_project_file_nothing_is_loaded(content_dir):
    assert load_lesson(content_dir).project is None
