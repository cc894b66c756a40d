"""Opaque random tokens for teacher sessions and student devices: what a cookie carries, what the database keeps.

The cookie holds 256 random bits; the database keeps only their SHA-256, so
a copy of the database cannot be replayed as a cookie. A sign-in ticket is a
second, short-lived token that the browser trades once for the cookie.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

COOKIE_NAME = "lessonkit_guru"
SESSION_LIFETIME = timedelta(hours=12)
TICKET_LIFETIME = timedelta(minutes=2)
STUDENT_COOKIE = "lessonkit_siswa"  # the device that remembers a student (``ui.student``)
DEVICE_LIFETIME = timedelta(days=180)  # a school semester
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def well_formed(token: object) -> bool:
    return isinstance(token, str) and bool(_TOKEN.match(token))
