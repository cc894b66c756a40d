"""Kuis Langsung (Guru): the teacher runs a live class quiz on the projector (see ``ui/live_host.py``)."""

import streamlit as st

from ui import live_host, live_poll
from ui.teacher import require_teacher

st.set_page_config(layout="wide")
teacher = require_teacher()
live_poll.style()
view = live_host.current(teacher)
if view is None:
    st.title("Kuis Langsung (Guru)")
    st.markdown("Siswa menjawab di ponsel, kelas melihat jawaban dan peringkat di layar proyektor.")
    live_host.setup(teacher)
else:
    live_host.projector(view)
