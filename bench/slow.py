"""The slow-network path: what a student waits for, and the bytes each action costs, on a slow connection.

A real Chromium talks to the app through `bench.shaping.ShapingProxy` (400 ms
added to every round trip, 1.6 Mbit/s each way, shared by all connections:
websocket and HTTP alike, which Chromium's own throttling is not). Each visit
is a first visit (a new browser context, empty cache) and measures, from the
moment the address is opened:

* ``slow_first_text_s``: the section's title of a lesson page is on screen;
* ``slow_first_diagram_s``: its stage diagram is drawn;
* ``slow_next_stage_s``: a press of "Tahap berikutnya" until "Tahap N dari …" shows;
* ``slow_next_slide_s``: a press of "Berikutnya" in Mode Presentasi until the next slide shows;

and the bytes on the wire, both directions, counted at the proxy: the whole
first visit (``bytes_first_visit_kb``) and each action until the line is quiet
again. Values are medians over the visits (and over the steps of each visit).

    python bench/run.py --slow    # only this -> bench/results/slow.json and slow.md
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import write_results  # noqa: E402
from bench.shaping import ShapingProxy  # noqa: E402
from tools.harness import CHROMIUM_ARGS, Server, chromium_path  # noqa: E402

LATENCY_S = 0.4
RATE_BPS = 1.6e6
LESSON = "materi?bagian=proses-profesi"  # a lesson page with a stage diagram
FIRST_SLIDE = 6  # the presentation is stepped from here: stage slides that uncover a process
STEPS = 3  # "Tahap berikutnya" presses and slide changes per visit
QUIET_S = 0.5  # an action's bytes are counted until the line has been quiet this long
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CONTEXT = {
    "slow_first_text_s": "jaringan lambat: judul materi tampil, kunjungan pertama (s)",
    "slow_first_diagram_s": "jaringan lambat: diagram pertama tampil (s)",
    "slow_next_stage_s": "jaringan lambat: Tahap berikutnya (s)",
    "slow_next_slide_s": "jaringan lambat: slide berikutnya, Mode Presentasi (s)",
    "bytes_first_visit_kb": "byte kunjungan pertama, dua arah (KB)",
    "bytes_next_stage_kb": "byte per Tahap berikutnya (KB)",
    "bytes_next_slide_kb": "byte per slide berikutnya (KB)",
}


def quiet_bytes(proxy: ShapingProxy, page) -> int:
    """The bytes counted since the last reset, once nothing has passed the proxy for `QUIET_S`."""
    page.wait_for_selector(IDLE, timeout=60_000)
    seen, since = proxy.bytes(), time.monotonic()
    while time.monotonic() - since < QUIET_S:
        page.wait_for_timeout(50)
        if proxy.bytes() != seen:
            seen, since = proxy.bytes(), time.monotonic()
    return seen


def timed(proxy: ShapingProxy, page, act, shown) -> tuple[float, int]:
    """Seconds from ``act()`` until ``shown()`` returns, and the bytes the action cost."""
    proxy.reset()
    began = time.monotonic()
    act()
    shown()
    seconds = time.monotonic() - began
    return seconds, quiet_bytes(proxy, page)


def visit(browser, proxy: ShapingProxy) -> dict:
    """One first visit: the lesson page, its diagram stepped `STEPS` times, then `STEPS` slide changes."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    page = context.new_page()
    proxy.reset()
    began = time.monotonic()
    page.goto(f"{proxy.url}/{LESSON}", wait_until="commit")
    page.locator("[data-testid='stMain'] h1").first.wait_for(state="visible", timeout=120_000)
    first_text = time.monotonic() - began
    page.locator("[data-lk-diagram] svg").first.wait_for(state="visible", timeout=120_000)
    first_diagram = time.monotonic() - began
    page.wait_for_load_state("networkidle")
    first_bytes = quiet_bytes(proxy, page)
    stages = []
    for n in range(1, STEPS + 1):
        button = page.get_by_role("button", name="Tahap berikutnya →").first
        stages.append(timed(proxy, page, button.click,
                            lambda n=n: page.get_by_text(f"Tahap {n} dari").first.wait_for(timeout=60_000)))
    page.goto(f"{proxy.url}/presentasi?slide={FIRST_SLIDE}")
    page.locator(".st-key-lk-slide").wait_for(timeout=120_000)
    quiet_bytes(proxy, page)
    slides = []
    for n in range(FIRST_SLIDE + 1, FIRST_SLIDE + STEPS + 1):
        button = page.get_by_role("button", name="Berikutnya →")
        slides.append(timed(proxy, page, button.click, lambda n=n: page.locator(".st-key-lk-slide").get_by_text(
            f"Slide {n} dari").wait_for(timeout=60_000)))
    context.close()
    return {"first_text": first_text, "first_diagram": first_diagram, "first_bytes": first_bytes,
            "stage_s": statistics.median(s for s, _ in stages), "stage_bytes": statistics.median(b for _, b in stages),
            "slide_s": statistics.median(s for s, _ in slides), "slide_bytes": statistics.median(b for _, b in slides)}


def slow_network(data_dir: Path, repeats: int) -> dict:
    """The median of ``repeats`` first visits through the shaping proxy, after one direct visit that warms the
    server's caches (a class's first student pays that once, on a fast or slow line alike)."""
    browser_path = chromium_path()
    if not browser_path:
        return dict.fromkeys(CONTEXT)
    from playwright.sync_api import sync_playwright

    server = Server(data_dir / "slow").start()
    try:
        with ShapingProxy(server.port, LATENCY_S, RATE_BPS) as proxy, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            warm = browser.new_page()
            warm.goto(f"{server.url}/{LESSON}")
            warm.locator("[data-lk-diagram] svg").first.wait_for(state="visible", timeout=60_000)
            warm.close()
            visits = [visit(browser, proxy) for _ in range(repeats)]
            browser.close()
    finally:
        server.stop()

    def median(name: str, scale: float = 1.0) -> float:
        return round(statistics.median(v[name] for v in visits) / scale, 2 if scale == 1.0 else 1)

    return {"slow_latency_ms": round(LATENCY_S * 1000), "slow_rate_mbps": RATE_BPS / 1e6,
            "slow_first_text_s": median("first_text"), "slow_first_diagram_s": median("first_diagram"),
            "slow_next_stage_s": median("stage_s"), "slow_next_slide_s": median("slide_s"),
            "bytes_first_visit_kb": median("first_bytes", 1000), "bytes_next_stage_kb": median("stage_bytes", 1000),
            "bytes_next_slide_kb": median("slide_bytes", 1000)}


def table_markdown(results: dict) -> str:
    rows = [f"Jaringan lambat: {results.get('slow_latency_ms')} ms tambahan per pulang-pergi, "
            f"{results.get('slow_rate_mbps')} Mbit/s tiap arah", "", "| Ukuran | Hasil | Arti |", "| --- | --- | --- |"]
    rows += [f"| `{key}` | {results.get(key, '–')} | {label} |" for key, label in CONTEXT.items()]
    return "\n".join(rows) + "\n"


def run(repeats: int = 3) -> int:
    """``bench/run.py --slow``: only the slow-network path, written to bench/results/slow.json and slow.md."""
    results = slow_network(Path(tempfile.mkdtemp(prefix="lessonkit-slow-")), repeats)
    write_results("slow", results, table_markdown(results))
    return 0
