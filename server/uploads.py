"""Uploads only for Streamlit sessions that are showing a file uploader.

Streamlit accepts ``PUT /_stcore/upload_file/<session id>/<any id>`` from
any live session, with an XSRF token the client can make itself, whether or
not its page has an uploader (streamlit issue draft: ``docs/upstream-upload-widgets.md``).
A page that draws an uploader calls `allow_uploads` from its script run;
this middleware then refuses (403, before reading the body) uploads for every
other session. The size limit itself is ``server.maxUploadSize``
(``.streamlit/config.toml``), which Streamlit enforces while the body streams in.
"""

from __future__ import annotations

import threading
import time

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

UPLOAD_PATH = "/_stcore/upload_file/"
ALLOW_FOR_SECONDS = 60 * 60  # an uploader page left open this long must be rerun (any click) to upload again
_PURGE_ABOVE = 256

_lock = threading.Lock()
_allowed: dict[str, float] = {}  # Streamlit session id -> monotonic time until which it may upload


def allow_uploads(session_id: str | None = None, now: float | None = None) -> None:
    """Let the current script run's session (or ``session_id``) upload for the next hour."""
    if session_id is None:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:
            return
        session_id = ctx.session_id
    now = time.monotonic() if now is None else now
    with _lock:
        if len(_allowed) > _PURGE_ABOVE:
            for stale in [s for s, until in _allowed.items() if until < now]:
                del _allowed[stale]
        _allowed[session_id] = now + ALLOW_FOR_SECONDS


def may_upload(session_id: str, now: float | None = None) -> bool:
    now = time.monotonic() if now is None else now
    with _lock:
        return _allowed.get(session_id, float("-inf")) >= now


def upload_session(path: str) -> str | None:
    """The session id in an upload path, or None for any other path."""
    _, found, rest = path.partition(UPLOAD_PATH)
    return rest.split("/", 1)[0] if found else None


class UploadGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") == "PUT":
            session_id = upload_session(scope.get("path", ""))
            if session_id is not None and not may_upload(session_id):
                await Response(status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
