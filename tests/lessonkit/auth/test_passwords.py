"""argon2id password hashes: verification, the constant-work path for unknown accounts, and rehash detection."""

from __future__ import annotations

from argon2 import PasswordHasher, Type

from lessonkit.auth.declared import is_argon2id_hash
from lessonkit.auth.passwords import hash_password, needs_rehash, password_problem, verify_password

WEAK = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)


def test_a_password_is_stored_only_as_an_argon2id_hash_that_verifies():
    stored = hash_password("rahasia-guru-1")
    assert is_argon2id_hash(stored) and "rahasia" not in stored
    assert verify_password(stored, "rahasia-guru-1")
    assert not verify_password(stored, "rahasia-guru-2")


def test_a_missing_or_broken_hash_never_matches():
    assert not verify_password(None, "lessonkit: no such account")
    assert not verify_password("bukan-hash", "apa saja")


def test_a_hash_made_with_other_parameters_needs_a_rehash():
    assert needs_rehash(hash_password("rahasia-guru-1", WEAK))
    assert not needs_rehash(hash_password("rahasia-guru-1"))
    assert needs_rehash(PasswordHasher(type=Type.I).hash("rahasia-guru-1")), "argon2i is upgraded to argon2id"


def test_new_passwords_must_be_long_enough():
    assert password_problem("pendek") == "Kata sandi minimal 8 karakter."
    assert password_problem("        ") == "Kata sandi tidak boleh hanya berisi spasi."
    assert password_problem("cukup-panjang") is None
