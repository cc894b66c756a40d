"""Gabung Kelas: a student joins a teacher's class by its code, typed or from the join link/QR (``?kelas=``)."""

import streamlit as st

from lessonkit.classes import normal_code
from lessonkit.storage import JoinStatus
from ui import classroom, student
from ui.text import plain


def _join_as_new_student() -> None:
    student.begin(st.session_state.get("gabung_name", ""), st.session_state.get("gabung_code") or "", "gabung")


st.title("Gabung Kelas")
if "gabung_code" not in st.session_state and (linked := normal_code(st.query_params.get("kelas"))):
    st.session_state["gabung_code"] = linked  # the code from the link, checked against the database below
learner = student.current()

st.text_input("Kode kelas dari guru", key="gabung_code", max_chars=20, placeholder="misalnya K7M3PX")
code = st.session_state.get("gabung_code") or ""
found = classroom.lookup(code) if code.strip() else None
if found is not None and found.status is JoinStatus.JOINED:
    st.markdown(f"Kelas: **{plain(found.class_name)}**")
elif found is not None:
    classroom.show(found)

if learner is not None:
    st.button(f"Gabung sebagai {plain(learner.display_name)}", type="primary",
              on_click=classroom.join, args=(learner, code, "gabung"), disabled=not code.strip())
    classroom.show_pending("gabung")
    st.divider()
    st.subheader("Kelasmu")
    classroom.my_classes(learner, "gabung_list")
else:
    st.text_input("Nama panggilan", key="gabung_name", max_chars=60)
    if st.session_state.pop("name_missing_gabung", False):
        st.warning("Isi nama panggilan dulu.")
    classroom.show_pending("gabung")
    st.button("Gabung dan simpan kemajuanku", type="primary", disabled=not code.strip(),
              on_click=_join_as_new_student)
    st.caption("Sudah pernah menyimpan kemajuan? Masukkan dulu kode lanjutmu di kotak **Simpan kemajuanmu** "
               "di bilah samping, lalu gabung dari sini.")
