"""Steps several browser tests share: registering a student, picking from a select box, starting a quiz,
making a teacher with the CLI, signing in and creating a class."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from lessonkit.cli import main as cli

PASSWORD = "rahasia-guru-1"


def choose(v, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` (a rerun follows)."""
    page = v.page
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option).click()
    v.settle()


def register(v, url: str, name: str = "Ana", class_code: str | None = None) -> str:
    """Save progress under ``name`` from the sidebar and say the new code is kept; returns the resume code now in
    the address."""
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
    if (page.viewport_size or {}).get("width", 1366) < 640:  # on a phone the open sidebar covers the page: close it
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
    page.get_by_test_id("stMain").get_by_role("button", name="Sudah saya catat").click()  # the new code is kept
    v.settle()
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


def db_url(data_dir) -> str:
    return f"sqlite:///{data_dir / 'lessonkit.db'}"


def make_teacher(data_dir, monkeypatch, username: str, name: str) -> None:
    """A teacher made the way a school makes one: ``python -m lessonkit guru tambah`` (its functions)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli(["guru", "--database", db_url(data_dir), "--sandi-stdin", "tambah", username, "--nama", name]) == 0


def sign_in(v, url: str, username: str, password: str = PASSWORD):
    """Sign ``username`` in on ``url``; a teacher an earlier step signed in in this browser is forgotten first."""
    v.context.clear_cookies(name="lessonkit_guru")
    page = v.open(url)
    main = page.get_by_test_id("stMain")
    main.get_by_label("Nama pengguna").fill(username)
    main.get_by_label("Kata sandi", exact=True).fill(password)
    main.get_by_role("button", name="Masuk", exact=True).click()
    v.settle()
    return page


def wait_for_cookie(v, present: bool = True, name: str = "lessonkit_guru") -> dict | None:
    """The cookie is set (or cleared) by a request the page sends right after the click; wait for it."""
    for _ in range(100):
        found = next((c for c in v.context.cookies() if c["name"] == name), None)
        if (found is not None) == present:
            return found
        v.page.wait_for_timeout(100)
    raise AssertionError(f"cookie {name} {'not set' if present else 'not cleared'}")


def shoot(page, folder, name: str) -> None:
    page.wait_for_timeout(300)  # labels and fonts finish drawing after the rerun
    page.screenshot(path=str(folder / name), full_page=True)


def create_class(v, page, name: str) -> str:
    main = page.get_by_test_id("stMain")
    main.get_by_label("Nama kelas").fill(name)
    main.get_by_role("button", name="Buat kelas").click()
    v.settle()
    code = page.locator(".join-code")
    expect(code).to_be_visible()
    return code.inner_text().strip()


def cut_off(locator, *, inside: bool = False) -> list[str]:
    """The texts of the located elements whose content is cut (wider than its box); with ``inside``, an element
    counts when any element inside it is cut."""
    boxes = "[e, ...e.querySelectorAll('*')]" if inside else "[e]"
    return locator.evaluate_all(f"els => els.filter(e => {boxes}.some(x => x.scrollWidth > x.clientWidth + 1))"
                                ".map(e => e.innerText)")
