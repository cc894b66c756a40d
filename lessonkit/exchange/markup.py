"""Question text is Markdown; Moodle and QTI want HTML and give HTML back.

``to_html`` renders the CommonMark subset the app uses (raw HTML is escaped,
never passed through, so a teacher's text cannot inject markup); the output is
well-formed XHTML so it can be embedded in XML. ``to_markdown`` reduces HTML
written by Moodle's editors back to Markdown. ``same_text`` compares two
Markdown texts by what they render to (the round-trip tests' notion of "same").
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdownify import MarkdownConverter


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"xhtmlOut": True, "html": False}).enable("table")


def to_html(markdown: str) -> str:
    """Block HTML (``<p>``, lists, tables) for a Markdown text."""
    return _parser().render(markdown or "").strip()


def to_inline_html(markdown: str) -> str:
    """Inline HTML (no ``<p>``) for a short Markdown text such as an option."""
    return _parser().renderInline(markdown or "").strip()


class _Converter(MarkdownConverter):
    """markdownify with the Markdown flavour of this project's YAML files."""

    def convert_div(self, el, text, parent_tags):  # Moodle wraps text in <div>s; keep them as paragraphs
        return f"\n\n{text.strip()}\n\n" if text.strip() else ""

    def convert_span(self, el, text, parent_tags):
        return text


_CONVERTER = _Converter(heading_style="ATX", bullets="-", strong_em_symbol="*", escape_underscores=False)
_BLANK_LINES = re.compile(r"\n{3,}")


def to_markdown(fragment: str) -> str:
    """Markdown for an HTML fragment (Moodle's editors write HTML)."""
    text = _CONVERTER.convert(fragment or "")
    text = "\n".join(line.rstrip() for line in text.replace("\xa0", " ").splitlines())
    return _BLANK_LINES.sub("\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|b|i|strong|em|span|ol|ul|li|table|h\d)\b[^>]*>", text or "", re.I))


HTML_ELEMENTS = ("a|abbr|article|b|big|blockquote|br|caption|center|cite|code|col|colgroup|dd|del|dfn|div|dl|dt|em|"
                 "figcaption|figure|font|footer|h[1-6]|header|hr|i|img|ins|kbd|label|li|mark|nobr|ol|p|pre|q|s|"
                 "samp|section|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|wbr")
_TAG = re.compile(rf"</?(?:{HTML_ELEMENTS})(?:\s[^<>]*)?/?>|<!--.*?-->", re.S | re.I)


def plain(fragment: str) -> str:
    """Text content of an HTML fragment (for plain-text fields such as matching answers).

    Only HTML elements are removed: ``a < b > c`` or ``<Nama>`` in a plain text stays as written."""
    return html.unescape(_TAG.sub("", fragment or "")).strip()


def plain_text(markdown: str) -> str:
    """A short Markdown text as plain text (``Kelompok *volunteer*`` is ``Kelompok volunteer``)."""
    return plain(to_inline_html(markdown))


def canonical(markdown: str) -> str:
    """What a Markdown text renders to, whitespace-insensitive."""
    return " ".join(to_html(markdown).split())


def same_text(a: str, b: str) -> bool:
    return canonical(a) == canonical(b)
