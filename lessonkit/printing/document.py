"""The printed page every PDF here shares: paper, font, header line, page numbers, helpers.

Text arrives as this project's Markdown and is typeset through HTML with typographic
replacements (straight quotes become “curly” ones, ``--`` an en dash, ``---`` an em dash),
as Indonesian print expects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TextStyle
from markdown_it import MarkdownIt

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "dejavu"
FONT = "DejaVu"
PAPERS = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
INK, MUTED, RULE = (25, 25, 25), (95, 95, 95), (150, 150, 150)
TINTS = {"contoh": (232, 243, 252), "wawasan": (234, 246, 238), "ingat": (253, 240, 226)}


@lru_cache(maxsize=1)
def _typographer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": True, "html": False}).enable(
        ["table", "replacements", "smartquotes"])


def _quotes(parser: MarkdownIt) -> MarkdownIt:
    parser.options["quotes"] = "“”‘’"
    return parser


_CELL = re.compile(r"(<t[dh](?:\s[^>]*)?>)(.*?)(</t[dh]>)", re.S)


def _flat_cells(html: str) -> str:
    """fpdf2 cannot nest tags inside table cells: keep their text only."""
    def cell(match: re.Match) -> str:
        opening = match.group(1) if "align" in match.group(1) else match.group(1)[:-1] + ' align="left">'
        return opening + re.sub(r"<[^>]+>", "", match.group(2)) + match.group(3)
    return _CELL.sub(cell, html)


def html_of(markdown: str, inline: bool = False) -> str:
    parser = _quotes(_typographer())
    rendered = parser.renderInline(markdown or "") if inline else parser.render(markdown or "")
    return _flat_cells(rendered).replace("<p>", '<p line-height="1.3">').strip()


def plain_of(markdown: str) -> str:
    """One-line text with typographic quotes and dashes, Markdown emphasis dropped."""
    tokens = _quotes(_typographer()).parseInline(markdown or "")
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return " ".join("".join(parts).split())


class Sheet(FPDF):
    """An A4/F4 page in DejaVu Sans with a running title and 'Halaman X dari Y' at the foot."""

    def __init__(self, paper: str = "A4", title: str = ""):
        if paper not in PAPERS:
            raise ValueError(f"kertas '{paper}' tidak dikenal; pilih A4 atau F4")
        super().__init__(unit="mm", format=PAPERS[paper])
        self.running_title = title
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Oblique"), ("BI", "-BoldOblique")):
            self.add_font(FONT, style, str(FONT_DIR / f"DejaVuSans{suffix}.ttf"))
        self.set_font(FONT, size=10.5)
        self.set_text_color(*INK)
        self.set_title(title)
        self.set_lang("id")
        self.set_creator("Modul Kelompok Profesi dan Kelompok Volunteer")

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def header(self) -> None:
        if self.page_no() == 1 or not self.running_title:
            return
        self.set_font(FONT, "I", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.running_title, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"Halaman {self.page_no()} dari {{nb}}", align="C")
        self.set_text_color(*INK)

    # --- text -------------------------------------------------------------------------------
    def heading(self, text: str, size: float = 15, space_before: float = 2) -> None:
        self.ln(space_before)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, plain_of(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 10.5)
        self.ln(1.5)

    def markdown(self, text: str, size: float = 10.5, indent: float = 0) -> None:
        self.set_font(FONT, "", size)
        if indent:
            self.set_left_margin(self.l_margin + indent)
            self.set_x(self.l_margin)
        self.write_html(html_of(text), tag_styles=_TAG_STYLES, ul_bullet_char="•", li_prefix_color=INK,
                        table_line_separators=True)
        if indent:
            self.set_left_margin(self.l_margin - indent)
            self.set_x(self.l_margin)

    def line_text(self, text: str, style: str = "", size: float = 10.5, height: float = 5.5,
                  indent: float = 0, color=INK) -> None:
        """A wrapped paragraph of plain text (typographic quotes applied)."""
        self.set_font(FONT, style, size)
        self.set_text_color(*color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.width - indent, height, plain_of(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.set_font(FONT, "", 10.5)

    # --- answer space ------------------------------------------------------------------------
    def writing_lines(self, count: int, indent: float = 6, gap: float = 8.5) -> None:
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        for _ in range(count):
            if self.get_y() + gap > self.page_break_trigger:
                self.add_page()
            self.ln(gap)
            self.line(self.l_margin + indent, self.get_y(), self.l_margin + self.width, self.get_y())
        self.ln(3)

    def box(self, x: float, y: float, size: float = 4.2) -> None:
        self.set_draw_color(*INK)
        self.set_line_width(0.25)
        self.rect(x, y, size, size)

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def output_bytes(self) -> bytes:
        return bytes(self.output())


_TAG_STYLES = {
    "h1": TextStyle(font_family=FONT, font_style="B", font_size_pt=15, t_margin=5, b_margin=2, color=INK),
    "h2": TextStyle(font_family=FONT, font_style="B", font_size_pt=13, t_margin=5, b_margin=0, color=INK),
    "h3": TextStyle(font_family=FONT, font_style="B", font_size_pt=11.5, t_margin=4, b_margin=0, color=INK),
    "h4": TextStyle(font_family=FONT, font_style="B", font_size_pt=10.5, t_margin=3, b_margin=1, color=INK),
}
