"""The in-process notification wakes a waiting page as soon as a session's version moves, from any thread."""

from __future__ import annotations

import asyncio
import threading
import time

from lessonkit.live.notify import Hub
from tests.conftest import run_async


def test_a_waiter_is_woken_by_a_publish_from_another_thread_at_once():
    hub = Hub()
    hub.publish(7, 3)

    async def scenario():
        threading.Timer(0.05, hub.publish, (7, 4)).start()
        started = time.monotonic()
        version = await hub.wait(7, 3, timeout=5)
        return version, time.monotonic() - started

    version, waited = run_async(scenario())
    assert version == 4 and waited < 0.5


def test_a_newer_version_already_known_returns_at_once_and_an_old_one_times_out():
    hub = Hub()
    hub.publish(7, 5)
    assert run_async(hub.wait(7, 2, timeout=5)) == 5
    assert run_async(hub.wait(7, 5, timeout=0.05)) is None


def test_an_older_or_repeated_version_wakes_nobody_and_other_sessions_are_not_woken():
    hub = Hub()
    assert hub.publish(7, 5) and not hub.publish(7, 5) and not hub.publish(7, 4)

    async def scenario():
        waiting = asyncio.create_task(hub.wait(7, 5, timeout=0.2))
        await asyncio.sleep(0.01)
        hub.publish(8, 9)
        hub.publish(7, 4)
        return await waiting

    assert run_async(scenario()) is None and hub.version(7) == 5


def test_waiters_that_gave_up_are_forgotten():
    hub = Hub()
    run_async(hub.wait(7, 0, timeout=0.01))
    assert hub._waiters == {}


def test_a_waiter_whose_loop_has_closed_does_not_stop_the_publisher():
    hub = Hub()
    loop = asyncio.new_event_loop()
    hub._waiters[7] = {(loop, loop.create_future())}
    loop.close()
    assert hub.publish(7, 1) and hub.version(7) == 1
