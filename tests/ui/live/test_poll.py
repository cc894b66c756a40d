"""The live quiz's polling reads the session once a second per process, however many phones poll."""

from __future__ import annotations

import time

from ui.live import poll


class CountingStore:
    def __init__(self):
        self.reads = 0

    def live_get(self, session_id):
        self.reads += 1
        return ("record", session_id, self.reads)


def test_forty_polls_within_a_second_make_one_read_and_the_next_second_one_more(monkeypatch):
    store = CountingStore()
    monkeypatch.setattr("ui.data.store", lambda: store)
    poll.snapshot.clear()
    seen = {poll.snapshot(7) for _ in range(40)}
    assert store.reads == 1 and len(seen) == 1
    time.sleep(poll.POLL_SECONDS + 0.1)
    poll.snapshot(7)
    poll.snapshot(8)
    assert store.reads == 3
    poll.snapshot.clear()
