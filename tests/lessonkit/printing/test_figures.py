"""Stage diagrams on paper: the handout carries the app's SVG drawings, with wrapped labels kept aligned."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from pypdf import PdfReader

from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.printing import handout
from lessonkit.printing.figures import aspect_of, pdf_ready, stage_images, title_of
from tests.conftest import ROOT

NS = "{http://www.w3.org/2000/svg}"


def test_a_wrapped_label_becomes_one_anchored_text_per_line_in_the_bundled_font():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><title>Diagram</title>'
           b'<text font-family="sans-serif" text-anchor="end" font-size="9"><tspan x="90" y="10">Pelaksanaan dan'
           b'</tspan><tspan x="90" y="20">evaluasi</tspan></text></svg>')
    root = ET.fromstring(pdf_ready(svg))
    texts = root.findall(f"{NS}text")
    assert [(t.text, t.get("x"), t.get("y"), t.get("text-anchor")) for t in texts] == [
        ("Pelaksanaan dan", "90", "10", "end"), ("evaluasi", "90", "20", "end")]
    assert {t.get("font-family") for t in texts} == {"DejaVu"}
    assert root.find(f"{NS}title") is None


def test_the_size_of_a_drawing_comes_from_width_and_height_else_from_its_view_box():
    assert aspect_of(b'<svg xmlns="http://www.w3.org/2000/svg" width="200px" height="50"/>') == 0.25
    assert aspect_of(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 80"/>') == 0.8
    assert aspect_of(b'<svg xmlns="http://www.w3.org/2000/svg"/>') is None


def test_a_caption_never_stays_alone_at_the_foot_of_a_page():
    lesson = load_lesson(ROOT / "content")
    source = stage_images(load_diagrams(ROOT / "content", lesson.section_ids))
    for paper in ("A4", "F4"):
        reader = PdfReader(io.BytesIO(handout(lesson, paper, source)))
        for page in reader.pages:
            lines = [line for line in page.extract_text().splitlines() if line.strip()]
            assert not lines[-2].startswith("Diagram:"), (paper, lines[-3:])  # last line: the page number


def test_a_png_passes_through_unchanged():
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
    assert pdf_ready(png) == png


def test_the_handout_prints_every_stage_diagram_under_its_section():
    lesson = load_lesson(ROOT / "content")
    diagrams = load_diagrams(ROOT / "content", lesson.section_ids)
    source = stage_images(diagrams)
    assert sum(len(source(s.id)) for s in lesson.sections) == len(diagrams.items)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handout(lesson, "A4", source))).pages)
    captions = [title_of(image) for section in lesson.sections for image in source(section.id)]
    assert len(captions) == len(diagrams.items) and all(captions)
    assert all(caption in " ".join(text.split()) for caption in captions), "each diagram is captioned"
    for item in diagrams.processes.values():
        for stage in item.stages:
            assert stage.label.split()[0] in text, stage.label
