"""Diagram Proses: the interactive stage diagrams of both processes, one at a time, with deep links."""

import streamlit as st

from ui import data, diagram_view, lesson_view

PARAM = "diagram"
st.set_page_config(layout="wide")
found = data.diagrams()
items = {d.id: d for d in found.items.values()}

st.title("Diagram Proses")
lesson_view.problems(found.problems, "diagram")
if not items:
    st.info("Belum ada diagram yang bisa ditampilkan.")
    st.stop()

wanted = st.query_params.get(PARAM)
current = wanted if wanted in items else next(iter(items))
choice = st.selectbox("Pilih diagram", list(items), index=list(items).index(current),
                      format_func=lambda i: items[i].title)
if choice != wanted:
    st.query_params[PARAM] = choice
diagram_view.show(items[choice], key=f"diagram-{choice}")
