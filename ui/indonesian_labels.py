"""Indonesian for Streamlit's own words: a tiny ``st.components.v2`` script, mounted once per run by the router,
rewrites the English labels Streamlit gives its widgets ("Open", "Clear all", "add icon"…) and the English it prints
where the app has no say: the ⋮ menu, shortcut hints ("Space"), "Press Enter to apply" under a text box and the
"Page not found" dialog of a mistyped address.
Other visible English is turned off at the widget instead (``enter_to_submit=False``, ``select_all=False``)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_SCRIPT = st.components.v2.component(
    "lessonkit_indonesian_labels", js=(Path(__file__).resolve().parent / "indonesian_labels.js").read_text("utf-8"))


def mount() -> None:
    _SCRIPT(key="lessonkit-indonesian-labels")
