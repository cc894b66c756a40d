"""Masuk Guru: the teacher's sign-in page (and, once signed in, where to go next and how to sign out)."""

import streamlit as st

from ui import nav
from ui.teacher import signin
from ui.text import full_stop, plain

st.title("Masuk Guru")
signed_in = signin.current()
if signed_in is None:
    st.caption("Untuk guru: kelas, kode gabung, dan hasil belajar siswa. Siswa tidak perlu masuk di sini.")
    signin.sign_in_form()
    st.stop()

st.success(f"Anda masuk sebagai **{plain(signed_in.display_name)}**{full_stop(signed_in.display_name)}")
nav.link("kelas", "Buka Kelas Saya")
st.button("Keluar", on_click=signin.sign_out)
