"""Stage data: the shipped diagrams load, and a broken stage file is reported while the rest load."""

from __future__ import annotations

import pytest

from lessonkit.display.diagram_svg import comparison_drawing
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def diagrams():
    found = load_diagrams(ROOT / "content", load_lesson(ROOT / "content").section_ids)
    assert found.problems == []
    return found


def test_shipped_diagrams_cover_the_five_required_views(diagrams):
    kinds = sorted(d.kind for d in diagrams.items.values())
    assert kinds == ["comparison", "cycle", "pathway", "pathway", "timeline"]
    assert len(diagrams.processes["profesi-sepuluh-tahap"].stages) == 10
    assert [s.year for s in diagrams.processes["idi-timeline"].stages] == [1851, 1902, 1911, 1926, 1927, 1950]


def test_broken_stage_file_is_reported_and_the_rest_load(tmp_path):
    folder = tmp_path / "proses"
    folder.mkdir()
    source = (ROOT / "content" / "proses" / "03-volunteer-siklus.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(source, encoding="utf-8")
    (folder / "b.yaml").write_text(source.replace("id: volunteer-siklus", "id: lain").replace("number: 2", "number: 7"),
                                   encoding="utf-8")
    found = load_diagrams(tmp_path, None)
    assert list(found.items) == ["volunteer-siklus"]
    [problem] = found.problems
    assert problem.file.endswith("b.yaml") and problem.item_id == "lain" and "berurutan" in problem.message


def test_a_stage_without_a_true_counterpart_stands_alone_and_says_so(diagrams):
    comparison = diagrams.comparisons["perbandingan-proses"]
    unpaired = [p for p in comparison.pairs if not (p.left and p.right)]
    assert [(p.left, p.right) for p in unpaired] == [(None, "identifikasi-masalah"), ("kode-etik", None)]
    left, right = diagrams.processes[comparison.left], diagrams.processes[comparison.right]
    drawing = comparison_drawing(comparison, left, right)
    connectors = drawing.svg.count('stroke-dasharray="3 5"')
    assert connectors == len(comparison.pairs) - len(unpaired), "only true pairs are joined by a line"


def _comparison_folder(tmp_path, pairs: str):
    folder = tmp_path / "proses"
    folder.mkdir()
    for name in ("02-profesi-pembentukan.yaml", "03-volunteer-siklus.yaml"):
        (folder / name).write_text((ROOT / "content" / "proses" / name).read_text(encoding="utf-8"), encoding="utf-8")
    header = ("id: banding\ntitle: Banding\nkind: comparison\nsection: perbandingan\nintro: Dua proses.\n"
              "left: profesi-pembentukan\nright: volunteer-siklus\n"
              "differences:\n  - {aspect: Pemicu, left: keahlian, right: kepedulian}\npairs:\n")
    (folder / "05-banding.yaml").write_text(header + pairs, encoding="utf-8")
    return load_diagrams(tmp_path, None)


PAIRS_OK = """\
  - {right: identifikasi-masalah, note: a}
  - {left: pemilihan-anggota, right: penggalangan-sukarelawan, note: b}
  - {left: struktur-organisasi, right: rencana-strategi, note: c}
  - {left: kode-etik, right: null, note: d}
  - {left: layanan-masyarakat, right: pelaksanaan-evaluasi, note: e}
"""


def test_one_sided_pairs_load_whether_the_other_side_is_omitted_or_null(tmp_path):
    found = _comparison_folder(tmp_path, PAIRS_OK)
    assert found.problems == []
    pairs = found.comparisons["banding"].pairs
    assert (pairs[0].left, pairs[3].right) == (None, None)


@pytest.mark.parametrize(("edit", "line", "field", "words"), [
    (("{left: kode-etik, right: null, note: d}", "{note: d}"), 14, "pairs.3", "isi 'left', 'right'"),
    (("{left: kode-etik, right: null, note: d}", "{left: struktur-organisasi, note: d}"), 14, "pairs.3.left",
     "sudah ada di baris lain"),
    (("{left: kode-etik, right: null, note: d}", "{right: rencana, note: d}"), 14, "pairs.3.right",
     "tidak ada di proses"),
])
def test_a_wrong_one_sided_pair_is_reported_at_its_line(tmp_path, edit, line, field, words):
    found = _comparison_folder(tmp_path, PAIRS_OK.replace(*edit))
    assert "banding" not in found.items
    assert any(p.line == line and p.field == field and words in p.message for p in found.problems), found.problems
