"""Running an ASGI app in a test: ``asyncio.run`` on a thread of its own, because the session's Playwright
(sync API, used by the browser tests) keeps an event loop running in the main thread."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def respond(middleware, method: str = "GET", path: str = "/", status: int = 200,
            headers: list[tuple[bytes, bytes]] | None = None) -> list[dict]:
    """The messages ``middleware`` sends for one HTTP request to an inner app answering ``status`` and ``headers``."""
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": headers or []})
        await send({"type": "http.response.body", "body": b"ok"})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "headers": [], "query_string": b""}
    run(middleware(app)(scope, receive, send))
    return sent
