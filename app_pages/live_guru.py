"""Kuis Langsung (Guru): the teacher runs a live class quiz on the projector (see ``ui/live_host.py``)."""

import streamlit as st

from ui import live_host, live_look
from ui.teacher.signin import current, require_teacher

TITLE = "Kuis Langsung (Guru)"

live_look.style()
view = live_host.current(teacher) if (teacher := current()) is not None else None
if view is None:
    st.title(TITLE)  # during a session the projector shows only the session
    teacher = require_teacher()
    st.markdown("Siswa menjawab di ponsel, kelas melihat jawaban dan peringkat di layar proyektor.")
    live_host.setup(teacher)
else:
    live_host.projector(view)
