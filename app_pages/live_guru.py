"""Kuis Langsung (Guru): the teacher runs a live class quiz on the projector (see ``ui/live/host.py``)."""

import streamlit as st

from ui.live import host, look
from ui.teacher.signin import current, require_teacher

TITLE = "Kuis Langsung (Guru)"

look.style()
view = host.current(teacher) if (teacher := current()) is not None else None
if view is None:
    st.title(TITLE)  # during a session the projector shows only the session
    teacher = require_teacher()
    st.markdown("Siswa menjawab di ponsel, kelas melihat jawaban dan peringkat di layar proyektor.")
    host.setup(teacher)
else:
    host.projector(view)
