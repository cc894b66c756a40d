"""Gabung Kelas: a student joins a teacher's class by its code, typed or from the join link/QR (``?kelas=``)."""

import streamlit as st

from lessonkit.rules.class_codes import normal_code
from lessonkit.storage import JoinStatus
from ui import classroom, student
from ui.text import full_stop, plain

KEY = "gabung"


def _join() -> None:
    code = st.session_state.get("gabung_code") or ""
    learner = student.current()
    if learner is None:
        student.begin(st.session_state.get("gabung_name", ""), code, KEY)
    else:
        classroom.join(learner, code, KEY)


st.title("Gabung Kelas")
if "gabung_code" not in st.session_state and (linked := normal_code(st.query_params.get("kelas"))):
    st.session_state["gabung_code"] = linked  # only a key: the class is looked up in the database
learner = student.current()
linked = st.session_state.get("gabung_code")
found = classroom.lookup(linked) if linked else None
if found is not None and found.status is JoinStatus.JOINED:
    st.markdown(f"Kamu diajak bergabung ke kelas **{plain(found.class_name)}**{full_stop(found.class_name)}")

with st.form("gabung_form", enter_to_submit=False):
    st.text_input("Kode kelas dari guru", key="gabung_code", max_chars=20, placeholder="misalnya K7M3PX")
    if learner is None:
        st.text_input("Nama panggilan", key="gabung_name", max_chars=60)
    label = "Gabung dan simpan kemajuanku" if learner is None else f"Gabung sebagai {plain(learner.display_name)}"
    st.form_submit_button(label, type="primary", on_click=_join)
if st.session_state.pop("name_missing_gabung", False):
    st.warning("Isi nama panggilan dulu.")
classroom.show_pending(KEY)

if learner is None:
    st.caption("Sudah pernah menyimpan kemajuan? Masukkan dulu kode lanjutmu di kotak **Simpan kemajuanmu** "
               "di bilah samping, lalu gabung dari sini.")
else:
    st.subheader("Kelasmu")
    classroom.my_classes(learner, "gabung_list")
