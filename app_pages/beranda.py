"""Beranda: what the module is for, its objectives and time, and a way in for each kind of user."""

import streamlit as st

from ui import data, nav
from ui.learn import lesson_view

lesson = data.lesson()
module = lesson.module

if module is None:
    st.title("Kelompok Profesi dan Kelompok Volunteer")
    lesson_view.problems([p for p in lesson.problems if p.file.endswith("modul.yaml")], "keterangan modul")
else:
    st.caption(module.subject)
    st.title(module.title)
    st.markdown(module.description)

    count, minutes = len(lesson.sections), lesson.total_minutes
    left, right = st.columns(2)
    left.metric("Bagian materi", f"{count} bagian")
    right.metric("Perkiraan waktu baca", f"± {minutes} menit")

    st.subheader("Setelah menyelesaikan modul ini, kamu dapat:")
    st.markdown("\n".join(f"{i}. {text}" for i, text in enumerate(module.objectives, start=1)))
    lesson_view.curriculum_codes(lesson)

    st.subheader("Mau mulai dari mana?")
    paths = [p for p in module.paths if nav.has_page(p.page)]
    for row in range(0, len(paths), 2):
        for column, path in zip(st.columns(2), paths[row:row + 2], strict=False):
            with column.container(border=True, height="stretch"):
                st.markdown(f"**{path.audience}**")
                st.markdown(path.text)
                nav.link(path.page, path.label)
