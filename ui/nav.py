"""The app's pages, grouped for ``st.navigation``, and links between them.

The page scripts live in ``app_pages/``, not ``pages/``: while a folder named
``pages/`` exists, Streamlit serves a first visit to a deep link such as
``/materi`` with its legacy multipage mode, bypassing ``app.py`` (and this
navigation) for every session until someone opens ``/``.

Pages carry no icons: Material icons are fetched from an outside host and
emoji show as empty boxes on machines without an emoji font, and the app
must stay offline and look right everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class PageSpec:
    key: str
    path: str
    title: str
    group: str


PAGES = [
    PageSpec("beranda", "app_pages/beranda.py", "Beranda", "Mulai"),
    PageSpec("materi", "app_pages/materi.py", "Materi", "Belajar"),
    PageSpec("diagram", "app_pages/diagram.py", "Diagram Proses", "Belajar"),
    PageSpec("glosarium", "app_pages/glosarium.py", "Glosarium", "Belajar"),
    PageSpec("latihan", "app_pages/latihan.py", "Latihan Soal", "Latihan"),
    PageSpec("ujian", "app_pages/ujian.py", "Ujian", "Latihan"),
    PageSpec("kartu", "app_pages/kartu.py", "Kartu Istilah", "Latihan"),
    PageSpec("kemajuan", "app_pages/kemajuan.py", "Kemajuan Saya", "Latihan"),
    PageSpec("presentasi", "app_pages/presentasi.py", "Mode Presentasi", "Mengajar"),
]
_BY_KEY = {spec.key: spec for spec in PAGES}


def navigation() -> st.navigation:
    groups: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        page = st.Page(spec.path, title=spec.title, url_path=spec.key, default=spec.key == "beranda")
        groups.setdefault(spec.group, []).append(page)
    return st.navigation(groups)


def has_page(key: str) -> bool:
    return key in _BY_KEY


def link(key: str, label: str, **query: str) -> None:
    """A link to another page of the app, optionally with query parameters."""
    st.page_link(_BY_KEY[key].path, label=label, query_params=query or None)
