"""Every kind of place Streamlit shows a string, filled with the hostile corpus the way ``ui/text.py`` says.

tests/browser/test_user_text.py opens this page in Chromium and checks that
each context shows the text exactly as typed, interprets nothing and fetches
nothing. It proves ``plain()`` and ``chart_label()`` for pages that exist and
for those still to come (teacher overview, live class quiz).
"""

import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.hostile import CORPUS  # noqa: E402
from ui.text import chart_label, plain  # noqa: E402

st.set_page_config(page_title="Teks pengguna")
st.title("Teks pengguna")
for key, text in CORPUS.items():
    shown = text[:300]
    with st.container(key=f"markdown-{key}"):
        st.markdown(f"**Nama:** {plain(shown)}")
    with st.container(key=f"caption-{key}"):
        st.caption(plain(shown))
    with st.container(key=f"expander-{key}"):
        with st.expander(plain(shown)):
            st.write("isi")
    with st.container(key=f"metric-{key}"):
        st.metric(plain(shown), plain(shown))
    with st.container(key=f"button-{key}"):
        st.button(plain(shown), key=f"b-{key}")
    with st.container(key=f"checkbox-{key}"):
        st.checkbox(plain(shown), key=f"c-{key}")
    with st.container(key=f"radio-{key}"):
        st.radio("Pilihan", [shown], format_func=plain, key=f"r-{key}")
    with st.container(key=f"label-{key}"):
        st.text_input(plain(shown), key=f"t-{key}")
    with st.container(key=f"alert-{key}"):
        st.info(plain(shown))
    with st.container(key=f"tabs-{key}"):
        st.tabs([plain(shown)])
    with st.container(key=f"select-{key}"):
        st.selectbox("Daftar", [shown], key=f"s-{key}")
with st.container(key="table"):
    st.dataframe(pd.DataFrame({"Nama": [t[:300] for t in CORPUS.values()]}), hide_index=True)
with st.container(key="chart"):
    names = [chart_label(t[:40]) for t in CORPUS.values()]
    st.plotly_chart(go.Figure(go.Bar(x=list(range(len(names))), y=names, orientation="h",
                                     hovertext=names)).update_layout(title=chart_label(CORPUS["html-image"]),
                                                                     height=900),
                    config={"displayModeBar": False, "staticPlot": True})
if st.button("Tampilkan toast", key="toast"):
    for text in CORPUS.values():
        st.toast(plain(text[:300]))
