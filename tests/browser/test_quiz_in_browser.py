"""A student practises one question and takes whole exams in Chromium, including the timer running out."""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import Server
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quiz_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("quizdata"),
                 env={"LESSONKIT_QUIZ_DIR": str(FIXTURES / "quizzes_timed")}).start()
    yield srv
    srv.stop()


def _choose(page, label: str, option: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option).click()


def test_practice_one_question_shows_feedback_and_explanation(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{quiz_server.url}/latihan")
    page.get_by_test_id("stButtonGroup").get_by_text("Kuis", exact=True).click()
    v.settle()
    _choose(page, "Pilih kuis", "Kuis Lengkap")
    v.settle()
    page.get_by_role("button", name="Mulai latihan").click()
    v.settle()
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    page.get_by_role("button", name="Periksa").click()
    v.settle()
    assert page.get_by_test_id("stAlert").filter(has_text="skor 100%").first.is_visible()
    assert page.get_by_text("Tepat sekali.").is_visible()
    assert page.get_by_text("Pembahasan.", exact=False).first.is_visible()
    page.screenshot(path=str(screenshot_dir / "latihan-feedback-desktop.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0
    assert v.outside_requests() == []


def _start_exam(v, url, quiz_title):
    page = v.open(f"{url}/ujian")
    _choose(page, "Sumber soal", quiz_title)
    v.settle()
    page.get_by_role("button", name="Mulai ujian").click()
    v.settle()
    return page


def test_full_exam_answered_and_submitted_shows_score_chart_and_review(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = _start_exam(v, quiz_server.url, "Kuis Lengkap")
    assert page.get_by_text("Pembahasan").count() == 0, "no feedback before submission"
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
    page.screenshot(path=str(screenshot_dir / "ujian-berjalan-desktop.png"), full_page=True)
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    assert page.get_by_test_id("stMetric").filter(has_text="Nilai").inner_text().strip().endswith("100")
    page.get_by_test_id("stPlotlyChart").wait_for(timeout=20_000)
    assert page.get_by_test_id("stMain").get_by_test_id("stExpander").count() == 3
    page.screenshot(path=str(screenshot_dir / "ujian-hasil-desktop.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0
    assert v.outside_requests() == []


def test_exam_submits_itself_when_time_runs_out(quiz_server, visit, screenshot_dir):
    v = visit("phone")
    page = _start_exam(v, quiz_server.url, "Kuis Singkat Berwaktu")
    assert page.frame_locator("iframe").first.get_by_text(re.compile("Sisa waktu")).is_visible()
    page.get_by_text("Kelompok okupasional").click()
    v.settle()
    page.get_by_text("Waktu habis. Jawabanmu dikumpulkan otomatis", exact=False).wait_for(timeout=40_000)
    v.settle()
    assert "1 dari 3" in page.get_by_test_id("stMetric").filter(has_text="Jawaban benar").inner_text()
    page.screenshot(path=str(screenshot_dir / "ujian-waktu-habis-phone.png"), full_page=True)
    assert page.get_by_test_id("stException").count() == 0
