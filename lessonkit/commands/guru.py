"""``python -m lessonkit guru``: teacher accounts, made only from the command line (never from the web).

    guru tambah NAMA_PENGGUNA [--nama "Sari Dewi"]   kata sandi ditanya dua kali, tanpa tampil
    guru tambah --email ALAMAT [--nama "..."]         masuk dengan akun sekolah (OpenID Connect)
    guru daftar                                       semua guru dan statusnya
    guru sandi NAMA_PENGGUNA                          ganti kata sandi (mengakhiri semua sesinya)
    guru nonaktifkan NAMA_PENGGUNA|EMAIL              tidak bisa masuk lagi; kelas dan data tetap
    guru aktifkan NAMA_PENGGUNA|EMAIL
    guru buka NAMA_PENGGUNA                           buka kunci setelah terlalu banyak sandi salah
    guru hash                                         hash argon2id untuk .streamlit/secrets.toml
    guru --sandi-stdin tambah|sandi|hash ...          kata sandi dibaca dari baris pertama masukan standar
                                                      (untuk skrip: printf '%s\n' "$SANDI" | python -m ...)

The database is ``--database``, else ``DATABASE_URL`` (environment or
``.streamlit/secrets.toml``), else the app's SQLite file. Exit codes: 0 done,
1 refused (e.g. passwords differ, account exists, database unusable), 2 bad usage.
Without ``--sandi-stdin`` and without a terminal the password is refused with a hint, never read through
getpass's echoing fallback (which prints an English warning).
"""

from __future__ import annotations

import functools
import getpass
import os
import sys
import tomllib
from pathlib import Path

from ..auth.declared import clean_display_name, email_problem, normal_email, normal_username, username_problem
from ..auth.passwords import hash_password, password_problem

USAGE_ERROR, REFUSED = 2, 1
SECRETS = Path(".streamlit") / "secrets.toml"


def add(commands) -> None:
    guru = commands.add_parser("guru", help="kelola akun guru (tambah, daftar, sandi, nonaktifkan, buka, hash)",
                               description="Akun guru hanya dibuat dari sini, tidak pernah dari halaman web.")
    guru.add_argument("--database", metavar="URL", help="alamat basis data (bawaan: DATABASE_URL atau file "
                                                        "SQLite aplikasi)")
    guru.add_argument("--sandi-stdin", action="store_true",
                      help="baca kata sandi dari baris pertama masukan standar (tanpa ditanya, untuk skrip); "
                           "tanpa --nama, nama yang ditampilkan sama dengan nama pengguna")
    actions = guru.add_subparsers(dest="action", metavar="AKSI", parser_class=type(guru))
    tambah = actions.add_parser("tambah", help="tambah guru dengan nama pengguna dan kata sandi, atau --email")
    tambah.add_argument("username", nargs="?", metavar="NAMA_PENGGUNA", help="nama pengguna untuk masuk")
    tambah.add_argument("--email", help="email akun sekolah (masuk lewat OpenID Connect, tanpa kata sandi)")
    tambah.add_argument("--nama", help="nama yang ditampilkan, misalnya \"Sari Dewi, S.Pd.\"")
    tambah.set_defaults(run=_tambah)
    actions.add_parser("daftar", help="tampilkan semua guru").set_defaults(run=_daftar)
    sandi = actions.add_parser("sandi", help="ganti kata sandi guru (semua sesinya berakhir)")
    sandi.add_argument("username", metavar="NAMA_PENGGUNA", help="nama pengguna guru")
    sandi.set_defaults(run=_sandi)
    for name, active in (("nonaktifkan", False), ("aktifkan", True)):
        action = actions.add_parser(name, help=f"{name} akun guru")
        action.add_argument("login", metavar="NAMA_PENGGUNA_ATAU_EMAIL", help="nama pengguna atau email guru")
        action.set_defaults(run=_set_active, active=active)
    buka = actions.add_parser("buka", help="buka kunci akun guru setelah terlalu banyak kata sandi salah")
    buka.add_argument("login", metavar="NAMA_PENGGUNA_ATAU_EMAIL")
    buka.set_defaults(run=_buka)
    actions.add_parser("hash", help="buat hash kata sandi untuk .streamlit/secrets.toml").set_defaults(run=_hash)
    guru.set_defaults(run=_no_action)


def database_url(explicit: str | None) -> str:
    """``--database``, else ``DATABASE_URL`` from the environment or ``.streamlit/secrets.toml``, else SQLite."""
    from ..storage import default_url
    from ..storage.engine import normalise_url

    if explicit:
        return normalise_url(explicit)
    if not os.environ.get("DATABASE_URL") and SECRETS.is_file():
        try:
            secret = tomllib.loads(SECRETS.read_text(encoding="utf-8")).get("DATABASE_URL")
        except (tomllib.TOMLDecodeError, OSError):
            secret = None
        if secret:
            return normalise_url(str(secret))
    return default_url()


def ask_new_password(from_stdin: bool = False) -> str | None:
    """Ask twice without echo, or read one line of stdin; None (with the reason printed) if unusable."""
    if from_stdin:
        first = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    elif not sys.stdin.isatty():
        print("Tidak ada terminal untuk mengetik kata sandi tanpa tampil. Untuk skrip, kirim kata sandi lewat "
              "masukan standar dengan --sandi-stdin, misalnya: printf '%s\\n' \"$SANDI\" | "
              "python -m lessonkit guru --sandi-stdin tambah NAMA_PENGGUNA --nama \"...\"", file=sys.stderr)
        return None
    else:
        first = getpass.getpass("Kata sandi baru: ")
    if problem := password_problem(first):
        print(problem, file=sys.stderr)
        return None
    if not from_stdin and getpass.getpass("Ulangi kata sandi: ") != first:
        print("Kedua kata sandi tidak sama. Tidak ada yang diubah.", file=sys.stderr)
        return None
    return first


def _with_store(action):
    """Open the database for ``action(store, args, prog)``; a database that fails is a message and exit 1."""

    @functools.wraps(action)
    def run(args, prog: str, *extra) -> int:
        from ..storage import StorageError, Store

        try:
            store = Store.open(database_url(args.database))
        except StorageError as exc:
            print(f"Basis data tidak bisa dibuka: {exc}", file=sys.stderr)
            return REFUSED
        try:
            return action(store, args, prog, *extra)
        except StorageError as exc:
            print(f"Basis data tidak bisa dipakai: {exc}", file=sys.stderr)
            return REFUSED
        finally:
            store.engine.dispose()

    return run


def _no_action(args, prog: str) -> int:
    print(f"{prog} guru: pilih aksi: tambah, daftar, sandi, nonaktifkan, aktifkan, buka, hash "
          f"(lihat '{prog} guru --help')", file=sys.stderr)
    return USAGE_ERROR


def _tambah(args, prog: str) -> int:
    if bool(args.username) == bool(args.email):
        print(f"{prog} guru tambah: isi NAMA_PENGGUNA atau --email (salah satu)", file=sys.stderr)
        return USAGE_ERROR
    login = normal_email(args.email) if args.email else normal_username(args.username)
    if problem := (email_problem(login) if args.email else username_problem(login)):
        print(problem, file=sys.stderr)
        return USAGE_ERROR
    return _add(args, prog, login)


@_with_store
def _add(store, args, prog: str, login: str) -> int:
    from ..storage import TeacherExists

    if store.teacher(login) is not None:
        print(f"Sudah ada guru dengan {'email' if args.email else 'nama pengguna'} '{login}'.", file=sys.stderr)
        return REFUSED
    typed = args.nama if args.nama is not None or args.sandi_stdin else input("Nama yang ditampilkan: ")
    name = clean_display_name(typed or "") or login
    try:
        if args.email:
            teacher = store.add_teacher(name, email=login)
        else:
            password = ask_new_password(args.sandi_stdin)
            if password is None:
                return REFUSED
            teacher = store.add_teacher(name, username=login, password_hash=hash_password(password))
    except TeacherExists:
        print(f"Sudah ada guru dengan {'email' if args.email else 'nama pengguna'} '{login}'.", file=sys.stderr)
        return REFUSED
    how = "masuk dengan akun sekolah" if args.email else "masuk di halaman Masuk Guru"
    print(f"Guru '{teacher.display_name}' ({login}) ditambahkan; sekarang bisa {how}.")
    return 0


@_with_store
def _daftar(store, args, prog: str) -> int:
    teachers = store.teachers()
    if not teachers:
        print(f"Belum ada guru. Tambahkan dengan: {prog} guru tambah NAMA_PENGGUNA")
        return 0
    rows = [("NAMA PENGGUNA", "EMAIL", "NAMA", "STATUS", "SUMBER", "TERAKHIR MASUK")]
    for t in teachers:
        rows.append((t.username or "-", t.email or "-", t.display_name, "aktif" if t.active else "nonaktif",
                     "secrets.toml" if t.source == "secrets" else "perintah",
                     f"{t.last_sign_in_at:%Y-%m-%d %H:%M} UTC" if t.last_sign_in_at else "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


@_with_store
def _sandi(store, args, prog: str) -> int:
    login = normal_username(args.username)
    found = store.teacher(login)
    if found is None or found.username != login:
        print(f"Tidak ada guru dengan nama pengguna '{login}'.", file=sys.stderr)
        return REFUSED
    if found.source == "secrets":
        print("Guru ini dicatat di .streamlit/secrets.toml: ganti sandi_hash di sana "
              f"(buat dengan '{prog} guru hash').", file=sys.stderr)
        return REFUSED
    password = ask_new_password(args.sandi_stdin)
    if password is None:
        return REFUSED
    store.set_password(login, hash_password(password))
    print(f"Kata sandi '{login}' diganti. Semua sesi lamanya sudah diakhiri.")
    return 0


@_with_store
def _set_active(store, args, prog: str) -> int:
    if not store.set_teacher_active(args.login, args.active):
        print(f"Tidak ada guru dengan nama pengguna atau email '{args.login}'.", file=sys.stderr)
        return REFUSED
    print(f"Guru '{args.login}' " + ("diaktifkan kembali." if args.active else
                                     "dinonaktifkan: tidak bisa masuk lagi, sesinya berakhir; kelas dan data tetap."))
    return 0


@_with_store
def _buka(store, args, prog: str) -> int:
    if not store.unlock_teacher(args.login):
        print(f"Tidak ada guru dengan nama pengguna atau email '{args.login}'.", file=sys.stderr)
        return REFUSED
    print(f"Kunci '{args.login}' dibuka: semua percobaan salah dilupakan, guru ini bisa langsung masuk.")
    return 0


def _hash(args, prog: str) -> int:
    password = ask_new_password(args.sandi_stdin)
    if password is None:
        return REFUSED
    print(hash_password(password))
    print("Salin baris di atas ke .streamlit/secrets.toml, misalnya:\n"
          "[guru.nama_pengguna]\nnama = \"Nama Guru\"\nsandi_hash = \"<hash di atas>\"", file=sys.stderr)
    return 0
