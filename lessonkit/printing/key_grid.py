"""The answer key's first page: a grid a teacher marks with, question number -> key and points.

Two columns of number, key and points side by side (numbers 1..k in the first, k+1..2k in
the second), `ROWS` a column, so a class test of up to 50 questions fits one page (a longer
one goes on over the next pages); the keys are the short ones (a letter, letters, B/S per
statement, pairs, an order), as the answer key works them out for the worksheet's letters.
"""

from __future__ import annotations

from fpdf.enums import TableCellFillMode

from .document import FONT, MUTED, Sheet
from .layout import Printed

HEADINGS = ("No.", "Kunci", "Poin")
WIDTHS = (10.0, 0.0, 13.0)  # No. and Poin in mm; Kunci takes the rest of its half
GAP = 5.0  # mm between the columns
COLUMNS = 2
ROWS = 25  # rows of one column on one page


def key_grid(pdf: Sheet, rows: list[Printed], keys: list[str], paket: str | None) -> None:
    """The grid for ``rows`` (with their ``keys``) under a heading, from the current position; the next
    page follows it."""
    pdf.heading("Tabel kunci jawaban" + (f" · Paket {paket}" if paket else ""), size=13, space_before=2)
    pdf.line_text("Cocokkan jawaban siswa dengan kolom Kunci; pembahasan tiap soal ada di halaman berikutnya.",
                  "I", 9, color=MUTED)
    pdf.ln(2)
    cells = [(str(row.number), key, f"{row.question.points:g}") for row, key in zip(rows, keys, strict=True)]
    for start in range(0, len(cells), COLUMNS * ROWS):
        if start:
            pdf.add_page()
        _columns(pdf, cells[start:start + COLUMNS * ROWS])


def _columns(pdf: Sheet, cells: list[tuple[str, str, str]]) -> None:
    """``cells`` in `COLUMNS` tables side by side, filled top to bottom, on this page."""
    per_column = -(-len(cells) // COLUMNS)
    width = (pdf.width - GAP * (COLUMNS - 1)) / COLUMNS
    top, left = pdf.get_y(), pdf.l_margin
    bottoms = []
    for column in range(COLUMNS):
        part = cells[column * per_column:(column + 1) * per_column]
        if not part:
            continue
        pdf.set_left_margin(left + column * (width + GAP))
        pdf.set_xy(pdf.l_margin, top)
        _table(pdf, part, width)
        bottoms.append(pdf.get_y())
    pdf.set_left_margin(left)
    pdf.set_xy(left, max(bottoms))


def _table(pdf: Sheet, cells: list[tuple[str, str, str]], width: float) -> None:
    pdf.set_font(FONT, "", 9.5)
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    widths = (WIDTHS[0], width - WIDTHS[0] - WIDTHS[2], WIDTHS[2])
    with pdf.table(col_widths=widths, text_align=("CENTER", "LEFT", "CENTER"), line_height=4.8,
                   padding=(0.7, 1.2), cell_fill_color=(243, 243, 243), cell_fill_mode=TableCellFillMode.ROWS,
                   first_row_as_headings=True, width=width, align="LEFT") as table:
        table.row(HEADINGS)
        for row in cells:
            table.row(row)
    pdf.set_font(FONT, "", 10.5)
