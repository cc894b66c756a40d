"""Indonesian accessible labels for Streamlit's own widgets: a tiny ``st.components.v2`` script, mounted once per
run by the router, rewrites the English labels Streamlit gives its widgets ("Open", "Clear all", "add icon"…).
Visible English is turned off at the widget instead (``enter_to_submit=False``, ``select_all=False``)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_SCRIPT = st.components.v2.component(
    "lessonkit_indonesian_labels", js=(Path(__file__).resolve().parent / "indonesian_labels.js").read_text("utf-8"))


def mount() -> None:
    _SCRIPT(key="lessonkit-indonesian-labels")
