"""Classes without a database: join codes from an unambiguous alphabet and the rules for class names.

A join code is six characters a student can read off a projector and type on
a phone: no 0/O, no 1/I/L, and no U (read as V); lowercase, spaces and dashes
typed by a student are forgiven.
"""

from __future__ import annotations

import re
import secrets

from .limits import clean_line

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 6
CODE_PATTERN = re.compile(f"^[{ALPHABET}]{{{CODE_LENGTH}}}$")

CLASS_NAME_MAX = 80


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str | None) -> str | None:
    """The code a student typed, as stored (uppercase, without spaces or dashes), or None if it cannot be one."""
    code = re.sub(r"[\s\-·.]", "", text or "").upper()
    return code if CODE_PATTERN.match(code) else None


def clean_class_name(text: str) -> str:
    """One visible line (no control, zero-width or direction-override characters), at most ``CLASS_NAME_MAX``."""
    return clean_line(text, CLASS_NAME_MAX)


def class_name_problem(name: str) -> str | None:
    if not name:
        return "Isi nama kelas dulu, misalnya XI IPS 2 · 2026/2027."
    return None
