"""The reader's theme kept across pages: a small script the app's HTML page runs before Streamlit starts.

Streamlit remembers the light/dark choice per page address, so a page opened
at another address forgot it; ``theme_memory.js`` shares the last choice
between every page. ``HtmlLanguage`` puts it at the top of ``<head>``.
"""

from __future__ import annotations

from pathlib import Path

SCRIPT = "<script>" + Path(__file__).with_name("theme_memory.js").read_text(encoding="utf-8") + "</script>"
