"""Widgets that show lesson content: a section with its boxes, and load problems."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from lessonkit.authoring.problems import Problem
from lessonkit.lesson.content import CALLOUT_KINDS, Block, Lesson, Section


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _callout(block: Block) -> None:
    label = CALLOUT_KINDS[block.kind]
    heading = f"**{label}: {block.title}**" if block.title and block.title != label else f"**{label}**"
    body = f"{heading}\n\n{block.text}"
    if block.kind == "contoh":
        st.info(body)
    elif block.kind == "ingat":
        st.warning(body)
    else:
        with st.container(border=True):
            st.caption("PENGAYAAN")
            st.markdown(body)


def section(section: Section, after_body: Callable[[], None] | None = None) -> None:
    """Objectives, body (with callout boxes), anything ``after_body`` adds, then the summary."""
    codes = f" ({', '.join(section.meta.tp)})" if section.meta.tp else ""
    with st.container(border=True):
        st.markdown(f"**Tujuan pembelajaran{codes}**\n\nSetelah mempelajari bagian ini, kamu dapat:\n\n"
                    + _bullets(section.meta.objectives))
    for block in section.blocks:
        if block.kind == "markdown":
            st.markdown(block.text)
        else:
            _callout(block)
    if after_body is not None:
        after_body()
    st.subheader("Rangkuman")
    st.success(_bullets(section.meta.summary))


def curriculum_codes(lesson: Lesson) -> None:
    """The TPs with their CP element and the sections that teach them (from content/capaian.yaml)."""
    if lesson.capaian is None:
        return
    capaian = lesson.capaian.capaian
    with st.expander(f"Capaian dan tujuan pembelajaran: {capaian.subject} {capaian.phase}"):
        for element in capaian.elements:
            st.markdown(f"**Elemen {element.name}.** {element.cp}")
        rows = []
        for objective in capaian.objectives:
            numbers = [str(n) for n, s in enumerate(lesson.sections, start=1) if objective.code in s.meta.tp]
            rows.append(f"- **{objective.code}** ({capaian.element(objective.element).name}): {objective.text} "
                        f"*Bagian {', '.join(numbers) or '–'}; Profil Lulusan: {', '.join(objective.profile) or '–'}.*")
        st.markdown("\n".join(rows))
        st.caption(f"Dimensi Profil Lulusan: {', '.join(capaian.profile)}. Sumber: {capaian.source}")


def problems(items: Sequence[Problem], what: str) -> None:
    """Tell the student something could not be loaded; give the teacher the details."""
    if not items:
        return
    st.warning(f"Sebagian {what} tidak dapat dimuat, jadi tidak ditampilkan. Bagian lain tetap bisa dipakai. "
               "Beri tahu gurumu.")
    with st.expander("Detail untuk guru"):
        st.caption("Perbaiki file berikut, lalu muat ulang halaman. "
                   "Periksa semua file dengan: python -m lessonkit check")
        st.code("\n".join(str(p) for p in items), language=None)
