"""Benchmarks: what a class feels and what it costs the server, measured against the bare-Streamlit floor.

    python bench/run.py --quick     # about 15-20 minutes -> bench/results/quick.json and quick.md
    python bench/run.py             # longer runs       -> bench/results/full.json and full.md
    python bench/run.py --cluster 2 # the nginx deployment -> bench/results/cluster.json
    python bench/run.py --live      # Kuis Langsung (bench/live_runs.py) -> bench/results/live.json and live.md
    python bench/run.py --slow      # a slow network (bench/slow.py), also in the runs above -> bench/results/slow.json

Everything runs on this machine over loopback: the app as the README deploys it
(``streamlit run app.py``), the floor (``bench/floor.py``: one ``st.markdown``
served with the app's own server configuration) in the same run, stock
Streamlit serving the same floor page for context, and simulated students
from ``bench/loadgen.py``. Latency is what a student waits; server CPU
milliseconds per action come from ``/proc/<pid>/stat``, so the capacity of an
N-core school server can be extrapolated; the load generator's own CPU is
reported beside every load so it can never be the bottleneck unnoticed.

Capacity is searched twice for the app: every step on the one server that
measured everything else (``capacity_students_p95_1s``, comparable with earlier
runs), and every step on a fresh server (``capacity_fresh_students_p95_1s``).
The floor's capacity swings between runs, so it is the median of three
searches on fresh servers. Each step also records the server's CPU second by
second: the busiest second and the share of seconds above 90 % of a core
(``server_cpu_peak_pct``, ``server_cpu_above_90_pct`` at the app's knee) tell
a CPU-bound server from one whose threads wait on locks, which an average
over saturated and idle seconds cannot.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import slow  # noqa: E402
from bench.browser import bank_load_ms, chromium_checks  # noqa: E402
from bench.capacity import capacity, fresh_servers, knee, memory_slope_sync, same_server  # noqa: E402
from bench.classroom import PAGES, run_burst, run_class  # noqa: E402
from bench.measure import machine, ms, start_cluster, write_results  # noqa: E402
from bench.report import table_markdown  # noqa: E402
from bench.single import app_cpu_per_action, floor_cpu_per_action, single_page_medians  # noqa: E402
from tools.harness import Server  # noqa: E402

FLOOR_SCRIPT = "bench/floor.py"
STOCK_SCRIPT = "bench/floor_app.py"
STOCK_ENV = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}  # Streamlit's default, which .streamlit/config.toml turns off


@dataclass(frozen=True)
class Plan:
    reruns: int
    class_seconds: float
    capacity_seconds: float
    cpu_repeats: int
    floor_runs: int = 3  # the floor's capacity swings between runs: its median

    @staticmethod
    def of(quick: bool) -> Plan:
        return Plan(20, 30, 15, 20) if quick else Plan(50, 120, 45, 60)


@dataclass
class Run:
    """One benchmark run: its plan, a scratch folder, and the results the steps fill in."""

    plan: Plan
    quick: bool
    temp: Path
    results: dict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the lesson app against the bare-Streamlit floor.")
    parser.add_argument("--quick", action="store_true", help="a run of about 15-20 minutes")
    parser.add_argument("--cluster", type=int, metavar="N",
                        help="measure N Streamlit processes behind nginx (deploy/cluster.py) instead")
    parser.add_argument("--live", action="store_true",
                        help="the Kuis Langsung runs, 40 and 200 phones (15-25 minutes)")
    parser.add_argument("--slow", action="store_true", help="only the slow-network path (bench/slow.py)")
    args = parser.parse_args(argv)
    if args.slow:
        return slow.run()
    if args.live:
        return run_live()
    if args.cluster:
        return run_cluster(args.cluster, args.quick)
    name = "quick" if args.quick else "full"
    began = time.monotonic()
    run = Run(Plan.of(args.quick), args.quick, Path(tempfile.mkdtemp(prefix="lessonkit-bench-")),
              {"machine": machine(), "mode": name})
    for title, step in STEPS:
        print(f"{title} ...", flush=True)
        step(run)
    run.results["duration_s"] = round(time.monotonic() - began)
    run.results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    write_results(name, run.results, table_markdown(run.results))
    return 0


def bank_load(run: Run) -> None:
    run.results["bank_load_ms"] = bank_load_ms()


def stock_floor(run: Run) -> None:
    """Stock Streamlit (forced garbage collection on) serving the floor page, for context."""
    stock = Server(run.temp / "stock", script=STOCK_SCRIPT, env=STOCK_ENV).start()
    try:
        stock_median = asyncio.run(single_page_medians(stock.url, [""], run.plan.reruns))[""]
        run.results["floor_stock"] = {
            "median_ms": ms(stock_median),
            "cpu_ms_per_action": asyncio.run(floor_cpu_per_action(stock.url, stock.process.pid,
                                                                  run.plan.cpu_repeats)),
        }
    finally:
        stock.stop()


def beside_the_floor(run: Run) -> None:
    """The app and the floor on one server each, measured step by step in the same conditions."""
    floor = Server(run.temp / "floor", script=FLOOR_SCRIPT).start()
    app = Server(run.temp / "app").start()
    try:
        for title, step in BESIDE_THE_FLOOR:
            print(f"  {title} ...", flush=True)
            step(run, app, floor)
    finally:
        app.stop()
        floor.stop()


def pages(run: Run, app: Server, floor: Server) -> None:
    results = run.results
    floor_median = asyncio.run(single_page_medians(floor.url, [""], run.plan.reruns))[""]
    medians = asyncio.run(single_page_medians(app.url, PAGES, run.plan.reruns))
    results["floor_median_ms"] = ms(floor_median)
    results["page_median_ms"] = {p: ms(v) for p, v in medians.items()}
    results["page_floor_ratio"] = {p: round(v / floor_median, 2) for p, v in medians.items()}
    results["page_floor_ratio_max"] = max(results["page_floor_ratio"].values())


def cpu_per_action(run: Run, app: Server, floor: Server) -> None:
    repeats = run.plan.cpu_repeats
    run.results["cpu_ms_per_action"] = asyncio.run(app_cpu_per_action(app.url, app.process.pid, repeats))
    run.results["cpu_ms_per_action_floor"] = asyncio.run(floor_cpu_per_action(floor.url, floor.process.pid, repeats))


def class_of_40(run: Run, app: Server, floor: Server) -> None:
    results, seconds = run.results, run.plan.class_seconds
    app40 = asyncio.run(run_class(app.url, 40, seconds, floor=False, pid=app.process.pid))
    floor40 = asyncio.run(run_class(floor.url, 40, seconds, floor=True, pid=floor.process.pid))
    results["class40"], results["class40_floor"] = app40, floor40
    results["class40_p95_ms"], results["class40_floor_p95_ms"] = app40["p95_ms"], floor40["p95_ms"]
    results["class40_arrival_p95_ms"] = app40["arrival_p95_ms"]


def burst_of_40(run: Run, app: Server, floor: Server) -> None:
    results = run.results
    results["burst40"] = asyncio.run(run_burst(app.url, 40, 2.0, floor=False))
    results["burst40_floor"] = asyncio.run(run_burst(floor.url, 40, 2.0, floor=True))
    results["burst40_p95_ms"] = results["burst40"]["p95_ms"]


def capacity_same_server(run: Run, app: Server, floor: Server) -> None:
    run.results["capacity_students_p95_1s"], run.results["capacity_steps"] = capacity(
        same_server(app.url, app.process.pid), run.plan.capacity_seconds, floor=False)


def capacity_fresh(run: Run) -> None:
    results = run.results
    results.update(fresh_capacities(run.temp, run.plan))
    runs = [results["class40"], results["class40_floor"], *results["capacity_steps"],
            *results["capacity_fresh_steps"], *results["capacity_floor_steps"]]
    results["loadgen_cpu_pct"] = max((r.get("loadgen_cpu_pct") or 0) for r in runs)


def memory_per_student(run: Run) -> None:
    fresh = Server(run.temp / "memory").start()
    try:
        slope, points = memory_slope_sync(fresh.url, fresh.process.pid, [0, 20, 40, 80])
    finally:
        fresh.stop()
    run.results["mem_per_session_mb"] = slope
    run.results["mem_points"] = points


def in_chromium(run: Run) -> None:
    run.results.update(chromium_checks(run.temp, 5 if run.quick else 15))


def slow_network(run: Run) -> None:
    run.results.update(slow.slow_network(run.temp, 3 if run.quick else 5))


BESIDE_THE_FLOOR = (
    ("one student per page", pages),
    ("server CPU per action", cpu_per_action),
    ("class of 40", class_of_40),
    ("burst of 40", burst_of_40),
    ("capacity, every step on the same server", capacity_same_server),
)
STEPS = (
    ("bank load", bank_load),
    ("stock Streamlit floor (context)", stock_floor),
    ("the app beside the floor", beside_the_floor),
    ("capacity, a fresh server per step", capacity_fresh),
    ("memory per student", memory_per_student),
    ("cold start, first diagram and browser check", in_chromium),
    ("slow network", slow_network),
)


def fresh_capacities(temp: Path, plan: Plan) -> dict:
    """The app's capacity, and the floor's as the median of ``plan.floor_runs`` searches, each step on a fresh
    server; with the server's CPU second by second at the app's knee."""
    fresh, fresh_steps = capacity(fresh_servers(temp / "fresh"), plan.capacity_seconds, floor=False)
    floors: list[int] = []
    floor_steps: list[dict] = []
    for run in range(plan.floor_runs):  # from the app's capacity up: the floor needs no less
        print(f"capacity of the floor, run {run + 1} of {plan.floor_runs} ...", flush=True)
        found, steps = capacity(fresh_servers(temp / f"floor-{run}", FLOOR_SCRIPT), plan.capacity_seconds,
                                floor=True, start=max(100, fresh))
        floors.append(found)
        floor_steps += steps
    floor_capacity = round(statistics.median(floors)) if floors else None
    at_knee = knee(fresh_steps)
    return {"capacity_fresh_students_p95_1s": fresh, "capacity_fresh_steps": fresh_steps,
            "capacity_floor_students_p95_1s": floor_capacity, "capacity_floor_runs": floors,
            "capacity_floor_steps": floor_steps,
            "capacity_of_floor_pct": round(100 * fresh / floor_capacity) if floor_capacity else None,
            "knee_students": at_knee.get("students"),
            "server_cpu_peak_pct": at_knee.get("server_cpu_peak_pct"),
            "server_cpu_above_90_pct": at_knee.get("server_cpu_above_90_pct")}


def run_live() -> int:
    """The Kuis Langsung runs (bench/live_runs.py)."""
    from bench.live_runs import run_live as live_runs

    live_runs(ROOT / "bench" / "results")
    return 0


def run_cluster(workers: int, quick: bool) -> int:
    """Class of 40 and capacity for the multi-process deployment, written to bench/results/cluster.json."""
    seconds = 30 if quick else 120
    cluster = start_cluster(workers, Path(tempfile.mkdtemp(prefix="lessonkit-cluster-")))
    try:
        print(f"cluster of {workers}: class of 40 ...", flush=True)
        class40 = asyncio.run(run_class(cluster.url, 40, seconds, floor=False))
        print("capacity ...", flush=True)
        best, table = capacity(same_server(cluster.url), 15 if quick else 45, floor=False)
    finally:
        cluster.stop()
    results = {"machine": machine(), "workers": workers, "class40": class40, "class40_p95_ms": class40["p95_ms"],
               "capacity_students_p95_1s": best, "capacity_steps": table}
    write_results("cluster", results)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
