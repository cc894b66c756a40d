"""Scrolling where a student's action asks for it: Streamlit keeps the scroll position across reruns.

`to_top` brings a new section's heading up when the section changes (Sebelumnya/Berikutnya, the table of
contents); `into_view` brings an element (a selected stage's detail) on screen when it is out of sight, as it
is on a phone, where the detail sits below ten stacked stages. Both scroll only when their ``token`` changes,
never on a rerun that keeps it (a diagram click, a quiz answer). A tiny ``st.components.v2`` script, no iframe.
"""

from __future__ import annotations

import streamlit as st

HEADER_PX = 64  # Streamlit's fixed header: what is scrolled to stays below it

_JS = """
export default function ({ data, parentElement }) {
  if (parentElement.lkToken === data.token) return;
  parentElement.lkToken = data.token;
  const go = () => {
    if (!data.selector) {  // the page's top: the main area scrolls, not the window (the window too, to be sure)
      document.querySelector('[data-testid="stMain"]')?.scrollTo({ top: 0 });
      window.scrollTo({ top: 0 });
      return;
    }
    const target = document.querySelector(data.selector);
    if (!target) return;
    const box = target.getBoundingClientRect();
    if (data.hidden_only && box.top >= data.header && box.top < window.innerHeight - 120) return;
    target.style.scrollMarginTop = data.header + "px";
    target.scrollIntoView({ block: "start" });
  };
  requestAnimationFrame(() => requestAnimationFrame(go));  // after the rerun's elements are laid out
}
"""
_SCROLL = st.components.v2.component("lessonkit_scroll", js=_JS)


def to_top(token: str, *, key: str) -> None:
    """Scrolls to the page's top whenever ``token`` (the open section) changes."""
    _SCROLL(key=key, data={"token": token, "selector": None, "hidden_only": False, "header": HEADER_PX})


def into_view(selector: str, token: str, *, key: str) -> None:
    """Scrolls the element at ``selector`` to the top of the screen when ``token`` changes and it is out of sight."""
    _SCROLL(key=key, data={"token": token, "selector": selector, "hidden_only": True, "header": HEADER_PX})
