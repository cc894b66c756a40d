"""Diagram Proses with AppTest: the keyed selector takes every choice and the URL follows it; a deep link opens
its diagram."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def _diagram_page(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    for name, value in query.items():
        at.query_params[name] = value
    return at.switch_page("app_pages/diagram.py").run()


def test_switching_the_diagram_back_and_forth_takes_every_choice_and_the_url_follows():
    at = _diagram_page(diagram="profesi-sepuluh-tahap")
    for _ in range(2):
        for choice in ("perbandingan-proses", "volunteer-siklus", "profesi-sepuluh-tahap"):
            at.selectbox(key="diagram-choice").set_value(choice).run()
            assert not at.exception
            assert at.selectbox(key="diagram-choice").value == choice
            assert at.query_params["diagram"] == choice


def test_a_deep_link_opens_its_diagram_and_an_unknown_one_the_first():
    assert _diagram_page(diagram="volunteer-siklus").selectbox(key="diagram-choice").value == "volunteer-siklus"
    assert _diagram_page(diagram="tidak-ada").selectbox(key="diagram-choice").value == "profesi-sepuluh-tahap"
