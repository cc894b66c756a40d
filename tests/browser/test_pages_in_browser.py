"""Every page in navigation renders in Chromium with no exception and no request leaving localhost."""

from __future__ import annotations

import pytest

from tests.browser.harness import Server
from ui.nav import PAGES, listed

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_renders_offline_without_exception(server, visit, screenshot_dir, viewport):
    v = visit(viewport)
    for spec in PAGES:
        page = v.open(f"{server.url}/{'' if spec.key == 'beranda' else spec.key}")
        page.wait_for_timeout(300)
        assert page.get_by_test_id("stException").count() == 0, spec.key
        assert page.locator("h1").count() >= 1, spec.key
        page.screenshot(path=str(screenshot_dir / f"{spec.key}-{viewport}.png"), full_page=True)
    assert v.outside_requests() == []


def test_navigation_lists_every_page_and_each_link_opens_it(server, visit):
    v = visit("desktop")
    page = v.open(server.url)
    nav = page.get_by_test_id("stSidebarNav")
    for spec in [s for s in PAGES if listed(s, teacher=None)]:
        expand = page.get_by_test_id("stExpandSidebarButton")  # the presentation page starts it collapsed
        if expand.count():
            expand.click()
        nav.get_by_role("link", name=spec.title, exact=True).click()
        v.settle()
        assert page.get_by_test_id("stException").count() == 0, spec.key
    assert nav.get_by_role("link", name="Kelas Saya").count() == 0, "teacher pages are not listed for students"
    assert v.outside_requests() == []


def test_section_deep_link_survives_a_reload_and_next_updates_the_url(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/materi?bagian=proses-volunteer")
    heading = page.locator("h1").first.inner_text()
    assert "Volunteer" in heading
    page.reload()
    v.settle()
    assert page.locator("h1").first.inner_text() == heading
    page.get_by_role("button", name="Berikutnya: ", exact=False).click()
    v.settle()
    page.wait_for_timeout(300)
    assert "bagian=wawasan-relawan" in page.url
    assert "✓" in page.get_by_test_id("stSidebar").inner_text()


def test_glossary_link_opens_the_section_that_explains_the_term(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/glosarium")
    page.get_by_label("Cari istilah").fill("kode etik")
    page.keyboard.press("Enter")
    v.settle()
    page.get_by_role("link", name="Baca di bagian", exact=False).first.click()
    v.settle()
    assert "bagian=" in page.url
    assert page.get_by_test_id("stException").count() == 0


def test_first_visit_to_a_fresh_server_through_a_deep_link_uses_the_app_navigation(tmp_path, visit):
    """A teacher's shared link is often the first request a just-started server gets."""
    fresh = Server(tmp_path).start()
    try:
        v = visit("desktop")
        page = v.open(f"{fresh.url}/materi?bagian=perbandingan")
        nav = page.get_by_test_id("stSidebarNav").inner_text()
        assert "Belajar" in nav and "Materi" in nav and "app" not in nav.split()
        assert "Persamaan" in page.locator("h1").first.inner_text()
    finally:
        fresh.stop()
