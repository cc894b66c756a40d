"""Entry point: ``streamlit run app.py`` serves the lesson script with this project's HTTP additions.

``st.App`` (Streamlit 1.67) lets the server carry our own routes and middleware
(``server/``), for every way the app is run: ``streamlit run app.py``, the
nginx deployment (``deploy/cluster.py``) and Streamlit Community Cloud. The
Streamlit script itself, page config and navigation, is ``app_script.py``.

Start-up loads the modules the pages use (and with them plotly, pandas,
SQLAlchemy and pydantic) once, then ``gc.freeze()`` moves those long-lived
objects out of the garbage collector's way: Python's automatic full
collections then walk only what sessions create, about 10 ms instead of
100-130 ms holding the GIL. It costs ~0.4 s of CPU once, at start-up.
``.streamlit/config.toml`` turns off Streamlit's own forced collection after
every rerun (docs/kinerja.md), and ``server/config_reads.py`` lets script
threads read Streamlit's options without queueing on its config lock.
"""

import gc

import streamlit as st

import lessonkit.display.score_charts  # noqa: F401 - plotly figures
import lessonkit.lesson.progress  # noqa: F401 - pandas
import lessonkit.storage  # noqa: F401 - SQLAlchemy, Alembic
import ui.learn.diagram_view  # noqa: F401 - lesson content, stage diagrams
import ui.learn.presentation  # noqa: F401 - slides, question bank
import ui.learn.quiz_view  # noqa: F401 - questions and their widgets
import ui.student  # noqa: F401 - QR codes
from server import config_reads, middleware, routes, teacher_session
from ui import data

config_reads.install()  # Streamlit's options read without its lock: they do not change while the server runs
teacher_session.use_store(data.store)  # the cookie routes use the pages' shared store
app = st.App("app_script.py", routes=routes(), middleware=middleware())
gc.freeze()
