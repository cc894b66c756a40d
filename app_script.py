"""The Streamlit script that app.py serves: page config, the student box and grouped navigation."""

import streamlit as st

from ui import student
from ui.nav import navigation

st.set_page_config(
    page_title="Kelompok Profesi dan Kelompok Volunteer",
    page_icon="assets/icon.png",
    layout="centered",
    menu_items={"Get help": None, "Report a bug": None,
                "About": "Modul Sosiologi kelas XI: Proses Terjadinya Kelompok Profesi dan Kelompok Volunteer."},
)
page = navigation()
student.panel()
page.run()
