"""The printed pages as a teacher gets them: PDFs rendered to PNG with pdftoppm (poppler, not ours) and
read back with pypdf; page counts, how full each page is, per-packet numbers, the key grid, diagram type."""

from __future__ import annotations

import importlib
import io
import math
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.printing import answer_key, handout, worksheet
from lessonkit.printing.document import TEXT_WIDTH, Sheet
from lessonkit.printing.figures import MIN_PT, aspect_of, print_width, smallest_print_pt, stage_images
from lessonkit.printing.layout import layout
from tests.conftest import ROOT
from tests.lessonkit.exchange.helpers import bank_selection

pypdf = pytest.importorskip("pypdf", reason="pypdf is in requirements-dev.txt")
Image = pytest.importorskip("PIL.Image", reason="Pillow comes with Streamlit")
worksheet_module = importlib.import_module("lessonkit.printing.worksheet")
FOOT_MM = 22  # the page number's band at the foot of an A4 page, left out when measuring how full it is


@pytest.fixture(scope="module")
def pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        reason = "pdftoppm (poppler-utils) tidak ditemukan; apt-get install poppler-utils"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1: {reason}")
        pytest.skip(reason)
    return found


def _filled(pdftoppm: str, data: bytes) -> list[float]:
    """For every page, how far down (0..1 of the area above the page number) its lowest ink reaches."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(data)
        subprocess.run([pdftoppm, "-r", "20", "-gray", "-png", str(source), f"{folder}/p"], check=True, timeout=120)
        fills = []
        for png in sorted(Path(folder).glob("p-*.png")):
            image = Image.open(png).convert("L")
            width, height = image.size
            usable = int(height * (1 - FOOT_MM / 297))
            pixels = image.load()
            lowest = max((y for y in range(usable) if any(pixels[x, y] < 200 for x in range(width))), default=0)
            fills.append(lowest / usable)
        return fills


def _texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@lru_cache(maxsize=2)
def _sheet(levels: tuple[str, ...], packets: bool) -> bytes:
    return worksheet(bank_selection(levels=list(levels)), packets=packets)


def test_a_worksheet_takes_at_most_3_pages_per_10_questions_and_no_page_is_left_half_empty(pdftoppm):
    selection = bank_selection(levels=["L1"])
    fills = _filled(pdftoppm, _sheet(("L1",), False))
    assert len(fills) <= math.ceil(0.3 * len(selection.items))  # 44 questions: 13 pages, 14 before packing
    assert min(fills[:-1]) >= 0.7, fills  # every page but the last filled to at least 70 %


def test_no_question_is_parted_from_its_options(monkeypatch):
    """Each question starts and ends on one page (an essay: its stem and first answer lines)."""
    spans = []
    draw = worksheet_module._draw

    def recorded(pdf, row, lines_cap=None):
        first = pdf.page_no()
        draw(pdf, row, lines_cap)
        if lines_cap is None and pdf._scratch is not None:  # the real sheet, not its measuring scratch
            spans.append((row.number, row.question.type, first, pdf.page_no()))
    monkeypatch.setattr(worksheet_module, "_draw", recorded)
    selection = bank_selection(levels=["L1"])
    worksheet(selection)
    assert len(spans) == len(selection.items)
    parted = [span for span in spans if span[2] != span[3] and span[1] != "essay"]
    assert not parted


def test_paket_a_and_b_each_number_their_own_pages(pdftoppm):
    data = _sheet(("L1",), True)
    texts = _texts(data)
    numbers = [re.search(r"Halaman (\d+) dari (\d+)", text).groups() for text in texts]
    starts = [i for i, text in enumerate(texts) if "LEMBAR KERJA · PAKET" in text]
    assert len(starts) == 2 and numbers[starts[0]] == ("1", str(starts[1])) and numbers[starts[1]][0] == "1"
    for part, (start, end) in enumerate(((starts[0], starts[1]), (starts[1], len(texts)))):
        total = end - start
        assert numbers[start:end] == [(str(k), str(total)) for k in range(1, total + 1)], part
    assert len(_filled(pdftoppm, data)) == len(texts)  # poppler renders the same pages pypdf reads


def test_the_key_opens_with_a_one_page_grid_of_every_number_then_the_explanations(pdftoppm):
    selection = bank_selection(quizzes=["studi-kasus"])
    data = answer_key(selection, packets=True)
    texts = _texts(data)
    firsts = [i for i, text in enumerate(texts) if "KUNCI JAWABAN · PAKET" in text]
    assert len(firsts) == 2
    for paket, first in zip("AB", firsts, strict=True):
        grid = texts[first]
        assert f"Tabel kunci jawaban · Paket {paket}" in grid and "Halaman 1 dari" in grid
        rows = [row for block in layout(selection, paket) for row in block.questions]
        cells = re.findall(r"^(\d+) (.+?) (\d+)$", grid, re.M)
        assert [int(number) for number, _, _ in sorted(cells, key=lambda c: int(c[0]))] == \
            list(range(1, len(rows) + 1))
        single = next(row for row in rows if row.question.type == "single")
        assert dict((int(n), key) for n, key, _ in cells)[single.number] == \
            "ABCDEFGH"[single.order.index(single.question.answer)]
        assert "Pembahasan · Paket " + paket in texts[first + 1] and "Pembahasan" not in grid
    assert len(_filled(pdftoppm, data)) == len(texts)


def test_a_grid_longer_than_a_page_goes_on_with_the_next_numbers_on_the_next_pages():
    selection = bank_selection()
    texts = _texts(answer_key(selection))
    grid_pages = texts[:next(i for i, text in enumerate(texts) if "Pembahasan" in text)]
    row = re.compile(r"^(\d{1,3})(?: |\n(?=\D))", re.M)  # a wrapped key puts its number on a line alone
    numbers = [sorted(int(n) for n in row.findall(text)) for text in grid_pages]
    total, per_page = len(selection.items), 50
    expected = [per_page] * (total // per_page) + ([total % per_page] if total % per_page else [])
    assert len(expected) > 1, "the whole bank needs more than one grid page"
    assert [len(found) for found in numbers] == expected == [len(set(found)) for found in numbers]
    assert [n for found in numbers for n in found] == list(range(1, len(selection.items) + 1))


def test_every_handout_diagram_prints_its_smallest_label_at_9_pt_or_more():
    lesson = load_lesson(ROOT / "content")
    images = stage_images(load_diagrams(ROOT / "content", lesson.section_ids))
    drawn = [image for section in lesson.section_ids for image in images(section)]
    timeline = next(image for image in drawn if b"IDI" in image and b"1950" in image)
    assert len(drawn) == 5
    for image in drawn:
        assert smallest_print_pt(image, print_width(image, TEXT_WIDTH)) >= MIN_PT
    assert aspect_of(timeline) > 1  # its stages stacked: the wide drawing printed its labels at 6.7 pt


def _text_sizes(page) -> list[tuple[float, str]]:
    """Every text run on a PDF page with its size in pt as printed (font size scaled by both matrices)."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append((size * math.hypot(c, d), text.strip()))
    page.extract_text(visitor_text=visit)
    return sizes


def test_the_printed_idi_timeline_has_no_label_under_9_pt(pdftoppm):
    lesson = load_lesson(ROOT / "content")
    diagrams = load_diagrams(ROOT / "content", lesson.section_ids)
    data = handout(lesson, "A4", stage_images(diagrams))
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    [page] = [p for p in pages if "Diagram: Dari Sekolah Dokter Jawa sampai IDI" in p.extract_text()]
    stages = diagrams.processes["idi-timeline"].stages
    words = {str(stage.year) for stage in stages} | {stage.label.split()[0] for stage in stages}
    printed = [(size, text) for size, text in _text_sizes(page) if text.split()[0] in words]
    assert len(printed) >= 2 * len(stages)
    assert min(size for size, _ in printed) >= 9, printed  # the wide drawing printed them at 6.7 pt
    assert len(_filled(pdftoppm, data)) == len(pages)


def test_a_numbered_lists_lines_are_as_far_apart_as_a_paragraphs():
    text = "Anggota dipilih berdasarkan kompetensi, yaitu kemampuan dan keahlian yang sesuai dengan bidang. " * 3
    sheet = Sheet()
    assert sheet.height_of(lambda pdf: pdf.markdown("1. " + text)) >= sheet.height_of(lambda pdf: pdf.markdown(text))
