"""Tables that fit a phone: a static table on a wide screen, one card per row on a narrow one.

A grid (``st.dataframe``) keeps its columns side by side, so on a 390 px phone only the first one shows and
the rest sit off-screen. `reflowing` draws a plain table instead and, below ``PHONE_PX``, turns each row into
a card: the first column's value as its heading, then every other value after its column's name. The
stylesheet is scoped to the table's keyed container (``st-key-<key>``); the column names it writes are
the table's own (set by this app), escaped for CSS.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from lessonkit.rules.safe_export import safe_frame

PHONE_PX = 640  # at or below this viewport width a table becomes cards


def _css_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid CSS string (quotes and \\ escaped)


def _style(key: str, columns: list[str]) -> str:
    scope = f".st-key-{key}"
    labels = "".join(f"{scope} td:nth-of-type({n})::before {{ content: {_css_string(f'{name}: ')}; }}"
                     for n, name in enumerate(columns[1:], start=2))
    return f"""<style>@media (max-width: {PHONE_PX}px) {{
{scope} thead {{ display: none; }}
{scope} table, {scope} tbody, {scope} tr, {scope} td, {scope} th {{ display: block; width: 100%; }}
{scope} tr {{ padding: 0.35rem 0; border-bottom: 1px solid rgba(128, 128, 128, 0.35); }}
{scope} td, {scope} th {{ border: 0 !important; padding: 0.1rem 0.5rem !important; text-align: left !important; }}
{scope} td:first-of-type {{ font-weight: 600; }}
{scope} td::before {{ font-weight: 600; }}
{labels}
}}</style>"""


def reflowing(frame: pd.DataFrame, *, key: str) -> None:
    """``frame`` (formula-safe, its index hidden) as a table that becomes one card per row on a phone."""
    st.html(_style(key, list(frame.columns)))
    with st.container(key=key):
        st.table(safe_frame(frame), hide_index=True)
