"""Streamlit endpoints a classroom server does not offer: ``/_stcore/metrics`` answers 404.

Streamlit serves its internal metrics (sessions, memory of caches) to anyone
who asks; nothing in the app needs them, so they are closed for every
method and under any base path.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

CLOSED = ("/_stcore/metrics",)


def closed(path: str) -> bool:
    path = path.rstrip("/")
    return any(path == p or path.endswith(p) for p in CLOSED)


class ClosedEndpoints:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and closed(scope.get("path", "")):
            await Response(status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)
