"""The whole lesson as a printed handout (bahan ajar) for students without a device.

A title page (module description and objectives), then every section: its title and
reading time, a box with its objectives, the text with its callouts (Contoh, Wawasan,
Ingat) as tinted boxes, the diagrams, the summary; the project (tiers, ethics, rubric, assessment
forms) and the glossary at the end.

Diagrams: ``diagrams(section_id)`` returns the images for a section (SVG or PNG bytes),
in order; each is drawn under the section text at its own size, no wider than the text.
``figures.stage_images`` supplies the lesson's stage diagrams (the app and the CLI pass
it); without a source the handout simply has no pictures.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..lesson.content import CALLOUT_KINDS, Lesson, Section
from ..lesson.project import markdown_of
from .document import FONT, MUTED, TINTS, Sheet, plain_of
from .figures import DiagramSource, aspect_of, pdf_ready, print_width, title_of


def _no_diagrams(section_id: str) -> Sequence[bytes]:
    return ()


def _title_page(pdf: Sheet, lesson: Lesson) -> None:
    pdf.add_page()
    module = lesson.module
    pdf.ln(20)
    pdf.line_text("BAHAN AJAR", "B", 10, color=MUTED)
    pdf.heading(module.title if module else "Bahan Ajar", size=22, space_before=2)
    if module:
        pdf.line_text(module.subject, "", 11, color=MUTED)
        pdf.ln(8)
        pdf.markdown(module.description, size=11.5)
        pdf.ln(4)
        pdf.heading("Tujuan pembelajaran", size=13)
        for objective in module.objectives:
            pdf.line_text(f"•  {objective}", size=11, indent=2)
    pdf.ln(8)
    pdf.heading("Isi", size=13)
    for number, section in enumerate(lesson.sections, start=1):
        pdf.line_text(f"{number}. {section.title} ({section.meta.minutes} menit)", size=11, indent=2)


def _objectives(pdf: Sheet, section: Section) -> None:
    pdf.set_fill_color(240, 240, 240)
    pdf.set_font(FONT, "B", 10)
    codes = f" ({', '.join(section.meta.tp)})" if section.meta.tp else ""
    pdf.cell(0, 7, f"  Tujuan belajar bagian ini{codes}", fill=True, new_x="LMARGIN", new_y="NEXT")
    for objective in section.meta.objectives:
        pdf.line_text(f"•  {objective}", size=10, indent=4, height=5.2)
    pdf.ln(3)


def _callout(pdf: Sheet, kind: str, title: str, text: str) -> None:
    pdf.keep(32)
    pdf.ln(2)
    pdf.set_fill_color(*TINTS.get(kind, (240, 240, 240)))
    pdf.set_font(FONT, "B", 10.5)
    label = CALLOUT_KINDS.get(kind, "")
    title = plain_of(title)
    heading = title if not title or title.lower().startswith(label.lower()) else f"{label}: {title}"
    pdf.multi_cell(0, 7, f"  {heading}", fill=True, align="L", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y()
    pdf.ln(1.5)
    pdf.markdown(text, size=10, indent=4)
    bottom = pdf.get_y()
    if pdf.page_no() and bottom > top:
        pdf.set_draw_color(*TINTS.get(kind, (220, 220, 220)))
        pdf.set_line_width(1.2)
        pdf.line(pdf.l_margin + 0.6, top, pdf.l_margin + 0.6, bottom)
    pdf.ln(3)


def _image(pdf: Sheet, data: bytes) -> None:
    """The diagram under its caption, both moved to the next page when the drawing does not fit below."""
    caption = title_of(data)
    ratio = aspect_of(data) or 0.35
    width = print_width(data, pdf.width)
    pdf.keep(min(width * ratio + (8 if caption else 0), pdf.page_break_trigger - pdf.t_margin - 10))
    if caption:
        pdf.line_text(caption, "B", 10)
        pdf.ln(1)
    try:
        pdf.image(io.BytesIO(pdf_ready(data)), x=pdf.l_margin + (pdf.width - width) / 2, w=width)
    except Exception:  # a diagram fpdf2 cannot draw must not cost the teacher the whole handout
        pdf.line_text("(Diagram bagian ini tidak dapat dicetak; lihat di aplikasi.)", "I", 9, color=MUTED)
    pdf.ln(4)


def _section(pdf: Sheet, number: int, section: Section, diagrams: DiagramSource) -> None:
    pdf.add_page()
    pdf.line_text(f"BAGIAN {number} · sekitar {section.meta.minutes} menit", "B", 9, color=MUTED)
    pdf.heading(section.title, size=17, space_before=1)
    _objectives(pdf, section)
    for block in section.blocks:
        if block.kind == "markdown":
            pdf.markdown(block.text)
        else:
            _callout(pdf, block.kind, block.title, block.text)
    for image in diagrams(section.id):
        _image(pdf, image)
    pdf.keep(25)
    pdf.heading("Rangkuman", size=12, space_before=3)
    for point in section.meta.summary:
        pdf.line_text(f"•  {point}", size=10, indent=2, height=5.2)
    if section.meta.key_terms:
        pdf.ln(2)
        pdf.line_text("Istilah kunci: " + ", ".join(section.meta.key_terms), "I", 9.5, color=MUTED)


def _glossary(pdf: Sheet, lesson: Lesson) -> None:
    pdf.add_page()
    pdf.heading("Glosarium", size=17)
    titles = {s.id: s.title for s in lesson.sections}
    for term in lesson.glossary:
        pdf.keep(14)
        pdf.set_font(FONT, "B", 10.5)
        pdf.multi_cell(0, 5.5, plain_of(term.term), new_x="LMARGIN", new_y="NEXT")
        pdf.line_text(term.definition, size=10, indent=4, height=5.2)
        where = titles.get(term.section)
        if where:
            pdf.line_text(f"Lihat bagian: {where}", "I", 8.5, indent=4, color=MUTED)
        pdf.ln(1.5)


def handout(lesson: Lesson, paper: str = "A4", diagrams: DiagramSource | None = None) -> bytes:
    """The lesson as a PDF (bytes); ``diagrams`` supplies each section's images (see module doc)."""
    title = lesson.module.title if lesson.module else "Bahan Ajar"
    pdf = Sheet(paper, title)
    _title_page(pdf, lesson)
    for number, section in enumerate(lesson.sections, start=1):
        _section(pdf, number, section, diagrams or _no_diagrams)
    if lesson.project is not None:
        pdf.add_page()
        pdf.heading(lesson.project.title, size=17)
        pdf.markdown(markdown_of(lesson.project), size=10)
    if lesson.glossary:
        _glossary(pdf, lesson)
    return pdf.output_bytes()
