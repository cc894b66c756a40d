"""Cached access to the lesson content.

The parsed content is shared by every session (``st.cache_resource``) and is
re-read only when a file in the content folder changes, so a teacher's edit
shows on the next page load without restarting the server.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from lessonkit.content import Lesson, folder_signature, load_lesson

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = Path(os.environ.get("LESSONKIT_CONTENT_DIR", ROOT / "content"))


@st.cache_resource(show_spinner=False, max_entries=2)
def _lesson(content_dir: str, signature: tuple) -> Lesson:
    return load_lesson(content_dir)


def lesson() -> Lesson:
    return _lesson(str(CONTENT_DIR), folder_signature(CONTENT_DIR))
