"""In-process notification that a live session's version moved: who publishes it and who waits for it.

Whoever moves a session's version (``lessonkit.services.live_session``, after its transaction committed) calls
`publish`; PostgreSQL's ``LISTEN`` thread (``lessonkit.storage.live_notify``) publishes what other processes
moved. The event stream (``server/live_events.py``) awaits `Hub.wait` on the server's event loop, so a
waiting phone costs no thread and no query. Only the newest version per session is kept (versions only go
up; an older or repeated one wakes nobody). Publishing is thread-safe: script threads and the listener
thread wake waiters through their loop's ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import threading


def _wake(future: asyncio.Future, version: int) -> None:
    if not future.done():
        future.set_result(version)


class Hub:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[int, int] = {}
        self._waiters: dict[int, set[tuple[asyncio.AbstractEventLoop, asyncio.Future]]] = {}

    def publish(self, session_id: int, version: int) -> bool:
        """Record ``version`` and wake everyone waiting on the session; False if it is not newer."""
        with self._lock:
            if version <= self._versions.get(session_id, -1):
                return False
            self._versions[session_id] = version
            waiters = self._waiters.pop(session_id, set())
        for loop, future in waiters:
            try:
                loop.call_soon_threadsafe(_wake, future, version)
            except RuntimeError:  # that loop has closed: nobody is waiting there any more
                continue
        return True

    def version(self, session_id: int) -> int | None:
        with self._lock:
            return self._versions.get(session_id)

    async def wait(self, session_id: int, seen: int, timeout: float) -> int | None:
        """The session's version once it is newer than ``seen`` (at once if it already is); None after
        ``timeout`` seconds without one."""
        loop = asyncio.get_running_loop()
        with self._lock:
            current = self._versions.get(session_id)
            if current is not None and current > seen:
                return current
            entry = (loop, loop.create_future())
            self._waiters.setdefault(session_id, set()).add(entry)
        try:
            return await asyncio.wait_for(entry[1], timeout)
        except TimeoutError:
            return None
        finally:
            with self._lock:
                waiting = self._waiters.get(session_id)
                if waiting is not None:
                    waiting.discard(entry)
                    if not waiting:
                        del self._waiters[session_id]


HUB = Hub()
publish = HUB.publish
