"""PostgreSQL ``LISTEN/NOTIFY`` for Kuis Langsung: how one process tells the others that a session's version moved.

A transition sends ``pg_notify('lessonkit_live', '<session id>:<version>')`` in its own transaction
(`notify`), so the message leaves only if the transition commits, and every process listening on
the channel learns it. Each server process keeps one `Listener`: a thread with one connection of its own
(not one per phone) that hands each message to ``deliver(session_id, version)``
(``lessonkit.live.notify``). It reconnects after the database went away; a message sent meanwhile is
missed, and the pages' slow poll covers it. SQLite has no such channel: one process, and the in-process
notification suffices. The payload carries only numbers, never answers or names.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session as DbSession

CHANNEL = "lessonkit_live"
RECONNECT_SECONDS = 2.0
WAKE_SECONDS = 1.0

log = logging.getLogger(__name__)


def notify(db: DbSession, session_id: int, version: int) -> None:
    """Queue the message in ``db``'s transaction (PostgreSQL only; it is sent at commit)."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SELECT pg_notify(:channel, :payload)"),
                   {"channel": CHANNEL, "payload": f"{session_id}:{version}"})


def parse(payload: str) -> tuple[int, int] | None:
    """``'12:7'`` → (12, 7); None for anything else."""
    session, _, version = payload.partition(":")
    if session.isdigit() and version.isdigit():
        return int(session), int(version)
    return None


def listens(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


class Listener(threading.Thread):
    """One connection per process waiting for the channel's messages; `stop` ends it."""

    def __init__(self, engine: Engine, deliver: Callable[[int, int], object]) -> None:
        super().__init__(name="lessonkit-live-listener", daemon=True)
        self.conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.deliver = deliver
        self.stopping = threading.Event()
        self.listening = threading.Event()

    def stop(self) -> None:
        self.stopping.set()

    def run(self) -> None:
        import psycopg

        while not self.stopping.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self.stopping.is_set():
                        for message in connection.notifies(timeout=WAKE_SECONDS):
                            if (found := parse(message.payload)) is not None:
                                self.deliver(*found)
            except psycopg.Error as exc:
                log.warning("Kuis Langsung: LISTEN terputus (%s); mencoba lagi", type(exc).__name__)
            self.listening.clear()
            self.stopping.wait(RECONNECT_SECONDS)
