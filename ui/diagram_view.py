"""An interactive stage diagram: click a stage or step through them; details beside; a text version."""

from __future__ import annotations

import streamlit as st

from lessonkit.stages import Comparison, Process, Stage
from ui import data, nav

LAYOUTS = {"wide": "Mendatar", "tall": "Tegak (ponsel)"}


def layout_choice() -> str:
    """The reader's preferred diagram layout, shared by every diagram in this session."""
    return st.segmented_control("Tata letak diagram", list(LAYOUTS), format_func=LAYOUTS.get, default="wide",
                                required=True, key="diagram_layout")


def _stages(item: Process | Comparison) -> list[tuple[str, Stage, str]]:
    """(selection key, stage, side label) for every clickable stage, in stepping order."""
    if isinstance(item, Process):
        return [(s.id, s, "") for s in item.stages]
    processes = data.diagrams().processes
    left = {s.id: s for s in processes[item.left].stages}
    right = {s.id: s for s in processes[item.right].stages}
    out = []
    for pair in item.pairs:
        if pair.left:
            out.append((f"left:{pair.left}", left[pair.left], processes[item.left].title))
        if pair.right:
            out.append((f"right:{pair.right}", right[pair.right], processes[item.right].title))
    return out


def _select(state_key: str, chart_key: str, keys: list[str]) -> None:
    points = st.session_state[chart_key].selection.points
    if points and points[0].get("customdata") in keys:
        st.session_state[state_key] = keys.index(points[0]["customdata"])


def _step(state_key: str, delta: int, count: int) -> None:
    current = st.session_state.get(state_key)
    st.session_state[state_key] = 0 if current is None else max(0, min(count - 1, current + delta))


@st.fragment
def show(item: Process | Comparison, *, key: str, layout: str, beside: bool = True) -> None:
    """The diagram with its stepper, a detail panel (beside it on wide screens) and a text version.

    A fragment: clicking or stepping reruns only the diagram, not the whole page.
    Comparisons are wide, so their details always go below them.
    """
    beside = beside and not isinstance(item, Comparison)
    stages = _stages(item)
    keys = [k for k, _, _ in stages]
    state_key = f"{key}-stage"
    index = st.session_state.get(state_key)
    highlight = keys[index] if index is not None else None
    chart_key = f"{key}-chart-{index}"
    figure = data.figure(item.id, highlight, None, layout, False)
    st.markdown(item.intro)
    chart_area, detail_area = st.columns([3, 2]) if beside else (st.container(), st.container())
    chart_area.plotly_chart(figure, key=chart_key, on_select=lambda: _select(state_key, chart_key, keys),
                    selection_mode="points", config={"displayModeBar": False},
                    alt=f"Diagram: {item.title}")
    left, middle, right = chart_area.columns([1, 2, 1], vertical_alignment="center")
    left.button("← Tahap sebelumnya", key=f"{key}-prev", on_click=_step, args=(state_key, -1, len(keys)),
                disabled=index in (None, 0), width="stretch")
    middle.markdown(f"**Tahap {index + 1} dari {len(keys)}**" if index is not None
                    else "Klik salah satu tahap, atau tekan **Tahap berikutnya**.", text_alignment="center")
    right.button("Tahap berikutnya →", key=f"{key}-next", on_click=_step, args=(state_key, 1, len(keys)),
                 disabled=index == len(keys) - 1, type="primary", width="stretch")
    if index is None:
        detail_area.info("Detail tahap muncul di sini.")
    else:
        _, stage, side = stages[index]
        with detail_area.container(border=True, key=f"{key}-detail"):
            if side:
                st.caption(side.upper())
            st.markdown(f"#### {stage.number}. {stage.title}")
            st.markdown(stage.description)
            st.markdown(f"**Contoh:** {stage.example}")
            nav.link("materi", "Baca penjelasannya di materi", bagian=stage.section)
    with st.expander("Versi teks (untuk dibaca atau dicetak)"):
        st.markdown(text_version(item))


def text_version(item: Process | Comparison) -> str:
    """The diagram as an ordered list (screen readers, printing, readers who prefer text)."""
    if isinstance(item, Process):
        lines = []
        for s in item.stages:
            when = f" ({s.year})" if s.year else ""
            lines.append(f"{s.number}. **{s.title}**{when}: {s.description} *Contoh:* {s.example}")
        if item.kind == "cycle":
            lines.append(f"\nSetelah tahap {len(item.stages)}, siklus kembali ke tahap 1.")
        return "\n".join(lines)
    processes = data.diagrams().processes
    left, right = processes[item.left], processes[item.right]

    def side(process: Process, stage_id: str | None) -> str:
        stage = next((s for s in process.stages if s.id == stage_id), None)
        return f"**{stage.title}** ({process.title})" if stage else f"tidak ada padanan ({process.title})"

    lines = [f"{n}. {side(left, p.left)} ↔ {side(right, p.right)}: {p.note}" for n, p in enumerate(item.pairs, start=1)]
    lines.append("\n**Perbedaan utama**\n")
    lines += [f"- **{d.aspect}.** {left.title}: {d.left} {right.title}: {d.right}" for d in item.differences]
    return "\n".join(lines)
