"""Kuis Langsung's event stream: phones and the projector learn at once that a session's version moved.

    GET /_live/events?sesi=<session id>  -> text/event-stream

Server-Sent Events whose only data is the session's version, a number: no answers, names or tokens, and the
session is named by its id only (what its pages already show to everyone in the room). The first event is the
current version, then one event per move, and a comment line every `HEARTBEAT_SECONDS` so a proxy keeps the
connection open and a phone that left is noticed. ``EventSource`` reconnects by itself (``retry``).

A waiting stream is a coroutine on the server's event loop awaiting ``lessonkit.live.notify`` (no thread, no
query per phone); it ends when the browser disconnects. On PostgreSQL the first stream of a process starts
the process's one ``LISTEN`` connection (``lessonkit.storage.live_notify``), so moves made by other processes
arrive too. nginx must not buffer this path (``deploy/cluster.py``).
"""

from __future__ import annotations

import asyncio
import threading

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from lessonkit.live.notify import HUB
from server import teacher_session

PATH = "/_live/events"
HEARTBEAT_SECONDS = 15.0
RETRY_MS = 2000
HEADERS = [(b"content-type", b"text/event-stream; charset=utf-8"), (b"cache-control", b"no-store"),
           (b"x-accel-buffering", b"no")]

_started = threading.Lock()
_listener = None


def _listen(store) -> None:
    """Start this process's ``LISTEN`` thread once (PostgreSQL only)."""
    global _listener
    from lessonkit.storage.live_notify import Listener, listens

    with _started:
        if _listener is None and listens(store.engine):
            _listener = Listener(store.engine, HUB.publish)
            _listener.start()


def _version(session_id: int) -> int | None:
    """The stored version of the session (None: no such session); `StorageError` if the database is away."""
    from lessonkit.storage import StorageError

    store = teacher_session._store()
    if store is None:
        raise StorageError("database unavailable")
    _listen(store)
    record = store.live_get(session_id)
    return None if record is None else record.version


async def _gone(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


class EventStream:
    """The stream of one session's versions, until the browser goes."""

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
        gone = asyncio.ensure_future(_gone(receive))
        seen = -1
        try:
            await send({"type": "http.response.body", "body": f"retry: {RETRY_MS}\n\n".encode(), "more_body": True})
            while True:
                waiting = asyncio.ensure_future(HUB.wait(self.session_id, seen, HEARTBEAT_SECONDS))
                await asyncio.wait({waiting, gone}, return_when=asyncio.FIRST_COMPLETED)
                if gone.done():
                    waiting.cancel()
                    return
                version = waiting.result()
                if version is not None:
                    seen = version
                chunk = ": \n\n" if version is None else f"id: {version}\ndata: {version}\n\n"
                await send({"type": "http.response.body", "body": chunk.encode(), "more_body": True})
        except OSError:  # the connection broke while sending
            return
        finally:
            gone.cancel()


async def events(request: Request):
    from lessonkit.storage import StorageError

    raw = request.query_params.get("sesi", "")
    if not raw.isdigit() or len(raw) > 12:
        return Response(status_code=400)
    session_id = int(raw)
    try:
        version = await run_in_threadpool(_version, session_id)
    except StorageError:
        return Response(status_code=503)
    if version is None:
        return Response(status_code=404)
    HUB.publish(session_id, version)
    return EventStream(session_id)


def routes() -> list[Route]:
    return [Route(PATH, events, methods=["GET"])]
