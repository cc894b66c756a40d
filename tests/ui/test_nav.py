"""The app's pages are built once per process and reused by every rerun, every session and every link."""

from __future__ import annotations

import base64

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui import nav


def test_pages_are_built_once_per_process_not_per_rerun_or_session(monkeypatch):
    monkeypatch.setattr(nav, "_BUILT", {}, raising=False)
    built: list[str] = []
    real_page = st.Page

    def counting_page(path, **kwargs):
        built.append(path)
        return real_page(path, **kwargs)

    monkeypatch.setattr(st, "Page", counting_page)
    for _ in range(2):  # two sessions
        at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30).run()
        at.run()
        at.switch_page("app_pages/glosarium.py").run()  # a page of links (st.page_link) to the lesson
        assert not at.exception
        assert [link.label for link in at.get("page_link") if link.label.startswith("Baca di bagian")]
    assert sorted(built) == sorted(spec.path for spec in nav.PAGES)


def test_a_link_opens_its_page_by_url_path_with_its_query():
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30).run()
    at.switch_page("app_pages/glosarium.py").run()
    link = next(link for link in at.get("page_link") if link.label.startswith("Baca di bagian"))
    assert link.proto.page == "materi" and link.proto.query_string.startswith("bagian=")
    assert link.proto.page_script_hash


def test_the_page_icon_reaches_the_browser_without_reading_a_file_on_every_rerun(monkeypatch):
    from streamlit.commands.page_config import _get_favicon_string
    from streamlit.elements.lib import image_utils

    opened: list[str] = []
    monkeypatch.setattr(image_utils, "open", lambda *args, **kwargs: opened.append(args[0]), raising=False)
    assert _get_favicon_string(nav.PAGE_ICON) == nav.PAGE_ICON
    assert opened == []
    assert base64.b64decode(nav.PAGE_ICON.removeprefix("data:image/png;base64,")) == \
        (ROOT / "assets" / "icon.png").read_bytes()


def test_the_router_alone_sets_the_page_config_so_a_wide_page_never_races_a_centered_one():
    for spec in nav.PAGES:
        assert "set_page_config" not in (ROOT / spec.path).read_text(encoding="utf-8"), spec.path
    assert {spec.key for spec in nav.PAGES if spec.layout == "wide"} >= {"presentasi", "diagram", "kuis-langsung-guru"}
