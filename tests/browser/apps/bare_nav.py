"""The accessibility floor: the barest Streamlit app with grouped navigation, two pages per group.

tests/browser/test_accessibility.py runs axe-core on it next to the lesson, so
the violations Streamlit itself brings (and only those) are tolerated.
"""

import streamlit as st


def _page(title: str):
    def show() -> None:
        st.title(title)
        st.caption("Keterangan singkat")
        st.markdown("Satu paragraf teks biasa.")
        st.button("Tombol")

    return st.Page(show, title=title, url_path=title.lower())


st.navigation({"Mulai": [_page("Satu"), _page("Dua")], "Belajar": [_page("Tiga"), _page("Empat")]}).run()
