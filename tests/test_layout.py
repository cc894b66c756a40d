"""Project layout rules that protect users from framework pitfalls."""

import ast

from tests.conftest import ROOT
from ui.nav import PAGES


def test_no_legacy_pages_folder_that_would_bypass_the_navigation():
    """A ``pages/`` folder makes Streamlit serve a cold deep link in its legacy mode, skipping app.py."""
    assert not (ROOT / "pages").exists()


def test_every_navigation_entry_points_to_an_existing_page_script():
    for spec in PAGES:
        assert (ROOT / spec.path).is_file(), spec.path


def _sources():
    return [ROOT / "app.py", *(path for folder in ("app_pages", "ui", "lessonkit")
                               for path in sorted((ROOT / folder).rglob("*.py")))]


def _calls(name: str):
    """Every call of ``<anything>.name(...)`` in the app's Python sources, with its file and line."""
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == name:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", {k.arg: k.value for k in node.keywords}


def _is_false(value) -> bool:
    return isinstance(value, ast.Constant) and value.value is False


def test_every_form_turns_off_streamlits_english_press_enter_hint():
    """``enter_to_submit`` defaults to True, which prints "Press Enter to submit form" under the field."""
    offending = [where for where, keywords in _calls("form") if not _is_false(keywords.get("enter_to_submit"))]
    assert offending == []


def test_every_multiselect_turns_off_streamlits_english_select_all():
    """Streamlit 1.67 adds a "Select all" option to each multiselect unless ``select_all=False``."""
    offending = [where for where, keywords in _calls("multiselect") if not _is_false(keywords.get("select_all"))]
    assert offending == []


def test_no_page_uses_the_removed_components_v1_api():
    """``st.components.v1`` logs that it "will be removed after 2026-06-01"; use st.html, st.iframe or v2."""
    offending = [str(path.relative_to(ROOT)) for path in _sources() if "components.v1" in path.read_text("utf-8")]
    assert offending == []
