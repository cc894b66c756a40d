"""Asking the browser to call one of the app's cookie routes (``server/``): a tiny same-origin fetch, no reload.

Streamlit scripts cannot set cookies. The teacher's session (``ui.teacher.signin``) and the device that remembers a
student (``ui.student``) keep a pending request ``{"id", "url", "body"}`` in session state under their own key;
`send` renders it (sent once per request id in the browser): until the route has answered, or, ``quiet``, for
the rest of the session without the rerun an answer would cause (a rerun would wipe a one-time message shown
with the action, such as "Kamu bergabung ke kelas").
"""

from __future__ import annotations

import functools

import streamlit as st

_COOKIE_JS = """
export default function({ data, setTriggerValue }) {
  if (!data || !data.url) return;
  const sent = (window.__lessonkitCookieRequests ||= new Set());
  if (sent.has(data.id)) return;
  sent.add(data.id);
  const sending = fetch(data.url, {method: "POST", credentials: "same-origin", cache: "no-store",
                                   headers: {"Content-Type": "application/json"}, body: JSON.stringify(data.body)});
  if (data.quiet) { sending.catch(() => {}); return; }
  sending
    .then((response) => setTriggerValue("done", response.ok ? "ok" : String(response.status)))
    .catch(() => setTriggerValue("done", "gagal"));
}
"""
_cookie_request = st.components.v2.component("lessonkit_cookie", js=_COOKIE_JS)


def _done(state_key: str) -> None:
    st.session_state.pop(state_key, None)


def send(state_key: str, quiet: bool = False) -> None:
    """Render the request pending under ``state_key`` (nothing when there is none); kept out of the page layout."""
    pending = st.session_state.get(state_key)
    if pending is None:
        return
    with st.sidebar:
        if quiet:
            _cookie_request(data={**pending, "quiet": True}, key=f"cookie-{state_key}")
        else:
            _cookie_request(data=pending, key=f"cookie-{state_key}", on_done_change=functools.partial(_done, state_key))
