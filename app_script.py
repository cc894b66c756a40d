"""The Streamlit script that app.py serves: page config, the student box, the teacher's session and navigation.

The page config is set here only, once per run, after ``st.navigation`` has chosen the page: its layout
comes from the page's spec (``ui.nav.PAGES``). A page script must not call ``st.set_page_config`` itself:
two calls in one run (the router's "centered", then a page's "wide") left about one rerun in four narrow.
"""

import streamlit as st

from ui import app_style, indonesian_labels, student
from ui.nav import PAGE_ICON, navigation, spec_of
from ui.teacher import signin

signed_in = signin.current()
page = navigation(signed_in)
spec = spec_of(page)
st.set_page_config(
    page_title="Kelompok Profesi dan Kelompok Volunteer",
    page_icon=PAGE_ICON,
    layout=spec.layout,
    initial_sidebar_state=spec.sidebar,
    menu_items={"Get help": None, "Report a bug": None,
                "About": "Modul Sosiologi kelas XI: Proses Terjadinya Kelompok Profesi dan Kelompok Volunteer."},
)
app_style.mount()
indonesian_labels.mount()
student.panel()
signin.panel(signed_in)
student.notices()
page.run()
