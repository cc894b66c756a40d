"""Shared test fixtures and helpers: paths of the project and of small content folders, running a coroutine."""

from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config):
    """Under pytest-xdist each worker gets a PostgreSQL database of its own (``test`` → ``test_gw0``, …):
    the storage tests drop and recreate every table, which two workers must not do to each other."""
    worker, url = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("TEST_DATABASE_URL")
    if worker and url:
        os.environ["TEST_DATABASE_URL"] = worker_database(url, worker)


def worker_database(url: str, worker: str) -> str:
    """The URL of ``<database>_<worker>`` on the server of ``url``, created when missing."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = f"{parsed.database}_{worker}"
    admin = parsed.set(drivername="postgresql", database=parsed.database)
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True, connect_timeout=5) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    return parsed.set(database=name).render_as_string(hide_password=False)


def run_async(coroutine, loop_factory=None):
    """Run a coroutine to the end on a new event loop in its own thread.

    Not ``asyncio.run`` here: once the browser tests have started Playwright, its event loop is running in the
    main thread for the rest of the session, and a second loop cannot run there.
    """
    def run():
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            return runner.run(coroutine)

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Every test writes its database under its own temporary folder, never into ./data."""
    monkeypatch.setenv("LESSONKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content_valid", target)
    return target
