"""A student who uses only the keyboard: a practice question of every type and a whole exam, in Chromium.

Only Tab, Space, Enter, Escape, arrow keys and typing are sent; the test reads
the page only to decide when to stop tabbing. Every control the student
operates must show a visible focus indicator: its look (outline, shadow,
border or background of it or a near ancestor) differs while focused.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

FOCUSED = """() => { const e = document.activeElement; const label = e.closest('label');
  const name = e.getAttribute('aria-label') || (label && label.innerText) || e.innerText || e.value || '';
  const group = e.closest('[role="radiogroup"]');
  return {tag: e.tagName, role: e.getAttribute('role') || e.type || '', name: name.trim().slice(0, 80),
          group: group ? group.getAttribute('aria-label') || '' : ''}; }"""
LOOK = """async (e) => {  // after the frames that apply the focus styles
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  if (!e.isConnected) return null; const out = [];
  for (let x = e, i = 0; x && i < 5; x = x.parentElement, i++) { const s = getComputedStyle(x);
    out.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor]); }
  return JSON.stringify(out); }"""

INSIDE_SAME_WIDGET = """(e) => { const widget = e.isConnected && e.closest('[data-testid="stElementContainer"]');
  return !!(widget && widget.contains(document.activeElement)); }"""


class Keyboard:
    """Keys only; remembers the controls it used and whether their focus could be seen."""

    def __init__(self, v):
        self.v, self.page = v, v.page
        self.unseen: list[str] = []
        self._last: tuple | None = None  # (handle, name, look while focused)

    def _leave(self) -> None:
        if self._last is None:
            return
        handle, name, focused_look = self._last
        if handle.evaluate(INSIDE_SAME_WIDGET):
            return  # focus moved within the widget (a select box's clear button): compare when it leaves
        self._last = None
        unfocused_look = handle.evaluate(LOOK)
        if unfocused_look is not None and unfocused_look == focused_look:
            self.unseen.append(name)

    def tab_to(self, wanted: Callable[[dict], bool], what: str, limit: int = 80, back: bool = False) -> dict:
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            self._leave()  # the control used before has lost focus now: compare its look
            focused = self.page.evaluate(FOCUSED)
            if wanted(focused):
                handle = self.page.evaluate_handle("document.activeElement")
                self._last = (handle, f"{what}: {focused['name']}", handle.evaluate(LOOK))
                return focused
        raise AssertionError(f"Tab never reached {what}")

    def press(self, *keys: str, settle: bool = False) -> None:
        for key in keys:
            self.page.keyboard.press(key)
        if settle:
            self.v.settle()

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED)


def _named(role: str, name: str = "", group: str = "") -> Callable[[dict], bool]:
    """The control of this role whose name (and radio group label) contain the given texts.

    Names must single out one question's controls: after a rerun removes the focused button, Chromium
    continues tabbing from where it was, which may be below the question a routine wants.
    """
    return lambda f: f["role"] == role and name in f["name"] and group in f["group"]


def _single(kb: Keyboard, settle: bool) -> None:
    kb.tab_to(_named("radio", "Kelompok", group="Pilih satu jawaban"), "pilihan ganda")
    for _ in range(4):
        if "Kelompok okupasional" in kb.focused()["name"]:
            break
        kb.press("ArrowDown")
    kb.press("Space", settle=settle)


def _multiple(kb: Keyboard, settle: bool) -> None:
    options = {"Memiliki kode etik": True, "Anggotanya tidak dibayar": False, "Memiliki keahlian khusus": True}
    for _ in options:
        focused = kb.tab_to(lambda f: f["role"] == "checkbox" and f["name"] in options, "pilihan ganda kompleks")
        if options[focused["name"]]:
            kb.press("Space", settle=settle)


def _true_false(kb: Keyboard, settle: bool) -> None:
    """Both statements, in the order this student was shown them (statements are shuffled per student)."""
    wanted, done = {"Relawan": "Benar", "Kode etik": "Salah"}, set()
    while len(done) < len(wanted):
        focused = kb.tab_to(lambda f: f["role"] == "radio" and f["name"] == "Benar" and any(
            s in f["group"] for s in set(wanted) - done), f"benar/salah {len(done) + 1}")
        statement = next(s for s in wanted if s in focused["group"])
        if wanted[statement] == "Benar":
            kb.press("Space", settle=settle)
        else:
            kb.press("ArrowRight", settle=settle)
            assert kb.focused()["name"] == "Salah"
        done.add(statement)


def _matching(kb: Keyboard, settle: bool) -> None:
    for left, right in (("Dokter", "IDI"), ("Relawan kemanusiaan", "PMI"), ("Guru", "PGRI")):
        kb.tab_to(_named("combobox", left), f"menjodohkan {left}")
        kb.type(right)
        kb.press("Enter", settle=settle)


ORDER = ["Kebutuhan muncul", "Orang berkumpul", "Kelompok terbentuk"]
ROW_BUTTON = """([which, position]) => !!document.activeElement.closest(`[class*="-${which}-${position}"]`)"""
BEFORE = """(selector) => { const target = document.querySelector(selector);
  return !!(target && document.activeElement.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING); }"""


def ordering_rows(page) -> list[str]:
    """The ordering widget's item texts, top to bottom."""
    rows = page.locator("[class*='-row-'] [data-testid='stMarkdownContainer']").all_inner_texts()
    return [row.split(". ", 1)[1] for row in rows if ". " in row][:len(ORDER)]


def rows_become(page, wanted: Callable[[list[str]], bool], what: str, seconds: float = 10.0) -> list[str]:
    """The ordering rows once ``wanted`` holds for them (the page may still be drawing the last rerun)."""
    for _ in range(int(seconds / 0.05)):
        rows = ordering_rows(page)
        if wanted(rows):
            return rows
        page.wait_for_timeout(50)
    raise AssertionError(f"{what}: {ordering_rows(page)}")


def ordering_by_keyboard(kb: Keyboard, settle: bool) -> None:
    """Each item in turn moves up with the ↑ button (Tab or Shift+Tab to it, Enter)."""
    for target, text in enumerate(ORDER):
        while (current := ordering_rows(kb.page).index(text)) > target:
            selector = f"[class*='-up-{current}'] button"
            back = kb.page.evaluate(BEFORE, selector)
            kb.tab_to(lambda f, c=current: kb.page.evaluate(ROW_BUTTON, ["up", c]), f"mengurutkan ↑ {current + 1}",
                      back=back)
            kb.press("Enter", settle=True)
            rows_become(kb.page, lambda rows, c=current, t=text: rows.index(t) == c - 1, f"↑ did not move {text!r} up")
    assert rows_become(kb.page, lambda rows: rows == ORDER, "the items are not in order") == ORDER


def _short_answer(kb: Keyboard, settle: bool) -> None:
    kb.tab_to(lambda f: f["tag"] == "INPUT" and "Jawabanmu" in f["name"], "isian singkat")
    kb.type("kode etik")
    kb.press("Enter", settle=True)


def _essay(kb: Keyboard, settle: bool) -> None:
    kb.tab_to(lambda f: f["tag"] == "TEXTAREA", "uraian")
    kb.type("Karena peduli pada sesama.")


ANSWER = {  # the prompt of each question in tests/fixtures/quizzes_timed/kuis-semua-jenis.yaml -> its keys
    "Soerjono Soekanto menyebut": _single,
    "Mana saja ciri kelompok profesi": _multiple,
    "Tentukan benar atau salah": _true_false,
    "Pasangkan kelompok dengan contohnya": _matching,
    "Urutkan tahapnya": ordering_by_keyboard,
    "Aturan perilaku yang wajib": _short_answer,
    "Jelaskan mengapa orang mau": _essay,
}


def _answer(kb: Keyboard, prompt_text: str, settle: bool) -> None:
    routine = next(routine for start, routine in ANSWER.items() if start in prompt_text)
    routine(kb, settle)


def pick_and_start(kb: Keyboard, box: str, quiz: str, start: str) -> None:
    """Type into the quiz select box, pick with Enter, then press the start button."""
    kb.tab_to(_named("combobox", box), box)
    kb.type("Semua")
    kb.press("Enter", settle=True)
    expect(kb.page.get_by_role("combobox", name=box)).to_have_value(quiz)
    kb.tab_to(_named("submit", start), start)
    kb.press("Enter", settle=True)


def test_a_practice_question_of_every_type_by_keyboard_alone(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{quiz_server.url}/latihan")
    kb = Keyboard(v)
    kb.tab_to(_named("radio", "Bagian materi"), "latihan berdasarkan")  # a segmented control: radio buttons
    kb.press("ArrowRight", "Space", settle=True)
    pick_and_start(kb, "Pilih kuis", "Kuis Semua Jenis (7 soal)", "Mulai latihan")
    for number in range(1, 8):
        expect(page.get_by_text(f"Soal {number} dari 7")).to_be_visible()
        _answer(kb, page.get_by_test_id("stMain").inner_text(), settle=False)
        kb.tab_to(_named("submit", "Periksa"), "periksa")
        kb.press("Enter", settle=True)
        if number < 7:
            expect(page.get_by_test_id("stAlert").filter(has_text="Benar")).to_be_visible()
        else:
            expect(page.get_by_text("tidak dinilai otomatis", exact=False)).to_be_visible()
        page.screenshot(path=str(screenshot_dir / f"keyboard-latihan-{number}.png"))
        kb.tab_to(lambda f: f["role"] == "submit" and f["name"].endswith("→"), "berikutnya")
        kb.press("Enter", settle=True)
    expect(page.get_by_test_id("stMetric").filter(has_text="Jawaban benar")).to_contain_text("6 dari 6")
    assert kb.unseen == [], f"no visible focus on: {json.dumps(kb.unseen, ensure_ascii=False)}"
    assert v.outside_requests() == []


def test_a_whole_exam_by_keyboard_alone(quiz_server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{quiz_server.url}/ujian")
    kb = Keyboard(v)
    pick_and_start(kb, "Sumber soal", "Kuis Semua Jenis", "Mulai ujian")
    expect(page.get_by_text("Soal 6 ·")).to_be_visible()
    for number in range(1, 7):
        box = page.get_by_text(f"Soal {number} ·").locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
        _answer(kb, box.inner_text(), settle=True)
        expect(box.get_by_text("✓ Jawaban tercatat")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "keyboard-ujian.png"), full_page=True)
    kb.tab_to(_named("submit", "Kumpulkan jawaban"), "kumpulkan")
    kb.press("Enter", settle=True)
    expect(page.get_by_test_id("stMetric").filter(has_text="Nilai")).to_contain_text("100")
    assert kb.unseen == [], f"no visible focus on: {json.dumps(kb.unseen, ensure_ascii=False)}"
    assert v.outside_requests() == []

