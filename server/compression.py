"""Gzip for what the app sends over the classroom Wi-Fi, static files compressed once and kept in memory.

Streamlit 1.67 serves its JavaScript and CSS (``/static/``) uncompressed on
purpose: compressing them on every request costs CPU at every first load. But
those files are content-hashed and immutable, so this middleware compresses
each one once (in a worker thread, so the event loop keeps serving), keeps the
result in memory, and hands it to every browser that accepts gzip: a lesson
page's JavaScript crosses the Wi-Fi at about a quarter of its size. Other text
responses (the HTML page, JSON) are small and compressed as they pass.

It is the outermost middleware and owns ``Content-Encoding`` for the whole
app: requests reach the inner layers without ``Accept-Encoding``, so they
always see plain bodies (``server/language.py`` rewrites the HTML page,
whatever the address), and only this layer compresses. Range requests,
conditional requests, websockets and streamed bodies pass through untouched.
"""

from __future__ import annotations

import asyncio
import gzip

import anyio
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC_PREFIX = "/static/"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
                "application/manifest+json")
MINIMUM_BYTES = 1024
LARGEST_BYTES = 32 * 1024 * 1024  # bigger bodies are streamed as they are
CACHE_BYTES = 64 * 1024 * 1024  # compressed static files kept in memory (all of Streamlit's are ~7 MB)
THREAD_ABOVE = 64 * 1024  # compress bodies larger than this off the event loop


def accepts_gzip(headers: Headers) -> bool:
    for part in headers.get("accept-encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=")
            return not (params and quality.replace(".", "", 1).isdigit() and float(quality) == 0)
    return False


def compressible(headers: MutableHeaders) -> bool:
    kind = headers.get("content-type", "")
    length = headers.get("content-length")
    return (kind.startswith(COMPRESSIBLE) and "content-encoding" not in headers and length is not None
            and length.isdigit() and MINIMUM_BYTES <= int(length) <= LARGEST_BYTES)


class Compression:
    def __init__(self, app: ASGIApp, level: int = 9) -> None:
        self.app = app
        self.level = level
        self.cache: dict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = {}
        self.cached_bytes = 0
        self.pending: dict[str, asyncio.Future] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        wanted = accepts_gzip(headers) and scope.get("method") == "GET"
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]}
        if not wanted or "range" in headers:
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        static = path.startswith(STATIC_PREFIX) and not ("if-none-match" in headers or "if-modified-since" in headers)
        if static and path in self.cache:
            await self._send_cached(path, send)
            return
        if static and path in self.pending:  # another browser asked first: share its compression
            await asyncio.shield(self.pending[path])
            if path in self.cache:
                await self._send_cached(path, send)
                return
        waiting = asyncio.get_running_loop().create_future() if static else None
        if waiting is not None:
            self.pending[path] = waiting
        try:
            await self.app(scope, receive, _Compressor(self, send, path if static else None))
        finally:
            if waiting is not None:
                self.pending.pop(path, None)
                waiting.set_result(None)

    async def compress(self, body: bytes) -> bytes:
        if len(body) > THREAD_ABOVE:  # zlib releases the GIL: the event loop keeps serving meanwhile
            return await anyio.to_thread.run_sync(gzip.compress, body, self.level)
        return gzip.compress(body, self.level)

    def remember(self, path: str, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if self.cached_bytes + len(body) <= CACHE_BYTES:
            self.cache[path] = (status, headers, body)
            self.cached_bytes += len(body)

    async def _send_cached(self, path: str, send: Send) -> None:
        status, headers, body = self.cache[path]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _Compressor:
    """The ``send`` of one response: compress it whole if it is worth it, else pass every message through."""

    def __init__(self, owner: Compression, send: Send, cache_as: str | None):
        self.owner, self.send, self.cache_as = owner, send, cache_as
        self.start: Message | None = None
        self.body = bytearray()
        self.passing = False

    async def __call__(self, message: Message) -> None:
        if self.passing:
            await self.send(message)
            return
        if message["type"] == "http.response.start":
            headers = MutableHeaders(raw=message["headers"])
            if message["status"] != 200 or not compressible(headers):
                self.passing = True
                await self.send(message)
                return
            self.start = message
            return
        if message["type"] != "http.response.body":
            await self.send(message)
            return
        self.body.extend(message.get("body", b""))
        if message.get("more_body"):
            return
        compressed = await self.owner.compress(bytes(self.body))
        headers = MutableHeaders(raw=list(self.start["headers"]))
        headers["content-encoding"] = "gzip"
        headers["content-length"] = str(len(compressed))
        if "accept-encoding" not in headers.get("vary", "").lower():
            headers.add_vary_header("Accept-Encoding")
        if "etag" in headers and not headers["etag"].startswith("W/"):
            headers["etag"] = "W/" + headers["etag"]  # the same resource, not the same bytes
        if self.cache_as is not None:
            self.owner.remember(self.cache_as, self.start["status"], headers.raw, compressed)
        await self.send({**self.start, "headers": headers.raw})
        await self.send({"type": "http.response.body", "body": compressed})
