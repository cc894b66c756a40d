"""Entry point: ``streamlit run app.py`` serves the lesson script with this project's HTTP additions.

``st.App`` (Streamlit 1.67) lets the server carry our own routes and middleware
(``server/``), for every way the app is run: ``streamlit run app.py``, the
nginx deployment (``deploy/cluster.py``) and Streamlit Community Cloud. The
Streamlit script itself, page config and navigation, is ``app_script.py``.
"""

import streamlit as st

from server import middleware, routes

app = st.App("app_script.py", routes=routes(), middleware=middleware())
