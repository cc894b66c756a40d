"""Kelas Saya: the signed-in teacher's classes, join codes for the projector, and members."""

import streamlit as st

from ui import data
from ui.teacher import class_admin
from ui.teacher.signin import require_teacher

st.title("Kelas Saya")
teacher = require_teacher()
store = data.store()
classes = store.classes(teacher.id)
class_admin.notice()
class_admin.create_form(expanded=not classes)
class_admin.zone_setting()
if not classes:
    st.info("Belum ada kelas. Buat kelas dulu, lalu tunjukkan kode gabungnya kepada siswa.")
    st.stop()

klass = store.class_info(teacher.id, class_admin.choose(classes))
class_admin.join_code(klass)
class_admin.controls(klass)
st.divider()
class_admin.members(klass, store.members(teacher.id, klass.id), teacher.id)
