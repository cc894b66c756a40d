"""The Kuis Langsung projector in Chromium (1920x1080, then 1366x768) with three phones (390x844): a question that
closes by its timer and one that closes because everyone answered get the same full-width reveal, with nothing
overlapping, "Lanjut" above the fold and no sidebar; answer tiles carry colour, shape and letter on both screens;
lobby names are chips; leaderboard and podium text is at least 28 px. A multiple-answer question's choices are tiles
on the phone too, ticked when chosen."""

from __future__ import annotations

import pytest

from lessonkit.live import look
from tests.browser.flows import make_teacher, shoot, sign_in
from tests.browser.test_live_quiz_in_browser import join, pick_questions, press, tap_choice

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

WAIT = {"timeout": 25_000}
BASE_SECONDS = "10"  # the single-choice question's limit: long enough for two phones to answer, short for a test
PROJECTOR_TEXT = 28  # px: legible from the back of a classroom at 1920x1080

OVERLAPS = """() => {
  const boxes = sel => [...document.querySelectorAll(`[data-testid="stPlotlyChart"] ${sel}`)]
      .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const labels = boxes('.ytick text, .xtick text, .gtitle, .g-xtitle text');
  const bars = boxes('.bars .point path');
  const found = [];
  labels.forEach((l, i) => {
    bars.forEach(b => { if (hit(l, b)) found.push('label/bar'); });
    labels.slice(i + 1).forEach(m => { if (hit(l, m)) found.push('label/label'); });
  });
  return {found, labels: labels.length, bars: bars.length};
}"""

SMALL_TEXT = """(least) => [...document.querySelectorAll('.st-key-live-projector :is(p, li, h1, h2, h3, svg text)')]
  .filter(e => e.getBoundingClientRect().height > 0 && e.textContent.trim())
  .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])
  .filter(([, size]) => size < least)"""

TILE = """(tile) => {
  const label = tile.querySelector('p');
  return {shape: getComputedStyle(label, '::before').content.replaceAll('"', ''), text: label.textContent.trim(),
          background: getComputedStyle(tile).backgroundColor, colour: getComputedStyle(label).color,
          inside: label.getBoundingClientRect().bottom <= tile.getBoundingClientRect().bottom + 1};
}"""


def check_reveal(page, size: tuple[int, int], least_width: int, bars: bool = True) -> None:
    """The reveal fills the screen, nothing in its chart overlaps, "Lanjut" is on screen and the sidebar is not.

    ``bars``: some answers were right or chosen, so there are bars to overlap (a shuffled true/false grid the
    phones answer alike may have none).
    """
    expect(page.get_by_text("Kunci:")).to_be_visible(**WAIT)
    expect(page.get_by_test_id("stPlotlyChart").locator(".ytick text").first).to_be_attached(**WAIT)
    width = page.get_by_test_id("stMainBlockContainer").bounding_box()["width"]
    assert width >= least_width, f"the reveal is a {width:.0f} px column at {size[0]} px wide"
    overlaps = page.evaluate(OVERLAPS)
    assert overlaps["labels"] and (overlaps["bars"] or not bars) and not overlaps["found"], overlaps
    button = page.get_by_role("button", name="Lanjut").bounding_box()
    assert button is not None and 0 <= button["y"] and button["y"] + button["height"] <= size[1], button
    assert sidebar_hidden(page), "the teacher's sidebar is on the projector"


def sidebar_hidden(page) -> bool:
    """No sidebar, or a collapsed one that takes no room on the screen."""
    sidebar = page.get_by_test_id("stSidebar")
    if sidebar.count() == 0:
        return True
    box = sidebar.bounding_box()
    return sidebar.get_attribute("data-collapsed") == "true" and (box is None or box["x"] + box["width"] <= 1)


def check_tiles(page, count: int) -> list[dict]:
    """Each answer tile shows its shape and its letter on its own colour, in the shared mapping."""
    tiles = [page.locator(f".st-key-live-tile-{position}") for position in range(count)]
    seen = [tile.evaluate(TILE) for tile in tiles]
    for position, found in enumerate(seen):
        expected = look.tile(position)
        assert found["shape"] == expected.shape and found["text"].startswith(f"{expected.letter}."), found
        assert found["inside"], f"the text of tile {expected.letter} runs out of its tile"
    assert len({found["background"] for found in seen}) == count, "every tile has its own colour"
    return seen


def check_phone_tiles(page) -> None:
    tiles = page.locator("[class*='st-key-live-tile-'] button")
    expect(tiles.first).to_be_visible(**WAIT)
    count = tiles.count()
    assert count >= 4
    check_tiles(page, count)
    boxes = [tiles.nth(i).bounding_box() for i in range(count)]
    assert all(b["height"] >= 44 and b["width"] >= 44 for b in boxes), "touch targets of at least 44 px"
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"], "2 per row"
    assert boxes[2]["y"] >= boxes[0]["y"] + boxes[0]["height"] and abs(boxes[2]["x"] - boxes[0]["x"]) < 2


def test_the_projector_keeps_one_readable_layout_whether_the_timer_or_the_class_closes_a_question(
        server, visit, monkeypatch, screenshot_dir):
    make_teacher(server.data_dir, monkeypatch, "guru_proyektor", "Rina Lestari")
    teacher = visit("projector")
    host = sign_in(teacher, f"{server.url}/kuis-langsung-guru", "guru_proyektor")
    expect(host.get_by_role("button", name="Buka ruang tunggu")).to_be_visible(**WAIT)
    pick_questions(teacher, host)
    assert "kd-01 · Pilihan ganda · " in host.get_by_test_id("stMultiSelect").inner_text()
    seconds = host.get_by_test_id("stNumberInputField")
    seconds.fill(BASE_SECONDS)
    seconds.press("Enter")
    teacher.settle()
    press(teacher, host, "Buka ruang tunggu")
    code = host.locator(".live-code").inner_text().replace(" ", "")
    phones = {name: visit("phone", touch=True) for name in ("Ana", "Budi", "Cici")}
    pages = {name: join(v, f"{server.url}/kuis-langsung?kuis={code}", name) for name, v in phones.items()}
    chips = host.locator(".st-key-live-chips [data-testid='stText']")
    expect(chips).to_have_count(3, **WAIT)
    assert [c.inner_text() for c in chips.all()] == ["Ana", "Budi", "Cici"]
    assert all(float(c.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= PROJECTOR_TEXT
               for c in chips.all())
    assert sidebar_hidden(host)
    shoot(host, screenshot_dir, "proyektor-ruang-tunggu-1920.png")

    # question 1 (single choice): Ana and Budi answer, Cici does not; the timer closes it
    press(teacher, host, "Mulai kuis")
    expect(host.get_by_text("Soal 1 dari 3")).to_be_visible(**WAIT)
    projected = check_tiles(host, 5)
    for name in ("Ana", "Budi"):
        check_phone_tiles(pages[name])
    phone_tiles = check_tiles(pages["Cici"], 5)
    assert [t["background"] for t in phone_tiles] == [t["background"] for t in projected], "one mapping"
    shoot(host, screenshot_dir, "proyektor-soal-1920.png")
    shoot(pages["Cici"], screenshot_dir, "ponsel-soal-390.png")
    tap_choice(phones["Ana"], pages["Ana"], 0)
    tap_choice(phones["Budi"], pages["Budi"], 1)
    check_reveal(host, (1920, 1080), 1500)
    shoot(host, screenshot_dir, "proyektor-jawaban-waktu-habis-1920.png")
    host.set_viewport_size({"width": 1366, "height": 768})
    host.wait_for_timeout(500)  # plotly redraws at the new width
    check_reveal(host, (1366, 768), 1100)
    shoot(host, screenshot_dir, "proyektor-jawaban-waktu-habis-1366.png")
    host.set_viewport_size({"width": 1920, "height": 1080})

    press(teacher, host, "Lanjut")
    expect(host.get_by_text("Papan peringkat")).to_be_visible(**WAIT)
    assert host.evaluate(SMALL_TEXT, PROJECTOR_TEXT) == []
    shoot(host, screenshot_dir, "proyektor-peringkat-1920.png")

    # question 2 (true/false grid): everyone answers, so the class closes it
    press(teacher, host, "Lanjut")
    expect(host.get_by_text("Soal 2 dari 3")).to_be_visible(**WAIT)
    for name, v in phones.items():
        page = pages[name]
        expect(page.get_by_text("Soal 2 dari 3")).to_be_visible(**WAIT)
        page.get_by_test_id("stButtonGroup").first.get_by_text("Benar", exact=True).click()
        v.settle()
        page.get_by_role("button", name="Kirim jawaban").click()
        v.settle()
    check_reveal(host, (1920, 1080), 1500, bars=False)
    shoot(host, screenshot_dir, "proyektor-jawaban-semua-menjawab-1920.png")

    press(teacher, host, "Lanjut", "Lanjut")
    expect(host.get_by_text("Soal 3 dari 3")).to_be_visible(**WAIT)
    press(teacher, host, "Tutup soal sekarang", "Lanjut", "Lihat podium")
    expect(host.get_by_text("Juara Kuis Langsung")).to_be_visible(**WAIT)
    assert host.evaluate(SMALL_TEXT, PROJECTOR_TEXT) == []
    shoot(host, screenshot_dir, "proyektor-podium-1920.png")


def test_a_phones_multiple_answer_choices_are_tiles_two_per_row_ticked_when_chosen(server, visit, screenshot_dir):
    from lessonkit.auth.passwords import hash_password
    from lessonkit.services import live_session as service
    from lessonkit.storage import Store
    from tests.browser.flows import PASSWORD, db_url
    from ui import data

    store = Store.open(db_url(server.data_dir))
    teacher = store.add_teacher("Guru Ubin", username="guru_ubin", password_hash=hash_password(PASSWORD))
    question = next(q for q in data.bank().questions if q.type == "multiple")
    record = service.create(store, data.bank(), teacher.id, [question.id], base_seconds=120, speed_bonus=True)
    v = visit("phone", touch=True)
    page = join(v, f"{server.url}/kuis-langsung?kuis={record.code}", "Dewi")
    service.command(store, teacher.id, record.id, "start")
    pills = page.locator(".st-key-live-pick button")
    expect(pills.first).to_be_visible(**WAIT)
    count = pills.count()
    shapes = [pills.nth(i).evaluate("b => getComputedStyle(b.querySelector('p'), '::before').content") for i in
              range(count)]
    assert [s.strip('"') for s in shapes] == [look.tile(i).shape for i in range(count)]
    boxes = [pills.nth(i).bounding_box() for i in range(count)]
    assert all(b["height"] >= 44 for b in boxes) and abs(boxes[0]["y"] - boxes[1]["y"]) < 2, "2 per row, big"
    pills.first.click()
    v.settle()
    chosen = page.locator(".st-key-live-pick button[aria-pressed='true'] p")
    assert "✓ dipilih" in chosen.first.evaluate("p => getComputedStyle(p, '::after').content")
    shoot(page, screenshot_dir, "ponsel-pilihan-ganda-kompleks-390.png")
    store.engine.dispose()
