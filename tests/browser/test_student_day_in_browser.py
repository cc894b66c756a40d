"""A student's day on a phone and a projector that never jumps (issue #24): the layout each page asks for on every
rerun, a diagram selector that takes every choice, scrolling to a new section and to a tapped stage, the flashcard
queue and the ordering widget by keyboard and by touch."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_keyboard import ORDER, Keyboard, ordering_by_keyboard, ordering_rows, pick_and_start

pytestmark = pytest.mark.browser

WIDE = 1200  # px: the main block at 1920 wide is ~1800 in the wide layout, 736 in the centered one


def _main_width(page) -> float:
    return page.get_by_test_id("stMainBlockContainer").bounding_box()["width"]


def test_the_projector_layout_stays_wide_over_30_slide_changes_a_reveal_and_the_diagram_page(server, visit):
    v = visit("projector")
    page = v.open(f"{server.url}/presentasi?slide=1")
    widths = [_main_width(page)]
    for _ in range(30):
        forward = page.get_by_role("button", name="Berikutnya →")
        (forward if forward.is_enabled() else page.get_by_role("button", name="← Sebelumnya")).click()
        v.settle()
        widths.append(_main_width(page))
    assert min(widths) > WIDE, f"narrow after a slide change: {[round(w) for w in widths]}"
    while page.get_by_role("button", name="Tampilkan jawaban").count() == 0:
        page.get_by_role("button", name="← Sebelumnya").click()
        v.settle()
    page.get_by_role("button", name="Tampilkan jawaban").click()
    v.settle()
    assert _main_width(page) > WIDE
    page = v.open(f"{server.url}/diagram?diagram=profesi-sepuluh-tahap")
    for _ in range(5):
        page.get_by_role("button", name="Tahap berikutnya →").click()
        v.settle()
        assert _main_width(page) > WIDE


def test_the_diagram_selector_takes_every_choice_back_and_forth_and_the_url_follows(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/diagram?diagram=profesi-sepuluh-tahap")
    select = page.get_by_test_id("stSelectbox")
    options = {"Dua Proses Berdampingan": "perbandingan-proses", "Siklus Pembentukan": "volunteer-siklus",
               "Sepuluh Tahap": "profesi-sepuluh-tahap"}
    for round_ in range(2):
        for title, diagram in options.items():
            select.click()
            page.get_by_role("option", name=title).first.click()
            v.settle()
            expect(page.get_by_role("combobox", name="Pilih diagram")).to_have_value(re.compile(title))
            expect(page.locator(f".st-key-diagram-{diagram}-picture")).to_have_count(1)
            assert f"diagram={diagram}" in page.url, (round_, title, page.url)


def test_a_phone_shows_the_card_and_its_buttons_on_the_first_screen_and_belum_tahu_moves_on(server, visit,
                                                                                            screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/kartu")
    card = page.locator(".st-key-flashcard h2")
    seen = []
    for _ in range(3):
        seen.append(card.inner_text())
        page.get_by_role("button", name="Tampilkan arti (Spasi)").click()
        v.settle()
        unknown = page.get_by_role("button", name="Belum tahu (T)")
        box = unknown.bounding_box()
        assert box["y"] + box["height"] <= 844, f"'Belum tahu' ends at {box['y'] + box['height']:.0f} px"
        if len(seen) == 1:
            page.screenshot(path=str(screenshot_dir / "kartu-phone.png"))
        unknown.click()
        v.settle()
    assert len(set(seen)) == 3, seen


def _ordering_box(page):
    return page.get_by_text("Urutkan tahapnya.").locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")


def test_an_exam_ordering_question_is_put_in_order_by_keyboard_alone(quiz_server, visit):
    v = visit("desktop")
    page = v.open(f"{quiz_server.url}/ujian")
    kb = Keyboard(v)
    pick_and_start(kb, "Sumber soal", "Kuis Semua Jenis", "Mulai ujian")
    ordering_by_keyboard(kb, settle=True)
    expect(_ordering_box(page).get_by_text("✓ Jawaban tercatat")).to_be_visible()
    assert kb.unseen == []


def test_a_phone_puts_an_ordering_question_in_order_by_tapping_and_sees_every_item(quiz_server, visit, screenshot_dir):
    v = visit("phone", touch=True)
    page = v.open(f"{quiz_server.url}/ujian")
    page.get_by_role("combobox", name="Sumber soal").tap()
    page.get_by_role("option", name="Kuis Semua Jenis").tap()
    v.settle()
    page.get_by_role("button", name="Mulai ujian").tap()
    v.settle()
    box = _ordering_box(page)
    box.scroll_into_view_if_needed()
    for row in page.locator("[class*='-row-']").all():
        edge = row.bounding_box()
        assert edge["x"] >= 0 and edge["x"] + edge["width"] <= 390, "every item fits the phone's width"
        for button in row.get_by_role("button").all():
            size = button.bounding_box()
            assert size["width"] >= 44 and size["height"] >= 44, "a touch target of at least 44 px"
    page.screenshot(path=str(screenshot_dir / "mengurutkan-phone.png"))
    for target, text in enumerate(ORDER):
        while (current := ordering_rows(page).index(text)) > target:
            page.locator(f"[class*='-up-{current}'] button:visible").tap()
            v.settle()
    assert ordering_rows(page) == ORDER
    expect(box.get_by_text("✓ Jawaban tercatat")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "mengurutkan-phone-urut.png"))


def _on_screen(locator, height: int = 844) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] < height - 40


def test_berikutnya_and_the_table_of_contents_open_a_section_at_its_heading_on_a_phone(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/materi?bagian=pengantar")
    for _ in range(2):
        forward = page.get_by_role("button", name=re.compile(r"^Berikutnya: "))
        forward.scroll_into_view_if_needed()
        title = forward.inner_text().removeprefix("Berikutnya: ").removesuffix(" →").strip()
        assert not _on_screen(page.locator("h1").first), "the test starts at the end of the section"
        forward.click()
        v.settle()
        expect(page.locator("h1").first).to_contain_text(title)
        page.wait_for_timeout(300)
        assert _on_screen(page.locator("h1").first), f"'{title}' opened away from its heading"
    page.screenshot(path=str(screenshot_dir / "materi-berikutnya-phone.png"))
    page.get_by_role("button", name=re.compile(r"^Berikutnya: ")).scroll_into_view_if_needed()
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_test_id("stSidebar").get_by_role("button", name=re.compile(r"^(✓ )?1\. ")).click()
    v.settle()
    page.wait_for_timeout(300)
    assert _on_screen(page.locator("h1").first), "the table of contents opened away from the heading"


def test_tapping_a_stage_on_a_phone_brings_its_detail_on_screen(server, visit, screenshot_dir):
    v = visit("phone", touch=True)
    page = v.open(f"{server.url}/diagram?diagram=profesi-sepuluh-tahap")
    stage = page.get_by_role("button", name=re.compile(r"^Tahap 7: "))
    stage.scroll_into_view_if_needed()
    stage.tap()
    v.settle()
    detail = page.locator(".st-key-diagram-profesi-sepuluh-tahap-detail")
    expect(detail).to_contain_text("7. ")
    page.wait_for_timeout(300)
    assert _on_screen(detail), f"the detail is at y={detail.bounding_box()['y']:.0f} on an 844 px screen"
    page.screenshot(path=str(screenshot_dir / "diagram-tahap-phone.png"))
