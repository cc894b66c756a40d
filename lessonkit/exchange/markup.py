"""Question text is Markdown; Moodle and QTI want HTML and give HTML back.

``to_html`` renders the CommonMark subset the app uses (raw HTML is escaped,
never passed through, so a teacher's text cannot inject markup); the output is
well-formed XHTML so it can be embedded in XML. ``to_markdown`` reduces HTML
written by Moodle's editors back to Markdown. ``same_text`` compares two
Markdown texts by what they render to (the round-trip tests' notion of "same").

What comes in is made safe for an offline app: ``to_markdown`` and ``offline``
drop images that are not inside the text (``http://``, ``//host``, any scheme
but ``data:``; the app must never fetch from outside) and turn links other
than http(s) (``javascript:``, ``file:``, ...) into their text. HTML nested
deeper than ``MAX_DEPTH`` tags is refused with a `MarkupError` (Indonesian)
before the recursive converter could overflow.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdownify import MarkdownConverter

from ..rules.remote import MARKDOWN_IMAGE, SCHEME


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


    def convert_img(self, el, text, parent_tags):  # the app never fetches images from outside; none are carried
        return ""

    def convert_a(self, el, text, parent_tags):
        if _WEB_LINK.match(el.get("href") or ""):
            return super().convert_a(el, text, parent_tags)
        return text


_CONVERTER = _Converter(heading_style="ATX", bullets="-", strong_em_symbol="*", escape_underscores=False)
_BLANK_LINES = re.compile(r"\n{3,}")
MAX_DEPTH = 100
_WEB_LINK = re.compile(r"\s*https?://", re.I)
_NESTING_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?(?!https?://)" + SCHEME + r"[^)]*\)")
_AUTOLINK = re.compile(r"<((?!https?:)[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


class MarkupError(ValueError):
    """HTML that cannot be turned into Markdown; ``str()`` is the Indonesian reason."""


def depth(fragment: str) -> int:
    """How deeply the tags of an HTML fragment nest (a tag left open counts until the end)."""
    level = deepest = 0
    for closing, name, rest in _NESTING_TAG.findall(fragment or ""):
        if closing:
            level = max(level - 1, 0)
        elif name.lower() not in _VOID and not rest.rstrip().endswith("/"):
            level += 1
            deepest = max(deepest, level)
    return deepest


def offline(markdown: str) -> str:
    """``markdown`` without images from outside and with links other than http(s) reduced to their text."""
    previous = None
    while previous != markdown:  # a removal can join pieces into a new image; stop when nothing changes
        previous = markdown
        markdown = _AUTOLINK.sub(r"\1", _LINK.sub(r"\1", MARKDOWN_IMAGE.sub("", markdown)))
    return markdown


def to_markdown(fragment: str) -> str:
    """Markdown for an HTML fragment (Moodle's editors write HTML), made `offline`."""
    if depth(fragment) > MAX_DEPTH:
        raise MarkupError(f"teks soal berisi tag HTML yang bersarang terlalu dalam (lebih dari {MAX_DEPTH} "
                          "tingkat); sederhanakan format teksnya di Moodle lalu ekspor lagi")
    text = _CONVERTER.convert(fragment or "")
    text = "\n".join(line.rstrip() for line in text.replace("\xa0", " ").splitlines())
    return offline(_BLANK_LINES.sub("\n\n", text).strip())


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
