"""The app's own HTTP layer around Streamlit: Starlette routes and middleware given to ``st.App``.

One module per concern; this package only puts them together, outermost
middleware first.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from server import student_device, teacher_session
from server.compression import Compression
from server.language import HtmlLanguage


def routes() -> list[BaseRoute]:
    return [*teacher_session.routes(), *student_device.routes()]


def middleware() -> list[Middleware]:
    return [Middleware(Compression), Middleware(HtmlLanguage, lang="id")]
