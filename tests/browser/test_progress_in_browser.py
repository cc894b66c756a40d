"""Progress survives reloads, another device and a server restart, in Chromium."""

from __future__ import annotations

import re

import pytest

from tests.browser.flows import choose, register
from tests.conftest import FIXTURES
from tools.harness import Server

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_new_student_reloads_with_the_resume_link_and_sees_the_history(server, visit, screenshot_dir):
    v = visit("desktop")
    code = register(v, server.url)
    page = v.open(f"{server.url}/materi?kode={code}")
    page.get_by_role("button", name="Berikutnya: ", exact=False).click()
    v.settle()
    page.reload()
    v.settle()
    expect(page.get_by_text("Tersimpan sebagai Ana")).to_be_visible()
    page = v.open(f"{server.url}/kemajuan?kode={code}")
    expect(page.get_by_test_id("stMetric").filter(has_text="Materi dibuka")).to_contain_text("2 dari 10")
    page.screenshot(path=str(screenshot_dir / "kemajuan-desktop.png"), full_page=True)
    assert v.outside_requests() == []


def test_resume_on_a_second_device_by_typing_the_code(server, visit):
    code = register(visit("desktop"), server.url, name="Budi")
    phone = visit("phone")
    page = phone.open(server.url)
    page.get_by_test_id("stExpandSidebarButton").click()
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    box = sidebar.get_by_label("Sudah punya kode lanjut?")
    box.fill(code)
    box.press("Enter")
    phone.settle()
    sidebar.get_by_role("button", name="Lanjutkan").click()
    phone.settle()
    expect(sidebar.get_by_text("Tersimpan sebagai Budi")).to_be_visible()
    page.wait_for_function(f"() => location.search.includes('kode={code}')", timeout=15_000)


def test_flashcards_work_by_keyboard(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/kartu")
    card = page.locator(".st-key-flashcard")
    first = card.locator("h2").inner_text()
    reveal = page.get_by_role("button", name="Tampilkan arti (Spasi)")
    expect(reveal).to_be_enabled(timeout=15_000)
    card.click()
    v.settle()
    page.keyboard.press("Space")
    v.settle()
    expect(page.get_by_role("button", name="Saya tahu (Y)")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "kartu-desktop.png"), full_page=True)
    page.keyboard.press("y")
    v.settle()
    expect(card.locator("h2")).not_to_have_text(first)
    expect(page.get_by_text("Kotak 2: 1").first).to_be_visible()


def test_an_exam_resumes_after_the_server_is_killed(tmp_path, visit, screenshot_dir):
    srv = Server(tmp_path, env={"LESSONKIT_QUIZ_DIR": str(FIXTURES / "quizzes_timed")}).start()
    try:
        v = visit("desktop")
        code = register(v, srv.url)
        page = v.open(f"{srv.url}/ujian?kode={code}")
        choose(v, "Sumber soal", "Kuis Lengkap")
        page.get_by_role("button", name="Mulai ujian").click()
        v.settle()
        page.get_by_text("Kelompok okupasional").click()
        v.settle()
        expect(page.get_by_text("✓ Jawaban tercatat")).to_be_visible()
        srv.stop(kill=True)
        srv.start()
        page = v.open(f"{srv.url}/ujian?kode={code}")
        expect(page.get_by_role("radio", name="Kelompok okupasional", exact=False)).to_be_checked()
        timer = page.get_by_role("timer")
        expect(timer).to_have_text(re.compile(r"Sisa waktu [34]:\d\d"))
        page.screenshot(path=str(screenshot_dir / "ujian-dilanjutkan-desktop.png"), full_page=True)
        page.get_by_role("button", name="Kumpulkan jawaban").click()
        v.settle()
        page.get_by_role("button", name="Ya, kumpulkan sekarang").click()
        v.settle()
        expect(page.get_by_test_id("stMetric").filter(has_text="Jawaban benar")).to_contain_text("1 dari 3")
    finally:
        srv.stop()
