"""One student at a time: the median latency of each page and the server CPU each kind of action costs."""

from __future__ import annotations

import asyncio
import statistics

from bench.classroom import PAGES, SECTIONS
from bench.loadgen import StudentClient
from bench.measure import (
    cpu_seconds,
)


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
