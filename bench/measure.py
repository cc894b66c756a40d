"""Measuring helpers shared by the benchmarks (`bench.run`, `bench.live`, `bench.live_runs`): percentiles, CPU
time read from ``/proc``, the Markdown rows of a report's target table, the machine a run is on, and a cluster
of app processes behind nginx.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import platform
import time
from pathlib import Path


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def cell(value) -> str:
    """A value as a table cell: a dash for none."""
    return "–" if value is None else str(value)


def target_rows(results: dict, targets: dict, context: dict, passed) -> list[str]:
    """A report's table: each target with its verdict (``passed(ok, value)``), then the values given for context."""
    rows = ["| Ukuran | Hasil | Target | Tercapai |", "| --- | --- | --- | --- |"]
    for key, (target, ok) in targets.items():
        value = results.get(key)
        rows.append(f"| `{key}` | {cell(value)} | {target} | {'ya' if passed(ok, value) else 'belum'} |")
    for key, label in context.items():
        rows.append(f"| `{key}` | {cell(results.get(key))} | ({label}) | |")
    return rows

def machine() -> dict:
    import streamlit

    return {"cores": os.cpu_count(), "python": platform.python_version(), "streamlit": streamlit.__version__,
            "platform": platform.platform(), "date": time.strftime("%Y-%m-%d %H:%M"),
            "load_before": round(os.getloadavg()[0], 2)}


def start_cluster(workers: int, data: Path, env: dict[str, str] | None = None):
    """``workers`` app processes behind nginx (deploy/cluster.py) sharing the database in ``data`` (or ``env``'s)."""
    from deploy.cluster import Cluster
    from tools.harness import free_port

    return Cluster(workers, free_port(), [free_port() for _ in range(workers)],
                   env={"LESSONKIT_DATA_DIR": str(data), **(env or {})}).start()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class CpuMeter:
    """Server and load-generator CPU over a stretch of wall-clock time."""

    def __init__(self, pid: int):
        self.pid = pid
        self.server, self.own, self.wall = cpu_seconds(pid), own_cpu_seconds(), time.monotonic()

    def read(self, actions: int) -> dict:
        wall = time.monotonic() - self.wall
        server, own = cpu_seconds(self.pid) - self.server, own_cpu_seconds() - self.own
        return {"server_cpu_pct": round(100 * server / wall, 1), "loadgen_cpu_pct": round(100 * own / wall, 1),
                "server_cpu_ms_per_action": round(1000 * server / actions, 1) if actions else None}


def per_second_pct(samples: list[tuple[float, float]]) -> list[float]:
    """Percent of one core used between consecutive ``(wall seconds, CPU seconds)`` samples."""
    return [round(100 * (cpu - cpu0) / (wall - wall0), 1)
            for (wall0, cpu0), (wall, cpu) in itertools.pairwise(samples) if wall > wall0]


def busy_seconds(percents: list[float], busy: float = 90.0) -> dict:
    """The busiest second and the share of seconds above ``busy`` % of a core: an average hides both."""
    if not percents:
        return {"server_cpu_peak_pct": None, "server_cpu_above_90_pct": None}
    return {"server_cpu_peak_pct": max(percents),
            "server_cpu_above_90_pct": round(100 * sum(p > busy for p in percents) / len(percents))}


class CpuSampler:
    """The server's CPU read from ``/proc`` once a second while a run lasts."""

    def __init__(self, pid: int, interval: float = 1.0):
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []

    async def run(self, until: float) -> None:
        while True:
            self.samples.append((time.monotonic(), cpu_seconds(self.pid)))
            if time.monotonic() >= until:
                return
            await asyncio.sleep(min(self.interval, max(0.0, until - time.monotonic())))

    def result(self) -> dict:
        percents = per_second_pct(self.samples)
        return {**busy_seconds(percents), "server_cpu_per_s": [round(p) for p in percents]}


def summary(latencies: list[float]) -> dict:
    return {"actions": len(latencies), "p50_ms": ms(percentile(latencies, 50)),
            "p95_ms": ms(percentile(latencies, 95)), "p99_ms": ms(percentile(latencies, 99))}


RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, results: dict, markdown: str | None = None, out: Path = RESULTS) -> None:
    """``<out>/<name>.json`` and, with a report, ``<out>/<name>.md`` (printed too): every bench run writes so."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    if markdown is not None:
        (out / f"{name}.md").write_text(markdown, encoding="utf-8")
        print(markdown)
