"""Router of the lesson app: page config and grouped navigation; page scripts live in app_pages/."""

import streamlit as st

from ui.nav import navigation

st.set_page_config(
    page_title="Kelompok Profesi dan Kelompok Volunteer",
    page_icon="assets/icon.png",
    layout="centered",
    menu_items={"Get help": None, "Report a bug": None,
                "About": "Modul Sosiologi kelas XI: Proses Terjadinya Kelompok Profesi dan Kelompok Volunteer."},
)
navigation().run()
