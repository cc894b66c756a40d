"""A class of simulated students (`Scenario`: read, practise, take an exam, with think times and spread
arrivals) and a burst (the teacher says "mulai": 40 students act within the same seconds)."""

from __future__ import annotations

import asyncio
import random
import time

from bench.loadgen import StudentClient
from bench.measure import (
    CpuMeter,
    CpuSampler,
    ms,
    percentile,
    summary,
)

PAGES = ["beranda", "materi", "diagram", "glosarium", "latihan", "ujian", "kartu", "kemajuan", "presentasi"]


SECTIONS = ["pengantar", "proses-profesi", "pembentukan-profesi", "wawasan-profesionalisasi", "proses-volunteer",
            "wawasan-relawan", "perbandingan", "keberlanjutan-tantangan", "kolaborasi-dampak", "kesimpulan"]


THINK = (5.0, 15.0)  # seconds a student reads before the next action


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
