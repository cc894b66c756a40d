"""An interactive stage diagram: select a stage by click or keyboard, step through; details beside; a text version.

The drawing is server-built SVG (``lessonkit/display/diagram_svg.py``), cached for
every session by ``ui/data``: the page needs no chart library, so the first
diagram shows as soon as the text does. A small ``st.components.v2``
component puts a real ``<button>`` over every stage (accessible name, visible
focus ring, arrow keys move between stages) and shows the widest of the
drawings that fits its column (wide on a laptop, three a row beside the
details, stacked on a phone). With ``projector=True`` it also gets the projector's drawings (``big``: larger
type) and uses them on a screen at least 1600 px wide, so labels stay readable from the back of a class.
A button press reruns only the diagram's fragment.

The drawings reach a browser once per session; the selected stage is
highlighted in the page and drawn in the theme's colours (light or dark).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lessonkit.display.diagram_text import differences, text_version
from lessonkit.lesson.stages import Comparison, Process
from ui import data, nav, scroll

HERE = Path(__file__).resolve().parent
_HTML = '<div class="lk-frame"><div class="lk" data-lk-diagram></div></div>'
_PICTURE = st.components.v2.component("lessonkit_diagram", html=_HTML,
                                      css=(HERE / "diagram_view.css").read_text(encoding="utf-8"),
                                      js=(HERE / "diagram_view.js").read_text(encoding="utf-8"))
_SENT = "lk-diagrams-sent"  # names of the drawings this session's page holds (ui/learn/diagram_view.js keeps them)


def picture(item: Process | Comparison, *, key: str, highlight: str | None = None, revealed: int | None = None,
            big: bool = False, projector: bool = False, on_select=None) -> None:
    """The drawing. With ``on_select`` every stage is a button: a press calls ``on_select``, and the pressed
    stage's key (see `lessonkit.display.diagram_svg.steps`) is then in ``st.session_state[key]["select"]``.

    The drawings go to this browser once (`_unsent`); after that a rerun sends only their name and the stage to
    highlight, so "Tahap berikutnya" costs a few hundred bytes, not every drawing again. ``projector``: the
    projector's drawings too (sent once as well), used by the page on a screen at least 1600 px wide.
    """
    name, drawings = data.drawings(item.id, revealed, big)
    payload = {"name": name, "drawings": drawings if _unsent(name) else None, "selected": highlight,
               "interactive": on_select is not None, "big": big, "projector": None, "projector_drawings": None}
    if projector and not big:
        wide_name, wide_drawings = data.drawings(item.id, revealed, True)
        payload.update(projector=wide_name, projector_drawings=wide_drawings if _unsent(wide_name) else None)
    callbacks = {"on_missing_change": lambda: _resend(key)}
    if on_select is not None:
        callbacks["on_select_change"] = on_select
    _PICTURE(key=key, data=payload, **callbacks)


def wide(item: Process | Comparison) -> bool:
    """Whether the diagram needs the whole width (a comparison, a timeline): its text goes below it."""
    return item.kind in ("comparison", "timeline")


def _unsent(name: str) -> bool:
    """Whether this session's browser lacks the drawings ``name``; from now on it is taken to have them."""
    sent = st.session_state.setdefault(_SENT, set())
    if name in sent:
        return False
    sent.add(name)
    return True


def _resend(key: str) -> None:
    """The picture ``key`` reported drawings its page does not hold (a run that never reached it): send again."""
    st.session_state.get(_SENT, set()).discard((st.session_state.get(key) or {}).get("missing"))


def _select(state_key: str, picture_key: str, keys: list[str]) -> None:
    chosen = (st.session_state.get(picture_key) or {}).get("select")
    if chosen in keys:
        st.session_state[state_key] = keys.index(chosen)


def _step(state_key: str, delta: int, count: int) -> None:
    current = st.session_state.get(state_key)
    st.session_state[state_key] = 0 if current is None else max(0, min(count - 1, current + delta))


def show(item: Process | Comparison, *, key: str, beside: bool = True, projector: bool = False) -> None:
    """The diagram with its stepper, a detail panel (beside it on wide screens) and a text version.

    Selecting or stepping reruns only the drawing, stepper and details (`_stepper`, a fragment), so the intro
    and the text version are not sent again. Comparisons and timelines are wide, so their details always go
    below them.
    """
    st.markdown(item.intro)
    _stepper(item, key=key, beside=beside and not wide(item), projector=projector)
    processes = data.diagrams().processes
    if isinstance(item, Comparison):
        st.markdown(differences(item, processes))
    with st.expander("Versi teks (untuk dibaca atau dicetak)"):
        st.markdown(text_version(item, processes))


@st.fragment
def _stepper(item: Process | Comparison, *, key: str, beside: bool, projector: bool) -> None:
    sequence = data.stage_steps(item.id)
    keys = [s.key for s in sequence]
    state_key, picture_key = f"{key}-stage", f"{key}-picture"
    index = st.session_state.get(state_key)
    chart_area, detail_area = st.columns([3, 2]) if beside else (st.container(), st.container())
    with chart_area:
        picture(item, key=picture_key, highlight=keys[index] if index is not None else None, projector=projector,
                on_select=lambda: _select(state_key, picture_key, keys))
    left, middle, right = chart_area.columns([3, 2, 3], vertical_alignment="center")
    left.button("← Tahap sebelumnya", key=f"{key}-prev", on_click=_step, args=(state_key, -1, len(keys)),
                disabled=index in (None, 0), width="stretch")
    middle.markdown(f"**Tahap {index + 1} dari {len(keys)}**" if index is not None
                    else "Klik salah satu tahap, atau tekan **Tahap berikutnya**.", text_alignment="center")
    right.button("Tahap berikutnya →", key=f"{key}-next", on_click=_step, args=(state_key, 1, len(keys)),
                 disabled=index == len(keys) - 1, type="primary", width="stretch")
    if index is None:
        detail_area.info("Detail tahap muncul di sini.")
    else:
        step = sequence[index]
        with detail_area.container(border=True, key=f"{key}-detail"):
            if step.side:
                st.caption(step.side.upper())
            st.markdown(f"#### {step.stage.number}. {step.stage.title}")
            st.markdown(step.stage.description)
            st.markdown(f"**Contoh:** {step.stage.example}")
            nav.link("materi", "Baca penjelasannya di materi", bagian=step.stage.section)
            scroll.into_view(f".st-key-{key}-detail", step.key, key=f"{key}-scroll")  # last: its gap is unseen
