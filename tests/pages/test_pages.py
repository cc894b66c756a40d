"""Every page runs without an exception (AppTest), and the lesson page behaves as a reader expects."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.nav import PAGES

APP = str(ROOT / "app_script.py")


def _app(monkeypatch, content_dir=None) -> AppTest:
    if content_dir is not None:
        monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    return AppTest.from_file(APP, default_timeout=30)


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.key)
def test_every_page_runs_without_exception(spec, monkeypatch):
    at = _app(monkeypatch)
    at.run()
    at.switch_page(spec.path).run()
    assert not at.exception, [e.value for e in at.exception]
    headings = [m.value for m in at.markdown if m.value.startswith("# ")]
    assert at.title or headings, f"{spec.key} has no title"


def test_materi_opens_the_section_named_in_the_query_parameter(monkeypatch, content_dir):
    at = _app(monkeypatch, content_dir)
    at.query_params["bagian"] = "dua"
    at.switch_page("app_pages/materi.py").run()
    assert at.title[0].value == "Bagian Dua"


def test_next_button_moves_to_the_next_section_and_marks_opened(monkeypatch, content_dir):
    at = _app(monkeypatch, content_dir)
    at.switch_page("app_pages/materi.py").run()
    assert at.title[0].value == "Bagian Satu"
    at.button(key="next").click().run()
    assert at.title[0].value == "Bagian Dua"
    assert at.session_state["opened_sections"] == {"satu", "dua"}
    assert "2 dari 2" in at.get("progress")[0].proto.text


def test_the_contents_in_the_page_open_a_section_and_follow_the_next_button(monkeypatch, content_dir):
    at = _app(monkeypatch, content_dir)
    at.switch_page("app_pages/materi.py").run()
    contents = at.main.selectbox(key="materi-toc")
    assert contents.value == "satu" and contents.options == ["✓ 1. Bagian Satu", "2. Bagian Dua"]
    contents.set_value("dua").run()
    assert at.title[0].value == "Bagian Dua" and at.query_params["bagian"] in ("dua", ["dua"])
    at.button(key="prev").click().run()
    assert at.title[0].value == "Bagian Satu"
    assert at.main.selectbox(key="materi-toc").value == "satu", "the contents follow the address"


def test_a_broken_section_shows_a_message_and_the_rest_still_loads(monkeypatch, content_dir):
    (content_dir / "03-rusak.md").write_text("---\nid: rusak\ntitle: [\n---\nIsi\n", encoding="utf-8")
    at = _app(monkeypatch, content_dir)
    at.switch_page("app_pages/materi.py").run()
    assert not at.exception
    assert any("tidak dapat dimuat" in w.value for w in at.warning)
    assert at.title[0].value == "Bagian Satu"


def test_glossary_search_filters_terms(monkeypatch, content_dir):
    at = _app(monkeypatch, content_dir)
    at.switch_page("app_pages/glosarium.py").run()
    at.text_input[0].input("etik").run()
    terms = [m.value.split("\n", 1)[0] for m in at.markdown if m.value.startswith("**")]
    assert "**Kode etik**" in terms and "**Relawan**" not in terms
    at.text_input[0].input("zzz").run()
    assert any("Tidak ada istilah" in i.value for i in at.info)


def test_glossary_search_filters_as_one_types_and_forgives_a_typo(monkeypatch, content_dir):
    at = _app(monkeypatch, content_dir)
    at.switch_page("app_pages/glosarium.py").run()
    assert at.text_input[0].proto.live_debounce_ms > 0, "commits after a pause in typing: no Enter, no English hint"
    at.text_input[0].input("relawn").run()
    terms = [m.value.split("\n", 1)[0] for m in at.markdown if m.value.startswith("**")]
    assert terms == ["**Relawan**"]
