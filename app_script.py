"""The Streamlit script that app.py serves: page config, the student box, the teacher's session and navigation."""

import streamlit as st

from ui import indonesian_labels, student, teacher
from ui.nav import navigation

st.set_page_config(
    page_title="Kelompok Profesi dan Kelompok Volunteer",
    page_icon="assets/icon.png",
    layout="centered",
    menu_items={"Get help": None, "Report a bug": None,
                "About": "Modul Sosiologi kelas XI: Proses Terjadinya Kelompok Profesi dan Kelompok Volunteer."},
)
signed_in = teacher.current()
page = navigation(signed_in)
indonesian_labels.mount()
student.panel()
teacher.panel(signed_in)
page.run()
