"""Links and QR codes that students open on their phones (class join, Kuis Langsung), and the teacher's notice
when the page is on an address phones cannot open. The address logic is `lessonkit.services.join_address`."""

from __future__ import annotations

import streamlit as st

from lessonkit.services.join_address import JoinBase, join_base, lan_addresses


@st.cache_data(ttl=60, show_spinner=False)
def _addresses() -> list[str]:
    return lan_addresses()


def _page_url() -> str:
    return st.context.url or ""


def base() -> JoinBase:
    return join_base(_page_url(), st.get_option("browser.serverAddress"), st.get_option("server.address"),
                     _addresses())


def link(path: str) -> str:
    """``<address phones can open>/<path>``; ``path`` starts with "/" and may carry a query."""
    return f"{base().url}{path}"


def notice() -> None:
    """Tell the teacher which address to give students when this page is on ``localhost`` (nothing otherwise)."""
    if text := base().notice:
        st.warning(text)
