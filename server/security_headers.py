"""Security headers on every HTTP response: a Content-Security-Policy that keeps the page offline-first, plus
``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.

The policy allows only this server (``'self'``) and inline code and styles
(Streamlit needs them), ``blob:`` and ``data:`` for the diagram, the
countdown iframe, plotly and QR codes, and no framing of the app by another
site (``frame-ancestors 'self'``). Streamlit 1.67's frontend compiles a
WebAssembly module on every page: ``'wasm-unsafe-eval'`` allows exactly that
(not JavaScript ``eval``); without it Chromium reports a violation on every
page. A header the inner app already set is kept.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:; "
                           "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                           "connect-src 'self'; frame-src 'self' blob: data:; object-src 'none'; base-uri 'self'; "
                           "frame-ancestors 'self'")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(message["headers"]))
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                message = {**message, "headers": headers.raw}
            await send(message)

        await self.app(scope, receive, with_headers)
