"""The one way to show text a person typed (names, class codes, answers, essays): as plain text.

Streamlit interprets Markdown, HTML-like tags, ``:material/…:`` icons, emoji
shortcodes, ``:red[…]`` colours, ``$…$`` maths and bare links
(``http://…``, ``www.…``, ``nama@contoh.id``) in most places that take a
string. A name such as ``![x](http://…)`` would make every browser that shows
it fetch a picture from outside; once names are projected in class, that is a
tracking pixel or an offensive image. Which helper to use, by context:

====================================================  ==========================================
Where the text goes                                   How
====================================================  ==========================================
``st.markdown``, ``st.caption``, ``st.write(str)``    ``plain(text)`` (inside a longer Markdown
                                                      string too: ``f"**Nama:** {plain(name)}"``)
widget label (``st.text_input``, ``st.checkbox`` …),  ``plain(text)``
``st.button`` / ``st.download_button`` label,
``st.expander`` title, ``st.tabs`` labels,
``st.radio`` options (``format_func``),
``st.metric`` label and value, ``st.toast``,
``st.info``/``st.warning``/…, ``help=`` tooltips,
``st.page_link`` label
``st.selectbox`` / ``st.multiselect`` options,        the text itself (rendered as plain text)
``st.text``, ``st.code``, ``st.dataframe`` cells
and column names, Altair/Vega labels
Plotly titles, axis, hover and category labels        ``chart_label(text)`` (Plotly reads a
                                                      subset of HTML: ``<a href>``, ``<b>``…)
CSV or Excel leaving the app                          ``lessonkit.rules.safe_export`` (also for a table
                                                      shown with ``st.dataframe``: its toolbar
                                                      downloads CSV, so give it ``safe_frame``)
====================================================  ==========================================

Never ``unsafe_allow_html=True`` or ``st.html`` with user text.

How ``plain()`` works (proved in Chromium by ``tests/browser/test_user_text.py``):
every Markdown punctuation character gets a backslash (CommonMark escapes
it, so ``\\$`` is no maths and ``\\*`` no emphasis). Three things are matched
by Streamlit *after* parsing, on the text, where a backslash does not help:
icon and emoji shortcodes (``:material/home:``, ``:smile:``) and bare links.
For those an invisible WORD JOINER (U+2060) goes after each ``:`` and ``@``
and inside ``www.``; it changes nothing a reader sees or hears. Leading
spaces become no-break spaces (four spaces would start a code block), and
line breaks are kept. Direction overrides (U+202E turns "anA" into "Ana" on
screen) are dropped, here and in ``chart_label()``, so text looks as it reads.
"""

from __future__ import annotations

import html
import re

from lessonkit.rules.limits import BIDI_CONTROLS

_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$=^&\"'")
WORD_JOINER = "\u2060"
_WWW = re.compile(r"(w)(ww\\\.)", re.IGNORECASE)
_LEADING = re.compile(r"^[ \t]+", re.MULTILINE)


def _escape_char(c: str) -> str:
    if c in _SPECIAL:
        return "\\" + c
    if c in ":@":
        return c + WORD_JOINER
    return c


def plain(text: object) -> str:
    """``text`` escaped for any Streamlit context that renders Markdown; line breaks are kept."""
    raw = _visible_order(text).replace("\r\n", "\n").replace("\r", "\n")
    raw = _LEADING.sub(lambda m: "\u00a0" * len(m.group().expandtabs(4)), raw)
    escaped = "".join(_escape_char(c) for c in raw)
    escaped = _WWW.sub(lambda m: m.group(1) + WORD_JOINER + m.group(2), escaped)
    return escaped.replace("\n", "  \n")


def chart_label(text: object) -> str:
    """``text`` for a Plotly title, axis, hover or category label: HTML-escaped, so no tag or link is made."""
    return html.escape(_visible_order(text), quote=False)


def _visible_order(text: object) -> str:
    return "".join(c for c in str(text if text is not None else "") if c not in BIDI_CONTROLS)



def full_stop(text: object) -> str:
    """The "." that ends a sentence after ``text``, or nothing when it already ends one ("Sari Dewi, S.Pd.")."""
    return "" if str(text).rstrip().endswith((".", "!", "?", "…")) else "."
