"""Lembar kerja: numbered questions with room to answer, ready to photocopy.

A header with Nama/Kelas/Tanggal fields and the instructions; shared texts printed once
above their questions; per type: options with letters (multiple choice: a box per
option), two boxes per true/false statement (headed by the initials of the item's column
labels, B/S by default), a box per matching item with the lettered choices under it, a
box per ordering item for its number, a line for a short answer and ruled lines for an
essay. Optional Paket A/B with shuffled order (`layout`).
"""

from __future__ import annotations

import functools

from ..exchange.selection import Selection
from ..quiz.types import of_type, scoring_note, true_false, type_name
from .document import FONT, INK, MUTED, TINTS, Sheet, plain_of
from .layout import Block, Printed, layout, letter

INDENT = 8.0
KEPT_LINES = 3  # an essay's first answer lines stay on its stem's page; the rest may go on to the next
INSTRUCTIONS = {
    "single": "Lingkari huruf jawaban yang paling tepat.",
    "multiple": "Beri tanda ✓ pada kotak setiap jawaban yang benar (bisa lebih dari satu).",
    "true_false": "Beri tanda ✓ pada salah satu kotak untuk setiap pernyataan.",
    "matching": "Tulis huruf pasangan yang tepat di kotak; tiap huruf dipakai paling banyak satu kali.",
    "ordering": "Tulis nomor urut 1, 2, 3, … di kotak, mulai dari yang pertama.",
    "short_answer": "Tulis jawaban singkat di garis.",
    "essay": "Tulis jawabanmu di garis yang tersedia.",
}


def title_of(selection: Selection) -> str:
    quizzes = list(dict.fromkeys(item.quiz.title for item in selection.items))
    return quizzes[0] if len(quizzes) == 1 else "Kelompok Profesi dan Kelompok Volunteer"


def _header(pdf: Sheet, heading: str, title: str, paket: str | None) -> None:
    pdf.add_page()
    pdf.line_text(heading.upper() + (f" · PAKET {paket}" if paket else ""), "B", 9.5, color=MUTED)
    pdf.heading(title, size=16, space_before=1)
    pdf.set_font(FONT, "", 10.5)
    y = pdf.get_y() + 2
    fields = (("Nama", 0, 84), ("Kelas", 90, 34), ("Tanggal", 130, pdf.width - 130))
    for label, offset, width in fields:
        x = pdf.l_margin + offset
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(label + ": ") + 1, 7, f"{label}:")
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.25)
        start = x + pdf.get_string_width(label + ": ") + 1
        pdf.line(start, y + 6, x + width, y + 6)
    pdf.set_y(y + 11)


def _instructions(pdf: Sheet, blocks: list[Block]) -> None:
    count = sum(len(b.questions) for b in blocks)
    points = sum(p.question.points for b in blocks for p in b.questions)
    pdf.set_fill_color(245, 245, 245)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(0, 6.5, "  Petunjuk", fill=True, new_x="LMARGIN", new_y="NEXT")
    text = (f"Kerjakan {count} soal berikut dengan teliti (jumlah poin {points:g}). Bacalah setiap soal dan "
            "petunjuk di bawah nomornya sebelum menjawab. Tulis jawaban dengan jelas memakai pulpen.")
    pdf.line_text(text, size=9.5, indent=2, height=5)
    pdf.ln(3)


def _stimulus(pdf: Sheet, block: Block) -> None:
    first, last = block.questions[0].number, block.questions[-1].number
    numbers = f"nomor {first}" if first == last else f"nomor {first}–{last}"
    pdf.keep(40)
    pdf.set_fill_color(*TINTS["contoh"])
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 6.5, f"  Bacalah teks berikut untuk menjawab soal {numbers}.", fill=True, align="L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.markdown(block.stimulus, size=10, indent=3)
    pdf.ln(3)


def _prompt(pdf: Sheet, row: Printed) -> None:
    q = row.question
    top = pdf.get_y()
    pdf.set_font(FONT, "B", 10.5)
    pdf.set_xy(pdf.l_margin, top + 2)
    pdf.cell(INDENT, 5, f"{row.number}.")
    pdf.set_y(top)
    pdf.markdown(q.prompt, indent=INDENT)
    note = " · ".join(filter(None, (type_name(q), f"{q.points:g} poin" if q.points != 1 else None, scoring_note(q))))
    extra = " Ada pilihan yang tidak punya pasangan." if q.type == "matching" and q.distractors else ""
    instruction = of_type(INSTRUCTIONS, q.type, "worksheet instructions")
    pdf.line_text(f"{note}. {instruction}{extra}", "I", 8.5, indent=INDENT, height=4.5, color=MUTED)
    pdf.ln(1)


def _options(pdf: Sheet, row: Printed, boxes: bool) -> None:
    """Options with their letters: in two columns (A, B, C down the left) when every one fits half a line."""
    q = row.question
    texts = [plain_of(q.options[index].text) for index in row.order]
    lead = 6 + (6 if boxes else 0)  # the letter, and the box before it
    half = (pdf.width - INDENT) / 2
    pdf.set_font(FONT, "", 10.5)
    paired = len(texts) > 2 and all(pdf.get_string_width(text) + lead + 4 <= half for text in texts)
    rows = (len(texts) + 1) // 2 if paired else len(texts)
    for line in range(rows):
        pdf.keep(7)
        y = pdf.get_y()
        for column, position in enumerate(range(line, len(texts), rows)):
            x = pdf.l_margin + INDENT + column * half
            if boxes:
                pdf.box(x, y + 0.6)
                x += 6
            pdf.set_xy(x, y)
            pdf.set_font(FONT, "B", 10.5)
            pdf.cell(6, 5.4, f"{letter(position)}.")
            pdf.set_font(FONT, "", 10.5)
            pdf.multi_cell(half - lead if paired else pdf.l_margin + pdf.width - pdf.get_x(), 5.4, texts[position],
                           align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)


def _boxed_rows(pdf: Sheet, texts: list[str], labels: list[str], boxes: int, box_labels: tuple[str, ...] = ()) -> None:
    """Rows of text with ``boxes`` answer boxes at the right (B/S) or one box at the left."""
    right = boxes > 1
    text_x = pdf.l_margin + INDENT + (7 if right else 12)
    text_w = pdf.width - INDENT - (7 if right else 12) - (boxes * 9 + 2 if right else 0)
    if right and box_labels:
        pdf.set_font(FONT, "B", 9)
        for k, label in enumerate(box_labels):
            pdf.set_xy(pdf.l_margin + pdf.width - boxes * 9 + k * 9, pdf.get_y())
            pdf.cell(6, 5, label, align="C")
        pdf.ln(5.5)
    for label, text in zip(labels, texts, strict=True):
        pdf.set_font(FONT, "", 10.5)
        lines = pdf.multi_cell(text_w, 5.6, plain_of(text), dry_run=True, output="LINES")
        pdf.keep(len(lines) * 5.6 + 3)
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin + INDENT, y)
        pdf.set_font(FONT, "B", 10.5)
        if right:
            pdf.cell(7, 5.6, label)
            for k in range(boxes):
                pdf.box(pdf.l_margin + pdf.width - boxes * 9 + k * 9 + 0.9, y + 0.7)
        else:
            pdf.box(pdf.l_margin + INDENT, y + 0.4, 5.2)
            pdf.set_x(pdf.l_margin + INDENT + 6.5)
            pdf.cell(5.5, 5.6, label)
        pdf.set_font(FONT, "", 10.5)
        pdf.set_xy(text_x, y)
        pdf.multi_cell(text_w, 5.6, plain_of(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.0)


def _choices(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    _options(pdf, row, boxes=False)


def _boxed_choices(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    _options(pdf, row, boxes=True)


def _statements(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    q = row.question
    heads = true_false.initials(q)
    pdf.line_text("; ".join(f"{head} = {label}" for head, label in zip(heads, q.labels, strict=True)), "B", 9,
                  indent=INDENT, height=4.6)
    _boxed_rows(pdf, [s.text for s in q.statements], [f"{i}." for i in range(1, len(q.statements) + 1)],
                2, heads)


def _pairs(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    q = row.question
    _boxed_rows(pdf, [p.left for p in q.pairs], [f"{i}." for i in range(1, len(q.pairs) + 1)], 1)
    pdf.line_text("Pilihan:", "B", 9.5, indent=INDENT)
    rights = q.rights
    for position, index in enumerate(row.order):
        pdf.line_text(f"{letter(position)}. {rights[index]}", size=10, indent=INDENT + 4, height=5.4)


def _items(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    q = row.question
    _boxed_rows(pdf, [q.items[i] for i in row.order], [f"{letter(k)}." for k in range(len(row.order))], 1)


def _one_line(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    pdf.writing_lines(1, indent=INDENT)


def _essay_lines(pdf: Sheet, row: Printed, lines_cap: int | None) -> None:
    lines = int(min(16, max(6, 2 * row.question.points + 4)))
    pdf.writing_lines(min(lines, lines_cap or lines), indent=INDENT)


# per type: the answer space under the prompt
ANSWER_SPACE = {"single": _choices, "multiple": _boxed_choices, "true_false": _statements, "matching": _pairs,
                "ordering": _items, "short_answer": _one_line, "essay": _essay_lines}


def _draw(pdf: Sheet, row: Printed, lines_cap: int | None = None) -> None:
    """A question and its answer space; ``lines_cap`` draws at most that many of an essay's lines."""
    _prompt(pdf, row)
    of_type(ANSWER_SPACE, row.question.type, "worksheet answer space")(pdf, row, lines_cap)
    pdf.ln(3)


def _question(pdf: Sheet, row: Printed) -> None:
    """A question on the page it fits whole (an essay: with its first lines), so no stem is parted from
    its options; the page is filled up to there."""
    pdf.keep_together(functools.partial(_draw, row=row, lines_cap=KEPT_LINES))
    _draw(pdf, row)


def render(pdf: Sheet, blocks: list[Block], title: str, paket: str | None) -> None:
    pdf.start_part()
    _header(pdf, "Lembar kerja", title, paket)
    _instructions(pdf, blocks)
    for block in blocks:
        if block.stimulus:
            _stimulus(pdf, block)
        for row in block.questions:
            _question(pdf, row)


def worksheet(selection: Selection, paper: str = "A4", packets: bool = False) -> bytes:
    """The worksheet PDF; with ``packets`` Paket A then Paket B (each starting on a new page)."""
    title = title_of(selection)
    pdf = Sheet(paper, f"Lembar kerja · {title}")
    for paket in ("A", "B") if packets else (None,):
        render(pdf, layout(selection, paket), title, paket)
    return pdf.output_bytes()
