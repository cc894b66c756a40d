"""Mode Presentasi: the lesson as slides for a projector, with stage-by-stage reveals and question slides.

The slide number lives in ``?slide=N`` so a teacher can resume after the laptop sleeps.
"""

import streamlit as st

from ui import data, nav
from ui.learn import presentation

PARAM = "slide"
presentation.style()
deck = data.deck()
total = len(deck)

try:
    number = int(st.query_params.get(PARAM, "1"))
except ValueError:
    number = 1
number = max(1, min(total, number))
if st.query_params.get(PARAM) != str(number):
    st.query_params[PARAM] = str(number)


def _go(target: int) -> None:
    st.query_params[PARAM] = str(max(1, min(total, target)))


presentation.render(deck[number - 1], number, total)

with st.container(key=presentation.NAV_KEY):
    left, middle, right = st.columns([2, 3, 2], vertical_alignment="center")
    left.button("← Sebelumnya", on_click=_go, args=(number - 1,), disabled=number == 1, width="stretch",
                shortcut="Left", key="slide-prev")
    middle.markdown(f"**{number} / {total}**", text_alignment="center")
    right.button("Berikutnya →", on_click=_go, args=(number + 1,), disabled=number == total, type="primary",
                 width="stretch", shortcut="Right", key="slide-next")
st.caption("Tombol panah kiri/kanan pada keyboard juga bisa dipakai untuk berpindah slide.")
nav.link("beranda", "Keluar dari Mode Presentasi")
