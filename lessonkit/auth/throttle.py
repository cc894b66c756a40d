"""What one server process spends on sign-ins: a few password checks at once, and a few attempts per client.

A password check (argon2) costs ~240 ms of CPU and ~45 MB of memory, for
unknown usernames too (so the time does not tell which names exist). A
`SignInGate` lets at most ``concurrent`` checks run at once and
``per_client`` attempts per client within ``window``; any attempt past
either limit is answered at once ("coba lagi sebentar") without a check.
Every attempt counts, whether the username exists or not.

The client is `client_key`: the address Streamlit reports
(``st.context.ip_address``, none for the server itself), or, only when that
is the documented nginx on the same machine (``deploy/cluster.py``, which replaces ``X-Forwarded-For``
with the address it saw), the address nginx forwarded.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

CONCURRENT_CHECKS = 2  # one per core of a small school server
PER_CLIENT = 20
WINDOW_SECONDS = 60.0
MAX_CLIENTS = 10_000  # clients remembered at once; the oldest is forgotten first
TRUSTED_PROXIES = frozenset({"127.0.0.1", "::1"})
LOCAL = "localhost"  # Streamlit reports no address for a browser on the server itself (or nginx there)


def client_key(ip_address: object, forwarded_for: object = None) -> str:
    """Who is signing in, for throttling and lockout: the peer address, or nginx's word for it (strings only)."""
    ip = ip_address.strip() if isinstance(ip_address, str) else ""
    if (not ip or ip in TRUSTED_PROXIES) and isinstance(forwarded_for, str):
        forwarded = forwarded_for.split(",")[-1].strip()
        if forwarded:
            return forwarded[:64]
    return ip[:64] or LOCAL


class SignInGate:
    def __init__(self, concurrent: int = CONCURRENT_CHECKS, per_client: int = PER_CLIENT,
                 window: float = WINDOW_SECONDS, clock=time.monotonic):
        self.per_client, self.window, self.clock = per_client, window, clock
        self._checks = threading.BoundedSemaphore(concurrent)
        self._lock = threading.Lock()
        self._attempts: dict[str, deque[float]] = {}

    def _count(self, client: str) -> bool:
        """Record an attempt from ``client``; False when it already used its attempts within the window."""
        now = self.clock()
        with self._lock:
            recent = self._attempts.pop(client, None) or deque()
            while recent and recent[0] <= now - self.window:
                recent.popleft()
            if len(self._attempts) >= MAX_CLIENTS:
                del self._attempts[next(iter(self._attempts))]
            self._attempts[client] = recent  # re-inserted: the dict stays ordered by last attempt
            if len(recent) >= self.per_client:
                return False
            recent.append(now)
            return True

    @contextmanager
    def attempt(self, client: str) -> Iterator[bool]:
        """Yields whether this attempt may check a password now; never waits."""
        admitted = self._count(client) and self._checks.acquire(blocking=False)
        try:
            yield admitted
        finally:
            if admitted:
                self._checks.release()
