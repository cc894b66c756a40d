"""The exam countdown: ticks in the browser, so it costs the server nothing per second.

The deadline itself is enforced on the server (lessonkit.quiz.exam); this is
only the display. A fragment that fires once, just after the deadline,
submits the exam without rerunning the whole page every second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st
import streamlit.components.v1 as components

_TEMPLATE = """<div id="t" role="timer" aria-label="Sisa waktu ujian"
 style="display:inline-block;padding:6px 14px;border-radius:8px;background:#0B5CAD;color:#fff;
 font:600 20px/1.3 'Source Sans Pro','Source Sans 3',sans-serif;">Sisa waktu --:--</div>
<script>
const end = Date.now() + __MS__;
const box = document.getElementById("t");
function tick() {
  const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
  const m = Math.floor(s / 60);
  box.textContent = s > 0 ? "Sisa waktu " + m + ":" + String(s % 60).padStart(2, "0") : "Waktu habis";
  box.style.background = s <= 60 ? "#B3261E" : "#0B5CAD";
  if (s > 0) setTimeout(tick, 250);
}
tick();
</script>"""


def countdown(seconds_left: float) -> None:
    components.html(_TEMPLATE.replace("__MS__", str(int(seconds_left * 1000))), height=50)


def submit_when_due(seconds_left: float, grace: float, on_due: Callable[[float], bool]) -> None:
    """Rerun the app once, right after the deadline, if ``on_due(now)`` closed the exam."""

    def watch() -> None:
        if on_due(time.time()):
            st.rerun(scope="app")

    st.fragment(watch, run_every=max(1.0, seconds_left + grace + 0.5))()
