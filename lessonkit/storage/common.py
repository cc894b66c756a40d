"""What every part of the storage layer shares: `StorageError`, the guard that raises it, and the clock."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError


class StorageError(Exception):
    """The database cannot be used (missing, corrupt, unwritable or unreachable)."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def clean_name(text: str, limit: int) -> str:
    return " ".join((text or "").split())[:limit]


def guard(method):
    """Turn database failures (locked, read-only, gone) into `StorageError` for the callers to explain."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise StorageError(str(exc)) from exc

    return guarded


def guarded(cls):
    """Class decorator: `guard` every public method defined in the class body."""
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith("_"):
            setattr(cls, name, guard(value))
    return cls
