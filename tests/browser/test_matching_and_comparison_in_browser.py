"""Matching distractors on screen (practice and a projector slide) and the comparison with an unpaired stage."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import running
from tests.pages.test_matching_and_comparison_pages import matching_slide

pytestmark = pytest.mark.browser
QUIZ = """\
id: kuis-jodoh
title: Kuis Menjodohkan
questions:
  - id: j-01
    type: matching
    level: L2
    section: pengantar
    prompt: Pasangkan setiap contoh dengan jenis kelompoknya.
    explanation: Pembahasan singkat.
    pairs:
      - {left: Ikatan bidan di sebuah kabupaten, right: Kelompok profesi}
      - {left: Pemuda yang membuka dapur umum saat banjir, right: "Kelompok *volunteer*"}
      - {left: Keluarga besar keturunan satu kakek buyut, right: Kelompok kekerabatan}
    distractors: [Masyarakat setempat (komunitas)]
"""


@pytest.fixture(scope="module")
def matching_server(tmp_path_factory):
    quizzes = tmp_path_factory.mktemp("kuis")
    (quizzes / "jodoh.yaml").write_text(QUIZ, encoding="utf-8")
    with running(tmp_path_factory.mktemp("jodohdata"), quizzes) as srv:
        yield srv


def test_practice_matching_lists_the_distractor_without_markdown_marks(matching_server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{matching_server.url}/latihan")
    page.get_by_test_id("stButtonGroup").get_by_text("Kuis", exact=True).click()
    v.settle()
    page.get_by_role("button", name="Mulai latihan").click()
    v.settle()
    expect(page.get_by_text("Ada pilihan yang tidak punya pasangan.", exact=False)).to_be_visible()
    page.get_by_test_id("stSelectbox").filter(has_text="Ikatan bidan").click()
    expect(page.get_by_role("option", name="Masyarakat setempat (komunitas)")).to_be_visible()
    expect(page.get_by_role("option", name="Kelompok volunteer", exact=True)).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "latihan-menjodohkan-desktop.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0
    assert v.outside_requests() == []


@pytest.mark.parametrize("device", ["projector", "phone"])
def test_matching_slide_marks_the_distractor_after_the_answer_is_shown(server, visit, screenshot_dir, device):
    v = visit(device)
    page = v.open(f"{server.url}/presentasi?slide={matching_slide()}")
    slide = page.locator(".st-key-lk-slide")
    expect(slide.get_by_text("Ayo diskusikan")).to_be_visible()
    assert slide.get_by_text("tidak punya pasangan").count() == 0
    page.get_by_role("button", name="Tampilkan jawaban").click()
    v.settle()
    expect(slide.get_by_text("tidak punya pasangan").first).to_be_visible()
    page.screenshot(path=str(screenshot_dir / f"presentasi-menjodohkan-{device}.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_comparison_shows_a_stage_without_a_counterpart(server, visit, screenshot_dir, device):
    v = visit(device)
    page = v.open(f"{server.url}/diagram?diagram=perbandingan-proses")
    expect(page.locator("[data-lk-diagram] svg").first).to_be_visible(timeout=20_000)
    expect(page.get_by_text("tidak ada padanan").first).to_be_attached()
    page.screenshot(path=str(screenshot_dir / f"diagram-perbandingan-{device}.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0
