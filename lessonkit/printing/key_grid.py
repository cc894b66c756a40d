"""The answer key's first page: a grid a teacher marks with, question number -> key and points.

Two halves side by side (numbers 1..k on the left, k+1..n on the right) so a packet of
40 questions fits one page; the keys are the short ones (a letter, letters, B/S per
statement, pairs, an order), as the answer key works them out for the worksheet's letters.
"""

from __future__ import annotations

from fpdf.enums import TableCellFillMode

from .document import FONT, MUTED, Sheet
from .layout import Printed

HEADINGS = ("No.", "Kunci", "Poin")
WIDTHS = (10.0, 0.0, 13.0)  # No. and Poin in mm; Kunci takes the rest of its half
GAP = 6.0  # mm between the halves


def key_grid(pdf: Sheet, rows: list[Printed], keys: list[str], paket: str | None) -> None:
    """The grid for ``rows`` (with their ``keys``) under a heading, from the current position."""
    pdf.heading("Tabel kunci jawaban" + (f" · Paket {paket}" if paket else ""), size=13, space_before=2)
    pdf.line_text("Cocokkan jawaban siswa dengan kolom Kunci; pembahasan tiap soal ada di halaman berikutnya.",
                  "I", 9, color=MUTED)
    pdf.ln(2)
    half = (len(rows) + 1) // 2
    cells = [(str(row.number), key, f"{row.question.points:g}") for row, key in zip(rows, keys, strict=True)]
    width = (pdf.width - GAP) / 2
    top, left = pdf.get_y(), pdf.l_margin
    bottoms = []
    for offset, part in ((0.0, cells[:half]), (width + GAP, cells[half:])):
        pdf.set_left_margin(left + offset)
        pdf.set_xy(left + offset, top)
        _table(pdf, part, width)
        bottoms.append(pdf.get_y())
    pdf.set_left_margin(left)
    pdf.set_xy(left, max(bottoms))


def _table(pdf: Sheet, cells: list[tuple[str, str, str]], width: float) -> None:
    pdf.set_font(FONT, "", 9.5)
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    widths = (WIDTHS[0], width - WIDTHS[0] - WIDTHS[2], WIDTHS[2])
    with pdf.table(col_widths=widths, text_align=("CENTER", "LEFT", "CENTER"), line_height=5.2,
                   padding=(1.1, 1.5), cell_fill_color=(243, 243, 243), cell_fill_mode=TableCellFillMode.ROWS,
                   first_row_as_headings=True, width=width, align="LEFT") as table:
        table.row(HEADINGS)
        for row in cells:
            table.row(row)
    pdf.set_font(FONT, "", 10.5)
