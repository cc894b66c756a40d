"""The runs of ``python bench/run.py --live`` and the files they write (bench/results/live.json and live.md).

    live40            40 phones, one app process (SQLite), with the CPU per polling phone in the lobby
    live40_cluster2   40 phones, two processes behind nginx (deploy/cluster.py), SQLite
    live40_projector  40 phones, one process, the teacher's live page open in Chromium on the same machine
    live200_cluster2  200 phones, two processes behind nginx, a fresh PostgreSQL database (bench/live_cluster.py)

Each run is kept apart: one that cannot happen here (no Chromium, no PostgreSQL) or that breaks is written
down as ``<run>_failed`` with the reason, and the others still run.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.live import LEARN, TEACHER, live_class
from bench.live_cluster import fresh_postgres
from bench.live_projector import Projector
from bench.live_report import live_keys, live_markdown
from bench.measure import machine, start_cluster, write_results


def sqlite_url(data: Path) -> str:
    return f"sqlite:///{data / 'lessonkit.db'}"


def _on_server(data: Path, **options) -> dict:
    from tools.harness import Server

    app = Server(data).start()
    try:
        return asyncio.run(live_class(app.url, sqlite_url(app.data_dir), [app.process.pid], **options))
    finally:
        app.stop()


def _on_cluster(data: Path, db_url: str, phones: int, env: dict[str, str] | None = None) -> dict:
    cluster = start_cluster(2, data, env)
    try:
        pids = [p.pid for p in cluster.processes[:cluster.workers]]
        return asyncio.run(live_class(cluster.url, db_url, pids, phones=phones))
    finally:
        cluster.stop()


def _postgres_cluster(data: Path) -> dict:
    with fresh_postgres() as url:
        return _on_cluster(data, url, 200, {"DATABASE_URL": url})


RUNS: dict[str, Callable[[Path], dict]] = {
    "live40": lambda temp: _on_server(temp / "app", per_phone=True),
    "live40_cluster2": lambda temp: _on_cluster(temp / "cluster", sqlite_url(temp / "cluster"), 40),
    "live40_projector": lambda temp: _on_server(temp / "projector",
                                                screen=functools.partial(Projector, teacher=TEACHER)),
    "live200_cluster2": lambda temp: _postgres_cluster(temp / "postgres"),
}


def run_live(out: Path, only: tuple[str, ...] = ()) -> dict:
    """Every run (or those named in ``only``), then live.json and live.md in ``out``; returns the results."""

    began = time.monotonic()
    temp = Path(tempfile.mkdtemp(prefix="lessonkit-live-"))
    results: dict = {"machine": machine(), "mode": "live", "live_learn": LEARN.DESCRIPTION}
    runs: dict[str, dict | None] = {}
    for prefix, how in RUNS.items():
        if only and prefix not in only:
            continue
        print(f"{prefix} ...", flush=True)
        try:
            runs[prefix] = how(temp)
        except Exception as exc:  # noqa: BLE001 - one run that cannot happen here must not cost the others
            traceback.print_exc()
            runs[prefix] = None
            results[f"{prefix}_failed"] = f"{type(exc).__name__}: {exc}"[:300]
        print(json.dumps(runs[prefix], indent=2), flush=True)
    results.update(live_keys(runs))
    results.update(runs)
    results["duration_s"] = round(time.monotonic() - began)
    results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    write_results("live", results, live_markdown(results), out)
    return results
