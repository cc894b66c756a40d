"""A class exam in Chromium: a teacher signs in, makes a class and a class exam; three students join by code in
their own browsers and take it; the dashboard shows the P values `item_analysis` computes on the stored answers."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from lessonkit.analytics import item_analysis
from lessonkit.analytics.class_results import exam_matrix, item_labels
from lessonkit.analytics.items import decimal
from lessonkit.quiz import read_bank
from lessonkit.storage import Store
from tests.browser.conftest import running
from tests.browser.flows import choose, create_class, db_url, make_teacher, shoot, sign_in
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

QUIZ = "Kuis Singkat Berwaktu"


def set_exam(v, page, url: str, title: str, screenshot_dir=None, quiz: str = QUIZ) -> None:
    page = v.open(f"{url}/ujian-kelas")
    main = page.get_by_test_id("stMain")
    main.get_by_label("Judul ujian").fill(title)
    main.get_by_label("Judul ujian").press("Enter")
    v.settle()
    choose(v, "Soal", quiz)
    minutes = main.get_by_label("Lama mengerjakan (menit)")
    minutes.fill("15")
    minutes.press("Enter")
    v.settle()
    if screenshot_dir is not None:
        shoot(page, screenshot_dir, "ujian-kelas-formulir-desktop.png")
    main.get_by_role("button", name="Buat ujian").click()
    v.settle()
    expect(main.get_by_text(re.compile(f"Ujian {title} dibuat"))).to_be_visible()
    expect(main.get_by_text("Sedang berlangsung", exact=False)).to_be_visible()


def join(v, url: str, code: str, name: str) -> str:
    page = v.open(f"{url}/gabung?kelas={code}")
    main = page.get_by_test_id("stMain")
    main.get_by_label("Nama panggilan").fill(name)
    main.get_by_role("button", name="Gabung dan simpan kemajuanku").click()
    v.settle()
    expect(page.get_by_text("Kamu bergabung ke kelas")).to_be_visible()
    return parse_qs(urlparse(page.url).query)["kode"][0]


def take(v, url: str, resume: str, answers: dict[str, str], screenshot=None) -> None:
    """Start the class exam from "Ujian dari gurumu", give ``answers`` (single choice text, short answer), submit."""
    page = v.open(f"{url}/ujian?kode={resume}")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Ujian dari gurumu")).to_be_visible()
    if screenshot:
        shoot(page, screenshot[0], screenshot[1].replace(".png", "-daftar.png"))
    main.get_by_role("button", name="Mulai ujian kelas").click()
    v.settle()
    expect(main.get_by_text("Ujian kelas: Ulangan Singkat")).to_be_visible()
    if "pilihan" in answers:
        main.get_by_text(answers["pilihan"]).click()
        v.settle()
    if "isian" in answers:
        box = main.get_by_label(re.compile("Jawabanmu"))
        box.fill(answers["isian"])
        box.press("Enter")
        v.settle()
    expect(main.get_by_text("✓ Jawaban tercatat")).to_have_count(len(answers))
    if screenshot:
        shoot(page, *screenshot)
    main.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    main.get_by_role("button", name="Ya, kumpulkan sekarang").click()
    v.settle()
    expect(main.get_by_test_id("stMetric").filter(has_text="Nilai")).to_be_visible()
    expect(main.get_by_role("button", name="Kembali ke daftar ujian")).to_be_visible()


def shown_item_table(page) -> dict[str, str]:
    """Question id → P as the dashboard's item table shows it (the grid's accessible table: Soal, P, …)."""
    grid = page.get_by_test_id("stDataFrame").filter(has_text="Kategori P")
    rows = grid.locator("table tbody tr")
    out = {}
    for n in range(rows.count()):
        cells = rows.nth(n).locator("td").all_inner_texts()
        out[cells[0].strip()] = cells[1].strip()
    return out


@pytest.fixture(scope="module")
def exam_server(tmp_path_factory):
    """A server of its own: the class exam it opens holds its quiz back from practice, which the other tests on
    the shared quiz server still use."""
    with running(tmp_path_factory.mktemp("ujian-kelas"), FIXTURES / "quizzes_timed") as srv:
        yield srv


def test_three_students_take_a_class_exam_and_the_dashboard_shows_the_analysis(exam_server, visit, monkeypatch,
                                                                                screenshot_dir):
    make_teacher(exam_server.data_dir, monkeypatch, "bu_rina", "Bu Rina")
    teacher = visit("desktop")
    page = sign_in(teacher, f"{exam_server.url}/kelas", "bu_rina")
    code = create_class(teacher, page, "XI IPS 1 · 2026/2027")
    set_exam(teacher, page, exam_server.url, "Ulangan Singkat", screenshot_dir)
    shoot(teacher.page, screenshot_dir, "ujian-kelas-desktop.png")

    students = [("Ana", {"pilihan": "Kelompok okupasional", "isian": "kode etik"}),
                ("Budi", {"pilihan": "Kelompok okupasional"}),
                ("Cici", {"pilihan": "Kelompok kekerabatan"})]
    for n, (name, answers) in enumerate(students):
        v = visit("phone" if n == 0 else "desktop")
        resume = join(v, exam_server.url, code, name)
        take(v, exam_server.url, resume, answers, (screenshot_dir, "ujian-kelas-siswa-phone.png") if n == 0 else None)
        assert v.outside_requests() == []

    page = teacher.open(f"{exam_server.url}/hasil-kelas")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Sudah mengumpulkan")).to_be_visible()
    expect(main.get_by_test_id("stMetricValue").first).to_have_text("3 dari 3")
    expect(main.get_by_test_id("stPlotlyChart").first).to_be_visible()
    page.get_by_role("tab", name="Analisis Butir").click()
    teacher.settle()
    expect(page.get_by_test_id("stDataFrame").filter(has_text="Kategori P")).to_be_visible()
    expect(main.get_by_text("Hanya 3 siswa yang dianalisis", exact=False)).to_be_visible()

    store = Store.open(db_url(exam_server.data_dir))
    try:
        rina = store.teacher("bu_rina")
        [klass] = store.classes(rina.id)
        [made] = store.class_exams(rina.id, klass.id)
        takes = store.class_exam_results(rina.id, made.id)
    finally:
        store.engine.dispose()
    bank = read_bank([FIXTURES / "quizzes_timed"], section_ids=None)
    expected = item_analysis(exam_matrix(bank, made.question_ids, {t.display_name: t.responses for t in takes}).scores)
    names = item_labels(bank, list(expected.index))  # items are named by their question text and id
    assert shown_item_table(page) == {names[qid]: decimal(p) for qid, p in expected["p"].items()}
    assert expected.loc["ks-01", "p"] == pytest.approx(2 / 3)

    for size, name in (((1366, 900), "desktop"), ((1920, 1080), "projector")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        shoot(page, screenshot_dir, f"hasil-kelas-analisis-{name}.png")
        page.get_by_role("tab", name="Ringkasan").click()
        teacher.settle()
        shoot(page, screenshot_dir, f"hasil-kelas-ringkasan-{name}.png")
        page.get_by_role("tab", name="Analisis Butir").click()
        teacher.settle()
    page.set_viewport_size({"width": 1366, "height": 3200})  # the whole dashboard: Streamlit scrolls inside the page
    shoot(page, screenshot_dir, "hasil-kelas-analisis-semua.png")
    page.get_by_role("tab", name="Ringkasan").click()
    teacher.settle()
    shoot(page, screenshot_dir, "hasil-kelas-ringkasan-semua.png")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert teacher.outside_requests() == []
