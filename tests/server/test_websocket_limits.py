"""One websocket connection: bursts pass, a flood is slowed to the sustained rate, a huge message closes it."""

import time

from server.websocket_limits import TOO_BIG, TokenBucket, WebsocketLimits
from tests.conftest import run_async


def test_the_bucket_lets_a_burst_through_then_spaces_messages_at_the_rate():
    now = [0.0]
    bucket = TokenBucket(rate=5, burst=3, clock=lambda: now[0])
    assert [bucket.delay() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.delay() == 0.2
    now[0] = 10.0
    assert bucket.delay() == 0.0, "a quiet client gets its burst back"


def _serve(messages, reads: int, **limits):
    """Feed ``messages`` to an inner app that reads ``reads`` of them; what it saw, when, and what was sent."""
    queue = list(messages)
    seen, sent = [], []

    async def receive():
        return queue.pop(0) if queue else {"type": "websocket.disconnect", "code": 1000}

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):
        for _ in range(reads):
            message = await receive()
            seen.append((time.perf_counter(), message["type"]))
            if message["type"] == "websocket.disconnect":
                return

    scope = {"type": "websocket", "path": "/_stcore/stream"}
    run_async(WebsocketLimits(app, **limits)(scope, receive, send))
    return seen, sent


def test_a_flood_is_read_at_the_sustained_rate_after_its_burst():
    flood = [{"type": "websocket.receive", "bytes": b"rerun"}] * 30
    seen, _ = _serve(flood, 30, rate=50, burst=10)
    took = seen[-1][0] - seen[0][0]
    assert took >= (30 - 10) / 50 * 0.9, f"30 messages read in {took:.2f} s"


def test_a_class_pace_is_not_slowed():
    clicks = [{"type": "websocket.receive", "bytes": b"rerun"}] * 20
    seen, _ = _serve(clicks, 20)
    assert seen[-1][0] - seen[0][0] < 0.05


def test_a_message_larger_than_the_limit_closes_the_connection_unread():
    huge = [{"type": "websocket.receive", "bytes": b"x" * 300_000}, {"type": "websocket.receive", "bytes": b"ok"}]
    seen, sent = _serve(huge, 2, max_message_bytes=256 * 1024)
    assert [kind for _, kind in seen] == ["websocket.disconnect"]
    assert sent == [{"type": "websocket.close", "code": TOO_BIG}]
