"""The navigation, deep links and first visits in Chromium. That every page renders offline, without an
exception and without English from Streamlit's widgets is proven by the axe walk (``test_accessibility.py``),
which loads every page first."""

from __future__ import annotations

import pytest

from tools.harness import Server
from ui.nav import PAGES, listed

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_navigation_lists_every_page_and_each_link_opens_it(server, visit):
    v = visit("desktop")
    page = v.open(server.url)
    nav = page.get_by_test_id("stSidebarNav")
    for spec in [s for s in PAGES if listed(s, signed_in=False)]:
        expand = page.get_by_test_id("stExpandSidebarButton")  # the presentation page starts it collapsed
        if expand.count():
            expand.click()
        nav.get_by_role("link", name=spec.title, exact=True).click()
        v.settle()
        page.wait_for_url(f"**/{'' if spec.key == 'beranda' else spec.key}*")
        expect(page.locator("h1").first).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(nav.get_by_role("link", name="Kelas Saya")).to_have_count(0)  # teacher pages are not listed for students
    assert v.outside_requests() == []


def test_section_deep_link_survives_a_reload_and_next_updates_the_url(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/materi?bagian=proses-volunteer")
    heading = page.locator("h1").first
    expect(heading).to_contain_text("Volunteer")
    title = heading.inner_text()
    page.reload()
    v.settle()
    expect(page.locator("h1").first).to_have_text(title)
    page.get_by_role("button", name="Berikutnya: ", exact=False).click()
    v.settle()
    page.wait_for_function("() => location.search.includes('bagian=wawasan-relawan')", timeout=15_000)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("✓")


def test_glossary_link_opens_the_section_that_explains_the_term(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/glosarium")
    page.get_by_label("Cari istilah").fill("kode etik")
    page.keyboard.press("Enter")
    v.settle()
    page.get_by_role("link", name="Baca di bagian", exact=False).first.click()
    v.settle()
    page.wait_for_function("() => location.search.includes('bagian=')", timeout=15_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_first_visit_to_a_fresh_server_through_a_deep_link_uses_the_app_navigation_in_indonesian(tmp_path, visit):
    """A teacher's shared link is often the first request a just-started server gets."""
    fresh = Server(tmp_path).start()
    try:
        v = visit("desktop")
        page = v.open(f"{fresh.url}/materi?bagian=perbandingan")
        expect(page.locator("h1").first).to_contain_text("Persamaan")
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav).to_contain_text("Belajar")
        expect(nav).to_contain_text("Materi")
        assert "app" not in nav.inner_text().split()
        assert page.evaluate("document.documentElement.lang") == "id", "a cold deep link is served as Indonesian"
        nav.get_by_role("link", name="Glosarium", exact=True).click()
        v.settle()
        page.wait_for_url("**/glosarium")
        assert page.evaluate("document.documentElement.lang") == "id", "still Indonesian after navigating"
        page.reload()
        v.settle()
        assert page.evaluate("document.documentElement.lang") == "id", "and after a reload of another page"
    finally:
        fresh.stop()
