"""The lockout policy, per account and client: after 5 failed sign-ins from one client within a day, that client
waits 15 minutes before the next try for that account, and every further failure doubles the wait (at most a day).

Counting per client (``lessonkit.auth.throttle.client_key``) means someone
guessing from another device cannot keep the rightful teacher out; the
doubling means they get a handful of guesses a day, not one every quarter of
an hour. A success clears that client's failures; ``python -m lessonkit guru
buka NAMA`` clears them all. Pure functions over the failure times that
``lessonkit.storage.teachers`` keeps in the database, so the limit holds
across every server process.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=15)
LONGEST_LOCK = timedelta(days=1)
KEEP = timedelta(days=1)  # older failures are forgotten


def lock_for(failures: int) -> timedelta:
    """How long the client waits after its ``failures``-th failure (nothing before `MAX_FAILURES`)."""
    if failures < MAX_FAILURES:
        return timedelta(0)
    return min(FIRST_LOCK * 2 ** min(failures - MAX_FAILURES, 16), LONGEST_LOCK)


def locked_until(failures: Iterable[datetime], now: datetime) -> datetime | None:
    """When the wait after these failures (of one account from one client) ends, if it has not yet."""
    times = [t for t in failures if t > now - KEEP]
    if len(times) < MAX_FAILURES:
        return None
    until = max(times) + lock_for(len(times))
    return until if until > now else None


def minutes_left(until: datetime, now: datetime) -> int:
    """Whole minutes until ``until``, at least 1 (for the message on the sign-in page)."""
    return max(1, -(-int((until - now).total_seconds()) // 60))
