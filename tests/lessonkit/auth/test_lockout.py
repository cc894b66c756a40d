"""The lockout policy: five failures within fifteen minutes lock the account for fifteen minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from lessonkit.auth.lockout import locked_until, minutes_left

T0 = datetime(2026, 8, 3, 7, 0)


def minutes(*offsets):
    return [T0 + timedelta(minutes=m) for m in offsets]


def test_four_failures_do_not_lock():
    assert locked_until(minutes(0, 1, 2, 3), T0 + timedelta(minutes=4)) is None


def test_the_fifth_failure_within_the_window_locks_for_fifteen_minutes_from_it():
    failures = minutes(0, 2, 4, 6, 8)
    assert locked_until(failures, T0 + timedelta(minutes=9)) == T0 + timedelta(minutes=23)
    assert locked_until(failures, T0 + timedelta(minutes=23)) is None


def test_failures_spread_wider_than_the_window_do_not_lock():
    assert locked_until(minutes(0, 5, 10, 15, 20), T0 + timedelta(minutes=21)) is None


def test_minutes_left_rounds_up_and_is_at_least_one():
    assert minutes_left(T0 + timedelta(seconds=61), T0) == 2
    assert minutes_left(T0 + timedelta(seconds=5), T0) == 1
