"""The teacher area in Chromium: sign-in with the cookie, reload, classes, students joining, sign-out, lockout,
the wall between teachers, and the same through nginx."""

from __future__ import annotations

import os
import shutil

import pytest

from lessonkit.storage import Store
from tests.browser.flows import PASSWORD, create_class, db_url, make_teacher, shoot, sign_in, wait_for_cookie
from tools.harness import free_port

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_a_teacher_signs_in_keeps_the_session_collects_a_student_and_signs_out(server, visit, monkeypatch,
                                                                              screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "sari", "Sari Dewi")
    teacher = visit("desktop")
    page = teacher.open(f"{server.url}/kelas")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Halaman ini khusus guru")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Kelas Saya")).to_have_count(0)
    page = sign_in(teacher, f"{server.url}/kelas", "sari")
    expect(page.get_by_test_id("stSidebar").get_by_text("Masuk sebagai guru: Sari Dewi")).to_be_visible()
    wait_for_cookie(teacher)
    [cookie] = [c for c in teacher.context.cookies() if c["name"] == "lessonkit_guru"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert "lessonkit_guru" not in page.evaluate("document.cookie"), "no script can read the session"
    assert cookie["value"] not in page.url

    page.reload()
    teacher.settle()
    expect(page.get_by_test_id("stSidebar").get_by_text("Masuk sebagai guru: Sari Dewi")).to_be_visible()
    code = create_class(teacher, page, "XI IPS 2 · 2026/2027")
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Kelas Saya")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Masuk Guru")).to_have_count(0)

    student = visit("phone")
    phone = student.open(f"{server.url}/gabung?kelas={code}")
    expect(phone.get_by_text("Kamu diajak bergabung ke kelas")).to_be_visible()
    phone.get_by_test_id("stMain").get_by_label("Nama panggilan").fill("Ana")
    phone.get_by_role("button", name="Gabung dan simpan kemajuanku").click()
    student.settle()
    expect(phone.get_by_text("Kamu bergabung ke kelas")).to_be_visible()
    shoot(phone, screenshot_dir, "gabung-phone.png")

    typed = visit("desktop")
    other = typed.open(server.url)
    sidebar = other.get_by_test_id("stSidebar")
    sidebar.get_by_text("Simpan kemajuanmu").click()
    sidebar.get_by_label("Nama panggilan").fill("Budi")
    sidebar.get_by_label("Kode kelas dari guru (boleh kosong)").fill(code.lower())
    sidebar.get_by_label("Kode kelas dari guru (boleh kosong)").press("Enter")
    typed.settle()
    sidebar.get_by_role("button", name="Mulai menyimpan").click()
    typed.settle()
    expect(sidebar.get_by_text("Tersimpan sebagai Budi")).to_be_visible()

    page.reload()
    teacher.settle()
    members = page.get_by_test_id("stDataFrame")
    expect(members).to_be_visible()
    expect(page.get_by_text("Anggota (2)")).to_be_visible()
    for size, name in (((1366, 900), "desktop"), ((1920, 1080), "projector"), ((390, 844), "phone")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        shoot(page, screenshot_dir, f"kelas-{name}.png")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.get_by_role("button", name="Tampilkan di proyektor").click()
    teacher.settle()
    expect(page.get_by_role("dialog").locator(".join-code")).to_have_text(code)
    shoot(page, screenshot_dir, "kelas-proyektor-dialog.png")
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 1366, "height": 900})

    page.get_by_test_id("stSidebar").get_by_role("button", name="Keluar (guru)").click()
    teacher.settle()
    expect(page.get_by_test_id("stMain").get_by_text("Halaman ini khusus guru")).to_be_visible()
    wait_for_cookie(teacher, present=False)
    page.reload()
    teacher.settle()
    expect(page.get_by_test_id("stMain").get_by_label("Kata sandi", exact=True)).to_be_visible()
    expect(page.get_by_text(code)).to_have_count(0)
    assert teacher.outside_requests() == [] and student.outside_requests() == []


def test_a_wrong_password_is_generic_and_five_lock_the_account(server, visit, monkeypatch, screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "rina", "Rina Wati")
    v = visit("desktop")
    page = v.open(f"{server.url}/masuk-guru")
    for size, name in (((1366, 900), "desktop"), ((1920, 1080), "projector"), ((390, 844), "phone")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        shoot(page, screenshot_dir, f"masuk-guru-{name}.png")
    page.set_viewport_size({"width": 1366, "height": 900})
    page = sign_in(v, f"{server.url}/masuk-guru", "rina", "bukan-sandinya")
    alert = page.get_by_test_id("stMain").get_by_test_id("stAlertContentError")
    expect(alert).to_have_text("Nama pengguna atau kata sandi salah.")
    main = page.get_by_test_id("stMain")
    for _ in range(4):
        main.get_by_label("Kata sandi", exact=True).fill("bukan-sandinya")
        main.get_by_role("button", name="Masuk", exact=True).click()
        v.settle()
    expect(alert).to_contain_text("dikunci sementara; coba lagi dalam 15 menit")
    main.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    main.get_by_role("button", name="Masuk", exact=True).click()
    v.settle()
    expect(alert).to_contain_text("dikunci sementara")
    shoot(page, screenshot_dir, "masuk-guru-terkunci.png")
    assert not any(c["name"] == "lessonkit_guru" for c in v.context.cookies())


def test_teacher_b_never_sees_teacher_a_class(server, visit, monkeypatch):
    make_teacher(server.data_dir, monkeypatch, "guru_a", "Guru A")
    make_teacher(server.data_dir, monkeypatch, "guru_b", "Guru B")
    a = visit("desktop")
    page_a = sign_in(a, f"{server.url}/kelas", "guru_a")
    code = create_class(a, page_a, "Kelas Rahasia A")
    b = visit("desktop")
    page_b = sign_in(b, f"{server.url}/kelas?kelas=1&class_id=1&kode={code}", "guru_b")
    expect(page_b.get_by_text("Belum ada kelas")).to_be_visible()
    expect(page_b.get_by_text("Kelas Rahasia A")).to_have_count(0)
    expect(page_b.get_by_text(code)).to_have_count(0)
    store = Store.open(db_url(server.data_dir))
    try:
        owner = store.teacher("guru_b")
        assert store.classes(owner.id) == []
    finally:
        store.engine.dispose()


def test_sign_in_survives_a_reload_through_nginx(tmp_path, visit, monkeypatch):
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1: nginx tidak ditemukan (apt-get install nginx-light)")
        pytest.skip("nginx tidak ditemukan (apt-get install nginx-light)")
    from deploy.cluster import Cluster

    Store.open(db_url(tmp_path)).engine.dispose()
    make_teacher(tmp_path, monkeypatch, "sari", "Sari Dewi")
    cluster = Cluster(2, free_port(), [free_port(), free_port()], env={"LESSONKIT_DATA_DIR": str(tmp_path)}).start()
    try:
        v = visit("desktop")
        page = sign_in(v, f"{cluster.url}/kelas", "sari")
        wait_for_cookie(v)
        page.reload()
        v.settle()
        expect(page.get_by_test_id("stSidebar").get_by_text("Masuk sebagai guru: Sari Dewi")).to_be_visible()
        page.get_by_test_id("stSidebar").get_by_role("button", name="Keluar (guru)").click()
        v.settle()
        wait_for_cookie(v, present=False)
        page.reload()
        v.settle()
        expect(page.get_by_test_id("stMain").get_by_label("Kata sandi", exact=True)).to_be_visible()
    finally:
        cluster.stop()


def test_the_member_list_shows_students_while_they_join_without_a_click(server, visit, monkeypatch):
    make_teacher(server.data_dir, monkeypatch, "wulan_live", "Wulan")
    teacher = visit("desktop")
    page = sign_in(teacher, f"{server.url}/kelas", "wulan_live")
    code = create_class(teacher, page, "XI IPS 5")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Anggota (0)")).to_be_visible()
    store = Store.open(db_url(server.data_dir))
    store.join_class(store.create_student("Sekar Live").id, code)
    expect(main.get_by_text("Anggota (1)")).to_be_visible(timeout=15_000)
    expect(main.get_by_test_id("stDataFrame")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
