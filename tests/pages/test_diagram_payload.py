"""A stage diagram's drawings reach a session once: a step sends only their name and the stage to highlight,
and a page that reports them missing gets them again (AppTest)."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PICTURE = "lessonkit_diagram"


def _payload(at: AppTest) -> dict:
    (picture,) = [e for e in at.get("bidi_component") if e.proto.component_name == PICTURE]
    return json.loads(picture.proto.json)


def test_drawings_go_once_then_a_step_sends_only_their_name_and_the_stage():
    at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
    at.query_params["diagram"] = "volunteer-siklus"
    at = at.switch_page("app_pages/diagram.py").run()
    first = _payload(at)
    assert first["drawings"] and first["selected"] is None
    assert all('class="lk-on"' not in d["svg"] and 'fill="#E69F00"' not in d["svg"] for d in first["drawings"])
    at.button(key="diagram-volunteer-siklus-next").click().run()
    step = _payload(at)
    assert step["drawings"] is None and step["name"] == first["name"]
    assert step["selected"], "the first stage is highlighted in the page"
    assert len(json.dumps(step)) < 300


def test_a_page_that_lacks_the_drawings_gets_them_again():
    def script():
        import streamlit as st

        from ui import data
        from ui.learn import diagram_view

        item = data.diagrams().items["volunteer-siklus"]
        diagram_view.picture(item, key="one")
        name, _ = data.drawings(item.id, None, False)
        st.session_state["report"] = {"missing": name}  # what the page's "missing" event leaves in the state
        diagram_view._resend("report")
        diagram_view.picture(item, key="two")

    at = AppTest.from_function(script, default_timeout=30).run()
    first, again = ([json.loads(e.proto.json) for e in at.get("bidi_component")])
    assert first["drawings"] and again["drawings"] == first["drawings"]
