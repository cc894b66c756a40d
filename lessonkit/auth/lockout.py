"""The lockout policy: 5 failed sign-ins within 15 minutes lock an account for 15 minutes.

Pure functions over the failure times that ``lessonkit.storage.teachers``
keeps in the database, so the limit holds across every server process.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)
KEEP = WINDOW + LOCK  # older failures can no longer matter


def locked_until(failures: Iterable[datetime], now: datetime) -> datetime | None:
    """When the lock ends, if ``MAX_FAILURES`` failures within ``WINDOW`` ended less than ``LOCK`` ago."""
    times = sorted((t for t in failures if t > now - KEEP), reverse=True)
    for index in range(len(times) - MAX_FAILURES + 1):
        newest, oldest = times[index], times[index + MAX_FAILURES - 1]
        if newest - oldest <= WINDOW and newest + LOCK > now:
            return newest + LOCK
    return None


def minutes_left(until: datetime, now: datetime) -> int:
    """Whole minutes until ``until``, at least 1 (for the message on the sign-in page)."""
    return max(1, -(-int((until - now).total_seconds()) // 60))
