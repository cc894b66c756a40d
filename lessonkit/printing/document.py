"""The printed page every PDF here shares: paper, font, header line, page numbers, helpers.

Text arrives as this project's Markdown and is typeset through HTML with typographic
replacements (straight quotes become “curly” ones, ``--`` an en dash, ``---`` an em dash),
as Indonesian print expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TextStyle
from markdown_it import MarkdownIt

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "dejavu"
FONT = "DejaVu"
PAPERS = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
MARGIN = 18.0  # left and right
TEXT_WIDTH = min(width for width, _ in PAPERS.values()) - 2 * MARGIN  # the narrowest text column (A4)
INK, MUTED, RULE = (25, 25, 25), (95, 95, 95), (150, 150, 150)
TINTS = {"contoh": (232, 243, 252), "wawasan": (234, 246, 238), "ingat": (253, 240, 226)}


@lru_cache(maxsize=1)
def _typographer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": True, "html": False}).enable(
        ["table", "replacements", "smartquotes"])


def _quotes(parser: MarkdownIt) -> MarkdownIt:
    parser.options["quotes"] = "“”‘’"
    return parser


_LIST = re.compile(r"<(ol|ul)((?:\s[^>]*)?)>")
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
    spaced = _LIST.sub(r'<\1 line-height="1.3"\2>', _flat_cells(rendered))  # list lines spaced as paragraphs
    return spaced.replace("<p>", '<p line-height="1.3">').strip()


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
    """An A4/F4 page in DejaVu Sans with a running title and 'Halaman X dari Y' at the foot.

    A document may hold several parts (Paket A and Paket B): `start_part` before a part's
    first page makes its pages count from 1 again ("Halaman 1 dari K", K that part's pages).
    """

    def __init__(self, paper: str = "A4", title: str = ""):
        if paper not in PAPERS:
            raise ValueError(f"kertas '{paper}' tidak dikenal; pilih A4 atau F4")
        super().__init__(unit="mm", format=PAPERS[paper])
        self.paper = paper
        self.running_title = title
        self.part_starts = [1]
        self._scratch: Sheet | None = None
        self.set_margins(MARGIN, 16, MARGIN)
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

    def start_part(self) -> None:
        """The next page starts a part numbered on its own (see the class doc)."""
        if self.page_no():
            self.part_starts.append(self.page_no() + 1)

    def _number_pages(self) -> None:
        """'Halaman X dari Y' at the foot of every page, counted within its part."""
        self.set_auto_page_break(False)
        ends = [*self.part_starts[1:], self.pages_count + 1]
        for start, end in zip(self.part_starts, ends, strict=True):
            for page in range(start, end):
                self.page = page
                self.set_y(-12)
                self.font_family = ""  # this page's stream may have left another font: select it again
                self.set_font(FONT, "", 8)
                self.set_text_color(*MUTED)
                self.cell(0, 5, f"Halaman {page - start + 1} dari {end - start}", align="C")
        self.page = self.pages_count

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

    def height_of(self, draw: Callable[[Sheet], object]) -> float:
        """The height in mm ``draw(sheet)`` takes on this paper, drawn on a scratch sheet of the same
        size (exact wrapping, nothing added here); ``inf`` when it needs more than a fresh page."""
        if self._scratch is None:
            self._scratch = Sheet(self.paper, self.running_title)
            self._scratch.add_page()
        scratch = self._scratch
        scratch.add_page()
        page, top = scratch.page_no(), scratch.get_y()
        draw(scratch)
        return scratch.get_y() - top if scratch.page_no() == page else float("inf")

    def keep_together(self, draw: Callable[[Sheet], object]) -> None:
        """Start a new page unless what ``draw`` would put here fits below (measured with `height_of`);
        something taller than a fresh page stays where it is and flows on."""
        height = self.height_of(draw)
        if height != float("inf") and self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def output_bytes(self) -> bytes:
        self._number_pages()
        return bytes(self.output())


_TAG_STYLES = {
    "h1": TextStyle(font_family=FONT, font_style="B", font_size_pt=15, t_margin=5, b_margin=2, color=INK),
    "h2": TextStyle(font_family=FONT, font_style="B", font_size_pt=13, t_margin=5, b_margin=0, color=INK),
    "h3": TextStyle(font_family=FONT, font_style="B", font_size_pt=11.5, t_margin=4, b_margin=0, color=INK),
    "h4": TextStyle(font_family=FONT, font_style="B", font_size_pt=10.5, t_margin=3, b_margin=1, color=INK),
    "li": TextStyle(l_margin=6, t_margin=2.2),  # fpdf2's own: 5 mm indent, 2 mm apart, lines at 1.0
}
