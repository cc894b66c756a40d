"""A PostgreSQL database for the live benchmark's 200-phone run: made fresh for the run and dropped after it.

The server is ``BENCH_POSTGRES_URL`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``, a local
PostgreSQL whose user may create databases); the benchmark never writes into a database it did not make.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

SERVER_ENV = "BENCH_POSTGRES_URL"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def with_database(url: str, name: str) -> str:
    """``url`` pointing at the database ``name`` instead (user, host, port and options kept)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@contextlib.contextmanager
def fresh_postgres(server: str | None = None) -> Iterator[str]:
    """The URL of a new, empty database on ``server``; it is dropped when the block ends."""
    import psycopg

    server = server or os.environ.get(SERVER_ENV) or DEFAULT_SERVER
    name = f"lessonkit_bench_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield with_database(server, name)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
