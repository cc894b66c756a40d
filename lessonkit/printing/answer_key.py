"""Kunci jawaban: first a one-page grid of the keys a teacher marks with (`key_grid`), then
the key of every question in the worksheet's own letters with its explanation; the essays'
model answers and rubrics follow on pages of their own (a teacher can hand out the key
without them, or grade with them). With packets, one key per packet, each starting on a
new page and numbering its pages from 1.
"""

from __future__ import annotations

from ..exchange.selection import Selection
from ..lesson.rubric import points_text, sample_text
from ..quiz.types import of_type, short_answer, true_false, type_name
from .document import FONT, MUTED, Sheet, plain_of
from .key_grid import key_grid
from .layout import Printed, layout, letter
from .worksheet import title_of

INDENT = 9.0


def _single(row: Printed, brief: bool) -> str:
    q = row.question
    position = row.order.index(q.answer)
    return letter(position) if brief else f"{letter(position)}. {plain_of(q.options[q.answer].text)}"


def _multiple(row: Printed, brief: bool) -> str:
    q = row.question
    return ", ".join(letter(p) for p, i in enumerate(row.order) if q.options[i].correct)


def _true_false(row: Printed, brief: bool) -> str:
    q = row.question
    heads = dict(zip((True, False), true_false.initials(q), strict=True))
    return (" " if brief else "; ").join(f"{n}{'' if brief else '. '}{heads[s.answer]}"
                                          for n, s in enumerate(q.statements, start=1))


def _matching(row: Printed, brief: bool) -> str:
    return "; ".join(f"{n}–{letter(row.order.index(n - 1))}" for n in range(1, len(row.question.pairs) + 1))


def _ordering(row: Printed, brief: bool) -> str:
    return "Urutan: " + ", ".join(letter(row.order.index(i)) for i in range(len(row.question.items)))


def _short_answer(row: Printed, brief: bool) -> str:
    accept = row.question.accept
    return " / ".join(accept[:2] + (["…"] if brief and len(accept) > 2 else accept[2:]))


def _essay(row: Printed, brief: bool) -> str:
    return "lihat rubrik uraian"


KEYS = {"single": _single, "multiple": _multiple, "true_false": _true_false, "matching": _matching,
        "ordering": _ordering, "short_answer": _short_answer, "essay": _essay}


def _no_note(q) -> None:
    return None


# per type: what a teacher marking by hand needs beside the key (the typos a short answer tolerates)
MARKING_NOTES = {"single": _no_note, "multiple": _no_note, "true_false": _no_note, "matching": _no_note,
                 "ordering": _no_note, "short_answer": short_answer.typo_note, "essay": _no_note}


def key_of(row: Printed, brief: bool = False) -> str:
    """The answer as the student writes it on this worksheet; ``brief`` (for the key grid): a choice's letter
    without its text, true/false as "1B 2S", a short answer's first two accepted answers."""
    return of_type(KEYS, row.question.type, "answer key")(row, brief)


def _entry(pdf: Sheet, row: Printed) -> None:
    q = row.question
    pdf.keep(18)
    y = pdf.get_y()
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(INDENT, 5.8, f"{row.number}.")
    pdf.set_xy(pdf.l_margin + INDENT, y)
    pdf.multi_cell(pdf.width - INDENT, 5.8, key_of(row), align="L", new_x="LMARGIN", new_y="NEXT")
    typos = of_type(MARKING_NOTES, q.type, "answer key marking note")(q)
    pdf.line_text(" · ".join(filter(None, (type_name(q), f"{q.points:g} poin", typos))), "I", 8.5, indent=INDENT,
                  height=4.4, color=MUTED)
    pdf.line_text(q.explanation, size=9.5, indent=INDENT, height=5)
    pdf.ln(2.5)


def _rubric(pdf: Sheet, row: Printed) -> None:
    q = row.question
    pdf.keep(50)
    pdf.heading(f"Soal nomor {row.number} ({q.points:g} poin)", size=12, space_before=2)
    pdf.markdown(q.prompt, size=10)
    pdf.line_text("Jawaban model", "B", 10)
    pdf.markdown(q.model_answer, size=10, indent=3)
    pdf.line_text("Rubrik penilaian", "B", 10)
    total = sum(c.points for c in q.rubric)
    for criterion in q.rubric:
        pdf.keep(10)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 10)
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(pdf.width - 25, 5.2, f"•  {plain_of(criterion.criterion)}", align="L",
                       new_x="LMARGIN", new_y="NEXT")
        after = pdf.get_y()
        pdf.set_xy(pdf.l_margin + pdf.width - 20, y)
        pdf.cell(20, 5.2, f"{criterion.points:g} poin", align="R")
        pdf.set_y(after + 0.8)
        for level in criterion.levels:
            pdf.line_text(f"{level.label} ({points_text(level.points)}): {plain_of(level.descriptor)}", size=9,
                          indent=9, height=4.6)
    pdf.line_text(f"Skor rubrik maksimum {total:g}; nilai soal = skor ÷ {total:g} × {q.points:g} poin.",
                  "I", 9, indent=3, color=MUTED)
    if q.samples:
        pdf.line_text("Contoh jawaban per tingkat", "B", 10)
        for sample in q.samples:
            pdf.keep(10)
            pdf.markdown(sample_text(sample), size=9.5, indent=3)
    pdf.ln(3)


def render(pdf: Sheet, selection: Selection, title: str, paket: str | None) -> None:
    rows = [row for block in layout(selection, paket) for row in block.questions]
    pdf.start_part()
    pdf.add_page()
    pdf.line_text("KUNCI JAWABAN" + (f" · PAKET {paket}" if paket else ""), "B", 9.5, color=MUTED)
    pdf.heading(title, size=16, space_before=1)
    pdf.line_text("Untuk guru. Huruf dan nomor sesuai lembar kerja dengan judul dan paket yang sama.", "I", 9,
                  color=MUTED)
    key_grid(pdf, rows, [key_of(row, brief=True) for row in rows], paket)
    pdf.add_page()
    pdf.heading("Pembahasan" + (f" · Paket {paket}" if paket else ""), size=13, space_before=0)
    pdf.ln(1)
    for row in rows:
        _entry(pdf, row)
    essays = [row for row in rows if not row.question.auto_graded]  # a person grades them with the rubric
    if essays:
        pdf.add_page()
        pdf.line_text("RUBRIK URAIAN" + (f" · PAKET {paket}" if paket else ""), "B", 9.5, color=MUTED)
        pdf.heading("Jawaban model dan rubrik penilaian", size=16, space_before=1)
        for row in essays:
            _rubric(pdf, row)


def answer_key(selection: Selection, paper: str = "A4", packets: bool = False) -> bytes:
    title = title_of(selection)
    pdf = Sheet(paper, f"Kunci jawaban · {title}")
    for paket in ("A", "B") if packets else (None,):
        render(pdf, selection, title, paket)
    return pdf.output_bytes()
