"""Kuis Langsung: a student joins the teacher's live quiz with its code and answers on the phone
(see ``ui/live/player.py``)."""

import streamlit as st

from ui.live import look, player

st.title("Kuis Langsung")
look.style()
seated = player.seat()
if seated is None:
    st.markdown("Ketik kode 6 angka yang tampil di layar kelas, atau pindai kode QR-nya.")
    player.join_form()
else:
    player.play(*seated)
