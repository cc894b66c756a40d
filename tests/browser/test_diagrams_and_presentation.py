"""Diagrams react to clicks and the stepper; the presentation is readable from the back of a classroom."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def _node(page, index: int):
    """The index-th stage marker of the first diagram (plotly draws markers as path.point)."""
    return page.get_by_test_id("stPlotlyChart").first.locator(".scatterlayer .trace").first.locator(".point").nth(index)


def _click_node(page, index: int) -> None:
    box = _node(page, index).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _fill(page, index: int) -> str:
    return _node(page, index).evaluate("el => getComputedStyle(el).fill")


def test_clicking_a_stage_node_opens_its_details_beside_the_diagram(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/diagram?diagram=profesi-sepuluh-tahap")
    _node(page, 0).wait_for(timeout=20_000)
    _click_node(page, 3)
    v.settle()
    detail = page.locator(".st-key-diagram-profesi-sepuluh-tahap-detail")
    detail.wait_for(timeout=20_000)
    assert "4. Asosiasi Profesi" in detail.inner_text()
    _node(page, 0).wait_for(timeout=20_000)
    assert _fill(page, 3) == "rgb(230, 159, 0)", "the clicked stage is highlighted"
    page.screenshot(path=str(screenshot_dir / "diagram-klik-desktop.png"), full_page=True)
    assert v.outside_requests() == []


def test_stepper_moves_the_highlight_stage_by_stage(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/diagram?diagram=volunteer-siklus")
    page.get_by_role("button", name="Tahap berikutnya →").click()
    v.settle()
    page.get_by_role("button", name="Tahap berikutnya →").click()
    v.settle()
    assert page.get_by_text("Tahap 2 dari 4").is_visible()
    _node(page, 0).wait_for(timeout=20_000)
    assert _fill(page, 1) == "rgb(230, 159, 0)"
    assert _fill(page, 0) != "rgb(230, 159, 0)"


def test_presentation_text_is_large_and_next_advances_and_the_slide_survives_reload(server, visit, screenshot_dir):
    v = visit("projector")
    page = v.open(f"{server.url}/presentasi?slide=2")
    slide = page.locator(".st-key-lk-slide")
    expect(slide.locator("li").first).to_have_css("font-size", "32px")  # the stylesheet may arrive a moment later
    size = slide.locator("li").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 28
    heading = slide.locator("h1").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert heading > size
    page.screenshot(path=str(screenshot_dir / "presentasi-projector.png"))
    page.get_by_role("button", name="Berikutnya →").click()
    v.settle()
    page.wait_for_function("() => location.search.includes('slide=3')", timeout=10_000)
    page.reload()
    v.settle()
    assert "Slide 3 dari" in page.locator(".st-key-lk-slide").inner_text()
    page.screenshot(path=str(screenshot_dir / "presentasi-tahap-projector.png"))
    assert v.outside_requests() == []


def test_question_slide_reveals_the_answer_on_click(server, visit, screenshot_dir):
    v = visit("projector")
    page = v.open(f"{server.url}/presentasi")
    while page.get_by_text("Ayo diskusikan").count() == 0:
        page.get_by_role("button", name="Berikutnya →").click()
        v.settle()
    assert page.get_by_text("Pembahasan.").count() == 0
    page.get_by_role("button", name="Tampilkan jawaban").click()
    v.settle()
    assert page.get_by_text("Pembahasan.", exact=False).first.is_visible()
    page.screenshot(path=str(screenshot_dir / "presentasi-soal-projector.png"))


def test_presentation_on_a_phone(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/presentasi?slide=4")
    assert page.get_by_test_id("stException").count() == 0
    page.screenshot(path=str(screenshot_dir / "presentasi-phone.png"))
