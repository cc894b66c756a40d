"""Streamlit's secrets as the app reads them: a missing ``secrets.toml`` is noticed once per process.

Without a secrets file (the usual classroom install) every ``st.secrets``
lookup makes Streamlit look for the file again, with file-system calls under a
process-wide lock, and the app asks on every rerun (OpenID Connect providers,
declared teachers, ``DATABASE_URL``): with a few hundred students the script
threads queued on that lock. Here the answer "no secrets" is remembered for
the ``st.secrets`` object that gave it, which on a server is one object for
the life of the process, so a ``secrets.toml`` created later is read after a
restart (docs/panduan-guru.md, teacher section). An existing file is Streamlit's business as
before: parsed once, without a lock afterwards, and watched for changes. Each
AppTest run that sets ``at.secrets`` brings its own object and is read anew.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_without_file: object | None = None  # the st.secrets object known to have no (readable) secrets file


def secret(name: str) -> Any:
    """The top-level entry ``name`` of ``secrets.toml`` (a section is a mapping), or None."""
    global _without_file
    source = st.secrets
    if source is _without_file:
        return None
    try:
        return source.get(name)
    except Exception:  # noqa: BLE001 - no secrets file is the normal case; a broken one is logged by Streamlit
        _without_file = source
        return None
