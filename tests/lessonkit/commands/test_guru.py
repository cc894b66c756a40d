"""``python -m lessonkit guru``: teachers are made, listed, reset and deactivated only from the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lessonkit.auth.passwords import verify_password
from lessonkit.cli import main
from lessonkit.storage import SignInStatus, Store
from tests.conftest import ROOT

PASSWORD = "rahasia-guru-1"


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'guru.db'}"


@pytest.fixture
def typed(monkeypatch):
    """What the teacher types at the hidden password prompts and the name prompt."""
    class Typed(list):
        prompts: list[str] = []

    answers = Typed()
    prompts = answers.prompts = []

    def answer(prompt=""):
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", answer)
    monkeypatch.setattr("builtins.input", answer)
    return answers


def run(db, *args) -> int:
    return main(["guru", "--database", db, *args])


def test_tambah_asks_the_password_twice_and_stores_only_its_hash(db, typed, capsys):
    typed.extend(["Sari Dewi, S.Pd.", PASSWORD, PASSWORD])
    assert run(db, "tambah", "sari") == 0
    assert typed.prompts == ["Nama yang ditampilkan: ", "Kata sandi baru: ", "Ulangi kata sandi: "]
    assert "ditambahkan" in capsys.readouterr().out
    store = Store.open(db)
    assert store.sign_in("sari", PASSWORD).status is SignInStatus.OK
    with store._session() as session:
        from lessonkit.storage.models import Teacher

        stored = session.query(Teacher).one().password_hash
    assert PASSWORD not in stored and verify_password(stored, PASSWORD)


def test_differing_or_short_passwords_change_nothing_and_exit_1(db, typed, capsys):
    typed.extend([PASSWORD, "lain-sandinya"])
    assert run(db, "tambah", "sari", "--nama", "Sari") == 1
    typed.extend(["pendek"])
    assert run(db, "tambah", "sari", "--nama", "Sari") == 1
    err = capsys.readouterr().err
    assert "tidak sama" in err and "minimal 8 karakter" in err
    assert not Store.open(db).has_teachers()


def test_a_taken_username_is_refused(db, typed, capsys):
    typed.extend([PASSWORD, PASSWORD, PASSWORD, PASSWORD])
    assert run(db, "tambah", "sari", "--nama", "Sari") == 0
    assert run(db, "tambah", "SARI", "--nama", "Sari Lain") == 1
    assert "Sudah ada guru" in capsys.readouterr().err


def test_daftar_sandi_nonaktifkan_and_email_teachers(db, typed, capsys):
    typed.extend([PASSWORD, PASSWORD])
    run(db, "tambah", "sari", "--nama", "Sari Dewi")
    assert run(db, "tambah", "--email", "Budi@Belajar.id", "--nama", "Budi") == 0
    capsys.readouterr()
    assert run(db, "daftar") == 0
    listing = capsys.readouterr().out
    assert "sari" in listing and "budi@belajar.id" in listing and "aktif" in listing
    typed.extend(["sandi-baru-123", "sandi-baru-123"])
    assert run(db, "sandi", "sari") == 0
    store = Store.open(db)
    assert store.sign_in("sari", "sandi-baru-123").status is SignInStatus.OK
    assert run(db, "nonaktifkan", "sari") == 0
    assert store.sign_in("sari", "sandi-baru-123").status is SignInStatus.WRONG
    assert run(db, "aktifkan", "sari") == 0
    assert run(db, "nonaktifkan", "tidak-ada") == 1
    assert store.teacher_for_email("budi@belajar.id").display_name == "Budi"


def test_buka_unlocks_a_teacher_locked_out_by_wrong_passwords(db, typed, capsys):
    typed.extend([PASSWORD, PASSWORD])
    run(db, "tambah", "sari", "--nama", "Sari Dewi")
    store = Store.open(db)
    for _ in range(5):
        store.sign_in("sari", "salah-sekali", client="10.0.0.5")
    assert store.sign_in("sari", PASSWORD, client="10.0.0.5").status is SignInStatus.LOCKED
    assert run(db, "buka", "sari") == 0 and "dibuka" in capsys.readouterr().out
    assert store.sign_in("sari", PASSWORD, client="10.0.0.5").status is SignInStatus.OK
    assert run(db, "buka", "tidak-ada") == 1 and "Tidak ada guru" in capsys.readouterr().err


def test_hash_prints_an_argon2id_hash_for_secrets_toml(typed, capsys):
    typed.extend([PASSWORD, PASSWORD])
    assert main(["guru", "hash"]) == 0
    out = capsys.readouterr()
    [line] = out.out.strip().splitlines()
    assert line.startswith("$argon2id$") and verify_password(line, PASSWORD)
    assert "[guru." in out.err


def test_bad_usage_exits_2_in_indonesian_without_a_traceback(tmp_path):
    for args in (["guru"], ["guru", "tambah"], ["guru", "tambah", "Nama Dengan Spasi", "--nama", "x"],
                 ["guru", "hapus-semua"]):
        env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LESSONKIT_DATA_DIR": str(tmp_path)}
        result = subprocess.run([sys.executable, "-m", "lessonkit", *args], cwd=tmp_path, capture_output=True,
                                text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip()
