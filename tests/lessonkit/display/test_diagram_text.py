"""The text version of the stage diagrams: the comparison's main differences read as separate sentences."""

from __future__ import annotations

from lessonkit.display.diagram_text import differences, sentence
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from tests.conftest import ROOT


def test_a_sentence_gets_one_full_stop_and_keeps_its_own():
    assert sentence("Kode etik tertulis ") == "Kode etik tertulis."
    assert sentence("Sudah selesai.") == "Sudah selesai."
    assert sentence("Siapa?") == "Siapa?"


def test_each_side_of_a_main_difference_is_its_own_sentence_on_its_own_line():
    diagrams = load_diagrams(ROOT / "content", load_lesson(ROOT / "content").section_ids)
    comparison = diagrams.items["perbandingan-proses"]
    left, right = (diagrams.processes[side].title for side in (comparison.left, comparison.right))
    lines = differences(comparison, diagrams.processes).splitlines()
    for item in comparison.differences:
        at = lines.index(f"- **{item.aspect}**")
        assert lines[at + 1] == f"    - {left}: {sentence(item.left)}"
        assert lines[at + 2] == f"    - {right}: {sentence(item.right)}"
    sides = [line for line in lines if line.startswith(f"    - {left}:")]
    assert not any(f" {right}:" in line for line in sides), "two sides ran together"
