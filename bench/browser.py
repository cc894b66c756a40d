"""Chromium: cold start, the first diagram on a lesson page, the JavaScript a fresh visit downloads, and the
click latency a real browser sees (an honest check of the load generator); the time to load the lesson and bank."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from bench.loadgen import StudentClient
from bench.measure import (
    ms,
)
from tools.harness import CHROMIUM_ARGS, Server, chromium_path

ROOT = Path(__file__).resolve().parent.parent

DIAGRAM_PAGE = "materi?bagian=proses-profesi"  # the first lesson page with a stage diagram


DIAGRAM_READY = "[data-lk-diagram] svg"  # a stage diagram drawn in the page (ui/learn/diagram_view.py)


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
    from lessonkit.lesson.content import load_lesson
    from lessonkit.lesson.stages import load_diagrams
    from lessonkit.quiz import read_bank

    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        lesson = load_lesson(ROOT / "content")
        read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids)
        load_diagrams(ROOT / "content", lesson.section_ids)
        times.append(time.perf_counter() - began)
    return ms(statistics.median(times))
