"""When the database fails, the lesson goes on and says so; when it is back, saving resumes (AppTest).

PostgreSQL is stopped by closing a gate in front of it (the shared server keeps
running); SQLite by a data folder that cannot be written. Bad ``?kode=`` values
are refused without opening the database at all.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.tcp_gate import gated_postgres
from ui.text import WORD_JOINER

DOWN = "Penyimpanan kemajuan sedang tidak bisa dipakai"
NOT_SAVED = "tidak bisa disimpan"


@pytest.fixture(autouse=True)
def retry_at_once(monkeypatch):
    """Open a failed database again on the next rerun, and forget what earlier tests opened."""
    monkeypatch.setattr("lessonkit.storage.opener.RETRY_SECONDS", 0.0)
    monkeypatch.setattr("ui.data._asked", False)


def _button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def _register(at, name="Ana"):
    at.text_input(key="new_name").input(name).run()
    _button(at, "Mulai menyimpan").click().run()
    return at.session_state["student"] if "student" in at.session_state else None


def _sidebar_warnings(at) -> str:
    return " ".join(w.value for w in at.sidebar.warning)


def _teacher_detail(at) -> str:
    """The sidebar captions as a reader sees them (``plain()`` escapes undone)."""
    return re.sub(r"\\(.)", r"\1", " ".join(c.value for c in at.sidebar.caption)).replace(WORD_JOINER, "")


def _practise_one(at):
    at.switch_page("app_pages/latihan.py").run()
    at.segmented_control[0].set_value("Kuis").run()
    _button(at, "Mulai latihan").click().run()
    at.radio[0].set_value(1).run()
    _button(at, "Periksa").click().run()


@pytest.fixture
def gate(monkeypatch):
    gate, url = gated_postgres()
    monkeypatch.setenv("DATABASE_URL", url)
    yield gate
    gate.stop()


@pytest.mark.postgres
def test_postgres_down_at_start_then_back_and_down_again_while_practising(app, gate):
    gate.close()
    at = app()
    at.run()
    assert _register(at) is None
    assert DOWN in _sidebar_warnings(at) and "tidak bisa dihubungi" in _teacher_detail(at)
    at.switch_page("app_pages/materi.py").run()
    assert not at.exception and at.title[0].value == "Bagian Satu", "the lesson goes on"

    gate.reopen()
    at.run()
    assert DOWN not in _sidebar_warnings(at)
    ana = _register(at)
    assert ana is not None

    gate.close()
    _practise_one(at)
    assert not at.exception and NOT_SAVED in " ".join(t.value for t in at.toast)
    assert any("Benar" in s.value for s in at.success), "feedback is shown even though nothing was saved"

    gate.reopen()
    _button(at, "Coba lagi").click().run()
    at.radio[0].set_value(1).run()
    _button(at, "Periksa").click().run()
    later = app(ana.code)
    later.switch_page("app_pages/kemajuan.py").run()
    assert {m.label: m.value for m in later.metric}["Jawaban latihan"] == "1", "saving resumed after the outage"


def test_sqlite_folder_unwritable_at_start_then_restored(app, tmp_path, monkeypatch):
    data = tmp_path / "data-link"
    data.symlink_to("/proc")  # not even root can create a file there
    monkeypatch.setenv("LESSONKIT_DATA_DIR", str(data))
    at = app()
    at.run()
    assert _register(at) is None
    assert DOWN in _sidebar_warnings(at) and "tidak bisa dibuka atau ditulisi" in _teacher_detail(at)
    at.switch_page("app_pages/kartu.py").run()
    assert not at.exception and at.header, "flashcards still work without saving"

    data.unlink()
    (tmp_path / "real").mkdir()
    data.symlink_to(tmp_path / "real")
    at.run()
    assert DOWN not in _sidebar_warnings(at)
    assert _register(at).display_name == "Ana"
    assert (tmp_path / "real" / "lessonkit.db").is_file()


def test_a_damaged_sqlite_file_gives_a_clear_message_and_is_not_touched(app, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    damaged = folder / "lessonkit.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00\x10" + b"setengah tertulis" * 40)
    blob = damaged.read_bytes()
    monkeypatch.setenv("LESSONKIT_DATA_DIR", str(folder))
    at = app()
    at.run()
    _register(at)
    assert DOWN in _sidebar_warnings(at)
    assert "rusak atau tidak lengkap" in _teacher_detail(at) and "lessonkit.db" in _teacher_detail(at)
    for page in ("materi", "latihan", "ujian", "kartu", "kemajuan"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
    assert damaged.read_bytes() == blob and os.listdir(folder) == ["lessonkit.db"]


MALFORMED = {"enormous": "x" * 100_000, "path": "../../etc/passwd", "sql": "' OR '1'='1' --------------",
             "html": "<script>alert(1)</script>xxxxxxx", "short": "a" * 21, "spaces": "kode dengan spasi yang panjang"}


@pytest.mark.parametrize("code", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_code_in_the_address_is_refused_without_asking_the_database(app, monkeypatch, code):
    asked = []
    monkeypatch.setattr("lessonkit.storage.store.Store.open", lambda url: asked.append(url))
    monkeypatch.setattr("lessonkit.storage.store.Store.student", lambda self, code: asked.append(code))
    at = app(code)
    at.run()
    assert not at.exception
    assert any("tidak dikenal" in w.value for w in at.main.warning), "said on the page (issue #24)"
    assert "kode" not in at.query_params
    assert asked == [], "the database was not asked"
