"""The Content-Security-Policy (server/security_headers.py) in Chromium: the diagram, the presentation, the
teacher's sign-in with its cookie request, a class's QR code, the exam countdown iframe and the plotly results
run without a single violation."""

from __future__ import annotations

import pytest

from tests.browser.flows import create_class, make_teacher, shoot, sign_in, start_exam, wait_for_cookie

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

LISTEN = """document.addEventListener("securitypolicyviolation", (event) => {
  (window.top.__cspViolations ||= []).push(`${event.violatedDirective} ${event.blockedURI}`);
});"""


class Watched:
    """A visit that records CSP violations (from every frame) and console messages about the policy."""

    def __init__(self, visit):
        self.v = visit("desktop")
        self.v.context.add_init_script(LISTEN)
        self.console: list[str] = []
        self.v.page.on("console", lambda message: self.console.append(message.text))
        self.violations: list[str] = []

    def collect(self, page) -> None:
        page.wait_for_timeout(500)
        self.violations.extend(f"{page.url}: {found}" for found in page.evaluate("window.__cspViolations || []"))
        page.evaluate("window.__cspViolations = []")

    def assert_clean(self) -> None:
        assert self.violations == [], self.violations
        assert not [text for text in self.console if "Content Security Policy" in text]


def test_lesson_and_teacher_pages_run_without_csp_violations(server, visit, monkeypatch, screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "csp", "Guru CSP")
    watched = Watched(visit)
    v, collect = watched.v, watched.collect

    for path in ("diagram", "presentasi", "materi?bagian=proses-profesi"):
        page = v.open(f"{server.url}/{path}")
        assert page.get_by_test_id("stException").count() == 0, path
        collect(page)
    page = sign_in(v, f"{server.url}/kelas", "csp")
    wait_for_cookie(v)
    create_class(v, page, "XI IPS CSP")
    expect(page.get_by_test_id("stMain").get_by_role("img").first).to_be_visible()
    collect(page)
    shoot(page, screenshot_dir, "csp-kelas-qr.png")
    watched.assert_clean()


def test_the_exam_countdown_and_its_plotly_results_run_without_csp_violations(quiz_server, visit):
    watched = Watched(visit)
    page = start_exam(watched.v, quiz_server.url, "Kuis Singkat Berwaktu")
    expect(page.get_by_role("timer")).to_contain_text("Sisa waktu")  # the countdown, no longer in an iframe
    watched.collect(page)
    page.get_by_text("Kelompok okupasional").click()
    watched.v.settle()
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    watched.v.settle()
    page.get_by_role("button", name="Ya, kumpulkan sekarang").click()
    watched.v.settle()
    expect(page.get_by_test_id("stPlotlyChart")).to_be_visible(timeout=20_000)
    watched.collect(page)
    watched.assert_clean()
