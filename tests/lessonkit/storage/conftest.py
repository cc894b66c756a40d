"""A fresh `Store` on SQLite (always) and on PostgreSQL (when ``TEST_DATABASE_URL`` is set)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from lessonkit.storage import Store, make_engine
from lessonkit.storage.models import Base

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL")


def reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tidak diuji: atur TEST_DATABASE_URL (mis. postgresql://postgres@127.0.0.1:5432/test)")
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def store(db_url):
    opened = Store.open(db_url)
    yield opened
    opened.engine.dispose()
