"""Database failures: sorted into kinds with advice for the teacher; a store that failed is opened again later."""

from __future__ import annotations

import pytest

from lessonkit.storage import StorageError, Store
from lessonkit.storage.engine import where
from lessonkit.storage.faults import BUSY, CORRUPT, OTHER, UNREACHABLE, UNWRITABLE, kind_of
from lessonkit.storage.opener import StoreOpener


@pytest.mark.parametrize("message, kind", [
    ("(sqlite3.DatabaseError) file is not a database", CORRUPT),
    ("database disk image is malformed", CORRUPT),
    ("attempt to write a readonly database", UNWRITABLE),
    ("unable to open database file", UNWRITABLE),
    ("database or disk is full", UNWRITABLE),
    ("database is locked", BUSY),
    ('connection failed: connection to server at "127.0.0.1", port 5 failed: Connection refused', UNREACHABLE),
    ("server closed the connection unexpectedly", UNREACHABLE),
    ("something else entirely", OTHER),
])
def test_failures_are_sorted_by_kind(message, kind):
    assert kind_of(RuntimeError(message)) == kind


def test_advice_is_indonesian_names_the_place_and_never_a_password():
    place = where("postgresql://guru:rahasia@db.sekolah:5433/kelas")
    assert place == "db.sekolah:5433/kelas"
    error = StorageError("x", UNREACHABLE, place)
    assert "tidak bisa dihubungi" in error.advice and "db.sekolah:5433/kelas" in error.advice
    assert "rahasia" not in error.advice
    assert "tidak mengubah atau menghapusnya" in StorageError("x", CORRUPT, "/data/lessonkit.db").advice


def test_a_data_folder_that_cannot_be_made_is_a_storage_error_not_a_crash(tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError) as failure:
        Store.open(f"sqlite:///{blocker / 'data' / 'lessonkit.db'}")
    assert failure.value.kind in (UNWRITABLE, OTHER)


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_opener_retries_after_a_pause_and_keeps_the_store_once_open():
    clock, calls, results = _Clock(), [], [StorageError("down", UNREACHABLE), StorageError("down", UNREACHABLE)]

    def open_store(url):
        calls.append(url)
        if results:
            raise results.pop(0)
        return "toko"

    opener = StoreOpener("db://x", retry_seconds=5, open_store=open_store, clock=clock)
    assert isinstance(opener.get(), StorageError)
    clock.now = 4.9
    assert isinstance(opener.get(), StorageError) and len(calls) == 1, "no new attempt before the pause"
    clock.now = 5.0
    assert isinstance(opener.get(), StorageError) and len(calls) == 2
    clock.now = 10.0
    assert opener.get() == "toko" and opener.get() == "toko" and len(calls) == 3
