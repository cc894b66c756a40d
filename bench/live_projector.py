"""The projector in the live benchmark: the teacher's live page open in a real Chromium on the same machine.

The teacher signs in on ``kuis-langsung-guru`` in Chromium (1920x1080, as on a projector) and the page shows
the session the benchmark drives; Chromium polls and draws it as a classroom's projector would, competing
for the same two cores as the server and the phones. Its CPU (every Chromium process this benchmark
started, and the Playwright driver) is read from ``/proc`` so its share is reported beside the results.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
LOBBY = ".live-code"  # the join code the lobby shows in large type (ui/live/poll.py)
BROWSER_NAMES = ("chrom", "node")  # Chromium's processes and Playwright's driver


def parse_stat(text: str) -> tuple[str, int, int]:
    """A ``/proc/<pid>/stat`` line: (command name, parent pid, user + system clock ticks)."""
    name = text[text.index("(") + 1:text.rindex(")")]
    fields = text[text.rindex(")") + 1:].split()
    return name, int(fields[1]), int(fields[11]) + int(fields[12])


def descendants(root: int, parents: Mapping[int, int]) -> set[int]:
    """Every process below ``root`` in a ``pid -> parent pid`` table."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _stats() -> Iterable[tuple[int, tuple[str, int, int]]]:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                yield int(entry.name), parse_stat((entry / "stat").read_text())
            except (OSError, ValueError):
                continue  # the process ended while the table was read


def browser_cpu_seconds(root: int | None = None) -> float:
    """CPU seconds used so far by the browser processes below ``root`` (this process by default)."""
    table = dict(_stats())
    below = descendants(root or os.getpid(), {pid: stat[1] for pid, stat in table.items()})
    ticks = sum(table[pid][2] for pid in below if table[pid][0].lower().startswith(BROWSER_NAMES))
    return ticks / os.sysconf("SC_CLK_TCK")


class Projector:
    """``async with Projector(url, teacher):`` Chromium shows the teacher's live page until the block ends;
    ``teacher`` is (username, name, password) of the teacher who runs the session."""

    def __init__(self, url: str, teacher: tuple[str, str, str]):
        self.url, self.teacher = url, teacher
        self._playwright = self._browser = None

    async def __aenter__(self) -> Projector:
        from playwright.async_api import TimeoutError as NotShown
        from playwright.async_api import async_playwright

        from tools.harness import CHROMIUM_ARGS, chromium_path

        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = await self._browser.new_page(viewport={"width": 1920, "height": 1080}, locale="id-ID")
        username, _, password = self.teacher
        await page.goto(f"{self.url}/kuis-langsung-guru")
        await page.wait_for_selector(READY, timeout=60_000)
        main = page.get_by_test_id("stMain")
        await main.get_by_label("Nama pengguna").fill(username)
        await main.get_by_label("Kata sandi", exact=True).fill(password)
        await main.get_by_role("button", name="Masuk", exact=True).click()
        try:
            await page.wait_for_selector(LOBBY, timeout=20_000)
        except NotShown:  # signed in by the cookie: the page shows the session once it reloads
            await page.reload()
            await page.wait_for_selector(LOBBY, timeout=30_000)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._browser.close()
        await self._playwright.stop()
