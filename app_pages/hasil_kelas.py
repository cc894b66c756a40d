"""Hasil Kelas: the signed-in teacher's dashboard of one class; its tabs are `ui.teacher.class_results.TABS`."""

import streamlit as st

from ui import data
from ui.teacher import class_admin, class_results
from ui.teacher.class_dashboard import Dashboard
from ui.teacher.signin import require_teacher

st.title("Hasil Kelas")
teacher = require_teacher()
store = data.store()
classes = store.classes(teacher.id)
if not classes:
    st.info("Belum ada kelas. Buat kelas dulu di halaman **Kelas Saya**.")
    st.stop()

klass = store.class_info(teacher.id, class_admin.choose(classes))
board = Dashboard(store, teacher, klass, store.members(teacher.id, klass.id),
                  store.class_exams(teacher.id, klass.id))
for tab, (_, show) in zip(st.tabs([name for name, _ in class_results.TABS]), class_results.TABS, strict=True):
    with tab:
        show(board)
