"""Unduh & Cetak: questions out to the school's LMS or onto paper, the lesson handout, and questions in."""

import streamlit as st

from ui.teacher import exchange_view
from ui.teacher.signin import require_teacher

st.title("Unduh & Cetak")
teacher = require_teacher()  # the exports carry answer keys: signed-in teachers only
st.caption("Bawa soal modul ini ke LMS sekolah, cetak lembar kerja dan bahan ajar untuk kelas tanpa gawai, "
           "atau ubah soal dari Moodle dan GIFT menjadi file kuis aplikasi ini.")
questions, lesson, incoming = st.tabs(["Soal", "Bahan ajar", "Impor soal"])
with questions:
    exchange_view.questions()
with lesson:
    exchange_view.handout()
with incoming:
    exchange_view.importer()
