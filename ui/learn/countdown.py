"""The exam bar: time left, "7/10 dijawab" and a question navigator, sticky at the top while a student scrolls.

It ticks in the browser (a small ``st.components.v2`` component, ``countdown.js``), so it costs the server
nothing per second; the answered count follows the question boxes' answered markers on the page, so answering
still reruns only that question's fragment. The deadline itself is enforced on the server
(lessonkit.quiz.exam); this is only the display. A fragment that fires once, just after the deadline, submits
the exam without rerunning the whole page every second; once submitted, the page goes back to its top so the
score is seen first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
_HTML = ('<div class="lk-exam-bar"><div class="lk-timer" role="timer" aria-label="Sisa waktu ujian">'
         'Sisa waktu --:--</div><div class="lk-count" aria-live="polite"></div>'
         '<nav class="lk-nav" aria-label="Daftar soal"></nav></div>')
_BAR = st.components.v2.component("lessonkit_exam_bar", html=_HTML, isolate_styles=False,
                                  css=(HERE / "countdown.css").read_text(encoding="utf-8"),
                                  js=(HERE / "countdown.js").read_text(encoding="utf-8"))


def question_key(prefix: str, number: int) -> str:
    """The key of question ``number``'s box: the navigator scrolls to it."""
    return f"{prefix}-q-{number}"


def answered_key(prefix: str, number: int) -> str:
    """The key of the marker shown in question ``number``'s box once it is answered: the bar counts these."""
    return f"{prefix}-done-{number}"


def exam_bar(seconds_left: float, answered: int, total: int, prefix: str) -> None:
    _BAR(key=f"{prefix}-bar", data={"ms": int(seconds_left * 1000), "answered": answered, "total": total,
                                    "prefix": prefix})


def submit_when_due(seconds_left: float, grace: float, on_due: Callable[[float], bool]) -> None:
    """Rerun the app once, right after the deadline, if ``on_due(now)`` closed the exam."""

    def watch() -> None:
        if on_due(time.time()):
            st.rerun(scope="app")

    st.fragment(watch, run_every=max(1.0, seconds_left + grace + 0.5))()


_TO_TOP = st.components.v2.component("lessonkit_to_top", js="""
export default function ({ data }) {
  const seen = (window.__lessonkitToTop ||= new Set());
  if (!data || seen.has(data.token)) return;
  seen.add(data.token);
  requestAnimationFrame(() => {
    window.scrollTo({ top: 0 });
    document.querySelectorAll("section.stMain, [data-testid='stMain']").forEach((el) => { el.scrollTop = 0; });
  });
}
""")


def to_top_once(token: str) -> None:
    """Scroll the page to its top once per ``token`` (e.g. when an exam's results replace its questions: the
    student sees the score first, not the last explanation)."""
    _TO_TOP(key=f"to-top-{token}", data={"token": token})
