"""Diagrams: a stage is selected by click and by keyboard, stepped through, explained beside, and given as text;
the presentation is readable from the back of a classroom."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TEN = "diagram?diagram=profesi-sepuluh-tahap"
DETAIL = ".st-key-diagram-profesi-sepuluh-tahap-detail"
STEP_BYTES = 12_000  # websocket bytes one "Tahap berikutnya" may cost (~10.5 KB); sending the drawings again: ~40 KB


def _stage(page, name: str):
    return page.get_by_role("button", name=name)


def test_clicking_a_stage_opens_its_details_beside_the_diagram(server, visit, screenshot_dir):
    v = visit("desktop")
    scripts = []
    v.page.on("response", lambda r: scripts.append(r) if r.request.resource_type == "script"
              and r.url.startswith("http") else None)
    page = v.open(f"{server.url}/{TEN}")
    stage = _stage(page, "Tahap 4: Asosiasi Profesi")
    expect(stage).to_have_attribute("aria-pressed", "false")
    stage.click()
    v.settle()
    expect(page.locator(DETAIL)).to_contain_text("4. Asosiasi Profesi")
    expect(stage).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("Tahap 4 dari 10")).to_be_visible()
    chart, detail = page.locator("[data-lk-diagram]").bounding_box(), page.locator(DETAIL).bounding_box()
    assert detail["x"] >= chart["x"] + chart["width"] - 1, "the details sit beside the diagram"
    assert all("plotly" not in r.url.lower() for r in scripts), "no chart library for a stage diagram"
    assert [r.url for r in scripts if r.headers.get("content-encoding") != "gzip"
            and int(r.headers.get("content-length", 0)) >= 1024] == []
    page.locator("[data-lk-diagram]").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "diagram-klik-desktop.png"))
    assert v.outside_requests() == []


def test_keyboard_moves_between_stages_and_enter_selects_one_with_a_visible_focus_ring(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/{TEN}")
    _stage(page, "Tahap 1: Identifikasi Kebutuhan dan Keahlian").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    third = _stage(page, re.compile(r"^Tahap 3: "))
    expect(third).to_be_focused()
    ring = third.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert ring.startswith("solid") and float(ring.split()[1].removesuffix("px")) >= 2
    page.keyboard.press("Enter")
    v.settle()
    expect(page.locator(DETAIL)).to_contain_text("3. Sertifikasi dan Lisensi")
    expect(third).to_have_attribute("aria-pressed", "true")
    expect(third).to_be_focused()  # the rerun keeps the reader's place
    page.keyboard.press("End")
    expect(_stage(page, re.compile(r"^Tahap 10: "))).to_be_focused()
    page.keyboard.press("Space")
    v.settle()
    expect(page.locator(DETAIL)).to_contain_text("10. ")
    page.locator("[data-lk-diagram]").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "diagram-keyboard-desktop.png"))


def test_stepper_moves_the_selection_stage_by_stage(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/diagram?diagram=volunteer-siklus")
    for _ in range(2):
        page.get_by_role("button", name="Tahap berikutnya →").click()
        v.settle()
    expect(page.get_by_text("Tahap 2 dari 4")).to_be_visible()
    expect(_stage(page, re.compile(r"^Tahap 2: "))).to_have_attribute("aria-pressed", "true")
    expect(_stage(page, re.compile(r"^Tahap 1: "))).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="← Tahap sebelumnya").click()
    v.settle()
    expect(_stage(page, re.compile(r"^Tahap 1: "))).to_have_attribute("aria-pressed", "true")


def test_a_stage_step_sends_a_few_kilobytes_not_the_drawings_again_and_a_reload_draws_them(server, visit):
    v = visit("desktop")
    received = []
    v.page.on("websocket", lambda socket: socket.on(
        "framereceived", lambda payload: received.append(len(payload) if isinstance(payload, bytes) else len(payload))))
    page = v.open(f"{server.url}/{TEN}")
    assert sum(received) > 30_000, "the first visit carries the drawings"
    for number in (1, 2, 3):
        received.clear()
        page.get_by_role("button", name="Tahap berikutnya →").click()
        v.settle()
        expect(page.get_by_text(f"Tahap {number} dari 10")).to_be_visible()
        assert sum(received) < STEP_BYTES, f"step {number} sent {sum(received)} bytes"
    expect(_stage(page, re.compile(r"^Tahap 3: "))).to_have_attribute("aria-pressed", "true")
    highlighted = page.locator("[data-lk-diagram] g.lk-on")
    expect(highlighted).to_have_count(1)
    expect(highlighted).to_have_attribute("data-stage", re.compile(r".+"))
    assert highlighted.locator("text").text_content() == "3"
    page.reload()
    v.settle()
    expect(page.locator("[data-lk-diagram] svg")).to_be_visible()
    menu = page.locator("[data-testid='stSidebarNav']")
    menu.get_by_role("link", name="Glosarium").click()  # within the session: the page keeps the drawings
    v.settle()
    menu.get_by_role("link", name="Diagram Proses").click()
    v.settle()
    expect(page.locator("[data-lk-diagram] svg")).to_be_visible()


def test_text_version_lists_every_stage_of_the_comparison(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/diagram?diagram=perbandingan-proses")
    page.get_by_text("Versi teks (untuk dibaca atau dicetak)").click()
    text = page.get_by_test_id("stExpanderDetails").last
    for title in ("Memilih Anggota yang Kompeten", "Penggalangan Sukarelawan", "Perbedaan utama"):
        expect(text).to_contain_text(title, ignore_case=True)
    right = _stage(page, re.compile(r"^Siklus .*tahap 1: "))
    right.click()
    v.settle()
    expect(right).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".st-key-diagram-perbandingan-proses-detail")).to_contain_text("1. ")


def test_a_phone_gets_the_stacked_diagram_and_can_select_a_stage(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/materi?bagian=proses-profesi")
    picture = page.locator("[data-lk-diagram]").first
    picture.scroll_into_view_if_needed()
    box = picture.locator("svg").bounding_box()
    assert box["width"] <= 390 and box["height"] > 1.5 * box["width"], "stages stacked, not shrunk"
    stage = _stage(page, re.compile(r"^Tahap 2: "))
    stage.click()
    v.settle()
    expect(stage).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".st-key-materi-profesi-sepuluh-tahap-detail")).to_contain_text("2. Pendidikan dan Pelatihan")
    page.screenshot(path=str(screenshot_dir / "materi-diagram-phone.png"))


def test_presentation_text_is_large_and_next_advances_and_the_slide_survives_reload(server, visit, screenshot_dir):
    v = visit("projector")
    page = v.open(f"{server.url}/presentasi?slide=2")
    slide = page.locator(".st-key-lk-slide")
    expect(slide.locator("li").first).to_have_css("font-size", "32px")
    expect(slide.locator("h1").first).to_have_css("font-size", "60px")
    page.screenshot(path=str(screenshot_dir / "presentasi-projector.png"))
    page.get_by_role("button", name="Berikutnya →").click()
    v.settle()
    page.wait_for_function("() => location.search.includes('slide=3')", timeout=15_000)
    page.reload()
    v.settle()
    expect(page.locator(".st-key-lk-slide")).to_contain_text("Slide 3 dari")
    page.screenshot(path=str(screenshot_dir / "presentasi-tahap-projector.png"))
    assert v.outside_requests() == []


def test_question_slide_reveals_the_answer_on_click(server, visit, screenshot_dir):
    v = visit("projector")
    page = v.open(f"{server.url}/presentasi")
    while page.get_by_text("Ayo diskusikan").count() == 0:
        page.get_by_role("button", name="Berikutnya →").click()
        v.settle()
    expect(page.get_by_text("Pembahasan.")).to_have_count(0)
    page.get_by_role("button", name="Tampilkan jawaban").click()
    v.settle()
    expect(page.get_by_text("Pembahasan.", exact=False).first).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "presentasi-soal-projector.png"))


def test_presentation_on_a_phone(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/presentasi?slide=4")
    expect(page.locator(".st-key-lk-slide")).to_contain_text("Slide 4 dari")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=str(screenshot_dir / "presentasi-phone.png"))
