"""Progress survives reloads, another device and a server restart, in Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.harness import Server
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def _register(v, url: str, name: str = "Ana") -> str:
    page = v.open(url)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    sidebar.get_by_label("Nama panggilan").fill(name)
    sidebar.get_by_label("Nama panggilan").press("Enter")
    v.settle()
    sidebar.get_by_role("button", name="Mulai menyimpan").click()
    v.settle()
    page.wait_for_function("() => location.search.includes('kode=')", timeout=10_000)
    return parse_qs(urlparse(page.url).query)["kode"][0]


def test_new_student_reloads_with_the_resume_link_and_sees_the_history(server, visit, screenshot_dir):
    v = visit("desktop")
    code = _register(v, server.url)
    page = v.open(f"{server.url}/materi?kode={code}")
    page.get_by_role("button", name="Berikutnya: ", exact=False).click()
    v.settle()
    page.reload()
    v.settle()
    assert page.get_by_text("Tersimpan sebagai Ana").is_visible()
    page = v.open(f"{server.url}/kemajuan?kode={code}")
    assert "2 dari 10" in page.get_by_test_id("stMetric").filter(has_text="Materi dibuka").inner_text()
    page.screenshot(path=str(screenshot_dir / "kemajuan-desktop.png"), full_page=True)
    assert v.outside_requests() == []


def test_resume_on_a_second_device_by_typing_the_code(server, visit, screenshot_dir):
    code = _register(visit("desktop"), server.url, name="Budi")
    phone = visit("phone")
    page = phone.open(server.url)
    page.get_by_test_id("stExpandSidebarButton").click() if page.get_by_test_id(
        "stExpandSidebarButton").count() else None
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    box = sidebar.get_by_label("Sudah punya kode lanjut?")
    box.fill(code)
    box.press("Enter")
    phone.settle()
    sidebar.get_by_role("button", name="Lanjutkan").click()
    phone.settle()
    assert sidebar.get_by_text("Tersimpan sebagai Budi").is_visible()
    assert f"kode={code}" in page.url


def test_flashcards_work_by_keyboard(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/kartu")
    card = page.locator(".st-key-flashcard")
    first = card.locator("h2").inner_text()
    card.click()
    known = page.get_by_role("button", name="Saya tahu (Y)")
    for _ in range(3):  # on a busy machine the shortcut listener may attach a moment after the first paint
        page.keyboard.press("Space")
        try:
            expect(known).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(known).to_be_visible(timeout=5_000)
    v.settle()
    page.screenshot(path=str(screenshot_dir / "kartu-desktop.png"), full_page=True)
    page.keyboard.press("y")
    expect(card.locator("h2")).not_to_have_text(first, timeout=15_000)
    v.settle()
    expect(page.get_by_test_id("stMetric").filter(has_text="Kotak 2")).to_contain_text("1", timeout=15_000)


def test_an_exam_resumes_after_the_server_is_killed(tmp_path, visit, screenshot_dir):
    srv = Server(tmp_path, env={"LESSONKIT_QUIZ_DIR": str(FIXTURES / "quizzes_timed")}).start()
    try:
        v = visit("desktop")
        code = _register(v, srv.url)
        page = v.open(f"{srv.url}/ujian?kode={code}")
        page.get_by_test_id("stSelectbox").filter(has_text="Sumber soal").click()
        page.get_by_role("option", name="Kuis Lengkap").click()
        v.settle()
        page.get_by_role("button", name="Mulai ujian").click()
        v.settle()
        page.get_by_text("Kelompok okupasional").click()
        v.settle()
        srv.stop(kill=True)
        srv.start()
        page = v.open(f"{srv.url}/ujian?kode={code}")
        assert page.get_by_role("radio", name="Kelompok okupasional", exact=False).is_checked()
        timer = page.frame_locator("iframe").first.get_by_text("Sisa waktu", exact=False).inner_text()
        minutes = int(timer.split()[-1].split(":")[0])
        assert minutes in (3, 4), timer
        page.screenshot(path=str(screenshot_dir / "ujian-dilanjutkan-desktop.png"), full_page=True)
        page.get_by_role("button", name="Kumpulkan jawaban").click()
        v.settle()
        page.get_by_role("button", name="Ya, kumpulkan sekarang").click()
        v.settle()
        assert "1 dari 3" in page.get_by_test_id("stMetric").filter(has_text="Jawaban benar").inner_text()
    finally:
        srv.stop()
