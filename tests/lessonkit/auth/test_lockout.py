"""The lockout policy: five failures from one client lock it for fifteen minutes, each further one doubles that."""

from __future__ import annotations

from datetime import datetime, timedelta

from lessonkit.auth.lockout import KEEP, LONGEST_LOCK, lock_for, locked_until, minutes_left

T0 = datetime(2026, 8, 3, 7, 0)


def minutes(*offsets):
    return [T0 + timedelta(minutes=m) for m in offsets]


def test_four_failures_do_not_lock():
    assert locked_until(minutes(0, 1, 2, 3), T0 + timedelta(minutes=4)) is None


def test_the_fifth_failure_locks_for_fifteen_minutes_from_it():
    failures = minutes(0, 2, 4, 6, 8)
    assert locked_until(failures, T0 + timedelta(minutes=9)) == T0 + timedelta(minutes=23)
    assert locked_until(failures, T0 + timedelta(minutes=23)) is None


def test_five_failures_every_fifteen_minutes_are_not_a_way_around_the_lock():
    assert locked_until(minutes(0, 15, 30, 45, 60), T0 + timedelta(minutes=61)) == T0 + timedelta(minutes=75)


def test_each_failure_after_the_fifth_doubles_the_wait_up_to_a_day():
    assert [lock_for(n) for n in (5, 6, 7)] == [timedelta(minutes=15), timedelta(minutes=30), timedelta(hours=1)]
    assert lock_for(12) == lock_for(1000) == LONGEST_LOCK
    six = minutes(0, 1, 2, 3, 4, 20)
    assert locked_until(six, T0 + timedelta(minutes=49)) == T0 + timedelta(minutes=50)


def test_failures_older_than_a_day_are_forgotten():
    old = [T0 - KEEP - timedelta(minutes=m) for m in range(4)]
    assert locked_until([*old, T0], T0 + timedelta(minutes=1)) is None


def test_minutes_left_rounds_up_and_is_at_least_one():
    assert minutes_left(T0 + timedelta(seconds=61), T0) == 2
    assert minutes_left(T0 + timedelta(seconds=5), T0) == 1
