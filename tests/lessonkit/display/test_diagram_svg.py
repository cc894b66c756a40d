"""Stage diagrams as SVG and as text: built from the stage data, self-contained, readable, one hotspot per stage."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from lessonkit.display import diagram_svg as svg
from lessonkit.display.diagram_text import NO_COUNTERPART, text_version
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import Comparison, Pair, load_diagrams
from tests.conftest import ROOT

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def found():
    diagrams = load_diagrams(ROOT / "content", load_lesson(ROOT / "content").section_ids)
    assert diagrams.problems == []
    return diagrams


def _every_drawing(found):
    for item in found.items.values():
        for layout in svg.layouts(item):
            for big in (False, True):
                yield item, layout, big


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _texts(drawing: svg.Drawing) -> str:
    return " ".join(ET.fromstring(drawing.svg).itertext())


def test_every_drawing_is_self_contained_svg_with_explicit_size(found):
    for item, layout, big in _every_drawing(found):
        drawing = svg.draw(item, found.processes, layout=layout, big=big)
        root = ET.fromstring(drawing.svg)
        assert root.tag == f"{NS}svg"
        assert root.get("viewBox") == f"0 0 {drawing.width} {drawing.height}"
        assert (root.get("width"), root.get("height")) == (str(drawing.width), str(drawing.height))
        assert root.get("role") == "img" and item.title in root.get("aria-label")
        for forbidden in ("href", "url(", "<style", "@import", "@font-face", "http:", "https:"):
            assert forbidden not in drawing.svg.replace('xmlns="http://www.w3.org/2000/svg"', ""), forbidden


def test_text_colours_are_readable_on_what_they_are_drawn_on():
    assert contrast(svg.INK, svg.PAPER) >= 4.5
    assert contrast(svg.MUTED, svg.PAPER) >= 4.5
    for node, ink in svg.ON_NODE.items():
        assert contrast(ink, node) >= 4.5, node


def test_text_is_drawn_only_in_the_checked_colours(found):
    allowed = {svg.INK, svg.MUTED, *svg.ON_NODE.values()}
    for item, layout, big in _every_drawing(found):
        drawing = svg.draw(item, found.processes, highlight=svg.steps(item, found.processes)[0].key, layout=layout,
                           big=big)
        fills = set(re.findall(r'<text[^>]* fill="(#[0-9A-F]{6})"', drawing.svg))
        assert fills <= allowed, (item.id, layout, fills - allowed)


def test_each_stage_has_one_hotspot_named_for_it_inside_the_drawing(found):
    for item, layout, big in _every_drawing(found):
        drawing = svg.draw(item, found.processes, layout=layout, big=big)
        steps = svg.steps(item, found.processes)
        assert [h.key for h in drawing.hotspots] == [s.key for s in steps]
        for spot, step in zip(drawing.hotspots, steps, strict=True):
            assert step.stage.title in spot.name
            assert spot.x >= 0 and spot.y >= 0
            assert spot.x + spot.width <= drawing.width + 1 and spot.y + spot.height <= drawing.height + 1


def test_hotspots_do_not_cover_each_other(found):
    """A press on a stage must land on that stage's button, not on a neighbour drawn over it."""
    for item, layout, big in _every_drawing(found):
        spots = svg.draw(item, found.processes, layout=layout, big=big).hotspots
        for a in spots:
            for b in spots:
                if a is b:
                    continue
                overlap_x = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
                overlap_y = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
                if overlap_x > 0 and overlap_y > 0:
                    smaller = min(a.width * a.height, b.width * b.height)
                    assert overlap_x * overlap_y < 0.2 * smaller, (item.id, layout, a.key, b.key)


def test_labels_come_from_the_stage_data(found):
    for item, layout, big in _every_drawing(found):
        words = _texts(svg.draw(item, found.processes, layout=layout, big=big)).split()
        for step in svg.steps(item, found.processes):
            assert all(word in words for word in step.stage.label.split()), (item.id, layout, step.key)


def test_only_the_asked_for_stage_is_highlighted(found):
    for item, layout, _ in _every_drawing(found):
        steps = svg.steps(item, found.processes)
        assert f'fill="{svg.HIGHLIGHT}"' not in svg.draw(item, found.processes, layout=layout).svg
        chosen = steps[2].key
        drawing = svg.draw(item, found.processes, highlight=chosen, layout=layout)
        assert drawing.svg.count(f'fill="{svg.HIGHLIGHT}"') == 1
        if item.kind != "timeline":  # numbered nodes: the highlighted one carries the chosen stage's number
            number = re.search(rf'fill="{svg.HIGHLIGHT}"[^>]*/><text[^>]*>(\d+)</text>', drawing.svg).group(1)
            assert number == str(steps[2].stage.number)


def test_reveal_draws_only_the_first_stages_and_outlines_the_rest(found):
    process = found.processes["profesi-sepuluh-tahap"]
    drawing = svg.process_drawing(process, revealed=3, big=True)
    assert [h.key for h in drawing.hotspots] == [s.id for s in process.stages[:3]]
    text = _texts(drawing)
    assert process.stages[2].label.split()[0] in text and process.stages[3].label.split()[0] not in text
    assert drawing.svg.count('stroke-dasharray="5 4"') == 7


def test_phone_drawings_fit_a_390_px_screen_and_wide_pathways_have_a_three_a_row_variant(found):
    for item in found.items.values():
        assert svg.draw(item, found.processes, layout="tall", big=True).width <= 360
    ten = found.processes["profesi-sepuluh-tahap"]
    wide, medium = svg.process_drawing(ten, layout="wide"), svg.process_drawing(ten, layout="medium")
    assert svg.layouts(ten) == ("wide", "medium", "tall")
    assert medium.width < 0.75 * wide.width
    assert len({round(h.y) for h in medium.hotspots}) == 4, "ten stages, three a row"


def test_cycle_closes_back_to_the_first_stage(found):
    cycle = found.processes["volunteer-siklus"]
    assert svg.process_drawing(cycle).svg.count("<path ") == len(cycle.stages)
    tall = svg.process_drawing(cycle, layout="tall").svg
    assert tall.count("<polyline ") == len(cycle.stages), "stage to stage, plus the return to stage 1"


def test_drawing_as_data_gives_hotspots_as_percentages(found):
    data = svg.process_drawing(found.processes["volunteer-siklus"]).as_dict()
    assert data["svg"].startswith("<svg") and data["width"] > 0
    for spot in data["spots"]:
        assert 0 <= spot["left"] <= 100 and 0 <= spot["top"] <= 100
        assert 0 < spot["left"] + spot["width"] <= 101 and 0 < spot["top"] + spot["height"] <= 101


def _unpaired(found) -> Comparison:
    """The shipped comparison with its first full row given no right-hand counterpart too."""
    shipped = found.comparisons["perbandingan-proses"]
    pairs = list(shipped.pairs)
    row = next(i for i, p in enumerate(pairs) if p.left and p.right)
    lone = pairs[row]
    pairs[row] = Pair.model_construct(left=lone.left, right=None, note=lone.note)
    return shipped.model_copy(update={"pairs": pairs})


@pytest.mark.parametrize("layout", ["wide", "tall"])
def test_a_comparison_row_with_one_side_shows_the_lone_stage_without_a_connector(found, layout):
    comparison = _unpaired(found)
    steps = svg.steps(comparison, found.processes)
    row = next(i for i, p in enumerate(found.comparisons["perbandingan-proses"].pairs) if p.left and p.right)
    lone = comparison.pairs[row].left
    assert [s.key for s in steps].count(f"left:{lone}") == 1
    assert len(steps) == sum(bool(p.left) + bool(p.right) for p in comparison.pairs)
    drawing = svg.comparison_drawing(comparison, found.processes[comparison.left], found.processes[comparison.right],
                                     layout=layout, highlight=f"left:{lone}")
    assert [h.key for h in drawing.hotspots] == [s.key for s in steps]
    assert drawing.svg.count('stroke-dasharray="3 5"') == sum(1 for p in comparison.pairs if p.left and p.right)
    shipped = found.comparisons["perbandingan-proses"]
    full = svg.comparison_drawing(shipped, found.processes[shipped.left], found.processes[shipped.right],
                                  layout=layout)
    assert full.svg.count('stroke-dasharray="3 5"') == sum(1 for p in shipped.pairs if p.left and p.right)


def test_text_version_lists_every_stage_in_order_and_says_when_a_stage_has_no_counterpart(found):
    process = found.processes["profesi-sepuluh-tahap"]
    text = text_version(process, found.processes)
    positions = [text.index(stage.title) for stage in process.stages]
    assert positions == sorted(positions)
    assert "kembali ke tahap 1" in text_version(found.processes["volunteer-siklus"], found.processes)
    comparison = _unpaired(found)
    lines = text_version(comparison, found.processes).splitlines()
    for number, pair in enumerate(comparison.pairs, start=1):
        row = next(line for line in lines if line.startswith(f"{number}. "))
        paired = bool(pair.left and pair.right)
        assert (NO_COUNTERPART in row) is not paired and ("↔" in row) is paired
    assert "Perbedaan utama" in "\n".join(lines)
