"""The app's own stylesheet for Streamlit's controls (``app_style.css``): touch targets and wrapping link labels.

Read once per process and mounted once per run by the router (``app_script.py``); a ``<style>``-only
``st.html`` takes no room on the page. Page-specific styles stay with their pages (``ui.learn.presentation``,
``ui.tables`` …).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_STYLE = f"<style>{(Path(__file__).resolve().parent / 'app_style.css').read_text(encoding='utf-8')}</style>"


def mount() -> None:
    st.html(_STYLE)
