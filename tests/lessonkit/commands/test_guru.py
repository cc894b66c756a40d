"""``python -m lessonkit guru``: teachers are made, listed, reset and deactivated only from the command line."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from lessonkit.auth.passwords import verify_password
from lessonkit.cli import main
from lessonkit.storage import SignInStatus, Store
from tests.conftest import ROOT
from tests.lessonkit.cli_run import run_cli

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
    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)  # a teacher at a terminal
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
        result = run_cli(*args, cwd=tmp_path, env={"LESSONKIT_DATA_DIR": str(tmp_path)})
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_sandi_stdin_sets_the_password_from_a_pipe_without_prompts_or_warnings(tmp_path, db):
    result = run_cli("guru", "--database", db, "--sandi-stdin", "tambah", "sari", "--nama", "Sari Dewi, S.Pd.",
                     cwd=tmp_path, stdin=PASSWORD + "\n", env={"LESSONKIT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and "ditambahkan" in result.stdout
    assert Store.open(db).sign_in("sari", PASSWORD).status is SignInStatus.OK


def test_sandi_stdin_still_refuses_a_weak_password(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert run(db, "--sandi-stdin", "tambah", "sari") == 1
    assert "minimal 8 karakter" in capsys.readouterr().err
    assert not Store.open(db).has_teachers()


def test_without_a_terminal_the_password_is_refused_with_a_hint_not_read_through_getpass(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("getpass would warn in English"))
    assert run(db, "tambah", "sari", "--nama", "Sari") == 1
    assert "--sandi-stdin" in capsys.readouterr().err
    assert not Store.open(db).has_teachers()


def test_guru_commands_load_no_app_pdf_or_chart_libraries(tmp_path, db):
    """`guru ...` must answer in about a second: it imports only the store, never the web app's stack."""
    script = ("import sys; from lessonkit.cli import main; main(['guru', '--database', sys.argv[1], 'daftar']); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & "
              "{'streamlit', 'pandas', 'plotly', 'numpy', 'fpdf', 'PIL', 'openpyxl', 'tornado', 'starlette'}))")
    result = subprocess.run([sys.executable, "-c", script, db], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LESSONKIT_DATA_DIR": str(tmp_path)},
                            timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
