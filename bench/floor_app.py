"""The floor: the cheapest Streamlit page that shows one lesson section (a single st.markdown)."""

from pathlib import Path

import streamlit as st

st.markdown((Path(__file__).resolve().parent.parent / "content" / "01-pengantar.md").read_text(encoding="utf-8"))
