"""Kuis Langsung in Chromium: one teacher on the projector (1920x1080) and three phones (390x844) through a
three-question session: joining by the QR link, answering, the reveal, the leaderboard and the podium, with one
phone reloaded mid-session that gets back to its seat and score."""

from __future__ import annotations

import re

import pytest

from lessonkit.live import wire
from lessonkit.quiz.types import module_of
from lessonkit.storage import Store
from tests.browser.flows import db_url, make_teacher, shoot, sign_in

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

QUESTIONS = ["kd-01", "kd-03", "kd-02"]  # single choice, true/false grid, single choice
WAIT = {"timeout": 15_000}


def key_position(store: Store, code: str, index: int) -> int:
    """The display position of the key of question ``index`` (what a student who knows it taps)."""
    from ui import data

    record = store.live_find(code)
    live = record.session.questions[index]
    question = data.bank().question(live.question_id)
    return wire.encode(question, live.order, module_of(question).perfect(question))


def pick_questions(v, page) -> None:
    page.get_by_test_id("stButtonGroup").get_by_text("Pilih soal", exact=True).click()
    v.settle()
    box = page.get_by_test_id("stMultiSelect")
    for question_id in QUESTIONS:
        box.locator("input").click()  # not the box's middle: a picked question's long chip may sit there
        page.keyboard.type(question_id)
        page.get_by_role("option", name=re.compile(f"^{question_id} · ")).click()  # the label starts the question
        v.settle()
    page.keyboard.press("Escape")


def join(phone_visit, url: str, name: str):
    page = phone_visit.open(url)
    main = page.get_by_test_id("stMain")
    main.get_by_label("Nama panggilan").fill(name)
    main.get_by_role("button", name="Gabung").click()
    phone_visit.settle()
    expect(page.get_by_text("Kamu sudah masuk.")).to_be_visible(**WAIT)
    return page


def press(v, page, *names: str) -> None:
    """Click the buttons named ``names`` one after another, each after the last one's rerun."""
    for name in names:
        page.get_by_role("button", name=name).click()
        v.settle()


def tap_choice(v, page, position: int) -> None:
    letter = "ABCDE"[position]
    page.get_by_role("button", name=f"{letter}.").first.click()
    v.settle()


def test_a_class_plays_a_three_question_live_quiz_from_lobby_to_podium(server, visit, monkeypatch, screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "guru_live", "Sari Dewi")
    store = Store.open(db_url(server.data_dir))
    store.create_class(store.teacher("guru_live").id, "XI IPS 3")
    teacher = visit("projector")
    host = sign_in(teacher, f"{server.url}/kuis-langsung-guru", "guru_live")
    expect(host.get_by_role("button", name="Buka ruang tunggu")).to_be_visible(**WAIT)
    pick_questions(teacher, host)
    host.get_by_label("Kelas (hasil masuk ke dasbor kelas ini)").click()
    host.get_by_role("option", name="XI IPS 3").click()
    teacher.settle()
    host.get_by_role("button", name="Buka ruang tunggu").click()
    teacher.settle()
    code_box = host.locator(".live-code")
    expect(code_box).to_be_visible(**WAIT)
    assert code_box.bounding_box()["height"] >= 120, "the code must be readable from the back of the class"
    code = code_box.inner_text().replace(" ", "")
    link = f"{server.url}/kuis-langsung?kuis={code}"
    expect(host.get_by_text(link)).to_be_visible()

    phones = {name: visit("phone") for name in ("Ana", "Budi", "Cici")}
    pages = {name: join(v, link, name) for name, v in phones.items()}
    expect(host.get_by_text("3 siswa sudah bergabung")).to_be_visible(**WAIT)
    expect(host.locator(".st-key-live-chips [data-testid='stText']")).to_have_text(["Ana", "Budi", "Cici"])
    shoot(host, screenshot_dir, "live-guru-lobby.png")
    shoot(pages["Ana"], screenshot_dir, "live-siswa-tunggu.png")

    # question 1: single choice; Ana and Cici right, Budi wrong
    host.keyboard.press("ArrowRight")  # the clicker's "next" starts the quiz
    teacher.settle()
    expect(host.get_by_text("Soal 1 dari 3")).to_be_visible(**WAIT)
    for page in pages.values():
        expect(page.get_by_text("Soal 1 dari 3")).to_be_visible(**WAIT)
        assert "Kunci" not in page.inner_text("body")
    shoot(host, screenshot_dir, "live-guru-soal.png")
    shoot(pages["Ana"], screenshot_dir, "live-siswa-soal.png")
    right = key_position(store, code, 0)
    tap_choice(phones["Ana"], pages["Ana"], right)
    expect(pages["Ana"].get_by_text("Jawaban terkirim")).to_be_visible(**WAIT)
    expect(host.get_by_text("1/3 sudah menjawab")).to_be_visible(**WAIT)
    tap_choice(phones["Budi"], pages["Budi"], (right + 1) % 5)
    tap_choice(phones["Cici"], pages["Cici"], right)
    expect(host.get_by_text("Kunci:")).to_be_visible(**WAIT)  # everyone answered: closed by itself
    expect(host.get_by_test_id("stPlotlyChart")).to_be_visible(**WAIT)
    shoot(host, screenshot_dir, "live-guru-jawaban.png")
    expect(pages["Budi"].get_by_text("Belum tepat")).to_be_visible(**WAIT)
    expect(pages["Budi"].get_by_text("Peringkat 3 dari 3")).to_be_visible()
    expect(pages["Ana"].get_by_text("Benar")).to_be_visible(**WAIT)
    shoot(pages["Ana"], screenshot_dir, "live-siswa-hasil.png")
    host.get_by_role("button", name="Lanjut").click()
    teacher.settle()
    expect(host.get_by_text("Papan peringkat")).to_be_visible(**WAIT)
    shoot(host, screenshot_dir, "live-guru-peringkat.png")

    # question 2: true/false grid; Budi's phone reloads before he answers and is back in his seat
    host.get_by_role("button", name="Lanjut").click()
    teacher.settle()
    expect(host.get_by_text("Soal 2 dari 3")).to_be_visible(**WAIT)
    budi = pages["Budi"]
    budi.reload()
    phones["Budi"].settle()
    expect(budi.get_by_text("Soal 2 dari 3")).to_be_visible(**WAIT)
    expect(budi.get_by_text("kamu bermain sebagai Budi")).to_be_visible()
    for name in ("Ana", "Budi", "Cici"):
        page, v = pages[name], phones[name]
        expect(page.get_by_text("Soal 2 dari 3")).to_be_visible(**WAIT)
        page.get_by_test_id("stButtonGroup").first.get_by_text("Benar", exact=True).click()
        v.settle()
        shoot(page, screenshot_dir, "live-siswa-benar-salah.png") if name == "Ana" else None
        page.get_by_role("button", name="Kirim jawaban").click()
        v.settle()
    expect(host.get_by_text("Kunci:")).to_be_visible(**WAIT)
    press(teacher, host, "Lanjut", "Lanjut")

    # question 3: the teacher ends it early, nobody answered
    expect(host.get_by_text("Soal 3 dari 3")).to_be_visible(**WAIT)
    press(teacher, host, "Tutup soal sekarang")
    expect(host.get_by_text("Kunci:")).to_be_visible(**WAIT)
    expect(pages["Cici"].get_by_text("Tidak menjawab")).to_be_visible(**WAIT)
    press(teacher, host, "Lanjut", "Lihat podium")
    expect(host.get_by_text("Juara Kuis Langsung")).to_be_visible(**WAIT)
    expect(host.get_by_text("Budi")).to_be_visible()  # his first seat, kept across the reload
    teacher.settle()
    shoot(host, screenshot_dir, "live-guru-podium.png")
    for page in pages.values():
        expect(page.get_by_text("Kuis selesai")).to_be_visible(**WAIT)
    expect(pages["Budi"].get_by_text("Peringkat 3 dari 3")).to_be_visible()
    shoot(pages["Ana"], screenshot_dir, "live-siswa-selesai.png")
    seats = store.live_players(store.live_find(code).id)
    assert [p.nickname for p in seats] == ["Ana", "Budi", "Cici"], "the reload took no new seat"
    host.get_by_role("link", name="Lihat hasil kelas").click()  # the class's dashboard, its Kuis Langsung tab
    teacher.settle()
    host.get_by_role("tab", name="Kuis Langsung").click()
    teacher.settle()
    grid = host.get_by_test_id("stDataFrame").filter(has_text="Poin")
    expect(grid).to_be_visible(**WAIT)
    names = [row.locator("td").nth(1).inner_text().strip() for row in grid.locator("table tbody tr").all()]
    assert sorted(names) == ["Ana", "Budi", "Cici"]
    for v in (teacher, *phones.values()):
        assert v.outside_requests() == []
    store.engine.dispose()
