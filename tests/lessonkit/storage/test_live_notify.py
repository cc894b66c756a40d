"""PostgreSQL NOTIFY carries a session's new version from the process that moved it to every other process's
listener; the payload is only numbers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from lessonkit.services import live_session as service
from lessonkit.storage import Store
from lessonkit.storage.live_notify import parse
from tests.lessonkit.live.factories import every_type_bank

from .conftest import POSTGRES_URL, reset_postgres

OTHER_PROCESS = """
import asyncio, sys, time
from lessonkit.live.notify import HUB
from lessonkit.storage import make_engine
from lessonkit.storage.live_notify import Listener

listener = Listener(make_engine(sys.argv[1]), HUB.publish)
listener.start()
assert listener.listening.wait(10)
print("listening", flush=True)
version = asyncio.run(HUB.wait(int(sys.argv[2]), 1, timeout=10))
print(version, time.time(), flush=True)
"""


def test_a_payload_is_a_session_id_and_a_version_and_anything_else_is_ignored():
    assert parse("12:7") == (12, 7)
    assert parse("12") is None and parse("a:b") is None and parse("1:2:3") is None


@pytest.mark.postgres
def test_a_transition_in_one_process_wakes_the_listener_of_another_within_a_second():
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tidak diuji: atur TEST_DATABASE_URL")
    reset_postgres(POSTGRES_URL)
    store = Store.open(POSTGRES_URL)
    bank = every_type_bank()
    sari = store.add_teacher("Sari", username="sari").id
    record = service.create(store, bank, sari, ["q-single"], base_seconds=20, speed_bonus=True)
    service.join(store, record.code, "Ana")
    other = subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, POSTGRES_URL, str(record.id)],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[3])
    try:
        assert other.stdout.readline().strip() == "listening"
        moved = service.command(store, sari, record.id, "start")
        sent = time.time()
        version, woken = other.stdout.readline().split()
        assert int(version) == moved.version == 2
        assert float(woken) - sent < 1.0
    finally:
        other.kill()
        other.wait()
        store.engine.dispose()
