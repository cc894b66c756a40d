"""Running an ASGI app in a test: ``asyncio.run`` on a thread of its own, because the session's Playwright
(sync API, used by the browser tests) keeps an event loop running in the main thread."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()
