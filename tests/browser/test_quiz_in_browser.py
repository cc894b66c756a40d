"""A student practises one question and takes whole exams in Chromium, including the timer running out."""

from __future__ import annotations

import re

import pytest

from tests.browser.english import english_on_page
from tests.browser.flows import cut_off, start_exam, start_practice

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_practice_one_question_shows_feedback_and_explanation(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = start_practice(v, quiz_server.url, "Kuis Lengkap")
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    page.get_by_role("button", name="Periksa").click()
    v.settle()
    expect(page.get_by_test_id("stAlert").filter(has_text="skor 100%")).to_be_visible()
    expect(page.get_by_text("Tepat sekali.")).to_be_visible()
    expect(page.get_by_text("Pembahasan.", exact=False).first).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "latihan-feedback-desktop.png"), full_page=True)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert v.outside_requests() == []


def test_full_exam_answered_and_submitted_shows_score_chart_and_review(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = start_exam(v, quiz_server.url, "Kuis Lengkap")
    expect(page.get_by_text("Pembahasan")).to_have_count(0)
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    groups = page.get_by_test_id("stRadio")
    groups.filter(has_text="Relawan bekerja").get_by_text("Benar", exact=True).click()
    v.settle()
    groups.filter(has_text="Kode etik hanya").get_by_text("Salah", exact=True).click()
    v.settle()
    box = page.get_by_label(re.compile("Jawabanmu"))
    box.fill("Kode etik")
    box.press("Enter")
    v.settle()
    expect(page.get_by_text("✓ Jawaban tercatat")).to_have_count(3)
    page.screenshot(path=str(screenshot_dir / "ujian-berjalan-desktop.png"), full_page=True)
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    expect(page.get_by_test_id("stMetric").filter(has_text="Nilai")).to_contain_text(re.compile(r"100\s*$"))
    expect(page.get_by_test_id("stPlotlyChart")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stMain").get_by_test_id("stExpander")).to_have_count(3)
    page.screenshot(path=str(screenshot_dir / "ujian-hasil-desktop.png"), full_page=True)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert v.outside_requests() == []


def test_exam_submits_itself_when_time_runs_out(quiz_server, visit, screenshot_dir):
    v = visit("phone")
    page = start_exam(v, quiz_server.url, "Kuis Singkat Berwaktu")
    expect(page.get_by_role("timer")).to_contain_text("Sisa waktu")
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    expect(page.get_by_text("Waktu habis. Jawabanmu dikumpulkan otomatis", exact=False)).to_be_visible(
        timeout=40_000)
    v.settle()
    expect(page.get_by_test_id("stMetric").filter(has_text="Jawaban benar")).to_contain_text("1 dari 3")
    page.screenshot(path=str(screenshot_dir / "ujian-waktu-habis-phone.png"), full_page=True)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_on_a_phone_the_exam_bar_stays_in_view_counts_answers_and_the_score_comes_first(
        quiz_server, visit, screenshot_dir):
    v = visit("phone")
    page = start_exam(v, quiz_server.url, "Kuis Lengkap")
    bar = page.locator(".lk-exam-bar")
    expect(bar).to_contain_text("0/3 dijawab")
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    expect(bar).to_contain_text("1/3 dijawab")
    expect(bar.get_by_role("button", name=re.compile("sudah dijawab"))).to_have_count(1)  # questions are shuffled
    bar.get_by_role("button", name=re.compile("^Soal 3, ")).click()
    expect(page.locator(".st-key-exam-q-3")).to_be_in_viewport()
    page.get_by_role("button", name="Kumpulkan jawaban").scroll_into_view_if_needed()
    expect(page.get_by_role("timer")).to_be_in_viewport()
    page.screenshot(path=str(screenshot_dir / "ujian-bar-phone.png"))
    assert english_on_page(page) == []
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    page.get_by_role("button", name="Ya, kumpulkan sekarang").click()
    v.settle()
    expect(page.get_by_test_id("stMetric").filter(has_text="Nilai")).to_be_in_viewport()
    page.screenshot(path=str(screenshot_dir / "ujian-hasil-phone.png"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert v.outside_requests() == []


def test_on_a_phone_the_exam_setups_section_chips_show_their_whole_titles(quiz_server, visit):
    v = visit("phone")
    page = v.open(f"{quiz_server.url}/ujian")
    chips = page.locator(".st-key-ujian_bagian button")
    expect(chips.first).to_be_visible()
    cut = cut_off(chips, inside=True)
    assert cut == []
    assert english_on_page(page) == []
