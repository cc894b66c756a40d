"""Serve the app's HTML page as Indonesian (``<html lang="id">``), with the app's own start of ``<head>``.

Streamlit hard-codes ``<html lang="en">`` (streamlit#15726), so screen readers
would read the Indonesian lesson with English pronunciation. This pure ASGI
middleware rewrites that attribute in HTML responses only, and puts ``head``
(markup that must run before Streamlit, e.g. ``server/theme_memory.py``) first
in ``<head>``; every other response (scripts, websockets, JSON) passes
through untouched.
"""

from __future__ import annotations

import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_HTML_TAG = re.compile(rb"<html\s+lang=\"[^\"]*\"", re.IGNORECASE)
_HEAD_TAG = re.compile(rb"<head>", re.IGNORECASE)


class HtmlLanguage:
    def __init__(self, app: ASGIApp, lang: str = "id", head: str = "") -> None:
        self.app = app
        self.tag = f'<html lang="{lang}"'.encode()
        self.head = b"<head>" + head.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") == "HEAD":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body = bytearray()

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=message["headers"])
                if not headers.get("content-type", "").startswith("text/html") or headers.get("content-encoding"):
                    start = None
                    await send(message)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                body.extend(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = _HEAD_TAG.sub(self.head, _HTML_TAG.sub(self.tag, bytes(body), count=1), count=1)
                headers = MutableHeaders(raw=start["headers"])
                headers["content-length"] = str(len(page))
                await send(start)
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, rewrite)
