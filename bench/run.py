"""Benchmarks: what a class costs the server, measured against the bare-Streamlit floor.

    python bench/run.py --quick     # a few minutes -> bench/results/quick.json and quick.md
    python bench/run.py             # longer runs   -> bench/results/full.json and full.md

Everything runs on this machine: the app as the README deploys it (one
``streamlit run app.py``), the floor app (bench/floor_app.py) in the same run,
and simulated students from bench/loadgen.py over loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadgen import StudentClient  # noqa: E402
from tests.browser.harness import CHROMIUM_ARGS, Server, chromium_path  # noqa: E402

PAGES = ["beranda", "materi", "diagram", "glosarium", "latihan", "ujian", "kartu", "kemajuan", "presentasi"]
SECTIONS = ["pengantar", "proses-profesi", "pembentukan-profesi", "wawasan-profesionalisasi", "proses-volunteer",
            "wawasan-relawan", "perbandingan", "keberlanjutan-tantangan", "kolaborasi-dampak", "kesimpulan"]


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- one student, page by page ---------------------------------------------------------------------------------

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


# -- a class ---------------------------------------------------------------------------------------------------

class Scenario:
    """What one student does next: read a section, practise, or move through an exam.

    Each call of `next` is one action (one rerun). Practice and exam steps look
    at the page the student has, as a person would: start if there is a start
    button, answer an open question, check it, go on, submit.
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
        self.client.state[radio.id] = ("string_value", self.rng.choice(radio.options))
        self.answers += 1
        return await self.client._rerun()

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


async def run_class(url: str, students: int, seconds: float, floor: bool, seed: int = 7) -> dict:
    latencies: list[float] = []
    errors = 0
    stop_at = time.monotonic() + seconds

    async def one(n: int) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + n)
        client = StudentClient(url)
        try:
            await client.connect()
            await asyncio.sleep(rng.uniform(0, 10))
            await client.open("" if floor else "beranda")  # arriving in class: not timed, as in steady state
            scenario = Scenario(client, rng)
            while time.monotonic() < stop_at:
                try:
                    latencies.append(await (client.open("") if floor else scenario.next()))
                except (LookupError, TimeoutError):
                    errors += 1
                    await client.open("materi") if not floor else None
                await asyncio.sleep(rng.uniform(5, 15))
        except Exception:  # noqa: BLE001 - a broken connection is an error of the run, not of the benchmark
            errors += 1
        finally:
            errors += client.errors
            await client.close()

    await asyncio.gather(*(one(n) for n in range(students)))
    return {"students": students, "actions": len(latencies), "errors": errors,
            "p50_ms": ms(percentile(latencies, 50)), "p95_ms": ms(percentile(latencies, 95)),
            "p99_ms": ms(percentile(latencies, 99))}


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


# -- Chromium: cold start and an honest check of the generator --------------------------------------------------

def chromium_checks(data_dir: Path, repeats: int) -> dict:
    browser_path = chromium_path()
    if not browser_path:
        return {"cold_start_s": None, "browser_click_ms": None, "loadgen_click_ms": None,
                "note": "Chromium tidak ditemukan"}
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
        for _ in range(repeats):
            page.goto(f"{server.url}/materi?bagian=pengantar")
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
            button = page.get_by_role("button", name="Berikutnya: ", exact=False)
            began = time.perf_counter()
            button.click()
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']", timeout=10_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
            browser_times.append(time.perf_counter() - began)
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
            "loadgen_click_ms": ms(statistics.median(generated))}


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

def capacity(url: str, steps: list[int], seconds: float, floor: bool) -> tuple[int, list[dict]]:
    """The largest class (stepping up) with p95 <= 1 s and no errors, and every step measured."""
    best, table = 0, []
    for count in steps:
        step = asyncio.run(run_class(url, count, seconds, floor=floor, seed=count))
        table.append(step)
        print(f"  {count} students: p95 {step['p95_ms']} ms, errors {step['errors']}", flush=True)
        if step["errors"] or step["p95_ms"] is None or step["p95_ms"] > 1000:
            break
        best = count
    return best, table


def machine() -> dict:
    import streamlit

    return {"cores": os.cpu_count(), "python": platform.python_version(), "streamlit": streamlit.__version__,
            "platform": platform.platform(), "date": time.strftime("%Y-%m-%d %H:%M")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the lesson app against the bare-Streamlit floor.")
    parser.add_argument("--quick", action="store_true", help="a run of a few minutes")
    parser.add_argument("--cluster", type=int, metavar="N",
                        help="measure N Streamlit processes behind nginx (deploy/cluster.py) instead")
    args = parser.parse_args(argv)
    if args.cluster:
        return run_cluster(args.cluster, args.quick)
    quick = args.quick
    reruns, class_seconds, step_seconds = (20, 30, 25) if quick else (50, 120, 60)
    steps = [20, 40, 80, 120, 160, 200] if quick else [20, 40, 60, 80, 100, 125, 150, 175, 200, 250, 300]
    name = "quick" if quick else "full"
    results: dict = {"machine": machine(), "mode": name}
    temp = Path(tempfile.mkdtemp(prefix="lessonkit-bench-"))

    print("bank load ...", flush=True)
    results["bank_load_ms"] = bank_load_ms()

    floor = Server(temp / "floor", script="bench/floor_app.py").start()
    app = Server(temp / "app").start()
    try:
        print("one student per page ...", flush=True)
        floor_median = asyncio.run(single_page_medians(floor.url, [""], reruns))[""]
        pages = asyncio.run(single_page_medians(app.url, PAGES, reruns))
        results["floor_median_ms"] = ms(floor_median)
        results["page_median_ms"] = {p: ms(v) for p, v in pages.items()}
        results["page_floor_ratio"] = {p: round(v / floor_median, 2) for p, v in pages.items()}
        results["page_floor_ratio_max"] = max(results["page_floor_ratio"].values())

        print("class of 40 ...", flush=True)
        app40 = asyncio.run(run_class(app.url, 40, class_seconds, floor=False))
        floor40 = asyncio.run(run_class(floor.url, 40, class_seconds, floor=True))
        results["class40"] = app40
        results["class40_floor"] = floor40
        results["class40_p95_ms"] = app40["p95_ms"]
        results["class40_floor_p95_ms"] = floor40["p95_ms"]

        print("capacity ...", flush=True)
        results["capacity_students_p95_1s"], results["capacity_steps"] = capacity(app.url, steps, step_seconds,
                                                                                  floor=False)
        print("capacity of the floor ...", flush=True)
        results["capacity_floor_students_p95_1s"], results["capacity_floor_steps"] = capacity(
            floor.url, steps, step_seconds, floor=True)
    finally:
        app.stop()
        floor.stop()

    print("memory per student ...", flush=True)
    fresh = Server(temp / "memory").start()
    try:
        slope, points = asyncio.run(memory_slope(fresh.url, fresh.process.pid, [0, 20, 40, 80]))
    finally:
        fresh.stop()
    results["mem_per_session_mb"] = slope
    results["mem_points"] = points

    print("cold start and browser check ...", flush=True)
    results.update(chromium_checks(temp, 5 if quick else 15))

    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / f"{name}.md").write_text(table_markdown(results), encoding="utf-8")
    print(table_markdown(results))
    return 0


def run_cluster(workers: int, quick: bool) -> int:
    """Class of 40 and capacity for the multi-process deployment, written to bench/results/cluster.json."""
    from deploy.cluster import Cluster
    from tests.browser.harness import free_port

    seconds, steps = (30, [20, 40, 80, 120, 160]) if quick else (60, [20, 40, 60, 80, 100, 125, 150, 175, 200])
    data = Path(tempfile.mkdtemp(prefix="lessonkit-cluster-"))
    cluster = Cluster(workers, free_port(), [free_port() for _ in range(workers)],
                      env={"LESSONKIT_DATA_DIR": str(data)}).start()
    try:
        print(f"cluster of {workers}: class of 40 ...", flush=True)
        class40 = asyncio.run(run_class(cluster.url, 40, seconds, floor=False))
        print("capacity ...", flush=True)
        best, table = capacity(cluster.url, steps, seconds, floor=False)
    finally:
        cluster.stop()
    results = {"machine": machine(), "workers": workers, "class40": class40, "class40_p95_ms": class40["p95_ms"],
               "capacity_students_p95_1s": best, "capacity_steps": table}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cluster.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


TARGETS = {
    "page_floor_ratio_max": ("≤ 1.5", lambda v: v is not None and v <= 1.5),
    "class40_p95_ms": ("≤ 300 ms", lambda v: v is not None and v <= 300),
    "capacity_students_p95_1s": ("≥ 150", lambda v: v is not None and v >= 150),
    "mem_per_session_mb": ("≤ 3 MB", lambda v: v is not None and v <= 3),
    "cold_start_s": ("≤ 3 s", lambda v: v is not None and v <= 3),
}


def table_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Mesin: {m['cores']} inti, Python {m['python']}, Streamlit {m['streamlit']} ({m['date']}, "
             f"mode {results['mode']})", "", "| Ukuran | Hasil | Target | Tercapai |", "| --- | --- | --- | --- |"]
    for key, (target, ok) in TARGETS.items():
        value = results.get(key)
        lines.append(f"| `{key}` | {value} | {target} | {'ya' if ok(value) else 'belum'} |")
    lines += [f"| `class40_floor_p95_ms` | {results.get('class40_floor_p95_ms')} | (pembanding) | |",
              f"| `capacity_floor_students_p95_1s` | {results.get('capacity_floor_students_p95_1s')} "
              "| (pembanding) | |",
              f"| `bank_load_ms` | {results.get('bank_load_ms')} | | |",
              f"| klik di Chromium / di generator (ms) | {results.get('browser_click_ms')} / "
              f"{results.get('loadgen_click_ms')} | | |", "",
              "Rasio per halaman: " + ", ".join(f"{p} {r}" for p, r in results.get("page_floor_ratio", {}).items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
