"""Cached access to the lesson content, the question bank, stage diagrams and their drawings, and charts.

Parsed files are shared by every session (``st.cache_resource``) and re-read
only when a file in their folder changes, so a teacher's edit shows on the
next page load without restarting the server. The folders' fingerprint is
reduced to a short version string once per scan, so a cache lookup (several
per rerun, one per option where a ``format_func`` asks for the lesson) hashes
a few characters, not a tuple of every file's path, time and size.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import streamlit as st

from lessonkit.display.diagram_svg import Step, draw, layouts, steps
from lessonkit.display.slides import Slide, build_deck
from lessonkit.lesson.content import Lesson, folder_signature, load_lesson
from lessonkit.lesson.stages import Diagrams, load_diagrams
from lessonkit.quiz import Bank, read_bank
from ui import app_secrets, flash

ROOT = Path(__file__).resolve().parent.parent
RESCAN_SECONDS = 1.0
_scans: dict[tuple[str, ...], tuple[float, str]] = {}
CONTENT_DIR = Path(os.environ.get("LESSONKIT_CONTENT_DIR", ROOT / "content"))
QUIZ_DIR = Path(os.environ.get("LESSONKIT_QUIZ_DIR", ROOT / "quizzes"))


def _version(*folders: Path) -> str:
    """The folders' fingerprint as a short string, re-scanned at most once a second."""
    key = tuple(str(f) for f in folders)
    now = time.monotonic()
    seen = _scans.get(key)
    if seen is None or now - seen[0] >= RESCAN_SECONDS:
        digest = hashlib.blake2b(repr(folder_signature(*folders)).encode(), digest_size=8).hexdigest()
        seen = (now, digest)
        _scans[key] = seen
    return seen[1]


@st.cache_resource(show_spinner=False, max_entries=2)
def _lesson(content_dir: str, version: str) -> Lesson:
    return load_lesson(content_dir)


@st.cache_resource(show_spinner=False, max_entries=2)
def _bank(quiz_dir: str, content_version: str, version: str) -> Bank:
    return read_bank([quiz_dir] if Path(quiz_dir).is_dir() else [], section_ids=lesson().section_ids)


def lesson() -> Lesson:
    return _lesson(str(CONTENT_DIR), _version(CONTENT_DIR))


def bank() -> Bank:
    return _bank(str(QUIZ_DIR), _version(CONTENT_DIR), _version(QUIZ_DIR))


def practice_bank() -> Bank:
    """The bank practice may show: without the questions of any class exam running now
    (`lessonkit.quiz.class_exam.held_back`); the whole bank while the database cannot be read."""
    from lessonkit.quiz.class_exam import held_back

    full, opened, now = bank(), store(), time.time()
    exams = (flash.guard(opened.running_class_exams, now) or []) if opened is not None else []
    return full.without(held_back(full, exams, now))


def files_version() -> str:
    """A short string that changes whenever a lesson or quiz file changes: a cache key for what they give."""
    return _version(CONTENT_DIR, QUIZ_DIR)


@st.cache_resource(show_spinner=False, max_entries=2)
def _diagrams(content_dir: str, version: str) -> Diagrams:
    return load_diagrams(content_dir, lesson().section_ids)


def diagrams() -> Diagrams:
    return _diagrams(str(CONTENT_DIR), _version(CONTENT_DIR))


def stage_steps(diagram_id: str) -> list[Step]:
    """The selectable stages of a diagram in stepping order."""
    found = diagrams()
    return steps(found.items[diagram_id], found.processes)


def drawings(diagram_id: str, revealed: int | None, big: bool) -> tuple[str, list[dict]]:
    """A diagram's SVG drawings, widest first, with their stage hotspots, under a name that changes with the
    content; built once per state for every session. The chosen stage is not drawn in (the page highlights it,
    ``ui/learn/diagram_view.js``), so stepping through the stages needs no new drawing."""
    version = _version(CONTENT_DIR)
    return f"{diagram_id}/{revealed}/{int(big)}/{version}", _drawings(diagram_id, revealed, big, version)


@st.cache_resource(show_spinner=False, max_entries=512)
def _drawings(diagram_id: str, revealed: int | None, big: bool, version: str) -> list[dict]:
    found = diagrams()
    item = found.items[diagram_id]
    return [draw(item, found.processes, revealed=revealed, layout=layout, big=big).as_dict()
            for layout in layouts(item)]


@st.cache_resource(show_spinner=False, max_entries=256)
def score_chart(labels: tuple[str, ...], scores: tuple[float, ...]):
    """Score bars, built once per distinct result: building a plotly figure costs ~10 ms, drawing a built one ~4.

    plotly is imported here, not at the top: pages without a chart start without loading it.
    """
    from lessonkit.display.score_charts import score_bars

    return score_bars(labels, scores)


@st.cache_resource(show_spinner=False, max_entries=256)
def history_chart(times: tuple, scores: tuple[float, ...], kinds: tuple[str, ...]):
    """Scores over time, built once per distinct history (see `score_chart`)."""
    from lessonkit.display.score_charts import scores_over_time

    return scores_over_time(times, scores, kinds)


@st.cache_resource(show_spinner=False, max_entries=2)
def _deck(version: str) -> list[Slide]:
    return build_deck(lesson(), diagrams(), bank())


def deck() -> list[Slide]:
    """The presentation slides, rebuilt only when content or quizzes change."""
    return _deck(_version(CONTENT_DIR, QUIZ_DIR))


def database_url() -> str:
    """``DATABASE_URL`` from the environment or ``.streamlit/secrets.toml``; else the embedded SQLite file."""
    from lessonkit.storage import default_url
    from lessonkit.storage.engine import normalise_url

    secret = app_secrets.secret("DATABASE_URL")
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


ZONE_SECONDS = 10.0  # how long a session may show the school's previous time zone after a teacher changed it
_zone: tuple[float, str, str] | None = None  # (when read, database, zone)


def school_zone() -> str:
    """The school's time zone (``lessonkit.rules.school_time``), read from the database at most every few seconds."""
    global _zone
    from lessonkit.rules import school_time

    opened = store()
    if opened is None:
        return school_time.DEFAULT_ZONE
    now, database = time.monotonic(), opened.engine.url.render_as_string()
    if _zone is not None and _zone[1] == database and now - _zone[0] < ZONE_SECONDS:
        return _zone[2]
    zone = flash.guard(lambda: school_time.known(opened.school_setting(school_time.ZONE_SETTING)))
    if zone is None:
        return school_time.DEFAULT_ZONE
    _zone = (now, database, zone)
    return zone


def set_school_zone(zone: str) -> None:
    """Keep the school's time zone (one of `school_time.ZONES`); every session shows it within seconds."""
    global _zone
    from lessonkit.rules import school_time

    store().set_school_setting(school_time.ZONE_SETTING, school_time.known(zone))
    _zone = None


def when(moment) -> str:
    """A stored moment the Indonesian way in the school's zone: "Senin, 7 Desember 2026 pukul 19.33 WIB"."""
    from lessonkit.rules import school_time

    return school_time.long_text(moment, school_zone())


def when_short(moment) -> str:
    """A stored moment in the school's zone for a table: "07-12-2026 19.33 WIB"."""
    from lessonkit.rules import school_time

    return school_time.short_text(moment, school_zone())
