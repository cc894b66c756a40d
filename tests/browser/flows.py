"""Steps several browser tests share: registering a student, picking from a select box, starting a quiz."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect


def choose(v, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` (a rerun follows)."""
    page = v.page
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option).click()
    v.settle()


def register(v, url: str, name: str = "Ana", class_code: str | None = None) -> str:
    """Save progress under ``name`` from the sidebar; returns the resume code now in the address."""
    page = v.open(url)
    if page.get_by_test_id("stExpandSidebarButton").count():
        page.get_by_test_id("stExpandSidebarButton").click()
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    for label, text in (("Kode kelas dari guru (boleh kosong)", class_code), ("Nama panggilan", name)):
        if text is None:
            continue
        box = sidebar.get_by_label(label)
        box.fill(text)
        box.press("Enter")
        v.settle()
    sidebar.get_by_role("button", name="Mulai menyimpan").click()
    v.settle()
    page.wait_for_function("() => location.search.includes('kode=')", timeout=15_000)
    return parse_qs(urlparse(page.url).query)["kode"][0]


def start_practice(v, url: str, quiz_title: str):
    page = v.open(f"{url}/latihan")
    page.get_by_test_id("stButtonGroup").get_by_text("Kuis", exact=True).click()
    v.settle()
    choose(v, "Pilih kuis", quiz_title)
    page.get_by_role("button", name="Mulai latihan").click()
    v.settle()
    expect(page.get_by_role("button", name="Periksa")).to_be_visible()
    return page


def start_exam(v, url: str, quiz_title: str):
    page = v.open(f"{url}/ujian")
    choose(v, "Sumber soal", quiz_title)
    page.get_by_role("button", name="Mulai ujian").click()
    v.settle()
    expect(page.get_by_role("button", name="Kumpulkan jawaban")).to_be_visible()
    return page
