"""Page tests run ``app_script.py`` with AppTest on the small fixture content and quiz."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lessonkit.storage import Store, default_url
from tests.conftest import FIXTURES, ROOT


@pytest.fixture(autouse=True)
def sign_in_gate(monkeypatch):
    """Each test starts with the process's sign-in limits unused (AppTest's client is always the same)."""
    from lessonkit.auth.throttle import SignInGate

    monkeypatch.setattr("ui.teacher.signin._gate", SignInGate())


@pytest.fixture
def store():
    """The store the app under test opens (the test's own data folder)."""
    opened = Store.open(default_url())
    yield opened
    opened.engine.dispose()


@pytest.fixture
def app(monkeypatch, content_dir):
    """A factory of AppTests on the fixture content; ``app(code)`` opens with ``?kode=code``."""
    monkeypatch.setattr("ui.data.CONTENT_DIR", content_dir)
    monkeypatch.setattr("ui.data.QUIZ_DIR", FIXTURES / "quizzes_ok")

    def make(code: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app_script.py"), default_timeout=30)
        if code:
            at.query_params["kode"] = code
        return at

    return make
