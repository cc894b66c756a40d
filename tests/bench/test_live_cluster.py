"""The 200-phone run's database: a fresh PostgreSQL database made for the run and dropped after it."""

import os

import pytest

from bench.live_cluster import fresh_postgres, with_database


def test_the_run_database_keeps_user_host_port_and_options():
    url = "postgresql://postgres:pw@127.0.0.1:5433/postgres?sslmode=disable"
    assert with_database(url, "lessonkit_bench_1") == \
        "postgresql://postgres:pw@127.0.0.1:5433/lessonkit_bench_1?sslmode=disable"


@pytest.mark.postgres
def test_a_fresh_database_is_empty_and_gone_after_the_run():
    import psycopg

    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("PostgreSQL tidak diuji: atur TEST_DATABASE_URL (mis. postgresql://postgres@127.0.0.1:5432/test)")
    with fresh_postgres(server) as url:
        with psycopg.connect(url) as connection:
            tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
        name = url.rsplit("/", 1)[1]
    assert tables == 0
    with psycopg.connect(server) as connection:
        assert connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None
