"""Kuis Langsung: a student joins the teacher's live quiz with its code and answers on the phone
(see ``ui/live_player.py``)."""

import streamlit as st

from ui import live_look, live_player

st.title("Kuis Langsung")
live_look.style()
seated = live_player.seat()
if seated is None:
    st.markdown("Ketik kode 6 angka yang tampil di layar kelas, atau pindai kode QR-nya.")
    live_player.join_form()
else:
    live_player.play(*seated)
