"""The app's own HTTP layer around Streamlit: Starlette routes and middleware given to ``st.App``.

One module per concern; this package only puts them together, outermost
middleware first. ``config_reads`` is the one process-level addition: how the
server's threads read Streamlit's options (installed by ``app.py``).
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from server import home_alias, live_events, student_device, teacher_session, theme_memory
from server.closed_endpoints import ClosedEndpoints
from server.compression import Compression
from server.language import HtmlLanguage
from server.security_headers import SecurityHeaders
from server.uploads import UploadGuard
from server.websocket_limits import WebsocketLimits


def routes() -> list[BaseRoute]:
    return [*teacher_session.routes(), *student_device.routes(), *home_alias.routes(), *live_events.routes()]


def middleware() -> list[Middleware]:
    return [Middleware(Compression), Middleware(WebsocketLimits), Middleware(SecurityHeaders),
            Middleware(ClosedEndpoints), Middleware(UploadGuard),
            Middleware(HtmlLanguage, lang="id", head=theme_memory.SCRIPT)]
