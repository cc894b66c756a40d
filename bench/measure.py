"""Measuring helpers shared by the benchmarks (`bench.run`, `bench.live`, `bench.live_runs`): percentiles, CPU
time read from ``/proc``, the Markdown rows of a report's target table, the machine a run is on, and a cluster
of app processes behind nginx.
"""

from __future__ import annotations

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
