"""Browser test harness: a real ``streamlit run app.py`` on a free port, driven by the system Chromium.

Chromium is taken from ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``. Without a
browser these tests skip with a reason, unless ``REQUIRE_BROWSER=1`` (CI),
where a missing browser is a failure. Screenshots go to ``$SCREENSHOT_DIR``
or a temporary folder whose path is printed.

Two servers are shared by the whole session: ``server`` (the real lesson) and
``quiz_server`` (the real lesson with the small quizzes of
``tests/fixtures/quizzes_timed``: a full one, a short timed one and one
question of every type).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import FIXTURES
from tools.harness import CHROMIUM_ARGS, Server, chromium_path, playwright_available

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
VIEWPORTS = {"desktop": (1366, 900), "projector": (1920, 1080), "phone": (390, 844)}

NEXT_FRAMES = """() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(done));
  setTimeout(done, 500);
})"""
RERUN_REQUEST_GRACE_S = 1.0  # how long the browser may take to send the rerun an action asks for (client side)


@contextlib.contextmanager
def running(data: Path, quizzes: Path | None = None) -> Iterator[Server]:
    """``streamlit run app.py`` with its own data folder (and quiz folder, when given), stopped afterwards."""
    srv = Server(data, env={"LESSONKIT_QUIZ_DIR": str(quizzes)} if quizzes else None).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("data")) as srv:
        yield srv


@pytest.fixture(scope="session")
def quiz_server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("quizdata"), FIXTURES / "quizzes_timed") as srv:
        yield srv


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
    """A browser page that records every request, so tests can prove the app stays offline.

    It also follows the app's websocket: every rerun the browser asks for and every script run the server
    finishes, so `settle` waits for exactly the run an action started instead of guessing with a delay.
    """

    def __init__(self, browser, viewport: tuple[int, int], touch: bool = False):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, locale="id-ID",
                                           has_touch=touch, is_mobile=touch)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self._events = 0
        self._asked = self._finished = self._settled = 0
        self.page.on("websocket", self._follow)

    def _follow(self, socket) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes) and _kind(BackMsg, payload) == "rerun_script":
            self._events += 1
            self._asked = self._events

    def _received(self, payload) -> None:
        if not isinstance(payload, bytes) or _kind(ForwardMsg, payload) != "script_finished":
            return
        if ForwardMsg.FromString(payload).script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            self._events += 1
            self._finished = self._events

    def open(self, url: str):
        self.page.goto(url)
        return self.settle()

    def settle(self, timeout: float = 30.0):
        """Wait until every rerun asked for since the last settle has finished and the page shows the result.

        An action that asks for no rerun (opening an expander) returns after a short client-side grace.
        """
        page = self.page
        page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout * 1000)
        started = time.monotonic()
        while self._asked <= self._settled and self._finished <= self._settled:
            if time.monotonic() - started > RERUN_REQUEST_GRACE_S:
                break
            page.wait_for_timeout(25)
        while self._asked > self._finished:
            if time.monotonic() - started > timeout:
                raise AssertionError("the app did not finish the rerun in time")
            page.wait_for_timeout(25)
        self._settled = self._events
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout * 1000)
        page.evaluate(NEXT_FRAMES)  # React draws the run's last elements a frame later, later still on a busy machine
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


def _kind(message_type, payload: bytes) -> str | None:
    try:
        return message_type.FromString(payload).WhichOneof("type")
    except Exception:  # noqa: BLE001 - not a protobuf message of this type
        return None


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(viewport: str | tuple[int, int] = "desktop", touch: bool = False) -> Visit:
        size = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
        opened.append(Visit(browser, size, touch))
        return opened[-1]

    yield make
    for item in opened:
        item.close()
