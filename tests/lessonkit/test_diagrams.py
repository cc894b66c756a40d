"""Stage data: the shipped diagrams load, and a broken stage file is reported while the rest load."""

from __future__ import annotations

import pytest

from lessonkit.content import load_lesson
from lessonkit.stages import load_diagrams
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
    assert [s.year for s in diagrams.processes["idi-timeline"].stages] == [1851, 1902, 1911, 1926, 1950]


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
