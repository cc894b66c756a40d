"""What both Kuis Langsung pages share: the per-process snapshot of a session, the polling fragment, the
countdown, and the store/bank access with Indonesian messages.

Polling: each page runs one small ``st.fragment(run_every=...)`` that reads the session's version from a
snapshot cached for about a second and shared by every browser session of the process (forty phones make
one query a second, not forty), and reruns the page only when the version went up. Whoever polls also
closes a question whose time is up (compare-and-set: one writer wins).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from lessonkit import live_service as service
from lessonkit.live.errors import LiveError
from lessonkit.live.state import State
from ui import data, flash
from ui.text import plain

POLL_SECONDS = 1.0
STORAGE_DOWN = "Penyimpanan sedang tidak bisa dipakai, jadi Kuis Langsung belum bisa berjalan. Coba lagi sebentar."


def store():
    """The shared store; without it, a message and the page stops."""
    found = data.store()
    if found is None:
        st.error(STORAGE_DOWN)
        st.stop()
    return found


def run(slot: str, action: Callable, *args, refused: dict | None = None, **kwargs):
    """A live service call (`ui.flash.guard`): a refusal (`LiveError`, or one in ``refused``) becomes a warning and
    a storage failure an error in flash slot ``slot``; None then."""
    refusals = {LiveError: lambda refusal: plain(refusal.message), **{k: plain(m) for k, m in (refused or {}).items()}}
    return flash.guard(action, *args, slot=slot, on_failure=lambda: flash.leave(slot, "error", plain(STORAGE_DOWN)),
                       refused=refusals, **kwargs)


@st.cache_resource(ttl=POLL_SECONDS, show_spinner=False, max_entries=512)
def snapshot(session_id: int):
    """The stored session (a frozen `LiveRecord`), read at most about once a second per process."""
    found = data.store()
    return flash.guard(found.live_get, session_id) if found is not None else None


def watch(session_id: int, version: int, extra: Callable | None = None) -> None:
    """Poll the session; rerun the whole page once its version is newer than ``version`` (what the page shows).

    ``extra(record)`` draws something that changes without a new version (the teacher's answered count).
    """

    def poll() -> None:
        record = snapshot(session_id)
        if record is None:
            return
        session = record.session
        if session.state is State.QUESTION_OPEN and session.clock.expired(time.time()):
            record = service.tick(data.store(), record)
        if record.version > version:
            st.rerun(scope="app")
        if extra is not None:
            extra(record)

    st.fragment(poll, run_every=POLL_SECONDS)()


_COUNTDOWN = """<div id="c" role="timer" aria-label="Sisa waktu soal" aria-live="off"
 style="font:700 __SIZE__px/1.1 'Source Sans Pro','Source Sans 3',sans-serif;color:#0B3D91;text-align:center;">
 __TEXT__</div>
<script>
const end = Date.now() + __MS__, box = document.getElementById("c");
function tick() {
  if (__PAUSED__) return;
  const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
  box.textContent = s > 0 ? s + " detik" : "Waktu habis";
  box.style.color = s <= 5 ? "#B3261E" : "#0B3D91";
  if (s > 0) setTimeout(tick, 200);
}
tick();
</script>"""


def countdown(session, big: bool) -> None:
    """The seconds left on the open question, ticking in the browser (the server decides the close)."""
    clock = session.clock
    paused = session.state is State.PAUSED
    left = clock.remaining(time.time())
    size = 96 if big else 40
    text = "Dijeda" if paused else f"{int(left + 0.999)} detik"
    html = (_COUNTDOWN.replace("__SIZE__", str(size)).replace("__TEXT__", text)
            .replace("__MS__", str(int(left * 1000))).replace("__PAUSED__", "true" if paused else "false"))
    st.iframe(html, height=size + 24)
