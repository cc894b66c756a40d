"""Unduh & Cetak in Chromium: a teacher signs in and really downloads a Moodle XML file and a worksheet PDF,
imports a GIFT file, and the page is photographed on a laptop, a projector and a phone; once her session ends,
the next change gives nothing."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from lessonkit.lesson.content import load_lesson
from lessonkit.quiz import read_bank
from lessonkit.storage import Store
from tests.browser.english import english_on_page
from tests.browser.flows import db_url, make_teacher, shoot, sign_in
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as caught:
        page.get_by_test_id("stMain").get_by_role("button", name=label, exact=True).click()
    return Path(caught.value.path()).read_bytes()


def _shoot_lower(page, folder, name: str) -> None:
    """The rest of a page taller than the window (Streamlit scrolls inside its main area)."""
    page.get_by_test_id("stMain").hover()
    page.mouse.wheel(0, 900)
    shoot(page, folder, name)
    page.mouse.wheel(0, -5000)


def test_a_teacher_downloads_moodle_xml_and_a_worksheet_and_imports_a_gift_file(server, visit, monkeypatch,
                                                                               screenshot_dir, tmp_path):
    make_teacher(server.data_dir, monkeypatch, "guru_unduh", "Rina Astuti")
    v = visit("desktop")
    page = v.open(f"{server.url}/unduh-cetak")
    expect(page.get_by_test_id("stMain").get_by_text("Halaman ini khusus guru")).to_be_visible()
    expect(page.get_by_role("button", name="Unduh Moodle XML", exact=True)).to_have_count(0)
    page = sign_in(v, f"{server.url}/unduh-cetak", "guru_unduh")
    total = len(read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids).questions)
    expect(page.get_by_text(f"{total} soal terpilih")).to_be_visible()
    shoot(page, screenshot_dir, "unduh-cetak-desktop.png")
    assert english_on_page(page) == []
    _shoot_lower(page, screenshot_dir, "unduh-cetak-desktop-bawah.png")

    moodle = ET.fromstring(_download(page, "Unduh Moodle XML"))
    assert len([q for q in moodle.iter("question") if q.get("type") != "category"]) == total
    sheet = PdfReader(io.BytesIO(_download(page, "Unduh lembar kerja (PDF)")))
    assert "LEMBAR KERJA" in sheet.pages[0].extract_text() and len(sheet.pages) > 1
    assert all(url.startswith(server.url) or url.startswith("data:") or url.startswith("blob:")
               for url in v.requests), "nothing is fetched from outside"

    page.get_by_test_id("stSelectbox").filter(has_text="Versi Moodle").get_by_role("combobox").click()
    page.keyboard.type("4.3")
    page.keyboard.press("Enter")
    v.settle()
    older = ET.fromstring(_download(page, "Unduh Moodle XML"))
    assert not [q for q in older.iter("question") if q.get("type") == "ordering"]
    page.get_by_text("Catatan untuk file Moodle XML", exact=False).click()
    expect(page.get_by_text("ditulis sebagai soal Menjodohkan", exact=False).first).to_be_visible()
    page.set_viewport_size({"width": 1920, "height": 1080})
    _shoot_lower(page, screenshot_dir, "unduh-cetak-moodle-lama-projector.png")
    page.set_viewport_size({"width": 1366, "height": 900})

    page.get_by_role("tab", name="Bahan ajar").click()
    expect(page.get_by_role("button", name="Unduh bahan ajar (PDF)")).to_be_visible()
    shoot(page, screenshot_dir, "unduh-cetak-bahan-ajar-desktop.png")
    page.get_by_role("tab", name="Impor soal").click()
    shoot(page, screenshot_dir, "unduh-cetak-impor-kosong-desktop.png")
    assert english_on_page(page) == []
    gift = tmp_path / "soal-guru.gift"
    gift.write_text("::Profesi 1:: Organisasi profesi guru di Indonesia adalah {=PGRI ~IDI ~IBI}\n\n"
                    "::Esai:: Jelaskan arti kode etik. {}\n", encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(gift))
    v.settle()
    expect(page.get_by_text("2 soal terbaca dari file GIFT", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Unduh soal-guru.yaml")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Soal 'Profesi 1':\W* isi tingkat kesulitan \(level\)"))).to_be_visible()
    shoot(page, screenshot_dir, "unduh-cetak-impor-desktop.png")
    assert english_on_page(page) == []
    _shoot_lower(page, screenshot_dir, "unduh-cetak-impor-desktop-bawah.png")

    page.set_viewport_size({"width": 1920, "height": 1080})
    shoot(page, screenshot_dir, "unduh-cetak-impor-projector.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("tab", name="Soal", exact=True).click()
    shoot(page, screenshot_dir, "unduh-cetak-phone.png")
    _shoot_lower(page, screenshot_dir, "unduh-cetak-phone-bawah.png")
    page.get_by_role("tab", name="Impor soal").click()
    shoot(page, screenshot_dir, "unduh-cetak-impor-phone.png")

    store = Store.open(db_url(server.data_dir))
    store.set_teacher_active("guru_unduh", False)  # her sessions end, e.g. from the command line
    store.engine.dispose()
    page.get_by_role("tab", name="Soal", exact=True).click()
    page.get_by_text("Kuis tertentu").click()  # reruns only this tab's fragment
    v.settle()
    expect(page.get_by_text("Sesi guru Anda sudah berakhir", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Unduh Moodle XML")).to_have_count(0)
