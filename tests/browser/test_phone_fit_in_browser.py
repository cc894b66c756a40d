"""What a phone and a projector show (issue #24, defects 9–11), measured in Chromium: Kemajuan's tables inside
390 px, the lesson's contents on the first screen with the sidebar closed, touch targets of 44 px, link labels
that wrap whole words, and diagram labels of at least 28 px on a 1920 px projector."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from lessonkit.display.slides import build_deck
from lessonkit.lesson.content import load_lesson
from lessonkit.lesson.stages import load_diagrams
from lessonkit.quiz import read_bank
from lessonkit.storage import Store
from lessonkit.storage.common import utcnow
from tests.browser.flows import cut_off, db_url, make_teacher, shoot, sign_in
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

PHONE_WIDTH, PHONE_HEIGHT = 390, 844
TOUCH_PX = 44
PROJECTOR_LABEL_PX = 28
LOADED_MS = 30_000  # a table's script is fetched on first use: slow on a busy test machine


def _student_with_history(data_dir) -> str:
    """A student with practice on two days and visits, made in the server's database; returns the resume code."""
    store = Store.open(db_url(data_dir))
    try:
        ana = store.create_student("Ana")
        bank = read_bank([ROOT / "quizzes"], section_ids=load_lesson(ROOT / "content").section_ids)
        questions = [q for q in bank.questions if q.type == "single"][:3]
        for days, question in zip((3, 3, 0), questions, strict=True):
            store.record_practice(ana.id, question, 0, 0.5, now=utcnow() - timedelta(days=days))
        store.record_visit(ana.id, questions[0].section)
        return ana.code
    finally:
        store.engine.dispose()


def _outside(page, selector: str, width: int) -> list[str]:
    """The texts of the elements at ``selector`` that do not lie whole inside ``0..width`` px."""
    return page.eval_on_selector_all(selector, """(els, width) => els
        .filter((el) => { const b = el.getBoundingClientRect(); return b.left < 0 || b.right > width + 0.5; })
        .map((el) => el.innerText)""", width)


def test_kemajuan_on_a_phone_shows_every_column_of_both_tables_inside_the_screen(server, visit, screenshot_dir):
    code = _student_with_history(server.data_dir)
    v = visit("phone")
    page = v.open(f"{server.url}/kemajuan?kode={code}")
    for key, label in (("lk-mastery", "Tingkat: "), ("lk-history", "Skor: ")):
        cells = page.locator(f".st-key-{key} td")
        expect(cells.first).to_be_visible(timeout=LOADED_MS)
        assert _outside(page, f".st-key-{key} td", PHONE_WIDTH) == [], f"{key}: a value off the screen"
        texts = cells.evaluate_all("(els) => els.map((el) => getComputedStyle(el, '::before').content)")
        assert f'"{label}"' in texts, f"{key}: each value is named on a phone"
    shoot(page, screenshot_dir, "kemajuan-phone.png")
    for name in ("desktop", "projector"):
        wide = visit(name)
        page = wide.open(f"{server.url}/kemajuan?kode={code}")
        header = page.locator(".st-key-lk-mastery thead")
        expect(header).to_contain_text("Tingkat", timeout=LOADED_MS)
        shoot(page, screenshot_dir, f"kemajuan-{name}.png")


def test_the_lesson_contents_are_on_a_phones_first_screen_and_the_sidebar_starts_closed(server, visit,
                                                                                         screenshot_dir):
    v = visit("phone", touch=True)
    page = v.open(f"{server.url}/materi?bagian=pengantar")
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar").bounding_box()
    assert sidebar is None or sidebar["x"] + sidebar["width"] <= 0, f"the sidebar starts closed: {sidebar}"
    contents = page.get_by_role("combobox", name=re.compile("^Daftar isi"))
    box = contents.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE_HEIGHT, f"the contents end at {box}"
    shoot(page, screenshot_dir, "materi-daftar-isi-phone.png")
    contents.tap()
    page.get_by_role("option", name=re.compile(r"^3\. ")).tap()
    v.settle()
    expect(page.locator("h1").first).to_contain_text("Langkah Pembentukan")
    assert "bagian=pembentukan-profesi" in page.url
    expect(page.get_by_role("combobox", name=re.compile("^Daftar isi"))).to_have_value(re.compile(r"^3\. "))


def _size(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return (box["width"], box["height"]) if box else (0.0, 0.0)


def test_streamlits_own_controls_are_touch_targets_of_44_px_on_a_phone(server, visit, monkeypatch):
    v = visit("phone", touch=True)
    page = v.open(f"{server.url}/materi")
    expect(page.get_by_test_id("stExpandSidebarButton")).to_have_css("min-height", f"{TOUCH_PX}px")  # the app's style
    sizes = {"buka bilah samping": _size(page.get_by_test_id("stExpandSidebarButton")),
             "menu ⋮": _size(page.get_by_test_id("stMainMenu").get_by_role("button"))}
    page.get_by_test_id("stExpandSidebarButton").tap()
    sizes["tutup bilah samping"] = _size(page.get_by_test_id("stSidebarCollapseButton").get_by_role("button"))
    small = {name: size for name, size in sizes.items() if min(size) < TOUCH_PX}
    assert small == {}, f"below {TOUCH_PX} px: {small}"
    page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").tap()  # Streamlit remembers an open one
    make_teacher(server.data_dir, monkeypatch, "guru_sentuh", "Bu Sentuh")
    page = sign_in(v, f"{server.url}/unduh-cetak", "guru_sentuh")
    page.get_by_test_id("stMultiSelect").filter(has_text="Bagian materi").get_by_role("combobox").tap()
    page.get_by_role("option").first.tap()
    v.settle()
    remove = page.get_by_test_id("stMultiSelect").locator("[data-tag] > [aria-label]").first
    assert min(_size(remove)) >= TOUCH_PX, f"the multiselect's × is {_size(remove)}"


def test_long_link_labels_wrap_whole_words_instead_of_being_cut_on_a_phone(server, visit, screenshot_dir):
    v = visit("phone")
    page = v.open(f"{server.url}/glosarium")
    labels = page.locator("[data-testid='stPageLink-NavLink'] > span")
    expect(labels.first).to_be_visible()
    cut = cut_off(labels)
    assert cut == [], f"cut labels: {cut[:3]}"
    assert _outside(page, "[data-testid='stPageLink-NavLink']", PHONE_WIDTH) == []
    shoot(page, screenshot_dir, "glosarium-phone.png")


_LABEL_PX = """(svgs) => svgs.flatMap((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
    .map((t) => parseFloat(t.getAttribute('font-size')) * scale);
})"""


def _smallest_label(page) -> float:
    """The smallest type of the diagrams on screen, in CSS px (they live in a component's shadow root)."""
    drawings = page.locator(".lk svg")
    drawings.first.wait_for(state="attached", timeout=LOADED_MS)
    return min(drawings.evaluate_all(_LABEL_PX))


def _first_stage_slides() -> dict[str, int]:
    """The number of the first slide of every diagram in the deck."""
    lesson = load_lesson(ROOT / "content")
    diagrams = load_diagrams(ROOT / "content", lesson.section_ids)
    deck = build_deck(lesson, diagrams, read_bank([ROOT / "quizzes"], section_ids=lesson.section_ids))
    found: dict[str, int] = {}
    for number, slide in enumerate(deck, start=1):
        if slide.kind == "stage":
            found.setdefault(slide.diagram_id, number)
    return found


def test_diagram_labels_are_at_least_28_px_on_a_1920_px_projector(server, visit, screenshot_dir):
    v = visit("projector")
    slides = _first_stage_slides()
    sizes = {}
    for diagram, number in slides.items():
        page = v.open(f"{server.url}/diagram?diagram={diagram}")
        sizes[f"Diagram Proses {diagram}"] = _smallest_label(page)
        shoot(page, screenshot_dir, f"diagram-{diagram}-projector.png")
        page = v.open(f"{server.url}/presentasi?slide={number}")
        sizes[f"slide {number} ({diagram})"] = _smallest_label(page)
        shoot(page, screenshot_dir, f"presentasi-{number}-projector.png")
    small = {where: round(px, 1) for where, px in sizes.items() if px < PROJECTOR_LABEL_PX}
    assert len(slides) >= 5 and small == {}, f"labels below {PROJECTOR_LABEL_PX} px: {small}"
