"""Ujian Kelas: the signed-in teacher sets exams for a class and follows them (status, submissions, close, delete)."""

import streamlit as st

from ui import data
from ui.teacher import class_admin, class_exam_admin
from ui.teacher.signin import require_teacher

st.title("Ujian Kelas")
teacher = require_teacher()
store = data.store()
classes = store.classes(teacher.id)
class_admin.notice()
if not classes:
    st.info("Belum ada kelas. Buat kelas dulu di halaman **Kelas Saya**, lalu kembali ke sini untuk membuat ujian.")
    st.stop()

klass = store.class_info(teacher.id, class_admin.choose(classes))
exams = store.class_exams(teacher.id, klass.id)
class_exam_admin.create_form(klass.id, expanded=not exams)
class_exam_admin.exam_list(exams, klass.member_count)
