"""Diagram Proses: the interactive stage diagrams of both processes, one at a time, with deep links."""

import streamlit as st

from ui import data
from ui.learn import diagram_view, lesson_view

PARAM = "diagram"
found = data.diagrams()
items = {d.id: d for d in found.items.values()}

st.title("Diagram Proses")
lesson_view.problems(found.problems, "diagram")
if not items:
    st.info("Belum ada diagram yang bisa ditampilkan.")
    st.stop()

# The URL chooses only when the selector has no state yet (a first visit, a deep link, back from another page);
# from then on the keyed widget decides and the URL follows it: one direction, so no choice is ever undone.
SELECT = "diagram-choice"
if st.session_state.get(SELECT) not in items:
    wanted = st.query_params.get(PARAM)
    st.session_state[SELECT] = wanted if wanted in items else next(iter(items))
choice = st.selectbox("Pilih diagram", list(items), key=SELECT,
                      format_func=lambda i: items[i].title)
if st.query_params.get(PARAM) != choice:
    st.query_params[PARAM] = choice
diagram_view.show(items[choice], key=f"diagram-{choice}", projector=True)
