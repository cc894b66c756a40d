"""Text a student typed is shown as typed and interprets nothing, in every context, in Chromium.

First every kind of Streamlit context (``tests/browser/apps/user_text.py``,
filled the way ``ui/text.py`` prescribes), then the lesson itself with a
hostile name, class code and answers on every page that shows them. Nothing
may load from outside localhost, no link, image, icon, emphasis, maths or
colour may appear, and the page still renders.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from lessonkit.rules.class_codes import clean_class_name
from lessonkit.rules.limits import BIDI_CONTROLS, STUDENT_NAME_MAX, clean_line
from lessonkit.storage import Store
from tests.browser.flows import register, start_exam
from tests.hostile import CORPUS, OUTSIDE
from tools.harness import Server
from ui.nav import PAGES

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

INTERPRETED = ("img, a, strong, em, del, code, pre, h1, h2, h3, h4, ol, ul, li, blockquote, table, hr, .katex, "
               "[data-testid='stIconMaterial'], [data-testid='stIconEmoji'], span[style*='color']")
CONTEXTS = {  # where the student's text sits inside each context container
    "markdown": "[data-testid='stMarkdownContainer'] p",
    "caption": "[data-testid='stCaptionContainer']",
    "expander": "summary [data-testid='stMarkdownContainer']",
    "metric": "[data-testid='stMetricLabel'] [data-testid='stMarkdownContainer']",
    "button": "button [data-testid='stMarkdownContainer']",
    "checkbox": "label [data-testid='stMarkdownContainer']",
    "radio": "[data-testid='stRadioOption'] [data-testid='stMarkdownContainer']",
    "label": "[data-testid='stWidgetLabel'] [data-testid='stMarkdownContainer']",
    "alert": "[data-testid='stAlertContentInfo'] [data-testid='stMarkdownContainer']",
    "tabs": "[role='tab'] [data-testid='stMarkdownContainer']",
    "select": "[data-testid='stSelectbox'] [data-baseweb='select'] div[value], [data-testid='stSelectbox'] input",
}


def _seen(text: str) -> str:
    """Text as a reader sees it: invisible joiners and direction overrides gone, white space collapsed."""
    visible = "".join(c for c in text if c not in BIDI_CONTROLS)
    return " ".join(visible.replace("\u2060", "").replace("\u00a0", " ").split())


def _interpreted(locator) -> list[str]:
    return locator.evaluate(f"e => Array.from(e.querySelectorAll(`{INTERPRETED}`)).map(x => x.outerHTML.slice(0, 80))")


@pytest.fixture(scope="module")
def contexts_app(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("usertext"), script="tests/browser/apps/user_text.py").start()
    yield srv
    srv.stop()


def test_every_context_shows_the_text_as_typed_and_interprets_nothing(contexts_app, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(contexts_app.url)
    expect(page.locator(".st-key-chart svg text").first).to_be_attached(timeout=20_000)
    wrong = []
    for key, text in CORPUS.items():
        want = _seen(text[:300])
        for context, inner in CONTEXTS.items():
            element = page.locator(f".st-key-{context}-{key}").locator(inner).first
            if context == "select":
                shown = element.evaluate("e => e.value ?? e.textContent")
            else:
                shown = element.inner_text()
            prefix = "Nama: " if context == "markdown" else ""
            if context == "select":  # plain text in one line: only the line breaks are gone
                shown, want = shown.replace(" ", ""), want.replace(" ", "")
            if _seen(shown) != _seen(prefix + want) and _seen(shown) != want:
                wrong.append(f"{context}/{key}: {shown[:80]!r}")
            inside = page.locator(f".st-key-{context}-{key}").locator(inner).first
            bad = [] if context == "select" else _interpreted(inside)
            if context == "markdown":
                bad = [b for b in bad if not b.startswith("<strong>Nama:</strong>")]
            if bad:
                wrong.append(f"{context}/{key}: interpreted {bad}")
    chart_text = _seen(" ".join(page.locator(".st-key-chart svg text").all_text_contents()))
    for text in CORPUS.values():
        if _seen(text[:40]) not in chart_text:
            wrong.append(f"chart: {text[:40]!r} missing")
    assert page.locator(".st-key-chart svg a").count() == 0, "a chart label became a link"
    page.get_by_role("button", name="Tampilkan toast").click()
    v.settle()
    toasts = page.get_by_test_id("stToast")
    expect(toasts.first).to_be_visible()
    for index in range(toasts.count()):
        if _interpreted(toasts.nth(index)):
            wrong.append(f"toast {index}: interpreted {_interpreted(toasts.nth(index))}")
    page.screenshot(path=str(screenshot_dir / "teks-pengguna-desktop.png"), full_page=False)
    assert not wrong, "\n".join(wrong)
    assert not [u for u in v.requests if OUTSIDE in u] and v.outside_requests() == []


NAME = "![x](http://example.invalid/p.png)<img src=x>:smile:\u202e**A**"  # the name box takes 60 characters
CLASS = "[k](javascript:x) $1 <b>XI</b>"  # a class name a teacher typed


def _class_code(server: Server, name: str) -> str:
    """A class called ``name`` in the server's database; returns its join code."""
    store = Store.open(f"sqlite:///{server.data_dir / 'lessonkit.db'}")
    try:
        teacher = store.add_teacher("Bu Sari", username="sari-teks")
        return store.create_class(teacher.id, name).join_code
    finally:
        store.engine.dispose()


def test_a_hostile_name_is_plain_text_on_every_page_and_in_the_export(quiz_server, visit):
    name = NAME
    v = visit("desktop")
    code = register(v, quiz_server.url, name=name, class_code=_class_code(quiz_server, CLASS))
    shown = clean_line(name, STUDENT_NAME_MAX)
    for spec in PAGES:
        page = v.open(f"{quiz_server.url}/{'' if spec.key == 'beranda' else spec.key}?kode={code}")
        expect(page.locator("h1").first).to_be_visible()
        title = page.get_by_test_id("stSidebar").locator("summary [data-testid='stMarkdownContainer']").first
        if spec.sidebar != "collapsed":  # Mode Presentasi and the projector open without the sidebar
            expect(title).to_be_visible()
            assert _seen(title.inner_text()) == _seen(f"Tersimpan sebagai {shown}"), spec.key
            assert _interpreted(title) == [], spec.key
        expect(page.get_by_test_id("stException")).to_have_count(0)
    page = v.open(f"{quiz_server.url}/kemajuan?kode={code}")
    caption = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first
    assert _seen(caption.inner_text()) == _seen(f"{shown} · kelas {clean_class_name(CLASS)}")
    assert _interpreted(caption) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh semua dataku (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"), newline="")))
    profile = next(row for row in rows if row[0] == "profil")
    assert profile[4].lstrip("'") == shown and not profile[4].startswith(("=", "+", "-", "@"))
    assert not [u for u in v.requests if OUTSIDE in u] and v.outside_requests() == []


def test_hostile_answers_are_plain_text_in_the_exam_review(quiz_server, visit, screenshot_dir):
    v = visit("phone")
    page = start_exam(v, quiz_server.url, "Kuis Lengkap")
    answer = CORPUS["markdown-image"] + " " + CORPUS["material-icon"]
    box = page.get_by_label(re.compile("Jawabanmu"))
    box.fill(answer)
    box.press("Enter")
    v.settle()
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    v.settle()
    page.get_by_role("button", name="Ya, kumpulkan sekarang").click()
    v.settle()
    review = page.get_by_test_id("stMain").get_by_test_id("stExpander").filter(has_text="Jawabanmu")
    expect(review.filter(has_text="example.invalid")).to_have_count(1)
    line = review.filter(has_text="example.invalid").locator("p").filter(has_text="Jawabanmu:")
    assert _seen(answer) in _seen(line.inner_text())
    assert _interpreted(line) == ["<strong>Jawabanmu:</strong>"]
    page.screenshot(path=str(screenshot_dir / "ujian-jawaban-aneh-phone.png"), full_page=True)
    assert not [u for u in v.requests if OUTSIDE in u] and v.outside_requests() == []
