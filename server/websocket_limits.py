"""Per-connection limits on what a browser sends over Streamlit's websocket: message rate and message size.

A phone in a class sends a few messages a second (clicks, a poll every
second) in short bursts; one noisy client sending hundreds of reruns a
second must not take the server's CPU from the rest of the class. Each
connection has a token bucket (`RATE` per second, bursts up to `BURST`):
past it, the next message is read only when a token is free, so a flood is
slowed to `RATE` while its own backlog waits in the socket. A message larger
than `MAX_MESSAGE_BYTES` (a widget value nobody types) closes the connection
(1009, "message too big") before Streamlit parses it.
"""

from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

STREAM_PATH = "/_stcore/stream"
RATE = 5.0  # messages per second, sustained
BURST = 30  # messages sent at once without waiting
MAX_MESSAGE_BYTES = 256 * 1024
TOO_BIG = 1009


class TokenBucket:
    """``delay()`` says how long the next message must wait; the bucket refills at ``rate`` up to ``burst``."""

    def __init__(self, rate: float = RATE, burst: int = BURST, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = float(burst)
        self.at = clock()

    def delay(self) -> float:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


def message_size(message: Message) -> int:
    return len(message.get("bytes") or b"") + len(message.get("text") or "")


class WebsocketLimits:
    def __init__(self, app: ASGIApp, rate: float = RATE, burst: int = BURST,
                 max_message_bytes: int = MAX_MESSAGE_BYTES) -> None:
        self.app, self.rate, self.burst, self.max_message_bytes = app, rate, burst, max_message_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or not scope.get("path", "").endswith(STREAM_PATH):
            await self.app(scope, receive, send)
            return
        bucket = TokenBucket(self.rate, self.burst)

        async def limited() -> Message:
            message = await receive()
            if message["type"] != "websocket.receive":
                return message
            if message_size(message) > self.max_message_bytes:
                await send({"type": "websocket.close", "code": TOO_BIG})
                return {"type": "websocket.disconnect", "code": TOO_BIG}
            wait = bucket.delay()
            if wait > 0:
                await asyncio.sleep(wait)
            return message

        await self.app(scope, limited, send)
