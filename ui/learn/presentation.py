"""Slide rendering for the presentation page, with large type for projection.

Large type comes from a stylesheet scoped to containers this app creates
with a ``key`` (Streamlit turns a container key into the documented CSS class
``st-key-<key>``), so it touches only these slides and does not depend on
Streamlit's internal class names.
"""

from __future__ import annotations

import streamlit as st

from lessonkit.display.slides import Slide, matching_sheet
from lessonkit.quiz.types import module_of, true_false
from lessonkit.quiz.types.single import LETTERS
from ui import data
from ui.learn import diagram_view

SLIDE_KEY = "lk-slide"
NAV_KEY = "lk-nav"
STYLE = f"""<style>
.st-key-{SLIDE_KEY} p, .st-key-{SLIDE_KEY} li {{ font-size: 32px !important; line-height: 1.4 !important; }}
.st-key-{SLIDE_KEY} h1 {{ font-size: 60px !important; line-height: 1.15 !important; }}
.st-key-{SLIDE_KEY} h2 {{ font-size: 46px !important; line-height: 1.2 !important; }}
.st-key-{SLIDE_KEY} h3 {{ font-size: 38px !important; }}
.st-key-{NAV_KEY} button {{ min-height: 64px; }}
.st-key-{NAV_KEY} button p, .st-key-{NAV_KEY} p {{ font-size: 28px !important; }}
</style>"""


def style() -> None:
    st.html(STYLE)


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def render(slide: Slide, number: int, total: int) -> None:
    with st.container(key=SLIDE_KEY):
        section = data.lesson().section(slide.section_id) if slide.section_id else None
        st.caption(f"{section.title if section else 'Pembuka'} · Slide {number} dari {total}")
        if slide.kind == "title":
            st.markdown(f"# {slide.title}")
            st.markdown("## Tujuan pembelajaran\n" + _bullets(slide.bullets))
        elif slide.kind == "objectives":
            st.markdown(f"# {slide.title}")
            st.markdown("Setelah bagian ini, kita dapat:\n\n" + _bullets(slide.bullets))
        elif slide.kind == "summary":
            st.markdown(f"## Rangkuman: {slide.title}")
            st.markdown(_bullets(slide.bullets))
        elif slide.kind == "stage":
            _stage(slide)
        else:
            _question(slide, number)


def _stage(slide: Slide) -> None:
    st.markdown(f"## {slide.title}")
    item = data.diagrams().items[slide.diagram_id]
    across = item.kind in ("pathway", "timeline")  # long rows: they take the slide's width, the text below
    chart, text = (st.container(), st.container()) if across else st.columns([3, 2])
    with chart:
        diagram_view.picture(item, key="slide-diagram", highlight=slide.stage_key, revealed=slide.revealed, big=True)
    head, *rest = slide.bullets
    text.markdown(f"### {head}")
    text.markdown("\n\n".join(rest))


def _question(slide: Slide, number: int) -> None:
    bank = data.bank()
    q = bank.question(slide.question_id)
    module = module_of(q)
    reveal_key = f"reveal-{number}"
    revealed = st.session_state.get(reveal_key, False)
    st.markdown("## Ayo diskusikan")
    stimulus = bank.stimulus_of(q)
    if stimulus:
        st.markdown(stimulus)
    st.markdown(q.prompt)
    if q.type in ("single", "multiple"):
        answers = {q.answer} if q.type == "single" else set(q.answers)
        lines = []
        for i, option in enumerate(q.options):
            text = f"{LETTERS[i]}. {option.text}"
            lines.append(f"- **{text} ✓**" if revealed and i in answers else f"- {text}")
        st.markdown("\n".join(lines))
    elif q.type == "matching":
        _matching(q, revealed)
    else:
        lines = []
        for i, statement in enumerate(q.statements, start=1):
            verdict = f" → **{true_false.choices(q)[statement.answer]}**" if revealed else ""
            lines.append(f"{i}. {statement.text}{verdict}")
        st.markdown("\n".join(lines))
    if revealed:
        if q.type != "matching":  # a matching slide already shows its key as letters beside each item
            st.markdown(f"**Jawaban:** {module.key_text(q)}")
        st.markdown(f"**Pembahasan.** {q.explanation}")
    else:
        st.button("Tampilkan jawaban", key=f"reveal-button-{number}", type="primary",
                  on_click=lambda: st.session_state.update({reveal_key: True}))


def _matching(q, revealed: bool) -> None:
    sheet = matching_sheet(q)
    left_area, right_area = st.columns(2)
    left_area.markdown("\n".join(f"{n}. {left}" + (f" → **{letter}**" if revealed else "")
                                 for n, (left, letter) in enumerate(zip(sheet.lefts, sheet.key, strict=True), 1)))
    spare = " *(tidak punya pasangan)*"
    right_area.markdown("\n".join(f"- **{letter}.** {text}" + (spare if revealed and letter in sheet.spare else "")
                                   for letter, text in sheet.rights))
