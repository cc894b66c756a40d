"""Materi: read the lesson section by section, with a table of contents and deep links.

The table of contents is in the sidebar (every section, ✓ for the opened ones) and, so a phone has it on its
first screen without opening the menu, a select box under the section's title.

The open section lives in the ``?bagian=`` query parameter (the URL is the
single source of truth), so a link to a section survives a reload; sections
opened in this session are marked in the table of contents.
"""

import streamlit as st

from lessonkit.lesson.reading import neighbours, opened_count
from ui import data, scroll, student
from ui.learn import diagram_view, lesson_view, project_view

PARAM = "bagian"
TOC = "materi-toc"  # the table of contents in the page: on a phone the sidebar's list is a menu away
lesson = data.lesson()
sections = {s.id: s for s in lesson.sections}
ids = list(sections)
opened: set = st.session_state.setdefault("opened_sections", set())

lesson_view.problems([p for p in lesson.problems if p.file.endswith(".md")], "materi")
if not ids:
    st.title("Materi")
    st.error("Materi belum dapat ditampilkan karena tidak ada bagian yang berhasil dimuat.")
    st.stop()


def _go(section_id: str) -> None:
    st.query_params[PARAM] = section_id


def _picked() -> None:
    _go(st.session_state[TOC])


current = st.query_params.get(PARAM)
if current not in sections:
    current = ids[0]
    st.query_params[PARAM] = current
opened.add(current)
learner = student.current()
if learner is not None:
    store = data.store()
    if st.session_state.get("recorded_section") != current:
        student.save(store.record_visit, learner.id, current)
        st.session_state["recorded_section"] = current
    opened |= set(student.save(store.visits, learner.id) or ())

def _entry(section_id: str) -> str:
    return f"{'✓ ' if section_id in opened else ''}{sections[section_id].meta.order}. {sections[section_id].title}"


with st.sidebar:
    st.markdown("**Daftar isi**")
    for section_id in ids:
        st.button(_entry(section_id), key=f"toc-{section_id}", on_click=_go, args=(section_id,),
                  type="primary" if section_id == current else "tertiary")
    st.caption("Tanda ✓ = sudah kamu buka" + (" (tersimpan)." if learner else " di kunjungan ini."))

section = sections[current]
scroll.to_top(current, key="materi-top")
position = ids.index(current) + 1
done = opened_count(ids, opened)
st.caption(f"Bagian {position} dari {len(ids)} · ± {section.meta.minutes} menit baca")
st.title(section.title)
st.progress(done / len(ids), text=f"Sudah dibuka: {done} dari {len(ids)} bagian")
if st.session_state.get(TOC) != current:  # the widget follows the address (set before it is drawn)
    st.session_state[TOC] = current
st.selectbox("Daftar isi: pindah ke bagian", ids, key=TOC, format_func=_entry, on_change=_picked)



def _after_body() -> None:
    """Diagrams of the section, then the project card if it belongs here."""
    items = data.diagrams().for_section(current)
    if items:
        st.subheader("Diagram interaktif")
    for item in items:
        st.markdown(f"#### {item.title}")
        diagram_view.show(item, key=f"materi-{item.id}", beside=False)
    if lesson.project is not None and lesson.project.section == current:
        project_view.show(lesson.project)


lesson_view.section(section, after_body=_after_body)

before, after = neighbours(ids, current)
left, right = st.columns(2)
if before:
    left.button(f"← Sebelumnya: {sections[before].title}", on_click=_go, args=(before,),
                key="prev", width="stretch")
if after:
    right.button(f"Berikutnya: {sections[after].title} →", on_click=_go, args=(after,),
                 key="next", type="primary", width="stretch")
else:
    right.success("Kamu sudah sampai di bagian terakhir. Hebat!")
