"""The Content-Security-Policy (server/security_headers.py) in Chromium: the diagram, the presentation, the
teacher's sign-in with its cookie request and a class's QR code run without a single violation."""

from __future__ import annotations

import pytest

from tests.browser.flows import create_class, make_teacher, shoot, sign_in, wait_for_cookie

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

LISTEN = """document.addEventListener("securitypolicyviolation", (event) => {
  (window.top.__cspViolations ||= []).push(`${event.violatedDirective} ${event.blockedURI}`);
});"""


def test_lesson_and_teacher_pages_run_without_csp_violations(server, visit, monkeypatch, screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "csp", "Guru CSP")
    v = visit("desktop")
    v.context.add_init_script(LISTEN)
    console = []
    v.page.on("console", lambda message: console.append(message.text))
    violations = []

    def collect(page):
        page.wait_for_timeout(500)
        violations.extend(f"{page.url}: {found}" for found in page.evaluate("window.__cspViolations || []"))
        page.evaluate("window.__cspViolations = []")

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
    assert violations == [], violations
    assert not [text for text in console if "Content Security Policy" in text]
