"""Teacher accounts in the database: sign-in, rehash, lockout shared by processes, sessions, secrets.toml."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type

from lessonkit.auth.declared import DeclaredTeacher
from lessonkit.auth.passwords import hash_password
from lessonkit.auth.tokens import SESSION_LIFETIME, TICKET_LIFETIME
from lessonkit.storage import SignInStatus, Store, TeacherExists

T0 = datetime(2026, 8, 3, 7, 0)
PASSWORD = "rahasia-guru-1"
HASH = hash_password(PASSWORD)


def signed_in(store, username="sari", now=T0):
    result = store.sign_in(username, PASSWORD, now)
    assert result.status is SignInStatus.OK
    return result


def test_no_teacher_exists_until_one_is_added(store):
    assert not store.has_teachers()
    sari = store.add_teacher("Sari Dewi", username="Sari", password_hash=HASH)
    assert store.has_teachers() and sari.username == "sari" and sari.has_password
    with pytest.raises(TeacherExists):
        store.add_teacher("Sari Lain", username="sari", password_hash=HASH)
    store.add_teacher("Budi", email="Budi@Belajar.id")
    assert [t.display_name for t in store.teachers()] == ["Budi", "Sari Dewi"]
    assert store.teacher("budi@belajar.id").email == "budi@belajar.id"


def test_a_right_password_signs_in_and_a_wrong_one_or_unknown_name_gives_the_same_answer(store):
    store.add_teacher("Sari Dewi", username="sari", password_hash=HASH)
    result = signed_in(store, "SARI ")
    assert result.teacher.display_name == "Sari Dewi" and result.ticket and result.session_id
    assert store.sign_in("sari", "salah-sandi", T0).status is SignInStatus.WRONG
    assert store.sign_in("tidak-ada", PASSWORD, T0).status is SignInStatus.WRONG
    assert store.teacher("sari").last_sign_in_at == T0


def test_an_old_hash_is_replaced_by_one_with_todays_parameters_at_sign_in(store):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID).hash(PASSWORD)
    store.add_teacher("Sari", username="sari", password_hash=weak)
    signed_in(store)
    with store._session() as session:
        from lessonkit.storage.models import Teacher

        stored = session.query(Teacher).one().password_hash
    assert stored != weak and "m=65536" in stored
    signed_in(store)


def test_lockout_is_counted_in_the_database_across_two_processes(store, db_url):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    other_process = Store.open(db_url)
    try:
        for n in range(4):
            node = store if n % 2 else other_process
            assert node.sign_in("sari", "salah", T0 + timedelta(minutes=n)).status is SignInStatus.WRONG
        fifth = other_process.sign_in("sari", "salah", T0 + timedelta(minutes=4))
        assert fifth.status is SignInStatus.LOCKED and fifth.locked_until == T0 + timedelta(minutes=19)
        locked = store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=10))
        assert locked.status is SignInStatus.LOCKED and locked.ticket is None, "even the right password waits"
        assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=19)).status is SignInStatus.OK
        assert other_process.sign_in("sari", "salah", T0 + timedelta(minutes=20)).status is SignInStatus.WRONG
    finally:
        other_process.engine.dispose()


def test_a_ticket_is_traded_once_for_a_cookie_token_that_lasts_until_expiry(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    result = signed_in(store)
    assert store.teacher_for_session(result.session_id, T0).username == "sari"
    token = store.redeem_ticket(result.ticket, T0 + timedelta(seconds=5))
    assert token and token != result.ticket
    assert store.redeem_ticket(result.ticket, T0 + timedelta(seconds=6)) is None, "a ticket works once"
    teacher, session_id = store.teacher_for_token(token, T0 + timedelta(hours=1))
    assert teacher.username == "sari" and session_id == result.session_id
    assert store.teacher_for_token(token, T0 + SESSION_LIFETIME) is None, "expired"
    assert store.teacher_for_token(result.ticket, T0) is None and store.teacher_for_token("../x", T0) is None


def test_a_stale_ticket_is_refused(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    result = signed_in(store)
    assert store.redeem_ticket(result.ticket, T0 + TICKET_LIFETIME + timedelta(seconds=1)) is None


def test_sign_out_password_reset_and_deactivation_end_sessions(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    first = signed_in(store)
    token = store.redeem_ticket(first.ticket, T0)
    store.revoke_token(token, T0)
    assert store.teacher_for_token(token, T0) is None and store.teacher_for_session(first.session_id, T0) is None
    second = signed_in(store)
    assert store.set_password("sari", hash_password("sandi-baru-123"), T0)
    assert store.teacher_for_session(second.session_id, T0) is None
    assert store.sign_in("sari", PASSWORD, T0).status is SignInStatus.WRONG
    third = store.sign_in("sari", "sandi-baru-123", T0)
    assert store.set_teacher_active("sari", False, T0)
    assert store.teacher_for_session(third.session_id, T0) is None
    assert store.sign_in("sari", "sandi-baru-123", T0).status is SignInStatus.WRONG
    assert not store.has_teachers()


def test_a_password_reset_clears_a_lockout(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    for n in range(5):
        store.sign_in("sari", "salah", T0 + timedelta(seconds=n))
    assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=1)).status is SignInStatus.LOCKED
    store.set_password("sari", HASH)
    assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=1)).status is SignInStatus.OK


def test_only_emails_on_the_teacher_list_are_teachers(store):
    store.add_teacher("Budi", email="budi@belajar.id")
    assert store.teacher_for_email("BUDI@belajar.id ").display_name == "Budi"
    assert store.teacher_for_email("siswa@belajar.id") is None and store.teacher_for_email(None) is None
    store.set_teacher_active("budi@belajar.id", False)
    assert store.teacher_for_email("budi@belajar.id") is None


def test_teachers_declared_in_secrets_follow_the_file(store):
    store.add_teacher("Sari (CLI)", username="sari", password_hash=HASH)
    declared = [DeclaredTeacher("rina", "Rina", HASH, None), DeclaredTeacher("sari", "Sari", HASH, None),
                DeclaredTeacher("budi", "Budi", None, "budi@belajar.id")]
    problems = store.sync_declared_teachers(declared, T0)
    assert len(problems) == 1 and problems[0].startswith("[guru.sari]")
    assert store.teacher("sari").display_name == "Sari (CLI)", "the CLI account is left alone"
    rina = signed_in(store, "rina")
    assert store.teacher_for_email("budi@belajar.id").username == "budi"
    store.sync_declared_teachers([DeclaredTeacher("rina", "Rina W.", hash_password("sandi-baru-123"), None)], T0)
    assert store.teacher_for_session(rina.session_id, T0) is None, "a changed hash ends the sessions"
    assert store.teacher("rina").display_name == "Rina W."
    assert not store.teacher("budi").active
