"""Glosarium: a searchable list of terms, each linking to the section that explains it.

The list filters as the student types (``live``: a pause in typing commits the text, no Enter needed, and no
"Press Enter to apply" hint) and forgives small misspellings (`lessonkit.lesson.glossary.search`). The search box and
the list are one fragment, so typing reruns only them.
"""

import streamlit as st

from lessonkit.lesson.glossary import search
from lessonkit.rules.limits import SEARCH_MAX
from ui import data, nav
from ui.learn import lesson_view

lesson = data.lesson()
st.title("Glosarium")
st.markdown("Daftar istilah penting dalam modul ini. Ketik untuk mencari, lalu buka bagian materi yang menjelaskannya.")
lesson_view.problems([p for p in lesson.problems if p.file.endswith("glosarium.yaml")], "glosarium")


@st.fragment
def terms() -> None:
    query = st.text_input("Cari istilah", placeholder="contoh: kode etik", max_chars=SEARCH_MAX, live=True,
                          key="glosarium_cari")
    found = search(lesson.glossary, query)
    titles = {s.id: s.title for s in lesson.sections}
    if not lesson.glossary:
        st.info("Glosarium belum tersedia.")
    elif not found:
        st.info("Tidak ada istilah yang cocok. Coba kata lain yang lebih pendek.")
    else:
        st.caption(f"{len(found)} dari {len(lesson.glossary)} istilah")
        for term in found:  # one text element and one link a term: the page sends ~120 messages, not ~150
            with st.container(border=True):
                st.markdown(f"**{term.term}**\n\n{term.definition}")
                if term.section in titles:
                    nav.link("materi", f"Baca di bagian: {titles[term.section]}", bagian=term.section)


terms()
