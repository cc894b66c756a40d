"""Streamlit's configuration read without its process-wide lock while the options stay as they are.

Streamlit reads its options under one ``RLock`` (``streamlit/config.py``
``get_option``, ``get_options_for_section``): for every element a page sends
(``forward_msg_cache.populate_hash_if_needed``), every button and every run
start. With a few hundred students the script threads convoyed on that lock,
and half of their samples in a profile were waits for it
(docs/upstream-config-lock.md). The lock only guards against a re-parse of
the config files; the options never change while the server runs, except by
``set_option`` (a port chosen at start-up, ``st.set_option`` for the few
``client.*`` options).

``install()`` (called once by ``app.py``) answers those two functions from a
snapshot of every option's value, taken under the lock and retaken after each
``set_option`` and each parse. The snapshot is only used while Streamlit's
option table is the very dict it was taken from: a re-parse swaps in a new
dict at its start, and until the parse has finished and the snapshot is
retaken every read goes through Streamlit's own locked function, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from streamlit import config

_installed = threading.Lock()
_locked: dict[str, Callable] = {}  # Streamlit's own functions, kept while ours stand in for them
_snapshot: tuple[object, dict[str, Any], dict[str, dict[str, Any]]] = (None, {}, {})  # table, values, sections
_disconnect: list[Callable[[], None]] = []  # leaves Streamlit's "config parsed" signal


def _retake() -> None:
    global _snapshot
    with config._config_lock:
        table = config.get_config_options()
        values = {key: option.value for key, option in table.items()}
        sections: dict[str, dict[str, Any]] = {}
        for key, option in table.items():
            sections.setdefault(option.section, {})[option.name] = values[key]
        _snapshot = (table, values, sections)


def get_option(key: str) -> Any:
    """``config.get_option`` without the lock while the option table is the one the snapshot was taken from."""
    table, values, _ = _snapshot
    if table is config._config_options and key in values:
        return values[key]
    return _locked["get_option"](key)


def get_options_for_section(section: str) -> dict[str, Any]:
    """``config.get_options_for_section``, likewise (a new dict each call, as Streamlit's)."""
    table, _, sections = _snapshot
    if table is config._config_options and section in sections:
        return dict(sections[section])
    return _locked["get_options_for_section"](section)


def set_option(*args: Any, **kwargs: Any) -> None:
    """``config.set_option``, then a new snapshot."""
    _locked["set_option"](*args, **kwargs)
    _retake()


def install() -> None:
    """Stand in for Streamlit's three functions in ``streamlit.config`` (once; later calls change nothing).

    Streamlit's modules call them as ``config.get_option(...)``, and ``config.py`` calls its own module
    globals, so replacing the module attributes reaches every caller; ``st.get_option`` (bound at import)
    keeps the locked original.
    """
    with _installed:
        if _locked:
            return
        for name, ours in (("get_option", get_option), ("get_options_for_section", get_options_for_section),
                           ("set_option", set_option)):
            _locked[name] = getattr(config, name)
            setattr(config, name, ours)
        _disconnect.append(config.on_config_parsed(_retake, force_connect=True))
        _retake()


def uninstall() -> None:
    """Give Streamlit its own functions back (for tests)."""
    global _snapshot
    with _installed:
        for name, original in _locked.items():
            setattr(config, name, original)
        _locked.clear()
        while _disconnect:
            _disconnect.pop()()
        _snapshot = (None, {}, {})
