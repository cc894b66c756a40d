"""Issue #24, defects 7 and 8, in Chromium: ``/beranda`` opens the home page, the glossary filters as one types and
forgives a typo, the ⋮ menu and the Spasi shortcut hint speak Indonesian, and a checked practice question marks
the chosen and the right option with colour and a mark (screenshots light and dark, on a phone and a laptop)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.english import english_on_page
from tests.browser.flows import create_class, make_teacher, sign_in, start_practice

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

COLOUR = "(e) => getComputedStyle(e).color"
BACKGROUND = "() => getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor"


def test_beranda_by_its_own_address_opens_the_home_page_in_indonesian(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/beranda?asal=tautan")
    expect(page.get_by_role("heading", name="Kelompok Profesi dan Kelompok Volunteer").first).to_be_visible()
    assert urlparse(page.url).path == "/" and urlparse(page.url).query == "asal=tautan"
    expect(page.get_by_text("Page not found")).to_have_count(0)
    assert english_on_page(page) == []


def test_a_mistyped_address_is_told_in_indonesian_and_opens_the_home_page(server, visit):
    v = visit("phone")
    page = v.open(f"{server.url}/glosarim")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Halaman tidak ditemukan")
    expect(dialog).to_contain_text("Halaman yang kamu minta tidak ada. Yang dibuka halaman Beranda.")
    assert english_on_page(page) == []


def test_the_glossary_filters_while_one_types_without_enter_and_forgives_a_typo(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/glosarium")
    page.get_by_label("Cari istilah").press_sequentially("voluntir", delay=40)  # no Enter
    expect(page.get_by_text("Kelompok volunteer", exact=True)).to_be_visible()
    expect(page.get_by_text("Kode etik", exact=True)).to_have_count(0)
    assert english_on_page(page) == []  # no "Press Enter to apply" under the box
    v.settle()
    assert english_on_page(page) == []
    page.screenshot(path=str(screenshot_dir / "glosarium-voluntir-phone.png"), full_page=True)


def test_the_menu_and_the_shortcut_hint_speak_indonesian_and_the_theme_still_switches(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/kartu")
    expect(page.get_by_role("button", name="Tampilkan arti (Spasi)").locator("kbd")).to_have_text("Spasi")
    page.get_by_test_id("stMainMenuButton").click()
    menu = page.get_by_test_id("stMainMenuList")
    for word in ("Sistem", "Terang", "Gelap"):
        expect(menu.get_by_role("menuitemradio", name=word)).to_be_visible()
    expect(menu.get_by_role("menuitem", name="Tentang")).to_be_visible()
    expect(page.get_by_test_id("stMainMenuPopover")).to_contain_text("Dibuat dengan Streamlit v")
    assert english_on_page(page) == []
    page.screenshot(path=str(screenshot_dir / "menu-kartu-desktop.png"))
    light = page.evaluate(BACKGROUND)
    menu.get_by_role("menuitemradio", name="Gelap").click()
    page.wait_for_function(f"() => ({BACKGROUND})() !== {light!r}")
    assert page.evaluate(BACKGROUND) == "rgb(21, 24, 29)"  # [theme.dark] backgroundColor


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_checked_practice_question_marks_the_chosen_and_the_right_option_with_colour_and_a_mark(
        quiz_server, visit, screenshot_dir, viewport, scheme):
    v = visit(viewport)
    v.page.emulate_media(color_scheme=scheme)
    page = start_practice(v, quiz_server.url, "Kuis Lengkap")
    plain = page.get_by_test_id("stRadio").first.get_by_text("Kelompok volunter").evaluate(COLOUR)
    page.get_by_text("Kelompok kekerabatan").click()
    v.settle()
    page.get_by_role("button", name="Periksa").click()
    v.settle()
    options = page.get_by_test_id("stRadio").first
    wrong, right = options.get_by_text("✗", exact=False), options.get_by_text("✓", exact=False)
    expect(wrong).to_contain_text("Kelompok kekerabatan")
    expect(right).to_contain_text("Kelompok okupasional")
    colours = {wrong.evaluate(COLOUR), right.evaluate(COLOUR), plain}
    assert len(colours) == 3, f"wrong, right and an unmarked option share a colour: {colours}"
    assert english_on_page(page) == []
    page.screenshot(path=str(screenshot_dir / f"latihan-tanda-{viewport}-{scheme}.png"), full_page=True)

    page.get_by_role("button", name="Soal berikutnya →").click()
    v.settle()
    grid = page.get_by_test_id("stRadio")
    for statement in ("Relawan bekerja", "Kode etik hanya"):
        grid.filter(has_text=statement).get_by_text("Benar", exact=True).click()
        v.settle()
    page.get_by_role("button", name="Periksa").click()
    v.settle()
    expect(grid.filter(has_text="Relawan bekerja").get_by_text("✓ ", exact=False).first).to_be_visible()
    statement = grid.filter(has_text="Kode etik hanya")
    expect(statement.get_by_text("✗ ", exact=False).first).to_contain_text("Kode etik hanya")
    expect(statement.get_by_text("✓ Salah", exact=True)).to_be_visible()
    expect(statement.get_by_text("✗ Benar", exact=True)).to_be_visible()
    page.screenshot(path=str(screenshot_dir / f"latihan-tanda-benar-salah-{viewport}-{scheme}.png"), full_page=True)


def test_the_hint_under_a_text_box_being_typed_in_is_indonesian(server, visit):
    v = visit("desktop")
    page = v.open(server.url)
    if page.get_by_test_id("stExpandSidebarButton").count():
        page.get_by_test_id("stExpandSidebarButton").click()
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    sidebar.get_by_label("Nama panggilan").press_sequentially("Ana")  # typed, not applied yet
    expect(sidebar.get_by_test_id("InputInstructions")).to_contain_text("Tekan Enter untuk menerapkan")
    assert english_on_page(page) == []


def test_the_class_exams_date_fields_and_their_calendar_speak_indonesian_to_a_screen_reader(server, visit, monkeypatch,
                                                                                          screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "guru_kalender", "Bu Kalender")
    v = visit("desktop")
    create_class(v, sign_in(v, f"{server.url}/kelas", "guru_kalender"), "XI IPS Kalender")
    page = v.open(f"{server.url}/ujian-kelas")  # a class without exams opens the form
    field = page.get_by_test_id("stDateInput").first
    field.get_by_role("button", name="Pilih tanggal").click()
    calendar = page.get_by_role("dialog", name="Pilih tanggal")
    expect(calendar).to_be_visible()
    expect(calendar.get_by_role("button", name="Bulan berikutnya")).to_be_visible()
    expect(calendar.locator("[aria-label^='Hari ini, ']")).to_have_count(1)
    page.screenshot(path=str(screenshot_dir / "ujian-kelas-kalender.png"))
    assert english_on_page(page) == []
