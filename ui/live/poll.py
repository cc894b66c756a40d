"""What both Kuis Langsung pages share: how a page learns that the session moved (push, with a slow poll
behind it), the per-process snapshot of a session, the countdown, large type, and the store access with
Indonesian messages.

Push: a tiny component (`follow`, ``ui/live/live_push.js``) listens to the server's event stream
(``server/live_events.py``). When the version passes the one shown, it reruns what holds it: on a phone the
fragment that draws the seat's screen, not the page, so a phone shows a new question within a moment of the
teacher opening it and costs the server nothing while it waits; on the projector (one per session) the page.

Poll (`watch`): a small ``st.fragment(run_every=...)`` reads the version from a snapshot cached for about a
second and shared by every browser session of the process. It reruns the page only when the screen has
stayed behind for two polls in a row (the push did not get through: a phone that slept, a proxy that holds
the stream). Whoever polls also closes a question whose time is up (compare-and-set: one writer wins); the
projector polls every second for that and for its live count, phones every `FALLBACK_SECONDS`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from lessonkit.live.errors import LiveError
from lessonkit.live.state import State
from lessonkit.services import live_session as service
from ui import data, flash
from ui.text import plain

POLL_SECONDS = 1.0
FALLBACK_SECONDS = 3.0
SHOWN = "live_shown_version"
BEHIND = "live_behind_version"
HERE = Path(__file__).resolve().parent
_PUSH = st.components.v2.component("lessonkit_live_push", js=(HERE / "live_push.js").read_text(encoding="utf-8"))
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


def _moved() -> None:
    """The push component's trigger: its fragment reruns (nothing else to do)."""


def follow(session_id: int, version: int) -> None:
    """Where the session is drawn at ``version``: rerun that fragment (or the page) when the version moves."""
    st.session_state[SHOWN] = (session_id, version)
    _PUSH(key=f"live-push-{session_id}", data={"session": session_id, "version": version,
                                               "url": f"/_live/events?sesi={session_id}"},
          on_moved_change=_moved)


def behind(session_id: int, version: int) -> bool:
    """Whether the screen has stayed behind ``version`` (the stored one) for two polls in a row."""
    shown = st.session_state.get(SHOWN)
    if shown is None or shown[0] != session_id or version <= shown[1]:
        return False
    late = st.session_state.get(BEHIND) == (session_id, version)
    st.session_state[BEHIND] = (session_id, version)
    return late


def watch(session_id: int, every: float = FALLBACK_SECONDS, extra: Callable | None = None) -> None:
    """Poll the session every ``every`` seconds; rerun the page when the push did not bring a move (`behind`).

    ``extra(record)`` draws something that changes without a new version (the teacher's answered count).
    """

    def poll() -> None:
        record = snapshot(session_id)
        if record is None:
            return
        session = record.session
        if session.state is State.QUESTION_OPEN and session.clock.expired(time.time()):
            record = service.tick(data.store(), record)
        if behind(session_id, record.version):
            st.rerun(scope="app")
        if extra is not None:
            extra(record)

    st.fragment(poll, run_every=every)()


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
