"""Opening the shared `Store`, and opening it again later when it failed: a database that comes back is used.

The app asks for the store on every save. While the database cannot be
opened, the last `StorageError` is returned at once (students are not made to
wait, not even while another session is trying), and a new attempt is made at
most every ``retry_seconds``. Once open,
the store is kept; later failures of single calls are handled by the store
itself (`StorageError`, fresh connections on the next call).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from .faults import StorageError
from .store import Store

RETRY_SECONDS = 5.0
log = logging.getLogger(__name__)


class StoreOpener:
    def __init__(self, url: str, retry_seconds: float | None = None,
                 open_store: Callable[[str], Store] = Store.open, clock: Callable[[], float] = time.monotonic):
        self.url = url
        self.retry_seconds = RETRY_SECONDS if retry_seconds is None else retry_seconds
        self._open = open_store
        self._clock = clock
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._error: StorageError | None = None
        self._failed_at = 0.0

    def get(self) -> Store | StorageError:
        """The open store, or the reason it cannot be used right now."""
        if self._store is not None:
            return self._store
        if not self._lock.acquire(blocking=self._error is None):
            return self._store or self._error  # another session is trying right now
        try:
            if self._store is not None:
                return self._store
            if self._error is not None and self._clock() - self._failed_at < self.retry_seconds:
                return self._error
            try:
                self._store = self._open(self.url)
            except StorageError as exc:
                if self._error is None or exc.kind != self._error.kind:
                    log.warning("database unavailable (%s): %s", exc.kind, exc)
                self._error, self._failed_at = exc, self._clock()
                return exc
            if self._error is not None:
                log.warning("database available again")
            self._error = None
            return self._store
        finally:
            self._lock.release()
