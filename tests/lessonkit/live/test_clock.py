"""A live question's deadline comes only from the server time it opened, extensions, pauses and the grace."""

from __future__ import annotations

import pytest

from lessonkit.live.clock import GRACE_SECONDS, MAX_EXTRA_SECONDS, Clock


def test_deadline_is_opening_time_plus_limit_and_answers_are_taken_until_the_grace_ends():
    clock = Clock(opened_at=1000.0, limit=20)
    assert clock.deadline() == 1020.0
    assert clock.remaining(1005.0) == 15.0
    assert clock.accepts(1020.0 + GRACE_SECONDS)
    assert not clock.accepts(1020.0 + GRACE_SECONDS + 0.01)
    assert clock.expired(1020.0 + GRACE_SECONDS + 0.01)


def test_time_up_at_the_deadline_but_not_yet_expired_during_the_grace():
    clock = Clock(opened_at=0.0, limit=20)
    assert not clock.time_up(19.99)
    assert clock.time_up(20.0) and clock.remaining(20.5) == 0.0
    assert not clock.expired(21.0)


def test_extension_moves_the_deadline_and_is_capped():
    clock = Clock(0.0, 20).extend(10)
    assert clock.allowed == 30 and clock.deadline() == 30.0
    assert clock.accepts(31.0)
    assert Clock(0.0, 20, extra=MAX_EXTRA_SECONDS - 5).extend(60).extra == MAX_EXTRA_SECONDS


def test_a_pause_freezes_the_countdown_and_moves_the_deadline_by_its_length():
    clock = Clock(0.0, 20).pause(5.0)
    assert clock.deadline() is None
    assert clock.remaining(5.0) == clock.remaining(500.0) == 15.0
    assert clock.accepts(500.0) and not clock.expired(500.0)
    resumed = clock.resume(65.0)
    assert resumed.paused_total == 60.0
    assert resumed.deadline() == 80.0
    assert resumed.elapsed(70.0) == 10.0


def test_elapsed_stops_at_the_close_and_never_counts_before_the_opening():
    clock = Clock(100.0, 20).close(108.0)
    assert clock.closed and not clock.accepts(108.0)
    assert clock.elapsed(500.0) == 8.0
    assert Clock(100.0, 20).elapsed(99.0) == 0.0


def test_a_late_close_is_dated_at_the_end_of_the_grace():
    clock = Clock(0.0, 20).close(500.0)
    assert clock.closed_at == 20.0 + GRACE_SECONDS


def test_closing_a_paused_clock_counts_the_pause_and_keeps_the_time_at_the_pause():
    clock = Clock(0.0, 20).pause(5.0).close(50.0)
    assert not clock.paused
    assert clock.paused_total == 45.0
    assert clock.elapsed(60.0) == pytest.approx(5.0)
