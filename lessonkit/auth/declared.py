"""Teachers declared in ``.streamlit/secrets.toml`` (for hosts without a shell) and the OpenID Connect settings.

    [guru.bu_sari]                      # the key is the username
    nama = "Sari Dewi"
    sandi_hash = "$argon2id$v=19$..."   # made by: python -m lessonkit guru hash

    [guru.pak_budi]
    nama = "Budi Santoso"
    email = "budi@belajar.id"           # signs in with the school account (st.login)

``parse`` turns that table into `DeclaredTeacher` records plus Indonesian
messages for entries it cannot use; ``oidc_providers`` reads ``[auth]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NAME_MAX = 80
OIDC_KEYS = ("client_id", "client_secret", "server_metadata_url")


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
    return " ".join((text or "").split())[:NAME_MAX]


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


def oidc_providers(auth: Mapping | None) -> list[str | None]:
    """Providers ``st.login`` can use: ``None`` for a complete ``[auth]`` itself, else each ``[auth.NAME]``."""
    if not isinstance(auth, Mapping) or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return []
    if all(auth.get(k) for k in OIDC_KEYS):
        return [None]
    return [name for name, value in auth.items()
            if isinstance(value, Mapping) and all(value.get(k) for k in OIDC_KEYS)]
