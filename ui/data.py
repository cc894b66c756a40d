"""Cached access to the lesson content, the question bank, stage diagrams and their figures.

Parsed files are shared by every session (``st.cache_resource``) and re-read
only when a file in their folder changes, so a teacher's edit shows on the
next page load without restarting the server.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import streamlit as st

from lessonkit.content import Lesson, folder_signature, load_lesson
from lessonkit.diagrams import comparison_figure, process_figure
from lessonkit.quiz import Bank, read_bank
from lessonkit.slides import Slide, build_deck
from lessonkit.stages import Comparison, Diagrams, load_diagrams

ROOT = Path(__file__).resolve().parent.parent
RESCAN_SECONDS = 1.0
_scans: dict[tuple[str, ...], tuple[float, tuple]] = {}
CONTENT_DIR = Path(os.environ.get("LESSONKIT_CONTENT_DIR", ROOT / "content"))
QUIZ_DIR = Path(os.environ.get("LESSONKIT_QUIZ_DIR", ROOT / "quizzes"))


def _signature(*folders: Path) -> tuple:
    """The folders' fingerprint, re-scanned at most once a second (a rerun asks for it several times)."""
    key = tuple(str(f) for f in folders)
    now = time.monotonic()
    seen = _scans.get(key)
    if seen is None or now - seen[0] >= RESCAN_SECONDS:
        seen = (now, folder_signature(*folders))
        _scans[key] = seen
    return seen[1]


@st.cache_resource(show_spinner=False, max_entries=2)
def _lesson(content_dir: str, signature: tuple) -> Lesson:
    return load_lesson(content_dir)


@st.cache_resource(show_spinner=False, max_entries=2)
def _bank(quiz_dir: str, section_ids: tuple[str, ...], signature: tuple) -> Bank:
    return read_bank([quiz_dir] if Path(quiz_dir).is_dir() else [], section_ids=list(section_ids))


def lesson() -> Lesson:
    return _lesson(str(CONTENT_DIR), _signature(CONTENT_DIR))


def bank() -> Bank:
    return _bank(str(QUIZ_DIR), tuple(lesson().section_ids), _signature(QUIZ_DIR))


@st.cache_resource(show_spinner=False, max_entries=2)
def _diagrams(content_dir: str, section_ids: tuple[str, ...], signature: tuple) -> Diagrams:
    return load_diagrams(content_dir, list(section_ids))


def diagrams() -> Diagrams:
    return _diagrams(str(CONTENT_DIR), tuple(lesson().section_ids), _signature(CONTENT_DIR))


def figure(diagram_id: str, highlight: str | None, revealed: int | None, layout: str, big: bool) -> dict:
    """A diagram's plotly figure as a dict, built once per (diagram, state) and shared by every session."""
    return _figure(diagram_id, highlight, revealed, layout, big, _signature(CONTENT_DIR))


@st.cache_resource(show_spinner=False, max_entries=512)
def _figure(diagram_id: str, highlight: str | None, revealed: int | None, layout: str, big: bool,
            signature: tuple) -> dict:
    found = diagrams()
    item = found.items[diagram_id]
    if isinstance(item, Comparison):
        processes = found.processes
        built = comparison_figure(item, processes[item.left], processes[item.right], highlight=highlight,
                                  revealed=revealed, big=big)
    else:
        built = process_figure(item, highlight=highlight, revealed=revealed, layout=layout, big=big)
    return built.to_dict()


@st.cache_resource(show_spinner=False, max_entries=2)
def _deck(signature: tuple) -> list[Slide]:
    return build_deck(lesson(), diagrams(), bank())


def deck() -> list[Slide]:
    """The presentation slides, rebuilt only when content or quizzes change."""
    return _deck(_signature(CONTENT_DIR, QUIZ_DIR))


def database_url() -> str:
    """``DATABASE_URL`` from the environment or ``.streamlit/secrets.toml``; else the embedded SQLite file."""
    from lessonkit.storage import default_url
    from lessonkit.storage.engine import normalise_url

    try:
        secret = st.secrets.get("DATABASE_URL")
    except Exception:  # noqa: BLE001 - no secrets file is the normal case
        secret = None
    if secret and not os.environ.get("DATABASE_URL"):
        return normalise_url(str(secret))
    return default_url()


_asked = False  # has any session asked for the store yet? (before that, nothing is opened)


@st.cache_resource(show_spinner=False)
def _opener(url: str):
    from lessonkit.storage.opener import StoreOpener

    return StoreOpener(url)


def _opened():
    global _asked
    _asked = True
    return _opener(database_url()).get()


def store():
    """The shared `Store`, or None while the database cannot be used (the lesson then works without saving).

    Opened on first use, so pages that save nothing start without loading the database layer; a database
    that failed is tried again a few seconds later, so saving resumes by itself when it is back.
    """
    from lessonkit.storage import StorageError

    opened = _opened()
    return None if isinstance(opened, StorageError) else opened


def storage_problem():
    """Why saving is impossible right now (a `StorageError` with ``advice``), or None when it works.

    None, without opening anything, until some session has asked for the store.
    """
    if not _asked:
        return None
    from lessonkit.storage import StorageError

    opened = _opened()
    return opened if isinstance(opened, StorageError) else None
