"""A database that fails and comes back: the store and its opener recover; a damaged file is left untouched."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from lessonkit.storage import StorageError, Store
from lessonkit.storage.faults import CORRUPT, UNREACHABLE, UNWRITABLE
from lessonkit.storage.opener import StoreOpener
from tests.conftest import ROOT
from tests.lessonkit.quiz.factories import make
from tests.tcp_gate import gated_postgres


@pytest.fixture(name="gated_postgres")
def _gated_postgres():
    """PostgreSQL (``TEST_DATABASE_URL``) behind a gate the test can close and open."""
    gate, url = gated_postgres()
    yield gate, url
    gate.stop()


@pytest.mark.postgres
def test_postgres_that_stops_and_comes_back_is_used_again_without_a_restart(gated_postgres):
    gate, url = gated_postgres
    store = Store.open(url)
    ana = store.create_student("Ana")
    store.record_visit(ana.id, "pengantar")
    gate.close()
    with pytest.raises(StorageError) as failure:
        store.record_visit(ana.id, "perbandingan")
    assert failure.value.kind == UNREACHABLE and "tidak bisa dihubungi" in failure.value.advice
    gate.reopen()
    store.record_visit(ana.id, "perbandingan")
    assert set(store.visits(ana.id)) == {"pengantar", "perbandingan"}
    store.engine.dispose()


@pytest.mark.postgres
def test_postgres_down_at_start_up_is_opened_once_it_is_back(gated_postgres):
    gate, url = gated_postgres
    gate.close()
    opener = StoreOpener(url, retry_seconds=0)
    assert opener.get().kind == UNREACHABLE
    gate.reopen()
    store = opener.get()
    assert isinstance(store, Store) and store.create_student("Ana").display_name == "Ana"
    store.engine.dispose()


def _unwritable_then_restored(folder: str) -> None:
    """Run in a process that file permissions apply to: the SQLite file is read-only, then writable again."""
    url = f"sqlite:///{folder}/lessonkit.db"
    first = Store.open(url)
    code = first.create_student("Ana").code
    first.engine.dispose()
    files = [os.path.join(folder, name) for name in os.listdir(folder)]
    for path in files:
        os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    opener = StoreOpener(url, retry_seconds=0)
    down = opener.get()
    os.chmod(folder, 0o755)
    for path in files:
        os.chmod(path, 0o644)
    store = opener.get()
    ana = store.student(code)
    store.record_visit(ana.id, "pengantar")
    print(json.dumps({"down": getattr(down, "kind", "open"), "visits": sorted(store.visits(ana.id))}))


def test_sqlite_file_that_is_unwritable_and_then_restored_is_used_again(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    command = [sys.executable, "-c", "import sys; from tests.lessonkit.storage.test_recovery import "
               "_unwritable_then_restored as run; run(sys.argv[1])", str(folder)]
    if os.geteuid() == 0:  # root writes anything: drop the capability that lets it
        if not shutil.which("setpriv"):
            pytest.fail("setpriv (util-linux) tidak ada: tes ini butuh proses tanpa CAP_DAC_OVERRIDE")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"down": UNWRITABLE, "visits": ["pengantar"]}


def _valid_database(path) -> bytes:
    store = Store.open(f"sqlite:///{path}")
    ana = store.create_student("Ana")
    for number in range(100):
        store.record_practice(ana.id, make("essay", id=f"q{number}", section="pengantar"), "jawaban " * 20, 1.0)
    store.engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    return path.read_bytes()


@pytest.mark.parametrize("damage", ["half-written", "header-only", "not-a-database", "pages-overwritten"])
def test_a_damaged_sqlite_file_is_reported_and_left_exactly_as_it_was(tmp_path, damage):
    good = _valid_database(tmp_path / "baik.db")
    blob = {"half-written": good[: len(good) // 2], "header-only": good[:100],
            "not-a-database": b"bukan basis data " * 500,
            "pages-overwritten": good[:4096] + bytes(range(256)) * ((len(good) - 4096) // 256)}[damage]
    path = tmp_path / "data" / "lessonkit.db"
    path.parent.mkdir()
    path.write_bytes(blob)
    with pytest.raises(StorageError) as failure:
        Store.open(f"sqlite:///{path}")
    assert failure.value.kind == CORRUPT
    assert str(path) in failure.value.advice and "tidak mengubah atau menghapusnya" in failure.value.advice
    assert path.read_bytes() == blob and sorted(os.listdir(path.parent)) == ["lessonkit.db"]
