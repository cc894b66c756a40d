"""Secrets read once per process: a missing secrets.toml is looked for once, a present one is read as before."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.runtime.secrets import Secrets
from streamlit.testing.v1.util import patch_config_options

from ui import app_secrets


class CountingSecrets(Secrets):
    """Streamlit's own secrets object, counting how often it goes to the files."""

    def __init__(self):
        super().__init__()
        object.__setattr__(self, "parses", 0)  # Secrets refuses attribute assignment

    def _parse(self):
        object.__setattr__(self, "parses", self.parses + 1)
        return super()._parse()


@pytest.fixture
def secrets_at(tmp_path, monkeypatch):
    """Install a fresh secrets object reading ``tmp_path/secrets.toml`` (written from ``text`` unless None)."""
    path = tmp_path / "secrets.toml"

    def install(text: str | None) -> CountingSecrets:
        if text is not None:
            path.write_text(text, encoding="utf-8")
        source = CountingSecrets()
        monkeypatch.setattr(st, "secrets", source)
        return source

    with patch_config_options({"secrets.files": [str(path)]}):
        yield install


def test_a_missing_secrets_file_is_looked_for_once_per_process(secrets_at):
    source = secrets_at(None)
    for _ in range(50):  # fifty reruns, each asking for every secret the app reads
        assert app_secrets.secret("auth") is None
        assert app_secrets.secret("guru") is None
        assert app_secrets.secret("DATABASE_URL") is None
    assert source.parses == 1


def test_a_present_secrets_file_is_read_and_its_values_given(secrets_at):
    secrets_at('DATABASE_URL = "sqlite:///x.db"\n[guru.rina]\nnama = "Rina"\n')
    assert app_secrets.secret("DATABASE_URL") == "sqlite:///x.db"
    assert dict(app_secrets.secret("guru")["rina"]) == {"nama": "Rina"}
    assert app_secrets.secret("auth") is None


def test_a_new_secrets_object_is_read_again(secrets_at):
    """AppTest gives every run that sets ``at.secrets`` its own object: remembering one changes nothing for it."""
    secrets_at(None)
    assert app_secrets.secret("auth") is None
    given = Secrets()
    given._secrets = {"auth": {"redirect_uri": "x"}}
    st.secrets = given  # restored by the fixture's monkeypatch
    assert app_secrets.secret("auth") == {"redirect_uri": "x"}
