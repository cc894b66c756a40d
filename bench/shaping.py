"""A slow network in front of the app: a TCP proxy that adds latency and limits throughput, counting bytes.

Chromium's own network throttling does not slow websockets, and a Streamlit
app talks mostly over its websocket, so the benchmark puts this proxy between
a real browser and the server instead. Each direction is one shared link, as
a school's Wi-Fi or a phone's mobile data is: a chunk waits for the bytes
before it to leave (``rate_bps``), takes ``len * 8 / rate_bps`` seconds to
leave, then arrives ``latency_s / 2`` later (the round trip gains
``latency_s``). Every byte that passes is counted, HTTP and websocket alike,
so a benchmark can report the bytes one action costs (`ShapingProxy.reset`).

The proxy runs its own asyncio loop in a thread, so synchronous code (the
Playwright sync API) can use it: ``with ShapingProxy(port) as proxy:``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field

CHUNK = 16 * 1024


@dataclass
class Link:
    """One direction: when its line is free again, and how many bytes it has carried."""

    rate_bps: float
    delay_s: float
    free_at: float = 0.0
    carried: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def arrival(self, size: int, now: float) -> float:
        """When ``size`` bytes handed to the link ``now`` arrive at the other end."""
        with self.lock:
            leaves = max(now, self.free_at) + size * 8 / self.rate_bps
            self.free_at = leaves
            self.carried += size
        return leaves + self.delay_s


class ShapingProxy:
    """Forwards ``127.0.0.1:<port>`` to ``upstream_port`` through two shaped links (down: server to browser)."""

    def __init__(self, upstream_port: int, latency_s: float = 0.4, rate_bps: float = 1.6e6,
                 upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.up = Link(rate_bps, latency_s / 2)
        self.down = Link(rate_bps, latency_s / 2)
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="shaping-proxy", daemon=True)
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def bytes(self) -> int:
        """Bytes carried both ways since the start or the last `reset`."""
        return self.up.carried + self.down.carried

    def reset(self) -> None:
        for link in (self.up, self.down):
            with link.lock:
                link.carried = 0

    def start(self) -> ShapingProxy:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._connect, "127.0.0.1", 0), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        async def close() -> None:
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        if self._server is not None:
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> ShapingProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    async def _connect(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(_pump(client_reader, server_writer, self.up),
                             _pump(server_reader, client_writer, self.down), return_exceptions=True)


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, link: Link) -> None:
    """Carry one direction of a connection: read as it comes, deliver each chunk at its arrival time, in order."""
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            if not chunk:
                break
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            writer.write(chunk)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()

    delivery = asyncio.create_task(deliver())
    try:
        while chunk := await reader.read(CHUNK):
            queue.put_nowait((link.arrival(len(chunk), time.monotonic()), chunk))
    except (ConnectionError, OSError):
        pass
    finally:
        queue.put_nowait((0.0, b""))
        try:
            await delivery
        except (ConnectionError, OSError):
            pass
        writer.close()
