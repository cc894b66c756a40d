"""Serve the app's HTML page as Indonesian (``<html lang="id">``).

Streamlit hard-codes ``<html lang="en">`` (streamlit#15726), so screen readers
would read the Indonesian lesson with English pronunciation. This pure ASGI
middleware rewrites that attribute in HTML responses only; every other
response (scripts, websockets, JSON) passes through untouched. Streamlit
gzips the page for a deep link (``/materi``) when the browser accepts it, so a
gzipped page is unpacked, rewritten and packed again.
"""

from __future__ import annotations

import gzip
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_HTML_TAG = re.compile(rb"<html\s+lang=\"[^\"]*\"", re.IGNORECASE)


class HtmlLanguage:
    def __init__(self, app: ASGIApp, lang: str = "id") -> None:
        self.app = app
        self.tag = f'<html lang="{lang}"'.encode()

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
                if not headers.get("content-type", "").startswith("text/html") or \
                        headers.get("content-encoding", "gzip") != "gzip":
                    start = None
                    await send(message)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                body.extend(message.get("body", b""))
                if message.get("more_body"):
                    return
                headers = MutableHeaders(raw=start["headers"])
                page = self._rewrite(bytes(body), zipped=headers.get("content-encoding") == "gzip")
                headers["content-length"] = str(len(page))
                await send(start)
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, rewrite)

    def _rewrite(self, body: bytes, zipped: bool) -> bytes:
        if not zipped:
            return _HTML_TAG.sub(self.tag, body, count=1)
        try:
            page = gzip.decompress(body)
        except (OSError, EOFError):
            return body
        return gzip.compress(_HTML_TAG.sub(self.tag, page, count=1), compresslevel=6, mtime=0)
