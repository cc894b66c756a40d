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
import contextlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import slow  # noqa: E402
from bench.loadgen import StudentClient  # noqa: E402
from bench.measure import cell, cpu_seconds, machine, ms, own_cpu_seconds, percentile, start_cluster, target_rows  # noqa: E402
from tools.harness import CHROMIUM_ARGS, Server, chromium_path  # noqa: E402

PAGES = ["beranda", "materi", "diagram", "glosarium", "latihan", "ujian", "kartu", "kemajuan", "presentasi"]
SECTIONS = ["pengantar", "proses-profesi", "pembentukan-profesi", "wawasan-profesionalisasi", "proses-volunteer",
            "wawasan-relawan", "perbandingan", "keberlanjutan-tantangan", "kolaborasi-dampak", "kesimpulan"]
FLOOR_SCRIPT = "bench/floor.py"
STOCK_SCRIPT = "bench/floor_app.py"
STOCK_ENV = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}  # Streamlit's default, which .streamlit/config.toml turns off
DIAGRAM_PAGE = "materi?bagian=proses-profesi"  # the first lesson page with a stage diagram
DIAGRAM_READY = "[data-lk-diagram] svg"  # a stage diagram drawn in the page (ui/diagram_view.py)
THINK = (5.0, 15.0)  # seconds a student reads before the next action


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


# -- one student at a time: latency and CPU per action -----------------------------------------------------------

async def single_page_medians(url: str, pages: list[str], reruns: int) -> dict[str, float]:
    client = StudentClient(url)
    await client.connect()
    out = {}
    try:
        for page in pages:
            await client.open(page)  # warm the page's caches
            times = [await client.open(page) for _ in range(reruns)]
            out[page] = statistics.median(times)
    finally:
        await client.close()
    return out


class CpuPerAction:
    """Server CPU of single actions, summed per kind: one student, nothing else running."""

    SETTLE = 0.03  # work the server does just after script_finished still belongs to the action

    def __init__(self, pid: int):
        self.pid = pid
        self.spent: dict[str, list[float]] = {}

    async def measure(self, kind: str, action) -> float:
        before = cpu_seconds(self.pid)
        seconds = await action
        await asyncio.sleep(self.SETTLE)
        self.spent.setdefault(kind, []).append(cpu_seconds(self.pid) - before)
        return seconds

    def result(self) -> dict[str, float]:
        return {kind: round(1000 * sum(v) / len(v), 1) for kind, v in self.spent.items()}


async def app_cpu_per_action(url: str, pid: int, repeats: int) -> dict[str, float]:
    """CPU milliseconds per action kind: every page, and the clicks a lesson is made of."""
    meter = CpuPerAction(pid)
    client = StudentClient(url)
    await client.connect()
    try:
        for page in PAGES:
            await client.open(page)
            for n in range(repeats):
                query = f"bagian={SECTIONS[n % len(SECTIONS)]}" if page == "materi" else ""
                await meter.measure(f"open_{page}", client.open(page, query))
        for _ in range(repeats):
            await client.open("diagram", "diagram=profesi-sepuluh-tahap")
            await meter.measure("diagram_step", client.click("Tahap berikutnya"))
        await client.open("latihan")
        await client.click("Mulai latihan")
        for _ in range(repeats):
            radio = next(w for w in client.widgets.values() if w.kind == "radio" and w.options)
            await meter.measure("practice_choose", client.set_value(radio, radio.options[0]))
            await meter.measure("practice_check", client.click("Periksa"))
            client.state.clear()
            await client.click("Coba lagi")
    finally:
        await client.close()
    for _ in range(max(3, repeats // 4)):  # every exam starts in a new tab
        client = StudentClient(url)
        await client.connect()
        try:
            await client.open("ujian")
            await meter.measure("exam_start", client.click("Mulai ujian"))
            for radio in [w for w in list(client.widgets.values()) if w.kind == "radio" and w.options][:4]:
                await meter.measure("exam_answer", client.set_value(radio, radio.options[-1]))
        finally:
            await client.close()
    return meter.result()


async def floor_cpu_per_action(url: str, pid: int, repeats: int) -> dict[str, float]:
    meter = CpuPerAction(pid)
    client = StudentClient(url)
    await client.connect()
    try:
        await client.open("")
        for _ in range(repeats):
            await meter.measure("open", client.open(""))
    finally:
        await client.close()
    return meter.result()


# -- a class ---------------------------------------------------------------------------------------------------

class Scenario:
    """What one student does next: read a section, practise, or move through an exam.

    Each call of `next` is one action (one rerun, or one fragment rerun where the
    browser would send one). Practice and exam steps look at the page the
    student has, as a person would: start if there is a start button, answer an
    open question, check it, go on, submit.
    """

    def __init__(self, client: StudentClient, rng: random.Random):
        self.client, self.rng = client, rng
        self.activity, self.left, self.answers = "lesson", 0, 0

    async def next(self) -> float:
        if self.left == 0:
            self.activity = self.rng.choice(["lesson", "lesson", "practice", "exam"])
            self.left = {"lesson": 1, "practice": 6, "exam": 6}[self.activity]
            self.answers = 0
            if self.activity != "lesson":
                self.left -= 1
                return await self.client.open("latihan" if self.activity == "practice" else "ujian")
        self.left -= 1
        if self.activity == "lesson":
            return await self.client.open("materi", f"bagian={self.rng.choice(SECTIONS)}")
        return await (self._practice() if self.activity == "practice" else self._exam())

    def _open_radio(self):
        return [w for w in self.client.widgets.values() if w.kind == "radio" and w.options and w.id not in
                self.client.state]

    async def _answer(self) -> float:
        radio = self._open_radio()[0]
        self.answers += 1
        return await self.client.set_value(radio, self.rng.choice(radio.options))

    async def _practice(self) -> float:
        client = self.client
        for label in ("Mulai latihan", "Latihan lagi"):
            if client.has("button", label):
                return await client.click(label)
        if client.has("button", "Periksa"):
            if self._open_radio() and self.answers == 0:
                return await self._answer()
            self.answers = 0
            return await client.click("Periksa")
        for label in ("Soal berikutnya", "Lihat ringkasan"):
            if client.has("button", label):
                client.state.clear()
                return await client.click(label)
        return await client.open("latihan")

    async def _exam(self) -> float:
        client = self.client
        for label in ("Mulai ujian", "Atur ujian baru", "Ya, kumpulkan sekarang"):
            if client.has("button", label):
                return await client.click(label)
        if client.has("button", "Kumpulkan jawaban"):
            if self._open_radio() and self.answers < 3:
                return await self._answer()
            return await client.click("Kumpulkan jawaban")
        return await client.open("ujian")


def arrival_seconds(students: int) -> float:
    """How long a class takes to come in: a few seconds, longer for a crowd (about 100 students a second)."""
    return max(3.0, students / 100)


def first_think(arrived: float, now: float, think: float) -> float:
    """Seconds to wait before a student's first action: ``think`` counted from when the student came in.

    Counted from the moment the first page finished instead, a backlog at arrival (every first page done in
    the same second) would line up everyone's first action too: an idle gap, then a wave.
    """
    return max(0.0, arrived + think - now)


async def run_class(url: str, students: int, seconds: float, floor: bool, seed: int = 7,
                    pid: int | None = None) -> dict:
    """Students arrive (timed apart), read a while, then act every 5-15 s for ``seconds`` of steady state.

    With ``pid``: the server's CPU over the steady state (average) and second by second over the whole run.
    """
    arrivals: list[float] = []
    latencies: list[float] = []
    by_action: dict[str, list[float]] = {}
    errors = 0
    arrive = arrival_seconds(students)
    began = time.monotonic()
    steady_from = began + arrive
    stop_at = steady_from + seconds
    meter: CpuMeter | None = None

    async def until(seconds: float) -> None:
        """Think for ``seconds``, but not past the end of the run."""
        await asyncio.sleep(max(0.0, min(seconds, stop_at - time.monotonic())))

    async def one(n: int) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + n)
        client = StudentClient(url)
        try:
            arrived = began + rng.uniform(0, arrive)
            await asyncio.sleep(max(0.0, arrived - time.monotonic()))
            await client.connect()
            arrivals.append(await client.open("" if floor else "beranda"))
            scenario = Scenario(client, rng)
            await until(first_think(arrived, time.monotonic(), rng.uniform(*THINK)))  # reading the first page
            while time.monotonic() < stop_at:
                try:
                    latencies.append(await (client.open("") if floor else scenario.next()))
                    by_action.setdefault(client.last_action, []).append(latencies[-1])
                except (LookupError, TimeoutError):
                    errors += 1
                    await client.open("materi") if not floor else None
                await until(rng.uniform(*THINK))
        except Exception:  # noqa: BLE001 - a broken connection is an error of the run, not of the benchmark
            errors += 1
        finally:
            errors += client.errors
            await client.close()

    async def watch() -> None:
        nonlocal meter
        await asyncio.sleep(max(0.0, steady_from - time.monotonic()))
        meter = CpuMeter(pid) if pid else None

    sampler = CpuSampler(pid) if pid else None
    await asyncio.gather(watch(), *(one(n) for n in range(students)), *([sampler.run(stop_at)] if sampler else []))
    slowest = sorted(by_action.items(), key=lambda kv: -(percentile(kv[1], 95) or 0))[:4]
    result = {"students": students, **summary(latencies), "errors": errors,
              "arrival_p95_ms": ms(percentile(arrivals, 95)),
              "slowest_actions_p95_ms": {kind: ms(percentile(v, 95)) for kind, v in slowest}}
    if meter is not None:
        result.update(meter.read(len(latencies)))
    if sampler is not None:
        result.update(sampler.result())
    return result


# -- a burst: the teacher says "mulai" ---------------------------------------------------------------------------

async def run_burst(url: str, students: int, window: float, floor: bool, seed: int = 11) -> dict:
    """Every student acts within ``window`` seconds of the same moment, three times over.

    The app: start an exam, answer its first question (a fragment rerun), check a
    practice answer. The floor: three reruns of its page at the same moments.
    """
    clients = [StudentClient(url) for _ in range(students)]
    rngs = [random.Random(seed * 1000 + n) for n in range(students)]
    latencies: dict[str, list[float]] = {}
    errors = 0

    async def everyone(step: str, action) -> None:
        nonlocal errors

        async def one(n: int) -> None:
            nonlocal errors
            await asyncio.sleep(rngs[n].uniform(0, window))
            try:
                latencies.setdefault(step, []).append(await action(clients[n], rngs[n]))
            except (LookupError, TimeoutError, IndexError):
                errors += 1

        await asyncio.gather(*(one(n) for n in range(students)))
        await asyncio.sleep(3)  # the class reads the result before the next "mulai"

    async def prepare(client: StudentClient, page: str, button: str | None = None) -> None:
        await client.open(page)
        if button:
            await client.click(button)

    try:
        for client in clients:
            await client.connect()
        if floor:
            await asyncio.gather(*(prepare(c, "") for c in clients))
            for step in ("open_1", "open_2", "open_3"):
                await everyone(step, lambda c, r: c.open(""))
        else:
            await asyncio.gather(*(prepare(c, "ujian") for c in clients))
            await everyone("exam_start", lambda c, r: c.click("Mulai ujian"))

            async def answer(c: StudentClient, r: random.Random) -> float:
                radio = next(w for w in c.widgets.values() if w.kind == "radio" and w.options)
                return await c.set_value(radio, r.choice(radio.options))

            await everyone("exam_answer", answer)
            await asyncio.gather(*(prepare(c, "latihan", "Mulai latihan") for c in clients))
            for c, r in zip(clients, rngs, strict=True):  # chosen while reading, checked on "mulai"
                radio = next(w for w in c.widgets.values() if w.kind == "radio" and w.options)
                c.state[radio.id] = ("string_value", r.choice(radio.options))
            await everyone("practice_check", lambda c, r: c.click("Periksa"))
    finally:
        for client in clients:
            errors += client.errors
            await client.close()
    every = [v for values in latencies.values() for v in values]
    return {"students": students, "window_s": window, **summary(every), "errors": errors,
            "steps": {step: summary(values) for step, values in latencies.items()}}


# -- capacity ----------------------------------------------------------------------------------------------------

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


# -- Chromium: cold start, the first diagram, JavaScript bytes, and an honest check of the generator -------------

def fresh_visit(browser, url: str) -> tuple[float, int, int]:
    """A first visit in a new browser context: seconds to a visible stage diagram, JavaScript and all bytes on
    the wire (compressed sizes, as the Wi-Fi carries them)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    page = context.new_page()
    finished = []

    def note(request) -> None:  # Playwright needs a Python function here, not a bound builtin
        finished.append(request)

    page.on("requestfinished", note)
    began = time.monotonic()
    page.goto(f"{url}/{DIAGRAM_PAGE}")
    page.locator(DIAGRAM_READY).first.wait_for(state="visible", timeout=60_000)
    seconds = time.monotonic() - began
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    page.wait_for_load_state("networkidle")
    sizes = [(r.resource_type, r.sizes()["responseBodySize"]) for r in finished if r.url.startswith("http")]
    context.close()
    return seconds, sum(size for kind, size in sizes if kind == "script"), sum(size for _, size in sizes)


def first_diagram(browser, url: str, repeats: int) -> dict:
    """The median of ``repeats`` fresh visits, after one that warms the server (caches, compressed files)."""
    fresh_visit(browser, url)
    visits = [fresh_visit(browser, url) for _ in range(repeats)]
    return {"first_diagram_s": round(statistics.median(v[0] for v in visits), 2),
            "lesson_js_mb": round(statistics.median(v[1] for v in visits) / 1e6, 2),
            "lesson_transfer_mb": round(statistics.median(v[2] for v in visits) / 1e6, 2)}


def chromium_checks(data_dir: Path, repeats: int) -> dict:
    browser_path = chromium_path()
    if not browser_path:
        return {"cold_start_s": None, "browser_click_ms": None, "loadgen_click_ms": None, "first_diagram_s": None,
                "lesson_js_mb": None, "note": "Chromium tidak ditemukan"}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        page = browser.new_page()
        started = time.monotonic()  # the browser is already open, as on a teacher's laptop
        server = Server(data_dir / "cold").start()
        page.goto(server.url)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning'] h1", timeout=60_000)
        cold = time.monotonic() - started
        browser_times = []
        for _ in range(repeats):  # a click, until the next section's title is on screen
            page.goto(f"{server.url}/materi?bagian=pengantar")
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
            button = page.get_by_role("button", name="Berikutnya: ", exact=False)
            title = button.inner_text().removeprefix("Berikutnya: ").removesuffix("→").strip()
            began = time.perf_counter()
            button.click()
            page.get_by_role("heading", name=title, level=1).wait_for(timeout=30_000)
            browser_times.append(time.perf_counter() - began)
        page.close()
        diagram = first_diagram(browser, server.url, 3)
        browser.close()

    async def loadgen_times() -> list[float]:
        client = StudentClient(server.url)
        await client.connect()
        out = []
        for _ in range(repeats):
            await client.open("materi", "bagian=pengantar")
            out.append(await client.click("Berikutnya: "))
        await client.close()
        return out

    generated = asyncio.run(loadgen_times())
    server.stop()
    return {"cold_start_s": round(cold, 2), "browser_click_ms": ms(statistics.median(browser_times)),
            "loadgen_click_ms": ms(statistics.median(generated)), **diagram}


def bank_load_ms(repeats: int = 5) -> float:
    from lessonkit.content import load_lesson
    from lessonkit.quiz import read_bank
    from lessonkit.stages import load_diagrams

    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        lesson = load_lesson(ROOT / "content")
        read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)
        load_diagrams(ROOT / "content", lesson.section_ids)
        times.append(time.perf_counter() - began)
    return ms(statistics.median(times))


# -- the run ----------------------------------------------------------------------------------------------------


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
    plan = Plan.of(args.quick)
    name = "quick" if args.quick else "full"
    began = time.monotonic()
    results: dict = {"machine": machine(), "mode": name}
    temp = Path(tempfile.mkdtemp(prefix="lessonkit-bench-"))

    print("bank load ...", flush=True)
    results["bank_load_ms"] = bank_load_ms()

    stock = Server(temp / "stock", script=STOCK_SCRIPT, env=STOCK_ENV).start()
    try:
        print("stock Streamlit floor (context) ...", flush=True)
        stock_median = asyncio.run(single_page_medians(stock.url, [""], plan.reruns))[""]
        results["floor_stock"] = {
            "median_ms": ms(stock_median),
            "cpu_ms_per_action": asyncio.run(floor_cpu_per_action(stock.url, stock.process.pid, plan.cpu_repeats)),
        }
    finally:
        stock.stop()

    floor = Server(temp / "floor", script=FLOOR_SCRIPT).start()
    app = Server(temp / "app").start()
    try:
        print("one student per page ...", flush=True)
        floor_median = asyncio.run(single_page_medians(floor.url, [""], plan.reruns))[""]
        pages = asyncio.run(single_page_medians(app.url, PAGES, plan.reruns))
        results["floor_median_ms"] = ms(floor_median)
        results["page_median_ms"] = {p: ms(v) for p, v in pages.items()}
        results["page_floor_ratio"] = {p: round(v / floor_median, 2) for p, v in pages.items()}
        results["page_floor_ratio_max"] = max(results["page_floor_ratio"].values())

        print("server CPU per action ...", flush=True)
        results["cpu_ms_per_action"] = asyncio.run(app_cpu_per_action(app.url, app.process.pid, plan.cpu_repeats))
        results["cpu_ms_per_action_floor"] = asyncio.run(
            floor_cpu_per_action(floor.url, floor.process.pid, plan.cpu_repeats))

        print("class of 40 ...", flush=True)
        app40 = asyncio.run(run_class(app.url, 40, plan.class_seconds, floor=False, pid=app.process.pid))
        floor40 = asyncio.run(run_class(floor.url, 40, plan.class_seconds, floor=True, pid=floor.process.pid))
        results["class40"], results["class40_floor"] = app40, floor40
        results["class40_p95_ms"], results["class40_floor_p95_ms"] = app40["p95_ms"], floor40["p95_ms"]
        results["class40_arrival_p95_ms"] = app40["arrival_p95_ms"]

        print("burst of 40 ...", flush=True)
        results["burst40"] = asyncio.run(run_burst(app.url, 40, 2.0, floor=False))
        results["burst40_floor"] = asyncio.run(run_burst(floor.url, 40, 2.0, floor=True))
        results["burst40_p95_ms"] = results["burst40"]["p95_ms"]

        print("capacity, every step on the same server ...", flush=True)
        results["capacity_students_p95_1s"], results["capacity_steps"] = capacity(
            same_server(app.url, app.process.pid), plan.capacity_seconds, floor=False)
    finally:
        app.stop()
        floor.stop()
    results.update(fresh_capacities(temp, plan))
    runs = [results["class40"], results["class40_floor"], *results["capacity_steps"],
            *results["capacity_fresh_steps"], *results["capacity_floor_steps"]]
    results["loadgen_cpu_pct"] = max((r.get("loadgen_cpu_pct") or 0) for r in runs)

    print("memory per student ...", flush=True)
    fresh = Server(temp / "memory").start()
    try:
        slope, points = memory_slope_sync(fresh.url, fresh.process.pid, [0, 20, 40, 80])
    finally:
        fresh.stop()
    results["mem_per_session_mb"] = slope
    results["mem_points"] = points

    print("cold start, first diagram and browser check ...", flush=True)
    results.update(chromium_checks(temp, 5 if args.quick else 15))
    print("slow network ...", flush=True)
    results.update(slow.slow_network(temp, 3 if args.quick else 5))
    results["duration_s"] = round(time.monotonic() - began)
    results["machine"]["load_after"] = round(os.getloadavg()[0], 2)

    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / f"{name}.md").write_text(table_markdown(results), encoding="utf-8")
    print(table_markdown(results))
    return 0


def fresh_capacities(temp: Path, plan: Plan) -> dict:
    """The app's capacity, and the floor's as the median of ``plan.floor_runs`` searches, each step on a fresh
    server; with the server's CPU second by second at the app's knee."""
    print("capacity, a fresh server per step ...", flush=True)
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
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cluster.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


# -- the report (Markdown for docs/kinerja.md, Indonesian) -------------------------------------------------------

TARGETS = {
    "class40_p95_ms": ("≤ 250 ms", lambda r, v: v is not None and v <= 250),
    "burst40_p95_ms": ("≤ 1000 ms, tanpa galat",
                       lambda r, v: v is not None and v <= 1000 and not r.get("burst40", {}).get("errors")),
    "capacity_students_p95_1s": ("≥ 200 dan ≥ 50 % pembanding", lambda r, v: v is not None and v >= 200
                                 and (r.get("capacity_of_floor_pct") or 0) >= 50),
    "first_diagram_s": ("≤ 2 s", lambda r, v: v is not None and v <= 2),
    "lesson_js_mb": ("≤ 2 MB", lambda r, v: v is not None and v <= 2),
    "mem_per_session_mb": ("≤ 3 MB", lambda r, v: v is not None and v <= 3),
    "cold_start_s": ("≤ 3 s", lambda r, v: v is not None and v <= 3),
}
CONTEXT = {
    "class40_floor_p95_ms": "kelas 40, pembanding",
    "class40_arrival_p95_ms": "kelas 40, halaman pertama saat masuk",
    "capacity_fresh_students_p95_1s": "kapasitas, server baru tiap langkah",
    "capacity_floor_students_p95_1s": "kapasitas pembanding, median 3 kali, server baru tiap langkah",
    "capacity_of_floor_pct": "kapasitas aplikasi (server baru) / pembanding (%)",
    "server_cpu_peak_pct": "CPU server pada detik tersibuk di titik jenuh (% satu inti)",
    "server_cpu_above_90_pct": "detik dengan CPU server > 90 % di titik jenuh (%)",
    "loadgen_cpu_pct": "CPU generator beban, maks. (% satu inti)",
    "bank_load_ms": "memuat materi + bank soal + diagram",
    **slow.CONTEXT,
}
ACTION_NAMES = {
    "open_beranda": "buka Beranda", "open_materi": "buka bagian Materi", "open_diagram": "buka Diagram Proses",
    "open_glosarium": "buka Glosarium", "open_latihan": "buka Latihan", "open_ujian": "buka Ujian",
    "open_kartu": "buka Kartu Istilah", "open_kemajuan": "buka Kemajuan", "open_presentasi": "buka Presentasi",
    "diagram_step": "tahap berikutnya di diagram", "practice_choose": "memilih jawaban latihan",
    "practice_check": "Periksa (latihan)", "exam_start": "Mulai ujian", "exam_answer": "menjawab soal ujian",
}


def table_markdown(results: dict) -> str:
    m = results["machine"]
    load = f", beban sebelum/sesudah {m['load_before']}/{m.get('load_after')}" if "load_before" in m else ""
    lines = [f"Mesin: {m['cores']} inti, Python {m['python']}, Streamlit {m['streamlit']} ({m['date']}, "
             f"mode {results['mode']}{load})", "",
             *target_rows(results, TARGETS, CONTEXT, lambda ok, value: ok(results, value))]
    lines.append(f"| klik di Chromium / di generator (ms) | {cell(results.get('browser_click_ms'))} / "
                 f"{cell(results.get('loadgen_click_ms'))} | | |")
    cpu, floor_cpu = results.get("cpu_ms_per_action") or {}, results.get("cpu_ms_per_action_floor") or {}
    stock = results.get("floor_stock") or {}
    if cpu:
        lines += ["", "CPU server per tindakan (ms, satu siswa; `cpu_ms_per_action`):", "",
                  "| Tindakan | Aplikasi | Pembanding |", "| --- | --- | --- |"]
        lines += [f"| {ACTION_NAMES.get(kind, kind)} | {value} | |" for kind, value in cpu.items()]
        lines.append(f"| pembanding: satu `st.markdown` | | {cell(floor_cpu.get('open'))} |")
        if stock:
            lines.append(f"| pembanding dengan Streamlit bawaan (GC paksa) | | "
                         f"{cell((stock.get('cpu_ms_per_action') or {}).get('open'))} |")
    slowest = (results.get("class40") or {}).get("slowest_actions_p95_ms") or {}
    if slowest:
        lines += ["", "Tindakan paling lambat di kelas 40 (p95 ms): "
                  + ", ".join(f"{kind} {value}" for kind, value in slowest.items())]
    burst = results.get("burst40") or {}
    if burst.get("steps"):
        lines += ["", "Serentak 40 siswa dalam 2 detik (p95 ms): " + ", ".join(
            f"{step} {s['p95_ms']}" for step, s in burst["steps"].items()) + f"; galat {burst.get('errors')}"]
    steps = results.get("capacity_steps") or []
    fresh_steps = results.get("capacity_fresh_steps") or []
    floor_steps = results.get("capacity_floor_steps") or []
    if steps or floor_steps:
        lines += ["", "Langkah kapasitas (siswa: p95 ms, CPU server rata-rata / detik tersibuk %): aplikasi "
                  + _steps(steps) + "; aplikasi, server baru tiap langkah " + _steps(fresh_steps)
                  + "; pembanding " + _steps(floor_steps)]
    return "\n".join(lines) + "\n"


def _steps(steps: list[dict]) -> str:
    return ", ".join(f"{s['students']}: {s['p95_ms']} ({s.get('server_cpu_pct', '–')} / "
                     f"{s.get('server_cpu_peak_pct', '–')} %)" for s in steps) or "–"


if __name__ == "__main__":
    sys.exit(main())
