"""Passwords as argon2id hashes (argon2-cffi): hash, verify in constant time, and tell when to rehash.

Only the hash is ever stored. Verifying an unknown account still costs one
argon2 verification (against a fixed dummy hash), so the time a failed
sign-in takes does not tell whether the username exists.
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MAX_LENGTH = 256

_hasher = PasswordHasher(type=Type.ID)


@functools.cache
def _dummy() -> str:
    """Made on first use, not at import: one argon2 hash costs about a second of start-up on a busy laptop."""
    return _hasher.hash("lessonkit: no such account")


def hash_password(password: str, hasher: PasswordHasher | None = None) -> str:
    return (hasher or _hasher).hash(password)


def verify_password(stored_hash: str | None, password: str, hasher: PasswordHasher | None = None) -> bool:
    """True when ``password`` matches ``stored_hash``; a missing or malformed hash never matches."""
    hasher = hasher or _hasher
    try:
        return hasher.verify(stored_hash or _dummy(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str, hasher: PasswordHasher | None = None) -> bool:
    """True when the hash was made with other parameters (or another argon2 variant) than today's."""
    try:
        return (hasher or _hasher).check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable (in Indonesian), or None."""
    if len(password) < MIN_LENGTH:
        return f"Kata sandi minimal {MIN_LENGTH} karakter."
    if len(password) > MAX_LENGTH:
        return f"Kata sandi maksimal {MAX_LENGTH} karakter."
    if not password.strip():
        return "Kata sandi tidak boleh hanya berisi spasi."
    return None
