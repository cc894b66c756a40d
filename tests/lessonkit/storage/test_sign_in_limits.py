"""Sign-in under attack: concurrent guesses all count, a guesser elsewhere cannot lock the teacher out, and a
flood of sign-ins (unknown names included) runs only a few password checks at once and is answered fast."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest

import lessonkit.storage.teachers as teachers
from lessonkit.auth.passwords import hash_password
from lessonkit.auth.throttle import SignInGate
from lessonkit.storage import SignInStatus

T0 = datetime(2026, 8, 3, 7, 0)
PASSWORD = "rahasia-guru-1"
HASH = hash_password(PASSWORD)


@pytest.fixture
def checks(monkeypatch):
    """Counts the password checks the store runs, and the most that ran at once."""
    seen = {"calls": 0, "running": 0, "most": 0}
    lock = threading.Lock()
    real = teachers.verify_password

    def counted(stored_hash, password):
        with lock:
            seen["calls"] += 1
            seen["running"] += 1
            seen["most"] = max(seen["most"], seen["running"])
        try:
            return real(stored_hash, password)
        finally:
            with lock:
                seen["running"] -= 1

    monkeypatch.setattr(teachers, "verify_password", counted)
    return seen


def together(count: int, attempt):
    """Run ``attempt(n)`` in ``count`` threads released at the same moment; their results and durations."""
    start = threading.Barrier(count)

    def timed(n):
        start.wait()
        began = time.perf_counter()
        result = attempt(n)
        return result, time.perf_counter() - began

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(timed, range(count)))


def test_thirty_concurrent_wrong_passwords_all_count_and_only_five_are_checked(store, checks):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    results = together(30, lambda n: store.sign_in("sari", f"tebakan-{n}", T0, client="10.0.0.66"))
    statuses = [r.status for r, _ in results]
    assert statuses.count(SignInStatus.WRONG) == 4 and statuses.count(SignInStatus.LOCKED) == 26
    assert checks["calls"] == 5, "attempts past the limit are refused without a password check"
    assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=1), client="10.0.0.66").status \
        is SignInStatus.LOCKED


def test_a_guesser_on_another_client_cannot_keep_the_teacher_out(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    locked_out = signed_in = 0
    for quarter in range(8):  # two hours: five wrong passwords every fifteen minutes, the teacher signs in between
        at = T0 + timedelta(minutes=15 * quarter)
        for n in range(5):
            result = store.sign_in("sari", "salah", at + timedelta(seconds=n), client="10.0.0.66")
            locked_out += result.status is SignInStatus.LOCKED
        for minute in (5, 10, 14):
            result = store.sign_in("sari", PASSWORD, at + timedelta(minutes=minute), client="10.0.0.5")
            signed_in += result.status is SignInStatus.OK
    assert signed_in == 24
    assert locked_out >= 30, "the guesser waits longer and longer"


def test_unlocking_a_teacher_forgets_every_failure(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    for n in range(5):
        store.sign_in("sari", "salah", T0 + timedelta(seconds=n), client="10.0.0.5")
    assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=1), client="10.0.0.5").status \
        is SignInStatus.LOCKED
    assert store.unlock_teacher("sari") and not store.unlock_teacher("tidak-ada")
    assert store.sign_in("sari", PASSWORD, T0 + timedelta(minutes=1), client="10.0.0.5").status is SignInStatus.OK


def test_forty_concurrent_unknown_names_run_two_checks_at_once_and_the_rest_are_answered_fast(store, checks):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    gate = SignInGate(concurrent=2)
    results = together(40, lambda n: store.sign_in(f"tidak-ada-{n}", "tebakan", client=f"10.0.1.{n}", gate=gate))
    busy = [seconds for result, seconds in results if result.status is SignInStatus.BUSY]
    assert checks["most"] <= 2 and checks["calls"] == 40 - len(busy)
    assert len(busy) >= 30
    assert max(busy) < 0.2, "over the limit the answer comes at once"


def test_one_client_past_its_attempts_waits_without_a_check_whatever_the_name(store, checks):
    gate = SignInGate(per_client=10, window=60)
    answers = [store.sign_in(f"nama-{n}", "tebakan", client="10.0.0.66", gate=gate).status for n in range(11)]
    assert answers == [SignInStatus.WRONG] * 10 + [SignInStatus.BUSY] and checks["calls"] == 10
    assert store.sign_in("nama-lain", "tebakan", client="10.0.0.5", gate=gate).status is SignInStatus.WRONG


def test_a_client_name_longer_than_its_column_is_cut_not_an_error(store):
    store.add_teacher("Sari", username="sari", password_hash=HASH)
    assert store.sign_in("sari", "salah", T0, client="f" * 200).status is SignInStatus.WRONG
