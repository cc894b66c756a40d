"""Browser test harness: a real ``streamlit run app.py`` on a free port, driven by the system Chromium.

Chromium is taken from ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``. Without a
browser these tests skip with a reason, unless ``REQUIRE_BROWSER=1`` (CI),
where a missing browser is a failure. Screenshots go to ``$SCREENSHOT_DIR``
or a temporary folder whose path is printed.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.harness import CHROMIUM_ARGS, Server, chromium_path, playwright_available

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
VIEWPORTS = {"desktop": (1366, 900), "projector": (1920, 1080), "phone": (390, 844)}

@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("data")).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not (chromium_path() and playwright_available()):
        reason = "Chromium tidak ditemukan (atur CHROMIUM_PATH) atau paket playwright belum terpasang"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


class Visit:
    """A browser page that records every request, so tests can prove the app stays offline."""

    def __init__(self, browser, viewport: tuple[int, int]):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale="id-ID")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def open(self, url: str):
        self.page.goto(url)
        return self.settle()

    def settle(self):
        """Wait until the app is connected and the rerun that the last action started has finished."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        page = self.page
        page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=30_000)
        try:  # a rerun may start a moment after the click or key press that asked for it
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']", timeout=400)
        except PlaywrightTimeout:
            pass
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
        return page

    def outside_requests(self) -> list[str]:
        outside = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about", "chrome-extension"):
                continue
            if parsed.hostname not in {h.strip("[]") for h in LOCAL_HOSTS}:
                outside.append(url)
        return outside

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(viewport: str | tuple[int, int] = "desktop") -> Visit:
        size = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
        opened.append(Visit(browser, size))
        return opened[-1]

    yield make
    for item in opened:
        item.close()
