"""Database engine: embedded SQLite by default, PostgreSQL through ``DATABASE_URL``; migrations at start-up.

SQLite runs in WAL mode with a busy timeout so a class writing at once waits
briefly instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 5


def default_url(data_dir: str | Path | None = None) -> str:
    """``DATABASE_URL`` if set, else an SQLite file in the data folder (``LESSONKIT_DATA_DIR`` or ./data).

    The folder is created when the store is opened (`make_engine`), so a folder that cannot be made is a
    `StorageError` there, not a crash here.
    """
    if os.environ.get("DATABASE_URL"):
        return normalise_url(os.environ["DATABASE_URL"])
    folder = Path(data_dir or os.environ.get("LESSONKIT_DATA_DIR") or Path.cwd() / "data")
    return f"sqlite:///{folder / 'lessonkit.db'}"


def where(url: str) -> str:
    """The database's place for messages: the SQLite file, or host, port and name (never a password)."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "(memori)"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgresql://`` / ``postgres://`` URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                               pool_size=10, max_overflow=40)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT_S})


def check_sqlite_file(url: str) -> None:
    """A read-only integrity check of an existing SQLite file, before anything writes to it.

    Raises ``sqlite3.DatabaseError`` for a damaged or half-written file, which is then left exactly as it
    was (switching on WAL mode would already rewrite its header).
    """
    database = make_url(normalise_url(url)).database
    if not url.startswith("sqlite") or not database or database == ":memory:":
        return
    path = Path(database)
    if not path.is_file() or path.stat().st_size == 0:
        return
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("PRAGMA quick_check(1)").fetchone()
    finally:
        connection.close()
    if row and row[0] != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed: {row[0]}")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; existing data is kept (Alembic migrations)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
