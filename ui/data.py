"""Cached access to the lesson content and the question bank.

Parsed files are shared by every session (``st.cache_resource``) and re-read
only when a file in their folder changes, so a teacher's edit shows on the
next page load without restarting the server.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from lessonkit.content import Lesson, folder_signature, load_lesson
from lessonkit.quiz import Bank, read_bank

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = Path(os.environ.get("LESSONKIT_CONTENT_DIR", ROOT / "content"))
QUIZ_DIR = Path(os.environ.get("LESSONKIT_QUIZ_DIR", ROOT / "quizzes"))


@st.cache_resource(show_spinner=False, max_entries=2)
def _lesson(content_dir: str, signature: tuple) -> Lesson:
    return load_lesson(content_dir)


@st.cache_resource(show_spinner=False, max_entries=2)
def _bank(quiz_dir: str, section_ids: tuple[str, ...], signature: tuple) -> Bank:
    return read_bank([quiz_dir] if Path(quiz_dir).is_dir() else [], section_ids=list(section_ids))


def lesson() -> Lesson:
    return _lesson(str(CONTENT_DIR), folder_signature(CONTENT_DIR))


def bank() -> Bank:
    return _bank(str(QUIZ_DIR), tuple(lesson().section_ids), folder_signature(QUIZ_DIR))
