"""Teachers declared in ``.streamlit/secrets.toml`` (for hosts without a shell) and the OpenID Connect settings.

    [guru.bu_sari]                      # the key is the username
    nama = "Sari Dewi"
    sandi_hash = "$argon2id$v=19$..."   # made by: python -m lessonkit guru hash

    [guru.pak_budi]
    nama = "Budi Santoso"
    email = "budi@belajar.id"           # signs in with the school account (st.login)

``parse`` turns that table into `DeclaredTeacher` records plus Indonesian
messages for entries it cannot use; ``oidc_providers`` reads ``[auth]``, and
``oidc_problem`` refuses a ``cookie_secret`` that is missing, a known
placeholder or shorter than 32 characters: whoever knows it can sign the
``st.login`` cookie as any teacher.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TEACHER_NAME_MAX = 80
OIDC_KEYS = ("client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32
# Examples people copy: this README's old one, Streamlit's docs' and the usual fillers (compared lower-case).
PLACEHOLDER_SECRETS = frozenset({"string-acak-panjang", "xxx", "changeme", "change-me", "secret", "your-secret",
                                 "your_secret", "cookie_secret", "some long random string", "random-string",
                                 "ganti-dengan-string-acak"})
SECRET_COMMAND = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


def is_argon2id_hash(text: str) -> bool:
    return isinstance(text, str) and text.startswith("$argon2id$")


@dataclass(frozen=True)
class DeclaredTeacher:
    username: str | None
    display_name: str
    password_hash: str | None
    email: str | None


def normal_username(text: str) -> str:
    return (text or "").strip().lower()


def normal_email(text: str) -> str:
    return (text or "").strip().lower()


def username_problem(username: str) -> str | None:
    if not USERNAME.match(username):
        return ("Nama pengguna harus 2–40 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung, "
                "diawali huruf atau angka.")
    return None


def email_problem(email: str) -> str | None:
    return None if EMAIL.match(email) and len(email) <= 254 else "Alamat email tidak valid."


def clean_display_name(text: str) -> str:
    return " ".join((text or "").split())[:TEACHER_NAME_MAX]


def parse(section: Mapping | None) -> tuple[list[DeclaredTeacher], list[str]]:
    """The teachers in a ``[guru]`` table and a message for each entry that was skipped."""
    teachers: list[DeclaredTeacher] = []
    problems: list[str] = []
    for key, entry in (section or {}).items():
        where = f"[guru.{key}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: harus berupa tabel dengan nama, sandi_hash, dan/atau email.")
            continue
        username = normal_username(str(key))
        name = clean_display_name(str(entry.get("nama") or username))
        password_hash = entry.get("sandi_hash")
        email = normal_email(str(entry.get("email") or "")) or None
        if problem := username_problem(username):
            problems.append(f"{where}: {problem}")
            continue
        if password_hash is not None and not is_argon2id_hash(str(password_hash)):
            problems.append(f"{where}: sandi_hash harus hash argon2id dari 'python -m lessonkit guru hash'.")
            continue
        if email is not None and (problem := email_problem(email)):
            problems.append(f"{where}: {problem}")
            continue
        if password_hash is None and email is None:
            problems.append(f"{where}: isi sandi_hash atau email, agar guru ini bisa masuk.")
            continue
        teachers.append(DeclaredTeacher(username, name, str(password_hash) if password_hash else None, email))
    return teachers, problems


def _configured(auth: Mapping | None) -> list[str | None]:
    if not isinstance(auth, Mapping) or not auth.get("redirect_uri"):
        return []
    if all(auth.get(k) for k in OIDC_KEYS):
        return [None]
    return [name for name, value in auth.items()
            if isinstance(value, Mapping) and all(value.get(k) for k in OIDC_KEYS)]


def cookie_secret_problem(secret: object) -> str | None:
    """Why ``[auth] cookie_secret`` cannot protect the school-account cookie (in Indonesian), or None."""
    text = secret.strip() if isinstance(secret, str) else ""
    if not text:
        why = "belum diisi"
    elif text.lower() in PLACEHOLDER_SECRETS:
        why = "masih contoh dari dokumentasi"
    elif len(text) < MIN_COOKIE_SECRET:
        why = f"kurang dari {MIN_COOKIE_SECRET} karakter"
    else:
        return None
    return (f"Masuk dengan akun sekolah dimatikan: cookie_secret di bagian [auth] secrets.toml {why}. "
            f"Pengelola server perlu mengisinya dengan string acak dari perintah `{SECRET_COMMAND}`, "
            "lalu menjalankan ulang aplikasi.")


def oidc_problem(auth: Mapping | None) -> str | None:
    """Why a configured ``[auth]`` is refused (its cookie secret), or None (fine, or not configured at all)."""
    return cookie_secret_problem(auth.get("cookie_secret")) if _configured(auth) else None


def oidc_providers(auth: Mapping | None) -> list[str | None]:
    """Providers ``st.login`` can use: ``None`` for a complete ``[auth]`` itself, else each ``[auth.NAME]``.

    Empty when ``[auth]`` is missing or incomplete, or its cookie secret is refused (`oidc_problem`).
    """
    return [] if oidc_problem(auth) else _configured(auth)
