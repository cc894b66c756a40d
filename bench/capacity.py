"""Capacity: the largest class with p95 <= 1 s and no errors, searched step by step on one server or on a fresh
server per step; the knee of a search, and memory per session."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import statistics
from pathlib import Path

from bench.classroom import SECTIONS, run_class
from bench.loadgen import StudentClient
from bench.measure import (
    rss_mb,
)
from tools.harness import Server


def search_capacity(ok, start: int = 100, limit: int = 6400, resolution: float = 0.2) -> int:
    """The largest class ``ok(students)`` accepts: double until it fails, then halve the gap to ``resolution``.

    Returns 0 when even ``start`` fails, and ``limit`` (or the last doubling) when nothing failed.
    """
    good, bad, count = 0, None, start
    while count <= limit:
        if not ok(count):
            bad = count
            break
        good, count = count, count * 2
    if bad is None:
        return good
    while bad - good > max(10, resolution * bad):
        middle = (good + bad) // 2
        if ok(middle):
            good = middle
        else:
            bad = middle
    return good


def capacity(serve, seconds: float, floor: bool, start: int = 100) -> tuple[int, list[dict]]:
    """The largest class with p95 <= 1 s and no errors, and every step measured.

    ``serve()`` is a context manager giving ``(url, pid)`` of the server for one step: the same server
    every time (`same_server`), or a fresh one per step (`fresh_servers`), so that a step is not measured
    on what the previous, larger one left behind (sessions, memory, a fragmented heap).
    """
    table: list[dict] = []

    def ok(count: int) -> bool:
        with serve() as (url, pid):
            step = asyncio.run(run_class(url, count, seconds, floor=floor, seed=count, pid=pid))
        table.append(step)
        print(f"  {count} students: p95 {step['p95_ms']} ms, errors {step['errors']}, server "
              f"{step.get('server_cpu_pct')} % CPU (peak {step.get('server_cpu_peak_pct')} %), loadgen "
              f"{step.get('loadgen_cpu_pct')} %", flush=True)
        return not step["errors"] and step["p95_ms"] is not None and step["p95_ms"] <= 1000

    return search_capacity(ok, start), table


def same_server(url: str, pid: int | None = None):
    """Every capacity step on the one server at ``url``."""
    return lambda: contextlib.nullcontext((url, pid))


def fresh_servers(data_dir: Path, script: str = "app.py"):
    """Every capacity step on a server started for it (``script`` served as ``streamlit run`` would)."""
    steps = itertools.count()

    @contextlib.contextmanager
    def serve():
        server = Server(data_dir / f"step-{next(steps)}", script=script).start()
        try:
            yield server.url, server.process.pid
        finally:
            server.stop()

    return serve


def knee(steps: list[dict]) -> dict:
    """The step where the class stopped being served: the smallest that failed, else the largest one."""
    failed = [s for s in steps if s["errors"] or s["p95_ms"] is None or s["p95_ms"] > 1000]
    if failed:
        return min(failed, key=lambda s: s["students"])
    return max(steps, key=lambda s: s["students"], default={})


def memory_slope_sync(url: str, pid: int, steps: list[int]) -> tuple[float, list[dict]]:
    return asyncio.run(memory_slope(url, pid, steps))


async def memory_slope(url: str, pid: int, steps: list[int]) -> tuple[float, list[dict]]:
    clients: list[StudentClient] = []
    points = []
    for target in steps:
        while len(clients) < target:
            client = StudentClient(url)
            await client.connect()
            await client.open("materi", f"bagian={SECTIONS[len(clients) % len(SECTIONS)]}")
            clients.append(client)
        await asyncio.sleep(2)
        points.append({"students": target, "rss_mb": round(rss_mb(pid), 1)})
    for client in clients:
        await client.close()
    xs, ys = [p["students"] for p in points], [p["rss_mb"] for p in points]
    mean_x, mean_y = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)
    return round(slope, 3), points
