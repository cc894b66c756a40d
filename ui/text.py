"""The one way to show text a person typed (names, class codes, answers, essays): as plain text.

Streamlit interprets Markdown, HTML-like tags, ``:material/…:`` icons, emoji
shortcodes, ``:red[…]`` colours and ``$…$`` maths in most places that take a
string: ``st.markdown``, widget labels, expander titles, metric labels,
toasts. ``plain()`` escapes all of them so the text is shown exactly as typed,
and a name such as ``![x](http://…)`` can never make a browser fetch anything.
"""

from __future__ import annotations

_SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$=^&\"'")


def plain(text: object) -> str:
    """``text`` escaped for any Streamlit context that renders Markdown; line breaks are kept."""
    escaped = "".join("\\" + c if c in _SPECIAL else c for c in str(text if text is not None else ""))
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")
