"""What every part of the storage layer shares: `StorageError`, the guard that raises it, the clock, the
start of a write transaction that must see no concurrent writer (`begin_write`), and `StudentInfo`, the
student as the pages see it (read by the store and by the device records)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from .engine import where
from .faults import StorageError

__all__ = ["StorageError", "begin_write", "guard", "guarded", "utcnow"]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class StudentInfo:
    id: int
    code: str
    display_name: str
    created_at: datetime


def student_info(row) -> StudentInfo:
    """A ``Student`` row as the pages see it."""
    return StudentInfo(row.id, row.code, row.display_name, row.created_at)


def begin_write(db: Session) -> None:
    """Call first in a ``db.begin()`` block that reads then writes what it read. SQLite: ``BEGIN IMMEDIATE`` takes
    the write lock now, so a concurrent writer waits (busy timeout) instead of both reading the same count.
    PostgreSQL: nothing here; the caller reads the row it guards ``FOR UPDATE``."""
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text("BEGIN IMMEDIATE"))


def guard(method):
    """Turn database failures (locked, read-only, gone) into `StorageError` for the callers to explain.

    After a failure the pooled connections are dropped, so the next call opens fresh ones: a database
    that comes back (a server restarted, a file writable again) is used again without a restart.
    """

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            if isinstance(exc, DBAPIError):
                self.engine.dispose()
            raise StorageError.from_exception(exc, where(self.engine.url.render_as_string())) from exc

    return guarded


def guarded(cls):
    """Class decorator: `guard` every public method defined in the class body."""
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith("_"):
            setattr(cls, name, guard(value))
    return cls
