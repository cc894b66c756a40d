"""The app's pages, grouped for ``st.navigation``, and links between them.

The page scripts live in ``app_pages/``, not ``pages/``: while a folder named
``pages/`` exists, Streamlit serves a first visit to a deep link such as
``/materi`` with its legacy multipage mode, bypassing ``app.py`` (and this
navigation) for every session until someone opens ``/``.

Teacher pages: add one line to ``PAGES`` with ``audience=TEACHER`` in the
"Guru" group, and start the page script with ``teacher = require_teacher()``
(``ui.teacher.signin``). Such a page is listed only for a signed-in teacher; its URL
still opens for anyone, and then shows the sign-in form and no data.

Pages carry no icons: Material icons are fetched from an outside host and
emoji show as empty boxes on machines without an emoji font, and the app
must stay offline and look right everywhere. The app's own icon
(``PAGE_ICON``) is a data URL read once per process: given a file path,
``st.set_page_config`` checks, opens and reads the file and registers it with
the media file manager on every rerun, which under load made up about a tenth
of a script thread's samples (docs/upstream-config-lock.md).
"""

from __future__ import annotations

import base64
import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from lessonkit.storage import TeacherInfo

PAGE_ICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parent.parent / "assets" / "icon.png").read_bytes()).decode()
HOME = "beranda"  # the default page, served at "/" (server/home_alias.py sends "/beranda" there)
EVERYONE, TEACHER, GUEST = "semua", "guru", "tamu"  # GUEST: listed only while no teacher is signed in


@dataclass(frozen=True)
class PageSpec:
    key: str
    path: str
    title: str
    group: str
    audience: str = EVERYONE
    layout: str = "centered"  # "wide" for projector and dashboard pages
    sidebar: str = "auto"  # the sidebar's state when the page opens


PAGES = [
    PageSpec("beranda", "app_pages/beranda.py", "Beranda", "Mulai"),
    PageSpec("gabung", "app_pages/gabung.py", "Gabung Kelas", "Mulai"),
    PageSpec("materi", "app_pages/materi.py", "Materi", "Belajar"),
    PageSpec("diagram", "app_pages/diagram.py", "Diagram Proses", "Belajar", layout="wide"),
    PageSpec("glosarium", "app_pages/glosarium.py", "Glosarium", "Belajar"),
    PageSpec("latihan", "app_pages/latihan.py", "Latihan Soal", "Latihan"),
    PageSpec("ujian", "app_pages/ujian.py", "Ujian", "Latihan"),
    PageSpec("kartu", "app_pages/kartu.py", "Kartu Istilah", "Latihan"),
    PageSpec("kemajuan", "app_pages/kemajuan.py", "Kemajuan Saya", "Latihan"),
    PageSpec("kuis-langsung", "app_pages/kuis_langsung.py", "Kuis Langsung", "Latihan"),
    PageSpec("presentasi", "app_pages/presentasi.py", "Mode Presentasi", "Mengajar", layout="wide",
             sidebar="collapsed"),
    PageSpec("masuk-guru", "app_pages/masuk_guru.py", "Masuk Guru", "Guru", GUEST),
    PageSpec("kelas", "app_pages/kelas.py", "Kelas Saya", "Guru", TEACHER),
    PageSpec("ujian-kelas", "app_pages/ujian_kelas.py", "Ujian Kelas", "Guru", TEACHER),
    PageSpec("hasil-kelas", "app_pages/hasil_kelas.py", "Hasil Kelas", "Guru", TEACHER, layout="wide"),
    PageSpec("kuis-langsung-guru", "app_pages/live_guru.py", "Kuis Langsung (Guru)", "Guru", TEACHER,
             layout="wide", sidebar="collapsed"),  # the projector: no sidebar, no teacher menu (as Mode Presentasi)
    PageSpec("unduh-cetak", "app_pages/unduh_cetak.py", "Unduh & Cetak", "Guru", TEACHER),
]
_BY_KEY = {spec.key: spec for spec in PAGES}


def listed(spec: PageSpec, signed_in: bool) -> bool:
    """Whether the menu lists the page, for a signed-in teacher or for anyone else."""
    return spec.audience == EVERYONE or (spec.audience == TEACHER) == signed_in


_BUILT: dict[bool, dict[str, st.Page]] = {}  # the pages by key, for a signed-in teacher (True) and for anyone else


def _pages(signed_in: bool) -> dict[str, st.Page]:
    """The pages by key, built once per process: ``st.Page`` resolves and checks its script's path on disk.

    Built on first use inside a script run, which ``st.Page`` needs; two threads building at once both
    build the same pages, and either result is kept.
    """
    pages = _BUILT.get(signed_in)
    if pages is None:
        pages = _BUILT[signed_in] = {
            spec.key: st.Page(spec.path, title=spec.title, url_path=spec.key, default=spec.key == HOME,
                              visibility="visible" if listed(spec, signed_in) else "hidden")
            for spec in PAGES}
    return pages


def navigation(teacher: TeacherInfo | None = None) -> st.navigation:
    """Every page stays reachable by its URL; the menu lists the ones for who is here.

    ``st.navigation`` marks the page it returns as the one to run and ``run()`` clears the mark, so two
    sessions must never share a page object: each run gets shallow copies of the process's pages.
    """
    pages = _pages(teacher is not None)
    groups: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        groups.setdefault(spec.group, []).append(copy.copy(pages[spec.key]))
    return st.navigation(groups, expanded=True)  # a teacher's menu is longer than 12: never hide a page


def spec_of(page) -> PageSpec:
    """The spec of the page ``st.navigation`` is about to run: its URL path is the spec's key, "" the default page's."""
    return _BY_KEY.get(page.url_path) or _BY_KEY[HOME]


def has_page(key: str) -> bool:
    return key in _BY_KEY


def link(key: str, label: str, **query: str) -> None:
    """A link to another page of the app, optionally with query parameters.

    Given a page object rather than a path, ``st.page_link`` does not resolve the path on disk.
    """
    st.page_link(_pages(False)[key], label=label, query_params=query or None)
