"""The hostile corpus through the real pages (AppTest): user text reaches Streamlit only through ``plain()``.

AppTest sees the Markdown source each element receives, so these tests prove
that the escaping is applied on every page that shows a name, a class code
or an answer; ``tests/browser/test_user_text.py`` proves what Chromium then
shows.
"""

from __future__ import annotations

import re

import pytest

from lessonkit.rules.class_codes import clean_class_name
from lessonkit.rules.limits import STUDENT_NAME_MAX, clean_line
from lessonkit.storage import Store, default_url
from tests.hostile import CORPUS
from ui.nav import PAGES
from ui.text import plain

# markup from the corpus that Streamlit would interpret: not preceded by a backslash or followed by a joiner
RAW_MARKUP = re.compile(r"(?<!\\)\]\(|(?<!\\)<(img|script|b)\b|:(material/|smile:|red\[)|javascript:(?!\u2060)|"
                        r"(?<!\\)\*\*tebal|(?<!\\)\$x")


def _class_named(name: str) -> str:
    """A teacher's class called ``name``; returns its join code."""
    store = Store.open(default_url())
    try:
        teacher = store.add_teacher("Bu Sari", username=f"guru{abs(hash(name))}")
        return store.create_class(teacher.id, name).join_code
    finally:
        store.engine.dispose()


def _register(at, name: str, class_name: str):
    """A student saving under ``name`` who joins, with the code, a class called ``class_name``."""
    code = _class_named(class_name)
    at.run()
    at.text_input(key="new_name").input(name[:STUDENT_NAME_MAX]).run()
    at.text_input(key="new_class").input(code).run()
    next(b for b in at.button if b.label == "Mulai menyimpan").click().run()
    return at.session_state["student"]


def _markdown_sources(at) -> list[str]:
    """Every string of the run that Streamlit renders as Markdown."""
    found = [e.value for kind in ("markdown", "caption", "warning", "info", "success", "error", "toast")
             for e in getattr(at, kind)]
    found += [e.label for e in at.expander] + [e.label for e in at.button] + [e.label for e in at.metric]
    found += [str(e.value) for e in at.metric]
    return found


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_a_hostile_name_and_class_name_are_escaped_in_the_sidebar_and_on_kemajuan(app, text):
    at = app()
    learner = _register(at, text, text.strip() or "kelas")
    name, klass = clean_line(text[:STUDENT_NAME_MAX], STUDENT_NAME_MAX), clean_class_name(text.strip() or "kelas")
    assert learner.display_name == name
    assert [e.label for e in at.sidebar.expander] == [f"Tersimpan sebagai {plain(name)}"]
    at.switch_page("app_pages/kemajuan.py").run()
    assert not at.exception
    assert f"{plain(name)} · kelas {plain(klass)}" in [c.value for c in at.caption]  # the new code's note first
    for source in _markdown_sources(at):
        assert not RAW_MARKUP.search(source), source


def test_every_page_keeps_a_hostile_students_text_escaped(app):
    at = app()
    _register(at, "![x](http://example.invalid/p.png) :smile:", "<img src=x>")
    for spec in PAGES:
        at.switch_page(spec.path).run()
        assert not at.exception, spec.key
        for source in _markdown_sources(at):
            assert not RAW_MARKUP.search(source), (spec.key, source)


def test_hostile_answers_are_escaped_in_the_exam_review(app):
    at = app()
    at.switch_page("app_pages/ujian.py").run()
    at.selectbox[0].set_value("kuis-contoh").run()
    next(b for b in at.button if b.label == "Mulai ujian").click().run()
    key = f"exam-{at.session_state['exam_token']}-c-03"
    answer = CORPUS["markdown-image"] + " " + CORPUS["html-image"]
    at.text_input(key=key).input(answer[:120]).run()
    next(b for b in at.button if b.label == "Kumpulkan jawaban").click().run()
    next(b for b in at.button if b.label.startswith("Ya, kumpulkan")).click().run()
    assert f"**Jawabanmu:** {plain(answer[:120])}" in [m.value for m in at.markdown]
    for source in _markdown_sources(at):
        assert not RAW_MARKUP.search(source), source
