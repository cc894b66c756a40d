"""Streamlit's options read from a snapshot, without its config lock, and exactly as Streamlit would read them."""

from __future__ import annotations

import copy
import subprocess
import sys
import threading

import pytest
from streamlit import config

from server import config_reads
from tests.conftest import ROOT


@pytest.fixture
def installed():
    originals = {name: getattr(config, name) for name in ("get_option", "get_options_for_section", "set_option")}
    config_reads.install()
    yield originals
    config_reads.uninstall()
    assert {name: getattr(config, name) for name in originals} == originals


def in_time(call, seconds: float = 2.0):
    """``call()``'s result, or TimeoutError when it does not return within ``seconds``."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    if not out:
        raise TimeoutError
    return out[0]


def test_every_option_and_section_reads_as_streamlit_reads_it(installed):
    table = config.get_config_options()
    for key in table:
        assert config.get_option(key) == installed["get_option"](key), key
    for section in {option.section for option in table.values()}:
        assert config.get_options_for_section(section) == installed["get_options_for_section"](section), section
    with pytest.raises(RuntimeError):
        config.get_option("no.suchOption")


def test_reading_an_option_does_not_wait_for_the_config_lock(installed):
    held, release = threading.Event(), threading.Event()

    def hold_the_lock():
        with config._config_lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock, daemon=True)
    holder.start()
    held.wait(5)
    try:
        assert in_time(lambda: config.get_option("global.minCachedMessageSize")) is not None
        assert in_time(lambda: config.get_options_for_section("theme")) is not None
    finally:
        release.set()
        holder.join(5)


def test_an_option_set_while_running_is_read_at_once(installed):
    before = config.get_option("client.toolbarMode")
    try:
        config.set_option("client.toolbarMode", "developer")
        assert config.get_option("client.toolbarMode") == "developer"
        assert config.get_options_for_section("client")["toolbarMode"] == "developer"
    finally:
        config.set_option("client.toolbarMode", before)


def test_while_the_files_are_parsed_again_reads_go_through_streamlits_lock(installed, monkeypatch):
    reparsed = copy.deepcopy(config._config_options)
    reparsed["global.minCachedMessageSize"].set_value(123)
    monkeypatch.setattr(config, "_config_options", reparsed)  # what a re-parse swaps in before it finishes
    assert config.get_option("global.minCachedMessageSize") == 123


def test_the_app_reads_streamlits_options_through_the_snapshot():
    """``app.py`` installs the snapshot for the server it starts (checked in a process of its own)."""
    check = ("import app; from streamlit import config; from server import config_reads; "
             "assert config.get_option is config_reads.get_option; "
             "assert config.get_option('runner.postScriptGC') is False")
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
